"""The `wise` command: formats, exit codes, and `wise new`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, problems

from macros.cli import main


def test_check_clean_exits_0(capsys):
    assert main(["check", str(FIXTURES / "tiny" / "data")]) == 0
    assert capsys.readouterr().out == "no problems\n"


def test_check_github_format(capsys):
    assert main(["check", "--format", "github", str(FIXTURES / "broken" / "data")]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first == "::error file=data/campaigns/week.yml,line=1,col=1::file: is empty: a record needs its fields [empty-file]"


def test_check_json_format(capsys):
    assert main(["check", "--format", "json", str(FIXTURES / "broken" / "data")]) == 1
    found = json.loads(capsys.readouterr().out)
    assert found[0] == {
        "path": "data/campaigns/week.yml",
        "line": 1,
        "col": 1,
        "field": "file",
        "message": "is empty: a record needs its fields",
        "rule": "empty-file",
        "level": "error",
    }


def test_usage_errors_exit_2():
    result = subprocess.run([sys.executable, "-m", "macros", "check", "--format", "xml"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_console_script_is_installed():
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "wise"), "--help"], capture_output=True, text=True) if (ROOT / ".venv/bin/wise").exists() else None
    if result is None:
        pytest.skip("no .venv here")
    assert result.returncode == 0 and "check" in result.stdout


def test_new_writes_a_template_that_only_lacks_the_editors_fields(tiny, capsys):
    assert main(["new", "enterprise", "Café Ünïque & Zonen", "--data-dir", str(tiny / "data")]) == 0
    path = tiny / "data" / "enterprises" / "cafe-unique-zonen.yml"
    assert capsys.readouterr().out == f"wrote {path}\n"
    found = problems(tiny / "data")
    assert found == [
        "data/enterprises/cafe-unique-zonen.yml:6:9: error: summary: is required: the value is empty [required]",
        "data/enterprises/cafe-unique-zonen.yml:8:8: error: sector: is required: the value is empty [required]",
        "data/enterprises/cafe-unique-zonen.yml:9:10: error: district: is required: the value is empty [required]",
    ]
    assert 'name: "Café Ünïque & Zonen"' in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["post", "official", "position", "campaign", "seminar", "network", "scheme", "monitoring"])
def test_new_works_for_every_kind(kind, tiny):
    assert main(["new", kind, "2031" if kind == "monitoring" else "Some new thing", "--data-dir", str(tiny / "data")]) == 0
    found = problems(tiny / "data")
    assert found and all(line.endswith(("[required]", "[year-mismatch]")) for line in found), found


def test_new_never_overwrites(tiny, capsys):
    path = tiny / "data" / "enterprises" / "kantine.yml"
    before = path.read_text()
    assert main(["new", "enterprise", "Kantine", "--data-dir", str(tiny / "data")]) == 1
    assert "already exists" in capsys.readouterr().err
    assert path.read_text() == before


def test_new_refuses_a_name_without_letters(tiny):
    assert main(["new", "enterprise", "!!!", "--data-dir", str(tiny / "data")]) == 2


def test_stats_lists_counts_and_stale_items(capsys):
    assert main(["stats", str(ROOT / "data")]) == 0
    out = capsys.readouterr().out
    assert "Enterprises" in out and ("Stale" in out or "Nothing stale." in out)


def test_demo_data_never_replaces_a_folder(tmp_path, capsys):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "keep.txt").write_text("mine")
    assert main(["demo-data", "--enterprises", "3", "--out", str(tmp_path / "data")]) == 1
    assert (tmp_path / "data" / "keep.txt").read_text() == "mine"
    assert main(["demo-data", "--enterprises", "12", "--out", str(tmp_path / "new")]) == 0
    assert main(["check", str(tmp_path / "new")]) == 0
    assert len(list((tmp_path / "new" / "enterprises").glob("*.yml"))) == 12


def test_new_takes_the_id_an_editor_chooses_for_a_name_in_another_script(tiny, capsys):
    assert main(["new", "enterprise", "Київська пекарня", "--data-dir", str(tiny / "data")]) == 2
    assert "choose one with --id" in capsys.readouterr().err
    assert main(["new", "enterprise", "Київська пекарня", "--id", "kyiv-bakery", "--data-dir", str(tiny / "data")]) == 0
    assert 'name: "Київська пекарня"' in (tiny / "data/enterprises/kyiv-bakery.yml").read_text(encoding="utf-8")


def test_new_refuses_an_id_windows_reserves(tiny, capsys):
    assert main(["new", "enterprise", "Con", "--data-dir", str(tiny / "data")]) == 2
    assert "Windows reserves" in capsys.readouterr().err


def test_the_github_format_escapes_file_names_and_messages_as_github_documents():
    from macros.problems import Problem

    problem = Problem("data/a,b:c%d\nx.yml", 3, 5, "name", "50% done\r\n::error ::injected", "rule")
    assert problem.github() == "::error file=data/a%2Cb%3Ac%25d%0Ax.yml,line=3,col=5::name: 50%25 done%0D%0A::error ::injected [rule]"


def test_new_glossary_prints_a_term_to_paste_that_only_lacks_the_editors_fields(tiny, capsys):
    path = tiny / "data" / "glossary.yml"
    before = path.read_text(encoding="utf-8")
    assert main(["new", "glossary", "Sheltered workshop", "--data-dir", str(tiny / "data")]) == 0
    snippet = capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == before, "wise new writes nothing into the glossary"
    assert "  - id: sheltered-workshop" in snippet and '    term: "Sheltered workshop"' in snippet
    path.write_text(before + snippet, encoding="utf-8")
    assert problems(tiny / "data") == [
        "data/glossary.yml:28:16: error: terms[3].definition: is required: the value is empty [required]",
        "data/glossary.yml:30:12: error: terms[3].source: is required: the value is empty [required]",
    ]
    assert main(["new", "glossary", "!!!"]) == 2


def two_languages(site: Path) -> None:
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("      macro_pages: [index.md]\n", "      macro_pages: [index.md]\n      languages: [en, nl]\n")
    )


def test_new_shows_how_a_translatable_field_is_written_per_language(tiny, capsys):
    two_languages(tiny)
    assert main(["new", "position", "Fair pay", "--data-dir", str(tiny / "data")]) == 0
    lines = (tiny / "data" / "positions" / "fair-pay.yml").read_text(encoding="utf-8").splitlines()
    assert "# Text marked 'per language' is plain text in en (the default language), or a mapping by language." in lines
    assert 'title: "Fair pay"  # or per language: {en: "…", nl: "…"}' in lines
    assert 'summary:  # required; or per language: {en: "…", nl: "…"}' in lines
    assert "last_reviewed:  # required" in lines  # a date is never translated
    assert main(["new", "network", "Kitchens", "--data-dir", str(tiny / "data")]) == 0
    network = (tiny / "data" / "networks" / "kitchens.yml").read_text(encoding="utf-8")
    assert 'name: "Kitchens"\n' in network  # a name is never translated
    assert main(["new", "glossary", "job coach"]) == 0  # the project's own languages: Dutch first
    assert '    term: "job coach"  # or per language: {nl: "…", en: "…"}' in capsys.readouterr().out.splitlines()


def test_new_on_a_site_of_one_language_shows_no_mapping(tiny):
    assert main(["new", "position", "Fair pay", "--data-dir", str(tiny / "data")]) == 0
    text = (tiny / "data" / "positions" / "fair-pay.yml").read_text(encoding="utf-8")
    assert "per language" not in text and 'title: "Fair pay"\n' in text


def test_stats_list_what_is_not_yet_translated(tiny, capsys):
    two_languages(tiny)
    position = (tiny / "data" / "positions" / "buy-social.yml").read_text(encoding="utf-8")
    (tiny / "data" / "positions" / "buy-social.yml").write_text(position.replace("title: Buy social\n", "title: {en: Buy social, nl: Sociaal inkopen}\n"))
    assert main(["stats", str(tiny / "data")]) == 0
    out = capsys.readouterr().out.splitlines()
    start = out.index(next(line for line in out if line.startswith("Not yet translated into nl (")))
    assert out[start + 1 : start + 3] == ["  vocabulary/districts: title, entries[].label", "  vocabulary/offering-categories: title, entries[].label"]
    assert any(line.startswith("  position/buy-social: summary, asks[].text") for line in out[start:])
    assert not any(line.startswith("  position/buy-social: title") for line in out[start:])
