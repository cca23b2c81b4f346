"""Threshold tuning: labelled screening decisions -> scores -> threshold sweep -> report.

A compliance team has to justify its alert threshold ("at 0.86 we miss none of the known
variants and raise 4.1 alerts per 1,000 customers"). This module measures that:

1. :func:`read_labelled` reads a CSV of past decisions or test cases. Two shapes:
   *labelled* rows ``name[,schema,birth_date,country],expected[,class]`` where ``expected``
   is the entity id the name must match, or empty for "must not alert"; and *pairs*
   ``query,list_name,is_match`` that test the scorer on one name pair at a time.
   Bad rows become :class:`~screening.errors.InputFileError` problems with their line
   number; the rest is tuned.
2. :func:`evaluate` screens every row once at the lowest threshold of the sweep and keeps
   every candidate score, so re-thresholding costs nothing. A positive whose entity was not
   even retrieved by the index is told apart from one scored too low: the first is fixed in
   candidate retrieval, the second in scoring.
3. :meth:`TuningResult.table` gives recall, precision, alerts per 1,000 rows, missed true
   matches and false alerts for every threshold 0.50..1.00, overall and per schema and class;
   :meth:`TuningResult.recommend` picks the highest threshold that keeps a target recall and
   shows the weakest true matches it protects.

Definitions (also in ``docs/tuning.md``): a row with an expected entity is a *positive*; it
is *found* at threshold ``t`` when that entity scores ``>= t``. Every other candidate scoring
``>= t`` is a *false alert*. *Alerts per 1,000* counts rows with any candidate ``>= t``.
*Precision* is found / (found + false alerts), counted per candidate.
"""

from __future__ import annotations

import bisect
import csv
import hashlib
import io
import json
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import attrs

from screening.config import MatchSettings
from screening.errors import InputFileError, InvalidEntityError, InvalidQueryError
from screening.model import (
    ORGANIZATION_SCHEMAS,
    SCHEMAS,
    Entity,
    ListSource,
    Match,
    Query,
    parse_partial_date,
)
from screening.screen import Screener

#: The thresholds of the sweep: 0.50, 0.51, ... 1.00 (rounded so that 0.86 is the float 0.86).
THRESHOLDS: tuple[float, ...] = tuple(round(0.50 + i / 100, 2) for i in range(51))
#: Lowest score kept per candidate; anything below cannot alert at any swept threshold.
SCORE_FLOOR: float = THRESHOLDS[0]
#: Weakest true matches shown with a recommendation.
WEAKEST_SHOWN = 10
#: Recall a recommendation aims at unless told otherwise.
DEFAULT_TARGET_RECALL = 0.99

#: Logical fields of a labelled file, each read from the column of the same name by default.
LABELLED_FIELDS = ("name", "schema", "birth_date", "country", "expected", "class")
#: Logical fields of a pairs file.
PAIR_FIELDS = ("query", "list_name", "is_match", "schema", "class")
#: Entity schema given to a pair's list name when the file has no schema column.
DEFAULT_PAIR_SCHEMA = "Person"

_TRUE = frozenset({"1", "true", "yes", "y", "t", "match"})
_FALSE = frozenset({"0", "false", "no", "n", "f", "", "no match"})
_SCHEMA_BY_LOWER = {s.lower(): s for s in SCHEMAS}


# -- records --------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class LabelledRecord:
    """One labelled row: a query and the entity it should match (``None``: no alert).

    For the pairs shape ``list_name`` holds the single name the query is compared with and
    ``expected`` is :func:`pair_entity_id` of the row when the pair is a match.
    """

    line: int
    query: Query
    expected: str | None = None
    label_class: str = ""
    list_name: str | None = None

    @property
    def is_positive(self) -> bool:
        return self.expected is not None


@attrs.frozen(slots=True)
class LabelledFile:
    """What :func:`read_labelled` read: the good records, the bad rows, and file provenance."""

    path: str
    sha256: str
    shape: str
    records: tuple[LabelledRecord, ...]
    problems: tuple[InputFileError, ...]
    data_rows: int


@attrs.frozen(slots=True)
class RowResult:
    """Everything the sweep needs about one screened row (scores only; cheap to keep)."""

    record: LabelledRecord
    schema_group: str
    #: Score of the expected entity, ``None`` when it did not reach :data:`SCORE_FLOOR`.
    expected_score: float | None
    #: Whether the index retrieved the expected entity at all (``True`` for negatives).
    retrieved: bool
    #: Scores of every other candidate at or above the floor, best first.
    other_scores: tuple[float, ...]
    expected_match: Match | None = attrs.field(default=None, eq=False, repr=False)
    #: Best candidate that is not the expected entity, for reports: (entity id, score).
    best_other: tuple[str, float] | None = None

    @property
    def best_score(self) -> float:
        """Highest candidate score of the row (0.0 when nothing reached the floor)."""
        best = self.other_scores[0] if self.other_scores else 0.0
        return max(best, self.expected_score or 0.0)


