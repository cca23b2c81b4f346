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

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import permutations, product

import attrs
from rapidfuzz.distance import OSA, DamerauLevenshtein, Indel, Levenshtein
from unidecode import unidecode

from screening.model import ORGANIZATION_SCHEMAS
from screening.normalize.names import (
    CHINESE_PLACES,
    GENERIC_ORG_WORDS,
    ORG_SYNONYMS,
    canonical_generic,
    drop_titles,
    expand_parentheses,
    fold_org_words,
    generic_spelling,
    han_generic_words,
    is_company_word,
    is_english_given_name,
    near_place,
    split_generic,
    split_han_org,
    split_words,
    strip_han_legal_forms,
    strip_joined_legal,
)
from screening.normalize.text import clean, count_han
from screening.transliterate.chinese import (
    cantonese_readings,
    han_runs,
    mandarin_readings,
    pinyin_as_heard,
    split_surname,
    to_simplified,
    transcription_readings,
)
from screening.transliterate.japanese import (
    as_english_heard,
    has_kana,
    japanese_words,
    loan_letters,
    loan_skeleton,
)
from screening.transliterate.korean import (
    NOT_CHINESE_SURNAMES,
    hangul_spellings,
    has_hangul,
    korean_parts,
    korean_readings,
    korean_segmentations,
    korean_spellings,
    korean_surname_spellings,
    latin_hangul,
    romanize_syllable,
)
from screening.transliterate.mixed import han_legal_forms, is_mixed_script, mixed_to_latin
from screening.transliterate.romanization import (
    is_cantonese_syllable,
    is_mandarin_syllable,
    one_letter_off_spellings,
    pinyin_readings,
    segment,
    segment_cantonese,
    segmentations,
    systems_of,
)

#: How much of a slot's similarity survives when both slots are valid but different
#: syllables: a different syllable is usually a different name (``long`` for ``lun``), but
#: one edit away it may be a typo (``lan`` for ``lun``), so that case keeps more.
SYLLABLE_SUBSTITUTION_FACTOR = 0.4
SYLLABLE_ONE_EDIT_FACTOR = 0.72
#: Weight of the distinctive words (the brand) in an organisation score; the rest goes to
#: generic words (trade, place). A side without generic words scores this much on them.
ORG_DISTINCTIVE_WEIGHT = 0.7
ORG_MISSING_GENERIC = 0.95
#: Similarity lost per edit when a non-syllable is a misspelt syllable (``zhy`` for zhu).
TYPO_EDIT_COST = 0.15
#: An organisation brand may also match on its letters alone, at this discount, which
#: rescues misspelt brands whose syllables no longer read right (``Yakang`` for Yikang).
ORG_LETTER_FACTOR = 0.9
#: Letter similarity lost per edit in a brand of five letters or more.
BRAND_EDIT_COST = 0.08
#: Pairs of brands (and of trade-word sets) remembered: the pairs of one query's brand
#: cluster, a few hundred, are what repeats; a larger memo only costs workers memory.
BRAND_MEMO = 8_192
#: Brands this long that read as no syllables lose only BRAND_EDIT_COST per typo.
LONG_BRAND = 7
#: Organisation names this long (run together) may match whole; their second typo costs
#: only SECOND_LONG_EDIT_COST, as in a long word.
WHOLE_MIN = 8
#: Below this letter similarity two words are different words (Giovanni/Ivan), not a typo.
WORD_TYPO_MIN = 0.74
#: Words this long or longer (that are no syllables) lose only TYPO_EDIT_COST to one typo.
WORD_TYPO_LETTERS = 5
#: In words this long, two typos are common (typing, transcription); the second costs less.
LONG_WORD_LETTERS = 7
SECOND_LONG_EDIT_COST = 0.05
#: In organisation names a word is the unit and a Chinese word has about two syllables, so
#: each syllable (or Han character) weighs half a word, however the words are spaced.
ORG_SYLLABLE_WEIGHT = 0.5
#: A merge of one misspelt word with several syllables must be at least this similar.
MERGE_MIN = 0.8
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
#: In a name that does not read as Chinese, only words this short get one-edit repairs.
REPAIR_MAX_FOREIGN = 5
#: A query word of several syllables looks up the pinyin spellings of its readings whole
#: where they are at most this many (:func:`_whole_readings`).
WHOLE_READINGS_MAX = 16
#: Maximum syllables per word for a name to be read as Chinese.
MAX_SYLLABLES_PER_WORD = 4
#: A Hong Kong name's English given name (``Chris`` in Chris Tang Ping-keung) that the
#: other name lacks keeps this share of the score: lists carry the Chinese name without it
#: (``TANG, Ping-keung``), and people write it or not.
ENGLISH_NAME_FACTOR = 0.96
#: A query's Chinese given name that a list name lacks, where that list name holds the
#: query's surname and English name (``TANG, Chris`` for Chris Tang Ping-keung).
CHINESE_GIVEN_FACTOR = 0.93
#: A patronymic that the other name lacks (``Sergei Lavrov`` against LAVROV, Sergei
#: Viktorovich): Russian, Ukrainian, Belarusian and Central Asian names on the lists carry
#: one, and the records of banks outside those countries seldom do.
PATRONYMIC_FACTOR = 0.95
#: The endings of patronymics: Russian and Belarusian (-ovich, -evna, -ichna, Ilyich,
#: Kuzmich), Ukrainian (-ovych, -ivna), Turkic (-ogly, -kyzy, -qizi, -uly).
_PATRONYMIC = re.compile(
    "(?:[oe]vi?t?ch|[oe]vych|yich|[mlkt]ich|[oei]vna|ichna|ogl[yiu]|kyzy|[qg]izi|uly)$"
)

PERSON = "person"
ORG = "org"
ANY = "any"


@attrs.frozen(slots=True, cache_hash=True)
class Slot:
    """One syllable (or one non-Chinese word) and everything it may stand for."""

    text: str
    keys: frozenset[str]
    syllable: bool
    han: str = ""
    #: Share of a word this slot stands for, where words (not syllables) are the unit
    #: (organisation names: ``meridian`` weighs the same whether read as one word or three
    #: syllables).
    weight: float = 1.0
    #: The slot is a whole one-syllable word (typically a surname, or a one-character given
    #: name): a different syllable there is a different name even one letter away.
    alone: bool = False
    #: A Hong Kong Cantonese spelling (``hiu``, ``kwok``), valid although not Mandarin.
    hk: bool = False
    #: Place of the syllable in its written word, and the word's syllable count.
    position: int = 0
    word_size: int = 1
    #: The written word reads as more syllables than its letters should hold (``a peng``
    #: from ``Apeng``, ``zha nv`` from ``Zhanv``): likely a misspelling split apart.
    split: bool = False
    #: Everything :func:`slot_similarity` depends on, as one string (a cheap cache key).
    sig: str = attrs.field(init=False, eq=False, repr=False)

    @sig.default
    def _signature(self) -> str:
        return f"{self.text}|{self.han}|{self.syllable:d}{self.hk:d}{self.alone:d}"

    def alternatives(self, cantonese: bool = False) -> tuple[str, ...]:
        """Texts to compare letter by letter: as written (Latin), then the readings of the
        pass being run (pinyin, or Hong Kong spellings)."""
        return _alternatives(self, cantonese)


def reading_spellings(
    slots: Iterable[Slot], system: str = "p:", written: bool = False, most: int = 16
) -> set[str]:
    """Slots spelt together in every reading of a system (``p:`` pinyin, ``c:`` Hong Kong
    spellings), with each Latin slot also as written where ``written``; empty where they
    would be more than ``most`` spellings, too many to tell."""
    options = []
    for s in slots:
        option = {k[2:] for k in s.keys if k.startswith(system)}
        if written and s.text != s.han:
            option.add(s.text)
        options.append(option)
    count = 1
    for option in options:
        count *= len(option)
    if not count or count > most:
        return set()
    return {"".join(parts) for parts in product(*options)}


def _whole_readings(word: tuple[Slot, ...]) -> set[str]:
    """A word of several syllables in another romanization (``Chi-ch'eng``), spelt whole
    in pinyin in every reading (jicheng, qicheng, ...), as a list files its pinyin words.

    Its prefix and suffix keys are of the spelling as written, which a pinyin list name
    does not share, and its syllables are the commonest keys of a full-size list: without
    the whole word, ``Chang Chi-ch'eng`` walked past the listed ZHANG Jicheng. Spellings
    as written are left out (the prefix and suffix keys find those), and so is a word with
    too many readings to tell."""
    if any(s.han or not s.syllable for s in word):
        return set()
    written = "".join(s.text for s in word)
    return reading_spellings(word, most=WHOLE_READINGS_MAX) - {written}


@lru_cache(maxsize=131_072)
def _alternatives(slot: Slot, cantonese: bool) -> tuple[str, ...]:
    prefix = "c:" if cantonese else "p:"
    alts = [] if (slot.han and cantonese) else [slot.text]
    alts.extend(k[2:] for k in sorted(slot.keys) if k.startswith(prefix) and k[2:] not in alts)
    return tuple(alts) or (slot.text,)


@attrs.frozen(slots=True)
class OrgForm:
    """An organisation name reduced to its brand slots and its generic words."""

    slots: tuple[Slot, ...]
    generic: str
    han: str = ""
    #: Every word as written, legal forms too: two spellings a typo apart are compared
    #: whole where a typo moved a word between brand, trade words and legal forms
    #: (``Vicotry Wave`` against Victory Wave, where victory is two letters from factory;
    #: ``dGroup``, ``Tgchnology``, ``aned`` for and).
    core: tuple[str, ...] = ()
    #: The same words exactly as written (``core`` itself where no word was put right):
    #: ``Tdptics`` is one typo from the brand Toptics, two from optics, which core reads.
    written: tuple[str, ...] = ()
    #: The words of ``written`` read as legal forms and folded away.
    legal: frozenset[str] = frozenset()

    @property
    def original_brand(self) -> str:
        return self.han or "".join(s.text for s in self.slots)


@attrs.frozen(slots=True)
class Shortened:
    """A Hong Kong name without one of its two given names, as lists also carry it:
    ``Chris Tang Ping-keung`` as Tang Ping-keung (``dropped``: chris), or as Chris Tang."""

    words: tuple[tuple[Slot, ...], ...]
    #: The share of its score a comparison of this view keeps.
    factor: float
    dropped: str
    #: Only a query is read without its Chinese given name: a list name's surname and
    #: English name alone would find every Chris Tang.
    query_only: bool = False
    #: Only compared with a name of fewer words (a patronymic left out): against as many
    #: words or more, the name as written does at least as well.
    against_fewer: bool = False


@attrs.frozen(slots=True)
class NameForm:
    """A name analysed for comparison; built once per list name and per distinct query."""

    original: str
    kind: str
    normalized: str
    slots: tuple[tuple[Slot, ...], ...]
    han: str = ""
    #: Other readings of an ambiguous run-together spelling (``chengang``), as slot words.
    alternatives: tuple[tuple[tuple[Slot, ...], ...], ...] = ()
    #: Organisation view: distinctive slots (the brand) and generic words (trade, place).
    org: tuple[OrgForm, ...] = ()
    notes: tuple[str, ...] = ()
    #: Written ``SURNAME, Given``: the order is known, so two such names are never reordered.
    ordered: bool = False
    #: The word (index into ``slots``) that is an English given name beside a full Chinese
    #: name (``Chris`` in Chris Tang Ping-keung), or -1; and the name read without it or,
    #: as a query, without its Chinese given name (:func:`_shortened`).
    english: int = -1
    shortened: tuple[Shortened, ...] = ()
    #: A name written in Japanese kana: its words romanized (Hepburn), legal forms and
    #: words in kanji left out. Such a name has no slots; it is compared by the consonant
    #: skeletons of its words (:func:`compare_loanwords`).
    kana: tuple[str, ...] = ()
    #: Read from a name mixing Han characters and Latin letters
    #: (:func:`~screening.transliterate.mixed.mixed_to_latin`): a reading across scripts is
    #: never identical to a name written in one.
    mixed: bool = False
    #: A foreign name written in Han (``弗拉基米尔·普京``): its words spelt as the sounds
    #: their characters transcribe (:func:`~screening.transliterate.chinese.pinyin_as_heard`),
    #: compared with Latin names as a kana name is (:func:`compare_loanwords`).
    transcribed: tuple[str, ...] = ()

    @property
    def flat(self) -> tuple[Slot, ...]:
        return tuple(s for word in self.slots for s in word)

    @property
    def is_han(self) -> bool:
        return bool(self.han)

    @property
    def content(self) -> tuple[object, ...]:
        """Everything a score depends on (not the spelling as written, nor the notes): two
        list names with equal content score alike against any query."""
        return (
            self.kind, self.normalized, self.slots, self.han, self.alternatives, self.org,
            self.ordered, self.english, self.kana, self.mixed, self.transcribed,
        )  # fmt: skip

    def key_groups(self, expand: bool = False) -> list[tuple[set[str], float]]:
        """Blocking keys grouped by the part of the name they come from, with the part's
        weight in retrieval: syllables and words 1, an organisation's trade words 0.5.

        Slot keys find romanization and script variants; prefix and suffix keys of whole
        words find misspellings, since one typo rarely touches both ends of a word. Trade
        words (``Microelectronics``) tell apart the many companies sharing one brand.
        ``expand`` (queries only) adds, for a word that looks misspelt in a name that reads
        as Chinese, the readings it has after undoing one typo (``Abi`` → bai, ``Tag`` →
        tang): see :func:`_one_edit_readings`.
        """
        groups: list[tuple[set[str], float]] = []
        words = [*self.slots, *(w for alt in self.alternatives for w in alt)]
        words.extend(o.slots for o in self.org)
        # Repairs are for romanized Chinese: in a name with no syllable anywhere (``Ella
        # Visser``, or a Chinese name with every word misspelt) only words as short as
        # Chinese given names are repaired; repairing long Western words costs the most.
        # A Chinese place among an organisation's generic words says Chinese too
        # (``Changsha Zhhongtian Aerospace``: the misspelt brand is the only other word).
        # (Only queries are repaired: the index never asks.)
        sinitic = expand and (
            any(s.syllable and not s.han for w in words for s in w)
            or any(near_place(g) for o in self.org for g in o.generic.split())
        )
        # A word met again (in another reading, or in the organisation view of a name whose
        # type is unknown) files nothing new: counted twice it would outrank other readings.
        seen: set[tuple[str, ...]] = set()
        for word in words:
            texts = tuple(s.han or s.text for s in word)
            if texts in seen:
                continue
            seen.add(texts)
            for slot in word:
                groups.append((set(slot.keys), 1.0))
            text = "".join(s.text for s in word)
            # A word that reads as no syllable, or as several in few letters (``Abi`` = a bi,
            # ``Zhanv`` = zha nv), is likely misspelt: look up its one-edit repairs too.
            suspect = any(not s.syllable for s in word) or (len(word) > 1 and len(text) <= 6)
            if (
                expand
                and suspect
                and (sinitic or len(text) <= REPAIR_MAX_FOREIGN)
                and not any(s.han for s in word)
            ):
                # Keys the word already files under are not counted again through it.
                unreadable = any(not s.syllable and not s.hk for s in word)
                fixed = _one_edit_readings(text, unreadable).difference(*(s.keys for s in word))
                whole = {k for k in fixed if k.startswith("w:")}
                if fixed - whole:
                    groups.append((fixed - whole, 1.0))
                # Repairs that read as several syllables are looked up as whole words too:
                # rare where their syllables are common (``Zhhongtian`` → zhongtian).
                if whole:
                    groups.append((whole, 1.0))
            elif not expand and len(word) > 1:
                groups.append(({"w:" + text}, 1.0))
            if expand and len(word) > 1:
                readings = _whole_readings(word)
                if readings:
                    groups.append(({"w:" + r for r in readings}, 1.0))
            if len(text) >= 4 and not any(s.han for s in word):
                groups.append(({"pre:" + text[:3]}, 1.0))
                groups.append(({"suf:" + text[-3:]}, 1.0))
        for org in self.org:
            if len(org.slots) > 1:
                # The brand's ends are filed above; a word of several in it files its own
                # ends too (``Mnthony Chran`` shares only -ony with Anthony Chan), from five
                # letters: the ends of four are the word again, counted three times.
                last = len(org.slots) - 1
                for i, slot in enumerate(org.slots):
                    if not slot.syllable and not slot.han and len(slot.text) > 4:
                        if i > 0:
                            groups.append(({"pre:" + slot.text[:3]}, 1.0))
                        if i < last:
                            groups.append(({"suf:" + slot.text[-3:]}, 1.0))
            trades = org.generic.split()
            for trade in trades:
                if len(trade) >= 4 and trade not in CHINESE_PLACES:
                    groups.append((_trade_keys(trade, expand), 0.5))
            if expand:
                groups.extend(_misspelt_trade_groups(org, trades))
            if not expand and org.written is not org.core:
                # A list name files a word put right as a trade word (``Toptics`` read as
                # optics) as written too: a query one typo from it (``Tdptics``) finds it as
                # its neighbour. (Queries do not look such words up as written: a rare
                # misspelling would be a part of its own, and one list alias misspelt
                # alike ended the walk before the names that share the brand.)
                for spelt, read in zip(org.written, org.core, strict=True):
                    if spelt != read and len(spelt) >= 4 and spelt not in ORG_SYNONYMS:
                        groups.append(({"r:" + spelt}, 1.0))
            if expand:
                # A word read as a misspelt trade word (``Beetech`` as biotech) may be a
                # list name's brand as written, where the list name has no other brand
                # (``Wuxi Beetech``).
                for spelt in org.written:
                    if (
                        len(spelt) >= 4
                        and spelt in org.core  # two typos from it: not put right
                        and spelt not in GENERIC_ORG_WORDS
                        and spelt not in ORG_SYNONYMS
                        and generic_spelling(spelt) in trades
                    ):
                        groups.append(({"r:" + spelt}, 1.0))
        return groups

    def blocking_keys(self) -> set[str]:
        """Keys under which the index files this name: every key of :meth:`key_groups`."""
        return {key for group, _ in self.key_groups() for key in group}


