"""Network: a network, project or programme linking enterprises."""

from __future__ import annotations

from typing import Literal

from .fields import Date, Line, Markdown, RecordModel, RefTo, Text, Url, end_not_before_start


class Network(RecordModel):
    """A network, project or programme; enterprises join through `members`."""

    name: Line
    kind: Literal["network", "project", "programme"]
    summary: Text
    description: Markdown | None = None
    members: list[RefTo("enterprise")] = []
    partners: list[Line] = []
    start: Date | None = None
    end: Date | None = None
    url: Url | None = None


MODEL = Network
RULES = (end_not_before_start,)
