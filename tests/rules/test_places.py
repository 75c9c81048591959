"""Places (govkg_places): gazetteer names and aliases, town stems in lists, towns and villages by suffix."""

from __future__ import annotations


def test_gazetteer_places_get_their_class(read):
    found = read("青浦区、吴江区和嘉善县三地联动。").found("gazetteer")
    assert {name: c.cls for name, c in found.items()} == {"青浦区": "County", "吴江区": "County", "嘉善县": "County"}


def test_an_alias_takes_the_canonical_name(read):
    found = read("示范区执委会牵头。").found("gazetteer")
    assert "长三角生态绿色一体化发展示范区" in found


def test_town_names_without_their_suffix_are_read_only_in_lists(read):
    listed = read("在金泽、朱家角等镇开展巡回宣讲。").found("gazetteer-stem")
    assert {"金泽镇", "朱家角镇"} <= set(listed)


def test_a_village_right_after_its_town_is_part_of_it(read):
    reading = read("在金泽镇莲湖村召开现场会。")
    village = reading.found("village-after-town")["莲湖村"]
    assert village.attributes["parent"] == "金泽镇"
    assert ("PART_OF", "莲湖村", "金泽镇") in reading.triples(implicit=False)


def test_words_about_villages_after_a_town_are_no_village(read):
    reading = read("司法所在金泽镇设立乡村振兴服务点，服务金泽镇、练塘镇两个镇的村民和朱家角镇沿线村屯群众。")
    assert reading.found("village-after-town") == {}
    assert "东西村" in read("在金泽镇东西村召开现场会。").found("village-after-town")


def test_the_gazetteer_gives_the_chain_of_parents(read):
    assert {("PART_OF", "嘉善县", "嘉兴市"), ("PART_OF", "嘉兴市", "浙江省")} <= read("嘉善县参加。").triples(implicit=True)


def test_a_word_ending_in_a_suffix_is_no_town_without_its_county(read):
    assert read("推动城镇化建设。").found(type_="Place") == {}


def test_a_name_several_divisions_share_is_the_reporting_regions(read):
    assert "广州市白云区" in read("白云区司法局牵头。", region="广州市白云区", city="广州市").found("gazetteer")
    assert "贵阳市白云区" in read("白云区司法局牵头。", region="观山湖区", city="贵阳市").found("gazetteer")
    assert read("白云区司法局牵头。", region="静海区", city="天津市").found("gazetteer") == {}


def test_a_town_of_a_neighbouring_district_keeps_its_own_county(read):
    reading = read("在钟落潭镇、里水镇设立工作站。", region="广州市白云区", city="广州市")
    assert {"钟落潭镇", "里水镇"} <= set(reading.found("gazetteer"))
    assert ("PART_OF", "里水镇", "南海区") in reading.triples()


def test_rivers_and_lakes_are_places_where_the_sentence_makes_them_so(read):
    found = read("联合开展北运河流域巡查，在御临河沿线设立联系点，共护清水江流域。").found("water")
    assert set(found) == {"北运河", "御临河", "清水江"}
    assert read("推进河长制落实。").found("water") == {}


def test_a_conjunction_before_a_short_form_is_no_county(read):
    # 和县 is a county of Anhui; in 领导和县人大常委会 the 和 joins two phrases
    r = read("在县委的坚强领导和县人大常委会的监督支持下，依法行政。", region="南乐县", city="濮阳市")
    assert "和县" not in r.found("gazetteer")
    assert "南乐县人民代表大会常务委员会" in r.found("institution-short")
    r = read("县司法局与和县司法局签订协作协议。", region="南乐县", city="濮阳市")
    assert "和县" in r.found("gazetteer")


def test_a_former_name_of_a_division_names_it_in_any_province(read):
    # the division table's edition renamed 渝北区; reports of the year before still write the old name
    r = read("县人民法院与渝北区人民法院建立跨省立案协作机制。", region="邻水县", city="广安市")
    bodies = r.found("institution-full")
    assert [c.text for c in bodies.values()] == ["渝北区人民法院"]


def test_a_town_name_inside_a_longer_one_is_that_longer_town(read):
    r = read("区矛盾纠纷调处化解中心在下朝阳街道设立分中心。", region="武清区", city="天津市")
    assert "下朝阳街道" in r.found(type_="Place") and not any(n.endswith("区朝阳街道") for n in r.found(type_="Place"))


