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


def _tag_one(text: str, offset: int) -> list[tuple[str, str, int, int]]:
    out = []
    for word, flag, start in segment.tag(text):
        out.append((word, flag, offset + start, offset + start + len(word)))
    return out


def test_tag_many_cuts_each_text_as_by_itself():
    # one call for many phrases (joined by NUL) must give each phrase's own words:
    # white space, \r\n, punctuation, digits, latin and user words at the joins
    import random

    reports = sorted((Path(__file__).resolve().parent.parent / "corpus" / "reports").glob("*.txt"))
    text = "".join(p.read_text(encoding="utf-8") for p in reports[:6])
    rng = random.Random(7)
    texts = ["统筹调剂办公用房9批次", " 独立", "\r", "\n节约", "2019年 ", "、", "(wàn)元", "abc", "12.5%", "调剂"]
    for _ in range(400):
        start = rng.randrange(len(text))
        texts.append(text[start:start + rng.randint(1, 30)])
    offsets = [rng.randrange(1000) for _ in texts]
    assert segment.tag_many(texts, offsets) == [_tag_one(t, o) for t, o in zip(texts, offsets)]
    # a text holding NUL itself is cut alone
    assert segment.tag_many(["a\x00b", "办公用房"], [0, 5]) == [_tag_one("a\x00b", 0), _tag_one("办公用房", 5)]
    assert segment.tag_many([], []) == []


def test_the_tagger_loads_only_when_a_number_needs_a_meaning():
    # issue 7: jieba's dictionary is loaded once per process, and only when needed
    import subprocess
    import sys

    code = (
        "import govstat\n"
        "from govstat.extract import segment\n"
        "govstat.extract_text('机关事务管理局工作总结。全年工作稳步推进。')\n"
        "print(segment.is_loaded())\n"
        "govstat.extract_text('全年更新公务用车356辆。')\n"
        "print(segment.is_loaded())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]
