"""Inputs as a user gives them: folders, globs, HTML pages, JSONL, CSV and Parquet records, stdin."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

BODY = ("The regional council approved the new budget on Monday after a long debate, officials said, and "
        "the transport plan will now go to a public consultation in the spring. ")
CHROME_DOC = f"Council approves budget\n\n{BODY * 3}\n\nLeave a Reply\n"
CLEAN_DOC = f"Council approves budget\n\n{BODY * 3}\n"


def run(*args, stdin=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True, text=True, input=stdin,
                          cwd=cwd)


def check_json(*args, **kwargs):
    # About reading inputs: the machine-translation verdict on the made-up texts is left out (TR2).
    result = run("check", *args, "--no-grammar", "--ignore", "TR2", "--format", "json", "--exit-zero", **kwargs)
    data = json.loads(result.stdout) if result.stdout else None
    return result, data


def ids(data) -> list[str]:
    return [d["id"] for d in data["documents"]]


def write_jsonl(path: Path, records) -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        for r in records:
            handle.write(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False))
            handle.write("\n")
    return path


HTML_PAGE = f"""<!DOCTYPE html>
<html><head><title>Council approves budget</title><meta property="og:site_name" content="Daily Example"></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/contact">Contact Us</a></li></ul></nav>
<article>
<h1>Council approves budget</h1>
<p>{BODY}</p><p>{BODY}</p><p>{BODY}</p>
<p>Leave a Reply</p>
</article>
<footer><p>Copyright 2024 Daily Example. All rights reserved.</p></footer>
</body></html>
"""


def test_a_folder_reads_text_html_and_record_files_and_names_them_by_path(tmp_path):
    root = tmp_path / "in"
    (root / "news").mkdir(parents=True)
    (root / "news" / "a.txt").write_text(CHROME_DOC, encoding="utf-8")
    (root / "b.md").write_text(CLEAN_DOC, encoding="utf-8")
    (root / "news" / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    write_jsonl(root / "feed.jsonl", [{"id": "x1", "text": CLEAN_DOC}, {"id": "x2", "text": CHROME_DOC}])
    (root / "notes.bin").write_bytes(b"\x00\x01")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "c.txt").write_text(CHROME_DOC, encoding="utf-8")
    result, data = check_json(str(root))
    assert result.returncode == 0, result.stderr
    assert ids(data) == ["b.md", "feed.jsonl/x1", "feed.jsonl/x2", "news/a.txt", "news/page.html"]
    docs = {d["id"]: d for d in data["documents"]}
    assert "BP101" in {f["code"] for f in docs["feed.jsonl/x2"]["findings"]}
    assert docs["feed.jsonl/x1"]["findings"] == []
    assert docs["feed.jsonl/x2"]["path"] == str(root / "feed.jsonl") + "/x2"


def test_a_glob_reads_matching_files_named_from_the_folder_before_the_wildcard(tmp_path):
    (tmp_path / "news" / "2024").mkdir(parents=True)
    (tmp_path / "news" / "2024" / "a.txt").write_text(CHROME_DOC, encoding="utf-8")
    (tmp_path / "news" / "b.txt").write_text(CLEAN_DOC, encoding="utf-8")
    (tmp_path / "news" / "c.md").write_text(CLEAN_DOC, encoding="utf-8")
    result, data = check_json("news/**/*.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert ids(data) == ["2024/a.txt", "b.txt"]
    result = run("check", "news/*.rst", "--no-grammar", cwd=tmp_path)
    assert result.returncode == 2
    assert "news/*.rst: no file matches this pattern" in result.stderr


def test_html_is_reduced_to_its_main_text_before_the_audit(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    result, data = check_json(str(page))
    assert result.returncode == 0, result.stderr
    (doc,) = data["documents"]
    assert doc["id"] == "page.html"
    texts = {f["text"] for f in doc["findings"]}
    assert "Leave a Reply" in texts  # chrome inside the article body is still found
    # The page's navigation and footer are gone: the extracted text is what was audited.
    assert doc["words"] < 200
    out = tmp_path / "reports"
    result = run("check", str(page), "--no-grammar", "--report-dir", str(out), "--exit-zero")
    assert (out / "page.html.json").is_file() and (out / "page.html.md").is_file()
    assert "Contact Us" not in json.loads((out / "page.html.json").read_text(encoding="utf-8"))["findings"]


def test_jsonl_fields_are_chosen_and_a_bad_record_is_named_while_the_others_go_on(tmp_path):
    feed = write_jsonl(tmp_path / "feed.jsonl", [
        {"key": "k1", "body": CHROME_DOC},
        "{not json",
        {"key": "k3", "title": "no body here"},
        {"key": "k4", "body": None},
        {"key": "k5", "body": CLEAN_DOC},
        "",
        {"key": "k1", "body": CLEAN_DOC},
    ])
    result, data = check_json(str(feed), "--text-field", "body", "--id-field", "key")
    assert result.returncode == 2
    assert ids(data)[:2] == ["feed.jsonl/k1", "feed.jsonl/k5"]
    err = result.stderr
    assert f"{feed}: record 2 (line 2): not valid JSON" in err
    assert f"{feed}: record 3 (line 3): no field 'body'" in err
    assert f"{feed}: record 4 (line 4): field 'body' is null, not text" in err
    assert f"{feed}: record 6 (line 7): id 'k1' was already used" in err
    errors = [d for d in data["documents"] if d["verdict"] == "error"]
    assert len(errors) == 4


def test_records_without_an_id_field_are_numbered(tmp_path):
    feed = write_jsonl(tmp_path / "feed.jsonl", [{"text": CLEAN_DOC}, {"text": CHROME_DOC}])
    result, data = check_json(str(feed))
    assert result.returncode == 0, result.stderr
    assert ids(data) == ["feed.jsonl/1", "feed.jsonl/2"]


def test_csv_records_keep_newlines_and_commas_and_a_short_row_is_an_error(tmp_path):
    path = tmp_path / "articles.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "url", "text"])
        writer.writerow(["a", "https://www.example.org/news/1", CHROME_DOC])
        writer.writerow(["b"])
        writer.writerow(["c", "https://news.example.com/2", CLEAN_DOC.replace("budget", "budget, again")])
    result, data = check_json(str(path))
    assert result.returncode == 2
    assert ids(data)[:2] == ["articles.csv/a", "articles.csv/c"]
    assert f"{path}: record 2 (line 8): 1 fields where the header has 3" in result.stderr
    doc = data["documents"][0]
    finding = next(f for f in doc["findings"] if f["code"] == "BP101")
    assert CHROME_DOC[finding["start"]:finding["end"]] == "Leave a Reply"  # offsets into the record's text


def test_parquet_is_read_batch_by_batch(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "articles.parquet"
    table = pa.table({"doc": [f"d{i}" for i in range(5)],
                      "content": [CHROME_DOC, CLEAN_DOC, None, CLEAN_DOC, CHROME_DOC]})
    pq.write_table(table, path, row_group_size=2)
    result, data = check_json(str(path), "--text-field", "content", "--id-field", "doc")
    assert result.returncode == 2
    assert ids(data)[:4] == ["articles.parquet/d0", "articles.parquet/d1", "articles.parquet/d3",
                             "articles.parquet/d4"]
    assert f"{path}: record 3 (row 3): field 'content' is null, not text" in result.stderr
    result = run("check", str(path), "--no-grammar")
    assert result.returncode == 2 and "no column 'text'" in result.stderr


def test_stdin_is_read_once_even_with_the_corpus_pass():
    result = run("check", "-", "--no-grammar", "--corpus", "--format", "json", stdin=CHROME_DOC)
    assert result.returncode == 0, result.stderr
    (doc,) = json.loads(result.stdout)["documents"]
    assert doc["id"] == "stdin" and doc["words"] > 50


@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet"])
def test_record_files_stream_in_bounded_memory(tmp_path, kind):
    """Reading 30,000 records of 1 KB (30 MB of text) never holds more than a few of them."""
    from auditor.inputs.reading import read_sources

    n, text = 30_000, ("word " * 200)[:1000]
    path = tmp_path / f"big.{kind}"
    if kind == "jsonl":
        write_jsonl(path, ({"id": i, "text": text} for i in range(n)))
    elif kind == "csv":
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "text"])
            writer.writerows((i, text) for i in range(n))
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        writer = pq.ParquetWriter(path, pa.schema([("id", pa.int64()), ("text", pa.string())]))
        for start in range(0, n, 5000):
            writer.write_table(pa.table({"id": list(range(start, start + 5000)), "text": [text] * 5000}))
        writer.close()
    tracemalloc.start()
    count = 0
    for item in read_sources([str(path)]):
        count += 1
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == n
    assert peak < 8 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB while streaming {n} records"


def test_json_files_named_or_globbed_are_read_as_records_and_a_folder_walk_skips_them(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "array.json").write_text(json.dumps([{"id": "a1", "body": CHROME_DOC}, {"id": "a2", "body": CLEAN_DOC}]),
                                     encoding="utf-8")
    (root / "wrapped.json").write_text(json.dumps({"source": "feed", "count": 1,
                                                   "items": [{"id": "w1", "body": CLEAN_DOC}]}), encoding="utf-8")
    (root / "story.txt").write_text(CLEAN_DOC, encoding="utf-8")
    result, data = check_json(str(root / "array.json"), "--text-field", "body")
    assert result.returncode == 0, result.stderr
    assert ids(data) == ["array.json/a1", "array.json/a2"]
    assert "BP101" in {f["code"] for f in data["documents"][0]["findings"]}
    result, data = check_json(str(root / "*.json"), "--text-field", "body")
    assert ids(data) == ["array.json/a1", "array.json/a2", "wrapped.json/w1"]
    result, data = check_json(str(root))  # a folder walk: text only, the .json files are not articles
    assert ids(data) == ["story.txt"]


@pytest.mark.parametrize("content, says", [
    ({"title": "x", "body": "y"}, "an object with no array of records (fields: title, body)"),
    ({"a": [{"text": "x"}], "b": [{"text": "y"}]}, "an object with 2 arrays of records (a, b)"),
    ("just a string", "a single str, not records"),
    ([1, 2, 3], "an array of int, not of objects"),
])
def test_a_json_file_that_holds_no_records_is_refused_by_name(tmp_path, content, says):
    path = tmp_path / "config.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    result, data = check_json(str(path))
    assert result.returncode == 2
    assert f"{path}: {says}" in result.stderr and "array of records" in result.stderr
    assert data["documents"][0]["verdict"] == "error"


def test_a_record_of_a_json_file_without_the_text_field_names_its_place(tmp_path):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"items": [{"id": 1, "text": CLEAN_DOC}, {"id": 2, "body": "x"}]}), encoding="utf-8")
    result, data = check_json(str(path))
    assert result.returncode == 2
    assert "record 2 (items[1]): no field 'text'" in result.stderr
    assert ids(data)[0] == "feed.json/1"
