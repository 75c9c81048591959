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
