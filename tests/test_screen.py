"""Tests for screening.screen: the Screener API."""

from __future__ import annotations

import pytest

from screening import Entity, Screener
from screening.config import DEFAULT_THRESHOLD, MatchSettings
from screening.errors import InvalidEntityError, InvalidQueryError
from screening.model import Query
from screening.screen import QueryLike

ZHU = Entity(
    id="eu-6251",
    schema="Person",
    names=("ZHU Hailun", "朱海仑"),
    birth_dates=("1958-01",),
    countries=("cn",),
)
HIK = Entity(
    id="bis-hik",
    schema="Company",
    names=("Hangzhou Hikvision Digital Technology Co., Ltd.", "Hikvision"),
)
OTHERS = [
    Entity(id="p-zhou", schema="Person", names=("ZHOU Hailun",)),
    Entity(id="p-chen", schema="Person", names=("CHEN Quanguo", "陈全国")),
    Entity(id="p-lee", schema="Person", names=("LEE Ka-chiu", "李家超")),
    Entity(id="c-zhu", schema="Company", names=("Zhu Hailun Trading Co., Ltd.",)),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener([ZHU, HIK, *OTHERS])


@pytest.mark.parametrize("entities", [[ZHU, HIK], [ZHU, HIK, *OTHERS]])
def test_quick_start_finds_the_listed_person_first(entities: list[Entity]) -> None:
    matches = Screener(entities).screen(
        "Chu Hai-lun", schema="Person", birth_date="1958", country="CN"
    )
    assert matches[0].entity.id == "eu-6251"
    assert matches[0].score == pytest.approx(0.99)
    assert matches[0].matched_name in ZHU.names
    assert matches[0].query.country == "cn"


def test_tied_final_scores_report_the_best_matching_list_name() -> None:
    han_first = Entity(
        id="eu-6251",
        schema="Person",
        names=("朱海仑", "ZHU Hailun"),
        birth_dates=("1958-01",),
        countries=("cn",),
    )
    query = Query(name="Chu Hai-lun", schema="Person", birth_date="1958", country="CN")
    # exhaustive mode: candidates in list order, so the outcome does not depend on hashing
    match = Screener([han_first]).screen_query(query, use_index=False)[0]
    assert match.matched_name == "ZHU Hailun"
    assert match.name_score == pytest.approx(0.99)


def test_matches_are_sorted_best_first(screener: Screener) -> None:
    matches = screener.screen("Zhu Hailun", threshold=0.5)
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert matches[0].entity.id == "eu-6251"


def test_person_query_never_returns_a_company(screener: Screener) -> None:
    for name in ("Hikvision", "Zhu Hailun Trading", "Zhu Hailun"):
        matches = screener.screen(name, schema="Person", threshold=0.0)
        assert all(m.entity.schema == "Person" for m in matches)
    assert screener.screen("Hikvision", schema="Person", threshold=0.0) == []


def test_company_query_never_returns_a_person(screener: Screener) -> None:
    matches = screener.screen("Zhu Hailun", schema="Company", threshold=0.0)
    assert matches
    assert all(m.entity.is_organization for m in matches)


def test_query_without_schema_finds_companies(screener: Screener) -> None:
    assert screener.screen("Hikvision")[0].entity.id == "bis-hik"


def test_duplicate_ids_raise() -> None:
    with pytest.raises(InvalidEntityError, match="eu-6251"):
        Screener([ZHU, ZHU])


@pytest.mark.parametrize("name", ["", "   "])
def test_empty_query_raises(screener: Screener, name: str) -> None:
    with pytest.raises(InvalidQueryError):
        screener.screen(name)


@pytest.mark.parametrize("birth_date", ["1958-13", "13/01/1958", "circa 1958"])
def test_bad_birth_date_raises(screener: Screener, birth_date: str) -> None:
    with pytest.raises(InvalidQueryError, match="birth date"):
        screener.screen("Zhu Hailun", birth_date=birth_date)


def test_unknown_schema_raises(screener: Screener) -> None:
    with pytest.raises(InvalidQueryError, match="schema"):
        screener.screen("Zhu Hailun", schema="Ship")


def test_screen_many_yields_in_order_and_accepts_str_dict_and_query(screener: Screener) -> None:
    queries: list[QueryLike] = [
        "Chu Hai-lun",
        {"name": "Hikvision", "schema": "Company"},
        Query(name="陳全國", schema="Person"),
        "Nobody Atall",
    ]
    results = list(screener.screen_many(queries))
    assert len(results) == 4
    assert results[0][0].entity.id == "eu-6251"
    assert results[1][0].entity.id == "bis-hik"
    assert results[2][0].entity.id == "p-chen"
    assert results[3] == []
    assert results[1][0].query.schema == "Company"


def test_screen_many_rejects_a_dict_without_name(screener: Screener) -> None:
    with pytest.raises(InvalidQueryError, match="name"):
        list(screener.screen_many([{"schema": "Person"}]))


def test_screen_many_is_lazy(screener: Screener) -> None:
    results = screener.screen_many(["Zhu Hailun", ""])
    assert next(results)[0].entity.id == "eu-6251"
    with pytest.raises(InvalidQueryError):
        next(results)


def test_default_threshold_hides_weak_candidates(screener: Screener) -> None:
    alerts = screener.screen("Zhou Hailun", schema="Person")
    assert [m.entity.id for m in alerts] == ["p-zhou"]
    assert all(m.score >= DEFAULT_THRESHOLD for m in alerts)


def test_explicit_threshold_shows_weaker_candidates(screener: Screener) -> None:
    matches = screener.screen("Zhou Hailun", schema="Person", threshold=0.5)
    ids = [m.entity.id for m in matches]
    assert ids[0] == "p-zhou"
    assert "eu-6251" in ids
    assert all(m.score >= 0.5 for m in matches)


def test_explicit_threshold_above_default_hides_more(screener: Screener) -> None:
    assert screener.screen("Chu Hai-lun", schema="Person", threshold=0.995) == []


def test_settings_threshold_applies_when_threshold_is_none() -> None:
    lenient = Screener([ZHU, *OTHERS], settings=MatchSettings(threshold=0.7))
    ids = [m.entity.id for m in lenient.screen("Zhou Hailun", schema="Person")]
    assert ids[:2] == ["p-zhou", "eu-6251"]


def test_limit(screener: Screener) -> None:
    assert len(screener.screen("Hailun", threshold=0.0)) > 1
    assert len(screener.screen("Hailun", threshold=0.0, limit=1)) == 1


def test_weak_name_scores_lower_than_the_same_strong_name() -> None:
    strong = Entity(id="strong", schema="Person", names=("ZHU Hailun",))
    weak = Entity(id="weak", schema="Person", names=("ZHOU Xiaoming",), weak_names=("ZHU Hailun",))
    matches = {m.entity.id: m for m in Screener([strong, weak]).screen("Zhu Hailun")}
    assert matches["strong"].score > matches["weak"].score
    assert matches["weak"].matched_name == "ZHU Hailun"
    assert "weak alias" in matches["weak"].explain()


def test_match_explain_works_from_screen(screener: Screener) -> None:
    match = screener.screen("Chu Hai-lun", schema="Person")[0]
    assert "final score" in match.explain()


@pytest.mark.parametrize(
    "query",
    [
        Query(name="Chu Hai-lun", schema="Person"),
        Query(name="Zhou Hailun"),
        Query(name="Hikvision Co Ltd", schema="Company"),
        Query(name="Chan Chuen-kwok", schema="Person", birth_date="1955"),
        Query(name="Lee Ka Chiu"),
        Query(name="Hailnu Zhu", country="cn"),
    ],
)
def test_index_and_exhaustive_search_agree(screener: Screener, query: Query) -> None:
    indexed = screener.screen_query(query, threshold=0.5)
    exhaustive = screener.screen_query(query, threshold=0.5, use_index=False)
    assert [(m.entity.id, m.score) for m in indexed] == [
        (m.entity.id, m.score) for m in exhaustive
    ]
    assert indexed


def test_retrieval_widens_where_many_companies_share_a_brand() -> None:
    """A dense neighbourhood (more matching spellings than one round of candidates holds)
    is still found whole, as exhaustive scoring finds it."""
    cities = ["Zhuhai", "Shenzhen", "Wuhan", "Xiamen", "Suzhou", "Dalian", "Hefei", "Jinan"]
    trades = [
        "Trading", "Technology", "Electronics", "Machinery", "Logistics", "Shipping",
        "Materials", "Instruments", "Systems", "Devices", "Components", "Industries",
    ]  # fmt: skip
    entities = [
        Entity(id=f"hx-{i}", schema="Company",
               names=(f"{city} Huaxin Microelectronics {trade} Co., Ltd.",))
        for i, (city, trade) in enumerate((c, t) for c in cities for t in trades)
    ]  # fmt: skip
    filler = [
        Entity(id=f"f-{i}", schema="Company", names=(f"Huaxin Garden Hotel {i} Ltd",))
        for i in range(200)
    ]
    screener = Screener([*entities, *filler])
    query = Query(name="Huaxin Microelectronics", schema="Company")
    indexed = {m.entity.id for m in screener.screen_query(query, limit=1000)}
    exhaustive = {
        m.entity.id for m in screener.screen_query(query, limit=1000, use_index=False)
    }
    assert len(exhaustive) > 60
    assert indexed == exhaustive


def test_lowest_threshold_and_context_bonus_of_settings() -> None:
    settings = MatchSettings(
        threshold=0.85, schema_thresholds={"Person": 0.8}, list_thresholds={"SDN": 0.9}
    )
    assert settings.lowest_threshold() == 0.8
    assert MatchSettings().lowest_threshold() == DEFAULT_THRESHOLD
    assert settings.context_bonus(birth_date=False, country=False) == 0.0
    assert settings.context_bonus(birth_date=True, country=True) == pytest.approx(
        settings.birth_date_match_bonus + settings.country_match_bonus
    )


def test_a_schema_threshold_below_the_default_still_reports_its_matches() -> None:
    """Scores are only dismissed under the lowest threshold any entity can have."""
    lenient = Screener(
        [ZHU, *OTHERS], settings=MatchSettings(schema_thresholds={"Person": 0.7})
    )
    ids = [m.entity.id for m in lenient.screen("Zhou Hailun", schema="Person")]
    assert "eu-6251" in ids


def test_a_place_in_parentheses_does_not_list_every_company_of_that_place() -> None:
    screener = Screener(
        [
            Entity(id="c-ws", schema="Company", names=("Wise Smart (HK) Electronics Limited",)),
            Entity(id="c-bf", schema="Company", names=("Beifang Shipbuilding (GUANGZHOU) Co",)),
        ]
    )
    assert screener.screen("HK Electronics") == []
    assert screener.screen("Guangzhou") == []
    assert [m.entity.id for m in screener.screen("Wise Smart Electronics Ltd")] == ["c-ws"]
    assert [m.entity.id for m in screener.screen("Beifang Shipbuilding Co Ltd")] == ["c-bf"]


def test_a_query_with_a_parenthesised_acronym_finds_the_name_listed_without_it() -> None:
    screener = Screener(
        [
            Entity(id="smic", schema="Company",
                   names=("SEMICONDUCTOR MANUFACTURING INTERNATIONAL CORPORATION",)),
            Entity(id="other-smic", schema="Company", names=("SMIC",)),
        ]
    )  # fmt: skip
    query = Query(name="Semiconductor Manufacturing International Corporation (SMIC)")
    for use_index in (True, False):
        matches = screener.screen_query(query, use_index=use_index)
        # Not an exact match (the query says more), and not every SMIC of the list.
        assert [(m.entity.id, m.score) for m in matches] == [("smic", 0.99)]
    explanation = screener.screen_query(query)[0].explain()
    assert "query read without its parenthesised part" in explanation


def test_one_name_listed_for_many_entities_is_scored_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import screening.screen as screen_module

    entities = [Entity(id=f"p{i}", schema="Person", names=("WANG Jianguo",)) for i in range(8)]
    screener = Screener([*entities, Entity(id="q", schema="Person", names=("Wang Jianguo",))])
    calls: list[str] = []
    compare = screen_module.compare_forms

    def counting(q, c, floor=0.0, **options):  # type: ignore[no-untyped-def]
        calls.append(c.original)
        return compare(q, c, floor, **options)

    monkeypatch.setattr(screen_module, "compare_forms", counting)
    matches = screener.screen("Wang Jian-guo")
    assert sorted(m.entity.id for m in matches) == sorted([*(e.id for e in entities), "q"])
    assert len({m.score for m in matches}) == 1
    assert len(calls) == 1


# Hong Kong officials as OFAC lists them (HK-EO13936): the Chinese name and the English
# name apart, among other people who share their surnames and English names.
HONG_KONG = [
    Entity(id="hk-tang", schema="Person", names=("TANG, Ping-keung", "TANG, Chris")),
    Entity(id="hk-lam", schema="Person", names=("LAM CHENG, Yuet-ngor", "LAM, Carrie")),
    Entity(id="hk-lee", schema="Person", names=("LEE, John Ka-chiu",)),
    Entity(id="hk-tang-ming", schema="Person", names=("TANG, Ping-ming",)),
    Entity(id="hk-chris-wong", schema="Person", names=("WONG, Chris",)),
    Entity(id="hk-lam-man", schema="Person", names=("LAM, Yuet-man",)),
    Entity(id="w-smithers", schema="Person", names=("John Smithers",)),
]


@pytest.fixture(scope="module")
def hong_kong() -> Screener:
    return Screener([*HONG_KONG, ZHU, *OTHERS])


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Chris Tang Ping-keung", "hk-tang"), ("Carrie Lam Cheng Yuet-ngor", "hk-lam"),
     ("Lee Ka-chiu", "hk-lee"), ("John Lee Ka-chiu", "hk-lee"),
     ("Chris Wong Tai-man", "hk-chris-wong")],  # listed as WONG, Chris only
)  # fmt: skip
def test_a_hong_kong_name_with_its_english_name_finds_the_listed_person(
    hong_kong: Screener, name: str, expected: str
) -> None:
    for use_index in (True, False):
        matches = hong_kong.screen_query(Query(name=name, schema="Person"), use_index=use_index)
        # (Lee Ka-chiu is also the exact name of p-lee, which ranks first.)
        assert expected in {m.entity.id for m in matches}, name
        assert all(m.score >= DEFAULT_THRESHOLD for m in matches)


