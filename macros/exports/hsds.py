"""Open Referral's Human Services Data Specification (HSDS 3): `/data/hsds/`, the enterprises and what people can get
from them, in the standard that referral directories read.

Enterprises are `organization`s. Their offerings are `service`s, and so is "work or refer here" (jobs, placements,
how to apply) for an enterprise that says anything about it. The place on the map and the address are its
`location`, where each of its services is (`service_at_location`), and its public business phone is a `phone`.

Published as a Tabular Data Package (one CSV per table and `datapackage.json`, which describes every field and how
the tables join) and as JSON (`organizations.json`: each organization with its services, locations and phones
inside). HSDS ids are UUIDs: each is made (UUID version 5) from the address of what it stands for on this site, so it
stays the same from build to build and differs between two sites. The tables and fields are declared once, below,
with what fills each; the package descriptor and docs/reference/exports.md are made from that declaration.

A field filled from translatable record text holds the site's default language's text, and is followed by an
extension field per other language of the site, `<field>_<lang>` (`description_en`), empty (in the JSON: left out)
where the text has no translation.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from dataclasses import dataclass
from typing import Any

from .. import certification
from ..catalog import Catalog
from ..kinds import KINDS
from ..localized import join, other_languages
from . import FORMULA_START, json_text, spread

PROFILE = "tabular-data-package"


@dataclass(frozen=True)
class Field:
    """A column of an HSDS table: its name and type, what HSDS says it is, what fills it here, and its constraints."""

    name: str
    type: str  # string, number or boolean (Table Schema types)
    means: str
    filled_by: str
    required: bool = False
    format: str | None = None  # uuid, email, uri
    enum: tuple[str, ...] = ()
    extension: bool = False  # ours, not HSDS's (HSDS lets publishers add fields)
    translatable: bool = False  # filled from translatable text: followed by `<name>_<lang>` for the site's other languages

    def in_languages(self) -> tuple[Field, ...]:
        """The field, and after a translatable one its extension field for each other language of the site."""
        if not self.translatable:
            return (self,)
        return (
            self,
            *(
                Field(
                    f"{self.name}_{language}",
                    "string",
                    f"{self.means}, in {language}",
                    f"the same, in {language}; empty where it has no translation",
                    extension=True,
                )
                for language in other_languages()
            ),
        )

    def descriptor(self) -> dict:
        """The field as Table Schema writes it in datapackage.json."""
        constraints = {
            **({"required": True} if self.required else {}),
            **({"unique": True} if self.name == "id" else {}),
            **({"enum": list(self.enum)} if self.enum else {}),
        }
        return {
            "name": self.name,
            "type": self.type,
            **({"format": self.format} if self.format else {}),
            "description": self.means + (" (an extension of HSDS)" if self.extension else ""),
            **({"constraints": constraints} if constraints else {}),
        }


ID = Field("id", "string", "the identifier", "a UUID made from the address of what the row stands for on this site", True, "uuid")
EXAMPLE = Field("example", "boolean", "true for fictional demo content", "the enterprise's `example`", extension=True)


def org_id_field(required: bool) -> Field:
    return Field("organization_id", "string", "the organization it belongs to", "the enterprise's organization id", required, "uuid")


@dataclass(frozen=True)
class Table:
    name: str
    row_is: str
    fields: tuple[Field, ...]
    foreign_keys: tuple[tuple[str, str], ...] = ()  # (field, table whose id it names)

    def columns(self) -> tuple[Field, ...]:
        """The table's fields as published: the declared ones, each translatable one followed by its other languages."""
        return tuple(column for f in self.fields for column in f.in_languages())

    def texts(self) -> tuple[str, ...]:
        """The names of its fields filled from translatable text."""
        return tuple(f.name for f in self.fields if f.translatable)


