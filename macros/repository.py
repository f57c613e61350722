"""The repository the site is built from, when one is configured (`repo_url` and `edit_uri`, from the environment or
`mkdocs.yml`): where each page's source file is edited, and which backend the web editor uses.

`edit_uri` points at the docs folder, as MkDocs has it (`edit/main/docs/` on GitHub, `-/edit/main/docs/` on GitLab);
the data folder sits beside it, so a record's file is found from the same setting.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit


@dataclass(frozen=True)
class Repository:
    url: str = ""  # the repository's web address (https://github.com/owner/name)
    edit_uri: str = ""  # its edit path to docs/, relative to `url`

    @property
    def configured(self) -> bool:
        """Whether there is a repository at a web address to link to."""
        parts = urlsplit(self.url)
        return parts.scheme == "https" and bool(parts.netloc) and bool(self.edit_uri)

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc

    @property
    def path(self) -> str:
        """`owner/name` (GitLab: `group/subgroup/name`)."""
        return urlsplit(self.url).path.strip("/").removesuffix(".git")

    @property
    def branch(self) -> str:
        """The branch the edit path names (`edit/<branch>/docs/`, `-/edit/<branch>/docs/`), else `main`."""
        words = [w for w in self.edit_uri.strip("/").split("/") if w not in ("-", "")]
        return words[1] if len(words) > 2 and words[0] in ("edit", "blob", "tree") else "main"

    def edit_url(self, path: str) -> str | None:
        """The edit page of a file given from the repository's root (`data/…`, `docs/…`), or None without a
        repository."""
        if not self.configured or not path:
            return None
        docs = urljoin(self.url.rstrip("/") + "/", self.edit_uri.lstrip("/"))
        return urljoin(docs if docs.endswith("/") else docs + "/", "../" + path)
