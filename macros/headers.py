"""Security headers for static hosts: a `_headers` file (the format Netlify and Cloudflare Pages read).

The Content-Security-Policy allows scripts from the site itself plus the exact inline scripts
the built pages contain (by SHA-256), images from the site and the configured map tile
server, and nothing else from elsewhere. Pages under /embed/ may be framed by other sites;
every other page only by the site itself.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_EXECUTABLE = ("", "text/javascript", "module", "application/javascript")


def inline_scripts(html: str) -> list[str]:
    """The bodies of the inline scripts a browser would run (not src=, not JSON data blocks)."""
    out = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        kind = re.search(r'type="([^"]*)"', attrs)
        if "src=" not in attrs and (kind.group(1) if kind else "") in _EXECUTABLE and match.group("body").strip():
            out.append(match.group("body"))
    return out


def script_hash(body: str) -> str:
    """A CSP source expression for one inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"


def site_hashes(site_dir: Path) -> list[str]:
    """Every inline script hash of every built page, sorted so the file is reproducible."""
    hashes = {script_hash(body) for path in site_dir.rglob("*.html") for body in inline_scripts(path.read_text(encoding="utf-8"))}
    return sorted(hashes)


def policy(hashes: list[str], tiles: str, framing: str) -> str:
    """The Content-Security-Policy value."""
    tile_origin = "{0.scheme}://{0.netloc}".format(urlsplit(tiles)) if tiles else ""
    parts = [
        "default-src 'self'",
        "script-src 'self' " + " ".join(hashes),
        "style-src 'self' 'unsafe-inline'",
        f"img-src 'self' data: {tile_origin}".strip(),
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        f"frame-ancestors {framing}",
    ]
    return "; ".join(parts)


COMMON = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin"}


def headers_file(site_dir: Path, tiles: str) -> str:
    """The `_headers` text: one rule per top-level path of the built site (rules never overlap)."""
    hashes = site_hashes(site_dir)
    rules = ["/"]
    for entry in sorted(site_dir.iterdir()):
        if entry.name == "_headers" or entry.name == "index.html":
            continue
        rules.append(f"/{entry.name}/*" if entry.is_dir() else f"/{entry.name}")
    lines = []
    for rule in rules:
        framing = "*" if rule.startswith("/embed/") else "'self'"
        lines.append(rule)
        lines.append(f"  Content-Security-Policy: {policy(hashes, tiles, framing)}")
        lines += [f"  {name}: {value}" for name, value in COMMON.items()]
    return "\n".join(lines) + "\n"


def rule_for(headers_text: str, path: str) -> dict[str, str]:
    """The headers `_headers` gives a request path (for the test server and the tests)."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in headers_text.splitlines():
        if line and not line.startswith(" "):
            rules.append((line.strip(), {}))
        elif line.strip() and rules:
            name, value = line.strip().split(": ", 1)
            rules[-1][1][name] = value
    for pattern, headers in rules:
        if pattern == path or (pattern.endswith("/*") and path.startswith(pattern[:-1])):
            return headers
    return dict(rules[0][1]) if rules else {}
