"""The dates of the 67 real corpus-extra reports, against an audit by SPEC §5.

An auditor judged every date govstat gave for these reports in the thirteenth
session, and looked for the ones it missed (corpus/extra/dates.tsv). A row is
right when govstat gives a date with exactly its span, `iso` and `year_inferred`
(a spurious row: when it gives none there). Debatable rows are not scored. A floor:
it catches a change that puts real reports' dates wrong again.
"""

from __future__ import annotations

from collections import Counter

import pytest
from audit_rows import judge, offsets_hold, read_rows

RIGHT_AT_LEAST = 206  # [206 of 206 scored rows at 2e8a298, the audit's tree]


def _right(row: dict, date: dict | None) -> bool:
    if row["verdict"] == "spurious":
        return date is None
    return date is not None and (date["iso"], str(date["year_inferred"]).lower()) == (row["iso"], row["year_inferred"])


@pytest.fixture(scope="module")
def outcome():
    rows = read_rows("dates.tsv")
    return (rows, *judge(rows, "dates", _right))


def test_the_audit_is_whole_and_well_formed(outcome):
    rows, _, _ = outcome
    assert Counter(row["verdict"] for row in rows) == {"ok": 206, "debatable": 13}
    assert offsets_hold(rows) == []


def test_real_reports_keep_their_dates(outcome):
    _, scored, wrong = outcome
    assert len(scored) - len(wrong) >= RIGHT_AT_LEAST, wrong
