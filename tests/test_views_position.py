"""A position's page: who held each targeted post on the day of each step, each ask's status and
text, its evidence and dossier, its table of contents; and the positions listing."""

from __future__ import annotations

import datetime as dt

from catalogs import TODAY, Data, holding, step
from markupsafe import Markup

from macros.views.base import Citation, Feed, Link, Section, Site, Status, When
from macros.views.lobby import PostHolders, Step, post_holders, status
from macros.views.position import (
    Ask,
    ContactLine,
    DecisionLine,
    DossierEntry,
    Evidence,
    Moment,
    PositionCard,
    PositionView,
    position_view,
    positions_view,
)

ANN = Link("lobby/officials/ann/", "Ann")
BOB = Link("lobby/officials/bob/", "Bob")
ALDERMAN = Link("lobby/posts/alderman/", "Alderman")
COUNCIL = Link("lobby/posts/council-seat/", "Council Seat")
SOURCE = Link("https://example.org/minutes", "Source")


def longer_than(limit: int) -> str:
    """A text one character longer than `limit`; clipped to `limit` it reads "aaa…"."""
    return "a" * (limit - 5) + " bcdef"


def clipped(limit: int) -> str:
    return "a" * (limit - 5) + "…"


def lobby_data() -> Data:
    """The alderman's post passed from Ann to Bob at the new year of 2024; the council seat is vacant."""
    data = Data()
    data.post("alderman")
    data.post("council-seat")
    data.official("ann", memberships=[holding("alderman", "2020-01-01", "2023-12-31")])
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    return data


def one_ask(text: str = "Do it.", history=()) -> list[dict]:
    return [{"id": "a", "text": text, "history": list(history)}]


def view_of(data: Data, position_id: str = "p", site: Site | None = None) -> PositionView:
    catalog = data.catalog()
    position = catalog.get("position", position_id)
    return position_view(catalog, position) if site is None else position_view(catalog, position, site)


# -- who held the file ---------------------------------------------------------------------------
def test_each_step_names_who_held_each_targeted_post_on_its_day_and_nobody_for_a_vacant_post():
    data = lobby_data()
    history = [
        step("2019-12-31", "asked"),
        step("2023-12-31", "acknowledged", officials=("ann",), note="Met at the town hall"),
        step("2024-01-01", "committed", officials=("ann", "bob"), note="In writing."),
    ]
    data.position("p", targets=["alderman", "council-seat"], asks=one_ask(history=history))
    (ask,) = view_of(data).asks
    assert tuple(m.step for m in ask.timeline) == (
        Step(Status("asked", "asked"), When("2019-12-31", "31 December 2019"), None, (), SOURCE, (PostHolders(ALDERMAN, ()), PostHolders(COUNCIL, ()))),
        Step(
            Status("acknowledged", "acknowledged"),
            When("2023-12-31", "31 December 2023"),
            "Met at the town hall.",
            (ANN,),
            SOURCE,
            (PostHolders(ALDERMAN, (ANN,)), PostHolders(COUNCIL, ())),
        ),
        Step(
            Status("committed", "committed"),
            When("2024-01-01", "1 January 2024"),
            "In writing.",
            (ANN, BOB),
            SOURCE,
            (PostHolders(ALDERMAN, (BOB,)), PostHolders(COUNCIL, ())),
        ),
    )


def test_who_holds_the_file_is_who_holds_each_targeted_post_today():
    data = lobby_data()
    data.position("p", targets=["alderman", "council-seat"])
    assert view_of(data).targets == (PostHolders(ALDERMAN, (BOB,)), PostHolders(COUNCIL, ()))


def test_post_holders_on_a_day_lists_everyone_holding_the_post_that_day():
    data = lobby_data()
    data.official("cas", memberships=[holding("alderman", "2023-06-01", "2024-06-01")])
    catalog = data.catalog()
    cas = Link("lobby/officials/cas/", "Cas")
    assert post_holders(catalog, "alderman", dt.date(2023, 12, 31)) == PostHolders(ALDERMAN, (ANN, cas))
    assert post_holders(catalog, "alderman", dt.date(2024, 6, 2)) == PostHolders(ALDERMAN, (BOB,))
    assert post_holders(catalog, "council-seat", TODAY) == PostHolders(COUNCIL, ())


# -- an ask ----------------------------------------------------------------------------------------
def test_an_ask_without_steps_is_drafted():
    data = lobby_data()
    data.position("p", asks=one_ask("Publish the figures."))
    assert view_of(data).asks == (Ask("ask-a", "Publish the figures.", None, Status("drafted", "drafted"), ()),)


