"""End to end in a real headless browser: `govstat serve` on a fixture database,
Debian's chromium driven by Playwright, the comparison page read and clicked.

Skips (saying why) only when Playwright or chromium is not installed;
`make browser` installs chromium with apt-get.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from test_serve import build_fixture_db

OUTPUT = Path(__file__).resolve().parent / "output"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def _chromium() -> str:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or ""):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    pytest.skip("no chromium browser: run `make browser` (apt-get install chromium chromium-driver)")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real `govstat serve` process on a free port; yields its base URL."""
    path = tmp_path_factory.mktemp("browser") / "govstat.db"
    build_fixture_db(path)
    cmd = [sys.executable, "-c", "from govstat.cli import main; main()", "serve", "--db", str(path), "--port", "0"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert "read-only at http://127.0.0.1:" in line, line + proc.stderr.read()
        url = line.split(" at ", 1)[1].split()[0].rstrip("/")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_comparison_page_in_chromium(server):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed: pip install -e '.[dev]'")
    executable = _chromium()
    OUTPUT.mkdir(exist_ok=True)
    requested: list[str] = []
    with tempfile.TemporaryDirectory() as profile, sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=executable, headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1200, "height": 1000},
        )  # fmt: skip
        try:
            page = context.new_page()
            page.on("request", lambda req: requested.append(req.url))
            page.goto(f"{server}/-/govstat/chart?indicator=vehicles.trips&unit={quote('车次')}")
            # the pivot: one row per region, one column per report year
            headers = page.locator("table.govstat-pivot thead th").all_inner_texts()
            assert headers[2:] == ["2017", "2018", "2019", "2020"]
            rows = {
                r.locator("td").first.inner_text(): r.locator("td").all_inner_texts()[2:]
                for r in page.locator("table.govstat-pivot tbody tr").all()
            }
            assert rows["大连市"] == ["8,100", "8,600", "9,050", ""]
            assert rows["宜春市"] == ["", "2,100", "2,400", ""]
            # the chart: one visible line per region, higher values drawn higher
            lines = page.locator("svg.govstat-chart polyline")
            assert lines.count() == 3
            boxes = {
                g.get_attribute("data-region"): g.locator("polyline").bounding_box()
                for g in page.locator("svg.govstat-chart g.govstat-series").all()
            }
            assert all(b and b["width"] > 100 for b in boxes.values()), boxes
            assert boxes["大连市"]["y"] < boxes["宜春市"]["y"]
            page.screenshot(path=str(OUTPUT / "chart.png"), full_page=True)
            # a value opens its source sentence with the number highlighted
            page.locator("table.govstat-pivot tbody tr", has_text="大连市").get_by_text("9,050").click()
            page.wait_for_load_state()
            current = page.locator("mark.govstat-current")
            assert current.inner_text() == "9050车次"
            assert "全市公务用车平台共出车" in page.locator("blockquote.govstat-sentence").inner_text()
            page.screenshot(path=str(OUTPUT / "mention.png"), full_page=True)
        finally:
            context.close()
    # nothing fetched from anywhere but our server
    assert requested and all(u.startswith(server) for u in requested), [u for u in requested if not u.startswith(server)]
    assert (OUTPUT / "chart.png").stat().st_size > 10_000
