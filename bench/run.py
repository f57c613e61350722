"""The scale benchmark: the project against plain MkDocs + Material, in the same run (`make bench`).

For each size N in BENCH_SIZES (default 500,2000,5000), it writes a demo city of N enterprises (`wise demo-data`,
with the project's mkdocs.yml, docs/ and overrides/; the macros are the installed package) and the baseline's
pages of the same records (bench/baseline.py), then builds them in turn, ours then the baseline, BENCH_RUNS times
(default 5), with a `wise check` in each round; every build runs in a fresh process. Then, in Chromium, the first
search query on each site and the showcase; and, at the largest size, how long an edit takes to show while
`mkdocs serve --dirty` runs. It prints the side-by-side table and the targets, writes bench/results.json and the
table of docs/reference/performance.md.

Never part of `make test` (it takes minutes); tests/test_bench.py tests its pure parts.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shutil
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from macros.load import load_file
from macros.settings import read_settings

from . import baseline, browser
from .processes import run, serve_latency, timed
from .report import KB, block, median, paired, replace_block, verdicts

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
PARTIAL = ROOT / "bench" / ".results-partial.json"  # what a run has measured so far, should it be stopped
PAGE = ROOT / "docs" / "reference" / "performance.md"
PYTHON = sys.executable


def settings() -> dict:
    """The sizes and the number of runs, from BENCH_SIZES and BENCH_RUNS."""
    sizes = sorted(int(n) for n in os.environ.get("BENCH_SIZES", "500,2000,5000").split(",") if n.strip())
    return {"sizes": sizes, "runs": max(1, int(os.environ.get("BENCH_RUNS", "5")))}


def machine() -> dict:
    """What the numbers were measured on."""
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), platform.processor()
    )
    memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal:"))
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "material": version("mkdocs-material"),
        "pagefind": version("pagefind"),
        "load_before": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def city(size: int, work: Path) -> tuple[Path, Path]:
    """The demo city of `size` enterprises and the baseline of the same records; returns both folders."""
    ours = work / f"city-{size}"
    ours.mkdir()
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, ours / name)
    # The copy has no macros/ folder (the installed package is used), so it is not watched.
    (ours / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text().replace("  - macros\n", "", 1))
    run([PYTHON, "-m", "macros", "demo-data", "--enterprises", str(size), "--out", str(ours / "data")], ours)
    plain = work / f"baseline-{size}"
    # A page per record in each of the site's languages, as ours has.
    baseline.write(ours / "data", plain, read_settings(ours).languages)
    return ours, plain


def output(site: Path) -> tuple[int, int, int]:
    """A built site's pages (its HTML files but the embeds), its embeds (small files without the theme, one per
    enterprise: counted apart so that a page means a theme page in both builds) and its total bytes."""
    files = [p for p in site.rglob("*") if p.is_file()]
    embeds = sum(1 for p in files if p.suffix == ".html" and p.relative_to(site).parts[0] == "embed")
    pages = sum(1 for p in files if p.suffix == ".html") - embeds
    return pages, embeds, sum(p.stat().st_size for p in files)


def summary(samples: list[dict], site: Path) -> dict:
    """Medians of a build's runs, and its output."""
    pages, embeds, size = output(site)
    build_s = median(run["s"] for run in samples)
    return {
        "pages": pages,
        "embeds": embeds,
        "build_s": build_s,
        "peak_mb": median(run["peak_mb"] for run in samples),
        "own_peak_mb": median(run["own_peak_mb"] for run in samples),
        "ms_per_page": build_s * 1000 / pages,
        "kb_per_page": size / KB / pages,
        "site_mb": size / 1e6,
        "samples_s": [run["s"] for run in samples],
        "samples_mb": [run["peak_mb"] for run in samples],
    }


def measure(size: int, work: Path, runs: int, chrome) -> dict:
    """Every measure at one size."""
    ours, plain = city(size, work)
    builds = {"ours": [], "baseline": []}
    checks = []
    for n in range(runs):
        for who, folder in (("ours", ours), ("baseline", plain)):
            shutil.rmtree(folder / "site", ignore_errors=True)
            builds[who].append(timed([PYTHON, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(folder / "site")], folder))
        checks.append(timed([PYTHON, "-m", "macros", "check", str(ours / "data")], ours)["s"])
        print(f"  {size:,}: round {n + 1} of {runs}: ours {builds['ours'][-1]['s']:.1f} s, baseline {builds['baseline'][-1]['s']:.1f} s", file=sys.stderr)
    result = {"enterprises": size, "ours": summary(builds["ours"], ours / "site"), "baseline": summary(builds["baseline"], plain / "site")}
    for key, measure_key in (("build_ratio", "s"), ("memory_ratio", "peak_mb")):
        result[key] = paired([run[measure_key] for run in builds["ours"]], [run[measure_key] for run in builds["baseline"]])
    result["check_s"] = median(checks)
    result["check_samples_s"] = checks
    query = min(p.stem for p in (ours / "data" / "enterprises").glob("*.yml"))
    name = load_file(ours / "data" / "enterprises" / f"{query}.yml", query).data["name"]
    result["search"] = {}
    for who, folder in (("ours", ours), ("baseline", plain)):
        with browser.served(folder / "site") as url:
            result["search"][who] = browser.first_search(chrome, url, folder / "site", who, name, runs)
            if who == "ours":
                result["showcase"] = browser.showcase(chrome, url, runs)
    print(f"  {size:,}: search and showcase measured", file=sys.stderr)
    return result


def serve(size: int, work: Path) -> dict:
    """How long an edit takes to show while serving the largest city: three enterprises, one after another."""
    folder = work / f"city-{size}"
    ids = sorted(p.stem for p in (folder / "data" / "enterprises").glob("*.yml"))
    chosen = [ids[len(ids) * k // 4] for k in (1, 2, 3)]
    measured = serve_latency(folder, chosen)
    samples = measured["samples_s"]
    shown = [s for s in samples if s is not None]
    visible = median(shown) if len(shown) == len(samples) else None
    return {"enterprises": size, "edit_visible_s": visible, "records": chosen, **measured}


def rounded(value, digits: int = 4):
    """The results with floats kept to a few digits, for a readable file."""
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, dict):
        return {k: rounded(v, digits) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v, digits) for v in value]
    return value


def main() -> None:
    config = settings()
    results = {"date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"), "settings": config, "machine": machine(), "sizes": []}
    results["note"] = os.environ.get("BENCH_NOTE", "")
    with tempfile.TemporaryDirectory(prefix="wise-bench-") as tmp, browser.chromium() as chrome:
        results["machine"]["chromium"] = chrome.version
        for size in config["sizes"]:
            print(f"measuring {size:,} enterprises", file=sys.stderr)
            results["sizes"].append(measure(size, Path(tmp), config["runs"], chrome))
            PARTIAL.write_text(json.dumps(rounded(results), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            # The builds are kept only for the largest city, which is served next.
            if size != config["sizes"][-1]:
                for folder in Path(tmp).glob(f"*-{size}"):
                    shutil.rmtree(folder)
        print(f"measuring an edit while serving {config['sizes'][-1]:,} enterprises", file=sys.stderr)
        results["serve"] = serve(config["sizes"][-1], Path(tmp))
    results["machine"]["load_after"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    results = rounded(results)
    results["verdicts"] = verdicts(results)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    PARTIAL.unlink(missing_ok=True)
    text = block(results)
    PAGE.write_text(replace_block(PAGE.read_text(encoding="utf-8"), text), encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
