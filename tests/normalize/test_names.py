"""Tests for screening.normalize.names: word splitting, titles and legal forms."""

from __future__ import annotations

from importlib import resources

import pytest

from screening.normalize import names
from screening.normalize.names import (
    canonical_generic,
    drop_titles,
    english_given_names,
    expand_parentheses,
    fold_org_words,
    generic_spelling,
    han_generic_words,
    is_company_word,
    is_english_given_name,
    is_qualifier,
    leading_place,
    near_place,
    split_generic,
    split_han_org,
    split_words,
    strip_han_legal_forms,
    strip_han_place,
    strip_joined_legal,
)


def test_split_words_comma_separates_surname() -> None:
    assert split_words("ZHU, Hailun") == ["zhu", "hailun"]


@pytest.mark.parametrize(
    "name", ['OOO"Gazstroy"', "OOO«Gazstroy»", "OOO “Gazstroy”", "OOO„Gazstroy“"]
)
def test_split_words_quotation_marks_separate_words(name: str) -> None:
    assert split_words(name) == ["ooo", "gazstroy"]


def test_split_words_keeps_hyphen_and_drops_apostrophes() -> None:
    assert split_words("Ch'en Ch'üan-kuo") == ["chen", "chuan-kuo"]


def test_split_words_drops_his_excellency() -> None:
    assert split_words("H.E. Zheng Xia") == ["zheng", "xia"]


def test_split_words_keeps_surname_he() -> None:
    assert split_words("He Fu") == ["he", "fu"]
    assert drop_titles(split_words("He Fu")) == ["he", "fu"]


def test_drop_titles_removes_honorifics() -> None:
    assert drop_titles(split_words("Dr. Zheng Xia")) == ["zheng", "xia"]


def test_drop_titles_keeps_a_name_made_only_of_titles() -> None:
    assert drop_titles(["major"]) == ["major"]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("SU, Hon", ["su", "hon"]),  # a title word after the name is the given name
        ("Hon. LEE Ka-chiu", ["lee", "ka-chiu"]),
        ("HON Wah", ["hon", "wah"]),  # a syllable-title needs two words after it
        ("Mr ZHU", ["zhu"]),
        ("ZHU Hailun Jr.", ["zhu", "hailun"]),
    ],
)
def test_drop_titles_only_before_or_after_the_name(name: str, words: list[str]) -> None:
    assert drop_titles(split_words(name)) == words


@pytest.mark.parametrize(
    ("name", "brand"),
    [
        ("Hikvision Co., Ltd.", "hikvision"),
        ("Hikvision Company Limited", "hikvision"),
        ("Hikvision Co Ltd", "hikvision"),
        ("HIKVISION CO. LIMITED", "hikvision"),
        # Transliterated Russian forms (OOO, AO, ZAO).
        ('Obshchestvo s ogranichennoi otvetstvennostyu "Uralstroy"', "uralstroy"),
        ("Aktsionernoe Obshchestvo Uralstroy", "uralstroy"),
        ("Zakrytoe Aktsionernoe Obshchestvo Uralstroy", "uralstroy"),
        # A misspelt long word of the phrase is still the legal form.
        ("Obshchestvo s ogranichennoi otvetstvenonstyu Uralstroy", "uralstroy"),
        ("Obschestvo s ogranichennoi otvetstvennostyu Uralstroy", "uralstroy"),
        # Open and private joint-stock companies (OJSC, PrJSC) are legal forms too.
        ("Gazprombank Open Joint Stock Company", "gazprombank"),
        ("Private Joint Stock Company Gazprombank", "gazprombank"),
        # One shorter word of a phrase of three or more may be misspelt (real list
        # spellings: PUBLIK, STOK), and a long legal-form word anywhere.
        ("Rushydro Public Joint Jtock Company", "rushydro"),
        ("Pulic Joint Stock Company Gazprom", "gazprom"),
        ("Open Joint Stok Company Rassvet", "rassvet"),
        ("Gazprom Corpoation", "gazprom"),
        # ... and a legal-form word of ten letters or more misspelt twice, a letter added
        # or lost among the typos (real spellings drawn by the typo generator).
        ("Gazprom Corpraotion", "gazprom"),
        ("Gazprom Cropotration", "gazprom"),
        ("Gazprom Incorprated", "gazprom"),
        # ... or a long word of it misspelt twice, where the other words are exact.
        ("Public Joint Stock Copmay Rushydro", "rushydro"),
        # ... or, in a phrase of four, two shorter words misspelt once each.
        ("Publi Joint Saock Company Rushydro", "rushydro"),
        ("Pqublic Joint Stzock Company Gazprom", "gazprom"),
    ],
)
def test_fold_org_words_folds_legal_forms_alike(name: str, brand: str) -> None:
    core, removed = fold_org_words(split_words(name))
    assert core == [brand]
    assert removed


