"""The ``screening`` command line: a thin front over library functions.

Each command lives in its own module and only parses options, calls the library and prints.
"""

from __future__ import annotations

import click

from screening import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="screening")
def main() -> None:
    """Screen people and companies against sanctions and export-control lists."""


def _register() -> None:
    # Imported here so that each command module can import ``main`` without a cycle.
    import screening.cli.commands_lists_update  # noqa: F401 - registers lists fetch/diff
    from screening.cli import commands_bulk, commands_lists, commands_screen, commands_tune

    for module in (commands_screen, commands_lists, commands_bulk, commands_tune):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
