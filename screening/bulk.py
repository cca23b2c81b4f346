"""Streaming CSV screening: a whole customer or supplier base in one pass.

A counterparty file is read as a stream (memory stays flat whatever its size), rows go out to
worker processes in chunks and come back in input order, and the output is written to a
temporary file that replaces ``OUT.csv`` only when the run succeeds. A row that cannot be
screened (empty name, broken quoting, bytes that are not in the file's encoding) is kept in
the output with an ``error`` cell and counted: one bad row never stops a run of a million.

Why it is fast enough to re-run at every list update:

- identical names are scored once: the name-level result (every list entity at or above the
  name-level floor, with its name score) is cached per worker, and a row's birth date and country
  are applied on top of it, exactly as :meth:`Screener.screen_query` applies them;
- per-row Python work in the parent is a dictionary lookup and a CSV write;
- workers are forked from a parent that has already built the index, so it is built once.

Use :func:`screen_csv`, or ``screening screen INPUT.csv --output OUT.csv`` on the command line.
"""

from __future__ import annotations

import codecs
import collections
import contextlib
import csv
import gc
import io
import multiprocessing
import os
import re
import signal
import sys
import tempfile
import time
import warnings
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, TextIO

import attrs

from screening.errors import InputFileError, ScreeningError
from screening.model import SCHEMAS, Match, Query, parse_partial_date
from screening.score.context import context_adjustment
from screening.screen import Screener

#: Columns appended to every output row, in this order.
OUTPUT_COLUMNS: tuple[str, ...] = (
    "match_count",
    "top_score",
    "top_entity_id",
    "top_name",
    "top_list",
    "error",
)
#: Columns of the alerts file: one row per match at or above the threshold.
ALERT_COLUMNS: tuple[str, ...] = (
    "row",
    "id",
    "query",
    "entity_id",
    "matched_name",
    "list",
    "program",
    "score",
    "explanation",
)
#: Header names tried, in order and case-insensitively, when a column is not given.
NAME_COLUMNS: tuple[str, ...] = (
    "name",
    "full_name",
    "fullname",
    "counterparty_name",
    "customer_name",
    "party_name",
    "entity_name",
    "company_name",
)
ID_COLUMNS: tuple[str, ...] = ("id", "customer_id", "counterparty_id", "party_id", "ref")
SCHEMA_COLUMNS: tuple[str, ...] = ("schema", "type", "entity_type", "party_type")
BIRTH_DATE_COLUMNS: tuple[str, ...] = ("birth_date", "date_of_birth", "dob", "birthdate")
COUNTRY_COLUMNS: tuple[str, ...] = ("country", "country_code", "nationality")

#: Values of a type column understood as a schema (lower case); FtM names are accepted too.
SCHEMA_ALIASES: dict[str, str] = {
    **{s.lower(): s for s in SCHEMAS},
    "individual": "Person",
    "natural person": "Person",
    "people": "Person",
    "organisation": "Organization",
    "entity": "LegalEntity",
    "legal entity": "LegalEntity",
    "legal_entity": "LegalEntity",
    "corporate": "Company",
    "business": "Company",
    "aircraft": "Airplane",
    "ship": "Vessel",
}

#: Rows sent to a worker at a time: large enough to amortise pickling, small enough for
#: a smooth progress line and a small in-flight window.
CHUNK_ROWS = 1_000
#: Chunks in flight per worker; bounds memory whatever the input size.
CHUNKS_IN_FLIGHT_PER_WORKER = 8
#: The new names of a chunk go out in up to this many batches per worker: a name that
#: takes a hundred times the mean (a brand shared by forty companies) then holds up a small
#: batch, not a worker's whole share, while the other worker takes the next ones.
BATCHES_PER_WORKER = 4
#: Distinct names (with schema) whose list matches a worker remembers.
NAME_CACHE_SIZE = 200_000
#: Distinct full queries (name, schema, birth date, country) whose row result is remembered.
ROW_CACHE_SIZE = 100_000
#: A quoted field may span this many physical lines; beyond, the quoting is taken as broken.
MAX_RECORD_LINES = 20
#: Bytes read to sniff the delimiter and check the encoding.
SNIFF_BYTES = 64 * 1024
#: Share of undecodable lines in the sniffed sample above which the whole file is refused.
MAX_BAD_LINE_SHARE = 0.2
DELIMITERS = ",;\t|"

