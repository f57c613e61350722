"""Repairs to the theme's own markup, applied to every built page (MkDocs' `on_post_page`).

Material's templates have a few accessibility findings out of the box (axe-core flags them).
Each repair is an exact replacement of the theme's markup: if a theme upgrade changes that
markup, the replacement no longer matches and the accessibility test says so.
"""

from __future__ import annotations

REPAIRS = (
    # The search overlay is a dialog and needs an accessible name (axe: aria-dialog-name).
    (
        '<div class="md-search" data-md-component="search" role="dialog">',
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">',
    ),
    # Each blog excerpt's "Continue reading" sits in its own unnamed <nav>; many identical
    # navigation landmarks on one page confuse screen readers (axe: landmark-unique).
    ('<nav class="md-post__action">', '<div class="md-post__action">'),
)


def repair(html: str) -> str:
    """The page with the theme's known accessibility defects repaired."""
    for old, new in REPAIRS:
        html = html.replace(old, new)
    if '<div class="md-post__action">' in html:
        html = _close_post_actions(html)
    return html


def _close_post_actions(html: str) -> str:
    """Close each repaired post action with </div> instead of </nav>."""
    out, rest = [], html
    marker = '<div class="md-post__action">'
    while marker in rest:
        before, after = rest.split(marker, 1)
        inner, tail = after.split("</nav>", 1)
        out.append(before + marker + inner + "</div>")
        rest = tail
    return "".join(out) + rest
