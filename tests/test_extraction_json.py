"""``govkg extract --format json`` writes with orjson the exact text ``json.dumps(indent=2, ensure_ascii=False)`` would."""

from __future__ import annotations

import dataclasses
import json

from govkg.loaders.model import Entity, Extraction, Mention, Relation, ReportMeta, Statistic, extraction_from_dict, extractions_json


def _extraction(report_id: str) -> Extraction:
    """Values that serialisers write differently if any: small and integral floats, nulls, escapes, line separators, empty lists."""
    mention = Mention("青浦区\u2028司法局", 3, 9, 'a "quoted"\tsentence\n\\ ')
    return Extraction(
        report=ReportMeta(report_id, "2024年法治政府建设情况报告", "青浦区", 2024, None, "a/b.txt", "0" * 64, "district government", "青浦区人民政府"),
        entities=(
            Entity("institution-1", "Institution", "JusticeBureau", "青浦区司法局", "Qingpu Justice Bureau", (), (mention,), {"code": "310118", "level": 3, "share": 2e-06}),
            Entity("place-2", "Place", "District", "青浦区", "", ("青浦",), ()),
        ),
        relations=(Relation("LOCATED_IN", "institution-1", "place-2", True, None), Relation("PART_OF", "place-2", "place-2", False, mention)),
        statistics=tuple(
            Statistic(f"s{i}", "cases", value, "件", "12件", 0, 3, i % 2 == 0, None if i else True, None)
            for i, value in enumerate((12.0, 0.1, 1e-05, -3e-7, 1e16, 123456789.123, 2.5e-300, 0.0, -3.75, float("nan"), float("inf")))
        ),
    )


def test_one_and_several_extractions_are_written_as_json_dumps_writes_them() -> None:
    one, two = _extraction("r1"), _extraction("r2")
    assert extractions_json([one]) == json.dumps(one.to_dict(), ensure_ascii=False, indent=2) + "\n"
    assert extractions_json([one, two]) == json.dumps([one.to_dict(), two.to_dict()], ensure_ascii=False, indent=2) + "\n"


def test_to_dict_keeps_every_field_in_order_and_reads_back() -> None:
    x = _extraction("r1")
    data = x.to_dict()
    assert list(data["report"]) == [f.name for f in dataclasses.fields(ReportMeta)]
    assert list(data["statistics"][0]) == [f.name for f in dataclasses.fields(Statistic)]
    assert list(data["entities"][0]["mentions"][0]) == [f.name for f in dataclasses.fields(Mention)]
    finite = dataclasses.replace(x, statistics=x.statistics[:-2])  # NaN is not equal to itself
    assert extraction_from_dict(json.loads(extractions_json([finite]))) == finite
