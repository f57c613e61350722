"""Field types shared by every kind: what a value must look like, and the message if not.

Each type is `Annotated[...]` with a validator whose docstring is the rule. Values arrive as
the loader leaves them (text, true/false, None, lists, mappings), so numbers and dates are
parsed here from the text the editor wrote, and a bad value is reported with that text.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    PrivateAttr,
    SerializationInfo,
    StrictBool,
    Tag,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from .. import i18n
from ..localized import Localized

SITE_TIMEZONE = ZoneInfo("Europe/Amsterdam")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Names Windows keeps for devices: a file `con.yml` (or a page folder `con/`) cannot be checked out there.
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})
# Numbers are bounded so that every one is finite and exact: at most 12 digits before the point, 6 after.
_INT = re.compile(r"^-?(0|[1-9][0-9]{0,11})$")
_DECIMAL = re.compile(r"^-?(0|[1-9][0-9]{0,11})(\.[0-9]{1,6})?$")
_LONG_NUMBER = re.compile(r"^-?[1-9][0-9]*(\.[0-9]+)?$|^-?0\.[0-9]+$")
FIRST_YEAR, LAST_YEAR = 1900, 2100  # dates outside these years are typos, and date arithmetic near year 9999 overflows
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The local part takes letters, digits and . _ + - only: no `?`, `&` or `%`, which would add headers (bcc=, an
# encoded line break) to the `mailto:` link the site makes from the address.
_EMAIL = re.compile(r"^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,20}$")
_CPV = re.compile(r"^\d{8}-\d$")


def fail(rule: str, message: str, **context: Any) -> PydanticCustomError:
    """A validation error whose type is our rule id and whose message is final text."""
    return PydanticCustomError(rule, message.replace("{", "{{").replace("}", "}}"), context)


def _show(value: Any) -> str:
    """A value as the editor wrote it, quoted and cut short for messages."""
    text = value if isinstance(value, str) else repr(value)
    return repr(text if len(text) <= 80 else text[:77] + "...")


_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Control characters other than tab and line feed: a YAML escape ("\r", "\x07") can put them in a value though the
# loader refuses them in the file. XML forbids most of them, and a lone carriage return splits a calendar's lines.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def text(value: Any) -> str:
    """Text must be text: write true/false or a list in quotes if you mean the words. Invisible
    bidirectional controls, which can make text read differently from what it says, and control
    characters other than tab and line feed are refused."""
    if isinstance(value, str):
        bidi = _BIDI.search(value)
        if bidi:
            raise fail("control-character", f"bidirectional control character U+{ord(bidi.group()):04X} is not allowed")
        control = _CONTROL.search(value)
        if control:
            raise fail("control-character", f"control character U+{ord(control.group()):04X} is not allowed")
        return value
    raise fail("type", f"must be text, not {_kind(value)}" + (" (quote it if you mean the word)" if isinstance(value, bool) else ""))


def _kind(value: Any) -> str:
    return {bool: "true/false", dict: "a mapping", list: "a list", type(None): "empty"}.get(type(value), type(value).__name__)


# A date of birth: "born", "geboren" or "geb." and a date (12-03-1985, 12/3/85, 1985-03-12, 12 March 1985, 12 maart 1985).
_BIRTH = re.compile(
    r"\b(?:born|geboren|geb\.)\s*(?:on\s+|op\s+|:\s*)?(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s+[^\W\d_]{3,}\.?\s+\d{4})",
    re.IGNORECASE,
)
_NINE_DIGITS = re.compile(r"(?<![\d.,-])(\d{9}|\d{3}[ .]\d{2}[ .]\d{2}[ .]\d{2}|\d{3}[ .]\d{3}[ .]\d{3})(?![\d,-]|\.\d)")


def passes_bsn_check(digits: str) -> bool:
    """The eleven-test of Dutch citizen service numbers: 9×d1 + 8×d2 + … + 2×d8 − d9 is a multiple of 11 (and not 0)."""
    if len(digits) != 9 or not digits.isdigit() or int(digits) == 0:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


def no_personal_data(value: str) -> str:
    """No personal data about workers in free text: no date of birth ("born", "geboren" or "geb." and a date) and no
    nine-digit number that passes the citizen service number (BSN) check."""
    birth = _BIRTH.search(value)
    if birth:
        raise fail("personal-data", f"looks like a date of birth ({birth.group()!r}); the site stores no personal data about workers")
    for found in _NINE_DIGITS.finditer(value):
        if passes_bsn_check(re.sub(r"[ .]", "", found.group())):
            raise fail(
                "personal-data",
                f"holds a number that passes the citizen service number (BSN) check ({found.group()!r}); the site stores no personal data about workers",
            )
    return value


def nonblank(value: str) -> str:
    """Required text may not be only spaces."""
    if not value.strip():
        raise fail("required", "must not be blank")
    return value


def one_line(value: str) -> str:
    """Names, titles and labels are one line of text."""
    if "\n" in value.strip():
        raise fail("one-line", "must be a single line")
    return value.strip()


def max_chars(limit: int):
    def check(value: str) -> str:
        if len(value) > limit:
            raise fail("too-long", f"is {len(value)} characters; at most {limit}")
        return value

    check.__doc__ = f"At most {limit} characters."
    return AfterValidator(check)


def slug(value: Any) -> str:
    """An id: lowercase letters and digits in hyphen-separated words, at most 64 characters."""
    value = text(value)
    if not SLUG.match(value) or len(value) > 64:
        raise fail("id", f"must be an id like 'my-name-2' (a-z, 0-9, single hyphens, at most 64 characters): {_show(value)}")
    return value


def _too_long(value: Any) -> bool:
    """Digits enough to be a number, but more of them than the bounds allow."""
    return isinstance(value, str) and bool(_LONG_NUMBER.match(value.strip()))


def integer(value: Any) -> int:
    """A whole number written in digits, without leading zeros, at most 12 digits."""
    if isinstance(value, str) and _INT.match(value.strip()):
        return int(value)
    if _too_long(value):
        raise fail("number", f"has more digits than a count needs (at most 12): {_show(value)}")
    raise fail("number", f"must be a whole number: {_show(value)}")


def decimal(value: Any) -> float | int:
    """A number written in digits, with an optional decimal point: at most 12 digits before it and 6 after."""
    if isinstance(value, str) and _DECIMAL.match(value.strip()):
        return int(value) if _INT.match(value.strip()) else float(value)
    if _too_long(value):
        raise fail("number", f"has more digits than a figure needs (at most 12 before the point and 6 after): {_show(value)}")
    raise fail("number", f"must be a number: {_show(value)}")


def in_years(day: dt.date, value: Any) -> None:
    """Dates lie between 1900 and 2100."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise fail("date", f"must lie between {FIRST_YEAR} and {LAST_YEAR}: {_show(value)}")


