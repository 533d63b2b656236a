"""A driver is verified before use: no password, no server → one clear error naming the address."""
import pytest

from kg.errors import Neo4jConnectionError
from kg.neo4j.connection import connect


def test_no_password():
    with pytest.raises(Neo4jConnectionError, match="no password"):
        connect("bolt://127.0.0.1:1", "neo4j", None)


def test_nothing_listening_names_the_address():
    with pytest.raises(Neo4jConnectionError, match="bolt://127.0.0.1:1: no Neo4j answers there"):
        connect("bolt://127.0.0.1:1", "neo4j", "secret", retry_seconds=0)
