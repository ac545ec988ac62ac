"""Chinese word segmentation with POS tags (jieba), loaded once and only when needed.

The meaning stage reads which verb and noun govern a number; jieba with the
domain dictionary in `rules/userdict.txt` gives those words. Loading jieba's
dictionary costs 2-3 seconds, so rjieba (the same dictionary in Rust, 0.2 s)
is used when installed, else a private `jieba.Tokenizer`; either way lazily,
once per process (the global jieba state other code may use is left alone). Callers segment only short phrases next to numbers, never whole
documents, and without the HMM (unknown words fall apart into single
characters, which is harmless here and much faster).
"""

from __future__ import annotations

import functools
import re
import threading
import warnings
from pathlib import Path

_USERDICT = Path(__file__).resolve().parent.parent / "rules" / "userdict.txt"
_lock = threading.Lock()
_tagger = None


class _RustTagger:
    """rjieba (jieba-rs: jieba's own dictionary, in Rust): `pairs(text)` gives (word, POS flag).

    It loads in about 0.15 s instead of jieba's 2-3 s (dictionary + POS table),
    which is what keeps `govstat extract` start-up near half a second. The
    module's default instance is used (a second `rjieba.Jieba()` would load
    the dictionary again); the domain words are added to it.

    jieba-rs keeps its own POS flag for a word it already knows (节约 stays n,
    调剂 n, 独立 v) where Python jieba takes the user dictionary's; those
    flags are put back here, so both taggers read the words alike.
    """

    def __init__(self):
        import rjieba

        self._jieba = rjieba
        self._flags: dict[str, str] = {}  # user dictionary flags jieba-rs ignores
        if _USERDICT.exists():
            for line in _USERDICT.read_text(encoding="utf-8").splitlines():
                parts = line.split()
                if parts:
                    freq = int(parts[1]) if len(parts) > 1 else None
                    flag = parts[2] if len(parts) > 2 else None
                    self._jieba.add_word(parts[0], freq, flag)
                    if flag is not None and rjieba.tag(parts[0], hmm=False) != [(parts[0], flag)]:
                        self._flags[parts[0]] = flag
        # (word, flag) pairs straight from Rust: no per-word Python objects, no Python frame
        self._tag = functools.partial(rjieba.tag, hmm=False)
        # most phrases hold none of those words: one substring search says so
        self._flagged = re.compile("|".join(map(re.escape, self._flags))).search
        self.pairs = self._tag if not self._flags else self._pairs_with_user_flags

    def _pairs_with_user_flags(self, text: str) -> list[tuple[str, str]]:
        pairs = self._tag(text)
        if self._flagged(text) is None:
            return pairs
        flags = self._flags
        return [(word, flags.get(word, flag)) for word, flag in pairs]

    def tag_many(self, texts: list[str], offsets: list[int]) -> list[list[tuple[str, str, int, int]]]:
        """`tag_many` (module level) from one call into Rust: a call costs several times
        what its few characters do. The texts are joined by NUL, which is neither a
        word character nor white space to jieba-rs, so it stands alone as a word and
        ends every word block: each text is cut as it would be by itself. The user
        dictionary's flags are put back word by word: a word takes one only when its
        text holds it, which is when `pairs` would put it back."""
        joined = _SEPARATOR.join(texts)
        if joined.count(_SEPARATOR) != len(texts) - 1:  # a text holds NUL itself
            return _tag_each(self.pairs, texts, offsets)
        flags, separator = self._flags, _SEPARATOR
        out, current, k = [], [], 0
        pos = offsets[0]
        for word, flag in self._tag(joined):
            if word == separator:
                out.append(current)
                current = []
                k += 1
                pos = offsets[k]
                continue
            if word in flags:
                flag = flags[word]
            stop = pos + len(word)
            current.append((word, flag, pos, stop))
            pos = stop
        out.append(current)
        return out


_SEPARATOR = "\x00"


class _PythonTagger:
    """jieba.posseg behind the same `pairs` interface, when rjieba is missing."""

    def __init__(self, posseg_tokenizer):
        self._cut = posseg_tokenizer.cut

    def pairs(self, text: str) -> list[tuple[str, str]]:
        return [(pair.word, pair.flag) for pair in self._cut(text, HMM=False)]

    def tag_many(self, texts: list[str], offsets: list[int]) -> list[list[tuple[str, str, int, int]]]:
        return _tag_each(self.pairs, texts, offsets)


def _tag_each(pairs, texts: list[str], offsets: list[int]) -> list[list[tuple[str, str, int, int]]]:
    out = []
    for text, pos in zip(texts, offsets):
        words = []
        for word, flag in pairs(text):
            words.append((word, flag, pos, pos + len(word)))
            pos += len(word)
        out.append(words)
    return out


def _load():
    global _tagger
    with _lock:
        if _tagger is None:
            try:
                _tagger = _RustTagger()
                return _tagger
            except ImportError:  # fall back to pure-Python jieba
                pass
            import logging  # here: only the fallback needs it (7 ms of every start-up)

            with warnings.catch_warnings():  # jieba imports pkg_resources
                warnings.simplefilter("ignore")
                import jieba
                import jieba.posseg
            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            if _USERDICT.exists():
                tokenizer.load_userdict(str(_USERDICT))
            _tagger = _PythonTagger(jieba.posseg.POSTokenizer(tokenizer))
    return _tagger


def tag(text: str) -> list[tuple[str, str, int]]:
    """(word, POS flag, start offset in `text`) for each word of `text`."""
    out = []
    pos = 0
    for word, flag in (_tagger or _load()).pairs(text):
        out.append((word, flag, pos))
        pos += len(word)
    return out


def pairs(text: str) -> list[tuple[str, str]]:
    """(word, POS flag) for each word of `text`: `tag` without offsets, for callers that count them."""
    return (_tagger or _load()).pairs(text)


def is_loaded() -> bool:
    """Whether jieba has been loaded in this process (tests check laziness)."""
    return _tagger is not None


def tag_many(texts: list[str], offsets: list[int]) -> list[list[tuple[str, str, int, int]]]:
    """(word, POS flag, start, end) for the words of each of `texts`, `offsets[i]` added
    to the positions in texts[i]: `pairs` of each, in one call of the tagger where it can."""
    if not texts:
        return []
    return (_tagger or _load()).tag_many(texts, offsets)