@pytest.mark.parametrize(
    ("name", "core"),
    [
        # Two misspelt shorter words, or one in a phrase of two, are not a legal form.
        ("Point Stok Company Rassvet", ["point", "stok", "rassvet"]),
        ("Joint Stick Rassvet", ["joint", "stick", "rassvet"]),
        # A long word misspelt twice and a short one once: two misspellings.
        ("Public Joint Stok Copmay Rushydro", ["public", "joint", "stok", "copmay", "rushydro"]),
        # A long legal-form word misspelt inside the name is folded all the same.
        ("Aviation Industry Corporatoin of China Ltd", ["aviation", "industry", "of", "china"]),
        # Two letters changed in place reach other words: cooperation is no corporation.
        ("Rassvet Cooperation", ["rassvet", "cooperation"]),
    ],
)
def test_fold_org_words_keeps_words_too_far_from_a_legal_form(name: str, core: list[str]) -> None:
    assert fold_org_words(split_words(name))[0] == core


def test_fold_org_words_folds_synonyms() -> None:
    core, _ = fold_org_words(split_words("Hikvision Digital Technology Co., Ltd."))
    assert core == ["hikvision", "digital", "tech"]


def test_fold_org_words_keeps_a_name_made_only_of_legal_forms() -> None:
    core, _ = fold_org_words(["holding", "company"])
    assert core == ["holding", "company"]


def test_strip_han_legal_forms() -> None:
    core, removed = strip_han_legal_forms("杭州海康威视数字技术股份有限公司")
    assert core == "杭州海康威视数字技术"
    assert removed == ["股份有限公司"]


def test_strip_han_legal_forms_strips_repeatedly() -> None:
    core, removed = strip_han_legal_forms("华为技术集团有限公司")
    assert core == "华为技术"
    assert removed == ["集团有限公司"]


def test_strip_han_legal_forms_never_empties_the_name() -> None:
    assert strip_han_legal_forms("公司") == ("公司", [])


def test_strip_han_place_and_generic_terms() -> None:
    assert strip_han_place("杭州海康威视数字技术") == "海康威视数字技术"
    assert strip_han_place("海康威视") is None
    assert split_han_org("杭州海康威视数字技术") == ("海康威视", ("hangzhou", "digital", "tech"))


def test_split_han_org_strips_trailing_places_and_spells_trade_words_in_english() -> None:
    # 华信船务(香港): the parenthesised place and the trade word go, as Hongkong and
    # Shipping are generic in HUAXIN SHIPPING HONGKONG LTD.
    assert split_han_org("华信船务香港") == ("华信", ("ship", "hongkong"))
    assert split_han_org("厦门市美亚柏科信息") == ("美亚柏科", ("xiamen", "information"))
    # At least two characters stay the brand.
    assert split_han_org("大华") == ("大华", ())
    assert split_han_org("电子科技") == ("电子", ("tech",))


def test_han_generic_words_only_for_names_of_places_and_trade_words() -> None:
    assert han_generic_words("中国电子科技") == ["china", "electronic", "tech"]
    assert han_generic_words("中国船舶") == ["china", "shipbuilding"]
    assert han_generic_words("中国大华科技") is None


