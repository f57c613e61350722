"""The golden broken fixture: its whole problem list is pinned, line for line.

When a message changes on purpose, regenerate with
`wise check tests/fixtures/broken/data > tests/fixtures/broken/expected.txt` and read the diff.
"""

from __future__ import annotations

import subprocess
import sys

from conftest import FIXTURES, ROOT

BROKEN = FIXTURES / "broken"


def test_broken_fixture_prints_exactly_the_pinned_problems():
    result = subprocess.run([sys.executable, "-m", "macros", "check", str(BROKEN / "data")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert result.stderr == ""
    assert result.stdout == (BROKEN / "expected.txt").read_text(encoding="utf-8")


def test_shipped_data_prints_only_the_summary():
    result = subprocess.run([sys.executable, "-m", "macros", "check"], capture_output=True, text=True, cwd=ROOT)
    assert (result.returncode, result.stdout, result.stderr) == (0, "no problems\n", "")
