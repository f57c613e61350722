"""`wise stats`: counts per kind, and what has gone stale and needs an editor's eye."""

from __future__ import annotations

import datetime as dt

from .catalog import Catalog
from .kinds import KINDS

REVIEW_DAYS = 365  # a position not reviewed for a year is stale
FIGURES_YEARS = 2  # figures older than this many years are stale


def stale(catalog: Catalog) -> list[str]:
    """One line per stale item: what, which file, and why."""
    today = catalog.today
    lines = []
    for p in catalog.all("position"):
        if p.status == "active" and p.last_reviewed + dt.timedelta(days=REVIEW_DAYS) < today:
            lines.append(f"{p.source_path}: position last reviewed {p.last_reviewed}, more than {REVIEW_DAYS} days ago")
    targeted = {t for p in catalog.all("position") if p.status == "active" for t in p.targets}
    for o in catalog.all("official"):
        holdings = catalog.holdings_of(o)
        if holdings and not any(h.covers(today) for h in holdings) and targeted & {h.post.id for h in holdings}:
            lines.append(f"{o.source_path}: every membership has ended, but a position still targets a post they held")
    for e in catalog.all("enterprise"):
        for c in e.certifications:
            if c.status == "certified" and c.until and c.until < today:
                lines.append(f"{e.source_path}: certification '{c.scheme}' is marked certified but ended {c.until}")
        if e.figures and max(f.year for f in e.figures) < today.year - FIGURES_YEARS:
            lines.append(f"{e.source_path}: latest figures are from {max(f.year for f in e.figures)}")
    return lines


def stats_lines(catalog: Catalog) -> list[str]:
    """The report `wise stats` prints."""
    lines = [f"{spec.label:<18} {catalog.count(kind):>5}" for kind, spec in KINDS.items()]
    items = stale(catalog)
    lines += ["", f"Stale ({len(items)}):" if items else "Nothing stale."]
    lines += [f"  {line}" for line in items]
    return lines
