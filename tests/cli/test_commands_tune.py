"""``screening tune`` and ``screening explain`` from the command line."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from screening.cli import main
from screening.config import DEFAULT_THRESHOLD
from screening.settings import load_settings

LIST = (
    '{"id": "zhu", "schema": "Person", "properties": {"name": ["ZHU Hailun"], '
    '"birthDate": ["1958-01-01"], "nationality": ["cn"]}}\n'
    '{"id": "hw", "schema": "Company", "properties": '
    '{"name": ["Huawei Technologies Co., Ltd."]}}\n'
    '{"id": "li", "schema": "Person", "properties": {"name": ["LI Wei"]}}\n'
)
LABELLED = (
    "name,schema,expected,class\n"
    "ZHU Hailun,Person,os-zhu,exact\n"
    "Hailun Zhu,Person,os-zhu,reordered\n"
    "Chu Hai-lun,Person,os-zhu,wade-giles\n"
    "Huawei Technologies Co. Ltd.,Company,os-hw,exact\n"
    "Dmitri Ivanov,Person,,negative\n"
    "Li Wei,Person,os-li,exact\n"
    "Oceanic Shipping Ltd,Company,,negative\n"
)


@pytest.fixture(autouse=True)
def _no_local_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in an empty directory, so that no ./screening.toml changes the thresholds."""
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    lst = tmp_path / "list.ftm.json"
    lst.write_text(LIST, encoding="utf-8")
    labelled = tmp_path / "labelled.csv"
    labelled.write_text(LABELLED, encoding="utf-8")
    return lst, labelled


def _tune(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["tune", *args])
    return result.exit_code, result.stdout, result.stderr


def test_tune_prints_table_and_recommendation(files: tuple[Path, Path]) -> None:
    lst, labelled = files
    code, out, err = _tune(str(labelled), "--list", str(lst))
    assert code == 0, out + err
    assert "tuned 7 rows (5 expected matches, 2 expected non-alerts) against 3 listed" in out
    assert "recommended threshold (all all): 0.99" in out
    assert "recommended threshold (schema person):" in out
    assert "recommended threshold (schema organization): 1.00" in out  # exact names only
    assert "weakest true matches kept at 0.99" in out
    assert "Wade-Giles" in out  # the weakest matches come with their explanations
    assert err.count("rows not tuned") == 0


def test_tune_report(files: tuple[Path, Path], tmp_path: Path) -> None:
    lst, labelled = files
    out_dir = tmp_path / "report"
    code, out, err = _tune(str(labelled), "--list", str(lst), "--report", str(out_dir))
    assert code == 0, out + err
    names = {p.name for p in out_dir.iterdir()}
    assert {"table.csv", "table.json", "report.md"} <= names
    report = (out_dir / "report.md").read_text(encoding="utf-8")
    assert hashlib.sha256(lst.read_bytes()).hexdigest() in report  # list checksum
    assert hashlib.sha256(labelled.read_bytes()).hexdigest() in report  # data checksum
    assert "Recommended threshold: 0.99" in report
    data = json.loads((out_dir / "table.json").read_text(encoding="utf-8"))
    assert {row["dimension"] for row in data["table"]} == {"all", "schema", "class"}
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        pytest.skip("plots need the 'plots' extra (matplotlib); tables checked")
    for png in ("precision_recall.png", "score_distributions.png"):
        assert (out_dir / png).read_bytes().startswith(b"\x89PNG")
        assert (out_dir / png).stat().st_size > 10_000


def test_tune_write_config_round_trip(files: tuple[Path, Path], tmp_path: Path) -> None:
    lst, labelled = files
    config = tmp_path / "screening.toml"
    config.write_text(
        '[thresholds]\ndefault = 0.7\n[thresholds.list]\n"SEMA" = 0.95\n'
        "[weights]\nweak_alias_factor = 0.8\n",
        encoding="utf-8",
    )
    args = [str(labelled), "--list", str(lst), "--config", str(config), "--write-config"]
    code, out, err = _tune(*args)
    assert code == 0, out + err
    assert f"settings written to {config}" in out
    settings = load_settings(config)
    assert settings.threshold == 0.99
    # The one company row is an exact name: the organisation groups may go to 1.00.
    assert settings.schema_thresholds["Company"] == 1.0
    assert settings.schema_thresholds["Organization"] == 1.0
    assert settings.schema_thresholds["Person"] == 0.99
    assert settings.weak_alias_factor == 0.8  # weights kept
    assert settings.list_thresholds == {"SEMA": 0.95}  # per-list settings kept
    assert "per-list thresholds in the file were kept" in err
    text = config.read_text(encoding="utf-8")
    assert text.startswith("# Written by screening tune on ")
    # The written file is read back by the next run, which recommends the same.
    code2, _, _ = _tune(*args)
    assert code2 == 0
    assert load_settings(config) == settings


