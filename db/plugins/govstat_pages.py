"""Datasette plugin: provenance pages, the comparison chart and source links.

Routes (all read-only, all HTML escaped: report text is data, never markup):
- /-/govstat/mention/<id>   one statistic with its source sentence, number highlighted
- /-/govstat/document/<id>  a whole report with every statistic highlighted
- /-/govstat/chart          one indicator (and unit) across regions and years:
                            an inline SVG line per region and the regions × years table

render_cell turns the link columns of the canned queries (`provenance`,
`document_page`, `chart`, `sources`) into links, and the `text` cells of the
`mentions` table and `statistics` view into links to their provenance page.
asgi_wrapper answers every method but GET/HEAD/OPTIONS with 405: no write endpoints.
"""

from __future__ import annotations

import math
from urllib.parse import quote, urlencode

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

PALETTE = [
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
    "#e377c2", "#17becf", "#7f7f7f", "#bcbd22", "#393b79", "#637939",
]

# rows used by the comparison (same rule as the indicator_pivot canned query)
CELL_FILTER = "m.change IS NULL AND coalesce(m.section, '') <> 'plan' AND d.year IS NOT NULL"
REGION_SQL = "coalesce(d.county, d.city, d.province, '(未知 unknown)')"


# --- formatting ------------------------------------------------------------------------


def fmt_number(value) -> str:
    """42000.0 -> '42,000'; 0.125 -> '0.125'; None -> ''."""
    if value is None:
        return ""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def highlight(text: str, spans, base: int = 0, current=None, link=None) -> Markup:
    """Escape `text` and wrap each (start, end, id, title) span in <mark>.

    Offsets are into the full document text; `base` is where `text` starts.
    Overlapping or out-of-range spans are skipped, never mangled.
    """
    out = []
    cursor = 0
    for start, end, ident, title in sorted(spans, key=lambda s: (s[0], s[1])):
        s, e = start - base, end - base
        if s < cursor or e > len(text) or s >= e:
            continue
        out.append(escape(text[cursor:s]))
        cls = "govstat-mark govstat-current" if ident == current else "govstat-mark"
        inner = escape(text[s:e])
        if link is not None and ident != current:
            inner = Markup('<a href="{}">{}</a>').format(link(ident), inner)
        out.append(Markup('<mark id="m{}" class="{}" title="{}">{}</mark>').format(ident, cls, title, inner))
        cursor = e
    out.append(escape(text[cursor:]))
    return Markup("").join(out)


def mention_title(row) -> str:
    parts = [fmt_number(row["value"])]
    if row["value_max"] is not None:
        parts[0] += "–" + fmt_number(row["value_max"])
    if row["unit"]:
        parts.append(row["unit"])
    if row["indicator"]:
        parts.append(f"[{row['indicator']}]")
    return " ".join(parts)


# --- data access -----------------------------------------------------------------------


async def _db(datasette, request):
    db = datasette.get_database()
    await datasette.ensure_permissions(request.actor, [("view-database", db.name), "view-instance"])
    return db


def _int(value, what):
    try:
        return int(value)
    except (TypeError, ValueError):
        raise NotFound(f"no such {what}: {value!r}") from None


async def _render(datasette, request, template, context):
    html = await datasette.render_template(template, context, request=request)
    # the database is immutable: pages may be cached like Datasette's own
    ttl = datasette.setting("default_cache_ttl")
    return Response.html(html, headers={"cache-control": f"max-age={ttl}"} if ttl else None)


# --- pages -----------------------------------------------------------------------------


