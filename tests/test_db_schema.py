"""The store's schema and its one-document writer, on temporary databases.

These tests build Documents by hand (with mentions, change_of links, dates) so
they do not depend on how far the extractor has come.
"""

from __future__ import annotations

import sqlite3

import pytest

from govstat.db import load, schema
from govstat.extract.model import DateMention, Document, DocumentInfo, Mention

TEXT = "伊春市机关事务管理局2019年工作总结\n全市腾退办公用房4.2万平方米。公车356辆，同比减少12辆；全年接待1200人次。"


def make_doc(text: str = TEXT, sha: str = "a" * 64, source: str = "x/yichun.txt") -> Document:
    start = text.index("4.2万")
    s2 = text.index("356辆")
    s3 = text.index("12辆")
    mentions = [
        Mention(start, start + 7, "4.2万平方米", 42000, None, "平方米", "area", indicator="office_space.vacated",
                section="summary", cumulative=True),
        Mention(s2, s2 + 4, "356辆", 356, None, "辆", "count", indicator="vehicles.fleet"),
        Mention(s3, s3 + 3, "12辆", 12, None, "辆", "count", change="decrease", indicator="vehicles.fleet",
                change_of=1),
        Mention(text.index("1200"), text.index("1200") + 6, "1200人次", 1200, None, "人次", "count",
                indicator="brand.new_code"),
    ]
    spans = __import__("govstat.extract.sentences", fromlist=["x"]).split_sentences(text)
    for m in mentions:
        m.sentence_start, m.sentence_end = next((s, e) for s, e in spans if s <= m.start < e)
    info = DocumentInfo(source=source, sha256=sha, title="伊春市机关事务管理局2019年工作总结",
                        organization="伊春市机关事务管理局", province="黑龙江省", city="伊春市",
                        admin_code="230700", level="city", year=2019, period="annual", doc_type="work_summary")
    dates = [DateMention(text.index("2019年"), text.index("2019年") + 5, "2019年", "2019")]
    return Document(text=text, info=info, mentions=mentions, dates=dates, format="text", encoding="utf-8")


@pytest.fixture
def db(tmp_path):
    database = schema.create_database(tmp_path / "t.db")
    yield database
    database.conn.close()


def counts(db) -> dict:
    return {t: db.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("documents", "sentences", "mentions", "dates", "regions")}


def test_tables_foreign_keys_indexes_and_view(db):
    names = set(db.table_names())
    assert {"documents", "regions", "indicators", "units", "sentences", "mentions", "dates", "ingest_errors"} <= names
    assert "sentences_fts" in names and db["sentences"].detect_fts() == "sentences_fts"
    fks = {(fk.column, fk.other_table, fk.other_column) for fk in db["mentions"].foreign_keys}
    assert fks == {("document_id", "documents", "id"), ("unit", "units", "unit"), ("change_of", "mentions", "id"),
                   ("indicator", "indicators", "code"), ("sentence_id", "sentences", "id")}
    assert ("admin_code", "regions", "admin_code") in {(f.column, f.other_table, f.other_column)
                                                       for f in db["documents"].foreign_keys}
    mention_indexes = {tuple(i.columns) for i in db["mentions"].indexes}
    assert ("indicator", "unit") in mention_indexes and ("unit",) in mention_indexes
    assert ("year",) in {tuple(i.columns) for i in db["documents"].indexes}
    assert ("admin_code",) in {tuple(i.columns) for i in db["documents"].indexes}
    view = db["statistics"].columns_dict
    for column in ("mention_id", "document_id", "source", "title", "province", "city", "county", "admin_code",
                   "year", "indicator", "indicator_label_zh", "value", "value_max", "unit", "kind", "approx",
                   "change", "subject", "scope", "cumulative", "section", "text", "sentence", "start", "end"):
        assert column in view
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_schema_is_idempotent_and_migrates_missing_columns(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, source TEXT)")
    conn.execute("INSERT INTO documents (sha256, source) VALUES ('abc', 'old.txt')")
    conn.commit()
    conn.close()
    db = schema.create_database(path)
    schema.ensure_schema(db)
    assert "extractor_version" in db["documents"].columns_dict
    assert db.conn.execute("SELECT source FROM documents").fetchall() == [("old.txt",)]
    db.conn.close()


