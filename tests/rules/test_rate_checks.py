"""Percentages checked only against the counts they are computed from; approximate round figures; measures without fragments."""

from __future__ import annotations


def figures(reading):
    return {(s.value, s.unit): s for s in reading.statistics}


def the_rate(reading):
    """The one percentage of a sentence (unpacking fails if it reads none or several)."""
    (rate,) = [s for s in reading.statistics if s.unit == "%"]
    return rate


def test_a_rate_is_not_checked_against_an_unrelated_count(read):
    found = figures(read("全年一审行政诉讼案件356件，败诉9件，行政机关负责人出庭应诉率100%。"))
    assert found[(100.0, "%")].consistent is None


def test_a_rate_is_checked_against_the_count_it_names_and_its_base(read):
    found = figures(read("全年受理纠纷418起，成功调解396起，调解成功率94.7%。"))
    assert found[(94.7, "%")].consistent is True and found[(94.7, "%")].check.startswith("396/418")


def test_a_wrong_rate_is_flagged(read):
    found = figures(read("收到复议申请240件，审结220件，其中纠错22件，纠错率12.5%。"))
    assert found[(12.5, "%")].consistent is False


def test_a_rate_in_another_clause_is_left_alone(read):
    found = figures(read("审结案件120件，调解结案60件；群众满意率98.6%。"))
    assert found[(98.6, "%")].consistent is None


def test_round_figures_in_words_are_approximate(read):
    found = figures(read("开展送法下乡近千场次，举办讲座逾百场。千家万户受益。"))
    assert found[(1000.0, "场次")].approximate is True
    assert found[(100.0, "场")].approximate is True
    assert not any(s.value == 1000 and s.unit == "家" for s in read("千家万户受益。").statistics)


def test_a_unit_of_lectures(read):
    assert (18.0, "讲") in figures(read("全年开设法治专题课18讲。"))


def test_a_measure_does_not_open_with_the_tail_of_a_date(read):
    measures = [s.measure for s in read("截至2024年底市场监管领域开展检查120次。").statistics]
    assert measures and not measures[0].startswith(("年", "底"))


def test_a_full_rate_is_checked_against_a_base_as_large_as_its_count(read):
    found = figures(read("受理政府信息公开申请96件，按期答复96件，按期答复率100%。"))
    assert found[(100.0, "%")].consistent is True and found[(100.0, "%")].check.startswith("96/96")
    unnamed = figures(read("受理行政复议申请40件，办结40件，出庭应诉率100%。"))
    assert unnamed[(100.0, "%")].consistent is None


def test_a_full_rate_rests_on_the_count_that_names_part_of_it(read):
    rate = the_rate(read("全县应出庭案件49件，负责人出庭49件，出庭应诉率100%。"))
    assert rate.consistent is True and rate.check.startswith("49/49")


def test_a_full_rate_is_not_checked_against_a_part_it_does_not_name(read):
    rate = the_rate(read("办理行政诉讼案件356件，其中败诉9件，负责人出庭应诉率100%。"))
    assert rate.consistent is None
    share = the_rate(read("受理案件412件，其中调解结案81件，调撤率25%。"))
    assert share.consistent is False


def test_a_rate_is_checked_against_the_counts_in_brackets_after_it(read):
    slash = figures(read("立法意见采纳率96.3%（采纳26条/收到27条）。"))[(96.3, "%")]
    assert slash.consistent is True and slash.check.startswith("26/27")
    listed = figures(read("行政执法案卷合格率为90%（评查案卷60卷，合格54卷）。"))[(90.0, "%")]
    assert listed.consistent is True and listed.check.startswith("54/60")
    bare = figures(read("复议纠错率8%（4/50）。"))[(8.0, "%")]
    assert bare.consistent is True
    wrong = figures(read("矛盾纠纷调处成功率97%（受理纠纷150件，其中调处成功141件）。"))[(97.0, "%")]
    assert wrong.consistent is False and wrong.check.startswith("141/150")


def test_a_rate_whose_bracketed_counts_name_no_base_is_left_unchecked(read):
    assert figures(read("群众满意率100%（发放问卷400份，回收370份）。"))[(100.0, "%")].consistent is None
    assert figures(read("负责人出庭应诉率100%（全年行政诉讼案件31件，败诉1件）。"))[(100.0, "%")].consistent is None
    assert figures(read("负责人出庭应诉率100%（审理行政诉讼案件31件，负责人出庭应诉26件）。"))[(100.0, "%")].consistent is None
    assert figures(read("按期办结率100%（受理21件，按期办结21件）。"))[(100.0, "%")].consistent is True
    # the counts before the rate are not its base once its brackets hold counts of their own
    assert figures(read("受理案件80件，结案70件，结案率87.5%（其中调解结案40件）。"))[(87.5, "%")].consistent is None


