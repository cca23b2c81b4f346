"""Helpers shared by every list loader: text cleaning, dates, countries, hashing, safe XML.

Each official list writes dates, countries and nulls in its own dialect; the loaders map them
all through these few functions so that an :class:`~screening.model.Entity` looks the same
whichever list it came from, and so that a fix to date parsing fixes every format at once.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, TypeVar, cast
from xml.etree.ElementTree import Element, ParseError

import attrs
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from screening.errors import InvalidEntityError, ListFormatError
from screening.model import Designation, Entity, Identifier, ListSource
from screening.sources._countries import COUNTRY_ROWS

_T = TypeVar("_T")
log = logging.getLogger("screening.sources")

#: Bytes read from the head of a file to detect its format or check its layout.
HEAD_BYTES = 65536
#: Size of the country-lookup cache; there are only a few hundred distinct spellings per list.
_COUNTRY_CACHE_SIZE = 4096
#: OFAC writes a missing value as ``-0-`` (with a trailing space, stripped before comparing).
_NULLS = frozenset({"-0-", "N/A", "n/a", "na", "NA", "-"})


class RecordError(ValueError):
    """One record of a list cannot be read; the loader skips it and reports where."""


# --------------------------------------------------------------------------- text


def clean(value: str | None) -> str:
    """Strip, collapse inner whitespace and map the lists' null tokens to ``""``."""
    if value is None:
        return ""
    text = " ".join(value.split())
    return "" if text in _NULLS else text


def unique(values: Iterable[str]) -> list[str]:
    """Cleaned, non-empty values in first-seen order, without repeats."""
    return list(dict.fromkeys(v for v in (clean(x) for x in values) if v))


def split_list(value: str | None, sep: str = ";") -> list[str]:
    """Split a multi-valued cell (``"a; b"``) into cleaned, non-empty parts."""
    if not value:
        return []
    return unique(value.split(sep))


