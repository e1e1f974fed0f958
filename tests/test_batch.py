"""Many documents: a process pool, Dask, the corpus pass on both, progress, and the DataFrame API."""
from __future__ import annotations

import io
import subprocess
import sys

import pytest

from auditor.batch.run import AuditJob, RulesetSpec, collect_stream
from auditor.resources.corpus import build
from auditor.core.document import Document
from auditor.inputs.reading import InputError
from auditor.batch.pipeline import BatchOptions, Pipeline

TOPICS = ["budget", "harbour", "railway", "school", "hospital", "bridge", "election", "library"]
REPEATED = "Sign up for our weekly newsletter and never miss a story"


def make_documents(n: int = 64) -> list:
    docs = []
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        lines = [f"Council debates the {topic} plan ({i})", "",
                 f"Officials in the northern district met on day {i} to discuss the {topic}, and residents "
                 f"asked how the work would be paid for. The mayor, Anna Golosheykin, said a decision would "
                 f"follow in the spring after a public consultation.", ""]
        if i % 4 == 0:
            lines += [REPEATED, ""]
        if i == 5:
            lines += ["Leave a Reply", ""]
        if i == 9:
            lines += ["Critics said Mrs Golosheikin had moved too fast.", ""]
        docs.append(Document(text="\n".join(lines), id=f"doc-{i:03d}.txt", path=f"in/doc-{i:03d}.txt"))
    docs.insert(10, InputError("in/broken.txt", "cannot decode"))
    return docs


def run_pipeline(items, batch: BatchOptions, corpus: bool = True):
    spec = RulesetSpec()
    errors = []
    with Pipeline(lambda: iter(items), batch, errors.append) as pipeline:
        stats = pipeline.corpus() if corpus else None
        job = AuditJob(spec, options={"grammar": False, "readability": True, "repeated_min_documents": 3},
                       corpus=stats)
        out = list(pipeline.audit(job))
    return out, errors, stats


def as_dicts(items):
    return [i.to_dict() if not isinstance(i, InputError) else ("error", i.path, i.message) for i in items]


@pytest.fixture(scope="module")
def local_run():
    return run_pipeline(make_documents(), BatchOptions(jobs=1))


def test_the_corpus_pass_finds_repeated_lines(local_run):
    items, errors, stats = local_run
    assert stats.documents == 64
    reports = {i.document.id: i for i in items if not isinstance(i, InputError)}
    flagged = [rid for rid, r in reports.items() if any(f.code == "BP901" for f in r.findings)]
    assert flagged == [f"doc-{i:03d}.txt" for i in range(0, 64, 4)]
    assert errors == [InputError("in/broken.txt", "cannot decode")]


def test_a_pool_of_two_gives_the_same_reports_in_input_order(local_run):
    pooled = run_pipeline(make_documents(), BatchOptions(jobs=2))
    assert as_dicts(pooled[0]) == as_dicts(local_run[0])
    assert pooled[2].to_dict() == local_run[2].to_dict()
    assert [i.document.id if not isinstance(i, InputError) else i.path for i in pooled[0]][9:12] == [
        "doc-009.txt", "in/broken.txt", "doc-010.txt"]


def test_the_corpus_pass_merges_the_same_in_workers():
    from auditor.batch.run import LocalEngine

    docs = [d for d in make_documents() if isinstance(d, Document)]
    parallel = collect_stream(iter(docs), engine=LocalEngine(2))
    assert parallel.to_dict() == build(docs).to_dict()


@pytest.fixture(scope="module")
def dask_cluster():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        yield cluster
    finally:
        cluster.close()


def test_dask_gives_the_same_reports_as_the_local_engine(dask_cluster, local_run):
    batch = BatchOptions(engine="dask", scheduler=dask_cluster.scheduler_address)
    items, errors, stats = run_pipeline(make_documents(), batch)
    assert stats.to_dict() == local_run[2].to_dict()  # the corpus context, built and merged on Dask
    assert as_dicts(items) == as_dicts(local_run[0])
    assert errors == local_run[1]


