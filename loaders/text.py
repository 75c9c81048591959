"""Reading a report file: bytes → decoded text → report metadata.

Offsets everywhere in govkg refer to the text returned here (for HTML, PDF and DOCX,
the text extracted from the file); page chrome left in a .txt is simply ignored by the
extractor.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from govkg.errors import InputError
from govkg.loaders.model import ReportMeta

MAX_BYTES = 20 * 1024 * 1024
"""Reports are a few tens of kilobytes; anything past this is refused, not read."""

MAX_CHARS = MAX_BYTES
"""Characters of text one file may yield (a page or document can unpack to more text than its bytes)."""

_YEAR = r"(?:19|20)\d{2}"
_GENRE = r"(?:法治政府建设|法治政府|依法行政|法治建设)"
_TITLE = re.compile(
    rf"^(?P<title>[^。；！？>›»|]{{0,48}}?{_GENRE}[^。；！？>›»|]{{0,24}}?(?:报告|总结))$"
)
"""A title of the genre, whatever its shape: 2024年XX区法治政府建设情况报告, XX区人民政府关于2024年度法治政府建设
情况的报告, XX区司法局2024年度法治政府建设工作报告, 中共XX县委 XX县人民政府关于…的报告."""
_RUN_ON_TITLE = re.compile(
    rf"^(?P<title>[^。；！？，,：:>›»|]{{0,48}}?{_GENRE}[^。；！？，,：:>›»|]{{0,24}}?报告)\s*(?={_YEAR}\s*年[^度]|[\u4e00-\u9fff、]{{2,30}}[，,])"
)
"""A title run into the body that follows it on one line (XX县2024年法治政府建设情况报告2024年，XX县坚持…)."""
_SITUATION_TITLE = re.compile(
    rf"^(?P<title>[^。；！？>›»|，,]{{0,30}}?{_YEAR}\s*年度?[^。；！？>›»|，,]{{0,24}}?{_GENRE}(?:工作)?(?:开展)?情况)$"
)
"""A title that stops at 情况 (2025年XX县法治政府建设情况, XX省人民政府2022年度法治政府建设工作情况): only with its year."""
_TITLE_YEAR = re.compile(rf"(?P<year>{_YEAR})\s*年(?:度)?")
_METADATA_TITLE = re.compile(r"^[\s\-*•·]*\|?\s*(?:文章)?(?:标\s*题|题\s*名|名\s*称)\s*[:：|]\s*\|?\s*(?P<title>[^|]+?)\s*(?:\||$)", re.MULTILINE)
_PUBLISHER = re.compile(r"(?:发布机构|发文机关|发文单位|发布单位|信息来源|来源)\s*[:：|]\s*\|?\s*(?P<body>[\u4e00-\u9fff]{2,30})")
_HEARD = re.compile(rf"现将(?P<subject>[\u4e00-\u9fff]{{0,30}}?)(?P<year>{_YEAR})\s*年度?{_GENRE}[\u4e00-\u9fff]{{0,10}}?(?:报告|汇报)如下")
_OPENING = re.compile(
    rf"^[ \t\u3000•·●◆■▪-]*(?P<year>{_YEAR})\s*年(?:度|以来)?\s*(?:[,，]|是|[^\n,，。；]{{1,12}}[,，])", re.MULTILINE
)
"""An opening paragraph: 「2024年，XX区坚持…」, also 「2020年是…收官之年」, 「2021年时间节点特殊，…」 and after a list bullet."""
_HEADING = re.compile(r"^[ \t\u3000]*[一二三四五六七八九十]+、", re.MULTILINE)
_REGION = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:新区|自治州|自治县|地区|区|县|市|旗|盟|省)")
_PARTY = re.compile(r"中(?:国)?共(?:产党)?(?P<region>[\u4e00-\u9fff]{1,12}?)委(?:员会)?(?![\u4e00-\u9fff]*(?:局|办))")
_JOINT_HEAD = re.compile(r"中(?:国)?共(?:产党)?[\u4e00-\u9fff]{1,12}委(?:员会)?(?:[ \u3000]*[\u4e00-\u9fff]{1,12}人民政府)?")
_DEPARTMENT = re.compile(r"(?:局|委员会|委|办公室|办|院|中心|厅|署|所)$")
_CENTRAL_BODY = re.compile(r"(?:国家|中华人民共和国)?[\u4e00-\u9fff]{1,10}?(?:部|总局|总署|署)|国家[\u4e00-\u9fff]{1,10}?局")
"""司法部, 国家税务总局, 海关总署, 国家林业和草原局: bodies of the centre, whose reports have no region."""
_BEFORE_A_NAME = set("在与和及对向为是把将从于同由经据按让使给至到赴跟")
"""Characters a place's name may follow inside a sentence (在沛县, 与沛县)."""
_DEICTIC = re.compile(r"^[我本某该全各][区县市旗州盟省]$")
"""我县, 本区, 某县: a report speaking of itself (or a template), not a region's name."""
_READING_OF_A_REPORT = re.compile(r"^(?:【[^】\n]{0,8}解读】.*|.*(?:》|的)(?:政策|文件|文字|图文|图片)?解读)$|解读如下", re.MULTILINE)
"""A page that explains a report (【政策解读】关于《…报告》的政策解读, 现解读如下), not the report."""
_NOT_A_REPORT_TITLE = re.compile(r"^(?![一二三四五六七八九十]+、|[（(])[^。；！？]{4,80}(?:的通知|实施方案|工作方案|工作要点|工作安排|工作计划|工作规则)$")
"""The heading of a notice, plan or rules (关于印发…的通知, …实施方案): of the family, not of the genre."""
_NEWS_HEADLINE = re.compile(r"召开|举行|举办|新闻发布会|发布会|通报会|答记者问|介绍|亮出|晒出|交出|调研|督导|推进会|座谈会")
"""Verbs and events of a news item's headline (XX市召开新闻发布会介绍2024年法治政府建设情况): a page about a report."""
_COPY_PREFIX = re.compile(r"^(?:附件\s*\d{0,2}|\d{1,3})\s*[-_.、．)）]\s*(?=[\u4e00-\u9fff])")
"""A number or 附件N before a saved file's title (04-XX县…报告, 附件1、…): not part of the title."""
_INLINE_PINYIN = re.compile("(?<=[\u3400-\u9fff])[(（](?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")
"""A reading in tone-marked pinyin after a character, as some mirror sites print them: 內(nèi)蒙古, 全區(qū)."""
_DEPARTMENT_NAME = r"[\u4e00-\u9fff]{1,14}?(?:局|厅|委员会|办公室)"
_PARTY_GROUP = re.compile(r"(?:党组|党委|党总支|党支部)$")
"""中共XX县教育局党组: a department's party group, reporting for the department."""
_BRANCH = ("分局", "支队", "大队", "分院", "分中心")
"""A department's branch in a district (XX市公安局XX区分局): named with its parent body."""
_KIND = {"区": "district", "县": "county", "旗": "county", "市": "city", "省": "province", "州": "prefecture", "盟": "prefecture"}
_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*(?:[.\-/]|年)\s*(?P<m>\d{1,2})\s*(?:[.\-/]|月)\s*(?P<d>\d{1,2})日?")
_MIN_GENRE_MENTIONS = 3
"""A text without a title of the genre counts as one when it names 法治政府(建设) this often and reads as a report."""


