"""`govstat extract` end to end: formats, stdin, bad input; and the spaCy component."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "reports" / "s001.txt"
GOVSTAT = [sys.executable, "-m", "govstat.cli"]


def _write(path, data):
    path.write_bytes(data)
    return path


def run(*args, stdin=None):
    return subprocess.run(GOVSTAT + list(args), input=stdin, capture_output=True, timeout=120)


def test_json_follows_the_spec_schema():
    out = run("extract", str(SAMPLE))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"document", "mentions", "dates"}
    assert {"source", "sha256", "title", "organization", "province", "city", "county", "admin_code",
            "level", "year", "period", "published", "doc_type"} <= set(data["document"])
    text = SAMPLE.read_text(encoding="utf-8")
    cars = [m for m in data["mentions"] if m["text"] == "356辆"]
    assert cars and cars[0]["value"] == 356 and cars[0]["unit"] == "辆"
    for m in data["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
        assert set(m) >= {"start", "end", "text", "value", "value_max", "unit", "kind", "approx", "change",
                          "indicator", "subject", "scope", "cumulative", "section", "sentence_start",
                          "sentence_end", "extractor"}


def test_with_text_and_stdin():
    body = "全市腾退办公用房4.2万平方米。".encode("gb18030")
    out = run("extract", "-", "--with-text", stdin=body)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["document"]["text"] == "全市腾退办公用房4.2万平方米。"
    assert [(m["text"], m["value"]) for m in data["mentions"]] == [("4.2万平方米", 42000)]


def test_table_format_lists_values():
    out = run("extract", str(SAMPLE), "--format", "table")
    assert out.returncode == 0, out.stderr
    assert "356辆" in out.stdout.decode() and "statistics" in out.stdout.decode()


def test_html_format_highlights_and_escapes(tmp_path):
    page = tmp_path / "r.txt"
    page.write_text("<script>alert(1)</script>更新公车356辆。", encoding="utf-8")
    out = run("extract", str(page), "--format", "html")
    html = out.stdout.decode()
    assert out.returncode == 0
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert '<mark class="stat"' in html and "356辆</mark>" in html and 'title="356 辆' in html


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: p, "directory"),
        (lambda p: _write(p / "x.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64), "PNG"),
        (lambda p: _write(p / "bad.docx", b"PK\x03\x04broken"), "bad.docx"),
        (lambda p: _write(p / "bad.txt", "正常文字".encode("utf-8") + b"\xff\xfe\xfa" * 40 + "正常".encode()), "bad.txt"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, make, message):
    path = make(tmp_path)
    out = run("extract", str(path))
    err = out.stderr.decode().strip()
    assert out.returncode == 2
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1 and err.startswith("govstat: error:")
    assert message in err


def test_empty_file_is_a_valid_report(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = run("extract", str(empty))
    assert out.returncode == 0
    assert json.loads(out.stdout)["mentions"] == []


def test_spacy_component_puts_statistics_on_the_doc():
    import spacy

    from govstat.extract.spacy_component import chinese_pipeline

    nlp = chinese_pipeline()
    doc = nlp("全市更新公车356辆,同比增长10.55%。2019年3月开工")
    stats = [(s.text, s._.value, s._.unit, s._.change) for s in doc.spans["statistics"]]
    assert stats == [("356辆", 356, "辆", None), ("10.55%", 10.55, "%", "increase")]
    assert [(s.text, s._.iso) for s in doc.spans["dates"]] == [("2019年3月", "2019-03")]
    # the factory is registered by entry point too: a plain blank pipeline can add it
    plain = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    plain.add_pipe("govstat_statistics", config={"meaning": False})
    small = plain("腾退房间45间")
    assert [s.text for s in small.spans["statistics"]] == ["45间"]
