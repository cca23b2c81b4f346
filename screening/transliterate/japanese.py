"""Japanese kana: Hepburn romanization and the consonant skeleton of a loanword.

Japan's sanctions list writes foreign names in katakana (``カラシニコフ・コンツェルン`` for
Kalashnikov Concern, ``アエロスキャン有限会社`` for LLC Aeroscan), and Japanese customer
files hold such readings (furigana). A katakana transcription cannot be read back into the
Latin spelling: it inserts vowels (``ka-ra-shi-ni-ko-fu``), has no ``l`` or ``v``, and
renders the Russian soft ``t`` as ``chi`` (``ロスネフチ``, Rosneft). What survives is the
sequence of consonants, up to the sounds Japanese does not tell apart; the skeleton keeps
that and nothing else, from either script alike (:func:`loan_skeleton`).
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Kana (hiragana, katakana, their phonetic extensions) and the katakana middle dot.
_KANA = re.compile("[\u3041-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff]")

#: Katakana syllables in Hepburn romanization (hiragana is read through its katakana).
_SYLLABLES: dict[str, str] = {}
for _row, _spellings in (
    ("アイウエオ", ("a", "i", "u", "e", "o")),
    ("カキクケコ", ("ka", "ki", "ku", "ke", "ko")),
    ("ガギグゲゴ", ("ga", "gi", "gu", "ge", "go")),
    ("サシスセソ", ("sa", "shi", "su", "se", "so")),
    ("ザジズゼゾ", ("za", "ji", "zu", "ze", "zo")),
    ("タチツテト", ("ta", "chi", "tsu", "te", "to")),
    ("ダヂヅデド", ("da", "ji", "zu", "de", "do")),
    ("ナニヌネノ", ("na", "ni", "nu", "ne", "no")),
    ("ハヒフヘホ", ("ha", "hi", "fu", "he", "ho")),
    ("バビブベボ", ("ba", "bi", "bu", "be", "bo")),
    ("パピプペポ", ("pa", "pi", "pu", "pe", "po")),
    ("マミムメモ", ("ma", "mi", "mu", "me", "mo")),
    ("ヤユヨ", ("ya", "yu", "yo")),
    ("ラリルレロ", ("ra", "ri", "ru", "re", "ro")),
    ("ワヰヱヲ", ("wa", "i", "e", "o")),
    ("ヴヷヸヹヺ", ("vu", "va", "vi", "ve", "vo")),
):
    _SYLLABLES.update(zip(_row, _spellings, strict=True))
_SYLLABLES["ン"] = "n"
_SPELLINGS = frozenset(_SYLLABLES.values())

#: Small vowels and glides, which change the syllable before them (``ファ`` fa, ``キャ`` kya).
_SMALL_VOWELS = {"ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o"}
_SMALL_GLIDES = {"ャ": "ya", "ュ": "yu", "ョ": "yo"}
#: The consonant of a syllable a small vowel follows: ``フ`` + ``ァ`` = fa, ``ウ`` + ``ィ``
#: = wi, ``テ`` + ``ィ`` = ti (the loanword spellings).
_ONSETS = {"u": "w", "i": "y", "shi": "sh", "chi": "ch", "ji": "j", "tsu": "ts", "fu": "f"}


def has_kana(text: str) -> bool:
    """Whether ``text`` holds Japanese kana."""
    return _KANA.search(text) is not None


def _katakana(char: str) -> str:
    code = ord(char)
    if 0x3041 <= code <= 0x3096:  # hiragana: the katakana 0x60 above
        return chr(code + 0x60)
    return char


def _onset(spelling: str) -> str:
    return _ONSETS.get(spelling, spelling[:-1] if len(spelling) > 1 else spelling)


def kana_to_romaji(text: str) -> str:
    """``text`` with its kana in Hepburn romanization; other characters unchanged.

    Long-vowel marks are dropped (``プーチン`` → puchin), a small ``ッ`` doubles the next
    consonant, and small vowels and glides join the syllable before them
    (``ウラジーミル`` → urajimiru, ``シャ`` → sha, ``ティ`` → ti).
    """
    out: list[str] = []
    double = False
    for char in map(_katakana, text):
        if char in ("ッ", "ー"):
            double = double or char == "ッ"
            continue
        if char in _SMALL_GLIDES and out and out[-1] in _SPELLINGS:
            base = out.pop()
            glide = _SMALL_GLIDES[char]
            onset = _onset(base)
            # shi + ya = sha, chi + yu = chu, ki + yo = kyo
            out.append(onset + glide[1] if onset in ("sh", "ch", "j") else onset + glide)
            continue
        if char in _SMALL_VOWELS and out and out[-1] in _SPELLINGS:
            out.append(_onset(out.pop()) + _SMALL_VOWELS[char])
            continue
        spelling = _SYLLABLES.get(char) or _SMALL_VOWELS.get(char) or _SMALL_GLIDES.get(char)
        if spelling is None:
            out.append(char)
            double = False
            continue
        if double and spelling[0] not in "aeiou":
            spelling = ("t" if spelling.startswith("ch") else spelling[0]) + spelling
        double = False
        out.append(spelling)
    return "".join(out)


#: Spellings of one sound, longest first, and the symbol of the sound. Japanese has no
#: ``l`` (ラ row), renders ``v`` and ``w`` as ``b``, ``f`` or ``u``, ``z`` and ``s`` alike
#: at a word's end, ``ts`` for the Russian ``c`` and ``chi`` or ``ji`` for a soft ``t``
#: or ``d``; Latin spells one sound many ways (``c``, ``k``, ``q``, ``ck``).
_SOUNDS = (
    ("tch", "T"), ("sch", "S"), ("dzh", "T"), ("shch", "S"),
    ("sh", "S"), ("ch", "T"), ("zh", "T"), ("ts", "S"), ("tz", "S"), ("kh", "H"),
    ("ph", "B"), ("th", "T"), ("ck", "K"), ("gh", "G"), ("dj", "T"),
    ("b", "B"), ("v", "B"), ("w", "B"), ("f", "B"),
    ("c", "K"), ("k", "K"), ("q", "K"), ("x", "KS"), ("g", "G"),
    ("d", "T"), ("t", "T"), ("j", "T"),
    ("s", "S"), ("z", "S"), ("l", "R"), ("r", "R"),
    ("m", "M"), ("n", "N"), ("p", "P"), ("h", "H"),
)  # fmt: skip
_SOFT_C = re.compile("c(?=[eiy])")
#: ``ch`` before a consonant is a ``k`` (``technology``, ``Christina``).
_HARD_CH = re.compile("ch(?=[b-df-hj-np-tv-xz])")
_SOUND_PATTERN = re.compile(
    "|".join(re.escape(s) for s, _ in sorted(_SOUNDS, key=lambda p: -len(p[0])))
)
_VOWELLED_PATTERN = re.compile(_SOUND_PATTERN.pattern + "|[aeiouy]")
_SYMBOL = dict(_SOUNDS)


#: ``v`` or ``w`` opening a word before a consonant, which Japanese hears as a vowel
#: (``ウラジーミル``, Vladimir).
_OPENING_V = re.compile("^[vw](?=[b-df-hj-np-tv-xz])")


_CODA_RL = re.compile("(?<=[aeiouy])[rl]+(?=[b-df-hj-kmnp-tv-z])")


def _symbols(word: str, vowels: bool, han: bool, coda: bool = True) -> str:
    text = _SOFT_C.sub("s", _HARD_CH.sub("k", _OPENING_V.sub("u", word)))
    if han:
        # Pinyin b and g are an unaspirated p and k: Chinese writes b and p with the one
        # (彼得, Peter; 布什, Bush), g and k with the other (尼古拉, Nikolai), and f, v, w
        # apart. An r or l closing a syllable it may drop (伯格 for berg, 阿不都 for
        # Abdul): without ``coda``, neither counts before a consonant. Its e is the o of
        # Igor (伊戈尔) as often as an e.
        text = text.replace("b", "p").replace("g", "k")
        if not coda:
            text = _CODA_RL.sub("", text)
        if vowels:
            text = text.replace("e", "o")
    pattern = _VOWELLED_PATTERN if vowels else _SOUND_PATTERN
    symbols = "".join(_SYMBOL.get(m, m) for m in pattern.findall(text)).replace("y", "i")
    out: list[str] = []
    for s in symbols:
        if not out or out[-1] != s:
            out.append(s)
    return "".join(out)


#: An ``r`` after a vowel and before a consonant or the end, which English does not sound
#: and Japanese writes as a long vowel (``ピーター``, Peter; ``ロバート``, Robert).
_SILENT_R = re.compile("(?<=[aeiouy])r+(?=[^aeiouy]|$)")


#: ... and an ``h`` after a vowel (``ジョン``, John; ``サラ``, Sarah).
_SILENT_H = re.compile("(?<=[aeiouy])h")


@lru_cache(maxsize=65_536)
def as_english_heard(word: str) -> str:
    """A Latin word as Japanese hears it in English: ``th`` as ``s`` (``スミス``, Smith),
    no ``r`` or ``h`` after a vowel (``peter`` → pete, ``john`` → jon). Other languages
    sound them (``セルゲイ``, Sergei): the comparison tries the word as written and this."""
    return _SILENT_H.sub("", _SILENT_R.sub("", word.replace("th", "s")))


@lru_cache(maxsize=65_536)
def loan_letters(word: str, han: bool = False, coda: bool = True) -> str:
    """:func:`loan_skeleton` with the vowels kept (``y`` as ``i``): ``aeroscan`` is
    ``aeRoSKaN``, ``aerosukyan`` ``aeRoSuKiaN``. A transcription only adds vowels to a
    name's, so the Latin name's letters should all be found in it, in order."""
    return _symbols(word, vowels=True, han=han, coda=coda)


@lru_cache(maxsize=65_536)
def loan_skeleton(word: str, han: bool = False, coda: bool = True) -> str:
    """The consonants of a lowercase Latin or romanized word, one symbol per sound that
    Japanese keeps apart: ``kalashnikov`` and ``karashinikofu`` are both ``KRSNKB``,
    ``rosneft`` and ``rosunefuchi`` ``RSNBT``. Vowels (and ``y``) carry nothing, since
    a transcription adds its own; a letter repeated is one sound. ``han``: the classes
    of a Chinese transcription, where b is p and apart from f, v and w, and g is k;
    without ``coda``, an r or l between a vowel and a consonant is dropped."""
    return _symbols(word, vowels=False, han=han, coda=coda)


#: Japanese legal forms in kanji (folded as Latin ones are): joint-stock company, public
#: and non-public joint-stock company, limited company, limited liability company,
#: limited and general partnership.
JAPANESE_LEGAL_FORMS = frozenset(
    ("株式会社", "公開株式会社", "非公開株式会社", "公開", "非公開", "有限会社", "合同会社",
     "合資会社", "合名会社", "有限責任会社")
)  # fmt: skip

_LEGAL_LONGEST_FIRST = sorted(JAPANESE_LEGAL_FORMS, key=len, reverse=True)

#: A run of kana (with the long-vowel mark), of Han characters, or of other letters and
#: digits: the words of a Japanese name, which spaces, ``・`` and ``=`` also separate.
_RUNS = re.compile(
    "([\u3041-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff]+)"
    "|([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)"
    "|([0-9A-Za-z\u00c0-\u024f]+(?:[&'-][0-9A-Za-z\u00c0-\u024f]+)*)"
)


#: A space before a long-vowel mark or a small kana, which no word begins with: a slip
#: of the list's typing inside a word (``グル ープ``, ``イジ ュマシュ``).
_STRAY_SPACE = re.compile(
    "(?<=[\u3041-\u309f\u30a1-\u30fa\u30fc-\u30ff]) +"
    "(?=[ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ])"
)


#: The particle の between words in katakana or kanji (``イラクのアル・カーイダ``, Al-Qaida
#: in Iraq): a word of the sentence, not of the name; what follows it comes first.
_PARTICLE_NO = re.compile(
    "(?<=[\u30a1-\u30fa\u30fc\u3400-\u9fff])の(?=[\u30a1-\u30fa\u3400-\u9fff])"
)


def _split_legal(run: str, legal: list[str]) -> str:
    """``run`` without the legal forms it starts or ends with (``株式会社学術生産団体``:
    a joint-stock company, then a translation), which go to ``legal``."""
    found = True
    while run and found:
        found = False
        for form in _LEGAL_LONGEST_FIRST:
            if run.startswith(form) or run.endswith(form):
                legal.append(form)
                run = run[len(form) :] if run.startswith(form) else run[: -len(form)]
                found = True
                break
    return run


def japanese_words(text: str) -> tuple[list[str], list[str], list[str]]:
    """A name written with kana, in words: ``(romanized words, legal forms, other Han)``.

    Kana words are romanized (:func:`kana_to_romaji`), Latin ones kept as written; words in
    kanji are either legal forms or translations (``航空`` for aero), which no reading can
    compare with a Latin name, and are returned apart."""
    words: list[str] = []
    legal: list[str] = []
    han: list[str] = []
    parts = _PARTICLE_NO.split(_STRAY_SPACE.sub("", text), maxsplit=1)
    # ``X の Y`` is the Y of X, as a Latin name writes it (Al-Qaida in Iraq).
    text = " ".join(reversed(parts))

    for kana, kanji, other in _RUNS.findall(text):
        if kana:
            words.append(kana_to_romaji(kana))
        elif kanji:
            rest = _split_legal(kanji, legal)
            if rest:
                han.append(rest)
        elif other:
            words.append(other)
    return words, legal, han


__all__ = [
    "JAPANESE_LEGAL_FORMS",
    "as_english_heard",
    "has_kana",
    "japanese_words",
    "kana_to_romaji",
    "loan_letters",
    "loan_skeleton",
]