def test_a_zone_short_form_after_a_verb_names_the_zone(read):
    assert "京津冀地区" in read("深化京津冀法治协作。", region="平谷区", city="北京市").found("gazetteer")
    assert not read("建设社会主义现代化先行示范区。").found("gazetteer")


def test_a_water_name_starts_after_the_verb_or_body_before_it(read):
    waters = read("县水务局建立泃河流域联合执法机制，执法范围覆盖洳河沿线。", region="平谷区", city="北京市").found("water")
    assert {"泃河", "洳河"} <= set(waters)
    assert not [name for name in waters if "局" in name or "覆盖" in name]


def test_a_river_section_named_by_a_place_is_one_place(read):
    found = read("协作范围覆盖涪江潼南段和琼江安居段，推动黄河韩城段综合治理。", region="潼南区", city="重庆市").found("water-section")
    assert set(found) == {"涪江潼南段", "琼江安居段", "黄河韩城段"}
    assert read("分段推进河道整治，分三个阶段实施。", region="潼南区", city="重庆市").found("water-section") == {}


def test_a_river_named_shui_is_a_place_before_its_basin(read):
    found = read("围绕湟水流域生态保护开展联合执法；加强饮用水水源地保护和黑臭水体治理。", region="民和回族土族自治县", city="海东市").found("water")
    assert set(found) == {"湟水"}


def test_a_border_area_named_by_provinces_initials_is_a_place(read):
    found = read("持续深化青甘毗邻地区法治协作，推动黑吉两省毗邻地区联调。", region="民和回族土族自治县", city="海东市").found("border-area")
    assert {name: c.text for name, c in found.items()} == {"青甘毗邻地区": "青甘毗邻地区", "黑吉毗邻地区": "黑吉两省毗邻地区"}
    assert read("加强毗邻地区协作。", region="民和回族土族自治县", city="海东市").found("border-area") == {}


def test_huitong_is_the_verb_in_a_report_from_another_province(read):
    reading = read("本局会同县生态环境局开展宣讲。", region="通榆县", city="白城市", reporter="通榆县司法局")
    assert "会同县" not in reading.found(type_="Place")
    assert "通榆县生态环境局" in reading.found(type_="Institution")
    assert "会同县" in read("会同县人民法院开展宣讲。", region="洪江市", city="怀化市").found(type_="Place")


def test_banners_written_short_are_the_divisions_they_shorten(read):
    found = read("与科右前旗、察右后旗、土右旗和东乌旗司法局签订协议。", region="通榆县", city="白城市").found("gazetteer")
    assert {"科尔沁右翼前旗", "察哈尔右翼后旗", "土默特右旗", "东乌珠穆沁旗"} <= set(found)


def test_a_town_after_a_banners_short_form_is_that_banners(read):
    found = read("协作范围覆盖科右中旗杜尔基镇等毗邻苏木乡镇。", region="通榆县", city="白城市").found()
    assert "杜尔基镇" in found and found["杜尔基镇"].type == "Place"


def test_an_ethnic_town_written_with_its_people_is_the_tables_town(read):
    found = read("县司法局在拉林满族镇设立调解室，覆盖营城子满族乡。", region="五常市", city="哈尔滨市").found(type_="Place")
    assert found["拉林镇"].text == "拉林满族镇" and found["拉林镇"].cls == "Township"
    assert "营城子满族乡" in found


def test_a_people_before_a_generic_that_makes_no_town_is_no_place(read):
    found = read("开展民族团结进步创建，走访回族乡亲和满族乡贤。", region="五常市", city="哈尔滨市").found(type_="Place")
    assert not any(c.rule == "ethnic-town" for c in found.values())


def test_an_autonomous_countys_short_form_counts_across_the_provincial_border(read):
    found = read("县人民检察院与红古区、积石山县人民检察院会签协作意见，覆盖积石山县大河家镇。",
                 region="民和回族土族自治县", city="海东市").found(type_="Place")
    assert "积石山保安族东乡族撒拉族自治县" in found and "大河家镇" in found


def test_a_bare_stem_of_a_county_in_another_province_is_still_no_place(read):
    found = read("坚持青浦精神，推进工作。", region="民和回族土族自治县", city="海东市").found(type_="Place")
    assert "青浦区" not in found


