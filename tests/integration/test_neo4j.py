"""kg load / kg query against a real Neo4j server (started by the neo4j_server fixture)."""
import json
import shutil

import networkx as nx
import pytest
from tcp_proxy import CuttableProxy

from conftest import ROOT, run_kg
from kg.errors import Neo4jLoadError
from kg.extract.records import ArticleRecord
from kg.graph.builder import GraphBuilder
from kg.graph.export import read_graph, write_graphml
from kg.graph.schema import label_counts, relation_counts
from kg.neo4j.loader import Neo4jLoader, counts
from kg.neo4j.bulk import CsvExport

INJECTION = "李猛'}) DETACH DELETE n //"


def records_of(seeds_out):
    lines = (seeds_out / "entities.jsonl").read_text(encoding="utf-8").splitlines()
    return [ArticleRecord.from_dict(json.loads(line)) for line in lines]


def graph_of(records) -> nx.MultiDiGraph:
    b = GraphBuilder()
    for ex in records:
        b.add(ex)
    return b.graph


def assert_matches(driver, g):
    labels, rels = counts(driver)
    assert labels == label_counts(g)
    assert rels == relation_counts(g)
    ids = driver.execute_query("MATCH (n) RETURN count(n) AS n, count(DISTINCT n.id) AS ids").records[0]
    assert ids["n"] == ids["ids"] == g.number_of_nodes()


# -- no server needed ------------------------------------------------------------------------




def test_kg_load_reports_a_missing_server_and_a_missing_file(tmp_path, seeds_out):
    proc = run_kg("load", seeds_out, "--uri", "bolt://127.0.0.1:1", env={"NEO4J_PASSWORD": "x"})
    assert proc.returncode == 2 and "no Neo4j answers" in proc.stderr
    proc = run_kg("load", tmp_path / "nothing.graphml", env={"NEO4J_PASSWORD": "x"})
    assert proc.returncode == 2 and "no such file" in proc.stderr
    (tmp_path / "broken.graphml").write_text("<graphml><graph>", encoding="utf-8")
    proc = run_kg("load", tmp_path / "broken.graphml", env={"NEO4J_PASSWORD": "x"})
    assert proc.returncode == 2 and "not a readable GraphML" in proc.stderr




# -- against the server ----------------------------------------------------------------------
def test_kg_load_seeds_matches_networkx_and_is_idempotent(driver, neo4j_env, seeds_out, seeds_graph):
    proc = run_kg("load", seeds_out / "graph.graphml", env=neo4j_env)
    assert proc.returncode == 0, proc.stderr
    assert_matches(driver, seeds_graph)
    before = driver.execute_query("MATCH (n) RETURN n.id AS id, properties(n) AS p ORDER BY id").records
    proc = run_kg("load", seeds_out / "graph.graphml", env=neo4j_env)
    assert proc.returncode == 0, proc.stderr
    assert_matches(driver, seeds_graph)
    after = driver.execute_query("MATCH (n) RETURN n.id AS id, properties(n) AS p ORDER BY id").records
    assert [r.data() for r in before] == [r.data() for r in after]
    li = driver.execute_query("MATCH (o:Official {name: '李猛'})-[h:HOLDS]->(c:City) "
                              "RETURN o.titles AS titles, h.title AS title, h.evidence AS ev, c.name AS city").records
    assert [(r["title"], r["city"]) for r in li] == [("市委书记", "德州市")]
    assert li[0]["titles"] == ["市委书记"] and "李猛" in li[0]["ev"][0]  # lists stay lists, evidence travels


def test_browser_is_served_over_http(neo4j_server):
    from urllib.request import urlopen

    with urlopen(f"http://127.0.0.1:{neo4j_server.http_port}/browser/", timeout=10) as resp:
        assert resp.status == 200 and "<title>Neo4j Browser</title>" in resp.read().decode("utf-8")


def test_wrong_password_is_a_clear_error(neo4j_server, seeds_out):
    proc = run_kg("load", seeds_out, env={"NEO4J_URI": neo4j_server.uri, "NEO4J_PASSWORD": "wrong-password"})
    assert proc.returncode == 2 and "authentication failed" in proc.stderr


