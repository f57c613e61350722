"""The web editor's configuration (macros/admin.py), the repository's edit links (macros/repository.py), the
pinned npm package it runs on (macros/vendor.py) and its content security policy.

The expected widget of each field is worked out here from the models' annotations by a rule of its own (what the
field accepts, in editors' words), not by calling the generator's helpers."""

from __future__ import annotations

import io
import json
import re
import tarfile
import typing
from pathlib import Path

import pytest
import yaml
from catalogs import Data
from conftest import ROOT

from macros import admin, vendor
from macros.headers import editor_policy, headers_file, rule_for
from macros.kinds import KINDS
from macros.kinds import introspect as spec
from macros.kinds.fields import Ref
from macros.pages import record_page
from macros.repository import Repository
from macros.views.base import Site

CONFIG = admin.collections()
COLLECTIONS = {c["name"]: c for c in CONFIG["collections"]}


def fields_of(kind: str) -> list[dict]:
    found = COLLECTIONS[admin.collection_name(KINDS[kind])]
    return found.get("fields") or found["files"][0]["fields"]


def model_paths(model, prefix: tuple = ()):
    """(path, field) for every field of a model and of the models nested in it, skipping what editors never write."""
    for name, field in model.model_fields.items():
        if spec.derived(field) is not None:
            continue
        yield prefix + (name,), field
        nested = spec.inner_model(field.annotation)
        if nested is not None and not spec.is_mapping(spec.full_annotation(field)):
            yield from model_paths(nested, prefix + (name,))


def config_field(fields: list[dict], path: tuple) -> dict | None:
    for f in fields:
        if f["name"] == path[0]:
            if len(path) == 1:
                return f
            return config_field(f.get("fields") or [], path[1:])
    return None


def expected_widget(kind: str, path: tuple, field) -> str:
    """What an editor should be offered for a field, from the model alone."""
    annotation = spec.full_annotation(field)
    accepts = spec.accepts(annotation) or ""
    if spec.marker(annotation, Ref) is not None:
        return "relation"
    if spec.inner_model(field.annotation) is not None:
        return "list" if spec.is_list(annotation) else "object"
    if accepts.startswith("one of:"):
        return "select"
    if spec.is_list(annotation):
        return "list"
    if path == (KINDS[kind].title_field,) and accepts == "whole number":
        return "string"  # a file name is made from it, and Decap makes names from text only
    return {
        "true or false": "boolean",
        "whole number": "number",
        "number": "number",
        "text": "text",
        "date (YYYY-MM-DD)": "datetime",
        "date or date-time": "datetime",
    }.get(accepts, "markdown" if accepts.startswith("Markdown") else "string")


EVERY_FIELD = [(kind, path, field) for kind, k in KINDS.items() for path, field in model_paths(k.model) if (kind, path[0]) not in admin.LEFT_OUT]


# -- the collections ---------------------------------------------------------------------------------------------
def test_the_committed_editor_collections_match_the_models():
    """data/schemas/admin.yml is generated (`make schemas`, for the site's languages): it must be what the models give today."""
    from macros import i18n
    from macros.settings import read_settings

    i18n.configure(read_settings(ROOT).languages)
    committed = (ROOT / "data" / "schemas" / admin.ADMIN_FILE).read_text(encoding="utf-8")
    assert committed == admin.collections_text(), "data/schemas/admin.yml drifted from the models: run `make schemas`"


def test_pickers_show_a_text_written_per_language_in_the_default_language():
    from macros import i18n
    from macros.kinds.fields import Ref

    i18n.configure(("nl", "en"))
    assert admin.relation(Ref("vocab:sectors"))["display_fields"] == ["entries.*.label.nl"]
    assert admin.relation(Ref("position"))["display_fields"] == ["title.nl"]  # a position's title is written per language
    assert admin.relation(Ref("enterprise"))["display_fields"] == ["name"]  # a name never is
    i18n.configure(("en",))
    assert admin.relation(Ref("vocab:sectors"))["display_fields"] == ["entries.*.label"]


