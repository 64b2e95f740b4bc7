"""Practice terms that are never identities, found in the text so findings inside them drop."""

from __future__ import annotations

import re
from collections.abc import Iterable

from anonymiser.detect.names import Variant, compile_variants


class TermMatcher:
    """Whole-word, case-insensitive matcher for a list of terms; longest match wins."""

    def __init__(self, terms: Iterable[str]) -> None:
        self.terms = tuple(sorted({t for t in terms if t.strip()}, key=lambda t: (-len(t), t)))
        self._lower = frozenset(t.lower() for t in self.terms)
        self._pattern: re.Pattern[str] | None = compile_variants(
            Variant(t, case_sensitive=False) for t in self.terms
        )

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self._pattern is None:
            return []
        return [(m.start(), m.end()) for m in self._pattern.finditer(text)]

    def is_term(self, text: str) -> bool:
        return " ".join(text.split()).lower() in self._lower

    def contains_term(self, text: str) -> bool:
        return bool(self.spans(text))


def inside_any(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def overlaps_any(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)
