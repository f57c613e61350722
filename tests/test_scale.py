"""A large listing still builds and loses nothing.

How fast it is belongs to the benchmark (`make bench`, 5,000 enterprises); these tests check that a demo city of a
few hundred enterprises passes `wise check` and builds strictly, that every enterprise is on the showcase's pages,
which each count them all, and that the check for lost records follows a listing's pager (and notices a broken one).
"""

from __future__ import annotations

import shutil

import pytest
from conftest import DEMO_ENTERPRISES
from htmltools import read
from test_build import assert_nothing_lost, listing_links

from macros.cli import main


def showcase_pages(site) -> list[str]:
    """The showcase's pages, the first and those beneath it, in page order."""
    later = sorted((p.parent.name for p in (site / "showcase" / "page").glob("*/index.html")), key=int)
    return ["showcase/", *(f"showcase/page/{n}/" for n in later)]


def test_a_demo_city_passes_the_check(demo_city):
    assert main(["check", str(demo_city / "data")]) == 0


def test_a_large_demo_city_lists_every_enterprise_on_the_showcases_pages(demo_city):
    site = demo_city / "site"
    pages = showcase_pages(site)
    assert pages[-1] == "showcase/page/9/"  # 400 cards, 48 a page
    cards = []
    for url in pages:
        page = read(site, url)
        cards += [a["data-record"] for _, a in page.elements if a.get("data-record", "").startswith("enterprise:")]
        assert [a["data-count"] for _, a in page.elements if "data-count" in a] == [str(DEMO_ENTERPRISES)], url
    enterprises = sorted(p.stem for p in (demo_city / "data" / "enterprises").glob("*.yml"))
    assert cards == [f"enterprise:{e}" for e in enterprises]


def test_nothing_is_lost_and_a_listing_whose_pager_breaks_loses_its_later_records(demo_city, tmp_path):
    assert_nothing_lost(demo_city / "data", demo_city / "site")
    broken = tmp_path / "site"
    shutil.copytree(demo_city / "site", broken)
    page = broken / "showcase" / "page" / "4" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('rel="next"', ""), encoding="utf-8")
    with pytest.raises(AssertionError, match="/showcase/ does not link to it"):
        assert_nothing_lost(demo_city / "data", broken)
    reached = {url for url in listing_links(broken, "showcase/") if url.count("/") == 2 and not url.startswith("showcase/page/")}
    assert len(reached & {f"showcase/{p.stem}/" for p in (demo_city / "data" / "enterprises").glob("*.yml")}) == 4 * 48


def test_a_listings_further_pages_are_in_the_sitemap_with_their_own_preview_but_not_search_hits(demo_city):
    """Crawlers find every page of a listing (the sitemap lists them, each previews as itself); the site's search
    leaves out pages 2, 3…, whose cards are each a record found by its own page, and keeps every listing's first."""
    import xml.etree.ElementTree as ET

    from macros.search import read_index
    from macros.sitemap import NAMESPACE

    site = demo_city / "site"
    further = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob("**/page/*/index.html"))
    listings = {"showcase/", "buy-social/", "certification/"}
    assert {url.split("page/")[0] for url in further} == listings | {"en/" + url for url in listings}
    locs = {u.findtext(f"{{{NAMESPACE}}}loc") for u in ET.fromstring((site / "sitemap.xml").read_bytes())}
    site_url = min(locs, key=len)
    assert {site_url + url for url in further} <= locs
    indexed = set(read_index(site))
    assert not [url for url in indexed if "/page/" in url]
    assert {"/showcase/", "/buy-social/", "/certification/", "/lobby/tracker/", "/en/showcase/", "/en/lobby/tracker/"} <= indexed
    for url in further:
        page = read(site, url)
        number = url.rstrip("/").rpartition("/")[2]
        assert [a["data-listing-page"] for _, a in page.elements if "data-listing-page" in a] == [number], url
        meta = {a.get("property"): a.get("content") for tag, a in page.elements if tag == "meta" and a.get("property")}
        words = f"page {number} of" if url.startswith("en/") else f"pagina {number} van"  # in the page's language
        assert meta["og:url"] == site_url + url and words in meta["og:title"], url
