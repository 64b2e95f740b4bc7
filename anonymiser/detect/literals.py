"""The literal words every match of a regular expression contains, searched for fast.

A pattern's ``needs`` group (registry._needs) names the key words every match holds
("Crew|Gang|Boys|Mandem", "snapchat|instagram|tik\\s?tok|..."), and a text without them is not
searched by the pattern. Searched as one alternation, the needed words cost more than the
pattern they gate: Python's engine tries every branch at every position, and on a 40,000-word
draft the 38 groups took 0.2 s against 0.03 s for the patterns they let through. One word
alone, ignoring case, the `regex` module finds with a fast string search instead.

``required_literals`` reads a regular expression (Python's own parser) and returns words one of
which every match contains, or None where it cannot tell: a branch with no word of its own
("\\d+"), a construct it does not follow (look-arounds, back-references), or a syntax Python's
engine reads differently from the `regex` module's (it refuses anything that warns). Only
what is certain is returned: the search may then find more texts than the group would, never
fewer (a word's case is ignored even where the pattern heeds it, and "tik" stands for
"tik\\s?tok").
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from typing import Any

import regex

try:  # Python 3.11+; the parser is the re module's own, read only.
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - older Pythons name the modules apart
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

# More words than this and one search per word costs more than the alternation.
MAX_WORDS = 40
# A word shorter than this is found nearly everywhere; the set is of no use.
MIN_LENGTH = 2


def required_literals(source: str, flags: int) -> tuple[str, ...] | None:
    """Words (case-folded) one of which every match of ``source`` contains, fewest and longest
    that can be told, or None."""
    with warnings.catch_warnings():
        # Python warns where its reading may differ from another engine's ("[[", "--"): then
        # this reading may not be the `regex` module's.
        warnings.simplefilter("error")
        try:
            tree = _sre_parse.parse(source, flags & ~re.UNICODE)
        except (re.error, Warning, RecursionError, ValueError):
            return None
    found = _in_sequence(list(tree))
    if found is None:
        return None
    words = {w.casefold() for w in found}
    # A brace, bracket or line break in a "word" is a sign of syntax read differently ("{e<=1}",
    # a fuzzy match to `regex`, is five letters to Python's engine).
    if any(ch in w for w in words for ch in "{}[]\n\r\x1f") or min(map(len, words)) < MIN_LENGTH:
        return None
    # A text holding "cottages" holds "cottage": the shorter word is enough.
    minimal = {w for w in words if not any(o != w and o in w for o in words)}
    return tuple(sorted(minimal))


def _score(words: frozenset[str]) -> tuple[int, int]:
    return (min(len(w) for w in words), -len(words))


def _in_sequence(items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    """The best set of words for a sequence: any one item's set will do, or a run of
    literal characters, or such a run joined to the words every branch after it opens with
    ("." and "com|org|uk": ".com", ".org", ".uk", where "uk" alone is in "duke")."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            joined = "".join(run)
            candidates.append(frozenset([joined]))
            openings = _openings(op, av)
            if openings is not None:
                candidates.append(frozenset(joined + o for o in openings))
            run = []
        inner = _in_item(op, av)
        if inner is not None:
            candidates.append(inner)
    if run:
        candidates.append(frozenset(["".join(run)]))
    return max(candidates, key=_score, default=None)


def _openings(op: Any, av: Any) -> frozenset[str] | None:
    """The literal words each branch of a group opens with, where every branch opens with
    one (and there are few); else None."""
    if op is _sre.SUBPATTERN:
        inner = list(av[-1])
        if len(inner) != 1:
            return _opening_of(inner)
        op, av = inner[0]
    if op is not _sre.BRANCH:
        return None
    openings: set[str] = set()
    for branch in av[1]:
        opening = _opening_of(list(branch))
        if opening is None:
            return None
        openings |= opening
    return frozenset(openings) if len(openings) <= MAX_WORDS else None


def _opening_of(items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    run = []
    for op, av in items:
        if op is not _sre.LITERAL:
            break
        run.append(chr(av))
    return frozenset(["".join(run)]) if run else None


def _in_item(op: Any, av: Any) -> frozenset[str] | None:
    if op is _sre.SUBPATTERN:
        return _in_sequence(list(av[-1]))
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
        low, _high, body = av
        return _in_sequence(list(body)) if low >= 1 else None
    if op is getattr(_sre, "ATOMIC_GROUP", None):
        return _in_sequence(list(av))
    if op is _sre.BRANCH:
        branches = [_in_sequence(list(b)) for b in av[1]]
        if any(b is None for b in branches):
            return None
        union = frozenset().union(*branches)  # type: ignore[arg-type]
        return union if len(union) <= MAX_WORDS else None
    return None  # a class, a look-around, an anchor, a back-reference: no word of its own


class LiteralNeeds:
    """A ``needs`` group searched word by word: ``search`` returns the first place at or after
    ``pos`` where any of the words stands (ignoring case), as a regex match, or None."""

    def __init__(self, words: Sequence[str], flags: int) -> None:
        self.words = tuple(words)
        self._compiled = [regex.compile(regex.escape(w), flags | regex.IGNORECASE) for w in self.words]

    def search(self, text: str, pos: int = 0) -> Any:
        first = None
        for compiled in self._compiled:
            hit = compiled.search(text, pos)
            if hit is not None and (first is None or hit.start() < first.start()):
                first = hit
        return first

    def __repr__(self) -> str:
        return f"LiteralNeeds({'|'.join(self.words)})"
