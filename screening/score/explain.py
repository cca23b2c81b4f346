"""Readable accounts of a match, built on demand from the same functions that scored it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from screening.score.context import ContextEffect, context_effects
from screening.score.name import (
    Step,
    analyze_name,
    compare_traced,
    given_systems,
    may_shorten,
    short_english_name,
)

if TYPE_CHECKING:
    from screening.config import MatchSettings
    from screening.model import Match


@attrs.frozen(slots=True)
class Explanation:
    """How a query scored against one list name."""

    query: str
    matched_name: str
    method: str
    name_score: float
    score: float
    steps: tuple[Step, ...]
    notes: tuple[str, ...]
    context: tuple[ContextEffect, ...]
    weak_alias: bool = False

    def render(self) -> str:
        lines = [
            f"query {self.query!r} vs list name {self.matched_name!r} ({self.method} comparison)"
        ]
        lines.extend(f"  note: {n}" for n in self.notes)
        for s in self.steps:
            if s.query and s.candidate:
                lines.append(f"  {s.query} ~ {s.candidate}: {s.similarity:.2f} ({s.reason})")
            else:
                # A word left out of a view of the name says at what cost; an unmatched
                # one needs no more.
                why = f" ({s.reason})" if s.reason.startswith(("left out", "patronymic")) else ""
                if s.query:
                    lines.append(f"  {s.query}: not in the list name{why}")
                else:
                    lines.append(f"  {s.candidate}: missing from the query{why}")
        if self.weak_alias:
            lines.append("  weak alias (authority marks it low quality): score lowered")
        lines.append(f"  name score {self.name_score:.3f}")
        for c in self.context:
            if c.delta:
                lines.append(f"  {c.fact}: {c.reason} ({c.delta:+.2f})")
            else:
                lines.append(f"  {c.fact}: {c.reason}")
        lines.append(f"  final score {self.score:.3f}")
        return "\n".join(lines)

    def short(self) -> str:
        """One line for alert files."""
        parts = [f"{s.query}~{s.candidate}:{s.similarity:.2f}" for s in self.steps if s.query]
        ctx = [f"{c.fact} {c.delta:+.2f}" for c in self.context if c.delta]
        return "; ".join([self.method, *parts, *ctx])


def explain_match(match: Match, settings: MatchSettings | None = None) -> Explanation:
    """Replay the comparison behind ``match`` with tracing switched on."""
    from screening.config import MatchSettings as _Settings
    from screening.normalize.names import expand_parentheses, query_spellings
    from screening.transliterate.mixed import script_spellings

    settings = settings or _Settings()
    entity = match.entity
    # A short alias is compared as the screener compared it (see :func:`may_shorten`).
    systems = given_systems(
        analyze_name(spelling, entity.schema)
        for name in (*entity.names, *entity.weak_names)
        for spelling in expand_parentheses(name)
    )
    best: tuple[float, list[Step], str, tuple[str, ...]] | None = None
    in_one_script = script_spellings(match.query.name)
    for query_spelling in (*query_spellings(match.query.name), *in_one_script):
        query_form = analyze_name(query_spelling, match.query.schema)
        for spelling in expand_parentheses(match.matched_name):
            cand = analyze_name(spelling, entity.schema)
            shorten = not short_english_name(cand) or may_shorten(query_form, systems)
            score, steps, method = compare_traced(
                query_form, cand, trace=True, shorten_query=shorten
            )
            if best is None or score > best[0]:
                notes = query_form.notes + cand.notes
                if query_spelling in in_one_script:
                    notes = (f"query read in one of its scripts: {query_spelling}", *notes)
                elif query_spelling != match.query.name:
                    notes = (f"query read without its parenthesised part: {query_spelling}",
                             *notes)  # fmt: skip
                best = (score, steps, method, notes)
    assert best is not None
    weak = match.matched_name in entity.weak_names and match.matched_name not in entity.names
    return Explanation(
        query=match.query.name,
        matched_name=match.matched_name,
        method=best[2],
        name_score=match.name_score,
        score=match.score,
        steps=tuple(best[1]),
        notes=best[3],
        context=context_effects(match.query, entity, settings),
        weak_alias=weak,
    )
