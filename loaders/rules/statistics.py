"""Figures with units (137件, 47.55%, 约4600余人次, 1104.88亿元, 0败诉) and their consistency.

Numbers inside quoted names or titles (“365”, “7*24小时”, “12348”) are never figures:
the text is read with quoted and 《》 spans masked out.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from govkg.loaders.rules.base import CJK, Candidate, Context, RelationRecord, Sentences, alternation, first_of, mask
from govkg.loaders.rules.component import RuleComponent, VocabularySlice, context

_NUMERALS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_WORDS_WITH_STOPS = ("和解", "和谐", "及时", "对接", "对象")
"""Words opening with a character that elsewhere ends a measure (调解和解率 is one measure)."""
_STOP = set("，。；：、！？,;:!?\n的对将在向把被由与和及%％/")
_FOLLOWING = re.compile(f"(?:(?![{re.escape(''.join(sorted(_STOP)))}])[{CJK}]){{0,14}}")  # a run of CJK to the first stop
_YEAR = re.compile(r"\d{4}年度?")
_LINKED_BY_STOPS = ("均保持在", "保持在", "稳定在", "均在", "在")
"""Links between a measure and its figure that hold a stop character (满意度均在95%以上)."""
_FRAGMENT = re.compile(f"(?:(?!{'|'.join(_WORDS_WITH_STOPS)})(?:[年月日度底末内初]+|[的和及与并且均]))+(?=[\u4e00-\u9fff])")
"""What a measure never opens with: the tail of a date (年, 月底) or a joining word."""
_STATEMENT_ENDS = "。\n"
"""A percentage is checked against the counts of its statement (to 。 or a line end)."""


@dataclass
class FoundStatistic:
    """A figure in the text, before its consistency check."""

    value: float
    unit: str
    measure: str
    start: int
    end: int
    number_start: int
    approximate: bool
    consistent: bool | None = None
    check: str | None = None


_ROUND = {"百": 100, "千": 1000}


def chinese_number(text: str) -> int | None:
    """两 → 2, 十二 → 12, 二十 → 20, 百 → 100, 三千 → 3000; None when not a plain numeral."""
    if not text:
        return None
    if text[-1] in _ROUND:
        times = _NUMERALS.get(text[:-1]) if text[:-1] else 1
        return None if times is None else times * _ROUND[text[-1]]
    if "十" in text:
        left, _, right = text.partition("十")
        tens = _NUMERALS.get(left, None) if left else 1
        ones = _NUMERALS.get(right, None) if right else 0
        return None if tens is None or ones is None else tens * 10 + ones
    if len(text) == 1:
        return _NUMERALS.get(text)
    return None


@dataclass(frozen=True)
class StatisticsVocabulary(VocabularySlice):
    units: tuple[str, ...]
    unit_multipliers: tuple[str, ...]
    chinese_numeral_units: tuple[str, ...]
    approximation_before: tuple[str, ...]
    approximation_after: tuple[str, ...]
    zero_outcomes: tuple[str, ...]
    zero_words: tuple[str, ...]
    outcome_verbs: tuple[str, ...]
    measure_openers: tuple[str, ...]
    measure_closers: tuple[str, ...]
    linking_verbs: tuple[str, ...]
    change_words: tuple[str, ...]
    rate_bases: dict[str, tuple[str, ...]]
    """What a rate is conventionally computed over (纠错率 over the cases decided, 审结): the words naming its base count."""
    rate_parts: dict[str, tuple[str, ...]]
    """What a rate conventionally counts (纠错率: the decisions 撤销, 变更, 确认违法, 责令履行): the words naming its parts."""


class FigureReader:
    """Figures with units, what they measure, and the check of percentages against their counts."""

    def __init__(self, vocabulary: StatisticsVocabulary) -> None:
        self.vocabulary = vocabulary
        v = vocabulary
        # It opens with a lookahead on the characters a figure can start with, so that the
        # regex engine passes over the other positions at once. A figure typeset with a space
        # before its unit (18 次, as PDFs and Word files often give it) is the same figure.
        self._figure = re.compile(
            f"(?=[{re.escape(''.join(sorted({w[0] for w in v.approximation_before})))}\\d两二三四五六七八九十])"
            f"(?P<before>{alternation(v.approximation_before)})?"
            f"(?:(?P<num>(?<![\\d.*+×第/\\-])(?<!第 )\\d+(?:\\.\\d+)?)(?P<after>{alternation(v.approximation_after)})?[ \\u00a0]?"
            f"(?P<multiplier>{alternation(v.unit_multipliers)})?(?P<past>{alternation(v.approximation_after)})?(?P<unit>{alternation(v.units)})"
            f"|(?P<cn>(?<![第{CJK}])[两二三四五六七八九十]{{1,3}}|(?<=[在设立新增共有达])[两二三四五六七八九十]{{1,3}}"
            f"|(?<=[{re.escape(''.join(sorted({w[-1] for w in v.approximation_before})))}])[一两二三四五六七八九]?[十百千])(?P<cnunit>{alternation(v.chinese_numeral_units)})"
            f"|(?<![\\d.])(?P<zero>0)(?P<outcome>{alternation(v.zero_outcomes)}))"
        )
        self._zero = re.compile(
            f"{first_of([*v.zero_words, '“'])}(?P<quote>“)?(?:{alternation(v.zero_words)})(?P<outcome>{alternation(v.zero_outcomes)})(?(quote)”)"
        )
        # 中 opens a measure only before a quoted name (…中“一网通办”事项…): elsewhere it is part of words.
        self._opener = re.compile(f"{alternation(v.measure_openers)}|中(?=“)")
        self._linking = re.compile(f"(?:{alternation(v.linking_verbs)})+$")
        self._units = sorted((u for u in (*v.units, *v.chinese_numeral_units) if u != "%"), key=len, reverse=True)
        self._change = re.compile(f"(?:{alternation(v.change_words)})了?(?:{alternation(v.linking_verbs)})?$")

    def find(self, text: str, shadow: str | None = None) -> list[FoundStatistic]:
        """Every figure in the text, with what it measures and a consistency check of percentages.

        Args:
            text: the text.
            shadow: the text with quotes and titles masked (:func:`~govkg.loaders.rules.base.mask`), if made already.
        """
        shadow = mask(text) if shadow is None else shadow
        out: list[FoundStatistic] = []
        for match in self._figure.finditer(shadow):
            if match["num"] is not None:
                value = float(match["num"])
                unit = (match["multiplier"] or "") + match["unit"]  # 1.2万余人次: 万人次, approximate
                number_start = match.start("num")
            elif match["cn"] is not None:
                parsed = chinese_number(match["cn"])
                if parsed is None or text[match.start("cn") - 1:match.start("cn")] == "”":
                    continue
                value, unit, number_start = float(parsed), match["cnunit"], match.start("cn")
            else:
                value, unit, number_start = 0.0, "件", match.start("zero")
            approximate = bool(match["before"] or match["after"] or match["past"])
            start, end = match.start(), match.end()
            if match["zero"] is not None:
                measure_before, lead = self._preceding(text, shadow, start)
                measure = measure_before + match["outcome"]
                start = self._outcome_start(text, start)
            else:
                following = self._following(shadow, end) if unit != "%" else ""
                if following:
                    measure = following
                    end += len(following)
                else:
                    measure, lead = self._preceding(text, shadow, start)
                    if unit == "%" and measure.endswith("占"):
                        # 合格以上案卷占95%: the share of what the words name; a bare 占 takes the count's before it (_name_shares)
                        measure = measure[:-1] + "占比" if len(measure) > 2 else ""
                    start -= lead
            out.append(FoundStatistic(value, unit, measure, start, end, number_start, approximate))
        out.extend(self._zero_in_words(text, shadow))
        out.sort(key=lambda s: s.number_start)
        _name_shares(out)
        _check_percentages(text, [s for s in out if not self._is_change(text, s)], self.vocabulary.rate_bases, self.vocabulary.rate_parts)
        return out

    def _is_change(self, text: str, stat: FoundStatistic) -> bool:
        """A percentage of change (同比增长15%, 较上年下降了8.5%) is no share of the counts beside it."""
        return stat.unit == "%" and bool(self._change.search(text, max(0, stat.number_start - 8), stat.number_start))

    def _outcome_start(self, text: str, start: int) -> int:
        """A zero outcome's start, taking in the verb before it (实现0败诉)."""
        verb = text[max(0, start - 2):start]
        return start - 2 if verb in self.vocabulary.outcome_verbs else start

    def _zero_in_words(self, text: str, shadow: str) -> list[FoundStatistic]:
        """零败诉, “零纠错”, 无一败诉: a count of zero written in words (quoted or not)."""
        out = []
        for match in self._zero.finditer(text):
            measure, _ = self._preceding(text, shadow, match.start())
            start = self._outcome_start(text, match.start())
            out.append(FoundStatistic(0.0, "件", measure + match["outcome"], start, match.end(), match.start(), False))
        return out

    def _following(self, shadow: str, position: int) -> str:
        found = _FOLLOWING.match(shadow, position)
        run = found.group() if found else ""
        for cut in self.vocabulary.measure_closers:
            k = run.find(cut)
            if k > 0:
                run = run[:k]
        return run if len(run) >= 2 else ""

    def _preceding(self, text: str, shadow: str, position: int) -> tuple[str, int]:
        """The measure written before a figure, and how many characters it spans."""
        end = position
        linked = next((w for w in _LINKED_BY_STOPS if shadow.endswith(w, 0, position)), "")
        position -= len(linked)  # 满意度均在95%以上: 在 stops a scan, yet here it only links the measure to its figure
        k = position
        while k > 0 and position - k < 24 and (shadow[k - 1] not in _STOP or text[k - 1] in "()（）" or text[k - 1:k + 1] in _WORDS_WITH_STOPS) \
                and not shadow[k - 1].isdigit():
            k -= 1
        segment = text[k:position]
        begin = 0
        if k > 0 and shadow[k - 1].isdigit():  # 96个村（社区）…覆盖率: the unit of the figure before it opens no measure
            begin = next((len(u) for u in self._units if segment.startswith(u) and len(segment) > len(u)), 0)
        opened = max(segment.rfind("（"), segment.rfind("("))
        if opened > max(segment.rfind("）"), segment.rfind(")")):  # …193件（成功率96.5%: a bracket left open holds the measure
            begin = opened + 1
        for cut in self._opener.finditer(segment):
            if cut.end() < len(segment):
                begin = max(begin, cut.end())
        year = _YEAR.match(segment, begin)
        if year:
            begin = year.end()
        fragment = _FRAGMENT.match(segment, begin)  # 年市场监管领域…: the tail of a date the scan stopped in
        if fragment:
            begin = fragment.end()
        measure = self._linking.sub("", segment[begin:].rstrip(" \u00a0\u3000"))  # 专题学习 18 次: typeset with spaces
        if len(measure) < 2 or measure in ("比例", "占比") or re.fullmatch(".率", measure) and measure[0] in "的为达":
            measure = measure if len(measure) >= 2 else ""
        return measure, len(segment) - begin + end - position


