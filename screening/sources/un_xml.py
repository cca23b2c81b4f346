"""UN Security Council Consolidated List XML: ``INDIVIDUAL`` and ``ENTITY`` records, streamed.

Name parts ``FIRST_NAME``..``FOURTH_NAME`` are joined in the order given (they are not
given-name/surname fields); an entity's name is its ``FIRST_NAME``. ``QUALITY`` "Low" marks a
weak individual alias; entity aliases are "a.k.a."/"f.k.a." and all strong. Empty alias
placeholders are skipped. Dates of birth are ``EXACT`` (``DATE`` or ``YEAR``),
``APPROXIMATELY`` (``YEAR``) or ``BETWEEN`` (``FROM_YEAR`` and ``TO_YEAR``, kept as both).
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from screening.model import Designation, Entity, Identifier, ListSource
from screening.sources._common import (
    LoadContext,
    RecordError,
    XmlStream,
    child_text,
    children,
    country_code,
    country_codes,
    make_entity,
    optional_date,
    parse_dates,
    texts,
)

FORMAT = "un_xml"
AUTHORITY = "United Nations Security Council"
LIST_NAME = "UN Security Council Consolidated List"


def _birth_dates(entry: Element) -> list[str]:
    dates: list[str] = []
    for dob in children(entry, "INDIVIDUAL_DATE_OF_BIRTH"):
        for tag in ("DATE", "YEAR", "FROM_YEAR", "TO_YEAR"):
            value = child_text(dob, tag)
            if value:
                dates.extend(parse_dates(value))
    return dates


def _entity(entry: Element, kind: str) -> Entity:
    reference = child_text(entry, "REFERENCE_NUMBER") or child_text(entry, "DATAID")
    if not reference:
        raise RecordError(f"{kind} has neither REFERENCE_NUMBER nor DATAID")
    person = kind == "INDIVIDUAL"
    parts = (
        ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME") if person else ("FIRST_NAME",)
    )
    primary = " ".join(p for p in (child_text(entry, t) for t in parts) if p)
    strong, weak = [primary], list[str]()
    for alias in children(entry, f"{kind}_ALIAS"):
        name = child_text(alias, "ALIAS_NAME")
        (weak if child_text(alias, "QUALITY").lower() == "low" else strong).append(name)
    strong += texts(entry, "NAME_ORIGINAL_SCRIPT")
    nationalities = [v for n in children(entry, "NATIONALITY") for v in texts(n, "VALUE")]
    countries = [c for n in nationalities for c in country_codes(n)]
    countries += [
        c
        for a in children(entry, f"{kind}_ADDRESS")
        for c in country_codes(child_text(a, "COUNTRY"))
    ]
    ids = [
        Identifier(
            kind=child_text(d, "TYPE_OF_DOCUMENT"),
            value=child_text(d, "NUMBER"),
            country=country_code(
                child_text(d, "ISSUING_COUNTRY") or child_text(d, "COUNTRY_OF_ISSUE")
            )
            or "",
        )
        for d in children(entry, f"{kind}_DOCUMENT")
        if child_text(d, "NUMBER")
    ]
    designation = Designation(
        authority=AUTHORITY,
        list_name=LIST_NAME,
        program=child_text(entry, "UN_LIST_TYPE"),
        listed_on=optional_date(child_text(entry, "LISTED_ON")),
    )
    return make_entity(
        id=f"un-{reference}",
        schema="Person" if person else "Organization",
        names=strong,
        weak_names=weak,
        birth_dates=_birth_dates(entry) if person else [],
        countries=countries,
        identifiers=ids,
        sources=[designation],
    )


def load(ctx: LoadContext) -> tuple[list[Entity], ListSource]:
    """Load a UN Security Council consolidated list XML file."""
    stream = XmlStream(ctx.path, frozenset({"INDIVIDUAL", "ENTITY"}), "CONSOLIDATED_LIST")
    entities: list[Entity] = []
    for elem in stream:
        with ctx.record(label=child_text(elem, "REFERENCE_NUMBER")):
            entities.append(_entity(elem, elem.tag))
    published = optional_date(stream.root.get("dateGenerated")) if stream.root is not None else ""
    return entities, ctx.source(
        entities, name=LIST_NAME, authority=AUTHORITY, format=FORMAT, published=published
    )
