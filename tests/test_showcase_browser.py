"""The showcase in a real browser: filters against counts computed independently from the YAML.

The expected results are computed here straight from the YAML files (with PyYAML's safe
loader, which only tests use), not from the project's catalog.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import ROOT, in_language

pytestmark = pytest.mark.browser
TILES = "tile.openstreetmap.org"
BLANK_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def raw(folder: str) -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "data" / folder).glob("*.yml"))}


def expected(filters: dict[str, list[str]], text: str = "") -> set[str]:
    """Enterprise ids matching: OR within a facet, AND across facets, every word in name, summary or offering names."""
    enterprises, networks = raw("enterprises"), raw("networks")
    today = dt.date.today()
    out = set()
    for eid, e in enterprises.items():
        values = {
            "sector": {e["sector"]},
            "district": {e["district"]},
            "target_group": set(e.get("target_groups", [])),
            "category": {o["category"] for o in e.get("offerings", [])},
            "certification": {
                c["scheme"]
                for c in e.get("certifications", [])
                if c["status"] == "certified" and c.get("until", today) >= today and c.get("since", today) <= today
            },
            "network": set(e.get("networks", [])) | {nid for nid, n in networks.items() if eid in n.get("members", [])},
        }
        haystack = " ".join(
            [
                e["name"],
                in_language(e["summary"]),
                *(in_language(o["name"]) for o in e.get("offerings", [])),
                *(in_language(o.get("description", "")) for o in e.get("offerings", [])),
            ]
        ).lower()
        if all(not wanted or values[f] & set(wanted) for f, wanted in filters.items()) and all(w in haystack for w in text.lower().split()):
            out.add(eid)
    return out


@pytest.fixture
def page(browser, example_url):
    """A fresh page that records console errors and refuses (and records) every request off loopback."""
    context = browser.new_context()
    page = context.new_page()
    page.errors, page.foreign = [], []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))

    def route(r):
        host = urlsplit(r.request.url).hostname
        if host == "127.0.0.1":
            return r.continue_()
        page.foreign.append(r.request.url)
        if host == TILES:  # the configured tile server: answered locally, the tests never leave loopback
            return r.fulfill(status=200, content_type="image/png", body=BLANK_PNG)
        return r.abort()

    context.route("**/*", route)
    page.base = example_url + "en/"  # the English pages: the words typed and read are the English ones
    yield page
    context.close()


def ready(page) -> None:
    """Wait until the listing's filters work: its item file is in (the server's page shows before)."""
    page.wait_for_selector("[data-filterable][data-ready]")


def visible(page) -> set[str]:
    return set(page.eval_on_selector_all("[data-filterable] [data-item]:not([hidden])", "els => els.map(e => e.dataset.record.split(':')[1])"))


def count(page) -> int:
    return int(page.get_attribute("[data-filterable] [data-count]", "data-count"))


CASES = [
    ({"district": ["oost"]}, ""),
    ({"district": ["oost", "noord"]}, ""),
    ({"district": ["oost", "noord"], "sector": ["furniture-wood"]}, ""),
    ({"category": ["catering"], "target_group": ["newcomers", "long-term-unemployed"]}, ""),
    ({"certification": ["wise-keurmerk"]}, ""),
    ({"network": ["circulair-ambacht"]}, ""),
    ({}, "bike repair"),
    ({"district": ["zuidoost"]}, "cleaning"),
]


@pytest.mark.parametrize(("filters", "text"), CASES)
def test_filters_show_exactly_the_matching_enterprises(page, filters, text):
    query = "&".join(f"{k}={','.join(v)}" for k, v in filters.items()) + (f"&text={text}" if text else "")
    page.goto(page.base + "showcase/?" + query)
    ready(page)
    want = expected(filters, text)
    page.wait_for_function("n => document.querySelector('[data-filterable] [data-count]').dataset.count == n", arg=str(len(want)))
    assert visible(page) == want
    assert count(page) == len(want)
    assert page.errors == []
    assert [u for u in page.foreign if TILES not in u] == []


def test_clicking_filters_updates_url_reload_and_back(page):
    page.goto(page.base + "showcase/")
    all_ids = expected({})
    assert count(page) == len(all_ids)
    ready(page)
    page.check("input[name=district][value=oost]")
    page.check("input[name=district][value=noord]")
    assert page.url.endswith("/showcase/?district=noord,oost")
    assert visible(page) == expected({"district": ["oost", "noord"]})
    page.reload()
    ready(page)
    assert page.is_checked("input[name=district][value=noord]")
    assert visible(page) == expected({"district": ["oost", "noord"]})
    page.go_back()
    page.wait_for_function("() => !location.search.includes('noord')")
    assert visible(page) == expected({"district": ["oost"]})
    assert not page.is_checked("input[name=district][value=noord]")


def test_value_counts_say_what_ticking_would_give(page):
    page.goto(page.base + "showcase/?sector=cleaning")
    ready(page)
    for district in ("oost", "zuidoost", "west"):
        shown = page.text_content(f"input[name=district][value={district}] ~ [data-value-count]")
        assert int(shown) == len(expected({"sector": ["cleaning"], "district": [district]}))


def test_without_javascript_every_enterprise_is_listed(browser, example_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(example_url + "showcase/?district=oost")
    cards = page.eval_on_selector_all("li[data-record^='enterprise:']", "els => els.filter(e => e.offsetParent !== null).length")
    assert cards == len(expected({}))
    assert page.is_hidden("form[data-filters]")
    context.close()


def test_filters_work_on_a_page_reached_from_the_navigation(page):
    page.goto(page.base)
    page.click("nav a[href$='showcase/']")
    ready(page)
    page.check("input[name=sector][value=catering]")
    assert visible(page) == expected({"sector": ["catering"]})
    assert page.errors == []


def test_keyboard_alone_sets_and_clears_a_filter(page):
    page.goto(page.base + "showcase/")
    ready(page)
    page.focus("#wise-search")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "sector"
    page.keyboard.press("Space")
    first = page.evaluate("document.activeElement.value")
    assert visible(page) == expected({"sector": [first]})
    page.focus("button[data-clear]")
    page.keyboard.press("Enter")
    assert count(page) == len(expected({}))
    assert page.evaluate("location.search") == ""


def test_the_map_shows_a_marker_per_visible_enterprise(page):
    page.goto(page.base + "showcase/?district=weesp")
    ready(page)
    page.wait_for_selector("[data-map][data-pins]")
    with_geo = {eid for eid, e in raw("enterprises").items() if e.get("geo")}
    markers = int(page.get_attribute("[data-map]", "data-markers"))
    assert markers == len(expected({"district": ["weesp"]}) & with_geo) > 0
    # Each pin is drawn once, alone (on the map's canvas) or in a cluster that counts it.
    clusters = page.eval_on_selector_all(".leaflet-container [data-cluster]", "els => els.map(e => +e.dataset.cluster)")
    pins = int(page.get_attribute("[data-map]", "data-pins"))
    assert sum(clusters) + pins == markers
    assert page.locator(".leaflet-container canvas").count() >= (1 if pins else 0)


def delivers_in(e: dict, district: str) -> bool:
    """The delivery area from the YAML: `city-wide`, the districts listed, else the enterprise's own district."""
    serves = e.get("serves") or [e["district"]]
    return serves == "city-wide" or district in serves


