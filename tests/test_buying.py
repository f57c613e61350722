"""The buyers' rules: Article 20's test and the social return credit per enterprise, what a contract owes, rules out of
date (and `wise stats` saying so), where an enterprise delivers, its best state per scheme, and the derived exports."""

from __future__ import annotations

import datetime as dt

from catalogs import DEFAULTS, TODAY, Data, step

from macros import buying, certification, showcase, stats
from macros.buying import Article20, SocialReturnCredit, article20, obligation, out_of_date, purchase_to_cover, rate, social_return_credit
from macros.exports import derived

DAY = dt.timedelta(days=1)
SOURCE = {"title": "P", "url": "https://example.org/p"}
LOW_LABOUR = {"id": "low-labour", "label": "Little labour", "percentage": 2, "labour_share_below": 30, "source": SOURCE}


def rules(
    data: Data | None = None,
    *,
    factors: tuple[dict, ...] = (),
    rates: tuple[dict, ...] = (),
    minimum_share: float = 30,
    figures_valid_years: int | None = None,
    threshold_until: dt.date | None = None,
    policy_until: dt.date | None = None,
):
    """The default procurement rules (services threshold €216,000, standard rate 5%), with these changes; `rates` are
    added to the standard one."""
    fields = DEFAULTS["procurement"]("procurement")
    reserved, policy = fields["reserved_contracts"], fields["social_return"]
    reserved["minimum_share"] = minimum_share
    if figures_valid_years is not None:
        reserved["figures_valid_years"] = figures_valid_years
    if threshold_until:
        fields["thresholds"][0]["valid_until"] = threshold_until
    if policy_until:
        policy["valid_until"] = policy_until
    policy["rates"] += list(rates)
    policy["factors"] = [{"source": SOURCE, **f} for f in factors]
    return (data or Data()).procurement(**fields)


def staff(year: int, target_group: int | None, total: int | None) -> dict:
    return {"year": year, "jobs_target_group": target_group, "staff_total": total}


def figures(*rows: dict):
    return Data().enterprise("e", figures=list(rows))


# -- Article 20: may a contract be reserved for the enterprise ----------------------------------------
def test_article20_fails_at_29_9_percent_of_staff():
    assert article20(figures(staff(2025, 299, 1000)), TODAY, rules()) == Article20("no", 2025, 29.9, "below 30% of its staff belong to the target group (2025)")


def test_article20_passes_at_exactly_30_percent_of_staff():
    assert article20(figures(staff(2025, 300, 1000)), TODAY, rules()) == Article20(
        "yes", 2025, 30.0, "at least 30% of its staff belong to the target group (2025)"
    )


def test_article20_is_unknown_without_figures():
    assert article20(figures(), TODAY, rules()) == Article20("unknown", None, None, "no figures of its staff and of the target group among them")


def test_article20_is_unknown_for_figures_without_staff_total_or_without_the_target_group():
    e = figures(staff(2025, 40, None), staff(2024, None, 100), staff(2023, 0, 0))
    assert article20(e, TODAY, rules()) == Article20("unknown", None, None, "no figures of its staff and of the target group among them")


def test_article20_reads_the_latest_figures_that_have_both_counts():
    e = figures(staff(2023, 10, 100), staff(2026, 50, None), staff(2025, 40, 100), staff(2024, 10, 100))
    assert article20(e, TODAY, rules()) == Article20("yes", 2025, 40.0, "at least 30% of its staff belong to the target group (2025)")


def test_article20_is_unknown_for_figures_older_than_the_rules_allow():
    assert article20(figures(staff(2024, 40, 100)), TODAY, rules(figures_valid_years=1)) == Article20(
        "unknown", 2024, None, "its latest figures are from 2024, more than 1 year ago"
    )
    assert article20(figures(staff(2025, 40, 100)), TODAY, rules(figures_valid_years=1)).state == "yes"


def test_article20_counts_figures_for_two_years_when_the_rules_do_not_say():
    assert article20(figures(staff(2024, 40, 100)), TODAY, rules()).state == "yes"
    assert article20(figures(staff(2023, 40, 100)), TODAY, rules()) == Article20(
        "unknown", 2023, None, "its latest figures are from 2023, more than 2 years ago"
    )


