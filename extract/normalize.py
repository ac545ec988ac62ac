"""A normalised copy of the report text, with a map back to the original offsets.

Every rule runs on the copy (simplified script, half-width digits and Latin,
pinyin glosses such as 經(jīng) removed) and every span found there is mapped
back, so `text[start:end]` always equals the mention as written (SPEC §1).
"""

from __future__ import annotations

import re
from array import array
from functools import lru_cache
from pathlib import Path

import regex

from .rulebook import cached, package_dir

# A pinyin gloss inserted after a character by some repost sites: 萬(wàn)元.
# Only glosses with a tone mark are removed, so real bracketed Latin stays.
_PINYIN_GLOSS = regex.compile(
    r"(?<=\p{Han})\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)"
)


@lru_cache(maxsize=1)
def _translation_table() -> dict[int, str]:
    """Traditional -> simplified, character for character, plus full-width -> half-width.

    Kept in the marshal cache (`rulebook.cached`): reading OpenCC's dictionary
    is ~10 ms of every process's start-up."""
    dictionary = package_dir("opencc") / "dictionary" / "TSCharacters.txt"
    return cached("normalize", [dictionary, Path(__file__)], lambda: _build_table(dictionary))


def _build_table(dictionary: Path) -> dict[int, str]:
    table: dict[int, str] = {}
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 2 or len(parts[0]) != 1:
            continue
        target = parts[1].split(" ")[0]
        if len(target) == 1 and target != parts[0]:
            table[ord(parts[0])] = target
    for code in range(0xFF01, 0xFF5F):  # ！ .. ～  ->  ! .. ~
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "  # ideographic space
    table[0x00A0] = " "  # no-break space
    # thin spaces group digits in typeset reports and yearbooks (GB/T 15835: 3 000)
    table[0x2009] = " "
    table[0x202F] = " "
    return table


@lru_cache(maxsize=1)
def _translated_chars() -> frozenset[str]:
    return frozenset(map(chr, _translation_table()))


def _first_translated():
    """`search` for a character the table changes, or for any one beyond the BMP."""
    return _translated_pattern().search


@lru_cache(maxsize=1)
def _translated_pattern() -> re.Pattern:
    """A class of the characters the table changes, and of every one beyond the BMP.

    The standard library's engine tests a class of BMP characters with a bitmap
    (~1 ns a character, ~10x faster than set lookups that make a string object
    per character); characters beyond the BMP in the class would turn that off,
    so they are all matched by one range and checked with the set when found.
    The class lists the characters themselves: parsing 3,800 `\\uXXXX` escapes
    cost twice as much (0.098 vs 0.041 G instructions).
    """
    bmp = "".join(re.escape(c) for c in sorted(_translated_chars()) if ord(c) <= 0xFFFF)
    return re.compile(f"[{bmp}\U00010000-\U0010ffff]")


# Compiling that class costs ~0.04 G instructions, what the set test costs on
# ~140,000 characters (~300 a character more than the class): a process that
# reads one report never earns it back. Texts are tested with the set until
# this many characters have been (a bounded extra cost), then with the pattern.
# Both tests are exact.
_SET_TEST_CHARS = 50_000
_set_tested = 0


def _has_translated(text: str) -> bool:
    """Whether `text` holds a character the table changes."""
    global _set_tested
    if _set_tested < _SET_TEST_CHARS:
        _set_tested += len(text)
        return not _translated_chars().isdisjoint(text)
    found = _first_translated()(text)
    return found is not None and (ord(found.group()) <= 0xFFFF or not _translated_chars().isdisjoint(text))


def simplify(text: str) -> str:
    """Same-length copy in simplified script with half-width ASCII (offsets unchanged)."""
    # Most reports need no change, and testing that (stopping at the first hit)
    # costs far less than translating (a dict lookup per character).
    compiled = _set_tested >= _SET_TEST_CHARS  # `_has_translated` searches with the pattern
    if not _has_translated(text):
        return text
    table = _translation_table()
    if compiled:
        present = set(_translated_pattern().findall(text)) & _translated_chars()
        if len(present) <= _FEW_CHARS and _single_char_targets():
            targets = {table[ord(ch)] for ch in present}
            if targets.isdisjoint(present):
                return _replaced(text, present, table)
    return text.translate(table)


# `str.translate` looks every character up in the table (most are not there, each a
# KeyError raised and cleared); a report in simplified script holding a few characters
# the table changes (，（）) is copied faster by one `str.replace` per such character.
_FEW_CHARS = 12


def _replaced(text: str, present: set[str], table: dict[int, str]) -> str:
    """`text.translate(table)` when `present` are all the characters of `text` the table
    changes, each into one character that is not itself one of them: each replacement
    then changes exactly that character's own places, in any order."""
    for ch in present:
        text = text.replace(ch, table[ord(ch)])
    return text


@lru_cache(maxsize=1)
def _single_char_targets() -> bool:
    """Whether the table changes every character into one character (the same length)."""
    return all(isinstance(target, str) and len(target) == 1 for target in _translation_table().values())


class NormalizedText:
    """`norm` is the copy rules run on; `to_original` maps its spans back."""

    __slots__ = ("original", "simplified", "norm", "_map")

    def __init__(self, original: str, simplified: str | None = None):
        """`simplified`: `simplify(original)` when the caller has it already."""
        self.original = original
        # same length as `original`: what later stages that need no gloss removal read
        self.simplified = simplified = simplify(original) if simplified is None else simplified
        gloss = list(_PINYIN_GLOSS.finditer(simplified))
        if not gloss:
            self.norm = simplified
            self._map = None  # identity
            return
        pieces: list[str] = []
        index = array("l")
        cursor = 0
        for m in gloss:
            pieces.append(simplified[cursor : m.start()])
            index.extend(range(cursor, m.start()))
            cursor = m.end()
        pieces.append(simplified[cursor:])
        index.extend(range(cursor, len(simplified)))
        index.append(len(simplified))  # one past the end
        self.norm = "".join(pieces)
        self._map = index

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of `norm` to the original text."""
        if self._map is None:
            return start, end
        if end <= start:
            pos = self._map[start]
            return pos, pos
        return self._map[start], self._map[end - 1] + 1

    def original_span_text(self, start: int, end: int) -> str:
        s, e = self.to_original(start, end)
        return self.original[s:e]
