"""The lobby's rules: an ask's status, who holds a file when, what an official inherits, and a position's dossier."""

from __future__ import annotations

import datetime as dt

import pytest
from catalogs import TODAY, Data, holding, step

from macros import lobby
from macros.lobby import AskView
from macros.showcase import Facet, FacetValue

DAY = dt.timedelta(days=1)


def position(data: Data, position_id: str, *asks: tuple[str, list[dict]], **fields):
    """A position with the given (ask id, history) pairs, in that order."""
    return data.position(position_id, asks=[{"id": ask_id, "text": f"Do {ask_id}.", "history": history} for ask_id, history in asks], **fields)


def view(*history: dict, status: str = "active") -> AskView:
    found = position(Data(), "p", ("a", list(history)), status=status)
    return AskView(found, found.asks[0])


def names(views) -> list[tuple[str, str]]:
    return [(v.position.id, v.ask.id) for v in views]


def ids(records) -> list[str]:
    return [r.id for r in records]


def test_the_ask_lifecycle_in_order_and_the_closed_statuses():
    assert (lobby.ASK_STATES, lobby.CLOSED) == (("drafted", "asked", "acknowledged", "committed", "delivered", "refused"), ("delivered", "refused"))


# -- one ask -------------------------------------------------------------------------------


def test_an_ask_without_steps_is_drafted_with_no_last_step():
    ask = view()
    assert (ask.last, ask.status) == (None, "drafted")


def test_an_asks_status_is_its_latest_steps():
    ask = view(step("2025-01-01", "asked"), step("2025-02-01", "committed", note="Promised."))
    assert (ask.last.date, ask.last.note, ask.status) == (dt.date(2025, 2, 1), "Promised.", "committed")


@pytest.mark.parametrize(
    ("statuses", "position_status", "is_open"),
    [
        ((), "active", True),
        (("asked",), "active", True),
        (("asked", "acknowledged"), "active", True),
        (("committed",), "active", True),
        (("delivered",), "active", False),
        (("refused",), "active", False),
        (("delivered", "asked"), "active", True),
        (("asked",), "achieved", False),
        (("asked",), "dropped", False),
        ((), "dropped", False),
    ],
)
def test_an_ask_is_open_while_its_position_is_active_and_its_last_step_neither_delivered_nor_refused(statuses, position_status, is_open):
    ask = view(*(step(f"2025-0{i + 1}-01", s) for i, s in enumerate(statuses)), status=position_status)
    assert ask.is_open is is_open


@pytest.mark.parametrize(("last_step", "days"), [(TODAY - 10 * DAY, 10), (TODAY - DAY, 1), (TODAY, 0), (TODAY + 3 * DAY, 0)])
def test_days_since_the_latest_step_are_never_negative(last_step, days):
    assert view(step("2020-01-01", "asked"), step(last_step, "acknowledged")).days_since(TODAY) == days


def test_an_ask_without_steps_has_no_days_since():
    assert view().days_since(TODAY) is None


def test_an_asks_anchor_is_its_id():
    assert view().anchor == "ask-a"


# -- every ask -----------------------------------------------------------------------------


def test_every_ask_comes_in_position_id_then_written_order():
    data = Data()
    position(data, "wages", ("zeta", []), ("alpha", []))
    position(data, "buying", ("first", []))
    assert names(lobby.asks(data.catalog())) == [("buying", "first"), ("wages", "zeta"), ("wages", "alpha")]


def test_the_asks_of_given_positions_are_only_theirs_in_the_given_order():
    data = Data()
    wages = position(data, "wages", ("zeta", []))
    buying = position(data, "buying", ("first", []))
    catalog = data.catalog()
    assert (names(lobby.asks(catalog, [wages, buying])), lobby.asks(catalog, [])) == ([("wages", "zeta"), ("buying", "first")], [])


