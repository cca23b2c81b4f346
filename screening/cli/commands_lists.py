"""``screening lists``: show, fetch and compare sanctions lists."""

from __future__ import annotations

import click


@click.group("lists", invoke_without_command=True)
@click.pass_context
def lists_group(ctx: click.Context) -> None:
    """Show the bundled and loaded lists (name, authority, as-of date, records, checksum)."""
    if ctx.invoked_subcommand is None:
        raise click.UsageError("not implemented yet")


COMMANDS = [lists_group]
