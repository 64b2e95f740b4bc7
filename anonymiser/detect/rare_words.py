"""Rare words: raised for review, never silently kept or silently removed.

A word that is rare in English ("footbridge", "trampoline", "allotment") and is not practice
vocabulary may be the detail that lets a neighbour recognise the family. The recogniser
proposes it as a RARE_FEATURE with a low score, so the policy sends it to the consultant.
Rarity is measured with wordfreq's Zipf scale (a word used once per million words is 3).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from wordfreq import zipf_frequency

RARE_WORD_RECOGNISER = "rare_word"
# Below this Zipf frequency a lower-case word counts as rare (about 1 in 2 million words).
RARE_ZIPF = 2.7
# wordfreq's English leans American: "generalised" and "haemorrhage" look rarer than they
# are. A word's frequency is the highest over these spelling variants.
_US_SPELLINGS = (
    (re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"tre(s)?$"), r"ter\1"),
    (re.compile(r"ae"), "e"),
    (re.compile(r"oe"), "e"),
    (re.compile(r"ss(es|ed|ing)$"), r"s\1"),
    (re.compile(r"ll(ed|ing|er)$"), r"l\1"),
)


def frequency(word: str) -> float:
    """Zipf frequency of a word, forgiving British spellings and hyphens."""
    forms = {word, word.replace("-", "")}
    for pattern, replacement in _US_SPELLINGS:
        forms |= {pattern.sub(replacement, f) for f in list(forms)}
    return max(zipf_frequency(f, "en") for f in forms)
MIN_LENGTH = 6
# Endings that make another form of a practice word: "chronologies" is the keep list's
# "chronology", "antenatally" its "antenatal". Only raised words are looked up this way.
_INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ly", ""))


def _forms(word: str) -> Iterable[str]:
    yield word
    for ending, base in _INFLECTIONS:
        if word.endswith(ending):
            yield word[: -len(ending)] + base


# A rare word made from a common one by an ordinary prefix or ending says no more than the
# common word: "uninjured", "untidy", "disorganisation", "actioned" and "referrer" were raised
# for review in the sample IMRs, and "inconsistently" in a finding. The common word must be
# at least this frequent (about 3 in a million words). Compounds ("footbridge") and learned
# prefixes ("hypernasal") stay rare.
COMMON_BASE_ZIPF = 3.5
_PREFIXES = ("un", "dis", "non", "mis", "re", "in", "im", "il", "ir")
_ENDINGS = ("ness", "ment", "ing", "ed", "er", "ly")


def _bases(word: str) -> Iterable[str]:
    """The words ``word`` may be made from by one prefix or ending of the lists above."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            yield word[len(prefix) :].lstrip("-")
    for ending in _ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 4:
            yield stem
            yield stem + "e"  # "scraped" is "scrape"
            if len(stem) > 4 and stem[-1] == stem[-2]:
                yield stem[:-1]  # "referrer" is "refer"
# A word's inflection says no more than the word: "flinched" and "babbles" (what a nursery
# recorded of a child) were raised for review, though "flinch" and "babble" are not rare.
# Only the endings of tense and number, whose base need only not be rare itself; not "-ing",
# which names an activity that may be the detail ("trampolining").
_INFLECTION_ENDINGS = ("es", "ed", "s", "d")


def _inflection_bases(word: str) -> Iterable[str]:
    """The words ``word`` may be an inflection of ("babbles": "babble", "flinched": "flinch")."""
    for ending in _INFLECTION_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 4:
            yield stem
            if ending == "ed":
                yield stem + "e"  # "scraped" is "scrape"
                if stem[-1] == stem[-2]:
                    yield stem[:-1]  # "sobbed" is "sob"


_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][a-z-]{4,}[a-z](?![\w'\u2019-])")


class RareWordRecogniser(EntityRecognizer):
    """RARE_FEATURE: lower-case words rarer than RARE_ZIPF that are not practice words."""

    def __init__(self, practice_words: Iterable[str]) -> None:
        self._practice = frozenset(w.lower() for w in practice_words)
        # Whether each word seen is rare, kept for the life of the detector: a word's
        # frequency never changes, and looking it up (with its British spellings) is most of
        # this recogniser's time. Bounded by the vocabulary of the documents read.
        self._rarity: dict[str, bool] = {}
        super().__init__(supported_entities=["RARE_FEATURE"], name=RARE_WORD_RECOGNISER, supported_language="en")

    def load(self) -> None:
        return None

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = []
        rarity = self._rarity
        for match in _WORD.finditer(text):
            word = match.group(0)
            if len(word) < MIN_LENGTH or word in self._practice:
                continue
            if word not in rarity:
                parts = word.split("-")
                rarity[word] = (
                    frequency(word) < RARE_ZIPF
                    and not any(form in self._practice for p in parts for form in _forms(p))
                    and all(frequency(p) < 4.5 for p in parts if p)
                    and not any(frequency(base) >= COMMON_BASE_ZIPF for base in _bases(word))
                    and not any(frequency(base) >= RARE_ZIPF for base in _inflection_bases(word))
                )
            if rarity[word]:
                results.append(
                    RecognizerResult(
                        entity_type="RARE_FEATURE",
                        start=match.start(),
                        end=match.end(),
                        score=0.3,
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: RARE_WORD_RECOGNISER,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        },
                    )
                )
        return results