def _trade_keys(trade: str, expand: bool) -> set[str]:
    """Keys of a trade word: the word and its ends. A list name made only of trade words
    files them as its brand (``China Shipbuilding Industry Power``): a query (``expand``)
    whose brand is misspelt (``Chinb``) still shares them as brand words."""
    group = {"g:" + trade, "gpre:" + trade[:4], "gsuf:" + trade[-4:]}
    if expand:
        group.add("r:" + trade)
    return group


def _misspelt_trade_groups(org: OrgForm, trades: list[str]) -> list[tuple[set[str], float]]:
    """Retrieval parts of a query organisation's words that misspell trade words, and of
    its places.

    A trade word misspelt (``Banl``, ``Unievrity``, two typos in a long one) is no trade
    word to the analysis, which keeps it in the brand; list names file it as a trade word
    (``VTB Bank``) or, with a place, as brand syllables (``Sichuan University``): it is
    looked up as the trade word it misspells too. A place among the trade words is looked
    up by its syllables, as list names made of a place and trade words file it
    (``Sichuan University``), at half weight a syllable, where a trade word is misspelt:
    the place is then all that is left of the brand.
    """
    groups: list[tuple[set[str], float]] = []
    for spelt in org.written:
        if spelt in GENERIC_ORG_WORDS or spelt in ORG_SYNONYMS:
            continue
        meant = generic_spelling(spelt)
        if meant != spelt:
            for trade in canonical_generic(meant):
                if len(trade) >= 3 and trade not in trades:
                    groups.append((_trade_keys(trade, True), 0.5))
    for trade in trades if groups else ():
        if trade in CHINESE_PLACES:
            parts = segment(trade) or ()
            groups.extend((set(_latin_syllable_slot(p).keys), 0.5) for p in parts)
    return groups


@lru_cache(maxsize=65_536)
def _han_slot(char: str, readings: tuple[str, ...]) -> Slot:
    keys = {"h:" + char}
    keys.update("p:" + r for r in readings)
    keys.update("c:" + r for r in cantonese_readings(char))
    return Slot(text=readings[0] if readings else char, keys=frozenset(keys), syllable=True,
                han=char)


@lru_cache(maxsize=65_536)
def _latin_syllable_slot(part: str) -> Slot:
    keys = {"r:" + part, "c:" + part}
    readings = pinyin_readings(part)
    keys.update("p:" + r for r in readings)
    # Only Mandarin syllables count as "valid" for the different-syllable penalty: the Hong
    # Kong inventory is so large that most misspellings land in it (``gak`` for gao).
    return Slot(
        text=part, keys=frozenset(keys), syllable=bool(readings), hk=is_cantonese_syllable(part)
    )


@lru_cache(maxsize=65_536)
def _raw_slot(word: str) -> Slot:
    """A word that is not read as syllables; it weighs as many syllables as it has vowel
    groups, so a misspelt ``hailnu`` weighs what ``hai lun`` weighs and ``zhanv`` what
    ``zhang`` weighs."""
    return Slot(
        text=word, keys=frozenset({"r:" + word}), syllable=False, weight=_syllable_estimate(word)
    )


@lru_cache(maxsize=65_536)
def _one_edit_readings(word: str, unreadable: bool = False) -> set[str]:
    """Pinyin keys of the syllable readings of ``word`` after undoing one typo, for
    retrieval: an extra letter or two swapped neighbours (``Abi`` → bai, ``iY`` → yi), and,
    for a word that reads as no syllables at all (``unreadable``), a missing or wrong letter
    in one of at most two syllables (``Tag`` → tang, ``Hailn`` → hai lin/lun, ``Liv`` → liu). A word
    that reads fine (``Tanyu``) is more likely right: its one-letter neighbours are many."""
    if not 2 <= len(word) <= 12:
        return set()
    keys: set[str] = set()

    def add(parts: Iterable[str]) -> None:
        keys.update("p:" + r for part in parts for r in pinyin_readings(part))

    # Two swapped neighbours from two letters (``iY`` → yi), a letter too many from three.
    variants = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    if len(word) >= 3:
        variants |= {word[:i] + word[i + 1 :] for i in range(len(word))}
    for variant in variants:
        seg = segment(variant)
        if seg is not None and len(seg) <= MAX_SYLLABLES_PER_WORD:
            add(seg)
            if unreadable and len(seg) > 1:
                keys.add("w:" + variant)
    if not unreadable:
        return keys
    add(one_letter_off_spellings(word))
    for k in range(2, len(word) - 1):
        left, right = word[:k], word[k:]
        for whole, short in ((left, right), (right, left)):
            fuller = one_letter_off_spellings(short)
            if fuller and len(whole) >= 2 and is_mandarin_syllable(whole):
                add(fuller)
                add((whole,))
                keys.update(
                    "w:" + (whole + f if whole == left else f + whole) for f in fuller
                )
    return keys


def _syllable_estimate(word: str) -> int:
    """How many syllables a word that reads as none probably has: the fewest syllables of
    a split after deleting one letter (``zhanv`` → zhan: 1, ``hailnu`` → hai lu: 2), else one
    syllable per 3.3 letters (the mean length of a pinyin syllable)."""
    counts = [len(seg) for i in range(len(word)) if (seg := segment(word[:i] + word[i + 1 :]))]
    if counts:
        return min(counts)
    return max(1, round(len(word) / 3.3))


def _chunk_options(
    chunk: str, extra: bool, korean: bool = False
) -> tuple[tuple[str, ...], ...]:
    """Ways to read one hyphen-free chunk as syllables, best first (empty: not Chinese).
    A Korean syllable's spelling that Chinese reads as several is that one syllable; in a
    name that may be Korean (``korean``, see :func:`_looks_korean`), also where Chinese
    reads none."""
    if is_cantonese_syllable(chunk):
        # Hong Kong spellings are one syllable each (``chuen``, never chu-en).
        return ((chunk,),)
    options = tuple(
        seg for seg in segmentations(chunk, extra) if len(seg) <= MAX_SYLLABLES_PER_WORD
    )
    if not options or len(options[0]) > 2:
        # A run-together Hong Kong spelling (``kachiu``), where Mandarin reads none or
        # needs more syllables; never in place of a Mandarin syllable (``yang``, not ya-ng).
        # A Hong Kong given name is two syllables: three in one word of a longer name are
        # another language's word (``Oksana`` is no ok-sa-na).
        canto = segment_cantonese(chunk)
        if canto and canto not in options and (extra or len(canto) <= 2):
            options = (*options, canto)
    several = bool(options) and len(options[0]) > 1
    if (several or (korean and not options)) and latin_hangul(chunk):
        # One Korean syllable, where Chinese reads it as several (``kwang``, not the Hong
        # Kong kwa ng: whatever the name, so that a Korean name and its misspelling, which
        # may not look Korean, read the word alike) or, in a Korean name, as none
        # (``Mu-hyeon``). A run-together word is not split into several Korean syllables:
        # a word that reads as none is as likely misspelt (``Guryong`` for Guirong), and a
        # listed ``Ilkwang`` split into il kwang no longer met ``Ikwang`` by its letters.
        options = ((chunk,),)
    return options


#: A word of several syllables averaging this many letters or fewer each is suspect of
#: being a misspelling read as extra syllables (a pinyin syllable has 3.3 letters on average).
SPLIT_LETTERS_PER_SYLLABLE = 2.5


def _looks_split(parts: tuple[str, ...]) -> bool:
    """A word read as several syllables that one typo may have split: short for its
    syllable count, or reading as fewer syllables once one letter is deleted or two
    neighbours swapped (``che ang`` → cheng, ``gua eng yi`` → guang yi)."""
    if len(parts) < 2:
        return False
    word = "".join(parts)
    return len(word) <= SPLIT_LETTERS_PER_SYLLABLE * len(parts) or _fewer_after_one_edit(
        word, len(parts)
    )


@lru_cache(maxsize=65_536)
def _fewer_after_one_edit(word: str, count: int) -> bool:
    variants = {word[:i] + word[i + 1 :] for i in range(len(word))}
    variants |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    return any((seg := segment(v)) is not None and len(seg) < count for v in variants)


def _word_slots(parts: tuple[str, ...]) -> tuple[Slot, ...]:
    if len(parts) == 1:
        return (_alone(_latin_syllable_slot(parts[0])),)
    split = _looks_split(parts)
    return tuple(
        _in_word(_latin_syllable_slot(p), i, len(parts), split) for i, p in enumerate(parts)
    )


@lru_cache(maxsize=65_536)
def _in_word(slot: Slot, position: int, size: int, split: bool = False) -> Slot:
    return attrs.evolve(slot, position=position, word_size=size, split=split)


def _whole_word(group: tuple[Slot, ...]) -> bool:
    """The slots are exactly the syllables of one written word (``zha nv`` of ``Zhanv``)."""
    return group[0].position == 0 and group[0].word_size == len(group) and all(
        s.position == i and s.word_size == len(group) for i, s in enumerate(group)
    )


@lru_cache(maxsize=65_536)
def _alone(slot: Slot) -> Slot:
    return attrs.evolve(slot, alone=True)


#: Syllables of one word of a Chinese person's name at most: a surname of two and a given
#: name of two, or a compound surname run together with a given name of one (Ouyangxiu).
MAX_NAME_WORD_SYLLABLES = 3


def _word_options(
    word: str, extra: bool, korean: bool = False
) -> list[tuple[str, ...]] | None:
    """Syllable readings of one word, best first, or ``None`` if it is not romanized Chinese
    (or, in a Korean name, Korean)."""
    chunks = [c for c in word.split("-") if c]
    if not chunks or any(c.isdigit() for c in chunks):
        return None
    options: list[tuple[str, ...]] = [()]
    for chunk in chunks:
        found = _chunk_options(chunk, extra, korean)
        if not found:
            return None
        options = [(*o, *f) for o in options for f in found][:4]
    return options


def _sinitic_words(
    words: list[str], korean: bool = False
) -> tuple[tuple[tuple[Slot, ...], ...], tuple[tuple[tuple[Slot, ...], ...], ...]] | None:
    """Slots of a name that reads as romanized Chinese, with alternative readings.

    A name reads as Chinese when at least half of its words are syllable sequences; the
    other words (misspellings such as ``Zhng``, or an English given name) stay whole. A word
    of more syllables than a Chinese surname or given name holds (``Mugariri``,
    ``Kuruneri``: Shona and Russian names spell as pinyin too) does not count towards it.
    """
    extra = len(words) == 1
    per_word = [_word_options(w, extra, korean) for w in words]
    # (A name of one word may be a whole name run together: Shangguanchenghua.)
    chinese = sum(
        o is not None and (extra or len(o[0]) <= MAX_NAME_WORD_SYLLABLES) for o in per_word
    )
    if chinese * 2 < len(words):
        return None
    primary = tuple(
        _word_slots(opts[0]) if opts else (_raw_slot(w.replace("-", "")),)
        for w, opts in zip(words, per_word, strict=True)
    )
    alternatives = []
    for wi, opts in enumerate(per_word):
        for alt in (opts or [])[1:]:
            alt_word = _word_slots(alt)
            alternatives.append((*primary[:wi], alt_word, *primary[wi + 1 :]))
    return primary, tuple(alternatives[:4])


def _english_word(words: list[str]) -> int:
    """The place of a word that is an English given name beside a full Chinese name
    (``Chris`` in Chris Tang Ping-keung, ``Carrie`` in Carrie Lam Cheng Yuet-ngor, ``John`` in
    LEE, John Ka-chiu), or -1: exactly one word is an English given name (see
    :func:`~screening.normalize.names.is_english_given_name`), and the others, two or
    more, all read as Chinese syllables."""
    found = [i for i, w in enumerate(words) if is_english_given_name(w.replace("-", ""))]
    if len(found) != 1 or len(words) < 3:
        return -1
    for i, w in enumerate(words):
        # Each other word a Chinese surname or given name: ``Christopher Tichaona
        # Kuruneri`` spells as syllables too, but no Chinese name word holds four.
        opts = _word_options(w, False) if i != found[0] else [()]
        if opts is None or len(opts[0]) > MAX_NAME_WORD_SYLLABLES:
            return -1
    return found[0]


_Words = tuple[tuple[Slot, ...], ...]


def _latin_person_slots(words: list[str]) -> tuple[_Words, tuple[_Words, ...], int]:
    """Slots of a romanized person name, its other readings, and the place of its English
    given name (or -1). An English given name is one word, never syllables: ``Teresa`` is
    not te re sa, whose Mandarin-only syllables would make the Hong Kong spellings beside it
    typos."""
    english = _english_word(words)
    if english < 0:
        return (*_romanized_slots(words), -1)
    primary, alternatives = _romanized_slots(words[:english] + words[english + 1 :])
    word = (_raw_slot(words[english].replace("-", "")),)
    return (
        (*primary[:english], word, *primary[english:]),
        tuple((*alt[:english], word, *alt[english:]) for alt in alternatives),
        english,
    )


def _shortened(words: _Words, english: int) -> tuple[Shortened, ...]:
    """A Hong Kong name as lists also carry it: without its English given name (``TANG,
    Ping-keung``), and, for a query, without its Chinese given name (``TANG, Chris``; a
    married woman's name also with her husband's surname alone: ``LAM, Carrie`` for
    Carrie Lam Cheng Yuet-ngor). The Chinese given name is the one word of several
    syllables beside one or two one-syllable surnames; a name spelt otherwise (``Tang Ping
    Keung``) is only read without its English name."""
    if english < 0:
        return ()
    others = [i for i in range(len(words)) if i != english]
    views = [
        Shortened(tuple(words[i] for i in others), ENGLISH_NAME_FACTOR, words[english][0].text)
    ]
    given = [i for i in others if len(words[i]) > 1]
    surnames = [i for i in others if len(words[i]) == 1]
    if len(given) == 1 and 1 <= len(surnames) <= 2:
        for kept in (surnames, surnames[:1]) if len(surnames) == 2 else (surnames,):
            dropped = " ".join(
                "".join(s.text for s in words[i]) for i in others if i not in kept
            )
            views.append(
                Shortened(
                    tuple(words[i] for i in sorted((english, *kept))),
                    CHINESE_GIVEN_FACTOR,
                    dropped,
                    query_only=True,
                )
            )
    return tuple(views)


