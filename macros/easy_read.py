"""Easy read: the rules an easy-read text keeps, checked as warnings.

Enterprises, positions and campaigns may carry `easy_read`: the record told for readers who find long sentences and
jargon hard (people with an intellectual disability, people still learning the language; language level B1). The
rules of thumb: at most 15 words a sentence, and none of the glossary's hard words. `wise check` warns, and does not
fail, when a text breaks one: a count of words cannot judge a sentence, the editor can. A text written in several
languages is checked in each, separately, against the hard words of that language (the glossary's terms in it,
their other forms and their Dutch words).
"""

from __future__ import annotations

import re
from typing import Any

from .glossary import Terms, hard_words
from .kinds import KINDS
from .kinds.fields import EASY_READ_WORDS
from .load import Loaded
from .problems import Problem

FIELD = "easy_read"
# A sentence ends at . ! ? or … followed by a space, or at a line break (easy-read texts often set one per line).
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\s*\n\s*")
# A word as a reader counts them: "don't", "wage-cost" and "2,720" are one each.
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:['’-][^\W_]+)*")


def sentences(text: str) -> list[str]:
    """The sentences of a text, in order, without empty ones."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def words(sentence: str) -> int:
    """How many words a sentence has: runs of letters and digits, joined by an apostrophe or hyphen."""
    return len(_WORD.findall(sentence))


def long_sentences(text: str, limit: int = EASY_READ_WORDS) -> list[tuple[str, int]]:
    """Each sentence of more than `limit` words, with its count."""
    return [(s, n) for s in sentences(text) if (n := words(s)) > limit]


def hard_words_used(text: str, hard: Terms, language: str | None = None) -> list[tuple[str, str]]:
    """Each hard word the text (in `language`, the active one) uses, as written there, with its term's id: every term
    once, at its first use."""
    found: dict[str, str] = {}
    for use in hard.find(text, language):
        found.setdefault(use.term, text[use.start : use.end])
    return [(written, term_id) for term_id, written in found.items()]


def advice(text: str, hard: Terms, language: str | None = None) -> list[tuple[str, str]]:
    """What `wise check` says about an easy-read text in `language` (the active one), as (message, rule): its long
    sentences, then its hard words."""
    out = []
    for sentence, count in long_sentences(text):
        shown = sentence if len(sentence) <= 60 else sentence[:57] + "..."
        out.append((f"a sentence of {count} words; easy-read sentences have at most {EASY_READ_WORDS}: {shown!r}", "easy-read-sentence"))
    for written, term_id in hard_words_used(text, hard, language):
        out.append((f"'{written}' is a hard word (glossary: {term_id}); say it in everyday words", "easy-read-hard-word"))
    return out


def easy_read_warnings(records: dict[str, dict[str, Any]], loaded: dict[str, Loaded]) -> list[Problem]:
    """A warning at each easy-read text, in each of its languages, for each rule it breaks (the glossary's hard words
    only once it is valid)."""
    hard = hard_words(records.get("glossary", {}).get("glossary"))
    problems = []
    for kind in KINDS.values():
        if FIELD not in kind.model.model_fields:
            continue
        for record in records.get(kind.name, {}).values():
            value = getattr(record, FIELD)
            if not value:
                continue
            source = loaded[record.source_path]
            translations = value.translations
            for language, text in translations.items():
                # Written per language, each text is reported at its own key; written once, at the field.
                loc = (FIELD, language) if len(translations) > 1 else (FIELD,)
                problems += [source.problem(loc, message, rule, level="warning") for message, rule in advice(text, hard, language)]
    return problems
