"""A district of the city: its enterprises on a map and in a list, its people at work and moves into paid work from the
latest monitor year (published as the monitor publishes them), its posts and who holds them, and the asks that
concern it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import lobby, privacy
from ..catalog import Catalog
from ..i18n import _, ngettext
from ..kinds.monitoring import LABELS
from .base import SITE, Figure, Link, Site, View, citation, record_link, record_links, sections
from .enterprise import MapView
from .lobby import AskRow, ask_row

MEASURES = ("jobs_target_group", "moved_to_paid_work")  # what a district page shows of the monitor


@dataclass(frozen=True)
class EnterpriseItem:
    """An enterprise of the district: its page, sector and summary, its pin, and its row in the open-data file."""

    key: str
    marker: str
    link: Link
    example: bool
    sector: str
    summary: str
    geo: tuple[str, str] | None


@dataclass(frozen=True)
class PostItem:
    """A post whose district this is, and who holds it now (empty: vacant)."""

    post: Link
    holders: tuple[Link, ...]


@dataclass(frozen=True, kw_only=True)
class DistrictView(View):
    district: str  # its id
    description: str | None
    enterprises: tuple[EnterpriseItem, ...]
    enterprises_file: str
    figures: tuple[Figure, ...]
    figures_note: str
    posts: tuple[PostItem, ...]
    asks: tuple[AskRow, ...]
    map: MapView
    showcase: Link
    monitor: Link | None

    @property
    def count(self) -> int:
        return len(self.enterprises)


def district_figures(catalog: Catalog, district: str) -> tuple[tuple[Figure, ...], str]:
    """The district's people at work and moves into paid work in the latest monitor year, exactly as the monitor's
    district table publishes them (privacy.district_table: "<10" and secondary suppression across the districts), and
    a sentence saying which year, or that the year does not count the district."""
    years = sorted(catalog.all("monitoring"), key=lambda y: y.year)
    if not years:
        return (), _("The sector monitor has no figures yet.")
    latest = years[-1]
    vocabulary = catalog.vocabulary("districts")
    table = privacy.district_table(latest, [e.id for e in vocabulary.entries] if vocabulary else None)
    cells = dict(table.rows).get(district)
    columns = [name for name, _label in table.columns]
    found = tuple(
        Figure(f"{_(LABELS[m])} ({latest.year})", privacy.on_page(cells[columns.index(m)]), citation(latest))
        for m in MEASURES
        if cells is not None and m in columns and district in latest.by_district and getattr(latest.by_district[district], m) is not None
    )
    if found:
        return (
            found,
            _('From the sector monitor %(year)s; counts of 1 to 9 people are published as "<10", and a second count is hidden where it would give one away.')
            % {"year": latest.year},
        )
    return (), _("The sector monitor %(year)s does not count this district separately.") % {"year": latest.year}


def enterprise_item(catalog: Catalog, e: Any) -> EnterpriseItem:
    return EnterpriseItem(
        e.id,
        f"enterprise:{e.id}",
        record_link(catalog, "enterprise", e),
        e.example,
        catalog.label("sectors", e.sector),
        e.summary,
        (str(e.geo.lat), str(e.geo.lon)) if e.geo else None,
    )


def district_view(catalog: Catalog, entry: Any, site: Site = SITE) -> DistrictView:
    """/districts/<id>/: the district's enterprises (a map of just them, a list, their download), its monitor
    figures, the posts whose district it is with their holders now, and the asks of positions targeting those posts."""
    district = entry.id
    enterprises = [e for e in catalog.all("enterprise") if e.district == district]
    enterprises.sort(key=lambda e: (e.name.lower(), e.id))
    figures, note = district_figures(catalog, district)
    posts = lobby.posts_in_district(catalog, district)
    asks = lobby.asks_in_district(catalog, district)
    latest = max(catalog.all("monitoring"), key=lambda y: y.year, default=None)
    return DistrictView(
        title=entry.label,
        toc=sections(
            ("enterprises", _("Enterprises (%(count)s)") % {"count": len(enterprises)}, True),
            ("figures", _("People at work"), True),
            ("posts", _("Posts and who holds them"), True),
            ("asks", _("Asks that concern the district"), True),
        ),
        preview=ngettext(
            "The %(num)s social enterprise in %(district)s on a map, the people at work there from the sector monitor, the district's posts "
            "and who holds them, and the platform's asks that concern it.",
            "The %(num)s social enterprises in %(district)s on a map, the people at work there from the sector monitor, the district's posts "
            "and who holds them, and the platform's asks that concern it.",
            len(enterprises),
        )
        % {"num": f"{len(enterprises):,}", "district": entry.label},
        district=district,
        description=entry.description,
        enterprises=tuple(enterprise_item(catalog, e) for e in enterprises),
        enterprises_file="data/enterprise.csv",
        figures=figures,
        figures_note=note,
        posts=tuple(PostItem(record_link(catalog, "post", p), record_links(catalog, "official", catalog.current_holders(p.id))) for p in posts),
        asks=tuple(ask_row(catalog, v) for v in asks),
        map=MapView(site.map_tiles, site.map_attribution),
        showcase=Link(
            f"showcase/?district={district}",
            ngettext("%(num)s enterprise in the showcase", "%(num)s enterprises in the showcase", len(enterprises)) % {"num": f"{len(enterprises):,}"},
        ),
        monitor=record_link(catalog, "monitoring", latest) if latest else None,
    )