@Language.factory("govkg_statistics", assigns=["doc._.govkg_statistics"], requires=[], default_config={})
class StatisticsRule(RuleComponent):
    """Figures with units (137件, 47.55%, 约4600余人次, 0败诉) and whether each percentage agrees with its counts."""

    Vocabulary = StatisticsVocabulary
    vocabulary: StatisticsVocabulary

    def prepare(self) -> None:
        self.reader = FigureReader(self.vocabulary)

    def __call__(self, doc: Doc) -> Doc:
        self._ready()
        ctx = context(doc)
        doc._.govkg_statistics = self.reader.find(ctx.text, ctx.masked)
        return doc

    def find(self, doc: Doc, ctx: Context) -> tuple[Sequence[Candidate], Sequence[RelationRecord]]:
        return (), ()


def _name_shares(found: list[FoundStatistic]) -> None:
    """A bare 占N% takes its measure from the count just before it (…102件，占74.5%)."""
    for i, stat in enumerate(found):
        if stat.unit == "%" and not stat.measure and i > 0:
            stat.measure = f"{found[i - 1].measure}占比"


def _same_clause(text: str, start: int, end: int) -> bool:
    return not re.search("[；;]", text[start:end])


_SHARE_OF_THE_COUNT_BEFORE = re.compile("[，,]?(?:占比|占|比例)(?:为|达到|达|约)?")
"""What stands between a count and the share that is its own (…1180件，占比44.7%); a share naming a subject of its own
(…不合格8卷，合格以上案卷占95%) is another count's, which the text does not state."""
_RATE = re.compile(f"([{CJK}]{{2,4}})(?:率|比例)(?:为|达到|达|是|保持|稳定在)?$")


