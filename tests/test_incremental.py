"""Rebuilding only what an edit touches while `make serve` runs (macros/incremental.py).

The proof that matters: after each edit, the site a dirty rebuild leaves behind is the site a full build of the
edited data makes, while the rebuild rendered only some of the pages."""

from __future__ import annotations

import os
import shutil
import threading
import time

import pytest
from catalogs import Data, holding
from conftest import ROOT

from macros import incremental
from macros.incremental import Reads, TrackingCatalog, affected, changes
from macros.views import buy_social, enterprise, scheme, tracker


def tracked(catalog):
    reads = Reads(catalog)
    return TrackingCatalog(catalog, reads), reads


def test_a_view_depends_on_the_fields_it_reads_of_the_records_it_asks_for():
    data = Data()
    data.enterprise("bakery")
    data.scheme("keur")
    catalog, reads = tracked(data.catalog())
    scheme = catalog.get("scheme", "keur")
    assert scheme.id == "keur" and reads.keys == {("members", "scheme")}
    assert scheme.name
    assert ("field", "scheme", "keur", "name") in reads.keys
    assert not [key for key in reads.keys if key[:2] == ("field", "enterprise")]


def test_going_through_a_whole_kind_depends_on_its_members_and_the_fields_read_of_any_of_them():
    data = Data()
    data.enterprise("bakery")
    data.enterprise("cafe")
    catalog, reads = tracked(data.catalog())
    names = sorted(e.name for e in catalog.all("enterprise"))
    assert len(names) == 2
    assert reads.keys == {("members", "enterprise"), ("field", "enterprise", "*", "name")}


def test_a_back_reference_depends_on_the_field_it_is_derived_from():
    data = Data()
    data.post("alderman")
    data.official("anna", memberships=[holding("alderman", "2022-01-01")])
    catalog, reads = tracked(data.catalog())
    holders = catalog.current_holders("alderman")
    assert [o.id for o in holders] == ["anna"] and holders[0] == data.catalog().get("official", "anna")
    assert reads.keys == {("field", "official", "*", "memberships"), ("members", "official")}


def test_labels_depend_on_their_vocabularys_entries():
    catalog, reads = tracked(Data().catalog())
    catalog.label("sectors", "catering")
    assert reads.keys == {("field", "vocabulary", "sectors", "entries")}


def test_the_glossarys_terms_depend_on_the_glossarys_terms():
    data = Data()
    data.glossary()
    catalog, reads = tracked(data.catalog())
    assert catalog.glossary_terms()
    assert reads.keys == {("field", "glossary", "*", "terms"), ("members", "glossary")}


def test_an_edit_touches_the_fields_it_changed_and_members_only_when_records_come_or_go():
    before, after = Data(), Data()
    old = before.enterprise("bakery", summary="Bread.")
    after.enterprise("bakery", summary="Bread and cake.")
    after.enterprise("cafe")
    catalog = after.catalog()
    keys = changes({("enterprise", "bakery"): old}, catalog, {("enterprise", "bakery")})
    assert ("field", "enterprise", "bakery", "summary") in keys and ("field", "enterprise", "*", "summary") in keys
    assert ("field", "enterprise", "*", "name") not in keys and ("members", "enterprise") not in keys and ("refs",) not in keys
    added = changes({}, catalog, {("enterprise", "cafe")})
    assert ("members", "enterprise") in added and ("field", "enterprise", "*", "name") in added and ("refs",) in added


def test_only_pages_whose_reads_hold_a_touched_key_are_affected():
    depends = {
        "showcase/a/index.md": frozenset({("field", "enterprise", "a", "summary")}),
        "showcase/index.md": frozenset({("members", "enterprise"), ("field", "enterprise", "*", "summary")}),
        "lobby/officials/o/index.md": frozenset({("field", "enterprise", "*", "district")}),
    }
    touched = {("field", "enterprise", "a", "summary"), ("field", "enterprise", "*", "summary")}
    assert affected(depends, touched) == {"showcase/a/index.md", "showcase/index.md"}
    assert affected(depends, set()) == set()


# -- serving: dirty rebuilds against full builds ------------------------------------------------------------------
def differences(served, built) -> list[str]:
    """The files that differ between two built sites (only in one, or with other bytes), by path."""
    a, b = site_files(served), site_files(built)
    return sorted(path for path in a.keys() | b.keys() if a.get(path) != b.get(path))


