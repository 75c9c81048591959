"""Scoring an extraction against hand annotations (the ``*.gold.json`` format).

Entities match when the type agrees and the predicted entity has the annotated surface
among its mentions or the annotated canonical name as its name (brackets folded, outer
quotes ignored). Statistics match on value and overlapping text. Relations match on type
and on both ends, each end being any predicted entity that matched that canonical name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govkg.loaders.model import Entity, Extraction
from govkg.loaders.rules.base import normalise, ranges_overlap
from govkg.ontology.terms import Class

ENTITY_TYPES = [Class.Institution, Class.Place, Class.Agreement, Class.Document, Class.Mechanism, Class.ObservationPoint,
                Class.MediationCentre, Class.Event]


@dataclass(frozen=True)
class Score:
    """Counts and rates for one row of the score table."""

    name: str
    true_positives: int
    predicted: int
    expected: int
    found: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_row(self) -> dict[str, Any]:
        """The row ``govkg evaluate`` prints: precision = tp / predicted, recall = found / gold.

        Predicted entities are merged (one per canonical name) while gold rows are
        annotations, so the two counts differ even at P = R = 1; both are shown with
        what each rate is computed from.
        """
        return {
            "name": self.name,
            "tp": self.true_positives,
            "predicted": self.predicted,
            "precision": round(self.precision, 3),
            "found": self.found,
            "gold": self.expected,
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


def _key(text: str) -> str:
    return normalise(text).strip("“”\"")


def names_of(entity: Entity) -> set[str]:
    """The folded names an entity answers to: its name, aliases and mention surfaces."""
    return {_key(m.text) for m in entity.mentions} | {_key(entity.name)} | {_key(a) for a in entity.aliases}


def answers(entity: Entity, names: set[str], g: dict[str, Any]) -> bool:
    """Whether a predicted entity (with ``names`` from ``names_of``) is the gold row ``g``, type aside."""
    return _key(g["canonical"]) == _key(entity.name) or _key(g["text"]) in names


def entity_matches(extraction: Extraction, gold: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[int, set[str]]]:
    """Gold entity rows (statistics aside) and, for each row, the ids of predicted entities that match it."""
    predicted = [e for e in extraction.entities if e.mentions]
    surfaces = {e.id: names_of(e) for e in predicted}
    gold_entities = [g for g in gold["entities"] if g["type"] != "Statistic"]
    matches = {i: {e.id for e in predicted if e.type == g["type"] and answers(e, surfaces[e.id], g)} for i, g in enumerate(gold_entities)}
    return gold_entities, matches


def score(extraction: Extraction, gold: dict[str, Any], text: str) -> list[Score]:
    """Per-type entity scores, then entity, statistic and relation totals."""
    predicted = [e for e in extraction.entities if e.mentions]
    gold_entities, matches = entity_matches(extraction, gold)
    scores: list[Score] = []
    matched_ids = set().union(*matches.values()) if matches else set()
    for type_ in ENTITY_TYPES:
        rows = [i for i, g in enumerate(gold_entities) if g["type"] == type_]
        preds = [e for e in predicted if e.type == type_]
        scores.append(Score(type_, sum(e.id in matched_ids for e in preds), len(preds), len(rows), sum(bool(matches[i]) for i in rows)))
    considered = [e for e in predicted if e.type in ENTITY_TYPES]
    scores.append(Score("entities", sum(e.id in matched_ids for e in considered), len(considered), len(gold_entities), sum(bool(m) for m in matches.values())))
    scores.append(_statistics(extraction, gold, text))
    by_canonical: dict[str, set[str]] = {}
    for i, g in enumerate(gold_entities):
        by_canonical.setdefault(g["canonical"], set()).update(matches[i])
    def hits(r: dict[str, Any]) -> set[int]:
        heads, tails = by_canonical.get(r["head"], set()), by_canonical.get(r["tail"], set())
        return {i for i, p in enumerate(extraction.relations) if p.type == r["type"] and p.source in heads and p.target in tails}

    right = set().union(*(hits(r) for r in gold["relations"])) if gold["relations"] else set()
    for name, wanted in (("relations (explicit)", [r for r in gold["relations"] if not r.get("implicit")]), ("relations (all)", gold["relations"])):
        # Recall: annotated relations of the row that some predicted relation states. Precision: predicted
        # relations of the row (the explicit ones, for the explicit row) that state an annotated relation,
        # whether the annotator marked it explicit or implicit.
        found = sum(bool(hits(r)) for r in wanted)
        considered = [i for i, p in enumerate(extraction.relations) if name.endswith("(all)") or not p.implicit]
        scores.append(Score(name, len(right.intersection(considered)), len(considered), len(wanted), found))
    return scores


def _statistics(extraction: Extraction, gold: dict[str, Any], text: str) -> Score:
    spans = []
    for g in gold["statistics"]:
        start = text.find(g["text"])
        spans.append((start, start + len(g["text"]), float(g["value"])))
    hit_gold, hit_pred = set(), set()
    for i, (start, end, value) in enumerate(spans):
        for j, s in enumerate(extraction.statistics):
            if abs(s.value - value) < 1e-9 and ranges_overlap(s.start, s.end, start, end):
                hit_gold.add(i)
                hit_pred.add(j)
    return Score("statistics", len(hit_pred), len(extraction.statistics), len(spans), len(hit_gold))


def consistency_errors(extraction: Extraction, gold: dict[str, Any], text: str) -> list[str]:
    """Statistics whose consistency flag disagrees with the annotation."""
    errors = []
    for g in gold["statistics"]:
        start = text.find(g["text"])
        end = start + len(g["text"])
        for s in extraction.statistics:
            if abs(s.value - float(g["value"])) < 1e-9 and ranges_overlap(s.start, s.end, start, end) and s.unit == "%":
                expected = None if g.get("verifiable") is False else g["consistent"]
                if "check" not in g and g.get("verifiable") is not False:
                    expected = s.consistent if s.consistent is not False else True
                if s.consistent is not expected and not (expected is True and s.consistent is None and "check" not in g):
                    errors.append(f"{g['text']}: expected {expected}, got {s.consistent}")
    return errors
