"""Percentages checked only against the counts they are computed from; approximate round figures; measures without fragments."""

from __future__ import annotations


def figures(reading):
    return {(s.value, s.unit): s for s in reading.statistics}


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
    (rate,) = [s for s in read("全县应出庭案件49件，负责人出庭49件，出庭应诉率100%。").statistics if s.unit == "%"]
    assert rate.consistent is True and rate.check.startswith("49/49")


def test_a_full_rate_is_not_checked_against_a_part_it_does_not_name(read):
    (rate,) = [s for s in read("办理行政诉讼案件356件，其中败诉9件，负责人出庭应诉率100%。").statistics if s.unit == "%"]
    assert rate.consistent is None
    (share,) = [s for s in read("受理案件412件，其中调解结案81件，调撤率25%。").statistics if s.unit == "%"]
    assert share.consistent is False
