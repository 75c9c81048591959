"""Entities of a trained pipeline the user brings (``--model``): its places and organisations join the rules' candidates.

A GPE/LOC the gazetteer knows becomes that place; an ORG becomes an institution. A rule's
reading of the same type over the same words is kept, the model's is left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from govkg.loaders.rules.base import Candidate, Context, RelationRecord, normalise
from govkg.loaders.rules.component import CANDIDATES, SPANS, RuleComponent, VocabularySlice, candidates
from govkg.ontology.terms import Class


@dataclass(frozen=True)
class ModelEntityVocabulary(VocabularySlice):
    """Nothing to read: the model's labels are spaCy's (GPE, LOC, ORG)."""


_PLACE_LABELS = ("GPE", "LOC")
_BODY_LABELS = ("ORG",)


@Language.factory("govkg_model_entities", assigns=[CANDIDATES, SPANS], requires=["doc.ents", CANDIDATES], default_config={})
class ModelEntityRule(RuleComponent):
    """A trained pipeline's entities (GPE/LOC in the gazetteer, ORG) as extra candidates."""

    Vocabulary = ModelEntityVocabulary

    def find(self, doc: Doc, ctx: Context) -> tuple[Sequence[Candidate], Sequence[RelationRecord]]:
        extra = []
        for ent in doc.ents:
            if ent.label_ in _PLACE_LABELS and ent.text in ctx.gazetteer:
                place = ctx.gazetteer.place(ent.text)
                extra.append(Candidate(Class.Place, Class(place.ontology_class), place.name, ent.start_char, ent.end_char, ent.text, "model"))
            elif ent.label_ in _BODY_LABELS:
                extra.append(Candidate(Class.Institution, Class.Institution, normalise(ent.text), ent.start_char, ent.end_char, ent.text, "model"))
        known = candidates(doc)
        return [e for e in extra if not any(e.overlaps(k) and k.type == e.type for k in known)], ()
