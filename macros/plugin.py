"""The MkDocs plugin: a thin adapter from MkDocs' events to the project's stages.

on_config reads and checks the data (every problem, then one clean failure), on_files adds
the generated pages (never in the navigation one by one), and the page events give those
pages their escaped title and their HTML, bypassing Markdown and mkdocs-macros entirely so
that record text is never read as Markdown or as a template.
"""

from __future__ import annotations

import html as html_module
import logging
import re
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from . import DOCUMENTED_MACROS, bilingual, i18n, incremental
from .admin import backend, published_files
from .catalog import Catalog
from .data import read_data
from .exports.feeds import FeedItem, rss
from .handwritten import NEWS_FEED, NEWS_POSTS, news_item, plain_meta, sandbox, untranslated_page
from .headers import ScriptAllowlist, UnknownScript, editor_policy, headers_file
from .pages import GeneratedPage, Rendered, embed_files, head_html, render_site, static_files, vendor_files
from .problems import DataError, report
from .repository import Repository
from .search import SearchIndexError
from .search import index as search_index
from .settings import Settings
from .sitemap import SITEMAP, Entry, handwritten_sources, last_changes
from .sitemap import write as write_sitemap
from .social_image import SITE_IMAGE, site_image
from .theme import NavCache, expose_theme
from .vendor import VendorError
from .views import structured
from .views.base import Site
from .views.preview import head_view

_TAG = re.compile(r"<[^>]+>")
log = logging.getLogger("mkdocs.plugins.wise")


def article_title(file: File) -> str:
    """A hand-written page's title: its front matter `title`, else its first `# ` heading, else its name."""
    from mkdocs.utils.meta import get_data

    text = file.content_string
    body, meta = get_data(text)
    if meta.get("title"):
        return str(meta["title"])
    for line in body.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return file.name.replace("-", " ").capitalize()


class WiseConfig(Config):
    data_dir = config_options.Type(str, default="data")
    # See macros/settings.py: the pages that may run the documented macros, and the city's box for map pins.
    macro_pages = config_options.ListOfItems(config_options.Type(str), default=[])
    city_bounds = config_options.Optional(config_options.Type(list))
    # The site's languages, the default first (macros/i18n.py); one language (English) when not given.
    languages = config_options.ListOfItems(config_options.Type(str), default=[])
    # Folders of hand-written pages whose names give no language, and the language they are written in.
    written_in = config_options.Type(dict, default={})


