"""The sector monitor: one year's page (figures, districts, small counts as "<10", citation), the
listing's charts (a count of 1 to 9 people never drawn to scale) and table, and the home page's figures."""

from __future__ import annotations

from catalogs import Data
from markupsafe import Markup

from macros.charts import Point, bar_chart
from macros.views.base import Citation, EmbedCode, Figure, Link, Section, When
from macros.views.monitor import (
    Chart,
    DistrictRow,
    HeadlineView,
    HeadlineYear,
    MonitoringView,
    YearRow,
    chart,
    figures,
    headline_figures,
    headline_label,
    headline_view,
    key_years,
    monitor_view,
    monitoring_view,
)

JOBS_CAPTION = (
    "People of the target group at work in social enterprises, by year. Light bars are fictional example data; dark bars are real figures with a cited source."
)


def year(data: Data, number: int, example: bool = False, url: str | None = None, **fields):
    measures = fields.pop("measures")
    source = {"title": f"Monitor {number}", **({"url": url} if url else {})}
    return data.monitoring(str(number), year=number, example=example, source=source, measures=measures, **fields)


def cite(number: int, url: str | None = None, example: bool = False) -> Citation:
    return Citation(url or f"data/monitoring/{number}.yml", str(number), f"Monitor {number}", url, None, example)


# -- one year's page -----------------------------------------------------------------------------------
def test_a_years_page_shows_its_figures_districts_method_and_notes_with_small_counts_hidden():
    data = Data()
    data.vocabulary("districts", entries=[{"id": "noord", "label": "North"}, {"id": "west", "label": "West"}])
    data.monitoring(
        "2024",
        year=2024,
        example=True,
        source={"title": "Monitor 2024", "publisher": "City", "url": "https://example.org/m"},
        method="Counted **by hand**.",
        reference_date="2024-12-31",
        measures={"enterprises": 120, "jobs_target_group": 2720, "paid_jobs": 5, "market_revenue_share": 45.5},
        by_district={"noord": {"enterprises": 80, "jobs_target_group": 2000}, "west": {"enterprises": 40, "jobs_target_group": 5}},
        notes="One.\nTwo.",
    )
    catalog = data.catalog()
    citation = Citation("https://example.org/m", "2024", "Monitor 2024", "https://example.org/m", "City", True)
    assert monitoring_view(catalog, catalog.get("monitoring", "2024")) == MonitoringView(
        title="Sector monitor 2024",
        toc=(Section("districts", "By district"), Section("method", "Method"), Section("notes", "Notes"), Section("embed", "Embed this")),
        preview="The sector's figures for 2024: 120 social enterprises; 2,720 people of the target group at work. Source: Monitor 2024.",
        kind="monitoring",
        record_id="2024",
        example=True,
        source_path="data/monitoring/2024.yml",
        year="2024",
        counted_on=When("2024-12-31", "31 December 2024"),
        citation=citation,
        figures=(
            Figure("Social enterprises", "120", citation),
            Figure("People of the target group at work", "2,720", citation),
            Figure("… of whom in paid jobs", "<10", citation),
            Figure("Share of revenue earned in the market", "45.5%", citation),
        ),
        district_columns=("Social enterprises", "People of the target group at work"),
        districts=(
            DistrictRow("North", Link("districts/noord/", "North"), ("80", "2,000")),
            DistrictRow("West", Link("districts/west/", "West"), ("40", "<10")),
            DistrictRow("Elsewhere or not counted by district", None, ("0", "suppressed")),
            DistrictRow("The city", None, ("120", "2,720"), total=True),
        ),
        method=Markup("<p>Counted <strong>by hand</strong>.</p>"),
        notes=Markup("<p>One.<br>Two.</p>"),
        embed=EmbedCode(
            "embed/figures/2024/",
            '<iframe src="embed/figures/2024/" title="Social enterprises in figures, 2024" width="100%" height="300" style="border:0" loading="lazy"></iframe>',
        ),
    )


def test_a_year_without_districts_method_or_notes_has_no_sections():
    data = Data()
    year(data, 2016, measures={"enterprises": 10})
    catalog = data.catalog()
    view = monitoring_view(catalog, catalog.get("monitoring", "2016"))
    assert view.toc == (Section("embed", "Embed this"),)
    assert (view.counted_on, view.district_columns, view.districts, view.method, view.notes) == (None, (), (), Markup(""), Markup(""))
    assert view.citation == cite(2016)


def test_figures_can_be_limited_to_some_measures_and_leave_out_those_not_counted():
    data = Data()
    y = year(data, 2016, measures={"enterprises": 10, "moved_to_paid_work": 0})
    assert figures(y) == (Figure("Social enterprises", "10", cite(2016)), Figure("Moved on to paid work", "0", cite(2016)))
    assert figures(y, ("moved_to_paid_work", "paid_jobs")) == (Figure("Moved on to paid work", "0", cite(2016)),)


