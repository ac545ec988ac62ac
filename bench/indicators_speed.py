"""Throughput of the meaning stage alone (assign_meaning), on the corpus repeated.

Throughput is CPU time per core (time.process_time), so other work on a shared
machine does not count; wall-clock time is printed too. The mentions come from the real number stage, computed once per distinct
document before the clock starts; only `assign_meaning` is timed, on fresh
copies of those mentions for every repetition. jieba's one-off load is timed
separately.

    .venv/bin/python bench/indicators_speed.py            # repeat to >= 5 MB
    .venv/bin/python bench/indicators_speed.py --mb 10
"""

from __future__ import annotations

import argparse
import copy
import time
from pathlib import Path

from govstat.extract import segment
from govstat.extract.indicators import assign_meaning, load_rules
from govstat.extract.normalize import simplify
from govstat.extract.pipeline import extract_file

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def prepared():
    docs = []
    for path in sorted((CORPUS / "reports").glob("*.txt")) + sorted((CORPUS / "extra").glob("*")):
        doc = extract_file(path, meaning=False)  # numbers and sentence spans, no meaning yet
        docs.append((doc.text, simplify(doc.text), doc.mentions, len(doc.text.encode("utf-8"))))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="megabytes of text to process (default 5)")
    args = ap.parse_args()
    docs = prepared()
    size = sum(d[3] for d in docs)
    reps = max(1, int(args.mb * 1e6 / size) + 1)
    t = time.perf_counter()
    load_rules()
    segment.tag("腾退办公用房")
    load = time.perf_counter() - t
    total_bytes = total_mentions = 0
    elapsed = cpu = 0.0
    for _ in range(reps):
        for text, simplified, mentions, nbytes in docs:
            fresh = copy.deepcopy(mentions)
            t, c = time.perf_counter(), time.process_time()
            assign_meaning(text, simplified, fresh)
            elapsed += time.perf_counter() - t
            cpu += time.process_time() - c
            total_bytes += nbytes
            total_mentions += len(fresh)
    print(f"{len(docs)} documents x {reps} = {total_bytes / 1e6:.2f} MB, {total_mentions} mentions")
    print(f"one-off load (rules + jieba): {load:.2f} s")
    print(f"assign_meaning: CPU {cpu:.2f} s = {total_bytes / 1e6 / cpu:.2f} MB/s per core "
          f"({cpu / max(total_mentions, 1) * 1e6:.0f} us per mention); wall {elapsed:.2f} s "
          f"= {total_bytes / 1e6 / elapsed:.2f} MB/s on this (shared) machine")


if __name__ == "__main__":
    main()
