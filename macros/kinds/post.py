"""Post: a public office that outlives its holder (an alderman's portfolio, a council seat)."""

from __future__ import annotations

from typing import Literal

from .fields import Line, LocalLine, LocalText, RecordModel, RefTo


class Post(RecordModel):
    """A public office; officials hold it over time through their memberships."""

    title: LocalLine
    body: Literal["executive", "council", "department", "national"]
    organisation: Line | None = None
    department: Line | None = None
    portfolio: list[RefTo("vocab:topics")] = []
    district: RefTo("vocab:districts") | None = None
    description: LocalText | None = None


MODEL = Post
RULES = ()
