"""Tests for screening.score.name: golden pairs, ranking and score properties."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from screening.config import DEFAULT_THRESHOLD
from screening.score.name import (
    analyze_name,
    compare_forms,
    compare_traced,
    expand_list_name,
    key_bound,
    names_chinese_given,
    short_english_name,
    uses_person_comparison,
)

GOLDEN = Path(__file__).with_name("golden_pairs.csv")


def _score(query: str, query_schema: str, candidate: str, candidate_schema: str) -> float:
    """Best score over the indexed spellings of the list name, as the screener computes it."""
    form = analyze_name(query, query_schema or None)
    return max(
        compare_forms(form, analyze_name(spelling, candidate_schema or None))
        for spelling in expand_list_name(candidate)
    )


def _golden_rows() -> list[Any]:
    with GOLDEN.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [
        pytest.param(r, id=f"{r['query']} ~ {r['candidate']} -> {r['expect']}") for r in rows
    ]


@pytest.mark.parametrize("row", _golden_rows())
def test_golden_pair(row: dict[str, str]) -> None:
    score = _score(row["query"], row["query_schema"], row["candidate"], row["candidate_schema"])
    assert row["expect"] in ("match", "no")
    if row["expect"] == "match":
        assert score >= DEFAULT_THRESHOLD, score
    else:
        assert score < DEFAULT_THRESHOLD, score


@pytest.mark.parametrize("candidate", ["CAI Yingwen", "蔡英文"])
def test_taiwanese_ing_spelling_matches(candidate: str) -> None:
    assert _score("Tsai Ing-wen", "Person", candidate, "Person") >= DEFAULT_THRESHOLD


TRUE_VARIANTS = [
    "ZHU Hailun",
    "Zhu Hailun",
    "ZHU, Hailun",
    "Hailun Zhu",
    "Zhu Hai Lun",
    "Zhu Hai-lun",
    "Chu Hai-lun",
    "朱海仑",
    "朱海侖",
]
WRONG_NAMES = ["Zhou Hailun", "Zhu Hailong", "Zhu", "Hailun", "Wang Hailun", "Zhu Hailnu Wang"]


@pytest.mark.parametrize("variant", TRUE_VARIANTS)
def test_every_true_variant_outranks_every_wrong_name(variant: str) -> None:
    target = analyze_name("ZHU Hailun", "Person")
    right = compare_forms(analyze_name(variant, "Person"), target)
    wrong = max(compare_forms(analyze_name(w, "Person"), target) for w in WRONG_NAMES)
    assert right > wrong


@pytest.mark.parametrize("wrong", ["Zhou Hailun", "Zhu Hailong", "Zhu", "Hailun"])
def test_right_entity_outranks_the_wrong_one(wrong: str) -> None:
    """A query for ZHU Hailun scores the listed ZHU Hailun above a listed near-miss."""
    query = analyze_name("Chu Hai-lun", "Person")
    right = compare_forms(query, analyze_name("ZHU Hailun", "Person"))
    other = compare_forms(query, analyze_name(wrong, "Person"))
    assert right > other


def test_typo_scores_above_different_syllable() -> None:
    target = analyze_name("ZHU Hailun", "Person")
    typo = compare_forms(analyze_name("Zhu Hailnu", "Person"), target)
    different = compare_forms(analyze_name("Zhu Hailong", "Person"), target)
    assert typo > different


def test_surname_alone_scores_below_given_name_alone_and_full_name() -> None:
    target = analyze_name("ZHU Hailun", "Person")
    full = compare_forms(analyze_name("Zhu Hailun", "Person"), target)
    surname = compare_forms(analyze_name("Zhu", "Person"), target)
    assert surname < DEFAULT_THRESHOLD < full


@pytest.mark.parametrize(
    ("query", "candidate", "schema"),
    [
        ("ZHU Hailun", "Zhu Hailun", "Person"),
        ("ZHU, Hailun", "zhu hailun", "Person"),
        ("朱海侖", "朱海仑", "Person"),
        ("ＺＨＵ Ｈａｉｌｕｎ", "ZHU Hailun", "Person"),
        ("Hikvision Co., Ltd.", "HIKVISION CO LTD", "Company"),
    ],
)
def test_exact_after_normalization_scores_one(query: str, candidate: str, schema: str) -> None:
    q, c = analyze_name(query, schema), analyze_name(candidate, schema)
    assert compare_forms(q, c) == 1.0
    assert compare_traced(q, c)[2] == "exact"


@pytest.mark.parametrize(
    ("query", "candidate", "schema"),
    [
        ("Chu Hai-lun", "ZHU Hailun", "Person"),
        ("Hailun Zhu", "ZHU Hailun", "Person"),
        ("Zhu Hai Lun", "ZHU Hailun", "Person"),
        ("朱海仑", "ZHU Hailun", "Person"),
        ("Hikvision Co., Ltd.", "Hikvision Company Limited", "Company"),
        ("海康威视", "杭州海康威视数字技术股份有限公司", "Company"),
    ],
)
def test_only_exact_matches_score_one(query: str, candidate: str, schema: str) -> None:
    score = compare_forms(analyze_name(query, schema), analyze_name(candidate, schema))
    assert DEFAULT_THRESHOLD <= score < 1.0


def test_person_schema_is_not_compared_as_company() -> None:
    form = analyze_name("ZHU Hailun", "Person")
    assert form.kind == "person"
    assert form.org == ()
    assert analyze_name("Hikvision", "Company").kind == "org"


def test_analyze_name_notes_traditional_script() -> None:
    form = analyze_name("朱海侖", "Person")
    assert form.han == "朱海仑"
    assert any("traditional" in n for n in form.notes)


SYLLABLES = ["zhu", "hai", "lun", "chen", "quan", "guo", "li", "jia", "chao", "xie", "wang"]
syllable_names = st.lists(
    st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=3).map("".join),
    min_size=1,
    max_size=3,
).map(" ".join)
latin_names = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzZH '-,."), min_size=1, max_size=25
).filter(lambda s: any(c.isalpha() for c in s))
han_names = st.text(alphabet=st.sampled_from("朱海仑侖陈陳全国李家超单曾"), min_size=2, max_size=4)
any_names = st.one_of(syllable_names, latin_names, han_names)
schemas = st.sampled_from(["Person", "Company", None])


@settings(max_examples=60, deadline=None)
@given(any_names, any_names, schemas, schemas)
def test_compare_forms_is_in_unit_interval(a: str, b: str, sa: str | None, sb: str | None) -> None:
    score = compare_forms(analyze_name(a, sa), analyze_name(b, sb))
    assert 0.0 <= score <= 1.0


@settings(max_examples=60, deadline=None)
@given(any_names, schemas)
def test_compare_forms_of_a_name_with_itself_is_one(a: str, schema: str | None) -> None:
    form = analyze_name(a, schema)
    assert compare_forms(form, form) == 1.0


def _edit(name: str, at: int, letter: str, kind: int) -> str:
    at %= len(name)
    if kind == 0:
        return name[:at] + letter + name[at:]
    if kind == 1:
        return name[:at] + name[at + 1 :] or name
    return name[:at] + name[at + 1 : at + 2] + name[at : at + 1] + name[at + 2 :]


typo_names = st.builds(
    _edit, syllable_names, st.integers(0, 40), st.sampled_from("aeiougnhx"), st.integers(0, 2)
)
bound_names = st.one_of(syllable_names, typo_names, latin_names, han_names)


@settings(max_examples=400, deadline=None)
@given(bound_names, bound_names, schemas, schemas, st.sampled_from([0.5, 0.7, 0.82, 0.85]))
# A misspelt word of 6 letters merged with 9 reaches 0.8 by letters alone (found by hypothesis).
@example("ZHHunH.u.H", "ZHuaHun.HeHunHa", "Person", "Person", 0.7)
# Long words compared whole: a word read whole against four syllables, di against da.
@example("Natasha Muchniguri", "Natasha Muchinguri", "Person", "Person", 0.85)
@example("Mzshek Sibandi", "Mishek Sibanda", "Person", "Person", 0.85)
def test_floor_never_hides_a_score_that_reaches_it(
    a: str, b: str, sa: str | None, sb: str | None, floor: float
) -> None:
    """The upper bound that lets the scorer skip alignments must be a real bound."""
    q, c = analyze_name(a, sa), analyze_name(b, sb)
    full = compare_forms(q, c)
    bounded = compare_forms(q, c, floor)
    if full >= floor:
        assert bounded == full
    else:
        assert bounded < floor


@pytest.mark.parametrize("row", _golden_rows())
@pytest.mark.parametrize("floor", [0.5, 0.82])
def test_floor_keeps_golden_scores(row: dict[str, str], floor: float) -> None:
    form = analyze_name(row["query"], row["query_schema"] or None)
    for spelling in expand_list_name(row["candidate"]):
        cand = analyze_name(spelling, row["candidate_schema"] or None)
        full = compare_forms(form, cand)
        if full >= floor:
            assert compare_forms(form, cand, floor) == full


@settings(max_examples=400, deadline=None)
@given(bound_names, st.one_of(syllable_names, han_names), schemas)
def test_key_bound_is_a_bound_for_names_of_whole_syllables(
    a: str, b: str, schema: str | None
) -> None:
    """The screener skips a candidate of whole syllables whose key bound is under the floor:
    no comparison may score above that bound."""
    q, c = analyze_name(a, schema), analyze_name(b, "Person")
    loose = any(
        not s.syllable or s.split or s.word_size >= 3
        for words in (c.slots, *c.alternatives)
        for w in words
        for s in w
    )
    if loose or not uses_person_comparison(q, c):
        return
    # Scores are rounded to six decimals; the screener allows for it (its floor less 1e-6).
    assert compare_forms(q, c) <= key_bound(q, frozenset(c.blocking_keys())) + 1e-6


@pytest.mark.parametrize(
    "name",
    ["ANHUI LAND GROUP CO LIMITED", "Smartcom (Hong Kong) Co., Ltd", "Nova Holdings LLC",
     "杭州海康威视数字技术股份有限公司",
     # A long company word misspelt: the person view made `hong` and `kong` parts that
     # outranked the listed GREEN INDUSTRIES HONG KONG LIMITED in retrieval.
     "GREEN INDUSzTRIES HONG KONG LIMTIED", "Acme Trading Compnay"],
)  # fmt: skip
def test_a_name_of_unknown_type_with_a_legal_form_is_an_organisation(name: str) -> None:
    # Read as a person too, its legal-form words were person parts that retrieval counted.
    form = analyze_name(name, None)
    assert form.kind == "org"
    assert form.slots == ()
    assert form.org


@pytest.mark.parametrize(
    "name", ["Li Sa", "The Rock", "Zhang Wei", "朱海仑", "James Grout", "James Holden"]
)
def test_a_name_of_unknown_type_without_a_company_word_stays_open(name: str) -> None:
    form = analyze_name(name, None)
    assert form.kind == "any"
    assert form.slots


@pytest.mark.parametrize(
    ("query", "candidate"),
    [("Eagle Shipping Capital SARL", "Eagle Holdings Corp."), ("Hikvsion", "Hikvision"),
     ("Zhongke Ifnormation Technology", "Zhongke Information Technology"),
     ("Huawei Marine", "Haiwei Marine")],
)  # fmt: skip
def test_memoised_brand_comparison_equals_the_alignment(query: str, candidate: str) -> None:
    # The memo (bound, then alignment, per pair of brands) must give what _aligned gives.
    from screening.score.name import _aligned, _brand_core

    q = analyze_name(query, "Company").org[0].slots
    c = analyze_name(candidate, "Company").org[0].slots
    for floor in (0.0, 0.5, 0.8, 0.95):
        assert _brand_core(q, c, floor) == _aligned(q, c, False, floor)[0]


def test_a_whole_name_match_is_explained_as_one() -> None:
    query = analyze_name("Vicotry Wave Holdings Limited", None)
    listed = analyze_name("Victory Wave Holdings Limited", "LegalEntity")
    score, steps, method = compare_traced(query, listed)
    assert method == "organisation"
    assert score >= DEFAULT_THRESHOLD
    assert [s.reason for s in steps] == ["whole name, letters"]
    assert steps[0].query == "vicotry wave holdings limited"


def test_whole_names_cost_two_typos_like_a_long_word() -> None:
    from screening.score.name import _core_similarity

    short, long = ("sinapack", "elec"), ("china", "aerospace", "science", "corporation")
    one = _core_similarity(short, ("sianpack", "elec"))
    two_short = _core_similarity(short, ("sianpack", "eelc"))
    two_long = _core_similarity(long, ("chia", "aerospace", "science", "orporation"))
    # the second typo costs less than the first, short name or long
    assert one > two_short == two_long >= DEFAULT_THRESHOLD
    assert (1.0 - one) > (one - two_short)
    # three typos are another name, however long
    assert _core_similarity(long, ("chia", "aerospace", "sciance", "orporation")) == 0.0
    # under eight letters no name is compared whole
    assert _core_similarity(("calt",), ("calh",)) == 0.0


def test_a_long_place_may_be_misspelt_twice_beside_a_brand_both_names_hold() -> None:
    from screening.score.name import _core_similarity

    listed = ("beijing", "tianhua", "intl", "co", "ltd")
    assert _core_similarity(("weijin", "tianhua", "intl", "co", "ltd"), listed) >= (
        DEFAULT_THRESHOLD
    )
    # ... not where the place is all the name has (Shengdong is a brand of its own) ...
    assert _core_similarity(("shengdong", "trade", "co", "ltd"), ("shandong", "trade", "co",
                                                                  "ltd")) == 0.0
    # ... and a short place only once (Fuqian, Fujian: one typo; Fuqiao: two).
    assert _core_similarity(("fuqian", "tianhua", "co", "ltd"), ("fujian", "tianhua", "co",
                                                                 "ltd")) > 0.0
    assert _core_similarity(("fuqiao", "tianhua", "co", "ltd"), ("fujian", "tianhua", "co",
                                                                 "ltd")) == 0.0


def test_whole_names_two_letters_swapped_are_a_typo_though_both_read_as_syllables() -> None:
    from screening.score.name import BRAND_EDIT_COST, _core_similarity

    listed = ("beijing", "siyuan", "electronic", "co", "ltd")
    swapped = ("beijing", "siuyan", "electronic", "co", "ltd")
    assert _core_similarity(swapped, listed) == pytest.approx(1.0 - BRAND_EDIT_COST)
    # A letter changed between two syllable words is another company (Ziyuan, Siyuan).
    assert _core_similarity(("beijing", "ziyuan", "electronic", "co", "ltd"), listed) == 0.0


@pytest.mark.parametrize(
    ("query", "listed"),
    [("SME BAKN", "SME BANK"), ("SMP Bnk", "SMP Bank"), ("ISM Temch", "ISM Tech"),
     ("VTB Banl Holding", "VTB Bank Holding")],
)  # fmt: skip
def test_a_short_trade_word_a_typo_off_beside_the_same_brand_is_a_typo(
    query: str, listed: str
) -> None:
    score, steps, _ = compare_traced(analyze_name(query, None), analyze_name(listed, "Company"))
    assert score >= DEFAULT_THRESHOLD
    assert [s.reason for s in steps] == ["one typo in a trade word"]


@pytest.mark.parametrize(
    ("query", "listed"),
    [("SMF BAKN", "SME BANK"),  # the brand differs too
     ("BAKN", "BANK"),  # no brand beside it
     ("SME OIL", "SME GAS"),  # two trade words
     ("SME Bakn Tech", "SME Bank")],  # a word more
)  # fmt: skip
def test_a_trade_word_typo_needs_everything_else_alike(query: str, listed: str) -> None:
    from screening.score.name import _trade_word_typo

    for q in analyze_name(query, "Company").org:
        for c in analyze_name(listed, "Company").org:
            assert _trade_word_typo(q, c) == 0.0


@pytest.mark.parametrize(
    ("query", "listed"),
    [("hOPEN JOINT-STOCK COMPANY ROSNEFT OIL COMPANY",
      "OPEN JOINT-STOCK COMPANY ROSNEFT OIL COMPANY"),
     ("Drex Technologies mS.A.", "Drex Technologies S.A."),
     ("TSS o.", "TSS Co."),
     ("VEB Asia Limeid", "VEB Asia Limited"),  # two typos in a long form
     ("iJnan Tongbaolai Oilfield Equipment Ce. Ltd.",  # and one more in the name
      "Jinan Tongbaolai Oilfield Equipment Co. Ltd.")],
)  # fmt: skip
def test_a_legal_form_misspelt_beside_the_same_name_is_a_typo(query: str, listed: str) -> None:
    score, steps, _ = compare_traced(analyze_name(query, None), analyze_name(listed, "Company"))
    assert DEFAULT_THRESHOLD <= score < 0.99
    assert [s.reason for s in steps] == ["a legal form misspelt"]


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Drex Technologys mS.A.", "Drex Technologies S.A."),  # the name differs too
     ("CEC LlpTD.", "CEC Ltd."),  # two typos in a short form
     ("Co. o.", "Co. Co."),  # no name beside the form
     ("TSS Mining o.", "TSS Co."),  # a word more
     ("Shenzhen Ketong Technology o., Ltd.",  # another syllable: another company
      "Shenzhen Ketang Technology Co., Ltd."),
     ("iJnan Tongbaolai Oilfield Equipmnet Ce. Ltd.",  # three typos
      "Jinan Tongbaolai Oilfield Equipment Co. Ltd.")],
)  # fmt: skip
def test_a_legal_form_typo_needs_the_rest_of_the_name_alike(query: str, listed: str) -> None:
    from screening.score.name import _legal_form_typo

    for q in analyze_name(query, "Company").org:
        for c in analyze_name(listed, "Company").org:
            assert _legal_form_typo(q, c) == 0.0


def test_a_short_word_read_in_pieces_with_a_letter_added_is_that_word_misspelt() -> None:
    from screening.score.name import TYPO_EDIT_COST, _same_word_similarity

    # ``Apye`` reads as ap ye; against the Burmese Pye it is Pye with a letter added, as
    # Ahla is Hla, not a name with a syllable more.
    assert _same_word_similarity("apye", "pye") == 1.0 - TYPO_EDIT_COST
    assert _score("aPye Phyo Tay Za", "Person", "Pye Phyo Tay Za", "Person") >= DEFAULT_THRESHOLD
    # A letter changed as well is another word.
    assert _same_word_similarity("apyo", "pye") == 0.0


@pytest.mark.parametrize(
    ("name", "systems"),
    [("LEE, John Ka-chiu", {"c"}), ("LI, Jiachao", {"p"}), ("TANG, Ping-keung", {"c"}),
     ("Tang Ping", {"p", "c"}), ("李家超", {"p", "c"}), ("Chris Tang Pnig-ming", set())],
)  # fmt: skip
def test_chinese_systems_are_those_every_chinese_word_reads_in(
    name: str, systems: set[str]
) -> None:
    from screening.score.name import chinese_systems

    assert chinese_systems(analyze_name(name, "Person")) == systems


def test_a_query_is_shortened_only_where_the_given_names_cannot_be_compared() -> None:
    from screening.score.name import given_systems, may_shorten

    def forms(*names: str) -> list[Any]:
        return [analyze_name(n, "Person") for n in names]

    pinyin = given_systems(forms("LEE, John", "LI, Jiachao"))
    hong_kong = given_systems(forms("TANG, Chris", "TANG, Ping-keung"))
    assert pinyin == {"p"}
    assert hong_kong == {"c"}
    assert given_systems(forms("WONG, Chris")) == frozenset()  # no given name listed
    assert may_shorten(analyze_name("John Lee Ka-chiu", "Person"), pinyin)
    assert not may_shorten(analyze_name("Chris Tang Ping-ming", "Person"), hong_kong)
    # A misspelt given name reads in neither system: not shortened.
    assert not may_shorten(analyze_name("Chris Tang Pnig-ming", "Person"), pinyin)
    assert may_shorten(analyze_name("Chris Tang Ping-ming", "Person"), frozenset())


def test_two_typos_in_a_long_brand_cost_less_than_two_letters_changed_in_place() -> None:
    from screening.score.name import (
        BRAND_EDIT_COST,
        SECOND_LONG_EDIT_COST,
        Slot,
        _brand_letters,
    )

    def brand(text: str) -> tuple[Slot, ...]:
        return (Slot(text, frozenset({text}), syllable=False),)

    second = 1.0 - BRAND_EDIT_COST - SECOND_LONG_EDIT_COST
    # two neighbours swapped twice, a letter lost and one changed: two typos of a long brand
    assert _brand_letters(brand("friamco"), brand("firmaco")) == pytest.approx(second)
    assert _brand_letters(brand("ehhmann"), brand("hermann")) == pytest.approx(second)
    # two letters changed in place: as often another name, two typos in full
    in_place = _brand_letters(brand("northern"), brand("southern"))
    assert in_place == pytest.approx(1.0 - 2 * BRAND_EDIT_COST)
    assert in_place < second
    # a brand of fewer than seven letters keeps the letters-only discount
    assert _brand_letters(brand("fraair"), brand("faranir")) < second

    def score(query: str, listed: str) -> float:
        return compare_traced(analyze_name(query, None), analyze_name(listed, "Company"))[0]

    assert score("FRIAMCO", "FIRMACO") >= DEFAULT_THRESHOLD
    assert score("EHHMANN", "HERMANN") >= DEFAULT_THRESHOLD
    assert score("Fraair", "Faranir") < DEFAULT_THRESHOLD
    # Beside words on one side only, two typos cost two in full: the full name of one
    # company is not the bare brand of another (hikvision, isvision: a letter lost, one
    # changed).
    assert _brand_letters(brand("hikvision"), brand("isvision"), False) < second
    hikvision = "Hangzhou Hikvision Digital Technology Company Limited"
    assert score(hikvision, "IS'Vision") < DEFAULT_THRESHOLD
    assert score("Hangzhou Hikvsiion Digital Technology Company Limited",
                 "Hangzhou Hikvision Digital Technology Co., Ltd.") >= DEFAULT_THRESHOLD


def test_a_name_written_as_listed_is_compared_as_written() -> None:
    # The list name's only word reads as the trade word optics, one letter away; the query
    # is one typo from the word as written, two from optics.
    query = analyze_name("Tdptics, Inc.", None)
    listed = analyze_name("Toptics, Inc.", "Company")
    assert listed.org[0].core != listed.org[0].written
    score, steps, _ = compare_traced(query, listed)
    assert score >= DEFAULT_THRESHOLD
    assert steps[0].candidate == "toptics inc"


# -- Hong Kong names with an English given name ----------------------------------------


@pytest.mark.parametrize(
    ("name", "english"),
    [("Chris Tang Ping-keung", 0), ("TANG, Chris Ping-keung", 1), ("Tang Ping-keung Chris", 2),
     ("Teresa Cheng Yeuk-wah", 0), ("Carrie Lam Cheng Yuet-ngor", 0),
     ("Chris Tang", -1),  # no Chinese given name beside it
     ("John Smith Lee", -1),  # Smith is no Chinese syllable: a Western name
     ("Chris John Tang Ping", -1),  # two English names
     ("Tang Ping-keung", -1)],
)  # fmt: skip
def test_an_english_given_name_beside_a_full_chinese_name(name: str, english: int) -> None:
    form = analyze_name(name, "Person")
    assert form.english == english
    if english >= 0:
        word = form.slots[english]
        # One word, never syllables (Teresa is not te re sa).
        assert len(word) == 1
        assert not word[0].syllable


def test_a_list_name_is_never_read_without_its_chinese_given_name() -> None:
    listed = analyze_name("TANG, Chris Ping-keung", "Person")
    assert [v.dropped for v in listed.shortened if not v.query_only] == ["chris"]
    # Read as a query, it also stands for TANG, Chris.
    assert [v.dropped for v in listed.shortened if v.query_only] == ["pingkeung"]
    assert _score("Chris Tang", "Person", "TANG, Chris Ping-keung", "Person") < DEFAULT_THRESHOLD


def test_a_name_with_both_given_names_outranks_a_shortened_one() -> None:
    scores = [
        _score("Chris Tang Ping-keung", "Person", listed, "Person")
        for listed in ("TANG, Chris Ping-keung", "TANG, Ping-keung", "TANG, Chris")
    ]
    assert scores == sorted(scores, reverse=True)
    assert len(set(scores)) == 3
    assert min(scores) >= DEFAULT_THRESHOLD


def test_the_query_keeps_its_chinese_given_name_where_asked() -> None:
    q = analyze_name("Chris Tang Ping-keung", "Person")
    short = analyze_name("TANG, Chris", "Person")
    assert compare_forms(q, short) >= DEFAULT_THRESHOLD
    assert compare_forms(q, short, shorten_query=False) < DEFAULT_THRESHOLD
    # A name without an English name scores alike either way.
    plain = analyze_name("Tang Ping-keung", "Person")
    assert compare_forms(plain, short) == compare_forms(plain, short, shorten_query=False)


def test_the_explanation_says_what_was_left_out() -> None:
    q = analyze_name("Chris Tang Ping-keung", "Person")
    score, steps, _ = compare_traced(q, analyze_name("TANG, Ping-keung", "Person"))
    assert score == pytest.approx(0.96)
    assert steps[0].query == "chris"
    assert "left out" in steps[0].reason


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Chris Tang Ping-keung", "TANG, Ping-keung"), ("Chris Tang Ping-ming", "TANG, Ping-keung"),
     ("Carrie Lam Cheng Yuet-ngor", "LAM CHENG, Yuet-ngor"), ("John Lee Ka-chiu", "LEE Ka-chiu")],
)  # fmt: skip
def test_key_bound_holds_for_shortened_names(query: str, listed: str) -> None:
    q, c = analyze_name(query, "Person"), analyze_name(listed, "Person")
    assert compare_forms(q, c) <= key_bound(q, frozenset(c.blocking_keys())) + 1e-6


@pytest.mark.parametrize(
    ("name", "short", "full"),
    [("TANG, Chris", True, False), ("CHENG, Teresa", True, False),
     ("TANG, Ping-keung", False, True), ("LEE, John Ka-chiu", False, True),
     ("鄧炳強", False, True), ("Chris Tang Ping", False, True), ("SMITH, John", False, False),
     ("TANG, Chris John", False, False)],
)  # fmt: skip
def test_short_english_names_and_names_with_a_chinese_given_name(
    name: str, short: bool, full: bool
) -> None:
    form = analyze_name(name, "Person")
    assert short_english_name(form) is short
    assert names_chinese_given(form) is full


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Carrie Lam Cheng Yuet-ming", "LAM CHENG, Carrie Yuet-ngor"),
     ("Chris Tang Ping-ming", "TANG, Chris Ping-keung"),
     ("John Lee Ka-ming", "LEE, John Ka-chiu")],
)  # fmt: skip
def test_a_shared_english_name_does_not_make_up_for_another_chinese_given_name(
    query: str, listed: str
) -> None:
    q, c = analyze_name(query, "Person"), analyze_name(listed, "Person")
    chinese = compare_forms(
        analyze_name(query.split(" ", 1)[1], "Person"), analyze_name(listed, "Person")
    )
    assert compare_forms(q, c) < DEFAULT_THRESHOLD
    # No more than the Chinese names score on their own (the listed name read without its
    # English name costs 0.96 of that).
    assert compare_forms(q, c) <= chinese / 0.96 + 1e-6


def test_two_typos_in_a_long_foreign_word_are_a_misspelling() -> None:
    # Seven letters or more: tsocbar is escobar with two typos, not another word.
    assert _score("Pedro Miguel CARREÑO TSOCBAR", "Person",
                  "Pedro Miguel CARREÑO ESCOBAR", "Person") >= DEFAULT_THRESHOLD  # fmt: skip
    assert _score("MOHMAEX, Abdul Kader Ibrahim", "Person",
                  "MOHAMED, Abdul Kader Ibrahim", "Person") >= DEFAULT_THRESHOLD  # fmt: skip
    # Five letters two typos apart are another name.
    assert _score("Jason Smith", "Person", "Jacob Smith", "Person") < DEFAULT_THRESHOLD


def test_two_typos_in_six_letters_are_a_misspelling_only_where_letters_are_swapped() -> None:
    assert _score("Sregie PODOPRIGOROV", "Person",
                  "Sergei PODOPRIGOROV", "Person") >= DEFAULT_THRESHOLD  # fmt: skip
    # Two letters changed: Rupert is another name than Robert.
    assert _score("Robert Podoprigorov", "Person",
                  "Rupert Podoprigorov", "Person") < DEFAULT_THRESHOLD  # fmt: skip


def test_three_hong_kong_syllables_in_one_word_of_a_longer_name_are_no_chinese_word() -> None:
    # ok-sa-na would make Oksana a Chinese name, its misspelling a different syllable.
    form = analyze_name("Oksana TCHIGRINA", "Person")
    assert [len(word) for word in form.slots] == [1, 1]
    assert _score("Okwana TCHIGRNIA", "Person", "Oksana TCHIGRINA", "Person") >= DEFAULT_THRESHOLD
    # A Hong Kong given name run together is still read.
    assert [s.text for s in analyze_name("LEE Kachiu", "Person").slots[1]] == ["ka", "chiu"]


def test_an_english_given_name_beside_words_no_chinese_name_holds_is_no_hong_kong_name() -> None:
    # Kuruneri spells ku-ru-ne-ri: four syllables are no Chinese surname or given name.
    form = analyze_name("Christopher Tichaona Kuruneri", "Person")
    assert form.english == -1
    assert not form.shortened
    assert _score("Christopheo Tichafona Kuruneri", "Person",
                  "Christopher Tichaona Kuruneri", "Person") >= DEFAULT_THRESHOLD  # fmt: skip
    assert analyze_name("Chris Tang Ping-keung", "Person").english == 0


def test_a_long_word_both_names_read_as_syllables_is_compared_as_a_word() -> None:
    # Sibanda reads si ban da: the typo that makes di of da is a typo in that word.
    assert _score("Mzshek Sibandi", "Person", "Mishek Sibanda", "Person") >= DEFAULT_THRESHOLD
    steps = compare_traced(analyze_name("Mzshek Sibandi", "Person"),
                           analyze_name("Mishek Sibanda", "Person"))[1]  # fmt: skip
    assert any(s.query == "sibandi" and s.candidate == "sibanda" for s in steps)
    # A Chinese given name of two syllables keeps its syllables apart: lin is not lun.
    assert _score("ZHU Hailin", "Person", "ZHU Hailun", "Person") < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Natasha Muchniguri", "Natasha Muchinguri"),  # mu chin gu ri against a word read whole
        ("CHINAMAS, Monica", "CHINAMASA, Monica"),  # four syllables, more than a merge takes
        ("Eduardo PIÑAT", "Eduardo PIÑATE"),  # pin at against pi na te
    ],
)
def test_a_word_read_as_many_syllables_is_compared_whole_with_its_misspelling(
    query: str, listed: str
) -> None:
    assert _score(query, "Person", listed, "Person") >= DEFAULT_THRESHOLD


def test_a_word_read_as_many_syllables_against_itself_read_whole_is_the_same_word() -> None:
    score, steps, _ = compare_traced(analyze_name("JIMMY CHERIZIER", "Person"),
                                     analyze_name("JIMMo CHERIZIER", "Person"))  # fmt: skip
    assert score >= DEFAULT_THRESHOLD
    assert any(s.query == s.candidate == "cherizier" for s in steps)


def test_a_long_brand_one_typo_off_in_the_same_company_name_is_a_typo() -> None:
    listed = "QINSHENG PHARMACEUTICAL TECHNOLOGY CO., LTD."
    # seng for sheng spells another syllable, but nothing else in the name differs.
    assert _score("QINSENG PHARMACEUTICAL TECHNOLOGY CO., LTD.", "Company",
                  listed, "Company") >= DEFAULT_THRESHOLD  # fmt: skip
    # One more typo elsewhere is still two typos.
    assert _score("QINSENG HPARMACEUTICAL TECHNOLOGY CO., LTD.", "Company",
                  listed, "Company") >= DEFAULT_THRESHOLD  # fmt: skip


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # The rest of the name differs: two companies a syllable apart.
        ("Chengdu Xingxin Machinery Co., Ltd.", "Chengdu Xingxing Machinery Group Co., Ltd."),
        # No trade word beside the brands: nothing but the brand to go by.
        ("Beijing Xingxin Co., Ltd.", "Beijing Xingxing Co., Ltd."),
    ],
)
def test_brands_a_syllable_apart_stay_two_companies(query: str, listed: str) -> None:
    assert _score(query, "Company", listed, "Company") < DEFAULT_THRESHOLD


def test_a_syllable_misspelt_with_two_letters_swapped_and_one_more_typo_is_two_typos() -> None:
    # zegn: h left out and g n swapped; the rest of the name agrees.
    assert _score("XU, Zegn", "Person", "XU, Zheng", "Person") >= DEFAULT_THRESHOLD
    assert _score("yPEGN Chunxin", "Person", "PENG Chunxin", "Person") >= DEFAULT_THRESHOLD
    # Two letters changed, no swap: no closer to qiang than to other syllables.
    assert _score("HE Qixg", "Person", "HE Qiang", "Person") < DEFAULT_THRESHOLD


def test_a_listed_misspelling_does_not_take_a_valid_query_syllable_two_typos_away() -> None:
    # pnig is ping with a swap; jing, a valid syllable two typos away, is another name.
    assert _score("Du Jing", "Person", "DU Pnig", "Person") < DEFAULT_THRESHOLD


def test_different_trade_words_share_no_credit_by_their_letters() -> None:
    # industry and instruments share half their letters and nothing else: the brand alone
    # is no match.
    nova = _score(
        "Nova Industries S.A.", "Company", "Shanghai Nova Instruments Co., Ltd.", "Company"
    )
    assert nova < DEFAULT_THRESHOLD
    # A trade word held by both counts, whatever else either holds.
    shared = _score("Hikvision Technology", "Company", "Hikvision Digital Technology", "Company")
    assert shared >= DEFAULT_THRESHOLD
    assert shared > nova
    # ... and so does a misspelt one.
    assert _score(
        "Nova Instrumenst Co.", "Company", "Shanghai Nova Instruments Co., Ltd.", "Company"
    ) >= DEFAULT_THRESHOLD


def test_two_neighbours_swapped_in_a_short_word_are_a_typo_not_a_letter_changed() -> None:
    swapped = _score("Thein Zwa", "Person", "Thein Zaw", "Person")
    assert swapped >= DEFAULT_THRESHOLD
    # A letter changed in three is as often another name.
    assert _score("Thein Zaq", "Person", "Thein Zaw", "Person") < DEFAULT_THRESHOLD


def test_whole_readings_spell_a_word_of_another_romanization_in_pinyin() -> None:
    from screening.score.name import _whole_readings

    def readings(name: str) -> set[str]:
        return _whole_readings(analyze_name(name, "Person").slots[-1])

    assert "jicheng" in readings("Chang Chi-ch'eng")
    assert readings("Tsai Ing-wen") == {"yingwen"}
    # a pinyin word is its own spelling: its prefix and suffix keys find it
    assert "hailun" not in readings("Zhu Hailun")
    # a word that reads as no syllables has no readings to spell
    assert readings("John Smith") == set()


# -- names written in Japanese kana -------------------------------------------------------


def test_kana_name_is_analysed_as_romanized_words_without_legal_forms() -> None:
    form = analyze_name("株式会社カラシニコフ・コンツェルン")
    assert form.kana == ("karashinikofu", "kontserun")
    assert form.kind == "org"  # 株式会社: a company, whatever the caller knew
    assert any("株式会社" in n for n in form.notes)


def test_kana_person_name_keeps_every_word() -> None:
    assert analyze_name("ウラジーミル・プーチン", "Person").kana == ("urajimiru", "puchin")


@pytest.mark.parametrize(
    ("query", "listed", "schema"),
    [
        ("株式会社カラシニコフ・コンツェルン", "JSC Kalashnikov Concern", "Company"),
        ("コンツェルン・カラシニコフ", "Kalashnikov Concern JSC", "Company"),  # words reordered
        ("アエロスキャン有限会社", "Limited Liability Company Aeroscan", "Company"),
        ("ガスプロムネフチ", "Gazprom Neft", "Company"),  # one word for two
        ("セルゲイ・ショイグ", "Sergei Shoigu", "Person"),
        ("ウラジーミル・プーチン", "Vladimir Putin", "Person"),  # v heard as a vowel
        ("ピーター・スミス", "Peter Smith", "Person"),  # English: no r after a vowel, th = s
        ("マーガレット・サッチャー", "Margaret Thatcher", "Person"),
        ("ジョン・スミス", "John Smith", "Person"),  # English: no h after a vowel
    ],
)
def test_kana_transcription_matches_the_latin_name(query: str, listed: str, schema: str) -> None:
    score = compare_forms(analyze_name(query), analyze_name(listed, schema))
    assert 0.85 <= score < 1.0


@pytest.mark.parametrize(
    ("query", "listed", "schema"),
    [
        ("カラシニコフ", "Kalinin Machine Plant", "Company"),
        ("ロスネフチ", "Rostec", "Company"),
        ("セルゲイ・ショイグ", "Sergei Sobyanin", "Person"),
        ("ウラジーミル・プーチン", "Vladimir Popov", "Person"),
        ("ピーター・スミス", "Peter Smirnov", "Person"),
    ],
)
def test_kana_transcription_of_another_name_scores_low(
    query: str, listed: str, schema: str
) -> None:
    assert compare_forms(analyze_name(query), analyze_name(listed, schema)) < 0.8


def test_short_kana_name_is_capped_below_a_match() -> None:
    # ザラ (zara): two consonants are Zala, Sarah and Zero alike.
    assert compare_forms(analyze_name("ザラ"), analyze_name("Zala", "Company")) <= 0.8
    # イジュマシュ (ijumashu, TMS) holds the o of Thomas nowhere.
    assert compare_forms(analyze_name("イジュマシュ"), analyze_name("Thomas", "Company")) <= 0.8


def test_short_kana_name_holding_every_latin_letter_matches() -> None:
    # Three consonants, but every letter of the eight of Zala Aero, vowels too.
    listed = analyze_name("Zala Aero", "Company")
    assert compare_forms(analyze_name("ザラ・アエロ・グループ"), listed) >= 0.85
    assert compare_forms(analyze_name("イジュマシュ"), analyze_name("Izhmash", "Company")) >= 0.85


def test_kana_name_must_hold_the_latin_vowels() -> None:
    # アエロスキャン (aerosukyan) and Aeroskyone share every consonant, not the vowels.
    query = analyze_name("アエロスキャン")
    assert compare_forms(query, analyze_name("AEROSKYONE CO. LTD", "Company")) < 0.8
    assert compare_forms(query, analyze_name("Aeroscan", "Company")) >= 0.9


def test_latin_word_without_consonants_counts_as_missing_from_the_kana_name() -> None:
    # ``Aa`` has no consonant, but its letters are not in ジョン・スミス (jon sumisu).
    query = analyze_name("ジョン・スミス")
    assert compare_forms(query, analyze_name("SMITH, Aa John", "Person")) < 0.85
    assert compare_forms(query, analyze_name("SMITH, John", "Person")) >= 0.9


def test_kana_legal_form_spelt_in_katakana_is_folded() -> None:
    listed = analyze_name("Kalashnikov", "Company")
    assert compare_forms(analyze_name("カラシニコフ・グループ"), listed) >= 0.9


def test_kana_query_against_a_han_name_scores_nothing() -> None:
    listed = analyze_name("卡拉什尼科夫", "Company")
    assert compare_forms(analyze_name("カラシニコフ"), listed) == 0.0


def test_kana_comparison_is_explained() -> None:
    score, steps, method = compare_traced(
        analyze_name("ロスネフチ"), analyze_name("Rosneft", "Company")
    )
    assert method == "loanword"
    assert score >= 0.9
    assert "RSNBT" in steps[0].reason


# -- names mixing Han characters and Latin letters ----------------------------------------


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("TCL科技集团股份有限公司", "TCL Technology Group Corporation"),
        ("CST有限会社", "LLC CST"),  # Japan's list
        ("ABC科技有限公司", "ABC Technology Co., Ltd."),
    ],
)
def test_mixed_script_company_keeps_its_latin_words(query: str, listed: str) -> None:
    form = analyze_name(query, "Company")
    assert form.mixed
    assert any("read as a romanized name" in n for n in form.notes)
    # Near-exact, never exact: the reading crosses scripts.
    assert compare_forms(form, analyze_name(listed, "Company")) == pytest.approx(0.99)


def test_mixed_script_company_of_another_brand_scores_lower() -> None:
    query = analyze_name("ABC科技有限公司", "Company")
    assert compare_forms(query, analyze_name("XYZ Technology Co., Ltd.", "Company")) < 0.6


def test_mixed_script_name_without_type_is_a_company_by_its_han_legal_form() -> None:
    assert analyze_name("CST有限公司").kind == "org"
    # No legal form and no type: left to the Han reading, as a person's name may be.
    assert not analyze_name("李明 Li Ming").mixed
    assert not analyze_name("CST有限公司", "Person").mixed


def test_the_same_mixed_name_on_both_sides_is_exact() -> None:
    assert compare_forms(analyze_name("CST有限会社"), analyze_name("CST有限会社")) == 1.0


# -- foreign names written in Han ---------------------------------------------------------


def test_foreign_name_in_han_is_read_word_by_word_between_its_dots() -> None:
    form = analyze_name("阿不都·哈克", "Person")  # Abdul Haq, a Uyghur name (UK list)
    assert len(form.slots) == 2
    assert [len(w) for w in form.slots] == [3, 2]
    assert any("foreign name written in Han" in n for n in form.notes)


@pytest.mark.parametrize("listed", ["HAKE Abudu", "Abudu Hake"])
def test_foreign_name_in_han_matches_its_pinyin_in_either_order(listed: str) -> None:
    # 都 is du in a transcription, whatever the word for "all" reads.
    score = compare_forms(analyze_name("阿不都·哈克", "Person"), analyze_name(listed, "Person"))
    assert score >= 0.95


def test_foreign_name_in_han_does_not_match_another_name() -> None:
    query = analyze_name("阿不都·哈克", "Person")
    assert compare_forms(query, analyze_name("AXIMU Memetiming", "Person")) < 0.6


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("弗拉基米尔·普京", "Vladimir Putin"),  # 弗 fu for an opening v, 京 jing for tin
        ("罗曼·阿布拉莫维奇", "Roman Abramovich"),
        ("米哈伊尔·米舒斯京", "Mikhail Mishustin"),
        ("叶夫根尼·普里戈任", "Yevgeny Prigozhin"),  # 任 ren for the Russian zh
        ("伊万·彼得罗夫", "PETROV, Ivan"),  # 彼 bi for p
        ("弗雷德·史密斯", "Fred Smith"),  # 史密斯: th heard as s
        ("阿尔卡季·罗滕伯格", "Arkady Rotenberg"),  # 伯格: the r of berg dropped
        ("尤里·科瓦利丘克", "Yury Kovalchuk"),  # 利: the l of Koval written
        ("谢尔盖·纳雷什金", "Sergei Naryshkin"),  # 金 jin for kin; 什 shi
        ("阿利舍尔·乌斯马诺夫", "Alisher Usmanov"),  # 乌 for an u
    ],
)
def test_foreign_name_in_han_matches_the_name_it_transcribes(query: str, listed: str) -> None:
    score, steps, method = compare_traced(
        analyze_name(query, "Person"), analyze_name(listed, "Person")
    )
    assert 0.85 <= score < 1.0
    assert method == "loanword"
    assert "Han read by its sounds" in steps[0].reason


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("罗曼·阿布拉莫维奇", "Roman Abramov"),  # a consonant less is another name
        ("伊万·彼得罗夫", "FEDOROV, Ivan"),  # 彼 is p or b, never f
        ("托马斯·穆勒", "James Muller"),  # 托 tuo is no j
        ("弗拉基米尔·普京", "Vladimir Popov"),
    ],
)
def test_foreign_name_in_han_against_another_name_scores_low(query: str, listed: str) -> None:
    assert compare_forms(analyze_name(query, "Person"), analyze_name(listed, "Person")) < 0.8


# -- patronymics ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Vladimir Putin", "PUTIN, Vladimir Vladimirovich"),
        ("Olga Petrova", "PETROVA, Olga Sergeyevna"),
        ("Yulia Tymoshenko", "TYMOSHENKO, Yulia Volodymyrivna"),  # Ukrainian -ivna
        ("Sergei Viktorovich Lavrov", "LAVROV, Sergei"),  # the query's own
    ],
)
def test_a_patronymic_one_name_lacks_costs_little(query: str, listed: str) -> None:
    score, steps, _ = compare_traced(analyze_name(query, "Person"), analyze_name(listed, "Person"))
    assert score == pytest.approx(0.95)
    assert any("left out" in s.reason for s in steps)


def test_only_a_patronymic_is_left_out() -> None:
    # Another given name is no patronymic; nor is another person's surname.
    assert compare_forms(
        analyze_name("John Smith", "Person"), analyze_name("SMITH, John Michael", "Person")
    ) < 0.85
    assert compare_forms(
        analyze_name("Ivan Petrov", "Person"), analyze_name("IVANOV, Petr Ivanovich", "Person")
    ) < 0.85


@pytest.mark.parametrize("query", ["弗拉基米尔·普京", "ウラジーミル・プーチン"])
def test_a_transcription_matches_the_list_name_with_its_patronymic(query: str) -> None:
    listed = analyze_name("PUTIN, Vladimir Vladimirovich", "Person")
    assert compare_forms(analyze_name(query, "Person"), listed) >= 0.9


def test_kana_name_with_a_particle_matches_the_latin_name_and_its_connector() -> None:
    listed = analyze_name("AL-QAIDA IN IRAQ", "Organization")
    assert compare_forms(analyze_name("イラクのアル・カーイダ"), listed) >= 0.9


# -- Korean names in Hangul ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("김정은", "KIM Jong Un"),
        ("김정은", "Kim Jong-un"),  # the given name hyphenated
        ("리병철", "RI Pyong Chol"),
        ("장성택", "JANG Song Thaek"),
        ("리만건", "RI Man Gon"),  # 건 voiced inside the given name
        ("이명박", "LEE Myung-bak"),  # South Korean: the surname as its bearers spell it
    ],
)
def test_hangul_name_matches_its_romanization(query: str, listed: str) -> None:
    form = analyze_name(query, "Person")
    assert any("Hangul read" in n for n in form.notes)
    assert 0.95 <= compare_forms(form, analyze_name(listed, "Person")) < 1.0


def test_hangul_name_of_another_person_scores_low() -> None:
    query = analyze_name("김정일", "Person")  # Kim Jong Il
    assert compare_forms(query, analyze_name("KIM Jong Un", "Person")) < 0.8
    assert compare_forms(analyze_name("김정은"), analyze_name("김정은")) == 1.0


def test_two_hangul_names_differ_where_their_syllables_do() -> None:
    # 광 and 강 are a letter apart in Latin, different syllables in Hangul.
    assert compare_forms(analyze_name("윤명광"), analyze_name("윤명강")) < 0.8
    # 이 and 리 are one surname, written the South's way and the North's.
    assert compare_forms(analyze_name("이명박"), analyze_name("리명박")) >= 0.95


def test_spaced_words_meet_hyphenated_and_joined_ones() -> None:
    listed = analyze_name("KIM Jong Un", "Person")
    for query in ("Kim Jong-un", "Kim Jongun", "Jong-un Kim"):
        assert compare_forms(analyze_name(query, "Person"), listed) >= 0.95
    assert compare_forms(analyze_name("Kim Jong-il", "Person"), listed) < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Tin Naing-thein", "Tin Naing Thein"),  # Burmese; naing reads as na-ing
        ("Ali Gholam-shakuri", "Ali Gholam Shakuri"),
        ("Maikel Jose Moreno-perez", "Maikel Jose Moreno PEREZ"),
        ("Abdulrahman Ali", "ABDUL RAHMAN, Ali"),
        ("Paul MALONG-awan", "Paul MALONG AWAN"),  # words that read as pinyin syllables
    ],
)
def test_words_joined_on_one_side_meet_the_words_of_the_other(query: str, listed: str) -> None:
    assert compare_forms(analyze_name(query, "Person"), analyze_name(listed, "Person")) >= 0.95


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("김정호", "KIM Yo Jong"),  # a given name is not reordered
        ("손흥민", "SHI Hongmin"),  # Korean syllables are not read as Chinese ones
        ("조연준", "CAO, Yunjun"),  # ... nor as their misspellings
        ("이영희", "YU, Yonggui"),
    ],
)
def test_hangul_name_does_not_match_a_name_a_letter_from_each_syllable(
    query: str, listed: str
) -> None:
    assert compare_forms(analyze_name(query, "Person"), analyze_name(listed, "Person")) < 0.8


def test_hangul_syllables_meet_a_list_name_mixing_systems() -> None:
    # 성 in South Korea's older spelling, 수 in McCune-Reischauer, in one listed name.
    listed = analyze_name("KIM Sung Su", "Person")
    assert compare_forms(analyze_name("김성수", "Person"), listed) >= 0.95


# -- Korean names in Latin letters, across romanizations ----------------------------------


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Kim Jeong-eun", "KIM Jong Un"),  # Revised Romanization against North Korea's own
        ("Lee Byeong-cheol", "RI Pyong Chol"),  # ... the surname as the South spells it
        ("Park Bong-ju", "PAK Pong Ju"),
        ("Jang Seong-taek", "JANG Song Thaek"),
        ("Choi Ryong-hae", "CHOE Ryong Hae"),
        ("Yang Man-gil", "RYANG Man Gil"),  # the initial ㄹ the South drops
        ("Oh Guk-ryeol", "O Kuk Ryol"),
        ("Kim Hee-sun", "KIM Hui Son"),  # South Korea's older spellings
        ("Lee Su-yong", "RI Su Yong"),  # every word of the listed name reads as Mandarin
    ],
)
def test_korean_name_matches_its_spelling_in_another_system(query: str, listed: str) -> None:
    score, steps, _ = compare_traced(analyze_name(query, "Person"), analyze_name(listed, "Person"))
    assert score >= 0.95
    assert any(s.reason.startswith("Korean ") for s in steps)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("KIM Jong Il", "KIM Jong Un"),
        ("KIM Jong Chol", "KIM Jong Il"),
        ("Kim Jeong-il", "KIM Jong Un"),  # the same syllables apart, in another system
        ("Lee Byeong-su", "RI Pyong Chol"),
    ],
)
def test_korean_names_of_different_syllables_score_low(query: str, listed: str) -> None:
    assert compare_forms(analyze_name(query, "Person"), analyze_name(listed, "Person")) < 0.8


def test_korean_syllables_a_letter_apart_stay_a_typo() -> None:
    # 조 Cho and 최 Choe are two surnames, but a letter dropped or added in a Korean name
    # is as often a typo (``Kwo U`` for Kwon U): the score is a typo's, below an exact
    # spelling in another system.
    typo = compare_forms(analyze_name("CHO Ryong Hae", "Person"), analyze_name("CHOE Ryong Hae"))
    system = compare_forms(analyze_name("Choi Ryong-hae", "Person"), analyze_name("CHOE Ryong Hae"))
    assert 0.85 <= typo < system


def test_names_mandarin_reads_are_not_read_as_korean() -> None:
    # ``Han Song`` and ``Wang Bo`` read as Mandarin: no Korean equivalence is added, so a
    # Chinese name is compared as before (``Wang Bo`` = Wade-Giles ``Wang Po`` anyway).
    form = analyze_name("Han Song", "Person")
    assert not any(k.startswith("k:") for w in form.slots for s in w for k in s.keys)
    korean = analyze_name("HAN Song Chol", "Person")  # chol is no Mandarin syllable
    assert any(k.startswith("k:") for w in korean.slots for s in w for k in s.keys)


# -- names of unknown type on both sides -----------------------------------------------------


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Fishenko Alexander", "ALEXANDER FISHENKO"),  # the BIS Denied Persons List: no type
        ("WU, Alex", "ALEX WU"),
        ("Hsu Andrew", "ANDREW HSU"),
    ],
)
def test_legal_entity_person_name_is_compared_as_a_person(query: str, listed: str) -> None:
    q, c = analyze_name(query), analyze_name(listed, "LegalEntity")
    assert uses_person_comparison(q, c)
    assert compare_forms(q, c) >= 0.95


def test_legal_entity_person_name_is_no_letter_match_of_another_person() -> None:
    # Compared as an organisation, whole-name letters gave 0.87 and 0.92.
    peter = analyze_name("Peter Jay", "LegalEntity")
    assert compare_forms(analyze_name("Peter Kaya"), peter) < 0.8
    charlie = analyze_name("CHARLIE KUAN", "LegalEntity")
    assert compare_forms(analyze_name("Charlie Kwan"), charlie) < 0.85


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Beihang Univ", "Beihang University"),  # a generic word: an organisation
        ("Hikvision", "Hangzhou Hikvision Digital Technology Co., Ltd."),  # a legal form
        ("Hikvison", "Hikvision"),  # one word
    ],
)
def test_legal_entity_organisation_name_is_compared_as_an_organisation(
    query: str, listed: str
) -> None:
    q, c = analyze_name(query), analyze_name(listed, "LegalEntity")
    assert not uses_person_comparison(q, c)
    assert compare_forms(q, c) >= 0.9


def test_korean_spelling_chinese_would_split_is_one_syllable_in_any_name() -> None:
    # ``Mynog`` makes the name look like no Korean one; ``kwang`` is still one syllable (not
    # the Hong Kong kwa ng), as in the listed name, so the two meet by their keys.
    query = analyze_name("YUN Mynog kwang", "Person")
    assert ("kwang",) in [tuple(s.text for s in w) for w in query.slots]
    assert compare_forms(query, analyze_name("YUN Myong kwang", "Person")) >= 0.9
