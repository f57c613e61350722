/* The site's one script: filters for listings (showcase, buy-social, tracker, decisions), the maps of the showcase
 * and the district pages, downloads of the rows a list shows, and copy-link controls for asks. Every page works
 * without it; it only adds.
 *
 * It reads and writes only `data-*` markers, never class names; each one it shares with the templates is listed,
 * with what it means, in docs/reference/markers.md (a test keeps that page complete).
 *
 * Material's instant navigation swaps pages without reloading, so `init` runs on each `document$`; listeners on
 * elements of a page go with the page, and the one window listener (popstate) is added once and asks the listing
 * of the current page.
 */
(function () {
  "use strict";

  var current = null; // the filterable listing of the page on screen, if any

  function all(scope, selector) {
    return Array.prototype.slice.call(scope.querySelectorAll(selector));
  }

  /* -- filters ------------------------------------------------------------------------------------ */

  function readItems(root, facets) {
    return all(root, "[data-item]").map(function (card) {
      var values = {};
      facets.forEach(function (facet) {
        values[facet] = (card.getAttribute("data-" + facet) || "").split(" ").filter(Boolean);
      });
      var words = all(card, "[data-search]").map(function (el) { return el.textContent; });
      words.push(card.dataset.text || "");
      return { card: card, values: values, text: words.join(" ").toLowerCase(), visible: true };
    });
  }

  function selection(form, facets) {
    var chosen = {};
    facets.forEach(function (facet) {
      chosen[facet] = all(form, "input[name='" + facet + "']:checked").map(function (input) { return input.value; });
    });
    return chosen;
  }

  function words(search) {
    return search.value.toLowerCase().split(/\s+/).filter(Boolean);
  }

  // One pass over the items: for each, a bitmask of the facets it fails. An item shows when it fails none;
  // it counts towards a facet's values when it fails at most that facet (what ticking one more value there gives).
  function match(items, facets, chosen, terms) {
    var wanted = facets.map(function (facet) {
      if (!chosen[facet].length) return null;
      var set = {};
      chosen[facet].forEach(function (value) { set[value] = true; });
      return set;
    });
    var counts = facets.map(function () { return {}; });
    var shown = 0;
    items.forEach(function (item) {
      var fails = 0;
      facets.forEach(function (facet, f) {
        var set = wanted[f];
        if (set && !item.values[facet].some(function (value) { return set[value]; })) fails |= 1 << f;
      });
      var textOk = terms.every(function (term) { return item.text.indexOf(term) !== -1; });
      item.visible = textOk && fails === 0;
      if (item.visible) shown++;
      if (!textOk) return;
      facets.forEach(function (facet, g) {
        if ((fails & ~(1 << g)) !== 0) return;
        item.values[facet].forEach(function (value) { counts[g][value] = (counts[g][value] || 0) + 1; });
      });
    });
    return { shown: shown, counts: counts };
  }

  function toQuery(form, search, facets) {
    // Commas stay unescaped between values, so the query reads well when shared: ?district=noord,oost
    var parts = [];
    var chosen = selection(form, facets);
    if (search.value.trim()) parts.push("text=" + encodeURIComponent(search.value.trim()));
    facets.forEach(function (facet) {
      if (chosen[facet].length) parts.push(facet + "=" + chosen[facet].map(encodeURIComponent).join(","));
    });
    var query = parts.join("&");
    return location.pathname + (query ? "?" + query : "") + location.hash;
  }

  function fromQuery(form, search, facets) {
    var params = new URLSearchParams(location.search);
    search.value = params.get("text") || "";
    facets.forEach(function (facet) {
      var wanted = (params.get(facet) || "").split(",").filter(Boolean);
      all(form, "input[name='" + facet + "']").forEach(function (input) {
        input.checked = wanted.indexOf(input.value) !== -1;
      });
    });
  }

  function setupFilters(root) {
    var form = root.querySelector("form[data-filters]");
    if (!form || root.dataset.ready) return current;
    root.dataset.ready = "true";
    var search = form.querySelector("input[name=text]");
    var facets = all(form, "fieldset[data-facet]").map(function (fieldset) { return fieldset.dataset.facet; });
    var items = readItems(root, facets);
    var countBox = root.querySelector("[data-count]");
    var countText = root.querySelector("[data-count-text]");
    var empty = root.querySelector("[data-empty]");
    var active = root.querySelector("[data-active-count]");
    var groups = all(root, "[data-group]");
    var countCells = facets.map(function (facet) {
      return all(form, "input[name='" + facet + "']").map(function (input) {
        return { value: input.value, node: input.parentNode.querySelector("[data-value-count]") };
      });
    });
    var map = setupMap(root, items);
    setupDownload(root, items);

    function update() {
      var chosen = selection(form, facets);
      var result = match(items, facets, chosen, words(search));
      items.forEach(function (item) {
        if (item.card.hidden === item.visible) item.card.hidden = !item.visible;
      });
      countCells.forEach(function (cells, f) {
        cells.forEach(function (cell) {
          var text = String(result.counts[f][cell.value] || 0);
          if (cell.node.textContent !== text) cell.node.textContent = text;
        });
      });
      countBox.setAttribute("data-count", result.shown);
      countText.textContent = result.shown;
      if (empty) empty.hidden = result.shown !== 0;
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("[data-item]:not([hidden])");
      });
      if (active) {
        var on = facets.reduce(function (n, facet) { return n + chosen[facet].length; }, search.value.trim() ? 1 : 0);
        active.textContent = on ? "(" + on + ")" : "";
      }
      if (map) map.update();
    }

    form.addEventListener("change", function (event) {
      if (event.target === search) return;
      update();
      history.pushState(null, "", toQuery(form, search, facets));
    });
    var typing;
    search.addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(function () { update(); history.replaceState(null, "", toQuery(form, search, facets)); }, 120);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    all(root, "[data-clear]").forEach(function (button) {
      button.addEventListener("click", function () {
        form.reset();
        search.value = "";
        update();
        history.pushState(null, "", toQuery(form, search, facets));
        search.focus();
      });
    });
    setupToggle(root, root.querySelector("[data-filters-toggle]"), "filtersOpen");
    form.hidden = false;
    fromQuery(form, search, facets);
    update();
    return {
      root: root,
      restore: function () { fromQuery(form, search, facets); update(); },
    };
  }

  /* A disclosure button for narrow screens: it flips data-<name> on the listing root between "true" and
     "false", and CSS folds the panel on narrow screens while it is "false". Wide screens ignore both. */
  function setupToggle(root, button, name, onOpen) {
    if (!button) return;
    root.dataset[name] = "false";
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = root.dataset[name] !== "true";
      root.dataset[name] = String(open);
      button.setAttribute("aria-expanded", String(open));
      if (open && onOpen) onOpen();
    });
  }

  /* -- download these results ---------------------------------------------------------------------- */

  // The rows of a CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks), each with its
  // text as written, so that the downloaded file keeps the export's cells exactly.
  function csvRows(text) {
    var rows = [], start = 0, quoted = false;
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (c === '"') quoted = !quoted;
      else if (!quoted && c === "\n") {
        rows.push(text.slice(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length) rows.push(text.slice(start));
    return rows;
  }

  function firstCell(row) {
    if (row[0] !== '"') return row.split(",")[0].replace(/\r?\n$/, "");
    var end = 1;
    while (end < row.length && !(row[end] === '"' && row[end + 1] !== '"')) end += row[end] === '"' ? 2 : 1;
    return row.slice(1, end).replace(/""/g, '"');
  }

  /* "Download these results (CSV)": the rows of the listing's open-data file (data-download) whose id is an item
     shown now (data-key), with the file's header; made in the browser, nothing is sent anywhere. */
  function setupDownload(root, items) {
    var box = root.querySelector("[data-download-results]");
    if (!box || !root.dataset.download) return;
    var link = box.querySelector("a");
    box.hidden = false;
    link.addEventListener("click", function (event) {
      event.preventDefault();
      fetch(root.dataset.download).then(function (response) { return response.text(); }).then(function (text) {
        var bom = text.charCodeAt(0) === 0xfeff ? "\ufeff" : "";
        var rows = csvRows(bom ? text.slice(1) : text);
        var shown = {};
        items.forEach(function (item) { if (item.visible) shown[item.card.dataset.key] = true; });
        var kept = rows.slice(1).filter(function (row) { return shown[firstCell(row)]; });
        var blob = new Blob([bom + rows[0] + kept.join("")], { type: "text/csv;charset=utf-8" });
        var save = document.createElement("a");
        save.href = URL.createObjectURL(blob);
        save.download = (root.dataset.listing || root.dataset.download.split("/").pop().replace(/\.csv$/, "")) + "-results.csv";
        document.body.appendChild(save);
        save.click();
        save.remove();
        setTimeout(function () { URL.revokeObjectURL(save.href); }, 1000);
      });
    });
  }

  /* A list that is not filtered (an official's asks, a district's enterprises, the scorecard's tables): every item
     shows, and the same download (and map, where the list has one) as on a filterable listing. */
  function setupList(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "true";
    var items = all(root, "[data-item]").map(function (card) { return { card: card, visible: true }; });
    setupDownload(root, items);
    var map = setupMap(root, items);
    if (map) map.update();
  }

  /* -- the map ------------------------------------------------------------------------------------ */

  function setupMap(root, items) {
    var box = root.querySelector("[data-map]");
    if (!box || typeof L === "undefined") return null;
    var placed = items.filter(function (item) { return item.card.dataset.lat; });
    if (!placed.length) return null;
    box.hidden = false;
    var map = null;

    // Leaflet measures its box when it starts, so a map folded away on a narrow screen starts when first opened.
    function start() {
      if (map || box.offsetParent === null) return;
      map = L.map(box, { scrollWheelZoom: false, preferCanvas: true });
      L.tileLayer(box.dataset.tiles, { attribution: box.dataset.attribution, maxZoom: 18 }).addTo(map);
      placed.forEach(function (item) {
        var link = item.card.querySelector("[data-item-link]");
        var popup = document.createElement("a");
        popup.href = link.href;
        popup.textContent = link.textContent;
        item.marker = L.circleMarker([parseFloat(item.card.dataset.lat), parseFloat(item.card.dataset.lon)], {
          radius: 7, weight: 2, color: "#00695c", fillOpacity: 0.7,
        }).bindPopup(popup);
        item.onMap = false;
      });
      map.fitBounds(placed.map(function (item) { return item.marker.getLatLng(); }), { padding: [20, 20] });
      update();
    }

    function update() {
      var count = 0;
      placed.forEach(function (item) {
        if (item.visible) count++;
        if (!map || item.visible === item.onMap) return;
        if (item.visible) item.marker.addTo(map); else map.removeLayer(item.marker);
        item.onMap = item.visible;
      });
      box.setAttribute("data-markers", count);
    }

    setupToggle(root, root.querySelector("[data-map-toggle]"), "mapOpen", function () {
      start();
      if (map) map.invalidateSize();
    });
    start();
    return { update: update };
  }

  /* -- the social return calculator ----------------------------------------------------------------- */

  // The page carries the policy's numbers (threshold, rates, factors), made from procurement.yml; this only sums.
  function setupCalculator() {
    var root = document.querySelector("[data-calculator]");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "true";
    var form = root.querySelector("form[data-social-return-form]");
    var result = root.querySelector("[data-social-return-result]");
    var text = result.querySelector("[data-result-text]");
    var cover = result.querySelector("[data-result-cover]");
    var table = root.querySelector("[data-factors]");
    var factors = (table ? table.dataset.factors : "").split(" ").filter(Boolean).map(parseFloat);
    var wises = all(root, "[data-wise]");
    var none = root.querySelector("[data-wise-none]");
    var catalogue = root.querySelector("[data-catalogue-link]");
    var base = catalogue.getAttribute("href");
    var money = new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });

    function update() {
      var value = parseFloat(form.elements.value.value) || 0;
      var low = form.elements.low_labour;
      var rate = low && low.checked ? parseFloat(low.dataset.rate) : parseFloat(form.elements.standard_rate.value);
      var threshold = parseFloat(form.dataset.threshold);
      var owed = value > threshold ? value * rate / 100 : 0;
      text.textContent = owed
        ? "You owe " + money.format(owed) + " in social return: " + rate + "% of " + money.format(value) + "."
        : "At " + money.format(value) + " no social return applies: it applies above " + money.format(threshold) + ".";
      cover.textContent = "";
      if (owed) {
        factors.forEach(function (factor) {
          var item = document.createElement("li");
          item.textContent = "Buy " + money.format(owed / factor) + " from a WISE whose purchases count at factor " + factor + ".";
          cover.appendChild(item);
        });
      }
      var category = form.elements.category.value;
      var shown = 0;
      wises.forEach(function (wise) {
        var match = !category || (" " + wise.dataset.categories + " ").indexOf(" " + category + " ") !== -1;
        wise.hidden = !match;
        if (match) shown++;
      });
      none.hidden = shown !== 0;
      catalogue.setAttribute("href", base + (category ? "?category=" + encodeURIComponent(category) : ""));
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    result.hidden = false;
    update();
  }

  /* -- the self-test ---------------------------------------------------------------------------------- */

  function setupSelfTest() {
    var root = document.querySelector("[data-self-test]");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "true";
    var form = root.querySelector("form[data-self-test-form]");
    var result = root.querySelector("[data-self-test-result]");
    if (!form || !result) return;
    var text = result.querySelector("[data-result-text]");
    var list = result.querySelector("[data-result-criteria]");
    var criteria = all(form, "fieldset[data-criterion]");

    function update() {
      var met = 0, answered = 0;
      list.textContent = "";
      criteria.forEach(function (fieldset, i) {
        var chosen = fieldset.querySelector("input:checked");
        if (!chosen) return;
        answered++;
        if (chosen.value === "yes") met++;
        var item = document.createElement("li");
        item.textContent = "Criterion " + (i + 1) + ": " + (chosen.value === "yes" ? "met" : "not met yet");
        list.appendChild(item);
      });
      result.hidden = answered === 0;
      if (answered < criteria.length) {
        text.textContent = "You meet " + met + " of the " + answered + " criteria answered so far; " + (criteria.length - answered) + " to go.";
      } else if (met === criteria.length) {
        text.textContent = "Your enterprise meets all " + met + " criteria of the definition: apply for a certification scheme below.";
      } else {
        text.textContent = "Your enterprise meets " + met + " of the " + criteria.length + " criteria. Work on the others before you apply for a scheme.";
      }
    }

    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  /* -- copy links --------------------------------------------------------------------------------- */

  /* "Link to this ask": copies the ask's full address, and still works as a plain link. */
  function setupCopyLinks(scope) {
    all(scope, "a[data-copy-link]:not([data-ready])").forEach(function (link) {
      var label = link.textContent;
      link.dataset.ready = "true";
      link.addEventListener("click", function (event) {
        if (!navigator.clipboard) return;
        event.preventDefault();
        history.replaceState(null, "", link.hash);
        navigator.clipboard.writeText(link.href).then(function () {
          link.textContent = "Link copied";
          setTimeout(function () { link.textContent = label; }, 2000);
        });
      });
    });
  }

  /* -- wiring ------------------------------------------------------------------------------------- */

  function init() {
    var root = document.querySelector("[data-filterable]");
    current = root ? setupFilters(root) : null;
    all(document, "[data-download]:not([data-filterable])").forEach(setupList);
    setupCalculator();
    setupSelfTest();
    setupCopyLinks(document);
  }

  window.addEventListener("popstate", function () {
    if (current && document.body.contains(current.root)) current.restore();
  });

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
