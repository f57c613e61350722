"""The standard exports: Popolo (/data/popolo.json) and Open Referral HSDS (/data/hsds/) validate against the
standards' rules, re-expressed here as JSON Schemas (the standards' own schema files are not copied in), lose no
official, post, enterprise or offering, join up (every id they name exists), and match their golden copies."""

from __future__ import annotations

import csv
import io
import json
import re

import jsonschema
import pytest
from catalogs import Data, holding
from conftest import FIXTURES, ROOT

from macros.data import read_data
from macros.exports import standard_files
from macros.exports.hsds import TABLES, make_id, works_here
from macros.exports.popolo import body_id, party_id, party_membership, popolo

SITE_URL = "https://wise.example.org/"
GOLDEN = FIXTURES / "tiny-exports" / "standards"

# -- Popolo, re-expressed (popoloproject.com/schemas: person, organization, post, membership) -----------------
DATE = {"type": "string", "pattern": r"^[0-9]{4}(-[0-9]{2}){0,2}$"}
LINK = {"type": "object", "required": ["url"], "properties": {"url": {"type": "string", "format": "uri"}, "note": {"type": "string"}}}
CONTACT = {
    "type": "object",
    "required": ["type", "value"],
    "properties": {"type": {"type": "string"}, "value": {"type": "string"}, "label": {"type": "string"}},
}
COMMON = {"id": {"type": "string", "minLength": 1}, "links": {"type": "array", "items": LINK}, "sources": {"type": "array", "items": LINK}}
POPOLO = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["persons", "organizations", "posts", "memberships"],
    "properties": {
        "persons": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {
                    **COMMON,
                    "name": {"type": "string", "minLength": 1},
                    "email": {"type": "string"},
                    "contact_details": {"type": "array", "items": CONTACT},
                },
            },
        },
        "organizations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {**COMMON, "name": {"type": "string", "minLength": 1}, "classification": {"type": "string"}, "description": {"type": "string"}},
            },
        },
        "posts": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "label", "organization_id"],
                "properties": {**COMMON, "label": {"type": "string", "minLength": 1}, "role": {"type": "string"}, "organization_id": {"type": "string"}},
            },
        },
        "memberships": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["person_id", "organization_id"],
                "properties": {
                    **COMMON,
                    "person_id": {"type": "string"},
                    "organization_id": {"type": "string"},
                    "post_id": {"type": "string"},
                    "on_behalf_of_id": {"type": "string"},
                    "role": {"type": "string"},
                    "start_date": DATE,
                    "end_date": DATE,
                },
            },
        },
    },
}

# -- HSDS 3, re-expressed: the Tabular Data Package descriptor and the JSON form of an organization -----------
TABLE_SCHEMA_FIELD = {
    "type": "object",
    "required": ["name", "type"],
    "properties": {
        "name": {"type": "string"},
        "type": {"enum": ["string", "number", "integer", "boolean", "date", "datetime", "object", "array"]},
        "format": {"type": "string"},
        "description": {"type": "string"},
        "constraints": {"type": "object", "properties": {"required": {"type": "boolean"}, "unique": {"type": "boolean"}, "enum": {"type": "array"}}},
    },
}
DATAPACKAGE = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["name", "profile", "resources"],
    "properties": {
        "name": {"type": "string", "pattern": r"^[a-z0-9._-]+$"},
        "profile": {"const": "tabular-data-package"},
        "resources": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["name", "path", "schema"],
                "properties": {
                    "name": {"type": "string", "pattern": r"^[a-z0-9._-]+$"},
                    "path": {"type": "string", "pattern": r"^[a-z_]+\.csv$"},
                    "profile": {"const": "tabular-data-resource"},
                    "schema": {
                        "type": "object",
                        "required": ["fields"],
                        "properties": {
                            "fields": {"type": "array", "items": TABLE_SCHEMA_FIELD},
                            "primaryKey": {"type": "string"},
                            "foreignKeys": {"type": "array"},
                        },
                    },
                },
            },
        },
    },
}
UUID = {"type": "string", "pattern": r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"}
HSDS_ORGANIZATION = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["id", "name", "description"],
    "properties": {
        "id": UUID,
        "name": {"type": "string", "minLength": 1},
        "description": {"type": "string"},
        "services": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "name", "status"],
                "properties": {
                    "id": UUID,
                    "organization_id": UUID,
                    "status": {"enum": ["active", "inactive", "defunct", "temporarily closed"]},
                    "service_at_locations": {
                        "type": "array",
                        "items": {"type": "object", "required": ["id"], "properties": {"id": UUID, "location_id": UUID, "service_id": UUID}},
                    },
                },
            },
        },
        "locations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "location_type"],
                "properties": {
                    "id": UUID,
                    "location_type": {"enum": ["physical", "postal", "virtual"]},
                    "latitude": {"type": "number"},
                    "longitude": {"type": "number"},
                },
            },
        },
        "phones": {
            "type": "array",
            "items": {"type": "object", "required": ["id", "number"], "properties": {"id": UUID, "number": {"type": "string", "minLength": 1}}},
        },
    },
}


