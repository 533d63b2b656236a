"""Out-of-core graph assembly: records → partitioned Parquet rows → folded
partitions → the files of ``neo4j-admin database import full``, with Dask.

Why: the networkx path holds the whole graph in one process (~85 KB per
article, docs/SCALE.md), which stops at a few hundred thousand articles. Here
no process holds more than one chunk of records or one partition of rows:

1. **rows** (one Dask task per chunk of records — a byte range of an
   ``entities.jsonl``, or any object with ``records()``): each record becomes
   the rows of :func:`kg.graph.rows.article_rows`, and each row goes to the
   partition of its key (crc32 of a node's id or a relationship's key) —
   ``ROWS/nodes/b0007/c000012.parquet``. Rows carry their input order; a node
   row that repeats an earlier one of the window is combined with it (:class:`_Window`).
2. **fold** (one task per partition): all rows of a partition's keys, folded by
   :mod:`kg.graph.aggregate` with the in-memory builder's merge rules, written as
   CSV parts for the importer (``import/nodes_Place_City/b0007.csv``, header
   files beside) and as the aggregate tables (``graph/nodes/b0007.parquet``:
   id, labels, properties as JSON) that the streaming GraphML and node-link
   writers read.
3. **finish** (the client): header files, ``schema.cypher``, the counts.

Files on disk (shared storage on a cluster) are all that passes between the
stages, so the same code runs with the local ``processes`` scheduler, a
``LocalCluster`` or workers on several machines. Both paths give the same
graph: ``tests/integration/test_assembly.py`` compares their import files on
the seeds + devset and on 2,000 synthetic articles.

Incremental: rows of earlier chunks stay under ``ROWS``; :func:`assemble` with
``keep_rows`` adds a shard's chunks after them (their order continues) and
folds again the partitions they reach.

Measured (``bench/assembly.py``, 2 workers): 1,000,000 articles' records, 70
million rows, in 939 s with 1.98 GiB at the peak for the whole process tree;
folding all 256 partitions again, 522 s.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> recs = folder / "entities.jsonl"
>>> _ = recs.write_text('{"article": {"id": "article:1", "source": "a.txt"}}\\n')
>>> result = assemble([recs], folder / "out", partitions=2)
>>> result.articles, result.nodes
(1, {'Article': 1})
"""
from __future__ import annotations

import json
import os
import shutil
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import AssemblyError, GraphError
from kg.extract.records import ArticleRecord
from kg.graph.rows import EdgeRow, NodeRow
from kg.graph.schema import AGGREGATED
from kg.neo4j.bulk import ARRAY_DELIMITER, CsvExport, cell
from kg.neo4j.cypher import schema_statements
from kg.neo4j.loader import checked_labels, relationship_properties

try:
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute  # noqa: F401  (pa.compute)
    import pyarrow.parquet as pq

    from kg.graph.aggregate import (EDGE_BOOL, EDGE_FLOAT, EDGE_INT, EDGE_TEXT, NODE_FLOAT, NODE_INT, NODE_LISTS,
                                    NODE_TEXT, article_rows, columns, fold_edges, fold_nodes)
except ImportError:  # pragma: no cover - the core install: kg build's in-memory path needs none of this
    pd = pa = pq = None

ROWS, GRAPH, IMPORT = "rows", "graph", "import"
CHUNK_BITS = 24            # records per chunk (< 2^24); order = (chunk << 24 | record) << 20 | row
FLUSH_ARTICLES = 2_000     # a rows task writes its partitions' row groups every this many records
CHUNK_BYTES = 64 << 20     # an entities.jsonl is read in byte ranges of this size, one task each

# Neo4j types of the import files' columns (the static form of what kg csv infers from a graph).
NODE_COLUMNS = [*(c for c in NODE_TEXT if c != "labels"), "chars:long", "value:double", "confidence:double",
                "titles:string[]", "aliases:string[]", "sources:string[]"]
FACT_COLUMNS = ["title", "method", "articles:string[]", "count:long", "firstSeen", "lastSeen", "confidence:double",
                "evidence:string[]", "evidenceArticles:string[]", "evidenceOffsets:long[]"]
EDGE_COLUMNS = ["article", "evidence", "offset:long", "count:long", "confidence:double", "method"]
_NODE_PROPS, _FACT_PROPS, _EDGE_PROPS = ([c.split(":")[0] for c in cols] for cols in (NODE_COLUMNS, FACT_COLUMNS,
                                                                                      EDGE_COLUMNS))


