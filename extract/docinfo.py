"""Document fields (SPEC §2 `document`): title, organisation, region, year, period, type.

Cheap by design: regular expressions over the top of the page plus one
gazetteer scan (`regions.py`). Every field is left null when the text gives
no clear evidence; cue words live in `rules/document.yaml`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from .model import DocumentInfo
from .numerals import DIGITS
from .normalize import _PINYIN_GLOSS, NormalizedText  # the one gloss pattern, shared
from .fastscan import checker, needs
from .rulebook import OnFirstUse
from .regions import MUNICIPALITIES, Hit, Scanner, Unit, county_candidates, gazetteer
from .sections import rules, top_headings
from .wordtrie import words_pattern  # literal words as one trie-shaped `re` pattern

YEAR = r"(?P<y>(?:19|20)[0-9]{2})"  # ASCII digits: int() must be able to read them
# regex's \s (Unicode White_Space) in the stdlib engine, whose \s also takes \x1c-\x1f
_WHITE_SPACE = r"[^\S\x1c-\x1f]"
# (stdlib `re`: it skips to the 1s and 2s a year opens with at half the instructions)
_DATE = re.compile(
    r"(?P<y>(?:19|20)[0-9]{2})\s*(?:-|/|\.|年)\s*(?P<m>[0-9]{1,2})\s*(?:-|/|\.|月)\s*(?P<d>[0-9]{1,2})(?![0-9])\s*日?".replace(
        r"\s", _WHITE_SPACE
    )
)
_LABEL_END = regex.compile(r"[,;!?]|:$")
_TIME_OF_DAY = regex.compile(r"\d{1,2}:\d{2}")
_BRACKET_HEADING = regex.compile(r"(?m)^\s*【")
_ANY_YEAR = regex.compile(r"(?:19|20)\d{2}")
_SPACES = regex.compile(r"[ \t\u3000]+")
_REPORT_OPENING = regex.compile(r"现(?:将[^。]{0,30})?(?:汇报|报告)如下")


@dataclass(slots=True)
class _Org:
    """An organisation candidate: how it is written and where its place comes from."""

    written: str
    kind: str  # the agency kind (机关事务管理局 …)
    prefix: str  # what stands before the kind: a place name, 市, 省委 …
    hit: Hit | None  # the place hit when the prefix is a place name
    level: str | None
    start: int
    zone: bool = False  # a development zone of the hit's city (常州经开区): county level, the city's code


class _Hits:
    """The place names of a text, scanned only as far as they are asked for.

    Most reports name their organisation near the top; the place names further
    down are only read when the region is voted from the whole text. The hits
    are those of `Gazetteer.find`, in text order.

    No place name spans a line break, so a scan that starts at a line start finds
    the hits of that line as the scan from the top does: the name right before an
    agency kind further down (`ending_at`) is read from its own line alone.
    """

    __slots__ = ("_scanner", "_by_end", "_indexed", "_lines")

    def __init__(self, gaz, simplified: str, limit: int):
        self._scanner = Scanner(gaz, simplified, limit)
        self._by_end: dict[int, Hit] = {}
        self._indexed = 0  # hits already in _by_end
        self._lines: dict[int, Scanner] = {}  # line start -> the scan of that line alone

    def before(self, pos: int) -> list[Hit]:
        """Every hit that starts before `pos` (and perhaps some after it)."""
        self._scanner.until(pos)
        return self._scanner.hits

    def ending_at(self, pos: int) -> Hit | None:
        scanner = self._scanner
        if pos > scanner._cursor:  # not scanned from the top yet: scan its line alone, up to `pos`
            text = scanner.text
            if text[max(0, pos - 2) : pos] not in scanner.gaz.name_ends:
                return None  # no place name ends here (区机关…, 我局): no scan needed
            line_start = text.rfind("\n", 0, pos) + 1
            line = self._lines.get(line_start)
            if line is None:
                line = self._lines[line_start] = Scanner(scanner.gaz, text, scanner.end, line_start)
            line.until(pos)
            for hit in reversed(line.hits):  # a hit that ends at `pos` starts before it
                if hit.end <= pos:
                    return hit if hit.end == pos else None
            return None
        hits = scanner.hits  # a hit that ends at `pos` starts before it: already found
        for hit in hits[self._indexed :]:
            self._by_end[hit.end] = hit
        self._indexed = len(hits)
        return self._by_end.get(pos)

    def all(self) -> list[Hit]:
        return self.before(self._scanner.end)


@lru_cache(maxsize=1)
def _cfg() -> dict:
    r = rules("document")
    org = r["organization"]
    kinds = sorted(set(org["types"]) | set(org["abbreviations"]), key=len, reverse=True)
    # short kinds open on common characters (管, 事, 行) a trie would stop at everywhere:
    # searched apart, in the few texts holding one
    rare_kinds = sorted(set(org["informal"]) | set(org["zone_bodies"]), key=len, reverse=True)
    sources = {  # the patterns searched through `_Gated`
        "sentence_year": r["year"]["sentence_year"].replace("{Y}", YEAR),
        "labelled": r["title"]["labelled"],
        "subject_year": r["year"]["subject"].replace("{Y}", YEAR),
        "multi": r["period"]["multi_year"],
    }
    # each entry made on first lookup: a report reads about two thirds of them
    cfg = OnFirstUse({
        "r": lambda: r,
        "kinds": lambda: kinds,
        "kind_re": lambda: words_pattern(kinds),  # the longest kind at the leftmost place, as "|".join(kinds) finds it
        # what every short kind holds from its pivot character on (行管局 → 管局): a stdlib
        # search for these tails costs a fraction of a search for the kinds themselves
        "rare_kind_gate": lambda: re.compile(
            "|".join(sorted({re.escape(k[k.index(org["rare_kinds_pivot"]) :]) for k in rare_kinds}, key=len, reverse=True))
        ),
        "rare_kinds": lambda: frozenset(rare_kinds),
        "byline_ends": lambda: frozenset(mark[-1] for mark in org["byline_marks"]),
        "clause": lambda: re.compile(r"[^,，。;；\n]*"),
        "rare_kind_re": lambda: re.compile("|".join(map(re.escape, rare_kinds))),
        "rare_kind_reach": lambda: max(k.index(org["rare_kinds_pivot"]) for k in rare_kinds),
        "heading": lambda: regex.compile(r["title"]["heading"]),
        "site": lambda: regex.compile(r["title"]["site_name"]),
        "menu": lambda: regex.compile(r["title"]["menu"]),
        "spaced": lambda: regex.compile(r["title"]["spaced"]),
        "column": lambda: regex.compile(r["title"]["column"]),
        "sentence_year": lambda: _Gated(regex.compile(sources["sentence_year"], regex.M), cfg["needs"]["sentence_year"]),
        "strip": lambda: regex.compile(r["title"]["strip_suffix"], regex.I),
        "bracket": lambda: regex.compile(r["title"]["bracket"]),
        "labelled": lambda: _Gated(regex.compile(sources["labelled"], regex.M), cfg["needs"]["labelled"]),
        "furniture": lambda: words_pattern(r["title"]["furniture"]),  # literal words: the re trie finds any of them faster
        "css": lambda: regex.compile(r["title"]["css"]),
        "skip_line": lambda: regex.compile("|".join([*r["title"]["skip_lines"], r["title"]["cover_letter"]])),
        "cover_letter": lambda: regex.compile(r["title"]["cover_letter"], regex.M),
        "title_year_start": lambda: regex.compile(
            r"\s*(?:" + r["year"]["title"].replace("{Y}", YEAR) + "|"
            + "|".join(map(regex.escape, r["title"]["second_half_openers"])) + ")"
        ),
        "closing": lambda: regex.compile(r["title"]["closing"]),
        "glued": lambda: regex.compile(
            r"^\s*(?P<t>[^\n。,，;；:：]{2,40}?(?:"
            + "|".join(map(regex.escape, sorted(r["title"]["glued_nouns"], key=len, reverse=True)))
            + r"))(?="
            + "|".join([*map(regex.escape, r["title"]["glued_openers"]), *r["title"]["glued_opener_patterns"]])
            + ")"
        ),
        "subtitled": lambda: regex.compile(r["title"]["subtitled"]),
        "opening": lambda: regex.compile(r["year"]["opening"].replace("{Y}", YEAR)),
        "title_year": lambda: regex.compile(
            r["year"]["title"].replace("{Y}", YEAR)
            + r"(?!\d|\s*(?:"
            + "|".join(map(regex.escape, r["year"]["not_before"]))
            + "))"
        ),
        "placeholder": lambda: regex.compile(r["year"]["placeholder"]),
        "chinese_year": lambda: regex.compile(r["year"]["chinese_digits"]),
        "subject_year": lambda: _Gated(regex.compile(sources["subject_year"]), cfg["needs"]["subject_year"]),
        "multi": lambda: _Gated(regex.compile(sources["multi"]), cfg["needs"]["multi"]),
        "body": lambda: [_body_cue(cue, r["year"]["body_work"]) for cue in r["year"]["body"]],
        # what every match of these needs (标 and 题 for a labelled title …), read from the
        # patterns once and kept in the cache: most texts lack it and are not searched
        "needs": lambda: needs("document", sources),
        "event": lambda: re.compile(r["year"]["event"].replace("{Y}", YEAR)),
        "event_span": lambda: re.compile(r["year"]["event_span"].replace("{Y}", YEAR)),
        "document_date_before": lambda: tuple(r["year"]["document_date_before"]),
        "plan_name": lambda: regex.compile(r["period"]["plan_name_in_title"]),
        "range": lambda: regex.compile(r["period"]["year_range"].replace("{Y}", r"(?:19|20)[0-9]{2}")),
        "topic_summary": lambda: regex.compile(  # 公共机构节能工作总结: the topic right before the summary word
            "(?:" + "|".join(map(regex.escape, r["doc_type"]["single_topics"])) + ")(?:管理)?(?:工作)?(?:"
            + "|".join(map(regex.escape, r["doc_type"]["summary_words"])) + ")"
        ),
        "topic_field": lambda: regex.compile(  # 公务用车管理: a field of work taken up as a whole
            "(?:" + "|".join(map(regex.escape, r["doc_type"]["single_topics"])) + ")(?:"
            + "|".join(map(regex.escape, r["doc_type"]["topic_field_words"])) + ")"
        ),
        "dept": lambda: regex.compile(org["title_department"]),
        "joiners": lambda: frozenset(org["joiners"]),
        "zones": lambda: sorted(org["zones"], key=len, reverse=True),
        "zone_ends": lambda: frozenset(z[-1] for z in org["zones"]),
        "issuer_before": lambda: regex.compile(org["issuer"]["before"]),
        "issuer_after": lambda: regex.compile(org["issuer"]["after"]),
        "level_cue": lambda: _level_cue_pattern(r["level_cues"]),
        "level_of": lambda: {w: level for level in ("city", "county", "province") for w in r["level_cues"][level]},
        "level_chars": lambda: org["level_chars"],  # 市 -> city …: a place written by its level alone
        # 县委机关…, 市机关…: a level character (and 委) right before the kind
        "party_committee": lambda: regex.compile("[" + "".join(org["level_chars"]) + "]委?$"),
    })
    return cfg


class _Gated:
    """A compiled pattern whose whole-text searches are skipped when the text lacks what
    every match of it needs (`fastscan.needed_text`): no match is possible there, so
    the answer (None, no matches) is the pattern's own."""

    __slots__ = ("pattern", "holds")

    def __init__(self, pattern, need):
        self.pattern, self.holds = pattern, checker(need)

    def search(self, text: str):
        return self.pattern.search(text) if self.holds(text) else None

    def finditer(self, text: str):
        return self.pattern.finditer(text) if self.holds(text) else iter(())


