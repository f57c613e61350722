"""The interface's strings: found where they are written, and what each language's catalogue lacks.

Strings are marked in Python (`_("…")`, `N_("…")`, `ngettext("…", "…", n)`) and in the page templates and our
overrides of the theme's (`{{ _("…") }}`); the navigation's titles are the ones in `mkdocs.yml`. `wise messages`
writes them all to `locale/messages.pot` and adds the missing ones, untranslated, to each language's `messages.po`,
which a translator then fills in. `missing` is the rule the catalogue test holds: every string, translated in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import i18n

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "gettext": None, "N_": None, "ngettext": (1, 2)}
# The generated pages' templates, and our overrides of the theme's (main.html, partials/): only our own strings there
# are marked, the theme's are its own (`lang.t`).
SOURCES = (
    ("macros", "**/*.py", "python"),
    ("overrides/records", "**/*.html", "jinja2"),
    ("overrides", "*.html", "jinja2"),
    ("overrides/partials", "**/*.html", "jinja2"),
)


@dataclass(frozen=True, order=True)
class Message:
    """One interface string (with its plural, if it has one) and the first place it is written."""

    id: str
    plural: str | None = None
    where: str = ""


def _python(path: Path) -> list[tuple[int, object]]:
    from babel.messages.extract import extract_python

    with open(path, "rb") as handle:
        return [(line, text) for line, _, text, _ in extract_python(handle, KEYWORDS, [], {})]


def _jinja(path: Path) -> list[tuple[int, object]]:
    from jinja2.ext import babel_extract

    with open(path, "rb") as handle:
        return [(line, text) for line, _, text, _ in babel_extract(handle, KEYWORDS, [], {"trimmed": "true"})]


def nav_titles(config: Path) -> list[str]:
    """The navigation's titles in `mkdocs.yml` (written in English; shown in each page's language)."""
    from mkdocs.utils.yaml import yaml_load

    with open(config, encoding="utf-8") as handle:
        nav = (yaml_load(handle) or {}).get("nav") or []
    titles: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, dict):
                for title, value in item.items():
                    titles.append(str(title))
                    if isinstance(value, list):
                        walk(value)

    walk(nav)
    return titles


def extract(root: Path = ROOT) -> list[Message]:
    """Every interface string of the project, once each, in order of first appearance by file."""
    found: dict[tuple[str, str | None], Message] = {}

    def add(text, where: str) -> None:
        if isinstance(text, tuple):
            singular, plural = (text + (None,))[:2]
        else:
            singular, plural = text, None
        if not isinstance(singular, str) or not singular:
            return  # `_(variable)`: a string marked elsewhere (N_), translated here
        found.setdefault((singular, plural), Message(singular, plural, where))

    for folder, pattern, method in SOURCES:
        for path in sorted((root / folder).glob(pattern)):
            if method == "python" and path.name == "i18n.py":
                continue  # its own docstrings show the markers, not strings to translate
            read = _python if method == "python" else _jinja
            for line, text in read(path):
                add(text, f"{path.relative_to(root).as_posix()}:{line}")
    config = root / "mkdocs.yml"
    if config.is_file():
        for title in nav_titles(config):
            add(title, "mkdocs.yml (nav)")
    return list(found.values())


def missing(language: str, messages: list[Message]) -> list[Message]:
    """The strings `language`'s catalogue does not translate (none for the language the strings are written in)."""
    if language == i18n.SOURCE_LANGUAGE:
        return []
    catalogue = i18n.catalogue(language)
    out = []
    for message in messages:
        keys = [f"{message.id}\x000", f"{message.id}\x001"] if message.plural else [message.id]
        if not all(key in catalogue for key in keys):
            out.append(message)
    return out


def write_template(messages: list[Message], path: Path) -> None:
    """`messages` as a gettext template (.pot)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    catalog = Catalog(project="wise-platform", charset="utf-8")
    for m in messages:
        catalog.add((m.id, m.plural) if m.plural else m.id, locations=[(m.where.rsplit(":", 1)[0], 0)])
    with open(path, "wb") as handle:
        write_po(handle, catalog, omit_header=True, sort_output=False, no_location=True, width=120)


def add_missing(language: str, messages: list[Message], root: Path = ROOT) -> int:
    """Add the strings `language` lacks, untranslated, to its `messages.po`; how many were added."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    lacking = missing(language, messages)
    if not lacking:
        return 0
    path = root / "locale" / language / "messages.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_file():
        with open(path, "rb") as handle:
            catalog = read_po(handle, locale=language)
    else:
        catalog = Catalog(locale=language, charset="utf-8")
    for m in lacking:
        if (m.id, m.plural) not in catalog and m.id not in catalog:
            catalog.add((m.id, m.plural) if m.plural else m.id, string=("", "") if m.plural else "")
    with open(path, "wb") as handle:
        write_po(handle, catalog, omit_header=True, no_location=True, width=120)
    i18n.catalogue.cache_clear()
    return len(lacking)
