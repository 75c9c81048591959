"""How a rule family becomes a spaCy component: its results on the Doc, its vocabulary slice, saving.

Every family writes the same places on the Doc:

- ``doc._.govkg_candidates``: the :class:`~govkg.loaders.rules.base.Candidate` records (exact
  character offsets), in the order the components found them; nothing removes or changes one;
- ``doc.spans["govkg"]``: one token-aligned span per candidate, in the same order, labelled with
  the candidate's ontology class and with its canonical name as ``kb_id_`` (for displaCy and
  spaCy tooling);
- ``doc._.govkg_relations``: :class:`~govkg.loaders.rules.base.RelationRecord` records.

A family's vocabulary is a :class:`VocabularySlice`: the keys of ``data/vocabulary.json`` it
reads, typed (classes and relation types become :mod:`govkg.ontology.terms` members, so a
name outside the ontology fails when the slice loads). It is read in ``initialize()`` and
written beside the pipeline by ``to_disk``, so ``spacy.load`` restores it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from enum import Enum
from pathlib import Path
from typing import Any, ClassVar, TypeVar, get_args, get_origin, get_type_hints

from spacy.language import Language
from spacy.tokens import Doc, Span

from govkg.loaders.gazetteer import load_gazetteer
from govkg.loaders.rules.base import Candidate, Context, RelationRecord, settled
from govkg.loaders.vocabulary import load_vocabulary

SPANS_KEY = "govkg"
"""The span group every rule writes its candidates to."""

for _name in ("govkg_region", "govkg_city", "govkg_reporter"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default="")
for _name in ("govkg_candidates", "govkg_relations", "govkg_statistics", "govkg_implied_places", "govkg_context"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

CANDIDATES = "doc._.govkg_candidates"
RELATIONS = "doc._.govkg_relations"
SPANS = "doc.spans"
"""Names of what components assign and require, as spaCy lists them."""


def context(doc: Doc) -> Context:
    """The rules' context of ``doc``, made once per document (the text is joined and token offsets read once)."""
    ctx = doc._.govkg_context
    if ctx is None:
        text = doc.user_data.get("govkg_text")
        if text is None:
            text = doc.text
        region, city, reporter = doc._.govkg_region, doc._.govkg_city or None, doc._.govkg_reporter or None
        if not region:  # nlp(text) from spacy.load: who reports is read from the text, as govkg extract reads it
            region, city, reporter = _reporter_of(text)
        ctx = Context(
            text=text,
            region=region,
            city=city,
            gazetteer=load_gazetteer(),
            token_starts=frozenset(doc.to_array("IDX").tolist()),
            reporter=reporter,
        )
        doc._.govkg_context = ctx
    return ctx


def _reporter_of(text: str) -> tuple[str, str | None, str | None]:
    """(region, city, reporting department) of a report's text, or empty when the text is not one the recogniser reads."""
    from govkg.errors import GovKGError
    from govkg.loaders.text import report_meta

    try:
        meta = report_meta(text, "<text>")
    except GovKGError:
        return "", None, None
    return meta.region, load_gazetteer().city_of(meta.region), meta.reporter


def candidates(doc: Doc) -> tuple[Candidate, ...]:
    """Every candidate the components have written to ``doc`` so far."""
    return tuple(doc._.govkg_candidates or ())


def readings(doc: Doc) -> list[Candidate]:
    """The candidates that stand (:func:`~govkg.loaders.rules.base.settled`): what later rules and the merge read."""
    return settled(candidates(doc))


def relations(doc: Doc) -> tuple[RelationRecord, ...]:
    """Every relation the components have written to ``doc`` so far."""
    return tuple(doc._.govkg_relations or ())


