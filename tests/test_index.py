"""Tests for screening.index: candidate retrieval."""

from __future__ import annotations

import gc
from collections.abc import Callable

import pytest

from screening import Screener
from screening.index import (
    MAX_CANDIDATES,
    NEAR_WHOLE_TWO_WEIGHT,
    NEAR_WHOLE_WEIGHT,
    NameIndex,
    _query_sizes,
)
from screening.model import Entity
from screening.score.name import NameForm, analyze_name

ENTITIES = [
    Entity(id="eu-6251", schema="Person", names=("ZHU Hailun",)),
    Entity(id="p-chen", schema="Person", names=("CHEN Quanguo",)),
    Entity(id="p-smith", schema="Person", names=("John Smith",)),
    Entity(
        id="c-xpcc",
        schema="Company",
        names=("Xinjiang Production and Construction Corps (XPCC)",),
    ),
]


@pytest.fixture(scope="module")
def index() -> NameIndex:
    return NameIndex(ENTITIES)


def _ids(index: NameIndex, name: str, schema: str | None = "Person") -> list[str]:
    return [ref.entity_id for ref in index.candidates(analyze_name(name, schema))]


def test_index_files_every_spelling(index: NameIndex) -> None:
    # the XPCC name is filed as written, without the parentheses and as the acronym
    assert len(index) == 3 + 3
    assert {ref.name for ref in index.all_names()} >= {"ZHU Hailun", "John Smith"}


@pytest.mark.parametrize("query", ["Chu Hai-lun", "Ch'en Ch'üan-kuo", "朱海侖"])
def test_wade_giles_or_han_query_retrieves_the_pinyin_name(index: NameIndex, query: str) -> None:
    expected = "p-chen" if "en" in query else "eu-6251"
    assert expected in _ids(index, query)


def test_misspelt_word_still_retrieves(index: NameIndex) -> None:
    assert "eu-6251" in _ids(index, "Hailnu Zhu")
    assert "p-smith" in _ids(index, "Jonh Smiht")


def test_acronym_retrieves_the_organisation(index: NameIndex) -> None:
    assert "c-xpcc" in _ids(index, "XPCC", "Company")


def test_unrelated_query_retrieves_nothing(index: NameIndex) -> None:
    assert _ids(index, "Qqq") == []


def test_candidates_never_exceed_max_candidates() -> None:
    given_names = ["Hailun", "Wei", "Jun", "Xiaoming", "Guoqiang", "Lihua", "Jianguo", "Yong"]
    surnames = ["Zhu", "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu"]
    entities = [
        Entity(id=f"e{i}-{j}-{k}", schema="Person", names=(f"{s} {g} {g2}",))
        for i, s in enumerate(surnames)
        for j, g in enumerate(given_names)
        for k, g2 in enumerate(given_names[:3])
    ]
    big = NameIndex(entities)
    assert len(big) > MAX_CANDIDATES
    found = big.candidates(analyze_name("Zhu Hailun Wei", "Person"))
    assert len(found) == MAX_CANDIDATES
    assert "e0-0-1" in [ref.entity_id for ref in found]
    assert len(big.candidates(analyze_name("Zhu Hailun", "Person"), limit=5)) == 5


def _crowded_list() -> list[Entity]:
    """Many persons sharing the syllables of the query, so that retrieval must rank."""
    given = ["Na", "Jia", "Jun", "Qi", "Li", "Ming", "Hua", "Wei", "Yan", "Hong"]
    surnames = ["Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu"]
    people = [
        Entity(id=f"p-{s}-{g}-{k}", schema="Person", names=(f"{s.upper()} {g}{x}",))
        for s in surnames
        for g in given
        for k, x in enumerate(("", "na", "jia"))
    ]
    return [*people, Entity(id="p-bai-na", schema="Person", names=("BAI, Na",))]


def test_swapped_letters_in_a_short_word_still_retrieve() -> None:
    """``ABI`` reads as no syllable; undoing the swap (bai) finds ``BAI, Na`` in a crowd."""
    crowded = NameIndex(_crowded_list())
    ids = [ref.entity_id for ref in crowded.candidates(analyze_name("ABI, Na", "Person"))]
    assert "p-bai-na" in ids


def test_two_letters_swapped_in_a_word_of_two_still_retrieve() -> None:
    """``iY`` reads as nothing and is on no list; beside a surname that files more names
    than a search returns, its swap (yi) is what finds ``WANG, Yi``."""
    from screening.transliterate._syllables import PINYIN

    # As many WANGs of one-syllable given names as a search returns, and more.
    given = sorted(s for s in PINYIN if s != "yi")[:150]
    crowd = [
        Entity(id=f"p-wang-{g}", schema="Person", names=(f"WANG, {g.title()}",)) for g in given
    ]
    crowded = NameIndex([*crowd, Entity(id="p-wang-yi", schema="Person", names=("WANG, Yi",))])
    ids = [ref.entity_id for ref in crowded.candidates(analyze_name("WANG, iY", "Person"))]
    assert "p-wang-yi" in ids