_SURROGATE = re.compile("[\udc80-\udcff]")
_COUNTRY_CODE = re.compile(r"^[a-z]{2}$")


# -- records ------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Columns:
    """Which header column holds which fact; only ``name`` is required."""

    name: str
    id: str | None = None
    schema: str | None = None
    birth_date: str | None = None
    country: str | None = None


@attrs.frozen(slots=True)
class ListInfo:
    """A list screened against, identified by the checksum of the bytes that were loaded."""

    name: str
    sha256: str


@attrs.frozen(slots=True)
class BulkSummary:
    """What a bulk run did: enough to prove to an auditor which rows met which lists."""

    rows_in: int
    rows_out: int
    rows_with_errors: int
    alerts: int
    elapsed: float
    lists: tuple[ListInfo, ...]
    #: Birth dates, countries and types that could not be read and were screened without.
    ignored_values: int = 0
    workers: int = 1

    @property
    def rows_per_second(self) -> float:
        return self.rows_in / self.elapsed if self.elapsed > 0 else 0.0

    def render(self) -> str:
        """The closing summary printed by the CLI."""
        lines = [
            f"rows in:          {self.rows_in:,}",
            f"rows out:         {self.rows_out:,}",
            f"rows with errors: {self.rows_with_errors:,}",
            f"alerts:           {self.alerts:,}",
            f"elapsed:          {self.elapsed:.1f} s "
            f"({self.rows_per_second:,.0f} rows/s, {self.workers} worker(s))",
        ]
        if self.ignored_values:
            lines.append(
                f"ignored values:   {self.ignored_values:,} (unreadable date, country or type)"
            )
        lines.append("lists:")
        lines.extend(f"  {info.name}  sha256:{info.sha256}" for info in self.lists)
        return "\n".join(lines)


# -- screening one row ----------------------------------------------------------------------

#: What a worker returns for one row: the output cells, the alert rows, or an error message.
RowOutcome = tuple[tuple[str, ...], tuple[tuple[str, ...], ...]] | str
#: The query facts of one row: name, schema, birth date, country.
QueryKey = tuple[str, str | None, str | None, str | None]

_NO_MATCH: tuple[str, ...] = ("0", "", "", "", "")


#: What one distinct name reaches on the lists: ``(entity id, name score, matched name)``
#: per entity, or the message of the error that kept the name from being screened.
NameHits = tuple[tuple[str, float, str], ...] | str