def test_report_on_dask_writes_the_same_files(dask_cluster, tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    for d in make_documents():
        if isinstance(d, Document):
            (source / d.id).write_text(d.text, encoding="utf-8")
    outputs = {}
    for engine in ("local", "dask"):
        out = tmp_path / engine
        extra = ["--engine", "dask", "--scheduler", dask_cluster.scheduler_address] if engine == "dask" else []
        result = subprocess.run([sys.executable, "-m", "auditor", "report", str(source), "--out", str(out),
                                 "--no-grammar", "--per-document", "all", *extra], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        outputs[engine] = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*")
                           if p.is_file() and p.suffix in (".json", ".jsonl", ".md", ".html", ".csv")}
    assert len(outputs["local"]) == 64 * 3 + 3
    assert outputs["dask"] == outputs["local"]


def test_check_with_jobs_keeps_output_identical(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    for d in make_documents():
        if isinstance(d, Document):
            (source / d.id).write_text(d.text, encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        result = subprocess.run([sys.executable, "-m", "auditor", "check", str(source), "--no-grammar", "--corpus",
                                 "--format", "json", "--jobs", jobs, "--exit-zero"], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""  # no progress bar when stderr is not a terminal
        outs.append(result.stdout)
    assert outs[0] == outs[1]
    assert "BP901" in outs[0]


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_shows_on_a_terminal_and_never_when_quiet_or_piped():
    from auditor.batch.progress import Progress

    screen = _Terminal()
    with Progress("auditing", total=3, stream=screen, delay=0) as progress:
        progress.update(3)
    assert "auditing" in screen.getvalue() and "/3" in screen.getvalue()
    quiet = _Terminal()
    with Progress("auditing", total=3, quiet=True, stream=quiet, delay=0) as progress:
        progress.update(3)
    assert quiet.getvalue() == ""
    piped = io.StringIO()
    with Progress("auditing", total=3, stream=piped, delay=0) as progress:
        progress.update(3)
    assert piped.getvalue() == ""


def test_audit_frame_returns_one_row_per_row_with_the_same_index():
    pd = pytest.importorskip("pandas")
    import auditor

    docs = [d for d in make_documents(12) if isinstance(d, Document)]
    frame = pd.DataFrame({"body": [d.text for d in docs] + [None], "key": [d.id for d in docs] + ["missing"]},
                         index=range(100, 113))
    out = auditor.audit_frame(frame, text_column="body", id_column="key")
    assert list(out.index) == list(frame.index)
    assert list(out["id"]) == list(frame["key"])
    expected = auditor.audit(docs[5], options={"grammar": False})
    row = out.loc[105]
    assert row["score"] == expected.score.score and row["verdict"] == expected.verdict
    assert row["warning"] == sum(f.severity.value == "warning" for f in expected.presented) > 0
    assert [f["code"] for f in row["finding_list"]] == [f.code for f in expected.presented]
    assert out.loc[112, "verdict"] == "error" and "missing" in out.loc[112, "errors"]
    with pytest.raises(KeyError, match="no column 'text'"):
        auditor.audit_frame(frame)


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("show_info", [False, True])
def test_streamed_output_is_byte_for_byte_what_render_prints(fmt, show_info):
    import auditor
    from auditor.formats import json_format, text
    from auditor.formats.stream import JsonStream, TextStream
    from auditor.engine.gate import fails, gate_key

    docs = [d for d in make_documents(20) if isinstance(d, Document)]
    docs.append(Document("Title\n\nHome\nContact Us\nSubscribe\nLeave a Reply\nAuthor: Jane Roe\n\nShort.\n",
                         id="chrome.txt", path="in/chrome.txt"))
    reports = [auditor.audit(d, options={"grammar": False}) for d in docs]
    errors = [InputError("in/broken.txt", "cannot decode"), InputError("feed.jsonl", "record 3: not valid JSON")]
    for errs in (errors, []):
        failed = [r for r in reports if fails(r, 90.0, "warning")]
        keys = frozenset(gate_key(r) for r in failed)
        out = io.StringIO()
        stream = TextStream(out, show_info=show_info) if fmt == "text" else JsonStream(out)
        for r in reports:
            stream.add(r, fails(r, 90.0, "warning"))
        stream.close(errs)
        if fmt == "text":
            expected = text.render(reports, errs, show_info=show_info, failed=keys)
        else:
            expected = json_format.render(reports, errs)
        assert out.getvalue() == expected
    out = io.StringIO()
    stream = TextStream(out) if fmt == "text" else JsonStream(out)
    stream.close([])
    assert out.getvalue() == (text.render([], [], failed=frozenset()) if fmt == "text" else json_format.render([], []))
