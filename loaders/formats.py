"""Report files in the formats government websites publish: text, saved web pages, PDF and Word.

``read_text(path)`` returns the report text of one file, whatever its format, with one
paragraph per line (paragraphs separated by a blank line, as in the ``.txt`` reports):

- ``.txt``/``.text``: the bytes decoded by :func:`govkg.loaders.text.decode` (page chrome kept);
- ``.html``/``.htm``/``.shtml``/``.xhtml``: decoded honouring a BOM or ``<meta charset>``, then the
  article body found by readability-lxml (navigation, share buttons, related links and footers
  dropped); the page's report title (``<h1>``/``<title>``) is put first when the body lacks it;
- ``.pdf``: the text layer read page by page with pdfminer.six; wrapped lines are joined back into
  paragraphs from their geometry (first-line indent, short last line), without spaces between
  Chinese characters; page numbers such as ``— 3 —`` are dropped;
- ``.docx``: the paragraphs and table rows of the body, in order (python-docx).

Every failure is an :class:`~govkg.errors.InputError` whose one-line message starts with the path.
"""

from __future__ import annotations

import codecs
import io
import logging
import re
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from govkg.errors import InputError
from govkg.loaders.text import MAX_BYTES, decode, is_title

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml"})
SUFFIXES: frozenset[str] = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx"}
"""File suffixes (lower case) that :func:`read_text` reads."""

MAX_DOCX_XML = 10 * MAX_BYTES
"""A .docx whose parts unpack past this is refused (a zip bomb, not a report)."""

