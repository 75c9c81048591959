"""Bodies and their short forms: full names after a place (青浦区司法局), short forms owned by the
reporting region (区政府, 区市场监管局 → 青浦区市场监督管理局), bare courts (法院), the offices
inside a body (区政府办公室) and a body's platform (区政府门户网站).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from govkg.loaders.rules.base import CJK, CJK_CHAR, Candidate, Context, RelationRecord, alternation, inside
from govkg.loaders.rules.component import CANDIDATES, RELATIONS, SPANS, RuleComponent, VocabularySlice, candidates
from govkg.ontology.terms import Class, RelationType

_FUNCTION_CHARS = "对与和及、由经向在为同让请将把被从至并"
_SHORT_FORM = re.compile("区|县|市(?!场)")
_OWNER_LEVELS = (Class.Province, Class.Prefecture, Class.County)
_HEADS_NEEDING_A_BODY = ("委员会", "局", "委办", "办公室", "中心", "所", "大队", "支队")
_SUB_BODY_FORBIDDEN = re.compile("[及和与、]|政府|局|院|全年|审查")


class BodyHead(NamedTuple):
    """A head word of a body's name, the body's class, and the head written in full."""

    word: str
    cls: Class
    full: str


@dataclass(frozen=True)
class BodyVocabulary(VocabularySlice):
    institution_heads: tuple[BodyHead, ...]
    institution_body_forbidden: tuple[str, ...]
    bare_institutions: tuple[BodyHead, ...]
    abbreviations: tuple[tuple[str, str], ...]
    mediation_cues: tuple[str, ...]
    sub_institution_heads: tuple[str, ...]
    platform_heads: tuple[str, ...]
    relation_verbs: dict[RelationType, tuple[str, ...]]


@Language.factory("govkg_institutions", assigns=[CANDIDATES, SPANS, RELATIONS], requires=[CANDIDATES],
                  default_config={"max_body": 12, "max_sub_body": 12})
class BodyRule(RuleComponent):
    """Bodies: full names after a place, short forms, bare courts, sub-offices (PART_OF their body), platforms.

    Reads the places found before it (a full name starts with one).

    Args:
        max_body: the longest name between an owner and a head (区 + 市场监管 + 局).
        max_sub_body: the longest name of an office after its body.
    """

    Vocabulary = BodyVocabulary
    vocabulary: BodyVocabulary

    def __init__(self, nlp: Language, name: str, max_body: int, max_sub_body: int) -> None:
        super().__init__(nlp, name)
        self.max_body = max_body
        self.max_sub_body = max_sub_body

    def prepare(self) -> None:
        vocabulary = self.vocabulary
        heads = alternation(h.word for h in vocabulary.institution_heads)
        self._pattern = re.compile(f"(?P<body>[{CJK}]{{0,{self.max_body}}}?)(?P<head>{heads})")
        self._forbidden = re.compile(alternation(vocabulary.institution_body_forbidden))
        self._heads = {h.word: (h.cls, h.full) for h in vocabulary.institution_heads}
        self._bare = [(h, re.compile(re.escape(h.word))) for h in vocabulary.bare_institutions]
        self._sub = re.compile(f"[{CJK}]{{0,{self.max_sub_body}}}?(?:{alternation(vocabulary.sub_institution_heads)})")
        self._verbs = [v for vs in vocabulary.relation_verbs.values() for v in vs]
        self._platforms = re.compile(alternation(vocabulary.platform_heads))

    def named(self, body: str, head: str, owner: str) -> tuple[Class, str] | None:
        """(class, canonical) of a body named ``owner`` + ``body`` + ``head``, or None."""
        vocabulary = self.vocabulary
        if self._forbidden.search(body):
            return None
        cls, full_head = self._heads[head]
        if head in _HEADS_NEEDING_A_BODY and not body:
            return None
        if head == "委" and body:
            return Class.Department, owner + body + "委员会"
        name = body + head
        for short, full in vocabulary.abbreviations:
            if name.endswith(short):
                name = name[: -len(short)] + full
                break
        else:
            name = body + full_head
        if head == "委":
            return Class.PoliticalBody, f"中共{owner}委"
        if any(cue in name for cue in vocabulary.mediation_cues):
            return Class.MediationCentre, owner + name
        return cls, owner + name

    def _body(self, cls: Class, canonical: str, start: int, end: int, text: str, rule: str, owner: str) -> Candidate:
        type_ = Class.MediationCentre if cls == Class.MediationCentre else Class.Institution
        return Candidate(type_, cls, canonical, start, end, text[start:end], rule, attributes={"owner": owner})

    def find(self, doc: Doc, ctx: Context) -> tuple[Sequence[Candidate], Sequence[RelationRecord]]:
        text = ctx.text
        pattern = self._pattern
        out: list[Candidate] = []
        places = [c for c in candidates(doc) if c.type == Class.Place]
        ending_at = {c.end: c for c in places}
        for place in places:
            if place.cls in _OWNER_LEVELS:
                match = pattern.match(text, place.end)
                if match:
                    made = self.named(match["body"], match["head"], place.canonical)
                    if made:
                        # 南京市江宁区司法局: the body of 江宁区, written with its city in front
                        parent = ending_at.get(place.start)
                        start = parent.start if parent and parent.canonical in {p.name for p in ctx.gazetteer.chain(place.canonical)[1:]} else place.start
                        out.append(self._body(made[0], made[1], start, match.end(), text, "institution-full", place.canonical))
        covered = [(c.start, c.end) for c in out]
        owners = ctx.owners()
        for found in _SHORT_FORM.finditer(text):
            position = found.start()
            owner = owners[found.group(0)]
            before = text[position - 1] if position else ""
            after_function_word = not CJK_CHAR.match(before) or before in _FUNCTION_CHARS
            if ctx.token_starts and position not in ctx.token_starts and not after_function_word:
                continue
            if position > 0 and text[position - 1] in "全本我各该每" or inside(position, covered):
                continue
            match = pattern.match(text, position + 1)
            if not match:
                continue
            made = self.named(match["body"], match["head"], owner)
            if made:
                out.append(self._body(made[0], made[1], position, match.end(), text, "institution-short", owner))
                covered.append((position, match.end()))
        covered = [(c.start, c.end) for c in out]
        for head, word in self._bare:
            for found in word.finditer(text):
                if inside(found.start(), covered):
                    continue
                before = text[found.start() - 1] if found.start() else ""
                if CJK_CHAR.match(before) and before not in "驻在向由经与和及、":
                    continue
                out.append(Candidate(Class.Institution, head.cls, f"{ctx.region}{head.full}", found.start(), found.end(), head.word,
                                     "institution-bare", attributes={"owner": ctx.region}))
        relations: list[RelationRecord] = []
        for parent in list(out):
            match = self._sub.match(text, parent.end)
            if not match or any(v in match.group(0) for v in self._verbs) or _SUB_BODY_FORBIDDEN.search(match.group(0)[:-2]):
                continue
            name = parent.canonical + match.group(0)
            out.append(Candidate(Class.Institution, Class.Office, name, match.start(), match.end(), match.group(0), "sub-institution"))
            relations.append(RelationRecord(RelationType.PART_OF, name, parent.canonical, False, parent.start, match.end()))
        for body in [c for c in out if c.rule.startswith("institution")]:
            match = self._platforms.match(text, body.end)
            if match:
                name = body.canonical + match.group(0)
                out.append(Candidate(Class.Mechanism, Class.Platform, name, body.start, match.end(), text[body.start:match.end()], "institution-platform"))
        return out, relations
