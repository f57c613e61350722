"""Campaign: a conference, a buy-social week, a manifesto drive."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from .fields import (
    EASY_READ_NOTE,
    Accepts,
    Date,
    EasyRead,
    LocalLine,
    LocalMarkdown,
    LocalText,
    Number,
    Part,
    RecordModel,
    RefTo,
    Url,
    end_not_before_start,
    fail,
    text,
)


class Milestone(Part):
    """A dated step of the campaign."""

    date: Date
    title: LocalLine
    note: LocalText | None = None
    source: Url | None = None


class Metric(Part):
    """A measured goal: how far along, and since when."""

    label: LocalLine
    target: Number
    current: Number
    unit: LocalLine | None = None
    as_of: Date | None = None
    source: Url | None = None


class CallToAction(Part):
    """What a reader can do now."""

    text: LocalLine
    url: Url | None = None


def hashtag(value: Any) -> str:
    """A hashtag is one word of letters, digits or underscores, written without '#'."""
    value = text(value).removeprefix("#")
    if not value or not all(c.isalnum() or c == "_" for c in value):
        raise fail("hashtag", f"must be one word of letters, digits or _: {value!r}")
    return value


class Campaign(RecordModel):
    """A campaign of the platform."""

    name: LocalLine
    goal: LocalText
    description: LocalMarkdown | None = None
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