def _rate_pieces(text: str, number_start: int) -> tuple[str, ...]:
    """The two-character words of what a rate names (出庭应诉率 → 出庭, 庭应, 应诉), read from the text: a count naming
    one of them is what the rate measures. The last two alone (应诉) miss the count a full rate rests on
    (应出庭49件，负责人出庭49件，出庭应诉率100%)."""
    found = _RATE.search(text, max(0, number_start - 10), number_start)
    name = found.group(1) if found else ""
    return tuple(name[i:i + 2] for i in range(len(name) - 1))


def _words_before(text: str, counts: list[FoundStatistic], k: int, sentence_start: int) -> str:
    """The words between the count before ``counts[k]`` (or the sentence's start) and ``counts[k]``'s number: what it counts."""
    start = counts[k - 1].end if k else sentence_start
    return text[start:counts[k].number_start]


_FRAMED = re.compile("(?<!其)中[，,]")
_SUBSET = re.compile("其中")


def _introduces(text: str, base: FoundStatistic, part: FoundStatistic, rate_word: str) -> bool:
    """Whether the text presents ``part`` as the part of ``base`` a rate after them is of: a whole framed before its
    clauses (审结的412件案件中，撤诉结案81件), or a subset after 其中 that shares a character with the rate's last word
    (其中调解结案… before 调撤率; 其中刑事案件… is a kind of case, no outcome a 满意率 could measure)."""
    if _FRAMED.search(text, base.number_start, part.number_start):
        return True
    return bool(_SUBSET.search(text, base.number_start, part.number_start)) and bool(set(rate_word) & set(text[base.end:part.number_start]))