def test_every_kind_is_a_collection_writing_its_own_files():
    assert len(COLLECTIONS) == len(KINDS)
    for kind in KINDS.values():
        collection = COLLECTIONS[admin.collection_name(kind)]
        if kind.name == "vocabulary":
            files = {f["name"]: f["file"] for f in collection["files"]}
            assert files == {n: f"data/vocabularies/{n}.yml" for n in ("sectors", "districts", "target-groups", "topics", "offering-categories", "parties")}
        elif kind.single:
            assert [f["file"] for f in collection["files"]] == [f"data/{kind.folder}"]
        else:
            assert (collection["folder"], collection["extension"], collection["format"], collection["create"]) == (f"data/{kind.folder}", "yml", "yml", True)
            assert collection["identifier_field"] == kind.title_field


def test_one_file_kinds_and_vocabularies_cannot_be_created_from_the_editor():
    for name in ("vocabularies", "manifesto", "procurement"):
        assert "folder" not in COLLECTIONS[name] and "create" not in COLLECTIONS[name]


@pytest.mark.parametrize(("kind", "path", "field"), EVERY_FIELD, ids=[f"{k}.{'.'.join(p)}" for k, p, _ in EVERY_FIELD])
def test_every_field_appears_with_the_widget_its_type_calls_for(kind, path, field):
    found = config_field(fields_of(kind), path)
    assert found is not None, f"{kind}: {'.'.join(path)} is missing from the editor"
    assert found["widget"] == expected_widget(kind, path, field)


def test_every_reference_is_a_relation_to_the_records_or_entries_it_may_name():
    references = 0
    for kind, path, field in EVERY_FIELD:
        ref = spec.marker(spec.full_annotation(field), Ref)
        if ref is None:
            continue
        references += 1
        found = config_field(fields_of(kind), path)
        assert found["multiple"] is True if spec.is_list(spec.full_annotation(field)) else "multiple" not in found
        if ref.vocabulary:
            assert (found["collection"], found["file"], found["value_field"]) == ("vocabularies", ref.target[6:], "entries.*.id")
        else:
            target = KINDS[ref.target]
            assert (found["collection"], found["value_field"]) == (target.folder, "{{slug}}")
            assert found["display_fields"] == [target.title_field]
    assert references >= 20  # posts, officials, enterprises, schemes, positions and every vocabulary


def test_a_select_offers_exactly_the_words_the_model_allows():
    status = config_field(fields_of("enterprise"), ("certifications", "status"))
    assert status["options"] == ["applied", "certified", "expired", "withdrawn"]
    assert config_field(fields_of("position"), ("asks", "history", "status"))["widget"] == "select"


def test_required_fields_patterns_bounds_and_hints_come_from_the_models():
    name = config_field(fields_of("enterprise"), ("name",))
    description = config_field(fields_of("enterprise"), ("description",))
    assert (name["required"], description["required"]) == (True, False)
    assert description["widget"] == "markdown" and name["widget"] == "string"
    ask_id = config_field(fields_of("position"), ("asks", "id"))
    assert re.fullmatch(ask_id["pattern"][0], "fair-wages") and not re.fullmatch(ask_id["pattern"][0], "Fair Wages")
    founded = config_field(fields_of("enterprise"), ("founded",))
    assert (founded["min"], founded["max"], founded["value_type"]) == (1900, 2100, "int")
    share = config_field(fields_of("monitoring"), ("measures", "market_revenue_share"))
    assert (share["min"], share["max"]) == (0, 100)
    assert config_field(fields_of("official"), ("memberships",))["min"] == 1
    assert config_field(fields_of("enterprise"), ("summary",))["hint"] == "at most 200 characters, shown on cards; " + admin.TRANSLATABLE_HINT


def test_markdown_is_offered_only_where_a_field_takes_markdown():
    for kind, path, field in EVERY_FIELD:
        is_markdown = (spec.accepts(spec.full_annotation(field)) or "").startswith("Markdown")
        assert (config_field(fields_of(kind), path)["widget"] == "markdown") == is_markdown, (kind, path)


