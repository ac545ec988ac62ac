"""Parallel ingest: find the files, extract them in worker processes, write
them from one writer (this process), one transaction per document.

Why this shape: extraction is CPU-bound pure Python, so it runs in N
processes; SQLite wants one writer, so the parent writes. A file whose bytes
are already stored is skipped before it is read by a worker (identity is the
sha256 of the raw bytes). Every failure — unreadable file, broken symlink,
symlink loop, a report the extractor rejects, a worker that dies — becomes
one `ingest_errors` row and one line on stderr; the batch goes on.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import multiprocessing
import os
import sqlite3
import stat
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from ..errors import GovstatError
from . import load
from .schema import connect, ensure_schema

SUFFIXES = {".txt", ".html", ".htm", ".docx", ".pdf"}


class StoreError(GovstatError):
    """The database cannot take more writes (disk full, read-only, not a database)."""

    exit_code = 1


@dataclass
class Summary:
    ingested: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def extracted(self) -> int:
        return self.ingested + self.replaced

    def line(self) -> str:
        rate = self.extracted / self.seconds if self.seconds > 0 else 0.0
        return (
            f"ingested {self.ingested}, unchanged {self.unchanged}, replaced {self.replaced}, "
            f"failed {self.failed} in {self.seconds:.1f} s ({rate:.1f} documents/s)"
        )


# --- finding files ---------------------------------------------------------------------


@dataclass(slots=True)
class Found:
    path: str  # as shown to the user and stored as documents.source
    error: tuple[str, str] | None = None  # (error_class, message)


def source_name(path: str) -> str:
    """Path relative to the current directory when inside it, else absolute."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute)
    except ValueError:
        return absolute
    return absolute if relative.startswith("..") else relative


def discover(paths: Iterable[str]) -> Iterator[Found]:
    """Files named on the command line, and report files under folders (recursively).

    Symlinks are followed; a link back to a folder being walked is a loop and is
    reported, a folder reached twice any other way is walked once.
    """
    seen_files: set[tuple[int, int]] = set()
    walked: set[tuple[int, int]] = set()
    for path in paths:
        path = os.fspath(path)
        try:
            st = os.stat(path)
        except OSError as err:
            yield Found(source_name(path), _os_error(path, err))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(path, st, seen_files, walked)
        elif (st.st_dev, st.st_ino) not in seen_files:
            seen_files.add((st.st_dev, st.st_ino))
            yield Found(source_name(path))


def _walk(top: str, top_stat, seen_files, walked) -> Iterator[Found]:
    # iterative depth-first walk; `ancestors` detects loops along the current branch
    stack = [(top, top_stat, frozenset())]
    while stack:
        folder, st, ancestors = stack.pop()
        key = (st.st_dev, st.st_ino)
        if key in ancestors:
            yield Found(source_name(folder), ("SymlinkLoop", f"symbolic link loop: {folder} leads back to a folder above it"))
            continue
        if key in walked:
            continue
        walked.add(key)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as err:
            yield Found(source_name(folder), _os_error(folder, err, "cannot list folder"))
            continue
        subfolders = []
        for entry in entries:
            try:
                est = os.stat(entry.path)  # follows symlinks
            except OSError as err:
                yield Found(source_name(entry.path), _os_error(entry.path, err))
                continue
            if stat.S_ISDIR(est.st_mode):
                subfolders.append((entry.path, est, ancestors | {key}))
            elif stat.S_ISREG(est.st_mode) and os.path.splitext(entry.name)[1].lower() in SUFFIXES:
                if (est.st_dev, est.st_ino) not in seen_files:
                    seen_files.add((est.st_dev, est.st_ino))
                    yield Found(source_name(entry.path))
        stack.extend(reversed(subfolders))


def _os_error(path: str, err: OSError, what: str = "") -> tuple[str, str]:
    import errno

    if err.errno == errno.ELOOP:
        return "SymlinkLoop", f"symbolic link loop at {path}"
    if err.errno == errno.ENOENT and os.path.islink(path):
        return "BrokenSymlink", f"broken symbolic link {path} -> {os.readlink(path)}"
    reason = err.strerror or str(err)
    return type(err).__name__, f"{what + ': ' if what else ''}{reason}: {path}"


