"""Keeping official lists current: fetch the published files, then see what changed.

Sanctions lists change every week, and screening against a stale copy is a compliance failure
nobody notices. This package does two jobs:

- :func:`fetch_sources` downloads each official source from its published address, verifies
  that the bytes parse as the list they claim to be, and only then moves them into place
  atomically, keeping the previous version and recording sha256, size and retrieval time in
  ``DIR/manifest.json``. A failed or garbled download never replaces a good file.
- :func:`diff_lists` compares two versions of a list entity by entity (added, removed, and
  which names, dates, countries, programmes or identifiers changed), so that a KYC system can
  re-screen only the customers affected by what changed instead of the whole book.

The addresses live in :data:`DEFAULT_SOURCES` and can be overridden with a TOML sources file
(:func:`load_sources_file`); see ``docs/lists.md``.
"""

from __future__ import annotations

from screening.update.diff import (
    EntityChange,
    FieldChange,
    ListDiff,
    diff_lists,
    load_version,
    render_table,
)
from screening.update.fetch import (
    DEFAULT_SOURCES,
    MANIFEST_NAME,
    PREVIOUS_DIR,
    FetchReport,
    FetchResult,
    OfficialSource,
    SourceFile,
    Verifier,
    fetch_source,
    fetch_sources,
    load_sources_file,
    read_manifest,
)

__all__ = [
    "DEFAULT_SOURCES",
    "MANIFEST_NAME",
    "PREVIOUS_DIR",
    "EntityChange",
    "FetchReport",
    "FetchResult",
    "FieldChange",
    "ListDiff",
    "OfficialSource",
    "SourceFile",
    "Verifier",
    "diff_lists",
    "fetch_source",
    "fetch_sources",
    "load_sources_file",
    "load_version",
    "read_manifest",
    "render_table",
]
