"""Where bodies and centres sit: stations and branches of mediation centres, what is set up where,
and the owner a short form names.

X驻青浦区人民法院调解室 is PART_OF X (a centre of its own) and LOCATED_IN the court; a centre
followed by 在A设立…分站 gets that branch, PART_OF it and LOCATED_IN A; 在X设立Y puts Y in X;
区司法局 is LOCATED_IN the reporting region (implicit: the short form says so).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from govkg.loaders.rules.base import CJK, Candidate, Context, RelationRecord, alternation
from govkg.loaders.rules.component import CANDIDATES, RELATIONS, SPANS, RuleComponent, VocabularySlice, candidates
from govkg.loaders.rules.phrases import STATIONED
from govkg.ontology.terms import Class, RelationType

_HOSTS = (Class.Place, Class.Institution)
_HOSTED = (Class.MediationCentre, Class.Institution, Class.Mechanism)
_OWNED = (Class.Institution, Class.MediationCentre)


@dataclass(frozen=True)
class BranchVocabulary(VocabularySlice):
    branch_heads: tuple[str, ...]
    establishment_verbs: tuple[str, ...]


@Language.factory("govkg_branches", assigns=[CANDIDATES, SPANS, RELATIONS], requires=[CANDIDATES], default_config={})
class BranchRule(RuleComponent):
    """Stations and branches of centres, 在X设立Y, owners of short forms; reads every body, centre and place before it."""

    Vocabulary = BranchVocabulary
    vocabulary: BranchVocabulary

    def prepare(self) -> None:
        verbs = alternation(self.vocabulary.establishment_verbs)
        heads = alternation(self.vocabulary.branch_heads)
        self._branch = re.compile(f"(?:在(?P<where>[^，。；\\n]{{2,20}}?))?(?:{verbs})(?P<name>[{CJK}]{{1,10}}?(?:{heads}))")
        self._set_up_in = re.compile(f"在([^，。；\\n]{{2,30}}?)(?:{verbs})")

    def find(self, doc: Doc, ctx: Context) -> tuple[Sequence[Candidate], Sequence[RelationRecord]]:
        earlier = candidates(doc)
        new: list[Candidate] = []
        out: list[RelationRecord] = []
        for c in earlier:
            if c.type != Class.MediationCentre or STATIONED not in c.text:
                continue
            k = c.text.index(STATIONED)
            parent_name = c.text[:k]
            if len(parent_name) < 2:
                continue
            new.append(Candidate(Class.MediationCentre, Class.MediationCentre, parent_name, c.start, c.start + k, parent_name, "hosted-parent"))
            hosts = [h for h in earlier if h.type == Class.Institution and c.start + k < h.start and h.end <= c.end]
            if hosts:
                out.append(RelationRecord(RelationType.LOCATED_IN, c.canonical, hosts[0].key, False, c.start, c.end))
            out.append(RelationRecord(RelationType.PART_OF, c.canonical, parent_name, False, c.start, c.end))
        shadow = ctx.masked
        for centre in [c for c in earlier if c.type == Class.MediationCentre]:
            branch = self._branch.match(shadow, centre.end)
            if branch:
                name = centre.canonical + branch["name"]
                new.append(Candidate(Class.MediationCentre, Class.MediationBranch, name, branch.start("name"), branch.end("name"), branch["name"], "branch-of-centre"))
                out.append(RelationRecord(RelationType.PART_OF, name, centre.key, False, centre.start, branch.end()))
                out.append(RelationRecord(RelationType.ESTABLISHED, centre.key, name, False, centre.start, branch.end()))
                if branch["where"]:
                    places = [p for p in earlier if p.type == Class.Place and branch.start("where") <= p.start and p.end <= branch.end("where")]
                    if places:
                        out.append(RelationRecord(RelationType.LOCATED_IN, name, places[-1].key, False, centre.start, branch.end()))
        for match in self._set_up_in.finditer(shadow):
            hosts = [h for h in earlier if h.type in _HOSTS and match.start(1) <= h.start and h.end <= match.end(1)]
            targets = [t for t in earlier if match.end() <= t.start <= match.end() + 8 and t.type in _HOSTED]
            if hosts and targets:
                out.append(RelationRecord(RelationType.LOCATED_IN, targets[0].key, hosts[-1].key, False, match.start(), targets[0].end))
        for c in earlier:
            owner = c.attributes.get("owner")
            if owner and c.type in _OWNED:
                out.append(RelationRecord(RelationType.LOCATED_IN, c.key, owner, True, c.start, c.end))
        return new, out
