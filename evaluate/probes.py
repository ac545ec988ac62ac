"""Probe files: one-sentence cases with expected mentions and dates.

A probe file (`corpus/probes/*.tsv`, format in `corpus/probes/README.md`) holds
lines `id<TAB>sentence<TAB>mentions<TAB>dates`. Each sentence is extracted
after the title line `TITLE` (report year 2023), and only what lies inside the
sentence is scored, with `scoring.score_document` (SPEC §8 pairing, value
match, date iso). On top of that come the breakdowns a probe set is for::

    from govstat.evaluate.probes import score_probes
    report = score_probes("corpus/probes/heldout-2026-11.tsv")
    report.scores.value.f1, report.indicator_accuracy, report.indicator

* a sentence is fully right when it has no error at all (every span equal too);
* approx / change / indicator are compared over every paired mention (not only
  value-correct ones, and a right null counts as right), so the indicator
  splits into right code, right null, wrong code, missing code and code where
  null was expected; SPEC §8's accuracy and false-assignment follow from these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GovstatError
from .scoring import DocScore, Ratio, Scores, ScoreError, _as_dict, aggregate, pair_spans, score_document

TITLE = "某市机关事务管理局2023年工作总结"
OFFSET = len(TITLE) + 1  # the sentence starts after the title and a newline
APPROX = {"about", "over", "under"}
CHANGE = {"increase", "decrease"}
INDICATOR_KINDS = ["right", "right_null", "wrong_code", "missing_code", "code_where_null"]


class ProbeFormatError(GovstatError):
    """A probe line that cannot be read: the message names the file and line."""


@dataclass(slots=True)
class Probe:
    """One probe: spans of the expected mentions and dates index `sentence`.

    `dates` is None when the line says `?` (dates not scored).
    """

    id: str
    sentence: str
    mentions: list[dict]
    dates: list[dict] | None
    line: int = 0


# --- reading -------------------------------------------------------------------


def _null(x: str) -> str | None:
    x = x.strip()
    return None if x in ("", "-") else x


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"value {text!r} is not a number") from None


def _locate(sentence: str, text: str, pos: int, what: str) -> int:
    """Where `text` stands: from `pos` on (repeats match in order), else anywhere."""
    if not text:
        raise ValueError(f"empty {what} text")
    i = sentence.find(text, pos)
    if i < 0:
        i = sentence.find(text)
    if i < 0:
        raise ValueError(f"{what} {text!r} is not in the sentence")
    return i


def _items(field_text: str) -> list[str]:
    if field_text.strip() in ("", "-"):
        return []
    return [x for x in field_text.split(";;") if x.strip()]


def _mentions(sentence: str, field_text: str) -> list[dict]:
    out, pos = [], 0
    for item in _items(field_text):
        parts = item.split("|")
        if len(parts) != 6:
            raise ValueError(f"mention {item!r} has {len(parts)} fields, not 6 (text|value|unit|approx|change|indicator)")
        text, value, unit, approx, change, indicator = parts
        lo, sep, hi = value.partition("~")
        approx, change = _null(approx), _null(change)
        if approx not in APPROX | {None}:
            raise ValueError(f"approx {approx!r} is not one of about, over, under, -")
        if change not in CHANGE | {None}:
            raise ValueError(f"change {change!r} is not one of increase, decrease, -")
        i = _locate(sentence, text, pos, "mention")
        pos = i + len(text)
        out.append(
            {
                "start": i,
                "end": pos,
                "text": text,
                "value": _number(lo),
                "value_max": _number(hi) if sep else None,
                "unit": _null(unit),
                "approx": approx,
                "change": change,
                "indicator": _null(indicator),
            }
        )
    return out


def _dates(sentence: str, field_text: str) -> list[dict] | None:
    if field_text.strip() == "?":
        return None
    out, pos = [], 0
    for item in _items(field_text):
        text, sep, iso = item.partition("=")
        if not sep or not iso.strip():
            raise ValueError(f"date {item!r} is not text=iso")
        i = _locate(sentence, text, pos, "date")
        pos = i + len(text)
        out.append({"start": i, "end": pos, "text": text, "iso": iso.strip()})
    return out


def parse_probe_line(line: str, lineno: int = 0) -> Probe:
    """One line -> Probe; a malformed line raises ValueError (no file name)."""
    parts = line.rstrip("\r\n").split("\t")
    if len(parts) != 4:
        raise ValueError(f"{len(parts)} tab-separated fields, not 4 (id, sentence, mentions, dates)")
    pid, sentence, mentions, dates = parts
    if not pid.strip() or not sentence.strip():
        raise ValueError("empty id or sentence")
    return Probe(pid.strip(), sentence, _mentions(sentence, mentions), _dates(sentence, dates), lineno)


def load_probes(path) -> list[Probe]:
    """Every probe of a file; blank lines and `#` lines are skipped.

    A missing or undecodable file, a malformed line or a repeated id raises
    `ProbeFormatError` naming the file (and line).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as err:
        raise ProbeFormatError(f"{path}: cannot read probe file ({err.strerror or err})") from None
    except UnicodeDecodeError as err:
        raise ProbeFormatError(f"{path}: not UTF-8 ({err.reason})") from None
    probes, seen = [], {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            probe = parse_probe_line(line, lineno)
        except ValueError as err:
            raise ProbeFormatError(f"{path}:{lineno}: {err}") from None
        if probe.id in seen:
            raise ProbeFormatError(f"{path}:{lineno}: id {probe.id} already used on line {seen[probe.id]}")
        seen[probe.id] = lineno
        probes.append(probe)
    if not probes:
        raise ProbeFormatError(f"{path}: no probes")
    return probes


# --- scoring -------------------------------------------------------------------


@dataclass(slots=True)
class ProbeResult:
    """One probe, what was predicted inside its sentence, and its scores."""

    probe: Probe
    predicted_mentions: list[dict]
    predicted_dates: list[dict]
    score: DocScore
    indicator: dict[str, int] = field(default_factory=dict)
    approx: Ratio = field(default_factory=Ratio)
    change: Ratio = field(default_factory=Ratio)
    span_diff: int = 0

    @property
    def right(self) -> bool:
        return not self.score.errors

    def to_dict(self) -> dict:
        return {
            "id": self.probe.id,
            "line": self.probe.line,
            "sentence": self.probe.sentence,
            "right": self.right,
            "expected": {"mentions": self.probe.mentions, "dates": self.probe.dates},
            "got": {"mentions": self.predicted_mentions, "dates": self.predicted_dates},
            "errors": [e.to_dict() for e in self.score.errors],
        }


def indicator_kind(expected: str | None, got: str | None) -> str:
    """Which of INDICATOR_KINDS a (expected, predicted) indicator pair is."""
    if expected:
        if got == expected:
            return "right"
        return "wrong_code" if got else "missing_code"
    return "code_where_null" if got else "right_null"


def _inside(items: list[dict], length: int, keys: tuple[str, ...]) -> list[dict]:
    """Predicted items overlapping the sentence, offsets made sentence-relative."""
    out = []
    for item in items:
        start, end = item["start"] - OFFSET, item["end"] - OFFSET
        if end <= 0 or start >= length:
            continue
        out.append({"start": start, "end": end, **{k: item.get(k) for k in keys}})
    return out


MENTION_KEYS = ("text", "value", "value_max", "unit", "approx", "change", "indicator")


def score_probe(probe: Probe, predicted: dict) -> ProbeResult:
    """Score one probe against a SPEC §2 dict extracted from TITLE + newline + sentence."""
    n = len(probe.sentence)
    pred_m = _inside(predicted.get("mentions") or [], n, MENTION_KEYS)
    pred_d = _inside(predicted.get("dates") or [], n, ("text", "iso"))
    scored_dates = probe.dates is not None
    gold = {"mentions": probe.mentions, "dates": probe.dates if scored_dates else []}
    pred = {"mentions": pred_m, "dates": pred_d if scored_dates else []}
    score = score_document(gold, pred, doc_id=probe.id, text=probe.sentence)
    result = ProbeResult(probe, pred_m, pred_d, score, indicator=dict.fromkeys(INDICATOR_KINDS, 0))
    for gi, pi in pair_spans(probe.mentions, pred_m):
        g, p = probe.mentions[gi], pred_m[pi]
        if (g["start"], g["end"]) != (p["start"], p["end"]):
            result.span_diff += 1
            score.errors.append(ScoreError("span", g, p, None, f"{g['text']} → {p['text']}"))
        result.approx.add(g["approx"] == p["approx"])
        result.change.add(g["change"] == p["change"])
        result.indicator[indicator_kind(g["indicator"], p["indicator"])] += 1
    return result


@dataclass(slots=True)
class ProbeReport:
    """What `score_probes` returns: per-probe results and their totals."""

    path: str
    results: list[ProbeResult]
    scores: Scores  # scoring.aggregate over the probes (detection, value, dates)
    indicator: dict[str, int]
    approx: Ratio
    change: Ratio
    span_diff: int = 0

    @property
    def sentences(self) -> int:
        return len(self.results)

    @property
    def sentences_right(self) -> int:
        return sum(r.right for r in self.results)

    @property
    def failing(self) -> list[ProbeResult]:
        return [r for r in self.results if not r.right]

    @property
    def dates_unscored(self) -> int:
        return sum(r.probe.dates is None for r in self.results)

    @property
    def indicator_accuracy(self) -> Ratio:
        """Right code or right null, over every paired mention."""
        return Ratio(self.indicator["right"] + self.indicator["right_null"], sum(self.indicator.values()))

    @property
    def dates(self) -> dict[str, int]:
        """right / wrong (paired, other iso) / missed / spurious."""
        spans, iso = self.scores.date_spans, self.scores.dates
        return {"right": iso.tp, "wrong": spans.tp - iso.tp, "missed": spans.fn, "spurious": spans.fp}

    def summary(self) -> dict:
        det = self.scores.detection
        return {
            "file": self.path,
            "sentences": self.sentences,
            "sentences_right": self.sentences_right,
            "mentions": {
                "expected": det.gold,
                "predicted": det.predicted,
                "found": det.tp,
                "missed": det.fn,
                "spurious": det.fp,
                "span_differs": self.span_diff,
            },
            "detection": det.to_dict(),
            "value": self.scores.value.to_dict(),
            "approx": self.approx.to_dict(),
            "change": self.change.to_dict(),
            "indicator": {"accuracy": self.indicator_accuracy.to_dict(), **self.indicator},
            "dates": {**self.dates, "expected": self.scores.date_spans.gold, "unscored_sentences": self.dates_unscored},
        }

    def to_dict(self, with_errors: bool = False) -> dict:
        out = {"summary": self.summary(), "failing": [r.probe.id for r in self.failing]}
        if with_errors:
            out["errors"] = [r.to_dict() for r in self.failing]
        return out


def score_probes(path, extractor=None) -> ProbeReport:
    """Extract and score every probe of `path`.

    `extractor(text)` returns a `Document` or a SPEC §2 dict (default
    `govstat.extract_text`); it gets TITLE, a newline and the sentence.
    """
    probes = load_probes(path)
    if extractor is None:
        from .. import extract_text as extractor

    results = [score_probe(p, _as_dict(extractor(TITLE + "\n" + p.sentence))[0]) for p in probes]
    indicator = dict.fromkeys(INDICATOR_KINDS, 0)
    approx, change = Ratio(), Ratio()
    for r in results:
        for kind, n in r.indicator.items():
            indicator[kind] += n
        approx, change = approx + r.approx, change + r.change
    return ProbeReport(
        path=str(path),
        results=results,
        scores=aggregate([r.score for r in results]),
        indicator=indicator,
        approx=approx,
        change=change,
        span_diff=sum(r.span_diff for r in results),
    )