def test_an_asks_status_is_its_latest_steps_status():
    data = lobby_data()
    data.position("p", asks=one_ask(history=[step("2025-01-01", "committed"), step("2025-02-01", "refused")]))
    (ask,) = view_of(data).asks
    assert ask.status == Status("refused", "refused")


def test_a_long_ask_is_clipped_in_its_heading_and_printed_in_full_beneath():
    data = lobby_data()
    data.position("p", asks=one_ask(longer_than(120)))
    (ask,) = view_of(data).asks
    assert (ask.headline, ask.full) == (clipped(120), Markup(f"<p>{longer_than(120)}</p>"))


def test_an_ask_that_fits_the_heading_is_not_repeated_beneath():
    data = lobby_data()
    text = "a" * 114 + " bcdef"
    assert len(text) == 120
    data.position("p", asks=one_ask(text))
    (ask,) = view_of(data).asks
    assert (ask.headline, ask.full) == (text, None)


def test_a_position_page_shows_only_its_own_asks():
    data = lobby_data()
    data.position("a-other", asks=one_ask("Not this one."))
    data.position("p", asks=one_ask("This one."))
    data.position("z-other", asks=one_ask("Nor this one."))
    assert [a.headline for a in view_of(data).asks] == ["This one."]


def test_status_badges_show_the_status_itself():
    assert status("committed") == Status("committed", "committed")


# -- evidence --------------------------------------------------------------------------------------
def monitor_2024(data: Data) -> Citation:
    data.monitoring(
        "2024",
        year=2024,
        source={"title": "Monitor 2024", "publisher": "City", "url": "https://example.org/m"},
        measures={"enterprises": 1200, "jobs_target_group": 7, "market_revenue_share": 45.5},
    )
    return Citation("https://example.org/m", "2024", "Monitor 2024", "https://example.org/m", "City", False)


def test_evidence_is_a_figure_with_its_value_as_published_and_its_source_an_article_or_a_link():
    data = lobby_data()
    cite = monitor_2024(data)
    items = [
        "monitoring:2024:jobs_target_group",
        "monitoring:2024:enterprises",
        "monitoring:2024:market_revenue_share",
        "knowledge/why-we-look-alike.md",
        {"title": "Report", "url": "https://example.org/report"},
    ]
    data.position("p", evidence=items)
    assert view_of(data).evidence == (
        Evidence(Link("monitor/2024/", "People of the target group at work, 2024"), "figure", "<10", cite),
        Evidence(Link("monitor/2024/", "Social enterprises, 2024"), "figure", "1,200", cite),
        Evidence(Link("monitor/2024/", "Share of revenue earned in the market, 2024"), "figure", "45.5%", cite),
        Evidence(Link("knowledge/why-we-look-alike/", "Why we look alike"), "article"),
        Evidence(Link("https://example.org/report", "Report"), "link"),
    )


def test_an_articles_evidence_takes_its_title_from_the_site():
    data = lobby_data()
    data.position("p", evidence=["knowledge/isomorphism.md"])
    site = Site(article_titles=(("knowledge/isomorphism.md", "Isomorphism: why all look alike"),))
    assert view_of(data, site=site).evidence == (Evidence(Link("knowledge/isomorphism/", "Isomorphism: why all look alike"), "article"),)


def test_a_figures_citation_falls_back_to_its_data_file_without_a_source_url():
    data = lobby_data()
    data.monitoring("2016", year=2016, example=True, measures={"moved_to_paid_work": 120})
    data.position("p", evidence=["monitoring:2016:moved_to_paid_work"])
    assert view_of(data).evidence == (
        Evidence(
            Link("monitor/2016/", "Moved on to paid work, 2016"),
            "figure",
            "120",
            Citation("data/monitoring/2016.yml", "2016", "Monitor 2016", None, None, True),
        ),
    )


