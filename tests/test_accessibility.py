"""Accessibility: axe-core reports no violation of any impact on one page of every page type, on a phone
(390 px) and on a desktop (1280 px); no page scrolls sideways on a phone; chart text stays readable."""

from __future__ import annotations

import pytest
from conftest import ROOT

pytestmark = pytest.mark.browser


def first(folder: str) -> str:
    return sorted((ROOT / "data" / folder).glob("*.yml"))[0].stem


def district_with_a_post() -> str:
    """A district whose page has everything: enterprises, figures, a post and asks (else the first district)."""
    import yaml

    posts = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "data" / "posts").glob("*.yml"))]
    districts = yaml.safe_load((ROOT / "data" / "vocabularies" / "districts.yml").read_text(encoding="utf-8"))["entries"]
    return next((p["district"] for p in posts if p.get("district")), districts[0]["id"])


def page_types() -> dict[str, str]:
    news = sorted(p for p in (ROOT / "docs" / "news" / "posts").glob("*.md"))
    assert news
    return {
        "home": "",
        "about": "about/",
        "showcase": "showcase/",
        "enterprise": f"showcase/{first('enterprises')}/",  # opens with its easy-read section, as every enterprise does
        "buy-social": "buy-social/",
        "buy-social, page 2": "buy-social/page/2/",
        "data": "data/",
        "certification": "certification/",
        "scheme": f"certification/{first('schemes')}/",
        "monitor": "monitor/",
        "monitoring year": "monitor/2016/",
        "position": f"lobby/positions/{first('positions')}/",
        "official": f"lobby/officials/{first('officials')}/",
        "briefing": f"lobby/officials/{first('officials')}/briefing/",
        "post": f"lobby/posts/{first('posts')}/",
        "tracker": "lobby/tracker/",
        "campaigns": "campaigns/",
        "campaign": f"campaigns/{first('campaigns')}/",
        "manifesto": "manifesto/",
        "seminars": "seminars/",
        "seminar": f"seminars/{first('seminars')}/",
        "networks": "networks/",
        "network": f"networks/{first('networks')}/",
        "knowledge": "knowledge/",
        "article": "knowledge/isomorphism/",
        "topic": "vocabularies/topics/",
        "news": "news/",
        "posts": "lobby/posts/",
        "officials": "lobby/officials/",
        "positions": "lobby/positions/",
        "vocabularies": "vocabularies/",
        "reference": "reference/data-model/",
        "editing-guide": "reference/editing/",
        "calculator": "buy-social/social-return/",
        "procurement rules": "buy-social/rules/",
        "self-test": "certification/self-test/",
        "decisions": "lobby/decisions/",
        "decision": f"lobby/decisions/{first('decisions')}/",
        "scorecard": "manifesto/scorecard/",
        "district": f"districts/{district_with_a_post()}/",
        "glossary": "glossary/",
    }


def embeds() -> dict[str, str]:
    """One embed of each kind: pages of their own, without the theme (no skip link or navigation to test)."""
    return {
        "figures embed": "embed/figures/2016/",
        "enterprise embed": f"embed/enterprise/{first('enterprises')}/",
        "campaign embed": f"embed/campaign/{first('campaigns')}/",
    }


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def violations(axe, page) -> list[str]:
    result = axe.run(page)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]


WIDTHS = {"phone": 390, "desktop": 1280}


def open_page(browser, example_url, url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 844})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(example_url) else r.abort())
    response = page.goto(example_url + url)
    assert response.status == 200
    if page.query_selector("[data-filterable]"):
        page.wait_for_selector("[data-filterable][data-ready]")  # its filters are shown once its item file is in
    return page


LANGUAGES = {"nl": "", "en": "en/"}  # the site's languages and where their pages are (tests/test_bilingual_site.py)


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("language", list(LANGUAGES))
@pytest.mark.parametrize("name", list(page_types()))
def test_no_axe_violations(name, language, width, browser, example_url, axe):
    page = open_page(browser, example_url, LANGUAGES[language] + page_types()[name], WIDTHS[width])
    assert violations(axe, page) == []
    page.close()


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("name", list(embeds()))
def test_no_axe_violations_in_embeds(name, width, browser, example_url, axe):
    page = open_page(browser, example_url, embeds()[name], WIDTHS[width])
    assert violations(axe, page) == []
    page.close()


@pytest.mark.parametrize("name", list(page_types() | embeds()))
def test_no_page_scrolls_sideways_on_a_phone(name, browser, example_url):
    page = open_page(browser, example_url, (page_types() | embeds())[name], WIDTHS["phone"])
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS["phone"]
    page.close()


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_chart_text_stays_readable_at_any_width(width, browser, example_url):
    page = open_page(browser, example_url, "monitor/", width)
    font = page.eval_on_selector_all("svg.wise-chart text", "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
    boxes = page.eval_on_selector_all("svg.wise-chart text", "els => els.map(e => e.getBoundingClientRect().height)")
    assert font and boxes
    assert min(font) >= 12
    assert min(boxes) >= 12  # the rendered glyph box, so a scaled-down drawing would fail too
    page.close()


def test_no_axe_violations_in_search_results(browser, example_url, axe):
    page = browser.new_page()
    page.goto(example_url)
    page.click(".md-search__input")
    page.keyboard.type("bicycle", delay=30)
    page.wait_for_selector(".md-search-result__item")
    assert violations(axe, page) == []
    page.close()


def test_every_page_has_a_skip_link_and_one_main(example_site):
    from htmltools import read

    for url in page_types().values():
        page = read(example_site, url)
        assert [a for t, a in page.elements if t == "a" and "md-skip" in a.get("class", "")], url
        assert [t for t, _ in page.elements if t == "main"] == ["main"], url
