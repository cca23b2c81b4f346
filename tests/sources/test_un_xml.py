from __future__ import annotations

from pathlib import Path

import pytest

from screening.errors import ListFormatError
from screening.sources import load_list


def test_un_sample(official: Path) -> None:
    entities, source = load_list(official / "un_sc_consolidated_xml" / "consolidated.xml")
    assert len(entities) == 118  # 76 individuals + 42 entities
    assert sum(e.schema == "Person" for e in entities) == 76
    assert source.published == "2026-02-27"
    ents = {e.id: e for e in entities}
    haq = ents["un-QDi.268"]
    assert haq.names[0] == "ABDUL HAQ"
    assert "Memetiming Memeti" in haq.names
    assert haq.countries[0] == "cn"
    assert haq.birth_dates == ("1971-10-10",)
    assert haq.programs == ("Al-Qaida",)
    assert haq.sources[0].listed_on == "2009-04-15"
    assert any(i.value == "653225197110100533" for i in haq.identifiers)
    etim = ents["un-QDe.088"]
    assert etim.schema == "Organization"
    assert etim.names[0].startswith("EASTERN TURKISTAN ISLAMIC MOVEMENT")


def test_un_low_quality_aliases_are_weak(official: Path) -> None:
    ents = load_list(official / "un_sc_consolidated_xml" / "consolidated.xml")[0]
    assert any(e.weak_names for e in ents)
    assert all(n for e in ents for n in e.names)  # empty alias placeholders are dropped


def test_records_are_skipped_and_reported(own: Path) -> None:
    problems: list[ListFormatError] = []
    entities, source = load_list(own / "un_records.xml", problems=problems)
    (good,) = entities
    assert good.id == "un-TSi.001"
    assert good.names == ("GOOD PERSON",)
    assert good.weak_names == ("Goodie",)
    assert good.birth_dates == ("1960", "1962")
    assert good.countries == ("cn",)
    assert source.skipped == 2
    assert [p.record for p in problems] == [2, 3]
    assert "TSi.002" in str(problems[0])
    assert "no name" in str(problems[0])
    assert "1970-02-31" in str(problems[1])
    assert all("un_records.xml" in str(p) for p in problems)


def test_truncated_xml_raises(own: Path) -> None:
    with pytest.raises(ListFormatError, match="truncated"):
        load_list(own / "un_truncated.xml", format="un_xml")


def test_empty_xml_raises(own: Path) -> None:
    with pytest.raises(ListFormatError, match=r"empty\.xml"):
        load_list(own / "empty.xml", format="un_xml")


def test_external_entity_is_refused(own: Path) -> None:
    with pytest.raises(ListFormatError, match="unsafe XML") as info:
        load_list(own / "external_entity.xml", format="un_xml")
    assert "root:" not in str(info.value)  # /etc/passwd was never read into the message


def test_other_xml_is_not_un(official: Path) -> None:
    with pytest.raises(ListFormatError, match="root element"):
        load_list(official / "eu_fsf_xml" / "sample_eu_fsf.xml", format="un_xml")


def test_streaming_large_file(tmp_path: Path) -> None:
    """20,000 synthetic records load, and each record is dropped from the tree once read."""
    path = tmp_path / "big.xml"
    with path.open("w", encoding="utf-8") as out:
        out.write("<CONSOLIDATED_LIST dateGenerated='2024-01-01'><INDIVIDUALS>")
        for i in range(20_000):
            out.write(
                f"<INDIVIDUAL><FIRST_NAME>PERSON</FIRST_NAME><SECOND_NAME>N{i}</SECOND_NAME>"
                f"<REFERENCE_NUMBER>BGi.{i}</REFERENCE_NUMBER><UN_LIST_TYPE>X</UN_LIST_TYPE>"
                "</INDIVIDUAL>"
            )
        out.write("</INDIVIDUALS></CONSOLIDATED_LIST>")
    from screening.sources._common import XmlStream

    stream = XmlStream(path, frozenset({"INDIVIDUAL"}), "CONSOLIDATED_LIST")
    count = most = 0
    for _elem in stream:
        count += 1
        assert stream.root is not None
        most = max(most, len(stream.root[0]))
    assert count == 20_000
    # Only what the parser has read ahead (one buffer) is ever held, never the document.
    assert most < 500
    entities, source = load_list(path)
    assert source.record_count == 20_000
    assert entities[-1].id == "un-BGi.19999"
