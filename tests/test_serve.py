"""`govstat serve`: metadata, canned queries, provenance pages, chart, read-only.

The fixture database is built with the store's own schema (`ensure_schema`)
and a few hand-written reports whose mentions are placed by `str.find`, so
every number asserted below is known exactly.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from govstat.db.schema import create_database, index_sentences

# (admin_code, name, level, parent)
REGIONS = [
    ("230000", "黑龙江省", "province", None),
    ("230700", "伊春市", "city", "230000"),
    ("210000", "辽宁省", "province", None),
    ("210200", "大连市", "city", "210000"),
    ("360000", "江西省", "province", None),
    ("360900", "宜春市", "city", "360000"),
]
INDICATORS = [
    ("vehicles.trips", "公务用车出车", "official vehicle trips", "vehicles"),
    ("vehicles.mileage", "安全行驶里程", "safe driving mileage", "vehicles"),
    ("office_space.vacated", "腾退办公用房", "office space vacated", "office_space"),
]
UNITS = [("车次", "count"), ("公里", "length"), ("平方米", "area"), ("%", "percent")]

# city -> (province, admin_code, {year: trips})
TRIPS = {
    "伊春市": ("黑龙江省", "230700", {2017: 3200, 2018: 3500, 2019: 3900}),
    "大连市": ("辽宁省", "210200", {2017: 8100, 2018: 8600, 2019: 9050}),
    "宜春市": ("江西省", "360900", {2018: 2100, 2019: 2400}),
}


def _report(city: str, year: int, trips: int) -> tuple[str, str, list[tuple]]:
    """Title, text and mentions (text, value, unit, kind, indicator, change, section)."""
    title = f"{city}机关事务管理局{year}年工作总结"
    text = (
        f"{title}\n\n"
        f"一年来，全市公务用车平台共出车{trips}车次，安全行驶120万公里，同比增长5.2%。"
        f"清理腾退办公用房4.2万平方米。\n"
        f"下一步，计划出车{trips * 2}车次。\n"
    )
    mentions = [
        (f"{trips}车次", trips, "车次", "count", "vehicles.trips", None, "summary"),
        ("120万公里", 1200000, "公里", "length", "vehicles.mileage", None, "summary"),
        ("5.2%", 5.2, "%", "percent", "vehicles.trips", "increase", "summary"),
        ("4.2万平方米", 42000, "平方米", "area", "office_space.vacated", None, "summary"),
        (f"{trips * 2}车次", trips * 2, "车次", "count", "vehicles.trips", None, "plan"),
    ]
    return title, text, mentions


SCRIPT_TITLE = "<script>alert('x')</script>测试报告"
SCRIPT_TEXT = "测试报告\n全市<b>共</b>出车<script>alert(1)</script>77车次。\n"


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"[。！？\n]", text):
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def build_fixture_db(path: Path) -> dict:
    """Create a small govstat database; return ids the tests look up."""
    db = create_database(path)
    conn = db.conn
    conn.execute("BEGIN")
    conn.executemany("INSERT OR IGNORE INTO regions VALUES (?,?,?,?)", REGIONS)
    for code, zh, en, group in INDICATORS:
        conn.execute(
            'INSERT OR IGNORE INTO indicators (code, label_zh, label_en, "group") VALUES (?,?,?,?)', (code, zh, en, group)
        )
    conn.executemany("INSERT OR IGNORE INTO units (unit, kind) VALUES (?,?)", UNITS)
    ids: dict = {"docs": {}, "mentions": {}}
    reports = []
    for city, (province, code, years) in TRIPS.items():
        for year, trips in years.items():
            title, text, mentions = _report(city, year, trips)
            reports.append((province, city, code, year, title, text, mentions))
    title, text = SCRIPT_TITLE, SCRIPT_TEXT
    reports.append(("黑龙江省", "伊春市", "230700", 2020, title, text,
                    [("77车次", 77, "车次", "count", "vehicles.trips", None, "summary")]))
    for n, (province, city, code, year, title, text, mentions) in enumerate(reports, 1):
        cur = conn.execute(
            "INSERT INTO documents (sha256, source, title, organization, province, city, admin_code, level, year,"
            " period, doc_type, format, encoding, chars, text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (f"{n:064x}", f"corpus/test/{n}.txt", title, f"{city}机关事务管理局", province, city, code, "city",
             year, "annual", "work_summary", "text", "utf-8", len(text), text),
        )
        doc_id = cur.lastrowid
        ids["docs"][(city, year)] = doc_id
        sent_ids = []
        for s, e in _sentences(text):
            cur = conn.execute(
                'INSERT INTO sentences (document_id, start, "end", text) VALUES (?,?,?,?)', (doc_id, s, e, text[s:e])
            )
            index_sentences(conn, [(cur.lastrowid, text[s:e])])
            sent_ids.append((s, e, cur.lastrowid))
        cursor = 0
        for idx, (span, value, unit, kind, indicator, change, section) in enumerate(mentions):
            start = text.index(span, cursor)
            end = start + len(span)
            cursor = end
            s, e, sid = next(t for t in sent_ids if t[0] <= start < t[1])
            cur = conn.execute(
                'INSERT INTO mentions (document_id, idx, start, "end", text, value, unit, kind, change, indicator,'
                " section, sentence_id, sentence_start, sentence_end, extractor) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc_id, idx, start, end, span, value, unit, kind, change, indicator, section, sid, s, e, "rules"),
            )
            ids["mentions"][(city, year, idx)] = cur.lastrowid
    conn.execute("COMMIT")
    conn.close()
    return ids


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from govstat.db.serve import make_datasette

    path = tmp_path_factory.mktemp("serve") / "govstat.db"
    ids = build_fixture_db(path)
    ds = make_datasette(path)
    return ds, ids


def get(ds, url):
    async def run():
        return await ds.client.get(url)

    return asyncio.run(run())


def test_metadata_describes_every_table_and_column(served):
    ds, _ = served
    response = get(ds, "/-/metadata.json")
    assert response.status_code == 200
    tables = response.json()["databases"]["govstat"]["tables"]
    from govstat.db.schema import TABLES

    for table, (columns, _pk, _fks) in TABLES.items():
        assert tables[table]["description"], table
        for column in columns:
            described = tables[table]["columns"].get(column, "")
            assert " / " in described, f"{table}.{column} needs a Chinese / English description"
    assert tables["documents"]["label_column"] == "title"
    assert tables["regions"]["label_column"] == "name"
    assert set(tables["statistics"]["facets"]) >= {"indicator", "province", "city", "year", "unit", "section"}


def test_internal_tables_hidden_and_labels_shown(served):
    ds, ids = served
    page = get(ds, "/govstat").text
    assert "sentences_fts_data" not in page.split("hidden tables")[0]
    # foreign keys show the label, not the id: mentions -> documents.title
    doc_id = ids["docs"][("伊春市", 2018)]
    rows = get(ds, f"/govstat/mentions.json?document_id={doc_id}&_labels=on&_shape=array").json()
    assert rows[0]["document_id"]["label"] == "伊春市机关事务管理局2018年工作总结"
    assert rows[0]["indicator"]["label"] == "公务用车出车"
    html = get(ds, f"/govstat/mentions?document_id={doc_id}").text
    assert "伊春市机关事务管理局2018年工作总结" in html


def test_statistics_view_facets(served):
    ds, _ = served
    data = get(ds, "/govstat/statistics.json?_facet=city&_facet=year&indicator=vehicles.trips").json()
    facets = {f["name"]: {v["value"]: v["count"] for v in f["results"]} for f in data["facet_results"].values()}
    # 3 summary + 1 change + 1 plan mention per report; Yichun has three reports plus the <script> one
    assert facets["city"]["伊春市"] == 3 * 3 + 1
    assert facets["year"][2019] == 3 * 3


def test_indicator_pivot_has_a_column_per_year(served):
    ds, _ = served
    rows = get(ds, "/govstat/indicator_pivot.json?indicator=vehicles.trips&unit=车次&_shape=array").json()
    by_region = {r["region"]: r for r in rows}
    assert by_region["伊春市"]["2017"] == 3200
    assert by_region["伊春市"]["2019"] == 3900  # plan figure 7800 left out
    assert by_region["宜春市"]["2017"] is None
    assert by_region["大连市"]["2018"] == 8600
    assert by_region["伊春市"]["2020"] == 77
    html = get(ds, "/govstat/indicator_pivot?indicator=vehicles.trips&unit=车次").text
    # every row links to its sources and to the chart
    assert html.count("/govstat/region_statistics?region=230700&amp;indicator=vehicles.trips") == 1
    assert html.count('href="/-/govstat/chart?indicator=vehicles.trips&amp;unit=') == 3


def test_indicator_pivot_without_a_unit_uses_the_most_frequent_one(served):
    """A researcher who leaves `unit` empty gets the indicator's usual unit, not 0 rows."""
    ds, _ = served
    given = get(ds, "/govstat/indicator_pivot.json?indicator=vehicles.trips&unit=车次&_shape=array").json()
    empty = get(ds, "/govstat/indicator_pivot.json?indicator=vehicles.trips&unit=&_shape=array").json()
    assert empty and empty == given


