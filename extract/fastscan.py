"""Scanning a document with a rule pattern: the matches of `regex.finditer`, found with less work.

The `regex` engine tries a match at every position of a document when a
pattern starts with a class (`\\d+…`) or an alternation of words, even when the
document lacks the text every match needs (`KB|MB`, `浏览|阅读…`, `年`), and a
pattern made of alternatives (`a|b|c`) loses the fast paths each alternative
has alone. Three exact shortcuts, all read from the pattern itself:

- `needed_text(pattern)`: a condition on the document (it contains `KB` or
  `MB` …) that every match implies. `str` searches test it cheaply; when it
  fails, there is no match and the pattern is not run.
- a pattern `A|B|C` whose alternatives each match at least one character is
  run as its alternatives, each gated by its own needed text, and their
  matches merged as `finditer` would: at the leftmost position where any
  alternative matches, the first alternative that matches there wins, and the
  search goes on after its end.
- a pattern opening with a lookbehind that ends in a character (`(?<=前)…`,
  `(?<=[一二三]点)…`) matches only right after that character: the engine
  would try the lookbehind at every position, the scanner tries the pattern
  only after each occurrence of the character (`str.find`), in order, going
  on after each match's end as `finditer` does.

Patterns are read with the standard library's parser, `regex` syntax being a
superset of it: `\\p{…}` is read as an unknown class, and a pattern the parser
cannot read, or might read differently from `regex` (POSIX classes, fuzzy
matching, comments, global flags, case-insensitive parts), is run as it is.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import regex

from .rulebook import cached

try:  # Python ≥ 3.11
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c
    import sre_parse as _sre_parse

# A condition on a document: None (always true), a string it must contain,
# ("all", parts) or ("any", parts).
Need = "str | tuple | None"

_MAX_EXACT = 32  # bigger sets of alternative strings are not worth testing one by one
_MAX_ALL = 2  # tests kept of a conjunction (dropping some keeps it true of every match)
_UNKNOWN_CLASS = r"\W"  # stands for \p{…}, in or out of a class: a category, never a literal
_ESCAPE = re.compile(r"\\(?:([pP]\{[^}]*\})|.)", re.DOTALL)  # group 1: a \p{…} property
_REGEX_ONLY = re.compile(r"\[:\^?\w+:\]|\{(?!\d*,?\d*\})")  # POSIX classes [:alpha:], fuzzy {e<=1}
_COMMON_SIGNS = frozenset(" .,:;-/()%")
_NOT_SPLIT = re.compile(r"\(\?[a-zA-Z]+\)|\(\?#")  # global flags (?x), comments
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}


class Scanner:
    """One rule pattern, with what a document must contain for it to match.

    The pattern, and each alternative it is split into, is compiled on first
    use only: most documents lack what most rule patterns need (a process that
    reads one report then compiles a few of them). `plan`: `plan_of(pattern)`,
    when the caller has it already (`plans`, from the cache)."""

    __slots__ = ("alternatives", "anchor", "has_need", "need", "pattern", "_regex", "_compiled")

    def __init__(self, pattern: str, plan: tuple | None = None):
        self.pattern = pattern
        self.need, pieces, self.anchor = plan_of(pattern) if plan is None else plan
        self.has_need = checker(self.need)
        # (alternative, its condition) when split, else None
        self.alternatives = None if pieces is None else [(p, checker(n)) for p, n in pieces]
        self._regex = None
        self._compiled = None if pieces is None else [None] * len(pieces)

    @property
    def regex(self):
        """The whole pattern, compiled."""
        if self._regex is None:
            self._regex = regex.compile(self.pattern)
        return self._regex

    def _alternative(self, i: int):
        rx = self._compiled[i]
        if rx is None:
            rx = self._compiled[i] = regex.compile(self.alternatives[i][0])
        return rx

    def finditer(self, text: str):
        """`regex.finditer(text)` (the same Match objects), or nothing when the needed text is missing."""
        if self.anchor is not None:
            return self._after_anchor(text)
        if self.has_need(text):
            return self.regex.finditer(text)
        return iter(())

    def _after_anchor(self, text: str):
        """The matches of `finditer`, tried only right after each occurrence of the anchor: no
        match starts elsewhere (the lookbehind ends with it), and each match is ≥ 1 character
        long, so the next one is looked for from its end. (No test of `need`: cheaper so.)"""
        anchor, match = self.anchor, self.regex.match
        q = text.find(anchor)
        while q != -1:
            m = match(text, q + 1)
            if m is None:
                q = text.find(anchor, q + 1)
            else:
                yield m
                q = text.find(anchor, m.end() - 1)  # a match may start right at m.end()

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The spans of `regex.finditer(text)`."""
        if self.anchor is not None:
            return [m.span() for m in self._after_anchor(text)]
        if self.alternatives is None:
            return [m.span() for m in self.regex.finditer(text)] if self.has_need(text) else []
        live = [self._alternative(i) for i, (_p, has_need) in enumerate(self.alternatives) if has_need(text)]
        if len(live) <= 1:
            return [m.span() for m in live[0].finditer(text)] if live else []
        ahead = [rx.search(text) for rx in live]  # each alternative's next match
        out, pos = [], 0
        while True:
            best = None
            for i, m in enumerate(ahead):
                if m is not None and m.start() < pos:  # overtaken: search again from pos
                    m = ahead[i] = live[i].search(text, pos)
                if m is not None and (best is None or m.start() < best.start()):
                    best = m  # on a tie the earlier alternative stays
            if best is None:
                return out
            out.append(best.span())
            pos = best.end()  # > start: every alternative matches at least one character


