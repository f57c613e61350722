"""Read the whole data/ tree: every file loaded, validated and cross-checked, problems collected.

`read_data` is the one entry the build, the CLI and the tests share. It reports every
problem of the run and only returns a catalog when there are none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import i18n
from .catalog import Catalog
from .easy_read import easy_read_warnings
from .handwritten import check_docs
from .kinds import KINDS, Kind
from .kinds.fields import SLUG, WINDOWS_RESERVED, name_key
from .load import Loaded, load_file
from .problems import DataError, Problem
from .references import check_references
from .settings import Settings, read_settings
from .validate import validate

YAML_SUFFIXES = (".yml", ".yaml")
NOT_RECORDS = {"schemas", "README.md"}  # generated schemas and notes for editors live beside the data


def _display(path: Path, root: Path) -> str:
    """The path as shown in problems: relative to the project (data/enterprises/x.yml)."""
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return path.as_posix()


def _kind_files(kind: Kind, data_dir: Path) -> list[Path]:
    """The files a kind reads: its one file, or the <id>.yml files in its folder (never through a symbolic link)."""
    if kind.single:
        return [p for p in (data_dir / kind.folder,) if p.is_file()]
    folder = data_dir / kind.folder
    if not folder.is_dir() or folder.is_symlink():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES and not p.name.startswith("."))


def _skipped(path: Path, data_dir: Path) -> list[Problem]:
    """A file or folder the reader would pass over without a word (a dot file, a symbolic link) is named instead."""
    display = _display(path, data_dir)
    if path.is_symlink():
        return [Problem(display, 1, 1, "file", "is a symbolic link; everything under data/ must be a regular file or folder", "unreadable")]
    if path.name.startswith("."):
        return [Problem(display, 1, 1, "file", "starts with a dot, so it is not read; rename it or remove it", "skipped-file")]
    return []


def _stray_files(data_dir: Path) -> list[Problem]:
    """Files under data/ that no kind reads: a typo in a folder name must not hide records, and nothing is skipped in silence."""
    known = {k.folder for k in KINDS.values()} | NOT_RECORDS
    problems = []
    for path in sorted(data_dir.iterdir()):
        skipped = _skipped(path, data_dir)
        if skipped:
            problems += skipped
            continue
        if path.name not in known:
            problems.append(
                Problem(_display(path, data_dir), 1, 1, "file", f"is not read by any kind; expected one of: {', '.join(sorted(known))}", "unknown-file")
            )
        elif path.is_dir() and path.name != "schemas":
            for inner in sorted(path.iterdir()):
                if inner.name.startswith("."):
                    problems += _skipped(inner, data_dir)
                elif inner.is_dir() or inner.suffix not in YAML_SUFFIXES:
                    problems.append(
                        Problem(
                            _display(inner, data_dir),
                            1,
                            1,
                            "file",
                            "is not a .yml record file; records are <id>.yml directly in their kind's folder",
                            "unknown-file",
                        )
                    )
    return problems


def _record_id(kind: Kind, path: Path) -> str:
    """A record's id: its file's name, or for a kind of one file (the manifesto), the kind's name."""
    return kind.name if kind.single else path.stem


def _id_problems(kind: Kind, path: Path, display: str, record_id: str) -> list[Problem]:
    """The file's name is the record's id: a valid slug, not reserved for another URL. A record
    is a regular file: a symbolic link could pull in any file of the machine that builds."""
    if path.is_symlink():
        return [Problem(display, 1, 1, "file", "is a symbolic link; records must be regular files", "unreadable")]
    if kind.single:
        return []
    if not SLUG.match(record_id) or len(record_id) > 64:
        return [
            Problem(
                display,
                1,
                1,
                "file",
                f"the file name is the id and must be like 'my-name-2' (a-z, 0-9, single hyphens, at most 64 characters): {record_id!r}",
                "id",
            )
        ]
    if record_id in kind.reserved_ids:
        return [Problem(display, 1, 1, "file", f"'{record_id}' is reserved for another page; rename the file", "id")]
    if record_id in WINDOWS_RESERVED:
        return [Problem(display, 1, 1, "file", f"'{record_id}' is a name Windows reserves for a device, so the checkout breaks there; rename the file", "id")]
    return []


@dataclass
class ParsedFiles:
    """Files already loaded and validated, kept between builds of one `make serve`: `read_data` reuses a file's
    entry while its size and modification time are unchanged, and notes which records it read anew or lost."""

    entries: dict[str, tuple] = field(default_factory=dict)  # display path -> (stat, key, loaded, record, problems)
    changed: set[tuple[str, str]] = field(default_factory=set)  # (kind, id) read anew or gone since the last build
    previous: dict[tuple[str, str], Any] = field(default_factory=dict)  # (kind, id) -> its record before the change

    def read(self, kind: Kind, path: Path, display: str, record_id: str) -> tuple[Loaded, Any, list[Problem]]:
        """The file's loaded data, record and problems, from the last read when the file has not changed."""
        stat = path.stat()
        signature = (stat.st_mtime_ns, stat.st_size)
        hit = self.entries.get(display)
        if hit is not None and hit[0] == signature and hit[1] == (kind.name, record_id):
            return hit[2], hit[3], hit[4]
        loaded, record, problems = _read_one(kind, path, display, record_id)
        if hit is not None:
            self.previous.setdefault(hit[1], hit[3])
        self.entries[display] = (signature, (kind.name, record_id), loaded, record, problems)
        self.changed.add((kind.name, record_id))
        return loaded, record, problems

    def forget_all_but(self, displays: set[str]) -> None:
        """Drop the files that are gone, noting their records as changed."""
        for display in set(self.entries) - displays:
            entry = self.entries.pop(display)
            self.previous.setdefault(entry[1], entry[3])
            self.changed.add(entry[1])


