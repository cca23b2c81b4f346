"""``screening check``: screen one name from the command line."""

from __future__ import annotations

import click

from screening.cli.common import build_screener, list_option, map_alias_option
from screening.cli.config_option import config_option
from screening.config import MatchSettings
from screening.errors import ScreeningError


@click.command("check")
@click.argument("name")
@click.option("--schema", default=None, help="Person, Company, Organization, ...")
@click.option("--birth-date", default=None, help="ISO date, partial allowed (1958, 1958-01).")
@click.option("--country", default=None, help="ISO 3166 alpha-2 code.")
@click.option("--threshold", type=float, default=None, help="Alert threshold (0..1).")
@click.option("--limit", type=int, default=10, show_default=True)
@list_option
@map_alias_option
@config_option
def check(
    name: str,
    schema: str | None,
    birth_date: str | None,
    country: str | None,
    threshold: float | None,
    limit: int,
    list_paths: tuple[str, ...],
    settings: MatchSettings,
) -> None:
    """Screen one NAME and print its matches with their explanations."""
    try:
        screener = build_screener(list_paths, settings)
        matches = screener.screen(
            name,
            schema=schema,
            birth_date=birth_date,
            country=country,
            limit=limit,
            threshold=threshold,
        )
    except ScreeningError as exc:
        raise click.ClickException(str(exc)) from None
    if not matches:
        click.echo("no match")
        return
    for m in matches:
        lists = ", ".join(m.entity.list_names)
        click.echo(f"{m.score:.3f}  {m.entity.id}  {m.matched_name}  [{lists}]")
        click.echo("    " + m.explain().replace("\n", "\n    "))


COMMANDS = [check]
