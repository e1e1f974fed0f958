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

from ..findings import Finding
from ..gate import gate_key
from .location import relative_path

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "auditorFingerprint/v1"
# A trailing placeholder group of a message template: ': "{text}"', ' ({lang})', ' ("{text}")'.
_TRAILING_PLACEHOLDER = re.compile(r"""\s*:?\s*[("“«]*\{\w*\}[")”»]*\s*$""")


def render(reports: list, errors: list, *, rules: dict | None = None, baseline: bool = False,
           failed: frozenset | set = frozenset(), suppressed: bool = False, version: str | None = None) -> str:
    from .. import __version__
    from ..baseline import fingerprint

    rules = rules or {}
    artifacts: list[dict] = []
    results: list[dict] = []
    used: dict[str, dict] = {}
    index_of: dict[str, int] = {}

    def rule_index(f: Finding) -> int:
        if f.code not in used:
            index_of[f.code] = len(used)
            used[f.code] = _rule(rules.get(f.code), f)
        return index_of[f.code]

    for r in reports:
        doc = r.document
        uri, base = _uri(doc.path, doc.id)
        artifact_index = len(artifacts)
        artifact = {"location": _location(uri, base)}
        artifact["properties"] = {"score": r.score.score, "verdict": r.verdict,
                                  "gate": "fail" if gate_key(r) in failed else "pass"}
        artifacts.append(artifact)
        entries = [(f, None) for f in r.presented]
        if suppressed:  # GitHub code scanning would show them as open alerts: only on request
            entries += [(s.finding, s) for s in getattr(r, "suppressed", [])]
        entries.sort(key=lambda e: (e[0].start, e[0].end, e[0].code))
        for f, set_aside in entries:
            index = rule_index(f)
            result = {
                "ruleId": f.code,
                "ruleIndex": index,
                "level": LEVEL[f.severity.value],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": _physical(doc, f, {**_location(uri, base),
                                                                       "index": artifact_index})}],
                "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f, doc.text)},
                "properties": {"name": f.name, "category": f.category.value,
                               "confidence": round(f.confidence, 3), "related": list(f.related),
                               **({"block": f.extra["block"]} if "block" in f.extra else {}),
                               **({"scope": "document"} if f.document_level else {})},
            }
            if f.fix is not None and not f.document_level:
                result["fixes"] = [_fix(f, uri, base, artifact_index)]
            if baseline:
                result["baselineState"] = "unchanged" if set_aside and set_aside.kind == "baseline" else "new"
            if set_aside is not None:
                result["suppressions"] = [{"kind": "external", "status": "accepted",
                                           "justification": set_aside.reason}]
            results.append(result)

    notifications = []
    for e in errors:
        uri, base = _uri(e.path, e.path)
        notifications.append({
            "level": "error",
            "message": {"text": f"{e.path}: {e.message}"},
            "descriptor": {"id": "input-error"},
            "locations": [{"physicalLocation": {"artifactLocation": _location(uri, base)}}],
        })
    for r in reports:
        for message in r.errors:
            uri, base = _uri(r.document.path, r.document.id)
            notifications.append({
                "level": "warning",
                "message": {"text": f"{r.document.path or r.document.id}: {message}"},
                "descriptor": {"id": "document-error"},
                "locations": [{"physicalLocation": {"artifactLocation": _location(uri, base)}}],
            })
    invocation = {"executionSuccessful": not errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications

    driver = {
        "name": "auditor",
        "fullName": "article-auditor",
        "version": version or __version__,
        "semanticVersion": version or __version__,
        "rules": list(used.values()),
    }
    run = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {SRCROOT: {"description": {"text": "The folder the auditor ran in."}}},
        "artifacts": artifacts,
        "results": results,
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


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


def _physical(doc, f: Finding, artifact_location: dict) -> dict:
    """A document-level finding has no region: it is about the whole artifact."""
    if f.document_level:
        return {"artifactLocation": artifact_location}
    return {"artifactLocation": artifact_location, "region": _region(doc, f)}


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
