"""The `govstat` command line: a thin click layer over the Python API.

Subcommands are imported lazily so that `govstat --help` and `govstat extract`
do not pay for importing Datasette, pandas or sqlite-utils.
"""

from __future__ import annotations

import importlib
import sys

import click

from .errors import GovstatError

# command name -> "module:attribute" of a click.Command
COMMANDS = {
    "extract": ("govstat.extract.command:extract_command", "Extract statistics and dates from one report."),
    "eval": ("govstat.evaluate.command:eval_command", "Score the extractor against gold annotations (SPEC §8) or a probe file."),
    "ingest": ("govstat.db.commands:ingest_command", "Load reports into the SQLite database."),
    "export": ("govstat.db.commands:export_command", "Export the statistics view as CSV or Parquet."),
    "serve": ("govstat.db.serve:serve_command", "Serve the database with Datasette (read-only)."),
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported only when invoked."""

    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        target, _help = COMMANDS[name]
        module_name, attr = target.split(":")
        return getattr(importlib.import_module(module_name), attr)

    def format_commands(self, ctx, formatter):
        # Short help without importing every subcommand.
        rows = [(name, help_) for name, (_t, help_) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup)
@click.version_option(package_name="govstat")
def cli():
    """govstat: statistics from Chinese government back-office work reports."""


def main(argv=None):
    """Console entry point: user errors become one line on stderr and exit 2."""
    try:
        cli.main(args=argv, prog_name="govstat", standalone_mode=False)
    except GovstatError as err:
        click.echo(f"govstat: error: {err}", err=True)
        sys.exit(err.exit_code)
    except click.exceptions.Abort:
        click.echo("govstat: aborted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    return 0


if __name__ == "__main__":
    main()