def test_buy_social_filters_by_category_and_delivery_area(page):
    page.goto(page.base + "buy-social/?category=catering&area=zuidoost")
    ready(page)
    want = {eid for eid, e in raw("enterprises").items() if delivers_in(e, "zuidoost") and any(o["category"] == "catering" for o in e.get("offerings", []))}
    page.wait_for_function("n => document.querySelector('[data-filterable] [data-count]').dataset.count == n", arg=str(len(want)))
    assert visible(page) == want
    assert page.is_hidden("section#category-cleaning")


@pytest.fixture
def phone(browser, example_url):
    """A phone-sized page (390 x 844) that never leaves loopback."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.route("**/*", lambda r: r.continue_() if urlsplit(r.request.url).hostname == "127.0.0.1" else r.abort())
    page = context.new_page()
    page.base = example_url + "en/"  # the English pages: the words typed and read are the English ones
    yield page
    context.close()


@pytest.mark.parametrize("language", ["", "en/"])  # Dutch runs longer than English: both must fit
@pytest.mark.parametrize("url", ["showcase/", "buy-social/", "lobby/tracker/"])
def test_on_a_phone_the_count_and_first_results_come_on_the_first_screen(phone, url, language):
    phone.goto(phone.base.removesuffix("en/") + language + url)
    ready(phone)
    phone.wait_for_selector("[data-filters-toggle]:not([hidden])")
    screen = 844
    assert phone.eval_on_selector("[data-filterable] [data-count]", "e => e.getBoundingClientRect().bottom") <= screen
    assert phone.eval_on_selector("[data-filterable] [data-item]", "e => e.getBoundingClientRect().top") < screen
    assert phone.is_hidden("form[data-filters]")


def test_on_a_phone_the_filters_open_from_a_button_that_counts_them(phone):
    phone.goto(phone.base + "showcase/?district=oost,noord")
    ready(phone)
    toggle = phone.locator("[data-filters-toggle]")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert toggle.inner_text().strip() == "Filters (2)"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert phone.is_visible("form[data-filters]")
    phone.check("input[name=sector][value=catering]")
    assert toggle.inner_text().strip() == "Filters (3)"
    assert visible(phone) == expected({"district": ["oost", "noord"], "sector": ["catering"]})


def test_on_a_desktop_the_filters_need_no_button(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(page.base + "showcase/")
    ready(page)
    assert page.is_visible("form[data-filters]")
    assert page.is_hidden("[data-filters-toggle]")


def test_on_a_phone_the_map_opens_from_its_button(phone):
    phone.goto(phone.base + "showcase/?district=weesp")
    ready(phone)
    assert phone.is_hidden("[data-map]")
    phone.click("[data-map-toggle]")
    phone.wait_for_selector(".leaflet-container")
    with_geo = {eid for eid, e in raw("enterprises").items() if e.get("geo")}
    assert int(phone.get_attribute("[data-map]", "data-markers")) == len(expected({"district": ["weesp"]}) & with_geo)
