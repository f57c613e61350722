"""Long listings in a real browser, on a demo city of a few hundred enterprises whose listings run to several pages:
the filters count and show every match, not only the server's page; "Show more" pages through them; the downloads
hold every match; the map clusters its pins and accounts for each; without JavaScript the pager reaches every item.

Expected results are computed here from the demo city's YAML (with PyYAML's safe loader, which only tests use)."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import DEMO_ENTERPRISES
from test_showcase_browser import BLANK_PNG, TILES

pytestmark = pytest.mark.browser
SIZE = 48  # cards a page


def records(city, folder: str) -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((city / "data" / folder).glob("*.yml"))}


def in_districts(city, districts) -> list[str]:
    """The enterprises in these districts, in the showcase's order (by id)."""
    return [eid for eid, e in records(city, "enterprises").items() if e["district"] in districts]


def busiest(city, n: int) -> list[str]:
    """The n districts with the most enterprises."""
    counts: dict[str, int] = {}
    for e in records(city, "enterprises").values():
        counts[e["district"]] = counts.get(e["district"], 0) + 1
    return sorted(counts, key=lambda d: (-counts[d], d))[:n]


@pytest.fixture
def page(browser, demo_url):
    """A desktop-sized page that records errors, answers the tile server locally and refuses anything else off loopback."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.errors, page.tiles = [], []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))

    def route(r):
        host = urlsplit(r.request.url).hostname
        if host == "127.0.0.1":
            return r.continue_()
        if host == TILES:
            page.tiles.append(r.request.url)
            return r.fulfill(status=200, content_type="image/png", body=BLANK_PNG)
        page.errors.append(f"request off the site: {r.request.url}")
        return r.abort()

    context.route("**/*", route)
    page.base = demo_url + "en/"  # the English pages: the words read are the English ones
    yield page
    context.close()


def ready(page) -> None:
    """Wait until the listing's filters work (its item file is in)."""
    page.wait_for_selector("[data-filterable][data-ready]")


def shown(page, marker: str = "data-record") -> list[str]:
    """The items the listing shows now, in order (their `marker`, without the kind)."""
    return page.eval_on_selector_all("[data-results] [data-item]", f"els => els.map(e => e.getAttribute('{marker}').split(':').pop())")


def count(page) -> int:
    return int(page.get_attribute("[data-filterable] [data-count]", "data-count"))


def test_a_filter_matching_several_pages_counts_every_match_and_shows_them_a_page_at_a_time(page, demo_city):
    districts = busiest(demo_city, 3)
    want = in_districts(demo_city, districts)
    assert len(want) > 2 * SIZE
    page.goto(page.base + "showcase/?district=" + ",".join(districts))
    ready(page)
    assert count(page) == len(want)
    assert shown(page) == want[:SIZE]
    assert page.is_hidden("[data-pager]")
    assert page.inner_text("[data-more]") == f"Show {SIZE} more ({len(want) - SIZE} not shown yet)"
    page.click("[data-more]")
    assert shown(page) == want[: 2 * SIZE]
    assert page.evaluate("document.activeElement.closest('[data-item]').dataset.key") == want[SIZE]  # the keyboard goes on from there
    while page.is_visible("[data-more]"):
        page.click("[data-more]")
    assert shown(page) == want
    # What ticking a sector would give: counted over every match, on whichever page it would fall.
    enterprises = records(demo_city, "enterprises")
    for box in page.query_selector_all("input[name=sector]"):
        value = box.get_attribute("value")
        assert int(box.evaluate("b => b.parentNode.querySelector('[data-value-count]').textContent")) == sum(enterprises[e]["sector"] == value for e in want), (
            value
        )
    assert page.errors == []


def test_filters_on_a_later_page_filter_every_item_and_clearing_them_brings_that_page_back(page, demo_city):
    everyone = list(records(demo_city, "enterprises"))
    (district,) = busiest(demo_city, 1)
    want = in_districts(demo_city, [district])
    page.goto(page.base + "showcase/page/3/")
    ready(page)
    assert shown(page) == everyone[2 * SIZE : 3 * SIZE]
    assert count(page) == DEMO_ENTERPRISES
    page.check(f"input[name=district][value={district}]")
    assert page.url.endswith(f"/showcase/page/3/?district={district}")
    assert shown(page) == want[:SIZE]
    # The item file's links are relative to it; on this page they still lead to each enterprise.
    assert page.eval_on_selector("[data-results] [data-item-link]", "a => a.href") == page.base + f"showcase/{want[0]}/"
    page.click("[data-filterable] form [data-clear]")
    assert shown(page) == everyone[2 * SIZE : 3 * SIZE]
    assert page.is_visible("[data-pager]") and page.is_hidden("[data-more]")
    assert count(page) == DEMO_ENTERPRISES
    page.go_back()
    page.wait_for_function("() => location.search.includes('district')")
    assert shown(page) == want[:SIZE]
    assert page.errors == []


def test_the_pager_leads_to_the_next_page_and_the_filters_work_there(page, demo_city):
    everyone = list(records(demo_city, "enterprises"))
    page.goto(page.base + "showcase/")
    ready(page)
    page.click("[data-pager] a[rel=next]")
    page.wait_for_url("**/showcase/page/2/")
    ready(page)
    assert shown(page) == everyone[SIZE : 2 * SIZE]
    page.fill("#wise-search", everyone[70].replace("-", " "))
    page.wait_for_function("() => document.querySelector('[data-filterable] [data-count]').dataset.count == '1'")
    assert shown(page) == [everyone[70]]
    page.click("[data-results] [data-item-link]")
    page.wait_for_url(f"**/showcase/{everyone[70]}/")
    assert page.get_attribute("main [data-record]", "data-record") == f"enterprise:{everyone[70]}"
    assert page.errors == []


