"""Words in capitals, judged by how the draft itself writes them.

In a heading written in capitals ("SUMMARY OF INVOLVEMENT", "CHRONOLOGY OF SIGNIFICANT
EVENTS") every word has a name's shape, and the model reads places and bodies into it. The
draft says which words are ordinary: it writes them in lower case ("the agency's
involvement") and never capitalises them inside a sentence. A place ("LEEDS") is never
written in lower case; a town named like a common word ("Reading") is capitalised inside a
sentence where the draft names it, so it stays a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property

# A word and its start: letters, with apostrophes and hyphens inside.
_WORD = re.compile(r"[^\W\d_][\w'\u2019\-]*")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
# A word (as ``_WORD`` reads words) followed inside a sentence (only spaces and a comma
# between: a stop, a colon, a bracket or a quote may start something new) by a word that does
# not open with a lower-case ASCII letter; which of these pairs are a lower-case word and a
# capitalised one is checked in Python. A match starts where ``_WORD`` would start the word:
# the scan tries a word's first letter before its others, and never a letter after a letter
# (one inside a word); the run is taken whole (possessive: a word cut short is followed by a
# letter of it, never by a space or a comma).
_BEFORE_CAPITAL = re.compile(r"(?<![^\W\d_])([^\W\d_][\w'\u2019\-]*+)(?=,?[ \t\u00a0]+([^\W\d_a-z][\w'\u2019\-]*))")


def in_capitals(text: str) -> bool:
    """Whether ``text`` is written in capitals: it has a word of two letters or more, and no
    lower-case letter."""
    return any(len(w) > 1 for w in _WORD.findall(text)) and not any(c.islower() for c in text)


def word_parts(text: str) -> list[tuple[int, str]]:
    """The words of ``text`` with their starts, hyphenated words in parts and possessives
    cut off: "CHILDREN'S" is "CHILDREN", "STOKE-ON-TRENT" three words."""
    out: list[tuple[int, str]] = []
    for m in _WORD.finditer(text):
        offset = m.start()
        for part in re.split(r"(-)", m.group(0)):
            if part and part != "-":
                out.append((offset, _POSSESSIVE.sub("", part)))
            offset += len(part)
    return [(start, w) for start, w in out if w]


@dataclass
class WordCases:
    """How a draft writes its words: which it writes in lower case, and which it capitalises
    inside a sentence outside a practice term ("in Reading", not "the Individual Management
    Review"). Read once, when a guess in capitals first asks."""

    texts: Mapping[int, str]
    # Practice terms' spans by unit: a term is capitalised inside sentences as a term, not as
    # a name ("the Mental Health Act" does not make "MENTAL" a name).
    term_spans: Callable[[int], list[tuple[int, int]]]

    @cached_property
    def _evidence(self) -> tuple[frozenset[str], frozenset[str]]:
        # Every word of the draft is looked at, so the work is done by the regex engine: the
        # distinct words for the lower-case ones, and one search for a word followed inside
        # the sentence by a capitalised one (a Python loop over every word was a tenth of
        # deciding a long draft).
        words: set[str] = set()
        named: set[str] = set()
        for uid, text in self.texts.items():
            chars = list(text)
            for s, e in self.term_spans(uid):
                chars[s:e] = " " * (e - s)
            blanked = "".join(chars)
            words.update(_WORD.findall(blanked))
            for before, after in _BEFORE_CAPITAL.findall(blanked):
                if before.islower() and after[:1].isupper() and after[1:2].islower():
                    named.update(_POSSESSIVE.sub("", p.lower()) for p in after.split("-") if p)
        lower = {_POSSESSIVE.sub("", p) for w in words if w.islower() for p in w.split("-") if p}
        return frozenset(lower), frozenset(named)

    def ordinary(self, word: str) -> bool:
        """Whether the draft writes ``word`` as an ordinary word: in lower case somewhere, and
        never capitalised inside a sentence."""
        low = _POSSESSIVE.sub("", word.lower())
        lower, named = self._evidence
        return low in lower and low not in named

    def capitalised_in_sentence(self, word: str) -> bool:
        """Whether the draft capitalises ``word`` inside a sentence, after a word in lower
        case ("spoke to Attendance"), as it writes a name."""
        return _POSSESSIVE.sub("", word.lower()) in self._evidence[1]

    def written_in_lower_case(self, word: str) -> bool:
        """Whether the draft writes ``word`` in lower case anywhere ("findings"); a place's
        name it never does ("Leeds")."""
        return _POSSESSIVE.sub("", word.lower()) in self._evidence[0]
