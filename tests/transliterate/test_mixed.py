"""Organisation names mixing Han characters and Latin letters."""

from __future__ import annotations

import pytest

from screening.transliterate.mixed import (
    han_legal_forms,
    has_distinctive_han,
    is_mixed_script,
    mixed_to_latin,
    script_spellings,
)


@pytest.mark.parametrize(
    ("text", "mixed"),
    [
        ("TCL科技集团股份有限公司", True),
        ("CST有限会社", True),
        ("华为技术有限公司", False),
        ("Huawei Technologies Co., Ltd.", False),
        ("X光机有限公司", False),  # one Latin letter is no word
    ],
)
def test_is_mixed_script(text: str, mixed: bool) -> None:
    assert is_mixed_script(text) is mixed


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        # Legal forms as Latin legal forms, trade words in English, places as spelt.
        ("TCL科技集团股份有限公司", "TCL tech group co ltd"),
        ("ABC Technology 有限公司", "ABC Technology co ltd"),
        ("OPPO广东移动通信有限公司", "OPPO guangdong yidong communication co ltd"),
        # Japanese legal forms, at the end or the start, in either script.
        ("CST有限会社", "CST co ltd"),
        ("公開株式会社ABC", "co ltd ABC"),
        # Traditional characters are read as simplified.
        ("XYZ科技國際有限公司", "XYZ tech intl co ltd"),  # intl: the folded spelling
    ],
)
def test_mixed_to_latin(text: str, latin: str) -> None:
    assert mixed_to_latin(text) == latin


def test_han_legal_forms_in_the_order_of_the_name() -> None:
    assert han_legal_forms("TCL科技集团股份有限公司") == ["集团", "股份有限公司"]
    assert han_legal_forms("公開株式会社ABC") == ["公开株式会社"]
    assert han_legal_forms("ABC科技") == []


def test_distinctive_han_is_more_than_legal_forms_places_and_trade_words() -> None:
    assert has_distinctive_han("Huawei Technologies 华为技术有限公司")
    assert not has_distinctive_han("ABC 北京科技有限公司")


def test_a_name_in_both_scripts_is_spelt_in_each() -> None:
    assert script_spellings("Huawei Technologies 华为技术有限公司") == [
        "华为技术有限公司",
        "Huawei Technologies",
    ]
    # The Han words only say where and what trade: one name, not two.
    assert script_spellings("ABC 北京科技有限公司") == []
    # Nothing beside the Han name but an initial: no Latin name of its own.
    assert script_spellings("A 华为技术有限公司") == []
    assert script_spellings("华为技术有限公司") == []
