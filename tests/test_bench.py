"""The benchmark's pure parts (`make bench` itself takes minutes and is never part of `make test`): medians, the
targets' verdicts, the tables, the baseline's pages, and the performance page kept true to bench/results.json."""

from __future__ import annotations

import json
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT))  # bench/ is the project's, not an installed package

from bench import baseline, report  # noqa: E402
from bench.processes import BenchError, edit_summary  # noqa: E402
from macros.demo import demo_data  # noqa: E402


def results(**changes) -> dict:
    """A run's results as bench/run.py writes them, at two sizes."""

    def size(n, build_s, base_s, **extra):
        build = {"pages": n + 90, "embeds": n, "build_s": build_s, "peak_mb": 100.0, "ms_per_page": 1.0, "kb_per_page": 10.0}
        plain = {"pages": n + 1, "embeds": 0, "build_s": base_s, "peak_mb": 50.0, "ms_per_page": 1.0, "kb_per_page": 5.0}
        out = {"enterprises": n, "ours": build, "baseline": plain, "build_ratio": build_s / base_s, "memory_ratio": 2.0, "check_s": 1.25}
        out["search"] = {"ours": {"kb": 190.0, "first_result_s": 0.5}, "baseline": {"kb": 5000.0, "first_result_s": 4.0}}
        out["showcase"] = {"raw_kb": 3500.0, "gzip_kb": 250.0, "ready_s": 2.0, "click_to_paint_ms": 80.0, "click_to_paint_max_ms": 300.0}
        return out | extra

    base = {
        "date": "2026-01-01 12:00 UTC",
        "settings": {"sizes": [500, 5000], "runs": 5},
        "machine": {"cpu": "A CPU", "cores": 2, "memory_gb": 8.0, "python": "3.11.7", "mkdocs": "1.6.1", "material": "9.8.2", "pagefind": "1.5.2"}
        | {"chromium": "150", "load_before": "1.00", "load_after": "2.00"},
        "note": "",
        "sizes": [size(5000, 40.0, 20.0), size(500, 5.0, 2.5)],
        "serve": {"enterprises": 5000, "edit_visible_s": 1.5, "samples_s": [1.4, 1.5, 1.9], "startup_s": 61.0, "builds_s": [58.2, 1.1, 1.2, 1.6]},
    }
    return base | changes


def test_the_median_of_odd_and_even_counts_and_none_is_refused():
    assert report.median([3, 1, 2]) == 2
    assert report.median([4, 1, 2, 3]) == 2.5
    with pytest.raises(ValueError):
        report.median([])


def test_figures_are_printed_with_separators_and_a_dash_when_not_measured():
    assert report.number(5441) == "5,441"
    assert report.number(1234.567, 2) == "1,234.57"
    assert report.number(None) == "—"
    assert report.times(2.4) == "2.40×"


def test_the_ratio_to_the_baseline_is_the_median_of_each_rounds_ratio():
    assert report.paired([10.0, 40.0, 12.0], [5.0, 10.0, 6.0]) == 2.0
    with pytest.raises(ValueError):
        report.paired([1.0], [])


def test_a_table_is_markdown_with_the_figures_right_aligned():
    assert report.table(["measure", "a"], [["x", "1"], ["y", "2"]]) == "| measure | a |\n| :-- | --: |\n| x | 1 |\n| y | 2 |"


def test_each_target_is_judged_at_the_largest_size():
    verdicts = {v["target"]: v for v in report.verdicts(results())}
    assert verdicts["build time, ours / baseline"]["measured"] == 2.0 and verdicts["build time, ours / baseline"]["verdict"] == "miss"
    growth = verdicts["build time growth per tenfold size: time(5,000) / time(500)"]
    assert growth["measured"] == 8.0 and growth["verdict"] == "pass"
    assert verdicts["showcase ready"]["verdict"] == "miss" and verdicts["filter click to paint (median)"]["verdict"] == "pass"
    assert verdicts["an edit visible while serving"]["measured"] == 1.5 and verdicts["`wise check`"]["verdict"] == "pass"


def test_a_target_not_measured_is_neither_passed_nor_missed():
    one_size = results(sizes=results()["sizes"][:1], serve=None)
    verdicts = {v["target"]: v["verdict"] for v in report.verdicts(one_size)}
    assert verdicts["build time growth per tenfold size: time(5,000) / time(500)"] == "not measured"
    assert verdicts["an edit visible while serving"] == "not measured"


