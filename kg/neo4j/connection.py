"""A driver that has been checked to reach the server, or a clear error.

The driver connects lazily, so a wrong address or password would otherwise
surface as a stack trace in the middle of the first query.
"""
from __future__ import annotations

import logging

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from kg.errors import Neo4jConnectionError


# The driver logs each connection it finds dead ("Failed to read from defunct connection")
# on its way to the error kg reports in one line itself: only its errors are shown.
logging.getLogger("neo4j").setLevel(logging.ERROR)


def connect(uri: str, user: str, password: str | None, retry_seconds: float = 30.0) -> Driver:
    """A verified driver; :class:`~kg.errors.Neo4jConnectionError` naming the address otherwise."""
    if not password:
        raise Neo4jConnectionError("no password: pass --password or set NEO4J_PASSWORD")
    driver = GraphDatabase.driver(uri, auth=(user, password), max_transaction_retry_time=retry_seconds)
    try:
        driver.verify_connectivity()
    except AuthError as exc:
        driver.close()
        raise Neo4jConnectionError(f"{uri}: authentication failed for user {user!r}: {exc.message}") from exc
    except (ServiceUnavailable, OSError) as exc:
        driver.close()
        raise Neo4jConnectionError(f"{uri}: no Neo4j answers there ({exc}). Start one with `docker compose up -d` "
                                   f"or `python scripts/neo4j_server.py start`.") from exc
    return driver
