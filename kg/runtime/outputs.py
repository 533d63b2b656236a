"""A build's output folder: written completely or not at all, by one build at a time.

What can go wrong while a build writes, and what this module does about it:

- **a crash, kill -9, Ctrl-C or a full disk mid-write** would leave a truncated
  ``graph.graphml`` beside an older ``entities.jsonl``. Every output is written
  into ``OUT/.kg-staging/`` first; only when all of them are complete are they
  renamed into place (renames in one folder: milliseconds, no data copied). A
  journal, ``.kg-staging/manifest.json`` with status ``staged``, is written before
  the first rename, so a build interrupted *during* the renames is rolled
  forward by the next one. ``manifest.json`` (version, inputs, counts, files,
  status ``complete``) is written last; while the renames run it says
  ``replacing``, and readers (``kg load``, ``kg views``, ``kg csv``) refuse a
  folder whose manifest is not complete (:func:`kg.graph.export.read_graph`).
- **two builds into one folder** would interleave their writes: ``OUT/.kg-lock``
  is held with ``flock`` for the whole build; a second build says which process
  holds it and exits 2.
- **an output folder inside the input folder** would be read back as articles:
  the caller excludes it (:func:`loaders.sources.iter_inputs` ``exclude``).

The extraction cache (``cache.sqlite``) is not staged: SQLite commits atomically.

>>> import tempfile, pathlib
>>> out = OutputFolder(pathlib.Path(tempfile.mkdtemp()) / "out")
>>> with out.locked():
...     staging = out.start()
...     _ = (staging / "graph.graphml").write_text("<graphml/>")
...     manifest = out.commit({"articles": 0})
>>> sorted(p.name for p in out.folder.iterdir())
['.kg-lock', 'graph.graphml', 'manifest.json']
>>> read_manifest(out.folder)["status"]
'complete'
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

from kg import __version__
from kg.errors import BuildFailed, BuildLocked, OutputError
from kg.graph.export import MANIFEST, read_manifest

STAGING = ".kg-staging"
LOCK = ".kg-lock"
# Everything a build writes; one it does not write this time is removed (stale).
OUTPUTS = ("graph.graphml", "graph.json", "entities.jsonl", "errors.jsonl", "views", "assembly")

try:
    import fcntl
except ImportError:  # not POSIX: no lock, the rest works
    fcntl = None


class OutputFolder:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise OutputError(f"{self.folder}: exists and is not a folder; name a folder for --out")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            probe = self.folder / f".kg-probe-{os.getpid()}"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise OutputError(f"{self.folder}: cannot write there ({exc.strerror or exc}); choose another --out") from exc
        self.staging = self.folder / STAGING
        self._lock_fh = None

    # -- one build at a time ------------------------------------------------------------
    @contextmanager
    def locked(self):
        """Hold the folder's lock; :class:`~kg.errors.BuildLocked` if another build has it."""
        fh = (self.folder / LOCK).open("a+")
        if fcntl is not None:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                fh.seek(0)
                holder = fh.read().strip() or "another process"
                fh.close()
                raise BuildLocked(f"{self.folder}: another kg build is writing here ({holder}); "
                                  f"wait for it or choose another --out") from exc
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}")
        fh.flush()
        self._lock_fh = fh
        try:
            self.recover()
            yield self
        finally:
            fh.seek(0)
            fh.truncate()
            fh.close()
            self._lock_fh = None

    # -- staging, then all at once --------------------------------------------------------
    def start(self) -> Path:
        """A fresh, empty staging folder for this build's outputs."""
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir()
        return self.staging

    def commit(self, manifest: dict) -> dict:
        """Move every staged output into place, then write the manifest (status complete)."""
        names = sorted(p.name for p in self.staging.iterdir() if p.name != MANIFEST)
        journal = {**manifest, "kg": __version__, "status": "staged", "files": names}
        try:
            _write_json(self.staging / MANIFEST, journal)
            self._roll_forward(journal)
        except OSError as exc:
            raise BuildFailed(f"{self.folder}: could not put the new outputs in place ({exc.strerror or exc})"
                              + (": the disk is full" if exc.errno == errno.ENOSPC else "")
                              + "; run the build again") from exc
        return read_manifest(self.folder)

    def recover(self) -> None:
        """Finish a build that was interrupted while its outputs were being renamed
        into place; throw away the staging folder of one interrupted before that."""
        if not self.staging.exists():
            return
        journal = read_manifest(self.staging)
        if journal and journal.get("status") == "staged":
            self._roll_forward(journal)
        else:
            shutil.rmtree(self.staging, ignore_errors=True)

    def _roll_forward(self, journal: dict) -> None:
        _write_json(self.folder / MANIFEST, {**journal, "status": "replacing"})
        old = self.staging / ".replaced"
        old.mkdir(exist_ok=True)
        for name in journal["files"]:
            staged, target = self.staging / name, self.folder / name
            if not staged.exists():
                continue  # moved before an interruption
            if staged.is_dir() and target.exists():
                target.rename(old / name)  # a folder cannot be replaced in one rename
            os.replace(staged, target)
        for name in set(OUTPUTS) - set(journal["files"]):
            _remove(self.folder / name)  # an output this build does not write: errors.jsonl, views/ of the last one
        _write_json(self.folder / MANIFEST, {**journal, "status": "complete", "finished": _now()})
        shutil.rmtree(self.staging, ignore_errors=True)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")


def _write_json(path: Path, data: dict) -> None:
    """Atomically: a temporary file beside the target, flushed to disk, renamed over it."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
