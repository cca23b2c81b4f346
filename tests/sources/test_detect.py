"""Format detection reads content, never file names."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from screening.errors import ListFormatError
from screening.sources import FORMATS, detect_format, load_list

SAMPLES = {
    "ofac_sdn_csv/sdn.csv": "ofac_csv",
    "ofac_consolidated_csv/cons_prim.csv": "ofac_csv",
    "ofac_sdn_xml/consolidated.xml": "ofac_xml",
    "eu_fsf_xml/sample_eu_fsf.xml": "eu_fsf_xml",
    "uk_ofsi_conlist_csv/sanctionsconlist.csv": "uk_ofsi_csv",
    "uk_sanctions_list_xml/sample_uk_sanctions_list.xml": "uk_fcdo_xml",
    "un_sc_consolidated_xml/consolidated.xml": "un_xml",
    "ca_sema_xml/sema-lmes.xml": "ca_sema_xml",
    "us_csl/consolidated_2023.csv": "us_csl",
    "us_csl/consolidated_2025.csv": "us_csl",
    "us_csl/csl_2019.csv": "us_csl",
    "us_bis_dpl_txt/dpl.txt": "bis_dpl",
    "opensanctions_ftm/t1_entities.ftm.json": "ftm",
    "opensanctions_ftm/zala_entities.ftm.json": "ftm",
    "opensanctions_ftm/entities.delta.json": "ftm",
    "opensanctions_ftm/wd_persons_targets.nested.json": "ftm",
    "opensanctions_ftm/wd_persons_targets.simple.csv": "ftm_simple_csv",
}


@pytest.mark.parametrize(("sample", "expected"), sorted(SAMPLES.items()))
def test_detect_every_sample(official: Path, tmp_path: Path, sample: str, expected: str) -> None:
    assert detect_format(official / sample) == expected
    # a misleading name changes nothing
    renamed = tmp_path / "list.dat"
    shutil.copyfile(official / sample, renamed)
    assert detect_format(renamed) == expected
    assert expected in FORMATS


def test_detect_own_fixtures(own: Path) -> None:
    assert detect_format(own / "csl_results.json") == "us_csl"
    assert detect_format(own / "records.ftm.json") == "ftm"
    assert detect_format(own / "un_records.xml") == "un_xml"


@pytest.mark.parametrize("name", ["not_a_list.txt", "empty.csv", "mapped.csv"])
def test_undetectable(own: Path, name: str) -> None:
    with pytest.raises(ListFormatError, match=re.escape(name)):
        load_list(own / name)


def test_unknown_format_name(own: Path) -> None:
    with pytest.raises(ListFormatError, match="unknown format"):
        load_list(own / "mapped.csv", format="nope")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ListFormatError, match="no such file"):
        load_list(tmp_path / "absent.xml")
