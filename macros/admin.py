"""The web editor at /admin/ (Decap CMS): its configuration, generated from the models like the JSON Schemas.

Every kind is a collection writing the same YAML files editors commit: one file per record, named after its
slug, for the folder kinds; the vocabularies, the manifesto and the procurement rules as files. Each field's
widget follows its type (a reference is a relation to the records or vocabulary entries it may name, a closed set
of words a select, Markdown only where a field takes Markdown), with the model's required fields, patterns,
bounds and field docs as hints.

A translatable field (plain text in the site's default language, or a mapping by language) keeps the widget of its
text: Decap has no widget for "text, or a mapping", and its object widget breaks on the plain text that most files
hold. So the editor edits the default language's text, and its hint says that translations are written in the
YAML file: a text written per language shows there as a mapping, and typing over it replaces the translations. Web edits go through the editorial workflow: each is a pull request that CI
checks with `wise check` like any other commit.

The collections are committed as `data/schemas/admin.yml` (`make schemas`; a test fails on drift). The build
publishes them with the backend its settings name: the repository of `repo_url`, or, without one, Decap's
in-browser `test-repo` backend holding a copy of the data, a sandbox that saves nothing.
"""

from __future__ import annotations

import json
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import annotated_types
import yaml
from pydantic import WithJsonSchema

from . import i18n
from .kinds import KINDS, Kind
from .kinds import introspect as spec
from .kinds.fields import Accepts, Ref
from .kinds.vocabulary import NAMES as VOCABULARIES
from .repository import Repository
from .vendor import DECAP, served_files

# Fields the web editor cannot offer, each with where editors change them instead. A mapping from district to
# figures has no Decap widget that writes a mapping; the editor keeps such a field as the file has it.
ADMIN_FILE = "admin.yml"  # in data/schemas/, beside the JSON Schemas
LEFT_OUT: dict[tuple[str, str], str] = {
    ("monitoring", "by_district"): "figures per district are a mapping keyed by district id: edit them in the YAML file",
}
TRANSLATABLE_HINT = "in the default language; a text with translations ({nl: ..., en: ...}) is edited in the YAML file"
_DATE_WORDS = ("year", "month", "day", "hour", "minute", "second")  # Decap's own words in slug and summary templates
_MARKDOWN_BUTTONS = ["bold", "italic", "link", "heading-two", "heading-three", "bulleted-list", "numbered-list", "quote"]


def collection_name(kind: Kind) -> str:
    """A kind's collection: its folder (`enterprises`), or its name for one-file kinds (`manifesto`)."""
    return kind.name if kind.single else kind.folder


def label(name: str) -> str:
    """A field's label for people: `target_groups` is "Target groups"."""
    return name.replace("_", " ").capitalize()


def _constraint(annotation: Any, cls: type, attribute: str) -> Any:
    """A bound from the type's metadata (`Ge` → `ge`), or None; inside an optional type the bound still sits in
    the `Field(...)` it was written with."""
    for meta in spec._markers(annotation):
        for found in (meta, *getattr(meta, "metadata", ())):
            if isinstance(found, cls):
                return getattr(found, attribute)
    return None


def _pattern(annotation: Any) -> str | None:
    schema = spec.marker(annotation, WithJsonSchema)
    return (schema.json_schema or {}).get("pattern") if schema else None


def shown(path: str, translatable: bool) -> str:
    """How a picker shows a text of the records it picks from: a text written per language by its default
    language's text (`label.nl`), on a site of several languages; otherwise as it is."""
    return f"{path}.{i18n.default_language()}" if translatable and len(i18n.languages()) > 1 else path


def relation(ref: Ref) -> dict:
    """The relation widget for a reference: to a vocabulary's entries (stored by id, shown by label), or to a
    kind's records (stored by the file's slug, which is the id, shown by title). Labels and titles written per
    language show in the default language."""
    if ref.vocabulary:
        name = ref.target.removeprefix("vocab:")
        label = shown("entries.*.label", True)
        return {
            "widget": "relation",
            "collection": "vocabularies",
            "file": name,
            "value_field": "entries.*.id",
            "search_fields": [label, "entries.*.id"],
            "display_fields": [label],
        }
    target = KINDS[ref.target]
    title = shown(target.title_field, target.title_field in spec.translatable_fields(target.model))
    return {
        "widget": "relation",
        "collection": collection_name(target),
        "value_field": "{{slug}}",
        "search_fields": [title],
        "display_fields": [title],
        "options_length": 50,
    }


