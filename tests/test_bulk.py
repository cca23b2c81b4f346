"""Bulk CSV screening: every row once and in order, bad rows kept, output atomic."""

from __future__ import annotations

import csv
import gc
import io
from pathlib import Path

import pytest

from screening import Entity, InputFileError, Query, Screener
from screening.bulk import (
    ALERT_COLUMNS,
    OUTPUT_COLUMNS,
    BulkSummary,
    RowScreener,
    detect_columns,
    screen_csv,
    screen_records,
    sniff_delimiter,
)
from screening.model import Designation

SDN = Designation(authority="US Treasury OFAC", list_name="SDN", program="GLOMAG")
ENTITIES = [
    Entity(
        id="p-zhu",
        schema="Person",
        names=("ZHU Hailun", "朱海仑"),
        birth_dates=("1958-01",),
        countries=("cn",),
        sources=(SDN,),
    ),
    Entity(id="p-chen", schema="Person", names=("CHEN Quanguo",), countries=("cn",),
           sources=(SDN,)),
    Entity(
        id="c-hik",
        schema="Company",
        names=("Hangzhou Hikvision Digital Technology Co., Ltd.", "Hikvision"),
        countries=("cn",),
        sources=(Designation(authority="US BIS", list_name="Entity List"),),
    ),
    Entity(id="p-smith", schema="Person", names=("John Albert SMITH",), sources=(SDN,)),
]
HEADER = ["id", "name", "type", "birth_date", "country"]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(ENTITIES)


