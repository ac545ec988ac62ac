"""Reading: bytes or a file -> text, whatever the format (txt, HTML, DOCX, PDF).

(Stub: UTF-8 text only; the full reader replaces this module.)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError


@dataclass(slots=True)
class RawDocument:
    text: str
    format: str  # text | html | docx | pdf
    encoding: str | None
    sha256: str
    source: str


def read_bytes(data: bytes, name: str = "-") -> RawDocument:
    digest = hashlib.sha256(data).hexdigest()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{name}: cannot decode text ({err.reason})") from None
    return RawDocument(text=text, format="text", encoding="utf-8", sha256=digest, source=name)


def read_path(path: str | Path) -> RawDocument:
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, not a report")
    return read_bytes(p.read_bytes(), name=str(path))
