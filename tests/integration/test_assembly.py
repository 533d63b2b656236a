"""Out-of-core assembly (kg.runtime.assembly) gives the graph the networkx path gives:
on the seeds + devset (real extraction), on 2,000 synthetic articles, with Dask's local
scheduler, a LocalCluster of two workers, and a scheduler and a worker started as
separate processes."""
import csv
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SHARED, run_kg
from kg.extract.records import ArticleRecord
from kg.graph.builder import build_graph
from kg.graph.export import read_graph, write_graphml
from kg.graph.rows import NodeRow, article_rows
from kg.graph.schema import same_graph
from kg.neo4j.bulk import ARRAY_DELIMITER, CsvExport, write_import_csv
from kg.runtime.assembly import assemble, to_networkx

sys.path.insert(0, str(ROOT / "bench"))
from synthetic_records import chunks, record  # noqa: E402

SCALARS = {"long": int, "double": float, "boolean": lambda v: v == "true"}


def import_files(folder: Path) -> dict:
    """What neo4j-admin reads from a folder of import files: nodes by id (labels, properties)
    and relationships by key, typed as the headers say; an empty field is an absent property."""
    export = CsvExport.from_folder(folder)
    out = {"nodes": {}, "relationships": {}}
    for kind, groups in (("nodes", export.nodes), ("relationships", export.relationships)):
        for group in groups:
            files = list(group) if isinstance(group, tuple) else [group]
            lines = []
            for f in files:
                with f.open(encoding="utf-8", newline="") as fh:
                    lines += list(csv.reader(fh))
            header, rows = lines[0], lines[1:]
            for row in rows:
                item = {}
                for name, value in zip(header, row):
                    if value == "":
                        continue
                    prop, _, kind_ = name.partition(":")
                    if kind_.endswith("[]"):
                        conv = SCALARS.get(kind_[:-2], str)
                        item[prop or kind_] = [conv(x) for x in value.split(ARRAY_DELIMITER)]
                    else:
                        item[prop or kind_] = SCALARS.get(kind_, str)(value)
                ident = item.pop("id") if kind == "nodes" else item["key"]
                assert ident not in out[kind], f"{ident} twice"
                out[kind][ident] = item
    return out


def assert_same(memory_graph, assembled: Path, tmp_path: Path) -> None:
    assert same_graph(memory_graph, to_networkx(assembled))
    write_import_csv(memory_graph, tmp_path / "from-networkx")
    assert import_files(assembled / "import") == import_files(tmp_path / "from-networkx")


