"""Gold annotations for the sample drafts (``corpus_samples/NAME.gold.yml``) and how to count.

Counting rule (the same for the gold file's ``count`` and for evaluation): case-sensitive,
whole-word occurrences of a string that do not sit inside an occurrence of a longer string
listed in the same gold file. So "Kian" counts the lone "Kian", not the one in "Kian Marsh".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from anonymiser.errors import ConfigError
from anonymiser.settings import load_yaml

DIRECT_CATEGORIES = frozenset(
    {"PERSON", "DATE_OF_BIRTH", "ADDRESS", "POSTCODE", "NHS_NUMBER", "NI_NUMBER", "PHONE", "EMAIL"}
)


@dataclass(frozen=True)
class GoldItem:
    text: str
    category: str
    direct: bool
    count: int


@dataclass(frozen=True)
class Gold:
    document: str
    path: Path
    must_redact: tuple[GoldItem, ...]
    must_keep: tuple[GoldItem, ...]
    case_detail_markers: tuple[str, ...] = ()
    findings_paragraphs: tuple[str, ...] = ()
    recommendations: dict[str, object] = field(default_factory=dict)

    @property
    def listed(self) -> list[str]:
        return [i.text for i in (*self.must_redact, *self.must_keep)]


def load_gold(path: Path) -> Gold:
    data = load_yaml(path)
    if not isinstance(data, dict) or "document" not in data:
        raise ConfigError(f"{path}: not a gold file (no 'document' key)")

    def items(key: str, need_category: bool) -> tuple[GoldItem, ...]:
        out = []
        for i, entry in enumerate(data.get(key) or []):
            if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
                raise ConfigError(f"{path}: {key}[{i}]: needs text")
            category = str(entry.get("category") or ("KEEP" if not need_category else ""))
            if need_category and not category:
                raise ConfigError(f"{path}: {key}[{i}]: needs a category")
            out.append(
                GoldItem(
                    text=entry["text"],
                    category=category,
                    direct=bool(entry.get("direct", category in DIRECT_CATEGORIES)),
                    count=int(entry.get("count", 0)),
                )
            )
        return tuple(out)

    return Gold(
        document=str(data["document"]),
        path=path,
        must_redact=items("must_redact", True),
        must_keep=items("must_keep", False),
        case_detail_markers=tuple(data.get("case_detail_markers") or ()),
        findings_paragraphs=tuple(str(p) for p in data.get("findings_paragraphs") or ()),
        recommendations=dict(data.get("recommendations") or {}),
    )


def _spans(text: str, target: str) -> list[tuple[int, int]]:
    pattern = re.compile(rf"(?<!\w){re.escape(target)}(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def count_occurrences(text: str, target: str, listed: Sequence[str]) -> int:
    """Occurrences of ``target`` in ``text`` not inside a longer listed string's occurrence."""
    longer = [s for s in listed if len(s) > len(target) and target in s]
    covered = [span for s in longer for span in _spans(text, s)]
    return sum(
        1 for start, end in _spans(text, target) if not any(s <= start and end <= e for s, e in covered)
    )
