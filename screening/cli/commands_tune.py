"""``screening tune`` (choose a threshold from labelled data) and ``screening explain``.

Both are thin: :mod:`screening.tune` does the measuring and the report, the engine's own
explanations do the explaining. ``tune`` reads and writes the settings file through
:mod:`screening.cli.config_option`, so the threshold it recommends is the one screening uses.
"""

from __future__ import annotations

import datetime
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import attrs
import click

from screening.cli.common import list_option
from screening.cli.config_option import config_option, config_path
from screening.config import REPORT_FLOOR, MatchSettings
from screening.errors import ScreeningError
from screening.model import Entity, Match, Query
from screening.screen import Screener
from screening.settings import DEFAULT_FILENAME, write_settings
from screening.tune import (
    DEFAULT_TARGET_RECALL,
    LabelledFile,
    Recommendation,
    TableRow,
    TuningResult,
    evaluate,
    parse_mapping,
    read_labelled,
    write_report,
)

#: Problems printed on the terminal; the report lists all of them.
PROBLEMS_SHOWN = 20
#: Thresholds printed in the terminal summary, beside the recommended one.
SUMMARY_THRESHOLDS = frozenset(round(0.50 + i * 0.05, 2) for i in range(11))
#: Entity schemas that take the threshold recommended for each schema group.
SCHEMAS_OF_GROUP = {
    "person": ("Person",),
    "organization": ("Organization", "Company", "LegalEntity"),
}


def _build_screener(list_paths: tuple[str, ...], settings: MatchSettings) -> Screener:
    if list_paths:
        return Screener.from_files(*list_paths, settings=settings)
    return Screener.default(settings=settings)


def _default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _pct(value: float | None) -> str:
    return "   n/a" if value is None else f"{100 * value:5.1f}%"


