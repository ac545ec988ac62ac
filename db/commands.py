"""`govstat ingest` and `govstat export`: thin click layers over db.ingest and db.api."""

from __future__ import annotations

import sys

import click

from ..errors import InputError
from .schema import DEFAULT_DB


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite file (env GOVSTAT_DB).")
@click.option("--workers", "-j", type=click.IntRange(min=1), default=None, help="Extraction processes [all cores].")
@click.option("--force", is_flag=True, help="Re-extract files whose bytes are already stored.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
def ingest_command(paths, db_path, workers, force, no_progress):
    """Load reports (files, or folders walked for .txt .html .htm .docx .pdf) into the database.

    Exit status 1 when any file failed (see the ingest_errors table), else 0.
    """
    from .ingest import ingest

    summary = ingest(paths, db_path, workers=workers, force=force, progress=not no_progress)
    click.echo(f"{summary.line()} -> {db_path}")
    if summary.failed:
        sys.exit(1)


@click.command("export")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite file (env GOVSTAT_DB).")
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet"]), default="csv", show_default=True)
@click.option("--indicator", default=None, help="Only this indicator code (e.g. vehicles.fleet).")
@click.option("-o", "--output", default=None, help="Output file [stdout for csv].")
def export_command(db_path, fmt, indicator, output):
    """Write the `statistics` view (one row per statistic) as CSV or Parquet."""
    from .api import open as open_db

    if fmt == "parquet" and not output:
        raise InputError("--format parquet needs -o FILE (Parquet is binary)")
    store = open_db(db_path)
    try:
        frame = store.statistics(indicator=indicator)
    finally:
        store.close()
    if fmt == "csv":
        if output:
            frame.to_csv(output, index=False)
        else:
            frame.to_csv(sys.stdout, index=False)
    else:
        frame.to_parquet(output, index=False)
    if output:
        click.echo(f"{len(frame)} rows -> {output}", err=True)
