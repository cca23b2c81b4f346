"""Index recall on the bulk benchmark's full-size list: what retrieval misses, row by row.

Screens a seeded sample of counterparty rows (half planted variants, half other rows) twice
in process: through the index, and exhaustively (every list name scored, ``use_index=False``).
Prints the share of exhaustive matches at or above the threshold that the indexed screen did
not return, and the missed rows with the names they missed, largest first. ``bulk.py`` prints
the same share for its own small sample; this is the tool to study retrieval with.

    python benchmarks/agreement.py --rows 400 --seed 11

Exhaustive scoring is the slow half (about half a second a row). While only retrieval or
widening changes, ``--exhaustive-cache FILE`` keeps its results: the first run writes them,
later runs with the same sample read them back. Delete the file when scoring changes.
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screening import Query, Screener, load_list  # noqa: E402
from screening.bulk import Columns, _KeyMaker  # noqa: E402

_SCREENER: Screener | None = None


Exhaustive = dict[str, tuple[float, str]]


def _exhaustive(query: Query) -> Exhaustive:
    assert _SCREENER is not None
    return {m.entity.id: (m.score, m.matched_name)
            for m in _SCREENER.screen_query(query, use_index=False, limit=10_000)}


def _indexed(query: Query) -> set[str]:
    assert _SCREENER is not None
    return {m.entity.id for m in _SCREENER.screen_query(query, limit=10_000)}


def _cached_exhaustive(
    pool: multiprocessing.pool.Pool, queries: list[Query], cache: Path | None
) -> list[Exhaustive]:
    """Exhaustive results, read from ``cache`` where it holds this very sample."""
    names = [[q.name, q.schema, q.birth_date, q.country] for q in queries]
    if cache is not None and cache.exists():
        stored = json.loads(cache.read_text(encoding="utf-8"))
        if stored["queries"] == names:
            return [{k: (v[0], v[1]) for k, v in r.items()} for r in stored["results"]]
        sys.exit(f"{cache} holds another sample: delete it or pass another file")
    results = pool.map(_exhaustive, queries, chunksize=1)
    if cache is not None:
        cache.write_text(json.dumps({"queries": names, "results": results}), encoding="utf-8")
    return results


def main() -> None:
    global _SCREENER
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).parent / "data")
    parser.add_argument("--file-rows", type=int, default=100_000, help="counterparty file size")
    parser.add_argument("--rows", type=int, default=400, help="rows sampled")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--show", type=int, default=15, help="missed rows to print")
    parser.add_argument("--exhaustive-cache", type=Path, default=None, metavar="FILE",
                        help="keep exhaustive results here (valid while scoring is unchanged)")
    args = parser.parse_args()
    list_path = args.data / "list.ftm.json"
    rows_path = args.data / f"counterparties_{args.file_rows}.csv"
    truth_path = rows_path.with_suffix(".truth.csv")
    if not list_path.exists() or not rows_path.exists():
        sys.exit(f"run benchmarks/bulk.py --rows {args.file_rows} first: it writes {args.data}")
    entities, _ = load_list(list_path)
    _SCREENER = Screener(entities)
    with rows_path.open(encoding="utf-8", newline="") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    with truth_path.open(encoding="utf-8", newline="") as f:
        planted = sorted(r["id"] for r in csv.DictReader(f))
    rng = random.Random(args.seed)
    ids = rng.sample(planted, min(args.rows * 3 // 8, len(planted)))
    ids += rng.sample(sorted(set(rows) - set(planted)), args.rows - len(ids))
    # Rows become queries as the bulk command makes them (schema words, dates, countries).
    header = ["name", "type", "birth_date", "country"]
    maker = _KeyMaker(header, Columns(name="name", schema="type", birth_date="birth_date",
                                      country="country"))
    keys = [maker.key([rows[i][c] for c in header]) for i in ids]
    queries = [Query(name=k[0], schema=k[1], birth_date=k[2], country=k[3])
               for k in keys if not isinstance(k, str)]
    with multiprocessing.get_context("fork").Pool(args.workers) as pool:
        exhaustive = _cached_exhaustive(pool, queries, args.exhaustive_cache)
        start = time.perf_counter()
        indexed = pool.map(_indexed, queries, chunksize=1)
        elapsed = time.perf_counter() - start
    results = list(zip(exhaustive, indexed, strict=True))
    total = sum(len(e) for e, _ in results)
    misses = []
    for q, (exhaustive, indexed) in zip(queries, results, strict=True):
        lost = {k: v for k, v in exhaustive.items() if k not in indexed}
        if lost:
            misses.append((q, lost, len(exhaustive)))
    missed = sum(len(lost) for _, lost, _ in misses)
    print(f"{len(queries)} rows (seed {args.seed}), {total} exhaustive matches, {missed} missed "
          f"by the index ({missed / max(total, 1):.2%}) in {len(misses)} rows; "
          f"indexed screening {elapsed:.1f} s")
    misses.sort(key=lambda m: -len(m[1]))
    for q, lost, n in misses[: args.show]:
        best = sorted(lost.values(), reverse=True)[:3]
        shown = "; ".join(f"{name!r} {score:.3f}" for score, name in best)
        print(f"  {q.name!r} ({q.schema}): {len(lost)} of {n} missed, e.g. {shown}")


if __name__ == "__main__":
    main()
