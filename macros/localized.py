"""Record text in the site's languages: a `Localized` text knows its translations and speaks the active language.

A translatable field (macros/kinds/fields.py: `localized(...)`, `LocalText`, `LocalLine`, `LocalMarkdown`…) takes
plain text, which is the text in the site's default language, or a mapping by language (`summary: {nl: "…", en:
"…"}`); either way its value is a `Localized`. That is a `str` whose own value is the text in the default language
(else in the first of the site's languages it has): sorting, the checks, the exports and code that treats it as a
string keep working on one text. Where a page is made, it speaks the page's language (`i18n.active()`):

- `str(value)`, f-strings and `format()` give the text in the active language, or the fallback text where it has
  no translation;
- `value.__html__()`, which markupsafe's `escape` and Jinja's autoescape call, gives that text escaped. Where the
  active language has no translation, the fallback text is marked with its language, `<span lang="nl">…</span>`,
  and followed by a note in the active language: `<small class="wise-untranslated" data-untranslated>not yet
  translated</small>`. `render.markdown` and `render.paragraphs` do the same for blocks.

String methods (`strip`, slicing, `+`, `len`) work on the plain value, the default language's text, as they do
for any `str`: code that shows a text in the page's language takes `str(value)` or `value.text()` first.
Every text stays text: it is escaped where it is inserted, never a template, never trusted HTML.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup, escape

from . import i18n
from .i18n import _

UNTRANSLATED_CLASS = "wise-untranslated"  # the note after a text shown in another language
UNTRANSLATED_MARKER = "data-untranslated"


class Localized(str):
    """A text in one or more of the site's languages: its `str` value is the default language's text (else the first
    it has); `str()`, `format()` and `__html__()` give the active language's."""

    def __new__(cls, translations: Mapping[str, str], default: str | None = None) -> Localized:
        texts = {str(language): str.__str__(text) for language, text in translations.items()}
        if not texts:
            raise ValueError("a Localized text needs its text in at least one language")
        site = i18n.languages()
        order = [language for language in site if language in texts] + [language for language in texts if language not in site]
        default = default or i18n.default_language()
        language = default if default in texts else order[0]
        self = super().__new__(cls, texts[language])
        self._texts = {language: texts[language] for language in order}
        self._language = language
        return self

    def __eq__(self, other: object) -> bool:
        """Equal to a plain string with its plain value; to another text in several languages only when every
        language says the same (an edit of a translation is an edit: `make serve` re-renders what shows it)."""
        if isinstance(other, Localized):
            return str.__eq__(self, other) and self._texts == other._texts
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = str.__hash__  # texts equal in every language have one plain value, so one hash

    def __reduce__(self):
        # Copies and pickles keep the translations (str's own would rebuild it from the plain value alone).
        return (Localized, (dict(self._texts), self._language))

    # -- what it holds -------------------------------------------------------------------------------------------
    @property
    def translations(self) -> dict[str, str]:
        """Its text in each language it has (the site's languages first, in their order)."""
        return dict(self._texts)

    @property
    def language(self) -> str:
        """The language of its plain value: the default language, else the first it has."""
        return self._language

    def translated(self, language: str | None = None) -> bool:
        """Whether it has its text in `language` (the active one)."""
        return (language or i18n.active()) in self._texts

    def language_of(self, language: str | None = None) -> str:
        """The language it is shown in when `language` (the active one) is asked for: that one, or its fallback's."""
        language = language or i18n.active()
        return language if language in self._texts else self._language

    def text(self, language: str | None = None) -> str:
        """Its text in `language` (the active one), else the fallback text, as a plain string."""
        return self._texts[self.language_of(language)]

    # -- how it is shown -----------------------------------------------------------------------------------------
    def __str__(self) -> str:
        return self.text()

    def __format__(self, spec: str) -> str:
        return format(self.text(), spec)

    def __html__(self) -> Markup:
        """The text in the active language, escaped; another language's text is marked with its language, and noted.
        (Kept per language: a record's text is shown on its page, its cards and its listings' item files alike.)"""
        language = i18n.active()
        shown = self.__dict__.setdefault("_html", {}).get(language)
        if shown is None:
            if self.translated(language):
                shown = escape(self.text(language))
            else:
                shown = Markup('<span lang="{}">{}</span> ').format(self._language, self.text(language)) + untranslated_note()
            self._html[language] = shown
        return shown


@functools.cache
def _note(language: str, words: str) -> Markup:
    return Markup('<small class="{}" {}>{}</small>').format(UNTRANSLATED_CLASS, Markup(UNTRANSLATED_MARKER), words)


def untranslated_note() -> Markup:
    """The note, in the active language, after a text shown in another language because it has no translation yet."""
    return _note(i18n.active(), _("not yet translated"))


def in_language(html: Markup, text: Any) -> Markup:
    """A block of HTML made from `text` (the active language's text, or the fallback): as it is when the text is in
    the active language (or is no Localized), else wrapped in an element naming its language and followed by the note."""
    if not isinstance(text, Localized) or text.translated() or not html:
        return html
    return Markup('<div lang="{}">{}</div>\n<p>{}</p>').format(text.language, html, untranslated_note())


def shown(value: Any) -> Any:
    """A value as the active language shows it: a Localized's text (a plain `str`), anything else as it is."""
    return value.text() if isinstance(value, Localized) else value


def other_languages() -> tuple[str, ...]:
    """The site's languages but the default: each gives a translatable field's export an extra column."""
    return i18n.languages()[1:]


def translation_columns(name: str) -> list[str]:
    """The export's columns for a translatable field: its own (the default language's text), then `<name>_<lang>` for
    every other language of the site."""
    return [name, *(f"{name}_{language}" for language in other_languages())]


def translation_cells(name: str, value: Any) -> dict[str, str | None]:
    """`<name>_<lang>` → the text in that language (None when it has none) for every other language of the site."""
    texts = value.translations if isinstance(value, Localized) else {}
    return {f"{name}_{language}": texts.get(language) for language in other_languages()}


def join(separator: str, values) -> Any:
    """Texts joined with `separator`: a Localized when any of them is, holding the joined default texts and the
    joined texts of every other language that each of them has; else a plain string."""
    values = list(values)
    if not any(isinstance(v, Localized) for v in values):
        return separator.join(values)
    default = i18n.default_language()
    plain = separator.join(str.__str__(v) for v in values)
    texts = {
        language: separator.join(v.text(language) if isinstance(v, Localized) else v for v in values)
        for language in i18n.languages()[1:]
        if all(not isinstance(v, Localized) or v.translated(language) for v in values)
    }
    return Localized({default: plain, **texts}, default)
