"""The points family (基层法治观察点, 基层立法联系点 and 联络站, 政策法规咨询联系点, 法律服务工作站,
企业服务点): one point per place a sentence lists, each LOCATED_IN its place, typed by its head.

在金泽镇、黎里镇设立两家跨域基层法治观察点 is two points, 金泽镇跨域基层法治观察点 and
黎里镇跨域基层法治观察点; 新设…观察点，分别位于A和B likewise; 金泽镇、黎里镇的…观察点 names one
for each town; 确定A村、B村为…观察点 one for each village, the naming body's; X作为市人大常委会基层立法联系点
is the congress's point at X, and so is 市人大常委会基层立法联系点落户X; Y落户X and 新增N个Y name points
too. A site no gazetteer knows (在X开发区设立…) is read as a place when its
name ends like one (开发区, 园区, 街道). These readings replace other rules' readings of the same words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from govkg.loaders.rules.base import CJK, CLAUSE_OPENS, LEVEL_CHARS, POINT_PER_PLACE, SUB_UNIT_VERBS, Candidate, Context, RelationRecord, alternation, clause_start, finditer_near, inside, list_items, normalise
from govkg.loaders.rules.component import CANDIDATES, RELATIONS, SPANS, RuleComponent, VocabularySlice, candidates
from govkg.ontology.terms import Class, RelationType

_COUNT = "[\\d一二两三四五六七八九十]+[家个处]"
_HOSTS = (Class.Place, Class.Institution)
_INNERMOST = (Class.Township, Class.Village, Class.County)
_LEVEL_ENDS = ("省", "市", "区", "县", "旗", "州", "镇", "乡", "街道", "村", "社区")
"""How a place's full name ends (a stem such as 青浦 inside 青浦工业园 names no site)."""
_GENERIC_SITE = re.compile("(?:工业|经济|产业|高新|物流|商贸)?(?:技术)?(?:集中区|集聚区|开发区|园区|产业园)")
"""A site named by its kind alone (工业集中区): the place written before it is part of its name."""


def _joined(where: str, name: str) -> str:
    """A place's words and a point's name, the words they share written once (圈河口岸 + 口岸法律服务工作站 → 圈河口岸法律服务工作站)."""
    shared = next((k for k in range(min(len(where), len(name)) - 1, 1, -1) if where.endswith(name[:k])), 0)
    return where + name[shared:]


def _owned(text: str, body: Candidate) -> str:
    """A designating body as a point's name writes it, with its owner for a short form (市人大常委会 → 上海市人大常委会)."""
    written = text[body.start:body.end]
    owner = body.attributes.get("owner")
    if isinstance(owner, str) and written[:1] in LEVEL_CHARS and not written.startswith(owner):
        return owner + written[1:]
    return written


@dataclass(frozen=True)
class PointVocabulary(VocabularySlice):
    observation_heads: tuple[str, ...]
    establishment_verbs: tuple[str, ...]
    point_verbs: tuple[str, ...]
    point_listing_verbs: tuple[str, ...]
    point_classes: tuple[tuple[str, Class], ...]
    point_designation_verbs: tuple[str, ...]
    point_arrival_verbs: tuple[str, ...]
    point_naming_verbs: tuple[str, ...]
    point_site_suffixes: tuple[str, ...]