def test_second_batch_merges_into_the_first(driver, seeds_out, seeds_graph):
    records = records_of(seeds_out)
    loader = Neo4jLoader(driver, batch_size=100)
    loader.load(graph_of(records[:3]))
    loader.load(graph_of(records[2:]))  # article 2 is in both batches
    assert_matches(driver, seeds_graph)
    xi = driver.execute_query("MATCH (a:Article)-[:MENTIONS]->(o:Official {name: '习近平'}) "
                              "RETURN count(DISTINCT o) AS nodes, count(a) AS articles").records[0]
    assert (xi["nodes"], xi["articles"]) == (1, 3)  # 000 and 001 in the first batch, 003 in the second


def test_posts_accumulate_across_loads(driver):
    def one(title, article):
        g = nx.MultiDiGraph()
        g.add_node("place:1", id="place:1", labels=":Place:City", name="某市")
        g.add_node("official:1", id="official:1", labels=":Official", name="王某", titles=[title])
        g.add_edge("official:1", "place:1", key=f"HOLDS:{title}", label="HOLDS", title=title, articles=[article],
                   count=1, evidence=[])
        return g

    loader = Neo4jLoader(driver)
    loader.load(one("市长", "a.txt"))
    loader.load(one("市委副书记", "b.txt"))
    loader.load(one("市长", "a.txt"))
    rec = driver.execute_query("MATCH (o:Official)-[h:HOLDS]->(:City) RETURN o.titles AS titles, "
                               "collect(h.title) AS posts").records
    assert len(rec) == 1
    assert rec[0]["titles"] == ["市长", "市委副书记"] and sorted(rec[0]["posts"]) == ["市委副书记", "市长"]


def test_two_builds_sharing_a_fact_merge_its_articles_and_widen_its_span(driver):
    """SCHEMA v2: one HOLDS per fact. Loading a second build that reports the same
    post adds its articles, widens first/last seen, tops evidence up to three;
    loading it again changes nothing."""
    def build(articles):
        g = nx.MultiDiGraph()
        g.add_node("place:1", id="place:1", labels=":Place:City", name="某市")
        g.add_node("official:1", id="official:1", labels=":Official", name="王某", titles=["市长"])
        ev = [{"article": a, "sentence": f"{a}：市长王某讲话。", "offset": i} for i, (a, _) in enumerate(articles)]
        dates = [d for _, d in articles]
        g.add_edge("official:1", "place:1", key="HOLDS:1", label="HOLDS", title="市长", count=len(articles),
                   articles=[a for a, _ in articles], firstSeen=min(dates), lastSeen=max(dates), evidence=ev[:3],
                   confidence=0.9)
        return g

    loader = Neo4jLoader(driver)
    loader.load(build([("a1", "2021-03"), ("a2", "2021-05-01")]))
    second = build([("a2", "2021-05-01"), ("a3", "2020-12-30"), ("a4", "2022")])
    loader.load(second)
    loader.load(second)
    (h,) = driver.execute_query("MATCH ()-[h:HOLDS]->() RETURN h").records
    h = h["h"]
    assert h["articles"] == ["a1", "a2", "a3", "a4"] and h["count"] == 4
    assert (h["firstSeen"], h["lastSeen"]) == ("2020-12-30", "2022")
    assert h["evidenceArticles"] == ["a1", "a2", "a3"] and len(h["evidence"]) == 3 and h["evidenceOffsets"] == [0, 1, 1]


def test_starting_an_instance_with_another_password_is_refused_with_the_way_out(tmp_path):
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import neo4j_server as server

    inst = server.Instance(tmp_path / "inst", server.free_port(), server.free_port())
    inst.start("first-password", log=lambda m: None)
    inst.stop(log=lambda m: None)
    with pytest.raises(SystemExit, match="created with another password.*delete"):
        inst.start("second-password", log=lambda m: None)
    assert "first-password" not in (tmp_path / "inst" / "password.sha256").read_text()


