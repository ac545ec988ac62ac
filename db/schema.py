"""The SQLite schema: tables, foreign keys, indexes, full-text search and the
`statistics` view, created and migrated idempotently.

Every writer and reader goes through `connect()` so that WAL mode, foreign keys
and the busy timeout are always on. `ensure_schema()` is safe to call on every
run and from two processes at once: it runs inside one IMMEDIATE transaction,
creates what is missing, adds columns that an older database lacks and never
drops data. Table and column names are a contract with `db/serve.py` and the
Datasette metadata: add, never rename.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

import sqlite_utils

from ..extract import rulebook

# Default database file; `serve` and `export` use the same constant.
DEFAULT_DB = os.environ.get("GOVSTAT_DB", "govstat.db")

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 60_000

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"

# table -> (columns in order, primary key, foreign keys [(column, table, column)])
TABLES: dict[str, tuple[dict[str, type], str, list[tuple[str, str, str]]]] = {
    "regions": (
        {"admin_code": str, "name": str, "level": str, "parent": str},
        "admin_code",
        [("parent", "regions", "admin_code")],
    ),
    "indicators": (
        {"code": str, "label_zh": str, "label_en": str, "group": str, "description": str, "units": str},
        "code",
        [],
    ),
    "units": ({"unit": str, "kind": str}, "unit", []),
    "documents": (
        {
            "id": int,
            "sha256": str,
            "source": str,
            "title": str,
            "organization": str,
            "province": str,
            "city": str,
            "county": str,
            "admin_code": str,
            "level": str,
            "year": int,
            "period": str,
            "published": str,
            "doc_type": str,
            "format": str,
            "encoding": str,
            "chars": int,
            "text": str,
            "ingested_at": str,
            "extractor_version": str,
        },
        "id",
        [("admin_code", "regions", "admin_code")],
    ),
    "sentences": (
        {"id": int, "document_id": int, "start": int, "end": int, "text": str},
        "id",
        [("document_id", "documents", "id")],
    ),
    "mentions": (
        {
            "id": int,
            "document_id": int,
            "idx": int,
            "start": int,
            "end": int,
            "text": str,
            "value": float,
            "value_max": float,
            "unit": str,
            "kind": str,
            "approx": str,
            "change": str,
            "change_of": int,
            "indicator": str,
            "subject": str,
            "scope": str,
            "cumulative": int,
            "section": str,
            "sentence_id": int,
            "sentence_start": int,
            "sentence_end": int,
            "extractor": str,
        },
        "id",
        [
            ("document_id", "documents", "id"),
            ("unit", "units", "unit"),
            ("change_of", "mentions", "id"),
            ("indicator", "indicators", "code"),
            ("sentence_id", "sentences", "id"),
        ],
    ),
    "dates": (
        {"id": int, "document_id": int, "start": int, "end": int, "text": str, "iso": str, "year_inferred": int},
        "id",
        [("document_id", "documents", "id")],
    ),
    "ingest_errors": (
        {"id": int, "path": str, "error_class": str, "message": str, "at": str},
        "id",
        [],
    ),
}

NOT_NULL = {"documents": {"sha256"}, "sentences": {"document_id"}, "mentions": {"document_id"}, "dates": {"document_id"}}
UNIQUE = {"documents": ["sha256"]}

# (table, columns): what the view, the comparisons and Datasette facets filter by.
INDEXES = [
    ("documents", ["source"]),
    ("documents", ["admin_code"]),
    ("documents", ["year"]),
    ("documents", ["province", "city"]),
    ("documents", ["doc_type"]),
    ("documents", ["extractor_version"]),
    ("regions", ["parent"]),
    ("sentences", ["document_id"]),
    ("mentions", ["document_id", "idx"]),
    ("mentions", ["indicator"]),  # rowid order within an indicator: fast first pages
    ("mentions", ["indicator", "unit"]),
    ("mentions", ["unit"]),
    ("mentions", ["sentence_id"]),
    ("mentions", ["change_of"]),
    ("mentions", ["section"]),
    ("dates", ["document_id"]),
    ("dates", ["iso"]),
    ("ingest_errors", ["path"]),
]

STATISTICS_VIEW = """
SELECT
  m.id AS mention_id,
  d.id AS document_id,
  d.source, d.title, d.organization,
  d.province, d.city, d.county, d.admin_code,
  r.name AS region,
  d.level, d.year, d.period, d.doc_type,
  m.indicator,
  i.label_zh AS indicator_label_zh,
  m.value, m.value_max, m.unit, m.kind, m.approx, m.change,
  m.subject, m.scope, m.cumulative, m.section,
  m.text,
  s.text AS sentence,
  m.start, m."end"
