"""Templates only lay out a view: they see the view and `href`, call into no domain module, and every
section a view lists is on its page."""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURES
from htmltools import Page
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import meta

from macros import render
from macros.data import read_data
from macros.pages import PAGE_TYPES, render_pages

TEMPLATES = sorted(p.relative_to(render.TEMPLATES).as_posix() for p in render.TEMPLATES.rglob("*.html"))
DOMAIN_CALL = re.compile(r"\{[{%][^}]*\b(catalog|lobby|showcase|kinds|certification|privacy)\s*[.(]")


@pytest.mark.parametrize("name", TEMPLATES)
def test_a_template_sees_only_its_view_and_href(name):
    source = (render.TEMPLATES / name).read_text(encoding="utf-8")
    names = meta.find_undeclared_variables(render.environment().parse(source))
    assert names <= {"view", "href"}, f"{name} uses {sorted(names - {'view', 'href'})}: put the decision in its view"


def without_strings(source: str) -> str:
    """The template with the string literals of its tags emptied: a literal is text, not a call (a message may end a
    sentence with "… in the showcase.")."""
    return "".join('""' if kind == "string" else value for _, kind, value in render.environment().lex(source))


@pytest.mark.parametrize("name", TEMPLATES)
def test_a_template_calls_no_domain_module(name):
    source = (render.TEMPLATES / name).read_text(encoding="utf-8")
    assert DOMAIN_CALL.findall(without_strings(source)) == []


def test_the_check_finds_a_template_that_reaches_for_the_catalog():
    source = "{% for e in catalog.all('enterprise') %}{{ e.name }}{% endfor %}{{ lobby.asks(x) }}"
    assert meta.find_undeclared_variables(render.environment().parse(source)) == {"catalog", "lobby", "x"}
    assert DOMAIN_CALL.findall(source) == ["catalog", "lobby"]
    assert DOMAIN_CALL.findall(without_strings(source)) == ["catalog", "lobby"]
    assert DOMAIN_CALL.findall(without_strings('<a href="{{ lobby.url(x) }}">{{ _("See them in the showcase.") }}</a>')) == ["lobby"]


def test_the_environment_offers_templates_no_globals_of_the_domain():
    env = render.environment()
    assert not {"catalog", "lobby", "showcase", "kinds", "today"} & set(env.globals)
    assert not {"people", "number", "date"} & set(env.filters)


def test_every_page_type_has_its_template():
    assert all((render.TEMPLATES / p.template).is_file() for p in PAGE_TYPES)


@pytest.fixture(scope="module")
def tiny_pages():
    return render_pages(read_data(FIXTURES / "tiny" / "data", FIXTURES / "tiny" / "docs"))


def test_every_section_of_the_table_of_contents_is_a_heading_on_the_page(tiny_pages):
    missing = []
    for page in tiny_pages:
        ids = {attrs.get("id") for _, attrs in Page(page.html).elements}
        (title,) = page.toc
        missing += [f"{page.url}#{s['id']}" for s in [title, *title["children"]] if s["id"] not in ids]
    assert missing == []


def test_every_page_type_renders_a_page_of_the_tiny_site(tiny_pages):
    urls = {p.url for p in tiny_pages}
    for page_type in PAGE_TYPES:
        assert any(re.fullmatch(page_type.url.replace("{id}", "[a-z0-9-]+"), url) for url in urls), page_type.name


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["", "a", "b", "showcase", "x-1"]), max_size=4),
    st.lists(st.sampled_from(["", "a", "b", "showcase", "x-1"]), max_size=4),
    st.booleans(),
    st.sampled_from(["", "#ask", "#a-b"]),
)
def test_links_between_pages_are_the_file_systems_relative_paths(here, there, directory, anchor):
    """`relative` works on the URL's segments alone; it must agree with posixpath.relpath."""
    import posixpath

    from macros.render import relative

    here_url = "".join(f"{s}/" for s in here if s)
    path = "/".join(s for s in there if s)
    to_url = (path + ("/" if directory and path else "")) + anchor
    expected = posixpath.relpath(path or ".", here_url.rstrip("/") or ".")
    if to_url.partition("#")[0].endswith("/") or not path:
        expected = expected + "/" if expected != "." else "./"
    assert relative(here_url, to_url) == expected + anchor
