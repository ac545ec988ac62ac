"""Score the meaning stage on gold mentions, independently of the number grammar.

Builds `Mention` objects from `corpus/annotations/*.json` (gold spans, values,
units, changes), runs `assign_meaning`, and compares indicator, subject and
cumulative with the gold. Usage:

    .venv/bin/python bench/indicators_check.py            # seeds + dev summary
    .venv/bin/python bench/indicators_check.py -v h021    # list every disagreement
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from govstat.extract.indicators import assign_meaning
from govstat.extract.model import Mention
from govstat.extract.normalize import simplify
from govstat.extract.sentences import sentence_of, split_sentences

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIELDS = ("start", "end", "text", "value", "value_max", "unit", "kind", "approx", "change")


def gold_documents(prefix: str | None = None):
    for path in sorted((CORPUS / "annotations").glob("*.json")):
        doc_id = path.stem
        if prefix and not doc_id.startswith(prefix):
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (CORPUS / "reports" / f"{doc_id}.txt").read_text(encoding="utf-8")
        yield doc_id, text, gold["mentions"]


def run(text: str, gold_mentions: list[dict]) -> list[Mention]:
    simplified = simplify(text)
    spans = split_sentences(simplified)
    mentions = [Mention(**{k: g.get(k) for k in FIELDS}) for g in gold_mentions]
    for m in mentions:
        span = sentence_of(spans, m.start)
        if span:
            m.sentence_start, m.sentence_end = span
    assign_meaning(text, simplified, mentions)
    return mentions


def score(docs) -> dict:
    c = dict(ind_total=0, ind_ok=0, null_total=0, false_assign=0, subj_total=0, subj_ok=0, subj_overlap=0,
             cum_total=0, cum_ok=0, wrong=[])
    for doc_id, text, gold in docs:
        for i, (g, m) in enumerate(zip(gold, run(text, gold))):
            if g["indicator"]:
                c["ind_total"] += 1
                c["ind_ok"] += m.indicator == g["indicator"]
            else:
                c["null_total"] += 1
                c["false_assign"] += m.indicator is not None
            if g["subject"]:
                c["subj_total"] += 1
                c["subj_ok"] += m.subject == g["subject"]
                c["subj_overlap"] += bool(m.subject) and (m.subject in g["subject"] or g["subject"] in m.subject)
            c["cum_total"] += 1
            c["cum_ok"] += m.cumulative == g["cumulative"]
            if m.indicator != g["indicator"] or m.cumulative != g["cumulative"]:
                c["wrong"].append((doc_id, i, g, m))
    return c


def summary(name: str, c: dict) -> str:
    def r(a, b):
        return f"{c[a] / c[b]:.3f} ({c[a]}/{c[b]})" if c[b] else "n/a"

    return (f"{name}: indicator accuracy {r('ind_ok', 'ind_total')}  false assignment {r('false_assign', 'null_total')}  "
            f"subject exact {r('subj_ok', 'subj_total')} overlap {r('subj_overlap', 'subj_total')}  "
            f"cumulative {r('cum_ok', 'cum_total')}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs", nargs="*", help="document ids or prefixes (default: seeds s, dev h)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list disagreements")
    args = ap.parse_args()
    sets = [(p, p) for p in args.docs] or [("seeds", "s"), ("dev", "h")]
    for name, prefix in sets:
        c = score(gold_documents(prefix))
        print(summary(name, c))
        if args.verbose:
            for doc_id, i, g, m in c["wrong"]:
                print(f"  {doc_id}[{i}] {g['text']!r}: gold {g['indicator']} cum={g['cumulative']} | "
                      f"got {m.indicator} cum={m.cumulative} subj={m.subject!r} change_of={m.change_of}")


if __name__ == "__main__":
    main()
