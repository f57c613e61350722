"""Decision: what the council (or its executive) decided on a motion, amendment, council letter or budget, and how
parties and officials voted. Decisions are held against the platform's asks and its manifesto (macros/decisions.py).

The asks and articles a decision names are checked against the positions and the manifesto in references.py; that
an official whose vote is recorded sat on the council that day is checked there too.
"""

from __future__ import annotations

import typing
from typing import Literal

from pydantic import Field, model_validator

from .fields import Date, Line, LocalLine, LocalText, Part, RecordModel, RefTo, Slug, Url, repeats

# The one definition of each closed list; pages, filters, exports and the scorecard read these.
Outcome = Literal["adopted", "rejected", "withdrawn", "promised"]
OUTCOMES: tuple[str, ...] = typing.get_args(Outcome)
Body = Literal["council", "committee", "executive"]
BODIES: tuple[str, ...] = typing.get_args(Body)
VoteValue = Literal["for", "against", "absent"]
VOTES: tuple[str, ...] = typing.get_args(VoteValue)
DecisionKind = Literal["motion", "amendment", "council-letter", "budget"]
DECISION_KINDS: tuple[str, ...] = typing.get_args(DecisionKind)


class AskRef(Part):
    """An ask the decision concerns: its position and the ask's id there (its anchor is #ask-<id>)."""

    position: RefTo("position")
    ask: Slug


class PartyVote(Part):
    """How a party's members voted."""

    party: RefTo("vocab:parties")
    vote: VoteValue


class OfficialVote(Part):
    """How one official voted, where the council recorded it (a roll-call vote)."""

    official: RefTo("official")
    vote: VoteValue


class Votes(Part):
    """The vote on the decision: by party, and by official where recorded."""

    parties: list[PartyVote] = []
    officials: list[OfficialVote] = Field([], description="only where the council recorded each member's vote")

    @model_validator(mode="after")
    def someone_voted(self):
        """A vote records at least one party's or official's vote."""
        if not self.parties and not self.officials:
            raise ValueError("records no vote: give the parties' votes (and the officials' where recorded), or leave `votes` out")
        return self


class Decision(RecordModel):
    """A decision of the council, a committee or the executive, with its outcome, its source and the vote."""

    title: LocalLine
    kind: DecisionKind
    date: Date = Field(description="the day it was decided: the vote, or the letter's date")
    body: Body
    committee: Line | None = Field(None, description="the committee's name, when the body is a committee")
    reference: Line | None = Field(None, description="the council's own number for it")
    summary: LocalText
    source: Url = Field(description="the public record of the decision: minutes, the motion, the letter")
    outcome: Outcome
    stance: Literal["for", "against"] = Field(
        "for", description="for: adopting it goes the platform's way (advances its asks and articles); against: adopting it sets them back"
    )
    topics: list[RefTo("vocab:topics")] = []
    asks: list[AskRef] = Field([], description="the asks it concerns")
    articles: list[Slug] = Field([], description="the ids of the manifesto articles it concerns (data/manifesto.yml)")
    submitted_by: list[RefTo("official")] = Field([], description="the officials who tabled it")
    votes: Votes | None = Field(None, description="the vote, where there was one")


def committee_named(record: Decision):
    """A committee's decision names the committee; other bodies have none."""
    if record.body == "committee" and not record.committee:
        yield ("body",), "a committee's decision names the committee in `committee`", "committee"
    if record.body != "committee" and record.committee:
        yield ("committee",), f"only a committee's decision names a committee; the body is '{record.body}'", "committee"


def no_vote_on_withdrawn(record: Decision):
    """A withdrawn proposal was never put to the vote."""
    if record.outcome == "withdrawn" and record.votes is not None:
        yield ("votes",), "a withdrawn proposal was never put to the vote; leave `votes` out", "vote"


def one_vote_each(record: Decision):
    """Each party and each official votes once."""
    if record.votes is None:
        return
    for i, party, first in repeats(v.party for v in record.votes.parties):
        yield ("votes", "parties", i, "party"), f"'{party}' already voted in votes.parties[{first}]", "duplicate"
    for i, official, first in repeats(v.official for v in record.votes.officials):
        yield ("votes", "officials", i, "official"), f"'{official}' already voted in votes.officials[{first}]", "duplicate"


def named_once(record: Decision):
    """Each ask and each article is named once."""
    for i, ref, first in repeats((a.position, a.ask) for a in record.asks):
        yield ("asks", i), f"'{ref[0]}#{ref[1]}' is already asks[{first}]", "duplicate"
    for i, article, first in repeats(record.articles):
        yield ("articles", i), f"'{article}' is already articles[{first}]", "duplicate"


MODEL = Decision
RULES = (committee_named, no_vote_on_withdrawn, one_vote_each, named_once)
