"""The statistics of the 67 real corpus-extra reports, against an audit by SPEC §3/§4/§6.

Two auditors judged every mention govstat gave for these reports in the thirteenth
session, and noted the ones it missed (corpus/extra/mentions.tsv). A row is right
when govstat gives a mention at its offsets with the value, range, unit, qualifier,
change and indicator the auditor wrote (a spurious row: when it gives none there).
Debatable rows are not scored. This is a floor, not a target: it catches a change
that puts real reports' figures or codes wrong again.
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from pathlib import Path

import pytest

import govstat

EXTRA = Path(__file__).resolve().parent.parent / "corpus" / "extra"
FIELDS = ("value", "value_max", "unit", "approx", "change", "indicator")
RIGHT_AT_LEAST = 306  # [296 of 318 scored rows at 2e8a298, the audit's tree; 306 after indicator round 12]


def _rows() -> list[dict]:
    lines = [line for line in (EXTRA / "mentions.tsv").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _same(field: str, expected: str, got) -> bool:
    if field in ("value", "value_max"):
        if expected == "" or got is None:
            return expected == "" and got is None
        return math.isclose(float(expected), got, rel_tol=1e-6)
    return (expected or None) == got


def _right(row: dict, found: dict) -> bool:
    mention = found.get((int(row["start"]), int(row["end"])))
    if row["verdict"] == "spurious":
        return mention is None
    return mention is not None and all(_same(f, row[f], mention[f]) for f in FIELDS)


@pytest.fixture(scope="module")
def outcome():
    rows = _rows()
    found: dict[str, dict] = {}
    for name in sorted({row["file"] for row in rows}):
        mentions = govstat.extract_file(EXTRA / name).to_dict()["mentions"]
        found[name] = {(m["start"], m["end"]): m for m in mentions}
    scored = [row for row in rows if row["verdict"] != "debatable"]
    wrong = [(row["file"], row["text"], row["verdict"], row["reason"]) for row in scored
             if not _right(row, found[row["file"]])]
    return rows, scored, wrong


def test_the_audit_is_whole_and_well_formed(outcome):
    rows, scored, _ = outcome
    assert Counter(row["verdict"] for row in rows) == {
        "ok": 296, "debatable": 64, "wrong": 16, "missed": 4, "spurious": 2}
    assert len(scored) == 318
    for row in rows:  # offsets point at the text the row names, in the bundled copy of the report
        text = (EXTRA / row["file"]).read_text(encoding="utf-8")
        assert text[int(row["start"]):int(row["end"])] == row["text"], row


def test_real_reports_keep_their_statistics(outcome):
    _, scored, wrong = outcome
    assert len(scored) - len(wrong) >= RIGHT_AT_LEAST, wrong
