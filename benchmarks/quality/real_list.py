"""The labelled evaluation's variant classes on real list names, in a full-size index.

The project's evaluation (``run.py``) builds its list from a generator. This one takes the
China-related designations of the official lists (``../shared/reference/``, a snapshot of
2,874 names of 1,225 persons and entities as listed), makes the same kinds of variants of
their primary names (Unicode noise, one and two typos, and for companies another legal
form, capitals without punctuation, the leading place dropped; for persons listed in Hanyu
Pinyin, the name in another order, joined, split or hyphenated, and in Wade-Giles; for
Han-script names, the traditional form, and the Han name against the list without its Han
aliases), and screens them against an
index holding those entities and, with ``--crowd``, the 20,000 synthetic entities of the bulk
benchmark (``benchmarks/data/list.ftm.json``): a list of full size, where retrieval is
hardest. Negatives are the evaluation's unlisted names. Prints recall or false-alert rate
per class at the default threshold, and the index's recall on a sample.

    python benchmarks/quality/real_list.py --crowd
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

import attrs

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import generate  # noqa: E402

from screening import Screener, load_list  # noqa: E402
from screening.config import DEFAULT_THRESHOLD  # noqa: E402
from screening.model import Entity, Query  # noqa: E402
from screening.normalize.names import (  # noqa: E402
    CHINESE_PLACES,
    GENERIC_ORG_WORDS,
    fold_org_words,
    split_generic,
    split_words,
)
from screening.normalize.text import has_han  # noqa: E402
from screening.transliterate._syllables import PINYIN  # noqa: E402
from screening.transliterate.chinese import to_traditional  # noqa: E402
from screening.transliterate.romanization import segment  # noqa: E402

REFERENCE = ROOT.parent / "shared" / "reference" / "china_related_designations_2022-05-05.csv"
SCHEMAS = {"individual": "Person", "person": "Person", "entity": "Company",
           "enterprise": "Company"}  # fmt: skip
#: Legal forms swapped for another way of writing the same form.
FORM_SWAPS = (
    ("Co., Ltd.", "Company Limited"), ("Co., Ltd", "Co Ltd"), ("Company Limited", "Co., Ltd."),
    ("Limited", "Ltd"), ("Ltd.", "Limited"), ("Corporation", "Corp."), ("Corp.", "Corporation"),
    ("Inc.", "Incorporated"), ("Technology", "Tech"), ("Technologies", "Tech"),
)  # fmt: skip


def real_entities(path: Path) -> list[Entity]:
    rows: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            rows[(r["sanction_list"], r["list_internal_id"])].append(r)
    entities = []
    for i, group in enumerate(rows.values()):
        names = tuple(dict.fromkeys(n for r in group if (n := r["full_name"].strip())))
        if not names:
            continue
        kind = group[0]["entity_type"].strip().lower()
        schema = SCHEMAS.get(kind, "Vessel" if kind else "LegalEntity")
        entities.append(Entity(id=f"ref-{i}", schema=schema, names=names))
    return entities


def _org_form(rng: random.Random, name: str) -> str | None:
    choices = [name.replace(a, b) for a, b in FORM_SWAPS if a in name]
    words = name.split()
    if len(words) > 2 and words[0].lower().strip(",") in CHINESE_PLACES:
        # Only where a brand remains: "Institute of Technology" is no name of its own.
        rest = " ".join(words[1:])
        brand, _ = split_generic(fold_org_words(split_words(rest))[0])
        if any(w not in GENERIC_ORG_WORDS for w in brand):
            choices.append(rest)
    if any(c in name for c in ",."):
        choices.append(name.upper().replace(",", "").replace(".", ""))
    return rng.choice(choices) if choices else None


def _pinyin_person(name: str) -> tuple[list[str], list[str]] | None:
    """(surname syllables, given-name syllables) of a person listed in Hanyu Pinyin with a
    known surname position: ``ZHU, Hailun`` (OFAC) or ``ZHU Hailun`` (EU, capital
    surname); ``None`` for any other name (Hong Kong, Korean, Uyghur, Western)."""
    if "," in name:
        surname, _, given = name.partition(",")
    else:
        words = name.split()
        if len(words) != 2 or not words[0].isupper() or words[1].isupper():
            return None
        surname, given = words
    parts: list[list[str]] = []
    for text in (surname, given):
        syllables: list[str] = []
        for word in text.replace("-", " ").split():
            split = segment(word.lower())
            if split is None or any(x not in PINYIN for x in split):
                return None
            syllables.extend(split)
        parts.append(syllables)
    sur, giv = parts
    if not 1 <= len(sur) <= 2 or not 1 <= len(giv) <= 3:
        return None
    return sur, giv


def romanized(entities: list[Entity]) -> list[generate.Labelled]:
    """Spelling and romanization variants of persons listed in Hanyu Pinyin."""
    rng = random.Random(generate.SEED + 12)
    out = []
    for e in entities:
        if e.schema != "Person":
            continue
        parsed = next((p for n in e.names if (p := _pinyin_person(n))), None)
        if parsed is None:
            continue
        sur, giv = parsed
        q = generate.pinyin_spelling(rng, sur, giv)
        out.append(generate.Labelled(q, rng.choice(("Person", "")), e.id, "pinyin_spelling"))
        out.append(generate.Labelled(generate._wade_giles(rng, sur + giv, len(sur)), "Person",
                                     e.id, "wade_giles"))
    return out


def han_variants(entities: list[Entity]) -> list[generate.Labelled]:
    """Han names written in traditional characters (``han_script``), where that differs."""
    out = []
    for e in entities:
        for n in e.names:
            if has_han(n) and (trad := to_traditional(n)) != n:
                out.append(generate.Labelled(trad, e.schema, e.id, "han_script"))
                break
    return out


def han_to_latin(screener_entities: list[Entity]) -> tuple[list[Entity], list[generate.Labelled]]:
    """The entities with Han aliases, without them, and their Han names as queries: a Han
    query must find the romanized list name (``han_to_latin``)."""
    stripped, queries = [], []
    for e in screener_entities:
        han = [n for n in e.names if has_han(n)]
        latin = tuple(n for n in e.names if not has_han(n))
        if han and latin:
            stripped.append(attrs.evolve(e, names=latin))
            queries.append(generate.Labelled(han[0], e.schema, e.id, "han_to_latin"))
    return stripped, queries


def variants(entities: list[Entity]) -> list[generate.Labelled]:
    rng = random.Random(generate.SEED + 11)
    out = []
    for e in entities:
        primary = e.names[0]
        if len(primary) < 4:
            continue
        noisy = generate._noise(rng, primary)
        if e.schema != "Person":  # titles go before persons' names only
            for title in generate.TITLES:
                noisy = noisy.replace(title + " ", "")
        out.append(generate.Labelled(noisy, e.schema, e.id, "unicode_noise"))
        out.append(generate.Labelled(generate._typo(rng, primary, 1), e.schema, e.id, "typo_1"))
        out.append(generate.Labelled(generate._typo(rng, primary, 2), e.schema, e.id, "typo_2"))
        if e.schema != "Person" and (q := _org_form(rng, primary)) and q != primary:
            out.append(generate.Labelled(q, rng.choice((e.schema, "")), e.id, "org_forms"))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    parser.add_argument("--crowd", action="store_true",
                        help="add the bulk benchmark's 20,000 synthetic entities to the index")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--index-sample", type=int, default=300)
    parser.add_argument("--show-misses", type=int, default=0)
    args = parser.parse_args()
    if not args.reference.exists():
        sys.exit(f"{args.reference} not found: it is in ../shared/reference/ beside the checkout")
    entities = real_entities(args.reference)
    listed = len(entities)
    if args.crowd:
        crowd = ROOT / "benchmarks" / "data" / "list.ftm.json"
        if not crowd.exists():
            sys.exit("run benchmarks/bulk.py first: it writes benchmarks/data/list.ftm.json")
        entities += load_list(crowd)[0]
    start = time.perf_counter()
    screener = Screener(entities)
    print(f"index: {listed:,} real entities{' + synthetic crowd' if args.crowd else ''}, "
          f"{len(screener.index):,} spellings, built in {time.perf_counter() - start:.1f} s")
    rows = variants(entities[:listed])
    rows += romanized(entities[:listed]) + han_variants(entities[:listed])
    world = generate.build_world()
    listed_names = {n.lower() for e in entities for n in e.names}
    rows += [r for r in generate.negatives(world, 900) if r.name.lower() not in listed_names]
    by_class: dict[str, list[tuple[generate.Labelled, float, float]]] = defaultdict(list)
    start = time.perf_counter()
    for r in rows:
        query = Query(name=r.name, schema=r.schema or None)
        matches = screener.screen_query(query, limit=50, threshold=0.5)
        exp = max((m.score for m in matches if m.entity.id == r.expected), default=0.0)
        oth = max((m.score for m in matches if m.entity.id != r.expected), default=0.0)
        by_class[r.klass].append((r, exp, oth))
    # Han to Latin: the Han names against the same index without any Han alias.
    stripped, han_rows = han_to_latin(entities[:listed])
    if han_rows:
        kept = {e.id for e in stripped}
        latin_only = Screener([*stripped, *(e for e in entities if e.id not in kept)])
        for r in han_rows:
            matches = latin_only.screen_query(Query(name=r.name, schema=r.schema), limit=50,
                                              threshold=0.5)
            exp = max((m.score for m in matches if m.entity.id == r.expected), default=0.0)
            oth = max((m.score for m in matches if m.entity.id != r.expected), default=0.0)
            by_class[r.klass].append((r, exp, oth))
    print(f"{len(rows) + len(han_rows):,} queries in {time.perf_counter() - start:.1f} s; "
          f"threshold {args.threshold:.2f}\n")
    print("| class | kind | queries | recall / false-alert rate |\n|---|---|---:|---:|")
    for klass, items in by_class.items():
        if klass.startswith("neg_"):
            share = sum(o >= args.threshold for _, _, o in items) / len(items)
            kind = "false-alert rate"
        else:
            share = sum(x >= args.threshold for _, x, _ in items) / len(items)
            kind = "recall"
        print(f"| {klass} | {kind} | {len(items)} | {share:.2%} |")
    if args.show_misses:
        for klass, items in by_class.items():
            wrong = [(r, x, o) for r, x, o in items
                     if (o if klass.startswith("neg_") else -x) >= (args.threshold if
                         klass.startswith("neg_") else -args.threshold + 1e-9)]  # fmt: skip
            for r, x, o in wrong[: args.show_misses]:
                target = screener.get(r.expected).names[0] if r.expected else ""
                print(f"  [{klass}] {r.name!r} -> {target!r} {x:.3f} (other {o:.3f})")
    rng = random.Random(5)
    sample = rng.sample([r for items in by_class.values() for r, _, _ in items],
                        min(args.index_sample, len(rows)))  # fmt: skip
    total = missed = 0
    for r in sample:
        query = Query(name=r.name, schema=r.schema or None)
        fast = {m.entity.id for m in screener.screen_query(query, limit=1000)}
        for m in screener.screen_query(query, limit=1000, use_index=False):
            total += 1
            if m.entity.id not in fast:
                missed += 1
                if args.show_misses:
                    print(f"  index missed: {r.name!r} -> {m.matched_name!r} {m.score:.3f}")
    print(f"\nindex recall on {len(sample)} sampled queries: {1 - missed / max(total, 1):.2%} "
          f"({total - missed}/{total} exhaustive matches at or above the threshold)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
