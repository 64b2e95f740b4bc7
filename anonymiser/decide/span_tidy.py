"""Spans cut to what they name: a finding's span tidied before it is judged.

The model's spans run across sentence breaks and lines, take in the article before a name,
the paragraph's number before a date, the practice terms before and after a name
("Jane Hill Social Worker"). Each function here returns the span cut to the words that name
something, or None when nothing of a name is left.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from wordfreq import zipf_frequency

from anonymiser.decide.keep import overlaps_any
from anonymiser.decide.titles import TitlePatterns
from anonymiser.decide.words import own_name_word
from anonymiser.detect.model import MODEL_RECOGNISER_PREFIX
from anonymiser.detect.names import PARTICLES, name_tokens
from anonymiser.records import Finding
from anonymiser.settings import FoldedPeopleWords, KeepList


def trim_person(
    f: Finding,
    glossary: list[tuple[int, int]],
    text: str,
    titles: TitlePatterns,
    roles: re.Pattern[str],
    openers: frozenset[str] = frozenset(),
    is_surname: Callable[[str], bool] = lambda word: False,
) -> Finding | None:
    """A person's span less the practice terms at its ends, with two exceptions that would
    otherwise publish part of a name. A term inside the leading title is the title's, which
    goes with the name: "District Judge A B Jones" is not cut to "District". And a title with
    one word before a term keeps the term: a title goes with a surname, so in "Ms Priya
    Registrar" the last word is hers, not a role.

    Role words opening the span are cut off first: the model reads "Child Kian Marsh" and
    "Mother Kayleigh" as names, which made a new person ("Person A") of someone the case file
    or the rest of the document already names. So is a word that opens a sentence before a
    title (``openers``, the function words of patterns/people.yml): the model reads "Later Mrs
    O’Neill" as one name, which made her a person apart from "Mrs Patricia O'Neill".

    A word in lower case at either end is cut off too, unless it is a surname's particle
    ("de Souza") or, at the end, a surname the lists know (``is_surname``): the model read
    "Staff fed Ayaan" and "Kelly H. rang" with the verb, which the label took."""
    # A word in lower case opening a name is a verb the model read with it ("Staff |fed
    # Ayaan|"), never the name's, unless it is a surname's particle ("de Souza").
    lower = _LOWER_CASE_LEAD.match(text, f.start, f.end)
    while lower is not None and lower.group(1) not in PARTICLES and any(c.isupper() for c in text[lower.end() : f.end]):
        f = replace(f, start=lower.end(), text=text[lower.end() : f.end])
        lower = _LOWER_CASE_LEAD.match(text, f.start, f.end)
    # And at its end: "Kelly H. |rang|" (the model's name ran on over the verb after an
    # initial's full stop, and the sentence lost it to the label).
    trailing = _LOWER_CASE_TAIL.search(text, f.start, f.end)
    while (
        trailing is not None
        and trailing.group(1) not in PARTICLES
        # A surname the lists know, typed in lower case ("Kayleigh marsh"), stays hers.
        and not is_surname(trailing.group(1))
        and any(c.isupper() for c in text[f.start : trailing.start()])
    ):
        f = replace(f, end=trailing.start(), text=text[f.start : trailing.start()])
        trailing = _LOWER_CASE_TAIL.search(text, f.start, f.end)
    opener = re.match(r"([A-Za-z]+)\s+", text[f.start : f.end])
    if opener and opener.group(1).lower() in openers and titles.leading.match(text, f.start + opener.end(), f.end):
        f = replace(f, start=f.start + opener.end(), text=text[f.start + opener.end() : f.end])
    role = roles.match(text, f.start, f.end)
    while role is not None and any(ch.isupper() for ch in text[role.end() : f.end]):
        f = replace(f, start=role.end(), text=text[role.end() : f.end])
        role = roles.match(text, f.start, f.end)
    title = titles.leading.match(text, f.start, f.end)
    title_end = title.end() if title else f.start
    terms = [g for g in glossary if not (f.start <= g[0] and g[1] <= title_end)]
    trimmed = trim_off_terms(f, terms, text)
    bare = trim_off_terms(f, [], text)  # only the punctuation at its ends cut off
    if (
        trimmed is not None
        and bare is not None
        and title is not None
        and trimmed.end < bare.end
        and len(name_tokens(text[title_end : trimmed.end])) == 1
    ):
        return bare
    return trimmed


# A word in lower case and the spaces after it, opening a span.
_LOWER_CASE_LEAD = re.compile(r"([a-z]+)[ \t\u00a0]+")
# The spaces and a word in lower case closing a span.
_LOWER_CASE_TAIL = re.compile(r"[ \t\u00a0]+([a-z]+)$")


# ("Her Majesty's Prison Gallowmere" is a name, not "her" and a name.)
_DETERMINER_WORDS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})


_DETERMINER = re.compile(rf"^(?:{'|'.join(sorted(_DETERMINER_WORDS))})\s+(?!majesty)", re.IGNORECASE)


# A full stop (or ! or ?) and the space after it, before a capital letter: perhaps the end of a
# sentence, inside a model's span.
_STOP_BEFORE_CAPITAL = re.compile(r"[.!?][ \t\u00a0]+(?=[^\W\d_])")


_LAST_WORD = re.compile(r"(\w+)$")


_FIRST_WORD = re.compile(r"[^\W\d_]+")


def split_at_sentence_breaks(
    findings: Sequence[Finding], texts: Mapping[int, str], folded: FoldedPeopleWords
) -> list[Finding]:
    """The model's entities cut where they cross a sentence break.

    "Hepatitis C. The health visitor": the model took "Hepatitis C. The" for one PERSON, and
    the next sentence lost its first word to the label. Each part is judged on its own, as
    any finding is: the part after the break may be a name of its own ("Brown. Mason Green").

    A pattern's span across lines (an address written as a block: "3, Harcourt House\nMill
    Lane") is cut into its lines, each judged on its own. ``tidy_span`` keeps one line of a
    span, and the other line ("Mill Lane") was published.
    """
    out: list[Finding] = []
    for f in findings:
        text = texts.get(f.unit)
        if text is not None and (_pattern_across_lines(f) or _name_wrapped_in_prose(f, text)):
            out += _line_parts(f, text)
            continue
        while text is not None and f.recogniser.startswith(MODEL_RECOGNISER_PREFIX):
            cut = (
                _sentence_break(text, f.start, f.end, folded)
                or _column_gap(text, f.start, f.end)
                or _verb_inside_body(f, text, folded)
            )
            if cut is None:
                break
            out.append(replace(f, end=cut[0], text=text[f.start : cut[0]]))
            f = replace(f, start=cut[1], text=text[cut[1] : f.end])
        out.append(f)
    return out


# A word in lower case between two capitalised words of a span ("Jaxon |attended| Little").
_LOWER_CASE_INSIDE = re.compile(r"(?<=[^\W\d_][\w'\u2019.-]) +([a-z]+) +(?=[A-Z])")
# Words in lower case that join the words of one name ("Newcastle upon Tyne", "Isle of Wight",
# "Tesco Express on Kings Road", "Bosque de Chapultepec").
_NAME_JOINS = frozenset({"in", "en", "y", "et"}) | PARTICLES


def _verb_inside_body(f: Finding, text: str, folded: FoldedPeopleWords) -> tuple[int, int] | None:
    """Where the model's body or place ``f`` runs over a word in lower case that joins no
    name (a verb: "Jaxon attended Little Stars Pre-School", one ORG that swallowed the child,
    the verb and the nursery into "(organisation)"): (the end of the part before the word,
    the start of the part after it), or None. Each part is judged on its own."""
    if f.category not in ("ORGANISATION", "LOCATION"):
        return None
    for word in _LOWER_CASE_INSIDE.finditer(text, f.start, f.end):
        low = word.group(1)
        if word.start() > f.start and low not in folded.function_words and low not in _NAME_JOINS:
            return word.start(), word.end()
    return None


def _pattern_across_lines(f: Finding) -> bool:
    # A person's name broken at its hyphen by a line end is tidy_span's; the model's spans
    # across lines run on into headings and list numbers, and keep their better line there.
    return "\n" in f.text and f.category != "PERSON" and not f.recogniser.startswith(MODEL_RECOGNISER_PREFIX)


def _name_wrapped_in_prose(f: Finding, text: str) -> bool:
    """Whether the person ``f`` is a name that a line end breaks in running text: "made by
    Ms Tamsin\nOkafor, the school's DSL" (a hard-wrapped draft). Cut to its better line,
    "Okafor" was published; each line is judged on its own. A name that opens its line
    (a signature's "Shanice Bolton\nFamily Support Worker") keeps its better line, as before,
    and so does a double-barrelled name broken at its hyphen (tidy_span's)."""
    if f.category != "PERSON" or "\n" not in f.text:
        return False
    newline = text.find("\n", f.start, f.end)
    if _HYPHEN_BEFORE_LINE_END.search(text, f.start, newline + 1):
        return False
    line_start = text.rfind("\n", 0, f.start) + 1
    before = text[line_start : f.start]
    return bool(before.strip()) and before.rstrip()[-1:] not in (":", "|", "\t") and "\t" not in before


def _line_parts(f: Finding, text: str) -> list[Finding]:
    """``f`` cut at its line breaks, each line without the spaces and commas at its ends;
    lines with no letter or digit are left out."""
    parts = []
    for line in re.finditer(r"[^\r\n]+", text[f.start : f.end]):
        start, end = f.start + line.start(), f.start + line.end()
        while start < end and (text[start].isspace() or text[start] == ","):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
            end -= 1
        if any(c.isalnum() for c in text[start:end]):
            parts.append(replace(f, start=start, end=end, text=text[start:end]))
    return parts


# The gap between two columns of a table typed as text: a tab, or two spaces or more.
_COLUMN_GAP = re.compile(r"[ ]*\t[ \t]*|[ ]{2,}")


def _column_gap(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a model's span crosses a typed table's column gap: (the end of the part before
    it, the start of the part after it), or None. "14/03/1991    07700 900128" was one date
    (the phone number in the next column took its label), "Kayleigh Marsh<TAB>Mother" one
    organisation: each cell is judged on its own."""
    gap = _COLUMN_GAP.search(text, start, end)
    if gap is None or gap.start() == start or gap.end() >= end:
        return None
    return gap.start(), gap.end()


def _sentence_break(text: str, start: int, end: int, folded: FoldedPeopleWords) -> tuple[int, int] | None:
    """Where a span of ``text`` crosses a sentence break: (the end of the part before the stop,
    the start of the part after it), or None.

    A full stop ends a sentence unless the word before it is a title, rank or abbreviation
    ("Dr. Smith", "St. Mary's", people.yml abbreviations) or an initial ("J. Smith", and the
    "C" of "Hepatitis C."); even then a function word after it ("Hepatitis C. The") starts a
    new sentence. An initial after it ("J. A. Smith") is no function word ("A")."""
    for stop in _STOP_BEFORE_CAPITAL.finditer(text, start, end):
        after = _FIRST_WORD.match(text, stop.end(), end)
        if after is None or not after.group(0)[:1].isupper():
            continue
        if text[stop.start()] == ".":
            before = _LAST_WORD.search(text, start, stop.start())
            abbreviated = before is not None and (
                (len(before.group(1)) == 1 and before.group(1).isalpha())
                or before.group(1).lower() in folded.abbreviations
            )
            initial_after = len(after.group(0)) == 1 and text[after.end() : after.end() + 1] == "."
            opens = after.group(0).lower() in folded.function_words and not initial_after
            if abbreviated and not opens:
                continue
        if stop.start() > start:
            return stop.start(), stop.end()
    return None


# A form's label opening a span: a capitalised word and up to three more, then a colon
# ("Vehicle reg: ", "Car registration: ").
_LABEL_COLON = re.compile(r"(?P<label>[A-Z][a-z]+(?:[ \t]+[a-z]+){0,3})[ \t]*:[ \t]+")
# A label's words are common English words (Zipf frequency); a body's own name before a colon
# ("Westmere Council: Children's Services") is not made of them.
_LABEL_WORD_ZIPF = 3.0


def _ordinary_label(label: str) -> bool:
    """Whether every word of ``label`` is a common English word."""
    return all(zipf_frequency(w.lower(), "en") >= _LABEL_WORD_ZIPF for w in label.split())


# A paragraph's number opening its paragraph, before the model's date ("2.3 Between January
# and March 2020"; not the "9.30" of "9.30 a.m").
_PARAGRAPH_NUMBER = re.compile(r"\d+(?:\.\d+)+\s+(?=[A-Z])")


_JOINING_WORD_AT_END = re.compile(r"[\s,]+(?:and|or|to|&)$", re.IGNORECASE)


_YEAR_AT_END = re.compile(r"\b(?:1[89]|20)\d\d$")


_RANGE_OPENER = re.compile(r"\b(?:between|from)\b", re.IGNORECASE)


# How often, after a date the model ran on into it ("12 March 2019 - 3 April 2019 daily"):
# an adverb in -ly that is not July. Left in, the whole span became "(date)" and the
# sentence lost its "daily".
_FREQUENCY_AT_END = re.compile(r"(?<=\d)[\s,]+(?!july\b)[a-z]+ly$", re.IGNORECASE)


# A guess that is only the number a paragraph opens with ("4.13 Safeguarding supervision").
# Not a date written with dots ("12.03.2019"): its year has four digits.
_LONE_PARAGRAPH_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3}){1,2}\.?")


_HYPHEN_BEFORE_LINE_END = re.compile(r"\w[-\u2010\u2011][ \t]*\r?\n$")
# A first name at a line's end and the surname opening the next ("Declan\nWhitlow"): the
# detector runs such a name on over the break (engine._across_line_breaks); one name.
_NAME_OVER_LINE = re.compile(r"[A-Z\u00c0-\u00de][\w'\u2019-]*[ \t]*\r?\n[ \t]*[A-Z\u00c0-\u00de][\w'\u2019-]*")


def tidy_span(
    f: Finding, text: str, openers: frozenset[str] = frozenset(), function_words: frozenset[str] = frozenset()
) -> Finding | None:
    """A pattern or model span cut to one line, without a leading "the".

    A replacement must never join two lines or swallow list numbering ("...Leads\n- 6.2"),
    and "the Local Safeguarding Children Board" is the practice term with an article. The
    model's date leaves out the paragraph's number ("2.3 Between January and March 2020" lost
    it to "(date)") and, given ``openers`` (people.yml function_words, for a policy that
    publishes months), the words that lead to it: scr published "between October 2021" as
    "(date)" where it publishes "October 2021". A policy that masks every date masks them
    with it, as the TAB benchmark marks them ("between 1990 and 1995").
    """
    start, end = f.start, f.end
    newline = text.find("\n", start, end)
    if newline != -1 and f.category == "PERSON" and (
        _HYPHEN_BEFORE_LINE_END.search(text, start, newline + 1) or _NAME_OVER_LINE.fullmatch(text, start, end)
    ):
        # A double-barrelled name broken at its hyphen ("Dubois-\nMarchand") is one name: cut
        # to a line, "Marchand" was published on the next.
        newline = -1
    if newline != -1:
        # Keep the line with more letters: that is where the entity is.
        first, rest = text[start:newline], text[newline + 1 : end]
        if sum(c.isalpha() for c in rest) > sum(c.isalpha() for c in first):
            start = newline + 1
            while start < end and text[start].isspace():
                start += 1
        else:
            end = newline
    if f.category == "PERSON" and f.recogniser.startswith(MODEL_RECOGNISER_PREFIX):
        # The model read the paragraph's number into a name too ("4.2 Reem, Jana and Tamim",
        # "4.2 Concei\u00e7\u00e3o and Rui"): with a digit in it the name was dropped, and published.
        number = _PARAGRAPH_NUMBER.match(text, start, end)
        if number and not text[:start].strip():
            start = number.end()
    if f.category in ("DATE", "QUANTITY") and f.recogniser.startswith(MODEL_RECOGNISER_PREFIX):
        # The model also read paragraph numbers as percentages ("1.5 Methodology", "4.13").
        number = _PARAGRAPH_NUMBER.match(text, start, end)
        if number and not text[:start].strip():
            start = number.end()
        elif (
            f.category == "QUANTITY"
            and not text[:start].strip()
            and _LONE_PARAGRAPH_NUMBER.fullmatch(text, start, end)
        ):
            return None
        while openers:
            word = re.match(r"[^\W\d_]+\s+", text[start:end])
            if not word or word.group(0).strip().lower() not in openers:
                break
            start += word.end()
    if f.recogniser.startswith(MODEL_RECOGNISER_PREFIX) and f.category in ("ORGANISATION", "LOCATION", "AGENCY"):
        # The model's organisation or place can open with the sentence's first word ("Later
        # St. Aldric's" beside the school "St. Aldric's Primary School"): the union of the two
        # swallowed "Later". No name opens with a function word (``function_words``).
        while function_words:
            word = re.match(r"[^\W\d_]+\s+", text[start:end])
            lead = word.group(0).strip().lower() if word else ""
            if not word or lead not in function_words or lead in _DETERMINER_WORDS or word.end() >= end - start:
                break  # articles are _DETERMINER's ("Her Majesty's Prison" keeps its "Her")
            start += word.end()
    if f.recogniser.startswith(MODEL_RECOGNISER_PREFIX) and f.category != "PERSON":
        # A form's label and its value read as one body ("Vehicle reg: AB12CDE" was one
        # "(organisation)", which swallowed the label and hid the registration's own label):
        # the value alone is the guess, when the label is made of ordinary words.
        label = _LABEL_COLON.match(text, start, end)
        if label is not None and label.end() < end and _ordinary_label(label.group("label")):
            start = label.end()
    if f.category not in ("PERSON", "DATE", "DATE_OF_BIRTH", "DATE_OF_DEATH", "AGE"):
        article = _DETERMINER.match(text[start:end])
        if article and end - start > article.end():
            start += article.end()
    if f.recogniser.startswith(MODEL_RECOGNISER_PREFIX) and f.category != "PERSON":
        # The model's span can run into a bracket it does not close ("the Chamber (Rule 21"):
        # the name ends before the bracket; what follows it is a reference, not the name.
        opening = text.find("(", start, end)
        if opening > start and text.find(")", opening, end) == -1:
            end = opening
    while end > start and text[end - 1] in " \t,;:":
        end -= 1
    if f.category == "DATE" and f.recogniser.startswith(MODEL_RECOGNISER_PREFIX):
        # "1996, 1997 and" (of "In 1996, 1997 and 1998 the trial..."): the joining word is
        # not the dates'. Only after a year: "28 January and" and "between 1975 and" wait for
        # the year or the end of a range that follows, and make one date with it (as TAB marks
        # them).
        joining = _JOINING_WORD_AT_END.search(text, start, end)
        if (
            joining
            and joining.start() > start
            and _YEAR_AT_END.search(text, start, joining.start())
            and not _RANGE_OPENER.search(text, start, end)
        ):
            end = joining.start()
        frequency = _FREQUENCY_AT_END.search(text, start, end)
        if frequency and frequency.start() > start:
            end = frequency.start()
    if end - start < 1:
        return None
    if (start, end) == (f.start, f.end):
        return f
    return replace(f, start=start, end=end, text=text[start:end])


# A verb of telling and the capitalised name after it.
_TELLING_LEAD = re.compile(r"([A-Za-z][a-z]*)\s+(?=[A-Z])")


def drop_telling_verb(
    f: Finding,
    verbs: frozenset[str],
    listed: frozenset[str] = frozenset(),
    named_apart: Callable[[str, str], bool] = lambda verb, rest: False,
) -> Finding:
    """The model's person less a verb of telling before the name, as notes quote a child:
    'Hope "said Connor is mummy's friend"' and '"Said Connor got cross at bedtime"' read
    "Person G", where "Connor" alone is the case file's Mother's partner. In lower case the
    verb is never a name's; capitalised ("Said Ahmed"), only before a name the case file
    lists whole (``listed``, folded) or one the draft writes as a person's first name
    without the verb (``named_apart(verb, rest)``: "Connor Brightwell", and never "Said
    Connor" inside a sentence; without a case file "Said Connor" was a person of its own,
    beside Connor Brightwell). A name written in lower case ("saw kian") has no capital
    after the verb and is left whole."""
    if f.category != "PERSON" or not f.recogniser.startswith(MODEL_RECOGNISER_PREFIX):
        return f
    lead = _TELLING_LEAD.match(f.text)
    if lead is None or lead.group(1).lower() not in verbs:
        return f
    rest = f.text[lead.end() :]
    if lead.group(1)[0].isupper() and rest.casefold() not in listed and not named_apart(lead.group(1), rest):
        return f
    return replace(f, start=f.start + lead.end(), text=rest)


def trim_off_terms(f: Finding, glossary: list[tuple[int, int]], text: str) -> Finding | None:
    """Cut practice terms off the ends of a span; None if nothing of a name is left."""
    start, end = f.start, f.end
    for g_start, g_end in glossary:
        if g_start < end and start < g_end:
            if g_start <= start:
                start = max(start, g_end)
            elif g_end >= end:
                end = min(end, g_start)
            elif f.category == "PERSON":
                end = g_start  # a practice term inside a name span: keep the name before it
            else:
                # A term inside an organisation guess ("Isle of Wight CCG Safeguarding Leads"):
                # the guess is about the term, which is kept; what is left is judged alone.
                left, right = text[start:g_start], text[g_end:end]
                if sum(c.isalpha() for c in right) > sum(c.isalpha() for c in left):
                    start = g_end
                else:
                    end = g_start
    while start < end and not text[start].isalnum():
        start += 1
    if start > f.start and (link := _LINK_WORD.match(text, start, end)):
        # What follows a term cut off the front is the name, not the word joining them: "the
        # Emergency Department of Calderbrook Royal Infirmary" read "the Emergency Department
        # (organisation)", the model's "of ..." outranking the hospital found inside it.
        start = link.end()
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if f.category == "PERSON" and end < f.end and _INITIAL_STOP_INSIDE.match(text, end) and _INITIAL_AT_END.search(text, start, end):
        # The full stop of a last initial, inside the sentence: "A.B. (mother)" read
        # "Person A. (mother)". At a sentence's end the stop is the sentence's too, and stays.
        end += 1
    if end - start < 2 and not lone_letter_name(f, text[start:end]):
        return None
    if (start, end) == (f.start, f.end):
        return f
    return replace(f, start=start, end=end, text=text[start:end])


def lone_letter_name(f: Finding, kept: str) -> bool:
    """Whether a span cut to one character is still a name: a capital letter a pattern found
    as a person's name, whole ('asking for "Z"', where the draft says someone is called so).
    A letter the model guessed, or one left of a longer span, is not."""
    return (
        f.category == "PERSON"
        and kept == f.text.strip(" \t\"'\u2018\u2019\u201c\u201d")
        and kept.isalpha()
        and kept.isupper()
        and not f.recogniser.startswith(MODEL_RECOGNISER_PREFIX)
    )


# A small word joining a practice term to the name after it ("... Department of Calderbrook").
_LINK_WORD = re.compile(r"(?:of|at|for|in|on|to|and|&|with|from)\s+(?=\S)", re.IGNORECASE)
# An initial ending a span ("A.B", "Jade B"), and its full stop with no new sentence after it.
_INITIAL_AT_END = re.compile(r"(?:^|[\s.])[A-Z]$")
_INITIAL_STOP_INSIDE = re.compile(r"\.(?=[ \t]*(?:[()\[\],;:]|[a-z]))")


def names_more_than_terms(
    f: Finding, glossary: list[tuple[int, int]], text: str, glossary_words: set[str], keep: KeepList
) -> bool:
    """Whether a guess that overlaps practice terms also has a capitalised word of its own.

    "Leeds" of "Leeds Crown Court" or "Parole" of "Parole Board" makes the practice term part
    of one body's name; a lower-case rest ("Ofsted inspection"), an article, a possessive or
    another practice word ("LSCB Chair") does not.
    """
    if not overlaps_any(f.start, f.end, glossary):
        return False
    return own_name_word(text, f.start, f.end, glossary, glossary_words, keep)


# A joining word inside a span, and what follows it to the end ("Kendal| with Mother|").
_JOINED_REST = re.compile(r"[ \t]+(?:with|and|&)[ \t]+(?P<rest>\S.*)$", re.DOTALL)


def cut_off_label(f: Finding, text: str, is_label: Callable[[str], bool]) -> Finding:
    """A model's place or body guess that runs on over "with" or "and" into a label the draft
    already uses ("Kendal with Mother", "Harrowfold and Child A") cut before the joining
    word: the label is the draft's own, and the guess swallowed it into "(organisation)". A
    model's name that runs on into a label in a bracket it leaves open ("Kerry-Ann (Mother")
    cut before the bracket."""
    if not f.recogniser.startswith(MODEL_RECOGNISER_PREFIX):
        return f
    if f.category == "PERSON":
        # "Kerry-Ann (Mother": the model's name ran into the label the draft gives in
        # brackets after it, and left the bracket open ("Person A) disclosed"). A nickname
        # in the bracket ("Sarah (Sal") is hers and stays in the span.
        opening = f.text.find("(")
        if opening > 0 and ")" not in f.text[opening:] and is_label(f.text[opening + 1 :].strip()):
            end = f.start + len(f.text[:opening].rstrip())
            return replace(f, end=end, text=text[f.start : end])
        return f
    joined = _JOINED_REST.search(f.text)
    if joined is None or not is_label(joined.group("rest").strip()):
        return f
    end = f.start + joined.start()
    return replace(f, end=end, text=text[f.start : end])
