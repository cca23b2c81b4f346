from __future__ import annotations

from pathlib import Path

import pytest

from screening.errors import ListFormatError
from screening.model import Identifier
from screening.sources import load_list
from screening.sources.ofac_csv import sibling_paths


def by_id(path: Path) -> dict[str, object]:
    entities, _ = load_list(path)
    return {e.id: e for e in entities}


def test_sdn_csv_sample(official: Path) -> None:
    entities, source = load_list(official / "ofac_sdn_csv" / "sdn.csv")
    assert len(entities) == 408
    assert source.format == "ofac_csv"
    assert source.record_count == 408
    assert source.skipped == 0
    assert source.name == "OFAC SDN"
    ents = {e.id: e for e in entities}
    zhu = ents["ofac-29219"]
    assert zhu.names[0] == "ZHU, Hailun"
    assert zhu.schema == "Person"
    assert zhu.programs == ("GLOMAG",)
    assert zhu.birth_dates == ("1958-01",)
    assert zhu.countries == ("cn",)  # from add.csv "Xinjiang, China"
    lam = ents["ofac-29249"]
    assert lam.names[0] == "LAM, Carrie"
    assert "LAM CHENG, Yuet-ngor" in lam.names  # strong alias from alt.csv
    assert Identifier(kind="Passport", value="KJ0505670", country="hk") in lam.identifiers
    assert lam.countries[0] == "hk"  # "nationality Hong Kong" in remarks
    bnc = ents["ofac-306"]
    assert bnc.schema == "Organization"  # -0- type
    assert bnc.weak_names == ("BNC",)  # weak a.k.a. only in remarks
    assert "NATIONAL BANK OF CUBA" in bnc.names


def test_sdn_csv_multi_programs_vessels_and_comments(official: Path) -> None:
    ents = {e.id: e for e in load_list(official / "ofac_sdn_csv" / "sdn.csv")[0]}
    assert ents["ofac-4234"].schema == "Vessel"  # HERMANN
    assert any(len(e.programs) > 1 for e in ents.values())
    assert all("]" not in p and "[" not in p for e in ents.values() for p in e.programs)
    # 28264 (LI, Jiadong) has its remarks continued in sdn_comments.csv
    li = ents["ofac-28264"]
    assert li.birth_dates == ("1987-01-10",)
    assert any(i.kind.startswith("Digital Currency Address") for i in li.identifiers)
    assert any(e.schema == "Airplane" for e in ents.values())


def test_non_sdn_consolidated_csv(official: Path) -> None:
    entities, source = load_list(official / "ofac_consolidated_csv" / "cons_prim.csv")
    assert len(entities) == 442
    assert source.name == "OFAC Non-SDN Consolidated"
    hik = {e.id: e for e in entities}["ofac-30946"]
    assert hik.names[0] == "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD."
    assert hik.programs == ("CMIC-EO13959",)
    assert Identifier(kind="ISIN", value="CNE100000PM8") in hik.identifiers
    assert not any(i.kind.startswith(("Listing Date", "Target Type")) for i in hik.identifiers)


def test_sha256_covers_the_set(official: Path) -> None:
    _, source = load_list(official / "ofac_sdn_csv" / "sdn.csv")
    assert len(source.sha256) == 64
    # four files were read, so the hash is not the primary file's own
    assert source.sha256 != "d44467a1ce4e3f4c6581f430d218497731accd5f2133f00a7d8dc827557029e9"


def test_siblings_are_found(official: Path) -> None:
    siblings = sibling_paths(official / "ofac_consolidated_csv" / "cons_prim.csv")
    assert {k: p.name for k, p in siblings.items()} == {
        "add": "cons_add.csv",
        "alt": "cons_alt.csv",
        "comments": "cons_comments.csv",
    }


def test_malformed_records_are_skipped_and_reported(own: Path) -> None:
    problems: list[ListFormatError] = []
    entities, source = load_list(own / "ofac_records" / "sdn.csv", problems=problems)
    assert [e.id for e in entities] == ["ofac-1", "ofac-5"]
    assert source.skipped == 3 == len(problems)
    assert [p.record for p in problems] == [2, 3, 4]
    assert all(p.path and p.path.endswith("sdn.csv") for p in problems)
    assert "no name" in str(problems[0])
    assert "31 Feb 1970" in str(problems[1])
    good, jane = entities
    assert good.programs == ("SDGT", "IRGC")
    assert good.weak_names == ("GEL",)
    assert good.names == ("GOOD ENTITY LTD.", "GOOD ENTERPRISE")
    assert jane.birth_dates == ("1961",)
    assert jane.countries == ("hk",)
    assert jane.identifiers == (Identifier(kind="Passport", value="K123456", country="hk"),)


def test_not_an_ofac_csv(own: Path) -> None:
    with pytest.raises(ListFormatError, match=r"mapped\.csv"):
        load_list(own / "mapped.csv", format="ofac_csv")


def test_empty_file(own: Path) -> None:
    with pytest.raises(ListFormatError, match=r"empty\.csv"):
        load_list(own / "empty.csv", format="ofac_csv")
