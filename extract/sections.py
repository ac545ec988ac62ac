"""Which part of the report a mention sits in: summary, problems, plan or other.

A report is cut by its headings (一、存在问题, 三、下阶段工作计划, …) and by
sentences that open a plan (下一步,…); page furniture around the body is
`other`. Cue words and heading shapes live in `rules/sections.yaml`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import regex

from . import rulebook
from .model import Mention

YEAR = r"(?:19|20)\d{2}"
KINDS = ("problems", "plan", "summary")
_CLAUSE_PUNCT = regex.compile(r"[,，;；]")
_LINE_END = regex.compile(r"[。\n]")


def rules(name: str) -> dict:
    """`rules/<name>.yaml`, parsed once per process."""
    return rulebook.load(name)


_BREAKS = "。\n;；"  # a heading starts the text, a line or a sentence: right after one of these
_START = r"(?:^|(?<=[" + _BREAKS + r"]))[ \t\u3000]*"


class _Headings:
    """The spans of `body` where `_START + "(" + body + ")"` (multiline) finds it.

    That pattern tries its lookbehind at every position of the text; here the
    start of the text is tried once and then a pattern that opens with one of
    the break characters skips to them. Same spans, in the same order: each
    search resumes where the pattern's own scan would (at the end of the
    previous heading, or on its last character when that is a break). A body
    that can match nothing is left to the plain pattern.
    """

    __slots__ = ("whole", "first", "rest", "empty")

    def __init__(self, body: str):
        self.whole = regex.compile(_START + "(" + body + ")", regex.M)
        self.first = regex.compile(r"[ \t\u3000]*(" + body + ")")
        self.rest = regex.compile("[" + _BREAKS + r"][ \t\u3000]*(" + body + ")")
        self.empty = regex.compile(body).fullmatch("") is not None

    def match(self, line: str) -> regex.Match | None:
        return self.whole.match(line)

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self.empty:
            return [m.span(1) for m in self.whole.finditer(text)]
        found = []
        m = self.first.match(text) or self.rest.search(text)
        while m is not None:
            start, end = m.span(1)
            found.append((start, end))
            m = self.rest.search(text, end - 1 if end > start and text[end - 1] in _BREAKS else end)
        return found


@dataclass(frozen=True, slots=True)
class _Compiled:
    top: _Headings
    sub: _Headings
    plan_year: regex.Pattern
    heading_cue: regex.Pattern  # every cue word, then the plan-year shape: one search per heading
    opener: regex.Pattern
    opener_words: tuple[str, ...]  # every opener match holds one: a text without them has none
    page: regex.Pattern
    page_word: str | None  # a character every page counter holds (页): a text without it has none
    cues: dict[str, tuple[str, ...]]
    heading_chars: int
    short_line_chars: int
    body_min: int
    footer: tuple[str, ...]


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    r = rules("sections")
    openers = "|".join(map(regex.escape, r["plan_openers"]))
    return _Compiled(
        top=_Headings(r["top_heading"]),
        sub=_Headings(r["sub_heading"]),
        plan_year=regex.compile(r["plan_year_heading"].replace("{Y}", YEAR)),
        heading_cue=_heading_cue(r),
        opener=regex.compile(_START + r"(?:" + openers + r")(?:[,，:：]|工作|将|要|我|继续|重点)", regex.M),
        opener_words=tuple(r["plan_openers"]),
        page=regex.compile(r["page_counter"]),
        page_word=_common_char(r["page_counter"]),
        cues={k: tuple(r["cues"][k]) for k in KINDS},
        heading_chars=int(r["heading_chars"]),
        short_line_chars=int(r["short_line_chars"]),
        body_min=int(r["body_line_min_chars"]),
        footer=tuple(r["footer_cues"]),
    )


def _heading_cue(r: dict) -> regex.Pattern:
    """One alternation of the cue words, a named group per kind in KINDS order,
    then the plan-year shape. The leftmost match is the earliest cue; at one
    position the first alternative wins, i.e. the earlier kind, and the plan
    year only when no cue word starts there (it must come strictly first)."""
    groups = [
        f"(?P<{kind}>" + "|".join(map(regex.escape, r["cues"][kind])) + ")" for kind in KINDS if r["cues"][kind]
    ]
    groups.append("(?P<plan_year>" + r["plan_year_heading"].replace("{Y}", YEAR) + ")")
    return regex.compile("|".join(groups))


def _common_char(pattern: str) -> str | None:
    """A Han character that every match of `pattern` holds, when the pattern says so
    plainly: each of its top-level alternatives is a sequence that has the character
    outside any group, class, repeat or escape (第\\s*\\d+\\s*页…|共…页…)."""
    alternatives = pattern.split("|")
    if any(ch in pattern for ch in "()[]{}"):
        return None
    common = None
    for alternative in alternatives:
        # a Han character not right before a quantifier and not escaped
        chars = {ch for i, ch in enumerate(alternative)
                 if "\u4e00" <= ch <= "\u9fff" and alternative[i + 1:i + 2] not in ("*", "?", "+", "{")
                 and alternative[i - 1:i] != "\\"}
        common = chars if common is None else common & chars
    return min(common) if common else None


def classify_heading(heading: str) -> str | None:
    """The section a heading announces (its earliest cue wins), or None."""
    m = _compiled().heading_cue.search(heading)
    if m is None:
        return None
    return "plan" if m.lastgroup == "plan_year" else m.lastgroup


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def body_bounds(simplified: str, spans: list[tuple[int, int]] | None = None) -> tuple[int, int]:
    """Start of the first body line and end of the last one (furniture lies outside).

    Only the lines up to the first body line and back from the end to the last
    one are looked at; `spans` are `_lines(simplified)` when the caller has them.
    """
    c = _compiled()
    lines = spans or _lines(simplified)  # a blank line is never a body line: no need to drop them

    def is_body(s: int, e: int) -> bool:
        # a heading, or: a long title has no comma; a body line has a full stop or clauses
        # (the cheap tests first: they are all asked, in any order, for the same answer)
        line = simplified[s:e].strip()
        return ("。" in line or c.top.match(line) is not None or c.sub.match(line) is not None
                or (len(line) >= c.body_min and _CLAUSE_PUNCT.search(line) is not None))

    def is_footer(s: int, e: int) -> bool:
        line = simplified[s:e].strip()
        return "。" not in line and any(cue in line for cue in c.footer)

    first = next((line for line in lines if is_body(*line)), None)
    if first is None:
        return 0, len(simplified)
    end = next((e for s, e in reversed(lines) if is_body(s, e) and not is_footer(s, e)), None)
    if end is None:  # every body line is a footer line too: the body ends with the last of them
        end = next(e for s, e in reversed(lines) if is_body(s, e))
    return first[0], max(end, first[1])


def top_headings(simplified: str) -> list[tuple[int, str | None]]:
    """(position, section or None) of every top-level numbered heading."""
    return list(_top_headings(simplified))


@lru_cache(maxsize=1)
def _top_headings(simplified: str) -> tuple[tuple[int, str | None], ...]:
    # kept for the last text: docinfo (document type) and sections both ask
    c = _compiled()
    found = []
    for heading_start, heading_end in c.top.spans(simplified):
        tail = simplified[heading_end : heading_end + c.heading_chars]
        tail = _LINE_END.split(tail, maxsplit=1)[0]
        found.append((heading_start, classify_heading(tail)))
    return tuple(found)


def section_points(simplified: str) -> list[tuple[int, str]]:
    """Change points (position, section), sorted; the section holds until the next point."""
    c = _compiled()
    spans = _lines(simplified)
    start, end = body_bounds(simplified, spans)
    events: list[tuple[int, int, str, str | None]] = []  # (pos, order, action, kind)
    for pos, kind in top_headings(simplified):
        events.append((pos, 1, "struct", kind or "summary"))
    for heading_start, heading_end in c.sub.spans(simplified):
        tail = simplified[heading_end : heading_end + c.heading_chars]
        kind = classify_heading(_LINE_END.split(tail, maxsplit=1)[0])
        if kind:
            events.append((heading_start, 1, "struct", kind))
    for s, e in spans:
        line = simplified[s:e].strip()
        if line and len(line) <= c.short_line_chars and "。" not in line and not c.top.match(line):
            kind = classify_heading(line)
            if kind:
                events.append((s, 1, "struct", kind))
    # (regex finds these words fast itself: _Headings measured slower; most reports hold
    # none of them, which a few substring tests tell at a third of the scan's cost)
    for m in c.opener.finditer(simplified) if any(w in simplified for w in c.opener_words) else ():
        line_end = simplified.find("\n", m.start())
        events.append((m.start(), 2, "on", "plan"))
        events.append((len(simplified) if line_end < 0 else line_end, 0, "off", None))
    for m in c.page.finditer(simplified) if c.page_word is None or c.page_word in simplified else ():
        events.append((m.start(), 2, "on", "other"))
        events.append((m.end(), 0, "off", None))

    points = [(0, "other" if start > 0 else "summary"), (start, "summary")]
    structural, overlay = "summary", None
    for pos, _, action, kind in sorted(events):
        if pos < start or pos >= end:
            continue
        if action == "struct":
            structural = kind
        elif action == "on":
            overlay = kind
        else:
            overlay = None
        points.append((pos, overlay or structural))
    points.append((end, "other"))
    return points


def section_at(points: list[tuple[int, str]], offset: int, positions: list[int] | None = None) -> str:
    """The section at `offset`; `positions` are the points' positions when the caller has them."""
    index = bisect_right([p for p, _ in points] if positions is None else positions, offset) - 1
    return points[max(index, 0)][1]


def assign_sections(text: str, simplified: str, mentions: list[Mention]) -> None:
    """Set `mention.section` in place for every mention."""
    if not mentions:
        return
    points = section_points(simplified)
    positions = [p for p, _ in points]  # once per document, not once per mention
    for mention in mentions:
        mention.section = section_at(points, mention.start, positions)
