"""The normalised copy: simplified script, half-width characters, offsets unchanged."""

import pytest

from govstat.extract.normalize import NormalizedText, simplify


@pytest.mark.parametrize(
    "text, expected",
    [
        ("院區共有職工三百人", "院区共有职工三百人"),
        ("ＡＢＣ１２３，（）", "ABC123,()"),
        ("办公\u3000用房\u00a0面积", "办公 用房 面积"),
        ("全区共清理办公用房3.6万平方米。", "全区共清理办公用房3.6万平方米。"),  # nothing to change
        ("节能" * 500 + "萬", "节能" * 500 + "万"),  # one character to change, at the very end
        ("", ""),
    ],
)
def test_simplify(text, expected):
    assert simplify(text) == expected


def test_simplify_beyond_the_bmp():
    """Characters beyond the BMP are found by one range, then looked up: the table's are
    translated (whatever else the text holds), others leave the text as it is."""
    from govstat.extract.normalize import _translation_table

    astral = sorted(c for c in _translation_table() if c > 0xFFFF)
    assert astral, "the OpenCC table has characters beyond the BMP"
    source = chr(astral[0])
    target = _translation_table()[astral[0]]
    assert simplify("职工" + source + "人") == "职工" + target + "人"
    assert simplify("𠀀" + source) == "𠀀" + target
    text = "职工𠀀人"  # U+20000 is not in the table
    assert 0x20000 not in _translation_table() and simplify(text) is text


def test_gloss_removed_and_spans_map_back():
    n = NormalizedText("節約經(jīng)費12萬元")
    assert n.simplified == "节约经(jīng)费12万元"
    assert n.norm == "节约经费12万元"
    start = n.norm.index("12")
    assert n.original_span_text(start, len(n.norm)) == "12萬元"


@pytest.mark.parametrize("tested_before", [0, 10**9])  # the set test first, then the compiled class
def test_set_test_and_pattern_agree(monkeypatch, tested_before):
    from govstat.extract import normalize
    from govstat.extract.normalize import _translation_table

    monkeypatch.setattr(normalize, "_set_tested", tested_before)
    astral = min(c for c in _translation_table() if c > 0xFFFF)
    for text, changed in [("全区节能", False), ("全區节能", True), ("职工𠀀人", False),
                          ("职工𠀀" + chr(astral), True), ("ABC", False), ("ＡBC", True), ("", False)]:
        assert normalize._has_translated(text) is changed, text
        assert (simplify(text) is not text) is changed


def test_first_translated_class_is_the_table():
    from govstat.extract.normalize import _first_translated, _translated_chars

    search, table = _first_translated(), _translated_chars()
    assert all((search(chr(c)) is not None) == (chr(c) in table) for c in range(0xD800))
    assert all((search(chr(c)) is not None) == (chr(c) in table) for c in range(0xE000, 0x10000))
    assert search("\U00010000") and search("\U0010ffff") and search("\U00020000")


def test_few_changed_characters_are_replaced_as_translate_would(monkeypatch):
    import random

    from govstat.extract import normalize as N

    monkeypatch.setattr(N, "_set_tested", N._SET_TEST_CHARS)  # the compiled-pattern path
    table = N._translation_table()
    changed = sorted(N._translated_chars())
    rng = random.Random(3)
    plain = list("机关事务管理局办公用房2019年,。 ab")
    for _ in range(2000):
        pool = plain + rng.sample(changed, rng.randint(0, 20)) + ["，", "（", "）", "𠀀"]
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 40)))
        assert N.simplify(text) == text.translate(table), text