def test_canonical_generic_spells_pinyin_trade_words_and_places_one_way() -> None:
    assert canonical_generic("jishu") == ("tech",)
    assert canonical_generic("jinchukou") == ("import", "export")
    assert canonical_generic("macao") == ("macau",)
    assert canonical_generic("zhongguo") == ("china",)
    assert canonical_generic("tech") == ("tech",)


def test_leading_place() -> None:
    assert leading_place(["hangzhou", "hikvision"]) == 1
    assert leading_place(["hong", "kong", "trading"]) == 2
    assert leading_place(["hikvision"]) == 0


def test_expand_parentheses_splits_off_an_acronym() -> None:
    assert expand_parentheses("Xinjiang Production and Construction Corps (XPCC)") == [
        "Xinjiang Production and Construction Corps (XPCC)",
        "Xinjiang Production and Construction Corps",
        "XPCC",
    ]


def test_a_query_is_also_spelt_without_its_parenthesised_part_only() -> None:
    from screening.normalize.names import query_spellings

    assert query_spellings("China North Industries Group Corporation (NORINCO)") == [
        "China North Industries Group Corporation (NORINCO)",
        "China North Industries Group Corporation",
    ]
    assert query_spellings("Zhu Hailun") == ["Zhu Hailun"]
    assert query_spellings("(XPCC)") == ["(XPCC)"]


def test_expand_parentheses_without_parentheses() -> None:
    assert expand_parentheses("ZHU Hailun") == ["ZHU Hailun"]


def test_expand_parentheses_drops_a_single_lower_case_word() -> None:
    assert expand_parentheses("Zhu Hailun (born)") == ["Zhu Hailun (born)", "Zhu Hailun"]


@pytest.mark.parametrize(
    "name",
    [
        "Beifang Shipbuilding (GUANGZHOU) Co Ltd",
        "Well Smart (HK) Technology",
        "Hikvision (Hong Kong) Limited",
        "Bank of Kunlun (Urumqi, Xinjiang Branch)",
        "Dalian Trading (Group) Co",
        "Ocean Star (now Russian Federation)",
        "Jiangnan Works (DALIAN FTZ)",
        "Hikvision (ASIA) Limited",
    ],
)
def test_a_qualifying_part_is_no_alias_of_its_own(name: str) -> None:
    # Indexed alone, the place or office would make every company of that city a match.
    spellings = expand_parentheses(name)
    assert len(spellings) == 2
    assert "(" in spellings[0]
    assert "(" not in spellings[1]


def test_an_acronym_that_is_no_place_stays_an_alias() -> None:
    assert expand_parentheses("Tianjin Economic Area (TEDA)")[-1] == "TEDA"
    assert is_qualifier("Shenzhen")
    assert is_qualifier("Urumqi, Xinjiang Branch")
    assert not is_qualifier("CSSC")
    assert not is_qualifier("Hikvision")


def test_split_generic_separates_brand_from_trade_words() -> None:
    assert split_generic(["hikvision", "digital", "tech"]) == (["hikvision"], ["digital", "tech"])


def test_split_generic_joins_syllables_of_a_generic_word() -> None:
    assert split_generic(["huawei", "ke", "ji"]) == (["huawei"], ["keji"])


def test_split_generic_keeps_all_words_when_nothing_is_distinctive() -> None:
    assert split_generic(["digital", "tech"]) == (["digital", "tech"], [])


def test_strip_joined_legal_drops_spelt_out_pinyin_legal_form() -> None:
    assert strip_joined_legal(["huawei", "you", "xian", "gong", "si"]) == ["huawei"]
    assert strip_joined_legal(["huawei", "youxian", "gongsi"]) == ["huawei"]


def test_strip_joined_legal_never_empties_the_name() -> None:
    assert strip_joined_legal(["gongsi"]) == ["gongsi"]


