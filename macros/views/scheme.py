"""Certification: the definition and schemes, and who holds each scheme today, applied for it, or held it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from .. import buying, certification, render, showcase
from ..catalog import Catalog
from ..i18n import N_, _, ngettext
from ..kinds import KINDS
from .base import SITE, Link, RecordView, Site, Span, Status, View, cert_status, external, record_link, record_links, sections, span
from .glossary import glossary_links
from .paging import ROWS, PagedView, Paging

# What a scheme is, in English (the keys are the data's values); shown in the page's language.
KIND_LABELS = {"definition": N_("definition"), "certification": N_("certification")}


@dataclass(frozen=True)
class HolderRow:
    """One enterprise's holding of the scheme."""

    enterprise: Link
    state: Status
    period: Span | None
    marker: str  # data-cert-state


@dataclass(frozen=True)
class Criterion:
    anchor: str
    text: Markup


@dataclass(frozen=True, kw_only=True)
class SchemeView(RecordView):
    summary: Markup | None
    kind_label: str
    owner: str | None
    website: Link | None
    levels: str | None
    validity: str | None
    description: Markup
    criteria: tuple[Criterion, ...]
    current: tuple[HolderRow, ...]
    applicants: tuple[HolderRow, ...]
    former: tuple[HolderRow, ...]


def best_holdings(catalog: Catalog, scheme_id: str) -> list[tuple[Any, Any]]:
    """Each enterprise holding the scheme once, with its holding that says most (certification.PRECEDENCE), by name."""
    best: dict[str, tuple[Any, Any]] = {}
    for enterprise, cert in catalog.holders_of_scheme(scheme_id):
        rank = certification.PRECEDENCE.index(certification.state(cert, catalog.today))
        if enterprise.id not in best or rank < certification.PRECEDENCE.index(certification.state(best[enterprise.id][1], catalog.today)):
            best[enterprise.id] = (enterprise, cert)
    return sorted(best.values(), key=lambda ec: (ec[0].name.lower(), ec[0].id))


def holder_rows(catalog: Catalog, scheme_id: str) -> tuple[tuple[HolderRow, ...], tuple[HolderRow, ...], tuple[HolderRow, ...]]:
    """The scheme's enterprises split by their state today: current (certified or due for re-assessment),
    applicants, and former (expired or withdrawn), each enterprise once."""
    groups: dict[str, list[HolderRow]] = {"current": [], "applicants": [], "former": []}
    for enterprise, cert in best_holdings(catalog, scheme_id):
        state = cert_status(cert, catalog.today)
        row = HolderRow(record_link(catalog, "enterprise", enterprise), state, span(cert.since, cert.until, ""), f"{scheme_id}:{state.key}")
        group = "current" if state.key in certification.VALID else "applicants" if state.key == "applied" else "former"
        groups[group].append(row)
    return tuple(groups["current"]), tuple(groups["applicants"]), tuple(groups["former"])


def holders_text(count: int) -> str:
    return ngettext("%(num)d enterprise certified now", "%(num)d enterprises certified now", count) % {"num": count}


def validity_text(years: int | None) -> str | None:
    if not years:
        return None
    return ngettext("%(num)s year", "%(num)s years", years) % {"num": years}


def scheme_view(catalog: Catalog, scheme: Any, site: Site = SITE) -> SchemeView:
    """A scheme's page: what it asks (its criteria) and who holds it today, apart from those who applied or held it."""
    s = scheme
    current, applicants, former = holder_rows(catalog, s.id)
    summary, description, *criteria = glossary_links(
        catalog, KINDS["scheme"].page_url(s.id), s.summary, render.markdown(s.description), *(c.text for c in s.criteria)
    )
    return SchemeView(
        title=s.name,
        kind="scheme",
        record_id=s.id,
        example=s.example,
        source_path=s.source_path,
        toc=sections(
            ("criteria", _("Criteria"), True),
            ("holders", _("Certified now (%(count)s)") % {"count": len(current)}, s.kind == "certification" or current),
            ("applicants", _("Applied (%(count)s)") % {"count": len(applicants)}, applicants),
            ("former", _("Formerly certified (%(count)s)") % {"count": len(former)}, former),
        ),
        summary=summary,
        kind_label=_(KIND_LABELS.get(s.kind, s.kind)),
        owner=s.owner,
        website=external(s.url),
        levels=", ".join(s.levels) or None,
        validity=validity_text(s.validity_years),
        description=description,
        criteria=tuple(Criterion(f"criterion-{c.id}", text) for c, text in zip(s.criteria, criteria, strict=True)),
        current=current,
        applicants=applicants,
        former=former,
    )


@dataclass(frozen=True)
class SchemeCard:
    marker: str
    link: Link
    example: bool
    kind_label: str
    summary: str
    holders_text: str | None  # certification schemes: how many hold it today


