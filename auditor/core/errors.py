"""The base of every error the auditor raises on purpose.

``AuditorError`` lets a caller catch the auditor's own problems (a broken rule pack, a bad
configuration, an unusable baseline, a missing optional package) apart from bugs. Each subclass
also derives from the built-in error it has always been (``ValueError`` or ``RuntimeError``), so
code that caught those keeps working.
"""
from __future__ import annotations


class AuditorError(Exception):
    """A problem the auditor reports with a message for a person: names the file and the problem."""
