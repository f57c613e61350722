"""SVG charts: pure functions, series in, SVG text out.

Charts are drawn on the server so they need no script and no third-party library, carry
their numbers as text for screen readers (a <title> per bar and a table beside them), and
mark each figure with its source and year like every other figure on the site.

Bars are placed in percentages of the chart's width and in pixels of its fixed height, with
no viewBox: the chart stretches to any width while its text keeps its size (13 px), so labels
stay readable on a phone instead of shrinking with the drawing.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import escape

from .i18n import _


@dataclass(frozen=True)
class Point:
    """One bar: its label (a year), value, the text shown for it, and where it comes from."""

    label: str
    value: float
    shown: str
    source: str
    example: bool = False  # fictional demo data: drawn light and said so in the bar's title


HEIGHT = 260  # px
BOTTOM = 28  # px under the bars for their labels
TOP = 20  # px above the tallest bar for its value


def bar_chart(title: str, points: list[Point], height: int = HEIGHT) -> str:
    """A labelled bar chart as an accessible SVG (role=img, a title, a <title> per bar). `title` comes in the page's
    language; so does what a bar's title says of example data."""
    if not points:
        return ""
    peak = max(p.value for p in points) or 1
    slot = 100 / len(points)
    bar = slot * 0.6
    parts = [
        f'<svg class="wise-chart" width="100%" height="{height}" role="img" aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<line x1="0" y1="{height - BOTTOM}" x2="100%" y2="{height - BOTTOM}" class="wise-chart__axis"/>',
    ]
    for i, p in enumerate(points):
        h = (height - BOTTOM - TOP) * (p.value / peak)
        x = slot * i + (slot - bar) / 2
        middle = slot * i + slot / 2
        y = height - BOTTOM - h
        said = _("%(label)s: %(value)s (example data)") % {"label": p.label, "value": p.shown} if p.example else f"{p.label}: {p.shown}"
        parts.append(
            f'<g data-source="{escape(p.source)}" data-year="{escape(p.label)}"><title>{escape(said)}</title>'
            f'<rect x="{x:.2f}%" y="{y:.1f}" width="{bar:.2f}%" height="{h:.1f}" class="wise-chart__bar{" wise-chart__bar--example" if p.example else ""}"/>'
            f'<text x="{middle:.2f}%" y="{y - 5:.1f}" text-anchor="middle" class="wise-chart__value">{escape(p.shown)}</text>'
            f'<text x="{middle:.2f}%" y="{height - BOTTOM + 18:.1f}" text-anchor="middle" class="wise-chart__label">{escape(p.label)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
