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
from .i18n import N_, _
from .kinds.fields import local_day
from .kinds.position import ASK_STATUSES
from .showcase import Facet, facet

DRAFTED = "drafted"  # an ask with no step yet
ASK_STATES: tuple[str, ...] = (DRAFTED, *ASK_STATUSES)  # every status the tracker counts, in lifecycle order
CLOSED = ("delivered", "refused")  # an ask whose last step is one of these needs no further action
# The words readers see for each status (the keys are the markers, filter values and the exports' values), in
# English; `_(ASK_STATE_LABELS[key])` gives them in the page's language.
ASK_STATE_LABELS = {
    DRAFTED: N_("drafted"),
    "asked": N_("asked"),
    "acknowledged": N_("acknowledged"),
    "committed": N_("committed"),
    "delivered": N_("delivered"),
    "refused": N_("refused"),
}
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


@dataclass(frozen=True)
class Contact:
    """A time the platform was in touch with an official in their public role: a contact recorded on the official or
    on a position (a meeting, letter, hearing or call), or an ask's step that names them (`kind` "step")."""

    date: dt.date
    kind: str
    note: str | None
    source: str
    position: Any = None  # the position it was about, if any
    ask: AskView | None = None  # a step's ask
    status: str | None = None  # a step's status


def contacts_with(catalog: Catalog, official: Any) -> list[Contact]:
    """The contacts recorded with an official, newest first: on the official, then on positions (by id) that name
    them; of one day, in that order."""
    found = [Contact(c.date, c.kind, c.note, c.source) for c in official.contacts]
    for position in catalog.all("position"):
        found += [Contact(c.date, c.kind, c.note, c.source, position) for c in position.contacts if official.id in c.officials]
    return sorted(found, key=lambda c: c.date, reverse=True)


def last_contact(catalog: Catalog, official: Any) -> Contact | None:
    """The most recent contact with an official: an ask's step that names them or a recorded contact; of one day's,
    the steps first (in page order), then the recorded contacts."""
    steps = [Contact(s.date, "step", s.note, s.source, v.position, v, s.status) for v in asks(catalog) for s in v.ask.history if official.id in s.officials]
    found = steps + sorted(contacts_with(catalog, official), key=lambda c: c.date)
    return max(found, key=lambda c: c.date) if found else None


def steps_concerning(catalog: Catalog, official: Any) -> list[tuple[AskView, Any]]:
    """The steps that concern an official, oldest first: those that name them, and those taken on a day they held a
    post the ask's position targets (the file was theirs then)."""
    found = []
    for view in asks(catalog):
        for s in view.ask.history:
            held = any(official.id in {o.id for o in catalog.holders_on(post, s.date)} for post in view.position.targets)
            if held or official.id in s.officials:
                found.append((view, s))
    return sorted(found, key=lambda vs: vs[1].date)


def open_asks(catalog: Catalog, official: Any) -> int:
    """How many open asks the official holds now (asks_for_official)."""
    return sum(1 for v in asks_for_official(catalog, official) if v.is_open)


def _current_posts(catalog: Catalog, official: Any) -> list[Any]:
    return [h.post for h in catalog.holdings_of(official) if h.covers(catalog.today)]


@dataclass(frozen=True)
class Portfolio:
    """What an official's current posts cover: their districts, and each topic of their portfolios with the sectors
    it concerns (data/vocabularies/topics.yml, `sectors`; data, so editors can change it)."""

    districts: frozenset[str]
    topics: tuple[tuple[str, frozenset[str]], ...]  # (topic, its sectors), topics without sectors left out

    @property
    def sectors(self) -> set[str]:
        return {s for _, sectors in self.topics for s in sectors}

    def reasons(self, enterprise: Any) -> tuple[tuple[str, str], ...]:
        """Why an enterprise matters to the official: ("district", id) when it lies in a post's district, and
        ("topic", id) for each portfolio topic whose sectors hold its sector; () when nothing matches."""
        found = (("district", enterprise.district),) if enterprise.district in self.districts else ()
        return found + tuple(("topic", topic) for topic, sectors in self.topics if enterprise.sector in sectors)