def test_protected_areas_and_reservoirs_are_places_by_their_kind(read):
    found = read("围绕大黑山国家级自然保护区和青龙山水库开展联合巡护，在白沙镇设立国家公园法官工作站。",
                 region="五常市", city="哈尔滨市").found("protected-area")
    assert set(found) == {"大黑山国家级自然保护区", "青龙山水库"}


def test_a_kind_of_area_alone_names_no_place(read):
    found = read("深化国家公园周边协作，加强自然保护区执法。", region="五常市", city="哈尔滨市").found("protected-area")
    assert found == {}


def test_a_national_city_cluster_is_a_place(read):
    found = read("主动融入长江中游城市群建设，深化与岳阳市的法治协作。", region="通城县", city="咸宁市").found("gazetteer")
    assert found["长江中游城市群"].cls == "CooperationZone"


def test_a_gacha_after_its_sumu_is_a_village_of_it(read):
    reading = read("旗司法局在巴彦胡舒苏木哈日道布嘎查设立基层法治观察点。", region="科尔沁右翼中旗", city=None)
    village = reading.found("village-after-town")["哈日道布嘎查"]
    assert village.attributes["parent"] == "巴彦胡舒苏木"


def test_a_stretch_or_bank_of_a_river_is_a_mention_of_the_river(read):
    found = read("沿洮河下游开展联合巡查，在黄河滩区设立普法站。", region="临洮县", city="定西市").found("water")
    assert {name: c.text for name, c in found.items()} == {"洮河": "洮河下游", "黄河": "黄河滩区"}


def test_seas_and_bays_are_places_before_their_coast_or_waters(read):
    found = read("守护辽东湾沿岸生态，执法范围覆盖双台子湾等交界海域，推进黄海近岸整治。", region="盘山县", city="盘锦市").found("water")
    assert {"辽东湾", "双台子湾", "黄海"} <= set(found)
    assert read("加强上海沿海和港湾沿岸治理。", region="盘山县", city="盘锦市").found("water") == {}


def test_a_bay_listed_before_a_river_is_the_bay_not_a_countys_short_form(read):
    found = read("联合执法覆盖东山湾、漳江流域。", region="云霄县", city="漳州市").found(type_="Place")
    assert "东山湾" in found and "东山县" not in found


def test_mountains_are_places_before_their_area(read):
    found = read("在大别山区域开展联合巡护，建立白马岭—牛头山片区护林机制。",
                 region="金寨县", city="六安市").found("mountain")
    assert found["大别山"].text == "大别山区域"
    assert {"白马岭", "牛头山"} <= set(found)
    assert read("三是偏远山区服务不足，山区群众办事难。", region="金寨县", city="六安市").found("mountain") == {}


def test_a_provinces_short_form_after_a_slogan_word_is_the_province(read):
    found = read("落实省委关于法治湖北建设的部署，共建美丽新疆、平安广西。", region="通城县", city="咸宁市").found("province-slogan")
    assert set(found) == {"湖北省", "新疆维吾尔自治区", "广西壮族自治区"}
    assert read("与湖北科技学院共建基地。", region="通城县", city="咸宁市").found("province-slogan") == {}


def test_a_village_or_community_the_text_goes_to_or_whose_committee_it_names_is_a_place(read):
    found = read("到竹山村走访，走进东湖社区开展普法，李楼村村委会参加。", region="花垣县", city="湘西土家族苗族自治州").found("village-named")
    assert set(found) == {"竹山村", "东湖社区", "李楼村"} and all(c.cls == "Village" for c in found.values())
    generic = read("开展民主法治示范村创建，在农村社区开展宣讲，全县村（社区）法律顾问全覆盖，在各村开展，到联系村走访，在帮扶村开展。",
                   region="花垣县", city="湘西土家族苗族自治州").found("village-named")
    assert generic == {}


def test_a_zone_named_after_a_place_is_one_place_and_the_place_only_qualifies_it(read):
    reading = read("仲裁委在江门高新区鹤山园设立中心，服务海南自由贸易港建设，在鹤山市工业园区开展宣讲。", region="新会区", city="江门市")
    zones = reading.found("zone")
    assert set(zones) == {"江门高新区鹤山园", "海南自由贸易港", "鹤山市工业园区"}
    assert all(c.attributes.get("qualifier") for c in reading.standing if c.rule == "gazetteer" and c.start in {z.start for z in zones.values()})
    assert read("推进开发区建设，打造社会主义现代化先行区。", region="新会区", city="江门市").found("zone") == {}


