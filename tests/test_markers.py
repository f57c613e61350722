"""Every data-* marker that templates, charts, the script and the style sheet share is documented, once, in
docs/reference/markers.md, and that page lists nothing that is no longer used."""

from __future__ import annotations

import re

from conftest import ROOT

DOC = ROOT / "docs" / "reference" / "markers.md"
SOURCES = [
    *sorted((ROOT / "overrides" / "records").rglob("*.html")),
    *sorted((ROOT / "overrides" / "partials").rglob("*.html")),
    ROOT / "overrides" / "assets" / "javascripts" / "wise.js",
    ROOT / "overrides" / "assets" / "stylesheets" / "wise.css",
    ROOT / "macros" / "charts.py",
    ROOT / "macros" / "localized.py",
]
ATTRIBUTE = re.compile(r"\bdata-([a-z][a-z_-]*)")
DATASET = re.compile(r"\.dataset(?:\.([a-zA-Z]+)|\[\"([a-zA-Z]+)\"\])")


def kebab(name: str) -> str:
    return re.sub(r"[A-Z]", lambda m: "-" + m.group().lower(), name)


def used() -> set[str]:
    """The markers the sources use (the theme's data-md-* aside); `data-{{ name }}` stands for a facet."""
    found = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        found |= {m for m in ATTRIBUTE.findall(text) if not m.startswith("md-")}
        found |= {kebab(a or b) for a, b in DATASET.findall(text)}
    return found


def documented() -> set[str]:
    names = set()
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("| `data-"):
            names |= set(re.findall(r"`data-([a-z<>_-]+)", line.split("|")[1]))
    return names


def test_every_marker_in_use_is_documented():
    missing = used() - documented()
    assert missing == set(), "document these in docs/reference/markers.md"


def test_every_documented_marker_is_in_use():
    stale = documented() - used() - {"<facet>"}
    assert stale == set(), "no template or script uses these any more"


def test_every_facet_the_listings_filter_by_is_documented():
    from macros.showcase import SHOWCASE_FACETS
    from macros.views.buy_social import FACETS
    from macros.views.decision import FILTERS

    (row,) = [line for line in DOC.read_text(encoding="utf-8").splitlines() if line.startswith('| `data-facet="<facet>"`')]
    for name in [n for n, _, _ in SHOWCASE_FACETS] + [n for n, _, _ in FACETS] + ["status", "post", "topic", "article20"] + [n for n, _ in FILTERS]:
        assert f"`{name}`" in row, name


def documented_item_fields() -> set[str]:
    """The item file's fields as the page's table names them (`items.key` is the list of the items' keys)."""
    text = DOC.read_text(encoding="utf-8").split("## The item file", 1)[1]
    return {re.match(r"\| `([a-z\[\].]+)`", line).group(1) for line in text.splitlines() if re.match(r"\| `[a-z]", line)}


def test_every_field_of_the_item_files_is_documented_and_nothing_else():
    import json

    from macros.data import read_data
    from macros.pages import render_site

    fields = set()
    for text in render_site(read_data(ROOT / "data", ROOT / "docs")).files.values():
        content = json.loads(text)
        fields |= set(content) | {f"items.{name}" for name in content["items"]}
        assert len({len(column) for column in content["items"].values()}) == 1
        assert all(set(group) == {"open", "close"} for group in content["groups"])
    assert fields == documented_item_fields()