def _body_cue(cue: dict, work: list[str]) -> tuple:
    """(needs, at, before or None) of a body year cue, compiled for the stdlib engine: its
    search for the literal an `at` pattern opens on is the cheapest there is."""
    fill = lambda p: p.replace("{Y}", YEAR).replace("{WORK}", "|".join(map(re.escape, work)))
    return cue["needs"], re.compile(fill(cue["at"])), (re.compile(fill(cue["before"])) if "before" in cue else None)


def _level_cue_pattern(cues: dict):
    """All level cues in one pattern, when counting its overlapped matches gives
    exactly str.count per cue: no cue repeats, starts another or overlaps itself
    (then at most one cue starts at a position and every occurrence counts).
    A trie (`words_pattern`): at a position it finds the one cue there, as the
    alternation does, with a fast scan for the characters cues start with."""
    words = [w for level in ("city", "county", "province") for w in cues[level]]
    if len(set(words)) != len(words) or not all(words):
        return None
    for w in words:
        if any(o != w and o.startswith(w) for o in words) or any(w.endswith(w[:k]) for k in range(1, len(w))):
            return None
    return words_pattern(words)


def _overlapped(pattern, text: str) -> list[str]:
    """The matches of `pattern` at every position where one starts, in text order
    (regex's `findall(overlapped=True)`: each search starts one past the last match's start)."""
    found, m = [], pattern.search(text)
    while m is not None:
        found.append(m.group())
        m = pattern.search(text, m.start() + 1)
    return found


