"""References between records: every id must resolve; back-references are derived here.

A field refers to another record when its type is `RefTo(target)` (see kinds/fields.py);
walking the models by their annotations finds every such value, so a new reference field
needs no code here.
"""

from __future__ import annotations

import difflib
import functools
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .kinds import KINDS
from .kinds.fields import Ref
from .kinds.monitoring import MEASURES
from .kinds.position import ARTICLE, FIGURE
from .load import Loaded
from .problems import Problem

VOCAB_LABELS = {"sectors": "sector", "districts": "district", "target-groups": "target group", "topics": "topic", "offering-categories": "offering category"}


def iter_refs(value: Any, annotation: Any = None, loc: tuple = ()) -> Iterator[tuple[tuple, str, str]]:
    """Every (loc, target, id) reference in a record: a validated model, or the raw data of
    one (then `annotation` is the kind's model class), so that files with other problems are
    still checked."""
    if annotation is None and isinstance(value, BaseModel):
        annotation = type(value)
    ref = _ref_of(annotation)
    annotation = _strip(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, field_annotation in _fields(annotation):
            sub = value.get(name) if isinstance(value, dict) else getattr(value, name, None)
            if sub is not None:
                yield from iter_refs(sub, field_annotation, loc + (name,))
    elif typing.get_origin(annotation) is list and isinstance(value, list):
        (item,) = typing.get_args(annotation)
        for i, element in enumerate(value):
            yield from iter_refs(element, item, loc + (i,))
    elif typing.get_origin(annotation) is dict and isinstance(value, dict):
        key_ann, value_ann = typing.get_args(annotation)
        key_ref = _ref_of(key_ann)
        for key, element in value.items():
            if key_ref and isinstance(key, str):
                yield loc + (key,), key_ref.target, key
            yield from iter_refs(element, value_ann, loc + (key,))
    elif ref is not None and isinstance(value, str):
        yield loc, ref.target, value


@functools.cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, Any], ...]:
    """A model's fields with their full annotations (metadata included), computed once per model."""
    return tuple((name, typing.Annotated[(f.annotation, *f.metadata)] if f.metadata else f.annotation) for name, f in model.model_fields.items())


@functools.cache
def _ref_of(annotation: Any) -> Ref | None:
    """The Ref marker on an annotation, looking through Optional."""
    for meta in getattr(annotation, "__metadata__", ()):
        if isinstance(meta, Ref):
            return meta
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _ref_of(arg)
            if found:
                return found
    return None


@functools.cache
def _strip(annotation: Any) -> Any:
    """Look through Annotated and Optional to the type underneath."""
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
            annotation = args[0]
            continue
        return annotation


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
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"no {VOCAB_LABELS.get(name, name)} '{value}'{hint} allowed: {', '.join(sorted(allowed))}"
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
        elif ARTICLE.match(item) and docs_dir is not None and not (docs_dir / item).is_file():
            problems.append(source.problem(("evidence", i), f"no article '{item}' under docs/", "unknown-reference"))
    return problems
