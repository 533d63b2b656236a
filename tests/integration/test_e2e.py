"""End to end through the public CLI on the five seed articles."""
import json
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED, run_kg


def _node(g, label, **props):
    return [n for n, d in g.nodes(data=True) if label in d["labels"].split(":")
            and all(d.get(k) == v for k, v in props.items())]


def test_official_holds_post_of_city(seeds_graph):
    g = seeds_graph
    (li,) = _node(g, "Official", name="李猛")
    targets = {(g.nodes[v]["name"], d["title"]) for _, v, d in g.out_edges(li, data=True) if d["label"] == "HOLDS"}
    assert ("德州市", "市委书记") in targets


def test_metric_value_normalized_and_reported_by_city(seeds_graph):
    g = seeds_graph
    (m,) = _node(g, "Metric", text="1.5万个")
    assert g.nodes[m]["value"] == 15000.0 and g.nodes[m]["subject"] == "党组织"
    reporters = {g.nodes[u]["name"] for u, _, d in g.in_edges(m, data=True) if d["label"] == "REPORTS"}
    assert reporters == {"德州市"}


def test_traditional_article_yields_simplified_officials_of_dingzhou(seeds_graph):
    g = seeds_graph
    for name in ("张涛", "张才芳"):
        (o,) = _node(g, "Official", name=name)
        places = {g.nodes[v]["name"] for _, v, d in g.out_edges(o, data=True) if d["label"] == "HOLDS"}
        assert places == {"定州市"}


def test_home_city_and_hierarchy(seeds_graph):
    g = seeds_graph
    (art,) = _node(g, "Article", source="001_db364317d8769199.txt")
    about = [g.nodes[v]["name"] for _, v, d in g.out_edges(art, data=True) if d["label"] == "ABOUT"]
    assert about == ["宁乡市"]
    (ningxiang,) = _node(g, "City", name="宁乡市")
    parents = [g.nodes[v]["name"] for _, v, d in g.out_edges(ningxiang, data=True) if d["label"] == "PART_OF"]
    assert parents == ["长沙市"]


