"""The graph contract (SCHEMA.md) and entity resolution across articles."""
import json

import networkx as nx

from kg.extract.batch import extract
from kg.graph.builder import build_graph
from kg.graph.export import write_graphml
from loaders.article import Article

A = "市委书记王建国，市委副书记、市长刘志强带领干部开展“清洁家园”行动，共清理垃圾120吨。湖州发展很快。"
B = "湖州市委书记王建国主持召开会议，部署开展“清洁家园”行动，全市志愿者8000余名参加。"


def _graph(nlp, *texts):
    arts = [Article(source=f"a{i}.txt", text=t, title="标题", date="2021-06-0%d" % (i + 1)) for i, t in enumerate(texts)]
    return build_graph(ex for _, ex in extract(nlp, arts))


def _by(g, label, name):
    return [n for n, d in g.nodes(data=True) if label in d["labels"].split(":") and d.get("name") == name]


def test_same_official_and_programme_in_two_articles_is_one_node(nlp):
    g = _graph(nlp, A, B)
    (wang,) = _by(g, "Official", "王建国")
    (prog,) = _by(g, "Programme", "清洁家园行动")
    (holds,) = [d for _, v, d in g.out_edges(wang, data=True) if d["label"] == "HOLDS"]  # one fact, one edge
    assert (holds["count"], holds["firstSeen"], holds["lastSeen"]) == (2, "2021-06-01", "2021-06-02")
    assert holds["title"] == "市委书记" and len(holds["evidence"]) == 2 and len(holds["articles"]) == 2
    assert {e["article"] for e in holds["evidence"]} == set(holds["articles"])
    runs = [u for u, _, d in g.in_edges(prog, data=True) if d["label"] == "RUNS"]
    assert {g.nodes[u]["name"] for u in runs} == {"湖州市"}


def test_ids_are_stable_across_runs(nlp):
    assert sorted(_graph(nlp, A, B).nodes) == sorted(_graph(nlp, B, A).nodes)


def test_every_fact_edge_has_evidence(nlp):
    g = _graph(nlp, A)
    for _, _, d in g.edges(data=True):
        if d["label"] in ("MENTIONS", "HOLDS", "RUNS", "REPORTS"):
            assert d.get("evidence"), d


def test_graphml_follows_the_apoc_convention(nlp, tmp_path):
    g = _graph(nlp, A)
    path = tmp_path / "g.graphml"
    write_graphml(g, path)
    xml = path.read_text(encoding="utf-8")
    assert '<key id="labels" for="node"' in xml and '<key id="label" for="edge"' in xml
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == g.number_of_nodes() and back.number_of_edges() == g.number_of_edges()
    labels = {d["labels"] for _, d in back.nodes(data=True)}
    assert {":Article", ":Official", ":Place:City", ":Programme", ":Metric"} <= labels
    (wang,) = [d for _, d in back.nodes(data=True) if d.get("name") == "王建国"]
    assert json.loads(wang["titles"]) == ["市委书记"]
    (ton,) = [d for _, d in back.nodes(data=True) if d.get("unit") == "吨"]
    assert ton["value"] == 120.0


def test_pipeline_home_named_only_in_a_title_is_a_place_and_an_unnamed_one_is_not(nlp):
    from kg.extract.batch import extract
    from loaders.article import Article

    titled = Article(source="t.txt", text="我县召开大会，县委书记讲话，全县干部参加。", title="长兴县召开大会")
    unnamed = Article(source="u.txt", text="今年我县对乌泥坑村、大溪村和刘家塘村的道路进行了改造。", title="道路改造")
    (_, ex1), (_, ex2) = extract(nlp, [titled, unnamed])
    p1 = {p.name: p for p in ex1.places}
    assert p1["长兴县"].mentions and ex1.home == p1["长兴县"].key
    p2 = {p.name: p for p in ex2.places}
    assert not p2["安吉县"].mentions and ex2.home == p2["安吉县"].key  # ABOUT, but not a mention
    assert {"乌泥坑村", "大溪村", "刘家塘村"} <= set(p2)
