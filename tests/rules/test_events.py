"""Events (govkg_events): known events and their editions, ordinal events."""

from __future__ import annotations


def test_an_edition_of_a_known_event_is_part_of_its_series(read):
    reading = read("做好第七届进博会服务保障。")
    edition = reading.found("known-event")["第七届中国国际进口博览会"]
    assert edition.cls == "Expo" and edition.attributes["series"] == "中国国际进口博览会"
    assert ("PART_OF", "第七届中国国际进口博览会", "中国国际进口博览会") in reading.triples()


def test_a_known_event_without_edition_is_the_series(read):
    assert "中国国际进口博览会" in read("服务保障进博会。").found("known-event")


def test_an_ordinal_event_after_a_place(read):
    assert "长三角第三届法治论坛" in read("举办长三角第三届法治论坛。").found("ordinal-event")


def test_an_ordinal_without_an_event_head_is_no_event(read):
    assert read("召开第三届理事会。").found("ordinal-event") == {}