def _same_unit(base: str, numerator: str) -> bool:
    """Whether two counts are of one kind (件 and 件; 宗 and 起 and 件 are cases alike)."""
    cases = ("件", "宗", "起")
    return base == numerator or (base in cases and numerator in cases)


def _shares_stem(rate: str, count: str) -> bool:
    """Whether a rate (立案前化解率) names what a count measures (立案前化解): the count contains the rate's last two characters before 率."""
    stem = re.sub("(?:率|比例|占比)$", "", rate)
    return len(stem) >= 2 and stem[-2:] in count


_BRACKET = re.compile(r"\s*[（(]([^（()）]{1,80})[）)]")
_BARE_RATIO = re.compile(r"\s*(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)\s*")


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _spread(text: str, count: FoundStatistic) -> float:
    """How far a count's true value may lie from the written one: half its last digit when written in 万 or 亿
    (12.6万件 is 125,500 to 126,500), none for a count written out."""
    written = _NUMBER.match(text, count.number_start)
    if not written or not re.search("[万亿]", count.unit):
        return 0.0
    return 0.5 * 10 ** -len(written.group().partition(".")[2])


def _agrees(text: str, stat: FoundStatistic, numerator: FoundStatistic, base: FoundStatistic) -> bool:
    """Whether a rate is numerator/base, within the rounding of its decimals and of the counts' own."""
    decimals = len(str(stat.value).split(".")[1].rstrip("0")) if "." in str(stat.value) else 0
    tolerance = 10 ** -decimals + 1e-9
    n, dn, b, db = numerator.value, _spread(text, numerator), base.value, _spread(text, base)
    low, high = 100 * (n - dn) / (b + db), 100 * (n + dn) / (b - db) if b > db else float("inf")
    return low - tolerance <= stat.value <= high + tolerance


def _settle(stat: FoundStatistic, numerator: float, base: float, agrees: bool) -> None:
    stat.consistent = agrees
    stat.check = f"{numerator:g}/{base:g} = {100 * numerator / base:.3f}%"


