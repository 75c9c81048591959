"""Bodies and their short forms: full names after a place (青浦区司法局, 南海区、禅城区人民法院 two
courts), short forms owned by the reporting region or the levels above it (区政府, 区市场监管局 →
青浦区市场监督管理局; 市委 → the city's committee, 省政府 → the province's), party committees'
commissions and schools (区委依法治区办, 区委党校), the centre's bodies (党中央, 国务院), bodies
named by a count of regions (三地司法局: the bodies of that head named before), universities and
arbitration commissions, bare courts (法院), the offices and branches inside a body (区政府办公室,
区人民法院X人民法庭) and a body's platform (区政府门户网站).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from govkg.loaders.rules.base import CJK, CJK_CHAR, COMPLETE, LIST_LINKS, PROTECTED_AREA, QUALIFIER, SHARED_HEAD, SUB_UNIT_VERBS, TOWN_BY_SUFFIX, Candidate, Context, RelationRecord, alternation, in_place, inside, overlaps_any
from govkg.loaders.rules.places import FOREIGN_DIVISION
from govkg.loaders.rules.component import CANDIDATES, RELATIONS, SPANS, RuleComponent, VocabularySlice, candidates
from govkg.ontology.terms import Class, RelationType

_FUNCTION_CHARS = "对与和及、由经向在为同让请将把被从至并于"
_SHORT_FORM = re.compile("自治区|区|县|旗|省|州|盟|地(?=委)|市(?!场)")
def _owners(ctx: Context) -> dict[str, str]:
    """Whom a short form names (:meth:`Context.owners`), with the levels of autonomous regions: 自治区 → the
    region's autonomous region (自治区党委), 盟 → its league (盟委, 盟行署), 地委 → its prefecture (地区)."""
    owners = ctx.owners()
    if owners.get("省", "").endswith("自治区"):
        owners["自治区"] = owners["省"]
    if ctx.region in ctx.gazetteer:
        for place in ctx.gazetteer.chain(ctx.region)[1:]:
            if place.level == "prefecture" and place.name.endswith("盟"):
                owners["盟"] = place.name
            if place.level == "prefecture" and place.name.endswith("地区"):
                owners["地"] = place.name
    return owners


_SARS = ("香港特别行政区", "澳门特别行政区")
"""Owners whose bodies' names hold 及 (经济及科技发展局)."""
_OWNER_LEVELS = (Class.Province, Class.Prefecture, Class.County, Class.Township)
_CENTRE = "中央"
_YOUTH_LEAGUE = "团"
_JOINT_CUES = re.compile("边界|边境|交界|毗邻|联调|联防|联合|协作|跨")
"""Words of a name after a count of places that make it the name of one body they share (四县边界联调委员会)."""
_AUTONOMOUS = ("自治县", "自治州", "自治旗")
_BUREAU = "局"
_BUILDING = "建设"
_YOUTH_LEAGUE_FULL = "共青团"
_TOWN_PARTY = ("党委", "党工委")
_CARRIED_GOVERNMENT = ("、政府", "和政府")
_COMMITTEE = "委员会"
_PARTY = "中共"
_PARTY_GROUP = "党组"
_LIST_LINKS = "、和及"
"""What carries an owner over to the next body (区法院、司法局); not 与, which names partners of their own."""
_HEADS_NEEDING_A_BODY = ("委员会", "局", "厅", "委办", "办公室", "中心", "所", "大队", "支队")
_NAMED_AS_WRITTEN = ("学校",)
"""Heads of bodies named as written after a place's short form (鹤岗师范高等专科学校), not after its full name."""
_AUTHORITY = re.compile("管理局|管理处|管理委员会|管委会")


def _area_authorities(text: str, places: Sequence[Candidate], covered: Sequence[tuple[int, int]]) -> list[Candidate]:
    """The authority of a park or reserve, named by it (东北虎豹国家公园管理局, 桃源洞国家级自然保护区管理局): a body of its own,
    whose branches (…管理局汪清分局) the sub-institution reading finds after it."""
    out = []
    for place in places:
        found = _AUTHORITY.match(text, place.end) if place.rule == PROTECTED_AREA else None
        if found and not overlaps_any(place.start, found.end(), covered):
            name = place.canonical + found.group(0).replace("管委会", "管理委员会")
            out.append(Candidate(Class.Institution, Class.Department, name, place.start, found.end(), text[place.start:found.end()],
                                 "institution-authority", attributes={COMPLETE: True}))
    return out


_VENUE = re.compile(f"(?:(?<=在)|(?<=依托))(?P<name>[{CJK}]{{2,12}}?(?:纪念馆|博物馆|陈列馆|展览馆|书院|旧址))"
                    "(?=(?:共同|联合)?(?:设立|建立|建成|挂牌|成立|打造|共建|开设|举办|开展))")
"""A memorial hall, museum, academy or historic site where something is set up or held (依托龙州起义纪念馆设立…基地)."""


