"""The lobby: asks through posts to officials, inheritance when a post changes holder,
the tracker's counts, and the printed briefing."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import yaml
from conftest import ROOT, build, in_language, write
from htmltools import read

from macros.cli import main


def raw(folder: str) -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "data" / folder).glob("*.yml"))}


@pytest.mark.slow
def test_a_new_holder_inherits_the_asks_and_history_names_the_old_one(tiny, tmp_path):
    write(
        tiny,
        "officials/an-alderman.yml",
        "name: An Alderman\nmemberships:\n  - post: wethouder\n    start: 2020-01-01\n    end: 2023-12-31\nsources: [https://example.org/a]\n",
    )
    write(
        tiny, "officials/new-alderman.yml", "name: New Alderman\nmemberships:\n  - post: wethouder\n    start: 2024-01-01\nsources: [https://example.org/b]\n"
    )
    position = (tiny / "data/positions/buy-social.yml").read_text().replace("date: 2025-03-01", "date: 2023-03-01")
    write(tiny, "positions/buy-social.yml", position)
    result = build(tiny, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    out = tmp_path / "out"
    new = read(out, "lobby/officials/new-alderman/")
    assert "Reserve contracts for social enterprises." in new.text
    assert "../../positions/buy-social/#ask-reserve" in new.links()
    old = read(out, "lobby/officials/an-alderman/")
    assert "No current position of the platform targets" in old.text
    page = read(out, "lobby/positions/buy-social/")
    text = page.text.replace(" ", "")
    assert "Filethenheldby:Aldermanforwork:AnAlderman" in text
    assert "Whoholdsthefile Aldermanforwork:NewAlderman".replace(" ", "") in text  # who holds it now
    post = read(out, "lobby/posts/wethouder/")
    assert post.text.index("New Alderman") < post.text.index("An Alderman")  # newest holder first


def test_tracker_counts_equal_counts_from_the_yaml(example_site):
    counts: dict[str, int] = {}
    for position in raw("positions").values():
        for ask in position["asks"]:
            status = ask["history"][-1]["status"] if ask.get("history") else "drafted"
            counts[status] = counts.get(status, 0) + 1
    page = read(example_site, "lobby/tracker/")
    html = (example_site / "lobby/tracker/index.html").read_text(encoding="utf-8")
    shown = {attrs["data-status-count"] for _, attrs in page.elements if "data-status-count" in attrs}
    assert shown >= set(counts)
    for status in shown:
        value = html.split(f'data-status-count="{status}">', 1)[1].split("<", 1)[0]
        assert int(value) == counts.get(status, 0), status
    rows = [attrs for _, attrs in page.elements if "data-ask" in attrs]
    assert len(rows) == sum(counts.values())
    assert {r["data-ask"] for r in rows} == {f"{pid}#{a['id']}" for pid, p in raw("positions").items() for a in p["asks"]}


def test_every_status_of_the_ask_lifecycle_is_exercised():
    statuses = {s["status"] for p in raw("positions").values() for a in p["asks"] for s in a.get("history", [])}
    assert statuses == {"asked", "acknowledged", "committed", "delivered", "refused"}


def open_asks_of(official_id: str) -> list[str]:
    """Open asks of an official, computed from the YAML: posts held today, active positions, last step not closed."""
    today = dt.date.today()
    official = raw("officials")[official_id]
    posts = {m["post"] for m in official["memberships"] if m["start"] <= today and (m.get("end") is None or m["end"] >= today)}
    return [
        in_language(a["text"])
        for p in raw("positions").values()
        if p["status"] == "active" and posts & set(p.get("targets", []))
        for a in p["asks"]
        if not a.get("history") or a["history"][-1]["status"] not in ("delivered", "refused")
    ]


def printed(browser, url: str) -> list[str]:
    """The text of each A4 page Chromium prints for `url`."""
    from pypdf import PdfReader

    page = browser.new_page()
    page.goto(url)
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    page.close()
    return [" ".join(p.extract_text().split()) for p in pdf.pages]


@pytest.mark.browser
def test_the_briefing_prints_every_open_ask_and_no_site_chrome(browser, example_url):
    official = max(raw("officials"), key=lambda o: len(open_asks_of(o)))
    asks = open_asks_of(official)
    assert asks
    text = " ".join(printed(browser, example_url + f"en/lobby/officials/{official}/briefing/"))  # the English briefing
    squeezed = text.replace(" ", "")
    missing = [a for a in asks if a.replace(" ", "") not in squeezed]
    assert missing == []
    for chrome in ("Social Enterprise Platform Amsterdam", "Search", "Back to the official", "Made with", "Showcase Lobby"):
        assert chrome not in text, chrome


@pytest.mark.browser
@pytest.mark.parametrize("official", sorted(raw("officials")))
def test_every_briefing_prints_on_one_or_two_a4_pages_without_empty_ones(official, browser, example_url):
    pages = printed(browser, example_url + f"lobby/officials/{official}/briefing/")
    assert 1 <= len(pages) <= 2
    assert all(len(text) > 20 for text in pages)  # no empty page


def test_the_official_page_links_to_the_briefing(example_site):
    for official in raw("officials"):
        assert "briefing/" in read(example_site, f"lobby/officials/{official}/").links()


def test_every_ask_has_its_anchor_on_its_position_page(example_site):
    for pid, position in raw("positions").items():
        ids = {attrs.get("id") for _, attrs in read(example_site, f"lobby/positions/{pid}/").elements}
        assert {f"ask-{a['id']}" for a in position["asks"]} <= ids, pid


def test_stats_lists_quiet_asks_and_ended_officials(capsys):
    assert main(["stats", "--quiet-days", "30", str(ROOT / "data")]) == 0
    out = capsys.readouterr().out
    assert "no step for more than 30 days" in out
    assert "every membership has ended" in out


@pytest.mark.slow
@pytest.mark.browser
def test_a_heavy_briefing_still_prints_on_two_a4_pages_at_most(tiny, tmp_path, browser):
    from conftest import serve

    note = "A long note about what was said at the meeting, who promised what, and which document the council will publish next month. "
    steps = "".join(
        f'      - date: 2025-0{m}-01\n        status: acknowledged\n        note: "{note}"\n        source: https://example.org/{m}\n' for m in range(1, 8)
    )
    # The first ask keeps the id the tiny site's decision names.
    asks = "".join(
        f'  - id: {"reserve" if i == 0 else f"ask-{i}"}\n    text: "{"Reserve contracts for social enterprises in every category of the city purchasing plan, " * 2}{i}"\n    history:\n{steps}'
        for i in range(8)
    )
    write(
        tiny,
        "positions/buy-social.yml",
        f"title: Buy social\nsummary: The city buys from social enterprises.\nstatus: active\nlast_reviewed: 2026-01-01\ntargets: [wethouder]\nasks:\n{asks}",
    )
    write(tiny, "officials/an-alderman.yml", "name: An Alderman\nmemberships:\n  - post: wethouder\n    start: 2020-01-01\nsources: [https://example.org/a]\n")
    result = build(tiny, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    url, server = serve(tmp_path / "out")
    try:
        pages = printed(browser, url + "lobby/officials/an-alderman/briefing/")
    finally:
        server.shutdown()
    assert 1 <= len(pages) <= 2, [len(p) for p in pages]
    assert "ask-7" in "".join(pages).replace(" ", "")