@pytest.mark.parametrize(
    ("name", "not_expected"),
    [("Chris Tang Ping-ming", "hk-tang"),  # another Chinese given name: not through TANG, Chris
     ("Chris Tang", "hk-tang-ming"), ("Carrie Lam", "hk-lam-man"),
     ("John Smith", "w-smithers")],
)  # fmt: skip
def test_a_hong_kong_name_raises_no_alert_on_another_person(
    hong_kong: Screener, name: str, not_expected: str
) -> None:
    for use_index in (True, False):
        matches = hong_kong.screen_query(Query(name=name, schema="Person"), use_index=use_index)
        assert not_expected not in {m.entity.id for m in matches}


def test_a_short_alias_beside_a_given_name_in_another_romanization_is_matched() -> None:
    # OFAC lists John Lee as LEE, John, with his given name only in pinyin (LI, Jiachao, a
    # weak alias): Ka-chiu cannot be compared with Jiachao without Han, so the Hong Kong
    # query meets LEE, John read without its Chinese given name, as with an entity that
    # lists LEE, John alone. Beside a Hong Kong given name (TANG, Ping-keung), it does not.
    lee = Entity(id="ofac-lee", schema="Person", names=("LEE, John",), weak_names=("LI, Jiachao",))
    tang = Entity(id="hk-tang", schema="Person", names=("TANG, Ping-keung", "TANG, Chris"))
    screener = Screener([lee, tang])
    for use_index in (True, False):
        lee_matches = screener.screen_query(
            Query(name="John Lee Ka-chiu", schema="Person"), use_index=use_index
        )
        assert [m.entity.id for m in lee_matches] == ["ofac-lee"]
        assert "kachiu: not in the list name" in lee_matches[0].explain()
        tang_matches = screener.screen_query(
            Query(name="Chris Tang Ping-ming", schema="Person"), use_index=use_index
        )
        assert tang_matches == []


