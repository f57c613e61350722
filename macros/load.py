"""The strict YAML loader: the only way this project reads YAML.

It builds plain Python values (dict, list, str, bool, None) straight from PyYAML's parser
events, remembering where every key and value stood, and refuses what editors almost never
mean and attackers often do: tags, anchors and aliases, duplicate keys, several documents,
empty files, huge or deeply nested files, text that is not UTF-8.

Scalars stay the text as written (so `NO`, `01234`, `12:30` and `1.10` survive); only a
plain `true`/`false` becomes a bool and an empty plain value becomes None. The models in
`macros.kinds` turn text into numbers and dates where a field says so, with messages
that show the value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from yaml import events
from yaml.error import MarkedYAMLError, YAMLError
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from .problems import Problem

MAX_BYTES = 1_000_000
MAX_DEPTH = 32
BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}

# YAML 1.1's printable set; anything else (NUL, other C0/C1 controls, lone surrogates) is refused.
_UNPRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# Characters YAML reads as line breaks but git, grep and diff views do not: one line in an editor's
# review could carry a hidden extra key, and every later line number would shift. (CRLF is one break to both.)
_HIDDEN_BREAK = re.compile("\x85|\u2028|\u2029|\r(?!\n)")
_BREAK_NAMES = {
    "\x85": "U+0085 (next line)",
    "\u2028": "U+2028 (line separator)",
    "\u2029": "U+2029 (paragraph separator)",
    "\r": "a carriage return on its own",
}

Loc = tuple  # a path into the data: ("asks", 1, "history", 0)


def loc_text(loc: Loc) -> str:
    """`asks[1].history[0].officials[0]`: how a location is shown to editors."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "file"


@dataclass
class Loaded:
    """One file's data and where each of its values and keys stood (1-based line, column)."""

    path: str
    data: Any = None
    kind: str | None = None  # set by the reader once it knows which kind the file holds
    values: dict = field(default_factory=dict)
    keys: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)

    def where(self, loc: Loc, key: bool = False) -> tuple[int, int]:
        """The position of `loc`'s key (or value), else of its nearest enclosing value."""
        loc = tuple(loc)
        if key and loc in self.keys:
            return self.keys[loc]
        while loc not in self.values and loc:
            loc = loc[:-1]
        return self.values.get(loc, (1, 1))

    def problem(self, loc: Loc, message: str, rule: str, key: bool = False, level: str = "error") -> Problem:
        """A Problem at `loc` in this file (an error, or a `warning` that does not stop anything)."""
        line, col = self.where(loc, key)
        return Problem(self.path, line, col, loc_text(loc), message, rule, level)


class _PureEventStream(Reader, Scanner, Parser):
    """PyYAML's reader, scanner and parser, without its composer, resolver and constructor."""

    def __init__(self, text: str):
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)


try:  # libyaml's parser gives the same events about ten times faster, where PyYAML was built with it
    from yaml._yaml import CParser as _EventStream
except ImportError:  # pragma: no cover - PyYAML without libyaml
    _EventStream = _PureEventStream


class _LoadError(Exception):
    """Stops reading a file at its first fatal mistake (the parser cannot go on)."""

    def __init__(self, line: int, col: int, loc: Loc, message: str, rule: str):
        super().__init__(message)
        self.at = (line, col, loc, message, rule)


