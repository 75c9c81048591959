"""Places: the gazetteer's names and aliases, town names in lists, towns and villages by suffix, waters.

黎里镇 and 示范区 are in the gazetteer (every division of China, resolved in the context of
the reporting region: 白云区 in a Guangzhou report is Guangzhou's); 金泽、朱家角等 are its
towns written without 镇; a town not in it is read by its suffix after its county
(青浦区某某镇), and a village right after its town (金泽镇莲湖村) or where the text goes to it
(在十八洞村). A river, lake, bay or sea is a place where the sentence uses it as one: 北运河流域,
拒马河沿岸, 渤海沿岸 (the name from a word start, after any division before it); so are mountains
(幕阜山区域), protected areas and open lands (库布其沙漠), zones named after a place
(佛山高新区顺德园), border areas by provinces' initials (陕甘宁), provinces by a slogan's short
form (法治湖北) and the divisions of a neighbouring country (老挝琅南塔省).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from govkg.loaders.gazetteer import Gazetteer, Place, automaton_of
from govkg.loaders.rules.base import CJK, CJK_CHAR, DASHES, PROTECTED_AREA, QUALIFIER, SCOPE_OPENERS, SCOPE_OPENS, TOWN_BY_SUFFIX, Candidate, Context, RelationRecord, alternation, finditer_near, list_items, overlaps_any
from govkg.loaders.rules.component import CANDIDATES, SPANS, RuleComponent, VocabularySlice
from govkg.ontology.terms import Class

_WATER_GENERIC = ("大运河", "运河", "水道", "河", "江", "湖", "溪", "渠", "水", "湾", "海", "港", "岛")
_BANK = "畔"
_NAMED_AFTER_BANK = "街社村镇路区园小花"
_STRETCHES = ("上游", "中游", "下游", "滩区", "河滩", "沿岸", "岸线", "源头", "河道", _BANK)
"""Contexts that name a stretch or bank of the water (大通河下游, 黄河滩区, 赤水河畔): the mention is the stretch, the place the water."""
_WATER_CONTEXT = ("流域", "沿线", "水域", "两岸", "河段", "干流", "支流", "湖区", "库区", "水系", "交汇", "交界",
                  "海域", "近岸", "沿海", "海岸", "周边海域", "入海口", "入黄口", "入江口", "入湖口", "生态") + _STRETCHES
"""What follows a water's name when a sentence uses it as a place (北运河流域, 拒马河沿岸, 渤海沿岸, 北部湾海域)."""
_WATER = re.compile(f"[{CJK}]{{1,8}}?(?:{alternation(_WATER_GENERIC)})(?=(?P<context>{alternation(_WATER_CONTEXT)}))")
_AT_WATER_VERBS = ("开展", "设立", "巡查", "联合", "实施", "组织", "举办", "巡河", "执法", "设置", "建立", "召开")
_AT_WATER = re.compile(f"(?<=[在沿])[{CJK}]{{1,6}}?(?:{alternation(_WATER_GENERIC)})(?={alternation(_AT_WATER_VERBS)})")
"""A water the text goes to before it acts there (在南四湖开展联合执法, 沿汉江巡查)."""
_NOT_IN_A_WATER = re.compile("[县区市镇乡村全各城河江湖水]|重点|主要|辖区")
"""What no water's name proper holds (在全县河湖开展, 在辖区水域): generic words, not a name."""
_BAY_LISTED = re.compile(f"[{CJK}]{{2,6}}?湾(?=等[^，。；]{{0,6}}?(?:海域|水域|沿岸|沿海|海岸))")
"""A bay listed before the sea it is part of (覆盖芷锚湾等交界海域)."""
_BEFORE_WATER = re.compile("^.*(?:[在等和与及的对为向至从把将于以沿、，局]|签订|签署|设立|设置|成立|共建|健全|完善|构建|服务|清理|疏浚|清淤|修复|改善|监测|排查|打造|助力|护航|筑牢|做好|落实|流经|跨越|涉及|围绕|共护|深化|推进|加强|开展|守护|治理|保护|聚焦|联合|建立|覆盖|涵盖|包括|巡查|推动|整治|巡护|管护|实施|建设|紧扣)")
"""What a water's name cannot start with: a function word or a verb before it (在卫河流域, 共护清水江流域, 沿黄河下游)."""
_AFTER_LEVEL = frozenset("委级域长")
"""After X县 or X区, these make 县委, 区级, 区域, 县长 of the characters: 和县委 is 和 + 县委."""
_TOWN_ENDS = ("镇", "街道", "乡")
_TOWN_VERBS = ("设立", "组织", "开展", "举办", "召开", "成立", "建立", "建成", "挂牌", "签订", "签署", "试点", "揭牌")
_TOWN = re.compile(f"(?:(?<=[在、和及与对于])|(?<=[区县市])|{'|'.join(f'(?<={w})' for w in SCOPE_OPENERS)})[{CJK}]{{2,3}}?(?:[{CJK}]{{1,3}}族){{0,2}}(?:{alternation(_TOWN_ENDS)})"
                   f"(?=[，,、。；和及与等的社两三四五六七八九十]|{alternation(_TOWN_VERBS)}|[{CJK}]{{2,3}}村)")
"""A town no table has, by its suffix where the genre writes one: after its county (东海县某某乡), listed
(在A镇、B镇与C乡, 覆盖A街道、B乡), or where the text goes to it before its village or an act (在某某镇某某村, 在某某镇组织开展…)."""
_TOWN_STOPS = ("重点", "中心", "特色", "示范", "试点", "建制", "边境", "毗邻", "沿江", "沿黄", "沿河", "沿海", "周边", "交界",
               "所在", "相关", "有关", "部分", "集镇", "乡镇", "村镇", "小城", "城镇", "全域")
"""Words that make a town of any name (重点镇, 中心镇, 特色小镇): no town of their own."""
_BEFORE_A_NAME = "省市县区州盟旗与和及、同"
"""What may stand right before a division's name inside a word jieba made (白山市江源区, 与江源区)."""
_GENERIC_TOWNSHIP_STEMS = set("城下家返回老异入")
"""What ends the words before 乡 when it is no township (城乡, 下乡, 家乡, 返乡)."""


_NOT_CJK = "，。；：、！？,;:!?\\n（）()《》“” "

_PARTNER_VERBS = ("会同", "联合")
_BODY_ENDS = ("局", "院", "委", "办", "政府", "中心", "厅", "所", "会")
"""How a body's name ends: 会同/联合 right after one is the verb (县司法局会同县教育局)."""
"""Verbs a place's name can begin with (会同县): read as the verb unless the place is in the reporting region's province."""
_GENERIC_ZONE_ENDS = frozenset("区圈带片")
"""How a zone's short form made of common words ends (示范区, 经济圈): inside a longer name it is that name's."""
_COUNTED_AFTER = re.compile("[\\d一二两三四五六七八九十百]+[个家处所批项座名条支]|了|一批")
"""What follows a verb, not a place: a count (新建3个…, 新建一批…) or 了."""
_JOINING = set("在与和及、的对向为是把将从于同")




def _opens_a_law(text: str, start: int, place: Place) -> bool:
    """Whether a division opens the title of a document (《广东省优化营商环境条例》, 《安化县…清单》): it only says whose it is."""
    return start > 0 and text[start - 1] in "《〈" and not place.is_feature and not place.is_zone


