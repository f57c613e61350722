"""The showcase: one enterprise's page, and the filterable listing of every enterprise."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from .. import buying, certification, privacy, render, showcase
from ..catalog import Catalog
from ..i18n import _
from ..kinds import KINDS
from . import structured
from .base import (
    EASY_READ,
    SITE,
    Contact,
    EmbedCode,
    Link,
    RecordView,
    Site,
    Span,
    Status,
    cert_status,
    contact,
    district_link,
    embed_code,
    external,
    record_link,
    record_links,
    sections,
    span,
    term,
    terms,
    when,
)
from .glossary import glossary_links
from .network import kind_label
from .paging import CARDS, PagedView, Paging


@dataclass(frozen=True)
class Holding:
    """One certification holding as shown: the scheme, its state today, its period, its evidence."""

    scheme_id: str
    scheme: Link
    state: Status
    period: Span | None
    evidence: Link | None

    @property
    def marker(self) -> str:
        """`data-cert-state`: `<scheme>:<state>`."""
        return f"{self.scheme_id}:{self.state.key}"


def holdings(catalog: Catalog, enterprise: Any) -> tuple[Holding, ...]:
    """Every certification holding of an enterprise, with its state on the build date."""
    return tuple(
        Holding(
            c.scheme,
            record_link(catalog, "scheme", c.scheme),
            cert_status(c, catalog.today),
            span(c.since, c.until, ""),
            external(c.evidence, _("evidence")),
        )
        for c in enterprise.certifications
    )


def held(all_holdings: tuple[Holding, ...]) -> tuple[Holding, ...]:
    """The holdings valid today (certified or due for re-assessment): what a chip or card may show."""
    return tuple(h for h in all_holdings if h.state.key in certification.VALID)


@dataclass(frozen=True)
class Offering:
    """Something buyers can buy, with its category and CPV codes, and a link to ask for a quote."""

    name: str
    description: str | None
    category: Link
    cpv: str
    quote: Link | None = None
    anchor: str = ""  # its row's id on the page, where the page's schema.org Offer points


def quote_link(enterprise: Any, offer: str, site_name: str) -> Link | None:
    """A `mailto:` asking the enterprise for a quote, its subject naming the offer and the platform; None without an
    e-mail address. The address is validated to hold no `?`, `&` or `%`, and the subject is URL-encoded."""
    email = enterprise.contact.email if enterprise.contact else None
    if not email:
        return None
    subject = _("Quote request: %(offer)s (via %(site)s)") % {"offer": offer, "site": site_name}
    return Link(f"mailto:{email}?subject={quote(subject, safe='')}", _("Request a quote"))


@dataclass(frozen=True)
class BuyersPanel:
    """What a buyer needs to know: may a contract be reserved for this enterprise (Article 20's test), which schemes
    it holds today, and whether buying here counts towards social return, with which factor."""

    eligible: str  # yes, no, unknown: data-reserved-eligible
    eligible_text: str
    share: str | None  # the share of target-group staff, when it gives no small count away
    rules: Link | None
    factor: str  # data-social-return-factor
    factor_text: str
    schemes: tuple[Holding, ...]


def buyers_panel(catalog: Catalog, enterprise: Any, all_holdings: tuple[Holding, ...]) -> BuyersPanel:
    rules = catalog.procurement
    test = buying.article20(enterprise, catalog.today, rules)
    credit = buying.social_return_credit(enterprise, catalog.today, rules)
    minimum = f"{rules.reserved_contracts.minimum_share:g}%" if rules else f"{buying.MINIMUM_SHARE}%"
    if test.state == "yes":
        eligible_text = _("Yes: %(reason)s. A contract may be reserved for it under Article 20 (at least %(minimum)s of employees disabled or disadvantaged).")
    elif test.state == "no":
        eligible_text = _("No: %(reason)s. Article 20 asks at least %(minimum)s.")
    else:
        eligible_text = _("Unknown: %(reason)s.")
    eligible_text %= {"reason": test.reason, "minimum": minimum}
    if credit.factor:
        named = {"factor": privacy.number(credit.factor), "scheme": catalog.title("scheme", catalog.get("scheme", credit.scheme))}
        if credit.example:
            factor_text = _(
                "Yes: each euro spent here counts as %(factor)s euro towards a contractor's social return (%(scheme)s). "
                "This factor is an example, not the city's policy."
            )
        else:
            factor_text = _("Yes: each euro spent here counts as %(factor)s euro towards a contractor's social return (%(scheme)s).")
        factor_text %= named
    else:
        factor_text = _("No: it holds no scheme whose purchases count towards social return.")
    share = None
    if test.share is not None:
        share = _("%(share)s%% of its staff belong to the target group (%(year)s)") % {"share": privacy.number(test.share), "year": test.year}
    return BuyersPanel(
        eligible=test.state,
        eligible_text=eligible_text,
        share=share,
        rules=Link(KINDS["procurement"].page_url("procurement"), _("the procurement rules and their sources")) if rules else None,
        factor=privacy.number(credit.factor),
        factor_text=factor_text,
        schemes=held(all_holdings),
    )


@dataclass(frozen=True)
class Job:
    title: str
    link: Link | None
    description: str | None


@dataclass(frozen=True)
class FiguresRow:
    """One year of an enterprise's figures, as published (1 to 9 people shown as <10)."""

    year: str
    jobs_target_group: str
    moved_to_paid_work: str
    staff_total: str
    source: str  # data-source: the record's file


@dataclass(frozen=True)
class NetworkLink:
    link: Link
    kind: str


@dataclass(frozen=True, kw_only=True)
class EnterpriseView(RecordView):
    summary: Markup
    tags: tuple[Link, ...]
    chips: tuple[Holding, ...]
    description: Markup
    offerings: tuple[Offering, ...]
    buyers: BuyersPanel
    website: Link | None
    contact: Contact | None
    address: str | None
    map_link: Link | None
    legal_form: str | None
    founded: str | None
    target_groups: tuple[Link, ...]
    how_to_apply: Markup
    jobs: tuple[Job, ...]
    figures: tuple[FiguresRow, ...]
    holdings: tuple[Holding, ...]
    networks: tuple[NetworkLink, ...]
    signed: Link | None  # the manifesto, when the enterprise signed it
    signed_on: Any
    campaigns: tuple[Link, ...]
    embed: EmbedCode


def cpv_codes(catalog: Catalog, offering: Any) -> str:
    """An offering's CPV code if it names one, else its category's codes."""
    if offering.cpv:
        return offering.cpv
    vocab = catalog.vocabulary("offering-categories")
    entry = next((e for e in vocab.entries if e.id == offering.category), None) if vocab else None
    return ", ".join(entry.cpv) if entry else ""


def address_text(a: Any) -> str | None:
    if a is None:
        return None
    return ", ".join(part for part in (a.street, a.postcode, a.city) if part) or None


def map_link(geo: Any) -> Link | None:
    """A link to the place on OpenStreetMap's site (a link the reader follows, not a request the page makes)."""
    if geo is None:
        return None
    return Link(f"https://www.openstreetmap.org/?mlat={geo.lat}&mlon={geo.lon}#map=17/{geo.lat}/{geo.lon}", _("on the map"))


def figures(enterprise: Any) -> tuple[FiguresRow, ...]:
    """The enterprise's yearly figures, newest first, small counts suppressed."""
    return tuple(
        FiguresRow(
            str(f.year), privacy.people(f.jobs_target_group), privacy.people(f.moved_to_paid_work), privacy.people(f.staff_total), enterprise.source_path
        )
        for f in sorted(enterprise.figures, key=lambda f: f.year, reverse=True)
    )


def enterprise_view(catalog: Catalog, enterprise: Any, site: Site = SITE) -> EnterpriseView:
    """One enterprise's page: buy from us, work or refer here, why it matters."""
    e = enterprise
    all_holdings = holdings(catalog, e)
    signature = catalog.signature(e.id)
    easy_read, summary, description, how_to_apply = glossary_links(
        catalog,
        KINDS["enterprise"].page_url(e.id),
        render.paragraphs(e.easy_read) if e.easy_read else None,
        e.summary,
        render.markdown(e.description),
        render.paragraphs(e.how_to_apply),
    )
    return EnterpriseView(
        title=e.name,
        kind="enterprise",
        record_id=e.id,
        example=e.example,
        source_path=e.source_path,
        toc=sections(
            (EASY_READ[0], _(EASY_READ[1]), e.easy_read),
            ("buy", _("Buy from us"), True),
            ("buyers", _("For buyers"), True),
            ("work", _("Work or refer here"), True),
            ("impact", _("Why it matters"), True),
            ("embed", _("Embed this"), True),
        ),
        preview=e.summary,
        structured=structured.organization(catalog, e, site.site_url),
        easy_read=easy_read,
        summary=summary,
        tags=(term(catalog, "sectors", e.sector), term(catalog, "districts", e.district)),
        chips=held(all_holdings),
        description=description,
        offerings=tuple(
            Offering(
                o.name,
                o.description,
                term(catalog, "offering-categories", o.category),
                cpv_codes(catalog, o),
                quote_link(e, o.name, site.site_name),
                structured.offering_anchor(i),
            )
            for i, o in enumerate(e.offerings, 1)
        ),
        buyers=buyers_panel(catalog, e, all_holdings),
        website=external(e.website),
        contact=contact(e.contact),
        address=address_text(e.address),
        map_link=map_link(e.geo) if e.address else None,
        legal_form=e.legal_form,
        founded=str(e.founded) if e.founded else None,
        target_groups=terms(catalog, "target-groups", e.target_groups),
        how_to_apply=how_to_apply,
        jobs=tuple(Job(j.title, external(j.url, j.title), j.description) for j in e.jobs),
        figures=figures(e),
        holdings=all_holdings,
        networks=tuple(NetworkLink(record_link(catalog, "network", n), kind_label(n.kind)) for n in catalog.networks_of(e.id)),
        signed=Link(KINDS["manifesto"].page_url("manifesto"), _("manifesto")) if signature else None,
        signed_on=when(signature.date) if signature else None,
        campaigns=record_links(catalog, "campaign", catalog.campaigns_using(e.id, "enterprise")),
        embed=embed_code("enterprise", e.id, _("%(name)s at %(site)s") % {"name": e.name, "site": site.site_name}, 320, site.site_url),
    )


# -- the showcase listing -----------------------------------------------------------------------
@dataclass(frozen=True)
class EnterpriseCard:
    """One enterprise in a filterable listing: what the card shows and the values its filters read."""

    key: str  # its row in the open-data export, for "Download these results"
    marker: str
    link: Link
    example: bool
    summary: str
    meta: tuple[str, ...]
    chips: tuple[Holding, ...]
    offers: tuple[str, ...]
    filters: tuple[tuple[str, str], ...]  # (facet, space-separated values)
    text: str  # more words the text box searches: the offerings'
    geo: tuple[str, str] | None

    @property
    def words(self) -> str:
        """What the search box searches: the name, the summary and the offerings' names and descriptions, lowercased."""
        return " ".join(str(t) for t in (self.link.text, self.summary, self.text)).lower()  # in the page's language


@dataclass(frozen=True)
class MapView:
    tiles: str
    attribution: str


@dataclass(frozen=True, kw_only=True)
class ShowcaseView(PagedView):
    lead: str
    cards: tuple[EnterpriseCard, ...]  # every enterprise, on all the showcase's pages
    map: MapView

    @property
    def items(self) -> tuple[EnterpriseCard, ...]:
        return self.cards


def card(catalog: Catalog, enterprise: Any, values: dict[str, list[str]]) -> EnterpriseCard:
    """A showcase card: name, summary, sector and district, schemes held today, offerings, filter values."""
    e = enterprise
    return EnterpriseCard(
        key=e.id,
        marker=f"enterprise:{e.id}",
        link=record_link(catalog, "enterprise", e),
        example=e.example,
        summary=e.summary,
        meta=(catalog.label("sectors", e.sector), catalog.label("districts", e.district)),
        chips=held(holdings(catalog, e)),
        offers=tuple(catalog.label("offering-categories", c) for c in values["category"]),
        filters=tuple((name, " ".join(v)) for name, v in values.items()),
        text=showcase.search_text(e),
        geo=(str(e.geo.lat), str(e.geo.lon)) if e.geo else None,
    )


def showcase_view(catalog: Catalog, site: Site = SITE) -> ShowcaseView:
    """The showcase: every enterprise as a card, by id, CARDS to a page; the facets with their counts; the map."""
    enterprises = catalog.all("enterprise")
    values = [showcase.facet_values(catalog, e) for e in enterprises]
    # The district filter names each district's page: its enterprises on a map, its figures, posts and asks.
    facets = tuple(
        replace(f, pages=tuple(district_link(catalog, v.id) for v in f.values), pages_label=_("About each district")) if f.name == "district" else f
        for f in showcase.facets(catalog, values)
    )
    return ShowcaseView(
        title=_("Showcase"),
        wide=True,
        lead=_(
            "The city's social enterprises: what they make and sell, where they are, and who can work there. "
            "Filter by sector, district, offering or certification, or search by name."
        ),
        facets=facets,
        cards=tuple(card(catalog, e, v) for e, v in zip(enterprises, values, strict=True)),
        map=MapView(site.map_tiles, site.map_attribution),
        paging=Paging(KINDS["enterprise"].listing, CARDS, len(enterprises), _("Enterprises")),
    )