FROM mentions AS m
JOIN documents AS d ON d.id = m.document_id
LEFT JOIN regions AS r ON r.admin_code = d.admin_code
LEFT JOIN indicators AS i ON i.code = m.indicator
LEFT JOIN sentences AS s ON s.id = m.sentence_id
""".strip()

# Chinese has no spaces between words, so the default tokenizer would index a
# whole clause as one token; trigram indexes every 3-character substring
# (MATCH needs >= 3 characters; shorter queries use LIKE on sentences.text).
FTS_TOKENIZER = "trigram"


def connect(path: str | os.PathLike, *, readonly: bool = False) -> sqlite_utils.Database:
    """Open the database with WAL, foreign keys and a busy timeout.

    The connection is in autocommit mode (`isolation_level=None`): writers
    open their own `BEGIN IMMEDIATE` transactions, one per document.
    """
    path = os.fspath(path)
    if readonly:
        if not os.path.exists(path):
            from ..errors import InputError

            raise InputError(f"{path}: no such database (run `govstat ingest` first)")
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        retry_while_locked(lambda: conn.execute("PRAGMA journal_mode = WAL"), BUSY_TIMEOUT_MS / 1000)
        # NORMAL in WAL mode: a killed process never corrupts or half-writes a
        # transaction; only a power cut may lose the last few commits.
        conn.execute("PRAGMA synchronous = NORMAL")
    return sqlite_utils.Database(conn)


def retry_while_locked(statement, seconds: float, pause: float = 0.01):
    """Run `statement()` again while SQLite answers "database is locked", for up to `seconds`.

    Switching a new database to WAL while another process opens it for the first
    time can fail at once with "database is locked": SQLite does not call the busy
    handler there (two `govstat ingest` on one new database failed so about once
    in eight runs). Any other error, or a lock that outlasts `seconds`, is raised.
    """
    deadline = time.monotonic() + seconds
    while True:
        try:
            return statement()
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.25)


def ensure_schema(db: sqlite_utils.Database, rules_dir: Path | None = None) -> None:
    """Create or migrate every table, index, trigger and view; load indicators and units."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        _create_tables(db)
        _create_fts(db)
        for table, columns in INDEXES:
            db[table].create_index(columns, if_not_exists=True)
        db.execute("DROP VIEW IF EXISTS statistics")
        db.execute(f"CREATE VIEW statistics AS\n{STATISTICS_VIEW}")
        load_reference_data(db, rules_dir or RULES_DIR)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _create_tables(db: sqlite_utils.Database) -> None:
    for name, (columns, pk, fks) in TABLES.items():
        table = db[name]
        if not table.exists():
            db.create_table(
                name,
                columns,
                pk=pk,
                foreign_keys=fks,
                not_null=NOT_NULL.get(name),
            )
            for unique in UNIQUE.get(name, []):
                db.execute(f'CREATE UNIQUE INDEX IF NOT EXISTS "idx_{name}_{unique}_unique" ON "{name}" ("{unique}")')
        else:
            # migration: add columns an older database lacks (never drop, never rename)
            existing = {c.name for c in table.columns}
            for column, type_ in columns.items():
                if column not in existing:
                    table.add_column(column, type_)


def _create_fts(db: sqlite_utils.Database) -> None:
    # Sentences are indexed by the writer (`index_sentences`), not by an AFTER
    # INSERT trigger: FTS5 flushes its pending terms at every statement
    # savepoint a trigger opens, one index segment per sentence, which made the
    # index cost the writer twice as much (bench/ingest.py). Databases made
    # before that lose the trigger here; deletes and updates keep theirs.
    db.execute('DROP TRIGGER IF EXISTS "sentences_ai"')
    if not db["sentences_fts"].exists():
        db.execute(
            'CREATE VIRTUAL TABLE "sentences_fts" USING FTS5 ("text", '
            f"tokenize='{FTS_TOKENIZER}', content=\"sentences\", content_rowid=\"id\")"
        )
        db.execute('INSERT INTO "sentences_fts" (rowid, "text") SELECT id, "text" FROM sentences')
    db.execute(
        'CREATE TRIGGER IF NOT EXISTS "sentences_ad" AFTER DELETE ON "sentences" BEGIN '
        'INSERT INTO "sentences_fts" ("sentences_fts", rowid, "text") VALUES (\'delete\', old.id, old."text"); END'
    )
    db.execute(
        'CREATE TRIGGER IF NOT EXISTS "sentences_au" AFTER UPDATE ON "sentences" BEGIN '
        'INSERT INTO "sentences_fts" ("sentences_fts", rowid, "text") VALUES (\'delete\', old.id, old."text"); '
        'INSERT INTO "sentences_fts" (rowid, "text") VALUES (new.id, new."text"); END'
    )


