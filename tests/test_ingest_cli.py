"""`govstat ingest` / `govstat export` and the pandas API on temporary databases."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import govstat
import govstat.db
from govstat.cli import cli

ROOT = Path(__file__).resolve().parent.parent
REPORTS = sorted((ROOT / "corpus" / "reports").glob("*.txt"))
GOVSTAT = [sys.executable, "-m", "govstat.cli"]


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    for i, path in enumerate(REPORTS[:6]):
        shutil.copy(path, folder / ("sub" if i % 2 else ".") / path.name)
    (folder / "notes.md").write_text("not a report")  # not walked: wrong suffix
    return folder


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def table_counts(db_path) -> dict:
    with sqlite3.connect(db_path) as conn:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("documents", "sentences", "mentions", "dates", "ingest_errors")}


def test_ingest_folder_then_idempotent(corpus, tmp_path):
    db = tmp_path / "g.db"
    result = run("ingest", str(corpus), "--db", str(db), "--workers", "2")
    assert result.exit_code == 0, result.output
    assert "ingested 6, unchanged 0, replaced 0, failed 0" in result.output
    first = table_counts(db)
    assert first["documents"] == 6 and first["ingest_errors"] == 0 and first["sentences"] > 6
    # what is stored is what the extractor gives, document by document
    with sqlite3.connect(db) as conn:
        for source, text, n_mentions, n_dates in conn.execute(
            "SELECT source, text, (SELECT COUNT(*) FROM mentions m WHERE m.document_id = d.id),"
            " (SELECT COUNT(*) FROM dates t WHERE t.document_id = d.id) FROM documents d"
        ):
            doc = govstat.extract_file(source)
            assert (text, n_mentions, n_dates) == (doc.text, len(doc.mentions), len(doc.dates))
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        version = conn.execute("SELECT DISTINCT extractor_version FROM documents").fetchall()
        assert len(version) == 1 and version[0][0].startswith(govstat.__version__ + "+rules.")
    again = run("ingest", str(corpus), "--db", str(db))
    assert again.exit_code == 0
    assert "ingested 0, unchanged 6, replaced 0, failed 0" in again.output
    assert table_counts(db) == first


def test_changed_bytes_replace_and_force(corpus, tmp_path):
    db = tmp_path / "g.db"
    assert run("ingest", str(corpus), "--db", str(db)).exit_code == 0
    first = table_counts(db)
    target = next(corpus.glob("*.txt"))
    with sqlite3.connect(db) as conn:
        old_sha = conn.execute("SELECT sha256 FROM documents WHERE source LIKE ?", (f"%{target.name}",)).fetchone()[0]
    target.write_text(target.read_text(encoding="utf-8") + "\n全年出车1200车次。\n", encoding="utf-8")
    result = run("ingest", str(corpus), "--db", str(db))
    assert "ingested 0, unchanged 5, replaced 1, failed 0" in result.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM documents WHERE sha256 = ?", (old_sha,)).fetchone()[0] == 0
        rows = conn.execute("SELECT COUNT(*) FROM documents WHERE source LIKE ?", (f"%{target.name}",)).fetchone()
        assert rows[0] == 1
    assert table_counts(db)["documents"] == first["documents"]
    forced = run("ingest", str(corpus), "--db", str(db), "--force")
    assert "ingested 0, unchanged 0, replaced 6, failed 0" in forced.output
    assert table_counts(db)["documents"] == 6


def test_bad_files_are_rows_not_crashes(corpus, tmp_path):
    db = tmp_path / "g.db"
    (corpus / "broken.docx").write_bytes(b"PK\x03\x04\xff\xfe\x00\x81 not really a zip \xc3\x28")
    (corpus / "sub" / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (corpus / "sub" / "loop").symlink_to(corpus)  # a folder that contains itself
    result = subprocess.run([*GOVSTAT, "ingest", str(corpus), "--db", str(db)], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "ingested 6, unchanged 0, replaced 0, failed 3" in result.stdout
    with sqlite3.connect(db) as conn:
        errors = conn.execute("SELECT path, error_class, message FROM ingest_errors ORDER BY path").fetchall()
    assert len(errors) == 3
    classes = {Path(path).name: cls for path, cls, _ in errors}
    assert classes["dangling.txt"] == "BrokenSymlink" and classes["loop"] == "SymlinkLoop"
    assert "broken.docx" in classes
    # one line on stderr per failure
    lines = [line for line in result.stderr.splitlines() if line.startswith("govstat: ingest:")]
    assert len(lines) == 3
    # each names its file once (reading errors already open with the path)
    docx = next(line for line in lines if "broken.docx" in line)
    assert docx.count("broken.docx") == 1, docx


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a folder whatever its mode")
def test_unreadable_folder_is_an_error_row(corpus, tmp_path):
    locked = corpus / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        result = run("ingest", str(corpus), "--db", str(tmp_path / "g.db"))
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 1 and table_counts(tmp_path / "g.db")["ingest_errors"] == 1


def test_missing_path_and_unwritable_db(tmp_path):
    result = subprocess.run([*GOVSTAT, "ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "g.db")],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "nope" in result.stderr
    (tmp_path / "notadb.db").write_bytes(b"this is not a database file" * 100)
    result = subprocess.run([*GOVSTAT, "ingest", str(REPORTS[0]), "--db", str(tmp_path / "notadb.db")],
                            capture_output=True, text=True)
    assert result.returncode != 0 and "cannot open the database" in result.stderr
    assert "Traceback" not in result.stderr


def test_two_concurrent_ingests_make_no_duplicates(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i, path in enumerate(REPORTS):
        shutil.copy(path, folder / path.name)
    db = tmp_path / "g.db"
    procs = [subprocess.Popen([*GOVSTAT, "ingest", str(folder), "--db", str(db), "-j", "1"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*), COUNT(DISTINCT sha256), COUNT(DISTINCT source) FROM documents"
                            ).fetchone() == (len(REPORTS),) * 3
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.fixture
def filled(corpus, tmp_path):
    db = tmp_path / "g.db"
    assert run("ingest", str(corpus), "--db", str(db)).exit_code == 0
    # add statistics by hand so export/API have rows whatever the extractor finds today
    with sqlite3.connect(db) as conn:
        docs = conn.execute("SELECT id FROM documents ORDER BY id LIMIT 2").fetchall()
        conn.execute("INSERT OR IGNORE INTO regions VALUES ('230700', '伊春市', 'city', NULL)")
        conn.execute("INSERT OR IGNORE INTO units VALUES ('辆', 'count')")
        conn.execute("INSERT OR IGNORE INTO indicators (code, label_zh) VALUES ('test.synthetic', '合成指标')")
        for n, ((doc_id,), year) in enumerate(zip(docs, (2018, 2019))):
            conn.execute("UPDATE documents SET admin_code = '230700', year = ? WHERE id = ?", (year, doc_id))
            conn.execute("INSERT INTO mentions (document_id, idx, start, \"end\", text, value, unit, kind, indicator)"
                         " VALUES (?, 1000, 0, 4, '356辆', ?, '辆', 'count', 'test.synthetic')", (doc_id, 356 + n))
    return db


def test_export_csv_and_parquet(filled, tmp_path):
    result = run("export", "--db", str(filled), "--format", "csv", "--indicator", "test.synthetic")
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("mention_id,document_id,source") and len(lines) == 3
    out = tmp_path / "s.parquet"
    assert run("export", "--db", str(filled), "--format", "parquet", "-o", str(out)).exit_code == 0
    frame = pd.read_parquet(out)
    expected = table_counts(filled)["mentions"]
    assert len(frame) == expected and "indicator_label_zh" in frame.columns
    assert set(frame.loc[frame.indicator == "test.synthetic", "value"]) == {356, 357}


def test_api_dataframes(filled):
    with govstat.db.open(filled) as store:
        stats = store.statistics(indicator="test.synthetic")
        assert list(stats["value"]) == [356, 357] and set(stats["indicator_label_zh"]) == {"合成指标"}
        table = store.compare("test.synthetic")
        assert table.loc["伊春市", 2018] == 356 and table.loc["伊春市", 2019] == 357
        docs = store.documents()
        assert len(docs) == 6 and "text" not in docs.columns and docs["mentions"].sum() >= 2
        assert store.compare("no.such") .empty
        hits = store.search("机关")
        assert len(hits) > 0 and all("机关" in t for t in hits["text"])
        with pytest.raises(TypeError):
            store.statistics(colour="red")


def test_export_missing_db_is_a_user_error(tmp_path):
    result = subprocess.run([*GOVSTAT, "export", "--db", str(tmp_path / "none.db")], capture_output=True, text=True)
    assert result.returncode == 2 and "no such database" in result.stderr and "Traceback" not in result.stderr


def test_a_worker_that_dies_is_reported_and_a_rerun_finishes(tmp_path, monkeypatch):
    """A report that kills its worker process (a crash in a C extension, the OOM
    killer) fails with WorkerDied, as do the files of its chunk; the batch goes
    on, and a rerun stores everything that was not stored."""
    from govstat.db.ingest import ingest

    folder = tmp_path / "many"
    folder.mkdir()
    for path in REPORTS:
        shutil.copy(path, folder / path.name)
    killer = folder / "zz-killer.txt"
    killer.write_text("这份报告让工作进程退出。", encoding="utf-8")
    real = govstat.extract_bytes

    def extract_bytes(data, name="-", **kwargs):
        if name.endswith("zz-killer.txt"):
            os._exit(1)  # the worker process disappears mid-file
        return real(data, name=name, **kwargs)

    monkeypatch.setattr(govstat, "extract_bytes", extract_bytes)  # the forked workers inherit it
    db = tmp_path / "g.db"
    first = ingest([str(folder)], str(db), workers=2, progress=False, echo=lambda line: None)
    died = {path for path, error_class, _ in first.errors if error_class == "WorkerDied"}
    assert any(path.endswith("zz-killer.txt") for path in died)
    assert first.ingested + first.failed == len(REPORTS) + 1 and first.ingested >= 1

    monkeypatch.setattr(govstat, "extract_bytes", real)
    second = ingest([str(folder)], str(db), workers=2, progress=False, echo=lambda line: None)
    assert second.failed == 0 and second.ingested == first.failed and second.unchanged == first.ingested
    assert table_counts(db)["documents"] == len(REPORTS) + 1


def test_writer_commits_full_groups_whatever_the_workers_finish(tmp_path, monkeypatch):
    """Workers return a chunk at a time; the writer still commits in groups of
    the batch's size (one commit per 8 documents cost a fifth more writer time
    than one per 64), and the last, smaller group is written too."""
    from govstat.db import load
    from govstat.db.ingest import ingest

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(70):
        text = REPORTS[i % len(REPORTS)].read_text(encoding="utf-8-sig") + f"\n（副本{i}）\n"
        (folder / f"r{i:02d}.txt").write_text(text, encoding="utf-8")
    groups = []
    real = load.write_payloads

    def write_payloads(db, payloads, **kwargs):
        groups.append(len(payloads))
        return real(db, payloads, **kwargs)

    monkeypatch.setattr(load, "write_payloads", write_payloads)
    summary = ingest([str(folder)], str(tmp_path / "g.db"), workers=2, progress=False, echo=lambda line: None)
    assert summary.ingested == 70 and summary.failed == 0
    assert groups == [4] * 17 + [2]  # 70 // 16 = 4 per commit
    assert table_counts(tmp_path / "g.db")["documents"] == 70


def test_files_are_hashed_as_the_workers_ask_for_them(tmp_path):
    """The parent hashes lazily: the first file to extract is handed out before
    the later files are read, so the workers start at once instead of after
    the whole batch is hashed; unchanged and unreadable files are counted on the way."""
    from govstat.db.ingest import Found, Summary, _changed_files

    stored, new, later = (tmp_path / name for name in ("stored.txt", "new.txt", "later.txt"))
    stored.write_text("已入库", encoding="utf-8")
    new.write_text("新报告", encoding="utf-8")
    known = {__import__("hashlib").sha256(stored.read_bytes()).hexdigest()}
    files = [Found(str(stored)), Found(str(new)), Found(str(later)), Found(str(tmp_path / "gone.txt"))]
    summary, failed, skipped = Summary(), [], []
    tasks = _changed_files(files, known, False, summary, lambda *error: failed.append(error),
                           lambda: skipped.append(1))

    assert next(tasks)[0] == str(new)
    assert summary.unchanged == 1 and not failed  # later.txt and gone.txt not read yet
    later.write_text("稍后写入", encoding="utf-8")  # written after the batch started: still found
    assert [path for path, _sha in tasks] == [str(later)]
    assert summary.unchanged == 1 and len(failed) == 1 and failed[0][0] == str(tmp_path / "gone.txt")
    assert len(skipped) == 2
    forced = _changed_files(files[:2], known, True, Summary(), failed.append, lambda: None)
    assert [path for path, _sha in forced] == [str(stored), str(new)]


def test_workers_are_forked_before_any_other_thread_can_hold_a_lock():
    """A forked child keeps every lock another thread held at the fork: the pool
    forks its workers when it is made (not at the first chunk, after the
    checkpoint thread started), and a replacement pool forks while the
    checkpoint thread is paused."""
    import contextlib
    import multiprocessing

    from govstat.db.ingest import _Checkpointer, _new_pool

    seen = []

    @contextlib.contextmanager
    def quiet():
        seen.append(len(multiprocessing.active_children()))
        yield
        seen.append(len(multiprocessing.active_children()))

    before = len(multiprocessing.active_children())
    pool = _new_pool(2, quiet)
    try:
        assert seen == [before, before + 2]  # both workers forked inside quiet()
    finally:
        pool.shutdown(wait=True)
    checkpointer = _Checkpointer(":memory:")
    with checkpointer.paused():
        assert checkpointer.busy.locked()  # the checkpoint loop takes the same lock
    assert not checkpointer.busy.locked()


def test_workers_run_at_a_lower_priority_than_the_writer(tmp_path, monkeypatch):
    """The writer is the one serial step: the extraction workers yield the CPU to it."""
    from govstat.db.ingest import WORKER_NICENESS, ingest

    folder = tmp_path / "some"
    folder.mkdir()
    for path in REPORTS[:4]:
        shutil.copy(path, folder / path.name)
    seen = tmp_path / "niceness.txt"
    real = govstat.extract_bytes

    def extract_bytes(data, name="-", **kwargs):
        with open(seen, "a") as fh:  # written by the forked worker that extracts this file
            fh.write(f"{os.getpid()} {os.nice(0)}\n")
        return real(data, name=name, **kwargs)

    monkeypatch.setattr(govstat, "extract_bytes", extract_bytes)  # the forked workers inherit it
    summary = ingest([str(folder)], str(tmp_path / "n.db"), workers=2, progress=False, echo=lambda line: None)
    assert summary.ingested == 4
    rows = [line.split() for line in seen.read_text().splitlines()]
    assert len(rows) == 4 and all(int(pid) != os.getpid() for pid, _ in rows)
    assert {int(nice) for _, nice in rows} == {min(19, os.nice(0) + WORKER_NICENESS)}


def test_the_wal_is_folded_into_the_database_while_the_batch_is_written(tmp_path, monkeypatch):
    """A background connection checkpoints while the writer goes on, so the last
    document is not followed by a checkpoint of the whole batch: after the first
    groups, their pages are already in the database file, not only in the WAL."""
    from govstat.db import ingest as ingest_module
    from govstat.db import load

    monkeypatch.setattr(ingest_module._Checkpointer, "INTERVAL", 0.01)
    db_path = tmp_path / "w.db"
    sizes = []  # the database file's size after the schema, then after the third group
    real = load.write_payloads

    def write_payloads(db, payloads, **kwargs):
        result = real(db, payloads, **kwargs)
        if len(sizes) < 4:
            sizes.append(db_path.stat().st_size)
        if len(sizes) == 3:  # give the checkpointer time to run once after this commit
            deadline = time.monotonic() + 5
            while db_path.stat().st_size <= sizes[0] and time.monotonic() < deadline:
                time.sleep(0.01)
            sizes.append(db_path.stat().st_size)
        return result

    monkeypatch.setattr(load, "write_payloads", write_payloads)
    summary = ingest_module.ingest([str(p) for p in REPORTS[:8]], str(db_path), workers=1, progress=False,
                                   echo=lambda line: None)
    assert summary.ingested == 8
    assert sizes[3] > sizes[0], sizes  # pages reached the database file during the batch
    assert table_counts(db_path)["documents"] == 8


def test_the_writer_starts_without_pandas_and_the_api_still_gives_dataframes(tmp_path):
    """sqlite-utils would import pandas and numpy (0.6 s) at `govstat ingest`'s start;
    `govstat.db` keeps them out until the DataFrame API imports pandas itself."""
    script = (
        "import sys\n"
        "from govstat.db.ingest import ingest\n"
        "print('pandas' in sys.modules, 'numpy' in sys.modules)\n"
        f"ingest([{str(REPORTS[0])!r}], {str(tmp_path / 'g.db')!r}, workers=1, progress=False, echo=print)\n"
        "print('pandas' in sys.modules)\n"
        "import govstat.db\n"
        f"frame = govstat.db.open({str(tmp_path / 'g.db')!r}).statistics()\n"
        "print(type(frame).__name__, len(frame) > 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "False", "DataFrame", "True"]