def _without_patronymic(words: _Words) -> tuple[Shortened, ...]:
    """A name of three words or more without its patronymic (:data:`PATRONYMIC_FACTOR`)."""
    if len(words) < 3:
        return ()
    views = []
    for i, word in enumerate(words):
        text = "".join(s.text for s in word)
        if len(text) >= 6 and not any(s.syllable for s in word) and _PATRONYMIC.search(text):
            views.append(
                Shortened(
                    (*words[:i], *words[i + 1 :]), PATRONYMIC_FACTOR, text, against_fewer=True
                )
            )
    return tuple(views)


def _romanized_slots(words: list[str]) -> tuple[_Words, tuple[_Words, ...]]:
    korean = _looks_korean(words)
    sinitic = _sinitic_words(words, korean)
    if sinitic is not None:
        primary, alternatives = sinitic
        if any(s.syllable and not s.hk for w in primary for s in w):
            # A name with a Mandarin-only syllable (``yong``) is romanized Mandarin: its Hong
            # Kong-only spellings are typos (``gak`` for gao), not Cantonese syllables; the
            # Hong Kong inventory is so large that most misspellings land in it.
            primary = _mandarin_context(primary)
            alternatives = tuple(_mandarin_context(alt) for alt in alternatives)
        if korean:
            primary = _korean_context(primary)
            alternatives = tuple(_korean_context(alt) for alt in alternatives)
        return primary, alternatives
    return tuple((_raw_slot(w.replace("-", "")),) for w in words), ()


def _looks_korean(words: list[str]) -> bool:
    """A romanized name that may be Korean: a surname of :data:`~screening.transliterate.
    korean.SURNAME_SPELLINGS` first or last, every word one to three Korean syllables, a
    given name of at most three, and one syllable at least that no Mandarin romanization
    reads, or a surname no Chinese name has (``KIM Jong Un``, ``PAK Pong Ju``, ``RI Su
    Yong``; not ``Han Song`` or ``Wang Bo``)."""
    if not 2 <= len(words) <= 4:
        return False
    surnames = korean_surname_spellings()
    if words[0] not in surnames and words[-1] not in surnames:
        return False
    parts: list[str] = []
    for word in words:
        for chunk in (c for c in word.split("-") if c):
            split = korean_segmentations(chunk)
            if not split:
                return False
            parts.extend(split[0])
    if len(parts) > 4:
        return False
    return bool({words[0], words[-1]} & NOT_CHINESE_SURNAMES) or not all(
        is_mandarin_syllable(p) for p in parts
    )


def _korean_context(words: _Words) -> _Words:
    return tuple(tuple(_korean_slot(s) for s in word) for word in words)


@lru_cache(maxsize=16_384)
def _korean_slot(slot: Slot) -> Slot:
    """A syllable of a romanized Korean name, keyed by every Hangul syllable it may spell,
    which its spellings in other systems share (``jong`` and ``jeong``: 정). Its validity
    is left as the Chinese reading set it: a one-letter change that makes another Korean
    syllable is a typo as often as another name (``Kwo U`` for Kwon U, ``OK`` for Ko), so
    ``Cho`` against ``Choe`` scores as a typo still."""
    hangul = latin_hangul(slot.text)
    if not hangul:
        return slot
    return attrs.evolve(slot, keys=slot.keys | {"k:" + h for h in hangul})


def _mandarin_context(words: tuple[tuple[Slot, ...], ...]) -> tuple[tuple[Slot, ...], ...]:
    return tuple(
        tuple(_not_cantonese(s) if s.hk and not s.syllable else s for s in word)
        for word in words
    )


@lru_cache(maxsize=65_536)
def _not_cantonese(slot: Slot) -> Slot:
    return attrs.evolve(slot, hk=False)


def _han_person_slots(han: str) -> tuple[tuple[Slot, ...], ...]:
    readings = mandarin_readings(han, True)
    surname, given = split_surname(han)
    slots = [_han_slot(c, readings[i]) for i, c in enumerate(han)]
    if not given:
        return (tuple(slots),)
    sur, giv = tuple(slots[: len(surname)]), tuple(slots[len(surname) :])
    if len(sur) == 1:
        sur = (_alone(sur[0]),)
    if len(giv) == 1:
        giv = (_alone(giv[0]),)
    return (sur, giv)


#: The dot that separates the words of a foreign name written in Han (``阿不都·哈克``).
_INTERPUNCT = re.compile("[\u00b7\u2022\u2027\u30fb\u2219]")


def _transcribed_words(
    runs: list[str],
) -> tuple[tuple[tuple[Slot, ...], ...], tuple[str, ...]]:
    """A foreign name written in Han (``阿不都·哈克``, Abdul Haq; Chinese lists write
    Uyghur, Russian and other names so), a word per run between the dots: as slots, each
    character read by every sound it has (:func:`transcription_readings`), with no surname
    rules, as no character is a Chinese surname there; and as the sounds its characters
    transcribe (:func:`pinyin_as_heard`), for :attr:`NameForm.transcribed`."""
    words: list[tuple[Slot, ...]] = []
    heard: list[str] = []
    for run in runs:
        simplified = to_simplified(run)
        readings = transcription_readings(simplified)
        word = tuple(_han_slot(c, readings[i]) for i, c in enumerate(simplified))
        words.append((_alone(word[0]),) if len(word) == 1 else word)
        heard.append("".join(pinyin_as_heard(r[0]) for r in readings))
    return tuple(words), tuple(heard)


def _has_caps_word(text: str) -> bool:
    return any(len(w) >= 2 and w.isupper() for w in text.split())


def _tail_is_name_part(tail: str) -> bool:
    """Both sides of the comma hold a name part (not a suffix such as ``Jr``)."""
    return tail.strip().lower().rstrip(".") not in ("jr", "sr", "ii", "iii")


def _latin_words(text: str) -> list[str]:
    ascii_text = unidecode(text) if not text.isascii() else text
    return split_words(ascii_text)


@lru_cache(maxsize=65_536)
def _org_raw_slot(word: str) -> Slot:
    return attrs.evolve(_raw_slot(word), weight=1.0)


def _org_word_slots(word: str) -> tuple[Slot, ...]:
    """One organisation word as slots weighing one word in all: syllables if it reads as
    Chinese (``haikang`` → hai kang), else the word itself."""
    parts: list[str] = []
    for chunk in (c for c in word.split("-") if c):
        options = _chunk_options(chunk, False)
        if not options:
            return (_org_raw_slot(word.replace("-", "")),)
        parts.extend(options[0])
    if not parts:
        return (_org_raw_slot(word.replace("-", "")),)
    split = _looks_split(tuple(parts))
    return tuple(
        attrs.evolve(
            _latin_syllable_slot(p),
            weight=ORG_SYLLABLE_WEIGHT,
            position=i,
            word_size=len(parts),
            split=split,
        )
        for i, p in enumerate(parts)
    )


def _org_from_words(
    words: list[str], written: list[str], legal: Iterable[str] = ()
) -> OrgForm:
    """``words``: the name without its legal forms; ``written``: every word as written;
    ``legal``: the legal-form words folded."""
    distinctive, generic = split_generic(words)
    slots = _interned(tuple(s for w in distinctive for s in _org_word_slots(w)))
    # Trade words folded and misspelt ones put right, on both sides alike (``Tgchnology``
    # and Technology are both tech), but not words that read as Chinese syllables: Siyuan,
    # one letter from ziyuan (resources), is a brand.
    joined = tuple(w.replace("-", "") for w in written)
    core = tuple(w if _reads_whole(w) else generic_spelling(w, 1) for w in joined)
    return OrgForm(
        slots=slots,
        generic=" ".join(sorted(g for w in generic for g in canonical_generic(w))),
        core=core,
        written=core if joined == core else joined,
        legal=_legal_set(frozenset(legal)),
    )


@lru_cache(maxsize=1024)
def _legal_set(words: frozenset[str]) -> frozenset[str]:
    """One object per set of legal-form words: a list holds few, and many names each."""
    return words


def _reads_whole(word: str) -> bool:
    """``word`` reads as Chinese syllables, in no fewer letters than syllables need."""
    parts = segment(word)
    return parts is not None and (
        len(parts) < 2 or len(word) > SPLIT_LETTERS_PER_SYLLABLE * len(parts)
    )


@lru_cache(maxsize=131_072)
def _interned(slots: tuple[Slot, ...]) -> tuple[Slot, ...]:
    """One object for equal brands, so that the brand memos below find theirs by identity
    (comparing equal slots field by field cost a tenth of a brand cluster's time)."""
    return slots


def _org_from_han(core: str) -> OrgForm:
    words = han_generic_words(core)
    if words is not None:
        return _org_from_words(words, words)
    distinctive, generic = split_han_org(core)
    readings = mandarin_readings(distinctive, False)
    share = ORG_SYLLABLE_WEIGHT
    slots = _interned(
        tuple(
            attrs.evolve(_han_slot(c, readings[i]), weight=share)
            for i, c in enumerate(distinctive)
        )
    )
    return OrgForm(slots=slots, generic=" ".join(sorted(generic)), han=distinctive)


#: Schemas whose names are organisations' (a LegalEntity's may be a person's).
_ORGANISATION_KINDS = (ORGANIZATION_SCHEMAS - {"LegalEntity"}) | {"Vessel", "Airplane"}


@lru_cache(maxsize=65_536)
def analyze_name(name: str, schema: str | None = None) -> NameForm:
    """Analyse a name for comparison. ``schema`` picks person or organisation handling;
    ``None`` prepares both, and the candidate decides which is used."""
    if schema == "Person":
        kind = PERSON
    elif schema in _ORGANISATION_KINDS:
        # A LegalEntity is a person or an organisation the list did not say (the BIS Denied
        # Persons List holds mostly persons): the name decides, as a query's does.
        kind = ORG
    else:
        kind = ANY
    text = clean(name)
    notes: list[str] = []
    if text != name.strip():
        notes.append("unicode clean-up (NFKC, invisible characters, homoglyphs)")
    han = ""
    ordered = False
    english = -1
    slots: tuple[tuple[Slot, ...], ...] = ()
    alternatives: tuple[tuple[tuple[Slot, ...], ...], ...] = ()
    org: list[OrgForm] = []
    transcribed: tuple[str, ...] = ()
    if has_kana(text):
        return _kana_form(name, text, kind, notes)
    if kind != ORG and has_hangul(text):
        return _hangul_form(name, text, kind, notes)
    if kind != PERSON and is_mixed_script(text) and (kind == ORG or han_legal_forms(text)):
        # ``TCL科技集团股份有限公司``: read as Han, the name would lose its Latin words.
        reading = mixed_to_latin(text)
        form = analyze_name(reading, schema)
        note = f"Han words read as a romanized name spells them: {reading}"
        return attrs.evolve(
            form, original=name, notes=(*notes, note, *form.notes), mixed=True
        )
    han_chars = count_han(text)
    if han_chars >= 2 or (han_chars and not any(c.isalpha() and c.isascii() for c in text)):
        joined = "".join(han_runs(text))
        han = to_simplified(joined)
        if han != joined:
            notes.append(f"traditional {joined} = simplified {han}")
        for title in ("先生", "女士", "小姐", "博士", "教授"):
            if han.endswith(title) and len(han) > len(title) + 1:
                han = han[: -len(title)]
        core, removed = strip_han_legal_forms(han) if kind != PERSON else (han, [])
        if kind == ANY and removed:
            kind = ORG  # 有限公司: no person's name
        if kind != ORG:
            runs = han_runs(text)
            if len(runs) >= 2 and _INTERPUNCT.search(text):
                slots, transcribed = _transcribed_words(runs)
                notes.append(
                    "foreign name written in Han: each word read by its sounds ("
                    + " ".join(transcribed) + ")"
                )
            else:
                slots = _han_person_slots(han)
        if kind != PERSON:
            org.append(_org_from_han(core))
            if removed:
                notes.append("Han legal form removed: " + ", ".join(removed))
        normalized = han
    else:
        words = _latin_words(text)
        core_words: list[str] = []
        folded: list[str] = []
        if kind != PERSON:
            core_words, folded = fold_org_words(words)
        if kind == ANY and any(map(is_company_word, folded)):
            # A name with ``Co., Ltd.`` (or ``Limtied``) is no person's, whatever the
            # caller knew.
            kind = ORG
        if kind != ORG:
            head, comma, _ = text.partition(",")
            surname_first = bool(comma) and len(_latin_words(head)) == 1
            slots, alternatives, english = _latin_person_slots(
                drop_titles(words, surname_first=surname_first)
            )
        if kind != PERSON:
            org.append(_org_from_words(strip_joined_legal(core_words), words, folded))
            if folded:
                notes.append("legal form folded: " + " ".join(folded))
        normalized = " ".join(w.replace("-", "") for w in words)
        head, comma, tail = text.partition(",")
        ordered = bool(comma) and "," not in tail and bool(head.strip()) and bool(tail.strip())
        if ordered and _has_caps_word(tail) and not _has_caps_word(head):
            ordered = False  # "Quanguo, CHEN": the capitals, not the comma, mark the surname
        if ordered and not _tail_is_name_part(tail):
            ordered = False
    return NameForm(
        original=name,
        kind=kind,
        normalized=normalized,
        slots=slots,
        han=han,
        alternatives=alternatives,
        org=tuple(org),
        notes=tuple(notes),
        ordered=ordered,
        english=english,
        shortened=_shortened(slots, english) + _without_patronymic(slots),
        transcribed=transcribed,
    )


#: The consonant skeletons of the Latin legal-form words that katakana spells out (not
#: abbreviations, which it writes in Latin letters: ``CST有限会社``).
_LEGAL_SKELETONS = frozenset(
    loan_skeleton(w)
    for w in ("company", "corporation", "incorporated", "group", "holding", "holdings", "limited")
)


def _kana_form(name: str, text: str, kind: str, notes: list[str]) -> NameForm:
    """A name written in Japanese kana (:attr:`NameForm.kana`)."""
    words, legal, kanji = japanese_words(text)
    latin = [w.lower() for w in words]
    core, folded = fold_org_words(latin) if kind != PERSON else (latin, [])
    if kind == ANY and (legal or any(map(is_company_word, folded))):
        kind = ORG
    if kind != ORG:
        core, folded = latin, []  # a person's words are no legal forms
    notes.append("kana read in Hepburn romanization: " + " ".join(latin))
    if legal or folded:
        notes.append("legal form folded: " + " ".join([*legal, *folded]))
    if kanji:
        notes.append("words in kanji not compared: " + " ".join(kanji))
    kept = tuple(w.replace("-", "") for w in core)
    return NameForm(
        original=name,
        kind=kind,
        normalized=" ".join(kept),
        slots=(),
        notes=tuple(notes),
        kana=kept,
    )


def _hangul_form(name: str, text: str, kind: str, notes: list[str]) -> NameForm:
    """A Korean personal name in Hangul, read in the romanizations lists use
    (:func:`~screening.transliterate.korean.korean_spellings`)."""
    readings = korean_readings(text)
    if not readings:
        return analyze_name(unidecode(text), "Person" if kind == PERSON else None)
    notes.append("Hangul read in the romanizations of Korean names: " + "; ".join(
        " ".join(r) for r in readings[:4]
    ))
    # Each slot holds every spelling of its syllable, which two spellings are compared
    # by; the letters of a reading per system (with the surname's usual spelling) are
    # what a list name's run-together or misspelt words are compared with.
    spellings = korean_spellings(text)
    surname = readings[0][0]
    parts = korean_parts(text)
    words = list(
        dict.fromkeys(_korean_words(r, spellings, parts) for r in readings if r[0] == surname)
    )
    return NameForm(
        original=name,
        kind=kind,
        normalized="".join(text.split()),
        slots=words[0],
        alternatives=tuple(words[1:]),
        notes=tuple(notes),
    )