def plan_of(pattern: str) -> tuple:
    """What a Scanner reads from `pattern`, as plain data: (its condition, [(alternative,
    its condition), …] when it is worth splitting, else None, the character its
    matches start right after, else None)."""
    pieces = split_alternatives(pattern) or []
    needs = [needed_text(p) for p in pieces]
    # split only when some alternative can be skipped (\d{9,}|… alone gains nothing)
    split = any(n is not None for n in needs)
    return needed_text(pattern), (list(zip(pieces, needs)) if split else None), None if split else anchor_of(pattern)


def anchor_of(pattern: str) -> str | None:
    """The character every match starts right after, when the pattern opens with a lookbehind
    ending in it (`(?<=前)\\s*\\d+`: 前) and matches ≥ 1 character; else None."""
    parsed = None if _NOT_SPLIT.search(pattern) else _parse(pattern)
    if parsed is None or parsed.state.flags & _c.SRE_FLAG_IGNORECASE or parsed.getwidth()[0] < 1:
        return None
    op, av = parsed[0]
    if op is not _c.ASSERT or av[0] != -1 or not len(av[1]):
        return None
    op, av = av[1][-1]
    return chr(av) if op is _c.LITERAL else None


def plans(stem: str, patterns: dict[str, str]) -> dict[str, tuple]:
    """`plan_of` each pattern (name -> pattern), kept in the marshal cache
    (`rulebook.cached`) keyed by the patterns and this module: reading them with
    the parser was a third of what building the rule patterns cost at start-up."""
    return cached(stem, [Path(__file__)], lambda: {k: plan_of(p) for k, p in patterns.items()}, key=patterns)


def needs(stem: str, patterns: dict[str, str]) -> dict[str, Need]:
    """`needed_text` of each pattern (name -> pattern), kept in the cache as `plans` are."""
    return cached(stem, [Path(__file__)], lambda: {k: needed_text(p) for k, p in patterns.items()}, key=patterns)


def split_alternatives(pattern: str) -> list[str] | None:
    """`A|B|C` -> [A, B, C] when each alternative stands alone and matches ≥ 1 character, else None."""
    if _NOT_SPLIT.search(pattern):
        return None
    pieces, depth, start, i, n = [], 0, 0, 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # skip the class; a ] right after [ or [^ is a literal
            i += 1 + (pattern[i + 1 : i + 2] == "^")
            i += pattern[i : i + 1] == "]"
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            pieces.append(pattern[start:i])
            start = i + 1
        i += 1
    pieces.append(pattern[start:])
    if len(pieces) < 2:
        return None
    for piece in pieces:
        parsed = _parse(piece)
        if parsed is None or parsed.getwidth()[0] < 1:
            return None
        try:
            regex.compile(piece)
        except regex.error:  # a reference to a group of another alternative
            return None
    return pieces


