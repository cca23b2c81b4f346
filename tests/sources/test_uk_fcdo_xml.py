from __future__ import annotations

from pathlib import Path

from screening.sources import load_list


def test_uk_sanctions_list_sample(official: Path) -> None:
    entities, source = load_list(
        official / "uk_sanctions_list_xml" / "sample_uk_sanctions_list.xml"
    )
    ents = {e.id: e for e in entities}
    assert sorted(ents) == ["uk-AFG0001", "uk-AFG0006", "uk-AQD0195", "uk-BEL0107", "uk-DPR0075"]
    assert source.published == "2026-09-10"
    akhund = ents["uk-AFG0006"]
    assert akhund.names[0] == "MOHAMMAD HASSAN AKHUND"
    assert "محمد حسن آخوند" in akhund.names
    # "12/05/1958", "dd/mm/1945" and "1946" in one record
    assert akhund.birth_dates == ("1958-05-12", "1945", "1946")
    assert akhund.countries == ("af",)
    assert akhund.sources[0].listed_on == "2001-01-25"
    assert akhund.programs == ("The Afghanistan (Sanctions) (EU Exit) Regulations 2020",)
    assert [i.value for i in akhund.identifiers if i.kind == "Passport"] == ["P04581926"]
    assert ents["uk-AFG0001"].schema == "Organization"
    assert ents["uk-AFG0001"].countries == ("af", "ae")
    assert any(e.schema == "Vessel" for e in entities)
    assert any(e.weak_names for e in entities)  # AliasStrength "Low quality a.k.a"