# ---------------------------------------------------------------- title


def find_title(simplified: str) -> list[tuple[int, int]] | None:
    """Spans of the report's title (two when it is set on two lines): a title-like
    line before the body starts, preferring one that says what the report is."""
    c = _cfg()
    t = c["r"]["title"]
    m = c["bracket"].match(simplified)
    if m and not c["furniture"].search(m.group(1)):  # 【打印本页】【关闭窗口】 is page chrome
        return [(m.start(1), m.end(1))]
    head = simplified[: c["r"]["head_chars"]]
    m = c["labelled"].search(head)
    if m:  # 标题: | … | in a government site's metadata table
        return [(m.start("t"), m.end("t"))]
    lines, pos = [], 0
    for line in head.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    candidates: list[tuple[int, int]] = []
    strong: set[int] = set()  # candidates known to say what the report is
    for i, (start, line) in enumerate(lines):
        css = c["css"].search(line)
        if css:  # style rules glued on by a .doc conversion
            line = line[: css.start()]
        stripped = line.strip()
        if not stripped or c["skip_line"].search(stripped):
            continue
        if "。" in stripped or len(stripped) > t["max_chars"] or c["heading"].match(stripped):
            glued = c["glued"].match(line) or c["subtitled"].match(line)
            if glued:  # ends on a report noun right before the body: says what it is
                candidates.append((start + glued.start("t"), start + glued.end("t")))
                strong.add(len(candidates) - 1)
            break
        furniture = c["furniture"].search(stripped)
        if furniture and furniture.start() >= t["min_chars"] and _says_what(stripped[: furniture.start()]):
            # "…2020年工作总结 发布时间:2021年3月5日": the title with the page's chrome on its line
            stripped, furniture = stripped[: furniture.start()].rstrip(" \t\u3000[(【"), None
        menu = c["menu"].match(stripped) is not None and not _spaced_title(stripped)
        if furniture or c["site"].match(stripped) or menu or c["column"].match(stripped):
            continue
        if _DATE.search(stripped) or (_LABEL_END.search(stripped) and not _before_page_date(lines, i)):
            continue  # a label or salutation ends on ':'; a headline stands over its page date
        lead = len(line) - len(line.lstrip())
        s, e = start + lead, start + lead + len(stripped)
        cut = c["strip"].search(simplified[s:e])
        if cut:
            e = s + cut.start()
        if e - s >= t["min_chars"]:
            candidates.append((s, e))
            if len(candidates) > t["lookahead"] or _says_what(simplified[s:e]):
                break  # _choose_title takes the first line that says what the report is
    spans = _choose_title(simplified, candidates, strong)
    return _continued(simplified, spans) if spans else spans