@attrs.frozen(slots=True)
class TableRow:
    """One threshold of the sweep for one group of rows (``dimension``/``group``)."""

    dimension: str
    group: str
    threshold: float
    rows: int
    positives: int
    found: int
    missed: int
    missed_not_retrieved: int
    missed_low_score: int
    false_alerts: int
    alerted_rows: int
    false_alert_rows: int
    recall: float | None
    precision: float | None
    alerts_per_1000: float
    #: Rows expected not to alert, and how many of them alert per 1,000: on a test file
    #: rich in positives this, not ``alerts_per_1000``, estimates the rate on customers.
    negatives: int = 0
    negative_alerts_per_1000: float | None = None


@attrs.frozen(slots=True)
class WeakMatch:
    """A true match near the threshold, with the account of its score."""

    line: int
    name: str
    entity_id: str
    matched_name: str
    score: float
    explanation: str


@attrs.frozen(slots=True)
class Recommendation:
    """The highest threshold that keeps ``target_recall``, and what it costs.

    ``reached`` is false when even the lowest swept threshold misses the target: the
    threshold is then the lowest one, and the misses are retrieval or scoring work.
    """

    dimension: str
    group: str
    target_recall: float
    reached: bool
    threshold: float
    at_threshold: TableRow
    weakest: tuple[WeakMatch, ...]
    nearest_misses: tuple[WeakMatch, ...]


# -- reading --------------------------------------------------------------------------------


def pair_entity_id(line: int) -> str:
    """The id of the one-name entity built for the pair on ``line``."""
    return f"pair-{line}"


def parse_mapping(items: Iterable[str]) -> dict[str, str]:
    """``["name=Full name", "expected=entity"]`` (the ``--map`` option) as a dict."""
    mapping: dict[str, str] = {}
    known = set(LABELLED_FIELDS) | set(PAIR_FIELDS)
    for item in items:
        field, sep, column = item.partition("=")
        field = field.strip()
        if not sep or not column.strip():
            raise InputFileError(f"column mapping {item!r} must look like FIELD=COLUMN")
        if field not in known:
            raise InputFileError(
                f"column mapping {item!r}: unknown field {field!r}; "
                f"expected one of {', '.join(sorted(known))}"
            )
        mapping[field] = column.strip()
    return mapping


def _decode(data: bytes, encoding: str) -> str:
    # surrogateescape keeps undecodable bytes visible per row instead of failing the file.
    text = data.decode(encoding, errors="surrogateescape")
    return text.removeprefix("\ufeff")


def _bad_bytes(values: Iterable[str]) -> str | None:
    for value in values:
        raw = [c for c in value if "\udc80" <= c <= "\udcff"]
        if raw:
            return " ".join(f"0x{ord(c) - 0xDC00:02x}" for c in raw[:4])
    return None


def _columns(
    header: Sequence[str], fields: Sequence[str], mapping: Mapping[str, str], path: str
) -> dict[str, int]:
    """Column position of each logical field present in the header (case-insensitive)."""
    lower = {h.strip().lower(): i for i, h in enumerate(header)}
    found: dict[str, int] = {}
    for field in fields:
        column = mapping.get(field, field)
        index = lower.get(column.strip().lower())
        if index is None and field in mapping:
            raise InputFileError(
                f"mapped column {column!r} (for {field}) is not in the header "
                f"({', '.join(header)})",
                path=path,
                line=1,
            )
        if index is not None:
            found[field] = index
    return found


def _shape(header: Sequence[str], mapping: Mapping[str, str]) -> str:
    lower = {h.strip().lower() for h in header}
    pair_cols = (mapping.get("list_name", "list_name"), mapping.get("is_match", "is_match"))
    return "pairs" if all(c.lower() in lower for c in pair_cols) else "labelled"


def _schema(value: str, path: str, line: int) -> str | None:
    if not value:
        return None
    schema = _SCHEMA_BY_LOWER.get(value.lower())
    if schema is None:
        raise InputFileError(
            f"unknown schema {value!r}; expected one of {', '.join(sorted(SCHEMAS))}",
            path=path,
            line=line,
        )
    return schema


