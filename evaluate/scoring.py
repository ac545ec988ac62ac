"""The SPEC §8 scorer: gold vs predicted SPEC §2 dicts -> counts, rates, errors.

Pure functions over plain dicts, so benchmarks can score any extractor (ours,
a peer's, a saved JSON file) the same way::

    from govstat.evaluate.scoring import score_document, aggregate, evaluate_dirs
    doc = score_document(gold, predicted, doc_id="s000", text=report_text)
    doc.value.f1                      # the headline for one document
    scores = aggregate([doc, ...])    # micro-averages over documents
    report = evaluate_dirs("corpus/annotations", "corpus/reports")
    report.scores.value.f1, report.scores.dates.f1

Definitions (SPEC §8):

* Pairing: a predicted and a gold span pair when they overlap; pairs are made
  one-to-one, greedily by overlap length (ties: the pair whose ends are
  closest, then document order).
* detection: paired = true positive, unpaired gold = miss, unpaired predicted
  = false positive.
* value (the headline): only pairs whose `value` and `value_max` agree within
  1e-6 relative and whose `unit` is equal (None == None) are true positives;
  every other predicted mention is a false positive and every other gold
  mention a miss (a value-wrong pair counts once as each).
* approx / change / indicator accuracy: over value-correct pairs whose gold
  field is not null; correct when the predicted field is equal.
  False-assignment rate of a field: over value-correct pairs whose gold field
  IS null, the share where the prediction is not null.
* dates: paired the same way; `date_spans` is detection P/R/F1, `dates` (the
  "dates F1") counts only pairs with equal `iso` as true positives.
* document fields: each of DOC_FIELDS compared exactly (None == None).

Zero denominators never raise: P/R/F1 of a document with nothing to find and
nothing found is 1.0; otherwise an empty denominator gives 0.0. Accuracies
with an empty denominator are None (shown as "n/a").
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

DOC_FIELDS = [
    "title",
    "organization",
    "province",
    "city",
    "county",
    "level",
    "year",
    "period",
    "published",
    "doc_type",
]
ATTRIBUTES = ["approx", "change", "indicator"]
REL_TOL = 1e-6
CONTEXT = 20  # characters of context either side in error listings


@dataclass(slots=True)
class Counts:
    """True positives, false positives, false negatives -> P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        if self.predicted:
            return self.tp / self.predicted
        return 1.0 if not self.gold else 0.0

    @property
    def recall(self) -> float:
        if self.gold:
            return self.tp / self.gold
        return 1.0 if not self.predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(slots=True)
class Ratio:
    """`hits` out of `total`; `rate` is None when there is nothing to count."""

    hits: int = 0
    total: int = 0

    @property
    def rate(self) -> float | None:
        return self.hits / self.total if self.total else None

    def add(self, hit: bool) -> None:
        self.total += 1
        self.hits += int(bool(hit))

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total)

    def to_dict(self) -> dict:
        return {"rate": self.rate, "hits": self.hits, "total": self.total}


@dataclass(slots=True)
class ScoreError:
    """One thing the extractor got wrong, for `govstat eval --errors`.

    kind: missed | spurious | value | attribute (mentions);
    date-missed | date-spurious | date-iso (dates); field (document fields).
    """

    kind: str
    gold: dict | None = None
    predicted: dict | None = None
    context: str | None = None
    detail: str | None = None

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "gold": self.gold,
            "predicted": self.predicted,
            "context": self.context,
            "detail": self.detail,
        }


def _attribute_ratios() -> dict[str, Ratio]:
    return {name: Ratio() for name in ATTRIBUTES}


@dataclass(slots=True)
class DocScore:
    """The scores of one document (all counts, so documents can be summed)."""

    doc_id: str
    gold_mentions: int = 0
    predicted_mentions: int = 0
    detection: Counts = field(default_factory=Counts)
    value: Counts = field(default_factory=Counts)
    accuracy: dict[str, Ratio] = field(default_factory=_attribute_ratios)
    false_assignment: dict[str, Ratio] = field(default_factory=_attribute_ratios)
    date_spans: Counts = field(default_factory=Counts)
    dates: Counts = field(default_factory=Counts)
    fields: dict[str, bool] = field(default_factory=dict)
    errors: list[ScoreError] = field(default_factory=list)
    failed: str | None = None  # why extraction failed (then all is missed)

    @property
    def fields_right(self) -> int:
        return sum(self.fields.values())

    def to_dict(self, with_errors: bool = False) -> dict:
        out = {
            "id": self.doc_id,
            "gold_mentions": self.gold_mentions,
            "predicted_mentions": self.predicted_mentions,
            "detection": self.detection.to_dict(),
            "value": self.value.to_dict(),
            "accuracy": {k: v.to_dict() for k, v in self.accuracy.items()},
            "false_assignment": {k: v.to_dict() for k, v in self.false_assignment.items()},
            "date_spans": self.date_spans.to_dict(),
            "dates": self.dates.to_dict(),
            "fields": dict(self.fields),
            "fields_right": self.fields_right,
            "fields_total": len(self.fields),
            "failed": self.failed,
        }
        if with_errors:
            out["errors"] = [e.to_dict() for e in self.errors]
        return out


