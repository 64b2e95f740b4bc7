"""Dates and ages in brackets after a name: a family list's dates of birth and children's ages.

"Children: Kian Marsh (03/05/2015), Mia Marsh (12/11/2017)" gives each child's date of birth,
with no "DOB" before it: found as a plain date, it was published as its month and year
("(a date in May 2015)"), a child's month of birth beside their label. A date alone in
brackets after a member of the family, or after a name nothing shows to be a practitioner's,
is a date of birth here (fail closed); two dates there ("Leo Marsh (05/01/2020 - 19/03/2020)")
are the dates of birth and death. After a practitioner ("Dr Patel (03/05/2019)", "the GP
(12/04/2019)"), an agency, or a letter or meeting ("the strategy meeting (03/05/2019)"), it is
that event's date and stays a date. The same reading gives "Alfie-James (8)" and "Kian (3
yrs)" their category: an AGE, as "aged 8" is, while "paragraph (8)" stays.

A bracket may hold other items ("Connor Brightwell (mother's partner, 22/07/1990)", "Kian
(M, 8)"): a role word among them says whose the date is. A family list typed as text gives the
date after a comma or dash ("Mother: Kayleigh Marsh, 14/03/1991"), read the same way when it
ends the row. (patterns/brackets.yml: the event words and the words of an age.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from anonymiser.decide.context import Draft
from anonymiser.decide.people import fold, role_label_for, strip_title
from anonymiser.detect.names import PARTICLES
from anonymiser.records import Finding

_DATES = frozenset({"DATE"})
_BIRTH = "DATE_OF_BIRTH"
_DEATH = "DATE_OF_DEATH"
# Categories that never make the words before a bracket an institution's or an event's.
_NOT_THINGS = frozenset({"PERSON", "DATE", "DATE_OF_BIRTH", "DATE_OF_DEATH", "AGE", "ETHNICITY", "NATIONALITY"})
# What parts a role word from the name after it ("Mother - Kayleigh Marsh", "Father: Piotr
# Zielinski", "his sister, Ruby Price").
_SEPARATORS = re.compile(r"[\s,:;(|\-\u2013\u2014]+$")
# A word of a name as written: a letter, then letters, apostrophes, hyphens; an initial's
# full stop ("J.").
_NAME_WORD = re.compile(r"^[^\W\d_][\w'\u2019\-]*\.?$")
# A label's number after its word ("Sibling 1 (8)", "Child 2 (03/05/2015)").
_LABEL_NUMBER = re.compile(r"^\d{1,3}$")
# The words between an event word and the name ("a letter from Jane Hill (12/04/2019)").
_LINKS = frozenset({"from", "by", "with", "to", "of"})
# Two dates in one bracket item, a life's span ("05/01/2020 - 19/03/2020").
_RANGE = re.compile(r"^\s*(?P<first>\S.*?)\s*(?:-|\u2013|\u2014|\bto\b|\buntil\b)\s*(?P<second>\S.*?)\s*$", re.IGNORECASE)
# What, after a date or age typed after a name with a comma or dash, ends the row.
# A row's end, or the start of its next column ("Kian Marsh | 03/05/2015 | subject", "Kian
# Marsh 03/05/2015 (subject)").
_ROW_END = re.compile(r"[ \t\u00a0]*(?:[.,;]?[ \t\u00a0]*(?:\n|$)|[;|(\[]|[\-\u2013\u2014][ \t\u00a0])")
_OPENING, _CLOSING = "([", ")]"
# What may follow a bracket's item or a row's last column, within two spaces ("" is the end).
_ITEM_ENDS = frozenset(["", "\n", ")", "]", ",", ";", ".", "|", "(", "[", "-", "\u2013", "\u2014"])
# What a date of birth has: a day and month in figures, a year, or a day and a month's name.
# The model's other dates ("under 16", "last summer") are no date of birth.
_DATE_SHAPE = re.compile(
    r"\d{1,2}[/.\-]\w{1,9}[/.\-]\d{2}|(?:19|20)\d\d"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)
# A year alone after a name is a work's or a judgment's ("Munro (2011)", "Richardson v.
# Ramirez [1974]"), not a date of birth: left to the policy as any year.
_YEAR = re.compile(r"(?:19|20)\d\d")
_AGE_SCORE = 0.85
_BIRTH_SCORE = 0.9
AGE_RECOGNISER = "bracketed_age"
BIRTH_RECOGNISER = "bracketed_date_of_birth"


# "in" and a year, or a month's name and a year, after an age: the year it was reached.
_IN_YEAR = r"in[ \t\u00a0]+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t\u00a0]+)?(?:19|20)\d\d"


@lru_cache(maxsize=8)
def _age_pattern(
    units: tuple[str, ...], numbers: tuple[str, ...], leads: tuple[str, ...] = (), times: tuple[str, ...] = ()
) -> re.Pattern[str]:
    """An age as a bracket item holds it: "8", "3 yrs", "14 months", "4 years old", "3y 9m",
    "2 years, 3 months", "three"; after one of ``leads`` ("aged 4"), and before "in" and a
    year or one of ``times`` ("16 in 2019", "16 at the time")."""
    unit = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True)) or "(?!)"
    words = "|".join(re.escape(n) for n in sorted(numbers, key=len, reverse=True)) or "(?!)"
    lead = "|".join(re.escape(w).replace(r"\ ", r"[ \t\u00a0]+") for w in sorted(leads, key=len, reverse=True))
    when = "|".join(re.escape(w).replace(r"\ ", r"[ \t\u00a0]+") for w in sorted(times, key=len, reverse=True))
    number = rf"(?:\d{{1,2}}(?:\.\d)?|\u00bd|(?:{words})\b)"
    return re.compile(
        (rf"(?<![\w./\-])(?:(?:{lead})[ \t\u00a0]+)?" if lead else r"(?<![\w./\-])")
        + rf"(?:{number}(?:[ \t\u00a0]*(?:{unit})\b\.?)?"
        rf"(?:,?[ \t\u00a0]*(?:and[ \t\u00a0]+)?\d{{1,2}}[ \t\u00a0]*(?:{unit})\b\.?)?(?:[ \t\u00a0]+old\b)?)"
        + (rf"(?:[ \t\u00a0]+(?:{_IN_YEAR}|{when})\b)?" if when else rf"(?:[ \t\u00a0]+{_IN_YEAR}\b)?")
        + r"(?![\w/:\-]|\.\d)",
        re.IGNORECASE,
    )


def bracketed_births_and_ages(findings: Sequence[Finding], draft: Draft) -> list[Finding]:
    """``findings`` with each date alone in brackets after a family member's (or an unplaced)
    name made a date of birth (a second date there a date of death), and an AGE added for each
    age alone in brackets after one."""
    rules = draft.settings.brackets
    if not rules.age_units and not rules.events:
        return list(findings)
    by_unit: dict[int, list[Finding]] = {}
    for f in findings:
        by_unit.setdefault(f.unit, []).append(f)
    ages = _age_pattern(rules.age_units, rules.age_number_words, rules.age_leads, rules.age_times)
    led_ages = re.compile(r"[(\[,;\-\u2013\u2014][ \t\u00a0]*(?P<age>" + ages.pattern + ")", ages.flags)
    out: list[Finding] = []
    for f in findings:
        text = draft.texts[f.unit]
        # A bracket's item or a row's last column ends at a mark or the line's end; most
        # dates of a draft run on into words ("on 03/05/2019 the ...") and are passed over.
        if f.category not in _DATES or text[f.end : f.end + 3].lstrip(" \t\u00a0")[:1] not in _ITEM_ENDS:
            out.append(f)
            continue
        place = _place(text, f.start, f.end)
        if place is not None:
            is_age = ages.fullmatch(f.text) is not None and not place.spaced
            is_date = not is_age and not _YEAR.fullmatch(f.text.strip()) and _DATE_SHAPE.search(f.text)
            if (is_age or is_date) and _owner(text, place, by_unit[f.unit], draft) in ("family", "person"):
                if is_age:
                    # The model reads "(14 months)" as a date: after a child's name it is an age.
                    f = replace(f, category="AGE", score=max(f.score, _AGE_SCORE), recogniser=AGE_RECOGNISER)
                else:
                    died = place.second or any(o.lower() in rules.deaths for o in place.others)
                    category = _DEATH if died else _BIRTH
                    f = replace(f, category=category, score=max(f.score, _BIRTH_SCORE), recogniser=BIRTH_RECOGNISER)
        out.append(f)
    for uid, text in draft.texts.items():
        if "(" in text or "[" in text:
            out.extend(_short_dates_of_birth(uid, text, by_unit.get(uid, []), draft))
        # Only an item of a bracket or after a comma or dash can be one: the search looks for
        # those marks first, and every other number of the draft is passed over at once.
        for match in led_ages.finditer(text):
            start, end = match.span("age")
            # An age already found whole is left; one found in part ("aged 4" of "(aged 4 in
            # 2019)") gives way to the whole item, which holds its year.
            if any(g.start <= start and end <= g.end and g.category == "AGE" for g in by_unit.get(uid, ())):
                continue
            place = _place(text, start, end, age=True)
            if place is not None and not place.second and _owner(text, place, by_unit.get(uid, []), draft) in ("family", "person"):
                out.append(Finding(uid, start, end, text[start:end], "AGE", _AGE_SCORE, AGE_RECOGNISER))
    return out


# A date with dots and a one-digit day or month ("3.5.15"): a paragraph number's shape, so
# the recognisers take it for a date only after a date's lead-in. Alone in brackets after a
# family member's name it is their date of birth.
_SHORT_DATE = re.compile(r"(?<![\w./\-])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.\d{2}(?![\w/\-]|\.\d)")


def _short_dates_of_birth(uid: int, text: str, findings: Sequence[Finding], draft: Draft) -> list[Finding]:
    out = []
    for match in _SHORT_DATE.finditer(text):
        start, end = match.span()
        if any(f.start < end and start < f.end for f in findings):
            continue
        place = _place(text, start, end)
        if place is not None and not place.plain and _owner(text, place, findings, draft) in ("family", "person"):
            out.append(Finding(uid, start, end, match.group(0), _BIRTH, _BIRTH_SCORE, BIRTH_RECOGNISER))
    return out


@dataclass(frozen=True)
class _Place:
    """Where a date or age stands after a name."""

    head_end: int  # the end of the words before it: the bracket's opening, the comma or dash
    others: tuple[str, ...]  # the bracket's other items ("mother's partner", "M")
    second: bool  # the second date of two ("05/01/2020 - 19/03/2020"): a date of death
    plain: bool  # typed after a comma or dash, not in brackets
    spaced: bool = False  # typed after the name with spaces only ("Kian Marsh 03/05/2015 (subject)")


def _place(text: str, start: int, end: int, age: bool = False) -> _Place | None:
    """The place of ``text[start:end]`` as an item of a bracket ("(03/05/2015)", "(mother's
    partner, 22/07/1990)", "(05/01/2020 - 19/03/2020)") or after a comma or dash ending a
    row ("Kayleigh Marsh, 14/03/1991"; an age also before a comma: "Kian Marsh, 8, was
    seen"); None anywhere else."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    opening = max(text.rfind(c, line_start, start) for c in _OPENING)
    closing = min((i for i in (text.find(c, end, line_end) for c in _CLOSING) if i >= 0), default=-1)
    if (
        opening >= 0
        and closing >= 0
        and not any(c in text[opening + 1 : start] for c in _CLOSING)
        and not any(c in text[end:closing] for c in _OPENING)
    ):
        if age and text[opening] == "[":
            return None  # a reference's number ("Munro [8] found"): ages are in round brackets
        items = re.split(r"[,;]", text[opening + 1 : closing])
        offset = opening + 1
        for index, item in enumerate(items):
            item_start, item_end = offset, offset + len(item)
            offset = item_end + 1
            if not (item_start <= start and end <= item_end):
                continue
            others = tuple(o.strip() for n, o in enumerate(items) if n != index and o.strip())
            inner = text[item_start:item_end]
            if not inner.strip() or inner.strip() == text[start:end]:
                return _Place(opening, others, second=False, plain=False)
            pair = _RANGE.match(inner)
            if pair is not None and not age:
                if pair.group("first") == text[start:end]:
                    return _Place(opening, others, second=False, plain=False)
                if pair.group("second") == text[start:end]:
                    return _Place(opening, others, second=True, plain=False)
            return None
        return None
    before = text[line_start:start].rstrip(" \t\u00a0")
    if not before or not (before[-1] in ",-\u2013\u2014|:" or (not age and before[-1].isalpha() and start > line_start + len(before))):
        return None
    if not _ROW_END.match(text, end) and not (age and re.match(r"[ \t\u00a0]*(?:,|\band\b)", text[end:])):
        return None
    if age and not before[:-1].rstrip()[-1:].isalpha():
        return None  # a list of numbers ("paragraphs 4, 8, 9"), not a name's age
    spaced = before[-1].isalpha()
    if spaced and not before.split()[-1][0].isupper():
        return None  # "a child under 16." is no row of a family list
    head_end = line_start + len(before) - (0 if spaced else 1)
    return _Place(head_end, (), second=False, plain=True, spaced=spaced)


def _owner(text: str, place: _Place, findings: Sequence[Finding], draft: Draft) -> str | None:
    """Whose the date or age at ``place`` is: "family", "professional", "person" (a name
    nothing places) or None (no person: an event, an agency, a paragraph number)."""
    roles, groups = draft.words.role_at_end
    events = draft.settings.brackets.events
    found: str | None = None
    for item in place.others:
        folded = item.lower()
        if any(w in events for w in re.findall(r"[\w'\u2019-]+", folded)):
            return None  # "(strategy meeting, 03/05/2019)"
        role = roles.search(folded)
        if role is not None:
            found = "professional" if "professional" in (found, groups[role.group(0)]) else "family"
    if found is not None:
        return found
    whose = _whose(text, place.head_end, findings, draft)
    if place.plain and (whose == "person" or (place.spaced and whose == "family")):
        # After a comma or dash, a name is a family list's row only where nothing in lower
        # case stands before it on its line ("Re: Jayden Price, 04/06/2016"): "seen at home
        # by Jane Hill, 03/05/2019" is a visit's date.
        line_start = text.rfind("\n", 0, place.head_end) + 1
        lead = text[line_start : place.head_end]
        segment = re.split(r"[;.]\s", lead)[-1]
        if any(w[0].islower() for w in re.findall(r"[^\W\d_][\w'\u2019-]*", segment)):
            return None
    return whose


def _whose(text: str, opening: int, findings: Sequence[Finding], draft: Draft) -> str | None:
    """Who the words ending at ``opening`` (a bracket, comma or dash) name: "family",
    "professional", "person" (a name nothing places), or None (not a person)."""
    line_start = text.rfind("\n", 0, opening) + 1
    head = text[line_start:opening].rstrip(" \t\u00a0")
    people = draft.words
    roles, groups = people.role_at_end
    # A bracket just before ("Denise Marsh (maternal grandmother) (08/08/1965)", "Jane Hill
    # (SW) (03/05/2019)"): a role in it is the person's; anything else is passed over.
    while head.endswith(")") and "(" in head:
        inner_start = head.rfind("(")
        role = roles.search(head[inner_start + 1 : -1].strip().lower())
        if role is not None:
            return groups[role.group(0)]
        head = head[:inner_start].rstrip(" \t\u00a0")
    head_end = line_start + len(head)
    person = next(
        (
            f
            for f in findings
            # The model's PERSON guesses include bare dates ("03/05/2019"): a name has a letter.
            if f.category == "PERSON" and f.end == head_end and f.start >= line_start and any(c.isalpha() for c in f.text)
        ),
        None,
    )
    if person is not None:
        # The model's name, in any case ("kian marsh (03/05/2015)").
        run_start = person.start
        run_words = text[person.start : person.end].split()
    else:
        tokens = list(re.finditer(r"\S+", head))
        if tokens and _LABEL_NUMBER.match(tokens[-1].group(0)):
            tokens = tokens[:-1]  # "Sibling 1": the label's word decides
            if not tokens or not tokens[-1].group(0)[:1].isupper():
                return None  # "section 47 (8)"
        run: list[re.Match[str]] = []
        for token in reversed(tokens):
            word = token.group(0)
            if len(run) == 5 or not _NAME_WORD.match(word):
                break
            if word[0].isupper() or (word.lower() in PARTICLES and run):
                run.insert(0, token)
            else:
                break
        if not run:
            # A role word right before the bracket ("his sister (12/11/2017)", "the GP
            # (12/04/2019)"); any other word in lower case is not a person ("paragraph (8)").
            role = roles.search(head.lower())
            return groups[role.group(0)] if role else None
        run_start = line_start + run[0].start()
        run_words = [t.group(0) for t in run]
    written = " ".join(run_words)
    folded_words = [w.rstrip(".").lower() for w in run_words]
    if folded_words[-1] in draft.settings.brackets.events or folded_words[-1] in people.folded.practice_heads:
        return None
    # A role word written for a name ("Mother (14.03.1991)", "Child A (03/05/2015)").
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
    overlapping = [f for f in findings if f.start < head_end and run_start < f.end]
    is_person = person is not None or any(f.category == "PERSON" and any(c.isalpha() for c in f.text) for f in overlapping)
    thing = any(f.category not in _NOT_THINGS for f in overlapping)
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
