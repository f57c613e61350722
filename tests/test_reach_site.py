"""Reach on the built example site: every record page's JSON-LD parses and says what its type needs, every page has
its link-preview meta with the site's image, every embed is small, script-free, frameable and links back, and the
sitemap lists exactly the pages a crawler finds. Expectations come from the YAML, never from counts of example data."""

from __future__ import annotations

import json
import re
import urllib.request
import xml.etree.ElementTree as ET
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import ROOT, serve
from htmltools import Page, resolve

from macros.data import read_data
from macros.headers import rule_for
from macros.sitemap import NAMESPACE
from macros.social_image import SITE_IMAGE

pytestmark = pytest.mark.slow
EMBED_BUDGET = 30_000  # bytes: an embed with everything it loads


@pytest.fixture(scope="module")
def catalog():
    return read_data(ROOT / "data", ROOT / "docs")


class Blocks(HTMLParser):
    """The JSON-LD blocks of a page, read as a browser's tokenizer reads script text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.blocks: list[str] = []
        self._open = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self._open = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        if self._open:
            self.blocks.append("")

    def handle_endtag(self, tag):
        self._open = False

    def handle_data(self, data):
        if self._open:
            self.blocks[-1] += data


def json_ld(site, url: str) -> list[dict]:
    return [json.loads(block) for block in Blocks((site / url / "index.html").read_text(encoding="utf-8")).blocks]


def types(data: dict) -> set[str]:
    kind = data["@type"]
    return set(kind) if isinstance(kind, list) else {kind}


def test_every_enterprise_page_is_an_organization_offering_each_of_its_offerings(example_site, catalog):
    for e in catalog.all("enterprise"):
        [data] = json_ld(example_site, f"showcase/{e.id}/")
        assert data["@context"] == "https://schema.org" and "Organization" in types(data), e.id
        assert data["name"] == e.name and data["url"]
        assert ("address" in data) == bool(e.address) and ("geo" in data) == bool(e.geo)
        assert [o["itemOffered"]["name"] for o in data.get("makesOffer", [])] == [o.name for o in e.offerings]
        ids = {a.get("id") for _, a in Page((example_site / "showcase" / e.id / "index.html").read_text(encoding="utf-8")).elements}
        assert all(o["url"].rsplit("#", 1)[1] in ids for o in data.get("makesOffer", [])), e.id


def test_every_seminar_page_is_an_event_with_a_place_an_organizer_and_a_status(example_site, catalog):
    for s in catalog.all("seminar"):
        [data] = json_ld(example_site, f"seminars/{s.id}/")
        assert types(data) == {"Event"} and data["name"] == s.title
        places = data["location"] if isinstance(data["location"], list) else [data["location"]]
        assert {p["@type"] for p in places} == ({"Place"} if s.location else set()) | ({"VirtualLocation"} if s.online_url else set())
        assert data["organizer"] and data["eventStatus"] == "https://schema.org/EventScheduled" and data["startDate"]


def test_every_official_is_a_person_and_every_held_post_shows_its_holders(example_site, catalog):
    for o in catalog.all("official"):
        [data] = json_ld(example_site, f"lobby/officials/{o.id}/")
        assert types(data) == {"Person"} and data["name"] == o.name
        assert [r["roleName"] for r in data["memberOf"] if r["@type"] == "Role"] == [h.post.title for h in catalog.holdings_of(o)]
    for p in catalog.all("post"):
        blocks = json_ld(example_site, f"lobby/posts/{p.id}/")
        holders = catalog.current_holders(p.id)
        people = [] if not blocks else blocks[0].get("@graph", [blocks[0]])
        assert [x["name"] for x in people] == [h.name for h in holders], p.id
        assert all(x["hasOccupation"][0]["name"] == p.title or any(o["name"] == p.title for o in x["hasOccupation"]) for x in people)


def test_the_home_page_presents_the_platform(example_site):
    [data] = json_ld(example_site, "")
    assert types(data) == {"Organization"} and data["url"].endswith("/") and data["logo"].endswith(SITE_IMAGE)


def published_pages(site):
    return [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).parts[0] not in ("admin", "embed") and p.name != "404.html"]


def test_every_page_has_open_graph_and_twitter_meta_with_the_sites_image(example_site):
    image = example_site / SITE_IMAGE
    assert image.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    for path in published_pages(example_site):
        meta = {a.get("property") or a.get("name"): a.get("content") for t, a in Page(path.read_text(encoding="utf-8")).elements if t == "meta"}
        for key in ("og:title", "og:description", "og:url", "og:image", "twitter:card", "twitter:title", "twitter:description", "twitter:image"):
            assert meta.get(key), (path, key)
        assert meta["og:image"].endswith("/" + SITE_IMAGE) and urlsplit(meta["og:image"]).scheme in ("http", "https"), path


@pytest.mark.parametrize(("built", "source"), [("about", "about.nl.md"), ("en/about", "about.en.md")])
def test_a_hand_written_page_previews_its_front_matter(example_site, built, source):
    meta = {a.get("property"): a.get("content") for t, a in Page((example_site / built / "index.html").read_text(encoding="utf-8")).elements if t == "meta"}
    text = (ROOT / "docs" / source).read_text(encoding="utf-8")
    title = re.search(r"^title: (.+)$", text, re.M) or re.search(r"^# (.+)$", text, re.M)
    assert meta["og:title"] == title.group(1).strip()


def embed_size(site, path) -> int:
    """An embed's bytes with everything it loads (style sheets, images)."""
    page = Page(path.read_text(encoding="utf-8"))
    url = path.parent.relative_to(site).as_posix() + "/"
    loaded = [a["href"] for t, a in page.elements if t == "link" and a.get("href")] + [a["src"] for t, a in page.elements if a.get("src")]
    return path.stat().st_size + sum((site / resolve(url, href)).stat().st_size for href in loaded)


