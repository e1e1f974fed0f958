"""`--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Regions are counted in Unicode code points (the run sets ``columnKind: unicodeCodePoints``):
``charOffset``/``charLength`` are the finding's ``start`` and ``end - start``, and columns are
the finding's columns, exactly as in the JSON format. Fixes are SARIF fixes whose single
replacement deletes the finding's characters and inserts the replacement (nothing for a delete).
Suppressed and baselined findings are left out, as GitHub code scanning would show them as open
alerts; with ``--show-suppressed`` they are listed with ``suppressions``. With a baseline every
result carries ``baselineState`` (``unchanged`` for baselined findings, ``new`` for the others).
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

from auditor.engine.baseline import fingerprint
from auditor.core.findings import Finding
from auditor.engine.gate import gate_key
from auditor.formats.location import relative_path

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "auditorFingerprint/v1"
# A trailing placeholder group of a message template: ': "{text}"', ' ({lang})', ' ("{text}")'.
_TRAILING_PLACEHOLDER = re.compile(r"""\s*:?\s*[("“«]*\{\w*\}[")”»]*\s*$""")


# GitHub code scanning refuses a run of more than 25,000 results; keep below it by default.
DEFAULT_MAX_RESULTS = 20_000
LEVEL_RANK = {"error": 0, "warning": 1, "note": 2}
# Document errors listed as notifications; past this many only their number is given.
MAX_NOTIFICATIONS = 1000


def render(reports: list, errors: list, *, rules: dict | None = None, baseline: bool = False,
           failed: frozenset | set = frozenset(), suppressed: bool = False, version: str | None = None,
           max_results: int = DEFAULT_MAX_RESULTS) -> str:
    import io

    out = io.StringIO()
    stream = SarifStream(out, rules=rules, baseline=baseline, suppressed=suppressed, version=version,
                         max_results=max_results)
    for r in reports:
        stream.add(r, gate_key(r) in failed)
    stream.close(errors)
    return out.getvalue()


class SarifStream:
    """A SARIF log written from reports as they come, in memory that does not grow with them.

    Artifacts and results are serialized to temporary files as each report arrives; ``close``
    writes the log around them. Over ``max_results`` results, the most severe are kept (errors,
    then warnings, then notes; within a level, in input order), chosen from the counts per level in
    a second read of the file, and the run says what was left out (``properties`` and a
    notification). Records of one file are one artifact (the record file), each result naming its
    record in ``properties``.
    """

    def __init__(self, out, *, rules: dict | None = None, baseline: bool = False, suppressed: bool = False,
                 version: str | None = None, max_results: int = DEFAULT_MAX_RESULTS):
        import tempfile

        self.out = out
        self.rules = rules or {}
        self.baseline = baseline
        self.suppressed = suppressed
        self.version = version
        self.max_results = max_results
        self._artifacts = tempfile.TemporaryFile("w+", encoding="utf-8")
        self._results = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.artifact_count = 0
        self._record_files: dict[str, int] = {}  # record file -> artifact index
        self.levels = {"error": 0, "warning": 0, "note": 0}
        self.used: dict[str, dict] = {}
        self._index_of: dict[str, int] = {}
        self.notifications: list[dict] = []
        self.notifications_dropped = 0

    def _rule_index(self, f: Finding) -> int:
        if f.code not in self.used:
            self._index_of[f.code] = len(self.used)
            self.used[f.code] = _rule(self.rules.get(f.code), f)
        return self._index_of[f.code]

    def _artifact(self, artifact: dict) -> int:
        self._artifacts.write(json.dumps(artifact, ensure_ascii=False) + "\n")
        self.artifact_count += 1
        return self.artifact_count - 1

    def add(self, r, fails: bool = False) -> None:
        doc = r.document
        meta = doc.meta or {}
        record = meta.get("kind") == "record"
        gate = {"score": r.score.score, "verdict": r.verdict, "gate": "fail" if fails else "pass"}
        if record:  # the record file is the artifact; the record is named in each result
            uri, base = _uri(meta.get("file"), meta.get("file_id") or doc.id)
            index = self._record_files.get(meta.get("file"))
            if index is None:
                index = self._record_files[meta.get("file")] = self._artifact(
                    {"location": _location(uri, base), "properties": {"kind": "record file"}})
        else:
            uri, base = _uri(doc.path, doc.id)
            index = self._artifact({"location": _location(uri, base), "properties": gate})
        entries = [(f, None) for f in r.presented]
        if self.suppressed:  # GitHub code scanning would show them as open alerts: only on request
            entries += [(s.finding, s) for s in getattr(r, "suppressed", [])]
        entries.sort(key=lambda e: (e[0].start, e[0].end, e[0].code))
        for f, set_aside in entries:
            result = self._result(r, f, set_aside, uri, base, index, meta if record else None, gate)
            self.levels[result["level"]] += 1
            self._results.write(json.dumps(result, ensure_ascii=False) + "\n")
        for message in r.errors:
            self._notify({
                "level": "warning",
                "message": {"text": f"{doc.path or doc.id}: {message}"},
                "descriptor": {"id": "document-error"},
                "locations": [{"physicalLocation": {"artifactLocation": _location(uri, base)}}],
            })

    def _result(self, r, f: Finding, set_aside, uri: str, base: str | None, index: int, record: dict | None,
                gate: dict) -> dict:
        doc = r.document
        location = {"artifactLocation": {**_location(uri, base), "index": index}}
        document_level = f.document_level
        if record is None and not document_level:
            location["region"] = _region(doc, f)
        elif record is not None and record.get("line"):
            location["region"] = {"startLine": record["line"]}  # the line the record starts on
        result = {
            "ruleId": f.code,
            "ruleIndex": self._rule_index(f),
            "level": LEVEL[f.severity.value],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": location}],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f, doc.text)},
            "properties": {"name": f.name, "category": f.category.value, "confidence": round(f.confidence, 3),
                           "related": list(f.related),
                           **({"block": f.extra["block"]} if "block" in f.extra else {}),
                           **({"scope": "document"} if document_level else {})},
        }
        if record is not None:
            # Where in the record's text: offsets and lines count from the start of the record.
            result["properties"].update(recordId=record.get("record_id"), record=record.get("record"),
                                        document=doc.id, **gate)
            if not document_level:
                result["properties"]["recordRegion"] = _region(doc, f)
        if f.fix is not None and record is None and not document_level:
            result["fixes"] = [_fix(f, uri, base, index)]
        if self.baseline:
            result["baselineState"] = "unchanged" if set_aside and set_aside.kind == "baseline" else "new"
        if set_aside is not None:
            result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": set_aside.reason}]
        return result

    def _notify(self, notification: dict) -> None:
        if len(self.notifications) < MAX_NOTIFICATIONS:
            self.notifications.append(notification)
        else:
            self.notifications_dropped += 1

    def _quotas(self) -> dict | None:
        """How many results of each level are kept (None: all of them)."""
        total = sum(self.levels.values())
        if total <= self.max_results:
            return None
        room, quotas = self.max_results, {}
        for level in sorted(self.levels, key=LEVEL_RANK.__getitem__):
            quotas[level] = min(room, self.levels[level])
            room -= quotas[level]
        return quotas

    def close(self, errors: list) -> None:
        from auditor._version import __version__

        notifications = []
        for e in errors:
            uri, base = _uri(e.path, e.path)
            notifications.append({
                "level": "error",
                "message": {"text": f"{e.path}: {e.message}"},
                "descriptor": {"id": "input-error"},
                "locations": [{"physicalLocation": {"artifactLocation": _location(uri, base)}}],
            })
        notifications += self.notifications
        if self.notifications_dropped:
            notifications.append({"level": "warning", "descriptor": {"id": "document-error"},
                                  "message": {"text": f"{self.notifications_dropped:,} more document error(s) "
                                                      "not listed"}})
        quotas = self._quotas()
        total = sum(self.levels.values())
        properties = None
        if quotas is not None:
            kept = sum(quotas.values())
            dropped = {level: self.levels[level] - quotas[level] for level in self.levels
                       if self.levels[level] > quotas[level]}
            what = ", ".join(f"{n:,} {level}" for level, n in dropped.items())
            notifications.append({"level": "warning", "descriptor": {"id": "results-capped"},
                                  "message": {"text": f"{total:,} results, {kept:,} kept (the most severe; "
                                                      f"--max-results {self.max_results:,}): left out {what}"}})
            properties = {"resultsTotal": total, "resultsKept": kept, "maxResults": self.max_results,
                          "resultsLeftOut": dropped}
        invocation = {"executionSuccessful": not errors}
        if notifications:
            invocation["toolExecutionNotifications"] = notifications
        driver = {
            "name": "auditor",
            "fullName": "article-auditor",
            "version": self.version or __version__,
            "semanticVersion": self.version or __version__,
            "rules": list(self.used.values()),
        }
        run = {
            "tool": {"driver": driver},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {SRCROOT: {"description": {"text": "The folder the auditor ran in."}}},
            "artifacts": _SLOT_ARTIFACTS,
            "results": _SLOT_RESULTS,
        }
        if properties is not None:
            run["properties"] = properties
        log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
        text = json.dumps(log, ensure_ascii=False, indent=2) + "\n"
        for slot, handle, keep in ((_SLOT_ARTIFACTS, self._artifacts, None), (_SLOT_RESULTS, self._results, quotas)):
            head, text = text.split(json.dumps(slot), 1)
            self.out.write(head)
            _write_array(self.out, handle, keep, depth=4)
        self.out.write(text)
        self._artifacts.close()
        self._results.close()


_SLOT_ARTIFACTS = "\u0000artifacts"
_SLOT_RESULTS = "\u0000results"


def _write_array(out, handle, quotas: dict | None, depth: int) -> None:
    """A JSON array of the objects in ``handle`` (one a line), laid out as ``json.dumps(indent=2)``
    would at this depth; with ``quotas``, only the first so many of each level."""
    handle.seek(0)
    pad = "  " * depth
    left = dict(quotas) if quotas is not None else None
    first = True
    for line in handle:
        item = json.loads(line)
        if left is not None:
            if left.get(item["level"], 0) <= 0:
                continue
            left[item["level"]] -= 1
        body = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)
        out.write(("[\n" if first else ",\n") + pad + body)
        first = False
    out.write("[]" if first else "\n" + "  " * (depth - 1) + "]")


def short_description(rule) -> str:
    """The rule's message without its placeholders: 'Comment-form heading left from the page'."""
    text = rule.message
    while True:
        shorter = _TRAILING_PLACEHOLDER.sub("", text)
        if shorter == text:
            break
        text = shorter
    if text != rule.message and ";" in text:  # "...; elsewhere it is {x}": keep the first clause
        text = text.split(";")[0]
    text = re.sub(r"\s+", " ", text).strip(" :")
    if not text or "{" in text:  # placeholders inside the sentence: the name reads better
        return rule.name.replace("-", " ").capitalize()
    return text


