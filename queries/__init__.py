"""The Cypher query library: one question per ``.cypher`` file, runnable as it
is in Neo4j Browser and through ``kg query`` (:mod:`kg.neo4j.queries`).

The folder stays at the top of the repository, where a Browser user looks for
it; the wheel ships it inside the package as ``kg.queries`` (pyproject.toml).
"""
