"""Tests for :mod:`screening.tune`: counts checked by hand, both file shapes, bad rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from screening import Entity, Query, Screener
from screening.errors import InputFileError
from screening.tune import (
    CHUNK_ROWS,
    THRESHOLDS,
    LabelledRecord,
    RowResult,
    TableRow,
    evaluate,
    missed_rows,
    parse_mapping,
    read_labelled,
    sweep,
    write_report,
)

ENTITIES = [
    Entity(id="zhu", schema="Person", names=("ZHU Hailun",)),
    Entity(id="huawei", schema="Company", names=("Huawei Technologies Co., Ltd.",)),
    Entity(id="li", schema="Person", names=("LI Wei",)),
]

# Scores that do not depend on scoring details: identical names score 1.0, a reordered name
# is capped at 0.99 (1.0 is reserved for identical), unrelated names stay below 0.50.
LABELLED = """name,schema,expected,class
ZHU Hailun,Person,zhu,exact
Hailun Zhu,Person,zhu,reordered
Huawei Technologies Co. Ltd.,Company,huawei,exact
Dmitri Ivanov,Person,,negative
Li Wei,Person,li,exact
Oceanic Shipping Ltd,Company,,negative
Zhu Hailun,Person,,known false positive
"""


def _write(tmp_path: Path, text: str | bytes, name: str = "labelled.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def _row(
    table: list[TableRow], threshold: float, dimension: str = "all", group: str = "all"
) -> TableRow:
    return next(
        r
        for r in table
        if r.threshold == threshold and r.dimension == dimension and r.group == group
    )


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(ENTITIES)


def test_thresholds_are_the_hundredths_from_half_to_one() -> None:
    assert THRESHOLDS[0] == 0.5
    assert THRESHOLDS[-1] == 1.0
    assert len(THRESHOLDS) == 51
    assert 0.86 in THRESHOLDS


def _result(record: LabelledRecord, expected: float | None, others: tuple[float, ...]) -> RowResult:
    return RowResult(
        record=record,
        schema_group="person",
        expected_score=expected,
        retrieved=expected is not None or record.expected is None,
        other_scores=others,
    )


def test_sweep_counts_by_hand() -> None:
    pos = LabelledRecord(line=2, query=Query("a"), expected="x")
    neg = LabelledRecord(line=3, query=Query("b"))
    rows = [
        _result(pos, 0.95, (0.70,)),  # found up to 0.95; one false candidate at 0.70
        _result(pos, 0.80, ()),  # found up to 0.80
        _result(pos, None, ()),  # never retrieved
        _result(neg, None, (0.90, 0.60)),  # a negative with two false candidates
        _result(neg, None, ()),  # a clean negative
    ]
    table = sweep(rows)
    at = {t: _row(table, t) for t in (0.6, 0.8, 0.9, 0.96)}
    # 0.60: found 2 of 3; false alerts 0.70, 0.90, 0.60; alerting rows 1, 2, 4.
    assert (at[0.6].found, at[0.6].missed, at[0.6].false_alerts, at[0.6].alerted_rows) == (
        2,
        1,
        3,
        3,
    )
    assert at[0.6].recall == pytest.approx(2 / 3)
    assert at[0.6].precision == pytest.approx(2 / 5)
    assert at[0.6].alerts_per_1000 == pytest.approx(600.0)
    assert (at[0.6].missed_not_retrieved, at[0.6].missed_low_score) == (1, 0)
    # One of the two negatives alerts (its 0.90 candidate) at 0.60 and 0.90; none at 0.96.
    assert at[0.6].negatives == 2
    assert at[0.6].negative_alerts_per_1000 == pytest.approx(500.0)
    assert at[0.9].negative_alerts_per_1000 == pytest.approx(500.0)
    # 0.80 (a score equal to the threshold alerts): found 2; false 0.90 only; rows 1, 2, 4.
    assert (at[0.8].found, at[0.8].false_alerts, at[0.8].alerted_rows) == (2, 1, 3)
    assert at[0.8].precision == pytest.approx(2 / 3)
    # 0.90: found 1 (0.95); the 0.80 match is now a scoring miss; false 0.90; rows 1, 4.
    assert (at[0.9].found, at[0.9].missed_low_score, at[0.9].false_alerts) == (1, 1, 1)
    assert at[0.9].alerts_per_1000 == pytest.approx(400.0)
    assert at[0.9].false_alert_rows == 1
    # 0.96: nothing alerts; precision is undefined, not zero.
    assert (at[0.96].found, at[0.96].alerted_rows, at[0.96].precision) == (0, 0, None)
    assert at[0.96].negative_alerts_per_1000 == 0.0


def test_labelled_file_counts_by_hand(tmp_path: Path, screener: Screener) -> None:
    labelled = read_labelled(_write(tmp_path, LABELLED))
    assert labelled.shape == "labelled"
    assert labelled.problems == ()
    result = evaluate(screener, labelled)
    assert len(result.rows) == 7
    table = result.table()
    # 1.00: the three identical names (lines 2, 4, 6) are found, the reordered one (0.99)
    # is not; the known false positive (line 8) alerts. 4 of 7 rows alert.
    top = _row(table, 1.0)
    assert (top.positives, top.found, top.missed, top.false_alerts) == (4, 3, 1, 1)
    assert top.recall == pytest.approx(0.75)
    assert top.precision == pytest.approx(0.75)
    assert top.alerts_per_1000 == pytest.approx(1000 * 4 / 7)
    # 0.90: every true match is found; still one false alert; 5 of 7 rows alert.
    high = _row(table, 0.9)
    assert (high.found, high.false_alerts, high.alerted_rows) == (4, 1, 5)
    assert high.precision == pytest.approx(0.8)
    assert high.alerts_per_1000 == pytest.approx(1000 * 5 / 7)
    # Of the three negatives (lines 5, 7, 8) only the known false positive alerts.
    assert high.negative_alerts_per_1000 == pytest.approx(1000 / 3)
    low = _row(table, 0.5)
    assert low.found == 4
    assert low.alerted_rows >= 5
    # Split by schema: persons are lines 2, 3, 5, 6, 8; companies lines 4 and 7.
    person = _row(table, 1.0, "schema", "person")
    assert (person.rows, person.positives, person.found, person.false_alerts) == (5, 3, 2, 1)
    org = _row(table, 1.0, "schema", "organization")
    assert (org.rows, org.positives, org.found, org.false_alerts) == (2, 1, 1, 0)
    # Split by class, since the file has a class column.
    exact = _row(table, 1.0, "class", "exact")
    assert (exact.rows, exact.found) == (3, 3)
    assert [r.record.line for r in missed_rows(result.rows, 1.0)] == [3]


def test_recommendation_and_weakest_true_matches(tmp_path: Path, screener: Screener) -> None:
    result = evaluate(screener, read_labelled(_write(tmp_path, LABELLED)))
    rec = result.recommend(0.99)
    # The reordered name scores 0.99: the highest threshold keeping all four is 0.99.
    assert rec.reached
    assert rec.threshold == 0.99
    assert rec.at_threshold.recall == 1.0
    weakest = rec.weakest[0]
    assert (weakest.line, weakest.entity_id, weakest.score) == (3, "zhu", 0.99)
    assert "hailun" in weakest.explanation.lower()
    assert "final score" in weakest.explanation
    # Three of four is enough at a target of 0.75: 1.00 keeps them.
    loose = result.recommend(0.75)
    assert loose.threshold == 1.0
    assert [m.line for m in loose.nearest_misses] == [3]
    person = result.recommend(1.0, dimension="schema", group="person")
    assert person.threshold == 0.99
    with pytest.raises(ValueError, match="no positive rows"):
        result.recommend(0.9, dimension="class", group="negative")


def test_unreachable_target_falls_back_to_lowest_threshold(screener: Screener) -> None:
    records = [
        LabelledRecord(line=2, query=Query("ZHU Hailun"), expected="zhu"),
        LabelledRecord(line=3, query=Query("Oceanic Shipping Ltd"), expected="huawei"),
    ]
    rec = evaluate(screener, records).recommend(0.99)
    assert not rec.reached
    assert rec.threshold == 0.5
    assert rec.at_threshold.missed == 1


def test_retrieval_misses_told_apart_from_scoring_misses(screener: Screener) -> None:
    records = [
        # Shares no blocking key with Huawei: never reaches the scorer.
        LabelledRecord(line=2, query=Query("Oceanic Shipping Ltd"), expected="huawei"),
        # Retrieved (shares the surname) but a different given name: scored low.
        LabelledRecord(line=3, query=Query("Li Qiang", schema="Person"), expected="li"),
    ]
    result = evaluate(screener, records)
    by_line = {r.record.line: r for r in result.rows}
    assert by_line[2].retrieved is False
    assert by_line[3].retrieved is True
    top = _row(result.table(), 1.0)
    assert (top.missed_not_retrieved, top.missed_low_score) == (1, 1)


def test_pairs_shape(tmp_path: Path) -> None:
    text = (
        "query,list_name,is_match,schema\n"
        "Chu Hai-lun,ZHU Hailun,yes,\n"
        "朱海仑,ZHU Hailun,1,Person\n"
        "Wang Wei,ZHU Hailun,no,\n"
        'Huawei Tech,"Huawei Technologies Co., Ltd.",true,company\n'
    )
    labelled = read_labelled(_write(tmp_path, text))
    assert labelled.shape == "pairs"
    assert labelled.problems == ()
    result = evaluate(None, labelled)
    high = _row(result.table(), 0.9)
    assert (high.rows, high.positives, high.found, high.false_alerts) == (4, 3, 3, 0)
    assert {g for d, g in result.groups() if d == "schema"} == {"person", "organization"}
    assert any("Wade-Giles" in w.explanation for w in result.recommend(0.9).weakest)


def test_bad_rows_are_reported_and_the_rest_tuned(tmp_path: Path, screener: Screener) -> None:
    data = (
        b"name,schema,birth_date,expected\n"
        b"ZHU Hailun,Person,,zhu\n"
        b"Somebody,Person,,nobody\n"  # line 3: unknown entity id
        b",Person,,zhu\n"  # line 4: missing name
        b"Zh\xff Hailun,Person,,zhu\n"  # line 5: not UTF-8
        b"Li Wei,Alien,,li\n"  # line 6: unknown schema
        b"Li Wei,Person,1958-13,li\n"  # line 7: impossible birth date
        b"\n"
        b'"Li\nWei",Person,,li\n'  # lines 9-10: a quoted line break is fine
        b"Li Wei,Person,,li\n"  # line 11
    )
    labelled = read_labelled(_write(tmp_path, data))
    result = evaluate(screener, labelled)
    lines = [p.line for p in result.problems]
    assert lines == [3, 4, 5, 6, 7]
    messages = [str(p) for p in result.problems]
    assert all(m.startswith(f"{labelled.path}, line ") for m in messages)
    assert "'nobody' is not on the lists" in messages[0]
    assert "missing name" in messages[1]
    assert "not utf-8 (0xff)" in messages[2]
    assert "unknown schema 'Alien'" in messages[3]
    assert "1958-13" in messages[4]
    assert [r.record.line for r in result.rows] == [2, 9, 11]
    assert labelled.data_rows == 8


def test_whole_file_errors(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="empty file"):
        read_labelled(_write(tmp_path, ""))
    with pytest.raises(InputFileError, match="no 'name' column"):
        read_labelled(_write(tmp_path, "who,expected\nx,y\n"))
    with pytest.raises(InputFileError, match="mapped column 'Full name'"):
        read_labelled(_write(tmp_path, "name,expected\nx,y\n"), mapping={"name": "Full name"})


def test_column_mapping(tmp_path: Path, screener: Screener) -> None:
    text = "\ufeffFull Name,Entity\nZHU Hailun,zhu\nNobody Here,\n"
    mapping = parse_mapping(["name=full name", "expected=Entity"])
    labelled = read_labelled(_write(tmp_path, text), mapping=mapping)
    assert [r.expected for r in labelled.records] == ["zhu", None]
    assert evaluate(screener, labelled).recommend(1.0).threshold == 1.0
    with pytest.raises(InputFileError, match="FIELD=COLUMN"):
        parse_mapping(["name"])
    with pytest.raises(InputFileError, match="unknown field 'nom'"):
        parse_mapping(["nom=x"])


def test_parallel_evaluation_matches_serial(screener: Screener) -> None:
    names = ["ZHU Hailun", "Hailun Zhu", "Li Wei", "Huawei Tech", "Wang Fang"]
    records = [
        LabelledRecord(line=i + 2, query=Query(names[i % 5]), expected="zhu" if i % 5 < 2 else None)
        for i in range(2 * CHUNK_ROWS + 10)
    ]
    serial = evaluate(screener, records)
    ticks: list[int] = []
    parallel = evaluate(screener, records, workers=2, progress=ticks.append)
    assert parallel.table() == serial.table()
    assert sum(ticks) == len(records)


def test_report_files(tmp_path: Path, screener: Screener) -> None:
    labelled = read_labelled(_write(tmp_path, LABELLED))
    result = evaluate(screener, labelled)
    recs = [result.recommend(0.99), result.recommend(0.99, dimension="schema", group="person")]
    out = tmp_path / "report"
    written = write_report(out, result, recs, labelled=labelled, plots=False)
    assert {p.name for p in written} == {"table.csv", "table.json", "report.md"}
    csv_lines = (out / "table.csv").read_text(encoding="utf-8").splitlines()
    assert csv_lines[0].startswith("dimension,group,threshold,rows,positives,found")
    assert len(csv_lines) == 1 + 51 * len(result.groups())
    data = json.loads((out / "table.json").read_text(encoding="utf-8"))
    assert data["recommendations"][0]["threshold"] == 0.99
    assert data["recommendations"][0]["weakest_true_matches"][0]["line"] == 3
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "Recommended threshold: 0.99" in report
    assert labelled.sha256 in report
    assert "install the `plots` extra" in report


def test_plots_are_drawn(tmp_path: Path, screener: Screener) -> None:
    pytest.importorskip("matplotlib", reason="plots need the 'plots' extra (matplotlib)")
    from screening.plots import plot_precision_recall, plot_score_distributions

    result = evaluate(screener, read_labelled(_write(tmp_path, LABELLED)))
    for draw in (plot_precision_recall, plot_score_distributions):
        path = draw(result, tmp_path / f"{draw.__name__}.png", threshold=0.99)
        data = path.read_bytes()
        assert data.startswith(b"\x89PNG")
        assert len(data) > 10_000  # axes, curves and labels, not a blank canvas
    written = write_report(tmp_path / "report", result, [result.recommend(0.99)])
    assert {"precision_recall.png", "score_distributions.png"} <= {p.name for p in written}
    report = (tmp_path / "report" / "report.md").read_text(encoding="utf-8")
    assert "![precision recall](precision_recall.png)" in report
