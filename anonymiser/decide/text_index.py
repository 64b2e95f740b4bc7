"""The document's text in one string, searched for a pattern, or for a person's names only
where one of them can start.

A document of 40,000 words names sixty people; scanning the whole text once per person was
a third of the decide stage. A person's name variants all start with a word, so the search
tries only the places where one of those words stands (from an index of every word's
places, built once): the same matches as a scan of the whole text, found in a tenth of the
time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from heapq import merge

from anonymiser.detect.names import Variant
from anonymiser.records import TextUnit

_WORD = re.compile(r"\w+")
# Index key for the words that are not plain ASCII: ignoring case, a regex can match them
# with letters that lower() does not give ("ſ" for "s", the Kelvin sign for "K"), so they
# are tried for every person.
_ANY = ""


class DocumentText:
    """All units' text joined by NUL, so one regex search covers the document. NUL is
    neither a word character nor white space, so no match can run from one unit into the
    next (a name's parts are joined by \\s+)."""

    def __init__(self, units: Sequence[TextUnit]) -> None:
        self.units = list(units)
        self.starts: list[int] = []
        position = 0
        for unit in self.units:
            self.starts.append(position)
            position += len(unit.text) + 1
        self.text = "\x00".join(u.text for u in self.units)
        self._words: dict[str, list[int]] | None = None

    def find(self, pattern: re.Pattern[str] | None) -> Iterator[tuple[TextUnit, int, int]]:
        """Every match of ``pattern`` in the document, as (unit, start, end) in the unit."""
        if pattern is None:
            return
        for match in pattern.finditer(self.text):
            yield from self._placed(match)

    def find_names(
        self, pattern: re.Pattern[str] | None, variants: Iterable[Variant]
    ) -> Iterator[tuple[TextUnit, int, int]]:
        """The matches ``find`` gives for ``pattern``, which must be ``compile_variants`` of
        ``variants``, tried only where a variant's first word stands."""
        if pattern is None:
            return
        firsts = set()
        for variant in variants:
            first = _WORD.match(variant.text)
            if first is None or not first.group().isascii():
                yield from self.find(pattern)  # cannot say where it starts: scan it all
                return
            firsts.add(first.group().lower())
        words = self._word_index()
        places = merge(*(words.get(w, []) for w in sorted(firsts | {_ANY})))
        end = 0
        for place in places:
            if place < end:
                continue  # inside the last match: finditer would not try here either
            match = pattern.match(self.text, place)
            if match is not None:
                end = match.end()
                yield from self._placed(match)

    def _placed(self, match: re.Match[str]) -> Iterator[tuple[TextUnit, int, int]]:
        index = bisect_right(self.starts, match.start()) - 1
        unit, base = self.units[index], self.starts[index]
        if match.end() - base <= len(unit.text):
            yield unit, match.start() - base, match.end() - base

    def _word_index(self) -> dict[str, list[int]]:
        if self._words is None:
            self._words = {}
            for word in _WORD.finditer(self.text):
                text = word.group()
                key = text.lower() if text.isascii() else _ANY
                self._words.setdefault(key, []).append(word.start())
        return self._words
