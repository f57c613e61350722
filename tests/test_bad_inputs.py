"""Bad input the data spine refuses or keeps as written, one test per kind (docs/reference/bad-input.md lists them all).

Each test has a failing case asserting the exact problem line an editor sees, and a passing
case. Kinds that need a built site live in test_build.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, build, problems, write

from macros.data import read_data

E = "data/enterprises/kantine.yml"
BASE = """example: true
name: De Kantine
summary: A canteen that trains newcomers.
sector: catering
district: oost
"""


def enterprise(site: Path, extra: str = "", base: str | bytes = BASE) -> Path:
    return write(site, "enterprises/kantine.yml", base + (extra.encode() if isinstance(base, bytes) else extra))


def record(site: Path, kind: str = "enterprise", record_id: str = "kantine"):
    return read_data(site / "data", site / "docs").get(kind, record_id)


UNSAFE_YAML = re.compile(
    r"\byaml\s*\.\s*(load|safe_load|full_load|unsafe_load|load_all|safe_load_all|compose|compose_all|parse)\b|from\s+yaml\s+import\s+[^\n]*\b(load|safe_load|full_load|unsafe_load|Loader|SafeLoader|FullLoader|UnsafeLoader)\b"
)


def unsafe_yaml_uses(source: str) -> list[str]:
    """Lines that read YAML with anything but macros/load.py."""
    return [line.strip() for line in source.splitlines() if UNSAFE_YAML.search(line)]


def test_only_the_strict_loader_reads_yaml():
    assert unsafe_yaml_uses("import yaml\ndata = yaml.safe_load(text)\n") == ["data = yaml.safe_load(text)"]
    assert unsafe_yaml_uses("from yaml import FullLoader\n") == ["from yaml import FullLoader"]
    offenders = {
        path.relative_to(ROOT).as_posix(): unsafe_yaml_uses(path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "macros").rglob("*.py"))
        if path.name != "load.py"
    }
    assert {path: found for path, found in offenders.items() if found} == {}


def test_yaml_tags_are_refused_and_nothing_runs(tiny, tmp_path):
    marker = tmp_path / "ran"
    enterprise(tiny, f'legal_form: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert problems(tiny / "data") == [f"{E}:6:13: error: legal_form: tags are not allowed: 'tag:yaml.org,2002:python/object/apply:os.system' [yaml-tag]"]
    assert not marker.exists()
    enterprise(tiny, "legal_form: !custom BV\n")
    assert problems(tiny / "data") == [f"{E}:6:13: error: legal_form: tags are not allowed: '!custom' [yaml-tag]"]
    enterprise(tiny, "legal_form: BV\n")
    assert problems(tiny / "data") == []


def test_a_duplicate_key_is_refused_naming_both_lines(tiny):
    enterprise(tiny, "name: Other name\n")
    assert problems(tiny / "data") == [f"{E}:6:1: error: name: key 'name' appears twice in one mapping: lines 2 and 6 [duplicate-key]"]
    enterprise(tiny)
    assert problems(tiny / "data") == []


def test_yaml_1_1_booleans_and_nulls_stay_text(tiny):
    enterprise(tiny, "legal_form: NO\nhow_to_apply: Null\naddress:\n  street: 'off'\n  city: ~\n  postcode: yes\n")
    e = record(tiny)
    assert (e.legal_form, e.how_to_apply, e.address.street, e.address.city, e.address.postcode) == ("NO", "Null", "off", "~", "yes")


def test_true_in_a_text_field_is_an_error(tiny):
    enterprise(tiny, "legal_form: true\n")
    assert problems(tiny / "data") == [f"{E}:6:13: error: legal_form: must be text, not true/false (quote it if you mean the word) [type]"]


def test_numbers_written_as_text_are_kept_exactly(tiny):
    enterprise(tiny, "address:\n  postcode: 01234\n  street: 12:30\n  city: 1.10\ncontact:\n  phone: 0612345670\n")
    e = record(tiny)
    assert (e.address.postcode, e.address.street, e.address.city, e.contact.phone) == ("01234", "12:30", "1.10", "0612345670")


def test_a_number_field_refuses_leading_zeros(tiny):
    enterprise(tiny, "founded: 02012\n")
    assert problems(tiny / "data") == [f"{E}:6:10: error: founded: must be a whole number: '02012' [number]"]
    enterprise(tiny, "founded: 2012\n")
    assert record(tiny).founded == 2012


def test_impossible_dates_are_refused_at_their_line(tiny):
    enterprise(tiny, "certifications:\n  - scheme: keurmerk\n    status: certified\n    since: 2024-02-30\n    until: 2024-13-01\n")
    assert problems(tiny / "data") == [
        f"{E}:9:12: error: certifications[0].since: is not a real date: '2024-02-30' [date]",
        f"{E}:10:12: error: certifications[0].until: is not a real date: '2024-13-01' [date]",
    ]


def test_an_end_before_its_start_is_refused(tiny):
    enterprise(tiny, "certifications:\n  - scheme: keurmerk\n    status: certified\n    since: 2024-02-01\n    until: 2023-01-31\n")
    assert problems(tiny / "data") == [f"{E}:10:12: error: certifications[0].until: 2023-01-31 is before since 2024-02-01 [date-order]"]
    enterprise(tiny, "certifications:\n  - scheme: keurmerk\n    status: certified\n    since: 2024-02-29\n    until: 2027-01-31\n")
    assert problems(tiny / "data") == []


def test_tab_indentation_is_refused_with_its_position(tiny):
    enterprise(tiny, "address:\n\tstreet: Damrak 1\n")
    assert problems(tiny / "data") == [f"{E}:7:1: error: address: tab characters cannot indent YAML; use spaces [yaml-syntax]"]


def test_a_file_that_is_not_utf8_is_refused(tiny):
    enterprise(tiny, base=(BASE + "legal_form: coöperatie\n").encode("latin-1"))
    assert problems(tiny / "data") == [f"{E}:6:15: error: file: is not valid UTF-8 (byte 0xf6); save the file as UTF-8 [encoding]"]


def test_nul_bytes_and_escaped_controls_are_refused(tiny):
    enterprise(tiny, base=(BASE + "legal_form: B\x00V\n").encode())
    assert problems(tiny / "data") == [f"{E}:6:14: error: file: control character U+0000 is not allowed [control-character]"]
    enterprise(tiny, 'legal_form: "B\\0V"\n')
    assert problems(tiny / "data") == [f"{E}:6:13: error: legal_form: control character U+0000 is not allowed [control-character]"]


def test_a_lone_surrogate_is_refused(tiny):
    enterprise(tiny, 'legal_form: "\\ud800"\n')
    assert problems(tiny / "data") == [f"{E}:6:16: error: legal_form: invalid YAML: found invalid Unicode character escape code [yaml-syntax]"]
    enterprise(tiny, base=BASE.encode() + b"legal_form: \xed\xa0\x80\n")
    assert problems(tiny / "data") == [f"{E}:6:13: error: file: is not valid UTF-8 (byte 0xed); save the file as UTF-8 [encoding]"]
    enterprise(tiny, 'legal_form: "\\u00e9\\U0001F600"\n')
    assert record(tiny).legal_form == "é😀"


def test_empty_comment_only_and_list_files_are_refused(tiny):
    enterprise(tiny, base="")
    write(tiny, "posts/wethouder.yml", "# nothing here yet\n")
    write(tiny, "networks/kantine-netwerk.yml", "- name: Kantine network\n")
    assert problems(tiny / "data") == [
        "data/enterprises/kantine.yml:1:1: error: file: is empty: a record needs its fields [empty-file]",
        "data/networks/kantine-netwerk.yml:1:1: error: file: must be a mapping of fields (name: value), found a list [not-a-mapping]",
        "data/posts/wethouder.yml:1:1: error: file: is empty: a record needs its fields [empty-file]",
    ]


def test_a_second_yaml_document_is_refused(tiny):
    enterprise(tiny, "---\nname: Hidden\n")
    assert problems(tiny / "data") == [f"{E}:6:1: error: file: only one YAML document per file: found a second one after `---` [multiple-documents]"]
    enterprise(tiny, base="---\n" + BASE)
    assert problems(tiny / "data") == []


def test_anchors_and_aliases_are_refused(tiny):
    enterprise(tiny, "legal_form: &lf BV\nhow_to_apply: *lf\n")
    assert problems(tiny / "data") == [
        f"{E}:6:13: error: legal_form: anchors and aliases are not allowed: '&lf' [yaml-alias]",
        f"{E}:7:15: error: how_to_apply: anchors and aliases are not allowed: '*lf' [yaml-alias]",
    ]


def test_an_alias_bomb_is_refused_without_expanding(tiny):
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
    write(tiny, "posts/wethouder.yml", bomb)
    found = problems(tiny / "data")
    assert found[0] == "data/posts/wethouder.yml:1:4: error: a: anchors and aliases are not allowed: '&a' [yaml-alias]"
    assert all("[yaml-alias]" in line for line in found)


def test_a_file_over_one_megabyte_is_refused(tiny):
    enterprise(tiny, "description: |\n" + ("  " + "x" * 98 + "\n") * 10_100)
    assert problems(tiny / "data") == [f"{E}:1:1: error: file: is 1,020,220 bytes; the limit is 1,000,000 [file-too-large]"]


def test_nesting_a_thousand_deep_is_refused(tiny):
    enterprise(tiny, "description: " + "[" * 1000 + "]" * 1000 + "\n")
    assert problems(tiny / "data") == [f"{E}:6:1013: error: description[0]: nested more than 32 levels deep [too-deep]"]


def test_misspelled_and_unknown_fields_are_refused(tiny):
    enterprise(tiny, "adress:\n  street: Damrak 1\nemployee_names: [Jan]\n")
    assert problems(tiny / "data") == [
        f"{E}:6:1: error: adress: unknown field; did you mean 'address'? [unknown-field]",
        f"{E}:8:1: error: employee_names: unknown field; allowed: example, name, summary, description, sector, district, target_groups, offerings, address, geo, website, contact, legal_form, founded, how_to_apply, serves, certifications, figures, jobs, easy_read [unknown-field]",
    ]


def test_an_unknown_nested_field_is_refused(tiny):
    enterprise(tiny, "figures:\n  - year: 2024\n    jobs_target_grup: 4\n")
    assert problems(tiny / "data") == [f"{E}:8:5: error: figures[0].jobs_target_grup: unknown field; did you mean 'jobs_target_group'? [unknown-field]"]


def test_a_missing_required_field_is_named_at_its_mapping(tiny):
    enterprise(tiny, base="example: true\nname: De Kantine\nsector: catering\n")
    assert problems(tiny / "data") == [
        f"{E}:1:1: error: district: is required [required]",
        f"{E}:1:1: error: summary: is required [required]",
    ]


def test_a_missing_nested_field_points_at_its_mapping(tiny):
    enterprise(tiny, "offerings:\n  - category: catering\n")
    assert problems(tiny / "data") == [f"{E}:7:5: error: offerings[0].name: is required [required]"]


def test_a_reference_to_a_missing_record_names_it_and_its_kind(tiny):
    text = (tiny / "data/positions/buy-social.yml").read_text().replace("officials: [an-alderman]", "officials: [jan-jansen]")
    write(tiny, "positions/buy-social.yml", text)
    write(tiny, "campaigns/week.yml", "name: Week\ngoal: More.\nenterprises: [kantien]\n")
    assert problems(tiny / "data") == [
        "data/campaigns/week.yml:3:15: error: enterprises[0]: no enterprise 'kantien'; did you mean 'kantine'? [unknown-reference]",
        "data/positions/buy-social.yml:14:21: error: asks[0].history[0].officials[0]: no official 'jan-jansen' [unknown-reference]",
    ]


def test_colliding_ids_name_both_files(tiny):
    write(tiny, "enterprises/kantine.yaml", BASE)
    assert problems(tiny / "data") == [
        "data/enterprises/kantine.yml:1:1: error: file: has the same id 'kantine' as data/enterprises/kantine.yaml; ids must be unique within a kind [duplicate-id]"
    ]


def test_names_that_slug_alike_are_refused(tiny):
    write(tiny, "enterprises/kantine-2.yml", BASE.replace("De Kantine", "De  kantine!"))
    assert problems(tiny / "data") == [
        "data/enterprises/kantine.yml:2:7: error: name: 'De Kantine' is also the name of data/enterprises/kantine-2.yml [duplicate-name]"
    ]


def test_file_names_that_are_not_ids_are_refused(tiny):
    write(tiny, "enterprises/De Kantine.yml", BASE.replace("De Kantine", "Other"))
    assert problems(tiny / "data") == [
        "data/enterprises/De Kantine.yml:1:1: error: file: the file name is the id and must be like 'my-name-2' (a-z, 0-9, single hyphens, at most 64 characters): 'De Kantine' [id]"
    ]


def test_misplaced_files_are_not_silently_ignored(tiny):
    write(tiny, "enterprise/other.yml", BASE)
    write(tiny, "enterprises/notes.txt", "x")
    assert problems(tiny / "data") == [
        "data/enterprise:1:1: error: file: is not read by any kind; expected one of: README.md, campaigns, decisions, enterprises, glossary.yml, manifesto.yml, monitoring, networks, officials, positions, posts, procurement.yml, schemas, schemes, seminars, vocabularies [unknown-file]",
        "data/enterprises/notes.txt:1:1: error: file: is not a .yml record file; records are <id>.yml directly in their kind's folder [unknown-file]",
    ]


def test_urls_must_be_http_or_https(tiny):
    bad = [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,x",
        "vbscript:msgbox",
        "https://user:pw@example.org/",
        "https://exa mple.org",
        "//example.org/x",
        "ftp://example.org",
    ]
    for url in bad:
        enterprise(tiny, f"website: {url!r}\n".replace("'", '"').replace("\t", "\\t"))
        found = problems(tiny / "data")
        assert len(found) == 1 and found[0].startswith(f"{E}:6:10: error: website: must be an http(s) URL: ") and found[0].endswith("[url-scheme]"), (
            url,
            found,
        )
    enterprise(tiny, "website: https://kantine.example.org/over-ons?x=1#top\n")
    assert problems(tiny / "data") == []


def test_mailto_only_where_a_field_allows_it(tiny):
    enterprise(tiny, "website: mailto:info@example.org\ncontact:\n  email: 'javascript:alert(1)'\n")
    assert problems(tiny / "data") == [
        f"{E}:6:10: error: website: must be an http(s) URL: 'mailto:info@example.org' [url-scheme]",
        f"{E}:8:10: error: contact.email: must be an e-mail address like info@example.org: 'javascript:alert(1)' [email]",
    ]


def test_there_is_no_field_for_workers_personal_data(tiny):
    enterprise(tiny, "figures:\n  - year: 2024\n    worker_birth_dates: [1990-01-01]\n")
    assert problems(tiny / "data")[0].endswith("[unknown-field]")
    write(
        tiny,
        "officials/an-alderman.yml",
        "name: An Alderman\nhome_address: Damrak 1\nmemberships:\n  - post: wethouder\n    start: 2022-06-01\nsources: [https://example.org/a]\n",
    )
    assert (
        problems(tiny / "data")[-1]
        == "data/officials/an-alderman.yml:2:1: error: home_address: unknown field; allowed: example, name, party, memberships, contact, sources, contacts [unknown-field]"
    )


def test_an_official_needs_a_public_source(tiny):
    write(tiny, "officials/an-alderman.yml", "name: An Alderman\nmemberships:\n  - post: wethouder\n    start: 2022-06-01\n")
    assert problems(tiny / "data") == ["data/officials/an-alderman.yml:1:1: error: sources: is required [required]"]
    write(tiny, "officials/an-alderman.yml", "name: An Alderman\nmemberships:\n  - post: wethouder\n    start: 2022-06-01\nsources: []\n")
    assert problems(tiny / "data") == ["data/officials/an-alderman.yml:5:10: error: sources: needs at least 1 entry [required]"]


def test_an_unknown_vocabulary_value_names_the_allowed_ones(tiny):
    enterprise(tiny, base=BASE.replace("sector: catering", "sector: catring"))
    assert problems(tiny / "data") == [f"{E}:4:9: error: sector: no sector 'catring'; did you mean 'catering'? allowed: catering [unknown-reference]"]


# -- beyond the table ----------------------------------------------------------------------
def test_bidirectional_controls_are_refused(tiny):
    enterprise(tiny, 'legal_form: "BV \\u202e reverse"\n')
    assert problems(tiny / "data") == [f"{E}:6:13: error: legal_form: bidirectional control character U+202E is not allowed [control-character]"]


def test_symbolic_links_are_not_followed(tiny, tmp_path):
    secret = tmp_path / "secret.yml"
    secret.write_text(BASE.replace("De Kantine", "Secret"))
    (tiny / "data/enterprises/secret.yml").symlink_to(secret)
    assert problems(tiny / "data") == ["data/enterprises/secret.yml:1:1: error: file: is a symbolic link; records must be regular files [unreadable]"]


def test_network_membership_is_written_on_the_network_only(tiny):
    write(tiny, "enterprises/kantine.yml", (tiny / "data/enterprises/kantine.yml").read_text() + "networks: [kantine-netwerk]\n")
    assert problems(tiny / "data") == [
        "data/enterprises/kantine.yml:20:11: error: networks: is not written here: membership is written once, on the network: "
        "add this enterprise's id to `members` in data/networks/<network>.yml [one-side]"
    ]


def test_dates_outside_1900_to_2100_are_refused(tiny):
    enterprise(tiny, "certifications:\n  - {scheme: keurmerk, status: certified, since: 0001-01-01, until: 9999-12-31}\n")
    assert problems(tiny / "data") == [
        "data/enterprises/kantine.yml:7:50: error: certifications[0].since: must lie between 1900 and 2100: '0001-01-01' [date]",
        "data/enterprises/kantine.yml:7:69: error: certifications[0].until: must lie between 1900 and 2100: '9999-12-31' [date]",
    ]


def test_a_local_time_the_clocks_skip_is_refused(tiny):
    write(tiny, "seminars/procurement-101.yml", "title: P\nstart: 2026-03-29T02:30\nlocation: {name: Hall}\n")
    assert problems(tiny / "data") == [
        "data/seminars/procurement-101.yml:2:8: error: start: does not exist in Amsterdam (the clocks skip it when summer time starts): '2026-03-29T02:30' [date]"
    ]
    write(tiny, "seminars/procurement-101.yml", "title: P\nstart: 2026-03-29T03:30\nlocation: {name: Hall}\n")
    assert problems(tiny / "data") == []


def test_numbers_with_more_digits_than_a_figure_needs_are_refused(tiny):
    write(tiny, "monitoring/2024.yml", f"year: 2024\nsource: {{title: T}}\nmeasures: {{enterprises: {'9' * 400}, jobs_target_group: 1.1234567}}\n")
    assert problems(tiny / "data") == [
        "data/monitoring/2024.yml:3:25: error: measures.enterprises: has more digits than a figure needs (at most 12 before the point and 6 after): '"
        + "9" * 77
        + "...' [number]",
        "data/monitoring/2024.yml:3:446: error: measures.jobs_target_group: has more digits than a figure needs (at most 12 before the point and 6 after): '1.1234567' [number]",
    ]


def test_markdown_beyond_its_budget_is_refused(tiny):
    write(tiny, "networks/kantine-netwerk.yml", f'name: N\nkind: network\nsummary: S\ndescription: "{"[" * 201}"\nmembers: [kantine]\n')
    assert problems(tiny / "data") == [
        "data/networks/kantine-netwerk.yml:4:14: error: description: has more than 200 '[' open at once (write \\[ for a literal bracket) [markdown-budget]"
    ]
    write(tiny, "networks/kantine-netwerk.yml", f'name: N\nkind: network\nsummary: S\ndescription: "{"> " * 11}deep"\nmembers: [kantine]\n')
    assert problems(tiny / "data") == ["data/networks/kantine-netwerk.yml:4:14: error: description: nests quotes or lists more than 10 deep [markdown-budget]"]
    write(tiny, "networks/kantine-netwerk.yml", f'name: N\nkind: network\nsummary: S\ndescription: "{"[a] " * 300}"\nmembers: [kantine]\n')
    assert problems(tiny / "data") == []


def test_ids_windows_reserves_are_refused(tiny):
    write(tiny, "posts/nul.yml", "title: Null post\nbody: council\n")
    write(tiny, "posts/console.yml", "title: Console\nbody: council\n")
    assert problems(tiny / "data") == [
        "data/posts/nul.yml:1:1: error: file: 'nul' is a name Windows reserves for a device, so the checkout breaks there; rename the file [id]"
    ]


def test_names_in_other_scripts_are_told_apart_and_compared_by_their_letters(tiny):
    write(tiny, "posts/kyiv.yml", "title: Київ\nbody: council\n")
    write(tiny, "posts/lviv.yml", "title: Львів\nbody: council\n")
    write(tiny, "posts/tokyo.yml", "title: 東京\nbody: council\n")
    assert problems(tiny / "data") == []
    write(tiny, "posts/kyiv-again.yml", "title: КИЇВ\nbody: council\n")
    assert problems(tiny / "data") == ["data/posts/kyiv.yml:1:8: error: title: 'Київ' is also the title of data/posts/kyiv-again.yml [duplicate-name]"]


def test_dot_files_and_symbolic_links_under_data_are_named_not_skipped(tiny, tmp_path):
    write(tiny, "enterprises/.yml", "name: Hidden\n")
    (tiny / "data" / ".drafts").mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "ghost.yml").write_text("title: Ghost\nbody: council\n")
    (tiny / "data" / "posts").rename(tmp_path / "posts")
    (tiny / "data" / "posts").symlink_to(tmp_path / "posts")
    found = problems(tiny / "data")
    assert "data/.drafts:1:1: error: file: starts with a dot, so it is not read; rename it or remove it [skipped-file]" in found
    assert "data/enterprises/.yml:1:1: error: file: starts with a dot, so it is not read; rename it or remove it [skipped-file]" in found
    assert "data/posts:1:1: error: file: is a symbolic link; everything under data/ must be a regular file or folder [unreadable]" in found


def test_an_email_address_that_would_add_mail_headers_is_refused(tiny):
    for address in ("info@example.org?bcc=all@evil.example", "info%0d%0abcc:x@example.org", "a&b@example.org", "info@example.org"):
        enterprise(tiny, f"contact: {{email: '{address}'}}\n")
        found = problems(tiny / "data")
        if address == "info@example.org":
            assert found == []
        else:
            assert found == [
                f"data/enterprises/kantine.yml:6:18: error: contact.email: must be an e-mail address like info@example.org: '{address}' [email]"
            ], address


def test_free_text_with_a_workers_date_of_birth_or_citizen_service_number_is_refused(tiny):
    enterprise(tiny, 'how_to_apply: "Ask for Jan, geboren op 3 maart 1990."\n')
    assert problems(tiny / "data") == [
        "data/enterprises/kantine.yml:6:15: error: how_to_apply: looks like a date of birth ('geboren op 3 maart 1990'); the site stores no personal data about workers [personal-data]"
    ]
    enterprise(tiny, 'how_to_apply: "Our trainee (BSN 123.456.782) started in May."\n')
    assert problems(tiny / "data") == [
        "data/enterprises/kantine.yml:6:15: error: how_to_apply: holds a number that passes the citizen service number (BSN) check ('123.456.782'); "
        "the site stores no personal data about workers [personal-data]"
    ]
    enterprise(tiny, 'how_to_apply: "Call 020 123 4567 or order 123456789; we were born in 2015."\n')
    assert problems(tiny / "data") == []


def test_urls_to_numeric_addresses_or_lookalike_host_names_are_refused(tiny):
    for url, message in (
        ("http://127.0.0.1/admin", "must name a host, not a numeric address"),
        ("http://2130706433/", "must name a host, not a numeric address"),
        ("http://[::1]/", "must name a host, not a numeric address"),
        ("https://pаypal.example/", "has a host name that mixes writing systems (cyrillic, latin), as lookalike addresses do"),
        ("https://xn--pypal-4ve.example/", "has a host name that mixes writing systems (cyrillic, latin), as lookalike addresses do"),
    ):
        enterprise(tiny, f"website: '{url}'\n")
        assert problems(tiny / "data") == [f"data/enterprises/kantine.yml:6:10: error: website: {message}: '{url}' [url-host]"], url
    for url in ("https://münchen.example/", "https://例え.jp/", "https://www.example-123.nl/"):
        enterprise(tiny, f"website: '{url}'\n")
        assert problems(tiny / "data") == [], url


def test_a_map_pin_outside_the_city_is_refused(tiny):
    (tiny / "mkdocs.yml").write_text(
        (tiny / "mkdocs.yml").read_text().replace("macro_pages: [index.md]", "macro_pages: [index.md]\n      city_bounds: [[52.25, 4.70], [52.48, 5.12]]")
    )
    enterprise(tiny, "geo: {lat: 4.9, lon: 52.37}\n")  # latitude and longitude swapped
    assert problems(tiny / "data") == [
        "data/enterprises/kantine.yml:6:6: error: geo: lat 4.9, lon 52.37 lies outside the city (lat 52.25 to 52.48, lon 4.7 to 5.12; mkdocs.yml: city_bounds) [geo]"
    ]
    enterprise(tiny, "geo: {lat: 52.37, lon: 4.9}\n")
    assert problems(tiny / "data") == []


@pytest.mark.slow
def test_a_hand_written_page_at_a_generated_address_fails_the_build_naming_it(tiny, tmp_path):
    (tiny / "docs" / "showcase.md").write_text("# My own showcase\n")
    result = build(tiny, tmp_path / "out")
    assert result.returncode == 1
    assert "docs/showcase.md is at showcase/, the address of a generated page; move or rename it" in result.stdout + result.stderr


# -- council decisions and contacts ----------------------------------------------------------------------------------
D = "data/decisions/reserve-motion.yml"
DECISION = """example: true
title: Motion to reserve contracts
kind: motion
date: 2025-06-12
body: council
summary: Asks the alderman to reserve contracts.
source: https://example.org/motion
outcome: adopted
"""


def decision(site: Path, extra: str = "", base: str = DECISION) -> Path:
    return write(site, "decisions/reserve-motion.yml", base + extra)


def test_a_decisions_bad_votes_are_refused_at_their_line(tiny):
    decision(tiny, "votes:\n  parties:\n    - party: green\n      vote: yes\n  officials:\n    - official: an-alderman\n      vote: for\n")
    assert problems(tiny / "data") == [f"{D}:12:13: error: votes.parties[0].vote: must be one of 'for', 'against' or 'absent': 'yes' [enum]"]
    decision(tiny, "votes:\n  parties:\n    - party: green\n      vote: for\n  officials:\n    - official: an-alderman\n      vote: for\n")
    assert problems(tiny / "data") == [
        f"{D}:14:17: error: votes.officials[0].official: 'an-alderman' held no council post on 2025-06-12, so has no vote of their own to record [vote]"
    ]
    decision(tiny, "votes: {}\n")
    assert problems(tiny / "data") == [
        f"{D}:9:8: error: votes: records no vote: give the parties' votes (and the officials' where recorded), or leave `votes` out [invalid]"
    ]
    decision(tiny, "votes:\n  parties:\n    - party: green\n      vote: for\n")
    assert problems(tiny / "data") == []


def test_a_vote_by_an_unknown_party_is_refused_naming_the_parties(tiny):
    decision(tiny, "votes:\n  parties:\n    - party: gren\n      vote: for\n")
    assert problems(tiny / "data") == [
        f"{D}:11:14: error: votes.parties[0].party: no party 'gren'; did you mean 'green'? allowed: green, red [unknown-reference]"
    ]


def test_a_decision_without_a_date_is_refused_at_its_mapping(tiny):
    decision(tiny, base=DECISION.replace("date: 2025-06-12\n", ""), extra="votes:\n  parties: [{party: green, vote: for}]\n")
    assert problems(tiny / "data") == [f"{D}:1:1: error: date: is required [required]"]
    decision(tiny, base=DECISION.replace("date: 2025-06-12", "date:"))
    assert problems(tiny / "data") == [f"{D}:4:6: error: date: is required: the value is empty [required]"]


def test_the_asks_and_articles_a_decision_names_must_exist(tiny):
    decision(tiny, "asks:\n  - {position: buy-social, ask: reserved}\n  - {position: buy-socal, ask: reserve}\narticles: [wrok]\n")
    assert problems(tiny / "data") == [
        f"{D}:10:33: error: asks[0].ask: no ask 'reserved' in position 'buy-social'; its asks: reserve [unknown-reference]",
        f"{D}:11:16: error: asks[1].position: no position 'buy-socal'; did you mean 'buy-social'? [unknown-reference]",
        f"{D}:12:12: error: articles[0]: no manifesto article 'wrok'; did you mean 'work'? articles: work [unknown-reference]",
    ]
    decision(tiny, "asks:\n  - {position: buy-social, ask: reserve}\narticles: [work]\n")
    assert problems(tiny / "data") == []


def test_contacts_name_officials_in_their_public_role_and_no_one_else(tiny):
    text = (tiny / "data/officials/an-alderman.yml").read_text()
    write(tiny, "officials/an-alderman.yml", text + "  - date: 2025-05-01\n    kind: dinner\n    with: Jan, her neighbour\n    source: https://example.org/x\n")
    assert problems(tiny / "data") == [
        "data/officials/an-alderman.yml:14:11: error: contacts[1].kind: must be one of 'meeting', 'letter', 'hearing' or 'call': 'dinner' [enum]",
        "data/officials/an-alderman.yml:15:5: error: contacts[1].with: unknown field; allowed: date, kind, note, source [unknown-field]",
    ]
    position = (tiny / "data/positions/buy-social.yml").read_text()
    write(tiny, "officials/an-alderman.yml", text)
    write(tiny, "positions/buy-social.yml", position.replace("    officials:\n      - an-alderman\n", ""))
    assert problems(tiny / "data") == ["data/positions/buy-social.yml:18:5: error: contacts[0].officials: is required [required]"]


# -- text in the site's languages ------------------------------------------------------------------------------------
def bilingual(site: Path) -> Path:
    """The tiny site with English (its texts' language) as the default and Dutch beside it."""
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("      macro_pages: [index.md]\n", "      macro_pages: [index.md]\n      languages: [en, nl]\n")
    )
    return site


