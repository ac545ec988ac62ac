"""The fast scan of exclusion (and date) patterns finds exactly what regex.finditer finds."""

from __future__ import annotations

import random
import warnings
from pathlib import Path
from re import _constants as _c
from re import _parser

import pytest
import regex
from govstat.extract.dates import _patterns as date_patterns
from govstat.extract.exclusions import Exclusions
from govstat.extract.fastscan import Scanner, holds, needed_text, split_alternatives
from govstat.extract.rulebook import load

ROOT = Path(__file__).resolve().parent.parent
RULE_PATTERNS = dict(load("exclusions")["patterns"]) | {
    f"date:{name}": rx.pattern for name, rx in date_patterns()[0].items()
}
TRICKY = {
    "leftmost first": r"ab|b|abc",
    "same start, first wins": r"\d+|\d+x",
    "prefix shared": r"IE\d|I\d+|E",
    "lookbehind": r"(?<=\p{Han})\d+|\d{3}x",
    "overlap": r"\d+-\d+|\d+|x",
}


_POOL = "0123456789 \nabcXxV.-/:()（）*+×中年月日号路次页届十二一〔〕"
_CATEGORIES = {
    _c.CATEGORY_DIGIT: str.isdigit,
    _c.CATEGORY_NOT_DIGIT: lambda ch: not ch.isdigit(),
    _c.CATEGORY_SPACE: str.isspace,
    _c.CATEGORY_NOT_SPACE: lambda ch: not ch.isspace(),
    _c.CATEGORY_WORD: lambda ch: ch.isalnum() or ch == "_",
    _c.CATEGORY_NOT_WORD: lambda ch: not (ch.isalnum() or ch == "_"),
}


_CHOICES: dict = {}  # (class node, pool) -> the pool's characters in it


def _in_class(ch: str, items) -> bool:
    hit, negate = False, False
    for op, av in items:
        if op is _c.NEGATE:
            negate = True
        elif op is _c.LITERAL:
            hit |= ch == chr(av)
        elif op is _c.RANGE:
            hit |= av[0] <= ord(ch) <= av[1]
        elif op is _c.CATEGORY:
            hit |= _CATEGORIES[av](ch)
    return hit != negate


def _sample(items, rng, pool) -> str:
    """A random string the parsed pattern (nearly) matches: lookarounds are ignored."""
    out = []
    for op, av in items:
        if op is _c.LITERAL:
            out.append(chr(av))
        elif op is _c.IN:
            key = (id(av), len(pool))
            if key not in _CHOICES:
                _CHOICES[key] = [ch for ch in pool if _in_class(ch, av)] or [""]
            out.append(rng.choice(_CHOICES[key]))
        elif op is _c.ANY:
            out.append(rng.choice(pool))
        elif op is _c.BRANCH:
            out.append(_sample(rng.choice(av[1]), rng, pool))
        elif op is _c.SUBPATTERN:
            out.append(_sample(av[3], rng, pool))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, high, sub = av
            count = rng.randint(low, min(high, low + 3))
            out.extend(_sample(sub, rng, pool) for _ in range(count))
    return "".join(out)


def _fuzz_texts(pattern: str, n: int, seed: int) -> list[str]:
    """Texts glued from the pattern's own random matches, cut pieces of them and stray characters:
    matches are frequent, overlap and touch."""
    source = pattern.replace(r"[\p{Han}]", "[中年路]").replace(r"\p{Han}", "[中年路]")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # [\[…] is a literal [ for both parsers
        parsed = list(_parser.parse(source))
    pool = sorted(set(_POOL) | {c for c in pattern if c not in "\\()[]{}?*+|^$"})
    rng = random.Random(seed)
    _CHOICES.clear()  # keyed by node ids of this parse
    texts = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 6)):
            piece = _sample(parsed, rng, pool)
            kind = rng.random()
            if kind < 0.2:
                piece = piece[: rng.randint(0, len(piece))]
            elif kind < 0.4:
                piece = rng.choice(pool)
            parts.append(piece)
        texts.append("".join(parts))
    return texts


