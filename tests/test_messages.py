"""The interface's strings: every one marked in the code, the templates and the navigation is translated in every
language of the site (macros/messages.py), and the rule finds a string a catalogue lacks."""

from __future__ import annotations

from pathlib import Path

from macros import i18n, messages
from macros.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent


def test_every_interface_string_is_translated_in_every_language():
    found = messages.extract()
    assert len(found) > 30, "the extraction found the strings (the navigation's titles at least)"
    for language in read_settings(ROOT).languages:
        lacking = messages.missing(language, found)
        assert not lacking, f"{language}: {len(lacking)} untranslated (run `make messages`, then translate locale/{language}/):\n" + "\n".join(
            f"  {m.where}: {m.id!r}" for m in lacking[:40]
        )


def test_an_untranslated_string_is_found(tmp_path):
    (tmp_path / "macros").mkdir()
    (tmp_path / "overrides" / "records").mkdir(parents=True)
    (tmp_path / "macros" / "view.py").write_text('from macros.i18n import _, N_\nA = N_("Certified")\ndef f():\n    return _("A string no catalogue has")\n')
    (tmp_path / "overrides" / "records" / "page.html").write_text(
        '<h2>{{ _("Showcase") }}</h2>{{ _(view.label) }}{{ ngettext("%(num)d enterprise", "%(num)d enterprises", 3) }}\n'
    )
    found = messages.extract(tmp_path)
    assert [m.id for m in found] == ["Certified", "A string no catalogue has", "Showcase", "%(num)d enterprise"]
    assert found[-1].plural == "%(num)d enterprises"
    lacking = {m.id for m in messages.missing("nl", found)}
    assert "A string no catalogue has" in lacking
    assert "Showcase" not in lacking  # the navigation's catalogue translates it
    assert messages.missing("en", found) == []  # the strings are written in English


def test_the_active_language_translates_and_falls_back_to_english():
    i18n.configure(("nl", "en"))
    try:
        with i18n.use("nl"):
            assert i18n.gettext("Showcase") == "Etalage"
            assert i18n.gettext("No such string") == "No such string"
        with i18n.use("en"):
            assert i18n.gettext("Showcase") == "Showcase"
    finally:
        i18n.configure(("en",))


def test_pages_have_a_prefix_per_language_and_shared_files_do_not():
    i18n.configure(("nl", "en"))
    try:
        with i18n.use("en"):
            assert i18n.localize("showcase/fietsfabriek/") == "en/showcase/fietsfabriek/"
            assert i18n.localize("") == "en/"
            assert i18n.localize("showcase/items.json") == "en/showcase/items.json"
            assert i18n.localize("data/enterprises.csv") == "data/enterprises.csv"
            assert i18n.localize("embed/enterprise/x/") == "embed/enterprise/x/"
            assert i18n.localize("https://example.org/") == "https://example.org/"
        with i18n.use("nl"):
            assert i18n.localize("showcase/fietsfabriek/") == "showcase/fietsfabriek/"
        assert i18n.unlocalize("en/showcase/") == ("en", "showcase/")
        assert i18n.unlocalize("showcase/") == ("nl", "showcase/")
    finally:
        i18n.configure(("en",))


def test_a_plural_is_translated_in_both_its_forms(tmp_path, monkeypatch):
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "a.po").write_text(
        'msgid "%(num)s open ask"\nmsgid_plural "%(num)s open asks"\nmsgstr[0] "%(num)s openstaand verzoek"\nmsgstr[1] "%(num)s openstaande verzoeken"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.catalogue.cache_clear()
    i18n.configure(("nl", "en"))
    try:
        with i18n.use("nl"):
            assert i18n.ngettext("%(num)s open ask", "%(num)s open asks", 1) % {"num": 1} == "1 openstaand verzoek"
            assert i18n.ngettext("%(num)s open ask", "%(num)s open asks", 3) % {"num": 3} == "3 openstaande verzoeken"
        with i18n.use("en"):
            assert i18n.ngettext("%(num)s open ask", "%(num)s open asks", 3) % {"num": 3} == "3 open asks"
        assert messages.missing("nl", [messages.Message("%(num)s open ask", "%(num)s open asks")]) == []
    finally:
        i18n.configure(("en",))
        i18n.catalogue.cache_clear()
