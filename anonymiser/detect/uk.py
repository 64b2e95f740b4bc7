"""Coded recognisers for UK identifiers where a checksum or a library decides.

The shape-only identifiers (postcodes, NI numbers, plates, dates...) live as YAML under
``patterns/recognisers/`` so a consultant can edit them. The two here need code:

* ``NhsNumberRecogniser`` - a loose 3-3-4 digit shape, kept only when the mod-11 check digit
  (``stdnum.gb.nhs``) is right, so ordinary ten-digit numbers are not flagged.
* ``UkPhoneRecogniser`` - the ``phonenumbers`` library (Google's libphonenumber) finds phone
  numbers written the British way (``01632 960123``, ``+44 (0)20 7946 0123``) and
  international ones written with a ``+``.

Both work without NLP artifacts, so they can be tested and used without a spaCy model.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import Leniency
from presidio_analyzer import (
    AnalysisExplanation,
    EntityRecognizer,
    Pattern,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts
from stdnum.gb import nhs

from anonymiser.detect.pattern_recogniser import PatternRecogniser

NHS_NUMBER = "NHS_NUMBER"
PHONE = "PHONE"


class NhsNumberRecogniser(PatternRecogniser):
    """NHS numbers: ten digits, usually written 3-3-4, with a mod-11 check digit."""

    NAME = "NhsNumberRecogniser"
    # A regex match alone is weak evidence (any ten digits); the checksum lifts a match to
    # the maximum score and a failed checksum drops it, so this base score is only seen if
    # validation is switched off.
    BASE_SCORE = 0.3

    def __init__(self, supported_language: str = "en") -> None:
        # Patterns are built per instance: Presidio caches the compiled regex on the Pattern
        # object, and a class-level list would share that cache between engines.
        patterns = [
            Pattern(
                name="NHS number (3-3-4 or 10 digits)",
                # Same separator (space, hyphen, dot or none) throughout, and not part of a
                # longer run of digits such as a phone number or a crime reference.
                regex=r"(?<![\d/+\-.])\d{3}([ \-.]?)\d{3}\1\d{4}(?![\d/\-]|\.\d)",
                score=self.BASE_SCORE,
            ),
            Pattern(
                name="NHS number after its lead-in, in any grouping (NHS no.943-476-5919, NHS 943 4765 919)",
                # Records space the ten digits as they were read out, and write "no." with no
                # space after it; the general shape above missed both and they were published.
                # The lead-in names the number, so any single separators between its digits
                # do, a line break too (a wrapped table cell or note: "943 476" then "5919"
                # on the next line was published); the checksum still decides.
                regex=r"(?i:\bNHS)(?:\s*(?i:number|num|no)\.?)?\s*[:#]?\s*(?P<mask>\d(?:(?:[ \-.]|[ \t]*\r?\n[ \t]*)?\d){9})(?![\d/\-]|\.\d)",
                score=self.BASE_SCORE,
            ),
        ]
        super().__init__(
            supported_entity=NHS_NUMBER,
            name=self.NAME,
            supported_language=supported_language,
            patterns=patterns,
            context=["nhs", "number", "chi", "patient"],
        )

    def validate_result(self, pattern_text: str) -> bool:
        # The checksum is over the digits; python-stdnum strips spaces and hyphens, not dots.
        return bool(nhs.is_valid(re.sub(r"\D", "", pattern_text)))


class UkPhoneRecogniser(EntityRecognizer):
    """Phone numbers, read as a British reader would write them.

    Numbers that libphonenumber knows to be allocated (leniency VALID) score ``VALID_SCORE``.
    UK-shaped numbers that are well formed but not in an allocated range (Ofcom's drama
    ranges such as 07700 900xxx and 01632 960xxx, or a mistyped real number) still identify
    someone in a draft, so they are proposed at the lower ``UK_SHAPED_SCORE`` rather than
    missed.
    """

    NAME = "UkPhoneRecogniser"
    VALID_SCORE = 0.85
    UK_SHAPED_SCORE = 0.5
    REGION = "GB"

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entities=[PHONE],
            name=self.NAME,
            supported_language=supported_language,
            context=["phone", "telephone", "tel", "mobile", "call", "contact", "number"],
        )

    def load(self) -> None:  # nothing to load: libphonenumber's metadata ships with the package
        pass

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        if entities and PHONE not in entities:
            return []
        results: list[RecognizerResult] = []
        text = zeros_for_letter_o(text)
        for start, end in _digit_windows(text):
            results.extend(self._analyse_window(text, start, end))
        return EntityRecognizer.remove_duplicates(results)

    def _analyse_window(self, text: str, start: int, end: int) -> list[RecognizerResult]:
        window = text[start:end]
        results: list[RecognizerResult] = []
        valid_spans: list[tuple[int, int]] = []
        for match in phonenumbers.PhoneNumberMatcher(window, self.REGION, leniency=Leniency.VALID):
            valid_spans.append((match.start, match.end))
            results.append(self._result(text, start + match.start, start + match.end, self.VALID_SCORE, "valid"))
        for match in phonenumbers.PhoneNumberMatcher(window, self.REGION, leniency=Leniency.POSSIBLE):
            if any(match.start < e and s < match.end for s, e in valid_spans):
                continue
            if _looks_like_uk_number(match.raw_string, match.number):
                results.append(
                    self._result(text, start + match.start, start + match.end, self.UK_SHAPED_SCORE, "UK-shaped")
                )
        # libphonenumber reads its own candidates, and a date, a time or another number beside
        # a phone number spoils one ("03/05/2015    07700 900127" in a typed table, "14:30
        # 07700 900127", "01632 960123 07700 900127"): the phone number was published. A UK
        # number's own shape, found by itself, is proposed where nothing above was.
        found = [(r.start, r.end) for r in results]
        for match in _UK_SHAPE.finditer(window):
            s, e = start + match.start(), start + match.end()
            if not any(s < fe and fs < e for fs, fe in found):
                results.append(self._result(text, s, e, self.UK_SHAPED_SCORE, "UK-shaped (own pattern)"))
        return results

    def _result(
        self, text: str, start: int, end: int, score: float, why: str
    ) -> RecognizerResult:
        # libphonenumber's span can carry the whitespace before the number; the span we
        # report must be exactly the number so the writer does not eat a space.
        piece = text[start:end]
        start += len(piece) - len(piece.lstrip())
        end -= len(piece) - len(piece.rstrip())
        # It also takes the bracket that opens a note for an area code's: "(07700 900 127)"
        # lost its opening bracket ("(phone number))"). A bracket that is not closed inside
        # the number is the sentence's.
        if text[start] == "(" and ")" not in text[start:end]:
            start += 1
        explanation = AnalysisExplanation(
            recognizer=self.name,
            original_score=score,
            textual_explanation=f"{why} phone number found by libphonenumber",
        )
        return RecognizerResult(
            entity_type=PHONE,
            start=start,
            end=end,
            score=score,
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )


# libphonenumber parses every run of digits it meets (dates, years, paragraph numbers), which
# was most of its time. No phone number anywhere has fewer than seven digits (with a "+"
# country code; a UK number written with its 0 has at least eight), so the matcher reads only
# the stretches with that many digits close together, with a margin either side for what it
# checks around a number ("+", letters, "ext."). Margins that meet are merged.
_DIGIT_RUN = re.compile(r"\d(?:[\s().\-\u2013/]{0,4}\d)+")
MIN_PHONE_DIGITS = 7
WINDOW_MARGIN = 24


def _digit_windows(text: str) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for run in _DIGIT_RUN.finditer(text):
        if sum(c.isdigit() for c in run.group(0)) < MIN_PHONE_DIGITS:
            continue
        start, end = max(0, run.start() - WINDOW_MARGIN), min(len(text), run.end() + WINDOW_MARGIN)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


# A UK number written the UK way: a trunk 0 and ten digits (a first digit that is never 0),
# or +44 / 0044 and nine or ten, the digits in groups parted by one space, hyphen or dot, or
# one line break. Not part of a longer number, a date ("02.05.2015 07700...") or a code, and
# all ten digits must be there: "0012345678", a log and a date "0451-12032019" are not.
_UK_SHAPE = re.compile(
    r"(?<![\w+./\-:])(?:0|(?:\+44|0044)[ ]?(?:\(0\)[ ]?)?)(?=[1-9])(?:\d(?:[ .\-]|\n)?){9}\d(?![\d/])"
)


# A letter O typed for a zero ("07700 9OO 127", "O7700 900127"): libphonenumber reads no
# letters, and the whole number was published. Inside a run of digits and O's with no other
# letter touching it, an O is a zero; the text keeps its length, so every offset still holds.
# "O2", "Room 3O" or "NO" are not numbers here: only a phone number's shape is then accepted.
# Looked for at the letter first, which the search skips to (twice as fast as at a digit).
_O_BY_A_DIGIT = re.compile(r"[Oo](?<=\d[Oo])|[Oo](?=\d)")
_DIGITS_AND_OS = re.compile(r"(?<!\w)[\dOo]++(?!\w)")


def zeros_for_letter_o(text: str) -> str:
    """``text`` with each O or o that stands among digits (and no other letters) as a 0."""
    if _O_BY_A_DIGIT.search(text) is None:
        return text
    return _DIGITS_AND_OS.sub(_zeros, text)


def _zeros(word: re.Match[str]) -> str:
    digits = word.group(0)
    if digits.isdigit() or not any(c.isdigit() for c in digits):
        return digits
    return digits.replace("O", "0").replace("o", "0")


def _looks_like_uk_number(raw: str, number: phonenumbers.PhoneNumber) -> bool:
    """A possible-but-unallocated number counts only if it is written the UK way.

    The written form must start with a trunk ``0`` or ``+44``/``0044``; this is what keeps
    "section 47 1989" and American "(202) 555-0143" out, which libphonenumber would otherwise
    accept as *possible* GB numbers.
    """
    written = raw.lstrip("(").lstrip()
    if not (written.startswith("0") or written.startswith("+44")):
        return False
    if written.startswith("00") and not written.startswith("0044"):
        return False
    national = str(number.national_number)
    # UK national significant numbers are 10 digits (9 for a few old area codes) and never
    # start with 0.
    return number.country_code == 44 and len(national) in (9, 10)
