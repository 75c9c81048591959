from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govkg.errors import GovKGError, InputError
from govkg.loaders.text import Hints, decode, parse_report, read_report
from reports import SEED

HEADER = "2023年嘉定区法治政府建设情况报告\n\n2024年3月5日\n\n"
BODY = "2023年，嘉定区人民政府坚持依法行政，区司法局成立区行政争议调解中心。"


def test_metadata_of_the_bundled_report():
    meta = read_report(SEED).meta
    assert (meta.title, meta.region, meta.year, meta.published) == ("2024年青浦区法治政府建设情况报告", "青浦区", 2024, "2025-02-08")
    assert meta.id == "qingpuqu-2024" and meta.body_kind == "district government" and len(meta.sha256) == 64


@pytest.mark.parametrize(
    "title, date, region, year, published, kind",
    [
        ("2023年嘉定区法治政府建设情况报告", "2024年3月5日", "嘉定区", 2023, "2024-03-05", "district government"),
        ("嘉善县2022年度法治政府建设工作报告", "2023-01-31", "嘉善县", 2022, "2023-01-31", "county government"),
        ("2024年昆山市法治政府建设情况报告", "2025/2/1", "昆山市", 2024, "2025-02-01", "city government"),
        ("上海市闵行区司法局2024年法治政府建设情况报告", "2025.01.20", "闵行区", 2024, "2025-01-20", "department"),
    ],
)
def test_metadata_variants(title, date, region, year, published, kind):
    meta = parse_report(f"{title}\n{date}\n{BODY}").meta
    assert (meta.region, meta.year, meta.published, meta.body_kind) == (region, year, published, kind)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5"])
def test_encodings_decode(encoding):
    text = HEADER + BODY
    if encoding == "big5":
        text = "2023年臺北區法治政府建設情況報告\n依法行政。"
    assert decode(text.encode(encoding)) == text


@pytest.mark.parametrize(
    "content, message",
    [(b"", "empty"), (b"   \n\n", "empty"), (b"\x00\x01\x02PNG\x00" * 50, "binary"), ("今天天气很好，我们去公园散步。".encode(), "not a rule-of-law")],
)
def test_bad_inputs_raise_input_error(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_report(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_report(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read_report(tmp_path)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_escape_as_other_errors(data):
    try:
        decode(data)
    except InputError:
        pass


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("区县市政府局《》〈〉“”，。、；：()（）0123456789%件个家约余设立签订在青浦昆山示范区观察点中心")), max_size=300))
def test_random_report_bodies_extract_or_fail_cleanly(body):
    from govkg.loaders.extract import extract_report

    try:
        extract_report(parse_report(HEADER + body))
    except GovKGError:
        pass


# --------------------------------------------------------------------------- the genre's shapes, nationwide

OPENING = ("2024年，{region}坚持以习近平法治思想为指导，全面推进法治政府建设，法治政府建设取得新成效。现将有关情况报告如下。\n\n"
           "一、主要举措和成效\n\n围绕法治政府建设目标，深化行政执法改革。\n\n二、存在的不足\n\n法治政府建设仍有短板。\n")


@pytest.mark.parametrize(
    "head, region, body, kind, ident",
    [
        ("广州市白云区人民政府关于2024年度法治政府建设情况的报告", "广州市白云区", "白云区人民政府", "district government", "guangzhoushibaiyunqu-2024"),
        ("浚县2024年度法治政府建设工作情况报告", "浚县", "浚县人民政府", "county government", "xunxian-2024"),
        ("静海区2024年法治政府建设年度情况报告", "静海区", "静海区人民政府", "district government", "jinghaiqu-2024"),
        ("静海区2024年法治政府建设年度报告", "静海区", "静海区人民政府", "district government", "jinghaiqu-2024"),
        ("北京市平谷区司法局2024年度法治政府建设工作报告", "平谷区", "平谷区司法局", "department", "pingguqusifaju-2024"),
        ("中共临沭县委 临沭县人民政府关于2024年度法治政府建设情况的报告", "临沭县", "中共临沭县委、临沭县人民政府", "joint party-government", "linshuxian-2024"),
        ("中共临沭县委\n临沭县人民政府关于2024年度法治政府建设情况的报告", "临沭县", "中共临沭县委、临沭县人民政府", "joint party-government", "linshuxian-2024"),
        ("中共萧县县委 萧县人民政府关于2024年度法治政府建设情况的报告", "萧县", "中共萧县县委、萧县人民政府", "joint party-government", "xiaoxian-2024"),
        ("中共宁夏回族自治区委员会 宁夏回族自治区人民政府关于2024年度法治政府建设情况的报告", "宁夏回族自治区", "中共宁夏回族自治区委员会、宁夏回族自治区人民政府", "joint party-government", "ningxiahuizuzizhiqu-2024"),
        ("标题: | 南乐县2024年法治政府建设情况报告 |\n发布机构: | 县政府办公室 |", "南乐县", "南乐县人民政府", "county government", "nanlexian-2024"),
        ("太倉市2024年度法治政府建設工作情況報告", "太仓市", "太仓市人民政府", "city government", "taicangshi-2024"),
    ],
)
def test_title_shapes_of_the_genre(head, region, body, kind, ident):
    meta = parse_report(f"{head}\n\n{OPENING.format(region=region[-3:])}", "page.txt").meta
    assert (meta.region, meta.year, meta.body, meta.body_kind, meta.id) == (region, 2024, body, kind, ident)


