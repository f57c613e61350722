"""Network: a network, project or programme linking enterprises."""

from __future__ import annotations

from typing import Literal

from .fields import Date, Line, LocalMarkdown, LocalText, RecordModel, RefTo, Url, end_not_before_start


class Network(RecordModel):
    """A network, project or programme; enterprises join through `members`."""

    name: Line
    kind: Literal["network", "project", "programme"]
    summary: LocalText
    description: LocalMarkdown | None = None
    members: list[RefTo("enterprise")] = []
    partners: list[Line] = []
    start: Date | None = None
    end: Date | None = None
    url: Url | None = None


MODEL = Network
RULES = (end_not_before_start,)
