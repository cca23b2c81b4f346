"""What the OFAC CSV, OFAC XML and trade.gov CSL loaders share: types, programs, remarks.

OFAC packs most identifying data into a free-text ``Remarks`` field (CSV) or an ``idList``
whose ``idType`` mixes documents with facts such as ``Gender`` or ``Website``. Both are read
here once, so every OFAC-derived entity carries the same birth dates, countries and
identifiers whichever file it came from.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs

from screening.model import Designation, Identifier
from screening.sources._common import clean, country_code, country_codes, parse_dates, unique

AUTHORITY = "US Treasury OFAC"

#: OFAC leaves the type of organisations empty (CSV ``-0-``) or calls them ``Entity``. Such
#: an entry is known not to be a person, vessel or aircraft, and ranges from companies to
#: armed groups and ministries, so it becomes ``Organization`` (not ``Company``, which would
#: claim too much). ``LegalEntity`` is kept for rows whose kind is unknown, such as CSL rows
#: from BIS or State, which name people and companies alike (in FollowTheMoney a Person is
#: also a LegalEntity).
_SCHEMAS = {
    "individual": "Person",
    "vessel": "Vessel",
    "aircraft": "Airplane",
    "entity": "Organization",
    "": "Organization",
}

#: idType / remark labels that state a fact, not a document or registration number.
_FACT_LABELS = (
    "gender",
    "website",
    "email",
    "phone",
    "telephone",
    "fax",
    "target type",
    "listing date",
    "effective date",
    "purchase/sales",
    "organization established",
    "organization type",
    "secondary sanctions",
    "executive order",
    "caatsa",
    "issuer name",
    "transactions prohibited",
    "additional sanctions",
    "aircraft model",
    "aircraft manufacture date",
    "aircraft operator",
    "vessel year of build",
    "other vessel",
    "vessel type",
    "ifca",
    "for more information",
    "linked to",
    "nationality of registration",
    "dob",
    "pob",
)

_LABEL = re.compile(
    r"^(?P<kind>"
    r"Digital Currency Address - \w+"
    r"|Vessel Registration Identification"
    r"|Aircraft Manufacturer's Serial Number \(MSN\)"
    r"|Aircraft Construction Number \(also called L/N or S/N or F/N\)"
    r"|Unified Social Credit Code \(USCC\)"
    r"|United Social Credit Code Certificate \(USCCC\)"
    r"|Passport|SSN|ISIN|MMSI|SWIFT/BIC|Equity Ticker|BIK \(RU\)|R\.F\.C\.|C\.U\.R\.P\."
    r"|Matricula Mercantil No"
    r"|[A-Z][\w'./&-]*(?: [\w'./&-]+){0,5}? (?:No\.|Number|#|ID|Card|Code)"
    r") (?P<rest>.+)$"
)
_REST = re.compile(
    r"^(?P<number>.+?)(?: \((?P<country>[^)]*)\))?(?: (?:issued|expires|alt\.) .*)?$"
)
_LABEL_TAIL = re.compile(r"^(No\.|Number|#)\s+(.+)$")
_DOB = re.compile(r"^DOB\s+(?P<value>.+)$", re.IGNORECASE)
_NATIONALITY = re.compile(
    r"^(?:nationality|citizen)(?: of registration)?\s+(?P<value>[^\d].*)$", re.IGNORECASE
)
_WEAK = re.compile(r"^[afn]\.k\.a\.,?\s+'(?P<name>.+)'$", re.IGNORECASE)
_ALT = re.compile(r"^alt\.\s+", re.IGNORECASE)


def schema_for(sdn_type: str) -> str:
    """FollowTheMoney schema of an OFAC ``SDN_Type`` / ``sdnType`` (see ``_SCHEMAS``)."""
    return _SCHEMAS.get(clean(sdn_type).lower(), "Organization")


def split_programs(text: str) -> list[str]:
    """``"NPWMD] [IFSR"`` or ``"[SDGT]"`` or ``"A; B"`` into ``["NPWMD", "IFSR"]``."""
    value = clean(text).strip("[]")
    return unique(re.split(r"\]\s*\[|;", value))


def list_name_for(path: Path) -> str:
    """OFAC's file names tell the SDN list from the non-SDN consolidated list."""
    return "Non-SDN Consolidated" if path.name.lower().startswith("cons") else "SDN"


def designations(programs: list[str], list_name: str, listed_on: str = "") -> list[Designation]:
    """One OFAC designation per programme (one without programme if none is given)."""
    return [
        Designation(authority=AUTHORITY, list_name=list_name, program=p, listed_on=listed_on)
        for p in programs or [""]
    ]


def identifier(kind: str, number: str, country: str = "") -> Identifier | None:
    """An Identifier for a document-like label, ``None`` for facts (Gender, Website, ...)."""
    kind, number = clean(kind).rstrip(":"), clean(number)
    if not kind or not number or kind.lower().startswith(_FACT_LABELS):
        return None
    return Identifier(kind=kind, value=number, country=country_code(country) or "")


@attrs.frozen
class Remarks:
    """The screening-relevant facts of one OFAC ``Remarks`` text."""

    birth_dates: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    identifiers: tuple[Identifier, ...] = ()
    weak_names: tuple[str, ...] = ()


def parse_remarks(text: str) -> Remarks:
    """Read DOBs, nationality/citizenship, identifiers and weak a.k.a.s from ``Remarks``.

    An unreadable ``DOB`` raises :class:`~screening.sources._common.RecordError` (the record
    is skipped and reported); everything else that is not recognised is ignored, because
    remarks also carry narrative that screening does not use.
    """
    dates: list[str] = []
    countries: list[str] = []
    ids: list[Identifier] = []
    weak: list[str] = []
    for raw in clean(text).split("; "):
        part = _ALT.sub("", raw.strip().rstrip("."))
        if not part:
            continue
        if m := _DOB.match(part):
            dates.extend(parse_dates(m.group("value")))
        elif m := _NATIONALITY.match(part):
            countries.extend(country_codes(m.group("value")))
        elif m := _WEAK.match(part):
            weak.append(m.group("name"))
        elif m := _LABEL.match(part):
            kind, tail = m.group("kind"), m.group("rest")
            if more := _LABEL_TAIL.match(tail):  # "National ID No. X": the label goes on
                kind, tail = f"{kind} {more.group(1)}", more.group(2)
            rest = _REST.match(tail)
            if rest:
                ident = identifier(kind, rest.group("number"), rest.group("country") or "")
                if ident is not None:
                    ids.append(ident)
    return Remarks(
        birth_dates=tuple(unique(dates)),
        countries=tuple(unique(countries)),
        identifiers=tuple(dict.fromkeys(ids)),
        weak_names=tuple(unique(weak)),
    )
