"""The showcase: one enterprise's page (holdings, offerings, contact, figures, links) and the listing of cards and facets."""

from __future__ import annotations

import datetime as dt

from catalogs import DEFAULTS, TODAY, Data
from markupsafe import Markup

from macros.showcase import Facet, FacetValue
from macros.views.base import Contact, EmbedCode, Link, Section, Site, Span, Status, When
from macros.views.enterprise import (
    BuyersPanel,
    EnterpriseCard,
    EnterpriseView,
    FiguresRow,
    Holding,
    Job,
    MapView,
    NetworkLink,
    Offering,
    address_text,
    buyers_panel,
    cpv_codes,
    enterprise_view,
    figures,
    held,
    holdings,
    map_link,
    quote_link,
    showcase_view,
)

DAY = dt.timedelta(days=1)

EMBED = Section("embed", "Embed this")


def vocabularies(data: Data) -> Data:
    """Vocabularies whose labels differ from their ids, so a test sees which one a view shows."""
    data.vocabulary("sectors", entries=[{"id": "food", "label": "Food and drink"}, {"id": "print", "label": "Printing"}])
    data.vocabulary("districts", entries=[{"id": "noord", "label": "North"}, {"id": "west", "label": "West side"}])
    data.vocabulary("target-groups", entries=[{"id": "youth", "label": "Young people"}, {"id": "refugees", "label": "Refugees"}])
    data.vocabulary(
        "offering-categories",
        entries=[
            {"id": "catering", "label": "Catering", "cpv": ["55520000-1"]},
            {"id": "cleaning", "label": "Cleaning", "cpv": ["90910000-9", "90911000-6"]},
        ],
    )
    return data


def certified(scheme: str, **fields) -> dict:
    return {"scheme": scheme, "status": "certified", **fields}


KEUR = Link("certification/keur/", "Keur")


# -- certification holdings ------------------------------------------------------------------------
def test_each_holding_shows_its_scheme_state_period_and_evidence():
    data = Data()
    data.scheme("keur")
    e = data.enterprise("e", certifications=[certified("keur", since=dt.date(2024, 1, 1), until=dt.date(2027, 1, 1), evidence="https://example.org/cert")])
    assert holdings(data.catalog(), e) == (
        Holding(
            "keur",
            KEUR,
            Status("certified", "certified"),
            Span(When("2024-01-01", "1 January 2024"), When("2027-01-01", "1 January 2027"), ""),
            Link("https://example.org/cert", "evidence"),
        ),
    )


def test_a_holding_without_dates_or_evidence_has_no_period_or_evidence():
    data = Data()
    data.scheme("keur")
    e = data.enterprise("e", certifications=[{"scheme": "keur", "status": "applied"}])
    assert holdings(data.catalog(), e) == (Holding("keur", KEUR, Status("applied", "applied"), None, None),)


def test_the_holding_marker_is_scheme_and_state():
    h = Holding("keur", KEUR, Status("reassessment-due", "re-assessment due"), None, None)
    assert h.marker == "keur:reassessment-due"


def test_only_certified_and_reassessment_due_holdings_are_held():
    data = Data()
    for scheme in ("now", "soon", "gone", "asked", "pulled", "later"):
        data.scheme(scheme)
    e = data.enterprise(
        "e",
        certifications=[
            certified("now"),
            certified("soon", until=TODAY + 30 * DAY),
            certified("gone", until=TODAY - DAY),  # recorded certified, but expired
            {"scheme": "asked", "status": "applied"},
            {"scheme": "pulled", "status": "withdrawn"},
            certified("later", since=TODAY + DAY),  # awarded, not yet in force
        ],
    )
    all_holdings = holdings(data.catalog(), e)
    assert [h.marker for h in all_holdings] == ["now:certified", "soon:reassessment-due", "gone:expired", "asked:applied", "pulled:withdrawn", "later:applied"]
    assert [h.marker for h in held(all_holdings)] == ["now:certified", "soon:reassessment-due"]


def test_an_expired_certificate_never_reads_certified_on_the_page():
    data = Data()
    data.scheme("keur")
    e = data.enterprise("e", certifications=[certified("keur", until=TODAY - DAY)])
    view = enterprise_view(data.catalog(), e)
    assert view.chips == ()
    assert view.holdings == (Holding("keur", KEUR, Status("expired", "expired"), Span(None, When("2026-05-31", "31 May 2026"), ""), None),)


def test_no_holdings_hold_nothing():
    assert held(()) == ()


