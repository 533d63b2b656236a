"""The package as a user installs it: a wheel, in a fresh virtual environment,
run outside the checkout. Templates, the query library and the lexicons must be
inside it (they were not: `kg views` and `kg query` failed outside a checkout)."""
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from conftest import ROOT, tiny_record


def run(cmd, cwd, env=None):
    proc = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
    assert proc.returncode == 0, (cmd, proc.stdout[-2000:], proc.stderr[-2000:])
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """kg's wheel in a new venv whose only other packages are the dependencies
    (reached through a path file, so the checkout's editable kg is not among them)."""
    tmp = tmp_path_factory.mktemp("wheel")
    # From a copy of the sources: setuptools leaves build/ beside them, and a stale one would be packaged.
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".*", "build", "dist", "out", "*.egg-info",
                                                                "__pycache__", "tests", "bench", "docs"))
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", tmp / "dist", source],
        cwd=tmp)
    (wheel,) = (tmp / "dist").glob("kg-*.whl")
    venv = tmp / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp)
    python = venv / "bin" / "python"
    site = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=tmp).stdout.strip())
    (site / "kg_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel], cwd=tmp)
    return venv, tmp


def test_the_installed_package_is_the_wheel(installed):
    venv, tmp = installed
    where = run([venv / "bin" / "python", "-c", "import kg, loaders; print(kg.__file__); print(loaders.__file__)"],
                cwd=tmp).stdout.split()
    assert all(str(venv) in w for w in where), where


def test_query_list_views_and_build_outside_the_checkout(installed):
    venv, tmp = installed
    kg = venv / "bin" / "kg"
    listed = run([kg, "query", "--list"], cwd=tmp).stdout
    assert "officials_of_city" in listed and "overview_counts" in listed

    from kg.graph.builder import GraphBuilder
    from kg.graph.export import write_graphml

    builder = GraphBuilder()
    builder.add(tiny_record())
    write_graphml(builder.graph, tmp / "graph.graphml")
    run([kg, "views", tmp / "graph.graphml", "--out", tmp / "views"], cwd=tmp)
    assert (tmp / "views" / "index.html").read_text(encoding="utf-8").count("href=") >= 3
    assert (tmp / "views" / "assets" / "vis-network.min.js").exists()

    (tmp / "article.txt").write_text("德州市召开会议。市委书记王建国出席。全市建成驿站30个。", encoding="utf-8")
    run([kg, "build", tmp / "article.txt", "--out", tmp / "out", "--quiet"], cwd=tmp)
    assert "王建国" in (tmp / "out" / "graph.graphml").read_text(encoding="utf-8")
