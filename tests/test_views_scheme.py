"""Certification schemes: who holds a scheme today, who applied, who held it; the sections a scheme page lists; the overview."""

from __future__ import annotations

import datetime as dt

from catalogs import TODAY, Data
from markupsafe import Markup

from macros.views.base import Link, Section, Span, Status, When
from macros.views.scheme import (
    Criterion,
    HolderRow,
    SchemeCard,
    SchemeView,
    certification_view,
    holder_rows,
    holders_text,
    scheme_view,
    validity_text,
)

DAY = dt.timedelta(days=1)
CERTIFIED = Status("certified", "certified")
DUE = Status("reassessment-due", "re-assessment due")
EXPIRED = Status("expired", "expired")
WITHDRAWN = Status("withdrawn", "withdrawn")
APPLIED = Status("applied", "applied")


def holder(data: Data, record_id: str, name: str, **cert):
    return data.enterprise(record_id, name=name, certifications=[{"scheme": "keur", **cert}])


def row(record_id: str, name: str, state: Status, period: Span | None = None) -> HolderRow:
    return HolderRow(Link(f"showcase/{record_id}/", name), state, period, f"keur:{state.key}")


# -- holders -----------------------------------------------------------------------------------
def test_holders_are_split_into_current_applicants_and_former():
    data = Data()
    holder(data, "a", "Alpha", status="certified")
    holder(data, "b", "Beta", status="certified", until=TODAY + 30 * DAY)
    holder(data, "c", "Gamma", status="certified", until=TODAY - DAY)  # recorded certified, but expired
    holder(data, "d", "Delta", status="withdrawn")
    holder(data, "e", "Epsilon", status="applied")
    holder(data, "f", "Zeta", status="certified", since=TODAY + DAY)  # awarded, not yet in force
    holder(data, "g", "Eta", status="expired")
    current, applicants, former = holder_rows(data.catalog(), "keur")
    assert current == (row("a", "Alpha", CERTIFIED), row("b", "Beta", DUE, Span(None, When("2026-07-01", "1 July 2026"), "")))
    assert applicants == (row("e", "Epsilon", APPLIED), row("f", "Zeta", APPLIED, Span(When("2026-06-02", "2 June 2026"), None, "")))
    assert former == (row("d", "Delta", WITHDRAWN), row("g", "Eta", EXPIRED), row("c", "Gamma", EXPIRED, Span(None, When("2026-05-31", "31 May 2026"), "")))


def test_an_expired_certificate_never_reads_certified_on_the_scheme_page():
    data = Data()
    holder(data, "c", "Gamma", status="certified", since=dt.date(2020, 1, 1), until=TODAY - DAY)
    current, applicants, former = holder_rows(data.catalog(), "keur")
    assert (current, applicants) == ((), ())
    assert former == (row("c", "Gamma", EXPIRED, Span(When("2020-01-01", "1 January 2020"), When("2026-05-31", "31 May 2026"), "")),)
    assert former[0].marker == "keur:expired"


def test_holders_are_ordered_by_name_ignoring_case_then_by_id():
    data = Data()
    holder(data, "a", "zebra Works", status="certified")
    holder(data, "b", "Apple", status="certified")
    holder(data, "d", "mango", status="certified")
    holder(data, "c", "Mango", status="certified")
    holder(data, "e", "Mango_", status="certified")
    holder(data, "f", "MangoZ", status="certified")
    current, _, _ = holder_rows(data.catalog(), "keur")
    assert [r.enterprise.url for r in current] == ["showcase/b/", "showcase/c/", "showcase/d/", "showcase/e/", "showcase/f/", "showcase/a/"]


def test_holders_of_other_schemes_are_not_listed():
    data = Data()
    data.enterprise("a", certifications=[{"scheme": "other", "status": "certified"}])
    assert holder_rows(data.catalog(), "keur") == ((), (), ())


def test_counts_of_holders_and_validity_read_with_their_nouns():
    assert holders_text(0) == "0 enterprises certified now"
    assert holders_text(1) == "1 enterprise certified now"
    assert holders_text(2) == "2 enterprises certified now"
    assert validity_text(None) is None
    assert validity_text(0) is None
    assert validity_text(1) == "1 year"
    assert validity_text(3) == "3 years"


# -- the scheme page ---------------------------------------------------------------------------
def test_a_certification_scheme_page_shows_every_decision():
    data = Data()
    s = data.scheme(
        "keur",
        name="Social Keur",
        kind="certification",
        owner="Keur Foundation",
        url="https://keur.example.org",
        summary="A mark.",
        description="It *checks*.",
        criteria=[{"id": "mission", "text": "A social mission."}, {"id": "profit", "text": "Profit reinvested."}],
        levels=["bronze", "gold"],
        validity_years=3,
        example=True,
    )
    holder(data, "a", "Alpha", status="certified")
    holder(data, "b", "Beta", status="applied")
    holder(data, "c", "Gamma", status="withdrawn")
    assert scheme_view(data.catalog(), s) == SchemeView(
        title="Social Keur",
        kind="scheme",
        record_id="keur",
        example=True,
        source_path="data/schemes/keur.yml",
        toc=(
            Section("criteria", "Criteria"),
            Section("holders", "Certified now (1)"),
            Section("applicants", "Applied (1)"),
            Section("former", "Formerly certified (1)"),
        ),
        summary="A mark.",
        kind_label="certification",
        owner="Keur Foundation",
        website=Link("https://keur.example.org", "https://keur.example.org"),
        levels="bronze, gold",
        validity="3 years",
        description=Markup("<p>It <em>checks</em>.</p>"),
        criteria=(Criterion("criterion-mission", "A social mission."), Criterion("criterion-profit", "Profit reinvested.")),
        current=(row("a", "Alpha", CERTIFIED),),
        applicants=(row("b", "Beta", APPLIED),),
        former=(row("c", "Gamma", WITHDRAWN),),
    )


