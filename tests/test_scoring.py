"""The SPEC §8 scorer on hand-made gold/predicted dicts, and `govstat eval` on a tmp dir."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from govstat.errors import GovstatError
from govstat.evaluate.command import eval_command, summary_lines
from govstat.evaluate.scoring import (
    DOC_FIELDS,
    Counts,
    aggregate,
    evaluate_dirs,
    pair_spans,
    score_document,
    value_correct,
)


def m(start, end, value=1, unit="辆", **kw):
    base = {"start": start, "end": end, "text": "x" * (end - start), "value": value, "value_max": None, "unit": unit}
    base.update({"approx": None, "change": None, "indicator": None})
    base.update(kw)
    return base


def d(start, end, iso):
    return {"start": start, "end": end, "text": "x" * (end - start), "iso": iso, "year_inferred": False}


def doc(mentions=(), dates=(), **fields):
    document = {name: None for name in DOC_FIELDS}
    document.update(fields)
    return {"document": document, "mentions": list(mentions), "dates": list(dates)}


# --- pairing -------------------------------------------------------------------


def test_pairing_needs_overlap_touching_spans_do_not_pair():
    assert pair_spans([m(0, 4)], [m(4, 8)]) == []
    assert pair_spans([m(0, 4)], [m(3, 8)]) == [(0, 0)]


def test_pairing_is_one_to_one_and_greedy_by_overlap_length():
    gold = [m(0, 10), m(10, 14)]
    # pred 0 overlaps gold 0 by 2 and gold 1 by 4; pred 1 overlaps gold 0 by 8.
    pred = [m(8, 14), m(0, 8)]
    assert pair_spans(gold, pred) == [(0, 1), (1, 0)]
    # one long prediction covering two gold spans pairs only with the larger overlap
    assert pair_spans([m(0, 3), m(3, 9)], [m(0, 9)]) == [(1, 0)]
    # two predictions on one gold span: only one pairs
    assert pair_spans([m(0, 6)], [m(0, 2), m(2, 6)]) == [(0, 1)]


def test_greedy_takes_longest_overlap_first_even_if_not_optimal_matching():
    # gold A [0,6) and gold B [5,7); pred X [1,7) overlaps A by 5, B by 2;
    # pred Y [6,7) overlaps B by 1.  Greedy: X-A (5), then Y-B (1).
    assert pair_spans([m(0, 6), m(5, 7)], [m(1, 7), m(6, 7)]) == [(0, 0), (1, 1)]


def test_detection_counts_paired_and_unpaired():
    gold = doc([m(0, 3), m(10, 13), m(20, 23)])
    pred = doc([m(1, 3), m(30, 33)])
    s = score_document(gold, pred)
    assert (s.detection.tp, s.detection.fp, s.detection.fn) == (1, 1, 2)
    assert s.detection.precision == pytest.approx(0.5)
    assert s.detection.recall == pytest.approx(1 / 3)
    assert s.detection.f1 == pytest.approx(0.4)


# --- value -----------------------------------------------------------------------


def test_value_tolerance_is_relative_1e6():
    assert value_correct(m(0, 2, 42000), m(0, 2, 42000.000001))
    assert value_correct(m(0, 2, 172000000), m(0, 2, 172000000 * (1 + 5e-7)))
    assert not value_correct(m(0, 2, 172000000), m(0, 2, 172000000 * (1 + 5e-6)))
    assert not value_correct(m(0, 2, 4.2), m(0, 2, 42000))
    assert value_correct(m(0, 2, 0), m(0, 2, 0.0))


def test_unit_must_be_equal_and_none_equals_none():
    assert not value_correct(m(0, 2, 356, "辆"), m(0, 2, 356, "台"))
    assert not value_correct(m(0, 2, 356, None), m(0, 2, 356, "辆"))
    assert value_correct(m(0, 2, 362, None), m(0, 2, 362, None))


def test_value_max_must_agree():
    assert value_correct(m(0, 5, 230000, "平方米", value_max=250000), m(0, 5, 230000, "平方米", value_max=250000.0))
    assert not value_correct(m(0, 5, 230000, "平方米", value_max=250000), m(0, 5, 230000, "平方米"))
    assert not value_correct(m(0, 5, 230000, "平方米"), m(0, 5, 230000, "平方米", value_max=250000))


def test_value_f1_counts_a_value_wrong_pair_as_both_fp_and_fn():
    gold = doc([m(0, 3, 10), m(10, 13, 20), m(20, 23, 30, "元")])
    pred = doc([m(0, 3, 10), m(10, 13, 21), m(20, 23, 30, "万元")])
    s = score_document(gold, pred)
    assert (s.detection.tp, s.detection.fp, s.detection.fn) == (3, 0, 0)
    assert (s.value.tp, s.value.fp, s.value.fn) == (1, 2, 2)
    assert s.value.f1 == pytest.approx(1 / 3)
    kinds = [e.kind for e in s.errors]
    assert kinds.count("value") == 2


# --- approx / change / indicator -------------------------------------------------


def test_attribute_accuracy_only_over_value_correct_pairs_with_gold_set():
    gold = doc(
        [
            m(0, 3, 1, approx="about", change=None, indicator="vehicles.fleet"),
            m(10, 13, 2, approx="over", change="increase", indicator=None),
            m(20, 23, 3, approx=None, change="decrease", indicator="meetings.held"),
            m(30, 33, 4, approx="about", change="increase", indicator="vehicles.trips"),  # value wrong below
            m(40, 43, 5, approx=None, change=None, indicator=None),
        ]
    )
    pred = doc(
        [
            m(0, 3, 1, approx="about", change="increase", indicator="vehicles.fleet"),
            m(10, 13, 2, approx="about", change="increase", indicator="vehicles.trips"),
            m(20, 23, 3, approx="under", change=None, indicator="meetings.held"),
            m(30, 33, 99, approx="about", change="increase", indicator="vehicles.trips"),
            m(40, 43, 5, approx=None, change=None, indicator=None),
        ]
    )
    s = score_document(gold, pred)
    assert s.value.tp == 4
    # approx: gold set on mentions 0, 1 (mention 3 is value-wrong) -> 1 of 2
    assert (s.accuracy["approx"].hits, s.accuracy["approx"].total) == (1, 2)
    # change: gold set on mentions 1, 2 -> 1 of 2
    assert (s.accuracy["change"].hits, s.accuracy["change"].total) == (1, 2)
    # indicator: gold set on mentions 0, 2 -> 2 of 2
    assert (s.accuracy["indicator"].hits, s.accuracy["indicator"].total) == (2, 2)
    # false assignment: gold indicator null on mentions 1, 4; predicted non-null on 1
    fa = s.false_assignment["indicator"]
    assert (fa.hits, fa.total) == (1, 2)
    assert fa.rate == pytest.approx(0.5)
    # approx false assignment: gold null on 2, 4; predicted under on 2
    assert (s.false_assignment["approx"].hits, s.false_assignment["approx"].total) == (1, 2)
    assert any(e.kind == "attribute" and "indicator None → vehicles.trips" in e.detail for e in s.errors)


def test_accuracy_with_empty_denominator_is_none():
    s = score_document(doc([m(0, 3)]), doc([m(0, 3)]))
    assert s.accuracy["indicator"].rate is None
    assert s.false_assignment["indicator"].rate == 0.0
    assert aggregate([s]).accuracy["approx"].rate is None


# --- dates -----------------------------------------------------------------------


def test_dates_pair_by_overlap_and_count_iso_correct_only():
    gold = doc(dates=[d(0, 5, "2019"), d(10, 18, "2019-12"), d(30, 35, "2018"), d(40, 44, "2017")])
    pred = doc(dates=[d(0, 5, "2019"), d(10, 16, "2019-11"), d(30, 34, "2018"), d(50, 55, "2016")])
    s = score_document(gold, pred)
    assert (s.date_spans.tp, s.date_spans.fp, s.date_spans.fn) == (3, 1, 1)
    assert (s.dates.tp, s.dates.fp, s.dates.fn) == (2, 2, 2)
    assert s.dates.f1 == pytest.approx(0.5)
    kinds = sorted(e.kind for e in s.errors if e.kind.startswith("date"))
    assert kinds == ["date-iso", "date-missed", "date-spurious"]


def test_dates_are_one_to_one():
    # a range written as one predicted span against two gold dates pairs once
    gold = doc(dates=[d(0, 5, "2015"), d(6, 11, "2017")])
    pred = doc(dates=[d(0, 11, "2015")])
    s = score_document(gold, pred)
    assert (s.dates.tp, s.dates.fp, s.dates.fn) == (1, 0, 1)


# --- document fields ---------------------------------------------------------------


def test_document_fields_compared_exactly_none_equals_none():
    gold = doc(title="伊春市机关事务管理局2019年工作总结", year=2019, county=None, level="city")
    pred = doc(title="伊春市机关事务管理局2019年工作总结", year="2019", county=None, level="county")
    s = score_document(gold, pred)
    assert s.fields["title"] and s.fields["county"] and s.fields["province"]
    assert not s.fields["year"] and not s.fields["level"]
    assert s.fields_right == len(DOC_FIELDS) - 2
    total = aggregate([s, score_document(gold, gold)])
    assert (total.fields["year"].hits, total.fields["year"].total) == (1, 2)
    assert total.fields_overall.hits == 2 * len(DOC_FIELDS) - 2
    assert total.fields_overall.total == 2 * len(DOC_FIELDS)


# --- zero division, empty docs, aggregation ------------------------------------------


def test_empty_documents_are_perfect_and_never_divide_by_zero():
    s = score_document(doc(), doc())
    for c in (s.detection, s.value, s.dates, s.date_spans):
        assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0)
    assert aggregate([]).value.f1 == 1.0


def test_nothing_predicted_or_nothing_to_find_scores_zero_not_crash():
    assert Counts(tp=0, fp=0, fn=3).precision == 0.0
    assert Counts(tp=0, fp=0, fn=3).f1 == 0.0
    assert Counts(tp=0, fp=2, fn=0).recall == 0.0
    assert Counts(tp=0, fp=2, fn=0).f1 == 0.0
    s = score_document(doc([m(0, 3)]), {})
    assert s.value.f1 == 0.0 and s.value.fn == 1
    s = score_document(doc([m(0, 3)]), None)
    assert s.detection.fn == 1


def test_aggregate_is_micro_average_not_mean_of_documents():
    a = score_document(doc([m(i * 10, i * 10 + 2) for i in range(9)]), doc([m(i * 10, i * 10 + 2) for i in range(9)]))
    b = score_document(doc([m(0, 2)]), doc())
    total = aggregate([a, b])
    assert (total.value.tp, total.value.fp, total.value.fn) == (9, 0, 1)
    assert total.value.recall == pytest.approx(0.9)
    assert total.documents == 2


def test_errors_carry_context_from_text():
    text = "全市共有公务用车356辆，比上年减少12辆。"
    start = text.index("356辆")
    gold = doc([m(start, start + 4, 356)])
    s = score_document(gold, doc(), text=text)
    (missed,) = [e for e in s.errors if e.kind == "missed"]
    assert "【356辆】" in missed.context
    assert missed.context.startswith("全市共有公务用车")


# --- directories and the CLI -------------------------------------------------------


def write_pair(tmp_path, doc_id, gold, report_text, ext=".txt"):
    (tmp_path / "gold").mkdir(exist_ok=True)
    (tmp_path / "reports").mkdir(exist_ok=True)
    (tmp_path / "gold" / f"{doc_id}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "reports" / f"{doc_id}{ext}").write_text(report_text, encoding="utf-8")


TEXT = "全市共有公务用车356辆。2019年会议服务120场。"


def fake_extractor(path):
    """Finds 356辆 right, 120场 with the wrong value, and the date."""
    text = path.read_text(encoding="utf-8")
    i, j, k = text.index("356辆"), text.index("120场"), text.index("2019年")
    return {
        "document": {"title": "t", "year": 2019, "text": text},
        "mentions": [m(i, i + 4, 356, "辆"), m(j, j + 4, 12, "场")],
        "dates": [d(k, k + 5, "2019")],
    }


def gold_for(text=TEXT):
    i, j, k = text.index("356辆"), text.index("120场"), text.index("2019年")
    return doc([m(i, i + 4, 356, "辆"), m(j, j + 4, 120, "场")], [d(k, k + 5, "2019")], title="t", year=2019)


def test_evaluate_dirs_with_custom_extractor(tmp_path):
    write_pair(tmp_path, "a1", gold_for(), TEXT)
    write_pair(tmp_path, "a2", gold_for(), TEXT, ext=".html")
    report = evaluate_dirs(tmp_path / "gold", tmp_path / "reports", extractor=fake_extractor)
    assert [x.doc_id for x in report.docs] == ["a1", "a2"]
    assert (report.scores.value.tp, report.scores.value.fp, report.scores.value.fn) == (2, 2, 2)
    assert report.scores.dates.f1 == 1.0
    assert report.scores.fields_overall.rate == 1.0


def test_evaluate_dirs_failed_extraction_counts_all_missed(tmp_path):
    write_pair(tmp_path, "a1", gold_for(), TEXT)
    write_pair(tmp_path, "b2", gold_for(), TEXT)
    seen = []

    def flaky(path):
        if path.stem == "b2":
            raise ValueError("boom")
        return fake_extractor(path)

    report = evaluate_dirs(tmp_path / "gold", tmp_path / "reports", extractor=flaky, on_failure=lambda *a: seen.append(a))
    assert report.failed == {"b2": "ValueError: boom"}
    assert [a[0] for a in seen] == ["b2"]
    assert report.scores.value.fn == 1 + 2
    assert report.scores.dates.fn == 1
    assert report.scores.fields_overall.hits == len(DOC_FIELDS)  # b2's fields all count wrong


def test_evaluate_dirs_unscorable_prediction_counts_as_failed(tmp_path):
    write_pair(tmp_path, "a1", gold_for(), TEXT)
    report = evaluate_dirs(
        tmp_path / "gold", tmp_path / "reports", extractor=lambda p: {"mentions": [{"value": 1}], "dates": []}
    )
    assert list(report.failed) == ["a1"]
    assert report.scores.value.fn == 2 and report.scores.value.fp == 0


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda p: None, "no such gold directory"),
        (lambda p: ((p / "gold").mkdir(), (p / "reports").mkdir()), "no gold files"),
        (
            lambda p: ((p / "gold").mkdir(), (p / "reports").mkdir(), (p / "gold" / "x.json").write_text("{}")),
            "no report x.*",
        ),
        (
            lambda p: ((p / "gold").mkdir(), (p / "reports").mkdir(), (p / "gold" / "x.json").write_text("{oops")),
            "not valid JSON",
        ),
        (
            lambda p: ((p / "gold").mkdir(), (p / "reports").mkdir(), (p / "gold" / "x.json").write_text("[1]")),
            "not a gold annotation",
        ),
    ],
)
def test_evaluate_dirs_user_errors(tmp_path, setup, message):
    setup(tmp_path)
    with pytest.raises(GovstatError, match=message):
        evaluate_dirs(tmp_path / "gold", tmp_path / "reports", extractor=fake_extractor)


def _invoke(main, args):
    """Run `govstat eval ARGS` through cli.main, the real error path: (exit code, stdout, stderr)."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(["eval", *args])
        except SystemExit as exc:
            code = exc.code or 0
    return code, out.getvalue(), err.getvalue()


