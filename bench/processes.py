"""Programs the benchmark runs and times: a build or a check in a fresh process (wall time and peak memory), and
`mkdocs serve --dirty` (how long an edit takes to show)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}


class BenchError(Exception):
    """A program the benchmark runs failed."""


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Run `cmd` in a fresh process; return its wall time (s) and peak resident memory (MB). The peak is the
    largest of the process and the children it waited for (Linux's wait4), so Pagefind's run is counted."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            out.seek(0)
            raise BenchError(f"{' '.join(map(str, cmd))} failed:\n{out.read().decode(errors='replace')[-4000:]}")
    return elapsed, usage.ru_maxrss / 1024


def run(cmd: list[str], cwd: Path) -> None:
    """Run a preparing step (it must succeed); not timed."""
    result = subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, text=True)
    if result.returncode:
        raise BenchError(f"{' '.join(map(str, cmd))} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")


def free_port() -> int:
    """A loopback port nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> str | None:
    """The page's text, or None while the server cannot answer it."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return None


def wait_for(test, timeout: float, every: float = 0.05) -> float | None:
    """Poll `test()` every `every` seconds until it is true; the seconds it took, or None after `timeout`."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if test():
            return time.perf_counter() - start
        time.sleep(every)
    return None


SUMMARY = re.compile(r"^summary: .*$", re.MULTILINE)


def edit_summary(path: Path, text: str) -> None:
    """Give an enterprise's file a new `summary:` line (a JSON string is a valid YAML scalar)."""
    import json

    source = path.read_text(encoding="utf-8")
    edited, count = SUMMARY.subn(lambda _: f"summary: {json.dumps(text)}", source, count=1)
    if count != 1:
        raise BenchError(f"{path}: no summary line to edit")
    path.write_text(edited, encoding="utf-8")


def serve_latency(city: Path, enterprise_ids: list[str], startup_timeout: float = 900, edit_timeout: float = 120) -> list[float]:
    """Start `mkdocs serve --dirty` in `city`, then edit each enterprise's summary in turn and time until its page,
    fetched over HTTP every 50 ms, holds the new text. The seconds each edit took to show (None: never, in time)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = city / "serve.log"
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"]
    with open(log, "wb") as out:
        process = subprocess.Popen(cmd, cwd=city, env=ENV, stdout=out, stderr=subprocess.STDOUT)
        try:
            up = wait_for(lambda: process.poll() is not None or get(base) is not None, startup_timeout, every=0.5)
            if up is None or process.poll() is not None:
                raise BenchError(f"mkdocs serve did not start:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(2)  # let the first search index, written beside the server, finish
            samples = []
            for n, eid in enumerate(enterprise_ids):
                token = f"Edited by the benchmark, step {n + 1} at {time.time():.0f}."
                page = f"{base}showcase/{eid}/"
                edit_summary(city / "data" / "enterprises" / f"{eid}.yml", token)
                start = time.perf_counter()
                shown = wait_for(lambda page=page, token=token: token in (get(page) or ""), edit_timeout)
                samples.append(None if shown is None else time.perf_counter() - start)
                time.sleep(1.5)  # the rebuild's tail (search index, reload) settles before the next edit
            return samples
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