def _settle_counts(text: str, stat: FoundStatistic, numerator: FoundStatistic, base: FoundStatistic) -> None:
    """Check a rate against two counts; one written as approximate (约, 余) only ever agrees."""
    agrees = _agrees(text, stat, numerator, base)
    if agrees or not (numerator.approximate or base.approximate):
        _settle(stat, numerator.value, base.value, agrees)


def _check_bracketed(text: str, stat: FoundStatistic, inside: list[FoundStatistic]) -> bool:
    """Check a rate against the counts in the brackets right after it (采纳率98.2%（采纳55条/收到56条）, 纠错率12%（12/100）).

    The numerator is the one count naming what the rate measures, the base the one other count of its
    kind at least as large (as large, for a full rate: one that rests on those due or those to appear
    is not checked against a larger total); with no such pair the base is unclear and the rate stays unchecked. Whether
    the brackets held counts at all: then the counts elsewhere in the sentence are not its base.
    """
    bracket = _BRACKET.match(text, stat.end)
    if not bracket:
        return False
    if bare := _BARE_RATIO.fullmatch(bracket[1]):
        if float(bare[2]) > 0:
            n, b = float(bare[1]), float(bare[2])
            decimals = len(str(stat.value).split(".")[1].rstrip("0")) if "." in str(stat.value) else 0
            _settle(stat, n, b, abs(100 * n / b - stat.value) <= 10 ** -decimals + 1e-9)
        return True
    counts = [s for s in inside if s.unit != "%" and bracket.start(1) <= s.number_start < bracket.end(1)]
    if not counts:
        return False
    pieces = _rate_pieces(text, stat.number_start)
    # what the rate's last word names (采纳 of 意见采纳率) counts first, then how many of its words a count names
    named = {id(c): (pieces[-1] in words, sum(p in words for p in pieces)) if pieces else (False, 0)
             for k, c in enumerate(counts) for words in [_words_before(text, counts, k, bracket.start(1))]}
    most = max(named.values())
    numerators = [c for c in counts if most[1] and named[id(c)] == most]
    if len(numerators) != 1:
        return True
    numerator = numerators[0]
    bases = [c for c in counts if c is not numerator and _same_unit(c.unit, numerator.unit)
             and (c.value == numerator.value if stat.value == 100 else c.value >= numerator.value)]
    if len(bases) == 1 and bases[0].value > 0:
        _settle_counts(text, stat, numerator, bases[0])
    return True


def _conventional_base(text: str, stat: FoundStatistic, counts: list[FoundStatistic], bases: list[FoundStatistic],
                       rate_bases: dict[str, tuple[str, ...]], sentence_start: int) -> FoundStatistic | None:
    """The base a rate is conventionally computed over, when one of ``bases`` is named so (受理83件，审结76件，…纠错率:
    the 76 decided), else None."""
    words = next((w for rate, w in rate_bases.items() if stat.measure.endswith(rate)), ())
    named = [b for b in bases if any(w in _words_before(text, counts, counts.index(b), sentence_start) for w in words)]
    return named[-1] if len(named) == 1 else None


_BROAD_RATES = ("综合纠错率",)


def _named_parts(text: str, stat: FoundStatistic, counts: list[FoundStatistic], parts: list[FoundStatistic],
                 rate_parts: dict[str, tuple[str, ...]], sentence_start: int) -> list[FoundStatistic]:
    """The counts after a rate's base that the rate conventionally counts, by the words naming them (撤销6件, 确认违法2件)."""
    if stat.measure.endswith(_BROAD_RATES):
        return []  # 综合纠错率 counts settlements too: which ones, the report does not say
    words = next((w for rate, w in rate_parts.items() if stat.measure.endswith(rate)), ())
    return [c for c in parts if any(w in _words_before(text, counts, counts.index(c), sentence_start) for w in words)]


