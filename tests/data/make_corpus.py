"""Regenerate the multi-format test corpus in tests/data/corpus/ and the bad inputs in tests/data/bad/.

The outputs are committed test data: the tests read them and never run this script.
Run it again only to change the corpus:

    .venv/bin/pip install reportlab python-docx
    .venv/bin/python tests/data/make_corpus.py

Corpus (one file per report, four formats, 青浦区/吴江区/嘉善县/嘉定区, 2023 and 2024):

- qingpu-2024.txt      copy of the seed report data/reports/qingpu-2024.txt (UTF-8, page chrome kept)
- qingpu-2023.html     tests/data/reports/qingpu-2023.txt inside a saved government web page
                       (navigation, breadcrumbs, 字号 大 中 小, 打印, 分享到, related links, footer), UTF-8
- wujiang-2024.pdf     tests/data/reports/wujiang-2024.txt typeset by reportlab (CID font STSong-Light,
                       CJK line wrapping, first-line indents, page numbers "— N —"), with a text layer
- jiashan-2023.docx    tests/data/reports/jiashan-2023.txt as a Word document (python-docx)
- jiading-2023-gbk.txt a short synthetic report, GBK-encoded

Bad inputs: empty.txt, binary.txt, truncated.pdf, scanned.pdf, encrypted.pdf (needs a password),
no-article.html, news.txt.
Everything is deterministic except the zip timestamps inside the .docx.
"""

from __future__ import annotations

import random
import re
import shutil
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SEED = ROOT / "data" / "reports" / "qingpu-2024.txt"
FIXTURES = HERE / "reports"
CORPUS = HERE / "corpus"
BAD = HERE / "bad"

CHROME = {"返回上一级", "字号", "打印", "主动公开"}
TITLE = re.compile(r"^(?:19|20)\d{2}年.{2,30}法治政府建设.{0,12}报告$")
META_LINE = re.compile(r"^(?:(?:19|20)\d{2}[.\-/]\d{1,2}[.\-/]\d{1,2}|发布(?:日期|时间)[:：].*|首页\s*>.*)$")

JIADING_2023 = """\
返回上一级

字号

打印

2023年嘉定区法治政府建设情况报告

主动公开

2024.02.05

2023年，嘉定区坚持以习近平法治思想为指导，深入贯彻落实党的二十大精神，围绕“五个新城”建设和虹桥国际开放枢纽北向拓展带建设，统筹推进法治政府建设各项工作。现将有关情况报告如下。

一、加强党对法治政府建设的领导

区政府常务会议全年专题研究法治政府建设工作4次，落实会前学法制度，学习新修订的《中华人民共和国行政复议法》等法律法规。印发《2023年嘉定区法治政府建设工作要点》，明确年度重点任务42项，逐项明确牵头单位和完成时限。

二、深化区域法治协作

区政府与昆山市人民政府、太仓市人民政府共同签订《嘉昆太协同创新核心圈法治协作框架协议》，在行政执法标准衔接、行政复议案件协同办理、公共法律服务资源共享等方面建立常态化协作机制。区司法局与青浦区司法局建立行政执法监督工作交流机制，联合开展跨区域执法案卷交叉评查。三地公安机关在省界道口联合开展治安巡查，全年协同处置跨区域警情236起。

三、规范行政权力运行

公布《嘉定区人民政府2023年度重大行政决策事项目录》，确定决策事项6项，均履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。区司法局全年审查区政府规范性文件9件、行政合同87件。全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，开展行政执法案卷评查，抽查案卷320卷。

四、加强行政争议化解

全年收到行政复议申请1126件，审结1045件，纠错率7.2%。区行政争议调解中心受理调解案件168件，调解成功131件。全区一审行政诉讼案件215件，败诉9件，败诉率4.2%；行政机关负责人出庭应诉率100%。

五、推进法治社会建设

深化“嘉法护航”普法品牌，全年开展法治宣传活动920场次，覆盖群众约21万人次。全区12个街镇均建成公共法律服务工作站，全年办理法律援助案件1310件。

当前，嘉定区法治政府建设仍存在基层执法力量不足、跨区域执法规则衔接不够顺畅等问题。2024年，嘉定区将持续深化嘉昆太法治协作，推动法治政府建设再上新台阶。
"""

