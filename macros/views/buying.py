"""The buyers' pages beside the catalogue: the procurement rules with their sources, and the social return calculator."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import buying, privacy
from ..catalog import Catalog
from ..i18n import _, ngettext
from ..kinds import KINDS
from .base import SITE, Link, RecordView, Site, Span, View, external, record_link, sections, span
from .enterprise import quote_link

EXAMPLE_VALUES = (100_000, 250_000, 500_000, 1_000_000, 5_000_000)  # the calculator's worked example, in euros


def euros(value: float | None) -> str:
    """An amount in euros, whole: €50,000 (a dash when there is none)."""
    return "–" if value is None else f"€{value:,.0f}"


def exact(value: float) -> str:
    """A number for the page's script, exactly as the data holds it, without thousands separators: 1234567, 2.5."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def source_link(source: Any) -> Link:
    return external(source.url, source.title + (f" ({source.date.isoformat()})" if source.date else ""))


@dataclass(frozen=True)
class ThresholdRow:
    label: str
    amount: str
    period: Span | None
    source: Link


@dataclass(frozen=True)
class RateRow:
    """A social return rate: for which contracts, the percentage (as shown and as a number for the script)."""

    id: str
    label: str
    percentage: str
    value: str
    low_labour: bool
    example: bool
    source: Link


@dataclass(frozen=True)
class FactorRow:
    scheme: Link
    factor: str
    example: bool
    source: Link


def rate_rows(rules: Any) -> tuple[RateRow, ...]:
    return tuple(
        RateRow(
            r.id,
            r.label,
            f"{privacy.number(r.percentage)}%",
            privacy.number(r.percentage).replace(",", ""),
            r.labour_share_below is not None,
            r.example,
            source_link(r.source),
        )
        for r in rules.social_return.rates
    )


def factor_rows(catalog: Catalog, rules: Any) -> tuple[FactorRow, ...]:
    return tuple(
        FactorRow(record_link(catalog, "scheme", f.scheme), privacy.number(f.factor), f.example, source_link(f.source))
        for f in sorted(rules.social_return.factors, key=lambda f: (-f.factor, f.scheme))
    )


@dataclass(frozen=True, kw_only=True)
class ProcurementView(RecordView):
    thresholds: tuple[ThresholdRow, ...]
    reserved_summary: str
    minimum_share: str
    figures_valid: str
    reserved_sources: tuple[Link, ...]
    city: str
    social_return_summary: str
    applies_above: str
    rates: tuple[RateRow, ...]
    factors: tuple[FactorRow, ...]
    policy_period: Span | None
    policy_sources: tuple[Link, ...]
    calculator: Link


def procurement_view(catalog: Catalog, rules: Any, site: Site = SITE) -> ProcurementView:
    """/buy-social/rules/: the EU thresholds, Article 20's reserved contracts and the city's social return policy,
    every value with its source."""
    above = buying.threshold(rules, rules.social_return.applies_above)
    years = rules.reserved_contracts.figures_valid_years
    years = buying.FIGURES_VALID_YEARS if years is None else years
    return ProcurementView(
        title=rules.title,
        kind="procurement",
        record_id=rules.id,
        example=rules.example,
        source_path=rules.source_path,
        toc=sections(
            ("thresholds", _("EU thresholds"), True),
            ("reserved", _("Reserved contracts (Article 20)"), True),
            ("social-return", _("Social return in %(city)s") % {"city": rules.social_return.city}, True),
        ),
        thresholds=tuple(ThresholdRow(t.label, euros(t.amount), span(t.valid_from, t.valid_until, ""), source_link(t.source)) for t in rules.thresholds),
        reserved_summary=rules.reserved_contracts.summary,
        minimum_share=f"{privacy.number(rules.reserved_contracts.minimum_share)}%",
        figures_valid=ngettext("%(num)s year", "%(num)s years", years) % {"num": f"{years:,}"},
        reserved_sources=tuple(source_link(s) for s in rules.reserved_contracts.sources),
        city=rules.social_return.city,
        social_return_summary=rules.social_return.summary,
        applies_above=f"{euros(above.amount)} ({above.label})",
        rates=rate_rows(rules),
        factors=factor_rows(catalog, rules),
        policy_period=span(rules.social_return.valid_from, rules.social_return.valid_until, ""),
        policy_sources=tuple(source_link(s) for s in rules.social_return.sources),
        calculator=Link("buy-social/social-return/", _("the social return calculator")),
    )


