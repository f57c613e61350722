/* The site's search, in the theme's search dialog: Pagefind's index (built over the pages by `macros/search.py`)
   instead of the theme's lunr index, which a national data set makes tens of megabytes. Pagefind fetches only the
   index chunks a query needs.

   Behaves like the theme's own search: "/", "s" or "f" opens it, results appear as you type, the arrow keys move
   between the field and the results, Enter follows the first result, Escape closes. Result text is put into the
   page as text; only the highlight of matched words becomes markup, made here. */
(function () {
  "use strict";

  var dialog = document.querySelector("[data-wise-search]");
  var toggle = document.getElementById("__search");
  if (!dialog || !toggle) return;

  var input = dialog.querySelector("input[name=query]");
  var list = dialog.querySelector(".md-search-result__list");
  var meta = dialog.querySelector(".md-search-result__meta");
  var texts = dialog.dataset;
  // Absolute once, as the page loads, against the page's own address.
  var bundle = new URL(texts.pagefind, document.baseURI).href;
  var siteRoot = new URL(texts.root, document.baseURI).href;
  var engine = null;
  var asked = 0;
  var SHOWN = 10;

  function load() {
    if (!engine) {
      engine = import(bundle).then(function (pagefind) {
        return Promise.resolve(pagefind.init()).then(function () { return pagefind; });
      });
    }
    return engine;
  }

  /* Pagefind's excerpt marks the matched words with <mark>; everything else in it is text. It is read by an inert
     parser and rebuilt from text nodes, so no markup of the page's own text can reach the dialog. */
  function excerpt(html) {
    var paragraph = document.createElement("p");
    var parsed = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = new URL(data.url.replace(/^\//, ""), siteRoot).href;
    link.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    article.appendChild(title);
    article.appendChild(excerpt(data.excerpt || ""));
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  function say(count) {
    meta.textContent = count === 0 ? texts.none : count === 1 ? texts.one : texts.other.replace("#", String(count));
  }

  function show(query) {
    var ticket = ++asked;
    if (!query.trim()) {
      list.replaceChildren();
      meta.textContent = texts.placeholder;
      return;
    }
    load().then(function (pagefind) {
      return pagefind.search(query);
    }).then(function (found) {
      if (ticket !== asked) return null;
      say(found.results.length);
      return Promise.all(found.results.slice(0, SHOWN).map(function (result) { return result.data(); }));
    }).then(function (pages) {
      if (!pages || ticket !== asked) return;
      list.replaceChildren.apply(list, pages.map(item));
    }).catch(function () {
      if (ticket === asked) meta.textContent = texts.failed;
    });
  }

  function open() {
    toggle.checked = true;
    input.focus();
    input.select();
    load();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function editing(target) {
    return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));
  }

  var typing = null;
  input.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () { show(input.value); }, 80);
  });
  input.addEventListener("focus", load);
  dialog.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); });
  dialog.querySelector("form").addEventListener("reset", function () { show(""); input.focus(); });
  toggle.addEventListener("change", function () { if (toggle.checked) open(); });
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) toggle.checked = false;
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (!toggle.checked) {
      if (/^[fs/]$/.test(event.key) && !editing(event.target)) {
        event.preventDefault();
        open();
      }
      return;
    }
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var stops = [input].concat(links);
    var here = stops.indexOf(document.activeElement);
    switch (event.key) {
      case "Escape":
        event.preventDefault();
        close();
        break;
      case "Tab":
        close(); // as the theme does: the arrow keys move through the results
        break;
      case "Enter":
        if (document.activeElement === input && links.length) {
          event.preventDefault();
          links[0].click();
        }
        break;
      case "ArrowDown":
      case "ArrowUp":
        event.preventDefault();
        stops[(Math.max(0, here) + stops.length + (event.key === "ArrowUp" ? -1 : 1)) % stops.length].focus();
        break;
      default:
        if (document.activeElement !== input && event.key.length === 1) input.focus();
    }
  });
})();
