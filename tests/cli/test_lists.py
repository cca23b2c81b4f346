"""``screening lists``: the table and JSON of bundled and ``--list`` files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from screening.cli import main
from screening.sources.bundled import bundled_lists

OFAC_SDN_CSV = (
    Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "official" / "ofac_sdn_csv"
)


def test_table_shows_every_bundled_list() -> None:
    result = CliRunner().invoke(main, ["lists"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["origin", "name", "authority", "as", "of", "records", "sha256"]
    sources = bundled_lists()
    for source in sources:
        (line,) = [ln for ln in lines if f" {source.name} " in ln]
        assert line.startswith("bundled")
        assert source.authority in line
        assert source.published in line
        assert f" {source.record_count} " in line
        assert line.endswith(source.sha256[:12])
    total = sum(s.record_count for s in sources)
    assert lines[-1] == f"{len(sources)} lists, {total} records"


def test_json_gives_full_checksums() -> None:
    result = CliRunner().invoke(main, ["lists", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    by_name = {row["name"]: row for row in rows}
    sdn = by_name["us_ofac_sdn"]
    assert sdn["origin"] == "bundled"
    assert sdn["authority"] == "US Treasury OFAC"
    assert sdn["published"] == "2022-05-05"
    assert sdn["format"] == "bundled-toml"
    assert len(sdn["sha256"]) == 64
    cn = by_name["cn_mfa_countersanctions"]
    assert (cn["published"], cn["record_count"]) == ("2021-03-22", 14)


@pytest.mark.skipif(not OFAC_SDN_CSV.is_dir(), reason="shared official samples not found")
def test_loaded_list_is_shown_after_the_bundle() -> None:
    sdn = OFAC_SDN_CSV / "sdn.csv"
    result = CliRunner().invoke(main, ["lists", "--json", "--list", str(sdn)])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    loaded = [row for row in rows if row["origin"] == "loaded"]
    assert len(loaded) == 1
    assert loaded[0]["record_count"] > 0
    assert len(loaded[0]["sha256"]) == 64
    assert rows[: len(bundled_lists())] == [r for r in rows if r["origin"] == "bundled"]


def test_unreadable_list_is_a_clean_error(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-list.csv"
    bad.write_text("hello\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["lists", "--list", str(bad)])
    assert result.exit_code == 1
    assert "not-a-list.csv" in result.output
    assert "Traceback" not in result.output


def test_subcommands_still_dispatch() -> None:
    result = CliRunner().invoke(main, ["lists", "--help"])
    assert result.exit_code == 0
    assert "--json" in result.output
    assert "--list" in result.output
