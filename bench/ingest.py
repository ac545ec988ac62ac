"""Ingest throughput: documents/s with 1 and N workers on generated report variants.

    .venv/bin/python bench/ingest.py [--n 2000] [--workers 1 2] [--dir /tmp/govstat-bench-reports]

The variants are the bundled reports (corpus/reports and corpus/extra, 87
files) with varied bytes: digits permuted per variant (so the numbers, and
what the extractor finds, change) and a variant line appended, so every file
has a different sha256 and none is skipped. Each worker count ingests all of
them into a fresh database through `govstat.db.ingest.ingest` (the code
behind `govstat ingest`), timing the whole run: start-up, extraction in
worker processes, and the single writer. Extraction alone (one process, no
database) is timed too, to show what the store adds.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import govstat
from govstat.db import load
from govstat.db.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "corpus" / "reports").glob("*.txt")) + sorted((ROOT / "corpus" / "extra").glob("*.txt"))


def cpu_seconds() -> float:
    """User + system CPU of this process and of its finished children (the pool's
    workers are joined when `ingest` returns). CPU per document that grows with
    the worker count is work the cores did more slowly or in addition (pickling,
    a busier shared cache), not time spent waiting."""
    import resource

    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def make_variants(folder: Path, n: int, seed: int = 2026) -> int:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        text = SOURCES[i % len(SOURCES)].read_text(encoding="utf-8-sig")
        digits = list("0123456789")
        rng.shuffle(digits)
        text = text.translate(str.maketrans("0123456789", "".join(digits)))
        text += f"\n全年出车{rng.randint(100, 99999)}车次，接待{rng.randint(10, 999)}批次。（样本{i}）\n"
        data = text.encode("utf-8")
        (folder / f"v{i:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--dir", default=None, help="Where to write the variants [a temporary folder, removed at the end].")
    parser.add_argument("--extract-sample", type=int, default=200, help="Files timed for extraction alone.")
    parser.add_argument("--rounds", type=int, default=1, help="Alternate the worker counts this many times.")
    args = parser.parse_args()

    if args.dir:
        run(args, Path(args.dir))
    else:  # a folder of our own is removed at the end (2,000 variants and the databases: ~60 MB)
        with tempfile.TemporaryDirectory(prefix="govstat-bench-") as tmp:
            run(args, Path(tmp))


def run(args, work: Path) -> None:
    """Write the variants under `work`, then time the ingests (see the module docstring)."""
    reports = work / "reports"
    if reports.exists():
        shutil.rmtree(reports)
    size = make_variants(reports, args.n)
    print(f"{args.n} variants of {len(SOURCES)} reports, {size / args.n / 1024:.1f} KiB on average, in {reports}")
    print(f"govstat {govstat.__version__}, {os.cpu_count()} cores")

    files = sorted(reports.iterdir())[: args.extract_sample]
    govstat.extract_file(files[0])  # warm up
    t = time.perf_counter()
    mentions = sum(len(govstat.extract_file(f).mentions) for f in files)
    seconds = time.perf_counter() - t
    print(f"extraction alone, 1 process: {len(files) / seconds:.1f} documents/s "
          f"({mentions / len(files):.1f} mentions per document)")

    # Rounds alternate the worker counts, so a busy spell of the shared machine
    # hits every count alike; each round ends with two controls: a pure-Python
    # loop in 1 and N processes (the speed-up the machine allowed just then),
    # and extraction alone, no database, in 1 and N processes on 3 x
    # --extract-sample of the variants (what ingest can reach at best, since
    # every document is extracted once either way). Medians are reported.
    from throughput import control_scaling, with_workers

    sample = [f.read_bytes().decode("utf-8") for f in sorted(reports.iterdir())[: args.extract_sample * 3]]

    def extraction_scaling(workers: int) -> float:
        """Extraction alone (no database) in 1 vs N processes: the ceiling for ingest."""
        return with_workers(sample, 1) / with_workers(sample, workers)

    # when the last group was committed: what follows it (the final WAL checkpoint,
    # closing the pool) is serial time that every worker count pays
    last_write: list[float] = []
    write_payloads = load.write_payloads

    def timed_write_payloads(*args_, **kwargs):
        result = write_payloads(*args_, **kwargs)
        last_write.append(time.perf_counter())
        return result

    load.write_payloads = timed_write_payloads

    # when the workers were started (the first file to extract found, the
    # pipeline warmed up): what comes before it is serial time too
    from govstat.db import ingest as ingest_module

    pool_started: list[float] = []
    new_pool = ingest_module._new_pool

    def timed_new_pool(*args_, **kwargs):
        pool_started.append(time.perf_counter())
        return new_pool(*args_, **kwargs)

    ingest_module._new_pool = timed_new_pool

    speedups: dict[int, list[float]] = {w: [] for w in args.workers if w != 1}
    controls: dict[int, list[float]] = {w: [] for w in args.workers if w != 1}
    extraction: dict[int, list[float]] = {w: [] for w in args.workers if w != 1}
    for round_ in range(args.rounds):
        rates = {}
        for workers in args.workers:
            db = work / f"bench-{workers}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)
            before = cpu_seconds()
            last_write.clear()
            pool_started.clear()
            started = time.perf_counter()
            summary = ingest([str(reports)], str(db), workers=workers, progress=False, echo=lambda line: None)
            tail = time.perf_counter() - last_write[-1] if last_write else 0.0
            head = pool_started[0] - started if pool_started else 0.0
            cpu_ms = 1000 * (cpu_seconds() - before) / max(1, summary.extracted)
            rates[workers] = summary.extracted / summary.seconds
            print(f"ingest --workers {workers}: {summary.line()}; {rates[workers] / workers:.1f} documents/s per worker; "
                  f"CPU {cpu_ms:.2f} ms per document (writer + workers); {head:.2f} s to the workers' start; "
                  f"{tail:.2f} s from the last commit to the end")
        if 1 in rates:
            for workers, rate in rates.items():
                if workers != 1:
                    control = control_scaling(workers)
                    alone = extraction_scaling(workers)
                    speedups[workers].append(rate / rates[1])
                    controls[workers].append(control)
                    extraction[workers].append(alone)
                    print(f"speed-up 1 -> {workers} workers: {rate / rates[1]:.2f}x "
                          f"(right after: control loop {control:.2f}x, extraction alone {alone:.2f}x)")
    for workers, values in speedups.items():
        if values:
            print(f"median speed-up 1 -> {workers} workers over {len(values)} rounds: "
                  f"{statistics.median(values):.2f}x ({', '.join(f'{v:.2f}' for v in values)}); "
                  f"median control {statistics.median(controls[workers]):.2f}x "
                  f"({', '.join(f'{v:.2f}' for v in controls[workers])}), the ceiling the shared cores allowed; "
                  f"median extraction alone {statistics.median(extraction[workers]):.2f}x "
                  f"({', '.join(f'{v:.2f}' for v in extraction[workers])}), the ceiling for ingest")


if __name__ == "__main__":
    main()
