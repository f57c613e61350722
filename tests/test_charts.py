"""SVG charts: every point drawn, labelled, sourced; small counts never drawn to scale."""

from __future__ import annotations

from htmltools import Page

from macros.charts import Point, bar_chart


def test_bar_chart_labels_and_sources_every_point():
    svg = bar_chart("People at work", [Point("2016", 2720, "2,720", "seed"), Point("2024", 3925, "3,925", "https://example.org/m", example=True)])
    page = Page(svg)
    groups = [a for t, a in page.elements if t == "g"]
    assert [(g["data-year"], g["data-source"]) for g in groups] == [("2016", "seed"), ("2024", "https://example.org/m")]
    assert "2016: 2,720" in page.text and "2024: 3,925 (example data)" in page.text
    (svg_attrs,) = [a for t, a in page.elements if t == "svg"]
    assert svg_attrs == {
        "class": "wise-chart",
        "width": "100%",
        "height": "260",
        "role": "img",
        "aria-label": "People at work",
        "xmlns": "http://www.w3.org/2000/svg",
    }
    # No viewBox: the drawing stretches with the page but its text keeps its size.
    assert "viewbox" not in svg_attrs
    assert "wise-chart__bar--example" in svg


def test_bar_chart_escapes_text_and_draws_nothing_for_no_points():
    assert bar_chart("x", []) == ""
    svg = bar_chart("<script>", [Point("<b>", 1, "<10", "a\x27b")])
    assert "<script>" not in svg and "<b>" not in svg and "&lt;10" in svg


def test_monitor_page_has_the_charts(example_site):
    from htmltools import read

    page = read(example_site, "monitor/")
    assert len([a for t, a in page.elements if t == "svg" and a.get("class") == "wise-chart"]) == 2
    assert all("data-source" in a for t, a in page.elements if t == "g")