def _inside_a_longer_name(text: str, start: int) -> bool:
    """Whether the words at ``start`` continue a name begun before them (先行|示范区): a CJK character that joins nothing."""
    return start > 0 and CJK_CHAR.match(text, start - 1) is not None and text[start - 1] not in _JOINING


@dataclass(frozen=True)
class PlaceVocabulary(VocabularySlice):
    village_suffixes: tuple[str, ...]
    institution_heads: tuple[tuple[str, Class, str], ...]


@Language.factory("govkg_places", assigns=[CANDIDATES, SPANS], requires=[], default_config={})
class PlaceRule(RuleComponent):
    """Gazetteer names and aliases (longest match); town stems in lists; towns and villages by suffix."""

    Vocabulary = PlaceVocabulary
    vocabulary: PlaceVocabulary

    def prepare(self) -> None:
        self._after_village = re.compile(f"[^{CJK}]|[和及与的等]|{alternation(_VILLAGE_BODIES + _VILLAGE_VERBS)}")
        heads = alternation([h[0] for h in self.vocabulary.institution_heads] + ["委", "仲裁委员会", "大学", "学院"])
        self._body_after = re.compile(f"[^的{_NOT_CJK}]{{0,6}}?(?:{heads})")
        self._village = re.compile(f"[{CJK}]{{2,4}}?(?:{alternation(self.vocabulary.village_suffixes)})")

    def find(self, doc: Doc, ctx: Context) -> tuple[Sequence[Candidate], Sequence[RelationRecord]]:
        text = ctx.text
        out = []
        words = ctx.token_starts
        found = ctx.gazetteer.find_all(text, ctx.region or None)
        ends = {e for _, e, _ in found}
        starts = {s for s, _, _ in found}
        ancestors = {p.name for p in ctx.gazetteer.chain(ctx.region)[1:]} if ctx.region in ctx.gazetteer else set()
        province = ctx.gazetteer.province(ctx.region) if ctx.region in ctx.gazetteer else None
        for start, end, name in found:
            # a two-character name must be a word of its own (和县 is no county in 区和县级)
            if end - start == 2 and (text[end:end + 1] in _AFTER_LEVEL or words and not (
                    start in words and (end in words or end == len(text) or not CJK_CHAR.match(text[end])))):
                continue
            # 新建3个调解室: a short form followed by a count is the verb (新建区's short form is 新建), unless it is an item of a list
            if end - start == 2 and text[start:end] != name and _COUNTED_AFTER.match(text, end) and text[start - 1:start] not in "、和与及":
                continue
            # 领导和县人大常委会: a conjunction before a short form, not 和县 (unless the report is 和县's own)
            if end - start == 2 and text[start] in _JOINING and start and CJK_CHAR.match(text, start - 1) and text[start - 1] not in _JOINING and name != ctx.region:
                continue
            if text.startswith(_PARTNER_VERBS, start) and (text.endswith(_BODY_ENDS, 0, start) or not ctx.gazetteer.is_within(
                    name, ctx.gazetteer.province(ctx.region) if ctx.region in ctx.gazetteer else None)):
                continue  # 会同县生态环境局 in a report from elsewhere, 县司法局会同县教育局: the verb 会同 and a 县…局, not 会同县
            place = ctx.gazetteer.place(name)
            if place.is_zone and text[start:end] != name and text[end - 1] in _GENERIC_ZONE_ENDS and _inside_a_longer_name(text, start) and start not in ends:
                continue  # 社会主义现代化先行示范区 is not the zone 示范区 stands for (深化京津冀 still names 京津冀)
            if place.level == "township" and _inside_a_longer_name(text, start) and start not in ends and not ctx.gazetteer.is_within(name, ctx.region):
                continue  # 在下朝阳街道: the town 下朝阳街道 (read by its suffix), not another district's 朝阳街道
            if place.level == "county" and words and start not in words and start not in ends and start and CJK_CHAR.match(text, start - 1) \
                    and text[start - 1] not in _BEFORE_A_NAME and not ctx.gazetteer.is_within(name, province):
                continue  # 东江源区: the source of the 东江, not Baishan's 江源区 inside a word
            # the reporting region's own prefecture or province written in front of a name (佛山市顺德区,
            # 广安市人民政府) only qualifies it: read, for the bodies, but no mention of its own
            qualifier = name in ancestors and (end in starts or self._body_after.match(text, end) is not None) or _opens_a_law(text, start, place)
            out.append(Candidate(Class.Place, Class(place.ontology_class), name, start, end, text[start:end], "gazetteer",
                                 attributes={QUALIFIER: True} if qualifier else {}))
        taken = [(c.start, c.end) for c in out]
        waters = [(c.start, c.end) for c in out if ctx.gazetteer.place(c.canonical).is_feature]
        for start, end, name, reach in _waters(text, words, ctx.gazetteer):
            inside = [c for c in out if start <= c.start and c.end <= reach]
            if not overlaps_any(start, reach, [(c.start, c.end) for c in out if c not in inside]):
                out = [c for c in out if c not in inside]  # 顺德水道 is a water, not 顺德 and a word
                out.append(Candidate(Class.Place, Class.Place, name, start, reach, text[start:reach], "water"))
                waters.append((start, end))
        for water in [c for c in out if c.rule == "water" and c.start > 1 and text[c.start - 1] in DASHES]:
            first = _water_before(text, water.start - 1, words)
            if first is not None and not overlaps_any(first, water.start - 1, [(c.start, c.end) for c in out]):
                # 澜沧江—湄公河: one river under its two names
                name = text[first:water.start] + water.canonical
                out = [c for c in out if c is not water]
                out.append(Candidate(Class.Place, Class.Place, name, first, water.end, text[first:water.end], "water"))
        for start, end, name, reach in _mountains(text, words, ctx.gazetteer):
            inside = [c for c in out if start <= c.start and c.end <= reach]
            if not overlaps_any(start, reach, [(c.start, c.end) for c in out if c not in inside]):
                out = [c for c in out if c not in inside]  # 五指山片区 is the mountain, not the city's short form
                out.append(Candidate(Class.Place, Class.Place, name, start, reach, text[start:reach], "mountain"))
        for start, end, name in _listed_waters(text, waters, words):
            inside = [c for c in out if start <= c.start and c.end <= end]
            if not overlaps_any(start, end, [(c.start, c.end) for c in out if c not in inside]):
                out = [c for c in out if c not in inside]  # 诏安湾、东溪流域: the bay, not the county's short form 诏安
                out.append(Candidate(Class.Place, Class.Place, name, start, end, name, "water"))
        for start, end, name in _scope_waters(text, ctx.gazetteer):
            inside = [c for c in out if start <= c.start and c.end <= end]
            if not overlaps_any(start, end, [(c.start, c.end) for c in out if c not in inside]):
                out = [c for c in out if c not in inside]  # 定南水 is a river, not 定南县's short form and a word
                out.append(Candidate(Class.Place, Class.Place, name, start, end, name, "water"))
        for start, end, name in _sections(text, ctx):
            inside = [c for c in out if start <= c.start and c.end <= end]
            if not overlaps_any(start, end, [(c.start, c.end) for c in out if c not in inside]):
                out = [c for c in out if c not in inside]  # 万泉河上游琼中段 is one place, not 万泉河 and 琼中
                out.append(Candidate(Class.Place, Class.Place, name, start, end, text[start:end], "water-section"))
        for start, end, name in _protected_areas(text, words, ctx.gazetteer):
            inside = [c for c in out if start <= c.start and c.end <= end]
            if not overlaps_any(start, end, [(c.start, c.end) for c in out if c not in inside]):
                out = [c for c in out if c not in inside]  # 龙凤山水库 is a reservoir, not 龙凤 and a word
                out.append(Candidate(Class.Place, Class.Place, name, start, end, name, PROTECTED_AREA))
        for area_start, area_end, initials in _border_areas(text, words, ctx.gazetteer):
            inside = [c for c in out if area_start <= c.start and c.end <= area_end]
            if not overlaps_any(area_start, area_end, [(c.start, c.end) for c in out if c not in inside]):
                out = [c for c in out if c not in inside]
                # one area whatever its tail (陕甘宁毗邻地区, 陕甘宁交界区域, 陕甘宁 alone); a zone the gazetteer has is that zone
                zone = ctx.gazetteer.resolve(initials, ctx.region or None)
                name = zone.name if zone is not None and zone.is_zone else initials + "毗邻地区"
                out.append(Candidate(Class.Place, Class.Place, name, area_start, area_end, text[area_start:area_end], "border-area"))
        zone_starts = _town_stems_before_zones(text, ctx.gazetteer, ctx.region or None)
        zone_starts.update({c.start: c.text for c in out if c.type == Class.Place and not c.attributes.get(QUALIFIER)})
        for start, end in _zones(text, zone_starts, ctx.gazetteer.province_short_forms):
            inside = [c for c in out if start <= c.start and c.end <= end]
            if any((c.start, c.end) == (start, end) for c in inside):
                continue  # 前海合作区: a zone the gazetteer has
            if not overlaps_any(start, end, [(c.start, c.end) for c in out if c not in inside]):
                # the place opening a zone's name only qualifies it (佛山高新区顺德园: no mention of 佛山 of its own)
                out = [c for c in out if c not in inside] + [dataclasses.replace(c, attributes={**c.attributes, QUALIFIER: True}) for c in inside if c.start == start]
                name = text[start:end]
                out.append(Candidate(Class.Place, Class.Place, name, start, end, name, "zone"))
        for start, end, name, rule in [*_ports(text), *_own_zones(text, ctx.region)]:
            inside = [c for c in out if start <= c.start and c.end <= end]
            if not overlaps_any(start, end, [(c.start, c.end) for c in out if c not in inside]):
                # 珲春口岸: the city opening a port's name only qualifies it
                out = [c for c in out if c not in inside] + [dataclasses.replace(c, attributes={**c.attributes, QUALIFIER: True}) for c in inside if c.start == start]
                out.append(Candidate(Class.Place, Class.Place, name, start, end, text[start:end], rule))
        for country in [c for c in out if c.rule == "gazetteer" and ctx.gazetteer.place(c.canonical).level == "country"]:
            for start, end in _foreign_divisions(text, country.end):
                inside = [c for c in out if start <= c.start and c.end <= end]
                if not overlaps_any(start, end, [(c.start, c.end) for c in out if c not in inside]):
                    out = [c for c in out if c not in inside]  # 勐新县 of Laos, not Henan's 新县 inside it
                    out.append(Candidate(Class.Place, Class.Place, text[start:end], start, end, text[start:end], FOREIGN_DIVISION))
        taken = [(c.start, c.end) for c in out]
        # 法治广州 in a district of Guangzhou: the region's own prefecture by its name proper, as the provinces
        home = {p.proper: p.name for p in ctx.gazetteer.chain(ctx.region)[1:] if p.proper and p.level == "prefecture"} if ctx.region in ctx.gazetteer else {}
        for start, end, name in _province_slogans(text, words, {**ctx.gazetteer.province_short_forms, **home} if home else ctx.gazetteer.province_short_forms):
            if not overlaps_any(start, end, taken):
                out.append(Candidate(Class.Place, ctx.gazetteer.place(name).ontology_class, name, start, end, text[start:end], "province-slogan"))
                taken.append((start, end))
        for start, end, name in _ethnic_towns(text, ctx):
            if not overlaps_any(start, end, taken):
                out.append(Candidate(Class.Place, Class.Township, name, start, end, text[start:end], "ethnic-town"))
                taken.append((start, end))
        for start, end, name in ctx.gazetteer.find_stems(text, ctx.region or None, after=SCOPE_OPENERS):
            if overlaps_any(start, end, taken):
                continue
            out.append(Candidate(Class.Place, Class.Township, name, start, end, text[start:end], "gazetteer-stem"))
        taken = [(c.start, c.end) for c in out]
        counties = {c.end: c for c in out if c.cls == Class.County}
        for match in finditer_near(_TOWN, text, _TOWN_ENDS, 3, 2 + 4):
            name = match.group(0)
            stem = name[:-len(next(e for e in _TOWN_ENDS if name.endswith(e)))]
            if overlaps_any(match.start(), match.end(), taken) or stem[-1] in "乡城村街" or stem[0] in "各全本该每" or stem.startswith(_TOWN_STOPS) or stem.endswith(_TOWN_STOPS):
                continue
            parent = counties.get(match.start())
            if parent is None and text[match.start() - 1] in "区县市":
                continue
            # 乡 ends words too (城乡, 下乡): a township by 乡 only after its county or in a list of towns
            if name.endswith("乡") and parent is None and (stem[-1] in _GENERIC_TOWNSHIP_STEMS or not (
                    text[match.start() - 1] in "、和及与" or text[match.end():match.end() + 1] in "、和及与等")):
                continue
            out.append(Candidate(Class.Place, Class.Township, match.group(0), match.start(), match.end(), match.group(0), TOWN_BY_SUFFIX,
                                 attributes={"parent": parent.canonical} if parent else {}))
        out += _towns_named_again(text, [c for c in out if c.rule == TOWN_BY_SUFFIX], [(c.start, c.end) for c in out])
        for town in [c for c in out if c.cls == Class.Township]:
            village = self._village.match(text, town.end)
            if village and not any(c.start == town.end for c in out) and _names_a_village(text, village):
                name = village.group(0)
                out.append(Candidate(Class.Place, Class.Village, name, village.start(), village.end(), name, "village-after-town",
                                     attributes={"parent": town.canonical}))
                # 瞻榆镇新华村、太平村和红旗村: the villages listed after the first are the town's too
                while village.end() < len(text) and text[village.end()] in "、和及与":
                    village = self._village.match(text, village.end() + 1)
                    if not village or village.group(0)[:-1] in _VILLAGE_STOPS or village.group(0).endswith(("村村", "社区社区")):
                        break
                    inside = [c for c in out if village.start() <= c.start and c.end <= village.end() and c.text != c.canonical]
                    if overlaps_any(*village.span(), [(c.start, c.end) for c in out if c not in inside]):
                        break
                    out = [c for c in out if c not in inside]  # 红旗村, not 红旗区's short form and a word
                    name = village.group(0)
                    out.append(Candidate(Class.Place, Class.Village, name, village.start(), village.end(), name, "village-after-town",
                                         attributes={"parent": town.canonical}))
        for start, end, name in _villages(text, words, self._after_village, self.vocabulary.village_suffixes):
            inside = [c for c in out if start <= c.start and c.end <= end and c.text != c.canonical]
            if not overlaps_any(start, end, [(c.start, c.end) for c in out if c not in inside]):
                out = [c for c in out if c not in inside]  # 竹山村 is a village, not 竹山县's short form and a word
                out.append(Candidate(Class.Place, Class.Village, name, start, end, name, "village-named"))
        return out, ()


