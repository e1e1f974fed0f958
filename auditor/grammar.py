"""Grammar checking with a local LanguageTool server.

LanguageTool is a Java program. Its jars come from Maven Central (see ``languagetool/pom.xml``,
shipped as ``auditor/data/languagetool-pom.xml``) and are copied into :func:`languagetool_home`
by :func:`install_languagetool`. :class:`LanguageToolServer` starts the HTTP server on a free
localhost port; :class:`GrammarChecker` sends text to any LanguageTool server (ours, or one given
with ``--languagetool-url``) through the ``language_tool_python`` client and returns
:class:`GrammarMatch` objects whose offsets are Python string indexes into the checked text.

Spelling is never checked: news text is full of names that no dictionary knows.

Importing this module is cheap: Java is only looked for, and ``language_tool_python`` (with
``requests``) only imported, when a function needs them.
"""
from __future__ import annotations

import os
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

if TYPE_CHECKING:  # pragma: no cover
    import subprocess
    from contextlib import AbstractContextManager

__all__ = [
    "LANGUAGETOOL_VERSION",
    "GrammarChecker",
    "GrammarMatch",
    "GrammarUnavailable",
    "LanguageNotSupported",
    "LanguageToolInstallError",
    "LanguageToolServer",
    "find_java",
    "find_maven",
    "grammar_available",
    "grammar_checker",
    "install_languagetool",
    "is_installed",
    "languagetool_home",
    "languagetool_pom",
]

#: LanguageTool release resolved from Maven Central. Must equal <languagetool.version> in the pom.
LANGUAGETOOL_VERSION = "6.8"

#: Environment variable that overrides where the jars live.
HOME_ENV = "AUDITOR_LANGUAGETOOL_HOME"

INSTALL_HINT = "run `auditor grammar install`"

#: LanguageTool categories that hold spelling rules. TYPOS has the dictionary spellers
#: (MORFOLOGIK_RULE_EN_US, HUNSPELL_RULE, ...); English also has MULTITOKEN_SPELLING, which flags
#: unknown multi-word names ("Olaf Scholes" -> "Olaf Scholz") with issue type "misspelling".
SPELLING_CATEGORIES = frozenset({"TYPOS", "MULTITOKEN_SPELLING"})
_SPELLING_RULE_PREFIXES = ("MORFOLOGIK_RULE_", "HUNSPELL_RULE", "HUNSPELL_NO_SUGGEST_RULE")

DEFAULT_TIMEOUT = 30.0
DEFAULT_RETRIES = 2
DEFAULT_MAX_CHUNK_CHARS = 20_000
DEFAULT_STARTUP_TIMEOUT = 60.0
DEFAULT_HEAP = "512m"

_SERVER_MAIN_CLASS = "org.languagetool.server.HTTPServer"


class GrammarUnavailable(RuntimeError):
    """Grammar checking cannot be done; ``reason`` says why in words meant for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class LanguageNotSupported(GrammarUnavailable):
    """The server has no rules for the requested language (only English is installed)."""


class LanguageToolInstallError(RuntimeError):
    """Installing the LanguageTool jars failed (Maven or Java missing, or Maven failed)."""


@dataclass(frozen=True)
class GrammarMatch:
    """One problem LanguageTool found. ``text[start:end]`` is the flagged span (code points)."""

    start: int
    end: int
    rule_id: str
    category: str
    issue_type: str
    message: str
    replacements: tuple[str, ...] = ()


# --------------------------------------------------------------------------- locations and tools


def languagetool_home() -> Path:
    """Folder holding the LanguageTool jars.

    ``$AUDITOR_LANGUAGETOOL_HOME`` if set, else ``$XDG_CACHE_HOME/auditor/languagetool-<version>``,
    else ``~/.cache/auditor/languagetool-<version>``.
    """
    explicit = os.environ.get(HOME_ENV)
    if explicit:
        return Path(explicit).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME")
    base = Path(cache).expanduser() if cache and Path(cache).is_absolute() else Path.home() / ".cache"
    return base / "auditor" / f"languagetool-{LANGUAGETOOL_VERSION}"


def languagetool_pom() -> Path:
    """The Maven project that lists the server's jars (package data, or the source tree's copy)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data" / "languagetool-pom.xml", here.parent / "languagetool" / "pom.xml"):
        if candidate.is_file():
            return candidate
    raise LanguageToolInstallError(
        "auditor/data/languagetool-pom.xml is missing from the installed package"
    )


