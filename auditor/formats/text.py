"""`--format text`: findings grouped by file, for people at a terminal."""
from __future__ import annotations

from . import summary


def render(reports: list, errors: list, show_info: bool = False) -> str:
    out = []
    for r in reports:
        doc = r.document
        out.append(f"{doc.path or doc.id}: score {r.score.score:g} ({r.verdict})")
        for f in r.findings:
            if f.severity.value == "info" and not show_info:
                continue
            snippet = " ".join(f.text.split())
            if len(snippet) > 70:
                snippet = snippet[:69] + "…"
            fix = ""
            if f.fix:
                fix = " [fix: delete]" if f.fix.action == "delete" else f" [fix: → {f.fix.replacement}]"
                if f.fix.safety == "unsafe":
                    fix = fix[:-1] + ", unsafe]"
            out.append(f"  {f.line}:{f.column} {f.severity.value:<7} {f.code} {f.message}: \"{snippet}\"{fix}")
    for e in errors:
        out.append(f"{e.path}: error: {e.message}")
    s = summary(reports, errors)
    v = s["verdicts"]
    out.append(
        f"{s['documents']} document(s): {v['pass']} pass, {v['warn']} warn, {v['fail']} fail; "
        f"{s['findings']['error']} error(s), {s['findings']['warning']} warning(s)"
        + (f"; {len(errors)} input error(s)" if errors else "")
    )
    return "\n".join(out) + "\n"
