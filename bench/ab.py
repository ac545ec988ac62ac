#!/usr/bin/env python
"""Extraction speed of two commits, measured in turns on the same corpus.

    .venv/bin/python bench/ab.py OLD_REV [NEW_REV] [--rounds 5] [--mb 3]
    .venv/bin/python bench/ab.py OLD_REV [NEW_REV] --startup [--rounds 21]

On a shared machine whose speed drifts by 2x within minutes, two separate
runs of bench/throughput.py cannot be compared; here each round measures the
old and the new commit one right after the other (each in a fresh process,
single core, with meaning), and the medians and the median ratio are printed.
Each revision is checked out with `git worktree` under a temporary folder and
imported as `govstat` from there (NEW_REV defaults to the working tree).

With --startup, each round times the whole command `python -m govstat.cli
extract corpus/reports/s000.txt` (wall clock) for both, in alternating order,
after writing both trees' bytecode as `make install` does, and checks that
both print the same output.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MEASURE = """
import sys, time
sys.path.insert(0, sys.argv[1])
sys.path.insert(1, sys.argv[2])
from throughput import build_corpus, corpus_mb
import govstat
texts = build_corpus(float(sys.argv[3]))
govstat.extract_text(texts[0])
t0 = time.process_time()
for text in texts:
    govstat.extract_text(text)
print(corpus_mb(texts) / (time.process_time() - t0))
"""


def package_dir(rev: str | None, work: Path) -> Path:
    """A folder holding `govstat` -> the tree of `rev` (the working tree when None)."""
    holder = work / (rev or "working-tree")
    holder.mkdir()
    tree = ROOT
    if rev:
        tree = work / f"tree-{rev}"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), rev],
                       check=True, capture_output=True)
    (holder / "govstat").symlink_to(tree)
    return holder


def tree_of(folder: Path) -> Path:
    return (folder / "govstat").resolve()


def startup_rounds(dirs: dict[str, Path], rounds: int) -> dict[str, list[float]]:
    """Wall seconds of `govstat extract` per round for each tree, order alternating."""
    report = ROOT / "corpus" / "reports" / "s000.txt"
    for folder in dirs.values():
        subprocess.run([sys.executable, "-m", "compileall", "-q", "-x", r"/(\.venv|corpus|tests|build)/",
                        str(tree_of(folder))], check=True, capture_output=True)
    times: dict[str, list[float]] = {name: [] for name in dirs}
    outputs: dict[str, bytes] = {}
    for round_ in range(rounds):
        order = list(dirs.items()) if round_ % 2 == 0 else list(reversed(dirs.items()))
        for name, folder in order:
            env = dict(os.environ, PYTHONPATH=str(folder))
            started = time.perf_counter()
            out = subprocess.run([sys.executable, "-m", "govstat.cli", "extract", str(report)],
                                 env=env, capture_output=True, check=True)
            times[name].append(time.perf_counter() - started)
            outputs.setdefault(name, out.stdout)
    print("outputs identical" if outputs["old"] == outputs["new"] else "OUTPUTS DIFFER")
    return times


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old")
    parser.add_argument("new", nargs="?", default=None)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--mb", type=float, default=3.0)
    parser.add_argument("--startup", action="store_true", help="time the start-up of `govstat extract` instead")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="govstat-ab-") as tmp:
        work = Path(tmp)
        dirs = {"old": package_dir(args.old, work), "new": package_dir(args.new, work)}
        try:
            if args.startup:
                times = startup_rounds(dirs, args.rounds)
                for name, rev in (("old", args.old), ("new", args.new or "working tree")):
                    print(f"{name} {rev}: start-up median {statistics.median(times[name]):.3f} s, "
                          f"min {min(times[name]):.3f} s over {args.rounds} runs")
                print(f"load average {os.getloadavg()[0]:.2f}")
                return 0
            speeds: dict[str, list[float]] = {"old": [], "new": []}
            for round_ in range(args.rounds):
                for name, folder in dirs.items():
                    out = subprocess.run([sys.executable, "-c", MEASURE, str(folder), str(ROOT / "bench"), str(args.mb)],
                                         check=True, capture_output=True, text=True, cwd=work)
                    speeds[name].append(float(out.stdout.strip().splitlines()[-1]))
                print(f"round {round_ + 1}: old {speeds['old'][-1]:.2f} MB/s, new {speeds['new'][-1]:.2f} MB/s", flush=True)
            ratios = [n / o for o, n in zip(speeds["old"], speeds["new"])]
            print(f"median: old {args.old} {statistics.median(speeds['old']):.2f} MB/s, "
                  f"new {args.new or 'working tree'} {statistics.median(speeds['new']):.2f} MB/s, "
                  f"new/old {statistics.median(ratios):.2f}x (per round {', '.join(f'{r:.2f}' for r in ratios)})")
        finally:
            for child in work.glob("tree-*"):
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(child)], capture_output=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
