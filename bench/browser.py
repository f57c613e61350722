"""What a reader waits for, in Debian's Chromium: the first search query, and the showcase (its size, its time to
ready, and the time from a filter click to the painted result).

Sites are served over loopback; every other request is refused (the map's tiles among them), so nothing leaves the
machine. Each measure starts in a fresh browser context: an empty cache, as a first visit.
"""

from __future__ import annotations

import gzip
import sys
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from .report import KB, median

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]

# What a search fetches: Pagefind's bundle (ours, and the empty lunr index the theme still asks for); the lunr
# index and the worker that reads it (Material's).
SEARCH_FILES = {"ours": ("/pagefind/", "/search/"), "baseline": ("/search/", "/workers/search")}
RESULT = ".md-search-result__item"

# The listing's script marks its root when it is set up (docs/reference/markers.md: data-ready); whether the
# showcase is one page or paged, that is when a reader can filter.
READY = "[data-filterable][data-ready]"

# One filter click, timed in the page until the result is painted: tick (or untick) a facet's first value, wait
# until the result count has changed (at once, or later if the listing fetches or renders on demand), then for two
# animation frames: the second frame's callback runs after the frame that shows the change is painted.
CLICK_TO_PAINT = """async () => {
  const root = document.querySelector("[data-filterable]");
  const box = root.querySelector("form[data-filters] input[name=district]") || root.querySelector("form[data-filters] input[type=checkbox]");
  const count = root.querySelector("[data-count]");
  const before = count && count.getAttribute("data-count");
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const start = performance.now();
  box.click();
  while (count && count.getAttribute("data-count") === before && performance.now() - start < 10000) await frame();
  await frame();
  await frame();
  return performance.now() - start;
}"""


@contextmanager
def served(site: Path):
    """The built site on a loopback HTTP server (the tests' server); yields its root URL."""
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import serve

    url, server = serve(site)
    try:
        yield url
    finally:
        server.shutdown()


@contextmanager
def chromium():
    """Debian's Chromium, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def fresh_page(browser, url: str):
    """A page in a new context (empty cache) that may fetch from `url` only."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(url) else r.abort())
    try:
        yield context.new_page()
    finally:
        context.close()


def body_size(request, site: Path) -> int:
    """The bytes of a response's body. A worker's script has no size in the browser's report, so it is read from
    the site: the loopback server sends files as they are, uncompressed."""
    size = (request.sizes() or {}).get("responseBodySize", 0)
    if size:
        return size
    path = site / urllib.parse.unquote(urllib.parse.urlsplit(request.url).path).lstrip("/")
    return path.stat().st_size if path.is_file() else 0


def first_search(browser, url: str, site: Path, who: str, query: str, runs: int) -> dict:
    """Open the home page, then enter `query` into the theme's search field: the time from the query entered to
    the first result (median of `runs` fresh visits), and the bytes the search fetched (its index, its worker or
    its bundle: from the first visit)."""
    seconds, fetched = [], None
    for _ in range(runs):
        with fresh_page(browser, url) as page:
            requests = []
            page.on("requestfinished", lambda request, seen=requests: seen.append(request))
            page.goto(url, wait_until="load")
            page.click(".md-search__input")
            start = time.perf_counter()
            # The whole query at once, then a key: ours answers the input event, the theme's search the keyup.
            page.fill(".md-search__input", query)
            page.keyboard.press("End")
            page.locator(RESULT).first.wait_for(timeout=60_000)
            seconds.append(time.perf_counter() - start)
            page.wait_for_load_state("networkidle")
            if fetched is None:
                fetched = {}
                for request in requests:
                    if any(part in request.url for part in SEARCH_FILES[who]):
                        kind = file_kind(request.url)
                        fetched[kind] = fetched.get(kind, 0) + body_size(request, site)
    by_kind = {kind: size / KB for kind, size in sorted(fetched.items())}
    return {"kb": sum(fetched.values()) / KB, "first_result_s": median(seconds), "samples_s": seconds, "query": query, "kb_by_file": by_kind}


def file_kind(url: str) -> str:
    """What a fetched search file is, by its name: `pf_fragment`, `wasm`, `json`, `js`…"""
    name = url.split("?", 1)[0].rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1] if "." in name else name


def showcase(browser, url: str, runs: int, clicks: int = 21) -> dict:
    """The showcase as served at /showcase/: its bytes (raw, and gzip as a host would send it), its time to ready
    (from navigation to the load event and the listing script's marker, median of `runs` fresh visits), and the
    time from a filter click to the painted result (median and slowest of `clicks`, ticking and unticking)."""
    with urllib.request.urlopen(url + "showcase/") as response:
        html = response.read()
    ready, paints = [], []
    for run in range(runs):
        with fresh_page(browser, url) as page:
            start = time.perf_counter()
            page.goto(url + "showcase/", wait_until="load")
            page.wait_for_selector(READY, state="attached", timeout=60_000)
            ready.append(time.perf_counter() - start)
            if run == runs - 1:
                paints = [page.evaluate(CLICK_TO_PAINT) for _ in range(clicks)]
    return {
        "raw_kb": len(html) / KB,
        "gzip_kb": len(gzip.compress(html)) / KB,
        "ready_s": median(ready),
        "ready_samples_s": ready,
        "click_to_paint_ms": median(paints),
        "click_to_paint_max_ms": max(paints),
        "first_click_ms": paints[0],
    }