def test_a_certification_scheme_lists_its_holders_section_even_when_nobody_holds_it():
    data = Data()
    s = data.scheme("keur", kind="certification")
    holder(data, "c", "Gamma", status="certified", until=TODAY - DAY)
    view = scheme_view(data.catalog(), s)
    assert view.toc == (Section("criteria", "Criteria"), Section("holders", "Certified now (0)"), Section("former", "Formerly certified (1)"))


def test_a_definition_lists_holders_only_when_someone_holds_it_now():
    data = Data()
    s = data.scheme("keur", kind="definition")
    holder(data, "e", "Epsilon", status="applied")
    assert scheme_view(data.catalog(), s).toc == (Section("criteria", "Criteria"), Section("applicants", "Applied (1)"))
    holder(data, "a", "Alpha", status="certified")
    holder(data, "b", "Beta", status="certified")
    assert scheme_view(data.catalog(), s).toc == (
        Section("criteria", "Criteria"),
        Section("holders", "Certified now (2)"),
        Section("applicants", "Applied (1)"),
    )


def test_a_bare_definition_page_leaves_the_optional_parts_out():
    data = Data()
    s = data.scheme("wise", name="WISE", kind="definition")
    assert scheme_view(data.catalog(), s) == SchemeView(
        title="WISE",
        kind="scheme",
        record_id="wise",
        example=False,
        source_path="data/schemes/wise.yml",
        toc=(Section("criteria", "Criteria"),),
        summary=None,
        kind_label="definition",
        owner=None,
        website=None,
        levels=None,
        validity=None,
        description=Markup(""),
        criteria=(Criterion("criterion-mission", "A social mission."),),
        current=(),
        applicants=(),
        former=(),
    )


# -- the overview ------------------------------------------------------------------------------
def test_the_overview_puts_definitions_apart_from_certification_schemes_counting_holders_now():
    data = Data()
    data.scheme("wise", name="WISE", kind="definition", summary="What a WISE is.")
    data.scheme("keur", name="Social Keur", kind="certification", summary="A mark.", example=True)
    data.scheme("bcorp", name="B Corp", kind="certification")
    data.enterprise("a", certifications=[{"scheme": "keur", "status": "certified"}, {"scheme": "wise", "status": "certified"}])
    data.enterprise("b", certifications=[{"scheme": "keur", "status": "certified", "until": TODAY + 10 * DAY}])
    data.enterprise("c", certifications=[{"scheme": "keur", "status": "certified", "until": TODAY - DAY}, {"scheme": "bcorp", "status": "applied"}])
    data.enterprise("d", certifications=[{"scheme": "bcorp", "status": "certified"}])
    view = certification_view(data.catalog())
    assert (view.title, view.wide, view.toc, view.definitions, view.schemes, view.self_test) == (
        "Certification",
        True,
        (Section("definition", "What counts as a social enterprise"), Section("schemes", "Certification schemes"), Section("matrix", "Who holds what today")),
        (SchemeCard("scheme:wise", Link("certification/wise/", "WISE"), False, "definition", "What a WISE is.", None),),
        (
            SchemeCard("scheme:bcorp", Link("certification/bcorp/", "B Corp"), False, "certification", "", "1 enterprise certified now"),
            SchemeCard("scheme:keur", Link("certification/keur/", "Social Keur"), True, "certification", "A mark.", "2 enterprises certified now"),
        ),
        Link("certification/self-test/", "Is my enterprise a WISE? Take the self-test"),
    )
    assert view.matrix_schemes == (Link("certification/bcorp/", "B Corp"), Link("certification/keur/", "Social Keur"))  # definitions have no column
    assert view.count == 4  # one matrix row per enterprise


def test_the_overview_lists_only_the_sections_it_has():
    data = Data()
    data.scheme("keur", kind="certification")
    view = certification_view(data.catalog())
    assert view.toc == (Section("schemes", "Certification schemes"),)
    assert view.schemes[0].holders_text == "0 enterprises certified now"
    assert (view.count, view.self_test) == (0, None)
    data = Data()
    data.scheme("wise", kind="definition")
    assert certification_view(data.catalog()).toc == (Section("definition", "What counts as a social enterprise"),)
    data = Data()
    data.enterprise("e")
    assert certification_view(data.catalog()).toc == (Section("matrix", "Who holds what today"),)
    empty = certification_view(Data().catalog())
    assert (empty.toc, empty.count) == ((), 0)


def test_an_enterprise_whose_renewal_overlaps_its_old_certificate_counts_once():
    data = Data()
    data.scheme("keur", kind="certification")
    renewed = [
        {"scheme": "keur", "status": "certified", "since": dt.date(2023, 7, 1), "until": TODAY + 30 * DAY},  # due for re-assessment
        {"scheme": "keur", "status": "certified", "since": TODAY - 10 * DAY, "until": dt.date(2029, 6, 1)},  # already renewed
    ]
    data.enterprise("a", certifications=renewed)
    catalog = data.catalog()
    assert certification_view(catalog).schemes[0].holders_text == "1 enterprise certified now"
    view = scheme_view(catalog, catalog.get("scheme", "keur"))
    assert [r.state.key for r in view.current] == ["certified"] and view.former == () and view.toc[1] == Section("holders", "Certified now (1)")
