"""``screening lists``: show, fetch and compare sanctions lists.

With no subcommand it prints what a screening would run against: every bundled list and every
``--list`` file, with its authority, as-of date, record count and checksum, so an operator can
record exactly which data a result came from. ``fetch`` and ``diff`` are added to this group
by :mod:`screening.cli.commands_lists_update`.
"""

from __future__ import annotations

import json

import attrs
import click

from screening.errors import ScreeningError
from screening.model import ListSource

#: Characters of the sha256 shown in the table; ``--json`` gives the full digest.
SHORT_SHA = 12

_COLUMNS = ("origin", "name", "authority", "as of", "records", "sha256")


def _row(origin: str, source: ListSource) -> tuple[str, ...]:
    return (
        origin,
        source.name,
        source.authority,
        source.published or "-",
        str(source.record_count),
        source.sha256[:SHORT_SHA],
    )


def _table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in (_COLUMNS, *rows)) for i in range(len(_COLUMNS))]
    numeric = _COLUMNS.index("records")

    def line(cells: tuple[str, ...]) -> str:
        parts = [
            c.rjust(w) if i == numeric else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    return "\n".join([line(_COLUMNS), *(line(r) for r in rows)])


def collect(list_paths: tuple[str, ...]) -> list[tuple[str, ListSource]]:
    """``(origin, source)`` for the bundled lists, then for each ``--list`` file."""
    from screening.sources.bundled import bundled_lists

    found: list[tuple[str, ListSource]] = [("bundled", s) for s in bundled_lists()]
    if list_paths:
        from screening.sources import load_list

        for path in list_paths:
            _entities, source = load_list(path)
            found.append(("loaded", source))
    return found


@click.group("lists", invoke_without_command=True)
@click.option(
    "--list",
    "list_paths",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Also load and show this official list file (any supported format); repeatable.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def lists_group(ctx: click.Context, list_paths: tuple[str, ...], as_json: bool) -> None:
    """Show the bundled and loaded lists (name, authority, as-of date, records, checksum)."""
    if ctx.invoked_subcommand is not None:
        return
    try:
        found = collect(list_paths)
    except ScreeningError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        payload = [{"origin": origin, **attrs.asdict(source)} for origin, source in found]
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    click.echo(_table([_row(origin, source) for origin, source in found]))
    total = sum(source.record_count for _, source in found)
    click.echo(f"{len(found)} lists, {total} records")


COMMANDS = [lists_group]
