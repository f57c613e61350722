"""Network: a network, project or programme linking enterprises."""

from __future__ import annotations

from typing import Literal

from .fields import Date, Line, Markdown, RecordModel, RefTo, Text, Url, ordered


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


def network_dates(record: Network):
    """A network ends on or after its start."""
    if not ordered(record.start, record.end):
        yield ("end",), f"{record.end} is before start {record.start}", "date-order"


MODEL = Network
RULES = (network_dates,)
