"""English names: glossary heads translated, the rest in pinyin word by word."""

from __future__ import annotations

from govkg.loaders.english import english_name


def test_glossary_heads_of_the_new_bodies_and_points_are_translated():
    assert english_name("中共青浦区委党校", ["青浦区"]) == "CPC Qingpu District Committee Party School"
    assert english_name("青浦区律师协会", ["青浦区"]) == "Qingpu District Lawyers Association"
    assert english_name("夏阳街道基层立法联系点", ["夏阳街道"]).endswith("Grassroots Legislative Contact Point")


def test_untranslated_words_are_romanised_one_word_each():
    name = english_name("青浦区人民法院朱家角人民法庭", ["青浦区"])
    assert "Zhujiajiao People's Tribunal" in name
    assert not any(len(word) > 12 for word in english_name("学习贯彻依法治国方略").split())


def test_a_documents_title_reads_in_english_word_order():
    assert english_name("萧县人民政府关于2023年度法治政府建设情况的报告") == (
        "Report of Xiao County People's Government on Law-Based Government Development in 2023")
    assert english_name("静海区2023年度法治政府建设工作情况报告").startswith("Report of Jinghai District on ")
    joint = english_name("中共临沭县委 临沭县人民政府关于2024年度法治政府建设情况的报告")
    assert joint.startswith("Report of CPC Linshu County Committee and Linshu County People's Government on ")
    assert english_name("关于加强行政执法协作的意见").startswith("Opinions on ")


def test_a_name_that_is_no_document_title_keeps_the_chinese_order():
    assert english_name("青浦区人民政府") == "Qingpu District People's Government"
    assert english_name("中共萧县县委") == "CPC Xiao County Committee"
