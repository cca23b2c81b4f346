"""Screen people and companies against sanctions and export-control lists.

The engine is built for Chinese names: Han script in simplified and traditional form, Hanyu
Pinyin spelled any way, Wade-Giles and Taiwanese spellings, Hong Kong Cantonese
romanization, and company names with Chinese and English legal forms.

Typical use::

    from screening import Screener
    screener = Screener.default()           # the bundled lists
    for match in screener.screen("Chu Hai-lun", schema="Person"):
        print(match.score, match.entity.caption, match.explain())
"""

from __future__ import annotations

__version__ = "0.1.0"

import os
from typing import Any

from screening.config import DEFAULT_THRESHOLD, MatchSettings
from screening.errors import (
    ConfigError,
    FetchError,
    InputFileError,
    InvalidEntityError,
    InvalidQueryError,
    ListFormatError,
    ScreeningError,
)
from screening.model import Designation, Entity, Identifier, ListSource, Match, Query
from screening.screen import Screener


def load_list(
    path: str | os.PathLike[str], format: str | None = None, **options: Any
) -> tuple[list[Entity], ListSource]:
    """Load one official list file; ``format=None`` detects the format from content.

    ``options`` go to :func:`screening.sources.load_list` (``problems``, ``mapping``, ...).
    """
    from screening.sources import load_list as _load_list

    return _load_list(os.fspath(path), format=format, **options)


__all__ = [
    "DEFAULT_THRESHOLD",
    "ConfigError",
    "Designation",
    "Entity",
    "FetchError",
    "Identifier",
    "InputFileError",
    "InvalidEntityError",
    "InvalidQueryError",
    "ListFormatError",
    "ListSource",
    "Match",
    "MatchSettings",
    "Query",
    "Screener",
    "ScreeningError",
    "__version__",
    "load_list",
]
