"""Time every canned query and govstat page through Datasette on a big database.

    .venv/bin/python bench/serve_queries.py [--db /tmp/govstat-serve-big.db] [--mentions 1000000] [--keep]

The database is synthesised by `bench/bigdb.py` (real schema, 1M mentions by
default). Each request goes through the same Datasette app `govstat serve`
runs (`db.serve.make_datasette`: immutable, our metadata and plugin), with the
in-process client, so the time includes routing, SQL and JSON/HTML rendering
but not the network. Each URL is fetched once to warm the cache, then timed
`--repeats` times; the target is a median under 200 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
import statistics as stats
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

import bigdb  # noqa: E402

from govstat.db.serve import make_datasette  # noqa: E402


def pick_params(path: str) -> dict:
    """Realistic parameters: the commonest indicator/unit, a region and a report that exist."""
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    indicator, unit = conn.execute(
        "SELECT indicator, unit FROM mentions WHERE indicator IS NOT NULL AND unit IS NOT NULL "
        "GROUP BY indicator, unit ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    year = conn.execute("SELECT year FROM documents WHERE year IS NOT NULL GROUP BY year ORDER BY count(*) DESC").fetchone()[0]
    region = conn.execute("SELECT admin_code FROM documents WHERE admin_code IS NOT NULL LIMIT 1 OFFSET 7").fetchone()[0]
    document, mention = conn.execute("SELECT document_id, id FROM mentions ORDER BY id LIMIT 1 OFFSET 500000").fetchone()
    sentence = conn.execute("SELECT text FROM sentences LIMIT 1 OFFSET 12345").fetchone()[0]
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("mentions", "documents", "sentences")}
    conn.close()
    return dict(indicator=indicator, unit=unit, year=year, region=region, document=document, mention=mention,
                rare=sentence[4:12], common=sentence[:6], counts=counts)  # fmt: skip


def urls(p: dict) -> dict[str, str]:
    q = lambda **kw: urlencode(kw)  # noqa: E731
    return {
        "indicator_pivot": f"/{p['db']}/indicator_pivot.json?" + q(indicator=p["indicator"], unit=p["unit"]),
        "region_statistics (all indicators)": f"/{p['db']}/region_statistics.json?" + q(region=p["region"], indicator=""),
        "region_statistics (one indicator)": f"/{p['db']}/region_statistics.json?"
        + q(region=p["region"], indicator=p["indicator"]),
        "top_regions": f"/{p['db']}/top_regions.json?" + q(indicator=p["indicator"], unit=p["unit"], year=p["year"]),
        "document_statistics": f"/{p['db']}/document_statistics.json?" + q(document=p["document"]),
        f"search_sentences (rare: {p['rare']})": f"/{p['db']}/search_sentences.json?" + q(q=p["rare"]),
        f"search_sentences (in every sentence: {p['common']})": f"/{p['db']}/search_sentences.json?"
        + q(q=p["common"]),
        "search_sentences (2 chars, in every sentence)": f"/{p['db']}/search_sentences.json?" + q(q="公车"),
        "search_sentences (2 chars, in none: full LIKE scan)": f"/{p['db']}/search_sentences.json?" + q(q="食堂"),
        "indicator_pivot as HTML": f"/{p['db']}/indicator_pivot?" + q(indicator=p["indicator"], unit=p["unit"]),
        "chart page": "/-/govstat/chart?" + q(indicator=p["indicator"], unit=p["unit"]),
        "mention page": f"/-/govstat/mention/{p['mention']}",
        "document page": f"/-/govstat/document/{p['document']}",
    }


async def time_all(ds, targets: dict[str, str], repeats: int) -> list[tuple]:
    results = []
    for label, url in targets.items():
        response = await ds.client.get(url)  # warm-up
        timings = []
        for _ in range(repeats):
            t = time.perf_counter()
            response = await ds.client.get(url)
            timings.append((time.perf_counter() - t) * 1000)
        rows = len(response.json().get("rows", [])) if url.split("?")[0].endswith(".json") else "-"
        results.append((label, response.status_code, rows, stats.median(timings), max(timings)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/govstat-serve-big.db")
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--keep", action="store_true", help="Reuse --db if it exists.")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    if not (args.keep and os.path.exists(args.db)):
        print(f"building {args.db} ({args.mentions:,} mentions) in {bigdb.build(args.db, args.mentions):.1f} s")
    params = pick_params(args.db)
    params["db"] = Path(args.db).stem
    c = params["counts"]
    print(f"{c['mentions']:,} mentions, {c['documents']:,} documents, {c['sentences']:,} sentences; "
          f"indicator {params['indicator']} ({params['unit']}), year {params['year']}, region {params['region']}")  # fmt: skip
    ds = make_datasette(args.db)
    results = asyncio.run(time_all(ds, urls(params), args.repeats))
    worst = 0.0
    for label, status, rows, median, slowest in results:
        print(f"  {label:<52} HTTP {status}  rows {rows!s:>5}  median {median:7.1f} ms  max {slowest:7.1f} ms")
        worst = max(worst, median)
    print(f"slowest median: {worst:.1f} ms (target < 200 ms)")


if __name__ == "__main__":
    main()