def test_a_database_of_contract_v1_is_refused_with_the_way_out(driver, seeds_graph):
    driver.execute_query("CREATE (:Official {id: 'o'})-[:HOLDS {key: 'k', source: 'a.txt'}]->(:Place {id: 'p'})")
    with pytest.raises(Neo4jLoadError, match="contract v1.*--wipe"):
        Neo4jLoader(driver).load(seeds_graph)


def test_server_going_away_mid_load_then_rerun_completes(driver, neo4j_server, seeds_graph):
    from neo4j import GraphDatabase

    proxy = CuttableProxy(neo4j_server.bolt_port)
    committed = []

    def cut_after_three(what, rows):
        committed.append(what)
        if len(committed) == 3:
            proxy.cut()

    with GraphDatabase.driver(f"bolt://127.0.0.1:{proxy.port}", auth=("neo4j", neo4j_server.password),
                              max_transaction_retry_time=2) as flaky:
        with pytest.raises(Neo4jLoadError, match="(?s)went away.*again completes"):
            Neo4jLoader(flaky, batch_size=40, on_batch=cut_after_three).load(seeds_graph)
    partial = sum(counts(driver)[0].values())
    assert 0 < partial < sum(label_counts(seeds_graph).values())
    Neo4jLoader(driver, batch_size=40).load(seeds_graph)
    assert_matches(driver, seeds_graph)


def test_article_text_cannot_inject_cypher(driver, seeds_out):
    records = records_of(seeds_out)[:1]
    records[0].officials[0].name = INJECTION
    records[0].article["title"] = INJECTION + ' MATCH (m) DETACH DELETE m RETURN "'
    g = graph_of(records)
    path = seeds_out.parent / "injection.graphml"
    write_graphml(g, path)
    Neo4jLoader(driver).load(read_graph(path))
    assert_matches(driver, g)
    rec = driver.execute_query("MATCH (o:Official {name: $name}) RETURN count(o) AS n", name=INJECTION).records
    assert rec[0]["n"] == 1


def test_every_library_query_answers_on_the_seeds(driver, neo4j_env, seeds_out, seeds_graph):
    Neo4jLoader(driver).load(read_graph(seeds_out / "graph.graphml"))
    files = sorted((ROOT / "queries").glob("*.cypher"))
    assert len(files) >= 12
    answers = {}
    for f in files:
        proc = run_kg("query", f.stem, "--json", env=neo4j_env)
        assert proc.returncode == 0, (f.name, proc.stderr)
        answers[f.stem] = json.loads(proc.stdout)
        assert answers[f.stem], f"{f.name} returned nothing on the seeds"
    assert {"official": "李猛", "title": "市委书记", "place": "德州市"}.items() <= next(
        r for r in answers["officials_of_city"] if r["official"] == "李猛").items()
    assert answers["officials_in_several_articles"][0]["official"] == "习近平"
    overview = {(r["kind"], r["name"]): r["count"] for r in answers["overview_counts"]}
    assert {name: n for (kind, name), n in overview.items() if kind == "node"} == label_counts(seeds_graph)
    path = answers["path_between_officials"][0]["path"]
    assert path[0] == "李猛" and path[-1] == "周辉" and not {"习近平", "中共中央"} & set(path)
    via_leader = run_kg("query", "path_between_officials", "--param", "to=习近平", "--json", env=neo4j_env)
    assert json.loads(via_leader.stdout)[0]["path"][-1] == "习近平"  # the end may be one; the way through, not
    proc = run_kg("query", "officials_of_city", "--param", "city=宁乡市", "--json", env=neo4j_env)
    assert {r["official"] for r in json.loads(proc.stdout)} >= {"周辉", "付旭明"}
    proc = run_kg("query", "officials_of_city", "--param", "town=x", env=neo4j_env)
    assert proc.returncode == 2 and "unknown parameter" in proc.stderr
    found = {r["name"] for r in answers["find_entity"]}
    assert "德州市" in found  # a short name finds the full one, through the cjk full-text index
    assert answers["career_of_official"][0]["title"] == "市委书记" and answers["holders_of_post"]


def _operators(plan) -> set[str]:
    return {plan["operatorType"].split("@")[0]} | set().union(*(_operators(c) for c in plan.get("children", [])))


