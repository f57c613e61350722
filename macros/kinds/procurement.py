"""Procurement: the rules buyers and contractors work by, with their sources (one file, data/procurement.yml).

The EU thresholds, the reserved-contract rule of Article 20 and the city's social return policy are data:
every value carries its source, and a rule past its `valid_until` is reported by `wise stats`. Pages and
the calculator compute from this file; no figure of it is typed into a page.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .fields import Count, Date, Flag, Line, LocalLine, LocalText, Number, Part, RecordModel, RefTo, Slug, Url, ordered, repeats


class Source(Part):
    """Where a rule comes from: a title, its public address and the date of the text."""

    title: Line
    url: Url
    date: Date | None = None


class Threshold(Part):
    """An EU threshold: above this value (excluding VAT) a contract is tendered EU-wide."""

    id: Slug
    label: LocalLine
    amount: Number = Field(description="euros, excluding VAT")
    valid_from: Date
    valid_until: Date | None = None
    source: Source


class ReservedContracts(Part):
    """Article 20 of Directive 2014/24/EU (article 2.82 of the Aanbestedingswet 2012): a contract may be reserved for
    economic operators whose employees are at least this share disabled or disadvantaged."""

    minimum_share: Annotated[Number, Field(le=100)] = Field(description="percent of the employees")
    figures_valid_years: Annotated[Count, Field(le=20)] | None = Field(
        None, description="an enterprise's latest figures count for the test for this many years after their year (default 2)"
    )
    summary: LocalText
    sources: list[Source] = Field(min_length=1)


class Rate(Part):
    """A social return rate: this percent of the contract value, for contracts of this kind."""

    id: Slug
    label: LocalLine
    percentage: Annotated[Number, Field(le=100)]
    labour_share_below: Annotated[Number, Field(le=100)] | None = Field(
        None, description="applies instead of the standard rate when labour is less than this percent of the contract value"
    )
    example: Flag = Field(False, description="true when the rate is an example, not the city's policy")
    source: Source


class Factor(Part):
    """How a purchase from an enterprise holding a scheme counts towards social return: this share of its value."""

    scheme: RefTo("scheme")
    factor: Annotated[Number, Field(le=1)]
    example: Flag = Field(False, description="true when the factor is an example, not the city's policy")
    source: Source


class SocialReturn(Part):
    """The city's social return policy."""

    city: Line
    applies_above: Slug = Field(description="the id of the threshold above which social return applies")
    summary: LocalText
    rates: list[Rate] = Field(min_length=1)
    factors: list[Factor] = []
    valid_from: Date
    valid_until: Date | None = None
    sources: list[Source] = Field(min_length=1)


class Procurement(RecordModel):
    """The procurement rules: EU thresholds, reserved contracts and the city's social return policy."""

    title: LocalLine
    thresholds: list[Threshold] = Field(min_length=1)
    reserved_contracts: ReservedContracts
    social_return: SocialReturn


def threshold_dates(record: Procurement):
    """A threshold's `valid_until` is not before its `valid_from`."""
    for i, t in enumerate(record.thresholds):
        if not ordered(t.valid_from, t.valid_until):
            yield ("thresholds", i, "valid_until"), f"{t.valid_until} is before valid_from {t.valid_from}", "date-order"


def unique_ids(record: Procurement):
    """Thresholds and rates have ids of their own, and a scheme has one factor."""
    for i, value, _ in repeats(t.id for t in record.thresholds):
        yield ("thresholds", i, "id"), f"'{value}' appears twice", "duplicate"
    for i, value, _ in repeats(r.id for r in record.social_return.rates):
        yield ("social_return", "rates", i, "id"), f"'{value}' appears twice", "duplicate"
    for i, value, _ in repeats(f.scheme for f in record.social_return.factors):
        yield ("social_return", "factors", i, "scheme"), f"'{value}' has a factor already", "duplicate"


def known_threshold(record: Procurement):
    """Social return applies above a threshold this file lists."""
    ids = [t.id for t in record.thresholds]
    if record.social_return.applies_above not in ids:
        yield ("social_return", "applies_above"), f"no threshold '{record.social_return.applies_above}'; thresholds: {', '.join(ids)}", "unknown-reference"


def one_standard_rate(record: Procurement):
    """Exactly one rate is the standard one (without `labour_share_below`)."""
    standard = [r for r in record.social_return.rates if r.labour_share_below is None]
    if len(standard) != 1:
        yield ("social_return", "rates"), f"needs exactly one standard rate (without labour_share_below); found {len(standard)}", "required"


MODEL = Procurement
RULES = (threshold_dates, unique_ids, known_threshold, one_standard_rate)
