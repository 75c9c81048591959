"""Where bodies and centres sit: stations and branches of mediation centres, what is set up where,
and the owner a short form names.

X驻青浦区人民法院调解室 is PART_OF X (a centre of its own) and LOCATED_IN the court; a centre
followed by 在A设立…分站 gets that branch, PART_OF it and LOCATED_IN A (one in each place listed,
each unit of a list A、B和C); a unit of its own a centre sets up (…纠纷调解室) is in the town named,
else in the centre, and PART_OF it only when it 下设 it; 在X设立Y and 依托X设立Y put Y in X, and a
mediation unit set up in a town is the town's (named region + town); Y落户X puts Y in X; 在A镇、B镇分别设立
…调解室 is a unit in each; a mediation unit named whole where a clause opens (交通事故纠纷人民调解委员会全年…)
is read; 区司法局 is LOCATED_IN the reporting region (implicit: the short form says so).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from govkg.loaders.rules.base import AFTER_A_WATER, CJK, COMPLETE, LEVEL_CHARS, PER_PLACE, PLACEHOLDER, QUALIFIER, SUB_UNIT_VERBS, Candidate, Context, RelationRecord, alternation, clause_end, clause_start, in_place, list_items, normalise, overlaps_any
from govkg.loaders.rules.component import CANDIDATES, RELATIONS, SPANS, RuleComponent, VocabularySlice, candidates
from govkg.loaders.rules.phrases import STATIONED
from govkg.ontology.terms import Class, RelationType

_HOSTS = (Class.Place, Class.Institution)
_HOSTED = (Class.MediationCentre, Class.Institution, Class.Mechanism)
_OWNED = (Class.Institution, Class.MediationCentre)
_UNDER = re.compile("(?:指导|领导|支持|推动|帮助|协调|协助|统筹)下")
"""在X指导下…: X guides; it is no place."""
_LOCAL = (Class.Township, Class.Village)
"""Places whose units are their own (a town's centre), not the reporting region's."""
_SUB_UNIT_VERBS = re.compile(alternation(SUB_UNIT_VERBS))
_SUB_UNIT = re.compile(f"[{CJK}]{{2,12}}?(?:室|站|中心|委员会|组|股|庭|所|窗口)")
"""An item of a list of sub-units (法律咨询室, 法律援助工作站, 人民调解中心, 线索移送组, 行政复议股, 仲裁庭, 公证服务窗口)."""
_WINDOW = "窗口"
"""A sub-unit that is a counter (公证服务窗口): a service of its body, no office."""
_ASIDE = re.compile("[（(][^（）()]{1,12}[）)]")
"""An alias in brackets between a centre and its verb (县综治中心（矛调中心）内设…)."""
_LEADING_VERBS = ("推动", "推进", "深化", "加强", "完善", "健全", "指导", "支持", "探索", "规范", "提升", "实现", "依托", "共建")
"""Verbs a clause may open with before a kind of unit (推动联合调解室规范运行): no unit's name starts with one."""
_KINDS = ("联合", "专业", "行业", "专职")
"""What names only a kind of mediation unit before its head (联合调解室): no unit of its own."""
_BACK_REFERENCE = re.compile(f"[{CJK}]{{1,6}}")
"""The head a clause opens with to name the centre the clause before set up (…共建X调解中心，中心下设…)."""
_GENERIC_BRANCH = ("", "调解", "人民调解")
"""What may stand before a branch head in a branch named by its kind (调解工作站): the centre's branch, not a unit of its own."""
_PLACE_SUFFIXES = ("街道", "镇", "乡", "社区", "村")
_COUNTER_POINTS = ("咨询服务点",)
"""A counter by another name (行政复议咨询服务点): a window of the host, not a point of the points family."""
_BUILT = ("建成",)
"""Verbs a body builds a unit with at a host (依托皇都村鼓楼建成…调解工作室): only with the host read."""
_COURT_UNIT_HEADS = ("巡回审判点", "审判点", "诉讼服务站", "诉讼服务点")
"""Heads of the units of a court or arbitration body a quote may name (设立“桃乡”巡回审判点): the body's unit, not a quote."""
_HOSTED_BY = "依托"
_JOINTLY = ("共建",)
"""Verbs partners set a unit up with at a host (A与B依托X共建Y): Y is in X, no one partner's unit."""
_ARRIVING = (Class.MediationCentre, Class.ObservationPoint)
"""Units a clause after the one that sets them up may place (…成立X中心，落户Y) without naming them again."""
_SEATS = ("办公地点", "办公室", "地点")
"""What of a unit a carried clause may name as being somewhere (委员会办公室设在X, 办公地点设在X): the unit's seat."""
_KIND_LENGTH = 7
"""How long a unit's written name may be and still name only its kind (检察联络室, 公益诉讼观察站): it takes its place's name."""
_SEATED = "设在"
"""How a body's seat is written (区委依法治区办设在本局, 委员会办公室设在县司法局): the body sits in the host."""
_RUNNING = ("运行", "运转", "办公", "开展工作")
"""Verbs after 依托X in a clause of its own (…调解点，依托X运行): the unit before is in X."""


def _actor_before(earlier: Sequence[Candidate], centre: Candidate, shadow: str) -> Candidate | None:
    """The body written just before 在 when ``centre`` is where something is set up (X在centre设立…), else None."""
    if centre.start == 0 or shadow[centre.start - 1] != "在":
        return None
    return next((c for c in earlier if c.type in (Class.Institution, Class.MediationCentre) and c.end == centre.start - 1), None)


_SERVICE_CENTRE = "服务中心"
_SUB_CENTRE = "分中心"
_SERVICE_BRANCHES = (_SUB_CENTRE, "受理点")
"""What a service centre sets up in the towns it lists (便民服务分中心, 行政复议受理点): its own, named with centre and town."""


_SECRETARIAT = "秘书处"
_GROUP_HEADS = ("联盟", "联合会", "协会", "委员会", "研究会")


def _secretariats(earlier: Sequence[Candidate], text: str) -> tuple[list[Candidate], list[RelationRecord]]:
    """共建“客家法律服务联盟”，联盟秘书处设在…: the next clause opening with the body's head and 秘书处 names its secretariat,
    PART_OF it."""
    new: list[Candidate] = []
    out: list[RelationRecord] = []
    for body in earlier:
        if body.type != Class.Institution:
            continue
        written = body.text.strip("“”")
        head = next((h for h in _GROUP_HEADS if written.endswith(h)), None)
        position = body.end + (1 if text.startswith("”", body.end) and not body.text.endswith("”") else 0)
        if head is None or not text.startswith(("，", ","), position) or not text.startswith(head + _SECRETARIAT, position + 1):
            continue
        start, end = position + 1, position + 1 + len(head) + len(_SECRETARIAT)
        name = normalise(body.canonical.strip("“”")) + _SECRETARIAT
        new.append(Candidate(Class.Institution, Class.Office, name, start, end, text[start:end], "secretariat"))
        out.append(RelationRecord(RelationType.PART_OF, name, body.key, False, body.start, end))
    return new, out


def _own_name(place: str, region: str) -> str:
    """A place's name without the reporting region the gazetteer writes before a name several places share."""
    return place.removeprefix(region) or place


_TOGETHER = re.compile("联合|共同")
_ADVERBS = ("分别", "共同", "联合", "各", "挂牌", "正式", "合作", "先后")


def _names_whole(text: str, host: Candidate, where_end: int) -> bool:
    """Whether ``host`` is all the where-words name up to ``where_end`` (an adverb before the verb aside): 在乡综治中心设立 names
    the centre, 在寻乌水流域 the river's basin; 依托靖和街道朝鲜族老年人协会 names more than the street."""
    rest = text[host.end:where_end]
    if host.type == Class.Place:
        rest = next((rest.removeprefix(w) for w in AFTER_A_WATER if rest.startswith(w)), rest)  # 在寻乌水流域设立…: at the water
    return rest == "" or rest in _ADVERBS


def _stem(place: str) -> str:
    """A town's or street's name without its suffix (勒流街道 → 勒流), as branches are named."""
    for suffix in _PLACE_SUFFIXES:
        if place.endswith(suffix) and len(place) > len(suffix) + 1:
            return place[: -len(suffix)]
    return place


@dataclass(frozen=True)
class BranchVocabulary(VocabularySlice):
    branch_heads: tuple[str, ...]
    branch_part_heads: tuple[str, ...]
    mediation_unit_heads: tuple[str, ...]
    establishment_verbs: tuple[str, ...]
    unit_heads: tuple[str, ...]
    mediation_cues: tuple[str, ...]
    point_arrival_verbs: tuple[str, ...]
    mediation_scopes: tuple[str, ...]
    np_stop_chars: str
    relation_verbs: dict[RelationType, tuple[str, ...]]
    organising_verbs: tuple[str, ...]
    phrase_verbs: dict[Class, tuple[str, ...]]
    counter_heads: tuple[str, ...]
    observation_heads: tuple[str, ...]


@Language.factory("govkg_branches", assigns=[CANDIDATES, SPANS, RELATIONS], requires=[CANDIDATES], default_config={})
class BranchRule(RuleComponent):
    """Stations and branches of centres, 在X设立Y, owners of short forms; reads every body, centre and place before it."""

    Vocabulary = BranchVocabulary
    vocabulary: BranchVocabulary

    def prepare(self) -> None:
        verbs = alternation(self.vocabulary.establishment_verbs)
        heads = alternation(self.vocabulary.branch_heads)
        self._branch = re.compile(f"(?:在(?P<where>[^，。；\\n]{{2,20}}?))?(?P<verb>{verbs})的?(?P<name>(?!的)[{CJK}]{{0,10}}?(?:{heads}))")
        units = alternation(self.vocabulary.unit_heads)
        built = alternation([*self.vocabulary.establishment_verbs, *_BUILT])
        jointly = alternation([*self.vocabulary.establishment_verbs, *_BUILT, *_JOINTLY])  # also 在派出所共建警民联调室
        self._unit = re.compile(f"(?:(?P<prep>在|依托)(?P<where>[^，。；\\n]{{2,20}}?))?(?:共同|联合)?(?P<verb>{jointly})的?(?P<name>(?!的)(?:[A-Z]{{1,3}}\\d{{0,4}})?[{CJK}{PLACEHOLDER}]{{0,16}}?(?:{units}))")
        counters = alternation([*self.vocabulary.counter_heads, *_COUNTER_POINTS])
        self._counter = re.compile(f"(?:在|依托)(?P<where>[^，。；,;\\n]{{2,40}}?)(?:分别|各)?(?:设立|开设|设置)(?P<name>[{CJK}“”{PLACEHOLDER}]{{2,14}}?(?:{counters}))(?=[，。；,;\\n])")
        self._set_up_in = re.compile(f"(?:在|依托)([^，。；\\n]{{2,30}}?)(?:{jointly})")
        # 设立A工作站、B工作站和C调解室: every item of the list a branch
        self._next_branch = re.compile(f"(?:以及|[、和及])(?P<name>[{CJK}]{{0,10}}?(?:{heads}))(?=以及|[、和及，。；,;\\n]|$)")
        self._per_place = re.compile(f"在(?P<where>[^，。；,;\\n]{{4,40}}?)(?:分别|共同|联合|各)?(?:{built})的?"
                                     f"(?P<name>(?!的)[{CJK}“”]{{0,16}}?(?:{alternation(self.vocabulary.mediation_unit_heads)}))")
        # 交通事故纠纷人民调解委员会全年调解…: a unit named whole where a clause opens, no owner or verb before it
        self._opening_name = re.compile(f"(?:^|(?<=[，。；：、\\n]))(?:[一二三四五六七八九十]是|其中|同时|此外|另外)?(?P<name>[{CJK}“”]{{2,16}}?(?:{alternation(self.vocabulary.mediation_unit_heads)}))")
        self._name_stops = re.compile("[" + re.escape(self.vocabulary.np_stop_chars) + "]|" + alternation(
            [*(v for vs in self.vocabulary.relation_verbs.values() for v in vs), *self.vocabulary.organising_verbs, *self.vocabulary.establishment_verbs, *SUB_UNIT_VERBS,
             *(v for vs in self.vocabulary.phrase_verbs.values() for v in vs)]))
        self._arrival = re.compile(f"(?:{alternation(self.vocabulary.point_arrival_verbs)})(?P<where>[^，。；,;\\n]{{2,30}})")
        self._unveiled = re.compile("在(?P<where>[^，。；,;\\n]{2,20}?)(?:揭牌|挂牌|正式运行|投入使用|启用|建成)")
        # …共建劳动争议调解室，调解室设在X / 办公地点设在X / 落户X / 依托X运行: the unit the clause before set up is in X
        self._carried_arrival = re.compile(
            f"[，,](?P<head>[{CJK}]{{0,8}}?)(?:(?:{alternation(self.vocabulary.point_arrival_verbs)})(?P<where>[^，。；,;\\n]{{2,30}})"
            f"|依托(?P<host>[^，。；,;\\n]{{2,30}}?)(?:{alternation(_RUNNING)}))")

    def find(self, doc: Doc, ctx: Context) -> tuple[Sequence[Candidate], Sequence[RelationRecord]]:
        earlier = candidates(doc)
        new: list[Candidate] = []
        out: list[RelationRecord] = []
        for c in earlier:
            if c.type != Class.MediationCentre or STATIONED not in c.text:
                continue
            k = c.text.index(STATIONED)
            parent_name = c.text[:k]
            if len(parent_name) < 2:
                continue
            new.append(Candidate(Class.MediationCentre, Class.MediationCentre, parent_name, c.start, c.start + k, parent_name, "hosted-parent"))
            hosts = [h for h in earlier if h.type == Class.Institution and c.start + k < h.start and h.end <= c.end]
            if hosts:
                out.append(RelationRecord(RelationType.LOCATED_IN, c.canonical, hosts[0].key, False, c.start, c.end))
            out.append(RelationRecord(RelationType.PART_OF, c.canonical, parent_name, False, c.start, c.end))
        shadow = ctx.masked
        for centre in [c for c in earlier if c.type == Class.MediationCentre or c.type == Class.Institution and c.canonical.endswith(_SERVICE_CENTRE)]:
            branch = self._branch.match(shadow, centre.end)
            if branch and centre.type == Class.Institution and not branch["name"].endswith(_SERVICE_BRANCHES):
                continue  # a service centre's sub-centres and intake points only (县政务服务中心在A镇设立便民服务分中心)
            if branch and _actor_before(earlier, centre, shadow) is None:
                places = [p for p in earlier if p.type == Class.Place and branch["where"] and branch.start("where") <= p.start and p.end <= branch.end("where")]
                sites: list[Candidate | None] = []  # 在A镇、B镇设立分中心: a branch in each place listed; the innermost of each item
                if branch["where"]:
                    for item_start, item_end in list_items(ctx.text, *branch.span("where")):
                        within = [p for p in places if item_start <= p.start and p.end <= item_end]
                        if within:
                            sites.append(max(within, key=lambda p: p.start))
                sites = sites or [None]
                # 在乡综治中心设立满族文化调解室: a unit of its own is in the centre the words name
                seat = next((h for h in sorted(earlier, key=lambda h: h.start - h.end) if branch["where"] and h.type in (Class.MediationCentre, Class.Institution)
                             and h is not centre and branch.start("where") <= h.start and h.end <= branch.end("where") and _names_whole(ctx.text, h, branch.end("where"))), None)
                bare = branch["name"] in self.vocabulary.branch_heads  # 在勒流街道设立分中心: the branch is named by its place
                items = [(branch.start("name"), branch.end("name"))]
                while (following := self._next_branch.match(shadow, items[-1][1])) is not None:
                    items.append(following.span("name"))
                for (start, end), site in ((item, site) for item in items for site in sites):
                    written = ctx.text[start:end]
                    # a branch named as one (分中心, 勒流街道工作站) is PART_OF the centre; a unit of its own (X纠纷调解室) the
                    # centre sets up is in the place named, else in the centre
                    head = next((h for h in sorted(self.vocabulary.branch_heads, key=len, reverse=True) if written.endswith(h)), "")
                    branch_named = bare or written.endswith(self.vocabulary.branch_part_heads) or written[: len(written) - len(head)] in _GENERIC_BRANCH
                    service = centre.type == Class.Institution  # a service centre's sub-centre in each town: named with the town
                    if branch_named or site is None or service:
                        town = (_stem(site.canonical) if bare else _own_name(site.canonical, ctx.region) if service else "") if site else ""
                        name = centre.canonical + town + written
                    else:
                        name = in_place(ctx, site.canonical) + written if site.canonical != ctx.region else centre.canonical + written
                    type_, cls = (Class.Institution, Class.Office) if service else (Class.MediationCentre, Class.MediationBranch)
                    new.append(Candidate(type_, cls, name, start, end, written, "branch-of-centre", replaces=True))
                    if branch_named:
                        out.append(RelationRecord(RelationType.PART_OF, name, centre.key, False, centre.start, end))
                    out.append(RelationRecord(RelationType.ESTABLISHED, centre.key, name, False, centre.start, end))
                    if site is not None:
                        out.append(RelationRecord(RelationType.LOCATED_IN, name, site.key, False, centre.start, end))
                    elif not branch_named:
                        out.append(RelationRecord(RelationType.LOCATED_IN, name, (seat or centre).key, False, centre.start, end))
        counters, counter_relations = self._counters(earlier, ctx)
        new += counters
        out += counter_relations
        per_place, per_place_relations = self._units_per_place(earlier, ctx)
        new += per_place
        out += per_place_relations
        earlier = [*earlier, *per_place]
        units, unit_relations = self._units(earlier, shadow, ctx)
        new += units
        out += unit_relations
        for match in self._set_up_in.finditer(shadow):
            if _UNDER.search(match.group(1)):
                continue  # 在县司法局指导下成立…: who guides, not where
            hosts = sorted((h for h in earlier if h.type in (*_HOSTS, Class.MediationCentre) and match.start(1) <= h.start and h.end <= match.end(1)),
                           key=lambda h: (h.end, h.end - h.start))  # 依托重坊镇综治中心: the centre, not its town
            clause = clause_end(shadow, match.end())
            targets = [t for t in earlier if match.end() <= t.start <= match.end() + 8 and t.end <= clause and t.type in _HOSTED]
            if hosts and targets:
                target, host = targets[0], hosts[-1]
                if target.type == Class.MediationCentre and not target.replaces and host.type == Class.Place and host.cls in _LOCAL \
                        and not ctx.gazetteer.names_a_place(target.canonical, ctx.region) \
                        and not any(c.replaces and c.overlaps(target) for c in (*earlier, *new)):
                    # 在茶田镇设立矛盾纠纷调处化解中心: the town's centre, not the county's of the same name
                    name = normalise(in_place(ctx, host.canonical) + target.text)
                    target = Candidate(target.type, target.cls, name, target.start, target.end, target.text, "unit-in-place", replaces=True)
                    new.append(target)
                out.append(RelationRecord(RelationType.LOCATED_IN, target.key, host.key, False, match.start(), target.end))
        renamed = {(c.start, c.end): c for c in new if c.replaces}  # a centre set up in a town is the town's (above)
        # the units read above may have sub-units too (…共同设立X协调办公室，下设A组和B组)
        hosts = [renamed.get((c.start, c.end), c) for c in earlier] + [c for c in new if c.type in (Class.Institution, Class.MediationCentre)]
        sub_units, sub_unit_relations = self._sub_units(hosts, [(c.start, c.end) for c in new], ctx)
        new += sub_units
        out += sub_unit_relations
        new += self._opening_names(earlier, new, ctx)
        secretariats, secretariat_relations = _secretariats(earlier, ctx.text)
        new += secretariats
        out += secretariat_relations
        out += self._arrivals(earlier, shadow)
        for c in earlier:
            owner = c.attributes.get("owner")
            if owner and c.type in _OWNED:
                out.append(RelationRecord(RelationType.LOCATED_IN, c.key, owner, True, c.start, c.end))
        return new, out

    def _sub_units(self, earlier: Sequence[Candidate], taken: Sequence[tuple[int, int]], ctx: Context) -> tuple[list[Candidate], list[RelationRecord]]:
        """A centre's sub-units listed after 下设/内设 (县综治中心内设A室、B室和C室; …共建X中心，中心下设A和B), those the
        branches rule has not read (``taken``): each named with the centre's name, PART_OF it; typed by its head (a point of
        the points family, a mediation unit, else an office)."""
        text = ctx.text
        centres = sorted((c for c in earlier if c.type in (Class.Institution, Class.MediationCentre)), key=lambda c: c.start)
        new: list[Candidate] = []
        out: list[RelationRecord] = []
        for verb in _SUB_UNIT_VERBS.finditer(text):
            opened = clause_start(text, verb.start())
            aside = next((m for m in _ASIDE.finditer(text, max(0, verb.start() - 14), verb.start()) if m.end() == verb.start()), None)
            centre_end = aside.start() if aside else verb.start()
            centre = next((c for c in centres if c.end == centre_end), None)
            if centre is None and opened == verb.start() and opened > 0 and text[opened - 1] in "，,":
                # …设立X办公室，下设A组和B组: the unit the clause before ends with
                centre = next((c for c in reversed(centres) if c.end == opened - 1), None)
            if centre is None and _BACK_REFERENCE.fullmatch(text, opened, verb.start()) and opened > 0 and text[opened - 1] in "，,。":
                # 中心下设 / 。该中心设有: the nearest centre before, in this sentence or the one before, whose name ends with the head
                head = text[opened:verb.start()].lstrip("该此其")
                paragraph = text.rfind("\n", 0, opened)
                sentence = max(text.rfind("。", 0, opened - 1 if text[opened - 1] == "。" else opened), paragraph)
                centre = next((c for c in reversed(centres) if sentence < c.start and c.end <= opened and len(head) >= 2
                               and c.canonical.endswith(head)), None)
            if centre is None:
                continue
            for start, end in list_items(text, verb.end(), clause_end(text, verb.end())):
                if not _SUB_UNIT.fullmatch(text, start, end):
                    break
                if overlaps_any(start, end, taken):
                    continue
                written = text[start:end]
                if written.endswith(self.vocabulary.observation_heads):
                    type_, cls = Class.ObservationPoint, Class.ObservationPoint
                elif written.endswith(self.vocabulary.mediation_unit_heads):
                    type_, cls = Class.MediationCentre, Class.MediationBranch
                elif written.endswith(_WINDOW):
                    type_, cls = Class.Mechanism, Class.Service
                else:
                    type_, cls = Class.Institution, Class.Office
                # a unit written with its own region (富源县医疗纠纷人民调解委员会) keeps its name
                name = normalise(written if ctx.region and written.startswith(ctx.region) else centre.canonical + written)
                complete = {COMPLETE: True} if centre.attributes.get(COMPLETE) else {}  # a joint unit's groups: no one region's either
                new.append(Candidate(type_, cls, name, start, end, written, "sub-unit", replaces=True, attributes=complete))
                out.append(RelationRecord(RelationType.PART_OF, name, centre.key, False, centre.start if centre.end == verb.start() else verb.start(), end))
        return new, out

    def _units(self, earlier: Sequence[Candidate], shadow: str, ctx: Context) -> tuple[list[Candidate], list[RelationRecord]]:
        """Units a body sets up (法庭设立…巡回审判点, 仲裁委员会在X设立…仲裁服务站): the body's, in the host named after 在 or in the body.

        The unit is named with its body's full name; it replaces a phrase read of the same words.
        """
        new: list[Candidate] = []
        out: list[RelationRecord] = []
        bodies = [c for c in earlier if c.type == Class.Institution]
        owners = [(body, body.end) for body in bodies if not shadow.endswith(("在", "依托"), 0, body.start)]  # 在/依托X设立: where, not who
        opening = {b.start: b for b in bodies}
        for pause_ in re.finditer("[，,](?=在)", shadow):  # A与B签署协议，在X镇设立…审判点: the body opening the clause before sets it up
            opener = opening.get(clause_start(shadow, pause_.start()))
            if opener is not None:
                owners.append((opener, pause_.end()))
        for body, position in owners:
            unit = self._unit.match(shadow, position)
            if not unit or position != body.end and not unit["prep"]:
                continue
            if any(c.replaces and (c.start, c.end) == unit.span("name") for c in earlier):
                continue  # a point (法律服务工作站) its own rule has read
            written = ctx.text[unit.start("name"):unit.end("name")]  # 设立“橡胶纠纷”巡回调解点: the quote is part of the name
            if PLACEHOLDER in unit["name"] and not any(cue in written for cue in self.vocabulary.mediation_cues) \
                    and written[written.rfind("”") + 1:] not in _COURT_UNIT_HEADS:
                # a quoted name the quote rule reads, unless it names a mediation unit (“橡胶纠纷”巡回调解点)
                # or a court's unit (“桃乡”巡回审判点) after it
                continue
            # 四地司法局在湘河镇联合设立…服务站: one unit of them all, named as written; one body's unit carries its name
            opened = clause_start(shadow, body.start)  # the clause of who sets it up (A与B签署协议，在X设立…: A's)
            limit = position if position == body.end else clause_end(shadow, body.start)
            where = min((k for k in (shadow.find("在", opened, limit), shadow.find(_HOSTED_BY, opened, limit)) if k >= 0), default=limit)
            named = [b for b in bodies if opened <= b.start and b.end <= where and not b.attributes.get(QUALIFIER)]  # who, not where
            joint = len({b.key for b in named if not any(o.start <= b.start and b.end <= o.end and o.end - o.start > b.end - b.start for o in named)}) > 1
            if position != body.end:  # A与B签署协议，在X设立…: the opener's, unless the clause says they did it together (联合设立)
                joint = joint and bool(_TOGETHER.search(shadow, unit.start(), unit.start("verb")))
            own = written[:1] in LEVEL_CHARS and ctx.region.endswith(written[:1]) and len(written) > 3  # 区涉外法律服务工作站: the region's
            name = written if joint or own or written.startswith(body.canonical) else body.canonical + written
            # a court's unit is the court's office whatever it handles (涉企纠纷诉讼服务站, 纠纷巡回审判点)
            mediation = any(cue in written for cue in self.vocabulary.mediation_cues) and not written.endswith(_COURT_UNIT_HEADS)
            type_, cls = (Class.MediationCentre, Class.MediationBranch) if mediation else (Class.Institution, Class.Office)
            hosts = [h for h in earlier if unit["where"] and h.type in (*_HOSTS, Class.MediationCentre) and unit.start("where") <= h.start and h.end <= unit.end("where")]
            if unit["verb"] in _JOINTLY and not unit["prep"]:
                continue  # A与B共建Y: the partners' joint unit, no one body's (在X共建Y: the unit at X)
            if not hosts and (unit["verb"] in _BUILT or unit["prep"] == _HOSTED_BY):
                continue  # 依托县工商业联合会建成…: a host no rule read names no unit of the body
            point = written.endswith(self.vocabulary.observation_heads) and hosts and hosts[-1].type == Class.Institution and hosts[-1] is not body
            if point:  # 法律援助中心在县残疾人联合会设立残疾人法律援助工作站: a point of the points family, named by its host
                type_, cls = Class.ObservationPoint, Class.ObservationPoint
            if (mediation or point) and hosts:
                # 县司法局与积石山县司法局在官亭镇共同设立…调解室: a unit of the place, whoever of the partners is named last;
                # 在县矛盾纠纷调处化解中心设立…调解工作室: the host's
                name = (in_place(ctx, hosts[-1].canonical) if hosts[-1].type == Class.Place else hosts[-1].canonical) + written
            elif hosts and hosts[-1].type == Class.Place and len(written) <= _KIND_LENGTH and "“" not in written \
                    and not written.startswith(body.canonical):
                # 区人民检察院在交口乡设立检察联络室: a unit named by its kind alone is the body's at the place (“稻香”审判点 has a name);
                # one several bodies set up is the place's as written (…签订协议，在寻乌水流域联合设立巡回审判点: 寻乌水流域巡回审判点)
                place = hosts[-1].canonical.removeprefix(ctx.region)
                if joint:
                    written_place = ctx.text[hosts[-1].start:unit.end("where")]
                    place = next((written_place.removesuffix(a) for a in _ADVERBS if written_place.endswith(a)), written_place)
                name = (place if joint else body.canonical + place) + written
            new.append(Candidate(type_, cls, name, unit.start("name"), unit.end("name"), written, "unit-of-body", replaces=True,
                                 attributes={COMPLETE: True} if joint and name == written else {}))
            out.append(RelationRecord(RelationType.ESTABLISHED, body.key, name, False, body.start, unit.end()))
            if hosts and not _names_whole(ctx.text, hosts[-1], unit.end("where")):
                continue  # 依托靖和街道朝鲜族老年人协会设立…: in the association no rule read, not in the street
            if not hosts and joint:
                continue  # A与B共同设立X: no one partner hosts it
            host = hosts[-1].key if hosts else body.key
            out.append(RelationRecord(RelationType.LOCATED_IN, name, host, False, body.start, unit.end()))
        return new, out

    def _counters(self, earlier: Sequence[Candidate], ctx: Context) -> tuple[list[Candidate], list[RelationRecord]]:
        """Counters opened in a host (在县政务服务中心设立行政复议受理窗口): the host's, named with it and LOCATED_IN it;
        在A镇、B镇分别设立“…”服务窗口 is a counter in each place. Who opens them, the verb's subjects."""
        new: list[Candidate] = []
        out: list[RelationRecord] = []
        hosts = [c for c in earlier if c.type in (*_HOSTS, Class.MediationCentre)]
        for match in self._counter.finditer(ctx.masked):
            written = ctx.text[match.start("name"):match.end("name")]
            if written.endswith(self.vocabulary.observation_heads) and not written.endswith(_COUNTER_POINTS):
                continue  # 企业服务点: a point, read by its own rule
            sites = []
            for item_start, item_end in list_items(ctx.text, *match.span("where")):
                within = sorted((h for h in hosts if item_start <= h.start and h.end <= item_end), key=lambda h: (h.end, h.end - h.start))
                if within and within[-1].end == item_end - (ctx.text[item_end - 2:item_end] == "分别") * 2:
                    sites.append(within[-1])
            for site in sites:
                name = normalise((in_place(ctx, site.canonical) if site.type == Class.Place else site.canonical) + written)
                new.append(Candidate(Class.Mechanism, Class.Service, name, match.start("name"), match.end("name"), written, PER_PLACE, replaces=True))
                out.append(RelationRecord(RelationType.LOCATED_IN, name, site.key, False, match.start(), match.end()))
        return new, out

    def _units_per_place(self, earlier: Sequence[Candidate], ctx: Context) -> tuple[list[Candidate], list[RelationRecord]]:
        """在A镇、B镇分别设立…调解室: one unit in each place the list names, each LOCATED_IN its place (who sets them up, the verb's subjects)."""
        new: list[Candidate] = []
        out: list[RelationRecord] = []
        places = [c for c in earlier if c.type == Class.Place and c.cls != Class.Place]
        for match in self._per_place.finditer(ctx.text):
            where_start, where_end = match.span("where")
            if not any(cue in match["name"] for cue in self.vocabulary.mediation_cues):
                continue
            listed = []
            for item_start, item_end in list_items(ctx.text, where_start, where_end):
                within = [p for p in places if item_start <= p.start and p.end <= item_end]
                if within:
                    listed.append(max(within, key=lambda p: p.start))  # 茶田镇大坪村: the innermost
            if len(listed) < 2:
                continue
            written = match["name"]
            cls = Class.MediationBranch if not written.endswith("中心") else Class.MediationCentre
            for place in listed:
                name = normalise(in_place(ctx, place.canonical) + written)
                new.append(Candidate(Class.MediationCentre, cls, name, match.start("name"), match.end("name"), written, PER_PLACE, replaces=True))
                out.append(RelationRecord(RelationType.LOCATED_IN, name, place.key, False, match.start(), match.end()))
        return new, out

    def _opening_names(self, earlier: Sequence[Candidate], new: Sequence[Candidate], ctx: Context) -> list[Candidate]:
        """Mediation units named whole at the opening of a clause or list item (交通事故纠纷人民调解委员会全年调解…, “…”调解室、…):
        a name with a cue, not a level of units (村级调解室), not read by another rule."""
        out: list[Candidate] = []
        taken = [(c.start, c.end) for c in (*earlier, *new)]
        for match in self._opening_name.finditer(ctx.masked):
            start, end = match.span("name")
            written = ctx.text[start:end]
            head = next(h for h in sorted(self.vocabulary.mediation_unit_heads, key=len, reverse=True) if written.endswith(h))
            rest = written[: len(written) - len(head)].removesuffix("人民")
            if (not rest or rest.startswith(self.vocabulary.mediation_scopes) or not any(cue in written for cue in self.vocabulary.mediation_cues)
                    or self._name_stops.search(rest) or rest[0] in "各全本我该每" or rest.startswith(_LEADING_VERBS) or rest in _KINDS
                    or overlaps_any(start, end, taken)):
                continue
            cls = Class.MediationCentre if head.endswith(("中心", "委员会")) else Class.MediationBranch
            out.append(Candidate(Class.MediationCentre, cls, normalise(written), start, end, written, "mediation-named"))
        return out

    def _arrivals(self, earlier: Sequence[Candidate], shadow: str) -> list[RelationRecord]:
        """A centre 落户/设在/建在 X, or 在X揭牌/正式运行, and an office 设在 X (区委依法治区办设在本局): it is LOCATED_IN the
        innermost place or the body X names."""
        out: list[RelationRecord] = []
        hosts = [h for h in earlier if h.type in (*_HOSTS, Class.MediationCentre)]
        for centre in earlier:
            if centre.type != Class.MediationCentre and not (centre.type == Class.Institution and shadow.startswith(_SEATED, centre.end)):
                continue
            arrival = self._arrival.match(shadow, centre.end) or self._unveiled.match(shadow, centre.end)  # …落户X, …在X揭牌运行
            if arrival is None:
                continue
            where_start, where_end = arrival.span("where")
            within = [h for h in hosts if where_start <= h.start and h.end <= where_end and h is not centre]
            if not within:
                continue
            run, position = [], where_start  # the names written one after the other from the verb on (茶田镇大坪村)
            if shadow[where_start] in "县区市" and not any(h.start == where_start for h in within):
                position += 1  # 在县城关镇: the region's own town
            for host in sorted(within, key=lambda h: (h.start, -h.end)):
                if host.start == position:
                    run.append(host)
                    position = host.end
            if run:
                out.append(RelationRecord(RelationType.LOCATED_IN, centre.key, run[-1].key, False, centre.start, run[-1].end))
        out += self._carried_arrivals(earlier, shadow, hosts)
        return out

    def _carried_arrivals(self, earlier: Sequence[Candidate], shadow: str, hosts: Sequence[Candidate]) -> list[RelationRecord]:
        """…共建X调解室，调解室设在Y (or 办公地点设在Y, 落户Y, 依托Y运行): the unit the clause before names last is in Y.

        The clause may name the unit by its head (调解室, 基地, 委员会办公室) or its seat only; a body is placed
        only when the clause names it by its head (…共建研究基地，基地设在县司法局).
        """
        out: list[RelationRecord] = []
        for match in self._carried_arrival.finditer(shadow):
            head = match["head"]
            stem = next((head[: -len(seat)] for seat in _SEATS if head.endswith(seat)), head)
            if head and not stem and head not in _SEATS:
                continue
            opened = clause_start(shadow, match.start())
            named = [c for c in earlier if opened <= c.start and c.end <= match.start()
                     and (c.type in _ARRIVING or (stem and c.type == Class.Institution))]
            if stem:
                named = [c for c in named if len(stem) >= 2 and c.text.strip("“”").endswith(stem)]
            if not named:
                continue
            unit = max(named, key=lambda c: (c.end, c.end - c.start))
            where_start, where_end = match.span("where") if match["where"] is not None else match.span("host")
            run, position = [], where_start
            for host in sorted((h for h in hosts if where_start <= h.start and h.end <= where_end and h is not unit), key=lambda h: (h.start, -h.end)):
                if host.start == position:
                    run.append(host)
                    position = host.end
            if run and position == where_end:  # 落户郯城街道社区服务中心 with the centre unread: not the street
                out.append(RelationRecord(RelationType.LOCATED_IN, unit.key, run[-1].key, False, unit.start, run[-1].end))
        return out
