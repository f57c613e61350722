"""The site in each of its languages, as MkDocs sees it: one build makes them all.

The default language is at the site's root, every other one under `/<code>/` (macros/i18n.py). Generated pages are
made once per language by `pages.render_site`. This module does the rest:

- Hand-written pages are named by language (`about.nl.md`, `about.en.md`; a name without a language is the default
  language). Each takes its language's place (`about/`, `en/about/`); a language without its own version gets the
  version that exists, marked as not yet translated (`Twin.untranslated`), so every page exists in every language.
- The navigation of `mkdocs.yml` is written once, with English titles: the default language's navigation is MkDocs'
  own with the titles translated, and each other language gets its own, over its own pages (`navigation`).
- Each page knows its twins in the other languages (`alternates`), for the switcher and the `hreflang` links.

Why not mkdocs-static-i18n: it makes each further language by running the whole build again inside the first
one's last event, with every plugin's events again: our plugin would read and check the data once per language,
write its own files (the security headers with every page's script hashes, the sitemap, the search index) once per
language into the language's folder instead of once for the site, and `make serve`'s incremental rebuilds
(macros/incremental.py) would not know which build they are in. Here the catalog is read once and every page of
every language is made in one build.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, get_navigation

from . import i18n


@dataclass(frozen=True)
class Twin:
    """A hand-written page in one language: the file it is made from, and the language that file is written in
    (another than the page's when it is not yet translated)."""

    language: str
    source: str  # the file's path under docs/
    written_in: str

    @property
    def untranslated(self) -> bool:
        return self.written_in != self.language


def written_in(base: str, folders: dict[str, str]) -> str:
    """The language of a page whose name gives none: its folder's in `folders` (`{"reference/": "en"}`: the
    developers' reference is written in English), else the default language."""
    return next((code for folder, code in folders.items() if base.startswith(folder)), i18n.default_language())


def arrange(files: Files, config: Any, folders: dict[str, str] | None = None) -> dict[str, Twin]:
    """Put every hand-written page at its place in every language (see the module's docstring); the pages placed,
    by their path in the site's sources (`en/about.md`). With one language and no page named by language,
    nothing moves."""
    languages = i18n.languages()
    default = languages[0]
    versions: dict[str, dict[str, File]] = {}
    for file in files.documentation_pages():
        language, base = i18n.split_suffix(file.src_uri)
        versions.setdefault(base, {})
        # A page named by its language wins over one that is not (`about.md` beside `about.nl.md`).
        unnamed = written_in(base, folders or {})
        if language is not None or unnamed not in versions[base]:
            versions[base][language or unnamed] = file
    if len(languages) == 1 and all(i18n.split_suffix(f.src_uri)[0] is None for f in files.documentation_pages()):
        return {}
    placed: dict[str, Twin] = {}
    for file in list(files.documentation_pages()):
        files.remove(file)
    for base, written in versions.items():
        for language in languages:
            source_language = language if language in written else (default if default in written else next(iter(written)))
            source = written[source_language]
            uri = i18n.prefix(language) + base
            # Only the default language's pages are in MkDocs' own navigation; the others are in their own.
            inclusion = source.inclusion if language == default else InclusionLevel.NOT_IN_NAV
            twin = File.generated(config, uri, abs_src_path=source.abs_src_path, inclusion=inclusion)
            twin.edit_uri = source.src_uri  # "Edit this page" opens the file the page is made from
            files.append(twin)
            placed[uri] = Twin(language, source.src_uri, source_language)
    return placed


def nav_config(nav: Any, language: str) -> Any:
    """`mkdocs.yml`'s navigation in `language`: titles translated, pages in the language's folder."""
    if isinstance(nav, list):
        return [nav_config(item, language) for item in nav]
    if isinstance(nav, dict):
        return {i18n.translate(str(title), language): nav_config(value, language) for title, value in nav.items()}
    if isinstance(nav, str) and "://" not in nav:
        return i18n.prefix(language) + nav
    return nav


def navigation(files: Files, config: Any, nav: Any, language: str) -> Navigation:
    """The navigation of a language other than the default, over its own pages (made before MkDocs makes its own,
    so that its pages have their titles from the navigation and MkDocs sees them placed)."""
    own = Files([f for f in files.documentation_pages() if i18n.unlocalize(f.src_uri)[0] == language])
    saved = config["nav"]
    config["nav"] = nav_config(nav, language)
    try:
        built = get_navigation(own, config)
    finally:
        config["nav"] = saved
    home = own.get_file_from_path(i18n.prefix(language) + "index.md")
    if home is not None and home.page is not None:
        built.homepage = home.page
    return built


@dataclass(frozen=True)
class Alternate:
    """A page's twin in one language: its code, the language's name (in that language), its site path, and
    whether it is the page itself."""

    language: str
    name: str
    url: str
    current: bool


def alternates(url: str) -> tuple[Alternate, ...]:
    """The page at site path `url` in each of the site's languages, the default first (none with one language)."""
    languages = i18n.languages()
    if len(languages) == 1:
        return ()
    language, base = i18n.unlocalize(url)
    return tuple(Alternate(code, i18n.language_name(code), i18n.prefix(code) + base, code == language) for code in languages)
