"""Rules of the genre: each function reads the text and returns candidate mentions.

Rules are keyed to the genre's patterns and vocabulary (``data/vocabulary.json``):
titles in 《》, quoted names followed by a head (“…”机制), trigger verbs followed by
a noun phrase with a known head (建立…制度), short forms of bodies (区市场监管局),
the gazetteer's places, and figures with units. None knows any one report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from govkg.loaders.gazetteer import Gazetteer
from govkg.loaders.vocabulary import load_vocabulary

CJK = "\u4e00-\u9fff"
PUNCT = set("，。；：、！？,;:!?\n（）()【】[] \t\u3000")
PLACEHOLDER = "\u25cb"  # stands in for quoted or bracketed text when reading phrases


@dataclass(frozen=True)
class Context:
    """What a rule needs to know about the report beyond its text."""

    region: str
    city: str | None
    gazetteer: Gazetteer
    token_starts: frozenset[int] = frozenset()


@dataclass
class Candidate:
    """A mention found by a rule, before mentions are merged into entities."""

    type: str
    cls: str
    canonical: str
    start: int
    end: int
    text: str
    rule: str
    aliases: tuple[str, ...] = ()
    attributes: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return self.canonical

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class RelationCandidate:
    """A relation found by a rule, between entity keys (canonical names)."""

    type: str
    source: str
    target: str
    implicit: bool
    start: int
    end: int


def _vocab() -> dict[str, Any]:
    return load_vocabulary()


def _alternation(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


def normalise(name: str) -> str:
    """Canonical spelling: full-width brackets and spaces folded, outer quotes kept."""
    return name.replace("（", "(").replace("）", ")").replace(" ", "").replace("\u3000", "").strip()


# ---------------------------------------------------------------- masking


@lru_cache(maxsize=4)
def masked(text: str) -> str:
    """The text with quoted and 《》 spans replaced by placeholders (same length).

    Cached: several rules read the same report's mask.
    """
    out = list(text)
    for pattern in (_QUOTE, _TITLE):
        for match in pattern.finditer(text):
            out[match.start():match.end()] = PLACEHOLDER * (match.end() - match.start())
    return "".join(out)


_CJK_CHAR = re.compile(f"[{CJK}]")
_QUOTE = re.compile(r"“([^“”\n]{1,60})”")
_TITLE = re.compile(r"《([^《》\n]{1,160})》")


_CLAUSE_END = re.compile("[，。；！？,;!?\n]")
_PAUSE = re.compile("[" + "".join(map(re.escape, sorted(PUNCT))) + "]")


def clause_end(text: str, position: int) -> int:
    """Index of the end of the clause starting at ``position``."""
    found = _CLAUSE_END.search(text, position)
    return found.start() if found else len(text)


def _pause(text: str, position: int) -> int:
    """Index of the first punctuation (``PUNCT``) at or after ``position``, else the text's length."""
    found = _PAUSE.search(text, position)
    return found.start() if found else len(text)


# ---------------------------------------------------------------- places


_TOWN = re.compile(f"(?:(?<=[在、和及与对于])|(?<=[区县市]))[{CJK}]{{2,3}}?(?:镇|街道)(?=[，,、。；和及设的村社])")


@lru_cache(maxsize=1)
def _village_pattern() -> re.Pattern[str]:
    return re.compile(f"[{CJK}]{{2,3}}?(?:{_alternation(_vocab()['village_suffixes'])})")


def places(text: str, ctx: Context) -> list[Candidate]:
    """Gazetteer names and aliases (longest match); town names without 镇 in lists (金泽、朱家角等);
    villages written right after their known town (金泽镇莲湖村)."""
    out = []
    for start, end, name in ctx.gazetteer.find_all(text):
        place = ctx.gazetteer.place(name)
        out.append(Candidate("Place", place.ontology_class, name, start, end, text[start:end], "gazetteer"))
    taken = [(c.start, c.end) for c in out]
    for start, end, name in ctx.gazetteer.find_stems(text):
        if any(s < end and start < e for s, e in taken):
            continue
        out.append(Candidate("Place", "Township", name, start, end, text[start:end], "gazetteer-stem"))
    taken = [(c.start, c.end) for c in out]
    counties = {c.end: c for c in out if c.cls == "County"}
    for match in _TOWN.finditer(text):
        stem = match.group(0).removesuffix("街道").removesuffix("镇")
        if any(s < match.end() and match.start() < e for s, e in taken) or stem[-1] in "乡城村街" or stem[0] in "各全本该每":
            continue
        parent = counties.get(match.start())
        if parent is None and text[match.start() - 1] in "区县市":
            continue
        out.append(Candidate("Place", "Township", match.group(0), match.start(), match.end(), match.group(0), "town-by-suffix",
                             attributes={"parent": parent.canonical} if parent else {}))
    for town in [c for c in out if c.cls == "Township"]:
        village = _village_pattern().match(text, town.end)
        if village and not any(c.start == town.end for c in out):
            name = village.group(0)
            out.append(Candidate("Place", "Village", name, village.start(), village.end(), name, "village-after-town",
                                 attributes={"parent": town.canonical}))
    return out


