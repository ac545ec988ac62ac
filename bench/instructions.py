#!/usr/bin/env python
"""A fixed amount of extraction work, for instruction counts under callgrind.

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        .venv/bin/python bench/instructions.py one    # import, warm-up, one pass
    … bench/instructions.py two                      # the same and a second pass

The corpus is `throughput.build_corpus(1)` (the reports repeated to ≥ 1 MB).
Seconds on this shared machine swing by 2× within minutes; instruction counts
do not. `two` minus `one` is what a pass costs once every pattern is compiled;
run both on two trees (PYTHONPATH=<a checkout's site folder>) to compare them.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import build_corpus  # noqa: E402

import govstat  # noqa: E402


def main(mode: str) -> None:
    texts = build_corpus(1)
    for text in texts[:5]:  # warm-up: imports and the common patterns
        govstat.extract_text(text)
    for _ in range({"warm": 0, "one": 1, "two": 2}[mode]):
        for text in texts:
            govstat.extract_text(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "one")
