"""The lobby's feeds: an official's feed holds exactly the steps and votes that concern them, each item dated by its
content with an id that does not move between builds, and every feed parses with feedparser without a complaint."""

from __future__ import annotations

import datetime as dt

import feedparser
from catalogs import Data, holding, step

from macros.exports.feeds import FeedItem
from macros.exports.lobby_feeds import feed_path, lobby_feed_files, official_items, position_items, sitemaps_beside, unique_ids

SITE = "https://wise.example.org/"


def lobby(today: dt.date | None = None) -> Data:
    """Ann held the alderman's post until 2023, Bob since 2024; Cas sits on the council (green)."""
    data = Data(today) if today else Data()
    data.vocabulary("parties", entries=[{"id": "green", "label": "Green"}])
    data.post("alderman")
    data.post("seat", body="council")
    data.official("ann", memberships=[holding("alderman", "2019-01-01", "2023-12-31")])
    data.official("bob", memberships=[holding("alderman", "2024-01-01")], contacts=[{"date": "2025-05-05", "kind": "call", "source": "https://example.org/c"}])
    data.official("cas", party="green", memberships=[holding("seat", "2022-01-01")])
    data.position(
        "p",
        targets=["alderman"],
        asks=[
            {
                "id": "a",
                "text": "Reserve contracts.",
                "history": [step("2023-06-01", "asked"), step("2024-03-01", "acknowledged"), step("2025-02-01", "committed", officials=("cas",))],
            }
        ],
        contacts=[{"date": "2025-04-04", "kind": "hearing", "officials": ["cas"], "source": "https://example.org/h"}],
    )
    data.position("q", asks=[{"id": "b", "text": "Publish figures.", "history": [step("2025-03-01", "asked", officials=("ann",))]}])
    votes = {"parties": [{"party": "green", "vote": "for"}]}
    data.decision("vote", date="2025-06-01", asks=[{"position": "p", "ask": "a"}], votes=votes)
    data.decision("own", date="2021-06-01", articles=["work"], votes={**votes, "officials": []})
    data.decision("letter", date="2025-07-01", body="executive", outcome="promised", asks=[{"position": "p", "ask": "a"}])
    return data


def titles(items: list[FeedItem]) -> list[tuple[str, str]]:
    return sorted((i.date.isoformat(), i.title) for i in items)


def test_an_officials_feed_holds_the_steps_and_votes_that_concern_them_their_contacts_and_posts():
    catalog = lobby().catalog()
    ann, bob, cas = (catalog.get("official", o) for o in ("ann", "bob", "cas"))
    # Ann held the file in 2023 and is named in 2025; Bob holds it since 2024; Cas is named once and votes as a council member.
    assert titles(official_items(catalog, SITE, ann)) == [
        ("2019-01-01", "Took up the post: Alderman"),
        ("2023-06-01", "Asked: Reserve contracts."),
        ("2023-12-31", "Left the post: Alderman"),
        ("2025-03-01", "Asked: Publish figures."),
    ]
    assert titles(official_items(catalog, SITE, bob)) == [
        ("2024-01-01", "Took up the post: Alderman"),
        ("2024-03-01", "Acknowledged: Reserve contracts."),
        ("2025-02-01", "Committed: Reserve contracts."),
        ("2025-05-05", "Call with Bob"),
    ]
    assert titles(official_items(catalog, SITE, cas)) == [
        ("2022-01-01", "Took up the post: Seat"),
        ("2025-02-01", "Committed: Reserve contracts."),
        ("2025-04-04", "Hearing with Cas"),
        ("2025-06-01", "Party voted for: Vote"),
    ]


def test_a_positions_feed_holds_its_steps_the_decisions_on_its_asks_and_its_contacts():
    catalog = lobby().catalog()
    assert titles(position_items(catalog, SITE, catalog.get("position", "p"))) == [
        ("2023-06-01", "Asked: Reserve contracts."),
        ("2024-03-01", "Acknowledged: Reserve contracts."),
        ("2025-02-01", "Committed: Reserve contracts."),
        ("2025-04-04", "Hearing with Cas"),
        ("2025-06-01", "Adopted: Vote"),
        ("2025-07-01", "Promised: Letter"),
    ]


def test_every_feed_parses_cleanly_and_the_lobbys_holds_every_step_decision_and_contact():
    files = lobby_feed_files(lobby().catalog(), SITE)
    assert sorted(files) == sorted(
        ["lobby/feed.xml", *(f"lobby/officials/{o}/feed.xml" for o in ("ann", "bob", "cas")), "lobby/positions/p/feed.xml", "lobby/positions/q/feed.xml"]
    )
    for path, text in files.items():
        parsed = feedparser.parse(text)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.feed.link.startswith(SITE)
    whole = feedparser.parse(files["lobby/feed.xml"])
    assert len(whole.entries) == 4 + 3 + 2  # steps, decisions, contacts (Bob's call, the hearing)


def test_items_are_dated_by_their_content_and_their_ids_do_not_move_between_builds():
    one, two = lobby_feed_files(lobby(dt.date(2026, 1, 1)).catalog(), SITE), lobby_feed_files(lobby(dt.date(2026, 9, 1)).catalog(), SITE)
    for path in one:
        first, second = feedparser.parse(one[path]), feedparser.parse(two[path])
        assert [(e.id, e.published) for e in first.entries] == [(e.id, e.published) for e in second.entries], path
    entries = feedparser.parse(one[feed_path("official", "bob")]).entries
    assert [e.id for e in entries if "Committed" in e.title] == [f"{SITE}lobby/positions/p/#ask-a/2025-02-01/committed"]
    assert len({e.id for e in entries}) == len(entries)


def test_the_same_id_twice_gets_a_number():
    items = [
        FeedItem("A", "https://x/", dt.date(2025, 1, 1), guid="g"),
        FeedItem("B", "https://x/", dt.date(2025, 1, 1), guid="g"),
        FeedItem("C", "https://x/", dt.date(2025, 1, 1)),
    ]
    assert [i.guid for i in unique_ids(items)] == ["g", "g/2", ""]


def test_a_feed_named_in_a_page_head_has_a_sitemap_of_its_folders_pages_beside_it():
    files = sitemaps_beside(
        ["lobby/feed.xml", "lobby/officials/bob/feed.xml"], ["lobby/officials/bob/", "lobby/officials/bob/briefing/", "lobby/tracker/", "showcase/"], SITE
    )
    assert sorted(files) == ["lobby/officials/bob/sitemap.xml", "lobby/sitemap.xml"]
    assert files["lobby/officials/bob/sitemap.xml"].count("<loc>") == 2
    assert f"<loc>{SITE}lobby/tracker/</loc>" in files["lobby/sitemap.xml"] and "showcase" not in files["lobby/sitemap.xml"]