async def mention_page(datasette, request):
    db = await _db(datasette, request)
    ident = _int(request.url_vars["id"], "statistic")
    rows = await db.execute(
        """
        SELECT m.*, i.label_zh, i.label_en, d.title, d.source, d.year, d.province, d.city, d.county,
               d.admin_code, d.organization, d.text AS doc_text,
               s.start AS s_start, s."end" AS s_end
        FROM mentions AS m JOIN documents AS d ON d.id = m.document_id
        LEFT JOIN indicators AS i ON i.code = m.indicator
        LEFT JOIN sentences AS s ON s.id = m.sentence_id
        WHERE m.id = ?
        """,
        [ident],
    )
    row = rows.first()
    if row is None:
        raise NotFound(f"no such statistic: {ident}")
    text = row["doc_text"] or ""
    start, end = row["start"], row["end"]
    s_start = row["sentence_start"] if row["sentence_start"] is not None else row["s_start"]
    s_end = row["sentence_end"] if row["sentence_end"] is not None else row["s_end"]
    if s_start is None or s_end is None or not (s_start <= start and end <= s_end):
        s_start, s_end = max(0, start - 80), min(len(text), end + 80)
    others = await db.execute(
        'SELECT id, start, "end", value, value_max, unit, indicator FROM mentions '
        'WHERE document_id = ? AND start >= ? AND "end" <= ?',
        [row["document_id"], s_start, s_end],
    )
    spans = [(o["start"], o["end"], o["id"], mention_title(o)) for o in others.rows]
    if not any(o["id"] == ident for o in others.rows):
        spans.append((start, end, ident, mention_title(row)))
    sentence = highlight(
        text[s_start:s_end], spans, base=s_start, current=ident,
        link=lambda i: datasette.urls.path(f"/-/govstat/mention/{i}"),
    )
    context = {
        "m": dict(row),
        "value_text": fmt_number(row["value"]),
        "value_max_text": fmt_number(row["value_max"]),
        "sentence_html": sentence,
        "offsets_ok": text[start:end] == row["text"],
        "document_url": datasette.urls.path(f"/-/govstat/document/{row['document_id']}") + f"#m{ident}",
        "row_url": datasette.urls.row(db.name, "mentions", str(ident)),
        "region": row["county"] or row["city"] or row["province"],
        "chart_url": _chart_url(datasette, row["indicator"], row["unit"]) if row["indicator"] else None,
    }
    return await _render(datasette, request, "govstat_mention.html", context)


async def document_page(datasette, request):
    db = await _db(datasette, request)
    ident = _int(request.url_vars["id"], "document")
    doc = (await db.execute("SELECT * FROM documents WHERE id = ?", [ident])).first()
    if doc is None:
        raise NotFound(f"no such document: {ident}")
    mentions = await db.execute(
        'SELECT id, start, "end", text, value, value_max, unit, indicator, section FROM mentions '
        "WHERE document_id = ? ORDER BY start",
        [ident],
    )
    spans = [(m["start"], m["end"], m["id"], mention_title(m)) for m in mentions.rows]
    body = highlight(
        doc["text"] or "", spans, link=lambda i: datasette.urls.path(f"/-/govstat/mention/{i}")
    )
    query_url = datasette.urls.database(db.name) + "/document_statistics?" + urlencode({"document": ident})
    context = {
        "doc": dict(doc),
        "text_html": body,
        "mention_count": len(mentions.rows),
        "query_url": query_url,
        "row_url": datasette.urls.row(db.name, "documents", str(ident)),
    }
    return await _render(datasette, request, "govstat_document.html", context)


def _chart_url(datasette, indicator, unit):
    args = {"indicator": indicator or ""}
    if unit:
        args["unit"] = unit
    return datasette.urls.path("/-/govstat/chart?" + urlencode(args))


async def chart_page(datasette, request):
    db = await _db(datasette, request)
    indicator = request.args.get("indicator") or ""
    unit = request.args.get("unit") or ""
    if "|" in indicator and not unit:  # the `chart` link column carries "indicator|unit"
        indicator, unit = indicator.split("|", 1)
    choices = await _choices(datasette, db)
    if not indicator:
        # a first visit shows the best-covered comparison instead of an empty page
        indicator, unit = await _best_comparison(datasette, db)
    if indicator and not unit:
        units = [c for c in choices if c["indicator"] == indicator]
        if units:
            unit = max(units, key=lambda c: c["n"])["unit"]
    label = next((c["label_zh"] for c in choices if c["indicator"] == indicator), None)
    cells = []
    if indicator and unit:
        result = await db.execute(
            f"""
            SELECT {REGION_SQL} AS region, d.admin_code, d.year, max(m.value) AS value, m.id AS mention_id,
                   count(*) AS n
            FROM mentions AS m JOIN documents AS d ON d.id = m.document_id
            WHERE m.indicator = ? AND m.unit = ? AND {CELL_FILTER}
            GROUP BY region, d.admin_code, d.year
            """,
            [indicator, unit],
        )
        cells = [dict(r) for r in result.rows]
    config = datasette.plugin_config("govstat") or {}
    max_series = int(config.get("chart_max_series", 12))
    table, years = pivot(cells, datasette)
    series = sorted(table, key=lambda r: (-len(r["points"]), r["region"]))[:max_series]
    svg = line_chart(series, years, unit) if cells else None
    context = {
        "indicator": indicator,
        "unit": unit,
        "label": label,
        "choices": choices,
        "years": years,
        "table": table,
        "table_html": pivot_table_html(table, years),
        "svg": svg,
        "series_count": len(series),
        "omitted": max(0, len(table) - len(series)),
        "pivot_url": datasette.urls.database(db.name)
        + "/indicator_pivot?"
        + urlencode({"indicator": indicator, "unit": unit}),
    }
    return await _render(datasette, request, "govstat_chart.html", context)