# -- offerings and CPV codes -------------------------------------------------------------------
def offering(data: Data, **fields):
    return data.enterprise("e", offerings=[{"name": "Lunch", "category": "catering", **fields}]).offerings[0]


def test_an_offering_names_its_own_cpv_code_before_its_category():
    data = vocabularies(Data())
    o = offering(data, cpv="55523000-2")
    assert cpv_codes(data.catalog(), o) == "55523000-2"


def test_an_offering_without_a_cpv_code_has_its_categorys_codes():
    data = vocabularies(Data())
    lunch = offering(data)
    cleaning = data.enterprise("f", offerings=[{"name": "Offices", "category": "cleaning"}]).offerings[0]
    catalog = data.catalog()
    assert cpv_codes(catalog, lunch) == "55520000-1"
    assert cpv_codes(catalog, cleaning) == "90910000-9, 90911000-6"


def test_an_offering_of_an_unknown_category_or_without_the_vocabulary_has_no_cpv_code():
    data = Data()
    o = offering(data)
    assert cpv_codes(data.catalog(), o) == ""
    data = vocabularies(Data())
    o = offering(data, category="printing")
    assert cpv_codes(data.catalog(), o) == ""


def test_the_page_lists_offerings_with_category_link_and_cpv():
    data = vocabularies(Data())
    e = data.enterprise(
        "e",
        offerings=[
            {"name": "Lunch", "category": "catering", "description": "Soup and bread."},
            {"name": "Offices", "category": "cleaning", "cpv": "90919200-4"},
        ],
    )
    assert enterprise_view(data.catalog(), e).offerings == (
        Offering("Lunch", "Soup and bread.", Link("vocabularies/offering-categories/#term-catering", "Catering"), "55520000-1", anchor="offer-1"),
        Offering("Offices", None, Link("vocabularies/offering-categories/#term-cleaning", "Cleaning"), "90919200-4", anchor="offer-2"),
    )


# -- address, map, figures -------------------------------------------------------------------------
def test_an_address_reads_street_postcode_city_leaving_out_what_is_missing():
    data = Data()
    full = data.enterprise("a", address={"street": "Dam 1", "postcode": "1012 JS", "city": "Amsterdam"}).address
    part = data.enterprise("b", address={"street": "Dam 1", "city": "Amsterdam"}).address
    empty = data.enterprise("c", address={}).address
    assert address_text(full) == "Dam 1, 1012 JS, Amsterdam"
    assert address_text(part) == "Dam 1, Amsterdam"
    assert address_text(empty) is None
    assert address_text(None) is None


def test_the_map_link_goes_to_the_place_on_openstreetmap():
    geo = Data().enterprise("a", geo={"lat": 52.37, "lon": 4.89}).geo
    assert map_link(geo) == Link("https://www.openstreetmap.org/?mlat=52.37&mlon=4.89#map=17/52.37/4.89", "on the map")
    assert map_link(None) is None


def test_the_page_links_the_map_only_next_to_an_address():
    data = Data()
    both = data.enterprise("both", address={"city": "Amsterdam"}, geo={"lat": 52.37, "lon": 4.89})
    pin_only = data.enterprise("pin", geo={"lat": 52.37, "lon": 4.89})
    address_only = data.enterprise("address", address={"city": "Amsterdam"})
    catalog = data.catalog()
    assert enterprise_view(catalog, both).map_link == Link("https://www.openstreetmap.org/?mlat=52.37&mlon=4.89#map=17/52.37/4.89", "on the map")
    assert enterprise_view(catalog, pin_only).map_link is None
    assert enterprise_view(catalog, address_only).map_link is None


def test_figures_are_newest_first_with_small_counts_shown_as_under_ten():
    e = Data().enterprise(
        "e",
        figures=[
            {"year": 2023, "jobs_target_group": 9, "moved_to_paid_work": 0, "staff_total": 10},
            {"year": 2025, "jobs_target_group": 1200, "staff_total": 1500},
            {"year": 2024, "jobs_target_group": 10, "moved_to_paid_work": 1, "staff_total": 12},
        ],
    )
    assert figures(e) == (
        FiguresRow("2025", "1,200", "–", "1,500", "data/enterprises/e.yml"),
        FiguresRow("2024", "10", "<10", "12", "data/enterprises/e.yml"),
        FiguresRow("2023", "<10", "0", "10", "data/enterprises/e.yml"),
    )


