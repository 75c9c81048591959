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


def test_a_plain_kaizhan_after_a_body_and_its_partner_organises_a_quoted_activity(read):
    r = read("县司法局联合县图书馆开展“书香伴法行”普法巡演，演出40场。", region="通城县", city="咸宁市")
    event = r.found(type_="Event")
    assert "“书香伴法行”普法巡演" in event
    assert {"通城县司法局", "通城县图书馆"} <= {s for t, s, o in r.triples("ORGANIZED") if o == "“书香伴法行”普法巡演"}


def test_a_plain_kaizhan_right_after_a_bureau_organises_and_a_place_between_does_not_stop_it(read):
    r = read("区人社局开展“护薪2024”专项执法行动，追回欠薪300万元。区司法局会同区民政局在白鹤镇启动“法润乡邻”创建活动。")
    assert ("ORGANIZED", "青浦区人力资源和社会保障局", "“护薪2024”专项执法行动") in r.triples(implicit=False)
    assert {"青浦区司法局", "青浦区民政局"} <= {s for t, s, o in r.triples("ORGANIZED") if o == "“法润乡邻”创建活动"}


def test_a_kaizhan_with_no_body_before_it_organises_nothing(read):
    r = read("全年开展“法律进乡村”宣传活动20场，围绕淀山湖流域开展专项宣讲。")
    assert not r.triples("ORGANIZED", implicit=False)
    assert "“法律进乡村”宣传活动" not in r.found(type_="Event")


def test_a_river_named_in_the_previous_clause_organises_nothing(read):
    r = read("围绕泃河流域生态保护，会同区水务局开展涉水法律法规专项宣讲15场。", region="平谷区", city="北京市")
    organisers = {s for t, s, o in r.triples("ORGANIZED") if o.endswith("专项宣讲")}
    assert "泃河" not in organisers and "平谷区水务局" in organisers


def test_a_body_that_has_people_hold_an_event_organised_it_and_the_people_are_not_its_name():
    r = read("县委依法治县办组织全县科级干部开展行政复议法专题培训。", region="凤凰县")
    assert r.names.get("行政复议法专题培训") == "Event"
    assert not any("干部开展" in n for n in r.names)
    assert ("ORGANIZED", "中共凤凰县委全面依法治县委员会办公室", "行政复议法专题培训") in r.relations()


def test_an_event_held_with_le_starts_after_it():
    r = read("县司法局联合县妇联开展了“巾帼普法”宣讲活动，举办了湘黔边界法律服务论坛。", region="凤凰县")
    assert {("ORGANIZED", "凤凰县司法局", "“巾帼普法”宣讲活动"), ("ORGANIZED", "凤凰县妇女联合会", "“巾帼普法”宣讲活动")} <= r.relations()
    assert r.names.get("湘黔边界法律服务论坛") == "Event"
    assert not any(n.startswith("了") for n in r.names)


def test_an_event_a_body_named_after_you_organised_is_read_after_de():
    r = read("由县司法局主办的“法润凤凰”法治文艺汇演在阿拉营镇举行。", region="凤凰县")
    assert ("ORGANIZED", "凤凰县司法局", "“法润凤凰”法治文艺汇演") in r.relations()


def test_a_seminar_class_is_a_training():
    r = read("县委党校举办全县领导干部法治专题研讨班。", region="凤凰县")
    assert r.cls("凤凰县领导干部法治专题研讨班") == "Training"


def test_an_event_read_with_its_organiser_is_not_read_again_without_the_whole_region():
    r = read("县司法局举办全县行政执法人员培训班。", region="凤凰县")
    events = [n for n, t in r.names.items() if t == "Event"]
    assert events == ["凤凰县行政执法人员培训班"]


def test_the_body_that_invites_organises_and_its_guests_do_not():
    r = read("县司法局邀请州中级人民法院法官举办行政诉讼专题讲座。", region="凤凰县")
    organisers = {s for t, s, o in r.relations() if t == "ORGANIZED"}
    assert organisers == {"凤凰县司法局"}


def test_an_event_another_body_held_that_the_regions_staff_attended_is_that_bodys():
    r = read("组织县直各部门参加州司法局举办的行政执法人员培训班。", region="凤凰县")
    assert ("ORGANIZED", "湘西土家族苗族自治州司法局", "行政执法人员培训班") in r.relations()
    assert not any("参加" in n for n in r.names)


