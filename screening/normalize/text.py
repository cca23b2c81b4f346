"""Unicode clean-up of names before any comparison.

Order matters: NFKC first (full-width letters become ASCII), then invisible characters go,
then homoglyphs are folded *before* transliteration, so a Cyrillic ``С`` inside ``Сhen`` is
read as Latin ``C`` (unidecode would make it ``S`` and the name ``Shen``).
"""

from __future__ import annotations

import re
import unicodedata

#: Cyrillic and Greek letters that look like Latin ones, folded only inside words that are
#: mostly Latin (a genuine Cyrillic name is left to the transliterator).
HOMOGLYPHS: dict[str, str] = {
    # Cyrillic
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "Ԛ": "Q", "Ԝ": "W",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
    "ј": "j", "ѕ": "s", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "к": "k", "м": "m",
    "т": "t", "в": "b", "н": "h",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ι": "i",
    "κ": "k", "ν": "v", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "α": "a",
}  # fmt: skip

_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")
_WORD = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s+")
#: Apostrophe-like marks: Wade-Giles aspiration and English possessives alike.
APOSTROPHES = "'’‘`´ʼʻ′"


def is_han(char: str) -> bool:
    """True for CJK unified ideographs (basic block, extension A and compatibility)."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x2FA1F
    )


#: The ranges of :func:`is_han`, for whole strings.
_HAN_CHAR = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0002fa1f]")


def has_han(text: str) -> bool:
    return _HAN_CHAR.search(text) is not None


def count_han(text: str) -> int:
    """Number of Han characters in ``text``."""
    return len(_HAN_CHAR.findall(text))


def strip_invisible(text: str) -> str:
    """Drop format characters (zero-width space/joiner, BOM, bidi marks) and control codes."""
    return "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cc"))


def _fold_word(match: re.Match[str]) -> str:
    word = match.group(0)
    latin = len(_LATIN_LETTER.findall(word))
    foldable = sum(1 for c in word if c in HOMOGLYPHS)
    # Fold only when Latin letters dominate: "Сhen" (1 Cyrillic of 4) becomes "Chen", a real
    # Russian name stays Cyrillic for the transliterator.
    if latin and foldable and latin >= foldable:
        return "".join(HOMOGLYPHS.get(c, c) for c in word)
    return word


def fold_homoglyphs(text: str) -> str:
    """Replace Cyrillic/Greek look-alikes inside mostly-Latin words by their Latin letter."""
    return _WORD.sub(_fold_word, text)


def strip_diacritics(text: str) -> str:
    """Remove combining marks (``ü`` → ``u``, ``ê`` → ``e``); Han and other scripts untouched."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept)


def clean(text: str) -> str:
    """NFKC, invisible characters removed, homoglyphs folded, whitespace collapsed.

    Case and punctuation are kept: name structure (commas, hyphens, apostrophes) still
    carries meaning for the name parser.
    """
    text = unicodedata.normalize("NFKC", text)
    text = strip_invisible(text)
    text = fold_homoglyphs(text)
    return _SPACE.sub(" ", text).strip()
