"""Rebuilding only what an edit touches, while `make serve` runs (`mkdocs serve --dirty`).

Each generated page's view is built from a catalog that notes what it reads (`Reads`): the records it was given or
asked for, and whole kinds where it asked for every record of one (`all`, `count`) or for a back-reference
derived from a kind (the holders of a post come from the officials). A later edit changes some records; the pages
whose reads hold one of them, or their kind where the page read the whole kind, are rendered again, and every
other page is kept as it was. The theme renders again only the pages whose HTML changed: their files, kept in
the session's folder, are newer than the built pages (MkDocs' dirty build compares the two).

The session lives as long as the server (MkDocs makes new plugin objects for every rebuild). Anything that is
not a record (settings, hand-written pages' titles, the site's options) changing means a full rebuild.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import i18n
from .catalog import Catalog, Holding
from .data import ParsedFiles

Key = tuple  # ("field", kind, id or "*", field or "*"), ("members", kind) or ("refs",)
ANY = "*"  # any record of the kind (a page that went through all of them), or any field (a method of the record)

# Back-references: the field of the records they are derived from (the holders of a post come from the officials'
# memberships), whichever record they are asked about.
DERIVED_FROM: dict[str, tuple[tuple[str, str], ...]] = {
    "networks_of": (("network", "members"),),
    "members_of": (("network", "members"),),
    "holdings": (("official", "memberships"),),
    "holders_on": (("official", "memberships"),),
    "current_holders": (("official", "memberships"),),
    "holdings_of": (("official", "memberships"),),
    "positions_for_post": (("position", "targets"),),
    "positions_for_official": (("position", "targets"), ("official", "memberships")),
    "campaigns_using": (("campaign", "positions"), ("campaign", "enterprises"), ("campaign", "targets")),
    "holders_of_scheme": (("enterprise", "certifications"),),
    "signature": (("manifesto", "signatories"),),
    "glossary_terms": (("glossary", "terms"),),
}
CONSTANT = ("id", "source_path")  # a record's id and file never change (another id is another record)


class Reads:
    """What one page's view read from the catalog: the fields of the records it looked at (of every record of a
    kind, where it went through all of them), which kinds it counted, and whether it asked who refers to what."""

    def __init__(self, catalog: Catalog):
        self._kind_of = {id(record): kind for kind in catalog._records for record in catalog._records[kind].values()}
        self.keys: set[Key] = set()

    def kind_of(self, record: Any) -> str | None:
        return self._kind_of.get(id(record))

    def wrap(self, value: Any, who: str | None = None) -> Any:
        """`value` with every record in it (in lists, tuples, holdings) replaced by a `Tracked` one that notes the
        fields read; `who` is ANY for records reached by going through a whole kind."""
        if isinstance(value, list):
            return [self.wrap(item, who) for item in value]
        if isinstance(value, tuple):
            return tuple(self.wrap(item, who) for item in value)
        if isinstance(value, Holding):
            return replace(value, official=self.wrap(value.official, who), post=self.wrap(value.post, who))
        kind = self.kind_of(value)
        return value if kind is None else Tracked(value, kind, who or value.id, self)


class Tracked:
    """A record standing in for itself, noting in `reads` each field read from it."""

    __slots__ = ("_record", "_kind", "_who", "_reads")

    def __init__(self, record: Any, kind: str, who: str, reads: Reads):
        self._record, self._kind, self._who, self._reads = record, kind, who, reads

    def __getattr__(self, name: str) -> Any:
        record = self._record
        if name not in CONSTANT:
            self._reads.keys.add(("field", self._kind, self._who, name if name in type(record).model_fields else ANY))
        return getattr(record, name)

    def __eq__(self, other: object) -> bool:
        return self._record == (other._record if isinstance(other, Tracked) else other)

    def __hash__(self) -> int:
        return hash(self._record)

    def __repr__(self) -> str:
        return f"Tracked({self._record!r})"


def _record(value: Any) -> Any:
    return value._record if isinstance(value, Tracked) else value


class TrackingCatalog:
    """A catalog that notes, in `reads`, what the view built from it depends on, and hands out tracked records."""

    def __init__(self, catalog: Catalog, reads: Reads):
        self._catalog = catalog
        self.reads = reads

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._catalog, name)
        if not callable(value):
            return self.reads.wrap(value)  # the manifesto and the procurement rules are properties

        def noted(*args, **kwargs):
            args = tuple(_record(a) for a in args)
            self._note(name, args)
            every = name in ("all", "positions_for_official") or name in DERIVED_FROM and name not in ("holdings_of", "members_of", "signature")
            return self.reads.wrap(value(*args, **kwargs), ANY if every else None)

        return noted

    def _note(self, name: str, args: tuple) -> None:
        keys = self.reads.keys
        if name in ("all", "count"):
            keys.add(("members", args[0]))
        elif name == "get":
            keys.add(("members", args[0]))  # a missing id is asked about too
        elif name == "title" and (kind := self.reads.kind_of(args[1])) is not None:
            keys.add(("field", kind, args[1].id, self._catalog_kind_title(args[0])))
        elif name == "label":
            keys.add(("field", "vocabulary", args[0], "entries"))
        elif name in ("uses", "referrers"):
            keys.add(("refs",))
        for kind, field_name in DERIVED_FROM.get(name, ()):
            keys.add(("field", kind, ANY, field_name))
            keys.add(("members", kind))

    @staticmethod
    def _catalog_kind_title(kind: str) -> str:
        from .kinds import KINDS

        return KINDS[kind].title_field


def changes(previous: dict, catalog: Catalog, changed: set[tuple[str, str]]) -> set[Key]:
    """The keys an edit touches: each changed record's changed fields (all of them for a record added or removed,
    with its kind's members), and the references when a record refers to other records differently."""
    from .kinds.introspect import iter_refs

    keys: set[Key] = set()
    for kind, record_id in changed:
        old, new = previous.get((kind, record_id)), catalog._records.get(kind, {}).get(record_id)
        if old is None or new is None:
            model = type(old if new is None else new)
            touched = set(model.model_fields)
            keys.add(("members", kind))
        else:
            touched = {name for name in type(new).model_fields if getattr(old, name) != getattr(new, name)}
        if touched:
            touched.add(ANY)
        for name in touched:
            keys |= {("field", kind, record_id, name), ("field", kind, ANY, name)}
        if [r[1:] for r in iter_refs(old)] != [r[1:] for r in iter_refs(new)] if old is not None and new is not None else True:
            keys.add(("refs",))
    return keys


