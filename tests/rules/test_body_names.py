"""Names of bodies as real report pages write them: 浚县县委, short forms of departments, no verb before a named body."""

from __future__ import annotations


def test_a_county_whose_name_ends_in_its_level_writes_its_committee_with_it_twice(read):
    found = read("滑县县委常委会研究法治工作，滑县县委、县政府召开会议。", region="滑县", city="安阳市").found()
    assert "中共滑县县委" in found and "中共滑县委" not in found and "滑县县委员会" not in found


def test_the_committees_own_bodies_carry_its_name(read):
    found = read("县委党校、县委宣传部、县委依法治县办联合举办培训。", region="萧县", city="宿州市").found()
    assert {"中共萧县县委党校", "中共萧县县委宣传部"} <= set(found) and not any(n.startswith("中共萧县委") for n in found)


def test_a_department_committee_is_still_a_department(read):
    found = read("县卫健委开展执法检查。", region="滑县", city="安阳市").found()
    assert "滑县卫生健康委员会" in found


def test_the_short_form_of_human_resources_is_the_department(read):
    reading = read("县人力社保局、县人力资源和社会保障局联合开展培训。", region="滑县", city="安阳市")
    assert sorted({n for n in reading.found() if "人力" in n}) == ["滑县人力资源和社会保障局"]


def test_a_verb_before_a_school_is_no_part_of_its_name(read):
    found = read("引导广大法学院学生参与普法，与华南理工大学法学院共建基地。").found()
    assert "华南理工大学法学院" in found and not any(n.startswith(("引导", "广大")) for n in found)


def test_a_zones_administrative_committee_is_written_in_full(read):
    found = read("县工业园区管委会与县司法局签订合作协议。", region="平江县", city="岳阳市").found()
    assert "平江县工业园区管理委员会" in found and not any(n.endswith("管委员会") for n in found)


def test_a_shared_head_reaches_over_the_province_written_before_each_item(read):
    reading = read("县司法局与湖南省花垣县、重庆市秀山县司法局签订《边界人民调解协作协议》。", region="松桃苗族自治县", city="铜仁市")
    signers = {source for type_, source, target in reading.triples("PARTY_TO")}
    assert {"花垣县司法局", "秀山土家族苗族自治县司法局", "松桃苗族自治县司法局"} <= signers
    assert "花垣县" not in signers


def test_a_parks_authority_and_its_branch_are_bodies_and_the_branch_no_body_of_a_place(read):
    reading = read("县人民法院与大熊猫国家公园管理局宝兴分局签订协作协议。", region="宝兴县", city="雅安市")
    found = reading.found(type_="Institution")
    assert "大熊猫国家公园管理局宝兴分局" in found and "大熊猫国家公园管理局" in found
    assert ("PART_OF", "大熊猫国家公园管理局宝兴分局", "大熊猫国家公园管理局") in reading.triples("PART_OF", implicit=True)
    assert "宝兴县分局" not in found
    found = read("三门峡市公安局湖滨分局参加。", region="湖滨区", city="三门峡市").found(type_="Institution")
    assert "三门峡市公安局湖滨分局" in found and "湖滨区分局" not in found


def test_a_towns_party_committee_and_its_government_carried_over_the_list_are_bodies(read):
    found = read("金泽镇党委、政府牵头召开边界联防联调座谈会。朱家角镇党委开展专题学习。").found(type_="Institution")
    assert {"中共青浦区金泽镇委员会", "青浦区金泽镇人民政府", "中共青浦区朱家角镇委员会"} <= set(found)
    assert found["中共青浦区金泽镇委员会"].cls == "PoliticalBody"


def test_a_bureau_named_by_what_it_builds_is_a_body(read):
    found = read("县营商环境建设局公布政务服务事项1158项，持续推进法治政府建设局面。", region="西丰县", city="铁岭市").found(type_="Institution")
    assert list(found) == ["西丰县营商环境建设局"]


def test_an_autonomous_countys_short_form_before_its_level_names_its_bodies_once(read):
    found = read("印江自治县人民政府印发《方案》，印江自治县司法局组织实施。", region="印江土家族苗族自治县", city="铜仁市").found(type_="Institution")
    assert {"印江土家族苗族自治县人民政府", "印江土家族苗族自治县司法局"} <= set(found)
    assert not any("自治县自治县" in name for name in found)
