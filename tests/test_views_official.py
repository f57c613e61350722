"""An official's page (their posts, the asks of the files they hold, the enterprises that matter to
them), a post's page, and the officials' and posts' listings."""

from __future__ import annotations

from catalogs import Data, holding, step
from markupsafe import Markup

from macros import lobby
from macros.views.base import Contact, Feed, Link, Section, Span, Status, When
from macros.views.lobby import AskRow, ask_row
from macros.views.official import (
    ContactLine,
    EnterpriseLine,
    LastContact,
    OfficialCard,
    OfficialView,
    PostLine,
    VoteRow,
    official_view,
    officials_view,
    showcase_filters,
)
from macros.views.post import HolderLine, PostCard, PostView, post_view, posts_view

MINUTES = Link("https://example.org/minutes", "source")
ANN = Link("lobby/officials/ann/", "Ann")
BOB = Link("lobby/officials/bob/", "Bob")
ALDERMAN = Link("lobby/posts/alderman/", "Alderman")
COUNCIL = Link("lobby/posts/council-seat/", "Council Seat")


def city() -> Data:
    """Districts and sectors with labels that sort differently from their ids; the topic 'work' concerns repair and care."""
    data = Data()
    data.vocabulary("districts", entries=[{"id": "noord", "label": "North"}, {"id": "west", "label": "Amsterdam West"}, {"id": "zuid", "label": "South"}])
    data.vocabulary("sectors", entries=[{"id": "food", "label": "Food"}, {"id": "repair", "label": "Repair"}, {"id": "care", "label": "Care"}])
    data.vocabulary("topics", entries=[{"id": "work", "label": "Work", "sectors": ["repair", "care"]}, {"id": "culture", "label": "Culture"}])
    data.vocabulary("parties", entries=[{"id": "green", "label": "Green Party"}, {"id": "red", "label": "Red Party"}])
    data.post("alderman", district="noord", portfolio=["work"])
    data.post("council-seat", body="council")
    return data


def page(data: Data, official_id: str = "bob") -> OfficialView:
    catalog = data.catalog()
    return official_view(catalog, catalog.get("official", official_id))


def longer_than(limit: int) -> str:
    return "a" * (limit - 5) + " bcdef"


def clipped(limit: int) -> str:
    return "a" * (limit - 5) + "…"


# -- the official's page ---------------------------------------------------------------------------
def test_an_officials_page_shows_posts_asks_enterprises_and_sources():
    data = city()
    data.official(
        "bob",
        party="green",
        contact={"email": "office@example.org", "phone": "+31 (0)20 123 4567", "url": "https://example.org/bob"},
        memberships=[holding("alderman", "2024-01-01"), holding("council-seat", "2018-01-01", "2023-12-31")],
        sources=["https://example.org/a", "https://example.org/b"],
        example=True,
    )
    data.position("p", targets=["alderman"], asks=[{"id": "a", "text": "Do it.", "history": [step("2025-01-10", "asked", officials=("bob",))]}])
    data.enterprise("bakery", district="noord", sector="food")
    data.enterprise("fixers", district="zuid", sector="repair")
    data.enterprise("aardvark", district="zuid", sector="food")
    asked = When("2025-01-10", "10 January 2025")
    assert page(data) == OfficialView(
        title="Bob",
        toc=(
            Section("posts", "Posts"),
            Section("asks", "What we ask of them"),
            Section("enterprises", "Enterprises in their district or portfolio"),
            Section("sources", "Sources"),
        ),
        preview="Bob (Green Party): Alderman.",
        structured={
            "@context": "https://schema.org",
            "@type": "Person",
            "@id": "lobby/officials/bob/#person",
            "name": "Bob",
            "url": "lobby/officials/bob/",
            "memberOf": [
                {"@type": "Organization", "name": "Green Party"},
                {"@type": "Role", "roleName": "Alderman", "startDate": "2024-01-01", "url": "lobby/posts/alderman/"},
                {"@type": "Role", "roleName": "Council Seat", "startDate": "2018-01-01", "endDate": "2023-12-31", "url": "lobby/posts/council-seat/"},
            ],
            "hasOccupation": [{"@type": "Occupation", "name": "Alderman"}],
            "email": "office@example.org",
            "telephone": "+31 (0)20 123 4567",
        },
        kind="official",
        record_id="bob",
        example=True,
        source_path="data/officials/bob.yml",
        feeds=(Feed("lobby/officials/bob/feed.xml", "Bob: steps, votes and contacts", "Follow this official"),),
        party=Link("vocabularies/parties/#term-green", "Green Party"),
        contact=Contact(
            Link("mailto:office@example.org", "office@example.org"),
            Link("tel:+31201234567", "+31 (0)20 123 4567"),
            Link("https://example.org/bob", "https://example.org/bob"),
        ),
        last_contact=LastContact(asked, Status("asked", "asked"), Link("lobby/positions/p/#ask-a", "Do it."), MINUTES),
        briefing=Link("lobby/officials/bob/briefing/", "Briefing pack (print)"),
        posts=(
            PostLine(ALDERMAN, Span(When("2024-01-01", "1 January 2024"), None, "now"), True, "North"),
            PostLine(COUNCIL, Span(When("2018-01-01", "1 January 2018"), When("2023-12-31", "31 December 2023"), "now"), False, None),
        ),
        asks=(AskRow(Link("lobby/positions/p/#ask-a", "Do it."), Link("lobby/positions/p/", "P"), Status("asked", "asked"), True, asked, "p#a"),),
        asks_file="data/asks.csv",
        votes=(),
        contacts=(),
        relevant=(
            EnterpriseLine(Link("showcase/bakery/", "Bakery"), "Food", "North", ("district North",)),
            EnterpriseLine(Link("showcase/fixers/", "Fixers"), "Repair", "South", ("topic: Work",)),
        ),
        relevant_total="2 enterprises",
        relevant_more=(),
        everyone=False,
        topics_page=Link("vocabularies/topics/", "topics"),
        sources=(Link("https://example.org/a", "https://example.org/a"), Link("https://example.org/b", "https://example.org/b")),
    )


