"""Generated pages: a table of page types, and a pure function from the catalog to pages.

Each page type names its URL, the view function that decides everything the page shows, and
the template that lays that view out (overrides/records/). `render_site(catalog)` takes records
in and gives pages out (URL, title, HTML, table of contents), with the files published beside
them (the filterable listings' item files); the MkDocs plugin adapts it to `File.generated`, and
another static-site adapter could call it as well.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from . import i18n, render
from .catalog import Catalog
from .kinds import KINDS
from .views import (
    briefing,
    buy_social,
    buying,
    campaign,
    data,
    decision,
    district,
    embed,
    enterprise,
    glossary,
    manifesto,
    monitor,
    network,
    official,
    paging,
    position,
    post,
    scheme,
    scorecard,
    seminar,
    tracker,
    vocabulary,
)
from .views.base import EMBED_URLS, SITE, RecordView, Site, View
from .views.paging import PagedView
from .views.preview import HeadView


@dataclass(frozen=True)
class PageType:
    """One type of generated page: its URL (with `{id}` when there is a page per record of `kind`, or per entry of
    `vocabulary`), the view it shows, the template that lays the view out, and whether the navigation lists it."""

    name: str
    url: str
    view: Callable[..., View]
    template: str
    kind: str | None = None
    nav: bool = False
    needs: str | None = None  # a kind without whose records the page is not made (the calculator needs procurement.yml)
    vocabulary: str | None = None  # a vocabulary whose entries each get a page (the districts)
    source: str = "data/"  # what the page is made from, for its date in the sitemap (a record page: its own file)
    cards: str | None = None  # a filterable listing's cards (cards/<name>.html), for its pages and its item file alike

    def items(self, catalog: Catalog) -> list[Any]:
        """What the type makes a page for: each record of its kind, each entry of its vocabulary, or [None] for its one page."""
        if self.kind:
            return catalog.all(self.kind)
        if self.vocabulary:
            found = catalog.vocabulary(self.vocabulary)
            return list(found.entries) if found else []
        return [None]


def listing(kind: str, view: Callable[..., View], cards: str | None = None) -> PageType:
    """A kind's listing page, at the kind's listing URL, laid out by listings/<kind>.html."""
    return PageType(f"{kind} listing", KINDS[kind].listing, view, f"listings/{kind}.html", nav=True, source=f"data/{KINDS[kind].folder}/", cards=cards)


def records(kind: str, view: Callable[..., View], template: str | None = None, suffix: str = "") -> PageType:
    """A page per record of a kind, at the kind's record URL (plus `suffix`), laid out by <kind>.html."""
    return PageType(f"{kind}{' ' + suffix.strip('/') if suffix else ''}", KINDS[kind].url + suffix, view, template or f"{kind}.html", kind=kind)


PAGE_TYPES: tuple[PageType, ...] = (
    PageType("buy-social", "buy-social/", buy_social.buy_social_view, "sections/buy-social.html", nav=True, cards="cards/supplier.html"),
    PageType("social-return", "buy-social/social-return/", buying.social_return_view, "sections/social-return.html", nav=True, needs="procurement"),
    PageType("procurement", KINDS["procurement"].url, buying.procurement_view, "procurement.html", kind="procurement", nav=True),
    PageType("data", "data/", data.data_view, "sections/data.html", nav=True),
    PageType("tracker", "lobby/tracker/", tracker.tracker_view, "sections/tracker.html", nav=True, cards="cards/ask.html"),
    listing("vocabulary", vocabulary.vocabularies_view),
    records("vocabulary", vocabulary.vocabulary_view),
    listing("enterprise", enterprise.showcase_view, "cards/enterprise.html"),
    records("enterprise", enterprise.enterprise_view),
    listing("post", post.posts_view),
    records("post", post.post_view),
    listing("official", official.officials_view),
    records("official", official.official_view),
    records("official", briefing.briefing_view, "briefing.html", "briefing/"),
    listing("position", position.positions_view),
    records("position", position.position_view),
    listing("decision", decision.decisions_view, "cards/decision.html"),
    records("decision", decision.decision_view),
    listing("campaign", campaign.campaigns_view),
    records("campaign", campaign.campaign_view),
    listing("seminar", seminar.seminars_view),
    records("seminar", seminar.seminar_view),
    listing("network", network.networks_view),
    records("network", network.network_view),
    listing("scheme", scheme.certification_view, "cards/matrix.html"),
    PageType("self-test", "certification/self-test/", scheme.self_test_view, "sections/self-test.html", nav=True),
    records("scheme", scheme.scheme_view),
    listing("monitoring", monitor.monitor_view),
    records("monitoring", monitor.monitoring_view),
    records("manifesto", manifesto.manifesto_view),
    PageType("scorecard", "manifesto/scorecard/", scorecard.scorecard_view, "sections/scorecard.html", nav=True, needs="manifesto"),
    PageType("district", "districts/{id}/", district.district_view, "district.html", vocabulary="districts"),
    PageType("glossary", KINDS["glossary"].url, glossary.glossary_view, "glossary.html", kind="glossary", nav=True),
)