def _venues(text: str, covered: Sequence[tuple[int, int]]) -> list[Candidate]:
    """Venues named whole where the text sets something up in them: bodies that host it, named as written."""
    return [Candidate(Class.Institution, Class.ServiceCentre, m["name"], m.start("name"), m.end("name"), m["name"], "institution-venue",
                      attributes={COMPLETE: True})
            for m in _VENUE.finditer(text) if not overlaps_any(m.start("name"), m.end("name"), covered) and m["name"][0] not in "县区市"]


_SUB_BODY_FORBIDDEN = re.compile("[及和与、的在]|分别|政府|局|院|全年|现有|审查|联合|会同|协同|配合|聘请|邀请|组织|开展|召开|指导|推动|牵头")
_BOUNDARY = set("，。；：、！？,;:!?\n（）() \u3000与和及同由经在向对并")
"""What may stand before a name that no place opens (华南理工大学法学院, 佛山仲裁委员会)."""
_NAMING_VERBS = ("联合", "组织", "邀请", "聘请", "会同", "委托", "依托")
"""Verbs a named partner follows (联合华南理工大学法学院, 组织湖北正源律师事务所律师…)."""
_PARTNER_VERBS = (*_NAMING_VERBS, "支持", "引导", "推动", "鼓励", "指导", "培育", "规范", "督促", "发动", "动员", "入驻", "吸纳")
"""Verbs that open no name (支持律师事务所…, 入驻律师事务所: the firms in general)."""
_COURT_BRANCHES = ("人民法庭", "法庭")
_TOWN_SHORT = re.compile("镇|乡")
_SCHOOL_OF = re.compile(f"[{CJK}]{{2,6}}?与[{CJK}]{{2,8}}?学院|政法学院|法律学院|[{CJK}]{{2,6}}?研究院")
"""A school or institute of a university written right after it: one whose name joins two subjects (法学与公共管理学院),
a school of politics and law (政法学院), an institute (法治政府研究院)."""
_BRACKETED = re.compile(f"[（(](?P<alias>[{CJK}]{{2,10}})[）)]")
_NOT_MEDIATION = (Class.Association, Class.ArbitrationBody, Class.Court, Class.Procuratorate, Class.Government, Class.Legislature)
"""Classes a body keeps whatever its name says of disputes (县人民调解员协会, 县劳动人事争议仲裁委员会)."""


def _listed_places(ending_at: dict[int, Candidate], end: int, text: str) -> list[Candidate]:
    """The places a 、/和/与 list ending at ``end`` names, first to last (河北、山东 before 两地法院)."""
    listed: list[Candidate] = []
    while (place := ending_at.get(end)) is not None:
        listed.insert(0, place)
        if place.start == 0 or text[place.start - 1] not in (*LIST_LINKS, "与"):
            break
        end = place.start - 1
    return listed


def _foreign(place: Candidate, ctx: Context) -> bool:
    """A neighbouring country (老挝) or one of its divisions (琅南塔省)."""
    if place.rule == FOREIGN_DIVISION:
        return True
    return place.canonical in ctx.gazetteer and ctx.gazetteer.place(place.canonical).level == "country"



def party_committee(region: str) -> str:
    """The canonical name of a region's party committee, as the genre writes it in full.

    中共XX县委 in general; a county named by one character keeps 县 twice (中共萧县县委: 中共萧县委
    would read as 萧's); a 地区's is the 地委 (中共大兴安岭地委); an autonomous region's and a town's the 委员会, a
    street's the 工作委员会.
    """
    if region.endswith(("自治区", "镇", "乡")):
        return f"中共{region}委员会"  # 中共叙永县分水镇委员会
    if region.endswith("街道"):
        return f"中共{region}工作委员会"
    if region.endswith("地区"):
        return f"中共{region.removesuffix('地区')}地委"
    if len(region) == 2 and region.endswith("县"):
        return f"中共{region}县委"
    return f"中共{region}委"

class BodyHead(NamedTuple):
    """A head word of a body's name, the body's class, and the head written in full."""

    word: str
    cls: Class
    full: str


@dataclass(frozen=True)
class BodyVocabulary(VocabularySlice):
    institution_heads: tuple[BodyHead, ...]
    institution_body_forbidden: tuple[str, ...]
    bare_institutions: tuple[BodyHead, ...]
    abbreviations: tuple[tuple[str, str], ...]
    mediation_cues: tuple[str, ...]
    sub_institution_heads: tuple[str, ...]
    platform_heads: tuple[str, ...]
    relation_verbs: dict[RelationType, tuple[str, ...]]
    national_bodies: tuple[BodyHead, ...]
    named_body_heads: tuple[tuple[str, Class], ...]
    region_count_words: tuple[str, ...]
    self_references: tuple[str, ...]
    vertical_bodies: tuple[tuple[str, str], ...]
    township_unit_heads: tuple[str, ...]


