"""The lobby's shared pieces: an ask's status badge, who holds a post, an ask's steps with who held the file then."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .. import lobby, render
from ..catalog import Catalog
from ..exports.lobby_feeds import feed_path
from ..kinds import KINDS
from .base import Feed, Link, Status, When, clip, external, record_link, record_links, when

# The whole lobby's feed: named on the lobby's listings (officials, positions, decisions, the tracker).
LOBBY_FEED = Feed(feed_path(), "The lobby: steps, decisions and contacts", "Follow the lobby")


def status(key: str) -> Status:
    """An ask's, a step's or a position's status as a badge; the words are the statuses themselves."""
    return Status(key, key)


@dataclass(frozen=True)
class PostHolders:
    """A post and who held it on some day (empty: vacant)."""

    post: Link
    holders: tuple[Link, ...]


def post_holders(catalog: Catalog, post_id: str, day: dt.date) -> PostHolders:
    """Who held a post on `day`."""
    return PostHolders(record_link(catalog, "post", post_id), record_links(catalog, "official", catalog.holders_on(post_id, day)))


@dataclass(frozen=True)
class Step:
    """One dated step of an ask: its status, note, the officials met, its source, who held the file that day."""

    status: Status
    when: When
    note: str | None
    officials: tuple[Link, ...]
    source: Link
    held: tuple[PostHolders, ...]


def step(catalog: Catalog, position: Any, s: Any) -> Step:
    return Step(
        status=status(s.status),
        when=when(s.date),
        note=render.sentence(s.note) if s.note else None,
        officials=record_links(catalog, "official", s.officials),
        source=external(s.source, "Source"),
        held=tuple(post_holders(catalog, post_id, s.date) for post_id in position.targets),
    )


@dataclass(frozen=True)
class AskRow:
    """An ask in a table: its text (clipped), a link to its anchor, its status, its latest step's date, and its key
    (`<position>#<ask>`: its row in the asks export, and `data-ask`)."""

    link: Link
    position: Link
    status: Status
    open: bool
    last: When | None
    key: str


def ask_link(view: lobby.AskView, limit: int) -> Link:
    """A link to an ask's anchor on its position's page, its text clipped to `limit` characters."""
    return Link(KINDS["position"].page_url(view.position.id) + "#" + view.anchor, clip(view.ask.text, limit))


def ask_row(catalog: Catalog, view: lobby.AskView, limit: int = 110) -> AskRow:
    return AskRow(
        link=ask_link(view, limit),
        position=record_link(catalog, "position", view.position),
        status=status(view.status),
        open=view.is_open,
        last=when(view.last.date) if view.last else None,
        key=f"{view.position.id}#{view.ask.id}",
    )