def test_three_letters_that_read_as_nothing_look_up_their_swaps_and_dropped_letters() -> None:
    index = NameIndex(
        [Entity(id="zaw", schema="Person", names=("Zaw Min",)),
         Entity(id="smic", schema="Company", names=("SMIC",))]
    )  # fmt: skip
    zwa = analyze_name("Zwa Min", "Person").slots[0]
    assert {"r:zaw"} <= set().union(*(g for g, _ in index._dropped_letter_groups(zwa, "zwa")))
    smi = analyze_name("SMI", "Company").org[0].slots
    assert {"r:smic"} <= set().union(*(g for g, _ in index._dropped_letter_groups(smi, "smi")))


def test_one_entity_cannot_fill_the_candidates_alone() -> None:
    aliases = tuple(f"Huaxin Microelectronics {n}" for n in ("A", "B", "C", "D", "E"))
    many = [Entity(id="c-many", schema="Company", names=("Huaxin Holdings", *aliases))]
    others = [
        Entity(id=f"c-{i}", schema="Company", names=(f"Huaxin Microelectronics {i}",))
        for i in range(MAX_CANDIDATES)
    ]
    index = NameIndex(many + others)
    refs = index.candidates(analyze_name("Huaxin Microelectronics", "Company"))
    assert sum(ref.entity_id == "c-many" for ref in refs) <= 3
    assert len({ref.entity_id for ref in refs}) >= MAX_CANDIDATES - 3


def test_trade_words_rank_the_right_company_among_shared_brands() -> None:
    trades = ["Shipbuilding", "Aerospace", "Semiconductor", "Chemical", "Industrial"]
    entities = [
        Entity(id=f"c-{t}-{i}", schema="Company", names=(f"Huaxin {t} Co Ltd",))
        for t in trades
        for i in range(20)
    ]
    entities.append(Entity(id="c-micro", schema="Company", names=("Huaxin Microelectronics",)))
    refs = NameIndex(entities).candidates(
        analyze_name("Zhuhai Huaxin Microeletronics Corporation", "Company")
    )
    assert "c-micro" in {ref.entity_id for ref in refs}


def test_a_wider_search_allows_more_spellings_per_entity() -> None:
    words = ("Alpha", "Beta", "Gamma", "Delta", "Kappa", "Sigma", "Omega", "Zeta")
    aliases = tuple(f"Huaxin Trading {word}" for word in words)
    entities = [Entity(id="many", schema="Company", names=aliases)]
    entities += [
        Entity(id=f"o{i}", schema="Company", names=(f"Huaxin Trading Branch {i}",))
        for i in range(300)
    ]
    index = NameIndex(entities)
    form = analyze_name("Huaxin Trading", "Company")
    narrow = [r for r in index.candidates(form, MAX_CANDIDATES) if r.entity_id == "many"]
    wide = [r for r in index.candidates(form, 4 * MAX_CANDIDATES) if r.entity_id == "many"]
    assert len(narrow) == 3
    assert len(wide) > 3


def test_common_parts_are_walked_when_rare_parts_find_too_few_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # With four names sharing it, "mansour" is a common part here; the query's rare parts
    # (a misspelt "Ibahim") find only an unrelated name.
    monkeypatch.setattr("screening.index.COMMON_POSTING", 2)
    entities = [
        Entity(id="target", schema="Person", names=("Abrahem Mansour",)),
        Entity(id="ali", schema="Person", names=("Ali Mansour",)),
        Entity(id="omar", schema="Person", names=("Omar Mansour",)),
        Entity(id="samir", schema="Person", names=("Samir Mansour",)),
        Entity(id="other", schema="Person", names=("Ibanez Lopez",)),
    ]
    index = NameIndex(entities)
    found = {r.entity_id for r in index.candidates(analyze_name("Ibahim Mansour", "Person"))}
    assert "target" in found


def test_a_word_counts_once_however_many_readings_hold_it() -> None:
    # The person and the organisation view of a name of unknown type hold the same word.
    groups = [frozenset(g) for g, _ in analyze_name("Lian", None).key_groups(expand=True)]
    assert groups.count(frozenset({"c:lian", "p:lian", "r:lian"})) == 1


def test_one_edit_repairs_only_for_chinese_looking_or_short_words() -> None:
    def repaired(name: str) -> bool:
        form = analyze_name(name, "Person")
        plain = {frozenset(g) for g, _ in form.key_groups()}
        return any(frozenset(g) not in plain for g, _ in form.key_groups(expand=True))

    # No syllable anywhere and six letters or more: not worth the cost of repairs.
    assert not repaired("Liangx Visserr")
    assert repaired("Wagn Ymyu")  # no syllable anywhere, but short words
    assert repaired("Zhanv Jia")


def test_names_of_equal_content_share_a_form_id() -> None:
    index = NameIndex(
        [
            Entity(id="a", schema="Person", names=("ZHU Hailun",)),
            Entity(id="b", schema="Person", names=("Zhu Hailun",)),
            Entity(id="c", schema="Person", names=("Zhu Hailong",)),
        ]
    )
    ids = {ref.entity_id: index.form_ids[ref.ref_id] for ref in index.all_names()}
    assert ids["a"] == ids["b"]
    assert ids["a"] != ids["c"]