def _read_one(kind: Kind, path: Path, display: str, record_id: str) -> tuple[Loaded, Any, list[Problem]]:
    """One file loaded and validated against its kind: (loaded, record or None, problems)."""
    loaded = load_file(path, display)
    loaded.kind = kind.name
    if loaded.problems:  # the file did not parse; its data is None
        return loaded, None, list(loaded.problems)
    record, found = validate(kind, loaded, record_id)
    return loaded, record, found


def read_data(data_dir: Path, docs_dir: Path | None = None, today=None, settings: Settings | None = None, parsed: ParsedFiles | None = None) -> Catalog:
    """Load, validate and cross-check everything under `data_dir` (and the hand-written pages under
    `docs_dir`), by the project's settings (default: those of the mkdocs.yml beside `data_dir`);
    raise DataError with every problem. With `parsed`, unchanged files are not read again."""
    data_dir = Path(data_dir)
    docs_dir = Path(docs_dir) if docs_dir is not None else None
    if not data_dir.is_dir():
        raise DataError([Problem(data_dir.as_posix(), 1, 1, "file", "no such data folder", "unreadable")])
    settings = settings if settings is not None else read_settings(data_dir.parent)
    # Record text may be written in the site's languages (macros/localized.py): they are known before any is read.
    i18n.configure(settings.languages)
    problems = _stray_files(data_dir)
    records: dict[str, dict] = {}
    loaded_files: dict[str, Loaded] = {}
    first_file: dict[tuple[str, str], str] = {}
    for kind in KINDS.values():
        records[kind.name] = {}
        for path in _kind_files(kind, data_dir):
            display = _display(path, data_dir)
            record_id = _record_id(kind, path)
            id_problems = _id_problems(kind, path, display, record_id)
            if id_problems:
                problems += id_problems
                continue
            if (kind.name, record_id) in first_file:
                other = first_file[(kind.name, record_id)]
                problems.append(Problem(display, 1, 1, "file", f"has the same id '{record_id}' as {other}; ids must be unique within a kind", "duplicate-id"))
                continue
            first_file[(kind.name, record_id)] = display
            loaded, record, found = parsed.read(kind, path, display, record_id) if parsed is not None else _read_one(kind, path, display, record_id)
            loaded_files[display] = loaded
            problems += found
            if record is not None:
                records[kind.name][record_id] = record
    if parsed is not None:
        parsed.forget_all_but(set(loaded_files))
    # Cross-record checks run on every record that validated, so one bad file does not hide
    # the other files' mistakes; ids of files that failed still count as existing.
    known = {kind: {key[1] for key in first_file if key[0] == kind} for kind in KINDS}
    # Raw data stays on `loaded` only when it parsed; references are checked on it.
    problems += check_references(records, loaded_files, docs_dir, known)
    problems += _same_names(records, loaded_files)
    problems += _outside_city(records, loaded_files, settings)
    if docs_dir is not None and docs_dir.is_dir():
        problems += check_docs(docs_dir, settings.macro_pages, data_dir.parent)
    # Advice, not errors: reported with the errors, and on their own they stop nothing.
    warnings = easy_read_warnings(records, loaded_files)
    if problems:
        raise DataError(problems + warnings)
    return Catalog(records, today=today, warnings=warnings)


def _outside_city(records: dict, loaded: dict[str, Loaded], settings: Settings) -> list[Problem]:
    """An enterprise's pin lies in the city's box (mkdocs.yml: plugins: wise: city_bounds), so a swapped latitude and
    longitude, or a typo in a degree, does not put it in the sea."""
    problems = []
    for record in records["enterprise"].values():
        if record.geo and not settings.inside_city(record.geo.lat, record.geo.lon):
            (south, west), (north, east) = settings.city_bounds
            message = (
                f"lat {record.geo.lat}, lon {record.geo.lon} lies outside the city (lat {south} to {north}, lon {west} to {east}; mkdocs.yml: city_bounds)"
            )
            problems.append(loaded[record.source_path].problem(("geo",), message, "geo"))
    return problems


def _same_names(records: dict, loaded: dict[str, Loaded]) -> list[Problem]:
    """Two records of a kind whose names read alike (see name_key) would be indistinguishable to readers."""
    problems = []
    for kind in KINDS.values():
        seen: dict[str, str] = {}
        for record in records[kind.name].values():
            name = str(getattr(record, kind.title_field))
            key = name_key(name)
            if key in seen:
                problems.append(
                    loaded[record.source_path].problem((kind.title_field,), f"'{name}' is also the {kind.title_field} of {seen[key]}", "duplicate-name")
                )
            else:
                seen[key] = record.source_path
    return problems