_CJK = "\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2014\u2026\u2018\u2019\u201c\u201d"
_SPACE_IN_CJK = re.compile(f"(?<=[{_CJK}])[ \\t]+(?=[{_CJK}])")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_REPORT_TITLE = re.compile(r"(?:19|20)\d{2}\s*年度?.{2,40}?(?:报告|总结)|.{2,30}?(?:19|20)\d{2}\s*年度?.{2,30}?(?:报告|总结)")
_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–－_~·•\s]*\d{1,4}[-—–－_~·•\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile("[。！？；]")


def read_text(path: str | Path) -> str:
    """The report text of a ``.txt``, ``.html``/``.htm``, ``.pdf`` or ``.docx`` file.

    Raises:
        InputError: unsupported suffix, missing, too large, empty, binary or undecodable,
            corrupt or truncated, a PDF without a text layer, a page without article text,
            an encrypted document. The message is one line naming the file and the reason.
    """
    path = Path(path)
    try:
        if not path.exists():
            raise InputError(f"{path}: no such file")
        if path.is_dir():
            raise InputError(f"{path}: is a directory, expected a report file")
    except (OSError, ValueError) as error:  # a name too long, a NUL byte in it
        raise InputError(f"{path}: cannot read ({getattr(error, 'strerror', None) or error})") from None
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        hint = "; save it as .docx" if suffix == ".doc" else ""
        raise InputError(
            f"{path}: unsupported file type '{suffix or '(no suffix)'}' (supported: {', '.join(sorted(SUFFIXES))}){hint}"
        )
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size / 1e6:.0f} MB is too large for one report (limit {MAX_BYTES // 2**20} MiB)")
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    source = str(path)
    if suffix in TEXT_SUFFIXES:
        return decode(data, source)
    reader, failure = {
        ".pdf": (_pdf_text, "truncated or corrupt PDF"),
        ".docx": (_docx_text, "truncated or corrupt .docx file"),
    }.get(suffix, (_html_text, "cannot parse the HTML page"))
    try:
        return reader(data, source)
    except InputError:
        raise
    except Exception as error:  # noqa: BLE001 - hostile input can break a parser in any way
        raise InputError(f"{source}: {failure} ({_one_line(error)})") from None


def _one_line(error: BaseException) -> str:
    message = " ".join(str(error).split())
    name = type(error).__name__
    return f"{name}: {message[:120]}" if message else name


def _paragraphs(lines: list[str], *, cjk_spaces: bool = True) -> str:
    """Join non-empty paragraphs with a blank line, as in the .txt reports.

    With ``cjk_spaces=False`` spaces between two Chinese characters are dropped (a PDF's
    layout gaps, never the author's).
    """
    cleaned = [" ".join(line.split()) for line in lines]
    if not cjk_spaces:
        cleaned = [_SPACE_IN_CJK.sub("", line) for line in cleaned]
    return "\n\n".join(line for line in cleaned if line) + "\n"


# --------------------------------------------------------------------------- HTML

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody thead tfoot tr ul".split()
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_MARKUP = re.compile(rb"(?is)<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>")
_PAGE_DATE = re.compile(r"(?:19|20)\d{2}\s*(?:[.\-/]|年)\s*\d{1,2}\s*(?:[.\-/]|月)\s*\d{1,2}日?")
_PUBLISHED = re.compile(r"(?:发布|发文|成文|公开)(?:日期|时间)\s*[:：]\s*(" + _PAGE_DATE.pattern + ")")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_GB_ALIASES = {"gb2312", "gbk", "gb_2312", "gb_2312-80", "x-gbk", "cp936", "csgb2312", "chinese", "iso-ir-58", "euc-cn", "hz-gb-2312"}


def _html_text(data: bytes, source: str) -> str:
    html = _decode_html(data, source)
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)  # lxml refuses str input that declares an encoding
    html = _CONTROLS.sub("", html)  # stray control characters, which lxml refuses
    if not html.strip():
        raise InputError(f"{source}: the file is empty")

    import lxml.etree
    import lxml.html
    from readability import Document
    from readability.readability import Unparseable

    try:
        with _quiet("readability"):
            summary = Document(html).summary(html_partial=True)
    except Unparseable as error:
        raise InputError(f"{source}: no article text in the page ({_one_line(error)})") from None
    article = lxml.html.fromstring(summary) if summary.strip() else None
    if article is None or _article_chars(article) < 20:
        raise InputError(f"{source}: no article text in the page (only navigation, links or footer)")
    lines = _block_lines(article)
    try:
        page = lxml.html.document_fromstring(html)
        title, published = _page_title(page), _page_date(page)
    except (ValueError, lxml.etree.ParserError):
        title = published = None
    # the title and the date stand in the page's header, which the article body lacks
    if published and not any(_PAGE_DATE.search(line) for line in lines[:3]):
        lines.insert(0, f"发布日期：{published}")
    if title and title not in lines:
        lines.insert(0, title)
    return _paragraphs(lines)


def _decode_html(data: bytes, source: str) -> str:
    """HTML bytes to text: BOM, then a declared charset, then UTF-8, then what decode() would pick."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(f"{source}: the page is not valid {encoding.upper()} despite its byte-order mark") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: this is a binary file, not an HTML page")
    head = data[:4096]
    declared = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if declared:
        codec = _codec(declared.group(1).decode("ascii").lower())
        if codec:
            encoding = codec
            text = _mostly(data, encoding, 0.005)
            # a page declared Latin-1 that holds Chinese bytes is a wrong declaration: guess instead
            if text is not None and (_HAN.search(text) or data.isascii()):
                return text
    text = _mostly(data, "utf-8", 0.001)  # a saved page with a few broken bytes is still UTF-8
    if text is not None:
        return text
    visible = _MARKUP.sub(b" ", data)
    sniffed = decode(visible, source)  # raises InputError when no Chinese encoding fits
    for encoding in ("utf-8-sig", "gb18030", "big5", "big5hkscs"):
        try:
            if visible.decode(encoding).replace("\r\n", "\n").replace("\r", "\n") == sniffed:
                return data.decode(encoding, errors="replace")
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{source}: cannot decode the page as UTF-8, GB18030 or Big5 Chinese")
    return str(best)


def _mostly(data: bytes, encoding: str, damage: float) -> str | None:
    """The bytes decoded, if at most this share of the characters had to be replaced."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        pass
    except LookupError:
        return None
    text = data.decode(encoding, errors="replace")
    return text if text.count("\ufffd") <= damage * len(text) else None


def _codec(label: str) -> str | None:
    if label in _GB_ALIASES or label.startswith("gb"):
        return "gb18030"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):  # as browsers do: a page that could say so is not UTF-16
        return "utf-8"
    return "big5hkscs" if name == "big5" else name


