"""Faults injected into real `kg build` processes — kill -9 at several moments,
Ctrl-C, a worker killed, writes that fail, a damaged cache. After each: the
previous complete build is intact (or the new one complete), networkx reads the
graph, and a re-run gives the graph a clean build gives."""
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import psutil
import pytest

from conftest import ROOT
from kg.graph.export import read_graph, read_manifest
from kg.graph.schema import same_graph

pytestmark = pytest.mark.pipeline
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def corpus(folder: Path, n: int) -> Path:
    """``n`` distinct articles: the seeds, each copy with a closing line of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        seed = SEEDS[i % len(SEEDS)]
        (folder / f"{i:03d}.txt").write_text(seed.read_text(encoding="utf-8") + f"\n全市新建驿站{i + 1}个。\n",
                                             encoding="utf-8")
    return folder


def kg_build(inputs, out, *flags, preexec=None, env=None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(inputs), "--out", str(out), "--quiet",
                             *flags], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=preexec, env={**os.environ, **(env or {})}, start_new_session=True)


def finish(proc: subprocess.Popen, timeout=300) -> tuple[int, str]:
    _, err = proc.communicate(timeout=timeout)
    return proc.returncode, err


def snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in ("graph.graphml", "graph.json", "entities.jsonl",
                                                          "manifest.json")}


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """A corpus, a complete build of its first half (the 'previous build') and a clean build of all of it."""
    tmp = tmp_path_factory.mktemp("faults")
    full = corpus(tmp / "corpus", 30)
    half = tmp / "half"
    half.mkdir()
    for f in sorted(full.iterdir())[:10]:
        (half / f.name).write_bytes(f.read_bytes())
    code, err = finish(kg_build(half, tmp / "previous", "--no-views", "--no-cache"))
    assert code == 0, err
    code, err = finish(kg_build(full, tmp / "reference", "--no-views", "--no-cache"))
    assert code == 0, err
    return tmp, full, read_graph(tmp / "reference")


def fresh_copy_of_previous(tmp: Path, name: str) -> Path:
    import shutil

    out = tmp / name
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(tmp / "previous", out)
    return out


def assert_intact_or_complete(out: Path, before: dict[str, bytes], reference: nx.MultiDiGraph) -> str:
    manifest = read_manifest(out)
    assert manifest is not None
    nx.read_graphml(out / "graph.graphml")  # whatever happened, the file is whole
    if snapshot(out) == before:
        return "previous"
    assert manifest["status"] == "complete" and same_graph(read_graph(out), reference)
    return "new"


@pytest.mark.parametrize("after", [1.0, 3.0, 6.0, 9.0])
def test_kill_9_at_any_moment_leaves_the_previous_build_or_the_new_one(clean, after):
    tmp, full, reference = clean
    out = fresh_copy_of_previous(tmp, f"kill-{after}")
    before = snapshot(out)
    proc = kg_build(full, out, "--no-views")
    time.sleep(after)
    os.killpg(proc.pid, signal.SIGKILL)
    finish(proc)
    assert_intact_or_complete(out, before, reference)
    code, err = finish(kg_build(full, out, "--no-views"))  # the re-run completes it (cache included)
    assert code == 0, err
    assert same_graph(read_graph(out), reference)


def test_ctrl_c_exits_130_and_keeps_the_previous_build(clean):
    tmp, full, reference = clean
    out = fresh_copy_of_previous(tmp, "sigint")
    before = snapshot(out)
    proc = kg_build(full, out, "--no-views", "--no-cache")
    time.sleep(3.0)
    os.killpg(proc.pid, signal.SIGINT)
    code, err = finish(proc)
    assert code == 130 and "interrupted" in err and "Traceback" not in err
    assert snapshot(out) == before


def test_a_killed_worker_is_replaced_and_nothing_is_lost(clean):
    tmp, full, reference = clean
    out = tmp / "worker"
    proc = kg_build(full, out, "--no-views", "--no-cache", "--workers", "2")
    victim = None
    deadline = time.time() + 60
    while victim is None and time.time() < deadline:
        kids = [c for c in psutil.Process(proc.pid).children(recursive=True) if "python" in c.name()]
        busy = [c for c in kids if c.cpu_percent(interval=0.2) > 20]
        victim = busy[0] if busy else None
    assert victim is not None, "no worker seen extracting"
    victim.kill()
    code, err = finish(proc)
    assert code == 0, err
    assert same_graph(read_graph(out), reference)


def test_a_write_that_fails_keeps_the_previous_build(clean):
    """Writes beyond 150 kB fail (RLIMIT_FSIZE, as a full disk would make them
    fail): exit 3 with the reason; the previous outputs untouched."""
    tmp, full, reference = clean
    out = fresh_copy_of_previous(tmp, "full-disk")
    before = snapshot(out)

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (150_000, 150_000))

    code, err = finish(kg_build(full, out, "--no-views", "--no-cache", preexec=small_files))
    assert code == 3 and "[E106]" in err and "previous build there is intact" in err, err
    assert snapshot(out) == before
    code, err = finish(kg_build(full, out, "--no-views", "--no-cache"))
    assert code == 0 and same_graph(read_graph(out), reference)


@pytest.mark.parametrize("damage", ["truncated", "random bytes", "one bad entry"])
def test_a_damaged_cache_is_set_aside_or_mended_and_the_build_completes(clean, damage):
    tmp, full, reference = clean
    out = tmp / f"cache-{damage}"
    code, err = finish(kg_build(full, out, "--no-views"))
    assert code == 0, err
    cache = out / "cache.sqlite"
    if damage == "truncated":
        cache.write_bytes(cache.read_bytes()[:3000])
    elif damage == "random bytes":
        cache.write_bytes(random.Random(1).randbytes(50_000))
    else:
        with sqlite3.connect(cache) as db:
            db.execute("UPDATE records SET record = ? WHERE rowid = 1", (b"not zlib",))
    code, err = finish(kg_build(full, out, "--no-views"))
    assert code == 0, err
    assert same_graph(read_graph(out), reference)
    if damage != "one bad entry":
        assert "not a usable cache" in err and list(out.glob("cache.sqlite.corrupt-*"))
