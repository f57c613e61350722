"""The lobby's feeds: follow the whole lobby, one official or one position without visiting them (RSS 2.0, written
by feeds.rss with an XML library).

- `/lobby/feed.xml`: every step of every ask, every decision, every contact recorded with officials.
- `/lobby/officials/<id>/feed.xml`: the steps that concern the official (lobby.steps_concerning: those naming them,
  and those taken while they held the file), their votes (decisions.vote_of), the contacts with them, and the posts
  they took up or left: what changes their briefing.
- `/lobby/positions/<id>/feed.xml`: the steps of its asks, the decisions on them, the contacts about it.

Each item is dated by what it reports, never by the build, and its id is made from what it is (the ask, the day, the
status; the decision's address), never from its place in a list, so it stays the same from one build to the next.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .. import decisions, lobby
from ..catalog import Catalog
from ..kinds import KINDS
from .feeds import FeedItem, folder_sitemap, rss

LOBBY_FEED = "lobby/feed.xml"
TITLE_CHARS = 120


def feed_path(kind: str | None = None, record_id: str | None = None) -> str:
    """Where a feed is published: the lobby's, or an official's or a position's beside its page."""
    return KINDS[kind].page_url(record_id) + "feed.xml" if kind else LOBBY_FEED


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _topics(catalog: Catalog, topics) -> tuple[str, ...]:
    return tuple(catalog.label("topics", t) for t in topics)


def step_item(catalog: Catalog, site_url: str, view: lobby.AskView, step: Any) -> FeedItem:
    """An ask's step: its status and the ask, at the ask's anchor; its id is the ask, the day and the status."""
    url = f"{site_url}{KINDS['position'].page_url(view.position.id)}#{view.anchor}"
    summary = " ".join(x for x in (step.note or "", f"Position: {view.position.title}.", f"Source: {step.source}") if x)
    return FeedItem(
        f"{step.status.capitalize()}: {_short(view.ask.text)}",
        url,
        step.date,
        _topics(catalog, view.position.topics),
        summary,
        f"{url}/{step.date.isoformat()}/{step.status}",
    )


def decision_item(catalog: Catalog, site_url: str, decision: Any) -> FeedItem:
    """A decision: its outcome and title, at its page (which is its id)."""
    url = site_url + KINDS["decision"].page_url(decision.id)
    return FeedItem(
        f"{decision.outcome.capitalize()}: {_short(decision.title)}",
        url,
        decision.date,
        _topics(catalog, decision.topics),
        f"{' '.join(decision.summary.split())} Source: {decision.source}",
    )


def vote_item(catalog: Catalog, site_url: str, official: Any, cast: decisions.CastVote) -> FeedItem:
    """An official's vote (or, where the council recorded none of their own, their party's), at the decision's page."""
    d = cast.decision
    url = site_url + KINDS["decision"].page_url(d.id)
    who = "Voted" if cast.own else "Party voted"
    whose = "" if cast.own else "The council recorded their party's vote, not their own. "
    summary = f"{whose}The proposal was {d.outcome}. {' '.join(d.summary.split())} Source: {d.source}"
    return FeedItem(f"{who} {cast.vote}: {_short(d.title)}", url, d.date, _topics(catalog, d.topics), summary, f"{url}#vote-{official.id}")


def contact_item(catalog: Catalog, site_url: str, page: str, contact: Any, who: str) -> FeedItem:
    """A contact recorded with officials: its kind and with whom, at the page that lists it."""
    url = f"{site_url}{page}#contacts"
    summary = " ".join(x for x in (contact.note or "", f"Source: {contact.source}") if x)
    return FeedItem(f"{contact.kind.capitalize()} with {who}", url, contact.date, (), summary, f"{url}/{contact.date.isoformat()}/{contact.kind}")


def _names(catalog: Catalog, ids) -> str:
    return ", ".join(catalog.get("official", i).name for i in ids)


def post_items(catalog: Catalog, site_url: str, official: Any) -> list[FeedItem]:
    """The posts an official took up and left: each start, and each end that is written."""
    url = site_url + KINDS["official"].page_url(official.id)
    items = []
    for h in catalog.holdings_of(official):
        items.append(FeedItem(f"Took up the post: {h.post.title}", url, h.start, (), "", f"{url}#post-{h.post.id}/start/{h.start.isoformat()}"))
        if h.end is not None:
            items.append(FeedItem(f"Left the post: {h.post.title}", url, h.end, (), "", f"{url}#post-{h.post.id}/end/{h.end.isoformat()}"))
    return items


