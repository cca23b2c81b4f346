"""Candidate retrieval: which list names are worth scoring for a query.

Every analysed list name is filed under its blocking keys (syllable readings, Han
characters, whole words, prefixes and suffixes of words that are not syllables). A query
looks up its own keys and the names that share the most informative keys (by inverse
document frequency) are scored. Common keys such as the surname ``p:wang`` still retrieve,
but rank below rarer shared keys, so a query never scans every name of a large list.
"""

from __future__ import annotations

import gc
import heapq
import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import attrs
from rapidfuzz.distance import OSA, Indel

from screening.model import Entity
from screening.score.name import (
    LONG_WORD_SYLLABLES,
    PERSON,
    NameForm,
    Slot,
    analyze_name,
    expand_list_name,
    form_skeletons,
    given_systems,
    reading_spellings,
    short_english_name,
)
from screening.transliterate.romanization import segment

#: Names scored per query at most. Measured on the quality evaluation: see docs/quality.md
#: ("index recall").
MAX_CANDIDATES = 60


#: A query part whose keys file more names than this is too common to retrieve by.
COMMON_POSTING = 400
#: Postings walked at most, per candidate asked for, to fill the candidates when the rare
#: parts of a query find too few names. 20 stopped before the common parts a crowded list's
#: names share: on the real names among the 20,000-entity crowd 30 finds 12 more typo
#: queries' matches (benchmarks/quality/real_list.py --crowd), for 0-10% more time a name.
WALK_PER_CANDIDATE = 30
#: A common part is matched against the names found by its postings (rather than by each
#: name's keys) while its postings are at most this many times as many as the names found.
POSTINGS_PER_FOUND = 8
#: What a part's rarest key adds to its weight at most (``idf / 100`` of a key filed once
#: on a list of a million names).
MAX_IDF_SHARE = 0.14
#: Spellings of one entity among the candidates of one query, at most.
SPELLINGS_PER_ENTITY = 3
#: What a list name written exactly as the query (letters alike, spaces aside) adds to its
#: rank: more than every part of any query, so it is always among the candidates.
EXACT_WEIGHT = 1_000.0
#: What an organisation name one typo from the query, word for word run together, adds
#: to its rank (:meth:`NameIndex.near_whole`): more than every part of any query.
NEAR_WHOLE_WEIGHT = 100.0
#: Organisation names run together this long at least and at most are filed under their
#: one-letter deletions (:meth:`NameIndex.near_whole`): shorter ones have too many
#: neighbours to tell, longer ones share rare words that find them anyway.
NEAR_WHOLE_LETTERS = (4, 16)
#: A query whose run-together name is one typo from more list names than this finds none
#: of them that way: it is no evidence which.
NEAR_WHOLE_MAX = 24
#: Run-together names from this many letters up to this many are also found two typos
#: away (filed under their two-letter deletions: about 66 entries for 12 letters, 8 MB on
#: a list of 89,000 spellings), at this weight, below names one typo away.
NEAR_WHOLE_TWO_TYPOS = (8, 12)
NEAR_WHOLE_TWO_WEIGHT = 50.0
#: What a list name spelt as a reading of the query, syllable for syllable, adds to its
#: rank (:func:`_reading_letters`): more than every part of any query.
READING_WEIGHT = 100.0
#: Spellings of a query's readings looked up, at most, per order of its words.
READING_SPELLINGS = 64
#: Names found up to which the pool is picked by sorting them all rather than by a heap.
SORT_UP_TO = 2_500
#: Rank penalty per slot of length difference between a query and a candidate name.
LENGTH_PENALTY = 0.4
#: Words of at least this many letters that list names file whole are also filed in the
#: table of one-letter deletions (:meth:`NameIndex.neighbours`).
NEIGHBOUR_MIN_LETTERS = 4
#: ... and looked up there from a query when the list names at most this many names with it.
RARE_WORD = 50
#: Query words of at least this many letters also look up the listed words two typos away
#: (:meth:`NameIndex.neighbours`); list words of this many letters or more are filed under
#: their two-letter deletions for it.
TWO_TYPO_MIN_LETTERS = 7
#: Listed words two typos away that one query word looks up, at most: the nearest by the
#: letters they share.
TWO_TYPO_NEIGHBOURS = 4


def _loose(form: NameForm) -> bool:
    """A name that :func:`~screening.score.name.key_bound` cannot bound: not all syllables
    of a Chinese name's words (a word read whole, a word that looks split, a long word)."""
    if form.kana:
        return True
    readings = (form.slots, *form.alternatives)
    return any(
        not s.syllable or s.split or s.word_size >= LONG_WORD_SYLLABLES
        for words in readings
        for w in words
        for s in w
    )


