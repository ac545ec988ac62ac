"""cn2an: Chinese numeral conversion (`cn2an.cn2an(span, "smart")`).

cn2an converts numerals; it finds them in running text only inside
`cn2an.transform`, which returns a rewritten string without offsets. To keep
offsets, this adapter finds candidates with the very patterns `Transform`
uses (its `smart_cn_pattern` for 4.2万, `cn_pattern` for 一百五十万, and the
Arabic-number pattern of its an2cn direction) and converts each with
`cn2an(…, "smart")`. It has no units and no dates: its "+ unit lexicon" row
attaches SPEC §4 units after its numbers.
"""

from __future__ import annotations

import re

from .common import mention, resolve

LABEL = "cn2an"
PACKAGE = "cn2an"
HAS_DATES = False


class Engine:
    def __init__(self):
        import cn2an
        from cn2an.transform import Transform

        self.convert = cn2an.cn2an
        t = Transform()
        self.pattern = re.compile(f"(?:{t.smart_cn_pattern})|(?:{t.cn_pattern})|(?:\\d+(?:\\.\\d+)?)")
        self.convert("一百五十万", "smart")

    def numbers(self, text: str) -> list[tuple[int, int, float]]:
        found = []
        for m in self.pattern.finditer(text):
            span = m.group()
            if span == "一" or span.startswith("-"):
                continue  # SPEC §3: a lone 一 is an article
            try:
                value = self.convert(span, "smart")
            except Exception:  # noqa: BLE001 - cn2an rejects what it cannot read
                continue
            found.append((m.start(), m.end(), value))
        return found

    def extract(self, text: str, year: int | None, lexicon: bool = False) -> dict:
        from .lexicon import attach

        numbers = self.numbers(text)
        mentions = attach(text, numbers) if lexicon else [mention(text, s, e, v) for s, e, v in numbers]
        return resolve(mentions, [])


def load() -> Engine:
    return Engine()
