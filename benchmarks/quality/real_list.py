"""The labelled evaluation's variant classes on real list names, in a full-size index.

The project's evaluation (``run.py``) builds its list from a generator. This one takes the
China-related designations of the official lists (``../shared/reference/``, a snapshot of
2,874 names of 1,225 persons and entities as listed), makes the same kinds of variants of
their primary names (Unicode noise, one and two typos, and for companies another legal
form, capitals without punctuation, the leading place dropped, and the name followed by its
initials in parentheses, ``org_acronym``; for persons listed in Hanyu
Pinyin, the name in another order, joined, split or hyphenated, and in Wade-Giles; for
Han-script names, the traditional form, and the Han name against the list without its Han
aliases), and screens them against an
index holding those entities and, with ``--crowd``, the 20,000 synthetic entities of the bulk
benchmark (``benchmarks/data/list.ftm.json``): a list of full size, where retrieval is
hardest. With ``--official``, the persons and entities of every official list sample in
``../shared/fixtures/official/`` (OFAC, UK, UN, Canada, BIS and CSL excerpts: Russian,
Iranian, Burmese, Syrian, Zimbabwean, Chinese names...) are listed and varied too, each
class split by persons and organisations. Negatives are the evaluation's unlisted names.
Prints recall or false-alert rate per class at the default threshold, how many of each
class's misses are the index's (every list name scored finds the expected entity at or
above the threshold), and the index's recall on a sample.

    python benchmarks/quality/real_list.py --crowd
    python benchmarks/quality/real_list.py --official
"""

from __future__ import annotations

import argparse
import csv
import functools
import logging
import random
import re
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
from screening.errors import ListFormatError  # noqa: E402
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
from screening.transliterate.japanese import has_kana  # noqa: E402
from screening.transliterate.korean import (  # noqa: E402
    SURNAME_SPELLINGS,
    romanize_syllable,
    split_korean_name,
)
from screening.transliterate.romanization import segment  # noqa: E402

REFERENCE = ROOT.parent / "shared" / "reference" / "china_related_designations_2022-05-05.csv"
OFFICIAL = ROOT.parent / "shared" / "fixtures" / "official"
SCHEMAS = {"individual": "Person", "person": "Person", "entity": "Company",
           "enterprise": "Company"}  # fmt: skip
#: Legal forms swapped for another way of writing the same form.
FORM_SWAPS = (
    ("Co., Ltd.", "Company Limited"), ("Co., Ltd", "Co Ltd"), ("Company Limited", "Co., Ltd."),
    ("Limited", "Ltd"), ("Ltd.", "Limited"), ("Corporation", "Corp."), ("Corp.", "Corporation"),
    ("Inc.", "Incorporated"), ("Technology", "Tech"), ("Technologies", "Tech"),
)  # fmt: skip
#: Long legal forms and their initials, either way, in any case and with or without a
#: hyphen (the Russian, Iranian and South Asian companies of the official lists: ``OPEN
#: JOINT-STOCK COMPANY``, ``PJSC``, ``Limited Liability Company``, ``LLC``, ``FSUE``).
INITIAL_SWAPS = tuple(
    (re.compile(rf"\b{pattern}\b", re.IGNORECASE), full, short)
    for pattern, full, short in (
        (r"open joint[- ]stock company", "Open Joint Stock Company", "OJSC"),
        (r"public joint[- ]stock company", "Public Joint Stock Company", "PJSC"),
        (r"closed joint[- ]stock company", "Closed Joint Stock Company", "CJSC"),
        (r"(?<!open )(?<!public )(?<!closed )joint[- ]stock company", "Joint Stock Company",
         "JSC"),
        (r"limited liability company", "Limited Liability Company", "LLC"),
        (r"federal state unitary enterprise", "Federal State Unitary Enterprise", "FSUE"),
        (r"private limited", "Private Limited", "Pvt Ltd"),
    )
)


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
    for pattern, full, short in INITIAL_SWAPS:
        if pattern.search(name):
            choices.append(pattern.sub(short, name))
        elif re.search(rf"\b{short}\b", name):
            choices.append(re.sub(rf"\b{short}\b", full, name))
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


#: Pinyin and Wade-Giles variants of the crowd's own Chinese persons, at most.
CROWD_ROMANIZED = 1200


