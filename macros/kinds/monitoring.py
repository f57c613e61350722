"""Monitoring: the sector's figures for one year, with their source."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from ..i18n import N_
from .fields import Date, Line, LocalMarkdown, LocalText, Number, Part, RecordModel, RefTo, Url, Year


class Source(Part):
    """Where the year's figures come from."""

    title: Line
    publisher: Line | None = None
    url: Url | None = None
    date: Date | None = None


class Measures(Part):
    """The measures a city monitor of WISEs keeps; each is optional, none is invented."""

    enterprises: Number | None = Field(None, description="social enterprises counted")
    jobs_target_group: Number | None = Field(None, description="people of the target group at work in them")
    paid_jobs: Number | None = Field(None, description="of whom in paid jobs")
    permanent_contracts: Number | None = Field(None, description="of whom on permanent contracts")
    daytime_activities: Number | None = Field(None, description="of whom in daytime activities financed from care budgets")
    moved_to_paid_work: Number | None = Field(None, description="people who moved on to paid work elsewhere")
    market_revenue_share: Annotated[Number, Field(le=100)] | None = Field(None, description="share of revenue earned in the market, percent")

    @model_validator(mode="after")
    def not_empty(self):
        """At least one measure is given."""
        if not self.model_fields_set:
            raise ValueError("needs at least one measure")
        return self


MEASURES = tuple(Measures.model_fields)
# How each measure is labelled on pages, in the order of the model.
LABELS = {
    "enterprises": N_("Social enterprises"),
    "jobs_target_group": N_("People of the target group at work"),
    "paid_jobs": N_("… of whom in paid jobs"),
    "permanent_contracts": N_("… of whom on permanent contracts"),
    "daytime_activities": N_("… of whom in daytime activities (care budgets)"),
    "moved_to_paid_work": N_("Moved on to paid work"),
    "market_revenue_share": N_("Share of revenue earned in the market"),
}
# Measures that count people: published as "<10" when 1 to 9.
PEOPLE = ("jobs_target_group", "paid_jobs", "permanent_contracts", "daytime_activities", "moved_to_paid_work")
# Measures that count some of the people of the target group at work ("… of whom"): never more than them.
OF_WHOM = ("paid_jobs", "permanent_contracts", "daytime_activities")
# Measures that are shares, in percent: never summed across districts.
PERCENT = ("market_revenue_share",)


class Monitoring(RecordModel):
    """One year of the sector monitor; the file is named after the year."""

    year: Year
    source: Source
    method: LocalMarkdown | None = None
    reference_date: Date | None = None
    measures: Measures
    by_district: dict[RefTo("vocab:districts"), Measures] = {}
    notes: LocalText | None = None


def year_matches_file(record: Monitoring):
    """The year inside the file is the year in its name (data/monitoring/2016.yml says 2016)."""
    if record.id != str(record.year):
        yield ("year",), f"{record.year} does not match the file name '{record.id}.yml'", "year-mismatch"


def districts_within_city(record: Monitoring):
    """District figures never add up to more than the city's figure."""
    for measure in MEASURES:
        if measure in PERCENT:
            continue
        city = getattr(record.measures, measure)
        parts = [getattr(d, measure) for d in record.by_district.values() if getattr(d, measure) is not None]
        if city is not None and parts and sum(parts) > city:
            yield ("by_district",), f"{measure}: the districts add up to {sum(parts):g}, more than the city's {city:g}", "figures"


def of_whom_within_total(record: Monitoring):
    """ "Of whom" figures (paid jobs, permanent contracts, daytime activities) are never more than the people of the
    target group at work they are part of, in the city and in each district."""
    places = [(("measures",), record.measures), *((("by_district", d), m) for d, m in record.by_district.items())]
    for loc, measures in places:
        total = measures.jobs_target_group
        for name in OF_WHOM:
            part = getattr(measures, name)
            if total is not None and part is not None and part > total:
                yield (*loc, name), f"{part:g} is more than the {total:g} people of the target group at work it is part of", "figures"


MODEL = Monitoring
RULES = (year_matches_file, districts_within_city, of_whom_within_total)
