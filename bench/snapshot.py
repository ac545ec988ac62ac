#!/usr/bin/env python
"""Prove a speed change changes nothing: snapshot the extractor's output, then compare.

    .venv/bin/python bench/snapshot.py save  /tmp/before.json   # before the change
    .venv/bin/python bench/snapshot.py check /tmp/before.json   # after it: exit 1 on any difference

The snapshot holds `Document.to_dict()` (every mention, date and document
field, with meaning) for each bundled report (corpus/reports, corpus/extra)
and for a few hundred sentences cut from them, so that a rule which only fires
at the start or end of a text is covered too. `check` prints the first
differences per report.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import govstat

ROOT = Path(__file__).resolve().parent.parent


def inputs() -> dict[str, str]:
    """Name -> text: every bundled .txt report, and its lines as texts of their own."""
    texts: dict[str, str] = {}
    paths = sorted((ROOT / "corpus" / "reports").glob("*.txt")) + sorted((ROOT / "corpus" / "extra").glob("*.txt"))
    for path in paths:
        text = govstat.extract_file(path).text
        texts[path.name] = text
        for n, line in enumerate(text.splitlines()):
            if line.strip() and n % 7 == 0:
                texts[f"{path.name}:{n}"] = line
    return texts


def snapshot() -> dict[str, dict]:
    return {name: govstat.extract_text(text).to_dict() for name, text in inputs().items()}


def differences(before: dict, after: dict, limit: int = 3) -> list[str]:
    out = []
    for name in sorted(set(before) | set(after)):
        a, b = before.get(name), after.get(name)
        if a == b:
            continue
        if a is None or b is None:
            out.append(f"{name}: only in {'after' if a is None else 'before'}")
            continue
        shown = 0
        for key in sorted(set(a) | set(b)):
            if a.get(key) == b.get(key):
                continue
            if isinstance(a.get(key), list) and isinstance(b.get(key), list):
                gone = [x for x in a[key] if x not in b[key]]
                new = [x for x in b[key] if x not in a[key]]
                out.append(f"{name}: {key}: -{json.dumps(gone[:limit], ensure_ascii=False)} "
                           f"+{json.dumps(new[:limit], ensure_ascii=False)}")
            else:
                out.append(f"{name}: {key}: {a.get(key)!r} -> {b.get(key)!r}")
            shown += 1
            if shown >= limit:
                break
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["save", "check"])
    parser.add_argument("path")
    args = parser.parse_args(argv)
    current = snapshot()
    if args.action == "save":
        Path(args.path).write_text(json.dumps(current, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        print(f"saved {len(current)} outputs to {args.path}")
        return 0
    before = json.loads(Path(args.path).read_text(encoding="utf-8"))
    diffs = differences(before, current)
    for line in diffs[:60]:
        print(line)
    print(f"{len(current)} outputs compared: {'identical' if not diffs else f'{len(diffs)} differences'}")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