def test_a_border_area_is_one_place_whatever_its_tail_and_its_initials_alone_name_it(read):
    reading = read("立足晋陕豫三省交界的区位，深化晋陕豫毗邻地区法治协作，建立晋陕豫交界区域联合执法机制。深化川渝法治协作。",
                   region="芮城县", city="运城市")
    areas = [c for c in reading.standing if c.rule == "border-area"]
    assert {c.canonical for c in areas} == {"晋陕豫毗邻地区", "川渝毗邻地区"}
    assert {c.text for c in areas} >= {"晋陕豫毗邻地区", "晋陕豫交界区域", "川渝"}


def test_initials_that_make_a_province_or_a_known_zone_are_no_border_area(read):
    reading = read("立足辽宁“西大门”区位，深化京津冀法治协作。", region="绥中县", city="葫芦岛市")
    assert not [c for c in reading.standing if c.rule == "border-area" and c.canonical.startswith("辽宁")]
    assert "京津冀地区" in reading.found(type_="Place")


def test_heritage_sites_are_places_and_an_enumerator_is_no_part_of_a_name(read):
    found = read("在大地湾遗址开展宣传，协作范围覆盖嘉峪关长城等沿线区域；二是国家公园周边协作尚需完善。", region="秦安县", city="天水市").found("protected-area")
    assert set(found) == {"大地湾遗址", "嘉峪关长城"}


def test_two_waters_run_together_are_two_places(read):
    found = read("在洮河黄河交汇处开展联合巡查。", region="临洮县", city="定西市").found("water")
    assert set(found) == {"洮河", "黄河"}


def test_a_short_form_beyond_the_province_counts_once_the_text_names_the_county_in_full(read):
    reading = read("县司法局与重庆市秀山县、贵州省松桃县司法局签订协议，在秀山、松桃两地开展联合调解。",
                   region="花垣县", city="湘西土家族苗族自治州")
    texts = {(c.canonical, c.text) for c in reading.standing if c.type == "Place"}
    assert {("秀山土家族苗族自治县", "秀山"), ("松桃苗族自治县", "松桃")} <= texts
    alone = [c.text for c in read("在秀山、松桃两地开展联合调解。", region="花垣县", city="湘西土家族苗族自治州").standing if c.type == "Place"]
    assert "秀山" not in alone and "松桃" not in alone


def test_a_river_under_its_two_names_joined_by_a_dash_is_one_place(read):
    found = read("加强额尔齐斯河—鄂毕河流域执法合作。", region="布尔津县", city="阿勒泰地区").found("water")
    assert set(found) == {"额尔齐斯河—鄂毕河"}


def test_a_river_is_a_place_before_its_mouth(read):
    assert "渭河" in read("共同推进渭河入黄口生态治理。", region="潼关县", city="渭南市").found("water")


def test_deserts_and_grasslands_are_places_only_right_after_a_verb_or_function_word(read):
    found = read("在库布其沙漠开展联合巡护，覆盖毛乌素沙地和呼伦贝尔草原。", region="杭锦旗", city="鄂尔多斯市").found("protected-area")
    assert set(found) == {"库布其沙漠", "毛乌素沙地", "呼伦贝尔草原"}
    none = read("举办“同心·法润草原”普法活动，建立交界区域草原和矿产资源联合执法机制，加强草原生态保护。",
                region="杭锦旗", city="鄂尔多斯市").found("protected-area")
    assert none == {}


def test_a_water_the_text_acts_at_is_a_place_and_generic_waters_or_divisions_are_not(read):
    found = read("在南四湖开展联合执法，沿汉江巡查。", region="微山县", city="济宁市").found("water")
    assert set(found) == {"南四湖", "汉江"}
    none = read("在全县河湖开展清四乱，在辖区水域开展巡查，在珠海开展联合执法，加强珠海海域巡查。", region="香洲区", city="珠海市")
    assert none.found("water") == {} and "珠海市" in none.found("gazetteer")


def test_a_provinces_short_form_after_standing_on_it_is_the_province(read):
    assert "辽宁省" in read("立足辽宁“西大门”区位，主动融入京津冀。", region="绥中县", city="葫芦岛市").found("province-slogan")


