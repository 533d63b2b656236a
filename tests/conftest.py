"""Shared fixtures. Tests are marked by where they live:

- ``tests/unit/``: rules, normalization, loaders, graph and Cypher text — no
  model, no server, seconds in all (``pytest -m unit``);
- ``tests/integration/``: the pipeline with the pkuseg model, the CLI end to end,
  a real Neo4j, Chromium, the wheel (``pytest -m integration``).

The folders mirror the code: ``tests/unit/extract/`` tests ``kg/extract/``, and so on.
"""
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def pytest_collection_modifyitems(config, items):
    for item in items:
        kind = "unit" if (ROOT / "tests" / "unit") in Path(item.fspath).parents else "integration"
        item.add_marker(getattr(pytest.mark, kind))


def run_kg(*args, check=False, env=None):
    """The public CLI, as a user runs it."""
    proc = subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})})
    if check and proc.returncode != 0:
        raise AssertionError(proc.stderr)
    return proc


@pytest.fixture(scope="session")
def gaz():
    from kg.extract.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def nlp():
    from kg.extract.pipeline import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds-out")
    proc = run_kg("build", ROOT / "seeds", "--out", out, "--quiet")
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="session")
def seeds_graph(seeds_out):
    import networkx as nx

    return nx.read_graphml(seeds_out / "graph.graphml", force_multigraph=True)


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory):
    """A real Neo4j 5.26 Community (with APOC) on free ports with a fresh database,
    started by the project's script and stopped when the session ends."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import neo4j_server as server

    instance = server.Instance(tmp_path_factory.mktemp("neo4j"), server.free_port(), server.free_port())
    instance.password = secrets.token_urlsafe(12)
    instance.start(instance.password)
    yield instance
    instance.stop()


@pytest.fixture(scope="session")
def neo4j_env(neo4j_server):
    """What `kg load` / `kg query` read: the usual Neo4j environment variables."""
    return {"NEO4J_URI": neo4j_server.uri, "NEO4J_USERNAME": "neo4j", "NEO4J_PASSWORD": neo4j_server.password}


@pytest.fixture
def driver(neo4j_server):
    """A driver on an empty database (each test starts from nothing)."""
    from neo4j import GraphDatabase

    from kg.neo4j.loader import Neo4jLoader

    with GraphDatabase.driver(neo4j_server.uri, auth=("neo4j", neo4j_server.password)) as drv:
        Neo4jLoader(drv).wipe()
        yield drv


def tiny_record(text: str = "市委书记王建国出席会议。全市建成驿站30个。", source: str = "tiny.txt"):
    """A hand-made extraction record of one article (no model): a city, an official
    holding its 市委书记 post, a programme the city runs, a figure it reports."""
    from kg.extract.records import (ArticleRecord, Mention, Metric, Official, Place, PlaceLevel, Programme, Title,
                                    place_key)

    chain = [PlaceLevel("山东省", "province", "370000"), PlaceLevel("德州市", "prefecture", "371400")]
    city = place_key(chain)
    sentence = text.split("。")[0] + "。"
    return ArticleRecord(
        article={"id": f"article:{source}", "source": source, "title": "标题", "date": "2021-06-04",
                 "publisher": None, "url": None, "chars": len(text)},
        home=city,
        places=[Place("德州市", "prefecture", "371400", chain, [Mention(0, 1, "市", sentence)])],
        officials=[Official("王建国", [Title("市委书记", city)], [Mention(0, 7, "市委书记王建国", sentence)])],
        programmes=[Programme("驿站建设行动", ["驿站建设"], [Mention(12, 14, "驿站", text)])],
        metrics=[Metric("30个", 30.0, "个", "驿站", None, None, Mention(16, 19, "30个", text), city)],
    )


@pytest.fixture
def tiny_graph():
    from kg.graph.builder import GraphBuilder

    builder = GraphBuilder()
    builder.add(tiny_record())
    return builder.graph
