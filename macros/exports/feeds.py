"""RSS 2.0 feeds, written with an XML library so every text is escaped by XML's rules.

The news feed (`news/feed.xml`, linked from the news page) lists the blog posts: title, link, date,
categories and the opening of the post as plain text; the lobby's feeds are made in lobby_feeds.py. Dates
come from the content (a feed is dated by its newest item), never from the clock, so two builds of the
same content are identical.

The theme's script takes every `<link rel="alternate">` in a page's head for another language's copy of
the site and asks for the `sitemap.xml` in the same folder. A feed named in a page's head therefore has a
sitemap beside it (`folder_sitemap`, listing the pages in that folder), so that question gets a true answer
and not a 404.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from email.utils import format_datetime

# Characters XML 1.0 cannot hold at all; they are refused in the data, and dropped here should one slip through.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BLOCK = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|br|blockquote|table|thead|tbody|tr|td|th|dl|dt|dd|pre)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_HEADING_LINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_TITLE = re.compile(r"<h1\b.*?</h1>", re.S | re.I)
SUMMARY_CHARS = 400


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed. Its id is its URL, unless it has a `guid` of its own (several entries at one address,
    such as the steps of one ask)."""

    title: str
    url: str
    date: dt.date
    categories: tuple[str, ...] = ()
    summary: str = ""
    guid: str = ""


def xml_text(value: str) -> str:
    """Text as XML can hold it."""
    return _NOT_XML.sub("", value)


def plain_text(fragment: str, limit: int = SUMMARY_CHARS) -> str:
    """Rendered HTML as one line of plain text (its title heading and heading links left out, blocks separated,
    entities read), cut at a word near `limit`."""
    fragment = _TITLE.sub(" ", _HEADING_LINK.sub("", fragment))
    text = " ".join(html.unescape(_TAG.sub("", _BLOCK.sub(" ", fragment))).split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _rfc822(day: dt.date) -> str:
    return format_datetime(dt.datetime.combine(day, dt.time(), dt.UTC))


def rss(title: str, link: str, self_url: str, description: str, items: list[FeedItem]) -> str:
    """An RSS 2.0 document, newest item first; its build date is the newest item's date."""
    items = sorted(items, key=lambda i: (i.date, i.url, i.guid), reverse=True)
    root = etree.Element("rss", {"version": "2.0", "xmlns:atom": "http://www.w3.org/2005/Atom"})
    channel = etree.SubElement(root, "channel")
    for name, value in (("title", title), ("link", link), ("description", description)):
        etree.SubElement(channel, name).text = xml_text(value)
    etree.SubElement(channel, "atom:link", {"href": self_url, "rel": "self", "type": "application/rss+xml"})
    if items:
        etree.SubElement(channel, "lastBuildDate").text = _rfc822(items[0].date)
    for item in items:
        entry = etree.SubElement(channel, "item")
        etree.SubElement(entry, "title").text = xml_text(item.title)
        etree.SubElement(entry, "link").text = item.url
        if item.guid:
            etree.SubElement(entry, "guid", {"isPermaLink": "false"}).text = xml_text(item.guid)
        else:
            etree.SubElement(entry, "guid", {"isPermaLink": "true"}).text = item.url
        etree.SubElement(entry, "pubDate").text = _rfc822(item.date)
        for category in item.categories:
            etree.SubElement(entry, "category").text = xml_text(category)
        if item.summary:
            etree.SubElement(entry, "description").text = xml_text(item.summary)
    etree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="unicode") + "\n"


SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def folder_sitemap(site_url: str, urls: list[str]) -> str:
    """A sitemap (sitemaps.org 0.9) of the given site paths, each an absolute address under `site_url`, in order."""
    root = etree.Element("urlset", {"xmlns": SITEMAP_NS})
    for url in urls:
        etree.SubElement(etree.SubElement(root, "url"), "loc").text = site_url + url
    etree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="unicode") + "\n"
