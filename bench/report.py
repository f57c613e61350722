"""The benchmark's report: medians, the targets and their verdicts, and the tables, as pure functions of the results.

One source of truth: `bench/results.json` holds what was measured; the table printed by `make bench` and the block
of `docs/reference/performance.md` between the two markers below are both `block(results)` (a test keeps the page
true to the file).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass

BEGIN = "<!-- bench:begin (written by make bench from bench/results.json; do not edit by hand) -->"
END = "<!-- bench:end -->"
KB = 1000  # the targets' kilobytes are thousands of bytes


def median(values: Iterable[float]) -> float:
    """The median of the samples (the mean of the middle two for an even count); refuses none."""
    values = list(values)
    if not values:
        raise ValueError("no samples")
    return statistics.median(values)


def paired(ours: list[float], baseline: list[float]) -> float:
    """The median of each round's ratio, ours over the baseline: the two builds of a round ran one after the other,
    so a machine busy with other work slows both alike (the ratio of the two medians would mix rounds)."""
    if len(ours) != len(baseline):
        raise ValueError("one baseline sample per sample of ours")
    return median(a / b for a, b in zip(ours, baseline, strict=True))


def number(value: float | int | None, digits: int = 1) -> str:
    """A figure for the table: thousands separated, `digits` decimals, a dash for a figure not measured."""
    if value is None:
        return "—"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.{digits}f}"


def times(value: float | None) -> str:
    """A ratio as `2.40×`."""
    return "—" if value is None else f"{value:.2f}×"


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table (what the terminal prints too): the first column left-aligned, the figures right-aligned."""
    align = [":--"] + ["--:"] * (len(header) - 1)
    lines = [header, align, *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


@dataclass(frozen=True)
class Target:
    """A target of the issue, checked at the largest size: `read(results)` is the measured value (None: not
    measured in this run, so neither pass nor miss)."""

    label: str
    limit: float
    unit: str
    read: Callable[[dict], float | None]
    digits: int = 1


def largest(results: dict) -> dict:
    """The measures of the largest size in the run."""
    return max(results["sizes"], key=lambda size: size["enterprises"])


def _scaling(results: dict) -> float | None:
    """Build time at the largest size over the smallest, against 1.1 × their ratio of sizes (11 for 5,000 / 500)."""
    sizes = sorted(results["sizes"], key=lambda size: size["enterprises"])
    if len(sizes) < 2:
        return None
    small, big = sizes[0], sizes[-1]
    growth = big["ours"]["build_s"] / small["ours"]["build_s"]
    return growth / (big["enterprises"] / small["enterprises"]) * 10


def _get(*keys: str) -> Callable[[dict], float | None]:
    def read(results: dict) -> float | None:
        value = largest(results)
        for key in keys:
            if not isinstance(value, dict) or value.get(key) is None:
                return None
            value = value[key]
        return value

    return read


TARGETS = (
    Target("build time, ours / baseline", 1.0, "×", _get("build_ratio"), 2),
    Target("build time growth per tenfold size: time(5,000) / time(500)", 11, "", _scaling, 1),
    Target("first search query: fetched", 300, "KB", _get("search", "ours", "kb"), 0),
    Target("first search query: first result", 1.0, "s", _get("search", "ours", "first_result_s"), 2),
    Target("showcase page, gzip", 300, "KB", _get("showcase", "gzip_kb"), 0),
    Target("showcase ready", 1.5, "s", _get("showcase", "ready_s"), 2),
    Target("filter click to paint (median)", 100, "ms", _get("showcase", "click_to_paint_ms"), 0),
    Target("`wise check`", 3.0, "s", _get("check_s"), 2),
    Target("an edit visible while serving", 2.0, "s", lambda results: (results.get("serve") or {}).get("edit_visible_s"), 2),
)


def verdicts(results: dict) -> list[dict]:
    """Each target with what was measured and whether it holds: `pass`, `miss`, or `not measured`."""
    out = []
    for target in TARGETS:
        value = target.read(results)
        verdict = "not measured" if value is None else "pass" if value <= target.limit else "miss"
        out.append({"target": target.label, "limit": target.limit, "unit": target.unit, "measured": value, "verdict": verdict})
    return out


def _with_unit(value: float | None, unit: str, digits: int) -> str:
    text = number(value, digits)
    if value is None or not unit:
        return text
    return text + unit if unit == "×" else f"{text} {unit}"


# The side-by-side rows: a label, then how to read (and print) the figure of ours and of the baseline.
ROWS: tuple[tuple[str, Callable[[dict, str], str]], ...] = (
    ("pages (+ embeds)", lambda s, who: number(s[who]["pages"]) + (f" + {number(s[who]['embeds'])}" if s[who].get("embeds") else "")),
    ("build, median (s)", lambda s, who: number(s[who]["build_s"], 1)),
    ("build time, ours / baseline (median of the rounds)", lambda s, who: times(s["build_ratio"]) if who == "ours" else "—"),
    ("peak memory, median (MB)", lambda s, who: number(s[who]["peak_mb"], 0)),
    ("peak memory of the MkDocs process alone (MB)", lambda s, who: number(s[who].get("own_peak_mb"), 0)),
    ("peak memory, ours / baseline (median of the rounds)", lambda s, who: times(s["memory_ratio"]) if who == "ours" else "—"),
    ("build time per page (ms)", lambda s, who: number(s[who]["ms_per_page"], 2)),
    ("output per page (KB)", lambda s, who: number(s[who]["kb_per_page"], 1)),
    ("first search query: fetched (KB)", lambda s, who: number((s.get("search") or {}).get(who, {}).get("kb"), 0)),
    ("first search query: first result (s)", lambda s, who: number((s.get("search") or {}).get(who, {}).get("first_result_s"), 2)),
    ("showcase page (KB, raw / gzip)", lambda s, who: _showcase(s, who, lambda c: f"{number(c['raw_kb'], 0)} / {number(c['gzip_kb'], 0)}")),
    ("showcase ready (s)", lambda s, who: _showcase(s, who, lambda c: number(c["ready_s"], 2))),
    ("filter click to paint, median (ms)", lambda s, who: _showcase(s, who, lambda c: number(c["click_to_paint_ms"], 0))),
    ("filter click to paint, slowest (ms)", lambda s, who: _showcase(s, who, lambda c: number(c["click_to_paint_max_ms"], 0))),
    ("`wise check`, median (s)", lambda s, who: number(s["check_s"], 2) if who == "ours" else "—"),
)


def _showcase(size: dict, who: str, show: Callable[[dict], str]) -> str:
    if who != "ours" or not size.get("showcase"):
        return "—"
    return show(size["showcase"])


def side_by_side(results: dict) -> str:
    """Ours against the baseline, per size: one column each."""
    sizes = sorted(results["sizes"], key=lambda size: size["enterprises"])
    header = ["measure"] + [f"{size['enterprises']:,}: {who}" for size in sizes for who in ("ours", "baseline")]
    rows = [[label] + [read(size, who) for size in sizes for who in ("ours", "baseline")] for label, read in ROWS]
    return table(header, rows)


def targets_table(results: dict) -> str:
    """The issue's targets at the largest size, with pass or miss."""
    at = f"{largest(results)['enterprises']:,}"
    rows = []
    for target, verdict in zip(TARGETS, verdicts(results), strict=True):
        limit = "≤ " + _with_unit(target.limit, target.unit, target.digits)
        rows.append([target.label, limit, _with_unit(verdict["measured"], target.unit, target.digits), verdict["verdict"]])
    return table(["target", "limit", f"measured at {at}", "result"], rows)


def machine_line(machine: dict) -> str:
    """The machine in one sentence."""
    return (
        f"{machine['cpu']}, {machine['cores']} cores, {number(machine['memory_gb'], 1)} GB memory; "
        f"Python {machine['python']}, MkDocs {machine['mkdocs']}, Material {machine['material']}, "
        f"Pagefind {machine['pagefind']}, Chromium {machine.get('chromium') or '—'}"
    )


def block(results: dict) -> str:
    """What `make bench` prints and what the performance page shows between its markers."""
    settings, machine = results["settings"], results["machine"]
    serve = results.get("serve") or {}
    lines = [
        f"Measured on {results['date']}: sizes {', '.join(f'{n:,}' for n in settings['sizes'])} enterprises, "
        f"{settings['runs']} alternating run{'s' if settings['runs'] != 1 else ''} of each build, medians.",
        "",
        f"Machine: {machine_line(machine)}. Load average {machine['load_before']} before the run and {machine['load_after']} after.",
    ]
    if results.get("note"):
        lines += ["", f"Note: {results['note']}"]
    lines += ["", side_by_side(results), "", targets_table(results)]
    if serve.get("samples_s"):
        lines += ["", serve_line(serve)]
    return "\n".join(lines)


def serve_line(serve: dict) -> str:
    """What the edit under `mkdocs serve --dirty` took, with the server's own build times."""
    samples = ", ".join("never" if s is None else number(s, 2) for s in serve["samples_s"])
    text = f"An edit visible while serving {serve['enterprises']:,} enterprises: {samples} s (median {number(serve['edit_visible_s'], 2)} s)."
    builds = serve.get("builds_s") or []
    if builds:
        text += f" The server was up after {number(serve.get('startup_s'), 1)} s (its first build: {number(builds[0], 1)} s)"
        rebuilds = ", ".join(number(b, 2) for b in builds[1:])
        text += f"; MkDocs logged its rebuilds at {rebuilds} s." if rebuilds else "."
    return text


def replace_block(page: str, new: str) -> str:
    """The page with the text between its markers replaced by `new`; the page must hold both markers once."""
    if page.count(BEGIN) != 1 or page.count(END) != 1:
        raise ValueError("the page must hold each bench marker once")
    head, rest = page.split(BEGIN)
    _, tail = rest.split(END)
    return f"{head}{BEGIN}\n\n{new}\n\n{END}{tail}"


def current_block(page: str) -> str:
    """The text between the page's markers."""
    return page.split(BEGIN, 1)[1].split(END, 1)[0].strip("\n")
