"""The pkuseg model in a form that loads fast, written once at install time.

spaCy stores pkuseg's model as msgpack: a 2.6-million-entry feature table, a
1.1-million-entry bigram list that only training reads, and the weights in an
``.npz``. Decoding that took ~3.7 s of every start. Here:

* the weights are a plain ``.npy``, memory-mapped: no load time, and worker
  processes share its pages instead of each holding 100 MB;
* the bigrams are dropped;
* the feature table is stored grouped by the first character of what the
  feature describes (``c-1c.国.家`` → 国), and a group is added to the table
  the first time a text contains that character. Every feature pkuseg looks
  up for a text starts with one of that text's (normalized) characters, so the
  table always holds every feature that can fire: segmentation is unchanged
  (a test compares it with spacy-pkuseg's own loader), while a first article
  needs about half the table. Building the Python ``dict`` that pkuseg's
  Cython decoder requires is what costs (~0.5 µs per entry).

The segmenter is spacy-pkuseg's, unchanged; only how its table is filled differs.
"""
from __future__ import annotations

import json
import mmap
from pathlib import Path

import numpy as np
import spacy_pkuseg
from spacy_pkuseg.feature_extractor import FeatureExtractor
from spacy_pkuseg.model import Model

from kg.errors import ModelFormatError

FORMAT = 2
FILES = ("features.txt", "features.idx.npy", "unigram.txt", "weights.npy", "processors.json")
ALWAYS = ("", "*")  # groups every text needs: features without a character, and **Num/**noWord tokens


def group_of(feature: str) -> str:
    """The character a feature's lookup string starts with after its kind:
    ``c.国`` → 国, ``w-1.国家`` → 国, ``ww.l.国家*人民`` → 国, ``$$`` → ''."""
    kind, dot, rest = feature.partition(".")
    if not dot:
        return ""
    if kind == "ww":  # ww.l.PRE*POST / ww.r.PRE*POST
        rest = rest[2:]
    elif kind not in ("c", "c1", "c2", "c-1", "c-2", "c-1c", "cc1", "c-2c-1", "w1", "w-1"):
        return ""  # a kind this module does not know: keep it in the group that is always loaded
    return rest[:1]


def text_groups(text: str) -> set[str]:
    """The groups whose features pkuseg can look up for ``text``. Normalization is
    per character, so normalizing the distinct characters is enough."""
    return {token[:1] for token in FeatureExtractor.normalize_text("".join(set(text)))} | set(ALWAYS)


def save(seg, folder: Path) -> None:
    """Write a loaded ``spacy_pkuseg.pkuseg`` to ``folder``."""
    fe, model, post = seg.feature_extractor, seg.model, seg.postprocesser
    if any("\n" in n for n in fe.feature_to_idx) or any("\n" in w for w in fe.unigram):
        raise ValueError("a pkuseg feature name contains a line break")
    names = sorted(fe.feature_to_idx, key=lambda n: (group_of(n), fe.feature_to_idx[n]))
    folder.mkdir(parents=True, exist_ok=True)
    groups: dict[str, list[int]] = {}   # group → [first byte, end byte, first line]
    offset = 0
    with (folder / "features.txt").open("wb") as fh:
        for line, name in enumerate(names):
            raw = name.encode("utf-8") + b"\n"
            g = groups.setdefault(group_of(name), [offset, offset, line])
            offset += len(raw)
            g[1] = offset
            fh.write(raw)
    np.save(folder / "features.idx.npy", np.array([fe.feature_to_idx[n] for n in names], dtype=np.int32))
    (folder / "unigram.txt").write_text("\n".join(sorted(fe.unigram)), encoding="utf-8")
    np.save(folder / "weights.npy", np.ascontiguousarray(model.w, dtype=np.float64))
    processors = {
        "format": FORMAT,
        "n_tag": model.n_tag,
        "n_feature": model.n_feature,
        "tag_to_idx": fe.tag_to_idx,
        "groups": groups,
        "do_process": post.do_process,
        "common_words": sorted(post.common_words),
        "other_words": sorted(post.other_words),
    }
    (folder / "processors.json").write_text(json.dumps(processors, ensure_ascii=False), encoding="utf-8")


class Segmenter(spacy_pkuseg.pkuseg):
    """spacy-pkuseg's segmenter whose feature table fills in by character group."""

    def cut(self, txt: str) -> list[str]:
        if not self._complete:
            missing = text_groups(txt) - self._loaded
            if missing:
                self._load_groups(missing)
        return super().cut(txt)

    def load_all(self) -> None:
        self._load_groups(set(self._groups) - self._loaded)

    @property
    def table_fraction(self) -> float:
        return len(self.feature_extractor.feature_to_idx) / self.n_feature

    def _load_groups(self, wanted: set[str]) -> None:
        table = self.feature_extractor.feature_to_idx
        for g in wanted:
            span = self._groups.get(g)
            if span is not None:
                start, end, line = span
                names = self._features[start:end].decode("utf-8").split("\n")[:-1]
                table.update(zip(names, self._index[line:line + len(names)].tolist()))
        self._loaded |= wanted
        self._complete = self._loaded.issuperset(self._groups)


def load(folder: Path) -> Segmenter:
    """A segmenter with an empty user dictionary and only the always-needed feature groups."""
    meta = json.loads((folder / "processors.json").read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT:
        raise ModelFormatError(f"{folder}: segmenter format {meta.get('format')}, expected {FORMAT}; run `kg setup`")

    fe = FeatureExtractor.__new__(FeatureExtractor)
    fe.feature_to_idx = {}
    fe.unigram = set((folder / "unigram.txt").read_text(encoding="utf-8").split("\n"))
    fe.bigram = set()  # read by training only
    fe.tag_to_idx = meta["tag_to_idx"]

    model = Model.__new__(Model)
    model.n_tag, model.n_feature = meta["n_tag"], meta["n_feature"]
    model.n_transition_feature = model.n_tag * (model.n_feature + model.n_tag)
    model.w = np.load(folder / "weights.npy", mmap_mode="r")
    if model.w.shape != (model.n_transition_feature,):
        raise ModelFormatError(f"{folder}/weights.npy has shape {model.w.shape}, expected ({model.n_transition_feature},)")

    seg = Segmenter.__new__(Segmenter)
    seg.postag = False
    seg.preprocesser = spacy_pkuseg.Preprocesser(None)
    post = spacy_pkuseg.Postprocesser(None, None)
    post.do_process = meta["do_process"]
    post.common_words, post.other_words = set(meta["common_words"]), set(meta["other_words"])
    seg.postprocesser = post
    seg.feature_extractor, seg.model = fe, model
    seg.idx_to_tag = {idx: tag for tag, idx in fe.tag_to_idx.items()}
    seg.n_feature, seg.n_tag = model.n_feature, len(fe.tag_to_idx)
    with (folder / "features.txt").open("rb") as fh:
        seg._features = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    seg._index = np.load(folder / "features.idx.npy", mmap_mode="r")
    seg._groups = meta["groups"]
    seg._loaded, seg._complete = set(), False
    seg._load_groups(set(ALWAYS))
    return seg
