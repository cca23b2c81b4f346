"""Canada's Consolidated Autonomous Sanctions List (``sema-lmes.xml``), streamed.

Records are flat and carry no id: a record is identified by its regime (``Country``),
``Schedule`` and ``Item``, which make the entity id (``ca-burma-1-7``); a repeat of the same
triple gets a ``-2``, ``-3`` suffix. Tags changed over the years (``Entity`` →
``EntityOrShip`` → ``EntityOrShip-EntiteOuNavire``), so fields are found by their English
prefix. ``Aliases`` is one comma-separated cell, all strong. Individuals are named
"GivenName LastName" from the two fields. A ship's "date of birth" field is its build
date, so it is not read as a birth date.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from screening.model import Designation, Entity, Identifier, ListSource
from screening.sources._common import (
    LoadContext,
    RecordError,
    XmlStream,
    clean,
    local_name,
    make_entity,
    optional_date,
    parse_dates,
    split_list,
)

FORMAT = "ca_sema_xml"
AUTHORITY = "Global Affairs Canada"
LIST_NAME = "Consolidated Canadian Autonomous Sanctions List"


def _field(record: Element, prefix: str) -> str:
    """The text of the child whose tag is ``prefix``, ``prefix-French`` or ``prefixOr...``."""
    for child in record:
        name = local_name(child.tag)
        if name == prefix or name.startswith((f"{prefix}-", f"{prefix}Or")):
            return clean(child.text)
    return ""


def _regime_key(regime: str) -> str:
    english = regime.split(" / ")[0]
    acronym = re.search(r"\(([A-Z]{3,})\)", english)
    words = acronym.group(1) if acronym else english
    return re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")


def _entity(record: Element, entity_id: str) -> Entity:
    regime = _field(record, "Country")
    last, given = _field(record, "LastName"), _field(record, "GivenName")
    organisation = _field(record, "Entity")
    imo = _field(record, "ShipIMONumber")
    if last or given:
        schema, name = "Person", " ".join(p for p in (given, last) if p)
    else:
        schema, name = ("Vessel" if imo else "Organization"), organisation
    dates = parse_dates(_field(record, "DateOfBirth")) if schema == "Person" else []
    english_regime = clean(regime.split(" / ")[0])
    designation = Designation(
        authority=AUTHORITY,
        list_name=LIST_NAME,
        program=english_regime,
        listed_on=optional_date(_field(record, "DateOfListing")),
        legal_basis=(
            english_regime if "Regulations" in english_regime else "Special Economic Measures Act"
        ),
    )
    return make_entity(
        id=entity_id,
        schema=schema,
        names=[name, *split_list(_field(record, "Aliases"), ",")],
        birth_dates=dates,
        identifiers=[Identifier(kind="IMO", value=imo)] if imo else [],
        sources=[designation],
    )


def load(ctx: LoadContext) -> tuple[list[Entity], ListSource]:
    """Load a Canadian SEMA XML file."""
    stream = XmlStream(ctx.path, frozenset({"record"}), "data-set")
    entities: list[Entity] = []
    used: dict[str, int] = {}
    for elem in stream:
        key = "-".join(
            p
            for p in (
                _regime_key(_field(elem, "Country")),
                re.sub(r"[^a-z0-9]+", "-", _field(elem, "Schedule").lower()).strip("-"),
                _field(elem, "Item"),
            )
            if p
        )
        used[key] = used.get(key, 0) + 1
        entity_id = f"ca-{key}" + (f"-{used[key]}" if used[key] > 1 else "")
        with ctx.record(label=entity_id):
            if not _field(elem, "Item") and not _field(elem, "Country"):
                raise RecordError("record has neither Country nor Item")
            entities.append(_entity(elem, entity_id))
    return entities, ctx.source(entities, name=LIST_NAME, authority=AUTHORITY, format=FORMAT)
