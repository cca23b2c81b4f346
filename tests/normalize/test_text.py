"""Tests for screening.normalize.text: Unicode clean-up before comparison."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from screening.normalize.text import clean, fold_homoglyphs, has_han, strip_diacritics


def test_nfkc_folds_full_width_letters_to_ascii() -> None:
    assert clean("ＺＨＵ　Ｈａｉｌｕｎ") == "ZHU Hailun"


def test_zero_width_characters_are_removed() -> None:
    assert clean("ZHU\u200b Hai\u200dlun\ufeff") == "ZHU Hailun"


def test_whitespace_is_collapsed_and_stripped() -> None:
    assert clean("  ZHU \t\n Hailun  ") == "ZHU Hailun"


def test_cyrillic_es_inside_latin_word_is_folded_to_latin_c() -> None:
    cleaned = clean("\u0421hen Quanguo")  # Cyrillic capital ES
    assert cleaned == "Chen Quanguo"
    assert cleaned.isascii()


def test_real_cyrillic_word_is_left_alone() -> None:
    assert clean("Владимир") == "Владимир"
    assert fold_homoglyphs("Владимир Путин") == "Владимир Путин"


def test_greek_omicron_inside_latin_word_is_folded() -> None:
    assert fold_homoglyphs("Ch\u03bfu") == "Chou"


def test_case_and_punctuation_are_kept() -> None:
    assert clean("Ch'en Ch'üan-kuo, Jr.") == "Ch'en Ch'üan-kuo, Jr."


def test_strip_diacritics() -> None:
    assert strip_diacritics("Ch'üan") == "Ch'uan"
    assert strip_diacritics("êrh") == "erh"
    assert strip_diacritics("Müller Gómez") == "Muller Gomez"


def test_strip_diacritics_leaves_han_alone() -> None:
    assert strip_diacritics("朱海侖") == "朱海侖"


def test_has_han() -> None:
    assert has_han("ZHU Hailun 朱海仑")
    assert not has_han("ZHU Hailun")


@given(st.text(max_size=40))
def test_clean_is_idempotent(text: str) -> None:
    once = clean(text)
    assert clean(once) == once


@given(
    st.text(
        alphabet=st.sampled_from("AaCcEeHhOoPpСсЕеОоРрНнΑαΟοἀü\u200b\u00a0 ,'-朱海侖ＡＢ"),
        max_size=30,
    )
)
def test_clean_is_idempotent_on_mixed_scripts(text: str) -> None:
    once = clean(text)
    assert clean(once) == once
