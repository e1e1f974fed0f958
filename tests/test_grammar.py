"""Grammar checking against a real LanguageTool server (started once for this module)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import auditor.resources.grammar as grammar
import auditor.resources.grammar_client as grammar_client
from auditor.resources.grammar import (
    GrammarChecker,
    GrammarMatch,
    GrammarUnavailable,
    LanguageNotSupported,
    LanguageToolInstallError,
    LanguageToolServer,
    grammar_available,
    grammar_checker,
    install_languagetool,
    languagetool_home,
)

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = """City council approves new budget after long debate

The city council approved a new budget on Tuesday after a debate that lasted more than six \
hours. The plan raises spending on schools and public transport, and it cuts the money set \
aside for new roads. Council members voted eleven to four in favour of the proposal.

The mayor said the budget was a fair compromise. "We listened to the people who live here," \
she said at a press conference after the vote. He go to school every days.

Under the new plan, the city will hire forty new teachers and buy twenty electric buses over \
the next two years. 🙂 It is 𝐠𝐨𝐨𝐝 𝐠𝐨𝐨𝐝. Officials said that the repairs would begin in the \
summer, when the schools are closed.
"""


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def lt_home(languagetool_server) -> Path:
    return languagetool_server.home


@pytest.fixture(scope="module")
def server(languagetool_server):
    return languagetool_server


@pytest.fixture(scope="module")
def checker(server: LanguageToolServer) -> GrammarChecker:
    return GrammarChecker(server.url)


def _flagged(text: str, matches: list[GrammarMatch]) -> list[str]:
    return [text[m.start:m.end] for m in matches]


# --------------------------------------------------------------------------- real server


def test_agreement_errors_are_flagged(checker: GrammarChecker) -> None:
    text = "He go to school every days."
    matches = checker.check(text)
    assert matches, "LanguageTool found nothing in an ungrammatical sentence"
    flagged = _flagged(text, matches)
    assert "go" in flagged or "days" in flagged, flagged
    go = next(m for m in matches if text[m.start:m.end] == "go")
    assert go.category == "GRAMMAR"
    assert go.issue_type == "grammar"
    assert "goes" in go.replacements
    assert go.message
    assert isinstance(go.replacements, tuple)


def test_clean_sentence_has_no_match(checker: GrammarChecker) -> None:
    assert checker.check("The minister spoke to reporters on Tuesday.") == []


def test_unknown_names_are_not_spelling_errors(checker: GrammarChecker) -> None:
    # With spelling on, LanguageTool flags "Olaf Scholes" (MULTITOKEN_SPELLING) and "Nebenzya" (TYPOS).
    matches = checker.check("Olaf Scholes met Nebenzya.")
    assert [m for m in matches if m.issue_type == "misspelling" or m.category in {"TYPOS", "MULTITOKEN_SPELLING"}] == []
    assert matches == []


def test_offsets_after_an_emoji_are_python_indexes(checker: GrammarChecker) -> None:
    text = "🙂 He go to school."
    matches = checker.check(text)
    assert _flagged(text, matches) == ["go"]
    assert (matches[0].start, matches[0].end) == (5, 7)


def test_span_containing_astral_characters(checker: GrammarChecker) -> None:
    # LanguageTool's length is in UTF-16 units: each of these letters counts twice there.
    text = "🙂 It is 𝐠𝐨𝐨𝐝 𝐠𝐨𝐨𝐝."
    matches = checker.check(text)
    assert "𝐠𝐨𝐨𝐝 𝐠𝐨𝐨𝐝" in _flagged(text, matches)


def test_long_text_is_checked_in_chunks_with_the_same_offsets(checker: GrammarChecker) -> None:
    text = "\n\n".join([ARTICLE] * 4)
    small = GrammarChecker(checker.url, max_chunk_chars=700)
    assert len(grammar_client.split_chunks(text, 700)) > 4
    whole = checker.check(text)
    chunked = small.check(text)
    assert [(m.start, m.end, m.rule_id) for m in chunked] == [(m.start, m.end, m.rule_id) for m in whole]
    flagged = _flagged(text, chunked)
    assert flagged.count("go") == 4
    assert flagged.count("𝐠𝐨𝐨𝐝 𝐠𝐨𝐨𝐝") == 4


def test_article_check_is_fast_once_warm(checker: GrammarChecker) -> None:
    article = ARTICLE * 3  # about 2,100 characters, a short news article
    assert 1800 < len(article) < 3000
    checker.check(article)
    began = time.monotonic()
    matches = checker.check(article)
    assert time.monotonic() - began < 10
    assert "go" in _flagged(article, matches)


def test_url_forms_are_accepted(server: LanguageToolServer) -> None:
    for url in (server.url, server.url + "/", server.url + "/v2", server.url + "/v2/",
                server.url.removeprefix("http://")):
        assert _flagged("He go to school.", GrammarChecker(url).check("He go to school.")) == ["go"]


def test_language_not_installed(checker: GrammarChecker) -> None:
    assert checker.supports("en-US")
    assert checker.supports("en-GB")
    assert not checker.supports("de-DE")
    with pytest.raises(LanguageNotSupported):
        checker.check("Der Hund spielen im Garten.", "de-DE")


def test_british_english(checker: GrammarChecker) -> None:
    text = "He go to school."
    assert _flagged(text, checker.check(text, "en-GB")) == ["go"]


def test_server_listens_on_loopback_only(server: LanguageToolServer) -> None:
    tables = [Path("/proc/net/tcp"), Path("/proc/net/tcp6")]
    if not tables[0].exists():
        pytest.skip("needs Linux /proc/net/tcp")
    port = f"{server.port:04X}"
    listening = []
    for table in tables:
        if not table.exists():
            continue
        for line in table.read_text().splitlines()[1:]:
            fields = line.split()
            address, state = fields[1], fields[3]
            if state == "0A" and address.endswith(":" + port):
                listening.append(address.split(":")[0])
    assert listening
    loopback = {"0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000"}
    assert set(listening) <= loopback, listening


def test_server_process_is_gone_after_the_block(lt_home: Path) -> None:
    with LanguageToolServer(lt_home, warm_up=False) as srv:
        pid = srv.pid
        assert pid is not None and _pid_alive(pid)
        assert GrammarChecker(srv.url).check("He go to school.")
    assert not _pid_alive(pid)
    assert not srv.is_running()

    with pytest.raises(RuntimeError, match="boom"):
        with LanguageToolServer(lt_home, warm_up=False) as srv:
            pid = srv.pid
            raise RuntimeError("boom")
    assert not _pid_alive(pid)


def test_server_dies_with_a_killed_parent(lt_home: Path) -> None:
    # The parent is SIGKILLed: no atexit, no __exit__. The kernel must still take the server down.
    code = (
        "import sys, time\n"
        "from auditor.resources.grammar import LanguageToolServer\n"
        "srv = LanguageToolServer(sys.argv[1], warm_up=False).start()\n"
        "print(srv.pid, srv.log_path, flush=True)\n"
        "time.sleep(600)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    parent = subprocess.Popen([sys.executable, "-c", code, str(lt_home)], stdout=subprocess.PIPE,
                              text=True, env=env)
    try:
        pid_text, log_path = parent.stdout.readline().split(maxsplit=1)
        pid = int(pid_text)
        assert _pid_alive(pid)
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 15
    while _pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    Path(log_path.strip()).unlink(missing_ok=True)  # nobody was left to remove it
    if _pid_alive(pid):
        os.kill(pid, 9)
        pytest.fail("LanguageTool server outlived its killed parent")


def test_server_is_stopped_at_interpreter_exit(lt_home: Path) -> None:
    # Started without a with block and never stopped: the atexit hook must kill it.
    code = (
        "import sys\n"
        "from auditor.resources.grammar import LanguageToolServer\n"
        "srv = LanguageToolServer(sys.argv[1], warm_up=False).start()\n"
        "print(srv.pid, srv.log_path, flush=True)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    out = subprocess.run([sys.executable, "-c", code, str(lt_home)], capture_output=True, text=True,
                         env=env, timeout=120, check=True)
    pid_text, log_path = out.stdout.split(maxsplit=1)
    assert not _pid_alive(int(pid_text))
    assert not Path(log_path.strip()).exists()


def test_grammar_checker_starts_and_stops_its_own_server(lt_home: Path) -> None:
    with grammar_checker(home=lt_home) as chk:
        assert _flagged("He go to school.", chk.check("He go to school.")) == ["go"]
        port = int(chk.url.rsplit(":", 1)[1])
    with pytest.raises(GrammarUnavailable):
        GrammarChecker(f"http://127.0.0.1:{port}", timeout=2, retries=0).check("He go to school.")


def test_install_is_a_no_op_when_installed(lt_home: Path) -> None:
    began = time.monotonic()
    assert install_languagetool(lt_home) == lt_home
    assert time.monotonic() - began < 1
    assert grammar_available(lt_home)[0]


# --------------------------------------------------------------------------- failures


def test_dead_url_raises_grammar_unavailable_quickly() -> None:
    url = f"http://127.0.0.1:{_unused_port()}"
    began = time.monotonic()
    with pytest.raises(GrammarUnavailable) as info:
        GrammarChecker(url, timeout=2).check("He go to school.")
    assert time.monotonic() - began < 10
    assert "127.0.0.1" in info.value.reason
    assert "3 times" in info.value.reason


def test_server_that_never_answers_times_out() -> None:
    with socket.socket() as silent:  # accepts connections (backlog), never replies
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        began = time.monotonic()
        with pytest.raises(GrammarUnavailable):
            GrammarChecker(url, timeout=1, retries=2, retry_delay=0.1).check("He go to school.")
        elapsed = time.monotonic() - began
    assert 2.5 < elapsed < 10, elapsed


def test_without_java(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.delenv("MAVEN_HOME", raising=False)
    monkeypatch.delenv("M2_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert grammar.find_java() is None
    ok, reason = grammar_available(tmp_path)
    assert not ok and reason.startswith("Java not found")
    with pytest.raises(GrammarUnavailable, match="Java not found"):
        LanguageToolServer(tmp_path).start()
    with pytest.raises(LanguageToolInstallError, match="not found"):
        install_languagetool(tmp_path / "lt")
    with pytest.raises(GrammarUnavailable, match="Java not found"):
        with grammar_checker(home=tmp_path):
            pass


def test_not_installed(tmp_path: Path) -> None:
    if grammar.find_java() is None:
        pytest.skip("Java is not installed")
    ok, reason = grammar_available(tmp_path)
    assert not ok
    assert reason == "LanguageTool not installed: run `auditor grammar install`"
    with pytest.raises(GrammarUnavailable, match="not installed"):
        LanguageToolServer(tmp_path).start()


# --------------------------------------------------------------------------- no server needed


def test_home_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUDITOR_LANGUAGETOOL_HOME", str(tmp_path / "lt"))
    assert languagetool_home() == tmp_path / "lt"
    monkeypatch.delenv("AUDITOR_LANGUAGETOOL_HOME")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert languagetool_home() == tmp_path / "cache" / "auditor" / f"languagetool-{grammar.LANGUAGETOOL_VERSION}"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert languagetool_home() == Path.home() / ".cache" / "auditor" / f"languagetool-{grammar.LANGUAGETOOL_VERSION}"


def test_shipped_pom_matches_the_project_pom() -> None:
    project = ROOT / "languagetool" / "pom.xml"
    shipped = ROOT / "auditor" / "data" / "languagetool-pom.xml"
    assert shipped.read_bytes() == project.read_bytes()
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    pom = ET.parse(project).getroot()
    assert pom.findtext("m:properties/m:languagetool.version", namespaces=ns) == grammar.LANGUAGETOOL_VERSION
    artifacts = {d.findtext("m:artifactId", namespaces=ns) for d in pom.findall("m:dependencies/m:dependency", ns)}
    assert {"languagetool-server", "language-en"} <= artifacts
    assert grammar.languagetool_pom().read_bytes() == project.read_bytes()


def test_a_default_check_loads_no_grammar_code() -> None:
    # Grammar is off by default: a plain check neither looks for Java nor loads the HTTP client.
    code = (
        "import runpy, sys\n"
        "sys.argv = ['auditor', 'check', sys.argv[1], '--exit-zero']\n"
        "try:\n"
        "    runpy.run_module('auditor', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = [m for m in ('auditor.resources.grammar_client', 'auditor.resources.grammar_server', 'auditor.resources.grammar_install',\n"
        "                      'language_tool_python') if m in sys.modules]\n"
        "print('LOADED', loaded, file=sys.stderr)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    out = subprocess.run([sys.executable, "-c", code, str(ROOT / "samples" / "11-clean-economy.txt")],
                         capture_output=True, text=True, env=env, check=True)
    assert "LOADED []" in out.stderr, out.stderr[-2000:]


def test_chunks_cover_the_text_and_cut_at_paragraphs() -> None:
    paragraphs = [("Sentence number %d is here. " % i) * 5 for i in range(12)]
    text = "\n\n".join(paragraphs)
    chunks = grammar_client.split_chunks(text, 400)
    assert "".join(piece for _, piece in chunks) == text
    assert all(len(piece) <= 400 for _, piece in chunks)
    assert all(text[off:off + len(piece)] == piece for off, piece in chunks)
    assert all(piece.endswith("\n\n") for _, piece in chunks[:-1])
    # one huge paragraph: cut after sentences, then after spaces, then anywhere
    for blob in ("Words and more words. " * 100, "word " * 300, "x" * 1000):
        pieces = grammar_client.split_chunks(blob, 97)
        assert "".join(p for _, p in pieces) == blob
        assert all(0 < len(p) <= 97 for _, p in pieces)
    assert grammar_client.split_chunks("", 10) == []


def test_utf16_conversion() -> None:
    text = "a🙂b𝐠c"
    table = grammar_client.utf16_index(text)
    assert table == [0, 1, 3, 4, 6, 7]
    assert [grammar_client.to_code_points(table, u) for u in range(8)] == [0, 1, 1, 2, 3, 3, 4, 5]
    assert grammar_client.utf16_index("plain ascii") is None
    assert grammar_client.utf16_index("é ü ñ — “quotes”") is None
