"""Links: linkchecker over the built example site on loopback, warnings (broken anchors) included.

Raw HTML from templates is not checked by `mkdocs build --strict`; only this catches a
broken link or anchor written by a template or a macro.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import build, serve

LINKCHECKER_RC = """[checking]
threads=4
maxrequestspersecond=100
[filtering]
ignore=
  ^mailto:
  ^tel:
checkextern=0
[output]
warnings=1
[AnchorCheck]
"""


def linkcheck(url: str, tmp_path: Path) -> subprocess.CompletedProcess:
    rc = tmp_path / "linkcheckerrc"
    rc.write_text(LINKCHECKER_RC)
    exe = Path(sys.executable).with_name("linkchecker")
    return subprocess.run([str(exe), "--config", str(rc), "--no-status", "-o", "text", url], capture_output=True, text=True, timeout=900)


def test_example_site_has_no_broken_link_or_anchor(example_site, tmp_path):
    url, server = serve(example_site)
    try:
        result = linkcheck(url, tmp_path)
    finally:
        server.shutdown()
    summary = re.search(r"(\d+) warnings? found.*?(\d+) errors? found", result.stdout, re.S)
    assert summary, result.stdout[-2000:] + result.stderr[-2000:]
    assert (summary.group(1), summary.group(2)) == ("0", "0"), result.stdout[-6000:]
    assert result.returncode == 0


@pytest.mark.slow
def test_a_broken_anchor_written_by_a_template_is_caught(tiny, tmp_path):
    assert build(tiny, tmp_path / "out").returncode == 0
    page = tmp_path / "out" / "lobby/positions/buy-social/index.html"
    page.write_text(page.read_text().replace('href="#ask-reserve"', 'href="#ask-reserved"'))
    url, server = serve(tmp_path / "out")
    try:
        result = linkcheck(url, tmp_path)
    finally:
        server.shutdown()
    assert result.returncode == 1
    assert "ask-reserved" in result.stdout


def test_external_and_mailto_links_are_well_formed(example_site):
    from htmltools import Page

    bad = []
    for path in example_site.rglob("*.html"):
        for href in Page(path.read_text(encoding="utf-8")).links():
            # An address, and at most a subject whose text is percent-encoded: no other header (bcc=, cc=) can ride along.
            if href.startswith("mailto:") and not re.match(r"^mailto:[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}(\?subject=[A-Za-z0-9%._~-]*)?$", href):
                bad.append((path.name, href))
            if href.startswith(("http://", "https://")) and (re.search(r"\s", href) or not re.match(r"^https?://[a-z0-9.-]+(:\d+)?(/|$|\?|#)", href)):
                bad.append((path.name, href))
    assert bad == []
