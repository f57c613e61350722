"""Validate one loaded file against its kind: the model, then the kind's rules.

Pydantic's errors are translated into Problems at the position of the offending value,
with plain messages; the rule id is the error type (ours) or a mapped pydantic one.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from .kinds import Kind
from .kinds.introspect import derived, fields_at
from .load import Loaded, loc_text
from .problems import Problem

# pydantic error type -> (our rule, message); {expected} etc. come from the error's context.
_PYDANTIC = {
    "missing": ("required", "is required"),
    "extra_forbidden": ("unknown-field", "unknown field"),
    "literal_error": ("enum", "must be one of {expected}"),
    "list_type": ("type", "must be a list"),
    "model_type": ("type", "must be a mapping of fields"),
    "model_attributes_type": ("type", "must be a mapping of fields"),
    "dict_type": ("type", "must be a mapping"),
    "string_type": ("type", "must be text"),
    "too_short": ("required", "needs at least {min_length} entr{plural}"),
    "greater_than_equal": ("range", "must be at least {ge}"),
    "less_than_equal": ("range", "must be at most {le}"),
    "value_error": ("invalid", "{reason}"),
}


def validate(kind: Kind, loaded: Loaded, record_id: str) -> tuple[Any, list[Problem]]:
    """The record read from `loaded`, or None, and every problem found in it."""
    if not isinstance(loaded.data, dict):
        found = "a list" if isinstance(loaded.data, list) else "a single value"
        return None, [loaded.problem((), f"must be a mapping of fields (name: value), found {found}", "not-a-mapping")]
    try:
        record = kind.model.model_validate(loaded.data)
    except ValidationError as exc:
        return None, [problem_from_error(kind.model, loaded, error) for error in exc.errors()]
    record.bind(record_id, loaded.path)
    problems = [loaded.problem(loc, message, rule) for check in kind.rules for loc, message, rule in check(record)]
    return record, problems  # typed even when a rule failed, so cross-record checks still run


def problem_from_error(model: type[BaseModel], loaded: Loaded, error: dict) -> Problem:
    """One pydantic error as a Problem at the offending value (or the mapping that lacks a field)."""
    loc = _data_loc(loaded.data, error["loc"])
    kind = error["type"]
    if "input" in error and error["input"] is None and kind != "missing":
        # `field:` with nothing after it: the editor has yet to fill it in.
        return loaded.problem(loc, "is required: the value is empty", "required")
    if kind in _PYDANTIC:
        rule, template = _PYDANTIC[kind]
        ctx = dict(error.get("ctx") or {})
        ctx.setdefault("reason", str(ctx.get("error", error["msg"])).removeprefix("Value error, "))
        ctx["plural"] = "y" if ctx.get("min_length") == 1 else "ies"
        message = template.format(**ctx)
    else:
        rule, message = kind, error["msg"]
    if kind == "extra_forbidden":
        message += _suggestion(model, loc)
        return loaded.problem(loc, message, rule, key=True)
    if error["loc"][-1:] == ("[key]",):
        # A mapping's key was refused (a language a text is written in): the key itself is the mistake.
        return loaded.problem(loc, message, rule, key=True)
    if kind not in ("missing", "extra_forbidden") and isinstance(error.get("input"), (str, int, float)) and rule in ("enum", "range"):
        message += f": {error['input']!r}"
    if kind == "missing":
        line, col = loaded.where(loc[:-1])
        return Problem(loaded.path, line, col, loc_text(loc), message, rule)
    return loaded.problem(loc, message, rule)


def _data_loc(data: Any, loc: tuple) -> tuple:
    """Pydantic's error location as a path into the data: union tags dropped, dict keys kept."""
    out, node = [], data
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(part, str) and part.startswith("[") and part.endswith("]"):
            continue  # "[key]" (the key of the part before), or a bracketed union tag of ours
        if isinstance(node, dict) and part in node:
            out.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            out.append(part)
            node = node[part]
        elif last and isinstance(node, dict):
            out.append(part)
    return tuple(out)


def _suggestion(model: type[BaseModel], loc: tuple) -> str:
    """`; did you mean 'address'?` when an unknown field is close to a real one of its mapping."""
    names = [name for name, field in fields_at(model, loc[:-1]).items() if not derived(field)]
    close = difflib.get_close_matches(str(loc[-1]), names, n=1, cutoff=0.6)
    if close:
        return f"; did you mean '{close[0]}'?"
    return f"; allowed: {', '.join(names)}" if names else ""
