"""Open data: every kind as JSON and CSV, a public API with a fixed field order.

One row type per kind, derived from its model: `id` first, then the model's fields in
declaration order (so the column order is documented once, by the model). Counts of people
from 1 to 9 are published as "<10" here too, exactly as on the pages; certifications carry
their state on the build date, and an enterprise's networks are filled in from the networks
that list it, so readers see each fact on both sides while editors write it once.

A translatable field keeps its column, which holds the text in the site's default language (else the first
written), so existing readers keep working; right after it comes one column per other language of the site,
`<field>_<lang>` (`summary_en`), empty when the text has no translation in it. Mappings inside a record (an
enterprise's offerings) carry the same keys in their JSON.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from .. import certification
from ..catalog import Catalog
from ..kinds import KINDS
from ..kinds.fields import SLUG
from ..kinds.introspect import inner_model, translatable_fields
from ..kinds.monitoring import PEOPLE
from ..localized import Localized, other_languages, translation_cells, translation_columns
from ..privacy import HIDDEN, SMALL, people, publish_column, small

CSV_LIST_SEPARATOR = ";"  # lists of ids; every other list or mapping is a JSON text in its cell
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run a cell starting so as a formula


def columns(kind: str) -> list[str]:
    """The export's fields in order: id, then the model's fields as declared, each translatable one followed by its
    text in every other language of the site."""
    return ["id", *with_translations(list(KINDS[kind].model.model_fields), translatable_fields(KINDS[kind].model))]


def with_translations(names: list[str], translatable_names) -> list[str]:
    """Column names with `<name>_<lang>` for every other language of the site right after each translatable one."""
    return [column for name in names for column in (translation_columns(name) if name in translatable_names else [name])]


def spread(row: dict, translatable_names) -> dict:
    """A row with each translatable value as its default language's text, followed by its text in every other
    language of the site (None where it has none): the keys in the order `with_translations` gives."""
    out = {}
    for name, value in row.items():
        out[name] = str.__str__(value) if isinstance(value, Localized) else value
        if name in translatable_names:
            out |= translation_cells(name, value)
    return out


def _translations(model: Any, dumped: Any) -> Any:
    """A record's JSON form (`dumped`, from `model`) with every translatable field's other languages beside it, in
    nested mappings too."""
    if isinstance(model, list):
        return [_translations(m, d) for m, d in zip(model, dumped, strict=True)]
    if isinstance(model, dict):
        return {k: _translations(model[k], d) for k, d in dumped.items()}
    if not hasattr(type(model), "model_fields") or not isinstance(dumped, dict):
        return dumped
    names = translatable_fields(type(model))
    nested = {name: _translations(getattr(model, name), value) for name, value in dumped.items() if name not in names}
    return spread({name: getattr(model, name) if name in names else nested[name] for name in dumped}, names)


def _published_enterprise(catalog: Catalog, record: Any, row: dict) -> dict:
    """An enterprise as published: yearly counts of 1 to 9 as "<10", each certification with its
    `state` on the build date, and `networks` from the networks whose members list it."""
    for figures in row.get("figures") or []:
        for key, value in figures.items():
            if key != "year" and isinstance(value, int) and small(value):
                figures[key] = people(value)
    for cert, published in zip(record.certifications, row.get("certifications") or [], strict=True):
        published["state"] = certification.state(cert, catalog.today)
    row["networks"] = [n.id for n in catalog.networks_of(record.id)]
    return row


def _published_monitoring(catalog: Catalog, record: Any, row: dict) -> dict:
    """A monitoring year as published: small people counts hidden, by district with secondary suppression that
    counts the remainder of the city's figure as a cell (publish_column), exactly as the page shows them."""
    for key in PEOPLE:
        value = row["measures"].get(key)
        if isinstance(value, (int, float)) and small(value):
            row["measures"][key] = people(value)
    districts = row.get("by_district") or {}
    for key in PEOPLE:
        values = {d: m.get(key) for d, m in districts.items()}
        if any(v is not None for v in values.values()):
            shown = publish_column(key, getattr(record.measures, key), values)
            for d, value in values.items():
                if value is not None and shown[d] in (SMALL, HIDDEN):
                    districts[d][key] = shown[d]
    return row


PUBLISH = {"enterprise": _published_enterprise, "monitoring": _published_monitoring}


