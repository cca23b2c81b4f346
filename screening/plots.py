"""Figures for tuning reports: precision/recall against the threshold, and score distributions.

matplotlib is an optional extra (``pip install 'screening[plots]'``): screening itself never
needs it, so it is imported only when a figure is drawn. Figures are drawn on an Agg canvas
through the object API (no ``pyplot``), which leaves the caller's global matplotlib state,
backend included, untouched.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from screening.errors import ScreeningError
from screening.tune import THRESHOLDS, TableRow, TuningResult

#: Pixel density of the PNGs: sharp on paper, small enough for a Markdown report.
DPI = 120
_TRUE_COLOUR = "#1b7837"
_FALSE_COLOUR = "#c51b7d"
_ALERT_COLOUR = "#4d4d4d"


class PlotsUnavailableError(ScreeningError, ImportError):
    """matplotlib is not installed; figures need the ``plots`` extra."""


def _figure(width: float, height: float) -> Any:
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise PlotsUnavailableError(
            "plots need matplotlib: pip install 'screening[plots]'"
        ) from exc
    figure = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def plots_available() -> bool:
    """Whether :mod:`matplotlib` can be imported (for reports that degrade without it)."""
    try:
        _figure(1, 1)
    except PlotsUnavailableError:
        return False
    return True


def _group_rows(table: Sequence[TableRow], dimension: str, group: str) -> list[TableRow]:
    rows = [r for r in table if r.dimension == dimension and r.group == group]
    if not rows:
        raise ValueError(f"no table rows for {dimension}={group}")
    return rows


def plot_precision_recall(
    result: TuningResult,
    path: str | Path,
    *,
    threshold: float | None = None,
    dimension: str = "all",
    group: str = "all",
) -> Path:
    """Recall, precision and alerts per 1,000 against the threshold, and precision vs recall.

    A vertical line marks ``threshold`` (the recommendation) when given.
    """
    rows = _group_rows(result.table(), dimension, group)
    figure = _figure(10, 4)
    left, right = figure.subplots(1, 2)
    xs = [r.threshold for r in rows]
    recall = [r.recall for r in rows]
    precision = [r.precision for r in rows]
    left.plot(xs, recall, color=_TRUE_COLOUR, label="recall")
    left.plot(xs, precision, color=_FALSE_COLOUR, label="precision")
    left.set_xlabel("threshold")
    left.set_ylabel("recall / precision")
    left.set_ylim(-0.02, 1.02)
    left.set_xlim(THRESHOLDS[0], THRESHOLDS[-1])
    alerts = left.twinx()
    alerts.plot(
        xs, [r.alerts_per_1000 for r in rows], color=_ALERT_COLOUR, linestyle=":", label="alerts"
    )
    alerts.set_ylabel("alerts per 1,000 rows")
    alerts.set_ylim(bottom=0)
    if threshold is not None:
        left.axvline(threshold, color="black", linewidth=0.8, linestyle="--")
        _mark(left, threshold, f"{threshold:.2f}", 0.02)
    handles = left.get_legend_handles_labels()
    extra = alerts.get_legend_handles_labels()
    left.legend(handles[0] + extra[0], handles[1] + extra[1], loc="center left")
    left.set_title(f"by threshold ({_label(dimension, group)}, {rows[0].rows} rows)")

    points = [(r.recall, r.precision, r.threshold) for r in rows]
    defined = [(x, y, t) for x, y, t in points if x is not None and y is not None]
    right.plot([p[0] for p in defined], [p[1] for p in defined], color=_FALSE_COLOUR, marker=".")
    for x, y, t in defined:
        if threshold is not None and abs(t - threshold) < 1e-9:
            right.plot([x], [y], marker="o", color="black")
            right.annotate(f"{t:.2f}", (x, y), xytext=(5, -10), textcoords="offset points")
    right.set_xlabel("recall")
    right.set_ylabel("precision")
    right.set_xlim(-0.02, 1.02)
    right.set_ylim(-0.02, 1.02)
    right.set_title("precision / recall")
    return _save(figure, path)


def plot_score_distributions(
    result: TuningResult,
    path: str | Path,
    *,
    threshold: float | None = None,
    dimension: str = "all",
    group: str = "all",
) -> Path:
    """Histograms of the scores of true candidates (the expected entity) and false ones.

    The counts axis is logarithmic: false candidates usually outnumber true ones by far, and
    the few that reach the threshold are what matters.
    """
    rows = result.select(dimension, group)
    true_scores = [r.expected_score for r in rows if r.expected_score is not None]
    false_scores = [s for r in rows for s in r.other_scores]
    figure = _figure(8, 4)
    axes = figure.subplots()
    bins = [THRESHOLDS[0] + i * 0.01 for i in range(len(THRESHOLDS) + 1)]
    axes.hist(
        [false_scores, true_scores],
        bins=bins,
        color=[_FALSE_COLOUR, _TRUE_COLOUR],
        label=[f"false candidates ({len(false_scores)})", f"true matches ({len(true_scores)})"],
        histtype="stepfilled",
        alpha=0.55,
    )
    if true_scores or false_scores:
        axes.set_yscale("log")
    if threshold is not None:
        axes.axvline(threshold, color="black", linewidth=0.8, linestyle="--")
        _mark(axes, threshold, f"threshold {threshold:.2f}", 0.95)
    axes.set_xlim(THRESHOLDS[0], THRESHOLDS[-1] + 0.01)
    axes.set_xlabel("score")
    axes.set_ylabel("candidates (log scale)")
    axes.set_title(f"score distributions ({_label(dimension, group)}, {len(rows)} rows)")
    # Below the axes: inside, it would hide the tallest bars or the threshold label.
    figure.legend(loc="outside lower center", ncols=2)
    return _save(figure, path)


def _mark(axes: Any, threshold: float, text: str, height: float) -> None:
    """Label the threshold line on the side with more room, so it never leaves the axes."""
    right = threshold < (THRESHOLDS[0] + THRESHOLDS[-1]) / 2
    axes.annotate(
        text,
        (threshold, height),
        xycoords=("data", "axes fraction"),
        xytext=(4 if right else -4, 0),
        textcoords="offset points",
        horizontalalignment="left" if right else "right",
    )


def _label(dimension: str, group: str) -> str:
    return "all rows" if dimension == "all" else f"{dimension} {group}"


def _save(figure: Any, path: str | Path) -> Path:
    path = Path(path)
    figure.savefig(path, format="png")
    return path


__all__ = [
    "PlotsUnavailableError",
    "plot_precision_recall",
    "plot_score_distributions",
    "plots_available",
]
