"""The benchmark scripts clean up after themselves: a run leaves nothing in the temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ingest_bench_removes_its_variants_and_databases(tmp_path):
    # a small run with one worker count: no scaling controls, a few seconds
    env = dict(os.environ, TMPDIR=str(tmp_path))
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "ingest.py"), "--n", "6", "--workers", "1", "--extract-sample", "2"],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "ingest --workers 1: ingested 6" in done.stdout
    assert list(tmp_path.iterdir()) == []
