"""An official: the posts they hold, what the platform asks of them, how they voted, when we last spoke, the
enterprises that matter to them and why; and the officials at a glance, current ones apart from former ones."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import decisions, lobby, render
from ..catalog import Catalog
from ..exports.lobby_feeds import feed_path
from ..i18n import _, ngettext
from ..kinds import KINDS
from . import structured
from .base import (
    SITE,
    Contact,
    Feed,
    Link,
    RecordView,
    Site,
    Span,
    Status,
    View,
    When,
    clip,
    contact,
    external,
    record_link,
    sections,
    span,
    term,
    when,
)
from .decision import alignment_status, vote_label
from .lobby import AskRow, ask_link, ask_row, contact_label, lobby_feed, status

RELEVANT_ON_PAGE = 12  # enterprises listed on an official's page; the rest are a filter away in the showcase
RELEVANT_IN_BRIEFING = 8  # a briefing must fit on two pages


@dataclass(frozen=True)
class PostLine:
    """A post an official holds or held, and when."""

    post: Link
    period: Span
    current: bool
    district: str | None


def post_lines(catalog: Catalog, official: Any) -> tuple[PostLine, ...]:
    """The official's posts, current first, then most recent."""
    return tuple(
        PostLine(
            record_link(catalog, "post", h.post),
            span(h.start, h.end, _("now")),
            h.covers(catalog.today),
            catalog.label("districts", h.post.district) if h.post.district else None,
        )
        for h in catalog.holdings_of(official)
    )


@dataclass(frozen=True)
class LastContact:
    """When the platform was last in touch: what it was (a step's status, or meeting, letter, hearing, call), what it
    was about (the ask, or the position; None for a contact about nothing in particular) and its source."""

    when: When
    what: Status
    about: Link | None
    source: Link


def last_contact(catalog: Catalog, official: Any) -> LastContact | None:
    found = lobby.last_contact(catalog, official)
    if found is None:
        return None
    if found.ask is not None:
        return LastContact(when(found.date), status(found.status), ask_link(found.ask, 90), external(found.source, _("source")))
    about = Link(KINDS["position"].page_url(found.position.id), clip(found.position.title, 90)) if found.position is not None else None
    return LastContact(when(found.date), Status(found.kind, contact_label(found.kind)), about, external(found.source, _("source")))


@dataclass(frozen=True)
class ContactLine:
    """A contact recorded with the official: when, what kind, about which position, its note and source."""

    when: When
    kind: str
    about: Link | None
    note: str | None
    source: Link


def contact_lines(catalog: Catalog, official: Any) -> tuple[ContactLine, ...]:
    """The contacts recorded with the official, on their record or a position's, newest first."""
    return tuple(
        ContactLine(
            when(c.date),
            contact_label(c.kind),
            record_link(catalog, "position", c.position) if c.position is not None else None,
            render.sentence(c.note) if c.note else None,
            external(c.source, _("source")),
        )
        for c in lobby.contacts_with(catalog, official)
    )


@dataclass(frozen=True)
class EnterpriseLine:
    """An enterprise that matters to an official, with its sector and district, and why it matters ("district Noord",
    "topic: Social procurement")."""

    link: Link
    sector: str
    district: str
    reasons: tuple[str, ...]


def reason_text(catalog: Catalog, reason: tuple[str, str]) -> str:
    what, value = reason
    if what == "district":
        return _("district %(district)s") % {"district": catalog.label("districts", value)}
    return _("topic: %(topic)s") % {"topic": catalog.label("topics", value)}


def enterprise_lines(catalog: Catalog, official: Any, enterprises: list[Any]) -> tuple[EnterpriseLine, ...]:
    covered = lobby.portfolio(catalog, official)
    return tuple(
        EnterpriseLine(
            record_link(catalog, "enterprise", e),
            catalog.label("sectors", e.sector),
            catalog.label("districts", e.district),
            tuple(reason_text(catalog, r) for r in covered.reasons(e)),
        )
        for e in enterprises
    )


