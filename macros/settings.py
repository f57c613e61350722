"""The project's own settings, from `mkdocs.yml` (`plugins: - wise: …`): read the same way by the build and by `wise check`.

| setting | what it holds |
|---|---|
| `data_dir` | the folder of the records (default `data`) |
| `macro_pages` | the hand-written pages (paths under `docs/`) that may run the documented macros |
| `city_bounds` | the city's box as `[[south, west], [north, east]]` in degrees: an enterprise's pin must lie inside it |
| `languages` | the site's languages as codes, the default first (at the root; the others under `/<code>/`); default `[en]` |
| `written_in` | folders of hand-written pages whose names give no language, and the language they are in (`{reference/: en}`) |
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Settings:
    macro_pages: frozenset[str] = frozenset()
    city_bounds: tuple[tuple[float, float], tuple[float, float]] | None = None
    languages: tuple[str, ...] = ("en",)
    written_in: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> Settings:
        bounds = options.get("city_bounds")
        return cls(
            macro_pages=frozenset(options.get("macro_pages") or ()),
            city_bounds=((float(bounds[0][0]), float(bounds[0][1])), (float(bounds[1][0]), float(bounds[1][1]))) if bounds else None,
            languages=tuple(str(code) for code in options.get("languages") or ()) or ("en",),
            written_in=tuple((str(folder), str(code)) for folder, code in (options.get("written_in") or {}).items()),
        )

    def inside_city(self, lat: float, lon: float) -> bool:
        """Whether a point lies in the city's box (anywhere, when the box is not set)."""
        if self.city_bounds is None:
            return True
        (south, west), (north, east) = self.city_bounds
        return south <= lat <= north and west <= lon <= east


def read_settings(root: Path) -> Settings:
    """The settings in the mkdocs.yml under `root`, read with MkDocs' own loader for that file (defaults without one)."""
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return Settings()
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, encoding="utf-8") as handle:
        plugins = (yaml_load(handle) or {}).get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else (next(iter(p.items())) if isinstance(p, dict) else (p, None) for p in plugins)
    return Settings.from_options(next((options for name, options in entries if name == "wise"), None) or {})


def read_site(root: Path) -> tuple[str, str]:
    """The site's address and name from the mkdocs.yml under `root` (`SITE_URL` from the environment, as the build
    reads it), for the commands that write what the build writes; an empty address and a plain name without one."""
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return "", "the social enterprise platform"
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, encoding="utf-8") as handle:
        config = yaml_load(handle) or {}
    url = str(config.get("site_url") or "")
    return (url if not url or url.endswith("/") else url + "/"), str(config.get("site_name") or "the social enterprise platform")
