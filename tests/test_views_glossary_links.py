"""The one rule that links a page's first use of a glossary term to its definition: first use only, whole words in
any case, never inside a link, heading or code, and never a change to the text or its escaping (record text is
untrusted: hostile text stays inert)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from types import SimpleNamespace

from catalogs import Data
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup, escape

from macros import render
from macros.glossary import Terms
from macros.views.glossary import glossary_links, mark_first_uses

TERMS = Terms(
    [
        SimpleNamespace(id="wise", forms=lambda language=None: ("WISE", "WISEs")),
        SimpleNamespace(id="social-return", forms=lambda language=None: ("social return", "SROI")),
        SimpleNamespace(id="job-coach", forms=lambda language=None: ("job coach", "jobcoach")),
    ]
)


def link(term_id: str) -> str:
    return f"../glossary/#{term_id}"


def title(term_id: str) -> str:
    return f'The "{term_id}" <term> & more'


def mark(*fragments: str) -> list[str]:
    return [str(m) for m in mark_first_uses([Markup(f) for f in fragments], TERMS, link, title)]


def a(term_id: str, words: str) -> str:
    return f'<a class="wise-term" href="../glossary/#{term_id}" title="The &#34;{term_id}&#34; &lt;term&gt; &amp; more">{words}</a>'


def test_the_first_use_on_the_page_is_linked_and_later_ones_are_not():
    assert mark("<p>A WISE is a WISE.</p>", "<p>Every WISE, and its job coach.</p>") == [
        f"<p>A {a('wise', 'WISE')} is a WISE.</p>",
        f"<p>Every WISE, and its {a('job-coach', 'job coach')}.</p>",
    ]


def test_any_letter_case_and_any_form_counts_as_the_use_but_only_whole_words():
    assert mark("<p>Otherwise wisely: two Wises and the sroi; Social Return.</p>") == [
        f"<p>Otherwise wisely: two {a('wise', 'Wises')} and the {a('social-return', 'sroi')}; Social Return.</p>"
    ]


def test_a_term_inside_a_link_heading_code_or_abbreviation_is_left_alone_and_counts_for_nothing():
    fragment = '<h2>The WISE</h2><p><a href="x">a WISE</a> <code>WISE</code> <abbr title="t">WISE</abbr> <pre>WISE</pre></p><p>WISE</p>'
    assert mark(fragment) == [
        f'<h2>The WISE</h2><p><a href="x">a WISE</a> <code>WISE</code> <abbr title="t">WISE</abbr> <pre>WISE</pre></p><p>{a("wise", "WISE")}</p>'
    ]


def test_words_inside_tags_and_attributes_are_never_touched():
    assert mark('<p><a href="https://example.org/wise" title="WISE">x</a> <img alt="WISE"> WISE</p>') == [
        f'<p><a href="https://example.org/wise" title="WISE">x</a> <img alt="WISE"> {a("wise", "WISE")}</p>'
    ]


def test_escaped_text_keeps_its_escaping_and_a_character_reference_is_never_split():
    text = escape("a <b>WISE</b> & \"social return\" &amp; 'jobcoach'")
    assert mark(text) == [
        f"a &lt;b&gt;{a('wise', 'WISE')}&lt;/b&gt; &amp; &#34;{a('social-return', 'social return')}&#34; &amp;amp; &#39;{a('job-coach', 'jobcoach')}&#39;"
    ]


def test_text_that_is_not_the_safe_html_expected_is_left_exactly_as_it_is():
    assert mark("<p>a < WISE</p>", "WISE > 1", '<a href="x>WISE') == ["<p>a < WISE</p>", "WISE > 1", '<a href="x>WISE']


def test_without_terms_nothing_changes():
    assert mark_first_uses([Markup("<p>WISE</p>")], Terms(), link, title) == (Markup("<p>WISE</p>"),)


def test_record_text_is_linked_relative_to_its_page_with_the_definition_clipped_as_its_title():
    data = Data()
    data.glossary(
        terms=[{"id": "wise", "term": "WISE", "definition": "A work-integration social enterprise. " * 10, "source": "about.md"}],
    )
    summary, missing, description = glossary_links(data.catalog(), "showcase/bakery/", "A WISE & more", None, Markup("<p>WISE</p>"))
    assert missing is None
    assert str(summary).startswith('A <a class="wise-term" href="../../glossary/#wise" title="A work-integration social enterprise. A work')
    assert str(summary).endswith('…">WISE</a> &amp; more') and len(re.search(r'title="([^"]*)"', summary).group(1)) <= 200
    assert description == Markup("<p>WISE</p>")


def test_without_a_glossary_plain_text_comes_back_escaped():
    assert glossary_links(Data().catalog(), "showcase/x/", "a & WISE", None) == (Markup("a &amp; WISE"), None)


# -- hostile text stays inert ---------------------------------------------------------------------------------
class Elements(HTMLParser):
    """Every element and attribute of a fragment, and its text as a browser reads it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, tuple]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, tuple(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, tuple(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parsed(fragment: str) -> Elements:
    parser = Elements()
    parser.feed(fragment)
    parser.close()
    return parser


OURS = re.compile(r'<a class="wise-term" href="[^"<>]*" title="[^"<>]*">|</a>')
HOSTILE = st.lists(
    st.sampled_from(list("<>&\"'=/;#!-[](){}*_` \n\tabxWISEwisejobcoach") + ["<script>", "onerror=", "&amp;", "&#39;", "javascript:", "WISE", " job coach "]),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(HOSTILE, HOSTILE)
def test_hostile_plain_text_stays_inert_the_rule_adds_only_its_own_links(first, second):
    fragments = [escape(first), escape(second)]
    marked = mark_first_uses(fragments, TERMS, link, lambda term_id: 'Defined <here> & "there"')
    for before, after in zip(fragments, marked, strict=True):
        assert OURS.sub("", str(after)) == str(before)  # the text and its escaping exactly as they were
        found = parsed(str(after))
        assert all(tag == "a" and [name for name, _ in attrs] == ["class", "href", "title"] for tag, attrs in found.elements)
        assert "".join(found.text) == html.unescape(str(before))


@settings(max_examples=200, deadline=None)
@given(HOSTILE)
def test_hostile_markdown_stays_as_the_sanitiser_left_it_but_for_the_rules_links(text):
    clean = render.markdown(text)
    (marked,) = mark_first_uses([clean], TERMS, link, title)
    assert OURS.sub("", str(marked)) == OURS.sub("", str(clean))
    before, after = parsed(str(clean)), parsed(str(marked))
    added = [e for e in after.elements if e[0] == "a" and ("class", "wise-term") in e[1]]
    assert [e for e in after.elements if e not in added] == before.elements
    assert "".join(after.text) == "".join(before.text)


# -- on the record pages ----------------------------------------------------------------------------------------
def test_each_record_page_links_the_first_use_of_a_term_in_its_text_once():
    from macros.pages import record_page

    data = Data()
    data.glossary()
    w = "The WISE, a WISE."
    records = {
        "enterprise": data.enterprise("bakery", summary=w, description=w, how_to_apply=w),
        "position": data.position("buy", summary=w, rationale=w, asks=[{"id": "one", "text": w * 20}]),
        "campaign": data.campaign("week", goal=w, description=w),
        "network": data.network("net", summary=w, description=w),
        "seminar": data.seminar("talk", summary=w),
        "scheme": data.scheme("keur", summary=w, description=w, criteria=[{"id": "one", "text": w}]),
        "manifesto": data.manifesto(preamble=w, articles=[{"id": "one", "heading": "WISE", "text": w}]),
    }
    catalog = data.catalog()
    for kind, record in records.items():
        page = record_page(catalog, kind, record)
        depth = "../" * page.url.count("/")
        assert page.html.count('class="wise-term"') == 1, kind
        assert f'<a class="wise-term" href="{depth}glossary/#wise" title="A work-integration social enterprise.">WISE</a>' in page.html, kind


def test_the_glossary_page_itself_links_no_term():
    from macros.pages import record_page

    data = Data()
    data.glossary(intro="Every WISE.")
    catalog = data.catalog()
    assert 'class="wise-term"' not in record_page(catalog, "glossary", catalog.glossary).html


# -- in the page's language -----------------------------------------------------------------------------------------
BY_LANGUAGE = Terms(
    [
        SimpleNamespace(id="job-coach", forms=lambda language=None: {"en": ("job coach",), "nl": ("jobcoach",)}.get(language, ("job coach", "jobcoach"))),
        SimpleNamespace(id="note", forms=lambda language=None: ("translated", "vertaald")),
    ]
)


def test_terms_are_found_in_the_pages_language_and_in_a_fallback_texts_own():
    from macros import i18n
    from macros.localized import Localized

    i18n.configure(("nl", "en"))
    dutch_only = Localized({"nl": "De jobcoach, not the job coach."})
    both = Localized({"nl": "Een jobcoach.", "en": "A job coach, no jobcoach."})
    with i18n.use("en"):
        marked = [str(m) for m in mark_first_uses([escape(both), escape(dutch_only)], BY_LANGUAGE, link, title)]
        assert marked[0] == f"A {a('job-coach', 'job coach')}, no jobcoach."
        # The untranslated text stays marked as Dutch, its term found by its Dutch form, and the note is left alone.
        assert (
            marked[1] == '<span lang="nl">De jobcoach, not the job coach.</span> <small class="wise-untranslated" data-untranslated>not yet translated</small>'
        )
        assert [str(m) for m in mark_first_uses([escape(dutch_only)], BY_LANGUAGE, link, title)] == [
            f'<span lang="nl">De {a("job-coach", "jobcoach")}, not the job coach.</span> <small class="wise-untranslated" data-untranslated>not yet translated</small>'
        ]
        (markdown,) = mark_first_uses([render.markdown(Localized({"nl": "Een *jobcoach*.\n\n| a |\n|---|\n| jobcoach |"}))], BY_LANGUAGE, link, title)
        assert f"<em>{a('job-coach', 'jobcoach')}</em>" in markdown and markdown.count("wise-term") == 1 and markdown.startswith('<div lang="nl">')
    with i18n.use("nl"):
        assert [str(m) for m in mark_first_uses([escape(both)], BY_LANGUAGE, link, title)] == [f"Een {a('job-coach', 'jobcoach')}."]