#: Key prefixes of words filed whole: words that read as no syllables and single syllables
#: (``r:``), words that read as several (``w:``).
_WHOLE_WORD = ("r:", "w:")
#: Keys whose words are filed in the tables of deletions: whole words and trade words.
_NEIGHBOUR_PREFIXES = (*_WHOLE_WORD, "g:")


#: A query's consonant skeleton (:func:`~screening.score.name.form_skeletons`) of this many
#: symbols or more also looks up list words by its first and last three.
LOAN_ENDS = 4
#: Skeleton keys filing more list names than this are left out of a kana query's lookup
#: where it has rarer ones (``SRG``, Sergei, is common on a list of Russians).
LOAN_COMMON = 5_000


def _loan_keys(skeleton: str) -> list[str]:
    keys = ["j:" + skeleton]
    if len(skeleton) >= LOAN_ENDS:
        keys.extend(("jp:" + skeleton[:3], "js:" + skeleton[-3:]))
    return keys


#: ``short_alias`` of a name that is none.
_NOT_SHORT: frozenset[str] = frozenset()


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _two_deletions(word: str) -> set[str]:
    """``word`` with two of its letters left out, every way."""
    n = len(word)
    return {word[:i] + word[i + 1 : j] + word[j + 1 :] for i in range(n) for j in range(i + 1, n)}


def _file_under(table: dict[str, str], variants: Iterable[str], word: str) -> None:
    """File ``word`` under each of ``variants``: the word itself where it is the only one
    (most are; the string is shared with every other entry of the word), else the words
    joined by spaces. Lists or tuples per entry cost a third of the two-deletion table's
    memory (about 16 MB on a list of 89,000 spellings), which every bulk worker holds."""
    for variant in variants:
        found = table.get(variant)
        table[variant] = word if found is None else found + " " + word


def _filed(table: dict[str, str], variant: str) -> list[str]:
    """The words :func:`_file_under` filed under ``variant``."""
    found = table.get(variant)
    return [] if found is None else found.split(" ")


def _letters(form: NameForm) -> str:
    """A name's normalized text without its spaces: ``JSC VEB.DV`` and ``JSC VEBDV``,
    ``Hai Lun`` and ``Hailun`` alike."""
    return form.normalized.replace(" ", "")


def _reading_letters(form: NameForm) -> set[str]:
    """A person's name spelt in every reading of its syllables, letters run together, in
    its written order and with the last word first (``Kung Yung`` → kongyong, gongyong,
    yongkong, ...; 李家超 → lijiachao, leigachiu, ...), as :func:`_letters` files list names.

    A name of two common syllables in another romanization has no rare part: its prefix
    and suffix keys are of the spelling as written, and on a full-size list the walk
    stopped before the listed KONG Yong. Left out where a word has too many readings."""
    words = form.slots
    if not words or len(words) > 4:
        return set()
    flat = form.flat
    # The last word first: the same slots rotated.
    rotated = flat[-len(words[-1]) :] + flat[: -len(words[-1])]
    orders = [flat, rotated] if len(words) > 1 else [flat]
    spelt = {
        spelling
        for system in ("p:", "c:")  # Mandarin readings, Hong Kong spellings
        for order in orders
        for spelling in reading_spellings(order, system, written=True, most=READING_SPELLINGS)
    }
    spelt.discard(_letters(form))
    return spelt


#: Spellings of a name in another script looked up run together, at most.
RUN_TOGETHER_SPELLINGS = 64


def _readings_run_together(form: NameForm) -> set[str]:
    """The letters of the spellings of a name given in another script whose slots hold
    several (a Korean name in Hangul: ``박일규`` → pakilgyu, parkilgyu, ilgyupak, ...), in
    its order and with the surname last, as :func:`_letters` files list names written
    ``PAK, Il-Gyu``."""
    if form.normalized.isascii() or form.han or not form.slots:
        return set()
    options = [sorted(k[2:] for k in s.keys if k.startswith("r:")) for s in form.flat]
    if not all(options) or math.prod(map(len, options)) > RUN_TOGETHER_SPELLINGS:
        options = [[s.text] for s in form.flat]
    surname = len(form.slots[0])
    out: set[str] = set()
    for spelt in itertools.product(*options):
        out.add("".join(spelt))
        out.add("".join(spelt[surname:] + spelt[:surname]))
    return out


