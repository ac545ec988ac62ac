#!/usr/bin/env python
"""What compiling govstat's hot modules with mypyc would buy (issue 7): output and MB/s.

    python -m venv /tmp/mv && /tmp/mv/bin/pip install mypy      # mypyc ships with mypy; needs gcc
    .venv/bin/python bench/mypyc_trial.py --mypyc /tmp/mv/bin/mypyc [--rounds 3] [--mb 2]

A trial, not a build step: govstat itself stays pure Python (README,
Performance). The committed tree (`git archive HEAD`) is unpacked twice
under a temporary folder; in one copy MODULES are compiled with mypyc in
place (their `.so` files shadow the `.py` files). Both copies' outputs on
the bundled reports must be identical (`bench/snapshot.py`), then each round
times `bench/throughput.py --stages` on the pure copy and on the compiled
one, one right after the other, and the medians are printed.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# the modules that type-check as mypyc needs: the meaning layer's reading, and the
# number stage's units, exclusions, qualifiers and sentence spans
MODULES = [
    "indicator_reading", "indicator_grammar", "indicator_vetoes", "indicator_links",
    "indicator_phrases", "indicator_sentence", "units", "exclusions", "qualifiers", "sentences",
]


def unpack(folder: Path) -> Path:
    """The committed tree as package `govstat` under folder/site; returns the site folder."""
    tree = folder / "govstat"
    tree.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return folder


def compile_modules(site: Path, mypyc: str) -> None:
    paths = [f"govstat/extract/{name}.py" for name in MODULES]
    done = subprocess.run([mypyc, "--ignore-missing-imports", *paths], cwd=site, capture_output=True, text=True)
    if done.returncode != 0:
        errors = [line for line in done.stdout.splitlines() if ": error:" in line]
        sys.exit("mypyc failed:\n" + "\n".join(errors[:20] or done.stderr.splitlines()[-20:]))


def run(site: Path, *args: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(site))
    done = subprocess.run([sys.executable, *args], cwd=site / "govstat", env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed in {site}:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return done.stdout


def mb_per_s(site: Path, mb: float) -> float:
    out = run(site, "bench/throughput.py", "--mb", str(mb), "--stages")
    return float(re.search(r"= ([\d.]+) MB/s", out).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mypyc", required=True, help="the mypyc command of a Python with mypy installed")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--mb", type=float, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="govstat-mypyc-") as tmp:
        pure, compiled = unpack(Path(tmp) / "pure"), unpack(Path(tmp) / "compiled")
        compile_modules(compiled, args.mypyc)
        print(f"compiled with mypyc: {', '.join(MODULES)}")
        snapshot = str(Path(tmp) / "pure.json")
        run(pure, "bench/snapshot.py", "save", snapshot)
        print("outputs, compiled against pure:", run(compiled, "bench/snapshot.py", "check", snapshot).strip())
        rates: dict[str, list[float]] = {"pure": [], "compiled": []}
        for round_ in range(1, args.rounds + 1):
            for name, site in (("pure", pure), ("compiled", compiled)):
                rates[name].append(mb_per_s(site, args.mb))
            print(f"round {round_}: pure {rates['pure'][-1]:.2f} MB/s, compiled {rates['compiled'][-1]:.2f} MB/s")
        old, new = statistics.median(rates["pure"]), statistics.median(rates["compiled"])
        print(f"median: pure {old:.2f} MB/s, compiled {new:.2f} MB/s, compiled/pure {new / old:.2f}x")


if __name__ == "__main__":
    main()
