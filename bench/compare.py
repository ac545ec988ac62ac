#!/usr/bin/env python
"""Compare govstat with peer extractors on the annotated reports (issue 7).

Every system runs in its own subprocess (fair start-up and peak memory), on
the same decoded texts; its output is mapped to the SPEC §2 shapes by its
adapter in bench/peers/ and scored by govstat's own scorer
(`govstat.evaluate.scoring`). Prints one Markdown table, seeds and dev apart.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/compare.py                 # all systems
    .venv/bin/python bench/compare.py --systems govstat duckling+lexicon
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BOOT = time.clock_gettime(time.CLOCK_BOOTTIME)  # as early as possible, for start-up

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

SETS = {"seeds": "s", "dev": "h"}
WARMUP = "2019年5月31日，全市更新公车356辆，节约资金10.8万元。"


def corpus(root: Path = ROOT) -> list[dict]:
    """The annotated reports: id, set, decoded text, gold dict."""
    docs = []
    for gold_path in sorted((root / "corpus" / "annotations").glob("*.json")):
        report = root / "corpus" / "reports" / f"{gold_path.stem}.txt"
        if not report.exists():
            continue
        which = next((name for name, prefix in SETS.items() if gold_path.stem.startswith(prefix)), "other")
        gold = json.loads(gold_path.read_text(encoding="utf-8-sig"))
        text = report.read_text(encoding="utf-8-sig")
        docs.append({"id": gold_path.stem, "set": which, "text": text, "gold": gold})
    return docs


def peak_memory_mb() -> float | None:
    """This process's peak resident memory (VmHWM) in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def process_age() -> float:
    """Seconds since this process was created (start-up includes the interpreter)."""
    stat = Path("/proc/self/stat").read_text()
    start_ticks = int(stat.rsplit(")", 1)[1].split()[19])
    return time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf("SC_CLK_TCK")


def run_worker(system: str, out: Path, rounds: int) -> None:
    """Inside the subprocess: load one system, extract every report, write JSON."""
    from peers import SYSTEMS, adapter

    _module, lexicon = SYSTEMS[system]
    result: dict = {"system": system}
    try:
        module = adapter(system)
        result["label"] = module.LABEL + (" + unit lexicon" if lexicon else "")
        result["package"] = module.PACKAGE
        engine = module.load()
        engine.extract(WARMUP, 2019, lexicon=lexicon)  # lazy imports and rule loading count as start-up
    except Exception as err:  # noqa: BLE001 - an unavailable peer is a row, not a crash
        result["available"] = False
        result["reason"] = f"{type(err).__name__}: {err}".splitlines()[0]
        out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        return
    result["available"] = True
    result["startup_s"] = process_age()
    result["load_s"] = time.clock_gettime(time.CLOCK_BOOTTIME) - BOOT
    docs = corpus()
    predictions, seconds, errors = {}, {d["id"]: float("inf") for d in docs}, {}
    for _round in range(rounds):
        for doc in docs:
            year = (doc["gold"].get("document") or {}).get("year")
            t0 = time.perf_counter()
            try:
                predicted = engine.extract(doc["text"], year, lexicon=lexicon)
            except Exception as err:  # noqa: BLE001 - scored as all missed
                predicted, errors[doc["id"]] = None, f"{type(err).__name__}: {err}"
            seconds[doc["id"]] = min(seconds[doc["id"]], time.perf_counter() - t0)
            predictions.setdefault(doc["id"], predicted)
    result.update(predictions=predictions, seconds=seconds, errors=errors, peak_mb=peak_memory_mb())
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


def run_system(system: str, rounds: int) -> dict:
    """Run one system in a fresh interpreter and read back what it wrote."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", system, "--out", str(out), "--rounds", str(rounds)]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        if not out.exists():
            tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
            return {"system": system, "label": system, "available": False, "reason": f"worker failed: {tail}"}
        return json.loads(out.read_text(encoding="utf-8"))


def score(docs: list[dict], result: dict) -> dict[str, dict]:
    """Per set: scorer aggregates plus speed, from one system's result."""
    from govstat.evaluate.scoring import aggregate, score_document

    rows = {}
    for name in [*SETS, "all"]:
        chosen = [d for d in docs if name == "all" or d["set"] == name]
        scored = [
            score_document(d["gold"], result["predictions"].get(d["id"]), doc_id=d["id"], text=d["text"])
            for d in chosen
        ]
        total = aggregate(scored)
        seconds = sum(result["seconds"][d["id"]] for d in chosen)
        size = sum(len(d["text"].encode("utf-8")) for d in chosen)
        rows[name] = {
            "reports": len(chosen),
            "found": total.detection.predicted,
            "gold": total.detection.gold,
            "detection_f1": total.detection.f1,
            "value_f1": total.value.f1,
            "dates_f1": total.dates.f1,
            "reports_per_s": len(chosen) / seconds if seconds else None,
            "mb_per_s": size / 1e6 / seconds if seconds else None,
        }
    return rows


def table(docs: list[dict], results: list[dict]) -> str:
    """The Markdown comparison table."""
    from peers import adapter

    head = (
        "| system | set | mentions found (gold) | detection F1 | value F1 | dates F1 "
        "| reports/s | MB/s | start-up s | peak MB |"
    )
    lines = [head, "|" + "---|" * 10]
    for result in results:
        label = result.get("label", result["system"])
        if not result.get("available"):
            lines.append(f"| {label} | — | unavailable: {result['reason']} | | | | | | | |")
            continue
        has_dates = getattr(adapter(result["system"]), "HAS_DATES", True)
        for name, row in score(docs, result).items():
            if name == "all":
                continue
            dates = f"{row['dates_f1']:.3f}" if has_dates else "n/a"
            lines.append(
                f"| {label} | {name} | {row['found']} ({row['gold']}) | {row['detection_f1']:.3f} "
                f"| {row['value_f1']:.3f} | {dates} | {row['reports_per_s']:.1f} | {row['mb_per_s']:.3f} "
                f"| {result['startup_s']:.2f} | {result['peak_mb']:.0f} |"
            )
    return "\n".join(lines)


def main(argv=None) -> int:
    from peers import SYSTEMS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--systems", nargs="+", choices=list(SYSTEMS), default=list(SYSTEMS))
    parser.add_argument("--rounds", type=int, default=3, help="passes over the corpus; the fastest counts")
    parser.add_argument("--json", type=Path, help="also write the raw results (predictions, timings) here")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        run_worker(args.worker, args.out, args.rounds)
        return 0
    docs = corpus()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} cores, load average {load}, Python {sys.version.split()[0]}", file=sys.stderr)
    results = []
    for system in args.systems:
        print(f"running {system} …", file=sys.stderr, flush=True)
        results.append(run_system(system, args.rounds))
    for result in results:
        for doc_id, error in (result.get("errors") or {}).items():
            print(f"{result['system']}: {doc_id}: {error}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(table(docs, results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
