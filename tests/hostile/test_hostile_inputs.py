"""Hostile inputs through the CLI (`check`, `clean --out`, `report --out`).

Every input is either audited correctly after decoding, or refused with an error that names the
file and the problem; the run goes on with the other inputs, their outputs are written, and the
exit code is 2 whenever an input failed.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from hostile_helpers import GOOD, documents, run, run_all, temp_files, written

COMMANDS = ["check", "clean", "report"]
MiB = 1024 * 1024


@pytest.fixture
def good(tmp_path) -> Path:
    path = tmp_path / "in" / "good.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(GOOD, encoding="utf-8")
    return path


def assert_refused(result, command, out, bad_name: str, problem: str, good_name="good.txt"):
    """Exit 2, an error naming the bad input and the problem, and the good input's outputs written."""
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    lines = [ln for ln in result.stderr.splitlines() if bad_name in ln]
    assert lines, f"no error names {bad_name}: {result.stderr[-2000:]}"
    assert any(problem in ln.lower() for ln in lines), lines
    assert written(command, out, good_name), sorted(p.name for p in out.rglob("*"))
    assert not written(command, out, Path(bad_name).name)
    assert temp_files(out) == []


def assert_audited(result, command, out, name: str):
    assert result.returncode in (0, 1), (result.returncode, result.stderr[-2000:])
    assert written(command, out, name), sorted(p.name for p in out.rglob("*"))
    assert temp_files(out) == []


def report_json(command, out: Path, name: str, result) -> dict:
    if command == "clean":
        raise AssertionError("clean writes no report")
    if command == "check":
        return documents(result)[name]
    rows = [json.loads(line) for line in (out / "reports.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return next(row for row in rows if row["id"] == name)


# --- refused inputs ------------------------------------------------------------------------------

@pytest.mark.parametrize("command", COMMANDS)
def test_a_binary_file_is_refused_and_the_run_goes_on(tmp_path, good, command):
    bad = tmp_path / "in" / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    out = tmp_path / "out"
    result = run_all(command, [str(bad), str(good)], out)
    assert_refused(result, command, out, "photo.txt", "binary")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_file_over_max_bytes_is_refused_naming_the_file_and_the_limit(tmp_path, good, command):
    bad = tmp_path / "in" / "long.txt"
    bad.write_text("The council met on Tuesday. " * 5000, encoding="utf-8")  # ~140 kB, one line
    out = tmp_path / "out"
    result = run_all(command, [str(bad), str(good)], out, "--max-bytes", "100000")
    assert_refused(result, command, out, "long.txt", "limit")
    assert "100,000" in result.stderr  # the limit is named; nothing was silently truncated


@pytest.mark.parametrize("command", COMMANDS)
def test_broken_symlink_and_symlink_loop_are_refused(tmp_path, good, command):
    broken = tmp_path / "in" / "broken.txt"
    broken.symlink_to(tmp_path / "nowhere.txt")
    loop_a, loop_b = tmp_path / "in" / "loop-a.txt", tmp_path / "in" / "loop-b.txt"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    out = tmp_path / "out"
    result = run_all(command, [str(broken), str(loop_a), str(good)], out)
    assert_refused(result, command, out, "broken.txt", "symbolic link")
    assert_refused(result, command, out, "loop-a.txt", "")
    # Found inside a folder, they are refused (or skipped) too, never followed forever.
    result = run_all(command, [str(tmp_path / "in")], tmp_path / "out2", timeout=60)
    assert result.returncode == 2, result.stderr
    assert written(command, tmp_path / "out2", "good.txt")
    assert "broken.txt" in result.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_a_fifo_is_refused_without_hanging(tmp_path, good, command):
    fifo = tmp_path / "in" / "pipe.txt"
    os.mkfifo(fifo)
    out = tmp_path / "out"
    began = time.monotonic()
    result = run_all(command, [str(fifo), str(good)], out, timeout=60)  # a hang raises TimeoutExpired
    assert_refused(result, command, out, "pipe.txt", "not a regular file")
    # The same FIFO met inside a folder is not opened either.
    result = run_all(command, [str(tmp_path / "in")], tmp_path / "out2", timeout=60)
    assert result.returncode == 2 and "pipe.txt" in result.stderr
    assert written(command, tmp_path / "out2", "good.txt")
    assert time.monotonic() - began < 60


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unreadable_path_is_refused(tmp_path, good, command):
    # A path whose parent is a file: the OS refuses it whoever runs the tests.
    (tmp_path / "in" / "notadir.txt").write_text("x", encoding="utf-8")
    bad = tmp_path / "in" / "notadir.txt" / "child.txt"
    out = tmp_path / "out"
    result = run_all(command, [str(bad), str(good)], out)
    assert_refused(result, command, out, "child.txt", "")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="running as root: chmod 000 does not stop root from reading a file")
@pytest.mark.parametrize("command", COMMANDS)
def test_a_file_without_read_permission_is_refused(tmp_path, good, command):
    bad = tmp_path / "in" / "secret.txt"
    bad.write_text("Secret text.\n", encoding="utf-8")
    bad.chmod(0)
    out = tmp_path / "out"
    try:
        result = run_all(command, [str(bad), str(good)], out)
    finally:
        bad.chmod(0o644)
    assert_refused(result, command, out, "secret.txt", "permission")


def test_a_read_error_is_reported_with_the_file_and_the_reason(tmp_path, monkeypatch):
    """What chmod 000 does for a user other than root, simulated: the read fails with EACCES."""
    from auditor.inputs.reading import InputError, read_decoded

    path = tmp_path / "secret.txt"
    path.write_text("Secret text.\n", encoding="utf-8")

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    error = read_decoded(path, {})
    assert isinstance(error, InputError)
    assert "secret.txt" in str(error) and "Permission denied" in str(error)


def test_the_reader_checks_for_a_regular_file_before_opening(tmp_path):
    from auditor.inputs.reading import InputError, read_decoded

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    error = read_decoded(fifo, {})  # would block forever if it opened the FIFO
    assert isinstance(error, InputError) and "not a regular file" in error.message
    assert isinstance(read_decoded(tmp_path, {}), InputError)


# --- decoded and audited -------------------------------------------------------------------------

LATIN = "Le café était fermé à Señora Muñoz.\n\nLeave a Reply\n"
CP1252 = "The minister said: \u201cWe won\u2019t pay \u20ac5m \u2014 not now.\u201d\n\nLeave a Reply\n"


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("encoding,text", [("utf-16", GOOD), ("latin-1", LATIN), ("cp1252", CP1252)],
                         ids=["utf16-bom", "latin1", "cp1252"])
def test_other_encodings_are_decoded(tmp_path, good, command, encoding, text):
    path = tmp_path / "in" / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))  # Python's utf-16 codec writes a BOM
    if encoding == "utf-16":
        assert path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    out = tmp_path / "out"
    result = run_all(command, [str(path), str(good)], out)
    assert_audited(result, command, out, path.name)
    if command == "clean":
        cleaned = (out / path.name).read_text(encoding="utf-8")
        assert "Leave a Reply" not in cleaned
        assert cleaned.strip() == text.replace("Leave a Reply", "").strip()  # every accent round-trips
    else:
        doc = report_json(command, out, path.name, result)
        assert any(f["code"] == "BP101" and f["text"] == "Leave a Reply" for f in doc["findings"]), doc["findings"]
        assert not any(f["code"].startswith("EC") for f in doc["findings"]), doc["findings"]


