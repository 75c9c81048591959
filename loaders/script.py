"""Traditional characters: a simplified copy of a text, character for character, for matching.

Reports mirrored in traditional characters (太倉市…法治政府建設工作情況報告) are read with the
simplified vocabulary and gazetteer; offsets must still point into the original text, so the
copy has the same length: OpenCC's ``t2s`` conversion line by line, and character by character
for a line whose phrase conversion would change its length.
"""

from __future__ import annotations

import re
from functools import lru_cache

_TRADITIONAL_ONLY = frozenset("們這個來時為會對說過還從進與種當後點間無開關實現經發頭長裡體義應該區縣鄉鎮設機構報協議調處審監執務權責規劃產業環資訊")
"""Characters that only traditional texts write; a text with none of them is left alone."""
_TRADITIONAL_CHAR = re.compile("[" + "".join(sorted(_TRADITIONAL_ONLY)) + "]")


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def is_traditional(text: str, sample: int = 4000) -> bool:
    """Whether the text is written in traditional characters (a few tell-tale characters suffice)."""
    first = _TRADITIONAL_CHAR.search(text, 0, sample)
    return first is not None and _TRADITIONAL_CHAR.search(text, first.end(), sample) is not None


@lru_cache(maxsize=4)
def to_simplified(text: str) -> str:
    """The text in simplified characters, with every character at the same offset (cached: a report's text is read three times)."""
    if not is_traditional(text):
        return text
    convert = _converter().convert
    lines = []
    for line in text.split("\n"):
        simplified = convert(line)
        if len(simplified) != len(line):
            simplified = "".join(_char(ch) for ch in line)
        lines.append(simplified)
    return "\n".join(lines)


@lru_cache(maxsize=8192)
def _char(ch: str) -> str:
    simplified = _converter().convert(ch)
    return simplified if len(simplified) == 1 else ch