@Language.factory("govkg_observation_points", assigns=[CANDIDATES, SPANS, RELATIONS], requires=[CANDIDATES], default_config={})
class PointRule(RuleComponent):
    """Points set up at listed places (在A、B设立…观察点; …分别位于A和B; A、B的…观察点); reads the places and bodies before it."""

    Vocabulary = PointVocabulary
    vocabulary: PointVocabulary

    def prepare(self) -> None:
        vocabulary = self.vocabulary
        heads = alternation(vocabulary.observation_heads)
        verbs = alternation([*vocabulary.establishment_verbs, *vocabulary.point_verbs])
        self._set_up_at = re.compile(
            f"(?:在|依托)(?P<where>[^，。；\n]{{2,40}}?)(?:{verbs})的?(?P<count>{_COUNT})?"
            f"(?P<name>[{CJK}“”]{{0,16}}?(?:{heads}))"
        )
        self._respectively = re.compile(
            f"(?:{alternation(vocabulary.point_listing_verbs)})(?P<name>[{CJK}“”]{{0,16}}?(?:{heads}))(?P<count>{_COUNT})?[,，]?"
            f"分别(?:位于|设在|落户)(?P<where>[^，。；,;\n]{{2,40}})"
        )
        self._named_after = re.compile(f"的?(?P<name>(?:“[^“”]{{1,12}}”)?[{CJK}]{{0,8}}?(?:{heads}))")
        self._designated = re.compile(f"(?:{alternation(vocabulary.point_designation_verbs)})(?P<name>[{CJK}]{{0,16}}?(?:{heads}))")
        self._arrived = re.compile(f"(?P<name>[{CJK}“”]{{2,16}}?(?:{heads}))(?:{alternation(vocabulary.point_arrival_verbs)})(?P<where>[^，。；,;\n]{{2,30}})")
        self._arrival_verbs = tuple(vocabulary.point_arrival_verbs)
        self._arrival_reach = (16 + max(map(len, vocabulary.observation_heads)), max(map(len, self._arrival_verbs)) + 30)
        self._named_as = re.compile(f"(?:{alternation(vocabulary.point_naming_verbs)})(?P<where>[^，。；,;\\n]{{2,40}}?)为(?P<name>[{CJK}“”]{{0,16}}?(?:{heads}))")
        self._added = re.compile(f"(?:新增|新建|建成|新设)(?P<count>{_COUNT})(?P<name>[{CJK}“”]{{0,16}}?(?:{heads}))")
        self._designating = tuple(vocabulary.point_designation_verbs)
        self._verb_inside = re.compile(alternation([*vocabulary.establishment_verbs, *vocabulary.point_verbs, *SUB_UNIT_VERBS]))
        # 省人大常委会民族法规基层立法联系点于6月在我县挂牌: a body's point named whole where a clause opens
        self._owned_opening = re.compile(f"(?P<name>[{CJK}]{{0,8}}?(?:{heads}))(?=于|在|已|正式|挂牌|落户|设在|[，。；、])")
        self._classes = sorted(vocabulary.point_classes, key=lambda h: -len(h[0]))
        self._site = re.compile(f"[{CJK}]{{2,16}}?(?:{alternation(vocabulary.point_site_suffixes)})$")

    def point_class(self, name: str) -> Class:
        """The finer class of a point by the head its name ends with (基层立法联系点 → LegislativeContactPoint)."""
        return next((cls for head, cls in self._classes if name.endswith(head)), Class.ObservationPoint)

    def site(self, text: str, start: int, end: int, hosts: Sequence[Candidate]) -> Candidate | None:
        def start_of_run(hosts: Sequence[Candidate], after: int) -> int:
            return next((h.start for h in hosts if h.end == after and h.type == Class.Place), after)

        """A site no gazetteer knows, written at the end of ``text[start:end]`` after the places there (北滘镇广东工业设计城 → 广东工业设计城)."""
        after = start
        for host in sorted(hosts, key=lambda c: c.start):  # the run of full place names opening the words
            if host.start == after and host.end <= end and host.type == Class.Place and host.text.endswith(_LEVEL_ENDS):
                after = host.end
        if after == start and any(start <= h.start and h.end <= end for h in hosts if h.type == Class.Place and h.text.endswith(_LEVEL_ENDS)):
            return None
        found = self._site.search(text, after, end)
        if not found or found.start() != after or any(c in found.group(0) for c in "的在为和与、"):
            return None
        start = found.start()
        if after > start_of_run(hosts, after) and _GENERIC_SITE.fullmatch(found.group(0)):
            start = start_of_run(hosts, after)  # 环县工业集中区: a site named by kind alone keeps its place's name
        if any(h.type == Class.Place and h.start <= start and found.end() <= h.end and (h.start, h.end) != (start, found.end()) for h in hosts):
            return None  # 和平县产业转移工业园: a zone a rule has read whole, its county's name and all
        return Candidate(Class.Place, Class.Place, text[start:found.end()], start, found.end(), text[start:found.end()], "point-site")

    def find(self, doc: Doc, ctx: Context) -> tuple[Sequence[Candidate], Sequence[RelationRecord]]:
        text = ctx.text
        located = [c for c in candidates(doc) if c.type in _HOSTS]
        out: list[Candidate] = []
        relations: list[RelationRecord] = []

        def point(canonical: str, start: int, end: int, name: str) -> None:
            out.append(Candidate(Class.ObservationPoint, self.point_class(name), canonical, start, end, name, POINT_PER_PLACE, replaces=True))

        def at_site(where_start: int, where_end: int, host: Candidate | None) -> Candidate | None:
            """The unknown site closing the place words, LOCATED_IN the known place before it."""
            site = self.site(text, where_start, where_end, located)
            if site is None:
                return host
            out.append(site)
            if host is not None and host.type == Class.Place and host.text.endswith(_LEVEL_ENDS):
                relations.append(RelationRecord(RelationType.LOCATED_IN, site.key, host.key, False, host.start, site.end))
            return site

        taken: list[tuple[int, int]] = []
        for match in [*self._set_up_at.finditer(text), *self._respectively.finditer(text)]:
            taken.append(match.span())
            where_start, where_end = match.span("where")
            hosts = [c for c in located if where_start <= c.start and c.end <= where_end]
            name = match["name"]
            name_start, name_end = match.span("name")
            targets: list[tuple[str, Candidate]] = []
            for item_start, item_end in list_items(text, where_start, where_end):
                within = [c for c in hosts if item_start <= c.start and c.end <= item_end]
                if not within:
                    continue
                host = max(within, key=lambda c: (c.type != Class.Place, c.end - c.start, c.start))
                if host.type == Class.Place:
                    places = [c for c in within if c.type == Class.Place]
                    # 和平县产业转移工业园: the zone, not the county that opens its name
                    places = [c for c in places if not any(o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start for o in places)]
                    full = [c for c in places if c.text.endswith(_LEVEL_ENDS)]  # 白鹤镇青浦工业园 is in 白鹤镇, not 青浦
                    host = max(full or places, key=lambda c: (c.start, c.end))  # 珲春口岸: the port, not the city qualifying it
                host = at_site(item_start, item_end, host) or host
                # 依托朱家角镇文化活动室建成…观察点: the point is named by its place, not by the host body around it
                named_end = host.end if host.type == Class.Place and host.rule != "point-site" else item_end
                targets.append((text[item_start:named_end], host))
            if not targets:
                site = at_site(where_start, where_end, None)
                if site is not None:
                    targets.append((text[where_start:where_end], site))
            for where, host in targets:
                canonical = normalise(_joined(where, name)) if len(targets) > 1 or host.type == Class.Place else ctx.region + name
                point(canonical, name_start, name_end, name)
                relations.append(RelationRecord(RelationType.LOCATED_IN, canonical, host.canonical, False, match.start(), match.end()))
                relations.append(RelationRecord(RelationType.ESTABLISHED, ctx.region, canonical, True, match.start(), match.end()))
        for match in self._named_as.finditer(text):  # 县委依法治县办确定A村、B村为基层法治观察点: a point at each, the body's
            where_start, where_end = match.span("where")
            sites = []
            for item_start, item_end in list_items(text, where_start, where_end):
                within = [c for c in located if c.type == Class.Place and item_start <= c.start and c.end <= item_end]
                if within:
                    sites.append(max(within, key=lambda c: c.start))
            if not sites:
                continue
            taken.append(match.span())
            opened = clause_start(text, match.start())
            bodies = [c for c in located if c.type == Class.Institution and opened <= c.start and c.end <= match.start()]
            for site in sites:
                canonical = normalise(site.canonical + match["name"])
                point(canonical, match.start("name"), match.end("name"), match["name"])
                relations.append(RelationRecord(RelationType.LOCATED_IN, canonical, site.canonical, False, match.start(), match.end()))
                relations.extend(RelationRecord(RelationType.ESTABLISHED, b.canonical, canonical, False, b.start, match.end()) for b in bodies[-1:])
        starts = {c.start for c in located if c.type == Class.Place}
        places = sorted(  # innermost places only: 吴江区黎里镇 is read as 黎里镇
            (c for c in located if c.type == Class.Place and c.cls in _INNERMOST and c.end not in starts),
            key=lambda c: c.start,
        )
        for index, place in enumerate(places):
            if inside(place.start, taken):
                continue
            position, listed = place.end, [place]
            for following in places[index + 1:]:  # 金泽镇、黎里镇的…观察点: every place of the list gets a point
                gap = text[position:following.start]
                if not re.fullmatch(f"(?:[、和及]|与)[{CJK}]{{0,4}}?", gap):
                    break
                listed.append(following)
                position = following.end
            named = self._named_after.match(text, position)
            if not named or re.search("[、，,。；]", named["name"]) or self._verb_inside.search(named["name"]) \
                    or named["name"].startswith(self._designating):  # 仓房镇…建成观察点: the verb's; 方松街道作为…联系点: the designation's
                continue
            for host in listed:
                canonical = normalise(host.canonical + named["name"])
                point(canonical, named.start("name"), named.end(), named["name"])
                relations.append(RelationRecord(RelationType.LOCATED_IN, canonical, host.canonical, False, host.start, named.end()))
        self._designations(ctx, located, taken, point, at_site, relations)
        for owner in (c for c in located if c.type == Class.Institution and (c.start == 0 or text[c.start - 1] in CLAUSE_OPENS)):
            named = self._owned_opening.match(text, owner.end)
            if named is None or inside(owner.start, taken) or self._verb_inside.search(named["name"]) \
                    or inside(named.start(), [(c.start, c.end) for c in out]):
                continue
            taken.append((owner.start, named.end()))
            canonical = normalise(owner.canonical + named["name"])
            out.append(Candidate(Class.ObservationPoint, self.point_class(named["name"]), canonical, owner.start, named.end(),
                                 text[owner.start:named.end()], POINT_PER_PLACE, replaces=True))
            relations.append(RelationRecord(RelationType.ESTABLISHED, owner.canonical, canonical, True, owner.start, named.end()))
        for match in self._added.finditer(text):
            if not inside(match.start(), taken) and not inside(match.start("name"), [(c.start, c.end) for c in out]):
                taken.append(match.span())
                canonical = ctx.region + normalise(match["name"])
                point(canonical, match.start("name"), match.end("name"), match["name"])
                relations.append(RelationRecord(RelationType.ESTABLISHED, ctx.region, canonical, True, match.start(), match.end()))
        return out, relations

    def _designations(self, ctx: Context, located: Sequence[Candidate], taken: list[tuple[int, int]], point, at_site,
                      relations: list[RelationRecord]) -> None:
        """X作为市人大常委会基层立法联系点 (the body named designates X) and Y落户X: a point at X."""
        text = ctx.text
        for match in self._designated.finditer(text):
            if inside(match.start(), taken):
                continue
            where_start = clause_start(text, match.start())
            hosts = [c for c in located if c.type == Class.Place and where_start <= c.start and c.end <= match.start()]
            host = max(hosts, key=lambda c: c.start) if hosts else None
            host = at_site(where_start, match.start(), host)
            if host is None:
                continue
            taken.append(match.span())
            name = match["name"]
            designator = [c for c in located if c.type == Class.Institution and match.start("name") == c.start and c.end < match.end()]
            canonical = normalise(_owned(text, designator[0]) + host.canonical + text[designator[0].end:match.end()]) if designator else normalise(host.canonical + name)
            point(canonical, match.start("name") if not designator else designator[0].end, match.end(), name if not designator else text[designator[0].end:match.end()])
            relations.append(RelationRecord(RelationType.LOCATED_IN, canonical, host.canonical, False, where_start, match.end()))
            if designator:
                relations.append(RelationRecord(RelationType.ESTABLISHED, designator[0].canonical, canonical, True, where_start, match.end()))
        for match in finditer_near(self._arrived, text, self._arrival_verbs, *self._arrival_reach):
            if inside(match.start(), taken):
                continue
            where_start, where_end = match.span("where")
            hosts = [c for c in located if c.type == Class.Place and where_start <= c.start and c.end <= where_end]
            host = at_site(where_start, where_end, max(hosts, key=lambda c: c.start) if hosts else None)
            if host is None:
                continue
            taken.append(match.span())
            owner = next((c for c in located if c.type == Class.Institution and c.start == match.start("name") and c.end < match.end("name")), None)
            if owner is not None:  # 州人大常委会基层立法联系点落户X: the congress's point at X, as 作为 names it
                name = text[owner.end:match.end("name")]
                canonical = normalise(_owned(text, owner) + host.canonical + name)
                point(canonical, owner.end, match.end("name"), name)
                relations.append(RelationRecord(RelationType.ESTABLISHED, owner.canonical, canonical, False, match.start(), match.end()))
            else:
                canonical = normalise(host.canonical + match["name"])
                point(canonical, match.start("name"), match.end("name"), match["name"])
            relations.append(RelationRecord(RelationType.LOCATED_IN, canonical, host.canonical, False, match.start(), match.end()))
