"""A council decision: what was decided, its source, what it did to our asks and manifesto articles, and the vote;
and the filterable listing of every decision."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import decisions, showcase
from ..catalog import Catalog
from ..i18n import N_, _, ngettext
from ..kinds import KINDS
from ..kinds.decision import BODIES, OUTCOMES
from .base import SITE, Link, RecordView, Site, Status, When, clip, external, record_link, record_links, sections, term, terms, when
from .lobby import lobby_feed, status, status_label
from .paging import CARDS, PagedView, Paging

# The words readers see for a decision's kind, body and votes, in English (the keys are the data's values, the filters'
# and the exports'); the views show them in the page's language.
KIND_LABELS = {"motion": N_("motion"), "amendment": N_("amendment"), "council-letter": N_("council letter"), "budget": N_("budget decision")}
BODY_LABELS = {"council": N_("council"), "committee": N_("committee"), "executive": N_("executive")}
VOTE_LABELS = {"for": N_("for"), "against": N_("against"), "absent": N_("absent")}


def vote_label(vote: str) -> str:
    """A vote (for, against, absent) in the page's language."""
    return _(VOTE_LABELS[vote])


def effect_status(decision: Any) -> Status | None:
    """What the decision did to the asks and articles it names, as a badge; None for a withdrawn proposal."""
    found = decisions.effect(decision)
    return Status(found, _(decisions.EFFECT_LABELS[found])) if found else None


def body_text(decision: Any) -> str:
    """Who decided: the council, the executive, or the named committee."""
    if decision.body == "committee":
        return _("committee: %(name)s") % {"name": decision.committee}
    return _(BODY_LABELS[decision.body])


def alignment_status(decision: Any, vote: str) -> Status:
    key = decisions.alignment(decision, vote)
    return Status(key, _(decisions.ALIGNMENT_LABELS[key]))


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
        return _("Adopting it goes the platform's way: it advances the asks and articles below.")
    return _("Adopting it goes against the platform: it sets back the asks and articles below.")


def preview(decision: Any) -> str:
    """A decision's description for link previews: what it is, who decided it and when, its outcome, its summary."""
    d = decision
    return _("%(kind)s, %(body)s, %(date)s: %(outcome)s. %(summary)s") % {
        "kind": _(KIND_LABELS[d.kind]).capitalize(),
        "body": body_text(d),
        "date": when(d.date).text,
        "outcome": status_label(d.outcome),
        "summary": d.summary,
    }


def decision_view(catalog: Catalog, decision: Any, site: Site = SITE) -> DecisionView:
    """A decision's page: what, who decided and when, its source, its outcome and what that did to our asks and
    manifesto articles, the vote by party and by official, each vote marked in line with us or not."""
    d = decision
    votes = d.votes
    party_votes = tuple(VoteLine(term(catalog, "parties", v.party), vote_label(v.vote), alignment_status(d, v.vote)) for v in votes.parties) if votes else ()
    official_votes = (
        tuple(VoteLine(record_link(catalog, "official", v.official), vote_label(v.vote), alignment_status(d, v.vote)) for v in votes.officials) if votes else ()
    )
    articles = tuple(ArticleLine(article_link(catalog, a), Link(f"manifesto/scorecard/#article-{a}", _("on the scorecard"))) for a in d.articles)
    return DecisionView(
        title=d.title,
        kind="decision",
        record_id=d.id,
        example=d.example,
        source_path=d.source_path,
        toc=sections(
            ("concerns", _("What it concerns"), d.asks or d.articles),
            ("votes", _("The vote"), votes),
        ),
        preview=preview(d),
        kind_label=_(KIND_LABELS[d.kind]).capitalize(),
        when=when(d.date),
        body=body_text(d),
        reference=d.reference,
        summary=d.summary,
        source=external(d.source, _("the public record")),
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
        return " ".join(str(t) for t in (self.link.text, self.summary)).lower()  # in the page's language


@dataclass(frozen=True, kw_only=True)
class DecisionsView(PagedView):
    lead: str
    cards: tuple[DecisionCard, ...]  # every decision, on all the listing's pages
    scorecard: Link

    @property
    def items(self) -> tuple[DecisionCard, ...]:
        return self.cards


# The listing's filters: (name, label). The names are the markers (URL parameters, `data-facet`); the labels are
# English, shown in the page's language.
FILTERS = (("outcome", N_("Outcome")), ("topic", N_("Topic")), ("body", N_("Decided by")))


def filter_values(decision: Any) -> dict[str, list[str]]:
    """A decision's values for the listing's filters: its outcome, its topics, its body."""
    return {"outcome": [decision.outcome], "topic": sorted(set(decision.topics)), "body": [decision.body]}


def facets(catalog: Catalog, values: list[dict[str, list[str]]]) -> tuple[showcase.Facet, ...]:
    """The listing's filters: every outcome and body always offered (at 0 when none has it), topics that occur."""
    offered = {"outcome": OUTCOMES, "topic": (), "body": BODIES}
    labels = {"outcome": status_label, "topic": lambda t: catalog.label("topics", t), "body": lambda b: _(BODY_LABELS[b])}
    return tuple(showcase.facet(name, _(label), (v[name] for v in values), labels[name], offered[name]) for name, label in FILTERS)


def concerns_text(asks: int, articles: int) -> str:
    """What a decision names, in a sentence ("Concerns 2 asks and 1 manifesto article"); empty when it names nothing."""
    named = {
        "asks": ngettext("%(num)s ask", "%(num)s asks", asks) % {"num": f"{asks:,}"},
        "articles": ngettext("%(num)s manifesto article", "%(num)s manifesto articles", articles) % {"num": f"{articles:,}"},
    }
    if asks and articles:
        return _("Concerns %(asks)s and %(articles)s") % named
    if asks:
        return _("Concerns %(asks)s") % named
    if articles:
        return _("Concerns %(articles)s") % named
    return ""


def decision_card(catalog: Catalog, decision: Any, values: dict[str, list[str]]) -> DecisionCard:
    d = decision
    return DecisionCard(
        key=d.id,
        marker=f"decision:{d.id}",
        link=record_link(catalog, "decision", d),
        example=d.example,
        when=when(d.date),
        meta=f"{_(KIND_LABELS[d.kind])}, {body_text(d)}",
        outcome=status(d.outcome),
        effect=effect_status(d),
        summary=d.summary,
        concerns=concerns_text(len(d.asks), len(d.articles)),
        filters=tuple((name, " ".join(v)) for name, v in values.items()),
    )


def decisions_view(catalog: Catalog, site: Site = SITE) -> DecisionsView:
    """/lobby/decisions/: every decision, newest first, filterable by outcome, topic and body, with the download of
    the decisions shown and the lobby's feed."""
    shown = decisions.newest_first(catalog.all("decision"))
    values = [filter_values(d) for d in shown]
    return DecisionsView(
        title=_("Council decisions"),
        wide=True,
        feeds=(lobby_feed(),),
        lead=_(
            "What the council, its committees and the executive decided on motions, amendments, council letters and budgets that "
            "concern the platform's asks and manifesto, with the vote and the public record of each. Newest first."
        ),
        facets=facets(catalog, values),
        cards=tuple(decision_card(catalog, d, v) for d, v in zip(shown, values, strict=True)),
        scorecard=Link("manifesto/scorecard/", _("the manifesto scorecard")),
        paging=Paging(KINDS["decision"].listing, CARDS, len(shown), _("Decisions")),
    )
