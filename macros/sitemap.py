"""For search engines: `sitemap.xml` (and its gzipped copy) and `robots.txt`.

The sitemap lists every page of the site, each once, at its address on the published site. A page's `lastmod` is the
day the files it is made from last changed in the repository (a record page: its YAML file; a listing: its kind's
folder; a hand-written page: its Markdown), never the day of the build, which would tell a crawler that every page
changed with every build. Without the repository's history (a copy of the files) no page has a `lastmod`: an unknown
date is left out rather than guessed. The web editor (/admin/) is not a page and robots.txt asks crawlers to keep out
of it; the embeds (/embed/) are not pages of the site either, they are for other sites to frame, and each asks search
engines to index it only as part of the page that frames it.
"""

from __future__ import annotations

import datetime as dt
import gzip
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
PRIVATE = ("admin/",)  # site paths crawlers are asked to keep out of


@dataclass(frozen=True)
class Entry:
    """A page in the sitemap: its absolute address and the files (or folders, ending in /) it is made from."""

    url: str
    sources: tuple[str, ...]


def last_changes(root: Path, paths: tuple[str, ...] = ("data", "docs")) -> dict[str, dt.date]:
    """The day of the last commit that changed each file under `paths`, from git's history of the repository at
    `root` (paths relative to it); empty when `root` is not in a repository or git is missing."""
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotepath=off", "log", "--format=%x00%cs", "--name-only", "--relative", "--no-renames", "--", *paths],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    changes: dict[str, dt.date] = {}
    day = None
    for line in result.stdout.splitlines():
        if line.startswith("\0"):
            day = dt.date.fromisoformat(line[1:])
        elif line and day is not None:
            # Newest first, so the first day seen for a file is its last change (names relative to `root`).
            changes.setdefault(line, day)
    return changes


def lastmod(sources: tuple[str, ...], changes: dict[str, dt.date]) -> dt.date | None:
    """The newest change among a page's sources: a file's own, or for a folder (ending in /) any file's in it."""
    days = [day for name, day in changes.items() for source in sources if name == source or (source.endswith("/") and name.startswith(source))]
    return max(days) if days else None


def folder_changes(entries: list[Entry], changes: dict[str, dt.date]) -> dict[str, dt.date]:
    """`changes` with each folder the entries name added, dated by its newest file: computed once per folder, so
    dating thousands of pages stays a lookup each."""
    folders = {source for e in entries for source in e.sources if source.endswith("/")}
    newest = {folder: lastmod((folder,), changes) for folder in folders}
    return {**changes, **{folder: day for folder, day in newest.items() if day is not None}}


def sitemap_xml(entries: list[tuple[str, dt.date | None]]) -> str:
    """The sitemap (sitemaps.org 0.9) of (address, lastmod) pairs, by address; written with an XML library, so every
    address is escaped."""
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(f"{{{NAMESPACE}}}urlset")
    for url, day in sorted(set(entries)):
        item = ET.SubElement(root, f"{{{NAMESPACE}}}url")
        ET.SubElement(item, f"{{{NAMESPACE}}}loc").text = url
        if day is not None:
            ET.SubElement(item, f"{{{NAMESPACE}}}lastmod").text = day.isoformat()
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def sitemap_gz(text: str) -> bytes:
    """The sitemap gzipped, with no file name or time in its header, so rebuilds are byte-identical."""
    return gzip.compress(text.encode("utf-8"), mtime=0)


def robots_txt(site_url: str) -> str:
    """robots.txt: every crawler may read the site but the web editor, and is told where the sitemap is."""
    base = urlsplit(site_url).path or "/"
    lines = ["User-agent: *", *(f"Disallow: {base}{path}" for path in PRIVATE), f"Sitemap: {site_url}{SITEMAP}"]
    return "\n".join(lines) + "\n"


def handwritten_sources(docs_dir: Path, root: Path, src_uri: str) -> tuple[str, ...]:
    """A hand-written page's source: its Markdown file; a page the blog makes (an archive, a category) has none, so it
    is dated by the nearest folder of docs/ that holds it (the news folder)."""
    path = docs_dir / src_uri
    while path != docs_dir and not path.exists():
        path = path.parent
    relative = path.relative_to(root).as_posix()
    return (relative + "/" if path.is_dir() else relative,)


def write(site_dir: Path, site_url: str, entries: list[Entry], changes: dict[str, dt.date]) -> None:
    """Write sitemap.xml, sitemap.xml.gz and robots.txt into the built site."""
    known = folder_changes(entries, changes)
    days = [[known[s] for s in e.sources if s in known] for e in entries]
    text = sitemap_xml([(e.url, max(d) if d else None) for e, d in zip(entries, days, strict=True)])
    (site_dir / SITEMAP).write_text(text, encoding="utf-8")
    (site_dir / f"{SITEMAP}.gz").write_bytes(sitemap_gz(text))
    (site_dir / ROBOTS).write_text(robots_txt(site_url), encoding="utf-8")