# ---------------------------------------------------------------- titles 《》


@lru_cache(maxsize=1)
def _title_heads() -> list[tuple[str, str, str]]:
    return sorted((tuple(h) for h in _vocab()["title_heads"]), key=lambda h: len(h[0]), reverse=True)


_TRAILING_NOTE = re.compile(r"[(（][^()（）]{1,16}[)）]$")


def classify_title(title: str, signed: bool = False) -> tuple[str, str]:
    """Top class and finer class of a title from its head word and cues."""
    vocab = _vocab()
    core = _TRAILING_NOTE.sub("", title)
    type_, cls = "Document", "Document"
    for head, head_type, head_cls in _title_heads():
        if core.endswith(head):
            type_, cls = head_type, head_cls
            break
    if type_ == "Document" and any(cue in core for cue in vocab["agreement_cues"]):
        if any(core.endswith(head) for head in vocab["agreement_title_heads"]):
            return "Agreement", "JointActionPlan" if cls == "Plan" else "CooperationAgreement"
    if signed and type_ == "Document":
        return "Agreement", "CooperationAgreement" if cls != "Plan" else "JointActionPlan"
    return type_, cls


def title_canonical(title: str, cls: str) -> str:
    """Canonical title: national laws get their full 中华人民共和国 name."""
    name = normalise(title)
    prefix = _vocab()["national_law_prefix"]
    if cls == "Law" and name.endswith("法") and len(name) <= 14 and not name.startswith(prefix) and not re.search(r"\d", name):
        return prefix + name
    return name


def titles(text: str, ctx: Context) -> tuple[list[Candidate], list[RelationCandidate]]:
    """Documents and agreements in 《》, with the documents nested in 〈〉."""
    signed_verbs = _vocab()["relation_verbs"]["PARTY_TO"]
    candidates: list[Candidate] = []
    relations: list[RelationCandidate] = []
    for match in _TITLE.finditer(text):
        title = match.group(1)
        signed = _chain_verb(text, match.start()) in signed_verbs
        type_, cls = classify_title(title, signed)
        for follower, follower_type, follower_cls in _vocab()["title_followers"]:
            if text.startswith(follower, match.end()):
                type_, cls = follower_type, follower_cls
        canonical = title_canonical(title, cls)
        start, end = match.start(1), match.end(1)
        aliases = (normalise(title),) if canonical != normalise(title) else ()
        candidates.append(Candidate(type_, cls, canonical, start, end, title, "title", aliases))
        for inner in re.finditer(r"〈([^〈〉]{2,80})〉", title):
            inner_type, inner_cls = classify_title(inner.group(1))
            inner_canonical = title_canonical(inner.group(1), inner_cls)
            candidates.append(
                Candidate("Document", inner_cls if inner_type == "Document" else "Document", inner_canonical,
                          start + inner.start(1), start + inner.end(1), inner.group(1), "nested-title")
            )
            relations.append(RelationCandidate("IMPLEMENTS", canonical, inner_canonical, False, start, end))
    return candidates, relations


@lru_cache(maxsize=1)
def _title_verbs() -> list[str]:
    verbs = [v for vs in _vocab()["relation_verbs"].values() for v in vs] + _vocab()["phrase_verbs"]["Document"]
    return sorted(set(verbs), key=len, reverse=True)


def _chain_verb(text: str, position: int) -> str:
    """The verb governing a chain of 《》 titles that ``position`` belongs to."""
    i = position
    while i > 0:
        j = i
        while j > 0 and text[j - 1] in "、和及与 ":
            j -= 1
        if j > 0 and text[j - 1] == "》":
            opening = text.rfind("《", 0, j)
            if opening < 0:
                break
            i = opening
            continue
        break
    before = text[max(0, i - 8):i]
    for verb in _title_verbs():
        if before.endswith(verb):
            return verb
    return ""


