"""Benchmark ``screening tune``: 10,000 labelled rows against a 50,000-name synthetic list.

Run ``python benchmarks/tune_bench.py [--rows 10000] [--names 50000]``. Prints the index build
time, the screening time of :func:`screening.tune.evaluate` (rows/s) and the time of the
threshold sweep and recommendation, which should be negligible: scores are kept, so
re-thresholding costs nothing. The list is synthetic (seeded, reproducible): romanized and
Han person names plus company names; the labelled rows are one half spelling variants of
listed names (positives) and one half unlisted names (negatives).
"""

from __future__ import annotations

import argparse
import os
import random
import time

from screening import Entity, Query, Screener
from screening.tune import LabelledRecord, evaluate

SURNAMES = (
    ("王", "wang"),
    ("李", "li"),
    ("张", "zhang"),
    ("刘", "liu"),
    ("陈", "chen"),
    ("杨", "yang"),
    ("黄", "huang"),
    ("赵", "zhao"),
    ("吴", "wu"),
    ("周", "zhou"),
    ("徐", "xu"),
    ("孙", "sun"),
    ("马", "ma"),
    ("朱", "zhu"),
    ("胡", "hu"),
    ("郭", "guo"),
    ("何", "he"),
    ("林", "lin"),
    ("罗", "luo"),
    ("高", "gao"),
    ("郑", "zheng"),
    ("梁", "liang"),
    ("谢", "xie"),
    ("宋", "song"),
)
GIVEN = (
    ("伟", "wei"),
    ("芳", "fang"),
    ("娜", "na"),
    ("敏", "min"),
    ("静", "jing"),
    ("丽", "li"),
    ("强", "qiang"),
    ("磊", "lei"),
    ("军", "jun"),
    ("洋", "yang"),
    ("勇", "yong"),
    ("艳", "yan"),
    ("杰", "jie"),
    ("涛", "tao"),
    ("明", "ming"),
    ("超", "chao"),
    ("秀", "xiu"),
    ("霞", "xia"),
    ("平", "ping"),
    ("刚", "gang"),
    ("桂", "gui"),
    ("海", "hai"),
    ("伦", "lun"),
    ("建", "jian"),
    ("国", "guo"),
    ("华", "hua"),
    ("文", "wen"),
    ("志", "zhi"),
    ("新", "xin"),
    ("德", "de"),
    ("宏", "hong"),
    ("春", "chun"),
    ("东", "dong"),
    ("飞", "fei"),
    ("斌", "bin"),
    ("鹏", "peng"),
    ("辉", "hui"),
    ("玉", "yu"),
    ("兰", "lan"),
    ("凤", "feng"),
    ("云", "yun"),
    ("山", "shan"),
    ("成", "cheng"),
    ("光", "guang"),
    ("荣", "rong"),
    ("庆", "qing"),
    ("福", "fu"),
    ("瑞", "rui"),
)
#: Letters for non-Chinese names (most names on real lists are not Chinese).
ONSETS = ("b", "d", "f", "g", "h", "k", "l", "m", "n", "r", "s", "t", "v", "z", "sh", "kh")
VOWELS = ("a", "e", "i", "o", "u", "ai", "ou")
ORG_WORDS = (
    "Dragon",
    "Pacific",
    "Golden",
    "Star",
    "Ocean",
    "Harbor",
    "Eastern",
    "Unity",
    "Bright",
    "Summit",
    "Jade",
    "Phoenix",
    "Silk",
    "Delta",
    "Crown",
    "Pearl",
    "Orient",
    "Lotus",
)
ORG_KINDS = ("Trading", "Technology", "Electronics", "Logistics", "Shipping", "Industrial")
ORG_FORMS = ("Co., Ltd.", "Limited", "Group Co., Ltd.", "Corporation")
#: Wade-Giles spellings of a few pinyin syllables, for variants.
WADE = {
    "zhang": "chang",
    "zhou": "chou",
    "zhu": "chu",
    "zheng": "cheng",
    "xu": "hsu",
    "xie": "hsieh",
    "qiang": "chiang",
    "jian": "chien",
    "zhi": "chih",
    "xin": "hsin",
}


