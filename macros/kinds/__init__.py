"""The registry of kinds: every kind of record, where its files live and where its pages go.

Explicit on purpose: adding a kind means adding a module and a line here, nothing is
discovered by scanning.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_
from . import campaign, decision, enterprise, glossary, manifesto, monitoring, network, official, position, post, procurement, scheme, seminar, vocabulary


@dataclass(frozen=True)
class Kind:
    """A kind of record: its model and rules, its files under data/, its URLs."""

    name: str  # singular, as in `data-record="enterprise:<id>"`
    folder: str  # under data/; for a single-file kind, the file name
    module: object
    url: str  # the record page's URL, with {id}
    listing: str  # the listing page's URL
    title_field: str = "name"
    label: str = ""  # plural, for people
    single: bool = False  # one file holds the one record (the manifesto, the procurement rules, the glossary)

    @property
    def model(self):
        return self.module.MODEL

    @property
    def rules(self):
        return self.module.RULES

    @property
    def reserved_ids(self) -> tuple[str, ...]:
        return getattr(self.module, "RESERVED_IDS", ())

    def page_url(self, record_id: str) -> str:
        return self.url.format(id=record_id)


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("vocabulary", "vocabularies", vocabulary, "vocabularies/{id}/", "vocabularies/", "title", N_("Vocabularies")),
        Kind("enterprise", "enterprises", enterprise, "showcase/{id}/", "showcase/", "name", N_("Enterprises")),
        Kind("post", "posts", post, "lobby/posts/{id}/", "lobby/posts/", "title", N_("Posts")),
        Kind("official", "officials", official, "lobby/officials/{id}/", "lobby/officials/", "name", N_("Officials")),
        Kind("position", "positions", position, "lobby/positions/{id}/", "lobby/positions/", "title", N_("Positions")),
        Kind("decision", "decisions", decision, "lobby/decisions/{id}/", "lobby/decisions/", "title", N_("Decisions")),
        Kind("campaign", "campaigns", campaign, "campaigns/{id}/", "campaigns/", "name", N_("Campaigns")),
        Kind("seminar", "seminars", seminar, "seminars/{id}/", "seminars/", "title", N_("Seminars")),
        Kind("network", "networks", network, "networks/{id}/", "networks/", "name", N_("Networks")),
        Kind("scheme", "schemes", scheme, "certification/{id}/", "certification/", "name", N_("Schemes")),
        Kind("monitoring", "monitoring", monitoring, "monitor/{id}/", "monitor/", "year", N_("Monitoring years")),
        Kind("manifesto", "manifesto.yml", manifesto, "manifesto/", "manifesto/", "title", N_("Manifesto"), single=True),
        Kind("procurement", "procurement.yml", procurement, "buy-social/rules/", "buy-social/rules/", "title", N_("Procurement rules"), single=True),
        Kind("glossary", "glossary.yml", glossary, "glossary/", "glossary/", "title", N_("Glossary"), single=True),
    )
}
