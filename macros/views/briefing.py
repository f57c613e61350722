"""An official's print-ready briefing pack: who they are, the open asks, what they delivered, key figures and the
enterprises that matter to them, on at most two A4 pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .. import i18n, lobby, privacy
from ..catalog import Catalog
from ..i18n import _, ngettext
from ..kinds import KINDS
from .base import SITE, Figure, Link, RecordView, Site, When, citation, clip, sections, when
from .lobby import contact_label, status_label
from .official import RELEVANT_IN_BRIEFING, EnterpriseLine, enterprise_lines


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
    lines = tuple(
        f"{when(s.date).text}: {status_label(s.status)}" + (f" ({clip(' '.join(str(s.note).split()), BRIEFING_NOTE_CHARS)})" if s.note else "") for s in shown
    )
    if not earlier:
        return lines
    return (
        ngettext("%(num)s earlier step on the position's page", "%(num)s earlier steps on the position's page", earlier) % {"num": f"{earlier:,}"},
        *lines,
    )


def key_figures(catalog: Catalog, official: Any) -> tuple[Figure, ...]:
    """Three figures with their sources: the latest year's people at work and moves to paid work, and
    the official's district in that year when the monitor counts it, else the earliest real year's people at work."""
    years = sorted(catalog.all("monitoring"), key=lambda y: y.year)
    if not years:
        return ()
    latest = years[-1]
    out = []
    for measure, label in (
        ("jobs_target_group", _("people of the target group at work in social enterprises")),
        ("moved_to_paid_work", _("moved on to paid work")),
    ):
        value = getattr(latest.measures, measure)
        if value is not None:
            out.append(Figure(f"{label} ({latest.year})", privacy.people(value), citation(latest)))
    districts, _sectors = lobby.relevance(catalog, official)
    local = [(d, latest.by_district[d].jobs_target_group) for d in sorted(districts) if d in latest.by_district]
    local = [(d, v) for d, v in local if v is not None]
    if local:
        district, value = local[0]
        label = _("at work in %(district)s (%(year)s)") % {"district": catalog.label("districts", district), "year": latest.year}
        out.append(Figure(label, privacy.people(value), citation(latest)))
    else:
        real = next((y for y in years if not y.example and y is not latest and y.measures.jobs_target_group is not None), None)
        if real is not None:
            label = _("people of the target group at work (%(year)s)") % {"year": real.year}
            out.append(Figure(label, privacy.people(real.measures.jobs_target_group), citation(real)))
    return tuple(out[:3])


def contact_line(found: lobby.Contact | None) -> str:
    """The last contact in one line: a step with its status and ask, or a recorded contact with its kind and position."""
    if found is None:
        return _("none recorded")
    day = when(found.date).text
    if found.ask is not None:
        return _('%(date)s: %(status)s on "%(ask)s"') % {"date": day, "status": status_label(found.status), "ask": clip(found.ask.ask.text, 90)}
    if found.position is not None:
        return _('%(date)s: %(kind)s on "%(position)s"') % {"date": day, "kind": contact_label(found.kind), "position": clip(found.position.title, 90)}
    return f"{day}: {contact_label(found.kind)}"


def briefing_view(catalog: Catalog, official: Any, site: Site = SITE) -> BriefingView:
    """The A4 briefing for a meeting with an official: who they are, the open asks with their
    history, what they delivered in the last year, three key figures, and at most eight enterprises."""
    o = official
    page = KINDS["official"].page_url(o.id)
    open_asks = [v for v in lobby.asks_for_official(catalog, o) if v.is_open]
    relevant = lobby.relevant_enterprises(catalog, o)
    a_year_ago = catalog.today - dt.timedelta(days=365)
    topics = lobby.briefing_topics(catalog, o)
    return BriefingView(
        title=_("Briefing: %(name)s") % {"name": o.name},
        kind="official",
        record_id=o.id,
        example=o.example,
        source_path=o.source_path,
        toc=sections(
            ("who", _("Who they are"), True),
            ("open-asks", _("Open asks (%(count)s)") % {"count": len(open_asks)}, True),
            ("delivered", _("Delivered in the last year"), True),
            ("figures", _("Key figures"), True),
            ("enterprises", _("Enterprises in their district or portfolio"), True),
        ),
        prepared=when(catalog.today),
        back=Link(page, _("Back to the official's page")),
        party=catalog.label("parties", o.party) if o.party else None,
        posts=tuple(f"{h.post.title} ({span_text(h.start, h.end)})" for h in catalog.holdings_of(o)),
        office=", ".join(x for x in (o.contact.email, o.contact.phone) if x) or None if o.contact else None,
        last_contact=contact_line(lobby.last_contact(catalog, o)),
        open_asks=tuple(
            BriefingAsk(
                clip(v.ask.text, BRIEFING_ASK_CHARS),
                v.position.title,
                site.site_url + i18n.localize(KINDS["position"].page_url(v.position.id)) + "#" + v.anchor,
                step_lines(v.ask.history),
            )
            for v in open_asks
        ),
        delivered=tuple(Thanks(v.ask.text, when(v.last.date)) for v in lobby.delivered_since(catalog, o, a_year_ago)),
        figures=key_figures(catalog, o),
        enterprises=enterprise_lines(catalog, o, relevant[:RELEVANT_IN_BRIEFING]),
        enterprises_total=ngettext("%(num)s enterprise", "%(num)s enterprises", len(relevant)) % {"num": f"{len(relevant):,}"},
        articles=tuple(a.heading for a in lobby.manifesto_articles_for(catalog, topics))[:3],
    )


def span_text(start: dt.date, end: dt.date | None) -> str:
    until = when(end).text if end else _("now")
    return f"{when(start).text} – {until}"
