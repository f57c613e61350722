"""Buy social: what buyers can buy from the city's social enterprises, by offering category, with filters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import privacy, showcase
from ..catalog import Catalog
from ..kinds import KINDS
from .base import SITE, Citation, Link, Site, View, citation, record_link, sections


@dataclass(frozen=True)
class SupplierCard:
    """One enterprise under one category: what it offers there, its district, how to reach it."""

    marker: str
    link: Link
    example: bool
    offers: str
    district: str
    email: Link | None
    filters: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Category:
    """An offering category with its CPV codes and the enterprises offering something in it."""

    anchor: str
    label: str
    cpv: str
    description: str | None
    suppliers: tuple[SupplierCard, ...]


@dataclass(frozen=True)
class SectorFigures:
    """The sector's real figures that make the case for buying social, with their source."""

    year: str
    at_work: str
    moved_on: str
    citation: Citation


@dataclass(frozen=True, kw_only=True)
class BuySocialView(View):
    figures: SectorFigures | None
    positions: tuple[Link, ...]
    facets: tuple[showcase.Facet, ...]
    categories: tuple[Category, ...]

    @property
    def count(self) -> int:
        return sum(len(c.suppliers) for c in self.categories)


def sector_figures(catalog: Catalog) -> SectorFigures | None:
    """The earliest monitor year that is real (not example data) and counts both people at work and moves to paid work."""
    for year in sorted(catalog.all("monitoring"), key=lambda y: y.year):
        m = year.measures
        if not year.example and m.jobs_target_group is not None and m.moved_to_paid_work is not None:
            return SectorFigures(str(year.year), privacy.people(m.jobs_target_group), privacy.people(m.moved_to_paid_work), citation(year))
    return None


def supplier(catalog: Catalog, enterprise: Any, category: str) -> SupplierCard:
    email = enterprise.contact.email if enterprise.contact else None
    return SupplierCard(
        marker=f"enterprise:{enterprise.id}",
        link=Link(KINDS["enterprise"].page_url(enterprise.id) + "#buy", enterprise.name),
        example=enterprise.example,
        offers="; ".join(o.name for o in enterprise.offerings if o.category == category),
        district=catalog.label("districts", enterprise.district),
        email=Link(f"mailto:{email}", email) if email else None,
        filters=(("category", category), ("district", enterprise.district)),
    )


def buy_social_view(catalog: Catalog, site: Site = SITE) -> BuySocialView:
    """/buy-social/: every offering category with its CPV codes and suppliers; filters by category and district."""
    vocab = catalog.vocabulary("offering-categories")
    entries = vocab.entries if vocab else []
    categories = tuple(
        Category(
            f"category-{c.id}",
            c.label,
            ", ".join(c.cpv),
            c.description,
            tuple(supplier(catalog, e, c.id) for kind, e in catalog.uses("offering-categories", c.id) if kind == "enterprise"),
        )
        for c in entries
    )
    cards = [s for c in categories for s in c.suppliers]
    districts = catalog.vocabulary("districts")
    facets = (
        showcase.facet(
            "category", "Offers", ([dict(s.filters)["category"]] for s in cards), lambda v: catalog.label("offering-categories", v), [c.id for c in entries]
        ),
        showcase.facet(
            "district",
            "District",
            ([dict(s.filters)["district"]] for s in cards),
            lambda v: catalog.label("districts", v),
            [d.id for d in districts.entries] if districts else (),
        ),
    )
    figures = sector_figures(catalog)
    procurement = [p for p in catalog.all("position") if "social-procurement" in p.topics]
    return BuySocialView(
        title="Buy social",
        wide=True,
        toc=sections(("catalogue", "The catalogue", True), ("why", "Why buy social", True)),
        figures=figures,
        positions=tuple(record_link(catalog, "position", p) for p in procurement),
        facets=facets,
        categories=categories,
    )
