"""Buy social: the sector's figures with their citation, categories with CPV codes and suppliers (where they deliver, their
Article 20 test, a quote link), the filters."""

from __future__ import annotations

import datetime as dt

from catalogs import DEFAULTS, TODAY, Data

from macros.showcase import Facet, FacetValue
from macros.views.base import Citation, Link, Section, Site
from macros.views.buy_social import BuySocialView, Category, SectorFigures, SupplierCard, buy_social_view, sector_figures, supplier
from macros.views.paging import Paging

DAY = dt.timedelta(days=1)


def vocabularies(data: Data) -> Data:
    data.vocabulary("districts", entries=[{"id": "noord", "label": "North"}, {"id": "west", "label": "West side"}, {"id": "oost", "label": "East"}])
    data.vocabulary(
        "offering-categories",
        entries=[
            {"id": "printing", "label": "Printing", "cpv": ["79800000-2"], "description": "Print work."},
            {"id": "catering", "label": "Catering", "cpv": ["55520000-1", "55521000-8"]},
            {"id": "cleaning", "label": "Cleaning", "cpv": ["90910000-9"]},
        ],
    )
    return data


# -- the sector's figures ------------------------------------------------------------------------
def year(data: Data, y: int, example: bool = False, **measures):
    return data.monitoring(str(y), source={"title": f"Monitor {y}", "url": f"https://example.org/{y}", "publisher": "City"}, measures=measures, example=example)


def test_the_figures_come_from_a_real_year_counting_both_measures_with_its_citation():
    data = Data()
    year(data, 2024, jobs_target_group=1250, moved_to_paid_work=40)
    assert sector_figures(data.catalog()) == SectorFigures(
        "2024", "1,250", "40", Citation("https://example.org/2024", "2024", "Monitor 2024", "https://example.org/2024", "City", False)
    )


def test_small_sector_counts_are_shown_as_under_ten():
    data = Data()
    year(data, 2024, jobs_target_group=9, moved_to_paid_work=1)
    figures = sector_figures(data.catalog())
    assert (figures.at_work, figures.moved_on) == ("<10", "<10")


def test_example_years_and_years_missing_a_measure_are_passed_over():
    data = Data()
    year(data, 2020, example=True, jobs_target_group=100, moved_to_paid_work=10)
    year(data, 2021, jobs_target_group=100)
    year(data, 2022, moved_to_paid_work=10)
    year(data, 2023, jobs_target_group=300, moved_to_paid_work=0)
    assert sector_figures(data.catalog()).year == "2023"


def test_of_several_real_years_the_earliest_is_shown():
    data = Data()
    year(data, 2025, jobs_target_group=500, moved_to_paid_work=50)
    year(data, 2023, jobs_target_group=300, moved_to_paid_work=30)
    year(data, 2024, jobs_target_group=400, moved_to_paid_work=40)
    assert sector_figures(data.catalog()).year == "2023"


def test_without_a_usable_year_there_are_no_figures():
    assert sector_figures(Data().catalog()) is None
    data = Data()
    year(data, 2020, example=True, jobs_target_group=100, moved_to_paid_work=10)
    year(data, 2021, jobs_target_group=100)
    assert sector_figures(data.catalog()) is None


# -- a supplier card ---------------------------------------------------------------------------
QUOTE_SUBJECT = "Quote%20request%3A%20{}%20%28via%20the%20social%20enterprise%20platform%29"


def test_a_supplier_card_names_what_the_enterprise_offers_in_that_category():
    data = vocabularies(Data())
    e = data.enterprise(
        "print-shop",
        name="Print Shop",
        district="west",
        example=True,
        contact={"email": "orders@print.example.org", "phone": "020 123 4567"},
        offerings=[{"name": "Flyers", "category": "printing"}, {"name": "Lunch", "category": "catering"}, {"name": "Posters", "category": "printing"}],
    )
    catalog = data.catalog()
    assert supplier(catalog, e, "printing", Site()) == SupplierCard(
        key="print-shop",
        marker="enterprise:print-shop",
        link=Link("showcase/print-shop/#buy", "Print Shop"),
        example=True,
        offers="Flyers; Posters",
        area="West side",
        eligible="unknown",
        eligible_text="unknown",
        quote=Link("mailto:orders@print.example.org?subject=" + QUOTE_SUBJECT.format("Flyers%3B%20Posters"), "Request a quote"),
        filters=(("category", "printing"), ("area", "west"), ("article20", "unknown"), ("certification", ""), ("target_group", "")),
    )
    assert supplier(catalog, e, "catering", Site()).offers == "Lunch"