# -- review --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last_reviewed", "status", "due"),
    [
        (TODAY - 365 * DAY, "active", False),
        (TODAY - 366 * DAY, "active", True),
        (TODAY, "active", False),
        (TODAY - 1000 * DAY, "achieved", False),
        (TODAY - 1000 * DAY, "dropped", False),
    ],
)
def test_an_active_position_is_due_for_review_more_than_a_year_after_its_last_review(last_reviewed, status, due):
    data = Data()
    found = data.position("wages", last_reviewed=last_reviewed, status=status)
    assert lobby.review_due(data.catalog(), found) is due


@pytest.mark.parametrize(("days_ago", "due"), [(30, False), (31, True)])
def test_the_review_period_can_be_given_in_days(days_ago, due):
    data = Data()
    found = data.position("wages", last_reviewed=TODAY - days_ago * DAY)
    assert lobby.review_due(data.catalog(), found, days=30) is due


# -- an official's files -------------------------------------------------------------------


def alderman_with_files() -> tuple[Data, object]:
    """Anna holds the alderman's post now and held the council seat before; positions target both."""
    data = Data()
    data.post("alderman")
    data.post("council")
    anna = data.official("anna", memberships=[holding("council", "2010-01-01", TODAY - DAY), holding("alderman", TODAY)])
    position(
        data,
        "wages",
        ("paid", [step("2025-05-01", "asked"), step("2026-01-01", "delivered")]),
        ("asked", [step("2025-01-01", "asked")]),
        ("drafted", []),
        ("raised", [step("2025-12-31", "delivered")]),
        targets=["alderman"],
    )
    position(
        data,
        "buying",
        ("promised", [step("2026-03-01", "committed")]),
        ("no", [step("2026-05-01", "refused")]),
        ("bought", [step("2026-04-01", "delivered")]),
        targets=["alderman"],
    )
    position(data, "housing", ("homes", [step("2026-05-30", "delivered")]), targets=["council"])
    position(data, "won", ("done", [step("2026-05-29", "asked")]), targets=["alderman"], status="achieved")
    return data, anna


def test_an_officials_asks_are_those_of_posts_held_now_open_first_then_most_recent():
    data, anna = alderman_with_files()
    assert names(lobby.asks_for_official(data.catalog(), anna)) == [
        ("buying", "promised"),
        ("wages", "asked"),
        ("wages", "drafted"),
        ("won", "done"),
        ("buying", "no"),
        ("buying", "bought"),
        ("wages", "paid"),
        ("wages", "raised"),
    ]


def test_an_official_holding_no_post_now_has_no_asks():
    data = Data()
    data.post("council")
    bert = data.official("bert", memberships=[holding("council", "2010-01-01", "2014-01-01")])
    position(data, "housing", ("homes", []), targets=["council"])
    assert lobby.asks_for_official(data.catalog(), bert) == []


def test_asks_delivered_on_or_after_a_day_are_the_officials_to_thank_newest_first():
    data, anna = alderman_with_files()
    assert names(lobby.delivered_since(data.catalog(), anna, dt.date(2026, 1, 1))) == [("buying", "bought"), ("wages", "paid")]


def test_no_ask_is_delivered_since_a_day_after_the_last_delivery():
    data, anna = alderman_with_files()
    assert lobby.delivered_since(data.catalog(), anna, dt.date(2026, 4, 2)) == []


def test_a_step_names_who_held_each_targeted_post_that_day_in_target_order():
    data = Data()
    data.post("alderman", title="Alderman")
    data.post("council", title="Council")
    data.official("anna", memberships=[holding("council", "2020-01-01"), holding("alderman", "2020-01-01", "2024-12-31")])
    data.official("bert", memberships=[holding("council", "2018-01-01"), holding("alderman", "2025-01-01")])
    found = position(data, "wages", ("paid", [step("2024-12-31", "asked"), step("2025-01-01", "committed")]), targets=["council", "alderman"])
    catalog = data.catalog()
    [before, after] = found.asks[0].history
    assert [[(post.id, ids(holders)) for post, holders in lobby.holders_at_step(catalog, found, s)] for s in (before, after)] == [
        [("council", ["bert", "anna"]), ("alderman", ["anna"])],
        [("council", ["bert", "anna"]), ("alderman", ["bert"])],
    ]


