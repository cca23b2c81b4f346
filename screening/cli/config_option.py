"""``--config PATH``: the settings file every command reads (see :mod:`screening.settings`).

Decorate a command with :func:`config_option` and it receives ``settings: MatchSettings``
from ``--config``, else from ``./screening.toml``, else the defaults. The file actually read
is kept in the click context (:func:`config_path`) for commands that write it back, such as
``screening tune --write-config``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from screening.config import MatchSettings
from screening.errors import ConfigError
from screening.settings import find_settings_file, load_settings

F = TypeVar("F", bound=Callable[..., Any])

_META_KEY = "screening.config_path"


def _load(ctx: click.Context, param: click.Parameter, value: str | None) -> MatchSettings:
    try:
        path = find_settings_file(value)
        ctx.meta[_META_KEY] = path
        return MatchSettings() if path is None else load_settings(path)
    except ConfigError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from exc


def config_option(func: F) -> F:
    """``--config PATH``: thresholds and weights (TOML); default ``./screening.toml`` if present."""
    return click.option(
        "--config",
        "settings",
        type=click.Path(dir_okay=False),
        default=None,
        callback=_load,
        help="Settings file (TOML) with thresholds and weights. "
        "Default: ./screening.toml when it exists.",
    )(func)


def config_path(ctx: click.Context | None = None) -> Path | None:
    """The settings file the current command read, ``None`` when it used the defaults."""
    # ``meta`` is shared by every context of one invocation, so any context will do.
    path = (ctx or click.get_current_context()).meta.get(_META_KEY)
    return path if isinstance(path, Path) else None


__all__ = ["config_option", "config_path"]
