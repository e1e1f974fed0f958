"""The HTML reports in a real browser: Debian's chromium, headless, taking a screenshot.

The pages must render with no console message at all (a script error, or a blocked attempt to
load something from the network, would print one), and the screenshots are kept under the
test's tmp_path for a person to look at.
"""
from __future__ import annotations

import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from conftest import CHROMIUM_FLAGS, ROOT, chromium

FLAGS = CHROMIUM_FLAGS + ["--hide-scrollbars"]
PASS_GREEN = (0x1A, 0x7F, 0x37)
FAIL_RED = (0xCF, 0x22, 0x2E)


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "report"
    result = subprocess.run([sys.executable, "-m", "auditor", "report", str(ROOT / "samples"), "--out", str(out),
                             "--no-grammar"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out


def screenshot(page: Path, png: Path, tmp_path: Path, size: str = "1280,1800") -> str:
    profile = tmp_path / f"profile-{png.stem}"  # a fresh profile for every run
    result = subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", f"--window-size={size}",
                             f"--screenshot={png}", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert png.is_file(), result.stderr[-2000:]
    return result.stderr


def console_messages(log: str) -> list[str]:
    return [line for line in log.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


def pixels(png: Path):
    """(width, height, rows of RGB tuples) of an 8-bit RGB or RGBA PNG, without image libraries."""
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    assert depth == 8 and color in (2, 6) and interlace == 0
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + b) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(line)
        previous = line
    return width, height, [[tuple(r[i:i + 3]) for i in range(0, stride, channels)] for r in rows[::4]]


def colours(png: Path) -> set:
    _, _, rows = pixels(png)
    return {p for row in rows for p in row}


def test_dashboard_renders_without_console_errors(report_dir, tmp_path):
    png = tmp_path / "dashboard.png"
    log = screenshot(report_dir / "index.html", png, tmp_path)
    assert console_messages(log) == []
    width, height, _ = pixels(png)
    assert (width, height) == (1280, 1800)
    seen = colours(png)
    assert PASS_GREEN in seen and FAIL_RED in seen  # the verdict bar and the histogram are drawn
    print(f"dashboard screenshot: {png}")


def test_document_page_renders_its_highlights(report_dir, tmp_path):
    page = report_dir / "06-credits-bylines.txt.html"
    png = tmp_path / "document.png"
    log = screenshot(page, png, tmp_path, "1100,1400")
    assert console_messages(log) == []
    seen = colours(png)
    assert (0xFF, 0xD7, 0xD5) in seen  # error highlights behind the flagged lines
    assert FAIL_RED in seen or (0x9A, 0x67, 0x00) in seen  # the verdict badge
    print(f"document screenshot: {png}")


def test_a_page_that_fetches_from_the_network_would_be_caught(tmp_path):
    """The check itself works: a script error and a blocked load both show up as console messages."""
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" "
                    "content=\"default-src 'none'; script-src 'unsafe-inline'\"></head><body>"
                    "<img src=\"https://example.invalid/x.png\"><script>missing();</script></body></html>",
                    encoding="utf-8")
    log = screenshot(page, tmp_path / "bad.png", tmp_path, "400,300")
    messages = console_messages(log)
    assert any("Uncaught ReferenceError" in m for m in messages)
    assert any("Content Security Policy" in m for m in messages)