def test_reservoir_areas_and_irrigation_districts_are_places(read):
    found = read("加强丹江口库区执法，推进三峡库区协作，在河套灌区开展宣讲，覆盖黎母山及周边林区。", region="淅川县", city="南阳市").found("protected-area")
    assert set(found) == {"丹江口库区", "三峡库区", "河套灌区"}


def test_a_neighbouring_country_and_its_divisions_written_after_it_are_places(read):
    found = read("县司法局与缅甸掸邦大其力县司法部门座谈，越南老街省司法厅来访，朝鲜族群众参加。", region="勐海县", city="西双版纳傣族自治州").found(type_="Place")
    assert {"缅甸", "掸邦", "大其力县", "越南", "老街省"} <= set(found)
    assert "朝鲜" not in found


def test_villages_listed_after_a_towns_first_village_are_the_towns(read):
    reading = read("在瞻榆镇新华村、太平村和红旗村设立联系点。", region="通榆县", city="白城市")
    villages = reading.found("village-after-town")
    assert set(villages) == {"新华村", "太平村", "红旗村"} and {c.attributes["parent"] for c in villages.values()} == {"瞻榆镇"}
    assert "红旗区" not in reading.found(type_="Place")


def test_harbours_and_islands_before_their_waters_are_places_and_a_citys_name_is_not(read):
    found = read("联合开展英罗港海域巡查，守护涠洲岛周边海域，加强防城港海域和海岛沿岸巡查。", region="合浦县", city="北海市").found("water")
    assert set(found) == {"英罗港", "涠洲岛"}


def test_a_long_protected_areas_name_is_read_whole(read):
    assert "山口国家级红树林生态自然保护区" in read("在山口国家级红树林生态自然保护区设立联系点。", region="合浦县", city="北海市").found("protected-area")


def test_a_water_named_after_a_division_starts_after_it(read):
    reading = read("在潼南区琼江流域开展巡查，围绕韩城黄河滩区开展普法，在西江、顺德水道交汇处巡查。", region="潼南区", city="重庆市")
    assert set(reading.found("water")) == {"琼江", "黄河", "西江", "顺德水道"}
    assert "潼南区" in reading.found("gazetteer")


def test_a_mountain_or_area_named_after_a_division_starts_after_it(read):
    reading = read("在通城县幕阜山区域开展检查，加强通城县黄龙山林区管护，在吉林省向海国家级自然保护区设立联系点。", region="通城县", city="咸宁市")
    assert set(reading.found("mountain")) == {"幕阜山", "黄龙山"}
    assert set(reading.found("protected-area")) == {"向海国家级自然保护区"}


def test_economic_cooperation_zones_and_bracketed_zone_names_are_places(read):
    reading = read("服务中老磨憨—磨丁经济合作区建设，推进勐腊（磨憨）重点开发开放试验区建设。", region="勐腊县", city="西双版纳傣族自治州")
    assert "中老磨憨—磨丁经济合作区" in reading.found("protected-area")
    assert "勐腊（磨憨）重点开发开放试验区" in reading.found("zone")


def test_provinces_short_forms_listed_before_their_count_are_the_provinces(read):
    found = read("推动湖北、湖南、江西三省交界地区协作，深化广西和云南两省区合作。", region="通城县", city="咸宁市").found("province-slogan")
    assert set(found) == {"湖北省", "湖南省", "江西省", "广西壮族自治区", "云南省"}
    # 河北、山东两地法院: the provinces (the body rule names each one's court); a count after one short form is no list
    assert set(read("与河北、山东两地法院会签协议。", region="通城县", city="咸宁市").found("province-slogan")) == {"河北省", "山东省"}
    assert read("推动山东两地协作。", region="通城县", city="咸宁市").found("province-slogan") == {}


def test_a_zones_name_starts_at_the_place_right_before_it_and_no_verb_is_part_of_it(read):
    assert set(read("在北滘镇顺德高新区设立服务点。", region="顺德区", city="佛山市").found("zone")) == {"顺德高新区"}
    assert set(read("琼中将围绕海南自由贸易港全岛封关运作。", region="琼中黎族苗族自治县", city=None).found("zone")) == {"海南自由贸易港"}


def test_the_regions_own_prefecture_after_a_slogan_word_is_the_prefecture(read):
    found = read("全面推进法治广州建设，共建平安广州。广州银行参加。", region="天河区", city="广州市").found("province-slogan")
    assert set(found) == {"广州市"} and found["广州市"].cls == "Prefecture"
    assert read("全面推进法治广州建设。", region="静海区", city="天津市").found("province-slogan") == {}


