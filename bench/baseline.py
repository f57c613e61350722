"""The baseline the build is measured against: plain MkDocs + Material with its search plugin only, building one
Markdown page per record of the same demo city, out of the navigation.

Each page holds the record's own text, as a hand-written page of the same facts would: its name as the title, its
summary, a description (its own, or one sentence per field that holds a list or a mapping: offerings, address,
figures…) and a small table of its plain fields. So the two builds turn the same words into pages, and what the
comparison shows is what the project adds around them.
"""

from __future__ import annotations

from pathlib import Path

from macros.load import load_file

FOLDER = "records"  # docs/records/<kind folder>/<id>.md, left out of the navigation as a whole
TITLE_KEYS = ("name", "title", "year")
SUMMARY_KEYS = ("summary", "goal", "text")
LEFT_OUT = {"example", "description", *TITLE_KEYS, *SUMMARY_KEYS}

CONFIG = f"""\
site_name: Baseline
site_url: http://127.0.0.1:8000/
theme:
  name: material
plugins:
  - search
nav:
  - Home: index.md
not_in_nav: |
  /{FOLDER}/
"""

INDEX = """\
# Baseline

Plain MkDocs and Material, with the search plugin only, building one page per record of the demo city.
"""


def flat(value) -> str:
    """A field's value as one line of text: mappings as their values, lists joined with semicolons."""
    if isinstance(value, dict):
        return ", ".join(flat(v) for v in value.values())
    if isinstance(value, list):
        return "; ".join(flat(v) for v in value)
    return str(value)


def cell(value) -> str:
    """Text that stays in its Markdown table cell."""
    return flat(value).replace("|", "\\|").replace("\n", " ").strip()


def label(key: str) -> str:
    """A field name as a reader reads it: `target_groups` → `Target groups`."""
    return key.replace("_", " ").capitalize()


def page_text(record: dict, record_id: str) -> str:
    """One record as a plain Markdown page: title, summary, description, a table of its plain fields."""
    title = next((str(record[k]) for k in TITLE_KEYS if record.get(k) not in (None, "")), record_id)
    summary = next((flat(record[k]) for k in SUMMARY_KEYS if record.get(k) not in (None, "")), "")
    description = record.get("description")
    if description is None:
        nested = [f"{label(k)}: {flat(v)}." for k, v in record.items() if k not in LEFT_OUT and isinstance(v, dict | list) and v]
        description = " ".join(nested)
    plain = [(k, v) for k, v in record.items() if k not in LEFT_OUT and not isinstance(v, dict | list)]
    parts = [f"# {title}", summary, str(description)]
    if plain:
        parts.append("\n".join(["| field | value |", "|---|---|", *(f"| {label(k)} | {cell(v)} |" for k, v in plain)]))
    return "\n\n".join(p for p in parts if p) + "\n"


def write(data_dir: Path, out: Path, languages: tuple[str, ...] = ("en",)) -> int:
    """Write the baseline project for the demo city in `data_dir` into the new folder `out`, a page per record in
    each of `languages` (the default at the root, the others under `<code>/`, as the site has them); returns its page
    count (the records, and the home page)."""
    docs = out / "docs"
    folders = [FOLDER] + [f"{code}/{FOLDER}" for code in languages[1:]]
    (docs / FOLDER).mkdir(parents=True)
    (out / "mkdocs.yml").write_text(CONFIG.replace(f"  /{FOLDER}/\n", "".join(f"  /{f}/\n" for f in folders)), encoding="utf-8")
    (docs / "index.md").write_text(INDEX, encoding="utf-8")
    pages = 1
    for folder in folders:
        for kind in sorted(p for p in data_dir.iterdir() if p.is_dir() and p.name not in ("vocabularies", "schemas")):
            (docs / folder / kind.name).mkdir(parents=True, exist_ok=True)
            for path in sorted(kind.glob("*.yml")):
                record = load_file(path, path.name).data
                (docs / folder / kind.name / f"{path.stem}.md").write_text(page_text(record, path.stem), encoding="utf-8")
                pages += 1
    return pages
