"""Read official sanctions and export-control lists into :class:`~screening.model.Entity` records.

Every authority publishes in its own format: OFAC as a headerless CSV set or ``sdnList`` XML,
the EU, UK, UN and Canada as XML, the UK (until 2022) as a cp1252 CSV, the US trade.gov as
the Consolidated Screening List, OpenSanctions as FollowTheMoney JSON lines. One module per
format turns its file into the same records, so the screener never knows where a name came
from except through each entity's :class:`~screening.model.Designation`.

Use :func:`load_list`; ``format=None`` detects the format from the file's content (never its
name). :data:`FORMATS` lists the format names. What every loader guarantees:

- **ids** are prefixed by source (``ofac-29219``, ``eu-191``, ``uk-AFG0001``, ``un-QDi.268``,
  ``ca-...``, ``csl-...``, ``dpl-...``, ``os-...``), so lists can be combined without clashes;
- **names**: the primary name first, then strong aliases, as written (no reordering of
  ``SURNAME, Given``: the matcher normalises); aliases the authority calls weak or low quality
  go to ``weak_names``;
- **countries**: nationality and citizenship first, then address / registration countries,
  as ISO alpha-2;
- **birth dates**: ISO, possibly partial (``1958``, ``1958-01``); a range is kept as its two
  endpoints. A birth date that cannot be read makes the record *skipped and reported*: a date
  we do not understand means we do not understand the record, and an operator should see it;
- **errors**: a file that is not the format claimed, is empty, truncated or has no data rows
  raises :class:`~screening.errors.ListFormatError` naming the file (never an empty list);
  a malformed record is skipped, logged, counted in ``ListSource.skipped`` and, when a
  ``problems`` list is passed, appended to it as a ``ListFormatError`` with file and record;
- **XML** is parsed with defusedxml, streaming: entity expansion and external entities are
  refused, and memory grows with the entities kept, not with the document.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path

from screening.errors import ListFormatError
from screening.model import Entity, ListSource
from screening.sources import (
    bis_dpl,
    ca_sema_xml,
    eu_fsf_xml,
    ftm,
    mapped_csv,
    ofac_csv,
    ofac_xml,
    uk_fcdo_xml,
    uk_ofsi_csv,
    un_xml,
    us_csl,
)
from screening.sources._common import LoadContext, read_head

_Loader = Callable[[LoadContext], tuple[list[Entity], ListSource]]

_LOADERS: dict[str, _Loader] = {
    ofac_csv.FORMAT: ofac_csv.load,
    ofac_xml.FORMAT: ofac_xml.load,
    eu_fsf_xml.FORMAT: eu_fsf_xml.load,
    uk_ofsi_csv.FORMAT: uk_ofsi_csv.load,
    uk_fcdo_xml.FORMAT: uk_fcdo_xml.load,
    un_xml.FORMAT: un_xml.load,
    ca_sema_xml.FORMAT: ca_sema_xml.load,
    us_csl.FORMAT: us_csl.load,
    bis_dpl.FORMAT: bis_dpl.load,
    ftm.FORMAT: ftm.load,
}

#: Every format name :func:`load_list` accepts. ``mapped_csv`` needs a ``mapping``.
FORMATS: tuple[str, ...] = (*_LOADERS, mapped_csv.FORMAT, mapped_csv.FTM_SIMPLE)

_XML_ROOTS = {
    "sdnList": ofac_xml.FORMAT,
    "export": eu_fsf_xml.FORMAT,
    "Designations": uk_fcdo_xml.FORMAT,
    "CONSOLIDATED_LIST": un_xml.FORMAT,
    "data-set": ca_sema_xml.FORMAT,
}
_XML_ROOT = re.compile(rb"<(?![?!])(?:[\w.-]+:)?([\w.-]+)")
_OFAC_ROW = re.compile(r'^\d+,"')


def detect_format(path: str | Path) -> str:
    """The format name of a list file, read from its content (root element, header, layout)."""
    file = Path(path)
    head = read_head(file)
    if not head.strip():
        raise ListFormatError("file is empty", path=str(file))
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if body.startswith(b"<"):
        for match in _XML_ROOT.finditer(_strip_xml_comments(body)):
            root = match.group(1).decode("ascii", "replace")
            if root in _XML_ROOTS:
                return _XML_ROOTS[root]
            raise ListFormatError(f"unknown XML list (root element <{root}>)", path=str(file))
    if body.startswith((b"{", b"[")):
        return _detect_json(file, body)
    text = body.decode("cp1252", "replace")
    first = text.splitlines()[0] if text else ""
    if first.startswith(('"Name"\t"Street_Address"', "Name\tStreet_Address")):
        return bis_dpl.FORMAT
    if first.startswith("Last Updated") or ("Name 6" in first and "Group ID" in first):
        return uk_ofsi_csv.FORMAT
    if "entity_number" in first and "alt_names" in first and "source" in first:
        return us_csl.FORMAT
    if _OFAC_ROW.match(first):
        return ofac_csv.FORMAT
    if first.replace('"', "").startswith("id,schema,name,aliases"):
        return mapped_csv.FTM_SIMPLE
    raise ListFormatError(
        "cannot detect the list format from the content; pass format= "
        f"(one of {', '.join(FORMATS)}) or a column mapping",
        path=str(file),
    )


def _strip_xml_comments(head: bytes) -> bytes:
    return re.sub(rb"<!--.*?-->", b"", head, flags=re.DOTALL)


def _detect_json(file: Path, body: bytes) -> str:
    first_line = body.split(b"\n", 1)[0]
    try:
        obj = json.loads(first_line)
    except ValueError:
        # A pretty-printed document: the CSL JSON API answer is one object with "results".
        return us_csl.FORMAT if b'"results"' in body[:4096] else ftm.FORMAT
    if isinstance(obj, dict) and "results" in obj:
        return us_csl.FORMAT
    if isinstance(obj, dict) and ("schema" in obj or "entity" in obj):
        return ftm.FORMAT
    raise ListFormatError("unknown JSON list (neither CSL nor FollowTheMoney)", path=str(file))


def load_list(
    path: str | Path,
    format: str | None = None,
    *,
    problems: list[ListFormatError] | None = None,
    mapping: Mapping[str, str] | None = None,
    alias_separator: str = mapped_csv.DEFAULT_ALIAS_SEPARATOR,
) -> tuple[list[Entity], ListSource]:
    """Load one list file into entities and a :class:`ListSource` describing it.

    ``format`` is one of :data:`FORMATS`; ``None`` detects it from content (or means
    ``mapped_csv`` when a ``mapping`` is given). Skipped malformed records are appended to
    ``problems`` when given. ``mapping`` maps entity fields to the column names of an arbitrary
    CSV (see :mod:`screening.sources.mapped_csv`); ``alias_separator`` splits its alias cell.
    """
    file = Path(path)
    if not file.is_file():
        raise ListFormatError("no such file", path=str(file))
    if format is None:
        format = mapped_csv.FORMAT if mapping is not None else detect_format(file)
    ctx = LoadContext(path=file, problems=problems)
    if format == mapped_csv.FTM_SIMPLE:
        return mapped_csv.load_ftm_simple(ctx)
    if format == mapped_csv.FORMAT:
        if mapping is None:
            raise ListFormatError("format 'mapped_csv' needs a column mapping", path=str(file))
        return mapped_csv.load(ctx, mapping, alias_separator=alias_separator)
    loader = _LOADERS.get(format)
    if loader is None:
        raise ListFormatError(
            f"unknown format {format!r}; expected one of {', '.join(FORMATS)}", path=str(file)
        )
    return loader(ctx)


__all__ = ["FORMATS", "detect_format", "load_list"]