def widget(annotation: Any) -> dict:
    """The widget options for a value of this type (without name, label, hint or required)."""
    ref = spec.ref_of(annotation)
    if ref is not None:
        return relation(ref)
    values = spec.literal_values(annotation)
    bare = spec.strip(annotation)
    if spec.is_list(annotation) and typing.get_origin(bare) is list:
        (item,) = typing.get_args(bare)
        return _list_widget(item)
    if values:
        return {"widget": "select", "options": list(values)}
    model = spec.inner_model(annotation)
    if model is not None:
        return {"widget": "object", "fields": model_fields(model)}
    return _scalar(annotation, bare)


def _list_widget(item: Any) -> dict:
    """A list: several references or words as a multiple relation or select, records as a list of objects,
    other values as a list of single fields."""
    inner = widget(item)
    if inner["widget"] in ("relation", "select"):
        return {**inner, "multiple": True}
    if inner["widget"] == "object":
        return {"widget": "list", "fields": inner["fields"], "collapsed": True}
    return {"widget": "list", "field": {"name": "item", "label": "Item", **inner}}


def _scalar(annotation: Any, bare: Any) -> dict:
    """Dates, numbers, true/false, Markdown, text and one-line text, with their patterns and bounds."""
    accepts = spec.marker(annotation, Accepts)
    name = accepts.name if accepts else ""
    if name.startswith("date or date-time"):
        return {"widget": "datetime", "format": "YYYY-MM-DDTHH:mm", "date_format": "YYYY-MM-DD", "time_format": "HH:mm"}
    if name.startswith("date"):
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False, "picker_utc": True}
    if bare is bool or name == "true or false":
        return {"widget": "boolean"}
    if name in ("whole number", "number"):
        out: dict[str, Any] = {"widget": "number", "value_type": "int" if name == "whole number" else "float"}
        bounds = {"min": _constraint(annotation, annotated_types.Ge, "ge"), "max": _constraint(annotation, annotated_types.Le, "le")}
        return out | {k: v for k, v in bounds.items() if v is not None}
    if name.startswith("Markdown"):
        return {"widget": "markdown", "buttons": _MARKDOWN_BUTTONS, "editor_components": [], "modes": ["rich_text", "raw"]}
    out = {"widget": "text" if name == "text" else "string"}
    pattern = _pattern(annotation)
    if pattern:
        out["pattern"] = [pattern, f"expected: {name}" if name else "does not have the expected form"]
    return out


def field_config(name: str, field) -> dict:
    """One field of a model as the editor shows it."""
    annotation = spec.full_annotation(field)
    out = {"name": name, "label": label(name), **widget(annotation)}
    hint = field.description or (spec.accepts(annotation) or "")
    ref = spec.marker(annotation, Ref)
    if ref is not None and ref.also:
        hint += f" (the words {', '.join(ref.also)} are written in the YAML file)"
    if spec.translatable(annotation):
        hint += ("; " if hint else "") + TRANSLATABLE_HINT
    if hint:
        out["hint"] = hint
    out["required"] = field.is_required()
    if out["widget"] == "object" and not out["required"]:
        out["fields"] = _optional(out["fields"])
    minimum = _constraint(annotation, annotated_types.MinLen, "min_length")
    if minimum and out["widget"] in ("list", "relation", "select"):
        out["min"] = minimum
    return out


def _optional(fields: list[dict]) -> list[dict]:
    """The fields of an object that may be left out: none of them required, or Decap would demand the object
    (a map pin's latitude) whenever the record is saved. `wise check` still wants both halves of a pin once one is
    written."""
    return [{**f, "required": False} | ({"fields": _optional(f["fields"])} if f["widget"] == "object" else {}) for f in fields]


