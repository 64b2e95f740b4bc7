"""Bracketed names right after a redacted name: the same body's other name.

Drafts write a body's abbreviation or its name in the original language in brackets straight
after the name: "Westmere Safeguarding Children Partnership (WSCP)", "the District Court (Sąd
Rejonowy)". Left in, the bracket names what was just masked, so it is masked with it.
"""

from __future__ import annotations

import re

from anonymiser.decide.context import Draft
from anonymiser.decide.found import Found
from anonymiser.decide.recognisers import GLOSS
from anonymiser.decide.spans import Candidate
from anonymiser.decide.words import normalise
from anonymiser.detect.names import is_common_word

# Categories that are names of bodies or places; a person's bracketed initials are found as
# name variants instead, and a bracket after a date or an amount is not another name for it.
GLOSSED_CATEGORIES = frozenset(
    {"ORGANISATION", "AGENCY", "LOCATION", "HOSPITAL", "SCHOOL", "NURSERY", "GP_PRACTICE", "PRISON"}
)

_BRACKET = re.compile(r"[ \t]*\(([^()\n]{2,60})\)")
_QUOTES = "\"'\u201c\u201d\u2018\u2019"
# A bracket that starts like a sentence or a defined term ("(see below)", "(“the Board”)",
# "(hereinafter the Office)") is commentary or the draft's own short name, not another name.
_NOT_A_NAME = re.compile(r"(?:the|a|an|see|now|hereinafter|formerly|i\.e|e\.g)\b", re.IGNORECASE)
_MAX_WORDS = 4


def bracketed_gloss(text: str, end: int) -> tuple[int, int] | None:
    """The span of the name inside a bracket that starts right after ``end``, or None.

    The bracket must hold at most four words, no digits (a rule, paragraph or year is a
    reference, not a name) and a word that is capitalised or not ordinary English: an
    abbreviation ("WSCP") or a name in another language ("länsrätten"), not a remark
    ("(unanimously)").
    """
    match = _BRACKET.match(text, end)
    if match is None:
        return None
    inner = match.group(1)
    start, stop = match.start(1), match.end(1)
    while start < stop and text[start] in _QUOTES:
        start += 1
    while stop > start and text[stop - 1] in _QUOTES:
        stop -= 1
    name = text[start:stop].strip()
    if not name or any(ch.isdigit() for ch in inner) or _NOT_A_NAME.match(name):
        return None
    words = re.findall(r"[^\W\d_]+", name)
    if not words or len(name.split()) > _MAX_WORDS or sum(len(w) for w in words) < 2:
        return None
    if not any(w[:1].isupper() or not is_common_word(w) for w in words):
        return None
    return start, stop


def gloss_candidates(found: Found, draft: Draft) -> None:
    """Each redacted body's or place's bracketed other name ("(WSCP)", "(Sąd Rejonowy)"), as a
    candidate of its own: redacted too, and found everywhere."""
    settings, by_uid, glossary = draft.settings, draft.by_uid, draft.glossary
    candidates, plain_strings, scores, recognisers = found.candidates, found.plain_strings, found.scores, found.recognisers
    for cand in list(candidates):
        if cand.category not in GLOSSED_CATEGORIES:
            continue
        text = by_uid[cand.unit].text
        gloss = bracketed_gloss(text, cand.end)
        if gloss is None:
            continue
        gloss_text = text[gloss[0] : gloss[1]]
        if glossary.is_term(gloss_text) or settings.keep.is_anonymised_form(gloss_text):
            continue
        key = f"{cand.category}:{normalise(gloss_text)}"
        plain_strings.setdefault(key, (gloss_text, cand.category))
        scores[key] = max(scores.get(key, 0.0), cand.score)
        recognisers.setdefault(key, set()).add(GLOSS)
        candidates.append(Candidate(cand.unit, gloss[0], gloss[1], key, cand.category, cand.score, GLOSS))
