"""The lobby's derived views: asks and their status, who holds a file when, what is open,
what an official inherits, and a position's dossier in date order.

Everything here is computed from positions, posts and officials in the catalog; nothing is
stored twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .catalog import Catalog

CLOSED = ("delivered", "refused")  # an ask whose last step is one of these needs no further action
REVIEW_DAYS = 365  # a position is due for review a year after it was last reviewed
QUIET_DAYS = 180  # an open ask with no step for half a year has gone quiet


@dataclass(frozen=True)
class AskView:
    """One ask with what the tracker and briefings show about it."""

    position: Any
    ask: Any

    @property
    def last(self) -> Any:
        return self.ask.history[-1] if self.ask.history else None

    @property
    def status(self) -> str:
        """The latest step's status; an ask with no step yet is 'drafted'."""
        return self.last.status if self.last else "drafted"

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED and self.position.status == "active"

    def days_since(self, today: dt.date) -> int | None:
        return (today - self.last.date).days if self.last else None

    @property
    def anchor(self) -> str:
        return f"ask-{self.ask.id}"


def asks(catalog: Catalog, positions: list[Any] | None = None) -> list[AskView]:
    """Every ask of the given positions (default: all), in position then ask order."""
    return [AskView(p, a) for p in (positions if positions is not None else catalog.all("position")) for a in p.asks]


def review_due(catalog: Catalog, position: Any, days: int = REVIEW_DAYS) -> bool:
    """An active position not reviewed for `days` days is past its review date."""
    return position.status == "active" and position.last_reviewed + dt.timedelta(days=days) < catalog.today


def asks_for_official(catalog: Catalog, official: Any) -> list[AskView]:
    """The asks of positions targeting a post the official holds now: open ones first, then most recent."""
    views = asks(catalog, catalog.positions_for_official(official))
    return sorted(views, key=lambda v: (not v.is_open, -(v.last.date.toordinal() if v.last else 0)))


def holders_at_step(catalog: Catalog, position: Any, step: Any) -> list[tuple[Any, list[Any]]]:
    """For each post the position targets, who held it on the day of a step."""
    return [(catalog.get("post", post_id), catalog.holders_on(post_id, step.date)) for post_id in position.targets]


def last_contact(catalog: Catalog, official: Any) -> tuple[AskView, Any] | None:
    """The most recent step of any ask that names the official."""
    found = [(v, s) for v in asks(catalog) for s in v.ask.history if official.id in s.officials]
    return max(found, key=lambda vs: vs[1].date) if found else None


def relevant_enterprises(catalog: Catalog, official: Any) -> list[Any]:
    """Enterprises in the district of a post the official holds now, or in a sector its portfolio covers.

    A post's portfolio lists topics; each topic lists the sectors it concerns
    (data/vocabularies/topics.yml, `sectors`). That mapping is data, so editors can change it."""
    topics = {e.id: e for e in catalog.vocabulary("topics").entries} if catalog.vocabulary("topics") else {}
    districts, sectors = set(), set()
    for holding in catalog.holdings_of(official):
        if holding.covers(catalog.today):
            if holding.post.district:
                districts.add(holding.post.district)
            for topic in holding.post.portfolio:
                sectors.update(topics[topic].sectors if topic in topics else [])
    return [e for e in catalog.all("enterprise") if e.district in districts or e.sector in sectors]


def dossier(catalog: Catalog, position: Any) -> list[tuple[dt.date, str, Any, Any]]:
    """A position's history in date order: ask steps, milestones of campaigns using it, and seminars on its topics.

    Each entry is (date, what, record, detail): what is 'step', 'milestone' or 'seminar'."""
    entries = [(s.date, "step", a, s) for a in position.asks for s in a.history]
    for campaign in catalog.campaigns_using(position.id, "position"):
        entries += [(m.date, "milestone", campaign, m) for m in campaign.milestones]
    topics = set(position.topics)
    for seminar in catalog.all("seminar"):
        if topics & set(seminar.topics):
            day = seminar.start.date() if isinstance(seminar.start, dt.datetime) else seminar.start
            entries.append((day, "seminar", seminar, None))
    order = {"step": 0, "milestone": 1, "seminar": 2}
    return sorted(entries, key=lambda e: (e[0], order[e[1]], getattr(e[2], "id", "")))


def briefing_topics(catalog: Catalog, official: Any) -> set[str]:
    """Topics that matter to an official: their current posts' portfolios and the positions targeting them."""
    topics = {t for h in catalog.holdings_of(official) if h.covers(catalog.today) for t in h.post.portfolio}
    return topics | {t for p in catalog.positions_for_official(official) for t in p.topics}


def manifesto_articles_for(catalog: Catalog, topics: set[str]) -> list[Any]:
    """Manifesto articles that share a topic with the given topics."""
    manifesto = catalog.manifesto
    if manifesto is None:
        return []
    return [a for a in manifesto.articles if set(a.topics) & topics]


def tracker_facets(catalog: Catalog, views: list[AskView]) -> list[Any]:
    """The tracker's filters: latest status, targeted post, topic; values with how many asks have them."""
    from .showcase import Facet

    def facet(name: str, label: str, values_of, label_of) -> Facet:
        counts: dict[str, int] = {}
        for view in views:
            for value in values_of(view):
                counts[value] = counts.get(value, 0) + 1
        return Facet(name, label, tuple(sorted(((v, label_of(v), n) for v, n in counts.items()), key=lambda x: x[1].lower())))

    return [
        facet("status", "Status", lambda v: [v.status], str),
        facet("post", "Post", lambda v: v.position.targets, lambda p: catalog.get("post", p).title),
        facet("topic", "Topic", lambda v: v.position.topics, lambda t: catalog.label("topics", t)),
    ]
