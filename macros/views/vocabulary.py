"""Vocabularies: one controlled list, each entry with what uses it; and the listing of lists."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .. import render
from ..catalog import Catalog
from ..i18n import N_, _, ngettext
from .base import SITE, Link, ListingView, RecordView, Site, record_link, sections, term_anchor

# A kind of record as a vocabulary entry's uses name it, in English (the keys are the kinds' names); shown in the
# page's language.
KIND_NAMES = {
    "enterprise": N_("enterprise"),
    "post": N_("post"),
    "official": N_("official"),
    "position": N_("position"),
    "decision": N_("decision"),
    "seminar": N_("seminar"),
    "monitoring": N_("monitoring"),
    "manifesto": N_("manifesto"),
    "vocabulary": N_("vocabulary"),
}


@dataclass(frozen=True)
class Use:
    """A record that uses an entry, and its kind."""

    link: Link
    kind: str


@dataclass(frozen=True)
class Entry:
    anchor: str
    label: str
    description: Markup
    cpv: str | None
    uses: tuple[Use, ...]


@dataclass(frozen=True, kw_only=True)
class VocabularyView(RecordView):
    description: Markup
    entries: tuple[Entry, ...]


def vocabulary_view(catalog: Catalog, vocabulary: Any, site: Site = SITE) -> VocabularyView:
    """A vocabulary's page: each entry (anchored `#term-<id>`) with its description, CPV codes and every record using it."""
    v = vocabulary
    entries = tuple(
        Entry(
            term_anchor(e.id),
            e.label,
            render.paragraphs(e.description),
            ", ".join(e.cpv) or None,
            tuple(Use(record_link(catalog, kind, r), _(KIND_NAMES.get(kind, kind))) for kind, r in catalog.uses(v.id, e.id)),
        )
        for e in v.entries
    )
    return VocabularyView(
        title=v.title,
        kind="vocabulary",
        record_id=v.id,
        example=v.example,
        source_path=v.source_path,
        toc=sections(*((e.anchor, e.label, True) for e in entries)),
        description=render.paragraphs(v.description),
        entries=entries,
    )


@dataclass(frozen=True)
class VocabularyCard:
    marker: str
    link: Link
    example: bool
    entries: str


def entries_text(count: int) -> str:
    """ "1 entry", "12 entries"."""
    return ngettext("%(num)s entry", "%(num)s entries", count) % {"num": f"{count:,}"}


def vocabularies_view(catalog: Catalog, site: Site = SITE) -> ListingView:
    """/vocabularies/: every controlled list and how many entries it has."""
    return ListingView(
        title=_("Vocabularies"),
        cards=tuple(
            VocabularyCard(f"vocabulary:{v.id}", record_link(catalog, "vocabulary", v), v.example, entries_text(len(v.entries)))
            for v in catalog.all("vocabulary")
        ),
    )
