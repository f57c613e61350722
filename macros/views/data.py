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


@dataclass(frozen=True)
class Standard:
    """An export in a civic-tech standard: what it holds, and its files."""

    label: str
    holds: str
    files: tuple[Link, ...]


STANDARDS = (
    Standard(
        "Popolo",
        "officials as persons, posts, the bodies and parties as organizations, and who held which post and party when (memberships)",
        (Link("data/popolo.json", "popolo.json"),),
    ),
    Standard(
        "Open Referral HSDS",
        'enterprises as organizations, their offerings and "work or refer here" as services, their places, and phones: a CSV '
        "per table described by a Tabular Data Package, and the same as JSON",
        (Link("data/hsds/datapackage.json", "datapackage.json"), Link("data/hsds/organizations.json", "organizations.json")),
    ),
)


@dataclass(frozen=True, kw_only=True)
class DataView(View):
    separator: str
    downloads: tuple[Download, ...]
    calendar: Link
    seminars: int
    standards: tuple[Standard, ...] = STANDARDS
    reference: Link = Link("reference/exports/", "the exports reference")


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
        toc=(Section("licence", "Licence and conventions"), Section("standards", "Standard formats"), *(Section(d.anchor, d.label) for d in downloads)),
        separator=CSV_LIST_SEPARATOR,
        downloads=downloads,
        calendar=Link("seminars/calendar.ics", "iCalendar"),
        seminars=catalog.count("seminar"),
    )
