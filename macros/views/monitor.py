"""The sector monitor: one year's figures with their source, the listing with charts, and the home page's headline figures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .. import charts, privacy, render
from ..catalog import Catalog
from ..i18n import _
from ..kinds.monitoring import LABELS, PEOPLE
from .base import (
    SITE,
    Citation,
    EmbedCode,
    Figure,
    Link,
    RecordView,
    Site,
    View,
    When,
    citation,
    district_link,
    embed_code,
    record_link,
    sections,
    when,
)

HEADLINE = ("enterprises", "jobs_target_group", "moved_to_paid_work")  # what the home page shows of a year


def figures(year: Any, measures=LABELS) -> tuple[Figure, ...]:
    """The year's city-wide figures as published, in the model's order, each with the year's citation; the measures'
    labels in the page's language."""
    cite = citation(year)
    return tuple(
        Figure(_(LABELS[name]), privacy.measure(name, getattr(year.measures, name)), cite) for name in measures if getattr(year.measures, name) is not None
    )


@dataclass(frozen=True)
class DistrictRow:
    """A row of the district table: a district (linked to its entry), the remainder, or the city's total."""

    label: str
    link: Link | None
    cells: tuple[str, ...]
    total: bool = False


def district_row(catalog: Catalog, key: str, cells: tuple[str, ...]) -> DistrictRow:
    """A district table row: a district as a link to its page (/districts/<id>/), or the remainder or the total as text."""
    cells = tuple(privacy.on_page(cell) for cell in cells)
    if key == privacy.OTHER:
        return DistrictRow(_("Elsewhere or not counted by district"), None, cells)
    if key == privacy.TOTAL:
        return DistrictRow(_("The city"), None, cells, total=True)
    link = district_link(catalog, key)
    return DistrictRow(link.text, link, cells)


@dataclass(frozen=True, kw_only=True)
class MonitoringView(RecordView):
    year: str
    counted_on: When | None
    citation: Citation
    figures: tuple[Figure, ...]
    district_columns: tuple[str, ...]
    districts: tuple[DistrictRow, ...]
    method: Markup
    notes: Markup
    embed: EmbedCode


def monitoring_view(catalog: Catalog, year: Any, site: Site = SITE) -> MonitoringView:
    """One monitor year: the city's figures and, where counted, the districts', small counts suppressed, all cited."""
    vocabulary = catalog.vocabulary("districts")
    table = privacy.district_table(year, [e.id for e in vocabulary.entries] if vocabulary else None)
    return MonitoringView(
        title=_("Sector monitor %(year)s") % {"year": year.year},
        kind="monitoring",
        record_id=year.id,
        example=year.example,
        source_path=year.source_path,
        toc=sections(
            ("districts", _("By district"), year.by_district),
            ("method", _("Method"), year.method),
            ("notes", _("Notes"), year.notes),
            ("embed", _("Embed this"), True),
        ),
        preview=preview(year),
        year=str(year.year),
        counted_on=when(year.reference_date),
        citation=citation(year),
        figures=figures(year),
        district_columns=tuple(_(label) for _name, label in table.columns),
        districts=tuple(district_row(catalog, key, cells) for key, cells in table.rows),
        method=render.markdown(year.method),
        notes=render.paragraphs(year.notes),
        embed=embed_code("monitoring", year.id, _("Social enterprises in figures, %(year)s") % {"year": year.year}, 300, site.site_url),
    )


def preview(year: Any) -> str:
    """A monitor year's description for link previews: its headline figures as published, and their source."""
    figures = "; ".join(f"{f.value} {f.label}" for f in headline_figures(year))
    named = {"year": year.year, "figures": figures, "source": year.source.title}
    if figures:
        return _("The sector's figures for %(year)s: %(figures)s. Source: %(source)s.") % named
    return _("The sector's figures for %(year)s. Source: %(source)s.") % named


