"""Tests for screening.score.context: birth date and country move the name score."""

from __future__ import annotations

import pytest

from screening.config import MatchSettings
from screening.model import Entity, Query
from screening.score.context import birth_date_effect, context_adjustment, country_effect

SETTINGS = MatchSettings()
ENTITY = Entity(
    id="eu-6251",
    schema="Person",
    names=("ZHU Hailun",),
    birth_dates=("1958-01",),
    countries=("cn",),
)
BARE = Entity(id="bare", schema="Person", names=("ZHU Hailun",))
NAME_SCORE = 0.9


def _adjusted(name_score: float = NAME_SCORE, entity: Entity = ENTITY, **facts: str) -> float:
    return context_adjustment(name_score, Query(name="Zhu Hailun", **facts), entity, SETTINGS)


@pytest.mark.parametrize("birth_date", ["1958", "1958-01", "1958-01-15"])
def test_agreeing_birth_date_raises(birth_date: str) -> None:
    assert _adjusted(birth_date=birth_date) > NAME_SCORE


@pytest.mark.parametrize("birth_date", ["1970", "1940-05-01"])
def test_contradicting_birth_date_lowers(birth_date: str) -> None:
    assert _adjusted(birth_date=birth_date) < NAME_SCORE


def test_close_birth_date_lowers_less_than_a_contradiction() -> None:
    close = _adjusted(birth_date="1959")
    far = _adjusted(birth_date="1970")
    assert far < close < NAME_SCORE


def test_missing_birth_date_is_neutral() -> None:
    assert _adjusted() == NAME_SCORE
    assert _adjusted(entity=BARE, birth_date="1970") == NAME_SCORE
    assert birth_date_effect(Query(name="x"), ENTITY, SETTINGS).delta == 0.0


def test_agreeing_country_raises() -> None:
    assert _adjusted(country="CN") > NAME_SCORE
    assert country_effect(Query(name="x", country="cn"), ENTITY, SETTINGS).delta > 0


def test_contradicting_country_lowers() -> None:
    assert _adjusted(country="us") < NAME_SCORE


def test_missing_country_is_neutral() -> None:
    assert _adjusted(entity=BARE, country="us") == NAME_SCORE
    assert country_effect(Query(name="x"), ENTITY, SETTINGS).delta == 0.0


def test_contradicting_facts_never_go_below_zero() -> None:
    assert _adjusted(0.05, birth_date="1900", country="us") == 0.0


def test_score_is_capped_below_one_unless_the_name_is_exact() -> None:
    assert _adjusted(0.985, birth_date="1958", country="cn") == pytest.approx(0.99)
    assert _adjusted(0.99, birth_date="1958", country="cn") <= 0.99


def test_exact_name_with_agreeing_facts_stays_at_one() -> None:
    assert _adjusted(1.0, birth_date="1958", country="cn") == 1.0


def test_exact_name_with_contradicting_facts_drops_below_one() -> None:
    assert _adjusted(1.0, birth_date="1970") < 1.0


def test_settings_control_the_size_of_effects() -> None:
    strict = MatchSettings(birth_date_mismatch_penalty=0.5)
    query = Query(name="Zhu Hailun", birth_date="1970")
    assert context_adjustment(0.9, query, ENTITY, strict) == pytest.approx(0.4)
