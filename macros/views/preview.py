"""What every page says about itself in its head, for search engines, link previews and feed readers: Open Graph and
Twitter card meta (title, description, address, the site's image), for a page about one thing its schema.org object,
and the feeds that follow what it shows (`<link rel="alternate">`, linked visibly on the page too).

The values are plain text here; the template escapes them for HTML attributes, and `render.json_ld` escapes the
schema.org object for its script block.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .. import i18n, render
from ..social_image import ALT, HEIGHT, SITE_IMAGE, WIDTH
from .base import clip

DESCRIPTION_CHARS = 300  # what previews show of a description; longer text is cut at a word


@dataclass(frozen=True)
class HeadView:
    """The meta tags of one page, as (attribute, name, content), its JSON-LD block (empty without one), and the feeds
    its head names, as (site path, title)."""

    tags: tuple[tuple[str, str, str], ...]
    json_ld: Markup
    feeds: tuple[tuple[str, str], ...] = ()


def head_view(
    title: str,
    description: str,
    url: str,
    site_name: str,
    site_url: str,
    structured: dict | None = None,
    kind: str = "website",
    feeds: tuple[tuple[str, str], ...] = (),
) -> HeadView:
    """A page's preview: its title and description (plain text; the description cut to a preview's length), its
    address, the site's image (an absolute URL: previews are fetched from elsewhere), its schema.org object, and the
    feeds it names."""
    title = str(title)  # plain text in the page's language: it goes into attributes
    text = clip(" ".join(str(description).split()), DESCRIPTION_CHARS)
    image = site_url + SITE_IMAGE
    alt = i18n.gettext(ALT)
    tags = (
        ("property", "og:type", kind),
        ("property", "og:site_name", site_name),
        ("property", "og:title", title),
        ("property", "og:description", text),
        ("property", "og:url", url),
        ("property", "og:image", image),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:width", str(WIDTH)),
        ("property", "og:image:height", str(HEIGHT)),
        ("property", "og:image:alt", alt),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", text),
        ("name", "twitter:image", image),
        ("name", "twitter:image:alt", alt),
    )
    return HeadView(tags, render.json_ld_block(structured) if structured else Markup(""), feeds)