# ---------------------------------------------------------------- quoted names


@lru_cache(maxsize=1)
def _quote_heads() -> list[tuple[str, str, str]]:
    return sorted((tuple(h) for h in _vocab()["quote_heads"]), key=lambda h: len(h[0]), reverse=True)


@lru_cache(maxsize=1)
def _quote_head_words() -> tuple[str, ...]:
    return tuple(h[0] for h in _quote_heads())


def _head_of(phrase: str) -> tuple[str, str, str] | None:
    if not phrase.endswith(_quote_head_words()):  # one test for all heads: most phrases end in none
        return None
    for head in _quote_heads():
        if phrase.endswith(head[0]):
            return head
    return None


_CHAIN_LINK = re.compile("(?:、|和|及|以及|与)?")


def quotes(text: str, ctx: Context) -> list[Candidate]:
    """Quoted names: “…” followed by a head (制度/机制/平台/团队/培训班…), chains sharing one head."""
    vocab = _vocab()
    inside_title = [(m.start(), m.end()) for m in _TITLE.finditer(text)]
    found = list(_QUOTE.finditer(text))
    out: list[Candidate] = []
    i = 0
    while i < len(found):
        chain = [found[i]]
        while i + 1 < len(found) and _CHAIN_LINK.fullmatch(text, chain[-1].end(), found[i + 1].start()):
            i += 1
            chain.append(found[i])
        i += 1
        last = chain[-1]
        if any(s <= last.start() < e for s, e in inside_title):
            for q in chain:
                if _head_of(q.group(1)) is None:
                    out.append(Candidate("Mechanism", "Mechanism", q.group(1), q.start(), q.end(), q.group(0), "quote-in-title"))
            continue
        suffix, head = _quote_suffix(text, last.end(), vocab["quote_max_suffix"])
        shared = head is not None
        for q in chain:
            inner = q.group(1)
            own = _head_of(inner)
            if own is not None:
                start = _quote_prefix(text, q.start()) if q is chain[0] else q.start()
                name = normalise(inner) if start == q.start() else normalise(text[start:q.end()])
                out.append(Candidate(own[1], own[2], name, start, q.end(), text[start:q.end()], "quote"))
                continue
            if shared and head is not None:
                end = q.end() + len(suffix) if q is last else q.end()
                start = q.start()
                if q is chain[0]:
                    start = _quote_prefix(text, q.start())
                name = normalise(text[start:q.end()] + suffix)
                out.append(Candidate(head[1], head[2], name, start, end, text[start:end], "quote"))
            elif _governed_by_action(text, chain[0].start()):
                out.append(Candidate("Mechanism", "Mechanism", normalise(q.group(0)), q.start(), q.end(), q.group(0), "quote"))
    return out


_QUOTE_SUFFIX_END = re.compile("[" + "".join(map(re.escape, sorted(PUNCT | set("“”《》")))) + "]")


@lru_cache(maxsize=1)
def _suffix_stops() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Any of the stops, and any of the stop words, of a quote's suffix (to skip their loops when none occurs)."""
    return re.compile(_alternation(_vocab()["quote_suffix_stops"])), re.compile(_alternation(_vocab()["suffix_stop_words"]))


def _quote_suffix(text: str, position: int, limit: int) -> tuple[str, tuple[str, str, str] | None]:
    """The noun phrase right after a closing quote, up to its last known head."""
    pause = _QUOTE_SUFFIX_END.search(text, position, position + limit + 4)
    run = text[position:pause.start() if pause else position + limit + 4]
    any_stop, any_stop_word = _suffix_stops()
    if any_stop.search(run):
        for stop in _vocab()["quote_suffix_stops"]:
            k = run.find(stop)
            if k >= 0:
                run = run[:k]
    if run.startswith("等"):
        run = run[1:]
    if any_stop_word.search(run):
        for verb in _vocab()["suffix_stop_words"]:
            k = run.find(verb)
            if k > 0:
                run = run[:k]
    best = None
    for end in range(len(run), 0, -1):
        head = _head_of(run[:end])
        if head is not None:
            best = (run[:end], head)
            break
    if best is None or len(best[0]) > limit:
        return "", None
    return best