def test_fields_inside_an_optional_object_may_stay_empty_but_not_inside_a_list_item():
    lat = config_field(fields_of("enterprise"), ("geo", "lat"))
    title = config_field(fields_of("enterprise"), ("jobs", "title"))
    assert (lat["required"], title["required"]) == (False, True)


def test_fields_left_out_are_said_so_where_editors_look():
    for (kind, name), reason in admin.LEFT_OUT.items():
        assert config_field(fields_of(kind), (name,)) is None
        assert reason in COLLECTIONS[admin.collection_name(KINDS[kind])]["description"]


def test_a_number_that_names_the_file_is_typed_as_digits_and_read_back_by_field():
    year = config_field(fields_of("monitoring"), ("year",))
    assert year["widget"] == "string" and re.fullmatch(year["pattern"][0], "2019")
    monitoring = COLLECTIONS["monitoring"]
    assert (monitoring["slug"], monitoring["summary"]) == ("{{fields.year}}", "{{fields.year}}")
    assert COLLECTIONS["enterprises"]["slug"] == "{{slug}}"


def test_every_web_edit_is_a_pull_request():
    assert CONFIG["publish_mode"] == "editorial_workflow"


def test_the_collections_are_plain_yaml_without_aliases():
    text = admin.collections_text()
    assert "&id" not in text and "*id" not in text
    assert yaml.safe_load(text) == CONFIG


# -- the backend and the published files -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "edit_uri", "expected"),
    [
        ("https://github.com/city/wise", "edit/main/docs/", {"name": "github", "repo": "city/wise", "branch": "main"}),
        ("https://github.com/city/wise.git", "edit/live/docs/", {"name": "github", "repo": "city/wise", "branch": "live"}),
        ("https://gitlab.example.org/city/team/wise", "-/edit/dev/docs/", {"name": "gitlab", "repo": "city/team/wise", "branch": "dev"}),
        ("", "edit/main/docs/", {"name": "test-repo"}),
        ("http://github.com/city/wise", "edit/main/docs/", {"name": "test-repo"}),
        ("https://github.com/", "edit/main/docs/", {"name": "test-repo"}),
        ("https://code.example.org/city/wise", "edit/main/docs/", {"name": "test-repo"}),
    ],
)
def test_the_backend_follows_the_configured_repository(url, edit_uri, expected):
    chosen = admin.backend(Repository(url, edit_uri))
    assert {k: v for k, v in chosen.options.items() if k in ("name", "repo", "branch")} == expected


def test_a_self_hosted_gitlab_is_reached_at_its_own_host():
    chosen = admin.backend(Repository("https://gitlab.example.org/city/wise", "-/edit/main/docs/"))
    assert chosen.options["api_root"] == "https://gitlab.example.org/api/v4"
    assert chosen.connect == ("https://gitlab.example.org",)


def test_the_published_config_puts_the_backend_before_the_committed_collections():
    text = admin.config_text(admin.backend(Repository()), "https://wise.example.org/")
    loaded = yaml.safe_load(text)
    assert loaded["backend"] == {"name": "test-repo"} and loaded["site_url"] == "https://wise.example.org/"
    assert {k: v for k, v in loaded.items() if k not in ("backend", "site_url", "display_url")} == CONFIG


def test_the_editor_page_holds_no_inline_script_and_loads_the_sandbox_only_without_a_repository():
    from macros.headers import inline_scripts

    sandboxed = admin.page(admin.backend(Repository()))
    real = admin.page(admin.backend(Repository("https://github.com/city/wise", "edit/main/docs/")))
    assert inline_scripts(sandboxed) == [] and inline_scripts(real) == []
    assert 'src="sandbox.js"' in sandboxed and "sandbox" not in real.split("<noscript>")[0] + real.split("</noscript>")[1]
    assert sandboxed.index("sandbox.js") < sandboxed.index("decap-cms.js")
    assert '<meta name="robots" content="noindex">' in real


