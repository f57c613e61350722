"""The views speak the language of the page being made: with Dutch active, the words a view puts on a page come from
the Dutch catalogue (locale/nl/*.po), while keys, markers, filter values and URLs stay as they are. Labels kept in
module-level constants (N_) are English in the constant and translated when a view is made, not when the module is
imported. One test per kind of case: a plain string, a module-level label, a sentence with values, a plural, a
status badge, a facet, the pager, a chart, a published cell."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from catalogs import TODAY, Data, step

from macros import certification, charts, i18n, showcase
from macros.views import decision, lobby, paging
from macros.views.base import Section, Status
from macros.views.decision import decision_card, decisions_view, filter_values
from macros.views.enterprise import buyers_panel, enterprise_view, holdings, showcase_view
from macros.views.monitor import monitoring_view
from macros.views.paging import Paging
from macros.views.position import positions_view
from macros.views.scheme import certification_view
from macros.views.tracker import tracker_view


@pytest.fixture
def dutch() -> Iterator[None]:
    """A page being made in Dutch on a site in Dutch and English."""
    i18n.configure(("nl", "en"))
    try:
        with i18n.use("nl"):
            yield
    finally:
        i18n.configure(("en",))


def certified(data: Data, enterprise: str, scheme: str = "keur") -> None:
    data.enterprise(enterprise, certifications=[{"scheme": scheme, "status": "certified", "until": TODAY + dt.timedelta(days=400)}])


def test_a_views_title_and_sections_are_in_dutch(dutch):
    data = Data()
    data.scheme("keur")
    certified(data, "bakery")
    catalog = data.catalog()
    view = enterprise_view(catalog, catalog.get("enterprise", "bakery"))
    assert view.title == "Bakery"  # record text is the record's
    assert view.toc[:2] == (Section("buy", "Koop bij ons"), Section("buyers", "Voor inkopers"))
    assert showcase_view(catalog).title == "Etalage"  # the navigation's word for the same page


def test_a_module_level_label_is_english_in_its_constant_and_dutch_in_the_view(dutch):
    assert showcase.SHOWCASE_FACETS[1] == ("district", "District", "districts")  # marked N_, not translated at import
    assert certification.LABELS["reassessment-due"] == "re-assessment due"
    assert lobby.LOBBY_FEED.follow == "Follow the lobby"
    data = Data()
    data.scheme("keur")
    certified(data, "bakery")
    catalog = data.catalog()
    facets = {f.name: f.label for f in showcase_view(catalog).facets}
    assert facets["district"] == "Stadsdeel" and facets["certification"] == "Nu gecertificeerd"
    assert [f.label for f in decisions_view(catalog).facets] == ["Uitkomst", "Onderwerp", "Besloten door"]
    assert decisions_view(catalog).feeds[0].follow == "Volg de lobby"
    (row,) = certification_view(catalog).matrix
    assert row.states == (("keur", Status("certified", "gecertificeerd")),)  # the key (data-cert-state) stays
    with i18n.use("en"):
        assert {f.name: f.label for f in showcase_view(catalog).facets}["district"] == "District"


def test_a_sentence_with_values_is_one_dutch_sentence(dutch):
    data = Data()
    data.procurement()
    data.enterprise("bakery", figures=[{"year": 2025, "staff_total": 40, "jobs_target_group": 20}])
    catalog = data.catalog()
    panel = buyers_panel(catalog, catalog.get("enterprise", "bakery"), ())
    assert panel.eligible == "yes"
    assert panel.eligible_text == (
        "Ja: minstens 30% van het personeel hoort bij de doelgroep (2025). Een opdracht mag onder artikel 20 voor deze onderneming worden "
        "voorbehouden (minstens 30% van de werknemers met een arbeidsbeperking of een afstand tot de arbeidsmarkt)."
    )
    assert panel.share == "50% van het personeel hoort bij de doelgroep (2025)"


def test_counts_take_the_dutch_singular_or_plural(dutch):
    data = Data()
    data.post("alderman")
    data.position("one", targets=["alderman"], asks=[{"id": "a", "text": "Do a.", "history": [step("2026-01-05", "asked")]}])
    data.position("two", targets=["alderman"], asks=[{"id": f"x{i}", "text": "Do x.", "history": [step("2026-01-05", "asked")]} for i in range(2)])
    data.decision("d", asks=[{"position": "one", "ask": "a"}, {"position": "two", "ask": "x0"}])
    catalog = data.catalog()
    assert [c.open_asks for c in positions_view(catalog).cards] == ["1 openstaand verzoek", "2 openstaande verzoeken"]
    d = catalog.get("decision", "d")
    assert decision_card(catalog, d, filter_values(d)).concerns == "Gaat over 2 verzoeken"


def test_a_status_badge_keeps_its_key_and_shows_dutch_words(dutch):
    assert lobby.status("delivered") == Status("delivered", "gerealiseerd")
    assert lobby.status("adopted") == Status("adopted", "aangenomen")
    data = Data()
    d = data.decision("d", outcome="rejected", stance="against")
    assert decision.effect_status(d) == Status("advances", "bevordert")
    assert decision.body_text(d) == "gemeenteraad"
    data.scheme("keur")
    certified(data, "bakery")
    catalog = data.catalog()
    (holding,) = holdings(catalog, catalog.get("enterprise", "bakery"))
    assert holding.marker == "keur:certified"


def test_a_facets_values_are_labelled_in_dutch_and_keep_their_ids(dutch):
    data = Data()
    data.post("alderman")
    data.position("p", targets=["alderman"], asks=[{"id": "a", "text": "Do a.", "history": [step("2026-01-05", "committed")]}])
    view = tracker_view(data.catalog())
    status = next(f for f in view.facets if f.name == "status")
    assert status.label == "Status"
    assert [(v.id, v.label, v.count) for v in status.values if v.count] == [("committed", "toegezegd", 1)]
    assert view.rows[0].filters[0] == ("status", "committed")
    assert view.paging.noun == "Verzoeken"


def test_the_pager_and_the_pages_titles_are_in_dutch(dutch):
    first = Paging("showcase/", 2, 5, "Ondernemingen")
    pager = first.page(2).pager
    assert pager.label == "Ondernemingen 3–4 van 5"
    assert (pager.previous.text, pager.next.text) == ("Vorige pagina", "Volgende pagina")
    assert paging.page_title("Etalage", first.page(3)) == "Etalage, pagina 3 van 3"


def test_a_charts_title_and_a_bars_example_note_are_in_dutch(dutch):
    data = Data()
    data.monitoring("2024", year=2024, example=True, source={"title": "M"}, measures={"jobs_target_group": 120})
    svg = charts.bar_chart("Mensen", [charts.Point("2024", 120, "120", "s", example=True)])
    assert "<title>2024: 120 (voorbeeldgegevens)</title>" in svg
    view = monitoring_view(data.catalog(), data.catalog().get("monitoring", "2024"))
    assert view.title == "Sectormonitor 2024"
    assert view.figures[0].label == "Mensen uit de doelgroep aan het werk"  # a measure's label, kept in kinds/monitoring.py


def test_a_cell_hidden_to_protect_a_small_count_is_named_in_dutch(dutch):
    data = Data()
    data.vocabulary("districts", entries=[{"id": "noord", "label": "Noord"}, {"id": "west", "label": "West"}])
    data.monitoring(
        "2024",
        year=2024,
        source={"title": "M"},
        measures={"jobs_target_group": 2720},
        by_district={"noord": {"jobs_target_group": 2000}, "west": {"jobs_target_group": 5}},
    )
    catalog = data.catalog()
    rows = monitoring_view(catalog, catalog.get("monitoring", "2024")).districts
    assert [(r.label, r.cells) for r in rows[2:]] == [("Elders of niet per stadsdeel geteld", ("afgeschermd",)), ("De stad", ("2,720",))]