def test_download_these_results_holds_every_match_not_only_those_shown(page, demo_city):
    districts = busiest(demo_city, 2)
    want = in_districts(demo_city, districts)
    page.goto(page.base + "showcase/?district=" + ",".join(districts))
    ready(page)
    assert len(shown(page)) == SIZE < len(want)
    with page.expect_download() as info:
        page.click("[data-download-results] a")
    rows = list(csv.reader(io.StringIO(info.value.path().read_text(encoding="utf-8-sig"))))
    assert rows[0][0] == "id" and [r[0] for r in rows[1:]] == want


def zooms(urls: list[str]) -> set[int]:
    return {int(re.search(r"/(\d+)/\d+/\d+\.png", u).group(1)) for u in urls}


def drawn(page) -> tuple[list[int], int]:
    """The clusters the map draws now (how many pins each stands for), and the pins drawn alone."""
    return page.eval_on_selector_all("[data-map] [data-cluster]", "els => els.map(e => +e.dataset.cluster)"), int(page.get_attribute("[data-map]", "data-pins"))


def test_the_map_clusters_the_pins_of_every_match_and_a_cluster_zooms_in_from_the_keyboard(page, demo_city):
    (district,) = busiest(demo_city, 1)
    want = in_districts(demo_city, [district])
    page.goto(page.base + "showcase/")
    ready(page)
    page.wait_for_selector("[data-map][data-pins]")
    assert int(page.get_attribute("[data-map]", "data-markers")) == DEMO_ENTERPRISES  # every demo enterprise has a pin
    clusters, alone = drawn(page)
    assert sum(clusters) + alone == DEMO_ENTERPRISES  # the whole city is in view: every pin is drawn, once
    assert len(clusters) + alone < DEMO_ENTERPRISES / 4 and min(clusters) >= 2
    page.check(f"input[name=district][value={district}]")
    assert int(page.get_attribute("[data-map]", "data-markers")) == len(want)
    clusters, alone = drawn(page)
    assert sum(clusters) + alone == len(want)
    biggest = max(clusters)
    before = max(zooms(page.tiles))
    page.focus(f"[data-map] [data-cluster='{biggest}']")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == f"{biggest} enterprises here: zoom in"
    with page.expect_request(lambda r: TILES in r.url and max(zooms([r.url])) > before):
        page.keyboard.press("Enter")
    page.wait_for_function(
        "n => { const c = [...document.querySelectorAll('[data-map] [data-cluster]')].map(e => +e.dataset.cluster); return !c.includes(n); }", arg=biggest
    )
    clusters, alone = drawn(page)
    assert biggest <= sum(clusters) + alone <= len(want)
    assert page.errors == []


def expected_items(city, listing: str) -> list[str]:
    """Every item of a listing, from the YAML: its data-record (data-ask for the tracker's rows)."""
    enterprises = records(city, "enterprises")
    if listing == "lobby/tracker/":
        return sorted(f"{pid}#{a['id']}" for pid, p in records(city, "positions").items() for a in p["asks"])
    if listing == "buy-social/":
        return sorted(f"enterprise:{eid}" for eid, e in enterprises.items() for _ in {o["category"] for o in e.get("offerings", [])})
    return [f"enterprise:{eid}" for eid in enterprises]


@pytest.mark.parametrize(
    ("listing", "marker", "pages"),
    [("showcase/", "data-record", 9), ("buy-social/", "data-record", 9), ("certification/", "data-record", 4), ("lobby/tracker/", "data-ask", 1)],
)
def test_without_javascript_the_pager_reaches_every_item(browser, demo_url, demo_city, listing, marker, pages):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_url + listing)
    want = expected_items(demo_city, listing)
    seen, visited = [], 0
    while True:
        visited += 1
        seen += page.eval_on_selector_all("[data-item]", f"els => els.filter(e => e.offsetParent !== null).map(e => e.getAttribute('{marker}'))")
        assert count(page) == len(want)
        assert page.is_hidden("form[data-filters]")
        following = page.query_selector("[data-pager] a[rel=next]")
        if following is None:
            break
        with page.expect_navigation():
            following.click()
    assert visited == pages
    assert sorted(seen) == sorted(want) and len(seen) == len(want)
    context.close()


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("url", ["showcase/page/2/", "showcase/?district=more", "buy-social/page/9/", "certification/page/2/"])
def test_no_axe_violations_on_later_pages_and_filtered_pages_and_no_sideways_scroll(browser, demo_url, demo_city, axe, url, width):
    if url.endswith("more"):
        url = "showcase/?district=" + ",".join(busiest(demo_city, 3))
    page = browser.new_page(viewport={"width": width, "height": 844})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(demo_url) else r.fulfill(status=200, content_type="image/png", body=BLANK_PNG))
    page.goto(demo_url + url)
    ready(page)
    if width == 1280 and url.startswith("showcase/"):
        page.wait_for_selector("[data-map] [data-cluster]")
    result = axe.run(page)
    assert [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.close()
