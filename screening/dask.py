"""Screening beyond one machine: a Dask DataFrame, one pandas partition at a time.

Needs the optional extra: ``pip install screening[dask]``.

:func:`screen_partition` screens one pandas DataFrame and returns it with the columns of
the CLI output appended (``match_count``, ``top_score``, ``top_entity_id``, ``top_name``,
``top_list``, ``error``). It is the unit any engine can call: Dask through
:func:`screen_dataframe`, Spark through ``mapInPandas`` (see docs/dask.md).

A :class:`~screening.screen.Screener` does not travel between processes (building it is the
expensive part, and its caches do not pickle); each worker process builds its own once, from
the bundled lists or the list files named by ``list_paths`` (paths every worker can read),
and keeps it, with its name caches, for every partition it screens.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator, Sequence
from typing import Any

import attrs
import pandas as pd

from screening.bulk import OUTPUT_COLUMNS, RowScreener, _KeyMaker, detect_columns
from screening.screen import Screener

#: Row screeners built in this process, by (list paths, threshold).
_ENGINES: dict[tuple[tuple[str, ...], float | None], RowScreener] = {}
_LOCK = threading.Lock()


def worker_screener(
    list_paths: Sequence[str] = (), threshold: float | None = None
) -> RowScreener:
    """This process's row screener for ``list_paths`` (bundled lists when empty), built once."""
    key = (tuple(str(p) for p in list_paths), threshold)
    with _LOCK:
        engine = _ENGINES.get(key)
        if engine is None:
            screener = Screener.from_files(*key[0]) if key[0] else Screener.default()
            engine = RowScreener(screener, threshold=threshold)
            _ENGINES[key] = engine
    return engine


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if value is pd.NA or value is pd.NaT:
        return ""
    return str(value)


def screen_partition(
    df: pd.DataFrame,
    *,
    screener: Screener | None = None,
    list_paths: Sequence[str] = (),
    name_column: str | None = None,
    id_column: str | None = None,
    schema_column: str | None = None,
    birth_date_column: str | None = None,
    country_column: str | None = None,
    threshold: float | None = None,
) -> pd.DataFrame:
    """``df`` with the CLI's output columns appended, row for row, index kept.

    Pass ``screener`` when screening in this process; on a cluster pass ``list_paths`` (or
    nothing, for the bundled lists) so that each worker builds its own screener once.
    """
    header = [str(c) for c in df.columns]
    columns = detect_columns(
        header,
        name=name_column,
        id=id_column,
        schema=schema_column,
        birth_date=birth_date_column,
        country=country_column,
    )
    engine = (
        RowScreener(screener, threshold=threshold)
        if screener is not None
        else worker_screener(list_paths, threshold)
    )
    wanted = [c for c in (columns.name, columns.schema, columns.birth_date, columns.country) if c]
    makers = _KeyMaker(wanted, attrs.evolve(columns, id=None))
    by_name = {str(c): c for c in df.columns}
    values = [[_text(v) for v in df[by_name[c]].tolist()] for c in wanted]
    counts: list[Any] = []
    scores: list[float] = []
    texts: list[list[str]] = [[], [], [], []]
    for cells in zip(*values, strict=True) if values else ():
        key = makers.key(list(cells))
        outcome = key if isinstance(key, str) else engine.outcome(key)
        if isinstance(outcome, str):  # the row cannot be screened: say why
            counts.append(pd.NA)
            scores.append(math.nan)
            for column, text in zip(texts, ("", "", "", outcome), strict=True):
                column.append(text)
            continue
        cells_out, _alerts = outcome
        counts.append(int(cells_out[0]))
        scores.append(float(cells_out[1]) if cells_out[1] else math.nan)
        for column, text in zip(texts, (*cells_out[2:], ""), strict=True):
            column.append(text)
    out = df.copy()
    out[OUTPUT_COLUMNS[0]] = pd.array(counts, dtype="Int64")
    out[OUTPUT_COLUMNS[1]] = pd.array(scores, dtype="float64")
    for name, column in zip(OUTPUT_COLUMNS[2:], texts, strict=True):
        out[name] = pd.array(column, dtype=object)
    return out


def output_meta(meta: pd.DataFrame) -> pd.DataFrame:
    """The empty frame describing :func:`screen_partition`'s result, for Dask and Spark."""
    out = meta.iloc[:0].copy()
    out[OUTPUT_COLUMNS[0]] = pd.array([], dtype="Int64")
    out[OUTPUT_COLUMNS[1]] = pd.array([], dtype="float64")
    for name in OUTPUT_COLUMNS[2:]:
        out[name] = pd.array([], dtype=object)
    return out


def screen_dataframe(ddf: Any, *, list_paths: Sequence[str] = (), **options: Any) -> Any:
    """A Dask DataFrame screened partition by partition (lazy: call ``.compute()`` or write).

    ``options`` are those of :func:`screen_partition` (columns, ``threshold``). Each worker
    process builds its screener once, on its first partition.
    """
    meta = output_meta(ddf._meta)
    return ddf.map_partitions(
        screen_partition, list_paths=tuple(str(p) for p in list_paths), meta=meta, **options
    )


def screen_batches(
    batches: Iterator[pd.DataFrame], *, list_paths: Sequence[str] = (), **options: Any
) -> Iterator[pd.DataFrame]:
    """The shape Spark's ``mapInPandas`` wants: batches in, screened batches out."""
    for batch in batches:
        yield screen_partition(batch, list_paths=list_paths, **options)


__all__ = [
    "output_meta",
    "screen_batches",
    "screen_dataframe",
    "screen_partition",
    "worker_screener",
]
