"""Titles in 《》: documents and agreements typed by their head word, documents nested in 〈〉.

《…框架协议》 is an agreement by its head; 《…实施方案》 signed (签订) with others is a joint
action plan; 《…》团体标准 takes the class of the word after it; a national law written
short (《行政复议法》) gets its 中华人民共和国 name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from govkg.loaders.rules.base import TITLE, Candidate, Context, RelationRecord, alternation, clause_start, normalise
from govkg.loaders.rules.component import CANDIDATES, RELATIONS, SPANS, RuleComponent, VocabularySlice
from govkg.ontology.terms import Class, RelationType

_TRAILING_NOTE = re.compile(r"[(（][^()（）]{1,16}[)）]$")
_NESTED = re.compile(r"〈([^〈〉]{2,80})〉")
_CHAIN_LINKS = "、和及与 "
_PLAN_CLASSES = (Class.Plan, Class.Document, Class.Law, Class.Guideline, Class.Notice)


def _implementing(text: str, candidates: Sequence[Candidate], pattern: re.Pattern[str]) -> list[RelationRecord]:
    """IMPLEMENTS from a document drawn up to carry out the one the clause before names (贯彻落实《A》，制定《B》;
    对标《A》要求，出台《B》)."""
    at = {c.start: c for c in candidates if c.rule == "title"}
    out = []
    for match in pattern.finditer(text):
        higher, own = at.get(match.start("higher")), at.get(match.start("own"))
        if higher and own and own.type == Class.Document and own.cls in _PLAN_CLASSES and higher.key != own.key:
            out.append(RelationRecord(RelationType.IMPLEMENTS, own.key, higher.key, False, match.start(), match.end()))
    return out


_JOINT_ISSUING = ("联合发布", "共同发布", "联合制定", "共同制定", "联合出台", "共同出台", "联合印发")
"""Verbs by which several bodies issue one text: with a partner of another region, a list or rules they agree on."""


class TitleHead(NamedTuple):
    """A head word and the classes a title ending in it has (协议 → Agreement, CooperationAgreement)."""

    word: str
    type: Class
    cls: Class


@dataclass(frozen=True)
class TitleVocabulary(VocabularySlice):
    title_heads: tuple[TitleHead, ...]
    title_followers: tuple[TitleHead, ...]
    agreement_cues: tuple[str, ...]
    agreement_title_heads: tuple[str, ...]
    national_law_prefix: str
    not_law_endings: tuple[str, ...]
    relation_verbs: dict[RelationType, tuple[str, ...]]
    phrase_verbs: dict[Class, tuple[str, ...]]
    implementing_cues: tuple[str, ...]
    """Words before a document that another is drawn up to carry out (贯彻落实《A》, 对标《A》要求)."""
    drafting_verbs: tuple[str, ...]
    """Verbs that draw a document up (制定, 出台, 印发《B》)."""


class TitleReader:
    """How a title is typed and named: the part of the family the scorer and other rules reuse."""

    def __init__(self, vocabulary: TitleVocabulary) -> None:
        self.vocabulary = vocabulary
        self.heads = sorted(vocabulary.title_heads, key=lambda h: len(h.word), reverse=True)

    def classify(self, title: str, signed: bool = False, issued: bool = False) -> tuple[Class, Class]:
        """Top class and finer class of a title from its head word and cues; ``issued``: a verb says it was issued
        (联合印发《关于建立…联动机制的意见》), which the cues of an agreement in its words do not overrule."""
        vocabulary = self.vocabulary
        core = _TRAILING_NOTE.sub("", title)
        type_, cls = Class.Document, Class.Document
        for head in self.heads:
            if core.endswith(head.word):
                type_, cls = head.type, head.cls
                break
        if type_ == Class.Document and not issued and any(cue in core for cue in vocabulary.agreement_cues):
            if core.endswith(vocabulary.agreement_title_heads):
                return Class.Agreement, Class.JointActionPlan if cls == Class.Plan else Class.CooperationAgreement
        if signed and type_ == Class.Document:
            return Class.Agreement, Class.CooperationAgreement if cls != Class.Plan else Class.JointActionPlan
        return type_, cls

    def canonical(self, title: str, cls: Class) -> str:
        """Canonical title: national laws get their full 中华人民共和国 name."""
        name = normalise(title)
        prefix = self.vocabulary.national_law_prefix
        if (cls == Class.Law and name.endswith("法") and not name.endswith(self.vocabulary.not_law_endings) and len(name) <= 14
                and not name.startswith(prefix) and not re.search(r"\d", name)):
            return prefix + name
        return name


@Language.factory("govkg_titles", assigns=[CANDIDATES, SPANS, RELATIONS], requires=[], default_config={})
class TitleRule(RuleComponent):
    """Documents and agreements in 《》, with the documents nested in 〈〉 (which the outer one IMPLEMENTS)."""

    Vocabulary = TitleVocabulary
    vocabulary: TitleVocabulary

    def prepare(self) -> None:
        vocabulary = self.vocabulary
        self.reader = TitleReader(vocabulary)
        self._signed = set(vocabulary.relation_verbs[RelationType.PARTY_TO])
        self._issued = {*vocabulary.relation_verbs[RelationType.ISSUED], *_JOINT_ISSUING}
        verbs = {v for vs in vocabulary.relation_verbs.values() for v in vs} | set(vocabulary.phrase_verbs[Class.Document])
        self._verbs = sorted(verbs, key=len, reverse=True)
        self._implementing = re.compile(
            f"(?:{alternation(vocabulary.implementing_cues)})[^，。；《》\\n]{{0,14}}?《(?P<higher>[^《》\\n]{{2,160}})》"
            f"的?(?:要求|精神|部署|规定)?[，,]?[^，。；《》\\n]{{0,10}}?(?:{alternation(vocabulary.drafting_verbs)})了?《(?P<own>[^《》\\n]{{2,160}})》")

    def find(self, doc: Doc, ctx: Context) -> tuple[Sequence[Candidate], Sequence[RelationRecord]]:
        text = ctx.text
        reader = self.reader
        candidates: list[Candidate] = []
        relations: list[RelationRecord] = []
        for match in TITLE.finditer(text):
            title = match.group(1)
            verb = self._chain_verb(text, match.start())
            # 与渝北区市场监管局联合发布《…免罚清单》: a list, rules or opinions two regions' bodies issue together are agreed
            signed = verb in self._signed or (verb in _JOINT_ISSUING and title.endswith(self.vocabulary.agreement_title_heads)
                                              and self._partner_elsewhere(ctx, match.start() - len(verb)))
            type_, cls = reader.classify(title, signed, issued=not signed and verb in self._issued)
            for follower in self.vocabulary.title_followers:
                if text.startswith(follower.word, match.end()):
                    type_, cls = follower.type, follower.cls
            canonical = reader.canonical(title, cls)
            start, end = match.start(1), match.end(1)
            aliases = (normalise(title),) if canonical != normalise(title) else ()
            candidates.append(Candidate(type_, cls, canonical, start, end, title, "title", aliases))
            for inner in _NESTED.finditer(title):
                inner_type, inner_cls = reader.classify(inner.group(1))
                inner_canonical = reader.canonical(inner.group(1), inner_cls)
                candidates.append(
                    Candidate(Class.Document, inner_cls if inner_type == Class.Document else Class.Document, inner_canonical,
                              start + inner.start(1), start + inner.end(1), inner.group(1), "nested-title")
                )
                relations.append(RelationRecord(RelationType.IMPLEMENTS, canonical, inner_canonical, False, start, end))
        relations += _implementing(text, candidates, self._implementing)
        return candidates, relations

    @staticmethod
    def _partner_elsewhere(ctx: Context, verb_start: int) -> bool:
        """A与B联合发布《…》 with B a body of another region (与渝北区市场监管局): the title is the regions' joint act."""
        text = ctx.text
        start = clause_start(text, verb_start)
        partner = text.rfind("与", start, verb_start)
        if partner < 0:
            return False
        return any(ctx.gazetteer.place(name).level != "water" and name != ctx.region and not ctx.region.endswith(name)
                   for _, _, name in ctx.gazetteer.find_all(text[partner:verb_start], ctx.region))

    def _chain_verb(self, text: str, position: int) -> str:
        """The verb governing a chain of 《》 titles that ``position`` belongs to."""
        i = position
        while i > 0:
            j = i
            while j > 0 and text[j - 1] in _CHAIN_LINKS:
                j -= 1
            if j > 0 and text[j - 1] == "》":
                opening = text.rfind("《", 0, j)
                if opening < 0:
                    break
                i = opening
                continue
            break
        before = text[max(0, i - 8):i]
        for verb in self._verbs:
            if before.endswith(verb):
                return verb
        return ""