def _check_percentages(text: str, found: list[FoundStatistic], rate_bases: dict[str, tuple[str, ...]],
                       rate_parts: dict[str, tuple[str, ...]]) -> None:
    """Check each stated percentage against the counts of its sentence.

    Counts in brackets right after a rate are its own (:func:`_check_bracketed`). Else the numerator
    is the nearest count before the percentage; the base is any earlier larger count of the same unit
    in the sentence (for a full rate, one as large: a full rate's count with nothing equal before it
    may be the whole the rate is of). Without such a base the percentage stays unchecked (the report
    does not state what it is computed from).
    """
    starts = [s.number_start for s in found]  # sorted by find_statistics
    for start, end in Sentences(text, _STATEMENT_ENDS).spans():
        inside = found[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
        for i, stat in enumerate(inside):
            if stat.unit != "%" or _check_bracketed(text, stat, inside):
                continue
            counts = [s for s in inside[:i] if s.unit != "%"]
            pieces = _rate_pieces(text, stat.number_start)
            if not pieces and stat.measure.endswith(("占比", "比例")):  # …1180件，占比44.7%: a share of the count before it
                named = [len(counts) - 1] if counts and _same_clause(text, counts[-1].number_start, stat.number_start) \
                    and _SHARE_OF_THE_COUNT_BEFORE.fullmatch(text, counts[-1].end, stat.number_start) else []
            else:
                named = [k for k, s in enumerate(counts)
                         if pieces and _same_clause(text, s.number_start, stat.number_start)
                         and any(piece in _words_before(text, counts, k, start) for piece in pieces)]
            agreeing_only = False
            if not named and counts and _same_clause(text, counts[-1].number_start, stat.number_start):
                named, agreeing_only = [len(counts) - 1], True  # the count before it may be what it measures: say so only if they agree
            if not named:  # no count of what the rate measures: its base is not stated
                continue
            # a count naming the rate's last word (成功 of 调解成功率) before one naming only its other words (案件 of 案件满意率)
            named = [k for k in named if pieces and pieces[-1] in _words_before(text, counts, k, start)] or named
            numerator = counts[named[-1]]
            words = _words_before(text, counts, named[-1], start)
            strong = not agreeing_only and (not pieces or pieces[-1] in words)
            # a base is larger than the part; a full rate has only one as large, for a count the rate itself names
            # (受理143件，按期答复143件，按期答复率100%)
            if stat.value == 100:
                bases = [] if agreeing_only else [s for s in counts[:named[-1]] if _same_unit(s.unit, numerator.unit) and s.value == numerator.value]
            else:
                bases = [s for s in counts[:named[-1]] if _same_unit(s.unit, numerator.unit) and s.value > numerator.value]
            if not bases:
                continue
            if (conventional := _conventional_base(text, stat, counts, bases, rate_bases, start)) is not None:
                # 纠错率 over the cases decided, whatever else was counted; its numerator the last count or the sum of the
                # last few (审结52件，其中维持40件，撤销6件，确认违法2件: 8)
                parts = [c for c in counts[counts.index(conventional) + 1:] if _same_unit(c.unit, conventional.unit)]
                sums = [dataclasses.replace(parts[-1], value=sum(c.value for c in parts[k:])) for k in range(len(parts) - 1, -1, -1)]
                agreeing_sum = next((n for n in sums if _agrees(text, stat, n, conventional)), None)
                if agreeing_sum is None and (named_parts := _named_parts(text, stat, counts, parts, rate_parts, start)):
                    # 维持36件、撤销6件、确认违法2件、驳回8件，纠错率…: the decisions a 纠错率 counts, wherever they are listed
                    _settle_counts(text, stat, dataclasses.replace(named_parts[-1], value=sum(c.value for c in named_parts)), conventional)
                    continue
                if agreeing_sum is not None or len(parts) == 1:
                    _settle_counts(text, stat, agreeing_sum or parts[0], conventional)
                    continue
                # several counts none of whose sums makes the rate: which ones it counts is unclear; read it as any rate
            agreeing = [b for b in bases if _agrees(text, stat, numerator, b)]
            if not agreeing and not strong and not (
                    agreeing_only and pieces and any(_introduces(text, b, numerator, pieces[-1]) for b in bases)):
                # a count the rate does not name by its last word, or names in part (调撤率 of 其中调解结案…) but not as part of an
                # introduced whole: only an agreeing check is a claim
                continue
            _settle_counts(text, stat, numerator, (agreeing or bases)[0])