def _korean_words(
    reading: tuple[str, ...], spellings: tuple[tuple[str, ...], ...], parts: tuple[str, ...]
) -> _Words:
    """One reading of a Korean name as words: the surname, then the given name as one word
    of a slot per syllable, in their order (a given name is not reordered: 김정호, Kim Jong
    Ho, is not KIM Yo Jong). The syllables are valid ones of their own language (flagged
    as Hong Kong spellings are, valid although not Mandarin): not read as Chinese ones
    (손흥민 is no Shi Hongmin), nor as misspellings of them (조연준 is no Cao Yunjun). Each
    keeps its syllable in Hangul, as a Han slot keeps its character: two names in Hangul
    differ where their syllables do (윤명광, 윤명강), unless they share a spelling (이, 리)."""
    slots = [
        attrs.evolve(
            _raw_slot(text),
            hk=True,
            han=parts[i],
            keys=frozenset(("k:" + parts[i], *("r:" + x for x in (text, *spellings[i])))),
        )
        for i, text in enumerate(reading)
    ]
    head: tuple[Slot, ...] = (attrs.evolve(slots[0], alone=True),)
    if len(slots) == 1:
        return (head,)
    size = len(slots) - 1
    body = tuple(attrs.evolve(s, position=i, word_size=size) for i, s in enumerate(slots[1:]))
    return (head, body)


def expand_list_name(name: str) -> list[str]:
    """The spellings of one list name worth indexing (parenthesised parts split off)."""
    return expand_parentheses(name)


# -- comparison ----------------------------------------------------------------------------


def _text_similarity(a: str, b: str) -> float:
    """Letter-level similarity: the better of Indel and OSA (a swap counts as one edit)."""
    if a == b:
        return 1.0
    return max(Indel.normalized_similarity(a, b), OSA.normalized_similarity(a, b))


#: Slot similarities remembered, by the first slot's signature and pass, then the second
#: slot's signature: a row per query slot keeps the lookups of a similarity matrix cheap.
_SLOT_ROWS: dict[tuple[str, bool], dict[str, tuple[float, str]]] = {}
_slot_pairs = 0
#: Slot pairs remembered, then forgotten all at once. A pair costs about 180 bytes (its
#: reason is a string of its own) and a bulk worker fills 470,000 pairs within 20,000
#: distinct names: at 500,000 the million-row run peaked at 1,502 MiB PSS, at 250,000 at
#: 1,418 MiB, in the same time (254.9 s and 254.7 s); later, with more memos elsewhere,
#: 1,506 MiB at 250,000 and 1,466 MiB at 125,000 (3,409 and 3,237 rows/s screening only,
#: the second on a machine a third slower by the cdist baseline).
SLOT_CACHE_SIZE = 125_000


def _slot_row(a: Slot, cantonese: bool) -> dict[str, tuple[float, str]]:
    global _slot_pairs
    key = (a.sig, cantonese)
    row = _SLOT_ROWS.get(key)
    if row is None:
        if _slot_pairs >= SLOT_CACHE_SIZE:
            _SLOT_ROWS.clear()
            _slot_pairs = 0
        row = _SLOT_ROWS[key] = {}
    return row


def slot_similarity(a: Slot, b: Slot, cantonese: bool = False) -> tuple[float, str]:
    """Similarity of two slots and the reason, for explanations (memoised).

    A name is romanized in one system: Mandarin readings (``p:``) and Hong Kong Cantonese
    spellings (``c:``) are compared in separate passes, never mixed within one name.
    """
    return _sim_matrix((a,), (b,), cantonese)[0][0]


def _slot_similarity(a: Slot, b: Slot, cantonese: bool) -> tuple[float, str]:
    if a.text == b.text and a.han == b.han:
        return 1.0, "same"
    skip = "p:" if cantonese else "c:"
    shared = {k for k in a.keys & b.keys if not k.startswith(skip)}
    if a.han and b.han:
        # Two characters: the same, or Mandarin homophones (an input-method slip).
        shared = {k for k in shared if not k.startswith("c:")}
    if shared:
        if any(k.startswith("h:") for k in shared):
            return 1.0, f"same character {a.han or b.han}"
        if any(k.startswith("r:") for k in shared):
            return 1.0, "same"
        korean = sorted(
            (k[2:] for k in shared if k.startswith("k:")),
            key=lambda h: (
                not {a.text, b.text} <= hangul_spellings(h),
                romanize_syllable(h, "rr") not in (a.text, b.text),
                h,
            ),
        )
        if korean:
            return READING_EQUAL, f"Korean {korean[0]}: {a.text} = {b.text}"
        if a.han and b.han:
            return HOMOPHONE_EQUAL, f"homophones {a.han}/{b.han}"
        reading = next((k[2:] for k in sorted(shared) if k.startswith("p:")), None)
        if reading is not None:
            return READING_EQUAL, _reading_reason(a, b, reading)
        spelling = next(k[2:] for k in sorted(shared))
        return CANTONESE_EQUAL, f"Cantonese {spelling} = {a.han or b.han or spelling}"
    if a.han and b.han:
        return 0.0, f"different characters {a.han}/{b.han}"
    best = 0.0
    one_edit = False
    for x in a.alternatives(cantonese):
        for y in b.alternatives(cantonese):
            best = max(best, _text_similarity(x, y))
            one_edit = one_edit or OSA.distance(x, y) <= 1
    if (a.syllable or a.hk) and (b.syllable or b.hk):
        lenient = one_edit and not (a.alone or b.alone)
        factor = SYLLABLE_ONE_EDIT_FACTOR if lenient else SYLLABLE_SUBSTITUTION_FACTOR
        return best * factor, f"different syllables {a.text}/{b.text}"
    if not a.syllable and not b.syllable:
        if is_cantonese_syllable(a.text) != is_cantonese_syllable(b.text):
            # A Hong Kong or Korean syllable and a word that spells no syllable at all, a
            # typo apart, is that syllable misspelt, as a Mandarin one would be (``Ikm`` and
            # ``Kmi`` for Kim, whether or not the name's other syllables make Kim a valid
            # spelling in it).
            typo = _misspelt_similarity(a.text, b.text)
            if typo > best:
                return typo, f"misspelt {a.text}/{b.text}"
        if (
            not (a.hk or b.hk)
            and _vowelless(a.text) != _vowelless(b.text)
            and OSA.distance(a.text, b.text) == 1
        ):
            # A word without a vowel is no name (``Zcw`` for Zaw, ``Wmn`` for Win; the
            # Cantonese ``Ng`` is a syllable): one typo from the other word, however
            # short, it is that word misspelt.
            return _typo_similarity(1, min(len(a.text), len(b.text))), (
                f"misspelt {a.text}/{b.text}"
            )
        letters = min(len(a.text), len(b.text))
        if (
            letters < WORD_TYPO_LETTERS
            and len(a.text) == len(b.text)
            and not (a.hk or b.hk)
            and _swapped(a.text, b.text)
        ):
            # Two neighbours swapped in a short word that spells no syllable (``Zwa`` for
            # the Burmese Zaw, ``Asw`` for Saw): a slip of typing, where a letter changed
            # or added is as often another name (``Ivana``, ``Orion``).
            return _typo_similarity(1, letters), f"misspelt {a.text}/{b.text}"
        if best < WORD_TYPO_MIN and _two_typos(a.text, b.text, letters):
            # Two typos in a long word are common (``Tsocbar`` for Escobar, ``Mohmaex`` for
            # Mohamed): they cost what they cost in a misspelt syllable's long word.
            return _typo_similarity(2, letters), f"spelling {a.text}/{b.text}"
        if best < WORD_TYPO_MIN:
            return best * SYLLABLE_SUBSTITUTION_FACTOR, f"different words {a.text}/{b.text}"
        if (
            best < 1.0 - TYPO_EDIT_COST
            and letters >= WORD_TYPO_LETTERS
            and OSA.distance(a.text, b.text, score_cutoff=1) <= 1
        ):
            # One typo in a word of five or six letters costs what it costs in a syllable,
            # not a sixth of the letters (``Okafro``, ``Rofert``).
            best = max(best, _typo_similarity(1, letters))
        elif letters < WORD_TYPO_LETTERS:
            # ... and in a shorter word no less: a letter added to four is a ninth of the
            # letters, and ``Orion`` is another brand than Rion, ``Ivana`` than Ivan.
            best = min(best, 1.0 - TYPO_EDIT_COST)
        return best, f"spelling {a.text}/{b.text}"
    # One side is not a valid syllable: a misspelling of the other is likely. Count edits
    # rather than letters, so a short syllable with one typo is not over-punished.
    edits = min(
        OSA.distance(x, y) for x in a.alternatives(cantonese) for y in b.alternatives(cantonese)
    )
    letters = min(len(a.text), len(b.text))
    allowed = 1 if letters <= 4 else 2
    if edits <= allowed:
        best = max(best, _typo_similarity(edits, letters))
    elif (
        edits == 2
        and letters == 4
        and not (a.syllable or a.hk)
        and any(_swap_and_typo(x, b.text) for x in a.alternatives(cantonese))
    ):
        # The query's word, two letters swapped and one more typo in four (``Zegn`` for
        # zheng): a slip of typing on top of a typo, what two typos cost. Not a list's
        # misspelt alias against a valid query syllable: ``DU Pnig`` (Ping, one swap) is
        # no Du Jing.
        best = max(best, _typo_similarity(2, letters))
    else:
        # More edits than a short word's typo: letters in common (``yong`` in the Korean
        # ``yongil``) count no more than that many typos would.
        best = min(best, 1.0 - TYPO_EDIT_COST * edits)
    return best, f"misspelt {a.text}/{b.text}"


def _swap_and_typo(x: str, y: str) -> bool:
    """Two typos apart, one of them two letters swapped (fewer edits counting a swap as
    one than counting it as two)."""
    return (
        OSA.distance(x, y, score_cutoff=2) == 2
        and Levenshtein.distance(x, y, score_cutoff=3) > 2
    )


def _two_changed_in_place(x: str, y: str) -> bool:
    """Two words alike but for two letters each changed for another, no letter moved."""
    return len(x) == len(y) and sum(a != b for a, b in zip(x, y, strict=True)) == 2


def _swapped(x: str, y: str) -> bool:
    """The same letters, two neighbours swapped."""
    return OSA.distance(x, y, score_cutoff=1) == 1 and Levenshtein.distance(x, y) == 2


def _two_typos(x: str, y: str, letters: int) -> bool:
    """Two words two typos apart, the shorter ``letters`` long, that are one word misspelt:
    from seven letters, any two typos; in six, only where one is two letters swapped
    (``Rcihrd``, ``Sregie``), a slip of typing, where two letters changed are as often
    another name (``Robert`` and ``Rupert``)."""
    if letters >= LONG_WORD_LETTERS:
        return OSA.distance(x, y, score_cutoff=2) <= 2
    return letters == LONG_WORD_LETTERS - 1 and _swap_and_typo(x, y)


@lru_cache(maxsize=131_072)
def _misspelt_similarity(x: str, y: str) -> float:
    """Similarity of a word and the word it misspells: one edit (two in words of five letters
    or more) costs as :func:`_typo_similarity` says, else letter similarity."""
    best = _text_similarity(x, y)
    allowed = 1 if min(len(x), len(y)) <= 4 else 2
    edits = OSA.distance(x, y, score_cutoff=allowed)
    if edits <= allowed:
        best = max(best, _typo_similarity(edits, min(len(x), len(y))))
    return best


def _typo_similarity(edits: int, letters: int) -> float:
    """Similarity of a misspelt word to the word it misspells, ``edits`` apart, the shorter
    ``letters`` long: each edit costs TYPO_EDIT_COST, but a second edit in a word of
    LONG_WORD_LETTERS or more only SECOND_LONG_EDIT_COST (``Jieqcyn`` for jiequan: 0.80)."""
    if edits >= 2 and letters >= LONG_WORD_LETTERS:
        cost = TYPO_EDIT_COST + SECOND_LONG_EDIT_COST * (edits - 1)
    else:
        cost = TYPO_EDIT_COST * edits
    return round(1.0 - cost, 6)  # so that 0.8 meets MERGE_MIN


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


def _share_cantonese(q: tuple[Slot, ...], c: tuple[Slot, ...]) -> bool:
    q_keys = {k for s in q for k in s.keys if k.startswith("c:")}
    return any(k in q_keys for s in c for k in s.keys)


_Sims = list[list[tuple[float, str]]]
#: Orders of a name's slots, as indexes into its flattened slots.
_Orders = tuple[tuple[int, ...], ...]


def _sim_matrix(q: tuple[Slot, ...], c: tuple[Slot, ...], cantonese: bool) -> _Sims:
    """:func:`slot_similarity` of every pair, one cached row per slot of ``q``."""
    global _slot_pairs
    matrix: _Sims = []
    for a in q:
        row = _slot_row(a, cantonese)
        values = []
        for b in c:
            found = row.get(b.sig)
            if found is None:
                found = row[b.sig] = _slot_similarity(a, b, cantonese)
                _slot_pairs += 1
            values.append(found)
        matrix.append(values)
    return matrix


def _passes(
    q: tuple[Slot, ...], c: tuple[Slot, ...], mandarin: bool = False
) -> tuple[bool, ...]:
    """Mandarin pass, plus a Cantonese pass where exactly one side is Han script (and the
    romanized side is not known to be ``mandarin``)."""
    if (
        not mandarin
        and any(s.han for s in q) != any(s.han for s in c)
        and _share_cantonese(q, c)
    ):
        return (False, True)
    return (False,)


@lru_cache(maxsize=131_072)
def _syllable_groups(
    slots: tuple[Slot, ...], orders: tuple[tuple[int, ...], ...]
) -> tuple[tuple[tuple[int, ...], str], ...]:
    """Runs of two or three syllables (Hong Kong and Korean ones too) that are consecutive
    in any of ``orders``, and the pieces of one written word whatever they read as
    (:func:`_mixed_word`), with their joined text: what a misspelt word of the other name
    may be merged with."""
    found: dict[tuple[int, ...], str] = {}
    for order in orders:
        for k in range(2, MAX_MERGE + 1):
            for start in range(len(order) - k + 1):
                group = order[start : start + k]
                if group not in found and (
                    all(slots[x].syllable or slots[x].hk for x in group)
                    or _mixed_word(tuple(slots[x] for x in group))
                ):
                    found[group] = "".join(slots[x].text for x in group)
    return tuple(found.items())


def _raw_merge_caps(
    q: tuple[Slot, ...], c: tuple[Slot, ...], q_orders: _Orders
) -> tuple[list[float], list[float]]:
    """What merges of a misspelt word with several syllables of the other name could
    credit each slot: the candidate's order is fixed, the query's is any of ``q_orders``."""
    cap_q = [0.0] * len(q)
    cap_c = [0.0] * len(c)
    for raw_side, raw_caps, other, other_caps, orders in (
        (q, cap_q, c, cap_c, (tuple(range(len(c))),)),
        (c, cap_c, q, cap_q, q_orders),
    ):
        raw = [(x, s.text) for x, s in enumerate(raw_side) if not s.syllable]
        if not raw:
            continue
        for group, joined in _syllable_groups(other, orders):
            for x, text in raw:
                # Letters alone reach MERGE_MIN only within this length difference (Indel);
                # edits, only within two.
                gap = abs(len(text) - len(joined))
                if gap > 2 and gap > (1.0 - MERGE_MIN) * (len(text) + len(joined)) + 1e-9:
                    continue
                r = _misspelt_similarity(text, joined)
                if r >= MERGE_MIN:
                    raw_caps[x] = max(raw_caps[x], r)
                    for y in group:
                        other_caps[y] = max(other_caps[y], r)
    return cap_q, cap_c


