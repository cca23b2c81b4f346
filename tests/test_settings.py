"""Tests for :mod:`screening.settings`: the TOML settings file, read and written."""

from __future__ import annotations

from pathlib import Path

import pytest

from screening.config import MatchSettings
from screening.errors import ConfigError
from screening.settings import (
    find_settings_file,
    load_settings,
    resolve_settings,
    settings_to_toml,
    write_settings,
)

EXAMPLE = """
[thresholds]
default = 0.81

[thresholds.schema]
Person = 0.82
Company = 0.86

[thresholds.list]
"SDN" = 0.85
"EU FSF" = 0.9

[weights]
weak_alias_factor = 0.8
"""


def _file(tmp_path: Path, text: str, name: str = "screening.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_every_section(tmp_path: Path) -> None:
    settings = load_settings(_file(tmp_path, EXAMPLE))
    assert settings.threshold == 0.81
    assert settings.schema_thresholds == {"Person": 0.82, "Company": 0.86}
    assert settings.list_thresholds == {"SDN": 0.85, "EU FSF": 0.9}
    assert settings.weak_alias_factor == 0.8
    assert settings.birth_date_mismatch_penalty == MatchSettings().birth_date_mismatch_penalty
    assert settings.threshold_for("Person") == 0.82
    assert settings.threshold_for("Person", ("SDN",)) == 0.85
    assert settings.threshold_for("Vessel") == 0.81


def test_empty_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(_file(tmp_path, "")) == MatchSettings()


def test_round_trip(tmp_path: Path) -> None:
    settings = MatchSettings(
        threshold=0.87,
        schema_thresholds={"Person": 0.83, "Organization": 0.9},
        list_thresholds={'UK "consolidated"': 0.91},
        country_match_bonus=0.0,
    )
    path = tmp_path / "out.toml"
    write_settings(path, settings, comment="chosen on 2024-05-01\nrecall 0.99")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# chosen on 2024-05-01\n# recall 0.99\n")
    assert load_settings(path) == settings
    assert not (tmp_path / "out.toml.tmp").exists()


def test_written_file_lists_every_weight() -> None:
    text = settings_to_toml(MatchSettings())
    assert "[weights]" in text
    assert "birth_date_mismatch_penalty = 0.12" in text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[thresholds]\ndefault = 1.5\n", "thresholds.default = 1.5 is outside 0..1"),
        ("[thresholds]\ndefault = 'high'\n", "thresholds.default must be a number"),
        ("[thresholds]\ndefault = true\n", "thresholds.default must be a number"),
        ("[thresholds]\ndefualt = 0.8\n", "unknown key thresholds.defualt"),
        ("[thresholds.schema]\nHuman = 0.8\n", "thresholds.schema.Human: unknown schema"),
        ("[thresholds.list]\nSDN = -0.1\n", "thresholds.list.SDN = -0.1 is outside"),
        ("[weights]\nfoo = 0.1\n", "unknown key weights.foo"),
        ("[threshold]\ndefault = 0.8\n", "unknown key threshold;"),
        ("thresholds = 0.8\n", "thresholds must be a table"),
        ("[thresholds\n", "not valid TOML"),
    ],
)
def test_bad_values_name_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = _file(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert str(info.value).startswith(str(path))
    assert message in str(info.value)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "screening.toml"
    path.write_bytes(b"[thresholds]\n# \xff\ndefault = 0.8\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_settings(path)


def test_lookup_in_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert find_settings_file() is None
    assert resolve_settings() == MatchSettings()
    _file(tmp_path, "[thresholds]\ndefault = 0.9\n")
    assert resolve_settings().threshold == 0.9
    other = _file(tmp_path, "[thresholds]\ndefault = 0.7\n", name="other.toml")
    assert resolve_settings(other).threshold == 0.7
    with pytest.raises(ConfigError, match="settings file not found"):
        find_settings_file(tmp_path / "missing.toml")