@lru_cache(maxsize=1)
def _prefix_verbs() -> list[str]:
    return sorted(set(_vocab()["phrase_verbs"]["Mechanism"] + _vocab()["quote_action_verbs"]), key=len, reverse=True)


def _quote_prefix(text: str, position: int) -> int:
    """Start of a qualifier written before a quoted name (国家机关“谁执法谁普法”…), if any."""
    vocab = _vocab()
    verbs = _prefix_verbs()
    window_start = position
    while window_start > 0 and position - window_start < 10 and text[window_start - 1] not in PUNCT and text[window_start - 1] not in "”》":
        window_start -= 1
    window = text[window_start:position]
    best = -1
    for verb in verbs:
        k = window.rfind(verb)
        if k >= 0 and k + len(verb) > best:
            best = k + len(verb)
    if best < 0 or best == len(window):
        return position
    prefix = window[best:]
    if prefix[0] in vocab["np_stop_chars"] or len(prefix) > 8 or not re.fullmatch(f"[{CJK}]+", prefix):
        return position
    return window_start + best


def _governed_by_action(text: str, position: int) -> bool:
    before = text[max(0, position - 6):position]
    return any(verb in before for verb in _vocab()["quote_action_verbs"])


# ---------------------------------------------------------------- institutions


@lru_cache(maxsize=1)
def _institution_pattern() -> re.Pattern[str]:
    vocab = _vocab()
    heads = _alternation([h[0] for h in vocab["institution_heads"]])
    return re.compile(f"(?P<body>[{CJK}]{{0,{vocab['institution_body_max']}}}?)(?P<head>{heads})")


@lru_cache(maxsize=1)
def _institution_vocabulary() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """Any word a body's name cannot contain, and each head's class and full form."""
    vocab = _vocab()
    forbidden = re.compile(_alternation(vocab["institution_body_forbidden"]))
    return forbidden, {h[0]: (h[1], h[2]) for h in vocab["institution_heads"]}


def _institution_from(body: str, head: str, owner: str, ctx: Context) -> tuple[str, str] | None:
    """(class, canonical) of a body named ``owner`` + ``body`` + ``head``, or None."""
    vocab = _vocab()
    forbidden, heads = _institution_vocabulary()
    if forbidden.search(body):
        return None
    cls, full_head = heads[head]
    if head in ("委", "委员会", "局", "委办", "办公室", "中心", "所", "大队", "支队") and not body and head != "委":
        return None
    if head == "委" and body:
        return "Department", owner + body + "委员会"
    name = body + head
    for short, full in vocab["abbreviations"]:
        if name.endswith(short):
            name = name[: -len(short)] + full
            break
    else:
        name = body + full_head
    if head == "委":
        return "PoliticalBody", f"中共{owner}委"
    if any(cue in name for cue in vocab["mediation_cues"]):
        return "MediationCentre", owner + name
    return cls, owner + name


_FUNCTION_CHARS = "对与和及、由经向在为同让请将把被从至并"


