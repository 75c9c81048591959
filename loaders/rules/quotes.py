"""Quoted names: “…” followed by a head (“枫桥式”工作机制), chains sharing one head, qualifiers before.

“一网通办”“一网统管”平台 is two platforms; 国家机关“谁执法谁普法”责任制 keeps its qualifier;
a quote with its own head inside (“府院联动机制”) needs none after; a bare quote after an
action verb (深化“放管服”) is a mechanism; quotes inside a 《》 title name mechanisms too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from govkg.loaders.rules.base import PUNCT, QUOTE, TITLE, Candidate, Context, RelationRecord, alternation, inside, normalise
from govkg.loaders.rules.component import CANDIDATES, SPANS, RuleComponent, VocabularySlice
from govkg.ontology.terms import Class

_CHAIN_LINK = re.compile("(?:、|和|及|以及|与)?")
_SUFFIX_END = re.compile("[" + "".join(map(re.escape, sorted(PUNCT | set("“”《》")))) + "]")
_CJK_RUN = re.compile("[\u4e00-\u9fff]+")

_PERFECTIVE = "了"
_WHOLE_REGION = ("全区", "全县", "全市", "全旗", "全州")
_AGREEMENT_ENDS = ("协议", "备忘录")
_FUNCTION_WORDS = "从向对把将被由与和及在为的"
_PERIOD = re.compile("[一二三四五六七八九十]{2,3}")
"""A quote of numerals alone (实施“八五”普法规划, 落实“十四五”规划): a plan's period, no mechanism of its own."""


class QuoteHead(NamedTuple):
    """A head word after (or inside) a quote and the classes of the name it ends."""

    word: str
    type: Class
    cls: Class


@dataclass(frozen=True)
class QuoteVocabulary(VocabularySlice):
    quote_heads: tuple[QuoteHead, ...]
    quote_action_verbs: tuple[str, ...]
    quote_suffix_stops: tuple[str, ...]
    suffix_stop_words: tuple[str, ...]
    np_stop_chars: str
    phrase_verbs: dict[Class, tuple[str, ...]]


