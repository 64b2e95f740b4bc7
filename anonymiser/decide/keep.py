"""Practice terms that are never identities, found in the text so findings inside them drop."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from anonymiser.detect.names import Variant, compile_variants, plural_of


class TermMatcher:
    """Whole-word, case-insensitive matcher for a list of terms; longest match wins. With
    ``plurals``, each term's plural is a term too."""

    def __init__(self, terms: Iterable[str], *, plurals: bool = False) -> None:
        singular = {t for t in terms if t.strip()}
        plural = {t: p for t in singular if plurals and (p := plural_of(t)) and p not in singular}
        self.terms = tuple(sorted(singular | set(plural.values()), key=lambda t: (-len(t), t)))
        self._lower = frozenset(t.lower() for t in self.terms)
        self._pattern: re.Pattern[str] | None = compile_variants(
            Variant(t, case_sensitive=False, plural=plural.get(t, "")) for t in singular
        )

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self._pattern is None:
            return []
        return [(m.start(), m.end()) for m in self._pattern.finditer(text)]

    def is_term(self, text: str) -> bool:
        return " ".join(text.split()).lower() in self._lower

    def contains_term(self, text: str) -> bool:
        return bool(self.spans(text))


class TermSpans(dict[int, list[tuple[int, int]]]):
    """A matcher's spans in each unit, by uid, found when first asked for: most units of a
    re-scanned output are never asked about, and the glossary's search of every unit was a
    fifth of the residual re-scan's deciding."""

    def __init__(self, matcher: TermMatcher, texts: Mapping[int, str]) -> None:
        super().__init__()
        self._matcher = matcher
        self._texts = texts

    def __missing__(self, uid: int) -> list[tuple[int, int]]:
        spans = self._matcher.spans(self._texts[uid])
        self[uid] = spans
        return spans


def inside_any(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def overlaps_any(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)
