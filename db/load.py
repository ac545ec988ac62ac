"""Writing one extracted Document into the database, atomically.

The work is split in two so that the parent process (the single writer) does
as little as possible: `document_payload()` turns a Document into plain rows
(run in the worker processes), `write_payload()` inserts them inside one
`BEGIN IMMEDIATE` transaction — the documents row and all its sentences,
mentions and dates commit together or not at all.
"""

from __future__ import annotations

import hashlib
import sqlite3
import traceback
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from .. import __version__
from ..extract.model import Document
from ..extract.sentences import sentence_of, split_sentences
from .schema import index_sentences

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"

INGESTED, UNCHANGED, REPLACED = "ingested", "unchanged", "replaced"

_DOC_COLUMNS = [
    "sha256", "source", "title", "organization", "province", "city", "county", "admin_code",
    "level", "year", "period", "published", "doc_type", "format", "encoding", "chars", "text",
    "ingested_at", "extractor_version",
]  # fmt: skip
_MENTION_COLUMNS = [
    "id", "document_id", "idx", "start", "end", "text", "value", "value_max", "unit", "kind",
    "approx", "change", "change_of", "indicator", "subject", "scope", "cumulative", "section",
    "sentence_id", "sentence_start", "sentence_end", "extractor",
]  # fmt: skip
_DATE_COLUMNS = ["document_id", "start", "end", "text", "iso", "year_inferred"]