def site_files(site) -> dict:
    """Every built file but the search index (rebuilt beside a server, in the background), and every folder."""
    tops = [p for p in site.iterdir() if p.name not in ("pagefind", ".pagefind-new", ".pagefind-old")]
    files = [f for top in tops for f in ([top] if top.is_file() else [top, *top.rglob("*")])]
    return {f.relative_to(site).as_posix(): f.read_bytes() if f.is_file() else None for f in files}


@pytest.fixture(params=["tiny", "project"])
def serving(request, tiny, tmp_path, monkeypatch):
    """A site served with `--dirty` (the tiny fixture, and a copy of the project with its blog, tags and macro
    pages): `rebuild()` is one rebuild of the server, `full()` a fresh build of the same files."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    if request.param == "project":
        tiny = tmp_path / "project"
        for name in ("data", "docs", "overrides", "macros"):
            shutil.copytree(ROOT / name, tiny / name)
        shutil.copy(ROOT / "mkdocs.yml", tiny / "mkdocs.yml")
    elif not (tiny / "overrides").exists():
        shutil.copytree(ROOT / "overrides", tiny / "overrides")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.chdir(tiny)
    monkeypatch.setattr(incremental, "SESSIONS", {})
    # Set here so that the teardown puts back the value from before the test: `rebuild()` turns serving on (the
    # plugin's on_startup), and a later test's build must not run as a server's rebuild.
    monkeypatch.setattr(incremental, "SERVING_DIRTY", False)
    served = tmp_path / "served"

    def rebuild():
        config = load_config(str(tiny / "mkdocs.yml"), site_dir=str(served))
        config.plugins.on_startup(command="serve", dirty=True)
        build(config, dirty=True)
        session = incremental.SESSIONS[str(tiny / "mkdocs.yml")]
        session.settle()  # the exports and embeds are made again beside the server
        return session

    def full(name: str):
        out = tmp_path / name
        config = load_config(str(tiny / "mkdocs.yml"), site_dir=str(out))
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        return out

    yield tiny, served, rebuild, full, request.param


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    later = time.time() + 2  # past the file system's time resolution, as an editor's save would be
    os.utime(path, (later, later))


@pytest.mark.slow
def test_serving_ends_with_the_test(serving):
    *_, rebuild, _, which = serving
    if which == "tiny":
        rebuild()
        assert incremental.SERVING_DIRTY


def test_no_build_runs_as_a_servers_rebuild_after_the_serving_tests():
    """Runs after the test above (pytest keeps a file's order): its serving does not outlive it."""
    assert incremental.SERVING_DIRTY is False and incremental.SESSIONS == {}


@pytest.mark.slow
def test_a_build_after_serving_in_the_same_process_uses_no_session(serving):
    """MkDocs keeps the plugin object between builds of one process; a plain build after a server's rebuilds must
    still make everything from its own data, nothing from the server's session."""
    tiny, served, rebuild, full, which = serving
    if which != "tiny":
        pytest.skip("the tiny site is enough")
    rebuild()
    edit(tiny / "data" / "enterprises" / "kantine.yml", "name: De Kantine", "name: De Kantine Noord")
    rebuild()
    built = full("after-serving")
    assert b"De Kantine Noord" in (built / "embed" / "enterprise" / "kantine" / "index.html").read_bytes()
    assert not [t for t in threading.enumerate() if t.name.endswith(("(refresh_made)", "(index)"))]


@pytest.mark.slow
def test_an_edit_renders_only_the_pages_it_touches_and_leaves_the_site_a_full_build_makes(serving):
    site, served, rebuild, full, _ = serving
    first = rebuild()
    everything = set(first.rendered)
    enterprise = sorted((site / "data" / "enterprises").glob("*.yml"))[0]
    record = f"showcase/{enterprise.stem}/index.md"
    lines = enterprise.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("summary:"))
    # A summary is one line, or one line per language beneath it: then the first language's is edited.
    if lines[at].strip() == "summary:":
        edit(enterprise, lines[at + 1], lines[at + 1].split(":", 1)[0] + ': "A workplace where newcomers train for jobs."')
    else:
        edit(enterprise, lines[at], "summary: A workplace where newcomers train for jobs.")
    session = rebuild()
    assert record in session.rendered and "showcase/index.md" in session.rendered
    assert session.rendered < everything
    assert not [uri for uri in session.rendered if uri.startswith(("seminars/", "lobby/posts/")) and uri.count("/") > 2]
    assert differences(served, full("after-summary")) == []

    name = next(line for line in enterprise.read_text(encoding="utf-8").splitlines() if line.startswith("name:"))
    edit(enterprise, name, "name: A New Name For This Enterprise")
    rebuild()
    assert differences(served, full("after-name")) == []


