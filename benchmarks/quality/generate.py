"""Deterministic generator of the project's labelled name-variant evaluation.

It builds a synthetic list (Chinese persons in pinyin with and without Han aliases, Hong Kong
persons in Cantonese romanization, Chinese companies with English and Han names, Western
persons and companies) and labelled queries in variant classes:

positives  unicode_noise, han_script (simplified/traditional), han_to_latin,
           pinyin_spelling (order, joins, hyphens), wade_giles, cantonese, org_forms,
           org_acronym (the English name followed by its initials in parentheses),
           typo_1, typo_2
negatives  neg_chinese_person, neg_western_person, neg_company  (names on no list)
near-miss  near_syllable (one syllable changed), near_partial (surname or given name alone)

Romanized spellings of the synthetic names come from the readings libraries (pypinyin,
cantonese-romanisation) and the published Wade-Giles rules; the hand-written cases in
``cases.csv`` cover real spellings seen on lists and passports.

    python benchmarks/quality/generate.py --out build/quality   # writes list + labelled CSV
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import string
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import attrs
from pypinyin import Style, lazy_pinyin

from screening.model import Designation, Entity
from screening.transliterate.chinese import SURNAME_READINGS, to_traditional
from screening.transliterate.romanization import to_wade_giles

SEED = 20261122
HERE = Path(__file__).resolve().parent

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
    "钱严覃武戴莫孔向汤单区查解仇朴盖"
)
COMPOUND = ("欧阳", "司马", "上官", "诸葛")
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红兰建国海仑全山君正晓文斌辉宇鹏飞波"
    "宁春梅林云峰亮志新东立成永凯俊浩然欣怡佳琪思雨嘉家安德瑞祥福庆荣光"
)
PLACES = (("杭州", "Hangzhou"), ("北京", "Beijing"), ("上海", "Shanghai"), ("深圳", "Shenzhen"),
          ("广州", "Guangzhou"), ("厦门", "Xiamen"), ("浙江", "Zhejiang"), ("新疆", "Xinjiang"),
          ("南京", "Nanjing"), ("成都", "Chengdu"))  # fmt: skip
BRAND_CHARS = "海康威视大华讯飞旷商汤依图美亚柏科中兴星宇天宏远恒泰华信达通锐智云创盛瑞腾博"
INDUSTRIES = (("科技", "Technology", "Tech"), ("电子", "Electronics", "Electronic"),
              ("信息技术", "Information Technology", "Info Tech"),
              ("网络科技", "Network Technology", "Network Tech"),
              ("贸易", "Trading", "Trade"), ("机械", "Machinery", "Machinery"))  # fmt: skip
LEGAL = (("有限公司", "Co., Ltd.", "Company Limited"),
         ("股份有限公司", "Co., Ltd.", "Company Limited"),
         ("集团有限公司", "Group Co., Ltd.", "Group Company Limited"))  # fmt: skip
WESTERN_FIRST = ("John", "Maria", "Ahmed", "Olga", "Pierre", "Anna", "Michael", "Fatima",
                 "Carlos", "Elena", "David", "Sergei", "Laura", "Hassan", "Peter", "Ingrid",
                 "Thomas", "Aisha", "Giovanni", "Natalia", "Robert", "Yusuf", "Claire", "Ivan")
WESTERN_LAST = ("Smith", "Garcia", "Petrov", "Muller", "Rossi", "Kowalski", "Haddad",
                "Johansson", "Dubois", "Novak", "Fernandez", "Ivanov", "Schneider", "Khan",
                "Silva", "Jensen", "Moreau", "Popescu", "Kaya", "Murphy", "Horvat", "Okafor",
                "Weber", "Larsen", "Costa", "Romero", "Volkov", "Nasser", "Bauer", "Svensson")
WESTERN_ORG = ("Global", "Atlas", "Northern", "Pacific", "Vector", "Summit", "Orion", "Delta",
               "Meridian", "Apex", "Harbor", "Sterling", "Nova", "Falcon", "Crescent")
WESTERN_ORG2 = ("Trading", "Shipping", "Logistics", "Energy", "Holdings", "Industries",
                "Systems", "Marine", "Resources", "Capital")
WESTERN_FORMS = ("Ltd", "LLC", "GmbH", "S.A.", "Inc.", "FZE", "Limited", "Corp.")
FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in string.ascii_letters}
HOMOGLYPH_OUT = {"C": "С", "c": "с", "A": "А", "a": "а", "E": "Е", "e": "е", "O": "О",
                 "o": "о", "H": "Н", "P": "Р", "p": "р", "X": "Х", "x": "х", "K": "К"}  # fmt: skip
TITLES = ("Mr.", "Dr.", "Mrs.", "Prof.", "General", "H.E.")


@attrs.frozen
class Labelled:
    name: str
    schema: str
    expected: str
    klass: str
    birth_date: str = ""
    country: str = ""


@cache
def cantonese_readings(char: str) -> tuple[str, ...]:
    """Hong Kong spellings of one traditional character, straight from the
    cantonese-romanisation table: the evaluation's names do not move when the engine's
    readings change."""
    found = _cantoroman().getRoman(char)
    return tuple(dict.fromkeys(r.lower() for g in found for r in g if r.isalpha()))


@lru_cache(maxsize=1)
def _cantoroman() -> Any:
    from cantoroman import Cantonese

    return Cantonese()


def _pinyin(han: str, person: bool) -> list[str]:
    out = lazy_pinyin(han, style=Style.NORMAL, v_to_u=True)
    if person and han[0] in SURNAME_READINGS:
        out[0] = SURNAME_READINGS[han[0]][0]
    if person and han[:2] in COMPOUND:
        pass
    return [s.replace("ü", "u") if False else s for s in out]


def _person_parts(han: str) -> tuple[list[str], list[str], int]:
    sl = 2 if han[:2] in COMPOUND else 1
    syl = _pinyin(han, True)
    return syl[:sl], syl[sl:], sl


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


@attrs.define
class World:
    rng: random.Random
    entities: list[Entity] = attrs.field(factory=list)
    han_of: dict[str, str] = attrs.field(factory=dict)
    kind_of: dict[str, str] = attrs.field(factory=dict)
    used_han: set[str] = attrs.field(factory=set)

    def new_han_person(self) -> str:
        while True:
            if self.rng.random() < 0.04:
                sur = self.rng.choice(COMPOUND)
            else:
                sur = self.rng.choice(SURNAMES)
            n = 1 if self.rng.random() < 0.3 else 2
            han = sur + "".join(self.rng.choice(GIVEN) for _ in range(n))
            if han not in self.used_han:
                self.used_han.add(han)
                return han


def _designation() -> tuple[Designation, ...]:
    return (Designation("Synthetic authority", "QUALITY-EVAL", "TEST", "2026-01-01",
                        "synthetic evaluation data"),)


def _new_company(rng: random.Random, used: set[str]) -> tuple[str, str]:
    """A Chinese company not drawn before: its Han name and its English name."""
    while True:
        place = rng.choice(PLACES)
        brand = "".join(rng.sample(BRAND_CHARS, 2))
        ind = rng.choice(INDUSTRIES)
        form = rng.choice(LEGAL)
        han = place[0] + brand + ind[0] + form[0]
        if han not in used:
            used.add(han)
            return han, f"{place[1]} {_cap(''.join(lazy_pinyin(brand)))} {ind[1]} {form[1]}"


def pinyin_spelling(rng: random.Random, sur: list[str], given: list[str]) -> str:
    """A person's pinyin name another way: order swapped, given name split, hyphenated, or
    the whole name run together."""
    form = rng.randrange(4)
    if form == 0:
        return f"{_cap(''.join(given))} {_cap(''.join(sur))}"
    if form == 1:
        return f"{_cap(''.join(sur))} {' '.join(_cap(g) for g in given)}"
    if form == 2:
        return f"{_cap(''.join(sur))} {'-'.join(given).capitalize()}"
    return "".join(sur + given).capitalize()


def build_world(n_persons: int = 1500, n_hk: int = 150, n_orgs: int = 400,
                n_western: int = 400, n_latin_orgs: int = 150) -> World:
    rng = random.Random(SEED)
    w = World(rng)
    for i in range(n_persons):
        han = w.new_han_person()
        sur, given, _ = _person_parts(han)
        style = rng.random()
        if style < 0.5:
            latin = f"{''.join(sur).upper()}, {_cap(''.join(given))}"  # OFAC style
        else:
            latin = f"{''.join(sur).upper()} {_cap(''.join(given))}"  # EU style
        names = (latin, han) if i % 5 < 3 else (latin,)
        eid = f"cn-p-{i}"
        dob = f"{rng.randint(1945, 1990)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        w.entities.append(Entity(id=eid, schema="Person", names=names, birth_dates=(dob,),
                                 countries=("cn",), sources=_designation()))
        w.han_of[eid] = han
        w.kind_of[eid] = "cn"
    for i in range(n_hk):
        han = w.new_han_person()
        trad = to_traditional(han)
        sl = 2 if han[:2] in COMPOUND else 1
        canto = [rng.choice(cantonese_readings(c) or ("x",)) for c in trad]
        if any(c == "x" for c in canto):
            continue
        sur = "".join(canto[:sl]).upper()
        given = "-".join(canto[sl:])
        latin = f"{sur}, {_cap(given)}"
        mandarin = _pinyin(han, True)
        names = (latin, trad, f"{''.join(mandarin[:sl]).upper()} {_cap(''.join(mandarin[sl:]))}")
        eid = f"hk-p-{i}"
        w.entities.append(Entity(id=eid, schema="Person", names=names, countries=("hk",),
                                 sources=_designation()))
        w.han_of[eid] = han
        w.kind_of[eid] = "hk"
    used_orgs: set[str] = set()
    for i in range(n_orgs):
        han, english = _new_company(rng, used_orgs)
        eid = f"cn-c-{i}"
        w.entities.append(Entity(id=eid, schema="Company", names=(english, han),
                                 countries=("cn",), sources=_designation()))
        w.han_of[eid] = han
        w.kind_of[eid] = "org"
    # Companies listed by their English name only (as OFAC and BIS list them), to be found
    # from their Han name; drawn apart so the rest of the world stays as it was.
    org_rng = random.Random(SEED + 7)
    for i in range(n_latin_orgs):
        han, english = _new_company(org_rng, used_orgs)
        eid = f"cn-l-{i}"
        w.entities.append(Entity(id=eid, schema="Company", names=(english,),
                                 countries=("cn",), sources=_designation()))
        w.han_of[eid] = han
        w.kind_of[eid] = "org-latin"
    seen: set[str] = set()
    for i in range(n_western):
        if i % 2 == 0:
            name = f"{rng.choice(WESTERN_FIRST)} {rng.choice(WESTERN_LAST)}"
            schema = "Person"
        else:
            name = (f"{rng.choice(WESTERN_ORG)} {rng.choice(WESTERN_LAST)} "
                    f"{rng.choice(WESTERN_ORG2)} {rng.choice(WESTERN_FORMS)}")
            schema = "Company"
        if name in seen:
            continue
        seen.add(name)
        eid = f"w-{i}"
        w.entities.append(Entity(id=eid, schema=schema, names=(name,), sources=_designation()))
        w.kind_of[eid] = "west-" + schema
    return w


# -- variant makers ----------------------------------------------------------------------------


def _typo(rng: random.Random, text: str, edits: int) -> str:
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    out = list(text)
    for _ in range(edits):
        letters = [i for i, c in enumerate(out) if c.isalpha()]
        i = rng.choice(letters)
        op = rng.choice(("sub", "del", "ins", "swap"))
        ch = rng.choice(string.ascii_lowercase)
        if op == "sub":
            out[i] = ch if out[i].islower() else ch.upper()
        elif op == "del" and len(letters) > 4:
            del out[i]
        elif op == "ins":
            out.insert(i, ch)
        elif i + 1 < len(out) and out[i + 1].isalpha():
            out[i], out[i + 1] = out[i + 1], out[i]
        else:
            out[i] = ch
    return "".join(out)


def _noise(rng: random.Random, text: str) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        return "".join(FULLWIDTH.get(c, c) for c in text)
    if kind == 1:
        i = rng.randrange(1, len(text))
        return text[:i] + "\u200b" + text[i:]
    if kind == 2:
        for latin, cyr in HOMOGLYPH_OUT.items():
            if latin in text:
                return text.replace(latin, cyr, 1)
        return text.upper()
    if kind == 3:
        return f"{rng.choice(TITLES)} {text.lower()}"
    if kind == 4:
        return unicodedata.normalize("NFC", text.replace("a", "á", 1).replace("o", "ö", 1))
    return text.replace(",", "").upper() + "."


def _wade_giles(rng: random.Random, syllables: list[str], sl: int) -> str:
    apostrophes = rng.random() < 0.5
    def wg(s: str) -> str:
        out = to_wade_giles(s)
        if not apostrophes:
            out = out.replace("'", "").replace("ü", "u").replace("ê", "e")
        return out
    sur = "".join(wg(s) for s in syllables[:sl])
    given = "-".join(wg(s) for s in syllables[sl:])
    return f"{_cap(sur)} {_cap(given)}" if given else _cap(sur)


def positives(w: World) -> Iterator[Labelled]:
    rng = random.Random(SEED + 1)
    for e in w.entities:
        kind = w.kind_of[e.id]
        primary = e.names[0]
        if kind == "cn":
            han = w.han_of[e.id]
            sur, given, sl = _person_parts(han)
            yield Labelled(_noise(rng, primary), "Person", e.id, "unicode_noise")
            if len(e.names) > 1:
                yield Labelled(to_traditional(han), "Person", e.id, "han_script")
            else:
                yield Labelled(han, "Person", e.id, "han_to_latin")
            q = pinyin_spelling(rng, sur, given)
            yield Labelled(q, rng.choice(("Person", "")), e.id, "pinyin_spelling")
            yield Labelled(_wade_giles(rng, sur + given, sl), "Person", e.id, "wade_giles")
            yield Labelled(_typo(rng, primary, 1), "Person", e.id, "typo_1")
            yield Labelled(_typo(rng, primary, 2), "Person", e.id, "typo_2")
        elif kind == "hk":
            trad = e.names[1]
            if rng.random() < 0.5:
                yield Labelled(trad if rng.random() < 0.5 else w.han_of[e.id], "Person", e.id,
                               "cantonese")
            else:
                canto = [rng.choice(cantonese_readings(c)) for c in trad]
                sl = 2 if w.han_of[e.id][:2] in COMPOUND else 1
                q = f"{_cap(''.join(canto[sl:]).replace('-', ' '))} {''.join(canto[:sl]).upper()}"
                yield Labelled(q, "Person", e.id, "cantonese")
        elif kind == "org":
            eng = primary
            han = w.han_of[e.id]
            choice = rng.randrange(6)
            if choice == 0:
                q = eng.replace("Co., Ltd.", "Company Limited")
            elif choice == 1:
                q = eng.replace("Technology", "Tech").replace("Co., Ltd.", "Co Ltd")
            elif choice == 2:
                q = " ".join(eng.split()[1:])  # leading place dropped
            elif choice == 3:
                q = to_traditional(han)
            elif choice == 4:
                q = eng.upper().replace(",", "").replace(".", "")
            else:
                q = " ".join(_cap(s) for s in lazy_pinyin(han))
            yield Labelled(q, rng.choice(("Company", "")), e.id, "org_forms")
            # (No random draw: the other classes' queries stay as they were.)
            initials = "".join(word[0] for word in eng.split() if word[0].isalpha())
            yield Labelled(f"{eng} ({initials.upper()})", "Company", e.id, "org_acronym")
            yield Labelled(_typo(rng, eng, 1), "Company", e.id, "typo_1")
            yield Labelled(_typo(rng, eng, 2), "Company", e.id, "typo_2")
        elif kind == "org-latin":
            han = w.han_of[e.id]
            query = to_traditional(han) if e.id[-1] in "13579" else han
            yield Labelled(query, "Company" if e.id[-1] in "02468" else "", e.id,
                           "han_to_latin")
        else:
            noisy = _noise(rng, primary)
            if e.schema != "Person":
                for title in TITLES:
                    noisy = noisy.replace(title + " ", "")
            yield Labelled(noisy, e.schema, e.id, "unicode_noise")
            yield Labelled(_typo(rng, primary, 1), e.schema, e.id, "typo_1")
            yield Labelled(_typo(rng, primary, 2), e.schema, e.id, "typo_2")


def _reading_key(name: str) -> str:
    """A spelling-blind key: Han read as pinyin, letters lower-cased, order ignored.

    Used to keep labelled negatives honest: a "negative" that reads exactly like a listed
    name (梁佳 for LIANG Jia) is a true match, not a false alert.
    """
    if any("\u4e00" <= c <= "\u9fff" for c in name):
        syl = _pinyin(name, True)
        sl = 2 if name[:2] in COMPOUND else 1
        words = ["".join(syl[:sl]), "".join(syl[sl:])]
    else:
        words = name.lower().replace(",", " ").replace("ü", "u").split()
    return " ".join(sorted(w for w in words if w))


def _listed_keys(w: World) -> set[str]:
    """Reading keys of every listed name, and its words run together in either order
    (``Lijun`` is LI Jun written as one word, not a partial name)."""
    keys = set()
    for e in w.entities:
        for x in e.names:
            key = _reading_key(x)
            words = key.split()
            keys.update({key, "".join(words), "".join(reversed(words))})
    return keys


def negatives(w: World, n: int = 1500) -> Iterator[Labelled]:
    rng = random.Random(SEED + 2)
    listed = {x.lower() for e in w.entities for x in e.names} | _listed_keys(w)
    # A company sharing a listed brand is a near-miss, not a negative.
    brands = {e.names[0].split()[1].lower() for e in w.entities
              if e.id.startswith(("cn-c-", "cn-l-"))}
    count = 0
    while count < n:
        k = count % 3
        if k == 0:
            han = w.new_han_person()
            sur, given, _ = _person_parts(han)
            q = f"{_cap(''.join(sur))} {_cap(''.join(given))}" if rng.random() < 0.7 else han
            klass, schema = "neg_chinese_person", "Person"
        elif k == 1:
            q = f"{rng.choice(WESTERN_FIRST)} {rng.choice(WESTERN_LAST)}"
            klass, schema = "neg_western_person", "Person"
        else:
            place = rng.choice(PLACES)
            brand = "".join(rng.sample(BRAND_CHARS, 2))
            ind = rng.choice(INDUSTRIES)
            if "".join(lazy_pinyin(brand)) in brands:
                continue
            q = f"{place[1]} {_cap(''.join(lazy_pinyin(brand)))} {ind[1]} Co., Ltd."
            if rng.random() < 0.3:
                q = " ".join(
                    (rng.choice(WESTERN_ORG), rng.choice(WESTERN_ORG2), rng.choice(WESTERN_FORMS))
                )
            klass, schema = "neg_company", "Company"
        if q.lower() in listed or _reading_key(q) in listed:
            continue
        count += 1
        yield Labelled(q, schema if rng.random() < 0.7 else "", "", klass)


def near_misses(w: World) -> Iterator[Labelled]:
    listed = _listed_keys(w)
    for row in _near_misses(w):
        if _reading_key(row.name) not in listed:
            yield row


def _near_misses(w: World) -> Iterator[Labelled]:
    rng = random.Random(SEED + 3)
    for e in w.entities:
        if w.kind_of[e.id] != "cn":
            continue
        han = w.han_of[e.id]
        sur, given, _ = _person_parts(han)
        if rng.random() < 0.6:
            while True:
                ch = rng.choice(GIVEN)
                new = lazy_pinyin(ch)[0]
                if new not in given:
                    break
            g = list(given)
            g[rng.randrange(len(g))] = new
            yield Labelled(f"{''.join(sur).upper()} {_cap(''.join(g))}", "Person", "",
                           "near_syllable")
            other = rng.choice(SURNAMES)
            if lazy_pinyin(other)[0] != sur[0]:
                yield Labelled(f"{_cap(lazy_pinyin(other)[0])} {_cap(''.join(given))}", "Person",
                               "", "near_syllable")
        else:
            part = "".join(sur) if rng.random() < 0.5 else "".join(given)
            yield Labelled(_cap(part), "Person", "", "near_partial")


def hand_written() -> list[Labelled]:
    rows = []
    with (HERE / "cases.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            rows.append(Labelled(r["name"], r["schema"], r["expected"], r["class"],
                                 r.get("birth_date", ""), r.get("country", "")))
    return rows


def hand_entities() -> list[Entity]:
    out = []
    with (HERE / "entities.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            out.append(Entity(id=d["id"], schema=d["schema"], names=tuple(d["names"]),
                              birth_dates=tuple(d.get("birth_dates", ())),
                              countries=tuple(d.get("countries", ())), sources=_designation()))
    return out


def build() -> tuple[list[Entity], list[Labelled]]:
    w = build_world()
    entities = w.entities + hand_entities()
    rows = [*positives(w), *negatives(w), *near_misses(w), *hand_written()]
    return entities, rows


def write(out: Path) -> None:
    entities, rows = build()
    out.mkdir(parents=True, exist_ok=True)
    with (out / "list.ftm.json").open("w", encoding="utf-8") as fh:
        for e in entities:
            props: dict[str, list[str]] = {"name": [e.names[0]]}
            if len(e.names) > 1:
                props["alias"] = list(e.names[1:])
            if e.birth_dates:
                props["birthDate"] = list(e.birth_dates)
            if e.countries:
                props["country"] = list(e.countries)
            fh.write(json.dumps({"id": e.id, "schema": e.schema, "properties": props},
                                ensure_ascii=False) + "\n")
    with (out / "labelled.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["name", "schema", "birth_date", "country", "expected", "class"])
        for r in rows:
            # The FollowTheMoney loader prefixes OpenSanctions ids with "os-".
            expected = f"os-{r.expected}" if r.expected else ""
            writer.writerow([r.name, r.schema, r.birth_date, r.country, expected, r.klass])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("build/quality"))
    args = parser.parse_args()
    write(args.out)
    print(f"wrote {args.out}/list.ftm.json and {args.out}/labelled.csv")


if __name__ == "__main__":
    main()
