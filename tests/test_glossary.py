"""The glossary: finding its terms in text, its terms' forms and sources as `wise check` reads them."""

from __future__ import annotations

from types import SimpleNamespace

from catalogs import Data
from conftest import problems, write

from macros.glossary import Terms, glossary_terms, hard_words


def term(term_id: str, *forms: str, hard: bool = False) -> SimpleNamespace:
    return SimpleNamespace(id=term_id, forms=lambda language=None: forms, hard=hard)


TERMS = Terms(
    [
        term("wise", "WISE", "WISEs"),
        term("social-return", "social return", "social return on investment", "SROI"),
        term("wage-cost-subsidy", "wage cost subsidy", "loonkostensubsidie"),
        term("amp", "amp"),
    ]
)


def uses(text: str, terms: Terms = TERMS) -> list[tuple[str, str]]:
    return [(text[u.start : u.end], u.term) for u in terms.find(text)]


def test_a_term_is_found_as_whole_words_in_any_letter_case():
    assert uses("Wise choices: the WISE and the wisest, otherwise none.") == [("Wise", "wise"), ("WISE", "wise")]


def test_a_space_or_a_hyphen_alike_join_a_terms_words():
    assert uses("Her Wage-Cost  subsidy, a wage\ncost subsidy; loonkostensubsidie.") == [
        ("Wage-Cost  subsidy", "wage-cost-subsidy"),
        ("wage\ncost subsidy", "wage-cost-subsidy"),
        ("loonkostensubsidie", "wage-cost-subsidy"),
    ]


def test_the_longest_form_wins_where_forms_start_together():
    assert uses("social return on investment, or social return (SROI)") == [
        ("social return on investment", "social-return"),
        ("social return", "social-return"),
        ("SROI", "social-return"),
    ]


def test_a_character_reference_is_passed_over_whole():
    assert uses("Tom &amp; Jerry &#39;amp&#39; &amp") == [("amp", "amp"), ("amp", "amp")]
    assert uses("the WISE&#39;s staff") == [("WISE", "wise")]


def test_without_a_glossary_nothing_is_found():
    assert not glossary_terms(None) and list(glossary_terms(None).find("WISE")) == []


def test_hard_words_are_the_terms_marked_hard():
    data = Data()
    glossary = data.glossary(
        terms=[
            {"id": "wise", "term": "WISE", "definition": "D", "hard": True, "source": "about.md"},
            {"id": "job-coach", "term": "job coach", "definition": "D", "source": "about.md"},
        ]
    )
    assert set(glossary_terms(glossary).by_id) == {"wise", "job-coach"}
    assert set(hard_words(glossary).by_id) == {"wise"}


def test_every_form_of_a_term_counts_as_a_use():
    glossary = Data().glossary(
        terms=[{"id": "job-coach", "term": "job coach", "also": ["job coaches"], "dutch": "jobcoach", "definition": "D", "source": "about.md"}]
    )
    assert uses("A job coach, two job coaches, een jobcoach.", glossary_terms(glossary)) == [
        ("job coach", "job-coach"),
        ("job coaches", "job-coach"),
        ("jobcoach", "job-coach"),
    ]


GLOSSARY = "title: G\nterms:\n  - {{id: wise, term: {term}, definition: D, source: {source}}}\n"


def test_a_term_is_words_of_letters_and_digits_only(tiny):
    write(tiny, "glossary.yml", GLOSSARY.format(term='"<b>WISE</b>"', source="index.md"))
    assert problems(tiny / "data") == [
        "data/glossary.yml:3:22: error: terms[0].term: must be words of letters and digits joined by single spaces or hyphens, at most 60 characters: '<b>WISE</b>' [term]"
    ]
    write(tiny, "glossary.yml", GLOSSARY.format(term="work-integration social enterprise", source="index.md"))
    assert problems(tiny / "data") == []


def test_a_glossary_source_is_a_page_of_this_site_that_exists(tiny):
    refused = {
        "knowledge/missing.md": "no article 'knowledge/missing.md' under docs/",
        "scheme:keurmerkk": "no scheme 'keurmerkk'; did you mean 'keurmerk'?",
        "schem:keurmerk": "no kind 'schem'; kinds: vocabulary, enterprise, post, official, position, decision, campaign, seminar, network, scheme, monitoring, manifesto, procurement, glossary",
        "procurement:rules": "the procurement is one file: write 'procurement' alone",
        "position": "name the position too, as 'position:<id>'",
    }
    for source, message in refused.items():
        write(tiny, "glossary.yml", GLOSSARY.format(term="WISE", source=source))
        assert problems(tiny / "data") == [f"data/glossary.yml:3:51: error: terms[0].source: {message} [unknown-reference]"], source
    (tiny / "data" / "procurement.yml").unlink()
    write(tiny, "glossary.yml", GLOSSARY.format(term="WISE", source="procurement"))
    assert problems(tiny / "data") == ["data/glossary.yml:3:51: error: terms[0].source: no procurement (data/procurement.yml) [unknown-reference]"]
    for source in ("index.md", "scheme:keurmerk", "vocabulary:sectors", "manifesto", "manifesto:manifesto"):
        write(tiny, "glossary.yml", GLOSSARY.format(term="WISE", source=source))
        assert problems(tiny / "data") == [], source