@pytest.mark.skipif(not (SHARED / "devset").exists(), reason="shared/ is not beside the checkout")
def test_seeds_and_devset_assemble_out_of_core_as_in_memory(tmp_path):
    """Real extraction of the five seeds and twenty-five devset reports, through `kg build`
    both ways: the same graph, the same GraphML read back, the same import files."""
    mem, disk = tmp_path / "memory", tmp_path / "disk"
    run_kg("build", ROOT / "seeds", SHARED / "devset", "--out", mem, "--quiet", "--no-views", check=True)
    run_kg("build", ROOT / "seeds", SHARED / "devset", "--out", disk, "--quiet", "--no-views",
           "--assembly", "disk", "--partitions", "3", check=True)
    g = read_graph(mem)
    assert g.number_of_nodes() > 500
    assert same_graph(g, read_graph(disk))
    records = [ArticleRecord.from_dict(json.loads(line))
               for line in (disk / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    assert_same(build_graph(records), disk / "assembly", tmp_path)
    manifest = json.loads((disk / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["settings"]["assembly"] == "disk" and manifest["nodes"] == json.loads(
        (mem / "manifest.json").read_text(encoding="utf-8"))["nodes"]


def test_two_thousand_synthetic_articles_assemble_as_in_memory(tmp_path):
    """Recurring cities, officials and programmes, varied confidences and methods, repeated
    texts under two names: every merge rule has something to decide."""
    graph = build_graph(record(i) for i in range(2000))
    result = assemble(chunks(2000, 300), tmp_path / "asm", partitions=7, workers=2)
    assert result.articles == 2000 and not result.errors
    raw = sum(1 for i in range(2000) for r in article_rows(record(i)) if isinstance(r, NodeRow))
    assert result.node_rows < 0.9 * raw  # combined: a province is not a row per article that names its places
    holds = [d for _, _, d in graph.edges(data=True) if d["label"] == "HOLDS"]
    assert max(d["count"] for d in holds) > 3  # facts really aggregate over articles
    assert any(d.get("sources") for _, d in graph.nodes(data=True))
    assert_same(graph, tmp_path / "asm", tmp_path)


def test_an_incremental_shard_gives_the_graph_of_the_whole(tmp_path):
    graph = build_graph(record(i) for i in range(600))
    assemble(chunks(400, 200), tmp_path / "asm", partitions=4)
    assemble([c for c in chunks(600, 200) if c.start >= 400], tmp_path / "asm", partitions=4, keep_rows=True)
    assert same_graph(graph, to_networkx(tmp_path / "asm"))
    with pytest.raises(Exception, match="partitions"):
        assemble(chunks(10, 10), tmp_path / "asm", partitions=5, keep_rows=True)


def test_a_local_cluster_of_two_workers_assembles_the_same_graph(tmp_path):
    from dask.distributed import Client, LocalCluster

    graph = build_graph(record(i) for i in range(500))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        assemble(chunks(500, 100), tmp_path / "asm", partitions=5, client=client)
    assert same_graph(graph, to_networkx(tmp_path / "asm"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_scheduler_and_a_worker_as_separate_processes_build_the_seeds(tmp_path, seeds_out):
    """The cluster recipe of docs/SCALE.md on 127.0.0.1: `dask scheduler`, `dask worker`, then
    `kg build --engine dask --scheduler … --assembly disk`: extraction and assembly both on the
    cluster, and the graph of the local in-memory build."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    bin_dir = Path(sys.executable).parent
    scheduler = subprocess.Popen([bin_dir / "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                  "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = None
    try:
        worker = subprocess.Popen([bin_dir / "dask", "worker", address, "--nworkers", "1", "--nthreads", "1",
                                   "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        from dask.distributed import Client

        with Client(address, timeout="30s") as client:
            client.wait_for_workers(1, timeout=60)
        out = tmp_path / "out"
        proc = run_kg("build", ROOT / "seeds", "--out", out, "--quiet", "--engine", "dask", "--scheduler", address,
                      "--assembly", "disk", "--no-views")
        assert proc.returncode == 0, proc.stderr
        assert same_graph(read_graph(out), read_graph(seeds_out))
        assert (out / "assembly" / "import" / "schema.cypher").exists()
    finally:
        for p in (worker, scheduler):
            if p is not None:
                p.terminate()
                try:
                    p.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    p.kill()
        time.sleep(0.5)


def test_kg_assemble_joins_shards_built_apart_and_adds_a_new_one(tmp_path):
    """The shard recipe of docs/SCALE.md: entities.jsonl of builds made apart, assembled into one
    graph; a later shard added with --add; a record that cannot be merged is named, not lost."""
    shards = []
    for name, part in (("a", range(0, 150)), ("b", range(150, 300)), ("c", range(300, 400))):
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps(record(i).to_dict(), ensure_ascii=False) + "\n" for i in part),
                        encoding="utf-8")
        shards.append(path)
    bad = record(400).to_dict()
    bad["home"] = "place:nowhere"
    with shards[2].open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(bad, ensure_ascii=False) + "\n")
    out = tmp_path / "asm"
    run_kg("assemble", shards[0], shards[1], "--out", out, "--partitions", "4", check=True)
    assert same_graph(to_networkx(out), build_graph(record(i) for i in range(300)))
    proc = run_kg("assemble", shards[2], "--out", out, "--add")
    assert proc.returncode == 1 and "syn_00000400.txt" in proc.stdout + proc.stderr
    assert same_graph(to_networkx(out), build_graph(record(i) for i in range(400)))
    write_graphml(build_graph(record(i) for i in range(400)), tmp_path / "memory.graphml")
    assert same_graph(read_graph(out / "graph.graphml"), read_graph(tmp_path / "memory.graphml"))


def test_a_graph_past_graph_files_max_gets_views_of_a_bounded_slice(tmp_path):
    """No GraphML of a graph that size, but views still: every place, the officials and
    programmes most reported, a few figures per place, and a note saying so."""
    from kg.runtime.assembly import view_graph
    from kg.views.select import nodes_of

    assemble(chunks(2000, 500), tmp_path / "asm", partitions=4)
    whole = to_networkx(tmp_path / "asm")
    part = view_graph(tmp_path / "asm", entities=20, per_place=2)
    assert len(nodes_of(part, "Official")) == 20 and len(nodes_of(part, "Programme")) == 20
    assert set(nodes_of(part, "Place")) == set(nodes_of(whole, "Place"))
    assert 0 < len(nodes_of(part, "Metric")) <= 2 * len(nodes_of(whole, "Place"))
    assert all("labels" in d for _, d in part.nodes(data=True))
    assert all(whole.has_edge(u, v, k) and whole.edges[u, v, k] == d for u, v, k, d in part.edges(keys=True, data=True))
    top = max(nodes_of(whole, "Official"), key=lambda o: sum(d["count"] for _, _, d in whole.out_edges(o, data=True)))
    assert top in part

    out = tmp_path / "out"
    proc = run_kg("build", ROOT / "seeds", "--out", out, "--quiet", "--assembly", "disk",
                  env={"KG_GRAPH_FILES_MAX": "100"})
    assert proc.returncode == 0, proc.stderr
    assert not (out / "graph.graphml").exists() and (out / "assembly" / "import" / "schema.cypher").exists()
    index = (out / "views" / "index.html").read_text(encoding="utf-8")
    assert "A slice of a graph of" in index and (out / "views" / "overview.html").exists()
    assert "neo4j-import" in run_kg("load", out).stderr  # the way to the whole graph
    run_kg("build", ROOT / "seeds", "--out", out, "--quiet", "--assembly", "disk", check=True,
           env={"KG_VIEWS_WHOLE_MAX": "100"})  # graph files, but too big to draw whole
    assert (out / "graph.graphml").exists()
    assert "A slice of a graph of" in (out / "views" / "index.html").read_text(encoding="utf-8")


def test_bad_lines_and_records_are_reported_and_the_rest_assembled(tmp_path):
    """A truncated line, a record of the wrong shape, a value of the wrong type: each named
    with its reason, every other record in the graph."""
    path = tmp_path / "entities.jsonl"
    good = [record(i) for i in range(30)]
    wrong_type = record(30).to_dict()
    wrong_type["article"]["date"] = 2021
    lines = [json.dumps(r.to_dict(), ensure_ascii=False) for r in good[:10]] + ['{"article": {"id": "x"', "[1, 2]",
                                                                               json.dumps(wrong_type)]
    lines += [json.dumps(r.to_dict(), ensure_ascii=False) for r in good[10:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = assemble([path], tmp_path / "asm", partitions=3)
    assert result.articles == 30 and len(result.errors) == 3
    assert any("syn_00000030.txt" in source and "date" in reason for source, reason in result.errors)
    assert same_graph(to_networkx(tmp_path / "asm"), build_graph(good))


def test_nothing_to_assemble_is_an_empty_graph_not_a_failure(tmp_path):
    empty = tmp_path / "entities.jsonl"
    empty.write_text("", encoding="utf-8")
    result = assemble([empty], tmp_path / "asm", partitions=2)
    assert result.articles == 0 and result.csv.nodes == [] and result.csv.schema.exists()


def test_an_interrupted_addition_is_undone_by_the_next(tmp_path):
    from kg.runtime.assembly import _write_state

    assemble(chunks(100, 50), tmp_path / "asm", partitions=3)
    state = json.loads((tmp_path / "asm" / "assembly.json").read_text())
    assemble(chunks(150, 50)[2:], tmp_path / "scratch", partitions=3)  # rows of a shard, as an addition writes
    for path in (tmp_path / "scratch" / "rows").rglob("c000000.parquet"):
        target = tmp_path / "asm" / "rows" / path.relative_to(tmp_path / "scratch" / "rows")
        target.with_name(f"c{state['chunks']:06d}.parquet").write_bytes(path.read_bytes())
    _write_state(tmp_path / "asm" / "assembly.json", {**state, "adding": [state["chunks"]]})  # then it died
    assemble([c for c in chunks(300, 50) if c.start >= 200], tmp_path / "asm", partitions=3, keep_rows=True)
    assert same_graph(to_networkx(tmp_path / "asm"),
                      build_graph([record(i) for i in range(100)] + [record(i) for i in range(200, 300)]))


def test_auto_assembly_goes_to_disk_past_the_threshold(tmp_path):
    """The same command at any size: past disk_assembly_from articles, kg build assembles out of core."""
    run_kg("build", ROOT / "seeds", "--out", tmp_path / "small", "--quiet", "--no-views", check=True,
           env={"KG_DISK_ASSEMBLY_FROM": "5"})
    run_kg("build", ROOT / "seeds", "--out", tmp_path / "big", "--quiet", "--no-views", check=True,
           env={"KG_DISK_ASSEMBLY_FROM": "4"})
    settings = [json.loads((tmp_path / n / "manifest.json").read_text(encoding="utf-8"))["settings"]["assembly"]
                for n in ("small", "big")]
    assert settings == ["memory", "disk"] and (tmp_path / "big" / "assembly" / "import").is_dir()
    assert same_graph(read_graph(tmp_path / "small"), read_graph(tmp_path / "big"))


def test_a_refused_record_leaves_the_window_as_it_was():
    """The combiner commits a record's rows only once they are accepted: a record refused for a
    value of the wrong type raises no earlier row's confidence."""
    from kg.runtime.assembly import _Window

    window = _Window()
    first = record(5)
    window.add(article_rows(first), 0)
    before = {k: list(v) for k, v in window.nodes.items()}
    bad = record(5)
    for p in bad.places:
        p.confidence = 0.999
    bad.article = {**bad.article, "id": "article:other", "date": 2021}
    with pytest.raises(ValueError):
        window.add(article_rows(bad), 1)
    assert window.nodes == before


def test_records_are_estimated_from_size_without_reading_them_all(tmp_path):
    from kg.runtime.assembly import estimate_records

    path = tmp_path / "entities.jsonl"
    path.write_text("".join(json.dumps(record(i).to_dict(), ensure_ascii=False) + "\n" for i in range(300)),
                    encoding="utf-8")
    assert estimate_records([path], sample=10 << 20) == 300  # the whole file read: counted
    assert 270 <= estimate_records([path], sample=64_000) <= 330