# --------------------------------------------------------------------------- dates

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "janvier"),
            ("feb", "february", "fevrier"),
            ("mar", "march", "mars"),
            ("apr", "april", "avril"),
            ("may", "mai"),
            ("jun", "june", "juin"),
            ("jul", "july", "juillet"),
            ("aug", "august", "aout"),
            ("sep", "sept", "september", "septembre"),
            ("oct", "october", "octobre"),
            ("nov", "november", "novembre"),
            ("dec", "december", "decembre"),
        ),
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$")
_NUMERIC = re.compile(r"^(\d{1,2}|dd|00?)[/.](\d{1,2}|mm|00?)[/.](\d{4})$", re.IGNORECASE)
_WORDS = re.compile(r"^(?:(\d{1,2})\s+)?([a-z]+)\.?,?\s+(\d{4})$")
_CIRCA = re.compile(r"^(?:circa|ca\.?|c\.|approx(?:imately|\.)?|about|around)\s+", re.IGNORECASE)
_RANGE = re.compile(r"\s+(?:to|or|and|-|–)\s+|\s*;\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"^(?:between|from)\s+", re.IGNORECASE)


def _iso(year: int, month: int | None, day: int | None, text: str) -> str:
    if not 1000 <= year <= 2999:
        raise RecordError(f"date {text!r}: year {year} is out of range")
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        raise RecordError(f"date {text!r}: month {month} is out of range")
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError as exc:
        raise RecordError(f"date {text!r} is not a calendar date: {exc}") from None


def parse_date(text: str, *, day_first: bool = True) -> str:
    """One date in any of the lists' forms, as an ISO partial date (``1958``, ``1958-01``, ...).

    Accepts ISO (with an optional time, which is dropped), ``28 Jul 1963``, ``Jan 1964``,
    ``circa 1955``, and numeric ``dd/mm/yyyy`` (``mm/dd/yyyy`` with ``day_first=False``) where
    ``00`` or the literal placeholders ``dd``/``mm`` mean "unknown". Raises :class:`RecordError`
    for anything else, so a caller never stores a date it did not understand.
    """
    value = _CIRCA.sub("", clean(text)).strip().rstrip(".")
    m = _ISO.match(value)
    if m:
        month = int(m.group(2)) if m.group(2) else None
        day = int(m.group(3)) if m.group(3) else None
        return _iso(int(m.group(1)), month, day, text)
    m = _NUMERIC.match(value)
    if m:
        first, second, year = m.group(1), m.group(2), int(m.group(3))
        day_s, month_s = (first, second) if day_first else (second, first)
        month = int(month_s) if month_s.isdigit() and int(month_s) else None
        day = int(day_s) if day_s.isdigit() and int(day_s) and month else None
        return _iso(year, month, day, text)
    m = _WORDS.match(value.lower())
    if m and _fold(m.group(2)) in _MONTHS:
        day = int(m.group(1)) if m.group(1) else None
        return _iso(int(m.group(3)), _MONTHS[_fold(m.group(2))], day, text)
    raise RecordError(f"cannot read date {text!r}")


def parse_dates(text: str, *, day_first: bool = True) -> list[str]:
    """All dates in a date field, reading ranges (``X to Y``, ``between X and Y``) as both ends.

    A range is kept as its two endpoints, the way FollowTheMoney stores one (``["1952-12-01",
    "1953-12-31"]``); the scorer treats any of an entity's birth dates as a possible match.
    """
    value = _BETWEEN.sub("", _CIRCA.sub("", clean(text)))
    if not value:
        return []
    return unique(parse_date(part, day_first=day_first) for part in _RANGE.split(value) if part)


def optional_date(text: str | None, *, day_first: bool = True) -> str:
    """A metadata date (listing, publication) or ``""`` when absent or unreadable.

    Metadata dates never decide whether a record is kept, so an unreadable one is logged and
    dropped instead of skipping the record.
    """
    if not clean(text):
        return ""
    try:
        return parse_date(text or "", day_first=day_first)
    except RecordError as exc:
        log.info("ignoring metadata date: %s", exc)
        return ""


# --------------------------------------------------------------------------- countries


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = re.sub(r"[^a-z0-9]+", " ", ascii_text.casefold().replace("'", "")).split()
    return " ".join(words)


def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for code, names in COUNTRY_ROWS:
        for name in names:
            index[_fold(name)] = code
    return index


_COUNTRIES = _country_index()
_CODES = frozenset(code for code, _ in COUNTRY_ROWS)
_COUNTRY_NOISE = re.compile(
    r"\b(?:citizenship|citizen|nationality|national|the)\b|\(.*?\)|\bas at\b.*$", re.IGNORECASE
)
_ENUMERATION = re.compile(r"\(?\b\d+\)(?:\s*-\s*\(?\d+\))?|;|/")


@lru_cache(maxsize=_COUNTRY_CACHE_SIZE)
def country_code(text: str | None) -> str | None:
    """The ISO 3166 alpha-2 code (lower case) of a country name, variant, adjective or code.

    Returns ``None`` for unknown, empty and "unknown country" values (``00``, ``undetermined``).
    """
    value = clean(text)
    if not value:
        return None
    if len(value) == 2 and value.isalpha() and value.lower() in _CODES:
        return value.lower()
    folded = _fold(value)
    if folded in _COUNTRIES:
        return _COUNTRIES[folded]
    stripped = _fold(_COUNTRY_NOISE.sub(" ", value))
    return _COUNTRIES.get(stripped)


def country_codes(text: str | None) -> list[str]:
    """Every country in a free-text field such as ``"1) Saudi Arabia 2) Qatar"``.

    Unknown names are dropped with a debug log line: a country is corroborating evidence for a
    match, never the reason a record is kept or skipped.
    """
    value = clean(text)
    if not value:
        return []
    whole = country_code(value)
    if whole:
        return [whole]
    codes = []
    for part in _ENUMERATION.split(value):
        if clean(part):
            code = country_code(part)
            if code:
                codes.append(code)
            else:
                log.debug("unknown country %r", part)
    return unique(codes)


# --------------------------------------------------------------------------- files


def sha256_files(paths: Sequence[Path]) -> str:
    """SHA-256 of the files' bytes in order: of a single file, what ``sha256sum`` prints."""
    digest = hashlib.sha256()
    for path in paths:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def read_head(path: Path, size: int = HEAD_BYTES) -> bytes:
    """The first ``size`` bytes of a file, for format detection and layout checks."""
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise ListFormatError(f"cannot read file: {exc.strerror or exc}", path=str(path)) from exc


@contextlib.contextmanager
def open_text(path: Path, encoding: str = "utf-8-sig") -> Iterator[IO[str]]:
    """Open a list file as text for the csv module, turning decode errors into ListFormatError."""
    try:
        with path.open("r", encoding=encoding, newline="") as handle:
            yield handle
    except UnicodeDecodeError as exc:
        raise ListFormatError(
            f"not {encoding} text ({exc.reason} at byte {exc.start})", path=str(path)
        ) from exc
    except csv.Error as exc:
        raise ListFormatError(f"malformed CSV: {exc}", path=str(path)) from exc


def csv_rows(handle: IO[str], delimiter: str = ",") -> Iterator[list[str]]:
    """CSV rows without the DOS end-of-file byte (0x1A) and blank lines OFAC files end with."""
    for row in csv.reader(handle, delimiter=delimiter):
        if not row or (len(row) == 1 and row[0].strip() in ("", "\x1a")):
            continue
        yield row


# --------------------------------------------------------------------------- XML


def local_name(tag: str) -> str:
    """An element's name without its ``{namespace}``."""
    return tag.rpartition("}")[2]


def namespace(tag: str) -> str:
    """An element's namespace URI, ``""`` when it has none."""
    return tag[1:].partition("}")[0] if tag.startswith("{") else ""


@attrs.define
class XmlStream:
    """Stream the elements named in ``tags`` from an XML file, then drop them from the tree.

    Memory stays proportional to one record, not to the file: each yielded element is removed
    from its parent as soon as the caller has processed it. Parsing goes through defusedxml, so
    entity declarations (billion laughs) and external entities raise :class:`ListFormatError`
    instead of expanding; a truncated or malformed file raises it too.
    """

    path: Path
    tags: frozenset[str]
    expect_root: str
    namespaces: frozenset[str] | None = None
    root: Element | None = None

    def _check_root(self, elem: Element) -> None:
        name, ns = local_name(elem.tag), namespace(elem.tag)
        if name != self.expect_root or (self.namespaces is not None and ns not in self.namespaces):
            shown = f"{{{ns}}}{name}" if ns else name
            raise ListFormatError(
                f"not the expected list format: root element is <{shown}>, "
                f"expected <{self.expect_root}>",
                path=str(self.path),
            )

    def __iter__(self) -> Iterator[Element]:
        stack: list[Element] = []
        where = str(self.path)
        try:
            for event, elem in iterparse(str(self.path), events=("start", "end")):
                if event == "start":
                    if self.root is None:
                        self._check_root(elem)
                        self.root = elem
                    stack.append(elem)
                    continue
                stack.pop()
                if local_name(elem.tag) in self.tags:
                    yield elem
                    if stack:
                        stack[-1].remove(elem)
        except DefusedXmlException as exc:
            raise ListFormatError(f"unsafe XML refused: {exc}", path=where) from None
        except ParseError as exc:
            raise ListFormatError(f"malformed or truncated XML: {exc}", path=where) from None
        if self.root is None:
            raise ListFormatError("no XML element found", path=where)

    @property
    def root_name(self) -> str:
        return local_name(self.root.tag) if self.root is not None else ""


def child_text(elem: Element, name: str) -> str:
    """The cleaned text of the first child with local name ``name``, ``""`` when absent."""
    for child in elem:
        if local_name(child.tag) == name:
            return clean(child.text)
    return ""


def children(elem: Element, name: str) -> list[Element]:
    """Direct children with local name ``name``."""
    return [c for c in elem if local_name(c.tag) == name]


def descendants(elem: Element, name: str) -> list[Element]:
    """All descendants with local name ``name``, in document order."""
    return [c for c in elem.iter() if c is not elem and local_name(c.tag) == name]


def texts(elem: Element, name: str) -> list[str]:
    """Cleaned, non-empty texts of every descendant named ``name``."""
    return unique(c.text or "" for c in descendants(elem, name))


# --------------------------------------------------------------------------- records


@attrs.define
class LoadContext:
    """Per-file state of a load: which files were read, and which records had to be skipped.

    Loaders wrap each record in :meth:`record`; a :class:`RecordError` or
    :class:`~screening.errors.InvalidEntityError` inside it skips that record, logs it and
    appends a :class:`ListFormatError` naming file and record number to ``problems``.
    """

    path: Path
    problems: list[ListFormatError] | None = None
    files: list[Path] = attrs.field(factory=list)
    skipped: int = 0
    seen: int = 0

    def __attrs_post_init__(self) -> None:
        if not self.files:
            self.files.append(self.path)

    def fail(self, message: str, record: int | None = None) -> ListFormatError:
        """An error about the whole file (raise it): wrong format, empty, truncated."""
        return ListFormatError(message, path=str(self.path), record=record)

    def skip(self, record: int | None, message: str, path: Path | None = None) -> None:
        """Report one malformed record that is left out of the result."""
        error = ListFormatError(message, path=str(path or self.path), record=record)
        log.warning("skipped record: %s", error)
        self.skipped += 1
        if self.problems is not None:
            self.problems.append(error)

    @contextlib.contextmanager
    def record(self, number: int | None = None, label: str = "") -> Iterator[None]:
        """Count one record; skip and report it if reading it fails.

        ``number`` is the line or row number where the format has one, else the record's
        position (1-based); ``label`` (the record's own id) is put in the message.
        """
        self.seen += 1
        try:
            yield
        except (RecordError, InvalidEntityError) as exc:
            prefix = f"{label}: " if label else ""
            self.skip(number if number is not None else self.seen, f"{prefix}{exc}")

    def source(
        self,
        entities: Sequence[Entity],
        *,
        name: str,
        authority: str,
        format: str,
        published: str = "",
    ) -> ListSource:
        """The :class:`ListSource` of a finished load; refuses a file that yielded nothing."""
        if not self.seen:
            raise self.fail(f"no records found in this {format} file")
        if not entities:
            raise self.fail(
                f"none of the {self.seen} records could be read ({self.skipped} skipped)"
            )
        return ListSource(
            name=name,
            authority=authority,
            format=format,
            sha256=sha256_files(self.files),
            record_count=len(entities),
            published=published,
            path=str(self.path),
            skipped=self.skipped,
        )


def _distinct(items: Iterable[_T]) -> tuple[_T, ...]:
    kept: list[_T] = []
    for item in items:
        if item not in kept:
            kept.append(item)
    return tuple(kept)


def make_entity(
    *,
    id: str,
    schema: str,
    names: Iterable[str],
    weak_names: Iterable[str] = (),
    birth_dates: Iterable[str] = (),
    countries: Iterable[str] = (),
    identifiers: Iterable[Identifier] = (),
    sources: Iterable[Designation] = (),
) -> Entity:
    """Build an Entity from loader output: de-duplicated names, weak names minus strong ones.

    Raises :class:`RecordError` when there is no name, so the record is skipped with a message
    that says why, rather than the generic validation error.
    """
    strong = unique(names)
    if not strong:
        raise RecordError(f"entity {id!r} has no name")
    weak = [n for n in unique(weak_names) if n not in strong]
    ids: tuple[Identifier, ...] = _distinct(identifiers)
    designations: tuple[Designation, ...] = _distinct(sources)
    return Entity(
        id=id,
        schema=schema,
        names=tuple(strong),
        weak_names=tuple(weak),
        birth_dates=tuple(unique(birth_dates)),
        countries=tuple(unique(countries)),
        # model.py converts with converter=tuple, which mypy types as Iterable[_T_co]
        # (unsolvable); Any passes either way, also once model.py types its converter.
        identifiers=cast(Any, ids),
        sources=cast(Any, designations),
    )


def merge_entities(first: Entity, second: Entity) -> Entity:
    """One entity from two records of the same party (one row per address in CSL and DPL)."""
    return make_entity(
        id=first.id,
        schema=first.schema,
        names=(*first.names, *second.names),
        weak_names=(*first.weak_names, *second.weak_names),
        birth_dates=(*first.birth_dates, *second.birth_dates),
        countries=(*first.countries, *second.countries),
        identifiers=(*first.identifiers, *second.identifiers),
        sources=(*first.sources, *second.sources),
    )


def attr(elem: Element, name: str) -> str:
    """A cleaned attribute value, ``""`` when absent."""
    return clean(elem.get(name))