def test_a_brand_one_letter_from_a_trade_word_stays_the_brand() -> None:
    # siyuan is one edit from ziyuan (resources), but nothing else could be the brand.
    assert split_generic(["xinjiang", "siyuan", "information", "tech"]) == (
        ["siyuan"],
        ["xinjiang", "information", "tech"],
    )


def test_a_misspelt_trade_word_is_still_generic_beside_a_brand() -> None:
    # ... and is read as the trade word it misspells, folded as names fold it
    distinctive, generic = split_generic(["zhiya", "technolgy"])
    assert distinctive == ["zhiya"]
    assert generic == ["tech"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["beijing", "inst", "of", "tgchnology"], ["beijing", "inst", "of", "tech"]),
        (["aviation", "xndustry", "of", "china"], ["aviation", "industry", "of", "china"]),
        (["globa", "tradng"], ["global", "trade"]),
    ],
)
def test_a_name_of_trade_words_only_keeps_them_as_its_brand_spelt_right(
    words: list[str], expected: list[str]
) -> None:
    # Nothing is distinctive: the whole name is the brand, as for the name spelt right.
    assert split_generic(words) == (expected, [])


def test_a_word_two_typos_from_a_trade_word_is_rather_a_misspelt_brand() -> None:
    # weniyuan (Weiyuan misspelt) is two edits from nengyuan (energy)
    assert split_generic(["beijing", "weniyuan", "electronic"]) == (
        ["weniyuan"],
        ["beijing", "electronic"],
    )


@pytest.mark.parametrize(
    ("word", "expected"),
    [("tgchnology", "tech"), ("guanzhou", "guangzhou"), ("internaitonal", "intl"),
     ("hikvision", "hikvision"), ("tech", "tech")],
)  # fmt: skip
def test_generic_spelling(word: str, expected: str) -> None:
    assert generic_spelling(word) == expected


@pytest.mark.parametrize("name", ["Nova Bauer Energy FZH", "Falcon Kaya Capital bFZE",
                                  "Orion Blue Trading SARI", "Delta Blue Marine PLX"])  # fmt: skip
def test_misspelt_trailing_legal_forms_are_folded(name: str) -> None:
    core, removed = fold_org_words(split_words(name))
    assert len(core) == 3
    assert len(removed) == 1


def test_a_title_written_as_the_surname_of_surname_comma_given_is_kept() -> None:
    assert drop_titles(split_words("MX, Guang"), surname_first=True) == ["mx", "guang"]
    assert drop_titles(split_words("Mx Guang")) == ["guang"]


def test_short_phrase_words_may_hold_one_typo_per_phrase() -> None:
    # "stock" is short, but "joint ... company" around it pins the phrase down; two
    # misspelt short words do not.
    assert fold_org_words(["joint", "stokc", "company", "abc"])[0] == ["abc"]
    assert fold_org_words(["jiont", "stokc", "company", "abc"])[0] == ["jiont", "stokc", "abc"]


@pytest.mark.parametrize(
    ("words", "brand"),
    [
        # A misspelt place first, a brand one letter from another place or trade word.
        (["guanzhou", "datian", "machinery"], ["datian"]),
        (["bkeijing", "xinghai", "trade"], ["xinghai"]),
        # Of two words near trade words, the one that reads as syllables is the brand.
        (["tangxin", "information", "tecnhology"], ["tangxin"]),
        (["xinjiatng", "hengyuan", "tech"], ["hengyuan"]),
        # A five-letter word one letter short of a six-letter trade word.
        (["globa", "kaya", "ship"], ["kaya"]),
    ],
)
def test_misspelt_places_and_trade_words_leave_the_brand(
    words: list[str], brand: list[str]
) -> None:
    assert split_generic(words)[0] == brand


def test_a_misspelt_place_beside_trade_words_is_read_like_the_right_spelling() -> None:
    assert split_generic(["sheznhen", "tongxin", "machinery"]) == (
        ["shenzhen", "tongxin", "machinery"],
        [],
    )