def _record(cells: Mapping[str, str], shape: str, path: str, line: int) -> LabelledRecord:
    """One CSV row as a record, or :class:`InputFileError` saying what is wrong with it."""
    schema = _schema(cells.get("schema", ""), path, line)
    label_class = cells.get("class", "")
    if shape == "pairs":
        name = cells.get("query", "")
        list_name = cells.get("list_name", "")
        if not name:
            raise InputFileError("missing query name", path=path, line=line)
        if not list_name:
            raise InputFileError("missing list name", path=path, line=line)
        flag = cells.get("is_match", "").lower()
        if flag not in _TRUE | _FALSE:
            raise InputFileError(
                f"is_match {cells.get('is_match')!r} is not a yes/no value", path=path, line=line
            )
        return LabelledRecord(
            line=line,
            query=Query(name=name, schema=schema),
            expected=pair_entity_id(line) if flag in _TRUE else None,
            label_class=label_class,
            list_name=list_name,
        )
    name = cells.get("name", "")
    if not name:
        raise InputFileError("missing name", path=path, line=line)
    birth_date = cells.get("birth_date") or None
    if birth_date is not None and parse_partial_date(birth_date) is None:
        raise InputFileError(
            f"birth date {birth_date!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)",
            path=path,
            line=line,
        )
    return LabelledRecord(
        line=line,
        query=Query(
            name=name, schema=schema, birth_date=birth_date, country=cells.get("country") or None
        ),
        expected=cells.get("expected") or None,
        label_class=label_class,
    )


def read_labelled(
    path: str | Path,
    *,
    mapping: Mapping[str, str] | None = None,
    encoding: str = "utf-8",
) -> LabelledFile:
    """Read a labelled CSV (either shape); bad rows are returned as problems, not raised.

    Raises :class:`InputFileError` only when the file as a whole is unusable: unreadable,
    empty, or without a name column.
    """
    mapping = dict(mapping or {})
    where = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputFileError(
            f"cannot read labelled file: {exc.strerror or exc}", path=where
        ) from exc
    reader = csv.reader(io.StringIO(_decode(data, encoding), newline=""))
    header = next(reader, None)
    if not header or not any(h.strip() for h in header):
        raise InputFileError("empty file: expected a header row", path=where, line=1)
    shape = _shape(header, mapping)
    columns = _columns(header, PAIR_FIELDS if shape == "pairs" else LABELLED_FIELDS, mapping, where)
    name_field = "query" if shape == "pairs" else "name"
    if name_field not in columns:
        raise InputFileError(
            f"no {name_field!r} column in the header ({', '.join(header)}); "
            f"use --map {name_field}=COLUMN",
            path=where,
            line=1,
        )
    records: list[LabelledRecord] = []
    problems: list[InputFileError] = []
    data_rows = 0
    last_line = reader.line_num
    for raw in reader:
        line, last_line = last_line + 1, reader.line_num
        if not any(cell.strip() for cell in raw):
            continue
        data_rows += 1
        bad = _bad_bytes(raw)
        if bad is not None:
            problems.append(
                InputFileError(f"bytes that are not {encoding} ({bad})", path=where, line=line)
            )
            continue
        cells = {f: raw[i].strip() if i < len(raw) else "" for f, i in columns.items()}
        try:
            records.append(_record(cells, shape, where, line))
        except InputFileError as exc:
            problems.append(exc)
    return LabelledFile(
        path=where,
        sha256=hashlib.sha256(data).hexdigest(),
        shape=shape,
        records=tuple(records),
        problems=tuple(problems),
        data_rows=data_rows,
    )


# -- screening ------------------------------------------------------------------------------


def schema_group(schema: str | None) -> str:
    """The coarse group a schema is reported under: person, organization, other, unspecified."""
    if schema is None:
        return "unspecified"
    if schema == "Person":
        return "person"
    if schema in ORGANIZATION_SCHEMAS:
        return "organization"
    return "other"


def _retrieved(screener: Screener, query: Query, entity_id: str) -> bool:
    """Whether the index hands any name of ``entity_id`` to the scorer for this query."""
    form = screener.analyze(query.name, query.schema)
    return any(ref.entity_id == entity_id for ref in screener.index.candidates(form))


def _row_result(
    record: LabelledRecord, matches: Sequence[Match], retrieved: bool, group: str
) -> RowResult:
    expected = next((m for m in matches if m.entity.id == record.expected), None)
    others = [m for m in matches if m.entity.id != record.expected]
    return RowResult(
        record=record,
        schema_group=group,
        expected_score=None if expected is None else expected.score,
        retrieved=retrieved,
        other_scores=tuple(sorted((m.score for m in others), reverse=True)),
        expected_match=expected,
        best_other=(others[0].entity.id, others[0].score) if others else None,
    )


