"""`wise`: the editors' command line. Argument parsing only; the work is done by the same
functions the build calls."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .problems import DataError, report


def _read(data_dir: str | None, fmt: str = "text"):
    """The catalog of DATA_DIR (default ./data, with the docs/ and mkdocs.yml beside it), or None after printing its problems."""
    from .data import read_data

    data = Path(data_dir or "data")
    docs = data.parent / "docs"
    try:
        return read_data(data, docs if docs.is_dir() else None)
    except DataError as exc:
        print(report(exc.problems, fmt))
        return None


def cmd_check(args) -> int:
    catalog = _read(args.data_dir, args.format)
    if catalog is None:
        return 1
    # Warnings are printed like problems, but only errors change the exit code.
    warnings = list(catalog.warnings)
    if args.format != "github" or warnings:
        print(report(warnings, args.format))
    return 0


def cmd_new(args) -> int:
    from .kinds import KINDS
    from .templates import ENTRIES, entry_template, new_record

    kind = next((k for k, v in KINDS.items() if args.kind in (k, v.folder)), args.kind)
    _use_site_languages(args.data_dir)
    if kind in ENTRIES:
        # One file holds every entry: print one to paste into it, so the editor's file is never rewritten.
        try:
            print(entry_template(kind, args.name, args.id), end="")
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        return 0
    try:
        path = new_record(Path(args.data_dir or "data"), kind, args.name, args.id)
    except FileExistsError as exc:
        print(f"error: {exc} already exists; nothing written", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {path}")
    return 0


def _use_site_languages(data_dir: str | None) -> None:
    """Take the site's languages from the mkdocs.yml beside DATA_DIR (default ./data), as reading the data does: the
    templates and the schemas name them."""
    from . import i18n
    from .settings import read_settings

    i18n.configure(read_settings(Path(data_dir or "data").resolve().parent).languages)


def cmd_schemas(args) -> int:
    from .admin import ADMIN_FILE, collections_text
    from .schemas import write_schemas

    _use_site_languages(args.data_dir)
    folder = Path(args.data_dir or "data") / "schemas"
    for path in write_schemas(folder):
        print(f"wrote {path}")
    (folder / ADMIN_FILE).write_text(collections_text(), encoding="utf-8")
    print(f"wrote {folder / ADMIN_FILE}")
    return 0


def cmd_export(args) -> int:
    from .exports import write_exports
    from .settings import read_site

    catalog = _read(args.data_dir)
    if catalog is None:
        return 1
    site_url, site_name = read_site(Path(args.data_dir or "data").resolve().parent)
    written = write_exports(catalog, Path(args.out), args.site_url or site_url, site_name)
    print(f"wrote {len(written)} files to {args.out}")
    return 0


def cmd_reference(args) -> int:
    from .reference import write_reference

    for path in write_reference(Path(args.docs_dir)):
        print(f"wrote {path}")
    return 0


def cmd_stats(args) -> int:
    from .stats import stats_lines

    catalog = _read(args.data_dir)
    if catalog is None:
        return 1
    print("\n".join(stats_lines(catalog, args.review_days, args.quiet_days, args.untranslated)))
    return 0


def cmd_demo_data(args) -> int:
    from .demo import demo_data

    try:
        data = demo_data(args.enterprises, Path(args.out), Path(args.vocabularies) if args.vocabularies else None)
    except FileExistsError as exc:
        print(f"error: {exc} exists and is not empty; choose a new folder", file=sys.stderr)
        return 1
    print(f"wrote a demo data set of {args.enterprises} enterprises to {data}")
    return 0


def cmd_vendor(args) -> int:
    from .vendor import PACKAGES, VendorError, install

    for package in PACKAGES:
        try:
            print(f"{package.spec}: {install(package)}")
        except VendorError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    return 0


def cmd_messages(args) -> int:
    from . import messages
    from .settings import read_settings

    found = messages.extract()
    messages.write_template(found, messages.ROOT / "locale" / "messages.pot")
    print(f"wrote locale/messages.pot ({len(found)} strings)")
    for language in read_settings(messages.ROOT).languages:
        added = messages.add_missing(language, found)
        if added:
            print(f"locale/{language}/messages.po: {added} strings to translate")
    return 0


def parser() -> argparse.ArgumentParser:
    from .kinds import KINDS

    top = argparse.ArgumentParser(prog="wise", description="Check and edit the WISE platform's data.")
    sub = top.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate all data and print every problem")
    check.add_argument("--format", choices=("text", "github", "json"), default="text")
    check.add_argument("data_dir", nargs="?", metavar="DATA_DIR", help="default: ./data")
    check.set_defaults(func=cmd_check)
    from .templates import ENTRIES

    new = sub.add_parser("new", help="write a new record from its annotated template (a glossary term: print one to paste into data/glossary.yml)")
    kinds = [k for k, v in KINDS.items() if not v.single]
    new.add_argument(
        "kind", choices=kinds + [KINDS[k].folder for k in kinds] + list(ENTRIES), help="a kind (enterprise) or its folder (enterprises), or glossary"
    )
    new.add_argument("name", help="the record's name or title; its slug becomes the id")
    new.add_argument("--id", help="the record's id (its file name and URL), when the name has no letters a-z to make one from")
    new.add_argument("--data-dir", dest="data_dir")
    new.set_defaults(func=cmd_new)
    schemas = sub.add_parser("schemas", help="regenerate data/schemas/ from the models: the JSON Schemas and the web editor's collections")
    schemas.add_argument("--data-dir", dest="data_dir")
    schemas.set_defaults(func=cmd_schemas)
    export = sub.add_parser("export", help="write the open-data files (JSON, CSV, schemas)")
    export.add_argument("--out", default="site/data", help="default: site/data")
    export.add_argument(
        "--site-url", dest="site_url", help="the site's address for the links and ids of the standard exports (default: mkdocs.yml's, from SITE_URL)"
    )
    export.add_argument("data_dir", nargs="?", metavar="DATA_DIR")
    export.set_defaults(func=cmd_export)
    reference = sub.add_parser("reference", help="regenerate docs/reference/ (data model and exports) from the models")
    reference.add_argument("--docs-dir", dest="docs_dir", default="docs")
    reference.set_defaults(func=cmd_reference)
    stats = sub.add_parser("stats", help="counts per kind, what is stale, and what is not yet translated")
    stats.add_argument("data_dir", nargs="?", metavar="DATA_DIR")
    stats.add_argument("--review-days", type=int, default=365, help="a position is stale this many days after its last review (default 365)")
    stats.add_argument("--quiet-days", type=int, default=180, help="an open ask is stale after this many days without a step (default 180)")
    stats.add_argument(
        "--untranslated", type=int, default=50, metavar="N", help="list at most N records with text not yet translated, per language (0: all; default 50)"
    )
    stats.set_defaults(func=cmd_stats)
    demo = sub.add_parser("demo-data", help="write a synthetic data set (for benchmarks and load tests)")
    demo.add_argument("--enterprises", type=int, required=True, metavar="N")
    demo.add_argument("--out", required=True, metavar="DIR", help="the data folder to write (check it with: wise check DIR)")
    demo.add_argument("--vocabularies", help="vocabularies to copy (default: the project's data/vocabularies)")
    demo.set_defaults(func=cmd_demo_data)
    vendor = sub.add_parser("vendor", help="fetch the pinned browser code that only npm publishes (the web editor), check its hash, unpack it")
    vendor.set_defaults(func=cmd_vendor)
    messages = sub.add_parser("messages", help="extract the interface's strings into locale/messages.pot and add the new ones to each language's catalogue")
    messages.set_defaults(func=cmd_messages)
    return top


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `wise` console script; returns the exit code (0 ok, 1 problems, 2 usage)."""
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
