"""Sentence spans: where a number's meaning is read from and what it links to."""

from __future__ import annotations

from govstat.extract.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_sentences_end_at_stops_and_line_breaks():
    assert sentences("全年保障会议120场。腾退用房30间;\n二、下步打算\n继续推进") == [
        "全年保障会议120场。", "腾退用房30间;", "二、下步打算", "继续推进"]


def test_a_line_wrapped_mid_sentence_does_not_end_it():
    text = "近三年平均每年召开大型会议638场,其中市委、市政府平均每年召\n开大中型会议194场,市人大召开61场。"
    assert sentences(text) == [text]


def test_short_lines_headings_and_enumerated_lines_keep_their_breaks():
    # a title with no comma, a line under 20 characters, a next line that opens a heading
    assert sentences("机关事务管理局二〇一九年度工作总结报告全文\n全年保障会议120场。") == [
        "机关事务管理局二〇一九年度工作总结报告全文", "全年保障会议120场。"]
    assert sentences("全年腾退用房,共计30间\n完成任务。") == ["全年腾退用房,共计30间", "完成任务。"]
    text = "全年共保障各类会议1200场次,完成各项保障任务\n二、下步打算"
    assert sentences(text) == ["全年共保障各类会议1200场次,完成各项保障任务", "二、下步打算"]


def test_sentence_pattern_reads_as_regex_would():
    # the sentence pattern runs on `re`; the `regex` module must give the same spans
    import random

    import regex

    from govstat.extract import sentences

    twin = regex.compile(sentences._SENTENCE.pattern)
    rng = random.Random(5)
    alphabet = "办公。！？；!?;\n \t\r\u3000a1,"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        assert ([m.span() for m in sentences._SENTENCE.finditer(text)]
                == [m.span() for m in twin.finditer(text)])


def test_sentence_spans_from_findall_are_those_of_the_matches():
    """split_sentences reads the sentence pattern's matches with findall, each starting where
    the one before ended: the same spans as reading each match's own start."""
    import random

    from govstat.extract.sentences import _SENTENCE, split_sentences, wrapped_line_ends

    def by_matches(text):
        spans, wraps = [], wrapped_line_ends(text)
        for m in _SENTENCE.finditer(text):
            core = m.group().strip()
            if core:
                start = m.start() + len(m.group()) - len(m.group().lstrip())
                if spans and spans[-1][1] in wraps:
                    spans[-1] = (spans[-1][0], start + len(core))
                else:
                    spans.append((start, start + len(core)))
        return spans

    rng = random.Random(17)
    alphabet = "文字数12。！？；!?;\n \t\u3000,，、\x1c"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert split_sentences(text) == by_matches(text), text
