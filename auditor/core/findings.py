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
    end_line: int = 0
    end_column: int = 0
    # Codes of other rules that hit the same span; filled when findings are presented (grouping).
    related: list[str] = field(default_factory=list)
    # "span" for a finding on characters of the text; "document" for a verdict on the whole text
    # (start = end = 0, no line), which costs ``cost`` points on its own in the score.
    scope: str = "span"
    cost: float | None = None

    @property
    def document_level(self) -> bool:
        return self.scope == "document"

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
            "end_line": self.end_line,
            "end_column": self.end_column,
            "scope": self.scope,
            "text": self.text,
            "message": self.message,
            "fix": self.fix.to_dict() if self.fix else None,
            "related": list(self.related),
            **({"cost": self.cost} if self.cost is not None else {}),
            **({"block": self.extra["block"]} if "block" in self.extra else {}),
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Finding":
        return cls(
            code=data["code"], name=data["name"], category=Category(data["category"]),
            severity=Severity(data["severity"]), start=data["start"], end=data["end"],
            text=data["text"], message=data["message"], confidence=data.get("confidence", 1.0),
            fix=Fix.from_dict(data.get("fix")), line=data.get("line", 0), column=data.get("column", 0),
            end_line=data.get("end_line", 0), end_column=data.get("end_column", 0),
            related=list(data.get("related", [])), scope=data.get("scope", "span"), cost=data.get("cost"),
        )
