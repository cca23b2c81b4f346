"""diff_lists: added, removed and changed entities, field by field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from screening.errors import ListFormatError
from screening.model import Designation, Entity, Identifier
from screening.update import ListDiff, diff_lists, load_version, render_table

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "update"


def person(entity_id: str, *names: str, **kwargs: object) -> Entity:
    return Entity(id=entity_id, schema="Person", names=names, **kwargs)  # type: ignore[arg-type]


OFAC = "US Treasury OFAC"


def test_identical_lists_have_no_changes() -> None:
    entities = [person("a", "Chen Quanguo"), person("b", "Zhu Hailun")]
    diff = diff_lists(entities, list(reversed(entities)))
    assert diff.is_empty
    assert diff.unchanged == 2
    assert render_table(diff).startswith("no changes")


def test_added_removed_and_changed_fields() -> None:
    old = [
        person(
            "chen",
            "Chen Quanguo",
            "陈全国",
            birth_dates=["1955-11"],
            countries=["cn"],
            sources=[Designation(OFAC, "SDN", "GLOMAG", "2020-07-09")],
        ),
        person("zhu", "Zhu Hailun"),
        person("same", "Wang Junzheng", weak_names=["Wang Jun"]),
    ]
    new = [
        person("same", "Wang Junzheng", weak_names=["Wang Jun"]),
        person(
            "chen",
            "Chen Quanguo",
            "Ch'en Ch'üan-kuo",
            birth_dates=["1955-11-01"],
            countries=["cn", "HK"],
            sources=[
                Designation(OFAC, "SDN", "GLOMAG", "2020-07-09"),
                Designation(OFAC, "SDN", "XINJIANG", "2021-03-22"),
            ],
            identifiers=[Identifier("Passport", "E123", "cn")],
        ),
        person("wang", "Wang Mingshan"),
    ]

    diff = diff_lists(old, new)

    assert [e.id for e in diff.added] == ["wang"]
    assert [e.id for e in diff.removed] == ["zhu"]
    assert diff.unchanged == 1
    assert diff.rescreen_ids == ("wang", "chen")
    (change,) = diff.changed
    assert change.id == "chen"
    assert [f.field for f in change.fields] == [
        "names",
        "birth_dates",
        "countries",
        "programs",
        "designations",
        "identifiers",
    ]
    names = change.field("names")
    assert names is not None
    assert names.added == ("Ch'en Ch'üan-kuo",)
    assert names.removed == ("陈全国",)
    assert names.old == ("Chen Quanguo", "陈全国")
    dates = change.field("birth_dates")
    assert dates is not None
    assert (dates.old, dates.new) == (("1955-11",), ("1955-11-01",))
    countries = change.field("countries")
    assert countries is not None
    assert (countries.added, countries.removed) == (("hk",), ())
    programs = change.field("programs")
    assert programs is not None
    assert programs.added == ("XINJIANG",)
    designations = change.field("designations")
    assert designations is not None
    assert designations.added == ("SDN (2021-03-22)",)
    identifiers = change.field("identifiers")
    assert identifiers is not None
    assert identifiers.added == ("Passport: E123 (cn)",)
    assert change.field("schema") is None


def test_schema_and_weak_alias_changes_are_reported() -> None:
    old = [Entity(id="x", schema="Organization", names=["Acme"], weak_names=["ACM"])]
    new = [Entity(id="x", schema="Company", names=["Acme"])]
    (change,) = diff_lists(old, new).changed
    assert [f.field for f in change.fields] == ["schema", "weak_names"]
    weak = change.field("weak_names")
    assert weak is not None
    assert weak.removed == ("ACM",)


def test_repeated_ids_are_merged_not_reported_as_changes() -> None:
    old = [person("a", "Li Wei", birth_dates=["1970"]), person("a", "Li Wei", birth_dates=["1971"])]
    new = [person("a", "Li Wei", birth_dates=["1971", "1970"])]
    assert diff_lists(old, new).is_empty


def test_json_and_table_output() -> None:
    diff = diff_lists(
        [person("a", "Chen Quanguo", countries=["cn"]), person("b", "Zhu Hailun")],
        [person("a", "Chen Quanguo", countries=["hk"]), person("c", "Wang Mingshan")],
    )

    data = json.loads(diff.to_json())

    assert data["summary"] == {"added": 1, "removed": 1, "changed": 1, "unchanged": 0}
    assert data["added"][0]["id"] == "c"
    assert data["added"][0]["names"] == ["Wang Mingshan"]
    assert data["removed"][0]["caption"] == "Zhu Hailun"
    assert data["changed"][0]["fields"]["countries"] == {
        "old": ["cn"],
        "new": ["hk"],
        "added": ["hk"],
        "removed": ["cn"],
    }
    table = render_table(diff).splitlines()
    assert table[0].split() == ["change", "id", "name", "field", "old", "new"]
    assert table[2].split() == ["added", "c", "Wang", "Mingshan"]
    assert table[3].split() == ["removed", "b", "Zhu", "Hailun"]
    assert table[4].split() == ["changed", "a", "Chen", "Quanguo", "countries", "cn", "hk"]
    assert table[-1] == "1 added, 1 removed, 1 changed, 0 unchanged"


def test_long_values_are_cut_in_the_table_only() -> None:
    long_name = "X" * 80
    diff = diff_lists([person("a", "A")], [person("a", "A", long_name)])
    assert "X" * 39 + "…" in render_table(diff)
    assert long_name in diff.to_json()


def fixture_ids(diff: ListDiff) -> tuple[list[str], list[str], list[str]]:
    return (
        [e.caption for e in diff.added],
        [e.caption for e in diff.removed],
        [c.caption for c in diff.changed],
    )


def test_diff_of_two_list_files() -> None:
    old, _ = load_version(FIXTURES / "list_v1.ftm.json")
    new, sources = load_version(FIXTURES / "list_v2.ftm.json")

    diff = diff_lists(old, new)

    assert sources[0].record_count == 3
    assert fixture_ids(diff) == (["Wang Mingshan"], ["Zhu Hailun"], ["Chen Quanguo"])
    assert diff.unchanged == 1
    (change,) = diff.changed
    fields = {f.field: f for f in change.fields}
    assert set(fields) >= {"names", "birth_dates", "countries", "programs"}
    assert fields["names"].added == ("Ch'en Ch'üan-kuo",)
    assert (fields["birth_dates"].old, fields["birth_dates"].new) == (("1955-11",), ("1955-11-01",))
    assert fields["countries"].added == ("hk",)
    assert fields["programs"].added == ("HK-EO13936",)
    assert fields["designations"].added == ("test (2021-01-15)",)


def test_load_version_rejects_an_ambiguous_folder(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("x\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("y\n", encoding="utf-8")
    with pytest.raises(ListFormatError, match="cannot tell which file"):
        load_version(tmp_path)


def test_load_version_missing_path(tmp_path: Path) -> None:
    with pytest.raises(ListFormatError, match="no such file"):
        load_version(tmp_path / "nope.xml")


OFFICIAL = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "official"


@pytest.mark.skipif(
    not OFFICIAL.is_dir(), reason=f"shared official samples not found at {OFFICIAL}"
)
def test_load_version_of_a_file_set_folder_reads_the_whole_set() -> None:
    """A folder holding the OFAC CSV quartet is read through its primary file, sdn.csv."""
    from_folder, sources = load_version(OFFICIAL / "ofac_sdn_csv")
    from_file, _ = load_version(OFFICIAL / "ofac_sdn_csv" / "sdn.csv")
    assert [s.format for s in sources] == ["ofac_csv"]
    assert diff_lists(from_file, from_folder).is_empty


def test_load_version_of_a_fetch_directory_reads_every_source(tmp_path: Path) -> None:
    for name, fixture in (("v1", "list_v1.ftm.json"), ("v2", "list_v2.ftm.json")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "entities.ftm.json").write_bytes((FIXTURES / fixture).read_bytes())
    manifest = {
        "version": 1,
        "sources": {n: {"primary": "entities.ftm.json"} for n in ("v1", "v2")},
    }
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")

    entities, sources = load_version(tmp_path)

    assert len(sources) == 2
    assert {e.caption for e in entities} == {
        "Chen Quanguo",
        "Zhu Hailun",
        "Wang Mingshan",
        "Xinjiang Production and Construction Corps",
    }
