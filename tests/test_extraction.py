"""Extraction quality and behaviour, on the bundled report and on reports written for the tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govkg.loaders.evaluate import consistency_errors, score
from govkg.loaders.extract import extract_report
from govkg.loaders.text import parse_report, read_report
from reports import FIXTURE_NAMES, FIXTURES, SEED, SEED_GOLD, by_name, fixture, gold, seed


def _scores(x, gold_path, text):
    return {s.name: s for s in score(x, gold(gold_path), text)}


def test_bundled_report_meets_the_acceptance_scores():
    scores = _scores(seed(), SEED_GOLD, read_report(SEED).text)
    assert scores["entities"].recall >= 0.90
    assert scores["entities"].precision >= 0.85
    assert scores["statistics"].recall >= 0.95
    assert scores["relations (explicit)"].recall >= 0.80


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_reports_written_for_the_tests_score_reasonably(name):
    """Reports of other districts and years the rules were not written from."""
    path = FIXTURES / f"{name}.txt"
    scores = _scores(fixture(name), FIXTURES / f"{name}.gold.json", read_report(path).text)
    assert scores["entities"].recall >= 0.75, scores["entities"]
    assert scores["entities"].precision >= 0.80, scores["entities"]
    assert scores["statistics"].recall >= 0.90, scores["statistics"]


@pytest.mark.parametrize("name", ["qingpu-2024", *FIXTURE_NAMES])
def test_percentage_consistency_agrees_with_the_annotations(name):
    path = SEED if name == "qingpu-2024" else FIXTURES / f"{name}.txt"
    gold_path = SEED_GOLD if name == "qingpu-2024" else FIXTURES / f"{name}.gold.json"
    assert consistency_errors(fixture(name) if name != "qingpu-2024" else seed(), gold(gold_path), read_report(path).text) == []


def test_an_inconsistent_percentage_is_flagged_with_its_check():
    flagged = [s for s in fixture("wujiang-2024").statistics if s.consistent is False]
    assert flagged and all(s.unit == "%" and "/" in s.check for s in flagged)


def test_numbers_inside_names_are_not_statistics():
    values = {s.value for s in seed().statistics}
    assert not values & {365, 12348, 24}
    text = "2024年宝山区法治政府建设情况报告\n开通“12345”热线，推行“1+3+N”机制和“7*24小时”服务，办理咨询120件。"
    assert [(s.value, s.unit) for s in extract_report(parse_report(text)).statistics] == [(120, "件")]


def test_short_forms_resolve_from_the_reporting_region():
    assert "嘉善县市场监督管理局" in by_name(fixture("jiashan-2023")) or "嘉善县司法局" in by_name(fixture("jiashan-2023"))
    names = by_name(seed())
    assert "青浦区市场监督管理局" in names and "上海市人民政府" in names
    text = "2024年宝山区法治政府建设情况报告\n区市场监管局会同区司法局开展培训。"
    other = by_name(extract_report(parse_report(text)))
    assert "宝山区市场监督管理局" in other and "宝山区司法局" in other and "青浦区市场监督管理局" not in other


def test_one_phrase_names_two_cross_border_points_in_two_provinces():
    from govkg.loaders.gazetteer import load_gazetteer

    x = seed()
    entities = {e.id: e for e in x.entities}
    points = [e for e in x.entities if e.type == "ObservationPoint" and "跨域" in e.name]
    assert len(points) == 2
    provinces = set()
    for point in points:
        (place,) = [entities[r.target] for r in x.relations if r.type == "LOCATED_IN" and r.source == point.id]
        provinces.add(load_gazetteer().province(place.name))
    assert provinces == {"上海市", "江苏省"}


def test_generalises_to_an_unseen_phrasing():
    text = (
        "2025年嘉定区法治政府建设情况报告\n"
        "一、加强区域协作\n与太仓市、昆山市签订《嘉昆太法治协作框架协议》。在华亭镇设立1个基层法治观察点。"
        "成立嘉定区劳动争议联合调解中心，建立“一窗通办”服务机制。共收到行政复议申请200件，立案前化解50件，化解率为25%。"
    )
    x = extract_report(parse_report(text))
    names = by_name(x)
    assert names["嘉昆太法治协作框架协议"].type == "Agreement"
    assert names["嘉定区劳动争议联合调解中心"].type == "MediationCentre"
    parties = {x.entity(r.source).name for r in x.relations if r.type == "PARTY_TO"}
    assert {"太仓市", "昆山市"} <= parties
    rate = next(s for s in x.statistics if s.unit == "%")
    assert rate.value == 25 and rate.consistent is True


def test_every_mention_and_evidence_is_exact_text():
    x = seed()
    text = read_report(SEED).text
    for e in x.entities:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text
    for r in x.relations:
        if r.evidence:
            assert text[r.evidence.start:r.evidence.end] == r.evidence.text
    for s in x.statistics:
        assert text[s.start:s.end] == s.text


def test_output_is_deterministic():
    text = read_report(SEED).text
    first = json.dumps(extract_report(parse_report(text, "a.txt")).to_dict(), ensure_ascii=False)
    second = json.dumps(extract_report(parse_report(text, "a.txt")).to_dict(), ensure_ascii=False)
    assert first == second


def test_english_names_translate_heads_and_romanise_names():
    names = by_name(seed())
    assert names["青浦区人民政府"].name_en == "Qingpu District People's Government"
    assert names["青浦区"].name_en == "Qingpu District"
    assert all(e.name_en and e.name_en.isascii() for e in seed().entities if "“" not in e.name)


def test_places_carry_codes_and_provinces():
    places = {e.name: e for e in seed().entities if e.type == "Place"}
    assert places["青浦区"].attributes["code"] == "310118"
    assert places["昆山市"].attributes["province"] == "江苏省"
    assert places["长三角生态绿色一体化发展示范区"].cls == "CooperationZone"


HOLDOUT = Path(__file__).parent / "data" / "holdout"


@pytest.mark.parametrize("name", sorted(p.stem for p in HOLDOUT.glob("*.txt")))
def test_held_out_reports_keep_their_scores(name):
    """Reports written by someone else after the rules; a guard against regressions, not a target.

    Precision's floor is 0.73, not 0.75: the places written inside another region's body names
    (南京市江宁区司法局 → 南京市, 江宁区) are entities, as the national gold annotates them, and so are
    mechanisms named by a list sharing one head (健全A、B和C全流程机制); this older gold lists
    neither, so they count as false positives here.
    """
    from govkg.loaders.extract import extract_file

    path = HOLDOUT / f"{name}.txt"
    scores = _scores(extract_file(path), HOLDOUT / f"{name}.gold.json", read_report(path).text)
    assert scores["entities"].recall >= 0.70 and scores["entities"].precision >= 0.73, scores["entities"]
    assert scores["statistics"].recall >= 0.95, scores["statistics"]
    assert consistency_errors(extract_file(path), gold(HOLDOUT / f"{name}.gold.json"), read_report(path).text) == []


@pytest.mark.parametrize("opening, closing", [("「", "」"), ('"', '"'), ("『", "』")])
def test_other_quotation_styles_read_like_chinese_quotes(opening, closing):
    text = f"2024年宝山区法治政府建设情况报告\n深化{opening}免申即享{closing}服务，建立{opening}庭所联动{closing}工作机制。"
    x = extract_report(parse_report(text))
    mechanisms = {e.name: e for e in x.entities if e.type == "Mechanism"}
    assert "“免申即享”服务" in mechanisms and "“庭所联动”工作机制" in mechanisms
    mention = mechanisms["“免申即享”服务"].mentions[0]
    assert text[mention.start:mention.end] == mention.text == f"{opening}免申即享{closing}服务"


def test_full_width_figures_are_read():
    text = "2024年宝山区法治政府建设情况报告\n收到行政复议申请２００件，立案前化解５０件，化解率为２５．０％。"
    stats = extract_report(parse_report(text)).statistics
    assert [(s.value, s.unit) for s in stats] == [(200, "件"), (50, "件"), (25.0, "%")]
    assert stats[-1].consistent is True and stats[0].text.endswith("２００件")
