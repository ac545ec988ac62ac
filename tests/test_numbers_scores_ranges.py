"""Session 11 numbers round 7: scores in 分, 约有 before the counted noun, 部分 as a
classifier, ranges with 余/多 on the low end.

Sentences are written for these tests, not copied from the sample reports.
"""

import pytest

import govstat


def found(text):
    return [(m.text, m.value, m.value_max, m.unit, m.kind, m.approx)
            for m in govstat.extract_text(text, meaning=False).mentions]


@pytest.mark.parametrize(
    "sentence, span, value, value_max, unit, approx",
    [
        ("全年租用车辆200余至300辆次。", "200余至300辆次", 200, 300, "辆次", "over"),
        ("每月保障200多至300场会议。", "200多至300场", 200, 300, "场", "over"),
        ("每期参训人员二十余至三十人。", "二十余至三十人", 20, 30, "人", "over"),
        ("每个区县有10余至20余家示范单位。", "10余至20余家", 10, 20, "家", "over"),
    ],
)
def test_range_with_over_on_its_low_end(sentence, span, value, value_max, unit, approx):
    assert found(sentence) == [(span, value, value_max, unit, "count", approx)]
