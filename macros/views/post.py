"""A post: who held it when and the files it holds; and the posts' listing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import render
from ..catalog import Catalog
from ..i18n import N_, _
from . import structured
from .base import SITE, Link, ListingView, RecordView, Site, Status, When, record_link, record_links, sections, term, terms, when
from .lobby import status

# The bodies a post belongs to, in English (the keys are the data's values); shown in the page's language.
BODY_LABELS = {"executive": N_("executive"), "council": N_("council"), "department": N_("department"), "national": N_("national")}


def body_label(body: str) -> str:
    """A post's body in the page's language."""
    return _(BODY_LABELS.get(body, body))


@dataclass(frozen=True)
class HolderLine:
    official: Link
    start: When
    end: When | None
    current: bool


@dataclass(frozen=True, kw_only=True)
class PostView(RecordView):
    body: str
    organisation: str | None
    department: str | None
    portfolio: tuple[Link, ...]
    district: Link | None
    description: Any
    holders: tuple[HolderLine, ...]
    files: tuple[tuple[Link, Status], ...]
    campaigns: tuple[Link, ...]


def post_view(catalog: Catalog, post: Any, site: Site = SITE) -> PostView:
    """A post: who held it when (newest first), the platform's positions that target it, the campaigns addressing it."""
    p = post
    campaigns = catalog.campaigns_using(p.id, "post")
    return PostView(
        title=p.title,
        kind="post",
        record_id=p.id,
        example=p.example,
        source_path=p.source_path,
        toc=sections(
            ("holders", _("Holders over time"), True),
            ("files", _("Files this post holds"), True),
            ("campaigns", _("Campaigns addressing this post"), campaigns),
        ),
        preview=", ".join(x for x in (p.title, p.department, p.organisation) if x) + ".",
        structured=structured.post_holders(catalog, p, site.site_url),
        body=body_label(p.body),
        organisation=p.organisation,
        department=p.department,
        portfolio=terms(catalog, "topics", p.portfolio),
        district=term(catalog, "districts", p.district) if p.district else None,
        description=render.paragraphs(p.description),
        holders=tuple(
            HolderLine(record_link(catalog, "official", h.official), when(h.start), when(h.end), h.covers(catalog.today))
            for h in reversed(catalog.holdings(p.id))
        ),
        files=tuple((record_link(catalog, "position", x), status(x.status)) for x in catalog.positions_for_post(p.id)),
        campaigns=record_links(catalog, "campaign", campaigns),
    )


@dataclass(frozen=True)
class PostCard:
    marker: str
    link: Link
    example: bool
    text: str
    holders: tuple[Link, ...]


def posts_view(catalog: Catalog, site: Site = SITE) -> ListingView:
    """/lobby/posts/: every post, its body and organisation, and who holds it now."""
    return ListingView(
        title=_("Posts"),
        cards=tuple(
            PostCard(
                f"post:{p.id}",
                record_link(catalog, "post", p),
                p.example,
                ", ".join(x for x in (body_label(p.body), p.organisation) if x),
                record_links(catalog, "official", catalog.current_holders(p.id)),
            )
            for p in catalog.all("post")
        ),
    )