def _upper_bound(
    q: tuple[Slot, ...],
    c: tuple[Slot, ...],
    sims: list[_Sims],
    q_orders: _Orders,
) -> float:
    """A score no alignment of ``q`` (in any of ``q_orders``) with ``c`` can beat, from the
    best pair of each slot and what many-to-one moves could credit it; it lets most
    candidates be dismissed without aligning them."""
    q_raw = any(not s.syllable for s in q)
    c_raw = any(not s.syllable for s in c)
    c_readable = sum(s.syllable or s.hk for s in c)
    q_readable = sum(s.syllable or s.hk for s in q)
    if (q_raw and (c_readable >= 2 or _has_mixed_word(c))) or (
        c_raw and (q_readable >= 2 or _has_mixed_word(q))
    ):
        cap_q, cap_c = _raw_merge_caps(q, c, q_orders)
    else:
        cap_q, cap_c = [0.0] * len(q), [0.0] * len(c)
    # Words keep their slots together in every order, so the query's own order will do.
    for i, k, j, g, r, _, _ in _long_word_matches(q, c):
        for x in range(i - k, i):
            cap_q[x] = max(cap_q[x], r)
        for y in range(j - g, j):
            cap_c[y] = max(cap_c[y], r)
    return _coverage_bound(q, c, sims, cap_q, cap_c)


def _coverage_bound(
    q: tuple[Slot, ...],
    c: tuple[Slot, ...],
    sims: list[_Sims],
    cap_q: list[float],
    cap_c: list[float],
) -> float:
    q_split = any(s.split for s in q)
    c_split = any(s.split for s in c)
    misspelt = 1.0 - TYPO_EDIT_COST
    best_c = list(cap_c)
    covered_q = 0.0
    for i, a in enumerate(q):
        best = cap_q[i]
        for matrix in sims:
            for j, (sim, _) in enumerate(matrix[i]):
                if sim > best:
                    best = sim
                if sim > best_c[j]:
                    best_c[j] = sim
        if (a.split or (a.syllable and c_split)) and best < misspelt:
            best = misspelt
        covered_q += a.weight * best
    covered_c = 0.0
    for j, b in enumerate(c):
        best = best_c[j]
        if (b.split or (b.syllable and q_split)) and best < misspelt:
            best = misspelt
        covered_c += b.weight * best
    return min(
        covered_q / max(_group_weight(q), 1e-9), covered_c / max(_group_weight(c), 1e-9)
    )


def _aligned(
    q: tuple[Slot, ...],
    c: tuple[Slot, ...],
    trace: bool,
    floor: float = 0.0,
    mandarin: bool = False,
) -> tuple[float, list[Step]]:
    """Mandarin pass, plus a Cantonese pass where exactly one side is Han script (see
    :func:`_passes`); ``0.0`` without aligning when the upper bound is under ``floor``."""
    passes = _passes(q, c, mandarin)
    sims = [_sim_matrix(q, c, p) for p in passes]
    if floor > 0.0 and _upper_bound(q, c, sims, (tuple(range(len(q))),)) < floor:
        return 0.0, []
    best = _align(q, c, trace, sims=sims[0])
    if len(passes) > 1 and best[0] < 1.0:
        other = _align(q, c, trace, cantonese=True, sims=sims[1])
        if other[0] > best[0]:
            best = other
    return best


@attrs.frozen(slots=True)
class Step:
    """One aligned pair of the best alignment, for explanations."""

    query: str
    candidate: str
    similarity: float
    reason: str


@lru_cache(maxsize=131_072)
def _joined_ends(slots: tuple[Slot, ...], k: int) -> dict[int, str]:
    """``{end: text of slots[end-k:end] joined}`` for every end position."""
    return {end: "".join(x.text for x in slots[end - k : end]) for end in range(k, len(slots) + 1)}


def _group_weight(slots: tuple[Slot, ...]) -> float:
    return sum(s.weight for s in slots)


def _split_group(group: tuple[Slot, ...]) -> bool:
    """Consecutive syllables of one written word that looks split by a misspelling."""
    first = group[0].position
    return all(s.split and s.position == first + t for t, s in enumerate(group))


def _oversegmented(joined: str, fewer: int) -> bool:
    """Slots whose joined text does not read as ``fewer`` syllables or less: a misspelling
    split into extra syllables (``zhanv``), not another reading of a real one (``tian``)."""
    seg = segment(joined)
    return seg is None or len(seg) > fewer


#: A move of the alignment that is not a plain pair: ``(from i, from j, similarity, query
#: weight, candidate weight, query text, candidate text, reason)``.
_Move = tuple[int, int, float, float, float, str, str, str]


def _merge_moves(
    q: tuple[Slot, ...],
    c: tuple[Slot, ...],
    q_joined: dict[int, dict[int, str]],
    c_joined: dict[int, dict[int, str]],
) -> dict[tuple[int, int], list[_Move]]:
    """The alignment's many-to-one moves, by the cell they end in.

    One misspelt word against two or three syllables of the other name (``hailnu`` ~ ``hai
    lun``, ``qilk`` ~ ``qi li``), and a misspelling read as more syllables than it should
    (``zha nv`` for zhang, ``ha ung`` for huang, ``ji ya ang`` for jia yang) against what it
    misspells, one edit apart. The extra syllables must come from one written word that
    looks split (:func:`_looks_split`); against a one-syllable word (a surname) they must be
    that whole word, and the joined slots must not read as that many syllables themselves
    (``ti an`` is tian, not a misspelt qian).
    """
    moves: dict[tuple[int, int], list[_Move]] = {}
    for i, j, k, r, word, joined in _word_merges(q, c, c_joined):
        moves.setdefault((i, j), []).append(
            (i - 1, j - k, r, q[i - 1].weight, _group_weight(c[j - k : j]), word, joined,
             "spelling")
        )  # fmt: skip
    for j, i, k, r, word, joined in _word_merges(c, q, q_joined):
        moves.setdefault((i, j), []).append(
            (i - k, j - 1, r, _group_weight(q[i - k : i]), c[j - 1].weight, joined, word,
             "spelling")
        )  # fmt: skip
    misspelt = 1.0 - TYPO_EDIT_COST
    for i, k, j, g, more, fewer in _split_matches(q, c, q_joined, c_joined):
        moves.setdefault((i, j), []).append(
            (i - k, j - g, misspelt, _group_weight(q[i - k : i]), _group_weight(c[j - g : j]),
             more, fewer, "misspelt")
        )  # fmt: skip
    for j, k, i, g, more, fewer in _split_matches(c, q, c_joined, q_joined):
        moves.setdefault((i, j), []).append(
            (i - g, j - k, misspelt, _group_weight(q[i - g : i]), _group_weight(c[j - k : j]),
             fewer, more, "misspelt")
        )  # fmt: skip
    for i, k, j, g, r, word_q, word_c in _long_word_matches(q, c):
        moves.setdefault((i, j), []).append(
            (i - k, j - g, r, _group_weight(q[i - k : i]), _group_weight(c[j - g : j]),
             word_q, word_c, "same word" if r == 1.0 else "spelling")
        )  # fmt: skip
    return moves


#: A written word read as this many syllables or more is no Chinese surname or given name
#: but another language's word that spells as syllables (``Sibanda`` = si ban da).
LONG_WORD_SYLLABLES = 3


@lru_cache(maxsize=131_072)
def _written_words(slots: tuple[Slot, ...]) -> tuple[tuple[int, int, str], ...]:
    """``(end, slots, text)`` of each written word read as several syllables, and of each
    word read whole that is no syllable (``1`` slot)."""
    out = []
    for start, s in enumerate(slots):
        size = s.word_size
        if s.position != 0 or start + size > len(slots):
            continue
        if size == 1:
            if not (s.syllable or s.hk):
                out.append((start + 1, 1, s.text))
        elif size >= 2:
            group = slots[start : start + size]
            if all(x.position == t and x.word_size == size for t, x in enumerate(group)):
                out.append((start + size, size, "".join(x.text for x in group)))
    return tuple(out)


def _long_word_matches(
    q: tuple[Slot, ...], c: tuple[Slot, ...]
) -> Iterator[tuple[int, int, int, int, float, str, str]]:
    """Long words compared as written words, where syllable by syllable they differ: two
    that both names read as syllables, one of three or more (a typo that makes di of da
    in ``Sibandi`` for Sibanda is a typo in that word, not a different syllable of a
    Chinese name), and a word read whole against one read as more syllables than a
    misspelt word may merge with (``Chinamas`` for chi na ma sa). They compare as words
    read whole do (:func:`_same_word_similarity`)."""
    q_words = _written_words(q)
    if not q_words:
        return
    for j, g, word_c in _written_words(c):
        for i, k, word_q in q_words:
            if max(k, g) < LONG_WORD_SYLLABLES or (min(k, g) == 1 and max(k, g) <= MAX_MERGE):
                # Words of one or two syllables are a Chinese name's; a word read whole
                # and up to three syllables, a merge (:func:`_word_merges`).
                continue
            if (r := _same_word_similarity(word_q, word_c)) >= MERGE_MIN:
                yield i, k, j, g, r, word_q, word_c


def _word_merges(
    words: tuple[Slot, ...], other: tuple[Slot, ...], other_joined: dict[int, dict[int, str]]
) -> Iterator[tuple[int, int, int, float, str, str]]:
    """Misspelt words of ``words`` close enough to two or three syllables of ``other``, as
    ``(end in words, end in other, syllables, similarity, word, joined syllables)``."""
    for i, a in enumerate(words, start=1):
        if a.syllable:
            continue
        for k in range(2, MAX_MERGE + 1):
            for j in range(k, len(other) + 1):
                group = other[j - k : j]
                joined = other_joined[k][j]
                if not all(s.syllable or s.hk for s in group):
                    if _mixed_word(group):
                        r = _same_word_similarity(a.text, joined)
                        if r >= MERGE_MIN:
                            yield i, j, k, r, a.text, joined
                    continue
                if all(s.syllable for s in group):
                    r = _misspelt_similarity(a.text, joined)
                else:
                    # Hong Kong and Korean spellings one typo away (``Kowk-wai`` for Kwok-wai),
                    # no further: ``Un-nam`` is two from Su-nam, and another name.
                    edits = OSA.distance(a.text, joined, score_cutoff=1)
                    r = _typo_similarity(edits, min(len(a.text), len(joined))) if edits <= 1 else 0
                if r >= MERGE_MIN:
                    yield i, j, k, r, a.text, joined


def _vowelless(word: str) -> bool:
    return word.isalpha() and not any(ch in "aeiouy" for ch in word)


def _has_mixed_word(slots: tuple[Slot, ...]) -> bool:
    return any(1 < s.word_size <= MAX_MERGE and not (s.syllable or s.hk) for s in slots)


def _mixed_word(group: tuple[Slot, ...]) -> bool:
    """The slots of one whole written word, not all of them syllables: a word that one name
    reads in pieces around the syllables it holds (``got san yuk`` in a name read as
    Chinese) and the other, read otherwise, keeps whole (``Gotsanyuk``)."""
    size = len(group)
    return (
        all(s.word_size == size and s.position == t for t, s in enumerate(group))
        and not all(s.syllable or s.hk for s in group)
    )


def _same_word_similarity(word: str, joined: str) -> float:
    """A word against the joined pieces of a word of the other name: the same word, or one
    typo from it in five letters or more, or two (:func:`_two_typos`), as two words that
    read as no syllables compare (:func:`_slot_similarity`)."""
    if word == joined:
        return 1.0
    letters = min(len(word), len(joined))
    if letters >= WORD_TYPO_LETTERS and OSA.distance(word, joined, score_cutoff=1) <= 1:
        return _typo_similarity(1, letters)
    if letters < WORD_TYPO_LETTERS and (r := _text_similarity(word, joined)) >= WORD_TYPO_MIN:
        # A short word with a letter added or lost (``Apye`` for Pye, read ap ye), as two
        # words read whole compare (:func:`_slot_similarity`).
        return min(r, 1.0 - TYPO_EDIT_COST)
    if _two_typos(word, joined, letters):
        return _typo_similarity(2, letters)
    return 0.0


def _split_matches(
    more: tuple[Slot, ...],
    fewer: tuple[Slot, ...],
    more_joined: dict[int, dict[int, str]],
    fewer_joined: dict[int, dict[int, str]],
) -> Iterator[tuple[int, int, int, int, str, str]]:
    """Runs of ``k`` slots of a split word of ``more`` one edit from ``g <= k`` syllables of
    ``fewer``, as ``(end in more, k, end in fewer, g, more text, fewer text)``."""
    if not any(s.split for s in more):
        return
    # Runs of a split word first (few), then what they may misspell on the other side.
    runs = [
        (i, k) for k in (2, 3) for i in range(k, len(more) + 1) if _split_group(more[i - k : i])
    ]
    for i, k in runs:
        for g in range(1, k + 1):
            for j in range(g, len(fewer) + 1):
                long, short = more_joined[k][i], fewer_joined[g][j]
                if (
                    abs(len(long) - len(short)) <= 1
                    and all(s.syllable for s in fewer[j - g : j])
                    and (g > 1 or not fewer[j - 1].alone or _whole_word(more[i - k : i]))
                    and OSA.distance(long, short, score_cutoff=1) <= 1
                    and _oversegmented(long, g)
                ):
                    yield i, k, j, g, long, short


def _align(
    q: tuple[Slot, ...],
    c: tuple[Slot, ...],
    trace: bool,
    cantonese: bool = False,
    sims: list[list[tuple[float, str]]] | None = None,
) -> tuple[float, list[Step]]:
    """Best monotone alignment of two slot sequences: the share of each name it covers,
    the smaller of the two.

    Moves: skip a slot, pair two slots, or one of the many-to-one moves of
    :func:`_merge_moves`. Each side's coverage counts that side's own weights, so a
    misspelt word whose weight is only an estimate never inflates the other side. The path
    maximises the sum of both coverages (a linear objective, so the dynamic programme is
    exact for it); back-pointers are only kept when ``trace`` asks for the alignment.
    """
    n, m = len(q), len(c)
    wq_total = max(_group_weight(q), 1e-9)
    wc_total = max(_group_weight(c), 1e-9)
    fq = [s.weight / wq_total for s in q]
    fc = [s.weight / wc_total for s in c]
    if sims is None:
        sims = _sim_matrix(q, c, cantonese)
    q_joined = {k: _joined_ends(q, k) for k in (1, 2, 3)}
    c_joined = {k: _joined_ends(c, k) for k in (1, 2, 3)}
    merges = _merge_moves(q, c, q_joined, c_joined)
    dp = [[0.0] * (m + 1) for _ in range(n + 1)]
    cov_q = [[0.0] * (m + 1) for _ in range(n + 1)]
    cov_c = [[0.0] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, str, str, float, str]]] | None = (
        [[(0, 0, "", "", 0.0, "")] * (m + 1) for _ in range(n + 1)] if trace else None
    )
    if back is not None:
        for i in range(1, n + 1):
            back[i][0] = (i - 1, 0, q[i - 1].text, "", 0.0, "unmatched")
        for j in range(1, m + 1):
            back[0][j] = (0, j - 1, "", c[j - 1].text, 0.0, "unmatched")
    for i in range(1, n + 1):
        row, above = dp[i], dp[i - 1]
        sim_row = sims[i - 1]
        a = q[i - 1]
        wa, fa = a.weight, fq[i - 1]
        for j in range(1, m + 1):
            # Skip a query slot, skip a candidate slot, or pair the two.
            if above[j] >= row[j - 1]:
                best, pi, pj = above[j], i - 1, j
            else:
                best, pi, pj = row[j - 1], i, j - 1
            gq = gc = 0.0
            sim = sim_row[j - 1][0]
            value = above[j - 1] + sim * (fa + fc[j - 1])
            if value > best:
                best, pi, pj = value, i - 1, j - 1
                gq, gc = sim * wa, sim * c[j - 1].weight
            chosen: _Move | None = None
            for move in merges.get((i, j), ()):
                mi, mj, r, mq, mc = move[:5]
                value = dp[mi][mj] + r * (mq / wq_total + mc / wc_total)
                if value > best:
                    best, pi, pj = value, mi, mj
                    gq, gc = r * mq, r * mc
                    chosen = move
            row[j] = best
            cov_q[i][j] = cov_q[pi][pj] + gq
            cov_c[i][j] = cov_c[pi][pj] + gc
            if back is not None:
                if chosen is not None:
                    back[i][j] = (pi, pj, chosen[5], chosen[6], chosen[2], chosen[7])
                elif (pi, pj) == (i - 1, j - 1):
                    back[i][j] = (pi, pj, a.text, c[j - 1].text, sim, sim_row[j - 1][1])
                elif pi == i - 1:
                    back[i][j] = (pi, pj, a.text, "", 0.0, "unmatched")
                else:
                    back[i][j] = (pi, pj, "", c[j - 1].text, 0.0, "unmatched")
    steps: list[Step] = []
    if back is not None:
        i, j = n, m
        while i > 0 or j > 0:
            pi, pj, qt, ct, sim, why = back[i][j]
            steps.append(Step(qt, ct, sim, why))
            i, j = pi, pj
        steps.reverse()
    return min(1.0, cov_q[n][m] / wq_total, cov_c[n][m] / wc_total), steps


