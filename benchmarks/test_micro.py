"""Micro-benchmarks of the matching engine (pytest-benchmark; not part of the test suite).

    pytest benchmarks/test_micro.py --benchmark-only --benchmark-columns=min,median,mean,ops

Caches are cleared before each round of the "cold" benchmarks, so they measure real work;
the "warm" ones show what repeated names cost in bulk files.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "quality"))

import generate

from screening import Screener
from screening.normalize.text import clean
from screening.score.name import _SLOT_ROWS, analyze_name, compare_forms
from screening.transliterate.chinese import mandarin_readings


@pytest.fixture(scope="module")
def big_screener() -> Screener:
    world = generate.build_world(n_persons=22_000, n_hk=1_000, n_orgs=7_000, n_western=4_000)
    return Screener(world.entities)


def _cold(func: Any) -> None:
    analyze_name.cache_clear()
    mandarin_readings.cache_clear()
    _SLOT_ROWS.clear()


def test_normalize_one_name(benchmark: Any) -> None:
    benchmark(clean, "Ｍｒ. ZHU\u200b Hailun, Сhen")


def test_transliterate_one_han_name_cold(benchmark: Any) -> None:
    benchmark.pedantic(
        lambda: mandarin_readings("杭州海康威视数字技术股份有限公司", False),
        setup=lambda: mandarin_readings.cache_clear(),
        rounds=200,
    )


def test_analyze_person_name_cold(benchmark: Any) -> None:
    benchmark.pedantic(
        lambda: analyze_name("Ch'en Ch'üan-kuo", "Person"),
        setup=lambda: _cold(None),
        rounds=200,
    )


def test_score_one_pair(benchmark: Any) -> None:
    q = analyze_name("Chu Hai-lun", "Person")
    c = analyze_name("ZHU, Hailun", "Person")
    benchmark(compare_forms, q, c)


def test_screen_one_query_50k_names(benchmark: Any, big_screener: Screener) -> None:
    assert len(big_screener.index) >= 50_000
    benchmark(big_screener.screen, "Chu Hai-lun", schema="Person")