# --- worker side -----------------------------------------------------------------------


def _warm_up() -> None:
    """Import the pipeline and load its lexicons/rules once, before forking workers."""
    from .. import extract_text

    try:
        extract_text("2019年全市更新公车356辆，腾退办公用房4.2万平方米。")
    except Exception:  # a half-written stage must not stop the ingest; real files report errors
        pass


def extract_one(source: str, sha256: str, version: str):
    """Worker: a file -> ("ok", source, payload) or ("error", source, (class, message)).

    The worker reads the file itself (no bytes through the pipe); the payload
    carries the sha256 of the bytes it really read.
    """
    from .. import extract_bytes

    try:
        with open(source, "rb") as fh:
            data = fh.read()
        doc = extract_bytes(data, name=source)
        payload = load.document_payload(doc, source=source, version=version)
        payload["document"]["sha256"] = hashlib.sha256(data).hexdigest()
        return "ok", source, payload
    except Exception as err:  # every failure becomes an ingest_errors row
        return "error", source, load.describe_exception(err)


def extract_chunk(tasks: list[tuple[str, str]], version: str) -> list:
    """Worker: `extract_one` for each (source, sha256) of a chunk of files.

    Files travel to the workers in chunks: one task per file cost the parent
    (the writer) more in executor bookkeeping than writing the file's rows,
    and kept the workers waiting for work half of the time.
    """
    return [extract_one(source, sha, version) for source, sha in tasks]


# --- the writer ------------------------------------------------------------------------


def _is_disk_full(err: sqlite3.Error) -> bool:
    return getattr(err, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "full" in str(err).lower()


def ingest(
    paths: Iterable[str],
    db_path: str,
    *,
    workers: int | None = None,
    force: bool = False,
    progress: bool = True,
    echo=None,
    max_page_count: int | None = None,
) -> Summary:
    """Ingest files and folders into `db_path`; see the module docstring."""
    echo = echo or (lambda line: print(line, file=sys.stderr))
    workers = max(1, workers or os.cpu_count() or 1)
    started = time.perf_counter()
    summary = Summary()
    version = load.extractor_version()

    db = _open(db_path, max_page_count)
    try:
        _run(db, db_path, paths, workers, force, version, summary, progress, echo)
    finally:
        try:
            db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # another ingest still holds the database: it checkpoints when it ends
        db.conn.close()
    summary.seconds = time.perf_counter() - started
    return summary


INGEST_WAL_PAGES = 20_000
BATCH_DOCUMENTS = 64  # documents the writer gathers for one commit (fewer in small batches)
CHUNK_FILES = 8  # files per worker task (about 30 ms of extraction)
FTS_AUTOMERGE = 16
WORKER_NICENESS = 10  # added to the workers' niceness (lower priority than the writer)


def _new_pool(workers: int, quiet=contextlib.nullcontext):
    """The executor the chunks go to, its worker processes already forked.

    A forked child has only the thread that forked; a lock another thread held
    at that moment stays held in the child for good. ProcessPoolExecutor forks
    at its first submit, which used to come after the checkpoint and progress
    threads had started, so the workers are forked here, inside `quiet()`: a
    context in which no other thread of ours is inside SQLite (a checkpoint
    connection freed in the child would wait forever on its mutex).
    """
    # One worker: extract in this process, between writes. A single pool worker
    # beside the writer would already use two cores, and writing (SQLite,
    # full-text index) costs about half as much as extracting, so `--workers 2`
    # could then hardly be faster than `--workers 1`.
    if workers == 1:
        return _InlineExecutor()
    # fork: workers inherit the warmed-up pipeline (jieba, compiled rules) copy-on-write.
    # The workers run at a lower priority than the writer: the writer is the one
    # serial step, and when it waits for a core the workers run out of queued
    # work (in a batch of 2,000 reports each worker waited ~1.1 s for work, and
    # ~0.35 s at niceness 10; the cores stay busy either way).
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=os.nice, initargs=(WORKER_NICENESS,))
    with quiet():
        try:
            executor.submit(os.getpid).result()  # forks every worker (the fork context starts them all at once)
        except BrokenProcessPool:
            pass  # the first chunk finds the pool broken and replaces it, as for a worker that dies later
    return executor