def test_no_figures_make_no_rows():
    assert figures(Data().enterprise("e")) == ()


# -- the whole page ----------------------------------------------------------------------------
def test_the_page_shows_every_decision_for_a_full_record():
    data = vocabularies(Data())
    data.scheme("keur", name="Social Keur")
    data.scheme("bcorp", name="B Corp")
    e = data.enterprise(
        "bakery",
        name="The Bakery",
        summary="Bread that trains bakers.",
        description="We bake **bread**.",
        sector="food",
        district="noord",
        target_groups=["youth", "refugees"],
        offerings=[{"name": "Lunch", "category": "catering"}],
        address={"street": "Dam 1", "city": "Amsterdam"},
        geo={"lat": 52.37, "lon": 4.89},
        website="https://bakery.example.org",
        contact={"email": "info@bakery.example.org", "phone": "+31 (0)20 123 4567"},
        legal_form="foundation",
        founded=2012,
        how_to_apply="Call us.\n\nOr drop by.",
        jobs=[{"title": "Baker", "url": "https://bakery.example.org/jobs", "description": "Early mornings."}, {"title": "Driver"}],
        figures=[{"year": 2025, "jobs_target_group": 4}],
        certifications=[certified("keur", until=TODAY + 10 * DAY), certified("bcorp", until=TODAY - DAY)],
        example=True,
    )
    data.network("guild", name="Bakers Guild", kind="project", members=["bakery"])
    data.campaign("buy-week", name="Buy Social Week", enterprises=["bakery"])
    data.manifesto(signatories=[{"enterprise": "bakery", "date": "2025-05-04"}])
    keur = Holding(
        "keur",
        Link("certification/keur/", "Social Keur"),
        Status("reassessment-due", "re-assessment due"),
        Span(None, When("2026-06-11", "11 June 2026"), ""),
        None,
    )
    bcorp = Holding("bcorp", Link("certification/bcorp/", "B Corp"), Status("expired", "expired"), Span(None, When("2026-05-31", "31 May 2026"), ""), None)
    assert enterprise_view(data.catalog(), e) == EnterpriseView(
        title="The Bakery",
        kind="enterprise",
        record_id="bakery",
        example=True,
        source_path="data/enterprises/bakery.yml",
        toc=(Section("buy", "Buy from us"), Section("buyers", "For buyers"), Section("work", "Work or refer here"), Section("impact", "Why it matters"), EMBED),
        preview="Bread that trains bakers.",
        structured={
            "@context": "https://schema.org",
            "@type": ["Organization", "LocalBusiness"],
            "@id": "showcase/bakery/#organization",
            "name": "The Bakery",
            "description": "Bread that trains bakers.",
            "url": "https://bakery.example.org",
            "mainEntityOfPage": "showcase/bakery/",
            "address": {"@type": "PostalAddress", "streetAddress": "Dam 1", "addressLocality": "Amsterdam"},
            "geo": {"@type": "GeoCoordinates", "latitude": 52.37, "longitude": 4.89},
            "email": "info@bakery.example.org",
            "telephone": "+31 (0)20 123 4567",
            "foundingDate": "2012",
            "makesOffer": [
                {"@type": "Offer", "url": "showcase/bakery/#offer-1", "itemOffered": {"@type": "Service", "name": "Lunch", "category": "Catering"}},
            ],
            "memberOf": [{"@type": "Organization", "name": "Bakers Guild", "url": "networks/guild/"}],
        },
        summary="Bread that trains bakers.",
        tags=(Link("vocabularies/sectors/#term-food", "Food and drink"), Link("vocabularies/districts/#term-noord", "North")),
        chips=(keur,),
        description=Markup("<p>We bake <strong>bread</strong>.</p>"),
        offerings=(
            Offering(
                "Lunch",
                None,
                Link("vocabularies/offering-categories/#term-catering", "Catering"),
                "55520000-1",
                Link("mailto:info@bakery.example.org?subject=Quote%20request%3A%20Lunch%20%28via%20the%20social%20enterprise%20platform%29", "Request a quote"),
                "offer-1",
            ),
        ),
        buyers=BuyersPanel(
            eligible="unknown",
            eligible_text="Unknown: no figures of its staff and of the target group among them.",
            share=None,
            rules=None,
            factor="0",
            factor_text="No: it holds no scheme whose purchases count towards social return.",
            schemes=(keur,),
        ),
        website=Link("https://bakery.example.org", "https://bakery.example.org"),
        contact=Contact(Link("mailto:info@bakery.example.org", "info@bakery.example.org"), Link("tel:+31201234567", "+31 (0)20 123 4567"), None),
        address="Dam 1, Amsterdam",
        map_link=Link("https://www.openstreetmap.org/?mlat=52.37&mlon=4.89#map=17/52.37/4.89", "on the map"),
        legal_form="foundation",
        founded="2012",
        target_groups=(Link("vocabularies/target-groups/#term-youth", "Young people"), Link("vocabularies/target-groups/#term-refugees", "Refugees")),
        how_to_apply=Markup("<p>Call us.</p><p>Or drop by.</p>"),
        jobs=(Job("Baker", Link("https://bakery.example.org/jobs", "Baker"), "Early mornings."), Job("Driver", None, None)),
        figures=(FiguresRow("2025", "<10", "–", "–", "data/enterprises/bakery.yml"),),
        holdings=(keur, bcorp),
        networks=(NetworkLink(Link("networks/guild/", "Bakers Guild"), "project"),),
        signed=Link("manifesto/", "manifesto"),
        signed_on=When("2025-05-04", "4 May 2025"),
        campaigns=(Link("campaigns/buy-week/", "Buy Social Week"),),
        embed=EmbedCode(
            "embed/enterprise/bakery/",
            '<iframe src="embed/enterprise/bakery/" title="The Bakery at the social enterprise platform" width="100%" height="320" style="border:0" loading="lazy"></iframe>',
        ),
    )