@pytest.mark.parametrize("command", COMMANDS)
def test_invalid_utf8_is_decoded_or_refused_by_name(tmp_path, good, command):
    path = tmp_path / "in" / "broken-utf8.txt"
    path.write_bytes(b"The mayor said the road \xe2\x80 will reopen \xff\xfe on Tuesday. \xc3\x28 Caf\xe9.\n")
    out = tmp_path / "out"
    result = run_all(command, [str(path), str(good)], out)
    if result.returncode == 2:
        assert_refused(result, command, out, path.name, "decode")
    else:
        assert_audited(result, command, out, path.name)
        if command == "clean":
            assert "will reopen" in (out / path.name).read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["check", "report"])
def test_mojibake_is_found(tmp_path, good, command):
    path = tmp_path / "in" / "mojibake.txt"
    path.write_text("JosÃ© RenÃ©e said the talks were \u00e2\u20ac\u0153productive\u00e2\u20ac\u009d.\n"
                    "We donâ€™t know yet, she added.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_all(command, [str(path), str(good)], out)
    assert_audited(result, command, out, path.name)
    doc = report_json(command, out, path.name, result)
    assert any(f["code"] == "EC101" for f in doc["findings"]), doc["findings"]


def test_mojibake_is_repaired_by_clean(tmp_path):
    path = tmp_path / "mojibake.txt"
    path.write_text("JosÃ© RenÃ©e arrived.\nWe donâ€™t know yet.\n", encoding="utf-8")
    result = run("clean", str(path), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "mojibake.txt").read_text(encoding="utf-8") == \
        "José Renée arrived.\nWe don\u2019t know yet.\n"


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("content", [b"", b"   \n\t\n\r\n  \n"], ids=["empty", "whitespace"])
def test_empty_and_whitespace_files_have_no_article_and_fail(tmp_path, command, content):
    path = tmp_path / "in" / "blank.txt"
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    out = tmp_path / "out"
    result = run_all(command, [str(path)], out)
    assert "Traceback" not in result.stderr
    if command == "clean":
        assert result.returncode == 0, result.stderr  # cleaning does not gate
        assert (out / "blank.txt").read_bytes() == content  # nothing is removed that no fix covers
        assert "nothing of an article is left" in result.stderr
        return
    if command == "check":
        assert result.returncode == 1, result.stderr  # no article, no pass
    doc = report_json(command, out, "blank.txt", result)
    assert doc["verdict"] == "fail"
    assert [(f["code"], f["scope"]) for f in doc["findings"]] == [("BP001", "document")]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_file_of_100000_lines(tmp_path, good, command):
    path = tmp_path / "in" / "lines.txt"
    path.write_text("".join(f"Line {i}: the council met on Tuesday to discuss the budget.\n"
                            for i in range(100_000)), encoding="utf-8")
    out = tmp_path / "out"
    result = run_all(command, [str(path), str(good)], out, timeout=180)
    assert_audited(result, command, out, "lines.txt")
    assert written(command, out, "good.txt")
    if command == "clean":
        assert (out / "lines.txt").read_bytes() == path.read_bytes()
    else:
        assert report_json(command, out, "lines.txt", result)["words"] >= 1_000_000


def test_a_50_mb_single_line_file_is_audited_under_the_default_limit(tmp_path, good):
    """50 MB (decimal) is under the default --max-bytes of 50 MiB: audited whole, not truncated."""
    path = tmp_path / "in" / "huge.txt"
    sentence = "The council met on Tuesday to discuss the budget and voted to approve it. "
    with open(path, "w", encoding="utf-8") as handle:
        handle.write((sentence * (50_000_000 // len(sentence) + 1))[:50_000_000])
    assert path.stat().st_size == 50_000_000 < 50 * MiB
    result = run("check", str(path), str(good), "--format", "json", timeout=180)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    docs = documents(result)
    assert docs["huge.txt"]["words"] == len((sentence * (50_000_000 // len(sentence) + 1))[:50_000_000].split())
    assert "good.txt" in docs


def test_a_file_just_over_the_default_limit_is_refused(tmp_path, good):
    """Over 50 MiB with the default limit: refused with the file and the limit named (a sparse file)."""
    path = tmp_path / "in" / "over.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * MiB + 1)  # size only: the limit is checked before reading
    out = tmp_path / "out"
    for command in COMMANDS:
        result = run_all(command, [str(path), str(good)], out / command)
        assert_refused(result, command, out / command, "over.txt", "limit")
        assert f"{50 * MiB:,}" in result.stderr


def test_a_folder_of_10000_files_is_all_reported(tmp_path):
    root = tmp_path / "many"
    for i in range(10_000):
        sub = root / f"d{i // 1000}"
        if i % 1000 == 0:
            sub.mkdir(parents=True)
        (sub / f"a{i:05d}.txt").write_text(f"Article {i}. The council met on Tuesday to discuss the budget.\n",
                                           encoding="utf-8")
    (root / "d0" / "zz-binary.txt").write_bytes(b"\x00\x01\x02")
    result = run("check", str(root), "--format", "json", timeout=300)
    assert result.returncode == 2, result.stderr[-2000:]
    data = json.loads(result.stdout)
    audited = [d for d in data["documents"] if not d["errors"]]
    assert len(audited) == data["summary"]["documents"] == 10_000
    assert data["summary"]["input_errors"] == 1
    assert "zz-binary.txt" in result.stderr
    ids = {d["id"] for d in audited}
    assert "d9/a09999.txt" in ids and "d0/a00000.txt" in ids


WESTERN_AND_OTHERS = {
    "latin-1": "Le café était fermé à Señora Muñoz.",
    "cp1252": "The minister said: \u201cWe won\u2019t pay \u20ac5m \u2014 not now.\u201d",
    "cp1251": "Министр иностранных дел России Сергей Лавров заявил во вторник, что переговоры продолжатся.",
    "cp1253": "Ο υπουργός Εξωτερικών δήλωσε την Τρίτη ότι οι συνομιλίες θα συνεχιστούν.",
    "cp1250": "Minister spraw zagranicznych Polski powiedział we wtorek, że rozmowy będą kontynuowane.",
    "cp1252-symbols": "Temperatures reached 40°C in Sevilla, and 3½ million people were affected © AFP.",
    "cp1254": "Dışişleri Bakanı salı günü görüşmelerin süreceğini söyledi. Şişli'de ağır çekim.",
    # Romanian in cp1250 reads as cp1252 too ("Bucureºti ºi", "anunþat"): only the odd letters tell
    "cp1250-romanian": "Guvernul a anunţat marţi că preţurile vor scădea.",
    "cp1250-romanian-short": "Ştirile zilei: ploi în Bucureşti şi ninsori la munte.",
    "cp1252-ordinals": "El 1º de mayo abrió la 2ª edición del festival en Sevilla.",
}


@pytest.mark.parametrize("encoding", sorted(WESTERN_AND_OTHERS))
def test_short_legacy_texts_decode_to_what_was_written(encoding):
    """Regression: short Latin-1 text came out as cp775 ("cafķ ķtait") and cp1252 quotes as cp852."""
    from auditor.inputs.reading import decode

    text = WESTERN_AND_OTHERS[encoding]
    assert decode(text.encode(encoding.split("-")[0]), "x.txt") == text
