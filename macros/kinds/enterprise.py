"""Enterprise: a (work-integration) social enterprise, the showcase's record."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from .fields import (
    EASY_READ_NOTE,
    Count,
    Cpv,
    Date,
    EasyRead,
    Email,
    Line,
    LocalLine,
    LocalMarkdown,
    LocalText,
    Part,
    Phone,
    RecordModel,
    RefTo,
    Signed,
    Url,
    Year,
    localized,
    max_chars,
    ordered,
    refused,
    repeats,
)


class Address(Part):
    """A postal address; postcodes stay as written ("1094 AB")."""

    street: Line | None = None
    postcode: Line | None = None
    city: Line | None = None


class Geo(Part):
    """Where the pin goes on the map (WGS84 degrees)."""

    lat: Signed
    lon: Signed


class Contact(Part):
    """Public business or office contact only: never a person's private details."""

    email: Email | None = None
    phone: Phone | None = None
    url: Url | None = None


class Offering(Part):
    """Something buyers can buy; its category carries the CPV codes."""

    name: LocalLine
    category: RefTo("vocab:offering-categories")
    description: LocalText | None = None
    cpv: Cpv | None = None


class Certification(Part):
    """A scheme the enterprise applied for or holds. Pages and exports add its `state` for the build date:
    applied, certified, reassessment-due (within 90 days of `until`), expired or withdrawn."""

    scheme: RefTo("scheme")
    status: Literal["applied", "certified", "expired", "withdrawn"]
    since: Date | None = None
    until: Date | None = None
    evidence: Url | None = None


class Figures(Part):
    """Aggregate counts for one year; 1 to 9 people are published as "<10"."""

    year: Year
    jobs_target_group: Count | None = Field(None, description="people of the target group at work here")
    moved_to_paid_work: Count | None = Field(None, description="of whom moved on to paid work elsewhere this year")
    staff_total: Count | None = Field(None, description="everyone working here")


class Job(Part):
    """An open vacancy or placement."""

    title: LocalLine
    description: LocalText | None = None
    url: Url | None = None


CITY_WIDE = "city-wide"


def delivery_area(value: Any) -> Any:
    """A delivery area: `city-wide`, or a list of district ids."""
    return [value] if value == CITY_WIDE else value


class Enterprise(RecordModel):
    """A (work-integration) social enterprise."""

    name: Line
    summary: localized(Annotated[Line, max_chars(200)]) = Field(description="at most 200 characters, shown on cards")
    description: LocalMarkdown | None = None
    sector: RefTo("vocab:sectors")
    district: RefTo("vocab:districts")
    target_groups: list[RefTo("vocab:target-groups")] = []
    offerings: list[Offering] = []
    address: Address | None = None
    geo: Geo | None = None
    website: Url | None = None
    contact: Contact | None = None
    legal_form: Line | None = None
    founded: Year | None = None
    how_to_apply: LocalText | None = Field(None, description="how job seekers apply or job coaches refer someone")
    serves: Annotated[list[RefTo("vocab:districts", also=(CITY_WIDE,))], BeforeValidator(delivery_area)] = Field(
        [], description="where it delivers: `city-wide`, or a list of districts (without it: its own district)"
    )
    networks: refused("membership is written once, on the network: add this enterprise's id to `members` in data/networks/<network>.yml") = Field(
        [], description="the networks whose `members` list this enterprise (filled in by the build)"
    )
    certifications: list[Certification] = []
    figures: list[Figures] = []
    jobs: list[Job] = []
    easy_read: EasyRead | None = Field(None, description=EASY_READ_NOTE)


def certification_dates(record: Enterprise):
    """A certification's `until` is not before its `since`."""
    for i, cert in enumerate(record.certifications):
        if not ordered(cert.since, cert.until):
            yield ("certifications", i, "until"), f"{cert.until} is before since {cert.since}", "date-order"


def figures_one_per_year(record: Enterprise):
    """Each year's figures appear once."""
    for i, year, _ in repeats(f.year for f in record.figures):
        yield ("figures", i, "year"), f"{year} appears twice", "duplicate"


def figures_within_staff(record: Enterprise):
    """People of the target group at work are part of the staff, so never more than staff_total."""
    for i, f in enumerate(record.figures):
        if f.staff_total is not None and f.jobs_target_group is not None and f.jobs_target_group > f.staff_total:
            yield ("figures", i, "jobs_target_group"), f"{f.jobs_target_group} is more than staff_total {f.staff_total}", "figures"


def city_wide_alone(record: Enterprise):
    """`city-wide` stands alone: a list of districts next to it would say nothing more."""
    if CITY_WIDE in record.serves and len(record.serves) > 1:
        yield ("serves",), "write either city-wide or a list of districts", "serves"


def geo_on_earth(record: Enterprise):
    """Latitude is within -90..90 and longitude within -180..180."""
    if record.geo and not (-90 <= record.geo.lat <= 90 and -180 <= record.geo.lon <= 180):
        yield ("geo",), f"is not a place on Earth: lat {record.geo.lat}, lon {record.geo.lon}", "geo"


MODEL = Enterprise
RULES = (certification_dates, figures_one_per_year, figures_within_staff, city_wide_alone, geo_on_earth)
