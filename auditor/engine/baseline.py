"""Baselines: record today's findings so that only new ones count.

``auditor check --write-baseline FILE`` records every finding of the run; ``--baseline FILE``
then sets aside the findings recorded there. A finding is recognised by its fingerprint: the
rule code, the matched text and a few words on each side of it within its line, all normalized
(NFKC, case-folded, white space collapsed). Line numbers and offsets are not part of it, so
inserting or removing lines elsewhere does not revive a finding. Identical fingerprints in one
file are counted: a baseline holding two "Subscribe" lines lets two through, and a third is new.

Files are keyed by their path relative to the baseline file's folder, so the baseline works
from any working folder.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from auditor.core.errors import AuditorError
from auditor.core.findings import Finding
from auditor.engine.suppress import Suppressed

SCHEMA = "auditor-baseline"
VERSION = 1
CONTEXT_WORDS = 3
_WORD = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s+")


class BaselineError(AuditorError, ValueError):
    pass


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    for zw in "\u200b\u200c\u200d\u2060\ufeff\u00ad":
        text = text.replace(zw, "")
    return _SPACE.sub(" ", text.casefold()).strip()


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    ends = [i for i in (text.find("\n", end), text.find("\r", end)) if i != -1]
    return line_start, min(ends) if ends else len(text)


def context(text: str, start: int, end: int, words: int = CONTEXT_WORDS) -> tuple[str, str]:
    """Up to ``words`` normalized words before and after text[start:end], within its line(s)."""
    line_start, line_end = _line_bounds(text, start, end)
    before = _WORD.findall(normalize(text[line_start:start]))[-words:] if words else []
    after = _WORD.findall(normalize(text[end:line_end]))[:words] if words else []
    return " ".join(before), " ".join(after)


def fingerprint(finding: Finding, text: str) -> str:
    if finding.document_level:
        # A verdict on the whole text has no place in it: its rule is its identity, so an edit
        # elsewhere in the text does not make it new.
        return hashlib.sha256(f"{finding.code}\x1fdocument".encode("utf-8")).hexdigest()[:20]
    before, after = context(text, finding.start, finding.end)
    key = "\x1f".join((finding.code, normalize(finding.text), before, after))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def document_key(document, root: Path) -> str:
    """The name a document has in a baseline: its path relative to the baseline's folder."""
    if document.path is None:
        return document.id
    path = Path(document.path)
    try:
        rel = Path(os.path.relpath(path.resolve(), root.resolve())).as_posix()
    except ValueError:  # another drive
        rel = path.resolve().as_posix()
    doc_id = str(document.id).replace("\\", "/")
    if doc_id == path.name or rel.endswith(doc_id):
        return rel
    return f"{rel}::{doc_id}"  # a record inside a file (JSONL, CSV, Parquet)


@dataclass
class Baseline:
    path: Path
    files: dict[str, Counter] = field(default_factory=dict)
    texts: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (key, fp) -> (code, text)

    # ---- building and writing -------------------------------------------------------------

    @classmethod
    def from_reports(cls, path: Path, reports) -> "Baseline":
        baseline = cls(Path(path))
        root = baseline.path.parent
        for r in reports:
            key = document_key(r.document, root)
            counts = baseline.files.setdefault(key, Counter())
            for f in r.findings:
                fp = fingerprint(f, r.document.text)
                counts[fp] += 1
                baseline.texts.setdefault((key, fp), (f.code, f.text))
        return baseline

    def to_json(self) -> str:
        files = {}
        for key in sorted(self.files):
            entries = []
            for fp, count in self.files[key].items():
                code, text = self.texts.get((key, fp), ("", ""))
                entries.append({"code": code, "text": text, "fingerprint": fp, "count": count})
            entries.sort(key=lambda e: (e["code"], e["text"], e["fingerprint"]))
            if entries:
                files[key] = entries
        data = {
            "schema": SCHEMA,
            "version": VERSION,
            "fingerprint": f"rule code, normalized text and {CONTEXT_WORDS} words of context on each side within the line",
            "files": files,
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def write(self) -> None:
        from auditor.core.output import write_atomic

        write_atomic(self.path, self.to_json())

    @property
    def count(self) -> int:
        return sum(sum(c.values()) for c in self.files.values())

    # ---- reading and matching -------------------------------------------------------------

    @classmethod
    def read(cls, path: Path) -> "Baseline":
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(f"{path}: baseline not found (write one with --write-baseline)") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
        except json.JSONDecodeError as exc:
            raise BaselineError(f"{path}: not a baseline (invalid JSON: {exc})") from None
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            raise BaselineError(f"{path}: not an auditor baseline (no \"schema\": \"{SCHEMA}\")")
        version = data.get("version")
        if not isinstance(version, int) or version > VERSION:
            raise BaselineError(f"{path}: baseline version {version!r} is not supported "
                                f"(this auditor reads version {VERSION}; upgrade the auditor)")
        baseline = cls(path)
        files = data.get("files", {})
        if not isinstance(files, dict):
            raise BaselineError(f"{path}: \"files\" must be an object")
        for key, entries in files.items():
            counts = baseline.files.setdefault(key, Counter())
            if not isinstance(entries, list):
                raise BaselineError(f"{path}: entries of {key!r} must be a list")
            for e in entries:
                try:
                    fp, count = str(e["fingerprint"]), int(e.get("count", 1))
                except (TypeError, KeyError, ValueError):
                    raise BaselineError(f"{path}: bad entry under {key!r}: {e!r}") from None
                counts[fp] += count
                baseline.texts[(key, fp)] = (e.get("code", ""), e.get("text", ""))
        return baseline

    def split(self, report, findings: list[Finding]) -> tuple[list[Finding], list[Suppressed]]:
        """(new, in baseline) among one document's findings; duplicates are counted."""
        key = document_key(report.document, self.path.parent)
        remaining = Counter(self.files.get(key, {}))
        if not remaining:
            return list(findings), []
        kept, suppressed = [], []
        reason = f"in baseline {self.path.name}"
        for f in sorted(findings, key=lambda f: (f.start, f.end, f.code)):
            fp = fingerprint(f, report.document.text)
            if remaining[fp] > 0:
                remaining[fp] -= 1
                suppressed.append(Suppressed(f, "baseline", reason))
            else:
                kept.append(f)
        order = {id(f): i for i, f in enumerate(findings)}
        kept.sort(key=lambda f: order[id(f)])
        return kept, suppressed
