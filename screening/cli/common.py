"""Options and helpers shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from screening.config import MatchSettings
from screening.screen import Screener

F = TypeVar("F", bound=Callable[..., Any])


def list_option(func: F) -> F:
    """``--list PATH`` (repeatable): official list files to screen against instead of the bundle."""
    return click.option(
        "--list",
        "list_paths",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False),
        help="Official list file (any supported format); repeatable. Default: bundled lists.",
    )(func)


def build_screener(
    list_paths: tuple[str, ...], settings: MatchSettings | None = None
) -> Screener:
    """The bundled lists, or the given files when ``--list`` was used."""
    if list_paths:
        return Screener.from_files(*list_paths, settings=settings)
    return Screener.default(settings=settings)