@pytest.mark.parametrize("query", ["Wang Wei", "Wang Hailun", "Li Wei Trading", "Zhang Wen"])
def test_common_parts_rank_alike_by_postings_or_by_keys(
    monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    # Many names share the surnames, so they are common parts counted for the names found.
    given = ("wei", "hailun", "wen", "jun", "ming", "hong", "lei", "tao", "bo", "jie")
    entities = [
        Entity(id=f"{s}-{g}-{i}", schema="Person", names=(f"{s} {g} {i}",))
        for s in ("wang", "li", "zhang")
        for g in given
        for i in range(12)
    ]
    monkeypatch.setattr("screening.index.COMMON_POSTING", 30)
    index = NameIndex(entities)
    form = analyze_name(query, None)
    monkeypatch.setattr("screening.index.POSTINGS_PER_FOUND", 10_000)
    by_postings = [r.ref_id for r in index.candidates(form)]
    monkeypatch.setattr("screening.index.POSTINGS_PER_FOUND", 0)
    by_keys = [r.ref_id for r in index.candidates(form)]
    assert by_postings == by_keys
    assert len(by_keys) == MAX_CANDIDATES


@pytest.mark.parametrize("enabled", [True, False])
def test_building_leaves_the_garbage_collector_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        NameIndex(ENTITIES)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("TAG Li", "TANG Li"),
        ("WAG, Piggcheng", "WANG, Pingcheng"),
        ("LIv, Jiaxiang", "LIU Jiaxiang"),
    ],
)
def test_a_missing_or_wrong_letter_in_a_common_name_still_retrieves(
    query: str, listed: str
) -> None:
    # Many names share the other parts, so only the repaired word ranks the listed name.
    others = [
        Entity(id=f"o{i}", schema="Person", names=(f"{s} {g}",))
        for i, (s, g) in enumerate(
            (s, g)
            for s in ("Li", "Tan", "Ta", "Wa", "Lin", "Cheng", "Wei", "Tian")
            for g in ("Li", "Jiaxiang", "Pingcheng", "Hong", "Ming", "Wei", "Jun", "Tao", "Liang")
        )
    ]
    index = NameIndex([*others, Entity(id="target", schema="Person", names=(listed,))])
    found = [r.entity_id for r in index.candidates(analyze_name(query, "Person"), limit=10)]
    assert "target" in found


def test_repairs_do_not_count_a_word_twice() -> None:
    # "aho" reads as a + ho (ho also spells he); its repairs must not bring "he" again.
    groups = [g for g, _ in analyze_name("CUI, aHo", "Person").key_groups(expand=True)]
    assert sum("p:he" in g for g in groups) == 1
    assert any("p:hao" in g for g in groups)


def test_a_misspelt_brand_is_looked_up_as_the_whole_word_it_misspells() -> None:
    # Zhong and tian are common syllables; only the whole word zhongtian is rare.
    others = [
        Entity(id=f"o{i}", schema="Company", names=(f"Changsha {b} Aerospace Group Co., Ltd.",))
        for i, b in enumerate(
            f"{x}{y}" for x in ("Zhong", "Tian", "Hua", "Xin") for y in ("xin", "hua", "da", "tian")
        )
        if b != "Zhongtian"
    ]
    target = Entity(id="target", schema="Company", names=("Zhongtian Aerospace",))
    index = NameIndex([*others, target])
    form = analyze_name("Changsha Zhhongtian Aerospace Group Co. Ltd.", "Company")
    assert "target" in [r.entity_id for r in index.candidates(form, limit=5)]


def test_only_unreadable_words_are_looked_up_as_repaired_whole_words() -> None:
    def whole_word_keys(name: str) -> set[str]:
        groups = analyze_name(name, "Person").key_groups(expand=True)
        return {k for g, _ in groups for k in g if k.startswith("w:")}

    assert "w:zhongtian" in whole_word_keys("Zhhongtian Li")
    assert whole_word_keys("Yangan Li") == set()  # reads as yang an: more likely right


def test_neighbours_are_listed_words_one_typo_away() -> None:
    entities = [
        Entity(id=f"e{i}", schema="Company", names=(f"{word} LLC",))
        for i, word in enumerate(("Aviatrans", "Promtrans", "Logistics", "Avtotrans"))
    ]
    index = NameIndex(entities)
    assert index.neighbours("avatrans") == {"aviatrans"}  # a letter missing
    assert index.neighbours("promtarns") == {"promtrans"}  # two letters swapped
    assert index.neighbours("logisstics") == {"logistics"}  # a letter too many
    assert index.neighbours("logistica") == {"logistics"}  # a wrong letter
    assert index.neighbours("aviotrans") == {"aviatrans", "avtotrans"}
    assert index.neighbours("aviatrans") == set()  # the word itself is no neighbour
    assert index.neighbours("avotrens") == set()  # two typos


def test_neighbours_are_words_filed_whole_of_four_letters_or_more() -> None:
    index = NameIndex(
        [
            Entity(id="zhang", schema="Person", names=("ZHANG Xiaoming",)),
            Entity(id="ivan", schema="Person", names=("Ivan Popov", "Li Bo")),
            Entity(id="hw", schema="Company", names=("Huawei Marine",)),
        ]
    )
    # xiaoming and huawei are filed whole (w:), popov and ivan too (r:); bo has two letters
    assert index.neighbours("xiaomong") == {"xiaoming"}
    assert index.neighbours("huawqei") == {"huawei"}
    assert index.neighbours("popv") == {"popov"}
    assert index.neighbours("ivam") == {"ivan"}
    assert index.neighbours("cetcx") == set()
    assert index.neighbours("bok") == set()


