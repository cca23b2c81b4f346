from __future__ import annotations

from pathlib import Path

import pytest

from screening.errors import ListFormatError
from screening.sources import load_list


def test_dpl_sample(official: Path) -> None:
    entities, source = load_list(official / "us_bis_dpl_txt" / "dpl.txt")
    # 546 rows; a party with several addresses has several rows
    assert len(entities) == 417
    assert source.format == "bis_dpl"
    first = entities[0]
    assert first.names == ("ADRIAN MANUEL HERNANDEZ",)  # leading space dropped
    assert first.schema == "LegalEntity"
    assert first.sources[0].listed_on == "2017-10-16"  # MM/DD/YYYY
    assert first.sources[0].legal_basis == "82 F.R. 48792 10/20/2017"
    assert len({e.id for e in entities}) == len(entities)
    ash = next(e for e in entities if e.names == ("I. ASH",))
    assert ash.countries == ("us",)


def test_dpl_ids_are_stable(official: Path) -> None:
    a, _ = load_list(official / "us_bis_dpl_txt" / "dpl.txt")
    b, _ = load_list(official / "us_bis_dpl_txt" / "dpl.txt")
    assert [e.id for e in a] == [e.id for e in b]


def test_not_a_dpl(own: Path) -> None:
    with pytest.raises(ListFormatError, match="Denied Persons"):
        load_list(own / "mapped.csv", format="bis_dpl")