def write_csv(path: Path, rows: list[list[str]], *, delimiter: str = ",",
              encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows([HEADER, *rows])
    path.write_text(buffer.getvalue(), encoding=encoding)
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


ROWS = [
    ["1", "Zhu Hailun", "person", "1958-01-12", "CN"],
    ["2", "Mary Jones", "person", "", "GB"],
    ["3", "朱海仑", "", "", ""],
    ["4", "Hikvision Co Ltd", "company", "", "China"],
    ["5", "Chen Quanguo", "individual", "1955", ""],
    ["6", "Acme Trading GmbH", "company", "", "DE"],
]


def test_every_row_once_in_order_with_match_columns(tmp_path: Path, screener: Screener) -> None:
    src = write_csv(tmp_path / "in.csv", ROWS)
    out = tmp_path / "out.csv"
    summary = screen_csv(src, out, screener=screener, workers=1)
    rows = read_csv(out)
    assert [r["id"] for r in rows] == [r[0] for r in ROWS]
    assert list(rows[0]) == [*HEADER, *OUTPUT_COLUMNS]
    assert rows[0]["top_entity_id"] == "p-zhu"
    assert rows[2]["top_entity_id"] == "p-zhu"
    assert rows[3]["top_entity_id"] == "c-hik"
    assert rows[4]["top_entity_id"] == "p-chen"
    assert rows[1]["match_count"] == "0"
    assert rows[1]["top_entity_id"] == rows[1]["top_score"] == ""
    assert rows[0]["top_list"] == "SDN"
    assert summary.rows_in == summary.rows_out == len(ROWS)
    assert summary.rows_with_errors == 0
    assert summary.alerts >= 4


def test_alerts_file(tmp_path: Path, screener: Screener) -> None:
    src = write_csv(tmp_path / "in.csv", ROWS)
    alerts = tmp_path / "alerts.csv"
    summary = screen_csv(src, tmp_path / "out.csv", screener=screener, alerts=alerts, workers=1)
    rows = read_csv(alerts)
    assert list(rows[0]) == list(ALERT_COLUMNS)
    assert len(rows) == summary.alerts
    zhu = next(r for r in rows if r["id"] == "1")
    assert zhu["row"] == "1"
    assert zhu["query"] == "Zhu Hailun"
    assert zhu["entity_id"] == "p-zhu"
    assert zhu["list"] == "SDN"
    assert zhu["program"] == "GLOMAG"
    assert float(zhu["score"]) >= 0.8
    assert "birth date" in zhu["explanation"]
    assert not any(r["id"] in ("2", "6") for r in rows)


def test_bad_rows_are_kept_counted_and_do_not_stop_the_run(
    tmp_path: Path, screener: Screener
) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(
        b"id,name,type\n"
        b"1,Zhu Hailun,person\n"
        b"2,,person\n"
        b'3,"Hikvision Ltd,company\n'  # quote never closed: swallows the next lines
        b"4,Chen Quanguo,person\n"
        b"5,Caf\xe9 Zhu Hailun,company\n"  # latin-1 byte in a UTF-8 file
        b"6,Mary Jones,person\n"
    )
    out = tmp_path / "out.csv"
    summary = screen_csv(src, out, screener=screener, workers=1)
    rows = read_csv(out)
    assert [r["id"] for r in rows] == ["1", "2", "3", "4", "5", "6"]
    errors = {r["id"]: r["error"] for r in rows if r["error"]}
    assert set(errors) == {"2", "3", "5"}
    assert "empty name" in errors["2"]
    assert "line 3" in errors["2"]
    assert "broken quoting" in errors["3"]
    assert "line 4" in errors["3"]
    assert "line 6" in errors["5"]
    assert "utf-8" in errors["5"]
    assert rows[4]["name"] == "Caf\ufffd Zhu Hailun"
    assert rows[3]["top_entity_id"] == "p-chen"  # the row after the broken one is screened
    assert summary.rows_with_errors == 3
    assert summary.rows_in == summary.rows_out == 6


def test_field_count_mismatch(tmp_path: Path, screener: Screener) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,name,type\n1,Zhu Hailun\n2,Chen Quanguo,person,extra\n")
    rows = read_csv_after(src, tmp_path, screener)
    assert rows[0]["top_entity_id"] == "p-zhu"  # missing trailing cells are empty
    assert "3 fields" not in rows[0]["error"]
    assert "4 fields" in rows[1]["error"]


def read_csv_after(
    src: Path, tmp_path: Path, screener: Screener, **kw: object
) -> list[dict[str, str]]:
    out = tmp_path / "out.csv"
    screen_csv(src, out, screener=screener, workers=1, **kw)  # type: ignore[arg-type]
    return read_csv(out)


def test_multiline_quoted_field_is_one_row(tmp_path: Path, screener: Screener) -> None:
    src = tmp_path / "in.csv"
    src.write_text('id,name,address\n1,"Zhu Hailun","Line 1\nLine 2"\n2,Mary Jones,x\n')
    rows = read_csv_after(src, tmp_path, screener)
    assert [r["id"] for r in rows] == ["1", "2"]
    assert rows[0]["address"] == "Line 1\nLine 2"
    assert not rows[0]["error"]


def test_bom_and_semicolon(tmp_path: Path, screener: Screener) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes("\ufeffid;name;country\n1;Zhu Hailun;CN\n2;Smith, John Albert;\n".encode())
    rows = read_csv_after(src, tmp_path, screener)
    assert next(iter(rows[0])) == "id"
    assert rows[0]["top_entity_id"] == "p-zhu"
    assert rows[1]["name"] == "Smith, John Albert"
    assert rows[1]["top_entity_id"] == "p-smith"


def test_sniff_delimiter() -> None:
    assert sniff_delimiter("a;b;c\n1;x, y;3\n") == ";"
    assert sniff_delimiter("a\tb\n1\t2\n") == "\t"
    assert sniff_delimiter('a,b\n1,"x; y"\n') == ","


def test_other_encoding(tmp_path: Path, screener: Screener) -> None:
    src = write_csv(tmp_path / "in.csv", [["1", "朱海仑", "", "", ""]], encoding="gb18030")
    rows = read_csv_after(src, tmp_path, screener, encoding="gb18030")
    assert rows[0]["name"] == "朱海仑"
    assert rows[0]["top_entity_id"] == "p-zhu"


def test_file_in_wrong_encoding_is_refused_with_a_hint(tmp_path: Path, screener: Screener) -> None:
    rows = [[str(i), "朱海仑", "", "", ""] for i in range(20)]
    src = write_csv(tmp_path / "in.csv", rows, encoding="gb18030")
    out = tmp_path / "out.csv"
    with pytest.raises(InputFileError, match="--encoding gb18030") as info:
        screen_csv(src, out, screener=screener, workers=1)
    assert info.value.line == 2
    assert not out.exists()


def test_unknown_encoding(tmp_path: Path, screener: Screener) -> None:
    src = write_csv(tmp_path / "in.csv", ROWS)
    with pytest.raises(InputFileError, match="unknown encoding"):
        screen_csv(src, tmp_path / "out.csv", screener=screener, encoding="klingon")


def test_missing_name_column_lists_the_header(tmp_path: Path, screener: Screener) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,customer\n1,Zhu Hailun\n")
    with pytest.raises(InputFileError, match="id, customer"):
        screen_csv(src, tmp_path / "out.csv", screener=screener)
    with pytest.raises(InputFileError, match="no name column 'nom'"):
        screen_csv(src, tmp_path / "out.csv", screener=screener, name_column="nom")
    rows = read_csv_after(src, tmp_path, screener, name_column="Customer")
    assert rows[0]["top_entity_id"] == "p-zhu"


def test_empty_and_missing_file(tmp_path: Path, screener: Screener) -> None:
    (tmp_path / "empty.csv").write_text("")
    with pytest.raises(InputFileError, match="empty"):
        screen_csv(tmp_path / "empty.csv", tmp_path / "out.csv", screener=screener)
    with pytest.raises(InputFileError, match="cannot open"):
        screen_csv(tmp_path / "nope.csv", tmp_path / "out.csv", screener=screener)


def test_detect_columns() -> None:
    columns = detect_columns(["Customer_ID", "Full_Name", "DOB", "Nationality", "Type"])
    assert columns.name == "Full_Name"
    assert columns.id == "Customer_ID"
    assert columns.birth_date == "DOB"
    assert columns.country == "Nationality"
    assert columns.schema == "Type"


def test_unreadable_facts_are_ignored_and_counted(tmp_path: Path, screener: Screener) -> None:
    src = write_csv(tmp_path / "in.csv", [["1", "Zhu Hailun", "customer", "12/01/1958", "Mars"]])
    out = tmp_path / "out.csv"
    summary = screen_csv(src, out, screener=screener, workers=1)
    assert summary.ignored_values == 3
    assert read_csv(out)[0]["top_entity_id"] == "p-zhu"


# -- same results as screen_query, whatever the number of workers ---------------------------


def many_rows(n: int) -> list[list[str]]:
    names = ["Zhu Hailun", "Chu Hai-lun", "Mary Jones", "Hikvision", "Chen Quan Guo",
             "John A. Smith", "Wang Wei", "朱海仑", "", "Hangzhou Haikang Weishi"]
    dates = ["", "1958", "1958-01-03", "1970", ""]
    countries = ["", "CN", "GB", "", "US", "HK"]
    return [
        [str(i), names[i % len(names)] + (" Jr" if i % 7 == 0 else ""), "",
         dates[i % len(dates)], countries[i % len(countries)]]
        for i in range(n)
    ]


def test_results_identical_for_any_number_of_workers(
    tmp_path: Path, screener: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    import screening.bulk

    monkeypatch.setattr(screening.bulk, "CHUNK_ROWS", 7)  # many chunks, out of order finish
    src = write_csv(tmp_path / "in.csv", many_rows(300))
    outputs = []
    for workers in (1, 2, 3):
        out, alerts = tmp_path / f"out{workers}.csv", tmp_path / f"alerts{workers}.csv"
        summary = screen_csv(src, out, screener=screener, alerts=alerts, workers=workers)
        assert summary.workers == workers
        outputs.append((out.read_bytes(), alerts.read_bytes(), summary.alerts,
                        summary.rows_with_errors))
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0][2] > 0


def test_row_screener_agrees_with_screen_query(screener: Screener) -> None:
    engine = RowScreener(screener)
    for _, name, _, date, country in many_rows(60):
        if not name:
            continue
        key = (name, None, date or None, country.lower() or None)
        expected = screener.screen_query(
            Query(name=name, birth_date=key[2], country=key[3]), limit=100
        )
        got = engine.matches(key)
        # Same entities and scores. The matched name may differ only where the context cap
        # (0.99) makes two names of one entity tie; the bulk path reports the better name.
        assert [(m.entity.id, m.score) for m in got] == [(m.entity.id, m.score) for m in expected]


def test_row_screener_agrees_with_explicit_threshold(screener: Screener) -> None:
    engine = RowScreener(screener, threshold=0.6)
    for name in ("Zhu Hailong", "Chen Guo", "Hikvision Digital"):
        expected = screener.screen_query(Query(name=name, country="cn"), threshold=0.6, limit=99)
        got = engine.matches((name, None, None, "cn"))
        assert [(m.entity.id, m.score) for m in got] == [(m.entity.id, m.score) for m in expected]


def test_screen_records(screener: Screener) -> None:
    results = list(screen_records([("Zhu Hailun", "Person", None, None),
                                   ("Mary Jones", None, None, None)], screener=screener))
    assert [m.entity.id for m in results[0]] == ["p-zhu"]
    assert results[1] == []


# -- atomic output ------------------------------------------------------------------------


class FailingScreener(Screener):
    """Raises on the n-th distinct query, like an engine bug deep into a run."""

    def __init__(self, *args: object, fail_at: int, error: type[BaseException], **kw: object):
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        self.calls = 0
        self.fail_at = fail_at
        self.error = error

    def screen_query(self, query: Query, **kw: object) -> list:  # type: ignore[override]
        self.calls += 1
        if self.calls >= self.fail_at:
            raise self.error("boom")
        return super().screen_query(query, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
@pytest.mark.parametrize("workers", [1, 2])
def test_crash_leaves_previous_output_untouched(
    tmp_path: Path, error: type[BaseException], workers: int
) -> None:
    rows = [[str(i), f"Person Number{i} Zhu", "", "", ""] for i in range(200)]
    src = write_csv(tmp_path / "in.csv", rows)
    out, alerts = tmp_path / "out.csv", tmp_path / "alerts.csv"
    out.write_text("previous run\n")
    failing = FailingScreener(ENTITIES, fail_at=50, error=error)
    with pytest.raises(error if workers == 1 else RuntimeError):
        screen_csv(src, out, screener=failing, alerts=alerts, workers=workers)
    assert out.read_text() == "previous run\n"
    assert not alerts.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]


def test_progress_line(tmp_path: Path, screener: Screener) -> None:
    src = write_csv(tmp_path / "in.csv", ROWS)
    stream = io.StringIO()
    screen_csv(src, tmp_path / "out.csv", screener=screener, workers=1, progress=stream)
    assert stream.getvalue().rstrip().endswith("rows/s")
    assert "6 rows" in stream.getvalue()


def test_summary_renders_lists(tmp_path: Path) -> None:
    from screening.bulk import ListInfo

    summary = BulkSummary(rows_in=10, rows_out=10, rows_with_errors=1, alerts=2, elapsed=2.0,
                          lists=(ListInfo("SDN", "ab" * 32),))
    text = summary.render()
    assert "rows with errors: 1" in text
    assert "SDN  sha256:" + "ab" * 32 in text
    assert summary.rows_per_second == 5.0


def test_workers_screen_each_distinct_name_once(
    tmp_path: Path, screener: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows repeat names; across both workers each distinct name is compared once."""
    import os

    import screening.bulk

    monkeypatch.setattr(screening.bulk, "CHUNK_ROWS", 7)
    log = tmp_path / "screened.log"
    original = RowScreener.name_hits

    def logged(self: RowScreener, name: str, schema: str | None) -> screening.bulk.NameHits:
        # Forked workers share this function; O_APPEND writes of one line do not interleave.
        fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
        try:
            os.write(fd, f"{name}\t{schema}\n".encode())
        finally:
            os.close(fd)
        return original(self, name, schema)

    monkeypatch.setattr(RowScreener, "name_hits", logged)
    rows = many_rows(300)
    src = write_csv(tmp_path / "in.csv", rows)
    screen_csv(src, tmp_path / "out.csv", screener=screener, workers=2)
    screened = log.read_text(encoding="utf-8").splitlines()
    assert len(screened) == len(set(screened))
    assert len(screened) < len(rows)


@pytest.mark.parametrize("workers", [1, 2])
def test_the_collector_gets_the_callers_objects_back(
    tmp_path: Path, screener: Screener, workers: int
) -> None:
    # The run freezes the index out of the garbage collector; afterwards nothing is frozen.
    assert gc.get_freeze_count() == 0
    src = write_csv(tmp_path / "in.csv", ROWS)
    screen_csv(src, tmp_path / "out.csv", screener=screener, workers=workers)
    assert gc.get_freeze_count() == 0


def test_objects_the_caller_froze_stay_frozen(tmp_path: Path, screener: Screener) -> None:
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        src = write_csv(tmp_path / "in.csv", ROWS)
        screen_csv(src, tmp_path / "out.csv", screener=screener, workers=1)
        assert gc.get_freeze_count() >= before > 0
    finally:
        gc.unfreeze()


def test_kana_rows_are_screened_alike_by_any_number_of_workers(tmp_path: Path) -> None:
    # Each worker builds the index's kana table on its first kana row.
    screener = Screener([
        *ENTITIES,
        Entity(id="c-kal", schema="Company", names=("JSC Kalashnikov Concern",),
               sources=(SDN,)),
    ])
    rows = [
        ["1", "カラシニコフ・コンツェルン", "company", "", ""],
        ["2", "ｶﾗｼﾆｺﾌ･ｺﾝﾂｪﾙﾝ", "", "", ""],
        ["3", "Zhu Hailun", "person", "", ""],
        ["4", "トヨタ自動車株式会社", "company", "", "JP"],
    ]
    src = write_csv(tmp_path / "in.csv", rows)
    outputs = []
    for workers in (1, 2):
        out = tmp_path / f"out{workers}.csv"
        screen_csv(src, out, screener=screener, workers=workers)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    result = read_csv(tmp_path / "out1.csv")
    assert [r["top_entity_id"] for r in result] == ["c-kal", "c-kal", "p-zhu", ""]
