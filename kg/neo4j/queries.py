"""The Cypher files in ``queries/``: one question each, runnable in Neo4j Browser
as they are and from ``kg query`` through the driver.

A file starts with ``//`` comment lines, the first saying what it answers, then one
``:param name => value;`` line per parameter with an example value: Browser's own
command, so a Browser user pastes and runs those lines, then the query below them
(a test does exactly that in Neo4j Browser, in headless Chromium). ``kg query`` uses
the same lines as defaults, so every file runs with no arguments. The comments hold
no straight quote or apostrophe: Browser reads one in a comment as the start of a
string and then does not send the parameters the query uses.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import QueryNotFound, QueryParameterError

PARAM = re.compile(r"^(?://\s*)?:param\s+(\w+)\s*=>\s*(.+?)\s*;?\s*$")


@dataclass
class CypherQuery:
    name: str
    path: Path
    text: str
    summary: str
    params: dict[str, object] = field(default_factory=dict)  # name → example value

    @property
    def statement(self) -> str:
        """The text the driver runs: the query without the ``:param`` lines (Browser commands) and without the
        trailing ';' (Browser accepts it, Bolt does not)."""
        return "\n".join(line for line in self.text.splitlines() if not PARAM.match(line)).strip().rstrip(";")

    @property
    def param_lines(self) -> str:
        """The ``:param`` lines, as a Browser user pastes them first."""
        return "\n".join(line for line in self.text.splitlines() if PARAM.match(line))

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
        if not (line.startswith("//") or PARAM.match(line)):
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
    """The Cypher statements of a script as Browser runs it: ``//`` comment lines and
    ``:param`` commands dropped, one statement per ``;`` that ends a line.

    >>> split_statements("// set up\\nMATCH (n) SET n.x = 1;\\nMATCH (n)\\nRETURN n;\\n")
    ['MATCH (n) SET n.x = 1', 'MATCH (n)\\nRETURN n']
    """
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//") and not PARAM.match(line))
    return [s.strip() for s in re.split(r";[ \t]*(?:\n|$)", code) if s.strip()]