def test_an_official_without_relevant_enterprises_or_contact_has_no_enterprise_section():
    data = city()
    data.official("bob", memberships=[holding("council-seat", "2018-01-01")])
    data.enterprise("bakery", district="noord", sector="food")
    view = page(data)
    assert view.toc == (Section("posts", "Posts"), Section("asks", "What we ask of them"), Section("sources", "Sources"))
    assert (view.relevant, view.relevant_total, view.relevant_more) == ((), "0 enterprises", ())
    assert (view.party, view.contact, view.last_contact, view.asks) == (None, None, None, ())


def test_a_contact_with_only_a_web_page_has_no_mail_or_phone_links():
    data = city()
    data.official("bob", memberships=[holding("council-seat", "2018-01-01")], contact={"url": "https://example.org/bob"})
    assert page(data).contact == Contact(None, None, Link("https://example.org/bob", "https://example.org/bob"))


def test_a_new_holder_inherits_the_asks_of_the_post_and_the_former_holder_loses_them():
    data = city()
    data.official("ann", memberships=[holding("alderman", "2020-01-01", "2023-12-31")])
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    data.position("p", targets=["alderman"], asks=[{"id": "a", "text": "Do it.", "history": [step("2023-03-01", "asked", officials=("ann",))]}])
    row = AskRow(
        Link("lobby/positions/p/#ask-a", "Do it."), Link("lobby/positions/p/", "P"), Status("asked", "asked"), True, When("2023-03-01", "1 March 2023"), "p#a"
    )
    assert page(data, "bob").asks == (row,)
    assert page(data, "ann").asks == ()
    assert page(data, "ann").last_contact == LastContact(
        When("2023-03-01", "1 March 2023"), Status("asked", "asked"), Link("lobby/positions/p/#ask-a", "Do it."), MINUTES
    )
    assert page(data, "bob").last_contact is None


def test_asks_are_listed_open_first_then_most_recent_with_closed_ones_marked():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    data.position(
        "p",
        targets=["alderman"],
        asks=[
            {"id": "won", "text": "Won.", "history": [step("2026-05-01", "delivered")]},
            {"id": "old", "text": "Old.", "history": [step("2024-02-01", "asked")]},
            {"id": "drafted", "text": "Drafted."},
            {"id": "new", "text": "New.", "history": [step("2025-02-01", "committed")]},
        ],
    )
    rows = page(data).asks
    assert [(r.link.text, r.status.key, r.open) for r in rows] == [
        ("New.", "committed", True),
        ("Old.", "asked", True),
        ("Drafted.", "drafted", True),
        ("Won.", "delivered", False),
    ]
    assert rows[2].last is None


def test_asks_of_a_position_no_longer_active_are_not_open():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    data.position("p", status="dropped", targets=["alderman"])
    assert [r.open for r in page(data).asks] == [False]


def test_an_ask_row_clips_long_asks_to_110_characters():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    data.position("p", targets=["alderman"], asks=[{"id": "long", "text": longer_than(110)}, {"id": "fits", "text": "a" * 105 + " bcde"}])
    assert [r.link for r in page(data).asks] == [Link("lobby/positions/p/#ask-long", clipped(110)), Link("lobby/positions/p/#ask-fits", "a" * 105 + " bcde")]


