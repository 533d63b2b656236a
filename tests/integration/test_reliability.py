"""The ordinary accidents of a batch run (one test per case of the reliability
issue): long unpunctuated texts, an output folder inside the input, one-line
records, a typo'd input path, unreadable inputs, bad output folders, the same
text under two names, JSON arrays and byte-order marks, stable views."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_kg
from kg.graph.export import read_graph, read_manifest

pytestmark = pytest.mark.pipeline
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
OFFICIAL = "市委书记王建国出席会议并讲话"


def build(inputs, out, *flags, env=None):
    return run_kg("build", *([inputs] if not isinstance(inputs, list) else inputs), "--out", out, "--quiet",
                  "--no-views", *flags, env=env)


def test_evidence_of_an_unpunctuated_text_stays_short(tmp_path):
    """A 60,000-character line with no sentence mark: every evidence sentence
    is capped, so entities.jsonl grows with the text, not with its square."""
    text = ("全县" + OFFICIAL + "开展志愿服务活动群众满意度明显提升共组织宣讲120场" * 1100)[:60_000]
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    proc = build(tmp_path / "long.txt", tmp_path / "out", "--no-cache")
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(x) for x in (tmp_path / "out" / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    sentences = [m["sentence"] for r in records for p in r["officials"] + r["programmes"] for m in p["mentions"]]
    sentences += [m["mention"]["sentence"] for r in records for m in r["metrics"]]
    assert sentences and max(map(len, sentences)) <= 400
    assert (tmp_path / "out" / "entities.jsonl").stat().st_size < 40 * len(text.encode())


def test_a_text_past_spacys_max_length_is_extracted_in_pieces(tmp_path):
    """1.1 million characters (spaCy refuses more than 1,000,000 in one Doc, E088,
    which failed the whole batch): extracted in pieces, the figure at the end found."""
    body = ("全市各级党组织深入开展主题教育活动" * 61_200)[:1_100_000]
    (tmp_path / "huge.txt").write_text(body + "。全市新建驿站30个。", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("全县建成书屋12个。", encoding="utf-8")
    proc = build(tmp_path, tmp_path / "out", "--no-cache", "--segmenter", "char")
    assert proc.returncode == 0, proc.stderr
    texts = {d.get("text") for _, d in read_graph(tmp_path / "out").nodes(data=True)}
    assert {"30个", "12个"} <= texts


def test_the_output_folder_inside_the_input_is_not_read(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    for _ in range(2):
        proc = run_kg("build", corpus, "--out", corpus / "out", "--quiet")
        assert proc.returncode == 0, proc.stderr
        assert not any(line.startswith("skipped") for line in proc.stderr.splitlines())
    assert read_manifest(corpus / "out")["articles"] == 1


def test_whole_articles_on_one_line_are_kept(tmp_path):
    """JSON-lines text usually has no line breaks; a one-line article whose text
    quotes a source or a copyright line was thrown away as page chrome."""
    lines = [json.dumps({"id": f.stem, "text": f.read_text(encoding="utf-8").replace("\n", "")}, ensure_ascii=False)
             for f in SEEDS]
    (tmp_path / "seeds.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = build(tmp_path / "seeds.jsonl", tmp_path / "out", "--no-cache")
    assert proc.returncode == 0, proc.stderr
    g = read_graph(tmp_path / "out")
    assert sum(1 for _, d in g.nodes(data=True) if d["labels"] == ":Article") == len(SEEDS)
    assert "李猛" in {d.get("name") for _, d in g.nodes(data=True)}


def test_a_mistyped_input_path_keeps_the_last_graph(tmp_path):
    assert build(SEEDS[0], tmp_path / "out").returncode == 0
    before = (tmp_path / "out" / "graph.graphml").read_bytes()
    proc = build(tmp_path / "no-such-folder", tmp_path / "out")
    assert proc.returncode == 2 and "no such file or folder" in proc.stderr and "Traceback" not in proc.stderr
    assert (tmp_path / "out" / "graph.graphml").read_bytes() == before


def test_every_unreadable_input_is_reported(tmp_path):
    root = tmp_path / "inputs"
    root.mkdir()
    try:
        _check_unreadable(root)
    finally:
        os.chmod(root / "locked", 0o755)


def _check_unreadable(root: Path):
    """A FIFO, a broken link, a link loop, a line too large, a file and a folder
    the user may not read: each named with its reason, the rest built."""
    (root / "ok.txt").write_text("全县建成书屋12个。", encoding="utf-8")
    os.mkfifo(root / "pipe.txt")
    (root / "gone.txt").symlink_to(root / "nothing-there.txt")
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "big.jsonl").write_bytes(b'{"text": "' + b"x" * 9_000_000 + b'"}\n{"text": "\xe5\x85\xa8\xe5\x8e\xbf"}\n')
    (root / "secret.txt").write_text("全县", encoding="utf-8")
    os.chmod(root / "secret.txt", 0)
    (root / "locked").mkdir()
    (root / "locked" / "x.txt").write_text("全县", encoding="utf-8")
    os.chmod(root / "locked", 0)
    os.chmod(root / "big.jsonl", 0o644)
    reader = ("import json, sys; from loaders.sources import iter_inputs; "
              "print(json.dumps([[i.source, getattr(i, 'reason', None)] for i in iter_inputs([sys.argv[1]])]))")

    # Root reads everything: the reader runs without the capabilities that let it (util-linux's setpriv).
    unprivileged = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
    proc = subprocess.run([*unprivileged, sys.executable, "-c", reader, str(root)], cwd=ROOT, capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stderr
    reasons = dict(json.loads(proc.stdout))
    assert reasons["ok.txt"] is None and reasons["big.jsonl:2"] is None
    assert "not a regular file (a FIFO)" in reasons["pipe.txt"]
    assert "broken link" in reasons["gone.txt"]
    assert "not read twice" in reasons["loop/"]
    assert "record too large" in reasons["big.jsonl:1"]
    assert "Permission denied" in reasons["secret.txt"]
    assert "cannot read folder" in reasons["locked/"]


@pytest.mark.parametrize("out,why", [("a-file", "is not a folder"), ("/proc/kg-out", "cannot write there")])
def test_a_bad_output_folder_is_one_clear_line(tmp_path, out, why):
    (tmp_path / "a-file").write_text("x")
    proc = build(SEEDS[0], out if out.startswith("/") else tmp_path / out)
    assert proc.returncode == 2 and why in proc.stderr and "[E104]" in proc.stderr and "Traceback" not in proc.stderr


def test_the_same_text_under_two_names_keeps_both_names(tmp_path):
    (tmp_path / "a.txt").write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    proc = build(tmp_path, tmp_path / "out", "--no-cache")
    assert proc.returncode == 0 and "same text as an earlier input" in proc.stderr
    (article,) = [d for _, d in read_graph(tmp_path / "out").nodes(data=True) if d["labels"] == ":Article"]
    assert article["sources"] == ["a.txt", "b.txt"]
    assert read_manifest(tmp_path / "out")["distinct_articles"] == 1


def test_json_arrays_and_a_byte_order_mark_are_read(tmp_path):
    records = [{"id": "r1", "text": "全县建成书屋12个。"}, {"id": "r2", "text": "全市新建驿站30个。"}]
    (tmp_path / "array.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "bom.jsonl").write_bytes("\ufeff".encode() + json.dumps(
        {"id": "r3", "text": "全区新建站点8个。"}, ensure_ascii=False).encode() + b"\n")
    proc = build(tmp_path, tmp_path / "out", "--no-cache")
    assert proc.returncode == 0, proc.stderr
    sources = {d["source"] for _, d in read_graph(tmp_path / "out").nodes(data=True) if d["labels"] == ":Article"}
    assert sources == {"r1", "r2", "r3"}


def test_views_are_byte_identical_and_stale_pages_go(tmp_path):
    pages = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        proc = run_kg("build", ROOT / "seeds", "--out", out, "--quiet", "--no-cache", env={"PYTHONHASHSEED": seed})
        assert proc.returncode == 0, proc.stderr
        pages.append({p.relative_to(out): p.read_bytes() for p in (out / "views").rglob("*.html")})
    assert pages[0] == pages[1]
    out = tmp_path / "out1"
    assert run_kg("build", SEEDS[0], "--out", out, "--quiet").returncode == 0  # a smaller corpus
    left = {p.name for p in (out / "views").glob("official-*.html")}
    assert 0 < len(left) < sum(1 for p in pages[0] if p.name.startswith("official-"))


def test_an_input_inside_the_output_folder_is_refused(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    proc = build(tmp_path / "in", tmp_path / "in")
    assert proc.returncode == 2 and "inside the output folder" in proc.stderr


def test_a_record_the_loaders_trip_over_fails_alone_in_the_default_engine(tmp_path):
    """A lone surrogate escape passes json.loads and then broke OpenCC, which stopped
    the whole build in this process (with --workers 2 it was isolated)."""
    (tmp_path / "bad.jsonl").write_text('{"id": "bad", "text": "市委书记李四出席\\udc80会议。"}\n'
                                        '{"id": "odd", "text": "全县建成书屋12个。", "title": "\\udc80标题"}\n',
                                        encoding="utf-8")
    (tmp_path / "ok.txt").write_text("全县建成书屋12个。", encoding="utf-8")
    proc = build(tmp_path, tmp_path / "out", "--no-cache")
    assert proc.returncode == 1, proc.stderr
    errors = [json.loads(x) for x in (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {e["source"] for e in errors} == {"bad.jsonl:1", "bad.jsonl:2"}
    assert "surrogate" in errors[0]["reason"] and "UnicodeEncodeError" in errors[1]["reason"]
    assert read_manifest(tmp_path / "out")["articles"] == 1