def _executable_in(env_var: str, name: str) -> str | None:
    root = os.environ.get(env_var)
    if not root:
        return None
    path = Path(root) / "bin" / name
    return str(path) if path.is_file() and os.access(path, os.X_OK) else None


def find_java() -> str | None:
    """Path of the ``java`` launcher: ``$JAVA_HOME/bin/java``, else ``java`` on PATH, else None."""
    import shutil

    return _executable_in("JAVA_HOME", "java") or shutil.which("java")


def find_maven() -> str | None:
    """Path of ``mvn``: ``$MAVEN_HOME/bin/mvn`` or ``$M2_HOME/bin/mvn``, else ``mvn`` on PATH."""
    import shutil

    return _executable_in("MAVEN_HOME", "mvn") or _executable_in("M2_HOME", "mvn") or shutil.which("mvn")


def is_installed(home: str | os.PathLike[str] | None = None) -> bool:
    """True when ``home`` (default :func:`languagetool_home`) holds the server and English jars."""
    folder = Path(home) if home is not None else languagetool_home()
    return (folder / f"languagetool-server-{LANGUAGETOOL_VERSION}.jar").is_file() and (
        folder / f"language-en-{LANGUAGETOOL_VERSION}.jar"
    ).is_file()


def _client_library_missing() -> str | None:
    from importlib.util import find_spec

    if find_spec("language_tool_python") is None:  # looks, does not import
        return "language-tool-python is not installed: pip install language-tool-python"
    return None


def grammar_available(home: str | os.PathLike[str] | None = None) -> tuple[bool, str]:
    """Whether a local server can be started: ``(True, description)`` or ``(False, reason)``."""
    missing = _client_library_missing()
    if missing:
        return False, missing
    if find_java() is None:
        return False, "Java not found: install a Java 17+ runtime or set JAVA_HOME"
    folder = Path(home) if home is not None else languagetool_home()
    if not is_installed(folder):
        return False, f"LanguageTool not installed: {INSTALL_HINT}"
    return True, f"LanguageTool {LANGUAGETOOL_VERSION} in {folder}"


# --------------------------------------------------------------------------- installation


def install_languagetool(
    home: str | os.PathLike[str] | None = None,
    *,
    force: bool = False,
    timeout: float = 1800.0,
) -> Path:
    """Copy LanguageTool's jars from Maven Central into ``home``; return the folder.

    Runs ``mvn -q -f <pom> dependency:copy-dependencies -DoutputDirectory=<folder>``. Does nothing
    when the jars are already there (unless ``force``). The jars are first copied into a sibling
    folder and moved into place at the end, so an interrupted install leaves nothing half-done.
    """
    import shutil
    import subprocess
    import tempfile

    target = Path(home).expanduser() if home is not None else languagetool_home()
    if is_installed(target) and not force:
        return target
    mvn = find_maven()
    if mvn is None:
        raise LanguageToolInstallError(
            "Maven (mvn) not found: install Maven 3.6+ (Debian: apt-get install maven) "
            "or set MAVEN_HOME"
        )
    java = find_java()
    if java is None:
        raise LanguageToolInstallError(
            "Java not found: install a Java 17+ runtime (Debian: apt-get install "
            "openjdk-17-jre-headless) or set JAVA_HOME"
        )
    pom = languagetool_pom()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))
    env = dict(os.environ)
    env.setdefault("JAVA_HOME", str(Path(java).resolve().parent.parent))
    try:
        with tempfile.TemporaryDirectory(prefix="auditor-languagetool-pom-") as build:
            # Maven runs on a copy: the package folder may be read-only.
            project = Path(build) / "pom.xml"
            shutil.copyfile(pom, project)
            cmd = [
                mvn, "-B", "-q", "-f", str(project),
                "dependency:copy-dependencies", f"-DoutputDirectory={staging}",
            ]
            try:
                proc = subprocess.run(
                    cmd, cwd=build, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                    text=True, timeout=timeout,
                )
            except subprocess.TimeoutExpired as exc:
                raise LanguageToolInstallError(
                    f"Maven did not finish within {timeout:.0f} s"
                ) from exc
        if proc.returncode != 0:
            tail = _tail(proc.stdout + proc.stderr, 25)
            raise LanguageToolInstallError(
                f"Maven failed (exit {proc.returncode}) copying LanguageTool "
                f"{LANGUAGETOOL_VERSION} jars:\n{tail}"
            )
        if not is_installed(staging):
            raise LanguageToolInstallError(
                f"Maven finished but languagetool-server-{LANGUAGETOOL_VERSION}.jar is missing"
            )
        if target.exists():
            if is_installed(target) and not force:  # another install finished meanwhile
                return target
            old = target.with_name(f".{target.name}.old-{os.getpid()}")
            target.rename(old)
            shutil.rmtree(old, ignore_errors=True)
        try:
            staging.rename(target)
        except OSError:
            if not is_installed(target):
                raise
        return target
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _tail(text: str, lines: int) -> str:
    kept = [line for line in text.splitlines() if line.strip()]
    return "\n".join(kept[-lines:])


