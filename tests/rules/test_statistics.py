"""Figures (govkg_statistics): numbers and units, measures, approximations, zeros, percentage checks."""

from __future__ import annotations


def by_value(reading):
    return {(s.value, s.unit): s for s in reading.statistics}


def test_counts_and_a_rate_checked_against_them(read):
    figures = by_value(read("收到行政复议申请200件，其中立案前化解50件，化解率为25%。"))
    assert figures[(200.0, "件")].measure == "行政复议申请"
    assert figures[(50.0, "件")].measure == "立案前化解"
    rate = figures[(25.0, "%")]
    assert rate.measure == "化解率" and rate.consistent is True and rate.check == "50/200 = 25.000%"


def test_a_rate_that_does_not_match_its_counts_is_flagged(read):
    rate = by_value(read("办理案件80件，其中调解结案20件，调解率为30%。"))[(30.0, "%")]
    assert rate.consistent is False


def test_approximate_figures_and_chinese_numerals(read):
    figures = by_value(read("约4600余人次参加培训，新增三家调解组织。"))
    assert figures[(4600.0, "人次")].approximate is True
    assert figures[(3.0, "家")].measure == "调解组织"


def test_a_zero_outcome_in_digits_or_words(read):
    measures = {s.measure for s in read("实现行政诉讼0败诉，行政复议“零纠错”。").statistics if s.value == 0}
    assert "行政诉讼败诉" in measures and any(m.endswith("纠错") for m in measures)


def test_numbers_in_quotes_titles_and_years_are_no_figures(read):
    assert read("开通“12345”热线，落实《2024年工作要点》。").statistics == ()


def test_figures_typeset_with_a_space_before_their_unit_read_as_the_others(read):
    spaced = "全年开展专题学习 18 次，举办培训班 3 期，收到申请 200 件，其中化解 50 件，化解率为 25%。"
    def figures(text):
        return {(s.value, s.unit, s.measure, s.consistent) for s in read(text).statistics}
    assert figures(spaced) == figures(spaced.replace(" ", ""))
    assert (18.0, "次", "专题学习", None) in figures(spaced) and (25.0, "%", "化解率", True) in figures(spaced)


def test_an_ordinal_or_a_year_typeset_with_spaces_is_still_no_figure(read):
    assert {(s.value, s.unit) for s in read("第 3 次会议审议通过，2024 年印发《要点》。").statistics} == set()


def test_measures_lose_the_verbs_that_link_or_open_them(read):
    measures = {s.measure for s in read("一审行政诉讼案件败诉率降至3.2%，全县共有人民调解委员会312个。", region="安化县", city="益阳市").statistics}
    assert measures == {"一审行政诉讼案件败诉率", "人民调解委员会"}


def test_figures_in_ten_thousands_with_more_than_and_points_and_working_days(read):
    found = {(s.value, s.unit, s.approximate) for s in read("接待群众1.2万余人次，满意度提高2个百分点，办理时限压缩至3个工作日。", region="安化县", city="益阳市").statistics}
    assert found == {(1.2, "万人次", True), (2.0, "个百分点", False), (3.0, "个工作日", False)}


def test_a_measure_linked_to_its_figure_by_zai_is_read(read):
    measures = {s.measure for s in read("行政复议案件办结率达98%以上，群众满意度均在95%以上。", region="安化县", city="益阳市").statistics}
    assert measures == {"行政复议案件办结率", "群众满意度"}


def test_figures_of_things_areas_and_lengths_carry_their_units(read):
    figures = by_value(read("查处违规车辆137辆，设置法治展板120块，开设法治课程22课时，展出作品60幅，"
                            "修复受损湿地120亩，巡查河段210公里，收缴木材约140立方米，拆除违法建筑13处。"))
    for value, unit in ((137, "辆"), (120, "块"), (22, "课时"), (60, "幅"), (120, "亩"), (210, "公里"), (140, "立方米"), (13, "处")):
        assert (float(value), unit) in figures, (value, unit)
    assert figures[(140.0, "立方米")].approximate


def test_a_correction_rate_counts_the_decisions_that_correct_wherever_they_are_listed(read):
    rate = by_value(read("审结60件，其中维持40件、撤销5件、确认违法3件、责令履行1件、驳回11件，纠错率15%。"))[(15.0, "%")]
    assert rate.consistent is True and rate.check == "9/60 = 15.000%"
    wrong = by_value(read("审结60件，其中维持40件、撤销5件、确认违法3件、驳回12件，纠错率16.5%。"))[(16.5, "%")]
    assert wrong.consistent is False and wrong.check == "8/60 = 13.333%"


def test_a_share_naming_a_subject_of_its_own_is_not_checked_against_the_count_before_it(read):
    share = by_value(read("评查案卷160卷，其中优秀68卷、合格84卷、不合格8卷，合格以上案卷占95%。"))[(95.0, "%")]
    assert share.measure == "合格以上案卷占比" and share.consistent is None
    own = by_value(read("受理案件2640件，其中涉企案件1180件，占比44.7%。"))[(44.7, "%")]
    assert own.consistent is True
