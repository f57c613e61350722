"""Easy read: the rules an easy-read text keeps (warnings, never errors), and its section on the record's page."""

from __future__ import annotations

from catalogs import Data
from conftest import FIXTURES, write
from markupsafe import Markup

from macros.cli import main
from macros.data import read_data
from macros.easy_read import advice, long_sentences, sentences, words
from macros.glossary import hard_words
from macros.problems import DataError, Problem, report

GLOSSARY = Data().glossary(
    terms=[
        {"id": "reserved", "term": "reserved contract", "also": ["reserved contracts"], "definition": "D", "hard": True, "source": "about.md"},
        {"id": "job-coach", "term": "job coach", "definition": "D", "source": "about.md"},
    ]
)
LONG = "We clean offices, schools and homes in the whole city, and we also wash and iron the linen of many hotels."


# -- the rule ---------------------------------------------------------------------------------------------------
def test_a_sentence_ends_at_its_mark_or_at_a_line_break_and_words_are_counted_as_read():
    assert sentences("We fix bikes. Can you help?\nA job coach helps you… Come") == ["We fix bikes.", "Can you help?", "A job coach helps you…", "Come"]
    assert words("Don't take the wage-cost subsidy: 2,720 people, 3.5 km.") == 9


def test_a_text_of_short_sentences_in_everyday_words_gets_no_advice():
    text = "We repair bikes. You can learn the work here.\nA job coach helps you every day."
    assert long_sentences(text) == []
    assert advice(text, hard_words(GLOSSARY)) == []


def test_a_sentence_over_fifteen_words_and_a_hard_word_each_get_advice():
    text = f"We are a social firm. {LONG}\nThe city gives us Reserved Contracts. And reserved contracts again."
    assert long_sentences(text) == [(LONG, 21)]
    assert advice(text, hard_words(GLOSSARY)) == [
        (f"a sentence of 21 words; easy-read sentences have at most 15: {LONG[:57] + '...'!r}", "easy-read-sentence"),
        ("'Reserved Contracts' is a hard word (glossary: reserved); say it in everyday words", "easy-read-hard-word"),
    ]


def test_fifteen_words_are_still_easy_read():
    fifteen = " ".join(["word"] * 15) + "."
    assert long_sentences(fifteen) == [] and long_sentences(fifteen + " " + fifteen.replace(".", " more.")) == [(fifteen.replace(".", " more."), 16)]


# -- wise check: warnings, not errors ----------------------------------------------------------------------------
def set_easy_read(tiny, text: str) -> None:
    original = (FIXTURES / "tiny" / "data" / "enterprises" / "kantine.yml").read_text(encoding="utf-8")
    lines = [line for line in original.splitlines() if not line.startswith("easy_read:")]
    (tiny / "data" / "enterprises" / "kantine.yml").write_text("\n".join([*lines, f"easy_read: {text}"]) + "\n", encoding="utf-8")


def test_wise_check_warns_about_an_easy_read_text_and_still_exits_0(tiny, capsys):
    set_easy_read(tiny, f'"{LONG} Ask for social return."')
    assert main(["check", str(tiny / "data")]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "data/enterprises/kantine.yml:19:12: warning: easy_read: 'social return' is a hard word (glossary: social-return); say it in everyday words [easy-read-hard-word]",
        f"data/enterprises/kantine.yml:19:12: warning: easy_read: a sentence of 21 words; easy-read sentences have at most 15: {LONG[:57] + '...'!r} [easy-read-sentence]",
        "2 warnings in 1 file",
    ]
    assert main(["check", "--format", "github", str(tiny / "data")]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("::warning file=data/enterprises/kantine.yml,line=19,col=12::easy_read: 'social return' is")
    catalog = read_data(tiny / "data", tiny / "docs")
    assert [(w.level, w.rule) for w in catalog.warnings] == [("warning", "easy-read-sentence"), ("warning", "easy-read-hard-word")]


def test_wise_check_is_quiet_about_an_easy_read_text_that_keeps_the_rules(tiny, capsys):
    set_easy_read(tiny, '"We cook lunch. A job coach helps you."')
    assert main(["check", str(tiny / "data")]) == 0
    assert capsys.readouterr().out == "no problems\n"
    assert main(["check", "--format", "json", str(tiny / "data")]) == 0
    assert capsys.readouterr().out == "[]\n"


def test_each_languages_text_is_checked_apart_against_that_languages_hard_words(tiny, capsys):
    config = tiny / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("      macro_pages: [index.md]\n", "      macro_pages: [index.md]\n      languages: [en, nl]\n")
    )
    glossary = (tiny / "data" / "glossary.yml").read_text(encoding="utf-8")
    (tiny / "data" / "glossary.yml").write_text(
        glossary.replace("    term: social return\n", "    term: {en: social return, nl: social return}\n").replace(
            "    term: WISE\n", "    term: {en: WISE, nl: SROI-bedrijf}\n"
        ),
        encoding="utf-8",
    )
    dutch = "Wij zijn een SROI-bedrijf. De jobcoach helpt je elke dag."
    set_easy_read(tiny, f'\n  en: "We cook lunch. {LONG}"\n  nl: "{dutch} Vraag naar social return."')
    assert main(["check", str(tiny / "data")]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"data/enterprises/kantine.yml:20:7: warning: easy_read.en: a sentence of 21 words; easy-read sentences have at most 15: {LONG[:57] + '...'!r} [easy-read-sentence]",
        "data/enterprises/kantine.yml:21:7: warning: easy_read.nl: 'SROI-bedrijf' is a hard word (glossary: wise); say it in everyday words [easy-read-hard-word]",
        "data/enterprises/kantine.yml:21:7: warning: easy_read.nl: 'social return' is a hard word (glossary: social-return); say it in everyday words [easy-read-hard-word]",
        "3 warnings in 1 file",
    ]
    # A term's word in one language is no hard word in a text in another: "SROI-bedrijf" is Dutch only.
    set_easy_read(tiny, '\n  en: "We are no SROI-bedrijf."\n  nl: "Wij koken."')
    assert main(["check", str(tiny / "data")]) == 0
    assert capsys.readouterr().out == "no problems\n"


