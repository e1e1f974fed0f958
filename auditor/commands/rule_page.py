"""`auditor rule CODE`: a rule's page, with its examples run through the rule and the messages
a user would see, rendered (never the raw ``{placeholder}`` template)."""
from __future__ import annotations

from auditor.engine.ruleset import Rule


def rendered_examples(rule: Rule, options: dict | None = None) -> dict[str, list[str]]:
    """For each ``match`` example: the findings the rule makes on it, one line each."""
    from auditor.resources.corpus import build
    from auditor.core.document import Document
    from auditor.engine.audit import audit
    from auditor.engine.ruleset import Ruleset

    ruleset = Ruleset([rule])
    corpus = build([Document(t) for t in rule.examples["corpus"]]) if rule.examples.get("corpus") else None
    out: dict[str, list[str]] = {}
    for text in rule.examples.get("match", []):
        findings = [f for f in audit(Document(text), ruleset, corpus, options=options).findings
                    if f.code == rule.code]
        out[text] = [finding_line(f) for f in findings]
    return out


def finding_line(finding) -> str:
    """One finding as the text output shows it: position, severity, code, message, fix."""
    line = f"{finding.line}:{finding.column} {finding.severity.value} {finding.code} {finding.message}"
    fix = finding.fix
    if fix is not None:
        what = "delete" if fix.action == "delete" else f'replace with "{fix.replacement}"'
        line += f" [fix: {what}, {fix.safety}]"
    return line


def rule_page(rule: Rule, options: dict | None = None) -> str:
    """The rule's documentation (Markdown) with rendered example messages."""
    return rule.describe(rendered_examples(rule, options))
