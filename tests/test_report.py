"""`auditor report`: per-document reports, the summary tables and the dashboard, as a user opens them."""
from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

BODY = ("The regional council approved the new budget on Monday after a long debate, officials said, and "
        "the transport plan will now go to a public consultation in the spring. ")


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    from conftest import SEEDS, need

    need(SEEDS)
    out = tmp_path_factory.mktemp("seeds-report")
    result = run("report", str(SEEDS), "--out", str(out), "--no-grammar")
    assert result.returncode == 0, result.stderr
    return out, result


def test_report_over_the_seeds_writes_every_file_with_five_rows(seeds_report):
    out, result = seeds_report
    stems = sorted(p.name for p in Path(out).glob("*.txt.json"))
    assert len(stems) == 5
    for stem in stems:
        base = stem[: -len(".json")]
        for suffix in (".json", ".md", ".html"):
            assert (out / (base + suffix)).is_file(), base + suffix
    with open(out / "summary.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 5
    import pandas as pd

    frame = pd.read_parquet(out / "summary.parquet")
    assert len(frame) == 5
    for column in ("id", "path", "score", "verdict", "language", "words", "flesch_reading_ease", "info",
                   "warning", "error", "boilerplate_findings", "entity_findings", "top_rules", "report"):
        assert column in frame.columns, column
    assert list(frame["id"]) == [r["id"] for r in rows]
    worst = frame.sort_values("score").iloc[0]
    assert worst["id"].startswith("003_") and worst["verdict"] == "fail"
    assert "EN101" in worst["top_rules"]
    assert frame["flesch_reading_ease"].notna().all()  # readability is on in reports
    assert "5 document(s)" in result.stdout and "index.html" in result.stdout


def test_dashboard_lists_worst_documents_with_links_and_loads_nothing(seeds_report):
    out, _ = seeds_report
    html = (out / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+\.html)"', html)
    assert len(links) == 5 and all((out / link).is_file() for link in links)
    first = re.search(r'<table class="sortable" id="worst">.*?<tbody>\s*<tr>(.*?)</tr>', html, re.S).group(1)
    assert "003_" in first and "fail" in first  # the worst document comes first
    assert "<svg" in html and "Histogram of scores" in html
    assert "BP101" in html and "comment-form-heading" in html  # findings per rule
    # Self-contained: nothing to fetch, and a policy that forbids fetching anything.
    assert not re.search(r'(?:src|href)="(?:https?:)?//', html)
    assert "default-src 'none'" in html


def test_document_page_highlights_each_finding_with_message_and_fix(seeds_report):
    out, _ = seeds_report
    page = next(Path(out).glob("003_*.txt.html")).read_text(encoding="utf-8")
    report = json.loads(next(Path(out).glob("003_*.txt.json")).read_text(encoding="utf-8"))
    marks = re.findall(r'<mark class="(error|warning|info)"[^>]*>([^<]*)</mark>', page)
    marked = {text for _, text in marks}
    for f in report["findings"]:
        if f["scope"] == "document":  # a verdict on the whole text: listed, not highlighted
            assert f["message"] in page
            continue
        assert f["text"] in marked or any(f["text"].startswith(t) for t in marked), f["text"]
    assert "Olaf Scholz" in page and "replace with “Scholz” (unsafe)" in page
    assert "delete (safe)" in page
    assert 'href="index.html"' in page


def test_all_article_text_is_escaped(tmp_path):
    hostile = ("<script>alert('x')</script> Breaking news\n\n" + BODY * 2 +
               "\n\n<img src=x onerror=alert(1)>\n\nLeave a Reply\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "evil <i>name.txt").write_text(hostile, encoding="utf-8")
    out = tmp_path / "out"
    result = run("report", str(tmp_path / "in"), "--out", str(out), "--no-grammar", "--no-corpus")
    assert result.returncode == 0, result.stderr
    page = (out / "evil <i>name.txt.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<i>name" not in page
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<i>name" not in index and "evil &lt;i&gt;name.txt" in index
    assert 'href="evil%20%3Ci%3Ename.txt.html"' in index


def test_sources_table_from_folders_and_record_urls(tmp_path):
    root = tmp_path / "crawl"
    for site, n in (("site-a", 2), ("site-b", 1)):
        (root / site).mkdir(parents=True)
        for i in range(n):
            (root / site / f"{i}.txt").write_text(f"Story {i}\n\n{BODY * 2}\n\nLeave a Reply\n", encoding="utf-8")
    with open(root / "feed.jsonl", "w", encoding="utf-8") as handle:
        for i, url in enumerate(["https://www.example.org/a", "https://news.example.com/b"]):
            handle.write(json.dumps({"id": f"r{i}", "url": url, "text": f"Story\n\n{BODY * 2}"}) + "\n")
    out = tmp_path / "report"
    result = run("report", str(root), "--out", str(out), "--no-grammar")
    assert result.returncode == 0, result.stderr
    import pandas as pd

    frame = pd.read_parquet(out / "summary.parquet")
    assert dict(zip(frame["id"], frame["site"])) == {
        "feed.jsonl/r0": "example.org", "feed.jsonl/r1": "news.example.com",
        "site-a/0.txt": "site-a", "site-a/1.txt": "site-a", "site-b/0.txt": "site-b"}
    html = (out / "index.html").read_text(encoding="utf-8")
    section = html.split("<h2>By source</h2>")[1]
    for site in ("site-a", "site-b", "example.org", "news.example.com"):
        assert f"<td>{site}</td>" in section
    assert (out / "feed.jsonl" / "r0.html").is_file()
    # A report folder inside the input folder is not read back as input, on the first run or the next.
    for _ in range(2):
        again = run("report", str(root), "--out", str(root / "report"), "--no-grammar")
    assert again.returncode == 0, again.stderr
    assert len(pd.read_parquet(root / "report" / "summary.parquet")) == 5


def test_input_errors_are_rows_and_exit_2(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(f"Story\n\n{BODY}", encoding="utf-8")
    (tmp_path / "in" / "feed.jsonl").write_text('{"id": 1, "text": "A fine story."}\n{oops\n', encoding="utf-8")
    out = tmp_path / "out"
    result = run("report", str(tmp_path / "in"), "--out", str(out), "--no-grammar")
    assert result.returncode == 2
    assert "record 2 (line 2): not valid JSON" in result.stderr
    with open(out / "summary.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["verdict"] for r in rows] == ["pass", "error", "pass"]
    assert "not valid JSON" in rows[1]["errors"]
    assert "could not be read" in (out / "index.html").read_text(encoding="utf-8")


def test_an_id_that_would_leave_the_folder_is_refused(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "../../escape", "text": "A fine story."}) + "\n"
                    + json.dumps({"id": "ok", "text": "Another fine story."}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("report", str(feed), "--out", str(out), "--no-grammar")
    assert result.returncode == 2
    assert "refusing output name" in result.stderr
    assert not (tmp_path / "escape.html").exists()
    assert (out / "feed.jsonl" / "ok.html").is_file()