def crowd_romanized(crowd: list[Entity]) -> list[generate.Labelled]:
    """:func:`romanized` of the crowd's persons listed in pinyin (a sample, classes
    ``crowd_pinyin`` and ``crowd_wade_giles``): on a list of full size their syllables are
    the commonest parts, and retrieval has the least to go by."""
    rows = romanized(crowd)
    random.Random(generate.SEED + 13).shuffle(rows)
    names = {"pinyin_spelling": "crowd_pinyin", "wade_giles": "crowd_wade_giles"}
    return [attrs.evolve(r, klass=names[r.klass]) for r in rows[:CROWD_ROMANIZED]]


def han_variants(entities: list[Entity]) -> list[generate.Labelled]:
    """Han names written in traditional characters (``han_script``), where that differs."""
    out = []
    for e in entities:
        for n in e.names:
            if has_han(n) and not has_kana(n) and (trad := to_traditional(n)) != n:
                out.append(generate.Labelled(trad, e.schema, e.id, "han_script"))
                break
    return out


def hangul_queries(entities: list[Entity]) -> list[generate.Labelled]:
    """North Korean persons of the official samples, written in Hangul as a Korean bank
    would hold them (``hangul_cases.csv``: 김철 for ``KIM, Ch'o'l``), against the entity
    that lists the romanized name (``hangul_to_latin``)."""
    by_name = {n: e for e in reversed(entities) for n in e.names}
    out = []
    with (HERE / "hangul_cases.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            entity = by_name.get(row["listed"])
            if entity is not None:
                out.append(generate.Labelled(row["hangul"], "Person", entity.id, "hangul_to_latin"))
    return out


def legal_entity_reordered(entities: list[Entity]) -> list[generate.Labelled]:
    """Persons listed as ``LegalEntity`` (no type: the BIS Denied Persons List, Entity
    List aliases), surname first, with and without a comma (``WU, Alex`` and ``Wu Alex``
    for ``ALEX WU``), screened without a type as counterparty files without a type column
    are (``legal_entity_reordered``). A name counts as a person's where it is two or three
    words of letters, the first an English given name."""
    out = []
    for e in entities:
        if e.schema != "LegalEntity":
            continue
        for name in e.names:
            words = name.split()
            if (
                2 <= len(words) <= 3
                and all(w.isalpha() for w in words)
                and is_english_given_name(words[0].lower())
            ):
                rest = " ".join(words[:-1])
                for query in (f"{words[-1]}, {rest}", f"{words[-1]} {rest}"):
                    out.append(generate.Labelled(query, "", e.id, "legal_entity_reordered"))
    return out


#: Surnames the South writes by the initial sound rule (리 → 이): a Southern spelling.
_SOUTH_SURNAMES = {"리": "이", "림": "임", "량": "양", "류": "유", "룡": "용", "로": "노"}


def korean_romanized_queries(entities: list[Entity]) -> list[generate.Labelled]:
    """The same North Korean persons as :func:`hangul_queries`, written as a South Korean
    bank would: the surname as the South spells it, the given name in the Revised
    Romanization, hyphenated (김혁철, listed ``KIM, Hyo'k-ch'o'l``: ``Kim Hyeok-cheol``),
    against the entity that lists the North's or McCune-Reischauer's spelling
    (``korean_romanization``)."""
    by_name = {n: e for e in reversed(entities) for n in e.names}
    out = []
    with (HERE / "hangul_cases.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            entity = by_name.get(row["listed"])
            if entity is None:
                continue
            surname, given = split_korean_name(row["hangul"])
            spelt = SURNAME_SPELLINGS[_SOUTH_SURNAMES.get(surname, surname)][0]
            name = "-".join(romanize_syllable(s, "rr") for s in given)
            query = f"{spelt.capitalize()} {name.capitalize()}"
            out.append(generate.Labelled(query, "Person", entity.id, "korean_romanization"))
    return out


def han_to_latin(screener_entities: list[Entity]) -> tuple[list[Entity], list[generate.Labelled]]:
    """The entities with Han aliases, without them, and their Han names as queries: a Han
    query must find the romanized list name (``han_to_latin``)."""
    stripped, queries = [], []
    for e in screener_entities:
        han = [n for n in e.names if has_han(n) and not has_kana(n)]
        latin = tuple(n for n in e.names if not has_han(n) and not has_kana(n))
        if han and latin:
            stripped.append(attrs.evolve(e, names=latin))
            queries.append(generate.Labelled(han[0], e.schema, e.id, "han_to_latin"))
    return stripped, queries


def kana_to_latin(
    screener_entities: list[Entity],
) -> tuple[list[Entity], list[generate.Labelled]]:
    """The entities with names in Japanese kana (Japan's list writes foreign names in
    katakana), without them, and each of those names as a query: it must find the Latin
    list name (``kana_to_latin``)."""
    stripped, queries = [], []
    for e in screener_entities:
        kana = list(dict.fromkeys(n for n in e.names if has_kana(n)))
        rest = tuple(n for n in e.names if not has_kana(n))
        if kana and rest:
            stripped.append(attrs.evolve(e, names=rest))
            queries.extend(generate.Labelled(n, e.schema, e.id, "kana_to_latin") for n in kana)
    return stripped, queries


HK_CLASSES = ("hk_english", "near_hk_english")
#: The engine's table of English given names, read as a file: the evaluation's queries do
#: not depend on the engine's code.
ENGLISH_NAMES = ROOT / "screening" / "normalize" / "data" / "english_given_names.txt"
#: Another last syllable for a Hong Kong given name (a different person): the first of
#: these that differs from the listed one.
OTHER_SYLLABLES = ("ming", "wah")


@functools.cache
def _english_names() -> frozenset[str]:
    lines = ENGLISH_NAMES.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def is_english_given_name(word: str) -> bool:
    return word in _english_names()


def _hong_kong_english(e: Entity) -> tuple[str, str, str] | None:
    """(English name, surname, Chinese given name) of a person listed the Hong Kong way:
    ``LEE, John Ka-chiu``, or ``TANG, Ping-keung`` beside ``TANG, Chris``."""
    both, chinese, english = None, {}, {}
    for name in e.names:
        surname, comma, given = name.partition(",")
        words = given.split()
        if not comma or not words:
            continue
        surname = surname.strip()
        named = [w for w in words if is_english_given_name(w.lower())]
        hyphened = [w for w in words if "-" in w]
        if len(words) == 2 and len(named) == 1 and len(hyphened) == 1:
            both = (named[0], surname, hyphened[0])
        elif len(words) == 1 and hyphened:
            chinese[surname] = hyphened[0]
        elif len(words) == 1 and named:
            english[surname] = named[0]
    if both is not None:
        return both
    return next(((english[s], s, g) for s, g in chinese.items() if s in english), None)


def hong_kong_english(
    entities: list[Entity],
) -> list[tuple[list[Entity], list[generate.Labelled]]]:
    """Hong Kong persons listed with an English given name, queried as Hong Kong writes
    them (``Chris Tang Ping-keung``): against the list as listed (``hk_english``), against
    their names without the English name (``hk_english_cn_only``: TANG, Ping-keung), with
    the surname and English name only (``hk_english_en_only``: TANG, Chris), and their
    names holding both queried without it (``hk_english_reverse``: Lee Ka-chiu against
    LEE, John Ka-chiu); ``near_hk_english``: another Chinese given name (Chris Tang
    Ping-ming), whose alert rate on the listed person should be nil. Each class but the
    first screens an index where these persons keep only the names it says."""
    found = [(e, p) for e in entities if e.schema == "Person" and (p := _hong_kong_english(e))]
    as_listed: list[generate.Labelled] = []
    views: dict[str, tuple[dict[str, Entity], list[generate.Labelled]]] = {
        k: ({}, []) for k in ("hk_english_cn_only", "hk_english_en_only", "hk_english_reverse")
    }
    for e, (english, surname, given) in found:
        query = f"{english} {surname.title()} {given}"
        as_listed.append(generate.Labelled(query, "Person", e.id, "hk_english"))
        last = given.split("-")[-1].lower()
        other = next(x for x in OTHER_SYLLABLES if x != last)
        near = f"{english} {surname.title()} {given.rsplit('-', 1)[0]}-{other}"
        as_listed.append(generate.Labelled(near, "Person", e.id, "near_hk_english"))
        kept = {
            "hk_english_cn_only": tuple(
                n for n in e.names
                if not any(is_english_given_name(w.lower().strip(",")) for w in n.split())
            ),
            "hk_english_en_only": tuple(
                n for n in e.names if n.partition(",")[2].split() == [english]
            ),
            "hk_english_reverse": tuple(
                n for n in e.names if english in n.split() and given in n.split()
            ),
        }  # fmt: skip
        for klass, names in kept.items():
            if not names:
                continue
            modified, rows = views[klass]
            modified[e.id] = attrs.evolve(e, names=names)
            q = f"{surname.title()} {given}" if klass == "hk_english_reverse" else query
            rows.append(generate.Labelled(q, "Person", e.id, klass))
    out = [(entities, as_listed)]
    for modified, rows in views.values():
        if rows:
            out.append(([modified.get(e.id, e) for e in entities], rows))
    return out


def variants(entities: list[Entity]) -> list[generate.Labelled]:
    rng = random.Random(generate.SEED + 11)
    out = []
    for e in entities:
        primary = e.names[0]
        if len(primary) < 4 or sum(c.isalpha() for c in primary) < 4:
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
        if e.schema != "Person" and (q := _with_acronym(primary)):
            out.append(generate.Labelled(q, e.schema, e.id, "org_acronym"))
        if e.schema == "Person" and (q := _without_patronymic(primary)):
            out.append(generate.Labelled(q, e.schema, e.id, "no_patronymic"))
        if e.schema == "Person" and (q := _given_names_joined(primary)):
            out.append(generate.Labelled(q, e.schema, e.id, "words_joined"))
    return out


def _given_names_joined(name: str) -> str | None:
    """A person's name of three words or more with its last two joined by a hyphen, as
    Korean given names are written (``KIM Jong Un`` → ``KIM Jong-un``)."""
    words = name.split()
    if len(words) < 3 or not all(w.isalpha() for w in words[-2:]):
        return None
    return " ".join([*words[:-2], f"{words[-2]}-{words[-1].lower()}"])


#: Endings of Russian, Belarusian and Ukrainian patronymics.
_PATRONYMIC_ENDINGS = ("ovich", "evich", "ovych", "evych", "ovna", "evna", "ichna", "ivna")


def _without_patronymic(name: str) -> str | None:
    """A person's name of three words or more without its patronymic, as a bank outside
    Russia records it (``PUTIN, Vladimir Vladimirovich`` → ``PUTIN, Vladimir``)."""
    words = name.split()
    if len(words) < 3:
        return None
    kept = [w for w in words if not w.rstrip(",").lower().endswith(_PATRONYMIC_ENDINGS)]
    if len(kept) == len(words) or len(kept) < 2:
        return None
    return " ".join(kept).strip(",")


def _with_acronym(name: str) -> str | None:
    """An organisation's name followed by its initials in parentheses, as counterparty
    files write it (``Semiconductor Manufacturing International Corporation (SMIC)``):
    names of three words or more before their legal form, without parentheses."""
    if "(" in name:
        return None
    words = split_words(name.lower())
    core, _ = fold_org_words(words)
    if len(core) < 3:
        return None
    initials = "".join(w[0] for w in words if w[0].isalpha()).upper()
    return f"{name} ({initials})"


def _exhaustive_score(screener: Screener, row: generate.Labelled) -> float:
    """The expected entity's score with every list name scored (no index)."""
    query = Query(name=row.name, schema=row.schema or None)
    found = screener.screen_query(query, limit=50, threshold=0.5, use_index=False)
    return max((m.score for m in found if m.entity.id == row.expected), default=0.0)


def official_entities(folder: Path) -> list[Entity]:
    """The entities of every list sample in ``folder`` that :func:`load_list` reads (the
    companion files of a set, such as OFAC's ``add.csv``, are read with their main file),
    their ids prefixed by the file so that two samples of one list do not collide."""
    out: list[Entity] = []
    for path in sorted(folder.glob("*/*")):
        try:
            loaded, _ = load_list(path)
        except ListFormatError:
            continue
        tag = f"{path.parent.name}/{path.name}"
        out.extend(attrs.evolve(e, id=f"{tag}:{e.id}") for e in loaded)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    parser.add_argument("--crowd", action="store_true",
                        help="add the bulk benchmark's 20,000 synthetic entities to the index")
    parser.add_argument("--official", action="store_true",
                        help="list and vary the names of every official list sample too")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--index-sample", type=int, default=300)
    parser.add_argument("--show-misses", type=int, default=0)
    args = parser.parse_args()
    if not args.reference.exists():
        sys.exit(f"{args.reference} not found: it is in ../shared/reference/ beside the checkout")
    entities = real_entities(args.reference)
    if args.official:
        if not OFFICIAL.exists():
            sys.exit(f"{OFFICIAL} not found: it is in ../shared/fixtures/ beside the checkout")
        # Samples cut from whole sets miss some companion files, which the loaders log.
        logging.disable(logging.WARNING)
        entities += official_entities(OFFICIAL)
        logging.disable(logging.NOTSET)
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
    rows += hangul_queries(entities[:listed]) + korean_romanized_queries(entities[:listed])
    rows += legal_entity_reordered(entities[:listed])
    if args.crowd:
        rows += crowd_romanized(entities[listed:])
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
    # Han names, and names in kana, against the same index without any such alias.
    apart_rows: list[generate.Labelled] = []
    for split_off in (han_to_latin, kana_to_latin):
        stripped, apart = split_off(entities[:listed])
        if apart:
            kept = {e.id for e in stripped}
            without = Screener([*stripped, *(e for e in entities if e.id not in kept)])
            for r in apart:
                matches = without.screen_query(Query(name=r.name, schema=r.schema), limit=50,
                                               threshold=0.5)
                exp = max((m.score for m in matches if m.entity.id == r.expected), default=0.0)
                oth = max((m.score for m in matches if m.entity.id != r.expected), default=0.0)
                by_class[r.klass].append((r, exp, oth))
            apart_rows += apart
    # Hong Kong names with an English given name, against the names each class keeps.
    hk_count = 0
    real = entities[:listed]
    for hk_entities, hk_rows in hong_kong_english(real):
        hk_screener = screener if hk_entities is real else Screener(
            [*hk_entities, *entities[listed:]]
        )
        for r in hk_rows:
            hk_count += 1
            matches = hk_screener.screen_query(Query(name=r.name, schema=r.schema), limit=50,
                                               threshold=0.5)
            exp = max((m.score for m in matches if m.entity.id == r.expected), default=0.0)
            oth = max((m.score for m in matches if m.entity.id != r.expected), default=0.0)
            by_class[r.klass].append((r, exp, oth))
    print(f"{len(rows) + len(apart_rows) + hk_count:,} queries in "
          f"{time.perf_counter() - start:.1f} s; "
          f"threshold {args.threshold:.2f}\n")
    if args.official:
        # Each variant class apart for persons and organisations: they fail differently.
        split: dict[str, list[tuple[generate.Labelled, float, float]]] = defaultdict(list)
        for klass, items in by_class.items():
            for item in items:
                kind = "" if klass.startswith(("neg_", "near_")) else (
                    "/person"
                    if item[0].schema == "Person" or klass == "legal_entity_reordered"
                    else "/org"
                )
                split[klass + kind].append(item)
        by_class = split
    print("| class | kind | queries | recall / false-alert rate | misses the index's |\n"
          "|---|---|---:|---:|---:|")
    for klass, items in by_class.items():
        index_misses = ""
        if klass.startswith("neg_"):
            share = sum(o >= args.threshold for _, _, o in items) / len(items)
            kind = "false-alert rate"
        elif klass.startswith("near_"):
            share = sum(x >= args.threshold for _, x, _ in items) / len(items)
            kind = "alert rate"
        else:
            share = sum(x >= args.threshold for _, x, _ in items) / len(items)
            kind = "recall"
            if not klass.startswith((*HK_CLASSES, "han_to_latin", "kana_to_latin")):
                misses = [r for r, x, _ in items if x < args.threshold]
                found = sum(_exhaustive_score(screener, r) >= args.threshold for r in misses)
                index_misses = f"{found} of {len(misses)}"
        print(f"| {klass} | {kind} | {len(items)} | {share:.2%} | {index_misses} |")
    if args.show_misses:
        for klass, items in by_class.items():
            wrong = [(r, x, o) for r, x, o in items
                     if (o >= args.threshold if klass.startswith("neg_") else
                         x >= args.threshold if klass.startswith("near_") else
                         x < args.threshold)]  # fmt: skip
            for r, x, o in wrong[: args.show_misses]:
                target = screener.get(r.expected).names[0] if r.expected else ""
                print(f"  [{klass}] {r.name!r} -> {target!r} {x:.3f} (other {o:.3f})")
    rng = random.Random(5)
    # (The Hong Kong classes screen indexes of their own: not sampled here.)
    sample = rng.sample([r for klass, items in by_class.items() for r, _, _ in items
                         if not klass.startswith(HK_CLASSES)],
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