def _corpus_texts() -> list[str]:
    from govstat.extract.normalize import NormalizedText

    paths = sorted((ROOT / "corpus" / "reports").glob("*.txt"))[:20]
    return [NormalizedText(p.read_text(encoding="utf-8-sig")).norm for p in paths]


@pytest.mark.parametrize("name", sorted(RULE_PATTERNS) + sorted(TRICKY))
def test_scanner_finds_what_finditer_finds(name):
    pattern = RULE_PATTERNS.get(name) or TRICKY[name]
    scanner, plain = Scanner(pattern), regex.compile(pattern)
    texts = _fuzz_texts(pattern, 300, seed=len(name))
    for text in texts:
        spans = [m.span() for m in plain.finditer(text)]
        assert scanner.spans(text) == spans, text
        assert [m.span() for m in scanner.finditer(text)] == spans, text
        if spans:  # a text with a match satisfies the condition (a lookaround's text may lie outside the match)
            assert holds(scanner.need, text), text


@pytest.mark.parametrize("pattern", [r"(?<=前)\s*\d+(?:名|位)", r"(?<=[一二]点)(?<!百分之一点)[一二三]+", r"(?<=a)a*b"])
def test_a_lookbehind_ending_in_a_character_anchors_the_scan(pattern):
    scanner, plain = Scanner(pattern), regex.compile(pattern)
    assert scanner.anchor is not None and scanner.alternatives is None
    for text in _fuzz_texts(pattern, 300, seed=len(pattern)) + ["前3名前4位", "前前5名", "一点二点一", "aaab", "aab", "abab"]:
        assert scanner.spans(text) == [m.span() for m in plain.finditer(text)], text


def test_tricky_patterns_run_as_alternatives():
    for pattern in TRICKY.values():
        assert Scanner(pattern).alternatives is not None, pattern
    assert Scanner(r"\d{9,}|\d+-\d+").alternatives is None  # nothing to skip: run whole


def test_scanner_on_reports():
    texts = _corpus_texts()
    assert texts
    for pattern in RULE_PATTERNS.values():
        scanner, plain = Scanner(pattern), regex.compile(pattern)
        for text in texts:
            assert scanner.spans(text) == [m.span() for m in plain.finditer(text)]


def test_needed_text_of_rule_patterns():
    patterns = load("exclusions")["patterns"]
    assert needed_text(patterns["file_size"])[0] == "any"
    assert set(needed_text(patterns["file_size"])[1]) == {"KB", "MB", "kb", "mb"}
    assert needed_text(patterns["page_number"]) == "页"
    assert needed_text(patterns["postal_code"]) == ("any", ("邮编", "邮政编码"))
    assert needed_text(patterns["index_number"]) is None  # \d{9,}: no literal at all
    assert not holds(needed_text(patterns["file_size"]), "文件大小12 Kb")
    assert holds(needed_text(patterns["file_size"]), "附件 12KB")


@pytest.mark.parametrize(
    "pattern, need",
    [
        (r"\d+\s*(?:KB|MB)", ("any", ("KB", "MB"))),
        (r"a?b", "b"),
        (r"(?:a|b*)c", "c"),
        (r"次(?:会议|全会)", ("any", ("次全会", "次会议"))),
        (r"版本?\d", "版"),  # 版 in the text is implied by 版本
        (r"\p{Han}x", "x"),
        (r"[\p{Han}]x", "x"),  # not a literal "]x"
        (r"\\\p{Han}y", ("all", ("\\", "y"))),  # an escaped backslash, then \p{Han}
        (r"x\\p{Han}", None),  # a backslash and p{Han}: not a class (and no need read from it)
        (r"(?<=年)\d+", "年"),  # what a lookaround looks at is in the text
        (r"(?<=年)\d+(?=类)", ("all", ("年", "类"))),
        (r"(?<!年)\d+(?!月)", None),  # … not what a negative one refuses
        (r"(?i)abc", None),
        (r"(?i:ab)c", "c"),
        (r"[[:alpha:]]x", None),  # a POSIX class in `regex`
        (r"(?:ab){e<=1}", None),  # fuzzy matching
        (r"\L<words>", None),
        (r"[^a]b", "b"),
    ],
)
def test_needed_text(pattern, need):
    got = needed_text(pattern)
    if isinstance(need, tuple):
        assert got[0] == need[0] and set(got[1]) == set(need[1])
    else:
        assert got == need


