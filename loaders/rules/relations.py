"""Relations between candidates: trigger verbs, names that contain other names, paragraphs serving an event, the gazetteer.

Explicit relations are read off the sentence (签订《A》 → PARTY_TO, 在X设立Y → LOCATED_IN);
implicit ones (``implicit=True``) have the reporting government as the unstated actor or
rest on world knowledge from the gazetteer (白鹤镇 is a town of 青浦区).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from govkg.loaders.rules.base import AFTER_A_WATER, CJK, DASHES, HOLDERS, LIST_LINKS, PER_PLACE, POINT_PER_PLACE, QUALIFIER, SCOPE_OPENERS, SCOPE_OPENS, SETTING_UP, SHARED_HEAD, SIGNERS, Candidate, Context, RelationRecord, alternation, clause_end, clause_start, finditer_near
from govkg.loaders.rules.events import ORGANISED, hosted_before
from govkg.loaders.rules.component import CANDIDATES, RELATIONS, RuleComponent, VocabularySlice, add, context, readings
from govkg.ontology.terms import Class, RelationType

_ACTOR_TYPES = (Class.Institution, Class.Place, Class.MediationCentre)
_WRITTEN = (Class.Document, Class.Agreement)
_PARTNER_LINK = re.compile("与|会同|联合|同")
_WHEN = re.compile("在[^，。；,;\n]{1,20}?(?:期间|之际|前夕|前后|以来)")
"""在…期间: a time, not a place (在3·15国际消费者权益日期间)."""
_CARRYING = "并还又也"
_LISTED_FIRST = re.compile(f"[{CJK}“”]{{2,20}}(?:以及|和|及|、)")
"""Items of the verb's list no rule read before the one it did (成立区涉外法律服务律师库以及…工作站)."""
"""Adverbs a clause may open with before its partner (…，并与A签订): the subject carries over the pause all the same."""
_ZONE_ENDS = ("区", "圈", "带", "走廊")
_PER_PLACE_RULES = (PER_PLACE, POINT_PER_PLACE)
"""Rules that read one surface once per place it is in (在A镇、B镇分别建成…工作站)."""
_NOT_OBJECTS = ("nested-title", "quote-in-title")
"""Readings a verb does not act on: a title nested in another, a quote inside a title."""


@dataclass(frozen=True)
class RelationVocabulary(VocabularySlice):
    relation_verbs: dict[RelationType, tuple[str, ...]]
    serve_cues: tuple[str, ...]
    system_founding_verbs: tuple[str, ...]
    site_opening_verbs: tuple[str, ...]
    national_law_prefix: str
    review_openers: tuple[str, ...]
    review_verbs: tuple[str, ...]
    counter_heads: tuple[str, ...]
    region_count_words: tuple[str, ...]

    def can_be_established(self, target: Candidate, explicit_actor: bool, verb: str) -> bool:
        """Whether an establishment verb sets up ``target``: bodies always; mechanisms when the actor is named,
        platforms and venues, systems a founding verb builds (建立…机制), or what an opening verb opens (开设…)."""
        if target.type in (Class.Institution, Class.MediationCentre, Class.ObservationPoint):
            return True
        if target.type != Class.Mechanism:
            return False
        return (
            explicit_actor
            or target.cls in (Class.Platform, Class.Venue)
            or (verb in self.system_founding_verbs and target.cls in (Class.WorkMechanism, Class.System))
            or verb in self.site_opening_verbs
        )


@Language.factory("govkg_relations", assigns=[RELATIONS, "doc._.govkg_implied_places"], requires=[CANDIDATES], default_config={})
class RelationRule(RuleComponent):
    """Relations read from verbs (签订《A》 → PARTY_TO), containment (SERVES, COVERS, editions PART_OF series),
    paragraphs serving an event, and the gazetteer (PART_OF chains); runs after every candidate rule."""

    Vocabulary = RelationVocabulary
    vocabulary: RelationVocabulary

    def prepare(self) -> None:
        verbs = [(v, rel) for rel, vs in self.vocabulary.relation_verbs.items() for v in vs]
        self._verbs = re.compile(alternation(v for v, _ in verbs))
        self._relation_of = dict(verbs)
        self._review = re.compile(f"(?:{alternation(self.vocabulary.review_openers)})(?P<body>[^，。；,;\n]{{2,30}}?)"
                                  f"(?:{alternation(self.vocabulary.review_verbs)})")

    def __call__(self, doc: Doc) -> Doc:
        self._ready()
        ctx = context(doc)
        found = readings(doc)
        text = ctx.text
        out = verb_relations(ctx, found, self.vocabulary, self._verbs, self._relation_of)
        out += review_relations(ctx, found, self._review)
        out += issued_by_relations(ctx, found)
        out += set_up_by_relations(ctx, found, self.vocabulary.relation_verbs[RelationType.ESTABLISHED])
        out += organised_relations(ctx, found)
        out += [RelationRecord(RelationType.ESTABLISHED, holder, c.key, False, c.start, c.end)  # 三地司法局联席会议制度: its holders'
                for c in found for holder in c.attributes.get(HOLDERS, ())]
        out += counted_holders(ctx, found)
        out += scope_relations(ctx, found, self.vocabulary.region_count_words)
        explicit = containment_relations(found)
        explicit += serving_clauses(ctx.text, found, self.vocabulary.serve_cues)
        explicit += served_places(ctx.text, found)
        out += explicit + paragraph_serves(text, found, explicit, self.vocabulary.serve_cues)
        place_links, implied = place_relations(found, ctx)
        out += place_links
        doc._.govkg_implied_places = sorted(implied)
        return add(doc, (), out)

    def find(self, doc: Doc, ctx: Context) -> tuple[Sequence[Candidate], Sequence[RelationRecord]]:
        return (), ()


