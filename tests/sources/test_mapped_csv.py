from __future__ import annotations

from pathlib import Path

import pytest

from screening.errors import ListFormatError
from screening.sources import load_list

MAPPING = {
    "name": "Full Name",
    "id": "Ref",
    "schema": "Type",
    "birth_date": "DOB",
    "country": "Country",
    "aliases": "Aliases",
}


def test_mapped_csv(own: Path) -> None:
    problems: list[ListFormatError] = []
    entities, source = load_list(own / "mapped.csv", mapping=MAPPING, problems=problems)
    assert source.format == "mapped_csv"
    zhu, trading = entities
    assert zhu.id == "mapped-A1"
    assert zhu.names == ("ZHU, Hailun", "Zhu Hai-lun", "朱海仑")  # as written, ";"-separated
    assert zhu.schema == "Person"
    assert zhu.birth_dates == ("1958-01",)
    assert zhu.countries == ("cn",)
    assert trading.schema == "Organization"
    assert trading.countries == ("hk",)
    assert [p.record for p in problems] == [4, 5]  # no name; unreadable date
    assert source.skipped == 2


def test_mapping_must_match_header(own: Path) -> None:
    with pytest.raises(ListFormatError, match="not in the header"):
        load_list(own / "mapped.csv", mapping={"name": "Nom"})


def test_mapping_needs_name(own: Path) -> None:
    with pytest.raises(ListFormatError, match="needs 'name'"):
        load_list(own / "mapped.csv", mapping={"id": "Ref"})


def test_custom_separator(tmp_path: Path) -> None:
    path = tmp_path / "watch.csv"
    path.write_text("name,aka\nACME,ACME LTD|ACME CO\n", encoding="utf-8")
    (entity,), _ = load_list(path, mapping={"name": "name", "aliases": "aka"}, alias_separator="|")
    assert entity.names == ("ACME", "ACME LTD", "ACME CO")
    assert entity.id == "watch-1"
    assert entity.schema == "LegalEntity"