def test_name_lookups_use_an_index(driver, seeds_out):
    """EXPLAIN of every library query that looks a node up by name: an index seek,
    no scan of a label's every node (the name indexes kg load creates); and of every query: no Cartesian product."""
    from kg.neo4j import queries

    Neo4jLoader(driver).load(read_graph(seeds_out / "graph.graphml"))
    library = queries.library(ROOT / "queries")
    lookups = [q for q in library.values() if "{name: $" in q.text]
    assert len(lookups) >= 5
    driver.execute_query("CALL db.clearQueryCaches()")  # plans made while the indexes were being populated
    scans = {}
    for q in lookups:
        with driver.session() as s:
            plan = s.run("EXPLAIN " + q.statement, q.params).consume().plan
        ops = _operators(plan)
        if not any("IndexSeek" in op for op in ops) or any(op.startswith("NodeByLabelScan") for op in ops):
            scans[q.name] = sorted(ops)
    assert scans == {}
    products = {}
    for q in library.values():  # no query of the library builds a Cartesian product
        with driver.session() as s:
            ops = _operators(s.run("EXPLAIN " + q.statement, q.params).consume().plan)
        if any(op.startswith("CartesianProduct") for op in ops):
            products[q.name] = sorted(ops)
    assert products == {}


def _database(driver) -> tuple[dict, dict]:
    """Every node (labels, properties with their types) by id, every relationship by key."""
    typed = lambda props: {k: (type(v).__name__, v) for k, v in props.items()}  # noqa: E731
    nodes = {r["id"]: (sorted(r["labels"]), typed(r["p"])) for r in driver.execute_query(
        "MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS p").records}
    rels = {r["key"]: (r["type"], r["a"], r["b"], typed(r["p"])) for r in driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN r.key AS key, type(r) AS type, a.id AS a, b.id AS b, properties(r) AS p").records}
    return nodes, rels


def test_the_apoc_route_gives_the_database_kg_load_gives(driver, neo4j_server, seeds_out, seeds_graph):
    """README's APOC route: apoc.import.graphml, then queries/setup/after_apoc_import.cypher. Every node,
    relationship and property (with its type) is what `kg load` writes, and `kg load` on top changes nothing."""
    from kg.neo4j.queries import split_statements

    shutil.copy(seeds_out / "graph.graphml", neo4j_server.import_dir / "graph.graphml")
    rec = driver.execute_query("CALL apoc.import.graphml('file:///graph.graphml', {readLabels: true}) "
                               "YIELD nodes, relationships RETURN nodes, relationships").records[0]
    assert (rec["nodes"], rec["relationships"]) == (seeds_graph.number_of_nodes(), seeds_graph.number_of_edges())
    script = (ROOT / "queries" / "setup" / "after_apoc_import.cypher").read_text(encoding="utf-8")
    for statement in split_statements(script):
        driver.execute_query(statement)
    via_apoc = _database(driver)
    Neo4jLoader(driver).load(read_graph(seeds_out / "graph.graphml"))  # on top: nothing changes
    assert _database(driver) == via_apoc
    Neo4jLoader(driver).wipe()
    Neo4jLoader(driver).load(read_graph(seeds_out / "graph.graphml"))
    assert _database(driver) == via_apoc and len(via_apoc[1]) == seeds_graph.number_of_edges()
    constraints = {r["name"] for r in driver.execute_query("SHOW CONSTRAINTS YIELD name").records}
    assert {f"kg_{label.lower()}_id" for label in ("Official", "Place", "Article")} <= constraints


def _graph_facts(g) -> tuple[dict, dict]:
    return dict(g.nodes(data=True)), {k: (u, v, d) for u, v, k, d in g.edges(keys=True, data=True)}


def test_a_graph_exported_with_apoc_reads_as_the_built_graph_and_loads_as_a_no_op(driver, neo4j_server, seeds_out,
                                                                                   seeds_graph, tmp_path):
    """apoc.export.graphml.all(…, {useTypes: true}) of a database kg load wrote: kg reads it back as the graph
    kg build wrote (ids, keys, labels, lists, evidence objects), and `kg load` of it changes nothing. (The graph
    loaded is the file as plain networkx reads it, lists as JSON strings: the loader takes that form too.)"""
    Neo4jLoader(driver).load(seeds_graph)
    before = _database(driver)
    driver.execute_query("CALL apoc.export.graphml.all('apoc-export.graphml', {useTypes: true})")
    exported = tmp_path / "apoc-export.graphml"
    shutil.copy(neo4j_server.import_dir / "apoc-export.graphml", exported)
    again = read_graph(exported)
    assert _graph_facts(again) == _graph_facts(read_graph(seeds_out / "graph.graphml"))
    Neo4jLoader(driver).load(again)
    assert _database(driver) == before


def test_bulk_csv_import_with_neo4j_admin_equals_the_graph(neo4j_server, seeds_out, seeds_graph, tmp_path):
    """`kg csv` files through the real `neo4j-admin database import full` into a fresh instance, as
    `make neo4j-import` runs it (the same arguments `kg csv` prints): the same nodes, relationships and
    properties as the graph, and the constraints and indexes."""
    import secrets
    import shlex

    import neo4j_server as server
    from neo4j import GraphDatabase

    proc = run_kg("csv", seeds_out, "--out", tmp_path / "csv", check=True)
    command = shlex.split(proc.stdout.strip())
    assert command[:4] == ["neo4j-admin", "database", "import", "full"]


    assert command[1:] == CsvExport.from_folder(tmp_path / "csv").arguments()  # what make neo4j-import runs
    inst = server.Instance(tmp_path / "bulk", server.free_port(), server.free_port())
    password = secrets.token_urlsafe(12)
    # `make neo4j-import` (scripts/neo4j_server.py import): the printed command, then the schema, server started
    server.bulk_import(inst, tmp_path / "csv", password, log=lambda m: None)
    try:
        with GraphDatabase.driver(inst.uri, auth=("neo4j", password)) as drv:
            assert_matches(drv, seeds_graph)
            indexes = {r["name"] for r in drv.execute_query("SHOW INDEXES YIELD name").records}
            assert {"kg_official_id", "kg_place_name", "kg_names"} <= indexes
            with drv.session() as s:
                holds = s.run("MATCH (o:Official {name: '李猛'})-[h:HOLDS]->(c:City) "
                              "RETURN o.titles AS titles, h.title AS title, h.key AS key, c.name AS city").data()
                metric = s.run("MATCH (m:Metric {text: '1.5万个'}) RETURN m.value AS value").single()
    finally:
        inst.stop(log=lambda m: None)
    (li,) = [n for n, d in seeds_graph.nodes(data=True) if d.get("name") == "李猛"]
    assert holds and all(h["city"] == "德州市" and h["title"] == "市委书记" for h in holds)
    assert holds[0]["titles"] == json.loads(seeds_graph.nodes[li]["titles"])  # seeds_graph: GraphML as read
    assert {h["key"] for h in holds} == {k for _, _, k, d in seeds_graph.out_edges(li, keys=True, data=True)
                                          if d["label"] == "HOLDS"}
    assert metric["value"] == 15000.0


def test_out_of_core_import_files_load_with_neo4j_admin_as_the_graph(neo4j_server, seeds_graph, tmp_path):
    """`kg build --assembly disk` writes each group as a header and parts (one per partition):
    `neo4j-admin database import full` takes them as `--nodes=header,part,part` and the database
    holds the graph of the in-memory build."""
    import secrets

    import neo4j_server as server
    from neo4j import GraphDatabase

    run_kg("build", ROOT / "seeds", "--out", tmp_path / "out", "--quiet", "--no-views", "--assembly", "disk",
           "--partitions", "3", check=True)
    folder = tmp_path / "out" / "assembly" / "import"
    assert any(isinstance(g, tuple) and len(g) > 2 for g in CsvExport.from_folder(folder).nodes)
    inst = server.Instance(tmp_path / "bulk", server.free_port(), server.free_port())
    password = secrets.token_urlsafe(12)
    server.bulk_import(inst, folder, password, log=lambda m: None)
    try:
        with GraphDatabase.driver(inst.uri, auth=("neo4j", password)) as drv:
            assert_matches(drv, seeds_graph)
    finally:
        inst.stop(log=lambda m: None)
