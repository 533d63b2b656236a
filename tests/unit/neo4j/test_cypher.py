"""Write-side Cypher: names only from the allow-lists; off-schema graphs refused
before any write; docker-compose in step with the server the tests run."""
import json
import re

import networkx as nx
import pytest

from conftest import ROOT
from kg.errors import GraphError, NameNotAllowed
from kg.graph.export import read_graph, write_graphml
from kg.neo4j import cypher
from kg.neo4j.cypher import node_statement, relationship_statement
from kg.neo4j.loader import Neo4jLoader


def test_statements_only_take_allow_listed_names():
    assert "MERGE (n:`Place` {id: row.id})" in node_statement(("Place", "City"))
    assert "SET n:`City`" in node_statement(("Place", "City"))
    assert "MATCH (a:`Official` {id: row.src})" in relationship_statement("HOLDS", "Official", "Place")
    with pytest.raises(ValueError):
        node_statement(("Official`) DETACH DELETE n //",))
    with pytest.raises(ValueError):
        relationship_statement("HOLDS]->() DELETE r //", "Official", "Place")


def test_unknown_label_in_graphml_is_refused(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("x", id="x", labels=":Sneaky")
    write_graphml(g, tmp_path / "g.graphml")
    with pytest.raises(GraphError, match="Sneaky"):
        Neo4jLoader(driver=None).load(read_graph(tmp_path / "g.graphml"))


def test_docker_compose_matches_the_server_the_tests_use():
    import yaml

    svc = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["neo4j"]
    version = re.search(r"<neo4j.version>(\d+\.\d+)", (ROOT / "scripts/neo4j/server.pom.xml").read_text()).group(1)
    assert svc["image"].startswith(f"neo4j:{version}")
    env = svc["environment"]
    assert json.loads(env["NEO4J_PLUGINS"]) == ["apoc"] and env["NEO4J_apoc_import_file_enabled"] == "true"
    assert "${NEO4J_PASSWORD" in env["NEO4J_AUTH"]  # from .env, never written here
    assert {"127.0.0.1:7474:7474", "127.0.0.1:7687:7687"} == set(svc["ports"])
    assert any(v.endswith(":/import:ro") for v in svc["volumes"])
    assert "cypher-shell" in " ".join(svc["healthcheck"]["test"]) and "RETURN 1" in " ".join(svc["healthcheck"]["test"])
    assert env["NEO4J_dbms_usage__report_enabled"] == "false"  # no telemetry, as the provisioned server


def test_the_server_script_reads_the_password_from_dot_env(tmp_path):
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import neo4j_server

    (tmp_path / ".env").write_text("# kg\nNEO4J_PASSWORD='s3cret=x'\nOTHER=1\n")
    assert neo4j_server._dotenv(tmp_path / ".env") == {"NEO4J_PASSWORD": "s3cret=x", "OTHER": "1"}
    assert neo4j_server._dotenv(tmp_path / "missing") == {}


def test_a_name_outside_the_allow_lists_is_named_in_the_error():
    with pytest.raises(NameNotAllowed, match="Sneaky"):
        cypher.name("Sneaky", cypher.LABELS)
    assert cypher.name("HOLDS", cypher.RELATIONS) == "`HOLDS`"


def test_one_uniqueness_constraint_per_label():
    statements = cypher.constraint_statements()
    assert len(statements) == len(cypher.LABELS)
    assert all("REQUIRE n.id IS UNIQUE" in s for s in statements)


def test_the_apoc_setup_script_creates_what_kg_load_creates():
    from kg.neo4j.queries import split_statements

    script = (ROOT / "queries" / "setup" / "after_apoc_import.cypher").read_text(encoding="utf-8")
    created = [s for s in split_statements(script) if s.startswith("CREATE")]
    assert created == cypher.schema_statements()


def test_every_named_label_has_a_name_index_and_the_full_text_index_uses_cjk():
    statements = cypher.index_statements()
    for label in cypher.NAMED:
        assert any(f"(n:`{label}`) ON (n.name)" in s for s in statements), label
    assert "FULLTEXT INDEX kg_names" in statements[-1] and "'cjk'" in statements[-1]
