"""Publishing for real: the site built for its own address (`SITE_URL`) and repository (`REPO_URL`, `EDIT_URI`), as
the hosting workflows build it, names no loopback address anywhere, links each page to its source file in the
repository, and comes out byte-identical from two builds without SOURCE_DATE_EPOCH."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from macros.headers import rule_for
from macros.vendor import DECAP, served_files

pytestmark = pytest.mark.slow

PUBLISHED = {"SITE_URL": "https://wise.example.org/", "REPO_URL": "https://github.com/example/wise", "EDIT_URI": "edit/main/docs/"}
LOOPBACK = re.compile(rb"127\.0\.0\.1|localhost|\[::1\]|0\.0\.0\.0", re.IGNORECASE)


def build(out: Path, seed: str) -> dict[str, bytes]:
    """The project built into `out` as a publisher builds it (no SOURCE_DATE_EPOCH); its files by path."""
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "SITE_URL", "REPO_URL", "EDIT_URI")}
    env |= PUBLISHED | {"PYTHONHASHSEED": seed, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> dict[str, bytes]:
    return build(tmp_path_factory.mktemp("published") / "site", "1")


def readable(name: str, data: bytes) -> bytes:
    return gzip.decompress(data) if name.endswith(".gz") else data


def third_party(name: str, data: bytes) -> bool:
    """A file copied unchanged from the pinned web editor package (its own code, checked by hash at install)."""
    pinned = served_files(DECAP)
    return name.startswith("admin/") and name[6:] in pinned and pinned[name[6:]].read_bytes() == data


def test_no_file_names_a_loopback_address(published):
    """Every file, compressed ones opened, binary ones read as bytes. The web editor's own script is the one
    exception: it is Decap's code, unchanged and hash-pinned, which asks whether it runs on localhost (to offer
    its local development server); it is not an address of this site."""
    named = sorted(name for name, data in published.items() if LOOPBACK.search(readable(name, data)) and not third_party(name, data))
    assert named == []
    assert published["sitemap.xml"].count(b"<loc>https://wise.example.org/") == published["sitemap.xml"].count(b"<loc>")


def test_the_feeds_calendars_and_briefings_use_the_sites_address(published):
    feed = published["news/feed.xml"].decode()
    assert "<link>https://wise.example.org/news/</link>" in feed
    calendars = [text for name, text in published.items() if name.endswith(".ics")]
    assert calendars and all(b"URL:https://wise.example.org/" in text.replace(b"\r\n ", b"") for text in calendars)
    page = published["showcase/index.html"].decode()
    assert '<link rel="canonical" href="https://wise.example.org/showcase/">' in page


def test_every_edit_link_points_at_a_file_of_the_repository(published):
    links = set()
    for name, data in published.items():
        if name.endswith(".html"):
            links |= set(re.findall(r'href="https://github\.com/example/wise/edit/main/([^"#?]+)"', data.decode()))
    assert {link.split("/")[0] for link in links} == {"data", "docs"}
    assert [link for link in sorted(links) if not (ROOT / link).is_file()] == []
    record = published["en/showcase/fietsfabriek/index.html"].decode()
    assert 'Source file: <a href="https://github.com/example/wise/edit/main/data/enterprises/fietsfabriek.yml"' in record
    dutch = published["showcase/fietsfabriek/index.html"].decode()
    assert 'Bronbestand: <a href="https://github.com/example/wise/edit/main/data/enterprises/fietsfabriek.yml"' in dutch


def test_a_listing_has_no_edit_link_since_no_one_file_makes_it(published):
    assert 'rel="edit"' not in published["showcase/index.html"].decode()


def test_the_web_editor_saves_to_the_repository_and_may_reach_its_api_only(published):
    config = yaml.safe_load(published["admin/config.yml"])
    assert config["backend"] == {"name": "github", "repo": "example/wise", "branch": "main"}
    assert "admin/sandbox.js" not in published
    policy = rule_for(published["_headers"].decode(), "/admin/")["Content-Security-Policy"]
    assert "connect-src 'self' https://api.github.com;" in policy


def test_two_builds_without_source_date_epoch_are_byte_identical(published, tmp_path):
    time.sleep(1.1)  # a build that stamps its clock into a file would now differ
    again = build(tmp_path / "site", "4242")
    assert sorted(again) == sorted(published)
    assert [name for name in again if again[name] != published[name]] == []


def test_without_a_repository_no_page_shows_a_source_file_or_an_edit_button(example_site):
    """The session's site is built without REPO_URL (unless the environment sets one)."""
    if os.environ.get("REPO_URL"):
        pytest.skip("REPO_URL is set in the environment")
    pages = [p for p in example_site.rglob("*.html") if not p.is_relative_to(example_site / "admin")]
    words = ("Source file", "Bronbestand", 'rel="edit"')  # in either language
    assert [p for p in pages if any(w in p.read_text(encoding="utf-8") for w in words)] == []
