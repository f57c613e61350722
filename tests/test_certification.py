"""The certification lifecycle: one rule for what a holding means on a given day."""

from __future__ import annotations

import datetime as dt

import pytest
from catalogs import TODAY, Data

from macros import certification


def holding(**fields):
    data = Data()
    return data.enterprise("e", certifications=[{"scheme": "keur", **fields}]).certifications[0]


@pytest.mark.parametrize(
    ("fields", "state"),
    [
        ({"status": "applied"}, "applied"),
        ({"status": "withdrawn", "until": TODAY + dt.timedelta(days=400)}, "withdrawn"),
        ({"status": "expired"}, "expired"),
        ({"status": "certified"}, "certified"),
        ({"status": "certified", "since": TODAY}, "certified"),
        ({"status": "certified", "since": TODAY + dt.timedelta(days=1)}, "applied"),
        ({"status": "certified", "until": TODAY - dt.timedelta(days=1)}, "expired"),
        ({"status": "certified", "until": TODAY}, "reassessment-due"),
        ({"status": "certified", "until": TODAY + dt.timedelta(days=90)}, "reassessment-due"),
        ({"status": "certified", "until": TODAY + dt.timedelta(days=91)}, "certified"),
    ],
)
def test_state_on_the_build_date(fields, state):
    assert certification.state(holding(**fields), TODAY) == state


def test_only_certified_and_reassessment_due_count_as_held():
    data = Data()
    e = data.enterprise(
        "e",
        certifications=[
            {"scheme": "gone", "status": "certified", "until": TODAY - dt.timedelta(days=1)},
            {"scheme": "soon", "status": "certified", "until": TODAY + dt.timedelta(days=10)},
            {"scheme": "keur", "status": "certified"},
            {"scheme": "asked", "status": "applied"},
        ],
    )
    assert certification.held_schemes(e, TODAY) == ["keur", "soon"]
    assert [certification.is_valid(c, TODAY) for c in e.certifications] == [False, True, True, False]


def test_an_expired_certificate_still_recorded_as_certified_needs_an_editor():
    assert certification.expired_but_recorded_certified(holding(status="certified", until=TODAY - dt.timedelta(days=1)), TODAY)
    assert not certification.expired_but_recorded_certified(holding(status="expired", until=TODAY - dt.timedelta(days=1)), TODAY)
    assert not certification.expired_but_recorded_certified(holding(status="certified", until=TODAY), TODAY)


def test_every_state_has_a_label():
    assert set(certification.LABELS) == set(certification.CERT_STATES)
    assert certification.LABELS["reassessment-due"] == "re-assessment due"
