"""Mandarin romanization systems as complete syllable tables, derived by rule from Pinyin.

Wade-Giles and Tongyong Pinyin are generated from the full Hanyu Pinyin inventory by their
published spelling rules, so every syllable is covered, not a list of examples. Matching
uses *loose* spellings (apostrophes and umlauts dropped, as passports and databases write
them), which makes some syllables ambiguous: loose Wade-Giles ``chu`` is pinyin ``zhu``,
``chu``, ``ju`` or ``qu``. :func:`pinyin_readings` returns all of them; precision comes from
matching whole names, not single syllables.
"""

from __future__ import annotations

from functools import lru_cache

from screening.transliterate._syllables import CANTONESE_HK, PINYIN

_WG_INITIALS = [
    # order matters: two-letter initials first
    ("zh", "ch"), ("ch", "ch'"), ("sh", "sh"), ("b", "p"), ("p", "p'"), ("m", "m"),
    ("f", "f"), ("d", "t"), ("t", "t'"), ("n", "n"), ("l", "l"), ("g", "k"), ("k", "k'"),
    ("h", "h"), ("j", "ch"), ("q", "ch'"), ("x", "hs"), ("r", "j"), ("z", "ts"),
    ("c", "ts'"), ("s", "s"), ("y", "y"), ("w", "w"),
]  # fmt: skip


def _split(syllable: str) -> tuple[str, str]:
    for initial in ("zh", "ch", "sh"):
        if syllable.startswith(initial):
            return initial, syllable[2:]
    if syllable[0] in "bpmfdtnlgkhjqxrzcsyw":
        return syllable[0], syllable[1:]
    return "", syllable


def to_wade_giles(syllable: str) -> str:
    """Wade-Giles spelling (with apostrophes and ü) of a toneless pinyin syllable."""
    special = {
        "zhi": "chih", "chi": "ch'ih", "shi": "shih", "ri": "jih",
        "zi": "tzu", "ci": "tz'u", "si": "ssu", "er": "êrh", "e": "o",
        "you": "yu", "yi": "i", "yan": "yen", "ye": "yeh", "yong": "yung",
        "yu": "yü", "yue": "yüeh", "yuan": "yüan", "yun": "yün",
        "ju": "chü", "qu": "ch'ü", "xu": "hsü", "jue": "chüeh", "que": "ch'üeh",
        "xue": "hsüeh", "juan": "chüan", "quan": "ch'üan", "xuan": "hsüan",
        "jun": "chün", "qun": "ch'ün", "xun": "hsün", "jiong": "chiung",
        "qiong": "ch'iung", "xiong": "hsiung", "lüe": "lüeh", "nüe": "nüeh",
        "guo": "kuo", "kuo": "k'uo", "huo": "huo", "shuo": "shuo",
        "ge": "ko", "ke": "k'o", "he": "ho",
    }  # fmt: skip
    if syllable in special:
        return special[syllable]
    initial, final = _split(syllable)
    wg_initial = dict(_WG_INITIALS).get(initial, initial)
    if final == "ong":
        final = "ung"
    elif final == "iong":
        final = "iung"
    elif final == "ian":
        final = "ien"
    elif final == "ie":
        final = "ieh"
    elif final == "uo" and initial not in ("g", "k", "h", "sh"):
        final = "o"
    elif final == "e":
        final = "ê"
    elif final == "ui" and initial in ("g", "k"):
        final = "uei"
    return wg_initial + final


def to_tongyong(syllable: str) -> str:
    """Tongyong Pinyin spelling (Taiwan, 2002-2008) of a toneless Hanyu Pinyin syllable."""
    special = {
        "zhi": "jhih", "chi": "chih", "shi": "shih", "ri": "rih", "zi": "zih",
        "ci": "cih", "si": "sih", "wen": "wun", "weng": "wong", "feng": "fong",
        "meng": "mong", "peng": "pong", "beng": "bong",
    }  # fmt: skip
    if syllable in special:
        return special[syllable]
    initial, final = _split(syllable)
    if initial == "q":
        initial = "c"
    elif initial == "x":
        initial = "s"
    elif initial == "zh":
        initial = "jh"
    if initial in ("j", "c", "s") and syllable[0] in "jqx" and final.startswith("u"):
        final = "y" + final  # ju -> jyu, quan -> cyuan
    if final == "iong":
        final = "yong"
    return initial + final


def loose(spelling: str) -> str:
    """Drop apostrophes and diacritics as passports and databases do: ``ch'üan`` → ``chuan``."""
    return (
        spelling.replace("'", "")
        .replace("ü", "u")
        .replace("ê", "e")
    )


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """``loose spelling → pinyin syllables`` and ``loose spelling → system names``."""
    readings: dict[str, set[str]] = {}
    systems: dict[str, set[str]] = {}

    def add(spelling: str, pinyin: str, system: str) -> None:
        readings.setdefault(spelling, set()).add(pinyin)
        systems.setdefault(spelling, set()).add(system)

    for syllable in PINYIN:
        add(loose(syllable), syllable, "pinyin")
        if "ü" in syllable:
            add(syllable.replace("ü", "v"), syllable, "pinyin")
            add(syllable.replace("ü", "yu"), syllable, "pinyin")
        add(loose(to_wade_giles(syllable)), syllable, "Wade-Giles")
        add(loose(to_tongyong(syllable)), syllable, "Tongyong")
        if syllable.startswith("yi") and len(syllable) > 2:
            # Taiwanese passports often drop the y of yin/ying (Tsai Ing-wen).
            add(syllable[1:], syllable, "Taiwanese")
    return (
        {k: frozenset(v) for k, v in readings.items()},
        {k: frozenset(v) for k, v in systems.items()},
    )