def test_no_text_in_a_data_file_can_end_or_escape_the_sandbox_script():
    hostile = {"data/enterprises/x.yml": "name: </script><script>alert(1)</script>\u2028\"'`${x}\\\n"}
    script = admin.sandbox_script(hostile)
    assert "</script>" not in script and "\u2028" not in script
    literal = script[script.index("})(") + 3 : script.rindex(");")]
    assert json.loads(literal) == hostile


def test_the_sandbox_holds_every_data_file_but_the_schemas(tmp_path):
    (tmp_path / "enterprises").mkdir()
    (tmp_path / "schemas").mkdir()
    (tmp_path / "enterprises" / "a.yml").write_text("name: A\n", encoding="utf-8")
    (tmp_path / "manifesto.yml").write_text("title: M\n", encoding="utf-8")
    (tmp_path / "schemas" / "admin.yml").write_text("x: 1\n", encoding="utf-8")
    assert admin.sandbox_files(tmp_path) == {"data/enterprises/a.yml": "name: A\n", "data/manifesto.yml": "title: M\n"}


# -- edit links ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "edit_uri", "path", "expected"),
    [
        ("https://github.com/city/wise", "edit/main/docs/", "data/enterprises/a.yml", "https://github.com/city/wise/edit/main/data/enterprises/a.yml"),
        ("https://github.com/city/wise/", "/edit/main/docs", "docs/index.md", "https://github.com/city/wise/edit/main/docs/index.md"),
        ("https://gitlab.com/city/wise", "-/edit/dev/docs/", "data/manifesto.yml", "https://gitlab.com/city/wise/-/edit/dev/data/manifesto.yml"),
        ("", "edit/main/docs/", "data/enterprises/a.yml", None),
        ("https://github.com/city/wise", "", "data/enterprises/a.yml", None),
        ("javascript:alert(1)//", "edit/main/docs/", "data/enterprises/a.yml", None),
    ],
)
def test_a_file_is_edited_at_its_place_in_the_repository(url, edit_uri, path, expected):
    assert Repository(url, edit_uri).edit_url(path) == expected


def test_a_record_page_links_its_yaml_file_only_when_a_repository_is_configured():
    data = Data()
    bakery = data.enterprise("bakery")
    with_repo = record_page(data.catalog(), "enterprise", bakery, Site(repository=Repository("https://github.com/city/wise", "edit/main/docs/")))
    without = record_page(data.catalog(), "enterprise", bakery, Site())
    link = "https://github.com/city/wise/edit/main/data/enterprises/bakery.yml"
    assert with_repo.edit_url == link and f'href="{link}"' in with_repo.html and "Source file" in with_repo.html
    assert without.edit_url is None and "Source file" not in without.html and "data/enterprises/bakery.yml" not in without.html


# -- the pinned package -------------------------------------------------------------------------------------------
PACKAGE = vendor.NpmPackage("tool", "1.0.0", "", ("dist/tool.js", "dist/*.tool.js"))


def tarball(members: dict[str, bytes], links: tuple[str, ...] = ()) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for name in links:
            info = tarfile.TarInfo(name)
            info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
            archive.addfile(info)
    return out.getvalue()


def test_integrity_is_the_registrys_sha512_form():
    assert vendor.integrity(b"") == "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=="


def test_only_the_served_files_are_unpacked_and_nothing_outside_the_package():
    data = tarball(
        {"package/dist/tool.js": b"main", "package/dist/1.tool.js": b"chunk", "package/dist/x.map": b"map", "package/../evil.tool.js": b"no"},
        links=("package/dist/2.tool.js",),
    )
    assert vendor.unpack(data, PACKAGE) == {"tool.js": b"main", "1.tool.js": b"chunk"}


def test_a_tarball_without_a_served_file_is_refused():
    with pytest.raises(vendor.VendorError, match="no file matching dist/tool.js"):
        vendor.unpack(tarball({"package/dist/1.tool.js": b"chunk"}), PACKAGE)


