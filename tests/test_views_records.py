"""The open-data page, vocabularies, the manifesto and networks: what each page lists, in which order, with which counts."""

from __future__ import annotations

import datetime as dt

from catalogs import Data
from markupsafe import Markup

from macros.exports import column_docs
from macros.exports.derived import ASK_DOCS, MATRIX_DOCS
from macros.kinds import KINDS
from macros.views.base import Link, ListingView, Section, Span, When
from macros.views.data import Download, data_view
from macros.views.manifesto import Article, ManifestoView, Signatory, manifesto_view, signatory
from macros.views.network import NetworkCard, NetworkView, network_view, networks_view
from macros.views.vocabulary import Entry, Use, VocabularyCard, VocabularyView, vocabularies_view, vocabulary_view


# -- open data ---------------------------------------------------------------------------------
def test_the_data_page_offers_every_kinds_files_with_its_record_count_and_columns():
    data = Data()
    data.enterprise("a")
    data.enterprise("b")
    data.seminar("s")
    view = data_view(data.catalog())
    assert [d.anchor for d in view.downloads] == [*KINDS, "asks", "certification-matrix", "scorecard", "party-alignment", "glossary-terms"]
    enterprises = dict((d.anchor, d) for d in view.downloads)["enterprise"]
    assert enterprises == Download(
        "enterprise",
        "Enterprises",
        2,
        "2 records",
        (Link("data/enterprise.json", "JSON"), Link("data/enterprise.csv", "CSV"), Link("data/schemas/enterprise.schema.json", "schema")),
        tuple(column_docs("enterprise")),
    )
    assert [(d.count, d.records) for d in view.downloads if d.anchor in ("seminar", "post")] == [(0, "0 records"), (1, "1 record")]


def test_the_data_page_lists_the_licence_the_standard_formats_then_each_kind():
    view = data_view(Data().catalog())
    assert view.toc == (
        Section("licence", "Licence and conventions"),
        Section("standards", "Standard formats"),
        *(Section(kind, spec.label) for kind, spec in KINDS.items()),
        Section("asks", "Asks"),
        Section("certification-matrix", "Certification matrix"),
        Section("scorecard", "Manifesto scorecard"),
        Section("party-alignment", "Parties and the manifesto"),
        Section("glossary-terms", "Glossary terms"),
    )
    assert view.toc[2] == Section("vocabulary", "Vocabularies")
    assert [link.url for x in view.standards for link in x.files] == ["data/popolo.json", "data/hsds/datapackage.json", "data/hsds/organizations.json"]
    assert (view.title, view.separator, view.calendar) == ("Open data", ";", Link("seminars/calendar.ics", "iCalendar"))
    assert view.seminars == 0
    assert view.wide is False


def test_the_data_page_offers_the_derived_exports_after_the_kinds_counting_their_rows():
    data = Data()
    data.position("p", asks=[{"id": "one", "text": "One."}, {"id": "two", "text": "Two."}])
    data.enterprise("e")
    downloads = dict((d.anchor, d) for d in data_view(data.catalog()).downloads)
    assert downloads["asks"] == Download(
        "asks", "Asks", 2, "2 rows, each one ask of a position", (Link("data/asks.json", "JSON"), Link("data/asks.csv", "CSV")), ASK_DOCS
    )
    assert downloads["certification-matrix"] == Download(
        "certification-matrix",
        "Certification matrix",
        1,
        "1 row, each one enterprise: its state for each certification scheme and Article 20's test",
        (Link("data/certification-matrix.json", "JSON"), Link("data/certification-matrix.csv", "CSV")),
        MATRIX_DOCS,
    )


def test_the_data_page_counts_the_seminars_in_the_calendar():
    data = Data()
    data.seminar("one")
    data.seminar("two")
    data.enterprise("e")
    assert data_view(data.catalog()).seminars == 2


def test_a_download_documents_its_columns_in_order_starting_with_the_id():
    (vocabulary,) = [d for d in data_view(Data().catalog()).downloads if d.anchor == "vocabulary"]
    assert vocabulary.columns[:3] == (
        ("id", "the record's id: its file name and URL slug"),
        ("example", "true for fictional demo content; the page says so"),
        ("title", "(translatable: the text in the site's default language) (required)"),
    )


