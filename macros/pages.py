"""Generated pages: one per record and one listing per kind, as a pure function.

`render_pages(catalog)` takes records in and gives pages out (URL, title, HTML). The MkDocs
plugin adapts it to `File.generated`; another static-site adapter could call it as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from . import charts, lobby, render, showcase
from .catalog import Catalog
from .exports import CSV_LIST_SEPARATOR, column_docs, open_data_files
from .kinds import KINDS
from .kinds.monitoring import LABELS as MEASURE_LABELS
from .kinds.monitoring import PEOPLE
from .privacy import district_table, small


@dataclass(frozen=True)
class GeneratedPage:
    """A page to add to the site: its URL (directory style), plain-text title and HTML body."""

    url: str
    title: str
    html: str
    listing: bool = False  # listings are in the navigation; record pages never are
    wide: bool = False  # filterable listings use the full width (no navigation sidebar)

    @property
    def src_uri(self) -> str:
        return f"{self.url}index.md"


class PageContext:
    """What a template may use besides the record: links relative to its own URL, labels."""

    def __init__(self, catalog: Catalog, url: str):
        self.catalog = catalog
        self.here = url

    def href(self, url: str) -> str:
        """A link to a site URL (directory style, as in contract.md) from this page."""
        return render.relative(self.here, url)

    def url(self, kind: str, record: Any) -> str:
        """A link to a record's page."""
        record_id = record if isinstance(record, str) else record.id
        return self.href(KINDS[kind].page_url(record_id))

    def title(self, kind: str, record: Any) -> str:
        if isinstance(record, str):
            record = self.catalog.get(kind, record)
        return self.catalog.title(kind, record)

    def label(self, vocabulary: str, entry_id: str) -> str:
        return self.catalog.label(vocabulary, entry_id)

    def cpv(self, category: str) -> list[str]:
        """The CPV codes of an offering category."""
        entries = self.catalog.vocabulary("offering-categories").entries
        return next((e.cpv for e in entries if e.id == category), [])

    def vocab_url(self, vocabulary: str, entry_id: str) -> str:
        return self.href(f"vocabularies/{vocabulary}/#{entry_id}")


@dataclass(frozen=True)
class SiteOptions:
    """Settings from mkdocs.yml `extra` that pages need (the map's tile server)."""

    map_tiles: str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    map_attribution: str = "© OpenStreetMap contributors"
    site_url: str = ""
    article_titles: tuple[tuple[str, str], ...] = ()  # docs path -> title, for links to knowledge articles

    def article_title(self, path: str) -> str:
        """A knowledge article's title, or its file name made readable."""
        return dict(self.article_titles).get(path) or path.rsplit("/", 1)[-1][:-3].replace("-", " ").capitalize()


def monitor_chart(catalog: Catalog, measure: str) -> Markup:
    """A bar chart of one measure over the monitoring years, each bar with its source."""
    is_people = measure in PEOPLE
    points = []
    for year in sorted(catalog.all("monitoring"), key=lambda y: y.year):
        value = getattr(year.measures, measure)
        if value is None:
            continue
        hidden = is_people and small(value)  # a hidden count is not drawn to scale either
        shown = render.people(value) if is_people else render.number(value)
        points.append(charts.Point(str(year.year), 0 if hidden else value, shown, year.source.url or year.source_path, year.example))
    return Markup(charts.bar_chart(MEASURE_LABELS[measure], points))


# What every template may call besides the record and its page: the same for every page.
HELPERS = {
    "showcase": showcase,
    "lobby": lobby,
    "measure_labels": MEASURE_LABELS,
    "briefing_topics": lobby.briefing_topics,
    "tracker_facets": lobby.tracker_facets,
    "monitor_chart": monitor_chart,
    "column_docs": column_docs,
    "separator": CSV_LIST_SEPARATOR,
    "measures": list(MEASURE_LABELS.items()),
    "people_measures": PEOPLE,
    "district_table": lambda year: district_table(year, PEOPLE, MEASURE_LABELS),
}


def _render(template: str, url: str, catalog: Catalog, site: SiteOptions | None = None, **values: Any) -> str:
    site = site or SiteOptions()
    page = PageContext(catalog, url)
    return (
        render.environment()
        .get_template(template)
        .render(
            page=page,
            catalog=catalog,
            kinds=KINDS,
            today=catalog.today,
            site=site,
            site_url=site.site_url,
            article_title=site.article_title,
            **HELPERS,
            **values,
        )
    )


