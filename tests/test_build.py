"""Whole sites built end to end: the tiny fixture, hostile text, the example data.

Hostile text, macro errors, lost records and leftover template text are tested here, since they need a built site.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import build, write
from htmltools import Page, read, resolve

# The public URL for each data folder, written out here on purpose so
# that the test does not trust the code's own registry.
CONTRACT_URLS = {
    "enterprises": ("enterprise", "showcase/{id}/", "showcase/"),
    "posts": ("post", "lobby/posts/{id}/", "lobby/posts/"),
    "officials": ("official", "lobby/officials/{id}/", "lobby/officials/"),
    "positions": ("position", "lobby/positions/{id}/", "lobby/positions/"),
    "decisions": ("decision", "lobby/decisions/{id}/", "lobby/decisions/"),
    "campaigns": ("campaign", "campaigns/{id}/", "campaigns/"),
    "seminars": ("seminar", "seminars/{id}/", "seminars/"),
    "networks": ("network", "networks/{id}/", "networks/"),
    "schemes": ("scheme", "certification/{id}/", "certification/"),
    "monitoring": ("monitoring", "monitor/{id}/", "monitor/"),
    "vocabularies": ("vocabulary", "vocabularies/{id}/", "vocabularies/"),
}


def expected_records(data: Path):
    """(kind, id, page URL, listing URL) for every YAML file under data/."""
    for folder, (kind, url, listing) in CONTRACT_URLS.items():
        for path in sorted((data / folder).glob("*.yml")):
            yield kind, path.stem, url.format(id=path.stem), listing
    if (data / "manifesto.yml").exists():
        yield "manifesto", "manifesto", "manifesto/", "manifesto/"
    if (data / "glossary.yml").exists():
        yield "glossary", "glossary", "glossary/", "glossary/"


def listing_links(site: Path, listing: str) -> set[str]:
    """The site URLs a listing links to, on its first page and on every page its pager reaches from there, one
    `rel=next` link after the other."""
    links: set[str] = set()
    url, seen = listing, set()
    while url is not None and url not in seen:
        seen.add(url)
        page = read(site, url)
        links |= {resolve(url, href) for href in page.links()}
        following = [resolve(url, a["href"]) for tag, a in page.elements if tag == "a" and a.get("rel") == "next"]
        url = following[0] if following else None
    return links


def assert_nothing_lost(data: Path, site: Path):
    """Every record has its page with its marker, its listing (through its pager) links to it, it has its export
    row, and the search index holds its page."""
    from macros.search import read_index

    missing = []

    indexed = {url.lstrip("/") for url in read_index(site)}
    exported: dict[str, set] = {}
    listed: dict[str, set] = {}
    for kind, record_id, url, listing in expected_records(data):
        if kind not in exported:
            exported[kind] = {row["id"] for row in json.loads((site / "data" / f"{kind}.json").read_text(encoding="utf-8"))}
        if record_id not in exported[kind]:
            missing.append(f"{kind}:{record_id}: no row in /data/{kind}.json")
        if url not in indexed:
            missing.append(f"{kind}:{record_id}: not in the search index")
        page = site / url / "index.html"
        if not page.exists():
            missing.append(f"{kind}:{record_id}: no page at /{url}")
            continue
        if f'data-record="{kind}:{record_id}"' not in page.read_text(encoding="utf-8"):
            missing.append(f"{kind}:{record_id}: page lacks its data-record marker")
        if listing not in listed:
            listed[listing] = listing_links(site, listing)
        if listing != url and url not in listed[listing]:
            missing.append(f"{kind}:{record_id}: /{listing} does not link to it")
    assert missing == []


LEFTOVER_TEXT = re.compile(r"\{\{|\{%|\{#|\[object Object\]|Macro Rendering Error|Traceback \(most recent|(?:[:=(]\s*)\b(?:None|False|nan|undefined)\b")
LEFTOVER_VALUE = re.compile(r"^(?:None|False|True|nan|NaN|undefined|null)$")


def leftovers(site: Path) -> list[str]:
    """Template or Python text left in the text or attributes of built pages: `{{`, `None`, `nan`…
    (Text in <code> is a quotation, as on the reference page about bad input, and is left alone.)"""
    found = []
    for path in sorted(site.rglob("*.html")):
        page = Page(path.read_text(encoding="utf-8"))
        values = [t.strip() for t in page.prose_parts] + [v for _, attrs in page.elements for v in attrs.values() if v]
        for value in values:
            match = LEFTOVER_TEXT.search(value) or LEFTOVER_VALUE.search(value)
            if match:
                found.append(f"{path.relative_to(site)}: {match.group()!r} in {value[max(0, match.start() - 40) : match.end() + 40]!r}")
    return found


# -- the tiny site -------------------------------------------------------------------------
@pytest.mark.slow
def test_tiny_site_builds_strict_and_loses_nothing(tiny, tmp_path):
    result = build(tiny, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    assert_nothing_lost(tiny / "data", tmp_path / "out")
    assert leftovers(tmp_path / "out") == []


@pytest.mark.slow
def test_a_page_that_vanishes_is_named(tiny, tmp_path):
    assert build(tiny, tmp_path / "out").returncode == 0
    shutil.rmtree(tmp_path / "out" / "showcase" / "kantine")
    with pytest.raises(AssertionError, match="enterprise:kantine: no page at /showcase/kantine/"):
        assert_nothing_lost(tiny / "data", tmp_path / "out")


def test_leftover_template_text_is_found(tmp_path):
    (tmp_path / "a.html").write_text(
        "<p>Total: None</p><p title='{{ x }}'>ok</p><td>nan</td><p>None of them; False friends</p><p>quoted: <code>{{ 7*7 }}</code></p>"
    )
    assert [line.split(": ", 1)[1][:8] for line in leftovers(tmp_path)] == ["': None'", "'nan' in", "'{{' in "]


@pytest.mark.slow
def test_data_problems_fail_the_build_with_the_problem_lines_and_no_traceback(tiny, tmp_path):
    write(tiny, "enterprises/kantine.yml", "name: X\nsummary: Y\nsector: catering\ndistrict: oost\nwebsite: javascript:alert(1)\n")
    result = build(tiny, tmp_path / "out")
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "data/enterprises/kantine.yml:5:10: error: website: must be an http(s) URL: 'javascript:alert(1)' [url-scheme]" in output
    assert "1 error in 1 file" in output
    assert "Traceback" not in output
    assert not (tmp_path / "out" / "index.html").exists()


@pytest.mark.slow
def test_a_macro_error_fails_the_build_naming_the_page(tiny, tmp_path):
    (tiny / "docs" / "broken.md").write_text("---\nrender_macros: true\n---\n# Broken\n\n{{ no_such_variable }}\n")
    # mkdocs-macros reports the page as a warning, which `-q` would hide.
    result = build(tiny, tmp_path / "out", quiet=False)
    assert result.returncode != 0
    assert "broken.md" in result.stdout + result.stderr
    assert not (tmp_path / "out").exists() or leftovers(tmp_path / "out") == []


@pytest.mark.slow
def test_pages_without_opt_in_are_not_templates(tiny, tmp_path):
    (tiny / "docs" / "plain.md").write_text("# Plain\n\nLiteral {{ 7*7 }} here.\n")
    assert build(tiny, tmp_path / "out").returncode == 0
    assert "Literal {{ 7*7 }} here." in read(tmp_path / "out", "plain/").text


# -- hostile text ----------------------------------------------------------------------------
HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(2)> "><svg onload=alert(3)> {{ 7*7 }} {% include \'x\' %} {{ config.__class__ }} | # [x]: http://evil {: onclick=alert(4) } !!! note --8<-- "/etc/passwd"'


def hostile_site(site: Path, text: str = HOSTILE) -> None:
    """Put `text` into every plain text field of every kind, and hostile Markdown into markdown fields."""
    h = text.replace("\\", "\\\\").replace('"', '\\"')
    md = "**bold** <script>alert(5)</script> <b onclick=alert(6)>x</b> [js](javascript:alert(7)) [data](data:text/html,x) ![i](https://example.org/i.png) {{ 7*7 }}"
    md_q = md.replace('"', '\\"')
    write(
        site,
        "enterprises/kantine.yml",
        f'''name: "{h}"
summary: "Canteen {{{{ 7*7 }}}} | <b>x</b>, a WISE"
description: "{md_q}"
sector: catering
district: oost
legal_form: "{h}"
how_to_apply: "{h}"
address: {{street: "{h}", postcode: "{h}", city: "{h}"}}
offerings:
  - name: "{h}"
    category: catering
    description: "{h}"
jobs:
  - title: "{h}"
    description: "{h}"
certifications:
  - scheme: keurmerk
    status: certified
''',
    )
    write(site, "posts/wethouder.yml", f'title: "Post {h}"\nbody: executive\norganisation: "{h}"\ndepartment: "{h}"\ndescription: "{h}"\n')
    write(
        site,
        "officials/an-alderman.yml",
        f'name: "Official {h}"\nparty: green\nmemberships:\n  - post: wethouder\n    start: 2022-06-01\nsources: [https://example.org/a]\n'
        f'contacts: [{{date: 2025-01-01, kind: meeting, note: "{h}", source: "https://example.org/m"}}]\n',
    )
    write(site, "vocabularies/parties.yml", f'title: "Parties {h}"\nentries:\n  - id: green\n    label: "{h}"\n  - id: red\n    label: "Red {h}"\n')
    write(
        site,
        "decisions/reserve-motion.yml",
        f'title: "Decision {h}"\nkind: motion\ndate: 2025-06-12\nbody: committee\ncommittee: "{h}"\nreference: "{h}"\nsummary: "{h}"\n'
        f"source: https://example.org/motion\noutcome: adopted\ntopics: [social-procurement]\nasks: [{{position: buy-social, ask: reserve}}]\narticles: [work]\n"
        f"votes: {{parties: [{{party: green, vote: for}}, {{party: red, vote: against}}]}}\n",
    )
    write(site, "networks/kantine-netwerk.yml", f'name: "Network {h}"\nkind: network\nsummary: "{h}"\npartners: ["{h}"]\ndescription: "{md_q}"\n')
    write(
        site,
        "schemes/keurmerk.yml",
        f'name: "Scheme {h}"\nkind: certification\nowner: "{h}"\nsummary: "{h}"\nlevels: ["{h}"]\ncriteria:\n  - id: mission\n    text: "{h}"\n',
    )
    write(
        site,
        "seminars/procurement-101.yml",
        f'title: "Seminar {h}"\nstart: 2026-03-12\nlocation: {{name: "{h}", address: "{h}"}}\norganisers: ["{h}"]\nspeakers: [{{name: "{h}", organisation: "{h}"}}]\nmaterials: [{{title: "{h}", url: "https://example.org/m"}}]\nsummary: "{md_q}"\n',
    )
    write(
        site,
        "campaigns/week.yml",
        f'name: "Campaign {h}"\ngoal: "{h}"\ndescription: "{md_q}"\nmilestones: [{{date: 2026-01-01, title: "{h}", note: "{h}"}}]\nmetrics: [{{label: "{h}", target: 10, current: 5, unit: "{h}"}}]\ncall_to_action: {{text: "{h}", url: "https://example.org/join"}}\n',
    )
    text = (site / "data/positions/buy-social.yml").read_text()
    text = text.replace("title: Buy social", f'title: "Position {h}"').replace(
        "summary: The city buys from social enterprises.", f'summary: "{h}"\nrationale: "{md_q}"'
    )
    text = text.replace("text: Reserve contracts for social enterprises.", f'text: "{h}"').replace("status: asked", f'status: asked\n        note: "{h}"')
    write(site, "positions/buy-social.yml", text)
    write(
        site,
        "manifesto.yml",
        f'title: "Manifesto {h}"\npreamble: "{md_q}"\narticles:\n  - id: work\n    heading: "{h}"\n    text: "{h}"\nsignatories:\n  - organisation: "{h}"\n',
    )
    # The glossary's text reaches every page that uses a term: as the title of the link from its first use.
    write(site, "glossary.yml", f'title: "Glossary {h}"\nintro: "{h}"\nterms:\n  - id: wise\n    term: WISE\n    definition: "{h}"\n    source: index.md\n')
    write(site, "vocabularies/sectors.yml", f'title: "Sectors {h}"\ndescription: "{h}"\nentries:\n  - id: catering\n    label: "{h}"\n    description: "{h}"\n')


PAGES = [
    "showcase/kantine/",
    "lobby/posts/wethouder/",
    "lobby/officials/an-alderman/",
    "networks/kantine-netwerk/",
    "certification/keurmerk/",
    "seminars/procurement-101/",
    "campaigns/week/",
    "lobby/positions/buy-social/",
    "manifesto/",
    "vocabularies/sectors/",
    "glossary/",
    "showcase/",
    "campaigns/",
    "lobby/positions/",
    "lobby/decisions/reserve-motion/",
    "lobby/decisions/",
    "lobby/officials/",
    "manifesto/scorecard/",
    "districts/oost/",
]


def shape(page: Page) -> list[tuple[str, tuple[str, ...]]]:
    """The DOM's shape: every element's tag and attribute names, in order."""
    return [(tag, tuple(sorted(attrs))) for tag, attrs in page.elements]


@pytest.mark.slow
def test_hostile_text_is_shown_literally_and_adds_nothing_to_the_dom(tiny, tmp_path):
    benign = tmp_path / "benign-src"
    shutil.copytree(tiny, benign)
    hostile_site(tiny)
    hostile_site(benign, ("plain words " * 40)[: len(HOSTILE)])  # same length: some layouts depend on it
    for site, out in ((tiny, tmp_path / "out"), (benign, tmp_path / "benign")):
        result = build(site, out)
        assert result.returncode == 0, result.stdout + result.stderr
    out = tmp_path / "out"
    for url in PAGES:
        page, control = read(out, url), read(tmp_path / "benign", url)
        # Plain fields: the text is there, literally, and the DOM has exactly the shape it has with plain words.
        assert "<script>alert(1)</script> <img src=x onerror=alert(2)>" in page.text, url
        assert shape(page) == shape(control), url
        # Markdown control text in a plain field stays text; no reference link, no inclusion.
        assert '| # [x]: http://evil {: onclick=alert(4) } !!! note --8<-- "/etc/passwd"' in page.text, url
        assert "http://evil" not in page.links(), url
        # Template text is never evaluated.
        assert "{{ 7*7 }} {% include 'x' %} {{ config.__class__ }}" in page.text, url
        assert " 49 " not in page.text and "MkDocsConfig" not in page.text, url
    # The listings' item files hold the same cards: the text literally, each card the shape it has with plain words.
    for listing in ("showcase/", "buy-social/", "certification/", "lobby/tracker/"):
        cards, control = (
            [Page(html) for html in json.loads((site / listing / "items.json").read_text(encoding="utf-8"))["items"]["html"]]
            for site in (out, tmp_path / "benign")
        )
        assert [shape(c) for c in cards] == [shape(c) for c in control], listing
        assert any("<script>alert(1)</script> <img src=x onerror=alert(2)>" in c.text for c in cards), listing
    # Markdown fields render allowed Markdown and drop script, handlers and unsafe links.
    html = (out / "showcase/kantine/index.html").read_text(encoding="utf-8")
    page = read(out, "showcase/kantine/")
    assert "<strong>bold</strong>" in html
    assert "<script>alert(5)</script>" in page.text  # shown as text, not run
    assert not [attrs for tag, attrs in page.elements if any(k.startswith("on") for k in attrs)]
    assert not [h for h in page.links() if h.startswith(("javascript:", "data:"))]
    assert "https://example.org/i.png" not in [attrs.get("src") for _, attrs in page.elements]
    # Titles are escaped text in <title> and in the search index.
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # Feeds escape by XML's rules: they parse cleanly and give the text back as written; the head names them escaped.
    import feedparser

    for feed in sorted((out / "lobby").rglob("feed.xml")):
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo, (feed, parsed.get("bozo_exception"))
    official = feedparser.parse((out / "lobby/officials/an-alderman/feed.xml").read_bytes())
    assert official.feed.title == f"Official {HOSTILE}: the lobby"
    assert [e.title for e in official.entries if e.title.startswith("Meeting")] == [f"Meeting with Official {HOSTILE}"]
    head = read(out, "lobby/officials/an-alderman/")
    assert [a["title"] for t, a in head.elements if t == "link" and a.get("type") == "application/rss+xml"] == [
        f"Official {HOSTILE}: steps, votes and contacts"
    ]
