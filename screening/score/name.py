"""Name analysis and comparison, the heart of the matcher.

A name is analysed once into a :class:`NameForm`: words made of *slots*, one slot per
syllable of a Chinese name (or one per word of any other name). Each slot carries a set of
keys that say what it can stand for: ``h:朱`` (the character), ``p:zhu`` (a Mandarin reading),
``c:chu`` (a Hong Kong Cantonese spelling), ``r:chu`` (the letters as written). Two slots are
the same when their key sets meet, which is how ``Chu`` (Wade-Giles) meets ``Zhu`` (pinyin)
and ``朱`` (Han) meets both, without ever choosing one "right" romanization.

Person names are compared by aligning slot sequences (with word order rotated, so ``Hailun
Zhu`` meets ``ZHU Hailun``), allowing a misspelt word to align with several syllables. A
different valid syllable (``Hailong`` for ``Hailun``) costs far more than a typo, and a
missing part (surname alone) counts as unmatched, which is what keeps short Chinese names
from over-matching. Organisation names are compared as words after legal forms are folded.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import attrs
from rapidfuzz.distance import OSA, Indel
from rapidfuzz.fuzz import token_sort_ratio
from unidecode import unidecode

from screening.model import ORGANIZATION_SCHEMAS
from screening.normalize.names import (
    drop_titles,
    expand_parentheses,
    fold_org_words,
    leading_place,
    split_words,
    strip_han_legal_forms,
    strip_han_place,
)
from screening.normalize.text import clean, has_han, is_han
from screening.transliterate.chinese import (
    cantonese_readings,
    han_runs,
    mandarin_readings,
    split_surname,
    to_simplified,
)
from screening.transliterate.romanization import (
    is_cantonese_syllable,
    pinyin_readings,
    segment,
    systems_of,
)

#: How much of a slot's similarity survives when both slots are valid but different
#: syllables (``lun`` vs ``long``): a different syllable is usually a different name.
SYLLABLE_SUBSTITUTION_FACTOR = 0.6
#: Similarity of slots equal through a reading or romanization table, not letter for letter.
READING_EQUAL = 0.985
CANTONESE_EQUAL = 0.98
#: Two different Han characters that read the same (homophones).
HOMOPHONE_EQUAL = 0.9
#: A misspelt word may align with up to this many syllables of the other name.
MAX_MERGE = 3
#: Scores below 1.0 are capped here: 1.0 is reserved for an exact match after normalization.
NEAR_EXACT_CAP = 0.99
#: An organisation name matched only after dropping a leading place name on one side.
PLACE_DROP_FACTOR = 0.97
#: Maximum syllables per word for a name to be read as Chinese.
MAX_SYLLABLES_PER_WORD = 4

PERSON = "person"
ORG = "org"
ANY = "any"


@attrs.frozen(slots=True)
class Slot:
    """One syllable (or one non-Chinese word) and everything it may stand for."""

    text: str
    keys: frozenset[str]
    syllable: bool
    han: str = ""

    def alternatives(self) -> tuple[str, ...]:
        """Texts to compare letter by letter: as written, then pinyin readings."""
        alts = [self.text]
        alts.extend(k[2:] for k in self.keys if k.startswith("p:") and k[2:] != self.text)
        return tuple(alts)


@attrs.frozen(slots=True)
class NameForm:
    """A name analysed for comparison; built once per list name and per distinct query."""

    original: str
    kind: str
    normalized: str
    slots: tuple[tuple[Slot, ...], ...]
    han: str = ""
    org_variants: tuple[tuple[str, bool], ...] = ()
    han_variants: tuple[tuple[str, bool], ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def flat(self) -> tuple[Slot, ...]:
        return tuple(s for word in self.slots for s in word)

    @property
    def is_han(self) -> bool:
        return bool(self.han)

    def blocking_keys(self) -> set[str]:
        """Keys under which the index files this name (and looks a query up)."""
        keys: set[str] = set()
        for slot in self.flat:
            keys.update(slot.keys)
            if not slot.syllable and len(slot.text) >= 4:
                keys.add("pre:" + slot.text[:3])
                keys.add("suf:" + slot.text[-3:])
        for variant, _ in self.org_variants:
            for word in variant.split():
                keys.add("w:" + word)
                if len(word) >= 5:
                    keys.add("pre:" + word[:3])
                    keys.add("suf:" + word[-3:])
        for han, _ in self.han_variants:
            keys.update("h:" + c for c in han)
        return keys


def _han_slot(char: str, readings: Sequence[str]) -> Slot:
    keys = {"h:" + char}
    keys.update("p:" + r for r in readings)
    keys.update("c:" + r for r in cantonese_readings(char))
    return Slot(text=readings[0] if readings else char, keys=frozenset(keys), syllable=True,
                han=char)


def _latin_syllable_slot(part: str) -> Slot:
    keys = {"r:" + part, "c:" + part}
    keys.update("p:" + r for r in pinyin_readings(part))
    return Slot(text=part, keys=frozenset(keys), syllable=True)


def _raw_slot(word: str) -> Slot:
    return Slot(text=word, keys=frozenset({"r:" + word}), syllable=False)


def _sinitic_parts(word: str) -> list[str] | None:
    """The syllables of a word if it reads as romanized Chinese, else ``None``."""
    parts: list[str] = []
    for chunk in word.split("-"):
        if not chunk:
            continue
        if chunk.isdigit():
            return None
        if is_cantonese_syllable(chunk):
            # Hong Kong spellings are one syllable each (``chuen``, never chu-en).
            parts.append(chunk)
            continue
        seg = segment(chunk)
        if seg is not None and len(seg) <= MAX_SYLLABLES_PER_WORD:
            parts.extend(seg)
        else:
            return None
    return parts or None


def _latin_person_slots(words: list[str]) -> tuple[tuple[Slot, ...], ...]:
    split = [_sinitic_parts(w) for w in words]
    if all(s is not None for s in split):
        return tuple(tuple(_latin_syllable_slot(p) for p in parts or ()) for parts in split)
    return tuple((_raw_slot(w.replace("-", "")),) for w in words)


def _han_person_slots(han: str) -> tuple[tuple[Slot, ...], ...]:
    readings = mandarin_readings(han, True)
    surname, given = split_surname(han)
    slots = [_han_slot(c, readings[i]) for i, c in enumerate(han)]
    if not given:
        return (tuple(slots),)
    return (tuple(slots[: len(surname)]), tuple(slots[len(surname) :]))


def _latin_words(text: str) -> list[str]:
    ascii_text = unidecode(text) if not text.isascii() else text
    return split_words(ascii_text)


@lru_cache(maxsize=65_536)
def analyze_name(name: str, schema: str | None = None) -> NameForm:
    """Analyse a name for comparison. ``schema`` picks person or organisation handling;
    ``None`` prepares both, and the candidate decides which is used."""
    if schema == "Person":
        kind = PERSON
    elif schema in ORGANIZATION_SCHEMAS or schema in ("Vessel", "Airplane"):
        kind = ORG
    else:
        kind = ANY
    text = clean(name)
    notes: list[str] = []
    if text != name.strip():
        notes.append("unicode clean-up (NFKC, invisible characters, homoglyphs)")
    han = ""
    slots: tuple[tuple[Slot, ...], ...] = ()
    org_variants: list[tuple[str, bool]] = []
    han_variants: list[tuple[str, bool]] = []
    han_chars = sum(1 for c in text if is_han(c))
    if han_chars >= 2 or (han_chars and not any(c.isalpha() and c.isascii() for c in text)):
        joined = "".join(han_runs(text))
        han = to_simplified(joined)
        if han != joined:
            notes.append(f"traditional {joined} = simplified {han}")
        for title in ("先生", "女士", "小姐", "博士", "教授"):
            if han.endswith(title) and len(han) > len(title) + 1:
                han = han[: -len(title)]
        if kind != ORG:
            slots = _han_person_slots(han)
        if kind != PERSON:
            core, removed = strip_han_legal_forms(han)
            han_variants.append((core, False))
            without_place = strip_han_place(core)
            if without_place:
                han_variants.append((without_place, True))
            readings = mandarin_readings(core, False)
            org_variants.append((" ".join(r[0] for r in readings), False))
            if without_place:
                offset = len(core) - len(without_place)
                org_variants.append((" ".join(r[0] for r in readings[offset:]), True))
            if removed:
                notes.append("Han legal form removed: " + ", ".join(removed))
        normalized = han
    else:
        words = _latin_words(text)
        if kind != ORG:
            person_words = drop_titles(words)
            slots = _latin_person_slots(person_words)
        if kind != PERSON:
            core, removed = fold_org_words(words)
            org_variants.append((" ".join(core), False))
            places = leading_place(core)
            if places:
                org_variants.append((" ".join(core[places:]), True))
            if removed:
                notes.append("legal form folded: " + " ".join(removed))
        normalized = " ".join(w.replace("-", "") for w in words)
    return NameForm(
        original=name,
        kind=kind,
        normalized=normalized,
        slots=slots,
        han=han,
        org_variants=tuple(org_variants),
        han_variants=tuple(han_variants),
        notes=tuple(notes),
    )


def expand_list_name(name: str) -> list[str]:
    """The spellings of one list name worth indexing (parenthesised parts split off)."""
    return expand_parentheses(name)


# -- comparison ----------------------------------------------------------------------------


def _text_similarity(a: str, b: str) -> float:
    """Letter-level similarity: the better of Indel and OSA (a swap counts as one edit)."""
    if a == b:
        return 1.0
    return max(Indel.normalized_similarity(a, b), OSA.normalized_similarity(a, b))


def slot_similarity(a: Slot, b: Slot) -> tuple[float, str]:
    """Similarity of two slots and the reason, for explanations."""
    if a.text == b.text and a.han == b.han:
        return 1.0, "same"
    shared = a.keys & b.keys
    if shared:
        if any(k.startswith("h:") for k in shared):
            return 1.0, f"same character {a.han or b.han}"
        if any(k.startswith("r:") for k in shared):
            return 1.0, "same"
        if a.han and b.han:
            return HOMOPHONE_EQUAL, f"homophones {a.han}/{b.han}"
        reading = next((k[2:] for k in sorted(shared) if k.startswith("p:")), None)
        if reading is not None:
            return READING_EQUAL, _reading_reason(a, b, reading)
        spelling = next(k[2:] for k in sorted(shared))
        return CANTONESE_EQUAL, f"Cantonese {spelling} = {a.han or b.han or spelling}"
    best = 0.0
    for x in a.alternatives():
        for y in b.alternatives():
            best = max(best, _text_similarity(x, y))
    if a.syllable and b.syllable:
        return best * SYLLABLE_SUBSTITUTION_FACTOR, f"different syllables {a.text}/{b.text}"
    return best, f"spelling {a.text}/{b.text}"


def _reading_reason(a: Slot, b: Slot, reading: str) -> str:
    def describe(s: Slot) -> str:
        if s.han:
            return f"Han {s.han} (pinyin {s.text})"
        systems = systems_of(s.text)
        if "pinyin" in systems and s.text == reading:
            return f"pinyin {s.text}"
        label = "/".join(sorted(systems - {"pinyin"})) or "romanized"
        return f"{label} {s.text}"

    return f"{describe(a)} = {describe(b)}"


def _rotations(words: tuple[tuple[Slot, ...], ...]) -> list[tuple[Slot, ...]]:
    n = len(words)
    orders = [words[i:] + words[:i] for i in range(n)] if n > 1 else [words]
    if n > 2:
        orders.append(tuple(reversed(words)))
    return [tuple(s for w in order for s in w) for order in orders]


@attrs.frozen(slots=True)
class Step:
    """One aligned pair of the best alignment, for explanations."""

    query: str
    candidate: str
    similarity: float
    reason: str


def _align(q: tuple[Slot, ...], c: tuple[Slot, ...], trace: bool) -> tuple[float, list[Step]]:
    n, m = len(q), len(c)
    # dp[i][j]: best summed similarity aligning q[:i] with c[:j]
    dp = [[0.0] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, Step | None]]] = [
        [(0, 0, None)] * (m + 1) for _ in range(n + 1)
    ]
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best = -1.0
            move: tuple[int, int, Step | None] = (0, 0, None)
            if i > 0 and dp[i - 1][j] > best:
                best, move = dp[i - 1][j], (i - 1, j, Step(q[i - 1].text, "", 0.0, "unmatched"))
            if j > 0 and dp[i][j - 1] > best:
                best, move = dp[i][j - 1], (i, j - 1, Step("", c[j - 1].text, 0.0, "unmatched"))
            if i > 0 and j > 0:
                sim, why = slot_similarity(q[i - 1], c[j - 1])
                if dp[i - 1][j - 1] + sim > best:
                    best = dp[i - 1][j - 1] + sim
                    move = (i - 1, j - 1, Step(q[i - 1].text, c[j - 1].text, sim, why))
                for k in range(2, MAX_MERGE + 1):
                    if j - k >= 0 and not q[i - 1].syllable:
                        joined = "".join(s.text for s in c[j - k : j])
                        r = _text_similarity(q[i - 1].text, joined)
                        if dp[i - 1][j - k] + k * r > best:
                            best = dp[i - 1][j - k] + k * r
                            move = (i - 1, j - k, Step(q[i - 1].text, joined, r, "spelling"))
                    if i - k >= 0 and not c[j - 1].syllable:
                        joined = "".join(s.text for s in q[i - k : i])
                        r = _text_similarity(joined, c[j - 1].text)
                        if dp[i - k][j - 1] + k * r > best:
                            best = dp[i - k][j - 1] + k * r
                            move = (i - k, j - 1, Step(joined, c[j - 1].text, r, "spelling"))
            dp[i][j] = best
            back[i][j] = move
    steps: list[Step] = []
    if trace:
        i, j = n, m
        while i > 0 or j > 0:
            pi, pj, step = back[i][j]
            if step is not None:
                steps.append(step)
            i, j = pi, pj
        steps.reverse()
    return dp[n][m] / max(n, m, 1), steps


def compare_persons(
    q: NameForm, c: NameForm, trace: bool = False
) -> tuple[float, list[Step]]:
    """Best slot alignment over word-order rotations of the query."""
    cand = c.flat
    if not q.slots or not cand:
        return 0.0, []
    best = (-1.0, [])
    for order in _rotations(q.slots):
        score, steps = _align(order, cand, trace)
        if score > best[0]:
            best = (score, steps)
    return best


def _org_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    joined = Indel.normalized_similarity(a.replace(" ", ""), b.replace(" ", ""))
    return max(joined, token_sort_ratio(a, b) / 100.0)


def compare_orgs(q: NameForm, c: NameForm, trace: bool = False) -> tuple[float, list[Step]]:
    """Organisation names: legal forms folded, a leading place name optional, Han direct."""
    best = 0.0
    why = Step(q.original, c.original, 0.0, "no comparable form")
    for qh, q_drop in q.han_variants:
        for ch, c_drop in c.han_variants:
            sim = 1.0 if qh == ch else Indel.normalized_similarity(qh, ch)
            if q_drop != c_drop:
                sim *= PLACE_DROP_FACTOR
            if sim > best:
                best, why = sim, Step(qh, ch, sim, "Han name, legal form removed")
    for qv, q_drop in q.org_variants:
        for cv, c_drop in c.org_variants:
            sim = _org_similarity(qv, cv)
            reason = "words after legal forms folded"
            if q_drop != c_drop:
                sim *= PLACE_DROP_FACTOR
                reason += ", leading place name dropped"
            if sim > best:
                best, why = sim, Step(qv, cv, sim, reason)
    return best, ([why] if trace else [])


def compare_forms(q: NameForm, c: NameForm) -> float:
    """Similarity of a query form and a list-name form in 0..1 (1.0 only when identical)."""
    return compare_traced(q, c, trace=False)[0]


def compare_traced(
    q: NameForm, c: NameForm, trace: bool = True
) -> tuple[float, list[Step], str]:
    """Like :func:`compare_forms`, also returning the alignment and the method used."""
    if q.normalized == c.normalized and q.normalized:
        return 1.0, [Step(q.original, c.original, 1.0, "identical after normalization")], "exact"
    use_org = c.kind == ORG or (c.kind == ANY and q.kind == ORG)
    if use_org and (q.org_variants or q.han_variants):
        score, steps = compare_orgs(q, c, trace)
        method = "organisation"
    else:
        score, steps = compare_persons(q, c, trace)
        method = "person"
    return min(score, NEAR_EXACT_CAP), steps, method


def is_chinese_form(form: NameForm) -> bool:
    """True when the name was read as Han or as romanized Chinese syllables."""
    return bool(form.han) or (bool(form.slots) and all(s.syllable for s in form.flat))


__all__ = [
    "NameForm",
    "Slot",
    "Step",
    "analyze_name",
    "compare_forms",
    "compare_traced",
    "expand_list_name",
    "has_han",
]
