"""A seminar's page (when and where, speakers, materials, registration, calendar) and the listing:
upcoming seminars (one starting today included) soonest first, then past ones latest first, all-day
dates and date-times in one order."""

from __future__ import annotations

import datetime as dt
import time

from catalogs import TODAY, Data
from markupsafe import Markup

from macros.views.base import Link, Section, Span, When
from macros.views.seminar import SeminarCard, SeminarView, Speaker, moment, seminar_view, seminars_view, upcoming


def page(data: Data, seminar_id: str = "talk") -> SeminarView:
    catalog = data.catalog()
    return seminar_view(catalog, catalog.get("seminar", seminar_id))


def test_a_seminar_page_shows_when_where_who_speaks_and_how_to_register():
    data = Data()
    data.vocabulary("topics", entries=[{"id": "work", "label": "Work"}])
    data.seminar(
        "talk",
        title="Buying social",
        start="2026-06-10T14:00:00+02:00",
        end="2026-06-10T16:00:00+02:00",
        location={"name": "Town hall", "address": "Amstel 1"},
        online_url="https://example.org/stream",
        organisers=["Platform", "City"],
        speakers=[{"name": "Ann", "organisation": "City"}, {"name": "Bo"}],
        topics=["work"],
        registration_url="https://example.org/register",
        materials=[{"title": "Slides", "url": "https://example.org/slides"}],
        summary="A *talk*.",
        example=True,
    )
    assert page(data) == SeminarView(
        title="Buying social",
        toc=(Section("speakers", "Speakers"), Section("materials", "Materials")),
        preview="A talk.",
        structured={
            "@context": "https://schema.org",
            "@type": "Event",
            "name": "Buying social",
            "description": "A talk.",
            "url": "seminars/talk/",
            "startDate": "2026-06-10T14:00:00+02:00",
            "endDate": "2026-06-10T16:00:00+02:00",
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/MixedEventAttendanceMode",
            "location": [{"@type": "Place", "name": "Town hall", "address": "Amstel 1"}, {"@type": "VirtualLocation", "url": "https://example.org/stream"}],
            "organizer": [{"@type": "Organization", "name": "Platform"}, {"@type": "Organization", "name": "City"}],
            "performer": [{"@type": "Person", "name": "Ann", "affiliation": {"@type": "Organization", "name": "City"}}, {"@type": "Person", "name": "Bo"}],
            "offers": {"@type": "Offer", "url": "https://example.org/register"},
        },
        kind="seminar",
        record_id="talk",
        example=True,
        source_path="data/seminars/talk.yml",
        period=Span(When("2026-06-10T14:00:00+02:00", "10 June 2026, 14:00"), When("2026-06-10T16:00:00+02:00", "10 June 2026, 16:00"), ""),
        place="Town hall, Amstel 1",
        online=Link("https://example.org/stream", "https://example.org/stream"),
        organisers="Platform, City",
        topics=(Link("vocabularies/topics/#term-work", "Work"),),
        calendar=Link("seminars/talk.ics", "Add to your calendar (iCalendar)"),
        registration=Link("https://example.org/register", "Register"),
        summary=Markup("<p>A <em>talk</em>.</p>"),
        speakers=(Speaker("Ann", "City"), Speaker("Bo", None)),
        materials=(Link("https://example.org/slides", "Slides"),),
    )


