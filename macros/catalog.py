"""The catalog: every record, read-only, with the back-references derived once per build.

Templates, macros and exports read the catalog and nothing else. Back-references are
computed here from the one side that states them, so no fact is typed twice.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .glossary import Terms, glossary_terms
from .kinds import KINDS
from .kinds.introspect import iter_refs


def build_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH so that rebuilds of the same data are identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


@dataclass(frozen=True)
class Holding:
    """An official holding a post from `start` to `end` (None: still)."""

    official: Any
    post: Any
    start: dt.date
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class Catalog:
    """All records by kind and id, plus derived relations. Never mutated after construction."""

    def __init__(self, records: dict[str, dict[str, Any]], today: dt.date | None = None, warnings: tuple = ()):
        self.today = today or build_date()
        self.warnings = tuple(warnings)  # the Problems `wise check` reports as advice: they stop nothing
        self._records = MappingProxyType({kind: MappingProxyType(dict(sorted(by_id.items()))) for kind, by_id in records.items()})
        self._derive()

    # -- lookups ---------------------------------------------------------------------------
    def all(self, kind: str) -> list[Any]:
        """Every record of a kind, ordered by id."""
        return list(self._records.get(kind, {}).values())

    def get(self, kind: str, record_id: str) -> Any:
        return self._records[kind][record_id]

    def count(self, kind: str) -> int:
        return len(self._records.get(kind, {}))

    def title(self, kind: str, record: Any) -> str:
        return str(getattr(record, KINDS[kind].title_field))

    def vocabulary(self, name: str) -> Any:
        return self._records["vocabulary"].get(name)

    def label(self, vocabulary: str, entry_id: str) -> str:
        """The label readers see for a vocabulary id."""
        vocab = self.vocabulary(vocabulary)
        return vocab.labels().get(entry_id, entry_id) if vocab else entry_id

    @property
    def manifesto(self) -> Any:
        return self._records["manifesto"].get("manifesto")

    @property
    def procurement(self) -> Any:
        """The procurement rules (data/procurement.yml), or None."""
        return self._records.get("procurement", {}).get("procurement")

    @property
    def glossary(self) -> Any:
        """The glossary (data/glossary.yml), or None."""
        return self._records.get("glossary", {}).get("glossary")

    # -- derived relations -----------------------------------------------------------------
    def _derive(self) -> None:
        # Membership is written on the network only (enterprise.networks is refused), so the
        # enterprise's side is derived here and can never disagree with it.
        networks_of = defaultdict(set)
        for network in self.all("network"):
            for member in network.members:
                networks_of[member].add(network.id)
        self._networks_of = {k: sorted(v) for k, v in networks_of.items()}
        self._members_of = {n.id: sorted(set(n.members)) for n in self.all("network")}

        holdings = defaultdict(list)
        for official in self.all("official"):
            for m in official.memberships:
                holdings[m.post].append(Holding(official, self.get("post", m.post), m.start, m.end))
        self._holdings = {post: sorted(h, key=lambda h: (h.start, h.official.id)) for post, h in holdings.items()}

        self._positions_for_post = defaultdict(list)
        for position in self.all("position"):
            for post_id in position.targets:
                self._positions_for_post[post_id].append(position)
        # By (kind, id): ids are unique within a kind only, so a post and a position may share one.
        self._campaigns_using = defaultdict(list)
        for campaign in self.all("campaign"):
            for kind, ids in (("position", campaign.positions), ("enterprise", campaign.enterprises), ("post", campaign.targets)):
                for ref in dict.fromkeys(ids):
                    self._campaigns_using[(kind, ref)].append(campaign)
        self._holders_of_scheme = defaultdict(list)
        for enterprise in self.all("enterprise"):
            for cert in enterprise.certifications:
                self._holders_of_scheme[cert.scheme].append((enterprise, cert))
        self._referrers = defaultdict(list)
        for kind in KINDS:
            for record in self.all(kind):
                for target, value in dict.fromkeys((t, v) for _, t, v in iter_refs(record)):
                    self._referrers[(target, value)].append((kind, record))
        self._holdings_by_official = defaultdict(list)
        for holding in (h for hs in self._holdings.values() for h in hs):
            self._holdings_by_official[holding.official.id].append(holding)
        # Compiled once: every record page looks for the glossary's terms in its text.
        self._glossary_terms = glossary_terms(self.glossary)
        self._signatures = {}
        if self.manifesto:
            self._signatures = {s.enterprise: s for s in self.manifesto.signatories if s.enterprise}

    def networks_of(self, enterprise_id: str) -> list[Any]:
        """Networks whose members include the enterprise, by id."""
        return [self.get("network", n) for n in self._networks_of.get(enterprise_id, [])]

    def members_of(self, network_id: str) -> list[Any]:
        """A network's member enterprises, by id, each once."""
        return [self.get("enterprise", e) for e in self._members_of.get(network_id, [])]

    def holdings(self, post_id: str) -> list[Holding]:
        """Who held a post when, oldest first."""
        return self._holdings.get(post_id, [])

    def holders_on(self, post_id: str, day: dt.date) -> list[Any]:
        """The officials holding a post on a given day."""
        return [h.official for h in self.holdings(post_id) if h.covers(day)]

    def current_holders(self, post_id: str) -> list[Any]:
        return self.holders_on(post_id, self.today)

    def holdings_of(self, official: Any) -> list[Holding]:
        """An official's holdings, current first, then most recent."""
        return sorted(self._holdings_by_official.get(official.id, []), key=lambda h: (h.covers(self.today), h.start), reverse=True)

    def positions_for_post(self, post_id: str) -> list[Any]:
        return self._positions_for_post.get(post_id, [])

    def positions_for_official(self, official: Any, current_only: bool = True) -> list[Any]:
        """Positions targeting a post the official holds now (or ever held)."""
        posts = {h.post.id for h in self.holdings_of(official) if h.covers(self.today) or not current_only}
        return [p for p in self.all("position") if posts & set(p.targets)]

    def campaigns_using(self, record_id: str, kind: str) -> list[Any]:
        """Campaigns that list this position, enterprise or post (`kind`), each once, by id."""
        return self._campaigns_using.get((kind, record_id), [])

    def holders_of_scheme(self, scheme_id: str) -> list[tuple[Any, Any]]:
        return self._holders_of_scheme.get(scheme_id, [])

    def signature(self, enterprise_id: str) -> Any:
        return self._signatures.get(enterprise_id)

    def glossary_terms(self) -> Terms:
        """The glossary's terms, ready to be found in text (none without a glossary)."""
        return self._glossary_terms

    def uses(self, vocabulary: str, entry_id: str) -> list[tuple[str, Any]]:
        """Records that use a vocabulary entry, as (kind, record)."""
        return self.referrers(f"vocab:{vocabulary}", entry_id)

    def referrers(self, target: str, record_id: str) -> list[tuple[str, Any]]:
        """Every record that refers to `record_id` of `target` (a kind or `vocab:<name>`), as (kind, record)."""
        return self._referrers.get((target, record_id), [])