def _rule(rule, f: Finding) -> dict:
    if rule is None:  # not in the ruleset (should not happen): describe it from the finding
        return {"id": f.code, "name": f.name, "shortDescription": {"text": f.name.replace("-", " ")},
                "defaultConfiguration": {"level": LEVEL[f.severity.value]},
                "properties": {"category": f.category.value, "tags": [f.category.value]}}
    fix = "none (flag only)"
    if rule.fix:
        fix = f"{rule.fix.action}, {rule.fix.safety}"
    why = " ".join(rule.why.split())
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": short_description(rule)},
        "fullDescription": {"text": why},
        "help": {"text": f"{why}\n\nFix: {fix}. `auditor rule {rule.code}` prints the rule with its examples.",
                 "markdown": f"{why}\n\n**Fix:** {fix}. `auditor rule {rule.code}` prints the rule with its examples."},
        "defaultConfiguration": {"level": LEVEL[rule.severity.value]},
        "properties": {"category": rule.category.value, "tags": [rule.category.value],
                       "precision": _precision(rule.confidence)},
    }


def _precision(confidence: float) -> str:
    if confidence >= 0.9:
        return "very-high"
    if confidence >= 0.75:
        return "high"
    if confidence >= 0.5:
        return "medium"
    return "low"


def _region(doc, f: Finding) -> dict:
    end_line, end_column = doc.line_col(f.end)
    return {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": f.start,
        "charLength": f.end - f.start,
        "snippet": {"text": f.text},
    }


