"""Shared by the tests that score govstat against the audits of corpus/extra
(mentions.tsv, dates.tsv): reading the rows, and pairing each with what govstat
gives at its offsets."""

from __future__ import annotations

import csv
from pathlib import Path

import govstat

EXTRA = Path(__file__).resolve().parent.parent / "corpus" / "extra"


def read_rows(name: str) -> list[dict]:
    """The rows of an audit file, its `#` header lines left out."""
    lines = [line for line in (EXTRA / name).read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def judge(rows: list[dict], key: str, right) -> tuple[list[dict], list[tuple]]:
    """The scored rows (all but debatable ones) and the wrong ones among them.

    `key` is the output list (mentions or dates); `right(row, found)` says whether
    govstat's item at the row's offsets (`found`, or None) is what the row says."""
    found: dict[str, dict] = {}
    for name in sorted({row["file"] for row in rows}):
        items = govstat.extract_file(EXTRA / name).to_dict()[key]
        found[name] = {(item["start"], item["end"]): item for item in items}
    scored = [row for row in rows if row["verdict"] != "debatable"]
    wrong = [(row["file"], row["text"], row["verdict"], row["reason"]) for row in scored
             if not right(row, found[row["file"]].get((int(row["start"]), int(row["end"]))))]
    return scored, wrong


def offsets_hold(rows: list[dict]) -> list[dict]:
    """The rows whose offsets do not point at their text in the bundled copy of the report."""
    texts = {name: (EXTRA / name).read_text(encoding="utf-8") for name in {row["file"] for row in rows}}
    return [row for row in rows if texts[row["file"]][int(row["start"]):int(row["end"])] != row["text"]]