def test_region_statistics_over_time(served):
    ds, ids = served
    rows = get(ds, "/govstat/region_statistics.json?region=伊春市&indicator=vehicles.mileage&_shape=array").json()
    assert [(r["year"], r["value"], r["unit"]) for r in rows] == [(y, 1200000, "公里") for y in (2017, 2018, 2019)]
    by_code = get(ds, "/govstat/region_statistics.json?region=210200&indicator=&_shape=array").json()
    assert len(by_code) == 3 * 5 and {r["title"][:3] for r in by_code} == {"大连市"}
    html = get(ds, "/govstat/region_statistics?region=伊春市&indicator=vehicles.mileage").text
    mid = ids["mentions"][("伊春市", 2017, 1)]
    assert f'href="/-/govstat/mention/{mid}"' in html


def test_top_regions(served):
    ds, ids = served
    rows = get(ds, "/govstat/top_regions.json?indicator=vehicles.trips&unit=车次&year=2019&_shape=array").json()
    assert [(r["region"], r["value"]) for r in rows] == [("大连市", 9050), ("伊春市", 3900), ("宜春市", 2400)]
    assert rows[0]["provenance"] == ids["mentions"][("大连市", 2019, 0)]


def test_document_statistics_lists_every_mention(served):
    ds, ids = served
    doc = ids["docs"][("宜春市", 2018)]
    rows = get(ds, f"/govstat/document_statistics.json?document={doc}&_shape=array").json()
    assert [r["text"] for r in rows] == ["2100车次", "120万公里", "5.2%", "4.2万平方米", "4200车次"]
    assert rows[3]["value"] == 42000 and rows[3]["indicator_label"] == "腾退办公用房"
    assert rows[0]["sentence"].startswith("一年来，全市公务用车平台共出车2100车次")
    html = get(ds, f"/govstat/document_statistics?document={doc}").text
    assert html.count(f'href="/-/govstat/document/{doc}"') == 5


