"""The theme's navigation sidebar, rendered once per folder for the record pages (macros/theme.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from conftest import ROOT

from macros import theme


def page(url: str):
    return SimpleNamespace(url=url, file=SimpleNamespace(src_uri=f"{url}index.md"))


def test_record_pages_in_one_folder_share_one_sidebar_and_others_render_their_own():
    cache = theme.NavCache(frozenset({"showcase/a/index.md", "showcase/b/index.md", "lobby/posts/p/index.md"}))
    first, second, post = cache.shared(page("showcase/a/")), cache.shared(page("showcase/b/")), cache.shared(page("lobby/posts/p/"))
    assert first.html is None
    assert first.keep("<nav>showcase</nav>") == "<nav>showcase</nav>"
    assert second.html == "<nav>showcase</nav>" and post.html is None
    assert cache.shared(page("showcase/")) is None  # a listing is in the navigation: its own sidebar
    assert cache.shared(None) is None


@pytest.mark.slow
def test_the_shared_sidebar_is_exactly_what_each_page_would_render(tmp_path, monkeypatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.chdir(ROOT)

    def built(out):
        build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(out)))
        return {p.relative_to(out): p.read_bytes() for p in out.rglob("*.html")}

    shared = built(tmp_path / "shared")
    monkeypatch.setattr(theme.NavCache, "shared", lambda self, page: None)
    own = built(tmp_path / "own")
    assert sorted(own) == sorted(shared)
    assert [str(p) for p in own if own[p] != shared[p]] == []
