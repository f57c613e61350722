"""The scale benchmark: a synthetic city of N enterprises, checked, built and filtered in Chromium.

Run with `make bench` (never part of `make test`). Prints a table and writes
bench/results.json. Targets (issue: the showcase at national scale):
showcase page <= 300 KB gzip and <= 50 ms per filter update at 5,000 enterprises.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "500,5000").split(",")]
TARGETS = {"showcase_gzip_kb": 300, "filter_update_ms": 50}


def run(cmd: list[str], cwd: Path) -> float:
    """Run a command; return its wall time in seconds (it must succeed)."""
    start = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"{' '.join(cmd)} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return time.perf_counter() - start


def filter_times(site: Path) -> dict[str, float]:
    """Median milliseconds for a filter click and a search keystroke on the showcase, in Chromium."""
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import serve
    from playwright.sync_api import sync_playwright

    url, server = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page()
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(url) else r.abort())
            start = time.perf_counter()
            page.goto(url + "showcase/")
            page.wait_for_selector("form[data-filters]:not([hidden])")
            load_ms = (time.perf_counter() - start) * 1000
            clicks = page.evaluate(
                """() => {
                  const boxes = [...document.querySelectorAll("input[name=district]")];
                  const times = [];
                  for (let i = 0; i < 10; i++) {
                    const box = boxes[i % boxes.length];
                    const t0 = performance.now();
                    box.click();
                    times.push(performance.now() - t0);
                  }
                  times.sort((a, b) => a - b);
                  return times[5];
                }"""
            )
            browser.close()
    finally:
        server.shutdown()
    return {"page_ready_ms": round(load_ms), "filter_update_ms": round(clicks, 1)}


def bench(size: int, work: Path) -> dict:
    """Every measure for one size."""
    site_src = work / f"city-{size}"
    site_src.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, site_src / name)
    # The copy has no macros/ folder (the installed package is used), so it is not watched.
    config = (site_src / "mkdocs.yml").read_text()
    (site_src / "mkdocs.yml").write_text(config.replace("  - macros\n", "", 1))
    python = sys.executable
    run([python, "-m", "macros", "demo-data", "--enterprises", str(size), "--out", str(site_src / "data")], ROOT)
    check_s = run([python, "-m", "macros", "check", str(site_src / "data")], ROOT)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    build_s = run([python, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_src / "site")], site_src)
    peak_mb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    showcase = (site_src / "site" / "showcase" / "index.html").read_bytes()
    site_mb = sum(p.stat().st_size for p in (site_src / "site").rglob("*") if p.is_file()) / 1e6
    return {
        "enterprises": size,
        "check_s": round(check_s, 1),
        "build_s": round(build_s, 1),
        "build_peak_mb": round(peak_mb),
        "showcase_kb": round(len(showcase) / 1024),
        "showcase_gzip_kb": round(len(gzip.compress(showcase)) / 1024),
        "site_mb": round(site_mb, 1),
        **filter_times(site_src / "site"),
    }


def main() -> None:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in SIZES:
            results.append(bench(size, Path(tmp)))
            print(f"measured {size} enterprises", file=sys.stderr)
    keys = list(results[0])
    print(" | ".join(f"{k:>16}" for k in keys))
    for row in results:
        print(" | ".join(f"{row[k]!s:>16}" for k in keys))
    largest = results[-1]
    verdicts = {k: largest[k] <= limit for k, limit in TARGETS.items()}
    for key, ok in verdicts.items():
        print(f"{key} at {largest['enterprises']}: {largest[key]} (target <= {TARGETS[key]}): {'ok' if ok else 'OVER'}")
    (ROOT / "bench" / "results.json").write_text(json.dumps({"results": results, "targets": TARGETS, "within_targets": verdicts}, indent=2) + "\n")


if __name__ == "__main__":
    main()
