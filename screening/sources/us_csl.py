"""trade.gov Consolidated Screening List (CSL): CSV in three vintages, and the JSON API form.

The CSL merges Treasury, Commerce (BIS) and State lists; ``source`` names the list and agency
(``"Entity List (EL) - Bureau of Industry and Security"``), which becomes each entity's
:class:`~screening.model.Designation` (list before " - ", authority after it). Ids are the
row's ``_id`` (the OFAC ent_num for Treasury rows); the 2019 layout has no ``_id``, so the
``entity_number`` or else a hash of source and name is used, and rows that share an id
(one row per address of a denied person) are merged into one entity. The ``ids`` cell holds
``type, number, country`` triples, written in reverse (``country, number, type``) in 2019.

The JSON form is the API answer ``{"results": [{...}]}`` with the same field names, where
multi-valued fields may be lists (of strings, or of objects for ``addresses`` and ``ids``).
Rows without ``type`` (BIS, State) may name people or companies, so they get the neutral
``LegalEntity`` schema.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from typing import Any

from screening.model import Designation, Entity, Identifier, ListSource
from screening.sources._common import (
    LoadContext,
    RecordError,
    clean,
    country_code,
    csv_rows,
    make_entity,
    merge_entities,
    open_text,
    optional_date,
    parse_dates,
    split_list,
)
from screening.sources._ofac import identifier

FORMAT = "us_csl"
AUTHORITY = "US International Trade Administration"
LIST_NAME = "US Consolidated Screening List"
_SCHEMAS = {
    "individual": "Person",
    "entity": "Organization",
    "vessel": "Vessel",
    "aircraft": "Airplane",
}
_REQUIRED = ("source", "name", "alt_names")


def _values(value: Any, sep: str = ";") -> list[Any]:
    """A multi-valued field as a list, whether the file wrote ``"a; b"`` or ``["a", "b"]``."""
    if value is None:
        return []
    if isinstance(value, list):
        return [v for v in value if v not in (None, "")]
    return split_list(str(value), sep)


def _text(row: Mapping[str, Any], key: str) -> str:
    value = row.get(key)
    return clean(value if isinstance(value, str) else "" if value is None else str(value))


def _identifiers(value: Any, reverse: bool) -> list[Identifier]:
    ids: list[Identifier | None] = []
    for item in _values(value):
        if isinstance(item, dict):
            ids.append(
                identifier(_text(item, "type"), _text(item, "number"), _text(item, "country"))
            )
            continue
        parts = [clean(p) for p in str(item).split(", ")]
        if reverse:
            parts.reverse()
        kind, number = parts[0], ", ".join(parts[1:2])
        country = parts[2] if len(parts) > 2 else ""
        ids.append(identifier(kind, number, country))
    return [i for i in ids if i is not None]


def _address_countries(value: Any) -> list[str]:
    codes = []
    for item in _values(value):
        text = _text(item, "country") if isinstance(item, dict) else str(item).rsplit(",", 1)[-1]
        code = country_code(text)
        if code:
            codes.append(code)
    return codes


def _entity(row: Mapping[str, Any], reverse_ids: bool) -> Entity:
    source = _text(row, "source")
    name = _text(row, "name")
    key = _text(row, "_id") or _text(row, "id") or _text(row, "entity_number")
    if not key:
        key = hashlib.sha1(f"{source}|{name}".encode(), usedforsecurity=False).hexdigest()[:16]
    list_name, _, agency = source.partition(" - ")
    programs = [clean(str(p)) for p in _values(row.get("programs"))]
    designations = [
        Designation(
            authority=agency or AUTHORITY,
            list_name=list_name or LIST_NAME,
            program=program,
            listed_on=optional_date(_text(row, "start_date")),
            legal_basis=_text(row, "federal_register_notice"),
            url=_text(row, "source_list_url"),
        )
        for program in programs or [""]
    ]
    countries = [
        country_code(str(c))
        for field in ("nationalities", "citizenships")
        for c in _values(row.get(field))
    ]
    kind = _text(row, "type").lower()
    return make_entity(
        id=f"csl-{key}",
        schema=_SCHEMAS.get(kind, "LegalEntity"),
        names=[name, *(str(n) for n in _values(row.get("alt_names")))],
        birth_dates=[d for v in _values(row.get("dates_of_birth")) for d in parse_dates(str(v))],
        countries=[c for c in countries if c] + _address_countries(row.get("addresses")),
        identifiers=_identifiers(row.get("ids"), reverse_ids),
        sources=designations,
    )


def _csv_records(ctx: LoadContext) -> Iterator[tuple[int, dict[str, str], bool]]:
    with open_text(ctx.path) as handle:
        header: list[str] | None = None
        for number, row in enumerate(csv_rows(handle), start=1):
            if header is None:
                header = [clean(c) for c in row]
                if not all(col in header for col in _REQUIRED):
                    raise ctx.fail("not a Consolidated Screening List CSV: missing header columns")
                continue
            if row == header:  # some copies repeat the header line
                continue
            yield number, dict(zip(header, row, strict=False)), "_id" not in header


def _json_records(ctx: LoadContext) -> Iterator[tuple[int, dict[str, Any], bool]]:
    try:
        with ctx.path.open(encoding="utf-8-sig") as handle:
            document = json.load(handle)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ctx.fail(f"not valid JSON: {exc}") from None
    results = document.get("results") if isinstance(document, dict) else None
    if not isinstance(results, list):
        raise ctx.fail('not a Consolidated Screening List JSON: no "results" list')
    for number, item in enumerate(results, start=1):
        yield number, item if isinstance(item, dict) else {}, False


def load(ctx: LoadContext) -> tuple[list[Entity], ListSource]:
    """Load a CSL CSV (any vintage) or CSL JSON API file."""
    with ctx.path.open("rb") as handle:
        is_json = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"["))
    records = _json_records(ctx) if is_json else _csv_records(ctx)
    by_id: dict[str, Entity] = {}
    for number, row, reverse_ids in records:
        with ctx.record(number, _text(row, "_id") or _text(row, "name")):
            if not row:
                raise RecordError("result is not a JSON object")
            entity = _entity(row, reverse_ids)
            seen = by_id.get(entity.id)
            by_id[entity.id] = merge_entities(seen, entity) if seen else entity
    entities = list(by_id.values())
    return entities, ctx.source(entities, name=LIST_NAME, authority=AUTHORITY, format=FORMAT)
