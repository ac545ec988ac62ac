#!/usr/bin/env python
"""What the single writer of `govstat ingest` costs per document, by commit size.

    .venv/bin/python bench/writer_cost.py [--docs 300] [--groups 8 64] [--rounds 5]
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        .venv/bin/python bench/writer_cost.py --groups 64 --rounds 1   # instructions: steady on a busy machine

The bundled reports are extracted once (outside the timing) into the payloads
the workers send to the writer; then, for each group size, a fresh database
receives all of them through `load.write_payloads`, `group` documents per
commit, and the writer's CPU time per document is printed (median over
rounds, sizes interleaved). Under callgrind, compare the totals of two runs
that differ in one setting: CPU seconds on this shared 2-core machine drift
by 2x, instruction counts do not. `--groups 0` runs the set-up alone, the
baseline to subtract.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "corpus" / "reports").glob("*.txt")) + sorted((ROOT / "corpus" / "extra").glob("*.txt"))


def payloads(n: int) -> list[dict]:
    """`n` writer payloads from the bundled reports, each with its own sha256 and source."""
    import govstat
    from govstat.db import load

    version = load.extractor_version()
    docs = [govstat.extract_file(path) for path in SOURCES]
    out = []
    for i in range(n):
        body = load.document_payload(docs[i % len(docs)], source=f"variant-{i}.txt", version=version)
        body["document"]["sha256"] = f"{i:064x}"
        out.append(body)
    return out


def write_all(bodies: list[dict], group: int, folder: Path) -> float:
    """CPU seconds the writer spends storing `bodies`, `group` per commit, in a fresh database."""
    from govstat.db import load
    from govstat.db.ingest import _open

    path = folder / f"writer-{group}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    db = _open(str(path), None)  # the settings `govstat ingest` uses
    started = time.process_time()
    if group:
        for i in range(0, len(bodies), group):
            load.write_payloads(db, bodies[i : i + group])
    seconds = time.process_time() - started
    db.conn.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--groups", type=int, nargs="+", default=[8, 64])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    bodies = payloads(args.docs)
    spent: dict[int, list[float]] = {g: [] for g in args.groups}
    with tempfile.TemporaryDirectory(prefix="govstat-writer-") as tmp:
        for _ in range(args.rounds):
            for group in args.groups:
                spent[group].append(write_all(bodies, group, Path(tmp)))
    for group, values in spent.items():
        per_doc = [1000 * v / args.docs for v in values]
        print(f"group {group:>3}: writer CPU median {statistics.median(per_doc):.2f} ms per document "
              f"({', '.join(f'{v:.2f}' for v in per_doc)})")


if __name__ == "__main__":
    main()