def affected(depends: dict[str, frozenset], keys: set[Key]) -> set[str]:
    """The pages (by source URI) whose reads hold one of the touched keys."""
    return {uri for uri, reads in depends.items() if reads & keys}


@dataclass
class Session:
    """What one `make serve` keeps between rebuilds."""

    parsed: ParsedFiles = field(default_factory=ParsedFiles)
    made: dict[str, Any] = field(default_factory=dict)  # a planned page's src_uri -> what it made (pages.Rendered)
    pages: dict[str, Any] = field(default_factory=dict)  # src_uri -> GeneratedPage of the last build
    depends: dict[str, frozenset] = field(default_factory=dict)  # a planned page's src_uri -> its view's reads
    context: Any = None  # the site's options and settings the pages were rendered with
    script_hashes: set[str] = field(default_factory=set)
    rendered: set[str] = field(default_factory=set)  # src_uri rendered by the last build (for tests and logs)
    titles: dict[str, str] = field(default_factory=dict)  # src_uri -> the page's title, as the navigation shows it
    digests: dict[str, str] = field(default_factory=dict)  # src_uri -> the digest of its kept source
    commit_dates: dict | None = None  # the sitemap's dates, from git
    data_files: dict[str, Path] = field(default_factory=dict)  # the data's files besides pages (exports, embeds): site path -> kept copy
    background: list[threading.Thread] = field(default_factory=list)  # work a rebuild left running (files, search index)
    sitemap: dict[str, Any] = field(default_factory=dict)  # src_uri -> its sitemap entry, as last built
    outputs: set[str] = field(default_factory=set)  # every file the last build wrote (MkDocs' files), by site path
    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="wise-serve-")))

    def keep_titles(self, files: Any) -> None:
        """A dirty build reads only the changed pages, so the others have no title for the navigation to show:
        they get the title they had; the pages read now give theirs."""
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            if page.markdown is None and file.src_uri in self.titles:
                page.title = self.titles[file.src_uri]
            elif page.markdown is not None:
                self.titles[file.src_uri] = page.title

    def source(self, page: Any) -> Path:
        """The page's file in the session folder, rewritten only when the page changed (so its time tells MkDocs)."""
        path = self.folder / page.src_uri
        text = "\n".join([page.title, page.html, repr(page.toc), repr(page.edit_url), page.preview, repr(page.structured), repr(page.feeds)])
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if self.digests.get(page.src_uri) != digest:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            self.digests[page.src_uri] = digest
        return path

    def last_changes(self, root: Path) -> dict:
        """The commit dates of the project's files, asked of git once per server: edits while serving are not
        commits, so they do not change them."""
        if self.commit_dates is None:
            from .sitemap import last_changes

            self.commit_dates = last_changes(root)
        return self.commit_dates

    def keep_data_files(self, made: dict[str, str]) -> set[str]:
        """Keep the files made from the data (site path -> text) in the session's folder, rewriting only those whose
        text changed and deleting those no longer made; returns the site paths that changed or went."""
        changed = set()
        folder = self.folder / "_made"
        for path, text in made.items():
            kept = folder / path
            data = text.encode("utf-8")
            if not (kept.is_file() and kept.read_bytes() == data):
                kept.parent.mkdir(parents=True, exist_ok=True)
                kept.write_bytes(data)
                changed.add(path)
            self.data_files[path] = kept
        for path in [p for p in self.data_files if p not in made]:
            self.data_files.pop(path).unlink(missing_ok=True)
            changed.add(path)
        return changed

    def refresh_data_files(self, make: Callable[[], dict[str, str]], site_dir: Path) -> None:
        """Make the data's files again (in the background, after a rebuild has served the pages) and put the ones
        that changed, or went, into the built site."""
        changed = self.keep_data_files(make())
        for path in changed & self.data_files.keys():
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.data_files[path], target)
        remove(site_dir, changed - self.data_files.keys())

    def start(self, work: Callable[..., None], *args: Any) -> None:
        """Run `work` beside the server; the next rebuild waits for it (`settle`)."""
        thread = threading.Thread(target=work, args=args, daemon=True)
        thread.start()
        self.background.append(thread)

    def settle(self) -> None:
        """Wait for the work the last rebuild left running."""
        while self.background:
            self.background.pop().join()


