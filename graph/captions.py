"""Short captions for Neo4j Browser: a node's distinguishing words, in lines that fit a circle.

Browser writes a caption inside the node's circle and cuts what does not fit; Chinese
names have no spaces, so it cannot wrap them and 青浦区金泽镇…观察点 names all look alike
(青浦区金…). The caption drops what nodes of a class share (a leading region, the class's
own head word such as 基层法治观察点) and breaks the rest into short space-separated
lines, which Browser wraps.
"""

from __future__ import annotations

import re

from govkg.ontology.schema import load_schema

MAX_CHARACTERS = 12
"""Longest caption kept whole; longer ones keep their first six and last four characters around an ellipsis."""

LINE = 4
"""Characters per caption line (a 60px circle holds about four at 9px)."""

_QUOTES = "“”\"'‘’《》〈〉「」"
_LEADING_REGION = re.compile(r"^[\u4e00-\u9fff]{2,4}?[省市区县]")
_LEADING_YEAR = re.compile(r"^\d{4}年度?")
_SHORT = 8


def _heads(class_name: str) -> list[str]:
    """Head words nodes of a class share: the Chinese labels of the class and of its top class."""
    schema = load_schema()
    cls = schema.classes.get(class_name)
    if cls is None:
        return []
    labels = {cls.label_zh, schema.classes[cls.top].label_zh} - {""}
    return sorted(labels, key=len, reverse=True)


def short_name(name: str, class_name: str) -> str:
    """The distinguishing part of a name, at most :data:`MAX_CHARACTERS` characters long."""
    text = "".join(ch for ch in name.strip() if ch not in _QUOTES) or name
    if len(text) > _SHORT:
        text = _LEADING_YEAR.sub("", text.removeprefix("关于"))
        region = _LEADING_REGION.match(text)
        if region and len(text) - region.end() >= 4:
            text = text[region.end():]
        for head in _heads(class_name):
            if text.endswith(head) and len(text) - len(head) >= 2:
                text = text[: -len(head)]
                break
    if len(text) > MAX_CHARACTERS:
        text = text[:6] + "…" + text[-4:]
    return text


def caption(name: str, class_name: str) -> str:
    """:func:`short_name` in lines of :data:`LINE` characters joined by spaces, so Browser can wrap it.

    >>> caption("昆山市淀山湖镇跨域基层法治观察点", "ObservationPoint")
    '淀山湖镇 跨域'
    """
    text = short_name(name, class_name)
    if " " in text or len(text) <= LINE + 1:
        return text
    head, ellipsis, tail = text.partition("…")
    lines = [head[i : i + LINE] for i in range(0, len(head), LINE)]
    if ellipsis:
        lines[-1] += ellipsis
        lines.append(tail)
    return " ".join(lines)
