"""Reading stage: every input family becomes the right text, or one clear InputError."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from govstat.cli import main as cli_main
from govstat.errors import InputError
from govstat.extract.reading import decode_text, html_to_text, max_bytes, read_bytes, read_path

SENTENCE = "伊春市机关事务管理局全年腾退办公用房4.2万平方米，处置公车356辆。"
TRADITIONAL = "伊春市機關事務管理局全年騰退辦公用房4.2萬平方米，處置公車356輛。"
REPORT = f"伊春市机关事务管理局2019年工作总结\n{SENTENCE}\n全年保障会议1200场次，服务参会人员约3500人次。\n"
REPO = Path(__file__).resolve().parent.parent
GOVSTAT = REPO / ".venv" / "bin" / "govstat"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- plain text


@pytest.mark.parametrize(
    "codec, expected",
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gb18030"), ("gb18030", "gb18030"), ("utf-16", "utf-16-le")],
)
def test_simplified_text_in_each_encoding(tmp_path, codec, expected):
    path = write(tmp_path, "report.txt", REPORT.encode(codec))
    raw = read_path(path)
    assert raw.text == REPORT  # byte-order mark removed, nothing else touched
    assert SENTENCE in raw.text and "4.2万平方米" in raw.text
    assert raw.encoding == expected
    assert raw.format == "text"
    assert raw.source == str(path)


def test_big5_traditional_text_is_kept_as_written():
    raw = read_bytes(TRADITIONAL.encode("big5"), name="taiwan.txt")
    assert raw.text == TRADITIONAL  # no simplification at this stage
    assert "4.2萬平方米" in raw.text
    assert raw.encoding in ("big5", "cp950", "big5hkscs")


def test_short_gbk_and_big5_are_told_apart():
    assert read_bytes("腾退4.2万平方米".encode("gbk")).text == "腾退4.2万平方米"
    assert read_bytes("騰退4.2萬平方米".encode("big5")).text == "騰退4.2萬平方米"


def test_sha256_is_of_raw_bytes_and_source_as_given():
    import hashlib

    data = b"\xef\xbb\xbf" + REPORT.encode("utf-8")
    raw = read_bytes(data, name="-")
    assert raw.sha256 == hashlib.sha256(data).hexdigest()
    assert raw.source == "-"


def test_mixed_utf8_and_gbk_lines_are_each_decoded():
    gbk_line = "下半年新增新能源汽车12辆。\n"
    data = REPORT.encode("utf-8") + gbk_line.encode("gbk")
    text, encoding = decode_text(data, "mixed.txt")
    assert text == REPORT + gbk_line
    assert encoding == "mixed"


def test_utf8_cut_inside_its_last_character_keeps_everything_else():
    data = REPORT.encode("utf-8").rstrip(b"\n")[:-1]  # the final "。" loses a byte
    raw = read_bytes(data, name="cut.txt")
    assert raw.text == REPORT.rstrip("\n")[:-1] + "\ufffd"  # marked, not dropped
    assert raw.encoding == "utf-8 (truncated)"


def test_utf8_broken_in_the_middle_is_a_clear_error():
    data = REPORT.encode("utf-8")
    broken = data[:10] + data[11:]  # one byte lost inside 关
    with pytest.raises(InputError, match=r"^broken\.txt: cannot decode line 1"):
        read_bytes(broken, name="broken.txt")


def test_latin1_is_not_guessed_as_chinese():
    with pytest.raises(InputError, match="cannot decode"):
        read_bytes("Café résumé naïve, déjà vu à la carte.".encode("latin-1"), name="fr.txt")


def test_empty_and_whitespace_only_are_valid_empty_reports(tmp_path):
    for data in (b"", b"  \n\t\r\n"):
        raw = read_path(write(tmp_path, "empty.txt", data))
        assert raw.text == ""
        assert raw.format == "text"


def test_names_with_spaces_and_chinese(tmp_path):
    path = write(tmp_path, "伊春 市 2019年 总结.txt", REPORT.encode("gbk"))
    raw = read_path(path)
    assert raw.text == REPORT
    assert raw.source == str(path)


# ---------------------------------------------------------------- HTML

GOV_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>伊春市机关事务管理局2019年工作总结_伊春市人民政府</title>
<style>.zoom {{ font-size: 14px }}</style>
<script>var tracking = "不应出现的脚本文字";</script></head>
<body>
<div class="header"><div class="logo">伊春市人民政府</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/bsfw">办事服务</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/gzdt">工作动态</a></div>
<div class="article">
  <div class="article-title">伊春市机关事务管理局2019年工作总结</div>
  <div class="info">发布时间：2020-01-15 10:23 &nbsp; 来源：市机关事务管理局 &nbsp; 浏览次数：<span id="hits">123</span></div>
  <div id="zoom">
    <p>　　2019年，市机关事务管理局在市委、市政府的正确领导下，坚持服务保障与管理并重，各项工作取得新成效。</p>
    <p>　　一、办公用房管理。{sentence}</p>
    <p>　　二、会议服务。全年保障会议1200场次，<span>服务参会人员约3500人次</span>，&ldquo;零差错&rdquo;率100%。</p>
    <table><tr><td>项目</td><td>数量</td></tr><tr><td>公务用车</td><td>356辆</td></tr></table>
    <noscript>请开启脚本</noscript>
  </div>
  <div class="share">分享到：<a>微信</a><a>微博</a></div>
  <div class="comment"><form><textarea>发表评论</textarea><button>提交</button></form></div>
  <div class="related"><h3>相关文章</h3><ul><li><a href="/1">伊春市召开节能工作会议</a></li><li><a href="/2">市机关事务管理局开展安全检查</a></li></ul></div>
</div>
<div class="footer"><p>版权所有：伊春市人民政府 黑ICP备05001234号</p><p>联系电话：0458-3600000</p></div>
</body></html>
"""


