"""Translatable record text (macros/localized.py): a Localized is its default language's text to code that treats it
as a string, and speaks the active language where a page shows it; what is untranslated is shown in its own language,
marked, with a note. Then its field types, as `wise check` reads them."""

from __future__ import annotations

import copy
import pickle

import pytest
from htmltools import Page
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup, escape

from macros import i18n, render
from macros.localized import Localized, join, translation_cells, translation_columns

NOTE_EN = '<small class="wise-untranslated" data-untranslated>not yet translated</small>'
NOTE_NL = '<small class="wise-untranslated" data-untranslated>nog niet vertaald</small>'


@pytest.fixture(autouse=True)
def dutch_and_english():
    i18n.configure(("nl", "en"))


BOTH = {"en": "Bikes & <b>repairs</b>", "nl": "Fietsen & <b>reparaties</b>"}


# -- the value ----------------------------------------------------------------------------------------------------
def test_its_plain_value_is_the_default_languages_text_and_its_translations_keep_the_sites_order():
    text = Localized(BOTH)
    assert text == "Fietsen & <b>reparaties</b>" and str.__str__(text) == "Fietsen & <b>reparaties</b>"
    assert text.translations == {"nl": "Fietsen & <b>reparaties</b>", "en": "Bikes & <b>repairs</b>"}
    assert text.language == "nl"
    assert sorted([Localized({"nl": "b", "en": "a"}), "a"]) == ["a", "b"]  # sorting is by the default language


def test_without_the_default_language_its_plain_value_is_the_first_language_it_has():
    text = Localized({"en": "Only English"})
    assert (text, text.language, text.translations) == ("Only English", "en", {"en": "Only English"})
    with pytest.raises(ValueError):
        Localized({})


def test_str_and_format_speak_the_active_language_else_the_fallback():
    text, dutch_only = Localized(BOTH), Localized({"nl": "Alleen Nederlands"})
    assert str(text) == f"{text}" == "Fietsen & <b>reparaties</b>"  # outside a page: the default language
    with i18n.use("en"):
        assert str(text) == f"{text}" == "{}".format(text) == "Bikes & <b>repairs</b>"  # noqa: UP032 (format() itself)
        assert f"[{text:>25}]" == "[   Bikes & <b>repairs</b>]"
        assert "%s" % text == "Bikes & <b>repairs</b>"  # noqa: UP031 (% itself)
        assert str(dutch_only) == f"{dutch_only}" == "Alleen Nederlands"
        assert type(str(text)) is str


def test_the_text_its_language_and_whether_it_is_translated_in_each_language():
    dutch_only = Localized({"nl": "Alleen Nederlands"})
    assert (dutch_only.text("en"), dutch_only.language_of("en"), dutch_only.translated("en")) == ("Alleen Nederlands", "nl", False)
    assert (dutch_only.text("nl"), dutch_only.language_of("nl"), dutch_only.translated("nl")) == ("Alleen Nederlands", "nl", True)
    with i18n.use("en"):
        assert (dutch_only.text(), dutch_only.language_of(), dutch_only.translated()) == ("Alleen Nederlands", "nl", False)
    assert Localized(BOTH).text("en") == "Bikes & <b>repairs</b>"


def test_html_in_the_active_language_is_the_text_escaped():
    text = Localized(BOTH)
    with i18n.use("en"):
        assert text.__html__() == "Bikes &amp; &lt;b&gt;repairs&lt;/b&gt;" and isinstance(text.__html__(), Markup)
        assert escape(text) == Markup("<p>{}</p>").format(text).removeprefix("<p>").removesuffix("</p>") == "Bikes &amp; &lt;b&gt;repairs&lt;/b&gt;"
    with i18n.use("nl"):
        assert escape(text) == "Fietsen &amp; &lt;b&gt;reparaties&lt;/b&gt;"


def test_untranslated_html_is_the_fallback_in_its_own_language_with_a_note_in_the_pages():
    dutch_only, english_only = Localized({"nl": "Fietsen <i>"}), Localized({"en": "Bikes <i>"})
    with i18n.use("en"):
        assert escape(dutch_only) == f'<span lang="nl">Fietsen &lt;i&gt;</span> {NOTE_EN}'
    with i18n.use("nl"):
        assert escape(english_only) == f'<span lang="en">Bikes &lt;i&gt;</span> {NOTE_NL}'
        assert escape(dutch_only) == "Fietsen &lt;i&gt;"