def _rotation_orders(words: tuple[tuple[Slot, ...], ...]) -> _Orders:
    """Word-order rotations of a name (every order of three words, the reversal of four or
    more), as index orders into its flattened slots."""
    return _orders_of(tuple(len(w) for w in words))



_Spans = list[tuple[int, ...]]


def _spans(lengths: tuple[int, ...]) -> _Spans:
    """Each word's slot indexes into the flattened slots."""
    spans: _Spans = []
    start = 0
    for size in lengths:
        spans.append(tuple(range(start, start + size)))
        start += size
    return spans


def _word_orders(spans: _Spans) -> list[_Spans]:
    n = len(spans)
    orders = [spans[i:] + spans[:i] for i in range(n)] if n > 1 else [spans]
    if n == 3:
        # Three words in any order: beside a surname first or last, Hong Kong writes an
        # English name before the surname and the Chinese given name after it (John LEE
        # Ka-chiu, listed as LEE, John Ka-chiu).
        orders.extend(list(p) for p in permutations(spans) if list(p) not in orders)
    elif n > 3:
        orders.append(list(reversed(spans)))
    return orders


def _flat_orders(orders: Iterable[_Spans]) -> _Orders:
    found = dict.fromkeys(tuple(x for span in order for x in span) for order in orders)
    return tuple(found)


@lru_cache(maxsize=1024)
def _orders_of(lengths: tuple[int, ...]) -> _Orders:
    """The orders of :func:`_rotation_orders`: they depend only on the words' lengths."""
    return _flat_orders(_word_orders(_spans(lengths)))


@lru_cache(maxsize=1024)
def _english_orders(lengths: tuple[int, ...], english: int, fixed: bool) -> _Orders:
    """The orders of a name whose word ``english`` is an English given name: those of
    :func:`_orders_of` (the written order alone where ``fixed``), each also with the
    English name moved to every other place between words. It stands before the surname,
    after it or last, whatever the Chinese name's order (Carrie Lam Cheng Yuet-ngor is
    listed as LAM CHENG, Carrie Yuet-ngor)."""
    spans = _spans(lengths)
    bases = [spans] if fixed else _word_orders(spans)
    word = spans[english]
    moved: list[_Spans] = []
    for base in bases:
        others = [span for span in base if span != word]
        moved.extend([*others[:k], word, *others[k:]] for k in range(len(others) + 1))
    return _flat_orders([*bases, *moved])


def _views(
    q: NameForm, c: NameForm, shorten_query: bool = True
) -> Iterator[tuple[tuple[_Words, ...], tuple[_Words, ...], int, float, Step | None]]:
    """The readings of both names to compare, as ``(query readings, list-name readings,
    the query's English-name word, factor, what was left out)``: the names as written,
    then each shortened one (:func:`_shortened`) against the other name as written; the
    query without its Chinese given name only where ``shorten_query``."""
    q_all = (q.slots, *q.alternatives)
    c_all = (c.slots, *c.alternatives)
    yield q_all, c_all, q.english, 1.0, None
    for view in _applicable(q.shortened, len(q.slots), len(c.slots)):
        if view.query_only and not shorten_query:
            continue
        why = f"left out ({view.factor:.2f}): on the query only"
        yield (view.words,), c_all, -1, view.factor, Step(view.dropped, "", 0.0, why)
    for view in _applicable(c.shortened, len(c.slots), len(q.slots)):
        if not view.query_only:
            why = f"left out ({view.factor:.2f}): on the list name only"
            yield q_all, (view.words,), q.english, view.factor, Step("", view.dropped, 0.0, why)


def _applicable(views: tuple[Shortened, ...], words: int, other: int) -> list[Shortened]:
    """The shortened views of a name of ``words`` words worth comparing with a name of
    ``other`` words (:attr:`Shortened.against_fewer`)."""
    return [v for v in views if not v.against_fewer or words > other]


def compare_persons(
    q: NameForm,
    c: NameForm,
    trace: bool = False,
    floor: float = 0.0,
    *,
    shorten_query: bool = True,
) -> tuple[float, list[Step]]:
    """Best slot alignment over word-order rotations of the query.

    A Hong Kong name is also compared without one of its given names (:func:`_views`), at
    a small cost: ``Chris Tang Ping-keung`` meets ``TANG, Ping-keung`` (0.96) and ``TANG,
    Chris`` (0.93; not where ``shorten_query`` is false). Slot similarities do not depend
    on word order, so they are computed once per reading of each name, and a reading pair
    whose upper bound is under ``floor`` is not aligned at all (it scores 0.0).
    """
    if not q.slots or not c.slots:
        return 0.0, []
    best: tuple[float, list[Step]] = (0.0, [])
    # Two Han names are both written surname first, and two "SURNAME, Given" names say
    # which part is the surname: those are never reordered.
    fixed = (bool(q.han) and bool(c.han)) or (q.ordered and c.ordered)
    if (not q.shortened and not c.shortened) or (
        not _applicable(q.shortened, len(q.slots), len(c.slots))
        and not _applicable(c.shortened, len(c.slots), len(q.slots))
    ):
        # Most names: no English given name, no other view (and no generator to run).
        q_all, c_all = (q.slots, *q.alternatives), (c.slots, *c.alternatives)
        if q.alternatives and c.alternatives and not (q.normalized + c.normalized).isascii():
            # Two names in Hangul: their slots hold every spelling of their syllables.
            q_all, c_all = (q.slots,), (c.slots,)
        return _compare_readings(q_all, c_all, -1, fixed, trace, floor)
    first = True
    for q_readings, c_readings, english, factor, dropped in _views(q, c, shorten_query):
        score, steps = _compare_readings(
            q_readings, c_readings, english, fixed, trace, floor / factor
        )
        score *= factor
        if first or score > best[0]:
            best, first = (score, [dropped, *steps] if dropped and trace else steps), False
    if q.english >= 0 and c.english >= 0 and best[0] >= floor:
        # Both have an English given name: the Chinese names must agree on their own. A
        # common English name shared does not make up for another Chinese given name
        # (Carrie Lam Cheng Yuet-ming against LAM CHENG, Carrie Yuet-ngor: 0.87 -> 0.80).
        chinese = _compare_readings(
            (_without_english(q),), (_without_english(c),), -1, fixed, False, floor
        )[0]
        if chinese < best[0]:
            best = (chinese, best[1])
    return best


def _join_to_match(words: _Words, other: _Words) -> _Words | None:
    """``words`` with runs of two or three words joined where they spell a word of
    ``other`` (``Jong Un`` against ``Jong-un`` or ``Jongun``; ``Naing Thein`` against
    ``Naing-thein``), or ``None``: Korean, Burmese, Arabic and other names are written
    spaced, hyphenated or run together, and a word read whole cannot meet two."""
    if all(s.syllable for w in (*words, *other) for s in w):
        # Two names of Chinese syllables already meet across their spaces (Hai Lun, Hailun).
        return None
    targets = {"".join(s.text for s in w): w for w in other}
    out: list[tuple[Slot, ...]] = []
    i = 0
    while i < len(words):
        for n in (3, 2):
            run = words[i : i + n]
            if len(run) == n:
                joined = "".join(s.text for w in run for s in w)
                if joined in targets:
                    # The other name's word itself: the same letters, read the same way.
                    out.append(targets[joined])
                    i += n
                    break
        else:
            out.append(words[i])
            i += 1
    return tuple(out) if len(out) < len(words) else None


def _with_words_joined(
    q_readings: tuple[_Words, ...], c_readings: tuple[_Words, ...]
) -> tuple[tuple[_Words, ...], tuple[_Words, ...]]:
    """The readings of both names, those of the one of more words also read with their
    words joined where they spell a word of the other's first reading
    (:func:`_join_to_match`)."""
    if len(q_readings[0]) > len(c_readings[0]):
        joined = [j for r in q_readings if (j := _join_to_match(r, c_readings[0])) is not None]
        return (*q_readings, *joined), c_readings
    joined = [j for r in c_readings if (j := _join_to_match(r, q_readings[0])) is not None]
    return q_readings, (*c_readings, *joined)


def _without_english(form: NameForm) -> _Words:
    """The words of a name with an English given name, without it."""
    return tuple(w for i, w in enumerate(form.slots) if i != form.english)


def _compare_readings(
    q_readings: tuple[_Words, ...],
    c_readings: tuple[_Words, ...],
    english: int,
    fixed: bool,
    trace: bool,
    floor: float,
) -> tuple[float, list[Step]]:
    """:func:`compare_persons` of one view of the two names (see :func:`_views`)."""
    best: tuple[float, list[Step]] = (0.0, [])
    first = True
    if len(q_readings[0]) != len(c_readings[0]):
        q_readings, c_readings = _with_words_joined(q_readings, c_readings)
    for c_words in c_readings:
        cand = tuple(s for w in c_words for s in w)
        for q_words in q_readings:
            flat = tuple(s for w in q_words for s in w)
            passes = _passes(flat, cand)
            sims = [_sim_matrix(flat, cand, p) for p in passes]
            if english >= 0:
                orders = _english_orders(tuple(len(w) for w in q_words), english, fixed)
            elif fixed:
                orders = (tuple(range(len(flat))),)
            else:
                orders = _rotation_orders(q_words)
            if floor > 0.0 and _upper_bound(flat, cand, sims, orders) < floor:
                continue
            for order in orders:
                slots = tuple(flat[x] for x in order)
                result = _align(slots, cand, trace, sims=[sims[0][x] for x in order])
                if len(passes) > 1 and result[0] < 1.0:
                    other = _align(
                        slots, cand, trace, cantonese=True, sims=[sims[1][x] for x in order]
                    )
                    if other[0] > result[0]:
                        result = other
                if first or result[0] > best[0]:
                    best, first = result, False
    return best


@lru_cache(maxsize=4 * BRAND_MEMO)
def _generic_similarity(a: str, b: str) -> float:
    """Trade and place words: a place named on one side only is no evidence either way.

    Memoised: a list repeats a few trade words across thousands of companies."""
    a_words, b_words = a.split(), b.split()
    a_places = [w for w in a_words if near_place(w)]
    b_places = [w for w in b_words if near_place(w)]
    if not a_places or not b_places:
        a_words = [w for w in a_words if w not in a_places]
        b_words = [w for w in b_words if w not in b_places]
    if not a_words or not b_words:
        return ORG_MISSING_GENERIC if a_words != b_words else 1.0
    # Trade words are a small vocabulary, spelt one way (misspellings put right, synonyms
    # folded): two names share a word or they do not, and letters shared by different
    # words say nothing (industry and instruments, information and communication: 0.53
    # and 0.60 by letters, which lifted ``Nova Industries S.A.`` to 0.86 against
    # ``Shanghai Nova Instruments``). The share of both sides' words the other side holds.
    held = _words_held(a_words, b_words) + _words_held(b_words, a_words)
    return held / (len(a_words) + len(b_words))


#: Letter similarity at which two generic words are one (a misspelling the folding read
#: otherwise).
GENERIC_WORD_SAME = 0.8


def _words_held(words: list[str], other: list[str]) -> float:
    """How many of ``words`` ``other`` holds, or holds a word as good as one of."""
    held = 0.0
    for w in words:
        if w in other:
            held += 1.0
            continue
        best = max(Indel.normalized_similarity(w, o) for o in other)
        if best >= GENERIC_WORD_SAME:
            held += best
    return held


@lru_cache(maxsize=BRAND_MEMO)
def _brand_letters(q: tuple[Slot, ...], c: tuple[Slot, ...], alike: bool = True) -> float:
    """Two brands compared letter by letter, whatever their syllables; ``alike``: the
    names' other words are the same (or both have none)."""
    q_brand = "".join(x.text for x in q)
    c_brand = "".join(x.text for x in c)
    letters = _text_similarity(q_brand, c_brand)
    misspelt = not all(x.syllable for x in (*q, *c))
    shorter = min(len(q_brand), len(c_brand))
    if not misspelt or shorter < 5:
        return letters * ORG_LETTER_FACTOR
    # Only where one brand does not read as syllables: Hongtu and Hongdu both read fine
    # and are two companies, Hikvsion is a typo. In a brand of seven letters or more one
    # typo is no more than a typo in a person's name (``Suhbakso`` for Sukbakso).
    edits = OSA.distance(q_brand, c_brand)
    edited = 1.0 - BRAND_EDIT_COST * edits
    if shorter < LONG_BRAND:
        edited *= ORG_LETTER_FACTOR
    elif edits == 2 and alike and not _two_changed_in_place(q_brand, c_brand):
        # Two typos in a long brand, like two in a long word or a long name run together:
        # the second costs less (``Friamco`` for Firmaco, ``Hati Kmalil`` for Haji Khalil).
        # Not two letters each changed for another: that is as often another name
        # (Northern and Southern, Tongtang and Tongsan); nor beside other words on one
        # side only, which a misspelt name keeps (``Hangzhou Hikvision Digital
        # Technology`` is not the bare ``IS'Vision``).
        edited = 1.0 - BRAND_EDIT_COST - SECOND_LONG_EDIT_COST
    return max(letters * ORG_LETTER_FACTOR, edited)


def _brand_core(
    q: tuple[Slot, ...], c: tuple[Slot, ...], floor: float, mandarin: bool = False
) -> float:
    """:func:`_aligned` without the steps, its bound and alignment memoised per pair of
    brands: the companies of one brand cluster (hundreds sharing ``Eagle``) differ in their
    trade words, and their brand is aligned with the query's once."""
    if floor > 0.0 and _brand_bound(q, c, mandarin) < floor:
        return 0.0
    return _brand_alignment(q, c, mandarin)


@lru_cache(maxsize=BRAND_MEMO)
def _brand_bound(q: tuple[Slot, ...], c: tuple[Slot, ...], mandarin: bool) -> float:
    sims = [_sim_matrix(q, c, p) for p in _passes(q, c, mandarin)]
    return _upper_bound(q, c, sims, (tuple(range(len(q))),))


@lru_cache(maxsize=BRAND_MEMO)
def _brand_alignment(q: tuple[Slot, ...], c: tuple[Slot, ...], mandarin: bool) -> float:
    return _aligned(q, c, False, mandarin=mandarin)[0]


