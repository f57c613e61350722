"""The ask tracker: every ask with its latest status, who holds the file now, and filters."""

from __future__ import annotations

from dataclasses import dataclass

from .. import lobby
from ..catalog import Catalog
from ..i18n import _
from .base import SITE, Link, Site, Status, When, record_link, when
from .lobby import PostHolders, ask_link, lobby_feed, post_holders, status
from .paging import ROWS, PagedView, Paging


@dataclass(frozen=True)
class TrackerRow:
    """One ask in the tracker."""

    key: str  # data-ask: "<position>#<ask>"
    filters: tuple[tuple[str, str], ...]  # (facet, space-separated values) for data-<facet>
    ask: Link
    position: Link
    review_due: bool
    position_status: Status | None  # shown when the position is no longer active
    status: Status
    last: When | None
    days_since: str
    holders: tuple[PostHolders, ...]

    @property
    def words(self) -> str:
        """What the search box searches: the ask as the row shows it, lowercased."""
        return str(self.ask.text).lower()  # in the page's language


@dataclass(frozen=True, kw_only=True)
class TrackerView(PagedView):
    lead: str
    counts: tuple[tuple[Status, int], ...]
    rows: tuple[TrackerRow, ...]  # every ask, on all the tracker's pages

    @property
    def items(self) -> tuple[TrackerRow, ...]:
        return self.rows


def row(catalog: Catalog, v: lobby.AskView) -> TrackerRow:
    days = v.days_since(catalog.today)
    return TrackerRow(
        key=f"{v.position.id}#{v.ask.id}",
        filters=(("status", v.status), ("post", " ".join(v.position.targets)), ("topic", " ".join(v.position.topics))),
        ask=ask_link(v, 100),
        position=record_link(catalog, "position", v.position),
        review_due=lobby.review_due(catalog, v.position),
        position_status=status(v.position.status) if v.position.status != "active" else None,
        status=status(v.status),
        last=when(v.last.date) if v.last else None,
        days_since="" if days is None else str(days),
        holders=tuple(post_holders(catalog, t, catalog.today) for t in v.position.targets),
    )


def tracker_view(catalog: Catalog, site: Site = SITE) -> TrackerView:
    """/lobby/tracker/: how many asks are at each status, and every ask with its latest step."""
    views = lobby.asks(catalog)
    return TrackerView(
        title=_("Ask tracker"),
        wide=True,
        feeds=(lobby_feed(),),
        lead=_(
            "Every ask of every position: its latest status and when it was taken, the posts that hold the file and who holds them now. "
            "Asks whose position is past its review date are marked."
        ),
        counts=tuple((status(key), n) for key, n in lobby.status_counts(views).items()),
        facets=tuple(lobby.tracker_facets(catalog, views)),
        rows=tuple(row(catalog, v) for v in views),
        paging=Paging("lobby/tracker/", ROWS, len(views), _("Asks")),
    )
