"""`wise demo-data`: a synthetic but realistic data set of any size, for benchmarks and load tests.

Deterministic (a seeded generator), written as ordinary YAML record files that pass
`wise check`, with officials, posts, positions, council decisions, campaigns, seminars and
networks in proportion to the number of enterprises. Every record is marked `example: true`.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

from .kinds.fields import slugify

WORDS = "bike bakery bloom canal craft dock field forge garden harbour hive kitchen linen loom market mill north orchard print quay river square studio table thread works yard".split()
STREETS = "Damrak Kinkerstraat Javastraat Czaar Peterstraat Bilderdijkstraat Ferdinand Bolstraat Bijlmerplein Meeuwenlaan Osdorpplein Hoogstraat".split(" ")


def _q(value) -> str:
    """A YAML scalar that reads back as exactly this text (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _write(folder: Path, record_id: str, lines: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{record_id}.yml").write_text("\n".join(["example: true", *lines]) + "\n", encoding="utf-8")


PROJECT_VOCABULARIES = Path(__file__).resolve().parent.parent / "data" / "vocabularies"
PROJECT_PROCUREMENT = Path(__file__).resolve().parent.parent / "data" / "procurement.yml"
PROJECT_GLOSSARY = Path(__file__).resolve().parent.parent / "data" / "glossary.yml"


def one_language(value, default: str | None = None):
    """The project's records with each text in one language, the project's default: a demo folder is checked alone
    too, where no mkdocs.yml names languages and a text per language would be refused."""
    if default is None:
        from .settings import read_settings

        default = read_settings(PROJECT_VOCABULARIES.parent.parent).languages[0]
    if isinstance(value, dict):
        if value and all(isinstance(k, str) and len(k) <= 3 for k in value) and all(isinstance(v, str) for v in value.values()) and default in value:
            return value[default]
        return {k: one_language(v, default) for k, v in value.items()}
    if isinstance(value, list):
        return [one_language(v, default) for v in value]
    return value


def _copy(source: Path, target: Path) -> None:
    """A project's record file copied with its texts in one language (see one_language)."""
    import yaml

    from .load import load_file

    data = one_language(load_file(source, source.name).data)
    target.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")


def _procurement(data: Path, certifications: list[str]) -> None:
    """The project's procurement rules (thresholds, reserved contracts, social return), with their example factors
    moved onto the demo's certification schemes, so the buyers' pages exist at every size."""
    import yaml

    from .load import load_file

    rules = one_language(load_file(PROJECT_PROCUREMENT, "data/procurement.yml").data)
    factors = rules.get("social_return", {}).get("factors", [])
    rules["social_return"]["factors"] = [{**factor, "scheme": scheme} for factor, scheme in zip(factors, certifications, strict=False)]
    (data / "procurement.yml").write_text(yaml.safe_dump(rules, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")


def _glossary(data: Path) -> None:
    """The project's glossary, so record pages link their terms at every size; a term whose source is a record the demo
    has no copy of (only the vocabularies and procurement rules are the project's own) is left out."""
    import yaml

    from .kinds.glossary import RECORD
    from .load import load_file

    glossary = one_language(load_file(PROJECT_GLOSSARY, "data/glossary.yml").data)
    copied = {"vocabulary", "procurement"}
    glossary["terms"] = [t for t in glossary["terms"] if (record := RECORD.match(t["source"])) is None or record.group("kind") in copied]
    (data / "glossary.yml").write_text(yaml.safe_dump(glossary, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")


def demo_data(enterprises: int, out: Path, vocabularies: Path | None = None, seed: int = 2016) -> Path:
    """Write a data set of `enterprises` enterprises into the new data folder `out`; returns it.

    An existing non-empty folder is refused, never replaced: it may be somebody's real data."""
    rng = random.Random(seed)
    vocabularies = vocabularies or PROJECT_VOCABULARIES
    data = out
    if data.exists() and any(data.iterdir()):
        raise FileExistsError(str(data))
    (data / "vocabularies").mkdir(parents=True)
    for path in sorted(vocabularies.glob("*.yml")):
        _copy(path, data / "vocabularies" / path.name)
    vocab = {
        p.stem: [line.split("id:", 1)[1].strip() for line in p.read_text().splitlines() if line.strip().startswith("- id:")]
        for p in (data / "vocabularies").glob("*.yml")
    }
    n_networks, n_posts = max(3, enterprises // 50), max(6, enterprises // 100)
    n_officials, n_positions = max(8, n_posts * 3 // 2), max(4, enterprises // 80)
    schemes = ["demo-keurmerk", "demo-code", "demo-definition"]
    for i, scheme in enumerate(schemes):
        _write(
            data / "schemes",
            scheme,
            [
                f"name: {_q(f'Demo scheme {i + 1}')}",
                f"kind: {'definition' if i == 2 else 'certification'}",
                "criteria:",
                "  - id: mission",
                "    text: Work integration is the primary mission.",
            ],
        )
    ids = []
    for i in range(enterprises):
        name = f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {i + 1}"
        eid = slugify(name)
        ids.append(eid)
        category = rng.choice(vocab["offering-categories"])
        what, where = category.replace("-", " "), rng.choice(vocab["districts"])
        street = f"{rng.choice(STREETS)} {rng.randint(1, 300)}"
        lines = [
            f"name: {_q(name)}",
            f"summary: {_q(f'A social enterprise in {where} offering {what} and training for people at a distance from work.')}",
            f"sector: {rng.choice(vocab['sectors'])}",
            f"district: {rng.choice(vocab['districts'])}",
            f"target_groups: [{', '.join(rng.sample(vocab['target-groups'], 2))}]",
            "offerings:",
            f"  - name: {_q(what.capitalize() + ' service')}",
            f"    category: {category}",
            f'address: {{street: {_q(street)}, postcode: "10{rng.randint(10, 99)} AB", city: Amsterdam}}',
            f"geo: {{lat: {52.33 + rng.random() * 0.08:.5f}, lon: {4.83 + rng.random() * 0.16:.5f}}}",
            f"website: https://{eid}.example.org",
            f"founded: {rng.randint(1990, 2024)}",
            "figures:",
            f"  - {{year: 2024, jobs_target_group: {rng.randint(1, 60)}, moved_to_paid_work: {rng.randint(0, 12)}, staff_total: {rng.randint(60, 90)}}}",
        ]
        if rng.random() < 0.5:
            lines += ["certifications:", f"  - {{scheme: {rng.choice(schemes[:2])}, status: certified, since: 2024-01-01}}"]
        _write(data / "enterprises", eid, lines)
    for n in range(n_networks):
        members = ", ".join(rng.sample(ids, min(len(ids), 12)))
        _write(
            data / "networks",
            f"demo-network-{n + 1}",
            [f"name: Demo network {n + 1}", "kind: network", "summary: Enterprises working together.", f"members: [{members}]"],
        )
    posts = [f"demo-post-{n + 1}" for n in range(n_posts)]
    for n, post in enumerate(posts):
        _write(
            data / "posts",
            post,
            [f"title: Demo post {n + 1}", f"body: {rng.choice(['executive', 'council', 'department'])}", f"portfolio: [{rng.choice(vocab['topics'])}]"],
        )
    officials = [f"demo-official-{n + 1}" for n in range(n_officials)]
    for n, official in enumerate(officials):
        post = posts[n % n_posts]
        start, end = (dt.date(2018, 6, 1), dt.date(2022, 5, 31)) if n >= n_posts else (dt.date(2022, 6, 1), None)
        span = f"    start: {start}" + (f"\n    end: {end}" if end else "")
        _write(
            data / "officials",
            official,
            [f"name: Demo Official {n + 1}", "memberships:", f"  - post: {post}", span, "sources: [https://example.org/officials]"],
        )
    statuses = ["asked", "acknowledged", "committed", "delivered", "refused"]
    for n in range(n_positions):
        lines = [
            f"title: Demo position {n + 1}",
            "summary: What the platform asks.",
            "status: active",
            "last_reviewed: 2026-01-15",
            f"targets: [{rng.choice(posts)}]",
            "asks:",
        ]
        for a in range(3):
            lines += [
                f"  - id: ask-{a + 1}",
                f"    text: Demo ask {a + 1}.",
                "    history:",
                f"      - {{date: 2025-0{a + 1}-15, status: {rng.choice(statuses)}, source: https://example.org/minutes, officials: [{rng.choice(officials)}]}}",
            ]
        _write(data / "positions", f"demo-position-{n + 1}", lines)
    outcomes = ["adopted", "rejected", "promised", "withdrawn"]
    for n in range(max(4, n_positions // 2)):
        outcome = outcomes[n % len(outcomes)]
        lines = [
            f"title: Demo motion {n + 1}",
            "kind: motion",
            f"date: 2025-{n % 12 + 1:02}-10",
            "body: council",
            "summary: What the council decided.",
            "source: https://example.org/decisions",
            f"outcome: {outcome}",
            f"asks: [{{position: demo-position-{n % n_positions + 1}, ask: ask-1}}]",
            "articles: [work]",
        ]
        if outcome != "withdrawn":
            lines += ["votes:", "  parties:", *(f"    - {{party: {party}, vote: {rng.choice(['for', 'against', 'absent'])}}}" for party in vocab["parties"])]
        _write(data / "decisions", f"demo-decision-{n + 1}", lines)
    for n in range(max(2, enterprises // 500)):
        _write(
            data / "campaigns",
            f"demo-campaign-{n + 1}",
            [f"name: Demo campaign {n + 1}", "goal: More buying from social enterprises.", f"enterprises: [{', '.join(rng.sample(ids, min(len(ids), 20)))}]"],
        )
    for n in range(max(6, enterprises // 200)):
        day = dt.date(2025, 1, 15) + dt.timedelta(days=45 * n)
        _write(
            data / "seminars", f"demo-seminar-{n + 1}", [f"title: Demo seminar {n + 1}", f"start: {_q(f'{day}T14:00:00+01:00')}", "location: {name: Town hall}"]
        )
    (data / "monitoring").mkdir()
    _write(
        data / "monitoring",
        "2024",
        ["year: 2024", "source: {title: Demo monitor}", f"measures: {{enterprises: {enterprises}, jobs_target_group: {enterprises * 20}}}"],
    )
    if PROJECT_PROCUREMENT.is_file():
        _procurement(data, schemes[:2])
        if PROJECT_GLOSSARY.is_file():
            _glossary(data)
    signatories = "\n".join(f"  - enterprise: {e}" for e in ids[: min(len(ids), 50)])
    (data / "manifesto.yml").write_text(
        f"example: true\ntitle: Demo manifesto\narticles:\n  - id: work\n    heading: Work first\n    text: Everyone can work.\nsignatories:\n{signatories}\n",
        encoding="utf-8",
    )
    return data
