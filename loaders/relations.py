"""Relations between candidates: trigger verbs, names that contain other names, the gazetteer.

Explicit relations are read off the sentence (签订《A》 → PARTY_TO, 在X设立Y → LOCATED_IN);
implicit ones (``implicit=True``) have the reporting government as the unstated actor or
rest on world knowledge from the gazetteer (白鹤镇 is a town of 青浦区).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from govkg.loaders.rules import Candidate, Context, RelationCandidate, clause_end, masked
from govkg.loaders.vocabulary import load_vocabulary

_ESTABLISHED_TARGETS = {"ObservationPoint", "MediationCentre", "Institution"}
_ESTABLISHED_MECHANISMS = {"Platform", "Venue"}


@lru_cache(maxsize=1)
def _relation_verbs() -> tuple[re.Pattern[str], dict[str, str]]:
    """Any relation verb (longest first), and the relation each verb states."""
    verbs = [(v, rel) for rel, vs in load_vocabulary()["relation_verbs"].items() for v in vs]
    pattern = re.compile("|".join(re.escape(v) for v, _ in sorted(verbs, key=lambda x: len(x[0]), reverse=True)))
    return pattern, dict(verbs)


_ACTOR_TYPES = ("Institution", "Place", "MediationCentre")


def verb_relations(text: str, candidates: list[Candidate], ctx: Context) -> list[RelationCandidate]:
    """签订/发布/成立 … followed by the agreements, documents or bodies they act on."""
    shadow = masked(text)
    out: list[RelationCandidate] = []
    pattern, relation_of = _relation_verbs()
    objects = sorted((c for c in candidates if c.rule not in ("nested-title", "quote-in-title") and c.type != "Place"), key=lambda c: c.start)
    object_starts = [c.start for c in objects]
    bodies = [c for c in candidates if c.type in _ACTOR_TYPES and c.rule != "quote"]  # the only candidates _actors keeps
    for verb in pattern.finditer(shadow):
        relation = relation_of[verb.group(0)]
        scope_end = clause_end(shadow, verb.end())
        targets = objects[bisect.bisect_left(object_starts, verb.end()):bisect.bisect_left(object_starts, scope_end)]
        actors = _actors(text, bodies, verb.start(), ctx)
        explicit_actor = not actors[0][1]
        if relation == "ESTABLISHED":
            targets = [c for c in targets[:1] if c.start - verb.end() <= 8 and _can_be_established(c, explicit_actor, verb.group(0))]
        else:
            targets = [c for c in targets if c.type in ("Document", "Agreement")]
        for target in targets:
            type_ = "PARTY_TO" if target.type == "Agreement" else ("ISSUED" if relation != "ESTABLISHED" else relation)
            for actor, implicit in actors:
                out.append(RelationCandidate(type_, actor, target.key, implicit, verb.start(), target.end))
    parties = {r.target for r in out if r.type == "PARTY_TO"}
    for agreement in candidates:
        if agreement.type == "Agreement" and agreement.rule != "nested-title" and agreement.key not in parties:
            out.append(RelationCandidate("PARTY_TO", ctx.region, agreement.key, True, agreement.start, agreement.end))
            parties.add(agreement.key)
    return out


def _can_be_established(target: Candidate, explicit_actor: bool, verb: str) -> bool:
    if target.type in ("Institution", "MediationCentre"):
        return True
    if target.type != "Mechanism":
        return False
    return (
        explicit_actor
        or target.cls in ("Platform", "Venue")
        or (verb in ("建立", "构建") and target.cls in ("WorkMechanism", "System"))
        or verb in ("设立", "开设", "开辟")
    )


def _actors(text: str, candidates: list[Candidate], position: int, ctx: Context) -> list[tuple[str, bool]]:
    """Who acts at a verb: the bodies named before it in the clause (A与B、C签订), else the reporting region.

    Bodies before 与/会同/联合 are the subjects, those after are partners; with partners but
    no subject, the reporting region is the unstated subject.
    """
    start = position
    while start > 0 and text[start - 1] not in "。；;!！?？\n，,":
        start -= 1
    inside = [c for c in candidates if c.type in _ACTOR_TYPES and start <= c.start and c.end <= position and c.rule != "quote"]
    named = sorted((c for c in inside if not any(o is not c and o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start for o in inside)),
                   key=lambda c: c.start)
    if not named or position - named[-1].end > 6:
        return [(ctx.region, True)]
    link = re.search("与|会同|联合|同", text[start:position])
    split = start + link.start() if link else position
    subjects = [c for c in named if c.start < split]
    partners = [c for c in named if c.start >= split]
    actors = [(c.key, False) for c in subjects + partners]
    if not subjects:
        actors.append((ctx.region, True))
    return actors


def containment_relations(candidates: list[Candidate], ctx: Context) -> list[RelationCandidate]:
    """Names that contain an event (SERVES) or a cooperation zone (COVERS); an edition is part of its series."""
    out = [
        RelationCandidate("PART_OF", c.key, c.attributes["series"], True, c.start, c.end)
        for c in candidates
        if c.type == "Event" and "series" in c.attributes
    ]
    events = [c for c in candidates if c.type == "Event"]
    zones = [c for c in candidates if c.type == "Place" and c.cls == "CooperationZone"]
    for c in candidates:
        if c.type in ("Event", "Place", "Statistic"):
            continue
        for event in events:
            if c.start <= event.start and event.end <= c.end and c is not event:
                out.append(RelationCandidate("SERVES", c.key, event.key, False, c.start, c.end))
        if c.type in ("Agreement", "Document"):
            for zone in zones:
                if c.start <= zone.start and zone.end <= c.end:
                    out.append(RelationCandidate("COVERS", c.key, zone.key, False, c.start, c.end))
    return out


def paragraph_serves(text: str, candidates: list[Candidate], explicit: list[RelationCandidate]) -> list[RelationCandidate]:
    """A paragraph opened by 加强进博会法治保障 serves that event with what it lists (implicit)."""
    vocab = load_vocabulary()
    serving = {r.source for r in explicit if r.type == "SERVES"}
    out: list[RelationCandidate] = []
    all_events = [c for c in candidates if c.type == "Event"]
    offset = 0
    for paragraph in text.split("\n"):
        first_end = offset + (paragraph.find("。") if "。" in paragraph else len(paragraph))
        window_end = max(first_end, min(offset + 60, offset + len(paragraph)))
        events = [c for c in all_events if offset <= c.start < window_end]
        opening = text[offset:window_end]
        if events and any(cue in opening for cue in vocab["serve_cues"]):
            targets = sorted({e.key for e in events})
            for c in candidates:
                if first_end <= c.start < offset + len(paragraph) and c.type in ("Mechanism", "Institution", "Document") and c.key not in serving:
                    out.extend(RelationCandidate("SERVES", c.key, target, True, c.start, c.end) for target in targets if target != c.key)
                    serving.add(c.key)
        offset += len(paragraph) + 1
    return out


def place_relations(candidates: list[Candidate], ctx: Context) -> tuple[list[RelationCandidate], set[str]]:
    """PART_OF chains: explicit when the text writes them together (昆山市淀山湖镇), else from the gazetteer.

    Returns the relations and the names of places they add (parents not mentioned).
    """
    gazetteer = ctx.gazetteer
    places = sorted((c for c in candidates if c.type == "Place"), key=lambda c: c.start)
    out: list[RelationCandidate] = []
    explicit: set[tuple[str, str]] = set()
    for c in places:
        if "parent" in c.attributes:
            out.append(RelationCandidate("PART_OF", c.key, c.attributes["parent"], False, c.start - len(c.attributes["parent"]), c.end))
    for left, right in zip(places, places[1:]):
        if right.key in gazetteer and left.end == right.start and left.key in [p.name for p in gazetteer.chain(right.key)[1:]]:
            out.append(RelationCandidate("PART_OF", right.key, left.key, False, left.start, right.end))
            explicit.add((right.key, left.key))
    mentioned = {c.key for c in places if c.key in gazetteer} | ({ctx.region} if ctx.region in gazetteer else set())
    added: set[str] = set()
    for name in sorted(mentioned):
        chain = gazetteer.chain(name)
        for child, parent in zip(chain, chain[1:]):
            if (child.name, parent.name) not in explicit:
                out.append(RelationCandidate("PART_OF", child.name, parent.name, True, 0, 0))
            if parent.name not in mentioned:
                added.add(parent.name)
    for zone in sorted({c.key for c in places if c.cls == "CooperationZone"}):
        for member in gazetteer.place(zone).members:
            out.append(RelationCandidate("PART_OF", member, zone, True, 0, 0))
            chain = gazetteer.chain(member)
            for child, parent in zip(chain, chain[1:]):
                out.append(RelationCandidate("PART_OF", child.name, parent.name, True, 0, 0))
            added.update(p.name for p in chain if p.name not in mentioned)
    return out, added


@lru_cache(maxsize=1)
def _branch_pattern() -> re.Pattern[str]:
    heads = "|".join(map(re.escape, load_vocabulary()["branch_heads"]))
    return re.compile(f"(?:在(?P<where>[^，。；\\n]{{2,20}}?))?(?:设立|成立|建立|设置)(?P<name>[\u4e00-\u9fff]{{1,10}}?(?:{heads}))")


def hosted_relations(text: str, candidates: list[Candidate], ctx: Context) -> tuple[list[Candidate], list[RelationCandidate]]:
    """A驻B调解分站 → the branch is PART_OF A and LOCATED_IN B; 在X设立Y → Y LOCATED_IN X."""
    new: list[Candidate] = []
    out: list[RelationCandidate] = []
    for c in candidates:
        if c.type != "MediationCentre" or "驻" not in c.text:
            continue
        k = c.text.index("驻")
        parent_name = c.text[:k]
        if len(parent_name) < 2:
            continue
        parent = Candidate("MediationCentre", "MediationCentre", parent_name, c.start, c.start + k, parent_name, "hosted-parent")
        new.append(parent)
        hosts = [h for h in candidates if h.type == "Institution" and c.start + k < h.start and h.end <= c.end]
        if hosts:
            host = hosts[0]
            c.canonical = c.text[: host.start - c.start] + host.canonical + c.text[host.end - c.start:]
            out.append(RelationCandidate("LOCATED_IN", c.canonical, host.key, False, c.start, c.end))
        out.append(RelationCandidate("PART_OF", c.canonical, parent_name, False, c.start, c.end))
    shadow = masked(text)
    branches = _branch_pattern()
    for centre in [c for c in candidates if c.type == "MediationCentre"]:
        branch = branches.match(shadow, centre.end)
        if branch:
            name = centre.canonical + branch["name"]
            new.append(Candidate("MediationCentre", "MediationBranch", name, branch.start("name"), branch.end("name"), branch["name"], "branch-of-centre"))
            out.append(RelationCandidate("PART_OF", name, centre.key, False, centre.start, branch.end()))
            out.append(RelationCandidate("ESTABLISHED", centre.key, name, False, centre.start, branch.end()))
            if branch["where"]:
                places = [p for p in candidates if p.type == "Place" and branch.start("where") <= p.start and p.end <= branch.end("where")]
                if places:
                    out.append(RelationCandidate("LOCATED_IN", name, places[-1].key, False, centre.start, branch.end()))
    for match in re.finditer(r"在([^，。；\n]{2,30}?)(?:设立|成立|建立|设置)", shadow):
        hosts = [h for h in candidates if h.type in ("Place", "Institution") and match.start(1) <= h.start and h.end <= match.end(1)]
        targets = [t for t in candidates if match.end() <= t.start <= match.end() + 8 and t.type in ("MediationCentre", "Institution", "Mechanism")]
        if hosts and targets:
            out.append(RelationCandidate("LOCATED_IN", targets[0].key, hosts[-1].key, False, match.start(), targets[0].end))
    for c in candidates:
        owner = c.attributes.get("owner")
        if owner and c.type in ("Institution", "MediationCentre"):
            out.append(RelationCandidate("LOCATED_IN", c.key, owner, True, c.start, c.end))
    return new, out
