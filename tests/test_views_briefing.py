"""The briefing pack for a meeting with an official: open asks with their steps, what they delivered in
the last year, three key figures with their citations, at most eight enterprises, manifesto articles."""

from __future__ import annotations

import datetime as dt

from catalogs import TODAY, Data, holding, step

from macros.views.base import Citation, Figure, Link, Section, Site, When
from macros.views.briefing import BriefingAsk, BriefingView, Thanks, briefing_view, key_figures, span_text, step_lines
from macros.views.official import EnterpriseLine


def city() -> Data:
    data = Data()
    data.vocabulary("districts", entries=[{"id": "noord", "label": "North"}, {"id": "west", "label": "Amsterdam West"}, {"id": "zuid", "label": "South"}])
    data.vocabulary("sectors", entries=[{"id": "food", "label": "Food"}, {"id": "repair", "label": "Repair"}])
    data.vocabulary("topics", entries=[{"id": "work", "label": "Work", "sectors": ["repair"]}, {"id": "care", "label": "Care"}])
    data.vocabulary("parties", entries=[{"id": "green", "label": "Green Party"}])
    data.post("alderman", district="noord", portfolio=["work"])
    data.post("council-seat", body="council")
    return data


def briefing(data: Data, official_id: str = "bob", site: Site | None = None) -> BriefingView:
    catalog = data.catalog()
    official = catalog.get("official", official_id)
    return briefing_view(catalog, official) if site is None else briefing_view(catalog, official, site)


def figures(data: Data, official_id: str = "bob") -> tuple[Figure, ...]:
    catalog = data.catalog()
    return key_figures(catalog, catalog.get("official", official_id))


def cite(year: int, url: str | None = None, example: bool = False) -> Citation:
    return Citation(url or f"data/monitoring/{year}.yml", str(year), f"Monitor {year}", url, None, example)


def year(data: Data, number: int, example: bool = False, url: str | None = None, by_district=None, **measures) -> None:
    source = {"title": f"Monitor {number}", **({"url": url} if url else {})}
    data.monitoring(str(number), year=number, example=example, source=source, measures=measures, by_district=by_district or {})


