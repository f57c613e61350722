"""The buyers' pages: the procurement rules with their sources, the social return calculator (its worked example and the
WISEs whose purchases count), the certification matrix and the self-test."""

from __future__ import annotations

import datetime as dt

from catalogs import DEFAULTS, TODAY, Data

from macros.showcase import Facet, FacetValue
from macros.views.base import Link, Section, Site, Span, Status, When
from macros.views.buying import (
    EXAMPLE_VALUES,
    ExampleRow,
    FactorRow,
    ProcurementView,
    RateRow,
    SocialReturnView,
    ThresholdRow,
    WiseOffer,
    euros,
    procurement_view,
    social_return_view,
    source_link,
)
from macros.views.scheme import Criterion, MatrixRow, NextScheme, SelfTestView, certification_view, matrix_row, self_test_view

DAY = dt.timedelta(days=1)
SOURCE = {"title": "P", "url": "https://example.org/p"}
P = Link("https://example.org/p", "P")
LOW_LABOUR = {"id": "low-labour", "label": "Little labour", "percentage": 2, "labour_share_below": 30, "example": True, "source": SOURCE}


def rules(data: Data, *, factors: tuple[dict, ...] = (), rates: tuple[dict, ...] = (), **changes):
    """The default procurement rules (services threshold €216,000, standard rate 5%) with `rates` added, these
    `factors`, and top-level `changes`."""
    fields = DEFAULTS["procurement"]("procurement")
    fields["social_return"]["rates"] += list(rates)
    fields["social_return"]["factors"] = [{"source": SOURCE, **f} for f in factors]
    return data.procurement(**{**fields, **changes})


def certified(scheme: str, **fields) -> dict:
    return {"scheme": scheme, "status": "certified", **fields}


# -- small helpers -------------------------------------------------------------------------------
def test_euros_are_whole_with_thousands_separators():
    assert [euros(50_000), euros(0), euros(12_500.4), euros(12_500.5), euros(1_000_000)] == ["€50,000", "€0", "€12,500", "€12,500", "€1,000,000"]


def test_a_source_link_names_the_date_of_its_text_when_known():
    data = Data()
    procurement = rules(data)
    dated = procurement.thresholds[0].source.model_copy(update={"date": dt.date(2025, 10, 22)})
    assert source_link(dated) == Link("https://example.org/t", "T (2025-10-22)")
    assert source_link(procurement.thresholds[0].source) == Link("https://example.org/t", "T")


# -- the procurement rules page --------------------------------------------------------------------
def test_the_rules_page_shows_every_rule_with_its_source():
    data = Data()
    data.scheme("keur", name="Social Keur")
    data.scheme("code", name="Code")
    fields = DEFAULTS["procurement"]("procurement")
    fields["thresholds"].append(
        {
            "id": "works",
            "label": "Works",
            "amount": 5404000,
            "valid_from": "2026-01-01",
            "valid_until": "2027-12-31",
            "source": {"title": "Regulation", "url": "https://example.org/r", "date": "2025-10-22"},
        }
    )
    fields["reserved_contracts"].update(figures_valid_years=3, sources=[{"title": "A20", "url": "https://example.org/a20"}, SOURCE])
    fields["social_return"].update(valid_until="2027-12-31")
    fields["social_return"]["rates"].append(LOW_LABOUR)
    fields["social_return"]["factors"] = [
        {"scheme": "code", "factor": 0.5, "example": True, "source": SOURCE},
        {"scheme": "keur", "factor": 1, "source": SOURCE},
    ]
    procurement = data.procurement(**fields)
    assert procurement_view(data.catalog(), procurement) == ProcurementView(
        title="Procurement rules",
        kind="procurement",
        record_id="procurement",
        example=False,
        source_path="data/procurement.yml",
        toc=(Section("thresholds", "EU thresholds"), Section("reserved", "Reserved contracts (Article 20)"), Section("social-return", "Social return in Tiny")),
        thresholds=(
            ThresholdRow("Services", "€216,000", Span(When("2026-01-01", "1 January 2026"), None, ""), Link("https://example.org/t", "T")),
            ThresholdRow(
                "Works",
                "€5,404,000",
                Span(When("2026-01-01", "1 January 2026"), When("2027-12-31", "31 December 2027"), ""),
                Link("https://example.org/r", "Regulation (2025-10-22)"),
            ),
        ),
        reserved_summary="Reserve.",
        minimum_share="30%",
        figures_valid="3 years",
        reserved_sources=(Link("https://example.org/a20", "A20"), P),
        city="Tiny",
        social_return_summary="Owe.",
        applies_above="€216,000 (Services)",
        rates=(RateRow("standard", "Contracts", "5%", "5", False, False, P), RateRow("low-labour", "Little labour", "2%", "2", True, True, P)),
        factors=(FactorRow(Link("certification/keur/", "Social Keur"), "1", False, P), FactorRow(Link("certification/code/", "Code"), "0.5", True, P)),
        policy_period=Span(When("2026-01-01", "1 January 2026"), When("2027-12-31", "31 December 2027"), ""),
        policy_sources=(P,),
        calculator=Link("buy-social/social-return/", "the social return calculator"),
    )


