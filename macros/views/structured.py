"""schema.org objects (JSON-LD) for the pages that are about one thing: an enterprise is an Organization, a seminar an
Event, an official (and a post's holders) a Person, the platform itself an Organization on the home page.

They are plain data (dicts, lists, text), made from the catalog like every other decision a page shows; the page
writes them with `render.json_ld`, which escapes them for a script block. URLs are absolute when the site's address
is known, since a JSON-LD reader has no page to resolve them against. Parts the record does not have are left out,
never filled with empty values.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .. import i18n
from ..catalog import Catalog
from ..kinds import KINDS
from ..kinds.fields import local
from ..social_image import SITE_IMAGE

CONTEXT = "https://schema.org"


def compact(data: dict) -> dict:
    """An object without its empty values (None, "", [], {}), so no reader takes a missing fact for a blank one."""
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def page_url(site_url: str, kind: str, record_id: str, anchor: str = "") -> str:
    """A record page's address in the language being made, absolute with the site's address."""
    return site_url + i18n.localize(KINDS[kind].page_url(record_id)) + (f"#{anchor}" if anchor else "")


def iso(value: dt.date | dt.datetime | None) -> str | None:
    """A date as written (all day), or a date-time on the city's clock with its offset."""
    if value is None:
        return None
    return local(value).isoformat() if isinstance(value, dt.datetime) else value.isoformat()


# -- enterprises ---------------------------------------------------------------------------------
def postal_address(address: Any) -> dict | None:
    if address is None:
        return None
    found = compact({"streetAddress": address.street, "postalCode": address.postcode, "addressLocality": address.city})
    return {"@type": "PostalAddress", **found} if found else None


def offer(catalog: Catalog, enterprise: Any, index: int, offering: Any, site_url: str) -> dict:
    """One offering as an Offer of a Service, pointing at the offering's row on the enterprise's page."""
    service = compact(
        {"@type": "Service", "name": offering.name, "description": offering.description, "category": catalog.label("offering-categories", offering.category)}
    )
    return {"@type": "Offer", "url": page_url(site_url, "enterprise", enterprise.id, offering_anchor(index)), "itemOffered": service}


def offering_anchor(index: int) -> str:
    """The anchor of an enterprise's offering on its page (1-based, in the record's order)."""
    return f"offer-{index}"


def organization(catalog: Catalog, enterprise: Any, site_url: str) -> dict:
    """An enterprise: an Organization, and a LocalBusiness (a place) too when it has an address or a map pin, since
    schema.org gives `geo` to places only. Its `url` is its own website, else its page here; its offerings are
    `makesOffer`; its networks `memberOf`."""
    e = enterprise
    contact = e.contact
    is_place = e.address is not None or e.geo is not None
    return compact(
        {
            "@context": CONTEXT,
            "@type": ["Organization", "LocalBusiness"] if is_place else "Organization",
            "@id": page_url(site_url, "enterprise", e.id, "organization"),
            "name": e.name,
            "description": e.summary,
            "url": e.website or page_url(site_url, "enterprise", e.id),
            "mainEntityOfPage": page_url(site_url, "enterprise", e.id),
            "address": postal_address(e.address),
            "geo": {"@type": "GeoCoordinates", "latitude": e.geo.lat, "longitude": e.geo.lon} if e.geo else None,
            "email": contact.email if contact else None,
            "telephone": contact.phone if contact else None,
            "foundingDate": str(e.founded) if e.founded else None,
            "makesOffer": [offer(catalog, e, i, o, site_url) for i, o in enumerate(e.offerings, 1)],
            "memberOf": [{"@type": "Organization", "name": n.name, "url": page_url(site_url, "network", n.id)} for n in catalog.networks_of(e.id)],
        }
    )


# -- seminars -------------------------------------------------------------------------------------
def platform_reference(site_name: str, site_url: str) -> dict:
    return compact({"@type": "Organization", "name": site_name, "url": site_url or None})


def event_location(seminar: Any) -> list[dict]:
    """Where a seminar takes place: a Place with its address, a VirtualLocation with its URL, or both."""
    places = []
    if seminar.location:
        places.append(compact({"@type": "Place", "name": seminar.location.name, "address": seminar.location.address}))
    if seminar.online_url:
        places.append({"@type": "VirtualLocation", "url": seminar.online_url})
    return places


