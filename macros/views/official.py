"""An official: the posts they hold, what the platform asks of them, the enterprises that matter to them;
their print-ready briefing pack; and the posts, with who held each when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .. import lobby, privacy
from ..catalog import Catalog
from ..kinds import KINDS
from . import structured
from .base import (
    SITE,
    Contact,
    Figure,
    Link,
    ListingView,
    RecordView,
    Site,
    Span,
    Status,
    When,
    citation,
    clip,
    contact,
    external,
    plural,
    record_link,
    record_links,
    sections,
    span,
    terms,
    when,
)
from .lobby import AskRow, ask_row, status

RELEVANT_ON_PAGE = 12  # enterprises listed on an official's page; the rest are a filter away in the showcase
RELEVANT_IN_BRIEFING = 8  # a briefing must fit on two pages


@dataclass(frozen=True)
class PostLine:
    """A post an official holds or held, and when."""

    post: Link
    period: Span
    current: bool
    district: str | None


def post_lines(catalog: Catalog, official: Any) -> tuple[PostLine, ...]:
    """The official's posts, current first, then most recent."""
    return tuple(
        PostLine(
            record_link(catalog, "post", h.post),
            span(h.start, h.end, "now"),
            h.covers(catalog.today),
            catalog.label("districts", h.post.district) if h.post.district else None,
        )
        for h in catalog.holdings_of(official)
    )


@dataclass(frozen=True)
class LastContact:
    when: When
    ask: Link
    status: Status


def last_contact(catalog: Catalog, official: Any) -> LastContact | None:
    found = lobby.last_contact(catalog, official)
    if found is None:
        return None
    view, step = found
    return LastContact(when(step.date), Link(KINDS["position"].page_url(view.position.id) + "#" + view.anchor, clip(view.ask.text, 90)), status(step.status))


@dataclass(frozen=True)
class EnterpriseLine:
    """An enterprise that matters to an official, with its sector and district."""

    link: Link
    sector: str
    district: str


def enterprise_lines(catalog: Catalog, enterprises: list[Any]) -> tuple[EnterpriseLine, ...]:
    return tuple(
        EnterpriseLine(record_link(catalog, "enterprise", e), catalog.label("sectors", e.sector), catalog.label("districts", e.district)) for e in enterprises
    )


def showcase_filters(catalog: Catalog, official: Any) -> tuple[Link, ...]:
    """Links to the showcase filtered to the official's districts and to their portfolio's sectors."""
    districts, sectors = lobby.relevance(catalog, official)
    links = []
    if districts:
        links.append(Link("showcase/?district=" + ",".join(sorted(districts)), "all in " + ", ".join(sorted(catalog.label("districts", d) for d in districts))))
    if sectors:
        links.append(Link("showcase/?sector=" + ",".join(sorted(sectors)), "all in their portfolio's sectors"))
    return tuple(links)


@dataclass(frozen=True, kw_only=True)
class OfficialView(RecordView):
    party: str | None
    contact: Contact | None
    last_contact: LastContact | None
    briefing: Link
    posts: tuple[PostLine, ...]
    asks: tuple[AskRow, ...]
    relevant: tuple[EnterpriseLine, ...]
    relevant_total: str
    relevant_more: tuple[Link, ...]
    topics_page: Link
    sources: tuple[Link, ...]


def official_view(catalog: Catalog, official: Any, site: Site = SITE) -> OfficialView:
    """An official's page: their posts, the asks of the files they hold (inherited with the post), the
    enterprises in their district or portfolio (the most relevant first), and the sources of these facts."""
    o = official
    asks = lobby.asks_for_official(catalog, o)
    relevant = lobby.relevant_enterprises(catalog, o)
    return OfficialView(
        title=o.name,
        kind="official",
        record_id=o.id,
        example=o.example,
        source_path=o.source_path,
        toc=sections(
            ("posts", "Posts", True),
            ("asks", "What we ask of them", True),
            ("enterprises", "Enterprises in their district or portfolio", relevant),
            ("sources", "Sources", True),
        ),
        preview=official_line(catalog, o),
        structured=structured.person(catalog, o, site.site_url),
        party=o.party,
        contact=contact(o.contact),
        last_contact=last_contact(catalog, o),
        briefing=Link(KINDS["official"].page_url(o.id) + "briefing/", "Briefing pack (print)"),
        posts=post_lines(catalog, o),
        asks=tuple(ask_row(catalog, v) for v in asks),
        relevant=enterprise_lines(catalog, relevant[:RELEVANT_ON_PAGE]),
        relevant_total=plural(len(relevant), "enterprise"),
        relevant_more=showcase_filters(catalog, o) if len(relevant) > RELEVANT_ON_PAGE else (),
        topics_page=Link("vocabularies/topics/", "topics"),
        sources=tuple(external(s) for s in o.sources),
    )


