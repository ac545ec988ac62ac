"""Reading: bytes or a file -> text, whatever the format (txt, HTML, DOCX, PDF).

Every later offset refers to the text produced here, so this stage decides
once, visibly, what the text is: the decoded file for plain text, the main
text of a saved web page, the paragraphs and table cells of a DOCX, the text
layer of a PDF. Anything that cannot be read becomes an `InputError` with one
line naming the file; tunables live in `rules/reading.yaml`.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import io
import os
import re
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from ..errors import InputError
from . import rulebook



@dataclass(slots=True)
class RawDocument:
    text: str
    format: str  # text | html | docx | pdf
    encoding: str | None
    sha256: str
    source: str


@lru_cache(maxsize=1)
def rules() -> dict:
    """The reading rules (size limit, encodings, magic numbers, HTML selectors)."""
    return rulebook.load("reading")


def max_bytes() -> int:
    return int(rules()["max_bytes"])


def _label(name: str) -> str:
    return "<stdin>" if name == "-" else name


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


# --------------------------------------------------------------------------
# Entry points


def read_path(path: str | Path) -> RawDocument:
    """Read a report from disk; refuses missing, looping, special and oversized files."""
    name = str(path)
    try:
        info = os.stat(path)
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise InputError(f"{name}: symbolic link loop, not a report") from None
        if err.errno == errno.ENOENT:
            if os.path.islink(path):
                raise InputError(f"{name}: broken symbolic link (its target does not exist)") from None
            raise InputError(f"{name}: no such file") from None
        if err.errno == errno.EACCES:
            raise InputError(f"{name}: permission denied") from None
        if err.errno == errno.ENAMETOOLONG:
            raise InputError(f"{name[:80]}…: file name too long") from None
        raise InputError(f"{name}: cannot open ({err.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{name}: is a directory, not a report")
    limit = max_bytes()
    if stat.S_ISREG(info.st_mode) and info.st_size > limit:
        raise InputError(
            f"{name}: file is {_mb(info.st_size)}, over the {_mb(limit)} limit (max_bytes in rules/reading.yaml)"
        )
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)  # a pipe or growing file cannot exceed the limit either
    except OSError as err:
        raise InputError(f"{name}: cannot read ({err.strerror})") from None
    return read_bytes(data, name=name)


def read_bytes(data: bytes, name: str = "-") -> RawDocument:
    """Read a report given as bytes; `name` ('-' for stdin) names it and hints at its format."""
    label = _label(name)
    limit = max_bytes()
    if len(data) > limit:
        raise InputError(f"{label}: input is over the {_mb(limit)} limit (max_bytes in rules/reading.yaml)")
    digest = hashlib.sha256(data).hexdigest()
    fmt = sniff_format(data, name)
    if fmt == "pdf":
        text, encoding = _read_pdf(data, label), None
    elif fmt == "docx":
        text, encoding = _read_docx(data, label), None
    else:
        text, encoding = decode_text(data, label, declared=_declared_charset(data) if fmt == "html" else None)
        if fmt == "html" or (fmt == "text" and _looks_like_html(text, name)):
            fmt = "html"
            text = html_to_text(text)
    return RawDocument(text=text, format=fmt, encoding=encoding, sha256=digest, source=name)


# --------------------------------------------------------------------------
# Format sniffing: the content decides, the file name only breaks ties.

_OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
_ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_OLE = "EncryptedPackage".encode("utf-16-le")


def _suffix(name: str) -> str:
    return Path(name).suffix.lower() if name not in ("", "-") else ""


def sniff_format(data: bytes, name: str = "-") -> str:
    """'text' | 'html' | 'pdf' | 'docx', or InputError saying what the bytes look like."""
    label = _label(name)
    suffix = _suffix(name)
    if not data.strip():
        return "text"  # empty or whitespace-only: a valid, empty report whatever its name
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(_ZIP_MAGIC) or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data, label)
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_OLE in data:
            raise InputError(
                f"{label}: password-protected (encrypted) Office document; remove the password and save it again"
            )
        raise InputError(f"{label}: legacy Word .doc / Excel .xls file (OLE container); save it as .docx")
    has_nul = b"\x00" in data
    what = _magic_kind(data, has_nul)
    if what:
        raise InputError(f"{label}: looks like {what}, not a report")
    if suffix == ".pdf":
        raise InputError(f"{label}: not a PDF (no %PDF header); {_looks_like(data)}")
    if suffix == ".docx":
        raise InputError(f"{label}: not a DOCX (not a zip archive); {_looks_like(data)}")
    if has_nul and not _is_utf16(data):
        at = data.index(b"\x00")
        raise InputError(f"{label}: binary data (NUL byte at offset {at}), not a text report")
    if suffix in rules()["html"]["extensions"] and b"<" in data:
        return "html"
    return "text"


def _magic_kind(data: bytes, has_nul: bool) -> str | None:
    for entry in rules()["magic"]:
        sig = bytes.fromhex(str(entry["hex"]))
        offset = int(entry.get("offset", 0))
        if data[offset : offset + len(sig)] == sig and (has_nul or not entry.get("with_nul")):
            return entry["what"]
    return None


def _looks_like(data: bytes) -> str:
    head = data[:512].lstrip()
    if not data.strip():
        return "the file is empty"
    if head[:1] == b"<":
        return "it looks like HTML or XML"
    if b"\x00" in data:
        return "it looks like binary data"
    return "it looks like plain text"


def _zip_kind(data: bytes, label: str) -> str:
    import zipfile  # here: only zip files need it (with shutil, bz2, lzma: ~6 ms of every start-up)

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError) as err:
        raise InputError(f"{label}: corrupt zip/DOCX file ({err})") from None
    if "word/document.xml" in names:
        return "docx"
    for kind in rules()["zip_kinds"]:
        if any(n == kind["member"] or n.startswith(kind["member"]) for n in names):
            raise InputError(f"{label}: looks like {kind['what']}")
    raise InputError(f"{label}: a zip archive that is not a DOCX (no word/document.xml)")


def _is_utf16(data: bytes) -> bool:
    """BOM-less UTF-16: NULs sit at every other byte and the decoding is clean text."""
    if len(data) < 4:
        return False
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) / 2
    codec = "utf-16-le" if odd > even else "utf-16-be"
    if max(even, odd) < 0.2 * half or min(even, odd) > 0.05 * half:
        return False
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return False
    return _garbage_reason(text) is None


# --------------------------------------------------------------------------
# Plain text: detection, never a blind guess.

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# Chinese characters and the punctuation, symbols and full-width forms Chinese text uses.
_CJKISH = (
    "\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0003134f\uf900-\ufaff"  # ideographs
    "\u3000-\u303f\uff00-\uffef\ufe30-\ufe4f\u2e80-\u2fdf\u3100-\u312f"  # CJK punctuation, full-width
    "\u2000-\u206f\u2100-\u218f\u2190-\u22ff\u2460-\u24ff\u2500-\u26ff\u3200-\u33ff"  # “” ℃ Ⅰ ① ■ ★ ㎡
    "\u00a0\u00b0\u00b1\u00b2\u00b3\u00b7\u00d7\u00f7\ufffd"
)
_ASCII_RUNS = re.compile(r"[\x00-\x7f\s]+")
_CJKISH_RUNS = re.compile(rf"[\x00-\x7f\s{_CJKISH}]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")
_PRIVATE = regex.compile(r"[\p{Co}\p{Cn}]")


def _non_ascii_and_foreign(text: str) -> tuple[int, int]:
    """(non-ASCII non-space characters, those of them that are not Chinese-ish); C-speed."""
    return len(_ASCII_RUNS.sub("", text)), len(_CJKISH_RUNS.sub("", text))


def _garbage_reason(text: str) -> str | None:
    """Why decoded text is not plausible Chinese report text, or None."""
    cfg = rules()["encodings"]
    if not text:
        return None
    controls = len(_CONTROLS.findall(text))
    if controls > max(2, cfg["max_control_share"] * len(text)):
        return f"{controls} control characters"
    non_ascii, foreign = _non_ascii_and_foreign(text)
    if non_ascii:
        private = len(_PRIVATE.findall(text))
        if private > max(2, 0.01 * non_ascii):
            return f"{private} private-use or unassigned characters"
        if non_ascii >= 4 and non_ascii - foreign < cfg["min_cjk_share"] * non_ascii:
            return f"only {non_ascii - foreign} of {non_ascii} non-ASCII characters are Chinese"
    return None


def _is_cjkish_text(text: str) -> bool:
    non_ascii, foreign = _non_ascii_and_foreign(text)
    return not non_ascii or foreign <= 0.2 * non_ascii


def _codec_name(name: str) -> str:
    return codecs.lookup(name).name


def _detect_legacy(data: bytes, declared: str | None = None) -> tuple[str, str] | None:
    """(codec, text) for bytes that are not UTF-8: the declared charset if it decodes cleanly,
    else charset-normalizer restricted to the Chinese candidates of rules/reading.yaml."""
    cfg = rules()["encodings"]
    if declared:
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            if _garbage_reason(text) is None:
                return _codec_name(declared), text
    from charset_normalizer import from_bytes

    matches = from_bytes(data, cp_isolation=list(cfg["legacy_candidates"]), preemptive_behaviour=False)
    for match in sorted(matches, key=lambda m: m.chaos):
        if match.chaos > cfg["max_chaos"]:
            continue
        try:
            text = data.decode(match.encoding)
        except UnicodeDecodeError:
            continue
        if _garbage_reason(text) is None:
            return _codec_name(match.encoding), text
    return None


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in <meta>, mapped through declared_aliases."""
    head = data[:4096].decode("ascii", errors="ignore")
    found = re.search(r"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", head, re.I)
    if not found:
        return None
    name = found.group(1).lower()
    name = rules()["encodings"]["declared_aliases"].get(name, name)
    try:
        return _codec_name(name)
    except LookupError:
        return None