def showcase_filters(catalog: Catalog, official: Any) -> tuple[Link, ...]:
    """Links to the showcase filtered to the official's districts and to their portfolio's sectors."""
    districts, sectors = lobby.relevance(catalog, official)
    links = []
    if districts:
        names = ", ".join(sorted(catalog.label("districts", d) for d in districts))
        links.append(Link("showcase/?district=" + ",".join(sorted(districts)), _("all in %(districts)s") % {"districts": names}))
    if sectors:
        links.append(Link("showcase/?sector=" + ",".join(sorted(sectors)), _("all in their portfolio's sectors")))
    return tuple(links)


@dataclass(frozen=True)
class VoteRow:
    """How the official voted on a decision that concerns the platform: their own vote, or their party's."""

    decision: Link
    when: When
    outcome: Status
    vote: str
    own: bool
    alignment: Status
    asks: tuple[Link, ...]
    source: Link


def vote_rows(catalog: Catalog, official: Any) -> tuple[VoteRow, ...]:
    """The official's votes on the decisions naming our asks or articles, newest first (decisions.votes_of)."""
    return tuple(
        VoteRow(
            record_link(catalog, "decision", v.decision),
            when(v.decision.date),
            status(v.decision.outcome),
            vote_label(v.vote),
            v.own,
            alignment_status(v.decision, v.vote),
            tuple(Link(f"{KINDS['position'].page_url(a.position)}#ask-{a.ask}", clip(asked(catalog, a).text, 80)) for a in v.decision.asks),
            external(v.decision.source, _("source")),
        )
        for v in decisions.votes_of(catalog, official)
    )


def asked(catalog: Catalog, ref: Any) -> Any:
    """The ask a decision's reference names."""
    return next(a for a in catalog.get("position", ref.position).asks if a.id == ref.ask)


@dataclass(frozen=True, kw_only=True)
class OfficialView(RecordView):
    party: Link | None
    contact: Contact | None
    last_contact: LastContact | None
    briefing: Link
    posts: tuple[PostLine, ...]
    asks: tuple[AskRow, ...]
    asks_file: str  # the open-data file whose rows "Download these asks" keeps
    votes: tuple[VoteRow, ...]
    contacts: tuple[ContactLine, ...]
    relevant: tuple[EnterpriseLine, ...]
    relevant_total: str
    relevant_more: tuple[Link, ...]
    everyone: bool  # their districts and topics match every enterprise, so none is singled out
    topics_page: Link
    sources: tuple[Link, ...]


def official_view(catalog: Catalog, official: Any, site: Site = SITE) -> OfficialView:
    """An official's page: their posts, the asks of the files they hold (inherited with the post), how they voted on
    our asks, the contacts we had, the enterprises in their district or portfolio with the reason each is there (the
    most relevant first), and the sources of these facts. Its feed is linked for following."""
    o = official
    asks = lobby.asks_for_official(catalog, o)
    relevant = lobby.relevant_enterprises(catalog, o)
    everyone = lobby.covers_everyone(catalog, o)
    votes = vote_rows(catalog, o)
    contacts = contact_lines(catalog, o)
    return OfficialView(
        title=o.name,
        kind="official",
        record_id=o.id,
        example=o.example,
        source_path=o.source_path,
        feeds=(Feed(feed_path("official", o.id), _("%(name)s: steps, votes and contacts") % {"name": o.name}, _("Follow this official")),),
        toc=sections(
            ("posts", _("Posts"), True),
            ("asks", _("What we ask of them"), True),
            ("votes", _("How they voted on our asks"), votes),
            ("contacts", _("Contacts"), contacts),
            ("enterprises", _("Enterprises in their district or portfolio"), relevant or everyone),
            ("sources", _("Sources"), True),
        ),
        preview=official_line(catalog, o),
        structured=structured.person(catalog, o, site.site_url),
        party=term(catalog, "parties", o.party) if o.party else None,
        contact=contact(o.contact),
        last_contact=last_contact(catalog, o),
        briefing=Link(KINDS["official"].page_url(o.id) + "briefing/", _("Briefing pack (print)")),
        posts=post_lines(catalog, o),
        asks=tuple(ask_row(catalog, v) for v in asks),
        asks_file="data/asks.csv",
        votes=votes,
        contacts=contacts,
        relevant=enterprise_lines(catalog, o, relevant[:RELEVANT_ON_PAGE]),
        relevant_total=ngettext("%(num)s enterprise", "%(num)s enterprises", len(relevant)) % {"num": f"{len(relevant):,}"},
        relevant_more=showcase_filters(catalog, o) if len(relevant) > RELEVANT_ON_PAGE or everyone else (),
        everyone=everyone,
        topics_page=Link("vocabularies/topics/", _("topics")),
        sources=tuple(external(s) for s in o.sources),
    )


