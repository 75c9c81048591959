"""Synthetic rule-of-law government reports, deterministic from a seed, for benchmarks.

``generate(n, folder, seed)`` writes ``n`` reports of the genre (title, chrome lines,
numbered sections) for the county-level places of the gazetteer, over many years and
kinds of body. Report ``i`` depends only on ``(seed, i)``, so the first 100 reports of
``generate(1000, …)`` are the reports of ``generate(100, …)``.

The reports share what real ones share: a pool of cross-region agreements (《…》) that
several districts sign, the demonstration zone and its towns, cross-border observation
points (在A镇、B镇设立两个跨域基层法治观察点), mediation centres, quoted mechanisms
(“…”机制), documents, and statistics whose percentages are computed from the counts
beside them (about one in ten is deliberately off, as in real reports).

Run ``python -m bench.generate N DIR [--seed S]`` from the repository root.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

YEARS = range(2004, 2035)
"""Report years (31); with the bodies below this gives 11,904 distinct reports."""

DEPARTMENTS = [
    "司法局", "市场监督管理局", "人力资源和社会保障局", "生态环境局", "城市管理行政执法局", "应急管理局",
    "公安分局", "文化和旅游局", "卫生健康委员会", "发展和改革委员会", "教育局",
]
"""Department bodies that also publish reports (subject = region + department)."""

ZONE = "长三角生态绿色一体化发展示范区"

LAWS = [
    "中华人民共和国行政复议法", "中华人民共和国行政处罚法", "中华人民共和国行政许可法", "中华人民共和国民法典",
    "中华人民共和国宪法", "中华人民共和国行政诉讼法", "优化营商环境条例", "公平竞争审查条例",
    "重大行政决策程序暂行条例", "中华人民共和国政府信息公开条例", "中华人民共和国安全生产法", "中华人民共和国长江保护法",
]

SHARED_AGREEMENTS = [
    f"{ZONE}劳动保障监察协作框架协议",
    f"{ZONE}行政复议工作协作框架协议",
    f"{ZONE}公共法律服务协同发展合作备忘录",
    "示范区知识产权发展与保护一体化工作战略合作协议",
    "长三角一体化示范区违反治安管理行为处罚裁量基准",
    f"{ZONE}生态环境执法协作框架协议",
    f"{ZONE}市场监管执法一体化合作协议",
    "长三角地区市场监管执法协作框架协议",
    "长三角区域生态环境联合执法合作协议",
    "长三角地区人民调解工作协作备忘录",
    "环淀山湖区域社会治理协同发展合作协议",
    "苏沪毗邻地区平安边界共建合作协议",
    "沪苏浙毗邻地区行政执法协作框架协议",
    "长三角区域律师行业协同发展合作协议",
    "长三角地区公证服务一体化合作备忘录",
    "长三角地区法律援助协作框架协议",
    "长三角地区行政执法证件互认合作协议",
    "长三角区域知识产权保护协作框架协议",
    "长三角地区消费维权联动合作备忘录",
    "长三角区域应急管理联动合作协议",
    "长三角区域轻微违法行为免罚清单互认共识",
    "长三角地区法治宣传教育协作倡议书",
    "长三角地区文化市场综合执法协作公约",
    "跨区域商业秘密保护团体标准",
]
"""Agreements that several districts sign (the same title in many reports)."""

AGREEMENT_TOPICS = ["行政执法", "生态环境保护", "矛盾纠纷联调", "知识产权保护", "安全生产监管", "劳动保障监察", "法律服务", "信用监管"]
AGREEMENT_HEADS = ["协作框架协议", "合作协议", "合作备忘录"]

MECHANISM_CORES = [
    "一站受理", "庭所联动", "免申即享", "码上办", "综合查一次", "不罚轻罚", "首违不罚", "法护企航", "律企同行",
    "同城通办", "跨省通办", "高效办成一件事", "一网统管", "诉源治理", "府院联动", "检调对接", "访调对接", "警调联动",
    "法律明白人", "一地两点", "三所联动", "法润乡村", "柔性执法", "说理式执法", "信用修复", "容缺受理", "一业一证",
    "非现场监管", "远程视频调解", "云上公证", "智慧普法", "宪法进万家", "法治体检进万企", "一支队伍管执法",
    "城管进社区", "双随机、一公开", "政府开放月", "枫桥式", "调解+仲裁", "1+3+N", "三官一律进社区", "法治副校长",
]
MECHANISM_HEADS = ["工作机制", "机制", "制度", "体系", "模式", "清单", "服务", "平台", "品牌", "项目", "活动", "行动"]
ACTION_VERBS = ["深化", "推行", "落实", "优化", "健全", "打造", "推进", "建立", "完善", "实施", "开展", "拓展", "创新", "探索", "全面推行", "持续深化"]

MEDIATION_KINDS = ["行政争议联合调处中心", "社会矛盾纠纷调处化解中心", "商事纠纷调解中心", "劳动人事争议调解中心", "知识产权纠纷调解中心", "医疗纠纷人民调解中心"]
INSTITUTIONS = ["司法局", "人民法院", "人民检察院", "市场监管局", "人社局", "生态环境局", "城管执法局", "公安分局", "应急局", "文旅局", "卫健委", "发改委"]

SECTION_TITLES = [
    ["坚持党的领导，法治政府建设责任体系更加健全", "坚持高位推动，推动法治政府建设再达新高度", "强化组织领导，压紧压实法治建设责任"],
    ["服务一体化发展，区域法治协同迈出新步伐", "切实提高站位，探索国家战略法治保障新举措", "深化跨域协作，示范区法治服务持续丰富"],
    ["加强实践转化，提升社会治理法治新成效", "深化法治社会建设，基层治理法治化水平不断提升", "聚焦基层治理，矛盾纠纷多元化解更加有力"],
    ["加强规范管理，不断完善依法决策制度体系", "依法科学民主决策，制度建设质量持续提高", "健全制度体系，行政决策更加规范"],
    ["加大监督力度，监管行政权力得到新提升", "强化监督与化解，行政争议实质性化解成效明显", "自觉接受监督，权力运行更加透明"],
    ["加强文明执法，推进行政执法呈现新生态", "严格规范公正文明执法，行政权力运行更加规范", "深化执法改革，营商环境持续优化"],
    ["存在的不足和下一步工作打算", "存在问题及下一步工作计划", "下一步工作思路"],
]
NUMERALS = "一二三四五六七八九十"

FILLERS = [
    "各项工作取得积极成效，人民群众的获得感、幸福感、安全感持续增强。",
    "通过定期通报、跟踪问效，确保各项任务按时保质完成。",
    "坚持把依法行政贯穿政府工作全过程，依法履职能力进一步提高。",
    "坚持目标导向和结果导向相结合，以钉钉子精神抓好落实。",
    "注重总结提炼基层经验做法，形成可复制、可推广的实践成果。",
    "对照年度目标逐项梳理，查找薄弱环节，及时研究改进措施。",
    "相关做法得到上级部门肯定，并被多家媒体宣传报道。",
    "推动法治建设与经济社会发展同频共振、相互促进。",
    "坚持问题导向，聚焦群众急难愁盼，切实解决了一批实际问题。",
    "各部门密切配合、协同发力，形成了上下联动、齐抓共管的良好局面。",
    "进一步压实工作责任，做到任务清、责任明、措施实。",
    "坚持严管与厚爱相结合，营造了良好的法治氛围。",
]
"""Prose without names or figures, as real reports have between their facts."""

SHORTCOMINGS = [
    "对照法治政府建设的目标要求，我们的工作还存在一些差距和不足：一是运用法治思维和法治方式推动发展的能力还需进一步提升；二是行政执法规范化水平还有提升空间，个别领域执法不严格、不规范的问题依然存在；三是基层法治力量相对薄弱，专业人才较为缺乏。",
    "在肯定成绩的同时，也清醒认识到存在的问题：部分领导干部法治意识有待加强，重大行政决策公众参与的广度和深度还不够，跨区域法治协作的制度化水平需进一步提高。",
    "工作中仍存在一些短板：法治宣传教育的针对性和实效性有待增强，矛盾纠纷源头预防还需加力，行政执法人员能力素质与新形势新任务要求相比仍有差距。",
]


@dataclass(frozen=True)
class _Place:
    name: str
    level: str
    parent: str | None


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[list[_Place], dict[str, list[str]], dict[str, str]]:
    """County-level places, the towns of each county, and each county's province."""
    data = json.loads((resources.files("govkg.loaders") / "data" / "gazetteer.json").read_text(encoding="utf-8"))
    places = {p["name"]: _Place(p["name"], p["level"], p.get("parent")) for p in data["places"]}
    counties = [p for p in places.values() if p.level == "county"]
    towns: dict[str, list[str]] = {}
    for p in places.values():
        if p.level == "township" and p.parent:
            towns.setdefault(p.parent, []).append(p.name)

    def province(name: str) -> str:
        place = places[name]
        while place.parent is not None:
            place = places[place.parent]
        return place.name

    return counties, towns, {c.name: province(c.name) for c in counties}


