"""The glossary: its page of terms, and the one rule that links a page's first use of a term to its definition.

Record text is untrusted. The rule therefore works on text already made safe (escaped plain text, or Markdown
through the sanitiser), splits it into tags and text, and only wraps words inside text between tags: it adds one
element of its own around text it does not change, and never touches a tag, an attribute or a character reference.

Record text is in the page's language (the active one), and its terms are found by their forms in that language;
a text shown in another language, untranslated, stands in an element naming its language (`lang="nl"`), and inside
it the terms are found by their forms in that language. The note after it ("not yet translated") is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from .. import render
from ..catalog import Catalog
from ..glossary import Terms
from ..kinds import KINDS
from ..kinds.glossary import RECORD
from ..localized import Localized
from .base import SITE, Link, RecordView, Site, clip, sections

TITLE_CHARS = 200  # a term link's tooltip: its definition, cut short
# Inside these, a word is not a use to explain: a link already leads somewhere, a heading names the section, code
# and preformatted text are quoted as written, and an abbreviation or definition is already marked up. `small` holds
# the note that a text is not yet translated (macros/localized.py; the sanitiser lets no `small` through from text).
_LEAVE = frozenset({"a", "abbr", "dfn", "code", "pre", "kbd", "samp", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "textarea", "button", "small"})
_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.S)
_LANG = re.compile(r"""\slang=(?:"([^"]*)"|'([^']*)')""")


def mark_first_uses(fragments: Iterable[Markup], terms: Terms, href: Callable[[str], str], title: Callable[[str], str]) -> tuple[Markup, ...]:
    """The fragments of one page's text, in page order, with the first use of each term on the page wrapped in a link
    to its definition (`href(term id)`, tooltip `title(term id)`): whole words in any letter case, never inside a link,
    a heading, code or an abbreviation. A fragment whose text holds a bare `<` or `>` is not the safe HTML this expects,
    so it is left exactly as it is."""
    seen: set[str] = set()
    # Worked on as plain strings: a slice of Markup is Markup, and adding a str to it would escape our own tags.
    return tuple(_mark(str(fragment), terms, href, title, seen) for fragment in fragments)


def _mark(html: str, terms: Terms, href: Callable[[str], str], title: Callable[[str], str], seen: set[str]) -> Markup:
    # ("tag", tag, None), ("text", text that may hold uses, its language) or ("left", text left alone, None)
    pieces: list[tuple[str, str, str | None]] = []
    inside, position = 0, 0
    languages: list[tuple[str, str, int]] = []  # the elements naming a language that the text is in: (tag, language, depth)
    for tag in _TAG.finditer(html):
        language = languages[-1][1] if languages else None
        pieces += [("left", html[position : tag.start()], None) if inside else ("text", html[position : tag.start()], language), ("tag", tag.group(), None)]
        name = (tag.group(2) or "").lower()
        if name in _LEAVE and not tag.group().endswith("/>"):
            inside = max(0, inside - 1) if tag.group(1) else inside + 1
        _follow_language(languages, tag, name)
        position = tag.end()
    pieces.append(("left", html[position:], None) if inside else ("text", html[position:], languages[-1][1] if languages else None))
    if any("<" in piece or ">" in piece for what, piece, _ in pieces if what != "tag"):
        return Markup(html)
    return Markup("".join(_link_uses(piece, terms, href, title, seen, language) if what == "text" else piece for what, piece, language in pieces))


def _follow_language(languages: list[tuple[str, str, int]], tag: re.Match, name: str) -> None:
    """Keep `languages` (a stack) up to date past `tag`: an element with a `lang` attribute opens a language until its
    own end tag (counting elements of its name opened inside it)."""
    if tag.group().startswith("<!--") or tag.group().endswith("/>"):
        return
    closing = bool(tag.group(1))
    if languages and languages[-1][0] == name:
        element, language, depth = languages.pop()
        depth += -1 if closing else 1
        if depth:
            languages.append((element, language, depth))
        return
    found = None if closing else _LANG.search(tag.group())
    if found:
        languages.append((name, found.group(1) or found.group(2) or "", 1))