def _article_chars(article) -> int:
    """Chinese characters of the article's sentences that are not link text."""
    total = 0
    for block in article.iter():
        if not isinstance(block.tag, str) or block.tag in ("a", "script", "style"):
            continue
        own = (block.text or "") + "".join(child.tail or "" for child in block)
        if _SENTENCE_END.search(own):
            total += len(_HAN.findall(own))
    return total


def _block_lines(root) -> list[str]:
    """Text of an HTML tree with a line break at each block element, <br> and table row."""
    parts: list[str] = []

    def walk(node) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("script", "style", "noscript", "template") or not isinstance(node.tag, str):
            if node.tail:
                parts.append(node.tail)
            return
        block = tag in _BLOCK_TAGS
        if block or tag == "br":
            parts.append("\n")
        elif tag in ("td", "th"):
            parts.append(" ")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    walk(root)
    text = "".join(parts).replace("\xa0", " ")
    # a line break inside the source of a paragraph is no break and, between Chinese characters, no space
    text = re.sub(f"(?<=[{_CJK}])[ \\t\\r\\f]*\\n[ \\t\\r\\f]*(?=[{_CJK}])", "\x01", text)
    lines = []
    for line in re.split(r"\n+", text):
        line = line.replace("\x01", "")
        lines.append(" ".join(line.split()))
    return [line for line in lines if line]


def _page_date(document) -> str | None:
    """The publication date of a page: 发布日期/发布时间 in its text, else a PubDate-like meta."""
    found = _PUBLISHED.search(" ".join(document.text_content().split()))
    if found:
        return found.group(1)
    for meta in document.iter("meta"):
        if (meta.get("name") or "").lower() in ("pubdate", "publishdate", "firstpublishedtime", "publishtime"):
            found = _PAGE_DATE.search(meta.get("content") or "")
            if found:
                return found.group(0)
    return None


def _page_title(document) -> str | None:
    """The report title of a page: from <h1>/<h2>, the ArticleTitle meta or <title>."""
    h1 = [" ".join(h.text_content().split()) for h in document.iter("h1")]
    candidates = h1 + [" ".join(h.text_content().split()) for h in document.iter("h2")]
    candidates += [" ".join((m.get("content") or "").split()) for m in document.iter("meta")
                   if (m.get("name") or "").lower() in ("articletitle", "title")]
    for element in document.iter("title"):
        whole = " ".join(element.text_content().split())
        candidates += [part.strip() for part in re.split(r"\s*[_|｜–—\-]+\s*", whole)] + [whole]
    for candidate in candidates:
        if candidate and (_REPORT_TITLE.fullmatch(candidate) or is_title(candidate)):
            return candidate
    headings = [c for c in h1 if c and len(c) <= 60]  # not of the genre: the page's own heading
    return headings[0] if headings else None


# --------------------------------------------------------------------------- PDF

def _pdf_text(data: bytes, source: str) -> str:
    start = data.find(b"%PDF-", 0, 1024)
    if start < 0:
        raise InputError(f"{source}: not a PDF file (no %PDF header)")
    if b"%%EOF" not in data[-2048:]:
        raise InputError(f"{source}: truncated or corrupt PDF (no end-of-file marker)")

    from pdfminer.layout import LAParams, LTTextContainer, LTTextLineHorizontal
    from pdfminer.high_level import extract_pages
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    pages: list[list[tuple[float, float, float, float, str]]] = []
    try:
        with _quiet("pdfminer"):
            for layout in extract_pages(io.BytesIO(data[start:]), laparams=LAParams()):
                lines = []
                bottom, top = layout.y0 + 0.12 * layout.height, layout.y1 - 0.1 * layout.height
                for box in layout:
                    if not isinstance(box, LTTextContainer):
                        continue
                    for line in box:
                        if isinstance(line, LTTextLineHorizontal):
                            text = line.get_text().strip()
                            margin = line.y1 < bottom or line.y0 > top
                            if text and not (margin and _PAGE_NUMBER.fullmatch(text)):
                                lines.append((line.x0, line.x1, line.y1, line.height, text))
                lines.sort(key=lambda item: (-round(item[2]), item[0]))
                pages.append(lines)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(f"{source}: the PDF is encrypted with a password") from None
    except (PDFSyntaxError, PSException) as error:
        raise InputError(f"{source}: truncated or corrupt PDF ({_one_line(error)})") from None
    if not pages:
        raise InputError(f"{source}: truncated or corrupt PDF (no pages)")
    all_lines = [line for page in pages for line in page]
    if not all_lines:
        raise InputError(f"{source}: the PDF has no text layer (a scan or images only; it needs OCR first)")
    text = "".join(line[4] for line in all_lines)
    unmapped = len(re.findall(r"\(cid:\d+\)", text))
    if unmapped * 4 > len(_HAN.findall(text)) + unmapped:
        raise InputError(f"{source}: the PDF's text layer cannot be decoded (fonts without a Unicode map)")
    return _paragraphs(_pdf_paragraphs(pages), cjk_spaces=False)


