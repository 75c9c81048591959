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

_TITLE = re.compile(
    r"^[ \t\u3000]*(?P<title>(?:(?P<year>(?:19|20)\d{2})\s*年度?\s*(?P<subject>[\u4e00-\u9fff]{2,30}?)"
    r"|(?P<subject2>[\u4e00-\u9fff]{2,30}?)\s*(?P<year2>(?:19|20)\d{2})\s*年度?)"
    r"\s*(?:法治政府建设|依法行政|法治建设)[\u4e00-\u9fff]{0,12}?(?:报告|总结))[ \t\u3000]*$",
    re.MULTILINE,
)
_REGION = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:新区|区|县|市|旗)")
_DEPARTMENT = re.compile(r"(?:局|委员会|委|办公室|办|院|中心)$")
_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*(?:[.\-/]|年)\s*(?P<m>\d{1,2})\s*(?:[.\-/]|月)\s*(?P<d>\d{1,2})日?")


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


def read_report(path: str | Path) -> ReportText:
    """Read a report file from disk: .txt, .html, .pdf or .docx.

    Raises:
        InputError: the path is missing, a directory, too large, of an unsupported kind,
            unreadable, or the text is not a report of the genre.
    """
    from govkg.loaders.formats import read_text

    path = Path(path)
    text = read_text(path)
    if len(text) > MAX_CHARS:
        raise InputError(f"{path}: {len(text):,} characters of text is too long for one report (limit {MAX_CHARS:,})")
    return ReportText(text=text, meta=report_meta(text, path.name, where=str(path)))


def parse_report(text: str, source: str = "<text>") -> ReportText:
    """Find a report's metadata in its text."""
    return ReportText(text=text, meta=report_meta(text, source))


def report_meta(text: str, source: str, where: str | None = None) -> ReportMeta:
    """Title, region, year, publication date and kind of body, from the text itself.

    Raises:
        InputError: no title of the genre in the text.
    """
    match = _TITLE.search(text)
    if match is None:
        raise InputError(
            f"{where or source}: not a rule-of-law government report (no title like 'YYYY年XX区法治政府建设情况报告')"
        )
    title = match.group("title").strip()
    year = int(match.group("year") or match.group("year2"))
    subject = match.group("subject") or match.group("subject2") or ""
    region, body_kind = _region_and_kind(subject)
    published = _published(text, year)
    from govkg.loaders.english import slug

    return ReportMeta(
        id=f"{slug(subject)}-{year}",
        title=title,
        region=region,
        year=year,
        published=published,
        source=source,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        body_kind=body_kind,
    )


def _region_and_kind(subject: str) -> tuple[str, str]:
    from govkg.loaders.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    places = [p for p in gazetteer.find_all(subject) if gazetteer.place(p[2]).level in ("county", "prefecture", "province")]
    region = places[-1][2] if places else ""
    if not region:
        found = _REGION.match(subject)
        region = found.group(0) if found else subject
    rest = subject[subject.find(region) + len(region):] if region in subject else ""
    if rest and _DEPARTMENT.search(rest):
        return region, "department"
    kind = {"区": "district", "县": "county", "市": "city", "旗": "county", "省": "province"}.get(region[-1:], "government")
    return region, f"{kind} government"


def _published(text: str, year: int) -> str | None:
    head = text[:600] + "\n" + text[-300:]
    for found in _DATE.finditer(head):
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