def _link_uses(text: str, terms: Terms, href: Callable[[str], str], title: Callable[[str], str], seen: set[str], language: str | None = None) -> str:
    """Escaped text (in `language`, else the active one) with the first use of each term not yet seen wrapped in its
    link; the words themselves unchanged."""
    out, position = [], 0
    for use in terms.find(text, language or None):
        if use.term in seen:
            continue
        seen.add(use.term)
        link = f'<a class="wise-term" href="{escape(href(use.term))}" title="{escape(title(use.term))}">'
        out += [text[position : use.start], link, text[use.start : use.end], "</a>"]
        position = use.end
    return "".join(out) + text[position:]


def as_html(text: Markup | str | None) -> Markup | None:
    """Record text as safe HTML: Markup as it is (already sanitised), plain text escaped (a translatable text in the
    active language, or marked with its own), None kept."""
    if text is None or isinstance(text, Markup):
        return text
    return escape(text)


def glossary_links(catalog: Catalog, page_url: str, *texts: Markup | str | None) -> tuple[Markup | None, ...]:
    """A record page's text (plain text or sanitised HTML, in the order the page shows it), with the first use of each
    glossary term linked to its definition on /glossary/ (relative to `page_url`); plain text comes back escaped."""
    fragments = [as_html(t) for t in texts]
    terms = catalog.glossary_terms()
    if not terms:
        return tuple(fragments)
    glossary_url = KINDS["glossary"].page_url("glossary")
    marked = iter(
        mark_first_uses(
            [f for f in fragments if f is not None],
            terms,
            lambda term_id: render.relative(page_url, f"{glossary_url}#{term_id}"),
            lambda term_id: clip(str(terms.by_id[term_id].definition), TITLE_CHARS),
        )
    )
    return tuple(None if f is None else next(marked) for f in fragments)


# -- the glossary's page ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Term:
    """One term as its page shows it: its anchor (the term's id), the term, its Dutch word and other forms, its
    definition, whether it is a hard word, and the page it comes from (marked when that page is example data)."""

    anchor: str
    term: str
    dutch: str | None
    also: str | None
    definition: str
    hard: bool
    source: Link
    source_example: bool


@dataclass(frozen=True, kw_only=True)
class GlossaryView(RecordView):
    intro: Markup
    terms: tuple[Term, ...]


def article_url(path: str) -> str:
    """The site URL of a hand-written page under docs/: `about.md` is `about/`, `knowledge/index.md` is `knowledge/`."""
    stem = path.removesuffix(".md")
    return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"


def source_link(catalog: Catalog, source: str, site: Site) -> tuple[Link, bool]:
    """A term's source as a link to its page on this site, and whether that page is example data."""
    record = RECORD.match(source)
    if record is None:
        return Link(article_url(source), site.article_title(source)), False
    kind = record.group("kind")
    found = catalog.get(kind, record.group("id") or kind)
    return Link(KINDS[kind].page_url(found.id), catalog.title(kind, found)), found.example


def headword(term: str) -> str:
    """A term as its heading shows it: its first letter a capital (`reserved contract` is "Reserved contract"), the
    rest as written (`CPV` stays `CPV`); a translatable term so in each of its languages."""
    if isinstance(term, Localized):
        return Localized({language: headword(word) for language, word in term.translations.items()}, term.language)
    return term[:1].upper() + term[1:]


def glossary_view(catalog: Catalog, glossary: Any, site: Site = SITE) -> GlossaryView:
    """/glossary/: every term in alphabetical order (of the terms in the page's language), anchored by its id, with
    its definition and source."""
    g = glossary
    terms = []
    for t in sorted(g.terms, key=lambda t: (str(t.term).casefold(), t.id)):
        link, example = source_link(catalog, t.source, site)
        terms.append(Term(t.id, headword(t.term), t.dutch, ", ".join(t.also) or None, t.definition, t.hard, link, example))
    return GlossaryView(
        title=g.title,
        kind="glossary",
        record_id=g.id,
        example=g.example,
        source_path=g.source_path,
        # The contents list the terms as the page's language has them (its fallback untranslated), without the note.
        toc=sections(*((t.anchor, str(t.term), True) for t in terms)),
        preview=g.intro or "",
        intro=render.paragraphs(g.intro),
        terms=tuple(terms),
    )
