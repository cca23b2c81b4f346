"""Organisation names that mix Han characters and Latin letters, read as one Latin name.

Chinese registries and customer files write ``TCL科技集团股份有限公司``,
``OPPO广东移动通信有限公司``, ``ABC Technology 有限公司``; Japan's list writes
``CST有限会社``. Read as Han, such a name loses its Latin words (the brand, often); read
as Latin, its Han words. Reading the Han runs the way a romanized name spells them
keeps both: legal forms as Latin legal forms, places and trade words in the words a
romanized name uses (广东 guangdong, 科技 tech), the rest in pinyin, one word per run.
"""

from __future__ import annotations

import re
from functools import lru_cache

from screening.normalize.names import (
    HAN_PLACE_WORDS,
    han_generic_words,
    split_han_org,
    strip_han_place,
)
from screening.transliterate.chinese import mandarin_readings, to_simplified
from screening.transliterate.japanese import JAPANESE_LEGAL_FORMS

_HAN_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LATIN_WORD = re.compile("[A-Za-z]{2,}")
_NAME_WORD = re.compile("[A-Za-z]{3,}")

#: Chinese legal forms (which end a name) and the Latin ones a romanized name writes.
_CHINESE_LEGAL_LATIN: dict[str, str] = {
    "股份有限公司": "co ltd", "有限责任公司": "llc", "集团有限公司": "group co ltd",
    "控股有限公司": "holdings co ltd", "有限公司": "co ltd", "集团公司": "group co",
    "控股集团": "holding group", "集团": "group", "控股": "holdings", "公司": "co",
}  # fmt: skip


@lru_cache(maxsize=1)
def _legal_forms() -> tuple[dict[str, str], frozenset[str], list[str]]:
    """``(Latin of each Han legal form, the Japanese ones, all longest first)``, in
    simplified script as the runs are read (``公開株式会社`` is ``公开株式会社``)."""
    japanese = frozenset(map(to_simplified, JAPANESE_LEGAL_FORMS))
    latin = {**_CHINESE_LEGAL_LATIN, **dict.fromkeys(japanese, "co ltd")}
    return latin, japanese, sorted(latin, key=len, reverse=True)


def is_mixed_script(text: str) -> bool:
    """Whether ``text`` holds both Han characters and a Latin word of two letters or more."""
    return _HAN_RUN.search(text) is not None and _LATIN_WORD.search(text) is not None


def _strip_legal(run: str) -> tuple[list[str], str, list[str]]:
    """``(leading legal forms, rest, trailing legal forms)`` of a simplified Han run:
    Chinese forms end a name, Japanese ones end or begin it. Unlike a Han name, the run
    may be nothing but a legal form: the name is in Latin letters."""
    _, japanese, longest_first = _legal_forms()
    leading: list[str] = []
    trailing: list[str] = []
    changed = True
    while run and changed:
        changed = False
        for form in longest_first:
            if run.endswith(form):
                trailing.insert(0, form)
                run = run[: -len(form)]
                changed = True
                break
            if form in japanese and run.startswith(form):
                leading.append(form)
                run = run[len(form) :]
                changed = True
                break
    return leading, run, trailing


def han_legal_forms(text: str) -> list[str]:
    """The Han legal forms that end (or, Japanese, begin) the Han runs of ``text``."""
    found: list[str] = []
    for run in _HAN_RUN.findall(text):
        leading, _, trailing = _strip_legal(to_simplified(run))
        found += leading + trailing
    return found


def _read_run(run: str) -> list[str]:
    """The words a romanized name spells a Han run with (legal forms, places, trade words
    and the pinyin of the rest)."""
    latin = _legal_forms()[0]
    leading, core, trailing = _strip_legal(to_simplified(run))
    words = [latin[f] for f in leading]
    generic = han_generic_words(core) if core else []
    if generic is not None:
        words += generic
    else:
        rest = strip_han_place(core)
        if rest is not None:
            words.append(HAN_PLACE_WORDS[core[: len(core) - len(rest)]])
            core = rest
        distinctive, after = split_han_org(core)
        words.append("".join(r[0] for r in mandarin_readings(distinctive, False)))
        words += after
    return words + [latin[f] for f in trailing]


def mixed_to_latin(text: str) -> str:
    """``text`` with each Han run read as a romanized name spells it:
    ``TCL科技集团股份有限公司`` → ``TCL tech group co ltd``, ``OPPO广东移动通信有限公司`` →
    ``OPPO guangdong yidong communication co ltd``."""
    read = _HAN_RUN.sub(lambda m: " " + " ".join(_read_run(m.group(0))) + " ", text)
    return " ".join(read.split())


def han_part(text: str) -> str:
    """The Han runs of ``text``, joined: the name as a Han list would write it."""
    return "".join(_HAN_RUN.findall(text))


def latin_part(text: str) -> str:
    """``text`` without its Han runs."""
    return " ".join(_HAN_RUN.sub(" ", text).split())


def has_distinctive_han(text: str) -> bool:
    """Whether the Han runs of ``text`` name something beyond legal forms, places and trade
    words (``华为`` in ``Huawei Technologies 华为技术有限公司``; not ``科技有限公司``)."""
    for run in _HAN_RUN.findall(text):
        _, core, _ = _strip_legal(to_simplified(run))
        if len(core) >= 2 and han_generic_words(core) is None:
            return True
    return False


def script_spellings(name: str) -> list[str]:
    """A name written in both scripts (``Huawei Technologies 华为技术有限公司``) as each
    script alone, where each holds a name of its own: a Han one beyond legal forms, places
    and trade words, and a Latin word of three letters or more. A list files the two as
    separate names; read together, the brand would be counted twice."""
    if not is_mixed_script(name) or not has_distinctive_han(name):
        return []
    latin = latin_part(name)
    if not _NAME_WORD.search(latin):
        return []
    return [han_part(name), latin]


__all__ = [
    "han_legal_forms",
    "han_part",
    "has_distinctive_han",
    "is_mixed_script",
    "latin_part",
    "mixed_to_latin",
    "script_spellings",
]