@Language.factory("govkg_quotes", assigns=[CANDIDATES, SPANS], requires=[], default_config={"max_suffix": 16, "max_prefix": 8})
class QuoteRule(RuleComponent):
    """Quoted names followed by a head (制度/机制/平台/团队/培训班…), chains sharing one head.

    Args:
        max_suffix: the longest noun phrase read after a closing quote.
        max_prefix: the longest qualifier read before an opening quote.
    """

    Vocabulary = QuoteVocabulary
    vocabulary: QuoteVocabulary

    def __init__(self, nlp: Language, name: str, max_suffix: int, max_prefix: int) -> None:
        super().__init__(nlp, name)
        self.max_suffix = max_suffix
        self.max_prefix = max_prefix

    def prepare(self) -> None:
        vocabulary = self.vocabulary
        self._heads = sorted(vocabulary.quote_heads, key=lambda h: len(h.word), reverse=True)
        self._head_words = tuple(h.word for h in self._heads)
        self._any_stop = re.compile(alternation(vocabulary.quote_suffix_stops))
        self._any_stop_word = re.compile(alternation(vocabulary.suffix_stop_words))
        # 依托皇都村鼓楼建成“…”调解工作室: a verb setting a unit up ends the qualifier too
        founding = (Class.MediationCentre, Class.ObservationPoint, Class.Institution)
        verbs = set(vocabulary.phrase_verbs[Class.Mechanism]) | set(vocabulary.quote_action_verbs) | {v for c in founding for v in vocabulary.phrase_verbs[c]}
        self._prefix_verbs = sorted(verbs, key=len, reverse=True)

    def head_of(self, phrase: str) -> QuoteHead | None:
        """The head a phrase ends in, longest first, or None."""
        if not phrase.endswith(self._head_words):  # one test for all heads: most phrases end in none
            return None
        for head in self._heads:
            if phrase.endswith(head.word):
                return head
        return None

    def find(self, doc: Doc, ctx: Context) -> tuple[Sequence[Candidate], Sequence[RelationRecord]]:
        text = ctx.text
        in_titles = [(m.start(), m.end()) for m in TITLE.finditer(text)]
        found = list(QUOTE.finditer(text))
        out: list[Candidate] = []
        i = 0
        while i < len(found):
            chain = [found[i]]
            while i + 1 < len(found) and _CHAIN_LINK.fullmatch(text, chain[-1].end(), found[i + 1].start()):
                i += 1
                chain.append(found[i])
            i += 1
            last = chain[-1]
            if inside(last.start(), in_titles):
                title_end = next(e for s, e in in_titles if s <= last.start() < e)
                if text.endswith(_AGREEMENT_ENDS, 0, title_end - 1):
                    continue  # 《闽粤边界“三地一家亲”…联调协议》: the quote names the agreement, no mechanism of its own
                for q in chain:
                    if self.head_of(q.group(1)) is None:
                        out.append(Candidate(Class.Mechanism, Class.Mechanism, q.group(1), q.start(), q.end(), q.group(0), "quote-in-title"))
                continue
            suffix, head = self._suffix(text, last.end())
            for q in chain:
                inner = q.group(1)
                own = self.head_of(inner)
                # “宪法宣传周”集中宣传活动: the longer name (not in “A观察会”等主题观察会: a list of kinds)
                if own is not None and not (q is last and head is not None and not text.startswith("等", q.end())):
                    start = self._prefix(text, q.start(), ctx.token_starts) if q is chain[0] else q.start()
                    name = normalise(inner) if start == q.start() else normalise(text[start:q.end()])
                    out.append(Candidate(own.type, own.cls, name, start, q.end(), text[start:q.end()], "quote"))
                    continue
                if head is not None:
                    end = q.end() + len(suffix) if q is last else q.end()
                    start = self._prefix(text, q.start(), ctx.token_starts) if q is chain[0] else q.start()
                    name = normalise(text[start:q.end()] + suffix)
                    out.append(Candidate(head.type, head.cls, name, start, end, text[start:end], "quote"))
                elif self._governed_by_action(text, chain[0].start()) and not _PERIOD.fullmatch(q.group(1)):
                    out.append(Candidate(Class.Mechanism, Class.Mechanism, normalise(q.group(0)), q.start(), q.end(), q.group(0), "quote"))
        return out, ()

    def _suffix(self, text: str, position: int) -> tuple[str, QuoteHead | None]:
        """The noun phrase right after a closing quote, up to its last known head."""
        limit = self.max_suffix
        pause = _SUFFIX_END.search(text, position, position + limit + 4)
        run = text[position:pause.start() if pause else position + limit + 4]
        if self._any_stop.search(run):
            for stop in self.vocabulary.quote_suffix_stops:
                k = run.find(stop)
                if k >= 0:
                    run = run[:k]
        if run.startswith("等"):
            run = run[1:]
        if self._any_stop_word.search(run):
            for verb in self.vocabulary.suffix_stop_words:
                k = run.find(verb)
                if k > 0:
                    run = run[:k]
        for end in range(len(run), 0, -1):
            head = self.head_of(run[:end])
            if head is not None:
                return (run[:end], head) if end <= limit else ("", None)
        return "", None

    def _prefix(self, text: str, position: int, words: frozenset[int] = frozenset()) -> int:
        """Start of a qualifier written before a quoted name (国家机关“谁执法谁普法”…), if any.

        The qualifier starts where a word starts: in 落实行政执法“三项制度” the verb is 落实, not 实行.
        """
        window_start = position
        while window_start > 0 and position - window_start < 10 and text[window_start - 1] not in PUNCT and text[window_start - 1] not in "”》":
            window_start -= 1
        window = text[window_start:position]
        best = -1
        for verb in self._prefix_verbs:
            k = window.rfind(verb)
            while k >= 0 and words and window_start + k + len(verb) not in words:
                k = window.rfind(verb, 0, k + len(verb) - 1)
            if k >= 0 and k + len(verb) > best:
                best = k + len(verb)
        if best >= 0 and window.startswith(_PERFECTIVE, best):
            best += len(_PERFECTIVE)  # 开展了“…”活动: 了 ends the verb
        if best < 0 and window.startswith(_WHOLE_REGION) and (window_start == 0 or text[window_start - 1] in PUNCT or text[window_start - 1] == "\n"):
            best = 2  # 全县行政执法“三项制度”: the qualifier follows the region's scope that opens the clause
        if best < 0 or best == len(window):
            return position
        prefix = window[best:]
        if prefix[0] in self.vocabulary.np_stop_chars or len(prefix) > self.max_prefix or not _CJK_RUN.fullmatch(prefix):
            return position
        return window_start + best

    def _governed_by_action(self, text: str, position: int) -> bool:
        """An action verb right before the quote, or before the qualifier the quote is written after (推行涉企行政执法“…”)."""
        before = text[max(0, position - 6):position]
        if any(verb in before for verb in self.vocabulary.quote_action_verbs):
            return True
        start = self._prefix(text, position)
        if start == position or any(ch in _FUNCTION_WORDS for ch in text[start:position]):
            return False  # 推动法律顾问从“被动咨询”…: the words before the quote are no qualifier of it
        return any(text.endswith(verb, 0, start) for verb in self.vocabulary.quote_action_verbs)
