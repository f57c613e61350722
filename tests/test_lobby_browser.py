"""The lobby in a real browser: navigation between pages whose heads name feeds, the decisions' filters
against the YAML, the downloads of lists that are not filtered, and a district's map."""

from __future__ import annotations

import csv
import functools
import io
import threading
from http.server import ThreadingHTTPServer

import pytest
from conftest import _Quiet
from test_buyers_browser import downloaded
from test_lobby_site import raw

pytestmark = pytest.mark.browser
BUILT_FOR = "http://127.0.0.1:8000/"  # the example site's site_url (mkdocs.yml without SITE_URL)


@pytest.fixture(scope="module")
def published_url(example_site):
    """The example site served as if at its own address: the sitemap names this server's pages, as it would name the
    host's once published, as the theme reads it."""

    class AtHome(_Quiet):
        def do_GET(self):
            if self.path.split("?", 1)[0] != "/sitemap.xml":
                return super().do_GET()
            body = (example_site / "sitemap.xml").read_bytes().replace(BUILT_FOR.encode(), base.encode())
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(AtHome, directory=str(example_site)))
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base
    server.shutdown()


@pytest.fixture
def page(browser, example_url):
    """A page that records console errors, failed responses and requests off loopback (refused)."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.errors, page.failed = [], []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("response", lambda r: r.status >= 400 and page.failed.append(f"{r.status} {r.url}"))
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1:") else r.abort())
    page.base = example_url
    yield page
    context.close()


def head_feeds(page) -> list[str]:
    return page.eval_on_selector_all("head link[rel=alternate][type='application/rss+xml']", "els => els.map(e => new URL(e.href).pathname)")


def test_pages_that_name_feeds_name_their_own_and_fetch_nothing_missing(page, published_url):
    page.goto(published_url + "lobby/officials/")
    page.wait_for_load_state("networkidle")
    assert head_feeds(page) == ["/lobby/feed.xml"]
    first, second = sorted(raw("officials"))[:2]
    page.click(f"[data-record='official:{first}'] a[href$='{first}/']")
    page.wait_for_url(f"**/lobby/officials/{first}/")
    page.wait_for_function("f => [...document.querySelectorAll('head link[rel=alternate]')].some(l => l.href.endsWith(f))", arg=f"{first}/feed.xml")
    assert head_feeds(page) == [f"/lobby/officials/{first}/feed.xml"]
    page.go_back()
    page.wait_for_url("**/lobby/officials/")
    page.click(f"[data-record='official:{second}'] a[href$='{second}/']")
    page.wait_for_url(f"**/lobby/officials/{second}/")
    page.wait_for_function("f => [...document.querySelectorAll('head link[rel=alternate]')].some(l => l.href.endsWith(f))", arg=f"{second}/feed.xml")
    assert head_feeds(page) == [f"/lobby/officials/{second}/feed.xml"]
    page.click("a[type='application/rss+xml']", modifiers=["Control"])  # the visible Follow link is there and works as a link
    page.wait_for_load_state("networkidle")
    assert (page.errors, page.failed) == ([], [])


def expected_decisions(outcomes=(), topics=(), bodies=()) -> set[str]:
    """Decision ids matching: OR within a filter, AND across filters."""
    return {
        d
        for d, x in raw("decisions").items()
        if (not outcomes or x["outcome"] in outcomes) and (not topics or set(x.get("topics", [])) & set(topics)) and (not bodies or x["body"] in bodies)
    }


@pytest.mark.parametrize(
    "filters",
    [
        {"outcome": ["adopted"]},
        {"outcome": ["rejected", "withdrawn"]},
        {"topic": ["governance"]},
        {"body": ["executive"]},
        {"topic": ["social-procurement"], "body": ["council"]},
    ],
)
def test_the_decisions_filter_by_outcome_topic_and_body_and_download_what_they_show(page, filters):
    page.goto(page.base + "lobby/decisions/?" + "&".join(f"{k}={','.join(v)}" for k, v in filters.items()))
    page.wait_for_selector("[data-download-results]:not([hidden])")
    want = expected_decisions(filters.get("outcome", ()), filters.get("topic", ()), filters.get("body", ()))
    shown = set(page.eval_on_selector_all("[data-filterable] [data-item]:not([hidden])", "els => els.map(e => e.dataset.key)"))
    assert want and shown == want
    rows = downloaded(page, "[data-download-results] a")
    assert rows[0][0] == "id" and {r[0] for r in rows[1:]} == want
    assert page.errors == []


def test_an_officials_asks_and_the_scorecards_tables_download_the_rows_they_show(page):
    for official in sorted(raw("officials")):
        page.goto(page.base + f"lobby/officials/{official}/")
        shown = page.eval_on_selector_all("[data-ask]", "els => els.map(e => e.dataset.ask)")
        if shown:
            break
    rows = downloaded(page, "[data-download-results] a")
    assert shown and rows[0][:2] == ["id", "position"]
    assert sorted(r[0] for r in rows[1:]) == sorted(shown)
    page.goto(page.base + "manifesto/scorecard/")
    articles = page.locator("[data-download-results] a").nth(0)
    parties = page.locator("[data-download-results] a").nth(1)
    with page.expect_download() as info:
        articles.click()
    table = list(csv.reader(io.StringIO(info.value.path().read_text(encoding="utf-8-sig"))))
    statuses = dict(s.split(":") for s in page.eval_on_selector_all("[data-article-status]", "els => els.map(e => e.dataset.articleStatus)"))
    status = table[0].index("status")  # by name: the columns after a translatable one include its translations
    assert {r[0]: r[status] for r in table[1:]} == statuses
    with page.expect_download() as info:
        parties.click()
    table = list(csv.reader(io.StringIO(info.value.path().read_text(encoding="utf-8-sig"))))
    assert [r[0] for r in table[1:]] == page.eval_on_selector_all("[data-party]", "els => els.map(e => e.dataset.party)")
    assert page.errors == []


def test_a_districts_map_pins_just_its_enterprises_and_its_download_holds_just_them(page):
    enterprises = raw("enterprises")
    district = max({e["district"] for e in enterprises.values()}, key=lambda d: sum(e["district"] == d for e in enterprises.values()))
    page.goto(page.base + f"districts/{district}/")
    pinned = {eid for eid, e in enterprises.items() if e["district"] == district and e.get("geo")}
    page.wait_for_selector(f"[data-map][data-markers='{len(pinned)}']")
    rows = downloaded(page, "[data-download-results] a")
    assert {r[0] for r in rows[1:]} == {eid for eid, e in enterprises.items() if e["district"] == district}
    assert page.errors == [] or all("ERR_FAILED" in e for e in page.errors)  # map tiles are refused off loopback