async def _choices(datasette, db):
    """(indicator, unit, count, label) pairs; cached: the database is immutable."""
    cache = datasette.__dict__.setdefault("_govstat_choices", {})
    if db.name not in cache or db.is_mutable:
        rows = await db.execute(
            "SELECT c.indicator, c.unit, c.n, i.label_zh FROM ("
            " SELECT indicator, unit, count(*) AS n FROM mentions"
            " WHERE indicator IS NOT NULL AND unit IS NOT NULL GROUP BY indicator, unit) AS c"
            " LEFT JOIN indicators AS i ON i.code = c.indicator ORDER BY c.indicator, c.n DESC"
        )
        cache[db.name] = [dict(r) for r in rows.rows]
    return cache[db.name]


async def _best_comparison(datasette, db) -> tuple[str, str]:
    """The (indicator, unit) with the most region-year cells to draw; cached."""
    cache = datasette.__dict__.setdefault("_govstat_best", {})
    if db.name not in cache or db.is_mutable:
        rows = await db.execute(
            f"""
            SELECT m.indicator, m.unit, count(DISTINCT {REGION_SQL} || '|' || d.year) AS cells
            FROM mentions AS m JOIN documents AS d ON d.id = m.document_id
            WHERE m.indicator IS NOT NULL AND m.unit IS NOT NULL AND {CELL_FILTER}
            GROUP BY m.indicator, m.unit ORDER BY cells DESC, m.indicator LIMIT 1
            """
        )
        row = rows.first()
        cache[db.name] = (row["indicator"], row["unit"]) if row else ("", "")
    return cache[db.name]


def pivot_table_html(table, years) -> Markup:
    """The regions × years table, built in Python (thousands of cells: Jinja loops are slow)."""
    head = "".join(f"<th>{y}</th>" for y in years)
    out = [f'<table class="rows-and-columns govstat-pivot"><thead><tr><th>地区 region</th><th>代码 code</th>{head}</tr></thead><tbody>']
    for row in table:
        cells = []
        for y in years:
            cell = row["cells"].get(y)
            cells.append(
                f'<td class="govstat-cell"><a href="{escape(cell["url"])}">{cell["value"]}</a></td>'
                if cell else '<td class="govstat-cell"></td>'
            )
        out.append(
            f'<tr><td class="govstat-region">{escape(row["region"])}</td><td>{escape(row["admin_code"] or "")}</td>'
            + "".join(cells) + "</tr>"
        )
    out.append("</tbody></table>")
    return Markup("".join(out))


