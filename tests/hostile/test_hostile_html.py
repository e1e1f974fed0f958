"""XSS payloads placed in articles (text, file names, record ids, sites) never run in the HTML
reports: the pages are opened in headless Debian chromium, as tests/test_browser.py does.

Every payload, if it ran, would log ``PWNED`` to the console, set the title to ``PWNED`` or add a
``data-pwned`` attribute. The pages are checked as written, and once more with their
Content-Security-Policy removed, so that escaping alone is shown to hold.
"""
from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

import pytest

from hostile_helpers import run

RUN = "console.log('PWNED');document.title='PWNED';document.documentElement.setAttribute('data-pwned','1')"
PAYLOADS = [
    f"<script>{RUN}</script>",
    f"<img src=x onerror=\"{RUN}\">",
    f"<a href=\"javascript:{RUN}\" id=go>click</a><script>document.getElementById('go').click()</script>",
    f"</textarea><script>{RUN}</script>",
    f"</title><script>{RUN}</script>",
    f"<svg onload=\"{RUN}\"></svg>",
    f"<svg><script>{RUN}</script></svg>",
    f"\"><script>{RUN}</script>",
    f"'><img src=x onerror={RUN}>",
    f"<iframe srcdoc=\"<script>parent.{RUN}</script>\"></iframe>",
    f"<body onload=\"{RUN}\">",
    f"<details open ontoggle=\"{RUN}\">",
    f"</style><script>{RUN}</script>",
    f"<!--<script>{RUN}</script>-->",
    f"]]><script>{RUN}</script>",
    "{{7*7}} {% if 1 %}TEMPLATE-RAN{% endif %} ${7*7} #{7*7}",
    f"<math><mtext><table><mglyph><style><img src=x onerror=\"{RUN}\">",
]
from conftest import CHROMIUM_FLAGS, chromium  # noqa: E402

FLAGS = CHROMIUM_FLAGS + ["--virtual-time-budget=3000"]


def article(i: int, payload: str) -> str:
    return (f"Council approves budget {payload}\n\n"
            f"The council approved the budget on Tuesday {payload} after a long debate, officials said.\n\n"
            f"Leave a Reply {payload}\n\nAuthor: {payload}\n\nPublished February 15,2022\n")


@pytest.fixture(scope="module")
def xss_report(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("xss")
    src = root / "in"
    src.mkdir()
    for i, payload in enumerate(PAYLOADS):
        (src / f"p{i:02d}.txt").write_text(article(i, payload), encoding="utf-8")
    # Payloads in the file name itself (as far as the file system allows) and in record fields.
    (src / "<svg onload=alert(1)>.txt").write_text(article(99, PAYLOADS[0]), encoding="utf-8")
    with open(src / "feed.jsonl", "w", encoding="utf-8") as handle:
        for i, payload in enumerate(PAYLOADS[:6]):
            handle.write(json.dumps({"id": f"r{i}{payload}", "site": payload, "text": article(i, payload)}) + "\n")
    out = root / "out"
    result = run("report", str(src), "--out", str(out), "--per-document", "all", "--title", f"Quality {PAYLOADS[0]}",
                 timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def pages(out: Path) -> list[Path]:
    found = sorted(out.rglob("*.html"))
    assert len(found) >= len(PAYLOADS) + 2
    return found


def open_in_chromium(page: Path, tmp_path: Path) -> tuple[str, str]:
    """(DOM after scripts had their chance, console log) of the page."""
    profile = tmp_path / f"profile-{abs(hash(page))}"
    result = subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout, result.stderr


def assert_nothing_ran(dom: str, log: str, page: Path):
    console = [ln for ln in log.splitlines() if ":CONSOLE" in ln or "Uncaught" in ln]
    assert not any("PWNED" in ln for ln in console), (page, console)
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    assert title is None or title.group(1).strip() != "PWNED", (page, title.group(1))  # set by a payload
    root = re.search(r"<html[^>]*>", dom)
    assert root is None or "data-pwned" not in root.group(0), (page, root.group(0))
    text = html.unescape(dom)
    assert text.count("TEMPLATE-RAN") == text.count("{% if 1 %}TEMPLATE-RAN"), page  # the tag stayed text


def test_payload_text_is_escaped_in_the_html_source(xss_report):
    for page in pages(xss_report):
        source = page.read_text(encoding="utf-8")
        for payload in PAYLOADS:
            if "<" in payload:
                assert payload not in source, (page.name, payload)
        assert "onerror=\"console" not in source and "<svg onload" not in source, page.name
    for i, payload in enumerate(PAYLOADS):
        doc = (xss_report / f"p{i:02d}.txt.html").read_text(encoding="utf-8")
        body = doc[doc.index("<body"):]
        shown = html.unescape(re.sub(r"<[^>]*>", "", body))  # the page's text, as a reader sees it
        assert payload in shown, (i, payload)  # the article text is shown whole, as text
    template = (xss_report / f"p{len(PAYLOADS) - 2:02d}.txt.html").read_text(encoding="utf-8")
    # Shown as text, not evaluated: the template syntax is there, and its output ("49", a bare tag body) is not.
    assert "{{7*7}} {% if 1 %}TEMPLATE-RAN{% endif %}" in template
    assert template.count("TEMPLATE-RAN") == template.count("{% if 1 %}TEMPLATE-RAN")


def test_no_payload_runs_in_chromium(xss_report, tmp_path):
    for page in pages(xss_report):
        dom, log = open_in_chromium(page, tmp_path)
        assert_nothing_ran(dom, log, page)


def test_no_payload_runs_even_without_the_content_security_policy(xss_report, tmp_path):
    """Escaping alone holds: the same pages with their CSP meta tag removed."""
    bare = tmp_path / "bare"
    for page in pages(xss_report):
        copy = bare / page.relative_to(xss_report)
        copy.parent.mkdir(parents=True, exist_ok=True)
        source = page.read_text(encoding="utf-8")
        stripped = re.sub(r"<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "", source)
        assert stripped != source, page.name
        copy.write_text(stripped, encoding="utf-8")
        dom, log = open_in_chromium(copy, tmp_path)
        assert_nothing_ran(dom, log, copy)