@pytest.mark.slow
def test_a_new_record_and_a_removed_one_are_served_as_a_full_build_would(serving, monkeypatch):
    """With a card a page, the second enterprise brings the long listings' second pages, and takes them away again."""
    tiny, served, rebuild, full, which = serving
    if which != "tiny":
        pytest.skip("the tiny site is enough for adding and removing")
    for view in (buy_social, enterprise):
        monkeypatch.setattr(view, "CARDS", 1)
    for view in (scheme, tracker):
        monkeypatch.setattr(view, "ROWS", 1)
    further = ["showcase/page/2/index.html", "buy-social/page/2/index.html", "certification/page/2/index.html"]
    rebuild()
    assert not [path for path in further if (served / path).exists()]
    items = (served / "showcase" / "items.json").read_bytes()
    shutil.copy(tiny / "data" / "enterprises" / "kantine.yml", tiny / "data" / "enterprises" / "tweede-kantine.yml")
    edit(tiny / "data" / "enterprises" / "tweede-kantine.yml", "name: De Kantine", "name: De Tweede Kantine")
    session = rebuild()
    assert (served / "showcase" / "tweede-kantine" / "index.html").is_file()
    assert [path for path in further if (served / path).is_file()] == further
    assert {path.replace(".html", ".md") for path in further} <= session.rendered
    assert (served / "showcase" / "items.json").read_bytes() != items
    assert differences(served, full("added")) == []
    (tiny / "data" / "enterprises" / "tweede-kantine.yml").unlink()
    rebuild()
    assert not (served / "showcase" / "tweede-kantine" / "index.html").exists()
    assert not [path for path in further if (served / path).exists()]
    assert (served / "showcase" / "items.json").read_bytes() == items
    assert differences(served, full("removed")) == []
    # An official's page comes with files beside it (their feed, and the sitemap the theme asks for there).
    shutil.copy(tiny / "data" / "officials" / "an-alderman.yml", tiny / "data" / "officials" / "another-alderman.yml")
    edit(tiny / "data" / "officials" / "another-alderman.yml", "name: An Alderman", "name: Another Alderman")
    rebuild()
    assert (served / "lobby" / "officials" / "another-alderman" / "feed.xml").is_file()
    (tiny / "data" / "officials" / "another-alderman.yml").unlink()
    rebuild()
    assert not [p.name for p in (served / "lobby" / "officials" / "another-alderman").rglob("*") if p.is_file()]
    assert differences(served, full("official-removed")) == []


@pytest.mark.slow
def test_edits_that_reach_pages_through_references_are_served_as_a_full_build_would(serving):
    """An official's name (shown on posts, positions, briefings), a district's label (on every enterprise there and
    its district page), a network's members (on the members' pages), an official's post (on both posts' pages), a
    glossary term's definition (the tooltip of its first use on every record page), a decision's outcome and a
    party's vote (on ask timelines, officials' votes, the scorecard), a party's label (on officials and the
    scorecard's parties) and a contact (an official's last contact)."""
    site, served, rebuild, full, which = serving
    if which != "project":
        pytest.skip("the project's data has the references")
    rebuild()
    data = site / "data"
    for step, (path, old, new) in enumerate(
        [
            ("officials/anna-de-vries.yml", "name: Anna de Vries", "name: Anna de Vries-Bakker"),
            ("vocabularies/districts.yml", "label:\n      nl: Centrum\n", "label:\n      nl: Centrum (binnenstad)\n"),
            ("networks/circulair-ambacht.yml", "  - repair-cafe-zuid\n", ""),
            ("officials/anna-de-vries.yml", "  - post: wethouder-zorg", "  - post: raadslid-sociaal-domein"),
            ("glossary.yml", "a business that sells real products", "a company that sells real products"),
            ("decisions/motion-outcome-reporting-2024.yml", "outcome: rejected", "outcome: adopted"),
            ("decisions/motion-outcome-reporting-2024.yml", "{party: pvda, vote: against}", "{party: pvda, vote: for}"),
            ("vocabularies/parties.yml", "label:\n      nl: GroenLinks\n", "label:\n      nl: GroenLinks (fractie)\n"),
            ("officials/joost-van-dijk.yml", "    kind: call\n", "    kind: meeting\n"),
        ]
    ):
        edit(data / path, old, new)
        session = rebuild()
        assert session.rendered, path
        assert differences(served, full(f"step-{step}")) == [], path
