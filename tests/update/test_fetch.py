"""Fetching against a local server: whole files land, broken ones never replace good ones."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from listserver import HTML_PAGE, OFFICIAL, ListServer, Route, serve, write_sources

from screening.errors import ConfigError, FetchError
from screening.update import (
    DEFAULT_SOURCES,
    MANIFEST_NAME,
    PREVIOUS_DIR,
    OfficialSource,
    SourceFile,
    fetch_source,
    fetch_sources,
    load_sources_file,
    read_manifest,
)

pytestmark = pytest.mark.skipif(
    not OFFICIAL.is_dir(), reason=f"shared official samples not found at {OFFICIAL}"
)

OFAC_CSV = ("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv")
ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def server() -> Iterator[ListServer]:
    with serve() as s:
        yield s


def ofac_csv_source(server: ListServer) -> OfficialSource:
    files = tuple(
        SourceFile(
            name, server.serve_file(f"/ofac/{name.upper()}", OFFICIAL / "ofac_sdn_csv" / name)
        )
        for name in OFAC_CSV
    )
    return OfficialSource("ofac_sdn_csv", "US Treasury OFAC", "ofac_csv", files)


def ofac_xml_source(server: ListServer) -> OfficialSource:
    url = server.serve_file(
        "/ofac/CONSOLIDATED.XML", OFFICIAL / "ofac_sdn_xml" / "consolidated.xml"
    )
    return OfficialSource(
        "ofac_consolidated_xml",
        "US Treasury OFAC",
        "ofac_xml",
        (SourceFile("consolidated.xml", url),),
    )


def without_last_entry(xml: bytes) -> bytes:
    """The OFAC XML with its last sdnEntry removed: a genuine new version of the list."""
    start = xml.rindex(b"<sdnEntry>")
    end = xml.index(b"</sdnEntry>", start) + len(b"</sdnEntry>")
    return xml[:start] + xml[end:]


def test_good_fetch_writes_files_and_manifest(tmp_path: Path, server: ListServer) -> None:
    sources = {s.name: s for s in (ofac_csv_source(server), ofac_xml_source(server))}

    report = fetch_sources(tmp_path, sources)

    assert report.ok, report.failed
    assert [r.changed for r in report.results] == [True, True]
    manifest = json.loads((tmp_path / MANIFEST_NAME).read_text(encoding="utf-8"))
    entry = manifest["sources"]["ofac_sdn_csv"]
    assert entry["format"] == "ofac_csv"
    assert entry["record_count"] > 0
    for name in OFAC_CSV:
        original = (OFFICIAL / "ofac_sdn_csv" / name).read_bytes()
        assert (tmp_path / "ofac_sdn_csv" / name).read_bytes() == original
        meta = entry["files"][name]
        assert meta["sha256"] == sha256(original)
        assert meta["size"] == len(original)
        assert meta["url"] == server.url(f"/ofac/{name.upper()}")
        assert ISO_UTC.match(meta["retrieved_at"])
        assert meta["format"] == "ofac_csv"
        assert meta["record_count"] == entry["record_count"]
        assert meta["previous_sha256"] is None
    assert manifest["sources"]["ofac_consolidated_xml"]["format"] == "ofac_xml"
    assert not (tmp_path / "ofac_sdn_csv" / PREVIOUS_DIR).exists()
    assert not list(tmp_path.rglob(".incoming-*"))


def test_changed_content_keeps_previous_version(tmp_path: Path, server: ListServer) -> None:
    source = ofac_xml_source(server)
    old = server.routes["/ofac/CONSOLIDATED.XML"].body
    new = without_last_entry(old)
    fetch_source(tmp_path, source)

    server.routes["/ofac/CONSOLIDATED.XML"] = Route(body=new)
    result = fetch_source(tmp_path, source)

    folder = tmp_path / source.name
    assert result.changed
    assert (folder / "consolidated.xml").read_bytes() == new
    assert (folder / PREVIOUS_DIR / "consolidated.xml").read_bytes() == old
    meta = read_manifest(tmp_path)["sources"][source.name]["files"]["consolidated.xml"]
    assert meta["sha256"] == sha256(new)
    assert meta["previous_sha256"] == sha256(old)

    # The same bytes again: nothing moves, the previous version is still the one before.
    again = fetch_source(tmp_path, source)
    assert not again.changed
    assert (folder / PREVIOUS_DIR / "consolidated.xml").read_bytes() == old
    meta = read_manifest(tmp_path)["sources"][source.name]["files"]["consolidated.xml"]
    assert meta["previous_sha256"] == sha256(old)


def test_previous_of_a_file_set_is_the_whole_old_set(tmp_path: Path, server: ListServer) -> None:
    source = ofac_csv_source(server)
    fetch_source(tmp_path, source)
    alt = server.routes["/ofac/ALT.CSV"].body
    server.routes["/ofac/ALT.CSV"] = Route(body=alt.split(b"\r\n", 1)[1])

    assert fetch_source(tmp_path, source).changed

    previous = tmp_path / source.name / PREVIOUS_DIR
    assert sorted(p.name for p in previous.iterdir()) == sorted(OFAC_CSV)
    assert (previous / "alt.csv").read_bytes() == alt


def snapshot(directory: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(directory)): p.read_bytes() for p in directory.rglob("*") if p.is_file()
    }


@pytest.mark.parametrize(
    ("route", "message"),
    [
        pytest.param(Route(mode="truncate", cut=50_000), "transfer incomplete", id="mid-transfer"),
        pytest.param(Route(body=HTML_PAGE), "HTML page", id="html-garbage"),
        pytest.param(Route(body=b"\x00\x01garbage" * 100), "does not parse", id="binary-garbage"),
        pytest.param(Route(mode="status", status=503), "HTTP status 503", id="http-503"),
        pytest.param(Route(mode="status", status=404), "HTTP status 404", id="http-404"),
    ],
)
def test_failed_download_leaves_good_file_and_manifest(
    tmp_path: Path, server: ListServer, route: Route, message: str
) -> None:
    source = ofac_xml_source(server)
    fetch_source(tmp_path, source)
    before = snapshot(tmp_path)
    good = server.routes["/ofac/CONSOLIDATED.XML"].body
    if route.mode == "truncate":
        route.body = without_last_entry(good)
    server.routes["/ofac/CONSOLIDATED.XML"] = route

    with pytest.raises(FetchError, match=message) as excinfo:
        fetch_source(tmp_path, source)

    assert source.name in str(excinfo.value)
    assert server.url("/ofac/CONSOLIDATED.XML") in str(excinfo.value)
    assert snapshot(tmp_path) == before
    assert (tmp_path / source.name / "consolidated.xml").read_bytes() == good


def test_truncated_member_of_a_set_replaces_nothing(tmp_path: Path, server: ListServer) -> None:
    source = ofac_csv_source(server)
    fetch_source(tmp_path, source)
    before = snapshot(tmp_path)
    server.routes["/ofac/SDN.CSV"] = Route(body=b"1" * 10 + server.routes["/ofac/SDN.CSV"].body)
    add = server.routes["/ofac/ADD.CSV"].body
    server.routes["/ofac/ADD.CSV"] = Route(body=add, mode="truncate", cut=len(add) // 2)

    with pytest.raises(FetchError, match=re.escape(server.url("/ofac/ADD.CSV"))):
        fetch_source(tmp_path, source)

    assert snapshot(tmp_path) == before


def test_timeout_is_a_fetch_error(tmp_path: Path, server: ListServer) -> None:
    server.routes["/slow.xml"] = Route(mode="stall")
    source = OfficialSource(
        "slow", "x", "ofac_xml", (SourceFile("slow.xml", server.url("/slow.xml")),)
    )

    with pytest.raises(FetchError, match=r"slow: http://127\.0\.0\.1:\d+/slow\.xml: timed out"):
        fetch_source(tmp_path, source, timeout=0.2)

    assert not (tmp_path / "slow").exists()  # a first fetch that failed leaves no folder
    assert not (tmp_path / MANIFEST_NAME).exists()


def test_one_failure_does_not_stop_the_others(tmp_path: Path, server: ListServer) -> None:
    broken = OfficialSource(
        "broken", "x", "ofac_xml", (SourceFile("list.xml", server.url("/missing.xml")),)
    )
    good = ofac_xml_source(server)

    report = fetch_sources(tmp_path, {"broken": broken, good.name: good})

    assert not report.ok
    assert [r.source for r in report.failed] == ["broken"]
    assert "HTTP status 404" in str(report.failed[0].error)
    assert (tmp_path / good.name / "consolidated.xml").is_file()
    assert list(read_manifest(tmp_path)["sources"]) == [good.name]


def test_only_fetches_the_named_sources(tmp_path: Path, server: ListServer) -> None:
    sources = {s.name: s for s in (ofac_csv_source(server), ofac_xml_source(server))}

    report = fetch_sources(tmp_path, sources, only=["ofac_consolidated_xml"])

    assert [r.source for r in report.results] == ["ofac_consolidated_xml"]
    assert not (tmp_path / "ofac_sdn_csv").exists()
    assert all("CSV" not in path for path in server.requests)


def test_unknown_only_name_fails_before_downloading(tmp_path: Path, server: ListServer) -> None:
    with pytest.raises(ConfigError, match=r"unknown source.*nope.*known: ofac_consolidated_xml"):
        fetch_sources(tmp_path, {"ofac_consolidated_xml": ofac_xml_source(server)}, only=["nope"])
    assert server.requests == []


def test_pinned_sha256_mismatch_is_rejected(tmp_path: Path, server: ListServer) -> None:
    source = ofac_xml_source(server)
    pinned = OfficialSource(
        source.name,
        source.authority,
        source.format,
        (SourceFile("consolidated.xml", source.primary.url, "0" * 64),),
    )
    with pytest.raises(FetchError, match="does not match the pinned"):
        fetch_source(tmp_path, pinned)
    assert not (tmp_path / MANIFEST_NAME).exists()


def test_every_official_sample_fetches_and_parses(tmp_path: Path, server: ListServer) -> None:
    """The verification step reads each real format: a fetch of each sample succeeds."""
    samples = {
        "eu_fsf": OFFICIAL / "eu_fsf_xml" / "sample_eu_fsf.xml",
        "uk_sanctions_list": OFFICIAL / "uk_sanctions_list_xml" / "sample_uk_sanctions_list.xml",
        "uk_ofsi_conlist": OFFICIAL / "uk_ofsi_conlist_csv" / "sanctionsconlist.csv",
        "un_sc": OFFICIAL / "un_sc_consolidated_xml" / "consolidated.xml",
        "ca_sema": OFFICIAL / "ca_sema_xml" / "sema-lmes.xml",
        "us_csl": OFFICIAL / "us_csl" / "consolidated_2023.csv",
        "us_bis_dpl": OFFICIAL / "us_bis_dpl_txt" / "dpl.txt",
        "ofac_consolidated_xml": OFFICIAL / "ofac_sdn_xml" / "consolidated.xml",
    }
    sources = {}
    for name, file in samples.items():
        default = DEFAULT_SOURCES[name]
        url = server.serve_file(f"/{name}/{file.name}", file)
        sources[name] = OfficialSource(
            name, default.authority, default.format, (SourceFile(default.primary.filename, url),)
        )
    cons = {
        f.filename: server.serve_file(
            f"/cons/{f.filename}", OFFICIAL / "ofac_consolidated_csv" / f.filename
        )
        for f in DEFAULT_SOURCES["ofac_consolidated_csv"].files
    }
    sources["ofac_consolidated_csv"] = OfficialSource(
        "ofac_consolidated_csv",
        "US Treasury OFAC",
        "ofac_csv",
        tuple(SourceFile(name, url) for name, url in cons.items()),
    )

    report = fetch_sources(tmp_path, sources)

    assert report.ok, [str(r.error) for r in report.failed]
    manifest = read_manifest(tmp_path)["sources"]
    for name, source in sources.items():
        assert manifest[name]["format"] == source.format
        assert manifest[name]["record_count"] > 0


# --- registry and sources file -------------------------------------------------------------------


def test_default_sources_use_loader_format_names() -> None:
    from screening.sources import FORMATS

    for source in DEFAULT_SOURCES.values():
        assert source.format in FORMATS, source.name
        assert all(f.url.startswith("https://") for f in source.files)


def test_sources_file_overrides_and_adds(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(
        """
