"""Birth date and country: facts that confirm or contradict a name match.

A missing fact is neutral: most counterparty files carry no birth date, and a screening
engine must not punish them for it. A contradicting fact lowers the score but never to zero,
because list data is often approximate (``circa 1955``) and counterparty data often wrong.
"""

from __future__ import annotations

import attrs

from screening.config import MatchSettings
from screening.model import Entity, Query, parse_partial_date

NEAR_EXACT_CAP = 0.99


@attrs.frozen(slots=True)
class ContextEffect:
    """One fact's effect on the score, for explanations."""

    fact: str
    delta: float
    reason: str


def birth_date_effect(query: Query, entity: Entity, settings: MatchSettings) -> ContextEffect:
    if not query.birth_date or not entity.birth_dates:
        return ContextEffect("birth date", 0.0, "not compared (missing on one side)")
    q = parse_partial_date(query.birth_date)
    if q is None:
        return ContextEffect("birth date", 0.0, "query date unreadable")
    best_gap = None
    for raw in entity.birth_dates:
        e = parse_partial_date(raw)
        if e is None:
            continue
        gap = abs(e[0] - q[0])
        if gap == 0 and None not in (e[1], q[1]) and e[1] != q[1]:
            gap = 1  # same year, different month: weak contradiction
        elif (
            gap == 0
            and None not in (e[1], q[1], e[2], q[2])
            and e[1] == q[1]
            and e[2] != q[2]
        ):
            gap = 1
        best_gap = gap if best_gap is None else min(best_gap, gap)
    if best_gap is None:
        return ContextEffect("birth date", 0.0, "not compared")
    if best_gap == 0:
        return ContextEffect(
            "birth date", settings.birth_date_match_bonus, f"{query.birth_date} agrees"
        )
    if best_gap == 1:
        return ContextEffect(
            "birth date",
            -settings.birth_date_mismatch_penalty / 2,
            f"{query.birth_date} is close to {', '.join(entity.birth_dates)}",
        )
    return ContextEffect(
        "birth date",
        -settings.birth_date_mismatch_penalty,
        f"{query.birth_date} contradicts {', '.join(entity.birth_dates)}",
    )


def country_effect(query: Query, entity: Entity, settings: MatchSettings) -> ContextEffect:
    if not query.country or not entity.countries:
        return ContextEffect("country", 0.0, "not compared (missing on one side)")
    if query.country in entity.countries:
        return ContextEffect("country", settings.country_match_bonus, f"{query.country} agrees")
    return ContextEffect(
        "country",
        -settings.country_mismatch_penalty,
        f"{query.country} not among {', '.join(entity.countries)}",
    )


def context_effects(
    query: Query, entity: Entity, settings: MatchSettings
) -> tuple[ContextEffect, ContextEffect]:
    return birth_date_effect(query, entity, settings), country_effect(query, entity, settings)


def context_adjustment(
    name_score: float, query: Query, entity: Entity, settings: MatchSettings
) -> float:
    """The final score: the name score moved by birth date and country evidence."""
    if not query.birth_date and not query.country:
        return name_score
    delta = sum(e.delta for e in context_effects(query, entity, settings))
    score = name_score + delta
    cap = 1.0 if name_score >= 1.0 else NEAR_EXACT_CAP
    return max(0.0, min(cap, score))
