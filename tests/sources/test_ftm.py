from __future__ import annotations

from pathlib import Path

import pytest

from screening.errors import ListFormatError
from screening.sources import load_list


def test_entities_ftm(official: Path) -> None:
    entities, source = load_list(official / "opensanctions_ftm" / "t1_entities.ftm.json")
    assert source.format == "ftm"
    assert len(entities) == 6  # the Address entity is not a screening target
    kuz = {e.id: e for e in entities}["os-NK-2Ka3UvopqbpZmVDFjWd4LA"]
    assert kuz.names[0] == "Vitaly Yurievich KUZMENKO"  # the caption first
    assert kuz.birth_dates == ("1971-01-22",)
    assert kuz.countries == ("ru",)
    assert any(i.kind == "taxNumber" and i.value == "366510784303" for i in kuz.identifiers)


def test_zala_graph_keeps_targets_and_sanctions(official: Path) -> None:
    entities, _ = load_list(official / "opensanctions_ftm" / "zala_entities.ftm.json")
    assert len(entities) == 14  # 8 target companies + 6 persons; owners and links left out
    assert {e.schema for e in entities} == {"Company", "Person"}
    designated = [e for e in entities if any(s.program for s in e.sources)]
    assert designated  # Sanction entities became designations
    assert any(
        s.authority == "Department of Foreign Affairs and Trade"
        for e in designated
        for s in e.sources
    )


def test_delta_and_weak_alias(official: Path) -> None:
    entities, _ = load_list(official / "opensanctions_ftm" / "entities.delta.json")
    assert len(entities) == 2
    agha = {e.id: e for e in entities}["os-NK-2sJaJRaPJcWUfMbHjTtWcL"]
    assert agha.birth_dates == ("1953", "1958")  # two-value range
    assert agha.weak_names


def test_nested_targets(official: Path) -> None:
    entities, _ = load_list(official / "opensanctions_ftm" / "wd_persons_targets.nested.json")
    assert [e.id for e in entities][:1] == ["os-Q296771"]
    assert len(entities) == 5  # nested relatives are not loaded as entities
    assert entities[0].names[0] == "Saad Hariri"
    assert entities[0].countries == ("lb", "fr", "sa")


def test_targets_simple_csv(official: Path) -> None:
    entities, source = load_list(official / "opensanctions_ftm" / "wd_persons_targets.simple.csv")
    assert source.format == "ftm_simple_csv"
    hariri = entities[0]
    assert hariri.id == "os-Q296771"
    assert hariri.names == ("Saad Hariri", "Hariri", "Sa'd al-Din")
    assert hariri.countries == ("fr", "lb", "sa")


def test_bad_lines_are_skipped(own: Path) -> None:
    problems: list[ListFormatError] = []
    entities, source = load_list(own / "records.ftm.json", problems=problems)
    (good,) = entities
    assert good.id == "os-x1"
    assert good.weak_names == ("GP",)
    assert good.sources[0].program == "TEST-PROG"
    assert good.sources[0].listed_on == "2020-01-01"
    assert [p.record for p in problems] == [2, 3]
    assert source.skipped == 2


def test_truncated_json_lines(own: Path) -> None:
    with pytest.raises(ListFormatError, match="truncated"):
        load_list(own / "truncated.ftm.json")
