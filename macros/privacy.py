"""How numbers are published: formatting, and small counts of people never shown.

Counts from 1 to 9 people identify people, so they are published as "<10". A published total
can give a hidden count away (total minus the other cells), so when a column has exactly one
hidden cell, the next smallest cell is hidden too (secondary suppression). Every page, chart
and export formats numbers here, so a figure reads the same wherever it appears.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_, _
from .kinds.monitoring import LABELS, PEOPLE, PERCENT

SMALL = "<10"
HIDDEN = N_("suppressed")  # a cell hidden only because it would reveal a small one (in English in the exports)
MISSING = "–"


def on_page(cell: str) -> str:
    """A published cell as a page shows it: a hidden one in the page's language, any other as it is."""
    return _(HIDDEN) if cell == HIDDEN else cell


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


# The rows a district table adds to the districts: the remainder of the city's figure, and the figure itself.
OTHER = "other"  # elsewhere in the city, or in districts the year does not count separately
TOTAL = "total"


def publish_column(name: str, city, districts: dict[str, float | None]) -> dict[str, str]:
    """One measure's cells as published: each district, the remainder (the city's figure minus the districts'),
    and the city's figure. People counts of 1 to 9 are hidden, and when that leaves one hidden cell among the
    districts and the remainder, the next smallest is hidden too, so that no cell follows from the others and the
    total (a district left out of the table would otherwise be the remainder, and readable)."""
    if name in PERCENT:
        return {**{d: percent(v) for d, v in districts.items()}, OTHER: MISSING, TOTAL: percent(city)}
    other = None if city is None else round(city - sum(v for v in districts.values() if v is not None), 6)
    if name not in PEOPLE:
        return {**{d: number(v) for d, v in districts.items()}, OTHER: number(other), TOTAL: number(city)}
    return {**suppress_column({**districts, OTHER: other}), TOTAL: people(city)}


@dataclass(frozen=True)
class DistrictTable:
    """A monitoring year's figures by district, as published: column labels, a row per district of the city (in the
    vocabulary's order, "–" where the year has no figure), the remainder and the city's total."""

    columns: tuple[tuple[str, str], ...]  # (measure, label)
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (district id, OTHER or TOTAL; cells in column order)


def district_table(year, districts: list[str] | None = None) -> DistrictTable:
    """The by-district table of a monitoring year: the measures some district has, every district in `districts`
    (default: those the year counts), then the remainder and the total, people counts suppressed per column."""
    keys = list(dict.fromkeys([*(districts or []), *year.by_district]))
    columns = [name for name in LABELS if any(getattr(d, name) is not None for d in year.by_district.values())]
    cells = {}
    for name in columns:
        values = {d: getattr(year.by_district[d], name) if d in year.by_district else None for d in keys}
        cells[name] = publish_column(name, getattr(year.measures, name), values)
    rows = [(key, tuple(cells[name][key] for name in columns)) for key in [*keys, OTHER, TOTAL]] if columns else []
    return DistrictTable(columns=tuple((name, LABELS[name]) for name in columns), rows=tuple(rows))
