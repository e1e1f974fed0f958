"""Text and JSON output written document by document, byte for byte what ``render`` would print.

``check`` uses these when nothing needs the whole run at once (no baseline, no suppressions), so
that auditing millions of documents keeps memory flat: each report is printed, gated and
forgotten, and only the totals are kept.
"""
from __future__ import annotations

import json

from auditor.formats import Tally


class TextStream:
    def __init__(self, out, show_info: bool = False, color: bool = False, corpus_note: str = ""):
        self.out = out
        self.corpus_note = corpus_note
        self.show_info = show_info
        self.color = color
        self.tally = Tally()
        self.failed = 0

    def add(self, report, fails: bool = False) -> None:
        from auditor.engine.gate import gate_key
        from auditor.formats.text import report_lines

        self.tally.add(report)
        self.failed += bool(fails)
        lines = report_lines([report], show_info=self.show_info, color=self.color,
                             failed=frozenset([gate_key(report)]) if fails else frozenset())
        self.out.write("\n".join(lines) + "\n")

    def close(self, errors: list) -> None:
        from auditor.formats.text import error_lines, note_line, summary_line

        self.out.write("".join(line + "\n" for line in error_lines(errors, self.color)))
        if self.corpus_note and self.tally.documents > 1:
            self.out.write(note_line(self.corpus_note, self.color) + "\n")
        self.out.write(summary_line(self.tally.summary(errors), errors, "", _Count(self.failed)) + "\n")


class JsonStream:
    def __init__(self, out):
        from auditor.formats.json_format import SCHEMA

        self.out = out
        self.tally = Tally()
        self.count = 0
        out.write("{\n" + f'  "schema": {json.dumps(SCHEMA)},\n' + '  "documents": [')

    def _document(self, data: dict) -> None:
        text = json.dumps(data, ensure_ascii=False, indent=2)
        self.out.write(("\n" if self.count == 0 else ",\n") + "\n".join("    " + line for line in text.split("\n")))
        self.count += 1

    def add(self, report, fails: bool = False) -> None:
        self.tally.add(report)
        self._document(report.to_dict())

    def close(self, errors: list) -> None:
        from auditor.formats.json_format import error_document

        for e in errors:
            self._document(error_document(e))
        self.out.write("\n  ]" if self.count else "]")
        totals = json.dumps(self.tally.summary(errors), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        self.out.write(f',\n  "summary": {totals}\n' + "}\n")


class _Count:
    """Stands for the set of failing documents where only its size is printed."""

    def __init__(self, n: int):
        self.n = n

    def __len__(self) -> int:
        return self.n