def _whole_orgs(form: NameForm) -> set[str]:
    """A name's organisation readings with their words (legal forms too, synonyms folded)
    run together, where :data:`NEAR_WHOLE_LETTERS` long."""
    shortest, longest = NEAR_WHOLE_LETTERS
    wholes = {"".join(o.core) for o in form.org if not o.han}
    return {w for w in wholes if shortest <= len(w) <= longest}


def _size(form: NameForm) -> int:
    return len(form.flat) or sum(len(o.slots) for o in form.org)


def _total_size(form: NameForm) -> int:
    """An organisation name's size with its trade words counted as brand slots: a name's
    analysis may read the same words as brand or trade words by a typo (``VTB Banl``: a
    brand of two words; ``VTB Bank``: one and a trade word)."""
    return len(form.flat) or sum(len(o.slots) + len(o.generic.split()) for o in form.org)


def _query_sizes(form: NameForm) -> set[int]:
    """The sizes a query may have: a name of unknown type is a person's or an
    organisation's, and an organisation's size is that of its brand (``Guizhou Aviation
    Tech Dev Nat`` is six syllables as a person, one brand slot as a company)."""
    sizes = {_size(form)}
    if form.flat:
        sizes.update(len(o.slots) for o in form.org if o.slots)
    # A list name made only of a place and trade words files them all as its brand
    # (``China Aerospace Science and Industry``: six slots), while the same name with its
    # place misspelt (``Chia``) has a brand of one slot and trade words: it may be as long
    # as its brand and trade words together.
    sizes.update(len(o.slots) + len(o.generic.split()) for o in form.org if o.generic)
    # A Hong Kong name is also its shortened readings (``Chris Tang`` for Chris Tang
    # Ping-keung, listed as TANG, Chris): list names of their size are no further away.
    sizes.update(sum(len(w) for w in view.words) for view in form.shortened)
    return sizes