def test_the_page_of_a_bare_record_leaves_every_optional_part_out():
    data = Data()
    e = data.enterprise("e", name="E", summary="S.")
    assert enterprise_view(data.catalog(), e) == EnterpriseView(
        title="E",
        kind="enterprise",
        record_id="e",
        example=False,
        source_path="data/enterprises/e.yml",
        toc=(Section("buy", "Buy from us"), Section("buyers", "For buyers"), Section("work", "Work or refer here"), Section("impact", "Why it matters"), EMBED),
        preview="S.",
        structured={
            "@context": "https://schema.org",
            "@type": "Organization",
            "@id": "showcase/e/#organization",
            "name": "E",
            "description": "S.",
            "url": "showcase/e/",
            "mainEntityOfPage": "showcase/e/",
        },
        summary="S.",
        tags=(Link("vocabularies/sectors/#term-food", "food"), Link("vocabularies/districts/#term-noord", "noord")),
        chips=(),
        description=Markup(""),
        offerings=(),
        buyers=BuyersPanel(
            eligible="unknown",
            eligible_text="Unknown: no figures of its staff and of the target group among them.",
            share=None,
            rules=None,
            factor="0",
            factor_text="No: it holds no scheme whose purchases count towards social return.",
            schemes=(),
        ),
        website=None,
        contact=None,
        address=None,
        map_link=None,
        legal_form=None,
        founded=None,
        target_groups=(),
        how_to_apply=Markup(""),
        jobs=(),
        figures=(),
        holdings=(),
        networks=(),
        signed=None,
        signed_on=None,
        campaigns=(),
        embed=EmbedCode(
            "embed/enterprise/e/",
            '<iframe src="embed/enterprise/e/" title="E at the social enterprise platform" width="100%" height="320" style="border:0" loading="lazy"></iframe>',
        ),
    )


def test_signing_without_a_date_links_the_manifesto_without_a_day():
    data = Data()
    e = data.enterprise("e")
    data.manifesto(signatories=[{"enterprise": "e"}, {"organisation": "A Union", "date": "2025-01-01"}])
    view = enterprise_view(data.catalog(), e)
    assert (view.signed, view.signed_on) == (Link("manifesto/", "manifesto"), None)


def test_another_enterprises_signature_is_not_this_ones():
    data = Data()
    e = data.enterprise("e")
    data.enterprise("f")
    data.manifesto(signatories=[{"enterprise": "f", "date": "2025-01-01"}])
    view = enterprise_view(data.catalog(), e)
    assert (view.signed, view.signed_on) == (None, None)


def test_the_page_lists_the_networks_and_campaigns_naming_the_enterprise_only():
    data = Data()
    e = data.enterprise("e")
    data.enterprise("f")
    data.network("b-net", name="B net", kind="network", members=["e"])
    data.network("a-prog", name="A programme", kind="programme", members=["f", "e"])
    data.network("other", members=["f"])
    data.campaign("one", name="One", enterprises=["e", "f"])
    data.campaign("two", name="Two", enterprises=["f"])
    view = enterprise_view(data.catalog(), e)
    assert view.networks == (NetworkLink(Link("networks/a-prog/", "A programme"), "programme"), NetworkLink(Link("networks/b-net/", "B net"), "network"))
    assert view.campaigns == (Link("campaigns/one/", "One"),)


