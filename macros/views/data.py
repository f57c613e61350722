"""The open-data page: every download, how many records it holds, its columns, the licence."""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog import Catalog
from ..exports import CSV_LIST_SEPARATOR, column_docs
from ..exports.derived import DERIVED
from ..kinds import KINDS
from .base import SITE, Link, Section, Site, View, plural


@dataclass(frozen=True)
class Download:
    """One kind's files: its records, the JSON, CSV and schema links, and its columns in order."""

    anchor: str
    label: str
    count: int
    records: str
    files: tuple[Link, ...]
    columns: tuple[tuple[str, str], ...]


@dataclass(frozen=True, kw_only=True)
class DataView(View):
    separator: str
    downloads: tuple[Download, ...]
    calendar: Link
    seminars: int


def data_view(catalog: Catalog, site: Site = SITE) -> DataView:
    """/data/: the exports and schemas of every kind, and the seminar calendar."""
    downloads = tuple(
        Download(
            kind,
            spec.label,
            catalog.count(kind),
            plural(catalog.count(kind), "record"),
            (Link(f"data/{kind}.json", "JSON"), Link(f"data/{kind}.csv", "CSV"), Link(f"data/schemas/{kind}.schema.json", "schema")),
            tuple(column_docs(kind)),
        )
        for kind, spec in KINDS.items()
    ) + tuple(
        Download(
            export.name,
            export.label,
            len(rows := export.rows(catalog)),
            plural(len(rows), "row") + f", each {export.row_is}",
            (Link(f"data/{export.name}.json", "JSON"), Link(f"data/{export.name}.csv", "CSV")),
            export.docs,
        )
        for export in DERIVED
    )
    return DataView(
        title="Open data",
        toc=(Section("licence", "Licence and conventions"), *(Section(d.anchor, d.label) for d in downloads)),
        separator=CSV_LIST_SEPARATOR,
        downloads=downloads,
        calendar=Link("seminars/calendar.ics", "iCalendar"),
        seminars=catalog.count("seminar"),
    )