def add(doc: Doc, found: Iterable[Candidate] = (), found_relations: Iterable[RelationRecord] = ()) -> Doc:
    """Append a component's candidates (as records and spans) and relations to ``doc``."""
    found = list(found)
    if doc._.govkg_candidates is None:
        doc._.govkg_candidates = []
    if doc._.govkg_relations is None:
        doc._.govkg_relations = []
    doc._.govkg_candidates.extend(found)
    doc._.govkg_relations.extend(found_relations)
    if SPANS_KEY not in doc.spans:
        doc.spans[SPANS_KEY] = []
    group = doc.spans[SPANS_KEY]
    for c in found:
        span = doc.char_span(c.start, c.end, label=c.cls, kb_id=c.canonical, alignment_mode="expand")
        group.append(span if span is not None else Span(doc, 0, 0, label=c.cls, kb_id=c.canonical))
    return doc


# ---------------------------------------------------------------- vocabulary slices


_Slice = TypeVar("_Slice", bound="VocabularySlice")


def _typed(hint: Any, value: Any) -> Any:
    """``value`` read from JSON as ``hint`` says: tuples, named tuples, dicts, ontology terms."""
    origin = get_origin(hint)
    if origin is tuple:
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_typed(args[0], v) for v in value)
        return tuple(_typed(a, v) for a, v in zip(args, value))
    if origin is dict:
        key, item = get_args(hint)
        return {_typed(key, k): _typed(item, v) for k, v in value.items()}
    if isinstance(hint, type) and issubclass(hint, tuple) and hasattr(hint, "_fields"):
        hints = get_type_hints(hint)
        return hint(*(_typed(hints[f], v) for f, v in zip(hint._fields, value)))
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    return value


def _plain(value: Any) -> Any:
    """``value`` as JSON: tuples as lists, ontology terms as their names."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class VocabularySlice:
    """The part of ``data/vocabulary.json`` one rule family reads; each field is one key, typed."""

    @classmethod
    def from_data(cls: type[_Slice], data: dict[str, Any]) -> _Slice:
        """The slice of ``data`` (the whole vocabulary, or a saved slice).

        Raises:
            ValueError: a class or relation type named in the data is not in the ontology.
        """
        hints = get_type_hints(cls)
        return cls(**{f.name: _typed(hints[f.name], data[f.name]) for f in fields(cls)})

    @classmethod
    def shipped(cls: type[_Slice]) -> _Slice:
        """The slice of the shipped vocabulary."""
        return cls.from_data(load_vocabulary())

    def to_data(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}


class RuleComponent:
    """A rule family as a spaCy component: a typed vocabulary, a ``__call__``, and (de)serialisation.

    Subclasses set ``Vocabulary`` and implement :meth:`find`, and :meth:`prepare` to build
    their patterns from the vocabulary (called after it is read or restored).
    """

    Vocabulary: ClassVar[type[VocabularySlice]]
    _file = "vocabulary.json"

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.vocabulary: Any = None

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language | None = None,
                   vocabulary: dict[str, Any] | None = None) -> None:
        """Read the family's vocabulary slice (from ``vocabulary``, a whole vocabulary, or the shipped file)."""
        self.set_vocabulary(self.Vocabulary.from_data(vocabulary) if vocabulary is not None else self.Vocabulary.shipped())

    def set_vocabulary(self, vocabulary: VocabularySlice) -> None:
        self.vocabulary = vocabulary
        self.prepare()

    def prepare(self) -> None:
        """Build what the rules read from the vocabulary (compiled patterns, look-up tables)."""

    def _ready(self) -> None:
        if self.vocabulary is None:  # added without nlp.initialize(): the shipped vocabulary
            self.initialize()

    def __call__(self, doc: Doc) -> Doc:
        self._ready()
        found, found_relations = self.find(doc, context(doc))
        return add(doc, found, found_relations)

    def find(self, doc: Doc, ctx: Context) -> tuple[Sequence[Candidate], Sequence[RelationRecord]]:
        raise NotImplementedError

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        self._ready()
        return json.dumps(self.vocabulary.to_data(), ensure_ascii=False, indent=1).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> RuleComponent:
        self.set_vocabulary(self.Vocabulary.from_data(json.loads(data.decode("utf-8"))))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / self._file).write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RuleComponent:
        return self.from_bytes((Path(path) / self._file).read_bytes())
