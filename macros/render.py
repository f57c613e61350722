"""Turning record values into safe HTML: the Jinja environment, Markdown, plain paragraphs, relative links.

Record text is data, never a template: templates receive it as values and autoescape it.
Markdown fields go through Python-Markdown and then nh3's allowlist, so raw HTML, script,
event handlers and javascript:/data: links never reach a page.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import markdown as md
import nh3
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from . import i18n
from .localized import Localized, in_language
from .mdx import SCROLL_CLASS

TEMPLATES = Path(__file__).resolve().parent.parent / "overrides" / "records"

_TAGS = {"p", "br", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "pre", "h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td"}
_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}


def markdown(text: str | None) -> Markup:
    """A markdown field as sanitised HTML: allowed Markdown renders; raw HTML and unsafe links do not. A translatable
    field renders the active language's text; another language's, where it has no translation, is wrapped in an
    element naming that language and followed by a note (macros/localized.py)."""
    if isinstance(text, Localized):
        return in_language(markdown(text.text()), text)
    if not text:
        return Markup("")
    # Raw HTML is escaped before Markdown sees it, so it shows as text instead of vanishing.
    html = md.markdown(text.replace("<", "&lt;"), extensions=["tables", "sane_lists"], output_format="html")
    clean = nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"http", "https", "mailto"}, link_rel="noopener nofollow")
    # Tables scroll in a focusable box (see mdx.py), added after sanitising, which lets no such markup through from
    # the text. A group, not a region: several record fields on one page could not give regions distinct names.
    return Markup(
        clean.replace("<table>", f'<div class="{SCROLL_CLASS}" role="group" tabindex="0" aria-label="Table"><table>').replace("</table>", "</table></div>")
    )


def paragraphs(text: str | None) -> Markup:
    """Plain text shown as written: escaped, blank lines make paragraphs, newlines make line breaks. A translatable
    field shows the active language's text, or another language's wrapped and noted as `markdown` does."""
    if isinstance(text, Localized):
        return in_language(paragraphs(text.text()), text)
    if not text:
        return Markup("")
    blocks = [b for b in str(text).strip().split("\n\n") if b.strip()]
    return Markup("".join(f"<p>{Markup('<br>').join(escape(line) for line in b.strip().splitlines())}</p>" for b in blocks))


def sentence(text: str | None) -> str:
    """Text that ends a sentence: a full stop is added unless it already ends in punctuation."""
    text = str(text or "").strip()  # plain text in the language being made
    return text if not text or text[-1] in ".!?…" else text + "."


@lru_cache(maxsize=65536)
def relative(from_url: str, to_url: str) -> str:
    """A link from one directory URL of the site to another, relative so the site works under any prefix.
    Absolute links (http, https, mailto, tel) are returned as they are. (Cached: a listing links the same
    pages from every page of its kind.)"""
    if to_url.startswith(("http://", "https://", "mailto:", "tel:")):
        return to_url
    path, _, anchor = to_url.partition("#")
    rel = _relpath(path.rstrip("/"), from_url.rstrip("/"))
    if path.endswith("/") or path == "":
        rel = rel + "/" if rel != "." else "./"
    return rel + (f"#{anchor}" if anchor else "")


def _relpath(target: str, start: str) -> str:
    """`posixpath.relpath` for two site paths without a leading slash ("" is the site's root), computed on the
    segments alone (relpath asks the file system for the working directory on every call)."""
    to, here = [p for p in target.split("/") if p], [p for p in start.split("/") if p]
    common = 0
    while common < min(len(to), len(here)) and to[common] == here[common]:
        common += 1
    parts = [".."] * (len(here) - common) + to[common:]
    return "/".join(parts) or "."


# Inside a script block the HTML parser ends the block at `</script` and changes state at `<!--`, whatever JSON
# thinks: so no `<`, `>` or `&` may appear as themselves. U+2028 and U+2029 end a line in older JavaScript.
_JSON_LD_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _in_page_language(data):
    """`data` with each text in several languages as its plain text in the language being made (JSON would write a
    text's default language, the string it is)."""
    if isinstance(data, dict):
        return {key: _in_page_language(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_in_page_language(value) for value in data]
    return str(data) if isinstance(data, Localized) else data


def json_ld(data) -> str:
    """schema.org data as JSON for a `<script type="application/ld+json">` block that no text can break out of:
    `<`, `>`, `&`, U+2028 and U+2029 written as \\u escapes. They can only stand inside JSON strings, where the escape
    means the same character, so a reader parses exactly the data. Record text is written in the page's language."""
    text = json.dumps(_in_page_language(data), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escaped in _JSON_LD_ESCAPES.items():
        text = text.replace(char, escaped)
    return text


def json_ld_block(data) -> Markup:
    """The script block holding `data` as JSON-LD. A data block: browsers do not run it, and the CSP does not apply."""
    return Markup(f'<script type="application/ld+json">{json_ld(data)}</script>')


def _finalize(value):
    """Every printed value: None is a template bug; braces are written as entities so that
    no later stage (or reader) mistakes record text for template syntax."""
    if value is None:
        raise ValueError("a template printed None; guard the value with `if`")
    html = str(value) if isinstance(value, Markup) else str(escape(value))
    if "{" in html or "}" in html:
        html = html.replace("{", "&#123;").replace("}", "&#125;")
    return Markup(html)


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
    # Templates get a view and `href` only: no filters or tests that could decide anything about the domain. Their
    # words are marked `_("…")` and spoken in the active language (macros/i18n.py); `trans` blocks are not used.
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)
    return env
