"""Practice terms that are never identities, found in the text so findings inside them drop."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from anonymiser.detect.names import Variant, compile_variants, plural_of


def is_acronym(term: str) -> bool:
    """A term of one word in capitals ("ELSA", "ABE", "MASH"): matched only as written, since
    in other letters it is a word or a person's name ("Elsa said", "Abe was at home", which
    the keep list kept)."""
    return term.isalpha() and term.isupper() and len(term) > 1


class TermMatcher:
    """Whole-word, case-insensitive matcher for a list of terms; longest match wins. With
    ``plurals``, each term's plural is a term too; with ``acronyms_as_written``, a one-word
    term in capitals matches only in capitals."""

    def __init__(self, terms: Iterable[str], *, plurals: bool = False, acronyms_as_written: bool = False) -> None:
        singular = {t for t in terms if t.strip()}
        plural = {t: p for t in singular if plurals and (p := plural_of(t)) and p not in singular}
        self.terms = tuple(sorted(singular | set(plural.values()), key=lambda t: (-len(t), t)))
        as_written = {t for t in singular if acronyms_as_written and is_acronym(t)}
        self._exact = frozenset({*as_written, *(plural[t] for t in as_written if t in plural)})
        self._lower = frozenset(t.lower() for t in self.terms if t not in self._exact)
        self._pattern: re.Pattern[str] | None = compile_variants(
            Variant(t, case_sensitive=t in as_written, plural=plural.get(t, "")) for t in singular
        )

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self._pattern is None:
            return []
        return [(m.start(), m.end()) for m in self._pattern.finditer(text)]

    def is_term(self, text: str) -> bool:
        text = " ".join(text.split())
        return text in self._exact or text.lower() in self._lower

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
