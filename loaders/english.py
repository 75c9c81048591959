"""English names for researchers abroad: glossary translations, pinyin for the rest."""

from __future__ import annotations

import re
from functools import lru_cache

from govkg.loaders.vocabulary import load_glossary

_PLACE_SUFFIX = re.compile(r"^(?P<stem>[\u4e00-\u9fff]{1,6}?)(?P<suffix>新区|街道|区|县|市|镇|村|省)$")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


@lru_cache(maxsize=65536)
def _pinyin(text: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(text, style=Style.NORMAL)).capitalize()


def slug(text: str) -> str:
    """A lowercase ASCII slug of a Chinese name, e.g. 青浦区 → ``qingpuqu``."""
    from pypinyin import lazy_pinyin

    ascii_text = "".join(lazy_pinyin(text))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def place_name_en(name: str) -> str:
    """青浦区 → Qingpu District; 胜新村 → Shengxin Village."""
    glossary = load_glossary()
    if name in glossary and len(name) > 1:
        return glossary[name]
    match = _PLACE_SUFFIX.match(name)
    if match is None:
        return _pinyin(name)
    return f"{_pinyin(match['stem'])} {glossary.get(match['suffix'], match['suffix'])}"


def english_name(name: str, places: list[str] | None = None) -> str:
    """Translate known terms of ``name`` and romanise the rest (cached: names recur across reports).

    Args:
        name: the Chinese canonical name.
        places: place names known to occur in it (rendered as ``Qingpu District``).

    Example: ``english_name("青浦区人民政府", ["青浦区"])`` → ``"Qingpu District People's Government"``.
    """
    return _english_name(name, tuple(sorted(places or ())))


@lru_cache(maxsize=65536)
def _english_name(name: str, places: tuple[str, ...]) -> str:
    terms, pattern = _terms(places)
    words: list[str] = []
    position = 0
    for match in pattern.finditer(name):
        words.extend(_romanise(name[position:match.start()]))
        words.append(terms[match.group(0)])
        position = match.end()
    words.extend(_romanise(name[position:]))
    return re.sub(r"\s+", " ", " ".join(w for w in words if w)).strip()


@lru_cache(maxsize=1024)
def _terms(places: tuple[str, ...]) -> tuple[dict[str, str], re.Pattern[str]]:
    """The glossary's terms and these places with their English, and a pattern matching the longest first.

    Cached: the glossary is large and a handful of place sets recur.
    """
    terms = {t: e for t, e in load_glossary().items() if len(t) > 1}
    for place in places:
        terms.setdefault(place, place_name_en(place))
    return terms, re.compile("|".join(map(re.escape, sorted(terms, key=len, reverse=True))))


def _romanise(chunk: str) -> list[str]:
    """Pinyin of what the glossary does not translate, one capitalised word per word of the text (Zhujiajiao Tribunal, not Zhujiajiaorenminfating)."""
    out: list[str] = []
    position = 0
    for run in _CJK_RUN.finditer(chunk):
        out.append(chunk[position:run.start()].strip("“”\"《》〈〉 "))
        out.extend(_pinyin(word) for word in _words(run.group(0)))
        position = run.end()
    out.append(chunk[position:].strip("“”\"《》〈〉 "))
    return out


@lru_cache(maxsize=65536)
def _words(run: str) -> tuple[str, ...]:
    """The words of a run of Chinese characters (jieba's segmentation), so pinyin reads word by word."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return tuple(w for w in jieba.cut(run) if w.strip())
