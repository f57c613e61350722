"""Facets: which filter values each item has, how many items have each, and what the text box searches."""

from __future__ import annotations

from catalogs import TODAY, Data

from macros.showcase import SHOWCASE_FACETS, Facet, FacetValue, facet, facet_values, facets, search_text, value_label

LABELS = {"food": "Food", "textile": "textile goods", "metal": "Metalwork"}


def counted(value_lists, offered=()) -> Facet:
    return facet("sector", "Sector", value_lists, lambda v: LABELS.get(v, v), offered)


def vocabularies(data: Data) -> Data:
    data.vocabulary("sectors", entries=[{"id": "food", "label": "Food"}, {"id": "textile", "label": "Textile"}])
    data.vocabulary("districts", entries=[{"id": "noord", "label": "North"}, {"id": "zuid", "label": "South"}])
    data.vocabulary("target-groups", entries=[{"id": "youth", "label": "Young people"}])
    data.vocabulary("offering-categories", entries=[{"id": "catering", "label": "Catering", "cpv": ["55520000-1"]}])
    return data


# -- counting a facet ----------------------------------------------------------------------


def test_a_facet_counts_each_item_once_per_value_sorted_by_label():
    assert counted([["textile", "food", "food"], ["food"], []]) == Facet(
        "sector", "Sector", (FacetValue("food", "Food", 2), FacetValue("textile", "textile goods", 1))
    )


def test_a_facet_offers_the_given_values_at_zero_and_counts_them_when_items_have_them():
    assert counted([["food"]], offered=["metal", "food"]).values == (FacetValue("food", "Food", 1), FacetValue("metal", "Metalwork", 0))


def test_a_facet_over_no_items_offers_only_the_given_values():
    assert (counted([]), counted([], offered=["metal"]).values) == (Facet("sector", "Sector", ()), (FacetValue("metal", "Metalwork", 0),))


def test_facet_values_sort_by_label_ignoring_case():
    found = facet("x", "X", [["b"], ["a"]], {"a": "banana", "b": "Apple"}.get)
    assert [v.id for v in found.values] == ["b", "a"]


def test_facet_values_sort_by_lowercased_label_so_brackets_come_before_letters():
    found = facet("x", "X", [["a"], ["b"]], {"a": "Apple", "b": "[none]"}.get)
    assert [v.id for v in found.values] == ["b", "a"]


def test_facet_values_with_the_same_label_sort_by_id():
    found = facet("x", "X", [["b"], ["c"], ["a"]], {"a": "Same", "b": "same", "c": "Same"}.get)
    assert [v.id for v in found.values] == ["a", "b", "c"]


# -- an enterprise's facet values ----------------------------------------------------------


def test_an_enterprises_facet_values_are_its_fields_each_once_sorted():
    data = Data()
    data.enterprise(
        "bakery",
        sector="food",
        district="noord",
        target_groups=["youth", "refugees", "youth"],
        offerings=[
            {"name": "Bread", "category": "catering"},
            {"name": "Cakes", "category": "catering"},
            {"name": "Aprons", "category": "clothing"},
        ],
        certifications=[
            {"scheme": "zeta", "status": "certified"},
            {"scheme": "keur", "status": "certified", "until": TODAY},
            {"scheme": "gone", "status": "certified", "until": "2026-05-31"},
            {"scheme": "asked", "status": "applied"},
        ],
    )
    data.network("zeta", members=["bakery"])
    data.network("alpha", members=["bakery"])
    data.network("beta", members=["mill"])
    catalog = data.catalog()
    assert facet_values(catalog, catalog.get("enterprise", "bakery")) == {
        "sector": ["food"],
        "district": ["noord"],
        "target_group": ["refugees", "youth"],
        "category": ["catering", "clothing"],
        "certification": ["keur", "zeta"],
        "network": ["alpha", "zeta"],
    }


def test_an_enterprise_with_nothing_optional_has_only_its_sector_and_district():
    data = Data()
    bakery = data.enterprise("bakery", sector="food", district="zuid")
    assert facet_values(data.catalog(), bakery) == {
        "sector": ["food"],
        "district": ["zuid"],
        "target_group": [],
        "category": [],
        "certification": [],
        "network": [],
    }


