"""tools/triage.py: each miss and spurious relation gets its cause; --show is refused for unread sets."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

from triage import Item, main, summary, triage  # noqa: E402

from govkg.loaders.model import Entity, Extraction, Mention, Relation, ReportMeta, Statistic  # noqa: E402

META = ReportMeta(id="t", title="", region="青浦区", year=2024, published=None, source="t.txt", sha256="", body_kind="district government")


def entity(id_: str, type_: str, name: str) -> Entity:
    return Entity(id_, type_, type_, name, "", (), (Mention(name, 0, len(name)),))


def relation(type_: str, source: str, target: str) -> Relation:
    return Relation(type_, source, target, False, None)


EXTRACTION = Extraction(META, (
    entity("a", "Institution", "青浦区司法局"), entity("b", "Institution", "吴江区司法局"),
    entity("c", "Document", "青吴协议"), entity("d", "Place", "金泽镇"), entity("e", "ObservationPoint", "金泽镇法治观察点"),
), (
    relation("PARTY_TO", "a", "c"), relation("LOCATED_IN", "d", "e"), relation("ESTABLISHED", "a", "b"),
), ())

GOLD = {
    "entities": [
        {"text": "青浦区司法局", "type": "Institution", "canonical": "青浦区司法局"},
        {"text": "吴江区司法局", "type": "Institution", "canonical": "吴江区司法局"},
        {"text": "青吴协议", "type": "Agreement", "canonical": "青吴协议"},
        {"text": "金泽镇", "type": "Place", "canonical": "金泽镇"},
        {"text": "金泽镇法治观察点", "type": "ObservationPoint", "canonical": "金泽镇法治观察点"},
        {"text": "朱家角镇", "type": "Place", "canonical": "朱家角镇"},
    ],
    "relations": [
        {"head": "吴江区司法局", "type": "PARTY_TO", "tail": "青吴协议"},
        {"head": "金泽镇法治观察点", "type": "LOCATED_IN", "tail": "金泽镇"},
        {"head": "金泽镇法治观察点", "type": "COVERS", "tail": "朱家角镇"},
        {"head": "青浦区司法局", "type": "ESTABLISHED", "tail": "金泽镇法治观察点"},
        {"head": "金泽镇", "type": "PART_OF", "tail": "青浦区", "implicit": True},
    ],
}


def test_each_error_gets_its_cause() -> None:
    items = {(i.kind, i.type, i.cause) for i in triage(EXTRACTION, GOLD)}
    assert items == {
        ("missed", "PARTY_TO", "endpoint with wrong type"),
        ("missed", "LOCATED_IN", "wrong direction"),
        ("missed", "COVERS", "tail missing"),
        ("missed", "ESTABLISHED", "both found, relation missing"),
        ("spurious", "PARTY_TO", "tail not in gold"),
        ("spurious", "LOCATED_IN", "wrong direction"),
        ("spurious", "ESTABLISHED", "both in gold, relation not annotated"),
        ("entity FN", "Agreement", "typed otherwise"),
        ("entity FN", "Place", "not found"),
        ("entity FP", "Document", ""),
    }


def test_percentage_checks_that_disagree_with_the_gold() -> None:
    text = "调解成功率95%，化解率80%，纠错率10%，办结率90%。"
    def stat(t: str, value: float, consistent: bool | None) -> Statistic:
        k = text.find(t)
        return Statistic(t, "", value, "%", t, k, k + len(t), False, consistent, None)
    extraction = Extraction(META, (), (), (stat("调解成功率95%", 95, False), stat("化解率80%", 80, True),
                                           stat("纠错率10%", 10, None), stat("办结率90%", 90, False)))
    gold = {"entities": [], "relations": [], "statistics": [
        {"text": "调解成功率95%", "value": 95, "consistent": True},
        {"text": "化解率80%", "value": 80, "consistent": False, "check": "8/12"},
        {"text": "纠错率10%", "value": 10, "consistent": True, "check": "1/10"},
        {"text": "办结率90%", "value": 90, "consistent": True, "verifiable": False},
    ]}
    assert {(i.kind, i.cause) for i in triage(extraction, gold, text)} == {
        ("false alarm", "consistent"), ("planted missed", ""), ("check not made", ""), ("false alarm", "unverifiable")}


def test_summary_counts_by_type_and_cause() -> None:
    lines = summary([Item("missed", "COVERS", "tail missing", ""), Item("missed", "COVERS", "head missing", "")])
    assert lines == ["missed: 2", "  by type:  COVERS 2", "  by cause: tail missing 1, head missing 1"]


@pytest.mark.parametrize("group", ["unseen", "unseen2", "unseen4", "unseen7", "unseen8", "held-out"])
def test_show_is_refused_for_unread_sets(group: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--show", "dev", group])
    assert "refused" in capsys.readouterr().err
