"""Hand-written pages are data too: their front matter is read strictly and validated by a model,
macros run only on the pages mkdocs.yml lists and only in a sandbox, and their text is plain
text wherever the theme prints it.

An editor account can change a page in `docs/` as easily as a record in `data/`, so a page's
front matter gets the same treatment as a record: every key known, every value checked, every
problem reported at its line. `check_docs` is what `wise check` and the build run.
"""

from __future__ import annotations

import datetime as dt
import html as html_module
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import escape
from pydantic import BeforeValidator, Field, ValidationError

from . import i18n
from .exports.feeds import FeedItem, plain_text
from .kinds.fields import Accepts, Date, Flag, Line, Part, fail, markdown_strain, max_chars, text
from .load import control_character, hidden_break, load_text, position
from .problems import Problem
from .validate import problem_from_error

# MkDocs reads front matter between `---` lines at the very top (mkdocs.utils.meta.YAML_RE), and
# otherwise takes leading `key: value` lines as MultiMarkdown metadata.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
MULTIMARKDOWN_KEY = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:")
TAG = re.compile(r"^[\w][\w .'-]*$")
_TAG = re.compile(r"<[^>]+>")
MAX_PAGE_BYTES = 1_000_000


def tag(value: Any) -> str:
    """A tag or category is a few plain words: letters, digits, spaces, hyphens, dots and apostrophes."""
    value = text(value).strip()
    if not TAG.match(value) or len(value) > 60:
        raise fail("tag", f"must be a few plain words (letters, digits, spaces, - . '), at most 60 characters: {value[:80]!r}")
    return value


Tag = Annotated[str, BeforeValidator(tag), Accepts("a few plain words")]


class FrontMatter(Part):
    """The front matter of a hand-written page: what the theme, the blog and the macros read, nothing else."""

    title: Line | None = Field(None, description="the page's title, plain text")
    description: Annotated[Line, max_chars(300)] | None = Field(None, description="one plain sentence for search engines")
    tags: list[Tag] = []
    hide: list[Literal["navigation", "toc", "footer", "path", "tags"]] = []
    render_macros: Flag = Field(False, description="run the documented macros on this page; only pages listed in mkdocs.yml may")
    date: Date | None = Field(None, description="news posts: the day of publication")
    categories: list[Tag] = Field([], description="news posts: their categories")
    draft: Flag = False
    slug: Line | None = None  # a news post's address (the same in every language, so that its twins pair up)


def front_matter_text(text: str) -> tuple[str, int] | None:
    """The YAML text of a page's front matter and the line it starts on, or None without a `---` block."""
    found = FRONT_MATTER.match(text)
    return (found.group(1), 2) if found else None


