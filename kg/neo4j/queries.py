"""The Cypher files in ``queries/``: one question each, runnable in Neo4j Browser
as they are and from ``kg query`` through the driver.

A file starts with ``//`` comment lines: the first says what it answers; lines
``// :param name => value`` give each parameter an example value, written as
Browser's ``:param`` command so a Browser user can paste it. ``kg query`` uses
the same lines as defaults, so every file runs with no arguments.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import QueryNotFound, QueryParameterError

PARAM = re.compile(r"^//\s*:param\s+(\w+)\s*=>\s*(.+?)\s*$")


@dataclass
class CypherQuery:
    name: str
    path: Path
    text: str
    summary: str
    params: dict[str, object] = field(default_factory=dict)  # name → example value

    @property
    def statement(self) -> str:
        """The text the driver runs: Browser accepts a trailing ';', Bolt does not."""
        return self.text.strip().rstrip(";")

    def bind(self, given: dict[str, str]) -> dict[str, object]:
        """Example values overridden by ``given``; each value takes its example's type."""
        unknown = set(given) - set(self.params)
        if unknown:
            raise QueryParameterError(f"{self.name}: unknown parameter(s) {sorted(unknown)}; it takes {sorted(self.params)}")
        bound = dict(self.params)
        for k, raw in given.items():
            example = self.params[k]
            bound[k] = type(example)(raw) if isinstance(example, (int, float)) else raw
        return bound


def parse(path: Path) -> CypherQuery:
    text = path.read_text(encoding="utf-8")
    header = []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        header.append(line)
    params = {}
    for line in header:
        m = PARAM.match(line)
        if m:
            params[m.group(1)] = ast.literal_eval(m.group(2))
    summary = header[0].lstrip("/ ").strip() if header else ""
    return CypherQuery(path.stem, path, text, summary, params)


def library(folder: Path) -> dict[str, CypherQuery]:
    return {q.name: q for q in map(parse, sorted(folder.glob("*.cypher")))}


def get(folder: Path, name: str) -> CypherQuery:
    queries = library(folder)
    if name not in queries:
        raise QueryNotFound(f"no query {name!r} in {folder}; `kg query --list` shows {len(queries)} queries")
    return queries[name]


def split_statements(text: str) -> list[str]:
    """The statements of a Cypher script as Browser runs it: ``//`` comment lines
    dropped, one statement per ``;`` that ends a line.

    >>> split_statements("// set up\\nMATCH (n) SET n.x = 1;\\nMATCH (n)\\nRETURN n;\\n")
    ['MATCH (n) SET n.x = 1', 'MATCH (n)\\nRETURN n']
    """
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [s.strip() for s in re.split(r";[ \t]*(?:\n|$)", code) if s.strip()]
