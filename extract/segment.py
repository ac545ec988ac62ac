"""Chinese word segmentation with POS tags (jieba), loaded once and only when needed.

The meaning stage reads which verb and noun govern a number; jieba with the
domain dictionary in `rules/userdict.txt` gives those words. Loading jieba's
dictionary costs about a second, so it happens lazily, once per process, in a
private `jieba.Tokenizer` (the global jieba state other code may use is left
alone). Callers segment only short phrases next to numbers, never whole
documents, and without the HMM (unknown words fall apart into single
characters, which is harmless here and much faster).
"""

from __future__ import annotations

import logging
import threading
import warnings
from pathlib import Path

_USERDICT = Path(__file__).resolve().parent.parent / "rules" / "userdict.txt"
_lock = threading.Lock()
_tagger = None


def _load():
    global _tagger
    with _lock:
        if _tagger is None:
            with warnings.catch_warnings():  # jieba imports pkg_resources
                warnings.simplefilter("ignore")
                import jieba
                import jieba.posseg
            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            if _USERDICT.exists():
                tokenizer.load_userdict(str(_USERDICT))
            _tagger = jieba.posseg.POSTokenizer(tokenizer)
    return _tagger


def tag(text: str) -> list[tuple[str, str, int]]:
    """(word, POS flag, start offset in `text`) for each word of `text`."""
    tagger = _tagger or _load()
    out = []
    pos = 0
    for pair in tagger.cut(text, HMM=False):
        word = pair.word
        out.append((word, pair.flag, pos))
        pos += len(word)
    return out


def is_loaded() -> bool:
    """Whether jieba has been loaded in this process (tests check laziness)."""
    return _tagger is not None