def test_reference_data_from_rules(db):
    units = dict(db.conn.execute("SELECT unit, kind FROM units"))
    assert units.get("平方米") == "area" and units.get("元") == "money"


def test_indicator_rows_accept_list_or_mapping():
    listed = schema.indicator_rows([{"code": "vehicles.fleet", "label_zh": "公车保有量", "units": ["辆"]}])
    mapped = schema.indicator_rows({"indicators": {"vehicles.fleet": {"label_zh": "公车保有量", "units": "辆"}}})
    assert listed == mapped
    assert listed[0]["group"] == "vehicles" and listed[0]["units"] == '["辆"]'
    assert schema.indicator_rows(None) == []


def test_write_payload_links_sentences_mentions_and_regions(db):
    doc = make_doc()
    payload = load.document_payload(doc, source="x/yichun.txt", version="test")
    assert load.write_payload(db, payload) == load.INGESTED
    c = counts(db)
    assert c["documents"] == 1 and c["mentions"] == 4 and c["dates"] == 1
    assert c["sentences"] == len(__import__("govstat.extract.sentences", fromlist=["x"]).split_sentences(TEXT))
    assert db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # each mention's sentence contains it and matches the offsets
    for text, sentence, start, end, s_start, s_end in db.conn.execute(
        'SELECT m.text, s.text, m.start, m."end", s.start, s."end" FROM mentions m JOIN sentences s ON s.id = m.sentence_id'
    ):
        assert text in sentence and s_start <= start < end <= s_end and TEXT[s_start:s_end] == sentence
    # change_of resolved from the JSON index to the row id of "356辆"
    target = db.conn.execute("SELECT t.text FROM mentions m JOIN mentions t ON t.id = m.change_of").fetchall()
    assert target == [("356辆",)]
    # unknown indicator codes and units get a row, so the FKs hold
    assert db.conn.execute("SELECT code FROM indicators WHERE code = 'brand.new_code'").fetchone()
    assert db.conn.execute("SELECT kind FROM units WHERE unit = '人次'").fetchone() == ("count",)
    assert db.conn.execute("SELECT admin_code, name, level, parent FROM regions ORDER BY admin_code").fetchall() == [
        ("230000", "黑龙江省", "province", None),
        ("230700", "伊春市", "city", "230000"),
    ]
    rows = db.conn.execute("SELECT text, sentence, region, year, value FROM statistics ORDER BY start").fetchall()
    assert rows[0] == ("4.2万平方米", "全市腾退办公用房4.2万平方米。", "伊春市", 2019, 42000)
    # full-text search covers every sentence
    hits = db.conn.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH '\"办公用房\"'").fetchall()
    assert len(hits) == 1


def test_same_bytes_unchanged_new_bytes_replace_force_rewrites(db):
    first = load.document_payload(make_doc(), source="x/yichun.txt", version="test")
    assert load.write_payload(db, first) == load.INGESTED
    before = counts(db)
    assert load.write_payload(db, first) == load.UNCHANGED
    assert counts(db) == before
    changed = make_doc(text=TEXT + "\n新增一句。", sha="b" * 64)
    second = load.document_payload(changed, source="x/yichun.txt", version="test")
    assert load.write_payload(db, second) == load.REPLACED
    assert db.conn.execute("SELECT sha256 FROM documents").fetchall() == [("b" * 64,)]
    assert counts(db)["mentions"] == 4 and counts(db)["sentences"] == before["sentences"] + 1
    assert load.write_payload(db, second, force=True) == load.REPLACED
    assert counts(db)["documents"] == 1 and counts(db)["mentions"] == 4
    # the index holds exactly the current sentences (rank 1: checked against the content table)
    db.conn.execute("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)")
    new_only = db.conn.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH '\"新增一句\"'").fetchall()
    assert len(new_only) == 1
    assert db.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_group_write_indexes_only_the_documents_it_keeps(db):
    good = load.document_payload(make_doc(), source="x/a.txt", version="test")
    bad = load.document_payload(make_doc(text=TEXT + "\n坏的一句。", sha="c" * 64), source="x/b.txt", version="test")
    bad["dates"].append(("not", "a", "row"))  # rejected inside its savepoint
    statuses = load.write_payloads(db, [good, bad])
    assert statuses[0] == load.INGESTED and isinstance(statuses[1], sqlite3.Error)
    db.conn.execute("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)")
    assert db.conn.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH '\"坏的一句\"'").fetchall() == []


