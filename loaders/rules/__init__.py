"""The rules of the genre, one module per family, each a spaCy component (``govkg_*`` factories).

In pipeline order (:data:`RULE_COMPONENTS`), with what each reads before it:

==========================  ==========================  =====================================================
component                   module                      reads
==========================  ==========================  =====================================================
``govkg_places``            :mod:`.places`              the text, the gazetteer
``govkg_titles``            :mod:`.titles`              the text
``govkg_quotes``            :mod:`.quotes`              the text
``govkg_events``            :mod:`.events`              the text, the gazetteer's names
``govkg_institutions``      :mod:`.bodies`              places; the reporting region and city
``govkg_phrases``           :mod:`.phrases`             quote and title readings (left to them), bodies
``govkg_observation_points`` :mod:`.points`             places and bodies
``govkg_statistics``        :mod:`.statistics`          the text
``govkg_model_entities``    :mod:`.trained`             a trained pipeline's ``doc.ents`` (only with ``--model``)
``govkg_branches``          :mod:`.branches`            centres, bodies, places
``govkg_relations``         :mod:`.relations`           every candidate
==========================  ==========================  =====================================================

Shared pieces live in :mod:`.base` (records, context, masking, bounds, alternations) and
:mod:`.component` (the Doc extensions, vocabulary slices, saving). None knows any one report.
"""

from __future__ import annotations

from govkg.loaders.rules import (  # noqa: F401  (importing a module registers its factory)
    bodies,
    branches,
    events,
    phrases,
    places,
    points,
    quotes,
    relations,
    statistics,
    titles,
    trained,
)

RULE_COMPONENTS = [
    "govkg_places",
    "govkg_titles",
    "govkg_quotes",
    "govkg_events",
    "govkg_institutions",
    "govkg_phrases",
    "govkg_observation_points",
    "govkg_statistics",
    "govkg_branches",
    "govkg_relations",
]
"""The rule components in pipeline order; ``govkg_model_entities`` goes before ``govkg_branches`` when a trained model is the base."""