def official_line(catalog: Catalog, official: Any) -> str:
    """An official in one line: name and party, and the posts they hold now (or that they held none now)."""
    current = [h.post.title for h in catalog.holdings_of(official) if h.covers(catalog.today)]
    who = official.name + (f" ({official.party})" if official.party else "")
    return f"{who}: " + ("; ".join(current) if current else "holds none of the posts the platform follows now") + "."


# -- the briefing pack -------------------------------------------------------------------------
@dataclass(frozen=True)
class BriefingAsk:
    """An open ask in the briefing: its text, its position, its link written out, its steps one line each."""

    text: str
    position: str
    address: str
    steps: tuple[str, ...]


@dataclass(frozen=True)
class Thanks:
    """An ask delivered in the last year."""

    text: str
    when: When


@dataclass(frozen=True, kw_only=True)
class BriefingView(RecordView):
    prepared: When
    back: Link
    party: str | None
    posts: tuple[str, ...]
    office: str | None
    last_contact: str
    open_asks: tuple[BriefingAsk, ...]
    delivered: tuple[Thanks, ...]
    figures: tuple[Figure, ...]
    enterprises: tuple[EnterpriseLine, ...]
    enterprises_total: str
    articles: tuple[str, ...]


# A briefing must print on two A4 pages at most, whatever the data holds: an ask's text, its steps and
# their notes are cut to fit, and the full history is a link away.
BRIEFING_ASK_CHARS = 300
BRIEFING_STEPS = 3  # the most recent steps of an ask; earlier ones are counted
BRIEFING_NOTE_CHARS = 70  # so that each step stays one printed line


def step_lines(history: list[Any]) -> tuple[str, ...]:
    """An ask's history, one line per step (date, status, note), the most recent three; earlier ones as a count."""
    shown = history[-BRIEFING_STEPS:]
    earlier = len(history) - len(shown)
    lines = tuple(f"{when(s.date).text}: {s.status}" + (f" ({clip(' '.join(s.note.split()), BRIEFING_NOTE_CHARS)})" if s.note else "") for s in shown)
    return ((plural(earlier, "earlier step") + " on the position's page",) if earlier else ()) + lines


def key_figures(catalog: Catalog, official: Any) -> tuple[Figure, ...]:
    """Three figures with their sources: the latest year's people at work and moves to paid work, and
    the official's district in that year when the monitor counts it, else the earliest real year's people at work."""
    years = sorted(catalog.all("monitoring"), key=lambda y: y.year)
    if not years:
        return ()
    latest = years[-1]
    out = []
    for measure, label in (("jobs_target_group", "people of the target group at work in social enterprises"), ("moved_to_paid_work", "moved on to paid work")):
        value = getattr(latest.measures, measure)
        if value is not None:
            out.append(Figure(f"{label} ({latest.year})", privacy.people(value), citation(latest)))
    districts, _ = lobby.relevance(catalog, official)
    local = [(d, latest.by_district[d].jobs_target_group) for d in sorted(districts) if d in latest.by_district]
    local = [(d, v) for d, v in local if v is not None]
    if local:
        district, value = local[0]
        out.append(Figure(f"at work in {catalog.label('districts', district)} ({latest.year})", privacy.people(value), citation(latest)))
    else:
        real = next((y for y in years if not y.example and y is not latest and y.measures.jobs_target_group is not None), None)
        if real is not None:
            out.append(Figure(f"people of the target group at work ({real.year})", privacy.people(real.measures.jobs_target_group), citation(real)))
    return tuple(out[:3])