def test_cli_missing_dir_exits_2_with_one_line(tmp_path):
    from govstat.cli import main

    code, out, err = _invoke(main, ["--gold", str(tmp_path / "nope"), "--reports", str(tmp_path)])
    assert code == 2
    assert err.strip().startswith("govstat: error:") and "no such gold directory" in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_cli_bad_json_exits_2(tmp_path):
    write_pair(tmp_path, "a1", gold_for(), TEXT)
    (tmp_path / "gold" / "a1.json").write_text("{not json", encoding="utf-8")
    from govstat.cli import main

    code, _out, err = _invoke(main, ["--gold", str(tmp_path / "gold"), "--reports", str(tmp_path / "reports")])
    assert code == 2 and "a1.json: not valid JSON" in err


def test_cli_table_then_summary_last_12_lines(tmp_path, monkeypatch):
    write_pair(tmp_path, "a1", gold_for(), TEXT)
    monkeypatch.setattr("govstat.extract_file", fake_extractor)
    result = CliRunner().invoke(eval_command, ["--gold", str(tmp_path / "gold"), "--reports", str(tmp_path / "reports")])
    assert result.exit_code == 0, result.output
    lines = result.output.rstrip("\n").splitlines()
    tail = "\n".join(lines[-12:])
    assert lines[0].startswith("id") and lines[1].startswith("a1")
    for needle in ("value ", "detection", "dates ", "approx", "change", "false-assignment", "doc fields"):
        assert needle in tail
    assert "F1 0.500" in tail  # value: 1 of 2 right on both sides


