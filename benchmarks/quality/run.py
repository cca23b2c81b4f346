"""Run the labelled evaluation and print recall / false-alert rates per variant class.

    python benchmarks/quality/run.py                 # default threshold from screening.config
    python benchmarks/quality/run.py --threshold 0.8 --index-sample 600

Definitions: a positive row is *found* when its expected entity scores at or above the
threshold. The false-alert rate of a negative class is the share of its queries with any
match at or above the threshold; near-miss classes report the same share as "alert rate".
"Recall at 1% FAR" picks the lowest threshold at which the pooled negative classes alert on at
most 1% of queries, and reports recall there. "Index recall" is the share of matches that
exhaustive scoring (every list name) finds at or above the threshold which the indexed
screen also returns (measured on a sample of queries).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate

from screening import Screener
from screening.config import DEFAULT_THRESHOLD
from screening.model import Query

POSITIVE = ("unicode_noise", "han_script", "han_to_latin", "pinyin_spelling", "wade_giles",
            "cantonese", "org_forms", "org_acronym", "typo_1", "typo_2", "han_transcription",
            "mixed_script", "hangul", "korean_romanization")  # fmt: skip
NEGATIVE = ("neg_chinese_person", "neg_western_person", "neg_korean_person", "neg_company")
NEAR = ("near_syllable", "near_partial")


def _query(r: generate.Labelled) -> Query:
    return Query(name=r.name, schema=r.schema or None, birth_date=r.birth_date or None,
                 country=r.country or None)


def evaluate(threshold: float, index_sample: int, show_misses: int) -> int:
    entities, rows = generate.build()
    t0 = time.perf_counter()
    screener = Screener(entities)
    build = time.perf_counter() - t0
    t0 = time.perf_counter()
    expected_score: list[float] = []
    other_score: list[float] = []
    for r in rows:
        matches = screener.screen_query(_query(r), limit=50, threshold=0.5)
        exp = max((m.score for m in matches if m.entity.id == r.expected), default=0.0)
        oth = max((m.score for m in matches if m.entity.id != r.expected), default=0.0)
        expected_score.append(exp)
        other_score.append(oth)
    elapsed = time.perf_counter() - t0
    by_class: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_class[r.klass].append(i)

    neg_idx = [i for k in NEGATIVE for i in by_class[k]]
    # lowest threshold with pooled false-alert rate <= 1%
    candidates = sorted({round(x / 100, 2) for x in range(50, 101)})
    t_far = 1.0
    for t in candidates:
        far = sum(1 for i in neg_idx if other_score[i] >= t) / max(len(neg_idx), 1)
        if far <= 0.01:
            t_far = t
            break

    print(f"list: {len(entities)} entities, {len(screener.index)} indexed names "
          f"(index build {build:.2f} s); {len(rows)} labelled queries screened in "
          f"{elapsed:.1f} s ({len(rows) / elapsed:.0f} queries/s)")
    print(f"threshold {threshold:.2f}; threshold at 1% false-alert rate: {t_far:.2f}\n")
    print(f"| class | kind | queries | recall / alert rate at {threshold:.2f} | "
          f"recall at 1% FAR ({t_far:.2f}) |")
    print("|---|---|---:|---:|---:|")
    for k in (*POSITIVE, *NEGATIVE, *NEAR):
        idx = by_class.get(k, [])
        if not idx:
            continue
        if k in POSITIVE:
            rate = sum(1 for i in idx if expected_score[i] >= threshold) / len(idx)
            at_far = sum(1 for i in idx if expected_score[i] >= t_far) / len(idx)
            print(f"| {k} | recall | {len(idx)} | {rate:.2%} | {at_far:.2%} |")
        else:
            rate = sum(1 for i in idx if other_score[i] >= threshold) / len(idx)
            kind = "false-alert rate" if k in NEGATIVE else "alert rate"
            print(f"| {k} | {kind} | {len(idx)} | {rate:.2%} | |")
    far_all = sum(1 for i in neg_idx if other_score[i] >= threshold) / len(neg_idx)
    print(f"\npooled false-alert rate at {threshold:.2f}: {far_all:.2%}")

    if index_sample:
        rng = random.Random(7)
        sample = rng.sample(range(len(rows)), min(index_sample, len(rows)))
        total = missed = 0
        for i in sample:
            q = _query(rows[i])
            fast = {m.entity.id for m in screener.screen_query(q, limit=100, threshold=threshold)}
            slow = screener.screen_query(q, limit=100, threshold=threshold, use_index=False)
            for m in slow:
                total += 1
                if m.entity.id not in fast:
                    missed += 1
                    if show_misses:
                        print(f"  index missed: {q.name!r} -> {m.matched_name!r} {m.score:.3f}")
        share = 1 - missed / total if total else 1.0
        print(f"index recall on {len(sample)} sampled queries: {share:.2%} "
              f"({total - missed}/{total} exhaustive matches >= {threshold:.2f} retrieved)")

    if show_misses:
        print("\nsample misses:")
        for k in POSITIVE:
            shown = 0
            for i in by_class.get(k, []):
                if expected_score[i] < threshold and shown < show_misses:
                    r = rows[i]
                    e = screener.get(r.expected)
                    print(f"  [{k}] {r.name!r} -> {e.names} score {expected_score[i]:.3f}")
                    shown += 1
        for k in (*NEGATIVE, *NEAR):
            shown = 0
            for i in by_class.get(k, []):
                if other_score[i] >= threshold and shown < show_misses:
                    r = rows[i]
                    found = screener.screen_query(_query(r), limit=1, threshold=threshold)
                    if found:
                        m = found[0]
                        print(f"  [{k}] {r.name!r} alerts on {m.matched_name!r} {m.score:.3f}")
                    shown += 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--index-sample", type=int, default=300)
    parser.add_argument("--show-misses", type=int, default=0)
    args = parser.parse_args()
    return evaluate(args.threshold, args.index_sample, args.show_misses)


if __name__ == "__main__":
    sys.exit(main())
