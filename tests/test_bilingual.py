"""The site in two languages (macros/bilingual.py, macros/i18n.py): pages named by language, the navigation per
language, the twins a page links to; unit tests on hand-made files."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from macros import bilingual, i18n


@pytest.fixture
def two():
    i18n.configure(("nl", "en"))
    yield
    i18n.configure(("en",))


def test_a_page_name_gives_its_language_only_when_it_is_a_language_of_the_site(two):
    assert i18n.split_suffix("about.en.md") == ("en", "about.md")
    assert i18n.split_suffix("knowledge/isomorphism.nl.md") == ("nl", "knowledge/isomorphism.md")
    assert i18n.split_suffix("about.md") == (None, "about.md")
    assert i18n.split_suffix("release.v2.md") == (None, "release.v2.md")
    assert i18n.split_suffix("about.pl.md") == (None, "about.pl.md")  # Polish is no language of this site


def config_for(docs: Path, site: Path) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": str(docs), "site_dir": str(site)})
    errors, _ = config.validate()
    assert not errors
    config.plugins._current_plugin = "wise"  # as during a build: MkDocs notes which plugin made a file
    return config


def files_of(docs: Path, site: Path, names: dict[str, str]) -> Files:
    for name, text in names.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    return Files([File(name, str(docs), str(site), True) for name in names])


def test_every_page_gets_a_place_in_every_language_and_a_missing_one_is_marked(tmp_path, two):
    docs, site = tmp_path / "docs", tmp_path / "site"
    files = files_of(docs, site, {"about.nl.md": "# Over ons", "about.en.md": "# About", "news.md": "# Nieuws", "guide.en.md": "# Guide"})
    twins = bilingual.arrange(files, config_for(docs, site))
    assert sorted(f.src_uri for f in files.documentation_pages()) == ["about.md", "en/about.md", "en/guide.md", "en/news.md", "guide.md", "news.md"]
    assert twins["about.md"] == bilingual.Twin("nl", "about.nl.md", "nl") and not twins["about.md"].untranslated
    assert twins["en/news.md"] == bilingual.Twin("en", "news.md", "nl") and twins["en/news.md"].untranslated
    assert twins["guide.md"] == bilingual.Twin("nl", "guide.en.md", "en") and twins["guide.md"].untranslated
    placed = {f.src_uri: f for f in files}
    assert placed["en/about.md"].content_string == "# About" and placed["about.md"].content_string == "# Over ons"
    assert placed["en/about.md"].url == "en/about/" and placed["about.md"].url == "about/"
    assert placed["en/about.md"].inclusion == InclusionLevel.NOT_IN_NAV  # in the English navigation, not MkDocs' own
    assert placed["en/about.md"].edit_uri == "about.en.md"  # "Edit this page" opens the file it is made from


def test_a_folder_can_be_written_in_another_language_than_the_default(tmp_path, two):
    docs, site = tmp_path / "docs", tmp_path / "site"
    files = files_of(docs, site, {"reference/editing.md": "# Editing"})
    twins = bilingual.arrange(files, config_for(docs, site), {"reference/": "en"})
    assert twins["reference/editing.md"].untranslated and twins["reference/editing.md"].written_in == "en"
    assert not twins["en/reference/editing.md"].untranslated


def test_one_language_moves_nothing(tmp_path):
    docs, site = tmp_path / "docs", tmp_path / "site"
    files = files_of(docs, site, {"about.md": "# About"})
    assert bilingual.arrange(files, config_for(docs, site)) == {}
    assert [f.src_uri for f in files] == ["about.md"]


def test_the_navigation_is_translated_and_placed_per_language(two):
    nav = [{"Home": "index.md"}, {"Lobby": [{"Positions": "lobby/positions/index.md"}, "lobby/index.md"]}, {"Site": "https://example.org/"}]
    assert bilingual.nav_config(nav, "nl") == [
        {"Home": "index.md"},
        {"Lobby": [{"Standpunten": "lobby/positions/index.md"}, "lobby/index.md"]},
        {"Site": "https://example.org/"},
    ]
    assert bilingual.nav_config(nav, "en") == [
        {"Home": "en/index.md"},
        {"Lobby": [{"Positions": "en/lobby/positions/index.md"}, "en/lobby/index.md"]},
        {"Site": "https://example.org/"},
    ]


def test_a_page_names_its_twins_in_every_language(two):
    twins = bilingual.alternates("en/showcase/fietsfabriek/")
    assert [(a.language, a.url, a.current) for a in twins] == [("nl", "showcase/fietsfabriek/", False), ("en", "en/showcase/fietsfabriek/", True)]
    assert [a.name for a in twins] == ["Nederlands", "English"]
    assert [(a.url, a.current) for a in bilingual.alternates("")] == [("", True), ("en/", False)]


def test_one_language_has_no_twins():
    assert bilingual.alternates("showcase/") == ()


def test_a_page_not_yet_translated_says_so_in_the_page_language_and_marks_its_text(two):
    from macros.handwritten import untranslated_page

    with i18n.use("nl"):
        html = untranslated_page("<p>Hello</p>", "en")
    assert html.startswith('<p class="wise-untranslated" data-untranslated>Deze pagina is nog niet vertaald.')
    assert "in het Engels" in html and '<div lang="en"><p>Hello</p></div>' in html


def test_a_page_in_a_language_folder_is_in_that_language(two):
    assert i18n.split_suffix("en/news/posts/launch.md") == ("en", "news/posts/launch.md")
    assert i18n.split_suffix("nl/news/index.md") == (None, "nl/news/index.md")  # the default language has no folder


def test_the_search_index_names_its_languages_in_a_steady_order(tmp_path):
    from macros.search import steady_entry

    entry = tmp_path / "pagefind-entry.json"
    entry.write_text('{"version":"1","languages":{"nl":{"page_count":2},"en":{"page_count":2}},"include_characters":["‿"]}', encoding="utf-8")
    steady_entry(entry)
    assert entry.read_text(encoding="utf-8") == '{"version":"1","languages":{"en":{"page_count":2},"nl":{"page_count":2}},"include_characters":["‿"]}'
