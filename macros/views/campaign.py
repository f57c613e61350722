"""Campaigns: one campaign's progress, milestones and targets; the listing, current campaigns first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .. import privacy, render
from ..catalog import Catalog
from ..i18n import _
from ..kinds import KINDS
from .base import (
    EASY_READ,
    SITE,
    EmbedCode,
    Link,
    ListingView,
    RecordView,
    Site,
    Span,
    When,
    embed_code,
    external,
    record_link,
    record_links,
    sections,
    span,
    when,
)
from .glossary import glossary_links


@dataclass(frozen=True)
class Metric:
    """A measured goal: how far along, the target, since when, and where the number comes from."""

    label: str
    current: str
    target: str
    as_of: When | None
    source: str  # data-source: the metric's source URL, else the campaign's file
    year: str | None  # data-year: the year of `as_of`
    link: Link | None


@dataclass(frozen=True)
class Milestone:
    when: When
    title: str
    note: str | None
    source: Link | None


@dataclass(frozen=True, kw_only=True)
class CampaignView(RecordView):
    goal: Markup
    period: Span | None
    hashtags: str | None
    call_to_action: Link | None
    call_to_action_text: str | None
    description: Markup
    metrics: tuple[Metric, ...]
    milestones: tuple[Milestone, ...]
    positions: tuple[Link, ...]
    targets: tuple[Link, ...]
    enterprises: tuple[Link, ...]
    embed: EmbedCode


def with_unit(value: str, unit: str | None) -> str:
    return f"{value} {unit}" if unit else value


def metric(campaign: Any, x: Any) -> Metric:
    return Metric(
        label=x.label,
        current=with_unit(privacy.number(x.current), x.unit),
        target=with_unit(privacy.number(x.target), x.unit),
        as_of=when(x.as_of),
        source=x.source or campaign.source_path,
        year=str(x.as_of.year) if x.as_of else None,
        link=external(x.source, _("source")),
    )


def campaign_view(catalog: Catalog, campaign: Any, site: Site = SITE) -> CampaignView:
    """A campaign's page: its goal and call to action, progress, milestones in date order, and what it is about."""
    c = campaign
    cta = c.call_to_action
    easy_read, goal, description = glossary_links(
        catalog, KINDS["campaign"].page_url(c.id), render.paragraphs(c.easy_read) if c.easy_read else None, c.goal, render.markdown(c.description)
    )
    return CampaignView(
        title=c.name,
        kind="campaign",
        record_id=c.id,
        example=c.example,
        source_path=c.source_path,
        toc=sections(
            (EASY_READ[0], _(EASY_READ[1]), c.easy_read),
            ("metrics", _("Progress"), c.metrics),
            ("milestones", _("Milestones"), c.milestones),
            ("positions", _("Positions"), c.positions),
            ("targets", _("Addressed to"), c.targets),
            ("enterprises", _("Enterprises taking part"), c.enterprises),
            ("embed", _("Embed this"), True),
        ),
        preview=c.goal,
        easy_read=easy_read,
        goal=goal,
        period=span(c.start, c.end, _("ongoing")),
        hashtags=" ".join(f"#{h}" for h in c.hashtags) or None,
        call_to_action=external(cta.url, cta.text) if cta and cta.url else None,
        call_to_action_text=cta.text if cta and not cta.url else None,
        description=description,
        metrics=tuple(metric(c, x) for x in c.metrics),
        milestones=tuple(
            Milestone(when(x.date), x.title, render.sentence(x.note) if x.note else None, external(x.source, _("source")))
            for x in sorted(c.milestones, key=lambda x: x.date)
        ),
        positions=record_links(catalog, "position", c.positions),
        targets=record_links(catalog, "post", c.targets),
        enterprises=record_links(catalog, "enterprise", c.enterprises),
        embed=embed_code("campaign", c.id, _("%(name)s: progress") % {"name": c.name}, 260 + 90 * len(c.metrics), site.site_url),
    )


@dataclass(frozen=True)
class CampaignCard:
    marker: str
    link: Link
    example: bool
    goal: str
    period: Span | None


def current_first(catalog: Catalog) -> list[Any]:
    """Campaigns running or still to come first (by start), then those that have ended (most recent first)."""
    today = catalog.today
    campaigns = catalog.all("campaign")
    running = sorted((c for c in campaigns if c.end is None or c.end >= today), key=lambda c: (c.start or today, c.id))
    ended = sorted((c for c in campaigns if c.end is not None and c.end < today), key=lambda c: (c.end, c.id), reverse=True)
    return running + ended


def campaigns_view(catalog: Catalog, site: Site = SITE) -> ListingView:
    """/campaigns/ (and the home page's list): every campaign, current and upcoming first."""
    return ListingView(
        title=_("Campaigns"),
        cards=tuple(
            CampaignCard(f"campaign:{c.id}", record_link(catalog, "campaign", c), c.example, c.goal, span(c.start, c.end, _("ongoing")))
            for c in current_first(catalog)
        ),
    )