# --------------------------------------------------------------------------- the server process

_LIVE_SERVERS: set[LanguageToolServer] = set()
_LIVE_LOCK = threading.Lock()
_ATEXIT_REGISTERED = False


def _stop_live_servers() -> None:
    with _LIVE_LOCK:
        servers = list(_LIVE_SERVERS)
    for server in servers:
        server.stop()


def _death_signal_preexec() -> Any:
    """A preexec_fn that makes Linux kill the server if this Python process dies (even SIGKILL).

    The death signal fires when the *thread* that started the child ends, so it is only used
    from the main thread. prctl is looked up here, before fork, so the child does no loading.
    """
    if not sys.platform.startswith("linux") or threading.current_thread() is not threading.main_thread():
        return None
    try:
        import ctypes
        import signal

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    pr_set_pdeathsig = 1
    sigkill = int(signal.SIGKILL)

    def preexec() -> None:
        prctl(pr_set_pdeathsig, sigkill, 0, 0, 0)

    return preexec


def _free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LanguageToolServer:
    """A LanguageTool HTTP server on ``127.0.0.1``, for the duration of a ``with`` block.

    ::

        with LanguageToolServer() as server:
            checker = GrammarChecker(server.url)

    The server listens on localhost only (LanguageTool binds to all interfaces only with
    ``--public``, which is never passed). It is killed when the block ends, when :meth:`stop` is
    called, at interpreter exit, and (on Linux, when started from the main thread) by the kernel
    if this process dies.
    """

    def __init__(
        self,
        home: str | os.PathLike[str] | None = None,
        *,
        port: int | None = None,
        java: str | None = None,
        heap: str = DEFAULT_HEAP,
        startup_timeout: float = DEFAULT_STARTUP_TIMEOUT,
        warm_up: bool = True,
        allow_origin: str | None = None,
        jvm_args: Iterable[str] = (),
        log_path: str | os.PathLike[str] | None = None,
    ) -> None:
        self.home = Path(home).expanduser() if home is not None else languagetool_home()
        self._requested_port = port
        self._java = java
        self.heap = heap
        self.startup_timeout = startup_timeout
        self.warm_up = warm_up
        self.allow_origin = allow_origin
        self.jvm_args = tuple(jvm_args)
        self._log_path_requested = Path(log_path) if log_path is not None else None
        self.log_path: Path | None = None
        self.port: int | None = None
        self.process: subprocess.Popen[bytes] | None = None
        self.startup_seconds: float | None = None
        self._lock = threading.RLock()

    # -- public -----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:41234`` (the API is under ``/v2/``)."""
        if self.port is None:
            raise GrammarUnavailable("LanguageTool server is not started")
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None else None

    def is_running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def command(self, port: int) -> list[str]:
        """The java command line for ``port``."""
        java = self._java or find_java()
        if java is None:
            raise GrammarUnavailable("Java not found: install a Java 17+ runtime or set JAVA_HOME")
        cmd = [
            java,
            f"-Xmx{self.heap}",
            "-XX:+UseSerialGC",  # smallest footprint; one request at a time per article anyway
            "-Djava.awt.headless=true",
            "-Dfile.encoding=UTF-8",
            *self.jvm_args,
            "-cp",
            str(self.home / "*"),  # java expands the wildcard itself: no shell involved
            _SERVER_MAIN_CLASS,
            "--port",
            str(port),
        ]
        if self.allow_origin is not None:
            # LanguageTool takes a bare --allow-origin to mean "*".
            cmd += ["--allow-origin"] if self.allow_origin == "*" else ["--allow-origin", self.allow_origin]
        return cmd

    def start(self) -> LanguageToolServer:
        """Start the server and wait until it answers; raise :class:`GrammarUnavailable` if not."""
        with self._lock:
            if self.is_running():
                return self
            java = self._java or find_java()
            if java is None:
                raise GrammarUnavailable("Java not found: install a Java 17+ runtime or set JAVA_HOME")
            self._java = java
            if not is_installed(self.home):
                raise GrammarUnavailable(
                    f"LanguageTool not installed in {self.home}: {INSTALL_HINT}"
                )
            began = time.monotonic()
            attempts = 1 if self._requested_port is not None else 3
            last_reason = ""
            for _ in range(attempts):
                port = self._requested_port or _free_port()
                try:
                    self._spawn(port)
                    self._wait_until_ready(began)
                except BaseException as exc:
                    reason = exc.reason if isinstance(exc, GrammarUnavailable) else None
                    log = self._read_log()
                    self.stop()
                    if reason is None:
                        raise
                    last_reason = reason
                    # A port taken between choosing it and java binding it: try another one.
                    if "Address already in use" in log and time.monotonic() - began < self.startup_timeout:
                        continue
                    raise
                self.startup_seconds = time.monotonic() - began
                return self
            raise GrammarUnavailable(last_reason)

    def stop(self) -> None:
        """Kill the server (TERM, then KILL after 5 s) and remove its log file. Idempotent."""
        with self._lock:
            process, self.process = self.process, None
            with _LIVE_LOCK:
                _LIVE_SERVERS.discard(self)
            if process is not None:
                _kill_process_group(process)
            self.port = None
            if self.log_path is not None and self._log_path_requested is None:
                try:
                    self.log_path.unlink()
                except OSError:
                    pass
                self.log_path = None

    def __enter__(self) -> LanguageToolServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = f"running on {self.url}" if self.is_running() else "stopped"
        return f"<LanguageToolServer {LANGUAGETOOL_VERSION} {state}>"

    # -- internals ----------------------------------------------------------------------------

    def _spawn(self, port: int) -> None:
        import subprocess
        import tempfile

        global _ATEXIT_REGISTERED
        if self._log_path_requested is not None:
            self.log_path = self._log_path_requested
            log = open(self.log_path, "ab")
        else:
            fd, name = tempfile.mkstemp(prefix="auditor-languagetool-", suffix=".log")
            self.log_path = Path(name)
            log = os.fdopen(fd, "wb")
        cmd = self.command(port)
        with log:
            # The server logs every request; a pipe nobody reads would fill up and stall it.
            self.process = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=str(self.home),
                start_new_session=True,  # own process group: killed as a whole, not by terminal ^C
                preexec_fn=_death_signal_preexec(),
            )
        self.port = port
        with _LIVE_LOCK:
            _LIVE_SERVERS.add(self)
            if not _ATEXIT_REGISTERED:
                import atexit

                atexit.register(_stop_live_servers)
                _ATEXIT_REGISTERED = True

    def _wait_until_ready(self, began: float) -> None:
        import urllib.error
        import urllib.request

        assert self.process is not None
        probe = f"{self.url}/v2/languages"
        deadline = began + self.startup_timeout
        while True:
            code = self.process.poll()
            if code is not None:
                raise GrammarUnavailable(self._early_exit_reason(code))
            try:
                with urllib.request.urlopen(probe, timeout=2) as response:  # noqa: S310 (localhost)
                    if response.status == 200:
                        break
            except (OSError, urllib.error.URLError):
                pass
            if time.monotonic() > deadline:
                raise GrammarUnavailable(
                    f"LanguageTool server did not answer on {probe} within "
                    f"{self.startup_timeout:.0f} s"
                )
            time.sleep(0.2)
        if self.warm_up:
            # The first check loads the rules (several seconds); do it now, not in a user's check.
            remaining = max(5.0, deadline - time.monotonic())
            try:
                GrammarChecker(self.url, timeout=remaining, retries=0).check("This is a test.")
            except GrammarUnavailable as exc:
                raise GrammarUnavailable(f"LanguageTool server started but cannot check: {exc.reason}") from exc

    def _read_log(self) -> str:
        if self.log_path is None:
            return ""
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def _early_exit_reason(self, code: int) -> str:
        log = self._read_log()
        if "UnsupportedClassVersionError" in log:
            return "LanguageTool needs Java 17 or newer (the java found is older)"
        if "ClassNotFoundException" in log or "NoClassDefFoundError" in log:
            return (f"LanguageTool jars in {self.home} are incomplete: {INSTALL_HINT} "
                    "(delete the folder first)")
        return f"LanguageTool server exited with code {code}:\n{_tail(log, 15)}"