def record_page(catalog: Catalog, kind: str, record: Any, site: SiteOptions | None = None) -> GeneratedPage:
    """The page of one record, rendered by overrides/records/<kind>.html."""
    url = KINDS[kind].page_url(record.id)
    html = _render(f"{kind}.html", url, catalog, site, kind=kind, record=record)
    return GeneratedPage(url, catalog.title(kind, record), html)


def briefing_page(catalog: Catalog, official: Any, site: SiteOptions | None = None) -> GeneratedPage:
    """The print-ready briefing pack for one official, beside their page."""
    url = KINDS["official"].page_url(official.id) + "briefing/"
    html = _render("briefing.html", url, catalog, site, kind="official", record=official)
    return GeneratedPage(url, f"Briefing: {official.name}", html)


def card_text(kind: str, record: Any) -> str:
    """The line under a record's name on a plain listing card."""
    if kind == "post":
        return ", ".join(part for part in (record.body, record.organisation) if part)
    field = {"official": "party", "campaign": "goal"}.get(kind, "summary")
    return getattr(record, field, None) or ""


def listing_page(catalog: Catalog, kind: str, site: SiteOptions | None = None) -> GeneratedPage:
    """The page listing every record of a kind: overrides/records/listings/<kind>.html, else the plain cards of _cards.html."""
    spec = KINDS[kind]
    template = f"listings/{kind}.html" if (render.TEMPLATES / "listings" / f"{kind}.html").exists() else "listings/_cards.html"
    html = _render(template, spec.listing, catalog, site, kind=kind, records=catalog.all(kind), card_text=card_text)
    return GeneratedPage(spec.listing, spec.label, html, listing=True, wide="data-filterable" in html)


# Pages about the whole data set rather than one kind: URL -> (title, template in sections/).
SECTIONS = {
    "buy-social/": ("Buy social", "buy-social.html"),
    "data/": ("Open data", "data.html"),
    "lobby/tracker/": ("Ask tracker", "tracker.html"),
}


def section_page(catalog: Catalog, url: str, site: SiteOptions | None = None) -> GeneratedPage:
    """A page built from the whole catalog (overrides/records/sections/<name>.html)."""
    title, template = SECTIONS[url]
    html = _render(f"sections/{template}", url, catalog, site)
    return GeneratedPage(url, title, html, listing=True, wide="data-filterable" in html)


def render_pages(catalog: Catalog, site: SiteOptions | None = None) -> list[GeneratedPage]:
    """Every generated page of the site, in a stable order."""
    pages = [section_page(catalog, url, site) for url in SECTIONS]
    for kind, spec in KINDS.items():
        if not spec.single:
            pages.append(listing_page(catalog, kind, site))
        pages += [record_page(catalog, kind, record, site) for record in catalog.all(kind)]
    pages += [briefing_page(catalog, official, site) for official in catalog.all("official")]
    return pages


def macro_html(template: str, url: str, catalog: Catalog, **values: Any) -> str:
    """HTML for a macro on a hand-written page (templates in overrides/records/macros/).

    The result is one raw HTML block without blank lines, so Markdown leaves it alone."""
    html = _render(f"macros/{template}", url, catalog, labels=MEASURE_LABELS, **values)
    return "\n".join(line for line in html.splitlines() if line.strip())


def static_files(catalog: Catalog, site_url: str) -> dict[str, str]:
    """Files published beside the pages: open data, schemas, calendars (site path → text)."""
    from .exports.ics import ics_files

    return open_data_files(catalog) | ics_files(catalog, site_url)


def vendor_files() -> dict[str, Any]:
    """Third-party browser code installed from the package registry (never committed): site path → file."""
    from pathlib import Path

    import xstatic.pkg.leaflet as leaflet

    base = Path(leaflet.BASE_DIR)
    names = ["leaflet.js", "leaflet.css", *(f"images/{p.name}" for p in sorted((base / "images").glob("*.png")))]
    return {f"assets/vendor/leaflet/{name}": base / name for name in names}


_HEADING = re.compile(r'<h([12]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)


def toc_tokens(html: str) -> list[dict]:
    """The table of contents of a generated page: its h1 with the h2 sections beneath it."""
    tokens: list[dict] = []
    for level, anchor, inner in _HEADING.findall(html):
        token = {"level": int(level), "id": anchor, "name": re.sub(r"<[^>]+>", "", inner).strip(), "children": []}
        if level == "2" and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return tokens
