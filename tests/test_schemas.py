"""The JSON Schemas in data/schemas/ are generated from the models; they must not drift."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from macros import i18n
from macros.kinds import KINDS
from macros.schemas import schema_text
from macros.settings import read_settings


@pytest.fixture(autouse=True)
def site_languages():
    """The schemas name the site's languages (mkdocs.yml), as `make schemas` reads them."""
    i18n.configure(read_settings(ROOT).languages)


def test_committed_schemas_match_the_models():
    folder = ROOT / "data" / "schemas"
    drifted = [kind for kind in KINDS if (folder / f"{kind}.schema.json").read_text(encoding="utf-8") != schema_text(kind)]
    assert drifted == [], "run `wise schemas` (make schemas) and commit the result"
    assert sorted(p.name for p in folder.glob("*.json")) == sorted(f"{k}.schema.json" for k in KINDS)


def test_schemas_forbid_unknown_fields_and_name_required_ones():
    enterprise = json.loads(schema_text("enterprise"))
    assert enterprise["additionalProperties"] is False
    assert set(enterprise["required"]) == {"name", "summary", "sector", "district"}


def test_committed_reference_pages_match_the_models():
    from macros.reference import GENERATED

    drifted = [name for name, make in GENERATED.items() if (ROOT / "docs" / name).read_text(encoding="utf-8") != make()]
    assert drifted == [], "run `wise reference` and commit the result"


def test_every_measure_has_a_label_in_model_order():
    from macros.kinds.monitoring import LABELS, MEASURES

    assert tuple(LABELS) == MEASURES


def test_a_translatable_field_takes_text_or_a_mapping_of_the_sites_languages_to_text():
    import jsonschema

    validator = jsonschema.Draft202012Validator(json.loads(schema_text("enterprise")))
    base = {"name": "De Kantine", "sector": "catering", "district": "oost"}

    def valid(summary) -> bool:
        return validator.is_valid(base | {"summary": summary})

    assert valid("Een kantine.") and valid({"nl": "Een kantine.", "en": "A canteen."}) and valid({"en": "A canteen."})
    assert not valid({}) and not valid({"fr": "Une cantine."}) and not valid({"nl": ["a"]}) and not valid(["Een kantine."]) and not valid(True)
    assert validator.is_valid(base | {"summary": "x", "offerings": [{"name": {"nl": "Lunch", "en": "Lunch"}, "category": "catering"}]})
    # Names are never translated: a mapping there is refused.
    assert not validator.is_valid(base | {"summary": "x", "name": {"nl": "De Kantine"}})