# -- the dossier -----------------------------------------------------------------------------------
def test_the_dossier_lists_steps_milestones_and_seminars_on_its_topics_in_date_order():
    data = lobby_data()
    data.position(
        "p",
        topics=["work"],
        asks=[
            {"id": "a", "text": longer_than(80), "history": [step("2026-01-10", "asked")]},
            {"id": "b", "text": "Short.", "history": [step("2025-12-01", "asked"), step("2026-02-01", "delivered")]},
        ],
    )
    data.campaign("drive", positions=["p"], milestones=[{"date": "2026-01-10", "title": "Kick-off"}, {"date": "2025-11-01", "title": "Plan"}])
    data.campaign("other", milestones=[{"date": "2026-01-11", "title": "Not ours"}])
    data.seminar("talk", topics=["work"], start="2026-01-10T09:00:00+01:00")
    data.seminar("aside", topics=["care"], start="2026-01-12")
    day = When("2026-01-10", "10 January 2026")
    assert view_of(data).dossier == (
        DossierEntry(When("2025-11-01", "1 November 2025"), "milestone", Link("campaigns/drive/", "Drive"), "Plan", None),
        DossierEntry(When("2025-12-01", "1 December 2025"), "step", Link("lobby/positions/p/#ask-b", "Short."), None, Status("asked", "asked")),
        DossierEntry(day, "step", Link("lobby/positions/p/#ask-a", clipped(80)), None, Status("asked", "asked")),
        DossierEntry(day, "milestone", Link("campaigns/drive/", "Drive"), "Kick-off", None),
        DossierEntry(day, "seminar", Link("seminars/talk/", "Talk"), None, None),
        DossierEntry(When("2026-02-01", "1 February 2026"), "step", Link("lobby/positions/p/#ask-b", "Short."), None, Status("delivered", "delivered")),
    )


def test_a_dossier_step_shows_an_ask_that_fits_unclipped():
    data = lobby_data()
    text = "a" * 75 + " bcde"
    data.position("p", asks=[{"id": "a", "text": text, "history": [step("2026-01-10", "asked")]}])
    (entry,) = view_of(data).dossier
    assert entry.link == Link("lobby/positions/p/#ask-a", text)


# -- the whole page --------------------------------------------------------------------------------
def test_a_position_page_shows_everything_with_every_section():
    data = lobby_data()
    data.vocabulary("topics", entries=[{"id": "work", "label": "Work"}, {"id": "care", "label": "Care"}])
    data.position(
        "p",
        title="Buy social",
        summary="Cities buy from social enterprises.",
        topics=["work", "care"],
        targets=["alderman"],
        last_reviewed="2025-06-01",
        rationale="We **must**.",
        evidence=["knowledge/reserve.md"],
        asks=one_ask("Reserve contracts.", [step("2025-03-01", "asked")]),
        example=True,
    )
    data.campaign("drive", positions=["p"])
    data.campaign("b-drive", positions=["p"])
    when = When("2025-03-01", "1 March 2025")
    held = (PostHolders(ALDERMAN, (BOB,)),)
    assert view_of(data) == PositionView(
        title="Buy social",
        toc=(
            Section("targets", "Who holds the file"),
            Section("asks", "Asks"),
            Section("rationale", "Rationale"),
            Section("evidence", "Evidence"),
            Section("campaigns", "Campaigns using this position"),
            Section("dossier", "Dossier"),
        ),
        kind="position",
        record_id="p",
        example=True,
        source_path="data/positions/p.yml",
        preview="Cities buy from social enterprises.",
        summary="Cities buy from social enterprises.",
        status=Status("active", "active"),
        last_reviewed=When("2025-06-01", "1 June 2025"),
        review_due=False,
        topics=(Link("vocabularies/topics/#term-work", "Work"), Link("vocabularies/topics/#term-care", "Care")),
        targets=held,
        feeds=(Feed("lobby/positions/p/feed.xml", "Buy social: steps, decisions and contacts", "Follow this position"),),
        asks=(
            Ask("ask-a", "Reserve contracts.", None, Status("asked", "asked"), (Moment(step=Step(Status("asked", "asked"), when, None, (), SOURCE, held)),)),
        ),
        rationale=Markup("<p>We <strong>must</strong>.</p>"),
        evidence=(Evidence(Link("knowledge/reserve/", "Reserve"), "article"),),
        campaigns=(Link("campaigns/b-drive/", "B Drive"), Link("campaigns/drive/", "Drive")),
        dossier=(DossierEntry(when, "step", Link("lobby/positions/p/#ask-a", "Reserve contracts."), None, Status("asked", "asked")),),
        contacts=(),
    )
    assert view_of(data).wide is False


def test_a_position_without_targets_rationale_evidence_campaigns_or_steps_lists_only_its_asks():
    data = lobby_data()
    data.position("p")
    view = view_of(data)
    assert view.toc == (Section("asks", "Asks"),)
    assert (view.targets, view.rationale, view.evidence, view.campaigns, view.dossier, view.contacts) == ((), Markup(""), (), (), (), ())


