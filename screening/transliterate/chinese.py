"""Han characters: simplified/traditional folding, Mandarin and Cantonese readings.

Readings come from well-kept dictionaries rather than tables of examples: pypinyin reads
whole strings with word context (技术 → ji shu, where a per-character table says ji zhu);
cantonese-romanisation gives Hong Kong government spellings (李 → lee, lei, li); OpenCC folds
traditional to simplified (朱海侖 → 朱海仑). What no dictionary gets right is the reading of
a *surname*: 单 is Shan, 曾 Zeng, 区 Ou in a person's name. :data:`SURNAME_READINGS` is the
table of those polyphonic surnames, applied only to the first character(s) of person names.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from screening.normalize.text import is_han
from screening.transliterate._syllables import CANTONESE_HK

#: Compound (two-character) surnames, simplified script.
COMPOUND_SURNAMES: frozenset[str] = frozenset(
    {
        "欧阳", "司马", "尉迟", "上官", "诸葛", "东方", "皇甫", "公孙", "慕容", "令狐",
        "夏侯", "司徒", "长孙", "宇文", "轩辕", "端木", "西门", "南宫", "独孤", "澹台",
        "公冶", "宗政", "濮阳", "淳于", "单于", "太叔", "申屠", "闻人", "赫连", "呼延",
        "万俟", "钟离", "百里", "东郭", "司空", "羊舌", "拓跋", "第五", "梁丘", "左丘",
    }
)  # fmt: skip

#: Mandarin readings of characters when they are a surname, where the everyday reading
#: differs (standard readings per the Xinhua Zidian / Hundred Family Surnames).
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "单": ("shan",), "曾": ("zeng",), "区": ("ou",), "查": ("zha",), "解": ("xie",),
    "仇": ("qiu",), "朴": ("piao",), "盖": ("ge",), "乐": ("yue",), "尉": ("wei", "yu"),
    "繁": ("po",), "冼": ("xian",), "员": ("yun",), "种": ("chong",), "秘": ("bi",),
    "缪": ("miao",), "翟": ("zhai",), "覃": ("qin",), "召": ("shao",), "华": ("hua",),
    "任": ("ren",), "宁": ("ning",), "折": ("she",), "佴": ("nai",), "隗": ("wei",),
    "长": ("chang",), "重": ("chong",), "莘": ("shen",), "藏": ("zang",), "燕": ("yan",),
    "纪": ("ji",), "句": ("gou",), "蕃": ("pi",), "能": ("nai",), "薄": ("bo",),
    "都": ("du",), "沈": ("shen",), "贲": ("ben",), "过": ("guo",), "相": ("xiang",),
    "朝": ("chao",), "车": ("che",), "阚": ("kan",), "郇": ("xun",), "应": ("ying",),
    "哈": ("ha",), "俞": ("yu",), "祭": ("zhai",), "厍": ("she",), "逄": ("pang",),
    "柏": ("bai",), "迟": ("chi",), "万": ("wan",), "粘": ("nian",),
}  # fmt: skip
#: Readings of compound surnames as a whole.
COMPOUND_READINGS: dict[str, tuple[str, str]] = {
    "尉迟": ("yu", "chi"), "单于": ("chan", "yu"), "万俟": ("mo", "qi"),
    "长孙": ("zhang", "sun"), "澹台": ("tan", "tai"),
}  # fmt: skip


@lru_cache(maxsize=1)
def _converters() -> tuple[Any, Any]:
    import opencc

    return opencc.OpenCC("t2s"), opencc.OpenCC("s2t")


@lru_cache(maxsize=1)
def _cantonese() -> Any:
    from cantoroman import Cantonese

    return Cantonese()


@lru_cache(maxsize=16_384)
def to_simplified(text: str) -> str:
    """Traditional → simplified (OpenCC ``t2s``); simplified text comes back unchanged."""
    return str(_converters()[0].convert(text))


@lru_cache(maxsize=16_384)
def to_traditional(text: str) -> str:
    """Simplified → traditional (OpenCC ``s2t``), needed for the Cantonese table."""
    return str(_converters()[1].convert(text))


def split_surname(han: str) -> tuple[str, str]:
    """``(surname, given)`` of a Han person name in simplified script (compound-aware)."""
    if len(han) >= 3 and han[:2] in COMPOUND_SURNAMES:
        return han[:2], han[2:]
    return han[:1], han[1:]


def _keep_chars(text: str) -> str:
    """pypinyin's hook for characters it cannot read: keep them as they are."""
    return text


