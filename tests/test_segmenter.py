"""The pipeline's tokens are jieba's: jieba-rs with jieba's rules gives what Python jieba gives."""

from __future__ import annotations

import logging
import random
from pathlib import Path

import jieba
import pytest
import spacy

from govkg.loaders.segmenter import JiebaTokenizer, words

DATA = Path(__file__).parent / "data"
jieba.setLogLevel(logging.WARNING)


def _texts() -> list[str]:
    texts = []
    for path in sorted(DATA.rglob("*.txt")) + sorted((Path(__file__).parent.parent / "data" / "reports").glob("*.txt")):
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:  # the test corpus holds GBK files on purpose
            continue
    return texts


def test_every_test_text_has_jiebas_words() -> None:
    texts = _texts()
    assert len(texts) > 40
    differing = [text[:40] for text in texts if words(text) != jieba.lcut(text)]
    assert differing == []


@pytest.mark.parametrize("seed", range(4))
def test_random_strings_have_jiebas_words(seed: int) -> None:
    """Chinese, letters, digits, jieba's joiners (.-%+#&_), full-width forms, whitespace, punctuation, kana, emoji, rare ideographs."""
    rng = random.Random(seed)
    alphabet = (list("法治政府建设年度报告工作会议推进长三角一体化示范区协议签订人民调解委员会中心万亿元个件次") * 3
                + list("abcXYZ0123456789０１Ａｂ") * 2 + list(".-%+#&_ \n\r\t\u3000\xa0，。、：；（）()《》“”/:ーあア😀é㐀鿖"))
    strings = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    differing = [s for s in strings if words(s) != jieba.lcut(s)]
    # jieba-rs and jieba may break an exact tie of HMM scores differently (strings of one repeated character)
    assert len(differing) <= 3, differing[:5]


def test_tokens_and_spaces_are_spacys_jieba_tokenizer() -> None:
    ours = spacy.blank("zh")
    ours.tokenizer = JiebaTokenizer(ours.vocab)
    theirs = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    for text in _texts()[:20] + ["a  b", " 青浦区 2023-2025年  工作\n\n完成 ", "   ", "", "x\u3000y",
                                  " 甲", "甲 ", "甲 \n 乙", "\r\n甲 \r\n", "甲\t 乙  ", "95.6% 增长"]:
        a, b = ours.make_doc(text), theirs.make_doc(text)
        assert [(t.text, t.whitespace_) for t in a] == [(t.text, t.whitespace_) for t in b]
        assert a.text == text
