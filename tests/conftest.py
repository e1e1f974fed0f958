from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Third-party evaluation data lives beside the project, never inside it.
SHARED = Path(os.environ.get("AUDITOR_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: the evaluation data ships beside the project, not in it")
    return path


@pytest.fixture
def seeds() -> Path:
    return need(SEEDS)


@pytest.fixture
def eval_dir() -> Path:
    return need(EVAL)