def remove(site_dir: Path, gone: set[str]) -> None:
    """Take out of the built site the files a rebuild no longer makes, and the folders that leaves empty (a full build
    would not make them either)."""
    for path in sorted(gone):
        file = site_dir / path
        file.unlink(missing_ok=True)
        folder = file.parent
        while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


SESSIONS: dict[str, Session] = {}  # by mkdocs.yml path: only `mkdocs serve --dirty` opens one
SERVING_DIRTY = False  # set by the plugin's on_startup for `mkdocs serve --dirty`


def quiet_dirty_warning(record) -> bool:
    """A logging filter: MkDocs warns on every dirty build that navigation may be stale, which strict mode would
    count as a failure. Here the navigation never holds generated record pages, so the warning says nothing."""
    return not str(record.msg).startswith("A 'dirty' build is being performed")


def render(session: Session, catalog: Catalog, site: Any, context: Any) -> Any:
    """Every generated page and the files beside them (`pages.Rendered`): rendered again where the edit reaches them
    (or everywhere, when `context` changed or on the first build), kept from the last build otherwise. Notes the
    reads of each planned page (a paged listing's pages and item file are made together, from one view)."""
    from .pages import Rendered, make, page_url, planned

    parsed = session.parsed
    everything = session.context != context or not session.made
    stale = set() if everything else affected(session.depends, changes(parsed.previous, catalog, parsed.changed))
    made, depends, rendered = {}, {}, set()
    for language in i18n.languages():
        with i18n.use(language):
            for page_type, record in planned(catalog):
                uri = f"{i18n.localize(page_url(page_type, record))}index.md"
                if everything or uri in stale or uri not in session.made:
                    reads = Reads(catalog)
                    tracked = reads.wrap(record) if record is not None else None
                    if page_type.vocabulary:
                        # A page per vocabulary entry (a district's) shows the entry it was given: no record to track.
                        reads.keys.add(("field", "vocabulary", page_type.vocabulary, "entries"))
                    made[uri] = make(page_type, TrackingCatalog(catalog, reads), tracked, site)
                    depends[uri] = frozenset(reads.keys)
                    rendered |= {p.src_uri for p in made[uri].pages}
                else:
                    made[uri], depends[uri] = session.made[uri], session.depends[uri]
    pages = [p for one in made.values() for p in one.pages]
    files = {path: text for one in made.values() for path, text in one.files.items()}
    session.made, session.pages = made, {p.src_uri: p for p in pages}
    session.depends, session.context, session.rendered = depends, context, rendered
    parsed.changed.clear()
    parsed.previous.clear()
    return Rendered(pages, files)