def model_fields(model: Any, kind: str | None = None) -> list[dict]:
    """The editor's fields of a model, in declaration order; derived fields and those left out are skipped."""
    return [field_config(name, field) for name, field in model.model_fields.items() if spec.derived(field) is None and (kind, name) not in LEFT_OUT]


def _description(kind: Kind) -> str:
    text = (kind.model.__doc__ or "").strip().splitlines()[0]
    left_out = [reason for (k, _), reason in LEFT_OUT.items() if k == kind.name]
    return " ".join([text, *left_out])


def _as_identifier(field: dict) -> dict:
    """The field a record's file name is made from must be text to Decap: a number there (a monitoring year) is
    typed as digits instead. YAML reads the digits the same either way, quoted or not."""
    if field["widget"] != "number":
        return field
    kept = {k: v for k, v in field.items() if k not in ("widget", "value_type", "min", "max")}
    return kept | {"widget": "string", "pattern": ["^[0-9]+$", f"expected: {field.get('hint') or 'a whole number'}"]}


def collection(kind: Kind) -> dict:
    """A kind's collection: a folder of records, or the files of the vocabularies and of one-file kinds."""
    fields = [_as_identifier(f) if f["name"] == kind.title_field else f for f in model_fields(kind.model, kind.name)]
    base = {"name": collection_name(kind), "label": kind.label, "label_singular": kind.name, "description": _description(kind)}
    if kind.name == "vocabulary":
        files = [{"name": n, "label": label(n.replace("-", " ")), "file": f"data/{kind.folder}/{n}.yml", "fields": fields} for n in VOCABULARIES]
        return base | {"files": files, "editor": {"preview": False}}
    if kind.single:
        return base | {"files": [{"name": kind.name, "label": kind.label, "file": f"data/{kind.folder}", "fields": fields}], "editor": {"preview": False}}
    return base | {
        "folder": f"data/{kind.folder}",
        "extension": "yml",
        "format": "yml",
        "create": True,
        "slug": "{{fields." + kind.title_field + "}}" if kind.title_field in _DATE_WORDS else "{{slug}}",
        "identifier_field": kind.title_field,
        # `fields.` because Decap reads {{year}} (and other date words) as the entry's date, not as a field.
        "summary": "{{fields." + kind.title_field + "}}",
        "editor": {"preview": False},
        "fields": fields,
    }


def collections() -> dict:
    """Everything but the backend: what `data/schemas/admin.yml` holds."""
    return {
        "publish_mode": "editorial_workflow",
        "media_folder": "docs/assets/media",
        "public_folder": "/assets/media",
        # File names are ids: lowercase ASCII words joined by hyphens, as `wise new` makes them.
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [collection(kind) for kind in KINDS.values()],
    }


class _Dumper(yaml.SafeDumper):
    """Writes repeated parts (the buttons, the vocabularies' fields) out in full: no anchors, no aliases."""

    def ignore_aliases(self, data):
        return True

    def increase_indent(self, flow=False, indentless=False):
        # Lists indented under their key, as editors write YAML (.editorconfig: two spaces a level).
        return super().increase_indent(flow, False)


def _dump(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120)


def collections_text() -> str:
    """The committed file's exact text."""
    return "# Generated from the models by `make schemas` (macros/admin.py); do not edit.\n" + _dump(collections())


@dataclass(frozen=True)
class Backend:
    """Where web edits go: Decap's backend options, and the origins the editor's page must be allowed to reach."""

    options: dict
    connect: tuple[str, ...] = ()
    images: tuple[str, ...] = ()

    @property
    def sandbox(self) -> bool:
        return self.options.get("name") == "test-repo"


def backend(repository: Repository) -> Backend:
    """The backend for the configured repository: GitHub, or a GitLab (its own host, so self-hosted ones too), on
    the branch its edit path names; anything else, or nothing, gives the in-browser sandbox."""
    if not repository.configured or repository.path.count("/") < 1:
        return Backend({"name": "test-repo"})
    if repository.host == "github.com":
        options = {"name": "github", "repo": repository.path, "branch": repository.branch}
        return Backend(options, ("https://api.github.com",), ("https://avatars.githubusercontent.com",))
    if "gitlab" in repository.host:
        origin = f"https://{repository.host}"
        options = {"name": "gitlab", "repo": repository.path, "branch": repository.branch, "api_root": f"{origin}/api/v4", "base_url": origin}
        return Backend(options, (origin,), (origin,))
    return Backend({"name": "test-repo"})


