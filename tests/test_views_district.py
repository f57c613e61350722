"""A district's page: its enterprises only, its monitor figures exactly as the monitor publishes them (small counts
and secondary suppression), the posts of the district with their holders, and the asks that concern it."""

from __future__ import annotations

from catalogs import Data, holding, step

from macros.views.base import Citation, Figure, Link, Section, Status, When
from macros.views.district import EnterpriseItem, PostItem, district_view
from macros.views.lobby import AskRow
from macros.views.monitor import monitoring_view


def city() -> Data:
    data = Data()
    data.vocabulary(
        "districts",
        entries=[{"id": "noord", "label": "North", "description": "Across the river."}, {"id": "west", "label": "West"}, {"id": "weesp", "label": "Weesp"}],
    )
    data.vocabulary("sectors", entries=[{"id": "food", "label": "Food"}])
    return data


def page(data: Data, district: str = "noord"):
    catalog = data.catalog()
    entry = next(e for e in catalog.vocabulary("districts").entries if e.id == district)
    return district_view(catalog, entry)


def year(data: Data, number: int, by_district: dict, example: bool = False, **measures) -> None:
    data.monitoring(str(number), year=number, source={"title": f"Monitor {number}"}, measures=measures, by_district=by_district, example=example)


def test_a_district_lists_its_own_enterprises_by_name_with_their_pins_and_nothing_else():
    data = city()
    data.enterprise("zed", name="Zed", district="noord", geo={"lat": "52.4", "lon": "4.9"}, example=True)
    data.enterprise("abe", name="abe", district="noord")
    data.enterprise("far", district="west")
    view = page(data)
    assert (view.title, view.description, view.count, view.district) == ("North", "Across the river.", 2, "noord")
    assert view.enterprises == (
        EnterpriseItem("abe", "enterprise:abe", Link("showcase/abe/", "abe"), False, "Food", "What abe does.", None),
        EnterpriseItem("zed", "enterprise:zed", Link("showcase/zed/", "Zed"), True, "Food", "What zed does.", ("52.4", "4.9")),
    )
    assert (view.enterprises_file, view.showcase) == ("data/enterprise.csv", Link("showcase/?district=noord", "2 enterprises in the showcase"))
    assert view.preview == (
        "The 2 social enterprises in North on a map, the people at work there from the sector monitor, the district's posts "
        "and who holds them, and the platform's asks that concern it."
    )
    assert view.toc == (
        Section("enterprises", "Enterprises (2)"),
        Section("figures", "People at work"),
        Section("posts", "Posts and who holds them"),
        Section("asks", "Asks that concern the district"),
    )


def test_the_figures_are_the_latest_years_as_the_monitors_district_table_publishes_them():
    data = city()
    year(data, 2022, {"noord": {"jobs_target_group": 500}}, jobs_target_group=900)
    # 2024: Weesp's 8 moves are small, so the next smallest cell (West's 40) is hidden too; Noord's stay.
    year(
        data,
        2024,
        {
            "noord": {"jobs_target_group": 600, "moved_to_paid_work": 90},
            "west": {"jobs_target_group": 300, "moved_to_paid_work": 40},
            "weesp": {"jobs_target_group": 75, "moved_to_paid_work": 8},
        },
        example=True,
        jobs_target_group=975,
        moved_to_paid_work=138,
    )
    cite = Citation("data/monitoring/2024.yml", "2024", "Monitor 2024", None, None, True)
    catalog = data.catalog()
    published = {r.label: r.cells for r in monitoring_view(catalog, catalog.get("monitoring", "2024")).districts}
    for district, label in (("noord", "North"), ("west", "West"), ("weesp", "Weesp")):
        figures, note = page(data, district).figures, page(data, district).figures_note
        assert tuple(f.value for f in figures) == published[label], district
        assert note.startswith("From the sector monitor 2024")
    assert page(data, "weesp").figures == (
        Figure("People of the target group at work (2024)", "75", cite),
        Figure("Moved on to paid work (2024)", "<10", cite),
    )
    assert [f.value for f in page(data, "west").figures] == ["300", "suppressed"]


def test_a_year_that_does_not_count_the_district_says_so_and_shows_no_figure():
    data = city()
    year(data, 2024, {"noord": {"jobs_target_group": 600}}, jobs_target_group=900)
    view = page(data, "west")
    assert (view.figures, view.figures_note) == ((), "The sector monitor 2024 does not count this district separately.")
    assert page(data, "noord").monitor == Link("monitor/2024/", "2024")
    empty = page(city())
    assert (empty.figures, empty.figures_note, empty.monitor) == ((), "The sector monitor has no figures yet.", None)


def test_the_districts_posts_with_their_holders_now_and_the_asks_of_positions_targeting_them():
    data = city()
    data.post("chair", district="noord")
    data.post("other", district="west")
    data.post("city-wide")
    data.official("ann", memberships=[holding("chair", "2020-01-01", "2023-12-31")])
    data.official("bob", memberships=[holding("chair", "2024-01-01")])
    data.position("p", targets=["chair", "city-wide"], asks=[{"id": "a", "text": "Local buying.", "history": [step("2025-01-01", "asked")]}])
    data.position("q", targets=["city-wide"])
    view = page(data)
    assert view.posts == (PostItem(Link("lobby/posts/chair/", "Chair"), (Link("lobby/officials/bob/", "Bob"),)),)
    assert view.asks == (
        AskRow(
            Link("lobby/positions/p/#ask-a", "Local buying."),
            Link("lobby/positions/p/", "P"),
            Status("asked", "asked"),
            True,
            When("2025-01-01", "1 January 2025"),
            "p#a",
        ),
    )
    assert (page(data, "weesp").posts, page(data, "weesp").asks) == ((), ())