# -- the whole briefing ---------------------------------------------------------------------------------
def test_a_briefing_shows_who_they_are_open_asks_deliveries_figures_enterprises_and_articles():
    data = city()
    data.official(
        "bob",
        party="green",
        contact={"email": "office@example.org", "phone": "+31 20 123 4567", "url": "https://example.org/bob"},
        memberships=[holding("alderman", "2024-01-01"), holding("council-seat", "2018-01-01", "2023-12-31")],
        example=True,
    )
    data.position(
        "p",
        title="Buy social",
        topics=["work"],
        targets=["alderman"],
        asks=[
            {"id": "open", "text": "Reserve contracts.", "history": [step("2025-01-10", "asked", officials=("bob",), note=" Warm welcome ")]},
            {"id": "drafted", "text": "Publish figures."},
            {"id": "done", "text": "Fund coaching.", "history": [step("2025-02-01", "asked"), step(TODAY - dt.timedelta(days=365), "delivered")]},
            {"id": "old", "text": "Old win.", "history": [step(TODAY - dt.timedelta(days=366), "delivered")]},
            {"id": "no", "text": "Refused.", "history": [step("2025-03-01", "refused")]},
        ],
    )
    data.position("elsewhere", targets=["council-seat"], asks=[{"id": "x", "text": "Not theirs."}])
    year(data, 2019, jobs_target_group=2720)
    year(
        data, 2025, example=True, url="https://example.org/m", jobs_target_group=3925, moved_to_paid_work=120, by_district={"noord": {"jobs_target_group": 800}}
    )
    data.enterprise("bakery", district="noord", sector="food")
    data.enterprise("fixers", district="zuid", sector="repair")
    data.enterprise("neither", district="zuid", sector="food")
    data.manifesto(
        articles=[
            {"id": "work", "heading": "Work for all", "text": "x", "topics": ["work"]},
            {"id": "care", "heading": "Care", "text": "x", "topics": ["care"]},
            {"id": "buy", "heading": "Buy social", "text": "x", "topics": ["work", "care"]},
        ]
    )
    site = Site(site_url="https://wise.example.org/")
    latest = cite(2025, "https://example.org/m", example=True)
    assert briefing(data, site=site) == BriefingView(
        title="Briefing: Bob",
        toc=(
            Section("who", "Who they are"),
            Section("open-asks", "Open asks (2)"),
            Section("delivered", "Delivered in the last year"),
            Section("figures", "Key figures"),
            Section("enterprises", "Enterprises in their district or portfolio"),
        ),
        kind="official",
        record_id="bob",
        example=True,
        source_path="data/officials/bob.yml",
        prepared=When("2026-06-01", "1 June 2026"),
        back=Link("lobby/officials/bob/", "Back to the official's page"),
        party="Green Party",
        posts=("Alderman (1 January 2024 – now)", "Council Seat (1 January 2018 – 31 December 2023)"),
        office="office@example.org, +31 20 123 4567",
        last_contact='10 January 2025: asked on "Reserve contracts."',
        open_asks=(
            BriefingAsk("Reserve contracts.", "Buy social", "https://wise.example.org/lobby/positions/p/#ask-open", ("10 January 2025: asked (Warm welcome)",)),
            BriefingAsk("Publish figures.", "Buy social", "https://wise.example.org/lobby/positions/p/#ask-drafted", ()),
        ),
        delivered=(Thanks("Fund coaching.", When("2025-06-01", "1 June 2025")),),
        figures=(
            Figure("people of the target group at work in social enterprises (2025)", "3,925", latest),
            Figure("moved on to paid work (2025)", "120", latest),
            Figure("at work in North (2025)", "800", latest),
        ),
        enterprises=(
            EnterpriseLine(Link("showcase/bakery/", "Bakery"), "Food", "North", ("district North",)),
            EnterpriseLine(Link("showcase/fixers/", "Fixers"), "Repair", "South", ("topic: Work",)),
        ),
        enterprises_total="2 enterprises",
        articles=("Work for all", "Buy social"),
    )


def test_a_briefing_for_an_official_with_nothing_on_file():
    data = city()
    data.official("bob", memberships=[holding("council-seat", "2018-01-01")])
    view = briefing(data)
    assert view.toc[1] == Section("open-asks", "Open asks (0)")
    assert (view.party, view.office, view.last_contact, view.open_asks, view.delivered, view.figures) == (None, None, "none recorded", (), (), ())
    assert (view.enterprises, view.enterprises_total, view.articles) == ((), "0 enterprises", ())


def test_the_address_of_an_ask_is_relative_without_a_site_url():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    data.position("p", targets=["alderman"])
    assert [a.address for a in briefing(data).open_asks] == ["lobby/positions/p/#ask-first"]


def test_the_office_line_has_only_the_contacts_given_and_is_empty_with_only_a_web_page():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")], contact={"phone": "+31 20 123 4567"})
    data.official("cas", memberships=[holding("alderman", "2024-01-01")], contact={"url": "https://example.org/cas"})
    assert (briefing(data, "bob").office, briefing(data, "cas").office) == ("+31 20 123 4567", None)


def test_open_asks_leave_out_closed_asks_and_positions_no_longer_active():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    data.position(
        "p",
        targets=["alderman"],
        asks=[
            {"id": "a", "text": "Committed.", "history": [step("2025-01-01", "committed")]},
            {"id": "b", "text": "Delivered.", "history": [step("2025-01-01", "delivered")]},
        ],
    )
    data.position("q", status="achieved", targets=["alderman"], asks=[{"id": "c", "text": "Achieved."}])
    view = briefing(data)
    assert [a.text for a in view.open_asks] == ["Committed."]
    assert view.toc[1] == Section("open-asks", "Open asks (1)")


