"""Exports derived from several records: one row per ask (from the positions), the certification matrix
(one row per enterprise, a column per scheme with its state today, and Article 20's test), and one row per glossary
term. The tracker and the certification page download their shown rows from these files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import buying, certification, lobby
from ..catalog import Catalog
from ..kinds.glossary import Term


@dataclass(frozen=True)
class Derived:
    """An export of rows made from several records: its file name, what a row is, its columns and its rows."""

    name: str
    label: str
    row_is: str
    docs: tuple[tuple[str, str], ...]  # (column, what it holds), `<scheme id>` standing for one column per scheme
    columns: Callable[[Catalog], list[str]]
    rows: Callable[[Catalog], list[dict]]


ASK_DOCS = (
    ("id", "the ask's key: `<position id>#<ask id>`"),
    ("position", "the position's id"),
    ("ask", "the ask's id within its position (its anchor is #ask-<id>)"),
    ("text", "what the platform asks"),
    ("status", f"the latest step's status: {', '.join(lobby.ASK_STATES)}"),
    ("last_step", "the date of the latest step"),
    ("open", "true while the position is active and the ask neither delivered nor refused"),
    ("targets", "the posts that hold the file"),
    ("topics", "the position's topics"),
    ("example", "true for fictional demo content"),
)


def ask_columns(catalog: Catalog) -> list[str]:
    return [name for name, _ in ASK_DOCS]


def ask_rows(catalog: Catalog) -> list[dict]:
    return [
        {
            "id": f"{v.position.id}#{v.ask.id}",
            "position": v.position.id,
            "ask": v.ask.id,
            "text": v.ask.text,
            "status": v.status,
            "last_step": v.last.date.isoformat() if v.last else None,
            "open": v.is_open,
            "targets": list(v.position.targets),
            "topics": list(v.position.topics),
            "example": v.position.example,
        }
        for v in lobby.asks(catalog)
    ]


def certification_schemes(catalog: Catalog) -> list[Any]:
    return [s for s in catalog.all("scheme") if s.kind == "certification"]


MATRIX_DOCS = (
    ("id", "the enterprise's id"),
    ("name", "the enterprise's name"),
    ("<scheme id>", f"one column per certification scheme: the enterprise's state today ({', '.join(certification.CERT_STATES)}), empty when it never applied"),
    ("article20", "Article 20's test for reserved contracts: yes, no or unknown"),
    ("example", "true for fictional demo content"),
)


def matrix_columns(catalog: Catalog) -> list[str]:
    return ["id", "name", *(s.id for s in certification_schemes(catalog)), "article20", "example"]


def matrix_rows(catalog: Catalog) -> list[dict]:
    rules = catalog.procurement
    schemes = certification_schemes(catalog)
    return [
        {
            "id": e.id,
            "name": e.name,
            **{s.id: certification.best_state(e, s.id, catalog.today) for s in schemes},
            "article20": buying.article20(e, catalog.today, rules).state,
            "example": e.example,
        }
        for e in catalog.all("enterprise")
    ]


# A term's columns are its model's fields, in order, and the glossary's `example`: the model documents them once.
TERM_DOCS = (
    *((name, " ".join((field.description or "").split())) for name, field in Term.model_fields.items()),
    ("example", "true for fictional demo content (the glossary's flag)"),
)


def term_columns(catalog: Catalog) -> list[str]:
    return [name for name, _ in TERM_DOCS]


def term_rows(catalog: Catalog) -> list[dict]:
    glossary = catalog.glossary
    if glossary is None:
        return []
    return [{**t.model_dump(mode="json"), "example": glossary.example} for t in glossary.terms]


DERIVED = (
    Derived("asks", "Asks", "one ask of a position", ASK_DOCS, ask_columns, ask_rows),
    Derived(
        "certification-matrix",
        "Certification matrix",
        "one enterprise: its state for each certification scheme and Article 20's test",
        MATRIX_DOCS,
        matrix_columns,
        matrix_rows,
    ),
    Derived("glossary-terms", "Glossary terms", "one term of the glossary, with its definition and source", TERM_DOCS, term_columns, term_rows),
)