def _schema(names_types) -> "pa.Schema":
    return pa.schema([pa.field(n, t) for n, t in names_types])


def _node_schema():
    return _schema([("id", pa.string()), ("order", pa.int64()), *((c, pa.string()) for c in NODE_TEXT),
                    *((c, pa.int64()) for c in NODE_INT), *((c, pa.float64()) for c in NODE_FLOAT),
                    *((c, pa.list_(pa.string())) for c in NODE_LISTS)])


def _edge_schema():
    return _schema([("order", pa.int64()), *((c, pa.bool_()) for c in EDGE_BOOL),
                    *((c, pa.string()) for c in EDGE_TEXT),
                    *((c, pa.int64()) for c in EDGE_INT), *((c, pa.float64()) for c in EDGE_FLOAT)])


# -- where records come from -------------------------------------------------------------------
@dataclass(frozen=True)
class JsonlRange:
    """The records of an ``entities.jsonl`` whose lines start in ``[start, end)``."""

    path: str
    start: int
    end: int

    def records(self) -> Iterator[ArticleRecord | Unreadable]:
        with open(self.path, "rb") as fh:
            if self.start:
                fh.seek(self.start - 1)
                fh.readline()  # the line that straddles start belongs to the range before
            while fh.tell() < self.end:
                at = fh.tell()
                line = fh.readline()
                if not line:
                    break
                if line.strip():
                    try:
                        yield ArticleRecord.from_dict(json.loads(line))
                    except (ValueError, KeyError, TypeError, AttributeError) as exc:
                        yield Unreadable(f"{self.path} (byte {at})", f"not a record of kg build: {exc}")


@dataclass(frozen=True)
class Unreadable:
    """A line of an entities.jsonl that is no record: reported, the rest goes on."""

    source: str
    reason: str


def jsonl_chunks(paths: Iterable[Path], chunk_bytes: int = CHUNK_BYTES) -> list[JsonlRange]:
    """Byte ranges of the files, in input order: one rows task each."""
    chunks = []
    for p in paths:
        size = Path(p).stat().st_size
        chunks += [JsonlRange(str(p), s, min(s + chunk_bytes, size)) for s in range(0, size, chunk_bytes)]
    return chunks


# -- stage 1: rows ------------------------------------------------------------------------------
@dataclass
class RowsResult:
    articles: int = 0
    node_rows: int = 0
    edge_rows: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)   # (source, reason)
    partitions: set[int] = field(default_factory=set)              # the partitions it wrote rows to