def _typo_beside_trade(qo: OrgForm, co: OrgForm, generic: float) -> float:
    """A long brand one typo from the other, where the trade words agree and are more than
    a place: a typo, though it spells another syllable (``Qinseng Pharmaceutical
    Technology`` for Qinsheng). Brands alone one syllable apart are two companies (Hongtu
    and Hongdu); the same name around a brand of seven letters or more is evidence of one.
    Costs a typo in a long word."""
    if generic < 1.0:
        return 0.0
    q_brand = "".join(x.text for x in qo.slots)
    c_brand = "".join(x.text for x in co.slots)
    if min(len(q_brand), len(c_brand)) < LONG_BRAND or q_brand == c_brand:
        return 0.0
    if OSA.distance(q_brand, c_brand, score_cutoff=1) > 1:
        return 0.0
    if all(near_place(w) for w in qo.generic.split()):
        return 0.0
    # Everything else as written, legal forms too, at most one more typo away: ``Xingxin
    # Machinery Co., Ltd.`` is not a misspelt ``Xingxing Machinery Group Co., Ltd.``.
    q_text, c_text = " ".join(qo.written), " ".join(co.written)
    if OSA.distance(q_text, c_text, score_cutoff=2) > 2:
        return 0.0
    return _typo_similarity(1, min(len(q_brand), len(c_brand)))


#: A place of this many letters may be misspelt twice in a name compared whole (``Beiin
#: Huawei``, ``Weijin Tianhua`` for Beijing), with the rest of the name as written.
LONG_PLACE = 7


def _place_typos(place: str) -> int:
    return 2 if len(place) >= LONG_PLACE else 1


def _brand_word(word: str) -> bool:
    """A word that names a company: no trade word, place or legal form."""
    return (
        len(word) >= 3
        and ORG_SYNONYMS.get(word, word) not in GENERIC_ORG_WORDS
        and not is_company_word(word)
    )


@lru_cache(maxsize=4 * BRAND_MEMO)
def _core_similarity(q: tuple[str, ...], c: tuple[str, ...]) -> float:
    """Two organisation names run together, one typo costing what it costs in a brand.

    Not where a word of each differs and both read as Chinese syllables: two names
    (Hongtu and Hongdu, Siyuan and Ziyuan), not a typo, however few letters apart. A
    place on one side only is the exception: ``Chia National`` and ``Huan University``
    misspell China and Hunan, which no company would be named by the misspelling of
    (a word one typo from it; Zhongxing, two from Chongqing, is ZTE's brand; two places,
    Shanxi and Shaanxi, stay apart). Two letters swapped are the other exception."""
    q_text, c_text = "".join(q), "".join(c)
    if min(len(q_text), len(c_text)) < WHOLE_MIN or abs(len(q_text) - len(c_text)) > 2:
        return 0.0
    edits = OSA.distance(q_text, c_text, score_cutoff=2)
    if edits > 2:
        return 0.0
    q_only = [w for w in q if w not in c]
    c_only = [w for w in c if w not in q]
    # Two neighbours swapped are a slip of typing, whatever the letters then spell
    # (``Siuyan`` for Siyuan, ``Xijinga`` for Xijiang): brands are not told apart by one.
    swap = edits == 1 and _swapped(q_text, c_text)
    if not swap and any(segment(w) for w in q_only) and any(segment(w) for w in c_only):
        q_place = [w for w in q_only if w in CHINESE_PLACES]
        c_place = [w for w in c_only if w in CHINESE_PLACES]
        if bool(q_place) == bool(c_place):
            return 0.0
        places, others = (q_place, c_only) if q_place else (c_place, q_only)
        # Twice misspelt only beside a brand both names hold: ``Shengdong Trading`` is
        # not a misspelt Shandong Trading.
        typos = 2 if any(_brand_word(w) for w in q if w in c) else 1
        if not all(
            OSA.distance(w, p, score_cutoff=typos) <= min(typos, _place_typos(p))
            for w in others
            if segment(w)
            for p in places
        ):
            return 0.0
    if edits == 2:
        # Two typos in eight letters or more are ordinary typing, like two in a long word.
        return 1.0 - BRAND_EDIT_COST - SECOND_LONG_EDIT_COST
    return 1.0 - BRAND_EDIT_COST * edits


def _trade_word_typo(qo: OrgForm, co: OrgForm) -> float:
    """Two names alike word for word but one, a trade word of one name that the other
    writes a typo off (``SME Bakn``, ``SMP Bnk``, ``ISM Temch``): a trade word of four
    letters misspelt is no trade word to the analysis, which cannot tell it from a brand
    alone, but beside the same brand and words it is plain. Scores as the same brand
    with that trade word a typo off; 0.0 for any other pair."""
    if len(qo.core) != len(co.core) or not qo.slots or not co.slots:
        return 0.0
    differ = [i for i, (a, b) in enumerate(zip(qo.core, co.core, strict=True)) if a != b]
    if len(differ) != 1:
        return 0.0
    i = differ[0]
    for trade, typed in ((co, qo), (qo, co)):
        words = trade.generic.split()
        word = typed.core[i]
        if (
            trade.core[i] in words
            and len(word) >= 3
            and word not in GENERIC_ORG_WORDS
            and word not in typed.generic.split()
            and (
                OSA.distance(word, trade.core[i], score_cutoff=1) <= 1
                or OSA.distance(typed.written[i], trade.written[i], score_cutoff=1) <= 1
            )
        ):
            generic = 1.0 - TYPO_EDIT_COST / len(words)
            return ORG_DISTINCTIVE_WEIGHT + (1 - ORG_DISTINCTIVE_WEIGHT) * generic
    return 0.0


#: What each typo in a legal form costs beside an otherwise identical name: who the company
#: is stands whole, only the form it is registered under is mistyped.
LEGAL_TYPO_COST = 0.04
#: A legal form of this many letters (its words run together) may carry two typos
#: (``Limeid`` for Limited), a shorter one a single typo (``o.`` for Co.).
LEGAL_TWO_TYPOS_LETTERS = 6
#: Letters the rest of the name must hold for a misspelt form beside it to count.
LEGAL_TYPO_NAME_MIN = 3


def _only(words: tuple[str, ...], other: tuple[str, ...]) -> list[str]:
    """``words`` less those ``other`` holds, each as often as it holds them, in order."""
    left = Counter(other)
    out = []
    for w in words:
        if left[w]:
            left[w] -= 1
        else:
            out.append(w)
    return out


def _legal_form_typo(qo: OrgForm, co: OrgForm) -> float:
    """Two names word for word the same but for a legal form that one folds and the other
    writes a typo or two off (``hOpen Joint-Stock Company Rosneft``, ``Drex Technologies
    mS.A.``, ``TSS o.``, ``VEB Asia Limeid``), or a typo off with one more typo in the rest
    of the name as :func:`_core_similarity` allows it (``iJnan Tongbaolai Oilfield
    Equipment Ce. Ltd.``). A misspelt form too short to be read as one without the other
    name to compare with is taken for a word of the brand, which costs the brand its
    match. Scores as the rest of the name less :data:`LEGAL_TYPO_COST` a typo in the form;
    0.0 for any other pair."""
    best = 0.0
    for typed, formed in ((qo, co), (co, qo)):
        if not formed.legal or not typed.written:
            continue
        # Most pairs are two companies: two words of the name that the other lacks end it.
        if sum(w not in formed.legal and w not in typed.written for w in formed.written) > 1:
            continue
        f_only = _only(formed.written, typed.written)
        forms = [w for w in f_only if w in formed.legal]
        if not forms:
            continue
        rest = sum(len(w) for w in formed.written if w not in formed.legal)
        if rest < LEGAL_TYPO_NAME_MIN:
            continue
        form = "".join(forms)
        t_only = _only(typed.written, formed.written)
        if len(forms) == len(f_only):
            # The rest of the name as written: the form may carry two typos from six letters.
            allowed = 2 if len(form) >= LEGAL_TWO_TYPOS_LETTERS else 1
            if not t_only or any(w in typed.legal for w in t_only):
                continue
            edits = DamerauLevenshtein.distance("".join(t_only), form, score_cutoff=allowed)
            if edits <= allowed:
                best = max(best, NEAR_EXACT_CAP - LEGAL_TYPO_COST * edits)
            continue
        # One word of the rest misspelt too: that word is one of the typed words the
        # other name lacks, the others are the form one typo off (two typos in all).
        missing = next(w for w in f_only if w not in formed.legal)
        at = formed.written.index(missing)
        for i, word in enumerate(t_only):
            others = "".join(t_only[:i] + t_only[i + 1 :])
            if not others or DamerauLevenshtein.distance(others, form, score_cutoff=1) > 1:
                continue
            spelt = (*formed.written[:at], word, *formed.written[at + 1 :])
            whole = _core_similarity(spelt, formed.written)
            if whole >= 1.0 - BRAND_EDIT_COST:
                best = max(best, min(whole, NEAR_EXACT_CAP) - LEGAL_TYPO_COST)
    return best


#: Places whose companies romanize their names in Hanyu Pinyin, not in Hong Kong's
#: Cantonese spellings: every Chinese place named above but Hong Kong, Macau and China.
_MAINLAND_PLACES: frozenset[str] = frozenset(CHINESE_PLACES) - {
    "hongkong", "macau", "macao", "china", "zhongguo",
}


def _mainland(org: OrgForm) -> bool:
    """A romanized organisation name that names a mainland place (``Shanghai Tangtong
    Technology``) spells its brand in pinyin: against a Han name its brand is read in
    Mandarin only (腾汤 is teng tang, not the Cantonese tang tong)."""
    return not org.han and not _MAINLAND_PLACES.isdisjoint(org.generic.split())


def compare_orgs(
    q: NameForm, c: NameForm, trace: bool = False, floor: float = 0.0
) -> tuple[float, list[Step]]:
    """Organisation names: legal forms folded; the brand aligned like a person name, trade
    and place words compared loosely with a small weight. Brands are not aligned where the
    result could not reach ``floor``."""
    best = 0.0
    steps: list[Step] = []
    for qo in q.org:
        q_mainland = _mainland(qo)
        for co in c.org:
            if not qo.slots or not co.slots:
                continue
            generic = _generic_similarity(qo.generic, co.generic)
            mandarin = q_mainland or _mainland(co)
            # Generic words can only confirm a brand match, never make one.
            factor = ORG_DISTINCTIVE_WEIGHT + (1 - ORG_DISTINCTIVE_WEIGHT) * generic
            if qo.han and co.han:
                core = 1.0 if qo.han == co.han else Indel.normalized_similarity(qo.han, co.han)
                core_steps = [Step(qo.han, co.han, core, "Han name, legal form removed")]
            else:
                letters = _brand_letters(qo.slots, co.slots, generic == 1.0)
                needed = floor / factor if letters * factor < floor else 0.0
                if trace:
                    core, core_steps = _aligned(qo.slots, co.slots, trace, needed, mandarin)
                else:
                    core, core_steps = _brand_core(qo.slots, co.slots, needed, mandarin), []
                if letters > core:
                    core = letters
                    if trace:
                        core_steps = [
                            Step(qo.original_brand, co.original_brand, letters, "letters")
                        ]
                beside = _typo_beside_trade(qo, co, generic)
                if beside > core:
                    core = beside
                    if trace:
                        core_steps = [
                            Step(qo.original_brand, co.original_brand, beside,
                                 "one typo, the same trade words")
                        ]  # fmt: skip
            score = core * factor
            whole = 0.0
            if qo.core and co.core and not qo.han and not co.han:
                # Brand and trade words split one way in one spelling and another way in
                # the other: the whole names may still be one typo apart.
                whole_q, whole_c = qo.core, co.core
                whole = _core_similarity(whole_q, whole_c)
                if qo.written is not qo.core or co.written is not co.core:
                    as_written = _core_similarity(qo.written, co.written)
                    if as_written > whole:
                        whole, whole_q, whole_c = as_written, qo.written, co.written
            trade_typo = _trade_word_typo(qo, co)
            if trade_typo > whole:
                whole, whole_q, whole_c = trade_typo, qo.written, co.written
            legal_typo = _legal_form_typo(qo, co)
            if legal_typo > whole:
                whole, whole_q, whole_c = legal_typo, qo.written, co.written
            if max(score, whole) > best:
                best = max(score, whole)
                if not trace:
                    continue
                if whole > score:
                    text_q, text_c = " ".join(whole_q), " ".join(whole_c)
                    reason = (
                        "one typo in a trade word" if whole == trade_typo
                        else "a legal form misspelt" if whole == legal_typo
                        else "whole name, letters"
                    )  # fmt: skip
                    steps = [Step(text_q, text_c, whole, reason)]
                else:
                    text_q, text_c = qo.generic or "-", co.generic or "-"
                    steps = [*core_steps, Step(text_q, text_c, generic, "generic words")]
    return best, steps


#: The most a syllable can score against a list name it shares no reading, character or
#: spelling with: a different syllable one letter away (one-edit factor times the letter
#: similarity of two different syllables of at most seven letters, under 0.9).
UNSHARED_SYLLABLE_CAP = SYLLABLE_ONE_EDIT_FACTOR * 0.9


def key_bound(q: NameForm, keys: frozenset[str]) -> float:
    """An upper bound of the person score of ``q`` against a list name whose blocking keys
    are ``keys``, where every slot of that name, in every reading, is a syllable in a word
    of one or two that does not look split. It needs no slot comparison, so the screener
    can dismiss most candidates that share only a common surname with the query at once."""
    best = 0.0
    views = [(words, 1.0) for words in (q.slots, *q.alternatives)]
    views.extend((view.words, view.factor) for view in q.shortened)
    for words, factor in views:
        covered = total = 0.0
        for word in words:
            for s in word:
                total += s.weight
                if (not s.syllable and not s.hk) or not s.keys.isdisjoint(keys):
                    covered += s.weight
                elif s.split or s.word_size >= LONG_WORD_SYLLABLES:
                    # A misspelling, or a long word compared whole (:func:`_long_word_matches`).
                    covered += s.weight * (1.0 - TYPO_EDIT_COST)
                else:
                    covered += s.weight * UNSHARED_SYLLABLE_CAP
        # A name without person slots is only ever equal to the other (exact match).
        best = max(best, factor * covered / total if total else 1.0)
    return best


def short_english_name(form: NameForm) -> bool:
    """A surname and an English given name alone (``TANG, Chris``): a Hong Kong name's short
    form. Where the same entity lists its Chinese given name too (``TANG, Ping-keung``),
    the screener compares a query with the short form as written only, so that ``Chris
    Tang Ping-ming`` does not meet Chris Tang Ping-keung through it."""
    words = form.slots
    if len(words) != 2 or form.han:
        return False
    texts = ["".join(s.text for s in w) for w in words]
    return any(
        len(words[i]) == 1
        and (words[i][0].syllable or words[i][0].hk)
        and is_english_given_name(texts[1 - i])
        for i in (0, 1)
    )


def names_chinese_given(form: NameForm) -> bool:
    """The name holds a Chinese surname and given name: a Han name of two characters or
    more, or two or more romanized words, all syllables, beside an English given name or
    none (``TANG, Ping-keung``, ``LEE, John Ka-chiu``); not an English name that also
    reads as syllables (``CHENG, Teresa``)."""
    if short_english_name(form):
        return False
    if form.han:
        return len(form.han) >= 2 and len(form.slots) >= 2
    words = [w for i, w in enumerate(form.slots) if i != form.english]
    return len(words) >= 2 and all(s.syllable or s.hk for w in words for s in w)


#: The systems a Chinese name's words can be read in: Mandarin pinyin, Hong Kong spellings.
MANDARIN, HONG_KONG = "p", "c"


