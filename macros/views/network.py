"""Networks, projects and programmes: one network with its member enterprises, and the listing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .. import render
from ..catalog import Catalog
from ..i18n import N_, _, ngettext
from ..kinds import KINDS
from .base import SITE, Link, ListingView, RecordView, Site, Span, external, record_link, record_links, sections, span
from .glossary import glossary_links

# What a network is, in English; shown in the page's language.
KIND_LABELS = {"network": N_("network"), "project": N_("project"), "programme": N_("programme")}


def kind_label(kind: str) -> str:
    """A network's kind (network, project, programme) in the page's language."""
    return _(KIND_LABELS.get(kind, kind))


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
        toc=sections(("members", _("Members (%(count)s)") % {"count": len(members)}, True)),
        preview=n.summary,
        summary=summary,
        kind_label=kind_label(n.kind),
        period=span(n.start, n.end, _("ongoing")),
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


def network_meta(kind: str, members: int) -> str:
    """A network's card line: its kind and how many members it has ("project, 3 members")."""
    return ngettext("%(kind)s, %(num)s member", "%(kind)s, %(num)s members", members) % {"kind": kind_label(kind), "num": f"{members:,}"}


def networks_view(catalog: Catalog, site: Site = SITE) -> ListingView:
    """/networks/: every network, project and programme with its kind and how many enterprises take part."""
    return ListingView(
        title=_("Networks"),
        cards=tuple(
            NetworkCard(f"network:{n.id}", record_link(catalog, "network", n), n.example, n.summary, network_meta(n.kind, len(catalog.members_of(n.id))))
            for n in catalog.all("network")
        ),
    )