def extractor_version(rules_dir: Path = RULES_DIR) -> str:
    """`govstat.__version__` plus a short hash of every file under rules/, so
    rows extracted before a rules change can be found (and re-ingested with --force)."""
    digest = hashlib.sha256()
    if rules_dir.is_dir():
        for path in sorted(p for p in rules_dir.rglob("*") if p.is_file()):
            if "__pycache__" in path.parts:
                continue
            digest.update(path.relative_to(rules_dir).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return f"{__version__}+rules.{digest.hexdigest()[:12]}"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _bool(value):
    return None if value is None else int(bool(value))


def _regions(info) -> list[tuple[str, str | None, str, str | None]]:
    """(admin_code, name, level, parent) rows for the document's region and the
    ancestors whose names it gives; codes of ancestors follow GB/T 2260 prefixes."""
    code = info.admin_code
    if not code or len(code) != 6 or not code.isdigit():
        return []
    chain = []  # (code, name, level), from the top
    province_code = code[:2] + "0000"
    if info.province:
        chain.append((province_code, info.province, "province"))
    city_code = code[:4] + "00"
    if info.city and city_code != province_code and info.city != info.province:
        chain.append((city_code, info.city, "city"))
    if info.county and code not in (city_code, province_code):
        chain.append((code, info.county, "county"))
    if not chain or chain[-1][0] != code:
        level = info.level or ("province" if code == province_code else "city" if code == city_code else "county")
        name = {"province": info.province, "city": info.city, "county": info.county}.get(level)
        chain = [c for c in chain if c[0] != code] + [(code, name, level)]
    rows, parent = [], None
    for c, name, level in chain:
        rows.append((c, name, level, parent))
        parent = c
    return rows


def document_payload(doc: Document, *, source: str, version: str) -> dict:
    """Plain rows for one document (picklable: built in a worker process)."""
    info = doc.info
    text = doc.text
    spans = split_sentences(text)
    by_span = {span: i for i, span in enumerate(spans)}
    sentences = [(s, e, text[s:e]) for s, e in spans]

    mentions = []
    units: dict[str, str | None] = {}
    indicators = set()
    for idx, m in enumerate(doc.mentions):
        sentence = None
        if m.sentence_start is not None and m.sentence_end is not None:
            sentence = by_span.get((m.sentence_start, m.sentence_end))
        if sentence is None:
            span = sentence_of(spans, m.start)
            sentence = by_span[span] if span is not None else None
        if m.unit:
            units.setdefault(m.unit, m.kind)
        if m.indicator:
            indicators.add(m.indicator)
        mentions.append(
            {
                "idx": idx,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "value": m.value,
                "value_max": m.value_max,
                "unit": m.unit,
                "kind": m.kind,
                "approx": m.approx,
                "change": m.change,
                "change_of": m.change_of,  # an index into this list; resolved to an id on write
                "indicator": m.indicator,
                "subject": m.subject,
                "scope": m.scope,
                "cumulative": _bool(m.cumulative),
                "section": m.section,
                "sentence": sentence,  # an index into `sentences`
                "sentence_start": m.sentence_start,
                "sentence_end": m.sentence_end,
                "extractor": m.extractor,
            }
        )
    dates = [(d.start, d.end, d.text, d.iso, _bool(d.year_inferred)) for d in doc.dates]
    document = {
        "sha256": info.sha256,
        "source": source,
        "title": info.title,
        "organization": info.organization,
        "province": info.province,
        "city": info.city,
        "county": info.county,
        "admin_code": info.admin_code,
        "level": info.level,
        "year": info.year,
        "period": info.period,
        "published": info.published,
        "doc_type": info.doc_type,
        "format": doc.format,
        "encoding": doc.encoding,
        "chars": len(text),
        "text": text,
        "extractor_version": version,
    }
    return {
        "document": document,
        "regions": _regions(info),
        "units": list(units.items()),
        "indicators": sorted(indicators),
        "sentences": sentences,
        "mentions": mentions,
        "dates": dates,
    }


def delete_document(conn, document_id: int) -> None:
    """Remove a document and everything that hangs off it (children first, for the FKs)."""
    conn.execute("DELETE FROM mentions WHERE document_id = ?", (document_id,))
    conn.execute("DELETE FROM dates WHERE document_id = ?", (document_id,))
    conn.execute("DELETE FROM sentences WHERE document_id = ?", (document_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))


def write_payload(db: sqlite_utils.Database, payload: dict, *, force: bool = False) -> str:
    """Insert one document atomically; returns ingested | unchanged | replaced.

    Inside the transaction: the same bytes already stored -> unchanged (unless
    `force`); an older version at the same source path -> its rows are
    replaced. Two concurrent ingests serialise on BEGIN IMMEDIATE, so neither
    can insert a duplicate.
    """
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        status, sentences = _write_one(conn, payload, force)
        index_sentences(conn, sentences)
        conn.execute("COMMIT")
        return status
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def write_payloads(db: sqlite_utils.Database, payloads: list[dict], *, force: bool = False) -> list:
    """Insert several documents in one transaction, each all-or-nothing.

    Committing once for a group of documents that are already extracted saves
    the writer most of the per-commit cost (the full-text index flushes a
    segment at every commit). Each document is written under its own
    SAVEPOINT: one the database rejects is rolled back alone and its entry in
    the returned list is the `sqlite3.Error`, the others get their status. A
    full disk rolls the whole group back and raises. The sentences of the
    group go into the full-text index together, after the last savepoint
    (FTS5 writes an index segment at every savepoint release).
    """
    conn = db.conn
    results: list = []
    indexed: list[tuple[int, str]] = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        for payload in payloads:
            conn.execute("SAVEPOINT document")
            try:
                status, sentences = _write_one(conn, payload, force)
                conn.execute("RELEASE document")
                results.append(status)
                indexed.extend(sentences)
            except sqlite3.Error as err:
                if getattr(err, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "full" in str(err).lower():
                    raise
                conn.execute("ROLLBACK TO document")
                conn.execute("RELEASE document")
                results.append(err)
        index_sentences(conn, indexed)
        conn.execute("COMMIT")
        return results
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _write_one(conn, payload: dict, force: bool) -> tuple[str, list[tuple[int, str]]]:
    """The body of `write_payload`, inside a transaction someone else opened:
    its status, and the (id, text) of the sentences it wrote, for the caller to
    add to the full-text index."""
    doc = payload["document"]
    old = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (doc["sha256"],)).fetchone()
    if old and not force:
        return UNCHANGED, []
    status = INGESTED
    stale = {row[0] for row in conn.execute("SELECT id FROM documents WHERE source = ?", (doc["source"],))}
    if old:
        stale.add(old[0])
    for document_id in sorted(stale):
        delete_document(conn, document_id)
        status = REPLACED
    return status, _write_rows(conn, payload)


def _write_rows(conn, payload: dict) -> list[tuple[int, str]]:
    for code, name, level, parent in payload["regions"]:
        conn.execute(
            "INSERT INTO regions (admin_code, name, level, parent) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(admin_code) DO UPDATE SET name = COALESCE(regions.name, excluded.name), "
            "level = COALESCE(regions.level, excluded.level), parent = COALESCE(regions.parent, excluded.parent)",
            (code, name, level, parent),
        )
    conn.executemany("INSERT OR IGNORE INTO units (unit, kind) VALUES (?, ?)", payload["units"])
    conn.executemany("INSERT OR IGNORE INTO indicators (code) VALUES (?)", [(c,) for c in payload["indicators"]])

    doc = dict(payload["document"], ingested_at=now())
    placeholders = ", ".join("?" for _ in _DOC_COLUMNS)
    columns = ", ".join(f'"{c}"' for c in _DOC_COLUMNS)
    cursor = conn.execute(
        f"INSERT INTO documents ({columns}) VALUES ({placeholders})", [doc[c] for c in _DOC_COLUMNS]
    )
    document_id = cursor.lastrowid

    # explicit ids (safe under the write lock) so mentions can point at sentences and at each other
    sentence_base = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM sentences").fetchone()[0]
    sentences = [(sentence_base + i, document_id, s, e, t) for i, (s, e, t) in enumerate(payload["sentences"])]
    conn.executemany('INSERT INTO sentences (id, document_id, start, "end", text) VALUES (?, ?, ?, ?, ?)', sentences)
    mention_base = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM mentions").fetchone()[0]
    n = len(payload["mentions"])
    rows = []
    for m in payload["mentions"]:
        change_of = m["change_of"]
        row = dict(
            m,
            id=mention_base + m["idx"],
            document_id=document_id,
            change_of=mention_base + change_of if isinstance(change_of, int) and 0 <= change_of < n else None,
            sentence_id=sentence_base + m["sentence"] if m["sentence"] is not None else None,
        )
        rows.append([row[c] for c in _MENTION_COLUMNS])
    columns = ", ".join(f'"{c}"' for c in _MENTION_COLUMNS)
    placeholders = ", ".join("?" for _ in _MENTION_COLUMNS)
    # change_of points forward or backward within the document: check FKs at commit
    conn.execute("PRAGMA defer_foreign_keys = ON")
    conn.executemany(f"INSERT INTO mentions ({columns}) VALUES ({placeholders})", rows)
    conn.executemany(
        'INSERT INTO dates (document_id, start, "end", text, iso, year_inferred) VALUES (?, ?, ?, ?, ?, ?)',
        [(document_id, *d) for d in payload["dates"]],
    )
    return [(row[0], row[4]) for row in sentences]


def record_error(db: sqlite_utils.Database, path: str, error_class: str, message: str) -> None:
    """One row in ingest_errors (its own small transaction)."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            "INSERT INTO ingest_errors (path, error_class, message, at) VALUES (?, ?, ?, ?)",
            (path, error_class, message, now()),
        )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def describe_exception(err: BaseException) -> tuple[str, str]:
    """(error_class, one-line message) for an ingest_errors row."""
    message = str(err).strip().splitlines()[0] if str(err).strip() else ""
    if not message:
        frames = traceback.extract_tb(err.__traceback__)
        where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
        message = f"{type(err).__name__}{where}"
    return type(err).__name__, message
