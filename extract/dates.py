"""Dates (stub)."""
from .model import DateMention
def find_dates(normalized, report_year=None) -> list[DateMention]:
    return []
