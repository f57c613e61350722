"""Third-party browser code that only exists as an npm package: fetched at install time, pinned and hashed.

Leaflet comes as a Python package (`xstatic-leaflet`). Decap CMS, the web editor at /admin/, is published only
to the npm registry, so `wise vendor` (run by `make install`) fetches its tarball with `npm pack`, refuses it
unless it matches the pinned integrity hash, and unpacks the few files the site serves into the virtual
environment. The build copies them from there; nothing third-party is committed.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import io
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path


class VendorError(Exception):
    """A package could not be fetched, did not match its pin, or is not installed."""


@dataclass(frozen=True)
class NpmPackage:
    """One pinned npm package and the files of it the site serves (patterns inside the tarball's `package/`)."""

    name: str
    version: str
    integrity: str  # the registry's `dist.integrity`: "sha512-" and the tarball's digest in base64
    files: tuple[str, ...]

    @property
    def spec(self) -> str:
        return f"{self.name}@{self.version}"

    def folder(self, prefix: Path | None = None) -> Path:
        """Where the unpacked files live: inside the virtual environment, beside the Python packages."""
        return Path(prefix or sys.prefix) / "share" / "wise-vendor" / f"{self.name}-{self.version}"


# The web editor. Its script is one bundle plus chunks it loads on demand (by file name, from beside itself) and
# two WebAssembly modules; the licence file names the bundled libraries' licences.
DECAP = NpmPackage(
    name="decap-cms",
    version="3.16.3",
    integrity="sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==",
    files=("dist/decap-cms.js", "dist/*.decap-cms.js", "dist/*.wasm", "dist/decap-cms.js.LICENSE.txt"),
)
PACKAGES = (DECAP,)
_MARK = ".integrity"  # written last, so a half-finished unpacking never counts as installed


def integrity(data: bytes) -> str:
    """The Subresource-Integrity-style hash npm records for a tarball."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def unpack(tarball: bytes, package: NpmPackage) -> dict[str, bytes]:
    """The package's served files, by name (flat, no folders), from a verified tarball. Only regular files whose
    path matches a pattern are read: links and paths climbing out of the package are never followed."""
    found: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member in archive.getmembers():
            path = member.name.removeprefix("package/")
            if not member.isfile() or ".." in path.split("/") or not any(fnmatch.fnmatchcase(path, p) for p in package.files):
                continue
            found[path.rsplit("/", 1)[-1]] = archive.extractfile(member).read()
    missing = [p for p in package.files if not any(fnmatch.fnmatchcase(name, p.rsplit("/", 1)[-1]) for name in found)]
    if missing:
        raise VendorError(f"{package.spec}: the tarball has no file matching {', '.join(missing)}")
    return found


def fetch(package: NpmPackage) -> bytes:
    """The package's tarball, by `npm pack` (npm knows the registry and its cache); checked against the pin."""
    if shutil.which("npm") is None:
        raise VendorError(f"npm is needed to fetch {package.spec} (the web editor): install it (Debian: apt-get install npm)")
    with tempfile.TemporaryDirectory() as tmp:
        run = subprocess.run(
            ["npm", "pack", package.spec, "--pack-destination", tmp, "--silent", "--ignore-scripts"], capture_output=True, text=True, check=False
        )
        tarballs = list(Path(tmp).glob("*.tgz"))
        if run.returncode != 0 or len(tarballs) != 1:
            raise VendorError(f"npm pack {package.spec} failed: {(run.stderr or run.stdout).strip()[:500]}")
        data = tarballs[0].read_bytes()
    if integrity(data) != package.integrity:
        raise VendorError(f"{package.spec}: the tarball's hash {integrity(data)} is not the pinned {package.integrity}; refused")
    return data


def installed(package: NpmPackage, prefix: Path | None = None) -> bool:
    """Whether this exact pin is unpacked."""
    mark = package.folder(prefix) / _MARK
    return mark.is_file() and mark.read_text(encoding="utf-8") == package.integrity


def install(package: NpmPackage, prefix: Path | None = None, fetcher=fetch) -> Path:
    """Unpack the pinned package into its folder (once: an installed pin is kept); returns the folder."""
    folder = package.folder(prefix)
    if installed(package, prefix):
        return folder
    files = unpack(fetcher(package), package)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / _MARK).write_text(package.integrity, encoding="utf-8")
    return folder


def served_files(package: NpmPackage, prefix: Path | None = None) -> dict[str, Path]:
    """The installed files by name, for the build to copy; a missing install says how to fix it."""
    if not installed(package, prefix):
        raise VendorError(f"{package.spec} (the web editor at /admin/) is not installed: run `make install` (or `.venv/bin/wise vendor`)")
    return {p.name: p for p in sorted(package.folder(prefix).iterdir()) if p.name != _MARK}