def institutions(text: str, ctx: Context, place_candidates: list[Candidate]) -> tuple[list[Candidate], list[RelationCandidate]]:
    """Bodies: full names after a place (青浦区司法局), short forms (区政府), bare courts, sub-offices."""
    vocab = _vocab()
    pattern = _institution_pattern()
    out: list[Candidate] = []
    owners = {"区": ctx.region, "县": ctx.region, "市": ctx.region if ctx.region.endswith("市") else (ctx.city or ctx.region)}
    for place in place_candidates:
        if place.cls in ("Province", "Prefecture", "County"):
            match = pattern.match(text, place.end)
            if match:
                made = _institution_from(match["body"], match["head"], place.canonical, ctx)
                if made:
                    type_ = "MediationCentre" if made[0] == "MediationCentre" else "Institution"
                    out.append(Candidate(type_, made[0], made[1], place.start, match.end(), text[place.start:match.end()], "institution-full",
                                         attributes={"owner": place.canonical}))
    covered = [(c.start, c.end) for c in out]
    for found in re.finditer("区|县|市(?!场)", text):
        position = found.start()
        owner = owners[found.group(0)]
        before = text[position - 1] if position else ""
        after_function_word = not _CJK_CHAR.match(before) or before in _FUNCTION_CHARS
        if ctx.token_starts and position not in ctx.token_starts and not after_function_word:
            continue
        if position > 0 and text[position - 1] in "全本我各该每" or any(s <= position < e for s, e in covered):
            continue
        match = pattern.match(text, position + 1)
        if not match:
            continue
        made = _institution_from(match["body"], match["head"], owner, ctx)
        if made:
            type_ = "MediationCentre" if made[0] == "MediationCentre" else "Institution"
            out.append(Candidate(type_, made[0], made[1], position, match.end(), text[position:match.end()], "institution-short",
                             attributes={"owner": owner}))
            covered.append((position, match.end()))
    covered = [(c.start, c.end) for c in out]
    for word, cls, full in vocab["bare_institutions"]:
        for found in re.finditer(re.escape(word), text):
            if any(s <= found.start() < e for s, e in covered):
                continue
            before = text[found.start() - 1] if found.start() else ""
            if _CJK_CHAR.match(before) and before not in "驻在向由经与和及、":
                continue
            canonical = f"{ctx.region}{full}"
            out.append(Candidate("Institution", cls, canonical, found.start(), found.end(), word, "institution-bare",
                                 attributes={"owner": ctx.region}))
    relations: list[RelationCandidate] = []
    heads = _alternation(vocab["sub_institution_heads"])
    verbs = [v for vs in vocab["relation_verbs"].values() for v in vs]
    sub = re.compile(f"[{CJK}]{{0,{vocab['sub_institution_max']}}}?(?:{heads})")
    for parent in list(out):
        match = sub.match(text, parent.end)
        if not match or any(v in match.group(0) for v in verbs) or re.search("[及和与、]|政府|局|院|全年|审查", match.group(0)[:-2]):
            continue
        name = parent.canonical + match.group(0)
        out.append(Candidate("Institution", "Office", name, match.start(), match.end(), match.group(0), "sub-institution"))
        relations.append(RelationCandidate("PART_OF", name, parent.canonical, False, parent.start, match.end()))
    platforms = re.compile(_alternation(vocab["platform_heads"]))
    for body in [c for c in out if c.rule.startswith("institution")]:
        match = platforms.match(text, body.end)
        if match:
            name = body.canonical + match.group(0)
            out.append(Candidate("Mechanism", "Platform", name, body.start, match.end(), text[body.start:match.end()], "institution-platform"))
    return out, relations


# ---------------------------------------------------------------- known events


def _first_of(words: list[str]) -> str:
    """A lookahead for the first characters of ``words``.

    Put before a pattern that opens with an optional part, it lets the regex engine pass
    over at once the positions no match can start from (it cannot see that by itself).
    """
    return f"(?=[{re.escape(''.join(sorted({w[0] for w in words})))}])"


@lru_cache(maxsize=1)
def _known_event_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    events = {e[0]: (e[1], e[2]) for e in _vocab()["known_events"]}
    return re.compile(f"{_first_of([*events, '第'])}(?P<ordinal>第[一二三四五六七八九十百零\\d]+届)?(?P<name>{_alternation(list(events))})"), events


@lru_cache(maxsize=2)
def _ordinal_event_pattern(gazetteer: Gazetteer) -> re.Pattern[str]:
    """第N届…论坛, perhaps written after a place (长三角第二届…)."""
    heads = _alternation(_vocab()["ordinal_event_heads"])
    names = list(gazetteer.surface_forms)
    places = [*names, *(n[:-1] for n in names if n.endswith("市") and len(n) >= 3)]
    return re.compile(
        f"{_first_of([*places, '第'])}(?:(?:{_alternation(places)})[{CJK}]{{0,2}}?)?第[一二三四五六七八九十百零\\d]+届[{CJK}]{{0,12}}?(?:{heads})"
    )


def known_events(text: str, ctx: Context) -> list[Candidate]:
    """Named events from the vocabulary (进博会…), with their editions (第七届…)."""
    pattern, events = _known_event_pattern()
    out = []
    covered: list[tuple[int, int]] = []
    for match in pattern.finditer(text):
        covered.append(match.span())
        series, cls = events[match["name"]]
        if match["ordinal"]:
            canonical = match["ordinal"] + series
            out.append(Candidate("Event", cls, canonical, match.start(), match.end(), match.group(0), "known-event", attributes={"series": series}))
        else:
            out.append(Candidate("Event", cls, series, match.start(), match.end(), match.group(0), "known-event"))
    for match in _ordinal_event_pattern(ctx.gazetteer).finditer(text):
        if any(s <= match.start() < e or s < match.end() <= e for s, e in covered):
            continue
        out.append(Candidate("Event", "Event", normalise(match.group(0)), match.start(), match.end(), match.group(0), "ordinal-event"))
    return out


