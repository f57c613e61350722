"""Campaign: a conference, a buy-social week, a manifesto drive."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from .fields import EASY_READ_NOTE, Accepts, Date, EasyRead, Line, Markdown, Number, Part, RecordModel, RefTo, Text, Url, end_not_before_start, fail, text


class Milestone(Part):
    """A dated step of the campaign."""

    date: Date
    title: Line
    note: Text | None = None
    source: Url | None = None


class Metric(Part):
    """A measured goal: how far along, and since when."""

    label: Line
    target: Number
    current: Number
    unit: Line | None = None
    as_of: Date | None = None
    source: Url | None = None


class CallToAction(Part):
    """What a reader can do now."""

    text: Line
    url: Url | None = None


def hashtag(value: Any) -> str:
    """A hashtag is one word of letters, digits or underscores, written without '#'."""
    value = text(value).removeprefix("#")
    if not value or not all(c.isalnum() or c == "_" for c in value):
        raise fail("hashtag", f"must be one word of letters, digits or _: {value!r}")
    return value


class Campaign(RecordModel):
    """A campaign of the platform."""

    name: Line
    goal: Text
    description: Markdown | None = None
    start: Date | None = None
    end: Date | None = None
    positions: list[RefTo("position")] = []
    targets: list[RefTo("post")] = Field([], description="posts the campaign addresses")
    enterprises: list[RefTo("enterprise")] = []
    milestones: list[Milestone] = []
    metrics: list[Metric] = []
    call_to_action: CallToAction | None = None
    hashtags: list[Annotated[str, BeforeValidator(hashtag), Accepts("hashtag")]] = []
    easy_read: EasyRead | None = Field(None, description=EASY_READ_NOTE)


MODEL = Campaign
RULES = (end_not_before_start,)
