#!/usr/bin/env python
"""Would pausing Python's cyclic garbage collector per document speed extraction up?

    .venv/bin/python bench/gc_pause.py [--mb 1.5] [--rounds 4]

First it counts the cyclic garbage extraction leaves (`gc.collect()` after a
pass with the collector off): none means reference counting frees everything
and the collector's passes find nothing. Then, in one process, it alternates
passes over the same corpus with the collector on (as shipped) and off, and
prints MB/s per round: the difference is what a pause per document could gain.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import build_corpus, corpus_mb  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.5)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()

    import govstat

    texts = build_corpus(args.mb)
    mb = corpus_mb(texts)
    govstat.extract_text(texts[0])
    gc.collect()
    gc.disable()
    for text in texts:
        govstat.extract_text(text)
    print(f"{len(texts)} documents: cyclic garbage left by extraction: {gc.collect()} objects")
    gc.enable()

    def one_pass() -> float:
        started = time.process_time()
        for text in texts:
            govstat.extract_text(text)
        return mb / (time.process_time() - started)

    for round_ in range(1, args.rounds + 1):
        on = one_pass()
        gc.disable()
        off = one_pass()
        gc.enable()
        print(f"round {round_}: collector on {on:.2f} MB/s, off {off:.2f} MB/s")


if __name__ == "__main__":
    main()
