/* The site's script: filters for listings (showcase, buy-social, tracker), the showcase's map, and
 * copy-link controls for asks.
 *
 * A page marked data-filterable lists every card without JavaScript; this script adds the filters (OR within a
 * facet, AND across facets, a text search), keeps their state in the URL query (shareable, back
 * button), announces the result count, and keeps the map's markers in step with the list.
 * Material's instant navigation swaps pages without reloading, so setup runs on each `document$`.
 */
(function () {
  "use strict";

  function setup() {
    var root = document.querySelector("[data-filterable]");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "true";
    var form = root.querySelector("form[data-filters]");
    var search = form.querySelector("input[name=text]");
    var facets = Array.prototype.map.call(form.querySelectorAll("fieldset[data-facet]"), function (f) { return f.dataset.facet; });
    var cards = Array.prototype.slice.call(root.querySelectorAll("[data-item]"));
    var items = cards.map(function (card) {
      var values = {};
      facets.forEach(function (facet) {
        values[facet] = (card.getAttribute("data-" + facet) || "").split(" ").filter(Boolean);
      });
      // What the text box searches: the card's name and summary, plus what data-text adds
      // (offering names), so the page does not carry the same text twice.
      var parts = [card.querySelector("a"), card.querySelector(".wise-card__text")].map(function (el) { return el ? el.textContent : ""; });
      parts.push(card.dataset.text || "");
      return { card: card, values: values, text: parts.join(" ").toLowerCase() };
    });
    var countBox = root.querySelector("[data-count]");
    var countText = root.querySelector("[data-count-text]");
    var empty = root.querySelector("[data-empty]");
    var map = makeMap(root.querySelector("[data-map]"), items);
    var countCells = {};
    facets.forEach(function (facet) {
      countCells[facet] = Array.prototype.map.call(form.querySelectorAll("input[name='" + facet + "']"), function (input) {
        return { value: input.value, node: input.parentNode.querySelector("[data-value-count]") };
      });
    });
    form.hidden = false;

    function selection() {
      var chosen = {};
      facets.forEach(function (facet) {
        chosen[facet] = Array.prototype.map.call(form.querySelectorAll("input[name='" + facet + "']:checked"), function (i) { return i.value; });
      });
      return chosen;
    }

    function words() {
      return search.value.toLowerCase().split(/\s+/).filter(Boolean);
    }

    // One pass over the cards per update: for each card, a bitmask of the facets it fails.
    // A card shows when it fails none; it counts towards a facet's values when it fails
    // at most that facet (what ticking one more value there would give).
    function update() {
      var chosen = selection(), terms = words(), shown = 0;
      var wanted = facets.map(function (facet) {
        if (!chosen[facet].length) return null;
        var set = {};
        chosen[facet].forEach(function (v) { set[v] = true; });
        return set;
      });
      var counts = facets.map(function () { return {}; });
      items.forEach(function (item) {
        var fails = 0;
        for (var f = 0; f < facets.length; f++) {
          var set = wanted[f];
          if (set && !item.values[facets[f]].some(function (v) { return set[v]; })) fails |= 1 << f;
        }
        var textOk = terms.every(function (t) { return item.text.indexOf(t) !== -1; });
        var visible = textOk && fails === 0;
        if (item.card.hidden === visible) item.card.hidden = !visible;
        item.visible = visible;
        if (visible) shown++;
        if (!textOk) return;
        for (var g = 0; g < facets.length; g++) {
          if ((fails & ~(1 << g)) !== 0) continue;
          var bucket = counts[g];
          item.values[facets[g]].forEach(function (v) { bucket[v] = (bucket[v] || 0) + 1; });
        }
      });
      facets.forEach(function (facet, f) {
        countCells[facet].forEach(function (cell) {
          var text = String(counts[f][cell.value] || 0);
          if (cell.node.textContent !== text) cell.node.textContent = text;
        });
      });
      countBox.setAttribute("data-count", shown);
      countText.textContent = shown;
      empty.hidden = shown !== 0;
      // Groups (a category on the buy-social page) without a visible card are hidden too.
      root.querySelectorAll("[data-group]").forEach(function (group) {
        group.hidden = !group.querySelector("[data-item]:not([hidden])");
      });
      if (map) map.update();
    }

    function toQuery() {
      // Commas stay unescaped between values, so the query reads well when shared: ?district=noord,oost
      var parts = [];
      var chosen = selection();
      if (search.value.trim()) parts.push("text=" + encodeURIComponent(search.value.trim()));
      facets.forEach(function (facet) {
        if (chosen[facet].length) parts.push(facet + "=" + chosen[facet].map(encodeURIComponent).join(","));
      });
      var query = parts.join("&");
      return location.pathname + (query ? "?" + query : "") + location.hash;
    }

    function fromQuery() {
      var params = new URLSearchParams(location.search);
      search.value = params.get("text") || "";
      facets.forEach(function (facet) {
        var wanted = (params.get(facet) || "").split(",").filter(Boolean);
        form.querySelectorAll("input[name='" + facet + "']").forEach(function (input) {
          input.checked = wanted.indexOf(input.value) !== -1;
        });
      });
    }

    form.addEventListener("change", function (event) {
      if (event.target === search) return;
      update();
      history.pushState(null, "", toQuery());
    });
    var typing;
    search.addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(function () { update(); history.replaceState(null, "", toQuery()); }, 120);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    root.querySelectorAll("[data-clear]").forEach(function (button) {
      button.addEventListener("click", function () {
        form.reset();
        search.value = "";
        update();
        history.pushState(null, "", toQuery());
        search.focus();
      });
    });
    window.addEventListener("popstate", function () {
      if (!document.body.contains(root)) return;
      fromQuery();
      update();
    });
    fromQuery();
    update();
  }

  function makeMap(box, items) {
    if (!box || typeof L === "undefined") return null;
    var placed = items.filter(function (item) { return item.card.dataset.lat; });
    if (!placed.length) return null;
    box.hidden = false;
    var map = L.map(box, { scrollWheelZoom: false, preferCanvas: true });
    L.tileLayer(box.dataset.tiles, { attribution: box.dataset.attribution, maxZoom: 18 }).addTo(map);
    var bounds = [];
    placed.forEach(function (item) {
      var at = [parseFloat(item.card.dataset.lat), parseFloat(item.card.dataset.lon)];
      var link = item.card.querySelector("a");
      var marker = L.circleMarker(at, { radius: 7, weight: 2, color: "#00695c", fillOpacity: 0.7 });
      var popup = document.createElement("a");
      popup.href = link.href;
      popup.textContent = link.textContent;
      marker.bindPopup(popup);
      item.marker = marker;
      bounds.push(at);
    });
    map.fitBounds(bounds, { padding: [20, 20] });
    return {
      update: function () {
        var count = 0;
        placed.forEach(function (item) {
          if (item.visible !== item.onMap) {
            if (item.visible) item.marker.addTo(map); else map.removeLayer(item.marker);
            item.onMap = item.visible;
          }
          if (item.visible) count++;
        });
        box.setAttribute("data-markers", count);
      },
    };
  }

  /* "Link to this ask": copies the ask's full address, and still works as a plain link. */
  function copyLinks() {
    document.querySelectorAll("a[data-copy-link]").forEach(function (link) {
      if (link.dataset.ready) return;
      link.dataset.ready = "true";
      link.addEventListener("click", function (event) {
        if (!navigator.clipboard) return;
        event.preventDefault();
        history.replaceState(null, "", link.hash);
        navigator.clipboard.writeText(link.href).then(function () {
          link.textContent = "Link copied";
          setTimeout(function () { link.textContent = "Link to this ask"; }, 2000);
        });
      });
    });
  }

  function init() {
    setup();
    copyLinks();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