def partitions_for(articles: int) -> int:
    """One partition per 4,000 articles, at least 4: a partition's fold then holds ~320,000
    rows (~0.3 GiB in pandas), measured in bench/assembly.py."""
    return max(4, -(-articles // 4000))


def estimate_records(paths: Iterable[Path], sample: int = 1 << 20) -> int:
    """Records in ``entities.jsonl`` files, from their sizes and the lines of their first MB (reading a
    corpus's records only to count them would read them twice)."""
    total = 0
    for p in paths:
        size = Path(p).stat().st_size
        with open(p, "rb") as fh:
            head = fh.read(sample)
        lines = head.count(b"\n") or (1 if head.strip() else 0)
        total += lines if size <= sample else round(lines * size / len(head))
    return total


def partition_of(key: str, partitions: int) -> int:
    return zlib.crc32(key.encode("utf-8")) % partitions


def rows_task(chunk, index: int, rows: str, partitions: int, min_confidence: float = 0.0) -> RowsResult:
    """The rows of one chunk of records, written to their partitions' files."""
    if index >= 1 << (63 - CHUNK_BITS - 20):
        raise AssemblyError(f"chunk {index}: more chunks than the row order can number")
    result = RowsResult()
    writers: dict[tuple[str, int], pq.ParquetWriter] = {}
    schemas = {"nodes": _node_schema(), "edges": _edge_schema()}

    def flush(window: _Window):
        """The window's rows, split by partition (one sort, then slices): a row group per partition."""
        for kind, key, cols in (("nodes", "id", window.nodes), ("edges", "key", window.edges)):
            if not cols.get(key):
                continue
            table = pa.Table.from_pydict(cols, schema=schemas[kind])
            parts = pa.array([partition_of(k, partitions) for k in cols[key]], pa.int32())
            order = pa.compute.sort_indices(parts)
            table, parts = table.take(order), parts.take(order).to_numpy()
            bounds = [0, *(i + 1 for i in range(len(parts) - 1) if parts[i] != parts[i + 1]), len(parts)]
            for lo, hi in zip(bounds, bounds[1:]):
                b = int(parts[lo])
                w = writers.get((kind, b))
                if w is None:
                    folder = Path(rows) / kind / f"b{b:04d}"
                    folder.mkdir(parents=True, exist_ok=True)
                    w = writers[(kind, b)] = pq.ParquetWriter(folder / f"c{index:06d}.parquet.tmp", schemas[kind])
                w.write_table(table.slice(lo, hi - lo))

    window = _Window()
    n = 0
    try:
        for i, record in enumerate(chunk.records()):
            if i >= 1 << CHUNK_BITS:
                raise AssemblyError(f"chunk {index}: more than {1 << CHUNK_BITS} records")
            if isinstance(record, Unreadable):
                result.errors.append((record.source, record.reason))
                continue
            try:
                n_nodes, n_edges = window.add(article_rows(record, min_confidence), (index << CHUNK_BITS) | i)
            except (KeyError, TypeError, ValueError, GraphError) as exc:
                result.errors.append((str(record.article.get("source")), f"not merged into the graph: {exc}"))
                continue
            result.articles += 1
            result.node_rows += n_nodes
            result.edge_rows += n_edges
            n += 1
            if n % FLUSH_ARTICLES == 0:
                flush(window)
                window = _Window()
        flush(window)
    finally:
        for w in writers.values():
            w.close()
    for (kind, b) in writers:  # complete: the files take their names (a task retried after a crash starts over)
        tmp = Path(rows) / kind / f"b{b:04d}" / f"c{index:06d}.parquet.tmp"
        os.replace(tmp, tmp.with_suffix(""))
        result.partitions.add(b)
    return result


def _signature(row: NodeRow) -> tuple:
    return (row.id, row.labels, tuple(sorted((k, tuple(v) if isinstance(v, list) else v)
                                             for k, v in row.props.items() if k != "confidence")))


class _Window:
    """The columns of the records since the last flush, with a combiner (exact under the fold's rules):

    - a node row equal to an earlier one of the window but for ``confidence`` only raises that
      row's confidence (the fold keeps first values, list unions and the best confidence). This is
      what keeps a province, brought in by every article that names one of its places, from
      piling thousands of rows into one partition;
    - a relationship of one article (PART_OF, or MENTIONS of an article given twice) whose key
      came earlier adds nothing: its first row wins.
    """

    def __init__(self) -> None:
        self.nodes: dict[str, list] = {}
        self.edges: dict[str, list] = {}
        self._nodes_at: dict[tuple, int] = {}   # signature → its row's index in self.nodes
        self._edge_keys: set[str] = set()

    def add(self, rows: list, seq: int) -> tuple[int, int]:
        """One record's rows; nothing changes when they are refused (:func:`columns` raises)."""
        kept, signatures, raised = [], [], []
        for row in rows:
            if isinstance(row, NodeRow):
                sig = _signature(row)
                at = self._nodes_at.get(sig)
                if at is not None:
                    raised.append((at, row.props.get("confidence")))
                    continue
                signatures.append(sig)
            elif isinstance(row, EdgeRow) and row.key in self._edge_keys:
                continue
            kept.append(row)
        nodes, edges = columns(kept, seq)
        base = len(self.nodes.get("id", ()))
        for k, sig in enumerate(signatures):
            self._nodes_at.setdefault(sig, base + k)
        self._edge_keys.update(r.key for r in kept if isinstance(r, EdgeRow))
        confidence = self.nodes.get("confidence")
        for at, c in raised:
            if c is not None and (confidence[at] is None or c > confidence[at]):
                confidence[at] = c
        for dest, cols in ((self.nodes, nodes), (self.edges, edges)):
            for c, col in cols.items():
                dest.setdefault(c, []).extend(col)
        return len(nodes["id"]), len(edges["key"])


# -- stage 2: fold ------------------------------------------------------------------------------
@dataclass
class FoldResult:
    nodes: dict[str, int] = field(default_factory=dict)          # per label set (":"-joined)
    relationships: dict[str, int] = field(default_factory=dict)  # per type


def _read(folder: Path, schema) -> "pd.DataFrame":
    files = sorted(folder.glob("c*.parquet")) if folder.exists() else []
    if not files:
        return schema.empty_table().to_pandas(integer_object_nulls=True)
    # integers stay Python ints beside nulls (pandas would make a column with a null float: 4058.0)
    return pa.concat_tables([pq.read_table(f, schema=schema) for f in files]).to_pandas(integer_object_nulls=True)


def fold_task(bucket: int, rows: str, out: str) -> FoldResult:
    """Fold one partition and write its import files and aggregate tables."""
    import csv

    rows_dir, out_dir = Path(rows), Path(out)
    result = FoldResult()
    files: dict[str, tuple] = {}
    for old in (out_dir / IMPORT).glob(f"*/b{bucket:04d}.csv"):  # this partition folded before (an added shard)
        old.unlink()

    def writer(group: str):
        if group not in files:
            path = out_dir / IMPORT / group / f"b{bucket:04d}.csv"
            path.parent.mkdir(parents=True, exist_ok=True)
            fh = path.open("w", encoding="utf-8", newline="")
            files[group] = (fh, csv.writer(fh, quoting=csv.QUOTE_MINIMAL))
        return files[group][1]

    tables = {"nodes": {"id": [], "labels": [], "data": []},
              "edges": {"src": [], "dst": [], "key": [], "label": [], "count": [], "data": []}}
    try:
        for node_id, d in fold_nodes(_read(rows_dir / "nodes" / f"b{bucket:04d}", _node_schema())):
            labels = checked_labels(d, node_id)
            name = "_".join(labels)
            writer(f"nodes_{name}").writerow([node_id] + [cell(p, d.get(p)) for p in _NODE_PROPS]
                                             + [ARRAY_DELIMITER.join(labels)])
            result.nodes[":".join(labels)] = result.nodes.get(":".join(labels), 0) + 1
            t = tables["nodes"]
            t["id"].append(node_id), t["labels"].append(d["labels"]), t["data"].append(_json(d))
        for src, dst, key, d in fold_edges(_read(rows_dir / "edges" / f"b{bucket:04d}", _edge_schema())):
            rel = d["label"]
            props = relationship_properties(rel, d)
            flat = {**props["props"], **{k: v for k, v in props.items() if k != "props"}}
            names = _FACT_PROPS if rel in AGGREGATED else _EDGE_PROPS
            writer(f"relationships_{rel}").writerow([src, dst, rel, key] + [cell(p, flat.get(p)) for p in names])
            result.relationships[rel] = result.relationships.get(rel, 0) + 1
            t = tables["edges"]
            t["src"].append(src), t["dst"].append(dst), t["key"].append(key), t["label"].append(rel)
            t["count"].append(d.get("count")), t["data"].append(_json(d))
    finally:
        for fh, _ in files.values():
            fh.close()
    for kind, cols in tables.items():
        path = out_dir / GRAPH / kind / f"b{bucket:04d}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        types = [(c, pa.int64() if c == "count" else pa.string()) for c in cols]
        pq.write_table(pa.Table.from_pydict(cols, schema=_schema(types)), path)
    counts = out_dir / GRAPH / "counts" / f"b{bucket:04d}.json"
    counts.parent.mkdir(parents=True, exist_ok=True)
    counts.write_text(json.dumps({"nodes": result.nodes, "relationships": result.relationships}), encoding="utf-8")
    return result


def _json(d: dict) -> str:
    return json.dumps(d, ensure_ascii=False)


# -- stage 3: the whole -------------------------------------------------------------------------
@dataclass
class AssemblyResult:
    folder: Path
    articles: int = 0
    node_rows: int = 0
    edge_rows: int = 0
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)
    partitions: int = 0
    refolded: int = 0          # partitions folded in this run
    csv: CsvExport | None = None


def assemble(sources: Iterable[Path] | list, out: Path, *, partitions: int = 16, client=None, workers: int = 1,
             min_confidence: float = 0.0, keep_rows: bool = False) -> AssemblyResult:
    """Assemble the records of ``sources`` (``entities.jsonl`` files, or chunk
    objects with ``records()``) into ``out``: ``import/`` (CSV for neo4j-admin,
    headers, ``schema.cypher``), ``graph/`` (the aggregate tables) and ``rows/``.

    ``client``: a ``dask.distributed`` Client (its cluster does the work);
    without one, Dask's local ``processes`` scheduler with ``workers`` processes
    (``sync`` for one). ``keep_rows``: add these records after the ones already
    assembled in ``out`` (an incremental shard): their rows join the kept ones and
    the partitions they reach are folded again. Adding records twice changes
    nothing (an article counts once in a fact, first values win)."""
    if pd is None:
        raise AssemblyError("out-of-core assembly needs pandas, pyarrow and dask: pip install 'kg[dask]'")
    out = Path(out)
    sources = list(sources)
    chunks = [c for s in sources for c in (jsonl_chunks([s]) if isinstance(s, (str, Path)) else [s])]
    rows, state_file = out / ROWS, out / "assembly.json"
    state = json.loads(state_file.read_text(encoding="utf-8")) if keep_rows and state_file.exists() else None
    if state is None:
        shutil.rmtree(rows, ignore_errors=True)
        for stale in (GRAPH, IMPORT):
            shutil.rmtree(out / stale, ignore_errors=True)
        first_chunk = 0
    elif state["partitions"] != partitions:
        raise AssemblyError(f"{out}: its rows are in {state['partitions']} partitions, not {partitions}; "
                            f"add a shard with --partitions {state['partitions']}")
    else:
        first_chunk = state["chunks"]
        for stale in state.get("adding", []):  # rows of an addition that did not finish: never folded
            for path in rows.glob(f"*/b*/c{stale:06d}.parquet*"):
                path.unlink()
    result = AssemblyResult(out, partitions=partitions)
    if state is not None:  # written before any row: an interrupted addition is undone by the next one
        _write_state(state_file, {**state, "adding": list(range(first_chunk, first_chunk + len(chunks)))})
    jobs = [(c, first_chunk + i, str(rows), partitions, min_confidence) for i, c in enumerate(chunks)]
    touched: set[int] = set()
    for r in _run(_rows_job, jobs, client, workers):
        result.articles += r.articles
        result.node_rows += r.node_rows
        result.edge_rows += r.edge_rows
        result.errors += r.errors
        touched |= r.partitions
    # an added shard folds again only the partitions it wrote to (in practice most of them: keys are hashed)
    todo = sorted(touched) if state is not None else list(range(partitions))
    result.refolded = len(todo)
    _run(_fold_job, [(b, str(rows), str(out)) for b in todo], client, workers)
    for path in sorted((out / GRAPH / "counts").glob("b*.json")):
        counts = json.loads(path.read_text(encoding="utf-8"))
        for k, v in counts["nodes"].items():
            result.nodes[k] = result.nodes.get(k, 0) + v
        for k, v in counts["relationships"].items():
            result.relationships[k] = result.relationships.get(k, 0) + v
    result.csv = _finish(out / IMPORT)
    _write_state(state_file, {"partitions": partitions, "chunks": first_chunk + len(chunks)})
    return result


def _write_state(path: Path, state: dict) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(state), encoding="utf-8")
    os.replace(tmp, path)


