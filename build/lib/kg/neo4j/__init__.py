"""Stage 4, Neo4j: the graph into a database and questions out of it.

- :mod:`~kg.neo4j.cypher`: every statement kg writes (labels from the allow-lists only);
- :mod:`~kg.neo4j.loader`: batched, idempotent ``kg load``;
- :mod:`~kg.neo4j.bulk`: CSV files for ``neo4j-admin database import`` (``kg csv``);
- :mod:`~kg.neo4j.queries`: the Cypher library in ``queries/`` (``kg query``).

The server itself (tests, ``make neo4j-start``) is ``scripts/neo4j_server.py``:
standard library only, because it runs before the virtualenv exists.
"""