# -- the showcase listing ----------------------------------------------------------------------
def test_a_card_shows_what_the_listing_and_its_filters_need():
    data = vocabularies(Data())
    data.scheme("keur", name="Social Keur")
    data.scheme("gone", name="Gone")
    data.network("guild", name="Bakers Guild", members=["bakery"])
    data.enterprise(
        "bakery",
        name="The Bakery",
        summary="Bread.",
        example=True,
        sector="food",
        district="west",
        target_groups=["youth", "refugees"],
        offerings=[
            {"name": "Office Cleaning", "category": "cleaning", "description": "Desks  and\nfloors."},
            {"name": "Lunch", "category": "catering"},
            {"name": "Dinner", "category": "catering"},
        ],
        geo={"lat": 52.37, "lon": -4.5},
        certifications=[certified("keur"), certified("gone", until=TODAY - DAY)],
    )
    (card,) = showcase_view(data.catalog()).cards
    assert card == EnterpriseCard(
        key="bakery",
        marker="enterprise:bakery",
        link=Link("showcase/bakery/", "The Bakery"),
        example=True,
        summary="Bread.",
        meta=("Food and drink", "West side"),
        chips=(Holding("keur", Link("certification/keur/", "Social Keur"), Status("certified", "certified"), None, None),),
        offers=("Catering", "Cleaning"),
        filters=(
            ("sector", "food"),
            ("district", "west"),
            ("target_group", "refugees youth"),
            ("category", "catering cleaning"),
            ("certification", "keur"),
            ("network", "guild"),
        ),
        text="office cleaning lunch dinner desks and floors.",
        geo=("52.37", "-4.5"),
    )


def test_a_card_without_a_pin_has_no_geo():
    data = Data()
    data.enterprise("e")
    assert showcase_view(data.catalog()).cards[0].geo is None


def test_the_showcase_lists_every_enterprise_by_id_with_facets_counted():
    data = vocabularies(Data())
    data.scheme("keur", name="Social Keur")
    data.enterprise("b", sector="print", district="noord", offerings=[{"name": "Cards", "category": "catering"}], certifications=[certified("keur")])
    data.enterprise("a", sector="food", district="noord", certifications=[certified("keur", until=TODAY - DAY)])
    data.enterprise("c", sector="food", district="noord", target_groups=["youth"])
    view = showcase_view(data.catalog(), Site(map_tiles="https://tiles.example.org/{z}/{x}/{y}.png", map_attribution="© Tiles"))
    assert [c.marker for c in view.cards] == ["enterprise:a", "enterprise:b", "enterprise:c"]
    assert view.count == 3
    assert view.facets == (
        Facet("sector", "Sector", (FacetValue("food", "Food and drink", 2), FacetValue("print", "Printing", 1))),
        Facet(
            "district",
            "District",
            (FacetValue("noord", "North", 3), FacetValue("west", "West side", 0)),
            (Link("districts/noord/", "North"), Link("districts/west/", "West side")),
            "About each district",
        ),
        Facet("target_group", "Works with", (FacetValue("refugees", "Refugees", 0), FacetValue("youth", "Young people", 1))),
        Facet("category", "Offers", (FacetValue("catering", "Catering", 1), FacetValue("cleaning", "Cleaning", 0))),
        Facet("certification", "Certified now", (FacetValue("keur", "Social Keur", 1),)),  # a's expired certificate is not counted
        Facet("network", "Network", ()),
    )
    assert view.map == MapView("https://tiles.example.org/{z}/{x}/{y}.png", "© Tiles")
    assert (view.title, view.wide, view.toc) == ("Showcase", True, ())


