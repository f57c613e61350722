"""How numbers are published: formatting, and small counts of people never shown.

Counts from 1 to 9 people identify people, so they are published as "<10". A published total
can give a hidden count away (total minus the other cells), so when a column has exactly one
hidden cell, the next smallest cell is hidden too (secondary suppression). Every page, chart
and export formats numbers here, so a figure reads the same wherever it appears.
"""

from __future__ import annotations

from dataclasses import dataclass

from .kinds.monitoring import LABELS, PEOPLE, PERCENT

SMALL = "<10"
HIDDEN = "suppressed"  # a cell hidden only because it would reveal a small one
MISSING = "–"


def small(count) -> bool:
    """A count from 1 to 9 identifies people; 0 does not."""
    return count is not None and 0 < count < 10


def number(value) -> str:
    """A number as written, with thousands separators; never rounded (2.35 stays 2.35)."""
    if value is None:
        return MISSING
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}"


def people(count) -> str:
    """A count of people for publication: 1 to 9 become "<10"."""
    if small(count):
        return SMALL
    return number(count)


def percent(value) -> str:
    """A share in percent."""
    return MISSING if value is None else f"{number(value)}%"


def measure(name: str, value) -> str:
    """A monitor measure as published: people counts suppressed, shares in percent, other counts as numbers."""
    if name in PEOPLE:
        return people(value)
    if name in PERCENT:
        return percent(value)
    return number(value)


def suppress_column(values: dict[str, float | None]) -> dict[str, str]:
    """Each cell as published: small counts as "<10", plus one more cell when only one is small."""
    shown = {key: people(value) for key, value in values.items()}
    small_keys = [key for key, value in values.items() if small(value)]
    if len(small_keys) == 1:
        candidates = sorted((value, key) for key, value in values.items() if value and key not in small_keys)
        if candidates:  # the smallest cell that is not small itself: hiding it keeps the small one hidden
            shown[candidates[0][1]] = HIDDEN
    return shown


@dataclass(frozen=True)
class DistrictTable:
    """A monitoring year's figures by district, as published: column labels and one row per district."""

    columns: tuple[tuple[str, str], ...]  # (measure, label)
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (district id, cells in column order)


def district_table(year) -> DistrictTable:
    """The by-district table of a monitoring year: only measures some district has, people counts suppressed per column."""
    districts = list(year.by_district)
    columns = [name for name in LABELS if any(getattr(d, name) is not None for d in year.by_district.values())]
    cells = {}
    for name in columns:
        values = {d: getattr(year.by_district[d], name) for d in districts}
        cells[name] = suppress_column(values) if name in PEOPLE else {d: measure(name, v) for d, v in values.items()}
    return DistrictTable(
        columns=tuple((name, LABELS[name]) for name in columns),
        rows=tuple((d, tuple(cells[name][d] for name in columns)) for d in districts),
    )
