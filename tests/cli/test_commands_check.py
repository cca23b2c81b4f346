"""Tests for ``screening check`` and the in-house list mapping shared by the commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from screening.cli import main


@pytest.fixture
def inhouse(tmp_path: Path) -> Path:
    path = tmp_path / "inhouse.csv"
    path.write_text(
        "Ref,Full Name,Type,Other names\n"
        "IH-1,ZHU Hailun,Person,朱海仑;Chu Hai-lun\n"
        "IH-2,Acme Widgets Ltd,Company,\n",
        encoding="utf-8",
    )
    return path


MAP = ["--map", "id=Ref", "--map", "name=Full Name", "--map", "schema=Type",
       "--map", "aliases=Other names"]  # fmt: skip


def test_check_reads_an_inhouse_list_with_a_column_mapping(inhouse: Path) -> None:
    result = CliRunner().invoke(main, ["check", "朱海侖", "--list", str(inhouse), *MAP])
    assert result.exit_code == 0, result.output
    assert "inhouse-IH-1" in result.output
    assert "traditional 朱海侖 = simplified 朱海仑" in result.output


def test_list_map_is_the_long_name_of_map(inhouse: Path) -> None:
    args = [a.replace("--map", "--list-map") for a in MAP]
    result = CliRunner().invoke(main, ["check", "Hailun Zhu", "--list", str(inhouse), *args])
    assert result.exit_code == 0, result.output
    assert "inhouse-IH-1" in result.output


def test_unmapped_inhouse_csv_is_a_clear_error(inhouse: Path) -> None:
    result = CliRunner().invoke(main, ["check", "x", "--list", str(inhouse)])
    assert result.exit_code == 1
    assert "cannot detect the list format" in result.output
    assert "Traceback" not in result.output


def test_malformed_mapping_is_refused(inhouse: Path) -> None:
    result = CliRunner().invoke(main, ["check", "x", "--list", str(inhouse), "--map", "name"])
    assert result.exit_code == 2
    assert "FIELD=COLUMN" in result.output


def test_check_prints_no_match(inhouse: Path) -> None:
    result = CliRunner().invoke(main, ["check", "Maria Garcia", "--list", str(inhouse), *MAP])
    assert result.exit_code == 0
    assert "no match" in result.output
