"""Seminars: one seminar's page, and the listing, upcoming first (soonest first), then past (latest first)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .. import render
from ..catalog import Catalog
from ..exports.feeds import plain_text
from ..i18n import _
from ..kinds import KINDS
from ..kinds.fields import local
from . import structured
from .base import SITE, Link, RecordView, Site, Span, View, day_of, external, record_link, sections, span, terms, when
from .glossary import glossary_links


@dataclass(frozen=True)
class Speaker:
    name: str
    organisation: str | None


@dataclass(frozen=True, kw_only=True)
class SeminarView(RecordView):
    period: Span
    place: str | None
    online: Link | None
    organisers: str | None
    topics: tuple[Link, ...]
    calendar: Link
    registration: Link | None
    summary: Markup
    speakers: tuple[Speaker, ...]
    materials: tuple[Link, ...]


def calendar_link(seminar_id: str) -> Link:
    return Link(f"{KINDS['seminar'].listing}{seminar_id}.ics", _("Add to your calendar (iCalendar)"))


def seminar_view(catalog: Catalog, seminar: Any, site: Site = SITE) -> SeminarView:
    """A seminar's page: when and where, who speaks, how to register, its materials, its calendar file."""
    s = seminar
    summary = render.markdown(s.summary)
    text = plain_text(str(summary)) or seminar_line(s)
    (summary,) = glossary_links(catalog, KINDS["seminar"].page_url(s.id), summary)
    place = None
    if s.location:
        place = s.location.name + (f", {s.location.address}" if s.location.address else "")
    return SeminarView(
        title=s.title,
        kind="seminar",
        record_id=s.id,
        example=s.example,
        source_path=s.source_path,
        toc=sections(("speakers", _("Speakers"), s.speakers), ("materials", _("Materials"), s.materials)),
        preview=text,
        structured=structured.event(s, text, site.site_name, site.site_url),
        period=span(s.start, s.end, ""),
        place=place,
        online=external(s.online_url),
        organisers=", ".join(s.organisers) or None,
        topics=terms(catalog, "topics", s.topics),
        calendar=calendar_link(s.id),
        registration=external(s.registration_url, _("Register")),
        summary=summary,
        speakers=tuple(Speaker(x.name, x.organisation) for x in s.speakers),
        materials=tuple(external(x.url, x.title) for x in s.materials),
    )


def seminar_line(seminar: Any) -> str:
    """A seminar without a summary, in one line: its title, when and where."""
    where = seminar.location.name if seminar.location else _("online")
    return f"{seminar.title}: {when(seminar.start).text}, {where}."


def moment(value: dt.date | dt.datetime) -> tuple[dt.date, str]:
    """A sort key that orders all-day dates and date-times together, on the city's clock: by day, an all-day event first."""
    return (day_of(value), local(value).time().isoformat() if isinstance(value, dt.datetime) else "")


def upcoming(seminar: Any, today: dt.date) -> bool:
    """A seminar is upcoming until the day it starts has passed (one on today is still upcoming)."""
    return day_of(seminar.start) >= today


@dataclass(frozen=True)
class SeminarCard:
    marker: str
    link: Link
    example: bool
    when: str


@dataclass(frozen=True, kw_only=True)
class SeminarsView(View):
    upcoming: tuple[SeminarCard, ...]
    past: tuple[SeminarCard, ...]
    calendar: Link

    @property
    def count(self) -> int:
        return len(self.upcoming) + len(self.past)


def seminar_card(catalog: Catalog, s: Any) -> SeminarCard:
    return SeminarCard(f"seminar:{s.id}", record_link(catalog, "seminar", s), s.example, when(s.start).text)


def seminars_view(catalog: Catalog, site: Site = SITE) -> SeminarsView:
    """/seminars/: upcoming seminars, soonest first, then past ones, latest first; and the calendar to subscribe to."""
    seminars = catalog.all("seminar")
    coming = sorted((s for s in seminars if upcoming(s, catalog.today)), key=lambda s: (moment(s.start), s.id))
    past = sorted((s for s in seminars if not upcoming(s, catalog.today)), key=lambda s: (moment(s.start), s.id), reverse=True)
    return SeminarsView(
        title=_("Seminars"),
        toc=sections(("upcoming", _("Upcoming"), True), ("past", _("Past"), True)),
        upcoming=tuple(seminar_card(catalog, s) for s in coming),
        past=tuple(seminar_card(catalog, s) for s in past),
        calendar=Link(f"{KINDS['seminar'].listing}calendar.ics", _("Subscribe to the calendar (iCalendar)")),
    )
