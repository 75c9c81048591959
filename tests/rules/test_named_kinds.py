"""Names the genre writes that are kinds, periods or standing meetings: a plan's period in quotes, a
mediation unit named by its head alone, a joint meeting held at fixed times."""

from __future__ import annotations


def test_a_quote_of_numerals_is_a_plans_period_not_a_mechanism(read):
    for sentence in ("区司法局深入实施“八五”普法规划。", "全面落实“十四五”法治政府建设规划。"):
        assert not [c for c in read(sentence).standing if c.type == "Mechanism" and c.text in ("“八五”", "“十四五”")], sentence
    assert "“双随机、一公开”" in read("全面推行“双随机、一公开”监管。").found("quote")


def test_a_mediation_unit_named_by_its_head_alone_is_a_kind(read):
    for sentence in ("全区12个街镇、186个村居全部建立人民调解委员会。", "区司法局指导各村成立人民调解委员会。"):
        assert not read(sentence).found(type_="MediationCentre"), sentence
    assert read("区司法局与区工商联共同成立区商会人民调解委员会。").found(type_="MediationCentre")


def test_a_joint_meeting_held_at_fixed_times_is_a_standing_mechanism(read):
    text = "青浦区司法局与吴江区司法局、嘉善县司法局签订协议，三地司法局每季度轮流召开一次联席会议，通报排查情况。"
    meetings = [c for c in read(text).standing if c.rule == "standing-meeting"]
    assert [(c.canonical, c.text) for c in meetings] == [("三地司法局联席会议制度", "联席会议")]
    counted = "青浦区司法局与吴江区司法局、嘉善县司法局签订协议，三地司法局当年召开联席会议4次。"
    assert not [c for c in read(counted).standing if c.rule == "standing-meeting"]
    assert not [c for c in read("定期召开联席会议，研究重大事项。").standing if c.rule == "standing-meeting"]