def test_a_traditional_report_has_simplified_metadata_and_keeps_its_text():
    text = "太倉市2024年度法治政府建設工作情況報告\n\n" + OPENING.format(region="太倉市")
    report = parse_report(text, "t.txt")
    assert report.meta.title == "太仓市2024年度法治政府建设工作情况报告" and report.meta.region == "太仓市"
    assert report.text == text


def test_simplified_copy_keeps_every_offset():
    from govkg.loaders.script import to_simplified

    text = "太倉市與崑山市簽訂《協議》，乾隆年間的裡弄。\n發揮頭雁作用，麵對群眾。"
    simplified = to_simplified(text)
    assert len(simplified) == len(text) and simplified.startswith("太仓市与昆山市签订《协议》")
    assert to_simplified("青浦区人民政府") == "青浦区人民政府"


@pytest.mark.parametrize("typeset", ["宁县 2024 年度法治政府建设情况报告", "宁县2024 年度法治政府建设情况报告", "宁县 2024年度法治政府建设情况报告"])
def test_a_title_typeset_with_spaces_beside_its_year_is_named_without_them(typeset):
    meta = parse_report(f"{typeset}\n\n{OPENING.format(region='宁县')}", "page.txt").meta
    assert (meta.title, meta.region, meta.year) == ("宁县2024年度法治政府建设情况报告", "宁县", 2024)


def test_no_title_in_the_text_the_file_name_has_it(tmp_path):
    path = tmp_path / "顺德区2024年度法治政府建设情况报告_佛山市顺德区人民政府.txt"
    path.write_text("无障碍 | 繁体\n\n" + "各单位：\n\n" + OPENING.format(region="顺德区").replace("2024年，", "一年来，"), encoding="utf-8")
    meta = read_report(path).meta
    assert (meta.title, meta.region, meta.year) == ("顺德区2024年度法治政府建设情况报告", "顺德区", 2024)


def test_no_title_anywhere_the_opening_tells():
    meta = parse_report(OPENING.format(region="鹤壁市淇滨区"), "report.txt").meta
    assert (meta.region, meta.year, meta.body, meta.title) == ("淇滨区", 2024, "淇滨区人民政府", "淇滨区人民政府2024年度法治政府建设情况报告")


def test_addressee_line_and_a_title_without_a_subject():
    text = "关于2024年度法治政府建设情况的报告\n\n鹤壁市人民政府、中共浚县县委：\n\n" + OPENING.format(region="浚县")
    meta = parse_report(text, "x.txt").meta
    assert (meta.region, meta.body_kind) == ("浚县", "county government")


def test_hints_override_what_the_text_says():
    from govkg.loaders.text import Hints

    meta = parse_report(OPENING.format(region="淇滨区"), "x.txt", Hints(region="静海区", year=2023, title="静海区2023年法治政府建设情况报告")).meta
    assert (meta.region, meta.year, meta.title, meta.id) == ("静海区", 2023, "静海区2023年法治政府建设情况报告", "jinghaiqu-2023")