def iso_date(value: Any) -> dt.date:
    """A real calendar date written YYYY-MM-DD."""
    if not isinstance(value, str) or not _DATE.match(value.strip()):
        raise fail("date", f"must be a date written YYYY-MM-DD: {_show(value)}")
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise fail("date", f"is not a real date: {_show(value)}") from None
    in_years(day, value)
    return day


def iso_datetime(value: Any) -> dt.datetime | dt.date:
    """A date (all day) or an ISO 8601 date-time between 1900 and 2100; without an offset it is read in the
    site's time zone, where it must exist."""
    if isinstance(value, str) and _DATE.match(value.strip()):
        return iso_date(value)
    if not isinstance(value, str) or not re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", value.strip()):
        raise fail("date", f"must be a date-time like '2026-03-12T14:00:00+01:00': {_show(value)}")
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise fail("date", f"is not a real date-time: {_show(value)}") from None
    in_years(moment.date(), value)
    if moment.tzinfo:
        return moment
    local_moment = moment.replace(tzinfo=SITE_TIMEZONE)
    # A clock time skipped when summer time starts (02:30 on the last Sunday of March) never happens in the city.
    if local_moment.astimezone(dt.UTC).astimezone(SITE_TIMEZONE).replace(tzinfo=None) != moment:
        raise fail("date", f"does not exist in Amsterdam (the clocks skip it when summer time starts): {_show(value)}")
    return local_moment


