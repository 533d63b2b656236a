"""Builds at scale: incremental re-runs, worker processes and a Dask cluster all
give the graph a plain from-scratch build gives."""
import json
import re
import shutil
import time
from concurrent.futures import Future
from pathlib import Path

import networkx as nx
import pytest

from conftest import ROOT, run_kg
from kg.graph.export import read_graph, write_node_link
from kg.graph.schema import same_graph
from kg.runtime.engines import RetriesSingly

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def summary(proc) -> dict:
    """The counts `kg build` prints in its summary table."""
    rows = dict(re.findall(r"│\s*([a-z][a-z ]+?)\s*│\s*(\d+)\s*│", proc.stderr))
    return {k: int(v) for k, v in rows.items()}


def build(inputs, out, *flags, check=True, env=None):
    proc = run_kg("build", inputs, "--out", out, "--quiet", "--no-views", *flags, env=env)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def folder_of(path: Path, files) -> Path:
    path.mkdir(exist_ok=True)
    for file in files:
        shutil.copy(file, path)
    return path


def assert_same_build(a: Path, b: Path) -> None:
    assert same_graph(read_graph(a), read_graph(b))
    assert (a / "entities.jsonl").read_text(encoding="utf-8") == (b / "entities.jsonl").read_text(encoding="utf-8")


@pytest.mark.pipeline
def test_grown_folder_extracts_only_the_new_articles_and_equals_a_fresh_build(tmp_path):
    corpus = folder_of(tmp_path / "corpus", SEEDS[:3])
    first = summary(build(corpus, tmp_path / "out"))
    assert (first["extracted now"], first["from the cache"]) == (3, 0)

    folder_of(corpus, SEEDS[3:])
    again = summary(build(corpus, tmp_path / "out"))
    assert (again["extracted now"], again["from the cache"]) == (2, 3)

    build(corpus, tmp_path / "fresh", "--no-cache")
    assert_same_build(tmp_path / "out", tmp_path / "fresh")


@pytest.mark.pipeline
def test_an_edited_article_is_extracted_again(tmp_path):
    corpus = folder_of(tmp_path / "corpus", SEEDS[:2])
    build(corpus, tmp_path / "out")
    edited = corpus / SEEDS[0].name
    edited.write_text(edited.read_text(encoding="utf-8") + "\n全市新建党员活动室12个。\n", encoding="utf-8")
    again = summary(build(corpus, tmp_path / "out"))
    assert (again["extracted now"], again["from the cache"]) == (1, 1)
    build(corpus, tmp_path / "fresh", "--no-cache")
    assert_same_build(tmp_path / "out", tmp_path / "fresh")
    metrics = {d.get("text") for _, d in read_graph(tmp_path / "out").nodes(data=True)}
    assert "12个" in metrics






@pytest.mark.pipeline
def test_two_worker_processes_build_the_same_graph(seeds_out, tmp_path):
    proc = build(ROOT / "seeds", tmp_path / "out", "--workers", 2, "--no-cache")
    assert summary(proc)["extracted now"] == 5
    assert_same_build(tmp_path / "out", seeds_out)


@pytest.mark.pipeline
def test_dask_cluster_builds_the_same_graph(seeds_out, tmp_path):
    """A real dask.distributed LocalCluster of 2 worker processes; kg connects to its
    scheduler. One article per task, so that both workers get work."""
    import sys

    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        proc = build(ROOT / "seeds", tmp_path / "out", "--engine", "dask", "--scheduler", cluster.scheduler_address,
                     "--no-cache", env={"KG_BATCH_SIZE": "1"})
        with Client(cluster) as client:
            ran = client.run(lambda: "kg.extract.pipeline" in sys.modules and sys.modules["kg.extract.pipeline"].get_nlp.cache_info().currsize)
    assert summary(proc)["extracted now"] == 5
    assert len(ran) == 2 and all(ran.values()), ran  # both workers loaded a pipeline and extracted
    assert_same_build(tmp_path / "out", seeds_out)


