"""EU Financial Sanctions Files (FSF) XML 1.1: ``export`` / ``sanctionEntity``, streamed.

Nearly everything is in attributes. The EU does not mark a primary name: all ``nameAlias``
elements are siblings, so the primary name is chosen as the first English (or unlabelled)
alias that has a split surname, else the first English or unlabelled one, else the first.
Alias quality is mostly written in a child ``remark`` ("low quality alias", even misspelt),
so a remark containing "low quality" makes the alias weak, as does ``strong="false"``.
Birth dates prefer the Gregorian ``birthdate`` attribute: with ``calendarType="ISLAMIC"``
the day/month/year attributes are Hijri and are ignored.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from screening.model import Designation, Entity, Identifier, ListSource
from screening.sources._common import (
    LoadContext,
    RecordError,
    XmlStream,
    attr,
    children,
    country_code,
    make_entity,
    optional_date,
    parse_dates,
)

FORMAT = "eu_fsf_xml"
AUTHORITY = "European Union"
LIST_NAME = "EU Financial Sanctions Files"
_NAMESPACES = frozenset({"http://eu.europa.ec/fpi/fsd/export", ""})
_SCHEMAS = {"person": "Person", "enterprise": "Organization", "vessel": "Vessel"}


def _is_weak(alias: Element) -> bool:
    if attr(alias, "strong").lower() == "false":
        return True
    return any("low quality" in (r.text or "").lower() for r in children(alias, "remark"))


def _primary_first(aliases: list[Element]) -> list[Element]:
    def rank(alias: Element) -> int:
        english = attr(alias, "nameLanguage").upper() in ("", "EN")
        return 0 if english and attr(alias, "lastName") else 1 if english else 2

    return sorted(aliases, key=rank)  # sorted() is stable: document order within a rank


def _birth_dates(elem: Element) -> list[str]:
    full = attr(elem, "birthdate")
    if full:
        return parse_dates(full)
    low, high = attr(elem, "yearRangeFrom"), attr(elem, "yearRangeTo")
    if low or high:
        return [d for y in (low, high) if y for d in parse_dates(y)]
    if attr(elem, "calendarType").upper() not in ("", "GREGORIAN"):
        return []
    year, month, day = attr(elem, "year"), attr(elem, "monthOfYear"), attr(elem, "dayOfMonth")
    if not year:
        return []
    parts = [year] + ([month.zfill(2)] if month else []) + ([day.zfill(2)] if month and day else [])
    return parse_dates("-".join(parts))


def _designations(entry: Element) -> list[Designation]:
    listed_on = attr(entry, "designationDate")
    by_programme: dict[str, Designation] = {}
    for reg in children(entry, "regulation"):
        programme = attr(reg, "programme")
        if programme in by_programme:
            continue
        urls = [u.text or "" for u in children(reg, "publicationUrl")]
        by_programme[programme] = Designation(
            authority=AUTHORITY,
            list_name=LIST_NAME,
            program=programme,
            listed_on=listed_on,
            legal_basis=attr(reg, "numberTitle"),
            url=urls[0].strip() if urls else "",
        )
    return list(by_programme.values()) or [
        Designation(authority=AUTHORITY, list_name=LIST_NAME, listed_on=listed_on)
    ]


def _entity(entry: Element) -> Entity:
    logical_id = attr(entry, "logicalId")
    if not logical_id:
        raise RecordError("sanctionEntity has no logicalId")
    subject = children(entry, "subjectType")
    code = attr(subject[0], "code").lower() if subject else ""
    aliases = _primary_first(children(entry, "nameAlias"))
    ids = [
        Identifier(
            kind=attr(i, "identificationTypeDescription") or attr(i, "identificationTypeCode"),
            value=attr(i, "number") or attr(i, "latinNumber"),
            country=country_code(attr(i, "countryIso2Code")) or "",
        )
        for i in children(entry, "identification")
        if attr(i, "number") or attr(i, "latinNumber")
    ]
    countries = [
        country_code(attr(e, "countryIso2Code")) or country_code(attr(e, "countryDescription"))
        for tag in ("citizenship", "address")
        for e in children(entry, tag)
    ]
    return make_entity(
        id=f"eu-{logical_id}",
        schema=_SCHEMAS.get(code, "Organization"),
        names=[attr(a, "wholeName") for a in aliases if not _is_weak(a)],
        weak_names=[attr(a, "wholeName") for a in aliases if _is_weak(a)],
        birth_dates=[d for b in children(entry, "birthdate") for d in _birth_dates(b)],
        countries=[c for c in countries if c],
        identifiers=ids,
        sources=_designations(entry),
    )


def load(ctx: LoadContext) -> tuple[list[Entity], ListSource]:
    """Load an EU FSF XML file."""
    stream = XmlStream(ctx.path, frozenset({"sanctionEntity"}), "export", _NAMESPACES)
    entities: list[Entity] = []
    for elem in stream:
        with ctx.record(label=f"logicalId {attr(elem, 'logicalId')}"):
            entities.append(_entity(elem))
    published = optional_date(stream.root.get("generationDate")) if stream.root is not None else ""
    return entities, ctx.source(
        entities, name=LIST_NAME, authority=AUTHORITY, format=FORMAT, published=published
    )
