"""`govstat eval`: score the extractor on a gold directory (SPEC §8) or a probe file.

Layout: optional error listing, then the per-document table, then a summary
block of at most 12 lines, last, because hooks show only the tail.
"""

from __future__ import annotations

import json

import click

from ..errors import GovstatError
from .scoring import DOC_FIELDS, Counts, DocScore, Ratio, Report, ScoreError, evaluate_dirs


def _f(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _prf(label: str, c: Counts) -> str:
    return (
        f"{label:<11}P {_f(c.precision)}  R {_f(c.recall)}  F1 {_f(c.f1)}"
        f"   (tp {c.tp}, pred {c.predicted}, gold {c.gold})"
    )


def _ratio(r: Ratio) -> str:
    return f"{_f(r.rate)} ({r.hits}/{r.total})"


def _num(v) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return "None" if v is None else str(v)


def _value(m: dict | None) -> str:
    if not m:
        return ""
    v = _num(m.get("value"))
    if m.get("value_max") is not None:
        v += "–" + _num(m.get("value_max"))
    return f"{v} {m.get('unit')}"


def _where(m: dict) -> str:
    return f"[{m.get('start')}:{m.get('end')}] {m.get('text', '')}"


def format_error(e: ScoreError) -> str:
    """One error on one line: kind, span, gold vs predicted, context."""
    ctx = f"   {e.context}" if e.context else ""
    if e.kind == "missed":
        return f"  missed       {_where(e.gold)}  gold {_value(e.gold)}{ctx}"
    if e.kind == "spurious":
        return f"  spurious     {_where(e.predicted)}  pred {_value(e.predicted)}{ctx}"
    if e.kind == "value":
        return (
            f"  value-wrong  {_where(e.gold)}  gold {_value(e.gold)} | pred {_value(e.predicted)}"
            f" ({e.predicted.get('text', '')}){ctx}"
        )
    if e.kind == "attribute":
        return f"  attribute    {_where(e.gold)}  {e.detail}{ctx}"
    if e.kind == "date-missed":
        return f"  date-missed  {_where(e.gold)}  gold {e.gold.get('iso')}{ctx}"
    if e.kind == "date-spurious":
        return f"  date-spur.   {_where(e.predicted)}  pred {e.predicted.get('iso')}{ctx}"
    if e.kind == "date-iso":
        return f"  date-wrong   {_where(e.gold)}  gold {e.gold.get('iso')} | pred {e.predicted.get('iso')}{ctx}"
    if e.kind == "span":
        return f"  span         {_where(e.gold)}  pred {_where(e.predicted)}{ctx}"
    if e.kind == "field":
        return f"  field        {e.detail}: gold {e.gold.get(e.detail)!r} | pred {e.predicted.get(e.detail)!r}"
    return f"  {e.kind} {e.gold} {e.predicted}"


def print_errors(docs: list[DocScore]) -> None:
    for doc in docs:
        if not doc.errors:
            continue
        head = f"## {doc.doc_id}  (gold {doc.gold_mentions}, pred {doc.predicted_mentions})"
        if doc.failed:
            head += f"  EXTRACTION FAILED: {doc.failed}"
        click.echo(head)
        for e in doc.errors:
            click.echo(format_error(e))
        click.echo()


def print_table(docs: list[DocScore]) -> None:
    click.echo(f"{'id':<10}{'gold':>5}{'pred':>5}{'det F1':>8}{'val F1':>8}{'date F1':>8}{'fields':>8}")
    for doc in docs:
        fields = f"{doc.fields_right}/{len(doc.fields)}"
        mark = "  FAILED" if doc.failed else ""
        click.echo(
            f"{doc.doc_id:<10}{doc.gold_mentions:>5}{doc.predicted_mentions:>5}"
            f"{doc.detection.f1:>8.3f}{doc.value.f1:>8.3f}{doc.dates.f1:>8.3f}{fields:>8}{mark}"
        )


def summary_lines(report: Report) -> list[str]:
    """The closing summary: at most 12 lines with every headline number."""
    s = report.scores
    acc, false = s.accuracy, s.false_assignment
    fields = [f"{name} {s.fields[name].hits}/{s.fields[name].total}" for name in DOC_FIELDS]
    half = (len(fields) + 1) // 2
    lines = [
        f"== govstat eval: {s.documents} documents, {s.failed} failed (micro-averages) ==",
        _prf("value", s.value),
        _prf("detection", s.detection),
        _prf("dates", s.dates),
        _prf("date spans", s.date_spans),
        f"{'accuracy':<11}approx {_ratio(acc['approx'])}  change {_ratio(acc['change'])}",
        f"{'indicator':<11}accuracy {_ratio(acc['indicator'])}  false-assignment {_ratio(false['indicator'])}",
        f"{'doc fields':<11}{_ratio(s.fields_overall)}",
        "  " + "  ".join(fields[:half]),
        "  " + "  ".join(fields[half:]),
    ]
    return lines


def probe_summary_lines(report) -> list[str]:
    """The summary of `eval --probes`: every headline number in 8 lines."""
    s, m, ind, d = report.scores, report.summary()["mentions"], report.indicator, report.dates
    mentions = (
        f"expected {m['expected']}  found {m['found']}  missed {m['missed']}"
        f"  spurious {m['spurious']}  span differs {m['span_differs']}"
    )
    dates = (
        f"expected {s.date_spans.gold}  right {d['right']}  wrong {d['wrong']}  missed {d['missed']}"
        f"  spurious {d['spurious']}   (unscored: {report.dates_unscored} sentence(s) marked ?)"
    )
    right = f"right code {ind['right']}, right null {ind['right_null']}"
    wrong = (
        f"wrong code {ind['wrong_code']}, missing code {ind['missing_code']}"
        f", code where null expected {ind['code_where_null']}"
    )
    return [
        f"== govstat eval --probes {report.path}: {report.sentences} sentences ==",
        f"{'sentences':<11}{report.sentences_right}/{report.sentences} fully right",
        f"{'mentions':<11}{mentions}",
        _prf("value", s.value),
        f"{'accuracy':<11}approx {_ratio(report.approx)}  change {_ratio(report.change)}   (over found mentions)",
        f"{'indicator':<11}accuracy {_ratio(report.indicator_accuracy)}: {right}",
        f"{'':<11}{wrong}",
        f"{'dates':<11}{dates}",
    ]


def _items(items: list[dict] | None, dates: bool = False) -> str:
    if items is None:
        return "(not scored)"
    if dates:
        return "; ".join(f"{d['text']}={d['iso']}" for d in items) or "-"
    out = []
    for x in items:
        extra = [x.get(k) for k in ("approx", "change") if x.get(k)]
        extra.append(x.get("indicator") or "-")
        out.append(f"{x['text']}={_value(x)} {' '.join(extra)}")
    return "; ".join(out) or "-"


def print_probe_errors(report) -> None:
    """Each failing probe: id, sentence, expected vs got, then what differs."""
    for r in report.failing:
        click.echo(f"## {r.probe.id} (line {r.probe.line})  {r.probe.sentence}")
        click.echo(f"  expected  {_items(r.probe.mentions)}  | dates {_items(r.probe.dates, True)}")
        got_dates = r.predicted_dates if r.probe.dates is not None else None
        click.echo(f"  got       {_items(r.predicted_mentions)}  | dates {_items(got_dates, True)}")
        for e in r.score.errors:
            click.echo(format_error(e))
        click.echo()


def _run_probes(path, show_errors, as_json):
    from .probes import score_probes

    report = score_probes(path)
    if as_json:
        click.echo(json.dumps(report.to_dict(with_errors=show_errors), ensure_ascii=False, indent=2))
        return
    if show_errors:
        print_probe_errors(report)
    for line in probe_summary_lines(report):
        click.echo(line)


@click.command("eval")
@click.option("--gold", "gold_dir", help="Directory of gold annotations <id>.json (with --reports).")
@click.option("--reports", "reports_dir", help="Directory of reports <id>.txt/.html/.docx/.pdf (with --gold).")
@click.option("--probes", "probes_file", help="A probe file (corpus/probes/*.tsv) instead of --gold/--reports.")
@click.option("--errors", "show_errors", is_flag=True, help="List every missed, spurious and wrong mention and date.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_command(gold_dir, reports_dir, probes_file, show_errors, as_json):
    """Score the extractor against gold annotations (SPEC §8) or a probe file.

    With --gold/--reports: pairs GOLD/<id>.json with REPORTS/<id>.* and prints
    a per-document table followed by a summary (value, detection and dates
    P/R/F1, attribute accuracies, document-field accuracy). Accuracies are
    over value-correct pairs whose gold field is set; indicator
    false-assignment is over value-correct pairs whose gold indicator is null.

    With --probes FILE: runs each probe sentence and prints sentences fully
    right, mentions found/missed/spurious, value F1, approx/change accuracy,
    indicator accuracy with its error kinds, and dates (corpus/probes/README.md).
    """
    if probes_file is not None:
        if gold_dir is not None or reports_dir is not None:
            raise GovstatError("eval: give either --probes FILE or --gold DIR --reports DIR, not both")
        _run_probes(probes_file, show_errors, as_json)
        return
    if gold_dir is None or reports_dir is None:
        raise GovstatError("eval: give --gold DIR and --reports DIR, or --probes FILE")

    def on_failure(doc_id, path, message):
        click.echo(f"govstat: warning: {path}: extraction failed, counted as all missed: {message}", err=True)

    report = evaluate_dirs(gold_dir, reports_dir, on_failure=on_failure)
    if as_json:
        click.echo(json.dumps(report.to_dict(with_errors=show_errors), ensure_ascii=False, indent=2))
        return
    if show_errors:
        print_errors(report.docs)
    print_table(report.docs)
    click.echo()
    for line in summary_lines(report):
        click.echo(line)