@attrs.frozen(slots=True)
class NameRef:
    """One indexed spelling of a list name."""

    entity_id: str
    name: str
    form: NameForm
    weak: bool = False
    #: Position in :attr:`NameIndex.refs` (and its parallel lists).
    ref_id: int = -1


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building.

    Building allocates about a million small objects and no reference cycles; the
    collections those allocations trigger walk the growing index again and again (a fifth
    of the build time).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class NameIndex:
    """Inverted index from blocking keys to list names."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        with _collector_paused():
            self._build(entities)

    def _build(self, entities: Iterable[Entity]) -> None:
        self.refs: list[NameRef] = []
        #: Whether a list name has, in any reading, a slot that is no syllable or a word
        #: that looks split: then any query slot may score high on it without a shared key.
        self.loose: list[bool] = []
        self._sizes: list[int] = []
        #: ... and with trade words counted in (:func:`_total_size`).
        self._totals: list[int] = []
        self.keysets: list[frozenset[str]] = []
        #: Per list name, the number of its analysed content among equal ones: names that
        #: share it (one name listed for several entities) are scored once per query.
        self.form_ids: list[int] = []
        #: Per list name: for a surname and English name alone (``TANG, Chris``) of an
        #: entity that lists its Chinese given name too (``TANG, Ping-keung``), the systems
        #: that given name reads in (:func:`~screening.score.name.chinese_systems`); empty
        #: for any other name. A query whose own given name reads in one of them is compared
        #: with the alias as written only: ``Chris Tang Ping-ming`` is not Chris Tang
        #: Ping-keung (:func:`~screening.score.name.may_shorten`).
        self.short_alias: list[frozenset[str]] = []
        contents: dict[tuple[object, ...], int] = {}
        postings: dict[str, list[int]] = defaultdict(list)
        #: List names by their letters (:func:`_letters`): an exact match is found by one
        #: lookup, whatever the ranking of parts makes of it (a name of unknown type whose
        #: person reading outweighs its organisation reading).
        exact: dict[str, list[int]] = defaultdict(list)
        #: Organisation names by their words run together (:func:`_whole_orgs`).
        wholes: dict[str, list[int]] = defaultdict(list)
        for entity in entities:
            first = len(self.refs)
            seen: set[str] = set()
            for weak, names in ((False, entity.names), (True, entity.weak_names)):
                for name in names:
                    for spelling in expand_list_name(name):
                        if spelling in seen:
                            continue
                        seen.add(spelling)
                        form = analyze_name(spelling, entity.schema)
                        ref_id = len(self.refs)
                        self.refs.append(NameRef(entity.id, name, form, weak, ref_id))
                        self.loose.append(_loose(form))
                        self._sizes.append(_size(form))
                        self._totals.append(_total_size(form))
                        self.form_ids.append(contents.setdefault(form.content, len(contents)))
                        self.short_alias.append(_NOT_SHORT)
                        exact[_letters(form)].append(ref_id)
                        for whole in _whole_orgs(form):
                            wholes[whole].append(ref_id)
                        keys = form.blocking_keys()
                        self.keysets.append(frozenset(keys))
                        for key in keys:
                            postings[key].append(ref_id)
            own = range(first, len(self.refs))
            systems = given_systems(self.refs[i].form for i in own)
            if systems:
                for i in own:
                    if short_english_name(self.refs[i].form):
                        # Scored differently from the same name of another entity.
                        content = ("short alias", *sorted(systems), *self.refs[i].form.content)
                        self.short_alias[i] = systems
                        self.form_ids[i] = contents.setdefault(content, len(contents))
        self.postings: dict[str, list[int]] = dict(postings)
        self._loan: dict[str, list[int]] | None = None
        self.exact: dict[str, list[int]] = dict(exact)
        self._wholes: dict[str, list[int]] = dict(wholes)
        #: ... under their one-letter deletions, as :func:`_file_under` keeps them.
        self._whole_deletions: dict[str, str] = {}
        self._whole_two_deletions: dict[str, str] = {}
        shortest, longest = NEAR_WHOLE_TWO_TYPOS
        for whole in self._wholes:
            _file_under(self._whole_deletions, _deletions(whole), whole)
            if shortest <= len(whole) <= longest:
                _file_under(self._whole_two_deletions, _two_deletions(whole), whole)
        # Each name's pair of sizes, numbered: a query ranks by a penalty per pair.
        pairs: dict[tuple[int, int], int] = {}
        self._size_pair: list[int] = [
            pairs.setdefault(pair, len(pairs))
            for pair in zip(self._sizes, self._totals, strict=True)
        ]
        self._pairs: list[tuple[int, int]] = list(pairs)
        total = max(len(self.refs), 1)
        self._idf = {k: math.log(1 + total / len(v)) for k, v in self.postings.items()}
        #: Words of four letters or more under their one-letter deletions, and words of
        #: :data:`TWO_TYPO_MIN_LETTERS` or more under their two-letter deletions, as
        #: :func:`_file_under` keeps them.
        self._deletions: dict[str, str] = {}
        self._two_deletions: dict[str, str] = {}
        # Trade words too (``g:``): a query's misspelt trade word is no trade word to its
        # analysis (``Banl``), and finds the names that file ``bank`` as one through them.
        for word in {k[2:] for k in self.postings if k[:2] in _NEIGHBOUR_PREFIXES}:
            if len(word) >= NEIGHBOUR_MIN_LETTERS:
                _file_under(self._deletions, _deletions(word), word)
            if len(word) >= TWO_TYPO_MIN_LETTERS:
                _file_under(self._two_deletions, _two_deletions(word), word)

    def neighbours(self, word: str, typos: int = 1) -> set[str]:
        """Words of the list at most ``typos`` (1 or 2) typos away from ``word`` (a letter
        missing, extra, wrong, or two neighbours swapped), among the words of four letters
        or more that it files whole (see :meth:`whole_keys`).

        Every such word is filed under its one-letter deletions at build time, so the words
        near a query word are found by looking up its own deletions: no scan, no search.
        Two typos away, a word and its neighbour reach a common spelling by leaving out at
        most two letters each, so the query word's deletions of one and two letters are
        looked up among the listed words, their one-letter deletions and (for words of
        :data:`TWO_TYPO_MIN_LETTERS` or more) their two-letter deletions: two wrong letters,
        or a wrong and a missing one, need the last.
        """
        variants = {word, *_deletions(word)}
        if typos > 1:
            variants.update(_two_deletions(word))
        found: set[str] = set()
        for variant in variants:
            if len(variant) >= NEIGHBOUR_MIN_LETTERS and self.whole_keys(variant, trade=True):
                found.add(variant)
            found.update(_filed(self._deletions, variant))
            if typos > 1:
                found.update(_filed(self._two_deletions, variant))
        found.discard(word)
        return {w for w in found if OSA.distance(word, w, score_cutoff=typos) <= typos}

    def near_whole(self, form: NameForm) -> list[tuple[int, float]]:
        """The organisation names whose words run together are one typo (or none) from
        the query's, or two where both are short (:data:`NEAR_WHOLE_TWO_TYPOS`), with the
        weight each adds to its rank; none where they are many (:data:`NEAR_WHOLE_MAX`).

        A short name with a typo in its brand (``EPI International`` for SPI, ``NE
        Electronics`` for NEL, ``Huan University``) shares no key of its brand with the
        listed name and only common ones of its trade words, which file hundreds of
        names; word for word run together, it is one typo from it. Found as
        :meth:`neighbours` finds words: by the deletions both sides share.
        """
        shortest, longest = NEAR_WHOLE_TWO_TYPOS
        typos: dict[str, int] = {}
        for whole in _whole_orgs(form):
            short = shortest - 2 <= len(whole) <= longest + 2
            variants = {whole, *_deletions(whole)}
            if short:
                variants.update(_two_deletions(whole))
            found = {v for v in variants if v in self._wholes}
            for variant in variants:
                found.update(_filed(self._whole_deletions, variant))
                if short:
                    found.update(_filed(self._whole_two_deletions, variant))
            limit = 2 if short else 1
            for listed in found:
                edits = OSA.distance(whole, listed, score_cutoff=limit)
                if edits <= limit and edits < typos.get(listed, limit + 1):
                    typos[listed] = edits
        one = [(r, NEAR_WHOLE_WEIGHT) for w in sorted(typos) if typos[w] <= 1
               for r in self._wholes[w]]  # fmt: skip
        two = [(r, NEAR_WHOLE_TWO_WEIGHT) for w in sorted(typos) if typos[w] == 2
               for r in self._wholes[w]]  # fmt: skip
        if len(one) > NEAR_WHOLE_MAX:
            return []
        # Names two typos away where they are few beside those one typo away.
        return one + two if len(one) + len(two) <= NEAR_WHOLE_MAX else one

    def whole_keys(self, word: str, trade: bool = False) -> list[str]:
        """The keys under which list names file ``word`` whole: ``r:`` where it reads as no
        syllables, ``w:`` where it reads as several, and with ``trade``, ``g:`` where it
        is a trade word."""
        prefixes = _NEIGHBOUR_PREFIXES if trade else _WHOLE_WORD
        return [key for prefix in prefixes if (key := prefix + word) in self.postings]

    def _neighbour_groups(self, form: NameForm) -> list[tuple[set[str], float]]:
        """Parts for the listed words one typo away from each rare query word that looks
        misspelt (part of it reads as no Mandarin syllable, or it reads as more syllables
        than its letters should hold: ``Huaoei`` = hu ao ei).

        Prefix and suffix keys find most misspellings, but not where the typo falls in the
        first or last three letters and the rest of the word is common (``Avatrans``
        against a cluster of ``Aviatrans`` companies: only ``-ans`` is shared), and syllable
        keys drown a misspelt brand in a crowd (``Huawqei``: only hua is left). A common word
        is left alone: its neighbours would crowd out the names that share it as written;
        and so is a word that reads as syllables, whose one-letter neighbours are other
        names (``Xiaoling`` is not ``Xiaoming``).
        """
        postings = self.postings
        groups: list[tuple[set[str], float]] = []
        seen: set[str] = set()
        words = [*form.slots, *(w for alt in form.alternatives for w in alt)]
        words.extend(o.slots for o in form.org)
        # A brand of several words is one word above (it may be a name run together); each
        # of its words that reads as no syllables is one too (``Oooo Invsetural``).
        words.extend(
            (s,) for o in form.org if len(o.slots) > 1 for s in o.slots if not s.syllable
        )
        for word in words:
            if any(s.han for s in word) or all(s.syllable and not s.split for s in word):
                continue
            text = "".join(s.text for s in word)
            if text in seen:
                continue
            if len(text) < NEIGHBOUR_MIN_LETTERS:
                groups.extend(self._dropped_letter_groups(word, text))
                seen.add(text)
                continue
            # Four letters: a word that reads at all is a name of its own more often than a
            # misspelling (``Lian``, ``Chen``), and an unreadable one is a misspelt syllable
            # as often as a brand (``uang``): only brands one typo apart (``Iron`` for
            # Rion, ``Cetc`` for CETC).
            short = len(text) <= NEIGHBOUR_MIN_LETTERS
            if short and all(s.syllable or s.hk for s in word):
                continue
            seen.add(text)
            if sum(len(postings[k]) for k in self.whole_keys(text)) > RARE_WORD:
                continue
            # Rare neighbours apart from common ones: together they would make one common
            # part, only counted for names found otherwise.
            rare: set[str] = set()
            usual: set[str] = set()
            for near in self._near_words(text, short):
                keys = self.whole_keys(near, trade=True)
                common = sum(len(postings[k]) for k in keys) > COMMON_POSTING
                (usual if common else rare).update(keys)
            # A listed word one typo away shares nearly every part of a word read as
            # several syllables (``Annik`` as an nik, against Anvik) and counts one part
            # less than it has; a word read as one slot counts one part (as ``PA NLimin``
            # must outrank the Limins, a part more is too much).
            weight = float(max(1, len(word)))
            groups.extend((g, weight) for g in (rare, usual) if g)
        return groups

    def _dropped_letter_groups(
        self, word: tuple[Slot, ...], text: str
    ) -> list[tuple[set[str], float]]:
        """A part for the listed words of four letters that ``text``, three letters that
        read as nothing (``Ava``, ``Smi``, ``Mer``), is with one letter dropped (Avia, SMIC,
        Mehr), and for those of three it is with two neighbours swapped (``Zwa`` for Zaw).

        Three letters have too many listed words a substitution away to look them all up,
        but a dropped letter is the commonest typo, and the one-deletion table finds its
        words by one lookup; a swap is a handful of lookups. The words found must read as
        nothing either, as for four-letter query words: ``Xin`` is no misspelt xing.
        (Swaps into syllables are the readings' repairs: ``Abi`` → bai.)
        """
        if len(text) != NEIGHBOUR_MIN_LETTERS - 1 or any(s.syllable or s.hk for s in word):
            return []
        postings = self.postings
        if sum(len(postings[k]) for k in self.whole_keys(text)) > RARE_WORD:
            return []
        keys: set[str] = set()
        swapped = {text[:i] + text[i + 1] + text[i] + text[i + 2 :] for i in range(len(text) - 1)}
        for near in [*_filed(self._deletions, text), *swapped - {text}]:
            if len(near) >= NEIGHBOUR_MIN_LETTERS - 1 and segment(near) is None:
                keys.update(self.whole_keys(near))
        return [(keys, 1.0)] if keys else []

    def _near_words(self, text: str, short: bool) -> list[str]:
        """The listed words a rare misspelt query word stands for: one typo away, and for a
        word of :data:`TWO_TYPO_MIN_LETTERS` or more (``Mocscog`` for moscow, ``Gahprovm``
        for gazprom) also two typos away, the :data:`TWO_TYPO_NEIGHBOURS` that share the
        most letters with it. A shorter word has too many listed words two typos away (measured
        from six letters on, they crowded out names found by other parts), and the cap keeps
        a word in a crowded neighbourhood from flooding its part."""
        near = sorted(self.neighbours(text))
        if short:
            near = [w for w in near if segment(w) is None]
        if len(text) >= TWO_TYPO_MIN_LETTERS:
            two = self.neighbours(text, typos=2).difference(near)
            # Most letters in common first (the longest common subsequence), ties in
            # alphabetical order: results never depend on hash seeds.
            ranked = sorted(two, key=lambda w: (Indel.distance(text, w), w))
            near.extend(ranked[:TWO_TYPO_NEIGHBOURS])
        return near

    def __len__(self) -> int:
        return len(self.refs)

    def all_names(self) -> Iterator[NameRef]:
        return iter(self.refs)

    def candidates(self, form: NameForm, limit: int = MAX_CANDIDATES) -> list[NameRef]:
        """The list names that cover the most parts of ``form``, best first.

        Each part of the query (a syllable, a word's ends) counts once, with the weight of
        its rarest key that the list name shares: a name sharing three syllables outranks
        one sharing a rare character and many readings of one syllable.
        """
        return self.search(form).candidates(limit)

    def search(self, form: NameForm) -> Search | LoanSearch | EitherSearch:
        """A retrieval for ``form`` that can be asked for more candidates again and again
        (:meth:`Search.candidates`), walking on from where the last request stopped."""
        if form.kana:
            return LoanSearch(self, form)
        if form.transcribed:
            return EitherSearch(Search(self, form), LoanSearch(self, form))
        return Search(self, form)

    def loan_postings(self) -> dict[str, list[int]]:
        """List names by the consonant skeletons of their words and those skeletons' ends,
        for queries written in kana (:class:`LoanSearch`). Built on the first such query
        (a second or two on a full-size list): most workloads never need it."""
        if self._loan is None:
            table: dict[str, list[int]] = defaultdict(list)
            with _collector_paused():
                for ref in self.refs:
                    keys = {
                        key
                        for skeleton in form_skeletons(ref.form, ref.form.kind != PERSON)
                        if len(skeleton) >= 2
                        for key in _loan_keys(skeleton)
                    }
                    for key in keys:
                        table[key].append(ref.ref_id)
            self._loan = dict(table)
        return self._loan


class LoanSearch:
    """The retrieval of a query written in kana: the list names that share the most
    consonant skeletons of its words, whole (a part each) or by their ends (half a part
    each), whatever script they are written in."""

    def __init__(self, index: NameIndex, form: NameForm) -> None:
        self._index = index
        postings = index.loan_postings()
        skeletons = [k for k in form_skeletons(form, form.kind != PERSON) if len(k) >= 2]
        parts = [(["j:" + k], 1.0) for k in skeletons]
        parts.extend((_loan_keys(k)[1:], 0.5) for k in skeletons if len(k) >= LOAN_ENDS)
        sizes = [sum(len(postings.get(key, ())) for key in keys) for keys, _ in parts]
        rare = [i for i, n in enumerate(sizes) if n <= LOAN_COMMON] or (
            [min(range(len(sizes)), key=sizes.__getitem__)] if sizes else []
        )
        scores: dict[int, float] = defaultdict(float)
        for i in rare:
            keys, weight = parts[i]
            found: set[int] = set()
            for key in keys:
                found.update(postings.get(key, ()))
            for ref_id in found:
                scores[ref_id] += weight
        # Best first; ties to the lower index, so results never depend on hash seeds.
        self._ranked = sorted(scores, key=lambda r: (-scores[r], r))

    def candidates(self, limit: int = MAX_CANDIDATES) -> list[NameRef]:
        refs = self._index.refs
        return [refs[r] for r in self._ranked[:limit]]


class EitherSearch:
    """The retrieval of a foreign name written in Han (``弗拉基米尔·普京``): list names
    found by its syllables (its pinyin) and by its consonants (the name in the language
    it came from), the two rankings taken in turn."""

    def __init__(self, syllables: Search, sounds: LoanSearch) -> None:
        self._searches = (syllables, sounds)

    def candidates(self, limit: int = MAX_CANDIDATES) -> list[NameRef]:
        lists = [s.candidates(limit) for s in self._searches]
        merged: dict[int, NameRef] = {}
        for pair in itertools.zip_longest(*lists):
            for ref in pair:
                if ref is not None and len(merged) < limit:
                    merged.setdefault(ref.ref_id, ref)
        return list(merged.values())


class Search:
    """One query's retrieval, kept across the widening rounds of a screen.

    A wider request walks the postings a narrower one walked and then some (its budget is
    larger and its stop condition looser), so the walk goes on from where the last
    request stopped instead of starting over; the weights added are the same, in the same
    order, as a fresh walk's, so every request returns what :meth:`NameIndex.candidates`
    would. Only counting the common parts and ranking are done again.
    """

    def __init__(self, index: NameIndex, form: NameForm) -> None:
        self._index = index
        # The rank penalty of a list name by its sizes (slots, and with its trade words):
        # the distance of the nearer to the nearest size the query may have, per pair of
        # sizes of the index (a few dozen).
        query_sizes = _query_sizes(form)
        self._penalty = [
            LENGTH_PENALTY * min(abs(n - q) for q in query_sizes for n in pair)
            for pair in index._pairs
        ]
        weighted = form.key_groups(expand=True)
        weighted.extend(index._neighbour_groups(form))
        self._groups = [g for g, _ in weighted]
        self._weights = [w for _, w in weighted]
        postings = index.postings
        # (A Korean syllable's Hangul keys file again the names its spellings file: they
        # widen what a part finds, not how common it is.)
        sizes = [
            sum(len(postings.get(k, ())) for k in g if not k.startswith("k:"))
            for g in self._groups
        ]
        self._group_sizes = sizes
        # Parts that are very common (the surname p:wang on a large list) cost the most and
        # tell the least; they are left out unless nothing rarer is there.
        order = sorted(range(len(sizes)), key=sizes.__getitem__)
        rare = [i for i in order if sizes[i] <= COMMON_POSTING] or order[:2]
        if len(rare) < 2:
            rare = order[:2]
        self._scores: dict[int, float] = defaultdict(float)
        for ref_id in index.exact.get(_letters(form), ()):
            self._scores[ref_id] += EXACT_WEIGHT
        for ref_id, weight in index.near_whole(form):
            self._scores[ref_id] += weight
        found: set[int] = set()
        for letters in _reading_letters(form) | _readings_run_together(form):
            found.update(index.exact.get(letters, ()))
        for ref_id in found:
            self._scores[ref_id] += READING_WEIGHT
        self._walked_ids: set[int] = set(rare)
        self._walked = 0
        for i in rare:
            self._walk(i)
            self._walked += sizes[i]
        # The next commonest parts are walked too, within a budget, while a name none of
        # the walked parts found could still outrank the last candidate by a whole part
        # (by less, it would be a close call of the idf tie-break): where the rare
        # parts find too few names (a misspelt given name beside a common surname), or
        # find many names that share only them (``Faial`` finds every Faial, while the
        # misspelt Faisal Nasrallahs share the common parts).
        self._unwalked = [i for i in order if i not in self._walked_ids]
        self._next = 0
        self._reach = sum(self._weights[i] + MAX_IDF_SHARE for i in self._unwalked)
        self._order = order

    def _walk(self, i: int) -> None:
        # The rarest shared key of the group counts: keys in rising weight, so a later
        # (rarer) key overwrites an earlier one for the names filed under both.
        postings = self._index.postings
        idf_of = self._index._idf
        scores = self._scores
        weight = self._weights[i]
        keys = [k for k in self._groups[i] if k in postings]
        if len(keys) == 1:  # most parts: a word's end, a whole word
            add = weight + idf_of[keys[0]] / 100.0
            for ref_id in postings[keys[0]]:
                scores[ref_id] += add
            return
        best: dict[int, float] = {}
        for key in sorted(keys, key=idf_of.__getitem__):
            best.update(dict.fromkeys(postings[key], idf_of[key]))
        for ref_id, idf in best.items():
            scores[ref_id] += weight + idf / 100.0

    def candidates(self, limit: int = MAX_CANDIDATES) -> list[NameRef]:
        """The ``limit`` best list names (see :meth:`NameIndex.candidates`)."""
        index = self._index
        scores = self._scores
        sizes_of = self._group_sizes
        unwalked = self._unwalked
        while self._next < len(unwalked):
            i = unwalked[self._next]
            if self._walked + sizes_of[i] > WALK_PER_CANDIDATE * limit and len(scores) >= limit:
                # (Past the budget only while the parts walked found fewer names than asked
                # for: `Li Yi` of unknown type has a rare part of its own, the `liy-` of its
                # company reading, which finds ten `Liyang` names and not the listed `LI,
                # Yi`, whose parts li and yi file thousands of names on a full-size list.)
                break
            if (
                len(scores) >= limit
                and self._reach < heapq.nlargest(limit, scores.values())[-1] + 1
            ):
                break
            self._walk(i)
            self._walked_ids.add(i)
            self._walked += sizes_of[i]
            self._reach -= self._weights[i] + MAX_IDF_SHARE
            self._next += 1
        if len(scores) <= limit:
            # Every name found is returned, in index order: results never depend on hash
            # seeds, and the common parts cannot matter.
            return [index.refs[i] for i in sorted(scores)]
        # Common parts still count for the names already found (in a copy: a wider request
        # walks on from the walk alone). A part whose postings are not much longer than
        # the names found is intersected with them (set operations run in C); a longer one
        # is checked against each name's own keys.
        counted = dict(scores)
        postings = index.postings
        keysets = index.keysets
        for i in self._order:
            if i in self._walked_ids:
                continue
            group = self._groups[i]
            weight = self._weights[i]
            if sizes_of[i] <= POSTINGS_PER_FOUND * len(counted):
                members: set[int] = set()
                for key in group:
                    members.update(postings.get(key, ()))
                for ref_id in members.intersection(counted):
                    counted[ref_id] += weight
            else:
                for ref_id in counted:
                    if not keysets[ref_id].isdisjoint(group):
                        counted[ref_id] += weight
        # Among names covering as much of the query, prefer those of similar length;
        # ties go to the lower index so results never depend on hash seeds.
        penalty = self._penalty
        pair_of = index._size_pair
        keyed = [(penalty[pair_of[r]] - v, r) for r, v in counted.items()]
        # A full sort (in C) beats a heap (a Python loop) until the names found are
        # several thousand.
        if len(keyed) > SORT_UP_TO:
            keyed = heapq.nsmallest(limit * 4, keyed)
        else:
            keyed.sort()
            del keyed[limit * 4 :]
        # At most three spellings per entity, so that one entity's many aliases do not
        # crowd other entities out of the candidates; a wider search allows more.
        ranked: list[NameRef] = []
        per_entity: dict[str, int] = defaultdict(int)
        cap = SPELLINGS_PER_ENTITY * max(1, limit // MAX_CANDIDATES)
        refs = index.refs
        for _, ref_id in keyed:
            ref = refs[ref_id]
            if per_entity[ref.entity_id] < cap:
                per_entity[ref.entity_id] += 1
                ranked.append(ref)
                if len(ranked) == limit:
                    break
        return ranked
