"""iCalendar (RFC 5545) feeds of seminars: one per seminar and one of all seminars."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..catalog import Catalog

PRODID = "-//WISE platform//seminars//EN"


def _escape(text: str) -> str:
    """TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11)."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets are folded with CRLF and a space (RFC 5545 3.1)."""
    out, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode("utf-8"))
            current = b""
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def _when(name: str, value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return f"{name}:{value.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"
    return f"{name};VALUE=DATE:{value:%Y%m%d}"


def event(seminar: Any, site_url: str, stamp: dt.datetime) -> list[str]:
    """The VEVENT lines of one seminar."""
    lines = ["BEGIN:VEVENT", f"UID:seminar-{seminar.id}@wise-platform", f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}", _when("DTSTART", seminar.start)]
    if seminar.end:
        lines.append(_when("DTEND", seminar.end))
    lines.append(f"SUMMARY:{_escape(seminar.title)}")
    if seminar.location:
        place = seminar.location.name + (f", {seminar.location.address}" if seminar.location.address else "")
        lines.append(f"LOCATION:{_escape(place)}")
    elif seminar.online_url:
        lines.append(f"LOCATION:{_escape(seminar.online_url)}")
    lines.append(f"URL:{site_url}seminars/{seminar.id}/")
    lines.append("END:VEVENT")
    return lines


def calendar(seminars: list[Any], site_url: str, catalog: Catalog) -> str:
    """A VCALENDAR with the given seminars; DTSTAMP is the build date, so rebuilds are identical."""
    stamp = dt.datetime.combine(catalog.today, dt.time(), dt.UTC)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "X-WR-CALNAME:Seminars"]
    for seminar in seminars:
        lines += event(seminar, site_url, stamp)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def ics_files(catalog: Catalog, site_url: str) -> dict[str, str]:
    """`seminars/calendar.ics` and `seminars/<id>.ics`."""
    seminars = sorted(catalog.all("seminar"), key=lambda s: (str(s.start), s.id))
    files = {"seminars/calendar.ics": calendar(seminars, site_url, catalog)}
    files |= {f"seminars/{s.id}.ics": calendar([s], site_url, catalog) for s in seminars}
    return files