def row(catalog: Catalog, kind: str, record: Any) -> dict:
    """One record as its JSON export object."""
    data = {"id": record.id, **record.model_dump(mode="json")}
    if other_languages():
        data = {"id": record.id, **_translations(record, {k: v for k, v in data.items() if k != "id"})}
    publish = PUBLISH.get(kind)
    return publish(catalog, record, data) if publish else data


def json_text(rows: list[dict]) -> str:
    """An export as JSON: an array of objects. allow_nan=False: a NaN or Infinity would make the file invalid JSON
    (numbers are bounded, this is the proof)."""
    return json.dumps(rows, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def csv_text(names: list[str], rows: list[dict]) -> str:
    """An export as CSV: UTF-8 with a byte-order mark (spreadsheets need it), a header row, CRLF lines."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    for data in rows:
        writer.writerow([_cell(data.get(name)) for name in names])
    return "\ufeff" + out.getvalue()


def to_json(catalog: Catalog, kind: str) -> str:
    """`/data/<kind>.json`: an array of objects, fields in column order."""
    return json_text([row(catalog, kind, r) for r in catalog.all(kind)])


def _cell(value: Any) -> str:
    """A CSV cell. Text that a spreadsheet would read as a formula gets a leading apostrophe (the
    usual defence against CSV injection); JSON texts and numbers never start that way."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and all(isinstance(v, str) and SLUG.match(v) for v in value):
        return CSV_LIST_SEPARATOR.join(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return str(value)


def to_csv(catalog: Catalog, kind: str) -> str:
    """`/data/<kind>.csv`: the records' rows, columns in order."""
    return csv_text(columns(kind), [row(catalog, kind, r) for r in catalog.all(kind)])


def column_docs(kind: str) -> list[tuple[str, str]]:
    """(column, what it holds) for the documentation of an export, from the model."""
    fields = KINDS[kind].model.model_fields
    texts = translatable_fields(KINDS[kind].model)
    docs = [("id", "the record's id: its file name and URL slug")]
    for name, field in fields.items():
        model = inner_model(field.annotation)
        text = field.description or (model.__doc__ if model else "") or ""
        if name in texts:
            text += " (translatable: the text in the site's default language)"
        docs.append((name, " ".join(text.split()) + (" (required)" if field.is_required() else "")))
        if name in texts:
            docs.append(translation_doc(name))
    return docs


def translation_doc(name: str) -> tuple[str, str]:
    """The documentation row of a translatable field's columns in the other languages."""
    return (f"{name}_<lang>", f"`{name}` in each other language of the site, one column each (`{name}_en`), empty where it has no translation")


def export_files(catalog: Catalog) -> dict[str, str]:
    """Every kind's JSON and CSV, and the exports derived from several records: site path → text."""
    from .derived import DERIVED

    files = {}
    for kind in KINDS:
        files[f"data/{kind}.json"] = to_json(catalog, kind)
        files[f"data/{kind}.csv"] = to_csv(catalog, kind)
    for export in DERIVED:
        rows = export.rows(catalog)
        files[f"data/{export.name}.json"] = json_text(rows)
        files[f"data/{export.name}.csv"] = csv_text(export.columns(catalog), rows)
    return files


def open_data_files(catalog: Catalog) -> dict[str, str]:
    """What /data/ publishes: the exports and the JSON Schemas (site path → text)."""
    from ..schemas import schema_text

    return export_files(catalog) | {f"data/schemas/{kind}.schema.json": schema_text(kind) for kind in KINDS}


def standard_files(catalog: Catalog, site_url: str, site_name: str) -> dict[str, str]:
    """The exports in civic-tech standards: Popolo (`popolo.json`) and Open Referral HSDS (`hsds/`). Their links and
    ids are made from the site's address (site path → text)."""
    from .hsds import hsds_files
    from .popolo import popolo_files

    return popolo_files(catalog, site_url) | hsds_files(catalog, site_url, site_name)


def write_exports(catalog: Catalog, out: Path, site_url: str, site_name: str) -> list[Path]:
    """`wise export`: the same files the build publishes under /data/, written under `out`."""
    written = []
    for name, text in (open_data_files(catalog) | standard_files(catalog, site_url, site_name)).items():
        path = out / name.removeprefix("data/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    return written