def unique_ids(items: list[FeedItem]) -> list[FeedItem]:
    """Items whose ids repeat (two steps of one ask on one day with one status) get `/2`, `/3`… in their order."""
    from dataclasses import replace

    seen: Counter = Counter()
    out = []
    for item in items:
        key = item.guid or item.url
        seen[key] += 1
        out.append(replace(item, guid=f"{key}/{seen[key]}") if seen[key] > 1 else item)
    return out


def lobby_items(catalog: Catalog, site_url: str) -> list[FeedItem]:
    """Every step, every decision and every recorded contact."""
    items = [step_item(catalog, site_url, v, s) for v in lobby.asks(catalog) for s in v.ask.history]
    items += [decision_item(catalog, site_url, d) for d in catalog.all("decision")]
    for o in catalog.all("official"):
        items += [contact_item(catalog, site_url, KINDS["official"].page_url(o.id), c, o.name) for c in o.contacts]
    for p in catalog.all("position"):
        items += [contact_item(catalog, site_url, KINDS["position"].page_url(p.id), c, _names(catalog, c.officials)) for c in p.contacts]
    return unique_ids(items)


def official_items(catalog: Catalog, site_url: str, official: Any) -> list[FeedItem]:
    """The steps and votes that concern an official, the contacts with them, and the posts they took up or left."""
    items = [step_item(catalog, site_url, v, s) for v, s in lobby.steps_concerning(catalog, official)]
    items += [vote_item(catalog, site_url, official, v) for v in decisions.votes_of(catalog, official)]
    for c in lobby.contacts_with(catalog, official):
        page = KINDS["position"].page_url(c.position.id) if c.position is not None else KINDS["official"].page_url(official.id)
        items.append(contact_item(catalog, site_url, page, c, official.name))
    return unique_ids(items + post_items(catalog, site_url, official))


def position_items(catalog: Catalog, site_url: str, position: Any) -> list[FeedItem]:
    """The steps of a position's asks, the decisions on them, and the contacts about it."""
    items = [step_item(catalog, site_url, v, s) for v in lobby.asks(catalog, [position]) for s in v.ask.history]
    items += [decision_item(catalog, site_url, d) for d in decisions.for_position(catalog, position)]
    page = KINDS["position"].page_url(position.id)
    items += [contact_item(catalog, site_url, page, c, _names(catalog, c.officials)) for c in position.contacts]
    return unique_ids(items)


def lobby_feed_files(catalog: Catalog, site_url: str) -> dict[str, str]:
    """Every lobby feed: site path → RSS text."""
    files = {
        LOBBY_FEED: rss(
            "The lobby",
            site_url + "lobby/tracker/",
            site_url + LOBBY_FEED,
            "Every step of the platform's asks, every council decision on them and every contact with officials.",
            lobby_items(catalog, site_url),
        )
    }
    for o in catalog.all("official"):
        files[feed_path("official", o.id)] = rss(
            f"{o.name}: the lobby",
            site_url + KINDS["official"].page_url(o.id),
            site_url + feed_path("official", o.id),
            f"The steps on the asks {o.name} holds or is named in, their votes, our contacts with them and the posts they take up or leave.",
            official_items(catalog, site_url, o),
        )
    for p in catalog.all("position"):
        files[feed_path("position", p.id)] = rss(
            f"{p.title}: the lobby",
            site_url + KINDS["position"].page_url(p.id),
            site_url + feed_path("position", p.id),
            "The steps on this position's asks, the council's decisions on them and our contacts with officials about it.",
            position_items(catalog, site_url, p),
        )
    return files


def sitemaps_beside(feeds: list[str], pages: list[str], site_url: str) -> dict[str, str]:
    """A sitemap in each feed's folder, listing the pages in that folder (see feeds.py for why)."""
    folders = sorted({feed.rsplit("/", 1)[0] + "/" for feed in feeds})
    return {folder + "sitemap.xml": folder_sitemap(site_url, sorted(u for u in pages if u.startswith(folder))) for folder in folders}