# -- vocabularies ------------------------------------------------------------------------------
def test_a_vocabulary_page_lists_each_entry_with_its_anchor_description_cpv_and_uses():
    data = Data()
    vocab = data.vocabulary(
        "offering-categories",
        title="Offering categories",
        description="What buyers can buy.\n\nWith CPV codes.",
        example=True,
        entries=[
            {"id": "printing", "label": "Printing", "cpv": ["79800000-2", "79810000-5"], "description": "Flyers & posters."},
            {"id": "catering", "label": "Catering", "cpv": ["55520000-1"]},
        ],
    )
    data.enterprise("b-shop", name="B Shop", offerings=[{"name": "Flyers", "category": "printing"}, {"name": "Posters", "category": "printing"}])
    data.enterprise("a-shop", name="A Shop", offerings=[{"name": "Cards", "category": "printing"}])
    assert vocabulary_view(data.catalog(), vocab) == VocabularyView(
        title="Offering categories",
        kind="vocabulary",
        record_id="offering-categories",
        example=True,
        source_path="data/vocabularies/offering-categories.yml",
        toc=(Section("term-printing", "Printing"), Section("term-catering", "Catering")),
        description=Markup("<p>What buyers can buy.</p><p>With CPV codes.</p>"),
        entries=(
            Entry(
                "term-printing",
                "Printing",
                Markup("<p>Flyers &amp; posters.</p>"),
                "79800000-2, 79810000-5",
                (Use(Link("showcase/a-shop/", "A Shop"), "enterprise"), Use(Link("showcase/b-shop/", "B Shop"), "enterprise")),  # each user once
            ),
            Entry("term-catering", "Catering", Markup(""), "55520000-1", ()),
        ),
    )


def test_an_entry_without_cpv_codes_has_none_and_its_uses_name_their_kind():
    data = Data()
    vocab = data.vocabulary("topics", title="Topics", entries=[{"id": "work", "label": "Work"}])
    data.position("jobs", title="Jobs for all", topics=["work"])
    view = vocabulary_view(data.catalog(), vocab)
    assert view.entries == (Entry("term-work", "Work", Markup(""), None, (Use(Link("lobby/positions/jobs/", "Jobs for all"), "position"),)),)
    assert view.description == Markup("")
    assert view.example is False


def test_the_vocabularies_page_counts_each_lists_entries():
    data = Data()
    data.vocabulary("topics", title="Topics", example=True, entries=[{"id": "work", "label": "Work"}])
    data.vocabulary("districts", title="Districts", entries=[{"id": "noord", "label": "North"}, {"id": "west", "label": "West"}])
    view = vocabularies_view(data.catalog())
    assert view == ListingView(
        title="Vocabularies",
        cards=(
            VocabularyCard("vocabulary:districts", Link("vocabularies/districts/", "Districts"), False, "2 entries"),
            VocabularyCard("vocabulary:topics", Link("vocabularies/topics/", "Topics"), True, "1 entry"),
        ),
    )
    assert view.count == 2
    assert vocabularies_view(Data().catalog()).count == 0


# -- the manifesto -----------------------------------------------------------------------------
def test_the_manifesto_page_numbers_its_articles_and_lists_its_signatories():
    data = Data()
    data.enterprise("bakery", name="The Bakery")
    m = data.manifesto(
        title="Our Manifesto",
        adopted="2024-11-05",
        preamble="We *believe*.",
        example=True,
        articles=[{"id": "work", "heading": "Work", "text": "Work for all.\nFairly paid."}, {"id": "buy", "heading": "Buy", "text": "Buy social."}],
        signatories=[{"enterprise": "bakery", "date": "2025-01-02"}, {"organisation": "The Union"}],
    )
    assert manifesto_view(data.catalog(), m) == ManifestoView(
        title="Our Manifesto",
        kind="manifesto",
        record_id="manifesto",
        example=True,
        source_path="data/manifesto.yml",
        toc=(Section("article-work", "1. Work"), Section("article-buy", "2. Buy"), Section("signatories", "Signatories")),
        adopted=When("2024-11-05", "5 November 2024"),
        preamble=Markup("<p>We <em>believe</em>.</p>"),
        articles=(
            Article("article-work", "1. Work", Markup("<p>Work for all.<br>Fairly paid.</p>")),
            Article("article-buy", "2. Buy", Markup("<p>Buy social.</p>")),
        ),
        signatories=(Signatory(Link("showcase/bakery/", "The Bakery"), "The Bakery", When("2025-01-02", "2 January 2025")), Signatory(None, "The Union", None)),
    )