def test_near_place() -> None:
    assert near_place("guangzhou")
    assert near_place("guanzhou")
    assert near_place("xinjiatng")
    assert near_place("shsnhgai")  # two edits, reads as no syllables
    assert not near_place("zhongxing")  # two edits from chongqing, but reads as syllables
    assert not near_place("hikvision")
    assert not near_place("dahua")


@pytest.mark.parametrize("name", ["kekuang trading group c ltd", "shiya tech o ltd", "okafor sv"])
def test_what_is_left_of_a_misspelt_legal_form_is_folded(name: str) -> None:
    assert fold_org_words(name.split())[0] in (["kekuang", "trade"], ["shiya", "tech"], ["okafor"])


def test_a_short_syllable_before_a_legal_form_in_a_syllable_by_syllable_name() -> None:
    assert fold_org_words(["hong", "bo", "co", "ltd"])[0] == ["hong", "bo"]


def test_a_short_syllable_ends_a_name_written_syllable_by_syllable() -> None:
    words = ["xia", "men", "tai", "yuan", "ke", "ji", "gu", "fen", "you", "xian", "gong", "si"]
    assert fold_org_words(words)[0] == words


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("sterling rossi shipping ze", ["sterling", "rossi", "ship"]),
        ("nanjing yixing tech group po ltd", ["nanjing", "yixing", "tech"]),
    ],
)
def test_a_short_syllable_elsewhere_may_be_a_misspelt_legal_form(
    name: str, core: list[str]
) -> None:
    assert fold_org_words(name.split())[0] == core


def test_split_generic_of_no_words() -> None:
    assert split_generic([]) == ([], [])


