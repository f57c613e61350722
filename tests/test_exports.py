"""Open data is a public API: golden files, every record and field present, parsed back losslessly."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from conftest import FIXTURES, ROOT

from macros.data import read_data
from macros.exports import CSV_LIST_SEPARATOR, columns, export_files, row
from macros.exports.ics import ics_files
from macros.kinds import KINDS, introspect

GOLDEN = FIXTURES / "tiny-exports"


@pytest.fixture(scope="module")
def tiny_catalog():
    return read_data(FIXTURES / "tiny" / "data", FIXTURES / "tiny" / "docs")


@pytest.fixture(scope="module")
def example_catalog():
    return read_data(ROOT / "data", ROOT / "docs")


def test_exports_match_the_golden_files(tiny_catalog):
    """Regenerate with `wise export --out tests/fixtures/tiny-exports tests/fixtures/tiny/data` (then drop schemas/)."""
    files = export_files(tiny_catalog)
    assert sorted(files) == sorted(f"data/{p.name}" for p in GOLDEN.iterdir() if p.is_file())
    for name, text in files.items():
        with open(GOLDEN / name.removeprefix("data/"), encoding="utf-8", newline="") as golden:
            assert text == golden.read(), name


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_record_and_field_round_trips(kind, example_catalog):
    files = export_files(example_catalog)
    records = example_catalog.all(kind)
    parsed_json = json.loads(files[f"data/{kind}.json"])
    assert [r["id"] for r in parsed_json] == [r.id for r in records]
    assert all(list(r) == columns(kind) for r in parsed_json)
    text = files[f"data/{kind}.csv"]
    assert text.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert table[0] == columns(kind)
    assert len(table) == len(records) + 1
    for cells, expected in zip(table[1:], parsed_json, strict=True):
        for name, cell in zip(table[0], cells, strict=True):
            value = expected[name]
            if value is None or value == []:
                assert cell == ""
            elif isinstance(value, bool):
                assert cell == str(value).lower()
            elif isinstance(value, list) and value and all(isinstance(v, str) for v in value) and CSV_LIST_SEPARATOR.join(value) == cell:
                continue
            elif isinstance(value, (list, dict)):
                assert json.loads(cell) == value, (kind, name)
            else:
                assert cell == str(value), (kind, name)


def test_small_counts_are_published_as_under_ten(example_catalog):
    for enterprise in example_catalog.all("enterprise"):
        for figures in row(example_catalog, "enterprise", enterprise)["figures"] or []:
            for key, value in figures.items():
                assert key == "year" or value == "<10" or value is None or value == 0 or value >= 10


def test_district_figures_are_exported_exactly_as_the_page_publishes_them(example_catalog):
    from macros.privacy import HIDDEN, SMALL, district_table

    for year in example_catalog.all("monitoring"):
        districts = row(example_catalog, "monitoring", year)["by_district"] or {}
        table = district_table(year)
        columns = [name for name, _ in table.columns]
        for district, cells in table.rows:
            for name, cell in zip(columns, cells, strict=True):
                if cell in (SMALL, HIDDEN) and district in districts:
                    assert districts[district][name] == cell, (year.year, district, name)


def test_calendar_is_rfc5545(example_catalog):
    files = ics_files(example_catalog, "https://wise.example.org/")
    calendar = files["seminars/calendar.ics"]
    assert calendar.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and calendar.endswith("END:VCALENDAR\r\n")
    assert calendar.count("BEGIN:VEVENT") == example_catalog.count("seminar")
    assert all(len(line.encode()) <= 75 for line in calendar.split("\r\n"))
    assert set(files) == {"seminars/calendar.ics"} | {f"seminars/{s.id}.ics" for s in example_catalog.all("seminar")}


def test_csv_cells_never_start_a_formula(tiny_catalog):
    from macros.exports import _cell

    assert _cell('=HYPERLINK("http://evil")') == '\'=HYPERLINK("http://evil")'
    assert _cell("@SUM(A1)") == "'@SUM(A1)" and _cell("plain") == "plain" and _cell(["a", "b"]) == "a;b"


def _as_loaded(value):
    """An exported JSON value as the loader would have given it: text for numbers and dates."""
    if isinstance(value, dict):
        return {k: _as_loaded(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_as_loaded(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if value in ("<10", "suppressed"):
        return "5"  # a published stand-in for a hidden small count
    return str(value)


def _as_written(kind: str, exported: dict) -> dict:
    """An exported row without what the build adds to it: the id, derived fields (an enterprise's
    networks) and the certifications' state on the build date."""
    derived = {name for name, field in KINDS[kind].model.model_fields.items() if introspect.derived(field)}
    data = {k: v for k, v in exported.items() if k != "id" and k not in derived}
    for cert in data.get("certifications") or []:
        cert.pop("state")
    return data


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_json_row_validates_against_its_model(kind, example_catalog):
    """The JSON rows have exactly the shape the schemas describe (the models are their source), plus what the build derives."""
    model = KINDS[kind].model
    for exported in json.loads(export_files(example_catalog)[f"data/{kind}.json"]):
        model.model_validate(_as_loaded(_as_written(kind, exported)))


