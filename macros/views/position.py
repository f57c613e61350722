"""A policy position: its asks with their dated steps and who held the file at each, its evidence and dossier."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from markupsafe import Markup

from .. import decisions, lobby, privacy, render
from ..catalog import Catalog
from ..exports.lobby_feeds import feed_path
from ..i18n import _, ngettext
from ..kinds import KINDS
from ..kinds.monitoring import LABELS
from ..kinds.position import FIGURE
from .base import (
    EASY_READ,
    SITE,
    Citation,
    Feed,
    Link,
    ListingView,
    RecordView,
    Site,
    Status,
    When,
    citation,
    clip,
    external,
    record_link,
    record_links,
    sections,
    terms,
    when,
)
from .decision import effect_status
from .glossary import glossary_links
from .lobby import PostHolders, Step, contact_label, lobby_feed, post_holders, status, step

HEADLINE_CHARS = 120  # an ask's heading shows this much of its text; longer asks are printed in full beneath


@dataclass(frozen=True)
class DecisionLine:
    """A council decision on an ask, in its timeline: when, what, the outcome and what it did for the ask, its source."""

    when: When
    decision: Link
    outcome: Status
    effect: Status | None
    source: Link


@dataclass(frozen=True)
class Moment:
    """One entry of an ask's timeline, in date order: a step of its history, or a decision on it."""

    step: Step | None = None
    decision: DecisionLine | None = None


@dataclass(frozen=True)
class Ask:
    """One ask: its anchor (`#ask-<id>`), its heading, its full text when the heading had to clip it, its status, and
    its timeline: its steps and the council's decisions on it, in date order."""

    anchor: str
    headline: str
    full: Markup | None
    status: Status
    timeline: tuple[Moment, ...]


@dataclass(frozen=True)
class Evidence:
    """A piece of evidence: a monitor figure with its value and source, a knowledge article, or a link."""

    link: Link
    kind: str  # "figure", "article" or "link"
    value: str | None = None
    citation: Citation | None = None


@dataclass(frozen=True)
class DossierEntry:
    """One dated entry of a position's dossier: an ask's step, a decision on its asks, a campaign milestone or a
    seminar on its topics."""

    when: When
    what: str  # "step", "milestone" or "seminar"
    link: Link
    detail: str | None
    status: Status | None


@dataclass(frozen=True, kw_only=True)
class PositionView(RecordView):
    summary: Markup
    status: Status
    last_reviewed: When
    review_due: bool
    topics: tuple[Link, ...]
    targets: tuple[PostHolders, ...]
    asks: tuple[Ask, ...]
    rationale: Markup
    evidence: tuple[Evidence, ...]
    campaigns: tuple[Link, ...]
    dossier: tuple[DossierEntry, ...]
    contacts: tuple[ContactLine, ...]


@dataclass(frozen=True)
class ContactLine:
    """A contact about the position with officials: when, what kind, with whom, its note and source."""

    when: When
    kind: str
    officials: tuple[Link, ...]
    note: str | None
    source: Link


def contact_lines(catalog: Catalog, position: Any) -> tuple[ContactLine, ...]:
    """The contacts recorded on the position, newest first (of one day, as written)."""
    ordered = sorted(position.contacts, key=lambda c: c.date, reverse=True)
    return tuple(
        ContactLine(
            when(c.date),
            contact_label(c.kind),
            record_links(catalog, "official", c.officials),
            render.sentence(c.note) if c.note else None,
            external(c.source, _("source")),
        )
        for c in ordered
    )


def decision_line(catalog: Catalog, d: Any) -> DecisionLine:
    return DecisionLine(when(d.date), record_link(catalog, "decision", d), status(d.outcome), effect_status(d), external(d.source, _("source")))


def timeline(catalog: Catalog, view: lobby.AskView) -> tuple[Moment, ...]:
    """An ask's steps and the decisions that name it, by date; of one day, the steps first (in their order)."""
    moments = [(s.date, 0, i, Moment(step=step(catalog, view.position, s))) for i, s in enumerate(view.ask.history)]
    found = reversed(decisions.for_ask(catalog, view.position.id, view.ask.id))  # oldest first; of one day, by id
    moments += [(d.date, 1, i, Moment(decision=decision_line(catalog, d))) for i, d in enumerate(found)]
    return tuple(m for *_, m in sorted(moments, key=lambda m: m[:3]))


def ask(catalog: Catalog, view: lobby.AskView) -> Ask:
    text = view.ask.text
    return Ask(
        anchor=view.anchor,
        headline=clip(text, HEADLINE_CHARS),
        full=render.paragraphs(text) if len(text) > HEADLINE_CHARS else None,
        status=status(view.status),
        timeline=timeline(catalog, view),
    )