def test_gbk_government_page_gives_main_text():
    html = GOV_PAGE.format(sentence=SENTENCE)
    raw = read_bytes(html.encode("gbk"), name="page.html")
    lines = raw.text.split("\n")
    assert raw.format == "html" and raw.encoding == "gb18030"
    assert lines[0] == "伊春市机关事务管理局2019年工作总结"  # headline first
    assert lines[1] == "发布时间：2020-01-15 10:23"  # the shown date kept for the docinfo stage
    assert any(line.endswith(SENTENCE) for line in lines)
    assert "服务参会人员约3500人次，“零差错”率100%。" in raw.text  # entities decoded, inline kept inline
    assert "公务用车\t356辆" in lines
    for noise in ("不应出现", "首页", "当前位置", "分享到", "发表评论", "相关文章", "版权所有", "ICP", "请开启脚本", "font-size"):
        assert noise not in raw.text, noise


def test_html_is_sniffed_from_content_on_stdin():
    html = GOV_PAGE.format(sentence=SENTENCE)
    raw = read_bytes(html.encode("utf-8"), name="-")
    assert raw.format == "html" and raw.encoding == "utf-8"
    assert SENTENCE in raw.text


def test_html_big5_declared_charset():
    html = f'<html><head><meta charset="big5"><title>伊春市機關事務管理局工作總結｜伊春市政府</title></head><body><div class="logo"><h1>伊春市政府</h1></div><h1>伊春市機關事務管理局工作總結</h1><p>{TRADITIONAL}</p></body></html>'
    raw = read_bytes(html.encode("big5"), name="tw.htm")
    assert raw.encoding == "cp950"  # the declared big5, read with its Windows superset
    assert raw.text.split("\n") == ["伊春市政府", "伊春市機關事務管理局工作總結", TRADITIONAL]


def test_html_headline_from_title_when_missing_and_meta_date():
    html = (
        '<html><head><meta name="PubDate" content="2021-03-05 09:00"><title>某县机关事务服务中心2020年工作总结 - 某县政府网</title></head>'
        f"<body><div><p>{SENTENCE}</p></div></body></html>"
    )
    assert html_to_text(html).split("\n") == ["某县机关事务服务中心2020年工作总结", "发布日期: 2021-03-05 09:00", SENTENCE]


def test_html_headline_not_repeated_when_in_body():
    html = f"<html><head><title>工作总结_网站</title></head><body><h1>工作总结</h1><p>{SENTENCE}</p></body></html>"
    assert html_to_text(html) == f"工作总结\n{SENTENCE}"


def test_html_page_wrapped_in_one_form_is_not_dropped():
    html = f'<html><body><form id="form1"><div class="main"><p>{SENTENCE}</p><p>{SENTENCE}</p></div></form></body></html>'
    assert html_to_text(html) == f"{SENTENCE}\n{SENTENCE}"


def test_html_survives_ten_thousand_nested_tags():
    html = "<html><body>" + "<div><span>" * 10000 + SENTENCE + "</span></div>" * 10000 + "</body></html>"
    assert html_to_text(html) == SENTENCE


# ---------------------------------------------------------------- DOCX