def test_article20_counts_figures_of_this_year_only_when_the_rules_say_zero_years():
    assert article20(figures(staff(2026, 40, 100)), TODAY, rules(figures_valid_years=0)).state == "yes"
    assert article20(figures(staff(2025, 40, 100)), TODAY, rules(figures_valid_years=0)).state == "unknown"


def test_article20_without_rules_asks_30_percent_of_figures_at_most_two_years_old():
    assert article20(figures(staff(2024, 30, 100)), TODAY) == Article20("yes", 2024, 30.0, "at least 30% of its staff belong to the target group (2024)")
    assert article20(figures(staff(2024, 29, 100)), TODAY).state == "no"
    assert article20(figures(staff(2023, 90, 100)), TODAY).state == "unknown"


def test_article20_asks_the_minimum_share_of_the_rules():
    assert article20(figures(staff(2025, 25, 100)), TODAY, rules(minimum_share=25)) == Article20(
        "yes", 2025, 25.0, "at least 25% of its staff belong to the target group (2025)"
    )
    assert article20(figures(staff(2025, 24, 100)), TODAY, rules(minimum_share=24.5)).reason == "below 24.5% of its staff belong to the target group (2025)"


def test_article20_shows_the_share_only_when_neither_count_is_one_to_nine():
    def share(target_group, total):
        return article20(figures(staff(2025, target_group, total)), TODAY, rules()).share

    assert share(10, 100) == 10.0
    assert share(9, 100) is None
    assert share(1, 100) is None
    assert share(0, 100) == 0.0  # nobody is no small count
    assert share(0, 9) is None
    assert share(0, 10) == 0.0
    assert share(10, 10) == 100.0
    assert share(100, 300) == 33.3  # rounded to one decimal


def test_a_small_count_still_gives_the_state():
    assert article20(figures(staff(2025, 3, 8)), TODAY, rules()) == Article20("yes", 2025, None, "at least 30% of its staff belong to the target group (2025)")


# -- social return credit ------------------------------------------------------------------------
def certified(scheme: str, **fields) -> dict:
    return {"scheme": scheme, "status": "certified", **fields}


def holder(*certifications: dict):
    return Data().enterprise("e", certifications=list(certifications))


KEUR_HALF = {"scheme": "keur", "factor": 0.5, "example": True}
CODE_FULL = {"scheme": "code", "factor": 1}
BCORP = {"scheme": "bcorp", "factor": 0.8}


def test_the_credit_is_the_largest_factor_among_the_schemes_held_today():
    e = holder(certified("keur"), certified("code"))
    assert social_return_credit(e, TODAY, rules(factors=(KEUR_HALF, CODE_FULL, BCORP))) == SocialReturnCredit(1, "code", False)


def test_the_credit_carries_whether_its_factor_is_an_example():
    e = holder(certified("keur"), {"scheme": "code", "status": "applied"})
    assert social_return_credit(e, TODAY, rules(factors=(KEUR_HALF, CODE_FULL))) == SocialReturnCredit(0.5, "keur", True)


def test_an_expired_certificate_gives_no_credit():
    e = holder(certified("keur", until=TODAY - DAY))
    assert social_return_credit(e, TODAY, rules(factors=(KEUR_HALF,))) == SocialReturnCredit(0, None)


def test_a_certificate_not_yet_in_force_gives_no_credit():
    e = holder(certified("keur", since=TODAY + DAY))
    assert social_return_credit(e, TODAY, rules(factors=(KEUR_HALF,))) == SocialReturnCredit(0, None)


def test_a_certificate_due_for_reassessment_still_gives_credit():
    e = holder(certified("keur", until=TODAY + 10 * DAY))
    assert social_return_credit(e, TODAY, rules(factors=(KEUR_HALF,))) == SocialReturnCredit(0.5, "keur", True)


def test_a_scheme_without_a_factor_gives_no_credit():
    assert social_return_credit(holder(certified("other")), TODAY, rules(factors=(KEUR_HALF,))) == SocialReturnCredit(0, None)


def test_without_rules_nothing_counts():
    assert social_return_credit(holder(certified("keur")), TODAY) == SocialReturnCredit(0, None)


