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
      return { card: card, values: values, text: card.dataset.text || "" };
    });
    var countBox = root.querySelector("[data-count]");
    var countText = root.querySelector("[data-count-text]");
    var empty = root.querySelector("[data-empty]");
    var map = makeMap(root.querySelector("[data-map]"), items);
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

    function passes(item, chosen, terms, skip) {
      for (var i = 0; i < facets.length; i++) {
        var facet = facets[i], wanted = chosen[facet];
        if (facet === skip || wanted.length === 0) continue;
        if (!wanted.some(function (v) { return item.values[facet].indexOf(v) !== -1; })) return false;
      }
      return terms.every(function (t) { return item.text.indexOf(t) !== -1; });
    }

    function update() {
      var chosen = selection(), terms = words(), shown = 0;
      items.forEach(function (item) {
        var visible = passes(item, chosen, terms, null);
        item.card.hidden = !visible;
        item.visible = visible;
        if (visible) shown++;
      });
      // Each value's count: how many results ticking it would give, the other facets staying as they are.
      facets.forEach(function (facet) {
        var counts = {};
        items.forEach(function (item) {
          if (!passes(item, chosen, terms, facet)) return;
          item.values[facet].forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
        });
        form.querySelectorAll("input[name='" + facet + "']").forEach(function (input) {
          input.parentNode.querySelector("[data-value-count]").textContent = counts[input.value] || 0;
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
    var map = L.map(box, { scrollWheelZoom: false });
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
        placed.forEach(function (item) {
          if (item.visible && !map.hasLayer(item.marker)) item.marker.addTo(map);
          if (!item.visible && map.hasLayer(item.marker)) map.removeLayer(item.marker);
        });
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
