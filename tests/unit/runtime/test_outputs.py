"""The output folder: all outputs at once or none, one build at a time, and a
build interrupted while its outputs were being renamed into place is finished."""
import json
import multiprocessing
import os

import pytest

from kg.errors import BuildLocked, IncompleteBuild, OutputError
from kg.graph.export import read_graph, read_manifest
from kg.runtime.outputs import STAGING, OutputFolder


def _stage(out: OutputFolder, graph: str, extra: dict[str, str] | None = None):
    staging = out.start()
    (staging / "graph.graphml").write_text(graph, encoding="utf-8")
    for name, text in (extra or {}).items():
        (staging / name).write_text(text, encoding="utf-8")
    return staging


GRAPH = ('<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
         '<key id="labels" for="node" attr.name="labels" attr.type="string"/>'
         '<graph edgedefault="directed"><node id="a"><data key="labels">:Article</data></node></graph></graphml>')


def test_outputs_appear_only_at_commit_and_stale_ones_go(tmp_path):
    out = OutputFolder(tmp_path / "out")
    with out.locked():
        _stage(out, GRAPH, {"errors.jsonl": "{}\n"})
        assert not (out.folder / "graph.graphml").exists()  # staged, not yet in place
        out.commit({"articles": 1})
    assert (out.folder / "errors.jsonl").exists() and read_graph(out.folder).number_of_nodes() == 1
    with out.locked():
        _stage(out, GRAPH)  # no errors this time: the old errors.jsonl must not stay
        out.commit({"articles": 1})
    assert not (out.folder / "errors.jsonl").exists() and not (out.folder / STAGING).exists()
    assert read_manifest(out.folder)["files"] == ["graph.graphml"]


def test_an_interrupted_rename_is_rolled_forward_by_the_next_build(tmp_path):
    out = OutputFolder(tmp_path / "out")
    with out.locked():
        staging = _stage(out, GRAPH)
        # As if killed between writing the journal and the renames:
        (staging / "manifest.json").write_text(json.dumps({"status": "staged", "files": ["graph.graphml"]}))
        (out.folder / "manifest.json").write_text(json.dumps({"status": "replacing"}))
    with pytest.raises(IncompleteBuild, match="did not finish"):
        read_graph(out.folder)
    with out.locked():  # the next build takes the lock, and finishes the last one first
        pass
    assert read_manifest(out.folder)["status"] == "complete" and read_graph(out.folder).number_of_nodes() == 1


def test_a_staging_folder_without_journal_is_thrown_away(tmp_path):
    out = OutputFolder(tmp_path / "out")
    (out.folder / STAGING).mkdir()
    (out.folder / STAGING / "graph.graphml").write_text("<graphml>", encoding="utf-8")  # killed mid-write
    with out.locked():
        pass
    assert not (out.folder / STAGING).exists() and not (out.folder / "graph.graphml").exists()


def _hold_lock(folder, ready, release):
    with OutputFolder(folder).locked():
        ready.set()
        release.wait(20)


def test_a_second_build_into_the_same_folder_is_refused(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(tmp_path / "out", ready, release))
    holder.start()
    try:
        assert ready.wait(20)
        with pytest.raises(BuildLocked, match=rf"another kg build is writing here \(pid {holder.pid}"):
            with OutputFolder(tmp_path / "out").locked():
                pass
    finally:
        release.set()
        holder.join(20)
    with OutputFolder(tmp_path / "out").locked():  # released when the holder is done
        pass


def test_an_output_path_that_cannot_be_a_folder(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="is not a folder"):
        OutputFolder(tmp_path / "file")
    with pytest.raises(OutputError, match="cannot write there"):
        OutputFolder("/proc/kg-out")
    if os.geteuid() != 0:  # root writes into read-only folders anyway
        (tmp_path / "ro").mkdir(mode=0o555)
        with pytest.raises(OutputError):
            OutputFolder(tmp_path / "ro" / "out")