def test_another_chinese_given_name_finds_the_person_it_names(hong_kong: Screener) -> None:
    matches = hong_kong.screen("Chris Tang Ping-ming", schema="Person")
    assert [m.entity.id for m in matches] == ["hk-tang-ming"]


# -- queries written in Japanese kana --------------------------------------------------------

KANA_LIST = [
    Entity(id="ru-kal", schema="Company", names=("JSC Kalashnikov Concern", "Concern Kalashnikov")),
    Entity(id="ru-aer", schema="Company", names=("LLC Aeroscan",)),
    Entity(id="ru-kln", schema="Company", names=("Kalinin Machine Building Plant",)),
    Entity(id="ru-sg", schema="Person", names=("SHOIGU, Sergei Kuzhugetovich", "Sergei Shoigu")),
    Entity(id="ru-sb", schema="Person", names=("SOBYANIN, Sergei Semyonovich",)),
    Entity(id="jp-kana", schema="Company", names=("アエロスキャン有限会社",)),
    ZHU,
]


@pytest.fixture(scope="module")
def kana_screener() -> Screener:
    return Screener(KANA_LIST)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("株式会社カラシニコフ・コンツェルン", "ru-kal"),
        ("ｺﾝﾂｪﾙﾝ･ｶﾗｼﾆｺﾌ", "ru-kal"),  # half-width katakana, as old bank systems store it
        ("アエロスキャン", "ru-aer"),  # (and the kana list name, written alike, first)
        ("セルゲイ・ショイグ", "ru-sg"),
    ],
)
def test_kana_query_finds_the_latin_list_name(
    kana_screener: Screener, query: str, expected: str
) -> None:
    matches = [m for m in kana_screener.screen(query) if m.entity.id != "jp-kana"]
    assert matches
    assert matches[0].entity.id == expected
    assert "kana read" in matches[0].explain()
    assert all(m.entity.id not in ("ru-kln", "ru-sb", "eu-6251") for m in matches)