def test_a_water_before_its_ecology_and_a_mountains_side_are_places(read):
    reading = read("守护沙湖、星海湖生态，推进贺兰山东麓生态保护，加强河湖生态保护，改善城区水生态。", region="平罗县", city="石嘴山市")
    assert set(reading.found("water")) == {"沙湖", "星海湖"}
    assert reading.found("mountain")["贺兰山"].text == "贺兰山东麓"


def test_a_zone_named_by_a_towns_stem_is_a_place_but_not_a_stem_inside_a_longer_name(read):
    assert "燕郊高新区" in read("在燕郊高新区设立服务点。", region="三河市", city="廊坊市").found("zone")
    assert not [z for z in read("在东戴河新区设立服务点。", region="绥中县", city="葫芦岛市").found("zone") if z == "戴河新区"]


def test_a_provinces_short_form_before_diqu_is_the_province_and_gang_ao_is_no_border_area(read):
    reading = read("推动港澳律师在前海合作区执业，深化与台湾地区交流。", region="福田区", city="深圳市")
    assert "台湾省" in reading.found("province-slogan")
    assert reading.found("border-area") == {} and reading.found("zone") == {}
    assert "前海深港现代服务业合作区" in reading.found("gazetteer")


def test_a_rivers_source_and_bed_are_mentions_of_it_and_the_verb_before_is_not(read):
    found = read("在渭河源头开展巡查，清理洮河河道。", region="渭源县", city="定西市").found("water")
    assert {name: c.text for name, c in found.items()} == {"渭河": "渭河源头", "洮河": "洮河河道"}


def test_a_free_trade_zone_of_china_with_its_province_and_area_is_one_place_and_a_park_set_up_in_a_zone_is_not_its_part(read):
    found = read("服务中国（四川）自由贸易试验区川南临港片区建设，在泸州高新区设立创业园。", region="江阳区", city="泸州市").found("zone")
    assert set(found) == {"中国（四川）自由贸易试验区川南临港片区", "泸州高新区"}


def test_partner_verb_after_a_body_is_the_verb_even_where_the_county_is_near(read):
    reading = read("县司法局会同县教育局举办“法治进校园”巡回宣讲活动。", region="平江县", city="岳阳市")
    assert "会同县" not in reading.found(type_="Place") and "平江县教育局" in reading.found()
    assert "会同县" in read("与会同县司法局签订调解协议。", region="平江县", city="岳阳市").found(type_="Place")


def test_a_river_named_like_its_province_is_the_river_before_its_banks(read):
    reading = read("与俄罗斯阿穆尔州布拉戈维申斯克市司法部门座谈，在黑龙江沿岸开展联合巡查。", region="爱辉区", city="黑河市")
    assert "黑龙江" in reading.found("water")
    assert {"阿穆尔州", "布拉戈维申斯克市"} <= set(reading.found("foreign-division"))


def test_a_village_suffix_after_a_bracket_names_no_village(read):
    assert read("在村(社区)培育一批法律明白人，在镇（街道）、村（社区）建成共享法庭。", region="嘉善县", city="嘉兴市").found("village-named") == {}


def test_scenic_areas_and_resorts_are_places_but_generic_ones_are_not(read):
    found = read("在篁岭景区设立服务站，加强重点景区执法，推进三清山风景名胜区、灵山旅游度假区建设。", region="婺源县", city="上饶市").found("protected-area")
    assert set(found) == {"篁岭景区", "三清山风景名胜区", "灵山旅游度假区"}


def test_initials_with_hong_kong_or_macau_are_no_border_area(read):
    assert read("深化粤港澳规则衔接，推动港澳律师执业。", region="南沙区", city="广州市").found("border-area") == {}


def test_a_short_form_followed_by_a_count_is_the_verb(read):
    assert "新建区" not in read("全县新建3个人民调解委员会，新建一批调解室。", region="平江县", city="岳阳市").found(type_="Place")
    assert "新建区" in read("新建区司法局在石岗镇设立工作站。", region="南昌县", city="南昌市").found(type_="Place")
    assert "嘉善县" in read("覆盖青浦、吴江、嘉善3个区县。").found(type_="Place")


