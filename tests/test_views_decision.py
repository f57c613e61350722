"""A council decision's page and the listing of decisions, filterable by outcome, topic and body."""

from __future__ import annotations

from catalogs import Data, holding

from macros.showcase import Facet, FacetValue
from macros.views.base import Feed, Link, Section, Status, When
from macros.views.decision import ArticleLine, DecisionCard, DecisionView, VoteLine, decision_view, decisions_view


def city() -> Data:
    data = Data()
    data.vocabulary("parties", entries=[{"id": "green", "label": "Green Party"}, {"id": "red", "label": "Red Party"}])
    data.vocabulary("topics", entries=[{"id": "work", "label": "Work"}, {"id": "buying", "label": "Buying"}])
    data.post("seat", body="council")
    data.official("cas", party="green", memberships=[holding("seat", "2020-01-01")])
    data.position("p", asks=[{"id": "a", "text": "Reserve contracts."}])
    data.manifesto(articles=[{"id": "work", "heading": "Work first", "text": "All can work."}])
    return data


def page(data: Data, decision_id: str = "d") -> DecisionView:
    catalog = data.catalog()
    return decision_view(catalog, catalog.get("decision", decision_id))


IN_LINE, NOT_IN_LINE = Status("in-line", "in line"), Status("against", "not in line")


def test_a_decisions_page_shows_what_who_when_its_source_what_it_did_and_the_vote():
    data = city()
    data.decision(
        "d",
        title="Motion on reserved contracts",
        kind="council-letter",
        date="2025-06-12",
        body="committee",
        committee="Work and Income",
        reference="M-1",
        summary="Asks for reserved contracts.",
        source="https://example.org/m-1",
        outcome="rejected",
        stance="against",
        topics=["buying"],
        asks=[{"position": "p", "ask": "a"}],
        articles=["work"],
        submitted_by=["cas"],
        votes={"parties": [{"party": "green", "vote": "against"}, {"party": "red", "vote": "for"}], "officials": [{"official": "cas", "vote": "absent"}]},
        example=True,
    )
    assert page(data) == DecisionView(
        title="Motion on reserved contracts",
        toc=(Section("concerns", "What it concerns"), Section("votes", "The vote")),
        kind="decision",
        record_id="d",
        example=True,
        source_path="data/decisions/d.yml",
        preview="Council letter, committee: Work and Income, 12 June 2025: rejected. Asks for reserved contracts.",
        kind_label="Council letter",
        when=When("2025-06-12", "12 June 2025"),
        body="committee: Work and Income",
        reference="M-1",
        summary="Asks for reserved contracts.",
        source=Link("https://example.org/m-1", "the public record"),
        outcome=Status("rejected", "rejected"),
        stance="Adopting it goes against the platform: it sets back the asks and articles below.",
        effect=Status("advances", "advances"),
        topics=(Link("vocabularies/topics/#term-buying", "Buying"),),
        asks=(Link("lobby/positions/p/#ask-a", "Reserve contracts."),),
        articles=(ArticleLine(Link("manifesto/#article-work", "Work first"), Link("manifesto/scorecard/#article-work", "on the scorecard")),),
        submitted_by=(Link("lobby/officials/cas/", "Cas"),),
        party_votes=(
            VoteLine(Link("vocabularies/parties/#term-green", "Green Party"), "against", IN_LINE),
            VoteLine(Link("vocabularies/parties/#term-red", "Red Party"), "for", NOT_IN_LINE),
        ),
        official_votes=(VoteLine(Link("lobby/officials/cas/", "Cas"), "absent", Status("absent", "absent")),),
    )


def test_a_withdrawn_proposal_without_asks_articles_or_vote_has_no_sections_and_no_effect():
    data = city()
    data.decision("d", outcome="withdrawn")
    view = page(data)
    assert (view.toc, view.effect, view.party_votes, view.official_votes, view.asks, view.articles) == ((), None, (), (), (), ())
    assert (view.body, view.kind_label, view.stance) == ("council", "Motion", "Adopting it goes the platform's way: it advances the asks and articles below.")


def test_the_listing_shows_decisions_newest_first_with_filters_by_outcome_topic_and_body():
    data = city()
    data.decision("old", date="2024-01-01", outcome="rejected", topics=["work", "buying"], articles=["work"], asks=[{"position": "p", "ask": "a"}])
    data.decision("new", date="2025-01-01", body="executive", kind="budget", outcome="promised", example=True)
    view = decisions_view(data.catalog())
    assert (view.title, view.count, view.wide) == ("Council decisions", 2, True)
    assert (view.paging.url, view.paging.size, view.paging.count, view.paging.pager) == ("lobby/decisions/", 48, 2, None)
    assert [c.words for c in view.shown] == ["new what new decides.", "old what old decides."]
    assert [(e.key, e.values) for e in view.entries()] == [
        ("new", (("promised",), (), ("executive",))),
        ("old", (("rejected",), ("buying", "work"), ("council",))),
    ]
    assert view.feeds == (Feed("lobby/feed.xml", "The lobby: steps, decisions and contacts", "Follow the lobby"),)
    assert view.cards == (
        DecisionCard(
            "new",
            "decision:new",
            Link("lobby/decisions/new/", "New"),
            True,
            When("2025-01-01", "1 January 2025"),
            "budget decision, executive",
            Status("promised", "promised"),
            Status("promises", "promises"),
            "What new decides.",
            "",
            (("outcome", "promised"), ("topic", ""), ("body", "executive")),
        ),
        DecisionCard(
            "old",
            "decision:old",
            Link("lobby/decisions/old/", "Old"),
            False,
            When("2024-01-01", "1 January 2024"),
            "motion, council",
            Status("rejected", "rejected"),
            Status("sets-back", "sets back"),
            "What old decides.",
            "Concerns 1 ask and 1 manifesto article",
            (("outcome", "rejected"), ("topic", "buying work"), ("body", "council")),
        ),
    )
    assert view.facets == (
        Facet(
            "outcome",
            "Outcome",
            (
                FacetValue("adopted", "adopted", 0),
                FacetValue("promised", "promised", 1),
                FacetValue("rejected", "rejected", 1),
                FacetValue("withdrawn", "withdrawn", 0),
            ),
        ),
        Facet("topic", "Topic", (FacetValue("buying", "Buying", 1), FacetValue("work", "Work", 1))),
        Facet("body", "Decided by", (FacetValue("committee", "committee", 0), FacetValue("council", "council", 1), FacetValue("executive", "executive", 1))),
    )
