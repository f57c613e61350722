/* The site's one script: filters for listings (showcase, buy-social, tracker, certification matrix, decisions), the
 * maps of the showcase and the district pages, downloads of the rows a list shows, and copy-link controls for asks.
 * Every page works without it; it only adds.
 *
 * It reads and writes only `data-*` markers, never class names; each one it shares with the templates is listed,
 * with what it means, in docs/reference/markers.md (a test keeps that page complete).
 *
 * A long listing is rendered on the server a page at a time (the pager links the pages). The filters work over the
 * listing's item file (data-items): every item's facet values and words, and its card as the server lays it out.
 * While no filter is on, the server's page stays as it is; with filters on, the matches are counted over every item
 * and painted a page at a time ("Show more"). The script never makes a card: it inserts the item file's.
 *
 * `init` runs on each of Material's `document$` (once per page: the site has no instant navigation, which would swap
 * pages without reloading and emit it again); listeners on elements of a page go with the page, and the one window
 * listener (popstate) is added once and asks the listing of the current page.
 */
(function () {
  "use strict";

  var current = null; // the filterable listing of the page on screen, if any
  var files = {}; // item files by address, fetched once per page

  function all(scope, selector) {
    return Array.prototype.slice.call(scope.querySelectorAll(selector));
  }

  // A sentence as the page gives it, in the page's language (data-text-more and the like), with its {name} places filled in.
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (place, name) { return name in values ? String(values[name]) : place; });
  }

  /* -- filters ------------------------------------------------------------------------------------ */

  function itemFile(url) {
    if (!files[url]) {
      files[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.json();
      });
      files[url].catch(function () { delete files[url]; }); // a later visit tries again
    }
    return files[url];
  }

  // The item file's entries (a list per field, one value per item) as the filters read them: an object per item,
  // with its values for the form's facets by name.
  function readItems(file, facets) {
    var column = facets.map(function (facet) { return file.facets.indexOf(facet); });
    var fields = file.items;
    return fields.key.map(function (key, i) {
      var values = {};
      facets.forEach(function (facet, f) { values[facet] = column[f] === -1 ? [] : fields.values[i][column[f]]; });
      return {
        key: key, values: values, text: fields.words[i], html: fields.html[i],
        group: fields.group ? fields.group[i] : undefined, geo: fields.geo ? fields.geo[i] || undefined : undefined, visible: true
      };
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
    var shown = [];
    items.forEach(function (item) {
      var fails = 0;
      facets.forEach(function (facet, f) {
        var set = wanted[f];
        if (set && !item.values[facet].some(function (value) { return set[value]; })) fails |= 1 << f;
      });
      var textOk = terms.every(function (term) { return item.text.indexOf(term) !== -1; });
      item.visible = textOk && fails === 0;
      if (item.visible) shown.push(item);
      if (!textOk) return;
      facets.forEach(function (facet, g) {
        if ((fails & ~(1 << g)) !== 0) return;
        item.values[facet].forEach(function (value) { counts[g][value] = (counts[g][value] || 0) + 1; });
      });
    });
    return { shown: shown, counts: counts };
  }

  // The cards of `items` as one piece of HTML, each run of a group's items inside the group's own opening and closing.
  function cardsHtml(items, groups) {
    var out = [];
    var group;
    items.forEach(function (item, i) {
      if (i === 0 || item.group !== group) {
        if (i > 0 && group !== undefined) out.push(groups[group].close);
        group = item.group;
        if (group !== undefined) out.push(groups[group].open);
      }
      out.push(item.html);
    });
    if (items.length && group !== undefined) out.push(groups[group].close);
    return out.join("");
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

  /* The listing's filters start once its item file is in: until then the server's page is all there is, and the
     form stays hidden (a filter that could not yet filter would mislead). */
  function setupFilters(root) {
    var form = root.querySelector("form[data-filters]");
    if (!form || !root.dataset.items) return null;
    if (current && current.root === root) return current;
    var source = new URL(root.dataset.items, location.href);
    var listing = { root: root, restore: function () {} };
    // If the file cannot be had, the server's pages still work, and the filters wait for another visit.
    itemFile(source.href).then(function (file) {
      if (document.body.contains(root)) listing.restore = startFilters(root, form, file, source);
    }, function () {});
    return listing;
  }

  function startFilters(root, form, file, source) {
    var search = form.querySelector("input[name=text]");
    var facets = all(form, "fieldset[data-facet]").map(function (fieldset) { return fieldset.dataset.facet; });
    var items = readItems(file, facets);
    var size = file.size;
    var results = root.querySelector("[data-results]");
    var served = Array.prototype.slice.call(results.childNodes); // the server's page, shown again when no filter is on
    var pager = root.querySelector("[data-pager]");
    var moreBox = root.querySelector("[data-more-box]");
    var more = root.querySelector("[data-more]");
    var countBox = root.querySelector("[data-count]");
    var countText = root.querySelector("[data-count-text]");
    var empty = root.querySelector("[data-empty]");
    var active = root.querySelector("[data-active-count]");
    // Links in the item file are relative to it; on a page elsewhere (showcase/page/2/) they are resolved against it.
    var elsewhere = new URL(".", source).href !== new URL(".", location.href).href;
    var countCells = facets.map(function (facet) {
      return all(form, "input[name='" + facet + "']").map(function (input) {
        return { value: input.value, node: input.parentNode.querySelector("[data-value-count]") };
      });
    });
    var matches = items, limit = size, painted = false, filtering = false;
    var map = setupMap(root, items, source);
    setupDownload(root, items);

    function show() {
      if (filtering) {
        results.innerHTML = cardsHtml(matches.slice(0, limit), file.groups);
        if (elsewhere) {
          all(results, "a[href]").forEach(function (a) { a.href = new URL(a.getAttribute("href"), source).href; });
        }
        painted = true;
      } else if (painted) {
        results.replaceChildren.apply(results, served);
        painted = false;
      }
      if (pager) pager.hidden = filtering;
      var left = filtering ? matches.length - limit : 0;
      moreBox.hidden = left <= 0;
      if (left > 0) more.textContent = fill(more.dataset.textMore, { count: Math.min(size, left), left: left });
    }

    function update() {
      var chosen = selection(form, facets);
      var terms = words(search);
      var result = match(items, facets, chosen, terms);
      var on = facets.reduce(function (n, facet) { return n + chosen[facet].length; }, search.value.trim() ? 1 : 0);
      matches = result.shown;
      filtering = on > 0;
      limit = size;
      show();
      countCells.forEach(function (cells, f) {
        cells.forEach(function (cell) {
          var text = String(result.counts[f][cell.value] || 0);
          if (cell.node.textContent !== text) cell.node.textContent = text;
        });
      });
      countBox.setAttribute("data-count", matches.length);
      countText.textContent = matches.length;
      if (empty) empty.hidden = matches.length !== 0;
      if (active) active.textContent = on ? "(" + on + ")" : "";
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
    // "Show more": the next page of matches; the keyboard goes on from the first card it adds.
    more.addEventListener("click", function () {
      var first = limit;
      limit += size;
      show();
      var next = all(results, "[data-item]")[first];
      var link = next && next.querySelector("a[href]");
      if (link) link.focus();
    });
    setupToggle(root, root.querySelector("[data-filters-toggle]"), "filtersOpen");
    fromQuery(form, search, facets);
    update();
    form.hidden = false;
    root.dataset.ready = "true";
    return function () { fromQuery(form, search, facets); update(); };
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

  /* "Download these results (CSV)": the rows of the listing's open-data file (data-download) whose id is the key of
     an item matching now, on any page, painted or not, with the file's header; made in the browser, nothing is sent
     anywhere. */
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
        items.forEach(function (item) { if (item.visible) shown[item.key] = true; });
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

  /* A list that is not filtered and not paged (an official's asks, a district's enterprises, the scorecard's
     tables): every item is on the page and shows, with the same download (and map, where the list has one, its pins
     from the items' data-lat and data-lon) as on a filterable listing. */
  function setupList(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "true";
    var items = all(root, "[data-item]").map(function (card) {
      var lat = card.dataset.lat, lon = card.dataset.lon;
      return {
        key: card.dataset.key, visible: true, html: card.outerHTML,
        geo: lat && lon ? [parseFloat(lat), parseFloat(lon)] : undefined
      };
    });
    setupDownload(root, items);
    var map = setupMap(root, items, new URL(location.href));
    if (map) map.update();
  }

  /* -- the map ------------------------------------------------------------------------------------ */

  var CELL = 56; // pixels: matching pins closer than this on screen are drawn as one cluster

  /* The map of every matching item with a pin. Pins are clustered on a grid of CELL-pixel squares over the part of
     the map in view, drawn again after each move and zoom: a square holding one pin shows it, a square holding
     several shows their number, and choosing it zooms in on them. At the last zoom a square's pins are one pin
     whose popup lists them all (several enterprises at one address). */
  function setupMap(root, items, source) {
    var box = root.querySelector("[data-map]");
    if (!box || typeof L === "undefined") return null;
    var placed = items.filter(function (item) { return item.geo; });
    if (!placed.length) return null;
    box.hidden = false;
    var map = null, layer = null;

    // Leaflet measures its box when it starts, so a map folded away on a narrow screen starts when first opened.
    function start() {
      if (map || box.offsetParent === null) return;
      map = L.map(box, { scrollWheelZoom: false, preferCanvas: true });
      L.tileLayer(box.dataset.tiles, { attribution: box.dataset.attribution, maxZoom: 18 }).addTo(map);
      layer = L.layerGroup().addTo(map);
      placed.forEach(function (item) { item.latlng = L.latLng(item.geo[0], item.geo[1]); });
      map.fitBounds(L.latLngBounds(placed.map(function (item) { return item.latlng; })), { padding: [20, 20] });
      map.on("moveend", draw);
      draw();
    }

    // The links of a square's items, taken from their cards (an inert parse: nothing in it loads or runs).
    function popup(cell) {
      var links = cell.map(function (item) {
        var parsed = document.createElement("template");
        parsed.innerHTML = item.html;
        var link = parsed.content.querySelector("[data-item-link]").cloneNode(true);
        link.removeAttribute("data-item-link");
        link.href = new URL(link.getAttribute("href"), source).href;
        return link;
      });
      if (links.length === 1) return links[0];
      var list = document.createElement("ul");
      links.forEach(function (link) {
        var entry = document.createElement("li");
        entry.appendChild(link);
        list.appendChild(entry);
      });
      return list;
    }

    function pin(cell) {
      return L.circleMarker(cell[0].latlng, { radius: 7, weight: 2, color: "#00695c", fillOpacity: 0.7 })
        .bindPopup(function () { return popup(cell); });
    }

    function cluster(cell) {
      var bounds = L.latLngBounds(cell.map(function (item) { return item.latlng; }));
      var number = document.createElement("span");
      number.textContent = cell.length;
      var name = fill(box.dataset.textCluster, { count: cell.length });
      var marker = L.marker(bounds.getCenter(), {
        icon: L.divIcon({ html: number, className: "wise-cluster", iconSize: [36, 36] }),
        title: name,
        keyboard: true,
      });
      marker.on("add", function () {
        marker.getElement().setAttribute("aria-label", name);
        marker.getElement().setAttribute("data-cluster", cell.length);
      });
      function zoomIn() {
        var zoom = Math.max(map.getZoom() + 1, map.getBoundsZoom(bounds, false, L.point(40, 40)));
        map.setView(bounds.getCenter(), Math.min(zoom, map.getMaxZoom()));
      }
      marker.on("click", zoomIn);
      // Leaflet hands a focused marker's keys on as `keypress`; a button answers Enter and Space.
      marker.on("keypress", function (event) {
        var key = event.originalEvent.key;
        if (key !== "Enter" && key !== " ") return;
        event.originalEvent.preventDefault();
        zoomIn();
      });
      return marker;
    }

    function draw() {
      if (!map) return;
      var zoom = map.getZoom();
      var view = map.getPixelBounds();
      var min = view.min.subtract([CELL, CELL]), max = view.max.add([CELL, CELL]);
      var cells = {}, order = [];
      placed.forEach(function (item) {
        if (!item.visible) return;
        if (item.zoom !== zoom) {
          item.point = map.project(item.latlng, zoom);
          item.zoom = zoom;
        }
        var p = item.point;
        if (p.x < min.x || p.y < min.y || p.x > max.x || p.y > max.y) return;
        var key = Math.floor(p.x / CELL) + ":" + Math.floor(p.y / CELL);
        if (!cells[key]) {
          cells[key] = [];
          order.push(key);
        }
        cells[key].push(item);
      });
      var last = zoom >= map.getMaxZoom();
      var pins = 0;
      layer.clearLayers();
      order.forEach(function (key) {
        var cell = cells[key];
        var alone = cell.length === 1 || last;
        if (alone) pins += cell.length;
        layer.addLayer(alone ? pin(cell) : cluster(cell));
      });
      box.setAttribute("data-pins", pins);
    }

    function update() {
      var count = 0;
      placed.forEach(function (item) { if (item.visible) count++; });
      box.setAttribute("data-markers", count);
      draw();
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
    var texts = root.dataset;
    var money = new Intl.NumberFormat(texts.locale, { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
    var number = new Intl.NumberFormat(texts.locale);

    function update() {
      var value = parseFloat(form.elements.value.value) || 0;
      var low = form.elements.low_labour;
      var rate = low && low.checked ? parseFloat(low.dataset.rate) : parseFloat(form.elements.standard_rate.value);
      var threshold = parseFloat(form.dataset.threshold);
      var owed = value > threshold ? value * rate / 100 : 0;
      text.textContent = owed
        ? fill(texts.textOwed, { owed: money.format(owed), rate: number.format(rate), value: money.format(value) })
        : fill(texts.textFree, { value: money.format(value), threshold: money.format(threshold) });
      cover.textContent = "";
      if (owed) {
        factors.forEach(function (factor) {
          var item = document.createElement("li");
          item.textContent = fill(texts.textCover, { amount: money.format(owed / factor), factor: number.format(factor) });
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
    var texts = root.dataset;

    function update() {
      var met = 0, answered = 0;
      list.textContent = "";
      criteria.forEach(function (fieldset, i) {
        var chosen = fieldset.querySelector("input:checked");
        if (!chosen) return;
        answered++;
        if (chosen.value === "yes") met++;
        var item = document.createElement("li");
        item.textContent = fill(chosen.value === "yes" ? texts.textMet : texts.textUnmet, { number: i + 1 });
        list.appendChild(item);
      });
      result.hidden = answered === 0;
      if (answered < criteria.length) {
        text.textContent = fill(texts.textSoFar, { met: met, answered: answered, left: criteria.length - answered });
      } else if (met === criteria.length) {
        text.textContent = fill(texts.textAll, { met: met });
      } else {
        text.textContent = fill(texts.textSome, { met: met, total: criteria.length });
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
          link.textContent = link.dataset.textCopied;
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
