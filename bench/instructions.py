#!/usr/bin/env python
"""A fixed amount of extraction work, for instruction counts under callgrind.

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        .venv/bin/python bench/instructions.py one    # import, warm-up, one pass
    … bench/instructions.py two                      # the same and a second pass

The corpus is `throughput.build_corpus(1)` (the reports repeated to ≥ 1 MB).
Seconds on this shared machine swing by 2× within minutes; instruction counts
do not. `two` minus `one` is what a pass costs once every pattern is compiled;
run both on two trees (PYTHONPATH=<a checkout's site folder>) to compare them.

One run instead of two: `pass` (the whole pass) and `stages` (every stage but
indicators: normalize, docinfo, statistics, sentences, sections) run the second
pass inside a call through libffi, so that callgrind counts only that pass:

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        --collect-atstart=no --toggle-collect=ffi_call \\
        .venv/bin/python bench/instructions.py stages
"""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import build_corpus  # noqa: E402

import govstat  # noqa: E402


def without_meaning(text: str) -> None:
    """`extract_text` up to, not including, the meaning stage (`indicators.assign_meaning`)."""
    govstat.extract_text(text, meaning=False)


def inside_ffi_call(work) -> None:
    """Run `work()` from a libc bsearch comparator: callgrind's --toggle-collect=ffi_call counts just it."""
    libc = ctypes.CDLL("libc.so.6")
    compare = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(lambda a, b: work() or 0)
    key, items = ctypes.c_int(0), (ctypes.c_int * 1)(0)
    libc.bsearch.restype = ctypes.c_void_p
    libc.bsearch(ctypes.byref(key), items, 1, ctypes.sizeof(ctypes.c_int), compare)


def main(mode: str) -> None:
    texts = build_corpus(1)
    for text in texts[:5]:  # warm-up: imports and the common patterns
        govstat.extract_text(text)
    if mode in ("pass", "stages"):
        step = govstat.extract_text if mode == "pass" else without_meaning
        for text in texts:  # a first pass outside the count: every pattern compiled, every cache filled
            step(text)
        inside_ffi_call(lambda: [step(text) for text in texts] and None)
        return
    for _ in range({"warm": 0, "one": 1, "two": 2}[mode]):
        for text in texts:
            govstat.extract_text(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "one")