class _InlineExecutor:
    """The executor interface `_extract_and_write` uses, running each task at once."""

    def submit(self, fn, *args) -> Future:
        future: Future = Future()
        future.set_result(fn(*args))  # extract_one catches its own errors
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        return None


def _open(db_path: str, max_page_count: int | None):
    try:
        db = connect(db_path)
        # The writer checkpoints the WAL every ~80 MB instead of every 4 MB while
        # a batch is written: a quarter less writer time per document. A second
        # connection checkpoints meanwhile (`_Checkpointer`), and `ingest` folds
        # what is left back into the database file when it finishes.
        db.conn.execute(f"PRAGMA wal_autocheckpoint = {INGEST_WAL_PAGES}")
        if max_page_count:
            db.conn.execute(f"PRAGMA max_page_count = {int(max_page_count)}")
        ensure_schema(db)
        # FTS5 merges its index segments less eagerly (16 per level instead of 4):
        # with one commit per document this cuts the writer's time by a quarter,
        # and searches stay in the milliseconds (bench/serve_queries.py)
        db.conn.execute(f"INSERT INTO sentences_fts(sentences_fts, rank) VALUES('automerge', {FTS_AUTOMERGE})")
        return db
    except sqlite3.DatabaseError as err:
        if _is_disk_full(err):
            raise StoreError(f"{db_path}: database or disk is full; nothing was written") from None
        raise StoreError(f"{db_path}: cannot open the database: {err}") from None


def _run(db, db_path, paths, workers, force, version, summary, show_progress, echo) -> None:
    known = {row[0] for row in db.conn.execute("SELECT sha256 FROM documents")}
    found = list(discover(paths))
    bar = None

    def fail(path: str, error_class: str, message: str) -> None:
        summary.failed += 1
        summary.errors.append((path, error_class, message))
        try:
            load.record_error(db, path, error_class, message)
        except sqlite3.Error as err:
            if _is_disk_full(err):
                raise StoreError(_full_message(db, summary)) from None
            raise
        # reading errors already open with the path: say it once
        echo(f"govstat: ingest: {message}" if message.startswith(path) else f"govstat: ingest: {path}: {message}")

    # 1. hash the files in the order found and skip the bytes already stored; the
    # first one to extract starts the workers, the rest are hashed while they work
    files = []
    for item in found:
        if item.error:
            fail(item.path, *item.error)
        else:
            files.append(item)

    skipped_count = 0

    def skipped() -> None:  # an unchanged or unreadable file: the progress bar counts it done
        nonlocal skipped_count
        skipped_count += 1
        if bar is not None:
            bar.advance()

    tasks = _changed_files(files, known, force, summary, fail, skipped)
    first = next(tasks, None)
    if first is None:
        return

    # 2. extract in worker processes, write here, one transaction per document
    _warm_up()
    pool = [_new_pool(workers)]  # forked before the progress bar's thread starts; replaced if a worker dies
    try:
        with _Progress(len(files), enabled=show_progress, done=skipped_count) as bar, \
                _Checkpointer(db_path) as checkpointer:
            echo = bar.wrap_echo(echo)
            tasks = itertools.chain([first], tasks)

            def replace(executor):  # a new pool after a worker died, forked between checkpoints
                return _replace_pool(executor, workers, checkpointer.paused)

            _extract_and_write(db, pool, replace, workers, tasks, len(files), force, version, summary, bar, fail)
    finally:
        pool[0].shutdown(wait=True, cancel_futures=True)


