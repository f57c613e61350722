"""Paged listings: a long filterable listing is split into pages the server renders, and its items are published
once more in an item file the script filters.

The first page keeps the listing's address (`showcase/`); the next ones are `showcase/page/2/`, `showcase/page/3/`…,
directory pages like any other, each a whole page whose pager links to the others, so readers without the script,
search engines and link checkers reach every item. Every page counts all the listing's items and its facets over
all of them: the page shows a slice, the numbers are the listing's. The item file (`showcase/items.json`) holds
every item with its key, its facet values, the words the search box searches, its pin, and its card as the listing's
own template lays it out; the script filters over it and paints a page of matches at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..i18n import _
from ..showcase import Facet
from .base import Link, View

CARDS = 48  # cards a page: a grid of 1, 2, 3 or 4 columns fills every row
ROWS = 100  # table rows a page: a row is one line, a screen holds more of them
AROUND = 2  # the pager links this many pages either side of the current one


def page_count(count: int, size: int) -> int:
    """How many pages `count` items take at `size` a page: at least one, so an empty listing still has its page."""
    if size < 1:
        raise ValueError(f"a page holds at least one item, not {size}")
    return max(1, -(-count // size))


def page_url(listing_url: str, number: int) -> str:
    """Page 1 is the listing's own address; page n is `<listing>page/<n>/`."""
    return listing_url if number == 1 else f"{listing_url}page/{number}/"


def window(number: int, pages: int, around: int = AROUND) -> tuple[int | None, ...]:
    """The page numbers the pager shows: the first, the last, and `around` either side of the current one, in order;
    None stands for the numbers left out between them. A gap of a single number shows that number: an ellipsis
    would take its place and hide nothing."""
    kept = sorted({1, pages, *range(max(1, number - around), min(pages, number + around) + 1)})
    out: list[int | None] = []
    for n in kept:
        if out and n - out[-1] == 2:
            out.append(n - 1)
        elif out and n - out[-1] > 2:
            out.append(None)
        out.append(n)
    return tuple(out)


@dataclass(frozen=True)
class PageLink:
    """A number in the pager: the page's address, and whether it is the page on screen (not a link then)."""

    number: int
    url: str
    current: bool


@dataclass(frozen=True)
class Pager:
    """The links between a listing's pages: which items this page shows, the previous and next page, the numbers."""

    label: str  # "Enterprises 49–96 of 5000"
    previous: Link | None
    next: Link | None
    links: tuple[PageLink | None, ...]  # None: numbers left out


@dataclass(frozen=True)
class Paging:
    """Where a listing's pages are, how many items a page shows, and which page this is."""

    url: str  # the listing's first page
    size: int
    count: int  # the listing's items, on all its pages
    noun: str  # what the items are, plural and capitalised, for the pager's label ("Enterprises"), in the page's language
    number: int = 1

    @property
    def pages(self) -> int:
        return page_count(self.count, self.size)

    @property
    def start(self) -> int:
        """The position (from 0) of this page's first item."""
        return (self.number - 1) * self.size

    @property
    def stop(self) -> int:
        """The position after this page's last item."""
        return min(self.count, self.number * self.size)

    @property
    def items_url(self) -> str:
        """The listing's item file, beside its first page (links in its cards are relative to it)."""
        return f"{self.url}items.json"

    def page(self, number: int) -> Paging:
        """The same listing on page `number`; a page that does not exist is an error."""
        if not 1 <= number <= self.pages:
            raise ValueError(f"{self.url} has pages 1 to {self.pages}, not {number}")
        return replace(self, number=number)

    @property
    def pager(self) -> Pager | None:
        """The pager of this page; None when the listing fits on one page (there is nowhere to go)."""
        if self.pages == 1:
            return None
        return Pager(
            label=_("%(items)s %(first)s–%(last)s of %(count)s") % {"items": self.noun, "first": self.start + 1, "last": self.stop, "count": self.count},
            previous=Link(page_url(self.url, self.number - 1), _("Previous page")) if self.number > 1 else None,
            next=Link(page_url(self.url, self.number + 1), _("Next page")) if self.number < self.pages else None,
            links=tuple(n and PageLink(n, page_url(self.url, n), n == self.number) for n in window(self.number, self.pages)),
        )


def page_title(title: str, paging: Paging) -> str:
    """A page's title: the listing's on its first page, with the page number on the others, so every page has its own."""
    return title if paging.number == 1 else _("%(title)s, page %(number)s of %(pages)s") % {"title": title, "number": paging.number, "pages": paging.pages}


@dataclass(frozen=True)
class Entry:
    """One item of the item file, but for its card: its key (its row in the open-data file), its values for each
    facet (in the facets' order), the words the search box searches (lowercased), its pin, and its group (an index
    into the listing's groups; None when the listing has none)."""

    key: str
    values: tuple[tuple[str, ...], ...]
    words: str
    geo: tuple[float, float] | None = None
    group: int | None = None


def entry(card: Any, facets: tuple[str, ...], group: int | None = None) -> Entry:
    """An item's entry from its card: `key`, `filters` ((facet, space-separated values), any order), `words`, and
    `geo` (latitude and longitude as text) when the card has one. A facet the card has no value for is empty."""
    values = dict(card.filters)
    geo = getattr(card, "geo", None)
    return Entry(
        key=card.key,
        values=tuple(tuple(values.get(name, "").split()) for name in facets),
        words=card.words,
        geo=(float(geo[0]), float(geo[1])) if geo else None,
        group=group,
    )


@dataclass(frozen=True, kw_only=True)
class PagedView(View):
    """A filterable listing: the facets and every item (`items`, in order), and the page of them this view shows.

    A subclass names its items (`items`), what a page shows of them, and its groups when it has any (`groups`,
    with `group_of(i)` for the i-th item)."""

    facets: tuple[Facet, ...]
    paging: Paging

    @property
    def items(self) -> tuple:
        raise NotImplementedError

    @property
    def groups(self) -> tuple:
        return ()

    def group_of(self, index: int) -> int | None:
        return None

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def shown(self) -> tuple:
        """The items on this page."""
        return self.items[self.paging.start : self.paging.stop]

    def on_page(self, number: int) -> PagedView:
        """The view of page `number` of this listing: its slice of the items, its title, its pager. A view function
        makes a listing's first page, and the others are made from it (so their titles are made from its title)."""
        if self.paging.number != 1:
            raise ValueError(f"pages are made from a listing's first page, not from page {self.paging.number}")
        paging = self.paging.page(number)
        return replace(self, paging=paging, title=page_title(self.title, paging))

    def entries(self) -> tuple[Entry, ...]:
        """Every item's entry for the item file, in the listing's order."""
        names = tuple(f.name for f in self.facets)
        return tuple(entry(card, names, self.group_of(i)) for i, card in enumerate(self.items))
