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
from typing import Any

from spacy.tokens import Doc
from spacy.util import DummyTokenizer, registry
from spacy.vocab import Vocab

_JIEBA_SPLIT = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
"""jieba's split of an unknown non-Chinese run (its ``finalseg`` rule)."""
_JOINER = re.compile(r"[.%+#&_\-]")
"""The characters jieba-rs joins into a run of letters and digits."""
_CHINESE_TO_JIEBA_RS_ONLY = re.compile("[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
"""Ideographs jieba-rs reads as Chinese and jieba does not."""


def words(text: str) -> list[str]:
    """jieba's segmentation of ``text`` (``jieba.lcut(text)``): every character in exactly one word."""
    if _CHINESE_TO_JIEBA_RS_ONLY.search(text):
        return _python_jieba(text)
    import rjieba  # its module-level segmenter: a second ``rjieba.Jieba()`` would load the dictionary again

    found = rjieba.cut(text)
    if not _JOINER.search(text):
        return found
    out: list[str] = []
    for word in found:
        # only an ASCII run holding a joiner can differ (a Chinese one, or letters and digits alone, cannot)
        if len(word) > 1 and word.isascii() and not word.isalnum() and not rjieba.has_word(word):
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
    run: list[str] = []  # the whitespace words since the last word
    for word in found:
        if word.isspace():
            run.append(word)
            continue
        if run:
            _flush(run, tokens, spaces)
        tokens.append(word)
        spaces.append(False)
    if run:
        _flush(run, tokens, spaces)
    return tokens, spaces


def _flush(run: list[str], tokens: list[str], spaces: list[bool]) -> None:
    """A run of whitespace: its first space trails the word before it; the rest is one token."""
    gap = "".join(run)
    run.clear()
    if tokens and gap[0] == " ":
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        tokens.append(gap)
        spaces.append(False)


@registry.tokenizers("govkg.jieba_tokenizer.v1")
def create_jieba_tokenizer() -> Any:
    """The config entry of :class:`JiebaTokenizer` (``@tokenizers = "govkg.jieba_tokenizer.v1"``)."""

    def make(nlp: Any) -> JiebaTokenizer:
        return JiebaTokenizer(nlp.vocab)

    return make
