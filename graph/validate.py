"""Checking an exported graph: SHACL conformance and the statistics' own consistency."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from govkg.ontology.schema import load_schema
from govkg.ontology.shapes import build_shapes

_INCONSISTENT = """
PREFIX gkg: <https://w3id.org/govkg/ontology#>
SELECT ?name ?check WHERE {
  ?s a gkg:Statistic ; gkg:consistent false ; gkg:name ?name .
  OPTIONAL { ?s gkg:check ?check }
} ORDER BY ?name
"""


@dataclass(frozen=True)
class ValidationReport:
    """What ``govkg validate`` prints: SHACL violations and inconsistent statistics."""

    conforms: bool
    violations: list[str]
    inconsistent_statistics: list[str]
    triples: int

    @property
    def ok(self) -> bool:
        return self.conforms and not self.inconsistent_statistics


def validate(data: Graph) -> ValidationReport:
    """Validate ``data`` against the shapes derived from the ontology."""
    from pyshacl import validate as shacl_validate

    conforms, results, _ = shacl_validate(
        data, shacl_graph=build_shapes(), ont_graph=load_schema().graph, inference="none", allow_warnings=True
    )
    violations = []
    if not conforms:
        query = """
        PREFIX sh: <http://www.w3.org/ns/shacl#>
        SELECT ?focus ?path ?message WHERE {
          ?r a sh:ValidationResult ; sh:focusNode ?focus ; sh:resultMessage ?message .
          OPTIONAL { ?r sh:resultPath ?path }
        } ORDER BY ?focus ?path
        """
        violations = [f"{row[0]} {row[1] or ''}: {row[2]}" for row in results.query(query)]  # type: ignore[index]
    inconsistent = [f"{row[0]}: {row[1] or 'flagged inconsistent'}" for row in data.query(_INCONSISTENT)]  # type: ignore[index]
    return ValidationReport(bool(conforms), violations, inconsistent, len(data))