def test_exports_fill_in_derived_facts(tiny_catalog):
    (kantine,) = json.loads(export_files(tiny_catalog)["data/enterprise.json"])
    assert kantine["networks"] == ["kantine-netwerk"]  # written on the network only
    assert [c["state"] for c in kantine["certifications"]] == ["certified"]


def calendar_of(**fields):
    from catalogs import Data

    data = Data()
    data.seminar("s", **fields)
    return ics_files(data.catalog(), "https://wise.example.org/")["seminars/s.ics"]


def test_every_calendar_parses_with_icalendar(example_catalog):
    from icalendar import Calendar

    for name, text in ics_files(example_catalog, "https://wise.example.org/").items():
        parsed = Calendar.from_ical(text)
        assert parsed.get("prodid"), name
        events = parsed.walk("VEVENT")
        assert events and all(e.get("dtstart") and e.get("summary") for e in events), name


def test_an_all_day_event_ends_the_day_after_its_last_day():
    from icalendar import Calendar

    (event,) = Calendar.from_ical(calendar_of(start="2026-03-12", end="2026-03-13")).walk("VEVENT")
    assert (event.decoded("dtstart"), event.decoded("dtend")) == (dt.date(2026, 3, 12), dt.date(2026, 3, 14))
    (timed,) = Calendar.from_ical(calendar_of(start="2026-03-12T14:00:00+01:00", end="2026-03-12T16:00:00+01:00")).walk("VEVENT")
    assert timed.decoded("dtstart") == dt.datetime(2026, 3, 12, 13, 0, tzinfo=dt.UTC)


