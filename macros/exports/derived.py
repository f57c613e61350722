"""Exports derived from several records: one row per ask (from the positions), the certification matrix (one row
per enterprise, a column per scheme with its state today, and Article 20's test), the manifesto scorecard (one row
per article with its status, one row per party with its votes against the manifesto), and one row per glossary
term. The tracker, an official's page, the certification page and the scorecard download their shown rows from these
files. A column filled from a translatable field (an ask's text, an article's heading, a party's label, a term and its
definition) is followed by one column per other language of the site, `<column>_<lang>`, as in every export."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import buying, certification, decisions, lobby
from ..catalog import Catalog
from ..i18n import N_
from ..kinds.glossary import Term
from ..kinds.introspect import translatable_fields
from . import spread, translation_doc, with_translations


@dataclass(frozen=True)
class Derived:
    """An export of rows made from several records: its file name, what a row is, its columns and its rows."""

    name: str
    label: str
    row_is: str
    docs: tuple[tuple[str, str], ...]  # (column, what it holds), `<scheme id>` standing for one column per scheme
    columns: Callable[[Catalog], list[str]]
    rows: Callable[[Catalog], list[dict]]


def names(docs: tuple[tuple[str, str], ...], translatable: tuple[str, ...]) -> list[str]:
    """An export's columns from its docs: each documented column, and after each translatable one its text in every
    other language of the site (documented once, as `<column>_<lang>`)."""
    return with_translations([name for name, _ in docs if not name.endswith("_<lang>")], translatable)


ASK_TEXTS = ("text",)
ASK_DOCS = (
    ("id", "the ask's key: `<position id>#<ask id>`"),
    ("position", "the position's id"),
    ("ask", "the ask's id within its position (its anchor is #ask-<id>)"),
    ("text", "what the platform asks (in the site's default language)"),
    translation_doc("text"),
    ("status", f"the latest step's status: {', '.join(lobby.ASK_STATES)}"),
    ("last_step", "the date of the latest step"),
    ("open", "true while the position is active and the ask neither delivered nor refused"),
    ("targets", "the posts that hold the file"),
    ("topics", "the position's topics"),
    ("example", "true for fictional demo content"),
)


def ask_columns(catalog: Catalog) -> list[str]:
    return names(ASK_DOCS, ASK_TEXTS)


def ask_rows(catalog: Catalog) -> list[dict]:
    return [
        spread(
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
            },
            ASK_TEXTS,
        )
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


SCORECARD_TEXTS = ("heading",)
SCORECARD_DOCS = (
    ("id", "the manifesto article's id (its anchor is #article-<id>)"),
    ("heading", "the article's heading (in the site's default language)"),
    translation_doc("heading"),
    ("status", f"by the scorecard's rule: {', '.join(decisions.ARTICLE_STATES)}"),
    ("advanced_by", "the decisions that advanced it, newest first"),
    ("set_back_by", "the decisions that set it back, newest first"),
    ("promised_by", "the decisions that promised it, newest first"),
    ("decisions", "every decision that names it, newest first (a withdrawn one too)"),
    ("example", "true when a decision behind the status is fictional demo content"),
)


def scorecard_columns(catalog: Catalog) -> list[str]:
    return names(SCORECARD_DOCS, SCORECARD_TEXTS)


def scorecard_rows(catalog: Catalog) -> list[dict]:
    manifesto = catalog.manifesto
    rows = []
    for article in manifesto.articles if manifesto else ():
        found = decisions.for_article(catalog, article.id)
        by_effect = {e: [d.id for d in found if decisions.effect(d) == e] for e in (decisions.ADVANCES, decisions.SETS_BACK, decisions.PROMISES)}
        rows.append(
            spread(
                {
                    "id": article.id,
                    "heading": article.heading,
                    "status": decisions.article_status(found),
                    "advanced_by": by_effect[decisions.ADVANCES],
                    "set_back_by": by_effect[decisions.SETS_BACK],
                    "promised_by": by_effect[decisions.PROMISES],
                    "decisions": [d.id for d in found],
                    "example": any(d.example for d in found),
                },
                SCORECARD_TEXTS,
            )
        )
    return rows


ALIGNMENT_TEXTS = ("party",)
ALIGNMENT_DOCS = (
    ("id", "the party's id in data/vocabularies/parties.yml"),
    ("party", "the party's name: its label in the vocabulary (in the site's default language)"),
    translation_doc("party"),
    ("in_line", "its votes in line with the manifesto: for a proposal that goes the platform's way, or against one that goes against it"),
    ("against", "its votes against the manifesto"),
    ("absent", "the votes it was absent from"),
    ("share_in_line", "in-line votes as a share of its for-or-against votes, 0 to 1 (empty when it cast none)"),
    ("decisions", "the decisions it voted on that name a manifesto article, newest first"),
    ("example", "true when a decision it voted on is fictional demo content"),
)


def alignment_columns(catalog: Catalog) -> list[str]:
    return names(ALIGNMENT_DOCS, ALIGNMENT_TEXTS)


def alignment_rows(catalog: Catalog) -> list[dict]:
    return [
        spread(
            {
                "id": t.party,
                "party": catalog.label("parties", t.party),
                "in_line": t.count(decisions.IN_LINE),
                "against": t.count(decisions.AGAINST),
                "absent": t.count(decisions.ABSENT),
                "share_in_line": None if t.share is None else round(t.share, 4),
                "decisions": [d.id for d, _ in t.votes],
                "example": any(d.example for d, _ in t.votes),
            },
            ALIGNMENT_TEXTS,
        )
        for t in decisions.party_tallies(catalog)
    ]


# A term's columns are its model's fields, in order, and the glossary's `example`: the model documents them once.
TERM_TEXTS = translatable_fields(Term)
TERM_DOCS = (
    *(
        doc
        for name, field in Term.model_fields.items()
        for doc in ((name, " ".join((field.description or "").split())), *((translation_doc(name),) if name in TERM_TEXTS else ()))
    ),
    ("example", "true for fictional demo content (the glossary's flag)"),
)


def term_columns(catalog: Catalog) -> list[str]:
    return names(TERM_DOCS, TERM_TEXTS)


def term_rows(catalog: Catalog) -> list[dict]:
    glossary = catalog.glossary
    if glossary is None:
        return []
    # The translatable fields as their values (spread writes each language's text), the rest as JSON.
    return [
        spread(t.model_dump(mode="json") | {name: getattr(t, name) for name in TERM_TEXTS} | {"example": glossary.example}, TERM_TEXTS) for t in glossary.terms
    ]


DERIVED = (
    Derived("asks", N_("Asks"), N_("one ask of a position"), ASK_DOCS, ask_columns, ask_rows),
    Derived(
        "certification-matrix",
        N_("Certification matrix"),
        N_("one enterprise: its state for each certification scheme and Article 20's test"),
        MATRIX_DOCS,
        matrix_columns,
        matrix_rows,
    ),
    Derived(
        "scorecard",
        N_("Manifesto scorecard"),
        N_("one manifesto article: its status and the decisions behind it"),
        SCORECARD_DOCS,
        scorecard_columns,
        scorecard_rows,
    ),
    Derived(
        "party-alignment",
        N_("Parties and the manifesto"),
        N_("one party: how its votes on the decisions naming a manifesto article lined up with the manifesto"),
        ALIGNMENT_DOCS,
        alignment_columns,
        alignment_rows,
    ),
    Derived("glossary-terms", N_("Glossary terms"), N_("one term of the glossary, with its definition and source"), TERM_DOCS, term_columns, term_rows),
)