_HOSTING = "依托"
"""A village after 依托 hosts what is set up (依托皇都村鼓楼建成…): a place whatever of it is named after it."""
_VILLAGE_BEFORE = ("在", "到", "赴", "走进", "深入", "前往", "进驻", "覆盖", "入驻", _HOSTING)
"""Verbs and prepositions before a village or community the text goes to (在十八洞村, 走进银山社区)."""
_VILLAGE_BODIES = ("村委会", "村民委员会", "居委会", "居民委员会", "党支部", "党总支", "党委", "两委", "村民", "居民")
"""What a village or community has (莲湖村村委会, 银山社区居委会): the name before it is a place."""
_ALL_CJK = re.compile(f"[{CJK}]+")
_VILLAGE_VERBS = ("联合", "共同", "开展", "设立", "召开", "举办", "建立", "调研", "走访", "进行", "组织", "宣讲", "举行", "成立", "挂牌", "打造", "试点", "建成", "揭牌")
"""Verbs after a village's name when the text is there (在十八洞村开展, 到竹山村走访)."""
_VILLAGE_STOPS = ("农", "乡", "全", "各", "该", "本", "每", "此", "示范", "试点", "重点", "行政", "自然", "城中", "城郊", "美丽",
                  "文明", "和谐", "法治", "民主法治", "民主法治示范", "安置", "搬迁", "易地搬迁", "新型", "农村", "城乡", "城市",
                  "社区", "村", "边境", "边远", "偏远", "贫困", "脱贫", "少数民族", "民族", "聚居", "沿海", "毗邻", "交界", "所在", "周边",
                  "相关", "有关", "部分", "多个", "个", "两个", "三个", "涉及", "基层", "智慧", "平安", "无讼", "绿色", "生态", "旅游",
                  "特色", "传统", "中心", "街道", "联系", "帮扶", "结对", "对口", "定点", "包联", "挂钩", "共建", "先进", "样板",
                  "星级", "标杆", "薄弱", "软弱涣散", "空心", "该社区", "城镇", "新型农村")
