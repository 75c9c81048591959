"""jieba's word segmentation, computed by jieba-rs, as the pipeline's spaCy tokenizer.

The rules read word starts (``token_starts``), so the tokens must be jieba's. jieba-rs
(``rjieba``, the Rust port with jieba's dictionary and HMM) gives them some 30 times faster
than Python jieba, with three known differences that :func:`words` undoes or avoids:

* a run of letters, digits and ``.-%+#&_`` that is no dictionary word stays one word in
  jieba-rs (``2023-2025``); jieba splits it by its rule ``[a-zA-Z0-9]+(?:\\.\\d+)?%?`` and
  keeps what lies between (``2023``, ``-``, ``2025``);
* jieba-rs reads CJK Extension A, U+9FD6–U+9FFF, compatibility and supplementary
  ideographs as Chinese; jieba reads them one by one. A text holding one (rare in
  reports) is segmented by Python jieba itself;
* in an unknown run of characters whose HMM scores tie exactly (strings of one repeated
  character), the two may break the tie differently.

``tests/test_segmenter.py`` compares the two on every test text and on random strings.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc
from spacy.util import DummyTokenizer, registry
from spacy.vocab import Vocab

_JIEBA_SPLIT = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
"""jieba's split of an unknown non-Chinese run (its ``finalseg`` rule)."""
_CHINESE = re.compile("[\u4e00-\u9fd5]")
"""What jieba reads as Chinese."""
_CHINESE_TO_JIEBA_RS_ONLY = re.compile("[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
"""Ideographs jieba-rs reads as Chinese and jieba does not."""


@lru_cache(maxsize=1)
def _jieba_rs() -> Any:
    """rjieba's module-level segmenter (the one its import builds: a second would load the dictionary again)."""
    import rjieba

    return rjieba


def words(text: str) -> list[str]:
    """jieba's segmentation of ``text`` (``jieba.lcut(text)``): every character in exactly one word."""
    if _CHINESE_TO_JIEBA_RS_ONLY.search(text):
        return _python_jieba(text)
    segmenter = _jieba_rs()
    out: list[str] = []
    for word in segmenter.cut(text):
        if len(word) > 1 and not _CHINESE.search(word) and not word.isspace() and not segmenter.has_word(word):
            out += [part for part in _JIEBA_SPLIT.split(word) if part]
        else:
            out.append(word)
    return out


def _python_jieba(text: str) -> list[str]:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.lcut(text)


class JiebaTokenizer(DummyTokenizer):
    """A spaCy tokenizer with jieba's words (as ``spacy.blank("zh")`` with the jieba segmenter makes them)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        tokens, spaces = _words_and_spaces(words(text), text)
        return Doc(self.vocab, words=tokens, spaces=spaces)


def _words_and_spaces(found: list[str], text: str) -> tuple[list[str], list[bool]]:
    """spaCy's ``get_words_and_spaces`` for words that join to ``text``, in one pass.

    A single space after a word becomes its trailing space; other whitespace is a token.
    """
    tokens: list[str] = []
    spaces: list[bool] = []
    position = offset = 0
    length = len(text)
    for word in found:
        start = offset
        offset += len(word)
        if word.isspace():
            continue
        if start > position:
            tokens.append(text[position:start])
            spaces.append(False)
        tokens.append(word)
        position = offset
        if position < length and text[position] == " ":
            spaces.append(True)
            position += 1
        else:
            spaces.append(False)
    if position < length:
        tokens.append(text[position:])
        spaces.append(False)
    return tokens, spaces


@registry.tokenizers("govkg.jieba_tokenizer.v1")
def create_jieba_tokenizer() -> Any:
    """The config entry of :class:`JiebaTokenizer` (``@tokenizers = "govkg.jieba_tokenizer.v1"``)."""

    def make(nlp: Any) -> JiebaTokenizer:
        return JiebaTokenizer(nlp.vocab)

    return make
