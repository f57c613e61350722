"""The lobby's rules: an ask's status, who holds a file when, what is open, what an official
inherits, which enterprises matter to them, and a position's dossier in date order.

Everything here is computed from positions, posts and officials in the catalog; nothing is
stored twice. The views turn these answers into pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .catalog import Catalog
from .kinds.fields import local_day
from .kinds.position import ASK_STATUSES
from .showcase import Facet, facet

DRAFTED = "drafted"  # an ask with no step yet
ASK_STATES: tuple[str, ...] = (DRAFTED, *ASK_STATUSES)  # every status the tracker counts, in lifecycle order
CLOSED = ("delivered", "refused")  # an ask whose last step is one of these needs no further action
REVIEW_DAYS = 365  # a position is due for review a year after it was last reviewed
QUIET_DAYS = 180  # an open ask with no step for half a year has gone quiet


@dataclass(frozen=True)
class AskView:
    """One ask with its position: its latest step and status."""

    position: Any
    ask: Any

    @property
    def last(self) -> Any:
        return self.ask.history[-1] if self.ask.history else None

    @property
    def status(self) -> str:
        """The latest step's status; an ask with no step yet is 'drafted'."""
        return self.last.status if self.last else DRAFTED

    @property
    def is_open(self) -> bool:
        """Open: its position is active and its last step neither delivered nor refused."""
        return self.status not in CLOSED and self.position.status == "active"

    def days_since(self, today: dt.date) -> int | None:
        """Days since the latest step (0 for a step dated today or later), None without a step."""
        return max(0, (today - self.last.date).days) if self.last else None

    @property
    def anchor(self) -> str:
        return f"ask-{self.ask.id}"


def asks(catalog: Catalog, positions: list[Any] | None = None) -> list[AskView]:
    """Every ask of the given positions (default: all), in position then ask order."""
    return [AskView(p, a) for p in (positions if positions is not None else catalog.all("position")) for a in p.asks]


def review_due(catalog: Catalog, position: Any, days: int = REVIEW_DAYS) -> bool:
    """An active position not reviewed for more than `days` days is past its review date."""
    return position.status == "active" and position.last_reviewed + dt.timedelta(days=days) < catalog.today


def asks_for_official(catalog: Catalog, official: Any) -> list[AskView]:
    """The asks of positions targeting a post the official holds now: open ones first, then most recent."""
    views = asks(catalog, catalog.positions_for_official(official))
    return sorted(views, key=lambda v: (not v.is_open, -(v.last.date.toordinal() if v.last else 0)))


def delivered_since(catalog: Catalog, official: Any, since: dt.date) -> list[AskView]:
    """Asks of the official's files delivered on or after `since` (to thank them), newest first."""
    found = [v for v in asks(catalog, catalog.positions_for_official(official)) if v.status == "delivered" and v.last.date >= since]
    return sorted(found, key=lambda v: v.last.date, reverse=True)


def holders_at_step(catalog: Catalog, position: Any, step: Any) -> list[tuple[Any, list[Any]]]:
    """For each post the position targets, who held it on the day of a step."""
    return [(catalog.get("post", post_id), catalog.holders_on(post_id, step.date)) for post_id in position.targets]


def last_contact(catalog: Catalog, official: Any) -> tuple[AskView, Any] | None:
    """The most recent step of any ask that names the official (the first of a day's steps in page order)."""
    found = [(v, s) for v in asks(catalog) for s in v.ask.history if official.id in s.officials]
    return max(found, key=lambda vs: vs[1].date) if found else None


def _current_posts(catalog: Catalog, official: Any) -> list[Any]:
    return [h.post for h in catalog.holdings_of(official) if h.covers(catalog.today)]


def relevance(catalog: Catalog, official: Any) -> tuple[set[str], set[str]]:
    """The districts and sectors an official's current posts cover: a post's district, and the sectors
    of its portfolio's topics (data/vocabularies/topics.yml, `sectors`; data, so editors can change it)."""
    topics = {e.id: e for e in catalog.vocabulary("topics").entries} if catalog.vocabulary("topics") else {}
    districts, sectors = set(), set()
    for post in _current_posts(catalog, official):
        if post.district:
            districts.add(post.district)
        for topic in post.portfolio:
            sectors.update(topics[topic].sectors if topic in topics else [])
    return districts, sectors


def relevant_enterprises(catalog: Catalog, official: Any) -> list[Any]:
    """Enterprises in the district of a post the official holds now, or in a sector its portfolio
    covers; those matching both first, then by name. Never the whole showcase for no reason."""
    districts, sectors = relevance(catalog, official)

    def score(e: Any) -> int:
        return 2 * (e.district in districts) + (e.sector in sectors)

    matching = [e for e in catalog.all("enterprise") if score(e)]
    return sorted(matching, key=lambda e: (-score(e), e.name.lower(), e.id))


def dossier(catalog: Catalog, position: Any) -> list[tuple[dt.date, str, Any, Any]]:
    """A position's history in date order: ask steps, milestones of campaigns using it, and seminars on its topics.

    Each entry is (date, what, record, detail): what is 'step', 'milestone' or 'seminar'."""
    entries = [(s.date, "step", a, s) for a in position.asks for s in a.history]
    for campaign in catalog.campaigns_using(position.id, "position"):
        entries += [(m.date, "milestone", campaign, m) for m in campaign.milestones]
    topics = set(position.topics)
    for seminar in catalog.all("seminar"):
        if topics & set(seminar.topics):
            entries.append((local_day(seminar.start), "seminar", seminar, None))
    order = {"step": 0, "milestone": 1, "seminar": 2}
    return sorted(entries, key=lambda e: (e[0], order[e[1]], getattr(e[2], "id", "")))


def briefing_topics(catalog: Catalog, official: Any) -> set[str]:
    """Topics that matter to an official: their current posts' portfolios and the positions targeting them."""
    topics = {t for post in _current_posts(catalog, official) for t in post.portfolio}
    return topics | {t for p in catalog.positions_for_official(official) for t in p.topics}


def manifesto_articles_for(catalog: Catalog, topics: set[str]) -> list[Any]:
    """Manifesto articles that share a topic with the given topics."""
    manifesto = catalog.manifesto
    if manifesto is None:
        return []
    return [a for a in manifesto.articles if set(a.topics) & topics]


def status_counts(views: list[AskView]) -> dict[str, int]:
    """How many asks are at each status, every status listed (0 included), in lifecycle order."""
    counts = dict.fromkeys(ASK_STATES, 0)
    for view in views:
        counts[view.status] += 1
    return counts


def tracker_facets(catalog: Catalog, views: list[AskView]) -> list[Facet]:
    """The tracker's filters: latest status, targeted post, topic; values with how many asks have them."""
    return [
        facet("status", "Status", ([v.status] for v in views), str),
        facet("post", "Post", (v.position.targets for v in views), lambda p: catalog.get("post", p).title),
        facet("topic", "Topic", (v.position.topics for v in views), lambda t: catalog.label("topics", t)),
    ]