TABLES = (
    Table(
        "organization",
        "an enterprise",
        (
            ID,
            Field("name", "string", "the organization's name", "`name`", True),
            Field("description", "string", "a brief summary", "`summary`", True, translatable=True),
            Field("email", "string", "the contact e-mail address", "`contact.email`", format="email"),
            Field("website", "string", "its website", "`website`", format="uri"),
            Field("year_incorporated", "number", "the year it was formed", "`founded`"),
            Field("legal_status", "string", "the legal conditions it operates under", "`legal_form`"),
            Field("uri", "string", "a persistent identifier", "its page on this site", format="uri"),
            EXAMPLE,
        ),
    ),
    Table(
        "service",
        'an offering of an enterprise, or its "work or refer here"',
        (
            ID,
            org_id_field(True),
            Field("name", "string", "the service's name", "an offering's `name`; \"Work or refer here: \" and the enterprise's name", True, translatable=True),
            Field(
                "description",
                "string",
                "a description",
                "an offering's `description`; the enterprise's `how_to_apply`, else its jobs' titles",
                translatable=True,
            ),
            Field("url", "string", "the service's web page", "the offering's row, or the enterprise's \"Work or refer here\", on its page", format="uri"),
            Field("email", "string", "an address to contact the service", "the enterprise's `contact.email`", format="email"),
            Field(
                "status",
                "string",
                "whether the service runs",
                "always `active`: the data lists running services only",
                True,
                enum=("active", "inactive", "defunct", "temporarily closed"),
            ),
            Field("application_process", "string", "how to access the service", '"work or refer here": the enterprise\'s `how_to_apply`', translatable=True),
            Field(
                "eligibility_description",
                "string",
                "for whom the service is",
                '"work or refer here": the labels of the enterprise\'s `target_groups`',
                translatable=True,
            ),
            Field("accreditations", "string", "its accreditations", "the certification schemes the enterprise holds on the day of the build"),
            Field("category", "string", "what kind of service it is", "an offering's category label; `work or refer here`", extension=True, translatable=True),
            Field("cpv", "string", "procurement codes (EU Common Procurement Vocabulary)", "an offering's `cpv`, else its category's codes", extension=True),
            EXAMPLE,
        ),
        (("organization_id", "organization"),),
    ),
    Table(
        "location",
        "an enterprise's place, when it has an address or a map pin",
        (
            ID,
            Field("location_type", "string", "physical, postal or virtual", "always `physical`", True, enum=("physical", "postal", "virtual")),
            org_id_field(False),
            Field("name", "string", "the location's name", "the enterprise's `name`"),
            Field("description", "string", "a description", "the `address` as written (street, postcode, city)"),
            Field("latitude", "number", "latitude in WGS84 degrees", "`geo.lat`"),
            Field("longitude", "number", "longitude in WGS84 degrees", "`geo.lon`"),
            EXAMPLE,
        ),
        (("organization_id", "organization"),),
    ),
    Table(
        "service_at_location",
        "a service of an enterprise at the enterprise's location",
        (
            ID,
            Field("service_id", "string", "the service", "the service's id", True, "uuid"),
            Field("location_id", "string", "the location", "the location's id", True, "uuid"),
            EXAMPLE,
        ),
        (("service_id", "service"), ("location_id", "location")),
    ),
    Table(
        "phone",
        "an enterprise's public business phone number",
        (
            ID,
            org_id_field(False),
            Field("number", "string", "the phone number", "`contact.phone` as written", True),
            Field("type", "string", "the kind of phone service (RFC 6350)", "always `voice`"),
            EXAMPLE,
        ),
        (("organization_id", "organization"),),
    ),
)
TABLE = {t.name: t for t in TABLES}


def make_id(url: str) -> str:
    """An HSDS id: the UUID (version 5) of an address on this site."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, url))


def page(site_url: str, enterprise: Any) -> str:
    return site_url + KINDS["enterprise"].page_url(enterprise.id)


def works_here(enterprise: Any) -> bool:
    """An enterprise offers "work or refer here" when it says how to apply, lists jobs, or names the groups it works with."""
    return bool(enterprise.how_to_apply or enterprise.jobs or enterprise.target_groups)


def address_text(address: Any) -> str | None:
    if address is None:
        return None
    return ", ".join(x for x in (address.street, address.postcode, address.city) if x) or None


def cpv_codes(catalog: Catalog, offering: Any) -> str:
    if offering.cpv:
        return offering.cpv
    vocabulary = catalog.vocabulary("offering-categories")
    entry = next((x for x in vocabulary.entries if x.id == offering.category), None) if vocabulary else None
    return ", ".join(entry.cpv) if entry else ""


def services(catalog: Catalog, e: Any, site_url: str, org: str) -> list[dict]:
    """An enterprise's services: each offering, in the record's order, then "work or refer here" if it offers it."""
    url = page(site_url, e)
    email = e.contact.email if e.contact else None
    accreditations = "; ".join(catalog.title("scheme", catalog.get("scheme", s)) for s in certification.held_schemes(e, catalog.today)) or None
    rows = [
        {
            "id": make_id(f"{url}#offer-{i}"),
            "organization_id": org,
            "name": o.name,
            "description": o.description,
            "url": f"{url}#offer-{i}",
            "email": email,
            "status": "active",
            "accreditations": accreditations,
            "category": catalog.label("offering-categories", o.category),
            "cpv": cpv_codes(catalog, o) or None,
            "example": e.example,
        }
        for i, o in enumerate(e.offerings, 1)
    ]
    if works_here(e):
        groups = join(", ", (catalog.label("target-groups", g) for g in e.target_groups))
        rows.append(
            {
                "id": make_id(f"{url}#work"),
                "organization_id": org,
                "name": f"Work or refer here: {e.name}",
                "description": e.how_to_apply or join("; ", (j.title for j in e.jobs)) or None,
                "url": f"{url}#work",
                "email": email,
                "status": "active",
                "application_process": e.how_to_apply,
                "eligibility_description": groups or None,
                "accreditations": accreditations,
                "category": "work or refer here",
                "example": e.example,
            }
        )
    return rows


def tables(catalog: Catalog, site_url: str) -> dict[str, list[dict]]:
    """Every table's rows, enterprises by id: each row holds only the fields it has (absent: empty)."""
    out: dict[str, list[dict]] = {t.name: [] for t in TABLES}
    for e in catalog.all("enterprise"):
        url = page(site_url, e)
        org = make_id(url)
        out["organization"].append(
            {
                "id": org,
                "name": e.name,
                "description": e.summary,
                "email": e.contact.email if e.contact else None,
                "website": e.website,
                "year_incorporated": e.founded,
                "legal_status": e.legal_form,
                "uri": url,
                "example": e.example,
            }
        )
        offered = services(catalog, e, site_url, org)
        out["service"] += offered
        if e.address is not None or e.geo is not None:
            place = make_id(f"{url}#location")
            out["location"].append(
                {
                    "id": place,
                    "location_type": "physical",
                    "organization_id": org,
                    "name": e.name,
                    "description": address_text(e.address),
                    "latitude": e.geo.lat if e.geo else None,
                    "longitude": e.geo.lon if e.geo else None,
                    "example": e.example,
                }
            )
            out["service_at_location"] += [
                {"id": make_id(f"{s['url']}@location"), "service_id": s["id"], "location_id": place, "example": e.example} for s in offered
            ]
        if e.contact and e.contact.phone:
            out["phone"].append({"id": make_id(f"{url}#phone"), "organization_id": org, "number": e.contact.phone, "type": "voice", "example": e.example})
    # Translatable text as the default language's, each other language's beside it (macros/exports/__init__.py).
    return {name: [spread(row, TABLE[name].texts()) for row in rows] for name, rows in out.items()}