def local(value: dt.datetime) -> dt.datetime:
    """A date-time in the site's time zone, as readers in the city read the clock (one without an offset already is)."""
    return value if value.tzinfo is None else value.astimezone(SITE_TIMEZONE)


def local_day(value: dt.date | dt.datetime) -> dt.date:
    """The calendar day of a date, or of a date-time in the site's time zone (23:30 UTC is the next day in Amsterdam in summer)."""
    return local(value).date() if isinstance(value, dt.datetime) else value


MARKDOWN_CHARS = 20_000  # a Markdown field is a description, not a book
MARKDOWN_NESTING = 10  # quotes or lists inside each other
MARKDOWN_OPEN_BRACKETS = 200  # `[` open at once: each makes Python-Markdown look ahead for a link, so the time grows with their square


def markdown_strain(value: str) -> tuple[str, int] | None:
    """Why Markdown would take the renderer too long or too deep, and where (an index into `value`), or None:
    quotes or lists nested more than 10 deep, or more than 200 `[` open at once (the time grows with their square)."""
    offset = 0
    for line in value.split("\n"):
        stripped = line.lstrip(" >\t")
        quotes = line[: len(line) - len(stripped)].count(">")
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))
        if quotes > MARKDOWN_NESTING or indent // 2 > MARKDOWN_NESTING * 2:
            return f"nests quotes or lists more than {MARKDOWN_NESTING} deep", offset
        offset += len(line) + 1
    open_brackets = 0
    for index, char in enumerate(value):
        if char == "[":
            open_brackets += 1
            if open_brackets > MARKDOWN_OPEN_BRACKETS:
                return f"has more than {MARKDOWN_OPEN_BRACKETS} '[' open at once (write \\[ for a literal bracket)", index
        elif char == "]" and open_brackets:
            open_brackets -= 1
    return None


def markdown_budget(value: str) -> str:
    """Markdown stays within what renders at once: 20,000 characters, quotes and lists nested at most 10 deep, and
    at most 200 `[` open at once (the renderer's time grows with their square)."""
    if len(value) > MARKDOWN_CHARS:
        raise fail("markdown-budget", f"is {len(value):,} characters; Markdown fields hold at most {MARKDOWN_CHARS:,}")
    strain = markdown_strain(value)
    if strain:
        raise fail("markdown-budget", strain[0])
    return value


_NUMERIC_HOST = re.compile(r"^([0-9.]+|0x[0-9a-f.x]+|.*:.*)$", re.IGNORECASE)  # IPv4 in any notation, IPv6
# Writing systems whose letters look alike: a host name's label may use one of them, never several.
_LOOKALIKES = {"LATIN", "CYRILLIC", "GREEK"}


def scripts_of(name: str) -> set[str]:
    """The writing systems of a name's letters (LATIN, CYRILLIC, GREEK…), by their Unicode names; digits and signs have none."""
    return {unicodedata.name(c, "?").split(" ", 1)[0] for c in name if c.isalpha()}


def host_problem(host: str) -> str | None:
    """Why a URL's host cannot be trusted, or None: a numeric address instead of a name, or a name that mixes
    Latin, Cyrillic or Greek letters (a Cyrillic "а" in "pаypal.com" looks like a Latin "a")."""
    if _NUMERIC_HOST.match(host):
        return "must name a host, not a numeric address"
    try:
        readable = host.encode("ascii").decode("idna") if "xn--" in host else host
    except UnicodeError:
        return "has a host name that is not valid"
    for label in readable.split("."):
        mixed = scripts_of(label) & _LOOKALIKES
        if len(mixed) > 1:
            return f"has a host name that mixes writing systems ({', '.join(sorted(mixed)).lower()}), as lookalike addresses do"
    return None