@dataclass(slots=True)
class Scores:
    """Micro-averages over documents: counts summed, then rates computed."""

    documents: int = 0
    failed: int = 0
    detection: Counts = field(default_factory=Counts)
    value: Counts = field(default_factory=Counts)
    accuracy: dict[str, Ratio] = field(default_factory=_attribute_ratios)
    false_assignment: dict[str, Ratio] = field(default_factory=_attribute_ratios)
    date_spans: Counts = field(default_factory=Counts)
    dates: Counts = field(default_factory=Counts)
    fields: dict[str, Ratio] = field(default_factory=lambda: {f: Ratio() for f in DOC_FIELDS})

    @property
    def fields_overall(self) -> Ratio:
        total = Ratio()
        for ratio in self.fields.values():
            total = total + ratio
        return total

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "failed": self.failed,
            "value": self.value.to_dict(),
            "detection": self.detection.to_dict(),
            "dates": self.dates.to_dict(),
            "date_spans": self.date_spans.to_dict(),
            "accuracy": {k: v.to_dict() for k, v in self.accuracy.items()},
            "false_assignment": {k: v.to_dict() for k, v in self.false_assignment.items()},
            "fields": {k: v.to_dict() for k, v in self.fields.items()},
            "fields_overall": self.fields_overall.to_dict(),
        }


# --- pairing -----------------------------------------------------------------


def _span(item: dict) -> tuple[int, int]:
    return int(item["start"]), int(item["end"])


