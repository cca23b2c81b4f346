"""OFAC ``sdnList`` XML (``sdn.xml`` and the non-SDN ``consolidated.xml``), streamed.

Unlike the CSV set, the XML states everything explicitly: weak aliases carry
``<category>weak</category>``, dates of birth, nationality and citizenship have their own
lists, and documents sit in ``idList`` (mixed with facts such as ``Gender``, which are
dropped). Element names are read by local name; the root must be ``sdnList`` in OFAC's
``http://tempuri.org/sdnList.xsd`` namespace (or none).
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from screening.model import Entity, ListSource
from screening.sources._common import (
    LoadContext,
    XmlStream,
    child_text,
    country_codes,
    descendants,
    make_entity,
    optional_date,
    parse_dates,
    unique,
)
from screening.sources._ofac import AUTHORITY, designations, identifier, list_name_for, schema_for

FORMAT = "ofac_xml"
_NAMESPACES = frozenset({"http://tempuri.org/sdnList.xsd", ""})


def _full_name(elem: Element) -> str:
    """OFAC XML splits individuals' names; join them the way the CSV writes them."""
    last, first = child_text(elem, "lastName"), child_text(elem, "firstName")
    return f"{last}, {first}" if last and first else last or first


def _entity(entry: Element, list_name: str) -> Entity:
    uid = child_text(entry, "uid")
    strong = [_full_name(entry)]
    weak: list[str] = []
    for aka in descendants(entry, "aka"):
        (weak if child_text(aka, "category").lower() == "weak" else strong).append(_full_name(aka))
    dates = [d for item in descendants(entry, "dateOfBirth") for d in parse_dates(item.text or "")]
    countries = [
        c
        for tag in ("nationality", "citizenship")
        for item in descendants(entry, tag)
        for c in country_codes(child_text(item, "country"))
    ]
    countries += [
        c for a in descendants(entry, "address") for c in country_codes(child_text(a, "country"))
    ]
    ids = [
        identifier(child_text(i, "idType"), child_text(i, "idNumber"), child_text(i, "idCountry"))
        for i in descendants(entry, "id")
    ]
    programs = unique(p.text or "" for p in descendants(entry, "program"))
    return make_entity(
        id=f"ofac-{uid}",
        schema=schema_for(child_text(entry, "sdnType")),
        names=strong,
        weak_names=weak,
        birth_dates=dates,
        countries=countries,
        identifiers=[i for i in ids if i is not None],
        sources=designations(programs, list_name),
    )


def load(ctx: LoadContext) -> tuple[list[Entity], ListSource]:
    """Load an OFAC sdnList XML file."""
    stream = XmlStream(ctx.path, frozenset({"sdnEntry", "Publish_Date"}), "sdnList", _NAMESPACES)
    list_name = list_name_for(ctx.path)
    entities: list[Entity] = []
    published = ""
    for elem in stream:
        if elem.tag.endswith("Publish_Date"):
            published = optional_date(elem.text, day_first=False)
            continue
        with ctx.record(label=child_text(elem, "uid")):
            entities.append(_entity(elem, list_name))
    return entities, ctx.source(
        entities, name=f"OFAC {list_name}", authority=AUTHORITY, format=FORMAT, published=published
    )