def test_tune_write_config_defaults_to_working_directory(
    files: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lst, labelled = files
    monkeypatch.chdir(tmp_path)
    code, out, err = _tune(str(labelled), "--list", str(lst), "--write-config")
    assert code == 0, out + err
    assert load_settings(tmp_path / "screening.toml").threshold == 0.99


def test_tune_reports_bad_rows_and_tunes_the_rest(files: tuple[Path, Path]) -> None:
    lst, labelled = files
    labelled.write_bytes(
        LABELLED.encode("utf-8")
        + b"Somebody,Person,os-nobody,x\n"  # line 9
        + b",Person,os-zhu,x\n"  # line 10
        + b"Zh\xe9 Hailun,Person,os-zhu,x\n"  # line 11: latin-1, not UTF-8
    )
    code, out, err = _tune(str(labelled), "--list", str(lst))
    assert code == 0, out + err
    assert "3 rows not tuned:" in err
    assert f"{labelled}, line 9: expected entity 'os-nobody' is not on the lists" in err
    assert f"{labelled}, line 10: missing name" in err
    assert f"{labelled}, line 11: bytes that are not utf-8 (0xe9)" in err
    assert "tuned 7 rows" in out


def test_tune_pairs_needs_no_list(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "q,candidate,same\nChu Hai-lun,ZHU Hailun,yes\nWang Wei,ZHU Hailun,no\n",
        encoding="utf-8",
    )
    code, out, err = _tune(
        str(pairs), "--map", "query=q", "--map", "list_name=candidate", "--map", "is_match=same"
    )
    assert code == 0, out + err
    assert "against name pairs" in out


def test_tune_errors(files: tuple[Path, Path], tmp_path: Path) -> None:
    lst, labelled = files
    code, _, err = _tune(str(labelled), "--list", str(lst), "--map", "nom=x")
    assert code == 1
    assert "unknown field 'nom'" in err
    negatives = tmp_path / "negatives.csv"
    negatives.write_text("name,expected\nDmitri Ivanov,\n", encoding="utf-8")
    code, _, err = _tune(str(negatives), "--list", str(lst))
    assert code == 1
    assert "no row expects a match" in err
    bad_config = tmp_path / "bad.toml"
    bad_config.write_text("[thresholds]\ndefault = 2\n", encoding="utf-8")
    code, _, err = _tune(str(labelled), "--list", str(lst), "--config", str(bad_config))
    assert code == 2
    assert "thresholds.default = 2 is outside 0..1" in err


def _explain(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["explain", *args])
    return result.exit_code, result.output


def test_explain_entity_mentions_transformations(files: tuple[Path, Path], tmp_path: Path) -> None:
    lst, _ = files
    config = tmp_path / "strict.toml"
    config.write_text("[thresholds]\ndefault = 0.995\n", encoding="utf-8")
    code, out = _explain("Chu Hai-lun", "--entity", "os-zhu", "--list", str(lst))
    assert code == 0, out
    assert "rank 1 of" in out
    assert "Wade-Giles" in out
    assert "final score" in out
    assert f"(alert at threshold {DEFAULT_THRESHOLD:g})" in out
    code, out = _explain(
        "Chu Hai-lun",
        "--entity",
        "os-zhu",
        "--birth-date",
        "1990",
        "--list",
        str(lst),
        "--config",
        str(config),
    )
    assert "1990 contradicts 1958-01-01" in out
    assert "no alert at threshold 0.995" in out


def test_explain_best_matches(files: tuple[Path, Path]) -> None:
    lst, _ = files
    code, out = _explain("朱海仑", "--list", str(lst))
    assert code == 0, out
    assert out.startswith("0.9")
    assert "os-zhu" in out
    assert "Han" in out


def test_explain_entity_not_retrieved(files: tuple[Path, Path]) -> None:
    lst, _ = files
    code, out = _explain("Oceanic Shipping Ltd", "--entity", "os-hw", "--list", str(lst))
    assert code == 0, out
    assert "os-hw was not retrieved" in out
    assert "Huawei Technologies" in out  # the direct comparison with each of its names
    code, out = _explain("ZHU Hailun", "--entity", "os-nobody", "--list", str(lst))
    assert code == 1
    assert "no entity 'os-nobody'" in out