def test_four_letter_words_only_look_up_unreadable_neighbours() -> None:
    index = NameIndex(
        [
            Entity(id="rion", schema="Company", names=("Shenzhen Rion Technology",)),
            Entity(id="cetc", schema="Company", names=("CETC",)),
            Entity(id="huang", schema="Person", names=("HUANG Wei",)),
        ]
    )
    # Iron reads as no syllables, nor does Rion: a brand one typo away
    assert _near(index, analyze_name("Shenzhen Iron Technology")) == [{"r:rion"}]
    # a five-letter word finds a four-letter one it has a letter too many for
    assert _near(index, analyze_name("CEpTC")) == [{"r:cetc"}]
    # uang is a misspelt syllable as often as not: huang reads, and is left to the repairs
    assert _near(index, analyze_name("Uang Wei")) == []
    # a four-letter word that reads is a name of its own
    assert _near(index, analyze_name("Huan Wei")) == []


def test_only_rare_words_that_look_misspelt_look_up_their_neighbours() -> None:
    entities = [
        Entity(id="hw", schema="Company", names=("Huawei Marine",)),
        Entity(id="xl", schema="Person", names=("ZHANG Xiaoling",)),
    ]
    index = NameIndex(entities)
    misspelt = _near(index, analyze_name("Huawqei Marine", "Company"))
    assert misspelt == [{"w:huawei"}]
    # reads as more syllables than its letters should hold: hu ao ei
    assert _near(index, analyze_name("Huaoei Marine", "Company")) == [{"w:huawei"}]
    # xiaoming reads as syllables: Xiaoling, one letter away, is another name
    assert _near(index, analyze_name("ZHANG Xiaoming", "Person")) == []


def _near(index: NameIndex, form: NameForm) -> list[set[str]]:
    return [group for group, _ in index._neighbour_groups(form)]


def _numbered(prefix: str, schema: str, names: list[str]) -> list[Entity]:
    """One entity per name, with ids ``prefix-0``, ``prefix-1``..."""
    return [Entity(id=f"{prefix}-{i}", schema=schema, names=(n,)) for i, n in enumerate(names)]


