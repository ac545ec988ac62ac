#!/usr/bin/env python
"""Instruction count of one pipeline stage alone over `build_corpus(1)`, under callgrind.

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        --collect-atstart=no --toggle-collect=ffi_call \\
        .venv/bin/python bench/stage_instructions.py docinfo

Stages: normalize, docinfo, dates, sentences, sections (as `extract/pipeline.py` calls
them). The inputs of each stage are made before the count; a first pass fills
every cache; the second pass runs inside `instructions.inside_ffi_call`.
`--seconds` prints the CPU seconds of the counted pass instead (no valgrind).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from instructions import inside_ffi_call  # noqa: E402
from throughput import build_corpus  # noqa: E402

import govstat  # noqa: E402
from govstat.extract import docinfo, sections  # noqa: E402
from govstat.extract.dates import find_date_spans  # noqa: E402
from govstat.extract.exclusions import Exclusions  # noqa: E402
from govstat.extract.normalize import NormalizedText  # noqa: E402
from govstat.extract.sentences import split_sentences  # noqa: E402
from govstat.extract.statistics import find_statistics_and_dates  # noqa: E402


def stage(name: str, texts: list[str]):
    """A callable running stage `name` over every text, its inputs made beforehand."""
    normalized = [NormalizedText(t) for t in texts]
    if name == "normalize":
        return lambda: [NormalizedText(t).simplified for t in texts]
    if name == "docinfo":
        return lambda: [docinfo.infer_document_info(t, n.simplified) for t, n in zip(texts, normalized)]
    if name == "sentences":
        return lambda: [split_sentences(n.simplified) for n in normalized]
    if name == "sections":
        found = [find_statistics_and_dates(n, report_year=None)[0] for n in normalized]
        return lambda: [sections.assign_sections(t, n.simplified, m) for t, n, m in zip(texts, normalized, found)]
    if name == "dates":
        blocked = [Exclusions(n.norm).identifiers.overlaps for n in normalized]
        years = [docinfo.infer_document_info(t, n.simplified).year for t, n in zip(texts, normalized)]
        return lambda: [find_date_spans(n.norm, y, blocked=b) for n, y, b in zip(normalized, years, blocked)]
    raise SystemExit(f"unknown stage {name}")


def main(name: str, seconds: bool) -> None:
    texts = build_corpus(1)
    for text in texts[:5]:  # warm-up: imports and the common patterns
        govstat.extract_text(text)
    work = stage(name, texts)
    work()  # every pattern compiled, every cache filled
    if seconds:
        best = min(_timed(work) for _ in range(3))
        print(f"{name}: {best:.3f} s CPU (best of 3)")
        return
    inside_ffi_call(lambda: work() and None)


def _timed(work) -> float:
    t = time.process_time()
    work()
    return time.process_time() - t


if __name__ == "__main__":
    main(sys.argv[1], "--seconds" in sys.argv)