def test_a_tarball_that_does_not_match_its_pin_is_refused(monkeypatch):
    def fake_npm(command, **kwargs):
        destination = Path(command[command.index("--pack-destination") + 1])
        (destination / "tool-1.0.0.tgz").write_bytes(tarball({"package/dist/tool.js": b"tampered"}))
        return type("Run", (), {"returncode": 0, "stdout": "", "stderr": ""})()

    monkeypatch.setattr(vendor.shutil, "which", lambda name: "/usr/bin/npm")
    monkeypatch.setattr(vendor.subprocess, "run", fake_npm)
    with pytest.raises(vendor.VendorError, match="is not the pinned"):
        vendor.fetch(vendor.NpmPackage("tool", "1.0.0", "sha512-pinned", PACKAGE.files))


def test_install_unpacks_once_and_the_build_finds_the_files(tmp_path):
    data = tarball({"package/dist/tool.js": b"main", "package/dist/1.tool.js": b"chunk"})
    package = vendor.NpmPackage("tool", "1.0.0", vendor.integrity(data), PACKAGE.files)
    with pytest.raises(vendor.VendorError, match="make install"):
        vendor.served_files(package, tmp_path)
    calls = []
    vendor.install(package, tmp_path, fetcher=lambda p: calls.append(p) or data)
    vendor.install(package, tmp_path, fetcher=lambda p: calls.append(p) or data)
    assert len(calls) == 1
    assert {name: path.read_bytes() for name, path in vendor.served_files(package, tmp_path).items()} == {"1.tool.js": b"chunk", "tool.js": b"main"}


def test_decap_is_pinned_to_a_version_and_its_hash():
    assert re.fullmatch(r"\d+\.\d+\.\d+", vendor.DECAP.version)
    assert re.fullmatch(r"sha512-[A-Za-z0-9+/]{86}==", vendor.DECAP.integrity)


# -- the editor's content security policy -------------------------------------------------------------------------
def test_only_the_editor_may_evaluate_code_and_it_reaches_only_its_repository(tmp_path):
    (tmp_path / "admin").mkdir()
    (tmp_path / "showcase").mkdir()
    chosen = admin.backend(Repository("https://github.com/city/wise", "edit/main/docs/"))
    text = headers_file(tmp_path, "https://tiles.example.org/{z}/{x}/{y}.png", [], {"/admin/*": editor_policy(chosen.connect, chosen.images)})
    editor = rule_for(text, "/admin/config.yml")["Content-Security-Policy"]
    showcase = rule_for(text, "/showcase/")["Content-Security-Policy"]
    assert "'unsafe-eval'" in editor and "'unsafe-eval'" not in showcase
    assert "connect-src 'self' https://api.github.com" in editor and "frame-ancestors 'none'" in editor
    assert "connect-src 'self';" in editor_policy()


def test_every_published_file_of_the_editor_is_under_admin(tmp_path, monkeypatch):
    monkeypatch.setattr(admin, "served_files", lambda package: {"decap-cms.js": tmp_path / "decap-cms.js"})
    (tmp_path / "data").mkdir()
    published = admin.published_files(Repository(), "https://wise.example.org/", tmp_path / "data")
    assert set(published) == {"admin/index.html", "admin/config.yml", "admin/sandbox.js", "admin/decap-cms.js"}
    real = admin.published_files(Repository("https://github.com/city/wise", "edit/main/docs/"), "https://wise.example.org/", tmp_path / "data")
    assert "admin/sandbox.js" not in real


def test_typing_of_the_models_is_understood_for_every_field():
    """A field type the generator does not know would fall through to a text box: none does."""
    for kind, path, field in EVERY_FIELD:
        annotation = spec.full_annotation(field)
        if typing.get_origin(spec.strip(annotation)) is dict:
            pytest.fail(f"{kind}.{'.'.join(path)}: a mapping the editor cannot write; add it to LEFT_OUT with a reason")