def test_kana_query_finds_a_kana_list_name(kana_screener: Screener) -> None:
    ids = [m.entity.id for m in kana_screener.screen("アエロスキャン有限会社")]
    assert ids[:2] == ["jp-kana", "ru-aer"] or set(ids[:2]) == {"jp-kana", "ru-aer"}
    assert kana_screener.screen("アエロスキャン有限会社")[0].score == 1.0


def test_kana_query_of_an_unlisted_name_raises_no_alert(kana_screener: Screener) -> None:
    assert kana_screener.screen("トヨタ自動車株式会社") == []  # Toyota Motor
    assert kana_screener.screen("ウラジーミル・ポポフ") == []  # Vladimir Popov


def test_kana_query_with_nothing_to_compare_matches_nothing(kana_screener: Screener) -> None:
    # Long-vowel marks and a doubling mark alone: no word, no match, no error.
    assert kana_screener.screen("ーー") == []
    assert kana_screener.screen("ッ", threshold=0.5) == []


def test_company_written_in_both_scripts_finds_either_list_name() -> None:
    screener = Screener(
        [
            Entity(id="bis-hw", schema="Company", names=("Huawei Technologies Co., Ltd.",)),
            Entity(id="cn-hw", schema="Company", names=("华为技术有限公司",)),
            Entity(id="bis-zte", schema="Company", names=("ZTE Corporation",)),
        ]
    )
    matches = screener.screen("Huawei Technologies 华为技术有限公司")
    assert {m.entity.id for m in matches if m.score >= 0.95} == {"bis-hw", "cn-hw"}
    assert "read in one of its scripts" in matches[0].explain()