def _changed_files(files: list[Found], known: set[str], force: bool, summary: Summary, fail,
                   skipped) -> Iterator[tuple[str, str]]:
    """(path, sha256) of each file whose bytes are not stored yet (all with `force`),
    hashed lazily: the parent hashes while the workers extract the first chunks,
    instead of hashing the whole batch before any worker starts (a serial step
    of ~0.08 s per 2,000 reports). A file already stored counts as unchanged,
    one that cannot be read fails."""
    for item in files:
        try:
            digest = hashlib.sha256()
            with open(item.path, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
        except OSError as err:
            fail(item.path, *_os_error(item.path, err, "cannot read"))
            skipped()
            continue
        sha = digest.hexdigest()
        if sha in known and not force:
            summary.unchanged += 1
            skipped()
            continue
        yield item.path, sha


def _extract_and_write(db, pool, replace, workers, tasks, total, force, version, summary, bar, fail) -> None:
    """Extract the (source, sha256) `tasks` (an iterator of at most `total`) in the
    pool's workers and write what they return, in groups."""
    executor = pool[0]
    pending: dict = {}  # future -> the chunk of (source, sha256) it extracts
    size = max(1, min(CHUNK_FILES, total // (workers * 4)))
    chunks = iter(lambda: list(itertools.islice(tasks, size)), [])
    # Extracted documents wait in `ready` until a full group is: a commit of 8
    # documents costs the writer 25% more per document than one of 64 (the
    # full-text index writes a segment per commit; bench/writer_cost.py), and
    # with several workers the futures finish a chunk (8 files) at a time.
    # Documents not yet written when the process is killed are re-extracted
    # by the next run: their bytes are not in the database. A small batch
    # commits in smaller groups, so that it is stored in steps as well.
    group = max(1, min(BATCH_DOCUMENTS, total // 16))
    # Chunks in flight: two groups' worth beyond four chunks per worker, so that
    # the workers still have work queued while the writer writes a group (with
    # four chunks per worker only, each waited ~2 s for work in an 8 s batch of
    # 2,000 reports; with two groups more, ~0.5-0.9 s).
    limit = workers * 4 + -(-2 * group // size)
    exhausted = False
    ready: list[tuple[str, dict]] = []
    while True:
        while not exhausted and len(pending) < limit:
            chunk = next(chunks, None)  # (the parent hashes the chunk's files here)
            if chunk is None:
                exhausted = True
                break
            try:
                pending[executor.submit(extract_chunk, chunk, version)] = chunk
            except BrokenProcessPool:
                executor = pool[0] = replace(executor)
                pending[executor.submit(extract_chunk, chunk, version)] = chunk
        if not pending:
            break
        wait(pending, return_when=FIRST_COMPLETED)
        broken = False
        for future in [f for f in pending if f.done()]:
            chunk = pending.pop(future)
            try:
                results = future.result()
            except BrokenProcessPool:
                # which file of the chunk killed the worker is unknown: each is reported; a rerun retries them
                broken = True
                for source, _sha in chunk:
                    fail(source, "WorkerDied",
                         "the extraction worker process died on this file or another of its chunk; a rerun retries it")
                    bar.advance()
                continue
            for kind, source, body in results:
                if kind == "error":
                    fail(source, *body)
                    bar.advance()
                else:
                    ready.append((source, body))
        # a full group is written in one transaction, each document all-or-nothing inside it
        while len(ready) >= group:
            _write_group(db, ready[:group], force, summary, bar, fail)
            del ready[:group]
        if broken:
            executor = pool[0] = replace(executor)
            for future, chunk in list(pending.items()):
                del pending[future]
                pending[executor.submit(extract_chunk, chunk, version)] = chunk
    if ready:
        _write_group(db, ready, force, summary, bar, fail)


def _write_group(db, ready, force, summary, bar, fail) -> None:
    """Write extracted documents in one commit; count and report each."""
    try:
        statuses = load.write_payloads(db, [body for _source, body in ready], force=force)
    except sqlite3.Error:  # a full disk or a busy database: what still can be stored, one by one
        statuses = _write_one_by_one(db, ready, force, summary)
    for (source, _body), status in zip(ready, statuses):
        if isinstance(status, sqlite3.Error):
            fail(source, type(status).__name__, f"database rejected the document: {status}")
        elif status == load.INGESTED:
            summary.ingested += 1
        elif status == load.REPLACED:
            summary.replaced += 1
        else:
            summary.unchanged += 1
        bar.advance()


def _write_one_by_one(db, ready, force, summary) -> list:
    """After a group failed as a whole: store what still can be, one document at a time."""
    statuses: list = []
    for source, body in ready:
        try:
            statuses.append(load.write_payload(db, body, force=force))
        except sqlite3.Error as err:
            if _is_disk_full(err):
                for done_status in statuses:  # count what did fit before stopping
                    if done_status == load.INGESTED:
                        summary.ingested += 1
                    elif done_status == load.REPLACED:
                        summary.replaced += 1
                raise StoreError(_full_message(db, summary)) from None
            statuses.append(err)
    return statuses


def _replace_pool(executor: ProcessPoolExecutor, workers: int, quiet) -> ProcessPoolExecutor:
    executor.shutdown(wait=False, cancel_futures=True)
    return _new_pool(workers, quiet)


def _full_message(db, summary: Summary) -> str:
    return (
        f"database or disk is full after {summary.ingested + summary.replaced} documents; "
        "the last document was rolled back and the database is intact: free space and rerun"
    )


class _Checkpointer:
    """Folds the WAL into the database file from a second connection, in a
    thread, while the batch is being written.

    Why: the writer's own checkpoints are set far apart (INGEST_WAL_PAGES),
    since each one stalls the one serial step, so the WAL used to hold the
    whole batch and the final checkpoint copied all of it after the last
    document, with the other cores idle (27 MB and 0.4-0.5 s for 2,000
    reports). A PASSIVE checkpoint copies what is committed without blocking
    the writer, and SQLite releases the GIL while it copies; at the end only
    the last fraction of a second of frames is left.
    """

    INTERVAL = 0.25  # seconds between checkpoints; a group commit takes ~0.1-0.3 s

    def __init__(self, db_path: str):
        self.db_path = db_path
        self.stop = threading.Event()
        self.busy = threading.Lock()  # held while the thread is inside SQLite (see `paused`)
        self.thread = threading.Thread(target=self._run, name="govstat-checkpoint", daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()
        return False

    @contextlib.contextmanager
    def paused(self):
        """No checkpoint runs inside this block (a worker pool is forked in it)."""
        with self.busy:
            yield

    def _run(self) -> None:
        with self.busy:
            try:
                conn = sqlite3.connect(self.db_path, isolation_level=None, check_same_thread=False)
            except sqlite3.Error:
                return  # the final checkpoint in `ingest` still folds the WAL in
        try:
            while not self.stop.wait(self.INTERVAL):
                with self.busy:
                    try:
                        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
                    except sqlite3.Error:
                        pass  # busy or full: the writer's own checkpoints and the final one remain
        finally:
            with self.busy:
                conn.close()


class _Progress:
    """A rich progress bar with documents/s on stderr (silent when not a terminal)."""

    def __init__(self, total: int, enabled: bool, done: int = 0):
        self.total = total
        self.progress = None
        if enabled:
            from rich.console import Console

            console = Console(stderr=True)
            if console.is_terminal:
                from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

                self.progress = Progress(
                    TextColumn("ingest"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    TextColumn("{task.fields[rate]:.1f} documents/s"),
                    TimeElapsedColumn(),
                    console=console,
                    transient=False,
                )
        self.started = time.perf_counter()
        self.done = done

    def __enter__(self):
        if self.progress:
            self.progress.start()
            self.task = self.progress.add_task("ingest", total=self.total, completed=self.done, rate=0.0)
        return self

    def __exit__(self, *exc):
        if self.progress:
            self.progress.stop()
        return False

    def advance(self) -> None:
        self.done += 1
        if self.progress:
            elapsed = time.perf_counter() - self.started
            self.progress.update(self.task, advance=1, rate=self.done / elapsed if elapsed > 0 else 0.0)

    def wrap_echo(self, echo):
        if not self.progress:
            return echo
        console = self.progress.console
        return lambda line: console.print(line, markup=False, highlight=False, soft_wrap=True)
