"""The council's decisions held against the platform's asks and manifesto: what a decision did to the articles it
names, whether a vote went the platform's way, each article's status, and how parties and officials voted.

Everything here is computed from decisions, positions, officials and posts in the catalog. Pages, the scorecard's
exports and the feeds all ask here, so a decision reads the same wherever it appears.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .catalog import Catalog
from .i18n import N_

ADVANCES, SETS_BACK, PROMISES = "advances", "sets-back", "promises"
# The words readers see for the keys below (which are the markers and the exports' values), in English: a view shows
# them in the page's language (`_(EFFECT_LABELS[key])`).
EFFECT_LABELS = {ADVANCES: N_("advances"), SETS_BACK: N_("sets back"), PROMISES: N_("promises")}

# What a decision did, by its outcome and its stance (does adopting it go the platform's way?). A rejected
# proposal against us is a win; a promise to do something against us sets the article back as surely as adopting
# it; a withdrawn proposal did nothing.
EFFECTS = {
    ("adopted", "for"): ADVANCES,
    ("adopted", "against"): SETS_BACK,
    ("rejected", "for"): SETS_BACK,
    ("rejected", "against"): ADVANCES,
    ("promised", "for"): PROMISES,
    ("promised", "against"): SETS_BACK,
}

KEPT, IN_PROGRESS, BROKEN, NO_DECISION = "kept", "in-progress", "broken", "no-decision-yet"
ARTICLE_STATES: tuple[str, ...] = (KEPT, IN_PROGRESS, BROKEN, NO_DECISION)
STATE_LABELS = {KEPT: N_("kept"), IN_PROGRESS: N_("in progress"), BROKEN: N_("broken"), NO_DECISION: N_("no decision yet")}

IN_LINE, AGAINST, ABSENT = "in-line", "against", "absent"
ALIGNMENT_LABELS = {IN_LINE: N_("in line"), AGAINST: N_("not in line"), ABSENT: N_("absent")}


def effect(decision: Any) -> str | None:
    """What a decision did to the asks and articles it names: advances, sets-back or promises (see EFFECTS);
    None for a withdrawn proposal."""
    return EFFECTS.get((decision.outcome, decision.stance))


def alignment(decision: Any, vote: str) -> str:
    """Whether a vote went the platform's way: for a proposal whose stance is `for`, or against one whose stance is
    `against`, is in line; the opposite is against; absent is absent."""
    if vote == "absent":
        return ABSENT
    return IN_LINE if (vote == "for") == (decision.stance == "for") else AGAINST


def article_status(decisions: list[Any]) -> str:
    """An article's status, by one rule: take the decisions that name it and had an effect (a withdrawn proposal has
    none), and look at the newest day among them. Kept when every decision of that day advanced the article, broken
    when every one set it back, in progress otherwise (a promise, or a day that did both); no decision yet when no
    decision has had an effect on it."""
    effective = [(d.date, effect(d)) for d in decisions if effect(d) is not None]
    if not effective:
        return NO_DECISION
    newest = max(day for day, _ in effective)
    effects = {e for day, e in effective if day == newest}
    if effects == {ADVANCES}:
        return KEPT
    if effects == {SETS_BACK}:
        return BROKEN
    return IN_PROGRESS


def newest_first(decisions) -> list[Any]:
    """Decisions newest first; of one day, by id."""
    return sorted(sorted(decisions, key=lambda d: d.id), key=lambda d: d.date, reverse=True)


def for_article(catalog: Catalog, article_id: str) -> list[Any]:
    """The decisions that name a manifesto article, newest first."""
    return newest_first(d for d in catalog.all("decision") if article_id in d.articles)


def for_ask(catalog: Catalog, position_id: str, ask_id: str) -> list[Any]:
    """The decisions that name an ask, newest first."""
    return newest_first(d for d in catalog.all("decision") if any(a.position == position_id and a.ask == ask_id for a in d.asks))


def for_position(catalog: Catalog, position: Any) -> list[Any]:
    """The decisions that name any ask of a position, newest first."""
    return newest_first(d for d in catalog.all("decision") if any(a.position == position.id for a in d.asks))


def concerns_us(decision: Any) -> bool:
    """A decision concerns the platform when it names an ask or a manifesto article."""
    return bool(decision.asks or decision.articles)


def sat_on_council(catalog: Catalog, official: Any, day: dt.date) -> bool:
    """Whether an official held a post whose body is the council on a day."""
    return any(h.covers(day) and h.post.body == "council" for h in catalog.holdings_of(official))


@dataclass(frozen=True)
class CastVote:
    """An official's vote on a decision: their own where the council recorded it, else their party's (`own` False)."""

    decision: Any
    vote: str
    own: bool


def vote_of(catalog: Catalog, official: Any, decision: Any) -> CastVote | None:
    """An official's vote on a decision: their own, where the council recorded it; else, when they sat on the council
    that day and their party's vote is recorded, their party's; else None (aldermen and civil servants do not vote)."""
    if decision.votes is None:
        return None
    for recorded in decision.votes.officials:
        if recorded.official == official.id:
            return CastVote(decision, recorded.vote, True)
    if official.party and sat_on_council(catalog, official, decision.date):
        for recorded in decision.votes.parties:
            if recorded.party == official.party:
                return CastVote(decision, recorded.vote, False)
    return None


def votes_of(catalog: Catalog, official: Any) -> list[CastVote]:
    """An official's votes on the decisions that concern the platform, newest first."""
    found = (vote_of(catalog, official, d) for d in newest_first(catalog.all("decision")) if concerns_us(d))
    return [v for v in found if v is not None]


@dataclass(frozen=True)
class PartyTally:
    """How one party voted on the decisions that name a manifesto article: its votes by decision, newest first, and
    how many were in line with the manifesto, against it, or absent."""

    party: str
    votes: tuple[tuple[Any, str], ...]  # (decision, vote)

    def count(self, which: str) -> int:
        return sum(1 for decision, vote in self.votes if alignment(decision, vote) == which)

    @property
    def share(self) -> float | None:
        """The share of its for-or-against votes that were in line, or None when it cast none."""
        cast = self.count(IN_LINE) + self.count(AGAINST)
        return self.count(IN_LINE) / cast if cast else None


def scored(catalog: Catalog) -> list[Any]:
    """The decisions the scorecard weighs: those that name a manifesto article, newest first."""
    return newest_first(d for d in catalog.all("decision") if d.articles)


def party_tallies(catalog: Catalog) -> list[PartyTally]:
    """Each party that voted on a decision naming a manifesto article, in the parties vocabulary's order (then by id)."""
    votes: dict[str, list] = {}
    for decision in scored(catalog):
        for recorded in decision.votes.parties if decision.votes else ():
            votes.setdefault(recorded.party, []).append((decision, recorded.vote))
    vocabulary = catalog.vocabulary("parties")
    order = {e.id: i for i, e in enumerate(vocabulary.entries)} if vocabulary else {}
    return [PartyTally(p, tuple(votes[p])) for p in sorted(votes, key=lambda p: (order.get(p, len(order)), p))]