def test_a_source_that_is_neither_an_article_nor_a_record_is_refused(tiny):
    write(tiny, "glossary.yml", GLOSSARY.format(term="WISE", source="https://example.org/wise"))
    assert problems(tiny / "data") == [
        "data/glossary.yml:3:51: error: terms[0].source: must be a page of this site: an article path like 'knowledge/isomorphism.md', "
        "or a record like 'scheme:wise-keurmerk': 'https://example.org/wise' [source]"
    ]


def test_the_glossary_terms_export_has_a_row_per_term_in_the_models_field_order():
    from macros.exports.derived import TERM_DOCS, term_columns, term_rows

    data = Data()
    assert term_rows(data.catalog()) == []
    data.glossary(example=True)
    assert term_columns(data.catalog()) == ["id", "term", "also", "dutch", "definition", "hard", "source", "example"] == [n for n, _ in TERM_DOCS if not n.endswith("_<lang>")]
    assert term_rows(data.catalog()) == [
        {
            "id": "wise",
            "term": "WISE",
            "also": ["WISEs"],
            "dutch": None,
            "definition": "A work-integration social enterprise.",
            "hard": True,
            "source": "about.md",
            "example": True,
        }
    ]


# -- the glossary's page -----------------------------------------------------------------------------------------
def test_the_glossary_page_lists_every_term_alphabetically_under_its_anchor_with_its_source():
    from macros.views.base import Link, Section, Site
    from macros.views.glossary import Term, glossary_view

    data = Data()
    data.scheme("keur", example=True)
    data.procurement()
    glossary = data.glossary(
        intro="Words & meanings.",
        terms=[
            {"id": "wise", "term": "WISE", "definition": "A business.", "hard": True, "source": "knowledge/isomorphism.md"},
            {
                "id": "reserved",
                "term": "reserved contract",
                "also": ["reserved contracts"],
                "dutch": "voorbehouden opdracht",
                "definition": "A contract.",
                "source": "procurement",
            },
            {"id": "coach", "term": "job coach", "definition": "A helper.", "source": "scheme:keur"},
        ],
    )
    view = glossary_view(data.catalog(), glossary, Site(article_titles=(("knowledge/isomorphism.md", "Isomorphism"),)))
    assert view.terms == (
        Term("coach", "Job coach", None, None, "A helper.", False, Link("certification/keur/", "Keur"), True),
        Term(
            "reserved",
            "Reserved contract",
            "voorbehouden opdracht",
            "reserved contracts",
            "A contract.",
            False,
            Link("buy-social/rules/", "Procurement rules"),
            False,
        ),
        Term("wise", "WISE", None, None, "A business.", True, Link("knowledge/isomorphism/", "Isomorphism"), False),
    )
    assert view.toc == (Section("coach", "Job coach"), Section("reserved", "Reserved contract"), Section("wise", "WISE"))
    assert (view.title, view.marker, str(view.intro), view.preview) == ("Glossary", "glossary:glossary", "<p>Words &amp; meanings.</p>", "Words & meanings.")


def test_an_articles_address_is_its_page_on_the_site():
    from macros.views.glossary import article_url

    assert [article_url(p) for p in ("about.md", "index.md", "knowledge/index.md", "knowledge/isomorphism.md")] == [
        "about/",
        "",
        "knowledge/",
        "knowledge/isomorphism/",
    ]


def test_the_glossary_page_is_in_the_navigation_at_glossary():
    from macros.pages import PAGE_TYPES, record_page

    data = Data()
    data.glossary()
    page = record_page(data.catalog(), "glossary", data.catalog().glossary)
    assert (page.url, page.nav, page.sources) == ("glossary/", True, ("data/glossary.yml",))
    assert '<h2 id="wise"><dfn>WISE</dfn></h2>' in page.html and 'data-record="glossary:glossary"' in page.html
    assert [p.nav for p in PAGE_TYPES if p.kind == "glossary"] == [True]
