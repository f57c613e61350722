"""`wise stats`: counts per kind, what has gone stale and needs an editor's eye, and what is not yet translated."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .buying import out_of_date
from .catalog import Catalog
from .certification import expired_but_recorded_certified
from .kinds import KINDS
from .kinds.introspect import translatable_fields
from .lobby import QUIET_DAYS, REVIEW_DAYS, asks, review_due
from .localized import Localized, other_languages

FIGURES_YEARS = 2  # figures older than this many years are stale
UNTRANSLATED_RECORDS = 50  # records listed per language (the count covers them all)


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


def texts(value: Any, path: str = "") -> Iterator[tuple[str, Localized]]:
    """Every translatable text a record holds, with where (`offerings[].name`: list positions left out)."""
    if isinstance(value, BaseModel):
        names = translatable_fields(type(value))
        for name in type(value).model_fields:
            sub = getattr(value, name)
            where = f"{path}.{name}" if path else name
            if name in names and isinstance(sub, Localized):
                yield where, sub
            elif isinstance(sub, (BaseModel, list, dict)):
                yield from texts(sub, where)
    elif isinstance(value, list):
        for item in value:
            yield from texts(item, f"{path}[]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, f"{path}.{key}")


def untranslated(catalog: Catalog, language: str) -> tuple[int, int, list[tuple[str, str]]]:
    """How many translatable texts there are, how many of them lack a translation into `language`, and each record
    with such a text: (kind/id, its fields, each once, with how many where a list holds several: `asks[].text ×3`)."""
    total, missing, records = 0, 0, []
    for kind in KINDS:
        for record in catalog.all(kind):
            lacking: Counter[str] = Counter()
            for where, text in texts(record):
                total += 1
                if not text.translated(language):
                    lacking[where] += 1
            if lacking:
                missing += sum(lacking.values())
                records.append((f"{kind}/{record.id}", ", ".join(f"{where} ×{n}" if n > 1 else where for where, n in lacking.items())))
    return total, missing, records


def untranslated_lines(catalog: Catalog, limit: int = UNTRANSLATED_RECORDS) -> list[str]:
    """For each language of the site but the default: how many texts lack a translation into it, and in which
    records (at most `limit` of them listed; 0 lists every one)."""
    lines = []
    for language in other_languages():
        total, missing, records = untranslated(catalog, language)
        if not records:
            lines += ["", f"Everything is translated into {language} ({total} texts)."]
            continue
        lines += ["", f"Not yet translated into {language} ({missing} of {total} texts, in {len(records)} records):"]
        shown = records[:limit] if limit else records
        lines += [f"  {where}: {fields}" for where, fields in shown]
        if len(shown) < len(records):
            lines.append(f"  … and {len(records) - len(shown)} more records (`wise stats --untranslated 0` lists every one)")
    return lines


def stats_lines(catalog: Catalog, review_days: int = REVIEW_DAYS, quiet_days: int = QUIET_DAYS, untranslated_limit: int = UNTRANSLATED_RECORDS) -> list[str]:
    """The report `wise stats` prints."""
    lines = [f"{spec.label:<18} {catalog.count(kind):>5}" for kind, spec in KINDS.items()]
    items = stale(catalog, review_days, quiet_days)
    lines += ["", f"Stale ({len(items)}):" if items else "Nothing stale."]
    lines += [f"  {line}" for line in items]
    return lines + untranslated_lines(catalog, untranslated_limit)