def test_unreachable_scheduler_is_a_clear_error(tmp_path):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = build(ROOT / "seeds", tmp_path / "out", "--engine", "dask", "--scheduler", f"tcp://127.0.0.1:{port}",
                 check=False)
    assert proc.returncode == 2
    assert f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in proc.stderr


def test_scheduler_without_dask_engine_is_refused(tmp_path):
    proc = build(ROOT / "seeds", tmp_path / "out", "--scheduler", "tcp://127.0.0.1:8786", check=False)
    assert proc.returncode == 2 and "--scheduler needs --engine dask" in proc.stderr
    proc = build(ROOT / "seeds", tmp_path / "out", "--workers", "0", check=False)
    assert proc.returncode == 2 and "--workers must be at least 1" in proc.stderr


class _KillerArticleEngine(RetriesSingly):
    """Extraction in this process, except that a batch holding ``2.txt`` fails as
    when that article kills its worker (the OS's out-of-memory killer)."""

    name, parallelism = "dying", 1

    def __init__(self):
        from kg.runtime.engines import InProcess

        self.inner = InProcess(None, 2)

    def submit(self, batch):
        if any(raw.source == "2.txt" for raw in batch):
            fut = Future()
            fut.set_exception(MemoryError("worker killed"))
            return fut
        return self.inner.submit(batch)

    def close(self):
        pass


@pytest.mark.pipeline
def test_only_the_article_that_kills_a_worker_is_reported(tmp_path):
    from kg.runtime.build import build as run_build
    from kg.settings import load_settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, text in enumerate(["全市建成驿站30个。", "全县建成书屋12个。", "全市开展培训5期。", "全区新建站点8个。"]):
        (corpus / f"{i}.txt").write_text(text, encoding="utf-8")
    result = run_build([corpus], tmp_path / "entities.jsonl", load_settings(batch_size=2), _KillerArticleEngine())
    assert result.articles == 3
    assert [(e.source, e.error) for e in result.errors] == [
        ("2.txt", "worker failed on this article: MemoryError: worker killed")]
    assert len((tmp_path / "entities.jsonl").read_text(encoding="utf-8").splitlines()) == 3


@pytest.mark.pipeline
def test_home_named_only_by_the_publisher_gets_its_node(tmp_path):
    record = {"id": "a1", "text": "会议强调，要巩固主题教育成果。", "publisher": "宁乡市融媒体中心", "title": "总结会召开"}
    (tmp_path / "a.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    build(tmp_path / "a.jsonl", tmp_path / "out", "--no-cache")
    g = read_graph(tmp_path / "out")
    assert all(d.get("labels") for _, d in g.nodes(data=True))
    about = [g.nodes[v]["name"] for _, v, d in g.edges(data=True) if d["label"] == "ABOUT"]
    assert about == ["宁乡市"]


def test_node_link_file_is_networkx_layout(seeds_graph, tmp_path):
    g = seeds_graph
    write_node_link(g, tmp_path / "g.json")
    written = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    expected = json.loads(json.dumps(nx.node_link_data(g), ensure_ascii=False))  # networkx's defaults
    assert written == expected




@pytest.mark.pipeline
def test_a_pool_broken_between_two_batches_is_replaced_before_the_next(tmp_path):
    """A worker can die while the build merges (no batch of it pending): the next
    submit must not meet a broken pool."""
    import psutil

    from kg.runtime.engines import Processes
    from loaders import RawInput

    engine = Processes(2, None, 4)
    try:
        first = engine.submit([RawInput("a.txt", "全县建成书屋12个。".encode(), "file")]).result(timeout=120)
        assert first[0].record is not None
        broken = engine.pool
        psutil.Process(next(iter(broken._processes))).kill()
        deadline = time.time() + 30
        while not broken._broken and time.time() < deadline:  # the pool notices its dead worker
            time.sleep(0.1)
        assert broken._broken
        again = engine.submit([RawInput("b.txt", "全市新建驿站30个。".encode(), "file")]).result(timeout=120)
        assert again[0].record is not None and again[0].record.metrics[0].text == "30个"
        assert engine.pool is not broken
    finally:
        engine.close()