def test_a_signatory_is_a_linked_enterprise_or_a_named_organisation():
    data = Data()
    data.enterprise("bakery", name="The Bakery")
    m = data.manifesto(signatories=[{"enterprise": "bakery"}, {"organisation": "The Union", "date": "2025-03-04"}])
    catalog = data.catalog()
    assert signatory(catalog, m.signatories[0]) == Signatory(Link("showcase/bakery/", "The Bakery"), "The Bakery", None)
    assert signatory(catalog, m.signatories[1]) == Signatory(None, "The Union", When("2025-03-04", "4 March 2025"))


def test_a_bare_manifesto_has_no_date_preamble_or_signatories_but_keeps_the_section():
    data = Data()
    m = data.manifesto()
    view = manifesto_view(data.catalog(), m)
    assert (view.adopted, view.preamble, view.signatories) == (None, Markup(""), ())
    assert view.toc == (Section("article-work", "1. Work"), Section("signatories", "Signatories"))


# -- networks ----------------------------------------------------------------------------------
def test_a_network_page_lists_its_members_by_name_ignoring_case():
    data = Data()
    data.enterprise("a", name="zebra Works")
    data.enterprise("b", name="Apple")
    data.enterprise("d", name="mango")
    data.enterprise("c", name="Mango")
    data.enterprise("e", name="Mango_")
    data.enterprise("f", name="MangoZ")
    data.enterprise("x", name="Not a member")
    n = data.network(
        "guild",
        name="The Guild",
        kind="project",
        summary="Bakers together.",
        description="Since **2020**.",
        members=["a", "f", "b", "e", "d", "c", "a"],
        partners=["City", "Bank"],
        start="2020-01-01",
        url="https://guild.example.org",
        example=True,
    )
    assert network_view(data.catalog(), n) == NetworkView(
        title="The Guild",
        kind="network",
        record_id="guild",
        example=True,
        source_path="data/networks/guild.yml",
        toc=(Section("members", "Members (6)"),),
        preview="Bakers together.",
        summary="Bakers together.",
        kind_label="project",
        period=Span(When("2020-01-01", "1 January 2020"), None, "ongoing"),
        website=Link("https://guild.example.org", "https://guild.example.org"),
        partners="City, Bank",
        description=Markup("<p>Since <strong>2020</strong>.</p>"),
        members=(
            Link("showcase/b/", "Apple"),
            Link("showcase/c/", "Mango"),
            Link("showcase/d/", "mango"),
            Link("showcase/e/", "Mango_"),
            Link("showcase/f/", "MangoZ"),
            Link("showcase/a/", "zebra Works"),
        ),
    )


def test_a_network_without_members_dates_or_partners_still_lists_its_members_section():
    data = Data()
    n = data.network("net", name="Net", kind="network")
    view = network_view(data.catalog(), n)
    assert (view.toc, view.members, view.period, view.partners, view.website, view.description) == (
        (Section("members", "Members (0)"),),
        (),
        None,
        None,
        None,
        Markup(""),
    )


def test_the_networks_page_gives_each_networks_kind_and_member_count():
    data = Data()
    data.enterprise("a")
    data.enterprise("b")
    data.network("solo", name="Solo", kind="network", summary="One.", members=["a"], example=True)
    data.network("duo", name="Duo", kind="programme", summary="Two.", members=["a", "b"])
    data.network("none", name="None", kind="project", summary="Zero.")
    view = networks_view(data.catalog())
    assert view == type(view)(
        title="Networks",
        cards=(
            NetworkCard("network:duo", Link("networks/duo/", "Duo"), False, "Two.", "programme, 2 members"),
            NetworkCard("network:none", Link("networks/none/", "None"), False, "Zero.", "project, 0 members"),
            NetworkCard("network:solo", Link("networks/solo/", "Solo"), True, "One.", "network, 1 member"),
        ),
    )
    assert view.count == 3
    assert networks_view(Data().catalog()).count == 0


def test_a_network_period_may_end():
    data = Data()
    n = data.network("p", kind="project", start=dt.date(2020, 1, 1), end=dt.date(2021, 6, 30))
    assert network_view(data.catalog(), n).period == Span(When("2020-01-01", "1 January 2020"), When("2021-06-30", "30 June 2021"), "ongoing")
