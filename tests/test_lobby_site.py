"""The lobby on the built example site, checked against the YAML (read here with PyYAML's safe loader, which only
tests use): officials marked current or former, the scorecard's statuses, district pages' counts and figures, the
feeds (parsed with feedparser) and their links in the head and on the page."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import yaml
from conftest import ROOT
from htmltools import read, resolve


def raw(folder: str) -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "data" / folder).glob("*.yml"))}


def day(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def holds(official: dict, posts: set[str], when: dt.date) -> bool:
    """Whether the official held one of `posts` on a day."""
    return any(m["post"] in posts and day(m["start"]) <= when and ("end" not in m or when <= day(m["end"])) for m in official["memberships"])


def test_every_official_is_marked_current_or_former_as_their_memberships_say(example_site):
    today = dt.date.today()
    officials = raw("officials")
    page = read(example_site, "lobby/officials/")
    marked = {a["data-record"].split(":")[1]: a["data-official-state"] for _, a in page.elements if "data-official-state" in a}
    expected = {o: "current" if holds(x, {m["post"] for m in x["memberships"]}, today) else "former" for o, x in officials.items()}
    assert marked == expected
    assert "former" in marked.values() and "current" in marked.values()


def article_status(found: list[dict]) -> str:
    """The scorecard's rule, written again from its documentation: the newest day with an effect decides."""
    effects = {("adopted", "for"): "+", ("adopted", "against"): "-", ("rejected", "for"): "-", ("rejected", "against"): "+", ("promised", "for"): "~"}
    effects[("promised", "against")] = "-"
    dated = [(day(d["date"]), effects[(d["outcome"], d.get("stance", "for"))]) for d in found if d["outcome"] != "withdrawn"]
    if not dated:
        return "no-decision-yet"
    newest = {e for when, e in dated if when == max(w for w, _ in dated)}
    return {frozenset("+"): "kept", frozenset("-"): "broken"}.get(frozenset(newest), "in-progress")


def test_the_scorecards_statuses_follow_from_the_decisions_by_its_rule(example_site):
    decisions = raw("decisions")
    articles = yaml.safe_load((ROOT / "data" / "manifesto.yml").read_text(encoding="utf-8"))["articles"]
    page = read(example_site, "manifesto/scorecard/")
    marked = [a["data-article-status"] for _, a in page.elements if "data-article-status" in a]
    assert marked == [f"{a['id']}:{article_status([d for d in decisions.values() if a['id'] in d.get('articles', [])])}" for a in articles]
    assert {m.split(":")[1] for m in marked} == {"kept", "in-progress", "broken", "no-decision-yet"}
    # Every cell that names a decision links to it and to its source.
    links = set(page.links())
    for decision_id, d in decisions.items():
        if d.get("articles"):
            assert f"../../lobby/decisions/{decision_id}/" in links and d["source"] in links


def test_a_district_page_counts_its_enterprises_and_shows_the_monitors_figures_for_it(example_site):
    enterprises = raw("enterprises")
    districts = yaml.safe_load((ROOT / "data" / "vocabularies" / "districts.yml").read_text(encoding="utf-8"))["entries"]
    latest = max(raw("monitoring"), key=int)
    monitor = read(example_site, f"monitor/{latest}/")
    for entry in districts:
        page = read(example_site, f"districts/{entry['id']}/")
        want = {e for e, x in enterprises.items() if x["district"] == entry["id"]}
        assert [a["data-count"] for _, a in page.elements if "data-count" in a] == [str(len(want))], entry["id"]
        shown = {a["data-record"].split(":")[1] for _, a in page.elements if a.get("data-record", "").startswith("enterprise:")}
        assert shown == want, entry["id"]
        figures = [a for _, a in page.elements if a.get("data-year") == latest]
        assert figures and all(a["data-source"] for a in figures)
    # The monitor's district table links each district's page; the showcase's district filter does too.
    assert {f"districts/{e['id']}/" for e in districts} <= {resolve(f"monitor/{latest}/", h) for h in monitor.links()}
    assert {f"districts/{e['id']}/" for e in districts} <= {resolve("showcase/", h) for h in read(example_site, "showcase/").links()}


def test_the_district_figures_are_the_monitors_cells_for_that_district(example_site):
    latest = max(raw("monitoring"), key=int)
    html = (example_site / "en" / "monitor" / latest / "index.html").read_text(encoding="utf-8")  # the English pages
    for district in ("weesp", "noord"):
        row = re.search(rf'href="../../districts/{district}/">[^<]*</a></th>(.*?)</tr>', html, re.S).group(1)
        cells = re.findall(r"<td>([^<]*)</td>", row)
        head = html.split("<caption>Figures by district", 1)[1].split("</thead>", 1)[0]
        columns = re.findall(r'<th scope="col">([^<]*)</th>', head)[1:]
        page = (example_site / "en" / "districts" / district / "index.html").read_text(encoding="utf-8")
        shown = [(label, cell) for label, cell in zip(columns, cells, strict=True) if label in ("People of the target group at work", "Moved on to paid work")]
        assert len(shown) == 2
        for label, cell in shown:
            assert f"<strong>{cell}</strong> {label} ({latest})" in page, (district, label)


