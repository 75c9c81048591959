"""English names for researchers abroad: glossary translations, pinyin for the rest."""

from __future__ import annotations

import re
from functools import lru_cache

from govkg.loaders.vocabulary import load_glossary

_PLACE_SUFFIX = re.compile(r"^(?P<stem>[\u4e00-\u9fff]{1,6}?)(?P<suffix>新区|街道|区|县|市|镇|乡|村|省|河|湖|江)$")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


@lru_cache(maxsize=65536)
def _pinyin(text: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(text, style=Style.NORMAL)).capitalize()


def slug(text: str) -> str:
    """A lowercase ASCII slug of a Chinese name, e.g. 青浦区 → ``qingpuqu``, 闵行区司法局 → ``minhangqusifaju``.

    Divisions are read as the gazetteer romanises them (闵行, not Minxing).
    """
    from pypinyin import lazy_pinyin

    from govkg.loaders.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    parts, position = [], 0
    for start, end, name in gazetteer.find_all(text):
        place = gazetteer.place(name)
        if place.pinyin and place.proper:
            parts += lazy_pinyin(text[position:start])
            parts += [place.pinyin.replace("'", ""), *lazy_pinyin(text[start + len(place.proper):end])]
            position = end
    parts += lazy_pinyin(text[position:])
    return re.sub(r"[^a-z0-9]+", "-", "".join(parts).lower()).strip("-") or "x"


def place_name_en(name: str) -> str:
    """青浦区 → Qingpu District; 闵行区 → Minhang District; 胜新村 → Shengxin Village."""
    glossary = load_glossary()
    if name in glossary and len(name) > 1:
        return glossary[name]
    from govkg.loaders.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    place = gazetteer.place(name) if name in gazetteer else None
    if place is not None and place.pinyin and place.proper:
        official = place.official or place.name
        generic = official[len(place.proper):]
        english = next((glossary[generic[i:]] for i in range(len(generic)) if generic[i:] in glossary), "")
        return f"{place.pinyin} {english}".strip()
    match = _PLACE_SUFFIX.match(name)
    if match is None:
        return _pinyin(name)
    return f"{_pinyin(match['stem'])} {glossary.get(match['suffix'], match['suffix'])}"


def english_name(name: str, places: list[str] | None = None) -> str:
    """Translate known terms of ``name`` and romanise the rest (cached: names recur across reports).

    Args:
        name: the Chinese canonical name.
        places: place names known to occur in it, besides the divisions the gazetteer finds
            in it (rendered as ``Qingpu District``).

    Example: ``english_name("青浦区人民政府")`` → ``"Qingpu District People's Government"``.
    """
    return _english_name(name, tuple(sorted(places or ())))


@lru_cache(maxsize=65536)
def _english_name(name: str, places: tuple[str, ...]) -> str:
    return _document_title(name, places) or _term_by_term(name, places)


_YEAR = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年度?")
_TOPIC_FILLER = re.compile(r"^(?:年度)+|(?:工作|情况|年度|的)+$")


def _document_title(name: str, places: tuple[str, ...]) -> str | None:
    """A document's title in English word order, or None when ``name`` is not shaped like one.

    The genre titles documents [issuer]关于[topic]的[kind] or [issuer][year]年度[topic][kind]
    (萧县人民政府关于2023年度法治政府建设情况的报告 → Report of Xiao County People's Government on
    Law-Based Government Development in 2023); the kinds are the vocabulary's title heads.
    """
    from govkg.loaders.vocabulary import load_vocabulary

    glossary = load_glossary()
    kinds = [head for head, *_ in load_vocabulary()["title_heads"] if head in glossary and name.endswith(head)]
    if not kinds:
        return None
    kind = max(kinds, key=len)
    rest = name[: -len(kind)]
    if "关于" in rest and rest.endswith("的"):
        issuer, _, topic = rest[:-1].partition("关于")
    elif (year := _YEAR.search(rest)) is not None and "关于" not in rest:
        issuer, topic = rest[: year.start()], rest[year.start():]
    else:
        return None
    year = _YEAR.search(topic)
    topic = _TOPIC_FILLER.sub("", _YEAR.sub("", topic, count=1) if year else topic)
    english = glossary[kind]
    if issuer.strip():  # a joint title's issuers stand apart: 中共XX县委 XX县人民政府
        english += " of " + " and ".join(_term_by_term(part, places) for part in issuer.split())
    if topic:
        english += f" on {_term_by_term(topic, places)}"
    return english + (f" in {year['year']}" if year else "")


def _term_by_term(name: str, places: tuple[str, ...]) -> str:
    """Glossary terms translated and places named in English, in the order of the Chinese; the rest in pinyin."""
    from govkg.loaders.gazetteer import load_gazetteer

    found = [(start, end, place_name_en(place)) for start, end, place in load_gazetteer().find_all(name)]
    for place in places:
        at = name.find(place)
        if at >= 0:
            found.append((at, at + len(place), place_name_en(place)))
    terms, pattern = _glossary_terms()
    found += [(m.start(), m.end(), terms[m.group(0)]) for m in pattern.finditer(name)]
    words: list[str] = []
    position = 0
    for start, end, english in sorted(found, key=lambda f: (f[0], -f[1])):
        if start < position:
            continue
        words.extend(_romanise(name[position:start]))
        words.append(english)
        position = end
    words.extend(_romanise(name[position:]))
    english = re.sub(r"\s+", " ", " ".join(w for w in words if w)).strip()
    return re.sub(r"\b(County|District|City) \1\b", r"\1", english)  # 中共萧县县委: CPC Xiao County Committee


@lru_cache(maxsize=1)
def _glossary_terms() -> tuple[dict[str, str], re.Pattern[str]]:
    """The glossary's terms and one pattern matching the longest first (built once: the glossary is large)."""
    from govkg.loaders.rules.base import alternation

    terms = {t: e for t, e in load_glossary().items() if len(t) > 1}
    return terms, re.compile(alternation(terms))


def _romanise(chunk: str) -> list[str]:
    """Pinyin of what the glossary does not translate, one capitalised word per word of the text (Zhujiajiao Tribunal, not Zhujiajiaorenminfating)."""
    lone = load_glossary().get(chunk.strip())
    if lone is not None:  # a single character left between translated words: 中共临沭县委 → … County Committee
        return [lone]
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
    from govkg.loaders.segmenter import words

    return tuple(w for w in words(run) if w.strip())