def test_of_two_schemes_with_the_same_factor_the_credit_names_the_last_by_id():
    e = holder(certified("keur"), certified("code"))
    procurement = rules(factors=({"scheme": "keur", "factor": 0.5}, {"scheme": "code", "factor": 0.5, "example": True}))
    assert social_return_credit(e, TODAY, procurement) == SocialReturnCredit(0.5, "keur", False)


# -- rates and obligation ------------------------------------------------------------------------
def test_the_threshold_is_found_by_id():
    procurement = rules()
    assert buying.threshold(procurement, "services") is procurement.thresholds[0]


def test_the_standard_rate_applies_when_the_labour_share_is_not_given_or_not_below_a_lower_rates_share():
    procurement = rules(rates=(LOW_LABOUR,))
    assert [rate(procurement).id, rate(procurement, 30).id, rate(procurement, 80).id] == ["standard", "standard", "standard"]


def test_a_lower_rate_applies_below_its_labour_share():
    assert rate(rules(rates=(LOW_LABOUR,)), 29.9).id == "low-labour"


def test_of_several_lower_rates_the_one_with_the_smallest_labour_share_that_applies_wins():
    lowest = {"id": "lowest", "label": "Hardly labour", "percentage": 1, "labour_share_below": 10, "source": SOURCE}
    procurement = rules(rates=(LOW_LABOUR, lowest))
    assert [rate(procurement, 5).id, rate(procurement, 10).id, rate(procurement, 20).id] == ["lowest", "low-labour", "low-labour"]


def test_a_contract_of_a_million_owes_five_percent():
    assert obligation(rules(), 1_000_000) == 50_000


def test_a_contract_at_or_below_the_threshold_owes_nothing():
    procurement = rules()
    assert [obligation(procurement, 216_000), obligation(procurement, 100_000), obligation(procurement, 0)] == [0, 0, 0]
    assert obligation(procurement, 216_100) == 10_805


def test_a_low_labour_contract_owes_the_lower_rate_when_there_is_one():
    procurement = rules(rates=(LOW_LABOUR,))
    assert (obligation(procurement, 1_000_000, low_labour=True), obligation(procurement, 1_000_000)) == (20_000, 50_000)


def test_a_low_labour_contract_owes_the_standard_rate_when_there_is_no_lower_one():
    assert obligation(rules(), 1_000_000, low_labour=True) == 50_000


def test_a_low_labour_contract_takes_a_lower_rate_however_small_its_labour_share():
    tiny = {"id": "tiny", "label": "Next to no labour", "percentage": 1, "labour_share_below": 0.5, "source": SOURCE}
    assert obligation(rules(rates=(tiny,)), 1_000_000, low_labour=True) == 10_000


def test_a_low_labour_contract_at_the_threshold_owes_nothing():
    assert obligation(rules(rates=(LOW_LABOUR,)), 216_000, low_labour=True) == 0


def test_what_to_buy_to_cover_an_obligation_is_the_obligation_divided_by_the_factor():
    assert (purchase_to_cover(50_000, 0.5), purchase_to_cover(50_000, 1), purchase_to_cover(0, 0.5)) == (100_000, 50_000, 0)


def test_purchases_at_factor_zero_cover_nothing():
    assert purchase_to_cover(50_000, 0) is None


# -- rules out of date ---------------------------------------------------------------------------
def test_rules_valid_until_today_or_later_are_not_out_of_date():
    assert out_of_date(rules(threshold_until=TODAY, policy_until=TODAY), TODAY) == []
    assert out_of_date(rules(), TODAY) == []


def test_a_threshold_and_a_policy_past_their_valid_until_are_out_of_date():
    procurement = rules(threshold_until=TODAY - DAY, policy_until=TODAY - DAY)
    assert out_of_date(procurement, TODAY) == [
        "threshold 'services' was valid until 2026-05-31",
        "the social return policy of Tiny was valid until 2026-05-31",
    ]


def test_wise_stats_reports_procurement_rules_out_of_date_with_their_file():
    data = Data()
    rules(data, policy_until=TODAY - DAY)
    assert stats.stale(data.catalog()) == ["data/procurement.yml: the social return policy of Tiny was valid until 2026-05-31"]


def test_wise_stats_has_nothing_to_say_about_current_or_missing_rules():
    data = Data()
    rules(data, threshold_until=TODAY)
    assert stats.stale(data.catalog()) == []
    assert stats.stale(Data().catalog()) == []


