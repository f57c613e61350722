"""The open-data page: every download, how many records it holds, its columns, the licence."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..catalog import Catalog
from ..exports import CSV_LIST_SEPARATOR, column_docs
from ..exports.derived import DERIVED
from ..i18n import N_, _, ngettext
from ..kinds import KINDS
from .base import SITE, Link, Section, Site, View


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


# What each standard holds is English here, shown in the page's language (`standards`); the standards' names are names.
STANDARDS = (
    Standard(
        "Popolo",
        N_("officials as persons, posts, the bodies and parties as organizations, and who held which post and party when (memberships)"),
        (Link("data/popolo.json", "popolo.json"),),
    ),
    Standard(
        "Open Referral HSDS",
        N_(
            'enterprises as organizations, their offerings and "work or refer here" as services, their places, and phones: a CSV '
            "per table described by a Tabular Data Package, and the same as JSON"
        ),
        (Link("data/hsds/datapackage.json", "datapackage.json"), Link("data/hsds/organizations.json", "organizations.json")),
    ),
)
REFERENCE = Link("reference/exports/", N_("the exports reference"))


def standards() -> tuple[Standard, ...]:
    """The standard formats, what each holds in the page's language."""
    return tuple(replace(x, holds=_(x.holds)) for x in STANDARDS)


@dataclass(frozen=True, kw_only=True)
class DataView(View):
    separator: str
    downloads: tuple[Download, ...]
    calendar: Link
    seminars: int
    standards: tuple[Standard, ...] = STANDARDS
    reference: Link = REFERENCE


def data_view(catalog: Catalog, site: Site = SITE) -> DataView:
    """/data/: the exports and schemas of every kind, and the seminar calendar."""
    # The kinds' and the derived files' names and what a row is are written in English where they are defined (the
    # models' registry, the exports); they are shown in the page's language.
    downloads = tuple(
        Download(
            kind,
            _(spec.label),
            catalog.count(kind),
            records_text(catalog.count(kind)),
            (Link(f"data/{kind}.json", "JSON"), Link(f"data/{kind}.csv", "CSV"), Link(f"data/schemas/{kind}.schema.json", _("schema"))),
            tuple(column_docs(kind)),
        )
        for kind, spec in KINDS.items()
    ) + tuple(
        Download(
            export.name,
            _(export.label),
            len(rows := export.rows(catalog)),
            ngettext("%(num)s row, each %(row)s", "%(num)s rows, each %(row)s", len(rows)) % {"num": f"{len(rows):,}", "row": _(export.row_is)},
            (Link(f"data/{export.name}.json", "JSON"), Link(f"data/{export.name}.csv", "CSV")),
            export.docs,
        )
        for export in DERIVED
    )
    return DataView(
        title=_("Open data"),
        toc=(Section("licence", _("Licence and conventions")), Section("standards", _("Standard formats")), *(Section(d.anchor, d.label) for d in downloads)),
        separator=CSV_LIST_SEPARATOR,
        downloads=downloads,
        calendar=Link("seminars/calendar.ics", "iCalendar"),
        seminars=catalog.count("seminar"),
        standards=standards(),
        reference=Link(REFERENCE.url, _(REFERENCE.text)),
    )


def records_text(count: int) -> str:
    """ "1 record", "12 records"."""
    return ngettext("%(num)s record", "%(num)s records", count) % {"num": f"{count:,}"}