def pivot(cells, datasette):
    """Regions × years: one row per region with a cell (value, source link) per year."""
    years = sorted({c["year"] for c in cells})
    rows: dict[tuple, dict] = {}
    for c in cells:
        key = (c["region"], c["admin_code"])
        row = rows.setdefault(key, {"region": c["region"], "admin_code": c["admin_code"], "cells": {}, "points": []})
        row["cells"][c["year"]] = {
            "value": fmt_number(c["value"]),
            "url": datasette.urls.path(f"/-/govstat/mention/{c['mention_id']}"),
            "n": c["n"],
        }
        row["points"].append((c["year"], c["value"]))
    table = sorted(rows.values(), key=lambda r: r["region"])
    for i, row in enumerate(table):
        row["points"].sort()
    return table, years


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least `top`."""
    if top <= 0:
        return [0, 1]
    raw = top / count
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    return [step * i for i in range(int(math.ceil(top / step)) + 1)]


def line_chart(series, years, unit, width=760, height=360) -> Markup:
    """An inline SVG: one polyline (with dots) per region, x = year, y = value."""
    left, right, top, bottom = 90, 170, 20, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for s in series for _, v in s["points"] if v is not None]
    ticks = nice_ticks(max(values) if values else 1)
    y_max = ticks[-1] or 1
    span = (years[-1] - years[0]) if len(years) > 1 else 1

    def x(year):
        return left + (plot_w * (year - years[0]) / span if len(years) > 1 else plot_w / 2)

    def y(value):
        return top + plot_h - plot_h * value / y_max

    parts = [
        Markup(
            '<svg class="govstat-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
            'width="{w}" height="{h}" role="img" aria-label="{label}">'
        ).format(w=width, h=height, label=f"line chart, {len(series)} regions"),
    ]
    for t in ticks:
        parts.append(
            Markup(
                '<line x1="{x1}" x2="{x2}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
                '<text x="{tx}" y="{ty:.1f}" text-anchor="end" font-size="11">{label}</text>'
            ).format(x1=left, x2=left + plot_w, y=y(t), tx=left - 6, ty=y(t) + 4, label=fmt_number(t))
        )
    for yr in years:
        parts.append(
            Markup('<text x="{x:.1f}" y="{y}" text-anchor="middle" font-size="11">{yr}</text>').format(
                x=x(yr), y=top + plot_h + 18, yr=yr
            )
        )
    parts.append(
        Markup('<text x="12" y="{y}" font-size="11" transform="rotate(-90 12 {y})" text-anchor="middle">{u}</text>').format(
            y=top + plot_h / 2, u=unit or ""
        )
    )
    for i, s in enumerate(series):
        color = PALETTE[i % len(PALETTE)]
        pts = " ".join(f"{x(yr):.1f},{y(v):.1f}" for yr, v in s["points"] if v is not None)
        parts.append(
            Markup(
                '<g class="govstat-series" data-region="{r}"><polyline fill="none" stroke="{c}" stroke-width="2" points="{p}"/>'
            ).format(r=s["region"], c=color, p=pts)
        )
        for yr, v in s["points"]:
            parts.append(
                Markup('<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.5" fill="{c}"><title>{t}</title></circle>').format(
                    cx=x(yr), cy=y(v), c=color, t=f"{s['region']} {yr}: {fmt_number(v)} {unit or ''}"
                )
            )
        parts.append(Markup("</g>"))
        ly = top + 14 + 18 * i
        parts.append(
            Markup(
                '<rect x="{x}" y="{y}" width="12" height="12" fill="{c}"/>'
                '<text x="{tx}" y="{ty}" font-size="12">{r}</text>'
            ).format(x=left + plot_w + 16, y=ly - 10, c=color, tx=left + plot_w + 34, ty=ly, r=s["region"])
        )
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


# --- hooks -----------------------------------------------------------------------------


@hookimpl
def register_routes():
    return [
        (r"^/-/govstat/mention/(?P<id>[^/]+)$", mention_page),
        (r"^/-/govstat/document/(?P<id>[^/]+)$", document_page),
        (r"^/-/govstat/chart$", chart_page),
    ]


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if value is None:
        return None
    if table is None:  # canned or custom query results
        return _query_link(value, column, database, datasette)
    # in the mentions table and the statistics view the span links to its provenance
    if column == "text" and table in ("mentions", "statistics"):
        key = "id" if table == "mentions" else "mention_id"
        try:
            ident = row[key]
        except (KeyError, IndexError):
            return None
        if ident is None:
            return None
        return Markup('<a class="govstat-link" href="{}">{}</a>').format(
            datasette.urls.path(f"/-/govstat/mention/{quote(str(ident))}"), value
        )
    return None


def _link(href: str, label: str) -> Markup:
    # f-strings, not Markup.format: this runs for every cell of a result page
    return Markup(f'<a class="govstat-link" href="{escape(href)}">{escape(label)}</a>')


def _query_link(value, column, database, datasette):
    if column in LINK_COLUMNS:
        if column == "provenance":
            return _link(datasette.urls.path(f"/-/govstat/mention/{quote(str(value))}"), f"出处 source #{value}")
        if column == "document_page":
            return _link(datasette.urls.path(f"/-/govstat/document/{quote(str(value))}"), f"全文 report #{value}")
        if isinstance(value, str) and "|" in value:
            left, right = value.split("|", 1)
            if column == "chart":
                return _link(_chart_url(datasette, left, right), "图 chart")
            url = datasette.urls.database(database) + "/region_statistics?"
            return _link(url + urlencode({"region": left, "indicator": right}), "数字 statistics")
        return None
    if type(value) is float and (column in ("value", "value_max") or column.isdigit()):
        return Markup(f'<span class="govstat-number">{fmt_number(value)}</span>')
    return None


LINK_COLUMNS = frozenset({"provenance", "document_page", "chart", "sources"})


READ_METHODS = {"GET", "HEAD", "OPTIONS"}


@hookimpl
def asgi_wrapper(datasette):
    """Read-only publication: answer every non-read HTTP method with 405."""

    def wrap(app):
        async def read_only(scope, receive, send):
            if scope["type"] == "http" and scope.get("method", "GET").upper() not in READ_METHODS:
                await send(
                    {
                        "type": "http.response.start",
                        "status": 405,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"allow", b"GET, HEAD, OPTIONS")],
                    }
                )
                await send({"type": "http.response.body", "body": b"read-only: this database cannot be changed\n"})
                return
            await app(scope, receive, send)

        return read_only

    return wrap


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.path("/govstat-static/govstat.css")]


@hookimpl
def menu_links(datasette):
    return [{"href": datasette.urls.path("/-/govstat/chart"), "label": "比较图 Comparison chart"}]
