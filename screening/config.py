"""Every threshold and weight of the matcher, declared once, typed and documented.

Thresholds are on the 0..1 score scale of :class:`~screening.model.Match`. The default
threshold was chosen on the project's labelled evaluation (``benchmarks/quality``): see
``docs/quality.md`` for the recall and false-alert figures behind it.
"""

from __future__ import annotations

import attrs

#: Default alert threshold: a match at or above it is an alert.
DEFAULT_THRESHOLD: float = 0.85

#: Score floor below which candidates are not even reported by ``screen(threshold=None)``.
REPORT_FLOOR: float = 0.50


@attrs.frozen(slots=True)
class MatchSettings:
    """Tunable knobs of scoring and alerting.

    ``threshold`` applies to every schema unless ``schema_thresholds`` names a schema
    (``{"Person": 0.82, "Company": 0.86}``); ``list_thresholds`` does the same per list name and
    wins over the schema setting.
    """

    threshold: float = DEFAULT_THRESHOLD
    schema_thresholds: dict[str, float] = attrs.field(factory=dict)
    list_thresholds: dict[str, float] = attrs.field(factory=dict)
    #: Multiplier for names the authority marks as weak aliases (OFAC "weak a.k.a.").
    weak_alias_factor: float = 0.9
    #: Score change when a birth date contradicts / agrees with the entity.
    birth_date_mismatch_penalty: float = 0.12
    birth_date_match_bonus: float = 0.02
    #: Score change when a country contradicts / agrees with the entity.
    country_mismatch_penalty: float = 0.04
    country_match_bonus: float = 0.01

    def lowest_threshold(self) -> float:
        """The lowest alert threshold any entity can have under these settings."""
        return min(
            (self.threshold, *self.schema_thresholds.values(), *self.list_thresholds.values())
        )

    def context_bonus(self, *, birth_date: bool, country: bool) -> float:
        """The most that agreeing birth date and country evidence can add to a name score."""
        return (self.birth_date_match_bonus if birth_date else 0.0) + (
            self.country_match_bonus if country else 0.0
        )

    def threshold_for(self, schema: str, list_names: tuple[str, ...] = ()) -> float:
        """The alert threshold that applies to an entity of ``schema`` on ``list_names``."""
        for name in list_names:
            if name in self.list_thresholds:
                return self.list_thresholds[name]
        return self.schema_thresholds.get(schema, self.threshold)
