"""CSL CSV in three vintages, and the JSON API form.

No real CSL JSON sample exists; ``tests/fixtures/sources/csl_results.json`` was written by
hand after the documented API answer shape ``{"results": [{...same fields...}]}``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from screening.errors import ListFormatError
from screening.model import Identifier
from screening.sources import load_list


def test_csl_2023(official: Path) -> None:
    entities, source = load_list(official / "us_csl" / "consolidated_2023.csv")
    # 381 rows; 4 OFAC parties appear on both the SSI and NS-MBS lists under one _id
    assert len(entities) == 377
    assert source.format == "us_csl"
    ents = {e.id: e for e in entities}
    hik = ents["csl-30946"]
    assert hik.names[0] == "Hangzhou Hikvision Digital Technology Co., Ltd."
    assert hik.programs == ("CMIC-EO13959",)
    assert hik.countries == ("cn",)  # address ends with the ISO code
    assert Identifier("Unified Social Credit Code (USCC)", "91330000733796106P", "cn") in (
        hik.identifiers
    )
    gazprom = ents["csl-17250"]
    assert len(gazprom.list_names) == 2
    assert gazprom.names[0] == "Public Joint Stock Company Gazprom"
    cmic = [e for e in entities if any("(CMIC)" in s.list_name for s in e.sources)]
    assert len(cmic) == 68
    meu = [e for e in entities if any("(MEU)" in s.list_name for s in e.sources)]
    assert len(meu) == 71
    dahua = [e for e in entities if e.names[0].upper() == "DAHUA ELECTRONICS CORPORATION"]
    assert dahua
    assert dahua[0].sources[0].list_name.startswith("Denied Persons List")


def test_csl_2025_and_2019(official: Path) -> None:
    recent, _ = load_list(official / "us_csl" / "consolidated_2025.csv")
    assert len(recent) == 13
    old, source = load_list(official / "us_csl" / "csl_2019.csv")
    assert len(old) == 110  # 115 rows; repeated DPL parties (one row per address) merged
    assert source.skipped == 0
    psa = {e.id: e for e in old}["csl-20264"]  # no _id column: entity_number
    assert psa.names == ("200G PSA HOLDINGS LLC",)
    # 2019 triples are reversed: "US, 80-0890696, Tax ID No."
    assert psa.identifiers == (Identifier("Tax ID No.", "80-0890696", "us"),)
    assert len({e.id for e in old}) == len(old)


def test_csl_json(own: Path) -> None:
    problems: list[ListFormatError] = []
    entities, source = load_list(own / "csl_results.json", problems=problems)
    assert source.format == "us_csl"
    el, person = entities
    assert el.id == "csl-ab12cd34"
    assert el.schema == "LegalEntity"
    assert el.names == ("Example Technology Co., Ltd.", "Example Tech", "EXT")
    assert el.countries == ("cn",)
    assert el.sources[0].authority == "Bureau of Industry and Security"
    assert el.sources[0].listed_on == "2019-05-21"
    assert person.schema == "Person"
    assert person.programs == ("SDGT", "IRGC")
    assert person.birth_dates == ("1970-01-01", "1971")
    assert person.countries == ("cn", "hk")
    assert person.identifiers == (Identifier("Passport", "E1234567", "cn"),)  # Gender dropped
    assert source.skipped == 1
    assert problems[0].record == 3


def test_header_only_csv_is_an_error(own: Path) -> None:
    with pytest.raises(ListFormatError, match="no records"):
        load_list(own / "csl_header_only.csv")
