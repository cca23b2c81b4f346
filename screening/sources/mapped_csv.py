"""Any CSV list, read through a column mapping: in-house watch lists, vendor exports.

``mapping`` maps entity fields to the file's column names, for example::

    {"name": "Full Name", "id": "Ref", "schema": "Type", "birth_date": "DOB",
     "country": "Country", "aliases": "Aliases"}

Fields: ``name`` (required), ``id``, ``schema``, ``birth_date``, ``country``, ``aliases``,
``weak_aliases``, ``program``, ``list_name``, ``authority``, ``listed_on``. Multi-valued
cells (aliases, weak aliases, birth dates, countries) are split on ``alias_separator``,
``";"`` by default, because commas occur inside names (``"ZHU, Hailun"``). ``schema`` accepts
FollowTheMoney names or common words (individual, person, entity, company, ship, ...);
without a schema column every row is a ``LegalEntity``. Ids are ``<file stem>-<id>``, the
id being the row number when there is no id column. The file is UTF-8 (a BOM is allowed).

OpenSanctions' ``targets.simple.csv`` is this format with a fixed mapping
(:func:`load_ftm_simple`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from screening.model import SCHEMAS, Designation, Entity, ListSource
from screening.sources._common import (
    LoadContext,
    RecordError,
    clean,
    country_codes,
    csv_rows,
    make_entity,
    open_text,
    optional_date,
    parse_dates,
    split_list,
)

FORMAT = "mapped_csv"
FTM_SIMPLE = "ftm_simple_csv"
DEFAULT_ALIAS_SEPARATOR = ";"
FIELDS = frozenset(
    {
        "name",
        "id",
        "schema",
        "birth_date",
        "country",
        "aliases",
        "weak_aliases",
        "program",
        "list_name",
        "authority",
        "listed_on",
    }
)
_SCHEMA_WORDS = {
    **{s.lower(): s for s in SCHEMAS},
    "individual": "Person",
    "natural person": "Person",
    "entity": "Organization",
    "organisation": "Organization",
    "ship": "Vessel",
    "aircraft": "Airplane",
    "": "LegalEntity",
}
_FTM_SIMPLE_MAPPING = {
    "id": "id",
    "schema": "schema",
    "name": "name",
    "aliases": "aliases",
    "birth_date": "birth_date",
    "country": "countries",
    "list_name": "dataset",
}


def _entity(
    row: Mapping[str, str],
    mapping: Mapping[str, str],
    sep: str,
    entity_id: str,
    defaults: Mapping[str, str],
) -> Entity:
    def cell(field: str) -> str:
        column = mapping.get(field)
        return clean(row.get(column)) if column else ""

    schema_word = cell("schema").lower()
    if schema_word not in _SCHEMA_WORDS:
        raise RecordError(f"unknown schema {cell('schema')!r}")
    designation = Designation(
        authority=cell("authority") or defaults.get("authority", ""),
        list_name=cell("list_name") or defaults.get("list_name", ""),
        program=cell("program"),
        listed_on=optional_date(cell("listed_on")),
    )
    return make_entity(
        id=entity_id,
        schema=_SCHEMA_WORDS[schema_word],
        names=[cell("name"), *split_list(cell("aliases"), sep)],
        weak_names=split_list(cell("weak_aliases"), sep),
        birth_dates=[d for v in split_list(cell("birth_date"), sep) for d in parse_dates(v)],
        countries=[c for v in split_list(cell("country"), sep) for c in country_codes(v)],
        sources=[designation],
    )


def load(
    ctx: LoadContext,
    mapping: Mapping[str, str],
    *,
    alias_separator: str = DEFAULT_ALIAS_SEPARATOR,
    format: str = FORMAT,
    id_prefix: str | None = None,
    defaults: Mapping[str, str] | None = None,
) -> tuple[list[Entity], ListSource]:
    """Load a CSV whose columns are named by ``mapping`` (entity field -> column name)."""
    unknown = set(mapping) - FIELDS
    if unknown or "name" not in mapping:
        raise ctx.fail(
            f"bad column mapping: needs 'name'; unknown fields {sorted(unknown)}; "
            f"known fields are {sorted(FIELDS)}"
        )
    prefix = id_prefix or re.sub(r"[^a-z0-9]+", "-", ctx.path.stem.lower()).strip("-") or "csv"
    defaults = defaults or {"authority": ctx.path.stem, "list_name": ctx.path.stem}
    entities: list[Entity] = []
    header: list[str] | None = None
    with open_text(ctx.path) as handle:
        for number, row in enumerate(csv_rows(handle), start=1):
            if header is None:
                header = [clean(c) for c in row]
                missing = [c for c in mapping.values() if c not in header]
                if missing:
                    raise ctx.fail(f"columns {missing} named in the mapping are not in the header")
                continue
            record = dict(zip(header, row, strict=False))
            key = clean(record.get(mapping["id"])) if "id" in mapping else str(number - 1)
            with ctx.record(number, key):
                if not key:
                    raise RecordError("row has no id")
                entities.append(
                    _entity(record, mapping, alias_separator, f"{prefix}-{key}", defaults)
                )
    name = defaults.get("list_name", ctx.path.stem)
    return entities, ctx.source(
        entities, name=name, authority=defaults.get("authority", name), format=format
    )


def load_ftm_simple(ctx: LoadContext) -> tuple[list[Entity], ListSource]:
    """Load OpenSanctions' ``targets.simple.csv`` export."""
    return load(
        ctx,
        _FTM_SIMPLE_MAPPING,
        format=FTM_SIMPLE,
        id_prefix="os",
        defaults={"authority": "OpenSanctions", "list_name": "OpenSanctions"},
    )
