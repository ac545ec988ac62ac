"""The report's title (SPEC §2 `document.title`): the title-like line above the body,
preferring one that says what the report is, with a second line that carries it on."""

from __future__ import annotations

import regex

from .doc_config import DATE, config

_LABEL_END = regex.compile(r"[,;!?]|:$")
SPACES = regex.compile(r"[ \t\u3000]+")


def find_title(simplified: str) -> list[tuple[int, int]] | None:
    """Spans of the report's title (two when it is set on two lines): a title-like
    line before the body starts, preferring one that says what the report is."""
    c = config()
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
        menu = c["menu"].match(stripped) is not None and not spaced_title(stripped)
        if furniture or c["site"].match(stripped) or menu or c["column"].match(stripped):
            continue
        if DATE.search(stripped) or (_LABEL_END.search(stripped) and not _before_page_date(lines, i)):
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
    c = config()
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
    c = config()
    if len(line) > c["r"]["title"]["headline_half_chars"]:
        return False
    after = simplified[line_end : line_end + 200].lstrip()  # the page's date first: the rarest
    next_line = after[: after.find("\n")] if "\n" in after else after
    if not next_line or (DATE.match(next_line) is None and not next_line.startswith(tuple(c["r"]["published"]["labels"]))):
        return False
    if _says_what(title) or _says_what(line) or _LABEL_END.search(line):
        return False
    if c["furniture"].search(line) or c["site"].match(line) or c["menu"].match(line) or c["column"].match(line):
        return False
    return not _agency_only(line)  # the agency's name under its headline: a byline


def title_joiner(simplified: str, spans: list[tuple[int, int]]) -> str:
    """Two phrases of a headline keep a space between them; a title's halves join up."""
    if len(spans) != 2:
        return ""
    (s0, e0), (s1, e1) = spans
    return " " if _headline_pair(simplified, simplified[s0:e0], simplified[s1:e1], e1) else ""


def spaced_title(line: str) -> bool:
    """工 作 总 结: a title typed with spaces between its characters, not a menu."""
    c = config()
    return c["spaced"].match(line) is not None and any(w in SPACES.sub("", line) for w in c["r"]["title"]["report_nouns"])


def _before_page_date(lines: list[tuple[int, str]], i: int) -> bool:
    """The next non-empty line holds the page's date label (发布日期:…)."""
    labels = config()["r"]["published"]["labels"]
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
    c = config()
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
    c = config()
    return any(w in title for w in c["r"]["title"]["report_nouns"]) and c["title_year"].search(title) is not None


def _agency_only(line: str) -> bool:
    """A line that is only an agency's name (阿城区机关后勤服务中心)."""
    m = config()["kind_re"].search(line)
    return m is not None and m.end() == len(line.rstrip()) and len(line) <= 25
