"""Frozen records that flow through the library: what a list says, and what screening found.

Records validate their own invariants at construction so that a malformed list entry fails
where it is read, with the entity id in the message, instead of deep inside scoring.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from screening.errors import InvalidEntityError

if TYPE_CHECKING:
    from screening.score.explain import Explanation

#: FollowTheMoney schema names that a screening entity may carry.
SCHEMAS: frozenset[str] = frozenset(
    {"Person", "Organization", "Company", "LegalEntity", "Vessel", "Airplane"}
)
#: Schemas that name an organisation of some kind (legal forms are folded for these).
ORGANIZATION_SCHEMAS: frozenset[str] = frozenset({"Organization", "Company", "LegalEntity"})

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_COUNTRY = re.compile(r"^[a-z]{2}$")


def parse_partial_date(value: str) -> tuple[int, int | None, int | None] | None:
    """Return ``(year, month, day)`` of an ISO date that may omit day or month, else ``None``."""
    m = _PARTIAL_DATE.match(value.strip())
    if m is None:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    return year, month, day


def _str_tuple(value: Iterable[str] | str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = (value,)
    return tuple(str(v).strip() for v in value)


def _country_tuple(value: Iterable[str] | str | None) -> tuple[str, ...]:
    return tuple(c.lower() for c in _str_tuple(value) if c)


@attrs.frozen(slots=True)
class Designation:
    """Who listed an entity, under which programme and legal act.

    ``authority`` is the body that designates (``"US Treasury OFAC"``), ``list_name`` the list
    (``"SDN"``), ``program`` the sanctions programme (``"GLOMAG"``), ``listed_on`` an ISO date
    and ``legal_basis`` the act or notice (``"Council Implementing Regulation (EU) 2021/478"``).
    """

    authority: str
    list_name: str
    program: str = ""
    listed_on: str = ""
    legal_basis: str = ""
    url: str = ""


@attrs.frozen(slots=True)
class Identifier:
    """A document or registration number of a listed entity (passport, USCC, IMO, ...)."""

    kind: str
    value: str
    country: str = ""


def _clean_id(value: object) -> str:
    return str(value).strip()


def _clean_country(value: str | None) -> str | None:
    return (value.strip().lower() or None) if value else None


def _identifier_tuple(value: Iterable[Identifier]) -> tuple[Identifier, ...]:
    return tuple(value)


def _designation_tuple(value: Iterable[Designation]) -> tuple[Designation, ...]:
    return tuple(value)


def _validate_entity(instance: Entity) -> None:
    if not instance.id:
        raise InvalidEntityError("entity id must not be empty")
    if instance.schema not in SCHEMAS:
        raise InvalidEntityError(
            f"entity {instance.id!r}: unknown schema {instance.schema!r}; "
            f"expected one of {', '.join(sorted(SCHEMAS))}"
        )
    if not instance.names or not any(instance.names):
        raise InvalidEntityError(f"entity {instance.id!r}: at least one name is required")
    for name in (*instance.names, *instance.weak_names):
        if not name:
            raise InvalidEntityError(f"entity {instance.id!r}: empty name in names")
    for date in instance.birth_dates:
        if parse_partial_date(date) is None:
            raise InvalidEntityError(
                f"entity {instance.id!r}: birth date {date!r} is not an ISO date "
                "(YYYY, YYYY-MM or YYYY-MM-DD)"
            )
    for country in instance.countries:
        if not _COUNTRY.match(country):
            raise InvalidEntityError(
                f"entity {instance.id!r}: country {country!r} is not an ISO 3166 alpha-2 code"
            )


@attrs.frozen(slots=True)
class Entity:
    """A listed person, organisation, vessel or aircraft.

    ``names`` holds the primary name first and strong aliases after; ``weak_names`` holds
    aliases the authority itself calls weak (OFAC "weak a.k.a."), which are screened but scored
    lower. Dates are ISO and may be partial (``1958``, ``1958-01``); countries are ISO 3166
    alpha-2 codes, accepted in any case and stored lower case.
    """

    id: str = attrs.field(converter=_clean_id)
    schema: str
    names: tuple[str, ...] = attrs.field(converter=_str_tuple)
    birth_dates: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    countries: tuple[str, ...] = attrs.field(default=(), converter=_country_tuple)
    identifiers: tuple[Identifier, ...] = attrs.field(default=(), converter=_identifier_tuple)
    sources: tuple[Designation, ...] = attrs.field(default=(), converter=_designation_tuple)
    weak_names: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)

    def __attrs_post_init__(self) -> None:
        _validate_entity(self)

    @property
    def caption(self) -> str:
        """The primary name, for display."""
        return self.names[0]

    @property
    def all_names(self) -> tuple[str, ...]:
        """Strong names followed by weak aliases."""
        return self.names + self.weak_names

    @property
    def list_names(self) -> tuple[str, ...]:
        """The names of the lists that carry this entity, in order, without repeats."""
        return tuple(dict.fromkeys(s.list_name for s in self.sources))

    @property
    def programs(self) -> tuple[str, ...]:
        """The programmes the entity is listed under, without repeats."""
        return tuple(dict.fromkeys(s.program for s in self.sources if s.program))

    @property
    def is_person(self) -> bool:
        return self.schema == "Person"

    @property
    def is_organization(self) -> bool:
        return self.schema in ORGANIZATION_SCHEMAS


@attrs.frozen(slots=True)
class ListSource:
    """A list file as loaded: what it is, who publishes it, and exactly which bytes were read."""

    name: str
    authority: str
    format: str
    sha256: str
    record_count: int
    published: str = ""
    path: str = ""
    skipped: int = 0


@attrs.frozen(slots=True)
class Query:
    """One name to screen, with the optional facts that confirm or contradict a match."""

    name: str
    schema: str | None = None
    birth_date: str | None = None
    country: str | None = attrs.field(default=None, converter=_clean_country)


@attrs.frozen(slots=True)
class Match:
    """A listed entity that a query matched, with its score in 0..1.

    The hot path stores only the score; :meth:`explain` recomputes the comparison with full
    tracing, so screening a million rows does not pay for explanations nobody reads.
    """

    entity: Entity
    score: float
    matched_name: str
    query: Query
    name_score: float = 1.0

    def explanation(self) -> Explanation:
        """The structured account of how this score came about."""
        from screening.score.explain import explain_match

        return explain_match(self)

    def explain(self) -> str:
        """A readable account: names compared, transformations applied, per-part scores."""
        return self.explanation().render()
