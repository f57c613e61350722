"""The certification lifecycle: what a holding means on a given day.

An editor records a holding's `status` as the scheme's owner reported it, with its `since`
and `until` dates. Readers need to know what it means *today*: a certificate whose `until`
has passed is not a certificate any more, whatever its recorded status says. `state` is that
rule, written once; every page, card, filter, export, briefing and `wise stats` asks it.
"""

from __future__ import annotations

import datetime as dt
import typing
from typing import Any, Literal

from .i18n import N_, _

CertState = Literal["applied", "certified", "reassessment-due", "expired", "withdrawn"]
CERT_STATES: tuple[str, ...] = typing.get_args(CertState)
VALID: tuple[str, ...] = ("certified", "reassessment-due")  # the states in which the enterprise holds the scheme
REASSESSMENT_DAYS = 90  # a certificate ending within this many days is due for re-assessment

# When an enterprise has several holdings of one scheme (a renewal overlapping the old certificate), the one that says
# most stands for them all: a valid one before an application, before a past one.
PRECEDENCE: tuple[str, ...] = ("certified", "reassessment-due", "applied", "expired", "withdrawn")

# The words readers see for each state (the keys are the markers: `data-cert-state`, exports, filters), in English;
# `label` gives them in the language of the page being made.
LABELS = {
    "applied": N_("applied"),
    "certified": N_("certified"),
    "reassessment-due": N_("re-assessment due"),
    "expired": N_("expired"),
    "withdrawn": N_("withdrawn"),
}


def label(key: str) -> str:
    """A state's words in the active language ("re-assessment due", "herbeoordeling nodig")."""
    return _(LABELS[key])


def state(cert: Any, today: dt.date) -> CertState:
    """A holding's state on `today`.

    Applied, expired and withdrawn are as recorded. A recorded certificate is *expired* once its
    `until` has passed, *re-assessment due* within 90 days of its `until`, *applied* while its
    `since` is still to come (awarded, not yet in force), and *certified* otherwise."""
    if cert.status != "certified":
        return cert.status
    if cert.since is not None and cert.since > today:
        return "applied"
    if cert.until is not None and cert.until < today:
        return "expired"
    if cert.until is not None and (cert.until - today).days <= REASSESSMENT_DAYS:
        return "reassessment-due"
    return "certified"


def is_valid(cert: Any, today: dt.date) -> bool:
    """The enterprise holds the scheme today: certified, or certified with re-assessment due."""
    return state(cert, today) in VALID


def held_schemes(enterprise: Any, today: dt.date) -> list[str]:
    """The ids of the schemes an enterprise holds today, sorted."""
    return sorted({c.scheme for c in enterprise.certifications if is_valid(c, today)})


def best_state(enterprise: Any, scheme_id: str, today: dt.date) -> str | None:
    """An enterprise's state for one scheme today, by its holding that says most (PRECEDENCE); None if it never applied."""
    states = [state(c, today) for c in enterprise.certifications if c.scheme == scheme_id]
    return min(states, key=PRECEDENCE.index) if states else None


def expired_but_recorded_certified(cert: Any, today: dt.date) -> bool:
    """A holding recorded as certified whose `until` has passed: the data needs an editor's eye."""
    return cert.status == "certified" and state(cert, today) == "expired"