@pytest.mark.parametrize("text, reason", [
    ("明天多云转晴，气温5到12摄氏度，东南风3级。请市民注意添衣保暖。\n", "法治政府 named 0 time(s)"),
    ("区司法局召开法治政府建设推进会\n\n2024年12月2日\n\n12月2日，区司法局召开法治政府建设推进会，部署法治政府建设工作，要求各单位把法治政府建设落到实处。\n", "news item"),
])
def test_texts_not_of_the_genre_are_refused_with_the_reason(text, reason):
    with pytest.raises(InputError, match="not a rule-of-law government report") as raised:
        parse_report(text, "note.txt")
    assert reason in str(raised.value)


def test_the_government_and_a_department_of_one_region_and_year_are_two_reports():
    government = parse_report("2024年青浦区法治政府建设情况报告\n" + BODY).meta
    department = parse_report("青浦区司法局2024年法治政府建设情况报告\n" + BODY).meta
    assert government.region == department.region and government.year == department.year
    assert government.id != department.id


# Shapes seen on real report pages (a black-box check of 33 saved pages, 2026-12-01); sentences our own.
OPENING_BODY = "坚持以习近平法治思想为指导，全面推进法治政府建设。\n一、主要举措\n法治政府建设取得新成效，法治政府建设考核位居前列。"


@pytest.mark.parametrize(
    "text, name, title",
    [
        ("2025年岷县法治政府建设情况\n日期：2026-01-20\n2025年，岷县" + OPENING_BODY, "page.txt", "2025年岷县法治政府建设情况"),
        ("2025年，岷县" + OPENING_BODY, "2025年岷县法治政府建设情况.txt", "2025年岷县法治政府建设情况"),
        ("甘肃省人民政府2023年度法治政府建设工作情况\n2023年，省政府" + OPENING_BODY, "x.txt", "甘肃省人民政府2023年度法治政府建设工作情况"),
    ],
)
def test_a_title_that_stops_at_its_situation(tmp_path, text, name, title):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert read_report(path).meta.title == title


def test_a_numbered_heading_is_no_title():
    meta = parse_report("2024年，汕头市澄海区" + OPENING_BODY + "\n一、2024年度法治政府建设情况\n……", "a.txt").meta
    assert meta.title == "澄海区人民政府2024年度法治政府建设情况报告" and meta.region == "澄海区"


def test_the_body_on_its_own_line_above_a_title_without_region():
    text = "2024年法治政府建设工作年度报告\n政策法规科 2024-12-30\n\n绵阳市人力资源和社会保障局\n\n2024年法治政府建设工作年度报告\n\n2024年，我局" + OPENING_BODY
    meta = parse_report(text, "2024年法治政府建设工作年度报告.txt").meta
    assert (meta.region, meta.body, meta.body_kind) == ("绵阳市", "绵阳市人力资源和社会保障局", "department")
    assert meta.title == "绵阳市人力资源和社会保障局2024年法治政府建设工作年度报告"


@pytest.mark.parametrize(
    "opening, year, region",
    [
        ("2020年是“十三五”规划收官之年，浙江省各级政府", 2020, "浙江省"),
        ("2021年时间节点特殊，这一年，邯郸市委、市政府", 2021, "邯郸市"),
        ("  • 2022年，贵州省人民政府", 2022, "贵州省"),
    ],
)
def test_openings_of_more_shapes(opening, year, region):
    meta = parse_report(opening + OPENING_BODY, "t20250101_1.txt").meta
    assert (meta.year, meta.region) == (year, region)
    assert meta.body_kind in ("province government", "city government")


def test_a_department_named_in_the_opening_reports():
    meta = parse_report("2024年，揭阳市司法局" + OPENING_BODY, "post_1.txt").meta
    assert (meta.body, meta.body_kind, meta.region) == ("揭阳市司法局", "department", "揭阳市")


def test_a_government_opening_after_leadership_stays_the_governments():
    meta = parse_report("2024年，在市委、市政府的正确领导下，越秀区委、区政府" + OPENING_BODY, "post_2.txt").meta
    assert (meta.body, meta.body_kind) == ("越秀区人民政府", "district government")


@pytest.mark.parametrize("region_word", ["我县", "本区", "某县"])
def test_a_report_speaking_of_itself_names_no_region(region_word):
    text = f"根据规定，现将{region_word}2020年度法治政府建设情况报告如下。\n2020年，县政府" + OPENING_BODY
    with pytest.raises(InputError, match="no reporting region"):
        parse_report(text, "content_1.txt")
    assert parse_report(text, "content_1.txt", Hints(region="平江县")).meta.body == "平江县人民政府"