def embeds(kind: str, view: Callable[..., View]) -> PageType:
    """The embeddable widget of each record of a kind (/embed/…), laid out by embed/<kind's widget>.html."""
    url = EMBED_URLS[kind]
    return PageType(f"{kind} embed", url, view, f"embed/{url.split('/')[1]}.html", kind=kind)


# Embeds are files of their own, not pages of the theme: no navigation, search or site chrome around them.
EMBED_TYPES: tuple[PageType, ...] = (
    embeds("monitoring", embed.figures_embed),
    embeds("enterprise", embed.enterprise_embed),
    embeds("campaign", embed.campaign_embed),
)


@dataclass(frozen=True)
class GeneratedPage:
    """A page to add to the site: its URL (directory style), plain-text title, HTML body and table of contents."""

    url: str
    title: str
    html: str
    nav: bool = False  # listings are in the navigation; record pages never are
    wide: bool = False  # filterable listings use the full width (no navigation sidebar)
    toc: tuple[dict, ...] = ()
    edit_url: str | None = None  # a record page's YAML file in the repository; listings have no one file
    feeds: tuple[tuple[str, str], ...] = ()  # (site path, title) of the feeds the page's head names
    preview: str = ""  # its description for search engines and link previews (plain text; empty: the site's)
    structured: Any = None  # its schema.org object, or None
    sources: tuple[str, ...] = ()  # the data files (or folders, ending in /) it is made from, relative to the project
    language: str = i18n.SOURCE_LANGUAGE  # the language it is written in (its URL has that language's prefix)

    @property
    def src_uri(self) -> str:
        return f"{self.url}index.md"


def toc_tokens(view: View) -> tuple[dict, ...]:
    """The page's table of contents, in the token form MkDocs' `get_toc` reads: the title with the view's sections beneath.

    A token's name is HTML (the theme prints it as it is), so the titles, which are text, are escaped here."""
    children = [{"level": 2, "id": s.id, "name": str(escape(str(s.title))), "children": []} for s in view.toc]
    return ({"level": 1, "id": "title", "name": str(escape(str(view.title))), "children": children},)


def href(here: str, target: str) -> str:
    """A link from the page at site path `here` to the site path `target` in the active language (a page in the
    language's folder, a shared file where it is), relative so that the site works under any prefix."""
    return render.relative(here, i18n.localize(target))


def html(template: str, url: str, view: View) -> str:
    """A view laid out by its template in the active language at `url` (a path without the language's prefix); the
    template gets the view and `href` (a site path made relative to the page), nothing else."""
    return render.environment().get_template(template).render(view=view, href=partial(href, i18n.localize(url)))


def generated(page_type: PageType, url: str, view: View, edit_url: str | None = None, nav: bool | None = None) -> GeneratedPage:
    """A view laid out at `url` as a page of the site."""
    nav = page_type.nav if nav is None else nav
    sources = (view.source_path,) if isinstance(view, RecordView) and view.source_path else (page_type.source,)
    return GeneratedPage(
        i18n.localize(url),
        str(view.title),
        html(page_type.template, url, view),
        nav,
        view.wide,
        toc_tokens(view),
        edit_url,
        feeds=tuple((f.url, f.title) for f in view.feeds),
        preview=view.preview,
        structured=view.structured,
        sources=sources,
        language=i18n.active(),
    )


def page(page_type: PageType, catalog: Catalog, record: Any = None, site: Site = SITE) -> GeneratedPage:
    """One page of a page type: for `record` (a record, or a vocabulary entry), or the type's single page (a paged
    listing's first page)."""
    url = page_url(page_type, record)
    view = page_type.view(catalog, record, site) if record is not None else page_type.view(catalog, site)
    edit_url = site.repository.edit_url(view.source_path) if isinstance(view, RecordView) else None
    if edit_url:
        view = replace(view, edit_url=edit_url)
    return generated(page_type, url, view, edit_url)


