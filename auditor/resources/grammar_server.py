"""The LanguageTool server process: started on a free localhost port, stopped with certainty.

:class:`LanguageToolServer` runs LanguageTool's HTTP server from the jars that
``grammar_install`` put in place. The server is killed when its ``with`` block ends, on
:meth:`~LanguageToolServer.stop`, at interpreter exit, and (on Linux, when started from the main
thread) by the kernel if this process dies. ``auditor grammar serve`` keeps one up between runs
and records where it listens (:func:`served_url` finds it).
"""
from __future__ import annotations

import os
import sys
import threading
import time
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from auditor.resources.grammar_client import GrammarChecker, GrammarUnavailable
from auditor.resources.grammar_install import INSTALL_HINT, LANGUAGETOOL_VERSION, find_java, is_installed, languagetool_home, tail_lines

if TYPE_CHECKING:  # pragma: no cover
    import subprocess

__all__ = ["DEFAULT_HEAP", "DEFAULT_STARTUP_TIMEOUT", "LanguageToolServer"]

DEFAULT_STARTUP_TIMEOUT = 60.0
DEFAULT_HEAP = "512m"

_SERVER_MAIN_CLASS = "org.languagetool.server.HTTPServer"


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
        self._finalizer: weakref.finalize | None = None
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
            finalizer, self._finalizer = self._finalizer, None
            self.process = None
            self.port = None
            if finalizer is not None:
                finalizer()  # kills the process group, removes a log file of our own
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
        # Runs on stop(), when the server object is collected, or at interpreter exit, whichever
        # comes first; it holds the process and the log path, not the server object.
        own_log = self.log_path if self._log_path_requested is None else None
        self._finalizer = weakref.finalize(self, _shut_down, self.process, own_log)

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
        return f"LanguageTool server exited with code {code}:\n{tail_lines(log, 15)}"


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




def _shut_down(process: subprocess.Popen[bytes], log_path: Path | None) -> None:
    _kill_process_group(process)
    if log_path is not None:
        try:
            log_path.unlink()
        except OSError:
            pass


# --------------------------------------------------------------------------- a server kept up between runs


def served_state_path() -> Path:
    """Where ``auditor grammar serve`` records the server it keeps up (next to the jars)."""
    home = languagetool_home()
    return home.parent / f"{home.name}.served.json"


def record_served(server: LanguageToolServer) -> Path:
    """Record ``server`` as the one kept up for later runs; returns the state file."""
    import json

    path = served_state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"url": server.url, "pid": server.pid, "owner": os.getpid()}), encoding="utf-8")
    os.replace(tmp, path)
    return path


def forget_served(path: Path | None = None) -> None:
    """Remove the record written by :func:`record_served` when it names this process."""
    import json

    path = path or served_state_path()
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("owner") == os.getpid():
            path.unlink()
    except (OSError, ValueError, AttributeError):
        pass


def served_url(timeout: float = 1.0) -> str | None:
    """The URL of a server ``auditor grammar serve`` keeps up on this machine, if one answers.

    Only a loopback URL whose server process is alive and answers ``/v2/languages`` within
    ``timeout`` is taken; anything else is ignored (a stale record costs nothing).
    """
    import json
    import urllib.request

    try:
        state = json.loads(served_state_path().read_text(encoding="utf-8"))
        url, pid = str(state["url"]), int(state["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not url.startswith("http://127.0.0.1:"):
        return None
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):
        return None
    try:
        with urllib.request.urlopen(url + "/v2/languages", timeout=timeout) as response:  # noqa: S310
            return url if response.status == 200 else None
    except OSError:
        return None
