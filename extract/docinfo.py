"""Document fields (SPEC §2 `document`): title, organisation, region, year, period, type.

(Stub: fills nothing yet.)
"""

from __future__ import annotations

from .model import DocumentInfo


def infer_document_info(text: str, simplified: str) -> DocumentInfo:
    """Who reported, where and for which period, from the report text.

    `simplified` is `text` in simplified script with half-width ASCII, same length.
    """
    return DocumentInfo()
