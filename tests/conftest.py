"""Shared fixtures: copies of the tiny fixture site, the data checker, and site builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.data import read_data
from macros.problems import DataError

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def problems(data_dir: Path) -> list[str]:
    """Every problem line `wise check` would print for `data_dir` (without the summary)."""
    try:
        read_data(data_dir, data_dir.parent / "docs")
    except DataError as exc:
        return [p.text() for p in exc.problems]
    return []


@pytest.fixture
def tiny(tmp_path) -> Path:
    """A fresh copy of the tiny fixture site (valid: one record of each kind)."""
    site = tmp_path / "site-src"
    shutil.copytree(FIXTURES / "tiny", site)
    return site


def write(site: Path, relative: str, text: str | bytes) -> Path:
    """Write a data file of a fixture site (relative to its data/)."""
    path = site / "data" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def build(site: Path, out: Path | None = None, env: dict | None = None, quiet: bool = True) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a fixture site, with the project's theme overrides."""
    if not (site / "overrides").exists():
        shutil.copytree(ROOT / "overrides", site / "overrides")
    out = out or site.parent / "built"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *(["-q"] if quiet else []), "-f", str(site / "mkdocs.yml"), "-d", str(out)],
        capture_output=True,
        text=True,
        env=environment,
        cwd=site,
        timeout=600,
    )


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The shipped example data built once per test session with the project's own mkdocs.yml."""
    out = tmp_path_factory.mktemp("example") / "site"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)], capture_output=True, text=True, env=environment, cwd=ROOT, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out
