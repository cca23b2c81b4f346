"""Tests for screening.transliterate.romanization: syllable tables and segmentation."""

from __future__ import annotations

import pytest

from screening.transliterate.romanization import (
    is_cantonese_syllable,
    is_mandarin_syllable,
    loose,
    one_letter_off_spellings,
    pinyin_readings,
    segment,
    segment_cantonese,
    segmentations,
    systems_of,
    to_tongyong,
    to_wade_giles,
)


@pytest.mark.parametrize(
    ("pinyin", "wade_giles"),
    [
        ("zhu", "chu"),
        ("quan", "ch'üan"),
        ("xie", "hsieh"),
        ("cai", "ts'ai"),
        ("zhi", "chih"),
        ("ri", "jih"),
        ("zi", "tzu"),
        ("guo", "kuo"),
        ("ge", "ko"),
        ("jun", "chün"),
        ("xiong", "hsiung"),
        ("er", "êrh"),
        ("chen", "ch'en"),
        ("zhou", "chou"),
        ("deng", "teng"),
        ("xiao", "hsiao"),
        ("zeng", "tseng"),
        ("lian", "lien"),
        ("hong", "hung"),
    ],
)
def test_to_wade_giles(pinyin: str, wade_giles: str) -> None:
    assert to_wade_giles(pinyin) == wade_giles


@pytest.mark.parametrize(
    ("pinyin", "tongyong"),
    [("zhi", "jhih"), ("xiong", "syong"), ("quan", "cyuan"), ("feng", "fong")],
)
def test_to_tongyong(pinyin: str, tongyong: str) -> None:
    assert to_tongyong(pinyin) == tongyong


def test_loose_drops_apostrophes_and_umlauts() -> None:
    assert loose("ch'üan") == "chuan"
    assert loose("êrh") == "erh"


def test_pinyin_readings_of_ambiguous_wade_giles_syllable() -> None:
    assert {"zhu", "chu"} <= pinyin_readings("chu")


def test_pinyin_readings_of_wade_giles_only_syllable() -> None:
    assert pinyin_readings("hsieh") == {"xie"}
    assert "cai" in pinyin_readings("tsai")


def test_pinyin_readings_of_non_syllable_is_empty() -> None:
    assert pinyin_readings("smith") == frozenset()


def test_systems_of() -> None:
    assert "Wade-Giles" in systems_of("hsieh")
    assert "pinyin" in systems_of("zhu")
    assert "pinyin" not in systems_of("hsieh")


def test_is_syllable() -> None:
    assert is_mandarin_syllable("lun")
    assert not is_mandarin_syllable("smith")
    assert is_cantonese_syllable("chiu")


def test_segment_splits_run_together_name() -> None:
    assert segment("hailun") == ("hai", "lun")


def test_segment_of_non_chinese_word_is_none() -> None:
    assert segment("smith") is None
    assert segment("") is None


def test_segment_keeps_a_single_syllable() -> None:
    assert segment("xian") == ("xian",)


def test_segmentations_lists_both_splits_of_ambiguous_word() -> None:
    found = segmentations("chengang")
    assert ("cheng", "ang") in found
    assert ("chen", "gang") in found


def test_segment_cantonese() -> None:
    assert segment_cantonese("kachiu") == ("ka", "chiu")
    assert segment_cantonese("smith") is None


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("tag", "tang"), ("wag", "wang"), ("liv", "liu"), ("zhng", "zhang"), ("hsieg", "hsieh")],
)
def test_one_letter_off_spellings_finds_the_syllable_meant(typo: str, meant: str) -> None:
    assert meant in one_letter_off_spellings(typo)


def test_one_letter_off_spellings_never_returns_the_word_or_far_spellings() -> None:
    near = one_letter_off_spellings("wang")
    assert "wang" not in near
    assert "wan" not in near  # a letter more, not less: the other direction of a typo
    assert {"wong", "yang", "weng"} <= near
    assert "zhuang" not in near
