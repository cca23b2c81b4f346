from __future__ import annotations

from pathlib import Path

from screening.sources import load_list


def test_eu_sample(official: Path) -> None:
    entities, source = load_list(official / "eu_fsf_xml" / "sample_eu_fsf.xml")
    assert sorted(e.id for e in entities) == ["eu-191", "eu-3822", "eu-521", "eu-6106", "eu-6177"]
    assert source.published == "2026-08-05"
    assert source.authority == "European Union"
    ksm = {e.id: e for e in entities}["eu-191"]
    assert ksm.schema == "Person"
    # The EU marks no primary name: the English one with a split surname is chosen.
    assert ksm.names[0] == "Khalid Sheikh MOHAMMED"
    assert "Bin Khalid Fahd Bin Abdallah" in ksm.names
    assert ksm.birth_dates == ("1965-04-14", "1964-03-01")
    assert ksm.programs == ("TERR",)
    assert ksm.sources[0].legal_basis == "2025/206 (L 202500206)"
    assert any(i.value == "488555" and i.country == "" for i in ksm.identifiers)  # "00" unknown


def test_eu_low_quality_remark_makes_alias_weak(official: Path) -> None:
    entities, _ = load_list(official / "eu_fsf_xml" / "sample_eu_fsf.xml")
    weak = {n for e in entities for n in e.weak_names}
    assert weak  # "low quality alias" remarks (and the "aliias" misspelling) are honoured
    assert not weak & {n for e in entities for n in e.names}
    assert all(n == " ".join(n.split()) for e in entities for n in e.names)  # double spaces


def test_eu_enterprise_is_organization(official: Path) -> None:
    entities, _ = load_list(official / "eu_fsf_xml" / "sample_eu_fsf.xml")
    assert sorted(e.schema for e in entities).count("Organization") == 1
