from __future__ import annotations

from pathlib import Path

import pytest

from screening.errors import ListFormatError
from screening.model import Identifier
from screening.sources import load_list


def test_ofac_xml_sample(official: Path) -> None:
    entities, source = load_list(official / "ofac_sdn_xml" / "consolidated.xml")
    assert len(entities) == 96  # the excerpt; Record_Count still says 445
    assert source.format == "ofac_xml"
    assert source.published == "2023-03-08"
    ents = {e.id: e for e in entities}
    hik = ents["ofac-30946"]
    assert hik.names[0] == "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD."
    assert hik.schema == "Organization"
    assert hik.programs == ("CMIC-EO13959",)
    assert Identifier("Unified Social Credit Code (USCC)", "91330000733796106P", "cn") in (
        hik.identifiers
    )
    haniya = ents["ofac-9639"]
    assert haniya.names[0] == "HANIYA, Ismail Abdul Salah"
    assert "HANIYYA, Ismaeel" in haniya.names
    assert haniya.birth_dates == ("1962",)
    assert haniya.programs == ("NS-PLC",)


def test_ofac_xml_citizenship_and_full_date(official: Path) -> None:
    ents = load_list(official / "ofac_sdn_xml" / "consolidated.xml")[0]
    turkish = [e for e in ents if "1980-02-08" in e.birth_dates]
    assert len(turkish) == 1
    assert turkish[0].countries[0] == "tr"


def test_weak_category_becomes_weak_name(tmp_path: Path) -> None:
    xml = tmp_path / "sdn.xml"
    xml.write_text(
        '<sdnList xmlns="http://tempuri.org/sdnList.xsd"><publshInformation>'
        "<Publish_Date>12/31/2024</Publish_Date></publshInformation><sdnEntry><uid>7</uid>"
        "<lastName>ACME</lastName><sdnType>Entity</sdnType><programList><program>SDGT</program>"
        "</programList><akaList><aka><uid>1</uid><type>a.k.a.</type><category>weak</category>"
        "<lastName>ACMO</lastName></aka><aka><uid>2</uid><type>a.k.a.</type>"
        "<category>strong</category><lastName>ACME TRADING</lastName></aka></akaList>"
        "</sdnEntry></sdnList>",
        encoding="utf-8",
    )
    (entity,), source = load_list(xml)
    assert entity.names == ("ACME", "ACME TRADING")
    assert entity.weak_names == ("ACMO",)
    assert source.published == "2024-12-31"
    assert source.name == "OFAC SDN"


def test_wrong_namespace_is_not_ofac(tmp_path: Path) -> None:
    xml = tmp_path / "other.xml"
    xml.write_text('<sdnList xmlns="urn:something-else"/>', encoding="utf-8")
    with pytest.raises(ListFormatError, match=r"other\.xml"):
        load_list(xml, format="ofac_xml")


def test_billion_laughs_is_refused(own: Path) -> None:
    with pytest.raises(ListFormatError, match="unsafe XML"):
        load_list(own / "billion_laughs.xml", format="ofac_xml")