def test_the_english_given_names_table_is_sorted_unique_lower_case_ascii() -> None:
    path = resources.files("screening.normalize").joinpath("data").joinpath(
        names.ENGLISH_GIVEN_NAMES_FILE
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#")  # provenance first
    entries = [line for line in lines if line and not line.startswith("#")]
    assert entries == sorted(set(entries))
    assert all(e.isascii() and e.isalpha() and e.islower() for e in entries)
    assert frozenset(entries) == english_given_names()


@pytest.mark.parametrize("word", ["chris", "carrie", "john", "erick", "teresa"])
def test_english_given_names_are_known(word: str) -> None:
    assert is_english_given_name(word)


@pytest.mark.parametrize("word", ["tang", "kachiu", "smith", "chirs"])
def test_other_words_are_no_english_given_names(word: str) -> None:
    assert not is_english_given_name(word)


def test_an_english_given_name_that_is_a_chinese_syllable_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Ben, Kim, Sam are Chinese given names as often: never read as English ones.
    monkeypatch.setattr(names, "english_given_names", lambda: frozenset({"ben", "kim", "sam"}))
    assert not any(is_english_given_name(w) for w in ("ben", "kim", "sam"))


@pytest.mark.parametrize(
    ("word", "company"),
    [("ltd", True), ("limtied", True), ("compnay", True), ("corpoation", True),
     ("holdin", True), ("grout", False), ("holden", False), ("hailun", False)],
)  # fmt: skip
def test_is_company_word_allows_one_typo_in_long_words_only(word: str, company: bool) -> None:
    assert is_company_word(word) is company


@pytest.mark.parametrize(
    ("name", "core"),
    [
        # OFAC writes JOINT-STOCK COMPANY as often as JOINT STOCK COMPANY.
        ("Open Joint-Stock Company Sibir Energy", ["sibir", "energy"]),
        ("CREDIT URAL BANK JOINT-STOCK COMPANY", ["credit", "ural", "bank"]),
        # Other hyphenated words stay one word.
        ("Coca-Cola Joint Stock Company", ["cocacola"]),
        # Short and full words of a phrase mix freely.
        ("Ltd Liability Company Aeroscan", ["aeroscan"]),
        ("Limited Liability Co. Aeroscan", ["aeroscan"]),
        ("Closed Joint Stock Co. Aeroscan", ["aeroscan"]),
        ("Aeroscan Company Ltd", ["aeroscan"]),
        # The longest phrase wins where two overlap: not "group limited" and a stray
        # "liability".
        ("Avia Group Limited Liability Company", ["avia"]),
        ("SAAMEN COMPANY, Limited Liability Company", ["saamen"]),
    ],
)
def test_legal_form_phrases_are_read_in_full_and_across_hyphens(
    name: str, core: list[str]
) -> None:
    assert fold_org_words(split_words(name))[0] == core


@pytest.mark.parametrize(
    ("name", "core"),
    [
        # A word a letter from a legal form is one only among the legal forms at the
        # end, however many words those take: sea (SA) is the brand's here, with LLC or
        # with Limited Liability Company alike.
        ("Gulf Gate Sea Cargo LLC", ["gulf", "gate", "sea", "cargo"]),
        ("Gulf Gate Sea Cargo Limited Liability Company", ["gulf", "gate", "sea", "cargo"]),
        ("Sterling Rossi Shipping ZE", ["sterling", "rossi", "ship"]),
        ("Nanjing Yixing Tech Group Po., Ltd.", ["nanjing", "yixing", "tech"]),
        # At the start, only a misspelling of a form of four letters or more, and of one
        # as short as four only by swapped letters.
        ("JOSC Gazprom", ["gazprom"]),
        ("Holdigs Delta", ["delta"]),
        ("CSSC Offshore Marine", ["cssc", "offshore", "marine"]),
        ("AL Qaeda", ["al", "qaeda"]),
        ("CK International Ltd", ["ck", "intl"]),
        ("Pavo Trading Pte. Ltd.", ["pavo", "trade"]),
        # Russian forms misspelt at the end, but not a Chinese syllable one letter from
        # them (Tao, Gao), nor a four-letter acronym a letter from CJSC.
        ("LUKOIL tOAO", ["lukoil"]),
        ("KRIOGENMASH OPO", ["kriogenmash"]),
        ("Golden Tao", ["golden", "tao"]),
        ("China Aerospace Corporation (CASC)", ["china", "aerospace", "casc"]),
        # The Russian AO opens or ends a name; inside a Chinese one it is a syllable.
        ("AO Shvabe", ["shvabe"]),
        ("SG MSK, AO", ["sg", "msk"]),
        ("Ling Ao Electronic Technology Co., Ltd.", ["ling", "ao", "electronic", "tech"]),
        ("Xiamen Ao Xin Co Ltd", ["xiamen", "ao", "xin"]),
    ],
)
def test_misspelt_legal_forms_are_folded_only_where_legal_forms_stand(
    name: str, core: list[str]
) -> None:
    assert fold_org_words(split_words(name))[0] == core


@pytest.mark.parametrize(
    "name",
    [
        "Bazalt Pvt. Ltd.", "Bazalt Private Limited", "Bazalt Pte Ltd", "Bazalt FZ-LLC",
        "Bazalt DMCC", "Bazalt Co. W.L.L.", "Bazalt S.A. de C.V.", "Bazalt LLP",
        "Bazalt Limited Liability Partnership", "PT Bazalt Tbk", "FSUE Bazalt",
        "Federal State Unitary Enterprise Bazalt", "Bazalt Sociedad Anonima",
        "Bazalt Société Anonyme", "Bazalt Gesellschaft mit beschränkter Haftung",
        "Bazalt PrJSC", "Bazalt Sendirian Berhad", "Bazalt Sp. z o.o.", "Bazalt EOOD",
    ],
)  # fmt: skip
def test_legal_forms_of_many_countries_are_folded(name: str) -> None:
    assert fold_org_words(split_words(name))[0] == ["bazalt"]


def test_pt_is_a_legal_form_only_where_it_opens_a_name() -> None:
    assert fold_org_words(split_words("Delta PT Solutions"))[0] == ["delta", "pt", "solutions"]