def _screen_row(screener: Screener, record: LabelledRecord) -> RowResult:
    limit = max(len(screener), 1)
    matches = screener.screen_query(record.query, limit=limit, threshold=SCORE_FLOOR)
    retrieved = True
    if record.expected is not None and not any(m.entity.id == record.expected for m in matches):
        retrieved = _retrieved(screener, record.query, record.expected)
    schema = record.query.schema
    if schema is None and record.expected is not None:
        schema = screener.get(record.expected).schema
    return _row_result(record, matches, retrieved, schema_group(schema))


def _screen_pair(settings: MatchSettings, record: LabelledRecord) -> RowResult:
    """Score a pair with a one-entity screener: the same path, scorer and explanations."""
    assert record.list_name is not None
    schema = record.query.schema or DEFAULT_PAIR_SCHEMA
    entity = Entity(id=pair_entity_id(record.line), schema=schema, names=(record.list_name,))
    tiny = Screener([entity], settings=settings)
    # Pairs measure the scorer, so every pair is scored (retrieval does not apply).
    matches = tiny.screen_query(record.query, threshold=SCORE_FLOOR, use_index=False)
    return _row_result(record, matches, True, schema_group(schema))


@attrs.frozen
class TuningResult:
    """Every candidate score of a labelled file, ready to be swept at any threshold."""

    rows: tuple[RowResult, ...]
    problems: tuple[InputFileError, ...]
    settings: MatchSettings

    @property
    def has_classes(self) -> bool:
        return any(r.record.label_class for r in self.rows)

    def groups(self) -> list[tuple[str, str]]:
        """The (dimension, group) pairs the table reports, ``("all", "all")`` first."""
        found: list[tuple[str, str]] = [("all", "all")]
        found += [("schema", g) for g in sorted({r.schema_group for r in self.rows})]
        if self.has_classes:
            found += [("class", c) for c in sorted({r.record.label_class for r in self.rows})]
        return found

    def select(self, dimension: str = "all", group: str = "all") -> list[RowResult]:
        """The rows of one group."""
        if dimension == "all":
            return list(self.rows)
        if dimension == "schema":
            return [r for r in self.rows if r.schema_group == group]
        if dimension == "class":
            return [r for r in self.rows if r.record.label_class == group]
        raise ValueError(f"unknown dimension {dimension!r}; expected all, schema or class")

    def table(self) -> list[TableRow]:
        """The sweep for every group, thresholds ascending within each group."""
        out: list[TableRow] = []
        for dimension, group in self.groups():
            out.extend(sweep(self.select(dimension, group), dimension, group))
        return out

    def recommend(
        self,
        target_recall: float = DEFAULT_TARGET_RECALL,
        *,
        dimension: str = "all",
        group: str = "all",
        weakest: int = WEAKEST_SHOWN,
    ) -> Recommendation:
        """The highest swept threshold whose recall reaches ``target_recall``."""
        if not 0.0 < target_recall <= 1.0:
            raise ValueError(f"target recall must be in (0, 1], got {target_recall}")
        rows = self.select(dimension, group)
        table = sweep(rows, dimension, group)
        if not any(r.record.is_positive for r in rows):
            raise ValueError(f"no positive rows in {dimension}={group}: recall cannot be measured")
        reaching = [t for t in table if t.recall is not None and t.recall >= target_recall]
        chosen = reaching[-1] if reaching else table[0]
        return Recommendation(
            dimension=dimension,
            group=group,
            target_recall=target_recall,
            reached=bool(reaching),
            threshold=chosen.threshold,
            at_threshold=chosen,
            weakest=weakest_true_matches(rows, chosen.threshold, self.settings, weakest),
            nearest_misses=nearest_misses(rows, chosen.threshold, self.settings, weakest),
        )