def chinese_systems(form: NameForm) -> frozenset[str]:
    """The romanizations every Chinese word of a person's name reads in: Mandarin where all
    its slots are pinyin syllables, Hong Kong where all are Hong Kong spellings, both for a
    Han name (``LEE, John Ka-chiu``: Hong Kong, for chiu; ``LI, Jiachao``: Mandarin)."""
    if form.han:
        return frozenset((MANDARIN, HONG_KONG))
    slots = [s for i, w in enumerate(form.slots) if i != form.english for s in w]
    if not slots:
        return frozenset()
    systems = set()
    if all(s.syllable for s in slots):
        systems.add(MANDARIN)
    if all(s.hk for s in slots):
        systems.add(HONG_KONG)
    return frozenset(systems)


def given_systems(forms: Iterable[NameForm]) -> frozenset[str]:
    """The systems an entity's Chinese given names read in, from the forms of all its
    names: what its short aliases (:func:`short_english_name`) are compared by; empty
    where it lists no Chinese given name, both systems where those it lists read in
    neither (they are compared with any query)."""
    given = [f for f in forms if names_chinese_given(f)]
    if not given:
        return frozenset()
    return frozenset().union(*map(chinese_systems, given)) or frozenset((MANDARIN, HONG_KONG))


def may_shorten(query: NameForm, alias_systems: frozenset[str]) -> bool:
    """Whether ``query`` may be read without its Chinese given name against a short alias
    (``TANG, Chris``) of an entity whose Chinese given names read in ``alias_systems``
    (empty: not a short alias). Only where the two given names cannot be compared: a Hong
    Kong ``Ka-chiu`` against an entity that lists only the Mandarin ``LI, Jiachao`` may be
    the same name (家超), and the listed ``LEE, John`` stands alone; ``Chris Tang
    Ping-ming`` against ``TANG, Ping-keung`` is another man, and so is a query whose given
    name reads in neither system (``Pnig-ming``), which cannot be told apart."""
    if not alias_systems:
        return True
    systems = chinese_systems(query)
    return bool(systems) and alias_systems.isdisjoint(systems)


def uses_person_comparison(q: NameForm, c: NameForm) -> bool:
    """Whether :func:`compare_traced` compares the two as persons (not as organisations).
    Two names of unknown type (a query without one, a list's LegalEntity) are compared as
    persons where both read as a person's name would (:func:`_person_like`)."""
    use_org = c.kind == ORG or (
        c.kind == ANY and (q.kind == ORG or (q.kind == ANY and not _both_person_like(q, c)))
    )
    return not (use_org and q.org)


def _both_person_like(q: NameForm, c: NameForm) -> bool:
    return _person_like(q) and _person_like(c)


def _person_like(form: NameForm) -> bool:
    """A name of unknown type that reads as a person's: two to four words, none of them a
    legal form or an organisation's generic word (trade, place, ``University``)."""
    return 2 <= len(form.slots) <= 4 and not any(
        o.generic or o.legal or any(w in GENERIC_ORG_WORDS for w in o.written) for o in form.org
    )


#: What a kana name and a Latin one score where their consonant skeletons are equal
#: (:func:`compare_loanwords`): a transcription is not a spelling, and its vowels are
#: the language's, so it never scores as a reading of Han characters does.
LOANWORD_EQUAL = 0.95
#: Score lost per unit of skeleton dissimilarity (Indel): ``ereberu shisutemuzu`` (its
#: ``aero`` written in kanji) against Level Aerosystems is 0.90 alike and loses 0.15.
LOANWORD_COST = 1.5
#: Skeletons shorter than this (on the shorter side) are no evidence of one name: ``ザラ``
#: (``SR``) is Zala, Sarah and Zero alike; they score at most LOANWORD_SHORT_CAP.
LOANWORD_MIN_SYMBOLS = 4
LOANWORD_SHORT_CAP = 0.8
#: ... unless every letter of a Latin name of this many letters or more (vowels counted)
#: is in the kana reading.
LOANWORD_MIN_LETTERS = 5
#: Score lost per share of the Latin name's letters missing from the kana reading: a
#: transcription adds vowels and drops none, so ``アエロスキャン`` (aerosukyan) is
#: Aeroscan, not Aeroskyone, whose consonants are the same (0.95 and 0.75).
LOANWORD_VOWEL_COST = 1.0
#: The same for a foreign name written in Han. Chinese syllables bend the vowels more
#: (``普里戈任``, puligezhen, holds neither the o nor the second i of Prigozhin) and keep
#: the consonants better (Xinhua's tables give each consonant its characters): a missing
#: consonant costs more (``罗曼·阿布拉莫维奇``, Roman Abramovich, against Roman Abramov:
#: 0.78) and a missing vowel less.
HAN_TRANSCRIPTION_COST = 2.5
HAN_TRANSCRIPTION_VOWEL_COST = 0.75


#: Words that join the words of a Latin organisation name, which a Japanese name writes
#: with a particle or not at all (``イラクのアル・カーイダ``, Al-Qaida in Iraq).
_CONNECTORS = frozenset(("of", "in", "and", "the", "for", "de", "la", "du", "des", "der", "und"))


def _form_loan_words(form: NameForm, org: bool) -> tuple[str, ...]:
    """The words of ``form`` with a letter to compare (none for a name in Han). A Latin
    word without consonants (``Aa``) stays: its vowels must be in the kana reading."""
    if form.kana:
        # Legal forms spelt in katakana (``グループ``) are known by their consonants.
        words: tuple[str, ...] = tuple(
            w for w in form.kana if not (org and loan_skeleton(w) in _LEGAL_SKELETONS)
        )
    elif form.transcribed:
        words = form.transcribed
    elif form.han:
        return ()
    elif org and form.org:
        # The words as written (``technologies``, not its folded synonym ``tech``), less
        # the legal forms the analysis folded.
        view = form.org[0]
        words = tuple(
            w for w in view.written if w not in view.legal and w not in _CONNECTORS
        )
    else:
        words = tuple(form.normalized.split())
    return tuple(w for w in words if loan_letters(w))


_OPENING_FU = re.compile("^[fw]u(?=[b-df-hj-np-tv-z])")


def _hearings(form: NameForm, org: bool) -> list[tuple[str, ...]]:
    """The words of ``form`` as written and, for a Latin name, as Japanese hears them in
    English (:func:`~screening.transliterate.japanese.as_english_heard`)."""
    words = _form_loan_words(form, org)
    if form.transcribed and words:
        # Chinese writes an opening v before a consonant as fu or wu (弗拉基米尔,
        # Vladimir), which the Latin name's skeleton reads as a vowel; and having no ki or
        # gi, it writes them ji (纳雷什金, Naryshkin), as it writes a soft d (阿尔卡季).
        opened = tuple(_OPENING_FU.sub("u", w) for w in words)
        hearings = [words, opened]
        hearings += [tuple(w.replace("ji", "ki") for w in h) for h in hearings]
        return list(dict.fromkeys(hearings))
    if form.kana or not words:
        return [words]
    english = tuple(w for w in map(as_english_heard, words) if loan_letters(w))
    return [words] if english == words or not english else [words, english]


def form_skeletons(form: NameForm, org: bool) -> tuple[str, ...]:
    """The consonant skeletons of ``form``'s words (none for a name in Han characters), as
    written and as heard in English: the index's keys for kana queries."""
    skeletons = (loan_skeleton(w) for words in _hearings(form, org) for w in words)
    return tuple(dict.fromkeys(s for s in skeletons if s))


_ANY_VOWEL = str.maketrans("eiou", "aaaa")


def _covered(
    kana: tuple[str, ...],
    latin: tuple[str, ...],
    english: bool = False,
    han: bool = False,
    coda: bool = True,
) -> float:
    """The share of the Latin name's letters (vowels too, :func:`loan_letters`) found in
    order in the kana name's: a transcription adds vowels, it does not drop them
    (``aerosukyan`` holds every letter of Aeroscan, not the ``o`` and ``e`` of
    Aeroskyone). Words in written order or sorted by skeleton, the better. ``english``:
    the Latin name as heard in English, whose vowels count as one."""
    best = 0.0
    for order in (lambda w: w, lambda w: sorted(w, key=loan_skeleton)):
        a = "".join(loan_letters(w, han, coda) for w in order(kana))
        b = "".join(loan_letters(w, han, coda) for w in order(latin))
        if english:
            # English letters do not say which vowel sounds (Peter: ピーター): only where.
            a, b = a.translate(_ANY_VOWEL), b.translate(_ANY_VOWEL)
        if b:
            common = (len(a) + len(b) - Indel.distance(a, b)) / 2
            best = max(best, common / len(b))
    return best


def compare_loanwords(q: NameForm, c: NameForm, trace: bool) -> tuple[float, list[Step]]:
    """A name written in kana against another name, by the consonants of their words,
    then by their vowels.

    A katakana transcription adds vowels and merges sounds (``カラシニコフ`` = karashinikofu
    for Kalashnikov): the letters of its romanization are far from the Latin spelling, but
    the sequence of consonants, up to what Japanese does not tell apart, survives
    (:func:`~screening.transliterate.japanese.loan_skeleton`), and so do the Latin name's
    vowels, among the ones the transcription adds. Words may come in either order
    (``Concern Kalashnikov``)."""
    org = ORG in (q.kind, c.kind)
    best: tuple[float, list[Step]] = (0.0, [])
    for i, q_heard in enumerate(_hearings(q, org)):
        for j, c_heard in enumerate(_hearings(c, org)):
            # The second hearing of a Latin name is the English one.
            english = (i > 0 and not q.transcribed) or (j > 0 and not c.transcribed)
            for qw, q_left in _loan_views(q, q_heard, org):
                for cw, c_left in _loan_views(c, c_heard, org):
                    if qw and cw:
                        score, steps = _compare_loanwords(q, c, qw, cw, trace, english)
                        if q_left or c_left:
                            score *= LOANWORD_PATRONYMIC_FACTOR
                            if trace:
                                why = f"patronymic left out ({LOANWORD_PATRONYMIC_FACTOR:.2f})"
                                steps = [Step(q_left, c_left, 0.0, why), *steps]
                        if score > best[0]:
                            best = (score, steps)
    return best


#: A transcription (``弗拉基米尔·普京``, ``ウラジーミル・プーチン``) against a Latin name
#: with a patronymic: Chinese and Japanese write Russian names without one as a rule, and
#: a transcription already scores at most LOANWORD_EQUAL.
LOANWORD_PATRONYMIC_FACTOR = 0.98


def _loan_views(
    form: NameForm, words: tuple[str, ...], org: bool
) -> Iterator[tuple[tuple[str, ...], str]]:
    """A hearing of a name's words, and for a Latin person's name of three words or more,
    the same without its patronymic, with the words left out."""
    yield words, ""
    if org or form.kana or form.transcribed or len(words) < 3:
        return
    for i, word in enumerate(words):
        # One at a time: a surname may end as a patronymic does (ABRAMOVICH, Roman).
        if len(word) >= 6 and _PATRONYMIC.search(word):
            yield (*words[:i], *words[i + 1 :]), word


def _compare_loanwords(
    q: NameForm,
    c: NameForm,
    qw: tuple[str, ...],
    cw: tuple[str, ...],
    trace: bool,
    english: bool,
) -> tuple[float, list[Step]]:
    """:func:`compare_loanwords` for one hearing of each name's words, ``qw`` and ``cw``,
    with the sound classes of a Chinese transcription where one name is one."""
    han = bool(q.transcribed or c.transcribed)
    # Both transcriptions: alike; else the Latin name's letters must be in the kana name's.
    q_heard, c_heard = bool(q.kana or q.transcribed), bool(c.kana or c.transcribed)
    kana, latin = (qw, cw) if q_heard else (cw, qw)
    cost, vowel_cost = (
        (HAN_TRANSCRIPTION_COST, HAN_TRANSCRIPTION_VOWEL_COST)
        if han
        else (LOANWORD_COST, LOANWORD_VOWEL_COST)
    )
    best: tuple[float, list[Step]] = (-1.0, [])
    # Chinese drops an r or l that closes a syllable (伯格, berg) or writes it (科瓦利丘克,
    # Kovalchuk): both names are read either way (``coda``), the better.
    for coda in (True, False) if han else (True,):
        qs = tuple(loan_skeleton(w, han, coda) for w in qw)
        cs = tuple(loan_skeleton(w, han, coda) for w in cw)
        joined_q, joined_c = "".join(qs), "".join(cs)
        sim = max(
            Indel.normalized_similarity(joined_q, joined_c),
            Indel.normalized_similarity("".join(sorted(qs)), "".join(sorted(cs))),
        )
        # Chinese spells the vowels it hears (约翰, John): only Japanese ones count as one.
        covered = (
            _covered(kana, latin, english and not han, han, coda)
            if not (q_heard and c_heard)
            else 1.0
        )
        score = LOANWORD_EQUAL - cost * (1.0 - sim) - vowel_cost * (1.0 - covered)
        # A short skeleton is no evidence of one name, unless every letter of a Latin name
        # of five or more is in the kana name (``ジャナン・アガ``, Janan Agha; not ``ザラ``).
        letters = sum(len(loan_letters(w, han, coda)) for w in latin)
        short = min(len(joined_q), len(joined_c)) < LOANWORD_MIN_SYMBOLS and not (
            covered == 1.0 and letters >= LOANWORD_MIN_LETTERS
        )
        if short:
            score = min(score, LOANWORD_SHORT_CAP)
        score = max(0.0, score)
        if score <= best[0]:
            continue
        steps: list[Step] = []
        if trace:
            reason = (
                f"consonants {' '.join(qs)} ~ {' '.join(cs)}, {covered:.0%} of the Latin "
                + ("letters in the Han reading (Han read by its sounds)" if han
                   else "letters in the kana reading (kana read as a loanword)")
            )
            if english:
                reason += "; the Latin name as heard in English"
            if short:
                reason += f"; fewer than {LOANWORD_MIN_SYMBOLS} consonants: capped"
            steps.append(Step(" ".join(qw), " ".join(cw), round(score, 6), reason))
        best = (score, steps)
    return best


def compare_forms(
    q: NameForm, c: NameForm, floor: float = 0.0, *, shorten_query: bool = True
) -> float:
    """Similarity of a query form and a list-name form in 0..1 (1.0 only when identical).

    With ``floor``, a score that cannot reach it may be returned as any lower value
    (usually 0.0) without the full comparison: screening only keeps scores above a floor.
    ``shorten_query=False``: a Hong Kong query is not read without its Chinese given name
    (see :func:`short_english_name`).
    """
    return compare_traced(q, c, trace=False, floor=floor, shorten_query=shorten_query)[0]


def compare_traced(
    q: NameForm,
    c: NameForm,
    trace: bool = True,
    floor: float = 0.0,
    *,
    shorten_query: bool = True,
) -> tuple[float, list[Step], str]:
    """Like :func:`compare_forms`, also returning the alignment and the method used."""
    if q.normalized == c.normalized and q.normalized and q.mixed == c.mixed:
        return 1.0, [Step(q.original, c.original, 1.0, "identical after normalization")], "exact"
    if q.kana or c.kana:
        score, steps = compare_loanwords(q, c, trace)
        return round(min(score, NEAR_EXACT_CAP), 6), steps, "loanword"
    if not uses_person_comparison(q, c):
        score, steps = compare_orgs(q, c, trace, floor)
        method = "organisation"
    else:
        score, steps = compare_persons(q, c, trace, floor, shorten_query=shorten_query)
        method = "person"
    if q.transcribed or c.transcribed:
        # Read by its syllables (its pinyin on the list), or by its sounds (the name in the
        # language it came from): the better.
        heard, heard_steps = compare_loanwords(q, c, trace)
        if heard > score:
            score, steps, method = heard, heard_steps, "loanword"
    # Rounded so that float noise (0.8 + 0.19 = 0.98999...) never decides a ranking.
    return round(min(score, NEAR_EXACT_CAP), 6), steps, method


__all__ = [
    "NameForm",
    "Slot",
    "Step",
    "analyze_name",
    "chinese_systems",
    "compare_forms",
    "compare_loanwords",
    "compare_traced",
    "expand_list_name",
    "form_skeletons",
    "given_systems",
    "may_shorten",
    "names_chinese_given",
    "short_english_name",
]
