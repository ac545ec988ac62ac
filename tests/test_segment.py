"""The segmenter reads domain words with the flags `rules/userdict.txt` gives them."""

from __future__ import annotations

from pathlib import Path

import pytest

from govstat.extract import segment

USERDICT = Path(__file__).resolve().parent.parent / "rules" / "userdict.txt"


def user_flags() -> dict[str, str]:
    flags = {}
    for line in USERDICT.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3:
            flags[parts[0]] = parts[2]
    return flags


def test_every_user_word_takes_its_user_flag():
    # jieba-rs keeps its own flag for a word it knows (调剂 n, 独立 v); ours must win
    wrong = {word: segment.pairs(word) for word, flag in user_flags().items()
             if segment.pairs(word) != [(word, flag)]}
    assert wrong == {}


@pytest.mark.parametrize("text, word, flag", [
    ("统筹调剂办公用房9批次", "调剂", "v"),
    ("市直部门腾退独立办公场所5处", "独立", "b"),
    ("通过改造节约财政资金12万元", "节约", "v"),
])
def test_user_flags_hold_inside_a_phrase(text, word, flag):
    assert (word, flag) in segment.pairs(text)