def test_foreign_name_in_han_finds_the_latin_and_the_pinyin_list_names() -> None:
    screener = Screener(
        [
            Entity(id="ru-vp", schema="Person", names=("PUTIN, Vladimir Vladimirovich",
                                                       "Vladimir Putin")),
            Entity(id="ru-popov", schema="Person", names=("Vladimir Popov",)),
            Entity(id="uk-10834", schema="Person", names=("HAKE Abudu", "HAQ ABDUL")),
            ZHU,
        ]
    )  # fmt: skip
    putin = screener.screen("弗拉基米尔·普京")
    assert [m.entity.id for m in putin] == ["ru-vp"]
    assert "read by its sounds" in putin[0].explain()
    assert [m.entity.id for m in screener.screen("阿不都·哈克")] == ["uk-10834"]


def test_hangul_query_finds_the_romanized_list_name() -> None:
    screener = Screener(
        [
            Entity(id="kp-1", schema="Person", names=("PAK, Il-Gyu",)),  # OFAC's spelling
            Entity(id="kp-2", schema="Person", names=("KIM, Jong Un",)),
            Entity(id="kp-3", schema="Person", names=("KIM Yo Jong",)),
        ]
    )
    assert [m.entity.id for m in screener.screen("박일규")] == ["kp-1"]
    assert [m.entity.id for m in screener.screen("김정은")] == ["kp-2"]
    assert screener.screen("김정호") == []  # Kim Jong Ho: no one listed
    assert "Hangul read" in screener.screen("김정은")[0].explain()


def test_korean_name_in_one_romanization_finds_the_list_name_in_another() -> None:
    screener = Screener(
        [
            Entity(id="kp-1", schema="Person", names=("RI, Pyong Chol",)),
            Entity(id="kp-2", schema="Person", names=("CHOE Ryong Hae",)),
            Entity(id="kp-3", schema="Person", names=("PAK, Pong Ju",)),
            Entity(id="kp-4", schema="Person", names=("CHO Yon Jun",)),
        ]
    )
    assert [m.entity.id for m in screener.screen("Lee Byeong-cheol")] == ["kp-1"]
    assert [m.entity.id for m in screener.screen("Choi Ryong-hae")] == ["kp-2"]
    assert [m.entity.id for m in screener.screen("Park Bong-ju")] == ["kp-3"]
    assert screener.screen("Lee Byeong-su") == []  # su is not chol
    assert "Korean 병: byeong = pyong" in screener.screen("Lee Byeong-cheol")[0].explain()
