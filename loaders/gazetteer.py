"""The shipped gazetteer: Yangtze Delta divisions with GB/T 2260 codes, and cooperation zones."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from govkg.ontology.terms import Class

LEVEL_CLASS = {
    "province": Class.Province,
    "prefecture": Class.Prefecture,
    "county": Class.County,
    "township": Class.Township,
    "village": Class.Village,
}
"""The ontology class of each administrative level."""


@dataclass(frozen=True)
class Place:
    """One administrative division or zone."""

    name: str
    level: str
    code: str | None
    parent: str | None
    aliases: tuple[str, ...]
    members: tuple[str, ...] = ()

    @property
    def is_zone(self) -> bool:
        return self.level.endswith("zone") or self.level == "region"

    @property
    def ontology_class(self) -> Class:
        return Class.CooperationZone if self.is_zone else LEVEL_CLASS[self.level]


class Gazetteer:
    """Look-ups over the shipped places: by name or alias, parent chains, provinces, zones."""

    def __init__(self, places: list[Place]):
        self._places = {p.name: p for p in places}
        self._names: dict[str, str] = {}
        for place in places:
            self._names[place.name] = place.name
            if place.level != "province":  # 上海/江苏 alone mostly qualify other names
                for alias in place.aliases:
                    self._names.setdefault(alias, place.name)
        alternatives = sorted(self._names, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, alternatives)))
        stems: dict[str, list[str]] = {}
        for place in places:
            if place.level == "township" and place.name.endswith("镇") and len(place.name) >= 3:
                stems.setdefault(place.name[:-1], []).append(place.name)
        self._stems = {stem: names[0] for stem, names in stems.items() if len(names) == 1 and stem not in self._names}
        self._stem_pattern = re.compile(
            "(?<=[、，,以在和及与对（(\\s])(?:" + "|".join(map(re.escape, sorted(self._stems, key=len, reverse=True))) + ")(?=[、，,和及等])"
        ) if self._stems else re.compile("(?!x)x")

    def __contains__(self, name: str) -> bool:
        return name in self._names or name in self._places

    def place(self, name: str) -> Place:
        """The place called ``name`` (canonical name or alias)."""
        return self._places[self._names.get(name, name)]

    @property
    def surface_forms(self) -> dict[str, str]:
        """Every name and alias matched in text, with its canonical name."""
        return dict(self._names)

    def find_all(self, text: str) -> list[tuple[int, int, str]]:
        """Longest non-overlapping place names in ``text`` as (start, end, canonical)."""
        return [(m.start(), m.end(), self._names[m.group(0)]) for m in self._pattern.finditer(text)]

    def find_stems(self, text: str) -> list[tuple[int, int, str]]:
        """Town names written without 镇/街道, only where a list or a pause follows (金泽、朱家角等).

        A bare stem inside running text is too often part of another word to count.
        """
        return [(m.start(), m.end(), self._stems[m.group(0)]) for m in self._stem_pattern.finditer(text)]

    def chain(self, name: str) -> list[Place]:
        """The place and its parents up to the province."""
        out: list[Place] = []
        place: Place | None = self.place(name)
        while place is not None and place not in out:
            out.append(place)
            place = self._places.get(place.parent) if place.parent else None
        return out

    def province(self, name: str) -> str | None:
        """The province-level division a place lies in (None for zones)."""
        chain = self.chain(name)
        return chain[-1].name if chain and chain[-1].level == "province" else None

    def zones_of(self, name: str) -> list[Place]:
        """Cooperation zones that list ``name`` as a member."""
        return [p for p in self._places.values() if p.is_zone and name in p.members]

    def city_of(self, county: str) -> str | None:
        """The city a county-level division's 市 refers to (its prefecture, or its municipality)."""
        for place in self.chain(county)[1:]:
            if place.level in ("prefecture", "province") and place.name.endswith("市"):
                return place.name
        return None


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Read ``data/gazetteer.json`` once per process."""
    raw = json.loads((files("govkg.loaders") / "data" / "gazetteer.json").read_text(encoding="utf-8"))
    places = [
        Place(p["name"], p["level"], p.get("code"), p.get("parent"), tuple(p.get("aliases", ())))
        for p in raw["places"]
    ]
    places += [
        Place(z["name"], z["kind"], None, None, tuple(z.get("aliases", ())), tuple(z.get("members", ())))
        for z in raw["zones"]
    ]
    return Gazetteer(places)
