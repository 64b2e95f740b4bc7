"""A long alternation of words, split by first character so that a regex tries few of them.

A regex alternation of a thousand terms is tried branch by branch at every position of the
text. Grouped by first character behind a look-ahead (``(?=[aA])(?:able|abuse|...)``), each
position tries only the terms that can begin with its character. Within a group the terms
keep their order, so the first term that matches at a position is the one the plain
alternation would have found: the result is the same, only faster. A position whose character
is not ASCII tries, in order, the terms that can start there: those that start with a letter
that is not ASCII, with an apostrophe (the curly one), or, ignoring case, with i, k or s
(dotted and dotless I, the Kelvin sign and the long s are the same letters to Python's
regular expressions).
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence

# The straight and curly apostrophes, and the marks a typist uses for one: the backtick
# ("D`Souza"), the opening quote ("O‘Dowd") and the modifier letter ("Nic aʼ"). A name is
# the same name with any of them; "O`Sullivan" was published as "O`" beside the label.
APOSTROPHES = "'\u2019`\u2018\u02bc"
# The ASCII letters that a character outside ASCII matches when case is ignored (İ ı -> i,
# K -> k, ſ -> s). tests/detect/test_names.py checks this against every Unicode character.
NON_ASCII_CASE_PARTNERS = "iks"


# Up to this many first characters, a look-ahead for any of them goes in front of everything
# else: the regex engine then passes over other positions without trying the rest (a name's
# few variants: about twice as fast). With many first characters it only adds work.
FEW_FIRST_CHARACTERS = 16
# Up to this many terms, grouping saves less than it costs to compile (the last branch
# repeats every term): a person's dozen name variants stay one plain alternation.
FEW_TERMS = 40


def grouped_alternation(terms: Sequence[tuple[str, str, bool]]) -> tuple[str, str]:
    """One regex alternation of ``terms``: (the term's text, its regex, whether case matters).

    The text tells which character a match starts with; the regex is what is matched.
    Returns the alternation and a look-ahead (possibly empty) for the characters a match can
    start with, to put before anything else in the pattern.
    """
    groups: dict[str, list[str]] = {}
    for text, pattern, case_sensitive in terms:
        for key in _first_characters(text, case_sensitive):
            groups.setdefault(key, []).append(pattern)
    starts = ""
    if len(groups) <= FEW_FIRST_CHARACTERS:
        keys = "".join(_either_case(key)[1:-1] if key.isalpha() else re.escape(key) for key in sorted(groups))
        starts = rf"(?=[{keys}]|[^\x00-\x7f])"
    if len(terms) <= FEW_TERMS:
        return "|".join(p for _, p, _ in terms), starts
    branches = [f"(?={_either_case(key)})(?:{'|'.join(group)})" for key, group in sorted(groups.items())]
    # Before, every term was repeated here: the pattern was twice as long and took twice as
    # long to compile (the keep list's, a tenth of a second in every process).
    outside = "|".join(p for text, p, case_sensitive in terms if _can_start_outside_ascii(text, case_sensitive))
    if outside:
        branches.append(rf"(?=[^\x00-\x7f])(?:{outside})")
    return "|".join(branches), starts


def _can_start_outside_ascii(text: str, case_sensitive: bool) -> bool:
    first = text.lstrip()[:1]
    return (
        not first.isascii()
        or first in APOSTROPHES
        or (not case_sensitive and first.lower() in NON_ASCII_CASE_PARTNERS)
    )


def _first_characters(text: str, case_sensitive: bool) -> set[str]:
    """The ASCII characters (lower-cased) that a match of the term can start with."""
    first = text.lstrip()[:1]
    if first.isascii():
        return {first.lower()}
    if first in APOSTROPHES:
        return {"'", "`"}
    same = re.compile(re.escape(first), 0 if case_sensitive else re.IGNORECASE)
    return {c.lower() for c in string.ascii_letters if same.fullmatch(c)}


def _either_case(key: str) -> str:
    return f"[{re.escape(key)}{re.escape(key.upper())}]" if key.isalpha() else re.escape(key)