def evaluate(
    screener: Screener | None,
    records: LabelledFile | Iterable[LabelledRecord],
    *,
    settings: MatchSettings | None = None,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> TuningResult:
    """Screen every record once, keeping every candidate score at or above 0.50.

    ``screener`` may be ``None`` for a pairs file (each pair carries its own list name);
    ``settings`` defaults to the screener's. Records whose expected entity is not on the
    lists, or that the screener rejects, become problems with their line number; given a
    :class:`LabelledFile`, its reading problems are carried over, so one list says every
    row that was not tuned and why. ``workers > 1`` screens in forked processes that share
    the screener's index (where ``fork`` exists); ``progress`` is called with the number of
    rows just finished.
    """
    if settings is None:
        settings = screener.settings if screener is not None else MatchSettings()
    path: str | None = None
    problems: list[InputFileError] = []
    if isinstance(records, LabelledFile):
        path = records.path
        problems.extend(records.problems)
        records = records.records
    records = list(records)
    rows: list[RowResult] = []
    outcomes = _outcomes(screener, settings, records, workers, progress)
    for record, outcome in zip(records, outcomes, strict=True):
        if isinstance(outcome, str):
            problems.append(InputFileError(outcome, path=path, line=record.line))
        else:
            rows.append(outcome)
    problems.sort(key=lambda p: p.line or 0)
    return TuningResult(rows=tuple(rows), problems=tuple(problems), settings=settings)


def _outcome(
    screener: Screener | None, settings: MatchSettings, record: LabelledRecord
) -> RowResult | str:
    """The row's scores, or why it cannot be tuned (a string: picklable across processes)."""
    try:
        if record.list_name is not None:
            return _screen_pair(settings, record)
        if screener is None:
            return "labelled rows need a list to screen against"
        if record.expected is not None:
            try:
                screener.get(record.expected)
            except KeyError:
                return f"expected entity {record.expected!r} is not on the lists screened"
        return _screen_row(screener, record)
    except (InvalidQueryError, InvalidEntityError) as exc:
        return str(exc)


#: Rows per task handed to a worker process: large enough to amortise pickling.
CHUNK_ROWS = 250
_WORKER_STATE: tuple[Screener | None, MatchSettings] | None = None


def _chunk_outcomes(records: Sequence[LabelledRecord]) -> list[RowResult | str]:
    assert _WORKER_STATE is not None, "worker started without a screener"
    screener, settings = _WORKER_STATE
    return [_outcome(screener, settings, r) for r in records]


def _outcomes(
    screener: Screener | None,
    settings: MatchSettings,
    records: Sequence[LabelledRecord],
    workers: int,
    progress: Callable[[int], None] | None,
) -> list[RowResult | str]:
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    if workers <= 1 or len(records) < 2 * CHUNK_ROWS or not can_fork:
        out: list[RowResult | str] = []
        for record in records:
            out.append(_outcome(screener, settings, record))
            if progress is not None:
                progress(1)
        return out
    global _WORKER_STATE
    # Forked workers inherit the screener (and its index) without pickling it.
    _WORKER_STATE = (screener, settings)
    try:
        chunks = [records[i : i + CHUNK_ROWS] for i in range(0, len(records), CHUNK_ROWS)]
        context = multiprocessing.get_context("fork")
        out = []
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for chunk, part in zip(chunks, pool.map(_chunk_outcomes, chunks), strict=True):
                out.extend(part)
                if progress is not None:
                    progress(len(chunk))
        return out
    finally:
        _WORKER_STATE = None


# -- the sweep ------------------------------------------------------------------------------


def _at_or_above(score: float) -> int:
    """How many swept thresholds ``score`` reaches (``score >= t``)."""
    return bisect.bisect_right(THRESHOLDS, score)


def _suffix_sums(counts: list[int]) -> list[int]:
    """``out[i]`` = number of items reaching threshold ``i`` given per-reach counts."""
    out = [0] * len(THRESHOLDS)
    running = 0
    for i in range(len(THRESHOLDS), 0, -1):
        running += counts[i]
        out[i - 1] = running
    return out


def sweep(rows: Sequence[RowResult], dimension: str = "all", group: str = "all") -> list[TableRow]:
    """Counts at every swept threshold, in one pass over the scores.

    Each score is filed under the number of thresholds it reaches; suffix sums then give
    "how many reach ``t``" for every ``t`` at once.
    """
    size = len(THRESHOLDS) + 1
    found = [0] * size
    false_alerts = [0] * size
    alerted = [0] * size
    false_rows = [0] * size
    negative_alerts = [0] * size
    positives = not_retrieved = 0
    for row in rows:
        if not row.record.is_positive and row.other_scores:
            negative_alerts[_at_or_above(row.other_scores[0])] += 1
        if row.record.is_positive:
            positives += 1
            if not row.retrieved:
                not_retrieved += 1
            if row.expected_score is not None:
                found[_at_or_above(row.expected_score)] += 1
        for score in row.other_scores:
            false_alerts[_at_or_above(score)] += 1
        if row.other_scores:
            false_rows[_at_or_above(row.other_scores[0])] += 1
        alerted[_at_or_above(row.best_score)] += 1
    found_at = _suffix_sums(found)
    false_at = _suffix_sums(false_alerts)
    alerted_at = _suffix_sums(alerted)
    false_rows_at = _suffix_sums(false_rows)
    negative_at = _suffix_sums(negative_alerts)
    negatives = len(rows) - positives
    table: list[TableRow] = []
    for i, threshold in enumerate(THRESHOLDS):
        hits, wrong = found_at[i], false_at[i]
        missed = positives - hits
        table.append(
            TableRow(
                dimension=dimension,
                group=group,
                threshold=threshold,
                rows=len(rows),
                positives=positives,
                found=hits,
                missed=missed,
                missed_not_retrieved=not_retrieved,
                missed_low_score=missed - not_retrieved,
                false_alerts=wrong,
                alerted_rows=alerted_at[i],
                false_alert_rows=false_rows_at[i],
                recall=hits / positives if positives else None,
                precision=hits / (hits + wrong) if hits + wrong else None,
                alerts_per_1000=1000 * alerted_at[i] / len(rows) if rows else 0.0,
                negatives=negatives,
                negative_alerts_per_1000=1000 * negative_at[i] / negatives if negatives else None,
            )
        )
    return table


def _weak_match(row: RowResult, settings: MatchSettings) -> WeakMatch:
    from screening.score.explain import explain_match

    match = row.expected_match
    assert match is not None
    return WeakMatch(
        line=row.record.line,
        name=row.record.query.name,
        entity_id=match.entity.id,
        matched_name=match.matched_name,
        score=match.score,
        explanation=explain_match(match, settings).render(),
    )


def weakest_true_matches(
    rows: Iterable[RowResult], threshold: float, settings: MatchSettings, count: int
) -> tuple[WeakMatch, ...]:
    """The ``count`` true matches closest above ``threshold``: what the threshold protects."""
    kept = [r for r in rows if r.expected_score is not None and r.expected_score >= threshold]
    kept.sort(key=lambda r: (r.expected_score, r.record.line))
    return tuple(_weak_match(r, settings) for r in kept[:count])


def nearest_misses(
    rows: Iterable[RowResult], threshold: float, settings: MatchSettings, count: int
) -> tuple[WeakMatch, ...]:
    """The ``count`` true matches just below ``threshold`` (scored, but too low), best first."""
    below = [r for r in rows if r.expected_score is not None and r.expected_score < threshold]
    below.sort(key=lambda r: (-(r.expected_score or 0.0), r.record.line))
    return tuple(_weak_match(r, settings) for r in below[:count])


def missed_rows(rows: Iterable[RowResult], threshold: float) -> Iterator[RowResult]:
    """Positives not found at ``threshold``, in file order."""
    for row in rows:
        score = row.expected_score
        if row.record.is_positive and (score is None or score < threshold):
            yield row


# -- export ---------------------------------------------------------------------------------

TABLE_COLUMNS: tuple[str, ...] = tuple(f.name for f in attrs.fields(TableRow))


def table_to_dicts(table: Iterable[TableRow]) -> list[dict[str, Any]]:
    """Plain dicts (rounded for humans), the shape of the CSV and JSON exports."""
    out = []
    for row in table:
        item = attrs.asdict(row)
        for key in ("recall", "precision", "alerts_per_1000", "negative_alerts_per_1000"):
            if item[key] is not None:
                item[key] = round(item[key], 6)
        out.append(item)
    return out


def write_table_csv(table: Iterable[TableRow], path: str | Path) -> None:
    """The sweep as CSV, one line per group and threshold; undefined ratios are empty."""
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=TABLE_COLUMNS)
        writer.writeheader()
        for item in table_to_dicts(table):
            writer.writerow({k: "" if v is None else v for k, v in item.items()})


