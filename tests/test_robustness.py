"""Valid means builds: whatever `wise check` accepts, the site is made from it without a traceback.

Hypothesis writes whole records of the kinds with dates, numbers and free text into a copy of the tiny
fixture site, with values at the edges of what the checker accepts (the first and last days allowed,
date-times with any offset or none, all-day and timed events side by side, the largest numbers, any
printable text, Markdown built from the characters that make renderers slow). Each data set is either
refused by the checker, with problem lines, or turned into every page, export, calendar and `wise stats`
report without an exception; a few are built end to end by MkDocs. (Values beyond the edges have tests
of their own, one per kind of bad input.)
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import FIXTURES, build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.data import read_data
from macros.pages import render_pages, static_files
from macros.problems import DataError
from macros.stats import stats_lines

ZONES = [None, dt.UTC, dt.timezone(dt.timedelta(hours=14)), dt.timezone(dt.timedelta(hours=-12)), ZoneInfo("Europe/Amsterdam")]
# Values at the edges of what the checker accepts (invalid values have tests of their own, one per kind of bad input).
DAY = st.one_of(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.sampled_from([dt.date(1900, 1, 1), dt.date(2100, 12, 31)]))
AT = st.datetimes(min_value=dt.datetime(1900, 1, 2), max_value=dt.datetime(2100, 12, 30), timezones=st.sampled_from(ZONES))
COUNT = st.one_of(st.integers(min_value=0, max_value=12), st.integers(min_value=0, max_value=10**12 - 1))
AMOUNT = st.one_of(COUNT.map(str), st.decimals(min_value=0, max_value=10**12 - 1, places=6, allow_nan=False).map(lambda d: format(d, "f")))
DEGREES = st.decimals(min_value=-90, max_value=90, places=6, allow_nan=False).map(lambda d: format(d, "f"))
LINE = st.text(st.characters(codec="utf-8", blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40).filter(str.strip)
TEXT = st.text(st.characters(codec="utf-8", blacklist_categories=("Cs", "Cc", "Zl", "Zp"), whitelist_characters="\n\t"), max_size=60)
MARKDOWN = (
    st.lists(
        st.sampled_from(
            ["[", "]", ">", "> ", "- ", "    - ", "**", "_", "`", "|", "\n", "\n\n", "<b>", "a", "![x](", "](http://x)", "#", "{{ 7*7 }}", "&amp;"]
        ),
        max_size=300,
    ).map("".join)
    | TEXT
)


def q(value: str) -> str:
    """A YAML double-quoted scalar holding exactly `value` (JSON's string syntax is YAML's; characters beyond
    ASCII are written as themselves, since YAML reads no surrogate pairs)."""
    return json.dumps(value, ensure_ascii=False)


@st.composite
def period(draw, dates_only: bool = False) -> tuple[str, str | None]:
    """A start and an optional end after it, both days or both date-times."""
    if dates_only or draw(st.booleans()):
        start, end = sorted([draw(DAY), draw(DAY)])
        return start.isoformat(), (end.isoformat() if draw(st.booleans()) else None)
    start = draw(AT)
    end = start + dt.timedelta(minutes=draw(st.integers(min_value=0, max_value=60 * 24 * 400)))
    return start.isoformat(), (end.isoformat() if draw(st.booleans()) and end.year <= 2100 else None)


@st.composite
def data_sets(draw) -> dict[str, str]:
    """File path under data/ → YAML text, for one record of each kind that has edges worth trying."""
    start, end = draw(period())
    second, _ = draw(period())
    since, until = draw(period(dates_only=True))
    step1, step2 = sorted([draw(DAY), draw(DAY)])
    jobs = draw(COUNT)
    staff = jobs + draw(st.integers(min_value=0, max_value=10**12 - 1 - jobs))
    district = draw(COUNT)
    city = district + draw(st.integers(min_value=0, max_value=10**12 - 1 - district))
    member_start, member_end = draw(period(dates_only=True))
    return {
        "enterprises/kantine.yml": (
            f"example: true\nname: {q(draw(LINE))}\nsummary: {q(draw(LINE))}\ndescription: {q(draw(MARKDOWN))}\n"
            f"sector: catering\ndistrict: oost\ngeo: {{lat: {q(draw(DEGREES))}, lon: {q(draw(DEGREES))}}}\n"
            f"how_to_apply: {q(draw(TEXT) or 'Call us.')}\n"
            f"certifications:\n  - scheme: keurmerk\n    status: {draw(st.sampled_from(['applied', 'certified', 'expired', 'withdrawn']))}\n"
            f"    since: {since}\n"
            + (f"    until: {until}\n" if until else "")
            + f"figures:\n  - year: {draw(st.integers(min_value=1900, max_value=2100))}\n    jobs_target_group: {jobs}\n    moved_to_paid_work: {draw(COUNT)}\n"
            f"    staff_total: {staff}\n"
        ),
        "seminars/procurement-101.yml": (
            f"title: {q(draw(LINE))}\nstart: {q(start)}\n" + (f"end: {q(end)}\n" if end else "") + f"location: {{name: Hall}}\nsummary: {q(draw(MARKDOWN))}\n"
        ),
        "seminars/second.yml": f"title: Second\nstart: {q(second)}\nonline_url: https://example.org/live\n",
        "positions/buy-social.yml": (
            f"title: Buy social\nsummary: {q(draw(LINE))}\nstatus: active\nlast_reviewed: {draw(DAY)}\ntargets: [wethouder]\nrationale: {q(draw(MARKDOWN))}\n"
            f"asks:\n  - id: reserve\n    text: {q(draw(LINE))}\n    history:\n"
            f"      - {{date: {step1}, status: asked, source: https://example.org/a, officials: [an-alderman]}}\n"
            f"      - {{date: {step2}, status: committed, source: https://example.org/b, note: {q(draw(TEXT) or 'n')}}}\n"
        ),
        "campaigns/week.yml": (
            f"name: Week\ngoal: G\nstart: {draw(DAY)}\nmetrics:\n  - {{label: L, target: {q(draw(AMOUNT))}, current: {q(draw(AMOUNT))}, as_of: {draw(DAY)}}}\n"
            f"milestones:\n  - {{date: {draw(DAY)}, title: {q(draw(LINE))}}}\n"
        ),
        "monitoring/2024.yml": (
            "example: true\nyear: 2024\nsource: {title: T}\n"
            f"measures: {{jobs_target_group: {city}, moved_to_paid_work: {draw(COUNT)}, market_revenue_share: {draw(st.integers(min_value=0, max_value=100))}}}\n"
            f"by_district:\n  oost: {{jobs_target_group: {district}}}\n"
        ),
        "officials/an-alderman.yml": (
            f"name: An Alderman\nmemberships:\n  - post: wethouder\n    start: {member_start}\n"
            + (f"    end: {member_end}\n" if member_end else "")
            + "sources: [https://example.org/a]\n"
        ),
    }


def site_with(files: dict[str, str], root: Path) -> Path:
    site = root / "site"
    shutil.copytree(FIXTURES / "tiny", site)
    for name, text in files.items():
        (site / "data" / name).write_text(text, encoding="utf-8")
    return site


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data_sets())
def test_whatever_the_checker_accepts_becomes_pages_exports_and_calendars(files):
    with tempfile.TemporaryDirectory() as root:
        site = site_with(files, Path(root))
        try:
            catalog = read_data(site / "data", site / "docs")
        except DataError as refused:
            assert refused.problems and all(p.line >= 1 and p.col >= 1 for p in refused.problems)
            return
        pages = render_pages(catalog)
        published = static_files(catalog, "https://wise.example.org/")
        stats_lines(catalog)
    assert pages and published
    for name, text in published.items():
        if name.endswith(".json"):  # strict JSON: a NaN or Infinity number (not the word in a text) is refused
            json.loads(text, parse_constant=refuse_constant(name))


@pytest.mark.slow
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(data_sets())
def test_whatever_the_checker_accepts_builds_with_mkdocs(tmp_path_factory, files):
    root = tmp_path_factory.mktemp("robust")
    site = site_with(files, root)
    try:
        read_data(site / "data", site / "docs")
    except DataError:
        return
    result = build(site, root / "out")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Traceback" not in result.stdout + result.stderr


def refuse_constant(name: str):
    """A JSON reader's hook for NaN and Infinity: fails the test naming the file."""

    def refuse(constant: str):
        pytest.fail(f"{name} holds the number {constant}")

    return refuse