def test_the_rules_page_counts_figures_for_two_years_when_the_file_does_not_say():
    data = Data()
    assert procurement_view(data.catalog(), rules(data)).figures_valid == "2 years"


def test_the_rules_page_says_one_year_and_a_decimal_share_as_written():
    data = Data()
    fields = DEFAULTS["procurement"]("procurement")
    fields["reserved_contracts"].update(figures_valid_years=1, minimum_share=33.5)
    view = procurement_view(data.catalog(), data.procurement(**fields))
    assert (view.figures_valid, view.minimum_share) == ("1 year", "33.5%")


def test_the_rules_page_lists_factors_largest_first_then_by_scheme():
    data = Data()
    for s in ("a", "b", "c"):
        data.scheme(s)
    procurement = rules(data, factors=({"scheme": "c", "factor": 0.5}, {"scheme": "b", "factor": 0.5}, {"scheme": "a", "factor": 0.25}))
    assert [(f.scheme.url, f.factor) for f in procurement_view(data.catalog(), procurement).factors] == [
        ("certification/b/", "0.5"),
        ("certification/c/", "0.5"),
        ("certification/a/", "0.25"),
    ]


def test_the_rules_page_marks_example_rules():
    data = Data()
    view = procurement_view(data.catalog(), rules(data, example=True))
    assert view.example is True
    assert view.marker == "procurement:procurement"


# -- the social return calculator ----------------------------------------------------------------
def calculator_data() -> Data:
    """Rules with a standard rate of 5% and a low-labour one of 2%, purchases counting at 1 (keur) and 0.5 (code, bcorp)."""
    data = Data()
    data.scheme("keur", name="Social Keur")
    data.scheme("code", name="Code")
    data.scheme("bcorp", name="B Corp")
    rules(
        data,
        rates=(LOW_LABOUR,),
        factors=({"scheme": "code", "factor": 0.5}, {"scheme": "keur", "factor": 1, "example": True}, {"scheme": "bcorp", "factor": 0.5}),
    )
    return data


def test_the_worked_example_gives_what_each_contract_owes_at_each_rate_and_what_covers_it_at_each_factor():
    view = social_return_view(calculator_data().catalog())
    assert EXAMPLE_VALUES == (100_000, 250_000, 500_000, 1_000_000, 5_000_000)
    assert view.examples == (
        ExampleRow("€100,000", ("€0", "€0"), ("€0", "€0")),  # at or below the threshold: nothing owed
        ExampleRow("€250,000", ("€12,500", "€5,000"), ("€12,500", "€25,000")),
        ExampleRow("€500,000", ("€25,000", "€10,000"), ("€25,000", "€50,000")),
        ExampleRow("€1,000,000", ("€50,000", "€20,000"), ("€50,000", "€100,000")),
        ExampleRow("€5,000,000", ("€250,000", "€100,000"), ("€250,000", "€500,000")),
    )
    assert (view.factors, view.factor_labels) == (("1", "0.5"), ("at factor 1", "at factor 0.5"))  # each factor once, largest first


def test_the_worked_example_owes_nothing_at_exactly_the_threshold():
    data = Data()
    fields = DEFAULTS["procurement"]("procurement")
    fields["thresholds"][0]["amount"] = 250_000
    fields["social_return"]["factors"] = [{"scheme": "keur", "factor": 0.5, "source": SOURCE}]
    data.procurement(**fields)
    data.scheme("keur")
    assert social_return_view(data.catalog()).examples[:2] == (
        ExampleRow("€100,000", ("€0",), ("€0",)),
        ExampleRow("€250,000", ("€0",), ("€0",)),
    )


