"""The lobby's shared pieces: an ask's status badge, who holds a post, an ask's steps with who held the file then."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .. import lobby, render
from ..catalog import Catalog
from ..exports.lobby_feeds import feed_path
from ..i18n import N_, _
from ..kinds import KINDS
from .base import Feed, Link, Status, When, clip, external, record_link, record_links, when

# The whole lobby's feed: named on the lobby's listings (officials, positions, decisions, the tracker). Its words are
# English here; `lobby_feed` gives them in the page's language.
LOBBY_FEED = Feed(feed_path(), N_("The lobby: steps, decisions and contacts"), N_("Follow the lobby"))


def lobby_feed() -> Feed:
    """The lobby's feed, named in the page's language."""
    return Feed(LOBBY_FEED.url, _(LOBBY_FEED.title), _(LOBBY_FEED.follow))


# The words of the statuses a badge shows (asks, steps, positions, council decisions' outcomes) and of the kinds of
# contact, in English: the keys are the markers (CSS classes, data attributes, filter values, exports).
STATUS_LABELS = {
    **lobby.ASK_STATE_LABELS,
    "active": N_("active"),
    "achieved": N_("achieved"),
    "dropped": N_("dropped"),
    "adopted": N_("adopted"),
    "rejected": N_("rejected"),
    "withdrawn": N_("withdrawn"),
    "promised": N_("promised"),
}
CONTACT_LABELS = {"meeting": N_("meeting"), "letter": N_("letter"), "hearing": N_("hearing"), "call": N_("call")}


def status_label(key: str) -> str:
    """A status's words in the page's language (the key itself for a status without words of its own)."""
    return _(STATUS_LABELS.get(key, key))


def contact_label(kind: str) -> str:
    """A kind of contact (meeting, letter, hearing, call) in the page's language."""
    return _(CONTACT_LABELS.get(kind, kind))


def status(key: str) -> Status:
    """An ask's, a step's or a position's status, or a decision's outcome, as a badge: the key marks it, the words
    are the status's in the page's language."""
    return Status(key, status_label(key))


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
        source=external(s.source, _("Source")),
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
