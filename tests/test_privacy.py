"""How numbers are published: formatting, and small counts of people never shown."""

from __future__ import annotations

import pytest
from catalogs import Data
from hypothesis import given
from hypothesis import strategies as st

from macros.privacy import (
    HIDDEN,
    MISSING,
    OTHER,
    SMALL,
    TOTAL,
    DistrictTable,
    district_table,
    measure,
    number,
    people,
    percent,
    publish_column,
    small,
    suppress_column,
)


def test_the_published_markers():
    assert (SMALL, HIDDEN, MISSING) == ("<10", "suppressed", "–")


@pytest.mark.parametrize(("count", "is_small"), [(None, False), (0, False), (1, True), (9, True), (9.5, True), (10, False), (10.0, False), (-1, False)])
def test_a_count_from_1_to_9_identifies_people(count, is_small):
    assert small(count) is is_small


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "–"),
        (0, "0"),
        (7, "7"),
        (1234567, "1,234,567"),
        (2.0, "2"),
        (1500.0, "1,500"),
        (2.35, "2.35"),
        (1234.5, "1,234.5"),
    ],
)
def test_a_number_is_written_as_given_with_thousands_separators_and_no_trailing_point_zero(value, text):
    assert number(value) == text


@pytest.mark.parametrize(("count", "text"), [(None, "–"), (0, "0"), (1, "<10"), (9, "<10"), (10, "10"), (12000, "12,000"), (25.0, "25")])
def test_a_count_of_people_from_1_to_9_is_published_as_under_ten(count, text):
    assert people(count) == text


@pytest.mark.parametrize(("value", "text"), [(None, "–"), (0, "0%"), (5, "5%"), (42.0, "42%"), (2.5, "2.5%"), (1000, "1,000%")])
def test_a_share_is_published_in_percent(value, text):
    assert percent(value) == text


@pytest.mark.parametrize(
    ("name", "value", "text"),
    [
        ("jobs_target_group", 5, "<10"),
        ("moved_to_paid_work", 1234, "1,234"),
        ("market_revenue_share", 5, "5%"),
        ("market_revenue_share", None, "–"),
        ("enterprises", 5, "5"),
        ("enterprises", 1234.0, "1,234"),
    ],
)
def test_a_measure_is_published_by_what_it_measures(name, value, text):
    assert measure(name, value) == text


# -- suppression in a column ---------------------------------------------------------------


def test_a_column_without_small_counts_is_published_as_is():
    assert suppress_column({"noord": 12, "zuid": 0, "west": None, "oost": 1500}) == {"noord": "12", "zuid": "0", "west": "–", "oost": "1,500"}


def test_one_small_count_in_a_column_hides_the_next_smallest_count_too():
    assert suppress_column({"noord": 40, "zuid": 3, "west": 12, "oost": 25}) == {"noord": "40", "zuid": "<10", "west": "suppressed", "oost": "25"}


def test_two_small_counts_in_a_column_hide_only_themselves():
    assert suppress_column({"noord": 40, "zuid": 3, "west": 9, "oost": 10}) == {"noord": "40", "zuid": "<10", "west": "<10", "oost": "10"}


def test_secondary_suppression_passes_over_zero_and_missing_cells():
    assert suppress_column({"noord": 0, "zuid": 3, "west": None, "oost": 10, "centrum": 11}) == {
        "noord": "0",
        "zuid": "<10",
        "west": "–",
        "oost": "suppressed",
        "centrum": "11",
    }


def test_between_equal_next_smallest_counts_the_first_key_in_alphabetical_order_is_hidden():
    assert suppress_column({"zuid": 20, "noord": 20, "west": 4}) == {"zuid": "20", "noord": "suppressed", "west": "<10"}


def test_a_lone_small_count_with_nothing_else_to_hide_stays_alone():
    assert suppress_column({"noord": 4, "zuid": 0, "west": None}) == {"noord": "<10", "zuid": "0", "west": "–"}


def test_an_empty_column_publishes_nothing():
    assert suppress_column({}) == {}


# -- the by-district table -----------------------------------------------------------------


