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
    facet_markers = {"sector", "district", "target_group", "category", "certification", "network", "status", "post", "topic"}
    missing = used() - documented() - facet_markers
    assert missing == set(), "document these in docs/reference/markers.md"


def test_every_documented_marker_is_in_use():
    stale = documented() - used() - {"<facet>"}
    assert stale == set(), "no template or script uses these any more"


def test_every_facet_the_listings_filter_by_is_documented():
    from macros.showcase import SHOWCASE_FACETS

    doc = DOC.read_text(encoding="utf-8")
    from macros.views.decision import FILTERS

    for name in [n for n, _, _ in SHOWCASE_FACETS] + ["status", "post", "topic"] + [n for n, _ in FILTERS]:
        assert f"`data-{name}`" in doc, name