def test_a_position_targeting_no_post_names_no_holders():
    data = Data()
    found = position(data, "wages", ("paid", [step("2025-01-01", "asked")]))
    assert lobby.holders_at_step(data.catalog(), found, found.asks[0].history[0]) == []


# -- last contact --------------------------------------------------------------------------


def contacts() -> Data:
    data = Data()
    for official_id in ("anna", "bert", "carl"):
        data.official(official_id, memberships=[holding("council", "2010-01-01")])
    data.post("council")
    position(
        data,
        "wages",
        ("paid", [step("2025-01-01", "asked", ("anna",)), step("2025-06-01", "acknowledged", ("bert",)), step("2025-08-01", "committed", ("bert",))]),
    )
    position(data, "buying", ("local", [step("2025-03-01", "asked", ("bert", "anna"), note="first")]), ("fair", [step("2025-03-01", "asked", ("anna",))]))
    return data


def test_an_officials_last_contact_is_the_most_recent_step_naming_them():
    catalog = contacts().catalog()
    found = lobby.last_contact(catalog, catalog.get("official", "bert"))
    assert ((found.ask.position.id, found.ask.ask.id), found.date, found.kind, found.status) == (("wages", "paid"), dt.date(2025, 8, 1), "step", "committed")


def test_of_a_days_steps_naming_an_official_the_last_contact_is_the_first_in_page_order():
    catalog = contacts().catalog()
    found = lobby.last_contact(catalog, catalog.get("official", "anna"))
    assert ((found.ask.position.id, found.ask.ask.id), found.date, found.note) == (("buying", "local"), dt.date(2025, 3, 1), "first")


def meeting(day: str, **more) -> dict:
    return {"date": day, "kind": "meeting", "source": "https://example.org/agenda", **more}


def test_a_contact_recorded_on_the_official_or_a_position_is_a_contact_and_the_newest_is_the_last():
    data = contacts()
    data.official("bert", memberships=[holding("council", "2010-01-01")], contacts=[meeting("2025-09-01", note="Coffee in the town hall.")])
    catalog = data.catalog()
    found = lobby.last_contact(catalog, catalog.get("official", "bert"))
    assert (found.date, found.kind, found.note, found.ask, found.position) == (dt.date(2025, 9, 1), "meeting", "Coffee in the town hall.", None, None)
    data.position("later", contacts=[{**meeting("2025-10-01"), "kind": "letter", "officials": ["bert"]}])
    catalog = data.catalog()
    found = lobby.last_contact(catalog, catalog.get("official", "bert"))
    assert (found.date, found.kind, found.position.id) == (dt.date(2025, 10, 1), "letter", "later")


def test_a_step_comes_before_a_recorded_contact_of_the_same_day():
    data = contacts()
    data.official("bert", memberships=[holding("council", "2010-01-01")], contacts=[meeting("2025-08-01")])
    catalog = data.catalog()
    assert lobby.last_contact(catalog, catalog.get("official", "bert")).kind == "step"


def test_contacts_with_an_official_are_theirs_and_those_positions_record_naming_them_newest_first():
    data = contacts()
    data.official("bert", memberships=[holding("council", "2010-01-01")], contacts=[meeting("2025-01-01"), meeting("2025-05-01")])
    data.position("p", contacts=[{**meeting("2025-03-01"), "officials": ["bert"]}, {**meeting("2025-04-01"), "officials": ["anna"]}])
    catalog = data.catalog()
    found = lobby.contacts_with(catalog, catalog.get("official", "bert"))
    assert [(c.date.isoformat(), c.position.id if c.position else None) for c in found] == [("2025-05-01", None), ("2025-03-01", "p"), ("2025-01-01", None)]
    assert lobby.contacts_with(catalog, catalog.get("official", "carl")) == []