@dataclass(frozen=True)
class MatrixRow:
    """One enterprise in the certification matrix: its state for each certification scheme (None: never applied),
    Article 20's test, and the values the matrix's filters read."""

    key: str
    marker: str
    link: Link
    example: bool
    states: tuple[tuple[str, Status | None], ...]  # (scheme id, state)
    article20: Status
    filters: tuple[tuple[str, str], ...]

    @property
    def words(self) -> str:
        """What the search box searches: the enterprise's name, lowercased."""
        return str(self.link.text).lower()


@dataclass(frozen=True, kw_only=True)
class CertificationView(PagedView):
    definitions: tuple[SchemeCard, ...]
    schemes: tuple[SchemeCard, ...]
    self_test: Link | None
    matrix_schemes: tuple[Link, ...]
    matrix: tuple[MatrixRow, ...]  # every enterprise, on all the matrix's pages

    @property
    def items(self) -> tuple[MatrixRow, ...]:
        return self.matrix


def matrix_row(catalog: Catalog, enterprise: Any, schemes: list[Any]) -> MatrixRow:
    """An enterprise's row: its state for each of the matrix's schemes, Article 20's test, and the filters' values
    (only the matrix's schemes: the definition has no column)."""
    columns = {s.id for s in schemes}
    states = []
    for s in schemes:
        key = certification.best_state(enterprise, s.id, catalog.today)
        states.append((s.id, Status(key, certification.label(key)) if key else None))
    test = buying.article20(enterprise, catalog.today, catalog.procurement)
    return MatrixRow(
        key=enterprise.id,
        marker=f"enterprise:{enterprise.id}",
        link=record_link(catalog, "enterprise", enterprise),
        example=enterprise.example,
        states=tuple(states),
        article20=Status(f"article20-{test.state}", buying.labels(catalog.procurement)[test.state]),
        filters=(("certification", " ".join(s for s in certification.held_schemes(enterprise, catalog.today) if s in columns)), ("article20", test.state)),
    )


def certification_view(catalog: Catalog, site: Site = SITE) -> CertificationView:
    """/certification/: what counts as a social enterprise (the definitions), then the certification schemes with how many hold each today."""
    cards = [
        SchemeCard(
            f"scheme:{s.id}",
            record_link(catalog, "scheme", s),
            s.example,
            s.kind,
            s.summary or "",
            holders_text(sum(1 for _e, c in best_holdings(catalog, s.id) if certification.is_valid(c, catalog.today))) if s.kind == "certification" else None,
        )
        for s in catalog.all("scheme")
    ]
    definitions = tuple(c for c in cards if c.kind_label == "definition")
    schemes = tuple(c for c in cards if c.kind_label != "definition")
    certifications = [s for s in catalog.all("scheme") if s.kind == "certification"]
    rows = tuple(matrix_row(catalog, e, certifications) for e in catalog.all("enterprise"))
    return CertificationView(
        title=_("Certification"),
        wide=True,
        toc=sections(
            ("definition", _("What counts as a social enterprise"), definitions),
            ("schemes", _("Certification schemes"), schemes),
            ("matrix", _("Who holds what today"), rows),
        ),
        definitions=definitions,
        schemes=schemes,
        self_test=Link("certification/self-test/", _("Is my enterprise a WISE? Take the self-test"))
        if any(s.kind == "definition" for s in catalog.all("scheme"))
        else None,
        matrix_schemes=record_links(catalog, "scheme", certifications),
        matrix=rows,
        facets=(
            showcase.facet(
                "certification",
                _("Certified now"),
                (dict(r.filters)["certification"].split() for r in rows),
                lambda v: catalog.title("scheme", catalog.get("scheme", v)),
                [s.id for s in certifications],
            ),
            showcase.facet(
                "article20",
                _("Article 20 test"),
                ([dict(r.filters)["article20"]] for r in rows),
                buying.labels(catalog.procurement).get,
                ("yes", "no", "unknown"),
            ),
        ),
        paging=Paging(KINDS["scheme"].listing, ROWS, len(rows), _("Enterprises")),
    )


# -- the self-test -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class NextScheme:
    """A certification scheme to apply for: its page, its owner, its own site."""

    link: Link
    owner: str | None
    website: Link | None


@dataclass(frozen=True, kw_only=True)
class SelfTestView(View):
    definition: Link | None
    criteria: tuple[Criterion, ...]
    schemes: tuple[NextScheme, ...]


def self_test_view(catalog: Catalog, site: Site = SITE) -> SelfTestView:
    """/certification/self-test/: the definition's criteria as questions, and the certification schemes to apply for
    next. The criteria come from the definition record; the answers never leave the reader's browser."""
    definition = next((s for s in catalog.all("scheme") if s.kind == "definition"), None)
    return SelfTestView(
        title=_("Is my enterprise a WISE?"),
        toc=sections(("questions", _("The questions"), definition), ("next", _("What to do next"), True)),
        definition=record_link(catalog, "scheme", definition) if definition else None,
        criteria=tuple(Criterion(f"criterion-{c.id}", escape(c.text)) for c in definition.criteria) if definition else (),
        schemes=tuple(
            NextScheme(record_link(catalog, "scheme", s), s.owner, external(s.url, _("their website")))
            for s in catalog.all("scheme")
            if s.kind == "certification"
        ),
    )
