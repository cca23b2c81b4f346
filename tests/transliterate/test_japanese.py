"""Tests for screening.transliterate.japanese: kana in Hepburn, loanword skeletons."""

from __future__ import annotations

import pytest

from screening.transliterate.japanese import (
    as_english_heard,
    has_kana,
    japanese_words,
    kana_to_romaji,
    loan_letters,
    loan_skeleton,
)


@pytest.mark.parametrize(
    ("kana", "romaji"),
    [
        ("カラシニコフ", "karashinikofu"),
        ("アエロスキャン", "aerosukyan"),  # small ya joins the syllable before it
        ("ウラジーミル", "urajimiru"),  # the long-vowel mark is dropped
        ("ショイグ", "shoigu"),  # shi + small yo = sho
        ("コンツェルン", "kontserun"),  # tsu + small e = tse
        ("ティムール", "timuru"),  # te + small i = ti (a loanword spelling)
        ("ファーウェイ", "fawei"),
        ("マッチ", "matchi"),  # a small tsu doubles the next consonant (t before ch)
        ("がっこう", "gakkou"),  # hiragana reads as katakana
        ("ヴォルガ", "voruga"),
    ],
)
def test_kana_to_romaji_follows_hepburn(kana: str, romaji: str) -> None:
    assert kana_to_romaji(kana) == romaji


def test_kana_to_romaji_keeps_other_characters() -> None:
    assert kana_to_romaji("NPO イジュマシュ") == "NPO ijumashu"


def test_has_kana() -> None:
    assert has_kana("株式会社カラシニコフ")
    assert has_kana("ひらがな")
    assert not has_kana("杭州海康威视")  # Han alone is Chinese, not Japanese
    assert not has_kana("Kalashnikov")
    assert not has_kana("・")  # the middle dot alone is punctuation


@pytest.mark.parametrize(
    ("latin", "romaji"),
    [
        ("kalashnikov", "karashinikofu"),  # l = r, v = f
        ("rosneft", "rosunefuchi"),  # the soft t written chi
        ("gazprom", "gasupuromu"),  # z = s
        ("concern", "kontserun"),  # soft c = ts
        ("aeroscan", "aerosukyan"),
        ("izhmash", "ijumashu"),  # zh = j
        ("sergei", "serugei"),
        ("technopark", "tekunoparuku"),  # ch before n is k
    ],
)
def test_loan_skeleton_of_a_word_and_its_transcription_agree(latin: str, romaji: str) -> None:
    assert loan_skeleton(latin) == loan_skeleton(romaji)


@pytest.mark.parametrize(
    ("a", "b"),
    [("kalashnikov", "kalinin"), ("rosneft", "rostec"), ("sergei", "sorokin"), ("putin", "pupin")],
)
def test_loan_skeleton_tells_other_words_apart(a: str, b: str) -> None:
    assert loan_skeleton(a) != loan_skeleton(b)


def test_loan_skeleton_drops_vowels_and_repeats() -> None:
    assert loan_skeleton("aero") == "R"
    assert loan_skeleton("matchi") == "MT"
    assert loan_skeleton("aaa") == ""


def test_japanese_words_split_kana_latin_and_kanji() -> None:
    words, legal, kanji = japanese_words("エーレベル航空システムズCST有限会社")
    assert words == ["ereberu", "shisutemuzu", "CST"]
    assert legal == ["有限会社"]
    assert kanji == ["航空"]  # a translation (aero): no reading compares it


def test_japanese_words_split_legal_forms_off_kanji_runs() -> None:
    words, legal, kanji = japanese_words("株式会社学術生産団体イジュマシュ")
    assert words == ["ijumashu"]
    assert legal == ["株式会社"]
    assert kanji == ["学術生産団体"]


def test_japanese_words_split_at_middle_dots_and_spaces() -> None:
    assert japanese_words("公開 株式会社 NPO イジュマシュ")[0] == ["NPO", "ijumashu"]
    assert japanese_words("ウラジーミル・プーチン")[0] == ["urajimiru", "puchin"]


def test_japanese_words_join_a_word_split_before_a_long_vowel_or_small_kana() -> None:
    # No kana word begins with ー or a small kana: the space is a slip of typing.
    assert japanese_words("ザラ・アエロ・グル ープ有限会社")[0] == ["zara", "aero", "gurupu"]
    assert japanese_words("公開株式会社イジ ュマシュ")[0] == ["ijumashu"]
    assert japanese_words("ザラ アエロ")[0] == ["zara", "aero"]


def test_loan_letters_keep_vowels_and_read_an_opening_v_as_a_vowel() -> None:
    assert loan_letters("aeroscan") == "aeRoSKaN"
    assert loan_letters("vladimir") == "uRaTiMiR"  # ウラジーミル: the v heard as u
    assert loan_letters("ivan") == "iBaN"  # not before a consonant: a consonant


@pytest.mark.parametrize(
    ("word", "heard"),
    [("peter", "pete"), ("smith", "smis"), ("john", "jon"), ("parker", "pake"),
     ("sergei", "segei"), ("ivan", "ivan")],
)
def test_as_english_heard_drops_silent_letters(word: str, heard: str) -> None:
    assert as_english_heard(word) == heard


def test_chinese_classes_keep_b_with_p_and_apart_from_f() -> None:
    assert loan_skeleton("bideluofu", han=True) == loan_skeleton("petrov", han=True)
    assert loan_skeleton("fedorov", han=True) != loan_skeleton("petrov", han=True)
    # Japanese writes b, v, w and f alike, and p apart.
    assert loan_skeleton("fedorov") == loan_skeleton("bedorob")


def test_particle_no_separates_words_and_puts_what_follows_first() -> None:
    # イラクのアル・カーイダ: Al-Qaida in Iraq.
    assert japanese_words("イラクのアル・カーイダ")[0] == ["aru", "kaida", "iraku"]
    # の inside a word written in hiragana is no particle.
    assert japanese_words("のぞみ")[0] == ["nozomi"]
