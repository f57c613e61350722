"""Networks, projects and programmes: one network with its member enterprises, and the listing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .. import render
from ..catalog import Catalog
from ..kinds import KINDS
from .base import SITE, Link, ListingView, RecordView, Site, Span, external, plural, record_link, record_links, sections, span
from .glossary import glossary_links


@dataclass(frozen=True, kw_only=True)
class NetworkView(RecordView):
    summary: Markup
    kind_label: str
    period: Span | None
    website: Link | None
    partners: str | None
    description: Markup
    members: tuple[Link, ...]


def network_view(catalog: Catalog, network: Any, site: Site = SITE) -> NetworkView:
    """A network's page: what it is, when it runs, its partners, and its member enterprises by name."""
    n = network
    members = sorted(catalog.members_of(n.id), key=lambda e: (e.name.lower(), e.id))
    summary, description = glossary_links(catalog, KINDS["network"].page_url(n.id), n.summary, render.markdown(n.description))
    return NetworkView(
        title=n.name,
        kind="network",
        record_id=n.id,
        example=n.example,
        source_path=n.source_path,
        toc=sections(("members", f"Members ({len(members)})", True)),
        preview=n.summary,
        summary=summary,
        kind_label=n.kind,
        period=span(n.start, n.end),
        website=external(n.url),
        partners=", ".join(n.partners) or None,
        description=description,
        members=record_links(catalog, "enterprise", members),
    )


@dataclass(frozen=True)
class NetworkCard:
    marker: str
    link: Link
    example: bool
    summary: str
    meta: str


def networks_view(catalog: Catalog, site: Site = SITE) -> ListingView:
    """/networks/: every network, project and programme with its kind and how many enterprises take part."""
    return ListingView(
        title="Networks",
        cards=tuple(
            NetworkCard(
                f"network:{n.id}", record_link(catalog, "network", n), n.example, n.summary, f"{n.kind}, {plural(len(catalog.members_of(n.id)), 'member')}"
            )
            for n in catalog.all("network")
        ),
    )