def verb_relations(ctx: Context, candidates: Sequence[Candidate], vocabulary: RelationVocabulary,
                   pattern: re.Pattern[str], relation_of: dict[str, RelationType]) -> list[RelationRecord]:
    """签订/发布/成立 … followed by the agreements, documents or bodies they act on."""
    text, shadow = ctx.text, ctx.masked
    out: list[RelationRecord] = []
    objects = sorted((c for c in candidates if c.rule not in _NOT_OBJECTS and c.type != Class.Place), key=lambda c: (c.start, c.start - c.end))
    # 组建市政府法律顾问专家库: the pool is set up, not the body its name opens with
    objects = [c for i, c in enumerate(objects) if not (i and objects[i - 1].start == c.start and objects[i - 1].end > c.end)]
    object_starts = [c.start for c in objects]
    bodies = _actors_among(candidates)  # the only candidates _actors keeps
    body_keys = {c.key for c in bodies if c.type != Class.Place}
    for verb in _verbs_at_word_starts(pattern, shadow, ctx.token_starts):
        relation = relation_of[verb.group(0)]
        scope_end = clause_end(shadow, verb.end())
        targets = objects[bisect.bisect_left(object_starts, verb.end()):bisect.bisect_left(object_starts, scope_end)]
        actors = _actors(text, bodies, verb.start(), ctx)
        explicit_actor = not actors[0][1]
        if not explicit_actor and shadow.startswith("的", verb.end()):
            continue  # 学习新修订的《行政复议法》: the verb describes the law and names no actor (区政府制定的《…》 does)
        if verb.group(0) in vocabulary.review_verbs and _ISSUED_BY.search(shadow, scope_end, _sentence_end(shadow, scope_end)):
            continue  # 审议通过《A》，由县委依法治县办印发: the body named with 由 issues it (issued_by_relations)
        if relation == RelationType.ESTABLISHED:
            listed = targets[:1]
            for c in targets[1:]:  # 建立A机制和B机制: each item of the list the verb governs; 在A、B分别设立X: each X the words name
                if (c.start, c.end) == (listed[-1].start, listed[-1].end) and c.replaces and c.rule == listed[-1].rule in _PER_PLACE_RULES:
                    # one surface read once per place (在A镇、B镇分别建成…工作站): the same rule's replacing readings
                    listed.append(c)
                    continue
                if text[listed[-1].end:c.start] not in LIST_LINKS or c.type != listed[0].type:
                    break
                listed.append(c)
            near = targets and (targets[0].start - verb.end() <= 8 or _MADE_UP_OF.fullmatch(text, verb.end(), targets[0].start) is not None
                                or _LISTED_FIRST.fullmatch(text, verb.end(), targets[0].start) is not None)  # 成立A库以及B工作站: B too
            targets = [c for c in listed if near and vocabulary.can_be_established(c, explicit_actor, verb.group(0))]
        else:
            targets = [c for c in targets if c.type in _WRITTEN]
        respectively = text.endswith(_RESPECTIVELY, 0, verb.start()) and explicit_actor and len(actors) == len(targets) >= 2
        for i, target in enumerate(targets):
            if SIGNERS in target.attributes:  # A分别与B、C签订…协议: each agreement's own two signers
                out += [RelationRecord(RelationType.PARTY_TO, signer, target.key, False, verb.start(), target.end) for signer in target.attributes[SIGNERS]]
                continue
            if target.type == Class.Agreement:
                type_ = RelationType.PARTY_TO
            else:
                type_ = RelationType.ISSUED if relation != RelationType.ESTABLISHED else relation
            for actor, implicit in ([actors[i]] if respectively else actors):  # A、B分别制定《X》《Y》: A issues X, B issues Y
                if implicit and type_ == RelationType.ISSUED and target.cls == Class.Law and target.canonical.startswith(vocabulary.national_law_prefix):
                    continue  # a region never issues a national law
                out.append(RelationRecord(type_, actor, target.key, implicit, verb.start(), target.end))
                if type_ == RelationType.ESTABLISHED and not implicit and target.text.strip("“”").endswith(vocabulary.counter_heads) and actor in body_keys \
                        and target.rule != PER_PLACE and not _LOCATIVE.search(shadow, clause_start(shadow, verb.start()), verb.start()):
                    # 县政务服务中心开设“…”专窗: a counter is where the body that opens it is
                    out.append(RelationRecord(RelationType.LOCATED_IN, target.key, actor, False, verb.start(), target.end))
    parties = {r.target for r in out if r.type == RelationType.PARTY_TO}
    for agreement in candidates:
        if agreement.type == Class.Agreement and agreement.rule != "nested-title" and agreement.key not in parties:
            out.append(RelationRecord(RelationType.PARTY_TO, ctx.region, agreement.key, True, agreement.start, agreement.end))
            parties.add(agreement.key)
    return out


def _verbs_at_word_starts(pattern: re.Pattern[str], text: str, words: frozenset[int]) -> list[re.Match[str]]:
    """The verbs of ``pattern`` in ``text`` that start a word: in 律师协会签订 the verb is 签订, not 会签."""
    if not words:
        return list(pattern.finditer(text))
    out = []
    match = pattern.search(text)
    while match is not None:
        if match.start() in words:
            out.append(match)
            match = pattern.search(text, match.end())
        else:
            match = pattern.search(text, match.start() + 1)
    return out


_ISSUED_BY = re.compile("(?:通过)?后?[由经](?P<body>[^，。；,;\n由]{2,20}?)(?:印发|发布|出台)")
_RESPECTIVELY = "分别"
_LEADING = ("牵头",)
_SUPPORTING = ("配合", "协助", "参与")
"""A牵头，B、C配合，开展…: the clauses before the verb name the lead and who supports it; all of them act."""
_MADE_UP_OF = re.compile("(?:由[^，。；,;\n]{1,20}?组成|以[^，。；,;\n]{1,16}?为[^，。；,;\n]{1,10}?)的")
"""What may stand between a verb and what it sets up (组建由32名律师组成的…服务团, 成立以县长为组长的…领导小组)."""
_LOCATIVE = re.compile("在|依托")
"""在X开设窗口: the counter is in X (the branch rule's), not in the body that opens it."""