def year(by_district: dict, **measures) -> object:
    return Data().monitoring("2024", measures=measures or {"enterprises": 100}, by_district=by_district)


def test_the_district_table_has_the_measures_some_district_has_in_label_order_and_rows_in_written_order():
    table = district_table(
        year(
            {
                "zuid": {"market_revenue_share": 40, "enterprises": 12},
                "noord": {"enterprises": 3, "jobs_target_group": 250},
            }
        )
    )
    assert table == DistrictTable(
        columns=(
            ("enterprises", "Social enterprises"),
            ("jobs_target_group", "People of the target group at work"),
            ("market_revenue_share", "Share of revenue earned in the market"),
        ),
        rows=(("zuid", ("12", "–", "40%")), ("noord", ("3", "250", "–")), ("other", ("85", "–", "–")), ("total", ("100", "–", "–"))),
    )


def test_people_counts_in_the_district_table_are_suppressed_per_column():
    table = district_table(
        year(
            {
                "noord": {"jobs_target_group": 5, "paid_jobs": 30},
                "zuid": {"jobs_target_group": 30, "paid_jobs": 20},
                "west": {"jobs_target_group": 80, "paid_jobs": 1000},
            }
        )
    )
    assert table.rows == (
        ("noord", ("<10", "30")),
        ("zuid", ("suppressed", "20")),
        ("west", ("80", "1,000")),
        ("other", ("–", "–")),
        ("total", ("–", "–")),
    )


def test_every_district_of_the_city_has_its_row_in_the_vocabularys_order():
    table = district_table(year({"west": {"enterprises": 4}}, enterprises=10), ["noord", "west", "zuid"])
    assert table.rows == (("noord", ("–",)), ("west", ("4",)), ("zuid", ("–",)), ("other", ("6",)), ("total", ("10",)))


def test_districts_left_out_of_a_year_cannot_be_read_from_the_city_total():
    # The districts listed add up to 114 of the city's 120: the 6 elsewhere are a small count, hidden, and so is
    # the next smallest cell, or the 6 would follow from the total.
    table = district_table(year({"noord": {"jobs_target_group": 40}, "west": {"jobs_target_group": 74}}, jobs_target_group=120))
    assert table.rows == (("noord", ("suppressed",)), ("west", ("74",)), ("other", ("<10",)), ("total", ("120",)))


def test_a_small_district_is_protected_by_a_second_hidden_cell_even_when_the_rest_adds_up():
    table = district_table(
        year({"oost": {"jobs_target_group": 7}, "noord": {"jobs_target_group": 40}, "west": {"jobs_target_group": 73}}, jobs_target_group=120)
    )
    assert dict(table.rows) == {"oost": ("<10",), "noord": ("suppressed",), "west": ("73",), "other": ("0",), "total": ("120",)}


def test_a_small_city_total_is_hidden_with_every_district():
    table = district_table(year({"oost": {"jobs_target_group": 3}, "west": {"jobs_target_group": 4}}, jobs_target_group=7))
    assert dict(table.rows) == {"oost": ("<10",), "west": ("<10",), "other": ("0",), "total": ("<10",)}


def test_a_year_without_district_figures_has_an_empty_district_table():
    assert district_table(year({})) == DistrictTable(columns=(), rows=())


@given(
    st.dictionaries(st.sampled_from(["a", "b", "c", "d", "e"]), st.none() | st.integers(min_value=0, max_value=60), max_size=5),
    st.integers(min_value=0, max_value=80),
)
def test_no_hidden_count_follows_from_the_other_cells_and_the_total(districts, extra):
    """Whatever the figures, a small count is hidden, and never alone: the districts and the remainder add up to the
    published total, so one hidden cell among them could be worked out."""
    city = sum(v for v in districts.values() if v is not None) + extra
    cells = publish_column("jobs_target_group", city, districts)
    values = {**districts, OTHER: extra}
    hidden = [k for k in values if cells[k] in (SMALL, HIDDEN)]
    assert all(cells[k] == SMALL for k, v in values.items() if v is not None and 0 < v < 10)
    assert len(hidden) != 1 or cells[TOTAL] == SMALL  # a hidden total hides the one cell with it