def portfolio(catalog: Catalog, official: Any) -> Portfolio:
    """The districts and topics (with their sectors) of the posts an official holds now. A topic whose sectors hold
    every sector the showcase's enterprises are in singles out none of them (the Participation Act concerns them all),
    so it is no reason to list an enterprise and is left out."""
    vocabulary = catalog.vocabulary("topics")
    sectors_of = {e.id: frozenset(e.sectors) for e in vocabulary.entries} if vocabulary else {}
    everywhere = {e.sector for e in catalog.all("enterprise")}
    posts = _current_posts(catalog, official)
    topics = dict.fromkeys(t for post in posts for t in post.portfolio if sectors_of.get(t) and not (everywhere and everywhere <= sectors_of[t]))
    return Portfolio(frozenset(p.district for p in posts if p.district), tuple((t, sectors_of[t]) for t in topics))


def relevance(catalog: Catalog, official: Any) -> tuple[set[str], set[str]]:
    """The districts and sectors an official's current posts cover (see portfolio)."""
    covered = portfolio(catalog, official)
    return set(covered.districts), covered.sectors


def matching_enterprises(catalog: Catalog, official: Any) -> list[Any]:
    """Enterprises in the district of a post the official holds now, or in a sector a topic of its portfolio singles
    out (see portfolio); those matching both first, then by name."""
    districts, sectors = relevance(catalog, official)

    def score(e: Any) -> int:
        return 2 * (e.district in districts) + (e.sector in sectors)

    matching = [e for e in catalog.all("enterprise") if score(e)]
    return sorted(matching, key=lambda e: (-score(e), e.name.lower(), e.id))


def covers_everyone(catalog: Catalog, official: Any) -> bool:
    """Whether the official's districts and topics together match every enterprise (of more than one): a list of all
    singles out nobody."""
    return catalog.count("enterprise") > 1 and len(matching_enterprises(catalog, official)) == catalog.count("enterprise")


def relevant_enterprises(catalog: Catalog, official: Any) -> list[Any]:
    """The enterprises that matter to an official (matching_enterprises), and never all of them: when every
    enterprise matches, none is singled out."""
    return [] if covers_everyone(catalog, official) else matching_enterprises(catalog, official)


def posts_in_district(catalog: Catalog, district: str) -> list[Any]:
    """The posts whose district is this one, by id."""
    return [p for p in catalog.all("post") if p.district == district]


def asks_in_district(catalog: Catalog, district: str) -> list[AskView]:
    """The asks that concern a district: those of positions that target one of its posts."""
    posts = {p.id for p in posts_in_district(catalog, district)}
    return asks(catalog, [p for p in catalog.all("position") if posts & set(p.targets)])


def dossier(catalog: Catalog, position: Any) -> list[tuple[dt.date, str, Any, Any]]:
    """A position's history in date order: ask steps, decisions on its asks, milestones of campaigns using it, and
    seminars on its topics.

    Each entry is (date, what, record, detail): what is 'step', 'decision', 'milestone' or 'seminar'."""
    entries = [(s.date, "step", a, s) for a in position.asks for s in a.history]
    entries += [(d.date, "decision", d, None) for d in catalog.all("decision") if any(a.position == position.id for a in d.asks)]
    for campaign in catalog.campaigns_using(position.id, "position"):
        entries += [(m.date, "milestone", campaign, m) for m in campaign.milestones]
    topics = set(position.topics)
    for seminar in catalog.all("seminar"):
        if topics & set(seminar.topics):
            entries.append((local_day(seminar.start), "seminar", seminar, None))
    order = {"step": 0, "decision": 1, "milestone": 2, "seminar": 3}
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
    """The tracker's filters: latest status, targeted post, topic; values with how many asks have them. The names and
    values are the markers; the labels are in the page's language."""
    return [
        facet("status", _("Status"), ([v.status] for v in views), lambda s: _(ASK_STATE_LABELS.get(s, s))),
        facet("post", _("Post"), (v.position.targets for v in views), lambda p: catalog.get("post", p).title),
        facet("topic", _("Topic"), (v.position.topics for v in views), lambda t: catalog.label("topics", t)),
    ]