def test_jinja_autoescape_shows_each_language_and_marks_the_fallback():
    template = render.environment().from_string("<p>{{ a }}</p><p>{{ b }}</p>")
    a, b = Localized(BOTH), Localized({"nl": "Alleen {{ 7*7 }}"})
    with i18n.use("en"):
        assert template.render(a=a, b=b) == (
            f'<p>Bikes &amp; &lt;b&gt;repairs&lt;/b&gt;</p><p><span lang="nl">Alleen &#123;&#123; 7*7 &#125;&#125;</span> {NOTE_EN}</p>'
        )
    with i18n.use("nl"):
        assert template.render(a=a, b=b) == "<p>Fietsen &amp; &lt;b&gt;reparaties&lt;/b&gt;</p><p>Alleen &#123;&#123; 7*7 &#125;&#125;</p>"


def test_copies_and_pickles_keep_the_translations():
    text = Localized(BOTH)
    for other in (copy.copy(text), copy.deepcopy(text), pickle.loads(pickle.dumps(text))):
        assert type(other) is Localized and other.translations == text.translations and other.language == "nl"


# -- Markdown and paragraphs ----------------------------------------------------------------------------------------
def test_markdown_renders_the_active_languages_text():
    text = Localized({"nl": "**Vet** <script>x</script>", "en": "**Bold** <script>x</script>"})
    with i18n.use("en"):
        assert render.markdown(text) == "<p><strong>Bold</strong> &lt;script&gt;x&lt;/script&gt;</p>"
    with i18n.use("nl"):
        assert render.markdown(text) == "<p><strong>Vet</strong> &lt;script&gt;x&lt;/script&gt;</p>"


def test_untranslated_markdown_and_paragraphs_are_wrapped_in_their_language_and_noted():
    dutch_only = Localized({"nl": "Eerste *alinea*.\n\nTweede <b>."})
    with i18n.use("en"):
        assert render.markdown(dutch_only) == f'<div lang="nl"><p>Eerste <em>alinea</em>.</p>\n<p>Tweede &lt;b&gt;.</p></div>\n<p>{NOTE_EN}</p>'
        assert render.paragraphs(dutch_only) == f'<div lang="nl"><p>Eerste *alinea*.</p><p>Tweede &lt;b&gt;.</p></div>\n<p>{NOTE_EN}</p>'
    with i18n.use("nl"):
        assert render.paragraphs(dutch_only) == "<p>Eerste *alinea*.</p><p>Tweede &lt;b&gt;.</p>"
    assert render.markdown(None) == render.paragraphs(None) == "" and render.paragraphs("a\nb") == "<p>a<br>b</p>"


def test_an_empty_default_text_still_shows_its_translation():
    text = Localized({"nl": "", "en": "English *only*"})
    with i18n.use("en"):
        assert render.markdown(text) == "<p>English <em>only</em></p>"
    with i18n.use("nl"):
        assert render.markdown(text) == ""


# -- what the exports make of it ----------------------------------------------------------------------------------
def test_exports_name_a_column_per_other_language_and_fill_it_where_translated():
    assert translation_columns("summary") == ["summary", "summary_en"]
    assert translation_cells("summary", Localized(BOTH)) == {"summary_en": "Bikes & <b>repairs</b>"}
    assert translation_cells("summary", Localized({"nl": "x"})) == {"summary_en": None}
    assert translation_cells("summary", None) == {"summary_en": None}
    i18n.configure(("en",))
    assert translation_columns("summary") == ["summary"] and translation_cells("summary", Localized(BOTH)) == {}


def test_joined_texts_are_translated_where_every_part_is():
    joined = join(", ", [Localized({"nl": "koks", "en": "cooks"}), Localized({"nl": "bakkers", "en": "bakers"})])
    assert (joined, joined.translations) == ("koks, bakkers", {"nl": "koks, bakkers", "en": "cooks, bakers"})
    partly = join(", ", [Localized({"nl": "koks", "en": "cooks"}), Localized({"nl": "bakkers"})])
    assert (partly, partly.translations) == ("koks, bakkers", {"nl": "koks, bakkers"})
    assert join(", ", ["a", "b"]) == "a, b" and type(join(", ", ["a"])) is str