[sources.un_sc]
url = "https://mirror.example.org/un/consolidated.xml"

[sources.my_list]
authority = "Example Authority"
format = "ftm"
url = "https://lists.example.org/entities.ftm.json"
""",
        encoding="utf-8",
    )

    sources = load_sources_file(path)

    assert sources["un_sc"].primary.url == "https://mirror.example.org/un/consolidated.xml"
    assert sources["un_sc"].primary.filename == "consolidated.xml"
    assert sources["un_sc"].format == DEFAULT_SOURCES["un_sc"].format
    assert sources["my_list"].primary.filename == "entities.ftm.json"
    assert sources["ofac_sdn_csv"] == DEFAULT_SOURCES["ofac_sdn_csv"]


def test_sources_file_without_defaults(tmp_path: Path) -> None:
    path = write_sources(
        tmp_path / "s.toml",
        {
            "x": {
                "format": "un_xml",
                "files": [{"filename": "a.xml", "url": "http://127.0.0.1:1/a"}],
            }
        },
    )
    assert list(load_sources_file(path)) == ["x"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[sources.un_sc]\nurl = "file:///etc/passwd"\n', "absolute http"),
        ('[sources.ofac_sdn_csv]\nurl = "https://x.org/SDN.CSV"\n', "set of 4 files"),
        ('[sources.un_sc]\nadress = "https://x.org/a.xml"\n', "unknown key.*adress"),
        ('[sources.new]\nformat = "un_xml"\n', "needs 'url' or 'files'"),
        ('[sources.x]\nfiles = [{url = "https://x.org/"}]\n', "plain file name"),
        ("include_defaults = 1\n", "true or false"),
        ("[sources\n", "not valid TOML"),
    ],
)
def test_bad_sources_file_is_a_config_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as excinfo:
        load_sources_file(path)
    assert str(path) in str(excinfo.value)
