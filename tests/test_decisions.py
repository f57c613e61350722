"""The council's decisions against the asks and the manifesto (macros/decisions.py): what a decision did, whether a
vote was in line, each article's status by the one rule, and how officials and parties voted. Hand-made catalogs."""

from __future__ import annotations

import pytest
from catalogs import Data, holding

from macros import decisions
from macros.kinds.decision import OUTCOMES


def decision(data: Data, decision_id: str, day: str = "2025-01-01", outcome: str = "adopted", stance: str = "for", **fields):
    return data.decision(
        decision_id,
        title=decision_id.title(),
        kind="motion",
        date=day,
        body="council",
        summary="S.",
        source="https://example.org/d",
        outcome=outcome,
        stance=stance,
        **fields,
    )


def votes(**by_party) -> dict:
    return {"parties": [{"party": p, "vote": v} for p, v in by_party.items()]}


# -- what a decision did ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("outcome", "stance", "expected"),
    [
        ("adopted", "for", "advances"),
        ("adopted", "against", "sets-back"),
        ("rejected", "for", "sets-back"),
        ("rejected", "against", "advances"),
        ("promised", "for", "promises"),
        ("promised", "against", "sets-back"),
        ("withdrawn", "for", None),
        ("withdrawn", "against", None),
    ],
)
def test_a_decisions_effect_follows_from_its_outcome_and_stance(outcome, stance, expected):
    assert decisions.effect(decision(Data(), "d", outcome=outcome, stance=stance)) == expected


def test_every_outcome_and_stance_has_its_effect_written_down():
    assert {(o, s) for o in OUTCOMES for s in ("for", "against") if o != "withdrawn"} == set(decisions.EFFECTS)


@pytest.mark.parametrize(
    ("stance", "vote", "expected"),
    [("for", "for", "in-line"), ("for", "against", "against"), ("against", "against", "in-line"), ("against", "for", "against"), ("for", "absent", "absent")],
)
def test_a_vote_is_in_line_when_it_goes_the_platforms_way(stance, vote, expected):
    assert decisions.alignment(decision(Data(), "d", stance=stance), vote) == expected


# -- an article's status -----------------------------------------------------------------------------
def status_of(*made: tuple[str, str, str]) -> str:
    """The status of an article named by decisions given as (day, outcome, stance)."""
    data = Data()
    found = [decision(data, f"d{i}", day, outcome, stance) for i, (day, outcome, stance) in enumerate(made)]
    return decisions.article_status(found)


def test_an_article_no_decision_names_has_no_decision_yet():
    assert status_of() == "no-decision-yet"


def test_a_withdrawn_proposal_is_no_decision():
    assert status_of(("2025-01-01", "withdrawn", "for")) == "no-decision-yet"
    assert status_of(("2024-01-01", "adopted", "for"), ("2025-01-01", "withdrawn", "for")) == "kept"


def test_the_newest_decision_with_an_effect_decides():
    assert status_of(("2024-01-01", "rejected", "for"), ("2025-01-01", "adopted", "for")) == "kept"
    assert status_of(("2024-01-01", "adopted", "for"), ("2025-01-01", "rejected", "for")) == "broken"
    assert status_of(("2024-01-01", "adopted", "for"), ("2025-01-01", "promised", "for")) == "in-progress"
    assert status_of(("2025-01-01", "rejected", "against")) == "kept"
    assert status_of(("2025-01-01", "adopted", "against")) == "broken"


def test_a_day_that_both_advanced_and_set_back_an_article_leaves_it_in_progress():
    assert status_of(("2025-01-01", "adopted", "for"), ("2025-01-01", "rejected", "for")) == "in-progress"
    assert status_of(("2025-01-01", "adopted", "for"), ("2025-01-01", "rejected", "against")) == "kept"


# -- how officials voted ---------------------------------------------------------------------------
def council() -> Data:
    """Cas sat on the council until 2024 (green); Dee is an alderman (green); Eve holds the seat since 2024 (red)."""
    data = Data()
    data.post("seat", body="council")
    data.post("alderman", body="executive")
    data.official("cas", party="green", memberships=[holding("seat", "2018-01-01", "2023-12-31")])
    data.official("dee", party="green", memberships=[holding("alderman", "2018-01-01")])
    data.official("eve", party="red", memberships=[holding("seat", "2024-01-01")])
    return data


