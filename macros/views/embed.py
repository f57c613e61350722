"""Embeddable widgets (/embed/…): one monitor year's headline figures, a small card of one enterprise, a campaign's
progress. Each is a page of its own, without the theme, for a partner's site or a council document to frame; like
every page it carries where its figures come from and for which year, a link back to its full page, and whether it
is example data. Figures are published exactly as on the full pages (counts of 1 to 9 people as "<10")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import privacy
from ..catalog import Catalog
from ..i18n import N_, _
from ..kinds import KINDS
from .base import SITE, Citation, Figure, Link, Site, Span, View, citation, span
from .campaign import Metric, metric
from .enterprise import held, holdings
from .monitor import headline_figures


@dataclass(frozen=True, kw_only=True)
class EmbedView(View):
    """What every embed shows around its content: its record's marker, the example flag, the full page it comes
    from, and its source and year (`data-source`, `data-year`, and the words readers see)."""

    marker: str
    example: bool
    page: Link  # the full page, a site URL (the template makes it relative, so it works under any address)
    source: str
    year: str
    source_text: str  # "Source: …" as readers see it
    source_link: Link | None = None
    platform: str = SITE.site_name  # whose site the full page is on


@dataclass(frozen=True, kw_only=True)
class FiguresEmbed(EmbedView):
    figures: tuple[Figure, ...]
    citation: Citation


def figures_embed(catalog: Catalog, year: Any, site: Site = SITE) -> FiguresEmbed:
    """/embed/figures/<year>/: the year's headline figures (those the home page shows), with the year's source."""
    cite = citation(year)
    return FiguresEmbed(
        platform=site.site_name,
        title=_("Social enterprises in figures, %(year)s") % {"year": year.year},
        marker=f"monitoring:{year.id}",
        example=year.example,
        page=Link(KINDS["monitoring"].page_url(year.id), _("All figures for %(year)s") % {"year": year.year}),
        source=cite.source,
        year=cite.year,
        source_text=cite.title + (f", {cite.publisher}" if cite.publisher else ""),
        source_link=Link(cite.url, cite.title) if cite.url else None,
        figures=headline_figures(year),
        citation=cite,
    )


@dataclass(frozen=True, kw_only=True)
class EnterpriseEmbed(EmbedView):
    summary: str
    meta: tuple[str, ...]  # sector, district
    offers: tuple[str, ...]
    certified: tuple[str, ...]  # "<scheme>: <state>" for the schemes held today
    at_work: Figure | None  # the latest year's people of the target group at work


# Where a record's embed says it comes from, by the kind of record (in English; shown in the embed's language).
RECORD_SOURCE = {"enterprise": N_("the enterprise's record, %(path)s"), "campaign": N_("the campaign's record, %(path)s")}


def record_frame(kind: str, record: Any, site: Site) -> dict[str, Any]:
    """What every record's embed says around its content: the platform, the record's name, marker and example flag, the
    link back to its page, and its YAML file as the source."""
    return {
        "platform": site.site_name,
        "title": record.name,
        "marker": f"{kind}:{record.id}",
        "example": record.example,
        "page": Link(KINDS[kind].page_url(record.id), _("More about %(name)s") % {"name": record.name}),
        "source": record.source_path,
        "source_text": _(RECORD_SOURCE.get(kind, f"the {kind}'s record, %(path)s")) % {"path": record.source_path},
    }


def latest_figures(enterprise: Any) -> Any:
    """An enterprise's most recent year of figures that counts people of the target group at work, or None."""
    counted = [f for f in enterprise.figures if f.jobs_target_group is not None]
    return max(counted, key=lambda f: f.year) if counted else None


def enterprise_embed(catalog: Catalog, enterprise: Any, site: Site = SITE) -> EnterpriseEmbed:
    """/embed/enterprise/<id>/: name, summary, sector and district, what it sells, the schemes it holds today and
    its latest count of people of the target group at work; the year is that count's year, else the build's, since
    the rest is what the record says today."""
    e = enterprise
    latest = latest_figures(e)
    year = str(latest.year) if latest else str(catalog.today.year)
    cite = Citation(e.source_path, year, _("%(name)s, open data of the platform") % {"name": e.name}, example=e.example)
    return EnterpriseEmbed(
        **record_frame("enterprise", e, site),
        year=year,
        summary=e.summary,
        meta=(catalog.label("sectors", e.sector), catalog.label("districts", e.district)),
        offers=tuple(dict.fromkeys(o.name for o in e.offerings)),
        certified=tuple(f"{h.scheme.text}: {h.state.label}" for h in held(holdings(catalog, e))),
        at_work=Figure(_("people of the target group at work (%(year)s)") % {"year": year}, privacy.people(latest.jobs_target_group), cite) if latest else None,
    )


@dataclass(frozen=True)
class Progress:
    """A campaign metric with how far along it is, in percent of its target (None without a positive target)."""

    metric: Metric
    percent: int | None

    @property
    def has_bar(self) -> bool:
        return self.percent is not None


def progress_percent(current: float, target: float) -> int | None:
    """How far a metric is along, as a whole percentage between 0 and 100 (a target passed shows 100); None when
    the target is not above zero, since no share of it means anything."""
    if target is None or target <= 0 or current is None:
        return None
    return max(0, min(100, int(current * 100 // target)))


@dataclass(frozen=True, kw_only=True)
class CampaignEmbed(EmbedView):
    goal: str
    period: Span | None
    progress: tuple[Progress, ...]


def campaign_year(campaign: Any, today: Any) -> str:
    """The year a campaign's progress is for: its latest metric's `as_of`, else its start, else the build's year."""
    dates = [x.as_of for x in campaign.metrics if x.as_of]
    if dates:
        return str(max(dates).year)
    return str((campaign.start or today).year)


def campaign_embed(catalog: Catalog, campaign: Any, site: Site = SITE) -> CampaignEmbed:
    """/embed/campaign/<id>/: the campaign's goal, period and progress on each metric; each metric names its own
    source (as on the campaign's page), the embed as a whole the campaign's record."""
    c = campaign
    return CampaignEmbed(
        **record_frame("campaign", c, site),
        year=campaign_year(c, catalog.today),
        goal=c.goal,
        period=span(c.start, c.end, _("ongoing")),
        progress=tuple(Progress(metric(c, x), progress_percent(x.current, x.target)) for x in c.metrics),
    )
