"""What each number measures: indicator code, subject, scope, cumulative, change_of.

(Stub: assigns nothing yet.)
"""

from __future__ import annotations

from .model import Mention


def assign_meaning(text: str, simplified: str, mentions: list[Mention]) -> None:
    """Fill indicator/subject/scope/cumulative/change_of on `mentions` in place."""
    return None