@pytest.fixture(scope="module")
def example_catalog():
    return read_data(ROOT / "data", ROOT / "docs")


@pytest.fixture(scope="module")
def files(example_catalog):
    return standard_files(example_catalog, SITE_URL, "The platform")


def validate(data, schema) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def test_the_schemas_here_refuse_what_the_standards_refuse():
    """The re-expressed schemas can fail: a person without a name, a membership with a free-text date, an HSDS
    service without a status, a package that is not tabular."""
    assert validate({"persons": [{"id": "x"}], "organizations": [], "posts": [], "memberships": []}, POPOLO)
    assert validate(
        {"persons": [], "organizations": [], "posts": [], "memberships": [{"person_id": "x", "organization_id": "y", "start_date": "May 2020"}]}, POPOLO
    )
    assert validate({"id": make_id("x"), "name": "A", "description": "B", "services": [{"id": make_id("y"), "name": "S"}]}, HSDS_ORGANIZATION)
    assert validate({"name": "x", "profile": "data-package", "resources": [{"name": "a", "path": "a.csv", "schema": {"fields": []}}]}, DATAPACKAGE)


# -- Popolo ------------------------------------------------------------------------------------
def test_popolo_validates_and_loses_no_official_or_post(files, example_catalog):
    data = json.loads(files["data/popolo.json"])
    assert validate(data, POPOLO) == []
    assert [p["id"] for p in data["persons"]] == [o.id for o in example_catalog.all("official")]
    assert [p["id"] for p in data["posts"]] == [p.id for p in example_catalog.all("post")]
    holdings = {(o.id, m.post, m.start.isoformat(), m.end.isoformat() if m.end else None) for o in example_catalog.all("official") for m in o.memberships}
    published = {(m["person_id"], m["post_id"], m["start_date"], m.get("end_date")) for m in data["memberships"] if "post_id" in m}
    assert published == holdings


def test_popolo_ids_join_up(files):
    data = json.loads(files["data/popolo.json"])
    people = {p["id"] for p in data["persons"]}
    organizations = {o["id"] for o in data["organizations"]}
    posts = {p["id"] for p in data["posts"]}
    assert len(people) == len(data["persons"]) and len(organizations) == len(data["organizations"])
    assert {p["organization_id"] for p in data["posts"]} <= organizations
    for m in data["memberships"]:
        assert m["person_id"] in people and m["organization_id"] in organizations
        assert m.get("post_id", next(iter(posts))) in posts
        assert m.get("on_behalf_of_id", next(iter(organizations))) in organizations
    assert len({m["id"] for m in data["memberships"]}) == len(data["memberships"])


def test_popolo_has_the_council_the_executive_and_every_party(files, example_catalog):
    data = json.loads(files["data/popolo.json"])
    classes = {o["id"]: o["classification"] for o in data["organizations"]}
    parties = example_catalog.vocabulary("parties").entries
    assert {body_id(p) for p in example_catalog.all("post")} | {party_id(e.id) for e in parties} == set(classes)
    assert {o["name"] for o in data["organizations"] if o["classification"] == "party"} == {e.label for e in parties}
    assert {o.party for o in example_catalog.all("official") if o.party} <= {e.id for e in parties}
    bodies = {p.body for p in example_catalog.all("post")}
    assert ("council" in bodies) == ("legislature" in classes.values())
    assert ("executive" in bodies) == ("executive" in classes.values())