def test_an_official_no_step_names_has_no_last_contact():
    catalog = contacts().catalog()
    assert lobby.last_contact(catalog, catalog.get("official", "carl")) is None


# -- relevance -----------------------------------------------------------------------------


def relevant_data(with_topics: bool = True) -> tuple[Data, object]:
    """Anna holds the alderman's post (work, care, an unknown topic) and a seat for noord now; she held one for zuid."""
    data = Data()
    if with_topics:
        data.vocabulary(
            "topics",
            entries=[
                {"id": "work", "label": "Work", "sectors": ["food", "textile"]},
                {"id": "care", "label": "Care", "sectors": ["care"]},
                {"id": "housing", "label": "Housing", "sectors": ["construction"]},
                {"id": "parks", "label": "Parks"},
            ],
        )
    data.post("alderman", portfolio=["work", "care", "unknown", "parks"])
    data.post("noord-seat", district="noord")
    data.post("zuid-seat", district="zuid", portfolio=["housing"])
    anna = data.official("anna", memberships=[holding("zuid-seat", "2010-01-01", TODAY - DAY), holding("alderman", TODAY), holding("noord-seat", "2020-01-01")])
    return data, anna


def test_an_officials_relevance_is_the_districts_and_portfolio_sectors_of_the_posts_they_hold_now():
    data, anna = relevant_data()
    assert lobby.relevance(data.catalog(), anna) == ({"noord"}, {"food", "textile", "care"})


def test_without_a_topics_vocabulary_a_portfolio_covers_no_sector():
    data, anna = relevant_data(with_topics=False)
    assert lobby.relevance(data.catalog(), anna) == ({"noord"}, set())


def test_an_official_holding_no_post_now_has_no_relevance():
    data = Data()
    data.post("noord-seat", district="noord", portfolio=["work"])
    bert = data.official("bert", memberships=[holding("noord-seat", "2010-01-01", "2014-01-01")])
    assert lobby.relevance(data.catalog(), bert) == (set(), set())


def test_relevant_enterprises_match_a_district_or_a_sector_both_first_then_district_then_sector_then_by_name():
    data, anna = relevant_data()
    data.enterprise("zz-both", name="bakery", district="noord", sector="food")
    data.enterprise("aa-both", name="Zeta", district="noord", sector="care")
    data.enterprise("district", name="Zulu", district="noord", sector="metal")
    data.enterprise("sector", name="Alpha", district="west", sector="textile")
    data.enterprise("neither", name="Aaa", district="zuid", sector="construction")
    assert ids(lobby.relevant_enterprises(data.catalog(), anna)) == ["zz-both", "aa-both", "district", "sector"]


def test_relevant_enterprises_with_the_same_name_come_by_id():
    data, anna = relevant_data()
    data.enterprise("mill", name="Same", district="noord")
    data.enterprise("bakery", name="same", district="noord")
    data.enterprise("elsewhere", name="Elsewhere", district="zuid", sector="metal")
    assert ids(lobby.relevant_enterprises(data.catalog(), anna)) == ["bakery", "mill"]


def test_relevant_enterprises_sort_by_lowercased_name_so_brackets_come_before_letters():
    data, anna = relevant_data()
    data.enterprise("alpha", name="Alpha", district="noord")
    data.enterprise("re-store", name="[Re]Store", district="noord")
    data.enterprise("elsewhere", name="Elsewhere", district="zuid", sector="metal")
    assert ids(lobby.relevant_enterprises(data.catalog(), anna)) == ["re-store", "alpha"]


def test_an_official_holding_no_post_now_has_no_relevant_enterprises():
    data = Data()
    data.post("noord-seat", district="noord")
    bert = data.official("bert", memberships=[holding("noord-seat", "2010-01-01", "2014-01-01")])
    data.enterprise("bakery", district="noord")
    assert lobby.relevant_enterprises(data.catalog(), bert) == []


# -- the dossier ---------------------------------------------------------------------------


