"""Tests for screening.transliterate.chinese: script folding and readings."""

from __future__ import annotations

import pytest

from screening.transliterate.chinese import (
    cantonese_readings,
    han_runs,
    mandarin_readings,
    split_surname,
    to_simplified,
    to_traditional,
)


def test_to_simplified() -> None:
    assert to_simplified("朱海侖") == "朱海仑"
    assert to_simplified("陳全國") == "陈全国"


def test_to_simplified_leaves_simplified_unchanged() -> None:
    assert to_simplified("朱海仑") == "朱海仑"


def test_to_traditional() -> None:
    assert to_traditional("陈全国") == "陳全國"


@pytest.mark.parametrize(
    ("surname", "reading"),
    [
        ("单", "shan"),
        ("曾", "zeng"),
        ("区", "ou"),
        ("查", "zha"),
        ("解", "xie"),
        ("仇", "qiu"),
        ("朴", "piao"),
        ("盖", "ge"),
        ("乐", "yue"),
        ("尉", "wei"),  # 尉健行 Wei Jianxing; 尉迟 is Yuchi
        ("粘", "nian"),
    ],
)
def test_person_surname_reading_comes_first(surname: str, reading: str) -> None:
    readings = mandarin_readings(surname + "明", True)
    assert readings[0][0] == reading
    assert readings[1] == ("ming",)


def test_compound_surname_reading() -> None:
    readings = mandarin_readings("尉迟恭", True)
    assert readings[0][0] == "yu"
    assert readings[1][0] == "chi"
    assert readings[2][0] == "gong"


def test_surname_reading_only_for_persons() -> None:
    assert mandarin_readings("单明", False)[0] == ("dan",)


def test_word_aware_reading() -> None:
    assert mandarin_readings("技术", False) == (("ji",), ("shu",))


def test_split_surname() -> None:
    assert split_surname("朱海仑") == ("朱", "海仑")
    assert split_surname("尉迟恭") == ("尉迟", "恭")
    assert split_surname("欧阳") == ("欧", "阳")  # two characters: a surname and a given name


def test_cantonese_readings() -> None:
    assert "lee" in cantonese_readings("李")


def test_cantonese_readings_add_the_hong_kong_unvoiced_initial() -> None:
    # The table has only bing for 炳; Hong Kong writes it Ping (TANG Ping-keung, 鄧炳強).
    assert cantonese_readings("炳") == ("bing", "ping")
    assert "po" in cantonese_readings("寶")
    assert "pak" in cantonese_readings("北")
    # Only spellings Hong Kong uses: the table's own spellings come first and stay.
    assert cantonese_readings("李")[0] == "lee"


def test_cantonese_readings_of_simplified_character() -> None:
    assert "chan" in cantonese_readings("陈")


def test_han_runs() -> None:
    assert han_runs("ZHU 朱海仑 (Hailun) 朱") == ["朱海仑", "朱"]


def test_transcription_readings_hold_every_sound_of_a_character() -> None:
    from screening.transliterate.chinese import transcription_readings

    readings = transcription_readings("阿不都")
    assert readings[2][0] == "du"  # 都 as in Abudu, its sound first
    assert "dou" in readings[2]
    assert transcription_readings("哈克")[0][0] == "ha"  # the contextual reading first
    assert len(readings) == 3


@pytest.mark.parametrize(
    ("syllable", "heard"),
    [("xie", "sie"), ("qi", "chi"), ("ci", "tsi"), ("zhan", "jan"), ("ren", "zhen"),
     ("jing", "jin"), ("lü", "lu"), ("shi", "shi"), ("chang", "chan")],
)  # fmt: skip
def test_pinyin_as_heard(syllable: str, heard: str) -> None:
    from screening.transliterate.chinese import pinyin_as_heard

    assert pinyin_as_heard(syllable) == heard
