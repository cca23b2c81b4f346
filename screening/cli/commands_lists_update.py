"""``screening lists fetch`` and ``screening lists diff``: keep lists current, see what changed.

Exit codes: ``fetch`` exits 1 when any source failed (the others are still fetched) and 2 on a
usage or configuration error; ``diff`` exits 0 whether or not there are changes and 2 when a
version cannot be read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, NoReturn

import attrs
import click

from screening.cli.commands_lists import lists_group
from screening.errors import ConfigError, ScreeningError
from screening.model import ListSource
from screening.update.diff import diff_lists, load_version, render_table
from screening.update.fetch import (
    DEFAULT_SOURCES,
    DEFAULT_TIMEOUT,
    OfficialSource,
    fetch_sources,
    load_sources_file,
)


def _fail(message: str) -> NoReturn:
    """Report an error the user must fix and exit 2, like click's own usage errors."""
    click.echo(f"Error: {message}", err=True)
    raise click.exceptions.Exit(2)


def _print_sources(sources: Mapping[str, OfficialSource]) -> None:
    for source in sources.values():
        click.echo(f"{source.name}  [{source.format or 'auto'}]  {source.authority}")
        for item in source.files:
            click.echo(f"    {item.filename}  {item.url}")


@click.command("fetch")
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False),
    help="Folder to keep the lists in; manifest.json is written at its top.",
)
@click.option("--only", multiple=True, metavar="NAME", help="Fetch only this source; repeatable.")
@click.option(
    "--sources",
    "sources_file",
    type=click.Path(exists=True, dir_okay=False),
    help="TOML file overriding or adding source addresses (see docs/lists.md).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds a connect or read may block.",
)
@click.option("--list-sources", is_flag=True, help="Print the sources and addresses, then exit.")
def fetch_command(
    directory: str | None,
    only: tuple[str, ...],
    sources_file: str | None,
    timeout: float,
    list_sources: bool,
) -> None:
    """Download the official list files, verify they parse, and replace the old ones atomically.

    A source that fails (connection lost, HTTP error, timeout, a file that does not parse)
    keeps its previous good file; the other sources are still fetched, and the command exits 1
    naming the failures.
    """
    try:
        sources = load_sources_file(sources_file) if sources_file else dict(DEFAULT_SOURCES)
    except ConfigError as exc:
        _fail(str(exc))
    if list_sources:
        _print_sources(sources)
        return
    if directory is None:
        _fail("--dir is required")
    try:
        report = fetch_sources(directory, sources, only=only, timeout=timeout)
    except ScreeningError as exc:
        _fail(str(exc))
    for result in report.results:
        if result.error is not None:
            click.echo(f"FAILED     {result.source}: {result.error}")
            continue
        state = "updated" if result.changed else "unchanged"
        click.echo(f"{state:<10} {result.source}  ({result.format}, {result.record_count} records)")
    if not report.ok:
        names = ", ".join(r.source for r in report.failed)
        click.echo(
            f"{len(report.failed)} of {len(report.results)} source(s) failed: {names}; "
            "their previous files were kept",
            err=True,
        )
        raise click.exceptions.Exit(1)


def _describe(sources: list[ListSource]) -> list[dict[str, Any]]:
    return [attrs.asdict(s) for s in sources]


@click.command("diff")
@click.argument("old", type=click.Path(exists=True))
@click.argument("new", type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def diff_command(old: str, new: str, as_json: bool) -> None:
    """Entities added, removed and changed from list version OLD to NEW.

    OLD and NEW are list files in any supported format, or folders written by ``lists fetch``
    (a source folder, its ``previous`` folder, or the whole fetch directory).
    """
    try:
        old_entities, old_sources = load_version(old)
        new_entities, new_sources = load_version(new)
    except (ScreeningError, OSError, ValueError) as exc:
        _fail(str(exc))
    diff = diff_lists(old_entities, new_entities)
    if as_json:
        payload = {"old": _describe(old_sources), "new": _describe(new_sources), **diff.to_dict()}
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    for label, path, sources in (("old", old, old_sources), ("new", new, new_sources)):
        counts = ", ".join(f"{s.name or s.format}: {s.record_count} records" for s in sources)
        click.echo(f"{label}: {path} ({counts})")
    click.echo()
    click.echo(render_table(diff))


lists_group.add_command(fetch_command)
lists_group.add_command(diff_command)