def test_outputs_written(seeds_out):
    records = [json.loads(x) for x in (seeds_out / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5 and all(r["officials"] and r["metrics"] for r in records)
    node_link = json.loads((seeds_out / "graph.json").read_text(encoding="utf-8"))
    assert node_link["nodes"] and node_link["edges"]
    holds = [e for e in node_link["edges"] if e["label"] == "HOLDS"]
    assert holds and all(e["source"].startswith("official:") and e["articles"] for e in holds)
    assert all(r["schema"] == 2 and all(o["id"] for o in r["officials"]) for r in records)
    assert all(m["place"] and m["id"] for r in records for m in r["metrics"])


@pytest.mark.skipif(not (SHARED / "tools" / "score.py").exists(), reason="shared/ is not beside the checkout")
def test_dev_set_scores_meet_acceptance(seeds_out):
    proc = subprocess.run([sys.executable, SHARED / "tools" / "score.py", seeds_out / "graph.graphml",
                           SHARED / "gold" / "seeds", "--json"], capture_output=True, text=True, check=True)
    s = json.loads(proc.stdout)["summary"]
    assert s["macro_f1"] >= 0.93 and s["titles_recall"] >= 0.95 and s["home_city_acc"] == 1.0  # issue 15
    assert s["officials"]["f1"] >= 0.95 and s["places"]["f1"] >= 0.90 and s["metrics"]["f1"] >= 0.85
    assert s["programmes"]["f1"] >= 0.85
    ours = json.loads(run_kg("eval", SHARED / "gold" / "seeds", "--graph", seeds_out / "graph.graphml", "--json",
                             check=True).stdout)
    for k in ("officials", "places", "programmes", "metrics"):  # kg eval agrees with the independent scorer
        assert ours[k]["tp"] == s[k]["tp"] and ours[k]["pred"] == s[k]["pred"], k
    assert ours["home_city"] == "5/5"
    assert (ours["titles_recall"], ours["posts_placed"]) == (s["titles_recall"], s["posts_placed"])


def test_bad_inputs_reported_and_batch_continues(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "good.txt").write_text("市委书记王建国调研，全市共建成驿站30个。", encoding="utf-8")
    (inp / "gbk.txt").write_bytes("县委书记刘志强调研，全县共建成驿站12个。".encode("gbk"))
    (inp / "empty.txt").write_bytes(b"")
    (inp / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (inp / "bad.jsonl").write_text('{"text": "ok"\n', encoding="utf-8")
    proc = run_kg("build", inp, "--out", tmp_path / "out", "--quiet")
    assert proc.returncode == 1
    for msg in ("empty.txt: empty file", "bin.txt: binary", "bad.jsonl:1: malformed JSON"):
        assert msg in proc.stderr
    errors = (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8")
    assert errors.count("\n") == 3
    recs = (tmp_path / "out" / "entities.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(recs) == 2 and any("刘志强" in r for r in recs)


def test_segmenter_is_a_setting_extraction_survives_a_switch(tmp_path):
    (tmp_path / "a.txt").write_text("市委书记王建国，市委副书记、市长刘志强出席。", encoding="utf-8")
    for seg in ("pkuseg", "char"):
        run_kg("build", tmp_path / "a.txt", "--out", tmp_path / seg, "--segmenter", seg, "--quiet", check=True)
    recs = {seg: json.loads((tmp_path / seg / "entities.jsonl").read_text(encoding="utf-8")) for seg in ("pkuseg", "char")}
    assert {o["name"] for o in recs["pkuseg"]["officials"]} == {o["name"] for o in recs["char"]["officials"]} \
        == {"王建国", "刘志强"}


def test_help_reads_well():
    out = run_kg("build", "--help", check=True).stdout
    assert "graph.graphml" in out and "--out" in out
    assert ROOT.joinpath("README.md").exists()


def test_an_article_that_fails_extraction_is_reported_and_the_rest_go_on(tmp_path, monkeypatch):
    """A component raising on one article (a bug we cannot trigger with real text) must
    not stop the batch: the article is reported and the others are built."""
    from kg import cli
    from kg.extract.components.metrics import Metrics

    real = Metrics.__call__

    def flaky(self, doc):
        if "故障" in doc.text:
            raise ValueError("boom")
        return real(self, doc)

    monkeypatch.setattr(Metrics, "__call__", flaky)
    inp = tmp_path / "in"
    inp.mkdir()
    for i, text in enumerate(["全市建成驿站30个。", "这一篇有故障。", "全县建成书屋12个。"]):
        (inp / f"{i}.txt").write_text(text, encoding="utf-8")
    assert cli.main(["build", str(inp), "--out", str(tmp_path / "out"), "--quiet"]) == 1
    errors = (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8")
    assert "1.txt" in errors and "boom" in errors
    assert len((tmp_path / "out" / "entities.jsonl").read_text(encoding="utf-8").splitlines()) == 2


@pytest.mark.skipif(not (SHARED / "devset").exists(), reason="shared/ is not beside the checkout")
def test_devset_scores_meet_acceptance(tmp_path):
    """The twenty-five devset reports (a third of them never looked at while the
    rules were written): the accuracy issue's acceptance thresholds."""
    run_kg("build", SHARED / "devset", "--out", tmp_path, "--quiet", "--no-views", "--no-cache", check=True)
    proc = subprocess.run([sys.executable, SHARED / "tools" / "score.py", tmp_path / "graph.graphml",
                           SHARED / "gold" / "devset", "--json"], capture_output=True, text=True, check=True)
    s = json.loads(proc.stdout)["summary"]
    assert s["officials"]["f1"] >= 0.93 and s["titles_recall"] >= 0.90 and s["posts_placed"] >= 0.90
    assert s["places"]["f1"] >= 0.90 and s["programmes"]["f1"] >= 0.75 and s["metrics"]["f1"] >= 0.85
    assert s["home_city_acc"] >= 22 / 24 and s["macro_f1"] >= 0.88