def test_an_officials_own_recorded_vote_comes_first_then_their_partys_while_they_sat_on_the_council():
    data = council()
    old = decision(data, "old", "2023-06-01", votes={**votes(green="for", red="against"), "officials": [{"official": "cas", "vote": "against"}]})
    new = decision(data, "new", "2025-06-01", votes=votes(green="for", red="absent"), asks=[{"position": "p", "ask": "a"}])
    catalog = data.catalog()
    cas, dee, eve = (catalog.get("official", o) for o in ("cas", "dee", "eve"))
    assert decisions.vote_of(catalog, cas, old) == decisions.CastVote(old, "against", True)  # own, though the party voted for
    assert decisions.vote_of(catalog, cas, new) is None  # no longer on the council
    assert decisions.vote_of(catalog, dee, old) is None  # an alderman does not vote
    assert decisions.vote_of(catalog, eve, old) is None  # not yet on the council
    assert decisions.vote_of(catalog, eve, new) == decisions.CastVote(new, "absent", False)


def test_an_officials_votes_are_those_on_decisions_naming_our_asks_or_articles_newest_first():
    data = council()
    decision(data, "unrelated", "2025-03-01", votes=votes(red="for"))
    decision(data, "article", "2024-06-01", votes=votes(red="against"), articles=["work"])
    decision(data, "ask", "2025-06-01", votes=votes(red="for"), asks=[{"position": "p", "ask": "a"}])
    decision(data, "no-party", "2025-07-01", votes=votes(green="for"), articles=["work"])
    catalog = data.catalog()
    found = decisions.votes_of(catalog, catalog.get("official", "eve"))
    assert [(v.decision.id, v.vote, v.own) for v in found] == [("ask", "for", False), ("article", "against", False)]


# -- parties -------------------------------------------------------------------------------------
def test_party_tallies_count_in_line_against_and_absent_on_decisions_naming_an_article_in_the_vocabularys_order():
    data = Data()
    data.vocabulary("parties", entries=[{"id": "red", "label": "Red"}, {"id": "green", "label": "Green"}])
    decision(data, "a", "2025-01-01", votes=votes(green="for", red="against", blue="absent"), articles=["work"])
    decision(data, "b", "2025-02-01", stance="against", votes=votes(green="for", red="against"), articles=["work"])
    decision(data, "c", "2025-03-01", votes=votes(green="against"), asks=[{"position": "p", "ask": "x"}])  # names no article
    tallies = decisions.party_tallies(data.catalog())
    assert [t.party for t in tallies] == ["red", "green", "blue"]
    counts = {t.party: (t.count("in-line"), t.count("against"), t.count("absent"), t.share) for t in tallies}
    assert counts == {"red": (1, 1, 0, 0.5), "green": (1, 1, 0, 0.5), "blue": (0, 0, 1, None)}
    assert [d.id for d, _ in tallies[0].votes] == ["b", "a"]


def test_decisions_are_found_by_the_article_ask_and_position_they_name_newest_first_then_by_id():
    data = Data()
    decision(data, "b", "2025-01-01", articles=["work"], asks=[{"position": "p", "ask": "x"}])
    decision(data, "a", "2025-01-01", articles=["work"])
    decision(data, "c", "2025-05-01", asks=[{"position": "p", "ask": "y"}, {"position": "q", "ask": "x"}])
    catalog = data.catalog()
    assert [d.id for d in decisions.for_article(catalog, "work")] == ["a", "b"]
    assert [d.id for d in decisions.for_ask(catalog, "p", "x")] == ["b"]
    assert [d.id for d in decisions.for_ask(catalog, "q", "y")] == []
    data.position("p")
    catalog = data.catalog()
    assert [d.id for d in decisions.for_position(catalog, catalog.get("position", "p"))] == ["c", "b"]
