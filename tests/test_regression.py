"""The extractor on every annotated corpus report against the project's targets.

Each target is its own test, so a failure names the target that is missed.
Seeds are corpus/reports/s*.txt, dev reports h*.txt; gold is
corpus/annotations/<id>.json. The extraction runs once per session.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govstat.evaluate.command import format_error
from govstat.evaluate.scoring import aggregate, evaluate_dirs

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

# (set, metric, comparison, target)
TARGETS = [
    ("seeds", "value_f1", ">=", 0.97),
    ("seeds", "dates_f1", ">=", 0.95),
    ("seeds", "indicator_accuracy", ">=", 0.90),
    ("seeds", "indicator_false_assignment", "<=", 0.10),
    ("seeds", "doc_fields", ">=", 1.0),
    ("dev", "value_f1", ">=", 0.93),
    ("dev", "dates_f1", ">=", 0.90),
    ("dev", "indicator_accuracy", ">=", 0.85),
    ("dev", "indicator_false_assignment", "<=", 0.15),
    ("dev", "doc_fields", ">=", 0.90),
]
PREFIX = {"seeds": "s", "dev": "h"}


@pytest.fixture(scope="module")
def corpus_report():
    return evaluate_dirs(CORPUS / "annotations", CORPUS / "reports")


def measure(docs, metric):
    """(value or None, 'hits/total' explanation) of one metric over `docs`."""
    s = aggregate(docs)
    if metric == "value_f1":
        c = s.value
    elif metric == "dates_f1":
        c = s.dates
    else:
        c = None
    if c is not None:
        return c.f1, f"tp {c.tp}, pred {c.predicted}, gold {c.gold}"
    ratio = {
        "indicator_accuracy": s.accuracy["indicator"],
        "indicator_false_assignment": s.false_assignment["indicator"],
        "doc_fields": s.fields_overall,
    }[metric]
    return ratio.rate, f"{ratio.hits}/{ratio.total}"


def test_corpus_is_complete(corpus_report):
    ids = [d.doc_id for d in corpus_report.docs]
    assert sum(i.startswith("s") for i in ids) == 5
    assert sum(i.startswith("h") for i in ids) == 15


def test_no_report_fails_to_extract(corpus_report):
    assert corpus_report.failed == {}


@pytest.mark.parametrize("subset, metric, op, target", TARGETS, ids=[f"{s}-{m}" for s, m, _o, _t in TARGETS])
def test_target(corpus_report, subset, metric, op, target):
    docs = [d for d in corpus_report.docs if d.doc_id.startswith(PREFIX[subset])]
    value, detail = measure(docs, metric)
    assert value is not None, f"{subset} {metric}: nothing to measure ({detail})"
    ok = value >= target if op == ">=" else value <= target
    if not ok and metric == "doc_fields":
        wrong = [f"{d.doc_id} {format_error(e).strip()}" for d in docs for e in d.errors if e.kind == "field"]
        detail += "\n" + "\n".join(wrong[:20])
    assert ok, f"{subset} {metric} = {value:.3f} ({detail}), target {op} {target}"
