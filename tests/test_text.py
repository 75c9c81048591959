from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govkg.errors import GovKGError, InputError
from govkg.loaders.text import decode, parse_report, read_report
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
