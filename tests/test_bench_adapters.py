"""The benchmark adapters map each peer's output to SPEC §2 shapes correctly.

Pure mapping helpers are tested always; each peer's end-to-end test skips
cleanly when that peer (the `[bench]` extra) is not installed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from peers import common, lexicon  # noqa: E402

SENTENCE = "2019年全市更新公车356辆，节约资金10.8万元，腾退办公用房4.2万平方米，同比增长10.55%，5月31日完成。"


def spans(result: dict) -> dict[str, tuple]:
    return {m["text"]: (m["value"], m["unit"]) for m in result["mentions"]}


def needs(module: str):
    return pytest.mark.skipif(importlib.util.find_spec(module) is None, reason=f"{module} not installed ([bench] extra)")


def test_iso_from_bounds_is_as_precise_as_the_bounds():
    assert common.iso_from_bounds("2019-01-01 00:00:00", "2019-12-31 23:59:59") == "2019"
    assert common.iso_from_bounds("2019-02-01", "2019-02-28") == "2019-02"
    assert common.iso_from_bounds("2019-05-31", "2019-05-31") == "2019-05-31"
    assert common.iso_from_bounds("2019-01-01", "2019-09-30") == "2019-01/2019-09"
    assert common.iso_from_bounds("-inf", "2019-12-31") is None


def test_resolve_drops_numbers_inside_dates_and_keeps_the_longest_overlap():
    text = "5月31日更新356辆"
    at = text.index("356")
    numbers = [common.mention(text, 0, 1, 5), common.mention(text, at, at + 3, 356), common.mention(text, at, at + 4, 356, "辆", "count")]
    result = common.resolve(numbers, [common.date(text, 0, 5, "2019-05-31")])
    assert [(m["text"], m["unit"]) for m in result["mentions"]] == [("356辆", "辆")]
    assert result["dates"][0]["year_inferred"] is True


def test_lexicon_attaches_units_multipliers_and_skips_years():
    text = "2019年更新356辆，投入150多万元，腾退4.2万平方米，部门两部门"
    numbers = [(text.index(n), text.index(n) + len(n), float(n)) for n in ("2019", "356", "150", "4.2")]
    found = {m["text"]: (m["value"], m["unit"], m["kind"]) for m in lexicon.attach(text, numbers)}
    assert "2019" not in found and "2019年" not in found
    assert found["356辆"] == (356, "辆", "count")
    assert found["150多万元"] == (1_500_000, "元", "money")
    assert found["4.2万平方米"] == (42_000, "平方米", "area")


def test_lexicon_respects_not_before():
    # 两部门 is not "2 部" (rules/units.yaml not_before)
    assert lexicon.unit_after("2部门", 1) is None
    assert lexicon.unit_after("2部车", 1)[2] == "部"


@needs("jionlp")
def test_jionlp_money_and_dates():
    from peers import jionlp_peer

    result = jionlp_peer.load().extract(SENTENCE, 2019)
    assert spans(result)["10.8万元"] == (108000, "元")
    assert {d["text"]: d["iso"] for d in result["dates"]}["5月31日"] == "2019-05-31"


@needs("recognizers_number")
def test_recognizers_typed_results_and_lexicon_row():
    from peers import recognizers_peer

    engine = recognizers_peer.load()
    plain, with_lexicon = engine.extract(SENTENCE, 2019), engine.extract(SENTENCE, 2019, lexicon=True)
    assert spans(plain)["4.2万平方米"] == (42000, "平方米")
    assert spans(plain)["356"] == (356, None)
    assert spans(with_lexicon)["356辆"] == (356, "辆")
    assert {d["text"]: d["iso"] for d in plain["dates"]}["5月31日"] == "2019-05-31"


@needs("duckling")
def test_duckling_reference_year_and_lexicon_row():
    from peers import duckling_peer

    engine = duckling_peer.load()
    result = engine.extract(SENTENCE, 2019, lexicon=True)
    assert spans(result)["10.55%"] == (10.55, "%")
    assert spans(result)["4.2万平方米"] == (42000, "平方米")
    assert {d["text"]: d["iso"] for d in result["dates"]}["5月31日"] == "2019-05-31"


@needs("cn2an")
def test_cn2an_numbers_and_lexicon_row():
    from peers import cn2an_peer

    engine = cn2an_peer.load()
    text = "新建两个食堂，投入一百五十万元，更新一辆车"
    assert spans(engine.extract(text, 2019, lexicon=True)) == {"两个": (2, "个"), "一百五十万元": (1500000, "元")}
    assert spans(engine.extract(text, 2019))["一百五十万"] == (1500000, None)
