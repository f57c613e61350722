"""Hand-written pages are data too: strict front matter, macros only where mkdocs.yml allows and only in a
sandbox, and their text printed as text by the theme."""

from __future__ import annotations

import pytest
from conftest import build
from htmltools import read
from jinja2.exceptions import SecurityError, UndefinedError

from macros.handwritten import check_docs, plain_meta, sandbox


def page(tmp_path, name: str, text: str | bytes):
    docs = tmp_path / "docs"
    path = docs / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return docs


def lines(docs, macro_pages=frozenset()) -> list[str]:
    return [p.text() for p in check_docs(docs, frozenset(macro_pages))]


def test_a_page_with_plain_front_matter_passes(tmp_path):
    docs = page(tmp_path, "about.md", "---\ntitle: About us & them\ndescription: Who we are.\ntags:\n  - social buying\n---\n# About\n")
    assert lines(docs) == []


def test_unknown_front_matter_keys_are_refused_at_their_line(tmp_path):
    docs = page(tmp_path, "about.md", "---\ntitle: About\ntemplate: evil.html\n---\n# About\n")
    assert lines(docs) == [
        "docs/about.md:3:1: error: template: unknown field; allowed: title, description, tags, hide, render_macros, date, categories, draft, slug [unknown-field]"
    ]


def test_a_title_must_be_one_line_of_text(tmp_path):
    docs = page(tmp_path, "about.md", "---\ntitle: [a, list]\n---\n")
    assert lines(docs) == ["docs/about.md:2:8: error: title: must be text, not a list [type]"]


def test_tags_are_plain_words(tmp_path):
    docs = page(tmp_path, "about.md", '---\ntags:\n  - ok tag\n  - "<img src=x onerror=alert(1)>"\n---\n')
    assert lines(docs) == [
        "docs/about.md:4:5: error: tags[1]: must be a few plain words (letters, digits, spaces, - . '), at most 60 characters: '<img src=x onerror=alert(1)>' [tag]"
    ]


def test_a_page_may_run_macros_only_when_mkdocs_yml_lists_it(tmp_path):
    docs = page(tmp_path, "snippet.md", "---\nrender_macros: true\n---\n{{ count('enterprise') }}\n")
    assert lines(docs, {"index.md"}) == [
        "docs/snippet.md:2:16: error: render_macros: macros run only on the pages listed in mkdocs.yml (plugins: wise: macro_pages; now: index.md) [macros-not-allowed]"
    ]
    assert lines(docs, {"snippet.md"}) == []


def test_hidden_line_breaks_in_a_page_are_refused_at_their_position(tmp_path):
    docs = page(tmp_path, "about.md", "---\ntitle: About\u2028render_macros: true\n---\n")
    assert lines(docs) == [
        "docs/about.md:2:13: error: file: U+2028 (line separator) is a line break to YAML but not to git or a diff; remove it [hidden-line-break]"
    ]


def test_metadata_without_dashes_is_refused_rather_than_vanishing(tmp_path):
    docs = page(tmp_path, "about.md", "Title: About\n\n# About\n")
    assert lines(docs) == [
        "docs/about.md:1:1: error: file: front matter goes between two `---` lines at the top; a first line like this one is taken as metadata and vanishes [front-matter]"
    ]
    assert lines(page(tmp_path / "b", "about.md", "# About\n\nTitle: not metadata here\n")) == []


def test_skipped_files_and_symbolic_links_are_named(tmp_path):
    docs = page(tmp_path, ".draft/notes.md", "# Notes\n")
    (docs / "outside").symlink_to(tmp_path)
    assert lines(docs) == [
        "docs/.draft:1:1: error: file: starts with a dot, so the site skips it; rename it or remove it [skipped-file]",
        "docs/.draft/notes.md:1:1: error: file: starts with a dot, so the site skips it; rename it or remove it [skipped-file]",
        "docs/outside:1:1: error: file: is a symbolic link; everything under docs/ must be a regular file or folder [unreadable]",
    ]


def test_the_theme_gets_title_and_description_as_text():
    meta = plain_meta({"title": "<script>alert(1)</script>", "description": 'x" http-equiv="refresh', "hide": ["toc"]})
    assert meta == {"title": "&lt;script&gt;alert(1)&lt;/script&gt;", "description": "x&#34; http-equiv=&#34;refresh", "hide": ["toc"]}


class FakeMacros:
    """What `sandbox` needs of mkdocs-macros' plugin: its macros, variables and environment."""

    def __init__(self):
        self.macros = {"count": lambda kind: 3, "macros_info": lambda: "internals", "now": lambda: "today"}
        self.variables = {"config": object()}
        self._env = None


@pytest.mark.parametrize("snippet", ["{{ count.__globals__ }}", "{{ ''.__class__.__mro__ }}", "{{ count.__class__ }}", "{{ cycler.__init__.__globals__ }}"])
def test_the_macro_sandbox_refuses_python_internals(snippet):
    plugin = FakeMacros()
    sandbox(plugin, ("count",), "Site")
    with pytest.raises((SecurityError, UndefinedError)):  # the sandbox hands out no such attribute
        plugin._env.from_string(snippet).render()


def test_the_sandbox_offers_only_the_documented_macros():
    plugin = FakeMacros()
    sandbox(plugin, ("count",), "Site")
    assert plugin._env.from_string("{{ count('enterprise') }} in {{ site_name }}").render(**plugin._variables) == "3 in Site"
    assert set(plugin._env.globals) == {"count"}
    assert "config" not in plugin._variables


@pytest.mark.slow
def test_a_page_title_with_markup_is_text_in_every_page_of_the_site(tiny, tmp_path):
    (tiny / "docs" / "about.md").write_text(
        '---\ntitle: "<script>alert(1)</script>"\ndescription: \'"><meta http-equiv="refresh" content="0;url=https://evil.example">\'\n---\nText.\n'
    )
    result = build(tiny, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    for url in ("about/", "", "showcase/"):
        html = (tmp_path / "out" / url / "index.html").read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in html, url
        assert not [a for t, a in read(tmp_path / "out", url).elements if t == "meta" and a.get("http-equiv")], url
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (tmp_path / "out" / "about" / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_listed_macro_page_cannot_reach_python_internals(tiny, tmp_path):
    (tiny / "docs" / "index.md").write_text("---\nrender_macros: true\n---\n# Tiny\n\n{{ count.__globals__['os'].system('touch pwned') }}\n")
    result = build(tiny, tmp_path / "out", quiet=False)
    assert result.returncode != 0
    assert not (tiny / "pwned").exists()


def test_control_characters_pasted_into_a_page_are_refused_at_their_position(tmp_path):
    docs = page(tmp_path, "news/posts/post.md", "---\ndate: 2026-01-01\n---\n# Post\n\nPasted from a word processor:\x0b here.\n")
    assert lines(docs) == ["docs/news/posts/post.md:6:30: error: file: control character U+000B is not allowed [control-character]"]


def test_a_page_whose_markdown_would_take_minutes_to_render_is_refused_at_the_spot(tmp_path):
    docs = page(tmp_path, "notes.md", "# Notes\n\nFine [link](x.md).\n\n" + "[" * 250 + "\n")
    assert lines(docs) == ["docs/notes.md:5:201: error: file: has more than 200 '[' open at once (write \\[ for a literal bracket) [markdown-budget]"]
    docs = page(tmp_path / "b", "notes.md", "# Notes\n\n" + "> " * 12 + "deep\n")
    assert lines(docs) == ["docs/notes.md:3:1: error: file: nests quotes or lists more than 10 deep [markdown-budget]"]