@dataclass(frozen=True)
class YearRow:
    """A year in the monitor's table: its headline figures and source."""

    marker: str
    link: Link
    example: bool
    enterprises: str
    at_work: str
    moved_on: str
    citation: Citation


@dataclass(frozen=True)
class Chart:
    svg: Markup
    caption: str


@dataclass(frozen=True, kw_only=True)
class MonitorView(View):
    charts: tuple[Chart, ...]
    years: tuple[YearRow, ...]

    @property
    def count(self) -> int:
        return len(self.years)


def chart(catalog: Catalog, measure: str, caption: str) -> Chart | None:
    """A bar chart of one measure over the years, each bar with its source; a count too small to
    publish is drawn as no bar and labelled "<10", never to scale."""
    points = []
    for year in sorted(catalog.all("monitoring"), key=lambda y: y.year):
        value = getattr(year.measures, measure)
        if value is None:
            continue
        drawn = 0 if measure in PEOPLE and privacy.small(value) else value
        points.append(charts.Point(str(year.year), drawn, privacy.measure(measure, value), citation(year).source, year.example))
    return Chart(Markup(charts.bar_chart(_(LABELS[measure]), points)), caption) if points else None


def monitor_view(catalog: Catalog, site: Site = SITE) -> MonitorView:
    """/monitor/: the charts over the years and every year's headline figures with their source, newest first."""
    years = sorted(catalog.all("monitoring"), key=lambda y: y.year, reverse=True)
    drawn = tuple(
        c
        for c in (
            chart(
                catalog,
                "jobs_target_group",
                _(
                    "People of the target group at work in social enterprises, by year. Light bars are fictional example data; "
                    "dark bars are real figures with a cited source."
                ),
            ),
            chart(catalog, "moved_to_paid_work", _("People who moved on to paid work, by year.")),
        )
        if c is not None
    )
    return MonitorView(
        title=_("Sector monitor"),
        toc=sections(("charts", _("Over the years"), drawn), ("years", _("Figures and sources"), True)),
        charts=drawn,
        years=tuple(
            YearRow(
                f"monitoring:{y.id}",
                record_link(catalog, "monitoring", y),
                y.example,
                privacy.number(y.measures.enterprises),
                privacy.people(y.measures.jobs_target_group),
                privacy.people(y.measures.moved_to_paid_work),
                citation(y),
            )
            for y in years
        ),
    )


@dataclass(frozen=True)
class HeadlineYear:
    marker: str
    link: Link
    example: bool
    figures: tuple[Figure, ...]
    citation: Citation


@dataclass(frozen=True, kw_only=True)
class HeadlineView(View):
    years: tuple[HeadlineYear, ...]


def key_years(catalog: Catalog) -> list[Any]:
    """The monitoring years to headline: the earliest real (non-example) year and the latest year."""
    years = sorted(catalog.all("monitoring"), key=lambda y: y.year)
    real = [y for y in years if not y.example][:1]
    return real + [y for y in years[-1:] if y not in real]


def headline_label(measure: str) -> str:
    """A measure's label as it reads after a number on the home page ("2,720 people of the target group at work"), in
    the page's language."""
    return _(LABELS[measure]).removeprefix("… ").lower()


def headline_figures(year: Any) -> tuple[Figure, ...]:
    """A year's headline figures (enterprises, people at work, moves to paid work), those it counts."""
    cite = citation(year)
    return tuple(Figure(headline_label(n), privacy.measure(n, getattr(year.measures, n)), cite) for n in HEADLINE if getattr(year.measures, n) is not None)


def headline_view(catalog: Catalog, site: Site = SITE) -> HeadlineView:
    """The home page's figures: the earliest real year and the latest year, each figure with its source."""
    return HeadlineView(
        title=_("The sector in figures"),
        years=tuple(
            HeadlineYear(f"monitoring:{y.id}", record_link(catalog, "monitoring", y), y.example, headline_figures(y), citation(y)) for y in key_years(catalog)
        ),
    )
