from __future__ import annotations

from pathlib import Path

import pytest

from screening.errors import ListFormatError
from screening.sources import load_list


def test_ofsi_sample(official: Path) -> None:
    entities, source = load_list(official / "uk_ofsi_conlist_csv" / "sanctionsconlist.csv")
    assert len(entities) == 104  # Group IDs
    assert source.published == "2018-04-13"
    ents = {e.id: e for e in entities}
    qahtani = ents["uk-ofsi-13349"]
    assert qahtani.schema == "Person"
    assert "Sheikh Farooq AL-QAHTANI" in qahtani.names  # leading space of Name 6 dropped
    assert qahtani.birth_dates == ("1980", "1981")  # 00/00/1980 and 00/00/1981 rows
    assert qahtani.countries[:2] == ("sa", "qa")  # "1) Saudi Arabia 2) Qatar"
    assert any(i.value == "592667" for i in qahtani.identifiers)
    assert qahtani.sources[0].listed_on == "2016-04-01"
    # cp1252 text is decoded: no mojibake in names
    assert not any("\ufffd" in n or "Ã" in n for e in entities for n in e.names)


def test_not_cp1252_ofsi(own: Path) -> None:
    with pytest.raises(ListFormatError, match=r"mapped\.csv"):
        load_list(own / "mapped.csv", format="uk_ofsi_csv")