@lru_cache(maxsize=1)
def _one_letter_off() -> dict[str, frozenset[str]]:
    """Syllable spellings by what they look like with one letter missing (``tng``) or
    one letter replaced (``t?ng``, the replaced place marked by its index)."""
    found: dict[str, set[str]] = {}
    for spelling in _tables()[0]:
        if len(spelling) >= 2:
            for i in range(len(spelling)):
                shorter = spelling[:i] + spelling[i + 1 :]
                if len(spelling) >= 3:
                    found.setdefault(shorter, set()).add(spelling)
                found.setdefault(f"{i}:{shorter}", set()).add(spelling)
    return {k: frozenset(v) for k, v in found.items()}


def one_letter_off_spellings(text: str) -> frozenset[str]:
    """Syllable spellings that ``text`` misses one letter of (``tag`` → tang) or has one
    letter wrong in (``liv`` → liu, lin...): table lookups, not a search over edits."""
    table = _one_letter_off()
    out: set[str] = set(table.get(text, ()))
    for i in range(len(text)):
        out.update(table.get(f"{i}:{text[:i]}{text[i + 1 :]}", ()))
    out.discard(text)
    return frozenset(out)


def pinyin_readings(spelling: str) -> frozenset[str]:
    """Every pinyin syllable a loose romanized syllable can stand for (empty if none)."""
    return _tables()[0].get(spelling, frozenset())


def systems_of(spelling: str) -> frozenset[str]:
    """Which romanization systems spell a syllable this way (for explanations)."""
    return _tables()[1].get(spelling, frozenset())


def is_mandarin_syllable(spelling: str) -> bool:
    return spelling in _tables()[0]


def is_cantonese_syllable(spelling: str) -> bool:
    return spelling in CANTONESE_HK


def _single_ok(part: str, start: int, length: int) -> bool:
    """One-letter syllables: a whole word, or a/e/o opening a word (``E'xiang``); never
    inside a word, where they would turn misspellings into syllable noise."""
    return len(part) > 1 or length == 1 or (start == 0 and part in "aeo")


#: Longest loose syllable in any system, bounding the segmentation search.
MAX_SYLLABLE = 7


@lru_cache(maxsize=65_536)
def segment(word: str) -> tuple[str, ...] | None:
    """Split a run-together romanized word into the fewest Mandarin syllables.

    ``hailun`` → ``("hai", "lun")``; ``None`` when the word is not a sequence of syllables
    (``smith``). Among splits with the same count, syllables that are valid Hanyu Pinyin
    win, then longer first syllables (``xian`` stays one syllable, ``changan`` → chang an).
    """
    n = len(word)
    if n == 0 or n > 28:
        return None
    table = _tables()[0]
    # best[i] = (syllable count, non-pinyin count, split) for word[i:]
    best: list[tuple[int, int, tuple[str, ...]] | None] = [None] * (n + 1)
    best[n] = (0, 0, ())
    for i in range(n - 1, -1, -1):
        choice: tuple[int, int, tuple[str, ...]] | None = None
        for j in range(min(n, i + MAX_SYLLABLE), i, -1):
            part = word[i:j]
            rest = best[j]
            if rest is None or part not in table or not _single_ok(part, i, n):
                continue
            penalty = 0 if part in PINYIN else 1
            cand = (rest[0] + 1, rest[1] + penalty, (part, *rest[2]))
            if choice is None or cand[:2] < choice[:2]:
                choice = cand
        best[i] = choice
    result = best[0]
    return None if result is None else result[2]


@lru_cache(maxsize=65_536)
def segmentations(word: str, extra: bool = False, limit: int = 4) -> tuple[tuple[str, ...], ...]:
    """All splits of ``word`` into Mandarin syllables with the fewest syllables (one more
    when ``extra``), best first: ``chengang`` → (cheng, ang), (chen, gang).

    Used where a run-together spelling is genuinely ambiguous; :func:`segment` gives the
    first of these.
    """
    best = segment(word)
    if best is None:
        return ()
    most = len(best) + (1 if extra else 0)
    table = _tables()[0]
    found: list[tuple[str, ...]] = []

    def walk(i: int, acc: tuple[str, ...]) -> None:
        if len(found) >= 64 or len(acc) > most:
            return
        if i == len(word):
            found.append(acc)
            return
        for j in range(min(len(word), i + MAX_SYLLABLE), i, -1):
            if word[i:j] in table and _single_ok(word[i:j], i, len(word)):
                walk(j, (*acc, word[i:j]))

    walk(0, ())
    found.sort(key=lambda s: (len(s), sum(p not in PINYIN for p in s)))
    return tuple(found[:limit])


@lru_cache(maxsize=65_536)
def segment_cantonese(word: str) -> tuple[str, ...] | None:
    """Split a run-together Hong Kong spelling (``kachiu`` → ka chiu), at most 3 syllables."""
    n = len(word)
    for i in range(2, n - 1):
        a, b = word[:i], word[i:]
        if a in CANTONESE_HK and b in CANTONESE_HK:
            return (a, b)
    for i in range(2, n - 3):
        for j in range(i + 2, n - 1):
            a, b, c = word[:i], word[i:j], word[j:]
            if a in CANTONESE_HK and b in CANTONESE_HK and c in CANTONESE_HK:
                return (a, b, c)
    return None
