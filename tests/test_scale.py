"""A large listing still builds and loses nothing.

How fast it is belongs to the benchmark (`make bench`, 5,000 enterprises); this test only
checks that a demo city builds strictly and that every enterprise is on the showcase.
"""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT, build
from htmltools import read

from macros.cli import main


@pytest.mark.slow
def test_a_large_demo_city_builds_and_lists_every_enterprise(tmp_path):
    site = tmp_path / "city"
    site.mkdir()
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, site / name)
    (site / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text().replace("  - macros\n", "", 1))
    assert main(["demo-data", "--enterprises", "400", "--out", str(site / "data")]) == 0
    assert main(["check", str(site / "data")]) == 0
    result = build(site, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    showcase = read(tmp_path / "out", "showcase/")
    cards = {a["data-record"] for _, a in showcase.elements if a.get("data-record", "").startswith("enterprise:")}
    assert len(cards) == 400 == len(list((site / "data" / "enterprises").glob("*.yml")))
    assert [a["data-count"] for _, a in showcase.elements if "data-count" in a] == ["400"]
