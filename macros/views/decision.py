"""A council decision: what was decided, its source, what it did to our asks and manifesto articles, and the vote;
and the filterable listing of every decision."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import decisions, showcase
from ..catalog import Catalog
from ..kinds import KINDS
from ..kinds.decision import BODIES, OUTCOMES
from .base import SITE, Link, RecordView, Site, Status, When, clip, external, plural, record_link, record_links, sections, term, terms, when
from .lobby import LOBBY_FEED, status
from .paging import CARDS, PagedView, Paging

KIND_LABELS = {"motion": "motion", "amendment": "amendment", "council-letter": "council letter", "budget": "budget decision"}
BODY_LABELS = {"council": "council", "committee": "committee", "executive": "executive"}
VOTE_LABELS = {"for": "for", "against": "against", "absent": "absent"}


def effect_status(decision: Any) -> Status | None:
    """What the decision did to the asks and articles it names, as a badge; None for a withdrawn proposal."""
    found = decisions.effect(decision)
    return Status(found, decisions.EFFECT_LABELS[found]) if found else None


def body_text(decision: Any) -> str:
    """Who decided: the council, the executive, or the named committee."""
    return f"committee: {decision.committee}" if decision.body == "committee" else BODY_LABELS[decision.body]


def alignment_status(decision: Any, vote: str) -> Status:
    key = decisions.alignment(decision, vote)
    return Status(key, decisions.ALIGNMENT_LABELS[key])


@dataclass(frozen=True)
class VoteLine:
    """One vote: who (a party or an official), how, and whether it went the platform's way."""

    who: Link
    vote: str
    alignment: Status


@dataclass(frozen=True)
class ArticleLine:
    """A manifesto article the decision names, and where the scorecard weighs it."""

    article: Link
    scorecard: Link


@dataclass(frozen=True, kw_only=True)
class DecisionView(RecordView):
    kind_label: str
    when: When
    body: str
    reference: str | None
    summary: str
    source: Link
    outcome: Status
    stance: str
    effect: Status | None
    topics: tuple[Link, ...]
    asks: tuple[Link, ...]
    articles: tuple[ArticleLine, ...]
    submitted_by: tuple[Link, ...]
    party_votes: tuple[VoteLine, ...]
    official_votes: tuple[VoteLine, ...]


def ask_links(catalog: Catalog, decision: Any, limit: int = 110) -> tuple[Link, ...]:
    """Links to the asks a decision names, at their anchors, their text clipped."""
    out = []
    for ref in decision.asks:
        ask = next(a for a in catalog.get("position", ref.position).asks if a.id == ref.ask)
        out.append(Link(f"{KINDS['position'].page_url(ref.position)}#ask-{ref.ask}", clip(ask.text, limit)))
    return tuple(out)


def article_link(catalog: Catalog, article_id: str) -> Link:
    """A link to a manifesto article's anchor, with its heading."""
    article = next(a for a in catalog.manifesto.articles if a.id == article_id)
    return Link(f"{KINDS['manifesto'].page_url('manifesto')}#article-{article_id}", article.heading)


def stance_text(decision: Any) -> str:
    """What adopting the proposal means for the platform, in words."""
    if decision.stance == "for":
        return "Adopting it goes the platform's way: it advances the asks and articles below."
    return "Adopting it goes against the platform: it sets back the asks and articles below."


def preview(decision: Any) -> str:
    """A decision's description for link previews: what it is, who decided it and when, its outcome, its summary."""
    d = decision
    return f"{KIND_LABELS[d.kind].capitalize()}, {body_text(d)}, {when(d.date).text}: {d.outcome}. {d.summary}"