def _pos(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


@dataclass
class _Frame:
    """A mapping or sequence being built."""

    container: Any
    loc: Loc
    key: Any = None
    key_mark: tuple[int, int] | None = None
    seen: dict = field(default_factory=dict)


class _Builder:
    """Turns parser events into values and positions, collecting problems."""

    def __init__(self, loaded: Loaded):
        self.loaded = loaded
        self.stack: list[_Frame] = []
        self.documents = 0
        self.root: Any = None

    def fail(self, mark, loc: Loc, message: str, rule: str) -> None:
        line, col = _pos(mark)
        self.loaded.problems.append(Problem(self.loaded.path, line, col, loc_text(loc), message, rule))

    def current_loc(self) -> Loc:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.container, list):
            return top.loc + (len(top.container),)
        return top.loc + ((top.key,) if top.key is not None else ())

    def feed(self, event) -> None:
        if isinstance(event, events.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise _LoadError(*_pos(event.start_mark), (), "only one YAML document per file: found a second one after `---`", "multiple-documents")
            return
        if isinstance(event, events.AliasEvent):
            self.fail(event.start_mark, self.current_loc(), f"anchors and aliases are not allowed: '*{event.anchor}'", "yaml-alias")
            self.add(None, event.start_mark)
            return
        if isinstance(event, events.NodeEvent):
            self.check_node(event)
        if isinstance(event, events.ScalarEvent):
            self.add(self.scalar(event), event.start_mark, is_scalar=True)
        elif isinstance(event, (events.MappingStartEvent, events.SequenceStartEvent)):
            self.open(event)
        elif isinstance(event, (events.MappingEndEvent, events.SequenceEndEvent)):
            frame = self.stack.pop()
            if not self.stack:
                self.root = frame.container

    def check_node(self, event) -> None:
        loc = self.current_loc()
        if event.anchor is not None:
            self.fail(event.start_mark, loc, f"anchors and aliases are not allowed: '&{event.anchor}'", "yaml-alias")
        if event.tag is not None:
            self.fail(event.start_mark, loc, f"tags are not allowed: '{event.tag}'", "yaml-tag")

    def scalar(self, event) -> Any:
        value = event.value
        bad = _UNPRINTABLE.search(value)
        if bad:
            self.fail(event.start_mark, self.current_loc(), f"control character U+{ord(bad.group()):04X} is not allowed", "control-character")
        if not event.style:  # plain (None from PyYAML, "" from libyaml): the only style with implicit types
            if value in BOOLEANS:
                return BOOLEANS[value]
            if value == "":
                return None
        return value

    def open(self, event) -> None:
        container: Any = {} if isinstance(event, events.MappingStartEvent) else []
        if self.stack and isinstance(self.stack[-1].container, dict) and self.stack[-1].key is None:
            raise _LoadError(*_pos(event.start_mark), self.stack[-1].loc, "a key must be plain text, not a list or mapping", "yaml-syntax")
        loc = self.current_loc()
        if len(self.stack) >= MAX_DEPTH:
            raise _LoadError(*_pos(event.start_mark), loc, f"nested more than {MAX_DEPTH} levels deep", "too-deep")
        self.add(container, event.start_mark)
        self.stack.append(_Frame(container, loc))

    def add(self, value: Any, mark, is_scalar: bool = False) -> None:
        """Place a finished value (or a container just opened) where it belongs."""
        position = _pos(mark)
        if not self.stack:
            self.loaded.values[()] = position
            self.root = value
            return
        top = self.stack[-1]
        if isinstance(top.container, list):
            self.loaded.values[top.loc + (len(top.container),)] = position
            top.container.append(value)
        elif top.key is None:
            self.take_key(top, value, mark, is_scalar)
        else:
            self.loaded.values[top.loc + (top.key,)] = position
            top.container[top.key] = value
            top.key = None

    def take_key(self, top: _Frame, value: Any, mark, is_scalar: bool) -> None:
        if not is_scalar or not isinstance(value, str):
            value = "" if value is None else str(value).lower() if isinstance(value, bool) else value
        key = value
        if key in top.seen:
            self.fail(mark, top.loc + (key,), f"key '{key}' appears twice in one mapping: lines {top.seen[key]} and {mark.line + 1}", "duplicate-key")
            key = _Duplicate(key)  # keep parsing; the first value stays
        else:
            top.seen[key] = mark.line + 1
            self.loaded.keys[top.loc + (key,)] = _pos(mark)
        top.key = key


class _Duplicate(str):
    """A repeated key: parsed, reported, then dropped."""


def _decode(raw: bytes, loaded: Loaded) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        loaded.problems.append(Problem(loaded.path, line, col, "file", f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8", "encoding"))
        return None
    bad = control_character(text, loaded.path)
    if bad:
        loaded.problems.append(bad)
        return None
    return text


def control_character(text: str, path: str) -> Problem | None:
    """A control character (other than tab and line breaks) or a lone surrogate, at its position: word processors
    paste them, XML cannot hold them, and editors cannot see them."""
    bad = _UNPRINTABLE.search(text)
    if not bad:
        return None
    line, col = position(text, bad.start())
    return Problem(path, line, col, "file", f"control character U+{ord(bad.group()):04X} is not allowed", "control-character")


def position(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of `text[index]` as an editor or git sees them: only LF ends a line."""
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def hidden_break(text: str, path: str, line_offset: int = 0) -> Problem | None:
    """A character that YAML takes for a line break but an editor's diff does not, at its position."""
    found = _HIDDEN_BREAK.search(text)
    if not found:
        return None
    line, col = position(text, found.start())
    message = f"{_BREAK_NAMES[found.group()]} is a line break to YAML but not to git or a diff; remove it"
    return Problem(path, line + line_offset, col, "file", message, "hidden-line-break")


def load_text(text: str, path: str) -> Loaded:
    """Parse one YAML document from `text`; problems land in `.problems`, never raised."""
    loaded = Loaded(path)
    hidden = hidden_break(text, path)
    if hidden:
        loaded.problems.append(hidden)
        return loaded
    builder = _Builder(loaded)
    stream = _EventStream(text)
    try:
        while stream.check_event():
            builder.feed(stream.get_event())
    except _LoadError as exc:
        line, col, loc, message, rule = exc.at
        loaded.problems.append(Problem(path, line, col, loc_text(loc), message, rule))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _pos(mark) if mark else (1, 1)
        message, rule = _syntax_message(exc, text, mark)
        loaded.problems.append(Problem(path, line, col, loc_text(builder.current_loc()), message, rule))
    except YAMLError as exc:  # reader errors carry no mark
        loaded.problems.append(Problem(path, 1, 1, "file", str(exc).splitlines()[0], "yaml-syntax"))
    _drop_duplicates(builder.root)
    if not loaded.problems and builder.root is None:
        loaded.problems.append(Problem(path, 1, 1, "file", "is empty: a record needs its fields", "empty-file"))
    loaded.data = None if loaded.problems else builder.root
    return loaded


def _syntax_message(exc: MarkedYAMLError, text: str, mark) -> tuple[str, str]:
    """The parser's complaint as an editor should read it, and its rule."""
    problem = exc.problem or exc.context or "invalid YAML"
    lines = text.splitlines()
    at = lines[mark.line][mark.column : mark.column + 1] if mark and mark.line < len(lines) else ""
    if "'\\t'" in problem or at == "\t":
        return "tab characters cannot indent YAML; use spaces", "yaml-syntax"
    if "nesting depth" in problem:  # libyaml stops flow collections nested too deep before we see them
        return f"nested more than {MAX_DEPTH} levels deep", "too-deep"
    return f"invalid YAML: {problem}", "yaml-syntax"


def _drop_duplicates(value: Any) -> None:
    if isinstance(value, dict):
        for key in [k for k in value if isinstance(k, _Duplicate)]:
            del value[key]
        for item in value.values():
            _drop_duplicates(item)
    elif isinstance(value, list):
        for item in value:
            _drop_duplicates(item)


def load_file(path: Path, display: str) -> Loaded:
    """Read and parse one file, refusing files over MAX_BYTES before reading them whole."""
    loaded = Loaded(display)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            loaded.problems.append(Problem(display, 1, 1, "file", f"is {size:,} bytes; the limit is {MAX_BYTES:,}", "file-too-large"))
            return loaded
        raw = path.read_bytes()
    except OSError as exc:
        loaded.problems.append(Problem(display, 1, 1, "file", f"cannot be read: {exc.strerror}", "unreadable"))
        return loaded
    text = _decode(raw, loaded)
    if text is None:
        return loaded
    return load_text(text, display)