def _kill_process_group(process: subprocess.Popen[bytes]) -> None:
    import signal
    import subprocess

    def signal_group(sig: int) -> None:
        try:
            os.killpg(process.pid, sig)  # the server leads its own group (start_new_session)
        except (ProcessLookupError, PermissionError):
            pass
        except OSError:
            try:
                process.send_signal(sig)
            except OSError:
                pass

    if process.poll() is None:
        signal_group(signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            signal_group(signal.SIGKILL)
    try:
        process.wait(timeout=10)  # reap: no zombie left behind
    except subprocess.TimeoutExpired:
        pass


# --------------------------------------------------------------------------- offsets and chunks


def _utf16_index(text: str) -> list[int] | None:
    """UTF-16 offset of each code point index 0..len(text), or None when they are all equal."""
    if text.isascii() or max(text) <= "\uffff":
        return None
    table = [0] * (len(text) + 1)
    pos = 0
    for i, char in enumerate(text):
        table[i] = pos
        pos += 2 if ord(char) > 0xFFFF else 1
    table[len(text)] = pos
    return table


def _to_code_points(table: list[int] | None, utf16_offset: int) -> int:
    """Code point index of a UTF-16 offset (an offset inside a surrogate pair rounds down)."""
    if table is None:
        return utf16_offset
    from bisect import bisect_right

    return max(0, bisect_right(table, utf16_offset) - 1)


def _split_chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut ``text`` into consecutive pieces of at most ``limit`` characters: ``(offset, piece)``.

    Cuts fall after a blank line when possible, else after a line break, else after a sentence
    end, else after a space; a piece never starts mid-paragraph if a paragraph fits.
    """
    import re

    if limit < 1:
        raise ValueError("limit must be positive")
    pieces: list[tuple[int, str]] = []
    pos = 0
    n = len(text)
    while n - pos > limit:
        window = text[pos:pos + limit]
        cut = 0
        for pattern in (r"\n[ \t]*\n\s*", r"\n\s*", r"[.!?…。][\"'”’)\]]*\s+", r"\s+"):
            found = [m.end() for m in re.finditer(pattern, window) if 0 < m.end() <= limit]
            if found:
                cut = found[-1]
                break
        if cut <= 0:
            cut = limit
        pieces.append((pos, text[pos:pos + cut]))
        pos += cut
    if pos < n:
        pieces.append((pos, text[pos:]))
    return pieces


# --------------------------------------------------------------------------- the checker

# language_tool_python's Match keeps the text of the last check in *class* attributes to fix
# offsets for characters outside the BMP, so building Match objects from two threads at once
# could mix texts. All use of the library goes through this lock.
_LIBRARY_LOCK = threading.Lock()


def _normalise_url(url: str) -> str:
    """``host:port``, ``http://host:port/`` and ``http://host:port/v2`` all become ``http://host:port``."""
    url = url.strip()
    if "://" not in url:
        url = "http://" + url
    url = url.rstrip("/")
    if url.endswith("/v2"):
        url = url[: -len("/v2")]
    return url


_CLIENT_CLASS: type | None = None


def _library_client_class() -> type:
    """A ``language_tool_python.LanguageTool`` for a server we run or are given, never downloaded.

    With ``remote_server`` set the library never downloads or starts LanguageTool itself. Two
    library defaults are changed: the 300 s request timeout (class constant ``_TIMEOUT``) becomes
    ours, and its internal retries are turned off so that :class:`GrammarChecker` alone decides
    how often to try (otherwise each of our attempts would be two).
    """
    global _CLIENT_CLASS
    if _CLIENT_CLASS is not None:
        return _CLIENT_CLASS
    try:
        import language_tool_python
    except ImportError as exc:
        raise GrammarUnavailable(
            "language-tool-python is not installed: pip install language-tool-python"
        ) from exc

    class _Client(language_tool_python.LanguageTool):  # type: ignore[misc]
        def __init__(self, url: str, language: str, timeout: float) -> None:
            self._TIMEOUT = timeout  # read as self._TIMEOUT by the library's _query_server
            super().__init__(language, remote_server=url)

        def _query_server(self, url: str, params: Any = None, num_tries: int = 2, *args: Any, **kw: Any) -> Any:
            return super()._query_server(url, params, 1, *args, **kw)

        def __del__(self) -> None:  # remote client: nothing to shut down
            pass

    _CLIENT_CLASS = _Client
    return _Client


class GrammarChecker:
    """Checks text with the LanguageTool server at ``url`` (spelling rules off).

    ``url`` is the server's base URL (``http://127.0.0.1:8081``; a trailing ``/v2`` is accepted)
    or a started :class:`LanguageToolServer`. Each HTTP request waits at most ``timeout`` seconds
    and is tried ``1 + retries`` times, pausing ``retry_delay * attempt`` in between; then
    :class:`GrammarUnavailable` is raised. Texts longer than ``max_chunk_chars`` are sent in
    pieces cut at paragraph boundaries.
    """

    def __init__(
        self,
        url: str | LanguageToolServer,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
        retry_delay: float = 0.5,
        max_chunk_chars: int = DEFAULT_MAX_CHUNK_CHARS,
        disabled_rules: Iterable[str] = (),
    ) -> None:
        raw = url.url if isinstance(url, LanguageToolServer) else url
        self.url = _normalise_url(raw)
        self.timeout = float(timeout)
        self.retries = max(0, int(retries))
        self.retry_delay = max(0.0, float(retry_delay))
        self.max_chunk_chars = int(max_chunk_chars)
        self.disabled_rules = frozenset(disabled_rules)
        self._clients: dict[str, Any] = {}

    def __repr__(self) -> str:
        return f"<GrammarChecker {self.url}>"

    def check(self, text: str, language: str = "en-US") -> list[GrammarMatch]:
        """Grammar, style and punctuation problems in ``text``, sorted by position.

        Offsets are code point indexes into ``text``. Raises :class:`GrammarUnavailable` when the
        server cannot be reached or keeps failing, and its subclass :class:`LanguageNotSupported`
        (not retried) for a language the server has no rules for.
        """
        matches: list[GrammarMatch] = []
        for offset, piece in _split_chunks(text, self.max_chunk_chars):
            if not piece.strip():
                continue
            for m in self._check_piece(piece, language):
                matches.append(
                    GrammarMatch(
                        m.start + offset, m.end + offset, m.rule_id, m.category, m.issue_type,
                        m.message, m.replacements,
                    )
                )
        matches.sort(key=lambda m: (m.start, m.end, m.rule_id))
        return matches

    def supports(self, language: str) -> bool:
        """Whether the server has rules for ``language``; GrammarUnavailable if it cannot be reached."""
        _library_client_class()
        from language_tool_python.exceptions import LanguageToolError

        try:
            with _LIBRARY_LOCK:
                self._client(language)  # the library checks the code against /v2/languages
        except ValueError:
            return False
        except (LanguageToolError, OSError, KeyError, TypeError) as exc:
            raise GrammarUnavailable(f"LanguageTool at {self.url} cannot be reached: {exc}") from exc
        return True

    def _client(self, language: str) -> Any:
        client = self._clients.get(language)
        if client is None:
            client = _library_client_class()(self.url, language, self.timeout)
            client.disable_spellchecking()  # disabledCategories=TYPOS
            client.disabled_categories = set(client.disabled_categories) | set(SPELLING_CATEGORIES)
            if self.disabled_rules:
                client.disabled_rules = set(self.disabled_rules)
            self._clients[language] = client
        return client

    def _check_piece(self, piece: str, language: str) -> list[GrammarMatch]:
        _library_client_class()  # GrammarUnavailable if the library is missing
        from language_tool_python.exceptions import LanguageToolError

        last_error: BaseException | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.retry_delay * attempt)
            try:
                with _LIBRARY_LOCK:
                    raw = self._client(language).check(piece)
                    return self._convert(piece, raw)
            except ValueError as exc:  # the library's LanguageTag: language not on the server
                raise LanguageNotSupported(
                    f"LanguageTool at {self.url} has no rules for language {language!r}"
                ) from exc
            except (LanguageToolError, OSError, KeyError, TypeError) as exc:
                last_error = exc
        tries = self.retries + 1
        detail = str(last_error).strip().splitlines()[0] if last_error and str(last_error).strip() else type(last_error).__name__
        raise GrammarUnavailable(
            f"LanguageTool at {self.url} failed {tries} time{'s' if tries > 1 else ''}: {detail}"
        )

    @staticmethod
    def _convert(piece: str, raw: Iterable[Any]) -> list[GrammarMatch]:
        # LanguageTool counts in UTF-16 code units (Java chars). language_tool_python already
        # moves `offset` to code points (Match.__init__ subtracts the astral characters before
        # it) but leaves `error_length` in UTF-16 units, so the end is computed here from the
        # UTF-16 start.
        # Attribute names: snake_case in current language-tool-python (rule_id, error_length,
        # rule_issue_type; 3.4.0 here), camelCase in old releases (ruleId, errorLength, ...).
        table = _utf16_index(piece)
        out: list[GrammarMatch] = []
        for m in raw:
            category = str(_field(m, "category", "category") or "")
            rule_id = str(_field(m, "rule_id", "ruleId") or "")
            if category in SPELLING_CATEGORIES or rule_id.startswith(_SPELLING_RULE_PREFIXES):
                continue
            start = max(0, min(int(m.offset), len(piece)))
            u16_start = table[start] if table is not None else start
            u16_end = u16_start + int(_field(m, "error_length", "errorLength") or 0)
            end = _to_code_points(table, u16_end)
            if table is not None and end < len(piece) and table[end] < u16_end:
                end += 1  # an end inside a surrogate pair covers the whole character
            end = max(start, min(end, len(piece)))
            out.append(
                GrammarMatch(
                    start=start,
                    end=end,
                    rule_id=rule_id,
                    category=category,
                    issue_type=str(_field(m, "rule_issue_type", "ruleIssueType") or ""),
                    message=str(getattr(m, "message", "") or ""),
                    replacements=tuple(str(r) for r in (getattr(m, "replacements", None) or ())),
                )
            )
        return out


def _field(match: Any, name: str, old_name: str) -> Any:
    value = getattr(match, name, None)
    return value if value is not None else getattr(match, old_name, None)


def grammar_checker(
    url: str | None = None,
    *,
    home: str | os.PathLike[str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    retries: int = DEFAULT_RETRIES,
) -> AbstractContextManager[GrammarChecker]:
    """A checker for ``url`` (``--languagetool-url``), or for a server started for the block.

    ::

        with grammar_checker(args.languagetool_url) as checker:
            matches = checker.check(text)

    Raises :class:`GrammarUnavailable` (with the reason) when no URL is given and no local
    server can be started.
    """
    from contextlib import contextmanager

    @contextmanager
    def session() -> Iterator[GrammarChecker]:
        if url:
            yield GrammarChecker(url, timeout=timeout, retries=retries)
            return
        ok, reason = grammar_available(home)
        if not ok:
            raise GrammarUnavailable(reason)
        with LanguageToolServer(home) as server:
            yield GrammarChecker(server.url, timeout=timeout, retries=retries)

    return session()
