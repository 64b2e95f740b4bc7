"""Dates and ages in brackets after a name: a family list's dates of birth and children's ages.

"Children: Kian Marsh (03/05/2015), Mia Marsh (12/11/2017)" gives each child's date of birth,
with no "DOB" before it: found as a plain date, it was published as its month and year
("(a date in May 2015)"), a child's month of birth beside their label. A bracketed date
after a member of the family, or after a name nothing shows to be a practitioner's, is a
date of birth here (fail closed). After a practitioner ("Dr Patel (03/05/2019)", "the GP
(12/04/2019)"), an agency, or a letter or meeting ("the strategy meeting (03/05/2019)"), it is
that event's date and stays a date. The same reading gives "Alfie-James (8)" and "Kian (3
yrs)" their category: an AGE, as "aged 8" is, while "paragraph (8)" stays.
(patterns/brackets.yml: the event words and the units of an age.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from anonymiser.decide.context import Draft
from anonymiser.decide.people import fold, role_label_for, strip_title
from anonymiser.detect.names import PARTICLES
from anonymiser.records import Finding

# What a bracketed date's finding may be; the categories that read the bracket as a person's.
_DATES = frozenset({"DATE"})
_BIRTH = "DATE_OF_BIRTH"
_PEOPLE = frozenset({"PERSON"})
# Categories that never make the words before a bracket an institution's or an event's.
_NOT_THINGS = frozenset({"PERSON", "DATE", "DATE_OF_BIRTH", "DATE_OF_DEATH", "AGE", "ETHNICITY", "NATIONALITY"})
# What ends the words before a bracket and parts a role word from the name after it
# ("Mother - Kayleigh Marsh", "Father: Piotr Zielinski", "his sister, Ruby Price").
_SEPARATORS = re.compile(r"[\s,:;(|\-\u2013\u2014]+$")
# A word of a name as written: a capital, then letters, apostrophes, hyphens, a full stop of
# an initial ("J.").
_NAME_WORD = re.compile(r"^[^\W\d_][\w'\u2019\-]*\.?$")
# The words standing between an event word and the name ("a letter from Jane Hill").
_LINKS = frozenset({"from", "by", "with", "to", "of"})
_AGE_SCORE = 0.85
_BIRTH_SCORE = 0.9
AGE_RECOGNISER = "bracketed_age"
BIRTH_RECOGNISER = "bracketed_date_of_birth"


@lru_cache(maxsize=8)
def _age_pattern(units: tuple[str, ...]) -> re.Pattern[str]:
    """A bracket holding an age alone: "(8)", "(3 yrs)", "(14 months)", "(4 years old)"."""
    alternatives = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True)) or "(?!)"
    return re.compile(
        rf"\([ \t\u00a0]*(?P<age>\d{{1,2}}(?:[ \t\u00a0]*(?:{alternatives})\.?)?(?:[ \t\u00a0]+old)?)[ \t\u00a0]*\)",
        re.IGNORECASE,
    )


def bracketed_births_and_ages(findings: Sequence[Finding], draft: Draft) -> list[Finding]:
    """``findings`` with each date alone in brackets after a family member's (or an unplaced)
    name made a date of birth, and an AGE added for each age alone in brackets after one."""
    rules = draft.settings.brackets
    if not rules.age_units and not rules.events:
        return list(findings)
    by_unit: dict[int, list[Finding]] = {}
    for f in findings:
        by_unit.setdefault(f.unit, []).append(f)
    pattern = _age_pattern(rules.age_units)
    out: list[Finding] = []
    for f in findings:
        if f.category in _DATES:
            text = draft.texts[f.unit]
            opening = _alone_in_brackets(text, f.start, f.end)
            if opening is not None and _whose(text, opening, by_unit[f.unit], draft) in ("family", "person"):
                # The model reads "(14 months)" as a date: after a child's name it is an age.
                age = pattern.match(text, opening)
                if age is not None and age.span("age") == (f.start, f.end):
                    f = replace(f, category="AGE", score=max(f.score, _AGE_SCORE), recogniser=AGE_RECOGNISER)
                else:
                    f = replace(f, category=_BIRTH, score=max(f.score, _BIRTH_SCORE), recogniser=BIRTH_RECOGNISER)
        out.append(f)
    for uid, text in draft.texts.items():
        if "(" not in text:
            continue
        for match in pattern.finditer(text):
            start, end = match.span("age")
            if any(g.start < end and start < g.end and g.category == "AGE" for g in by_unit.get(uid, ())):
                continue
            if _whose(text, match.start(), by_unit.get(uid, []), draft) in ("family", "person"):
                out.append(Finding(uid, start, end, text[start:end], "AGE", _AGE_SCORE, AGE_RECOGNISER))
    return out


def _alone_in_brackets(text: str, start: int, end: int) -> int | None:
    """Where the bracket opens when the span ``start:end`` is all it holds, perhaps after
    spaces; else None."""
    before = text[:start].rstrip(" \t\u00a0")
    after = text[end:].lstrip(" \t\u00a0")
    if before.endswith("(") and after.startswith(")"):
        return len(before) - 1
    return None


def _whose(text: str, opening: int, findings: Sequence[Finding], draft: Draft) -> str | None:
    """Who the bracket opening at ``opening`` follows: "family", "professional", "person" (a
    name nothing places), or None (no person: an event, an agency, a paragraph number)."""
    line_start = text.rfind("\n", 0, opening) + 1
    head = text[line_start:opening].rstrip(" \t\u00a0")
    tokens = list(re.finditer(r"\S+", head))
    if not tokens:
        return None
    run: list[re.Match[str]] = []
    for token in reversed(tokens):
        word = token.group(0)
        if len(run) == 5 or not _NAME_WORD.match(word):
            break
        if word[0].isupper() or (word.lower() in PARTICLES and run):
            run.insert(0, token)
        else:
            break
    people = draft.words
    roles, groups = people.role_at_end
    if not run:
        # A role word right before the bracket ("his sister (12/11/2017)", "the GP
        # (12/04/2019)"); any other word in lower case is not a person ("paragraph (8)").
        role = roles.search(head.lower())
        return groups[role.group(0)] if role else None
    run_start, run_end = line_start + run[0].start(), line_start + run[-1].end()
    run_words = [t.group(0) for t in run]
    written = " ".join(run_words)
    folded_words = [w.rstrip(".").lower() for w in run_words]
    if folded_words[-1] in draft.settings.brackets.events or folded_words[-1] in people.folded.practice_heads:
        return None
    # A role word in capitals for a name ("Mother (14.03.1991)", "Child A (03/05/2015)").
    for size in (3, 2, 1):
        if len(folded_words) >= size and " ".join(folded_words[:size]) in groups:
            return groups[" ".join(folded_words[:size])]
    name = strip_title(written, people.titles)
    if name != written and role_label_for(None, written, draft.settings.replacements) is not None:
        return "professional"  # "Dr Patel", "PC Grainger", "Prison Officer Dawes"
    listed = _listed_group(name, draft)
    if listed is not None:
        return listed
    before = _SEPARATORS.sub("", text[line_start:run_start].lower())
    role = roles.search(before)
    if role is not None:
        return groups[role.group(0)]
    link = before.split()[-2:]
    if len(link) == 2 and link[1] in _LINKS and link[0] in draft.settings.brackets.events:
        return None  # "a letter from Jane Hill (12/04/2019)"
    is_person = any(f.category in _PEOPLE and f.start < run_end and run_start < f.end for f in findings)
    thing = any(f.category not in _NOT_THINGS and f.start < run_end and run_start < f.end for f in findings)
    first = name.split()[0] if name.split() else ""
    if thing and not is_person and not draft.settings.given_names.is_first_name(first):
        return None  # "Westmere Constabulary (03/05/2019)"
    if not is_person and not any(draft.is_name_word(w.rstrip(".")) for w in name.split()):
        return None  # practice words in capitals ("Initial Child Protection Conference")
    return "person"


def _listed_group(name: str, draft: Draft) -> str | None:
    """The case file's group for the person it lists under ``name`` (or an alias)."""
    key = fold(name)
    for person in draft.settings.case.people:
        if key in {fold(n) for n in (person.name, *person.aliases)}:
            return person.group or "person"
    return None
