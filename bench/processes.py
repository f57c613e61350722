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


def own_peak_mb(pid: int) -> float | None:
    """A running process's own peak resident memory so far (VmHWM), or None once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    return next((int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmHWM:")), None)


def timed(cmd: list[str], cwd: Path) -> dict:
    """Run `cmd` in a fresh process: its wall time (s), its peak resident memory (MB) with the programs it ran (the
    largest of the process and the children it waited for, from Linux's wait4: Pagefind's run is one), and its own
    peak (the Python process alone, read from /proc while it runs)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=out, stderr=subprocess.STDOUT)
        own = 0.0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            own = max(own, own_peak_mb(process.pid) or 0.0)
            time.sleep(0.02)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            out.seek(0)
            raise BenchError(f"{' '.join(map(str, cmd))} failed:\n{out.read().decode(errors='replace')[-4000:]}")
    return {"s": elapsed, "peak_mb": usage.ru_maxrss / 1024, "own_peak_mb": own}


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


def descendants(pid: int) -> list[int]:
    """The processes started by `pid`, and by them, alive now."""
    parents = {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        children = parents.get(todo.pop(), [])
        found += children
        todo += children
    return found


def threads(pid: int) -> int:
    """How many threads the process runs now (0 once it is gone)."""
    try:
        return len(os.listdir(f"/proc/{pid}/task"))
    except OSError:
        return 0


def resting_threads(pid: int, seconds: float = 2.0) -> int:
    """The threads of a server at rest (its HTTP server, its file watcher; no request being answered): the fewest
    seen over a few seconds."""
    seen = []
    for _ in range(8):
        time.sleep(seconds / 8)
        seen.append(threads(pid))
    return min(seen)


RELOADED = "Reloading browsers"  # what `mkdocs serve` logs once a rebuild is written


def settled(log: Path, rebuilds: int, pid: int, resting: int) -> bool:
    """Whether the server has logged `rebuilds` finished rebuilds and left nothing running after them: no program
    (Pagefind, rewriting the search index) and no more threads than at rest (the data's files are made again in a
    thread). Asked twice, half a second apart: the background work starts just after the rebuild is logged."""
    for check in range(2):
        if log.read_text(errors="replace").count(RELOADED) < rebuilds or descendants(pid) or threads(pid) > resting:
            return False
        if not check:
            time.sleep(0.5)
    return True


BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


def serve_latency(city: Path, enterprise_ids: list[str], startup_timeout: float = 1800, edit_timeout: float = 300) -> dict:
    """Start `mkdocs serve --dirty` in `city`; once it is up, edit each enterprise's summary in turn and time until
    its page, fetched over HTTP every 50 ms, holds the new text. Each edit is made when the server has settled (its
    rebuild logged, and the work it leaves running in the background done: the search index, the data's files), as
    an editor who saves, looks, and edits again. Returns the seconds each edit took to show (None: not within `edit_timeout`), the server's start-up time
    and the build times it logged (the first is the full build at start-up)."""
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
            resting = resting_threads(process.pid)
            samples = []
            for n, eid in enumerate(enterprise_ids):
                wait_for(lambda n=n: settled(log, n, process.pid, resting), edit_timeout * 4, every=0.25)
                token = f"Edited by the benchmark, step {n + 1} at {time.time():.0f}."
                page = f"{base}showcase/{eid}/"
                edit_summary(city / "data" / "enterprises" / f"{eid}.yml", token)
                start = time.perf_counter()
                shown = wait_for(lambda page=page, token=token: token in (get(page) or ""), edit_timeout)
                samples.append(None if shown is None else time.perf_counter() - start)
            wait_for(lambda: settled(log, len(enterprise_ids), process.pid, resting), edit_timeout * 4, every=0.25)
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    built = [float(s) for s in BUILT.findall(log.read_text(errors="replace"))]
    return {"samples_s": samples, "startup_s": up, "builds_s": built}
