"""The settings file: every threshold and weight of :class:`~screening.config.MatchSettings`.

One file is read by the library, the bulk CLI and ``screening tune`` (which also writes it),
so the threshold an auditor sees justified in a tuning report is the one screening applies::

    [thresholds]
    default = 0.80

    [thresholds.schema]
    Person = 0.82
    Company = 0.86

    [thresholds.list]
    "SDN" = 0.85

    [weights]
    weak_alias_factor = 0.9
    birth_date_mismatch_penalty = 0.12

Every section is optional; what the file does not set keeps its default. Unknown sections or
keys and values out of range raise :class:`~screening.errors.ConfigError` naming the file and
the key, because a typo in a threshold silently ignored is a compliance incident.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from screening.config import MatchSettings
from screening.errors import ConfigError
from screening.model import SCHEMAS

#: The file looked up in the working directory when no ``--config`` is given.
DEFAULT_FILENAME = "screening.toml"

#: MatchSettings fields that are plain floats, set under ``[weights]``. Read from the class so
#: that a weight the engine adds is configurable without touching this module.
_THRESHOLD_FIELDS = frozenset({"threshold", "schema_thresholds", "list_thresholds"})
WEIGHT_FIELDS: tuple[str, ...] = tuple(
    f.name
    for f in attrs.fields(MatchSettings)
    if f.name not in _THRESHOLD_FIELDS and f.type in (float, "float")
)
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def find_settings_file(explicit: str | Path | None = None) -> Path | None:
    """The settings file to use: ``explicit`` (which must exist), else ``./screening.toml``."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{path}: settings file not found")
        return path
    local = Path.cwd() / DEFAULT_FILENAME
    return local if local.is_file() else None


def resolve_settings(explicit: str | Path | None = None) -> MatchSettings:
    """Settings from :func:`find_settings_file`, or the defaults when there is no file."""
    path = find_settings_file(explicit)
    return MatchSettings() if path is None else load_settings(path)


def load_settings(path: str | Path) -> MatchSettings:
    """Read a settings file; every error names the file and the offending key."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read settings file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: settings file is not UTF-8 ({exc.reason})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    return settings_from_mapping(data, source=str(path))


def settings_from_mapping(data: Mapping[str, Any], *, source: str = "settings") -> MatchSettings:
    """Build settings from parsed TOML (split out so that tests need no file)."""
    _reject_unknown(data, {"thresholds", "weights"}, source, "")
    thresholds = _table(data, "thresholds", source)
    _reject_unknown(thresholds, {"default", "schema", "list"}, source, "thresholds.")
    values: dict[str, Any] = {}
    if "default" in thresholds:
        values["threshold"] = _threshold(thresholds["default"], source, "thresholds.default")
    schema_table = _table(thresholds, "schema", source, "thresholds.")
    for schema, value in schema_table.items():
        key = f"thresholds.schema.{schema}"
        if schema not in SCHEMAS:
            raise ConfigError(
                f"{source}: {key}: unknown schema; expected one of {', '.join(sorted(SCHEMAS))}"
            )
        values.setdefault("schema_thresholds", {})[schema] = _threshold(value, source, key)
    list_table = _table(thresholds, "list", source, "thresholds.")
    for list_name, value in list_table.items():
        key = f"thresholds.list.{list_name}"
        values.setdefault("list_thresholds", {})[list_name] = _threshold(value, source, key)
    weights = _table(data, "weights", source)
    _reject_unknown(weights, set(WEIGHT_FIELDS), source, "weights.")
    for name, value in weights.items():
        values[name] = _number(value, source, f"weights.{name}", low=0.0, high=1.0)
    return MatchSettings(**values)


def _reject_unknown(table: Mapping[str, Any], allowed: set[str], source: str, prefix: str) -> None:
    for key in table:
        if key not in allowed:
            raise ConfigError(
                f"{source}: unknown key {prefix}{key}; expected one of "
                + ", ".join(prefix + k for k in sorted(allowed))
            )


def _table(data: Mapping[str, Any], key: str, source: str, prefix: str = "") -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, Mapping):
        raise ConfigError(f"{source}: {prefix}{key} must be a table, got {value!r}")
    return value


def _number(value: object, source: str, key: str, *, low: float, high: float) -> float:
    # bool is an int subclass; "threshold = true" is a typo, not 1.0.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"{source}: {key} must be a number, got {value!r}")
    number = float(value)
    if math.isnan(number) or not low <= number <= high:
        raise ConfigError(f"{source}: {key} = {value!r} is outside {low:g}..{high:g}")
    return number


def _threshold(value: object, source: str, key: str) -> float:
    return _number(value, source, key, low=0.0, high=1.0)


# -- writing ---------------------------------------------------------------------------------


def _key(name: str) -> str:
    return name if _BARE_KEY.match(name) else json.dumps(name, ensure_ascii=False)


def _float(value: float) -> str:
    return repr(float(value))


def settings_to_toml(settings: MatchSettings, *, comment: str = "") -> str:
    """The TOML text of ``settings``; every weight is written so the file is complete."""
    lines = [f"# {line}".rstrip() for line in comment.splitlines()]
    if lines:
        lines.append("")
    lines += ["[thresholds]", f"default = {_float(settings.threshold)}", ""]
    if settings.schema_thresholds:
        lines.append("[thresholds.schema]")
        for schema, value in sorted(settings.schema_thresholds.items()):
            lines.append(f"{_key(schema)} = {_float(value)}")
        lines.append("")
    if settings.list_thresholds:
        lines.append("[thresholds.list]")
        for list_name, value in sorted(settings.list_thresholds.items()):
            lines.append(f"{_key(list_name)} = {_float(value)}")
        lines.append("")
    lines.append("[weights]")
    for name in WEIGHT_FIELDS:
        lines.append(f"{name} = {_float(getattr(settings, name))}")
    return "\n".join(lines) + "\n"


def write_settings(path: str | Path, settings: MatchSettings, *, comment: str = "") -> None:
    """Write ``settings`` to ``path`` (replaced atomically, so a reader never sees half a file)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(settings_to_toml(settings, comment=comment), encoding="utf-8")
    tmp.replace(path)


__all__ = [
    "DEFAULT_FILENAME",
    "WEIGHT_FIELDS",
    "find_settings_file",
    "load_settings",
    "resolve_settings",
    "settings_from_mapping",
    "settings_to_toml",
    "write_settings",
]
