"""Turning record values into safe HTML: the Jinja environment, Markdown, counts, links.

Record text is data, never a template: templates receive it as values and autoescape it.
Markdown fields go through Python-Markdown and then nh3's allowlist, so raw HTML, script,
event handlers and javascript:/data: links never reach a page.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from functools import lru_cache
from pathlib import Path

import markdown as md
import nh3
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

TEMPLATES = Path(__file__).resolve().parent.parent / "overrides" / "records"

_TAGS = {"p", "br", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "pre", "h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td"}
_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}


def markdown(text: str | None) -> Markup:
    """A markdown field as sanitised HTML: allowed Markdown renders; raw HTML and unsafe links do not."""
    if not text:
        return Markup("")
    # Raw HTML is escaped before Markdown sees it, so it shows as text instead of vanishing.
    html = md.markdown(text.replace("<", "&lt;"), extensions=["tables", "sane_lists"], output_format="html")
    clean = nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"http", "https", "mailto"}, link_rel="noopener nofollow")
    return Markup(clean)


def paragraphs(text: str | None) -> Markup:
    """Plain text shown as written: escaped, blank lines make paragraphs, newlines make line breaks."""
    if not text:
        return Markup("")
    blocks = [b for b in str(text).strip().split("\n\n") if b.strip()]
    return Markup("".join(f"<p>{Markup('<br>').join(escape(line) for line in b.strip().splitlines())}</p>" for b in blocks))


def sentence(text: str | None) -> str:
    """Text that ends a sentence: a full stop is added unless it already ends in punctuation."""
    text = (text or "").strip()
    return text if not text or text[-1] in ".!?…" else text + "."


def people(count) -> str:
    """A count of people for publication: 1 to 9 become "<10" (small counts identify people)."""
    if count is None:
        return "–"
    if 0 < count < 10:
        return "<10"
    return number(count)


def number(value) -> str:
    """A number with thousands separators; whole floats without decimals."""
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}"
    return f"{int(value):,}"


def date(value) -> str:
    """A date or date-time as readers expect it: 12 March 2026, 14:00."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{value.day} {value:%B %Y, %H:%M}"
    return f"{value.day} {value:%B %Y}"


def iso(value) -> str:
    """The machine-readable form for <time datetime>."""
    return value.isoformat() if value is not None else ""


def relative(from_url: str, to_url: str) -> str:
    """A link from one directory URL of the site to another, relative so the site works under any prefix."""
    path, _, anchor = to_url.partition("#")
    target = path.rstrip("/") or "."
    rel = posixpath.relpath(target, from_url.rstrip("/") or ".")
    if path.endswith("/") or path == "":
        rel = rel + "/" if rel != "." else "./"
    return rel + (f"#{anchor}" if anchor else "")


def _finalize(value):
    """Every printed value: None is a template bug; braces are written as entities so that
    no later stage (or reader) mistakes record text for template syntax."""
    if value is None:
        raise ValueError("a template printed None; guard the value with `if`")
    html = value if isinstance(value, Markup) else escape(value)
    return Markup(str(html).replace("{", "&#123;").replace("}", "&#125;"))


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The one Jinja environment for generated pages: autoescape on, undefined is an error."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.tests["contains"] = lambda values, item: item in values
    env.tests["on_or_after"] = lambda value, day: (value.date() if isinstance(value, dt.datetime) else value) >= day
    env.filters.update(sentence=sentence, markdown=markdown, paragraphs=paragraphs, people=people, number=number, date=date, iso=iso)
    return env