class RowScreener:
    """Screens query keys with two caches: per name, and per full query.

    The name-level cache holds every entity the name reaches at a score that context could
    still lift to a threshold, with its name score; birth date and country then move that
    score exactly as :meth:`Screener.screen_query` does, so a common name seen with a
    thousand birth dates is still compared against the lists only once. With several
    workers the name-level results are computed by the workers, each distinct name once,
    and stored here with :meth:`store`.
    """

    def __init__(self, screener: Screener, *, threshold: float | None = None) -> None:
        self.screener = screener
        self.threshold = threshold
        # Name-level matches are kept from the lowest score that agreeing birth date and
        # country evidence could still lift to a threshold; rows then apply their context.
        settings = screener.settings
        lowest = settings.lowest_threshold() if threshold is None else threshold
        self._floor = lowest - settings.context_bonus(birth_date=True, country=True)
        self._names: dict[tuple[str, str | None], NameHits] = {}
        self.outcome = lru_cache(maxsize=ROW_CACHE_SIZE)(self._outcome)

    def name_hits(self, name: str, schema: str | None) -> NameHits:
        """Compute what one name reaches (no caching: the workers' entry point)."""
        try:
            found = self.screener.screen_query(
                Query(name=name, schema=schema), threshold=self._floor, limit=sys.maxsize
            )
        except ScreeningError as exc:
            return str(exc)
        return tuple((m.entity.id, m.name_score, m.matched_name) for m in found)

    def known(self, name: str, schema: str | None) -> bool:
        return (name, schema) in self._names

    def store(self, name: str, schema: str | None, hits: NameHits) -> None:
        """Remember a name's hits; the oldest name is forgotten when the cache is full."""
        names = self._names
        if len(names) >= NAME_CACHE_SIZE:
            del names[next(iter(names))]
        names[(name, schema)] = hits

    def _cached_hits(self, name: str, schema: str | None) -> NameHits:
        hits = self._names.get((name, schema))
        if hits is None:
            hits = self.name_hits(name, schema)
            self.store(name, schema, hits)
        return hits

    def matches(self, key: QueryKey) -> list[Match]:
        """The alerting matches of one query, best first (same as ``screen_query``)."""
        name, schema, birth_date, country = key
        hits = self._cached_hits(name, schema)
        if isinstance(hits, str):
            raise ScreeningError(hits)
        settings = self.screener.settings
        query = Query(name=name, schema=schema, birth_date=birth_date, country=country)
        screener = self.screener
        scored = []
        for entity_id, name_score, matched_name in hits:
            entity = screener.get(entity_id)
            score = context_adjustment(name_score, query, entity, settings)
            scored.append((entity, score, name_score, matched_name))
        return screener.select_matches(query, scored, self.threshold)

    def _outcome(self, key: QueryKey) -> RowOutcome:
        try:
            found = self.matches(key)
        except ScreeningError as exc:
            return f"cannot screen: {exc}"
        if not found:
            return _NO_MATCH, ()
        top = found[0]
        cells = (
            str(len(found)),
            f"{top.score:.4f}",
            top.entity.id,
            top.matched_name,
            "; ".join(top.entity.list_names),
        )
        alerts = tuple(
            (
                key[0],
                m.entity.id,
                m.matched_name,
                "; ".join(m.entity.list_names),
                "; ".join(m.entity.programs),
                f"{m.score:.4f}",
                m.explanation().short(),
            )
            for m in found
        )
        return cells, alerts

    def screen_keys(self, keys: Sequence[QueryKey | None]) -> list[RowOutcome | None]:
        """Outcomes for a chunk of rows; ``None`` keys (rows already in error) stay ``None``."""
        outcome = self.outcome
        return [None if key is None else outcome(key) for key in keys]


# -- worker processes ---------------------------------------------------------------------

#: The row screener a forked worker inherits from its parent (set just before forking).
_FORKED: RowScreener | None = None


def _worker_init() -> None:
    # Ctrl-C is the parent's to handle: it stops the pool and removes the temporary output.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _worker_names(names: list[tuple[str, str | None]]) -> list[NameHits]:
    assert _FORKED is not None, "worker started without a screener"
    try:
        return [_FORKED.name_hits(name, schema) for name, schema in names]
    except Exception:
        raise
    except BaseException as exc:
        # KeyboardInterrupt or SystemExit would kill the worker silently; report it instead.
        raise RuntimeError(f"worker stopped: {type(exc).__name__}: {exc}") from None


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


_NameBatch = tuple[list[tuple[str, str | None]], "Future[list[NameHits]]"]