def test_warnings_are_reported_beside_errors_and_only_errors_fail(tiny):
    set_easy_read(tiny, '"Our reserved contract."')
    write(tiny, "campaigns/week.yml", "name: W\ngoal: G\nstart: 2026-02-01\nend: 2026-01-01\n")
    try:
        read_data(tiny / "data", tiny / "docs")
    except DataError as exc:
        found = exc.problems
    assert [p.level for p in found] == ["error"]  # the tiny glossary has no reserved contract: no advice
    set_easy_read(tiny, '"We take part in the social return of the city."')
    try:
        read_data(tiny / "data", tiny / "docs")
    except DataError as exc:
        found = exc.problems
    assert report(found).splitlines()[-1] == "1 error in 1 file; 1 warning in 1 file"


def test_the_summary_counts_errors_and_warnings_apart():
    error = Problem("data/a.yml", 1, 1, "x", "m", "r")
    warning = Problem("data/b.yml", 1, 1, "x", "m", "r", "warning")
    assert report([warning]).splitlines() == ["data/b.yml:1:1: warning: x: m [r]", "1 warning in 1 file"]
    assert report([error, warning, warning]).splitlines()[-1] == "1 error in 1 file; 2 warnings in 1 file"
    assert report([]) == "no problems"


def test_the_example_data_keeps_the_easy_read_rules():
    from conftest import ROOT

    assert read_data(ROOT / "data", ROOT / "docs").warnings == ()
    assert read_data(FIXTURES / "tiny" / "data", FIXTURES / "tiny" / "docs").warnings == ()


# -- the page ---------------------------------------------------------------------------------------------------
def test_easy_read_comes_first_on_the_page_in_its_own_labelled_section():
    from macros.pages import record_page

    data = Data()
    records = {
        "enterprise": data.enterprise("bakery", easy_read="We bake bread.\nYou can work here."),
        "position": data.position("buy", easy_read="We bake bread.\nYou can work here."),
        "campaign": data.campaign("week", easy_read="We bake bread.\nYou can work here."),
    }
    catalog = data.catalog()
    for kind, record in records.items():
        page = record_page(catalog, kind, record)
        section = (
            '<section class="wise-easy-read" data-easy-read aria-labelledby="easy-read">\n'
            '<h2 id="easy-read">Easy read</h2>\n<p>We bake bread.<br>You can work here.</p>\n</section>'
        )
        assert section in page.html, kind
        assert page.html.index("data-easy-read") < page.html.index('class="wise-lead"'), kind
        assert page.toc[0]["children"][0] == {"level": 2, "id": "easy-read", "name": "Easy read", "children": []}, kind


def test_without_easy_read_text_the_page_has_no_such_section():
    from macros.views.enterprise import enterprise_view

    data = Data()
    view = enterprise_view(data.catalog(), data.enterprise("bakery"))
    assert view.easy_read is None and not view.has("easy-read")
    data.enterprise("cafe", easy_read="We <b>cook</b> & serve.")
    catalog = data.catalog()
    assert enterprise_view(catalog, catalog.get("enterprise", "cafe")).easy_read == Markup("<p>We &lt;b&gt;cook&lt;/b&gt; &amp; serve.</p>")
