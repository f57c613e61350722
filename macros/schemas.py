"""JSON Schemas for editors, generated from the models (the one source of truth).

Editors' tools (VS Code's YAML extension, for one) read `data/schemas/<kind>.schema.json`;
a test regenerates them and fails when the committed files drift from the models.
"""

from __future__ import annotations

import json
from pathlib import Path

from .kinds import KINDS


def schema(kind: str) -> dict:
    """The JSON Schema of one kind's files, as editors should see it."""
    spec = KINDS[kind]
    out = spec.model.model_json_schema(mode="validation")
    out = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{kind}.schema.json", **out}
    out["description"] = (
        (spec.model.__doc__ or "").strip() + f" One file per record in data/{spec.folder}" + ("" if spec.single else "/<id>.yml; the file name is the id.")
    )
    return out


def schema_text(kind: str) -> str:
    """The schema file's exact text: sorted keys, two-space indent, final newline."""
    return json.dumps(schema(kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every kind's schema into `folder`; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = folder / f"{kind}.schema.json"
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    return written