def test_an_ask_row_clips_to_the_limit_it_is_given():
    data = city()
    data.position("p", asks=[{"id": "a", "text": longer_than(30)}])
    catalog = data.catalog()
    (view,) = lobby.asks(catalog)
    assert ask_row(catalog, view, 30).link == Link("lobby/positions/p/#ask-a", clipped(30))


def test_the_last_contact_is_the_latest_step_naming_the_official_with_that_steps_status():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    data.position(
        "p",
        asks=[
            {
                "id": "a",
                "text": longer_than(90),
                "history": [step("2025-01-01", "asked", officials=("bob",)), step("2025-03-01", "committed", officials=("bob",))],
            },
            {"id": "b", "text": "Other.", "history": [step("2025-02-01", "acknowledged", officials=("bob",)), step("2025-04-01", "delivered")]},
        ],
    )
    assert page(data).last_contact == LastContact(
        When("2025-03-01", "1 March 2025"), Status("committed", "committed"), Link("lobby/positions/p/#ask-a", clipped(90)), MINUTES
    )


def test_the_last_contact_shows_an_ask_that_fits_unclipped():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    text = "a" * 85 + " bcde"
    data.position("p", asks=[{"id": "a", "text": text, "history": [step("2025-01-01", "asked", officials=("bob",))]}])
    assert page(data).last_contact.about == Link("lobby/positions/p/#ask-a", text)


# -- relevant enterprises ------------------------------------------------------------------------------
def test_the_page_lists_twelve_relevant_enterprises_and_links_the_showcase_filters_for_the_rest():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    for i in range(1, 14):
        data.enterprise(f"e{i:02}", district="noord", sector="food")
    data.enterprise("elsewhere", district="zuid", sector="food")
    view = page(data)
    assert [line.link.text for line in view.relevant] == [f"E{i:02}" for i in range(1, 13)]
    assert view.relevant_total == "13 enterprises"
    assert view.relevant_more == (Link("showcase/?district=noord", "all in North"), Link("showcase/?sector=care,repair", "all in their portfolio's sectors"))


def test_twelve_relevant_enterprises_need_no_showcase_filter_links():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    for i in range(1, 13):
        data.enterprise(f"e{i:02}", district="noord", sector="food")
    data.enterprise("elsewhere", district="zuid", sector="food")
    view = page(data)
    assert (len(view.relevant), view.relevant_total, view.relevant_more) == (12, "12 enterprises", ())


def test_a_district_match_comes_before_a_sector_match_and_neither_is_never_listed():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    data.enterprise("both", name="Zed", district="noord", sector="care")
    data.enterprise("district", name="Yak", district="noord", sector="food")
    data.enterprise("sector", name="Ant", district="zuid", sector="repair")
    data.enterprise("neither", name="Aa", district="zuid", sector="food")
    assert [line.link.text for line in page(data).relevant] == ["Zed", "Yak", "Ant"]


def test_showcase_filters_name_the_districts_by_label_and_the_portfolios_sectors():
    data = city()
    data.post("west-seat", district="west")
    data.post("culture", portfolio=["culture", "work"])
    data.official("bob", memberships=[holding("alderman", "2024-01-01"), holding("west-seat", "2024-01-01")])
    data.official("cas", memberships=[holding("culture", "2024-01-01")])
    data.official("dee", memberships=[holding("council-seat", "2024-01-01")])
    data.official("eve", memberships=[holding("west-seat", "2024-01-01")])
    catalog = data.catalog()
    official = lambda i: catalog.get("official", i)  # noqa: E731
    assert showcase_filters(catalog, official("bob")) == (
        Link("showcase/?district=noord,west", "all in Amsterdam West, North"),
        Link("showcase/?sector=care,repair", "all in their portfolio's sectors"),
    )
    assert showcase_filters(catalog, official("cas")) == (Link("showcase/?sector=care,repair", "all in their portfolio's sectors"),)
    assert showcase_filters(catalog, official("dee")) == ()
    assert showcase_filters(catalog, official("eve")) == (Link("showcase/?district=west", "all in Amsterdam West"),)


def test_a_past_post_makes_no_enterprise_relevant():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2020-01-01", "2023-12-31")])
    data.enterprise("bakery", district="noord", sector="repair")
    assert page(data).relevant == ()