def briefing_view(catalog: Catalog, official: Any, site: Site = SITE) -> BriefingView:
    """The A4 briefing for a meeting with an official: who they are, the open asks with their
    history, what they delivered in the last year, three key figures, and at most eight enterprises."""
    o = official
    page = KINDS["official"].page_url(o.id)
    open_asks = [v for v in lobby.asks_for_official(catalog, o) if v.is_open]
    relevant = lobby.relevant_enterprises(catalog, o)
    contact_found = lobby.last_contact(catalog, o)
    a_year_ago = catalog.today - dt.timedelta(days=365)
    topics = lobby.briefing_topics(catalog, o)
    return BriefingView(
        title=f"Briefing: {o.name}",
        kind="official",
        record_id=o.id,
        example=o.example,
        source_path=o.source_path,
        toc=sections(
            ("who", "Who they are", True),
            ("open-asks", f"Open asks ({len(open_asks)})", True),
            ("delivered", "Delivered in the last year", True),
            ("figures", "Key figures", True),
            ("enterprises", "Enterprises in their district or portfolio", True),
        ),
        prepared=when(catalog.today),
        back=Link(page, "Back to the official's page"),
        party=o.party,
        posts=tuple(f"{h.post.title} ({span_text(h.start, h.end)})" for h in catalog.holdings_of(o)),
        office=", ".join(x for x in (o.contact.email, o.contact.phone) if x) or None if o.contact else None,
        last_contact=(
            f'{when(contact_found[1].date).text}: {contact_found[1].status} on "{clip(contact_found[0].ask.text, 90)}"' if contact_found else "none recorded"
        ),
        open_asks=tuple(
            BriefingAsk(
                clip(v.ask.text, BRIEFING_ASK_CHARS),
                v.position.title,
                site.site_url + KINDS["position"].page_url(v.position.id) + "#" + v.anchor,
                step_lines(v.ask.history),
            )
            for v in open_asks
        ),
        delivered=tuple(Thanks(v.ask.text, when(v.last.date)) for v in lobby.delivered_since(catalog, o, a_year_ago)),
        figures=key_figures(catalog, o),
        enterprises=enterprise_lines(catalog, relevant[:RELEVANT_IN_BRIEFING]),
        enterprises_total=plural(len(relevant), "enterprise"),
        articles=tuple(a.heading for a in lobby.manifesto_articles_for(catalog, topics))[:3],
    )


def span_text(start: dt.date, end: dt.date | None) -> str:
    return f"{when(start).text} – {when(end).text if end else 'now'}"


# -- posts ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class HolderLine:
    official: Link
    start: When
    end: When | None
    current: bool


@dataclass(frozen=True, kw_only=True)
class PostView(RecordView):
    body: str
    organisation: str | None
    department: str | None
    portfolio: tuple[Link, ...]
    district: Link | None
    description: Any
    holders: tuple[HolderLine, ...]
    files: tuple[tuple[Link, Status], ...]
    campaigns: tuple[Link, ...]


def post_view(catalog: Catalog, post: Any, site: Site = SITE) -> PostView:
    """A post: who held it when (newest first), the platform's positions that target it, the campaigns addressing it."""
    from .. import render
    from .base import term

    p = post
    campaigns = catalog.campaigns_using(p.id, "post")
    return PostView(
        title=p.title,
        kind="post",
        record_id=p.id,
        example=p.example,
        source_path=p.source_path,
        toc=sections(
            ("holders", "Holders over time", True), ("files", "Files this post holds", True), ("campaigns", "Campaigns addressing this post", campaigns)
        ),
        preview=", ".join(x for x in (p.title, p.department, p.organisation) if x) + ".",
        structured=structured.post_holders(catalog, p, site.site_url),
        body=p.body,
        organisation=p.organisation,
        department=p.department,
        portfolio=terms(catalog, "topics", p.portfolio),
        district=term(catalog, "districts", p.district) if p.district else None,
        description=render.paragraphs(p.description),
        holders=tuple(
            HolderLine(record_link(catalog, "official", h.official), when(h.start), when(h.end), h.covers(catalog.today))
            for h in reversed(catalog.holdings(p.id))
        ),
        files=tuple((record_link(catalog, "position", x), status(x.status)) for x in catalog.positions_for_post(p.id)),
        campaigns=record_links(catalog, "campaign", campaigns),
    )


@dataclass(frozen=True)
class OfficialCard:
    marker: str
    link: Link
    example: bool
    party: str | None
    posts: tuple[Link, ...]  # held now


def officials_view(catalog: Catalog, site: Site = SITE) -> ListingView:
    """/lobby/officials/: every official with their party and the posts they hold now."""
    return ListingView(
        title="Officials",
        cards=tuple(
            OfficialCard(
                f"official:{o.id}",
                record_link(catalog, "official", o),
                o.example,
                o.party,
                tuple(record_link(catalog, "post", h.post) for h in catalog.holdings_of(o) if h.covers(catalog.today)),
            )
            for o in catalog.all("official")
        ),
    )


@dataclass(frozen=True)
class PostCard:
    marker: str
    link: Link
    example: bool
    text: str
    holders: tuple[Link, ...]


def posts_view(catalog: Catalog, site: Site = SITE) -> ListingView:
    """/lobby/posts/: every post, its body and organisation, and who holds it now."""
    return ListingView(
        title="Posts",
        cards=tuple(
            PostCard(
                f"post:{p.id}",
                record_link(catalog, "post", p),
                p.example,
                ", ".join(x for x in (p.body, p.organisation) if x),
                record_links(catalog, "official", catalog.current_holders(p.id)),
            )
            for p in catalog.all("post")
        ),
    )
