"""Events someone organised, and ORGANIZED from the bodies before the organising verb."""

from __future__ import annotations

from extracted import read


def test_training_course_organised_by_a_department_takes_the_region_for_whole_region():
    r = read("区司法局组织开展全区行政执法人员业务培训班，参训人员逾900人次。")
    assert r.names["青浦区行政执法人员业务培训班"] == "Event"
    assert r.cls("青浦区行政执法人员业务培训班") == "Training"
    assert ("ORGANIZED", "青浦区司法局", "青浦区行政执法人员业务培训班") in r.relations()


def test_jointly_held_contest_has_every_named_organiser():
    r = read("区司法局与区教育局联合举办第二届“法润少年”法治演讲比赛。")
    event = "第二届“法润少年”法治演讲比赛"
    assert {("ORGANIZED", "青浦区司法局", event), ("ORGANIZED", "青浦区教育局", event)} <= r.relations()


def test_campaign_led_by_a_bureau():
    r = read("区农业农村局牵头开展“清河2024”联合执法行动，查处案件12宗。")
    assert ("ORGANIZED", "青浦区农业农村局", "“清河2024”联合执法行动") in r.relations()


def test_unstated_organiser_is_the_region_and_implicit():
    r = read("举办全区基层调解员培训班2期。")
    assert not any(t == "ORGANIZED" for t, _, _ in r.relations())
    assert ("ORGANIZED", "青浦区", "青浦区基层调解员培训班") in r.relations(explicit_only=False)


def test_a_bare_head_or_a_plain_activity_is_no_organised_event():
    r = read("区司法局举办讲座逾200场，开展“法律进社区”宣传活动。")
    assert not any(t == "ORGANIZED" for t, _, _ in r.relations(explicit_only=False))
    assert "讲座" not in r.names


def test_a_clause_opening_with_its_verb_has_the_previous_clauses_subjects(read):
    r = read("县司法局与湖北科技学院法学院共建实践基地，联合举办“宪法进万家”主题宣传月活动。", region="通城县", city="咸宁市")
    organisers = {s for t, s, o in r.triples("ORGANIZED")}
    assert organisers == {"通城县司法局", "湖北科技学院法学院"}


def test_a_subject_followed_by_partners_acts_however_long_the_partners_name(read):
    r = read("本局与四地律师协会联合举办“平蓟三兴”律师业务交流论坛。", region="平谷区", city="北京市", reporter="平谷区司法局")
    assert "平谷区司法局" in {s for t, s, o in r.triples("ORGANIZED", implicit=False)}


def test_convening_and_opening_verbs_organise_too(read):
    r = read("区委党校开设习近平法治思想专题班2期。区司法局与嘉善县司法局在金泽镇召开司法行政协同发展联席会议。")
    assert ("ORGANIZED", "中共青浦区委党校", "习近平法治思想专题班") in r.triples()
    assert {"青浦区司法局", "嘉善县司法局"} <= {s for t, s, o in r.triples("ORGANIZED") if o.endswith("联席会议")}


def test_a_function_character_inside_a_word_does_not_end_the_events_name():
    relations = read("区委党校举办领导干部自由贸易港法治专题培训班，参训干部260人次。").relations()
    assert ("ORGANIZED", "中共青浦区委党校", "领导干部自由贸易港法治专题培训班") in relations
