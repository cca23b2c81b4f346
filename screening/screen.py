"""The :class:`Screener`: normalize a query, retrieve candidates, score, rank.

A screener is built once from a list of entities (the expensive part: every list name is
analysed and indexed) and then answers any number of queries. It holds no per-query state,
so one instance may serve many threads.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from screening.config import REPORT_FLOOR, MatchSettings
from screening.errors import InvalidEntityError, InvalidQueryError
from screening.index import MAX_CANDIDATES, NameIndex, NameRef
from screening.model import SCHEMAS, Entity, ListSource, Match, Query, parse_partial_date
from screening.normalize.names import query_spellings
from screening.score.context import context_adjustment
from screening.score.name import (
    NEAR_EXACT_CAP,
    NameForm,
    analyze_name,
    compare_forms,
    key_bound,
    may_shorten,
    uses_person_comparison,
)
from screening.transliterate.mixed import script_spellings

QueryLike = Query | str | Mapping[str, Any]

#: When this many spellings reach the threshold among the first candidates, the
#: neighbourhood is dense (one person on several lists, many companies sharing one brand)
#: and more matches may rank just below: retrieval is widened while wider rounds still
#: find matching spellings; where this share of the candidates and this many entities
#: match (a brand cluster), it is widened to the limit ...
DENSE_HITS = 3
DENSE_SHARE = 0.25
DENSE_CLUSTER = 10
#: ... by this factor at a time ...
WIDEN_FACTOR = 4
#: ... up to this many candidate spellings.
MAX_WIDENED = 3_840


def as_query(value: QueryLike) -> Query:
    """Coerce a name, a mapping with ``name``/``schema``/``birth_date``/``country``, or a Query."""
    if isinstance(value, Query):
        return value
    if isinstance(value, str):
        return Query(name=value)
    name = value.get("name")
    if not isinstance(name, str):
        raise InvalidQueryError(f"query needs a 'name' string, got {name!r}")
    return Query(
        name=name,
        schema=value.get("schema") or None,
        birth_date=value.get("birth_date") or None,
        country=value.get("country") or None,
    )


def _check_query(query: Query) -> None:
    if not query.name or not query.name.strip():
        raise InvalidQueryError("query name is empty")
    if query.schema is not None and query.schema not in SCHEMAS:
        raise InvalidQueryError(
            f"unknown schema {query.schema!r}; expected one of {', '.join(sorted(SCHEMAS))}"
        )
    if query.birth_date is not None and parse_partial_date(query.birth_date) is None:
        raise InvalidQueryError(
            f"birth date {query.birth_date!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
        )


def _schema_compatible(query_schema: str | None, entity: Entity) -> bool:
    """A Person query never matches a company and vice versa; LegalEntity matches both."""
    if query_schema is None or query_schema == "LegalEntity" or entity.schema == "LegalEntity":
        return True
    if query_schema == entity.schema:
        return True
    return entity.is_organization and query_schema in ("Organization", "Company")


class Screener:
    """Screens names against an in-memory index of listed entities.

    >>> from screening import Entity, Screener
    >>> s = Screener([Entity(id="x", schema="Person", names=("ZHU Hailun",))])
    >>> [m.entity.id for m in s.screen("Hailun Zhu")]
    ['x']
    """

    def __init__(
        self,
        entities: Iterable[Entity],
        *,
        settings: MatchSettings | None = None,
        sources: Sequence[ListSource] = (),
    ) -> None:
        self.settings = settings or MatchSettings()
        self.sources: tuple[ListSource, ...] = tuple(sources)
        by_id: dict[str, Entity] = {}
        for entity in entities:
            if entity.id in by_id:
                raise InvalidEntityError(f"duplicate entity id {entity.id!r}")
            by_id[entity.id] = entity
        self._entities = by_id
        self.index = NameIndex(by_id.values())

    # -- construction -------------------------------------------------------------------

    @classmethod
    def default(
        cls,
        *,
        authorities: Iterable[str] | None = None,
        exclude_authorities: Iterable[str] = (),
        settings: MatchSettings | None = None,
    ) -> Screener:
        """A screener over the lists bundled with the library (no network)."""
        from screening.sources.bundled import load_bundled

        entities, sources = load_bundled(
            authorities=authorities, exclude_authorities=exclude_authorities
        )
        return cls(entities, settings=settings, sources=sources)

    @classmethod
    def from_files(
        cls, *paths: str | Path, settings: MatchSettings | None = None
    ) -> Screener:
        """A screener over official list files, each format detected from content."""
        from screening.sources import load_list

        entities: list[Entity] = []
        sources: list[ListSource] = []
        for path in paths:
            loaded, source = load_list(path)
            entities.extend(loaded)
            sources.append(source)
        return cls(entities, settings=settings, sources=sources)

    # -- access ---------------------------------------------------------------------------

    @property
    def entities(self) -> tuple[Entity, ...]:
        return tuple(self._entities.values())

    def __len__(self) -> int:
        return len(self._entities)

    def get(self, entity_id: str) -> Entity:
        """The entity with ``entity_id``; ``KeyError`` if the lists do not hold it."""
        return self._entities[entity_id]

    def analyze(self, name: str, schema: str | None = None) -> NameForm:
        """The analysed form of a name (cached), as the scorer sees it."""
        return analyze_name(name, schema)

    # -- screening -----------------------------------------------------------------------

    def screen(
        self,
        name: str,
        *,
        schema: str | None = None,
        birth_date: str | None = None,
        country: str | None = None,
        limit: int = 10,
        threshold: float | None = None,
    ) -> list[Match]:
        """Matches for one name, best first.

        ``threshold=None`` applies the configured alert threshold (per schema and list);
        pass a number to see weaker candidates too (``0.5`` shows nearly everything).
        """
        query = Query(name=name, schema=schema, birth_date=birth_date, country=country)
        return self.screen_query(query, limit=limit, threshold=threshold)

    def screen_query(
        self,
        query: Query,
        *,
        limit: int = 10,
        threshold: float | None = None,
        use_index: bool = True,
    ) -> list[Match]:
        """Like :meth:`screen` for a :class:`Query`; ``use_index=False`` scores every name.

        The exhaustive mode exists to measure the index's own recall; it is slow.
        """
        _check_query(query)
        best: dict[str, tuple[float, float, str]] = {}
        floor = REPORT_FLOOR if threshold is None else min(threshold, REPORT_FLOOR)
        # A name score that even agreeing birth date and country cannot lift to the lowest
        # threshold is never reported, so the scorer may dismiss it without a full alignment.
        lowest = self.settings.lowest_threshold() if threshold is None else threshold
        bonus = self.settings.context_bonus(
            birth_date=query.birth_date is not None, country=query.country is not None
        )
        needed = max(floor, lowest - bonus) - 1e-6
        # Retrieval widens for matches at the alert level, whatever floor the caller asked
        # for: a crowd of weak matches (0.5 and up) says nothing about missing alerts.
        alerting = max(needed, self.settings.lowest_threshold() - bonus - 1e-6)
        spellings = (*query_spellings(query.name), *script_spellings(query.name))
        for i, spelling in enumerate(spellings):
            form = analyze_name(spelling, query.schema)
            # The query without a part of it is never an exact match.
            cap = 1.0 if i == 0 else NEAR_EXACT_CAP
            if not use_index:
                self._score(
                    form, query, self.index.all_names(), needed, alerting, floor, best, {},
                    bounds=False, cap=cap,
                )
            else:
                self._retrieve_and_score(form, query, needed, alerting, floor, best, cap)
        scored = (
            (self._entities[entity_id], score, name_score, matched)
            for entity_id, (score, name_score, matched) in best.items()
        )
        return self.select_matches(query, scored, threshold)[:limit]

    def _retrieve_and_score(
        self,
        form: NameForm,
        query: Query,
        needed: float,
        alerting: float,
        floor: float,
        best: dict[str, tuple[float, float, str]],
        cap: float,
    ) -> None:
        """Score the candidates the index retrieves for ``form`` into ``best``.

        Where several candidates match, the best-ranked ones may not hold every match:
        widen. A brand cluster widens up to the limit; otherwise each wider round is taken
        only while the last one found matching spellings."""
        limit_c = MAX_CANDIDATES
        seen: set[int] = set()
        very_dense = False
        known: dict[int, float] = {}
        search = self.index.search(form)
        while True:
            refs = [r for r in search.candidates(limit_c) if r.ref_id not in seen]
            seen.update(r.ref_id for r in refs)
            hits, found = self._score(
                form, query, refs, needed, alerting, floor, best, known, bounds=True, cap=cap
            )
            if limit_c == MAX_CANDIDATES:
                very_dense = hits >= DENSE_SHARE * len(refs) and found >= DENSE_CLUSTER
                wider = very_dense or hits >= DENSE_HITS
            else:
                wider = very_dense or hits > 0
            if not wider or len(seen) < limit_c or limit_c >= MAX_WIDENED:
                break
            limit_c *= WIDEN_FACTOR

    def select_matches(
        self,
        query: Query,
        scored: Iterable[tuple[Entity, float, float, str]],
        threshold: float | None,
    ) -> list[Match]:
        """``(entity, score, name score, matched name)`` at or above the threshold that
        applies to each entity (``threshold``, or the configured one per schema and list),
        as matches sorted best first."""
        matches = [
            Match(
                entity=entity,
                score=score,
                matched_name=matched,
                query=query,
                name_score=name_score,
            )
            for entity, score, name_score, matched in scored
            if score
            >= (
                self.settings.threshold_for(entity.schema, entity.list_names)
                if threshold is None
                else threshold
            )
        ]
        matches.sort(key=lambda m: (-m.score, m.entity.id))
        return matches

    def _score(
        self,
        form: NameForm,
        query: Query,
        refs: Iterable[NameRef],
        needed: float,
        alerting: float,
        floor: float,
        best: dict[str, tuple[float, float, str]],
        known: dict[int, float],
        *,
        bounds: bool,
        cap: float = 1.0,
    ) -> tuple[int, int]:
        """Score ``refs`` into ``best`` (per entity: score, name score, matched name).

        Returns how many spellings reached ``alerting``, and how many entities first did
        here. ``known`` keeps the name score per list-name content
        (:attr:`NameIndex.form_ids`) over the rounds of one query: one name listed for many
        entities is scored once. ``bounds`` lets names of whole syllables be dismissed from
        their keys alone; no score under ``needed`` is computed in full.
        """
        index = self.index
        settings = self.settings
        form_ids = index.form_ids
        hits = found = 0
        for ref in refs:
            entity = self._entities[ref.entity_id]
            if not _schema_compatible(query.schema, entity):
                continue
            form_id = form_ids[ref.ref_id]
            name_score = known.get(form_id, -1.0)
            if name_score < 0.0:
                if (
                    bounds
                    and not index.loose[ref.ref_id]
                    and uses_person_comparison(form, ref.form)
                    and key_bound(form, index.keysets[ref.ref_id]) < needed
                ):
                    name_score = 0.0
                else:
                    name_score = compare_forms(
                        form, ref.form, needed,
                        shorten_query=may_shorten(form, index.short_alias[ref.ref_id]),
                    )
                known[form_id] = name_score = min(name_score, cap)
            if ref.weak:
                name_score *= settings.weak_alias_factor
            if name_score < floor:
                continue
            score = context_adjustment(name_score, query, entity, settings)
            prev = best.get(entity.id)
            if name_score >= alerting:
                hits += 1
                if prev is None or prev[1] < alerting:
                    found += 1
            if prev is None or (score, name_score) > prev[:2]:
                best[entity.id] = (score, name_score, ref.name)
        return hits, found

    def screen_many(
        self,
        queries: Iterable[QueryLike],
        *,
        limit: int = 10,
        threshold: float | None = None,
    ) -> Iterator[list[Match]]:
        """Screen a stream of queries, yielding one list of matches per query, in order.

        Repeated names reuse their analysis (``analyze_name`` keeps an LRU cache of analysed
        names), which bulk files repeat a lot.
        """
        for value in queries:
            yield self.screen_query(as_query(value), limit=limit, threshold=threshold)