@Language.factory("govkg_institutions", assigns=[CANDIDATES, SPANS, RELATIONS], requires=[CANDIDATES],
                  default_config={"max_body": 12, "max_sub_body": 12})
class BodyRule(RuleComponent):
    """Bodies: full names after a place, short forms, bare courts, sub-offices (PART_OF their body), platforms.

    Reads the places found before it (a full name starts with one).

    Args:
        max_body: the longest name between an owner and a head (区 + 市场监管 + 局).
        max_sub_body: the longest name of an office after its body.
    """

    Vocabulary = BodyVocabulary
    vocabulary: BodyVocabulary

    def __init__(self, nlp: Language, name: str, max_body: int, max_sub_body: int) -> None:
        super().__init__(nlp, name)
        self.max_body = max_body
        self.max_sub_body = max_sub_body

    def prepare(self) -> None:
        vocabulary = self.vocabulary
        heads = alternation(h.word for h in vocabulary.institution_heads)
        self._pattern = re.compile(f"(?P<body>[{CJK}]{{0,{self.max_body}}}?)(?P<head>{heads})")
        self._forbidden = re.compile(alternation(vocabulary.institution_body_forbidden))
        self._heads = {h.word: (h.cls, h.full) for h in vocabulary.institution_heads}
        self._bare = [(h, re.compile(re.escape(h.word))) for h in vocabulary.bare_institutions]
        self._sub = re.compile(f"[{CJK}]{{0,{self.max_sub_body}}}?(?:{alternation(vocabulary.sub_institution_heads)})")
        self._verbs = [*(v for vs in vocabulary.relation_verbs.values() for v in vs), *SUB_UNIT_VERBS]
        self._platforms = re.compile(alternation(vocabulary.platform_heads))
        # 中央 alone is the party centre only where it heads a list of committees (落实中央和市委…, 中央、省、市)
        self._national = re.compile(f"{alternation(h.word for h in vocabulary.national_bodies)}|(?<!党){_CENTRE}(?=[和、及与][省市州区县])")
        self._national_heads = {h.word: h for h in vocabulary.national_bodies}
        named = alternation(w for w, _ in vocabulary.named_body_heads)
        self._named_body = re.compile(f"[{CJK}]{{2,12}}?(?:{named})")
        self._named_head = re.compile(named)
        self._named_by_length = sorted(vocabulary.named_body_heads, key=lambda h: -len(h[0]))
        self._boundary = re.compile(f"(?:^|(?<=[{re.escape(''.join(_BOUNDARY))}])|{'|'.join(f'(?<={v})' for v in _NAMING_VERBS)})[{CJK}]")
        self._named_cls = dict(vocabulary.named_body_heads)
        self._listed = re.compile(f"(?P<body>[{CJK}]{{0,6}}?)(?P<head>{heads})(?=[、和及与，。；等])")
        self._self_reference = re.compile(alternation(vocabulary.self_references))
        # 三县（市）司法局: a level in brackets counts the places of that level too
        self._counted = re.compile(f"(?:{alternation(vocabulary.region_count_words)})(?:[（(][市区县旗][）)])?(?P<name>[{CJK}]{{0,8}}?(?:{heads}))")
        self._town_units = set(vocabulary.township_unit_heads)
        self._town_unit = re.compile(alternation(vocabulary.township_unit_heads))

    def named(self, body: str, head: str, owner: str, joined: bool = False) -> tuple[Class, str] | None:
        """(class, canonical) of a body named ``owner`` + ``body`` + ``head``, or None.

        ``joined``: the owner names its bodies with 及 inside (澳门特别行政区经济及科技发展局), so 及 joins no list there.
        """
        vocabulary = self.vocabulary
        autonomy = next((a for a in _AUTONOMOUS if body.startswith(a) and owner.endswith(a)), "")
        body = body[len(autonomy):]  # 印江自治县人民政府: the short form 印江 and the level written after it, 自治县 once
        words = body.replace("及", "") if joined else body
        if head == _BUREAU:
            words = words.removesuffix(_BUILDING)  # 营商环境建设局, 城乡建设局: a bureau named by what it builds
        if self._forbidden.search(words):
            return None
        cls, full_head = self._heads[head]
        if head in _HEADS_NEEDING_A_BODY and not body:
            return None
        if head == "委" and (body == "党" or body == owner[-1:]):  # 自治区党委, 县党委, 浚县县委: the party committee
            return Class.PoliticalBody, party_committee(owner)
        if head == "委" and body:  # 县发改委; 县卫健委 by its abbreviation
            full = next((body[: -len(short) + 1] + full for short, full in vocabulary.abbreviations if (body + head).endswith(short)), None)
            return Class.Department, owner + (full or body + "委员会")
        if head.startswith("委") and len(head) > 1 and head not in ("委员会", "委办"):  # 区委党校, 县委依法治县办: the party committee's
            return (Class.PoliticalBody, party_committee(owner) + full_head.removeprefix("委")) if not body else None
        name = body + head
        for short, full in vocabulary.abbreviations:
            if name.endswith(short):
                name = name[: -len(short)] + full
                break
        else:
            name = body + full_head
        if head == "委":  # 中共兴安盟委, 中共大兴安岭地委
            return Class.PoliticalBody, party_committee(owner)
        if any(cue in name for cue in vocabulary.mediation_cues) and cls not in _NOT_MEDIATION:
            return Class.MediationCentre, owner + name  # 县矛盾纠纷调处化解中心; not 县人民调解员协会, 县劳动人事争议仲裁委员会
        return cls, owner + name

    def _body(self, cls: Class, canonical: str, start: int, end: int, text: str, rule: str, owner: str) -> Candidate:
        type_ = Class.MediationCentre if cls == Class.MediationCentre else Class.Institution
        if canonical.startswith(_PARTY) and text.endswith(_PARTY, 0, start):
            start -= len(_PARTY)  # 中共顺德区委…委员会: the party's name is part of the body's
        for head, centre in self.vocabulary.vertical_bodies:
            if canonical.endswith(head) and not canonical.startswith(centre):
                canonical = centre + canonical  # 县税务局 is 国家税务总局's body in the county: its name says so
                if text.endswith(centre, 0, start):
                    start -= len(centre)
        return Candidate(type_, cls, canonical, start, end, text[start:end], rule, attributes={"owner": owner})

    def find(self, doc: Doc, ctx: Context) -> tuple[Sequence[Candidate], Sequence[RelationRecord]]:
        text = ctx.text
        pattern = self._pattern
        out: list[Candidate] = []
        places = [c for c in candidates(doc) if c.type == Class.Place]
        ending_at = {c.end: c for c in places}
        foreign = {c.start for c in places if _foreign(c, ctx)}
        owner_places = sorted((c for c in places if c.cls in _OWNER_LEVELS or c.cls == Class.Village or c.start in foreign), key=lambda c: c.start)
        starts = {c.start: c for c in owner_places}
        for index, place in enumerate(owner_places):
            if place.end in starts:  # 广州市南沙区司法局 is 南沙区's
                continue
            if place.cls == Class.Township and (party := next((w for w in _TOWN_PARTY if text.startswith(w, place.end)), None)):
                # 分水镇党委、政府: the town's party committee, and its government carried over the list
                end, town = place.end + len(party), in_place(ctx, place.canonical)  # named as its other units are (叙永县黄坭镇)
                out.append(Candidate(Class.Institution, Class.PoliticalBody, party_committee(town), place.start, end,
                                     text[place.start:end], "institution-full", attributes={"owner": place.canonical, COMPLETE: True}))
                if text.startswith(_CARRIED_GOVERNMENT, end):
                    out.append(Candidate(Class.Institution, Class.Government, town + "人民政府", end + 1, end + 3,
                                         text[end + 1:end + 3], "institution-full", attributes={"owner": place.canonical, COMPLETE: True}))
                continue
            if text.endswith(_YOUTH_LEAGUE_FULL, 0, place.start) and text.startswith(_COMMITTEE, place.end):
                # 共青团政和县委员会: the Communist Youth League's committee of the place, written in full
                start, end = place.start - len(_YOUTH_LEAGUE_FULL), place.end + len(_COMMITTEE)
                out.append(Candidate(Class.Institution, Class.Association, f"{_YOUTH_LEAGUE_FULL}{place.canonical}{_COMMITTEE}", start, end,
                                     text[start:end], "institution-full", attributes={"owner": place.canonical, COMPLETE: True}))
                continue
            match = pattern.match(text, place.end)
            if match and self._counted.match(text, place.end):
                continue  # 河北、山东两地法院: each listed place's court (the counted rule), not 山东省两地人民法院
            if place.start in foreign:
                if match:
                    out.extend(self._foreign_body(place, match, ending_at, foreign, text))
                continue
            made = self.named(match["body"], match["head"], place.canonical, place.canonical in _SARS) if match else None
            if made and match and place.cls in (Class.Township, Class.Village) and made[0] != Class.MediationCentre and (
                    place.cls == Class.Village or (match["body"] or self._heads[match["head"]][0] != Class.Government)
                    and match.group(0) not in self._town_units):
                made = None  # a town's bodies: its government (乌兰花镇人民政府), its mediation units and its stations (司法所, 派出所)
            if made and place.cls in (Class.Township, Class.Village):
                made = self._town_unit_name(ctx, made, place.canonical, place.canonical)
                if place.rule == TOWN_BY_SUFFIX and not place.attributes.get("parent") and ctx.region and not made[1].startswith(ctx.region):
                    made = (made[0], ctx.region + made[1])  # 会兴街道司法所: a town no table has, the reporting region's unless written after another
            if match:
                if made:
                    # 南京市江宁区司法局: the body of 江宁区, written with its city in front
                    parent = ending_at.get(place.start)
                    start = parent.start if parent and parent.canonical in {p.name for p in ctx.gazetteer.chain(place.canonical)[1:]} else place.start
                    canonical = made[1]
                    if match["head"] in _NAMED_AS_WRITTEN and place.text != place.canonical and not match["body"].startswith(("第", "实验")):
                        canonical = text[start:match.end()]  # 鹤岗师范高等专科学校: a school's name as written, its city's short form and all
                    out.append(self._body(made[0], canonical, start, match.end(), text, "institution-full", place.canonical))
                    out.extend(self._sharing_head(owner_places[:index], place, match, text))
        covered = [(c.start, c.end) for c in out]
        # 三县区司法局: the count's 县 and 区 own no body (the counted rule reads it)
        covered += [(m.start(), m.start("name")) for m in self._counted.finditer(text)]
        owners = _owners(ctx)
        for found in _SHORT_FORM.finditer(text):
            position = found.start()
            owner = owners.get(found.group(0))
            if owner is None:
                continue
            before = text[position - 1] if position else ""
            after_function_word = not CJK_CHAR.match(before) or before in _FUNCTION_CHARS
            if before == _YOUTH_LEAGUE and text.startswith("委", found.end()) and not inside(position, covered):
                # 团县委: the Communist Youth League's committee of the county, not the party's
                out.append(Candidate(Class.Institution, Class.Association, f"共青团{owner}委员会", position - 1, found.end() + 1,
                                     text[position - 1:found.end() + 1], "institution-short", attributes={"owner": owner}))
                covered.append((position - 1, found.end() + 1))
                continue
            if ctx.token_starts and position not in ctx.token_starts and not after_function_word:
                continue
            if position > 0 and text[position - 1] in "全本我各该每" or inside(position, covered):
                continue
            match = pattern.match(text, found.end())
            if not match:
                continue
            made = self.named(match["body"], match["head"], owner)
            if made:
                out.append(self._body(made[0], made[1], position, match.end(), text, "institution-short", owner))
                covered.append((position, match.end()))
        out.extend(self._town_stem_units(ctx, covered, {c.end for c in out}))
        out.extend(self._own_town_units(ctx, places, covered))
        out.extend(self._listed_after(ctx, out, covered))
        out.extend(self._self_references(ctx, covered))
        out.extend(self._party_groups(ctx, out))
        covered = [(c.start, c.end) for c in out]
        out.extend(self._centre(text, covered))
        out.extend(self._named_bodies(text, covered))
        out.extend(self._counted_bodies(ctx.masked, out, places, ctx.region))  # masked: 《…四地司法行政协作…》 holds no bodies
        out.extend(self._bracketed_aliases(text, out))
        covered = [(c.start, c.end) for c in out]
        for head, word in self._bare:
            for found in word.finditer(text):
                if inside(found.start(), covered):
                    continue
                before = text[found.start() - 1] if found.start() else ""
                if CJK_CHAR.match(before) and before not in "驻在向由经与和及、":
                    continue
                out.append(Candidate(Class.Institution, head.cls, f"{ctx.region}{head.full}", found.start(), found.end(), head.word,
                                     "institution-bare", attributes={"owner": ctx.region}))
        out.extend(_area_authorities(text, places, [(c.start, c.end) for c in out]))
        out.extend(_venues(text, [(c.start, c.end) for c in out]))
        relations: list[RelationRecord] = []
        sub_parts: list[tuple[int, int]] = []
        for parent in out:  # grows: 县公安局交警大队交通事故纠纷人民调解委员会 is read office by office
            match = self._sub.match(text, parent.end)
            if not match or any(v in match.group(0) for v in self._verbs) or _SUB_BODY_FORBIDDEN.search(match.group(0)[:-2]):
                continue
            if self._platforms.match(text, parent.end):
                continue  # 市政府法律顾问专家库: the body's pool of experts, not an office
            sub_parts.append(match.span())
            name = parent.canonical + match.group(0)
            if any(cue in match.group(0) for cue in self.vocabulary.mediation_cues):
                # a body's mediation unit (县人民法院诉调对接中心): it sits in the body, by the name alone
                out.append(Candidate(Class.MediationCentre, Class.MediationBranch, name, match.start(), match.end(), match.group(0), "sub-institution"))
                relations.append(RelationRecord(RelationType.LOCATED_IN, name, parent.canonical, True, parent.start, match.end()))
                continue
            cls = Class.Court if parent.cls == Class.Court and match.group(0).endswith(_COURT_BRANCHES) else Class.Office
            # an office is written with its body (区政府办公室: the words name it whole); a court's branch stands alone
            start = parent.start if cls == Class.Office else match.start()
            complete = {COMPLETE: True} if parent.attributes.get(COMPLETE) else {}  # 国务院办公厅: as full as its body's name
            out.append(Candidate(Class.Institution, cls, name, start, match.end(), text[start:match.end()], "sub-institution", attributes=complete))
            # an office or branch is its body's by the name alone (区政府办公室, 县人民法院东平人民法庭): known, not stated
            relations.append(RelationRecord(RelationType.PART_OF, name, parent.canonical, True, parent.start, match.end()))
        # 三门峡市公安局湖滨分局: 湖滨分局 is the bureau's branch, no body of 湖滨区 of its own
        out = [c for c in out if c.type != Class.Institution or c.rule == "sub-institution" or not any(a <= c.start and c.end <= b for a, b in sub_parts)]
        # 区政府办公室 alone: the government only names whose office it is (no mention of its own; the entity stays, with the PART_OF)
        out = [dataclasses.replace(c, attributes={**c.attributes, QUALIFIER: True}) if c.type in (Class.Institution, Class.MediationCentre) and any(c.end == a for a, _ in sub_parts) else c for c in out]
        for body in [c for c in out if c.rule.startswith("institution")]:
            match = self._platforms.match(text, body.end)
            if match:
                name = body.canonical + match.group(0)
                out.append(Candidate(Class.Mechanism, Class.Platform, name, body.start, match.end(), text[body.start:match.end()], "institution-platform"))
        return out, relations

    def _town_unit_name(self, ctx: Context, made: tuple[Class, str], town: str, stem: str) -> tuple[Class, str]:
        """A town's unit named as the others are (通城县隽水镇司法所); a town's court is the county court's (通城县人民法院麦市人民法庭)."""
        cls, name = made
        if cls == Class.Court and ctx.region:
            return cls, f"{ctx.region}人民法院{stem.removesuffix('镇').removesuffix('乡')}人民法庭"
        return cls, in_place(ctx, town) + name[len(town):]

    def _own_town_units(self, ctx: Context, places: Sequence[Candidate], covered: list[tuple[int, int]]) -> list[Candidate]:
        """香花镇人民调解委员会在镇便民服务中心…: 镇/乡 after a function word is the town the sentence named last, and the unit its own."""
        text = ctx.text
        out: list[Candidate] = []
        towns = sorted((p for p in places if p.cls == Class.Township), key=lambda p: p.start)
        for found in _TOWN_SHORT.finditer(text):
            position = found.start()
            if position == 0 or text[position - 1] not in _FUNCTION_CHARS or inside(position, covered):
                continue
            unit = self._town_unit.match(text, found.end())
            sentence = max(text.rfind(end, 0, position) for end in "。\n") + 1
            town = next((p for p in reversed(towns) if sentence <= p.start and p.end <= position and p.canonical.endswith(found.group(0))), None)
            if unit is None or town is None:
                continue
            named = self._pattern.fullmatch(unit.group(0))
            made = self.named(named["body"], named["head"], town.canonical) if named else None
            if made is None:
                continue
            cls, name = self._town_unit_name(ctx, made, town.canonical, town.canonical)
            type_ = Class.MediationCentre if cls == Class.MediationCentre else Class.Institution
            out.append(Candidate(type_, cls, name, position, unit.end(), text[position:unit.end()], "institution-town",
                                 attributes={"owner": town.canonical}))
            covered.append((position, unit.end()))
        return out

    def _town_stem_units(self, ctx: Context, covered: list[tuple[int, int]], body_ends: set[int]) -> list[Candidate]:
        """麦市人民法庭, 城关派出所: a town's station named by the town's stem (麦市 of 麦市镇), the town one of the reporting region's;
        not one written after its body (县人民法院麦市人民法庭: the branch rule's)."""
        text = ctx.text
        out: list[Candidate] = []
        if not ctx.region or ctx.region not in ctx.gazetteer:
            return out
        for unit in self._town_unit.finditer(text):
            if inside(unit.start(), covered):
                continue
            for length in (3, 2):
                start = unit.start() - length
                if start < 0 or start in body_ends or inside(start, covered) or ctx.token_starts and start not in ctx.token_starts:
                    continue
                stem = text[start:unit.start()]
                town = next((p for generic in ("镇", "乡") if (p := ctx.gazetteer.resolve(stem + generic, ctx.region)) is not None
                             and p.level == "township" and ctx.region in {q.name for q in ctx.gazetteer.chain(p.name)}), None)
                named = self._pattern.fullmatch(unit.group(0))
                made = self.named(named["body"], named["head"], town.name) if town and named else None
                if town is None or made is None:
                    continue
                cls, name = self._town_unit_name(ctx, made, town.name, stem)
                out.append(Candidate(Class.Institution, cls, name, start, unit.end(), text[start:unit.end()], "institution-town",
                                     attributes={"owner": town.name, COMPLETE: True}))
                covered.append((start, unit.end()))
                break
        return out

    def _bracketed_aliases(self, text: str, bodies: Sequence[Candidate]) -> list[Candidate]:
        """县综治中心（矛调中心）: a body's other name in brackets right after it, a head of the same kind, is the same body."""
        out = []
        for body in bodies:
            match = _BRACKETED.match(text, body.end)
            if match and self._pattern.fullmatch(match["alias"]) and match["alias"].endswith(body.text[-2:]):
                out.append(dataclasses.replace(body, start=match.start("alias"), end=match.end("alias"), text=match["alias"], rule="institution-alias"))
        return out

    def _foreign_body(self, place: Candidate, match: re.Match[str], ending_at: dict[int, Candidate], foreign: set[int],
                      text: str) -> list[Candidate]:
        """老挝南塔省司法厅: a body of a neighbouring country or its division keeps its country and place in its name
        (never the reporting province's 省司法厅); LOCATED_IN the innermost place written."""
        first = place
        while (before := ending_at.get(first.start)) is not None and before.start in foreign:
            first = before
        owner = text[first.start:place.start] + place.canonical
        made = self.named(match["body"], match["head"], owner)
        if made is None:
            return []
        body = self._body(made[0], made[1], first.start, match.end(), text, "institution-foreign", place.canonical)
        return [dataclasses.replace(body, attributes={**body.attributes, COMPLETE: True})]

    def _listed_after(self, ctx: Context, found: Sequence[Candidate], covered: list[tuple[int, int]]) -> list[Candidate]:
        """区法院、司法局及信访办: bodies listed after an owned one without their own owner belong to its owner."""
        text = ctx.text
        out: list[Candidate] = []
        for first in sorted((c for c in found if c.attributes.get("owner")), key=lambda c: c.start):
            owner, position = first.attributes["owner"], first.end
            while position < len(text) and text[position] in _LIST_LINKS:
                match = self._listed.match(text, position + 1)
                if not match or inside(position + 1, covered) or ctx.gazetteer.names_a_place(match.group(0), ctx.region):
                    break
                made = self.named(match["body"], match["head"], owner)
                if made is None:
                    break
                out.append(self._body(made[0], made[1], match.start(), match.end(), text, "institution-listed", owner))
                covered.append(match.span())
                position = match.end()
        return out

    def _party_groups(self, ctx: Context, bodies: Sequence[Candidate]) -> list[Candidate]:
        """县政府党组: the party group of a body written before it; 局党组 in a department's report: the reporter's."""
        text = ctx.text
        out = [Candidate(Class.Institution, Class.PoliticalBody, body.canonical + _PARTY_GROUP, body.start, body.end + len(_PARTY_GROUP),
                         text[body.start:body.end + len(_PARTY_GROUP)], "institution-party-group", attributes={"owner": body.attributes.get("owner")})
               for body in bodies if text.startswith(_PARTY_GROUP, body.end) and not text.startswith(_PARTY_GROUP + "织", body.end)]
        if ctx.reporter:
            own = ctx.reporter[-1] + _PARTY_GROUP  # 局党组 in 平谷区司法局's report
            taken = [(c.start, c.end) for c in out]
            for found in re.finditer(own, text):
                before = text[found.start() - 1] if found.start() else ""
                if (not CJK_CHAR.match(before) or before in _FUNCTION_CHARS) and not inside(found.start(), taken):
                    out.append(Candidate(Class.Institution, Class.PoliticalBody, ctx.reporter + _PARTY_GROUP, found.start(), found.end(),
                                         found.group(0), "institution-party-group", attributes={"owner": ctx.region}))
        return out

    def _self_references(self, ctx: Context, covered: Sequence[tuple[int, int]]) -> list[Candidate]:
        """本局, 我委: in a department's report, the reporting department itself."""
        if not ctx.reporter:
            return []
        cls = next((c for word, (c, full) in sorted(self._heads.items(), key=lambda h: -len(h[0]))
                    if ctx.reporter.endswith((word, full))), Class.Department)
        return [
            Candidate(Class.Institution, cls, ctx.reporter, found.start(), found.end(), found.group(0), "institution-self",
                      attributes={"owner": ctx.region})
            for found in self._self_reference.finditer(ctx.text)
            if not inside(found.start(), covered)
        ]

    def _sharing_head(self, before: Sequence[Candidate], last: Candidate, match: re.Match[str], text: str) -> list[Candidate]:
        """南海区、禅城区人民法院 (also 湖南省花垣县、重庆市秀山县司法局): the places listed before ``last`` with 、/和 each get the body ``last`` heads."""
        out = []
        position = last.start
        for place in reversed(before):
            if place.end == position:  # 重庆市秀山县: the item's province or city written before it
                position = place.start
                continue
            if text[place.end:position] not in (*LIST_LINKS, "与"):
                break
            made = self.named(match["body"], match["head"], place.canonical)
            if made:
                out.append(self._body(made[0], made[1], place.start, match.end(), text, SHARED_HEAD, place.canonical))
            position = place.start
        return out

    def _centre(self, text: str, covered: list[tuple[int, int]]) -> list[Candidate]:
        """The centre's bodies (党中央, 国务院, 中央依法治国办): complete names, never the reporting region's."""
        out = []
        for found in self._national.finditer(text):
            if inside(found.start(), covered):
                continue
            head = self._national_heads[found.group(0) if found.group(0) != _CENTRE else "党中央"]
            out.append(Candidate(Class.Institution, head.cls, head.full, found.start(), found.end(), found.group(0), "institution-centre",
                                 attributes={COMPLETE: True}))
        return out

    def _named_bodies(self, text: str, covered: list[tuple[int, int]]) -> list[Candidate]:
        """Universities and arbitration commissions named whole after a pause or a joining word (与华南理工大学法学院)."""
        out: list[Candidate] = []
        heads = [m.start() for m in self._named_head.finditer(text)]
        if not heads:
            return out
        for start in self._boundary.finditer(text):
            position = start.start()
            # a name is 2–12 characters before its head: look only where a head follows that closely
            k = bisect.bisect_left(heads, position + 2)
            if k == len(heads) or heads[k] > position + 12 or inside(position, covered):
                continue
            match = self._named_body.match(text, position)
            if not match or self._forbidden.search(match.group(0)) or any(v in match.group(0) for v in self._verbs):
                continue
            if match.group(0).startswith(_PARTNER_VERBS):
                continue  # 支持律师事务所在…设立: a verb, then a kind of body; a name starts after the verb
            end = match.end()
            if (school := _SCHOOL_OF.match(text, end)) and match.group(0).endswith(("大学", "学院")) \
                    and not any(v in school.group(0) for v in self._verbs):
                end = school.end()  # 怀化学院法学与公共管理学院, 西藏大学政法学院: one school of the college
            name = text[match.start():end]
            cls = next(c for w, c in self._named_by_length if match.group(0).endswith(w))  # the university's: its school's is alike
            out.append(Candidate(Class.Institution, cls, name, match.start(), end, name, "institution-named", attributes={COMPLETE: True}))
            covered.append((match.start(), end))
        return out

    def _counted_bodies(self, text: str, found: Sequence[Candidate], places: Sequence[Candidate], region: str) -> list[Candidate]:
        """三地司法局: the body of that name of each of the N places listed right before it (河北、山东两地法院; 与大名县、莘县三地:
        the reporting region and the two), else the last N
        distinct bodies of that name named before it in the paragraph, each a reading of these words; with none of that name,
        the same body of each of the last N places whose bodies the paragraph names (四地律师协会)."""
        out = []
        ending_at = {c.end: c for c in places if not c.attributes.get("qualifier")}
        for match in self._counted.finditer(text):
            if match["name"] in self._town_units:
                continue  # 三地司法所: each place has many stations, the words name none of them
            if _JOINT_CUES.search(match["name"]):
                continue  # 四县边界联调委员会: one body the places share, not one of each
            count = "两三四五六".index(match.group(0)[0]) + 2
            places_listed = _listed_places(ending_at, match.start(), text)
            listed = [c.canonical for c in places_listed]
            if region and len(listed) == count - 1 and listed and text.endswith("与", 0, places_listed[0].start):
                listed.insert(0, region)
            named = self._pattern.fullmatch(match["name"])
            if len(listed) == count and named:
                for owner in listed:
                    made = self.named(named["body"], named["head"], owner)
                    if made:
                        out.append(self._body(made[0], made[1], match.start(), match.end(), text, "institution-counted", owner))
                continue
            paragraph = text.rfind("\n", 0, match.start()) + 1
            name = match["name"]
            earlier: list[str] = []
            for body in sorted(found, key=lambda c: -c.start):
                if paragraph <= body.start < match.start() and body.canonical.endswith(name) and body.canonical not in earlier:
                    earlier.append(body.canonical)
            if len(earlier) < count:  # 三县司法局 in a later paragraph: the bodies of that name the report named before
                before = list(earlier)
                for body in sorted(found, key=lambda c: -c.start):
                    if body.start < paragraph and body.canonical.endswith(name) and body.canonical not in before:
                        before.append(body.canonical)
                earlier = before if len(before) >= count else earlier
            if not earlier:
                out.extend(self._counted_of_owners(match, found, paragraph, count))
                continue
            if len(earlier) < count:
                continue
            for canonical in earlier[:count]:
                out.append(Candidate(Class.Institution, Class.Department, canonical, match.start(), match.end(), match.group(0), "institution-counted"))
        return out

    def _counted_of_owners(self, match: re.Match[str], found: Sequence[Candidate], paragraph: int, count: int) -> list[Candidate]:
        owners: list[str] = []
        for body in sorted(found, key=lambda c: -c.start):
            owner = body.attributes.get("owner")
            if owner and paragraph <= body.start < match.start() and owner not in owners:
                owners.append(owner)
        named = self._pattern.fullmatch(match["name"])
        if len(owners) < count or not named:
            return []
        out = []
        for owner in reversed(owners[:count]):
            made = self.named(named["body"], named["head"], owner)
            if made:
                out.append(Candidate(Class.Institution, made[0], made[1], match.start(), match.end(), match.group(0), "institution-counted"))
        return out
