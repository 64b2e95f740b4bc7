"""Bracketed names right after a redacted name: the same body's other name.

Drafts write a body's abbreviation or its name in the original language in brackets straight
after the name: "Westmere Safeguarding Children Partnership (WSCP)", "the District Court (Sąd
Rejonowy)". Left in, the bracket names what was just masked, so it is masked with it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from anonymiser.decide.context import Draft
from anonymiser.decide.found import Found
from anonymiser.decide.kept_rows import keep_row
from anonymiser.decide.recognisers import GLOSS
from anonymiser.decide.spans import Candidate
from anonymiser.decide.string_search import match_key
from anonymiser.decide.words import normalise
from anonymiser.detect.case_file import CASE_FILE_RECOGNISER
from anonymiser.detect.names import is_common_word
from anonymiser.records import Finding

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
# An acronym: capitals, perhaps with a small letter or an ampersand among them ("CAMHS",
# "NHSE&I", "CSCi"); a word or a name is never taken for a kept body's acronym.
_ACRONYM = re.compile(r"[A-Z](?=[a-z&]?[A-Z])[A-Za-z&]{1,9}")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
# An acronym given after "or" instead of in brackets ('the Ashby Road Boys, or "ARB"';
# session 13's second case published "ARB" in its findings). Only capitals, so "the Ashby
# Road Boys, or his friends" and "or Westmere" are not another name.
_OR_ACRONYM = re.compile(
    r"[ \t]*,?[ \t]+(?:or|aka|a\.k\.a\.)[ \t]+([\"'\u201c\u2018]?)([A-Z][A-Z&]{1,7})(?![\w&])([\"'\u201d\u2019]?)"
)


def bracketed_gloss(text: str, end: int) -> tuple[int, int, int] | None:
    """The span of the name inside a bracket that starts right after ``end`` (or of an
    acronym after "or": ', or "ARB"'), and where the bracket or quotation closes; or None.

    The bracket must hold at most four words, no digits (a rule, paragraph or year is a
    reference, not a name) and a word that is capitalised or not ordinary English: an
    abbreviation ("WSCP") or a name in another language ("länsrätten"), not a remark
    ("(unanimously)").
    """
    match = _BRACKET.match(text, end)
    if match is None:
        acronym = _OR_ACRONYM.match(text, end)
        if acronym is None or bool(acronym.group(1)) != bool(acronym.group(3)):
            return None
        return acronym.start(2), acronym.end(2), acronym.end()
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
    return start, stop, match.end()


def gloss_candidates(found: Found, draft: Draft) -> None:
    """Each redacted body's or place's bracketed other name ("(WSCP)", "(Sąd Rejonowy)"),
    redacted too and found everywhere; and every other finding of a name the draft defines
    so takes the defined body's category and label.

    The bracket goes into the body's own span, so the pair reads as one label ("(hospital)",
    not "(hospital) (hospital)"); the model's guess at a later "HGH" (an organisation) reads
    as the hospital the draft said it is. An acronym defined after a name the policy or the
    keep list keeps ("Kingsbridge County Council (KCC)" under scr) is kept wherever it stands.
    """
    defined = _redacted_glosses(found, draft)
    kept = _kept_acronyms(found, draft, defined)
    if not defined and not kept:
        return
    candidates, plain_strings = found.candidates, found.plain_strings
    out: list[Candidate] = []
    dropped: set[str] = set()
    for cand in candidates:
        if cand.category not in GLOSSED_CATEGORIES or cand.recogniser in (GLOSS, CASE_FILE_RECOGNISER):
            out.append(cand)
            continue
        text = draft.texts[cand.unit][cand.start : cand.end]
        name = match_key(_POSSESSIVE.sub("", text))
        if name in defined:
            key, category = defined[name]
            if key != cand.key:
                dropped.add(cand.key)
                found.scores[key] = max(found.scores.get(key, 0.0), cand.score)
                found.recognisers.setdefault(key, set()).add(cand.recogniser)
                cand = replace(cand, key=key, category=category)
            out.append(cand)
        elif name in kept:
            dropped.add(cand.key)
            keep_row(
                found.kept,
                Finding(cand.unit, cand.start, cand.end, text, cand.category, cand.score, cand.recogniser),
                kept[name],
            )
        else:
            out.append(cand)
    found.candidates = out
    # A string none of whose findings is left is no longer searched for everywhere.
    for key in dropped - {c.key for c in out}:
        plain_strings.pop(key, None)


def _redacted_glosses(found: Found, draft: Draft) -> dict[str, tuple[str, str]]:
    """The bracketed names after redacted bodies, each a candidate of its own and its body's
    span widened over the bracket; returned by their ``match_key`` with their key and
    category."""
    settings, texts, glossary = draft.settings, draft.texts, draft.glossary
    candidates, plain_strings, scores, recognisers = found.candidates, found.plain_strings, found.scores, found.recognisers
    # The body that owns each bracket: where the model and a recogniser both name it, the
    # one that owns the body's span when overlaps are resolved (the longest, then the
    # better score), so the acronym reads as the body does.
    owners: dict[tuple[int, int, int, int], Candidate] = {}
    for cand in candidates:
        if cand.category not in GLOSSED_CATEGORIES:
            continue
        gloss = bracketed_gloss(texts[cand.unit], cand.end)
        if gloss is None:
            continue
        where = (cand.unit, *gloss)
        best = owners.get(where)
        if best is None or _owner_order(cand) < _owner_order(best):
            owners[where] = cand
    defined: dict[str, tuple[str, str]] = {}
    for (unit, start, stop, close), body in owners.items():
        text = texts[unit]
        gloss_text = text[start:stop]
        if (
            glossary.is_term(gloss_text)
            or settings.keep.is_anonymised_form(gloss_text)
            # A role word says who stands there ("Shannon (Mum)", the model's place): no
            # other name of a body, and it read "(place) (place)".
            or gloss_text.lower() in draft.words.folded.roles
        ):
            continue
        key = f"{body.category}:{normalise(gloss_text)}"
        plain_strings.setdefault(key, (gloss_text, body.category))
        scores[key] = max(scores.get(key, 0.0), body.score)
        recognisers.setdefault(key, set()).add(GLOSS)
        candidates.append(Candidate(unit, start, stop, key, body.category, body.score, GLOSS))
        candidates.append(replace(body, end=close))
        defined.setdefault(match_key(gloss_text), (key, body.category))
    return defined


def _owner_order(cand: Candidate) -> tuple[int, bool, float, str]:
    # As ``spans._merge`` orders the candidates of one span.
    return (-cand.length, not cand.exact, -cand.score, cand.key)


def _kept_acronyms(found: Found, draft: Draft, defined: dict[str, tuple[str, str]]) -> dict[str, str]:
    """The acronyms among the redacted bodies' findings that the draft defines only after a
    name it keeps (a kept agency, a practice term, the case file's keep list), by their
    ``match_key``, with the reason they are kept. An acronym also defined after a redacted
    body is that body's (fail closed)."""
    texts = draft.texts
    acronyms = {
        _POSSESSIVE.sub("", texts[c.unit][c.start : c.end])
        for c in found.candidates
        if c.category in GLOSSED_CATEGORIES and c.recogniser not in (GLOSS, CASE_FILE_RECOGNISER)
    }
    kept: dict[str, str] = {}
    for acronym in sorted(a for a in acronyms if _ACRONYM.fullmatch(a) and match_key(a) not in defined):
        bracket = f"({acronym})"
        for uid, text in texts.items():
            at = text.find(bracket)
            while at >= 0:
                before = len(text[:at].rstrip())
                spans = (found.policy_kept_spans.get(uid, []), draft.glossary_spans[uid], draft.case_keep_spans[uid])
                if any(end == before for group in spans for _start, end in group):
                    kept[match_key(acronym)] = "the acronym the draft gives a name it keeps"
                    break
                at = text.find(bracket, at + 1)
            if match_key(acronym) in kept:
                break
    return kept