def test_an_autonomous_region_is_province_level():
    meta = parse_report("广西壮族自治区人民政府关于2023年度法治政府建设情况的报告\n2023年，自治区人民政府" + OPENING_BODY).meta
    assert (meta.region, meta.body_kind) == ("广西壮族自治区", "province government")


@pytest.mark.parametrize(
    "head, reason",
    [
        ("【政策解读】关于《天水市人民政府关于2023年度法治政府建设情况的报告》的政策解读\n现解读如下：\n一、起草背景", "reading of a report"),
        ("《中共榆林市委 榆林市人民政府关于2024年法治政府建设情况的报告》文件解读\n一、背景依据", "reading of a report"),
        ("酒泉市人民政府关于印发酒泉市2021年度法治政府建设工作要点的通知\n各县（市、区）人民政府：", "notice, plan or rules"),
        ("武威市2024年法治政府建设工作计划\n2024年，全市", "notice, plan or rules"),
    ],
)
def test_pages_of_the_family_that_are_not_reports_are_refused(tmp_path, head, reason):
    path = tmp_path / "天水市2023年度法治政府建设情况报告.txt"  # saved under the report's name, as such pages often are
    path.write_text(head + "\n2023年，天水市" + OPENING_BODY, encoding="utf-8")
    with pytest.raises(InputError, match=reason):
        read_report(path)


def test_a_date_inside_a_sentence_is_not_the_publication_date():
    text = "2019年南丰县法治政府建设工作报告\n2019年，南丰县经过调研，于2019年1月7日审议通过《南丰县机构改革实施方案》，" + OPENING_BODY
    assert parse_report(text).meta.published is None
    assert parse_report(text.replace("\n", "\n发布时间：2020-03-02 10:00\n", 1)).meta.published == "2020-03-02"


def test_inline_pinyin_readings_are_dropped():
    text = "2023年，全區(qū)各級人民政府堅持依法行政，認真貫徹對內(nèi)蒙古的指示，錫林郭勒盟(méng)" + OPENING_BODY
    report = parse_report(text, "t.txt", Hints(region="内蒙古自治区"))
    assert "(qū)" not in report.text and "內蒙古" in report.text and "錫林郭勒盟堅" not in report.text
    assert parse_report("2023年，XX区(A)类项目(PPP)，青浦区" + OPENING_BODY).text.count("(A)") == 1


@pytest.mark.parametrize("body", ["司法部", "国家税务总局", "海关总署", "国家林业和草原局"])
def test_a_central_bodys_report_is_refused_with_the_reason(body):
    text = f"{body}2024年法治政府建设年度报告\n2024年，{body}坚持" + OPENING_BODY
    with pytest.raises(InputError, match="central body"):
        parse_report(text, "x.txt")
    assert parse_report(text, "x.txt", Hints(region="东城区")).meta.region == "东城区"


def test_a_place_inside_a_title_or_a_word_is_not_the_reporter():
    inside_title = "2022年，我县紧扣《中共江西省委 江西省人民政府关于印发〈江西省法治政府建设实施纲要〉的通知》，" + OPENING_BODY
    with pytest.raises(InputError, match="no reporting region"):
        parse_report(inside_title, "t904758.txt")
    inside_word = "2023年，我县获得“全省法治政府建设示范县”命名，" + OPENING_BODY
    with pytest.raises(InputError, match="no reporting region"):
        parse_report(inside_word, "t1.txt")
    assert parse_report("2023年，沛县获得“全省法治政府建设示范县”命名，" + OPENING_BODY, "t2.txt").meta.region == "沛县"


@pytest.mark.parametrize("prefix", ["04-", "12_", "3.", "附件1-", "附件2、"])
def test_a_number_before_a_saved_files_title_is_not_part_of_it(tmp_path, prefix):
    path = tmp_path / f"{prefix}临夏县2024年法治政府建设情况报告.txt"
    path.write_text("各单位：\n" + OPENING.format(region="临夏县").replace("2024年，", "一年来，"), encoding="utf-8")
    assert read_report(path).meta.title == "临夏县2024年法治政府建设情况报告"


