"""SVG charts: pure functions, series in, SVG text out.

Charts are drawn on the server so they need no script and no third-party library, carry
their numbers as text for screen readers (a <title> per bar and a table beside them), and
mark each figure with its source and year like every other figure on the site.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import escape


@dataclass(frozen=True)
class Point:
    """One bar: its label (a year), value, the text shown for it, and where it comes from."""

    label: str
    value: float
    shown: str
    source: str
    example: bool = False  # fictional demo data: drawn hatched-light and said so in the bar's title


def bar_chart(title: str, points: list[Point], width: int = 640, height: int = 260) -> str:
    """A labelled bar chart as an accessible SVG (role=img, a title, a <title> per bar)."""
    if not points:
        return ""
    left, bottom, top = 48, 28, 16
    peak = max(p.value for p in points) or 1
    slot = (width - left) / len(points)
    bar = min(56.0, slot * 0.6)
    parts = [
        f'<svg class="wise-chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" class="wise-chart__axis"/>',
    ]
    for i, p in enumerate(points):
        h = (height - bottom - top) * (p.value / peak)
        x = left + slot * i + (slot - bar) / 2
        y = height - bottom - h
        parts.append(
            f'<g data-source="{escape(p.source)}" data-year="{escape(p.label)}"><title>{escape(p.label)}: {escape(p.shown)}{" (example data)" if p.example else ""}</title>'
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" class="wise-chart__bar{" wise-chart__bar--example" if p.example else ""}"/>'
            f'<text x="{x + bar / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" class="wise-chart__value">{escape(p.shown)}</text>'
            f'<text x="{x + bar / 2:.1f}" y="{height - bottom + 16:.1f}" text-anchor="middle" class="wise-chart__label">{escape(p.label)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
