"""Tests for screening.model: records validate their invariants."""

from __future__ import annotations

from typing import Any

import pytest

from screening.errors import InvalidEntityError, ScreeningError
from screening.model import Designation, Entity, Query, parse_partial_date


def _entity(**overrides: Any) -> Entity:
    fields: dict[str, Any] = {"id": "eu-6251", "schema": "Person", "names": ("ZHU Hailun",)}
    fields.update(overrides)
    return Entity(**fields)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"id": ""}, "id"),
        ({"id": "   "}, "id"),
        ({"names": ()}, "name"),
        ({"names": ("",)}, "name"),
        ({"schema": "Ship"}, "schema"),
        ({"birth_dates": ("1958-13",)}, "1958-13"),
        ({"birth_dates": ("13/01/1958",)}, "13/01/1958"),
        ({"countries": ("CHN",)}, "chn"),
        ({"weak_names": ("",)}, "name"),
    ],
)
def test_invalid_entity_raises(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidEntityError, match=message):
        _entity(**overrides)


def test_invalid_entity_error_is_a_screening_error_and_a_value_error() -> None:
    with pytest.raises(ScreeningError):
        _entity(schema="Ship")
    with pytest.raises(ValueError, match="schema"):
        _entity(schema="Ship")


def test_error_message_names_the_entity() -> None:
    with pytest.raises(InvalidEntityError, match="eu-6251"):
        _entity(birth_dates=("1958-13",))


def test_countries_are_lower_cased() -> None:
    assert _entity(countries=("CN", "Hk")).countries == ("cn", "hk")
    assert Query(name="x", country=" CN ").country == "cn"


@pytest.mark.parametrize("date", ["1958", "1958-01", "1958-01-15"])
def test_partial_dates_are_accepted(date: str) -> None:
    assert _entity(birth_dates=(date,)).birth_dates == (date,)


def test_parse_partial_date() -> None:
    assert parse_partial_date("1958") == (1958, None, None)
    assert parse_partial_date("1958-01") == (1958, 1, None)
    assert parse_partial_date("1958-01-15") == (1958, 1, 15)
    assert parse_partial_date("1958-13") is None
    assert parse_partial_date("1958-01-32") is None
    assert parse_partial_date("circa 1958") is None


def test_single_strings_become_tuples() -> None:
    entity = _entity(names="ZHU Hailun", birth_dates="1958", countries="CN")
    assert entity.names == ("ZHU Hailun",)
    assert entity.birth_dates == ("1958",)
    assert entity.countries == ("cn",)


def test_entity_properties() -> None:
    entity = _entity(
        names=("ZHU Hailun", "朱海仑"),
        weak_names=("Hailun",),
        sources=(
            Designation(authority="EU", list_name="EU FSF", program="CHN"),
            Designation(authority="EU", list_name="EU FSF", program="CHN"),
        ),
    )
    assert entity.caption == "ZHU Hailun"
    assert entity.all_names == ("ZHU Hailun", "朱海仑", "Hailun")
    assert entity.list_names == ("EU FSF",)
    assert entity.programs == ("CHN",)
    assert entity.is_person
    assert not entity.is_organization
    assert _entity(schema="Company").is_organization
