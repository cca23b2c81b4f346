"""OpenSanctions FollowTheMoney JSON lines: ``entities.ftm.json``, the delta form, and
``targets.nested.json``.

Every line is one entity (or, in a delta, ``{"op": "ADD"|"MOD"|"DEL", "entity": {...}}``;
a DEL removes an entity loaded earlier from the same file). Only *targets* of screening
schemas (Person, Organization, Company, LegalEntity, Vessel, Airplane) become entities; an
entity without a ``target`` flag counts as a target. Related non-target parties (owners,
relatives) are left out, since they are not designated. ``Sanction`` entities, wherever they
appear in the file, or inlined under ``sanctions`` in the nested form, become the
designations of the entity they point at. ``weakAlias`` gives weak names.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from screening.model import SCHEMAS, Designation, Entity, Identifier, ListSource
from screening.sources._common import (
    LoadContext,
    RecordError,
    clean,
    country_code,
    log,
    make_entity,
    optional_date,
    parse_dates,
)

FORMAT = "ftm"
AUTHORITY = "OpenSanctions"
LIST_NAME = "OpenSanctions"
_STRONG = ("name", "alias", "previousName")
_COUNTRIES = ("nationality", "citizenship", "country", "jurisdiction")
_IDS = (
    "idNumber",
    "passportNumber",
    "registrationNumber",
    "taxNumber",
    "innCode",
    "ogrnCode",
    "imoNumber",
    "leiCode",
    "swiftBic",
    "vatCode",
    "uscCode",
)


def _prop(entity: Mapping[str, Any], name: str) -> list[Any]:
    props = entity.get("properties")
    values = props.get(name) if isinstance(props, dict) else None
    return values if isinstance(values, list) else []


def _strings(entity: Mapping[str, Any], name: str) -> list[str]:
    return [clean(v) for v in _prop(entity, name) if isinstance(v, str) and clean(v)]


def _ref_id(value: Any) -> str:
    return str(value.get("id", "")) if isinstance(value, dict) else str(value)


def _designation(sanction: Mapping[str, Any]) -> Designation:
    def first(name: str) -> str:
        values = _strings(sanction, name)
        return values[0] if values else ""

    datasets = sanction.get("datasets") or [LIST_NAME]
    return Designation(
        authority=first("authority") or AUTHORITY,
        list_name=str(datasets[0]),
        program=first("program") or first("programId"),
        listed_on=optional_date(first("listingDate") or first("startDate")),
        legal_basis=first("summary") or first("reason"),
        url=first("sourceUrl"),
    )


def _entity(data: Mapping[str, Any], sanctions: Sequence[Mapping[str, Any]]) -> Entity:
    names = _strings(data, "name")
    caption = clean(str(data.get("caption") or ""))
    if caption in names:
        names.remove(caption)
        names.insert(0, caption)
    sources = [_designation(s) for s in sanctions] or [
        Designation(authority=AUTHORITY, list_name=str(d))
        for d in data.get("datasets") or [LIST_NAME]
    ]
    countries = [country_code(c) for p in _COUNTRIES for c in _strings(data, p)]
    return make_entity(
        id=f"os-{data.get('id')}",
        schema=str(data.get("schema")),
        names=names + [n for p in _STRONG[1:] for n in _strings(data, p)],
        weak_names=_strings(data, "weakAlias"),
        birth_dates=[d for v in _strings(data, "birthDate") for d in parse_dates(v)],
        countries=[c for c in countries if c],
        identifiers=[Identifier(kind=p, value=v) for p in _IDS for v in _strings(data, p)],
        sources=sources,
    )


def _read_line(
    ctx: LoadContext,
    number: int,
    raw: bytes,
    targets: dict[str, tuple[int, dict[str, Any]]],
    sanctions: dict[str, list[dict[str, Any]]],
) -> None:
    """File one line under targets or sanctions; a bad line is skipped, a cut one is fatal."""
    if not raw.strip():
        return
    try:
        obj = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        if not raw.endswith(b"\n"):  # only the last line can lack its newline
            raise ctx.fail(f"truncated JSON lines file: {exc}", record=number) from None
        ctx.seen += 1
        ctx.skip(number, f"not a JSON object: {exc}")
        return
    if not isinstance(obj, dict):
        raise ctx.fail("not FollowTheMoney JSON lines: a line is not an object", record=number)
    op, data = (str(obj.get("op")).upper(), obj.get("entity")) if "op" in obj else ("ADD", obj)
    if not isinstance(data, dict) or "schema" not in data:
        raise ctx.fail("not FollowTheMoney JSON lines: an entity has no schema", record=number)
    entity_id = str(data.get("id") or "")
    if op == "DEL":
        targets.pop(entity_id, None)
        return
    for inline in _prop(data, "sanctions"):
        if isinstance(inline, dict):
            sanctions.setdefault(entity_id, []).append(inline)
    schema = data.get("schema")
    if schema == "Sanction":
        for subject in _prop(data, "entity"):
            sanctions.setdefault(_ref_id(subject), []).append(data)
    elif schema in SCHEMAS and data.get("target", True):
        targets[entity_id] = (number, data)
    else:
        log.debug(
            "%s line %d: %s %s is not a screening target", ctx.path, number, schema, entity_id
        )


def load(ctx: LoadContext) -> tuple[list[Entity], ListSource]:
    """Load a FollowTheMoney JSON lines file (full export, delta, or nested targets)."""
    targets: dict[str, tuple[int, dict[str, Any]]] = {}
    sanctions: dict[str, list[dict[str, Any]]] = {}
    with ctx.path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            _read_line(ctx, number, raw, targets, sanctions)
    entities: list[Entity] = []
    for entity_id, (number, data) in targets.items():
        with ctx.record(number, entity_id):
            if not entity_id:
                raise RecordError("entity has no id")
            entities.append(_entity(data, sanctions.get(entity_id, [])))
    if not ctx.seen and sanctions:
        raise ctx.fail("no target entities of a screening schema in this file")
    return entities, ctx.source(entities, name=LIST_NAME, authority=AUTHORITY, format=FORMAT)