# -- a post's page -----------------------------------------------------------------------------------
def test_a_posts_page_shows_its_holders_newest_first_the_files_it_holds_and_campaigns():
    data = city()
    data.post(
        "alderman",
        organisation="City of Amsterdam",
        department="Economic Affairs",
        portfolio=["work", "culture"],
        district="noord",
        description="Line one.\n\nLine two.",
        example=True,
    )
    data.official("ann", memberships=[holding("alderman", "2020-01-01", "2023-12-31")])
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    data.position("p", targets=["alderman"])
    data.position("q", targets=["alderman", "council-seat"], status="achieved")
    data.position("r", targets=["council-seat"])
    data.campaign("drive", targets=["alderman"])
    catalog = data.catalog()
    assert post_view(catalog, catalog.get("post", "alderman")) == PostView(
        title="Alderman",
        toc=(Section("holders", "Holders over time"), Section("files", "Files this post holds"), Section("campaigns", "Campaigns addressing this post")),
        preview="Alderman, Economic Affairs, City of Amsterdam.",
        structured={
            "@context": "https://schema.org",
            "@type": "Person",
            "@id": "lobby/officials/bob/#person",
            "name": "Bob",
            "url": "lobby/officials/bob/",
            "memberOf": [
                {
                    "@type": "Role",
                    "roleName": "Alderman",
                    "startDate": "2024-01-01",
                    "url": "lobby/posts/alderman/",
                    "memberOf": {"@type": "GovernmentOrganization", "name": "Economic Affairs, City of Amsterdam"},
                }
            ],
            "hasOccupation": [{"@type": "Occupation", "name": "Alderman", "description": "Line one.\n\nLine two."}],
        },
        kind="post",
        record_id="alderman",
        example=True,
        source_path="data/posts/alderman.yml",
        body="executive",
        organisation="City of Amsterdam",
        department="Economic Affairs",
        portfolio=(Link("vocabularies/topics/#term-work", "Work"), Link("vocabularies/topics/#term-culture", "Culture")),
        district=Link("vocabularies/districts/#term-noord", "North"),
        description=Markup("<p>Line one.</p><p>Line two.</p>"),
        holders=(
            HolderLine(BOB, When("2024-01-01", "1 January 2024"), None, True),
            HolderLine(ANN, When("2020-01-01", "1 January 2020"), When("2023-12-31", "31 December 2023"), False),
        ),
        files=((Link("lobby/positions/p/", "P"), Status("active", "active")), (Link("lobby/positions/q/", "Q"), Status("achieved", "achieved"))),
        campaigns=(Link("campaigns/drive/", "Drive"),),
    )


def test_a_post_without_campaigns_district_or_holders_lists_holders_and_files():
    data = city()
    catalog = data.catalog()
    view = post_view(catalog, catalog.get("post", "council-seat"))
    assert view.toc == (Section("holders", "Holders over time"), Section("files", "Files this post holds"))
    assert (view.district, view.holders, view.files, view.campaigns, view.description, view.organisation) == (None, (), (), (), Markup(""), None)


# -- listings --------------------------------------------------------------------------------------
def test_the_officials_listing_shows_current_officials_with_posts_party_and_open_asks_and_former_ones_apart():
    data = city()
    data.official(
        "ann", party="red", memberships=[holding("alderman", "2020-01-01", "2023-12-31"), holding("council-seat", "2016-01-01", "2019-12-31")], example=True
    )
    data.official("bob", memberships=[holding("alderman", "2024-01-01"), holding("council-seat", "2022-01-01")])
    data.position("p", targets=["alderman"], asks=[{"id": "a", "text": "A."}, {"id": "b", "text": "B.", "history": [step("2025-01-01", "delivered")]}])
    view = officials_view(data.catalog())
    assert (view.title, view.count, view.toc) == ("Officials", 2, (Section("current", "Holding a post now"), Section("former", "Former officials")))
    assert view.current == (OfficialCard("official:bob", "current", BOB, False, None, (ALDERMAN, COUNCIL), None, "1 open ask"),)
    assert view.former == (OfficialCard("official:ann", "former", ANN, True, "Red Party", (ALDERMAN,), When("2023-12-31", "31 December 2023"), None),)
    assert view.feeds == (Feed("lobby/feed.xml", "The lobby: steps, decisions and contacts", "Follow the lobby"),)


def test_an_official_whose_only_post_starts_later_is_not_current_and_shows_that_post():
    data = city()
    data.official("cas", memberships=[holding("alderman", "2027-01-01")])
    view = officials_view(data.catalog())
    assert (view.current, [(c.state, c.posts, c.left) for c in view.former]) == ((), [("former", (ALDERMAN,), None)])