def make_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("伊春市机关事务管理局2019年工作总结", level=1)
    document.add_paragraph(SENTENCE)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "数量"
    table.cell(1, 0).text, table.cell(1, 1).text = "会议服务", "1200场次"
    document.add_paragraph("下一步，继续推进公共机构节能。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_cells_in_document_order(tmp_path):
    raw = read_path(write(tmp_path, "总结 2019.docx", make_docx()))
    assert raw.format == "docx"
    assert raw.text.split("\n") == [
        "伊春市机关事务管理局2019年工作总结",
        SENTENCE,
        "项目\t数量",
        "会议服务\t1200场次",
        "下一步，继续推进公共机构节能。",
    ]


def test_docx_is_sniffed_without_a_name():
    assert SENTENCE in read_bytes(make_docx(), name="-").text


def test_corrupt_docx(tmp_path):
    data = make_docx()
    with pytest.raises(InputError, match=r"bad\.docx: corrupt"):
        read_path(write(tmp_path, "bad.docx", data[: len(data) // 2]))


def test_docx_with_broken_xml(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(make_docx())) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            target.writestr(item, b"<w:document><oops" if item.filename == "word/document.xml" else body)
    with pytest.raises(InputError, match=r"x\.docx: corrupt DOCX"):
        read_bytes(buffer.getvalue(), name="x.docx")


def test_encrypted_office_file_is_named_as_such():
    # An encrypted DOCX is an OLE/CFB container holding an "EncryptedPackage" stream.
    data = bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64
    with pytest.raises(InputError, match=r"^secret\.docx: password-protected \(encrypted\) Office"):
        read_bytes(data, name="secret.docx")


def test_zip_that_is_not_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(InputError, match=r"^a\.docx: a zip archive that is not a DOCX"):
        read_bytes(buffer.getvalue(), name="a.docx")


# ---------------------------------------------------------------- PDF


def make_pdf(lines, encrypt=None) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=encrypt)
    for page in lines:
        pdf.setFont("STSong-Light", 11)
        y = 760
        for line in page:
            pdf.drawString(50, y, line)
            y -= 20
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_pdf_text_layer_with_chinese(tmp_path):
    data = make_pdf([["伊春市机关事务管理局2019年工作总结", SENTENCE], ["全年保障会议1200场次。"]])
    raw = read_path(write(tmp_path, "报告 2019.pdf", data))
    assert raw.format == "pdf" and raw.encoding is None
    assert raw.text.split("\n") == ["伊春市机关事务管理局2019年工作总结", SENTENCE, "全年保障会议1200场次。"]


def test_pdf_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.rect(100, 100, 200, 200, fill=1)  # a "scan": drawing, no text
    pdf.showPage()
    pdf.save()
    with pytest.raises(InputError, match=r"scan\.pdf: PDF has no text layer"):
        read_bytes(buffer.getvalue(), name="scan.pdf")


def test_password_protected_pdf():
    from reportlab.lib.pdfencrypt import StandardEncryption

    data = make_pdf([[SENTENCE]], encrypt=StandardEncryption("secret"))
    with pytest.raises(InputError, match=r"^locked\.pdf: password-protected \(encrypted\) PDF"):
        read_bytes(data, name="locked.pdf")


def test_corrupt_pdf():
    data = make_pdf([[SENTENCE]])
    with pytest.raises(InputError, match=r"^cut\.pdf: corrupt PDF"):
        read_bytes(data[:400], name="cut.pdf")


def test_pdf_name_but_html_content():
    with pytest.raises(InputError, match=r"^x\.pdf: not a PDF .*HTML"):
        read_bytes(b"<html><body>404 Not Found</body></html>", name="x.pdf")


# ---------------------------------------------------------------- bad files


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match=r"nope\.txt: no such file$"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(InputError, match=r"is a directory"):
        read_path(tmp_path)


def test_symlink_loop_and_broken_link(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    os.symlink(b, a)
    os.symlink(a, b)
    with pytest.raises(InputError, match=r"a\.txt: symbolic link loop"):
        read_path(a)
    dangling = tmp_path / "dangling.txt"
    os.symlink(tmp_path / "gone.txt", dangling)
    with pytest.raises(InputError, match=r"broken symbolic link"):
        read_path(dangling)


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40, "looks like a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\x00" * 40, "looks like a JPEG image"),
        (b"\x1f\x8b\x08\x00" + b"\x00" * 40, "looks like a gzip archive"),
        (b"MZ\x90\x00\x03\x00\x00\x00", "looks like a Windows executable"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "legacy Word .doc"),
        (b"some text\x00\x01\x02\x03more", "binary data (NUL byte at offset 9)"),
    ],
)
def test_binary_files_say_what_they_look_like(data, message):
    with pytest.raises(InputError) as info:
        read_bytes(data, name="upload.txt")
    assert str(info.value).startswith("upload.txt: ")
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_random_bytes_without_nul_are_refused():
    import random

    rng = random.Random(7)
    data = bytes(rng.choice(range(0x80, 0x100)) for _ in range(3000))
    with pytest.raises(InputError, match=r"^noise\.txt: "):
        read_bytes(data, name="noise.txt")


def test_size_limit_refuses_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # sparse: big by size, nothing to read
        handle.truncate(max_bytes() + 1)

    def no_read(*args, **kwargs):
        raise AssertionError("the file was opened although it is too big")

    monkeypatch.setattr("builtins.open", no_read)
    with pytest.raises(InputError, match=r"huge\.txt: file is 20\.0 MB, over the 20\.0 MB limit"):
        read_path(path)


def test_size_limit_on_bytes():
    with pytest.raises(InputError, match="over the 20.0 MB limit"):
        read_bytes(b"a" * (max_bytes() + 1), name="-")


# ---------------------------------------------------------------- CLI


def run_cli(args):
    return subprocess.run([str(GOVSTAT), *args], capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(not GOVSTAT.exists(), reason="console script not installed")
def test_cli_bad_file_is_one_line_and_exit_2(tmp_path):
    png = write(tmp_path, "图 1.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    result = run_cli(["extract", str(png)])
    assert result.returncode == 2
    assert result.stderr == f"govstat: error: {png}: looks like a PNG image, not a report\n"
    assert result.stdout == ""


def test_cli_missing_file_through_main(tmp_path, capsys):
    missing = tmp_path / "无此文件.txt"
    with pytest.raises(SystemExit) as exit_info:
        cli_main(["extract", str(missing)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err == f"govstat: error: {missing}: no such file\n"


def test_cli_symlink_loop(tmp_path, capsys):
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    with pytest.raises(SystemExit) as exit_info:
        cli_main(["extract", str(loop)])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.startswith(f"govstat: error: {loop}: symbolic link loop")


def test_html_headline_agrees_with_title_not_a_sidebar_box():
    html = (
        "<html><head><title>关于2020年度公共机构节能工作的总结 - 某市机关事务管理局</title></head><body>"
        '<div class="side"><div class="title">热点新闻</div><ul><li>某条新闻</li></ul></div>'
        '<div class="art"><div class="title">关于2020年度公共机构节能工作的总结</div>'
        f'<div id="zoom"><p>{SENTENCE}</p><p>{SENTENCE}</p></div></div></body></html>'
    )
    assert html_to_text(html).split("\n") == ["关于2020年度公共机构节能工作的总结", SENTENCE, SENTENCE]


def test_gbk_cut_inside_its_last_character():
    data = REPORT.encode("gbk").rstrip(b"\n")[:-1]
    raw = read_bytes(data, name="cut-gbk.txt")
    assert raw.text == REPORT.rstrip("\n")[:-1] + "\ufffd"
    assert raw.encoding == "gb18030 (truncated)"


def test_gbk_with_a_bad_byte_names_line_and_offset():
    data = REPORT.encode("gbk")
    offset = data.index(b"\n") + 5
    with pytest.raises(InputError, match=rf"^bad\.txt: cannot decode: .*gb18030, fails at line 2, byte offset {offset}\)$"):
        read_bytes(data[:offset] + b"\xff" + data[offset:], name="bad.txt")


@pytest.mark.parametrize("report", sorted((REPO / "corpus" / "reports").glob("s00*.txt"))[:3], ids=lambda p: p.name)
def test_seed_reports_survive_gb18030_and_big5(report):
    from opencc import OpenCC

    text = report.read_text(encoding="utf-8-sig")
    assert read_bytes(text.encode("gb18030"), name="seed.txt").text == text
    traditional = OpenCC("s2t").convert(text).encode("cp950", errors="ignore")
    raw = read_bytes(traditional, name="seed-big5.txt")
    assert raw.encoding in ("big5", "cp950", "big5hkscs")
    assert raw.text.replace("•", "‧") == traditional.decode("cp950")  # big5 and cp950 differ only on the bullet


def test_pdf_lines_wrapped_mid_sentence_are_joined(tmp_path):
    # a printed page breaks prose at the margin, here inside 召开 and inside 平方米
    data = make_pdf([[
        "一、总体情况",
        "全年共保障各类会议1200场次,市委、市政府召",
        "开大中型会议194场,腾退办公用房共计2259平",
        "方米。",
        "二、下步打算",
    ]])
    raw = read_path(write(tmp_path, "wrapped.pdf", data))
    assert raw.text.split("\n") == [
        "一、总体情况",
        "全年共保障各类会议1200场次,市委、市政府召开大中型会议194场,腾退办公用房共计2259平方米。",
        "二、下步打算",
    ]


def test_html_title_that_is_only_the_site_name_gives_way_to_the_h1():
    headline = "某市机关事务管理局2021年工作总结"
    body = "2021年,市机关事务管理局在市委、市政府的领导下,全面完成各项工作,全年保障各类会议1100场次,调剂办公用房3200平方米,服务公务出行任务3.6万车次。"
    html = (
        "<html><head><title>某市人民政府门户网站</title></head><body>"
        f'<div class="top"><h1>{headline}</h1></div><div class="content"><p>{body}</p></div></body></html>'
    )
    assert html_to_text(html).split("\n") == [headline, body]
