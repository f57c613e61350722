"""The shipped example data, built once with the project's own mkdocs.yml."""

from __future__ import annotations

import re

from conftest import ROOT
from htmltools import read
from test_build import assert_nothing_lost, expected_records, leftovers

from macros.data import read_data


def test_example_site_loses_nothing(example_site):
    assert_nothing_lost(ROOT / "data", example_site)


def test_example_site_has_no_leftover_template_text(example_site):
    assert leftovers(example_site) == []


def test_every_fictional_record_says_so_on_its_page(example_site):
    catalog = read_data(ROOT / "data", ROOT / "docs")
    for kind, record_id, url, _ in expected_records(ROOT / "data"):
        record = catalog.get(kind, record_id)
        # The note in each language: Dutch at the root, English under /en/.
        assert ("Voorbeeldgegevens" in read(example_site, url).text) == record.example, (kind, record_id)
        assert ("Example data" in read(example_site, "en/" + url).text) == record.example, (kind, record_id)


def test_seed_figures_are_real_and_cited(example_site):
    catalog = read_data(ROOT / "data", ROOT / "docs")
    year = catalog.get("monitoring", "2016")
    assert not year.example
    assert (year.measures.jobs_target_group, year.measures.moved_to_paid_work) == (2720, 431)
    assert "Stimulation of WISEs @ local level" in year.source.title
    home = read(example_site, "")
    assert "2,720" in home.text and "431" in home.text and "Stimulation of WISEs @ local level" in home.text
    assert [attrs["data-source"] for _, attrs in home.elements if attrs.get("data-year") == "2016"]


def test_example_data_is_as_rich_as_the_issue_asks():
    catalog = read_data(ROOT / "data", ROOT / "docs")
    enterprises = catalog.all("enterprise")
    assert len(enterprises) >= 30
    assert len({e.district for e in enterprises}) == 8 and len({e.sector for e in enterprises}) >= 8
    assert catalog.count("post") >= 6 and catalog.count("official") >= 8
    assert any(len({h.official.id for h in catalog.holdings(p.id)}) > 1 for p in catalog.all("post"))
    positions = catalog.all("position")
    asks = [a for p in positions for a in p.asks]
    assert len(positions) >= 4 and len(asks) >= 10 and all(s.source for a in asks for s in a.history)
    assert {s.status for a in asks for s in a.history} == {"asked", "acknowledged", "committed", "delivered", "refused"}
    assert catalog.count("campaign") >= 2 and "collectively-out" in {c.id for c in catalog.all("campaign")}
    assert catalog.manifesto.signatories
    seminars = catalog.all("seminar")
    assert len(seminars) >= 6
    assert catalog.count("network") >= 3 and catalog.count("scheme") >= 3
    decisions = catalog.all("decision")
    assert len(decisions) >= 12 and all(d.example for d in decisions)
    assert sum(1 for d in decisions if d.votes) >= 8 and any(d.votes and d.votes.officials for d in decisions)
    assert {d.outcome for d in decisions} == {"adopted", "rejected", "withdrawn", "promised"}
    # The seed's policy threads: co-written policy, outcome reporting, social procurement.
    named = {(a.position, a.ask) for d in decisions for a in d.asks}
    assert {("governance-on-content", "co-written-policy"), ("governance-on-content", "outcome-reporting")} <= named
    assert any(position == "social-buying-city" for position, _ in named)
    assert any(o.contacts for o in catalog.all("official")) and any(p.contacts for p in positions)
    # Easy read on every enterprise and position; a glossary of the words the issue names, hard words marked.
    assert [e.id for e in enterprises if not e.easy_read] == [] and [p.id for p in positions if not p.easy_read] == []
    terms = {t.id: t for t in catalog.glossary.terms}
    named = {"wise", "social-enterprise", "social-return", "reserved-contract", "cpv", "isomorphism", "governance-arrangements", "momentum", "upscaling"}
    assert named <= set(terms) and {"buy-social", "job-coach", "wage-cost-subsidy"} <= set(terms)
    assert terms["wage-cost-subsidy"].dutch == "loonkostensubsidie" and terms["isomorphism"].hard and not terms["job-coach"].hard