def test_the_posts_listing_shows_each_posts_body_organisation_and_holders_now():
    data = city()
    data.post("alderman", organisation="City of Amsterdam", example=True)
    data.official("ann", memberships=[holding("alderman", "2020-01-01", "2023-12-31")])
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    view = posts_view(data.catalog())
    assert (view.title, view.count, view.toc) == ("Posts", 2, ())
    assert view.cards == (
        PostCard("post:alderman", ALDERMAN, True, "executive, City of Amsterdam", (BOB,)),
        PostCard("post:council-seat", COUNCIL, False, "council", ()),
    )


# -- how they voted, contacts, and why an enterprise is listed ---------------------------------------------------
def test_how_they_voted_lists_their_own_or_their_partys_votes_on_decisions_naming_our_asks_newest_first():
    data = city()
    data.official("bob", party="green", memberships=[holding("council-seat", "2020-01-01")])
    data.position("p", asks=[{"id": "a", "text": "Reserve contracts."}])
    party = {"parties": [{"party": "green", "vote": "against"}]}
    data.decision("own", date="2024-01-01", asks=[{"position": "p", "ask": "a"}], votes={**party, "officials": [{"official": "bob", "vote": "for"}]})
    data.decision("party", date="2025-01-01", stance="against", outcome="rejected", articles=["work"], votes=party, source="https://example.org/party")
    data.decision("elsewhere", date="2025-02-01", votes=party)  # names neither an ask nor an article
    assert page(data).votes == (
        VoteRow(
            Link("lobby/decisions/party/", "Party"),
            When("2025-01-01", "1 January 2025"),
            Status("rejected", "rejected"),
            "against",
            False,
            Status("in-line", "in line"),
            (),
            Link("https://example.org/party", "source"),
        ),
        VoteRow(
            Link("lobby/decisions/own/", "Own"),
            When("2024-01-01", "1 January 2024"),
            Status("adopted", "adopted"),
            "for",
            True,
            Status("in-line", "in line"),
            (Link("lobby/positions/p/#ask-a", "Reserve contracts."),),
            Link("https://example.org/decision", "source"),
        ),
    )
    assert Section("votes", "How they voted on our asks") in page(data).toc


def test_contacts_recorded_with_the_official_are_listed_newest_first_and_the_last_is_the_last_contact():
    data = city()
    agenda = {"source": "https://example.org/agenda"}
    data.official("bob", memberships=[holding("alderman", "2024-01-01")], contacts=[{"date": "2025-02-01", "kind": "call", "note": "About buying", **agenda}])
    data.position("p", title="Buy social", contacts=[{"date": "2025-03-01", "kind": "hearing", "officials": ["bob"], **agenda}])
    view = page(data)
    source = Link("https://example.org/agenda", "source")
    assert view.contacts == (
        ContactLine(When("2025-03-01", "1 March 2025"), "hearing", Link("lobby/positions/p/", "Buy social"), None, source),
        ContactLine(When("2025-02-01", "1 February 2025"), "call", None, "About buying.", source),
    )
    assert view.last_contact == LastContact(When("2025-03-01", "1 March 2025"), Status("hearing", "hearing"), Link("lobby/positions/p/", "Buy social"), source)
    assert Section("contacts", "Contacts") in view.toc


def test_each_enterprise_says_why_it_is_listed_and_a_topic_for_every_sector_is_no_reason():
    data = city()
    data.vocabulary(
        "topics",
        entries=[{"id": "work", "label": "Work", "sectors": ["repair", "care"]}, {"id": "all", "label": "All of it", "sectors": ["food", "repair", "care"]}],
    )
    data.post("alderman", district="noord", portfolio=["work", "all"])
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    data.enterprise("both", name="Both", district="noord", sector="repair")
    data.enterprise("care", name="Care", district="zuid", sector="care")
    data.enterprise("food", name="Food", district="zuid", sector="food")
    assert [(e.link.text, e.reasons) for e in page(data).relevant] == [("Both", ("district North", "topic: Work")), ("Care", ("topic: Work",))]


def test_when_every_enterprise_matches_none_is_singled_out():
    data = city()
    data.official("bob", memberships=[holding("alderman", "2024-01-01")])
    data.enterprise("one", district="noord", sector="food")
    data.enterprise("two", district="zuid", sector="care")
    view = page(data)
    assert (view.relevant, view.everyone) == ((), True)
    assert Section("enterprises", "Enterprises in their district or portfolio") in view.toc
    assert view.relevant_more == (Link("showcase/?district=noord", "all in North"), Link("showcase/?sector=care,repair", "all in their portfolio's sectors"))
