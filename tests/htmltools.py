"""Reading built pages in tests: elements, attributes, links and text, with the stdlib parser."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit


class Page(HTMLParser):
    """Every element (tag, attributes) in document order, and the page's visible text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text_parts: list[str] = []
        self.prose_parts: list[str] = []  # the text outside <code>: what the page says, not what it quotes
        self._skip = 0
        self._code = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "code":
            self._code += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        if tag == "code" and self._code:
            self._code -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text_parts.append(data)
            if not self._code:
                self.prose_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    def having(self, attribute: str) -> list[dict]:
        return [attrs for _, attrs in self.elements if attribute in attrs]

    def links(self) -> list[str]:
        return [attrs["href"] for tag, attrs in self.elements if tag == "a" and attrs.get("href")]


def read(site: Path, url: str) -> Page:
    """The built page at a directory URL such as 'showcase/x/'."""
    return Page((site / url / "index.html").read_text(encoding="utf-8"))


def resolve(page_url: str, href: str) -> str:
    """A link on the page at `page_url` as a site URL without query or anchor."""
    return urlsplit(urljoin("http://site/" + page_url, href)).path.lstrip("/")


def item_rows(content: dict) -> list[dict]:
    """A listing's item file (`showcase/items.json`, read as JSON) as one dict per item: the file holds its items
    field by field, a list per field; a field absent from the file is absent from every item, and so is a `null` pin."""
    fields = content["items"]
    return [{name: column[i] for name, column in fields.items() if column[i] is not None} for i in range(len(fields["key"]))]
