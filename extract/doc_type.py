"""The kind of document (SPEC §2 `document.doc_type`): work summary, summary and plan,
special report, open-government report or other, from the title and how the text opens."""

from __future__ import annotations

import regex

from .doc_config import config
from .sections import top_headings

_BRACKET_HEADING = regex.compile(r"(?m)^\s*【")
_ANY_YEAR = regex.compile(r"(?:19|20)\d{2}")
_REPORT_OPENING = regex.compile(r"现(?:将[^。]{0,30})?(?:汇报|报告)如下")


def infer_doc_type(simplified: str, title: str | None, opening: regex.Match | None, heading: str | None) -> str:
    """`opening` is the opening year's match ("2019年,"), `heading` an untitled text's
    first top heading when it sums up work (一、上半年工作总结)."""
    r = config()["r"]["doc_type"]
    title = title or ""
    has_opening_year = opening is not None and not opening["is"]
    if any(w in title for w in r["open_government"]) or _statutory_open_government(simplified):
        return "open_government_report"
    summary_title = any(w in title for w in r["summary_words"]) or heading is not None
    if not summary_title and any(w in title for w in r["plan_only_titles"]):
        return "other"  # a plan reports no work done: SPEC §2 has no type for it
    plan_title = summary_title and any(w in title for w in r["plan_words"])
    plan_heading = any(kind == "plan" for _, kind in top_headings(simplified))
    if plan_title or (plan_heading and (summary_title or has_opening_year or _starts_as_report(simplified))):
        return "summary_and_plan"
    if summary_title:
        return "special_report" if config()["topic_summary"].search(title) else "work_summary"
    if any(w in title for w in r["special_title_words"]) or _BRACKET_HEADING.search(simplified):
        return "special_report"
    # An opening 'YYYY年,' reads as a year's summary, unless a headline with no
    # year sits above it: then it is a news item or yearbook entry on that year.
    headline = bool(title) and _ANY_YEAR.search(title) is None
    if has_opening_year and not headline:
        return "special_report" if not title and _opens_on_a_topic(simplified, opening.end()) else "work_summary"
    if not title and _opens_on_first_heading(simplified):
        return "work_summary"
    if title or _ANY_YEAR.search(simplified) or any(w in simplified for w in r["news_cues"]):
        return "special_report"
    profile = r["not_a_report"]
    if any(w in simplified[: profile["chars"]] for w in profile["words"]):
        return "other"
    return "special_report"


def _opens_on_a_topic(simplified: str, start: int) -> bool:
    """The opening clause after the year takes up one field of work ("2019年,秀英机关事务局
    进一步加强公务用车管理,"): a yearbook entry on that field, not the agency's summary."""
    clause = config()["clause"].match(simplified, start, start + 80).group()
    return config()["topic_field"].search(clause) is not None


def summary_heading(simplified: str) -> str | None:
    """An untitled text's first top heading when it sums up work ("一、上半年工作总结")."""
    headings = top_headings(simplified)
    if not headings or headings[0][1] != "summary":
        return None
    start = headings[0][0]
    end = simplified.find("\n", start)
    line = simplified[start : end if end >= 0 else len(simplified)]
    return line if any(w in line for w in config()["r"]["doc_type"]["summary_words"]) else None


def _opens_on_first_heading(simplified: str) -> bool:
    """An untitled text whose first line is its top heading 一、 (一、…学习 / 二、…保障 …):
    a unit's summary copied without its title, not a news item (which opens on prose)."""
    headings = top_headings(simplified)
    return len(headings) >= 2 and not simplified[: headings[0][0]].strip()


def _statutory_open_government(simplified: str) -> bool:
    """The statutory 政府信息公开工作年度报告 without such a title: near the top it
    names itself (or the 条例 it is made under) and lists the fixed headings
    every such report has. A summary that only mentions publishing one lacks those."""
    cues = config()["r"]["doc_type"]["open_government_body"]
    head = simplified[: cues["chars"]]
    return any(w in head for w in cues["names"]) and any(w in head for w in cues["headings"])


def _starts_as_report(simplified: str) -> bool:
    """A report opening on its period and then '现汇报如下' / '现将…报告如下'."""
    head = simplified[:300]
    return _REPORT_OPENING.search(head) is not None
