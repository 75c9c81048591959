"""The genre's vocabulary (``data/vocabulary.json``): heads, trigger verbs, units."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any


@lru_cache(maxsize=1)
def load_vocabulary() -> dict[str, Any]:
    """Read the vocabulary once per process."""
    return json.loads((files("govkg.loaders") / "data" / "vocabulary.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_glossary() -> dict[str, str]:
    """Chinese terms with their English translations, for English names."""
    return json.loads((files("govkg.loaders") / "data" / "glossary.json").read_text(encoding="utf-8"))["terms"]