def test_the_rules_are_the_catalogs_procurement_record():
    data = Data()
    procurement = rules(data)
    assert buying.rules_of(data.catalog()) is procurement
    assert buying.rules_of(Data().catalog()) is None


# -- where an enterprise delivers ----------------------------------------------------------------
def districts(data: Data) -> Data:
    data.vocabulary("districts", entries=[{"id": "west", "label": "West"}, {"id": "noord", "label": "North"}, {"id": "oost", "label": "East"}])
    return data


def test_a_city_wide_enterprise_delivers_in_every_district_of_the_vocabulary():
    data = districts(Data())
    e = data.enterprise("e", district="oost", serves="city-wide")
    assert showcase.delivery_area(data.catalog(), e) == ["west", "noord", "oost"]


def test_a_city_wide_enterprise_without_a_districts_vocabulary_delivers_in_its_own_district():
    data = Data()
    e = data.enterprise("e", district="oost", serves="city-wide")
    assert showcase.delivery_area(data.catalog(), e) == ["oost"]


def test_an_enterprise_delivers_in_the_districts_it_lists_each_once_in_id_order():
    data = districts(Data())
    e = data.enterprise("e", district="noord", serves=["west", "oost", "west"])
    assert showcase.delivery_area(data.catalog(), e) == ["oost", "west"]


def test_an_enterprise_listing_no_districts_delivers_in_its_own():
    data = districts(Data())
    e = data.enterprise("e", district="noord")
    assert showcase.delivery_area(data.catalog(), e) == ["noord"]


# -- the best state of an enterprise for one scheme ---------------------------------------------
def test_the_holding_that_says_most_gives_the_state():
    e = holder(certified("keur", until=TODAY - DAY), {"scheme": "keur", "status": "applied"}, certified("keur"), certified("other"))
    assert certification.best_state(e, "keur", TODAY) == "certified"


def test_the_best_state_follows_the_precedence_of_states():
    assert certification.PRECEDENCE == ("certified", "reassessment-due", "applied", "expired", "withdrawn")
    due = certified("keur", until=TODAY + DAY)
    applied = {"scheme": "keur", "status": "applied"}
    expired = certified("keur", until=TODAY - DAY)
    withdrawn = {"scheme": "keur", "status": "withdrawn"}
    assert certification.best_state(holder(withdrawn, expired, applied, due), "keur", TODAY) == "reassessment-due"
    assert certification.best_state(holder(withdrawn, expired, applied), "keur", TODAY) == "applied"
    assert certification.best_state(holder(withdrawn, expired), "keur", TODAY) == "expired"
    assert certification.best_state(holder(withdrawn), "keur", TODAY) == "withdrawn"


def test_an_enterprise_that_never_applied_has_no_state():
    assert certification.best_state(holder(certified("other")), "keur", TODAY) is None


# -- the derived exports -------------------------------------------------------------------------
def test_the_derived_exports_are_the_asks_the_certification_matrix_the_scorecards_two_tables_and_the_glossary_terms():
    assert [(d.name, d.label, d.row_is) for d in derived.DERIVED] == [
        ("asks", "Asks", "one ask of a position"),
        ("certification-matrix", "Certification matrix", "one enterprise: its state for each certification scheme and Article 20's test"),
        ("scorecard", "Manifesto scorecard", "one manifesto article: its status and the decisions behind it"),
        ("party-alignment", "Parties and the manifesto", "one party: how its votes on the decisions naming a manifesto article lined up with the manifesto"),
        ("glossary-terms", "Glossary terms", "one term of the glossary, with its definition and source"),
    ]
    assert [d.docs for d in derived.DERIVED] == [derived.ASK_DOCS, derived.MATRIX_DOCS, derived.SCORECARD_DOCS, derived.ALIGNMENT_DOCS, derived.TERM_DOCS]
    assert [d.columns for d in derived.DERIVED] == [
        derived.ask_columns,
        derived.matrix_columns,
        derived.scorecard_columns,
        derived.alignment_columns,
        derived.term_columns,
    ]
    assert [d.rows for d in derived.DERIVED] == [derived.ask_rows, derived.matrix_rows, derived.scorecard_rows, derived.alignment_rows, derived.term_rows]


