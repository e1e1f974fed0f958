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


def reports_of(out: Path) -> list[dict]:
    with open(out / "reports.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_report_over_the_seeds_writes_one_record_file_and_a_page_per_listed_document(seeds_report):
    out, result = seeds_report
    reports = reports_of(out)
    from conftest import SEEDS

    assert [r["id"] for r in reports] == sorted(p.name for p in Path(SEEDS).glob("*.txt"))
    assert all(r["schema"] == "auditor/v1" and "findings" in r for r in reports)
    # By default no JSON or Markdown file per document; an HTML page for each of the (five) worst.
    assert not list(Path(out).glob("*.txt.json")) and not list(Path(out).glob("*.txt.md"))
    assert sorted(p.name for p in Path(out).glob("*.txt.html")) == sorted(r["id"] + ".html" for r in reports)
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
    report = next(r for r in reports_of(out) if r["id"].startswith("003_"))
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


def test_page_titles_legend_and_count_axis(seeds_report):
    out, _ = seeds_report
    page = next(Path(out).glob("003_*.txt.html")).read_text(encoding="utf-8")
    name = re.search(r"<h1>(.*?)</h1>", page).group(1)
    assert name.startswith("003_") and name.endswith(".txt") and "/" not in name  # the id, not the path
    why = page.split("<h2>Why this score</h2>")[1].split("</ul>")[0]
    assert "grammar" not in why  # the grammar status is not a reason for the score
    assert "serif" not in re.search(r"\.text \{[^}]*\}", page).group(0).replace("sans-serif", "")
    index = (out / "index.html").read_text(encoding="utf-8")
    legend = re.search(r'<ul class="legend" id="verdict-legend">(.*?)</ul>', index, re.S).group(1)
    assert re.findall(r"(pass|warn|fail) (\d+) \(", legend) == [("pass", "3"), ("warn", "1"), ("fail", "1")]
    scores = index.split('<svg id="histogram"')[1].split("</svg>")[0]
    axis = re.findall(r'<text x="34" y="[\d.]+" text-anchor="end">(\d+)</text>', scores)
    peak = max(int(n) for n in re.findall(r"<title>\d+–\d+: (\d+) document", scores))
    assert peak >= 2 and axis == [str(i) for i in range(peak + 1)]  # every count from 0 to the tallest bar


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
    result = run("report", str(root), "--out", str(out), "--no-grammar", "--site-min-documents", "1")
    assert result.returncode == 0, result.stderr
    import pandas as pd

    frame = pd.read_parquet(out / "summary.parquet")
    records = frame[frame["record_id"].notna()]
    assert list(records["record_id"]) == ["r0", "r1"]
    assert list(records["url"]) == ["https://www.example.org/a", "https://news.example.com/b"]
    assert set(records["path"]) == {str(root / "feed.jsonl")}  # the file read, the record id beside it
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
    (tmp_path / "in" / "feed.jsonl").write_text('{"id": 1, "text": "A fine story: the harbour reopened on Monday after two weeks of repairs, and the first ferry left on time with more than two hundred people on board."}\n{oops\n', encoding="utf-8")
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


def make_feed(path: Path, records) -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        for r in records:
            handle.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


PLACES = ["Northfield", "Eastbury", "Westmoor", "Southgate", "Kingsford", "Ashdown", "Brightwater", "Oakham",
          "Redcliff", "Stonebridge", "Marlow", "Elmstead"]
TOPICS = ["bridge", "school", "hospital", "harbour", "library", "railway station", "market hall", "museum",
          "stadium", "ferry terminal", "concert hall", "swimming pool"]
FOOTER = "More stories from the regional desk"


def story(n: int, footer: str = "") -> str:
    """A distinct clean article: its own headline, opening and closing lines around a shared paragraph."""
    place, topic = PLACES[n % 12], TOPICS[(n // 12 + n) % 12]
    return (f"{place} backs a new {topic}\n\nCouncillors in {place} voted on Tuesday to pay for a new {topic}, "
            f"ending a dispute that had lasted {n + 2} years. " + BODY * 2
            + f"\n\nThe {topic} in {place} should open in {2030 + n}, the council said, and firms may bid.\n"
            + (f"\n{footer}\n" if footer else ""))


def test_per_document_files_are_a_choice_spread_over_hashed_folders_when_many(tmp_path):
    feed = make_feed(tmp_path / "feed.jsonl", [{"id": f"a{i}", "text": story(i)} for i in range(1100)])
    out = tmp_path / "out"
    result = run("report", str(feed), "--out", str(out), "--no-grammar", "--no-readability",
                 "--per-document", "json,html", "-q")
    assert result.returncode == 0, result.stderr
    pages = list(out.rglob("*.html"))
    assert len(pages) == 1101 and not list(out.rglob("*.md"))
    assert len(list(out.rglob("*.json"))) == 1100
    folders = {p.parent for p in pages if p.name != "index.html"}
    assert len(folders) > 200 and all(f.parent == out / "feed.jsonl" for f in folders)
    assert max(sum(1 for _ in f.iterdir()) for f in folders) < 40
    # Every link of the dashboard and of a page leads to a file.
    index = (out / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+\.html)"', index)
    assert len(links) == 25 and all((out / link).is_file() for link in links)
    page = out / links[0]
    back = re.search(r'href="([^"]*index\.html)"', page.read_text(encoding="utf-8")).group(1)
    assert (page.parent / back).resolve() == (out / "index.html").resolve()
    bad = run("report", str(feed), "--out", str(out), "--per-document", "pdf")
    assert bad.returncode == 2 and "unknown per-document format 'pdf'" in bad.stderr


def test_outputs_are_readable_as_the_umask_says(tmp_path):
    feed = make_feed(tmp_path / "feed.jsonl", [{"id": f"a{i}", "text": story(i)} for i in range(3)])
    import os

    for umask, mode in ((0o022, 0o644), (0o077, 0o600)):
        out = tmp_path / f"out{umask:o}"
        result = subprocess.run(
            ["sh", "-c", f'umask {umask:o} && exec "$0" "$@"', sys.executable, "-m", "auditor", "report",
             str(feed), "--out", str(out), "--no-grammar", "--per-document", "all"],
            capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        files = [p for p in out.rglob("*") if p.is_file()]
        assert len(files) == 3 * 3 + 4
        assert {os.stat(p).st_mode & 0o777 for p in files} == {mode}, (umask, files)


def test_the_table_of_sources_has_a_minimum_and_a_cap(tmp_path):
    records = []
    for site in range(30):
        for i in range(25 if site < 28 else 3):
            records.append({"id": f"s{site}-{i}", "url": f"https://site{site}.example/{i}", "text": story(site * 100 + i)})
    feed = make_feed(tmp_path / "feed.jsonl", records)
    out = tmp_path / "out"
    result = run("report", str(feed), "--out", str(out), "--no-grammar", "--no-readability", "-q")
    assert result.returncode == 0, result.stderr
    section = (out / "index.html").read_text(encoding="utf-8").split("<h2>By source</h2>")[1].split("<h2>")[0]
    assert section.count("<tr>") == 1 + 25  # header row and 25 sources
    assert "site28.example" not in section and "site29.example" not in section  # 3 documents each
    assert "3 more" in section and "2 source(s) with fewer documents are left out" in section


def test_a_clean_article_present_five_times_stays_a_pass_and_is_listed_once(tmp_path):
    records = []
    for i in range(12):
        records.append({"id": f"d{i}", "text": story(i)})
        if i % 4 == 0:  # three articles, each syndicated four more times (one copy with the site's footer)
            for k in range(4):
                records.append({"id": f"d{i}-copy{k}", "text": story(i, FOOTER if k == 0 else "")})
    for i in range(12, 14):  # the footer's site also prints it under its own articles
        records.append({"id": f"d{i}", "text": story(i, FOOTER)})
    feed = make_feed(tmp_path / "feed.jsonl", records)
    out = tmp_path / "out"
    # Made-up stories: the machine-translation rules (not what this test is about) are left out.
    result = run("report", str(feed), "--out", str(out), "--no-grammar", "--no-readability", "--ignore", "TR2")
    assert result.returncode == 0, result.stderr
    reports = {r["id"]: r for r in reports_of(out)}
    assert reports["feed.jsonl/d4-copy2"]["copy_of"] == "feed.jsonl/d4"
    assert reports["feed.jsonl/d4-copy0"]["copy_of"] == "feed.jsonl/d4"  # a near copy: a footer more
    assert "copy_of" not in reports["feed.jsonl/d4"]
    # The articles' own lines count once per article, not once per copy: no finding, a pass.
    for i in range(12):
        for key in [f"feed.jsonl/d{i}"] + [f"feed.jsonl/d{i}-copy{k}" for k in range(1, 4) if i % 4 == 0]:
            if key in reports:
                codes = {c for f in reports[key]["findings"] for c in [f["code"], *f["related"]]}
                assert reports[key]["verdict"] == "pass" and "BP901" not in codes, key
    # The footer repeats under different articles (two of its own, three syndicated ones): chrome.
    for key in ("feed.jsonl/d12", "feed.jsonl/d13", "feed.jsonl/d0-copy0", "feed.jsonl/d8-copy0"):
        assert any(f["text"] == FOOTER and "BP901" in [f["code"], *f["related"]] for f in reports[key]["findings"]), key
    index = (out / "index.html").read_text(encoding="utf-8")
    worst = re.search(r'<table class="sortable" id="worst">(.*?)</table>', index, re.S).group(1)
    assert "copy" not in worst and worst.count("<tr>") == 1 + 14
    assert "12 cop(ies) of earlier documents" in result.stdout
    assert "12 document(s) are copies of 3 earlier one(s)" in index
    assert "runs this pass only with --corpus" in index
    # check --corpus says the same about the same records.
    checked = run("check", str(feed), "--corpus", "--no-grammar", "--format", "json", "--ignore", "TR2")
    verdicts = {d["id"]: (d["verdict"], d.get("copy_of")) for d in json.loads(checked.stdout)["documents"]}
    assert verdicts == {i: (r["verdict"], r.get("copy_of")) for i, r in reports.items()}


@pytest.mark.parametrize("peak, ticks", [(1, [0, 1]), (7, [0, 2, 4, 6, 8]), (23, [0, 5, 10, 15, 20, 25]),
                                         (1234, [0, 500, 1000, 1500])])
def test_the_count_axis_has_round_steps_up_to_the_tallest_bar(peak, ticks):
    from auditor.batch.report_totals import y_ticks

    assert y_ticks(peak) == ticks
