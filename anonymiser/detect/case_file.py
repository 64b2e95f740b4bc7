"""The case file as a Presidio ad-hoc recogniser: what the consultant already knows.

Built per document (Presidio's ``ad_hoc_recognizers`` live for one call), from the people,
addresses, schools and terms in ``--case CASE.yml``. Every variant of a listed name is found,
case-insensitively except for initials and names that are also ordinary words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from anonymiser.detect.names import (
    Variant,
    compile_variants,
    find_all,
    has_no_capitals,
    lower_case_variants,
    name_tokens,
    name_variants,
)
from anonymiser.detect.rare_words import frequency
from anonymiser.settings import CaseFile, CasePerson

CASE_FILE_RECOGNISER = "case_file"
CASE_SCORE = 1.0
# One paragraph of the chunk the recogniser reads: a stretch with no blank line in it, nor
# a line break followed by the control character "unit separator" (a wall between units, so
# that no pattern runs from one into the next).
_PARAGRAPH = re.compile(r"(?:(?!\n[ \t]*\n|\n\x1f).)+", re.DOTALL)


@dataclass(frozen=True)
class CaseMatcher:
    """A compiled matcher for one case-file entry."""

    category: str
    pattern: re.Pattern[str]
    person: CasePerson | None = None
    replacement: str | None = None
    # The person's names that are ordinary words ("Brook", "Joy"), in any case: matched only
    # in a paragraph with no capitals ("brook asleep. mum joy says ..."), where a capital says
    # nothing. None when no name of theirs is an ordinary word.
    lower_pattern: re.Pattern[str] | None = None

    def matches(self, text: str) -> bool:
        """Whether ``text`` is one of this entry's forms as a whole (a form in lower case only
        as a paragraph with no capitals has it)."""
        if self.pattern.fullmatch(text):
            return True
        return self.lower_pattern is not None and has_no_capitals(text) and bool(self.lower_pattern.fullmatch(text))


# A school's short name needs a word this rare in English (Zipf), four letters or more:
# "Hollinsgate" of "Hollinsgate Academy", not "High" of "High School".
_SHORT_NAME_ZIPF = 3.0
_SHORT_NAMED = frozenset({"SCHOOL", "NURSERY"})


def school_short_name(name: str, kinds: Sequence[str], keep: Sequence[str]) -> str | None:
    """``name`` without the ``kinds`` words ending it ("Hollinsgate" of "Hollinsgate
    Academy", "St Wilfrid's" of "St Wilfrid's CE Primary School"), if what is left has a rare
    word and is not on the case file's keep list; else None."""
    words = name.split()
    kind_words = sorted((k.lower().split() for k in kinds), key=len, reverse=True)
    stripped = True
    while stripped:
        stripped = False
        for kind in kind_words:
            if len(kind) < len(words) and [w.lower() for w in words[-len(kind) :]] == kind:
                words, stripped = words[: -len(kind)], True
                break
    short = " ".join(words)
    if short == " ".join(name.split()) or short.lower() in {k.lower() for k in keep}:
        return None
    letters = [re.sub(r"['\u2019]s$", "", w) for w in re.findall(r"[^\W\d_][\w'\u2019-]*", short)]
    return short if any(len(w) >= 4 and frequency(w.lower()) < _SHORT_NAME_ZIPF for w in letters) else None


def case_matchers(
    case: CaseFile, titles: Sequence[str] = (), not_initials: Sequence[str] = (), school_kinds: Sequence[str] = ()
) -> list[CaseMatcher]:
    """One matcher per listed person and term. ``not_initials`` are the letters that between
    lower-case words abbreviate a word ("bruise L cheek"), not a listed person's initial. A
    school or nursery is also found by its short name (``school_short_name``)."""
    matchers: list[CaseMatcher] = []
    for person in case.people:
        variants = name_variants(person.name, person.aliases, titles=titles, initial=True, not_initials=not_initials)
        pattern = compile_variants(variants)
        if pattern is not None:
            words = [w for n in (person.name, *person.aliases) for w in name_tokens(n)]
            lower = compile_variants(lower_case_variants(variants, words))
            matchers.append(CaseMatcher("PERSON", pattern, person, person.pseudonym, lower))
    for term in case.terms:
        short = school_short_name(term.text, school_kinds, case.keep) if term.category in _SHORT_NAMED else None
        forms = [term.text, *([short] if short else [])]
        pattern = compile_variants([Variant(form, case_sensitive=False) for form in forms])
        if pattern is not None:
            matchers.append(CaseMatcher(term.category, pattern, None, term.replacement))
    return matchers


class CaseFileRecogniser(EntityRecognizer):
    """Finds every case-file entry. Scores 1.0: the consultant said so."""

    def __init__(self, matchers: Sequence[CaseMatcher]) -> None:
        self._matchers = list(matchers)
        super().__init__(
            supported_entities=sorted({m.category for m in self._matchers}) or ["PERSON"],
            name=CASE_FILE_RECOGNISER,
            supported_language="en",
        )

    def load(self) -> None:
        return None

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = []
        # The paragraphs (joined by blank lines in a chunk) typed with no capitals.
        lower = [(m.start(), m.group(0)) for m in _PARAGRAPH.finditer(text) if has_no_capitals(m.group(0))]
        for matcher in self._matchers:
            spans = [*find_all(matcher.pattern, text)]
            if matcher.lower_pattern is not None:
                spans += [
                    (offset + start, offset + end, found)
                    for offset, paragraph in lower
                    for start, end, found in find_all(matcher.lower_pattern, paragraph)
                ]
            for start, end, _ in spans:
                results.append(
                    RecognizerResult(
                        entity_type=matcher.category,
                        start=start,
                        end=end,
                        score=CASE_SCORE,
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: CASE_FILE_RECOGNISER,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        },
                    )
                )
        return results
