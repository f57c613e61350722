"""The templates' words are marked for translation: no visible English is written outside `_()` in a page template
(overrides/records/) or in our overrides of the theme's (overrides/main.html, overrides/partials/), the scripts take
their sentences from the page, and every marked string fits its call and its translations.

A template's text is what Jinja's lexer leaves outside its tags: read as HTML, with each tag standing as one space, its
text nodes and the attributes a reader sees or hears (title, alt, placeholder, aria-label, data-label, which the
style sheet shows) must hold no word. The string literals inside the tags must hold none either (a heading passed to
a macro), unless they are the message of a `_()`/`ngettext()` call. Keys, classes, paths and separators are literals
too: a literal counts as words when it holds a space between two words or starts with a capital letter."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT
from jinja2 import nodes

from macros import render

TEMPLATES = sorted(
    [
        *(ROOT / "overrides" / "records").rglob("*.html"),
        *(ROOT / "overrides").glob("*.html"),
        *(ROOT / "overrides" / "partials").rglob("*.html"),
    ]
)
SCRIPTS = sorted((ROOT / "overrides" / "assets" / "javascripts").glob("*.js"))
CATALOGUE = ROOT / "locale" / "nl" / "templates.po"

WORD = re.compile(r"[A-Za-z]{2,}")
# Words that are the same in every language, each with its reason.
ALLOWED = {
    "CC": "the licence's name, CC BY 4.0 (sections/data.html), is not translated",
    "BY": "the same",
}
# Attributes whose values a reader sees or hears, or a script shows (data-text-…, the search dialog's texts); every
# other attribute is a marker, a class, an address or an id.
VISIBLE_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "label", "data-label"}
VISIBLE_ATTRIBUTES |= {"data-placeholder", "data-none", "data-one", "data-other", "data-failed"}
# Elements whose text is not the page's words: scripts, styles, and code (file names, field names, values as written).
QUOTED = {"script", "style", "code"}
GETTEXT = {"_": 1, "gettext": 1, "ngettext": 2}
PLACEHOLDER = re.compile(r"%\((\w+)\)s|%%|%")
# An attribute a macro writes into its caller's tag (` data-items="…"`), which the parser takes for text.
ATTRIBUTE = re.compile(r'\b[a-z][a-z0-9-]*="[^"]*"')
# Two words in a script's string literal (a class list is not words: its names hold hyphens and underscores).
SCRIPT_PROSE = re.compile(r"(?<![\w-])[A-Za-z]{2,}[,.:;!?]?\s+[A-Za-z]{2,}(?![\w-])")


def words(text: str) -> list[str]:
    return [w for w in WORD.findall(text) if w not in ALLOWED]


class _Text(HTMLParser):
    """The words of a template's text: in text nodes (outside script, style and code) and in visible attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._quoted = 0

    def handle_starttag(self, tag, attrs):
        self.handle_startendtag(tag, attrs)
        if tag in QUOTED:
            self._quoted += 1

    def handle_startendtag(self, tag, attrs):
        self.found += [w for name, value in attrs if (name in VISIBLE_ATTRIBUTES or name.startswith("data-text-")) and value for w in words(value)]

    def handle_endtag(self, tag):
        if tag in QUOTED and self._quoted:
            self._quoted -= 1

    def handle_data(self, data):
        if not self._quoted:
            self.found += words(ATTRIBUTE.sub(" ", data))


def text_words(source: str) -> list[str]:
    """The words a template writes as text, outside its tags (each tag, comment and expression counts as a space)."""
    env = render.environment()
    parts, inside = [], False
    for _, kind, value in env.lex(source):
        if kind == "data":
            parts.append(value)
            inside = False
        elif not inside:
            parts.append(" ")
            inside = True
    reader = _Text()
    reader.feed("".join(parts))
    reader.close()
    return reader.found


def _messages(tree) -> set[int]:
    """The ids of the string constants that are messages: the first argument of `_()`, the first two of ngettext()."""
    out = set()
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name in GETTEXT:
            out |= {id(arg) for arg in call.args[: GETTEXT[call.node.name]] if isinstance(arg, nodes.Const)}
    return out


def literal_words(source: str) -> list[str]:
    """The string literals inside a template's tags that read as words and are not a message of `_()`."""
    tree = render.environment().parse(source)
    messages = _messages(tree)
    found = []
    for const in tree.find_all(nodes.Const):
        if id(const) in messages or not isinstance(const.value, str):
            continue
        text = const.value
        prose = re.search(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}", text) or re.match(r"\s*[A-Z][a-z]", text)
        if prose and words(text):
            found.append(text)
    return found


