from __future__ import annotations

from pathlib import Path

from screening.sources import load_list


def test_canada_sample(official: Path) -> None:
    entities, source = load_list(official / "ca_sema_xml" / "sema-lmes.xml")
    assert len(entities) == 1369
    assert len({e.id for e in entities}) == 1369
    assert source.format == "ca_sema_xml"
    ents = {e.id: e for e in entities}
    htoo = ents["ca-burma-1-7"]
    assert htoo.names == (
        "Htoo Furniture",
        "Htoo Wood",
        "Htoo Wood Products",
        "Htoo Wood Products Pte. Limited",
        "Htoo Wood-Based Industry",
    )
    assert htoo.schema == "Organization"
    assert htoo.programs == ("Burma",)
    assert sum(e.schema == "Person" for e in entities) == 985
    assert any(e.id.startswith("ca-jvcfor-") for e in entities)
    assert any(len(e.birth_dates) == 2 for e in entities)  # "YYYY-MM-DD or YYYY-MM-DD"


def test_bilingual_tags_are_read(tmp_path: Path) -> None:
    path = tmp_path / "sema-2026.xml"
    path.write_text(
        "<data-set><record><Country-Pays>China / Chine</Country-Pays>"
        "<LastName-NomDeFamille>Zhu</LastName-NomDeFamille>"
        "<GivenName-Prenom>Hailun</GivenName-Prenom>"
        "<DateOfBirthOrShipBuildDate-DateDeNaissanceOuDateDeConstructionDuNavire>1958"
        "</DateOfBirthOrShipBuildDate-DateDeNaissanceOuDateDeConstructionDuNavire>"
        "<Schedule-Annexe>1</Schedule-Annexe><Item-NumeroDarticle>3</Item-NumeroDarticle>"
        "<DateOfListing-DateDinscription>2021-03-22</DateOfListing-DateDinscription>"
        "</record></data-set>",
        encoding="utf-8",
    )
    (entity,), _ = load_list(path)
    assert entity.id == "ca-china-1-3"
    assert entity.names == ("Hailun Zhu",)
    assert entity.birth_dates == ("1958",)
    assert entity.sources[0].listed_on == "2021-03-22"
