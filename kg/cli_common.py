"""What the ``kg`` subcommands share: the console for messages and errors, and
the graph argument of the commands that read a build."""
from __future__ import annotations

import argparse

from rich.console import Console

console = Console(stderr=True)  # stdout stays for results (query rows, the neo4j-admin command)


def add_graph_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("graph", nargs="?", default="out/graph.graphml", help="graph.graphml or a build folder")