def test_a_supplier_without_an_email_address_has_no_quote_link():
    data = Data()
    no_contact = data.enterprise("a")
    phone_only = data.enterprise("b", contact={"phone": "020 123 4567"})
    catalog = data.catalog()
    assert supplier(catalog, no_contact, "printing", Site()).quote is None
    assert supplier(catalog, phone_only, "printing", Site()).quote is None
    assert supplier(catalog, no_contact, "printing", Site()).area == "noord"  # no districts vocabulary: the id


def test_the_quote_subject_names_the_site_it_was_sent_from():
    data = Data()
    e = data.enterprise("a", contact={"email": "a@example.org"}, offerings=[{"name": "Cards", "category": "printing"}])
    card = supplier(data.catalog(), e, "printing", Site(site_name="Wise & Co"))
    assert card.quote == Link("mailto:a@example.org?subject=Quote%20request%3A%20Cards%20%28via%20Wise%20%26%20Co%29", "Request a quote")


def test_a_supplier_serving_the_whole_city_reads_the_whole_city_and_filters_on_every_district():
    data = vocabularies(Data())
    e = data.enterprise("a", district="west", serves="city-wide", offerings=[{"name": "Cards", "category": "printing"}])
    card = supplier(data.catalog(), e, "printing", Site())
    assert (card.area, dict(card.filters)["area"]) == ("the whole city", "noord west oost")


def test_a_supplier_serving_listed_districts_names_them_in_id_order():
    data = vocabularies(Data())
    e = data.enterprise("a", district="west", serves=["west", "oost"], offerings=[{"name": "Cards", "category": "printing"}])
    card = supplier(data.catalog(), e, "printing", Site())
    assert (card.area, dict(card.filters)["area"]) == ("East, West side", "oost west")


def test_a_supplier_card_carries_the_article20_test_schemes_held_today_and_target_groups():
    data = vocabularies(Data())
    data.procurement()
    e = data.enterprise(
        "a",
        target_groups=["youth", "refugees", "youth"],
        figures=[{"year": 2025, "jobs_target_group": 30, "staff_total": 100}],
        certifications=[
            {"scheme": "keur", "status": "certified"},
            {"scheme": "bcorp", "status": "certified", "until": TODAY - DAY},
            {"scheme": "code", "status": "certified", "until": TODAY + DAY},
        ],
        offerings=[{"name": "Cards", "category": "printing"}],
    )
    card = supplier(data.catalog(), e, "printing", Site())
    assert (card.eligible, card.eligible_text) == ("yes", "at least 30%")
    assert card.filters[2:] == (("article20", "yes"), ("certification", "code keur"), ("target_group", "refugees youth"))


def test_a_supplier_below_the_share_is_marked_below():
    data = Data()
    data.procurement()
    e = data.enterprise("a", figures=[{"year": 2025, "jobs_target_group": 29, "staff_total": 100}])
    card = supplier(data.catalog(), e, "printing", Site())
    assert (card.eligible, card.eligible_text) == ("no", "below 30%")


# -- the page ----------------------------------------------------------------------------------
def test_the_page_lists_each_category_in_vocabulary_order_with_its_suppliers():
    data = vocabularies(Data())
    data.enterprise("b", name="Bee", district="west", offerings=[{"name": "Flyers", "category": "printing"}, {"name": "Lunch", "category": "catering"}])
    data.enterprise("a", name="Ay", district="west", offerings=[{"name": "Cards", "category": "printing"}, {"name": "Menus", "category": "printing"}])
    data.enterprise("c", name="Sea", district="noord")
    view = buy_social_view(data.catalog())

    def card(rid, name, offers, district="west", label="West side", category="printing"):
        return SupplierCard(
            rid,
            f"enterprise:{rid}",
            Link(f"showcase/{rid}/#buy", name),
            False,
            offers,
            label,
            "unknown",
            "unknown",
            None,
            (("category", category), ("area", district), ("article20", "unknown"), ("certification", ""), ("target_group", "")),
        )

    assert view.categories == (
        Category("category-printing", "Printing", "79800000-2", "Print work.", (card("a", "Ay", "Cards; Menus"), card("b", "Bee", "Flyers"))),
        Category("category-catering", "Catering", "55520000-1, 55521000-8", None, (card("b", "Bee", "Lunch", category="catering"),)),
        Category("category-cleaning", "Cleaning", "90910000-9", None, ()),  # listed even when nobody offers it yet
    )
    assert view.count == 3  # a supplier card for each category an enterprise offers in