@pytest.mark.parametrize("q", ["腾退办公用房", "腾退"])
def test_search_sentences_shows_numbers(served, q):
    ds, _ = served
    rows = get(ds, f"/govstat/search_sentences.json?q={quote(q)}&_shape=array").json()
    assert len(rows) == 8  # one such sentence per report, trigram (3+) or LIKE (1-2 chars)
    assert all(r["numbers"] == "4.2万平方米 = 42000.0 平方米 [office_space.vacated]" for r in rows)
    assert all(isinstance(r["document_page"], int) for r in rows)


def test_search_sentences_quotes_fts_syntax(served):
    ds, _ = served
    response = get(ds, '/govstat/search_sentences.json?q=%22AND%20OR(&_shape=array')
    assert response.status_code == 200 and response.json() == []


def test_mention_page_highlights_the_number(served):
    ds, ids = served
    mid = ids["mentions"][("伊春市", 2018, 1)]
    response = get(ds, f"/-/govstat/mention/{mid}")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "max-age=3600"
    html = response.text
    current = re.search(r'<mark id="m(\d+)" class="govstat-mark govstat-current"[^>]*>(.*?)</mark>', html)
    assert current and current.group(1) == str(mid) and current.group(2) == "120万公里"
    assert "安全行驶" in html and "1,200,000" in html and "安全行驶里程" in html
    assert "清理腾退办公用房" not in html  # only its own sentence
    doc = ids["docs"][("伊春市", 2018)]
    assert f'href="/-/govstat/document/{doc}#m{mid}"' in html
    # the other numbers of the same sentence are highlighted and linked too
    other = ids["mentions"][("伊春市", 2018, 0)]
    assert f'<a href="/-/govstat/mention/{other}">3500车次</a>' in html
    assert get(ds, "/-/govstat/mention/999999").status_code == 404
    assert get(ds, "/-/govstat/mention/abc").status_code == 404


def test_document_page_highlights_every_mention(served):
    ds, ids = served
    doc = ids["docs"][("大连市", 2017)]
    html = get(ds, f"/-/govstat/document/{doc}").text
    marks = re.findall(r'<mark id="m\d+" class="govstat-mark"[^>]*><a [^>]*>(.*?)</a></mark>', html)
    assert marks == ["8100车次", "120万公里", "5.2%", "4.2万平方米", "16200车次"]
    assert "大连市机关事务管理局2017年工作总结" in html