def attendance_mode(seminar: Any) -> str:
    """Offline with a place only, online with a URL only, mixed with both."""
    if seminar.location and seminar.online_url:
        return "https://schema.org/MixedEventAttendanceMode"
    return "https://schema.org/OnlineEventAttendanceMode" if seminar.online_url else "https://schema.org/OfflineEventAttendanceMode"


def event(seminar: Any, text: str, site_name: str, site_url: str) -> dict:
    """A seminar: an Event, scheduled (the data has no cancelled or moved seminars), organised by its organisers or,
    when it names none, by the platform that publishes it; its speakers as performers; its registration as an offer."""
    s = seminar
    location = event_location(s)
    organisers = [{"@type": "Organization", "name": name} for name in s.organisers] or [platform_reference(site_name, site_url)]
    return compact(
        {
            "@context": CONTEXT,
            "@type": "Event",
            "name": s.title,
            "description": text,
            "url": page_url(site_url, "seminar", s.id),
            "startDate": iso(s.start),
            "endDate": iso(s.end),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": attendance_mode(s),
            "location": location[0] if len(location) == 1 else location,
            "organizer": organisers[0] if len(organisers) == 1 else organisers,
            "performer": [
                compact({"@type": "Person", "name": x.name, "affiliation": {"@type": "Organization", "name": x.organisation} if x.organisation else None})
                for x in s.speakers
            ],
            "offers": {"@type": "Offer", "url": s.registration_url} if s.registration_url else None,
        }
    )


# -- officials and posts -------------------------------------------------------------------------
def post_organization(post: Any) -> dict | None:
    """The body a post belongs to, as an Organization: its organisation, with the department where it names one."""
    name = ", ".join(x for x in (post.department, post.organisation) if x)
    return {"@type": "GovernmentOrganization", "name": name} if name else None


def role(holding: Any, site_url: str) -> dict:
    """A post held from `start` to `end`: a Role between the person and the post's organisation (schema.org's way to
    date a membership), named by the post's title."""
    return compact(
        {
            "@type": "Role",
            "roleName": holding.post.title,
            "startDate": holding.start.isoformat(),
            "endDate": holding.end.isoformat() if holding.end else None,
            "url": page_url(site_url, "post", holding.post.id),
            "memberOf": post_organization(holding.post),
        }
    )


def person(catalog: Catalog, official: Any, site_url: str) -> dict:
    """An official: a Person, `memberOf` their party (by its label in the parties' vocabulary) and (as dated roles) the bodies of every post they held, with
    `hasOccupation` for the posts they hold now; their office contact, never a private one (the data has none)."""
    o = official
    held = catalog.holdings_of(o)
    current = [h for h in held if h.covers(catalog.today)]
    contact = o.contact
    return compact(
        {
            "@context": CONTEXT,
            "@type": "Person",
            "@id": page_url(site_url, "official", o.id, "person"),
            "name": o.name,
            "url": page_url(site_url, "official", o.id),
            "memberOf": ([{"@type": "Organization", "name": catalog.label("parties", o.party)}] if o.party else []) + [role(h, site_url) for h in held],
            "hasOccupation": [compact({"@type": "Occupation", "name": h.post.title, "description": h.post.description}) for h in current],
            "email": contact.email if contact else None,
            "telephone": contact.phone if contact else None,
        }
    )


def post_holders(catalog: Catalog, post: Any, site_url: str) -> dict | None:
    """A post's page: the people who hold it now, each a Person (as on their own page); a vacant post, which is no
    one, has none."""
    holders = catalog.current_holders(post.id)
    if not holders:
        return None
    people = [person(catalog, o, site_url) for o in holders]
    if len(people) == 1:
        return people[0]
    return {"@context": CONTEXT, "@graph": [{k: v for k, v in p.items() if k != "@context"} for p in people]}


# -- the platform --------------------------------------------------------------------------------
def platform(site_name: str, site_url: str, description: str) -> dict:
    """The platform itself, on the home page: an Organization with its name, address on the web, description and
    the site's image as its logo."""
    return compact(
        {
            "@context": CONTEXT,
            "@type": "Organization",
            "@id": site_url + "#organization" if site_url else None,
            "name": site_name,
            "url": site_url or None,
            "description": description,
            "logo": site_url + SITE_IMAGE if site_url else None,
        }
    )