def pair_spans(gold: list[dict], predicted: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of overlapping spans.

    Greedy by overlap length: the longest overlap is paired first, and a span
    already paired is not paired again. Ties go to the pair whose ends are
    closest, then to the earlier gold and predicted span.
    """
    candidates = []
    gold_spans = [_span(g) for g in gold]
    pred_spans = [_span(p) for p in predicted]
    for gi, (gs, ge) in enumerate(gold_spans):
        for pi, (ps, pe) in enumerate(pred_spans):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                distance = abs(gs - ps) + abs(ge - pe)
                candidates.append((-overlap, distance, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _neg, _dist, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    pairs.sort()
    return pairs


# --- comparisons ---------------------------------------------------------------


def numbers_agree(gold, predicted) -> bool:
    """Equal within 1e-6 relative; None only agrees with None."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    try:
        return math.isclose(float(gold), float(predicted), rel_tol=REL_TOL, abs_tol=1e-12)
    except (TypeError, ValueError):
        return False


def value_correct(gold: dict, predicted: dict) -> bool:
    """SPEC §8 value match: value and value_max within 1e-6 relative, unit equal."""
    return (
        numbers_agree(gold.get("value"), predicted.get("value"))
        and numbers_agree(gold.get("value_max"), predicted.get("value_max"))
        and gold.get("unit") == predicted.get("unit")
    )


def context_of(text: str | None, start: int, end: int, width: int = CONTEXT) -> str | None:
    """`…before【span】after…` on one line (… where cut), or None without the text."""
    if text is None:
        return None
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    before = text[max(0, start - width) : start]
    after = text[end : end + width]

    def flat(s: str) -> str:
        return " ".join(s.split()) if s.strip() else s.replace("\n", " ")

    lead = "…" if start > width else ""
    tail = "…" if end + width < len(text) else ""
    return f"{lead}{flat(before)}【{text[start:end]}】{flat(after)}{tail}"


# --- scoring ---------------------------------------------------------------


def _document_part(doc: dict | None) -> dict:
    if not doc:
        return {}
    return doc.get("document") or {}


def score_document(
    gold: dict,
    predicted: dict | None,
    *,
    doc_id: str = "",
    text: str | None = None,
) -> DocScore:
    """Score one predicted SPEC §2 dict against its gold dict.

    `text` (the report text the offsets index) is used only for the context
    shown with errors; without it errors carry no context. `predicted` None
    scores as an empty extraction.
    """
    predicted = predicted or {}
    gold_m = list(gold.get("mentions") or [])
    pred_m = list(predicted.get("mentions") or [])
    score = DocScore(doc_id=doc_id, gold_mentions=len(gold_m), predicted_mentions=len(pred_m))

    pairs = pair_spans(gold_m, pred_m)
    paired_g = {gi for gi, _ in pairs}
    paired_p = {pi for _, pi in pairs}
    score.detection = Counts(tp=len(pairs), fp=len(pred_m) - len(pairs), fn=len(gold_m) - len(pairs))

    value_tp = 0
    for gi, pi in pairs:
        g, p = gold_m[gi], pred_m[pi]
        if not value_correct(g, p):
            score.errors.append(ScoreError("value", g, p, context_of(text, *_span(g))))
            continue
        value_tp += 1
        wrong = []
        for name in ATTRIBUTES:
            gv, pv = g.get(name), p.get(name)
            if gv is None:
                score.false_assignment[name].add(pv is not None)
            else:
                score.accuracy[name].add(pv == gv)
            if gv != pv:
                wrong.append(f"{name} {gv} → {pv}")
        if wrong:
            score.errors.append(ScoreError("attribute", g, p, context_of(text, *_span(g)), "; ".join(wrong)))
    score.value = Counts(tp=value_tp, fp=len(pred_m) - value_tp, fn=len(gold_m) - value_tp)
    for gi, g in enumerate(gold_m):
        if gi not in paired_g:
            score.errors.append(ScoreError("missed", g, None, context_of(text, *_span(g))))
    for pi, p in enumerate(pred_m):
        if pi not in paired_p:
            score.errors.append(ScoreError("spurious", None, p, context_of(text, *_span(p))))

    gold_d = list(gold.get("dates") or [])
    pred_d = list(predicted.get("dates") or [])
    date_pairs = pair_spans(gold_d, pred_d)
    iso_tp = 0
    for gi, pi in date_pairs:
        g, p = gold_d[gi], pred_d[pi]
        if g.get("iso") == p.get("iso"):
            iso_tp += 1
        else:
            score.errors.append(ScoreError("date-iso", g, p, context_of(text, *_span(g))))
    score.date_spans = Counts(len(date_pairs), len(pred_d) - len(date_pairs), len(gold_d) - len(date_pairs))
    score.dates = Counts(iso_tp, len(pred_d) - iso_tp, len(gold_d) - iso_tp)
    paired_gd = {gi for gi, _ in date_pairs}
    paired_pd = {pi for _, pi in date_pairs}
    for gi, g in enumerate(gold_d):
        if gi not in paired_gd:
            score.errors.append(ScoreError("date-missed", g, None, context_of(text, *_span(g))))
    for pi, p in enumerate(pred_d):
        if pi not in paired_pd:
            score.errors.append(ScoreError("date-spurious", None, p, context_of(text, *_span(p))))

    gold_doc, pred_doc = _document_part(gold), _document_part(predicted)
    for name in DOC_FIELDS:
        right = gold_doc.get(name) == pred_doc.get(name)
        score.fields[name] = right
        if not right:
            score.errors.append(
                ScoreError("field", {name: gold_doc.get(name)}, {name: pred_doc.get(name)}, detail=name)
            )
    return score


def failed_document(gold: dict, *, doc_id: str = "", reason: str, text: str | None = None) -> DocScore:
    """A report that could not be extracted: every mention and date missed, every field wrong."""
    score = score_document(gold, None, doc_id=doc_id, text=text)
    score.fields = {name: False for name in DOC_FIELDS}
    score.failed = reason
    return score


def aggregate(docs: list[DocScore]) -> Scores:
    """Micro-average: sum every count over `docs`, then compute the rates."""
    total = Scores(documents=len(docs))
    for doc in docs:
        total.failed += doc.failed is not None
        total.detection = total.detection + doc.detection
        total.value = total.value + doc.value
        total.date_spans = total.date_spans + doc.date_spans
        total.dates = total.dates + doc.dates
        for name in ATTRIBUTES:
            total.accuracy[name] = total.accuracy[name] + doc.accuracy[name]
            total.false_assignment[name] = total.false_assignment[name] + doc.false_assignment[name]
        for name in DOC_FIELDS:
            if name in doc.fields:
                total.fields[name].add(doc.fields[name])
    return total


# --- directories ---------------------------------------------------------------

# When several reports share a gold id, the first extension here wins.
REPORT_PREFERENCE = [".txt", ".html", ".htm", ".docx", ".pdf"]


@dataclass(slots=True)
class Report:
    """What `evaluate_dirs` returns: per-document scores and their micro-average."""

    docs: list[DocScore]
    scores: Scores

    @property
    def failed(self) -> dict[str, str]:
        return {d.doc_id: d.failed for d in self.docs if d.failed is not None}

    def to_dict(self, with_errors: bool = False) -> dict:
        return {
            "summary": self.scores.to_dict(),
            "documents": [d.to_dict(with_errors=with_errors) for d in self.docs],
            "failed": self.failed,
        }


def load_gold(path) -> dict:
    """Read one gold file; a missing, unreadable or malformed file is a GovstatError."""
    import json
    from pathlib import Path

    from ..errors import GovstatError

    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as err:
        raise GovstatError(f"{path}: cannot read gold file ({err.strerror or err})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise GovstatError(f"{path}: not valid JSON ({err})") from None
    if not isinstance(data, dict):
        raise GovstatError(f"{path}: not a gold annotation (expected a JSON object)")
    for key in ("mentions", "dates"):
        items = data.get(key, [])
        if not isinstance(items, list) or not all(
            isinstance(i, dict) and isinstance(i.get("start"), int) and isinstance(i.get("end"), int)
            for i in items
        ):
            raise GovstatError(f"{path}: not a gold annotation ('{key}' must be a list of spans with start/end)")
    if not isinstance(data.get("document", {}), dict):
        raise GovstatError(f"{path}: not a gold annotation ('document' must be an object)")
    return data


def find_report(reports_dir, doc_id: str, exclude=None):
    """The report `<doc_id>.*` in `reports_dir` (any extension), or None."""
    from pathlib import Path

    matches = [
        p
        for p in Path(reports_dir).iterdir()
        if p.is_file() and p.name.startswith(doc_id + ".") and p.stem == doc_id and p != exclude
    ]
    if not matches:
        return None
    rank = {ext: i for i, ext in enumerate(REPORT_PREFERENCE)}
    return min(matches, key=lambda p: (rank.get(p.suffix.lower(), len(rank)), p.name))


def _as_dict(result) -> tuple[dict, str | None]:
    """An extractor's result (a Document or a SPEC §2 dict) -> (dict, text)."""
    if isinstance(result, dict):
        return result, (result.get("document") or {}).get("text")
    return result.to_dict(), getattr(result, "text", None)


def evaluate_dirs(gold_dir, reports_dir, extractor=None, on_failure=None) -> Report:
    """Score every `gold_dir/<id>.json` against the extraction of `reports_dir/<id>.*`.

    `extractor(path)` returns a `Document` or a SPEC §2 dict (default
    `govstat.extract_file`). A missing directory, an empty gold directory, a
    gold file without a report or an unreadable gold file raises
    `GovstatError`. A report whose extraction raises is scored as all missed
    (see `failed_document`) and `on_failure(doc_id, path, message)` is called.
    """
    from pathlib import Path

    from ..errors import GovstatError

    gold_dir, reports_dir = Path(gold_dir), Path(reports_dir)
    for label, d in (("gold", gold_dir), ("reports", reports_dir)):
        if not d.exists():
            raise GovstatError(f"{d}: no such {label} directory")
        if not d.is_dir():
            raise GovstatError(f"{d}: is not a directory ({label})")
    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        raise GovstatError(f"{gold_dir}: no gold files (*.json)")
    if extractor is None:
        from .. import extract_file as extractor

    work = []
    for gold_path in gold_files:
        doc_id = gold_path.stem
        gold = load_gold(gold_path)
        report = find_report(reports_dir, doc_id, exclude=gold_path)
        if report is None:
            raise GovstatError(f"{gold_path}: no report {doc_id}.* in {reports_dir}")
        work.append((doc_id, gold, report))

    docs = []
    for doc_id, gold, report in work:
        try:
            predicted, text = _as_dict(extractor(report))
            # inside the try: a prediction without usable spans is a failed report too
            docs.append(score_document(gold, predicted, doc_id=doc_id, text=text))
        except Exception as err:  # noqa: BLE001 - one bad report must not stop the run
            message = str(err).strip().splitlines()[0] if str(err).strip() else ""
            if not isinstance(err, GovstatError):
                message = f"{type(err).__name__}: {message}" if message else type(err).__name__
            if on_failure is not None:
                on_failure(doc_id, report, message)
            docs.append(failed_document(gold, doc_id=doc_id, reason=message))
    return Report(docs=docs, scores=aggregate(docs))
