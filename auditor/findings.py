"""What rules report: findings, their severity, category and fix."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Category(str, Enum):
    BOILERPLATE = "boilerplate"
    TRANSLATION = "translation"
    ENTITY = "entity"
    LANGUAGE = "language"
    ENCODING = "encoding"
    GRAMMAR = "grammar"
    READABILITY = "readability"


#: Fix classes: what kind of change a fix makes, so that a user can take the unsafe fixes of
#: one class without the others (``clean --fix-class names``).
FIX_CLASSES = ("chrome", "names", "conventions", "grammar")
_FIX_CLASS_OF_CATEGORY = {
    Category.BOILERPLATE: "chrome",
    Category.ENTITY: "names",
    Category.TRANSLATION: "conventions",
    Category.ENCODING: "conventions",
    Category.LANGUAGE: "conventions",
    Category.READABILITY: "conventions",
    Category.GRAMMAR: "grammar",
}


def default_fix_class(category: Category) -> str:
    """The fix class of a rule that does not name one: chrome, names, conventions or grammar."""
    return _FIX_CLASS_OF_CATEGORY[category]


@dataclass(frozen=True, slots=True)
class Fix:
    action: str  # "delete" | "replace"
    safety: str  # "safe" | "unsafe"
    replacement: str = ""
    fix_class: str = ""  # one of FIX_CLASSES; empty: the class of the finding's category

    def to_dict(self) -> dict:
        return {"action": self.action, "replacement": self.replacement, "safety": self.safety}

    @classmethod
    def from_dict(cls, data: dict | None) -> "Fix | None":
        if not data:
            return None
        return cls(data["action"], data.get("safety", "unsafe"), data.get("replacement", ""))


@dataclass(slots=True)
class Finding:
    code: str
    name: str
    category: Category
    severity: Severity
    start: int
    end: int
    text: str
    message: str
    confidence: float = 1.0
    fix: Fix | None = None
    line: int = 0
    column: int = 0
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category.value,
            "severity": self.severity.value,
            "confidence": round(self.confidence, 3),
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "message": self.message,
            "fix": self.fix.to_dict() if self.fix else None,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Finding":
        return cls(
            code=data["code"], name=data["name"], category=Category(data["category"]),
            severity=Severity(data["severity"]), start=data["start"], end=data["end"],
            text=data["text"], message=data["message"], confidence=data.get("confidence", 1.0),
            fix=Fix.from_dict(data.get("fix")), line=data.get("line", 0), column=data.get("column", 0),
        )
