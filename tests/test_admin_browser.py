"""The web editor at /admin/ in a real browser, under the site's published security headers, against Decap's
in-browser `test-repo` backend (the sandbox a build without a repository publishes, holding the site's data): no
network beyond loopback.

Expected options are read here from the YAML with PyYAML's safe loader, which only tests use."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml
from conftest import ROOT, in_language, serve

from macros.data import read_data
from macros.headers import rule_for
from macros.problems import DataError

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def editor_url(example_site):
    headers = (example_site / "_headers").read_text(encoding="utf-8")
    url, server = serve(example_site, lambda path: rule_for(headers, path))
    yield url + "admin/"
    server.shutdown()


@pytest.fixture
def editor(browser, editor_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(editor_url.removesuffix("admin/")) else r.abort())
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda e: page.problems.append(f"error: {e}"))
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" and "Content Security Policy" in m.text else None)
    page.goto(editor_url)
    page.get_by_role("button", name="Login").click()
    page.base = editor_url
    yield page
    context.close()


def raw(path: str):
    return yaml.safe_load((ROOT / "data" / path).read_text(encoding="utf-8"))


def options_of(page, label: str) -> list[str]:
    """The options a relation or select field offers, after opening it."""
    page.get_by_label(re.compile(f"^{re.escape(label)}")).click()
    page.get_by_role("option").first.wait_for()
    return page.get_by_role("option").all_inner_texts()


def offers(page, label: str, expected: list[str]) -> None:
    """The field offers `expected` in order: the list shows the first ones (it draws only what fits), and typing the
    last one finds it."""
    shown = options_of(page, label)
    assert len(shown) >= min(len(expected), 5) and shown == expected[: len(shown)]
    page.get_by_label(re.compile(f"^{re.escape(label)}")).fill(expected[-1])
    page.get_by_role("option", name=expected[-1], exact=True).wait_for()
    page.keyboard.press("Escape")


def saved(page) -> dict[str, str]:
    """The files of the pull requests the editor has opened (path → text), as Decap's test backend keeps them."""
    entries = page.evaluate("Object.values(window.repoFilesUnpublished).map(e => e.diffs.map(d => [d.path, d.content]))")
    return {path: text for diffs in entries for path, text in diffs}


def test_every_kind_is_offered_under_the_published_policy(editor):
    labels = editor.locator("nav, aside").get_by_role("link").all_inner_texts()
    from macros.kinds import KINDS

    for kind in KINDS.values():
        assert kind.label in labels
    assert editor.problems == []


def test_a_new_enterprise_offers_the_vocabularies_and_schemes_it_may_name(editor):
    editor.goto(editor.base + "#/collections/enterprises/new")
    offers(editor, "Sector", [in_language(e["label"], "nl") for e in raw("vocabularies/sectors.yml")["entries"]])
    offers(editor, "District", [in_language(e["label"], "nl") for e in raw("vocabularies/districts.yml")["entries"]])
    offers(editor, "Target groups", [in_language(e["label"], "nl") for e in raw("vocabularies/target-groups.yml")["entries"]])
    editor.get_by_role("button", name=re.compile("Add certifications")).click()
    schemes = {raw(f"schemes/{p.name}")["name"] for p in (ROOT / "data" / "schemes").glob("*.yml")}
    assert set(options_of(editor, "Scheme")) == schemes
    assert editor.problems == []


def test_a_network_offers_the_enterprises_as_members_by_name(editor):
    editor.goto(editor.base + "#/collections/networks/new")
    names = {raw(f"enterprises/{p.name}")["name"] for p in (ROOT / "data" / "enterprises").glob("*.yml")}
    offered = options_of(editor, "Members")
    assert offered and set(offered) <= names
    some = sorted(names)[-1]
    editor.get_by_label(re.compile("^Members")).fill(some)
    editor.get_by_role("option", name=some).wait_for()


def test_an_enterprise_saved_in_the_editor_passes_the_checker(editor, tmp_path):
    editor.goto(editor.base + "#/collections/enterprises/new")
    editor.get_by_label("Name", exact=True).fill("Fietsherstel Ĳburg")
    editor.get_by_label("Summary", exact=True).fill("Bicycles repaired by people on their way back to work.")
    options_of(editor, "Sector")
    sectors = {e["id"]: in_language(e["label"], "nl") for e in raw("vocabularies/sectors.yml")["entries"]}
    editor.get_by_role("option", name=sectors["bicycles-mobility"], exact=True).click()  # the default language's label
    options_of(editor, "District")
    editor.get_by_role("option", name="Oost", exact=True).click()
    options_of(editor, "Target groups")
    editor.get_by_role("option").first.click()
    editor.get_by_role("button", name="Save", exact=True).click()
    editor.get_by_text("Entry saved").wait_for()
    files = saved(editor)
    (path, text), *others = files.items()
    assert others == [] and re.fullmatch(r"data/enterprises/fietsherstel-[a-z-]*burg\.yml", path)
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "data", copy / "data")
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")  # the site's languages, which the data is written in
    (copy / path).write_text(text, encoding="utf-8")
    try:
        catalog = read_data(copy / "data")
    except DataError as exc:
        pytest.fail("wise check refuses the editor's file:\n" + "\n".join(map(str, exc.problems)) + "\n" + text)
    record = catalog.get("enterprise", path.rsplit("/", 1)[1][:-4])
    assert (record.name, record.sector, record.district) == ("Fietsherstel Ĳburg", "bicycles-mobility", "oost")


def test_editing_a_year_of_the_monitor_keeps_the_district_figures_the_editor_does_not_show(editor, tmp_path):
    editor.goto(editor.base + "#/collections/monitoring")
    editor.get_by_role("link", name="2019").click()
    editor.get_by_label(re.compile("^Notes")).fill("Checked against the survey's tables again.")
    editor.get_by_role("button", name="Save", exact=True).click()
    editor.get_by_text("Entry saved").wait_for()
    text = saved(editor)["data/monitoring/2019.yml"]
    assert yaml.safe_load(text)["by_district"] == raw("monitoring/2019.yml")["by_district"]
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "data", copy / "data")
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")  # the site's languages, which the data is written in
    (copy / "data" / "monitoring" / "2019.yml").write_text(text, encoding="utf-8")
    read_data(copy / "data")  # raises with every problem if the checker refuses it
