"""``screening lists fetch`` and ``screening lists diff`` end to end, against a local server."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner, Result

from screening.cli import main


def _load_listserver() -> ModuleType:
    # The test server lives with the fetch tests; load it by path, once, under the name those
    # tests import it by, so both folders share one module.
    if "listserver" in sys.modules:
        return sys.modules["listserver"]
    path = Path(__file__).resolve().parents[1] / "update" / "listserver.py"
    spec = importlib.util.spec_from_file_location("listserver", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["listserver"] = module
    spec.loader.exec_module(module)
    return module


listserver = _load_listserver()
OFFICIAL: Path = listserver.OFFICIAL
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "update"

pytestmark = pytest.mark.skipif(
    not OFFICIAL.is_dir(), reason=f"shared official samples not found at {OFFICIAL}"
)


@pytest.fixture
def server() -> Iterator[Any]:
    with listserver.serve() as s:
        yield s


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["lists", *args])


def write_sources(path: Path, server: Any, *names: str) -> Path:
    """A sources file with the OFAC XML sample under each of ``names`` plus a broken source."""
    tables: dict[str, dict[str, object]] = {}
    for name in names:
        url = server.serve_file(
            f"/{name}/CONSOLIDATED.XML", OFFICIAL / "ofac_sdn_xml" / "consolidated.xml"
        )
        tables[name] = {"authority": "US Treasury OFAC", "format": "ofac_xml", "url": url}
    tables["broken"] = {"format": "ofac_xml", "url": server.url("/broken.xml")}
    return listserver.write_sources(path, tables)


def test_fetch_then_diff_previous_against_current(tmp_path: Path, server: Any) -> None:
    sources = write_sources(tmp_path / "sources.toml", server, "ofac")
    lists = tmp_path / "lists"

    first = run("fetch", "--dir", str(lists), "--sources", str(sources), "--only", "ofac")
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("updated    ofac  (ofac_xml, ")

    routes = server.routes
    body = routes["/ofac/CONSOLIDATED.XML"].body
    start = body.rindex(b"<sdnEntry>")
    end = body.index(b"</sdnEntry>", start) + len(b"</sdnEntry>")
    routes["/ofac/CONSOLIDATED.XML"].body = body[:start] + body[end:]
    second = run("fetch", "--dir", str(lists), "--sources", str(sources), "--only", "ofac")
    assert second.exit_code == 0, second.output

    table = run("diff", str(lists / "ofac" / "previous"), str(lists / "ofac"))
    assert table.exit_code == 0, table.output
    assert "0 added, 1 removed, 0 changed" in table.stdout
    removed = [line for line in table.stdout.splitlines() if line.startswith("removed")]
    assert len(removed) == 1

    as_json = run("diff", "--json", str(lists / "ofac" / "previous"), str(lists / "ofac"))
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.stdout)
    assert data["summary"]["removed"] == 1
    assert data["old"][0]["format"] == data["new"][0]["format"] == "ofac_xml"
    assert data["old"][0]["record_count"] == data["new"][0]["record_count"] + 1


def test_fetch_reports_failures_and_exits_1(tmp_path: Path, server: Any) -> None:
    sources = write_sources(tmp_path / "sources.toml", server, "ofac")

    result = run("fetch", "--dir", str(tmp_path / "lists"), "--sources", str(sources))

    assert result.exit_code == 1
    assert "FAILED     broken: broken: http://127.0.0.1:" in result.stdout
    assert "HTTP status 404" in result.stdout
    assert "1 of 2 source(s) failed: broken" in result.stderr
    assert (tmp_path / "lists" / "ofac" / "CONSOLIDATED.XML").is_file()


def test_only_is_repeatable(tmp_path: Path, server: Any) -> None:
    sources = write_sources(tmp_path / "sources.toml", server, "one", "two", "three")

    result = run(
        "fetch",
        "--dir",
        str(tmp_path),
        "--sources",
        str(sources),
        "--only",
        "one",
        "--only",
        "three",
    )

    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == ["one", "three"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--only", "nope"], "unknown source(s) nope"),
        ([], "--dir is required"),
    ],
)
def test_fetch_usage_errors_exit_2(
    tmp_path: Path, server: Any, args: list[str], message: str
) -> None:
    sources = write_sources(tmp_path / "sources.toml", server, "ofac")
    if args:
        args = ["--dir", str(tmp_path / "lists"), *args]
    result = run("fetch", "--sources", str(sources), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert server.requests == []


def test_bad_sources_file_exits_2(tmp_path: Path) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text('[sources.un_sc]\nurl = "ftp://example.org/x.xml"\n', encoding="utf-8")
    result = run("fetch", "--dir", str(tmp_path), "--sources", str(sources))
    assert result.exit_code == 2
    assert "must be an absolute http(s) address" in result.stderr


def test_list_sources_prints_addresses(tmp_path: Path, server: Any) -> None:
    sources = write_sources(tmp_path / "sources.toml", server, "ofac")
    result = run("fetch", "--list-sources", "--sources", str(sources))
    assert result.exit_code == 0
    assert "ofac  [ofac_xml]  US Treasury OFAC" in result.stdout
    assert server.url("/ofac/CONSOLIDATED.XML") in result.stdout


def test_diff_of_two_files_keeps_exit_0() -> None:
    old, new = str(FIXTURES / "list_v1.ftm.json"), str(FIXTURES / "list_v2.ftm.json")

    table = run("diff", old, new)
    as_json = run("diff", old, new, "--json")

    assert table.exit_code == 0, table.output
    assert "1 added, 1 removed, 1 changed, 1 unchanged" in table.stdout
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout)["summary"] == {
        "added": 1,
        "removed": 1,
        "changed": 1,
        "unchanged": 1,
    }


def test_diff_of_a_file_that_is_not_a_list_exits_2(tmp_path: Path) -> None:
    garbage = tmp_path / "page.html"
    garbage.write_bytes(listserver.HTML_PAGE)
    result = run("diff", str(garbage), str(FIXTURES / "list_v2.ftm.json"))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")
    assert str(garbage) in result.stderr