def http_url(value: Any) -> str:
    """An absolute http(s) URL with a host name, no spaces or control characters, no user or password; the host is a
    name, not a numeric address, and does not mix writing systems."""
    value = text(value)
    parts = urlsplit(value)
    if re.search(r"[\s\x00-\x1f\x7f]", value) or parts.scheme not in ("http", "https") or not parts.hostname or "@" in parts.netloc:
        raise fail("url-scheme", f"must be an http(s) URL: {_show(value)}")
    problem = host_problem(parts.hostname)
    if problem:
        raise fail("url-host", f"{problem}: {_show(value)}")
    return value


def email(value: Any) -> str:
    """A plain e-mail address (a public business or office address): letters, digits and . _ + - before the @."""
    value = text(value)
    if not _EMAIL.match(value):
        raise fail("email", f"must be an e-mail address like info@example.org: {_show(value)}")
    return value


def url_or_mailto(value: Any) -> str:
    """An http(s) URL, or mailto: followed by an e-mail address."""
    value = text(value)
    if value.lower().startswith("mailto:"):
        email(value[7:])
        return value
    try:
        return http_url(value)
    except Exception:
        raise fail("url-scheme", f"must be an http(s) or mailto: URL: {_show(value)}") from None


def phone(value: Any) -> str:
    """A phone number as written: digits, spaces, hyphens, brackets, an optional leading +."""
    value = text(value)
    if not _PHONE.match(value):
        raise fail("phone", f"must be a phone number like '+31 20 123 4567': {_show(value)}")
    return value


def cpv(value: Any) -> str:
    """A Common Procurement Vocabulary code with its check digit: '90910000-9'."""
    value = text(value)
    if not _CPV.match(value):
        raise fail("cpv", f"must be a CPV code with check digit, like '90910000-9': {_show(value)}")
    return value


def strict_bool(value: Any) -> bool:
    """true or false, unquoted."""
    if isinstance(value, bool):
        return value
    raise fail("type", f"must be true or false: {_show(value)}")


@dataclass(frozen=True)
class Ref:
    """Marks an id field as a reference to a record of `target` (a kind, or `vocab:<name>`); `also` lists words the
    field takes besides ids (`city-wide`)."""

    target: str
    also: tuple[str, ...] = ()

    @property
    def vocabulary(self) -> bool:
        return self.target.startswith("vocab:")


@dataclass(frozen=True)
class Accepts:
    """Marks a field type with what it accepts in editors' words, for the reference and templates."""

    name: str


@dataclass(frozen=True)
class Derived:
    """Marks a field editors must not write: the build derives it, and `where` says what to write instead."""

    where: str


_STR = WithJsonSchema({"type": "string"})
Text = Annotated[str, BeforeValidator(text), AfterValidator(nonblank), AfterValidator(no_personal_data), Accepts("text")]
Line = Annotated[str, BeforeValidator(text), AfterValidator(nonblank), AfterValidator(one_line), AfterValidator(no_personal_data), Accepts("one line of text")]
Markdown = Annotated[
    str,
    BeforeValidator(text),
    AfterValidator(markdown_budget),
    AfterValidator(no_personal_data),
    Field(description="Markdown (a safe subset; raw HTML is removed)"),
    Accepts("Markdown (a safe subset; raw HTML is shown as text)"),
]


# -- text in the site's languages ----------------------------------------------------------------------------------
def language_key(value: Any) -> str:
    """A mapping by language is keyed by the site's languages (mkdocs.yml: `languages`)."""
    languages = i18n.languages()
    if not isinstance(value, str) or value not in languages:
        raise fail("language", f"{_show(value)} is not a language of this site; write the text under {_one_of(languages)}")
    return value


def _one_of(languages: tuple[str, ...]) -> str:
    return languages[0] if len(languages) == 1 else "one of " + ", ".join(languages)


def some_language(value: Any) -> Any:
    """A mapping by language gives the text in at least one language (a Localized given again gives its translations)."""
    if isinstance(value, Localized):
        return value.translations
    if isinstance(value, dict) and not value:
        raise fail("required", f"gives the text in no language: write it as plain text, or under {_one_of(i18n.languages())}")
    return value