def test_a_misspelt_word_finds_the_cluster_it_misspells(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Only the common end "-ans" is shared by the misspelt query word and the brand it
    # misspells; dozens of other companies share that end too.
    monkeypatch.setattr("screening.index.COMMON_POSTING", 20)
    index = NameIndex(
        _numbered("other", "Company", [f"Tr{'a' * (i % 5)}ns{i} Kans LLC" for i in range(80)])
        + _numbered("avia", "Company", [f'OOO "Aviatrans {i}"' for i in range(5)])
    )
    found = {r.entity_id for r in index.candidates(analyze_name('"Avatrans" OOO', "Company"))}
    assert {f"avia-{i}" for i in range(5)} <= found


def test_common_parts_are_walked_while_an_unfound_name_could_outrank_the_last(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The rare part ("Faial", 70 names) finds more names than the candidates hold, none with
    # the surname; the names sharing the common parts (the surname, the "fai-" start) with
    # a misspelt first name must still be candidates.
    monkeypatch.setattr("screening.index.COMMON_POSTING", 75)
    firsts = ("Omar", "Hamza", "Karim", "Tariq", "Yusuf", "Saeed", "Ali", "Khalid")
    index = NameIndex(
        _numbered("faial", "Person", [f"Faial {firsts[i % 8]}{i}" for i in range(70)])
        + _numbered("nasr", "Person", [f"Faissal Nasrallah {first}" for first in firsts])
        + _numbered("other", "Person", [f"{firsts[i % 8]}{i} Nasrallah" for i in range(80)])
    )
    found = {r.entity_id for r in index.candidates(analyze_name("Faial Nasrallah", "Person"))}
    assert {f"nasr-{i}" for i in range(8)} <= found


def test_a_query_of_unknown_type_is_sized_as_a_person_and_as_an_organisation() -> None:
    form = analyze_name("GUIZHOU AVIATION TECH DEV NAT")
    # as a person, one slot a syllable or word; as a company, the brand alone (nat), or
    # the brand and its four trade words (as list names of trade words alone file them)
    assert _query_sizes(form) == {len(form.flat), 1, 5}
    assert _query_sizes(analyze_name("Guizhou Aviation Tech. Dev. Nat.", "Company")) == {1, 5}


def test_a_company_of_one_brand_slot_is_not_ranked_out_by_person_sized_names() -> None:
    index = NameIndex(
        [
            Entity(id="nat", schema="Company", names=("Guizhou Aviation Tech. Dev. Nat.",)),
            *_numbered("p", "Person", [f"GUI Zhouwen Natan{i}" for i in range(10)]),
        ]
    )
    # Sized as a person only (six slots), the query put the one-slot company last.
    query = analyze_name("GUIZHOU AVIATION TECH DEV NAT")
    assert index.candidates(query, 3)[0].entity_id == "nat"


def test_trade_words_of_a_query_find_list_names_made_only_of_trade_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A list name with no brand files its trade words as the brand: a query whose brand is
    # misspelt shares nothing else with it.
    monkeypatch.setattr("screening.index.COMMON_POSTING", 20)
    index = NameIndex(
        [
            *_numbered("other", "Company", [f"Chin{i} Trading Co Ltd" for i in range(80)]),
            Entity(id="csi", schema="Company", names=("CHINA SHIPBUILDING INDUSTRY POWER CO",)),
        ]
    )
    query = analyze_name("CHINB SHIPBUILDING INDUSTRY POWER CO")
    assert "csi" in {r.entity_id for r in index.candidates(query)}


def test_a_word_read_as_a_misspelt_trade_word_also_finds_the_brand_it_is_written_as() -> None:
    groups = [g for g, _ in analyze_name("Wxui Beetech Inc.").key_groups(expand=True)]
    assert {"r:beetech"} in groups  # beetech reads as biotech, two letters away
    # a synonym of a trade word (shipping = ship) is no misspelling
    groups = [g for g, _ in analyze_name("Shipping Atlantic LLP").key_groups(expand=True)]
    assert {"r:shipping"} not in groups
    # the index files a list name's words as they are: only queries look further
    assert "r:beetech" not in analyze_name("Wxui Beetech Inc.").blocking_keys()


def test_a_word_put_right_as_a_trade_word_is_filed_as_written_by_list_names_only() -> None:
    # Toptics reads as optics (one letter away): a query one typo from Toptics must find it
    assert "r:toptics" in analyze_name("Toptics, Inc.", "Company").blocking_keys()
    # A query does not look its misspelling up as written: one list alias misspelt alike
    # was a part of its own, ended the walk, and the 32 Huaxin Microelectronics companies
    # went unfound.
    query = analyze_name("Zhuhai Huaxin Microeletronics Corporation")
    assert all("r:microeletronics" not in g for g, _ in query.key_groups(expand=True))


def test_a_listed_word_one_typo_away_counts_as_the_parts_of_the_query_word() -> None:
    index = NameIndex([Entity(id="anvik", schema="Company", names=("Anvik Technologies",))])
    form = analyze_name("Annik Tehcnologies")
    # annik reads as an nik: two slots (and its two ends), less one
    assert index._neighbour_groups(form) == [({"r:anvik"}, 2.0)]


def test_a_search_asked_again_for_more_returns_what_a_fresh_one_would(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Small walk budgets, so that wider requests walk parts the narrower ones did not.
    monkeypatch.setattr("screening.index.COMMON_POSTING", 10)
    monkeypatch.setattr("screening.index.WALK_PER_CANDIDATE", 2)
    firsts = ["Wei", "Jun", "Li", "Ming", "Hua", "Jian", "Lin", "Yan"]
    index = NameIndex(
        [
            *_numbered("wang", "Person", [f"WANG {f}{g}" for f in firsts for g in firsts]),
            *_numbered("zhang", "Person", [f"ZHANG {f}{g}" for f in firsts for g in firsts]),
            *_numbered("co", "Company", [f"{f}{g} Trading Co Ltd" for f in firsts for g in firsts]),
        ]
    )
    for query in ("Wang Weiming", "ZHANG Liyan", "Weiming Trading", "Wamg Jun"):
        form = analyze_name(query)
        search = index.search(form)
        for limit in (4, 16, 64):
            assert search.candidates(limit) == index.candidates(form, limit), (query, limit)


def test_each_word_of_an_organisation_brand_files_its_own_ends() -> None:
    index = NameIndex([Entity(id="ac", schema="LegalEntity", names=("ANTHONY CHAN",))])
    # Both words misspelt: the brand's ends (ant-, -han) are lost, the first word's end is not
    assert _ids(index, "MNTHONY CHrAN", "LegalEntity") == ["ac"]
    keys = analyze_name("Oooo Invsetural", "Company").blocking_keys()
    # four-letter words file no ends of their own: they are the word again
    assert "pre:inv" in keys
    assert "suf:ooo" not in keys


def test_each_unreadable_word_of_an_organisation_brand_looks_up_its_neighbours() -> None:
    index = NameIndex([Entity(id="inv", schema="Company", names=('OOO "Investural"',))])
    groups = _near(index, analyze_name('OOOO "Invsetural"', "Company"))
    assert {"r:investural"} in groups


def test_neighbours_two_typos_away_are_found_by_table_lookup() -> None:
    index = NameIndex(
        _numbered("c", "Company", ["OJSC Gazprom", "GOODREACH", "Taghtiran", "Inresbank LLC"])
    )
    assert index.neighbours("gahprovm", typos=2) == {"gazprom"}  # a wrong letter, one extra
    assert index.neighbours("tgaghtian", typos=2) == {"taghtiran"}  # one extra, one missing
    # the listed word needs two letters left out: a wrong letter and a missing one, two
    # wrong letters, two pairs swapped
    assert index.neighbours("hoodrech", typos=2) == {"goodreach"}
    assert index.neighbours("inrezbanq", typos=2) == {"inresbank"}
    assert index.neighbours("niresbnak", typos=2) == {"inresbank"}
    assert index.neighbours("ogodraech", typos=2) == {"goodreach"}
    # one typo unless asked for two; three typos are too many
    assert index.neighbours("gahprovm") == set()
    assert index.neighbours("hoodrecha", typos=2) == set()
    # two typos include one
    assert index.neighbours("gozdreach", typos=2) == {"goodreach"}


def test_only_long_words_look_up_listed_words_two_typos_away() -> None:
    index = NameIndex(_numbered("c", "Company", ["OJSC Gazprom", "Volga Group LLC"]))
    assert _near(index, analyze_name("OJSC Gahprovm", "Company")) == [{"r:gazprom"}]
    # six letters hold too many listed words two typos away: one typo only
    assert _near(index, analyze_name("Vmolgq Group LLC", "Company")) == []


def test_listed_words_two_typos_away_are_capped_nearest_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Many listed words two typos from the query word: only the few sharing the most
    # letters with it are looked up, so that one word cannot flood the retrieval.
    monkeypatch.setattr("screening.index.TWO_TYPO_NEIGHBOURS", 3)
    # two wrong letters (six letters of eight in common) and Goodreach (seven)
    words = [*(f"H{c}odr{c}ch" for c in "bdfgjk"), "Goodreach"]
    index = NameIndex(_numbered("c", "Company", [f"{w} LLC" for w in words]))
    (group,) = _near(index, analyze_name("Hoodrech LLC", "Company"))
    assert group == {"r:goodreach", "r:hbodrbch", "r:hdodrdch"}


def test_a_long_word_two_typos_from_a_listed_word_finds_its_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Both ends of the word are wrong (moc-/-cog against mos-/-cow) and the rest of the
    # name is common: only the listed word two typos away finds Bank of Moscow.
    monkeypatch.setattr("screening.index.COMMON_POSTING", 20)
    index = NameIndex(
        [
            *_numbered("bank", "Company", [f"Bank of Trade{i}" for i in range(80)]),
            Entity(id="moscow", schema="Company", names=("Bank of Moscow",)),
        ]
    )
    found = [r.entity_id for r in index.candidates(analyze_name("Bank of Mocscog", "Company"), 5)]
    assert found[0] == "moscow"


def test_three_unreadable_letters_look_up_the_listed_words_they_drop_a_letter_of() -> None:
    index = NameIndex(
        _numbered("c", "Company", ["Avia Group LLC", "SMIC Tianjin", "Xing Trading Ltd"])
    )
    assert _near(index, analyze_name("Ava Group LLC", "Company")) == [{"r:avia"}]
    assert _near(index, analyze_name("SMI Tianjin", "Company")) == [{"r:smic"}]
    # a syllable is a name of its own (Xin), and a substitution is not a dropped letter
    assert _near(index, analyze_name("Xin Trading Ltd", "Company")) == []
    assert _near(index, analyze_name("Avla Group LLC", "Company")) == [{"r:avia"}]
    assert _near(index, analyze_name("Aza Group LLC", "Company")) == []


def test_a_three_letter_brand_missing_a_letter_finds_its_name() -> None:
    names = ["Avia Group LLC", *(f"Avan Group {i} LLC" for i in range(80))]
    screener = Screener(_numbered("c", "Company", names))
    found = [m.matched_name for m in screener.screen("Ava Group LLC", schema="Company")]
    assert "Avia Group LLC" in found


def test_a_short_common_name_is_found_when_its_rare_parts_find_too_few_names() -> None:
    # On a full-size list li and yi each file thousands of names; the company reading of
    # `Li Yi` (unknown type) has rare parts of its own (`liy-`, `-iyi`) that find none of
    # them. The walk must go on into the common parts until it has found enough names.
    given = [a + b for a in ("ming", "hua", "jian", "guo", "hong", "ping", "jun", "lin")
             for b in ("tao", "bin", "gang", "xin", "hai", "qiang", "wen", "long")]  # fmt: skip
    names = [f"{surname}, {given[i % len(given)].capitalize()}"
             for surname in ("LI", "YI") for i in range(1_000)]  # fmt: skip
    index = NameIndex(_numbered("p", "Person", [*names, "LI, Yi"]))
    query = analyze_name("Li Yi", None)
    assert sum(len(index.postings[k]) for k in ("p:li", "p:yi")) > 30 * MAX_CANDIDATES
    assert "LI, Yi" in {ref.name for ref in index.candidates(query)}


def _found(index: NameIndex, query: str, schema: str = "Company") -> set[str]:
    return {r.entity_id for r in index.candidates(analyze_name(query, schema))}


def test_a_misspelt_trade_word_finds_the_names_that_file_it_as_a_trade_word() -> None:
    # ``Banl`` is no trade word to the analysis: the query's brand is ``vtb banl``, while the
    # listed VTB Bank is the brand vtb and the trade word bank, among a hundred VTB names
    # that share the brand alone and rank above it by their other rare words.
    index = NameIndex(
        [
            Entity(id="target", schema="Company", names=("VTB Bank PJSC",)),
            *_numbered("vtb", "Company", [f"VTB Leasing Kapital{i} LLC" for i in range(90)]),
            *_numbered("bank", "Company", [f"Kredit{i} Bank" for i in range(30)]),
        ]
    )
    assert "target" in _found(index, "VTB Banl PJSC")


def test_a_name_of_trade_words_is_found_when_the_query_misspells_its_place() -> None:
    # The list name, a place and trade words only, files them all as its brand (six
    # slots); with the place misspelt the query's brand is one word and the rest are trade
    # words: it must not lose to short names for the difference in brand size.
    index = NameIndex(
        [
            Entity(
                id="target",
                schema="Company",
                names=("China Aerospace Science and Industry Corporation",),
            ),
            *_numbered("jia", "Company", [f"Jia{i} Industry Ltd" for i in range(80)]),
            *_numbered("chi", "Company", [f"Chi{i} Aerospace Ltd" for i in range(40)]),
        ]
    )
    assert "target" in _found(index, "Chia Aerospace Science and Industry Corporation")


def test_a_trade_word_misspelt_twice_is_looked_up_with_the_place_beside_it() -> None:
    # ``Unievrity`` is two typos from university; the listed name is a place and that trade
    # word, filed as syllables and a word; every other university shares the trade word.
    index = NameIndex(
        [
            Entity(id="target", schema="Company", names=("Sichuan University",)),
            *_numbered("univ", "Company", [f"Kexue{i} University" for i in range(90)]),
        ]
    )
    assert "target" in _found(index, "Sichuan Unievrity")


def test_a_name_written_as_the_query_is_always_a_candidate() -> None:
    # Read as a person, the query's aviation files three parts (the word and its ends)
    # that list names made only of places and trade words file as their brand, and the
    # listed name, whose aviation is a trade word, does not: ranked by parts alone, it fell
    # behind sixty of them.
    places = ["Beijing", "Shanghai", "Tianjin", "Chongqing", "Harbin", "Chengdu", "Wuhan",
              "Nanjing", "Hefei", "Jinan", "Qingdao", "Dalian", "Shenyang", "Changsha",
              "Nanchang", "Fuzhou", "Xiamen", "Kunming", "Lanzhou", "Taiyuan"]  # fmt: skip
    index = NameIndex(
        [
            Entity(id="nat", schema="LegalEntity", names=("Guizhou Aviation Tech. Dev. Nat.",)),
            *_numbered("a", "Company", [f"{p} Aviation Industry" for p in places * 4]),
        ]
    )
    # Letters alike, spaces and punctuation aside.
    for query in ("GUIZHOU AVIATION TECH DEV NAT", "Guizhou Aviation TechDev Nat"):
        found = index.candidates(analyze_name(query))
        assert "nat" in [ref.entity_id for ref in found]


def test_a_short_organisation_name_one_typo_off_is_found_whole() -> None:
    # The brand's typo leaves it no key of the listed brand (epi, spi), and its trade word
    # files eighty other companies: word for word run together, it is one typo away.
    index = NameIndex(
        [
            Entity(id="spi", schema="Company", names=("SPI International",)),
            *_numbered("i", "Company", [f"{c}{d} International" for c in "ABCDFGH" for d in
                                        ("ola", "ima", "eta", "uro", "ixa", "ara", "ona",
                                         "ula", "ika", "osa", "ena", "yra")]),
        ]
    )  # fmt: skip
    for query in ("EPI International", "SPI Intrnational", "SP International", "Spii Intl"):
        found = [ref.entity_id for ref in index.candidates(analyze_name(query, "Company"))]
        assert "spi" in found, query
    assert index.near_whole(analyze_name("EPI International", "Company")) == [
        (0, NEAR_WHOLE_WEIGHT)
    ]
    # Two typos away in a name of more than twelve letters, or a name too short to tell,
    # is not found this way.
    assert index.near_whole(analyze_name("EPU International", "Company")) == []
    assert index.near_whole(analyze_name("SPI", "Company")) == []


def test_a_short_organisation_name_two_typos_off_is_found_whole_below_one_typo_off() -> None:
    index = NameIndex(_numbered("c", "Company", ["Kiovan Ltd", "Giovan Ltd", "Giovanni Holdings"]))
    found = index.near_whole(analyze_name("Kiouan Ltd", "Company"))
    # kiovanltd one typo away, giovanltd two, giovanniholdings too far
    assert found == [(0, NEAR_WHOLE_WEIGHT), (1, NEAR_WHOLE_TWO_WEIGHT)]


def test_a_name_one_typo_from_too_many_names_finds_none_of_them_whole() -> None:
    # Twenty-six names one letter from ``Sino Ltd``: no evidence which one is meant.
    letters = "abcdefghijklmnopqrstuvwxyz"
    index = NameIndex(_numbered("c", "Company", [f"Sino{c} Ltd" for c in letters]))
    assert index.near_whole(analyze_name("Sino Ltd", "Company")) == []
    # A name written as listed is still found by its letters.
    found = index.candidates(analyze_name("Sinoq Ltd", "Company"))
    assert "c-16" in [ref.entity_id for ref in found]


#: Pinyin syllables none of the crowded names' targets holds, and given names made of two.
_SYLLABLES = (
    "an", "bo", "dong", "fang", "gang", "hua", "jun", "kai", "lin", "ming",
    "ning", "ping", "rong", "song", "tao", "wei", "xin", "yan", "zhi", "hong",
    "de", "fu", "guo", "hai", "jian", "kang", "li", "mei", "qiang", "shan",
)  # fmt: skip
_GIVENS = [a + b for a in _SYLLABLES for b in _SYLLABLES if a != b]


def _sharing_syllables_with_zhang_jicheng() -> list[str]:
    """Hundreds of names that share each of ZHANG Jicheng's syllables (more than a part of
    a query may file to count as rare), and a few whose words begin as a Wade-Giles
    spelling of him does (cha-, chi-). His prefix in Wade-Giles (chi-) is no pinyin name's,
    and his syllables are common: the walk stops at its budget before him."""
    surnames = ["WANG", "LIU", "HE", "SUN", "MA", "GAO", "LUO", "ZHAO", "XU", "HU", "GUO"]
    surnames += ["LIN", "TANG", "YANG"]
    names = [f"ZHANG, {g}" for g in _GIVENS[:420]]
    names += [f"{x}, Ji{s}" for x in surnames for s in _SYLLABLES]
    names += [f"{x}, {s}cheng" for x in surnames for s in _SYLLABLES]
    names += [f"CHAO, {g}" for g in _GIVENS[420:480]]
    return names + [f"{x}, Chi{s}" for x in surnames[:2] for s in _SYLLABLES]


def _sharing_syllables_with_kong_yong() -> list[str]:
    """Hundreds of names with kong or gong and with yong, and a few whose words begin or
    end as a Wade-Giles spelling of KONG Yong does (kun-, yun-, -ung): a name of two
    common syllables has no rare part of its own."""
    others = ("SUN", "MA", "GAO", "LUO", "ZHAO")
    names = [f"KONG {g.title()}" for g in _GIVENS[:220]]
    names += [f"GONG {g.title()}" for g in _GIVENS[220:440]]
    names += [f"{x} Yong{s}" for x in ("WANG", "LI", "LIU", "CHEN", "HE") for s in _SYLLABLES]
    names += [f"{x} {s.title()}yong" for x in others for s in _SYLLABLES]
    names += [f"YUNG {g.title()}" for g in _GIVENS[440:480]]
    return names + [f"KUNG {g.title()}" for g in _GIVENS[480:520]]


@pytest.mark.parametrize("schema", ["Person", None])
@pytest.mark.parametrize(
    ("query", "listed", "crowd"),
    [
        # the given name looked up whole in pinyin (jicheng, qicheng, ...)
        ("Chang Chi-ch'eng", "ZHANG, Jicheng", _sharing_syllables_with_zhang_jicheng),
        # the whole name spelt as one of its readings, found by one lookup of its letters
        ("Kung Yung", "KONG Yong", _sharing_syllables_with_kong_yong),
    ],
)
def test_a_wade_giles_name_of_common_syllables_finds_its_pinyin_spelling(
    schema: str | None, query: str, listed: str, crowd: Callable[[], list[str]]
) -> None:
    entities = [Entity(id=f"p{i}", schema="Person", names=(n,)) for i, n in enumerate(crowd())]
    index = NameIndex([*entities, Entity(id="target", schema="Person", names=(listed,))])
    found = index.candidates(analyze_name(query, schema), limit=10)
    assert "target" in [ref.entity_id for ref in found]


def test_a_word_in_another_romanization_looks_up_its_pinyin_spellings_whole() -> None:
    form = analyze_name("Chang Chi-ch'eng", "Person")
    assert any("w:jicheng" in group for group, _ in form.key_groups(expand=True))


def test_reading_letters_spell_every_reading_in_both_orders() -> None:
    from screening.index import _reading_letters

    spelt = _reading_letters(analyze_name("Kung Yung", "Person"))
    assert {"kongyong", "gongyong", "yongkong"} <= spelt
    assert "lijiachao" in _reading_letters(analyze_name("李家超", "Person"))
    # the written letters are the exact lookup's; an organisation has no person reading
    assert "zhuhailun" not in _reading_letters(analyze_name("Zhu Hailun", "Person"))
    assert _reading_letters(analyze_name("Hikvision Digital Technology Co., Ltd.")) == set()


def test_hangul_keys_do_not_make_a_korean_syllable_a_common_part() -> None:
    # ``il`` files each Korean name under its spelling and again under the Hangul it may
    # write (일, 닐, 릴): counted, those keys made il look four times as common as it is.
    names = [f"PAK Il {given}" for given in ("ho", "nam", "su", "chol")]
    entities = [Entity(id=f"kp-{i}", schema="Person", names=(n,)) for i, n in enumerate(names)]
    index = NameIndex(entities)
    search = index.search(analyze_name("ho Il PAK", "Person"))
    for group, size in zip(search._groups, search._group_sizes, strict=True):
        assert size == sum(len(index.postings.get(k, ())) for k in group if k[:2] != "k:")
    il = next(i for i, g in enumerate(search._groups) if "r:il" in g)
    assert any(k.startswith("k:") for k in search._groups[il])
    assert search._group_sizes[il] <= 2 * len(names)  # r:il and c:il, not the Hangul keys
