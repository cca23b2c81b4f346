"""OFAC "legacy" CSV sets: SDN (``sdn.csv``) and non-SDN consolidated (``cons_prim.csv``).

One list is four headerless files linked by ``ent_num``: the primary file (12 columns), its
addresses (``add.csv`` / ``cons_add.csv``), strong aliases (``alt.csv`` / ``cons_alt.csv``) and
the overflow of cut-off remarks (``sdn_comments.csv`` / ``cons_comments.csv``). Given the
primary file, the siblings are found next to it; a missing sibling is logged and loading goes
on without it (the primary file alone still names every designated party).

Weak a.k.a.s exist only inside ``Remarks`` (single-quoted), so they come from there.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from screening.model import Entity, ListSource
from screening.sources._common import (
    LoadContext,
    RecordError,
    clean,
    country_codes,
    csv_rows,
    log,
    make_entity,
    open_text,
)
from screening.sources._ofac import (
    designations,
    list_name_for,
    parse_remarks,
    schema_for,
    split_programs,
)

FORMAT = "ofac_csv"
_PRIMARY_COLUMNS = 12
_ENT_NUM = re.compile(r"^\d+$")


def sibling_paths(path: Path) -> dict[str, Path]:
    """The add / alt / comments files that belong with a primary file, when present.

    ``sdn.csv`` pairs with ``add.csv``, ``alt.csv``, ``sdn_comments.csv``; ``cons_prim.csv``
    with ``cons_add.csv``, ``cons_alt.csv``, ``cons_comments.csv`` (any letter case).
    """
    stem, suffix = path.stem, path.suffix
    lower = stem.lower()
    if lower.endswith("prim"):
        base = stem[: -len("prim")]
        wanted = {"add": f"{base}add", "alt": f"{base}alt", "comments": f"{base}comments"}
    else:
        base = stem[: -len("sdn")] if lower.endswith("sdn") else ""
        wanted = {"add": f"{base}add", "alt": f"{base}alt", "comments": f"{stem}_comments"}
    present = {p.name.lower(): p for p in path.parent.iterdir() if p.is_file()}
    found = {}
    for role, name in wanted.items():
        candidate = present.get(f"{name}{suffix}".lower())
        if candidate is not None and candidate != path:
            found[role] = candidate
        else:
            log.warning("%s: no %s file %s%s next to it", path, role, name, suffix)
    return found


def _read_linked(ctx: LoadContext, path: Path, min_columns: int) -> dict[str, list[list[str]]]:
    """Rows of a sibling file grouped by ent_num; malformed rows are skipped and reported."""
    rows: dict[str, list[list[str]]] = defaultdict(list)
    ctx.files.append(path)
    with open_text(path) as handle:
        for number, row in enumerate(csv_rows(handle), start=1):
            if len(row) < min_columns or not _ENT_NUM.match(row[0].strip()):
                ctx.skip(number, f"expected {min_columns} columns starting with ent_num", path)
                continue
            rows[row[0].strip()].append(row)
    return rows


def load(ctx: LoadContext) -> tuple[list[Entity], ListSource]:
    """Load an OFAC CSV set from the path of its primary file."""
    path = ctx.path
    siblings = sibling_paths(path)
    alts = _read_linked(ctx, siblings["alt"], 4) if "alt" in siblings else {}
    adds = _read_linked(ctx, siblings["add"], 5) if "add" in siblings else {}
    comments = _read_linked(ctx, siblings["comments"], 2) if "comments" in siblings else {}
    list_name = list_name_for(path)
    entities: list[Entity] = []
    with open_text(path) as handle:
        for number, row in enumerate(csv_rows(handle), start=1):
            if number == 1 and (len(row) != _PRIMARY_COLUMNS or not _ENT_NUM.match(row[0])):
                raise ctx.fail(
                    f"not an OFAC {list_name} CSV primary file: expected {_PRIMARY_COLUMNS} "
                    f"columns starting with a numeric ent_num, got {len(row)}"
                )
            with ctx.record(number):
                if len(row) != _PRIMARY_COLUMNS or not _ENT_NUM.match(row[0].strip()):
                    raise RecordError(f"expected {_PRIMARY_COLUMNS} columns, got {len(row)}")
                ent_num = row[0].strip()
                remarks = clean(row[11]) + "".join(r[1] for r in comments.get(ent_num, []))
                facts = parse_remarks(remarks)
                address_countries = [c for r in adds.get(ent_num, []) for c in country_codes(r[4])]
                entities.append(
                    make_entity(
                        id=f"ofac-{ent_num}",
                        schema=schema_for(row[2]),
                        names=[row[1], *(r[3] for r in alts.get(ent_num, []))],
                        weak_names=facts.weak_names,
                        birth_dates=facts.birth_dates,
                        countries=[*facts.countries, *address_countries],
                        identifiers=facts.identifiers,
                        sources=designations(split_programs(row[3]), list_name),
                    )
                )
    return entities, ctx.source(
        entities, name=f"OFAC {list_name}", authority="US Treasury OFAC", format=FORMAT
    )
