"""What the ``kg`` subcommands share: the consoles and the graph argument.

Messages go to stderr, results (query rows, the neo4j-admin command, tables of
``kg eval``/``kg query``) to stdout. Written to a terminal, rich lays text out
for its width; written to a pipe or a file, a line is never wrapped — a path in
an error message broken at column 80 (or at ``COLUMNS=40``) cannot be searched
for, copied or matched by a script.
"""
from __future__ import annotations

import argparse
import sys

from rich.console import Console

_UNWRAPPED = 10_000  # columns for a stream that is not a terminal: tables take what they need, text never wraps


def _console(stream) -> Console:
    tty = stream.isatty()
    return Console(file=stream, soft_wrap=not tty, width=None if tty else _UNWRAPPED)


console = _console(sys.stderr)   # messages, progress, summaries
results = _console(sys.stdout)   # what a command answers


def add_graph_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("graph", nargs="?", default="out/graph.graphml", help="graph.graphml or a build folder")