def test_the_calculator_lists_only_the_wises_whose_purchases_count():
    data = calculator_data()
    data.vocabulary("offering-categories", entries=[{"id": "printing", "label": "Printing"}, {"id": "catering", "label": "Catering"}])
    data.enterprise(
        "bakery",
        name="The Bakery",
        example=True,
        contact={"email": "info@bakery.example.org"},
        offerings=[{"name": "Lunch", "category": "catering"}, {"name": "Cards", "category": "printing"}, {"name": "Cake", "category": "catering"}],
        certifications=[certified("code"), certified("keur")],
    )
    data.enterprise("shop", name="Shop", offerings=[{"name": "Posters", "category": "printing"}], certifications=[certified("bcorp")])
    data.enterprise("lapsed", certifications=[certified("keur", until=TODAY - DAY)])
    data.enterprise("uncounted", certifications=[certified("other")])
    data.enterprise("none")
    view = social_return_view(data.catalog(), Site(site_name="Site"))
    assert view.wises == (
        WiseOffer(
            key="bakery",
            link=Link("showcase/bakery/#buyers", "The Bakery"),
            example=True,
            factor="1",
            factor_value="1",
            categories="catering printing",
            offers="Lunch; Cards; Cake",
            quote=Link("mailto:info@bakery.example.org?subject=Quote%20request%3A%20Lunch%3B%20Cards%3B%20Cake%20%28via%20Site%29", "Request a quote"),
        ),
        WiseOffer("shop", Link("showcase/shop/#buyers", "Shop"), False, "0.5", "0.5", "printing", "Posters", None),
    )
    assert view.categories == (("printing", "Printing"), ("catering", "Catering"))


def test_the_calculator_shows_every_number_from_the_rules():
    data = Data()
    procurement = rules(data, rates=(LOW_LABOUR,))
    assert social_return_view(data.catalog()) == SocialReturnView(
        title="Social return calculator",
        toc=(Section("calculator", "Work out a contract"), Section("example", "A worked example"), Section("wises", "WISEs whose purchases count")),
        city="Tiny",
        summary="Owe.",
        threshold="€216,000 (Services)",
        threshold_value="216000",
        rates=(RateRow("standard", "Contracts", "5%", "5", False, False, P), RateRow("low-labour", "Little labour", "2%", "2", True, True, P)),
        factors=(),
        factor_labels=(),
        examples=tuple(ExampleRow(euros(v), (euros(0 if v <= 216_000 else v / 20), euros(0 if v <= 216_000 else v / 50)), ()) for v in EXAMPLE_VALUES),
        categories=(),
        wises=(),
        catalogue=Link("buy-social/", "the buy-social catalogue"),
        rules=Link("buy-social/rules/", "the procurement rules and their sources"),
    )
    assert procurement.id == "procurement"


def test_a_rate_with_a_decimal_percentage_is_shown_and_given_to_the_script_as_written():
    data = Data()
    rules(data, rates=({"id": "tiny", "label": "Tiny", "percentage": 2.5, "labour_share_below": 10, "source": SOURCE},))
    assert social_return_view(data.catalog()).rates[1] == RateRow("tiny", "Tiny", "2.5%", "2.5", True, False, P)


def test_a_factor_of_zero_does_not_break_the_calculator():
    data = Data()
    data.scheme("keur")
    rules(data, factors=({"scheme": "keur", "factor": 0},))
    view = social_return_view(data.catalog())
    assert view.wises == ()


def test_the_script_gets_the_threshold_exactly():
    data = Data()
    fields = DEFAULTS["procurement"]("procurement")
    fields["thresholds"][0]["amount"] = 1_234_567
    data.procurement(**fields)
    assert social_return_view(data.catalog()).threshold_value == "1234567"


# -- the certification matrix --------------------------------------------------------------------
def test_a_matrix_row_gives_each_schemes_state_by_the_holding_that_says_most():
    data = Data()
    keur = data.scheme("keur")
    bcorp = data.scheme("bcorp")
    other = data.scheme("other")
    e = data.enterprise(
        "e",
        name="E",
        example=True,
        certifications=[
            {"scheme": "keur", "status": "applied"},
            certified("keur", until=TODAY + DAY),
            certified("keur", until=TODAY - DAY),
            {"scheme": "bcorp", "status": "withdrawn"},
            certified("bcorp", until=TODAY - DAY),
        ],
    )
    assert matrix_row(data.catalog(), e, [keur, bcorp, other]) == MatrixRow(
        key="e",
        marker="enterprise:e",
        link=Link("showcase/e/", "E"),
        example=True,
        states=(("keur", Status("reassessment-due", "re-assessment due")), ("bcorp", Status("expired", "expired")), ("other", None)),
        article20=Status("article20-unknown", "unknown"),
        filters=(("certification", "keur"), ("article20", "unknown")),
    )