def _short(region: str) -> str:
    return region[:-2] if region.endswith("新区") else region[:-1]


def _subjects(seed: int) -> list[tuple[str, str, int]]:
    """Every (region, body, year) in a seed-fixed order: government reports first, then departments."""
    counties, _, _ = _gazetteer()
    rng = random.Random(f"govkg-bench:{seed}:subjects")
    government = [(c.name, "", y) for c in counties for y in YEARS]
    departments = [(c.name, d, y) for c in counties for d in DEPARTMENTS for y in YEARS]
    rng.shuffle(government)
    rng.shuffle(departments)
    return government + departments


class _Writer:
    """One report's text, built from randomly chosen templates."""

    def __init__(self, rng: random.Random, region: str, body: str, year: int) -> None:
        counties, towns, provinces = _gazetteer()
        self.rng = rng
        self.region, self.body, self.year = region, body, year
        self.short = _short(region)
        self.p = region[-1] if not region.endswith("新区") else "区"
        self.province = provinces[region]
        self.zone_member = region in ("青浦区", "吴江区", "嘉善县")
        others = [c.name for c in counties if c.name != region]
        near = [c for c in others if provinces[c] == self.province] or others
        far = [c for c in others if provinces[c] != self.province]
        self.partners = rng.sample(near, min(2, len(near))) + rng.sample(far, min(2, len(far)))
        self.own_towns = towns.get(region, [])
        self.towns = [(county, town) for county, ts in sorted(towns.items()) for town in ts]

    # -- helpers -------------------------------------------------------------
    def pick(self, items):  # noqa: ANN001, ANN201 - tiny helper
        return self.rng.choice(items)

    def inst(self, name: str | None = None) -> str:
        """区司法局 / 县人民法院 … (the region's own bodies, short form)."""
        return self.p + (name or self.pick(INSTITUTIONS))

    def pct(self, part: int, whole: int, digits: int = 1) -> str:
        value = 100.0 * part / whole if whole else 0.0
        if self.rng.random() < 0.1:  # reports get some sums wrong
            value += self.rng.choice([-1, 1]) * self.rng.uniform(1.5, 6.0)
            value = min(max(value, 0.1), 99.9)
        return f"{value:.{digits}f}"

    def mechanism(self) -> str:
        return f"“{self.pick(MECHANISM_CORES)}”{self.pick(MECHANISM_HEADS)}"

    def agreement(self) -> str:
        if self.rng.random() < 0.7:
            pool = SHARED_AGREEMENTS if self.zone_member else [a for a in SHARED_AGREEMENTS if "示范区" not in a] + SHARED_AGREEMENTS[:3]
            return self.pick(pool)
        a, b = sorted([self.region, self.pick(self.partners)])
        return f"{_short(a)}{_short(b)}两地{self.pick(AGREEMENT_TOPICS)}{self.pick(AGREEMENT_HEADS)}"

    def two_towns(self) -> tuple[tuple[str, str], tuple[str, str]]:
        own = [(self.region, t) for t in self.own_towns]
        pool = [t for t in self.towns if t[0] != self.region]
        first = self.pick(own) if own and self.rng.random() < 0.5 else self.pick(pool)
        second = self.pick([t for t in pool if t != first])
        return first, second

    # -- paragraphs ------------------------------------------------------------
    def leadership(self) -> list[str]:
        r, y, p = self.region, self.year, self.p
        laws = self.rng.sample(LAWS, self.rng.randint(2, 4))
        out = [
            self.pick([
                f"{p}政府主要负责同志认真履行推进法治建设第一责任人职责，全年主持召开{p}政府常务会议专题研究法治政府建设工作{self.rng.randint(2, 8)}次，带头出庭应诉并旁听庭审。",
                f"{p}长主持召开{p}政府常务会议、法治政府建设示范创建工作推进会，部署安排法治政府建设重点工作，听取审议法治政府建设情况、重大行政决策、行政执法等工作汇报。",
                f"把法治建设成效纳入全{p}高质量发展综合考核，与经济社会发展工作同部署、同推进、同考核，全年召开法治政府建设工作推进会{self.rng.randint(1, 4)}次。",
            ]),
            self.pick([
                f"落实{p}政府常务会议会前学法制度，集体学习" + "".join(f"《{law}》" for law in laws) + "等法律法规。",
                f"{p}政府常务会议开展会前学法，学习新修订的" + "".join(f"《{law}》" for law in laws) + "。",
            ])
            + self.pick([
                f"举办“法治{self.short}”大讲堂，邀请高校学者、资深法官现场授课，领导干部和公职人员累计参训{self.rng.randint(300, 3000)}余人次。",
                f"组织开展“学习贯彻习近平法治思想强化行政执法能力建设”专题培训班，参训{self.rng.randint(80, 900)}人次。",
                f"组织全{p}行政执法人员参加年度法律知识培训考试，参考率达{self.rng.randint(95, 100)}%。",
            ]),
            self.pick([
                f"印发《{y}年{r}法治政府建设工作要点》，细化重点任务{self.rng.randint(20, 60)}项，逐项明确牵头单位和完成时限。",
                f"印发《{y}年{r}法治政府建设工作要点与责任分工》，持续推进重点任务督办。",
            ])
            + self.pick([
                f"出台《{r}关于贯彻落实〈法治政府建设实施纲要〉的实施方案》，推动各项任务落地见效。",
                f"组织开展“优化营商环境法治保障”专项督察，对{self.inst('司法局')}、{self.inst('市场监管局')}等{self.rng.randint(5, 15)}个{p}级部门和{self.rng.randint(3, 9)}个街镇开展实地督察。",
            ]),
        ]
        return out

    def cooperation(self) -> list[str]:
        partners = self.rng.sample(self.partners, 2)
        signed = list(dict.fromkeys(self.agreement() for _ in range(self.rng.randint(2, 4))))
        titles = "".join(f"《{t}》" for t in signed)
        out = [
            self.pick([
                f"{self.inst('司法局')}与{partners[0]}司法局、{partners[1]}司法局签订{titles}，建立律师、公证、仲裁等资源共享清单，推动公共法律服务事项“同城通办”。",
                f"立足{ZONE}（以下简称“示范区”）建设大局，会同{partners[0]}、{partners[1]}签署{titles}等，推动跨域执法标准统一。",
                f"{self.inst()}与{partners[0]}、{partners[1]}有关部门共同签订{titles}，三地互设受理点，实现申请跨域代收转办。",
            ]),
            self.pick([
                f"贯彻落实《{self.pick(SHARED_AGREEMENTS)}》，{self.inst('人社局')}会同{partners[0]}人社部门开展联合检查，检查用人单位{self.rng.randint(100, 900)}余家，督促为{self.rng.randint(200, 3000)}名劳动者补发工资近{self.rng.randint(300, 5000)}万元。",
                f"持续深化《{self.pick(SHARED_AGREEMENTS)}》，与{partners[1]}开展联合执法{self.rng.randint(5, 40)}次，移送案件线索{self.rng.randint(3, 30)}条。",
            ]),
            self.pick([
                f"围绕第{self.pick(['五', '六', '七', '八'])}届中国国际进口博览会服务保障工作，{self.inst('公安分局')}开展环沪“护城河”查控，累计查验车辆{self.rng.randint(3, 20)}.{self.rng.randint(1, 9)}万辆次。",
                f"积极参与长三角一体化发展高层论坛，服务保障世界人工智能大会，{self.inst('司法局')}组建涉外法律服务团，为参展企业提供法律咨询{self.rng.randint(50, 500)}次。",
            ]),
        ]
        return out

    def grassroots(self) -> list[str]:
        (c1, t1), (c2, t2) = self.two_towns()
        mediation = f"{self.region}{self.pick(MEDIATION_KINDS)}"
        branch_town = self.pick(self.own_towns) if self.own_towns else t1
        points = self.pick([
            f"在{t1}、{t2}设立两个跨域基层法治观察点，围绕跨界水体联保、跨省通勤等事项，收集立法执法意见建议{self.rng.randint(10, 90)}条。",
            f"在{c1}{t1}、{c2}{t2}设立两家跨域基层法治观察点，部分建议已被有关部门采纳。",
            f"新建基层法治观察点{self.rng.choice(['2', '两'])}个，分别设在{t1}和{t2}，收集意见建议{self.rng.randint(10, 90)}条。",
        ])
        out = [
            f"完善基层法治观察制度。{points}"
            + self.pick([
                f"在{self.pick(self.own_towns) if self.own_towns else t2}设立{self.short}基层立法联系点，全年报送意见{self.rng.randint(5, 60)}条。",
                f"组织召开“{self.pick(['优化法治营商环境', '提升行政执法能力', '推进法治政府建设'])}”主题基层法治观察会{self.rng.randint(2, 9)}场。",
            ]),
            self.pick([
                f"成立{mediation}，打造“一站受理”中心阵地，全年受理矛盾纠纷{self.rng.randint(200, 3000)}件。",
                f"设立{mediation}，创新“{self.pick(MECHANISM_CORES)}”跨域联调机制，全年联合化解跨省矛盾纠纷{self.rng.randint(30, 400)}件，涉及金额约{self.rng.randint(1, 9)}.{self.rng.randint(1, 9)}亿元。",
            ])
            + self.pick([
                f"{mediation}在{branch_town}设立示范区分中心，就近化解跨域纠纷。",
                f"{mediation}在{branch_town}设立分中心，推动矛盾纠纷就地化解。",
            ]),
            f"打造“{self.short}法治”普法品牌，全年开展各类法治宣传活动{self.rng.randint(200, 2000)}余场次，覆盖群众约{self.rng.randint(5, 60)}万人次。"
            + self.pick([
                f"完善“15分钟公共法律服务圈”，全年提供法律咨询{self.rng.randint(1, 9)}.{self.rng.randint(1, 9)}万人次，法律援助实现“应援尽援”。",
                f"通过“12348”热线电话和一网通办平台，提供“7*24小时”不间断法律服务，将{self.rng.randint(50, 200)}项公证事项纳入在线办理。",
            ]),
        ]
        return out

    def decisions(self) -> list[str]:
        r, y, p = self.region, self.year, self.p
        return [
            self.pick([
                f"{p}政府制定行政规范性文件{self.rng.randint(1, 12)}件，均已向市政府、{p}人大常委会备案并通过。",
                f"{self.inst('司法局')}全年审查{p}政府规范性文件、重大合同及协议等{self.rng.randint(100, 600)}件，提出的法律意见均被采纳。",
            ])
            + f"编制《{y}年度{r}人民政府重大行政决策事项目录》，确定重大决策事项{self.rng.randint(5, 25)}项，严格遵守重大行政决策法定程序工作指引。",
            self.pick([
                f"完成新一届{p}委{p}政府{self.rng.randint(10, 40)}名法律顾问选聘工作，{y}年累计开展合法性审查工作{self.rng.randint(60, 400)}件。",
                f"全{p}共聘请政府法律顾问{self.rng.randint(50, 300)}名，实现街镇、部门全覆盖。",
            ])
            + f"下发《关于做好{y}年度行政规范性文件常态化评估清理工作的通知》，清理文件{self.rng.randint(10, 200)}件。",
            f"{self.pick(ACTION_VERBS)}{self.mechanism()}，{self.pick(ACTION_VERBS)}{self.mechanism()}，着力提升重大行政决策规范化、制度化水平。",
        ]

    def oversight(self) -> list[str]:
        p, y = self.p, self.year
        proposals, motions = self.rng.randint(90, 300), self.rng.randint(90, 300)
        adopted = self.rng.randint(proposals // 2, proposals - 5)
        adopted2 = self.rng.randint(motions // 2, motions - 5)
        received = self.rng.randint(300, 2500)
        solved = self.rng.randint(received // 5, received // 2)
        accepted = self.rng.randint(received // 3, received - solved)
        suits = self.rng.randint(150, 600)
        lost = self.rng.randint(3, 25)
        withdrawn = self.rng.randint(20, 120)
        return [
            f"共承办{p}人大代表建议{proposals}件、政协提案{motions}件，代表建议办理结果中“解决采纳”{adopted}件，占{self.pct(adopted, proposals)}%；"
            f"提案办理结果中“解决或采纳”{adopted2}件，占{self.pct(adopted2, motions)}%。"
            f"充分发挥审计监督职能作用，共完成审计(调查)项目{self.rng.randint(20, 90)}个，审计(调查)资金总额{self.rng.randint(100, 1500)}.{self.rng.randint(10, 99)}亿元。",
            f"{y}年以{p}政府为被告的行政案件实现0败诉，以{p}政府为被申请人的复议案件实现0纠错。"
            f"累计收到行政复议申请{received}件，立案前化解{solved}件，立案前化解率为{self.pct(solved, received, 2)}%，依法受理{accepted}件。"
            f"法院审结的{suits}件行政诉讼案件中，撤诉结案{withdrawn}件，协调化解率{self.pct(withdrawn, suits, 2)}%。"
            f"行政机关为被告的行政诉讼案件败诉{lost}件，败诉率{self.pct(lost, suits, 2)}%。全{p}行政机关负责人出庭应诉率100%。",
            self.pick([
                f"坚持以公开为常态，在{p}政府门户网站开设“法治政府建设”专栏。{y}年共邀请公众代表列席{p}政府常务会议{self.rng.randint(2, 8)}次。",
                f"持续深化“政府开放月”品牌，全年开展主题开放活动{self.rng.randint(10, 80)}场次，参与人数约{self.rng.randint(1000, 9000)}余人次。",
            ]),
        ]

    def enforcement(self) -> list[str]:
        p = self.p
        reviewed = self.rng.randint(40, 300)
        return [
            self.pick([
                f"持续优化街镇“一支队伍管执法”，制定《{self.region}综合行政执法事项清单》，向街镇赋权执法事项{self.rng.randint(80, 400)}项。",
                f"研究制订本{p}行政执法机构改革专项方案和配套政策，协同推进“城管进社区”工作常态化运行机制。",
            ])
            + f"健全重大执法决定法制审核制度，全年审核重大执法决定{reviewed}件，重大法核执行率100%。",
            f"出台“法护企航”十项举措，动态调整“不罚轻罚”清单，全年对{self.rng.randint(100, 900)}件轻微违法行为依法不予处罚或减轻处罚。"
            f"{self.pick(ACTION_VERBS)}{self.mechanism()}，新增{self.rng.randint(3, 30)}项免申即享服务。",
            f"建立{self.region}行政执法公示平台，建立以“双随机、一公开”联合检查为原则的跨部门综合监管机制。"
            f"{self.inst('市场监管局')}联合{self.inst('人民法院')}建立知识产权“快保护”协作机制，{self.pick(ACTION_VERBS)}{self.mechanism()}。",
        ]

    def closing(self) -> list[str]:
        y = self.year + 1
        return [
            self.pick(SHORTCOMINGS),
            f"{y}年，{self.region}将继续深入学习贯彻习近平法治思想，{self.pick(ACTION_VERBS)}{self.mechanism()}，"
            f"深化与{self.pick(self.partners)}等地的法治协作，持续推进{ZONE}法治保障各项工作。"
            + "".join(self.rng.sample(FILLERS, 2)),
            "一是持续加强法治政府建设统筹推进，二是进一步提升行政执法质量和效能，三是不断深化基层依法治理，"
            "四是健全矛盾纠纷多元预防调处化解综合机制，为经济社会高质量发展提供坚实法治保障。"
            + self.pick(FILLERS),
        ]

    def text(self) -> str:
        y, subject = self.year, self.region + self.body
        title = self.pick([f"{y}年{subject}法治政府建设情况报告", f"{y}年度{subject}法治政府建设工作报告", f"{subject}{y}年法治政府建设情况报告"])
        month, day = self.rng.randint(1, 3), self.rng.randint(1, 28)
        date = self.pick([f"发布时间：{y + 1}-{month:02d}-{day:02d}", f"{y + 1}.{month:02d}.{day:02d}"])
        intro = (
            f"{y}年，{self.region}坚持以习近平法治思想为引领，认真落实上级关于法治政府建设的各项部署要求，"
            + ("立足长三角生态绿色一体化发展示范区建设大局，" if self.zone_member else "主动融入长三角一体化发展，")
            + f"扎实推进依法行政，全{self.p}法治政府建设各项任务有序推进、取得实效。现将有关情况报告如下。"
        )
        sections = [self.leadership(), self.cooperation(), self.grassroots(), self.decisions(), self.oversight(), self.enforcement()]
        sections = [[p + "".join(self.rng.sample(FILLERS, self.rng.randint(1, 2))) for p in paragraphs] for paragraphs in sections]
        sections.append(self.closing())
        lines = ["返回上一级", "", "字号", "", "打印", "", title, "", date, "", intro]
        for index, paragraphs in enumerate(sections):
            lines += ["", f"{NUMERALS[index]}、{self.pick(SECTION_TITLES[index])}"]
            numbered = self.rng.random() < 0.5
            for k, paragraph in enumerate(paragraphs):
                lines += ["", (f"（{NUMERALS[k]}）" if numbered else "") + paragraph]
        return "\n".join(lines) + "\n"


def report_text(index: int, seed: int = 0) -> str:
    """The text of synthetic report ``index`` (0-based) for ``seed``."""
    subjects = _subjects(seed)
    if not 0 <= index < len(subjects):
        raise ValueError(f"only {len(subjects)} distinct synthetic reports exist (regions × bodies × years)")
    region, body, year = subjects[index]
    rng = random.Random(f"govkg-bench:{seed}:{index}")
    return _Writer(rng, region, body, year).text()


def generate(n: int, folder: Path, seed: int = 0) -> list[Path]:
    """Write ``n`` synthetic reports into ``folder`` (created) and return their paths, in order.

    Raises:
        ValueError: ``n`` is negative or larger than the number of distinct reports.
    """
    if n < 0 or n > len(_subjects(seed)):
        raise ValueError(f"n must be between 0 and {len(_subjects(seed))}, not {n}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(n):
        path = folder / f"report-{index:06d}.txt"
        path.write_text(report_text(index, seed), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="how many reports")
    parser.add_argument("folder", type=Path, help="where to write them")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    paths = generate(args.n, args.folder, args.seed)
    print(f"wrote {len(paths)} reports to {args.folder}")


if __name__ == "__main__":
    main()
