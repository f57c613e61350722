"""References between records: every id must resolve; back-references are derived here.

A field refers to another record when its type is `RefTo(target)` (see kinds/fields.py);
`kinds.introspect.iter_refs` walks the models by their annotations and finds every such
value, so a new reference field needs no code here.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from . import i18n
from .kinds import KINDS
from .kinds.glossary import RECORD
from .kinds.introspect import iter_refs
from .kinds.monitoring import MEASURES
from .kinds.position import ARTICLE, FIGURE
from .load import Loaded
from .problems import Problem

VOCAB_LABELS = {
    "sectors": "sector",
    "districts": "district",
    "target-groups": "target group",
    "topics": "topic",
    "offering-categories": "offering category",
    "parties": "party",
}


def check_references(
    records: dict[str, dict[str, Any]], loaded: dict[str, Loaded], docs_dir: Path | None, known: dict[str, set[str]] | None = None
) -> list[Problem]:
    """A problem for every reference to an id that does not exist, at the referring value.

    `known` holds the ids of every file found, valid or not: a reference to a file that
    exists but has its own problems is not reported a second time."""
    known = known or {kind: set(by_id) for kind, by_id in records.items()}
    vocab = {name: v.labels() for name, v in records.get("vocabulary", {}).items()}
    vocab.update({name: None for name in known.get("vocabulary", ()) if name not in vocab})
    problems = []
    for source in loaded.values():
        if not isinstance(source.data, dict) or source.kind is None:
            continue
        for loc, target, value in iter_refs(source.data, KINDS[source.kind].model):
            message = _missing(target, value, known, vocab)
            if message:
                problems.append(
                    source.problem(
                        loc, message, "unknown-reference", key=isinstance(loc[-1], str) and target.startswith("vocab:") and loc[-2:-1] == ("by_district",)
                    )
                )
    for record in records.get("position", {}).values():
        problems += _evidence(record, loaded[record.source_path], records, known, docs_dir)
    for record in records.get("decision", {}).values():
        source = loaded[record.source_path]
        problems += _decision_asks(record, source, records) + _decision_articles(record, source, records, known) + _voters(record, source, records)
    for record in records.get("glossary", {}).values():
        problems += _page_sources(record, loaded[record.source_path], known, docs_dir)
    return problems


def _missing(target: str, value: str, known: dict, vocab: dict) -> str | None:
    """Why `value` does not resolve as a `target`, or None when it does."""
    if target.startswith("vocab:"):
        name = target[6:]
        if name not in vocab:
            return f"no vocabulary '{name}' (data/vocabularies/{name}.yml) to look up '{value}'"
        allowed = vocab[name]
        if allowed is None or value in allowed:  # None: the vocabulary file has problems of its own
            return None
        close = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'? " if close else "; "
        return f"no {VOCAB_LABELS.get(name, name)} '{value}'{hint}allowed: {', '.join(sorted(allowed))}"
    if value in known.get(target, ()):
        return None
    close = difflib.get_close_matches(value, sorted(known.get(target, ())), n=1, cutoff=0.75)
    return f"no {target} '{value}'" + (f"; did you mean '{close[0]}'?" if close else "")


def _evidence(record, source: Loaded, records: dict, known: dict, docs_dir: Path | None) -> list[Problem]:
    """Figures must exist in the monitor; articles must exist under docs/."""
    problems = []
    for i, item in enumerate(record.evidence):
        if not isinstance(item, str):
            continue
        figure = FIGURE.match(item)
        if figure:
            year, measure = figure.groups()
            monitoring = records.get("monitoring", {}).get(year)
            if measure not in MEASURES:
                problems.append(source.problem(("evidence", i), f"no measure '{measure}'; measures: {', '.join(MEASURES)}", "unknown-reference"))
            elif year in known.get("monitoring", ()) and monitoring is None:
                continue  # that year's file has problems of its own
            elif monitoring is None or getattr(monitoring.measures, measure) is None:
                problems.append(source.problem(("evidence", i), f"no monitoring figure '{measure}' for {year}", "unknown-reference"))
        elif ARTICLE.match(item) and docs_dir is not None and not article_exists(docs_dir, item):
            problems.append(source.problem(("evidence", i), f"no article '{item}' under docs/", "unknown-reference"))
    return problems


def _decision_asks(record, source: Loaded, records: dict) -> list[Problem]:
    """An ask a decision names is an ask of its position (a position that does not exist is reported already)."""
    problems = []
    for i, ref in enumerate(record.asks):
        position = records.get("position", {}).get(ref.position)
        if position is not None and ref.ask not in {a.id for a in position.asks}:
            ids = ", ".join(a.id for a in position.asks)
            problems.append(source.problem(("asks", i, "ask"), f"no ask '{ref.ask}' in position '{ref.position}'; its asks: {ids}", "unknown-reference"))
    return problems


def _decision_articles(record, source: Loaded, records: dict, known: dict) -> list[Problem]:
    """An article a decision names is an article of the manifesto (data/manifesto.yml)."""
    manifesto = records.get("manifesto", {}).get("manifesto")
    if manifesto is None and "manifesto" in known.get("manifesto", ()):
        return []  # the manifesto has problems of its own
    articles = [a.id for a in manifesto.articles] if manifesto else []
    problems = []
    for i, article in enumerate(record.articles):
        if article not in articles:
            where = f"articles: {', '.join(articles)}" if articles else "there is no manifesto (data/manifesto.yml)"
            close = difflib.get_close_matches(article, articles, n=1, cutoff=0.75)
            hint = f"; did you mean '{close[0]}'? " if close else "; "
            problems.append(source.problem(("articles", i), f"no manifesto article '{article}'{hint}{where}", "unknown-reference"))
    return problems


def _voters(record, source: Loaded, records: dict) -> list[Problem]:
    """An official whose own vote is recorded sat on the council that day: they held a post whose body is the council
    on the decision's date. (Aldermen and civil servants do not vote in the council.)"""
    if record.votes is None:
        return []
    problems = []
    for i, vote in enumerate(record.votes.officials):
        official = records.get("official", {}).get(vote.official)
        if official is None:
            continue  # an unknown official is reported already
        posts = records.get("post", {})
        seats = [
            m
            for m in official.memberships
            if m.post in posts and posts[m.post].body == "council" and m.start <= record.date and (m.end is None or record.date <= m.end)
        ]
        if not seats:
            problems.append(
                source.problem(
                    ("votes", "officials", i, "official"),
                    f"'{vote.official}' held no council post on {record.date}, so has no vote of their own to record",
                    "vote",
                )
            )
    return problems