def test_a_text_in_a_language_the_site_does_not_have_is_refused_at_its_key(tiny):
    bilingual(tiny)
    enterprise(tiny, base=BASE.replace("summary: A canteen that trains newcomers.\n", "summary:\n  en: A canteen that trains newcomers.\n  fr: Une cantine.\n"))
    assert problems(tiny / "data") == [f"{E}:5:3: error: summary.fr: 'fr' is not a language of this site; write the text under one of en, nl [language]"]
    enterprise(tiny, "how_to_apply: {NL: Bel ons., en: Call us.}\n")
    assert problems(tiny / "data") == [f"{E}:6:16: error: how_to_apply.NL: 'NL' is not a language of this site; write the text under one of en, nl [language]"]
    enterprise(tiny, base=BASE.replace("summary: A canteen that trains newcomers.\n", "summary:\n  en: A canteen that trains newcomers.\n  nl: Een kantine.\n"))
    assert problems(tiny / "data") == []
    e = record(tiny)
    assert e.summary == "A canteen that trains newcomers." and e.summary.translations == {"en": "A canteen that trains newcomers.", "nl": "Een kantine."}


def test_a_site_of_one_language_takes_text_in_that_language_only(tiny):
    enterprise(tiny, "how_to_apply: {nl: Bel ons.}\n")
    assert problems(tiny / "data") == [f"{E}:6:16: error: how_to_apply.nl: 'nl' is not a language of this site; write the text under en [language]"]
    enterprise(tiny, "how_to_apply: {en: Call us.}\n")
    assert problems(tiny / "data") == [] and record(tiny).how_to_apply.translations == {"en": "Call us."}


