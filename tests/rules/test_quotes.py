"""Quoted names (govkg_quotes): “…” and the head after it, chains sharing one head, qualifiers, action verbs."""

from __future__ import annotations


def test_two_quotes_share_the_head_written_once_after_them(read):
    found = read("建立“府院联动”“府检联动”工作机制。").found("quote")
    assert {"“府院联动”工作机制", "“府检联动”工作机制"} <= set(found)
    assert all(found[name].cls == "WorkMechanism" for name in ("“府院联动”工作机制", "“府检联动”工作机制"))


def test_a_quote_holding_its_own_head_needs_none_after(read):
    found = read("推动“行政执法监督机制”落地见效。").found("quote")
    assert "行政执法监督机制" in found


def test_a_bare_quote_after_an_action_verb_is_a_mechanism(read):
    found = read("全面推行“双随机、一公开”监管。").found("quote")
    assert found["“双随机、一公开”"].type == "Mechanism"


def test_a_bare_quote_without_verb_or_head_names_nothing(read):
    assert read("群众称之为“贴心人”。").found("quote") == {}


def test_a_qualifier_before_the_quote_is_part_of_the_name(read):
    found = read("落实国家机关“谁执法谁普法”普法责任制。").found("quote")
    assert any(name.startswith("国家机关“谁执法谁普法”") for name in found)


def test_a_quote_inside_a_title_is_a_mechanism_of_its_own(read):
    found = read("印发《关于深化“一网通办”改革的实施意见》。").found("quote-in-title")
    assert "一网通办" in found


def test_a_qualifier_before_a_quote_starts_at_a_word(read):
    # 落实行政执法: the verb is 落实; 实行 across the word boundary would cut 行政 to 政
    found = read("全面落实行政执法“三项制度”，规范执法行为。").found("quote")
    assert "行政执法“三项制度”" in found


def test_a_quoted_mediation_room_is_a_mediation_centre_set_up_where_it_is(read):
    reading = read("区司法局在金泽镇设立“老娘舅”调解室，全年调处纠纷56件。")
    assert "“老娘舅”调解室" in {c.canonical for c in reading.candidates if c.rule == "quote" and c.type == "MediationCentre"}
    rooms = reading.found(type_="MediationCentre")  # the town's room, named by the town (as the golds name it)
    assert list(rooms) == ["青浦区金泽镇“老娘舅”调解室"]
    assert ("LOCATED_IN", "青浦区金泽镇“老娘舅”调解室", "金泽镇") in reading.triples(implicit=False)


def test_a_quote_with_its_own_head_followed_by_a_longer_head_is_the_longer_name(read):
    found = read("区司法局联合区教育局举办“法治宣传月”主题宣讲活动。").found()
    assert "“法治宣传月”主题宣讲活动" in found
    assert "“法治宣传月”" not in found and "法治宣传月" not in found


def test_a_quote_with_its_own_head_before_deng_and_a_kind_keeps_its_own_name(read):
    found = read("组织召开“快递行业法治观察会”“物流园区法治观察会”等主题法治观察会。").found()
    assert {"快递行业法治观察会", "物流园区法治观察会"} <= {name.strip("“”") for name in found}
