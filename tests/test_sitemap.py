"""The sitemap and robots.txt as pure functions: pages dated by their sources' last change (a folder by its newest
file), no date where none is known, addresses escaped, robots.txt under the site's path."""

from __future__ import annotations

import datetime as dt
import gzip
import xml.etree.ElementTree as ET

from macros.sitemap import NAMESPACE, Entry, handwritten_sources, lastmod, robots_txt, sitemap_gz, sitemap_xml, write

CHANGES = {"data/enterprises/a.yml": dt.date(2025, 1, 2), "data/enterprises/b.yml": dt.date(2026, 3, 4), "docs/about.md": dt.date(2024, 5, 6)}


def test_a_page_is_dated_by_its_file_and_a_listing_by_the_newest_file_of_its_folder():
    assert lastmod(("data/enterprises/a.yml",), CHANGES) == dt.date(2025, 1, 2)
    assert lastmod(("data/enterprises/",), CHANGES) == dt.date(2026, 3, 4)
    assert lastmod(("data/enterprises/c.yml",), CHANGES) is None
    assert lastmod(("data/enterprises",), CHANGES) is None  # a folder ends in /: no file is named like it


def test_the_sitemap_escapes_addresses_and_leaves_an_unknown_date_out():
    text = sitemap_xml([("https://x.example/b/?a=1&b=<2>", None), ("https://x.example/a/", dt.date(2025, 1, 2)), ("https://x.example/a/", dt.date(2025, 1, 2))])
    urls = ET.fromstring(text)
    assert [(u.findtext(f"{{{NAMESPACE}}}loc"), u.findtext(f"{{{NAMESPACE}}}lastmod")) for u in urls] == [
        ("https://x.example/a/", "2025-01-02"),
        ("https://x.example/b/?a=1&b=<2>", None),
    ]
    assert gzip.decompress(sitemap_gz(text)).decode() == text and sitemap_gz(text) == sitemap_gz(text)


def test_robots_keeps_crawlers_out_of_the_editor_under_the_sites_path():
    assert robots_txt("https://x.example/city/") == "User-agent: *\nDisallow: /city/admin/\nSitemap: https://x.example/city/sitemap.xml\n"


def test_a_page_the_blog_makes_is_dated_by_the_nearest_folder(tmp_path):
    docs = tmp_path / "docs"
    (docs / "news" / "posts").mkdir(parents=True)
    (docs / "news" / "index.md").write_text("# News")
    assert handwritten_sources(docs, tmp_path, "news/index.md") == ("docs/news/index.md",)
    assert handwritten_sources(docs, tmp_path, "news/archive/2026.md") == ("docs/news/",)


def test_written_files_date_folders_once_and_pages_without_history_have_no_date(tmp_path):
    entries = [Entry("https://x.example/showcase/", ("data/enterprises/",)), Entry("https://x.example/new/", ("data/new.yml",))]
    write(tmp_path, "https://x.example/", entries, CHANGES)
    text = (tmp_path / "sitemap.xml").read_text()
    assert "<lastmod>2026-03-04</lastmod>" in text and text.count("<lastmod>") == 1
    assert (tmp_path / "robots.txt").read_text().endswith("Sitemap: https://x.example/sitemap.xml\n")