def as_localized(value: str | dict[str, str]) -> Localized:
    """Plain text is the text in the site's default language; a mapping holds it per language."""
    return Localized({i18n.default_language(): value} if isinstance(value, str) else value)


def plain_text(value: Localized, info: SerializationInfo) -> str | Localized:
    """A translatable value dumped as JSON is its plain value, the default language's text (the exports add the other
    languages beside it); dumped as Python objects it stays the Localized."""
    return str.__str__(value) if info.mode_is_json() else value


@dataclass(frozen=True)
class Translatable:
    """Marks a field whose text may be written per language: plain text (the site's default language), or a mapping
    by language whose every text passes the field's checks. Its value is a Localized (macros/localized.py). In the
    JSON Schema: a string, or an object keyed by the site's languages holding strings."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict:
        schema = handler(core_schema)
        choices = schema.get("oneOf") or schema.get("anyOf") or []
        for choice in choices:
            if choice.get("type") == "object":
                choice["propertyNames"] = {"enum": list(i18n.languages())}
                choice["minProperties"] = 1
                choice["description"] = "the text per language: " + ", ".join(i18n.languages())
        return {"anyOf": choices} if choices else schema


def localized(inner: Any) -> Any:
    """A translatable field: `inner` (a text type with its checks) as plain text in the site's default language, or a
    mapping by language (`{nl: "…", en: "…"}`) whose every text gets exactly the checks of `inner`, each reported at
    its own line. Its value is a Localized."""
    by_language = Annotated[dict[Annotated[str, BeforeValidator(language_key)], inner], BeforeValidator(some_language)]
    return Annotated[
        # The tags are bracketed, as pydantic's own "[key]": they name no place in the data (validate.py skips them).
        Annotated[inner, Tag("[text]")] | Annotated[by_language, Tag("[by language]")],
        Discriminator(lambda value: "[by language]" if isinstance(value, (dict, Localized)) else "[text]"),
        AfterValidator(as_localized),
        PlainSerializer(plain_text, return_type=str),
        Translatable(),
    ]


LocalText = localized(Text)
LocalLine = localized(Line)
LocalMarkdown = localized(Markdown)

EASY_READ_CHARS = 800
EASY_READ_WORDS = 15  # words in a sentence of easy-read text, at most (`wise check` warns above it)
EASY_READ_NOTE = (
    f"the record in easy-read words (language level B1), at most {EASY_READ_CHARS} characters: short sentences, one idea per sentence, "
    f"no jargon; shown first on its page. `wise check` warns about a sentence of more than {EASY_READ_WORDS} words and about the glossary's hard words"
    " (in each language's text)"
)
EasyRead = localized(Annotated[Text, max_chars(EASY_READ_CHARS), Accepts("text in easy-read words")])
Slug = Annotated[str, BeforeValidator(slug), WithJsonSchema({"type": "string", "pattern": SLUG.pattern, "maxLength": 64}), Accepts("id")]
Url = Annotated[str, BeforeValidator(http_url), WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"}), Accepts("http(s) URL")]
UrlOrMailto = Annotated[
    str, BeforeValidator(url_or_mailto), WithJsonSchema({"type": "string", "pattern": "^(https?://|mailto:)"}), Accepts("http(s) or mailto: URL")
]
Email = Annotated[str, BeforeValidator(email), WithJsonSchema({"type": "string", "format": "email"}), Accepts("e-mail address")]
Phone = Annotated[str, BeforeValidator(phone), _STR, Accepts("phone number")]
Cpv = Annotated[str, BeforeValidator(cpv), WithJsonSchema({"type": "string", "pattern": _CPV.pattern}), Accepts("CPV code (90910000-9)")]
Int = Annotated[int, BeforeValidator(integer), WithJsonSchema({"type": "integer"}), Accepts("whole number")]
Count = Annotated[int, BeforeValidator(integer), Field(ge=0), WithJsonSchema({"type": "integer", "minimum": 0}), Accepts("whole number")]
Number = Annotated[float | int, BeforeValidator(decimal), Field(ge=0), WithJsonSchema({"type": "number", "minimum": 0}), Accepts("number")]
Year = Annotated[
    int, BeforeValidator(integer), Field(ge=1900, le=2100), WithJsonSchema({"type": "integer", "minimum": 1900, "maximum": 2100}), Accepts("whole number")
]
Date = Annotated[dt.date, BeforeValidator(iso_date), WithJsonSchema({"type": "string", "format": "date"}), Accepts("date (YYYY-MM-DD)")]
DateTime = Annotated[
    dt.datetime | dt.date,
    BeforeValidator(iso_datetime),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}.*)?$"}),
    Accepts("date or date-time"),
]
Flag = Annotated[StrictBool, BeforeValidator(strict_bool), WithJsonSchema({"type": "boolean"}), Accepts("true or false")]


def RefTo(target: str, also: tuple[str, ...] = ()) -> Any:
    """An id that must name an existing record of `target` (or be one of the words in `also`)."""
    return Annotated[
        str,
        BeforeValidator(slug),
        Ref(target, also),
        WithJsonSchema({"type": "string", "pattern": SLUG.pattern, "description": f"id of a {target.replace('vocab:', '')} entry"}),
    ]


def refused(where: str) -> Any:
    """A field editors must not write, because the fact lives elsewhere: `where` says where.

    The build still fills the field in where it publishes it (the exports), so readers of the
    data see the fact on both sides while editors type it once."""

    def refuse(value: Any) -> Any:
        if value in (None, []):
            return []
        raise fail("one-side", f"is not written here: {where}")

    refuse.__doc__ = f"Not written here: {where}"
    return Annotated[list[str], BeforeValidator(refuse), Derived(where), WithJsonSchema({"not": {}, "description": f"not written here: {where}"})]


class Part(BaseModel):
    """A nested mapping inside a record: unknown fields are errors, values are read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class RecordModel(Part):
    """Fields every record has. The id is the file's name, never a field."""

    example: Flag = Field(False, description="true for fictional demo content; the page says so")
    _id: str = PrivateAttr("")
    _path: str = PrivateAttr("")

    # Read straight from pydantic's private store: `self._id` goes through pydantic's __getattr__, and pages read
    # ids hundreds of thousands of times at national scale.
    @property
    def id(self) -> str:
        return self.__pydantic_private__["_id"]

    @property
    def source_path(self) -> str:
        return self.__pydantic_private__["_path"]

    def bind(self, record_id: str, path: str) -> RecordModel:
        """Attach the id and file path the record was read from."""
        self._id, self._path = record_id, path
        return self