def _rows_job(args) -> RowsResult:
    return rows_task(*args)


def _fold_job(args) -> FoldResult:
    return fold_task(*args)


def _run(fn, jobs: list, client, workers: int) -> list:
    """The jobs on Dask: the client's cluster, or the local scheduler."""
    if not jobs:
        return []
    import dask.bag as db

    bag = db.from_sequence(jobs, npartitions=len(jobs)).map(fn)
    if client is not None:
        return bag.compute(scheduler=client)
    return bag.compute(scheduler="processes" if workers > 1 else "sync", num_workers=workers)


def _finish(folder: Path) -> CsvExport:
    """Header files for the parts, ``schema.cypher``; the import files as :class:`CsvExport` reads them."""
    folder.mkdir(parents=True, exist_ok=True)
    for group in sorted(p for p in folder.iterdir() if p.is_dir()):
        if group.name.startswith("nodes_"):
            header = ["id:ID", *NODE_COLUMNS, ":LABEL"]
        else:
            rel = group.name[len("relationships_"):]
            header = [":START_ID", ":END_ID", ":TYPE", "key", *(FACT_COLUMNS if rel in AGGREGATED else EDGE_COLUMNS)]
        (folder / f"{group.name}.header.csv").write_text(",".join(header) + "\n", encoding="utf-8")
    (folder / "schema.cypher").write_text("// Constraints and indexes of kg (what kg load creates): run once after "
                                          "the import.\n" + "".join(f"{s};\n" for s in schema_statements()),
                                          encoding="utf-8")
    if not any(folder.glob("nodes_*.header.csv")):  # nothing assembled (no article, or none mergeable)
        return CsvExport(folder, schema=folder / "schema.cypher")
    return CsvExport.from_folder(folder)


