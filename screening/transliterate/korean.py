"""Korean personal names in Hangul, read in the romanizations the lists and passports use.

A Hangul syllable is an initial consonant, a vowel and an optional final consonant, which
its code point encodes (Unicode's algorithm): no dictionary is needed to read it. Names
are romanized syllable by syllable, and four spellings cover what the lists carry:

- Revised Romanization (South Korea since 2000): 정 jeong, 철 cheol;
- McCune-Reischauer without its breves and apostrophes (most lists' North Korean names, and
  older South Korean passports): 정 chong, 철 chol, 평 pyong;
- the same with ``j`` for ㅈ and ``th`` for ㅌ, as North Korea writes its names (KIM Jong
  Un, JANG Song Thaek);
- South Korea's older spellings, still its people's own (Lee Myung-bak, Moon Jae-in).

Surnames keep the spellings their bearers use (이 Lee, Yi, Rhee, Ri; 박 Park, Pak), from a
table of the common ones.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

_HANGUL = re.compile("[\uac00-\ud7a3]")
_HANGUL_RUN = re.compile("[\uac00-\ud7a3]+")

# Initials in Unicode order: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
_INITIALS = {
    "rr": ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k",
           "t", "p", "h"),
    "mr": ("k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch",
           "k", "t", "p", "h"),
    "nk": ("k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "k",
           "th", "p", "h"),
    "sk": ("k", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k",
           "t", "p", "h"),
}  # fmt: skip
# Vowels: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
_RR_VOWELS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
              "wo", "we", "wi", "yu", "eu", "ui", "i")  # fmt: skip
# McCune-Reischauer: ŏ and ŭ written without their breves (o, u), as the lists write them.
_MR_VOWELS = ("a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u",
              "wo", "we", "wi", "yu", "u", "ui", "i")  # fmt: skip
# South Korea's spellings before (and beside) the Revised Romanization: ㅓ as u, ㅕ as yu,
# ㅜ as oo (Lee Myung-bak, Kim Dae-jung, Moon Jae-in, Chun Doo-hwan).
_SK_VOWELS = ("a", "ae", "ya", "yae", "u", "e", "yu", "ye", "o", "wa", "wae", "oe", "yo", "oo",
              "wo", "we", "wi", "yu", "eu", "ui", "i")  # fmt: skip
_VOWELS = {"rr": _RR_VOWELS, "mr": _MR_VOWELS, "nk": _MR_VOWELS, "sk": _SK_VOWELS}
# Finals (none first): ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ
# ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
_FINALS = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m",
           "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t")  # fmt: skip
SYSTEMS = ("rr", "mr", "nk", "sk")

#: Spellings of common surnames as their bearers write them, beside the systems' own.
SURNAME_SPELLINGS: dict[str, tuple[str, ...]] = {
    "김": ("kim",), "이": ("lee", "yi", "rhee", "ri"), "리": ("ri", "lee", "yi"),
    "박": ("park", "pak", "bak"), "최": ("choi", "choe"), "정": ("jung", "jeong", "chung", "chong"),
    "조": ("cho", "jo"), "강": ("kang", "gang"), "윤": ("yoon", "yun"), "장": ("jang", "chang"),
    "임": ("lim", "im", "rim"), "림": ("rim", "lim", "im"), "한": ("han",), "오": ("oh", "o"),
    "서": ("seo", "suh", "so"), "신": ("shin", "sin"), "권": ("kwon", "gwon"),
    "황": ("hwang",), "안": ("ahn", "an"), "송": ("song",), "전": ("jeon", "jun", "chon"),
    "홍": ("hong",), "유": ("yoo", "yu", "ryu"), "류": ("ryu", "yoo", "yu"), "고": ("ko", "go"),
    "문": ("moon", "mun"), "양": ("yang", "ryang"), "량": ("ryang", "yang"), "손": ("son", "sohn"),
    "배": ("bae", "pae"), "백": ("baek", "paek", "paik"), "허": ("heo", "hur", "ho"),
    "남": ("nam",), "심": ("shim", "sim"), "노": ("noh", "no", "roh"), "로": ("ro", "roh", "no"),
    "하": ("ha",), "곽": ("kwak", "gwak"), "성": ("sung", "seong", "song"), "차": ("cha",),
    "주": ("joo", "ju", "chu"), "우": ("woo", "u"), "구": ("koo", "ku", "gu"), "민": ("min",),
    "진": ("jin", "chin"), "지": ("ji", "chi"), "엄": ("eom", "um", "om"), "채": ("chae",),
    "원": ("won",), "천": ("cheon", "chun", "chon"), "방": ("bang", "pang"), "공": ("kong", "gong"),
    "현": ("hyun", "hyeon", "hyon"), "함": ("ham",), "변": ("byun", "byeon", "pyon"),
    "염": ("yeom", "yom"), "여": ("yeo", "yo"), "추": ("choo", "chu"), "도": ("do", "to"),
    "석": ("seok", "suk", "sok"), "선": ("sun", "seon", "son"), "설": ("seol", "sol"),
    "길": ("gil", "kil"), "연": ("yeon", "yon"), "표": ("pyo",), "명": ("myung", "myong"),
    "기": ("ki", "gi"), "반": ("ban", "pan"), "왕": ("wang",), "금": ("keum", "kum", "geum"),
    "옥": ("ok",), "육": ("yook", "yuk"), "인": ("in",), "맹": ("maeng",), "제": ("je", "che"),
    "탁": ("tak",), "국": ("kook", "kuk", "guk"), "은": ("eun", "un"), "용": ("yong", "ryong"),
    "룡": ("ryong", "yong"), "편": ("pyeon", "pyon"), "경": ("kyung", "kyong", "gyeong"),
    "봉": ("bong", "pong"), "태": ("tae", "thae"),
    "남궁": ("namgung", "namkung"), "황보": ("hwangbo", "hwangpo"), "제갈": ("jegal", "chegal"),
    "선우": ("sunwoo", "seonu", "sonu"), "독고": ("dokgo", "tokko"), "사공": ("sagong", "sakong"),
    "서문": ("seomun", "somun"),
}  # fmt: skip


def has_hangul(text: str) -> bool:
    """Whether ``text`` holds Hangul syllables."""
    return _HANGUL.search(text) is not None


#: McCune-Reischauer voices the plain stops inside a word: ㄱ ㄷ ㅂ ㅈ are g, d, b, j after
#: the first syllable of a given name (RI Man Gon, RI Yong Gil, KIM Jong Gak).
_VOICED = {0: "g", 3: "d", 7: "b", 12: "j"}


def romanize_syllable(syllable: str, system: str, voiced: bool = False) -> str:
    """One Hangul syllable in ``system`` (``rr`` Revised, ``mr`` McCune-Reischauer, ``nk``
    as North Korea writes it, ``sk`` South Korea's older spellings); ``voiced``: inside a
    word, where McCune-Reischauer voices the plain stops."""
    index = ord(syllable) - 0xAC00
    initial, rest = divmod(index, 588)
    vowel, final = divmod(rest, 28)
    onset = _INITIALS[system][initial]
    if voiced and system in ("mr", "nk"):
        onset = _VOICED.get(initial, onset)
    if system == "sk" and syllable == "영":
        return "young"  # Kim Young-sam
    return onset + _VOWELS[system][vowel] + _FINALS[final]


#: Compound surnames read as such in a name of three syllables; 선우 and 서문 only in a
#: longer one (선우진 is more often Seon Woo-jin).
_COMPOUND_IN_THREE = frozenset(("남궁", "황보", "제갈", "독고", "사공"))


def split_korean_name(name: str) -> tuple[str, str]:
    """``(surname, given name)`` of a Korean name written without spaces."""
    head = name[:2]
    if len(head) == 2 and head in SURNAME_SPELLINGS and (
        len(name) >= 4 or (len(name) == 3 and head in _COMPOUND_IN_THREE)
    ):
        return head, name[2:]
    return name[:1], name[1:]


def _parts(name: str) -> tuple[str, str]:
    runs = _HANGUL_RUN.findall(name)
    if len(runs) == 1:
        return split_korean_name(runs[0])
    return runs[0], "".join(runs[1:])


def korean_parts(name: str) -> tuple[str, ...]:
    """The surname, then each syllable of the given name, of a Korean name in Hangul (the
    parts :func:`korean_spellings` spells)."""
    if not has_hangul(name):
        return ()
    surname, given = _parts(name)
    return (surname, *given)


_READING_SYSTEMS = (("nk", True), ("rr", False), ("sk", False), ("mr", False), ("nk", False))


@lru_cache(maxsize=4_096)
def korean_spellings(name: str) -> tuple[tuple[str, ...], ...]:
    """Every spelling of each part of a Korean name in Hangul: the surname's, then each
    given syllable's, in every system (``김성수`` → (kim, gim), (song, seong, sung),
    (su, soo)): lists mix them within one name (``KIM Sung Su``)."""
    if not has_hangul(name):
        return ()
    surname, given = _parts(name)
    spellings = [
        tuple(dict.fromkeys((*SURNAME_SPELLINGS.get(surname, ()), *(
            "".join(romanize_syllable(s, system) for s in surname) for system in SYSTEMS
        ))))
    ]  # fmt: skip
    for i, syllable in enumerate(given):
        spellings.append(
            tuple(
                dict.fromkeys(
                    romanize_syllable(syllable, system, voiced and i > 0)
                    for system, voiced in _READING_SYSTEMS
                )
            )
        )
    return tuple(spellings)


@lru_cache(maxsize=4_096)
def korean_readings(name: str) -> tuple[tuple[str, ...], ...]:
    """The readings of a Korean personal name in Hangul, as Latin words: the surname, then
    each syllable of the given name; one reading per system and spelling of the surname,
    best known first (``김정은`` → kim jong un, kim jeong eun, kim chong un, ...). Words
    already spaced keep their spaces (surname first, as Korean writes it)."""
    if not has_hangul(name):
        return ()
    surname, given = _parts(name)
    readings: list[tuple[str, ...]] = []
    spellings = SURNAME_SPELLINGS.get(surname, ())
    for system, voiced in _READING_SYSTEMS:
        given_words = tuple(
            romanize_syllable(s, system, voiced and i > 0) for i, s in enumerate(given)
        )
        # The surname as its bearers spell it, or as the system does where the table has
        # no spelling for it.
        system_surname = "".join(romanize_syllable(s, system) for s in surname)
        for spelling in spellings or (system_surname,):
            readings.append((spelling, *given_words))
    return tuple(dict.fromkeys(readings))


# -- Korean names in Latin letters ---------------------------------------------------------

#: What the syllables of names are made of: initials but the tense ones (ㄲ ㄸ ㅃ ㅆ ㅉ),
#: vowels but ㅒ ㅙ ㅞ, and finals none, ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ. A larger inventory only
#: turns misspelt Chinese syllables into Korean ones (``wel``, ``jut``).
_NAME_INITIALS = (0, 2, 3, 5, 6, 7, 9, 11, 12, 14, 15, 16, 17, 18)
_NAME_VOWELS = (0, 1, 2, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 16, 17, 18, 19, 20)
_NAME_FINALS = (0, 1, 4, 8, 16, 17, 21)
#: ``ㄹ`` opening a word is dropped or read ``ㄴ`` in South Korea (리 → 이, 룡 → 용, 라 → 나),
#: and ``ㄴ`` before i and y is dropped (녀 → 여): the North writes what the South does not
#: (RI Yong Ho and Lee Yong-ho, RYANG and Yang). Vowels before which ㄹ becomes silent:
#: ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ.
_Y_VOWELS = frozenset((2, 6, 7, 12, 17, 20))
_RIEUL, _NIEUN, _IEUNG = 5, 2, 11
#: South Korea's spellings of ㅢ and ㅣ after h (Kim Hee-sun), beside ``hui``/``hi``.
_SK_EXTRA = {19: "ee", 20: "ee"}


def _compose(initial: int, vowel: int, final: int) -> str:
    return chr(0xAC00 + initial * 588 + vowel * 28 + final)


@lru_cache(maxsize=1)
def _latin_table() -> dict[str, frozenset[str]]:
    """Latin spelling → the Hangul syllables it may write, in any system, voiced or not,
    with the initial sound rule both ways, and as the surnames' own spellings."""
    table: dict[str, set[str]] = defaultdict(set)
    syllables = [
        (initial, vowel, final)
        for initial in _NAME_INITIALS
        for vowel in _NAME_VOWELS
        for final in _NAME_FINALS
    ]
    for initial, vowel, final in syllables:
        syllable = _compose(initial, vowel, final)
        spelt = set(hangul_spellings(syllable))
        if vowel in _SK_EXTRA and initial == 18:  # ㅎ
            spelt.add("h" + _SK_EXTRA[vowel] + _FINALS[final])
        if initial == _RIEUL or (initial == _NIEUN and vowel in _Y_VOWELS):
            silent = vowel in _Y_VOWELS
            other = _compose(_IEUNG if silent else _NIEUN, vowel, final)
            spelt |= {romanize_syllable(other, system) for system in SYSTEMS}
        for spelling in spelt:
            table[spelling].add(syllable)
    return {k: frozenset(v) for k, v in table.items()}


