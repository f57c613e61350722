"""The manifesto scorecard: each article against the council's decisions, with a status by one rule
(decisions.article_status), and how each party's votes lined up with the manifesto. Nothing on it is typed in: every
status, count and cell comes from the decisions, and every cell links to its decision and that decision's source."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import decisions
from ..catalog import Catalog
from ..i18n import N_, _, ngettext
from ..kinds import KINDS
from .base import SITE, Link, Site, Status, View, When, external, record_link, sections, term, when
from .decision import alignment_status, effect_status, vote_label
from .lobby import status


@dataclass(frozen=True)
class Effect:
    """A decision as the scorecard weighs it for one article: when, its outcome, what it did, and its source."""

    decision: Link
    when: When
    outcome: Status
    effect: Status | None
    source: Link


@dataclass(frozen=True)
class ArticleRow:
    """One manifesto article: its status and the decisions that name it, newest first."""

    key: str  # the article's id: its row in /data/scorecard.csv
    anchor: str
    article: Link
    status: Status

    decisions: tuple[Effect, ...]

    @property
    def marker(self) -> str:
        """`data-article-status`: `<article>:<status>`."""
        return f"{self.key}:{self.status.key}"


@dataclass(frozen=True)
class VoteCell:
    """A party's vote on one decision, linked to the decision's vote, and whether it was in line with the manifesto
    (None for an absent party, whose absence the vote itself says)."""

    link: Link
    alignment: Status | None


@dataclass(frozen=True)
class VoteRow:
    """A decision in the votes table: its link and source, and each party's vote (None: no vote recorded)."""

    decision: Link
    when: When
    source: Link
    cells: tuple[VoteCell | None, ...]


@dataclass(frozen=True)
class PartyRow:
    """How a party's votes on the scored decisions lined up with the manifesto."""

    key: str  # the party's id: its row in /data/party-alignment.csv
    party: Link
    in_line: int
    against: int
    absent: int
    share: str


@dataclass(frozen=True, kw_only=True)
class ScorecardView(View):
    lead: str
    rule: str
    example: bool
    articles: tuple[ArticleRow, ...]
    parties: tuple[PartyRow, ...]
    party_columns: tuple[Link, ...]
    votes: tuple[VoteRow, ...]
    decisions_page: Link


# The scorecard's rule in words (decisions.article_status), in English; shown in the page's language.
RULE = N_(
    "Each article's status follows from the decisions that name it, by one rule: take the newest day on which such a "
    "decision had an effect (a withdrawn proposal has none). The article is kept when every decision of that day advanced "
    "it, broken when every one set it back, and in progress otherwise (a promise, or a day that did both). With no "
    "decision that had an effect, there is no decision yet. A decision advances an article when a proposal that goes "
    "our way is adopted, or one that goes against us is rejected; it sets it back the other way round."
)


def effect(catalog: Catalog, decision: Any) -> Effect:
    return Effect(
        record_link(catalog, "decision", decision),
        when(decision.date),
        status(decision.outcome),
        effect_status(decision),
        external(decision.source, _("source")),
    )


def article_rows(catalog: Catalog) -> tuple[ArticleRow, ...]:
    """Every article of the manifesto, in its order, with its status and its decisions."""
    page = KINDS["manifesto"].page_url("manifesto")
    rows = []
    for article in catalog.manifesto.articles:
        found = decisions.for_article(catalog, article.id)
        key = decisions.article_status(found)
        rows.append(
            ArticleRow(
                article.id,
                f"article-{article.id}",
                Link(f"{page}#article-{article.id}", article.heading),
                Status(key, _(decisions.STATE_LABELS[key])),
                tuple(effect(catalog, d) for d in found),
            )
        )
    return tuple(rows)


def share_text(share: float | None) -> str:
    """A share of votes as a whole percentage, "–" when there were none."""
    return "–" if share is None else f"{round(share * 100)}%"


def vote_cell(decision: Any, link: Link, vote: str) -> VoteCell:
    return VoteCell(Link(f"{link.url}#votes", vote_label(vote)), alignment_status(decision, vote) if vote != "absent" else None)


def vote_rows(catalog: Catalog, tallies: list[decisions.PartyTally]) -> tuple[VoteRow, ...]:
    """The scored decisions with party votes, newest first: a cell per party, linked to the decision's vote."""
    rows = []
    for d in decisions.scored(catalog):
        if d.votes is None or not d.votes.parties:
            continue
        by_party = {v.party: v.vote for v in d.votes.parties}
        link = record_link(catalog, "decision", d)
        cells = tuple(vote_cell(d, link, by_party[t.party]) if t.party in by_party else None for t in tallies)
        rows.append(VoteRow(link, when(d.date), external(d.source, _("source")), cells))
    return tuple(rows)


def preview(articles: tuple[ArticleRow, ...]) -> str:
    """The scorecard's description for link previews: how many articles have each status."""
    counts = ", ".join(f"{sum(1 for a in articles if a.status.key == key)} {_(decisions.STATE_LABELS[key])}" for key in decisions.ARTICLE_STATES)
    return ngettext(
        "The %(num)s article of the platform's manifesto held against the council's decisions: %(counts)s.",
        "The %(num)s articles of the platform's manifesto held against the council's decisions: %(counts)s.",
        len(articles),
    ) % {"num": f"{len(articles):,}", "counts": counts}


def scorecard_view(catalog: Catalog, site: Site = SITE) -> ScorecardView:
    """/manifesto/scorecard/: every manifesto article with its status and the decisions behind it, and each party's
    votes on those decisions against the manifesto, with the downloads of both tables."""
    tallies = decisions.party_tallies(catalog)
    scored = decisions.scored(catalog)
    articles = article_rows(catalog)
    return ScorecardView(
        title=_("Manifesto scorecard"),
        wide=True,
        toc=sections(("articles", _("The articles"), True), ("parties", _("How the parties voted"), tallies), ("rule", _("How the status is decided"), True)),
        preview=preview(articles),
        lead=_(
            "Each article of our manifesto held against what the council, its committees and the executive decided. "
            "Every status below follows from the recorded decisions; nothing on this page is typed in by hand."
        ),
        rule=_(RULE),
        example=any(d.example for d in scored),
        articles=articles,
        parties=tuple(
            PartyRow(
                t.party,
                term(catalog, "parties", t.party),
                t.count(decisions.IN_LINE),
                t.count(decisions.AGAINST),
                t.count(decisions.ABSENT),
                share_text(t.share),
            )
            for t in tallies
        ),
        party_columns=tuple(term(catalog, "parties", t.party) for t in tallies),
        votes=vote_rows(catalog, tallies),
        decisions_page=Link(KINDS["decision"].listing, _("every decision")),
    )
