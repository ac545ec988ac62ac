"""Build a big synthetic govstat database and time the `statistics` queries.

    .venv/bin/python bench/bigdb.py [--mentions 1000000] [--db /tmp/govstat-big.db] [--keep]

How it is built quickly: the real schema (`db.schema.create_database`), then
rows synthesised directly in SQL — no extraction. Regions: 2 levels of
GB/T 2260-like codes; documents: one per (region, year); sentences and
mentions: recursive-CTE `INSERT … SELECT` statements, so SQLite generates the
rows itself (a million mentions in a few seconds). Every mention points at a
real sentence, unit, indicator and document, so the `statistics` view and its
joins do the same work as on a real database. Every sentence goes into the
full-text index, as on ingest.

Then it times, with a warm cache, the queries a researcher or Datasette runs:
a page of the `statistics` view filtered by indicator (what Datasette shows),
its row count, every row for one indicator, and the region x year comparison.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics as stats
import time
from pathlib import Path

from govstat.db.schema import create_database

INDICATORS = [
    "office_space.vacated", "office_space.reallocated", "office_space.inspected", "office_space.stock",
    "vehicles.trips", "vehicles.mileage", "vehicles.passengers", "vehicles.renewed", "vehicles.new_energy",
    "vehicles.disposed", "vehicles.rented", "vehicles.fleet", "vehicles.running_cost", "meetings.held",
    "meetings.attendees", "reception.served", "events.supported", "canteen.meals", "canteen.diners",
    "canteen.area", "maintenance.tasks", "construction.projects", "construction.spending", "energy.model_units",
    "energy.retrofit_area", "energy.spending", "energy.audits", "energy.campaign", "energy.consumption",
    "energy.savings", "assets.leased", "assets.disposed", "assets.reallocated", "spending.three_public",
    "security.inspections", "security.hazards", "petitions.handled", "staff.trained",
    "housing.talent_apartment", "procurement.projects", "procurement.amount", "procurement.savings",
]  # fmt: skip
UNITS = [("平方米", "area"), ("辆", "count"), ("元", "money"), ("人次", "count"), ("次", "count"),
         ("%", "percent"), ("千瓦时", "energy"), ("个", "count")]  # fmt: skip


def build(path: str, n_mentions: int, per_doc: int = 50, sentences_per_doc: int = 25) -> float:
    for suffix in ("", "-wal", "-shm"):
        Path(path + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    db = create_database(path)
    conn = db.conn
    n_docs = n_mentions // per_doc
    years = list(range(2010, 2026))
    n_regions = max(1, n_docs // len(years))
    conn.execute("BEGIN")
    conn.executemany("INSERT OR IGNORE INTO units VALUES (?, ?)", UNITS)
    conn.executemany("INSERT OR IGNORE INTO indicators (code, label_zh) VALUES (?, ?)",
                     [(c, f"指标{i}") for i, c in enumerate(INDICATORS)])
    provinces = [f"{11 + p:02d}0000" for p in range(31)]
    conn.executemany("INSERT INTO regions VALUES (?, ?, 'province', NULL)", [(c, f"省{c}") for c in provinces])
    regions = []
    for r in range(n_regions):
        province = provinces[r % len(provinces)]
        code = f"{province[:2]}{(r // len(provinces)) + 1:02d}00"
        regions.append((code, f"市{code}", "city", province))
    conn.executemany("INSERT OR IGNORE INTO regions VALUES (?, ?, ?, ?)", regions)
    docs = []
    for i in range(n_docs):
        code, name, _, province = regions[i % len(regions)]
        year = years[(i // len(regions)) % len(years)]
        docs.append((i + 1, f"{i:064x}", f"synthetic/{i}.txt", f"{name}{year}年工作总结", f"{name}机关事务管理局",
                     f"省{province}", name, code, "city", year, "annual", "work_summary", "text", 4000,
                     "（合成文本）", "2026-01-01T00:00:00+00:00", "bench"))
    conn.executemany(
        "INSERT INTO documents (id, sha256, source, title, organization, province, city, admin_code, level, year,"
        " period, doc_type, format, chars, text, ingested_at, extractor_version)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        docs,
    )
    n_sentences = n_docs * sentences_per_doc
    conn.execute(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?) "
        'INSERT INTO sentences (id, document_id, start, "end", text) '
        "SELECT i + 1, i / ? + 1, (i % ?) * 80, (i % ?) * 80 + 60, "
        "'全市腾退办公用房' || (i % 997) || '平方米，公车' || (i % 113) || '辆，接待' || (i % 89) || '批次。' FROM n",
        (n_sentences, sentences_per_doc, sentences_per_doc, sentences_per_doc),
    )
    conn.execute('INSERT INTO sentences_fts (rowid, "text") SELECT id, "text" FROM sentences')
    conn.execute("CREATE TEMP TABLE ind(k INTEGER PRIMARY KEY, code TEXT)")
    conn.executemany("INSERT INTO ind VALUES (?, ?)", list(enumerate(INDICATORS)))
    conn.execute("CREATE TEMP TABLE un(k INTEGER PRIMARY KEY, unit TEXT, kind TEXT)")
    conn.executemany("INSERT INTO un VALUES (?, ?, ?)", [(k, u, kd) for k, (u, kd) in enumerate(UNITS)])
    conn.execute(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?) "
        'INSERT INTO mentions (id, document_id, idx, start, "end", text, value, unit, kind, indicator, section,'
        " sentence_id, extractor) "
        "SELECT i + 1, i / ? + 1, i % ?, (i % ?) * 80 + 8, (i % ?) * 80 + 14, (i % 997) || '平方米', "
        "(i * 7919) % 100003, un.unit, un.kind, ind.code, 'summary', "
        "(i / ?) * ? + (i % ?) % ? + 1, 'synthetic' "
        "FROM n JOIN ind ON ind.k = (i * 31) % ? JOIN un ON un.k = i % ?",
        (n_mentions, per_doc, per_doc, sentences_per_doc, sentences_per_doc, per_doc, sentences_per_doc,
         per_doc, sentences_per_doc, len(INDICATORS), len(UNITS)),
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return time.perf_counter() - started


QUERIES = {
    "statistics page (indicator=?, first 101 rows, as Datasette)":
        "SELECT * FROM statistics WHERE indicator = ? ORDER BY mention_id LIMIT 101",
    "statistics count (indicator=?)":
        "SELECT COUNT(*) FROM statistics WHERE indicator = ?",
    "statistics all rows (indicator=?)":
        "SELECT * FROM statistics WHERE indicator = ?",
    "compare region x year (indicator=?, main unit)":
        "SELECT region, year, SUM(value) FROM statistics WHERE indicator = ? AND unit = "
        "(SELECT unit FROM mentions WHERE indicator = ?1 GROUP BY unit ORDER BY COUNT(*) DESC LIMIT 1) "
        "AND change IS NULL GROUP BY region, year",
}  # fmt: skip


def time_queries(path: str, repeats: int = 5) -> None:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    total = conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]
    print(f"{total:,} mentions, {conn.execute('SELECT COUNT(*) FROM documents').fetchone()[0]:,} documents, "
          f"{conn.execute('SELECT COUNT(*) FROM sentences').fetchone()[0]:,} sentences, "
          f"{os.path.getsize(path) / 1e6:.0f} MB")
    rng = random.Random(1)
    for label, sql in QUERIES.items():
        timings, rows = [], 0
        for _ in range(repeats):
            indicator = rng.choice(INDICATORS)
            t = time.perf_counter()
            rows = len(conn.execute(sql, (indicator,)).fetchall())
            timings.append((time.perf_counter() - t) * 1000)
        print(f"  {label:<62} median {stats.median(timings):7.1f} ms  max {max(timings):7.1f} ms  ({rows} rows)")
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--db", default="/tmp/govstat-big.db")
    parser.add_argument("--keep", action="store_true", help="Reuse --db if it exists.")
    args = parser.parse_args()
    if not (args.keep and os.path.exists(args.db)):
        seconds = build(args.db, args.mentions)
        print(f"built {args.db} in {seconds:.1f} s")
    time_queries(args.db)


if __name__ == "__main__":
    main()
