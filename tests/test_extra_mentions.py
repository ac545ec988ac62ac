"""The statistics of the 67 real corpus-extra reports, against an audit by SPEC §3/§4/§6.

Two auditors judged every mention govstat gave for these reports in the thirteenth
session, and noted the ones it missed (corpus/extra/mentions.tsv). A row is right
when govstat gives a mention at its offsets with the value, range, unit, qualifier,
change and indicator the auditor wrote (a spurious row: when it gives none there).
Debatable rows are not scored. This is a floor, not a target: it catches a change
that puts real reports' figures or codes wrong again.
"""

from __future__ import annotations

import math
from collections import Counter

import pytest
from audit_rows import judge, offsets_hold, read_rows

FIELDS = ("value", "value_max", "unit", "approx", "change", "indicator")
RIGHT_AT_LEAST = 306  # [306 of 318 scored rows after indicator round 12; 296 at 2e8a298, the audit's tree]


def _same(field: str, expected: str, got) -> bool:
    if field in ("value", "value_max"):
        if expected == "" or got is None:
            return expected == "" and got is None
        return math.isclose(float(expected), got, rel_tol=1e-6)
    return (expected or None) == got


def _right(row: dict, mention: dict | None) -> bool:
    if row["verdict"] == "spurious":
        return mention is None
    return mention is not None and all(_same(f, row[f], mention[f]) for f in FIELDS)


@pytest.fixture(scope="module")
def outcome():
    rows = read_rows("mentions.tsv")
    return (rows, *judge(rows, "mentions", _right))


def test_the_audit_is_whole_and_well_formed(outcome):
    rows, scored, _ = outcome
    assert Counter(row["verdict"] for row in rows) == {
        "ok": 296, "debatable": 64, "wrong": 16, "missed": 4, "spurious": 2}
    assert len(scored) == 318
    assert offsets_hold(rows) == []


def test_real_reports_keep_their_statistics(outcome):
    _, scored, wrong = outcome
    assert len(scored) - len(wrong) >= RIGHT_AT_LEAST, wrong
