"""The catalog: lookups, the build date, and the back-references derived once per build."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from catalogs import TODAY, Data, holding

from macros.catalog import Catalog, Holding, build_date

DAY = dt.timedelta(days=1)


def ids(records) -> list[str]:
    return [r.id for r in records]


def spans(holdings) -> list[tuple[str, str, dt.date, dt.date | None]]:
    return [(h.official.id, h.post.id, h.start, h.end) for h in holdings]


def with_posts(*post_ids: str) -> Data:
    data = Data()
    for post_id in post_ids:
        data.post(post_id)
    return data


# -- the build date ------------------------------------------------------------------------


@pytest.fixture
def far_east(monkeypatch):
    """The local clock at UTC+14, so a date taken in local time differs from the UTC date."""
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_build_date_is_the_utc_day_of_source_date_epoch(monkeypatch, far_east):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2024, 3, 5, 23, 59, 59, tzinfo=dt.UTC).timestamp())))
    assert build_date() == dt.date(2024, 3, 5)


def test_the_build_date_is_today_without_source_date_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_date() == dt.date.today()


@pytest.mark.parametrize("epoch", ["", "-86400", "1.5", "soon"])
def test_the_build_date_is_today_when_source_date_epoch_is_not_digits(monkeypatch, epoch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert build_date() == dt.date.today()


def test_a_catalog_without_a_day_is_for_the_build_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    assert Catalog({"manifesto": {}}).today == dt.date(1970, 1, 2)


def test_a_catalog_for_a_given_day_ignores_the_build_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    assert Catalog({"manifesto": {}}, today=TODAY).today == TODAY


# -- a holding's span ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "covered"),
    [(TODAY - DAY, False), (TODAY, True), (TODAY + 10 * DAY, True), (TODAY + 11 * DAY, False)],
)
def test_a_holding_covers_the_days_from_its_start_to_its_end_both_included(day, covered):
    assert Holding(None, None, TODAY, TODAY + 10 * DAY).covers(day) is covered


@pytest.mark.parametrize(("day", "covered"), [(TODAY - DAY, False), (TODAY, True), (dt.date(2100, 1, 1), True)])
def test_a_holding_without_an_end_covers_every_day_from_its_start(day, covered):
    assert Holding(None, None, TODAY, None).covers(day) is covered


# -- lookups -------------------------------------------------------------------------------


def test_all_records_of_a_kind_come_in_id_order_whatever_the_order_they_were_added():
    data = Data()
    for record_id in ("mill", "bakery", "dairy"):
        data.enterprise(record_id)
    assert ids(data.catalog().all("enterprise")) == ["bakery", "dairy", "mill"]


def test_a_kind_missing_from_the_records_has_no_records():
    catalog = Catalog({"manifesto": {}}, today=TODAY)
    assert (catalog.all("enterprise"), catalog.count("enterprise")) == ([], 0)


def test_count_and_get_find_records_by_kind_and_id():
    data = Data()
    bakery = data.enterprise("bakery")
    data.enterprise("mill")
    data.post("bakery")
    catalog = data.catalog()
    assert (catalog.count("enterprise"), catalog.count("post"), catalog.count("seminar")) == (2, 1, 0)
    assert catalog.get("enterprise", "bakery") is bakery


def test_a_records_title_is_its_kinds_title_field_as_text():
    data = Data()
    post = data.post("alderman", title="Alderman for work")
    enterprise = data.enterprise("bakery", name="The Bakery")
    year = data.monitoring("2024")
    catalog = data.catalog()
    assert [catalog.title("post", post), catalog.title("enterprise", enterprise), catalog.title("monitoring", year)] == [
        "Alderman for work",
        "The Bakery",
        "2024",
    ]


def test_a_vocabulary_is_found_by_name_and_a_missing_one_is_none():
    data = Data()
    sectors = data.vocabulary("sectors")
    catalog = data.catalog()
    assert (catalog.vocabulary("sectors"), catalog.vocabulary("districts")) == (sectors, None)


def test_a_vocabulary_id_reads_as_its_label():
    data = Data()
    data.vocabulary("sectors", entries=[{"id": "food", "label": "Food and catering"}])
    assert data.catalog().label("sectors", "food") == "Food and catering"


def test_an_id_missing_from_its_vocabulary_reads_as_itself():
    data = Data()
    data.vocabulary("sectors", entries=[{"id": "food", "label": "Food and catering"}])
    assert data.catalog().label("sectors", "textile") == "textile"


def test_an_id_of_a_missing_vocabulary_reads_as_itself():
    assert Data().catalog().label("sectors", "food") == "food"


def test_the_manifesto_is_the_one_manifesto_record_or_none():
    data = Data()
    assert data.catalog().manifesto is None
    manifesto = data.manifesto()
    assert data.catalog().manifesto is manifesto


# -- networks ------------------------------------------------------------------------------


def test_an_enterprises_networks_are_those_listing_it_as_a_member_by_id():
    data = Data()
    data.enterprise("bakery")
    data.network("zeta", members=["bakery"])
    data.network("alpha", members=["bakery", "bakery"])
    data.network("middle", members=[])
    assert ids(data.catalog().networks_of("bakery")) == ["alpha", "zeta"]


def test_an_enterprise_in_no_network_has_no_networks():
    data = Data()
    data.enterprise("bakery")
    data.network("alpha", members=[])
    assert data.catalog().networks_of("bakery") == []


def test_a_networks_members_come_by_id_each_once():
    data = Data()
    for record_id in ("mill", "bakery", "dairy"):
        data.enterprise(record_id)
    data.network("alpha", members=["mill", "bakery", "mill"])
    catalog = data.catalog()
    assert (ids(catalog.members_of("alpha")), catalog.members_of("unknown")) == (["bakery", "mill"], [])


# -- who held a post when ------------------------------------------------------------------


def test_a_posts_holdings_come_oldest_first_whoever_holds_them():
    data = with_posts("alderman")
    data.official("anna", memberships=[holding("alderman", "2022-01-01")])
    data.official("bert", memberships=[holding("alderman", "2014-01-01", "2021-12-31")])
    assert spans(data.catalog().holdings("alderman")) == [
        ("bert", "alderman", dt.date(2014, 1, 1), dt.date(2021, 12, 31)),
        ("anna", "alderman", dt.date(2022, 1, 1), None),
    ]


def test_a_post_nobody_held_has_no_holdings_and_no_holders():
    catalog = with_posts("alderman").catalog()
    assert (catalog.holdings("alderman"), catalog.holders_on("alderman", TODAY), catalog.current_holders("alderman")) == ([], [], [])


def test_a_post_held_by_two_officials_over_time_names_the_one_holding_it_that_day():
    data = with_posts("alderman")
    data.official("anna", memberships=[holding("alderman", "2022-01-01")])
    data.official("bert", memberships=[holding("alderman", "2014-01-01", "2021-12-31")])
    catalog = data.catalog()
    assert [ids(catalog.holders_on("alderman", day)) for day in (dt.date(2013, 12, 31), dt.date(2021, 12, 31), dt.date(2022, 1, 1))] == [
        [],
        ["bert"],
        ["anna"],
    ]


def test_a_council_seat_held_by_several_at_once_names_them_all_oldest_holding_first():
    data = with_posts("council")
    data.official("anna", memberships=[holding("council", "2022-01-01")])
    data.official("bert", memberships=[holding("council", "2018-01-01")])
    assert ids(data.catalog().holders_on("council", TODAY)) == ["bert", "anna"]


def test_the_current_holders_are_those_holding_the_post_on_the_catalogs_day():
    data = with_posts("alderman")
    data.official("anna", memberships=[holding("alderman", TODAY)])
    data.official("bert", memberships=[holding("alderman", "2014-01-01", TODAY - DAY)])
    assert ids(data.catalog().current_holders("alderman")) == ["anna"]


def test_an_officials_holdings_come_current_first_then_most_recent():
    data = with_posts("council", "alderman", "mayor", "clerk")
    anna = data.official(
        "anna",
        memberships=[
            holding("clerk", "2001-01-01", "2005-12-31"),
            holding("council", "2010-01-01"),
            holding("mayor", "2018-01-01", "2021-12-31"),
            holding("alderman", "2022-01-01"),
        ],
    )
    assert [h.post.id for h in data.catalog().holdings_of(anna)] == ["alderman", "council", "mayor", "clerk"]


def test_an_official_who_held_nothing_in_the_catalog_has_no_holdings():
    data = with_posts("alderman")
    anna = data.official("anna", memberships=[holding("alderman", TODAY)])
    assert Data().catalog().holdings_of(anna) == []


def test_a_holding_ending_the_day_before_the_catalogs_day_is_no_longer_current():
    data = with_posts("alderman", "council")
    anna = data.official("anna", memberships=[holding("council", "2010-01-01", TODAY - DAY), holding("alderman", "2005-01-01", TODAY)])
    assert [h.post.id for h in data.catalog().holdings_of(anna)] == ["alderman", "council"]


# -- positions, campaigns, schemes, signatures ----------------------------------------------


def test_a_posts_positions_are_those_targeting_it_by_id():
    data = with_posts("alderman", "council")
    data.position("wages", targets=["alderman"])
    data.position("buying", targets=["council", "alderman"])
    data.position("housing", targets=["council"])
    catalog = data.catalog()
    assert (ids(catalog.positions_for_post("alderman")), catalog.positions_for_post("mayor")) == (["buying", "wages"], [])


def official_with_past_and_current_posts() -> tuple[Data, object]:
    data = with_posts("alderman", "council", "mayor")
    data.position("wages", targets=["alderman"])
    data.position("buying", targets=["council"])
    data.position("housing", targets=["mayor"])
    data.position("untargeted", targets=[])
    anna = data.official("anna", memberships=[holding("council", "2010-01-01", TODAY - DAY), holding("alderman", TODAY)])
    return data, anna


def test_an_officials_positions_are_those_targeting_a_post_they_hold_now():
    data, anna = official_with_past_and_current_posts()
    assert ids(data.catalog().positions_for_official(anna)) == ["wages"]


def test_an_officials_positions_ever_are_those_targeting_any_post_they_held():
    data, anna = official_with_past_and_current_posts()
    assert ids(data.catalog().positions_for_official(anna, current_only=False)) == ["buying", "wages"]


def test_a_campaign_uses_a_record_only_in_the_field_of_its_kind():
    data = with_posts("jobs")
    data.enterprise("jobs")
    data.position("jobs")
    data.campaign("week", positions=["jobs"])
    data.campaign("drive", enterprises=["jobs"])
    data.campaign("letter", targets=["jobs"])
    data.campaign("other", positions=["wages"], enterprises=["bakery"], targets=["council"])
    catalog = data.catalog()
    assert [ids(catalog.campaigns_using("jobs", kind)) for kind in ("position", "enterprise", "post")] == [["week"], ["drive"], ["letter"]]


def test_a_record_no_campaign_uses_has_no_campaigns():
    data = Data()
    data.campaign("week", positions=["wages"])
    assert data.catalog().campaigns_using("housing", "position") == []


def test_campaigns_using_a_record_come_in_campaign_id_order():
    data = Data()
    data.campaign("week", positions=["wages"])
    data.campaign("drive", positions=["wages"])
    assert ids(data.catalog().campaigns_using("wages", "position")) == ["drive", "week"]


def test_a_campaign_naming_a_post_and_a_position_with_the_same_id_is_listed_once():
    data = with_posts("jobs")
    data.position("jobs")
    data.campaign("week", positions=["jobs"], targets=["jobs"])
    assert ids(data.catalog().campaigns_using("jobs", "position")) == ["week"]


def test_a_schemes_holders_are_every_enterprise_holding_recording_it_in_enterprise_order():
    data = Data()
    mill = data.enterprise("mill", certifications=[{"scheme": "keur", "status": "applied"}])
    bakery = data.enterprise("bakery", certifications=[{"scheme": "other", "status": "certified"}, {"scheme": "keur", "status": "expired"}])
    data.enterprise("dairy")
    catalog = data.catalog()
    assert catalog.holders_of_scheme("keur") == [(bakery, bakery.certifications[1]), (mill, mill.certifications[0])]
    assert catalog.holders_of_scheme("unknown") == []


def test_an_enterprise_signature_is_found_by_enterprise_and_an_organisations_is_not():
    data = Data()
    data.manifesto(signatories=[{"organisation": "Bakery Union", "date": "2025-01-01"}, {"enterprise": "bakery", "date": "2025-02-01"}])
    catalog = data.catalog()
    assert (catalog.signature("bakery").date, catalog.signature("Bakery Union"), catalog.signature("mill")) == (dt.date(2025, 2, 1), None, None)


def test_without_a_manifesto_nobody_has_signed():
    assert Data().catalog().signature("bakery") is None


# -- references back -----------------------------------------------------------------------


def test_a_records_referrers_are_every_record_naming_it_each_once_by_kind_then_id():
    data = with_posts("alderman")
    data.position("wages", targets=["alderman", "alderman"])
    data.official("anna", memberships=[holding("alderman", "2010-01-01", "2013-12-31"), holding("alderman", "2018-01-01")])
    data.campaign("week", targets=["alderman"])
    data.position("buying", targets=["alderman"])
    assert [(kind, r.id) for kind, r in data.catalog().referrers("post", "alderman")] == [
        ("official", "anna"),
        ("position", "buying"),
        ("position", "wages"),
        ("campaign", "week"),
    ]


def test_a_reference_is_to_a_kind_so_the_same_id_of_another_kind_has_other_referrers():
    data = with_posts("jobs")
    data.position("jobs")
    data.campaign("week", positions=["jobs"])
    data.position("wages", targets=["jobs"])
    catalog = data.catalog()
    assert ([r.id for _, r in catalog.referrers("position", "jobs")], [r.id for _, r in catalog.referrers("post", "jobs")]) == (["week"], ["wages"])


def test_nothing_refers_to_an_unused_record():
    data = Data()
    data.enterprise("bakery")
    assert data.catalog().referrers("enterprise", "bakery") == []


def test_a_vocabulary_entrys_uses_are_the_records_naming_it():
    data = Data()
    bakery = data.enterprise("bakery", sector="food", district="noord")
    data.enterprise("mill", sector="textile", district="noord")
    catalog = data.catalog()
    assert catalog.uses("sectors", "food") == [("enterprise", bakery)]
    assert catalog.uses("districts", "food") == []
    assert catalog.uses("sectors", "metal") == []