def _sentence_end(text: str, position: int) -> int:
    return min((k for k in (text.find(end, position) for end in "。\n") if k >= 0), default=len(text))


def issued_by_relations(ctx: Context, candidates: Sequence[Candidate]) -> list[RelationRecord]:
    """…《A》，由县委依法治县办印发 (or 《A》由…印发): the body named with 由 issues the document named before it in the sentence."""
    text = ctx.masked
    bodies = _actors_among(candidates)
    written = sorted((c for c in candidates if c.type in _WRITTEN and c.rule not in _NOT_OBJECTS), key=lambda c: c.end)
    out = []
    for match in finditer_near(_ISSUED_BY, text, ("由", "经"), 3, 1 + 20 + 2):
        if text[match.start() - 1:match.start()] not in ("，", ",") and not any(ctx.text[c.end:match.start()] in ("", "》") for c in written):
            continue  # …《A》，由X印发 or 《A》由X印发
        issuers = _named_before(ctx.text, bodies, *match.span("body"))
        sentence_start = max(text.rfind(end, 0, match.start()) for end in "。；;\n") + 1
        before = [c for c in written if sentence_start <= c.start and c.end <= match.start()]
        if issuers and before:
            out += [RelationRecord(RelationType.ISSUED, body.key, before[-1].key, False, before[-1].start, match.end()) for body in issuers]
    return out


_SET_UP_BY = "由(?P<body>[^，。；,;\n]{{2,40}}?)(?:联合|共同|牵头|合作)?(?:{verbs})(?![{cjk}])"
"""A unit named before 由X(与Y)联合成立: X and Y set it up (县行政争议调解中心由县司法局与县人民法院联合成立)."""
_UNITS = (Class.Institution, Class.MediationCentre, Class.ObservationPoint)


def set_up_by_relations(ctx: Context, candidates: Sequence[Candidate], verbs: Sequence[str]) -> list[RelationRecord]:
    """Y由A与B联合成立: A and B (every body named with 由) set up the unit written right before 由."""
    text = ctx.masked
    pattern = re.compile(_SET_UP_BY.format(verbs=alternation(verbs), cjk=CJK))
    bodies = _actors_among(candidates)
    ends = {c.end: c for c in sorted(candidates, key=lambda c: c.start - c.end) if c.type in _UNITS}
    out = []
    for match in finditer_near(pattern, text, ("由",), 0, 1 + 40 + 6):
        unit = ends.get(match.start())
        founders = [c for c in _named_before(ctx.text, bodies, *match.span("body")) if c.type == Class.Institution]
        if unit is None or not founders:
            continue
        out += [RelationRecord(RelationType.ESTABLISHED, body.key, unit.key, False, unit.start, match.end()) for body in founders if body.key != unit.key]
    return out


def review_relations(ctx: Context, candidates: Sequence[Candidate], pattern: re.Pattern[str]) -> list[RelationRecord]:
    """起草《A》，报区委依法治区委员会审议后印发 / 《A》经区政府常务会议审议通过: the reviewing body issues the document
    named before it in the sentence (the drafter only drafts)."""
    text = ctx.masked
    bodies = _actors_among(candidates)
    written = sorted((c for c in candidates if c.type in _WRITTEN and c.rule not in _NOT_OBJECTS), key=lambda c: c.end)
    out = []
    for match in pattern.finditer(text):
        reviewers = _named_before(ctx.text, bodies, *match.span("body"))
        sentence_start = max(text.rfind(end, 0, match.start()) for end in "。；;\n") + 1
        before = [c for c in written if sentence_start <= c.start and c.end <= match.start()]
        if not reviewers or not before:
            continue
        document = before[-1]
        after = match.end() + (1 if text.startswith("后", match.end()) else 0)
        after += 1 if text.startswith(("，", ","), after) else 0
        issued_by = _ISSUED_BY.match(text, after, clause_end(text, after))
        if issued_by:  # …审议后(，)由县政府办公室印发: the body named after 由 issues it
            reviewers = _named_before(ctx.text, bodies, *issued_by.span("body")) or reviewers
        out += [RelationRecord(RelationType.ISSUED, body.key, document.key, False, document.start, match.end()) for body in reviewers]
    return out


_SCOPED = (Class.Agreement, Class.Mechanism)
_AGREEMENT_SCOPES = ("协议", "协作范围", "合作范围", "协议范围", "协作区域")
"""Words before 覆盖 that make the scope an agreement's, not that of a mechanism set up with it (…建立A机制，协作范围覆盖…)."""
_AREA_AFTER = re.compile("在(?P<area>[^，。；,;\n《》]{2,30}?)"
                         "(?:沿线|流域|(?:毗邻|交界|接壤|边境|沿边|沿江|沿河|沿黄|沿湖|沿海|沿岸)的?(?:地区|区域|乡镇|镇街|街镇|村屯|村居|村|社区|镇|乡|街道)"
                         "|交界处|交界(?!的)|一带|区域)")
"""在…毗邻地区 / 在A、B等毗邻乡镇 / 在A、B等沿江乡镇 / 在三县交界的A、B一带: the area an agreement's sentence scopes
(交界的 only qualifies what follows)."""