def test_the_showcase_map_uses_openstreetmap_by_default():
    view = showcase_view(Data().catalog())
    assert view.map == MapView("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "© OpenStreetMap contributors")
    assert view.cards == ()
    assert view.count == 0
    assert view.lead.startswith("The city's social enterprises: what they make and sell")


# -- for buyers ----------------------------------------------------------------------------------
SOURCE = {"title": "P", "url": "https://example.org/p"}
RULES = Link("buy-social/rules/", "the procurement rules and their sources")


def with_factors(data: Data, *factors: dict, minimum_share: float = 30) -> None:
    """Procurement rules whose social return counts purchases from holders of schemes at these factors."""
    rules = DEFAULTS["procurement"]("procurement")
    rules["reserved_contracts"]["minimum_share"] = minimum_share
    rules["social_return"]["factors"] = [{"source": SOURCE, **f} for f in factors]
    data.procurement(**rules)


def panel(data: Data, **fields) -> BuyersPanel:
    e = data.enterprise("e", **fields)
    catalog = data.catalog()
    return buyers_panel(catalog, e, holdings(catalog, e))


def test_the_buyers_panel_says_a_contract_may_be_reserved_and_shows_the_share_and_the_rules():
    data = Data()
    with_factors(data)
    assert panel(data, figures=[{"year": 2025, "jobs_target_group": 40, "staff_total": 100}]) == BuyersPanel(
        eligible="yes",
        eligible_text="Yes: at least 30% of its staff belong to the target group (2025). "
        "A contract may be reserved for it under Article 20 (at least 30% of employees disabled or disadvantaged).",
        share="40% of its staff belong to the target group (2025)",
        rules=RULES,
        factor="0",
        factor_text="No: it holds no scheme whose purchases count towards social return.",
        schemes=(),
    )


def test_the_buyers_panel_names_the_minimum_share_of_the_rules():
    data = Data()
    with_factors(data, minimum_share=25.5)
    view = panel(data, figures=[{"year": 2025, "jobs_target_group": 25, "staff_total": 100}])
    assert (view.eligible, view.eligible_text) == ("no", "No: below 25.5% of its staff belong to the target group (2025). Article 20 asks at least 25.5%.")


def test_the_buyers_panel_hides_the_share_when_a_count_is_small():
    data = Data()
    with_factors(data)
    view = panel(data, figures=[{"year": 2025, "jobs_target_group": 5, "staff_total": 12}])
    assert (view.eligible, view.share) == ("yes", None)


def test_the_buyers_panel_gives_the_factor_of_a_scheme_held_today_and_says_when_it_is_an_example():
    data = Data()
    data.scheme("keur", name="Social Keur")
    with_factors(data, {"scheme": "keur", "factor": 0.5, "example": True})
    view = panel(data, certifications=[certified("keur")])
    assert (view.factor, view.factor_text) == (
        "0.5",
        "Yes: each euro spent here counts as 0.5 euro towards a contractor's social return (Social Keur). This factor is an example, not the city's policy.",
    )
    assert view.schemes == (Holding("keur", Link("certification/keur/", "Social Keur"), Status("certified", "certified"), None, None),)


def test_the_buyers_panel_states_a_policy_factor_without_the_example_note():
    data = Data()
    data.scheme("keur", name="Social Keur")
    with_factors(data, {"scheme": "keur", "factor": 1})
    view = panel(data, certifications=[certified("keur")])
    assert (view.factor, view.factor_text) == ("1", "Yes: each euro spent here counts as 1 euro towards a contractor's social return (Social Keur).")


def test_the_quote_link_asks_by_email_naming_the_offer_and_the_site_url_encoded():
    e = Data().enterprise("e", contact={"email": "sales@e.example.org"})
    assert quote_link(e, "Lunch & dinner", "WISE Amsterdam") == Link(
        "mailto:sales@e.example.org?subject=Quote%20request%3A%20Lunch%20%26%20dinner%20%28via%20WISE%20Amsterdam%29", "Request a quote"
    )


def test_there_is_no_quote_link_without_an_email_address():
    data = Data()
    assert quote_link(data.enterprise("a"), "Lunch", "Site") is None
    assert quote_link(data.enterprise("b", contact={"phone": "020 123 4567"}), "Lunch", "Site") is None


def test_each_offering_has_its_own_quote_link():
    data = vocabularies(Data())
    e = data.enterprise(
        "e", contact={"email": "a@e.example.org"}, offerings=[{"name": "Lunch", "category": "catering"}, {"name": "Offices", "category": "cleaning"}]
    )
    view = enterprise_view(data.catalog(), e, Site(site_name="Site"))
    assert [o.quote.url for o in view.offerings] == [
        "mailto:a@e.example.org?subject=Quote%20request%3A%20Lunch%20%28via%20Site%29",
        "mailto:a@e.example.org?subject=Quote%20request%3A%20Offices%20%28via%20Site%29",
    ]