# -- what a facet value reads as -----------------------------------------------------------


def test_a_vocabulary_facets_value_reads_as_its_vocabulary_label():
    catalog = vocabularies(Data()).catalog()
    assert [
        value_label(catalog, name, value) for name, value in [("sector", "food"), ("district", "zuid"), ("target_group", "youth"), ("category", "catering")]
    ] == [
        "Food",
        "South",
        "Young people",
        "Catering",
    ]


def test_a_vocabulary_facets_value_missing_from_its_vocabulary_reads_as_its_id():
    catalog = vocabularies(Data()).catalog()
    assert value_label(catalog, "sector", "metal") == "metal"


def test_a_certification_value_reads_as_the_schemes_name_and_a_network_value_as_the_networks():
    data = Data()
    data.scheme("keur", name="Social Keur")
    data.network("keur", name="Keur Network")
    catalog = data.catalog()
    assert (value_label(catalog, "certification", "keur"), value_label(catalog, "network", "keur")) == ("Social Keur", "Keur Network")


# -- the showcase's facets -----------------------------------------------------------------


def test_the_showcase_facets_come_in_display_order_counted_over_every_enterprise_with_vocabularies_offered():
    data = vocabularies(Data())
    data.scheme("keur", name="Social Keur")
    data.network("ring", name="The Ring", members=["bakery", "mill"])
    data.enterprise("bakery", sector="food", district="noord", certifications=[{"scheme": "keur", "status": "certified"}])
    data.enterprise("mill", sector="food", district="noord", target_groups=["youth"], offerings=[{"name": "Lunch", "category": "catering"}])
    assert facets(data.catalog()) == [
        Facet("sector", "Sector", (FacetValue("food", "Food", 2), FacetValue("textile", "Textile", 0))),
        Facet("district", "District", (FacetValue("noord", "North", 2), FacetValue("zuid", "South", 0))),
        Facet("target_group", "Works with", (FacetValue("youth", "Young people", 1),)),
        Facet("category", "Offers", (FacetValue("catering", "Catering", 1),)),
        Facet("certification", "Certified now", (FacetValue("keur", "Social Keur", 1),)),
        Facet("network", "Network", (FacetValue("ring", "The Ring", 2),)),
    ]


def test_the_showcase_facets_without_vocabularies_offer_only_values_in_use():
    data = Data()
    data.enterprise("bakery", sector="food", district="noord")
    assert [(f.name, f.values) for f in facets(data.catalog())] == [
        ("sector", (FacetValue("food", "food", 1),)),
        ("district", (FacetValue("noord", "noord", 1),)),
        ("target_group", ()),
        ("category", ()),
        ("certification", ()),
        ("network", ()),
    ]


def test_the_showcase_facets_count_the_given_facet_values_instead_of_every_enterprise():
    data = vocabularies(Data())
    data.enterprise("bakery", sector="food", district="noord")
    given = [{"sector": ["textile"], "district": ["zuid"], "target_group": [], "category": [], "certification": [], "network": []}]
    found = facets(data.catalog(), given)
    assert [f.values for f in found[:2]] == [
        (FacetValue("food", "Food", 0), FacetValue("textile", "Textile", 1)),
        (FacetValue("noord", "North", 0), FacetValue("zuid", "South", 1)),
    ]


def test_the_showcase_facets_name_their_vocabularies():
    assert SHOWCASE_FACETS == (
        ("sector", "Sector", "sectors"),
        ("district", "District", "districts"),
        ("target_group", "Works with", "target-groups"),
        ("category", "Offers", "offering-categories"),
        ("certification", "Certified now", None),
        ("network", "Network", None),
    )


# -- the text box --------------------------------------------------------------------------


def test_the_search_text_is_the_offerings_names_then_descriptions_lowercased_on_single_spaces():
    data = Data()
    bakery = data.enterprise(
        "bakery",
        offerings=[
            {"name": "Sourdough  Bread", "category": "catering", "description": "Baked\tDaily"},
            {"name": "Catering", "category": "catering"},
        ],
    )
    assert search_text(bakery) == "sourdough bread catering baked daily"


def test_an_enterprise_without_offerings_has_no_extra_search_text():
    assert search_text(Data().enterprise("bakery")) == ""