def test_a_full_rate_is_not_flagged_against_counts_of_another_whole(read):
    rate = the_rate(read("全年办理行政复议案件42件，其中调解和解9件，负责人出庭应诉案件27件，出庭应诉率100%。"))
    assert rate.consistent is None
    agreeing = the_rate(read("应出庭行政诉讼案件27件，负责人出庭27件，出庭率100%。"))
    assert agreeing.consistent is True


def test_rounded_and_approximate_counts_are_checked_within_their_rounding(read):
    rounded = figures(read("办理政务服务事项8.4万件，按时办结8.3万件，按时办结率99.5%。"))[(99.5, "%")]
    assert rounded.consistent is True
    assert figures(read("办理政务服务事项8.4万件，按时办结8.3万件，按时办结率93%。"))[(93.0, "%")].consistent is False
    assert figures(read("受理纠纷约900件，调解成功800余件，调解成功率97%。"))[(97.0, "%")].consistent is None


def test_a_rate_after_a_framed_whole_is_of_that_whole(read):
    rate = the_rate(read("法院审结的230件行政诉讼案件中，撤诉结案46件，协调化解率25%。"))
    assert rate.consistent is False and rate.check.startswith("46/230")


def test_a_rate_of_change_or_of_what_no_count_names_is_never_checked(read):
    for sentence in ("受理案件150件，其中调解结案45件，同比增长12%。", "办理复议案件64件，其中纠错8件，较上年下降了6.5%。",
                     "办理法律援助案件900件，其中民事案件600件，受援人满意率99.6%。", "办理公证2000件，其中涉外公证300件，公证质量合格率98%。",
                     "办理法律援助案件700件，其中刑事法律援助案件210件，法律援助案件满意率99%。"):
        (rate,) = [s for s in read(sentence).statistics if s.unit == "%"]
        assert rate.consistent is None, sentence


def test_measures_stop_at_brackets_slashes_and_figures(read):
    measures = {(s.value, s.unit): s.measure for s in read("立法意见采纳率96.3%（采纳26条/收到27条），受理纠纷120件（成功率95%），全县88个村（社区）法律顾问覆盖率100%，及时受理率99%。").statistics}
    assert measures[(26.0, "条")] == "采纳" and measures[(27.0, "条")] == "收到"
    assert measures[(95.0, "%")] == "成功率"
    assert measures[(100.0, "%")] == "村（社区）法律顾问覆盖率"
    assert measures[(99.0, "%")] == "及时受理率"


def test_a_rate_is_checked_over_its_conventional_base(read):
    # 纠错率 is over the cases decided (审结), not over the applications received: 9/60 = 15%, 9/72 = 12.5%
    right = the_rate(read("全年受理行政复议申请72件，审结60件，其中撤销或确认违法的9件，纠错率15%。"))
    assert right.consistent is True and right.check.startswith("9/60")
    wrong = the_rate(read("全年受理行政复议申请72件，审结60件，其中撤销或确认违法的9件，纠错率12.5%。"))
    assert wrong.consistent is False and wrong.check.startswith("9/60")


def test_a_rate_over_its_conventional_base_may_sum_the_counts_listed_after_it(read):
    # 撤销5 + 确认违法3 = 8 of the 64 decided: 12.5%, not 3/64 or 8/80
    summed = the_rate(read("全年受理行政复议申请80件，审结64件，其中维持50件，撤销5件，确认违法3件，纠错率12.5%。"))
    assert summed.consistent is True and summed.check.startswith("8/64")
    # no sum makes the rate, but the decisions a 纠错率 counts are named (撤销, 确认违法): 8/64, not 14.5%
    wrong = the_rate(read("全年受理行政复议申请80件，审结64件，其中维持50件，撤销5件，确认违法3件，纠错率14.5%。"))
    assert wrong.consistent is False and wrong.check.startswith("8/64")
    # a comprehensive rate counts settlements too, which the report does not list: no verdict
    unclear = the_rate(read("全年受理行政复议申请80件，审结64件，其中维持50件，撤销5件，确认违法3件，综合纠错率14.5%。"))
    assert unclear.consistent is None
