"""BIS Denied Persons List, the tab-delimited ``dpl.txt``.

A denied party with several addresses appears on several rows; rows with the same name and
effective date are one entity, keyed ``dpl-<hash of name and date>`` (the file has no ids).
The list names people and companies alike without saying which, so entities get the
neutral ``LegalEntity`` schema. Dates are ``MM/DD/YYYY``.
"""

from __future__ import annotations

import hashlib

from screening.model import Designation, Entity, ListSource
from screening.sources._common import (
    LoadContext,
    clean,
    country_codes,
    csv_rows,
    make_entity,
    open_text,
    optional_date,
)

FORMAT = "bis_dpl"
AUTHORITY = "US Commerce BIS"
LIST_NAME = "Denied Persons List"
_REQUIRED = ("Name", "Street_Address", "Country", "Effective_Date")


def load(ctx: LoadContext) -> tuple[list[Entity], ListSource]:
    """Load a BIS dpl.txt file."""
    header: list[str] | None = None
    groups: dict[str, list[dict[str, str]]] = {}
    first_row: dict[str, int] = {}
    with open_text(ctx.path) as handle:
        for number, row in enumerate(csv_rows(handle, delimiter="\t"), start=1):
            if header is None:
                header = [clean(c) for c in row]
                if not all(col in header for col in _REQUIRED):
                    raise ctx.fail("not a BIS Denied Persons List: missing tab-separated header")
                continue
            record = dict(zip(header, row, strict=False))
            key = f"{clean(record.get('Name')).upper()}|{clean(record.get('Effective_Date'))}"
            groups.setdefault(key, []).append(record)
            first_row.setdefault(key, number)
    entities: list[Entity] = []
    for key, rows in groups.items():
        digest = hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:12]
        first = rows[0]
        with ctx.record(first_row[key], clean(first.get("Name"))):
            designation = Designation(
                authority=AUTHORITY,
                list_name=LIST_NAME,
                listed_on=optional_date(first.get("Effective_Date"), day_first=False),
                legal_basis=clean(first.get("FR_Citation")),
            )
            entities.append(
                make_entity(
                    id=f"dpl-{digest}",
                    schema="LegalEntity",
                    names=[clean(first.get("Name"))],
                    countries=[c for r in rows for c in country_codes(r.get("Country"))],
                    sources=[designation],
                )
            )
    return entities, ctx.source(entities, name=LIST_NAME, authority=AUTHORITY, format=FORMAT)