def recommendation_to_dict(rec: Recommendation) -> dict[str, Any]:
    return {
        "dimension": rec.dimension,
        "group": rec.group,
        "target_recall": rec.target_recall,
        "reached": rec.reached,
        "threshold": rec.threshold,
        "at_threshold": table_to_dicts([rec.at_threshold])[0],
        "weakest_true_matches": [attrs.asdict(w) for w in rec.weakest],
        "nearest_misses": [attrs.asdict(w) for w in rec.nearest_misses],
    }


def result_to_dict(
    result: TuningResult, recommendations: Sequence[Recommendation] = ()
) -> dict[str, Any]:
    """The whole result as JSON-ready data: table, recommendations, problems, settings."""
    return {
        "thresholds": list(THRESHOLDS),
        "rows": len(result.rows),
        "settings": attrs.asdict(result.settings),
        "table": table_to_dicts(result.table()),
        "recommendations": [recommendation_to_dict(r) for r in recommendations],
        "problems": [{"line": p.line, "message": str(p)} for p in result.problems],
    }


def write_result_json(
    result: TuningResult, path: str | Path, recommendations: Sequence[Recommendation] = ()
) -> None:
    Path(path).write_text(
        json.dumps(result_to_dict(result, recommendations), ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )


# -- the report -----------------------------------------------------------------------------

#: Rows of the overall table shown in ``report.md`` (every 0.05, plus the recommendation).
_REPORT_STEPS = frozenset(round(0.50 + i * 0.05, 2) for i in range(11))


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f} %"