# -- the charts ----------------------------------------------------------------------------------------
def test_a_chart_draws_each_counted_year_with_its_source_and_never_a_count_of_one_to_nine_to_scale():
    data = Data()
    year(data, 2018, example=True, measures={"jobs_target_group": 5})
    year(data, 2016, url="https://example.org/m", measures={"jobs_target_group": 2720})
    year(data, 2020, measures={"enterprises": 12})
    year(data, 2022, measures={"jobs_target_group": 10})
    expected = [
        Point("2016", 2720, "2,720", "https://example.org/m", False),
        Point("2018", 0, "<10", "data/monitoring/2018.yml", True),
        Point("2022", 10, "10", "data/monitoring/2022.yml", False),
    ]
    assert chart(data.catalog(), "jobs_target_group", "caption") == Chart(Markup(bar_chart("People of the target group at work", expected)), "caption")


def test_a_chart_of_a_measure_that_is_not_people_draws_small_numbers_to_scale():
    data = Data()
    year(data, 2016, measures={"enterprises": 5})
    year(data, 2017, measures={"enterprises": 0})
    expected = [Point("2016", 5, "5", "data/monitoring/2016.yml"), Point("2017", 0, "0", "data/monitoring/2017.yml")]
    assert chart(data.catalog(), "enterprises", "c") == Chart(Markup(bar_chart("Social enterprises", expected)), "c")


def test_the_monitor_shows_both_charts_and_every_years_figures_newest_first():
    data = Data()
    year(data, 2016, url="https://example.org/m", measures={"enterprises": 1200, "jobs_target_group": 2720, "moved_to_paid_work": 3})
    year(data, 2024, example=True, measures={"jobs_target_group": 3925})
    catalog = data.catalog()
    view = monitor_view(catalog)
    assert (view.title, view.toc, view.count) == ("Sector monitor", (Section("charts", "Over the years"), Section("years", "Figures and sources")), 2)
    assert view.charts == (
        chart(catalog, "jobs_target_group", JOBS_CAPTION),
        chart(catalog, "moved_to_paid_work", "People who moved on to paid work, by year."),
    )
    assert view.charts[1].svg == Markup(bar_chart("Moved on to paid work", [Point("2016", 0, "<10", "https://example.org/m")]))
    assert view.years == (
        YearRow("monitoring:2024", Link("monitor/2024/", "2024"), True, "–", "3,925", "–", cite(2024, example=True)),
        YearRow("monitoring:2016", Link("monitor/2016/", "2016"), False, "1,200", "2,720", "<10", cite(2016, "https://example.org/m")),
    )


def test_a_monitor_without_years_has_no_charts_section():
    view = monitor_view(Data().catalog())
    assert view.toc == (Section("years", "Figures and sources"),)
    assert view.charts == ()
    assert view.years == ()


def test_years_that_count_neither_charted_measure_show_no_charts():
    data = Data()
    year(data, 2016, measures={"enterprises": 1200})
    assert monitor_view(data.catalog()).toc == (Section("years", "Figures and sources"),)


# -- the home page's figures ----------------------------------------------------------------------------------
def years_of(*specs: tuple[int, bool]) -> Data:
    data = Data()
    for number, example in specs:
        year(data, number, example=example, measures={"enterprises": 10})
    return data


def test_the_home_page_headlines_the_earliest_real_year_and_the_latest_year():
    assert [y.id for y in key_years(years_of((2024, True), (2016, False), (2018, False), (2014, True)).catalog())] == ["2016", "2024"]


def test_the_home_page_headlines_one_year_when_the_latest_is_the_earliest_real_one():
    assert [y.id for y in key_years(years_of((2014, True), (2016, False)).catalog())] == ["2016"]


def test_the_home_page_headlines_the_latest_year_when_no_year_is_real():
    assert [y.id for y in key_years(years_of((2014, True), (2016, True)).catalog())] == ["2016"]
    assert key_years(Data().catalog()) == []


def test_a_headline_label_reads_after_a_number():
    assert headline_label("jobs_target_group") == "people of the target group at work"
    assert headline_label("paid_jobs") == "of whom in paid jobs"


def test_headline_figures_are_the_counted_ones_of_enterprises_people_at_work_and_moves_on():
    data = Data()
    both = year(data, 2016, measures={"enterprises": 1200, "jobs_target_group": 2720, "moved_to_paid_work": 4, "paid_jobs": 100})
    few = year(data, 2017, measures={"moved_to_paid_work": 40})
    assert headline_figures(both) == (
        Figure("social enterprises", "1,200", cite(2016)),
        Figure("people of the target group at work", "2,720", cite(2016)),
        Figure("moved on to paid work", "<10", cite(2016)),
    )
    assert headline_figures(few) == (Figure("moved on to paid work", "40", cite(2017)),)


def test_the_home_page_shows_each_key_years_figures_with_their_source():
    data = Data()
    year(data, 2016, url="https://example.org/m", measures={"enterprises": 1200})
    year(data, 2024, example=True, measures={"jobs_target_group": 3925})
    assert headline_view(data.catalog()) == HeadlineView(
        title="The sector in figures",
        years=(
            HeadlineYear(
                "monitoring:2016",
                Link("monitor/2016/", "2016"),
                False,
                (Figure("social enterprises", "1,200", cite(2016, "https://example.org/m")),),
                cite(2016, "https://example.org/m"),
            ),
            HeadlineYear(
                "monitoring:2024",
                Link("monitor/2024/", "2024"),
                True,
                (Figure("people of the target group at work", "3,925", cite(2024, example=True)),),
                cite(2024, example=True),
            ),
        ),
    )