def _utf8_line_ok(line: bytes) -> str | None:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not _is_cjkish_text(text):
        return None  # legacy bytes that happen to be valid UTF-8 decode to Latin/Cyrillic soup
    return text


def decode_text(data: bytes, label: str = "-", declared: str | None = None) -> tuple[str, str | None]:
    """Decode report bytes; returns (text, encoding).

    Order: a BOM; strict UTF-8; UTF-8 cut off in its last character (kept,
    the broken character becomes U+FFFD, encoding 'utf-8 (truncated)'); a file
    mixing UTF-8 and GBK/Big5 lines (each line decoded on its own, encoding
    'mixed'); otherwise the declared or detected Chinese legacy encoding. A
    decoding that yields garbage is refused, never passed on.
    """
    if not data.strip():
        return "", None  # empty or whitespace-only: a valid, empty report
    for bom, codec in _BOMS:
        if data.startswith(bom):
            if codec == "utf-8-sig":
                text, enc = decode_text(data[len(bom) :], label, declared=None)
                return text, "utf-8-sig" if enc == "utf-8" else enc
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as err:
                raise InputError(f"{label}: invalid {codec} text after its byte-order mark ({err.reason})") from None
            return _checked(text, codec, label)
    if b"\x00" in data and _is_utf16(data):
        codec = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        return _checked(data.decode(codec), codec, label)
    try:
        return _checked(data.decode("utf-8"), "utf-8" if not data.isascii() else "ascii", label)
    except UnicodeDecodeError as err:
        first_bad = err
    # UTF-8 cut off inside the last character: a download or copy stopped mid-byte.
    if first_bad.reason == "unexpected end of data" and first_bad.end == len(data) and len(data) - first_bad.start < 4:
        text = data[: first_bad.start].decode("utf-8") + "\ufffd"
        return _checked(text, "utf-8 (truncated)", label)
    lines = re.split(rb"(?<=\n)", data)
    utf8_lines = [_utf8_line_ok(line) for line in lines]
    utf8_cjk = [t for t, line in zip(utf8_lines, lines) if t is not None and not line.isascii()]
    other = [line for t, line in zip(utf8_lines, lines) if t is None]
    if utf8_cjk and other:
        return _decode_mixed(lines, utf8_lines, other, label, declared)
    legacy = _detect_legacy(data, declared)
    if legacy is not None:
        return _checked(legacy[1], legacy[0], label)
    # GBK/Big5 cut off inside its last character.
    if data[-1] >= 0x80:
        for cut in (1, 2, 3):
            legacy = _detect_legacy(data[:-cut], declared)
            if legacy is not None:
                return _checked(legacy[1] + "\ufffd", f"{legacy[0]} (truncated)", label)
    raise InputError(f"{label}: {_undecodable(data)}")