def _per_1000(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _decision_lines(rec: Recommendation) -> list[str]:
    row = rec.at_threshold
    verdict = (
        f"reaches the target recall of {_pct(rec.target_recall)}"
        if rec.reached
        else f"**does not reach** the target recall of {_pct(rec.target_recall)} at any "
        "threshold; the lowest threshold is shown"
    )
    return [
        f"**Recommended threshold: {rec.threshold:.2f}** — the highest threshold that {verdict}.",
        "",
        f"At {rec.threshold:.2f}: recall {_pct(row.recall)} ({row.found} of {row.positives} "
        f"true matches), precision {_pct(row.precision)}, "
        f"**{row.alerts_per_1000:.1f} alerts per 1,000 rows** ({row.alerted_rows} of "
        f"{row.rows} rows), {row.false_alerts} false alerts on {row.false_alert_rows} rows.",
        "",
        f"Rows expected not to alert that alert: {_per_1000(row.negative_alerts_per_1000)} per "
        f"1,000 ({row.negatives} such rows). On a test file rich in true matches this is the "
        "better estimate of the alert rate on a real customer file.",
        "",
        f"Missed true matches: {row.missed} — {row.missed_not_retrieved} never retrieved by "
        f"the candidate index (a retrieval fix), {row.missed_low_score} retrieved but scored "
        "below the threshold (a scoring fix).",
    ]


def _sources_lines(sources: Sequence[ListSource]) -> list[str]:
    if not sources:
        return ["(entities given directly, or a pairs file: no list files)"]
    lines = [
        "| list | authority | format | published | records | sha256 |",
        "|---|---|---|---|---|---|",
    ]
    for src in sources:
        lines.append(
            f"| {_md_escape(src.name)} | {_md_escape(src.authority)} | {src.format} | "
            f"{src.published or 'n/a'} | {src.record_count} | `{src.sha256}` |"
        )
    return lines


def _table_lines(table: Sequence[TableRow], chosen: float) -> list[str]:
    lines = [
        "| threshold | recall | precision | alerts / 1,000 rows | alerts / 1,000 negatives "
        "| missed (not retrieved) | false alerts |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in table:
        if row.threshold in _REPORT_STEPS or row.threshold == chosen:
            mark = "**" if row.threshold == chosen else ""
            lines.append(
                f"| {mark}{row.threshold:.2f}{mark} | {_pct(row.recall)} | "
                f"{_pct(row.precision)} | {row.alerts_per_1000:.1f} | "
                f"{_per_1000(row.negative_alerts_per_1000)} | "
                f"{row.missed} ({row.missed_not_retrieved}) | {row.false_alerts} |"
            )
    return lines


def _weak_lines(title: str, matches: Sequence[WeakMatch]) -> list[str]:
    lines = [f"## {title}", ""]
    if not matches:
        return [*lines, "None.", ""]
    for w in matches:
        lines += [
            f"- line {w.line}: {w.name!r} → `{w.entity_id}` ({w.matched_name!r}), "
            f"score {w.score:.3f}",
            "",
            "  ```text",
            *("  " + line for line in w.explanation.splitlines()),
            "  ```",
            "",
        ]
    return lines


def render_report(
    result: TuningResult,
    recommendations: Sequence[Recommendation],
    *,
    labelled: LabelledFile | None = None,
    sources: Sequence[ListSource] = (),
    figures: Sequence[str] = (),
    generated: str = "",
) -> str:
    """The one-page Markdown report a compliance officer can file.

    ``recommendations[0]`` is the decision (normally the overall one); the others (per
    schema) are listed beside it. ``figures`` are file names relative to the report.
    """
    from screening import __version__

    main = recommendations[0]
    lines = [
        "# Screening threshold tuning report",
        "",
        f"Generated {generated or 'now'} by screening {__version__}.",
        "",
        "## Decision",
        "",
        *_decision_lines(main),
        "",
    ]
    if len(recommendations) > 1:
        lines += [
            "| group | threshold | recall | alerts / 1,000 rows | alerts / 1,000 negatives "
            "| rows |",
            "|---|---|---|---|---|---|",
        ]
        for rec in recommendations:
            row = rec.at_threshold
            reached = "" if rec.reached else " (target not reached)"
            lines.append(
                f"| {rec.dimension} {rec.group} | {rec.threshold:.2f}{reached} | "
                f"{_pct(row.recall)} | {row.alerts_per_1000:.1f} | "
                f"{_per_1000(row.negative_alerts_per_1000)} | {row.rows} |"
            )
        lines.append("")
    lines += ["## Data used", ""]
    if labelled is not None:
        lines += [
            f"- labelled file: `{labelled.path}` ({labelled.shape} shape), "
            f"sha256 `{labelled.sha256}`",
            f"- {labelled.data_rows} data rows",
        ]
    positives = sum(1 for r in result.rows if r.record.is_positive)
    lines += [
        f"- {len(result.rows)} rows tuned: {positives} expected to match, "
        f"{len(result.rows) - positives} expected not to alert",
        f"- {len(result.problems)} rows not tuned (listed at the end)",
        "",
        "### Lists screened",
        "",
        *_sources_lines(sources),
        "",
        "## Engine and settings",
        "",
        f"screening {__version__}; scores kept from {SCORE_FLOOR:.2f}; settings in effect:",
        "",
        "```text",
        *(f"{k} = {v}" for k, v in attrs.asdict(result.settings).items()),
        "```",
        "",
    ]
    if figures:
        lines += ["## Figures", ""]
        lines += [f"![{Path(f).stem.replace('_', ' ')}]({f})" for f in figures]
        lines.append("")
    else:
        lines += ["(No figures: install the `plots` extra for them.)", ""]
    lines += [
        f"## Threshold table ({main.dimension} {main.group})",
        "",
        *_table_lines(sweep(result.select(main.dimension, main.group)), main.threshold),
        "",
        "The full table (every 0.01, per schema and class) is in `table.csv` and `table.json`.",
        "",
        *_weak_lines(f"The {len(main.weakest)} weakest true matches kept", main.weakest),
        *_weak_lines("Nearest true matches below the threshold", main.nearest_misses),
        "## Definitions",
        "",
        "A row with an expected entity is a positive; it is found at threshold t when that "
        "entity scores at least t. Any other candidate scoring at least t is a false alert. "
        "Alerts per 1,000 counts rows with any candidate at or above t; alerts per 1,000 "
        "negatives counts only rows expected not to alert. Precision is found / "
        "(found + false alerts), counted per candidate. A positive *not retrieved* never "
        "reached the scorer: the candidate index did not propose its entity.",
        "",
    ]
    if result.problems:
        lines += ["## Rows not tuned", ""]
        lines += [f"- {_md_escape(str(p))}" for p in result.problems]
        lines.append("")
    return "\n".join(lines)


def write_report(
    directory: str | Path,
    result: TuningResult,
    recommendations: Sequence[Recommendation],
    *,
    labelled: LabelledFile | None = None,
    sources: Sequence[ListSource] = (),
    plots: bool = True,
) -> list[Path]:
    """Write ``table.csv``, ``table.json``, the PNG figures and ``report.md`` to ``directory``.

    Figures are skipped (and the report says so) when matplotlib is missing or ``plots`` is
    false; everything else is always written. Returns the paths written.
    """
    import datetime

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = [directory / "table.csv", directory / "table.json"]
    write_table_csv(result.table(), written[0])
    write_result_json(result, written[1], recommendations)
    figures: list[str] = []
    main = recommendations[0]
    if plots:
        from screening import plots as figs

        if figs.plots_available():
            for name, draw in (
                ("precision_recall.png", figs.plot_precision_recall),
                ("score_distributions.png", figs.plot_score_distributions),
            ):
                written.append(
                    draw(
                        result,
                        directory / name,
                        threshold=main.threshold,
                        dimension=main.dimension,
                        group=main.group,
                    )
                )
                figures.append(name)
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    report = directory / "report.md"
    report.write_text(
        render_report(
            result,
            recommendations,
            labelled=labelled,
            sources=sources,
            figures=figures,
            generated=now,
        ),
        encoding="utf-8",
    )
    written.append(report)
    return written


__all__ = [
    "DEFAULT_TARGET_RECALL",
    "THRESHOLDS",
    "LabelledFile",
    "LabelledRecord",
    "Recommendation",
    "RowResult",
    "TableRow",
    "TuningResult",
    "WeakMatch",
    "evaluate",
    "missed_rows",
    "nearest_misses",
    "pair_entity_id",
    "parse_mapping",
    "read_labelled",
    "recommendation_to_dict",
    "render_report",
    "result_to_dict",
    "schema_group",
    "sweep",
    "table_to_dicts",
    "weakest_true_matches",
    "write_report",
    "write_result_json",
    "write_table_csv",
]