# -- reading the aggregate tables -----------------------------------------------------------------
def iter_nodes(out: Path) -> Iterator[tuple[str, dict]]:
    """Every node of an assembled graph, partition by partition."""
    for path in sorted((Path(out) / GRAPH / "nodes").glob("b*.parquet")):
        t = pq.read_table(path, columns=["id", "data"]).to_pydict()
        for node_id, data in zip(t["id"], t["data"]):
            yield node_id, json.loads(data)


def iter_edges(out: Path) -> Iterator[tuple[str, str, str, dict]]:
    """Every relationship of an assembled graph, partition by partition."""
    for path in sorted((Path(out) / GRAPH / "edges").glob("b*.parquet")):
        t = pq.read_table(path, columns=["src", "dst", "key", "data"]).to_pydict()
        for src, dst, key, data in zip(t["src"], t["dst"], t["key"], t["data"]):
            yield src, dst, key, json.loads(data)


def to_networkx(out: Path):
    """The assembled graph as the networkx path's graph (for corpora that fit; tests compare the two)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for n, d in iter_nodes(out):
        g.add_node(n, **d)
    for u, v, k, d in iter_edges(out):
        g.add_edge(u, v, key=k, **d)
    return g


def view_graph(out: Path, entities: int = 2_000, per_place: int = 5):
    """A bounded slice of an assembled graph, for the views of a graph too big for them whole
    (past ``graph_files_max``): every place and its PART_OF chain; the ``entities``
    officials and programmes reported by the most articles (the sum of their HOLDS or RUNS
    counts), with those facts and the organizations they point at; per place, the first
    ``per_place`` figures it reports, with their articles (their ABOUT and the figures'
    MEASURES). Pages then number in the thousands whatever the corpus; the rest is in Neo4j.

    Four passes over the aggregate tables (facts, figures, the relationships kept, the
    nodes); only what is kept is parsed."""
    import networkx as nx

    folder = Path(out) / GRAPH
    edge_files = sorted((folder / "edges").glob("b*.parquet"))

    def edges(labels, columns=("src", "dst", "key", "label", "count")):
        for path in edge_files:
            t = pq.read_table(path, columns=list(columns), filters=[("label", "in", list(labels))])
            yield t.to_pandas()

    facts = pd.concat(list(edges(("HOLDS", "RUNS"))), ignore_index=True)
    officials = facts[facts["label"] == "HOLDS"].groupby("src")["count"].sum().nlargest(entities).index
    programmes = facts[facts["label"] == "RUNS"].groupby("dst")["count"].sum().nlargest(entities).index
    keep_facts = set(facts.loc[facts["src"].isin(officials) & (facts["label"] == "HOLDS"), "key"]) | set(
        facts.loc[facts["dst"].isin(programmes) & (facts["label"] == "RUNS"), "key"])
    del facts
    # per partition first, so that only per_place rows per place and partition are ever held
    reports = pd.concat([r.groupby("src", sort=False).head(per_place)
                         for r in edges(("REPORTS",), ("src", "dst", "key", "label", "data"))], ignore_index=True)
    reports = reports.groupby("src", sort=False).head(per_place)
    articles = {json.loads(d)["article"] for d in reports["data"]}
    metrics = set(reports["dst"])
    wanted_edges = set(reports["key"]) | keep_facts
    del reports
    picked = []
    for path in edge_files:
        t = pq.read_table(path, columns=["src", "dst", "key", "label", "data"]).to_pandas()
        pick = (t["key"].isin(wanted_edges) | (t["label"] == "PART_OF")
                | ((t["label"] == "ABOUT") & t["src"].isin(articles))
                | ((t["label"] == "MEASURES") & t["src"].isin(metrics) & t["dst"].isin(programmes)))
        picked += list(t.loc[pick, ["src", "dst", "key", "data"]].itertuples(index=False))
    # the nodes: those chosen, every place, and the bodies posts point at; only they are parsed
    kept = set(officials) | set(programmes) | metrics | articles | {dst for _, dst, _, _ in picked}
    g = nx.MultiDiGraph()
    for path in sorted((folder / "nodes").glob("b*.parquet")):
        t = pq.read_table(path, columns=["id", "labels", "data"]).to_pydict()
        for n, labels, data in zip(t["id"], t["labels"], t["data"]):
            if n in kept or labels.startswith(":Place"):
                g.add_node(n, **json.loads(data))
    for src, dst, key, data in picked:
        if src in g and dst in g:
            g.add_edge(src, dst, key=key, **json.loads(data))
    return g
