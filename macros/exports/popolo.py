"""Popolo (the civic-tech standard for people in public office): `/data/popolo.json`.

Officials are `persons`, posts are `posts`, the bodies the posts belong to (the council, the executive, the
administration, national bodies) and the parties (the entries of `data/vocabularies/parties.yml`) are
`organizations`, and `memberships` say who held which post when, and who belonged to which party. Everything is
derived from the officials, posts and parties as the editors wrote them; nothing is typed twice. Ids are the records'
own ids (a body's is made from its name, a party's from its id in the vocabulary), so a reader can join this file
with `/data/official.json`, `/data/post.json` and `/data/vocabulary.json`. A field filled from translatable text (a
post's title, a party's label and description) holds the site's default language's text, followed by
`<field>_<lang>` for each other language of the site that the text is translated into.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import Any

from ..catalog import Catalog
from ..kinds import KINDS
from ..localized import Localized, translation_cells
from . import json_text


def texts(**fields: Any) -> dict:
    """Fields filled from record text, in order: each as the default language's text, followed by its translations
    (`<field>_<lang>`) where it has them; fields without a value are left out, as Popolo writes them."""
    out: dict = {}
    for name, value in fields.items():
        if value is None:
            continue
        out[name] = str.__str__(value) if isinstance(value, Localized) else value
        out |= {key: text for key, text in translation_cells(name, value).items() if text is not None}
    return out


# A post's `body` → the organization's classification and the first words of its name.
BODIES = {
    "executive": ("executive", "Executive"),
    "council": ("legislature", "Council"),
    "department": ("administration", "Administration"),
    "national": ("national", "National"),
}
PARTY_CLASSIFICATION = "party"


def slug(text: str) -> str:
    """An id part made from a name: letters and digits of any script, lower case, runs of anything else as one hyphen."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[^\w]+|_+", "-", folded).strip("-") or "unnamed"


def body_id(post: Any) -> str:
    """The organization a post belongs to: its body, within its organisation when it names one (the executive of the
    city and a district's executive are two bodies)."""
    return f"{post.body}-{slug(post.organisation)}" if post.organisation else post.body


def body_name(post: Any) -> str:
    prefix = BODIES[post.body][1]
    return f"{prefix}, {post.organisation}" if post.organisation else prefix


def party_id(party: str) -> str:
    """A party's organization id: its id in the parties' vocabulary (what an official's `party` names), prefixed so
    that it cannot meet a body's."""
    return f"party-{party}"


def political(post: Any) -> bool:
    """Whether a post is held on behalf of a party: every post but a civil servant's (body `department`)."""
    return post.body != "department"


def page(site_url: str, kind: str, record_id: str) -> dict:
    return {"url": site_url + KINDS[kind].page_url(record_id), "note": "page on the platform's site"}


def person(official: Any, site_url: str) -> dict:
    """An official as a Popolo person: name, office contact, their page, and the public sources of the facts."""
    contact = official.contact
    details = []
    if contact and contact.email:
        details.append({"type": "email", "value": contact.email, "label": "office"})
    if contact and contact.phone:
        details.append({"type": "voice", "value": contact.phone, "label": "office"})
    links = [page(site_url, "official", official.id)] + ([{"url": contact.url, "note": "office page"}] if contact and contact.url else [])
    return {
        "id": official.id,
        "name": official.name,
        **({"email": contact.email} if contact and contact.email else {}),
        **({"contact_details": details} if details else {}),
        "links": links,
        "sources": [{"url": url} for url in official.sources],
        "example": official.example,
    }


def post(record: Any, site_url: str) -> dict:
    """A post as a Popolo post, in the organization of its body."""
    return {
        "id": record.id,
        **texts(label=record.title, role=record.title),
        "organization_id": body_id(record),
        "links": [page(site_url, "post", record.id)],
        "example": record.example,
    }


def organizations(catalog: Catalog) -> list[dict]:
    """Every body that a post belongs to (example data only when every post it is made from is, since one real
    record makes it real), then every party of the parties' vocabulary, in its order, named by its label (example
    data when the vocabulary is)."""
    bodies: dict[str, list[Any]] = defaultdict(list)
    for p in catalog.all("post"):
        bodies[body_id(p)].append(p)
    out = [
        {"id": key, "name": body_name(posts[0]), "classification": BODIES[posts[0].body][0], "example": all(p.example for p in posts)}
        for key, posts in sorted(bodies.items())
    ]
    vocabulary = catalog.vocabulary("parties")
    for entry in vocabulary.entries if vocabulary else ():
        party = {"id": party_id(entry.id), **texts(name=entry.label), "classification": PARTY_CLASSIFICATION}
        out.append(party | texts(description=entry.description) | {"example": vocabulary.example})
    return out


