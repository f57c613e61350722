"""Glossary: the words the site's texts use, each with a plain definition and its source (one file, data/glossary.yml).

A term is found in record text by its forms (the term, the other ways it is written, its Dutch word), so each form
is words of letters and digits joined by single spaces or hyphens: nothing a text could hold around it (markup,
punctuation) is part of it. `hard: true` marks the words easy-read texts should not use (`wise check` warns).
The term, its definition and the glossary's title and intro are translatable (plain text in the site's default language,
or a mapping by language): a term is found in a text by its forms in that text's language, the term in that language
(or its fallback, untranslated), its other forms and its Dutch word.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

from .fields import SLUG, Accepts, Flag, LocalLine, LocalText, Part, RecordModel, Slug, Text, fail, localized, max_chars, no_personal_data, repeats, text
from .position import ARTICLE  # a hand-written page under docs/, as positions cite them

FORM = re.compile(r"^[^\W_]+(?:[ -][^\W_]+)*$")
FORM_CHARS = 60
RECORD = re.compile(rf"^(?P<kind>[a-z]+)(?::(?P<id>{SLUG.pattern[1:-1]}))?$")
RESERVED_ANCHORS = ("title",)  # the page's own heading: a term with this id would share its anchor


def form(value: Any) -> str:
    """A term as texts write it: words of letters and digits joined by single spaces or hyphens, at most 60
    characters ("WISE", "wage-cost subsidy", "loonkostensubsidie")."""
    value = text(value).strip()
    if not FORM.match(value) or len(value) > FORM_CHARS:
        raise fail("term", f"must be words of letters and digits joined by single spaces or hyphens, at most {FORM_CHARS} characters: {value!r}")
    return value


def page_source(value: Any) -> str:
    """A page of this site the definition comes from: a hand-written page under docs/ (`knowledge/isomorphism.md`),
    or a record as `<kind>:<id>` (`scheme:wise-keurmerk`), a one-file kind by its name alone (`procurement`)."""
    value = text(value).strip()
    if (ARTICLE.match(value) and ".." not in value) or RECORD.match(value):
        return value
    raise fail("source", f"must be a page of this site: an article path like 'knowledge/isomorphism.md', or a record like 'scheme:wise-keurmerk': {value!r}")


def form_key(value: str) -> str:
    """What makes two forms the same word to a reader: case aside, a hyphen or a space alike."""
    return " ".join(re.split(r"[\s-]+", value.casefold()))


Form = Annotated[
    str,
    BeforeValidator(form),
    AfterValidator(no_personal_data),
    WithJsonSchema({"type": "string", "pattern": FORM.pattern, "maxLength": FORM_CHARS}),
    Accepts("a word or words"),
]
PageSource = Annotated[
    str,
    BeforeValidator(page_source),
    WithJsonSchema({"type": "string", "pattern": f"{ARTICLE.pattern}|{RECORD.pattern}"}),
    Accepts("article path or record (kind:id)"),
]


class Term(Part):
    """One term; its anchor on /glossary/ is its id, and its first use on a record's page links there."""

    id: Slug = Field(description="the term's anchor on /glossary/ (`#<id>`)")
    term: localized(Form) = Field(description="the term as readers see it, in each language: WISE, reserved contract (Dutch: voorbehouden opdracht)")
    also: list[Form] = Field([], description="other forms that count as a use of the term in any language: a plural, the abbreviation, the words spelled out")
    dutch: Form | None = Field(None, description="the Dutch term (loonkostensubsidie); a use of it counts too, in any language")
    definition: localized(Annotated[Text, max_chars(400)]) = Field(description="in plain words, one or two sentences (at most 400 characters)")
    hard: Flag = Field(False, description="a hard word: easy-read texts say it in everyday words instead (`wise check` warns)")
    source: PageSource = Field(description="the page of this site the definition comes from: `knowledge/isomorphism.md`, `procurement`, `scheme:<id>`")

    def places(self) -> tuple[tuple[tuple, str], ...]:
        """(where in the term, form) for every form it is written with: the term in each language, the other forms,
        the Dutch word."""
        return (
            # A term in one language is written as plain text, or is the only text of its mapping: the place is the value.
            *(((("term", language) if len(self.term.translations) > 1 else ("term",)), word) for language, word in self.term.translations.items()),
            *((("also", j), word) for j, word in enumerate(self.also)),
            *(((("dutch",), self.dutch),) if self.dutch else ()),
        )

    def forms(self, language: str | None = None) -> tuple[str, ...]:
        """The forms that count as a use of the term in a text in `language`: the term in that language (its fallback
        where it has none), the other forms and the Dutch word; without a language, every form in every language."""
        words = self.term.translations.values() if language is None else (self.term.text(language),)
        return tuple(dict.fromkeys((*words, *self.also, *((self.dutch,) if self.dutch else ()))))


class Glossary(RecordModel):
    """The glossary: the words the site's texts use, each with a plain definition and where it comes from."""

    title: LocalLine
    intro: LocalText | None = None
    terms: list[Term] = Field(min_length=1)


def unique_terms(record: Glossary):
    """Term ids are unique (they are the page's anchors)."""
    for i, term_id, _ in repeats(t.id for t in record.terms):
        yield ("terms", i, "id"), f"'{term_id}' appears twice", "duplicate"


def anchors_of_their_own(record: Glossary):
    """A term's id is not an anchor the page itself uses (`title`, its heading)."""
    for i, t in enumerate(record.terms):
        if t.id in RESERVED_ANCHORS:
            yield ("terms", i, "id"), f"'{t.id}' is the anchor of the page's own heading; choose another id", "id"


def one_term_per_form(record: Glossary):
    """A form (the term in any language, another form or the Dutch word; case, spaces and hyphens aside) belongs to one
    term, once: a text that uses it must link to one definition. The term may be one word in several languages, and
    its Dutch word may be its Dutch term."""
    owner: dict[str, str] = {}
    for i, t in enumerate(record.terms):
        own: set[str] = set()  # the term's words in each language and its Dutch word
        for place, value in t.places():
            key = form_key(value)
            words = place[0] in ("term", "dutch")
            if words and key in own:
                continue
            if key in owner:
                yield ("terms", i, *place), f"'{value}' is already a form of '{owner[key]}'", "duplicate"
            else:
                owner[key] = t.id
            if words:
                own.add(key)


MODEL = Glossary
RULES = (unique_terms, anchors_of_their_own, one_term_per_form)
