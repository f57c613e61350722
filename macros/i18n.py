"""The site's languages: which there are, which one a page is being made in, and the interface's words in each.

The languages are listed in `mkdocs.yml` (`plugins: - wise: languages: [nl, en]`); the first is the default, at the
site's root, and every other one has its twin of every page under `/<code>/`. With one language (the default when
none is listed, English) the site has no prefix and no switcher.

The project's interface strings are written in English in the code and the templates, marked for translation
(`_("…")` in templates and Python, `N_("…")` where a string is only named now and translated when shown), and
translated in gettext catalogues: every `*.po` file in `locale/<code>/` (Babel reads them; `make messages` extracts
the strings). English needs no catalogue. A string a catalogue does not translate fails `tests/test_messages.py`.

Which language a page is being made in is the *active* language, set around the making of each page (`use`), so
the views, the templates and record text (macros/localized.py) all speak it without passing it through every call.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
SOURCE_LANGUAGE = "en"  # the language the code's strings are written in

# The site's languages, default first: set from the settings by whoever reads the data or builds the site. A plain
# global, not a context variable: the build's background threads (the data files while serving) must see it too.
_languages: tuple[str, ...] = (SOURCE_LANGUAGE,)
_active: ContextVar[str | None] = ContextVar("active", default=None)


def configure(languages: tuple[str, ...]) -> None:
    """Set the site's languages (default first)."""
    global _languages
    _languages = tuple(languages) or (SOURCE_LANGUAGE,)


def languages() -> tuple[str, ...]:
    """The site's languages, the default first."""
    return _languages


def default_language() -> str:
    """The language of the site's root, and of a record's text written as a plain string."""
    return languages()[0]


def active() -> str:
    """The language the current page is made in (the default language outside any page)."""
    return _active.get() or default_language()


@contextmanager
def use(language: str) -> Iterator[str]:
    """Make what happens inside in `language`."""
    token = _active.set(language)
    try:
        yield language
    finally:
        _active.reset(token)


def activate(language: str | None) -> None:
    """Make what follows in `language` (None: the default again), for the pages MkDocs renders one after another."""
    _active.set(language)


def prefix(language: str | None = None) -> str:
    """Where a language's pages live, as a site path prefix: "" for the default, "en/" for English beside Dutch."""
    language = language or active()
    return "" if language == default_language() else f"{language}/"


def is_page_path(path: str) -> bool:
    """Whether a site path names something that exists in every language: a page (a directory URL, "" the home
    page) or a listing's item file, whose cards are in the page's language. Files such as exports, feeds and
    calendars exist once; so do the embeds, which are files for other sites to frame."""
    plain = path.partition("#")[0]
    if plain.startswith(("embed/", "admin/", "assets/")):
        return False
    return plain == "" or plain.endswith("/") or plain.endswith("/items.json")


def localize(path: str, language: str | None = None) -> str:
    """A site path in `language` (the active one): pages get the language's prefix, shared files keep their path."""
    if path.startswith(("http://", "https://", "mailto:", "tel:", "#")) or not is_page_path(path):
        return path
    return prefix(language) + path


def unlocalize(path: str) -> tuple[str, str]:
    """A site path's language and its path in the default language ("en/showcase/" → ("en", "showcase/"))."""
    head, _, rest = path.partition("/")
    if head in languages()[1:]:
        return head, rest
    return default_language(), path


def split_suffix(src_uri: str) -> tuple[str | None, str]:
    """A hand-written page's language, from its name or its folder, and its name without it: "about.en.md" → ("en",
    "about.md"); "en/news/index.md" → ("en", "news/index.md") (a blog reads its own folder, so the English news is
    in docs/en/news/); "about.md" → (None, "about.md"), written in the default language."""
    head, _, rest = src_uri.partition("/")
    if rest and head in languages()[1:]:
        return head, rest
    stem, dot, extension = src_uri.rpartition(".")
    base, _, code = stem.rpartition(".")
    if dot and base and code in languages():
        return code, f"{base}.{extension}"
    return None, src_uri


@lru_cache(maxsize=16)
def catalogue(language: str) -> dict[str, str]:
    """A language's translations (English msgid → translated text), merged from every `*.po` file in its folder.
    Fuzzy and empty entries are left out: they are not translations yet."""
    from babel.messages.pofile import read_po

    out: dict[str, str] = {}
    folder = LOCALE_DIR / language
    for path in sorted(folder.glob("*.po")) if folder.is_dir() else ():
        with open(path, "rb") as handle:
            for message in read_po(handle, locale=language.replace("-", "_")):
                if not message.id or message.fuzzy:
                    continue
                if isinstance(message.id, tuple):  # a plural: each form is found by the singular and its index
                    for index, text in enumerate(message.string):
                        if text:
                            out[f"{message.id[0]}\x00{index}"] = text
                elif message.string:
                    out[message.id] = message.string
    return out


def translate(message: str, language: str | None = None) -> str:
    """`message` (English) in `language` (the active one); itself where there is no translation."""
    language = language or active()
    if language == SOURCE_LANGUAGE:
        return message
    return catalogue(language).get(message, message)


def gettext(message: str) -> str:
    """The interface string `message` in the active language."""
    return translate(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of an interface string for `n`, in the active language (both Dutch and English
    use the singular for exactly one)."""
    language = active()
    form = 0 if n == 1 else 1
    english = singular if form == 0 else plural
    if language == SOURCE_LANGUAGE:
        return english
    return catalogue(language).get(f"{singular}\x00{form}", english)


_ = gettext


def N_(message: str) -> str:  # noqa: N802 (gettext's name for it)
    """Marks a string for the catalogue without translating it now: it is translated where it is shown (`_(value)`)."""
    return message


@lru_cache(maxsize=64)  # asked for on every page (its switcher), and Babel parses a locale each time
def language_name(code: str, in_language: str | None = None) -> str:
    """A language's name in that language ("Nederlands", "English"), for the switcher; or in `in_language`
    ("Engels" in Dutch)."""
    from babel import Locale

    return Locale.parse(code.replace("-", "_")).get_display_name((in_language or code).replace("-", "_")).capitalize()
