"""Official: a person holding public posts over time; role-related facts only, each sourced."""

from __future__ import annotations

import typing
from typing import Literal

from pydantic import Field

from .enterprise import Contact
from .fields import Date, Line, LocalText, Part, RecordModel, RefTo, Url, ordered

# How the platform was in touch with an official: the one list every page, feed and export uses.
ContactKind = Literal["meeting", "letter", "hearing", "call"]
CONTACT_KINDS: tuple[str, ...] = typing.get_args(ContactKind)


class Membership(Part):
    """Who held which post when; no end means they hold it now."""

    post: RefTo("post")
    start: Date
    end: Date | None = None
    source: Url | None = None


class Contacted(Part):
    """One contact with an official in their public role: a meeting, letter, hearing or call, with a public note and
    its public source. There is no field for anyone else: contacts are about officials only."""

    date: Date
    kind: ContactKind
    note: LocalText | None = Field(None, description="what was discussed, as it may be published")
    source: Url


class Official(RecordModel):
    """A person in a public role."""

    name: Line
    party: RefTo("vocab:parties") | None = None
    memberships: list[Membership] = Field(min_length=1)
    contact: Contact | None = Field(None, description="office contact only: office e-mail, phone, web page")
    sources: list[Url] = Field(min_length=1, description="public pages where these facts come from")
    contacts: list[Contacted] = Field([], description="meetings, letters, hearings and calls with this official, each with a public source")


def membership_dates(record: Official):
    """A membership ends on or after the day it starts."""
    for i, m in enumerate(record.memberships):
        if not ordered(m.start, m.end):
            yield ("memberships", i, "end"), f"{m.end} is before start {m.start}", "date-order"


def one_holding_at_a_time(record: Official):
    """Two memberships of the same post do not overlap."""
    spans = sorted((m.start, m.end, i, m.post) for i, m in enumerate(record.memberships))
    for (_, e1, _, p1), (s2, _, i2, p2) in zip(spans, spans[1:], strict=False):
        if p1 == p2 and (e1 is None or s2 <= e1):
            yield ("memberships", i2, "start"), f"overlaps an earlier membership of post '{p2}'", "date-order"


MODEL = Official
RULES = (membership_dates, one_holding_at_a_time)