def article_exists(docs_dir: Path, path: str) -> bool:
    """Whether a hand-written page is under docs/ in some language: `about.md`, or `about.nl.md`, `about.en.md`…"""
    stem, _, extension = path.rpartition(".")
    return (docs_dir / path).is_file() or any((docs_dir / f"{stem}.{code}.{extension}").is_file() for code in i18n.languages())


def page_source_problem(value: str, known: dict, docs_dir: Path | None) -> str | None:
    """Why a glossary source names no page of this site, or None: an article must exist under docs/, a record among
    the records (a one-file kind is named alone: `procurement`)."""
    record = RECORD.match(value)
    if record is None:
        return f"no article '{value}' under docs/" if docs_dir is not None and not article_exists(docs_dir, value) else None
    kind, record_id = record.group("kind"), record.group("id")
    if kind not in KINDS:
        return f"no kind '{kind}'; kinds: {', '.join(KINDS)}"
    if KINDS[kind].single:
        if record_id not in (None, kind):
            return f"the {kind} is one file: write '{kind}' alone"
        return None if kind in known.get(kind, ()) else f"no {kind} (data/{KINDS[kind].folder})"
    if record_id is None:
        return f"name the {kind} too, as '{kind}:<id>'"
    return _missing(kind, record_id, known, {})


def _page_sources(record, source: Loaded, known: dict, docs_dir: Path | None) -> list[Problem]:
    """Each glossary term's source is a page of this site that exists."""
    problems = []
    for i, term in enumerate(record.terms):
        message = page_source_problem(term.source, known, docs_dir)
        if message:
            problems.append(source.problem(("terms", i, "source"), message, "unknown-reference"))
    return problems