@lru_cache(maxsize=4_096)
def transcription_readings(han: str) -> tuple[tuple[str, ...], ...]:
    """Toneless pinyin readings per character of a foreign name written in Han
    (``阿不都·哈克``, Abdul Haq): the contextual reading first, then every other one, since
    no word context applies to characters chosen for their sound (都 is du there, not the
    dou of the word for all)."""
    from pypinyin import Style, pinyin

    contextual = mandarin_readings(han, False)
    every = pinyin(han, style=Style.NORMAL, heteronym=True, v_to_u=True, errors=_keep_chars)
    if len(every) != len(han):
        return contextual
    return tuple(
        tuple(dict.fromkeys((*_SOUND_READINGS.get(c, ()), *first, *others)))
        for c, first, others in zip(han, contextual, every, strict=True)
    )


#: Characters of transcriptions whose reading there is not the one a word context gives
#: (纳雷什金, Naryshkin: 什 is shi, not the shen of 什么; 阿不都: 都 is du, not dou).
_SOUND_READINGS: dict[str, tuple[str]] = {"什": ("shi",), "都": ("du",)}


#: Pinyin initials as the foreign sounds they transcribe (Xinhua's tables): ``x`` for s
#: or sh (谢尔盖, Sergei), ``q`` for ch, ``c`` for ts (茨), ``zh`` for j, ``r`` for the
#: Russian zh (普里戈任, Prigozhin).
_HEARD_INITIALS = (("zh", "j"), ("x", "s"), ("q", "ch"), ("c", "ts"), ("r", "zh"))


def pinyin_as_heard(syllable: str) -> str:
    """A pinyin syllable of a transcribed foreign name spelt as the sound it stands for,
    so that the consonants of ``普京`` (pujin) are those of Putin: initials as above, a
    final ``ng`` as ``n`` (京 for tin), ``ü`` as ``u``."""
    for initial, heard in _HEARD_INITIALS:
        if syllable.startswith(initial) and not syllable.startswith(("ch", "sh")):
            syllable = heard + syllable[len(initial) :]
            break
    if syllable == "wu":
        return "u"  # 乌 for an u (乌斯马诺夫, Usmanov), where 瓦 and 维 are va and vi
    if syllable.endswith("ng"):
        syllable = syllable[:-1]
    return syllable.replace("ü", "u")


@lru_cache(maxsize=16_384)
def mandarin_readings(han: str, person: bool) -> tuple[tuple[str, ...], ...]:
    """Toneless pinyin readings per character of a simplified Han string.

    The first reading is pypinyin's contextual one; for person names the surname reading is
    added first where it differs (单 → shan, dan).
    """
    from pypinyin import Style, lazy_pinyin

    contextual = lazy_pinyin(han, style=Style.NORMAL, v_to_u=True, errors=_keep_chars)
    if len(contextual) != len(han):  # unreadable runs came back joined: read char by char
        contextual = [
            (lazy_pinyin(c, style=Style.NORMAL, v_to_u=True, errors=_keep_chars) or [c])[0]
            for c in han
        ]
    readings: list[tuple[str, ...]] = [(r,) for r in contextual]
    if person and han:
        surname, _ = split_surname(han)
        if surname in COMPOUND_READINGS:
            for i, r in enumerate(COMPOUND_READINGS[surname]):
                readings[i] = (r, *(x for x in readings[i] if x != r))
        elif surname in SURNAME_READINGS:
            special = SURNAME_READINGS[surname]
            readings[0] = (*special, *(x for x in readings[0] if x not in special))
    return tuple(readings)


@lru_cache(maxsize=16_384)
def cantonese_readings(char: str) -> tuple[str, ...]:
    """Hong Kong government romanizations of one character (any script), without repeats.

    The table gives some characters only their Jyutping-like spelling with a voiced
    initial (炳 ``bing``, 寶 ``bo``); the Hong Kong government scheme writes those initials
    unvoiced (TANG Ping-keung, 鄧炳強; ``Po``, ``Pak``, ``Tak``, ``Kwok``), so each such
    spelling is followed by its unvoiced one where that is a Hong Kong spelling too.
    """
    traditional = to_traditional(char)
    found = _cantonese().getRoman(traditional)
    out: dict[str, None] = {}
    for group in found:
        for r in group:
            if r.isalpha():
                out[r.lower()] = None
    for r in list(out):
        unvoiced = _UNVOICED.get(r[0])
        if unvoiced is not None and (spelt := unvoiced + r[1:]) in CANTONESE_HK:
            out.setdefault(spelt, None)
    return tuple(out)


#: Voiced initials of Jyutping and the Hong Kong government's letter for them.
_UNVOICED = {"b": "p", "d": "t", "g": "k"}


def han_runs(text: str) -> list[str]:
    """Maximal runs of Han characters in ``text``."""
    runs: list[str] = []
    current: list[str] = []
    for c in text:
        if is_han(c):
            current.append(c)
        elif current:
            runs.append("".join(current))
            current = []
    if current:
        runs.append("".join(current))
    return runs