def test_a_kind_of_event_named_by_generic_words_alone_is_no_event():
    r = read("县司法局组织开展业务培训12次，举办法治讲座30场，组织开展法治宣传活动。", region="凤凰县")
    assert not [n for n, t in r.names.items() if t in ("Event", "Mechanism")]


def test_a_quoted_event_right_after_the_verb_has_every_organiser():
    r = read("区律师协会与上海政法学院联合主办“淀山湖法治论坛”，邀请专家30余名。")
    event = "淀山湖法治论坛"
    assert r.names[event] == "Event"
    assert {("ORGANIZED", "青浦区律师协会", event), ("ORGANIZED", "上海政法学院", event)} <= r.relations()


def test_a_first_edition_written_before_the_quote_is_part_of_the_name():
    r = read("区司法局联合区档案局、区教育局于9月举办首届“水乡法治文化节”，开展展演。")
    event = "首届“水乡法治文化节”"
    assert {("ORGANIZED", b, event) for b in ("青浦区司法局", "青浦区档案局", "青浦区教育局")} <= r.relations()


def test_a_quote_that_ends_in_no_event_head_is_no_event():
    r = read("区司法局联合举办“法律明白人”，参加人员50名。")
    assert not any(t == "ORGANIZED" for t, _, _ in r.relations())


def test_the_host_named_in_the_clause_after_the_event_organises_it_too():
    r = read("5月，市司法局在我区举办全市人民调解员业务培训班，区司法局承办，培训调解员200名。")
    organisers = {s for t, s, o in r.relations() if t == "ORGANIZED"}
    assert {"上海市司法局", "青浦区司法局"} <= organisers


def test_a_campaign_or_inspection_a_body_carries_out_with_a_partner_is_an_event():
    r = read("区市场监管局会同区公安分局开展农贸市场计量专项整治，检查商户300家次。")
    event = "农贸市场计量专项整治"
    assert r.names[event] == "Event"
    assert ("ORGANIZED", "青浦区市场监督管理局", event) in r.relations()
    r = read("区住房城乡建设管理委会同区应急局开展建筑工地消防专项检查。")
    assert r.names["建筑工地消防专项检查"] == "Event"


def test_a_photo_exhibition_hosted_by_two_bodies():
    r = read("由区委宣传部主办、区融媒体中心承办的“水韵青浦”法治摄影展在区图书馆展出。")
    event = "“水韵青浦”法治摄影展"
    assert {("ORGANIZED", "中共青浦区委宣传部", event), ("ORGANIZED", "青浦区融媒体中心", event)} <= r.relations()


def test_a_meeting_counted_once_names_no_event():
    r = read("三地司法局每季度轮流召开一次联席会议。")
    assert "一次联席会议" not in r.names


def test_who_a_clause_of_its_own_says_organised_an_event_organises_it_with_its_host():
    # 由A、B主办，C承办的…: the clause before the host's names the organisers
    r = read("由区委宣传部、区司法局主办，区文化旅游局承办的“法润江南”文艺汇演于6月在朱家角镇举行。")
    event = "“法润江南”文艺汇演"
    organisers = {s for t, s, o in r.relations() if t == "ORGANIZED" and o == event}
    assert organisers == {"中共青浦区委宣传部", "青浦区司法局", "青浦区文化旅游局"}
    # a host no rule reads as a body still lets the organisers of the clause before organise
    r = read("由区司法局联合主办，区法学会志愿服务队承办的“宪法伴我行”知识竞赛在区图书馆举办。")
    assert ("ORGANIZED", "青浦区司法局", "“宪法伴我行”知识竞赛") in r.relations()
    assert not any(t == "ORGANIZED" and s == "青浦区" for t, s, o in r.relations(explicit_only=False))


def test_a_quoted_event_held_somewhere_or_some_time_is_named_by_the_quote():
    r = read("区律师协会承办的“法治护航”论坛在金泽镇举行，市司法局主办。")
    assert ("ORGANIZED", "青浦区律师协会", "“法治护航”论坛") in r.relations()
    r = read("由区司法局主办的“青法讲堂”于3月开讲。")
    assert "“青法讲堂”" not in {o for t, s, o in r.relations() if t == "ORGANIZED"}  # 讲堂 is no event head