def record_page(catalog: Catalog, kind: str, record: Any, site: Site = SITE) -> GeneratedPage:
    """The page of one record at its kind's URL."""
    page_type = next(p for p in PAGE_TYPES if p.kind == kind and p.url == KINDS[kind].url)
    return page(page_type, catalog, record, site)


def listing_pages(page_type: PageType, view: PagedView) -> list[GeneratedPage]:
    """A paged listing's pages: the first at the page type's URL (in the navigation), the next ones beneath it."""
    if view.paging.url != page_type.url:
        raise ValueError(f"{page_type.name}: the view pages {view.paging.url}, the page type is at {page_type.url}")
    pages = [generated(page_type, page_type.url, view)]
    for number in range(2, view.paging.pages + 1):
        pages.append(generated(page_type, paging.page_url(page_type.url, number), view.on_page(number), nav=False))
    return pages


ITEMS = Markup("<!--items-->")  # where a group's cards go, in the group's HTML as its macro lays it out


# Cards laid out before, while serving: an edit remakes a listing's item file, and all but the edited record's cards
# are as they were. Keyed by what a card's HTML is made of: the template (a new object when its file changes), the
# language, the file's address (the links are relative to it) and the card (frozen, compared field by field).
CARD_HTML: dict = {}
CARD_HTML_LIMIT = 100_000


@lru_cache(maxsize=32)
def _source_reads_view(filename: str, modified: int) -> bool:
    return "view." in Path(filename).read_text(encoding="utf-8")


def reads_its_view(filename: str) -> bool:
    """Whether a cards template reads its listing's view besides the card (read once per version of the file)."""
    return bool(filename) and _source_reads_view(filename, Path(filename).stat().st_mtime_ns)


def laid_out_cards(cards: Any, page_type: PageType, view: PagedView) -> list[str]:
    """Every card of an item file, laid out by the page type's `item` macro; a card laid out before is taken as it
    was, unless the cards' template reads its listing's view too (then each is laid out every time)."""
    template = render.environment().get_template(page_type.cards)
    if reads_its_view(template.filename or ""):
        return [str(cards.item(card)).strip() for card in view.items]
    out = []
    for card in view.items:
        try:
            key = (template, i18n.active(), view.paging.url, card)
            found = CARD_HTML.get(key)
        except TypeError:  # a card holding something unhashable is laid out every time
            out.append(str(cards.item(card)).strip())
            continue
        if found is None:
            if len(CARD_HTML) >= CARD_HTML_LIMIT:
                CARD_HTML.clear()
            found = CARD_HTML[key] = str(cards.item(card)).strip()
        out.append(found)
    return out