def test_a_conjunction_keeps_the_rarest_parts():
    need = needed_text(r"\d年\d月\d[日号]")
    assert need[0] == "all" and set(need[1]) == {"年", "月"}  # 日|号 dropped: the condition stays true
    assert not holds(need, "2020年全年") and holds(need, "2020年1月")


@pytest.mark.parametrize(
    "pattern, pieces",
    [
        (r"a|[|]|(b|c)|\||x", ["a", "[|]", "(b|c)", r"\|", "x"]),
        (r"[]|]|a", ["[]|]", "a"]),
        (r"[^]|]|a", ["[^]|]", "a"]),
        (r"[\]|]|a", [r"[\]|]", "a"]),
        (r"a|", None),  # an empty alternative
        (r"a|(?=b)", None),
        (r"(?x)a|b", None),  # a global flag
        (r"(a)|\1", None),  # a reference to another alternative's group
        (r"abc", None),
    ],
)
def test_split_alternatives(pattern, pieces):
    assert split_alternatives(pattern) == pieces


def test_exclusions_block_what_the_patterns_match():
    text = "网站访问量：12345次，附件大小20KB，电话：010-12345678。"
    ex = Exclusions(text)
    for needle in ("12345", "20KB", "010-12345678"):
        start = text.index(needle)
        assert ex.identifiers.overlaps(start, start + len(needle)), needle
    assert not ex.identifiers.overlaps(0, 2)


def test_a_condition_reads_its_strings_literally():
    need = ("any", ("a.b", "(c", "年底"))
    assert not holds(need, "axb (d 年 底")
    assert holds(need, "x(c") and holds(need, "2020年底") and holds(need, "a.b")
    assert holds(("all", ("年", need)), "2020年底") and not holds(("all", ("月", need)), "2020年底")


def test_slogans_longest_first():
    text = "另一方面，三严三实和十四五规划；一方面"
    spans = [text[s:e] for s, e in Exclusions(text).slogans]
    assert spans == ["另一方面", "三严三实", "十四五", "一方面"]


def test_slogans_grouped_by_first_character_match_as_the_flat_alternation():
    """The slogans' pattern (wordtrie.words_pattern) finds, at every step, the word the flat
    longest-first alternation finds."""
    import re

    from govstat.extract.wordtrie import words_pattern

    words = load("exclusions")["slogans"] + ["a.b", "a", "ab", "两个", "两"]
    flat = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    grouped = words_pattern(words)
    rnd = random.Random(7)
    pieces = words + ["x", "，", "一", "三", "十", "a"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        text = "".join(ch for ch in text if rnd.random() > 0.1)  # cut some words short
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)], text


@pytest.mark.parametrize("strings", [("a.b", "(c", "年底"), ("年.", "年(", "年底"), tuple(f"{i}." for i in range(10))])
def test_sets_of_strings_are_read_literally(strings):
    """Both ways of testing a set of strings (one `in` each, one `re` scan) read them literally."""
    need = ("any", strings)
    for s in strings:
        assert holds(need, f"前{s}后")
        assert not holds(need, f"前{s[:-1]}x{s[-1]}后".replace(".", "x"))