def test_text_cannot_start_a_property_of_its_own_in_a_calendar():
    hostile = "Talk; BEGIN:VALARM, \\ end"
    text = calendar_of(title=hostile, location={"name": "Hall", "address": "a;b,c\nATTACH:https://evil.example/x\nX-INJECTED:1"})
    # A second reader that splits on CR and LF alike (some do) sees no property the site did not write.
    names = {line.split(":", 1)[0].split(";", 1)[0] for line in text.replace("\r\n ", "").replace("\r", "\n").split("\n") if line}
    assert names <= {"BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "X-WR-CALNAME", "UID", "DTSTAMP", "DTSTART", "SUMMARY", "LOCATION", "DESCRIPTION", "URL"}
    from icalendar import Calendar

    (event,) = Calendar.from_ical(text).walk("VEVENT")
    assert str(event.get("summary")) == hostile


def test_a_carriage_return_in_text_is_refused_before_it_reaches_a_calendar(tiny):
    from conftest import problems, write

    write(tiny, "seminars/procurement-101.yml", 'title: "Talk\\rX-INJECTED: 1"\nstart: 2026-03-12\nlocation: {name: Hall}\n')
    assert problems(tiny / "data") == ["data/seminars/procurement-101.yml:1:8: error: title: control character U+000D is not allowed [control-character]"]


def test_a_calendar_says_an_example_event_is_example_data_before_anything_else():
    from icalendar import Calendar

    (example,) = Calendar.from_ical(calendar_of(example=True, speakers=[{"name": "An", "organisation": "Org"}])).walk("VEVENT")
    (real,) = Calendar.from_ical(calendar_of(registration_url="https://tickets.example.org/s")).walk("VEVENT")
    lines = str(example["DESCRIPTION"]).split("\n")
    assert lines[0].startswith("Example data:") and "Speakers: An (Org)" in lines
    assert lines[-1] == "Details: https://wise.example.org/seminars/s/"
    assert "Example data" not in str(real["DESCRIPTION"]) and "Register: https://tickets.example.org/s" in str(real["DESCRIPTION"])


# -- a site of two languages ---------------------------------------------------------------------------------------
BILINGUAL = FIXTURES / "tiny-exports-bilingual"


def bilingual_catalog(tmp_path):
    """The tiny site with Dutch beside English, and a few texts translated: an enterprise's summary and an offering's
    name, an ask, a target group's label, a glossary term (whose Dutch term is its Dutch word too)."""
    import shutil

    from macros.settings import Settings

    site = tmp_path / "bilingual"
    shutil.copytree(FIXTURES / "tiny", site)

    def patch(relative: str, old: str, new: str) -> None:
        path = site / "data" / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, (relative, old)
        path.write_text(text.replace(old, new), encoding="utf-8")

    patch(
        "enterprises/kantine.yml",
        "summary: A canteen that trains newcomers.",
        "summary: {en: A canteen that trains newcomers., nl: Een kantine die nieuwkomers opleidt.}",
    )
    patch("enterprises/kantine.yml", "  - name: Lunches", "  - name: {en: Lunches, nl: Lunchgerechten}")
    patch(
        "positions/buy-social.yml",
        "    text: Reserve contracts for social enterprises.",
        "    text:\n      en: Reserve contracts for social enterprises.\n      nl: Reserveer opdrachten voor sociale ondernemingen.",
    )
    patch("vocabularies/target-groups.yml", "    label: Newcomers", "    label: {en: Newcomers, nl: Nieuwkomers}")
    patch("glossary.yml", "    term: job coach\n", "    term: {en: job coach, nl: jobcoach}\n")
    return read_data(site / "data", site / "docs", settings=Settings(macro_pages=frozenset({"index.md"}), languages=("en", "nl")))


def test_a_translatable_field_keeps_its_column_and_adds_one_per_other_language_right_after_it(tmp_path):
    catalog = bilingual_catalog(tmp_path)
    assert columns("enterprise")[:6] == ["id", "example", "name", "summary", "summary_nl", "description"]
    assert columns("enterprise")[-2:] == ["easy_read", "easy_read_nl"]
    assert [c for c in columns("enterprise") if c.endswith("_nl")] == ["summary_nl", "description_nl", "how_to_apply_nl", "easy_read_nl"]
    (kantine,) = json.loads(export_files(catalog)["data/enterprise.json"])
    assert (kantine["summary"], kantine["summary_nl"], kantine["description_nl"]) == (
        "A canteen that trains newcomers.",
        "Een kantine die nieuwkomers opleidt.",
        None,
    )
    assert list(kantine["offerings"][0])[:4] == ["name", "name_nl", "category", "description"]
    assert (kantine["offerings"][0]["name"], kantine["offerings"][0]["name_nl"], kantine["offerings"][0]["description_nl"]) == (
        "Lunches",
        "Lunchgerechten",
        None,
    )
    header, first = list(csv.reader(io.StringIO(export_files(catalog)["data/asks.csv"][1:], newline="")))[:2]
    assert header[3:5] == ["text", "text_nl"] and first[3:5] == [
        "Reserve contracts for social enterprises.",
        "Reserveer opdrachten voor sociale ondernemingen.",
    ]


def test_exports_of_a_site_of_two_languages_match_the_golden_files(tmp_path):
    """Regenerate with WISE_REGENERATE_GOLDEN=1 (then review the diff): the column order of every export, the standard
    ones too, with a translated text and an untranslated one."""
    import os

    from macros.exports import standard_files

    catalog = bilingual_catalog(tmp_path)
    files = export_files(catalog) | standard_files(catalog, "https://wise.example.org/", "Tiny WISE site")
    if os.environ.get("WISE_REGENERATE_GOLDEN"):
        for name, text in files.items():
            (BILINGUAL / name.removeprefix("data/")).parent.mkdir(parents=True, exist_ok=True)
            (BILINGUAL / name.removeprefix("data/")).write_text(text, encoding="utf-8", newline="")
    assert sorted(name.removeprefix("data/") for name in files) == sorted(p.relative_to(BILINGUAL).as_posix() for p in BILINGUAL.rglob("*") if p.is_file())
    for name, text in files.items():
        with open(BILINGUAL / name.removeprefix("data/"), encoding="utf-8", newline="") as golden:
            assert text == golden.read(), name