def test_summary_block_fits_in_12_lines(tmp_path):
    write_pair(tmp_path, "a1", gold_for(), TEXT)
    report = evaluate_dirs(tmp_path / "gold", tmp_path / "reports", extractor=fake_extractor)
    assert len(summary_lines(report)) <= 12


def test_cli_errors_lists_missed_spurious_and_value_wrong(tmp_path, monkeypatch):
    write_pair(tmp_path, "a1", gold_for(), TEXT)

    def extractor(path):
        out = fake_extractor(path)
        out["mentions"].append(m(0, 2, 7, "个"))  # spurious on 全市
        out["dates"] = []
        return out

    monkeypatch.setattr("govstat.extract_file", extractor)
    result = CliRunner().invoke(
        eval_command, ["--gold", str(tmp_path / "gold"), "--reports", str(tmp_path / "reports"), "--errors"]
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert "## a1" in out
    assert "value-wrong" in out and "gold 120 场 | pred 12 场" in out and "【120场】" in out
    assert "spurious" in out and "pred 7 个" in out
    assert "date-missed" in out and "【2019年】" in out


def test_cli_json_has_the_same_numbers(tmp_path, monkeypatch):
    write_pair(tmp_path, "a1", gold_for(), TEXT)
    monkeypatch.setattr("govstat.extract_file", fake_extractor)
    result = CliRunner().invoke(
        eval_command, ["--gold", str(tmp_path / "gold"), "--reports", str(tmp_path / "reports"), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["summary"]["value"]["f1"] == pytest.approx(0.5)
    assert data["summary"]["detection"]["f1"] == 1.0
    assert data["summary"]["dates"]["f1"] == 1.0
    assert data["summary"]["accuracy"]["indicator"]["rate"] is None
    assert data["documents"][0]["id"] == "a1"
    assert "errors" not in data["documents"][0]


def test_cli_failed_extraction_is_named_on_stderr_not_a_crash(tmp_path, monkeypatch):
    write_pair(tmp_path, "a1", gold_for(), TEXT)

    def broken(path):
        raise RuntimeError("cannot parse")

    monkeypatch.setattr("govstat.extract_file", broken)
    from govstat.cli import main

    code, out, err = _invoke(main, ["--gold", str(tmp_path / "gold"), "--reports", str(tmp_path / "reports")])
    assert code == 0
    assert "a1.txt" in err and "cannot parse" in err
    assert "FAILED" in out and "1 failed" in out