"""Words that make a village or community of any name (示范村, 农村, 城乡社区): no village of their own."""


_NOT_A_VILLAGE_NAME = re.compile(f"[的个]|^(?:{alternation(_VILLAGE_VERBS)})|(?:沿线|沿岸|沿边|边境|毗邻|周边|交界)$")
"""What words before 村 after a town hold when they name no village (两个乡的村民, 设立边境村…, 沿线村屯)."""
_WORDS_OF_VILLAGES = "民屯居级落庄务振"
"""What 村 opens when it ends no village's name (村民, 村屯, 村居, 村级, 乡村振兴)."""


def _towns_named_again(text: str, towns: Sequence[Candidate], taken: Sequence[tuple[int, int]]) -> list[Candidate]:
    """The other mentions of a town read by its suffix where the genre writes one (覆盖会兴街道… then 依托会兴街道司法所):
    the same town, wherever the text names it again."""
    out: list[Candidate] = []
    spans = list(taken)
    for name in {t.canonical: t for t in towns}.values():
        for found in re.finditer(re.escape(name.text), text):
            if not overlaps_any(found.start(), found.end(), spans):
                out.append(dataclasses.replace(name, start=found.start(), end=found.end()))
                spans.append(found.span())
    return out


def _names_a_village(text: str, village: re.Match[str]) -> bool:
    """Whether the words read as a village after a town name one (瞻榆镇新华村), not words about villages (澄源乡设立乡村振兴…)."""
    name = village.group(0)
    stem = name[:-1] if name.endswith("村") else name
    if name.endswith("村") and text[village.end():village.end() + 1] in _WORDS_OF_VILLAGES and not text.startswith(_VILLAGE_BODIES, village.end()):
        return False
    return stem not in _VILLAGE_STOPS and not _NOT_A_VILLAGE_NAME.search(stem)


