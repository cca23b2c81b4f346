"""screening.dask: partitions screened on a local cluster match the CLI output."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

pytest.importorskip("pandas", reason="needs the dask extra: pip install .[dask]")
pytest.importorskip("dask.dataframe", reason="needs the dask extra: pip install .[dask]")
pytest.importorskip("distributed", reason="needs the dask extra: pip install .[dask]")

import dask.dataframe as dd
import pandas as pd

from screening import Screener
from screening.bulk import OUTPUT_COLUMNS, screen_csv
from screening.dask import (
    screen_batches,
    screen_dataframe,
    screen_partition,
    worker_screener,
)

ROOT = Path(__file__).resolve().parents[1]

ENTITIES = [
    {"id": "zhu", "schema": "Person", "caption": "ZHU Hailun",
     "properties": {"name": ["ZHU Hailun"], "alias": ["朱海仑"], "birthDate": ["1958-01"]}},
    {"id": "hik", "schema": "Company", "caption": "Hikvision",
     "properties": {"name": ["Hikvision"], "country": ["cn"]}},
]
ROWS = [
    ("1", "Chu Hai-lun", "person", "1958", "CN"),
    ("2", "Mary Jones", "person", "", "GB"),
    ("3", "", "person", "", ""),
    ("4", "Hikvision Co., Ltd.", "company", "", "CN"),
    ("5", "朱海侖", "", "", ""),
    ("6", "Acme GmbH", "company", "", "DE"),
] * 5


@pytest.fixture(scope="module")
def list_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lists") / "entities.ftm.json"
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in ENTITIES))
    return path


def frame() -> pd.DataFrame:
    rows = [(f"{i}-{r[0]}", *r[1:]) for i, r in enumerate(ROWS)]
    return pd.DataFrame(rows, columns=["id", "name", "type", "birth_date", "country"])


def cli_output(tmp_path: Path, list_file: Path) -> pd.DataFrame:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    frame().to_csv(src, index=False)
    screen_csv(src, out, screener=Screener.from_files(list_file), workers=1)
    with out.open(encoding="utf-8", newline="") as f:
        return pd.DataFrame(list(csv.DictReader(f)))


def as_cli_text(df: pd.DataFrame) -> pd.DataFrame:
    """The partition result written the way the CLI writes it, for comparison."""
    text = df.copy()
    text["match_count"] = [("" if pd.isna(v) else str(v)) for v in df["match_count"]]
    text["top_score"] = [("" if pd.isna(v) else f"{v:.4f}") for v in df["top_score"]]
    return text.fillna("").astype(str)


def test_screen_partition_matches_the_cli(tmp_path: Path, list_file: Path) -> None:
    result = screen_partition(frame(), screener=Screener.from_files(list_file))
    assert list(result.columns) == ["id", "name", "type", "birth_date", "country",
                                    *OUTPUT_COLUMNS]
    assert result["top_entity_id"].tolist()[:6] == ["os-zhu", "", "", "os-hik", "os-zhu", ""]
    assert result["error"].tolist()[2] == "empty name"
    cli = cli_output(tmp_path, list_file)
    mine = as_cli_text(result)
    for column in OUTPUT_COLUMNS[:-1]:
        assert mine[column].tolist() == cli[column].tolist(), column


def test_worker_screener_is_built_once(list_file: Path) -> None:
    assert worker_screener([str(list_file)]) is worker_screener([str(list_file)])


def test_screen_batches_for_spark(list_file: Path) -> None:
    batches = [frame().iloc[:10], frame().iloc[10:]]
    out = list(screen_batches(iter(batches), list_paths=[str(list_file)]))
    assert [len(b) for b in out] == [10, len(ROWS) - 10]
    assert out[0]["top_entity_id"].iloc[0] == "os-zhu"


@pytest.mark.slow
def test_local_cluster_of_two_workers(
    tmp_path: Path, list_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from distributed import Client, LocalCluster

    # Worker processes import screening from this checkout, installed or not.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT),
                                                                   os.environ.get("PYTHONPATH")])))
    ddf = dd.from_pandas(frame(), npartitions=6)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        result = screen_dataframe(ddf, list_paths=[str(list_file)]).compute()
        pids = client.run(os.getpid)
        built = client.run(lambda: len(__import__("screening.dask").dask._ENGINES))
    assert len(set(pids.values())) == 2
    assert all(n <= 1 for n in built.values())
    cli = cli_output(tmp_path, list_file)
    mine = as_cli_text(result.sort_index())
    for column in OUTPUT_COLUMNS[:-1]:
        assert mine[column].tolist() == cli[column].tolist(), column
