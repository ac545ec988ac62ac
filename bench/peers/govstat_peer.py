"""govstat itself, through its public API, as one row of the comparison."""

from __future__ import annotations

LABEL = "govstat"
PACKAGE = "govstat"


class Engine:
    def __init__(self, meaning: bool = True):
        import govstat

        self._extract_text = govstat.extract_text
        self.meaning = meaning

    def extract(self, text: str, year: int | None, lexicon: bool = False) -> dict:
        # `year` is not passed: govstat infers the report year itself.
        return self._extract_text(text, meaning=self.meaning).to_dict()


def load() -> Engine:
    return Engine()