def test_a_bare_seminar_has_no_sections_and_its_place_is_its_name():
    data = Data()
    data.seminar("talk", start="2026-06-10")
    view = page(data)
    assert view.toc == ()
    assert view.preview == "Talk: 10 June 2026, Town hall."
    assert view.structured["location"] == {"@type": "Place", "name": "Town hall"}
    assert view.structured["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert view.structured["organizer"] == {"@type": "Organization", "name": "the social enterprise platform"}
    assert view.period == Span(When("2026-06-10", "10 June 2026"), None, "")
    assert (view.place, view.online, view.organisers, view.registration, view.summary, view.speakers, view.materials) == (
        "Town hall",
        None,
        None,
        None,
        Markup(""),
        (),
        (),
    )


def test_an_online_seminar_has_no_place():
    data = Data()
    data.seminar("talk", location=None, online_url="https://example.org/stream")
    assert page(data).place is None


# -- the listing -----------------------------------------------------------------------------------------
def test_a_seminar_is_upcoming_until_its_day_has_passed():
    data = Data()
    data.seminar("today", start=TODAY)
    data.seminar("tonight", start="2026-06-01T23:30:00+02:00")
    data.seminar("yesterday", start=TODAY - dt.timedelta(days=1))
    catalog = data.catalog()
    assert [upcoming(catalog.get("seminar", s), TODAY) for s in ("today", "tonight", "yesterday")] == [True, True, False]


def test_a_day_sorts_before_the_times_of_that_day_and_times_sort_on_the_citys_clock():
    assert moment(dt.date(2026, 7, 1)) == (dt.date(2026, 7, 1), "")
    amsterdam = dt.timezone(dt.timedelta(hours=2))
    assert moment(dt.datetime(2026, 7, 1, 10, 0, tzinfo=amsterdam)) == (dt.date(2026, 7, 1), "10:00:00")
    assert moment(dt.datetime(2026, 7, 1, 8, 0, tzinfo=dt.UTC)) == (dt.date(2026, 7, 1), "10:00:00")


def test_the_order_does_not_depend_on_the_time_zone_of_the_machine_that_builds(monkeypatch):
    amsterdam = dt.timezone(dt.timedelta(hours=2))
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert moment(dt.datetime(2026, 7, 1, 10, 0, tzinfo=amsterdam)) == (dt.date(2026, 7, 1), "10:00:00")
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_seminar_just_after_midnight_comes_before_one_that_evening():
    data = Data()
    data.seminar("a-evening", start="2026-07-01T20:00:00+02:00")
    data.seminar("b-night", start="2026-07-01T01:00:00+02:00")
    data.seminar("c-old-evening", start="2025-07-01T20:00:00+02:00")
    data.seminar("d-old-night", start="2025-07-01T01:00:00+02:00")
    view = seminars_view(data.catalog())
    assert ([c.marker for c in view.upcoming], [c.marker for c in view.past]) == (
        ["seminar:b-night", "seminar:a-evening"],
        ["seminar:c-old-evening", "seminar:d-old-night"],
    )


def test_upcoming_seminars_soonest_first_and_past_ones_latest_first_with_days_and_times_mixed():
    data = Data()
    data.seminar("a-late", start="2026-07-01T14:00:00+02:00")
    data.seminar("b-all-day", start="2026-07-01")
    data.seminar("c-early-local", start="2026-07-01T10:00:00+02:00")
    data.seminar("d-nine-utc", start="2026-07-01T09:00:00+00:00")
    data.seminar("e-same-day", start="2026-07-01")
    data.seminar("f-today", start=TODAY)
    data.seminar("g-next-day", start="2026-07-02T08:00:00+02:00")
    data.seminar("p-old", start="2025-01-01T10:00:00+01:00")
    data.seminar("q-old-all-day", start="2025-01-01")
    data.seminar("r-recent", start="2026-05-31")
    view = seminars_view(data.catalog())
    assert [c.marker for c in view.upcoming] == [
        "seminar:f-today",
        "seminar:b-all-day",
        "seminar:e-same-day",
        "seminar:c-early-local",
        "seminar:d-nine-utc",
        "seminar:a-late",
        "seminar:g-next-day",
    ]
    assert [c.marker for c in view.past] == ["seminar:r-recent", "seminar:p-old", "seminar:q-old-all-day"]
    assert view.count == 10


def test_the_listing_shows_each_seminars_date_and_the_calendar_to_subscribe_to():
    data = Data()
    data.seminar("talk", title="Talk", start="2026-07-01T14:00:00+02:00", example=True)
    data.seminar("old", title="Old", start="2025-01-01")
    view = seminars_view(data.catalog())
    assert (view.title, view.toc) == ("Seminars", (Section("upcoming", "Upcoming"), Section("past", "Past")))
    assert view.upcoming == (SeminarCard("seminar:talk", Link("seminars/talk/", "Talk"), True, "1 July 2026, 14:00"),)
    assert view.past == (SeminarCard("seminar:old", Link("seminars/old/", "Old"), False, "1 January 2025"),)
    assert view.calendar == Link("seminars/calendar.ics", "Subscribe to the calendar (iCalendar)")


def test_an_empty_listing_still_has_both_sections():
    view = seminars_view(Data().catalog())
    assert (view.upcoming, view.past, view.count) == ((), (), 0)
    assert view.toc == (Section("upcoming", "Upcoming"), Section("past", "Past"))
