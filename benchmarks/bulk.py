"""End-to-end bulk benchmark: the CLI on a synthetic full-size list and N counterparties.

Prints, for the record in docs/performance.md:

- list load and index build time, in-process;
- ``screening screen`` run in a subprocess with 1 and 2 workers: wall time (list loading and
  indexing included), rows/s, peak memory (RSS of the process tree, and PSS, which counts
  pages shared by forked workers once);
- the hand-written baseline (``rapidfuzz.process.cdist`` in batches, 2 workers, every list
  name) on a sample, and the speed ratio;
- recall of planted variants, alerts per 1,000 rows that are not planted hits, and the
  agreement of the indexed run with exhaustive scoring (``use_index=False``) on a sample;
- with ``--profile``, where one worker spends its time (cProfile, by function).

    python benchmarks/bulk.py --rows 100000
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import io
import multiprocessing
import os
import pstats
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generate import write_counterparties, write_list  # noqa: E402

from screening import Query, Screener, load_list  # noqa: E402
from screening.bulk import Columns, QueryKey, _KeyMaker, screen_csv  # noqa: E402

_SCREENER: Screener | None = None


def _ensure_data(data: Path, rows: int) -> tuple[Path, Path, Path]:
    list_path = data / "list.ftm.json"
    if not list_path.exists():
        write_list(list_path)
    cp = data / f"counterparties_{rows}.csv"
    truth = cp.with_suffix(".truth.csv")
    if not cp.exists() or not truth.exists():
        write_counterparties(cp, truth, rows, list_path)
    return list_path, cp, truth


def _tree_memory(proc: psutil.Process) -> tuple[int, int]:
    """(RSS sum, PSS sum) in bytes over a process and its children."""
    rss = pss = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            info = p.memory_full_info()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        rss += info.rss
        pss += getattr(info, "pss", info.rss)
    return rss, pss


def run_cli(list_path: Path, cp: Path, out_dir: Path, workers: int) -> dict[str, float]:
    out, alerts = out_dir / f"out_w{workers}.csv", out_dir / f"alerts_w{workers}.csv"
    cmd = [sys.executable, "-c", "from screening.cli import main; main()", "screen", str(cp),
           "--output", str(out), "--alerts", str(alerts), "--list", str(list_path),
           "--workers", str(workers), "--quiet"]
    # A fixed hash seed: the engine's candidate order among equal index weights follows
    # set iteration order, so two processes may break those ties differently (reported).
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    proc = psutil.Process(child.pid)
    peak_rss = peak_pss = 0
    while child.poll() is None:
        rss, pss = _tree_memory(proc)
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.25)
    wall = time.perf_counter() - start
    stdout, stderr = child.communicate()
    if child.returncode != 0:
        raise SystemExit(f"CLI failed ({child.returncode}):\n{stdout}\n{stderr}")
    screening_s = float(re.search(r"elapsed:\s+([\d.]+) s", stdout).group(1))  # type: ignore[union-attr]
    build_s = float(re.search(r"indexed in ([\d.]+) s", stdout).group(1))  # type: ignore[union-attr]
    return {"wall": wall, "screening": screening_s, "build": build_s,
            "rss_mb": peak_rss / 2**20, "pss_mb": peak_pss / 2**20}


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def quality(cp: Path, truth: Path, alerts: Path) -> dict[str, float]:
    # The FtM loader prefixes ids with its source ("os-").
    planted = {r["id"]: "os-" + r["entity_id"] for r in _read(truth)}
    hits: dict[str, set[str]] = {}
    for a in _read(alerts):
        hits.setdefault(a["id"], set()).add(a["entity_id"])
    found = sum(1 for row_id, entity in planted.items() if entity in hits.get(row_id, ()))
    with cp.open(encoding="utf-8") as f:
        rows = sum(1 for _ in f) - 1
    other_rows = rows - len(planted)
    other_alert_rows = sum(1 for row_id in hits if row_id not in planted)
    return {
        "planted": len(planted),
        "recall": found / max(len(planted), 1),
        "alert_rows_per_1000": 1000 * other_alert_rows / max(other_rows, 1),
    }


def _exhaustive(key: QueryKey) -> set[str]:
    assert _SCREENER is not None
    name, schema, birth_date, country = key
    query = Query(name=name, schema=schema, birth_date=birth_date, country=country)
    return {m.entity.id for m in _SCREENER.screen_query(query, use_index=False, limit=10_000)}


def agreement(screener: Screener, cp: Path, truth: Path, alerts: Path, n: int,
              workers: int) -> dict[str, float]:
    """Share of exhaustive matches (at the threshold) that the indexed run did not report."""
    global _SCREENER
    planted = {r["id"] for r in _read(truth)}
    rows = {r["id"]: r for r in _read(cp)}
    rng = random.Random(1)
    ids = rng.sample(sorted(planted), min(n // 2, len(planted)))
    ids += rng.sample([i for i in rows if i not in planted], n - len(ids))
    indexed: dict[str, set[str]] = {}
    for a in _read(alerts):
        indexed.setdefault(a["id"], set()).add(a["entity_id"])
    header = ["name", "type", "birth_date", "country"]
    maker = _KeyMaker(header, Columns(name="name", schema="type", birth_date="birth_date",
                                      country="country"))
    keys = [maker.key([rows[i][c] for c in header]) for i in ids]
    queries = [k for k in keys if not isinstance(k, str)]
    ids = [i for i, k in zip(ids, keys, strict=True) if not isinstance(k, str)]
    _SCREENER = screener
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        exhaustive = pool.map(_exhaustive, queries, chunksize=1)
    elapsed = time.perf_counter() - start
    total = sum(len(e) for e in exhaustive)
    missed = sum(len(e - indexed.get(i, set())) for i, e in zip(ids, exhaustive, strict=True))
    return {"queries": len(ids), "exhaustive_matches": total, "missed": missed,
            "missed_share": missed / max(total, 1), "exhaustive_s_per_query": elapsed / len(ids)}


def baseline(screener: Screener, cp: Path, n: int, workers: int) -> dict[str, float]:
    from baseline_cdist import screen_baseline

    choices = [name for e in screener.entities for name in e.all_names]
    names = [r["name"] for r in _read(cp)[:n]]
    _, elapsed = screen_baseline(names, choices, workers=workers)
    return {"rows": len(names), "rows_per_s": len(names) / elapsed}


def profile(screener: Screener, cp: Path, rows: int, out_dir: Path) -> str:
    sample = out_dir / "profile_sample.csv"
    with cp.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i > rows:
                break
            dst.write(line)
    profiler = cProfile.Profile()
    profiler.enable()
    screen_csv(sample, out_dir / "profile_out.csv", screener=screener, workers=1)
    profiler.disable()
    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).sort_stats("tottime").print_stats(18)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--data", type=Path, default=Path(__file__).parent / "data")
    parser.add_argument("--baseline-rows", type=int, default=2_000)
    parser.add_argument("--exhaustive", type=int, default=40, help="rows scored exhaustively")
    parser.add_argument("--profile", type=int, default=0, help="rows to profile (0: skip)")
    args = parser.parse_args()
    list_path, cp, truth = _ensure_data(args.data, args.rows)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"input: {cp} ({args.rows:,} rows)")

    start = time.perf_counter()
    entities, source = load_list(str(list_path))
    loaded = time.perf_counter()
    screener = Screener(entities, sources=[source])
    built = time.perf_counter()
    names = sum(len(e.all_names) for e in entities)
    print(f"list: {len(entities):,} entities, {names:,} names; load {loaded - start:.2f} s, "
          f"index build {built - loaded:.2f} s ({len(screener.index):,} indexed spellings)")

    results = {}
    for workers in (int(w) for w in args.workers.split(",")):
        r = run_cli(list_path, cp, args.data, workers)
        results[workers] = r
        print(f"CLI workers={workers}: {r['wall']:.1f} s wall, "
              f"{args.rows / r['wall']:,.0f} rows/s end to end "
              f"({args.rows / r['screening']:,.0f} rows/s screening only; lists loaded and "
              f"indexed in {r['build']:.1f} s); peak RSS {r['rss_mb']:,.0f} MB, "
              f"PSS {r['pss_mb']:,.0f} MB")
    best = max(results)
    alerts = args.data / f"alerts_w{best}.csv"
    if len(results) > 1:
        same = len({(args.data / f"out_w{w}.csv").read_bytes() for w in results}) == 1
        print(f"outputs identical across worker counts: {same}")

    base = baseline(screener, cp, args.baseline_rows, workers=2)
    ours = args.rows / results[best]["wall"]
    print(f"baseline cdist (workers=2, {base['rows']:,} rows x {names:,} names): "
          f"{base['rows_per_s']:,.0f} rows/s; ratio {ours / base['rows_per_s']:.1f}x")

    q = quality(cp, truth, alerts)
    print(f"planted recall: {q['recall']:.3f} of {q['planted']:,}; alerting rows per 1,000 "
          f"non-planted rows: {q['alert_rows_per_1000']:.1f}")
    if args.exhaustive:
        a = agreement(screener, cp, truth, alerts, args.exhaustive, workers=2)
        print(f"exhaustive agreement on {a['queries']} rows: {a['missed']} of "
              f"{a['exhaustive_matches']} exhaustive matches missed by the index "
              f"({a['missed_share']:.2%}); exhaustive scoring "
              f"{a['exhaustive_s_per_query']:.1f} s/query")
    if args.profile:
        print(profile(screener, cp, args.profile, args.data))


if __name__ == "__main__":
    main()