NEWS = """\
青浦区举办2024年“宪法宣传周”启动仪式

2024年12月2日

12月2日上午，青浦区2024年“宪法宣传周”启动仪式在区青少年活动中心举行。活动现场，区司法局工作人员向市民发放宪法读本和普法宣传册，律师志愿者为群众提供现场法律咨询，解答婚姻家庭、劳动用工等方面的问题。

本次宣传周期间，全区各街镇将陆续开展宪法进社区、进学校、进企业等主题活动。区司法局相关负责人表示，将持续创新普法形式，推动宪法精神深入人心。
"""


def fixture(name: str) -> tuple[str, list[str]]:
    """The title and the body paragraphs of a fixture report (page chrome and date lines dropped)."""
    lines = [line.strip() for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line and line not in CHROME and not META_LINE.match(line)]
    title = next(line for line in lines if TITLE.match(line))
    return title, [line for line in lines if line != title]


def is_heading(line: str) -> bool:
    return bool(re.match(r"^[一二三四五六七八九十]+、", line))


# --------------------------------------------------------------------------- HTML

def government_page(title: str, paragraphs: list[str], *, site: str, district: str, date: str, source: str,
                    related: list[str]) -> str:
    """A saved page in the shape of a district government portal's article page."""
    body = "\n".join(
        f'<p style="text-indent:2em;"><strong>{escape(p)}</strong></p>' if is_heading(p)
        else f'<p style="text-indent:2em;">{escape(p)}</p>'
        for p in paragraphs
    )
    menu = "".join(
        f'<li class="nav-item"><a href="/{slug}/">{name}</a><ul class="sub">'
        + "".join(f'<li><a href="/{slug}/{i}/">{sub}</a></li>' for i, sub in enumerate(subs))
        + "</ul></li>"
        for slug, name, subs in [
            ("index", "首页", []),
            ("zwgk", "政务公开", ["政府信息公开", "政策文件", "规划计划", "财政预决算", "人事信息"]),
            ("zwfw", "政务服务", ["个人办事", "法人办事", "一网通办", "好差评"]),
            ("hdjl", "互动交流", ["区长信箱", "网上调查", "在线访谈", "12345市民服务热线"]),
            ("zj", f"走进{district[:-1]}", ["区情概况", "历史文化", "旅游景点"]),
        ]
    )
    links = "".join(f'<li><a href="/zwgk/fzzf/{i}.html">{escape(r)}</a><span>2024-0{i + 1}-1{i}</span></li>'
                    for i, r in enumerate(related))
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="{site}">
<meta name="ArticleTitle" content="{escape(title)}">
<meta name="PubDate" content="{date} 10:00">
<meta name="ContentSource" content="{source}">
<title>{escape(title)}_{site}</title>
<link rel="stylesheet" href="/css/common.css">
<style>
  body {{ font-family: "Microsoft YaHei", sans-serif; }}
  .article-content p {{ line-height: 2; font-size: 16px; }}
</style>
<script src="/js/jquery.min.js"></script>
<script>
  var _hmt = _hmt || [];
  (function() {{ var hm = document.createElement("script"); hm.src = "/js/stat.js?site=310118"; }})();
</script>
</head>
<body>
<div class="top-bar">
  <div class="w1200">
    <span class="welcome">您好，欢迎访问{site}！</span>
    <a href="javascript:;" id="wza">无障碍</a> | <a href="javascript:;" id="elder">长者模式</a> |
    <a href="/english/">English</a> | <a href="/login">登录</a> | <a href="/register">注册</a>
  </div>
</div>
<div class="header">
  <div class="logo"><a href="/"><img src="/images/logo.png" alt="{site}"></a></div>
  <form class="search" action="/search/"><input type="text" name="q" placeholder="请输入关键词"><button>搜索</button></form>
