"""`govstat serve`: publish the statistics database read-only with Datasette.

The database is opened *immutable* (no locks, no writes, counts cached), with a
SQL time limit, our metadata (`db/metadata.yaml`), templates, static files and
the provenance/chart plugin from `db/plugins/`. Datasette 0.65 has no write
API, and canned queries here are all read-only, so nothing can change the file.
"""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path

import click
import yaml

from ..errors import GovstatError, InputError

HERE = Path(__file__).resolve().parent
METADATA_PATH = HERE / "metadata.yaml"
TEMPLATES_DIR = HERE / "templates"
PLUGINS_DIR = HERE / "plugins"
STATIC_DIR = HERE / "static"

# The metadata file names its database "govstat"; the served file may have any name.
METADATA_DB_KEY = "govstat"
# Placeholder in canned-query SQL replaced by one pivot column per report year.
YEAR_COLUMNS = "/*year_columns*/"

SETTINGS = {
    "sql_time_limit_ms": 1500,
    "facet_time_limit_ms": 500,
    "facet_suggest_time_limit_ms": 200,
    "default_page_size": 100,
    "max_returned_rows": 2000,
    "allow_facet": True,
    "suggest_facets": False,  # suggestions scan every column: slow on a large DB
    "default_cache_ttl": 3600,
}


def default_db_path() -> str:
    """The store's default database path, or govstat.db in the cwd."""
    try:
        from .schema import DEFAULT_DB  # the store owns the default (env GOVSTAT_DB)

        return str(DEFAULT_DB)
    except ImportError:
        return "govstat.db"


def check_database(path: str | Path) -> Path:
    """Refuse a missing or non-SQLite file with a one-line message."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such database (run `govstat ingest … --db {path}` first)")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a database")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        try:
            tables = {r[0] for r in conn.execute("select name from sqlite_master where type in ('table','view')")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        raise InputError(f"{path}: not a SQLite database ({err})") from None
    missing = {"documents", "mentions"} - tables
    if missing:
        raise InputError(f"{path}: not a govstat database (missing tables: {', '.join(sorted(missing))})")
    return path


def report_years(path: str | Path) -> list[int]:
    """Distinct report years in the database: the columns of the pivot query."""
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        rows = conn.execute("select distinct year from documents where year is not null order by year").fetchall()
    finally:
        conn.close()
    return [int(r[0]) for r in rows]


def year_columns_sql(years: list[int]) -> str:
    """One `max(CASE …)` column per year; a leading comma so it follows other columns."""
    return "".join(f',\n  max(CASE WHEN year = {y} THEN value END) AS "{y}"' for y in years)


def load_metadata(db_name: str, years: list[int]) -> dict:
    """Read db/metadata.yaml, key it to the served database, expand the pivot columns."""
    with open(METADATA_PATH, encoding="utf-8") as fh:
        metadata = yaml.safe_load(fh)
    metadata = copy.deepcopy(metadata)
    databases = metadata.get("databases", {})
    if METADATA_DB_KEY in databases and db_name != METADATA_DB_KEY:
        databases[db_name] = databases.pop(METADATA_DB_KEY)
    cols = year_columns_sql(years)
    for db in databases.values():
        for query in (db.get("queries") or {}).values():
            query["sql"] = query["sql"].replace(YEAR_COLUMNS, cols)
    return metadata


def make_datasette(db_path: str | Path, **extra_settings):
    """Build the Datasette app (used by `serve` and by the tests' in-process client)."""
    from datasette.app import Datasette

    path = check_database(db_path)
    metadata = load_metadata(path.stem, report_years(path))
    settings = dict(SETTINGS, **extra_settings)
    return Datasette(
        immutables=[str(path)],
        metadata=metadata,
        template_dir=str(TEMPLATES_DIR),
        plugins_dir=str(PLUGINS_DIR),
        static_mounts=[("govstat-static", str(STATIC_DIR))],
        settings=settings,
        cors=False,
    )


@click.command("serve")
@click.option("--db", "db_path", default=None, metavar="FILE", help="SQLite database built by `govstat ingest`.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (0.0.0.0 for all).")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free port).")
def serve_command(db_path, host, port):
    """Serve the database with Datasette, read-only (immutable, SQL time limit)."""
    import socket

    import uvicorn

    db_path = db_path or default_db_path()
    ds = make_datasette(db_path)
    try:
        sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as err:
        raise GovstatError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None
    port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"govstat: serving {db_path} read-only at http://{shown}:{port}/  (Ctrl+C to stop)")
    try:
        config = uvicorn.Config(ds.app(), log_level="warning", lifespan="on")
        uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:
        pass
