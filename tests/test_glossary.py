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
    assert (
        term_columns(data.catalog())
        == ["id", "term", "also", "dutch", "definition", "hard", "source", "example"]
        == [n for n, _ in TERM_DOCS if not n.endswith("_<lang>")]
    )
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


def test_the_glossary_page_orders_and_shows_the_terms_in_its_language():
    from markupsafe import escape

    from macros import i18n
    from macros.views.base import Section
    from macros.views.glossary import glossary_view

    i18n.configure(("nl", "en"))
    data = Data()
    glossary = data.glossary(
        terms=[
            {
                "id": "reserved",
                "term": {"nl": "voorbehouden opdracht", "en": "reserved contract"},
                "definition": {"nl": "Een opdracht.", "en": "A contract."},
                "source": "about.md",
            },
            {"id": "coach", "term": {"nl": "jobcoach", "en": "job coach"}, "definition": "Een helper.", "source": "about.md"},
        ],
    )
    with i18n.use("nl"):
        view = glossary_view(data.catalog(), glossary)
        assert view.toc == (Section("coach", "Jobcoach"), Section("reserved", "Voorbehouden opdracht"))
    with i18n.use("en"):
        view = glossary_view(data.catalog(), glossary)
        assert view.toc == (Section("coach", "Job coach"), Section("reserved", "Reserved contract"))
        assert [str(t.term) for t in view.terms] == ["Job coach", "Reserved contract"]
        assert escape(view.terms[1].definition) == "A contract."
        assert escape(view.terms[0].definition).startswith('<span lang="nl">Een helper.</span> <small class="wise-untranslated"')


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


# -- terms in the site's languages ---------------------------------------------------------------------------------
def two_languages(site):
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("      macro_pages: [index.md]\n", "      macro_pages: [index.md]\n      languages: [en, nl]\n")
    )


def test_a_term_is_found_by_its_forms_in_the_texts_language():
    from macros import i18n

    i18n.configure(("en", "nl"))
    glossary = Data().glossary(
        terms=[
            {"id": "job-coach", "term": {"en": "job coach", "nl": "jobcoach"}, "definition": "D", "source": "about.md"},
            {
                "id": "reserved",
                "term": {"en": "reserved contract", "nl": "voorbehouden opdracht"},
                "dutch": "voorbehouden opdracht",
                "definition": "D",
                "source": "about.md",
            },
            {"id": "wise", "term": "WISE", "definition": "D", "source": "about.md"},  # English only: its word counts in every language
        ]
    )
    terms = glossary_terms(glossary)
    text = "A job coach, een jobcoach, a reserved contract, een voorbehouden opdracht, a WISE."
    assert [(text[u.start : u.end], u.term) for u in terms.find(text, "en")] == [
        ("job coach", "job-coach"),
        ("reserved contract", "reserved"),
        ("voorbehouden opdracht", "reserved"),  # its Dutch word counts in any language
        ("WISE", "wise"),
    ]
    assert [(text[u.start : u.end], u.term) for u in terms.find(text, "nl")] == [
        ("jobcoach", "job-coach"),
        ("voorbehouden opdracht", "reserved"),
        ("WISE", "wise"),
    ]
    with i18n.use("nl"):
        assert [u.term for u in terms.find("De jobcoach.")] == ["job-coach"]  # the active language, unless told


def test_a_term_may_be_one_word_in_several_languages_and_its_dutch_word_its_dutch_term(tiny):
    two_languages(tiny)
    write(tiny, "glossary.yml", "title: G\nterms:\n  - {id: wise, term: {en: WISE, nl: wise}, dutch: WISE, definition: D, source: index.md}\n")
    assert problems(tiny / "data") == []
    write(
        tiny,
        "glossary.yml",
        "title: G\nterms:\n  - {id: wise, term: {en: WISE, nl: sociale firma}, definition: D, source: index.md}\n"
        "  - {id: firm, term: {en: social firm, nl: Sociale Firma}, definition: D, source: index.md}\n",
    )
    assert problems(tiny / "data") == ["data/glossary.yml:4:44: error: terms[1].term.nl: 'Sociale Firma' is already a form of 'wise' [duplicate]"]


def test_a_term_in_each_language_is_checked_as_a_term(tiny):
    two_languages(tiny)
    write(tiny, "glossary.yml", 'title: G\nterms:\n  - {id: wise, term: {en: WISE, nl: "<b>x</b>"}, definition: {en: D, de: D}, source: index.md}\n')
    assert problems(tiny / "data") == [
        "data/glossary.yml:3:37: error: terms[0].term.nl: must be words of letters and digits joined by single spaces or hyphens, at most 60 characters: '<b>x</b>' [term]",
        "data/glossary.yml:3:70: error: terms[0].definition.de: 'de' is not a language of this site; write the text under one of en, nl [language]",
    ]
