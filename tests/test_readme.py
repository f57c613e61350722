"""The README's table of rooms is a map a newcomer can trust: every path in it exists, and
every module of the package is in it."""

from __future__ import annotations

import re

from conftest import ROOT


def rooms() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## Rooms", 1)[1]
    paths = []
    for row in table.splitlines():
        if row.startswith("| `"):
            paths += re.findall(r"`([^`]+)`", row.split("|")[1])
    return paths


def test_every_room_exists():
    missing = [p for p in rooms() if "<" not in p and not (ROOT / p.rstrip("/")).exists()]
    assert missing == []


def test_every_module_has_a_room():
    listed = " ".join(rooms())
    modules = [p.relative_to(ROOT).as_posix() for p in (ROOT / "macros").rglob("*.py") if "__pycache__" not in p.parts]
    unlisted = [m for m in modules if m not in listed and m.rsplit("/", 1)[0] + "/" not in listed]
    assert unlisted == []


def test_readme_gives_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make serve" in text and "make test" in text