def cell(field: Field, value: Any) -> str:
    """A CSV cell by Table Schema's rules: empty for none, true/false, numbers as written. A text a spreadsheet would
    run as a formula gets a leading apostrophe, as in every export of the site; phone numbers, which are validated to
    be digits and may start with +, are left as they are."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if field.type == "string" and field.name != "number" and text.startswith(FORMULA_START):
        return "'" + text
    return text


def table_csv(table: Table, rows: list[dict]) -> str:
    """One table as CSV: UTF-8 without a byte-order mark (the package's readers are programs), header row, CRLF lines."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([f.name for f in table.columns()])
    for row in rows:
        writer.writerow([cell(f, row.get(f.name)) for f in table.columns()])
    return out.getvalue()


def datapackage(site_name: str, site_url: str) -> dict:
    """The package descriptor: every table, its fields with their types and constraints, its keys and joins."""
    return {
        "name": "wise-hsds",
        "title": f"{site_name}: social enterprises and their services (Open Referral HSDS)",
        "profile": PROFILE,
        "homepage": site_url + "data/",
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}],
        "resources": [
            {
                "name": t.name,
                "path": f"{t.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": f"A row is {t.row_is}.",
                "schema": {
                    "fields": [f.descriptor() for f in t.columns()],
                    "primaryKey": "id",
                    **({"foreignKeys": [{"fields": f, "reference": {"resource": r, "fields": "id"}} for f, r in t.foreign_keys]} if t.foreign_keys else {}),
                },
            }
            for t in TABLES
        ],
    }


def nested(rows: dict[str, list[dict]]) -> list[dict]:
    """The JSON form: each organization with its services (each with its service_at_locations), its locations and its
    phones inside, as HSDS's JSON schemas nest them; fields without a value are left out."""

    def present(row: dict) -> dict:
        return {k: v for k, v in row.items() if v is not None}

    at_location: dict[str, list[dict]] = {}
    for row in rows["service_at_location"]:
        at_location.setdefault(row["service_id"], []).append(present(row))
    # Each table's rows by organization, in the table's order: one pass each, not one per organization (at 5,000
    # enterprises that took seconds).
    of: dict[str, dict[str, list[dict]]] = {table: {} for table in ("service", "location", "phone")}
    for table, by_org in of.items():
        for row in rows[table]:
            extra = {"service_at_locations": at_location.get(row["id"], [])} if table == "service" else {}
            by_org.setdefault(row["organization_id"], []).append(present(row) | extra)
    return [
        present(org) | {"services": of["service"].get(org["id"], []), "locations": of["location"].get(org["id"], []), "phones": of["phone"].get(org["id"], [])}
        for org in rows["organization"]
    ]


def hsds_files(catalog: Catalog, site_url: str, site_name: str) -> dict[str, str]:
    """`/data/hsds/`: a CSV per table, `datapackage.json` and `organizations.json` (site path → text)."""
    rows = tables(catalog, site_url)
    files = {f"data/hsds/{t.name}.csv": table_csv(t, rows[t.name]) for t in TABLES}
    files["data/hsds/datapackage.json"] = json.dumps(datapackage(site_name, site_url), ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    files["data/hsds/organizations.json"] = json_text(nested(rows))
    return files
