"""The spaCy pipeline: ``spacy.blank("zh")`` with jieba, plus govkg's rule components.

Each rule of :mod:`govkg.loaders.rules` is a registered component that adds its
candidates to ``doc._.govkg_candidates`` (exact character offsets); :func:`spans`
turns them into token-aligned ``doc.spans["govkg"]`` for spaCy users. A trained pipeline the
user has installed can be passed as ``model``: its own entities then join the
candidates through the ``govkg_model_entities`` component.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from govkg.errors import ExtractionError
from govkg.loaders import relations as relation_rules
from govkg.loaders import rules
from govkg.loaders.gazetteer import load_gazetteer
from govkg.loaders.statistics import find_statistics

for _name in ("govkg_region", "govkg_city"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default="")
for _name in ("govkg_candidates", "govkg_relations", "govkg_statistics"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

RULE_COMPONENTS = [
    "govkg_places",
    "govkg_titles",
    "govkg_quotes",
    "govkg_events",
    "govkg_institutions",
    "govkg_phrases",
    "govkg_observation_points",
    "govkg_statistics",
    "govkg_relations",
]


def _context(doc: Doc) -> rules.Context:
    """The rules' context, made once per document (token offsets are read once)."""
    context = doc.user_data.get("govkg_context")
    if context is None:
        doc._.govkg_candidates = []
        doc._.govkg_relations = []
        context = rules.Context(
            region=doc._.govkg_region,
            city=doc._.govkg_city or None,
            gazetteer=load_gazetteer(),
            token_starts=frozenset(doc.to_array("IDX").tolist()),
        )
        doc.user_data["govkg_context"] = context
    return context


def _text(doc: Doc) -> str:
    """The document's text, joined once (``doc.text`` rebuilds it from the tokens on every call)."""
    text = doc.user_data.get("govkg_text")
    if text is None:
        text = doc.user_data["govkg_text"] = doc.text
    return text


def _add(doc: Doc, candidates: list[rules.Candidate], relations: list[rules.RelationCandidate] = ()) -> Doc:  # type: ignore[assignment]
    doc._.govkg_candidates.extend(candidates)
    doc._.govkg_relations.extend(relations)
    return doc


def _simple(rule: Callable[[str, rules.Context], list[rules.Candidate]]) -> Callable[[Doc], Doc]:
    def component(doc: Doc) -> Doc:
        return _add(doc, rule(_text(doc), _context(doc)))

    return component