def test_a_party_membership_runs_from_the_first_post_to_the_last_and_stays_open_while_a_post_is_held():
    data = Data()
    data.post("seat", body="council")
    data.post("alderman")
    left = data.official("ann", party="green", memberships=[holding("seat", "2014-04-17", "2018-05-30"), holding("alderman", "2018-05-31", "2022-06-01")])
    staying = data.official("bob", party="green", memberships=[holding("seat", "2018-05-31", "2022-06-01"), holding("alderman", "2022-06-02")])
    assert (party_membership(left)["start_date"], party_membership(left)["end_date"]) == ("2014-04-17", "2022-06-01")
    assert party_membership(staying)["start_date"] == "2018-05-31" and "end_date" not in party_membership(staying)


def test_a_civil_servant_holds_a_post_for_no_party_and_a_body_is_example_only_when_all_its_posts_are():
    data = Data()
    data.post("officer", body="department", organisation="City")
    data.post("alderman", organisation="City", example=True)
    data.post("deputy", organisation="City")
    data.vocabulary("parties", entries=[{"id": "blue", "label": "Blue Party", "description": "The blue one."}, {"id": "red", "label": "Red Party"}])
    data.official("cees", party="blue", memberships=[holding("officer", "2020-01-01"), holding("alderman", "2021-01-01")])
    out = popolo(data.catalog(), SITE_URL)
    behalf = {m["post_id"]: m.get("on_behalf_of_id") for m in out["memberships"] if "post_id" in m}
    assert behalf == {"officer": None, "alderman": "party-blue"}
    assert {o["id"]: o["example"] for o in out["organizations"]} == {"department-city": False, "executive-city": False, "party-blue": False, "party-red": False}


def test_parties_are_the_vocabularys_entries_named_by_their_labels_and_example_when_the_vocabulary_is():
    data = Data()
    data.post("seat", body="council")
    data.vocabulary(
        "parties", entries=[{"id": "blue", "label": "Blue Party", "description": "The blue one."}, {"id": "red", "label": "Red Party"}], example=True
    )
    data.official("ann", party="red", memberships=[holding("seat", "2020-01-01")])
    out = popolo(data.catalog(), SITE_URL)
    parties = [o for o in out["organizations"] if o["classification"] == "party"]
    assert parties == [
        {"id": "party-blue", "name": "Blue Party", "classification": "party", "description": "The blue one.", "example": True},
        {"id": "party-red", "name": "Red Party", "classification": "party", "example": True},
    ]
    assert [(m["organization_id"], m["role"]) for m in out["memberships"] if "post_id" not in m] == [("party-red", "member")]
    assert validate(out, POPOLO) == []


# -- HSDS --------------------------------------------------------------------------------------
def read_table(files, name: str) -> tuple[list[str], list[dict]]:
    text = files[f"data/hsds/{name}.csv"]
    assert not text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_the_package_descriptor_validates_and_describes_each_csv(files):
    package = json.loads(files["data/hsds/datapackage.json"])
    assert validate(package, DATAPACKAGE) == []
    assert [r["name"] for r in package["resources"]] == [t.name for t in TABLES]
    for resource in package["resources"]:
        header, rows = read_table(files, resource["name"])
        fields = resource["schema"]["fields"]
        assert header == [f["name"] for f in fields], resource["name"]
        for f in fields:
            values = [row[f["name"]] for row in rows]
            constraints = f.get("constraints", {})
            if constraints.get("required"):
                assert all(values), (resource["name"], f["name"])
            if constraints.get("unique"):
                assert len(set(values)) == len(values)
            if "enum" in constraints:
                assert set(values) <= set(constraints["enum"]) | {""}
            if f.get("format") == "uuid":
                assert all(re.match(UUID["pattern"], v) for v in values if v), f["name"]
            if f["type"] == "number":
                assert all(float(v) == float(v) for v in values if v)
            if f["type"] == "boolean":
                assert set(values) <= {"true", "false", ""}


