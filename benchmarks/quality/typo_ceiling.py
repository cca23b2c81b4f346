"""How much typo recall letters alone can buy, and what it costs in false alerts.

For every typo query and every negative or near-miss query of the evaluation, this finds the
fewest letter edits (OSA: substitution, insertion, deletion, swap of neighbours) between the
query and a list name, both reduced to their letters (Han names to their pinyin) and the
query taken in any word order. An engine that alerted on exactly the list names within one
edit (two edits) of a query of at least N letters would reach the typo recall printed, and
alert on the negative and near-miss queries printed. No scoring rule can do better on the
typo classes without alerting at least that often, because a typo and a different real
name are then the same string.

    python benchmarks/quality/typo_ceiling.py
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate

from screening.score.name import NameForm, analyze_name

CLASSES = ("typo_1", "typo_2", "neg_chinese_person", "neg_western_person", "neg_company",
           "near_syllable", "near_partial")  # fmt: skip


def letters(form: NameForm) -> list[str]:
    """The name's letters in every word order (one string for a name of one word)."""
    words = ["".join(s.text for s in w) for w in form.slots]
    if not words:
        brand = [s.text for o in form.org for s in o.slots]
        return ["".join(brand)] if brand else [form.normalized.replace(" ", "")]
    n = len(words)
    orders = [words[i:] + words[:i] for i in range(n)] + ([words[::-1]] if n > 2 else [])
    return ["".join(o) for o in orders]


def main() -> int:
    entities, rows = generate.build()
    names: list[str] = []
    owner: list[str] = []
    for e in entities:
        for name in e.names:
            for text in letters(analyze_name(name, e.schema))[:1]:
                names.append(text)
                owner.append(e.id)
    # Per query: (letters, fewest edits to the expected entity, fewest edits to any entity).
    found: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for r in rows:
        if r.klass not in CLASSES:
            continue
        texts = letters(analyze_name(r.name, r.schema or None))
        to_expected = to_any = 99
        for text in texts:
            for _, dist, i in process.extract(
                text, names, scorer=OSA.distance, score_cutoff=2, limit=None
            ):
                to_any = min(to_any, int(dist))
                if owner[i] == r.expected:
                    to_expected = min(to_expected, int(dist))
        found[r.klass].append((min(len(t) for t in texts), to_expected, to_any))

    print("alert on a list name within E edits of a query of at least N letters:\n")
    print("| E | N | " + " | ".join(CLASSES) + " |")
    print("|---|---|" + "---:|" * len(CLASSES))
    for edits, minimum in ((1, 4), (1, 6), (1, 8), (1, 10), (1, 12), (2, 8), (2, 12)):
        cells = []
        for klass in CLASSES:
            items = found[klass]
            hit = 0
            for size, to_expected, to_any in items:
                distance = to_expected if klass.startswith("typo") else to_any
                hit += size >= minimum and distance <= edits
            cells.append(f"{100 * hit / max(len(items), 1):.1f}%")
        print(f"| {edits} | {minimum} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