def needed_text(pattern: str) -> Need:
    """A condition every document with a match of `pattern` satisfies (None: no useful one)."""
    parsed = _parse(pattern)
    if parsed is None or parsed.state.flags & _c.SRE_FLAG_IGNORECASE:
        return None
    need, _exact = _sequence(list(parsed))
    return None if _weak(need) else need


def holds(need: Need, text: str) -> bool:
    """Whether `text` satisfies `need`."""
    return checker(need)(text)


def checker(need: Need):
    """`need` as a function of the text, built once: no walk of the condition per document.

    A search for one character is ~10x cheaper than for a string (CPython
    scans for a single code unit with `memchr`), and most needed strings are
    absent from most documents: each string is first gated by its characters
    (a document lacking one cannot contain the string), tested one by one.
    """
    if need is None:
        return lambda text: True
    if isinstance(need, str):
        return _string_checker(need)
    kind, parts = need
    strings = all(isinstance(p, str) for p in parts)
    if kind == "any" and strings and len({p[0] for p in parts}) > 1:
        return _strings_checker(parts)
    if kind == "any" and strings:
        # one scan for all the strings: faster than one `in` each when they share their first
        # character (stdlib `re` then skips ahead to it: .cn|.com|.gov, 年底|年初);
        # run only when one of them has all its characters in the text
        pattern = "|".join(map(re.escape, sorted(parts, key=len, reverse=True)))
        search = None  # its `search`, compiled when a text first passes the gates
        shared = tuple(c for c in dict.fromkeys(parts[0]) if all(c in p for p in parts))  # 类 of 一类|二类
        gates = tuple(dict.fromkeys(tuple(c for c in dict.fromkeys(p) if c not in shared) for p in parts))

        def any_string(text: str) -> bool:
            nonlocal search
            for c in shared:
                if c not in text:
                    return False
            for chars in gates:
                for c in chars:
                    if c not in text:
                        break
                else:
                    if search is None:
                        search = re.compile(pattern).search
                    return search(text) is not None
            return False

        return any_string
    checks = tuple(checker(p) for p in parts)
    if len(checks) == 2:  # the common case (_MAX_ALL): no loop
        first, second = checks
        if kind == "all":
            return lambda text: first(text) and second(text)
        return lambda text: first(text) or second(text)
    if kind == "all":

        def all_of(text: str) -> bool:
            for check in checks:
                if not check(text):
                    return False
            return True

        return all_of

    def any_of(text: str) -> bool:
        for check in checks:
            if check(text):
                return True
        return False

    return any_of


def _strings_checker(parts: tuple):
    """Any of the strings `parts` in the text, each tested as `_string_checker` does, in one loop.

    One `in` each is cheaper than one stdlib `re` scan for them all when they open with
    different characters: the `re` scan tests every character of the text against a class
    (~30 instructions), `in` runs at memory speed."""
    gated = tuple((tuple(dict.fromkeys(p)) if len(p) > 1 else (), p) for p in parts)

    def any_string(text: str) -> bool:
        for chars, string in gated:
            for c in chars:
                if c not in text:
                    break
            else:
                if string in text:
                    return True
        return False

    return any_string


def _string_checker(need: str):
    """`need in text`, after a test of each of its characters."""
    if len(need) == 1:
        return lambda text: need in text
    chars = tuple(dict.fromkeys(need))

    def has_string(text: str) -> bool:
        for c in chars:
            if c not in text:
                return False
        return need in text

    return has_string


def _parse(pattern: str):
    # every escape is read whole, so \\p{…} stays a backslash followed by p{…}
    source = _ESCAPE.sub(lambda m: _UNKNOWN_CLASS if m.group(1) else m.group(), pattern)
    if _REGEX_ONLY.search(source):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # FutureWarning on [\[…]: `regex` reads it as `re` does
            return _sre_parse.parse(source)
    except (re.error, OverflowError, RecursionError):  # syntax only `regex` knows (\L<…>, (?V1) …)
        return None


