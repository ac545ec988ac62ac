"""govstat: statistics from Chinese government back-office work reports.

The public API is deliberately small; the CLI, the spaCy component, `eval` and
`ingest` are all thin callers of these functions::

    import govstat
    doc = govstat.extract_file("corpus/reports/s000.txt")
    doc.mentions[0].value, doc.mentions[0].unit
    govstat.extract_text("全市更新公车356辆")
"""

__version__ = "0.1.0"

__all__ = ["extract_file", "extract_bytes", "extract_text", "__version__"]


def extract_file(path, **kwargs):
    """Read a report (txt in any Chinese encoding, HTML, DOCX, PDF) and extract it."""
    from .extract.pipeline import extract_file as _extract_file

    return _extract_file(path, **kwargs)


def extract_bytes(data, name="-", **kwargs):
    """Extract from raw bytes; `name` (a file name) hints at the format."""
    from .extract.pipeline import extract_bytes as _extract_bytes

    return _extract_bytes(data, name=name, **kwargs)


def extract_text(text, **kwargs):
    """Extract from an already decoded string (offsets index this string)."""
    from .extract.pipeline import extract_text as _extract_text

    return _extract_text(text, **kwargs)