@lru_cache(maxsize=4_096)
def hangul_spellings(syllable: str) -> frozenset[str]:
    """The spellings of one Hangul syllable in the systems, voiced or not, and as a surname
    (no initial sound rule): what tells which shared syllable two spellings most likely
    write."""
    spelt = {romanize_syllable(syllable, system, voiced)
             for system in SYSTEMS for voiced in (False, True)}  # fmt: skip
    return frozenset((*spelt, *SURNAME_SPELLINGS.get(syllable, ())))


def latin_hangul(spelling: str) -> frozenset[str]:
    """The Hangul syllables a Latin spelling may write (``jong`` → 정, 종, ...; ``jeong`` →
    정): two spellings of one syllable in different systems share one. Empty where the
    spelling is no Korean syllable."""
    return _latin_table().get(spelling, frozenset())


def korean_surname_spellings() -> frozenset[str]:
    """Every Latin spelling of the surnames of :data:`SURNAME_SPELLINGS`, theirs and the
    systems' (``Kim``, ``Gim``), but single letters (``I`` for 이, ``U`` for 우) other than
    ``O``, the North's spelling of 오."""
    return _SURNAMES


_SURNAMES = frozenset(
    spelling
    for hangul, spellings in SURNAME_SPELLINGS.items()
    for spelling in (
        *spellings, *("".join(romanize_syllable(c, system) for c in hangul) for system in SYSTEMS)
    )
    if len(spelling) > 1 or spelling == "o"
)

