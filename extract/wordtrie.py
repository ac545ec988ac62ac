"""Literal word lists as one regular expression: the longest word at the leftmost place.

Cue words, agency kinds and other lexicons from `rules/` are searched as
alternations of literal words; laid out as a trie they match the same and
much faster. Shared by the document-field and meaning stages.
"""

from __future__ import annotations

import re


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