def test_report_html_is_escaped_everywhere(served):
    ds, ids = served
    doc = ids["docs"][("伊春市", 2020)]
    mid = ids["mentions"][("伊春市", 2020, 0)]
    pages = [
        f"/-/govstat/document/{doc}",
        f"/-/govstat/mention/{mid}",
        f"/govstat/documents/{doc}",
        f"/govstat/document_statistics?document={doc}",
        f"/govstat/search_sentences?q={quote('出车')}",
        f"/govstat/mentions?document_id={doc}",
        f"/govstat/statistics?document_id={doc}",
    ]
    for url in pages:
        html = get(ds, url).text
        assert "<script>alert" not in html, url
        assert "&lt;script&gt;alert" in html, url
    assert "&lt;b&gt;共&lt;/b&gt;" in get(ds, f"/-/govstat/document/{doc}").text


def test_chart_page_draws_a_line_per_region(served):
    ds, ids = served
    html = get(ds, "/-/govstat/chart?indicator=vehicles.trips&unit=" + quote("车次")).text
    assert html.count("<polyline") == 3
    regions = re.findall(r'<g class="govstat-series" data-region="([^"]+)">', html)
    assert sorted(regions) == sorted(["伊春市", "大连市", "宜春市"])
    # pivot table: one column per year, values link to their sentence
    assert re.search(r"<th>2017</th><th>2018</th><th>2019</th><th>2020</th>", html)
    mid = ids["mentions"][("大连市", 2019, 0)]
    assert f'<a href="/-/govstat/mention/{mid}">9,050</a>' in html
    # `indicator|unit` (the chart link column) and a missing unit both work
    assert get(ds, "/-/govstat/chart?indicator=" + quote("vehicles.trips|车次")).text.count("<polyline") == 3
    assert get(ds, "/-/govstat/chart?indicator=vehicles.mileage").text.count("<polyline") == 3
    empty = get(ds, "/-/govstat/chart?indicator=nope&unit=x").text
    assert "No statistics" in empty and "<polyline" not in empty
    first_visit = get(ds, "/-/govstat/chart").text
    assert "<option" in first_visit
    assert first_visit.count("<polyline") >= 1  # the best-covered indicator is drawn at once


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO regions VALUES ('999999', 'x', 'city', NULL)",
        "UPDATE documents SET title = 'x'",
        "DELETE FROM mentions",
        "ATTACH DATABASE '/tmp/x.db' AS x",
        "DROP TABLE mentions",
        "PRAGMA writable_schema = 1",
        "select 1; delete from mentions",
    ],
)
def test_sql_endpoint_refuses_writes(served, sql):
    ds, _ = served
    response = get(ds, "/govstat.json?sql=" + quote(sql))
    assert response.status_code == 400
    assert get(ds, "/govstat/mentions.json?_size=0").json()["filtered_table_rows_count"] == 8 * 5 + 1


def test_served_immutable_with_time_limit(served):
    ds, _ = served
    databases = get(ds, "/-/databases.json").json()
    assert [(d["name"], d["is_mutable"]) for d in databases] == [("govstat", False)]
    settings = get(ds, "/-/settings.json").json()
    assert settings["sql_time_limit_ms"] == 1500
    # no write endpoints: every POST (table, canned query, SQL) is refused
    for url in ["/govstat/mentions", "/govstat/top_regions", "/govstat", "/-/logout"]:

        async def post():
            return await ds.client.post(url, data={"sql": "DELETE FROM mentions"})

        response = asyncio.run(post())
        assert response.status_code == 405 and "read-only" in response.text, url
    assert get(ds, "/govstat/mentions.json?_size=0").json()["filtered_table_rows_count"] == 8 * 5 + 1


def test_serve_command_rejects_bad_databases(tmp_path):
    from govstat.cli import main

    missing = tmp_path / "nope.db"
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--db", str(missing)])
    assert exit_info.value.code == 2
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--db", str(junk)])
    assert exit_info.value.code == 2


def test_runaway_query_is_cut_by_the_time_limit(tmp_path):
    from govstat.db.serve import make_datasette

    path = tmp_path / "govstat.db"
    build_fixture_db(path)
    ds = make_datasette(path, sql_time_limit_ms=100)
    sql = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
    response = get(ds, "/govstat.json?sql=" + quote(sql))
    assert response.status_code == 400
    assert "interrupted" in response.text.lower() or "too long" in response.text.lower()
    # the server is still answering afterwards
    assert get(ds, "/govstat/mentions.json?_size=1").status_code == 200