def feed_links(site: Path, url: str) -> tuple[list[str], list[str]]:
    """The feeds a page names in its head and those it links visibly, as site paths."""
    page = read(site, url)
    head = [resolve(url, a["href"]) for t, a in page.elements if t == "link" and a.get("type") == "application/rss+xml"]
    shown = [resolve(url, a["href"]) for t, a in page.elements if t == "a" and a.get("type") == "application/rss+xml"]
    return head, shown


def test_each_feed_is_named_in_the_head_linked_visibly_and_has_a_sitemap_beside_it(example_site):
    pages = {f"lobby/officials/{o}/": f"lobby/officials/{o}/feed.xml" for o in raw("officials")}
    pages |= {f"lobby/positions/{p}/": f"lobby/positions/{p}/feed.xml" for p in raw("positions")}
    pages |= {u: "lobby/feed.xml" for u in ("lobby/officials/", "lobby/positions/", "lobby/decisions/", "lobby/tracker/")}
    for url, feed in pages.items():
        assert feed_links(example_site, url) == ([feed], [feed]), url
        assert (example_site / feed).is_file() and (example_site / feed).with_name("sitemap.xml").is_file(), feed
    assert feed_links(example_site, "showcase/") == ([], [])


def test_every_feed_parses_without_complaint_and_the_lobbys_holds_every_step_decision_and_contact(example_site):
    feeds = sorted((example_site / "lobby").rglob("feed.xml"))
    assert len(feeds) == 1 + len(raw("officials")) + len(raw("positions"))
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    positions, officials = raw("positions"), raw("officials")
    steps = sum(len(a.get("history", [])) for p in positions.values() for a in p["asks"])
    contacts = sum(len(x.get("contacts", [])) for x in [*positions.values(), *officials.values()])
    whole = feedparser.parse((example_site / "lobby" / "feed.xml").read_bytes())
    assert len(whole.entries) == steps + len(raw("decisions")) + contacts
    assert len({e.id for e in whole.entries}) == len(whole.entries)


def concerning(official_id: str) -> tuple[set[tuple[str, dt.date]], set[str]]:
    """The steps (ask anchor, day) and the votes (decision id) that concern an official, from the YAML: steps that name
    them or were taken while they held a post the position targets; decisions naming an ask or article where the
    council recorded their vote, or their party's while they held a council post."""
    officials, positions, posts = raw("officials"), raw("positions"), raw("posts")
    official = officials[official_id]
    steps = set()
    for pid, p in positions.items():
        for a in p["asks"]:
            for s in a.get("history", []):
                if official_id in s.get("officials", []) or holds(official, set(p.get("targets", [])), day(s["date"])):
                    steps.add((f"lobby/positions/{pid}/#ask-{a['id']}", day(s["date"])))
    seats = {pid for pid, p in posts.items() if p["body"] == "council"}
    votes = set()
    for did, d in raw("decisions").items():
        v = d.get("votes") or {}
        own = [x for x in v.get("officials", []) if x["official"] == official_id]
        party = [x for x in v.get("parties", []) if x["party"] == official.get("party")]
        if (d.get("asks") or d.get("articles")) and (own or (party and holds(official, seats, day(d["date"])))):
            votes.add(did)
    return steps, votes


def test_an_officials_feed_holds_exactly_the_steps_and_votes_that_concern_them(example_site):
    for official_id in raw("officials"):
        parsed = feedparser.parse((example_site / "lobby" / "officials" / official_id / "feed.xml").read_bytes())
        site_url = parsed.feed.link.split("lobby/")[0]
        steps = {(e.link.removeprefix(site_url), dt.date(*e.published_parsed[:3])) for e in parsed.entries if "#ask-" in e.link}
        votes = {e.link.removeprefix(site_url).split("/")[2] for e in parsed.entries if e.id.endswith(f"#vote-{official_id}")}
        assert (steps, votes) == concerning(official_id), official_id
    assert any(concerning(o)[1] for o in raw("officials"))


def test_a_lobby_item_links_a_page_and_anchor_that_exist(example_site):
    parsed = feedparser.parse((example_site / "lobby" / "feed.xml").read_bytes())
    site_url = parsed.feed.link.split("lobby/")[0]
    for entry in parsed.entries:
        path, _, anchor = urljoin(site_url, entry.link).removeprefix(site_url).partition("#")
        html = (example_site / path / "index.html").read_text(encoding="utf-8")
        assert not anchor or f'id="{anchor}"' in html, entry.link