def test_a_position_is_due_for_review_a_year_and_a_day_after_its_last_review():
    data = lobby_data()
    data.position("due", last_reviewed=TODAY - dt.timedelta(days=366))
    data.position("fresh", last_reviewed=TODAY - dt.timedelta(days=365))
    data.position("done", status="achieved", last_reviewed=TODAY - dt.timedelta(days=900))
    assert [view_of(data, p).review_due for p in ("due", "fresh", "done")] == [True, False, False]
    assert view_of(data, "done").status == Status("achieved", "achieved")


# -- the listing -----------------------------------------------------------------------------------
def test_the_positions_listing_counts_open_asks_and_marks_reviews_due():
    data = lobby_data()
    data.position(
        "a-open",
        last_reviewed=TODAY - dt.timedelta(days=400),
        example=True,
        asks=[
            {"id": "drafted", "text": "x"},
            {"id": "asked", "text": "x", "history": [step("2025-01-01", "asked")]},
            {"id": "done", "text": "x", "history": [step("2025-01-01", "delivered")]},
        ],
    )
    data.position(
        "b-one",
        asks=[{"id": "no", "text": "x", "history": [step("2025-01-01", "refused")]}, {"id": "yes", "text": "x", "history": [step("2025-01-01", "committed")]}],
    )
    data.position("c-achieved", status="achieved")
    view = positions_view(data.catalog())
    assert view.title == "Positions"
    assert view.count == 3
    assert view.cards == (
        PositionCard("position:a-open", Link("lobby/positions/a-open/", "A Open"), True, "Why a-open.", Status("active", "active"), "2 open asks", True),
        PositionCard("position:b-one", Link("lobby/positions/b-one/", "B One"), False, "Why b-one.", Status("active", "active"), "1 open ask", False),
        PositionCard(
            "position:c-achieved",
            Link("lobby/positions/c-achieved/", "C Achieved"),
            False,
            "Why c-achieved.",
            Status("achieved", "achieved"),
            "0 open asks",
            False,
        ),
    )
    assert view.toc == ()


# -- decisions on an ask, contacts ---------------------------------------------------------------------------------
def test_an_asks_timeline_puts_the_decisions_naming_it_among_its_steps_by_date_steps_first_on_a_shared_day():
    data = lobby_data()
    data.position("p", asks=one_ask(history=[step("2025-01-01", "asked"), step("2025-06-01", "committed")]))
    data.decision("motion", date="2025-03-01", asks=[{"position": "p", "ask": "a"}], source="https://example.org/motion")
    data.decision("letter", date="2025-06-01", outcome="promised", asks=[{"position": "p", "ask": "a"}])
    data.decision("other", date="2025-04-01", asks=[{"position": "q", "ask": "a"}])
    (ask,) = view_of(data).asks
    assert [(m.step.when.iso if m.step else None, m.decision.when.iso if m.decision else None) for m in ask.timeline] == [
        ("2025-01-01", None),
        (None, "2025-03-01"),
        ("2025-06-01", None),
        (None, "2025-06-01"),
    ]
    assert ask.timeline[1].decision == DecisionLine(
        When("2025-03-01", "1 March 2025"),
        Link("lobby/decisions/motion/", "Motion"),
        Status("adopted", "adopted"),
        Status("advances", "advances"),
        Link("https://example.org/motion", "source"),
    )
    dossier = view_of(data).dossier
    assert [(d.what, d.link.text) for d in dossier if d.what == "decision"] == [("decision", "Motion"), ("decision", "Letter")]
    assert dossier[1] == DossierEntry(
        When("2025-03-01", "1 March 2025"), "decision", Link("lobby/decisions/motion/", "Motion"), None, Status("adopted", "adopted")
    )


def test_contacts_about_a_position_are_listed_newest_first_with_the_officials_met():
    data = lobby_data()
    source = {"source": "https://example.org/agenda"}
    data.position(
        "p",
        contacts=[
            {"date": "2025-01-01", "kind": "letter", "officials": ["ann"], **source},
            {"date": "2025-05-01", "kind": "meeting", "officials": ["ann", "bob"], "note": "On the budget", **source},
        ],
    )
    view = view_of(data)
    assert view.contacts == (
        ContactLine(When("2025-05-01", "1 May 2025"), "meeting", (ANN, BOB), "On the budget.", Link("https://example.org/agenda", "source")),
        ContactLine(When("2025-01-01", "1 January 2025"), "letter", (ANN,), None, Link("https://example.org/agenda", "source")),
    )
    assert [s.id for s in view.toc] == ["asks", "contacts"]