@pytest.mark.parametrize(
    "name, head",
    [
        ("赣州市召开新闻发布会介绍2024年法治政府建设情况.txt", "5月8日上午，赣州市人民政府新闻办召开发布会，通报一年来的工作。"),
        ("page.txt", "黑河市举行2024年度法治政府建设情况新闻发布会\n5月8日上午，黑河市人民政府新闻办召开发布会，通报一年来的工作。"),
    ],
)
def test_a_news_item_about_a_report_is_refused_as_one(tmp_path, name, head):
    path = tmp_path / name
    path.write_text(head + "\n发布会上，市司法局负责人介绍了法治政府建设情况。法治政府建设取得新成效，法治政府示范创建持续推进。", encoding="utf-8")
    with pytest.raises(InputError, match="news item"):
        read_report(path)


def test_a_notice_named_in_a_metadata_row_is_refused_as_one():
    text = ("索 引 号 | 11620300MB0000000X/2025-00001 | 主题分类 | 综合政务 |\n"
            "标 题 | 定西市人民政府关于印发《定西市法治政府建设示范创建实施方案》的通知 |\n"
            "各县（区）人民政府，市政府各部门：\n现将《实施方案》印发给你们，请认真贯彻落实。\n" + OPENING_BODY)
    with pytest.raises(InputError, match="notice, plan or rules"):
        parse_report(text, "定西市2024年法治政府建设情况报告.txt")


def test_a_date_a_sentence_gives_is_no_publication_date_even_on_a_short_line():
    text = "2024年通化市市场监督管理局法治政府建设工作报告\n--《通化市物业管理条例》于2024年1月1日正式施行。\n" + OPENING_BODY
    assert parse_report(text).meta.published is None


def test_a_district_branch_of_a_city_bureau_reports_with_its_parent():
    meta = parse_report("广州市公安局增城区分局关于2024年度法治政府建设情况的报告\n2024年，我分局" + OPENING_BODY).meta
    assert (meta.body, meta.region, meta.body_kind) == ("广州市公安局增城区分局", "增城区", "department")


@pytest.mark.parametrize(
    "opening, body",
    [
        ("2023年以来，县司法局在县委、县政府的坚强领导下，推动和政县法治政府建设，", "和政县司法局"),
        ("2024年，在县委、县政府的领导下，和政县人民政府办公室坚持依法行政，", "和政县人民政府办公室"),
    ],
)
def test_a_department_opening_without_a_title_reports_as_the_department(opening, body):
    meta = parse_report(opening + OPENING_BODY, "content_1234.txt").meta
    assert (meta.body, meta.region, meta.body_kind) == (body, "和政县", "department")


def test_a_departments_party_group_reports_for_the_department():
    meta = parse_report("中共梅县区教育局党组2024年度法治政府建设年度报告\n2024年，梅县区教育局" + OPENING_BODY).meta
    assert (meta.body, meta.region, meta.body_kind) == ("梅县区教育局", "梅县区", "department")


def test_a_bulleted_metadata_row_gives_the_title_without_its_label():
    text = "- 索引号: 11441400MB0000000X/2025-00001\n- 标题: 梅州市生态环境局2024年度法治政府建设报告\n- 发文字号:\n2024年，市生态环境局" + OPENING_BODY
    assert parse_report(text).meta.title == "梅州市生态环境局2024年度法治政府建设报告"


def test_a_summary_in_another_language_is_refused():
    text = ("梅州市人民政府关于2024年度法治政府建设情况的报告\nEnglish title (machine-translated)\n"
            + "In 2024, the city government advanced the rule of law in government and reported on its work. " * 8)
    with pytest.raises(InputError, match="mostly not Chinese"):
        parse_report(text, "page.txt")


@pytest.mark.parametrize("opening, title", [
    ("安化县2024年法治政府建设情况报告2024年，安化县坚持以习近平法治思想为指导，", "安化县2024年法治政府建设情况报告"),
    ("安化县人民政府关于2024年度法治政府建设情况的报告 县委、县政府高度重视法治政府建设，", "安化县人民政府关于2024年度法治政府建设情况的报告"),
])
def test_a_title_run_into_the_body_on_one_line_is_the_title(opening, title):
    meta = parse_report(opening + "县司法局与桃江县司法局签订《资水流域协作协议》。\n全年办理行政复议案件30件。\n", "page.txt").meta
    assert (meta.title, meta.region, meta.year) == (title, "安化县", 2024)


def test_a_news_item_whose_headline_runs_into_its_text_is_still_refused():
    with pytest.raises(InputError, match="not a rule-of-law government report"):
        parse_report("区司法局召开法治政府建设推进会12月2日，区司法局召开推进会，部署工作。\n", "note.txt")
