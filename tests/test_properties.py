"""Property-based tests: the loader only ever reports problems, and any text renders exactly."""

from __future__ import annotations

import string

from conftest import FIXTURES
from htmltools import Page
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.catalog import Catalog
from macros.data import read_data
from macros.load import load_text
from macros.pages import record_page
from macros.problems import Problem

YAMLISH = st.lists(
    st.sampled_from(
        [
            *"-:[]{}&*!|>'\"#%@`,?\t\n ",
            "a",
            "b: ",
            "- ",
            "  ",
            "\n  ",
            "!!python/object",
            "&x ",
            "*x",
            "---\n",
            "...",
            "~",
            "NO",
            "01234",
            "\\ud800",
            "\x00",
            "\ufeff",
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=200), YAMLISH))
def test_the_loader_never_raises_and_reports_only_problems(text):
    loaded = load_text(text, "f.yml")
    assert all(isinstance(p, Problem) and p.line >= 1 and p.col >= 1 for p in loaded.problems)
    assert (loaded.data is None) or not loaded.problems


PLAIN = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=80).filter(lambda s: s.strip())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=PLAIN, summary=PLAIN)
def test_any_text_renders_exactly_and_adds_nothing_to_the_dom(name, summary):
    base = read_data(FIXTURES / "tiny" / "data", FIXTURES / "tiny" / "docs")

    def rendered(n: str, s: str) -> Page:
        records = {
            kind: {r.id: r for r in base.all(kind)}
            for kind in ("vocabulary", "enterprise", "post", "official", "position", "campaign", "seminar", "network", "scheme", "monitoring", "manifesto")
        }
        original = records["enterprise"]["kantine"]
        changed = original.model_copy(update={"name": n.strip(), "summary": s.strip()}).bind("kantine", original.source_path)
        records["enterprise"]["kantine"] = changed
        return Page(record_page(Catalog(records, today=base.today), "enterprise", changed).html)

    page = rendered(name, summary)
    control = rendered("x" * len(name), "y" * len(summary))
    assert name.strip() in page.text_parts  # the h1, exactly
    assert " ".join(summary.split()) in page.text
    assert [(t, sorted(a)) for t, a in page.elements] == [(t, sorted(a)) for t, a in control.elements]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=string.ascii_letters + string.digits + "-_ ", min_size=1, max_size=40))
def test_slugs_from_names_are_valid_ids(name):
    from macros.kinds.fields import SLUG, slugify

    slug = slugify(name)
    assert slug == "" or (SLUG.match(slug) and len(slug) <= 64)
