"""Small counts of people are never published: 1 to 9 becomes "<10".

A published total can give a hidden count away (total minus the other cells), so when a
column has exactly one hidden cell and its total is public, the next smallest cell is
hidden too (secondary suppression).
"""

from __future__ import annotations

from .render import number, people


def small(count) -> bool:
    """A count from 1 to 9 identifies people; 0 does not."""
    return count is not None and 0 < count < 10


def suppress_column(values: dict[str, float | None]) -> dict[str, str]:
    """Each cell as published: small counts as "<10", plus one more cell when only one is small."""
    shown = {key: people(value) for key, value in values.items()}
    hidden = [key for key, value in values.items() if small(value)]
    if len(hidden) == 1:
        candidates = sorted((value, key) for key, value in values.items() if value and key not in hidden)
        if candidates:
            shown[candidates[0][1]] = "<10" if candidates[0][0] < 10 else "suppressed"
    return shown


def district_table(year, people_measures: tuple[str, ...], labels: dict[str, str]):
    """The by-district table of a monitoring year, with small counts suppressed per column."""
    districts = list(year.by_district)
    columns = [name for name in labels if any(getattr(d, name) is not None for d in year.by_district.values())]
    cells = {}
    for name in columns:
        values = {d: getattr(year.by_district[d], name) for d in districts}
        if name in people_measures:
            cells[name] = suppress_column(values)
        elif name == "market_revenue_share":
            cells[name] = {d: "–" if v is None else f"{number(v)}%" for d, v in values.items()}
        else:
            cells[name] = {d: number(v) for d, v in values.items()}
    return {"columns": [(name, labels[name]) for name in columns], "rows": [(d, [cells[name][d] for name in columns]) for d in districts]}
