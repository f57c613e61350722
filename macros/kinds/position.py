"""Position: a policy position of the platform, with concrete asks and their histories."""

from __future__ import annotations

import re
import typing
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Discriminator, Field, Tag, WithJsonSchema

from .fields import EASY_READ_NOTE, Accepts, Date, EasyRead, Line, LocalLine, LocalMarkdown, LocalText, Part, RecordModel, RefTo, Slug, Url, fail, repeats, text
from .official import ContactKind

# The steps an ask goes through; the one definition every page, filter and export uses.
AskStatus = Literal["asked", "acknowledged", "committed", "delivered", "refused"]
ASK_STATUSES: tuple[str, ...] = typing.get_args(AskStatus)
FIGURE = re.compile(r"^monitoring:(\d{4}):([a-z_]+)$")
ARTICLE = re.compile(r"^[a-z0-9][a-z0-9/_-]*\.md$")


class Step(Part):
    """One dated step in an ask's history, with its public source."""

    date: Date
    status: AskStatus
    note: LocalText | None = None
    source: Url
    officials: list[RefTo("official")] = []


class Ask(Part):
    """One concrete thing the platform asks; linkable as #ask-<id>."""

    id: Slug
    text: LocalText
    history: list[Step] = []


class Contact(Part):
    """A contact about this position with officials in their public role: a meeting, letter, hearing or call, with
    a public note and its public source. Only officials can be named: there is no field for anyone else."""

    date: Date
    kind: ContactKind
    officials: list[RefTo("official")] = Field(min_length=1)
    note: LocalText | None = Field(None, description="what was discussed, as it may be published")
    source: Url


class Link(Part):
    """A link with its title."""

    title: Line
    url: Url


def evidence_ref(value: Any) -> str:
    """Evidence is a figure `monitoring:<year>:<measure>`, an article path `knowledge/x.md`, or {title, url}."""
    value = text(value)
    if FIGURE.match(value) or (ARTICLE.match(value) and ".." not in value):
        return value
    raise fail(
        "evidence", f"must be 'monitoring:<year>:<measure>', an article path like 'knowledge/isomorphism.md', or a mapping with title and url: {value!r}"
    )


EvidenceRef = Annotated[
    str, BeforeValidator(evidence_ref), WithJsonSchema({"type": "string", "pattern": f"{FIGURE.pattern}|{ARTICLE.pattern}"}), Accepts("figure or article path")
]
Evidence = Annotated[
    Annotated[EvidenceRef, Tag("ref")] | Annotated[Link, Tag("link")],
    Discriminator(lambda value: "link" if isinstance(value, (dict, Link)) else "ref"),
]


class Position(RecordModel):
    """A policy position and its asks."""

    title: LocalLine
    summary: LocalText
    topics: list[RefTo("vocab:topics")] = []
    status: Literal["active", "achieved", "dropped"]
    last_reviewed: Date
    targets: list[RefTo("post")] = Field([], description="the posts that hold the file")
    rationale: LocalMarkdown | None = None
    asks: list[Ask] = Field(min_length=1)
    evidence: list[Evidence] = []
    easy_read: EasyRead | None = Field(None, description=EASY_READ_NOTE)
    contacts: list[Contact] = Field([], description="meetings, letters, hearings and calls with officials about this position")


def unique_ask_ids(record: Position):
    """Ask ids are unique within their position (they are the page's anchors)."""
    for i, ask_id, first in repeats(a.id for a in record.asks):
        yield ("asks", i, "id"), f"'{ask_id}' is already the id of asks[{first}]", "duplicate"


def history_in_date_order(record: Position):
    """An ask's history is written oldest step first."""
    for i, ask in enumerate(record.asks):
        for j, (before, after) in enumerate(zip(ask.history, ask.history[1:], strict=False), start=1):
            if after.date < before.date:
                yield ("asks", i, "history", j, "date"), f"{after.date} is before the previous step's {before.date}", "date-order"


MODEL = Position
RULES = (unique_ask_ids, history_in_date_order)