def test_a_matrix_row_gives_the_article20_test_of_the_rules():
    data = Data()
    rules(data)
    yes = data.enterprise("yes", figures=[{"year": 2025, "jobs_target_group": 30, "staff_total": 100}])
    no = data.enterprise("no", figures=[{"year": 2025, "jobs_target_group": 29, "staff_total": 100}])
    catalog = data.catalog()
    assert (matrix_row(catalog, yes, []).article20, dict(matrix_row(catalog, yes, []).filters)["article20"]) == (Status("article20-yes", "at least 30%"), "yes")
    assert (matrix_row(catalog, no, []).article20, dict(matrix_row(catalog, no, []).filters)["article20"]) == (Status("article20-no", "below 30%"), "no")


def test_the_matrix_has_a_row_per_enterprise_and_a_column_per_certification_scheme():
    data = Data()
    data.scheme("wise", name="WISE", kind="definition")
    data.scheme("keur", name="Social Keur")
    data.scheme("bcorp", name="B Corp")
    data.enterprise("b", certifications=[certified("keur")])
    data.enterprise("a", certifications=[{"scheme": "bcorp", "status": "applied"}])
    view = certification_view(data.catalog())
    assert view.matrix_schemes == (Link("certification/bcorp/", "B Corp"), Link("certification/keur/", "Social Keur"))
    assert [(r.key, r.states) for r in view.matrix] == [
        ("a", (("bcorp", Status("applied", "applied")), ("keur", None))),
        ("b", (("bcorp", None), ("keur", Status("certified", "certified")))),
    ]
    assert view.count == 2


def test_the_matrix_filters_count_schemes_held_today_and_article20_states_offering_each_at_zero():
    data = Data()
    data.scheme("keur", name="Social Keur")
    data.scheme("bcorp", name="B Corp")
    rules(data)
    data.enterprise("a", certifications=[certified("keur")], figures=[{"year": 2025, "jobs_target_group": 40, "staff_total": 100}])
    data.enterprise("b", certifications=[certified("keur", until=TODAY - DAY)], figures=[{"year": 2025, "jobs_target_group": 45, "staff_total": 100}])
    data.enterprise("c", certifications=[{"scheme": "bcorp", "status": "applied"}])
    assert certification_view(data.catalog()).facets == (
        Facet("certification", "Certified now", (FacetValue("bcorp", "B Corp", 0), FacetValue("keur", "Social Keur", 1))),
        Facet("article20", "Article 20 test", (FacetValue("yes", "at least 30%", 2), FacetValue("no", "below 30%", 0), FacetValue("unknown", "unknown", 1))),
    )


def test_the_matrix_names_the_minimum_share_of_the_rules():
    data = Data()
    fields = DEFAULTS["procurement"]("procurement")
    fields["reserved_contracts"]["minimum_share"] = 25
    data.procurement(**fields)
    e = data.enterprise("e", figures=[{"year": 2025, "jobs_target_group": 25, "staff_total": 100}])
    assert matrix_row(data.catalog(), e, []).article20 == Status("article20-yes", "at least 25%")


# -- the self-test -------------------------------------------------------------------------------
def test_the_self_test_asks_the_definitions_criteria_and_lists_the_schemes_to_apply_for():
    data = Data()
    data.scheme(
        "wise",
        name="WISE",
        kind="definition",
        criteria=[{"id": "mission", "text": "A social mission."}, {"id": "work", "text": "Work for people far from the labour market."}],
    )
    data.scheme("keur", name="Social Keur", owner="Keur Foundation", url="https://keur.example.org")
    data.scheme("bcorp", name="B Corp")
    assert self_test_view(data.catalog()) == SelfTestView(
        title="Is my enterprise a WISE?",
        toc=(Section("questions", "The questions"), Section("next", "What to do next")),
        definition=Link("certification/wise/", "WISE"),
        criteria=(Criterion("criterion-mission", "A social mission."), Criterion("criterion-work", "Work for people far from the labour market.")),
        schemes=(
            NextScheme(Link("certification/bcorp/", "B Corp"), None, None),
            NextScheme(Link("certification/keur/", "Social Keur"), "Keur Foundation", Link("https://keur.example.org", "their website")),
        ),
    )


def test_without_a_definition_the_self_test_has_no_questions():
    data = Data()
    data.scheme("keur", name="Social Keur")
    assert self_test_view(data.catalog()) == SelfTestView(
        title="Is my enterprise a WISE?",
        toc=(Section("next", "What to do next"),),
        definition=None,
        criteria=(),
        schemes=(NextScheme(Link("certification/keur/", "Social Keur"), None, None),),
    )


def test_the_certification_page_links_the_self_test_only_with_a_definition():
    data = Data()
    data.scheme("wise", kind="definition")
    assert certification_view(data.catalog()).self_test == Link("certification/self-test/", "Is my enterprise a WISE? Take the self-test")
    data = Data()
    data.scheme("keur")
    assert certification_view(data.catalog()).self_test is None
