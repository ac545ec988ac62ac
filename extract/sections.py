"""Which part of the report a mention sits in: summary, problems, plan or other.

(Stub: everything is `summary`.)
"""

from __future__ import annotations

from .model import Mention


def assign_sections(text: str, simplified: str, mentions: list[Mention]) -> None:
    for mention in mentions:
        mention.section = "summary"
