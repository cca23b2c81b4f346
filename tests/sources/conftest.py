"""Paths to the shared official samples (skipped when absent) and to this package's fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

#: Real published list excerpts, kept outside the repository (see their README/PROVENANCE).
OFFICIAL = Path(__file__).parents[2].parent / "shared" / "fixtures" / "official"
#: Small hand-written fixtures for error cases and formats without a real sample.
OWN = Path(__file__).parents[1] / "fixtures" / "sources"


@pytest.fixture
def official() -> Path:
    if not OFFICIAL.is_dir():
        pytest.skip(f"shared official fixtures are missing: {OFFICIAL} does not exist")
    return OFFICIAL


@pytest.fixture
def own() -> Path:
    return OWN