_BORDERED = re.compile("与(?P<others>[^，。；与]{2,30}?)(?:接壤|毗邻|交界)的?(?:区域|地区|地带|乡镇|村)")
"""The neighbours a scope's places border (红柳沟镇、砖井镇与盐池县、鄂托克前旗接壤区域): counties there qualify the area, not
covered (towns there are: 下冻镇与凭祥市友谊镇等毗邻乡镇)."""
_NEXT_SENTENCE_SCOPE = re.compile(f"(?:该|上述)?(?:协议|协作)(?:范围)?(?:{alternation(SCOPE_OPENERS)})")
"""A sentence that opens with the scope of the agreement the sentence before signed (协议覆盖A、B镇…)."""
_SETS_UP_THERE = re.compile("(?:共同|联合|分别)?(?:设立|建立|成立|共建|设置|建成)")


def scope_relations(ctx: Context, candidates: Sequence[Candidate], counts: Sequence[str] = ()) -> list[RelationRecord]:
    """What an agreement's sentence says it covers: the places after 覆盖 (…覆盖A、B等镇) and in 在…沿线/毗邻地区, else
    the waters its name opens with; and the places its name counts (《南沙顺德中山三地…协议》) (COVERS)."""
    text = ctx.text
    places = sorted((c for c in candidates if c.type == Class.Place), key=lambda c: c.start)
    place_starts = [p.start for p in places]

    def starting(low: int, high: int) -> list[Candidate]:  # the places starting in text[low:high], in order
        return places[bisect.bisect_left(place_starts, low):bisect.bisect_left(place_starts, high)]

    agreement_starts = sorted(a.start for a in candidates if a.type == Class.Agreement and a.rule not in _NOT_OBJECTS)
    out = []
    for agreement in candidates:
        # an agreement's scope, or a joint mechanism's (建立…联合执法机制，执法范围覆盖A、B等乡镇)
        if agreement.type not in _SCOPED or agreement.rule in _NOT_OBJECTS or agreement.type == Class.Mechanism and agreement.cls != Class.WorkMechanism:
            continue
        sentence_start = max(text.rfind(end, 0, agreement.start) for end in "。\n") + 1
        sentence_end = min((k for k in (text.find(end, agreement.end) for end in "。\n") if k >= 0), default=len(text))
        # 覆盖… belongs to the agreement nearest before it (A协议，…B协议，协作范围覆盖…: B's)
        later = _later_agreements(text, candidates, agreement, sentence_end)
        signed = agreement.type == Class.Mechanism and (
            bisect.bisect_left(agreement_starts, agreement.start) > bisect.bisect_left(agreement_starts, sentence_start))
        spans = [(m.end(), clause_end(text, m.end())) for m in SCOPE_OPENS.finditer(text, agreement.end, sentence_end)
                 if not any(s < m.start() for s in later)
                 and not (signed and text.endswith(_AGREEMENT_SCOPES, 0, m.start()))]  # 协作范围覆盖…: the agreement's scope
        if agreement.type == Class.Agreement:
            # 在…流域开展联合巡查: the agreement's area; 在…流域联合设立巡回审判点: where a unit is, no scope
            spans += [m.span("area") for m in _AREA_AFTER.finditer(text, sentence_start, sentence_end)
                      if not _SETS_UP_THERE.match(text, m.end())]
            if not later and (opening := _NEXT_SENTENCE_SCOPE.match(text, sentence_end + 1)):
                spans.append((opening.end(), clause_end(text, opening.end())))  # …签署《…协议》，…。协议覆盖A、B镇: its scope
        scoped = False
        for start, end in spans:
            within = [p for p in starting(start, end) if p.end <= end]
            within = [p for p in within if not any(o.start <= p.start and p.end <= o.end and o.end - o.start > p.end - p.start for o in within)]
            bordered = [m.span("others") for m in _BORDERED.finditer(text, start, clause_end(text, start))]  # A、B镇与C县接壤区域: C only says where
            within = [p for p in within if p.cls not in _ABOVE_TOWNS or not any(a <= p.start and p.end <= b for a, b in bordered)]
            written_before = {p.start for p in within}
            qualifying = _qualifying(text, within)
            for place in within:
                if place.end in written_before or place in qualifying:  # 蓟州区下营镇: the town is covered, its county only names it
                    continue
                if (place.cls in _ABOVE_TOWNS or _is_water(place, ctx)) and _NAMES_A_UNIT.match(text, place.end, end):
                    scoped = True  # 东海县山左口乡, 淅川库区, 黄河…段: the unread town, area or section is covered, not what names it
                    continue
                scoped = True
                out.append(RelationRecord(RelationType.COVERS, agreement.key, place.key, False, agreement.start, place.end))
        named = [p for p in starting(agreement.start, agreement.end) if p.end <= agreement.end]
        if not named:
            continue
        if not scoped:
            sentence = [p for p in starting(sentence_start, sentence_end) if not agreement.start <= p.start < agreement.end]
            waters = _waters_named_first(text, agreement, named, sentence, ctx)
            again = _waters_named_again(text, agreement, sentence, ctx)
            if len(again) > len(waters):  # 《葫芦河渝河流域…》，联合巡查葫芦河、渝河沿岸: the waters the sentence names again
                waters = again
            out += [RelationRecord(RelationType.COVERS, agreement.key, water.key, False, agreement.start, agreement.end) for water in waters]
        if agreement.type == Class.Agreement and counts:
            out += [RelationRecord(RelationType.COVERS, agreement.key, place.key, False, agreement.start, agreement.end)
                    for place in _places_counted(text, agreement, named, counts)]
    return out


_QUALIFIED_UNITS = re.compile("(?:毗邻|交界|接壤|沿边|边界|两岸|沿岸|沿线|周边)的?(?:村屯|村居|村组|村庄|村|社区|乡镇|镇街|街镇|村（居）|村\\(居\\))")
"""What a list of divisions may only qualify in a scope (山海关区、青龙县毗邻村屯, 黄河两岸乡镇): the villages are covered, not the divisions."""


