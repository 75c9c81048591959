"""The spaCy pipeline: ``spacy.blank("zh")`` with jieba's words (:mod:`~govkg.loaders.segmenter`), plus govkg's rule components.

The components are those of :mod:`govkg.loaders.rules`, in :data:`~govkg.loaders.rules.RULE_COMPONENTS`
order. Each writes its candidates to ``doc.spans["govkg"]`` (and the exact records to
``doc._.govkg_candidates``) and its relations to ``doc._.govkg_relations``. A trained
pipeline the user has can be the base (``model``): its own entities then join the
candidates through ``govkg_model_entities``. :func:`save_pipeline` writes the pipeline
to a folder that plain ``spacy.load`` reads back (govkg's factories are registered as
``spacy_factories`` entry points).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from govkg.errors import ExtractionError
from govkg.loaders.rules import RULE_COMPONENTS
from govkg.loaders.rules.component import SPANS_KEY, RuleComponent

_TRAINED_ENTITIES = ("ner", "entity_ruler", "span_ruler")
"""Components of a user's pipeline whose entities join the rules' candidates."""


def build_pipeline(model: str | None = None) -> Language:
    """The extraction pipeline, built once per process (jieba's dictionary loads once).

    Args:
        model: name or path of an installed trained spaCy pipeline to start from (a folder
            :func:`save_pipeline` wrote is one); ``None`` uses ``spacy.blank("zh")`` with
            :class:`~govkg.loaders.segmenter.JiebaTokenizer`.

    Raises:
        ExtractionError: the model cannot be loaded.
    """
    return _build_pipeline(model)


@lru_cache(maxsize=4)
def _build_pipeline(model: str | None) -> Language:
    """Cached by ``model`` alone, so that ``build_pipeline()`` and ``build_pipeline(None)`` share one pipeline."""
    import spacy

    import govkg.loaders.segmenter  # noqa: F401  (registers the tokenizer)

    try:
        if model:
            nlp = spacy.load(model)
        else:
            nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "govkg.jieba_tokenizer.v1"}}})
    except (OSError, ImportError, ValueError) as error:
        raise ExtractionError(f"cannot load spaCy pipeline {model or 'blank zh + jieba'}: {error}") from None
    for name in RULE_COMPONENTS:
        if name not in nlp.pipe_names:
            _initialised(nlp.add_pipe(name, last=True))
    trained = any(name in nlp.pipe_names for name in _TRAINED_ENTITIES)
    if trained and "govkg_model_entities" not in nlp.pipe_names:
        _initialised(nlp.add_pipe("govkg_model_entities", before="govkg_branches"))
    return nlp


def _initialised(component: object) -> object:
    """A rule component added to a pipeline, with its shipped vocabulary read."""
    if isinstance(component, RuleComponent):
        component.initialize()
    return component


def save_pipeline(folder: str | Path) -> Path:
    """Write the default pipeline (tokenizer, rule components, their vocabularies) to ``folder``, whole or not at all.

    ``folder`` must be new, empty or an earlier saved pipeline (which is replaced).

    ``spacy.load(folder)`` gives it back with govkg installed; ``govkg extract --model folder``
    extracts with it.
    """
    from govkg.files import atomic_folder

    nlp = build_pipeline()
    try:
        with atomic_folder(folder, replaceable=_is_saved_pipeline) as temporary:
            nlp.to_disk(temporary)
    except OSError as error:
        raise ExtractionError(f"{folder}: cannot write the pipeline ({error.strerror or error})") from None
    return Path(folder)


def _is_saved_pipeline(folder: Path) -> bool:
    """Whether ``folder`` holds a spaCy pipeline (an earlier save, which a new one may replace)."""
    return (folder / "config.cfg").is_file() and (folder / "meta.json").is_file()


def run(nlp: Language, text: str, region: str, city: str | None, reporter: str | None = None) -> Doc:
    """Run the pipeline on one report text with its reporting region (and reporting department, if one reports) as context."""
    doc = nlp.make_doc(text)
    doc.user_data["govkg_text"] = text  # the tokens join back to it exactly; doc.text would rebuild it
    doc._.govkg_region = region
    doc._.govkg_city = city or ""
    doc._.govkg_reporter = reporter or ""
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def spans(doc: Doc) -> list[Span]:
    """The candidates' token-aligned spans (``doc.spans["govkg"]``), labelled with their ontology classes."""
    return list(doc.spans[SPANS_KEY]) if SPANS_KEY in doc.spans else []