def test_deliveries_of_the_last_365_days_are_thanked_newest_first():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    data.position(
        "p",
        targets=["alderman"],
        asks=[
            {"id": "edge", "text": "A year ago.", "history": [step(TODAY - dt.timedelta(days=365), "delivered")]},
            {"id": "late", "text": "Too long ago.", "history": [step(TODAY - dt.timedelta(days=366), "delivered")]},
            {"id": "new", "text": "Last month.", "history": [step("2026-05-01", "delivered")]},
            {"id": "no", "text": "Refused.", "history": [step("2026-05-02", "refused")]},
        ],
    )
    assert briefing(data).delivered == (Thanks("Last month.", When("2026-05-01", "1 May 2026")), Thanks("A year ago.", When("2025-06-01", "1 June 2025")))


def test_the_last_contact_line_clips_the_ask_to_90_characters():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    text = "a" * 85 + " bcdef"
    data.position("p", asks=[{"id": "a", "text": text, "history": [step("2025-01-01", "committed", officials=("bob",))]}])
    assert briefing(data).last_contact == '1 January 2025: committed on "' + "a" * 85 + '…"'


def test_at_most_eight_enterprises_district_matches_first_never_those_matching_neither():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    for i in range(1, 10):
        data.enterprise(f"d{i}", name=f"District {i}", district="noord", sector="food")
    data.enterprise("sector", name="Aardvark", district="zuid", sector="repair")
    data.enterprise("neither", name="Aa", district="zuid", sector="food")
    view = briefing(data)
    assert [e.link.text for e in view.enterprises] == [f"District {i}" for i in range(1, 9)]
    assert view.enterprises_total == "10 enterprises"


def test_eight_enterprises_all_fit():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    for i in range(1, 8):
        data.enterprise(f"d{i}", name=f"District {i}", district="noord", sector="food")
    data.enterprise("sector", name="Sector", district="zuid", sector="repair")
    data.enterprise("neither", name="Neither", district="zuid", sector="food")
    view = briefing(data)
    assert [e.link.text for e in view.enterprises][-1] == "Sector"
    assert view.enterprises_total == "8 enterprises"


def test_at_most_three_manifesto_articles_on_the_officials_topics():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    data.manifesto(articles=[{"id": f"a{i}", "heading": f"Article {i}", "text": "x", "topics": ["work"]} for i in range(1, 5)])
    assert briefing(data).articles == ("Article 1", "Article 2", "Article 3")


def test_articles_follow_the_topics_of_positions_targeting_the_official_too():
    data = city()
    data.official("bob", memberships=[holding("council-seat", "2024-01-01")])
    data.position("p", topics=["care"], targets=["council-seat"])
    data.manifesto(articles=[{"id": "w", "heading": "Work", "text": "x", "topics": ["work"]}, {"id": "c", "heading": "Care", "text": "x", "topics": ["care"]}])
    assert briefing(data).articles == ("Care",)


# -- steps and spans on one line -----------------------------------------------------------------------
def test_a_step_on_one_line_has_its_date_status_and_note():
    data = city()
    data.position("p", asks=[{"id": "a", "text": "x", "history": [step("2025-03-04", "acknowledged", note="  By letter "), step("2025-04-05", "committed")]}])
    history = data.catalog().get("position", "p").asks[0].history
    assert step_lines(history) == ("4 March 2025: acknowledged (By letter)", "5 April 2025: committed")


def test_a_long_history_lists_its_five_latest_steps_and_counts_the_rest():
    data = city()
    steps = [step(f"2025-0{m}-01", "asked") for m in range(1, 8)]
    data.position("p", asks=[{"id": "a", "text": "x", "history": steps}])
    history = data.catalog().get("position", "p").asks[0].history
    assert step_lines(history) == ("4 earlier steps on the position's page", "1 May 2025: asked", "1 June 2025: asked", "1 July 2025: asked")
    assert step_lines(history[:4])[0] == "1 earlier step on the position's page"
    assert len(step_lines(history[:3])) == 3


