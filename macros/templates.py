"""`wise new KIND "Name"`: a new record file, annotated from the kind's model.

The template is derived from the model (field order, required or optional, descriptions),
so it never disagrees with what `wise check` accepts. Required fields are left for the
editor to fill, optional ones are commented out, and nothing is ever overwritten. For a
one-file kind whose entries are added one at a time (the glossary's terms), `wise new`
prints an entry to paste into that file and writes nothing. On a site with several languages, each
translatable field's comment shows its other form: a mapping by language.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import i18n
from .kinds import KINDS
from .kinds.fields import SLUG, WINDOWS_RESERVED, Ref, slugify
from .kinds.glossary import Term
from .kinds.introspect import derived, full_annotation, inner_model, is_list, literal_values, marker, translatable


def per_language() -> str:
    """How a translatable field is written per language on this site (none on a site with one language)."""
    languages = i18n.languages()
    if len(languages) < 2:
        return ""
    return "or per language: {" + ", ".join(f'{language}: "…"' for language in languages) + "}"


def _describe(field) -> str:
    """A short hint for a field: its description, else what it accepts (ids, allowed values)."""
    if field.description:
        return field.description
    ref = marker(full_annotation(field), Ref)
    if ref is not None:
        where = f"an id from data/vocabularies/{ref.target[6:]}.yml" if ref.vocabulary else f"the id (file name) of a {ref.target}"
        return ("a list of " if is_list(field.annotation) else "") + where
    values = literal_values(field.annotation)
    return "one of: " + ", ".join(values) if values else ""


def _field_lines(model, title_field: str, name: str, record_id: str | None = None) -> list[str]:
    """A model's fields as annotated YAML lines: the title filled in with `name` (and `id` with `record_id`), required
    fields left for the editor to fill, optional ones commented out, derived ones left out."""
    lines = []
    for field_name, field in model.model_fields.items():
        if derived(field):
            continue  # written elsewhere; the build fills it in
        hint = _describe(field)
        mapping = per_language() if translatable(full_annotation(field)) else ""
        if mapping:
            hint = f"{hint}; {mapping}" if hint else mapping
        comment = f"  # {hint}" if hint else ""
        if field_name == title_field:
            lines.append(f"{field_name}: {json.dumps(name, ensure_ascii=False)}" + (f"  # {mapping}" if mapping else ""))
        elif field_name == "id" and record_id:
            lines.append(f"id: {record_id}{comment}")
        elif field_name == "example":
            lines.append("example: false  # true for fictional demo content")
        elif field.is_required():
            lines.append(f"{field_name}:  # required{'; ' + hint if hint else ''}")
            sub = inner_model(field.annotation)
            if sub is not None:
                required = [n for n, f in sub.model_fields.items() if f.is_required()]
                lines.append(f"#   {'- ' if is_list(field.annotation) else ''}each with: {', '.join(required)}")
        else:
            lines.append(f"# {field_name}:{comment}")
    return lines


def template(kind: str, name: str) -> str:
    """The annotated YAML text of a new record of `kind` titled `name`."""
    spec = KINDS[kind]
    model = spec.model
    lines = [
        f"# {(model.__doc__ or kind).strip().splitlines()[0]}",
        "# Fill in the empty required fields; uncomment optional ones you need. Check with: wise check",
        *_languages_note(),
        "",
    ]
    return "\n".join(lines + _field_lines(model, spec.title_field, name)) + "\n"


def _languages_note() -> list[str]:
    """On a site with several languages, what plain text in a translatable field is."""
    languages = i18n.languages()
    if len(languages) < 2:
        return []
    return [f"# Text marked 'per language' is plain text in {languages[0]} (the default language), or a mapping by language."]


# One-file kinds whose entries editors add one at a time: (the list field, the entry's model, its title field).
ENTRIES = {"glossary": ("terms", Term, "term")}


def entry_template(kind: str, name: str, entry_id: str | None = None) -> str:
    """The annotated YAML of a new entry of a one-file kind (a glossary term), to paste into its list; the id is made
    from the name unless given."""
    field, model, title_field = ENTRIES[kind]
    entry_id = entry_id or slugify(name)
    if not SLUG.match(entry_id):
        raise ValueError(f"'{name}' gives no id in the letters a-z and digits that ids use; choose one with --id")
    body = _field_lines(model, title_field, name, entry_id)
    lines = [
        f"# {(model.__doc__ or kind).strip().splitlines()[0]}",
        f"# Paste this under `{field}:` in data/{KINDS[kind].folder}, fill in the empty required fields and uncomment the optional ones you need.",
        "# Check with: wise check",
        f"  - {body[0]}",
        *(f"    {line}" for line in body[1:]),
    ]
    return "\n".join(lines) + "\n"


def new_record(data_dir: Path, kind: str, name: str, record_id: str | None = None) -> Path:
    """Write data/<folder>/<id>.yml from the template, the id given or made from the name; never overwrite a file."""
    if kind not in KINDS or KINDS[kind].single:
        raise ValueError(f"unknown kind '{kind}'")
    record_id = record_id or slugify(name)
    if not record_id:
        raise ValueError(f"'{name}' gives no id in the letters a-z and digits that ids use; choose one with --id, like --id kyiv-bakery")
    if not SLUG.match(record_id) or len(record_id) > 64:
        raise ValueError(f"the id must be like 'my-name-2' (a-z, 0-9, single hyphens, at most 64 characters): {record_id!r}")
    if record_id in WINDOWS_RESERVED:
        raise ValueError(f"'{record_id}' is a name Windows reserves for a device; choose another with --id")
    folder = Path(data_dir) / KINDS[kind].folder
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{record_id}.yml"
    try:
        with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
            handle.write(template(kind, name))
    except FileExistsError:
        raise FileExistsError(str(path)) from None
    return path