# ---------------------------------------------------------------- verb + noun phrase


@dataclass(frozen=True)
class _Heads:
    """A type's phrase heads, longest first, with their classes."""

    heads: list[tuple[str, str]]
    words: tuple[str, ...]  # the heads alone, to test all at once with str.endswith
    anywhere: re.Pattern[str]  # any head: a run without one names nothing


@lru_cache(maxsize=1)
def _phrase_patterns() -> dict[str, tuple[re.Pattern[str], _Heads]]:
    vocab = _vocab()
    out = {}
    for type_, verbs in vocab["phrase_verbs"].items():
        heads = sorted((tuple(h) for h in vocab["phrase_heads"][type_]), key=lambda h: len(h[0]), reverse=True)
        words = tuple(h[0] for h in heads)
        out[type_] = (re.compile(_alternation(verbs)), _Heads(heads, words, re.compile(_alternation(list(words)))))
    return out


@lru_cache(maxsize=1)
def _noun_phrase_reading() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What every noun phrase is read with: its last stop character, a qualifier (longest first), where a continuation may start."""
    vocab = _vocab()
    last_stop = re.compile(f"(?s).*[{re.escape(vocab['np_stop_chars'] + PLACEHOLDER)}]")
    qualifier = re.compile(_alternation(vocab["phrase_qualifiers"]))
    continuation = re.compile(f"(?=(?:{_alternation(vocab['phrase_continuations'])}))")
    return last_stop, qualifier, continuation


def phrases(text: str, ctx: Context) -> list[Candidate]:
    """Unquoted names after a trigger verb: 建立健全X制度, 印发X方案, 成立X中心, 组建X团队."""
    vocab = _vocab()
    shadow = masked(text)
    out: list[Candidate] = []
    for type_, (verbs, heads) in _phrase_patterns().items():
        for verb in verbs.finditer(shadow):
            run_start = verb.end()
            run_end = _pause(shadow, run_start)
            segments = [(run_start, run_end)]
            if type_ in ("Event", "Document", "Agreement"):
                k = run_end
                while k < len(shadow) and shadow[k] == "、":
                    nxt = _pause(shadow, k + 1)
                    segments.append((k + 1, nxt))
                    k = nxt
            for seg_start, seg_end in segments:
                if not heads.anywhere.search(shadow, seg_start, seg_end):
                    continue
                for part_start, part_end in _split_run(shadow, seg_start, seg_end, heads):
                    found = _noun_phrase(shadow, text, part_start, part_end, heads)
                    if found is None:
                        continue
                    start, end, cls = found
                    surface = text[start:end]
                    if type_ == "MediationCentre" and not any(c in surface for c in vocab["mediation_cues"]):
                        continue
                    out.append(Candidate(type_, cls, normalise(surface), start, end, surface, f"phrase-{type_}"))
    return out


_AND = re.compile("以及|和|及")


def _split_run(shadow: str, start: int, end: int, heads: _Heads) -> list[tuple[int, int]]:
    """Split a run at 和/及 where the left part is already a complete name."""
    parts = []
    position = start
    for match in _AND.finditer(shadow[start:end]):
        left = shadow[position:start + match.start()]
        if left.endswith(heads.words):
            parts.append((position, start + match.start()))
            position = start + match.end()
    parts.append((position, end))
    return parts


_COUNTED = re.compile(r"[\d一二两三四五六七八九十]+[项个家名件批]")


def _noun_phrase(shadow: str, text: str, start: int, end: int, heads: _Heads) -> tuple[int, int, str] | None:
    last_stop, qualifier, continuation = _noun_phrase_reading()
    run = shadow[start:end]
    stop = last_stop.match(run)
    if stop:
        start, run = start + stop.end(), run[stop.end():]
    qualified = qualifier.match(run)
    if qualified:
        start, run = start + qualified.end(), run[qualified.end():]
    number = _COUNTED.match(run)
    if number:
        start, run = start + number.end(), run[number.end():]
    if run.startswith("等"):
        return None
    ends = [len(run), *reversed([m.start() for m in continuation.finditer(run, 1)])]  # the name may stop where a continuation starts
    for k in ends:
        name = run[:k]
        if not name.endswith(heads.words):
            continue
        for head, cls in heads.heads:
            if name.endswith(head) and k >= len(head) + 2:
                meeting = name.rfind("会议")  # 区政府常务会议会前学法制度: the meeting only qualifies the name
                if meeting >= 0 and k - (meeting + 2) >= 4:
                    start, k = start + meeting + 2, k - meeting - 2
                return start, start + k, cls
    return None


# ---------------------------------------------------------------- observation points


def observation_points(text: str, ctx: Context, located: list[Candidate]) -> tuple[list[Candidate], list[RelationCandidate]]:
    """在A、B设立两家跨域基层法治观察点 → one point per place, each located there."""
    vocab = _vocab()
    heads = _alternation(vocab["observation_heads"])
    pattern = re.compile(
        f"在(?P<where>[^，。；\n]{{2,40}}?)(?:设立|建立|设置|挂牌|成立|新设)(?P<count>[\\d一二两三四五六七八九十]+[家个处])?"
        f"(?P<name>[{CJK}“”]{{0,16}}?(?:{heads}))"
    )
    out: list[Candidate] = []
    relations: list[RelationCandidate] = []
    respectively = re.compile(
        f"(?:新设|设立|建立|新建)(?P<name>[{CJK}“”]{{0,16}}?(?:{heads}))(?P<count>[\\d一二两三四五六七八九十]+[家个处])?[,，]?"
        f"分别(?:位于|设在|落户)(?P<where>[^，。；,;\n]{{2,40}})"
    )
    taken: list[tuple[int, int]] = []
    for match in [*pattern.finditer(text), *respectively.finditer(text)]:
        taken.append(match.span())
        where_start, where_end = match.span("where")
        hosts = [c for c in located if where_start <= c.start and c.end <= where_end]
        items = _split_list(text, where_start, where_end)
        name = match["name"]
        name_start, name_end = match.span("name")
        targets = []
        for item_start, item_end in items:
            inside = [c for c in hosts if item_start <= c.start and c.end <= item_end]
            if not inside:
                continue
            host = max(inside, key=lambda c: (c.type != "Place", c.end - c.start, c.start))
            if host.type == "Place":
                innermost = max((c for c in inside if c.type == "Place"), key=lambda c: c.start)
                host = innermost
            targets.append((text[item_start:item_end], host))
        if not targets:
            continue
        for where, host in targets:
            if len(targets) > 1 or host.type == "Place":
                canonical = normalise(where + name)
            else:
                canonical = ctx.region + name
            out.append(Candidate("ObservationPoint", "ObservationPoint", canonical, name_start, name_end, name, "observation-point"))
            relations.append(RelationCandidate("LOCATED_IN", canonical, host.canonical, False, match.start(), match.end()))
            relations.append(RelationCandidate("ESTABLISHED", ctx.region, canonical, True, match.start(), match.end()))
    named_after = re.compile(f"的?(?P<name>(?:“[^“”]{{1,12}}”)?[{CJK}]{{0,8}}?(?:{heads}))")
    starts = {c.start for c in located if c.type == "Place"}
    places = sorted(  # innermost places only: 吴江区黎里镇 is read as 黎里镇
        (c for c in located if c.type == "Place" and c.cls in ("Township", "Village", "County") and c.end not in starts),
        key=lambda c: c.start,
    )
    for index, place in enumerate(places):
        if any(s <= place.start < e for s, e in taken):
            continue
        position, listed = place.end, [place]
        for following in places[index + 1:]:  # 金泽镇、黎里镇的…观察点: every place of the list gets a point
            gap = text[position:following.start]
            if not re.fullmatch(f"(?:[、和及]|与)[{CJK}]{{0,4}}?", gap):
                break
            listed.append(following)
            position = following.end
        named = named_after.match(text, position)
        if not named or re.search("[、，,。；]", named["name"]):
            continue
        for host in listed:
            canonical = normalise(host.canonical + named["name"])
            out.append(Candidate("ObservationPoint", "ObservationPoint", canonical, named.start("name"), named.end(), named["name"], "observation-point"))
            relations.append(RelationCandidate("LOCATED_IN", canonical, host.canonical, False, host.start, named.end()))
    return out, relations


def _split_list(text: str, start: int, end: int) -> list[tuple[int, int]]:
    items, position = [], start
    for match in re.finditer("、|和|及|以及", text[start:end]):
        items.append((position, start + match.start()))
        position = start + match.end()
    items.append((position, end))
    return items
