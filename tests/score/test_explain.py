"""Tests for screening.score.explain: readable accounts of a match."""

from __future__ import annotations

from screening.model import Entity, Match, Query


def _match(query: str, matched_name: str, *, birth_date: str | None = None) -> Match:
    entity = Entity(
        id="eu-6251",
        schema="Person",
        names=("ZHU Hailun", "朱海仑"),
        birth_dates=("1958-01",),
        countries=("cn",),
    )
    return Match(
        entity=entity,
        score=0.99,
        matched_name=matched_name,
        query=Query(name=query, schema="Person", birth_date=birth_date),
        name_score=0.99,
    )


def test_explain_names_the_romanization_systems() -> None:
    text = _match("Chu Hai-lun", "ZHU Hailun").explain()
    assert "Wade-Giles" in text
    assert "pinyin zhu" in text
    assert "'Chu Hai-lun'" in text
    assert "'ZHU Hailun'" in text
    assert "final score 0.990" in text


def test_explain_notes_traditional_han() -> None:
    text = _match("朱海侖", "朱海仑").explain()
    assert "traditional 朱海侖 = simplified 朱海仑" in text


def test_explain_reports_context_effects() -> None:
    text = _match("Chu Hai-lun", "ZHU Hailun", birth_date="1958").explain()
    assert "birth date: 1958 agrees (+0.02)" in text
    assert "country: not compared" in text


def test_explanation_steps_align_the_syllables() -> None:
    explanation = _match("Chu Hai-lun", "ZHU Hailun").explanation()
    assert explanation.method == "person"
    assert [(s.query, s.candidate) for s in explanation.steps] == [
        ("chu", "zhu"),
        ("hai", "hai"),
        ("lun", "lun"),
    ]
    assert explanation.short().startswith("person; chu~zhu:")


def test_explain_says_what_a_left_out_word_cost() -> None:
    entity = Entity(id="ru-1", schema="Person", names=("PUTIN, Vladimir Vladimirovich",))
    match = Match(
        entity=entity,
        score=0.95,
        matched_name="PUTIN, Vladimir Vladimirovich",
        query=Query(name="Vladimir Putin", schema="Person"),
        name_score=0.95,
    )
    text = match.explain()
    assert "vladimirovich: missing from the query (left out (0.95)" in text
    # An unmatched word is only named.
    assert "(unmatched)" not in _match("Zhu", "ZHU Hailun").explain()
