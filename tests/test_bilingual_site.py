"""The example site in its two languages, built as published: every page has its twin, says its language, and
links to its twins (switcher and hreflang) symmetrically."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import ROOT

from macros.settings import read_settings

SHARED = ("en/", "embed/", "admin/", "assets/", "search/", "pagefind/")
HREFLANG = re.compile(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">')
SWITCHER = re.compile(r'<a class="wise-languages__link" href="([^"]+)" hreflang="([a-z-]+)"')
SITE_URL = "http://127.0.0.1:8000/"


def pages(site: Path, under: str = "") -> set[str]:
    """Site paths of the HTML pages under `under` ("" the default language's, "en/" the English ones)."""
    out = set()
    for path in (site / under).rglob("index.html"):
        rel = path.parent.relative_to(site / under).as_posix()
        rel = "" if rel == "." else rel + "/"
        if not under and rel.startswith(SHARED):
            continue
        out.add(rel)
    return out


@pytest.fixture(scope="module")
def languages():
    found = read_settings(ROOT).languages
    assert found[:2] == ("nl", "en"), "the project's site is Dutch first, English second"
    return found


def test_every_page_exists_in_both_languages(example_site, languages):
    dutch, english = pages(example_site), pages(example_site, "en/")
    assert len(dutch) > 100
    assert dutch == english, f"only Dutch: {sorted(dutch - english)[:10]}; only English: {sorted(english - dutch)[:10]}"


def test_each_page_says_its_language_and_links_its_twins_both_ways(example_site, languages):
    checked = 0
    for path in sorted(pages(example_site)):
        for language, prefix in (("nl", ""), ("en", "en/")):
            html = (example_site / prefix / path / "index.html").read_text(encoding="utf-8")
            assert f'<html lang="{language}"' in html, f"{prefix}{path}"
            links = dict(HREFLANG.findall(html))
            assert links == {"nl": SITE_URL + path, "x-default": SITE_URL + path, "en": SITE_URL + "en/" + path}, f"{prefix}{path}"
            here = SITE_URL + prefix + path
            [(switch, other)] = SWITCHER.findall(html)
            assert urljoin(here, switch) == links[other] and other != language, f"{prefix}{path}: the switcher leads to the same page"
            checked += 1
    assert checked > 200


def test_a_record_page_and_its_twin_show_the_same_record(example_site):
    record = re.compile(r'<main[^>]*data-record="([^"]+)"|data-record="([^"]+)"')
    listings = ("showcase/", "lobby/positions/", "lobby/posts/")
    paths = sorted(p for p in pages(example_site) for listing in listings if p.startswith(listing) and p.count("/") == listing.count("/") + 1)
    assert len(paths) > 20
    for path in paths:
        dutch = record.search((example_site / path / "index.html").read_text(encoding="utf-8"))
        english = record.search((example_site / "en" / path / "index.html").read_text(encoding="utf-8"))
        assert dutch and english and dutch.group(0) == english.group(0), path


def test_the_interface_speaks_the_page_language(example_site):
    dutch = (example_site / "showcase" / "index.html").read_text(encoding="utf-8")
    english = (example_site / "en" / "showcase" / "index.html").read_text(encoding="utf-8")
    tabs = re.compile(r'class="md-tabs__link[^"]*">\s*([^<]*?)\s*<')
    assert "Etalage" in tabs.findall(dutch) and "Showcase" in tabs.findall(english)  # the navigation's titles, from the catalogue
    assert 'placeholder="Zoeken"' in dutch and 'placeholder="Search"' in english  # the theme's own words


def test_the_head_speaks_the_page_language(example_site):
    """MkDocs reads every page before it renders any: what the head says (the preview's title) is in the page's
    language, not in the last page read's."""
    import html as html_module

    import yaml

    posts = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))["title"] for p in (ROOT / "data" / "posts").glob("*.yml")}
    post, title = next((k, v) for k, v in sorted(posts.items()) if isinstance(v, dict) and v.get("nl") and v.get("en") and v["nl"] != v["en"])
    for prefix, language in (("", "nl"), ("en/", "en")):
        page = (example_site / prefix / "lobby" / "posts" / post / "index.html").read_text(encoding="utf-8")
        og = html_module.unescape(re.search(r'<meta property="og:title" content="([^"]*)"', page).group(1))
        assert og.startswith(title[language]), (prefix, og)