def test_a_clause_before_that_only_mentions_a_body_organises_nothing():
    r = read("区司法局指导各镇开展工作，区律师协会承办的“律护青浦”讲座活动在白鹤镇举行。")
    event = "“律护青浦”讲座活动"
    assert ("ORGANIZED", "青浦区律师协会", event) in r.relations()
    assert ("ORGANIZED", "青浦区司法局", event) not in r.relations()


def test_bodies_that_organise_an_event_another_hosts_organise_it_without_by():
    r = read("县委宣传部、县司法局主办，县文化馆承办“乡村法治文化节”，观众约3000人次。", region="安化县")
    organisers = {s for t, s, o in r.relations() if t == "ORGANIZED" and o.strip("“”") == "乡村法治文化节"}
    assert {"中共安化县委宣传部", "安化县司法局", "安化县文化馆"} <= organisers


def test_the_whole_city_in_a_countys_report_is_its_prefecture():
    r = read("市司法局主办、县司法局承办的全市村（社区）法律顾问培训班在东坪镇举办。", region="安化县")
    assert r.names.get("益阳市村(社区)法律顾问培训班") == "Event"
    assert "安化县村(社区)法律顾问培训班" not in r.names


def test_the_whole_county_stays_the_county():
    r = read("县司法局组织开展全县人民调解员素能提升班，培训调解员260人。", region="安化县")
    assert r.names.get("安化县人民调解员素能提升班") == "Event"


def test_an_event_after_several_organising_verbs_starts_after_the_last():
    r = read("县司法局牵头组织开展全县行政执法人员综合法律知识培训班3期，培训680人次。", region="安化县")
    assert ("ORGANIZED", "安化县司法局", "安化县行政执法人员综合法律知识培训班") in r.relations()


def test_the_lead_and_its_supporters_named_in_clauses_before_the_verb_organise_it():
    r = read("县委政法委牵头，县公安局、县司法局配合，开展“平安护航”专项行动。", region="安化县")
    organisers = {s for t, s, o in r.relations() if t == "ORGANIZED"}
    assert organisers == {"中共安化县委政法委员会", "安化县公安局", "安化县司法局"}
    assert r.names["“平安护航”专项行动"] == "Event"


def test_camps_and_seasons_are_events_their_organisers_organised():
    r = read("区司法局、区教育局联合举办“水乡少年”法治夏令营，参与学生300人。区委宣传部、区文化和旅游局联合举办“淀山湖法治文化旅游季”。")
    camp, season = "“水乡少年”法治夏令营", "淀山湖法治文化旅游季"
    assert r.names.get(camp) == "Event" and r.cls(camp) == "Training"
    assert {("ORGANIZED", "青浦区司法局", camp), ("ORGANIZED", "青浦区教育局", camp)} <= r.relations()
    assert {("ORGANIZED", "中共青浦区委宣传部", season), ("ORGANIZED", "青浦区文化和旅游局", season)} <= r.relations()


def test_the_youth_leagues_committee_written_in_full_is_a_body_that_organises():
    r = read("区司法局、共青团青浦区委员会联合举办“青春普法”法治宣传活动。")
    league = "共青团青浦区委员会"
    assert r.names.get(league) == "Institution"
    assert ("ORGANIZED", league, "“青春普法”法治宣传活动") in r.relations()
    assert not any(t == "ORGANIZED" and s == "青浦区" for t, s, _ in r.relations())


def test_a_count_of_parties_after_a_sentence_of_signers_organises_with_all_of_them():
    r = read("9月，区司法局与吴江区司法局、嘉善县司法局签订《边界执法协作协议》。协议签订后，三地联合开展“净水”专项行动2次。")
    organisers = {s for t, s, o in r.relations() if t == "ORGANIZED"}
    assert organisers == {"青浦区司法局", "吴江区司法局", "嘉善县司法局"}


def test_a_time_after_zai_is_no_place_and_the_partner_organises():
    r = read("在国家宪法日期间联合区律师协会举办“宪法进万家”主题宣传活动。")
    assert ("ORGANIZED", "青浦区律师协会", "“宪法进万家”主题宣传活动") in r.relations()


def test_a_performance_held_in_a_village_is_organised_by_the_bodies_before_it():
    r = read("区司法局、区文化旅游局在蔡浜村联合举办“法治水乡”普法文艺演出，演出9场。")
    event = "“法治水乡”普法文艺演出"
    assert {("ORGANIZED", "青浦区司法局", event), ("ORGANIZED", "青浦区文化旅游局", event)} <= r.relations()
    assert r.names.get("蔡浜村") == "Place"
