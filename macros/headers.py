"""Security headers for static hosts: a `_headers` file (the format Netlify and Cloudflare Pages read),
and the allowlist of inline scripts its Content-Security-Policy names.

The policy allows scripts from the site itself plus the inline scripts the theme's own script
partials write (by SHA-256), images from the site and the configured map tile server, and
nothing else from elsewhere. Pages under /embed/ may be framed by other sites; every other page
only by the site itself.

A policy derived from the built pages would bless whatever script an editor pasted into one. So
the allowlist comes from rendering the script partials (`THEME_SCRIPTS`) for each page, and the
build fails on any other inline script, naming the page and the script's first characters.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

# Inline scripts a browser does not run: data blocks. Every other type (missing, any JavaScript type in any
# letter case or spacing, `module`, `importmap`, unknown ones) counts as a script and must be allowed.
_DATA_BLOCKS = ("application/json", "application/ld+json")
# The theme's partials that write inline scripts into pages: Material's own small scripts (its storage helpers,
# tabs, palette, announcement bar, version warning, cookie consent), each included when the theme is set up so.
THEME_SCRIPTS = tuple(f"partials/javascripts/{name}.html" for name in ("base", "content", "palette", "announce", "outdated", "consent"))


# A script start tag as the HTML tokenizer reads one: `<script` then attributes until a `>` that is not inside a quoted
# value (an attribute name may hold quotes; only a value after `=` is quoted). Matched in any letter case.
_VALUE = r"""(?:"[^"]*"|'[^']*'|[^\s>]+)"""
_ATTRIBUTE = rf"""[^\s/>][^\s/>=]*(?:\s*=\s*{_VALUE})?"""
_START = re.compile(rf"""<script(?=[\s/>])((?:[\s/]+|{_ATTRIBUTE})*)>""", re.IGNORECASE)
_ATTRIBUTES = re.compile(rf"""([^\s/>][^\s/>=]*)(?:\s*=\s*({_VALUE}))?""")
_END = re.compile(r"</script(?=[\s/>])", re.IGNORECASE)


def _attributes(text: str) -> dict[str, str]:
    """A start tag's attributes, names in lower case, values unquoted; the first of a repeated name wins, as in HTML."""
    found: dict[str, str] = {}
    for name, value in _ATTRIBUTES.findall(text):
        found.setdefault(name.lower(), value[1:-1] if value[:1] in ("'", '"') else value)
    return found


def inline_scripts(html: str) -> list[str]:
    """The bodies of the inline scripts a browser would run (not src=, not JSON data blocks).

    A scan, not a full parse: a page of 5,000 cards is tokenised in milliseconds instead of most of a second. It
    may find more than a browser runs (a script inside a comment counts), never less: a body runs to the first
    `</script`, and one holding `<!--` (where a browser could read past that end) is returned as it is, which no
    allowlist holds, so the build stops on it."""
    bodies = []
    position = 0
    while (start := _START.search(html, position)) is not None:
        end = _END.search(html, start.end())
        stop = end.start() if end else len(html)
        attributes = _attributes(start.group(1))
        kind = attributes.get("type", "").strip().lower()
        body = html[start.end() : stop]
        if "src" not in attributes and kind not in _DATA_BLOCKS and body.strip():
            bodies.append(body)
        position = stop
    return bodies


def script_hash(body: str) -> str:
    """A CSP source expression for one inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"


class UnknownScript(Exception):
    """A page holds an inline script that neither the theme nor our templates write."""


class ScriptAllowlist:
    """The inline scripts the theme's script partials write, rendered per base URL (the scripts carry it),
    and the hashes of those the built pages use."""

    def __init__(self, render):
        self._render = render  # (partial name, base_url) -> HTML, by the theme's own environment
        self.used: set[str] = set()
        self._allowed = cache(self._scripts)

    def _scripts(self, base_url: str) -> frozenset[str]:
        return frozenset(body for name in THEME_SCRIPTS for body in inline_scripts(self._render(name, base_url)))

    def check(self, html: str, where: str, base_url: str) -> None:
        """Raise UnknownScript for the first inline script of `html` that is not on the allowlist; note the hashes used."""
        allowed = self._allowed(base_url)
        for body in inline_scripts(html):
            if body not in allowed:
                raise UnknownScript(f"{where}: an inline script that no template of the site writes: {' '.join(body.split())[:80]!r}")
            self.used.add(script_hash(body))

    def hashes(self) -> list[str]:
        """The hashes for the policy, sorted so the file is reproducible."""
        return sorted(self.used)


def policy(hashes: list[str], tiles: str, framing: str) -> str:
    """The Content-Security-Policy value."""
    tile_origin = "{0.scheme}://{0.netloc}".format(urlsplit(tiles)) if tiles else ""
    parts = [
        "default-src 'self'",
        # 'wasm-unsafe-eval': search (Pagefind) runs WebAssembly; it allows compiling WebAssembly, not eval().
        "script-src 'self' 'wasm-unsafe-eval' " + " ".join(hashes),
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


def editor_policy(connect: tuple[str, ...] = (), images: tuple[str, ...] = ()) -> str:
    """The web editor's policy (/admin/). Decap compiles its configuration's schema with `new Function` and runs
    WebAssembly, and styles its components with inline styles; it loads its script from the site and talks to the
    repository host's API (`connect`, and `images` for avatars) and to nothing else. No page may frame it."""
    parts = [
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        " ".join(["img-src 'self' data: blob:", *images]),
        "font-src 'self'",
        " ".join(["connect-src 'self'", *connect]),
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(parts)


COMMON = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin"}


def headers_file(site_dir: Path, tiles: str, hashes: list[str], policies: dict[str, str] | None = None) -> str:
    """The `_headers` text: one rule per top-level path of the built site (rules never overlap); `policies` gives
    some rules (`/admin/*`) a policy of their own."""
    rules = ["/"]
    for entry in sorted(site_dir.iterdir()):
        if entry.name == "_headers" or entry.name == "index.html":
            continue
        rules.append(f"/{entry.name}/*" if entry.is_dir() else f"/{entry.name}")
    lines = []
    for rule in rules:
        framing = "*" if rule.startswith("/embed/") else "'self'"
        lines.append(rule)
        csp = (policies or {}).get(rule) or policy(hashes, tiles, framing)
        lines.append(f"  Content-Security-Policy: {csp}")
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
