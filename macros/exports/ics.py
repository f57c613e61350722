"""iCalendar (RFC 5545) feeds of seminars: one per seminar and one of all seminars.

Written with the `icalendar` library, which escapes text (backslash, `;`, `,`, line breaks) and folds
long lines as the RFC says, so no record text can start a property of its own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from icalendar import Calendar, Event

from ..catalog import Catalog
from ..kinds import KINDS

PRODID = "-//WISE platform//seminars//EN"


def _moment(value: dt.date | dt.datetime) -> dt.date | dt.datetime:
    """A date stays a date (an all-day event); a date-time is written in UTC, so no calendar needs a time zone table."""
    return value.astimezone(dt.UTC) if isinstance(value, dt.datetime) else value


def _end(seminar: Any) -> dt.date | dt.datetime | None:
    """DTEND: an all-day event ends the day *after* its last day (RFC 5545's end is exclusive)."""
    if seminar.end is None:
        return None
    if isinstance(seminar.end, dt.datetime):
        return _moment(seminar.end)
    return seminar.end + dt.timedelta(days=1)


EXAMPLE_NOTE = "Example data: this seminar is fictional demo content, not a real event."


def description(seminar: Any, page_url: str) -> str:
    """What a calendar shows under the title, as plain text: that the event is example data (first, so nobody
    plans a day around it), the speakers, where to register or join, and the seminar's page."""
    lines = [EXAMPLE_NOTE] if seminar.example else []
    if seminar.speakers:
        lines.append("Speakers: " + "; ".join(s.name + (f" ({s.organisation})" if s.organisation else "") for s in seminar.speakers))
    if seminar.registration_url:
        lines.append(f"Register: {seminar.registration_url}")
    if seminar.online_url:
        lines.append(f"Online: {seminar.online_url}")
    lines.append(f"Details: {page_url}")
    return "\n".join(lines)


def event(seminar: Any, site_url: str, stamp: dt.datetime) -> Event:
    """The VEVENT of one seminar."""
    vevent = Event()
    vevent.add("uid", f"seminar-{seminar.id}@wise-platform")
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", _moment(seminar.start))
    end = _end(seminar)
    if end is not None:
        vevent.add("dtend", end)
    vevent.add("summary", seminar.title)
    if seminar.location:
        vevent.add("location", seminar.location.name + (f", {seminar.location.address}" if seminar.location.address else ""))
    elif seminar.online_url:
        vevent.add("location", seminar.online_url)
    page_url = site_url + KINDS["seminar"].page_url(seminar.id)
    vevent.add("description", description(seminar, page_url))
    vevent.add("url", page_url)
    return vevent


def calendar(seminars: list[Any], site_url: str, catalog: Catalog) -> str:
    """A VCALENDAR with the given seminars; DTSTAMP is the build date, so rebuilds are identical."""
    stamp = dt.datetime.combine(catalog.today, dt.time(), dt.UTC)
    cal = Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", PRODID)
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Seminars")
    for seminar in seminars:
        cal.add_component(event(seminar, site_url, stamp))
    return cal.to_ical().decode("utf-8")


def ics_files(catalog: Catalog, site_url: str) -> dict[str, str]:
    """`seminars/calendar.ics` and `seminars/<id>.ics`."""
    seminars = sorted(catalog.all("seminar"), key=lambda s: (_moment(s.start).isoformat(), s.id))
    files = {"seminars/calendar.ics": calendar(seminars, site_url, catalog)}
    files |= {f"seminars/{s.id}.ics": calendar([s], site_url, catalog) for s in seminars}
    return files
