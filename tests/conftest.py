import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def run_kg(*args, check=False):
    """The public CLI, as a user runs it."""
    proc = subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True, text=True, cwd=ROOT)
    if check and proc.returncode != 0:
        raise AssertionError(proc.stderr)
    return proc


@pytest.fixture(scope="session")
def gaz():
    from kg.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds-out")
    proc = run_kg("build", ROOT / "seeds", "--out", out, "--quiet")
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="session")
def seeds_graph(seeds_out):
    import networkx as nx

    return nx.read_graphml(seeds_out / "graph.graphml", force_multigraph=True)
