"""What the build adds to the theme's template environment.

The theme renders its navigation sidebar for every page: at 5,000 enterprises that is most of the theme's
rendering time, and for the record pages it is the same markup again and again. A record page is never in the
navigation, so nothing in the sidebar is marked active on it, and its links (relative ones) depend only on the
folder it sits in (`showcase/`). `NavCache` keeps that sidebar per folder; `overrides/partials/nav.html` asks it before rendering the
theme's own partial, which stays reachable as `theme/partials/nav.html`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader

THEME_PREFIX = "theme"  # `theme/partials/nav.html` is the theme's partial, under our override of the same name


def expose_theme(env: Environment, theme_dirs: list[str], custom_dir: str | None) -> None:
    """Make the theme's own templates reachable under `theme/`, past the overrides that shadow them."""
    own = [d for d in theme_dirs if d != custom_dir]
    env.loader = ChoiceLoader([env.loader, PrefixLoader({THEME_PREFIX: FileSystemLoader(own)})])


@dataclass
class Slot:
    """The cached sidebar for one folder: `html` once rendered, `keep` stores it."""

    cache: dict
    key: str

    @property
    def html(self) -> str | None:
        return self.cache.get(self.key)

    def keep(self, html: str) -> str:
        self.cache[self.key] = html
        return html


@dataclass
class NavCache:
    """The sidebar shared by the pages that are not in the navigation, by folder; `shared` is None for every other
    page (listings and hand-written pages are in the navigation, and render their own)."""

    outside_nav: frozenset[str]  # src_uri of the generated pages that are not in the navigation
    cache: dict = field(default_factory=dict)

    def shared(self, page) -> Slot | None:
        if page is None or getattr(page, "file", None) is None or page.file.src_uri not in self.outside_nav:
            return None
        return Slot(self.cache, page.url.rstrip("/").rpartition("/")[0])
