"""Options and helpers shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from screening.config import MatchSettings
from screening.errors import ListFormatError
from screening.model import Entity, ListSource
from screening.screen import Screener
from screening.sources import load_list

F = TypeVar("F", bound=Callable[..., Any])


_MAPPING_KEY = "screening.list_mapping"


def _store_mapping(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> None:
    mapping: dict[str, str] = ctx.meta.setdefault(_MAPPING_KEY, {})
    for value in values:
        field, sep, column = value.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise click.BadParameter(f"expected FIELD=COLUMN, got {value!r}", ctx=ctx, param=param)
        mapping[field.strip()] = column.strip()


def list_option(func: F) -> F:
    """``--list PATH`` (repeatable): list files to screen against instead of the bundle, and
    ``--list-map FIELD=COLUMN`` for in-house CSV lists in no official format."""
    func = click.option(
        "--list-map",
        multiple=True,
        expose_value=False,
        callback=_store_mapping,
        metavar="FIELD=COLUMN",
        help="Column mapping for a --list CSV in no official format (name=, id=, schema=, "
        "aliases=, birth_date=, country=); repeatable.",
    )(func)
    return click.option(
        "--list",
        "list_paths",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False),
        help="List file (any supported format, detected from content); repeatable. "
        "Default: bundled lists.",
    )(func)


def map_alias_option(func: F) -> F:
    """``--map FIELD=COLUMN``: the same as ``--list-map``, where ``--map`` is free."""
    return click.option(
        "--map",
        multiple=True,
        expose_value=False,
        callback=_store_mapping,
        metavar="FIELD=COLUMN",
        help="Same as --list-map.",
    )(func)


def _list_mapping() -> dict[str, str]:
    ctx = click.get_current_context(silent=True)
    found = ctx.meta.get(_MAPPING_KEY, {}) if ctx is not None else {}
    return dict(found)


def build_screener(
    list_paths: tuple[str, ...], settings: MatchSettings | None = None
) -> Screener:
    """The bundled lists, or the given files when ``--list`` was used.

    A file in an official format is read as that format; a CSV in none of them is read
    with the ``--list-map`` column mapping, and without one fails with the format error.
    """
    if not list_paths:
        return Screener.default(settings=settings)
    mapping = _list_mapping()
    entities: list[Entity] = []
    sources: list[ListSource] = []
    for path in list_paths:
        try:
            loaded, source = load_list(path)
        except ListFormatError:
            if not mapping:
                raise
            loaded, source = load_list(path, mapping=mapping)
        entities.extend(loaded)
        sources.append(source)
    return Screener(entities, settings=settings, sources=sources)
