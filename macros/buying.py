"""The buyers' rules: may a contract be reserved for this enterprise (Article 20's test), does buying from it count
towards social return and by which factor, and how much social return a contract owes.

Each answer is computed here once, from the enterprise's records and data/procurement.yml, and shown the same on
its page, in the catalogue's filters, on the certification matrix and in the calculator.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from . import certification
from .catalog import Catalog
from .i18n import _, ngettext

Eligible = Literal["yes", "no", "unknown"]
FIGURES_VALID_YEARS = 2  # when procurement.yml does not say: figures count for the test this many years after their year
MINIMUM_SHARE = 30  # when procurement.yml does not say: Article 20's share of disabled or disadvantaged employees


def minimum_share(rules: Any = None) -> float:
    """Article 20's share of disabled or disadvantaged employees, from procurement.yml (30% without it)."""
    return rules.reserved_contracts.minimum_share if rules else MINIMUM_SHARE


def labels(rules: Any = None) -> dict[str, str]:
    """Article 20's states as a filter or a table names them, with the share the rules ask, in the page's language
    (the keys are the markers and the exports' values)."""
    share = f"{minimum_share(rules):g}%"
    return {"yes": _("at least %(share)s") % {"share": share}, "no": _("below %(share)s") % {"share": share}, "unknown": _("unknown")}


@dataclass(frozen=True)
class Article20:
    """Article 20's test for one enterprise: `state` (yes, no, unknown), the year of the figures it rests on, the
    share when it may be shown, and in words why (in the language of the page being made)."""

    state: Eligible
    year: int | None
    share: float | None  # percent, only when neither count is a small one (then the share gives nothing away)
    reason: str


def article20(enterprise: Any, today: dt.date, rules: Any = None) -> Article20:
    """Whether at least 30% (procurement.yml: reserved_contracts.minimum_share) of the enterprise's staff belong to the
    target group, from its latest figures with both counts: yes, no, or unknown when there are no such figures or they
    are older than two years (figures_valid_years). Saying "at least 30%" or "below" reveals no small count."""
    minimum = minimum_share(rules)
    valid = rules.reserved_contracts.figures_valid_years if rules and rules.reserved_contracts.figures_valid_years is not None else FIGURES_VALID_YEARS
    counted = [f for f in enterprise.figures if f.jobs_target_group is not None and f.staff_total]
    if not counted:
        return Article20("unknown", None, None, _("no figures of its staff and of the target group among them"))
    latest = max(counted, key=lambda f: f.year)
    if latest.year < today.year - valid:
        reason = ngettext(
            "its latest figures are from %(year)s, more than %(num)d year ago", "its latest figures are from %(year)s, more than %(num)d years ago", valid
        ) % {"year": latest.year, "num": valid}
        return Article20("unknown", latest.year, None, reason)
    share = 100 * latest.jobs_target_group / latest.staff_total
    shown = None if any(0 < n < 10 for n in (latest.jobs_target_group, latest.staff_total)) else round(share, 1)
    state: Eligible = "yes" if share >= minimum else "no"
    if state == "yes":
        reason = _("at least %(share)s of its staff belong to the target group (%(year)s)")
    else:
        reason = _("below %(share)s of its staff belong to the target group (%(year)s)")
    return Article20(state, latest.year, shown, reason % {"share": f"{minimum:g}%", "year": latest.year})


@dataclass(frozen=True)
class SocialReturnCredit:
    """How buying from an enterprise counts towards social return: the factor (0: it does not) and the scheme giving it."""

    factor: float
    scheme: str | None
    example: bool = False


def social_return_credit(enterprise: Any, today: dt.date, rules: Any = None) -> SocialReturnCredit:
    """The largest factor among the schemes the enterprise holds today (procurement.yml: social_return.factors);
    0 when it holds none of them."""
    if rules is None:
        return SocialReturnCredit(0, None)
    held = set(certification.held_schemes(enterprise, today))
    best = max((f for f in rules.social_return.factors if f.scheme in held), key=lambda f: (f.factor, f.scheme), default=None)
    return SocialReturnCredit(best.factor, best.scheme, best.example) if best else SocialReturnCredit(0, None)


def threshold(rules: Any, threshold_id: str) -> Any:
    return next(t for t in rules.thresholds if t.id == threshold_id)


def rate(rules: Any, labour_share: float | None = None) -> Any:
    """The social return rate for a contract: a lower rate where labour is below its share and one is set, else the standard one."""
    rates = rules.social_return.rates
    standard = next(r for r in rates if r.labour_share_below is None)
    if labour_share is None:
        return standard
    lower = [r for r in rates if r.labour_share_below is not None and labour_share < r.labour_share_below]
    return min(lower, key=lambda r: r.labour_share_below, default=standard)


def obligation(rules: Any, value: float, low_labour: bool = False) -> float:
    """The social return a contract owes, in euros: nothing at or below the threshold it applies above, else its value
    times the rate (the lower one for a contract in which labour is a small share, where the policy has one)."""
    if value <= threshold(rules, rules.social_return.applies_above).amount:
        return 0
    chosen = rate(rules, 0 if low_labour else None)
    return value * chosen.percentage / 100


def purchase_to_cover(owed: float, factor: float) -> float | None:
    """What must be bought from an enterprise with this factor to cover `owed`; None when its purchases do not count."""
    return owed / factor if factor > 0 else None


def out_of_date(rules: Any, today: dt.date) -> list[str]:
    """The rules past their `valid_until`, in words, for `wise stats`."""
    late = [f"threshold '{t.id}' was valid until {t.valid_until}" for t in rules.thresholds if t.valid_until and t.valid_until < today]
    policy = rules.social_return
    if policy.valid_until and policy.valid_until < today:
        late.append(f"the social return policy of {policy.city} was valid until {policy.valid_until}")
    return late


def rules_of(catalog: Catalog) -> Any:
    return catalog.procurement
