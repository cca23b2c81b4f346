"""``screening screen``: screen a whole counterparty CSV file."""

from __future__ import annotations

import sys
import time

import click

from screening.bulk import screen_csv
from screening.cli.common import build_screener, list_option, map_alias_option
from screening.cli.config_option import config_option
from screening.config import MatchSettings
from screening.errors import ScreeningError


@click.command("screen")
@click.argument("input_path", metavar="INPUT.csv", type=click.Path(dir_okay=False))
@click.option(
    "--output", "-o", required=True, type=click.Path(dir_okay=False),
    help="Every input row, in order, with match columns appended (written atomically).",
)
@click.option(
    "--alerts", type=click.Path(dir_okay=False), default=None,
    help="One row per match at or above the threshold, with a short explanation.",
)
@list_option
@map_alias_option
@click.option("--name-column", default=None, help="Default: name, full_name, ...")
@click.option("--schema-column", default=None, help="Person/Company/... per row. Default: type.")
@click.option("--birth-date-column", default=None, help="ISO dates. Default: birth_date, dob.")
@click.option("--country-column", default=None, help="Country code or name. Default: country.")
@click.option("--id-column", default=None, help="Copied into the alerts file. Default: id.")
@click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=None,
              help="Alert threshold (0..1). Default: the configured per-schema thresholds.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes. Default: all cores. Results do not depend on it.")
@click.option("--encoding", default="utf-8", show_default=True,
              help="Encoding of INPUT.csv (a UTF-8 byte-order mark is handled).")
@click.option("--delimiter", default=None, help="Field delimiter. Default: sniffed.")
@click.option("--quiet", "-q", is_flag=True, help="No progress line (the summary is printed).")
@config_option
def screen(
    input_path: str,
    output: str,
    alerts: str | None,
    list_paths: tuple[str, ...],
    name_column: str | None,
    schema_column: str | None,
    birth_date_column: str | None,
    country_column: str | None,
    id_column: str | None,
    threshold: float | None,
    workers: int | None,
    encoding: str,
    delimiter: str | None,
    quiet: bool,
    settings: MatchSettings,
) -> None:
    """Screen every row of INPUT.csv against the lists.

    Rows that cannot be screened are kept in the output with an ``error`` cell and counted;
    they do not stop the run. On Ctrl-C or a failure no output file is created or changed.
    """
    started = time.perf_counter()
    try:
        screener = build_screener(list_paths, settings)
    except ScreeningError as exc:
        raise click.ClickException(str(exc)) from None
    build_seconds = time.perf_counter() - started
    progress = sys.stderr if not quiet and sys.stderr.isatty() else None
    try:
        summary = screen_csv(
            input_path,
            output,
            screener=screener,
            alerts=alerts,
            name_column=name_column,
            id_column=id_column,
            schema_column=schema_column,
            birth_date_column=birth_date_column,
            country_column=country_column,
            threshold=threshold,
            workers=workers,
            encoding=encoding,
            delimiter=delimiter,
            progress=progress,
        )
    except ScreeningError as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt:
        click.echo(
            f"\ninterrupted: {output} was not written (an existing file is left unchanged)",
            err=True,
        )
        sys.exit(130)
    except BaseException as exc:
        click.echo(
            f"failed ({type(exc).__name__}): {output} was not written "
            "(an existing file is left unchanged)",
            err=True,
        )
        raise
    click.echo(f"lists loaded and indexed in {build_seconds:.1f} s")
    click.echo(summary.render())
    click.echo(f"output: {output}" + (f"\nalerts: {alerts}" if alerts else ""))


COMMANDS = [screen]