class WisePlugin(BasePlugin[WiseConfig]):
    """Reads data/, fails the build on any data problem, and generates the record pages."""

    def __init__(self):
        self.catalog: Catalog | None = None
        self.site = Site()
        self.pages: dict[str, GeneratedPage] = {}
        self.news: dict[str, list[FeedItem]] = {}  # each language's news posts, for its feed
        self.sitemap: list[Entry] = []
        self.session: incremental.Session | None = None
        self.published: set[str] = set()  # the documentation pages of this build (generated and hand-written)
        self.deferred = False  # while serving: the data's files are made again after this rebuild
        self.outputs: set[str] = set()  # every file of this build, by its path in the site

    def on_startup(self, *, command, dirty):
        # `mkdocs serve --dirty` (make serve): later rebuilds render only what an edit touches (macros/incremental.py).
        incremental.SERVING_DIRTY = command == "serve" and dirty
        if incremental.SERVING_DIRTY:
            logging.getLogger("mkdocs.commands.build").addFilter(incremental.quiet_dirty_warning)

    def on_config(self, config):
        root = Path(config.config_file_path or ".").resolve().parent
        self.root = root
        # The sitemap is ours (macros/sitemap.py): MkDocs' own would date every page by the build and list nothing else.
        config.theme.static_templates.discard(SITEMAP)
        self.data_dir = root / self.config.data_dir
        if not config.repo_url:
            # Without a repository MkDocs would still make `edit_uri` a link, relative to the page: a dead one.
            config.edit_uri = None
        # MkDocs keeps a plugin that has `on_startup` from one build to the next in a process (a server's rebuilds, and
        # a build after them, as in the tests): what one build set must not carry into another that does not serve.
        self.session, self.deferred = None, False
        if incremental.SERVING_DIRTY:
            self.session = incremental.SESSIONS.setdefault(str(config.config_file_path), incremental.Session())
            self.session.settle()
        parsed = self.session.parsed if self.session else None
        try:
            self.settings = Settings.from_options(
                {
                    "macro_pages": self.config.macro_pages,
                    "city_bounds": self.config.city_bounds,
                    "languages": self.config.languages,
                    "written_in": self.config.written_in,
                }
            )
            self.catalog = read_data(root / self.config.data_dir, Path(config.docs_dir), settings=self.settings, parsed=parsed)
        except DataError as exc:
            # Abort prints the message and exits 1 without a traceback, also under `mkdocs serve`.
            raise Abort("The data has problems:\n" + report(exc.problems)) from None
        # Advice such as a long easy-read sentence: shown, never failing a strict build (which fails on warnings).
        for warning in self.catalog.warnings:
            log.info(warning.text())
        # The navigation is written once, in English: MkDocs' own is the default language's, titles translated; the
        # other languages get theirs in `on_files` (macros/bilingual.py). The theme's language is the default one.
        self.nav_source = config.nav
        self.twins: dict[str, bilingual.Twin] = {}
        self.navs: dict = {}
        languages = i18n.languages()
        if len(languages) > 1:
            config.nav = bilingual.nav_config(config.nav, languages[0]) if config.nav else config.nav
            config.theme["language"] = languages[0]
            config.extra["alternate"] = True  # the theme's header then has the switcher (overrides/partials/alternate.html)
        return config

    def _on_files_late(self, files, config):
        # After the blogs have placed their posts (-50): each other language's navigation, over its own pages.
        if self.nav_source and len(i18n.languages()) > 1:
            self.navs = {language: bilingual.navigation(files, config, self.nav_source, language) for language in i18n.languages()[1:]}
        return files

    def _on_files(self, files, config):
        self.pages = {}
        self.news = {}
        self.sitemap = []
        # The theme's source maps are for debugging its script, not for readers: left out, they take 2 MB and the
        # development addresses they name out of the published site.
        for source_map in [f for f in files if f.src_uri.endswith(".map")]:
            files.remove(source_map)
        files.append(File.generated(config, SITE_IMAGE, content=site_image()))
        # Hand-written pages in every language (the blogs find their posts where this puts them: it runs first).
        self.twins = bilingual.arrange(files, config, dict(self.settings.written_in))
        self.site = self._site_options(files, config)
        for name, path in vendor_files().items():
            files.append(File.generated(config, name, abs_src_path=str(path)))
        try:
            editor = published_files(self.site.repository, config.site_url or "/", self.data_dir)
        except VendorError as exc:
            raise Abort(str(exc)) from None
        for name, source in editor.items():
            given = {"content": source} if isinstance(source, str) else {"abs_src_path": str(source)}
            files.append(File.generated(config, name, **given))
        for file in self._made_files(config):
            files.append(file)
        rendered = self._render(files, config)
        pages = rendered.pages
        # The long listings' item files (showcase/items.json…), which their script filters.
        for path, text in rendered.files.items():
            files.append(File.generated(config, path, content=text.encode("utf-8")))
        # A hand-written page at a generated page's address (docs/showcase.md or docs/showcase/index.md for
        # /showcase/) would replace it or be dropped: either way something is lost, so the build says which.
        generated = {page.url for page in pages}
        clashes = sorted(
            f"docs/{f.src_uri} is at {f.url}, the address of a generated page; move or rename it" for f in files.documentation_pages() if f.url in generated
        )
        if clashes:
            raise Abort("Hand-written pages clash with generated ones:\n" + "\n".join(clashes))
        for page in pages:
            self.pages[page.src_uri] = page
            in_nav = page.nav and page.language == i18n.default_language()  # other languages: in their own navigation
            inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
            # While serving, a page's file is kept in the session: MkDocs renders it again only when it changed.
            source = {"abs_src_path": str(self.session.source(page))} if self.session else {"content": ""}
            files.append(File.generated(config, page.src_uri, inclusion=inclusion, **source))
        return files

    on_files = CombinedEvent(_on_files, event_priority(-60)(_on_files_late))

    def _made(self, config) -> dict[str, str]:
        """The files made from the data besides pages: exports, feeds and embeds (embeds are files, not theme pages:
        no navigation, search or chrome, and not in the sitemap, since other sites frame them)."""
        made = static_files(self.catalog, config.site_url or "/", config.site_name)
        return made | embed_files(self.catalog, self.site)

    def _made_files(self, config) -> list[File]:
        """The data's files as MkDocs files. While serving they are kept in the session's folder, and after the
        first build they are made again in the background once the pages are served (`on_post_build`): an edit
        shows on its page without waiting for every export, and the files follow a moment later."""
        if self.session is None:
            return [File.generated(config, path, content=text.encode("utf-8")) for path, text in self._made(config).items()]
        if not self.session.data_files:
            self.session.keep_data_files(self._made(config))
        else:
            self.deferred = True
        return [File.generated(config, path, abs_src_path=str(kept)) for path, kept in self.session.data_files.items()]

    def _render(self, files, config) -> Rendered:
        """The generated pages and their files: all of them, or, while serving, those an edit touches (the rest kept)."""
        if self.session is None:
            return render_site(self.catalog, self.site)
        # Anything but a record changing (settings, pages added, a template edited) renders every page again.
        templates = Path(config.theme.custom_dir or ".")
        edited = max((f.stat().st_mtime_ns for f in templates.rglob("*.html")), default=0) if config.theme.custom_dir else 0
        context = (self.site, self.settings, tuple(f.src_uri for f in files.documentation_pages()), edited)
        return incremental.render(self.session, self.catalog, self.site, context)

    @event_priority(-100)  # after the blog has moved its posts to their dated addresses
    def on_nav(self, nav, config, files):
        self.published = {file.src_uri for file in files.documentation_pages()}
        self.outputs = {file.dest_uri for file in files}
        if self.session is not None:
            # Only the generated pages are skipped when unchanged. Every other page (hand-written ones, macro pages
            # that count records, the blog's archive and category pages, which need every post read) is built
            # again: its built file goes, so MkDocs' dirty build reads and renders it.
            for file in files.documentation_pages():
                if file.src_uri not in self.pages:
                    Path(file.abs_dest_path).unlink(missing_ok=True)
        return nav

    @staticmethod
    def _site_options(files, config) -> Site:
        """What generated pages need from the configuration and the hand-written pages."""
        map_options = config.extra.get("map", {}) or {}
        titles = tuple(sorted((f.src_uri, article_title(f)) for f in files.documentation_pages() if i18n.unlocalize(f.src_uri)[1].startswith("knowledge/")))
        options = {
            "map_tiles": map_options.get("tiles"),
            "map_attribution": map_options.get("attribution"),
            "site_url": config.site_url,
            "site_name": config.site_name,
            "article_titles": titles,
            "repository": Repository(config.repo_url or "", config.edit_uri or ""),
        }
        return Site(**{k: v for k, v in options.items() if v})

    def on_env(self, env, config, files):
        if self.session is not None:
            self.session.keep_titles(files)

        # The allowlist of inline scripts, rendered by the theme's own environment from its script partials.
        def render(name: str, base_url: str) -> str:
            return env.get_template(name).render(config=config, features=config.theme.get("features", []), base_url=base_url)

        self.scripts = ScriptAllowlist(render)
        expose_theme(env, config.theme.dirs, config.theme.custom_dir)
        # The strings our theme overrides write (`_("…")` in partials/search.html) speak the page's language, as the
        # generated pages' do. The theme itself writes no `_()`: it says its words with `lang.t`.
        if "jinja2.ext.InternationalizationExtension" not in env.extensions:
            env.add_extension("jinja2.ext.i18n")
        env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)
        env.globals["wise_nav"] = NavCache(frozenset(uri for uri, page in self.pages.items() if not page.nav))
        return env

    def on_post_page(self, output, page, config):
        self._check_scripts(output, f"docs/{page.file.src_uri}", get_relative_url(".", page.url))
        generated = self.pages.get(page.file.src_uri)
        docs_dir = Path(config.docs_dir).resolve()
        sources = generated.sources if generated else handwritten_sources(docs_dir, self.root, page.file.src_uri)
        entry = Entry((config.site_url or "/") + page.url, sources)
        self.sitemap.append(entry)
        if self.session is not None:
            self.session.sitemap[page.file.src_uri] = entry
        return output

    def on_post_template(self, output_content, template_name, config):
        self._check_scripts(output_content, template_name, urlsplit(config.site_url or "/").path)
        return output_content

    def _check_scripts(self, html: str, where: str, base_url: str) -> None:
        try:
            self.scripts.check(html, where, base_url)
        except UnknownScript as exc:
            raise Abort(f"The build refuses an inline script: {exc}") from None

    def on_pre_build(self, config):
        macros = config.plugins.get("macros")
        if macros is not None:
            sandbox(macros, DOCUMENTED_MACROS, config.site_name)

    def on_pre_page(self, page, config, files):
        # Everything made for this page from here on (macros, views, the head, the theme's words) speaks its language.
        i18n.activate(i18n.unlocalize(page.file.src_uri)[0])
        return page

    def on_page_markdown(self, markdown, page, config, files):
        # Pagefind indexes the built pages (macros/search.py); the theme's lunr index would hold them all again.
        page.meta["search"] = {"exclude": True}
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            # The theme prints a page's title and description unescaped: give it plain text.
            page.meta = plain_meta(page.meta)
            return markdown
        # MkDocs and Material insert page titles into HTML unescaped: give them escaped text.
        page.meta["title"] = str(escape(generated.title))
        if generated.preview:
            page.meta["description"] = str(escape(generated.preview))
        page.meta["render_macros"] = False
        page.meta["hide"] = ["toc", "navigation"] if generated.wide else []
        # The theme's edit button: a record page's YAML file; a listing has no one file to edit.
        page.edit_url = generated.edit_url
        return ""

    def on_page_content(self, html, page, config, files):
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            language, path = i18n.unlocalize(page.file.src_uri)
            if path.startswith(NEWS_POSTS):
                self.news.setdefault(language, []).append(news_item(page, html, config.site_url or "/"))
            twin = self.twins.get(page.file.src_uri)
            if twin is not None and twin.untranslated:
                return untranslated_page(html, twin.written_in)
            return html
        # The table of contents (and Material's skip link, which targets its first entry) comes
        # from the view's sections, since these pages have no Markdown to take it from.
        page.toc = get_toc(list(generated.toc))
        return generated.html

    def on_page_context(self, context, page, config, nav):
        language, path = i18n.unlocalize(page.url)
        # MkDocs reads every page before it renders any: the language is set again for the rendering (the theme's
        # words, the head's preview and JSON-LD), not left at the last page read.
        i18n.activate(language)
        # Each language has its navigation, and the theme speaks the page's language (overrides/partials/language.html).
        context["nav"] = self.navs.get(language, nav)
        context["wise_language"] = language
        context["wise_alternates"] = bilingual.alternates(page.url)
        # Link previews, schema.org and the feeds a page names; the theme's main.html prints `wise_head` in its head.
        context["wise_head"] = Markup(head_html(path, self._head(page, config)))
        return context

    def _head(self, page, config):
        site_url = config.site_url or ""
        description = config.site_description or ""
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            return head_view(
                generated.title,
                generated.preview or description,
                page.canonical_url or "",
                config.site_name,
                site_url,
                generated.structured,
                feeds=generated.feeds,
            )
        # A hand-written page's title and description reach here as HTML (escaped for the theme): read them as text.
        # Front matter's title first, as the theme's <title> does; the navigation's label stands in for it otherwise.
        title = html_module.unescape(_TAG.sub("", page.meta.get("title") or page.title or config.site_name))
        text = html_module.unescape(page.meta.get("description") or description)
        data = structured.platform(config.site_name, site_url, description) if page.is_homepage else None
        kind = "article" if i18n.unlocalize(page.file.src_uri)[1].startswith(NEWS_POSTS) else "website"
        return head_view(title, text, page.canonical_url or "", config.site_name, site_url, data, kind)

    # Last: the security headers have a rule per top-level folder of the built site, so every other plugin's files
    # (the theme's search/ folder among them) must be written first, on a fresh build as on a rebuild over a built site.
    @event_priority(-100)
    def on_post_build(self, config):
        i18n.activate(None)
        site_dir = Path(config.site_dir)
        site_url = config.site_url or "/"
        for language, posts in self.news.items():
            # Each language's news has its feed beside it (news/feed.xml, en/news/feed.xml), in its words.
            with i18n.use(language):
                title = i18n.gettext("News: %(site)s") % {"site": config.site_name}
                here = i18n.prefix(language)
                feed = rss(title, site_url + here + "news/", site_url + here + NEWS_FEED, config.site_description or "", posts)
            (site_dir / here / NEWS_FEED).write_text(feed, encoding="utf-8")
        hashes = self.scripts.hashes()
        if self.session is not None:
            # A dirty rebuild renders some pages only: the others' scripts still count. What the last build wrote and
            # this one does not (a removed record's page and embed, a listing's last page) goes.
            self.session.script_hashes |= set(hashes)
            hashes = sorted(self.session.script_hashes)
            incremental.remove(site_dir, self.session.outputs - self.outputs)
            self.session.outputs = self.outputs
            # Pages a dirty rebuild skipped are still published: the sitemap lists them as last built.
            self.sitemap = [entry for uri, entry in self.session.sitemap.items() if uri in self.published]
        in_background = self.session is not None and (site_dir / "pagefind").is_dir()
        if not in_background:
            try:
                search_index(site_dir)
            except SearchIndexError as exc:
                raise Abort(str(exc)) from None
        chosen = backend(self.site.repository)
        policies = {"/admin/*": editor_policy(chosen.connect, chosen.images)}
        dates = self.session.last_changes(self.root) if self.session else last_changes(self.root)
        write_sitemap(site_dir, config.site_url or "/", self.sitemap, dates)
        (site_dir / "_headers").write_text(headers_file(site_dir, self.site.map_tiles, hashes, policies), encoding="utf-8")
        if self.session is not None:
            # Beside the server, once the headers have their rules (the work writes in folders of its own first): the
            # data's files made again, and the search index, so an edit shows on its page without waiting for them.
            if self.deferred:
                self.session.start(self.session.refresh_data_files, lambda: self._made(config), site_dir)
            if in_background:
                self.session.start(search_index, site_dir)
