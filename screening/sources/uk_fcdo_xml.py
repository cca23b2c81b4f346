"""FCDO "UK Sanctions List" XML: ``Designations`` / ``Designation``, streamed.

Names are split into ``Name1``..``Name5`` (given names) and ``Name6`` (surname or whole
name); they are joined in that order. ``NameType`` "Primary Name" comes first; an
``AliasStrength`` of "Low quality" makes the alias weak. Non-Latin names are strong names.
DOBs are ``dd/mm/yyyy`` with ``dd``/``mm`` placeholders for unknown parts.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from screening.model import Designation, Entity, Identifier, ListSource
from screening.sources._common import (
    LoadContext,
    RecordError,
    XmlStream,
    child_text,
    clean,
    country_codes,
    descendants,
    make_entity,
    optional_date,
    parse_dates,
    texts,
)

FORMAT = "uk_fcdo_xml"
AUTHORITY = "UK Foreign, Commonwealth & Development Office"
LIST_NAME = "UK Sanctions List"
_SCHEMAS = {"individual": "Person", "entity": "Organization", "ship": "Vessel"}


def _name(elem: Element) -> str:
    return " ".join(p for p in (child_text(elem, f"Name{i}") for i in range(1, 7)) if p)


def _entity(entry: Element) -> Entity:
    unique_id = child_text(entry, "UniqueID")
    if not unique_id:
        raise RecordError("Designation has no UniqueID")
    names = descendants(entry, "Name")
    names.sort(key=lambda n: child_text(n, "NameType").lower() != "primary name")
    weak = [n for n in names if "low" in child_text(n, "AliasStrength").lower()]
    ids = (
        [Identifier(kind="Passport", value=number) for number in texts(entry, "PassportNumber")]
        + [
            Identifier(kind="National ID", value=number)
            for number in texts(entry, "NationalIdentifierNumber")
        ]
        + [Identifier(kind="IMO", value=number) for number in texts(entry, "IMONumber")]
    )
    countries = [c for n in texts(entry, "Nationality") for c in country_codes(n)]
    countries += [c for n in texts(entry, "AddressCountry") for c in country_codes(n)]
    listed_on = optional_date(child_text(entry, "DateDesignated"))
    designation = Designation(
        authority=AUTHORITY,
        list_name=LIST_NAME,
        program=child_text(entry, "RegimeName"),
        listed_on=listed_on,
        legal_basis=child_text(entry, "RegimeName"),
    )
    return make_entity(
        id=f"uk-{unique_id}",
        schema=_SCHEMAS.get(child_text(entry, "IndividualEntityShip").lower(), "LegalEntity"),
        names=[_name(n) for n in names if n not in weak] + texts(entry, "NameNonLatinScript"),
        weak_names=[_name(n) for n in weak],
        birth_dates=[d for dob in texts(entry, "DOB") for d in parse_dates(dob)],
        countries=countries,
        identifiers=ids,
        sources=[designation],
    )


def load(ctx: LoadContext) -> tuple[list[Entity], ListSource]:
    """Load a UK Sanctions List XML file."""
    stream = XmlStream(ctx.path, frozenset({"Designation", "DateGenerated"}), "Designations")
    entities: list[Entity] = []
    published = ""
    for elem in stream:
        if elem.tag == "DateGenerated":
            published = optional_date(clean(elem.text))
            continue
        with ctx.record(label=child_text(elem, "UniqueID")):
            entities.append(_entity(elem))
    return entities, ctx.source(
        entities, name=LIST_NAME, authority=AUTHORITY, format=FORMAT, published=published
    )