def test_a_long_note_is_clipped_to_keep_its_step_on_one_line():
    data = city()
    data.position(
        "p", asks=[{"id": "a", "text": "x", "history": [step("2025-03-04", "asked", note="word " * 40 + "end"), step("2025-03-05", "asked", note="w" * 70)]}]
    )
    long_note, exact = step_lines(data.catalog().get("position", "p").asks[0].history)
    assert len(long_note) <= len("4 March 2025: asked ()") + 70 and long_note.endswith("…)")
    assert exact == f"5 March 2025: asked ({'w' * 70})"


def test_a_span_on_one_line_ends_now_when_it_has_not_ended():
    assert span_text(dt.date(2024, 1, 1), None) == "1 January 2024 – now"
    assert span_text(dt.date(2018, 1, 1), dt.date(2023, 12, 31)) == "1 January 2018 – 31 December 2023"


# -- key figures -----------------------------------------------------------------------------------------
def test_no_monitor_years_no_key_figures():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    assert figures(data) == ()


def test_the_district_figure_is_of_the_first_of_the_officials_districts_the_monitor_counts():
    data = city()
    data.post("west-seat", district="west")
    data.post("zuid-seat", district="zuid")
    data.official("bob", memberships=[holding("alderman", "2024-01-01"), holding("west-seat", "2024-01-01"), holding("zuid-seat", "2024-01-01")])
    year(data, 2019, jobs_target_group=2000)
    year(data, 2025, jobs_target_group=3000, by_district={"zuid": {"jobs_target_group": 400}, "west": {"jobs_target_group": 5}})
    assert figures(data) == (
        Figure("people of the target group at work in social enterprises (2025)", "3,000", cite(2025)),
        Figure("at work in Amsterdam West (2025)", "<10", cite(2025)),
    )


def test_a_district_the_monitor_counts_without_people_at_work_falls_back_to_the_earliest_real_year():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    year(data, 2016, example=True, jobs_target_group=100)
    year(data, 2018, enterprises=40)
    year(data, 2019, jobs_target_group=2720)
    year(data, 2020, jobs_target_group=2800)
    year(data, 2025, moved_to_paid_work=7, by_district={"noord": {"enterprises": 12}})
    assert figures(data) == (
        Figure("moved on to paid work (2025)", "<10", cite(2025)),
        Figure("people of the target group at work (2019)", "2,720", cite(2019)),
    )


def test_a_district_the_monitor_does_not_count_falls_back_to_the_earliest_real_year():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    year(data, 2019, jobs_target_group=2720)
    year(data, 2025, jobs_target_group=3925, by_district={"west": {"jobs_target_group": 400}})
    assert figures(data)[1:] == (Figure("people of the target group at work (2019)", "2,720", cite(2019)),)


def test_the_latest_year_is_not_its_own_earlier_figure():
    data = city()
    data.official("bob", memberships=[holding("council-seat", "2024-01-01")])
    year(data, 2016, example=True, jobs_target_group=100)
    year(data, 2025, jobs_target_group=3925, moved_to_paid_work=0)
    assert figures(data) == (
        Figure("people of the target group at work in social enterprises (2025)", "3,925", cite(2025)),
        Figure("moved on to paid work (2025)", "0", cite(2025)),
    )


def test_an_official_whose_district_post_has_ended_gets_the_earliest_real_year():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2020-01-01", "2023-12-31")])
    year(data, 2019, jobs_target_group=2720)
    year(data, 2025, jobs_target_group=3925, by_district={"noord": {"jobs_target_group": 800}})
    assert figures(data)[-1] == Figure("people of the target group at work (2019)", "2,720", cite(2019))


def test_a_recorded_contact_can_be_the_last_contact_line():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")], contacts=[{"date": "2025-02-01", "kind": "call", "source": "https://example.org/c"}])
    data.position("p", title="Buy social", contacts=[{"date": "2025-03-01", "kind": "meeting", "officials": ["bob"], "source": "https://example.org/m"}])
    assert briefing(data).last_contact == '1 March 2025: meeting on "Buy social"'
    data.position("p", title="Buy social")
    assert briefing(data).last_contact == "1 February 2025: call"
