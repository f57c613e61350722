"""The ask tracker: every ask with its latest status, days since its last step, who holds the file
now; how many asks are at each status; and the filters with their counts."""

from __future__ import annotations

import datetime as dt

from catalogs import TODAY, Data, holding, step

from macros.showcase import Facet, FacetValue
from macros.views.base import Link, Status, When
from macros.views.lobby import PostHolders
from macros.views.tracker import TrackerRow, TrackerView, tracker_view

BOB = Link("lobby/officials/bob/", "Bob")
ALDERMAN = Link("lobby/posts/alderman/", "Alderman")
COUNCIL = Link("lobby/posts/council-seat/", "Council Seat")


def lobby_data() -> Data:
    data = Data()
    data.vocabulary("topics", entries=[{"id": "work", "label": "Work"}, {"id": "care", "label": "Care"}])
    data.post("alderman")
    data.post("council-seat")
    data.official("ann", memberships=[holding("alderman", "2020-01-01", "2023-12-31")])
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    return data


def tracker(data: Data) -> TrackerView:
    return tracker_view(data.catalog())


def test_a_row_shows_the_ask_its_latest_step_days_since_and_who_holds_the_file_now():
    data = lobby_data()
    data.position(
        "p",
        topics=["work", "care"],
        targets=["alderman", "council-seat"],
        last_reviewed=TODAY - dt.timedelta(days=366),
        asks=[{"id": "a", "text": "Do it.", "history": [step("2023-03-01", "asked"), step(TODAY - dt.timedelta(days=10), "acknowledged")]}],
    )
    assert tracker(data).rows == (
        TrackerRow(
            key="p#a",
            filters=(("status", "acknowledged"), ("post", "alderman council-seat"), ("topic", "work care")),
            ask=Link("lobby/positions/p/#ask-a", "Do it."),
            position=Link("lobby/positions/p/", "P"),
            review_due=True,
            position_status=None,
            status=Status("acknowledged", "acknowledged"),
            last=When("2026-05-22", "22 May 2026"),
            days_since="10",
            holders=(PostHolders(ALDERMAN, (BOB,)), PostHolders(COUNCIL, ())),
        ),
    )


def test_a_drafted_ask_has_no_last_step_and_no_days_since():
    data = lobby_data()
    data.position("p")
    (row,) = tracker(data).rows
    assert (row.key, row.status, row.last, row.days_since, row.filters) == (
        "p#first",
        Status("drafted", "drafted"),
        None,
        "",
        (("status", "drafted"), ("post", ""), ("topic", "")),
    )


def test_days_since_a_step_dated_today_or_later_is_zero_never_negative():
    data = lobby_data()
    data.position(
        "p",
        asks=[
            {"id": "today", "text": "x", "history": [step(TODAY, "asked")]},
            {"id": "later", "text": "x", "history": [step(TODAY + dt.timedelta(days=3), "asked")]},
            {"id": "yesterday", "text": "x", "history": [step(TODAY - dt.timedelta(days=1), "asked")]},
        ],
    )
    assert [r.days_since for r in tracker(data).rows] == ["0", "0", "1"]


def test_a_position_no_longer_active_shows_its_status_and_is_never_due_for_review():
    data = lobby_data()
    data.position("p", status="achieved", last_reviewed=TODAY - dt.timedelta(days=900))
    data.position("q", last_reviewed=TODAY - dt.timedelta(days=365))
    p, q = tracker(data).rows
    assert (p.position_status, p.review_due) == (Status("achieved", "achieved"), False)
    assert (q.position_status, q.review_due) == (None, False)


def test_the_tracker_clips_asks_to_100_characters():
    data = lobby_data()
    data.position("p", asks=[{"id": "long", "text": "a" * 95 + " bcdef"}, {"id": "fits", "text": "a" * 95 + " bcde"}])
    assert [r.ask for r in tracker(data).rows] == [Link("lobby/positions/p/#ask-long", "a" * 95 + "…"), Link("lobby/positions/p/#ask-fits", "a" * 95 + " bcde")]


def test_counts_list_every_status_in_lifecycle_order_zero_included():
    data = lobby_data()
    data.position(
        "p",
        asks=[
            {"id": "a", "text": "x"},
            {"id": "b", "text": "x", "history": [step("2025-01-01", "asked"), step("2025-02-01", "delivered")]},
            {"id": "c", "text": "x", "history": [step("2025-01-01", "delivered")]},
        ],
    )
    data.position("q", status="dropped", asks=[{"id": "d", "text": "x", "history": [step("2025-01-01", "refused")]}])
    assert tracker(data).counts == (
        (Status("drafted", "drafted"), 1),
        (Status("asked", "asked"), 0),
        (Status("acknowledged", "acknowledged"), 0),
        (Status("committed", "committed"), 0),
        (Status("delivered", "delivered"), 2),
        (Status("refused", "refused"), 1),
    )


def test_facets_count_asks_by_latest_status_targeted_post_and_topic():
    data = lobby_data()
    data.position(
        "p",
        topics=["work", "care"],
        targets=["alderman", "council-seat"],
        asks=[{"id": "a", "text": "x", "history": [step("2025-01-01", "asked")]}, {"id": "b", "text": "x"}],
    )
    data.position("q", topics=["work"], targets=["alderman"], asks=[{"id": "c", "text": "x", "history": [step("2025-01-01", "delivered")]}])
    assert tracker(data).facets == (
        Facet("status", "Status", (FacetValue("asked", "asked", 1), FacetValue("delivered", "delivered", 1), FacetValue("drafted", "drafted", 1))),
        Facet("post", "Post", (FacetValue("alderman", "Alderman", 3), FacetValue("council-seat", "Council Seat", 2))),
        Facet("topic", "Topic", (FacetValue("care", "Care", 2), FacetValue("work", "Work", 3))),
    )


def test_the_tracker_is_a_wide_page_of_every_ask_of_every_position():
    data = lobby_data()
    data.position("p", asks=[{"id": "a", "text": "x"}, {"id": "b", "text": "y"}])
    data.position("q")
    view = tracker(data)
    assert (view.title, view.wide, view.toc, view.count) == ("Ask tracker", True, (), 3)
    assert [r.key for r in view.rows] == ["p#a", "p#b", "q#first"]
    assert view.lead == (
        "Every ask of every position: its latest status and when it was taken, the posts that hold the file and who holds them now. "
        "Asks whose position is past its review date are marked."
    )


def test_an_empty_tracker_still_counts_every_status():
    view = tracker(lobby_data())
    assert (view.rows, view.count) == ((), 0)
    assert [(s.key, n) for s, n in view.counts] == [("drafted", 0), ("asked", 0), ("acknowledged", 0), ("committed", 0), ("delivered", 0), ("refused", 0)]