def _per_1000(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def _summary(table: Sequence[TableRow], chosen: float) -> list[str]:
    lines = [
        "threshold  recall  precision  alerts/1000 rows  alerts/1000 negatives  "
        "missed (not retrieved)  false alerts"
    ]
    for row in table:
        if row.threshold in SUMMARY_THRESHOLDS or row.threshold == chosen:
            mark = " <" if row.threshold == chosen else ""
            missed = f"{row.missed} ({row.missed_not_retrieved})"
            lines.append(
                f"{row.threshold:9.2f}  {_pct(row.recall)}  {_pct(row.precision):>9}  "
                f"{row.alerts_per_1000:16.1f}  {_per_1000(row.negative_alerts_per_1000):>21}  "
                f"{missed:>22}  {row.false_alerts:12d}{mark}"
            )
    return lines


def _recommendations(result: TuningResult, target: float) -> list[Recommendation]:
    """Overall first, then every schema group that has true matches to protect."""
    recs = [result.recommend(target)]
    for dimension, group in result.groups():
        if dimension != "schema" or group not in SCHEMAS_OF_GROUP:
            continue
        if any(r.record.is_positive for r in result.select(dimension, group)):
            recs.append(result.recommend(target, dimension=dimension, group=group))
    return recs


def _tuned_settings(settings: MatchSettings, recs: Sequence[Recommendation]) -> MatchSettings:
    schema_thresholds = dict(settings.schema_thresholds)
    for rec in recs[1:]:
        for schema in SCHEMAS_OF_GROUP.get(rec.group, ()):
            schema_thresholds[schema] = rec.threshold
    return attrs.evolve(settings, threshold=recs[0].threshold, schema_thresholds=schema_thresholds)


def _echo_problems(labelled: LabelledFile | None, result: TuningResult) -> None:
    if not result.problems:
        return
    click.echo(f"{len(result.problems)} rows not tuned:", err=True)
    for problem in result.problems[:PROBLEMS_SHOWN]:
        click.echo(f"  {problem}", err=True)
    if len(result.problems) > PROBLEMS_SHOWN:
        more = len(result.problems) - PROBLEMS_SHOWN
        click.echo(f"  ... and {more} more (all of them in the report)", err=True)


@click.command("tune")
@click.argument("labelled", type=click.Path(exists=True, dir_okay=False))
@list_option
@click.option(
    "--map",
    "mappings",
    multiple=True,
    metavar="FIELD=COLUMN",
    help="Read FIELD (name, schema, birth_date, country, expected, class; or query, "
    "list_name, is_match) from COLUMN. Repeatable.",
)
@click.option(
    "--target-recall",
    type=click.FloatRange(0.0, 1.0, min_open=True),
    default=DEFAULT_TARGET_RECALL,
    show_default=True,
    help="Share of true matches the threshold must keep.",
)
@click.option(
    "--report",
    "report_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Write table.csv, table.json, PNG figures and report.md to this directory.",
)
@click.option(
    "--write-config",
    is_flag=True,
    help=f"Write the recommended thresholds to the --config file (default ./{DEFAULT_FILENAME}).",
)
@click.option("--encoding", default="utf-8", show_default=True, help="Labelled file encoding.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes screening in parallel. Default: every available core.",
)
@click.option("--no-plots", is_flag=True, help="Skip the PNG figures of the report.")
@config_option
def tune(
    labelled: str,
    list_paths: tuple[str, ...],
    mappings: tuple[str, ...],
    target_recall: float,
    report_dir: str | None,
    write_config: bool,
    encoding: str,
    workers: int | None,
    no_plots: bool,
    settings: MatchSettings,
) -> None:
    """Choose an alert threshold from LABELLED decisions (CSV) and report what it costs.

    LABELLED has a name column and an expected column (the entity id the name must match,
    empty for "must not alert"), optionally schema, birth_date, country and class; or the
    pairs shape query,list_name,is_match.
    """
    try:
        labelled_file = read_labelled(labelled, mapping=parse_mapping(mappings), encoding=encoding)
        screener = None
        if labelled_file.shape != "pairs":
            screener = _build_screener(list_paths, settings)
        stderr = sys.stderr
        with click.progressbar(
            length=len(labelled_file.records), label="screening", file=stderr
        ) as bar:

            def advance(rows: int) -> None:
                bar.update(rows)

            result = evaluate(
                screener,
                labelled_file,
                settings=settings,
                workers=workers or _default_workers(),
                progress=advance,
            )
    except ScreeningError as exc:
        raise click.ClickException(str(exc)) from exc
    _echo_problems(labelled_file, result)
    if not result.rows:
        raise click.ClickException("no row could be tuned")
    positives = sum(1 for r in result.rows if r.record.is_positive)
    if not positives:
        raise click.ClickException("no row expects a match: recall cannot be measured")
    lists = f"{len(screener)} listed entities" if screener is not None else "name pairs"
    click.echo(
        f"tuned {len(result.rows)} rows ({positives} expected matches, "
        f"{len(result.rows) - positives} expected non-alerts) against {lists}"
    )
    recs = _recommendations(result, target_recall)
    main_rec = recs[0]
    click.echo("")
    overall = [r for r in result.table() if r.dimension == "all"]
    click.echo("\n".join(_summary(overall, main_rec.threshold)))
    click.echo("")
    for rec in recs:
        row = rec.at_threshold
        note = "" if rec.reached else f" (target recall {target_recall:.2f} NOT reached)"
        click.echo(
            f"recommended threshold ({rec.dimension} {rec.group}): {rec.threshold:.2f}{note}: "
            f"recall {_pct(row.recall).strip()}, {row.alerts_per_1000:.1f} alerts per 1,000 rows "
            f"({_per_1000(row.negative_alerts_per_1000)} per 1,000 negatives), "
            f"{row.missed} missed ({row.missed_not_retrieved} not retrieved, "
            f"{row.missed_low_score} scored too low)"
        )
    if main_rec.weakest:
        click.echo(f"\nweakest true matches kept at {main_rec.threshold:.2f}:")
        for w in main_rec.weakest:
            click.echo(f"  line {w.line}: {w.name!r} -> {w.entity_id} ({w.score:.3f})")
            click.echo("    " + w.explanation.replace("\n", "\n    "))
    if report_dir is not None:
        sources = screener.sources if screener is not None else ()
        written = write_report(
            report_dir, result, recs, labelled=labelled_file, sources=sources, plots=not no_plots
        )
        click.echo(f"\nreport: {', '.join(str(p) for p in written)}")
        if not no_plots and not any(p.suffix == ".png" for p in written):
            click.echo("no figures: install the plots extra (matplotlib)", err=True)
    if write_config:
        target = config_path() or Path(DEFAULT_FILENAME)
        tuned = _tuned_settings(settings, recs)
        now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d")
        row = main_rec.at_threshold
        comment = (
            f"Written by screening tune on {now} from {labelled_file.path}\n"
            f"(sha256 {labelled_file.sha256}): target recall {target_recall}, recall "
            f"{_pct(row.recall).strip()} at {main_rec.threshold:.2f}, "
            f"{row.alerts_per_1000:.1f} alerts per 1,000 rows."
        )
        write_settings(target, tuned, comment=comment)
        click.echo(f"settings written to {target}")
        if tuned.list_thresholds:
            click.echo(
                "note: per-list thresholds in the file were kept and win over these", err=True
            )


# -- explain ---------------------------------------------------------------------------------


def _direct_matches(screener: Screener, query: Query, entity: Entity) -> list[Match]:
    """Each name of ``entity`` compared with the query as screening would, minus retrieval."""
    from screening.score.context import context_adjustment
    from screening.score.name import analyze_name, compare_forms, expand_list_name

    form = screener.analyze(query.name, query.schema)
    out: list[Match] = []
    for name in entity.all_names:
        name_score = max(
            compare_forms(form, analyze_name(spelling, entity.schema))
            for spelling in expand_list_name(name)
        )
        if name in entity.weak_names and name not in entity.names:
            name_score *= screener.settings.weak_alias_factor
        score = context_adjustment(name_score, query, entity, screener.settings)
        out.append(Match(entity, score, name, query, name_score=name_score))
    return out


def _explain_text(match: Match, settings: MatchSettings) -> str:
    from screening.score.explain import explain_match

    return explain_match(match, settings).render()


@click.command("explain")
@click.argument("name")
@click.option("--entity", "entity_id", default=None, help="Explain the score against this entity.")
@click.option("--schema", default=None, help="Person, Company, Organization, ...")
@click.option("--birth-date", default=None, help="ISO date, partial allowed (1958, 1958-01).")
@click.option("--country", default=None, help="ISO 3166 alpha-2 code.")
@click.option("--limit", type=int, default=3, show_default=True, help="Best matches explained.")
@list_option
@config_option
def explain(
    name: str,
    entity_id: str | None,
    schema: str | None,
    birth_date: str | None,
    country: str | None,
    limit: int,
    list_paths: tuple[str, ...],
    settings: MatchSettings,
) -> None:
    """Explain how NAME scores against an entity (--entity) or against its best matches."""
    try:
        screener = _build_screener(list_paths, settings)
        query = Query(name=name, schema=schema, birth_date=birth_date, country=country)
        if entity_id is None:
            matches = screener.screen_query(query, limit=limit, threshold=REPORT_FLOOR)
            if not matches:
                click.echo(f"no candidate scores {REPORT_FLOOR:.2f} or more")
            for m in matches:
                _echo_match(m, settings)
            return
        try:
            entity = screener.get(entity_id)
        except KeyError:
            raise click.ClickException(f"no entity {entity_id!r} on the lists") from None
        matches = screener.screen_query(query, limit=max(len(screener), 1), threshold=0.0)
        found = next((m for m in matches if m.entity.id == entity_id), None)
        if found is not None:
            rank = matches.index(found) + 1
            click.echo(f"rank {rank} of {len(matches)} candidates")
            _echo_match(found, settings)
            return
        form = screener.analyze(query.name, query.schema)
        retrieved = any(ref.entity_id == entity_id for ref in screener.index.candidates(form))
        if retrieved:
            click.echo(
                f"{entity_id} was retrieved but not scored: a {query.schema} query is never "
                f"compared with a {entity.schema} entity"
            )
        else:
            click.echo(
                f"{entity_id} was not retrieved: the candidate index did not propose it for "
                "this name, so screening never scores it. Direct comparison with each name:"
            )
        for m in _direct_matches(screener, query, entity):
            _echo_match(m, settings)
    except ScreeningError as exc:
        raise click.ClickException(str(exc)) from exc


def _echo_match(match: Match, settings: MatchSettings) -> None:
    threshold = settings.threshold_for(match.entity.schema, match.entity.list_names)
    verdict = "alert" if match.score >= threshold else "no alert"
    lists = ", ".join(match.entity.list_names) or "no list"
    click.echo(
        f"{match.score:.3f}  {match.entity.id}  {match.entity.caption}  [{lists}]  "
        f"({verdict} at threshold {threshold:g})"
    )
    click.echo("    " + _explain_text(match, settings).replace("\n", "\n    "))


COMMANDS = [tune, explain]
