"""`wise stats`: counts per kind, and what has gone stale and needs an editor's eye."""

from __future__ import annotations

from .buying import out_of_date
from .catalog import Catalog
from .certification import expired_but_recorded_certified
from .kinds import KINDS
from .lobby import QUIET_DAYS, REVIEW_DAYS, asks, review_due

FIGURES_YEARS = 2  # figures older than this many years are stale


def stale(catalog: Catalog, review_days: int = REVIEW_DAYS, quiet_days: int = QUIET_DAYS) -> list[str]:
    """One line per stale item: what, which file, and why."""
    today = catalog.today
    lines = []
    for p in catalog.all("position"):
        if review_due(catalog, p, review_days):
            lines.append(f"{p.source_path}: position last reviewed {p.last_reviewed}, more than {review_days} days ago")
    for view in asks(catalog):
        if view.is_open and (view.last is None or (today - view.last.date).days > quiet_days):
            since = f"since {view.last.date}" if view.last else "ever"
            lines.append(f"{view.position.source_path}: ask '{view.ask.id}' is open with no step for more than {quiet_days} days ({since})")
    targeted = {t for p in catalog.all("position") if p.status == "active" for t in p.targets}
    for o in catalog.all("official"):
        holdings = catalog.holdings_of(o)
        if holdings and not any(h.covers(today) for h in holdings) and targeted & {h.post.id for h in holdings}:
            lines.append(f"{o.source_path}: every membership has ended, but a position still targets a post they held")
    for e in catalog.all("enterprise"):
        for c in e.certifications:
            if expired_but_recorded_certified(c, today):
                lines.append(f"{e.source_path}: certification '{c.scheme}' is marked certified but ended {c.until}")
        if e.figures and max(f.year for f in e.figures) < today.year - FIGURES_YEARS:
            lines.append(f"{e.source_path}: latest figures are from {max(f.year for f in e.figures)}")
    rules = catalog.procurement
    if rules is not None:
        lines += [f"{rules.source_path}: {message}" for message in out_of_date(rules, today)]
    return lines


def stats_lines(catalog: Catalog, review_days: int = REVIEW_DAYS, quiet_days: int = QUIET_DAYS) -> list[str]:
    """The report `wise stats` prints."""
    lines = [f"{spec.label:<18} {catalog.count(kind):>5}" for kind, spec in KINDS.items()]
    items = stale(catalog, review_days, quiet_days)
    lines += ["", f"Stale ({len(items)}):" if items else "Nothing stale."]
    lines += [f"  {line}" for line in items]
    return lines
