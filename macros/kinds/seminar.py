"""Seminar: an event where expertise is shared."""

from __future__ import annotations

import datetime as dt

from .fields import DateTime, Line, LocalLine, LocalMarkdown, Part, RecordModel, RefTo, Text, Url, end_not_before_start


class Location(Part):
    """Where the seminar takes place."""

    name: Line
    address: Text | None = None


class Speaker(Part):
    """A speaker, in their public role."""

    name: Line
    organisation: Line | None = None


class Material(Part):
    """Slides, a report, a recording."""

    title: Line
    url: Url


class Seminar(RecordModel):
    """A seminar; upcoming ones are listed first."""

    title: LocalLine
    start: DateTime
    end: DateTime | None = None
    location: Location | None = None
    online_url: Url | None = None
    organisers: list[Line] = []
    speakers: list[Speaker] = []
    topics: list[RefTo("vocab:topics")] = []
    registration_url: Url | None = None
    materials: list[Material] = []
    summary: LocalMarkdown | None = None


def same_kind_of_time(record: Seminar):
    """A seminar's start and end are both days (all day) or both date-times, so calendars read them alike."""
    if record.end is not None and isinstance(record.start, dt.datetime) != isinstance(record.end, dt.datetime):
        yield ("end",), "must be a date-time like start" if isinstance(record.start, dt.datetime) else "must be a date like start (all day)", "date-kind"


def seminar_place(record: Seminar):
    """A seminar has a location, an online URL, or both."""
    if record.location is None and record.online_url is None:
        yield (), "needs a location or an online_url", "required"


MODEL = Seminar
RULES = (end_not_before_start, same_kind_of_time, seminar_place)
RESERVED_IDS = ("calendar",)  # /seminars/calendar.ics is the feed of all seminars
