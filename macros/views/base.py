"""The small objects every view is made of, and the helpers that make them from records.

A view is a frozen dataclass holding everything one page shows, already decided: links with
their text, dates with their readable and machine forms, figures formatted and suppressed,
each with its citation, sections for the table of contents. Templates only lay these out;
they call nothing but `href` (a site URL made relative to the page).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date, format_datetime
from markupsafe import Markup

from .. import certification, i18n
from ..catalog import Catalog
from ..i18n import N_
from ..kinds import KINDS
from ..kinds.fields import local, local_day
from ..repository import Repository


@dataclass(frozen=True)
class Link:
    """A link ready to print: `url` is a site URL ("showcase/x/#buy") or an absolute external one."""

    url: str
    text: str

    @property
    def external(self) -> bool:
        return is_external(self.url)


def is_external(url: str) -> bool:
    """Absolute links (http, https, mailto, tel) leave the site and are printed as they are."""
    return url.startswith(("http://", "https://", "mailto:", "tel:"))


@dataclass(frozen=True)
class Feed:
    """A feed that follows what a page shows: its site path, its title for feed readers (the page's head names it),
    and the words of its visible "Follow" link."""

    url: str
    title: str
    follow: str


@dataclass(frozen=True)
class When:
    """A date or date-time to print: the readable text and the ISO form for `<time datetime>`."""

    iso: str
    text: str


@dataclass(frozen=True)
class Span:
    """A period: start and end (either may be missing); `open_text` stands in for a missing end after a start."""

    start: When | None
    end: When | None
    open_text: str = "ongoing"


@dataclass(frozen=True)
class Section:
    """A heading of the page: its anchor and title. The table of contents is made of these."""

    id: str
    title: str


@dataclass(frozen=True)
class Status:
    """A state badge: its key (for the CSS class and data attributes) and the words readers see."""

    key: str
    label: str


@dataclass(frozen=True)
class Citation:
    """Where a figure comes from: `source` (a URL or a data file) and `year` mark the element; the rest is the citation text."""

    source: str
    year: str
    title: str
    url: str | None = None
    publisher: str | None = None
    example: bool = False


@dataclass(frozen=True)
class Figure:
    """One published figure: what it counts, its value as published, and where it comes from."""

    label: str
    value: str
    citation: Citation


@dataclass(frozen=True, kw_only=True)
class View:
    """What every page view has: its plain-text title, its sections, and whether it takes the full width; the feeds that
    follow what it shows; the plain-text description link previews and search engines show (`preview`; empty: the
    site's own), and the schema.org object the page is about (JSON-LD), when it is about one."""

    title: str
    toc: tuple[Section, ...] = ()
    wide: bool = False
    feeds: tuple[Feed, ...] = ()  # named in the page's head and linked visibly ("Follow")
    preview: str = ""  # the page's description for search engines and link previews, plain text
    structured: Any = None  # a schema.org object as JSON-ready data (dicts, lists, text), or None

    def has(self, section_id: str) -> bool:
        """Whether the page shows this section."""
        return any(section.id == section_id for section in self.toc)

    def heading(self, section_id: str) -> Section:
        """The section with this anchor; a template asking for one the view does not list is an error."""
        for section in self.toc:
            if section.id == section_id:
                return section
        raise KeyError(f"{type(self).__name__} has no section '{section_id}'")


@dataclass(frozen=True, kw_only=True)
class ListingView(View):
    """A page that lists records as cards (each kind's own card type) and says how many."""

    cards: tuple = ()

    @property
    def count(self) -> int:
        return len(self.cards)


@dataclass(frozen=True, kw_only=True)
class RecordView(View):
    """A page that shows one record: its `data-record` marker, whether it is example data, its source file and,
    with a repository configured, where that file is edited; and the record in easy-read words, when it has them
    (shown first, in a section of its own: `EASY_READ`)."""

    kind: str
    record_id: str
    example: bool = False
    source_path: str = ""
    edit_url: str | None = None
    easy_read: Markup | None = None  # the record's easy-read text as paragraphs

    @property
    def marker(self) -> str:
        return f"{self.kind}:{self.record_id}"


# The easy-read section: its anchor and heading, first among a record page's sections when the record has the text.
EASY_READ = ("easy-read", N_("Easy read"))


@dataclass(frozen=True)
class EmbedCode:
    """ "Embed this": the embed's site URL (for its preview link) and the `<iframe>` code to copy, as text."""

    url: str
    code: str


# The embeddable widgets' URLs by the kind of record they show (pages.EMBED_TYPES lays them out).
EMBED_URLS = {"monitoring": "embed/figures/{id}/", "enterprise": "embed/enterprise/{id}/", "campaign": "embed/campaign/{id}/"}


def embed_code(kind: str, record_id: str, title: str, height: int, site_url: str) -> EmbedCode:
    """The `<iframe>` code that shows a record's embed on another site: its address absolute (from the site's address),
    a title for screen readers, a height that fits the content, no border, loaded when scrolled to. The code is text
    another page will parse, so the title is escaped for an HTML attribute here, and escaped again where it is shown."""
    url = EMBED_URLS[kind].format(id=record_id)
    attribute = html.escape(title, quote=True)
    code = f'<iframe src="{site_url}{url}" title="{attribute}" width="100%" height="{height}" style="border:0" loading="lazy"></iframe>'
    return EmbedCode(url, code)


# -- making the small objects ------------------------------------------------------------------
def when(value: dt.date | dt.datetime | None) -> When | None:
    """A date as readers expect it (12 March 2026), a date-time with its time on the city's clock
    (12 March 2026, 14:00), whatever offset it was written with; the ISO form keeps what was written."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return When(value.isoformat(), format_datetime(local(value), "d MMMM y, HH:mm", locale=i18n.active()))
    return When(value.isoformat(), format_date(value, "d MMMM y", locale=i18n.active()))


def span(start, end, open_text: str = "ongoing") -> Span | None:
    """The period from `start` to `end`, or None when neither is known."""
    if start is None and end is None:
        return None
    return Span(when(start), when(end), open_text)


def sections(*candidates: tuple[str, str, Any]) -> tuple[Section, ...]:
    """The sections a page shows: (id, title, shown) for each candidate, in order, kept when `shown` is truthy."""
    return tuple(Section(section_id, title) for section_id, title, shown in candidates if shown)


def record_link(catalog: Catalog, kind: str, record: Any, anchor: str = "") -> Link:
    """A link to a record's page (by record or id), with its title as text."""
    if isinstance(record, str):
        record = catalog.get(kind, record)
    url = KINDS[kind].page_url(record.id) + (f"#{anchor}" if anchor else "")
    return Link(url, catalog.title(kind, record))


def record_links(catalog: Catalog, kind: str, records) -> tuple[Link, ...]:
    return tuple(record_link(catalog, kind, r) for r in records)


def term_anchor(entry_id: str) -> str:
    """A vocabulary entry's anchor on its vocabulary page; prefixed so it never collides with the page's own ids."""
    return f"term-{entry_id}"


def term(catalog: Catalog, vocabulary: str, entry_id: str) -> Link:
    """A vocabulary value as a link to its entry, with its label as text."""
    return Link(f"vocabularies/{vocabulary}/#{term_anchor(entry_id)}", catalog.label(vocabulary, entry_id))


def terms(catalog: Catalog, vocabulary: str, entry_ids) -> tuple[Link, ...]:
    return tuple(term(catalog, vocabulary, i) for i in entry_ids)


def district_link(catalog: Catalog, district: str) -> Link:
    """A link to a district's page (/districts/<id>/), with the district's label."""
    return Link(f"districts/{district}/", catalog.label("districts", district))


def external(url: str | None, text: str | None = None) -> Link | None:
    """A link off the site (a website, a source, a registration page), showing the URL unless a text is given."""
    return Link(url, text or url) if url else None


@dataclass(frozen=True)
class Contact:
    """Public business or office contact, each as a ready link."""

    email: Link | None
    phone: Link | None
    web: Link | None


def tel_href(phone: str) -> str:
    """A `tel:` link dialling the number as written: spaces, hyphens and brackets dropped, and the
    trunk `(0)` of an international number ("+31 (0)20 …") left out, since it is not dialled."""
    number = phone.replace("(0)", "") if phone.lstrip().startswith("+") else phone
    return "tel:" + re.sub(r"[^0-9+]", "", number)


def contact(c: Any) -> Contact | None:
    """A record's contact block as links (mailto:, tel:, web), or None."""
    if c is None:
        return None
    return Contact(
        Link(f"mailto:{c.email}", c.email) if c.email else None,
        Link(tel_href(c.phone), c.phone) if c.phone else None,
        external(c.url),
    )


def citation(year: Any) -> Citation:
    """The citation of a monitoring year's figures: its source's URL, else the data file it is read from."""
    return Citation(
        source=year.source.url or year.source_path,
        year=str(year.year),
        title=year.source.title,
        url=year.source.url,
        publisher=year.source.publisher,
        example=year.example,
    )


def cert_status(cert: Any, today: dt.date) -> Status:
    """A certification holding's state on the build date, as a badge (see certification.state)."""
    key = certification.state(cert, today)
    return Status(key, certification.label(key))


def day_of(value: dt.date | dt.datetime) -> dt.date:
    """The calendar day of a date, or of a date-time on the city's clock."""
    return local_day(value)


def clip(text: str, limit: int) -> str:
    """Text cut at a word boundary to at most `limit` characters, with an ellipsis when cut: plain text, in the
    language being made (record text in several languages gives its words in that language)."""
    text = str(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:") + "…"


@dataclass(frozen=True)
class Site:
    """Settings from mkdocs.yml and the hand-written pages that views need."""

    map_tiles: str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    map_attribution: str = "© OpenStreetMap contributors"
    site_url: str = ""
    site_name: str = "the social enterprise platform"
    article_titles: tuple[tuple[str, str], ...] = ()  # docs path -> title, for links to knowledge articles
    repository: Repository = Repository()  # where source files are edited, when one is configured

    def article_title(self, path: str) -> str:
        """A knowledge article's title, or its file name made readable."""
        titles = dict(self.article_titles)
        return titles.get(i18n.prefix() + path) or titles.get(path) or path.rsplit("/", 1)[-1][:-3].replace("-", " ").capitalize()


SITE = Site()