@dataclass(frozen=True)
class Hints:
    """What the caller knows of a report beyond its text: ``--region/--year/--title`` overrides."""

    region: str | None = None
    year: int | None = None
    title: str | None = None


@dataclass(frozen=True)
class ReportText:
    """A decoded report and its metadata."""

    text: str
    meta: ReportMeta


def decode(data: bytes, source: str = "<bytes>") -> str:
    """Decode report bytes: UTF-8 (BOM or not), then GB18030, then Big5, then a guess.

    Raises:
        InputError: empty, binary or undecodable input.
    """
    if not data.strip():
        raise InputError(f"{source}: the file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: this is a binary file, not a text report")
    decoded = []
    for encoding in ("utf-8-sig", "gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8-sig" and _looks_chinese(text):
            return _newlines(text)
        if _looks_chinese(text):
            decoded.append(text)
    if decoded:
        return _newlines(min(decoded, key=_oddity))
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and _looks_chinese(str(best)):
        return _newlines(str(best))
    raise InputError(f"{source}: cannot decode the text as UTF-8, GB18030 or Big5 Chinese")


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _oddity(text: str) -> int:
    """How many characters look like a wrong guess of the encoding (private use, box drawing, bopomofo)."""
    return sum(1 for ch in text[:4000] if "\ue000" <= ch <= "\uf8ff" or "\u2500" <= ch <= "\u257f" or "\u3100" <= ch <= "\u312f" or "\ufe30" <= ch <= "\ufe4f")


def _looks_chinese(text: str) -> bool:
    sample = text[:4000]
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return cjk >= 2 and controls <= len(sample) // 100


def read_report(path: str | Path, hints: Hints | None = None) -> ReportText:
    """Read a report file from disk: .txt, .html, .pdf or .docx.

    Args:
        path: the file; its name counts as a title when the text has none (browsers save
            a page under its title).
        hints: overrides of what the text says.

    Raises:
        InputError: the path is missing, a directory, too large, of an unsupported kind,
            unreadable, or the text is not a report of the genre.
    """
    from govkg.loaders.formats import read_text

    path = Path(path)
    text = without_inline_pinyin(read_text(path))
    if len(text) > MAX_CHARS:
        raise InputError(f"{path}: {len(text):,} characters of text is too long for one report (limit {MAX_CHARS:,})")
    return ReportText(text=text, meta=report_meta(text, path.name, where=str(path), hints=hints))


def parse_report(text: str, source: str = "<text>", hints: Hints | None = None) -> ReportText:
    """Find a report's metadata in its text."""
    text = without_inline_pinyin(text)
    return ReportText(text=text, meta=report_meta(text, source, hints=hints))


def without_inline_pinyin(text: str) -> str:
    """The text without readings printed after characters (內(nèi)蒙古 → 內蒙古): they split names apart."""
    return _INLINE_PINYIN.sub("", text) if "(" in text or "（" in text else text


def report_meta(text: str, source: str, where: str | None = None, hints: Hints | None = None) -> ReportMeta:
    """Title, reporting body, region, year, publication date and kind of body.

    Read from the text (a title line, a title split over two lines, a ``标题:`` row of a
    metadata table), else from the file name, else from the body (「现将XX区2024年度…报告如下」,
    an opening 「2024年，XX区坚持…」); traditional characters are read as simplified. ``hints``
    override what is found.

    Raises:
        InputError: the text is not of the genre (no title, and it does not read as a report),
            or no year or region can be found.
    """
    from govkg.loaders.english import slug
    from govkg.loaders.script import to_simplified

    hints = hints or Hints()
    where = where or source
    plain = to_simplified(text)
    latin, chinese = len(re.findall("[A-Za-z]", plain[:6000])), len(re.findall("[\u4e00-\u9fff]", plain[:6000]))
    if latin > chinese and not hints.title:
        raise InputError(f"{where}: not a rule-of-law government report: the text is mostly not Chinese "
                         f"({latin:,} Latin letters, {chinese:,} Chinese characters), a summary or catalogue entry")
    reading = _READING_OF_A_REPORT.search(plain[:1500])
    if reading and not hints.title:
        raise InputError(f"{where}: a reading of a report ({reading.group(0).strip()[:30]}), not the report itself")
    title = hints.title or _title_in_text(plain)
    if title is None and not hints.title:
        other = _other_heading(plain)  # the text's own heading outweighs the name it was saved under
        if other:
            raise InputError(f"{where}: not a rule-of-law government report: its heading is a notice, plan or rules ({other[:40]})")
        title = _title_in_name(to_simplified(Path(source).stem))
    if title is None and not hints.title:
        news = _news_headline(plain, to_simplified(Path(source).stem))
        if news:
            raise InputError(f"{where}: not a rule-of-law government report: a news item about one ({news[:40]})")
        if not _reads_as_report(plain):
            raise InputError(
                f"{where}: not a rule-of-law government report (no title like 'YYYY年XX区法治政府建设情况报告', "
                f"and the text does not read as one: {_why_not(plain)})"
            )
    heard = _HEARD.search(plain[:6000])
    year = hints.year or _year_of(title, plain, heard, Path(source).stem)
    if year is None:
        raise InputError(f"{where}: no year in the title or the text (give --year)")
    subject = _subject(title) if title else ""
    if not _places_in(subject) and not _named_region(subject):
        subject = (heard.group("subject") if heard and heard.group("subject") else "") or _publisher(plain) or _opening_subject(plain) or subject
    region, body, kind = _body(subject)
    if hints.region:
        region = _canonical_region(hints.region)
        body = body if body.startswith(hints.region) or region in body else _government(region)
        kind = kind if kind in ("department", "party committee") else _government_kind(region)
    if not region and _CENTRAL_BODY.fullmatch(subject):
        raise InputError(
            f"{where}: a report of a central body ({subject}): govkg reads the reports of local governments and their "
            "departments (give --region to read it as one)"
        )
    if not region:
        raise InputError(f"{where}: no reporting region in the title or the text (give --region)")
    if title is None:
        title = f"{body}{year}年度法治政府建设情况报告"
    key = region if kind.endswith("government") else body
    return ReportMeta(
        id=f"{slug(key)}-{year}",
        title=title,
        region=region,
        year=year,
        published=_published(plain, year),
        source=source,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        body_kind=kind,
        body=body,
    )


def is_title(line: str) -> bool:
    """Whether a line is a title of the genre (any of its shapes)."""
    line = line.strip()
    return len(line) <= 80 and _is_title_line(line)


def _title_in_text(text: str) -> str | None:
    """The first title of the genre among the opening lines, a metadata ``标题`` row, or two lines joined."""
    found = _METADATA_TITLE.search(text[:4000])
    if found and _TITLE.match(found.group("title").strip()):
        return _clean_title(found.group("title"))
    lines = [line.strip(" \t\u3000") for line in text[:6000].split("\n")]
    lines = [line for line in lines if line][:60]
    found_titles = []
    for index, line in enumerate(lines):
        run_on = _RUN_ON_TITLE.match(line) if index < 3 and not (len(line) <= 80 and _is_title_line(line)) else None
        if run_on and _names_its_region(run_on.group("title")):
            return _clean_title(run_on.group("title"))  # a page that lost the line break after its title
        if len(line) <= 80 and _is_title_line(line) and not line.startswith(("现将", "审议", "印发")):
            previous = lines[index - 1] if index else ""
            if len(previous) <= 40 and _JOINT_HEAD.fullmatch(previous):
                # a joint title split over two lines: 中共XX县委 / XX县人民政府关于…, or 中共XX县委 XX县人民政府 / 关于…
                return _clean_title(previous + ("" if line.startswith("关于") else " ") + line)
            if _names_its_region(line):
                return _clean_title(line)
            if len(previous) <= 30 and _is_body_line(previous):
                # the body on a line of its own above the title: XX市人力资源和社会保障局 / 2023年法治政府建设工作年度报告
                return _clean_title(previous + line)
            found_titles.append(line)
        elif index + 1 < len(lines) and len(line) <= 40 and not re.search("[。；，,]", line):
            joined = line + lines[index + 1]
            if len(joined) <= 80 and _TITLE.match(joined) and not _TITLE.match(lines[index + 1]):
                return _clean_title(joined)
    return _clean_title(found_titles[0]) if found_titles else None


def _is_title_line(line: str) -> bool:
    """A title of the genre; one that stops at 情况 only when it is no numbered heading (一、2024年度法治政府建设情况)."""
    if _NEWS_HEADLINE.search(_subject(line)):
        return False
    return bool(_TITLE.match(line) or (_SITUATION_TITLE.match(line) and not _HEADING.match(line) and not line.startswith(("（", "("))))


def _names_its_region(title: str) -> bool:
    subject = _subject(title)
    return bool(_places_in(subject) or _named_region(subject))


def _is_body_line(line: str) -> bool:
    """A line that is only a body's name with its place: 广元市人力资源和社会保障局, XX县人民政府."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{4,30}", line)) and bool(_places_in(line)) and bool(
        _DEPARTMENT.search(line) or line.endswith("政府")
    )


def _named_region(subject: str) -> str:
    """A region-shaped name in a subject that the gazetteer does not know (a new division), never 我县 or 某县."""
    found = _REGION.search(re.sub(r"^中(?:国)?共(?:产党)?", "", subject))
    return found.group(0) if found and not _DEICTIC.match(found.group(0)) else ""


def _other_heading(text: str) -> str | None:
    """The first lines' heading when it is a notice's, a plan's or rules' (关于印发…的通知)."""
    found = _METADATA_TITLE.search(text[:4000])
    lines = [found.group("title").strip()] if found else []
    lines += [line.strip(" \t\u3000") for line in text[:1500].split("\n") if line.strip(" \t\u3000")][:4]
    for line in lines:
        if len(line) <= 80 and _NOT_A_REPORT_TITLE.match(line):
            return line
    return None


def _news_headline(text: str, stem: str) -> str | None:
    """A news headline of the genre's subject in the first lines or the file name (XX市召开新闻发布会介绍…法治政府建设情况)."""
    lines = [line.strip(" \t\u3000") for line in text[:1500].split("\n") if line.strip(" \t\u3000")][:4]
    for line in lines + [_COPY_PREFIX.sub("", stem.strip())]:
        if len(line) <= 60 and not re.search("[，,。；]", line) and re.search(_GENRE, line) and _NEWS_HEADLINE.search(_subject(line)):
            return line
    return None


def _title_in_name(stem: str) -> str | None:
    """A file name that is a title (a saved page), with the site name or a copy number cut off."""
    for part in re.split(r"\s*[_|｜]+\s*|\s+-\s+|\(\d+\)$", _COPY_PREFIX.sub("", stem.strip())):
        part = part.strip()
        if _is_title_line(part):
            return _clean_title(part)
    return None


def _clean_title(title: str) -> str:
    """One space between the parts of a joint title; none beside a number (「2024 年度」 typeset with spaces)."""
    title = re.sub(r"(?<=\d)\s+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\s+(?=\d)", "", title)
    return re.sub(r"\s+", " ", title).strip(" 《》")


def _reads_as_report(text: str) -> bool:
    """A report without a title: names the genre often, opens with the year or 现将…报告如下, has numbered parts."""
    head = text[:20000]
    mentions = len(re.findall("法治政府", head))
    opening = bool(_HEARD.search(head) or _OPENING.search(head[:3000]) or _addressee(head[:1500]))
    return mentions >= _MIN_GENRE_MENTIONS and opening and bool(_HEADING.search(head))


def _why_not(text: str) -> str:
    head = text[:20000]
    mentions = len(re.findall("法治政府", head))
    if mentions < _MIN_GENRE_MENTIONS:
        return f"法治政府 named {mentions} time(s)"
    if not _HEADING.search(head):
        return "no numbered parts (一、…)"
    return "no opening with the year or 现将…报告如下"


def _addressee(head: str) -> bool:
    """An addressee line: 「XX市人民政府、中共XX县委…:」."""
    return bool(re.search(r"^[\u4e00-\u9fff、，,（）()]{4,80}(?:人民政府|委员会|县委|区委|市委|常委会)[\u4e00-\u9fff、，,（）()]{0,40}[:：]\s*$", head, re.MULTILINE))


def _year_of(title: str | None, text: str, heard, stem: str) -> int | None:
    for source in (title or "", heard.group(0) if heard else ""):
        found = _TITLE_YEAR.search(source)
        if found:
            return int(found.group("year"))
    opening = _OPENING.search(text[:3000])
    if opening:
        return int(opening.group("year"))
    found = _TITLE_YEAR.search(stem)
    return int(found.group("year")) if found else None


def _subject(title: str) -> str:
    """The part of a title that names who reports: before the year or 关于, else between the year and the genre."""
    genre = re.search(_GENRE, title)
    head = title[: genre.start()] if genre else title
    year = _TITLE_YEAR.search(head)
    before = head[: year.start()] if year else head
    before = re.split("关于", before)[0]
    after = head[year.end():] if year else ""
    subject = before.strip(" 的") or after.strip(" 的")
    return re.sub(r"^关于|关于$", "", subject).strip()


def _publisher(text: str) -> str:
    found = _PUBLISHER.search(text[:3000])
    return found.group("body") if found and _places_in(found.group("body")) else ""


def _opening_subject(text: str) -> str:
    """Who the opening paragraph says reports: its first region, with the body written after it.

    「2024年，XX区坚持…」 → XX区; 「2024年，XX市司法局坚持…」 → XX市司法局. 「XX区委、区政府坚持…」 stays the
    government's: government-only reports open so as often as joint ones.
    """
    opening = _OPENING.search(text[:3000])
    region = _opening_region(text)
    if not region or not opening:
        return region
    after = text[text.find(region, opening.start()) + len(region):][:24]
    department = re.match(rf"(?![在以坚始全深认紧围按立着聚持高切积不]){_DEPARTMENT_NAME}", after)
    if department and not re.match(r"(?:人民)?政府(?!办公室|办)", after):
        return region + department.group(0)
    own = re.match(rf"[我本]?[区县市旗州盟](?!委|政府|人民政府){_DEPARTMENT_NAME}", text[opening.end():])
    if own:  # 「2023年以来，县司法局在县委…」: the region's department, the region named further on
        return region + own.group(0).lstrip("我本")[1:]
    return region


def _opening_region(text: str) -> str:
    """The first county-, prefecture- or province-level place of the opening paragraph (「2024年，XX区坚持…」)."""
    opening = _OPENING.search(text[:3000])
    if not opening:
        return ""
    paragraph = text[opening.start(): text.find("\n", opening.end()) if "\n" in text[opening.end():] else len(text)]
    from govkg.loaders.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    head = paragraph[:200]
    spans = [(s, e) for s, e, n in gazetteer.find_all(head) if gazetteer.place(n).level in ("county", "prefecture", "province")
             and not _inside_a_title(head, s) and not _inside_a_word(head, s, e)]
    if not spans:
        return ""
    start, end = spans[0]
    for next_start, next_end in spans[1:]:  # 鹤壁市淇滨区: the division written with its parents
        if next_start != end:
            break
        end = next_end
    return paragraph[start:end]


def _inside_a_title(text: str, position: int) -> bool:
    """Whether ``position`` lies inside a 《…》 title: a place there is the document's, not the reporter's."""
    return text.rfind("《", 0, position) > text.rfind("》", 0, position)


def _inside_a_word(text: str, start: int, end: int) -> bool:
    """A two-character name inside a longer word (范县 in 示范县, 和县 in 领导和县…): no place."""
    return end - start == 2 and start > 0 and bool(re.match("[\u4e00-\u9fff]", text[start - 1])) and text[start - 1] not in _BEFORE_A_NAME


def _places_in(subject: str) -> list[str]:
    from govkg.loaders.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    return [name for _, _, name in gazetteer.find_all(subject) if gazetteer.place(name).level in ("county", "prefecture", "province")]


def _canonical_region(name: str) -> str:
    from govkg.loaders.gazetteer import load_gazetteer

    places = _places_in(name)
    if places:
        return places[-1]
    gazetteer = load_gazetteer()
    return gazetteer.place(name).name if name in gazetteer else name


def _government(region: str) -> str:
    from govkg.loaders.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    official = gazetteer.place(region).official if region in gazetteer else None
    return f"{official or region}人民政府"


def _government_kind(region: str) -> str:
    if region.endswith(("自治区", "特别行政区")):
        return "province government"  # province-level, not a district
    suffix = "州" if region.endswith("自治州") else region[-1:]
    return f"{_KIND.get(suffix, 'local')} government"


def _body(subject: str) -> tuple[str, str, str]:
    """Region, reporting body and kind of body named by a title's subject.

    中共XX县委 XX县人民政府 → a joint party-government report; XX区司法局 → a department; XX区 or
    XX区人民政府 → the district government.
    """
    from govkg.loaders.gazetteer import load_gazetteer
    from govkg.loaders.rules.bodies import party_committee

    gazetteer = load_gazetteer()
    subject = re.sub(r"\s+", " ", subject).strip()
    spans = [(s, e, n) for s, e, n in gazetteer.find_all(subject) if gazetteer.place(n).level in ("county", "prefecture", "province")]
    party = _PARTY.search(subject)
    government = bool(re.search("政府(?!办公室|办)", subject))  # 县人民政府办公室 is a department
    if spans:
        start, end, region = spans[-1]
        rest = subject[end:].strip()
    else:
        region = _named_region(subject)
        if not region:
            return "", "", ""
        rest = subject[subject.find(region) + len(region):].strip()
    without_group = _PARTY_GROUP.sub("", rest)
    if without_group != rest and _DEPARTMENT.search(without_group):  # 中共XX县教育局党组: the department reports
        rest, party = without_group, None
    official = gazetteer.place(region).official if region in gazetteer else None
    short = official or region
    if party and government:
        return region, f"{party_committee(short)}、{_government(region)}", "joint party-government"
    if party and not rest.replace("委", "").strip():
        return region, party_committee(short), "party committee"
    if rest and not government and _DEPARTMENT.search(rest):
        if rest.startswith(_BRANCH) and spans and spans[0][0] < start:  # 广州市公安局增城区分局: the city bureau's branch
            return region, subject[spans[0][0]:], "department"
        return region, f"{short}{rest}", "department"
    return region, _government(region), _government_kind(region)


def _published(text: str, year: int) -> str | None:
    """The date of a page's 发布时间 row or a dated line at the top, else of the signature; never one inside a sentence."""
    def dated_lines(part: str) -> str:
        return "\n".join(line for line in part.split("\n") if len(line.strip()) <= 60 and not re.search("[。；《]", line))

    for found in _DATE.finditer(dated_lines(text[:600]) + "\n" + dated_lines(text[-300:])):
        y, m, d = int(found["y"]), int(found["m"]), int(found["d"])
        if y >= year and 1 <= m <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def chrome_spans(text: str, chrome_lines: list[str]) -> list[tuple[int, int]]:
    """Character ranges of page-chrome lines (返回上一级, 字号, 打印…) to be ignored."""
    spans, offset = [], 0
    chrome = set(chrome_lines)
    for line in text.split("\n"):
        if line.strip() in chrome or _DATE.fullmatch(line.strip() or "x"):
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans
