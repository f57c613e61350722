"""The site's search index: Pagefind over the built pages.

The theme's own search ships one lunr index of every page, which every first query downloads whole (17 MB at
5,000 enterprises). Pagefind splits the index into chunks and a query fetches only those it needs. It indexes
what readers see: the page's `<main>`, without the navigation sidebars, the "source file" line or the listing
filters; the 404 page, the web editor, the embeds and the further pages of paged listings are left out.
`assets/javascripts/search.js` queries it from the theme's search dialog.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"  # the index's folder in the site
# What is not the page's own text: the theme's navigation and its "Back to top" button, the repository's source-file
# line, listing filters; and the further pages of a paged listing (showcase/page/2/…) as a whole, whose cards are
# records each found on their own page. A page left with no text is not indexed at all. (The embeds, /embed/…, mark
# their own root with Pagefind's `data-pagefind-ignore`, which a selector here cannot reach.)
IGNORED = (".md-sidebar", ".md-top", ".wise-source", "form[data-filters]", "[data-listing-page]")
# Pagefind also writes ready-made search interfaces; the site uses its own dialog, so they are not published.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(Exception):
    """Pagefind failed."""


def command(site_dir: Path, output: Path) -> list[str]:
    """The Pagefind run over a built site: every directory page (so not 404.html), from its <main>."""
    out = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-path", str(output), "--glob", "**/index.html"]
    out += ["--root-selector", "main", "--silent"]
    for selector in IGNORED:
        out += ["--exclude-selectors", selector]
    return out


ENTRY = "pagefind-entry.json"  # the index's languages: which index each page's language loads


def steady_entry(path: Path) -> None:
    """The entry file with its languages in the order of their codes: Pagefind writes them in whatever order its run
    finished them, and two builds of the same site must be byte-identical. (Each page loads the index of its own
    `<html lang>`; the order names no preference.)"""
    if not path.is_file():
        return
    entry = json.loads(path.read_text(encoding="utf-8"))
    entry["languages"] = dict(sorted(entry.get("languages", {}).items()))
    path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def index(site_dir: Path) -> None:
    """Index the built site into `site_dir/pagefind/`; raises with Pagefind's message when it fails. The index is
    written beside the old one and then put in its place, so a server never hands out half an index."""
    fresh, old = site_dir / f".{BUNDLE}-new", site_dir / f".{BUNDLE}-old"
    for leftover in (fresh, old):
        shutil.rmtree(leftover, ignore_errors=True)
    run = subprocess.run(command(site_dir, fresh), capture_output=True, text=True, check=False)
    if run.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        raise SearchIndexError(f"Pagefind could not index the site: {(run.stderr or run.stdout).strip()[:1000]}")
    for name in UNUSED:
        (fresh / name).unlink(missing_ok=True)
    steady_entry(fresh / ENTRY)
    if (site_dir / BUNDLE).exists():
        (site_dir / BUNDLE).rename(old)
    fresh.rename(site_dir / BUNDLE)
    shutil.rmtree(old, ignore_errors=True)


def read_index(site_dir: Path) -> dict[str, dict]:
    """The pages in a built index, by URL (`/showcase/x/`), each as Pagefind stored it (`content`, `meta.title`…),
    for checks that nothing is lost. A fragment is gzip-compressed JSON behind Pagefind's signature."""
    import gzip
    import json

    signature = b"pagefind_dcd"
    pages = {}
    for path in sorted((site_dir / BUNDLE / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        page = json.loads(data[len(signature) :] if data.startswith(signature) else data)
        pages[page["url"]] = page
    return pages
