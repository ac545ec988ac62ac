"""Human-readable views of one extracted report: a terminal table and an HTML page."""

from __future__ import annotations

import html

from .model import Document

TABLE_COLUMNS = ("text", "value", "unit", "kind", "approx", "change", "indicator", "subject")


def _fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.6g}" if abs(value) < 1e15 else str(value)
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def render_table(doc: Document, console=None) -> None:
    """A rich table of the mentions (and a short one of the dates)."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    info = doc.info
    place = "".join(x for x in (info.province, info.city if info.city != info.province else None, info.county) if x)
    console.print(
        f"[bold]{info.title or info.source or ''}[/bold]  "
        f"{info.organization or ''} {place} {info.year or ''} {info.period or ''} {info.doc_type or ''}".strip()
    )
    table = Table(show_lines=False)
    for col in TABLE_COLUMNS:
        table.add_column(col, justify="right" if col == "value" else "left", overflow="fold")
    for m in doc.mentions:
        value = _fmt(m.value) + (f"–{_fmt(m.value_max)}" if m.value_max is not None else "")
        table.add_row(m.text, value, m.unit or "", m.kind or "", m.approx or "", m.change or "",
                      m.indicator or "", m.subject or "")
    console.print(table)
    if doc.dates:
        dates = Table(show_lines=False)
        for col in ("date", "iso", "year inferred"):
            dates.add_column(col)
        for d in doc.dates:
            dates.add_row(d.text, d.iso, "yes" if d.year_inferred else "")
        console.print(dates)
    console.print(f"{len(doc.mentions)} statistics, {len(doc.dates)} dates")


_STYLE = """
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;max-width:60em;margin:2em auto;line-height:1.9;color:#222}
pre{white-space:pre-wrap;font-family:inherit}
mark.stat{background:#ffe08a;border-radius:3px;padding:0 2px;cursor:help}
mark.stat[data-indicator]{background:#a8e6a1}
mark.date{background:#cfe3ff;border-radius:3px;padding:0 2px;cursor:help}
header{border-bottom:1px solid #ddd;margin-bottom:1em}
.legend mark{margin-right:1em}
"""


def _tooltip(m) -> str:
    value = _fmt(m.value) + (f"–{_fmt(m.value_max)}" if m.value_max is not None else "")
    parts = [f"{value} {m.unit or ''}".strip(), m.kind or ""]
    for label, field in (("approx", m.approx), ("change", m.change), ("indicator", m.indicator),
                         ("subject", m.subject), ("scope", m.scope), ("section", m.section)):
        if field:
            parts.append(f"{label}: {field}")
    return " · ".join(p for p in parts if p)


def render_html(doc: Document) -> str:
    """The report text with every statistic and date highlighted; values show on hover.

    Report text is always escaped: a page saved from the web may contain markup.
    """
    marks = [(m.start, m.end, "stat", _tooltip(m), m.indicator) for m in doc.mentions]
    marks += [(d.start, d.end, "date", f"{d.iso}" + (" (year inferred)" if d.year_inferred else ""), None)
              for d in doc.dates]
    marks.sort()
    out, cursor = [], 0
    for start, end, cls, tip, indicator in marks:
        if start < cursor:
            continue
        out.append(html.escape(doc.text[cursor:start]))
        extra = f' data-indicator="{html.escape(indicator)}"' if indicator else ""
        out.append(f'<mark class="{cls}" title="{html.escape(tip)}"{extra}>{html.escape(doc.text[start:end])}</mark>')
        cursor = end
    out.append(html.escape(doc.text[cursor:]))
    title = html.escape(doc.info.title or doc.info.source or "govstat")
    return (
        f'<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_STYLE}</style></head><body><header><h1>{title}</h1>"
        f'<p class="legend"><mark class="stat">statistic</mark><mark class="stat" data-indicator="x">'
        f'statistic with indicator</mark><mark class="date">date</mark> '
        f"{len(doc.mentions)} statistics, {len(doc.dates)} dates. Hover a mark for its value.</p></header>"
        f"<pre>{''.join(out)}</pre></body></html>"
    )