def test_the_tables_join_up(files):
    package = json.loads(files["data/hsds/datapackage.json"])
    ids = {r["name"]: {row["id"] for row in read_table(files, r["name"])[1]} for r in package["resources"]}
    for resource in package["resources"]:
        rows = read_table(files, resource["name"])[1]
        for key in resource["schema"].get("foreignKeys", []):
            target = ids[key["reference"]["resource"]]
            assert {row[key["fields"]] for row in rows if row[key["fields"]]} <= target, (resource["name"], key)


def test_hsds_loses_no_enterprise_or_offering(files, example_catalog):
    organizations = read_table(files, "organization")[1]
    services = read_table(files, "service")[1]
    enterprises = example_catalog.all("enterprise")
    assert [o["name"] for o in organizations] == [e.name for e in enterprises]
    for e, org in zip(enterprises, organizations, strict=True):
        assert org["uri"] == f"{SITE_URL}showcase/{e.id}/"
        mine = [s for s in services if s["organization_id"] == org["id"]]
        expected = [o.name for o in e.offerings] + ([f"Work or refer here: {e.name}"] if works_here(e) else [])
        assert [s["name"] for s in mine] == expected, e.id
        assert all(s["example"] == str(e.example).lower() for s in mine)
    located = [e for e in enterprises if e.address or e.geo]
    assert len(read_table(files, "location")[1]) == len(located)
    assert len(read_table(files, "phone")[1]) == len([e for e in enterprises if e.contact and e.contact.phone])


def test_the_json_form_validates_and_holds_the_same_rows(files):
    organizations = json.loads(files["data/hsds/organizations.json"])
    assert [validate(o, HSDS_ORGANIZATION) for o in organizations] == [[] for _ in organizations]
    services = read_table(files, "service")[1]
    assert sorted(s["id"] for o in organizations for s in o["services"]) == sorted(s["id"] for s in services)
    at_location = read_table(files, "service_at_location")[1]
    assert sorted(x["id"] for o in organizations for s in o["services"] for x in s["service_at_locations"]) == sorted(x["id"] for x in at_location)


def test_hsds_ids_are_stable_and_differ_between_sites():
    data = Data()
    data.enterprise("bakery", offerings=[{"name": "Bread", "category": "food"}], address={"city": "Amsterdam"})
    first = standard_files(data.catalog(), SITE_URL, "P")["data/hsds/organization.csv"]
    again = standard_files(data.catalog(), SITE_URL, "P")["data/hsds/organization.csv"]
    elsewhere = standard_files(data.catalog(), "https://other.example.org/", "P")["data/hsds/organization.csv"]
    assert first == again and first.splitlines()[1].split(",")[0] != elsewhere.splitlines()[1].split(",")[0]


def test_a_formula_is_defused_but_a_phone_number_is_kept():
    data = Data()
    data.enterprise("e", name="=HYPERLINK(1)", contact={"phone": "+31 20 555 0100"})
    files = standard_files(data.catalog(), SITE_URL, "P")
    assert read_table(files, "organization")[1][0]["name"] == "'=HYPERLINK(1)"
    assert read_table(files, "phone")[1][0]["number"] == "+31 20 555 0100"


def test_an_enterprise_with_nothing_about_work_has_no_work_service():
    data = Data()
    quiet = data.enterprise("quiet")
    hiring = data.enterprise("hiring", jobs=[{"title": "Baker"}])
    assert (works_here(quiet), works_here(hiring)) == (False, True)


def test_standard_exports_match_the_golden_files():
    """Regenerate with `wise export --site-url https://wise.example.org/ --out /tmp/x tests/fixtures/tiny/data`, then
    copy /tmp/x/popolo.json and /tmp/x/hsds/ into tests/fixtures/tiny-exports/standards/."""
    catalog = read_data(FIXTURES / "tiny" / "data", FIXTURES / "tiny" / "docs")
    files = standard_files(catalog, SITE_URL, "Tiny WISE site")
    golden = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file())
    assert sorted(name.removeprefix("data/") for name in files) == golden
    for name, text in files.items():
        with open(GOLDEN / name.removeprefix("data/"), encoding="utf-8", newline="") as handle:
            assert text == handle.read(), name