_NAMES_A_UNIT = re.compile(f"(?![等和与及])[{CJK}]{{0,4}}?(?:乡|镇|街道|库区|片区|段)(?:$|[等、和与及])")
_ABOVE_TOWNS = (Class.County, Class.Prefecture, Class.Province)
"""What a division or water written before it names (东海县山左口乡, 黄河某峡段, when not read as a place): that unit is covered, not the division."""


def _qualifying(text: str, places: Sequence[Candidate]) -> list[Candidate]:
    """The places of a scope that qualify the border villages written after them, with those of their level listed before them."""
    out: list[Candidate] = []
    for i, place in enumerate(places):
        if not _QUALIFIED_UNITS.match(text, place.end):
            continue
        run = [place]
        for before in reversed(places[:i]):
            if before.cls != place.cls or text[before.end:run[-1].start] != "、":
                break
            run.append(before)
        out += run
    return out


def _places_counted(text: str, agreement: Candidate, places: Sequence[Candidate], counts: Sequence[str]) -> list[Candidate]:
    """The divisions an agreement's name opens with when a count of them follows (南沙顺德中山三地…: the three places it covers);
    ``places``: those inside the name, in order."""
    opening = agreement.start + (1 if text.startswith("《", agreement.start) else 0)
    named: list[Candidate] = []
    position = opening
    for place in places:  # the places inside the name, in order
        if place.start < position:
            continue
        link = next((w for w in ("、", "与", "和") if text.startswith(w, position)), "") if named else ""
        if place.start != position + len(link) or place.cls == Class.Place:
            break
        named.append(place)
        position = place.end
    return named if len(named) >= 2 and text.startswith(tuple(counts), position) else []


_WATER_RULES = ("water", "water-section")
_RESERVOIR = "水库"


def _waters_named_first(text: str, agreement: Candidate, places: Sequence[Candidate], sentence: Sequence[Candidate],
                        ctx: Context) -> list[Candidate]:
    """The waters an agreement's name opens with (《卫河流域…协作意见》, 湟水流域和黄河干流…): what it covers, when its
    sentence states no scope. A section of the water named in the sentence (涪江潼南段) is more precise: then none."""
    opening = agreement.start + (1 if text.startswith("《", agreement.start) else 0)
    out: list[Candidate] = []
    position = opening
    for place in places:  # the places inside the name, in order
        if place.start != position or not _is_water(place, ctx):
            break
        out.append(place)
        position = place.end
        after = next((w for w in AFTER_A_WATER if text.startswith(w, position)), "")
        position += len(after)
        link = next((w for w in (*LIST_LINKS, "与", *DASHES) if text.startswith(w, position)), "")
        if not link and not any(p.start == position for p in places):  # 沂河沭河流域: two waters run together; 官厅水库—永定河流域
            break
        position += len(link)
    if any(p.canonical != w.canonical and p.canonical.startswith(w.canonical) for w in out for p in sentence):
        return []
    return out


def _waters_named_again(text: str, agreement: Candidate, sentence: Sequence[Candidate], ctx: Context) -> list[Candidate]:
    """The waters the sentence names outside an agreement's name whose names spell the name's opening
    (《葫芦河渝河流域…》，联合巡查葫芦河、渝河沿岸; 《故黄河流域…》, the name read otherwise): what it covers."""
    position = agreement.start + (1 if text.startswith("《", agreement.start) else 0)
    waters = sorted((p for p in sentence if _is_water(p, ctx) and p.text.startswith(p.canonical)), key=lambda p: p.start - p.end)
    out: list[Candidate] = []
    while (water := next((p for p in waters if text.startswith(p.canonical, position) and all(o.key != p.key for o in out)), None)):
        out.append(water)
        position += len(water.canonical)
        position += len(next((w for w in AFTER_A_WATER if text.startswith(w, position)), ""))
        position += len(next((w for w in (*LIST_LINKS, "与") if text.startswith(w, position)), ""))
    if any(p.canonical != w.canonical and p.canonical.startswith(w.canonical) for w in out for p in sentence):
        return []
    return out


def _is_water(place: Candidate, ctx: Context) -> bool:
    if place.rule in _WATER_RULES or place.canonical.endswith(_RESERVOIR):  # 官厅水库—永定河流域: a reservoir is a water too
        return True
    return place.cls == Class.Place and place.canonical in ctx.gazetteer and ctx.gazetteer.place(place.canonical).level == "water"


def _later_agreements(text: str, candidates: Sequence[Candidate], agreement: Candidate, sentence_end: int) -> list[int]:
    """Starts of the agreements named after ``agreement`` in its sentence, beyond those listed with it (《A》和《B》 share a scope)."""
    later = sorted((a for a in candidates if a.type == Class.Agreement and agreement.end <= a.start < sentence_end and a.rule not in _NOT_OBJECTS),
                   key=lambda a: a.start)
    position = agreement.end
    while later and text[position:later[0].start].strip("《》“”") in (*LIST_LINKS, "与"):
        position = later.pop(0).end
    return [a.start for a in later]