def test_the_side_by_side_table_has_ours_and_the_baseline_per_size_smallest_first():
    text = report.side_by_side(results())
    header, _, pages, build, ratio = text.splitlines()[:5]
    assert header == "| measure | 500: ours | 500: baseline | 5,000: ours | 5,000: baseline |"
    assert pages == "| pages (+ embeds) | 590 + 500 | 501 | 5,090 + 5,000 | 5,001 |"
    assert build == "| build, median (s) | 5.0 | 2.5 | 40.0 | 20.0 |"
    assert ratio == "| build time, ours / baseline (median of the rounds) | 2.00× | — | 2.00× | — |"
    assert "| showcase page (KB, raw / gzip) | 3,500 / 250 | — | 3,500 / 250 | — |" in text


def test_the_block_names_the_machine_the_targets_and_the_edit_samples():
    text = report.block(results(note="The machine was busy."))
    assert "A CPU, 2 cores, 8.0 GB memory; Python 3.11.7, MkDocs 1.6.1, Material 9.8.2" in text
    assert "Note: The machine was busy." in text
    assert "| an edit visible while serving | ≤ 2.00 s | 1.50 s | pass |" in text
    assert text.endswith(
        "An edit visible while serving 5,000 enterprises: 1.40, 1.50, 1.90 s (median 1.50 s). The server was up after 61.0 s"
        " (its first build: 58.2 s); MkDocs logged its rebuilds at 1.10, 1.20, 1.60 s."
    )


def test_the_block_between_the_markers_is_replaced_and_the_rest_kept():
    page = f"# Title\n\n{report.BEGIN}\nold\n{report.END}\n\nAfter.\n"
    new = report.replace_block(page, "new table")
    assert new == f"# Title\n\n{report.BEGIN}\n\nnew table\n\n{report.END}\n\nAfter.\n"
    assert report.current_block(new) == "new table"
    with pytest.raises(ValueError):
        report.replace_block("# No markers\n", "x")


def test_the_performance_page_shows_the_results_in_bench_results_json():
    recorded = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))
    page = (ROOT / "docs" / "reference" / "performance.md").read_text(encoding="utf-8")
    assert report.current_block(page) == report.block(recorded), "run make bench, or rewrite the page's block from bench/results.json"
    assert recorded["verdicts"] == report.verdicts(recorded)


def test_a_baseline_page_holds_the_records_text_a_description_and_a_table_of_its_plain_fields():
    record = {
        "example": True,
        "name": "Bike studio 37",
        "summary": "A social enterprise in oost.",
        "sector": "green-maintenance",
        "website": "https://a|b.example.org",
        "offerings": [{"name": "Cleaning service", "category": "cleaning"}],
        "address": {"street": "Kinkerstraat 103", "city": "Amsterdam"},
    }
    assert baseline.page_text(record, "bike-studio-37") == (
        "# Bike studio 37\n\n"
        "A social enterprise in oost.\n\n"
        "Offerings: Cleaning service, cleaning. Address: Kinkerstraat 103, Amsterdam.\n\n"
        "| field | value |\n|---|---|\n| Sector | green-maintenance |\n| Website | https://a\\|b.example.org |\n"
    )


def test_a_baseline_page_falls_back_to_the_title_the_goal_and_its_own_description():
    page = baseline.page_text({"title": "Demo post", "goal": "More buying.", "description": "Its own words."}, "x")
    assert page == "# Demo post\n\nMore buying.\n\nIts own words.\n"
    assert baseline.page_text({"year": "2024"}, "2024").startswith("# 2024\n")


def test_the_baseline_has_a_page_per_record_of_the_demo_city_out_of_the_navigation(tmp_path):
    data = demo_data(5, tmp_path / "data")
    pages = baseline.write(data, tmp_path / "baseline")
    records = [p for p in data.glob("*/*.yml") if p.parent.name != "vocabularies"]
    written = list((tmp_path / "baseline" / "docs" / baseline.FOLDER).glob("*/*.md"))
    assert pages == len(records) + 1 == len(written) + 1
    assert "not_in_nav: |\n  /records/\n" in (tmp_path / "baseline" / "mkdocs.yml").read_text()
    assert "plugins:\n  - search\n" in baseline.CONFIG


def test_an_edit_changes_the_summary_line_only(tmp_path):
    path = tmp_path / "e.yml"
    path.write_text('example: true\nname: "A"\nsummary: "Old."\nsector: x\n', encoding="utf-8")
    edit_summary(path, 'New "text".')
    assert path.read_text(encoding="utf-8") == 'example: true\nname: "A"\nsummary: "New \\"text\\"."\nsector: x\n'
    path.write_text("name: B\n", encoding="utf-8")
    with pytest.raises(BenchError):
        edit_summary(path, "x")
