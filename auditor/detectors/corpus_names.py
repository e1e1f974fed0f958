"""Name spellings for the corpus context; filled in by the entity detector."""
from __future__ import annotations


def collect(document) -> dict:
    return {}