def _continued(simplified: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The title with its next line when that line carries on the title line (a title
    set on two lines): "…2021年工作总结" / "暨2022年工作计划", "关于2021年工作总结" /
    "和2022年工作计划的报告"."""
    c = _cfg()
    t = c["r"]["title"]
    end = spans[-1][1]
    newline = simplified.find("\n", end)
    if newline < 0 or simplified[end:newline].strip():
        return spans  # the title does not end its line (a cut suffix, CSS …) or the text
    start = newline + 1
    line_end = simplified.find("\n", start)
    line = simplified[start : len(simplified) if line_end < 0 else line_end]
    lead = len(line) - len(line.lstrip())
    stripped = line.strip()
    if not stripped or "。" in stripped or len(stripped) > t["max_chars"] or c["heading"].match(stripped):
        return spans
    title = simplified[spans[0][0] : end]
    after = title.rfind("关于")
    says_kind = any(w in stripped for w in (*t["report_nouns"], *c["r"]["doc_type"]["plan_words"]))
    joined = (says_kind and any(stripped.startswith(w) for w in t["continuation_openers"])) or (
        after >= 0 and "的" not in title[after:] and c["closing"].search(stripped) is not None
    ) or _headline_pair(simplified, title, stripped, start + len(line))
    return [*spans, (start + lead, start + lead + len(stripped))] if joined else spans


def _headline_pair(simplified: str, title: str, line: str, line_end: int) -> bool:
    """A news headline set as two phrases on two lines, right above the page's date
    ("加强资产集中统一管理" / "提升现代化治理能力和治理水平" / "2022年09月02日 来源:"):
    neither says what report it is, and the second is no page chrome."""
    c = _cfg()
    if len(line) > c["r"]["title"]["headline_half_chars"]:
        return False
    after = simplified[line_end : line_end + 200].lstrip()  # the page's date first: the rarest
    next_line = after[: after.find("\n")] if "\n" in after else after
    if not next_line or (_DATE.match(next_line) is None and not next_line.startswith(tuple(c["r"]["published"]["labels"]))):
        return False
    if _says_what(title) or _says_what(line) or _LABEL_END.search(line):
        return False
    if c["furniture"].search(line) or c["site"].match(line) or c["menu"].match(line) or c["column"].match(line):
        return False
    return not _agency_only(line)  # the agency's name under its headline: a byline


def _title_joiner(simplified: str, spans: list[tuple[int, int]]) -> str:
    """Two phrases of a headline keep a space between them; a title's halves join up."""
    if len(spans) != 2:
        return ""
    (s0, e0), (s1, e1) = spans
    return " " if _headline_pair(simplified, simplified[s0:e0], simplified[s1:e1], e1) else ""


def _spaced_title(line: str) -> bool:
    """工 作 总 结: a title typed with spaces between its characters, not a menu."""
    c = _cfg()
    return c["spaced"].match(line) is not None and any(w in _SPACES.sub("", line) for w in c["r"]["title"]["report_nouns"])


def _before_page_date(lines: list[tuple[int, str]], i: int) -> bool:
    """The next non-empty line holds the page's date label (发布日期:…)."""
    labels = _cfg()["r"]["published"]["labels"]
    for _, line in lines[i + 1 :]:
        if line.strip():
            return any(line.strip().startswith(label) for label in labels)
    return False


def _choose_title(simplified: str, candidates: list[tuple[int, int]], strong: set[int]) -> list[tuple[int, int]] | None:
    """The first candidate, unless it does not say what the report is (site chrome,
    a breadcrumb, the agency's name alone) and a later one does ("…2018年工作情况概述").
    An agency's name on the line right above "2021年…年度报告" is the title's first half."""
    if not candidates:
        return None
    c = _cfg()
    texts = [simplified[s:e] for s, e in candidates]
    if 0 in strong or _says_what(texts[0]):
        return candidates[:1]
    for j in range(1, min(len(candidates), c["r"]["title"]["lookahead"] + 1)):
        if j not in strong and not _says_what(texts[j]):
            continue
        prev = texts[j - 1]
        adjacent = simplified.count("\n", candidates[j - 1][1], candidates[j][0]) == 1
        if adjacent and c["title_year_start"].match(texts[j]) and _agency_only(prev):
            return [candidates[j - 1], candidates[j]]
        return [candidates[j]]
    return candidates[:1]


def _says_what(title: str) -> bool:
    """A title naming its year and its kind of report: 2018年工作情况概述, 2022年度部门决算."""
    c = _cfg()
    return any(w in title for w in c["r"]["title"]["report_nouns"]) and c["title_year"].search(title) is not None


def _agency_only(line: str) -> bool:
    """A line that is only an agency's name (阿城区机关后勤服务中心)."""
    m = _cfg()["kind_re"].search(line)
    return m is not None and m.end() == len(line.rstrip()) and len(line) <= 25


# ---------------------------------------------------------------- published


def find_published(simplified: str) -> str | None:
    """The page's own date (发布日期 …, a date before a time of day or before 来源),
    else the document's date line under its title: （2024年1月18日）."""
    r = _cfg()["r"]
    head = simplified[: r["head_chars"]]
    labels = tuple(r["published"]["labels"])
    followers = tuple(r["published"]["followers"])
    seen = []
    for m in _DATE.finditer(head):
        seen.append(m)
        before = head[max(0, m.start() - 8) : m.start()].rstrip(" :|\t")  # 公开日期: | 2020-08-03: a table cell
        after = head[m.end() : m.end() + 12].lstrip(" \t\u3000])】")  # [2022-01-05] 来源: a bracketed page date
        if before.endswith(labels) or _TIME_OF_DAY.match(after) is not None or after.startswith(followers):
            y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    # no page date: the first date alone on its line in brackets (read only now: a page date makes it moot)
    date_line = next((m for m in seen if _bracketed_line(head, m.start(), m.end())), None)
    if date_line is None and "现将《" in head:  # (a str test: few texts forward a report)
        date_line = _cover_letter_date(head)
    if date_line is not None:
        y, mo, d = int(date_line["y"]), int(date_line["m"]), int(date_line["d"])
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _cover_letter_date(head: str):
    """The date a cover letter forwarding the report is signed with ("现将《…》印发给你们" …
    "舟山市机关事务管理中心" / "2025年1月3日"): a date alone on one of the lines right after it."""
    c = _cfg()
    letter = c["cover_letter"].search(head)
    if letter is None:
        return None
    line_end = head.find("\n", letter.end())
    lines = head[line_end + 1 :].split("\n")[: c["r"]["published"]["cover_letter_lines"]] if line_end >= 0 else []
    pos = line_end + 1
    for line in lines:
        stripped = line.strip(" \t\u3000")
        m = _DATE.match(head, pos + line.index(stripped)) if stripped else None
        if m is not None and m.group().strip() == stripped:
            return m
        pos += len(line) + 1
    return None


def _bracketed_line(head: str, start: int, end: int) -> bool:
    """A date alone on its line in brackets, （2024年1月18日）: the date a speech was
    given or a document issued, printed under its title (a page date comes first)."""
    line_start = head.rfind("\n", 0, start) + 1
    line_end = head.find("\n", end)
    before = head[line_start:start].strip(" \t\u3000")
    after = head[end : len(head) if line_end < 0 else line_end].strip(" \t\u3000")
    return before + after in _cfg()["r"]["published"]["date_line_brackets"]


# ---------------------------------------------------------------- level and organisation


def _self_level(simplified: str) -> str | None:
    """The reporting unit's level from how the text speaks of its own area."""
    c = _cfg()
    r = c["r"]
    counts: dict[str, int] = {}
    # Counting each cue's occurrences (one pattern, or str.count) gives what the
    # loop below does; the loop is only needed when a not_after word (自治) occurs.
    guarded = any(x in simplified for x in r["level_cues"]["not_after"])
    if c["level_cue"] and not guarded:  # the pattern exists only when no cue repeats: each has one level
        level_of = c["level_of"]
        for cue in _overlapped(c["level_cue"], simplified):
            level = level_of[cue]
            counts[level] = counts.get(level, 0) + 1
    else:
        for level in ("city", "county", "province"):
            for cue in r["level_cues"][level]:
                if not guarded:
                    n = simplified.count(cue)
                    if n:
                        counts[level] = counts.get(level, 0) + n
                    continue
                start = simplified.find(cue)
                while start != -1:  # str.find: no regex compiled per call
                    before = simplified[max(0, start - 2) : start]
                    start = simplified.find(cue, start + len(cue))
                    if not any(before.endswith(x) for x in r["level_cues"]["not_after"]):
                        counts[level] = counts.get(level, 0) + 1
    national = _national_cues(simplified, r["level_cues"])
    if national:
        counts["national"] = national
    if not counts:
        return None
    n = max(counts.values())
    if n < r.get("level_min_count", 1):
        return None
    best = [level for level, k in counts.items() if k == n]  # a tie at the top: no level
    return best[0] if len(best) == 1 else None


def _national_cues(simplified: str, cues: dict) -> int:
    """How often a central ministry's centre speaks of its own ministry (部机关办公楼),
    not counting 全部机关 and the like."""
    n = 0
    for cue in cues["national"]:
        n += simplified.count(cue)
        if n:
            n -= sum(simplified.count(x + cue) for x in cues["national_not_after"])
    return n


def _unit_level(hit: Hit) -> tuple[str, Unit] | None:
    """The level of the unit a place prefix names (a municipality counts as a province)."""
    units = hit.units
    if len(units) == 1:
        u = units[0]
        return u.level, u
    provinces = [u for u in units if u.level == "province"]
    if provinces and provinces[0].province in MUNICIPALITIES:
        return "province", provinces[0]
    cities = [u for u in units if u.level == "city"]
    if len(cities) == 1:
        return "city", cities[0]
    return None


def _shared_county(hit: Hit) -> str | None:
    """The district name a full hit writes when several cities have one so called
    (鼓楼区, 朝阳区, 城关区): the name is known, its city is not. Two-character names
    (北区, 东区) are parts of other names too (政务服务中心北区): not read so."""
    names = {u.county for u in hit.units if u.level == "county"}
    if hit.full and len(hit.surface) >= 3 and len(names) == 1 and all(u.level == "county" for u in hit.units):
        return next(iter(names))
    return None


def _org_candidates(simplified: str, hits: _Hits) -> list[_Org]:
    found = _candidates(simplified, hits, _cfg()["kind_re"].finditer(simplified))
    # a short kind (区行管局, 高新区管委会) is read only in a text that names no agency in full
    return found or _candidates(simplified, hits, _rare_kinds(simplified))


def _candidates(simplified: str, hits: _Hits, matches) -> list[_Org]:
    """The organisations the matched kinds name, with their places."""
    c = _cfg()
    found = []
    for m in matches:
        line_start = simplified.rfind("\n", 0, m.start()) + 1
        line_end = simplified.find("\n", m.start())
        line = simplified[line_start : len(simplified) if line_end < 0 else line_end]
        if "。" not in line and any(w in line for w in c["r"]["metadata_lines"]):
            continue  # 来源: 温州市机关事务局 names the source, not the reporter
        if _issuer(simplified, m.start(), m.end()):
            continue
        if m.group() in c["rare_kinds"]:  # 区行管局, 高新区管委会: read only after a level character or a zone
            short = _short_kind_org(simplified, hits, m)
            if short is not None:
                found.append(short)
            continue
        # 区级机关…中心, 市直机关…中心: a joiner between the place and the kind
        joiner = simplified[m.start() - 1] if m.start() and simplified[m.start() - 1] in c["joiners"] else ""
        hit = hits.ending_at(m.start() - len(joiner))
        if hit is not None and len(hit.units) == 1 or (hit is not None and hit.full):
            found.append(_Org(hit.surface + joiner + m.group(), m.group(), hit.surface + joiner, hit, None, hit.start))
            continue
        county = _county_after_city(simplified, hits, m.start() - len(joiner))
        if county is not None:  # 杭州市西湖区机关…: named with its city, as written
            start = county.start
            found.append(_Org(simplified[start : m.end()], m.group(), county.surface + joiner, county, None, start))
            continue
        national = next((p for p in c["r"]["organization"]["national_prefixes"] if simplified.endswith(p, 0, m.start())), None)
        if national:  # 国家机关事务管理局: the central agency, no place before it
            found.append(_Org(national + m.group(), m.group(), national, None, "national", m.start() - len(national)))
            continue
        before = c["party_committee"].search(simplified[max(0, m.start() - 2 - len(joiner)) : m.start() - len(joiner)])
        zone = _zone_of_city(simplified, hits, m.start() - len(joiner)) if before else None
        if zone is not None:  # 常州经开区机关服务中心: a zone of the city, written as such (its 区 is no level prefix)
            zone.written += joiner + m.group()
            zone.kind = m.group()
            found.append(zone)
            continue
        if before:
            prefix = before.group() + joiner
            level = c["level_chars"][prefix[0]]
            found.append(_Org(prefix + m.group(), m.group(), prefix, None, level, m.start() - len(prefix)))
            continue
        short = _county_without_suffix(simplified, hits, m.start() - len(joiner))
        if short is not None:  # 秀英机关事务局 in a text on 秀英区: as written
            found.append(_Org(short.surface + joiner + m.group(), m.group(), short.surface + joiner, short, None, short.start))
    return found


def _rare_kinds(simplified: str):
    """The short kinds (行管局, 事管中心, 管委会) in the text: found by their tails from 管 on,
    each then read whole in the few characters before."""
    c = _cfg()
    for tail in c["rare_kind_gate"].finditer(simplified):
        m = c["rare_kind_re"].search(simplified, max(0, tail.start() - c["rare_kind_reach"]), tail.end())
        if m is not None and m.end() == tail.end():
            yield m


def _short_kind_org(simplified: str, hits: _Hits, m) -> _Org | None:
    """The agency a short kind names: a zone's committee (高新区管委会), or an informal
    form after a place (东营区行管局) or after a level character alone (区行管局)."""
    c = _cfg()
    kind = m.group()
    if kind in c["r"]["organization"]["zone_bodies"]:
        zone = _zone_of_city(simplified, hits, m.start(), bare=True)
        if zone is not None:
            zone.written, zone.kind = zone.written + kind, kind
        return zone
    hit = hits.ending_at(m.start())
    if hit is not None and (hit.full or len(hit.units) == 1):
        return _Org(hit.surface + kind, kind, hit.surface, hit, None, hit.start)
    before = c["party_committee"].search(simplified[max(0, m.start() - 2) : m.start()])
    if before is None:
        return None
    prefix = before.group()
    return _Org(prefix + kind, kind, prefix, None, c["level_chars"][prefix[0]], m.start() - len(prefix))


def _publisher_county_city(simplified: str, hits: _Hits) -> Unit | None:
    """The one county-level city (县级市) a page's metadata line names (发布机构 腾冲市财政局),
    when the text speaks of 我市 and names no city of its own: the 市 it speaks for."""
    cues = _cfg()["r"]["metadata_lines"]
    found = set()
    for h in hits.before(_cfg()["r"]["head_chars"]):
        u = h.units[0]
        if not (h.full and len(h.units) == 1 and u.level == "county" and u.county.endswith("市")):
            continue
        line_start = simplified.rfind("\n", 0, h.start) + 1
        line_end = simplified.find("\n", h.start)
        line = simplified[line_start : len(simplified) if line_end < 0 else line_end]
        if "。" not in line and any(w in line for w in cues):
            found.add(u)
    return found.pop() if len(found) == 1 else None


def _byline(simplified: str, org: _Org) -> bool:
    """The agency stands alone on its line after a byline mark ("/上海市机关事务管理局"):
    the author of the item."""
    marks = _cfg()["r"]["organization"]["byline_marks"]
    line_start = simplified.rfind("\n", 0, org.start) + 1
    line_end = simplified.find("\n", org.start)
    before = simplified[line_start : org.start].strip(" \t\u3000")
    after = simplified[org.start + len(org.written) : len(simplified) if line_end < 0 else line_end]
    return not after.strip(" \t\u3000") and before in marks


def _county_without_suffix(simplified: str, hits: _Hits, end: int) -> Hit | None:
    """A county's name written without its 区/县 right before a kind (秀英机关事务局), when
    the text names that county in full too (秀英区): the hit spans the short name and
    holds the county so named."""
    gaz = gazetteer()
    short_names = gaz.county_short
    for length in (4, 3, 2):
        name = simplified[max(0, end - length) : end]
        if len(name) < length or name[:2] not in gaz._short_starts or name not in short_names:
            continue  # (the set of first pairs: a cheaper test than the lookup)
        units = set(short_names[name])
        full = [h for h in hits.all() if h.full and h.surface[:-1] == name and units.intersection(h.units)]
        if full:
            return Hit(end - length, end, name, full[0].units, True)
    return None


def _zone_of_city(simplified: str, hits: _Hits, end: int, bare: bool = False) -> _Org | None:
    """A development zone ending at `end` right after its city (常州经开区, 淮南高新区): an
    agency of the zone is the reporter, county level, in that city (the zone has no code).
    `bare`: a zone with no city before it (高新区管委会) counts too; its city is the text's."""
    c = _cfg()
    if simplified[end - 1 : end] not in c["zone_ends"]:
        return None  # (a str test: most level prefixes are 市 or 县)
    zone = next((z for z in c["zones"] if simplified.endswith(z, 0, end)), None)
    if zone is None:
        return None
    hit = hits.ending_at(end - len(zone))
    resolved = _unit_level(hit) if hit is not None else None
    if resolved is None or resolved[0] != "city":
        return _Org(zone, "", zone, None, "county", end - len(zone), True) if bare and hit is None else None
    return _Org(hit.surface + zone, "", hit.surface + zone, hit, "county", hit.start, True)


def _county_after_city(simplified: str, hits: _Hits, end: int) -> Hit | None:
    """The county ending at `end` when written in full right after its city
    (杭州市西湖区, 天津市河西区): the scan reads it as the short name after its
    parent (西湖), and the 区 is left over. The hit returned spans city and county
    and names the county only: many districts share a name, the city is part of
    the agency's name."""
    suffix = simplified[end - 1 : end]
    if suffix not in _cfg()["level_chars"] or end < 2:
        return None
    short = hits.ending_at(end - 1)
    if short is None or short.full:
        return None
    units = tuple(u for u in short.units if u.level == "county" and u.county == short.surface + suffix)
    parent = hits.ending_at(short.start)
    if len(units) != 1 or parent is None:
        return None
    return Hit(parent.start, end, simplified[parent.start : end], units, True)


def _issuer(simplified: str, start: int, end: int) -> bool:
    """根据县机关事务局下发的《…》: the agency named as the issuer of the rules the
    report follows is not the reporter (it is the body above it)."""
    c = _cfg()
    return (
        c["issuer_after"].match(simplified, end, end + 30) is not None  # anchored: the cheaper test first
        and c["issuer_before"].search(simplified, max(0, start - 30), start) is not None
    )


def _self_org(simplified: str) -> tuple[str, str] | None:
    """(kind, noun) when the report speaks of itself as 我中心/我局 and says what it is."""
    org = _cfg()["r"]["organization"]
    for noun in org["self_reference"]:
        if any(p + noun in simplified for p in org["self_prefixes"]):
            for cue, kind in org["self_kind_cues"].items():
                if cue in simplified:
                    return kind, noun
    return None


# ---------------------------------------------------------------- region


def _votes(hits: list[Hit], level: str) -> Counter[Unit]:
    votes: Counter[Unit] = Counter()
    for h in hits:
        units = [u for u in h.units if u.level == level]
        if len(units) == 1:
            votes[units[0]] += 2 if h.full else 1
    return votes


def _top(votes: Counter[Unit]) -> Unit | None:
    if not votes:
        return None
    (best, n), *rest = votes.most_common()
    return None if rest and rest[0][1] == n else best


def _region(
    level: str | None, anchor: Unit | None, lazy_hits: _Hits, title_hits: list[Hit], county: str | None = None
) -> tuple[Unit | None, str | None]:
    """The reporting unit at `level`, from the organisation's place or the place names in the text,
    and for a county the name as written even when several cities have one so called
    (`county`: the organisation's). The name is then kept and its city left unknown."""
    if anchor is not None:
        return anchor, None
    if level is None:
        return None, None
    if level == "county":
        hits = lazy_hits.all()
        provinces = {u.province for h in hits if h.full for u in h.units if u.level == "province"}
        cities = {u.city for h in hits for u in h.units if u.level == "city" and len(h.units) == 1}
        names = Counter(u.county for h in hits for u in h.units if u.level == "county")
        for name in [county] if county else [n for n, _ in names.most_common(1)]:
            # a hit such as 上海金山 already names the one county it means
            pinned = {h.units[0] for h in hits if len(h.units) == 1 and h.units[0].county == name}
            if len(pinned) == 1:
                return next(iter(pinned)), None
            candidates = county_candidates(name, provinces, cities)
            if len(candidates) == 1:
                return next(iter(candidates)), None
            written = county or next((n for h in hits if (n := _shared_county(h)) == name), None)
            return None, written
        return None, None
    unit = _top(_votes(title_hits, level))
    if unit is not None:
        return unit, None  # the title's place names decide: the rest of the text is not read
    return _top(_votes(lazy_hits.all(), level)), None


# ---------------------------------------------------------------- year, period, type


def _year_and_period(
    simplified: str, title: str | None, published: str | None, opening: regex.Match | None
) -> tuple[int | None, str | None]:
    """`opening` is the `opening` pattern's match in the head (the caller needs it too)."""
    c = _cfg()
    r = c["r"]
    parts = r["period"]["parts"]
    head = simplified[: r["head_chars"]]
    year, period, strength = None, None, None
    if title and not c["placeholder"].search(title):
        m = c["title_year"].search(title)
        if m:
            year, strength = int(m["y"]), "title"
    m = opening
    titled = year is not None
    if m and not c["placeholder"].search(head[: m.start()] + m.group()):
        if year is None:
            year = int(m["y"])
        if year == int(m["y"]):
            strength = "opening"
            if m["part"]:
                period = parts.get(m["part"].lstrip("第"), parts.get(m["part"]))
                return year, period
            if not titled and _opens_a_span(head[: r["period"]["opening_chars"]], year):  # a title's year stands
                return None, "multi_year"
    if year is None:  # "对2018年度节能工作进行了整理汇总": the opening names the year reported on
        m = c["subject_year"].search(head[: r["period"]["opening_chars"]])
        if m and not c["placeholder"].search(m.group()):
            year = int(m["y"])
    body_tie = False
    if year is None:
        year, body_tie = _body_year(simplified)
    if title:
        for word in sorted(parts, key=len, reverse=True):
            if word in title:
                return year, parts[word]
    if year is None:
        if published and any(w in simplified for w in r["year"]["this_year"]):
            others = {int(m["y"]) for m in c["sentence_year"].finditer(simplified)} - {int(published[:4])}
            if not others:
                return int(published[:4]), None
            return (None if body_tie else _event_year(simplified)), None  # 2022年,… on a page of 2023
    if strength != "opening" and title and c["plan_name"].search(title) and c["title_year"].search(title) is None:
        return year, "multi_year"  # “十三五”工作总结: on the plan's five years
    opening = head[: r["period"]["opening_chars"]]
    # a title on several years and on no one year ("十四五"以来…工作回顾, 五年来…工作总结),
    # or on a span of years (2019—2021年…工作总结)
    multi_title = bool(title) and (
        (c["multi"].search(title) is not None and c["title_year"].search(title) is None) or c["range"].search(title) is not None
    )
    if strength != "opening" and (multi_title or not (title and any(w in title for w in r["doc_type"]["summary_words"]))):
        if c["multi"].search((title or "") + "\n" + opening) or c["range"].search(opening):
            return year, "multi_year"
    if year is None:  # a news item on what happened in one year: no period (SPEC §2 has none for it)
        return (None if body_tie else _event_year(simplified)), None
    return year, "annual"


def _body_year(simplified: str) -> tuple[int | None, bool]:
    """The year the body names as its own period when the title and opening name none
    (a heading on that year's work, 2025年本年收入, 完成了2010年…): the first cue that
    names a year decides, with the year it names most (a tie: none, and True: the body
    names no one year, so no weaker cue may name one). A plan's or target's year is no cue."""
    for needs, at, before in _cfg()["body"]:
        if needs not in simplified:  # (a str test: half the cost of the search)
            continue
        years = []
        for m in at.finditer(simplified):
            b = before.search(simplified, max(0, m.start() - 12), m.start()) if before else None
            if before is None or b:
                years.append(m.groupdict().get("y") or b["y"])
        if years:
            break
    else:
        return None, False
    ranked = Counter(years).most_common(2)
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None, True  # a tie: the body names no one year
    return int(ranked[0][0]), False


def _event_year(simplified: str) -> int | None:
    """The one year a news item dates what happened in (2023年4月下旬, 2015年度…, a
    sentence opening 2022年,), when the title, opening and body cues name none."""
    c = _cfg()
    labels = tuple(c["r"]["published"]["labels"])
    this_year = any(w in simplified for w in c["r"]["year"]["this_year"])
    head = simplified[: c["r"]["head_chars"]]  # a news item dates its event near the top
    if c["event_span"].search(head):
        return None  # 2021年以来…: the item is on the years since, not on one
    years = {int(m["y"]) for m in c["sentence_year"].finditer(head)}
    for m in c["event"].finditer(head):
        if this_year and not m["annual"]:
            continue  # 2024年11月14日正式启动…截至今年10月底: a start before 今年
        if simplified[max(0, m.start() - 3) : m.start()].endswith(c["document_date_before"]):
            continue  # 《…条例》于2022年9月22日经…通过: the document's date
        if not _page_date(simplified, m, labels) and not _in_a_name(simplified, m.start()):
            years.add(int(m["y"]))
    return years.pop() if len(years) == 1 else None  # two years: the item is on no one year


def _page_date(simplified: str, m, labels: tuple) -> bool:
    """发布时间:2019年8月26日, （2023年2月10日）: when the page or speech is dated, not what happened."""
    return simplified[max(0, m.start() - 8) : m.start()].rstrip(" :\t").endswith(labels) or _bracketed_line(
        simplified, m.start(), m.end()
    )


def _in_a_name(simplified: str, pos: int) -> bool:
    """A year inside a title or quote (《2021年度节能考核方案》): part of a name."""
    before = simplified[max(0, pos - 40) : pos]
    return any(before.rfind(o) > before.rfind(c) for o, c in ("《》", "“”"))


def _opens_a_span(opening: str, year: int) -> bool:
    """A sentence opens on a span of years starting at the opening year (2001-2010年,):
    the text is on the span (a gazetteer entry), not on its first year."""
    after = _cfg()["r"]["period"]["span_after"]
    for m in _span_from(year).finditer(opening):  # rare: what stands before is read only then
        before = opening[: m.start()].rstrip(" \t")
        if not before or before[-1] in after:
            return True
    return False


@lru_cache(maxsize=64)
def _span_from(year: int):
    """The span pattern from this year on: opening on its digits, a literal the stdlib
    engine finds at a fraction of the cost of a search for any year."""
    return re.compile(str(year) + _cfg()["r"]["period"]["span_tail"])


def _doc_type(simplified: str, title: str | None, opening: regex.Match | None, heading: str | None) -> str:
    """`opening` is the opening year's match ("2019年,"), `heading` an untitled text's
    first top heading when it sums up work (一、上半年工作总结)."""
    r = _cfg()["r"]["doc_type"]
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
        return "special_report" if _cfg()["topic_summary"].search(title) else "work_summary"
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
    clause = _cfg()["clause"].match(simplified, start, start + 80).group()
    return _cfg()["topic_field"].search(clause) is not None


def _summary_heading(simplified: str) -> str | None:
    """An untitled text's first top heading when it sums up work ("一、上半年工作总结")."""
    headings = top_headings(simplified)
    if not headings or headings[0][1] != "summary":
        return None
    start = headings[0][0]
    end = simplified.find("\n", start)
    line = simplified[start : end if end >= 0 else len(simplified)]
    return line if any(w in line for w in _cfg()["r"]["doc_type"]["summary_words"]) else None


def _opens_on_first_heading(simplified: str) -> bool:
    """An untitled text whose first line is its top heading 一、 (一、…学习 / 二、…保障 …):
    a unit's summary copied without its title, not a news item (which opens on prose)."""
    headings = top_headings(simplified)
    return len(headings) >= 2 and not simplified[: headings[0][0]].strip()


def _statutory_open_government(simplified: str) -> bool:
    """The statutory 政府信息公开工作年度报告 without such a title: near the top it
    names itself (or the 条例 it is made under) and lists the fixed headings
    every such report has. A summary that only mentions publishing one lacks those."""
    cues = _cfg()["r"]["doc_type"]["open_government_body"]
    head = simplified[: cues["chars"]]
    return any(w in head for w in cues["names"]) and any(w in head for w in cues["headings"])


def _starts_as_report(simplified: str) -> bool:
    """A report opening on its period and then '现汇报如下' / '现将…报告如下'."""
    head = simplified[:300]
    return _REPORT_OPENING.search(head) is not None


# ---------------------------------------------------------------- entry point


def _arabic_years(simplified: str) -> str:
    """二〇〇九年 read as 2009年: a copy of the same length, for the year cues only."""
    return _cfg()["chinese_year"].sub(lambda m: "".join(str(DIGITS.get(ch, 0)) for ch in m.group()), simplified)



def infer_document_info(text: str, simplified: str) -> DocumentInfo:
    """Who reported, where and for which period, from the report text.

    `simplified` is `text` in simplified script with half-width ASCII, same length.
    """
    c = _cfg()
    gaz = gazetteer()
    info = DocumentInfo()

    # Pinyin glosses (機(jī)關(guān)) break every name: read the gloss-free copy, and map
    # the title's span back to `text`, where the glosses stay as written.
    to_original, glossed = None, simplified
    if _PINYIN_GLOSS.search(simplified):
        normalized = NormalizedText(text, simplified)  # (the caller's simplified copy: not made twice)
        simplified, to_original = normalized.norm, normalized.to_original

    spans = find_title(simplified)
    span = (spans[0][0], spans[-1][1]) if spans else None
    title_simple = simplified[span[0] : span[1]] if span else None
    if spans:
        parts = []
        for part in spans:  # a title set on two lines is joined without the break
            s, e = to_original(*part) if to_original else part
            last_gloss = _PINYIN_GLOSS.match(glossed, e) if to_original else None
            parts.append(text[s : last_gloss.end() if last_gloss else e])
        info.title = _title_joiner(simplified, spans).join(parts)
    info.published = find_published(simplified)

    hits = _Hits(gaz, simplified, 20000)
    title_hits = [h for h in hits.before(span[1]) if span[0] <= h.start < span[1]] if span else []

    # organisation and the level it speaks for
    self_level = _self_level(simplified)
    candidates = _org_candidates(simplified, hits)
    named = []
    for o in candidates:
        if o.hit is not None:
            resolved = _unit_level(o.hit)
            o.level = "county" if o.zone else resolved[0] if resolved else ("county" if _shared_county(o.hit) else None)
            if o.level:
                named.append(o)
    org, anchor, county_name = None, None, None
    if named:
        in_title = [o for o in named if span and span[0] <= o.start < span[1]]
        matching = [o for o in named if o.level == self_level]
        counts = Counter(o.written for o in named)
        ends = c["byline_ends"]  # (one character tells most agencies stand in a sentence)
        bylined = [o for o in named if simplified[o.start - 1 : o.start] in ends and _byline(simplified, o)]
        pool = bylined or in_title or matching or named
        # at equal counts a place the gazetteer resolves beats a shared district name
        org = max(pool, key=lambda o: (counts[o.written], _unit_level(o.hit) is not None, -o.start))
        resolved = _unit_level(org.hit)
        anchor = resolved[1] if resolved else None
        county_name = None if resolved else _shared_county(org.hit)  # 鼓楼区机关事务管理局
    level = org.level if org else None

    if org is None and title_simple:
        for h in title_hits:
            m = c["dept"].match(title_simple, h.end - span[0])
            if h.full and m and _unit_level(h):
                org_level, anchor = _unit_level(h)
                org = _Org(h.surface + m.group(), m.group(), h.surface, h, org_level, h.start)
                level = org_level
                break

    short = [o for o in candidates if o.hit is None]
    if org is None and short:
        counts = Counter(o.written for o in short)
        # a unit of another level (市机关局 in a district's report) is not the reporter,
        # unless the title names it ("市机关事务中心荣获全省…称号": 全省 is the arena)
        in_title = [o for o in short if span and span[0] <= o.start < span[1]]
        pool = in_title or ([o for o in short if o.level == self_level] if self_level else short)
        if pool:
            org = max(pool, key=lambda o: (counts[o.written], -o.start))
            level = org.level

    if level is None:
        level = self_level

    if org is not None and org.zone and anchor is None:  # 高新区管委会: its city is the one the text names
        cities = set(_votes(hits.all(), "city"))
        unit, county_written = (cities.pop() if len(cities) == 1 else None), None
    else:
        unit, county_written = _region(level, anchor, hits, title_hits, county_name)
    if unit is None and org is None and level == "city":  # 我市 in a 县级市's report
        unit = _publisher_county_city(simplified, hits)
        level = "county" if unit is not None else level
    if unit is not None and level is not None and unit.level != level and not (org is not None and org.zone):
        unit = None if unit.level != "province" or level == "province" else unit
    if _municipality(level, unit, simplified):  # 重庆市机关事务局: a 直辖市 is a province
        level, unit = "province", Unit("province", unit.province)
        if org is not None:
            org.level = "province"

    if unit is not None:
        info.province = unit.province
        info.city = unit.city if unit.level in ("city", "county") else None
        if unit.level == "county":
            info.county = unit.county
        if unit.level == "province" and unit.province in MUNICIPALITIES:
            info.city = unit.province  # a 直辖市 is its own city too (上海市/上海市/金山区)
        info.admin_code = gaz.code(unit)
    elif level in ("city", "county"):
        info.county = county_written if level == "county" else None
        named_provinces = {u.province for h in hits.all() if h.full for u in h.units if u.level == "province" and len(h.units) == 1}
        if len(named_provinces) == 1:
            info.province = next(iter(named_provinces))
            info.admin_code = gaz.code(Unit("province", info.province))
    info.level = level

    info.organization = _org_name(org, unit, simplified, level)

    openers = c["r"]["year"]["chinese_digits_openers"]  # (str tests: far cheaper than the search)
    if any(w in simplified for w in openers) and c["chinese_year"].search(simplified):  # 二〇〇九年: the year cues read Arabic digits
        simplified = _arabic_years(simplified)
        title_simple = simplified[span[0] : span[1]] if span else None
    if title_simple and _spaced_title(title_simple):  # 工 作 总 结: the cues read it unspaced
        title_simple = _SPACES.sub("", title_simple)
    opening = c["opening"].search(simplified[: c["r"]["head_chars"]])
    info.year, info.period = _year_and_period(simplified, title_simple, info.published, opening)
    heading = None if title_simple else _summary_heading(simplified)
    if heading is not None and info.period is None:  # 一、上半年工作总结: a half-year's summary
        parts = c["r"]["period"]["parts"]
        info.period = next((parts[w] for w in sorted(parts, key=len, reverse=True) if w in heading), None)
    info.doc_type = _doc_type(simplified, title_simple, opening, heading)
    return info


def _municipality(level: str | None, unit: Unit | None, simplified: str) -> bool:
    """A city-level reporter placed in a 直辖市 written in full (重庆市) is the municipality's
    own agency, a province's (SPEC §2); a short mention (上海世博会) places no reporter."""
    return level == "city" and unit is not None and unit.province in MUNICIPALITIES and unit.province in simplified


def _org_name(org: _Org | None, unit: Unit | None, simplified: str, level: str | None) -> str | None:
    """The organisation as named, its level prefix (市…) replaced by the place when known."""
    names = _cfg()["r"]["organization"]
    abbreviations = names["abbreviations"]
    if org is not None:
        if org.hit is not None or org.kind in names["informal"]:
            return org.written  # 区行管局: an informal short form names no full kind to place
        kind = abbreviations.get(org.kind, org.kind)
        place = _place_name(unit, org.level)
        if place is None:
            return org.written
        return place + org.prefix[1:] + kind
    found = _self_org(simplified)
    place = _place_name(unit, level)
    if found and place:
        kind, noun = found
        return place + kind + noun
    return None


def _place_name(unit: Unit | None, level: str | None) -> str | None:
    if unit is None or level is None:
        return None
    if level == "county":
        return unit.county
    if level == "city":
        return unit.city
    return unit.province