# -- never unescaped HTML -----------------------------------------------------------------------------------------
LANGUAGES = ("nl", "en")
HOSTILE = (
    st.lists(st.sampled_from(list("<>&\"'/= abc{}%;:\n\u00e9") + ["<script>", "</span>", "<small", "&amp;", 'lang="x"']), max_size=30).map("".join) | st.text()
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from(LANGUAGES), HOSTILE, min_size=1), st.sampled_from(LANGUAGES))
def test_any_text_in_any_language_never_becomes_markup(texts, active):
    """Whatever the texts and whichever language is active, __html__ adds our own span and note at most, and the
    page's text is exactly the text shown (then the note)."""
    value = Localized(texts)
    with i18n.use(active):
        html = value.__html__()
        page = Page(f"<div>{html}</div>")
        shown = texts.get(active, value.text())
        if active in texts:
            assert page.elements == [("div", {})]
            assert "".join(page.text_parts) == shown
        else:
            assert page.elements == [("div", {}), ("span", {"lang": value.language}), ("small", {"class": "wise-untranslated", "data-untranslated": None})]
            assert "".join(page.text_parts) == shown + " " + i18n.gettext("not yet translated")
        assert "<" not in html.replace('<span lang="', "").replace("</span>", "").replace("<small class=", "").replace("</small>", "")


# -- wise stats: what is not yet translated -------------------------------------------------------------------------
def test_stats_list_per_other_language_how_many_texts_lack_a_translation_and_where():
    from catalogs import Data

    from macros.stats import stats_lines, untranslated_lines

    data = Data()
    data.enterprise(
        "bakery",
        summary={"nl": "Een bakkerij.", "en": "A bakery."},
        description="Wij *bakken*.",
        offerings=[{"name": {"nl": "Brood", "en": "Bread"}, "category": "food"}, {"name": "Taart", "category": "food"}, {"name": "Koek", "category": "food"}],
    )
    data.position(
        "fair-pay",
        title={"nl": "Eerlijk loon", "en": "Fair pay"},
        summary={"nl": "Waarom.", "en": "Why."},
        asks=[{"id": "first", "text": {"nl": "Doe het.", "en": "Do it."}}],
    )
    data.network("translated", summary={"nl": "Het netwerk.", "en": "The network."})
    lines = untranslated_lines(data.catalog())
    assert lines == ["", "Not yet translated into en (3 of 9 texts, in 1 records):", "  enterprise/bakery: description, offerings[].name ×2"]
    assert stats_lines(data.catalog())[-len(lines) :] == lines


def test_stats_say_when_everything_is_translated_and_list_only_so_many_records():
    from catalogs import Data

    from macros.stats import untranslated_lines

    data = Data()
    data.network("translated", summary={"nl": "Het netwerk.", "en": "The network."})
    assert untranslated_lines(data.catalog()) == ["", "Everything is translated into en (1 texts)."]
    for name in ("a", "b", "c"):
        data.network(name)
    assert untranslated_lines(data.catalog(), limit=2)[-1] == "  … and 1 more records (`wise stats --untranslated 0` lists every one)"
    assert len(untranslated_lines(data.catalog(), limit=0)) == 2 + 3
    i18n.configure(("nl",))
    assert untranslated_lines(data.catalog()) == []  # one language: nothing to translate into


def test_json_ld_writes_each_text_in_the_page_language():
    text = Localized({"nl": "Fietsenmaker", "en": "Bike mechanic"})
    with i18n.use("en"):
        assert render.json_ld({"jobTitle": text, "list": [text]}) == '{"jobTitle":"Bike mechanic","list":["Bike mechanic"]}'
    with i18n.use("nl"):
        assert render.json_ld({"jobTitle": text}) == '{"jobTitle":"Fietsenmaker"}'


def test_two_texts_are_equal_only_when_every_language_says_the_same():
    one = Localized({"nl": "Brood", "en": "Bread"})
    assert one == Localized({"nl": "Brood", "en": "Bread"}) and one == "Brood" and "Brood" == one
    assert one != Localized({"nl": "Brood", "en": "Bread and cake"})  # an edited translation is an edit
    assert hash(one) == hash("Brood")
