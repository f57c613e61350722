"""The showcase's facets: which values each enterprise has, and how many have each value.

The same facet values go into the cards' data attributes (for the browser's filters) and
into the server-rendered counts, so the page is right before any JavaScript runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .catalog import Catalog


@dataclass(frozen=True)
class Facet:
    """One filter: its URL/query name, its label, and its values as (id, label, count)."""

    name: str
    label: str
    values: tuple[tuple[str, str, int], ...]


def certified_now(catalog: Catalog, enterprise: Any) -> list[str]:
    """Schemes the enterprise holds today: status certified and not past its `until`."""
    today = catalog.today
    return sorted(
        {
            c.scheme
            for c in enterprise.certifications
            if c.status == "certified" and (c.until is None or c.until >= today) and (c.since is None or c.since <= today)
        }
    )


def facet_values(catalog: Catalog, enterprise: Any) -> dict[str, list[str]]:
    """Every facet's values for one enterprise (several values within a facet are OR-ed)."""
    return {
        "sector": [enterprise.sector],
        "district": [enterprise.district],
        "target_group": sorted(set(enterprise.target_groups)),
        "category": sorted({o.category for o in enterprise.offerings}),
        "certification": certified_now(catalog, enterprise),
        "network": [n.id for n in catalog.networks_of(enterprise.id)],
    }


def facets(catalog: Catalog) -> list[Facet]:
    """The showcase's facets in display order; values sorted by label, counts over all enterprises."""
    vocab = {"sector": "sectors", "district": "districts", "target_group": "target-groups", "category": "offering-categories"}
    labels = {
        "sector": "Sector",
        "district": "District",
        "target_group": "Works with",
        "category": "Offers",
        "certification": "Certified",
        "network": "Network",
    }
    counts: dict[str, dict[str, int]] = {name: {} for name in labels}
    for enterprise in catalog.all("enterprise"):
        for name, values in facet_values(catalog, enterprise).items():
            for value in values:
                counts[name][value] = counts[name].get(value, 0) + 1

    def label(name: str, value: str) -> str:
        if name in vocab:
            return catalog.label(vocab[name], value)
        kind = "scheme" if name == "certification" else "network"
        return catalog.title(kind, catalog.get(kind, value))

    out = []
    for name, title in labels.items():
        if name in vocab:  # every vocabulary entry is offered, even at 0, so the facet's options are stable
            ids = [e.id for e in catalog.vocabulary(vocab[name]).entries]
        else:
            ids = list(counts[name])
        values = sorted(((i, label(name, i), counts[name].get(i, 0)) for i in ids), key=lambda v: v[1].lower())
        out.append(Facet(name, title, tuple(values)))
    return out


def search_text(enterprise: Any) -> str:
    """What the text box searches besides the card's own name and summary: the offerings' names, lowercased."""
    return " ".join(" ".join(o.name for o in enterprise.offerings).lower().split())