# -- the social return calculator ------------------------------------------------------------------
@dataclass(frozen=True)
class ExampleRow:
    """A worked example: a contract value, what it owes at each rate, and what covers that at each factor."""

    value: str
    owed: tuple[str, ...]  # per rate
    cover: tuple[str, ...]  # per factor, at the standard rate


@dataclass(frozen=True)
class WiseOffer:
    """An enterprise whose purchases count towards social return, with its categories (for the script's filter)."""

    key: str
    link: Link
    example: bool
    factor: str
    factor_value: str
    categories: str
    offers: str
    quote: Link | None


@dataclass(frozen=True, kw_only=True)
class SocialReturnView(View):
    city: str
    summary: str
    threshold: str
    threshold_value: str
    rates: tuple[RateRow, ...]
    factors: tuple[str, ...]  # the distinct factors, as numbers for the script
    factor_labels: tuple[str, ...]
    examples: tuple[ExampleRow, ...]
    categories: tuple[tuple[str, str], ...]
    wises: tuple[WiseOffer, ...]
    catalogue: Link
    rules: Link


def social_return_view(catalog: Catalog, site: Site = SITE) -> SocialReturnView:
    """/buy-social/social-return/: what a contract owes in social return, what buying from a WISE covers, and which
    WISEs count; a worked example without script, a live form with it. Every number comes from procurement.yml."""
    rules = catalog.procurement
    above = buying.threshold(rules, rules.social_return.applies_above)
    rates = rate_rows(rules)
    factors = sorted({f.factor for f in rules.social_return.factors if f.factor > 0}, reverse=True)  # a factor of 0 covers nothing
    examples = []
    for value in EXAMPLE_VALUES:
        owed = [0 if value <= above.amount else value * r.percentage / 100 for r in rules.social_return.rates]
        standard_owed = buying.obligation(rules, value)
        examples.append(ExampleRow(euros(value), tuple(euros(o) for o in owed), tuple(euros(buying.purchase_to_cover(standard_owed, f)) for f in factors)))
    vocab = catalog.vocabulary("offering-categories")
    wises = []
    for e in catalog.all("enterprise"):
        credit = buying.social_return_credit(e, catalog.today, rules)
        if credit.factor:
            wises.append(
                WiseOffer(
                    key=e.id,
                    link=record_link(catalog, "enterprise", e, "buyers"),
                    example=e.example,
                    factor=privacy.number(credit.factor),
                    factor_value=exact(credit.factor),
                    categories=" ".join(sorted({o.category for o in e.offerings})),
                    offers="; ".join(o.name for o in e.offerings),
                    quote=quote_link(e, "; ".join(o.name for o in e.offerings), site.site_name),
                )
            )
    return SocialReturnView(
        title=_("Social return calculator"),
        toc=sections(
            ("calculator", _("Work out a contract"), True), ("example", _("A worked example"), True), ("wises", _("WISEs whose purchases count"), True)
        ),
        city=rules.social_return.city,
        summary=rules.social_return.summary,
        threshold=f"{euros(above.amount)} ({above.label})",
        threshold_value=exact(above.amount),
        rates=rates,
        factors=tuple(exact(f) for f in factors),
        factor_labels=tuple(_("at factor %(factor)s") % {"factor": privacy.number(f)} for f in factors),
        examples=tuple(examples),
        categories=tuple((c.id, c.label) for c in vocab.entries) if vocab else (),
        wises=tuple(wises),
        catalogue=Link("buy-social/", _("the buy-social catalogue")),
        rules=Link(KINDS["procurement"].page_url(rules.id), _("the procurement rules and their sources")),
    )