def _pdf_paragraphs(pages: list[list[tuple[float, float, float, float, str]]]) -> list[str]:
    """Join wrapped lines: a paragraph starts on an indented line, after a short line or a wide gap."""
    lines = [line for page in pages for line in page]
    left = _mode(round(x0) for x0, *_ in lines)
    right = _mode(round(x1) for _, x1, *_ in lines)
    pitches = [a[2] - b[2] for page in pages for a, b in zip(page, page[1:]) if 0 < a[2] - b[2]]
    pitch = _mode(round(p) for p in pitches) if pitches else 0
    paragraphs: list[str] = []
    previous = None
    for page_number, page in enumerate(pages):
        for index, (x0, x1, y1, height, text) in enumerate(page):
            char = max(height, 4.0)
            new = previous is None or x0 > left + 0.6 * char or previous[1] < right - 2 * char
            if not new and index > 0 and pitch and page[index - 1][2] - y1 > 1.6 * pitch:
                new = True
            if new:
                paragraphs.append(text)
            else:
                paragraphs[-1] = _join(paragraphs[-1], text)
            previous = (x0, x1, page_number)
    return paragraphs


def _join(head: str, tail: str) -> str:
    """Two pieces of a wrapped line: a space only between two Latin words."""
    if head[-1:].isascii() and head[-1:].isalpha() and tail[:1].isascii() and tail[:1].isalpha():
        return f"{head} {tail}"
    return head + tail


def _mode(values) -> float:
    counts = Counter(values)
    return counts.most_common(1)[0][0] if counts else 0


# --------------------------------------------------------------------------- DOCX

def _docx_text(data: bytes, source: str) -> str:
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise InputError(
            f"{source}: an encrypted (password-protected) or legacy Word 97-2003 document, not a .docx; "
            "save it as an unprotected .docx"
        )
    if not data.startswith(b"PK"):
        raise InputError(f"{source}: corrupt .docx file (not a zip package)")
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, ValueError, EOFError, OSError) as error:
        raise InputError(f"{source}: truncated or corrupt .docx file ({_one_line(error)})") from None
    if "word/document.xml" not in names:
        raise InputError(f"{source}: corrupt .docx file (no word/document.xml; not a Word document)")
    if unpacked > MAX_DOCX_XML:
        raise InputError(f"{source}: the .docx unpacks to {unpacked / 1e6:.0f} MB, too large for one report")

    from docx import Document
    from docx.table import Table

    document = Document(io.BytesIO(data))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if value and (not cells or cells[-1] != value):  # merged cells repeat
                        cells.append(value)
                lines.append(" ".join(cells))
        else:
            lines.extend(block.text.split("\n"))
    text = _paragraphs(lines)
    if not text.strip():
        raise InputError(f"{source}: the .docx has no text")
    return text


# --------------------------------------------------------------------------- helpers

@contextmanager
def _quiet(name: str):
    """Silence a library's warnings about damaged input while it runs (the errors still raise)."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.ERROR + 1)
    try:
        yield
    finally:
        logger.setLevel(level)