def official_line(catalog: Catalog, official: Any) -> str:
    """An official in one line: name and party, and the posts they hold now (or that they held none now)."""
    current = [h.post.title for h in catalog.holdings_of(official) if h.covers(catalog.today)]
    who = official.name + (f" ({catalog.label('parties', official.party)})" if official.party else "")
    if not current:
        return _("%(who)s: holds none of the posts the platform follows now.") % {"who": who}
    return f"{who}: {'; '.join(current)}."


# -- the officials at a glance -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class OfficialCard:
    """An official at a glance: current (holding a post now) or former, their party, the posts they hold (or last
    held, with when they left) and how many open asks they hold."""

    marker: str
    state: str  # data-official-state: current or former
    link: Link
    example: bool
    party: str | None
    posts: tuple[Link, ...]
    left: When | None  # a former official: the day their last post ended
    open_asks: str | None  # a current official: "2 open asks"


@dataclass(frozen=True, kw_only=True)
class OfficialsView(View):
    current: tuple[OfficialCard, ...]
    former: tuple[OfficialCard, ...]

    @property
    def count(self) -> int:
        return len(self.current) + len(self.former)


def official_card(catalog: Catalog, official: Any) -> OfficialCard:
    """Current when they hold a post today; else former, with the posts they held last and the day they left."""
    holdings = catalog.holdings_of(official)
    now = [h for h in holdings if h.covers(catalog.today)]
    if now:
        count = lobby.open_asks(catalog, official)
        posts, left, open_asks = now, None, ngettext("%(num)s open ask", "%(num)s open asks", count) % {"num": f"{count:,}"}
    else:
        ended = [h for h in holdings if h.end is not None and h.end < catalog.today]
        last = max((h.end for h in ended), default=None)
        # No post ended yet (only one that starts later): the posts they will hold.
        posts, left, open_asks = [h for h in ended if h.end == last] or holdings, when(last), None
    return OfficialCard(
        f"official:{official.id}",
        "current" if now else "former",
        record_link(catalog, "official", official),
        official.example,
        catalog.label("parties", official.party) if official.party else None,
        tuple(record_link(catalog, "post", h.post) for h in posts),
        left,
        open_asks,
    )


def officials_view(catalog: Catalog, site: Site = SITE) -> OfficialsView:
    """/lobby/officials/: the officials holding a post now, with their posts, party and open asks; then the former
    officials apart (no post now), with the posts they left and when."""
    cards = [official_card(catalog, o) for o in catalog.all("official")]
    current = tuple(c for c in cards if c.state == "current")
    former = tuple(c for c in cards if c.state == "former")
    return OfficialsView(
        title=_("Officials"),
        toc=sections(("current", _("Holding a post now"), current), ("former", _("Former officials"), former)),
        feeds=(lobby_feed(),),
        current=current,
        former=former,
    )
