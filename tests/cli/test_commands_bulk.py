"""``screening screen`` end to end; the library's behaviour is tested in tests/test_bulk.py."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

import screening.cli.commands_bulk as commands_bulk
from screening import Entity, Screener
from screening.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "counterparties.csv"
TRUTH = ROOT / "samples" / "counterparties_truth.csv"


@pytest.fixture
def small_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    """A tiny list instead of the bundle, so these tests do not depend on the bundled data."""
    entities = [
        Entity(id="p-zhu", schema="Person", names=("ZHU Hailun",)),
        Entity(id="c-hik", schema="Company", names=("Hikvision",)),
    ]
    monkeypatch.setattr(
        commands_bulk, "build_screener", lambda paths, settings=None: Screener(entities)
    )


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.usefixtures("small_lists")
def test_screen_writes_output_alerts_and_summary(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id;name\n1;Chu Hai-lun\n2;\n3;Mary Jones\n4;Hikvision Co., Ltd.\n")
    out, alerts = tmp_path / "out.csv", tmp_path / "alerts.csv"
    result = CliRunner().invoke(
        main, ["screen", str(src), "--output", str(out), "--alerts", str(alerts), "--workers",
               "2", "--quiet"]
    )
    assert result.exit_code == 0, result.output
    assert "rows in:          4" in result.output
    assert "rows with errors: 1" in result.output
    assert "alerts:           2" in result.output
    rows = read(out)
    assert [r["id"] for r in rows] == ["1", "2", "3", "4"]
    assert rows[0]["top_entity_id"] == "p-zhu"
    assert rows[1]["error"]
    assert [a["entity_id"] for a in read(alerts)] == ["p-zhu", "c-hik"]


@pytest.mark.usefixtures("small_lists")
def test_missing_name_column_is_a_clear_error(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,customer\n1,Zhu Hailun\n")
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(main, ["screen", str(src), "--output", str(out)])
    assert result.exit_code != 0
    assert "no name column found" in result.output
    assert "id, customer" in result.output
    assert not out.exists()


@pytest.mark.usefixtures("small_lists")
def test_missing_input_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["screen", str(tmp_path / "nope.csv"), "-o", "x.csv"])
    assert result.exit_code != 0
    assert "cannot open" in result.output


@pytest.mark.usefixtures("small_lists")
def test_undecodable_rows_are_counted_not_fatal(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(b"id,name\n1,Zhu Hailun\n2,M\xfcller GmbH\n" + b"3,Hikvision\n" * 10)
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(main, ["screen", str(src), "-o", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "rows with errors: 1" in result.output
    assert "line 3" in read(out)[1]["error"]
    result = CliRunner().invoke(
        main, ["screen", str(src), "-o", str(out), "--encoding", "latin-1", "--workers", "1"]
    )
    assert "rows with errors: 0" in result.output
    assert read(out)[1]["name"] == "Müller GmbH"


def test_file_in_a_western_encoding_gets_a_hint(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(b"id,name\n1,M\xfcller GmbH\n2,Soci\xe9t\xe9 G\xe9n\xe9rale\n")
    result = CliRunner().invoke(main, ["screen", str(src), "-o", str(tmp_path / "out.csv")])
    assert result.exit_code != 0
    assert "not valid utf-8" in result.output
    assert "--encoding cp1252" in result.output


@pytest.mark.usefixtures("small_lists")
def test_interrupt_leaves_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(commands_bulk, "screen_csv", interrupted)
    src = tmp_path / "in.csv"
    src.write_text("id,name\n1,Zhu Hailun\n")
    result = CliRunner().invoke(main, ["screen", str(src), "-o", str(tmp_path / "out.csv")])
    assert result.exit_code == 130
    assert "interrupted" in result.output
    assert "was not written" in result.output


@pytest.mark.slow
def test_sample_file_against_bundled_lists_finds_the_planted_hits(tmp_path: Path) -> None:
    out, alerts = tmp_path / "out.csv", tmp_path / "alerts.csv"
    result = CliRunner().invoke(
        main, ["screen", str(SAMPLE), "--output", str(out), "--alerts", str(alerts), "-q"]
    )
    assert result.exit_code == 0, result.output
    assert "rows with errors: 0" in result.output
    rows = {r["id"]: r for r in read(out)}
    assert len(rows) == 3000
    truth = read(TRUTH)
    assert len(truth) >= 15
    missed = [t["name"] for t in truth if rows[t["id"]]["match_count"] in ("", "0")]
    assert missed == []
    alerted = {a["id"] for a in read(alerts)}
    assert {t["id"] for t in truth} <= alerted
    # A screening run that alerts on a large share of ordinary customers is useless.
    false_rows = alerted - {t["id"] for t in truth}
    assert len(false_rows) < 0.02 * len(rows)



@pytest.mark.usefixtures("small_lists")
def test_output_folder_is_created(tmp_path: Path) -> None:
    """``--output out/x.csv`` into a folder that does not exist yet works, as users expect."""
    src = tmp_path / "in.csv"
    src.write_text("id,name\n1,Chu Hai-lun\n", encoding="utf-8")
    out = tmp_path / "new" / "deeper" / "out.csv"
    alerts = tmp_path / "new" / "alerts.csv"
    result = CliRunner().invoke(
        main,
        ["screen", str(src), "--output", str(out), "--alerts", str(alerts), "--workers", "1",
         "--quiet"],
    )
    assert result.exit_code == 0, result.output
    assert read(out)[0]["top_entity_id"] == "p-zhu"
    assert read(alerts)[0]["entity_id"] == "p-zhu"