def index_sentences(conn: sqlite3.Connection, rows: list[tuple[int, str]]) -> None:
    """Add (sentence id, text) rows to the full-text index; call in the
    transaction that inserted them (every writer of `sentences` must)."""
    conn.executemany('INSERT INTO "sentences_fts" (rowid, "text") VALUES (?, ?)', rows)


# --- reference data from rules/*.yaml -------------------------------------------------


def _read_yaml(path: Path):
    """A rule file's contents, or None when it is missing or broken. The bundled
    rules come from the extractor's parsed cache (rulebook.load): parsing them
    again took ~0.05 s at the start of every ingest; other folders (tests) are parsed."""
    try:
        if path.parent == rulebook.RULES_DIR:
            return rulebook.load(path.stem)
        return rulebook.load_path(path)
    except OSError:
        return None
    except Exception as err:
        import yaml  # (imported already: only parsing raises its errors)

        if isinstance(err, yaml.YAMLError):
            return None
        raise


def indicator_rows(data) -> list[dict]:
    """Indicator rows from rules/indicators.yaml, whatever its exact shape
    (a list of entries with `code`, or a mapping code -> entry, optionally
    under an `indicators` key)."""
    if isinstance(data, dict) and "indicators" in data:
        data = data["indicators"]
    entries: list[tuple[str, dict]] = []
    if isinstance(data, dict):
        entries = [(str(k), v if isinstance(v, dict) else {}) for k, v in data.items()]
    elif isinstance(data, list):
        entries = [(str(e["code"]), e) for e in data if isinstance(e, dict) and e.get("code")]
    rows = []
    for code, entry in entries:
        units = entry.get("units")
        if isinstance(units, (list, tuple)):
            units = json.dumps([str(u) for u in units], ensure_ascii=False)
        elif units is not None:
            units = json.dumps(str(units).split(), ensure_ascii=False)
        rows.append(
            {
                "code": code,
                "label_zh": _str(entry.get("label_zh") or entry.get("zh") or entry.get("label")),
                "label_en": _str(entry.get("label_en") or entry.get("en")),
                "group": _str(entry.get("group")) or code.split(".")[0],
                "description": _str(entry.get("description")),
                "units": units,
            }
        )
    return rows


def unit_rows(data) -> list[dict]:
    """(unit, kind) rows from rules/units.yaml: canonical units and their kinds.

    Accepts a mapping kind -> {canonical: …} / kind -> canonical, a mapping
    unit -> {kind: …}, or a list of entries with `kind` and `unit`/`canonical`.
    """
    classifiers = data.get("classifiers") if isinstance(data, dict) else None
    if isinstance(data, dict) and "units" in data:
        data = data["units"]
    if isinstance(data, dict) and "kinds" in data:
        data = data["kinds"]
    rows: dict[str, str | None] = {}

    def add(unit, kind):
        if isinstance(unit, str) and unit and unit not in rows:
            rows[unit] = _str(kind)

    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str):
                add(value, key)
            elif isinstance(value, dict):
                if "kind" in value:
                    add(value.get("canonical") or value.get("unit") or key, value["kind"])
                else:
                    canonical = value.get("canonical") or value.get("unit")
                    if isinstance(canonical, list):
                        for c in canonical:
                            add(c, key)
                    else:
                        add(canonical, key)
            elif isinstance(value, list):
                for c in value:
                    if isinstance(c, str):
                        add(c, key)
                    elif isinstance(c, dict):
                        add(c.get("canonical") or c.get("unit"), c.get("kind", key))
    elif isinstance(data, list):
        for entry in data:
            if isinstance(entry, dict):
                add(entry.get("canonical") or entry.get("unit"), entry.get("kind"))
    # count classifiers: the canonical unit is the classifier itself or its `as`
    if isinstance(classifiers, dict):
        for name, options in classifiers.items():
            canonical = options.get("as") if isinstance(options, dict) else None
            add(canonical or name, "count")
    return [{"unit": u, "kind": k} for u, k in rows.items()]


def _str(value) -> str | None:
    return None if value is None else str(value)


def load_reference_data(db: sqlite_utils.Database, rules_dir: Path) -> None:
    """Upsert indicators and units from the rules; tolerate missing files."""
    indicators = indicator_rows(_read_yaml(rules_dir / "indicators.yaml"))
    if indicators:
        db["indicators"].upsert_all(indicators, pk="code")
    units = unit_rows(_read_yaml(rules_dir / "units.yaml"))
    for row in units:
        db.execute(
            "INSERT INTO units (unit, kind) VALUES (?, ?) "
            "ON CONFLICT(unit) DO UPDATE SET kind = COALESCE(excluded.kind, units.kind)",
            [row["unit"], row["kind"]],
        )


def create_database(path: str | os.PathLike) -> sqlite_utils.Database:
    """Open (creating if needed) a database with the current schema."""
    db = connect(path)
    ensure_schema(db)
    return db
