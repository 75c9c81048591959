"""Reading reports saved as .txt, .html, .pdf and .docx (tests/data/corpus) and refusing bad files (tests/data/bad).

The corpus and the bad files are committed; tests/data/make_corpus.py regenerates them.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govkg.errors import InputError
from govkg.loaders import formats
from govkg.loaders.formats import SUFFIXES, read_text
from govkg.loaders.text import parse_report

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"
BAD = DATA / "bad"
FIXTURES = DATA / "reports"

LAB = "《长三角生态绿色一体化发展示范区劳动保障监察协作框架协议》"
REVIEW = "《长三角生态绿色一体化发展示范区行政复议工作协作框架协议》"
CHROME = ("分享到", "版权所有", "ICP", "联系我们", "网站地图", "当前位置", "相关链接", "浏览次数", "上一篇")
CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u201c\u201d"

# file, title, region, year, what the text must hold
CORPUS_FILES = [
    ("qingpu-2024.txt", "2024年青浦区法治政府建设情况报告", "青浦区", 2024, [LAB, "1697件", "2024年各街镇累计重大执法决定法制审核65件"]),
    ("qingpu-2023.html", "2023年青浦区法治政府建设情况报告", "青浦区", 2023, [REVIEW, "复议申请1389件", "56项"]),
    ("wujiang-2024.pdf", "2024年吴江区法治政府建设情况报告", "吴江区", 2024, [LAB, REVIEW, "复议申请1285件"]),
    ("jiashan-2023.docx", "2023年嘉善县法治政府建设情况报告", "嘉善县", 2023, ["《太浦河沿线跨界水域联合执法协作协议》", REVIEW, "1058件"]),
    ("jiading-2023-gbk.txt", "2023年嘉定区法治政府建设情况报告", "嘉定区", 2023, ["《嘉昆太协同创新核心圈法治协作框架协议》", "青浦区", "1126件"]),
]


def lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def fixture_paragraphs(name: str) -> list[str]:
    """The title and body paragraphs of a fixture report, without its page chrome and date lines."""
    chrome = {"返回上一级", "字号", "打印", "主动公开"}
    meta = re.compile(r"^(?:(?:19|20)\d{2}[.\-/]\d{1,2}[.\-/]\d{1,2}|发布(?:日期|时间)[:：].*|首页\s*>.*)$")
    return [line for line in lines((FIXTURES / name).read_text(encoding="utf-8")) if line not in chrome and not meta.match(line)]


# --------------------------------------------------------------------------- the corpus

def test_corpus_has_four_formats_four_regions_and_two_years():
    files = sorted(p.name for p in CORPUS.iterdir() if p.is_file())
    assert files == sorted(f for f, *_ in CORPUS_FILES)
    assert {Path(f).suffix for f in files} == {".txt", ".html", ".pdf", ".docx"}
    metas = [parse_report(read_text(CORPUS / f), f).meta for f in files]
    assert {m.region for m in metas} == {"青浦区", "吴江区", "嘉善县", "嘉定区"}
    assert {m.year for m in metas} == {2023, 2024}
    assert len({m.id for m in metas}) == 5


@pytest.mark.parametrize("name, title, region, year, content", CORPUS_FILES, ids=[c[0] for c in CORPUS_FILES])
def test_corpus_file_reads_to_the_report(name, title, region, year, content):
    text = read_text(CORPUS / name)
    assert title in lines(text)
    for needle in content:
        assert needle in text
    for chrome in CHROME:
        assert chrome not in text
    meta = parse_report(text, name).meta
    assert (meta.title, meta.region, meta.year) == (title, region, year)


@pytest.mark.parametrize(
    "name, fixture, tail",
    [
        ("qingpu-2023.html", "qingpu-2023.txt", []),
        ("wujiang-2024.pdf", "wujiang-2024.txt", ["苏州市吴江区人民政府", "2025年1月20日"]),
        ("jiashan-2023.docx", "jiashan-2023.txt", ["嘉善县人民政府", "2024年2月6日"]),
    ],
)
def test_every_paragraph_comes_back_whole(name, fixture, tail):
    """Title, headings and paragraphs (numbers and all) in order, one per line, then the sign-off."""
    got = [line for line in lines(read_text(CORPUS / name)) if not line.startswith("发布日期：")]
    assert got == fixture_paragraphs(fixture) + tail


@pytest.mark.parametrize("name, published", [("qingpu-2023.html", "2024-01-30"), ("wujiang-2024.pdf", "2025-01-20"),
                                             ("jiashan-2023.docx", "2024-02-06"), ("jiading-2023-gbk.txt", "2024-02-05")])
def test_publication_date_survives(name, published):
    """The page header's 发布日期 is kept as the line after the title; PDF and DOCX carry theirs in the sign-off."""
    assert parse_report(read_text(CORPUS / name), name).meta.published == published