def entries(found) -> list[tuple[dt.date, str, str, str | None]]:
    """Dossier entries as (date, what, record id, the step's status or the milestone's title)."""
    return [(day, what, record.id, getattr(detail, "status", None) or getattr(detail, "title", None)) for day, what, record, detail in found]


def test_a_dossier_is_steps_milestones_and_seminars_by_date_then_kind_then_id():
    data = Data()
    wages = position(
        data,
        "wages",
        ("d-zeta", [step("2025-03-01", "asked")]),
        ("c-alpha", [step("2025-01-01", "asked"), step("2025-03-01", "committed")]),
        topics=["work", "care"],
    )
    data.campaign("b-week", positions=["wages"], milestones=[{"date": "2025-03-01", "title": "Launch"}, {"date": "2025-02-01", "title": "Plan"}])
    data.campaign("a-other", positions=["buying"], milestones=[{"date": "2025-03-01", "title": "Elsewhere"}])
    data.seminar("a-expo", topics=["work"], start="2025-03-01T23:30:00")
    data.seminar("a-fair", topics=["care", "housing"], start="2025-02-01")
    data.seminar("a-homes", topics=["housing"], start="2025-02-01")
    data.seminar("a-plain", start="2025-02-01")
    assert entries(lobby.dossier(data.catalog(), wages)) == [
        (dt.date(2025, 1, 1), "step", "c-alpha", "asked"),
        (dt.date(2025, 2, 1), "milestone", "b-week", "Plan"),
        (dt.date(2025, 2, 1), "seminar", "a-fair", None),
        (dt.date(2025, 3, 1), "step", "c-alpha", "committed"),
        (dt.date(2025, 3, 1), "step", "d-zeta", "asked"),
        (dt.date(2025, 3, 1), "milestone", "b-week", "Launch"),
        (dt.date(2025, 3, 1), "seminar", "a-expo", None),
    ]


def test_a_dossier_entry_keeps_the_record_and_the_step_or_milestone_itself():
    data = Data()
    wages = position(data, "wages", ("paid", [step("2025-01-01", "asked")]), topics=["work"])
    week = data.campaign("week", positions=["wages"], milestones=[{"date": "2025-02-01", "title": "Launch"}])
    expo = data.seminar("expo", topics=["work"], start="2025-03-01")
    assert lobby.dossier(data.catalog(), wages) == [
        (dt.date(2025, 1, 1), "step", wages.asks[0], wages.asks[0].history[0]),
        (dt.date(2025, 2, 1), "milestone", week, week.milestones[0]),
        (dt.date(2025, 3, 1), "seminar", expo, None),
    ]


def test_a_position_without_steps_campaigns_or_topics_has_an_empty_dossier():
    data = Data()
    wages = position(data, "wages", ("paid", []))
    data.seminar("expo", topics=["work"])
    data.seminar("plain")
    assert lobby.dossier(data.catalog(), wages) == []


# -- briefings -----------------------------------------------------------------------------


def test_a_briefings_topics_are_the_current_posts_portfolios_and_the_topics_of_positions_targeting_them():
    data, anna = relevant_data()
    data.position("wages", targets=["alderman"], topics=["pay"])
    data.position("seats", targets=["noord-seat"], topics=["parks", "transport"])
    data.position("homes", targets=["zuid-seat"], topics=["housing", "rent"])
    assert lobby.briefing_topics(data.catalog(), anna) == {"work", "care", "unknown", "parks", "pay", "transport"}


def test_an_official_holding_no_post_now_has_no_briefing_topics():
    data = Data()
    data.post("council", portfolio=["work"])
    bert = data.official("bert", memberships=[holding("council", "2010-01-01", "2014-01-01")])
    data.position("wages", targets=["council"], topics=["pay"])
    assert lobby.briefing_topics(data.catalog(), bert) == set()