def _villages(text: str, word_starts: frozenset[int], after: re.Pattern[str], suffixes: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Villages and communities of any name where the text goes to one or names its committee (在十八洞村设立, 莲湖村村委会), as (start, end, name).

    The name proper (two to four characters) starts a word, right after 在/走进/… or, before the
    committee, after no other CJK character of a name; it is no generic word (示范村, 农村社区).
    """
    out = []
    for suffix_start, end, _ in automaton_of(suffixes).matches(text):
        followed = after.match(text, end) is not None
        if not followed and _HOSTING not in text[max(0, suffix_start - 4 - len(_HOSTING)):suffix_start]:
            continue
        committee = text.startswith(_VILLAGE_BODIES, end)
        for length in (2, 3, 4):
            start = suffix_start - length
            if start < 0 or not CJK_CHAR.match(text, start) or word_starts and start not in word_starts:
                continue
            stem = text[start:suffix_start]
            if not _ALL_CJK.fullmatch(stem):
                break  # 在村(社区): no name before the suffix
            if stem in _VILLAGE_STOPS or stem.endswith(_VILLAGE_STOPS) or stem.startswith(("全", "各", "该", "本", "每")):
                break
            if not followed and not text.endswith(_HOSTING, 0, start):
                continue  # 依托皇都村鼓楼建成…: the village hosting a unit, whatever of it follows
            if text[max(0, start - 2):start].endswith(_VILLAGE_BEFORE) or committee and (start == 0 or not CJK_CHAR.match(text, start - 1)
                                                                                        or text[start - 1] in _JOINING):
                out.append((start, end, text[start:end]))
                break
    return out


_PORT = re.compile(f"(?<=[在、和与及至到赴])(?P<stem>[{CJK}]{{2,4}}?)口岸")
"""A border or sea port named where the text goes to it or lists it (在珲春口岸、圈河口岸): a place of its own."""
_PORT_STOPS = ("边境", "陆路", "公路", "铁路", "航空", "水运", "水路", "一类", "二类", "国家", "开放", "沿边", "对外", "重点", "各", "全", "该",
               "本", "相关", "周边", "进出", "通关", "智慧", "国际", "指定", "临时")
"""Words that make a port of any name (边境口岸, 一类口岸): no port of its own."""
_OWN_ZONE = re.compile(f"(?:(?<=[在到赴、和与及])|(?<=落户|入驻|依托|位于|设在|建在))[县区市旗](?P<kind>(?:工业|经济|产业|高新|物流|商贸)?(?:技术)?(?:集中区|集聚区|开发区|园区|产业园))")
"""A zone the reporting region names by its level alone (在县工业集中区, 落户县产业集聚区): the region's."""


def _ports(text: str) -> list[tuple[int, int, str, str]]:
    """Ports named where the text goes to them or lists them (在珲春口岸、圈河口岸), as (start, end, name, rule)."""
    out = []
    for match in _PORT.finditer(text):
        stem = match["stem"]
        if stem in _PORT_STOPS or stem.startswith(_PORT_STOPS) or stem.endswith(_PORT_STOPS):
            continue
        out.append((match.start(), match.end(), match.group(0), "port"))
    return out


def _own_zones(text: str, region: str) -> list[tuple[int, int, str, str]]:
    """Zones named by the region's level alone (县工业集中区 → 通道侗族自治县工业集中区), as (start, end, name, rule)."""
    if not region:
        return []
    return [(m.start(), m.end(), region + m["kind"], "own-zone") for m in _OWN_ZONE.finditer(text)]


_ZONE_KINDS = ("高新技术产业开发区", "经济技术开发区", "经济开发区", "高新区", "开发区", "工业园区", "产业园区", "工业园", "产业园",
               "工业集中区", "综合保税区", "保税区", "自由贸易港", "自由贸易试验区", "自贸区", "自贸港", "新区", "合作区", "试验区", "开放试验区",
               "合作示范区", "边民互市贸易区", "互市贸易区", "物流园区", "物流园", "物流基地")
"""How the name of a development zone, park or free trade zone ends (通城经济开发区, 海南自由贸易港, 佛山高新区顺德园,
珲春国际合作示范区, 水口边民互市贸易区, 马坊物流基地)."""
_ZONE = re.compile(f"(?:[{CJK}]|[（(][{CJK}]{{2,4}}[）)]){{0,8}}?(?:{alternation(_ZONE_KINDS)})(?:[{CJK}]{{2,5}}?(?:分园|园区|园|片区))?")


def _town_stems_before_zones(text: str, known: Gazetteer, region: str | None) -> dict[int, str]:
    """Towns written by their stem right before a zone's kind (燕郊高新区: 燕郊镇), as start → stem."""
    out = {}
    for kind_start, _, _ in automaton_of(_ZONE_KINDS).matches(text):
        for length in (3, 2):
            start = kind_start - length
            stem = text[max(start, 0):kind_start]
            if start < 0 or not CJK_CHAR.match(text, start) or _inside_a_longer_name(text, start) and not _AFTER_VERB.search(text, max(0, start - 4), start):
                continue  # 东戴河新区: no town 戴河镇 inside the name (服务马坊物流基地: a verb before the town's stem)
            town = next((t for g in ("镇", "乡", "街道") if (t := known.resolve(stem + g, region)) is not None), None)
            if town is not None and town.level == "township":
                out[start] = stem
                break
    return out


def _zones(text: str, places: dict[int, str], short_forms: dict[str, str]) -> list[tuple[int, int]]:
    """Development zones, parks and free trade zones named after a place (五常经济开发区, 海南自由贸易港, 佛山高新区顺德园), as (start, end).

    The name must open with a place the gazetteer knows (or a province's short form), given as
    its start and its words: a kind alone (开发区, 新区) or after common words (社会主义现代化先行区)
    names no zone here, nor does a place before a verb (琼中将围绕…). A town or district written
    in full before another place stays outside the name (北滘镇|广东工业设计城; 天津武清… is one name).
    """
    out = []
    starts = dict(places)
    starts.update({start: short for start, _, short in automaton_of(tuple(sorted(short_forms))).matches(text) if start not in starts})
    # 中国（四川）自由贸易试验区: the country with its province in brackets opens the name
    starts.update({start - 3: text[start - 3:start + len(short) + 1] for start, short in list(starts.items())
                   if start >= 3 and text.startswith("中国", start - 3) and text[start - 1] in "（(" and text[start + len(short):start + len(short) + 1] in "）)"})
    for start in sorted(starts):
        match = _ZONE.match(text, start)
        if not match or match.end() - start <= max(len(k) for k in _ZONE_KINDS if k in match.group(0)):
            continue
        kind = min(match.start() + i for i in range(len(match.group(0))) if match.group(0).startswith(_ZONE_KINDS, i))
        if _BEFORE_AREA.search(text, start + len(starts[start]), kind):
            continue  # 琼中将围绕海南自由贸易港: the place and the zone are two
        if starts[start].endswith(_DIVISION_ENDS) and any(start < k < kind for k in starts):
            continue  # 北滘镇广东工业设计城: the zone's name starts at 广东
        kind_end = kind + max(len(k) for k in _ZONE_KINDS if text.startswith(k, kind))
        end = match.end() if not _BEFORE_AREA.search(text, kind_end, match.end()) else kind_end  # 高新区设立创业园: the park is no part
        out.append((start, end))
    return out


FOREIGN_DIVISION = "foreign-division"
"""The rule name of a division of a neighbouring country (琅南塔省 in 老挝琅南塔省): the body rule names its bodies with the country."""
_FOREIGN_DIVISION = re.compile(f"[{CJK}]{{1,8}}?(?:省|县|市|州|邦|区)")


def _foreign_divisions(text: str, start: int) -> list[tuple[int, int]]:
    """The divisions of a neighbouring country written right after its name (老挝琅南塔省勐新县: 琅南塔省, 勐新县), as (start, end)."""
    out = []
    for _ in range(3):
        match = _FOREIGN_DIVISION.match(text, start)
        if not match or match.group(0).startswith("联邦"):
            break  # 俄罗斯联邦: the country's own name
        out.append(match.span())
        start = match.end()
    return out


_SLOGANS = ("法治", "平安", "美丽", "数字", "健康", "清廉", "幸福", "诚信", "智慧", "书香", "活力", "人文", "立足", "融入")
"""Words the genre puts before a province's short form to name a province-wide goal or the report's setting (法治湖北, 美丽新疆, 立足辽宁)."""


_COUNTED_PROVINCES = re.compile("(?:[两三四五六]|等)(?:省区市|省市区|省区|省市|省)|[两三四五六]地")
"""What closes a list of provinces' short forms (湖北、湖南、江西三省; 广西、云南等省区; 河北、山东两地法院: the body rule names each court)."""


def _province_slogans(text: str, word_starts: frozenset[int], short_forms: dict[str, str]) -> list[tuple[int, int, str]]:
    """Provinces named by their short form after a slogan word (法治湖北建设, 美丽新疆), or in a list they close, as (start, end, province).

    A province's short form alone mostly qualifies a name (湖北科技学院); after 法治/平安/美丽…
    and ending a word, or listed before 两省/三省/等省区 (湖北、湖南、江西三省), it is the province itself.
    """
    out = []
    for anchor, _, _ in automaton_of(("地区",)).matches(text):
        short = next((s for s in (text[anchor - 3:anchor], text[anchor - 2:anchor]) if s in short_forms), None)
        start = anchor - len(short) if short else 0
        if short and (start == 0 or not CJK_CHAR.match(text, start - 1) or text[:start].endswith(_BEFORE_INITIALS)):
            out.append((start, anchor, short_forms[short]))  # 深化与台湾地区交流
    for count in finditer_near(_COUNTED_PROVINCES, text, ("省", "地"), 1, 3):
        end, listed = count.start(), []
        while True:
            short = next((s for s in sorted(short_forms, key=len, reverse=True) if text.endswith(s, 0, end)), None)
            if short is None:
                break
            listed.append((end - len(short), end, short_forms[short]))
            end -= len(short)
            if end == 0 or text[end - 1] not in "、和与及":
                break
            end -= 1
        if not count.group(0).endswith("地") or len(listed) > 1:  # 河北、山东两地: a list, not 山东两地
            out.extend(listed)
    for start, end, _ in automaton_of(_SLOGANS).matches(text):
        for short in sorted((s for s in short_forms if text.startswith(s, end)), key=len, reverse=True):
            stop = end + len(short)
            if stop == len(text) or not CJK_CHAR.match(text, stop) or not word_starts or stop in word_starts:
                out.append((end, stop, short_forms[short]))
            break
    return out


_ETHNIC_TOWN = re.compile(f"(?:[{CJK}]{{1,2}}族)+(?:镇|乡|苏木)")
_ETHNIC_TOWN_ENDS = ("族镇", "族乡", "族苏木")


def _ethnic_towns(text: str, ctx: Context) -> list[tuple[int, int, str]]:
    """Ethnic towns and townships the division table names without their people (拉林满族镇 is its 拉林镇), as (start, end, name).

    The people's name ends in 族 (满族, 蒙古族: at most two characters before 族 here); the name
    proper before it (two to four characters, from a word start) must make a town of the gazetteer,
    resolved in the reporting region's context, with the same generic, and the generic must end a word.
    """
    out = []
    words = ctx.token_starts
    for match in finditer_near(_ETHNIC_TOWN, text, _ETHNIC_TOWN_ENDS, 6, 3):
        if words and match.end() < len(text) and CJK_CHAR.match(text, match.end()) and match.end() not in words:
            continue  # 满族乡贤: the generic begins a word of its own
        generic = next(g for g in ("镇", "乡", "苏木") if match.group(0).endswith(g))
        for people in (2, 3):  # 满族 or 蒙古族 before the generic: the name proper ends where the people's name starts
            tail = match.end() - len(generic) - people
            if tail < match.start():
                break
            for length in (4, 3, 2):
                start = tail - length
                if start < 0 or not CJK_CHAR.match(text, start) or words and start not in words:
                    continue
                place = ctx.gazetteer.resolve(text[start:tail] + generic, ctx.region or None)
                if place is not None and place.level == "township":
                    out.append((start, match.end(), place.name))
                    break
            else:
                continue
            break
    return out


_AREA_KINDS = ("国家级自然保护区", "省级自然保护区", "自然保护区", "国家公园", "国家森林公园", "森林公园", "国家湿地公园", "湿地公园",
               "风景名胜区", "水库", "遗址", "长城", "边境经济合作区", "跨境经济合作区", "经济合作区") + ("沙漠", "沙地", "草原", "戈壁", "湿地", "库区", "灌区", "景区", "旅游度假区")
"""What ends the name of a protected area, a reservoir or a heritage site (向海国家级自然保护区, 龙凤山水库, 喇家遗址, 九门口长城): places reports work in."""
_OPEN_LANDS = ("沙漠", "沙地", "草原", "戈壁", "湿地", "库区", "灌区", "景区", "旅游度假区")
"""Kinds of land also said of no place in particular (法润草原, 交界区域草原): named only right after a verb or function word."""
_NOT_IN_A_LAND = re.compile("区域|交界|毗邻|地区|周边|沿线|保护|治理|生态|重点|主要|旅游|[各全级]")
_AREA = re.compile(f"[{CJK}—]{{2,12}}?(?:{alternation(_AREA_KINDS)})")
_BEFORE_AREA = re.compile(_BEFORE_WATER.pattern.removeprefix("^.*") + "|设立|建设|依托|所在|针对|面向|受损|[一二三四五六七八九十]是")
"""What stands before an area's name (围绕, 在, 设立): a character of it counts only as a word of its own (向海 is a name)."""
_AFTER_VERB = re.compile(f"(?:{_BEFORE_AREA.pattern})$")


def _protected_areas(text: str, word_starts: frozenset[int], known: Gazetteer) -> list[tuple[int, int, str]]:
    """Protected areas and reservoirs named by their kind (海南热带雨林国家公园, 龙凤山水库), as (start, end, name).

    The name proper (two characters or more) starts after the last function word or verb before it;
    a kind alone (深化国家公园周边) names none.
    """
    out = []
    for match in finditer_near(_AREA, text, _AREA_KINDS, 12 + 2, 9):
        start, end = match.span()
        kind = max(len(k) for k in _AREA_KINDS if text.endswith(k, start, end))
        cut = start
        for stop in _BEFORE_AREA.finditer(text, start, end - kind):
            k = stop.start()
            if len(stop.group(0)) > 1 or not word_starts or (k in word_starts and k + 1 in word_starts):
                cut = stop.end()
        if cut == start and word_starts and start not in word_starts:
            continue  # the window opened inside a word: no name proper found
        cut = _after_divisions(text, cut, end - kind, end, known, full_only=True)  # 吉林省向海国家级自然保护区: 向海…
        if text.endswith(_OPEN_LANDS, start, end) and (cut == start and (start == 0 or text[start - 1] not in "、，,") or _NOT_IN_A_LAND.search(text, cut, end - kind) or end - kind - cut > 5):
            continue  # 蒙吉同心·法润草原, 陕甘宁交界区域草原: no land's name
        if end - kind - cut < 2:
            continue
        if text.endswith("水库", start, end) and (area := _RESERVOIR_AREA.match(text, end)) and any(
                known.candidates(area["stem"] + suffix) for suffix in _SECTION_PLACE_SUFFIXES):
            end = area.end()  # 丹江口水库淅川库区: the reservoir's area in one county, one place
        out.append((cut, end, text[cut:end]))
    return out


_RESERVOIR_AREA = re.compile(f"(?P<stem>[{CJK}]{{2,3}}?)库区")


_PROVINCE_INITIALS = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔滇藏陕甘青宁新港澳"
_BORDER_TAIL = re.compile("(?:[两三四]省(?:区市|市区|区|市)?)?(?:毗邻地区|交界地区|边界地区|毗邻区域|交界区域|边界区域|(?:毗邻|交界|边界)(?=[、，。；,;]))")
"""The tail of a border area: 地区 or 区域 after it, or the bare 边界 before a pause (立足粤赣边界、…; 粤赣边界法治协作 keeps
its initials alone)."""
_INITIALS = re.compile(f"(?<![{_PROVINCE_INITIALS}])[{_PROVINCE_INITIALS}]{{2,4}}(?![{_PROVINCE_INITIALS}])")
_SAR_INITIALS = frozenset("港澳")
"""Initials with 港 or 澳 (港澳律师, 粤港澳规则衔接) name Hong Kong and Macau's cooperation, no border area."""
_BEFORE_INITIALS = ("深化", "推进", "加强", "立足", "服务", "开展", "建立", "促进", "推动", "围绕", "聚焦", "落实", "实现", "在", "与", "和", "的", "、")


def _border_areas(text: str, word_starts: frozenset[int], known: Gazetteer) -> list[tuple[int, int, str]]:
    """Border areas named by their provinces' initials, places no gazetteer has, as (start, end, initials).

    With their tail (青甘毗邻地区, 黑吉两省毗邻地区, 陕甘宁交界区域), or alone as a word of their own
    after a verb or a pause (深化川渝法治协作, 立足陕甘宁三省区交界的区位).
    """
    out = []
    for tail in _BORDER_TAIL.finditer(text):
        start = tail.start()
        while start > 0 and tail.start() - start < 4 and text[start - 1] in _PROVINCE_INITIALS:
            start -= 1
        if tail.start() - start >= 2:
            out.append((start, tail.end(), text[start:tail.start()]))
    spans = [(s, e) for s, e, _ in out]
    for match in finditer_near(_INITIALS, text, tuple(_PROVINCE_INITIALS), 3, 5):
        start, end = match.span()
        if overlaps_any(start, end, spans) or word_starts and (start not in word_starts or end < len(text) and end not in word_starts):
            continue
        if match.group(0) in known.province_short_forms or known.candidates(match.group(0)) or set(match.group(0)) & _SAR_INITIALS:
            continue  # 辽宁 is a province, 京津冀 a zone the gazetteer reads, 港澳 and 粤港澳 regions cooperating, no border area
        if start == 0 or not CJK_CHAR.match(text, start - 1) or text[:start].endswith(_BEFORE_INITIALS):
            out.append((start, end, match.group(0)))
    return out


_SECTION = re.compile(f"[{CJK}]{{1,6}}?(?:{alternation(_WATER_GENERIC)})(?:上游|中游|下游|干流)?(?P<stem>[{CJK}]{{2,4}}?)段")
_SECTION_PAST_GENERIC = re.compile(_SECTION.pattern.replace("(?P<stem>", "(?P<stem>(?![河江湖水溪渠])"))
"""The same, the water's name read up to a generic the stem would otherwise open with (赤水河习水段, not 赤水 + 河习水)."""
_SECTION_PLACE_SUFFIXES = ("", "区", "县", "市", "镇", "乡")
_LANDFORMS = ("峡", "口", "湾", "滩", "坝")
"""How a section named by a landform rather than a place ends (黄河积石峡段, 黄河壶口段)."""
_NEXT_SECTION = re.compile(f"[和及与、](?P<stem>[{CJK}]{{2,4}}?)段")
"""A section listed after one, its river carried over (泃河平谷段和蓟州段 → 泃河蓟州段)."""


def _section_stem(stem: str, ctx: Context) -> bool:
    """Whether a section's stem names where it runs: a place, the region's own name, or a landform of three characters or more."""
    return (any(ctx.gazetteer.candidates(stem + suffix) for suffix in _SECTION_PLACE_SUFFIXES) or (ctx.region or "").startswith(stem)
            or len(stem) >= 3 and stem.endswith(_LANDFORMS))


def _sections(text: str, ctx: Context) -> list[tuple[int, int, str]]:
    """Sections of a river named by the place they run through (涪江潼南段, 湟水民和段, 万泉河上游琼中段, 黄河积石峡段),
    and those listed after one with the river carried over (泃河平谷段和蓟州段), as (start, end, name)."""
    out = []
    for match in finditer_near(_SECTION, text, ("段",), 6 + 4 + 2 + 3, 1):
        if not _section_stem(match["stem"], ctx):
            match = _SECTION_PAST_GENERIC.search(text, match.start(), match.end())
            if match is None or not _section_stem(match["stem"], ctx):
                continue
        start = match.start()
        before = _BEFORE_WATER.match(text[start:match.start("stem")])
        if before:
            start += before.end()
        if match.start("stem") - start < 2:
            continue
        out.append((start, match.end(), text[start:match.end()]))
        river, end = text[start:match.start("stem")], match.end()
        while (listed := _NEXT_SECTION.match(text, end)) and _section_stem(listed["stem"], ctx):
            out.append((listed.start("stem"), listed.end(), river + listed.group(0)[1:]))
            end = listed.end()
    return out


_MOUNTAIN_GENERIC = ("山脉", "山", "岭", "峰")
_MOUNTAIN_CONTEXT = ("区域", "片区", "山区", "林区", "一带", "周边", "腹地", "沿线", "及周边", "东麓", "西麓", "南麓", "北麓", "山麓")
_MOUNTAIN_SIDES = ("区域", "东麓", "西麓", "南麓", "北麓", "山麓")
"""Contexts that name an area or side of the mountain (幕阜山区域, 贺兰山东麓): the mention reaches over them."""
"""What follows a mountain's name when a sentence uses it as a place (幕阜山区域, 鹦哥岭片区, 五指山及周边)."""
_MOUNTAIN = re.compile(f"[{CJK}]{{1,5}}?(?:{alternation(_MOUNTAIN_GENERIC)})(?=(?P<context>{alternation(_MOUNTAIN_CONTEXT)}))")
_LISTED_MOUNTAIN = re.compile(f"[{CJK}]{{1,5}}?(?:{alternation(_MOUNTAIN_GENERIC)})$")


def _mountains(text: str, word_starts: frozenset[int], known: Gazetteer) -> list[tuple[int, int, str, int]]:
    """Mountains named before 区域/片区/一带…, and those joined to one by 、 or a dash (鹦哥岭—黎母山片区), as (start, end, name, mention end).

    The name starts as a water's does (after a function word or verb, at a word start); 幕阜山区域
    is a mention of 幕阜山 that reaches over 区域.
    """
    out = []
    for match in finditer_near(_MOUNTAIN, text, _MOUNTAIN_CONTEXT, 5 + 2, 3):
        start, end = match.span()
        cut = _name_start(text, start, end, _MOUNTAIN_GENERIC, word_starts)
        if cut is None:
            continue
        cut = _after_divisions(text, cut, end - 1, end, known)  # 通城县幕阜山区域: 幕阜山
        out.append((cut, end, text[cut:end], end + len(match["context"]) if match["context"] in _MOUNTAIN_SIDES else end))
        while cut > 1 and text[cut - 1] in "、—":
            found = _LISTED_MOUNTAIN.search(text, max(0, cut - 8), cut - 1)
            listed = found and _name_start(text, found.start(), found.end(), _MOUNTAIN_GENERIC, word_starts)
            if not listed:
                break
            out.append((listed, cut - 1, text[listed:cut - 1], cut - 1))
            cut = listed
    return out


def _name_start(text: str, start: int, end: int, generics: tuple[str, ...], word_starts: frozenset[int]) -> int | None:
    """Where the name proper of a match ending in one of ``generics`` starts (after a function word or verb, at a word start), or None when none is left."""
    cut = start + (len(before.group(0)) if (before := _BEFORE_WATER.match(text[start:end])) else 0)
    generic = max(len(g) for g in generics if text.endswith(g, start, end))
    aligned = min((b for b in word_starts if cut <= b < end - generic), default=cut)
    if end - aligned > generic:
        cut = aligned
    return cut if end - cut > generic else None


_DIVISION_ENDS = ("省", "市", "区", "县", "旗", "州", "镇", "乡", "街道")


def _after_divisions(text: str, cut: int, stem_end: int, end: int, known: Gazetteer, full_only: bool = False) -> int:
    """Where a water's name starts when divisions open the words before it (潼南区琼江, 韩城黄河滩区: 琼江, 黄河).

    A division's full name (潼南区) is cut off when a name proper is left; a short form only
    before a water the gazetteer knows (韩城|黄河), so 顺德水道 keeps 顺德.
    """
    moved = True
    while moved:
        moved = False
        for k in range(stem_end - 1, cut + 1, -1):
            places = known.candidates(text[cut:k])
            if places and not places[0].is_feature and (text.endswith(_DIVISION_ENDS, cut, k) or not full_only and text[k:end] in known.waters):
                cut, moved = k, True
                break
    return cut


def _waters(text: str, word_starts: frozenset[int], known: Gazetteer) -> list[tuple[int, int, str, int]]:
    """Rivers, lakes, bays and seas named before 流域/沿线/水域/海域…, as (start, end, name, mention end).

    The name starts after any function word or verb in front of it, at a word start when
    that leaves a name (御临河, not 临河; 北运河, not 漷县镇等北运河). A stretch or bank
    (大通河下游, 黄河滩区) is a mention of the water that reaches over the stretch; a bay
    listed before its sea (芷锚湾等交界海域) is one too. A province's short form before 海
    is no sea (上海沿海), nor is a division's name (珠海海域).
    """
    out = []
    matches = [(m, m["context"]) for m in finditer_near(_WATER, text, _WATER_CONTEXT, 8 + 3, 3)]
    matches += [(m, "") for m in finditer_near(_BAY_LISTED, text, ("湾等",), 6 + 1, 2 + 8)]
    matches += [(m, None) for m in finditer_near(_AT_WATER, text, _AT_WATER_VERBS, 6 + 3, 2)
                if not _NOT_IN_A_WATER.search(text, m.start(), m.end() - 1) and m.start() in word_starts | {0}]
    for match, context in matches:
        start, end = match.span()
        cut = start + (len(before.group(0)) if (before := _BEFORE_WATER.match(match.group(0))) else 0)
        generic = max(len(g) for g in _WATER_GENERIC if text.endswith(g, start, end))
        aligned = min((b for b in word_starts if cut <= b < end - generic), default=cut)
        if end - aligned > generic:
            cut = aligned
        if end - cut <= generic or text[cut:end] in known.province_short_forms and (context is None or text[end - 1] in "海湾港岛"):
            continue  # 上海沿海, 在浙江开展 (黑龙江沿岸 is the river)
        if context == _BANK and text[end + 1:end + 2] in _NAMED_AFTER_BANK:
            continue  # 湖畔街道, 江畔社区: the name of a street, not a bank
        if context == "生态" and _NOT_IN_A_WATER.search(text, cut, end - 1):
            continue  # 河湖生态, 城区水生态: generic words, not a water's name
        if (context is None or text[end - 1] in "海湾港岛") and any(not p.is_feature for p in known.candidates(text[cut:end])):
            continue  # 珠海海域, 防城港海域, 在珠海开展: a division's name (环江流域 is the river all the same)
        if text[end - 1] in "湾港岛" and end - cut < 3:
            continue  # 港湾, 海岛: a bay's, harbour's or island's name proper has two characters or more
        cut = _after_divisions(text, cut, end - generic, end, known)
        reach = end + len(context) if context in _STRETCHES else end
        if (initials := _INITIALS_BEFORE.match(text, cut, end - generic)) and (
                text[initials.end():end] in known.waters or end - generic - initials.end() >= 1 and initials.end() - cut >= 2):
            # 晋豫黄河沿岸, 甘青边界黄河, 滇黔黄泥河流域, 陕甘毗邻地区嘉陵江上游: the provinces' border area (read by _border_areas), then the river
            cut = initials.end()
        split = next((k for k in range(cut + 2, end - 1) if text.endswith(_WATER_GENERIC, cut, k) and text[k:end] in known.waters), None)
        if split is None and text[cut:end] not in known.waters and (two := _TWO_RIVERS.fullmatch(text, cut, end)):
            split = cut + len(two[1])  # 沂河沭河流域, 葫芦河渝河流域: two rivers run together
        if split is not None:  # 湟水黄河沿线: two waters run together, the second one the gazetteer knows
            out.append((cut, split, text[cut:split], split))
            cut = split
        out.append((cut, end, text[cut:end], reach))
    return out


_TRIBUTARY = ("支流", "干流", "主河道")
_SCOPE_WATER = re.compile(f"(?:{alternation(_TRIBUTARY)})?(?P<name>[{CJK}]{{1,4}}?(?:河|江|湖|溪|水))")
_NOT_A_WATER_STEM = re.compile("[县区市镇乡村全各城沿流湖河江]|重点|主要|辖区|饮用|生活|地下|污|排")


def _scope_waters(text: str, known: Gazetteer) -> list[tuple[int, int, str]]:
    """Waters listed as a scope (协作范围覆盖浰江和定南水, …覆盖清漳河、浊漳河和支流坤头河), each item of the list a water's
    name and nothing else, as (start, end, name); a tributary's 支流 is no part of its name."""
    out = []
    for opener in SCOPE_OPENS.finditer(text):
        end = opener.end()
        while end < len(text) and text[end] not in "，。；,;：\n":
            end += 1
        for start, item_end in list_items(text, opener.end(), end):
            item = _SCOPE_WATER.fullmatch(text, start, item_end)
            if item is None:
                continue
            name = item["name"]
            stem = name[:-1]
            if _NOT_A_WATER_STEM.search(stem) or name.endswith("水") and not (name in known.waters or any(known.candidates(stem + s) for s in ("", "县", "市", "区"))):
                continue  # 覆盖城乡河湖, 饮用水: no water's name; a 水 named after its county (定南水) or one the gazetteer knows
            out.append((item.start("name"), item_end, name))
    return out


_TWO_RIVERS = re.compile(f"([{CJK}]{{1,3}}?[河江])[{CJK}]{{1,2}}[河江]")
_INITIALS_BEFORE = re.compile(f"[{_PROVINCE_INITIALS}]{{2,4}}(?:(?:边界|交界|毗邻)(?:地区|区域)?)?")
_LISTED_WATER = re.compile(f"[{CJK}]{{1,6}}?(?:{alternation(_WATER_GENERIC)})$")


def _listed_waters(text: str, waters: list[tuple[int, int]], word_starts: frozenset[int]) -> list[tuple[int, int, str]]:
    """Waters listed before a water (在西江、顺德水道交汇处; 围绕金海湖、泃河流域)."""
    out = []
    for start, _ in sorted(waters):
        while start > 1 and text[start - 1] == "、":
            cut = _water_before(text, start - 1, word_starts)
            if cut is None:
                break
            out.append((cut, start - 1, text[cut:start - 1]))
            start = cut
    return out




def _water_before(text: str, end: int, word_starts: frozenset[int]) -> int | None:
    """Where the water's name that ends at ``end`` starts (after a function word or verb, at a word start), or None."""
    found = _LISTED_WATER.search(text, max(0, end - 9), end)
    if not found:
        return None
    cut = found.start() + (len(before.group(0)) if (before := _BEFORE_WATER.match(found.group(0))) else 0)
    generic = max(len(g) for g in _WATER_GENERIC if found.group(0).endswith(g))
    aligned = min((b for b in word_starts if cut <= b < found.end() - generic), default=cut)
    cut = aligned if found.end() - aligned > generic else cut
    return cut if found.end() - cut > generic else None
