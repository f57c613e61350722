"""Vocabulary: a controlled list (sectors, districts, target groups, topics, offering categories, parties)."""

from __future__ import annotations

from pydantic import Field

from .fields import Cpv, LocalLine, LocalText, Part, RecordModel, RefTo, Slug, repeats

NAMES = ("sectors", "districts", "target-groups", "topics", "offering-categories", "parties")


class Entry(Part):
    """One allowed value: its id is what records write, its label what readers see."""

    id: Slug
    label: LocalLine
    description: LocalText | None = None
    cpv: list[Cpv] = Field([], description="offering categories only: CPV codes (Regulation (EC) No 213/2008)")
    sectors: list[RefTo("vocab:sectors")] = Field(
        [], description="topics only: the sectors a topic concerns (officials whose portfolio holds the topic see these enterprises)"
    )


class Vocabulary(RecordModel):
    """A controlled list; the file is named after it (data/vocabularies/sectors.yml)."""

    title: LocalLine
    description: LocalText | None = None
    entries: list[Entry] = Field(min_length=1)

    def labels(self) -> dict[str, str]:
        return {e.id: e.label for e in self.entries}


def known_vocabulary(record: Vocabulary):
    """Vocabulary files are the ones the data model names (NAMES)."""
    if record.id not in NAMES:
        yield (), f"'{record.id}' is not a vocabulary; expected one of: {', '.join(NAMES)}", "unknown-vocabulary"


def unique_entries(record: Vocabulary):
    """Entry ids are unique within a vocabulary."""
    for i, entry_id, _ in repeats(e.id for e in record.entries):
        yield ("entries", i, "id"), f"'{entry_id}' appears twice", "duplicate"


def cpv_only_for_offerings(record: Vocabulary):
    """Only offering categories carry CPV codes, and each of them carries at least one."""
    for i, entry in enumerate(record.entries):
        if entry.cpv and record.id != "offering-categories":
            yield ("entries", i, "cpv"), "only offering categories carry CPV codes", "cpv"
        if not entry.cpv and record.id == "offering-categories":
            yield ("entries", i), "an offering category needs its CPV code(s) in cpv", "cpv"


def sectors_only_for_topics(record: Vocabulary):
    """Only topics map to sectors."""
    for i, entry in enumerate(record.entries):
        if entry.sectors and record.id != "topics":
            yield ("entries", i, "sectors"), "only topics map to sectors", "sectors"


MODEL = Vocabulary
RULES = (known_vocabulary, unique_entries, cpv_only_for_offerings, sectors_only_for_topics)
