/* The language links in each page's head (<link rel="alternate" hreflang>, macros/bilingual.py) name the page's own
 * twin in each language. The theme's language selector reads every rel="alternate" link when the page is ready and
 * asks for a sitemap beside it, expecting the home of a language: beside a page there is none, and each page view
 * would ask for two missing files. So the links are hidden from that one look (the theme reacts to
 * DOMContentLoaded first: its script runs before this one) and put back at once after it, for everyone else. */
(function () {
  "use strict";
  var links = Array.prototype.slice.call(document.querySelectorAll('link[rel="alternate"][hreflang]'));
  links.forEach(function (link) { link.setAttribute("rel", "x-alternate"); });
  document.addEventListener("DOMContentLoaded", function () {
    links.forEach(function (link) { link.setAttribute("rel", "alternate"); });
  }, { once: true });
})();