def decision_view(catalog: Catalog, decision: Any, site: Site = SITE) -> DecisionView:
    """A decision's page: what, who decided and when, its source, its outcome and what that did to our asks and
    manifesto articles, the vote by party and by official, each vote marked in line with us or not."""
    d = decision
    votes = d.votes
    party_votes = tuple(VoteLine(term(catalog, "parties", v.party), VOTE_LABELS[v.vote], alignment_status(d, v.vote)) for v in votes.parties) if votes else ()
    official_votes = (
        tuple(VoteLine(record_link(catalog, "official", v.official), VOTE_LABELS[v.vote], alignment_status(d, v.vote)) for v in votes.officials)
        if votes
        else ()
    )
    articles = tuple(ArticleLine(article_link(catalog, a), Link(f"manifesto/scorecard/#article-{a}", "on the scorecard")) for a in d.articles)
    return DecisionView(
        title=d.title,
        kind="decision",
        record_id=d.id,
        example=d.example,
        source_path=d.source_path,
        toc=sections(
            ("concerns", "What it concerns", d.asks or d.articles),
            ("votes", "The vote", votes),
        ),
        preview=preview(d),
        kind_label=KIND_LABELS[d.kind].capitalize(),
        when=when(d.date),
        body=body_text(d),
        reference=d.reference,
        summary=d.summary,
        source=external(d.source, "the public record"),
        outcome=status(d.outcome),
        stance=stance_text(d),
        effect=effect_status(d),
        topics=terms(catalog, "topics", d.topics),
        asks=ask_links(catalog, d),
        articles=articles,
        submitted_by=record_links(catalog, "official", d.submitted_by),
        party_votes=party_votes,
        official_votes=official_votes,
    )


# -- the listing -------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DecisionCard:
    """A decision in the listing: what, when, who, the outcome and its effect, and the values its filters read."""

    key: str  # its row in /data/decision.csv, for "Download these results"
    marker: str
    link: Link
    example: bool
    when: When
    meta: str
    outcome: Status
    effect: Status | None
    summary: str
    concerns: str
    filters: tuple[tuple[str, str], ...]  # (facet, space-separated values), for the item file

    @property
    def words(self) -> str:
        """What the search box searches: the title and the summary, lowercased."""
        return " ".join((self.link.text, self.summary)).lower()


@dataclass(frozen=True, kw_only=True)
class DecisionsView(PagedView):
    lead: str
    cards: tuple[DecisionCard, ...]  # every decision, on all the listing's pages
    scorecard: Link

    @property
    def items(self) -> tuple[DecisionCard, ...]:
        return self.cards


FILTERS = (("outcome", "Outcome"), ("topic", "Topic"), ("body", "Decided by"))


def filter_values(decision: Any) -> dict[str, list[str]]:
    """A decision's values for the listing's filters: its outcome, its topics, its body."""
    return {"outcome": [decision.outcome], "topic": sorted(set(decision.topics)), "body": [decision.body]}


def facets(catalog: Catalog, values: list[dict[str, list[str]]]) -> tuple[showcase.Facet, ...]:
    """The listing's filters: every outcome and body always offered (at 0 when none has it), topics that occur."""
    offered = {"outcome": OUTCOMES, "topic": (), "body": BODIES}
    labels = {"outcome": str, "topic": lambda t: catalog.label("topics", t), "body": BODY_LABELS.get}
    return tuple(showcase.facet(name, label, (v[name] for v in values), labels[name], offered[name]) for name, label in FILTERS)


def decision_card(catalog: Catalog, decision: Any, values: dict[str, list[str]]) -> DecisionCard:
    d = decision
    concerns = [plural(len(d.asks), "ask")] if d.asks else []
    concerns += [plural(len(d.articles), "manifesto article")] if d.articles else []
    return DecisionCard(
        key=d.id,
        marker=f"decision:{d.id}",
        link=record_link(catalog, "decision", d),
        example=d.example,
        when=when(d.date),
        meta=f"{KIND_LABELS[d.kind]}, {body_text(d)}",
        outcome=status(d.outcome),
        effect=effect_status(d),
        summary=d.summary,
        concerns=("Concerns " + " and ".join(concerns)) if concerns else "",
        filters=tuple((name, " ".join(v)) for name, v in values.items()),
    )


def decisions_view(catalog: Catalog, site: Site = SITE) -> DecisionsView:
    """/lobby/decisions/: every decision, newest first, filterable by outcome, topic and body, with the download of
    the decisions shown and the lobby's feed."""
    shown = decisions.newest_first(catalog.all("decision"))
    values = [filter_values(d) for d in shown]
    return DecisionsView(
        title="Council decisions",
        wide=True,
        feeds=(LOBBY_FEED,),
        lead="What the council, its committees and the executive decided on motions, amendments, council letters and budgets that "
        "concern the platform's asks and manifesto, with the vote and the public record of each. Newest first.",
        facets=facets(catalog, values),
        cards=tuple(decision_card(catalog, d, v) for d, v in zip(shown, values, strict=True)),
        scorecard=Link("manifesto/scorecard/", "the manifesto scorecard"),
        paging=Paging(KINDS["decision"].listing, CARDS, len(shown), "Decisions"),
    )
