"""Whether one of the model's weaker guesses counts, at the policy's level of trust.

The model calls many things a date, a place or a body that identify no one ("the following
week", "Background", "the Review Panel"); the policy's ``model_guesses`` says how specific a
guess must be before it is redacted.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from wordfreq import zipf_frequency

from anonymiser.decide.capitals import in_capitals, word_parts
from anonymiser.decide.words import DEMONYM_ENDINGS

_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    "july|august|september|october|november|december"
)


# The model calls many things DATE ("the following week", "2018", "three months"); only
# calendar dates identify. Our date recognisers find those; this keeps the model's exact ones.
_CALENDAR_DATE = re.compile(rf"\d.*\b(?:{_MONTHS})\b|\b(?:{_MONTHS})\b.*\d|\d{{1,2}}[/.-]\d{{1,2}}", re.IGNORECASE)


_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|hundred|several|many"
)


# A dated expression: a number, a month or weekday, or a counted span of time ("two years").
_DATED = re.compile(
    rf"\d|\b(?:{_MONTHS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    rf"|\b(?:{_NUMBER_WORDS})\b.*\b(?:day|week|month|year|hour)s?\b",
    re.IGNORECASE,
)


_HAS_NUMBER = re.compile(rf"\d|\b(?:{_NUMBER_WORDS}|dozen|half|quarter)\b", re.IGNORECASE)


# A number on its own that cannot be a year: the model calls the numbers of articles, rules,
# paragraphs and laws ("Article 48", "Rules 37 and 38", "Law no. 3713") dates.
_NOT_A_YEAR = re.compile(r"\d{1,3}|(?!1[89]\d\d\b|20\d\d\b)\d{4,}")


# The model's guesses of names that a heading in capitals gives it: bodies, places and the
# titles of works. Nationalities and languages are not among them: "POLISH" is one in capitals.
_NAMED_IN_CAPITALS = frozenset({"ORGANISATION", "AGENCY", "LOCATION", "RARE_FEATURE"})


def model_guess_counts(
    text: str,
    category: str,
    glossary_words: set[str],
    level: str,
    *,
    opens_sentence: bool = False,
    in_heading: bool = False,
    ordinary: Callable[[str, str | None], bool] | None = None,
    written_in_lower_case: Callable[[str], bool] | None = None,
) -> bool:
    """Whether one of the model's weaker guesses counts, at the policy's level of trust.

    ``ordinary(word, word_before)`` says whether a word of a guess written in capitals names
    nothing (see ``WordCases``)."""
    if level == "specific":
        if _model_guess_is_specific(text, category, glossary_words):
            return True
        # A place the model names with words common in English ("Leeds", "Bradford",
        # "Jordan": common as names, not as words) was dropped, and the town the family
        # lived in was published. It counts if the draft never writes its words in lower case,
        # as it does "findings" or "background" (which the model also reads as places).
        if category != "LOCATION" or written_in_lower_case is None:
            return False
        tokens = re.findall(r"[^\W\d_][\w'\u2019\-]*", text)
        if len(tokens) == 1 and opens_sentence and in_heading and zipf_frequency(tokens[0].lower(), "en") >= 4.0:
            # As at the "proper" level: a lone common word opening a heading, where every
            # word may be capitalised, is no town ("4.11 Leadership and culture" read
            # "(place) and culture"; the draft never wrote "leadership" in lower case).
            return False
        named = [t for t in tokens if t.lower() not in ("the", "of", "and", "upon", "on")]
        return bool(named) and all(
            t[:1].isupper() and t.lower() not in glossary_words and not written_in_lower_case(t) for t in named
        )
    # "proper": a dated expression, or a proper name that is more than a lone common word.
    if category == "DATE":
        return bool(_DATED.search(text)) and not _NOT_A_YEAR.fullmatch(text.strip())
    if category == "QUANTITY":
        # An amount has a number: what is left of a paragraph's number read as a percentage
        # ("Methodology" of "1.5 Methodology") is not one.
        return bool(_HAS_NUMBER.search(text))
    if ordinary is not None and category in _NAMED_IN_CAPITALS and in_capitals(text):
        # In capitals every word looks like a name: "SUMMARY OF INVOLVEMENT" was a place. The
        # guess counts only for a word the draft does not write as an ordinary word.
        parts = [w for _, w in word_parts(text)]
        if all(ordinary(w, parts[i - 1] if i else None) for i, w in enumerate(parts)):
            return False
    tokens = re.findall(r"[^\W\d_][\w'\u2019\-]*", text)
    named = [t for t in tokens if t[:1].isupper() and t.lower() not in ("the", "a", "an")]
    if not named and category in ("ORGANISATION", "LOCATION", "ETHNICITY", "RARE_FEATURE"):
        return False
    # A lone common word is a generic body ("Court", "Government"), not a name; a lone common
    # word that is a place ("Turkey", "Reading") still counts, except as the first word of a
    # heading, where every word may be capitalised: "Background to the review" was a place.
    # A nationality opening a sentence must look like one: "Scans showed" was an ethnicity.
    if len(tokens) == 1 and category == "ETHNICITY" and opens_sentence:
        return tokens[0].lower().endswith(DEMONYM_ENDINGS)  # "Polish was", not "Scans showed"
    return not (
        len(tokens) == 1
        and zipf_frequency(tokens[0].lower(), "en") >= 4.0
        and (category == "ORGANISATION" or (opens_sentence and in_heading and category == "LOCATION"))
    )


def _model_guess_is_specific(text: str, category: str, glossary_words: set[str]) -> bool:
    """Whether one of the model's weaker guesses could identify anyone.

    Dates must be calendar dates (the model also calls "the following week" a DATE). An
    organisation or place must have a word that is neither an ordinary English word nor a
    practice word: "the Review Panel", "Social Care" and "Background" identify no one,
    "Westmere Crown Court" may. A nationality or ethnicity must look like one ("Polish",
    "White British"), not a sentence-initial noun the model misread ("Scans").
    """
    if category == "DATE":
        return bool(_CALENDAR_DATE.search(text))
    if category in ("ORGANISATION", "LOCATION"):
        # A hyphenated word is one word: "Ellie-Mae" is rare, though "Ellie" and "Mae" are not.
        tokens = [re.sub(r"['\u2019]s?$", "", t) for t in re.findall(r"[A-Za-z][\w'\u2019-]*", text)]
        return any(
            t.lower() not in glossary_words and zipf_frequency(t.lower(), "en") < 3.5
            for t in tokens
            if t.lower() not in ("the", "of", "and")
        )
    if category == "ETHNICITY":
        tokens = text.split()
        return bool(tokens) and all(t[:1].isupper() for t in tokens) and any(
            t.lower().endswith(DEMONYM_ENDINGS) for t in tokens
        )
    return True
