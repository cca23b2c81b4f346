"""What one distinct name costs to screen, in process, and where the time goes.

The bulk command screens each distinct name once; this prints the cost of one, split into
candidate retrieval (``Search``) and scoring (``Screener._score``), on the
synthetic list and counterparties of ``benchmarks/bulk.py``, caches warmed on the first
``--warm`` names. Compare runs of it within one sitting: the machine's speed varies.

    python benchmarks/per_name.py --names 1500
"""

from __future__ import annotations

import argparse
import csv
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screening import Screener, load_list  # noqa: E402
from screening.index import Search  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).parent / "data")
    parser.add_argument("--rows", type=int, default=100_000, help="counterparty file size")
    parser.add_argument("--names", type=int, default=1_500)
    parser.add_argument("--warm", type=int, default=300)
    args = parser.parse_args()
    list_path = args.data / "list.ftm.json"
    rows_path = args.data / f"counterparties_{args.rows}.csv"
    if not list_path.exists() or not rows_path.exists():
        sys.exit(f"run benchmarks/bulk.py --rows {args.rows} first: it writes {args.data}")

    entities, _ = load_list(list_path)
    start = time.perf_counter()
    screener = Screener(entities)
    print(f"index build: {time.perf_counter() - start:.2f} s ({len(screener.index):,} spellings)")
    gc.freeze()  # as the bulk command does
    with rows_path.open(encoding="utf-8", newline="") as f:
        names = list(dict.fromkeys(r["name"] for r in csv.DictReader(f)))
    warm, names_timed = names[: args.warm], names[args.warm : args.warm + args.names]
    for name in warm:
        screener.screen(name)

    spent = {"retrieval": 0.0, "scoring": 0.0}

    def timed(part: str, method: Callable[..., Any]) -> Callable[..., Any]:
        def run(*a: Any, **k: Any) -> Any:
            t = time.perf_counter()
            try:
                return method(*a, **k)
            finally:
                spent[part] += time.perf_counter() - t

        return run

    # Retrieval: starting a search (a query's parts) and each request for candidates.
    Search.__init__ = timed("retrieval", Search.__init__)  # type: ignore[method-assign]
    Search.candidates = timed("retrieval", Search.candidates)  # type: ignore[method-assign]
    # An instance attribute shadows the method for this screener only.
    screener._score = timed("scoring", screener._score)  # type: ignore[method-assign]
    start = time.perf_counter()
    for name in names_timed:
        screener.screen(name)
    total = time.perf_counter() - start
    n = len(names_timed)
    print(
        f"{n:,} distinct names: {total / n * 1e3:.2f} ms a name "
        f"(retrieval {spent['retrieval'] / n * 1e3:.2f} ms, "
        f"scoring {spent['scoring'] / n * 1e3:.2f} ms, "
        f"rest {(total - sum(spent.values())) / n * 1e3:.2f} ms)"
    )


if __name__ == "__main__":
    main()