def test_ports_the_text_goes_to_or_lists_are_places_and_a_generic_port_is_none(read):
    found = read("在瑞丽口岸、畹町口岸分别设立口岸法律服务工作站，推进边境口岸建设。", region="瑞丽市", city="德宏傣族景颇族自治州").found(type_="Place")
    assert {"瑞丽口岸", "畹町口岸"} <= set(found)
    assert not any(name.endswith("口岸") and name not in ("瑞丽口岸", "畹町口岸") for name in found)


def test_a_zone_named_by_the_regions_level_alone_is_the_regions(read):
    found = read("区总工会在区工业集中区建成劳动争议调解室。").found(type_="Place")
    assert "青浦区工业集中区" in found


def test_a_border_area_before_a_pause_is_named_with_its_bare_tail(read):
    reading = read("立足湘黔边界、雪峰山腹地的区位，深化湘黔三省市交界地区法治协作，湘黔边界法治协作成效明显。", region="安化县", city="益阳市")
    mentions = [c.text for c in reading.candidates if c.rule == "border-area"]
    assert mentions == ["湘黔边界", "湘黔三省市交界地区", "湘黔"]  # the last one's tail runs into what it qualifies
    assert {c.canonical for c in reading.candidates if c.rule == "border-area"} == {"湘黔毗邻地区"}


def test_a_division_opening_any_documents_title_only_says_whose_it_is(read):
    reading = read("县市场监督管理局制定《安化县市场监管领域轻微违法行为不予处罚清单》。", region="安化县", city="益阳市")
    places = [c for c in reading.candidates if c.type == "Place" and c.canonical == "安化县"]
    assert places and all(c.attributes.get("qualifier") for c in places)


def test_a_river_written_after_the_provinces_initials_or_a_verb_is_the_river(read):
    reading = read("签订《苏浙顿塘河流域毗邻地区执法协作协议》《苏浙毗邻地区急水港上游保护协作协议》，联合设立元荡湖流域服务站。")
    waters = set(reading.found("water"))
    assert {"顿塘河", "急水港", "元荡湖"} <= waters
    assert not any(name.startswith(("苏浙", "设立")) for name in waters)


def test_a_town_after_a_scope_opener_is_read_and_a_shared_town_name_is_the_listed_countys(read):
    found = read("协议覆盖凤翔街道、交口乡和平陆县圣人涧镇、张店镇等沿黄乡镇。", region="湖滨区", city="三门峡市").found(type_="Place")
    assert "凤翔街道" in found
    assert "平陆县张店镇" in found and "张店区" not in found


def test_a_rivers_bank_is_the_river_and_a_kind_of_land_after_a_qualifier_is_no_place(read):
    reading = read("在淀浦河畔设立法治长廊。督促修复受损湿地120亩，针对景区旅游纠纷开展调解。")
    assert "淀浦河" in reading.found("water")
    assert not any(name.startswith(("受损", "针对")) for name in reading.found(type_="Place"))


def test_cross_province_cooperation_areas_the_hand_made_list_adds_are_places(read):
    found = read("依托湘赣边区域合作示范区建立联席会议制度，深化晋陕豫黄河金三角法治协作。", region="炎陵县", city="株洲市").found("gazetteer")
    assert {"湘赣边区域合作示范区", "晋陕豫黄河金三角区域合作规划区"} <= set(found)


def test_a_town_read_by_its_suffix_is_read_wherever_named_again_and_its_station_is_the_regions(read):
    reading = read("协议覆盖凤翔街道、交口乡等沿黄乡镇。四地司法局依托凤翔街道司法所设立联络室。服务东岭瑶族乡、西岭瑶族乡两个民族乡。",
                   region="湖滨区", city="三门峡市")
    towns = [c for c in reading.candidates if c.rule == "town-by-suffix"]
    assert sum(c.canonical == "凤翔街道" for c in towns) == 2
    assert "西岭瑶族乡" in {c.canonical for c in towns}
    assert "湖滨区凤翔街道司法所" in reading.found(type_="Institution")


def test_a_far_countys_name_inside_a_word_is_no_county(read):
    found = read("县人民法院会签《东江源区生态环境司法保护协作意见》。与吉林省白山市江源区司法局签订协议。", region="和平县", city="河源市").found(type_="Place")
    spans = [(c.start, c.canonical) for c in found.values()]
    assert [canonical for _, canonical in spans if canonical == "江源区"] == ["江源区"]  # the written one only
    assert found["江源区"].start > 20