#: Korean surname spellings that are Mandarin syllables but spell no Chinese surname: a
#: name they open is Korean even where its other words read as Mandarin (``RI Su Yong``).
NOT_CHINESE_SURNAMES = frozenset(("ri", "o"))


@lru_cache(maxsize=16_384)
def korean_segmentations(chunk: str, most: int = 3) -> tuple[tuple[str, ...], ...]:
    """Splits of a run-together Latin chunk into the fewest Korean syllable spellings of two
    letters or more, at most ``most`` (``jeongeun`` → jeong eun, jeon geun); empty where
    there is none."""
    found: list[tuple[str, ...]] = []

    def walk(rest: str, parts: tuple[str, ...]) -> None:
        if not rest:
            found.append(parts)
            return
        if len(parts) == most:
            return
        for end in range(min(len(rest), 7), 1, -1):
            head = rest[:end]
            if head in _latin_table():
                walk(rest[end:], (*parts, head))

    if chunk in _latin_table():
        found.append((chunk,))
    elif len(chunk) <= 7 * most:
        walk(chunk, ())
    fewest = min(map(len, found), default=0)
    return tuple(dict.fromkeys(f for f in found if len(f) == fewest))[:4]


__all__ = [
    "NOT_CHINESE_SURNAMES",
    "SURNAME_SPELLINGS",
    "SYSTEMS",
    "hangul_spellings",
    "has_hangul",
    "korean_parts",
    "korean_readings",
    "korean_segmentations",
    "korean_spellings",
    "korean_surname_spellings",
    "latin_hangul",
    "romanize_syllable",
    "split_korean_name",
]