def check_page(path: Path, display: str, macro_pages: frozenset[str], src_uri: str) -> list[Problem]:
    """Every problem with one hand-written page: how it is stored, its text, its front matter."""
    if path.is_symlink():
        return [Problem(display, 1, 1, "file", "is a symbolic link; pages must be regular files", "unreadable")]
    raw = path.read_bytes()
    if len(raw) > MAX_PAGE_BYTES:
        return [Problem(display, 1, 1, "file", f"is {len(raw):,} bytes; the limit is {MAX_PAGE_BYTES:,}", "file-too-large")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return [Problem(display, line, 1, "file", "is not valid UTF-8; save the file as UTF-8", "encoding")]
    hidden = hidden_break(text, display) or control_character(text, display)
    if hidden:
        return [hidden]
    strain = markdown_strain(text)
    if strain:
        line, col = position(text, strain[1])
        return [Problem(display, line, col, "file", strain[0], "markdown-budget")]
    block = front_matter_text(text)
    if block is None:
        first = text.split("\n", 1)[0]
        if MULTIMARKDOWN_KEY.match(first):
            return [
                Problem(
                    display,
                    1,
                    1,
                    "file",
                    "front matter goes between two `---` lines at the top; a first line like this one is taken as metadata and vanishes",
                    "front-matter",
                )
            ]
        return []
    yaml_text, first_line = block
    loaded = load_text(yaml_text, display)
    shift = first_line - 1
    problems = [Problem(p.path, p.line + shift, p.col, p.field, p.message, p.rule) for p in loaded.problems if p.rule != "empty-file"]
    if problems or loaded.data is None:
        return problems
    if not isinstance(loaded.data, dict):
        return [Problem(display, first_line, 1, "file", "front matter must be a mapping of fields (name: value)", "not-a-mapping")]
    try:
        FrontMatter.model_validate(loaded.data)
    except ValidationError as exc:
        problems = [_shifted(problem_from_error(FrontMatter, loaded, error), shift) for error in exc.errors()]
    if loaded.data.get("render_macros") is True and i18n.split_suffix(src_uri)[1] not in macro_pages:
        line, col = loaded.where(("render_macros",))
        listed = ", ".join(sorted(macro_pages)) or "none"
        message = f"macros run only on the pages listed in mkdocs.yml (plugins: wise: macro_pages; now: {listed})"
        problems.append(Problem(display, line + shift, col, "render_macros", message, "macros-not-allowed"))
    return problems


def _shifted(problem: Problem, shift: int) -> Problem:
    return Problem(problem.path, problem.line + shift, problem.col, problem.field, problem.message, problem.rule)


def check_docs(docs_dir: Path, macro_pages: frozenset[str] = frozenset(), display_root: Path | None = None) -> list[Problem]:
    """Every problem of every hand-written page under `docs_dir`, and every file or folder there that is skipped."""
    problems = []
    root = display_root or docs_dir.parent
    for path in sorted(docs_dir.rglob("*")):
        display = path.relative_to(root).as_posix()
        relative = path.relative_to(docs_dir)
        if path.is_symlink():
            problems.append(Problem(display, 1, 1, "file", "is a symbolic link; everything under docs/ must be a regular file or folder", "unreadable"))
        elif any(part.startswith(".") for part in relative.parts):
            problems.append(Problem(display, 1, 1, "file", "starts with a dot, so the site skips it; rename it or remove it", "skipped-file"))
        elif path.suffix == ".md" and path.is_file():
            problems += check_page(path, display, macro_pages, relative.as_posix())
    return problems


# -- the news feed -------------------------------------------------------------------------------
NEWS_POSTS = "news/posts/"  # the blog's posts, under docs/
NEWS_FEED = "news/feed.xml"
MORE = "<!-- more -->"  # the blog's excerpt marker


def news_item(page: Any, html_content: str, site_url: str) -> FeedItem:
    """A news post as a feed item: its title, address, date, categories and opening (up to the excerpt marker) as text."""
    day = page.meta.get("date")
    if isinstance(day, dict):  # the blog also accepts `date: {created: …, updated: …}`
        day = day.get("created")
    if isinstance(day, dt.datetime):
        day = day.date()
    return FeedItem(
        title=html_module.unescape(_TAG.sub("", page.title or "")),
        url=site_url + page.url,
        date=day if isinstance(day, dt.date) else dt.date(1970, 1, 1),
        categories=tuple(str(c) for c in page.meta.get("categories") or ()),
        summary=plain_text(html_content.split(MORE, 1)[0]),
    )


# -- what the theme prints ---------------------------------------------------------------------
def plain_meta(meta: dict) -> dict:
    """A page's metadata with its text escaped for the theme, which prints title and description unescaped."""
    out = dict(meta)
    for key in ("title", "description"):
        if isinstance(out.get(key), str):
            out[key] = str(escape(out[key]))
    return out


def untranslated_page(html: str, written_in: str) -> str:
    """A hand-written page shown in a language it is not yet written in: its text marked with the language it is
    in, under a note (in the page's language) that says so."""
    from markupsafe import Markup

    note = i18n.gettext("This page is not yet translated. Here it is in %(language)s.") % {"language": i18n.language_name(written_in, i18n.active())}
    return str(Markup('<p class="wise-untranslated" data-untranslated>{}</p><div lang="{}">').format(note, written_in)) + html + "</div>"


# -- macros in a sandbox -----------------------------------------------------------------------
def sandbox(macros_plugin: Any, documented: tuple[str, ...], site_name: str) -> None:
    """Give mkdocs-macros a sandboxed Jinja environment whose only globals are the documented macros.

    mkdocs-macros renders an opted-in page with a full Jinja environment whose variables (the
    config, the plugins, the navigation) reach Python's internals, so a pasted snippet could run
    a shell command in the build. The sandbox refuses attribute access to `__globals__`,
    `__class__` and the like, has no loader (no includes), and is handed only our macros."""
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
    env.globals.clear()
    env.globals.update({name: macros_plugin.macros[name] for name in documented})
    macros_plugin._env = env
    # The variables every page sees: none of the config or plugins. (mkdocs-macros adds the page itself,
    # and renders nothing at all when this is empty, hence the site's name.)
    variables = type(macros_plugin.variables)()
    variables["site_name"] = site_name
    macros_plugin._variables = variables