def test_an_empty_mapping_or_a_value_that_is_not_text_is_refused_at_its_line(tiny):
    bilingual(tiny)
    enterprise(tiny, "how_to_apply: {}\ndescription:\n  nl: [a, b]\nlegal_form: {en: BV}\neasy_read:\n  en: Easy.\n  nl:\n")
    assert problems(tiny / "data") == [
        f"{E}:6:15: error: how_to_apply: gives the text in no language: write it as plain text, or under one of en, nl [required]",
        f"{E}:8:7: error: description.nl: must be text, not a list [type]",
        f"{E}:9:13: error: legal_form: must be text, not a mapping [type]",  # a legal form is a name: never translated
        f"{E}:12:6: error: easy_read.nl: is required: the value is empty [required]",
    ]
    enterprise(
        tiny, "how_to_apply: {en: Call us., nl: Bel ons.}\ndescription:\n  nl: '*Wij* bakken.'\nlegal_form: BV\neasy_read:\n  en: Easy.\n  nl: Makkelijk.\n"
    )
    assert problems(tiny / "data") == []


def test_each_languages_text_gets_the_fields_own_checks_at_its_line(tiny):
    bilingual(tiny)
    long = "x" * 201
    enterprise(
        tiny,
        base=BASE.replace("summary: A canteen that trains newcomers.\n", f"summary:\n  en: A canteen.\n  nl: {long}\n"),
        extra='description:\n  en: Fine.\n  nl: "Jan, geboren 12-03-1985, werkt hier."\n'
        + 'offerings:\n  - name: {en: Lunches, nl: "Lunch\\nen diner"}\n    category: catering\n',
    )
    assert problems(tiny / "data") == [
        f"{E}:5:7: error: summary.nl: is 201 characters; at most 200 [too-long]",
        f"{E}:10:7: error: description.nl: looks like a date of birth ('geboren 12-03-1985'); the site stores no personal data about workers [personal-data]",
        f"{E}:12:29: error: offerings[0].name.nl: must be a single line [one-line]",
    ]
    write(tiny, "networks/kantine-netwerk.yml", f'name: N\nkind: network\nsummary: S\ndescription: {{en: ok, nl: "{"[" * 201}"}}\nmembers: [kantine]\n')
    assert problems(tiny / "data")[-1] == (
        "data/networks/kantine-netwerk.yml:4:27: error: description.nl: has more than 200 '[' open at once (write \\[ for a literal bracket) [markdown-budget]"
    )