class _Executor:
    """Runs chunks in order, in-process (one worker) or on forked processes (several).

    Results are yielded in submission order and at most a fixed number of chunks is in
    flight, so memory does not grow with the input (``Pool.imap`` would read it all ahead).
    ``ProcessPoolExecutor`` rather than ``Pool``: a worker killed by the OOM killer raises
    ``BrokenProcessPool`` here instead of hanging the run forever.
    """

    def __init__(self, engine: RowScreener, workers: int) -> None:
        global _FORKED
        self.engine = engine
        self.pool: ProcessPoolExecutor | None = None
        # The index lives as long as the run: moved out of the collector's reach, it is not
        # walked by every full collection (7% of the screening time in one process), and
        # forked children do not touch, and so copy, the pages holding it.
        # Undone on close, unless the caller had frozen objects of their own (an unfreeze
        # cannot tell theirs from ours).
        self._frozen = gc.get_freeze_count() == 0
        gc.freeze()
        if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            _FORKED = engine
            self.pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_worker_init,
            )
            with warnings.catch_warnings():
                # Python 3.12+ warns about fork() in a process with threads; the workers only
                # run our single-threaded code, so the warned-about deadlock cannot happen.
                warnings.simplefilter("ignore", DeprecationWarning)
                self.pool.submit(int).result()  # fork every worker now, before any thread
            self.workers = workers
        else:
            self.workers = 1
        self.window = max(1, self.workers * CHUNKS_IN_FLIGHT_PER_WORKER)

    def map_ordered(
        self, chunks: Iterable[tuple[Any, list[QueryKey | None]]]
    ) -> Iterator[tuple[Any, list[RowOutcome | None]]]:
        """``(payload, keys)`` in, ``(payload, outcomes)`` out, in the same order.

        With workers, the parent sends each distinct name to a worker once (the names of a
        chunk not seen before, in a few batches per worker) and keeps the results; rows are
        then finished here from the cache, in order.
        """
        engine = self.engine
        if self.pool is None:
            for payload, keys in chunks:
                yield payload, engine.screen_keys(keys)
            return
        pool = self.pool
        asked: set[tuple[str, str | None]] = set()
        pending: collections.deque[
            tuple[Any, list[QueryKey | None], list[_NameBatch]]
        ] = collections.deque()
        for payload, keys in chunks:
            new: list[tuple[str, str | None]] = []
            for key in keys:
                if key is None:
                    continue
                name = (key[0], key[1])
                if name not in asked and not engine.known(*name):
                    asked.add(name)
                    new.append(name)
            step = -(-len(new) // (self.workers * BATCHES_PER_WORKER)) if new else 0
            batches = [
                (part, pool.submit(_worker_names, part))
                for part in (new[i : i + step] for i in range(0, len(new), step or 1))
            ]
            pending.append((payload, keys, batches))
            if len(pending) >= self.window:
                yield self._finish(pending.popleft(), asked)
        while pending:
            yield self._finish(pending.popleft(), asked)

    def _finish(
        self,
        item: tuple[Any, list[QueryKey | None], list[_NameBatch]],
        asked: set[tuple[str, str | None]],
    ) -> tuple[Any, list[RowOutcome | None]]:
        payload, keys, batches = item
        for names, future in batches:
            for (name, schema), hits in zip(names, future.result(), strict=True):
                self.engine.store(name, schema, hits)
                asked.discard((name, schema))
        return payload, self.engine.screen_keys(keys)

    def close(self, *, ok: bool) -> None:
        global _FORKED
        if self.pool is not None:
            if not ok:
                # Do not wait for chunks in flight: stop the workers now.
                for process in list(getattr(self.pool, "_processes", {}).values()):
                    process.terminate()
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        if self._frozen:
            gc.unfreeze()  # the caller's objects are the collector's again
            self._frozen = False
        _FORKED = None


# -- reading ------------------------------------------------------------------------------


class _RecordTooLong(Exception):
    """A quoted field ran over too many lines: the quoting is broken."""


class _LineFeed:
    """Physical lines for ``csv.reader``, remembering the lines of the current record.

    Keeping them lets a record with broken quoting be cut back to its first line (reported as
    an error) and the lines it swallowed be parsed again as the rows they are.
    """

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self._pending: collections.deque[str] = collections.deque()
        self.record: list[str] = []
        self.line_no = 0
        self.undecodable = False

    def __iter__(self) -> _LineFeed:
        return self

    def __next__(self) -> str:
        if len(self.record) >= MAX_RECORD_LINES:
            raise _RecordTooLong
        line = self._pending.popleft() if self._pending else next(self._lines)
        self.line_no += 1
        self.record.append(line)
        if not line.isascii() and _SURROGATE.search(line):
            self.undecodable = True
        return line

    def start_record(self) -> None:
        self.record = []
        self.undecodable = False

    def push_back(self, lines: list[str]) -> None:
        self._pending.extendleft(reversed(lines))
        self.line_no -= len(lines)


@attrs.frozen(slots=True)
class RawRow:
    """One input record: its first line number, its cells, and why it is unusable if it is."""

    line: int
    cells: list[str]
    error: str = ""


class CsvInput:
    """An input file opened for streaming: encoding checked, delimiter sniffed, header read."""

    def __init__(
        self,
        path: str | Path,
        *,
        encoding: str = "utf-8",
        delimiter: str | None = None,
    ) -> None:
        self.path = str(path)
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputFileError(f"unknown encoding {encoding!r}", path=self.path) from None
        #: The encoding as the user named it, for messages.
        self.encoding = encoding
        if codecs.lookup(encoding).name == "utf-8":
            encoding = "utf-8-sig"  # a byte-order mark is dropped, not read into the header
        self._codec = encoding
        try:
            self._binary: IO[bytes] = open(self.path, "rb")  # noqa: SIM115 - closed by close()
        except OSError as exc:
            raise InputFileError(f"cannot open: {exc.strerror}", path=self.path) from None
        try:
            self.size = os.fstat(self._binary.fileno()).st_size
            head = self._binary.read(SNIFF_BYTES)
            self._binary.seek(0)
            sample = self._check_encoding(head)
            self.delimiter = delimiter or sniff_delimiter(sample)
            self._text = io.TextIOWrapper(
                self._binary, encoding=self._codec, errors="surrogateescape", newline=""
            )
            self._feed = _LineFeed(iter(self._text))
            self.header = self._read_header()
        except BaseException:
            self._binary.close()
            raise

    def _check_encoding(self, head: bytes) -> str:
        """Refuse a file that is plainly in another encoding; tolerate a few bad rows."""
        if not head.strip():
            raise InputFileError("file is empty", path=self.path)
        text = head.decode(self._codec, errors="surrogateescape")
        lines = text.splitlines()
        if len(head) == SNIFF_BYTES and len(lines) > 1:
            lines = lines[:-1]  # the last line may be cut inside a multi-byte character
        bad = [i for i, line in enumerate(lines, 1) if _SURROGATE.search(line)]
        if bad and (bad[0] == 1 or len(bad) > MAX_BAD_LINE_SHARE * len(lines)):
            hint = _guess_encoding(head)
            raise InputFileError(
                f"not valid {self.encoding} text ({len(bad)} of the first {len(lines)} lines "
                f"have bytes that do not decode)"
                + (f"; it looks like {hint}: pass --encoding {hint}" if hint else ""),
                path=self.path,
                line=bad[0],
            )
        return "\n".join(lines)

    def _read_header(self) -> list[str]:
        reader = csv.reader(self._feed, delimiter=self.delimiter, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise InputFileError("file has no header row", path=self.path) from None
        except (csv.Error, _RecordTooLong) as exc:
            raise InputFileError(f"header row cannot be read: {exc}", path=self.path) from None
        header = [h.strip() for h in header]
        if not any(header):
            raise InputFileError("header row is empty", path=self.path, line=1)
        return header

    @property
    def position(self) -> int:
        """Bytes read so far (ahead by at most a read buffer): good enough for an ETA."""
        return self._binary.tell()

    def rows(self) -> Iterator[RawRow]:
        """Every record after the header, once, in order; broken ones carry an ``error``."""
        feed = self._feed
        width = len(self.header)
        reader = csv.reader(feed, delimiter=self.delimiter, strict=True)
        while True:
            feed.start_record()
            first = feed.line_no + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except (csv.Error, _RecordTooLong) as exc:
                yield self._broken(feed, first, str(exc) or "field runs on too long")
                reader = csv.reader(feed, delimiter=self.delimiter, strict=True)
                continue
            if len(feed.record) > 1 and len(cells) != width:
                # A quote opened and never closed swallowed the following lines.
                yield self._broken(feed, first, "unclosed quote")
                reader = csv.reader(feed, delimiter=self.delimiter, strict=True)
                continue
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue  # a blank line is not a row
            if feed.undecodable:
                yield RawRow(
                    first,
                    [_printable(c) for c in cells],
                    f"line {first}: bytes that are not valid {self.encoding}",
                )
                continue
            error = ""
            if len(cells) < width:
                cells.extend([""] * (width - len(cells)))
            elif len(cells) > width:
                error = f"line {first}: {len(cells)} fields, the header has {width}"
            yield RawRow(first, cells, error)

    def _broken(self, feed: _LineFeed, first: int, why: str) -> RawRow:
        lines = feed.record
        feed.push_back(lines[1:])
        try:
            first_line = lines[0].rstrip("\r\n")
            cells = next(csv.reader([first_line], delimiter=self.delimiter, strict=False))
        except (csv.Error, StopIteration):
            cells = [lines[0].rstrip("\r\n")]
        cells = [_printable(c) for c in cells]
        return RawRow(first, cells, f"line {first}: broken quoting ({why})")

    def close(self) -> None:
        self._binary.close()

    def __enter__(self) -> CsvInput:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _printable(text: str) -> str:
    """Undecodable bytes shown as U+FFFD so the output file stays valid UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


def _guess_encoding(head: bytes) -> str | None:
    """A likely encoding for a sample that is not UTF-8, for the error message only."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 4:
            return "utf-8"  # only the cut at the sample's end failed
    else:
        return "utf-8"
    # GB and Big5 text is mostly pairs of high bytes; a lone high byte before an ASCII
    # letter is a Western single-byte encoding (``M\xfcller``).
    high = [i for i, b in enumerate(head[:-1]) if b >= 0x80]
    paired = sum(1 for i in high if head[i + 1] >= 0x80)
    if high and paired >= 0.8 * len(high):
        for encoding in ("gb18030", "big5"):
            try:
                head[: high[-1] - 1].decode(encoding)
            except UnicodeDecodeError:
                continue
            return encoding
    try:
        head.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"
    return "cp1252"


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the first lines into the same number (> 1) of fields.

    ``csv.Sniffer`` guesses wrongly on short files and on names full of commas; counting
    consistent field counts over the first lines is simpler and good enough for tables.
    """
    lines = sample.splitlines()[:50]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=delimiter) if r]
        except csv.Error:
            continue
        if not counts or counts[0] < 2:
            continue
        consistent = sum(1 for c in counts if c == counts[0])
        score = (consistent, counts[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _find_column(header: Sequence[str], wanted: str | None, candidates: Sequence[str],
                 what: str, path: str, *, required: bool) -> str | None:
    if wanted is not None:
        if wanted in header:
            return wanted
        lowered = {h.lower(): h for h in header}
        if wanted.lower() in lowered:
            return lowered[wanted.lower()]
        raise InputFileError(
            f"no {what} column {wanted!r}; the header has: {', '.join(header)}", path=path
        )
    lowered = {h.lower(): h for h in header}
    for candidate in candidates:
        if candidate in lowered:
            return lowered[candidate]
    if required:
        raise InputFileError(
            f"no {what} column found (tried {', '.join(candidates)}); pass --{what}-column. "
            f"The header has: {', '.join(header)}",
            path=path,
        )
    return None


def detect_columns(
    header: Sequence[str],
    *,
    path: str = "",
    name: str | None = None,
    id: str | None = None,
    schema: str | None = None,
    birth_date: str | None = None,
    country: str | None = None,
) -> Columns:
    """Columns given explicitly, else found by their usual header names."""
    found = _find_column(header, name, NAME_COLUMNS, "name", path, required=True)
    assert found is not None
    return Columns(
        name=found,
        id=_find_column(header, id, ID_COLUMNS, "id", path, required=False),
        schema=_find_column(header, schema, SCHEMA_COLUMNS, "schema", path, required=False),
        birth_date=_find_column(
            header, birth_date, BIRTH_DATE_COLUMNS, "birth-date", path, required=False
        ),
        country=_find_column(header, country, COUNTRY_COLUMNS, "country", path, required=False),
    )


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    from screening.sources._countries import COUNTRY_ROWS

    table: dict[str, str] = {}
    for code, names in COUNTRY_ROWS:
        table[code] = code
        for n in names:
            table[_fold(n)] = code
    return table


def _fold(text: str) -> str:
    return re.sub(r"[^a-z]+", " ", text.lower()).strip()


@lru_cache(maxsize=4096)
def _country(value: str) -> str | None:
    code = value.strip().lower()
    if _COUNTRY_CODE.match(code):
        return code
    return _country_codes().get(_fold(value))


@lru_cache(maxsize=4096)
def _birth_date(value: str) -> str | None:
    text = value.strip()
    if parse_partial_date(text) is not None:
        return text
    m = re.match(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$", text) or re.match(
        r"^(\d{4})(\d{2})(\d{2})$", text
    )
    if m:
        iso = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
        return iso if parse_partial_date(iso) else None
    return None


class _KeyMaker:
    """Turns a row's cells into a query key; counts facts it had to ignore."""

    def __init__(self, header: Sequence[str], columns: Columns) -> None:
        index = {h: i for i, h in enumerate(header)}
        self.name = index[columns.name]
        self.id = index[columns.id] if columns.id else None
        self.schema = index[columns.schema] if columns.schema else None
        self.birth_date = index[columns.birth_date] if columns.birth_date else None
        self.country = index[columns.country] if columns.country else None
        self.ignored = 0

    def row_id(self, cells: list[str]) -> str:
        return cells[self.id] if self.id is not None and self.id < len(cells) else ""

    def key(self, cells: list[str]) -> QueryKey | str:
        """The query key, or an error message when the row cannot be screened."""
        name = cells[self.name].strip()
        if not name:
            return "empty name"
        schema = birth_date = country = None
        if self.schema is not None and (raw := cells[self.schema].strip()):
            schema = SCHEMA_ALIASES.get(raw.lower())
            self.ignored += schema is None
        if self.birth_date is not None and (raw := cells[self.birth_date].strip()):
            birth_date = _birth_date(raw)
            self.ignored += birth_date is None
        if self.country is not None and (raw := cells[self.country].strip()):
            country = _country(raw)
            self.ignored += country is None
        return name, schema, birth_date, country


# -- writing ------------------------------------------------------------------------------


class _AtomicFile:
    """A text file written beside its target and moved into place only on success."""

    def __init__(self, target: str | Path) -> None:
        self.target = Path(target)
        directory = self.target.parent
        # An output folder that does not exist yet is created, as ``--output out/x.csv``
        # users expect; one that cannot be created is a clear error naming it.
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputFileError(
                f"cannot create the output folder: {exc.strerror or exc}", path=str(directory)
            ) from exc
        fd, tmp = tempfile.mkstemp(
            prefix=f".{self.target.name}.", suffix=".partial", dir=directory or "."
        )
        self.tmp = Path(tmp)
        self.file: TextIO = open(fd, "w", encoding="utf-8", newline="")  # noqa: SIM115

    def commit(self) -> None:
        self.file.close()
        # mkstemp creates the file private (0600); give it the permissions of a plain open().
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.tmp, 0o666 & ~umask)
        os.replace(self.tmp, self.target)

    def discard(self) -> None:
        self.file.close()
        with contextlib.suppress(FileNotFoundError):
            self.tmp.unlink()


class _Progress:
    """A one-line progress report on a terminal: rows, rows/s, ETA from bytes read."""

    def __init__(self, stream: TextIO, total_bytes: int) -> None:
        self.stream = stream
        self.total = total_bytes
        self.start = time.perf_counter()
        self.last = 0.0

    def update(self, rows: int, position: int, *, final: bool = False) -> None:
        now = time.perf_counter()
        if not final and now - self.last < 0.5:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        rate = rows / elapsed
        line = f"\r{rows:,} rows  {rate:,.0f} rows/s"
        if self.total and 0 < position < self.total and not final:
            remaining = elapsed * (self.total - position) / position
            line += f"  ETA {int(remaining // 60)}:{int(remaining % 60):02d}"
        self.stream.write(line + ("\n" if final else "   "))
        self.stream.flush()


def _lists(screener: Screener) -> tuple[ListInfo, ...]:
    return tuple(ListInfo(s.name, s.sha256) for s in screener.sources)


def screen_csv(
    input: str | Path,
    output: str | Path,
    *,
    screener: Screener,
    alerts: str | Path | None = None,
    name_column: str | None = None,
    id_column: str | None = None,
    schema_column: str | None = None,
    birth_date_column: str | None = None,
    country_column: str | None = None,
    threshold: float | None = None,
    workers: int | None = None,
    encoding: str = "utf-8",
    delimiter: str | None = None,
    progress: TextIO | None = None,
) -> BulkSummary:
    """Screen every row of a CSV file, writing ``output`` (and ``alerts``) atomically.

    ``output`` gets every input row once, in order, with :data:`OUTPUT_COLUMNS` appended;
    ``alerts`` one row per match at or above the threshold (:data:`ALERT_COLUMNS`).
    ``threshold=None`` applies the screener's configured thresholds. ``workers=None`` uses all
    cores; results do not depend on it. ``progress``: a stream for a progress line (pass
    ``sys.stderr`` on a terminal). On any exception, including ``KeyboardInterrupt``, neither
    output file is created or changed.
    """
    start = time.perf_counter()
    n_workers = default_workers() if workers is None else max(1, workers)
    with CsvInput(input, encoding=encoding, delimiter=delimiter) as source:
        columns = detect_columns(
            source.header,
            path=source.path,
            name=name_column,
            id=id_column,
            schema=schema_column,
            birth_date=birth_date_column,
            country=country_column,
        )
        keys = _KeyMaker(source.header, columns)
        engine = RowScreener(screener, threshold=threshold)
        meter = _Progress(progress, source.size) if progress is not None else None
        out = _AtomicFile(output)
        alert_file = _AtomicFile(alerts) if alerts is not None else None
        executor: _Executor | None = None
        ok = False
        try:
            executor = _Executor(engine, n_workers)
            counts = _run(source, keys, executor, out.file,
                          alert_file.file if alert_file else None, meter)
            ok = True
        finally:
            if executor is not None:
                executor.close(ok=ok)
            if ok:
                out.commit()
                if alert_file is not None:
                    alert_file.commit()
            else:
                out.discard()
                if alert_file is not None:
                    alert_file.discard()
    rows_in, rows_out, errors, n_alerts = counts
    return BulkSummary(
        rows_in=rows_in,
        rows_out=rows_out,
        rows_with_errors=errors,
        alerts=n_alerts,
        elapsed=time.perf_counter() - start,
        lists=_lists(screener),
        ignored_values=keys.ignored,
        workers=executor.workers if executor is not None else 1,
    )


def _chunks(
    source: CsvInput, keys: _KeyMaker
) -> Iterator[tuple[list[tuple[RawRow, str]], list[QueryKey | None]]]:
    batch: list[tuple[RawRow, str]] = []
    batch_keys: list[QueryKey | None] = []
    for row in source.rows():
        if row.error:
            batch.append((row, row.error))
            batch_keys.append(None)
        else:
            key = keys.key(row.cells)
            if isinstance(key, str):
                batch.append((row, f"line {row.line}: {key}"))
                batch_keys.append(None)
            else:
                batch.append((row, ""))
                batch_keys.append(key)
        if len(batch) >= CHUNK_ROWS:
            yield batch, batch_keys
            batch, batch_keys = [], []
    if batch:
        yield batch, batch_keys


def _run(
    source: CsvInput,
    keys: _KeyMaker,
    executor: _Executor,
    out: TextIO,
    alerts_out: TextIO | None,
    meter: _Progress | None,
) -> tuple[int, int, int, int]:
    width = len(source.header)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*source.header, *OUTPUT_COLUMNS])
    alert_writer = csv.writer(alerts_out, lineterminator="\n") if alerts_out else None
    if alert_writer is not None:
        alert_writer.writerow(ALERT_COLUMNS)
    rows_out = errors = n_alerts = data_row = 0
    empty_cells = ("", "", "", "", "")
    for batch, outcomes in executor.map_ordered(_chunks(source, keys)):
        for (row, error), outcome in zip(batch, outcomes, strict=True):
            data_row += 1
            cells = row.cells if len(row.cells) == width else _fit(row.cells, width)
            if isinstance(outcome, str):
                error = f"line {row.line}: {outcome}"
            if error or outcome is None or isinstance(outcome, str):
                errors += 1
                writer.writerow([*cells, *empty_cells, error])
                continue
            result, found = outcome
            writer.writerow([*cells, *result, ""])
            if found:
                n_alerts += len(found)
                if alert_writer is not None:
                    row_id = keys.row_id(row.cells)
                    alert_writer.writerows((data_row, row_id, *a) for a in found)
        rows_out += len(batch)
        if meter is not None:
            meter.update(data_row, source.position)
    if meter is not None:
        meter.update(data_row, source.position, final=True)
    return data_row, rows_out, errors, n_alerts


def _fit(cells: list[str], width: int) -> list[str]:
    return (cells + [""] * width)[:width] if len(cells) < width else cells[:width]


def screen_records(
    records: Iterable[QueryKey],
    *,
    screener: Screener,
    threshold: float | None = None,
) -> Iterator[list[Match]]:
    """Matches per ``(name, schema, birth_date, country)`` record, with the bulk caches."""
    engine = RowScreener(screener, threshold=threshold)
    for key in records:
        yield engine.matches(key)


__all__ = [
    "ALERT_COLUMNS",
    "OUTPUT_COLUMNS",
    "BulkSummary",
    "Columns",
    "CsvInput",
    "ListInfo",
    "RowScreener",
    "detect_columns",
    "screen_csv",
    "screen_records",
    "sniff_delimiter",
]