Signed = Annotated[float | int, BeforeValidator(decimal), WithJsonSchema({"type": "number"}), Accepts("number")]


def repeats(values) -> Any:
    """(index, value, index of its first occurrence) for each value that appeared before."""
    first: dict = {}
    for i, value in enumerate(values):
        if value in first:
            yield i, value, first[value]
        else:
            first[value] = i


def end_not_before_start(record: Any):
    """A record ends on or after the day (or moment) it starts."""
    if not ordered(record.start, record.end):
        yield ("end",), f"{record.end} is before start {record.start}", "date-order"


def ordered(start: Any, end: Any) -> bool:
    """True unless both are set and `end` comes before `start` (dates and date-times mixed)."""
    if start is None or end is None:
        return True
    as_date = lambda v: v.date() if isinstance(v, dt.datetime) else v  # noqa: E731
    if isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
        return end >= start
    return as_date(end) >= as_date(start)


def name_key(name: str) -> str:
    """What makes two names the same to a reader: their letters and digits in any script, accents and case aside
    ("Café Noord" is "cafe-noord"; "Київ" stays "київ", so names in other scripts do not all look alike)."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return "-".join(letters.casefold().split())


def slugify(name: str) -> str:
    """The id a name gives: accents folded, lowercase, words joined by hyphens, at most 64 characters."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:64].strip("-")
