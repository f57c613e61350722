"""The hand-kept reference pages stay true: every test the bad-input table names exists."""

from __future__ import annotations

import ast
import re

from conftest import ROOT


def defined_tests() -> set[str]:
    names = set()
    for path in (ROOT / "tests").glob("test_*.py"):
        names |= {n.name for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")}
    return names


def table_rows() -> list[tuple[str, list[str]]]:
    rows = []
    for line in (ROOT / "docs" / "reference" / "bad-input.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) == 4 and cells[0].isdigit():
            rows.append((cells[0], re.findall(r"`(test_[a-z0-9_]+)`", cells[3])))
    return rows


def test_every_kind_of_bad_input_names_tests_that_exist():
    rows = table_rows()
    assert [number for number, _ in rows] == [str(i) for i in range(1, len(rows) + 1)]
    existing = defined_tests()
    assert [(number, t) for number, tests in rows for t in tests if t not in existing] == []
    assert [number for number, tests in rows if not tests] == []
