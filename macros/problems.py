"""Problems: what is wrong with the data, where, and by which rule.

Every stage (load, validate, references) reports `Problem`s instead of raising, so that an
editor sees every mistake of a run at once. The formatters below are the public problem
format of contract.md.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file: 1-based line and column of the offending value. An `error` stops `wise check` and the
    build; a `warning` (advice, such as an easy-read sentence that is too long) is reported and stops nothing."""

    path: str
    line: int
    col: int
    field: str
    message: str
    rule: str
    level: str = "error"

    def text(self) -> str:
        """`path:line:col: level: field: message [rule]`, the contract's line."""
        return f"{self.path}:{self.line}:{self.col}: {self.level}: {self.field}: {self.message} [{self.rule}]"

    def github(self) -> str:
        """A GitHub Actions workflow command, so problems annotate the diff. Escaped as GitHub documents:
        `%`, CR and LF in the message, and also `:` and `,` in a property (a file name could hold them)."""
        message = _escape_data(f"{self.field}: {self.message} [{self.rule}]")
        return f"::{self.level} file={_escape_property(self.path)},line={self.line},col={self.col}::{message}"


def _escape_data(text: str) -> str:
    """A workflow command's message: it ends at a line break, and `%` starts an escape."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A workflow command's property value: as a message, and `:` and `,` separate properties."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class DataError(Exception):
    """Raised once, after all problems of a run are collected, by callers that must stop (the warnings of the run
    are among them, so they are reported too)."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(report(self.problems))


def _count(problems: list[Problem], noun: str) -> str:
    files = len({p.path for p in problems})
    return f"{len(problems)} {noun}{'s' if len(problems) != 1 else ''} in {files} file{'s' if files != 1 else ''}"


def summary(problems: list[Problem]) -> str:
    """`N errors in M files`, then `; K warnings in L files` when there are warnings, or `no problems`."""
    errors = [p for p in problems if p.level == "error"]
    warnings = [p for p in problems if p.level != "error"]
    parts = [_count(errors, "error")] if errors else []
    parts += [_count(warnings, "warning")] if warnings else []
    return "; ".join(parts) or "no problems"


def report(problems: list[Problem], fmt: str = "text") -> str:
    """Every problem sorted by path and line, one per line, then the summary line."""
    ordered = sorted(problems)
    if fmt == "json":
        return json.dumps([asdict(p) for p in ordered], indent=2, ensure_ascii=False)
    lines = [p.github() if fmt == "github" else p.text() for p in ordered]
    lines.append(summary(ordered))
    return "\n".join(lines)