def _naive_holds(need, text: str) -> bool:
    if need is None:
        return True
    if isinstance(need, str):
        return need in text
    kind, parts = need
    return (all if kind == "all" else any)(_naive_holds(p, text) for p in parts)


def test_a_condition_is_its_plain_reading():
    """The character gates of `checker` never change its answer (strings sharing characters,
    strings whose characters are all present but not in order, one shared by all, many)."""
    rng = random.Random(3)
    pool = "年底初类一二三.cn次会议ab"
    strings = ["年底", "底年", "一类", "二类", "三类", ".cn", "c.n", "次会议", "议会次", "a", "ab", "ba", "年"]
    needs = [("any", tuple(rng.sample(strings, rng.randint(2, 9)))) for _ in range(40)]
    needs += [("all", (rng.choice(strings), n)) for n in needs[:20]] + [("any", (n, "b")) for n in needs[20:]]
    needs += [("all", tuple(rng.sample(strings, 3))) for _ in range(10)] + strings
    for _ in range(200):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))
        for need in needs:
            assert holds(need, text) == _naive_holds(need, text), (need, text)


def _random_pattern(rng: random.Random, depth: int = 0) -> str:
    """A random pattern of literals, classes, groups, alternatives, repeats and lookarounds."""
    atoms = ["a", "b", "年", "月", "1", r"\.", "[ab]", "[^a]", r"\d", ".", r"\p{Han}", "(?=a)", "(?<=b)", "(?<!1)"]
    alternatives = []
    for _ in range(rng.randint(1, 3)):
        seq = []
        for _ in range(rng.randint(1, 4)):
            if depth < 2 and rng.random() < 0.25:
                atom = f"(?:{_random_pattern(rng, depth + 1)})"
            else:
                atom = rng.choice(atoms)
            if not atom.startswith("(?=") and not atom.startswith("(?<") and rng.random() < 0.3:
                atom += rng.choice(["?", "*", "+", "{1,2}", "+?"])
            seq.append(atom)
        alternatives.append("".join(seq))
    return "|".join(alternatives)


def test_random_patterns():
    rng = random.Random(7)
    texts = ["".join(rng.choice("ab年月1. x中") for _ in range(rng.randint(0, 30))) for _ in range(60)]
    split = 0
    for _ in range(300):
        pattern = _random_pattern(rng)
        scanner, plain = Scanner(pattern), regex.compile(pattern)
        split += scanner.alternatives is not None
        for text in texts:
            matches = list(plain.finditer(text))
            assert scanner.spans(text) == [m.span() for m in matches], (pattern, text)
            if matches:
                assert holds(scanner.need, text), (pattern, text)
    assert split > 30  # the merge of alternatives is exercised


def test_cached_plans_and_needs_are_what_the_parser_reads(tmp_path, monkeypatch):
    from govstat.extract import fastscan

    monkeypatch.setenv("GOVSTAT_CACHE_DIR", str(tmp_path))
    patterns = dict(load("exclusions")["patterns"]) | {"tricky": TRICKY["overlap"], "plain": r"\d+"}
    for _ in range(2):  # built, then read back from the cache
        plans = fastscan.plans("t", patterns)
        needs = fastscan.needs("n", patterns)
        assert plans == {k: fastscan.plan_of(p) for k, p in patterns.items()}
        assert needs == {k: needed_text(p) for k, p in patterns.items()}
    assert len(list(tmp_path.rglob("*.marshal"))) == 2
    assert fastscan.plans("t", {"other": "KB|MB"}) == {"other": fastscan.plan_of("KB|MB")}  # another key


def test_scanner_compiles_on_first_use_only():
    scanner = Scanner(r"\d+KB|\d+MB|浏览\d+次")
    assert scanner._regex is None and scanner._compiled == [None, None, None]
    assert scanner.spans("共5MB") == [(1, 4)]
    assert scanner._compiled[0] is None and scanner._compiled[1] is not None  # (KB absent: not compiled)