@Language.factory("govkg_places")
def make_places(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return _simple(rules.places)


@Language.factory("govkg_quotes")
def make_quotes(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return _simple(rules.quotes)


@Language.factory("govkg_events")
def make_events(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return _simple(rules.known_events)


@Language.factory("govkg_phrases")
def make_phrases(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def component(doc: Doc) -> Doc:
        ctx = _context(doc)
        strong = [c for c in doc._.govkg_candidates if c.rule in ("quote", "title", "quote-in-title")]
        found = [p for p in rules.phrases(_text(doc), ctx) if not any(p.overlaps(s) for s in strong)]
        return _add(doc, found)

    return component


@Language.factory("govkg_titles")
def make_titles(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def component(doc: Doc) -> Doc:
        return _add(doc, *rules.titles(_text(doc), _context(doc)))

    return component


@Language.factory("govkg_institutions")
def make_institutions(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def component(doc: Doc) -> Doc:
        ctx = _context(doc)
        places = [c for c in doc._.govkg_candidates if c.type == "Place"]
        return _add(doc, *rules.institutions(_text(doc), ctx, places))

    return component


@Language.factory("govkg_observation_points")
def make_observation_points(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def component(doc: Doc) -> Doc:
        ctx = _context(doc)
        located = [c for c in doc._.govkg_candidates if c.type in ("Place", "Institution")]
        points, relations = rules.observation_points(_text(doc), ctx, located)
        doc._.govkg_candidates = [
            c for c in doc._.govkg_candidates if not (c.type == "ObservationPoint" and any(c.overlaps(p) for p in points))
        ]
        return _add(doc, points, relations)

    return component


@Language.factory("govkg_statistics")
def make_statistics(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def component(doc: Doc) -> Doc:
        _context(doc)
        doc._.govkg_statistics = find_statistics(_text(doc))
        return doc

    return component


@Language.factory("govkg_relations")
def make_relations(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def component(doc: Doc) -> Doc:
        ctx = _context(doc)
        candidates = doc._.govkg_candidates
        hosted, hosted_relations = relation_rules.hosted_relations(_text(doc), candidates, ctx)
        candidates.extend(hosted)
        found = hosted_relations
        found += relation_rules.verb_relations(_text(doc), candidates, ctx)
        explicit = relation_rules.containment_relations(candidates, ctx)
        found += explicit + relation_rules.paragraph_serves(_text(doc), candidates, explicit)
        place_links, ancestors = relation_rules.place_relations(candidates, ctx)
        found += place_links
        doc._.govkg_relations.extend(found)
        doc.user_data["govkg_ancestors"] = sorted(ancestors)
        return doc

    return component


@Language.factory("govkg_model_entities")
def make_model_entities(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Entities of a trained pipeline (GPE/LOC/ORG) as extra candidates."""

    def component(doc: Doc) -> Doc:
        ctx = _context(doc)
        extra = []
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC") and ent.text in ctx.gazetteer:
                place = ctx.gazetteer.place(ent.text)
                extra.append(rules.Candidate("Place", place.ontology_class, place.name, ent.start_char, ent.end_char, ent.text, "model"))
            elif ent.label_ == "ORG":
                extra.append(rules.Candidate("Institution", "Institution", rules.normalise(ent.text), ent.start_char, ent.end_char, ent.text, "model"))
        known = doc._.govkg_candidates
        return _add(doc, [e for e in extra if not any(e.overlaps(k) and k.type == e.type for k in known)])

    return component


def build_pipeline(model: str | None = None) -> Language:
    """The extraction pipeline, built once per process (jieba's dictionary loads once).

    Args:
        model: name or path of an installed trained spaCy pipeline to start from;
            ``None`` uses ``spacy.blank("zh")`` with the jieba segmenter.
    """
    return _build_pipeline(model)


@lru_cache(maxsize=4)
def _build_pipeline(model: str | None) -> Language:
    """Cached by ``model`` alone, so that ``build_pipeline()`` and ``build_pipeline(None)`` share one pipeline."""
    import logging

    import jieba
    import spacy

    jieba.setLogLevel(logging.WARNING)
    try:
        if model:
            nlp = spacy.load(model)
        else:
            nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    except (OSError, ImportError, ValueError) as error:
        raise ExtractionError(f"cannot load spaCy pipeline {model or 'blank zh + jieba'}: {error}") from None
    for name in RULE_COMPONENTS:
        nlp.add_pipe(name, last=True)
    if model and any(name in nlp.pipe_names for name in ("ner", "entity_ruler", "span_ruler")):
        nlp.add_pipe("govkg_model_entities", before="govkg_relations")
    return nlp


def run(nlp: Language, text: str, region: str, city: str | None) -> Doc:
    """Run the pipeline on one report text with its reporting region as context."""
    doc = nlp.make_doc(text)
    doc.user_data["govkg_text"] = text  # the tokens join back to it exactly; doc.text would rebuild it
    doc._.govkg_region = region
    doc._.govkg_city = city or ""
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def spans(doc: Doc) -> list[Span]:
    """The token-aligned spans of the candidates (for displaCy and spaCy tooling), stored as ``doc.spans["govkg"]``.

    Made on request, not by the components: the extraction reads character offsets only
    and need not pay for aligning every candidate to tokens.
    """
    if "govkg" not in doc.spans:
        found = (doc.char_span(c.start, c.end, label=c.type, alignment_mode="expand") for c in doc._.govkg_candidates or [])
        doc.spans["govkg"] = [span for span in found if span is not None]
    return list(doc.spans["govkg"])

