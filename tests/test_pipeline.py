"""The extraction pipeline as spaCy sees it: declared components, spans, saving and loading, layers."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from govkg.cli import cli
from govkg.loaders.pipeline import build_pipeline, run
from govkg.loaders.rules import RULE_COMPONENTS
from govkg.loaders.rules.component import RuleComponent, candidates, relations
from govkg.ontology.schema import load_schema
from reports import SEED

SHORT = "2024年青浦区法治政府建设情况报告\n区司法局与吴江区司法局签订《长三角生态绿色一体化发展示范区行政复议工作协作框架协议》，建立“府院联动”工作机制。"


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pipeline") / "govkg-zh"
    result = CliRunner().invoke(cli, ["pipeline", "save", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return folder


def test_every_rule_component_declares_what_it_assigns_and_requires():
    nlp = build_pipeline()
    assert nlp.pipe_names == RULE_COMPONENTS
    analysis = nlp.analyze_pipes()
    assert analysis["problems"] == {name: [] for name in RULE_COMPONENTS}
    for name in RULE_COMPONENTS:
        meta = nlp.get_pipe_meta(name)
        assert meta.assigns, name
        assert isinstance(nlp.get_pipe(name), RuleComponent)


def test_spans_are_labelled_with_ontology_classes_and_carry_the_canonical_name():
    doc = run(build_pipeline(), SHORT, "青浦区", "上海市")
    classes = set(load_schema().classes)
    spans = list(doc.spans["govkg"])
    assert spans and len(spans) == len(candidates(doc))
    for span, candidate in zip(spans, candidates(doc)):
        assert span.label_ == candidate.cls and span.label_ in classes
        assert span.kb_id_ == candidate.canonical
        assert span.start_char <= candidate.start and candidate.end <= span.end_char  # token-aligned around the exact offsets
    assert all(r.type in set(load_schema().relation_types) for r in relations(doc))


def test_no_component_removes_or_changes_what_an_earlier_one_wrote():
    nlp = build_pipeline()
    doc = nlp.make_doc(SEED.read_text(encoding="utf-8"))
    doc._.govkg_region, doc._.govkg_city = "青浦区", "上海市"
    before: tuple = ()
    for name, component in nlp.pipeline:
        doc = component(doc)
        now = candidates(doc)
        assert now[:len(before)] == before, f"{name} changed earlier candidates"
        before = now
    with pytest.raises(dataclasses.FrozenInstanceError):
        before[0].canonical = "x"  # type: ignore[misc]


def test_plain_spacy_load_of_a_saved_pipeline_fills_the_spans(saved):
    """A fresh interpreter that imports only spaCy: the factories come from govkg's entry points."""
    script = (
        "import json, spacy, sys\n"
        f"nlp = spacy.load({str(saved)!r})\n"
        f"doc = nlp({SHORT!r})\n"
        "print(json.dumps([[s.text, s.label_] for s in doc.spans['govkg']], ensure_ascii=False))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    spans = json.loads(out.strip().splitlines()[-1])
    assert ["“府院联动”工作机制", "WorkMechanism"] in spans and ["吴江区司法局", "Department"] in spans


def test_a_loaded_pipeline_reads_who_reports_from_the_text(saved):
    """nlp(text) with no region set: the short forms are the reporting region's, as govkg extract names them."""
    import spacy

    report = SEED.read_text(encoding="utf-8")
    doc = spacy.load(saved)(report)
    names = {s.kb_id_ for s in doc.spans["govkg"]}
    assert {"青浦区人民政府", "中共青浦区委", "青浦区市场监督管理局"} <= names and "人民政府" not in names
    assert "惠民县" not in names  # a county's short form (惠民) counts only within the reporting region's province


def test_extract_with_the_saved_pipeline_gives_the_same_bytes(saved):
    runner = CliRunner()
    default = runner.invoke(cli, ["extract", str(SEED), "--format", "json"], catch_exceptions=False)
    loaded = runner.invoke(cli, ["extract", str(SEED), "--format", "json", "--model", str(saved)], catch_exceptions=False)
    assert default.exit_code == loaded.exit_code == 0
    assert loaded.stdout == default.stdout


def test_a_saved_vocabulary_is_the_one_used(saved, tmp_path):
    """The components read the vocabulary saved beside them, not the shipped file."""
    import spacy

    nlp = spacy.load(saved)
    titles = nlp.get_pipe("govkg_titles")
    assert titles.vocabulary.national_law_prefix == "中华人民共和国"
    data = json.loads((saved / "govkg_titles" / "vocabulary.json").read_text(encoding="utf-8"))
    data["national_law_prefix"] = "全国"
    changed = tmp_path / "changed"
    nlp.to_disk(changed)
    (changed / "govkg_titles" / "vocabulary.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    doc = spacy.load(changed)("认真贯彻《行政复议法》。")
    assert [s.kb_id_ for s in doc.spans["govkg"]] == ["全国行政复议法"]


def test_a_vocabulary_naming_a_class_outside_the_ontology_fails_to_load(saved, tmp_path):
    import spacy

    nlp = spacy.load(saved)
    nlp.to_disk(tmp_path / "bad")
    path = tmp_path / "bad" / "govkg_titles" / "vocabulary.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["title_heads"][0][2] = "CooperationAgrement"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="CooperationAgrement"):
        spacy.load(tmp_path / "bad")


def test_displacy_renders_the_bundled_reports_spans():
    from spacy import displacy

    doc = run(build_pipeline(), SEED.read_text(encoding="utf-8"), "青浦区", "上海市")
    html = displacy.render(doc, style="span", options={"spans_key": "govkg"}, page=True)
    labels = {span.label_ for span in doc.spans["govkg"]}
    assert {"County", "Township", "WorkMechanism", "ObservationPoint"} <= labels
    assert all(label in html for label in labels) and html.count("<span") > len(doc.spans["govkg"])


def test_a_users_own_pipeline_can_be_the_base(tmp_path):
    """An installed pipeline (here one saved with an entity ruler) runs first; its entities join the rules'."""
    import spacy

    own = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    own.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "青浦海关"}])
    own.to_disk(tmp_path / "own-model")
    nlp = build_pipeline(str(tmp_path / "own-model"))
    assert nlp.pipe_names[0] == "entity_ruler"
    assert nlp.pipe_names.index("govkg_model_entities") < nlp.pipe_names.index("govkg_branches")
    doc = run(nlp, "2024年青浦区法治政府建设情况报告\n青浦海关与区司法局签订合作协议。", "青浦区", "上海市")
    found = {(c.type, c.canonical, c.rule) for c in candidates(doc)}
    assert ("Institution", "青浦海关", "model") in found and any(c[1] == "青浦区司法局" for c in found)


def test_saving_into_a_file_path_is_a_one_line_error(tmp_path):
    target = tmp_path / "a-file"
    target.write_text("x")
    result = CliRunner().invoke(cli, ["pipeline", "save", str(target / "inside")])
    assert result.exit_code != 0 and "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("module", ["govkg.graph.rdf", "govkg.graph.mapping", "govkg.graph.nx_view", "govkg.loaders.model"])
def test_the_stores_import_no_spacy(module):
    script = f"import {module}, sys; assert 'spacy' not in sys.modules, 'spacy imported'"
    subprocess.run([sys.executable, "-c", script], check=True)
