"""Shared fixtures: copies of the tiny fixture site, the data checker, and site builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.data import read_data
from macros.problems import DataError

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def problems(data_dir: Path) -> list[str]:
    """Every problem line `wise check` would print for `data_dir` (without the summary)."""
    try:
        read_data(data_dir, data_dir.parent / "docs")
    except DataError as exc:
        return [p.text() for p in exc.problems]
    return []


@pytest.fixture(autouse=True)
def one_language():
    """Each test starts with the site's languages unset (English only), whatever an earlier test read: a view test's
    hand-made catalog speaks English unless the test chooses otherwise."""
    from macros import i18n

    i18n.configure((i18n.SOURCE_LANGUAGE,))
    yield
    i18n.configure((i18n.SOURCE_LANGUAGE,))


@pytest.fixture
def tiny(tmp_path) -> Path:
    """A fresh copy of the tiny fixture site (valid: one record of each kind)."""
    site = tmp_path / "site-src"
    shutil.copytree(FIXTURES / "tiny", site)
    return site


def in_language(value, language: str = "en"):
    """A record's text as its YAML holds it (one string, or one per language: `{nl: …, en: …}`) in `language`; a plain
    string, or a mapping without that language, gives the text there is (the default language's first)."""
    if isinstance(value, dict):
        return value.get(language) or next(iter(value.values()))
    return value


def write(site: Path, relative: str, text: str | bytes) -> Path:
    """Write a data file of a fixture site (relative to its data/)."""
    path = site / "data" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# Node ids of the tests marked slow (by hand, or for using a built example site): only they may build.
SLOW: set[str] = set()
BUILT_SITE_FIXTURES = {"example_site", "example_url", "demo_city", "demo_url"}


def pytest_collection_modifyitems(items):
    """Tests that use a built example site are slow; `make test-fast` leaves every slow test out."""
    for item in items:
        if BUILT_SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
        if item.get_closest_marker("slow") or item.get_closest_marker("browser"):
            SLOW.add(item.nodeid)


def _must_be_slow(what: str) -> None:
    """Whole-site builds belong to slow tests, so the edit-test loop stays fast: say so when one is not marked."""
    current = os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" (", 1)[0]
    if current and current not in SLOW:
        raise AssertionError(f"{current} {what}: mark it @pytest.mark.slow")


def build(site: Path, out: Path | None = None, env: dict | None = None, quiet: bool = True) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a fixture site, with the project's theme overrides."""
    _must_be_slow("builds a whole site")
    if not (site / "overrides").exists():
        shutil.copytree(ROOT / "overrides", site / "overrides")
    out = out or site.parent / "built"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *(["-q"] if quiet else []), "-f", str(site / "mkdocs.yml"), "-d", str(out)],
        capture_output=True,
        text=True,
        env=environment,
        cwd=site,
        timeout=600,
    )


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The shipped example data built once per test session with the project's own mkdocs.yml."""
    out = tmp_path_factory.mktemp("example") / "site"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)], capture_output=True, text=True, env=environment, cwd=ROOT, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


DEMO_ENTERPRISES = 400  # enough for every paged listing but the tracker to run to several pages


@pytest.fixture(scope="session")
def demo_city(tmp_path_factory) -> Path:
    """A demo city (`wise demo-data`) of DEMO_ENTERPRISES enterprises with the project's docs, theme and settings,
    built once per test session with `--strict`: its data is in `data/`, its built site in `site/`."""
    from macros.cli import main

    city = tmp_path_factory.mktemp("demo-city")
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, city / name)
    # The copy has no macros/ folder to watch (the installed package is used).
    (city / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text().replace("  - macros\n", "", 1))
    assert main(["demo-data", "--enterprises", str(DEMO_ENTERPRISES), "--out", str(city / "data")]) == 0
    result = build(city, city / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return city


class _Quiet(__import__("http.server").server.SimpleHTTPRequestHandler):
    """Serves a built site; silent; tells linkchecker it may go fast on loopback."""

    headers_for = staticmethod(lambda path: {})

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("LinkChecker", "allow")
        for name, value in self.headers_for(self.path.split("?", 1)[0]).items():
            self.send_header(name, value)
        super().end_headers()


def serve(directory: Path, headers_for=None):
    """Start a loopback HTTP server for `directory` (with `headers_for(path)` added to each response)."""
    import functools
    import threading
    from http.server import ThreadingHTTPServer

    handler = type("Handler", (_Quiet,), {"headers_for": staticmethod(headers_for or (lambda path: {}))})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def example_url(example_site):
    """The example site served on loopback for the whole session."""
    url, server = serve(example_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def demo_url(demo_city):
    """The demo city's site served on loopback for the whole session."""
    url, server = serve(demo_city / "site")
    yield url
    server.shutdown()


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; never Playwright's own download."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is needed for the browser tests: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        args = [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ]
        browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
        yield browser
        browser.close()
