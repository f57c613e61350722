"""Small hand-made catalogs for unit tests of rules and views.

`Data` builds records through the real models (so they are valid records), with defaults for
the required fields, and makes a Catalog for a fixed day. Tests state only what they are about:

    data = Data()
    data.enterprise("bakery", certifications=[{"scheme": "keur", "status": "certified", "until": "2026-07-01"}])
    catalog = data.catalog()

Values may be written as Python values (dates, numbers); they are turned into the text the YAML
loader would give, so the models parse them exactly as they parse editors' files. References are
not checked here (that is `read_data`'s job); labels fall back to ids without vocabularies.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from macros.catalog import Catalog
from macros.kinds import KINDS

TODAY = dt.date(2026, 6, 1)


def as_loaded(value: Any) -> Any:
    """A Python value as the strict loader would give it: text for numbers and dates, lists and mappings kept."""
    if isinstance(value, dict):
        return {k: as_loaded(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [as_loaded(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


DEFAULTS: dict[str, Any] = {
    "vocabulary": lambda rid: {"title": rid.capitalize(), "entries": [{"id": "x", "label": "X"}]},
    "enterprise": lambda rid: {"name": rid.replace("-", " ").title(), "summary": f"What {rid} does.", "sector": "food", "district": "noord"},
    "post": lambda rid: {"title": rid.replace("-", " ").title(), "body": "executive"},
    "official": lambda rid: {"name": rid.replace("-", " ").title(), "memberships": [], "sources": ["https://example.org/source"]},
    "position": lambda rid: {
        "title": rid.replace("-", " ").title(),
        "summary": f"Why {rid}.",
        "status": "active",
        "last_reviewed": TODAY,
        "asks": [{"id": "first", "text": "Do the first thing."}],
    },
    "decision": lambda rid: {
        "title": rid.replace("-", " ").title(),
        "kind": "motion",
        "date": TODAY,
        "body": "council",
        "summary": f"What {rid} decides.",
        "source": "https://example.org/decision",
        "outcome": "adopted",
    },
    "campaign": lambda rid: {"name": rid.replace("-", " ").title(), "goal": f"Win {rid}."},
    "seminar": lambda rid: {"title": rid.replace("-", " ").title(), "start": TODAY, "location": {"name": "Town hall"}},
    "network": lambda rid: {"name": rid.replace("-", " ").title(), "kind": "network", "summary": f"The {rid} network."},
    "scheme": lambda rid: {"name": rid.replace("-", " ").title(), "kind": "certification", "criteria": [{"id": "mission", "text": "A social mission."}]},
    "monitoring": lambda rid: {"year": rid, "source": {"title": f"Monitor {rid}"}, "measures": {"enterprises": 10}},
    "manifesto": lambda rid: {"title": "Manifesto", "articles": [{"id": "work", "heading": "Work", "text": "Work for all."}]},
    "glossary": lambda rid: {
        "title": "Glossary",
        "terms": [{"id": "wise", "term": "WISE", "also": ["WISEs"], "definition": "A work-integration social enterprise.", "hard": True, "source": "about.md"}],
    },
    "procurement": lambda rid: {
        "title": "Procurement rules",
        "thresholds": [
            {"id": "services", "label": "Services", "amount": 216000, "valid_from": "2026-01-01", "source": {"title": "T", "url": "https://example.org/t"}}
        ],
        "reserved_contracts": {"minimum_share": 30, "summary": "Reserve.", "sources": [{"title": "A20", "url": "https://example.org/a20"}]},
        "social_return": {
            "city": "Tiny",
            "applies_above": "services",
            "summary": "Owe.",
            "valid_from": "2026-01-01",
            "rates": [{"id": "standard", "label": "Contracts", "percentage": 5, "source": {"title": "P", "url": "https://example.org/p"}}],
            "factors": [],
            "sources": [{"title": "P", "url": "https://example.org/p"}],
        },
    },
}


class Data:
    """Records of a test, by kind and id; `catalog()` makes the Catalog for `today`."""

    def __init__(self, today: dt.date = TODAY):
        self.today = today
        self.records: dict[str, dict[str, Any]] = defaultdict(dict)

    def add(self, kind: str, record_id: str, /, **fields: Any) -> Any:
        """A record of `kind` with the kind's default required fields, overridden by `fields` (which may hold a `kind` field)."""
        values = {**DEFAULTS[kind](record_id), **fields}
        spec = KINDS[kind]
        path = f"data/{spec.folder}" if spec.single else f"data/{spec.folder}/{record_id}.yml"
        record = spec.model.model_validate(as_loaded(values)).bind(record_id, path)
        self.records[kind][record_id] = record
        return record

    def __getattr__(self, kind: str):
        """`data.enterprise("x", ...)` is `data.add("enterprise", "x", ...)`, for every kind."""
        if kind in KINDS:
            return lambda record_id=kind, **fields: self.add(kind, record_id, **fields)
        raise AttributeError(kind)

    def catalog(self) -> Catalog:
        return Catalog({kind: dict(self.records.get(kind, {})) for kind in KINDS}, today=self.today)


def holding(post: str, start: Any, end: Any = None) -> dict:
    """An official's membership of a post."""
    return {"post": post, "start": start, **({"end": end} if end else {})}


def step(day: Any, status: str, officials: tuple[str, ...] = (), note: str | None = None) -> dict:
    """A dated step of an ask's history."""
    return {"date": day, "status": status, "source": "https://example.org/minutes", "officials": list(officials), **({"note": note} if note else {})}