def test_the_asks_export_has_a_column_for_each_documented_one():
    assert derived.ask_columns(Data().catalog()) == ["id", "position", "ask", "text", "status", "last_step", "open", "targets", "topics", "example"]
    assert dict(derived.ASK_DOCS)["status"] == "the latest step's status: drafted, asked, acknowledged, committed, delivered, refused"


def test_an_ask_row_gives_its_latest_step_and_whether_it_is_open():
    data = Data()
    data.post("alderman")
    data.position(
        "reserve",
        example=True,
        targets=["alderman"],
        topics=["social-procurement", "work"],
        asks=[
            {"id": "first", "text": "Reserve.", "history": [step("2025-01-01", "asked"), step("2025-03-01", "committed")]},
            {"id": "second", "text": "Buy."},
        ],
    )
    data.position("old", status="dropped", asks=[{"id": "done", "text": "Done.", "history": [step("2024-05-01", "asked")]}])
    assert derived.ask_rows(data.catalog()) == [
        {
            "id": "old#done",
            "position": "old",
            "ask": "done",
            "text": "Done.",
            "status": "asked",
            "last_step": "2024-05-01",
            "open": False,
            "targets": [],
            "topics": [],
            "example": False,
        },
        {
            "id": "reserve#first",
            "position": "reserve",
            "ask": "first",
            "text": "Reserve.",
            "status": "committed",
            "last_step": "2025-03-01",
            "open": True,
            "targets": ["alderman"],
            "topics": ["social-procurement", "work"],
            "example": True,
        },
        {
            "id": "reserve#second",
            "position": "reserve",
            "ask": "second",
            "text": "Buy.",
            "status": "drafted",
            "last_step": None,
            "open": True,
            "targets": ["alderman"],
            "topics": ["social-procurement", "work"],
            "example": True,
        },
    ]


def test_the_matrix_has_a_column_per_certification_scheme_between_the_name_and_article20():
    data = Data()
    data.scheme("wise", kind="definition")
    data.scheme("keur")
    data.scheme("bcorp")
    assert derived.matrix_columns(data.catalog()) == ["id", "name", "bcorp", "keur", "article20", "example"]
    assert [name for name, _ in derived.MATRIX_DOCS] == ["id", "name", "<scheme id>", "article20", "example"]
    assert dict(derived.MATRIX_DOCS)["<scheme id>"] == (
        "one column per certification scheme: the enterprise's state today (applied, certified, reassessment-due, expired, withdrawn), "
        "empty when it never applied"
    )


def test_a_matrix_row_gives_the_best_state_per_scheme_and_the_article20_test():
    data = Data()
    data.scheme("wise", kind="definition")
    data.scheme("keur")
    data.scheme("bcorp")
    rules(data)
    data.enterprise(
        "bakery",
        name="The Bakery",
        example=True,
        figures=[staff(2025, 40, 100)],
        certifications=[certified("keur", until=TODAY - DAY), certified("keur"), certified("wise")],
    )
    data.enterprise("shop", name="Shop", figures=[staff(2025, 20, 100)], certifications=[{"scheme": "bcorp", "status": "applied"}])
    data.enterprise("unknown", name="Unknown")
    assert derived.matrix_rows(data.catalog()) == [
        {"id": "bakery", "name": "The Bakery", "bcorp": None, "keur": "certified", "article20": "yes", "example": True},
        {"id": "shop", "name": "Shop", "bcorp": "applied", "keur": None, "article20": "no", "example": False},
        {"id": "unknown", "name": "Unknown", "bcorp": None, "keur": None, "article20": "unknown", "example": False},
    ]


def test_the_matrix_without_rules_tests_article20_at_30_percent():
    data = Data()
    data.enterprise("e", figures=[staff(2025, 30, 100)])
    assert derived.matrix_rows(data.catalog()) == [{"id": "e", "name": "E", "article20": "yes", "example": False}]


def test_the_matrix_uses_the_rules_minimum_share():
    data = Data()
    rules(data, minimum_share=50)
    data.enterprise("e", figures=[staff(2025, 40, 100)])
    assert derived.matrix_rows(data.catalog())[0]["article20"] == "no"
