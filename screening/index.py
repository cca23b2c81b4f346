"""Candidate retrieval: which list names are worth scoring for a query.

Every analysed list name is filed under its blocking keys (syllable readings, Han
characters, whole words, prefixes and suffixes of words that are not syllables). A query
looks up its own keys and the names that share the most informative keys (by inverse
document frequency) are scored. Common keys such as the surname ``p:wang`` still retrieve,
but rank below rarer shared keys, so a query never scans every name of a large list.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator

import attrs

from screening.model import Entity
from screening.score.name import NameForm, analyze_name, expand_list_name

#: Names scored per query at most. Measured on the quality evaluation: see docs/quality.md
#: ("index recall").
MAX_CANDIDATES = 200


@attrs.frozen(slots=True)
class NameRef:
    """One indexed spelling of a list name."""

    entity_id: str
    name: str
    form: NameForm
    weak: bool = False


class NameIndex:
    """Inverted index from blocking keys to list names."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.refs: list[NameRef] = []
        postings: dict[str, list[int]] = defaultdict(list)
        for entity in entities:
            seen: set[str] = set()
            for weak, names in ((False, entity.names), (True, entity.weak_names)):
                for name in names:
                    for spelling in expand_list_name(name):
                        if spelling in seen:
                            continue
                        seen.add(spelling)
                        form = analyze_name(spelling, entity.schema)
                        ref_id = len(self.refs)
                        self.refs.append(NameRef(entity.id, name, form, weak))
                        for key in form.blocking_keys():
                            postings[key].append(ref_id)
        self.postings: dict[str, list[int]] = dict(postings)
        total = max(len(self.refs), 1)
        self._idf = {k: math.log(1 + total / len(v)) for k, v in self.postings.items()}

    def __len__(self) -> int:
        return len(self.refs)

    def all_names(self) -> Iterator[NameRef]:
        return iter(self.refs)

    def candidates(self, form: NameForm, limit: int = MAX_CANDIDATES) -> list[NameRef]:
        """The list names sharing the most informative keys with ``form``, best first."""
        weights: dict[int, float] = defaultdict(float)
        for key in form.blocking_keys():
            posting = self.postings.get(key)
            if not posting:
                continue
            idf = self._idf[key]
            for ref_id in posting:
                weights[ref_id] += idf
        if len(weights) > limit:
            ranked = sorted(weights, key=weights.__getitem__, reverse=True)[:limit]
        else:
            ranked = list(weights)
        return [self.refs[i] for i in ranked]