def item_file(page_type: PageType, view: PagedView) -> str:
    """A paged listing's item file (see views/paging.py): every item's entry with its card laid out by the page
    type's cards template (the macro `item`, and `group` around a group's cards), links relative to the file."""
    cards = render.environment().get_template(page_type.cards).make_module({"view": view, "href": partial(href, i18n.localize(view.paging.url))})
    groups = []
    for group in view.groups:
        # A group without items has no place for them, and the script never opens it: all of it is its opening.
        opening, _, closing = str(cards.group(group, caller=lambda: ITEMS)).strip().partition(ITEMS)
        groups.append({"open": opening, "close": closing})
    # Column by column (a list per field, one value per item): alike values side by side compress better, and the
    # showcase's file at 5,000 enterprises is 267 KB gzipped instead of 314 KB as a list of objects.
    entries = view.entries()
    items: dict[str, list] = {
        "key": [e.key for e in entries],
        "values": [e.values for e in entries],
        "words": [e.words for e in entries],
        "html": laid_out_cards(cards, page_type, view),
    }
    if any(e.geo for e in entries):
        items["geo"] = [e.geo for e in entries]
    if any(e.group is not None for e in entries):
        items["group"] = [e.group for e in entries]
    content = {"facets": [f.name for f in view.facets], "size": view.paging.size, "groups": groups, "items": items}
    return json.dumps(content, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Rendered:
    """The generated part of the site: its pages, and the files published beside them (site path → text)."""

    pages: list[GeneratedPage]
    files: dict[str, str]


def planned(catalog: Catalog) -> list[tuple[PageType, Any]]:
    """Every generated page as (page type, record, vocabulary entry or None), in the order of the table, records by
    id, vocabulary entries in their order; a paged listing is one entry, which makes all its pages."""
    out: list[tuple[PageType, Any]] = []
    for page_type in PAGE_TYPES:
        if page_type.needs and not catalog.count(page_type.needs):
            continue
        out += [(page_type, item) for item in page_type.items(catalog)]
    return out


def page_url(page_type: PageType, record: Any = None) -> str:
    """Where a planned page goes (a paged listing: its first page)."""
    return page_type.url.format(id=record.id) if record is not None else page_type.url


def make(page_type: PageType, catalog: Catalog, record: Any = None, site: Site = SITE) -> Rendered:
    """What one planned page makes: its page; for a paged listing, all its pages and its item file."""
    if record is not None:
        return Rendered([page(page_type, catalog, record, site)], {})
    view = page_type.view(catalog, site)
    if isinstance(view, PagedView):
        return Rendered(listing_pages(page_type, view), {i18n.localize(view.paging.items_url): item_file(page_type, view)})
    return Rendered([generated(page_type, page_type.url, view)], {})


def render_site(catalog: Catalog, site: Site = SITE) -> Rendered:
    """Every generated page of the site in each of its languages (the default first), in the order of the table,
    records by id, and the listings' item files."""
    pages, files = [], {}
    for language in i18n.languages():
        with i18n.use(language):
            for page_type, record in planned(catalog):
                made = make(page_type, catalog, record, site)
                pages += made.pages
                files |= made.files
    return Rendered(pages, files)


def render_pages(catalog: Catalog, site: Site = SITE) -> list[GeneratedPage]:
    """Every generated page of the site (see render_site)."""
    return render_site(catalog, site).pages


def embed_files(catalog: Catalog, site: Site = SITE) -> dict[str, str]:
    """Every embed of the site as a file (site path → HTML), records by id."""
    files = {}
    # One embed per record, in the site's default language: a file other sites frame, not a page of the site.
    with i18n.use(i18n.default_language()):
        for page_type in EMBED_TYPES:
            for record in catalog.all(page_type.kind):
                url = page_type.url.format(id=record.id)
                files[f"{url}index.html"] = html(page_type.template, url, page_type.view(catalog, record, site))
    return files


def head_html(url: str, head: HeadView) -> str:
    """A page's head additions: its link-preview meta (laid out by head.html) and its JSON-LD block, which is written
    by `render.json_ld_block` and not by a template, since a template's output escapes braces for HTML."""
    return html("head.html", url, head) + str(head.json_ld)


def macro_html(template: str, url: str, view: View) -> str:
    """HTML for a macro on a hand-written page (templates in overrides/records/macros/).

    The result is one raw HTML block without blank lines, so Markdown leaves it alone."""
    text = html(f"macros/{template}", url, view)
    return "\n".join(line for line in text.splitlines() if line.strip())


def static_files(catalog: Catalog, site_url: str, site_name: str = SITE.site_name) -> dict[str, str]:
    """Files published beside the pages: open data, schemas, the standard exports, calendars, the lobby's feeds and
    the sitemap beside each of them (site path → text)."""
    from .exports import open_data_files, standard_files
    from .exports.ics import ics_files
    from .exports.lobby_feeds import lobby_feed_files, sitemaps_beside

    feeds = lobby_feed_files(catalog, site_url)
    # Every feed is named in the head of its page (or the lobby's pages), and the theme asks for a sitemap beside
    # every feed a page's head names (see exports/feeds.py): each gets one, listing the generated pages of its folder.
    beside = sitemaps_beside(sorted(feeds), [page_url(page_type, item) for page_type, item in planned(catalog)], site_url)
    return open_data_files(catalog) | standard_files(catalog, site_url, site_name) | ics_files(catalog, site_url) | feeds | beside


def vendor_files() -> dict[str, Any]:
    """Third-party browser code installed from the package registry (never committed): site path → file."""
    import xstatic.pkg.leaflet as leaflet

    base = Path(leaflet.BASE_DIR)
    names = ["leaflet.js", "leaflet.css", *(f"images/{p.name}" for p in sorted((base / "images").glob("*.png")))]
    return {f"assets/vendor/leaflet/{name}": base / name for name in names}
