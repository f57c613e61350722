"""Every rule a schema cannot say: one failing and one passing case each, with the exact line."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, problems, write

from macros.kinds import KINDS

OFFICIAL = "name: An Alderman\nsources: [https://example.org/a]\nmemberships:\n"
POSITION = "title: T\nsummary: S\nstatus: active\nlast_reviewed: 2026-01-01\nasks:\n"
DECISION = "title: T\nkind: motion\ndate: 2026-01-01\nsummary: S\nsource: https://example.org/d\n"
GLOSSARY = "title: G\nterms:\n  - {id: wise, term: WISE, definition: D, source: index.md}\n"
PROCUREMENT = (FIXTURES / "tiny" / "data" / "procurement.yml").read_text(encoding="utf-8")
CASES = {
    # rule: (file, failing text, passing text, expected problem line)
    "certification_dates": (
        "enterprises/kantine.yml",
        "name: K\nsummary: S\nsector: catering\ndistrict: oost\ncertifications:\n  - {scheme: keurmerk, status: certified, since: 2024-01-02, until: 2024-01-01}\n",
        "name: K\nsummary: S\nsector: catering\ndistrict: oost\ncertifications:\n  - {scheme: keurmerk, status: certified, since: 2024-01-01, until: 2024-01-01}\n",
        "data/enterprises/kantine.yml:6:69: error: certifications[0].until: 2024-01-01 is before since 2024-01-02 [date-order]",
    ),
    "figures_one_per_year": (
        "enterprises/kantine.yml",
        "name: K\nsummary: S\nsector: catering\ndistrict: oost\nfigures:\n  - {year: 2024}\n  - {year: 2024}\n",
        "name: K\nsummary: S\nsector: catering\ndistrict: oost\nfigures:\n  - {year: 2023}\n  - {year: 2024}\n",
        "data/enterprises/kantine.yml:7:12: error: figures[1].year: 2024 appears twice [duplicate]",
    ),
    "figures_within_staff": (
        "enterprises/kantine.yml",
        "name: K\nsummary: S\nsector: catering\ndistrict: oost\nfigures:\n  - {year: 2024, jobs_target_group: 12, staff_total: 11}\n",
        "name: K\nsummary: S\nsector: catering\ndistrict: oost\nfigures:\n  - {year: 2024, jobs_target_group: 11, staff_total: 11}\n",
        "data/enterprises/kantine.yml:6:37: error: figures[0].jobs_target_group: 12 is more than staff_total 11 [figures]",
    ),
    "geo_on_earth": (
        "enterprises/kantine.yml",
        "name: K\nsummary: S\nsector: catering\ndistrict: oost\ngeo: {lat: 452.37, lon: 4.9}\n",
        "name: K\nsummary: S\nsector: catering\ndistrict: oost\ngeo: {lat: 52.37, lon: 4.9}\n",
        "data/enterprises/kantine.yml:5:6: error: geo: is not a place on Earth: lat 452.37, lon 4.9 [geo]",
    ),
    "membership_dates": (
        "officials/an-alderman.yml",
        OFFICIAL + "  - {post: wethouder, start: 2022-06-01, end: 2022-05-31}\n",
        OFFICIAL + "  - {post: wethouder, start: 2022-06-01, end: 2022-06-01}\n",
        "data/officials/an-alderman.yml:4:47: error: memberships[0].end: 2022-05-31 is before start 2022-06-01 [date-order]",
    ),
    "one_holding_at_a_time": (
        "officials/an-alderman.yml",
        OFFICIAL + "  - {post: wethouder, start: 2018-06-01, end: 2022-06-01}\n  - {post: wethouder, start: 2022-06-01}\n",
        OFFICIAL + "  - {post: wethouder, start: 2018-06-01, end: 2022-05-31}\n  - {post: wethouder, start: 2022-06-01}\n",
        "data/officials/an-alderman.yml:5:30: error: memberships[1].start: overlaps an earlier membership of post 'wethouder' [date-order]",
    ),
    "unique_ask_ids": (
        "positions/other.yml",
        POSITION + "  - {id: a, text: One}\n  - {id: a, text: Two}\n",
        POSITION + "  - {id: a, text: One}\n  - {id: b, text: Two}\n",
        "data/positions/other.yml:7:10: error: asks[1].id: 'a' is already the id of asks[0] [duplicate]",
    ),
    "history_in_date_order": (
        "positions/other.yml",
        POSITION
        + "  - id: a\n    text: One\n    history:\n      - {date: 2025-02-01, status: asked, source: https://example.org/1}\n      - {date: 2025-01-01, status: refused, source: https://example.org/2}\n",
        POSITION
        + "  - id: a\n    text: One\n    history:\n      - {date: 2025-01-01, status: asked, source: https://example.org/1}\n      - {date: 2025-02-01, status: refused, source: https://example.org/2}\n",
        "data/positions/other.yml:10:16: error: asks[0].history[1].date: 2025-01-01 is before the previous step's 2025-02-01 [date-order]",
    ),
    "end_not_before_start": (
        "campaigns/week.yml",
        "name: W\ngoal: G\nstart: 2026-02-01\nend: 2026-01-01\n",
        "name: W\ngoal: G\nstart: 2026-01-01\nend: 2026-02-01\n",
        "data/campaigns/week.yml:4:6: error: end: 2026-01-01 is before start 2026-02-01 [date-order]",
    ),
    "of_whom_within_total": (
        "monitoring/2024.yml",
        "year: 2024\nsource: {title: T}\nmeasures: {jobs_target_group: 100, paid_jobs: 120}\n",
        "year: 2024\nsource: {title: T}\nmeasures: {jobs_target_group: 100, paid_jobs: 100}\n",
        "data/monitoring/2024.yml:3:47: error: measures.paid_jobs: 120 is more than the 100 people of the target group at work it is part of [figures]",
    ),
    "same_kind_of_time": (
        "seminars/procurement-101.yml",
        "title: P\nstart: 2026-03-12T14:00\nend: 2026-03-12\nlocation: {name: Town hall}\n",
        "title: P\nstart: 2026-03-12T14:00\nend: 2026-03-12T16:00\nlocation: {name: Town hall}\n",
        "data/seminars/procurement-101.yml:3:6: error: end: must be a date-time like start [date-kind]",
    ),
    "seminar_place": (
        "seminars/procurement-101.yml",
        "title: P\nstart: 2026-03-12\n",
        "title: P\nstart: 2026-03-12\nlocation: {name: Town hall}\n",
        "data/seminars/procurement-101.yml:1:1: error: file: needs a location or an online_url [required]",
    ),
    "unique_criteria": (
        "schemes/keurmerk.yml",
        "name: K\nkind: certification\ncriteria:\n  - {id: a, text: One}\n  - {id: a, text: Two}\n",
        "name: K\nkind: certification\ncriteria:\n  - {id: a, text: One}\n  - {id: b, text: Two}\n",
        "data/schemes/keurmerk.yml:5:10: error: criteria[1].id: 'a' appears twice [duplicate]",
    ),
    "year_matches_file": (
        "monitoring/2024.yml",
        "year: 2023\nsource: {title: T}\nmeasures: {jobs_target_group: 120}\n",
        "year: 2024\nsource: {title: T}\nmeasures: {jobs_target_group: 120}\n",
        "data/monitoring/2024.yml:1:7: error: year: 2023 does not match the file name '2024.yml' [year-mismatch]",
    ),
    "districts_within_city": (
        "monitoring/2024.yml",
        "year: 2024\nsource: {title: T}\nmeasures: {jobs_target_group: 120}\nby_district:\n  oost: {jobs_target_group: 121}\n",
        "year: 2024\nsource: {title: T}\nmeasures: {jobs_target_group: 120}\nby_district:\n  oost: {jobs_target_group: 120}\n",
        "data/monitoring/2024.yml:5:3: error: by_district: jobs_target_group: the districts add up to 121, more than the city's 120 [figures]",
    ),
    "unique_articles": (
        "manifesto.yml",
        "title: M\narticles:\n  - {id: work, heading: H, text: T}\n  - {id: work, heading: H2, text: T}\n",
        "title: M\narticles:\n  - {id: work, heading: H, text: T}\n  - {id: b, heading: H2, text: T}\n",
        "data/manifesto.yml:4:10: error: articles[1].id: 'work' appears twice [duplicate]",
    ),
    "unique_signatories": (
        "manifesto.yml",
        "title: M\narticles: [{id: work, heading: H, text: T}]\nsignatories:\n  - {enterprise: kantine}\n  - {enterprise: kantine}\n",
        "title: M\narticles: [{id: work, heading: H, text: T}]\nsignatories:\n  - {enterprise: kantine}\n  - {organisation: Kantine BV}\n",
        "data/manifesto.yml:5:5: error: signatories[1]: 'kantine' has already signed [duplicate]",
    ),
    "known_vocabulary": (
        "vocabularies/sector.yml",
        "title: S\nentries: [{id: a, label: A}]\n",
        None,
        "data/vocabularies/sector.yml:1:1: error: file: 'sector' is not a vocabulary; expected one of: sectors, districts, target-groups, topics, offering-categories, parties [unknown-vocabulary]",
    ),
    "unique_entries": (
        "vocabularies/topics.yml",
        "title: T\nentries:\n  - {id: social-procurement, label: A}\n  - {id: social-procurement, label: B}\n",
        "title: T\nentries:\n  - {id: social-procurement, label: A}\n  - {id: other, label: B}\n",
        "data/vocabularies/topics.yml:4:10: error: entries[1].id: 'social-procurement' appears twice [duplicate]",
    ),
    "sectors_only_for_topics": (
        "vocabularies/districts.yml",
        "title: D\nentries:\n  - {id: oost, label: Oost, sectors: [catering]}\n",
        "title: D\nentries:\n  - {id: oost, label: Oost}\n",
        "data/vocabularies/districts.yml:3:38: error: entries[0].sectors: only topics map to sectors [sectors]",
    ),
    "cpv_only_for_offerings": (
        "vocabularies/offering-categories.yml",
        "title: O\nentries:\n  - {id: catering, label: Catering}\n",
        "title: O\nentries:\n  - {id: catering, label: Catering, cpv: ['55520000-1']}\n",
        "data/vocabularies/offering-categories.yml:3:5: error: entries[0]: an offering category needs its CPV code(s) in cpv [cpv]",
    ),
    "threshold_dates": (
        "procurement.yml",
        PROCUREMENT.replace("valid_until: 2027-12-31", "valid_until: 2025-12-31"),
        PROCUREMENT,
        "data/procurement.yml:8:18: error: thresholds[0].valid_until: 2025-12-31 is before valid_from 2026-01-01 [date-order]",
    ),
    "unique_ids": (
        "procurement.yml",
        PROCUREMENT.replace(
            "  factors:\n",
            "    - {id: standard, label: Again, percentage: 2, labour_share_below: 30, source: {title: P, url: 'https://example.org/p'}}\n  factors:\n",
        ),
        PROCUREMENT,
        "data/procurement.yml:21:12: error: social_return.rates[1].id: 'standard' appears twice [duplicate]",
    ),
    "known_threshold": (
        "procurement.yml",
        PROCUREMENT.replace("applies_above: services", "applies_above: works"),
        PROCUREMENT,
        "data/procurement.yml:16:18: error: social_return.applies_above: no threshold 'works'; thresholds: services [unknown-reference]",
    ),
    "one_standard_rate": (
        "procurement.yml",
        PROCUREMENT.replace("percentage: 5, source", "percentage: 5, labour_share_below: 30, source"),
        PROCUREMENT,
        "data/procurement.yml:20:5: error: social_return.rates: needs exactly one standard rate (without labour_share_below); found 0 [required]",
    ),
    "city_wide_alone": (
        "enterprises/kantine.yml",
        "name: K\nsummary: S\nsector: catering\ndistrict: oost\nserves: [city-wide, oost]\n",
        "name: K\nsummary: S\nsector: catering\ndistrict: oost\nserves: city-wide\n",
        "data/enterprises/kantine.yml:5:9: error: serves: write either city-wide or a list of districts [serves]",
    ),
    "committee_named": (
        "decisions/reserve-motion.yml",
        DECISION + "body: committee\noutcome: adopted\n",
        DECISION + "body: committee\ncommittee: Work and Income\noutcome: adopted\n",
        "data/decisions/reserve-motion.yml:6:7: error: body: a committee's decision names the committee in `committee` [committee]",
    ),
    "no_vote_on_withdrawn": (
        "decisions/reserve-motion.yml",
        DECISION + "body: council\noutcome: withdrawn\nvotes:\n  parties: [{party: green, vote: for}]\n",
        DECISION + "body: council\noutcome: withdrawn\n",
        "data/decisions/reserve-motion.yml:9:3: error: votes: a withdrawn proposal was never put to the vote; leave `votes` out [vote]",
    ),
    "one_vote_each": (
        "decisions/reserve-motion.yml",
        DECISION + "body: council\noutcome: rejected\nvotes:\n  parties:\n    - {party: green, vote: for}\n    - {party: green, vote: against}\n",
        DECISION + "body: council\noutcome: rejected\nvotes:\n  parties:\n    - {party: green, vote: for}\n    - {party: red, vote: against}\n",
        "data/decisions/reserve-motion.yml:11:15: error: votes.parties[1].party: 'green' already voted in votes.parties[0] [duplicate]",
    ),
    "named_once": (
        "decisions/reserve-motion.yml",
        DECISION + "body: council\noutcome: adopted\narticles: [work, work]\n",
        DECISION + "body: council\noutcome: adopted\narticles: [work]\n",
        "data/decisions/reserve-motion.yml:8:18: error: articles[1]: 'work' is already articles[0] [duplicate]",
    ),
    "unique_terms": (
        "glossary.yml",
        GLOSSARY + "  - {id: wise, term: WISEs, definition: D, source: index.md}\n",
        GLOSSARY + "  - {id: wises, term: WISEs, definition: D, source: index.md}\n",
        "data/glossary.yml:4:10: error: terms[1].id: 'wise' appears twice [duplicate]",
    ),
    "anchors_of_their_own": (
        "glossary.yml",
        GLOSSARY + "  - {id: title, term: Title, definition: D, source: index.md}\n",
        GLOSSARY + "  - {id: page-title, term: Title, definition: D, source: index.md}\n",
        "data/glossary.yml:4:10: error: terms[1].id: 'title' is the anchor of the page's own heading; choose another id [id]",
    ),
    "one_term_per_form": (
        "glossary.yml",
        GLOSSARY + "  - {id: enterprise, term: enterprise, also: [social-enterprise, Wise], definition: D, source: index.md}\n",
        GLOSSARY + "  - {id: enterprise, term: enterprise, also: [social-enterprise], definition: D, source: index.md}\n",
        "data/glossary.yml:4:66: error: terms[1].also[1]: 'Wise' is already a form of 'wise' [duplicate]",
    ),
}


# Rules shared by several kinds: a case for each further kind that uses them.
SHARED = {
    "seminar": (
        "seminars/procurement-101.yml",
        'title: P\nonline_url: https://example.org/l\nstart: "2026-03-12T14:00:00+01:00"\nend: "2026-03-12T13:00:00+01:00"\n',
        'title: P\nonline_url: https://example.org/l\nstart: "2026-03-12T14:00:00+01:00"\nend: "2026-03-12T17:00:00+01:00"\n',
        "data/seminars/procurement-101.yml:4:6: error: end: 2026-03-12 13:00:00+01:00 is before start 2026-03-12 14:00:00+01:00 [date-order]",
    ),
    "network": (
        "networks/kantine-netwerk.yml",
        "name: N\nkind: project\nsummary: S\nstart: 2026-02-01\nend: 2026-01-01\n",
        "name: N\nkind: project\nsummary: S\nstart: 2026-01-01\n",
        "data/networks/kantine-netwerk.yml:5:6: error: end: 2026-01-01 is before start 2026-02-01 [date-order]",
    ),
}


def all_rules() -> set[str]:
    return {rule.__name__ for kind in KINDS.values() for rule in kind.rules}


def test_every_rule_has_a_case_and_a_docstring():
    assert set(CASES) == all_rules()
    assert [r.__name__ for k in KINDS.values() for r in k.rules if not (r.__doc__ or "").strip()] == []


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule(rule, tiny):
    path, failing, passing, expected = CASES[rule]
    write(tiny, path, failing)
    assert problems(tiny / "data") == [expected]
    if passing is not None:
        write(tiny, path, passing)
        assert problems(tiny / "data") == []


@pytest.mark.parametrize("kind", sorted(SHARED))
def test_shared_rule_in_another_kind(kind, tiny):
    path, failing, passing, expected = SHARED[kind]
    write(tiny, path, failing)
    assert problems(tiny / "data") == [expected]
    write(tiny, path, passing)
    assert problems(tiny / "data") == []
