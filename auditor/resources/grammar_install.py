"""Installing LanguageTool: its jars from Maven Central, and where Java and Maven are.

The jars are listed in ``languagetool/pom.xml`` (shipped as ``auditor/data/languagetool-pom.xml``)
and copied by Maven into :func:`languagetool_home`. Nothing here starts Java or talks HTTP: that
is ``grammar_server`` and ``grammar_client``.
"""
from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "HOME_ENV",
    "INSTALL_HINT",
    "LANGUAGETOOL_VERSION",
    "LanguageToolInstallError",
    "find_java",
    "find_maven",
    "grammar_available",
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


class LanguageToolInstallError(RuntimeError):
    """Installing the LanguageTool jars failed (Maven or Java missing, or Maven failed)."""


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
    from ..core.paths import PACKAGE

    for candidate in (PACKAGE / "data" / "languagetool-pom.xml", PACKAGE.parent / "languagetool" / "pom.xml"):
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


def grammar_available(home: str | os.PathLike[str] | None = None) -> tuple[bool, str]:
    """Whether a local server can be started: ``(True, description)`` or ``(False, reason)``."""
    if find_java() is None:
        return False, "Java not found: install a Java 17+ runtime or set JAVA_HOME"
    folder = Path(home) if home is not None else languagetool_home()
    if not is_installed(folder):
        return False, f"LanguageTool not installed: {INSTALL_HINT}"
    return True, f"LanguageTool {LANGUAGETOOL_VERSION} in {folder}"


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
            tail = tail_lines(proc.stdout + proc.stderr, 25)
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


def tail_lines(text: str, lines: int) -> str:
    kept = [line for line in text.splitlines() if line.strip()]
    return "\n".join(kept[-lines:])