def untranslated(source: str) -> list[str]:
    """Everything a template would show in English whatever the page's language."""
    return text_words(source) + literal_words(source)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_a_template_writes_its_words_through_gettext(path: Path):
    found = untranslated(path.read_text(encoding="utf-8"))
    assert found == [], f'mark these for translation with {{{{ _("…") }}}}: {found}'


def test_the_check_finds_english_outside_gettext():
    assert untranslated('<h2>{{ _("Certified") }}</h2><p>{{ view.summary }}</p>') == []
    assert untranslated("<p>No step yet.</p>") == ["No", "step", "yet"]
    assert untranslated('<button aria-label="Close the map">{{ _("Map") }}</button>') == ["Close", "the", "map"]
    assert untranslated('<td data-label="Status">{{ x }}</td>') == ["Status"]
    assert untranslated('<button data-more data-text-more="Show more">') == ["Show", "more"]
    assert untranslated('<div data-wise-search data-failed="Search failed.">') == ["Search", "failed"]
    assert untranslated("{% if x %}<dt>When</dt>{% endif %}") == ["When"]
    assert untranslated('{{ m.scroll("Votes by party") }}{{ m.download(_("Download these asks (CSV)")) }}') == ["Votes by party"]
    assert untranslated('{{ m.heading(view, "Progress") }}') == ["Progress"]
    assert untranslated("{{ n }} of {{ total }}") == ["of"]
    # Not words: markers, classes, keys, addresses, separators, code, placeholders' values and comments.
    assert untranslated('<p class="wise-lead" data-cert-state="x:certified" id="easy-read" title="{{ _("Source") }}"></p>') == []
    assert untranslated('{% if d.what == "step" %}{{ m.links(xs, "; ") }}{% endif %}<a href="{{ href(\'lobby/tracker/\') }}"></a>') == []
    assert untranslated("<code>data/{{ d.anchor }}.json</code>{# A comment in English #}") == []
    assert untranslated('{{ _("%(count)s more", count="{count}") }}{{ ngettext("%(num)d enterprise", "%(num)d enterprises", n) }}') == []


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_a_script_writes_no_english_sentence_of_its_own(path: Path):
    """The scripts say what they say with the page's sentences (data-text-… markers, the search dialog's data-*):
    no string literal of theirs holds two words."""
    source = re.sub(r"/\*.*?\*/|//[^\n]*", "", path.read_text(encoding="utf-8"), flags=re.S)
    literals = re.findall(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'', source)
    prose = [a or b for a, b in literals if SCRIPT_PROSE.search(a or b) and (a or b) != "use strict"]
    assert prose == []


def test_the_script_check_finds_a_sentence():
    source = 'var a = "Show " + n + " more (" + left + " not shown yet)"; var b = "md-search-result__article md-typeset";'
    literals = re.findall(r'"((?:[^"\\\n]|\\.)*)"', source)
    assert [x for x in literals if SCRIPT_PROSE.search(x)] == [" not shown yet)"]


def _calls(source: str):
    """Each `_()` call of a template with a literal message: the message and the names of its keyword arguments."""
    tree = render.environment().parse(source)
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name in ("_", "gettext") and call.args and isinstance(call.args[0], nodes.Const):
            yield call.args[0].value, {k.key for k in call.kwargs}


def placeholders(message: str) -> list[str]:
    """A message's placeholders by name ("%" for a lone percent sign, which newstyle gettext would refuse)."""
    return sorted(m.group(1) or ("%" if m.group() == "%" else "%%") for m in PLACEHOLDER.finditer(message))


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_message_gets_exactly_its_placeholders(path: Path):
    """Newstyle gettext formats every message with its keyword arguments: a placeholder without one fails the page,
    an argument without a placeholder is lost, and a percent sign is written %%."""
    for message, names in _calls(path.read_text(encoding="utf-8")):
        named = [p for p in placeholders(message) if p != "%%"]
        assert "%" not in named, f"write a percent sign as %% in {message!r}"
        assert set(named) == names, f"{message!r} has placeholders {sorted(set(named))}, arguments {sorted(names)}"


def test_the_dutch_keeps_every_placeholder_and_adds_no_markup():
    """A translation has its message's placeholders, and no quote or markup character its message lacks: messages are
    written into attributes and HTML as they are (gettext's output is trusted markup)."""
    from babel.messages.pofile import read_po

    with open(CATALOGUE, "rb") as handle:
        catalogue = [m for m in read_po(handle, locale="nl") if m.id]
    assert len(catalogue) > 300
    for m in catalogue:
        assert placeholders(m.string) == placeholders(m.id), m.id
        for char in '"<>&':
            assert m.string.count(char) <= m.id.count(char), (char, m.id)