def _fix(f: Finding, uri: str, base: str | None, index: int) -> dict:
    if f.fix.action == "delete":
        what = f"Delete \"{_short(f.text)}\""
        inserted = ""
    else:
        what = f"Replace \"{_short(f.text)}\" with \"{f.fix.replacement}\""
        inserted = f.fix.replacement
    what += " (safe)" if f.fix.safety == "safe" else " (unsafe: review before applying)"
    replacement = {"deletedRegion": {"charOffset": f.start, "charLength": f.end - f.start}}
    if inserted:
        replacement["insertedContent"] = {"text": inserted}
    return {
        "description": {"text": what},
        "artifactChanges": [{"artifactLocation": {**_location(uri, base), "index": index},
                             "replacements": [replacement]}],
    }


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _uri(path: str | None, name: str) -> tuple[str, str | None]:
    """A relative URI under %SRCROOT% for relative paths and paths under the working folder;
    a file: URI for other absolute paths; the name (``stdin``) when there is no path."""
    posix, relative = relative_path(path, name)
    if relative:
        return quote(posix, safe="/"), SRCROOT
    if path is None:
        return quote(posix), None
    return Path(posix).as_uri(), None


def _location(uri: str, base: str | None) -> dict:
    return {"uri": uri, "uriBaseId": base} if base else {"uri": uri}
