"""Facets: which filter values each item has, and how many items have each value.

The same values go into the cards' data attributes (for the browser's filters) and into the
server-rendered counts, so a listing is right before any script runs. The showcase, the
buy-social catalogue and the ask tracker all count their facets here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .catalog import Catalog
from .certification import held_schemes
from .i18n import N_, _
from .kinds.enterprise import CITY_WIDE


@dataclass(frozen=True)
class FacetValue:
    """One value of a filter: its id (in URLs and data attributes), its label, how many items have it."""

    id: str
    label: str
    count: int


@dataclass(frozen=True)
class Facet:
    """One filter: its name (the URL parameter and `data-facet`), its label, its values sorted by label, and pages
    about its values (the district pages under the district filter), introduced by `pages_label`."""

    name: str
    label: str
    values: tuple[FacetValue, ...]
    pages: tuple = ()
    pages_label: str = ""


def facet(name: str, label: str, value_lists: Iterable[Iterable[str]], label_of: Callable[[str], str], offered: Iterable[str] = ()) -> Facet:
    """A filter over items, given each item's values for it: every value any item has, plus the
    `offered` ones (at 0, so a vocabulary's options stay stable), counted and sorted by label."""
    counts = dict.fromkeys(offered, 0)
    for values in value_lists:
        for value in set(values):
            counts[value] = counts.get(value, 0) + 1
    ordered = sorted((FacetValue(v, label_of(v), n) for v, n in counts.items()), key=lambda v: (v.label.lower(), v.id))
    return Facet(name, label, tuple(ordered))


# The showcase's facets, in display order: (name, label, vocabulary whose entries are always offered). The names are
# the markers (URL parameters, `data-facet`); the labels are English, shown in the page's language by `facets`.
SHOWCASE_FACETS = (
    ("sector", N_("Sector"), "sectors"),
    ("district", N_("District"), "districts"),
    ("target_group", N_("Works with"), "target-groups"),
    ("category", N_("Offers"), "offering-categories"),
    ("certification", N_("Certified now"), None),
    ("network", N_("Network"), None),
)


def facet_values(catalog: Catalog, enterprise: Any) -> dict[str, list[str]]:
    """Every facet's values for one enterprise (several values within a facet are OR-ed).

    Certification counts only the schemes the enterprise holds today (see certification.state)."""
    return {
        "sector": [enterprise.sector],
        "district": [enterprise.district],
        "target_group": sorted(set(enterprise.target_groups)),
        "category": sorted({o.category for o in enterprise.offerings}),
        "certification": held_schemes(enterprise, catalog.today),
        "network": [n.id for n in catalog.networks_of(enterprise.id)],
    }


def delivery_area(catalog: Catalog, enterprise: Any) -> list[str]:
    """The districts an enterprise delivers in: every district when it serves the city as a whole, the districts
    it lists, or else its own district."""
    if CITY_WIDE in enterprise.serves:
        vocab = catalog.vocabulary("districts")
        return [e.id for e in vocab.entries] if vocab else [enterprise.district]
    return sorted(set(enterprise.serves)) or [enterprise.district]


def value_label(catalog: Catalog, name: str, value: str) -> str:
    """What readers see for a facet value: a vocabulary label, or the scheme's or network's name."""
    vocabulary = next((v for n, _, v in SHOWCASE_FACETS if n == name), None)
    if vocabulary:
        return catalog.label(vocabulary, value)
    kind = "scheme" if name == "certification" else "network"
    return catalog.title(kind, catalog.get(kind, value))


def facets(catalog: Catalog, values: list[dict[str, list[str]]] | None = None) -> list[Facet]:
    """The showcase's facets, counted over every enterprise (or over the given facet values)."""
    if values is None:
        values = [facet_values(catalog, e) for e in catalog.all("enterprise")]
    out = []
    for name, label, vocabulary in SHOWCASE_FACETS:
        vocab = catalog.vocabulary(vocabulary) if vocabulary else None
        offered = [e.id for e in vocab.entries] if vocab else ()
        out.append(facet(name, _(label), (v[name] for v in values), lambda value, n=name: value_label(catalog, n, value), offered))
    return out


def search_text(enterprise: Any) -> str:
    """What the text box searches besides the card's own name and summary: the offerings' names
    and descriptions, lowercased."""
    words = [o.name for o in enterprise.offerings] + [o.description for o in enterprise.offerings if o.description]
    return " ".join(" ".join(str(w) for w in words).lower().split())  # in the language being made
