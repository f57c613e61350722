"""Feeds are written with an XML library: every text escaped by XML's rules, dates from the content."""

from __future__ import annotations

import datetime as dt

import feedparser

from macros.exports.feeds import FeedItem, plain_text, rss


def test_text_in_a_feed_is_escaped_and_cannot_add_elements():
    hostile = 'A & B <enclosure url="https://evil.example/x.exe" length="1" type="application/x-msdownload"/>'
    feed = rss(
        "News & more",
        "https://wise.example.org/news/",
        "https://wise.example.org/news/feed.xml",
        "<b>d</b>",
        [FeedItem(hostile, "https://wise.example.org/news/a/", dt.date(2026, 1, 2), (hostile, "Campaigns"), hostile + "\x0b")],
    )
    parsed = feedparser.parse(feed)
    assert not parsed.bozo, parsed.get("bozo_exception")
    (entry,) = parsed.entries
    assert entry.title == hostile
    assert [t.term for t in entry.tags] == [hostile, "Campaigns"]
    assert entry.get("enclosures") == []
    assert "<enclosure" not in feed and "&lt;enclosure" in feed


def test_a_feed_is_dated_by_its_newest_item_so_rebuilds_are_identical():
    items = [FeedItem("Old", "https://x/old/", dt.date(2025, 1, 1)), FeedItem("New", "https://x/new/", dt.date(2026, 3, 4))]
    first = rss("N", "https://x/", "https://x/feed.xml", "", items)
    assert first == rss("N", "https://x/", "https://x/feed.xml", "", list(reversed(items)))
    assert "<lastBuildDate>Wed, 04 Mar 2026 00:00:00 +0000</lastBuildDate>" in first
    assert first.index("New") < first.index("Old")


def test_a_summary_is_the_posts_opening_as_plain_text():
    html = '<h1 id="t">Title<a class="headerlink" href="#t">¶</a></h1><p>Read the <a href="x">monitor</a>. It &amp; more.</p><p>Next</p>'
    assert plain_text(html) == "Read the monitor. It & more. Next"
    assert plain_text("<p>" + "word " * 200 + "</p>", 30) == "word word word word word…"