def _undecodable(data: bytes) -> str:
    """One line saying how far the best candidate encoding got."""
    best = None
    for codec in ["utf-8", *rules()["encodings"]["legacy_candidates"]]:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as err:
            if best is None or err.start > best[1]:
                best = (codec, err.start)
            continue
        return f"cannot decode: as {_codec_name(codec)} the bytes give garbage ({_garbage_reason(text)})"
    codec, offset = best
    line = data.count(b"\n", 0, offset) + 1
    return (
        f"cannot decode: not UTF-8, GB18030/GBK or Big5 text "
        f"(best reading, {_codec_name(codec)}, fails at line {line}, byte offset {offset})"
    )


def _decode_mixed(lines, utf8_lines, other, label, declared) -> tuple[str, str]:
    legacy = _detect_legacy(b"".join(other), declared)
    if legacy is None:
        bad = next(i for i, t in enumerate(utf8_lines, 1) if t is None)
        raise InputError(f"{label}: cannot decode line {bad}: neither UTF-8 nor GB18030/GBK or Big5")
    codec = legacy[0]
    out = []
    for number, (line, text) in enumerate(zip(lines, utf8_lines), 1):
        if text is None:
            try:
                text = line.decode(codec)
            except UnicodeDecodeError:
                raise InputError(f"{label}: cannot decode line {number}: neither UTF-8 nor {codec}") from None
        out.append(text)
    return _checked("".join(out), "mixed", label)


