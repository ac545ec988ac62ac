"""Literal word lists as one regular expression: the longest word at the leftmost place.

Cue words, agency kinds and other lexicons from `rules/` are searched as
alternations of literal words; laid out as a trie they match the same and
much faster. Shared by the document-field and meaning stages. Also
`with_first_chars`: a pattern that tells the engine up front which characters
its matches can start with.
"""

from __future__ import annotations

import re

try:  # the stdlib's own regex parser (private: without it no lookahead is added)
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    _sre = _sre_parse = None


def words_pattern(words) -> re.Pattern:
    """The longest of `words` at the leftmost place it occurs, as a regular expression.

    The words are laid out as a trie (办公(?:用房|室)?): at each position the
    engine follows one path character by character instead of trying every
    word in turn, with the same matches as `|`.join of the words longest first
    (the text picks the only branch that can go on, and a branch is tried before
    stopping at a shorter word). The standard `re` module: several times faster
    than `regex` on long literal alternations.
    """
    trie: dict = {}
    for word in {w for w in words if w}:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    if not trie:
        return re.compile(r"(?!)")
    return re.compile(_trie_pattern(trie))


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a shorter word ends here: go on if the text allows, else stop
        return f"(?:{body})?"
    return body


def with_first_chars(pattern: re.Pattern) -> re.Pattern:
    """`pattern` opened by a lookahead for the characters its matches can start with.

    The `re` engine skips fast to the possible starts of a pattern that opens with
    literal words, but tries an alternation of sub-patterns (\\d{4}年…|截至…|累计)
    in full at every position; one character class test first rejects most
    positions at once. Same matches: every match starts with a character of the
    class and is not empty. `pattern` itself when the class is not known.
    """
    chars = _first_chars(pattern)
    if chars is None:
        return pattern
    try:
        return re.compile("(?=[" + chars + "])(?:" + pattern.pattern + ")", pattern.flags)
    except re.error:  # e.g. inline global flags, which must open a pattern
        return pattern


def _first_chars(pattern: re.Pattern) -> str | None:
    """The inside of a character class holding every character a match of `pattern`
    can start with; None when not known (case folding, `.`, negated classes …) or
    when a match may be empty."""
    if _sre_parse is None or pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except re.error:
        return None
    found = _first(list(parsed))
    if found is None or found[1]:
        return None
    return "".join(sorted(found[0]))


_CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_SPACE: r"\s", _sre.CATEGORY_WORD: r"\w"} if _sre else {}


def _first(seq) -> tuple[set[str], bool] | None:
    """(class items a match of the parsed sequence can start with, whether it can be empty)."""
    items: set[str] = set()
    for op, av in seq:
        if op is _sre.LITERAL:
            items.add(re.escape(chr(av)))
            return items, False
        if op is _sre.IN:
            for item_op, item in av:
                if item_op is _sre.LITERAL:
                    items.add(re.escape(chr(item)))
                elif item_op is _sre.RANGE:
                    items.add(re.escape(chr(item[0])) + "-" + re.escape(chr(item[1])))
                elif item_op is _sre.CATEGORY and item in _CATEGORIES:
                    items.add(_CATEGORIES[item])
                else:  # a negated class or category
                    return None
            return items, False
        if op is _sre.BRANCH:
            nullable = False
            for alternative in av[1]:
                got = _first(list(alternative))
                if got is None:
                    return None
                items |= got[0]
                nullable = nullable or got[1]
            if not nullable:
                return items, False
        elif op is _sre.SUBPATTERN:
            if av[1] or av[2]:  # flags set or cleared for the group
                return None
            got = _first(list(av[3]))
            if got is None:
                return None
            items |= got[0]
            if not got[1]:
                return items, False
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            got = _first(list(av[2]))
            if got is None:
                return None
            items |= got[0]
            if not got[1] and av[0] > 0:
                return items, False
        elif op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero width: what follows starts the match
        else:  # any character, a back reference …
            return None
    return items, True
