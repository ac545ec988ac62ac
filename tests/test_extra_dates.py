"""The dates of the 67 real corpus-extra reports, against an audit by SPEC §5.

An auditor judged every date govstat gave for these reports in the thirteenth
session, and looked for the ones it missed (corpus/extra/dates.tsv). A row is
right when govstat gives a date with exactly its span, `iso` and `year_inferred`
(a spurious row: when it gives none there). Debatable rows are not scored. A floor:
it catches a change that puts real reports' dates wrong again.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

import govstat

EXTRA = Path(__file__).resolve().parent.parent / "corpus" / "extra"
RIGHT_AT_LEAST = 206  # [206 of 206 scored rows at 2e8a298, the audit's tree]


def _rows() -> list[dict]:
    lines = [line for line in (EXTRA / "dates.tsv").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _right(row: dict, found: dict) -> bool:
    date = found.get((int(row["start"]), int(row["end"])))
    if row["verdict"] == "spurious":
        return date is None
    return date is not None and (date["iso"], str(date["year_inferred"]).lower()) == (row["iso"], row["year_inferred"])


@pytest.fixture(scope="module")
def outcome():
    rows = _rows()
    found = {}
    for name in sorted({row["file"] for row in rows}):
        found[name] = {(d["start"], d["end"]): d for d in govstat.extract_file(EXTRA / name).to_dict()["dates"]}
    scored = [row for row in rows if row["verdict"] != "debatable"]
    wrong = [(row["file"], row["text"], row["verdict"], row["reason"]) for row in scored
             if not _right(row, found[row["file"]])]
    return rows, scored, wrong


def test_the_audit_is_whole_and_well_formed(outcome):
    rows, scored, _ = outcome
    assert Counter(row["verdict"] for row in rows) == {"ok": 206, "debatable": 13}
    for row in rows:  # offsets point at the text the row names, in the bundled copy of the report
        text = (EXTRA / row["file"]).read_text(encoding="utf-8")
        assert text[int(row["start"]):int(row["end"])] == row["text"], row


def test_real_reports_keep_their_dates(outcome):
    _, scored, wrong = outcome
    assert len(scored) - len(wrong) >= RIGHT_AT_LEAST, wrong