def _person(rng: random.Random) -> tuple[str, str]:
    """A (romanized, Han) person name with a two-syllable given name."""
    sur = rng.choice(SURNAMES)
    g1, g2 = rng.choice(GIVEN), rng.choice(GIVEN)
    return f"{sur[1].upper()} {g1[1].capitalize()}{g2[1]}", sur[0] + g1[0] + g2[0]


def _foreign(rng: random.Random) -> str:
    """A non-Chinese person name of two or three made-up words."""
    words = [
        "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.randint(2, 3)))
        for _ in range(rng.randint(2, 3))
    ]
    return " ".join(w.capitalize() for w in words)


def _company(rng: random.Random) -> str:
    words = rng.sample(ORG_WORDS, 2)
    return f"{' '.join(words)} {rng.choice(ORG_KINDS)} {rng.choice(ORG_FORMS)}"


def synthetic_list(names: int, seed: int = 5) -> list[Entity]:
    """About ``names`` list names: persons carry a romanized and a Han name, companies one."""
    rng = random.Random(seed)
    entities: list[Entity] = []
    count = 0
    while count < names:
        i = len(entities)
        draw = rng.random()
        if draw < 0.4:
            latin, han = _person(rng)
            entities.append(Entity(id=f"p{i}", schema="Person", names=(latin, han)))
            count += 2
        elif draw < 0.7:
            entities.append(Entity(id=f"f{i}", schema="Person", names=(_foreign(rng),)))
            count += 1
        else:
            entities.append(Entity(id=f"c{i}", schema="Company", names=(_company(rng),)))
            count += 1
    return entities


def _variant(name: str, rng: random.Random) -> str:
    """A spelling a customer file might hold: reordered, Wade-Giles, hyphenated, lower case."""
    words = name.lower().split()
    choice = rng.randrange(4)
    if choice == 0:
        words = [WADE.get(w, w) for w in words]
    elif choice == 1:
        words = words[1:] + words[:1]
    elif choice == 2 and len(words) > 1:
        return name
    return " ".join(w.capitalize() for w in words)


def labelled_rows(entities: list[Entity], rows: int, seed: int = 7) -> list[LabelledRecord]:
    """Half positives (variants of listed names), half negatives (fresh random names)."""
    rng = random.Random(seed)
    out: list[LabelledRecord] = []
    for line in range(2, rows + 2):
        if line % 2:
            entity = rng.choice(entities)
            name = rng.choice(entity.names)
            query = Query(name=_variant(name, rng), schema=entity.schema)
            out.append(LabelledRecord(line=line, query=query, expected=entity.id))
        elif (draw := rng.random()) < 0.4:
            out.append(LabelledRecord(line=line, query=Query(_person(rng)[0], schema="Person")))
        elif draw < 0.7:
            out.append(LabelledRecord(line=line, query=Query(_foreign(rng), schema="Person")))
        else:
            out.append(LabelledRecord(line=line, query=Query(_company(rng), schema="Company")))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--names", type=int, default=50_000)
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    args = parser.parse_args()
    entities = synthetic_list(args.names)
    records = labelled_rows(entities, args.rows)
    start = time.perf_counter()
    screener = Screener(entities)
    built = time.perf_counter()
    result = evaluate(screener, records, workers=args.workers)
    screened = time.perf_counter()
    table = result.table()
    rec = result.recommend(0.99)
    swept = time.perf_counter()
    print(f"cpus available: {len(os.sched_getaffinity(0))}, workers: {args.workers}")
    print(f"list: {len(entities)} entities, {len(screener.index)} indexed names")
    print(f"index build: {built - start:.1f} s")
    print(
        f"evaluate: {len(records)} rows in {screened - built:.1f} s "
        f"({len(records) / (screened - built):.0f} rows/s), {len(result.problems)} problems"
    )
    print(f"sweep + recommend ({len(table)} table rows): {swept - screened:.2f} s")
    print(
        f"recommended {rec.threshold:.2f} at target 0.99: recall {rec.at_threshold.recall:.3f}, "
        f"{rec.at_threshold.alerts_per_1000:.1f} alerts per 1,000 rows"
    )
    print(f"total: {swept - start:.1f} s")


if __name__ == "__main__":
    main()
