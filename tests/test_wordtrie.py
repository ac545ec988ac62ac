"""Fast shapes of word lists and patterns match exactly what the plain patterns do."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from govstat.extract.indicators import load_rules
from govstat.extract.wordtrie import _first_chars, with_first_chars, words_pattern

REPORTS = Path(__file__).resolve().parent.parent / "corpus" / "reports"


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(REPORTS.glob("*.txt"))[:10]]


def test_words_pattern_matches_the_longest_first_alternation():
    words = ["办公", "办公用房", "用房", "公车", "车", "会议室", "会议"]
    plain = re.compile("|".join(sorted(words, key=len, reverse=True)))
    trie = words_pattern(words)
    for text in _texts():
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("pattern, chars", [
    ("x?y", "xy"), ("(?:ab|c)d", "ac"), (r"\bfoo", "f"), ("a{0,2}b", "ab"), ("(?=x)y", "y"),
    (r"\d+年", r"\d"), ("(a)|b", "ab"), ("[0-9a]", "0-9a"),
    ("a|b*", None), ("[^a]b", None), (".a", None), ("a*", None), ("(?i)ab", None), (r"\D", None),
])
def test_first_chars(pattern, chars):
    assert _first_chars(re.compile(pattern)) == chars


def test_with_first_chars_finds_the_same_matches():
    rules = load_rules()
    patterns = [rules.running_re, re.compile(r"(?:[两三]+|\d+)\s*年多?来|截至|(?<=,)累计"),
                re.compile(r"\d{4}\s*年?(?=底)")]
    rng = random.Random(3)
    texts = _texts() + ["2015年至2017年累计", "三年来,截至8月底", "2019年底", ",累计5次", ""]
    for pattern in patterns:
        fast = with_first_chars(pattern)
        assert fast is not pattern
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in pattern.finditer(text)]
            for _ in range(20):
                pos = rng.randrange(len(text) + 1)
                end = rng.randrange(pos, len(text) + 1)
                assert ([m.span() for m in fast.finditer(text, pos, end)]
                        == [m.span() for m in pattern.finditer(text, pos, end)])
    assert with_first_chars(re.compile("a*")).pattern == "a*"  # may match empty: left alone
