from __future__ import annotations

import pytest

from screening.sources._common import RecordError, country_codes, parse_date, parse_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1958", ["1958"]),
        ("Jan 1958", ["1958-01"]),
        ("28 Jul 1963", ["1963-07-28"]),
        ("circa 1955", ["1955"]),
        ("01 Dec 1952 to 31 Dec 1953", ["1952-12-01", "1953-12-31"]),
        ("between 1960 and 1962", ["1960", "1962"]),
        ("1958-01-01 or 1959-02-03", ["1958-01-01", "1959-02-03"]),
        ("dd/mm/1945", ["1945"]),
        ("00/00/1980", ["1980"]),
        ("12/05/1958", ["1958-05-12"]),
        ("2026-08-05T16:47:04.449+02:00", ["2026-08-05"]),
        ("", []),
    ],
)
def test_parse_dates(text: str, expected: list[str]) -> None:
    assert parse_dates(text) == expected


def test_month_first() -> None:
    assert parse_date("10/16/2017", day_first=False) == "2017-10-16"


@pytest.mark.parametrize("text", ["31 Feb 1970", "sometime", "1958-13", "12/13/1958"])
def test_bad_dates_raise(text: str) -> None:
    with pytest.raises(RecordError):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Korea, North", ["kp"]),
        ("Democratic People's Republic of Korea", ["kp"]),
        ("Iran (Islamic Republic of)", ["ir"]),
        ("China, Hong Kong Special Administrative Region", ["hk"]),
        ("1) Saudi Arabia 2) Qatar", ["sa", "qa"]),
        ("(1) Sudan (2) South Sudan", ["sd", "ss"]),
        ("Uganda (reportedly in prison as of September 2016)", ["ug"]),
        ("Chinese", ["cn"]),
        ("Iranian citizenship", ["ir"]),
        ("PAKISTAN", ["pk"]),
        ("CN", ["cn"]),
        ("00", []),
        ("undetermined", []),
        ("Russia / Russie", ["ru"]),
    ],
)
def test_country_codes(text: str, expected: list[str]) -> None:
    assert country_codes(text) == expected
