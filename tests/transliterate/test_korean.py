"""Korean names in Hangul and their romanizations."""

from __future__ import annotations

import pytest

from screening.transliterate.korean import (
    has_hangul,
    korean_readings,
    korean_segmentations,
    latin_hangul,
    romanize_syllable,
    split_korean_name,
)


def test_has_hangul() -> None:
    assert has_hangul("김정은")
    assert not has_hangul("KIM Jong Un")
    assert not has_hangul("金正恩")


@pytest.mark.parametrize(
    ("syllable", "rr", "mr", "nk"),
    [
        ("정", "jeong", "chong", "jong"),
        ("철", "cheol", "chol", "chol"),
        ("평", "pyeong", "pyong", "pyong"),
        ("택", "taek", "taek", "thaek"),
        ("은", "eun", "un", "un"),
        ("룡", "ryong", "ryong", "ryong"),
    ],
)
def test_romanize_syllable_in_each_system(syllable: str, rr: str, mr: str, nk: str) -> None:
    assert romanize_syllable(syllable, "rr") == rr
    assert romanize_syllable(syllable, "mr") == mr
    assert romanize_syllable(syllable, "nk") == nk


def test_mccune_reischauer_voices_plain_stops_inside_a_given_name() -> None:
    assert romanize_syllable("건", "mr", voiced=True) == "gon"  # RI Man Gon
    assert romanize_syllable("건", "rr", voiced=True) == "geon"  # RR writes g anyway


@pytest.mark.parametrize(
    ("name", "parts"),
    [("김정은", ("김", "정은")), ("남궁민", ("남궁", "민")), ("선우진", ("선", "우진")),
     ("선우재덕", ("선우", "재덕"))],
)  # fmt: skip
def test_split_korean_name(name: str, parts: tuple[str, str]) -> None:
    assert split_korean_name(name) == parts


def test_readings_hold_the_systems_and_the_surname_spellings() -> None:
    readings = korean_readings("리병철")
    assert readings[0] == ("ri", "pyong", "chol")  # as North Korea writes it, first
    assert ("lee", "byeong", "cheol") in readings  # Revised, with the usual surname
    assert korean_readings("김 정은")[0] == ("kim", "jong", "un")  # spaced as written
    assert korean_readings("KIM") == ()


def test_spellings_of_each_part_in_every_system() -> None:
    from screening.transliterate.korean import korean_spellings

    surname, first, second = korean_spellings("김성수")
    assert "kim" in surname
    assert {"song", "seong", "sung"} <= set(first)
    assert {"su", "soo"} <= set(second)


def test_latin_spellings_share_the_syllable_they_write() -> None:
    # 정 is jeong (Revised), chong (McCune-Reischauer), jong (North Korea), jung (older).
    for spelling in ("jeong", "chong", "jong", "jung"):
        assert "정" in latin_hangul(spelling)
    assert latin_hangul("choe") & latin_hangul("choi") == {"최"}
    assert not latin_hangul("choe") & latin_hangul("cho")  # 최 and 조
    assert latin_hangul("smith") == frozenset()


def test_initial_sound_rule_joins_north_and_south_spellings() -> None:
    # 룡 opening a word is 용 in the South: ryong and yong write one syllable.
    assert "룡" in latin_hangul("yong") & latin_hangul("ryong")
    assert "녀" in latin_hangul("yeo")  # 녀 → 여


def test_run_together_given_names_split_into_the_fewest_syllables() -> None:
    assert korean_segmentations("jeongeun")[0] == ("jeong", "eun")
    assert ("jeon", "geun") in korean_segmentations("jeongeun")
    assert korean_segmentations("songthaek") == (("song", "thaek"),)
    assert korean_segmentations("smith") == ()
