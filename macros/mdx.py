"""Python-Markdown extensions for the site's Markdown: hand-written pages (mkdocs.yml) and record fields.

`ScrollTablesExtension` puts every table in a region that scrolls sideways and that the keyboard can
reach, so a wide table never makes a phone's page scroll sideways (axe: scrollable-region-focusable).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

SCROLL_CLASS = "wise-table-scroll"


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


class ScrollTables(Treeprocessor):
    """Wraps each table in `<div class="wise-table-scroll" role="region" tabindex="0" aria-label="…">`.

    A region is a landmark, and landmarks on one page need distinct names: each is named after the
    heading above it and numbered ("Fields of Enterprises, table 3")."""

    def run(self, root: etree.Element) -> None:
        heading, count = "", 0
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag in HEADINGS:
                    heading = "".join(child.itertext()).strip()
                elif child.tag == "table":
                    count += 1
                    label = f"{heading}, table {count}" if heading else f"Table {count}"
                    wrapper = etree.Element("div", {"class": SCROLL_CLASS, "role": "region", "tabindex": "0", "aria-label": label})
                    parent.remove(child)
                    wrapper.append(child)
                    parent.insert(index, wrapper)


class ScrollTablesExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        # After the tables extension has made its tables (priority 0 runs late).
        md.treeprocessors.register(ScrollTables(md), "wise_scroll_tables", 0)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's name)
    return ScrollTablesExtension(**kwargs)