def config_text(backend: Backend, site_url: str) -> str:
    """The published `admin/config.yml`: the backend first, then the committed collections."""
    head = {"backend": backend.options, "site_url": site_url, "display_url": site_url}
    return "# Generated by the build from data/schemas/admin.yml and the site's settings.\n" + _dump(head) + _dump(collections())


def page(backend: Backend) -> str:
    """The editor's page: Decap's script (and, in the sandbox, the data it starts from) and nothing inline. The
    scripts go in the body, where Decap mounts itself; the link names the configuration's type, since static hosts
    serve `.yml` files under various types."""
    sandbox = '  <script src="sandbox.js"></script>\n' if backend.sandbox else ""
    notice = " This is a sandbox: no repository is configured, so nothing saved here is kept." if backend.sandbox else ""
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n  <meta charset="utf-8">\n'
        '  <meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '  <meta name="robots" content="noindex">\n'
        "  <title>Web editor</title>\n"
        '  <link href="config.yml" type="text/yaml" rel="cms-config-url">\n'
        '  <link rel="icon" href="../assets/images/favicon.png">\n'
        "</head>\n<body>\n"
        f"  <noscript>The web editor needs JavaScript.{notice} Records can always be edited as YAML files in the repository.</noscript>\n"
        f"{sandbox}"
        '  <script src="decap-cms.js"></script>\n'
        "</body>\n</html>\n"
    )


def sandbox_script(files: dict[str, str]) -> str:
    """The sandbox's starting data: the repository's files (path → text) where Decap's `test-repo` backend looks
    for them. It reads a file by walking its path through nested folders, but lists a folder collection under its
    whole folder path as one key, so each file is put in both places (one object, two ways to reach it). The data
    is JSON, a JavaScript literal, so no text in it can end the script or run."""
    # `<` escaped too, so the data stays inert even if the script were ever inlined into a page.
    body = json.dumps(dict(sorted(files.items())), ensure_ascii=True, indent=0).replace("<", "\\u003c")
    return (
        "// The web editor's sandbox: the site's data files, for Decap's in-browser test-repo backend.\n"
        "(function (files) {\n"
        "  var tree = (window.repoFiles = window.repoFiles || {});\n"
        "  Object.keys(files).forEach(function (path) {\n"
        "    var file = { content: files[path] };\n"
        "    var folders = path.split('/');\n"
        "    var name = folders.pop();\n"
        "    var node = tree;\n"
        "    folders.forEach(function (folder) { node = node[folder] = node[folder] || {}; });\n"
        "    node[name] = file;\n"
        "    var whole = folders.join('/');\n"
        "    (tree[whole] = tree[whole] || {})[name] = file;\n"
        "  });\n"
        "})(" + body + ");\n"
    )


def sandbox_files(data_dir: Path) -> dict[str, str]:
    """The records' files as the sandbox holds them, by their path in the repository (`data/…`)."""
    return {
        f"data/{path.relative_to(data_dir).as_posix()}": path.read_text(encoding="utf-8")
        for path in sorted(data_dir.rglob("*.yml"))
        if path.relative_to(data_dir).parts[0] != "schemas"
    }


def published_files(repository: Repository, site_url: str, data_dir: Path) -> dict[str, str | Path]:
    """Everything under /admin/: the page, its configuration, Decap's files (from the pinned install) and, for
    the sandbox, its data (site path → text, or the file to copy)."""
    chosen = backend(repository)
    out: dict[str, str | Path] = {"admin/index.html": page(chosen), "admin/config.yml": config_text(chosen, site_url)}
    if chosen.sandbox:
        out["admin/sandbox.js"] = sandbox_script(sandbox_files(data_dir))
    out |= {f"admin/{name}": path for name, path in served_files(DECAP).items()}
    return out