def test_the_filters_count_supplier_cards_and_offer_every_vocabulary_value_even_at_zero():
    data = vocabularies(Data())
    data.vocabulary("target-groups", entries=[{"id": "youth", "label": "Young people"}])
    data.scheme("keur", name="Social Keur")
    data.procurement()
    data.enterprise(
        "b",
        district="west",
        serves="city-wide",
        target_groups=["youth"],
        figures=[{"year": 2025, "jobs_target_group": 40, "staff_total": 100}],
        certifications=[{"scheme": "keur", "status": "certified"}],
        offerings=[{"name": "Flyers", "category": "printing"}, {"name": "Lunch", "category": "catering"}],
    )
    data.enterprise("a", district="noord", offerings=[{"name": "Cards", "category": "printing"}])
    view = buy_social_view(data.catalog())
    assert view.facets == (
        Facet("category", "Offers", (FacetValue("catering", "Catering", 1), FacetValue("cleaning", "Cleaning", 0), FacetValue("printing", "Printing", 2))),
        Facet("area", "Delivers in", (FacetValue("oost", "East", 2), FacetValue("noord", "North", 3), FacetValue("west", "West side", 2))),
        Facet(
            "article20",
            "Article 20 test (reserved contracts)",
            (
                FacetValue("yes", "at least 30%", 2),
                FacetValue("no", "below 30%", 0),
                FacetValue("unknown", "unknown", 1),
            ),
        ),
        Facet("certification", "Certified now", (FacetValue("keur", "Social Keur", 2),)),
        Facet("target_group", "Works with", (FacetValue("youth", "Young people", 2),)),
    )


def test_without_vocabularies_the_page_has_no_categories_and_filters_only_on_article20():
    data = Data()
    data.procurement()
    data.enterprise("a", offerings=[{"name": "Cards", "category": "printing"}])
    assert buy_social_view(data.catalog(), Site()) == BuySocialView(
        title="Buy social",
        wide=True,
        toc=(Section("catalogue", "The catalogue"), Section("why", "Why buy social")),
        figures=None,
        positions=(),
        facets=(
            Facet("category", "Offers", ()),
            Facet("area", "Delivers in", ()),
            Facet(
                "article20",
                "Article 20 test (reserved contracts)",
                (
                    FacetValue("yes", "at least 30%", 0),
                    FacetValue("no", "below 30%", 0),
                    FacetValue("unknown", "unknown", 0),
                ),
            ),
            Facet("certification", "Certified now", ()),
            Facet("target_group", "Works with", ()),
        ),
        categories=(),
        calculator=Link("buy-social/social-return/", "the social return calculator"),
        rules=Link("buy-social/rules/", "the procurement rules and their sources"),
        paging=Paging("buy-social/", 48, 0, "Offers"),
    )


def test_without_procurement_rules_the_page_links_no_rules():
    assert buy_social_view(Data().catalog()).rules is None


def test_without_procurement_rules_the_page_links_no_calculator():
    assert buy_social_view(Data().catalog()).calculator is None


def test_the_article20_filter_names_the_minimum_share_of_the_rules():
    data = Data()
    fields = DEFAULTS["procurement"]("procurement")
    fields["reserved_contracts"]["minimum_share"] = 25
    data.procurement(**fields)
    e = data.enterprise("a", figures=[{"year": 2025, "jobs_target_group": 25, "staff_total": 100}])
    card = supplier(data.catalog(), e, "printing", Site())
    assert (card.eligible, "30%" in card.eligible_text, "25%" in card.eligible_text) == ("yes", False, True)


def test_the_page_links_the_positions_on_social_procurement_only():
    data = vocabularies(Data())
    data.position("reserve", title="Reserve contracts", topics=["social-procurement", "work"])
    data.position("parks", title="Parks", topics=["green"])
    data.position("buy-more", title="Buy more", topics=["social-procurement"])
    data.position("untagged", title="Untagged")
    year(data, 2024, jobs_target_group=20, moved_to_paid_work=3)
    view = buy_social_view(data.catalog())
    assert view.positions == (Link("lobby/positions/buy-more/", "Buy more"), Link("lobby/positions/reserve/", "Reserve contracts"))
    assert view.figures == SectorFigures(
        "2024", "20", "<10", Citation("https://example.org/2024", "2024", "Monitor 2024", "https://example.org/2024", "City", False)
    )
    assert view.count == 0
    assert view.toc == (Section("catalogue", "The catalogue"), Section("why", "Why buy social"))
