"""The manifesto: its articles, each with its anchor, and who signed it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .. import render
from ..catalog import Catalog
from ..i18n import _
from ..kinds import KINDS
from .base import SITE, Link, RecordView, Site, When, record_link, sections, when
from .glossary import glossary_links


@dataclass(frozen=True)
class Article:
    anchor: str
    heading: str
    text: Markup


@dataclass(frozen=True)
class Signatory:
    """An enterprise (linked) or another organisation (by name), and when it signed."""

    link: Link | None
    name: str
    when: When | None


@dataclass(frozen=True, kw_only=True)
class ManifestoView(RecordView):
    adopted: When | None
    preamble: Markup
    articles: tuple[Article, ...]
    signatories: tuple[Signatory, ...]


def signatory(catalog: Catalog, s: Any) -> Signatory:
    if s.enterprise:
        link = record_link(catalog, "enterprise", s.enterprise)
        return Signatory(link, link.text, when(s.date))
    return Signatory(None, s.organisation, when(s.date))


def manifesto_view(catalog: Catalog, manifesto: Any, site: Site = SITE) -> ManifestoView:
    """The manifesto's page: its numbered articles (`#article-<id>`) and its signatories."""
    x = manifesto
    preamble, *texts = glossary_links(catalog, KINDS["manifesto"].page_url(x.id), render.markdown(x.preamble), *(render.paragraphs(a.text) for a in x.articles))
    articles = tuple(Article(f"article-{a.id}", f"{i}. {a.heading}", text) for i, (a, text) in enumerate(zip(x.articles, texts, strict=True), start=1))
    return ManifestoView(
        title=x.title,
        kind="manifesto",
        record_id=x.id,
        example=x.example,
        source_path=x.source_path,
        toc=sections(*((a.anchor, a.heading, True) for a in articles), ("signatories", _("Signatories"), True)),
        adopted=when(x.adopted),
        preamble=preamble,
        articles=articles,
        signatories=tuple(signatory(catalog, s) for s in x.signatories),
    )