def _actors_among(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The readings that can act: bodies, and places that are divisions or zones (a river, a border area never acts)."""
    return [c for c in candidates if c.type in _ACTOR_TYPES and c.rule != "quote" and not (c.type == Class.Place and c.cls == Class.Place)]


_COUNTED = "institution-counted"


def counted_holders(ctx: Context, candidates: Sequence[Candidate]) -> list[RelationRecord]:
    """并建立…三地司法局联席会议制度: a mechanism whose name opens with counted bodies, set up in its clause, is theirs."""
    text = ctx.text
    counted = [c for c in candidates if c.rule == _COUNTED]
    out = []
    for mechanism in candidates:
        if mechanism.type != Class.Mechanism or HOLDERS in mechanism.attributes:
            continue
        holders = [b for b in counted if b.start == mechanism.start and b.end < mechanism.end]
        opened = clause_start(text, mechanism.start)
        if holders and any(verb in text[opened:mechanism.start] for verb in SETTING_UP):
            out += [RelationRecord(RelationType.ESTABLISHED, b.key, mechanism.key, False, opened, mechanism.end) for b in holders]
    return out


def organised_relations(ctx: Context, candidates: Sequence[Candidate]) -> list[RelationRecord]:
    """Who organised an event read after an organising verb: the bodies before the verb (A与B联合举办), else the reporting region (implicit)."""
    bodies = _actors_among(candidates)
    text = ctx.text
    out = []
    for event in candidates:
        if event.type == Class.Event and event.rule == ORGANISED:
            verb = event.attributes["verb"]
            hosting = hosted_before(text, verb)  # 由A、B主办，C承办的…: who 主办s organises it too
            hosts = _named_before(text, bodies, *hosting.span("bodies")) if hosting else []
            for body in hosts:
                out.append(RelationRecord(RelationType.ORGANIZED, body.key, event.key, False, hosting.start(), event.end))
            for actor, implicit in _actors(text, bodies, verb, ctx):
                if not (implicit and hosts):
                    out.append(RelationRecord(RelationType.ORGANIZED, actor, event.key, implicit, verb, event.end))
            hosted = _HOSTED_AFTER.match(text, event.end)
            if hosted:  # 举办…培训班，市司法局承办: the bodies of the next clause host it
                for body in _named_before(text, bodies, *hosted.span("bodies")):
                    out.append(RelationRecord(RelationType.ORGANIZED, body.key, event.key, False, event.start, hosted.end()))
    return out


_HOSTED_AFTER = re.compile("[，,](?P<bodies>[^，。；,;\n]{2,30}?)(?:联合|共同)?(?:承办|协办)(?=[，。；,;\n])")
"""A clause after an event that names who hosts or co-hosts it (…培训班，市司法局承办，…)."""


def _actors(text: str, candidates: Sequence[Candidate], position: int, ctx: Context) -> list[tuple[str, bool]]:
    """Who acts at a verb: the bodies named before it in the clause (A与B、C签订), else the reporting region.

    Bodies before 与/会同/联合 are the subjects, those after are partners; with partners but
    no subject, the reporting region is the unstated subject.
    """
    start = clause_start(text, position)
    named = _named_before(text, candidates, start, position)
    locative = max(text.rfind("在", start, position), text.rfind("依托", start, position))  # X在Y设立Z, X依托Y设立Z: Y is where, X acts
    if locative >= 0 and _WHEN.match(text, locative):
        locative = -1  # 在3·15国际消费者权益日期间联合A举办…: when, not where
    if locative >= 0 and not any(c.start < locative < c.end for c in candidates):
        # X在Y设立Z: Y is where, X acts; 在Y设立Z with no X before: Y is still only where
        named = [c for c in named if c.end <= locative]
        position = locative
    invited = next((m.start() for m in _INVITING.finditer(text, start, position)), -1)
    if invited >= 0 and any(c.end <= invited for c in named):
        named = [c for c in named if c.end <= invited]  # 县司法局邀请州中级人民法院法官举办讲座: the one who invites organises
        position = invited
    causative = max((m.end() for m in _CAUSATIVE.finditer(text, start, position)), default=-1)
    if causative >= 0 and any(c.start >= causative for c in named):
        named = [c for c in named if c.start >= causative]  # 县司法局指导茶田镇建立…: the town sets it up, the bureau guides
    opening = text[start:position].strip("在开展共同联合一并还并又")
    if not named and start > 0 and text[start - 1] in "，,；;" and (not opening or _PARTIES.fullmatch(opening)):
        # A与B共建X，联合举办Y: a clause that opens with its verb has the previous clause's subjects;
        # A与B签订X，协议覆盖…，建立Y: past clauses that name no body (the agreement's scope) too
        # …改革；在X设立Y: over a semicolon too
        end = start - 1
        for _ in range(_CARRIED_CLAUSES):
            opened = clause_start(text, end)
            carried = _subjects_opening(text, candidates, opened, end)
            if carried and text.endswith(_SUPPORTING, 0, end) and opened > 1 and text[opened - 1] in "，," \
                    and text.endswith(_LEADING, 0, opened - 1):  # A牵头，B、C配合，开展…: the lead acts too
                carried = [*_subjects_opening(text, candidates, clause_start(text, opened - 1), opened - 1), *carried]
            if carried:
                return [(c.key, False) for c in carried]
            if opened == 0 or text[opened - 1] not in "，," or any(
                    c.type != Class.Place and opened <= c.start < end for c in candidates):
                if opened > 0 and text[opened - 1] == "。" and (parties := _PARTIES.fullmatch(opening)):
                    # 9月，A与B、C签订《…》。协议签订后，三地联合开展…: the parties the sentence before opens with
                    signers = _parties_before(text, candidates, opened - 1)
                    if len(signers) == _count(parties.group(0)):
                        return [(c.key, False) for c in signers]
                break
            end = opened - 1
    # far from its verb a body is no subject, unless partners follow it (本局与四地律师协会联合举办)
    if not named or (position - named[-1].end > 6 and not _PARTNER_LINK.match(text, named[-1].end)):
        return [(ctx.region, True)]
    link = _PARTNER_LINK.search(text, start, position)
    split = link.start() if link else position
    subjects = [c for c in named if c.start < split]
    partners = [c for c in named if c.start >= split]
    actors = [(c.key, False) for c in subjects + partners]
    if not subjects and start > 0 and text[start - 1] in "；;，," and _PARTNER_LINK.match(text, start + (text[start] in _CARRYING)):
        # …签订《A》；与C签订《B》: the subject carries over the pause
        previous = clause_start(text, start - 1)
        before = _named_before(text, candidates, previous, start - 1)
        link = _PARTNER_LINK.search(text, previous, start - 1)
        subjects = [c for c in before if link is None or c.start < link.start()]
        actors = [(c.key, False) for c in subjects] + actors
    if not subjects:
        actors.append((ctx.region, True))
    return actors


_SUBJECT_LINKS = (*LIST_LINKS, "与", "会同", "联合", "同")
_CAUSATIVE = re.compile("指导|督促|推动|帮助|引导|支持|协助|鼓励|动员")
"""Verbs by which one body has another act (A指导B建立…): B acts."""
_INVITING = re.compile("邀请|特邀|聘请|邀约")
"""Verbs by which a body brings others in (A邀请B举办…): A acts, B is a guest."""
_PARTIES = re.compile("[两二三四五六七八九](?:地|方|县区?|区县?|市县?|旗县|省区?)|双方")
"""A count of the parties as a clause's subject (三地建立…, 双方): the signers named before it."""
_CARRIED_CLAUSES = 3
_COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _count(parties: str) -> int:
    """How many parties a count names (三地 → 3, 双方 → 2)."""
    return 2 if parties == "双方" else _COUNTS[parties[0]]


def _parties_before(text: str, candidates: Sequence[Candidate], sentence_end: int) -> list[Candidate]:
    """The bodies the first clause naming any opens the sentence ending at ``sentence_end`` with (9月，A与B、C签订…)."""
    start = max(text.rfind(end, 0, sentence_end) for end in "。\n") + 1
    while start < sentence_end:
        end = min(k for k in (clause_end(text, start), sentence_end) if k >= start)
        opening = _subjects_opening(text, candidates, start, end)
        if opening:
            return opening
        start = end + 1
    return []
"""How many clauses back a clause opening with its verb looks for its subjects, over clauses that name no body."""


def _subjects_opening(text: str, candidates: Sequence[Candidate], start: int, end: int) -> list[Candidate]:
    """The bodies a clause opens with, joined by 与/和/、 (县司法局与湖北科技学院法学院共建…): its subjects."""
    chain: list[Candidate] = []
    position = start
    qualifiers = {c.end: c.start for c in candidates if c.type == Class.Place}
    for c in _named_before(text, candidates, start, end):
        cut = c.start
        while chain and cut in qualifiers and qualifiers[cut] >= position:  # 与河北省秦皇岛市山海关区司法局: the places name the body
            cut = qualifiers[cut]
        gap = text[position:cut]
        if (chain and gap not in _SUBJECT_LINKS) or (not chain and gap.strip()):
            break
        chain.append(c)
        position = c.end
    return chain


def _named_before(text: str, candidates: Sequence[Candidate], start: int, position: int) -> list[Candidate]:
    """The outermost bodies and places named in ``text[start:position]``, in order (a branch written after its court stands alone)."""
    within = [c for c in candidates if c.type in _ACTOR_TYPES and start <= c.start and c.end <= position and c.rule != "quote"]
    # a shared head's reading (长寿区、垫江县司法局 for 长寿区司法局) holds the last body of the list, which acts too
    def contains(o: Candidate, c: Candidate) -> bool:
        return o is not c and o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start and not (
            o.rule == SHARED_HEAD and c.type == Class.Institution)
    named = sorted((c for c in within if not any(contains(o, c) for o in within)),
                   key=lambda c: c.start)
    starts = {c.start for c in named}
    return [c for c in named if c.end not in starts]  # 区人民法院X人民法庭设立: the branch acts, not the court it is written after


def containment_relations(candidates: Sequence[Candidate]) -> list[RelationRecord]:
    """Names that contain an event (SERVES) or a cooperation zone (COVERS); an edition is part of its series."""
    out = [
        RelationRecord(RelationType.PART_OF, c.key, c.attributes["series"], True, c.start, c.end)
        for c in candidates
        if c.type == Class.Event and "series" in c.attributes
    ]
    events = [c for c in candidates if c.type == Class.Event]
    # a zone written by its full name (…示范区, …新区, …走廊) in a name is what it covers; a zone written
    # as its members' initials (通武廊, 湘鄂赣) only says who cooperates
    zones = [c for c in candidates if c.type == Class.Place and c.cls == Class.CooperationZone and c.text.endswith(_ZONE_ENDS)]
    for c in candidates:
        if c.type in (Class.Event, Class.Place, Class.Statistic):
            continue
        for event in events:
            if c.start <= event.start and event.end <= c.end and c.key != event.key:
                out.append(RelationRecord(RelationType.SERVES, c.key, event.key, False, c.start, c.end))
        if c.type in _WRITTEN:
            for zone in zones:
                if c.start <= zone.start and zone.end <= c.end:
                    out.append(RelationRecord(RelationType.COVERS, c.key, zone.key, False, c.start, c.end))
    return out


_SERVING_TYPES = (Class.Mechanism, Class.Institution, Class.Document)


def serving_clauses(text: str, candidates: Sequence[Candidate], cues: Sequence[str]) -> list[RelationRecord]:
    """组建涉外法律服务小分队，服务第四届…博览会: what the clause before names last serves the event a clause opened by 服务 names."""
    out = []
    for event in candidates:
        if event.type != Class.Event:
            continue
        start = clause_start(text, event.start)
        if start == 0 or text[start - 1] not in "，," or text[start:event.start] not in cues:
            continue
        previous = clause_start(text, start - 1)
        servers = [c for c in candidates if c.type in _SERVING_TYPES and previous <= c.start and c.end <= start - 1]
        if servers:
            server = max(servers, key=lambda c: (c.end, c.end - c.start))
            out.append(RelationRecord(RelationType.SERVES, server.key, event.key, False, server.start, event.end))
    return out


_SERVED_UNITS = (Class.ObservationPoint, Class.Institution, Class.MediationCentre, Class.Mechanism)
_SERVING_CLAUSE = re.compile("(?:重点|主要|专门|就近)?服务(?!保障|中心|站|点|队|团|窗口|平台)")
_ZONE_WORDS = ("经济开发区", "经济技术开发区", "高新技术产业开发区", "开发区", "高新区", "产业园区", "工业园区", "产业园", "工业园",
               "工业集中区", "产业集聚区", "示范区", "合作区", "自贸区", "园区")
"""Generic words a serving clause uses for a zone named before it (…在郯城经济开发区设立工作站，重点服务开发区内的企业)."""
_ANY_ZONE = "园区"


def served_places(text: str, candidates: Sequence[Candidate]) -> list[RelationRecord]:
    """…设立法律服务工作站，服务A镇、B乡三地群众: the unit the clause before names last serves the places the clause
    opened by 服务 names, or the zone it was set up in when the clause calls it by its kind (服务开发区内的企业) (SERVES)."""
    places = sorted((c for c in candidates if c.type == Class.Place), key=lambda c: c.start)
    out = []
    for match in _SERVING_CLAUSE.finditer(text):
        start = clause_start(text, match.start())
        if start == 0 or text[start - 1] not in "，," or text[start:match.start()] not in ("", "重点", "主要", "专门", "就近"):
            continue
        end = clause_end(text, match.end())
        previous = clause_start(text, start - 1)
        units = [c for c in candidates if c.type in _SERVED_UNITS and previous <= c.start and c.end <= start - 1 and c.rule not in _NOT_OBJECTS]
        if not units:
            continue
        unit = max(units, key=lambda c: (c.end, c.end - c.start))
        servers = [c for c in units if (c.start, c.end, c.type) == (unit.start, unit.end, unit.type)]  # 在A、B分别设立…站: each station
        within = [p for p in places if match.end() <= p.start and p.end <= end]
        served = [p for p in within if not any(o is not p and o.start <= p.start and p.end <= o.end for o in within)]
        served = [p for p in served if p.end not in {o.start for o in served}]  # 高陂镇工业集中区 read as two: the zone
        if not served:
            word = next((w for w in _ZONE_WORDS if text.startswith(w, match.end())), None)
            kinds = _ZONE_WORDS if word == _ANY_ZONE else (word,) if word else ()  # 园区 calls any zone by its kind
            served = [p for p in places if previous <= p.start and p.end <= unit.start and kinds and p.text.endswith(kinds)]
        out += [RelationRecord(RelationType.SERVES, c.key, p.key, False, c.start, p.end) for c in servers for p in served]
    return out


def paragraph_serves(text: str, candidates: Sequence[Candidate], explicit: list[RelationRecord], cues: Sequence[str]) -> list[RelationRecord]:
    """A paragraph opened by 加强进博会法治保障 serves that event with what it lists (implicit)."""
    serving = {r.source for r in explicit if r.type == RelationType.SERVES}
    out: list[RelationRecord] = []
    all_events = [c for c in candidates if c.type == Class.Event]
    offset = 0
    for paragraph in text.split("\n"):
        first_end = offset + (paragraph.find("。") if "。" in paragraph else len(paragraph))
        window_end = max(first_end, min(offset + 60, offset + len(paragraph)))
        events = [c for c in all_events if offset <= c.start < window_end]
        opening = text[offset:window_end]
        if events and any(cue in opening for cue in cues):
            targets = sorted({e.key for e in events})
            for c in candidates:
                if first_end <= c.start < offset + len(paragraph) and c.type in _SERVING_TYPES and c.key not in serving:
                    out.extend(RelationRecord(RelationType.SERVES, c.key, target, True, c.start, c.end) for target in targets if target != c.key)
                    serving.add(c.key)
        offset += len(paragraph) + 1
    return out


def place_relations(candidates: Sequence[Candidate], ctx: Context) -> tuple[list[RelationRecord], set[str]]:
    """PART_OF chains: explicit when the text writes them together (昆山市淀山湖镇), else from the gazetteer.

    Returns the relations and the names of places they add (parents not mentioned).
    """
    gazetteer = ctx.gazetteer
    part_of = RelationType.PART_OF
    places = sorted((c for c in candidates if c.type == Class.Place), key=lambda c: c.start)
    out: list[RelationRecord] = []
    explicit: set[tuple[str, str]] = set()
    for c in places:
        if "parent" in c.attributes:
            out.append(RelationRecord(part_of, c.key, c.attributes["parent"], False, c.start - len(c.attributes["parent"]), c.end))
    for left, right in zip(places, places[1:]):
        if right.key in gazetteer and left.end == right.start and left.key in [p.name for p in gazetteer.chain(right.key)[1:]]:
            # 佛山市顺德区 in 顺德区's own report: the prefecture only qualifies the name, the link is known, not stated
            out.append(RelationRecord(part_of, right.key, left.key, bool(left.attributes.get(QUALIFIER)), left.start, right.end))
            explicit.add((right.key, left.key))
    mentioned = {c.key for c in places if c.key in gazetteer} | ({ctx.region} if ctx.region in gazetteer else set())
    added: set[str] = set()
    for name in sorted(mentioned):
        chain = gazetteer.chain(name)
        for child, parent in zip(chain, chain[1:]):
            if (child.name, parent.name) not in explicit:
                out.append(RelationRecord(part_of, child.name, parent.name, True, 0, 0))
            if parent.name not in mentioned:
                added.add(parent.name)
    for zone in sorted({c.key for c in places if c.cls == Class.CooperationZone}):
        for member in gazetteer.place(zone).members:
            out.append(RelationRecord(part_of, member, zone, True, 0, 0))
            chain = gazetteer.chain(member)
            for child, parent in zip(chain, chain[1:]):
                out.append(RelationRecord(part_of, child.name, parent.name, True, 0, 0))
            added.update(p.name for p in chain if p.name not in mentioned)
    return out, added
