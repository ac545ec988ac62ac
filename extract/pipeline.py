"""One pipeline of small stages; the CLI, spaCy component, eval and ingest all call it."""

from __future__ import annotations

from pathlib import Path

from . import docinfo, indicators, sections
from .statistics import find_statistics_and_dates
from .model import Document
from .normalize import NormalizedText
from .reading import RawDocument, read_bytes, read_path
from .sentences import sentence_of, split_sentences


def extract_text(
    text: str,
    *,
    source: str | None = None,
    sha256: str | None = None,
    meaning: bool = True,
    format: str = "text",
    encoding: str | None = None,
) -> Document:
    """Extract statistics, dates and document fields from decoded text."""
    normalized = NormalizedText(text)
    simplified = normalized.simplified
    info = docinfo.infer_document_info(text, simplified)
    info.source = source
    info.sha256 = sha256

    mentions, dates = find_statistics_and_dates(normalized, report_year=info.year)
    sentences = split_sentences(simplified)
    for mention in mentions:
        span = sentence_of(sentences, mention.start)
        if span is not None:
            mention.sentence_start, mention.sentence_end = span

    sections.assign_sections(text, simplified, mentions)
    if meaning:
        indicators.assign_meaning(text, simplified, mentions)
    return Document(text=text, info=info, mentions=mentions, dates=dates, format=format, encoding=encoding)


def extract_raw(raw: RawDocument, **kwargs) -> Document:
    return extract_text(
        raw.text, source=raw.source, sha256=raw.sha256, format=raw.format, encoding=raw.encoding, **kwargs
    )


def extract_bytes(data: bytes, name: str = "-", **kwargs) -> Document:
    return extract_raw(read_bytes(data, name=name), **kwargs)


def extract_file(path: str | Path, **kwargs) -> Document:
    return extract_raw(read_path(path), **kwargs)
