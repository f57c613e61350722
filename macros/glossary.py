"""Finding the glossary's terms in text: the one matcher behind the links from a page's first use of a term to its
definition, and behind the hard words `wise check` warns about in easy-read texts.

A term is used where one of its forms (kinds/glossary.py) stands as whole words, in any letter case, with a space or
a hyphen alike between its words: "Wage-cost subsidy" is a use of "wage cost subsidy". Where forms of several
terms start at the same place, the longest wins, so "social return on investment" is one use. In HTML text, a
character reference (`&amp;`, `&#39;`) is never part of a use: it is passed over whole.

A text is in a language (the active one, where a page is made), and a term's forms are those of that language: the
term in it (or its fallback, untranslated), its other forms and its Dutch word. Each language's matcher is compiled
once, when it is first asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from . import i18n

_ENTITY = r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"


@dataclass(frozen=True)
class Use:
    """Where a term is used in a text: `text[start:end]` is the form as written there."""

    start: int
    end: int
    term: str  # the term's id


def form_pattern(form: str) -> str:
    """A form as a pattern: its words, with any run of spaces or hyphens between them."""
    return r"[\s-]+".join(re.escape(word) for word in re.split(r"[ -]+", form.strip()))


class Terms:
    """Some of the glossary's terms (objects with `id` and `forms()`), ready to be found in text."""

    def __init__(self, terms: Iterable[Any] = ()):
        self.by_id = {t.id: t for t in terms}
        self._matchers: dict[str, tuple[re.Pattern | None, list[str]]] = {}

    def __bool__(self) -> bool:
        return bool(self.by_id)

    def _matcher(self, language: str) -> tuple[re.Pattern | None, list[str]]:
        """The pattern that finds the terms' forms in a text in `language`, and the term id of each alternative."""
        if language not in self._matchers:
            forms = sorted({(form, t.id) for t in self.by_id.values() for form in t.forms(language)}, key=lambda f: (-len(f[0]), f[0]))
            alternatives = "|".join(f"(?P<f{i}>{form_pattern(form)})" for i, (form, _) in enumerate(forms))
            pattern = re.compile(rf"(?P<entity>{_ENTITY})|(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE) if forms else None
            self._matchers[language] = (pattern, [term_id for _, term_id in forms])
        return self._matchers[language]

    def find(self, text: str, language: str | None = None) -> Iterator[Use]:
        """Every use of a term in `text`, a text in `language` (the active one), in order; uses never overlap, and
        character references are passed over."""
        pattern, ids = self._matcher(language or i18n.active())
        if pattern is None:
            return
        for match in pattern.finditer(text):
            if match.lastgroup != "entity":
                yield Use(match.start(), match.end(), ids[int(match.lastgroup[1:])])


def glossary_terms(glossary: Any) -> Terms:
    """Every term of the glossary (None: no glossary, so no terms)."""
    return Terms(glossary.terms if glossary is not None else ())


def hard_words(glossary: Any) -> Terms:
    """The glossary's hard words: the terms easy-read texts say in everyday words instead."""
    return Terms([t for t in glossary.terms if t.hard] if glossary is not None else ())
