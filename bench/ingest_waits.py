#!/usr/bin/env python
"""Where a two-worker ingest loses time: each worker's waits between chunks, the writer's groups.

    .venv/bin/python bench/ingest_waits.py FOLDER [--workers 2] [--chunk 8] [--switch SECONDS]

FOLDER holds the reports (for example the variants `bench/ingest.py --dir D`
writes to D/reports). The pipeline is warmed up first, as in `bench/ingest.py`.
Each chunk a worker extracts is timed inside the worker (`time.perf_counter`,
one clock for all processes on Linux); the gaps between a worker's chunks are
its waits for work or for a core. `--chunk` sets the files per task, `--switch`
the writer's GIL switch interval (`sys.setswitchinterval`), to see whether
either feeds the workers better.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk", type=int, default=None)
    parser.add_argument("--switch", type=float, default=None)
    args = parser.parse_args()

    import govstat
    from govstat.db import ingest as ingest_module
    from govstat.db import load

    govstat.extract_text("全市更新公车356辆")  # warm up, as bench/ingest.py does
    if args.chunk:
        ingest_module.CHUNK_FILES = args.chunk
    if args.switch:
        sys.setswitchinterval(args.switch)

    with tempfile.TemporaryDirectory(prefix="govstat-waits-") as tmp:
        log = Path(tmp) / "chunks"
        log.mkdir()
        extract_chunk = ingest_module.extract_chunk

        def timed_chunk(tasks, version):
            started = time.perf_counter()
            results = extract_chunk(tasks, version)
            with open(log / str(os.getpid()), "a") as fh:
                fh.write(f"{started} {time.perf_counter()}\n")
            return results

        # pickled by reference: the forked workers resolve this name to the timed function
        timed_chunk.__module__, timed_chunk.__qualname__ = ingest_module.__name__, "extract_chunk"
        ingest_module.extract_chunk = timed_chunk
        write_payloads, writes = load.write_payloads, []

        def timed_write(*a, **k):
            started, cpu = time.perf_counter(), time.thread_time()
            result = write_payloads(*a, **k)
            writes.append((time.perf_counter() - started, time.thread_time() - cpu))
            return result

        load.write_payloads = timed_write
        start = time.perf_counter()
        summary = ingest_module.ingest([args.folder], str(Path(tmp) / "waits.db"), workers=args.workers,
                                       progress=False, echo=lambda line: None)
        ended = time.perf_counter()
        print(summary.line())
        last_done = 0.0
        for path in sorted(log.iterdir()):
            spans = sorted(tuple(map(float, line.split())) for line in path.read_text().splitlines())
            busy = sum(end - begin for begin, end in spans)
            waits = sum(max(0.0, spans[i + 1][0] - spans[i][1]) for i in range(len(spans) - 1))
            print(f"worker {path.name}: {len(spans)} chunks, first at {spans[0][0] - start:.2f} s, "
                  f"last done at {spans[-1][1] - start:.2f} s, extracting {busy:.2f} s, "
                  f"waiting between chunks {waits:.2f} s")
            last_done = max(last_done, spans[-1][1])
        print(f"writer: {len(writes)} groups, {sum(w for w, _ in writes):.2f} s writing (wall clock), "
              f"{sum(c for _, c in writes):.2f} s of CPU")
        if last_done:
            print(f"tail: the ingest ended {ended - last_done:.3f} s after the last chunk was extracted")


if __name__ == "__main__":
    main()
