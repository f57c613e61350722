"""The manifesto scorecard: each article's status equals a hand computation on a small fixture, the parties' votes
against the manifesto, every cell linked to its decision and source, and the two downloads agree with the page."""

from __future__ import annotations

from catalogs import Data

from macros.exports.derived import alignment_rows, scorecard_rows
from macros.views.base import Link, Section, Status, When
from macros.views.scorecard import ArticleRow, Effect, PartyRow, VoteCell, scorecard_view

ARTICLES = ("buy", "write", "govern", "support", "promise")


def fixture() -> Data:
    """Five articles; by hand, with the rule (the newest day with an effect decides):

    - buy: adopted for (2024), then rejected for (2025-03) → broken
    - write: rejected for (2024), then promised (2025) → in progress
    - govern: adopted for and rejected against on the same day (2025) → kept
    - support: only a withdrawn proposal → no decision yet
    - promise: named by nothing → no decision yet
    """
    data = Data()
    data.vocabulary("parties", entries=[{"id": "green", "label": "Green"}, {"id": "red", "label": "Red"}])
    data.manifesto(articles=[{"id": a, "heading": a.title(), "text": "T."} for a in ARTICLES])

    def made(decision_id, day, outcome, stance, articles, votes=None, example=False):
        data.decision(
            decision_id,
            date=day,
            outcome=outcome,
            stance=stance,
            articles=articles,
            source=f"https://example.org/{decision_id}",
            example=example,
            **({"votes": {"parties": [{"party": p, "vote": v} for p, v in votes.items()]}} if votes else {}),
        )

    made("buy-1", "2024-01-10", "adopted", "for", ["buy"], {"green": "for", "red": "against"})
    made("buy-2", "2025-03-01", "rejected", "for", ["buy"], {"green": "for", "red": "against"})
    made("write-1", "2024-02-01", "rejected", "for", ["write"], {"green": "for", "red": "absent"})
    made("write-2", "2025-01-01", "promised", "for", ["write"])
    made("govern-1", "2025-05-01", "adopted", "for", ["govern"], {"green": "for", "red": "for"}, example=True)
    made("govern-2", "2025-05-01", "rejected", "against", ["govern"], {"green": "against"})
    made("support-1", "2025-06-01", "withdrawn", "for", ["support"])
    return data


HAND = {"buy": "broken", "write": "in-progress", "govern": "kept", "support": "no-decision-yet", "promise": "no-decision-yet"}


def test_each_articles_status_equals_the_hand_computation():
    view = scorecard_view(fixture().catalog())
    assert {a.key: a.status.key for a in view.articles} == HAND
    assert [a.marker for a in view.articles] == [f"{a}:{HAND[a]}" for a in ARTICLES]
    assert [a.status.label for a in view.articles] == ["broken", "in progress", "kept", "no decision yet", "no decision yet"]
    assert view.preview == (
        "The 5 articles of the platform's manifesto held against the council's decisions: 1 kept, 1 in progress, 1 broken, 2 no decision yet."
    )


def test_every_decision_of_an_article_is_listed_newest_first_linked_with_its_source():
    view = scorecard_view(fixture().catalog())
    buy = view.articles[0]
    assert buy == ArticleRow(
        "buy",
        "article-buy",
        Link("manifesto/#article-buy", "Buy"),
        Status("broken", "broken"),
        (
            Effect(
                Link("lobby/decisions/buy-2/", "Buy 2"),
                When("2025-03-01", "1 March 2025"),
                Status("rejected", "rejected"),
                Status("sets-back", "sets back"),
                Link("https://example.org/buy-2", "source"),
            ),
            Effect(
                Link("lobby/decisions/buy-1/", "Buy 1"),
                When("2024-01-10", "10 January 2024"),
                Status("adopted", "adopted"),
                Status("advances", "advances"),
                Link("https://example.org/buy-1", "source"),
            ),
        ),
    )
    support = view.articles[3]
    assert [e.effect for e in support.decisions] == [None]  # a withdrawn proposal is listed, with no effect


def test_each_partys_votes_are_counted_against_the_manifesto():
    view = scorecard_view(fixture().catalog())
    assert view.parties == (
        PartyRow("green", Link("vocabularies/parties/#term-green", "Green"), 5, 0, 0, "100%"),
        PartyRow("red", Link("vocabularies/parties/#term-red", "Red"), 1, 2, 1, "33%"),
    )


def test_every_vote_cell_links_to_its_decisions_vote_and_every_row_to_its_source():
    view = scorecard_view(fixture().catalog())
    assert view.party_columns == (Link("vocabularies/parties/#term-green", "Green"), Link("vocabularies/parties/#term-red", "Red"))
    assert [r.decision.url for r in view.votes] == [f"lobby/decisions/{d}/" for d in ("govern-1", "govern-2", "buy-2", "write-1", "buy-1")]
    assert all(r.source == Link(f"https://example.org/{r.decision.url.split('/')[2]}", "source") for r in view.votes)
    govern_2 = view.votes[1]
    assert govern_2.cells == (VoteCell(Link("lobby/decisions/govern-2/#votes", "against"), Status("in-line", "in line")), None)
    write_1 = view.votes[3]
    assert write_1.cells[1] == VoteCell(Link("lobby/decisions/write-1/#votes", "absent"), None)


def test_the_page_says_when_its_decisions_are_examples_and_states_its_rule():
    view = scorecard_view(fixture().catalog())
    assert view.example is True
    assert view.toc == (Section("articles", "The articles"), Section("parties", "How the parties voted"), Section("rule", "How the status is decided"))
    assert "newest day" in view.rule
    data = fixture()
    data.decision("govern-1", date="2025-05-01", articles=["govern"])  # the same decision, no longer an example
    assert scorecard_view(data.catalog()).example is False


def test_without_votes_the_scorecard_has_no_party_section():
    data = Data()
    data.manifesto(articles=[{"id": "a", "heading": "A", "text": "T."}])
    data.decision("d", articles=["a"])
    view = scorecard_view(data.catalog())
    assert (view.parties, view.votes, [a.status.key for a in view.articles]) == ((), (), ["kept"])
    assert view.toc == (Section("articles", "The articles"), Section("rule", "How the status is decided"))


def test_the_downloads_hold_the_pages_statuses_and_counts():
    catalog = fixture().catalog()
    view = scorecard_view(catalog)
    rows = scorecard_rows(catalog)
    assert [(r["id"], r["status"]) for r in rows] == [(a.key, a.status.key) for a in view.articles]
    assert rows[0] == {
        "id": "buy",
        "heading": "Buy",
        "status": "broken",
        "advanced_by": ["buy-1"],
        "set_back_by": ["buy-2"],
        "promised_by": [],
        "decisions": ["buy-2", "buy-1"],
        "example": False,
    }
    counted = [(r["id"], r["in_line"], r["against"], r["absent"], r["share_in_line"]) for r in alignment_rows(catalog)]
    assert counted == [("green", 5, 0, 0, 1.0), ("red", 1, 2, 1, 0.3333)]
    assert [(p.key, p.in_line, p.against, p.absent) for p in view.parties] == [c[:4] for c in counted]
