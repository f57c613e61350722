"""Buy social: what buyers can buy from the city's social enterprises, by offering category, with filters."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .. import buying, certification, privacy, showcase
from ..catalog import Catalog
from ..i18n import N_, _
from ..kinds import KINDS
from .base import SITE, Citation, Link, Site, citation, record_link, sections
from .enterprise import quote_link
from .paging import CARDS, PagedView, Paging


@dataclass(frozen=True)
class SupplierCard:
    """One enterprise under one category: what it offers there, where it delivers, its Article 20 test, how to ask for a quote."""

    key: str  # its row in the open-data export, for "Download these results"
    marker: str
    link: Link
    example: bool
    offers: str
    area: str
    eligible: str  # yes, no, unknown
    eligible_text: str
    quote: Link | None
    filters: tuple[tuple[str, str], ...]

    @property
    def words(self) -> str:
        """What the search box searches: the enterprise's name and what it offers in the category, lowercased."""
        return " ".join(str(t) for t in (self.link.text, self.offers)).lower()  # in the page's language


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


def categories_on_page(categories: tuple[Category, ...], start: int, stop: int, last: bool) -> tuple[Category, ...]:
    """The categories a page shows, each with its suppliers on that page (those from position `start` to `stop` in
    the order of the whole catalogue). A category with suppliers shows on each page its suppliers fall on; one with
    none shows once, on the page its place in the order falls on, or on the last page when only such categories
    follow it."""
    out = []
    offset = 0
    for category in categories:
        count = len(category.suppliers)
        if count:
            first, after = max(start, offset), min(stop, offset + count)
            if first < after:
                out.append(replace(category, suppliers=category.suppliers[first - offset : after - offset]))
        elif start <= offset < stop or (last and offset >= stop):
            out.append(category)
        offset += count
    return tuple(out)


@dataclass(frozen=True, kw_only=True)
class BuySocialView(PagedView):
    figures: SectorFigures | None
    positions: tuple[Link, ...]
    categories: tuple[Category, ...]  # every category with all its suppliers, on all the catalogue's pages
    calculator: Link | None  # the calculator is made only with procurement.yml
    rules: Link | None

    @property
    def items(self) -> tuple[SupplierCard, ...]:
        """Every supplier card, category by category: the catalogue's items, which its pages share out."""
        return tuple(s for c in self.categories for s in c.suppliers)

    @property
    def groups(self) -> tuple[Category, ...]:
        return self.categories

    def group_of(self, index: int) -> int | None:
        """The category (its place in `categories`) of the index-th supplier card."""
        offset = 0
        for number, category in enumerate(self.categories):
            offset += len(category.suppliers)
            if index < offset:
                return number
        raise IndexError(index)

    @property
    def shown_categories(self) -> tuple[Category, ...]:
        """The categories on this page, each with its suppliers on this page."""
        paging = self.paging
        return categories_on_page(self.categories, paging.start, paging.stop, paging.number == paging.pages)


def sector_figures(catalog: Catalog) -> SectorFigures | None:
    """The earliest monitor year that is real (not example data) and counts both people at work and moves to paid work."""
    for year in sorted(catalog.all("monitoring"), key=lambda y: y.year):
        m = year.measures
        if not year.example and m.jobs_target_group is not None and m.moved_to_paid_work is not None:
            return SectorFigures(str(year.year), privacy.people(m.jobs_target_group), privacy.people(m.moved_to_paid_work), citation(year))
    return None


# The catalogue's filters, in display order: (name, label, vocabulary whose entries are always offered). The names are
# the markers (URL parameters, `data-facet`); the labels are English, shown in the page's language by `facets`.
FACETS = (
    ("category", N_("Offers"), "offering-categories"),
    ("area", N_("Delivers in"), "districts"),
    ("article20", N_("Article 20 test (reserved contracts)"), None),
    ("certification", N_("Certified now"), None),
    ("target_group", N_("Works with"), "target-groups"),
)


def supplier(catalog: Catalog, enterprise: Any, category: str, site: Site) -> SupplierCard:
    """An enterprise's card under one category, with the values the catalogue's filters read."""
    offers = [o.name for o in enterprise.offerings if o.category == category]
    area = showcase.delivery_area(catalog, enterprise)
    test = buying.article20(enterprise, catalog.today, catalog.procurement)
    every = catalog.vocabulary("districts")
    return SupplierCard(
        key=enterprise.id,
        marker=f"enterprise:{enterprise.id}",
        link=Link(KINDS["enterprise"].page_url(enterprise.id) + "#buy", enterprise.name),
        example=enterprise.example,
        offers="; ".join(offers),
        area=_("the whole city") if every and len(area) == len(every.entries) > 1 else ", ".join(catalog.label("districts", d) for d in area),
        eligible=test.state,
        eligible_text=buying.labels(catalog.procurement)[test.state],
        quote=quote_link(enterprise, "; ".join(offers), site.site_name),
        filters=(
            ("category", category),
            ("area", " ".join(area)),
            ("article20", test.state),
            ("certification", " ".join(certification.held_schemes(enterprise, catalog.today))),
            ("target_group", " ".join(sorted(set(enterprise.target_groups)))),
        ),
    )


def facets(catalog: Catalog, cards: list[SupplierCard]) -> tuple[showcase.Facet, ...]:
    """The catalogue's filters, counted over its cards (an enterprise counts once per category it offers in)."""
    out = []
    for name, label, vocabulary in FACETS:
        vocab = catalog.vocabulary(vocabulary) if vocabulary else None
        offered = [e.id for e in vocab.entries] if vocab else ("yes", "no", "unknown") if name == "article20" else ()
        values = (dict(c.filters)[name].split() for c in cards)
        if name == "article20":
            label_of = buying.labels(catalog.procurement).get
        elif name == "certification":
            label_of = lambda v: catalog.title("scheme", catalog.get("scheme", v))  # noqa: E731
        else:
            label_of = lambda v, voc=vocabulary: catalog.label(voc, v)  # noqa: E731
        out.append(showcase.facet(name, _(label), values, label_of, offered))
    return tuple(out)


def buy_social_view(catalog: Catalog, site: Site = SITE) -> BuySocialView:
    """/buy-social/: every offering category with its CPV codes and suppliers; filters by category, delivery area,
    Article 20's test, certification and target group."""
    vocab = catalog.vocabulary("offering-categories")
    entries = vocab.entries if vocab else []
    categories = tuple(
        Category(
            f"category-{c.id}",
            c.label,
            ", ".join(c.cpv),
            c.description,
            tuple(supplier(catalog, e, c.id, site) for kind, e in catalog.uses("offering-categories", c.id) if kind == "enterprise"),
        )
        for c in entries
    )
    cards = [s for c in categories for s in c.suppliers]
    figures = sector_figures(catalog)
    procurement = [p for p in catalog.all("position") if "social-procurement" in p.topics]
    return BuySocialView(
        title=_("Buy social"),
        wide=True,
        toc=sections(("catalogue", _("The catalogue"), True), ("why", _("Why buy social"), True)),
        figures=figures,
        positions=tuple(record_link(catalog, "position", p) for p in procurement),
        facets=facets(catalog, cards),
        categories=categories,
        calculator=Link("buy-social/social-return/", _("the social return calculator")) if catalog.procurement else None,
        rules=Link(KINDS["procurement"].page_url("procurement"), _("the procurement rules and their sources")) if catalog.procurement else None,
        paging=Paging("buy-social/", CARDS, len(cards), _("Offers")),
    )