def evidence(catalog: Catalog, item: Any, site: Site) -> Evidence:
    """A figure (`monitoring:<year>:<measure>`, with its value and citation), an article path, or a titled link."""
    if not isinstance(item, str):
        return Evidence(external(item.url, item.title), "link")
    figure = FIGURE.match(item)
    if figure:
        year = catalog.get("monitoring", figure.group(1))
        measure = figure.group(2)
        value = privacy.measure(measure, getattr(year.measures, measure))
        return Evidence(Link(KINDS["monitoring"].page_url(year.id), f"{_(LABELS[measure])}, {year.year}"), "figure", value, citation(year))
    return Evidence(Link(item[: -len(".md")] + "/", site.article_title(item)), "article")


def dossier(catalog: Catalog, position: Any) -> tuple[DossierEntry, ...]:
    """The position's dossier (lobby.dossier) as entries ready to print."""
    page = KINDS["position"].page_url(position.id)
    out = []
    for day, what, record, detail in lobby.dossier(catalog, position):
        if what == "step":
            entry = DossierEntry(when(day), what, Link(f"{page}#ask-{record.id}", clip(record.text, 80)), None, status(detail.status))
        elif what == "decision":
            entry = DossierEntry(when(day), what, record_link(catalog, "decision", record), None, status(record.outcome))
        elif what == "milestone":
            entry = DossierEntry(when(day), what, record_link(catalog, "campaign", record), detail.title, None)
        else:
            entry = DossierEntry(when(day), what, record_link(catalog, "seminar", record), None, None)
        out.append(entry)
    return tuple(out)


def position_view(catalog: Catalog, position: Any, site: Site = SITE) -> PositionView:
    """A position's page: who holds the file now, each ask with its history, rationale, evidence, dossier."""
    p = position
    campaigns = catalog.campaigns_using(p.id, "position")
    entries = dossier(catalog, p)
    contacts = contact_lines(catalog, p)
    asks = [ask(catalog, v) for v in lobby.asks(catalog, [p])]
    easy_read, summary, *texts, rationale = glossary_links(
        catalog,
        KINDS["position"].page_url(p.id),
        render.paragraphs(p.easy_read) if p.easy_read else None,
        p.summary,
        *(a.full for a in asks),
        render.markdown(p.rationale),
    )
    return PositionView(
        title=p.title,
        kind="position",
        record_id=p.id,
        example=p.example,
        source_path=p.source_path,
        feeds=(Feed(feed_path("position", p.id), _("%(title)s: steps, decisions and contacts") % {"title": p.title}, _("Follow this position")),),
        toc=sections(
            (EASY_READ[0], _(EASY_READ[1]), p.easy_read),
            ("targets", _("Who holds the file"), p.targets),
            ("asks", _("Asks"), True),
            ("contacts", _("Contacts with officials"), contacts),
            ("rationale", _("Rationale"), p.rationale),
            ("evidence", _("Evidence"), p.evidence),
            ("campaigns", _("Campaigns using this position"), campaigns),
            ("dossier", _("Dossier"), entries),
        ),
        preview=p.summary,
        easy_read=easy_read,
        summary=summary,
        status=status(p.status),
        last_reviewed=when(p.last_reviewed),
        review_due=lobby.review_due(catalog, p),
        topics=terms(catalog, "topics", p.topics),
        targets=tuple(post_holders(catalog, t, catalog.today) for t in p.targets),
        asks=tuple(replace(a, full=text) for a, text in zip(asks, texts, strict=True)),
        rationale=rationale,
        evidence=tuple(evidence(catalog, item, site) for item in p.evidence),
        campaigns=record_links(catalog, "campaign", campaigns),
        dossier=entries,
        contacts=contacts,
    )


@dataclass(frozen=True)
class PositionCard:
    marker: str
    link: Link
    example: bool
    summary: str
    status: Status
    open_asks: str
    review_due: bool


def open_asks_text(count: int) -> str:
    """ "1 open ask", "3 open asks"."""
    return ngettext("%(num)s open ask", "%(num)s open asks", count) % {"num": f"{count:,}"}


def positions_view(catalog: Catalog, site: Site = SITE) -> ListingView:
    """/lobby/positions/: every position with its status, how many of its asks are open, and whether it is due for review."""
    return ListingView(
        title=_("Positions"),
        feeds=(lobby_feed(),),
        cards=tuple(
            PositionCard(
                f"position:{p.id}",
                record_link(catalog, "position", p),
                p.example,
                p.summary,
                status(p.status),
                open_asks_text(sum(1 for v in lobby.asks(catalog, [p]) if v.is_open)),
                lobby.review_due(catalog, p),
            )
            for p in catalog.all("position")
        ),
    )
