"""Fast shapes of word lists and patterns match exactly what the plain patterns do."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from govstat.extract.doc_config import _ByFirstChar, config
from govstat.extract.indicator_sentence import CLAUSE_BREAK_RE
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


def test_clause_breaks_as_the_plain_alternation_finds_them():
    """CLAUSE_BREAK_RE opens with one class (so `re` skips to the next mark) and breaks
    where its plain reading does: at ;:；：, and at a comma unless a digit stands before
    it and exactly three after (3,620件次)."""
    plain = re.compile(r"[;:；：]|[,，](?:(?<!\d[,，])|(?!\d{3}(?!\d)))")
    rng = random.Random(5)
    pieces = ["1", "2", "0", ",", "，", ";", "：", "年", "a", " ", "123", "1,234", "12,3456"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        pos = rng.randrange(len(text) + 1)
        assert [m.span() for m in CLAUSE_BREAK_RE.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        assert ([m.span() for m in CLAUSE_BREAK_RE.finditer(text, pos)]
                == [m.span() for m in plain.finditer(text, pos)]), (text, pos)


def test_agency_kinds_by_first_character_match_as_one_trie():
    """The agency kinds, searched one trie per first character, give the one trie's matches
    (the longest at the leftmost place), with `search` and `finditer`, also where words of
    two groups overlap or are cut short."""
    kinds = config()["kinds"]
    grouped, trie = config()["kind_re"], words_pattern(kinds)
    assert isinstance(grouped, _ByFirstChar) and len(grouped.groups) > 1  # else this tests nothing
    rng = random.Random(11)
    pieces = [*rng.sample(kinds, min(12, len(kinds))), *(k for k in kinds if k[0] != kinds[0][0]),
              "机关", "公共", "市", "x", "，"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        text = "".join(ch for ch in text if rng.random() > 0.1)  # cut some words short
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in trie.finditer(text)], text
        found, plain = grouped.search(text), trie.search(text)
        assert (found and found.span()) == (plain and plain.span()), text