def _checked(text: str, encoding: str, label: str) -> tuple[str, str]:
    reason = _garbage_reason(text)
    if reason:
        raise InputError(f"{label}: decoding as {encoding} gives garbage ({reason}); not a readable text report")
    return text, encoding


# --------------------------------------------------------------------------
# HTML: the main text of a saved government web page.

_HTML_START = re.compile(r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_SPACE = re.compile(r"[ \t\r\n\f]+")


def _looks_like_html(text: str, name: str) -> bool:
    return bool(_HTML_START.match(text[:4096])) or (
        _suffix(name) in rules()["html"]["extensions"] and "<" in text
    )


def _class_words(node) -> set[str]:
    attrs = node.attributes
    value = " ".join(v for k, v in attrs.items() if k in ("class", "id") and v)
    return set(re.split(r"[^a-z0-9]+", value.lower())) if value else set()


def _walk(root, enter, leave) -> None:
    """Depth-first over `root` without recursion (pages nest 10,000 deep);
    `enter(node)` returns False to skip the node's children."""
    root_id = root.mem_id
    node = root
    while True:
        if enter(node) and node.child is not None:
            node = node.child
            continue
        while True:
            leave(node)
            if node.mem_id == root_id:
                return
            nxt = node.next
            if nxt is not None:
                node = nxt
                break
            node = node.parent
            if node is None:
                return


def _measure(root, cfg) -> dict[int, tuple[int, int]]:
    """Per element: (characters of text, characters inside links), in one pass."""
    drop = set(cfg["drop_tags"])
    sizes: dict[int, tuple[int, int]] = {}
    stack: list[list] = []  # [mem_id, text, link_text, is_link]

    def enter(node):
        if node.is_text_node:
            n = len(_SPACE.sub("", node.text_content or ""))
            if stack:
                stack[-1][1] += n
            return False
        if not node.is_element_node or node.tag in drop:
            return False
        stack.append([node.mem_id, 0, 0, node.tag == "a"])
        return True

    def leave(node):
        if not node.is_element_node or node.tag in drop:
            return
        if not stack or stack[-1][0] != node.mem_id:
            return
        mem, text, link, is_link = stack.pop()
        if is_link:
            link = text
        sizes[mem] = (text, link)
        if stack:
            stack[-1][1] += text
            stack[-1][2] += link

    _walk(root, enter, leave)
    return sizes


def _cjk_count(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def _main_root(tree, cfg):
    body = tree.body or tree.root
    for selector in cfg["main_selectors"]:
        try:
            matches = tree.css(selector)
        except Exception:  # a selector Lexbor does not support: skip it
            continue
        best, best_n = None, 0
        for match in matches:
            n = _cjk_count(match.text(deep=True, separator=" ", strip=False))
            if n > best_n:
                best, best_n = match, n
        if best is not None and best_n >= cfg["min_main_chars"]:
            return best
    return body


def _render(root, cfg, sizes) -> str:
    """Block elements end lines, table cells end with a tab, furniture is skipped."""
    drop = set(cfg["drop_tags"])
    furniture_tags = set(cfg["furniture_tags"])
    furniture_words = set(cfg["furniture_words"])
    blocks = set(cfg["block_tags"])
    cells = set(cfg["cell_tags"])
    total = max(1, sizes.get(root.mem_id, (0, 0))[0])
    root_id = root.mem_id
    out: list[str] = []
    pre_depth = [0]

    def skip(node) -> bool:
        tag = node.tag
        if tag in drop:
            return True
        if node.mem_id == root_id:
            return False
        text, link = sizes.get(node.mem_id, (0, 0))
        if text > 0.5 * total:
            return False  # a wrapper holding most of the page is not furniture
        if tag in furniture_tags or (furniture_words & _class_words(node)):
            return True
        if tag in blocks and text and link >= cfg["link_density"] * text and text - link < cfg["link_list_max_chars"]:
            return True
        return False

    def enter(node):
        if node.is_text_node:
            value = node.text_content or ""
            out.append(value if pre_depth[0] else _SPACE.sub(" ", value))
            return False
        if not node.is_element_node or skip(node):
            return False
        tag = node.tag
        if tag == "br":
            out.append("\n")
        elif tag in blocks:
            out.append("\n")
        elif tag == "img":
            return False
        if tag == "pre":
            pre_depth[0] += 1
        return True

    def leave(node):
        if not node.is_element_node or skip(node):
            return
        tag = node.tag
        if tag in blocks:
            out.append("\n")
        elif tag in cells:
            out.append("\t")
        if tag == "pre":
            pre_depth[0] -= 1

    _walk(root, enter, leave)
    lines = []
    for line in "".join(out).split("\n"):
        line = re.sub(r" *\t[\t ]*", "\t", line)
        line = re.sub(r" {2,}", " ", line).strip(" \t\u3000\xa0\r")
        if line:
            lines.append(line)
    return "\n".join(lines)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _headline(tree, main, cfg) -> str | None:
    """The page headline. Candidates: <h1> in the main text, title-like elements, any <h1>.
    Sidebars and logos are headings too, so when the page has a <title> the first candidate
    that agrees with it (without the site name) wins, else an <h1> of the main text, else
    the <title> itself, unless it is only the site's name: then any <h1> of the page."""

    def texts(nodes):
        for node in nodes[:20]:
            text = _SPACE.sub(" ", node.text(deep=True, separator="")).strip()
            if _cjk_count(text) >= 2 and len(text) <= 150:
                yield text

    main_h1 = list(texts(main.css("h1"))) if main is not (tree.body or tree.root) else []
    candidates = list(main_h1)
    for selector in cfg["title_selectors"]:
        try:
            candidates.extend(texts(tree.css(selector)))
        except Exception:  # a selector Lexbor does not support: skip it
            continue
    candidates.extend(texts(tree.css("h1")))
    title = tree.css_first("title")
    full = _SPACE.sub(" ", title.text()).strip() if title is not None else ""
    parts = [p.strip() for p in re.split(cfg["title_separators"], full) if p and p.strip()]
    if parts and _cjk_count(parts[0]) >= 2:
        page_title = parts[0]
        for candidate in candidates:
            squashed = _squash(candidate)
            if len(squashed) >= 4 and (squashed in _squash(page_title) or _squash(page_title) in squashed):
                return candidate
        if main_h1:
            return main_h1[0]
        if re.match(cfg["site_title"], page_title):  # the site's name: any <h1> of the page is the headline
            return next(texts(tree.css("h1")), page_title)
        return page_title
    return candidates[0] if candidates else None


def _published_line(tree, body_text: str) -> str | None:
    """A 发布日期/发布时间 line shown on the page (or in its <meta>) but missing from the text."""
    cfg = rules()["published"]
    pattern = re.compile(rf"({cfg['label']})\s*[:：]?\s*({cfg['date']})")
    if pattern.search(body_text):
        return None
    page = tree.body or tree.root
    shown = pattern.search(_SPACE.sub(" ", page.text(deep=True, separator=" ")))
    if shown:
        return f"{shown.group(1)}：{shown.group(2).strip()}"
    for meta in tree.css("meta"):
        attrs = meta.attributes
        key = attrs.get("name") or attrs.get("property") or ""
        if key in cfg["meta_names"] and attrs.get("content"):
            date = re.search(cfg["date"], attrs["content"])
            if date:
                return f"发布日期: {date.group(0).strip()}"
    return None


def html_to_text(html: str) -> str:
    """Main text of an HTML page: headline first, then a 发布日期 line, then the body."""
    from selectolax.lexbor import LexborHTMLParser

    cfg = rules()["html"]
    tree = LexborHTMLParser(html)
    body = tree.body or tree.root
    if body is None:
        return ""
    main = _main_root(tree, cfg)
    sizes = _measure(main, cfg)
    text = _render(main, cfg, sizes)
    head: list[str] = []
    headline = _headline(tree, main, cfg)
    if headline and _squash(headline) not in _squash(text[: len(headline) * 4 + 400]):
        head.append(headline)
    published = _published_line(tree, text)
    if published:
        head.append(published)
    return "\n".join(head + ([text] if text else []))


# --------------------------------------------------------------------------
# DOCX: paragraphs and table cells in document order.


def _read_docx(data: bytes, label: str) -> str:
    from docx import Document as open_docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = archive.getinfo("word/document.xml").file_size
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise InputError(f"{label}: corrupt DOCX ({err})") from None
    if size > rules()["max_unpacked_bytes"]:
        raise InputError(f"{label}: DOCX unpacks to {_mb(size)}, over the max_unpacked_bytes limit")
    try:
        document = open_docx(io.BytesIO(data))
        body = document.element.body
    except Exception as err:  # python-docx raises many types for broken packages
        raise InputError(f"{label}: corrupt DOCX ({type(err).__name__}: {str(err)[:120]})") from None

    P, TBL, TR, TC, SDT, CONTENT = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt"), qn("w:sdtContent")
    lines: list[str] = []

    def cell_text(tc) -> str:
        parts = []
        for child in tc.iterchildren():
            if child.tag == P:
                parts.append(Paragraph(child, document).text)
            elif child.tag == TBL:
                parts.append(" ".join(row_texts(child)))
        return " ".join(p.strip() for p in parts if p.strip())

    def row_texts(tbl) -> list[str]:
        rows = []
        for tr in tbl.iterchildren(TR):
            # physical cells only: a merged cell is written once, not repeated
            rows.append("\t".join(cell_text(tc) for tc in tr.iterchildren(TC)).rstrip("\t"))
        return rows

    # Iterate with an explicit stack: content controls (w:sdt) may nest.
    stack = [iter(body.iterchildren())]
    try:
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                continue
            if child.tag == P:
                lines.append(Paragraph(child, document).text)
            elif child.tag == TBL:
                lines.extend(row_texts(child))
            elif child.tag == SDT:
                content = child.find(CONTENT)
                if content is not None:
                    stack.append(iter(content.iterchildren()))
    except Exception as err:
        raise InputError(f"{label}: corrupt DOCX ({type(err).__name__})") from None
    return "\n".join(line.rstrip() for line in lines).strip("\n")


# --------------------------------------------------------------------------
# PDF: the text layer, page by page.

_CID = re.compile(r"\(cid:\d+\)")


def _unwrap(text: str) -> str:
    """A PDF's text layer breaks every printed line; the breaks that only wrap a
    line of prose are dropped (Chinese needs no space there), so a sentence, and a
    number with its unit (2259平|方米), read as one. Headings keep their breaks."""
    from .sentences import wrapped_line_ends

    wraps = wrapped_line_ends(text)
    if not wraps:
        return text
    return "".join(ch for i, ch in enumerate(text) if i not in wraps)


def _read_pdf(data: bytes, label: str) -> str:
    import logging

    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages: list[str] = []
    encrypted = False
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            encrypted = bool(getattr(pdf.doc, "encryption", None))
            for page in pdf.pages:
                pages.append(page.extract_text() or "")
    except Exception as err:  # pdfminer wraps everything in PdfminerException
        cause = err.args[0] if err.args and isinstance(err.args[0], Exception) else err
        kind = type(cause).__name__
        if "Password" in kind or "Encryption" in kind:
            raise InputError(f"{label}: password-protected (encrypted) PDF; remove the password first") from None
        raise InputError(f"{label}: corrupt PDF ({kind}: {str(cause)[:100]})") from None
    text = _unwrap("\n".join(page.strip("\n") for page in pages))
    cids = len(_CID.findall(text))
    if cids:
        plain = len(_SPACE.sub("", _CID.sub("", text)))
        if cids > plain:
            if encrypted:
                raise InputError(f"{label}: encrypted PDF whose text cannot be decoded; remove the protection first")
            raise InputError(f"{label}: PDF text layer has no Unicode mapping (fonts without ToUnicode); OCR it")
        text = _CID.sub("\ufffd", text)  # unmapped glyphs stay visible, never silently dropped
    if not text.strip():
        raise InputError(f"{label}: PDF has no text layer ({len(pages)} page(s), scanned images?); OCR it first")
    return text
