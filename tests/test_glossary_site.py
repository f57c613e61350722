"""The glossary and easy read on the built example site: every term findable by search under its anchor, term links
that resolve to a term, easy-read sections first on their pages and larger in a browser."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import ROOT
from htmltools import read, resolve

from macros.data import read_data


@pytest.fixture(scope="module")
def catalog():
    return read_data(ROOT / "data", ROOT / "docs")


def test_every_glossary_term_is_found_by_search_under_its_anchor(example_site, catalog):
    from macros.search import read_index

    entry = read_index(example_site)["/glossary/"]
    anchors = {a["id"]: a["text"] for a in entry["anchors"] if a["element"] == "h2"}
    content = " ".join(entry["content"].split())
    for term in catalog.glossary.terms:
        assert anchors.get(term.id, "").casefold() == term.term.casefold(), term.id
        assert " ".join(term.definition.split()) in content, term.id


def test_the_glossary_page_has_an_anchor_per_term_and_marks_dutch_words_as_dutch(example_site, catalog):
    page = read(example_site, "en/glossary/")  # on the English page, each term's Dutch word is marked as Dutch
    ids = Counter(attrs["id"] for _, attrs in page.elements if "id" in attrs)
    assert [i for i, n in ids.items() if n > 1] == []
    assert {t.id for t in catalog.glossary.terms} <= set(ids)
    dutch = [attrs for tag, attrs in page.elements if tag == "span" and attrs.get("lang") == "nl" and not attrs.get("class", "").startswith("wise-languages")]
    assert len(dutch) == sum(1 for t in catalog.glossary.terms if t.dutch)


def test_term_links_lead_to_a_term_of_the_glossary_from_record_pages(example_site, catalog):
    terms = {t.id for t in catalog.glossary.terms}
    linked = Counter()
    for path in sorted(example_site.glob("**/index.html")):
        url = path.parent.relative_to(example_site).as_posix() + "/"
        page = read(example_site, "" if url == "./" else url)
        for _, attrs in page.elements:
            if "wise-term" in attrs.get("class", "").split():
                path, _, anchor = attrs["href"].partition("#")
                glossary = "en/glossary/" if url.startswith("en/") else "glossary/"  # the glossary in the page's language
                assert resolve(url, path) == glossary and anchor in terms, (url, attrs["href"])
                assert attrs.get("title"), url
                linked[url] += 1
    assert linked["showcase/fietsfabriek/"] >= 1 and linked["manifesto/"] >= 1
    assert max(linked.values()) <= len(terms)  # a term's first use only: never more links than terms


def test_every_enterprise_and_position_page_opens_with_its_easy_read_section(example_site, catalog):
    for kind, folder in (("enterprise", "showcase"), ("position", "lobby/positions")):
        for record in catalog.all(kind):
            html = (example_site / folder / record.id / "index.html").read_text(encoding="utf-8")
            article = html[html.index("<article") :]
            assert 'data-easy-read aria-labelledby="easy-read"' in article, record.id
            assert article.index("data-easy-read") < article.index('class="wise-lead"'), record.id


@pytest.mark.browser
def test_easy_read_text_is_larger_and_more_widely_spaced_than_the_text_beside_it(browser, example_url):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(example_url + "en/showcase/fietsfabriek/")
    easy = page.eval_on_selector("[data-easy-read] p", "p => [parseFloat(getComputedStyle(p).fontSize), parseFloat(getComputedStyle(p).lineHeight)]")
    lead = page.eval_on_selector(".wise-lead", "p => parseFloat(getComputedStyle(p).fontSize)")
    body = page.eval_on_selector(".md-typeset", "e => parseFloat(getComputedStyle(e).fontSize)")
    assert easy[0] > max(lead, body) and easy[1] >= 1.7 * easy[0]
    assert page.get_by_role("region", name="Easy read").is_visible()
    page.close()