def test_every_embed_is_small_script_free_frameable_and_links_back(example_site, catalog):
    expected = (
        [f"embed/figures/{y.id}/" for y in catalog.all("monitoring")]
        + [f"embed/enterprise/{e.id}/" for e in catalog.all("enterprise")]
        + [f"embed/campaign/{c.id}/" for c in catalog.all("campaign")]
    )
    built = sorted(p.parent.relative_to(example_site).as_posix() + "/" for p in (example_site / "embed").rglob("index.html"))
    assert built == sorted(expected)
    headers = (example_site / "_headers").read_text()
    for url in expected:
        path = example_site / url / "index.html"
        assert embed_size(example_site, path) < EMBED_BUDGET, url
        page = Page(path.read_text(encoding="utf-8"))
        assert "script" not in {t for t, _ in page.elements} and "iframe" not in {t for t, _ in page.elements}
        assert page.having("data-source") and page.having("data-year")
        back = [resolve(url, h) for h in page.links() if not urlsplit(h).scheme]
        assert back and all((example_site / b / "index.html").is_file() for b in back), url
        assert "frame-ancestors *" in rule_for(headers, "/" + url)["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in rule_for(headers, "/showcase/")["Content-Security-Policy"]


def test_full_pages_offer_the_embed_code(example_site, catalog):
    for kind, folder, embed in (("enterprise", "showcase", "enterprise"), ("campaign", "campaigns", "campaign"), ("monitoring", "monitor", "figures")):
        for record in catalog.all(kind):
            page = Page((example_site / folder / record.id / "index.html").read_text(encoding="utf-8"))
            assert '<iframe src="http' in page.text and f"/embed/{embed}/{record.id}/" in page.text, record.id


# -- the sitemap and robots.txt ------------------------------------------------------------------
class Links(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.hrefs: list[str] = []
        self.noindex = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag == "meta" and a.get("name") == "robots" and "noindex" in (a.get("content") or ""):
            self.noindex = True


def crawl(start: str, disallowed: list[str]) -> set[str]:
    """What a search engine's crawler finds from the home page: every page of the site it may fetch and index,
    following links, keeping out of what robots.txt disallows, leaving out pages that ask not to be indexed."""
    found, queue, seen = set(), deque([start]), {start}
    while queue:
        url = queue.popleft()
        with urllib.request.urlopen(url, timeout=30) as response:
            if "text/html" not in response.headers.get("Content-Type", ""):
                continue
            page = Links(response.read().decode("utf-8"))
        if not page.noindex:
            found.add(urlsplit(url).path)
        for href in page.hrefs:
            target = urlsplit(urljoin(url, href))
            link = f"{target.scheme}://{target.netloc}{target.path}"
            if not link.startswith(start) or link in seen or any(target.path.startswith(d) for d in disallowed):
                continue
            if not (target.path.endswith("/") or target.path.endswith(".html")):
                continue
            seen.add(link)
            queue.append(link)
    return found


def test_the_sitemap_lists_every_page_a_crawler_finds_and_nothing_it_cannot_reach(example_site):
    robots = (example_site / "robots.txt").read_text()
    sitemap_url = re.search(r"^Sitemap: (\S+)$", robots, re.M).group(1)
    site_url = sitemap_url.removesuffix("sitemap.xml")
    disallowed = re.findall(r"^Disallow: (\S+)$", robots, re.M)
    assert disallowed == [urlsplit(site_url).path + "admin/"]
    tree = ET.fromstring((example_site / "sitemap.xml").read_bytes())
    locs = [u.findtext(f"{{{NAMESPACE}}}loc") for u in tree]
    assert locs and all(loc.startswith(site_url) for loc in locs) and len(set(locs)) == len(locs)
    assert not [loc for loc in locs if "/embed/" in loc or "/admin/" in loc]
    served, server = serve(example_site)
    try:
        found = crawl(served, [urlsplit(served).path + d.lstrip("/") for d in disallowed])
    finally:
        server.shutdown()
    listed = {"/" + loc.removeprefix(site_url) for loc in locs}
    assert sorted(found - listed) == [] and sorted(listed - found) == []


def test_lastmod_is_the_last_commit_of_the_pages_source_not_the_build(example_site, catalog):
    import subprocess

    tree = ET.fromstring((example_site / "sitemap.xml").read_bytes())
    days = {u.findtext(f"{{{NAMESPACE}}}loc"): u.findtext(f"{{{NAMESPACE}}}lastmod") for u in tree}
    log = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "data/enterprises"], cwd=ROOT, capture_output=True, text=True)
    if log.returncode != 0 or not log.stdout.strip():
        pytest.skip("no git history here: pages carry no lastmod")
    for e in catalog.all("enterprise")[:3]:
        day = subprocess.run(["git", "log", "-1", "--format=%cs", "--", e.source_path], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        loc = next(loc for loc in days if loc.endswith(f"/showcase/{e.id}/"))
        assert days[loc] == (day or None), e.id
    showcase = next(loc for loc in days if loc.endswith("/showcase/"))
    assert days[showcase] == log.stdout.strip()
