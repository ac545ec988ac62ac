#!/usr/bin/env python
"""Extraction throughput, scaling, start-up and peak memory of govstat (issue 7).

    .venv/bin/python bench/throughput.py                 # ≥ 5 MB, 1 core, with/without meaning
    .venv/bin/python bench/throughput.py --workers 2     # + scaling with 1 and 2 processes
    .venv/bin/python bench/throughput.py --profile       # cProfile of the hot path (top costs)
    .venv/bin/python bench/throughput.py --stages        # seconds per pipeline stage, no profiler

The corpus is the annotated and extra reports, repeated until it holds at
least --mb megabytes of UTF-8 text; each repetition is extracted as its own
document through `govstat.extract_text`, as `govstat ingest` would. Timings
share the machine with whatever else runs: read them with that in mind.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "reports" / "s000.txt"


def build_corpus(megabytes: float) -> list[str]:
    """The reports (corpus/reports, then corpus/extra .txt), repeated to ≥ `megabytes` MB."""
    paths = sorted((ROOT / "corpus" / "reports").glob("*.txt")) + sorted((ROOT / "corpus" / "extra").glob("*.txt"))
    base = []
    for p in paths:
        try:
            base.append(p.read_text(encoding="utf-8-sig"))
        except UnicodeDecodeError:
            continue  # not UTF-8: reading is benchmarked elsewhere
    texts, size = [], 0
    while size < megabytes * 1e6:
        for text in base:
            texts.append(text)
            size += len(text.encode("utf-8"))
    return texts


def corpus_mb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def peak_memory_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _extract_chunk(args: tuple[list[str], bool]) -> int:
    import govstat

    texts, meaning = args
    return sum(len(govstat.extract_text(t, meaning=meaning).mentions) for t in texts)


def _warm_up(_=None) -> int:
    import govstat

    return len(govstat.extract_text(SAMPLE.read_text(encoding="utf-8")).mentions)


def _noop(_=None) -> int:
    time.sleep(0.05)
    return os.getpid()


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def control_scaling(workers: int) -> float:
    """Speed-up of a pure-Python loop with `workers` processes: what the shared machine allows now."""
    from multiprocessing import get_context

    seconds = []
    for n in (1, workers):
        with get_context("spawn").Pool(n) as pool:
            pool.map(_burn, [10] * n * 2)
            t0 = time.perf_counter()
            pool.map(_burn, [2_000_000] * 8, chunksize=1)
            seconds.append(time.perf_counter() - t0)
    return seconds[0] / seconds[1]


def single_core(texts: list[str], meaning: bool) -> tuple[float, int]:
    """Seconds to extract every text in this process, and the mentions found."""
    _warm_up()
    t0 = time.perf_counter()
    found = _extract_chunk((texts, meaning))
    return time.perf_counter() - t0, found


def with_workers(texts: list[str], workers: int, meaning: bool = True) -> float:
    """Seconds to extract every text with a pool of `workers` processes (warm pool)."""
    from multiprocessing import get_context

    chunks = [texts[i : i + 8] for i in range(0, len(texts), 8)]
    # The initializer warms every worker (a warm-up task could land twice on one).
    with get_context("spawn").Pool(workers, initializer=_warm_up) as pool:
        seen: set[int] = set()
        while len(seen) < workers:  # a worker takes tasks only once its initializer is done
            seen.update(pool.map(_noop, range(workers * 4), chunksize=1))
        t0 = time.perf_counter()
        pool.map(_extract_chunk, [(c, meaning) for c in chunks], chunksize=1)
        return time.perf_counter() - t0


def command_timing(argv: list[str], repeat: int) -> tuple[list[float], float]:
    """Wall-clock seconds of `argv` as a fresh subprocess, `repeat` times; and its peak MB."""
    times, peak = [], 0.0
    for _ in range(repeat):
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        _pid, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - t0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}")
        peak = max(peak, usage.ru_maxrss / 1024)
    return times, peak


def profile(texts: list[str], top: int) -> None:
    """cProfile of extraction with meaning; prints the `top` costs by own time and by cumulative time."""
    import cProfile
    import pstats

    _warm_up()
    profiler = cProfile.Profile()
    profiler.enable()
    _extract_chunk((texts, True))
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.strip_dirs().sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def stages(texts: list[str], rounds: int = 3) -> None:
    """CPU seconds of each stage of `extract_text` (best of `rounds`), without a profiler's overhead."""
    from govstat.extract import docinfo, indicators, sections
    from govstat.extract.normalize import NormalizedText
    from govstat.extract.sentences import sentence_of, split_sentences
    from govstat.extract.statistics import find_statistics_and_dates

    _warm_up()
    clock = time.process_time
    best: dict[str, float] = {}
    for _ in range(rounds):
        spent = dict.fromkeys(("normalize", "docinfo", "statistics", "sentences", "sections", "indicators"), 0.0)
        for text in texts:
            t0 = clock()
            normalized = NormalizedText(text)
            simplified = normalized.simplified
            t1 = clock()
            info = docinfo.infer_document_info(text, simplified)
            t2 = clock()
            mentions, _dates = find_statistics_and_dates(normalized, report_year=info.year)
            t3 = clock()
            spans = split_sentences(simplified)
            for m in mentions:
                span = sentence_of(spans, m.start)
                if span is not None:
                    m.sentence_start, m.sentence_end = span
            t4 = clock()
            sections.assign_sections(text, simplified, mentions)
            t5 = clock()
            indicators.assign_meaning(text, simplified, mentions)
            t6 = clock()
            for name, seconds in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5)):
                spent[name] += seconds
        for name, seconds in spent.items():
            best[name] = min(best.get(name, seconds), seconds)
    total = sum(best.values())
    size = corpus_mb(texts)
    print(f"stages, CPU seconds (best of {rounds}): total {total:.2f} s = {size / total:.2f} MB/s")
    for name, seconds in best.items():
        print(f"  {name:<11} {seconds:6.3f} s  {100 * seconds / total:5.1f}%")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB of UTF-8 text (default 5)")
    parser.add_argument("--workers", type=int, default=1, help="also measure scaling with 1..N processes")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command for start-up timing")
    parser.add_argument("--profile", action="store_true", help="profile the hot path instead (on --mb MB)")
    parser.add_argument("--top", type=int, default=25, help="rows of the profile to print")
    parser.add_argument("--stages", action="store_true", help="time each pipeline stage instead (on --mb MB)")
    args = parser.parse_args(argv)

    texts = build_corpus(args.mb)
    size = corpus_mb(texts)
    print(f"corpus: {len(texts)} documents, {size:.2f} MB UTF-8 (reports repeated)")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} cores (shared with other work; load average {load}), Python {sys.version.split()[0]}")
    if args.profile:
        profile(texts, args.top)
        return 0
    if args.stages:
        stages(texts)
        return 0

    govstat = str(Path(sys.executable).with_name("govstat"))
    for argv_ in ([govstat, "--help"], [govstat, "extract", str(SAMPLE.relative_to(ROOT))]):
        times, peak = command_timing(argv_, args.repeat)
        shown = " ".join(Path(argv_[0]).name if i == 0 else a for i, a in enumerate(argv_))
        print(f"start-up `{shown}`: median {statistics.median(times):.3f} s, min {min(times):.3f} s "
              f"over {len(times)} runs; peak {peak:.0f} MB")

    for meaning in (True, False):
        seconds, found = single_core(texts, meaning)
        label = "with meaning" if meaning else "meaning=False"
        print(f"single core, {label}: {seconds:.2f} s, {size / seconds:.2f} MB/s, "
              f"{len(texts) / seconds:.0f} reports/s, {found} mentions")
    print(f"peak memory of this process: {peak_memory_mb():.0f} MB")

    if args.workers > 1:
        base = None
        for n in range(1, args.workers + 1):
            seconds = with_workers(texts, n)
            base = base or seconds
            print(f"{n} worker(s): {seconds:.2f} s, {size / seconds:.2f} MB/s, speed-up {base / seconds:.2f}x")
        print(f"control, a pure-Python loop with 1 vs {args.workers} workers right after: "
              f"speed-up {control_scaling(args.workers):.2f}x (the ceiling the shared cores allowed)")

    return 0


if __name__ == "__main__":
    sys.exit(main())