def test_html_drops_the_page_chrome():
    text = read_text(CORPUS / "qingpu-2023.html")
    for chrome in ("返回上一级", "字号", "打印", "微博", "QQ空间", "无障碍", "2022年青浦区法治政府建设情况报告", "沪公网安备", "政务服务"):
        assert chrome not in text


def test_pdf_lines_are_joined_without_spaces_between_chinese_characters():
    text = read_text(CORPUS / "wujiang-2024.pdf")
    assert not re.search(f"[{CJK}] +[{CJK}]", text)
    assert not re.search(r"—\s*\d+\s*—", text)  # page numbers
    # this agreement's title wraps across two lines of the PDF; this paragraph crosses a page break
    assert LAB in text
    assert "全年收到行政复议申请1285件" in text


def test_gbk_text_file_decodes():
    data = (CORPUS / "jiading-2023-gbk.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert read_text(CORPUS / "jiading-2023-gbk.txt") == data.decode("gbk")


def test_txt_is_what_decode_returns():
    seed = CORPUS / "qingpu-2024.txt"
    assert read_text(seed) == (Path(__file__).parent.parent / "data" / "reports" / "qingpu-2024.txt").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- bad files

BAD_FILES = [
    ("empty.txt", "the file is empty"),
    ("binary.txt", "binary file"),
    ("truncated.pdf", "truncated or corrupt PDF"),
    ("scanned.pdf", "no text layer"),
    ("encrypted.pdf", "encrypted with a password"),
    ("no-article.html", "no article text"),
    ("news.txt", "not a rule-of-law government report"),
]


@pytest.mark.parametrize("name, keyword", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_raises_input_error(name, keyword):
    path = BAD / name
    with pytest.raises(InputError) as raised:
        parse_report(read_text(path), path.name)
    message = str(raised.value)
    assert keyword in message
    assert "\n" not in message
    assert message.startswith(str(path)) or message.startswith(path.name)


def test_bad_folder_holds_just_these_files():
    assert sorted(p.name for p in BAD.iterdir()) == sorted(name for name, _ in BAD_FILES)


@pytest.mark.parametrize("suffix", [".xlsx", ".doc", ".rtf", ""])
def test_unsupported_suffix(tmp_path, suffix):
    path = tmp_path / f"report{suffix}"
    path.write_text("2024年青浦区法治政府建设情况报告", encoding="utf-8")
    with pytest.raises(InputError, match="unsupported file type"):
        read_text(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "gone.pdf")
    folder = tmp_path / "folder.html"
    folder.mkdir()
    with pytest.raises(InputError, match="is a directory"):
        read_text(folder)


def test_too_large_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * 4096)
    monkeypatch.setattr(formats, "MAX_BYTES", 1024)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a file over the limit"))
    with pytest.raises(InputError, match="too large"):
        read_text(path)


@pytest.mark.parametrize("suffix", sorted(SUFFIXES))
def test_empty_and_blank_files_of_every_kind(tmp_path, suffix):
    for content in (b"", b" \n\r\n\t"):
        path = tmp_path / f"blank{suffix}"
        path.write_bytes(content)
        with pytest.raises(InputError, match="the file is empty"):
            read_text(path)


def test_html_binary_and_no_article(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(b"<html>\x00\x01\x02" * 20)
    with pytest.raises(InputError, match="binary file"):
        read_text(path)
    path.write_text("<html><body><a href='/'>首页</a> <a href='/x'>政务公开</a></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no article text"):
        read_text(path)


def test_pdf_refusals(tmp_path):
    real = (CORPUS / "wujiang-2024.pdf").read_bytes()
    path = tmp_path / "r.pdf"
    path.write_bytes(b"<html>not a pdf</html>")
    with pytest.raises(InputError, match="not a PDF file"):
        read_text(path)
    path.write_bytes(real[: len(real) // 2] + b"\n%%EOF\n")  # cut but with an end marker glued on
    with pytest.raises(InputError, match="truncated or corrupt PDF"):
        read_text(path)


def test_docx_refusals(tmp_path):
    path = tmp_path / "r.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))  # what an encrypted .docx or a .doc starts with
    with pytest.raises(InputError, match="encrypted"):
        read_text(path)
    real = (CORPUS / "jiashan-2023.docx").read_bytes()
    path.write_bytes(real[: len(real) // 2])
    with pytest.raises(InputError, match="corrupt .docx"):
        read_text(path)
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("hello.txt", "不是Word文档")
    with pytest.raises(InputError, match="not a Word document"):
        read_text(path)
    path.write_bytes(b"plain text, not a zip")
    with pytest.raises(InputError, match="not a zip package"):
        read_text(path)


# --------------------------------------------------------------------------- HTML variants

REPORT = fixture_paragraphs("wujiang-2024.txt")
TITLE, BODY = REPORT[0], REPORT[1:]


def page(body: str, *, head: str = "", title: str = TITLE) -> str:
    return (
        f"<html><head>{head}<title>{title}_苏州市吴江区人民政府</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> <a href='/zwgk/'>政务公开</a> <a href='/zwfw/'>政务服务</a></div>"
        f"<div class='content'>{body}</div>"
        "<div class='footer'>版权所有：苏州市吴江区人民政府 苏ICP备12345678号 <a href='/c'>联系我们</a></div></body></html>"
    )


def paragraphs_html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def test_html_title_only_in_the_title_element(tmp_path):
    path = tmp_path / "p.htm"
    path.write_text(page(paragraphs_html(BODY), head="<meta charset='utf-8'>"), encoding="utf-8")
    assert lines(read_text(path)) == REPORT


@pytest.mark.parametrize("declaration", ["<meta charset='gb2312'>", '<meta http-equiv="Content-Type" content="text/html; charset=GBK">', ""])
def test_html_in_gbk(tmp_path, declaration):
    """Declared or not, even after a long <head> of script, a GBK page decodes."""
    script = "<script>var menu = " + repr(["item%d" % i for i in range(800)]) + ";</script>"
    path = tmp_path / "p.shtml"
    path.write_bytes(page(f"<h1>{TITLE}</h1>" + paragraphs_html(BODY), head=declaration + script).encode("gbk"))
    assert lines(read_text(path)) == REPORT


def test_html_with_xml_declaration_and_bom(tmp_path):
    path = tmp_path / "p.xhtml"
    xhtml = '<?xml version="1.0" encoding="gb18030"?>\n' + page(f"<h1>{TITLE}</h1>" + paragraphs_html(BODY))
    path.write_bytes(xhtml.encode("gb18030"))
    assert lines(read_text(path)) == REPORT
    path.write_bytes(b"\xef\xbb\xbf" + page(paragraphs_html(BODY)).encode("utf-8"))
    assert lines(read_text(path)) == REPORT


def test_html_old_table_layout_with_br_paragraphs(tmp_path):
    body = "<br>\n".join("&nbsp;&nbsp;&nbsp;&nbsp;" + p for p in BODY)
    layout = (
        "<table><tr><td><a href='/a'>通知公告</a></td></tr><tr><td><a href='/b'>政策解读</a></td></tr></table>"
        f"<table><tr><td align='center'><b>{TITLE}</b></td></tr>"
        "<tr><td>【字体：<a>大</a> <a>中</a> <a>小</a>】【<a>打印本页</a>】</td></tr>"
        f"<tr><td id='zoom'>{body}</td></tr><tr><td>分享到：<a>微信</a> <a>微博</a></td></tr></table>"
    )
    path = tmp_path / "old.htm"
    path.write_text(page(layout, head="<meta charset='utf-8'>"), encoding="utf-8")
    text = read_text(path)
    assert lines(text)[-len(BODY):] == BODY and TITLE in lines(text)
    for chrome in CHROME + ("打印", "通知公告"):
        assert chrome not in text


def test_html_line_breaks_inside_a_paragraph_add_no_space(tmp_path):
    path = tmp_path / "p.html"
    wrapped = [p[:20] + "\n      " + p[20:] for p in BODY]
    path.write_text(page(f"<h1>{TITLE}</h1>" + paragraphs_html(wrapped), head="<meta charset='utf-8'>"), encoding="utf-8")
    assert lines(read_text(path)) == REPORT


# --------------------------------------------------------------------------- nothing but InputError

REAL = {suffix: (CORPUS / name).read_bytes() for suffix, name in
        [(".txt", "jiading-2023-gbk.txt"), (".html", "qingpu-2023.html"), (".pdf", "wujiang-2024.pdf"), (".docx", "jiashan-2023.docx")]}


def read_or_input_error(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        text = read_text(path)
    except InputError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert isinstance(text, str)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(suffix=st.sampled_from(sorted(SUFFIXES)), data=st.binary(max_size=2048),
       prefix=st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><meta charset='gbk'>", b"\xef\xbb\xbf", b"\xff\xfe"]))
def test_random_bytes_raise_only_input_error(tmp_path, suffix, data, prefix):
    read_or_input_error(tmp_path / f"random{suffix}", prefix + data)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(suffix=st.sampled_from(sorted(REAL)), cut=st.floats(0.0, 1.0), start=st.floats(0.0, 1.0),
       junk=st.binary(min_size=1, max_size=64))
def test_damaged_real_files_raise_only_input_error(tmp_path, suffix, cut, start, junk):
    """A real file with a stretch overwritten by junk, then cut short: text or InputError, nothing else."""
    real = REAL[suffix]
    at = int(start * len(real))
    damaged = real[:at] + junk + real[at + len(junk):]
    read_or_input_error(tmp_path / f"damaged{suffix}", damaged[: max(1, int(cut * len(damaged)))] if cut < 0.5 else damaged)
