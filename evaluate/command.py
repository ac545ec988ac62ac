"""`govstat eval`: score the extractor on a gold directory (SPEC §8).

Layout: optional error listing, then the per-document table, then a summary
block of at most 12 lines, last, because hooks show only the tail.
"""

from __future__ import annotations

import json

import click

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


@click.command("eval")
@click.option("--gold", "gold_dir", required=True, help="Directory of gold annotations <id>.json.")
@click.option("--reports", "reports_dir", required=True, help="Directory of reports <id>.txt/.html/.docx/.pdf.")
@click.option("--errors", "show_errors", is_flag=True, help="List every missed, spurious and wrong mention and date.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_command(gold_dir, reports_dir, show_errors, as_json):
    """Score the extractor against gold annotations (SPEC §8).

    Pairs GOLD/<id>.json with REPORTS/<id>.* and prints a per-document table
    followed by a summary (value, detection and dates P/R/F1, attribute
    accuracies, document-field accuracy). Accuracies are over value-correct
    pairs whose gold field is set; indicator false-assignment is over
    value-correct pairs whose gold indicator is null.
    """

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