# Each part of the parse tree gives (need, exact): `need` is a condition its
# match implies, `exact` the set of all strings it can match when that set is
# small and known (None otherwise).


def _sequence(items) -> tuple:
    """Adjacent exact parts are joined (次 + 会议|全会 → 次会议|次全会); the rest must all hold."""
    needs, run, exact_all = [], {""}, {""}
    for op, av in items:
        if op is _c.ASSERT:  # a positive lookaround: what it looks at is in the text too
            needs.append(_sequence(list(av[1]))[0])
        need, exact = _item(op, av)
        if exact is None:
            needs += [_any(run), need]
            run = {""}
        elif len(run) * len(exact) <= _MAX_EXACT:
            run = {a + b for a in run for b in exact}
        else:
            needs.append(_any(run))
            run = exact
        if exact_all is not None:
            exact_all = {a + b for a in exact_all for b in exact} if exact is not None else None
            if exact_all is not None and len(exact_all) > _MAX_EXACT:
                exact_all = None
    needs.append(_any(run))
    return _all(needs), exact_all


def _item(op, av) -> tuple:
    if op is _c.LITERAL:
        return chr(av), {chr(av)}
    if op is _c.IN:
        chars = _class_chars(av)
        return (_any(chars), chars) if chars else (None, None)
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & _c.SRE_FLAG_IGNORECASE:
            return None, None
        return _sequence(list(sub))
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op is _c.BRANCH:
        results = [_sequence(list(alt)) for alt in av[1]]
        need = _any([n for n, _ in results])
        exact = None
        if all(e is not None for _, e in results):
            exact = set().union(*(e for _, e in results))
            exact = exact if len(exact) <= _MAX_EXACT else None
        return need, exact
    if op in _REPEATS:
        low, high, sub = av
        need, exact = _sequence(list(sub))
        if low == high == 1:
            return need, exact
        if low == 0 and high == 1:
            return None, ({""} | exact) if exact is not None else None
        return (need if low >= 1 else None), None
    if op in _ZERO_WIDTH:
        return None, {""}  # consumes nothing: its neighbours are adjacent in the text (its need: `_sequence`)
    return None, None  # any character, categories, back-references, conditionals …


def _class_chars(items) -> set | None:
    """The characters of a class made of literals and small ranges only."""
    chars = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _MAX_EXACT:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None  # negation, \d, \s, big ranges
    return chars if len(chars) <= _MAX_EXACT else None


def _any(needs) -> Need:
    """One of `needs`; drops strings containing another (版 makes 版本 redundant)."""
    parts = []
    for n in needs:
        if n is None or n == "":
            return None
        parts += n[1] if isinstance(n, tuple) and n[0] == "any" else [n]
    if not parts:
        return None
    texts = sorted({p for p in parts if isinstance(p, str)}, key=len)
    kept = [t for i, t in enumerate(texts) if not any(s in t for s in texts[:i])]
    others = [p for i, p in enumerate(parts) if not isinstance(p, str) and p not in parts[:i]]
    parts = kept + others
    return parts[0] if len(parts) == 1 else ("any", tuple(parts))


def _all(needs) -> Need:
    """All of `needs`, keeping the `_MAX_ALL` likeliest to fail (single strings, longest first, then
    alternatives with fewest choices) and none that nearly every report satisfies. Dropping a
    part keeps the condition true of every match."""
    parts = []
    for n in needs:
        parts += n[1] if isinstance(n, tuple) and n[0] == "all" else [] if n is None else [n]
    strong = [p for i, p in enumerate(parts) if p not in parts[:i] and not _weak(p)]
    strong.sort(key=lambda p: (0, -len(p)) if isinstance(p, str) else (1, len(p[1])))
    kept = strong[:_MAX_ALL]
    if not kept:
        return None
    return kept[0] if len(kept) == 1 else ("all", tuple(kept))


def _weak(need: Need) -> bool:
    """In nearly every report: a short number (19, 五), a common sign (., -, :), or one of those."""
    if need is None:
        return True
    if isinstance(need, str):
        return need.isnumeric() and len(need) < 3 or need in _COMMON_SIGNS
    kind, parts = need
    return all(map(_weak, parts)) if kind == "all" else any(map(_weak, parts))