def test_published_data_files_have_no_leftover_template_or_python_text(example_site):
    """No leftover template or Python text beyond the HTML either: the exports, calendars and search index."""
    import json
    import re

    bad = re.compile(
        r"\{\{|\{%|\{#|\[object Object\]|Macro Rendering Error|Traceback \(most recent|(?:[:=(,\[]\s*)\b(?:None|nan|NaN|undefined)\b|\"(?:None|nan|NaN)\""
    )
    files = [
        *sorted((example_site / "data").glob("*.json")),
        *sorted((example_site / "data").glob("*.csv")),
        *sorted((example_site / "data" / "hsds").glob("*.*")),
        *sorted((example_site / "seminars").glob("*.ics")),
    ]
    found = [f"{p.relative_to(example_site)}: {m.group()!r}" for p in files for m in [bad.search(p.read_text(encoding="utf-8"))] if m]
    from macros.search import read_index

    # The index is the pages' text, code spans included: a hit there counts unless the page shows it as code.
    quoted = re.compile(r"<code>.*?</code>", re.S)

    def shown_outside_code(url: str) -> bool:
        return bool(bad.search(quoted.sub("", (example_site / url.lstrip("/") / "index.html").read_text(encoding="utf-8"))))

    found += [
        f"search index, {url}: {m.group()!r}"
        for url, page in read_index(example_site).items()
        for m in [bad.search(page["content"])]
        if m and shown_outside_code(url)
    ]
    assert found == []
    # The site's own exports are arrays of records; Popolo's top level is the standard's object of four lists.
    for path in (example_site / "data").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert (
            isinstance(data, dict) and set(data) == {"persons", "organizations", "posts", "memberships"}
            if path.name == "popolo.json"
            else isinstance(data, list)
        )


def test_news_has_a_feed_with_every_post_that_parses_cleanly(example_site):
    import feedparser

    parsed = feedparser.parse((example_site / "news" / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    posts = sorted((ROOT / "docs" / "news" / "posts").glob("*.md"))
    headings = {next(line[2:].strip() for line in p.read_text(encoding="utf-8").splitlines() if line.startswith("# ")) for p in posts}
    assert {e.title for e in parsed.entries} == headings
    assert all("!!!" not in e.summary and "None" not in e.summary for e in parsed.entries)  # rendered text, not Markdown
    assert "feed.xml" in read(example_site, "news/").links()  # a visible link


def test_buy_social_facet_counts_are_the_counts_the_yaml_implies(example_site):
    """Each filter value's count on the page, before any script runs: how many offers (an enterprise under one of
    its categories) have it, computed here from the YAML."""
    import datetime as dt
    from collections import Counter

    import yaml
    from test_buyers_browser import article20
    from test_showcase_browser import delivers_in

    enterprises = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "data" / "enterprises").glob("*.yml"))}
    districts = [d["id"] for d in yaml.safe_load((ROOT / "data" / "vocabularies" / "districts.yml").read_text(encoding="utf-8"))["entries"]]
    want: dict[str, Counter] = {"category": Counter(), "area": Counter(), "article20": Counter()}
    for e in enterprises.values():
        for category in sorted({o["category"] for o in e.get("offerings", [])}):
            want["category"][category] += 1
            want["article20"][article20(e, dt.date.today())] += 1
            for d in districts:
                want["area"][d] += delivers_in(e, d)
    html = (example_site / "buy-social" / "index.html").read_text(encoding="utf-8")
    page = read(example_site, "buy-social/")
    boxes = [(a["name"], a["value"]) for t, a in page.elements if t == "input" and a.get("type") == "checkbox" and "name" in a]
    counts = [int(c) for c in re.findall(r"data-value-count>(\d+)<", html)]
    shown = dict(zip(boxes, counts, strict=True))
    for facet, expected in want.items():
        assert {v: n for (f, v), n in shown.items() if f == facet and n} == {v: n for v, n in expected.items() if n}, facet