def test_the_manifesto_articles_for_some_topics_are_those_sharing_one_in_written_order():
    data = Data()
    data.manifesto(
        articles=[
            {"id": "work", "heading": "Work", "text": "Work for all.", "topics": ["work", "pay"]},
            {"id": "homes", "heading": "Homes", "text": "Homes for all.", "topics": ["housing"]},
            {"id": "plain", "heading": "Plain", "text": "No topic."},
            {"id": "care", "heading": "Care", "text": "Care for all.", "topics": ["care"]},
        ]
    )
    catalog = data.catalog()
    assert [a.id for a in lobby.manifesto_articles_for(catalog, {"care", "pay"})] == ["work", "care"]
    assert lobby.manifesto_articles_for(catalog, set()) == []


def test_without_a_manifesto_no_article_is_for_any_topic():
    assert lobby.manifesto_articles_for(Data().catalog(), {"work"}) == []


# -- the tracker ---------------------------------------------------------------------------


def tracked() -> Data:
    data = Data()
    data.vocabulary("topics", entries=[{"id": "work", "label": "Work and income"}])
    data.post("alderman", title="Alderman for work")
    data.post("council", title="City council")
    position(
        data,
        "wages",
        ("paid", [step("2025-01-01", "asked"), step("2025-02-01", "delivered")]),
        ("more", [step("2025-01-01", "asked")]),
        ("new", []),
        targets=["council", "alderman"],
        topics=["work", "pay"],
    )
    position(data, "buying", ("local", [step("2025-01-01", "asked")]), targets=["council"])
    return data


def test_status_counts_list_every_status_in_lifecycle_order_zero_included():
    data = tracked()
    assert list(lobby.status_counts(lobby.asks(data.catalog())).items()) == [
        ("drafted", 1),
        ("asked", 2),
        ("acknowledged", 0),
        ("committed", 0),
        ("delivered", 1),
        ("refused", 0),
    ]


def test_no_asks_count_zero_at_every_status():
    assert lobby.status_counts([]) == dict.fromkeys(lobby.ASK_STATES, 0)


def test_the_tracker_filters_by_status_post_and_topic_counting_asks():
    data = tracked()
    catalog = data.catalog()
    assert lobby.tracker_facets(catalog, lobby.asks(catalog)) == [
        Facet("status", "Status", (FacetValue("asked", "asked", 2), FacetValue("delivered", "delivered", 1), FacetValue("drafted", "drafted", 1))),
        Facet("post", "Post", (FacetValue("alderman", "Alderman for work", 3), FacetValue("council", "City council", 4))),
        Facet("topic", "Topic", (FacetValue("pay", "pay", 3), FacetValue("work", "Work and income", 3))),
    ]


def test_the_tracker_over_no_asks_has_empty_filters():
    assert lobby.tracker_facets(Data().catalog(), []) == [Facet("status", "Status", ()), Facet("post", "Post", ()), Facet("topic", "Topic", ())]


def test_a_topic_whose_sectors_hold_every_enterprises_sector_singles_out_no_one():
    data, anna = relevant_data()
    data.vocabulary("topics", entries=[{"id": "work", "label": "Work", "sectors": ["food", "care"]}, {"id": "care", "label": "Care", "sectors": ["care"]}])
    data.enterprise("a", district="zuid", sector="food")
    data.enterprise("b", district="zuid", sector="care")
    assert lobby.portfolio(data.catalog(), anna).topics == (("care", frozenset({"care"})),)
    assert ids(lobby.relevant_enterprises(data.catalog(), anna)) == ["b"]


def test_an_official_whose_posts_match_every_enterprise_singles_out_none_unless_there_is_only_one():
    data, anna = relevant_data()
    data.enterprise("a", district="noord", sector="metal")
    assert ids(lobby.relevant_enterprises(data.catalog(), anna)) == ["a"]  # one enterprise: a list of one is a list
    data.enterprise("b", district="noord", sector="metal")
    catalog = data.catalog()
    assert (lobby.covers_everyone(catalog, anna), lobby.relevant_enterprises(catalog, anna), ids(lobby.matching_enterprises(catalog, anna))) == (
        True,
        [],
        ["a", "b"],
    )