</div>
<div class="nav"><ul>{menu}</ul></div>
<div class="w1200 main">
  <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/fzzf/">法治政府建设</a> &gt; <span>年度报告</span></div>
  <div class="back"><a href="javascript:history.back()">返回上一级</a></div>
  <div class="article">
    <h1 class="article-title">{escape(title)}</h1>
    <div class="article-info">
      <span>发布日期：{date}</span>
      <span>来源：{source}</span>
      <span>浏览次数：<em id="views">1286</em></span>
      <span class="fontsize">字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></span>
      <a href="javascript:window.print()" class="print">打印</a>
      <a href="javascript:window.close()" class="close">关闭</a>
    </div>
    <div class="article-content TRS_Editor" id="zoom">
{body}
    </div>
    <div class="share">分享到：
      <a href="javascript:;" class="share-wx" title="微信">微信</a>
      <a href="javascript:;" class="share-wb" title="新浪微博">微博</a>
      <a href="javascript:;" class="share-qz" title="QQ空间">QQ空间</a>
    </div>
    <div class="prev-next">
      <p>上一篇：<a href="/zwgk/fzzf/prev.html">关于开展2024年度行政执法案卷评查工作的通知</a></p>
      <p>下一篇：<a href="/zwgk/fzzf/next.html">{district}2024年度重大行政决策事项目录</a></p>
    </div>
  </div>
  <div class="related">
    <h3>相关链接</h3>
    <ul>{links}</ul>
  </div>
</div>
<div class="footer">
  <div class="links">
    <a href="/about/">关于本网</a> | <a href="/contact/">联系我们</a> | <a href="/sitemap/">网站地图</a> |
    <a href="/privacy/">隐私声明</a> | <a href="/help/">使用帮助</a>
  </div>
  <p>主办：{site}办公室　承办：{district}大数据中心</p>
  <p>版权所有：{site}　<a href="https://beian.miit.gov.cn/">沪ICP备05052387号-1</a>　
     <img src="/images/ga.png" alt="">沪公网安备31011802001234号　网站标识码：3101180001</p>
  <p>建议使用1920×1080分辨率浏览本网站</p>
  <div class="jiucuo"><a href="https://zfwzgl.www.gov.cn/">政府网站找错</a></div>