def test_old_insert_trigger_is_dropped_and_index_stays_whole(tmp_path):
    """Databases made before the writer indexed sentences itself had an AFTER INSERT
    trigger; with both, every sentence would be indexed twice."""
    path = tmp_path / "old.db"
    db = schema.create_database(path)
    db.execute('CREATE TRIGGER "sentences_ai" AFTER INSERT ON "sentences" BEGIN '
               'INSERT INTO "sentences_fts" (rowid, "text") VALUES (new.id, new."text"); END')
    db.conn.close()
    db = schema.create_database(path)
    assert db.conn.execute("SELECT name FROM sqlite_master WHERE name = 'sentences_ai'").fetchall() == []
    load.write_payload(db, load.document_payload(make_doc(), source="x/yichun.txt", version="test"))
    db.conn.execute("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)")


def test_failed_write_leaves_nothing(db):
    payload = load.document_payload(make_doc(), source="x/yichun.txt", version="test")
    payload["dates"].append(("not", "a", "row"))  # wrong arity: fails after the mentions were inserted
    with pytest.raises(sqlite3.Error):
        load.write_payload(db, payload)
    assert counts(db)["documents"] == 0 and counts(db)["mentions"] == 0 and counts(db)["sentences"] == 0
    assert not db.conn.in_transaction


def test_extractor_version_tracks_rules(tmp_path):
    (tmp_path / "a.yaml").write_text("x: 1\n")
    v1 = load.extractor_version(tmp_path)
    (tmp_path / "a.yaml").write_text("x: 2\n")
    v2 = load.extractor_version(tmp_path)
    assert v1 != v2 and v1.split("+")[0] == v2.split("+")[0]


def test_a_locked_statement_is_retried_until_it_runs():
    calls = []

    def statement():
        calls.append(1)
        if len(calls) < 3:
            raise sqlite3.OperationalError("database is locked")
        return "wal"

    assert schema.retry_while_locked(statement, seconds=5, pause=0.001) == "wal"
    assert len(calls) == 3


def test_other_errors_and_a_lock_that_lasts_are_raised():
    def broken():
        raise sqlite3.OperationalError("no such table: x")

    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        schema.retry_while_locked(broken, seconds=5)

    def locked():
        raise sqlite3.OperationalError("database is locked")

    with pytest.raises(sqlite3.OperationalError, match="locked"):
        schema.retry_while_locked(locked, seconds=0.05, pause=0.001)


def _open_new(path, results):
    try:
        schema.connect(path).conn.close()
        results.put("ok")
    except sqlite3.Error as err:
        results.put(str(err))


def test_two_processes_open_one_new_database_at_once(tmp_path):
    # Switching a new database to WAL while another process opens it failed at
    # once with "database is locked" in about 8% of openings (no busy wait there).
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    failures = []
    for i in range(40):
        results = ctx.Queue()
        procs = [ctx.Process(target=_open_new, args=(str(tmp_path / f"g{i}.db"), results)) for _ in range(2)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        failures += [r for r in (results.get(timeout=5), results.get(timeout=5)) if r != "ok"]
    assert failures == []
