"""Scheme: a definition of a social enterprise, or a certification scheme."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .fields import Count, Line, LocalMarkdown, LocalText, Part, RecordModel, Slug, Url, repeats


class Criterion(Part):
    """One criterion an enterprise must meet."""

    id: Slug
    text: LocalText


class Scheme(RecordModel):
    """A definition or certification scheme and its criteria."""

    name: Line
    kind: Literal["definition", "certification"]
    owner: Line | None = None
    url: Url | None = None
    summary: LocalText | None = None
    description: LocalMarkdown | None = None
    criteria: list[Criterion] = Field(min_length=1)
    levels: list[Line] = []
    validity_years: Count | None = None


def unique_criteria(record: Scheme):
    """Criterion ids are unique within their scheme."""
    for i, criterion_id, _ in repeats(c.id for c in record.criteria):
        yield ("criteria", i, "id"), f"'{criterion_id}' appears twice", "duplicate"


MODEL = Scheme
RULES = (unique_criteria,)