</div>
<script>$(".nav-item").hover(function(){{ $(this).find(".sub").toggle(); }});</script>
</body>
</html>
"""


def no_article_page() -> str:
    """A page that is all navigation and footer: a column index saved instead of an article."""
    page = government_page("栏目导航", [], site="上海市青浦区人民政府", district="青浦区", date="2024-01-30",
                           source="青浦区人民政府办公室", related=["政府信息公开指南", "政府信息公开制度"])
    page = page.replace('<h1 class="article-title">栏目导航</h1>', "")
    return re.sub(r'<div class="article-content TRS_Editor" id="zoom">\s*</div>', "", page)


# --------------------------------------------------------------------------- PDF

def write_pdf(path: Path, title: str, paragraphs: list[str], closing: list[str], password: str | None = None) -> None:
    from reportlab import rl_config
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    rl_config.invariant = 1  # no timestamps or random document ids: the same bytes on every run
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    size = 12
    base = ParagraphStyle("body", fontName="STSong-Light", fontSize=size, leading=size * 1.8,
                          firstLineIndent=2 * size, alignment=TA_JUSTIFY, wordWrap="CJK", spaceAfter=2)
    heading = ParagraphStyle("heading", parent=base, fontSize=size + 1, leading=(size + 1) * 1.8)
    head = ParagraphStyle("title", parent=base, fontSize=18, leading=30, alignment=TA_CENTER, firstLineIndent=0)
    right = ParagraphStyle("right", parent=base, alignment=TA_RIGHT, firstLineIndent=0)

    def page_number(canvas, doc):
        canvas.saveState()
        canvas.setFont("STSong-Light", 11)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"— {doc.page} —")
        canvas.restoreState()

    story = [Paragraph(escape(title), head), Spacer(1, 8 * mm)]
    story += [Paragraph(escape(p), heading if is_heading(p) else base) for p in paragraphs]
    story += [Spacer(1, 8 * mm)] + [Paragraph(escape(line), right) for line in closing]
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=28 * mm, rightMargin=26 * mm, topMargin=37 * mm,
                            bottomMargin=35 * mm, title=title, author=closing[0], encrypt=password)
    doc.build(story, onFirstPage=page_number, onLaterPages=page_number)


def write_scanned_pdf(path: Path) -> None:
    """A page holding only a picture of text lines, as a scanner makes: no text layer."""
    from PIL import Image, ImageDraw
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (620, 877), 250)
    draw = ImageDraw.Draw(image)
    rng = random.Random(7)
    draw.rectangle((200, 60, 420, 78), fill=40)
    for row in range(30):
        y = 120 + row * 24
        x = 90 if row % 6 == 0 else 60
        end = rng.randint(200, 540) if row % 6 == 5 else 560
        for cx in range(x, end, 16):
            draw.rectangle((cx, y, cx + 12, y + 12), fill=rng.randint(30, 90))
    rl_config.invariant = 1
    page = canvas.Canvas(str(path), pagesize=A4)
    page.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    page.showPage()
    page.save()


# --------------------------------------------------------------------------- DOCX

def write_docx(path: Path, title: str, paragraphs: list[str], closing: list[str]) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = Document()
    document.core_properties.title = title
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(title)
    run.bold, run.font.size = True, Pt(18)
    document.add_paragraph()
    for text in paragraphs:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.first_line_indent = Pt(32)
        run = paragraph.add_run(text)
        run.bold = is_heading(text)
    for text in closing:
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.save(str(path))


# --------------------------------------------------------------------------- main

def main() -> None:
    CORPUS.mkdir(exist_ok=True)
    BAD.mkdir(exist_ok=True)

    shutil.copyfile(SEED, CORPUS / "qingpu-2024.txt")

    title, paragraphs = fixture("qingpu-2023.txt")
    html = government_page(title, paragraphs, site="上海市青浦区人民政府", district="青浦区", date="2024-01-30",
                           source="青浦区司法局",
                           related=["2022年青浦区法治政府建设情况报告", "青浦区2023年度重大行政决策事项目录",
                                    "青浦区行政执法公示平台上线运行", "关于印发《2023年青浦区法治政府建设工作要点与责任分工》的通知"])
    (CORPUS / "qingpu-2023.html").write_text(html, encoding="utf-8")

    title, paragraphs = fixture("wujiang-2024.txt")
    write_pdf(CORPUS / "wujiang-2024.pdf", title, paragraphs, ["苏州市吴江区人民政府", "2025年1月20日"])

    title, paragraphs = fixture("jiashan-2023.txt")
    write_docx(CORPUS / "jiashan-2023.docx", title, paragraphs, ["嘉善县人民政府", "2024年2月6日"])

    (CORPUS / "jiading-2023-gbk.txt").write_bytes(JIADING_2023.encode("gbk"))

    (BAD / "empty.txt").write_bytes(b"")
    rng = random.Random(20240130)
    garbage = bytearray(rng.randrange(256) for _ in range(4096))
    garbage[::97] = b"\x00" * len(garbage[::97])
    (BAD / "binary.txt").write_bytes(bytes(garbage))
    pdf = (CORPUS / "wujiang-2024.pdf").read_bytes()
    (BAD / "truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    write_scanned_pdf(BAD / "scanned.pdf")
    write_pdf(BAD / "encrypted.pdf", title, paragraphs[:3], ["嘉善县人民政府"], password="jiashan")
    (BAD / "no-article.html").write_text(no_article_page(), encoding="utf-8")
    (BAD / "news.txt").write_text(NEWS, encoding="utf-8")

    for folder in (CORPUS, BAD):
        for file in sorted(folder.iterdir()):
            print(f"{file.relative_to(ROOT)}  {file.stat().st_size} bytes")


if __name__ == "__main__":
    main()