def holding_membership(official: Any, m: Any, record: Any) -> dict:
    """A post held from `start` to `end` (no end: held now): a membership of the post's body, on behalf of the
    official's party when the post is a political one, with the source of the appointment."""
    return {
        "id": f"{official.id}/{m.post}/{m.start.isoformat()}",
        "person_id": official.id,
        "organization_id": body_id(record),
        "post_id": m.post,
        **texts(role=record.title),
        "start_date": m.start.isoformat(),
        **({"end_date": m.end.isoformat()} if m.end else {}),
        **({"on_behalf_of_id": party_id(official.party)} if official.party and political(record) else {}),
        **({"sources": [{"url": m.source}]} if m.source else {}),
        "example": official.example,
    }


def party_membership(official: Any) -> dict:
    """An official's party, as a membership dated by their post holdings: the data records the party they hold their
    posts for, not the day they joined it, so the membership runs from their first post's start to their last
    post's end (open while they hold a post)."""
    starts = [m.start for m in official.memberships]
    ends = [m.end for m in official.memberships]
    return {
        "id": f"{official.id}/{party_id(official.party)}",
        "person_id": official.id,
        "organization_id": party_id(official.party),
        "role": "member",
        "start_date": min(starts).isoformat(),
        **({"end_date": max(ends).isoformat()} if None not in ends else {}),
        "sources": [{"url": url} for url in official.sources],
        "example": official.example,
    }


def memberships(catalog: Catalog) -> list[dict]:
    """Every post holding of every official (oldest first), then their party membership."""
    out = []
    for o in catalog.all("official"):
        for m in sorted(o.memberships, key=lambda m: (m.start, m.post)):
            out.append(holding_membership(o, m, catalog.get("post", m.post)))
        if o.party:
            out.append(party_membership(o))
    return out


def popolo(catalog: Catalog, site_url: str) -> dict:
    """The whole Popolo export: persons, organizations, posts and memberships."""
    return {
        "persons": [person(o, site_url) for o in catalog.all("official")],
        "organizations": organizations(catalog),
        "posts": [post(p, site_url) for p in catalog.all("post")],
        "memberships": memberships(catalog),
    }


def popolo_files(catalog: Catalog, site_url: str) -> dict[str, str]:
    """`/data/popolo.json` (site path → text)."""
    return {"data/popolo.json": json_text(popolo(catalog, site_url))}


# What each Popolo field holds, for docs/reference/exports.md (generated).
FIELD_DOCS = (
    ("persons", "id", "the official's id"),
    ("persons", "name, email, contact_details", "the official's name and office contact (e-mail, phone)"),
    ("persons", "links, sources", "the official's page here and office page; the public sources of the record"),
    ("posts", "id, label, role", "the post's id and title (with `label_<lang>`, `role_<lang>` for each other language it is translated into)"),
    ("posts", "organization_id", "the organization of the post's body"),
    (
        "organizations",
        "id",
        "a body: `<body>-<organisation>` (from the posts' `body` and `organisation`); a party: `party-<id>` (its id in data/vocabularies/parties.yml)",
    ),
    (
        "organizations",
        "name, description",
        "a body: its kind and organisation; a party: its label and description in the parties' vocabulary (with `name_<lang>`, `description_<lang>` "
        "for each other language they are translated into)",
    ),
    ("organizations", "classification", "executive, legislature (council), administration (department), national, or party"),
    (
        "memberships",
        "post holdings",
        "one per official's membership of a post: `post_id`, the body's `organization_id`, `start_date`, `end_date` (none while held), "
        "`on_behalf_of_id` (the party, for every post but a department's), the appointment's source",
    ),
    (
        "memberships",
        "party membership",
        "one per official with a party: the party's `organization_id`, from the first post's start to the last post's end (none while a post is held)",
    ),
    ("every object", "example", "true for fictional demo content (a body: when every post it comes from is; a party: when the parties' vocabulary is)"),
)
