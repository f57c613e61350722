"""The WISE platform's site: data in `data/`, pages out.

`define_env` is mkdocs-macros' entry point; it registers the macros that hand-written pages
may call (those with `render_macros: true`) and nothing else. The macros read the catalog
that the project's plugin loaded in the same build, and lay out views like generated pages do.
"""

from __future__ import annotations

# The macros hand-written pages may call: the only globals of the sandbox they run in.
DOCUMENTED_MACROS = ("count", "headline_figures", "campaign_list")


def define_env(env) -> None:
    """Register the macros for hand-written pages."""
    from . import i18n
    from .pages import macro_html
    from .views.campaign import campaigns_view
    from .views.monitor import headline_view

    def catalog():
        return env.conf["plugins"]["wise"].catalog

    def page_url() -> str:
        # The page's path in its language's terms: the macros' links get the language's prefix where they are made.
        return i18n.unlocalize(env.page.url)[1] if env.page else ""

    @env.macro
    def count(kind: str) -> int:
        """How many records of a kind there are."""
        return catalog().count(kind)

    @env.macro
    def headline_figures() -> str:
        """The latest monitoring year and the earliest real one, each figure with its year and source."""
        return macro_html("headline.html", page_url(), headline_view(catalog()))

    @env.macro
    def campaign_list() -> str:
        """Campaigns, current and upcoming first."""
        return macro_html("campaigns.html", page_url(), campaigns_view(catalog()))
