"""HM Treasury / OFSI Consolidated List, legacy CSV (``sanctionsconlist.csv``, ``ConList.csv``).

The file is Windows-1252. A "Last Updated" preamble line precedes the header. There is one
row per name variant (and per extra DOB); rows sharing a ``Group ID`` are one designated
party, so rows are grouped before entities are built (memory is proportional to the list).
Names are written "Name1 .. Name5 Name6" (given names, then surname or whole name); the
``Prime Alias`` row comes first. When the newer layout's ``Alias Quality`` column says
"Low", the name is weak.
"""

from __future__ import annotations

import re

from screening.model import Designation, Entity, Identifier, ListSource
from screening.sources._common import (
    LoadContext,
    clean,
    country_codes,
    csv_rows,
    make_entity,
    open_text,
    optional_date,
    parse_dates,
)

FORMAT = "uk_ofsi_csv"
AUTHORITY = "HM Treasury OFSI"
LIST_NAME = "UK Consolidated List"
ENCODING = "cp1252"
_SCHEMAS = {"individual": "Person", "entity": "Organization", "ship": "Vessel"}
_REQUIRED = ("Name 6", "Group ID", "Group Type")
_DOC_NUMBER = re.compile(r"\b(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{4,}\b")


def _name(row: dict[str, str]) -> str:
    return " ".join(
        clean(row.get(f"Name {i}")) for i in (1, 2, 3, 4, 5, 6) if clean(row.get(f"Name {i}"))
    )


def _documents(kind: str, text: str, countries: list[str]) -> list[Identifier]:
    """Document numbers inside free text such as ``Passport No: 592667 (Qatari passport ...)``."""
    country = countries[0] if len(countries) == 1 else ""
    return [Identifier(kind=kind, value=n, country=country) for n in _DOC_NUMBER.findall(text)]


def _entity(group_id: str, rows: list[dict[str, str]]) -> Entity:
    rows = sorted(rows, key=lambda r: clean(r.get("Alias Type")).lower() != "prime alias")
    weak = [r for r in rows if "low" in clean(r.get("Alias Quality")).lower()]
    first = rows[0]
    nationality = [c for r in rows for c in country_codes(r.get("Nationality"))]
    ids = [
        ident
        for r in rows
        for column, kind in (
            ("Passport Details", "Passport"),
            ("Passport Number", "Passport"),
            ("NI Number", "National ID"),
            ("National Identification Number", "National ID"),
        )
        for ident in _documents(kind, clean(r.get(column)), nationality)
    ]
    designation = Designation(
        authority=AUTHORITY,
        list_name=LIST_NAME,
        program=clean(first.get("Regime")),
        listed_on=optional_date(first.get("Listed On")),
    )
    return make_entity(
        id=f"uk-ofsi-{group_id}",
        schema=_SCHEMAS.get(clean(first.get("Group Type")).lower(), "LegalEntity"),
        names=[_name(r) for r in rows if r not in weak]
        + [clean(r.get("Name Non-Latin Script")) for r in rows],
        weak_names=[_name(r) for r in weak],
        birth_dates=[d for r in rows for d in parse_dates(clean(r.get("DOB")))],
        countries=nationality + [c for r in rows for c in country_codes(r.get("Country"))],
        identifiers=ids,
        sources=[designation],
    )


def load(ctx: LoadContext) -> tuple[list[Entity], ListSource]:
    """Load an OFSI consolidated list CSV file."""
    published = ""
    header: list[str] | None = None
    groups: dict[str, list[dict[str, str]]] = {}
    first_row: dict[str, int] = {}
    with open_text(ctx.path, ENCODING) as handle:
        for number, row in enumerate(csv_rows(handle), start=1):
            if header is None:
                if number == 1 and clean(row[0]).lower() == "last updated" and len(row) > 1:
                    published = optional_date(row[1])
                    continue
                cells = [clean(c) for c in row]
                if not all(col in cells for col in _REQUIRED):
                    raise ctx.fail(
                        f"not an OFSI consolidated list CSV: no {', '.join(_REQUIRED)} header"
                    )
                header = cells
                continue
            record = dict(zip(header, row, strict=False))
            group_id = clean(record.get("Group ID"))
            if not group_id:
                ctx.seen += 1
                ctx.skip(number, "row has no Group ID")
                continue
            groups.setdefault(group_id, []).append(record)
            first_row.setdefault(group_id, number)
    entities: list[Entity] = []
    for group_id, rows in groups.items():
        with ctx.record(first_row[group_id], f"Group ID {group_id}"):
            entities.append(_entity(group_id, rows))
    return entities, ctx.source(
        entities, name=LIST_NAME, authority=AUTHORITY, format=FORMAT, published=published
    )
