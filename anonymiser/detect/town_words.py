"""Towns and villages the model does not know, found by the words before them.

The small model finds "Bolton" and "Penzance" but publishes many small places: "They moved
to Kingsbridge", "relatives in Cleethorpes", "a caravan park outside Padstow". A capitalised
word right after a word only a place follows (patterns/people.yml ``town_before``: "in",
"near") or after a word of going or living there and its preposition (``travel_words``:
"moved to", "was born in") is proposed as a place when it is rare as an English word (a
common one is "in March", "to Court", "in Year 4"), is no first name of the lists (a person
there is other recognisers' work: "went to Jordan's"), and no practice word ("in Ofsted's
view", "to CAMHS"). The score sends it to the consultant under scr: a guess from context,
redacted until they say otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from anonymiser.detect.rare_words import frequency
from anonymiser.settings import PeopleWords

TOWN_WORD_RECOGNISER = "town_after_place_word"
# Rarer than this (Zipf) as an English word: "Kingsbridge" 2.3, "Croydon" 3.2, "Bolton" 3.7
# (the model's), "March" and "Court" far above. The frequency forgives British spellings.
TOWN_BELOW_ZIPF = 3.5
# Below every policy's auto_at for LOCATION, so that each goes to the consultant.
_SCORE = 0.5
# A capitalised word with a small letter in it (not an abbreviation such as "CAMHS"), and up to
# two more after it ("Newton Abbot", "Market Harborough").
_TOWN = r"(?P<town>[A-Z][a-z][\w-]*(?:[ \t]+[A-Z][a-z][\w-]*){0,2})(?![\w-])"
_WORD = re.compile(r"[^\s]+")


class TownWordRecogniser(EntityRecognizer):
    """LOCATION: a rare capitalised word after a word that only a place follows."""

    def __init__(
        self, words: PeopleWords, never_words: Iterable[str], is_first_name: Callable[[str], bool]
    ) -> None:
        self._never = frozenset(w.lower() for w in never_words)
        self._is_first_name = is_first_name
        # One search over the text: the lead-in with case ignored, the place's capitals heeded.
        self._pattern = re.compile(rf"(?i:{words.town_lead_in})[ \t]+{_TOWN}")
        # Whether each word is rare and no name or practice word, kept for the detector's life.
        self._rare: dict[str, bool] = {}
        super().__init__(supported_entities=["LOCATION"], name=TOWN_WORD_RECOGNISER, supported_language="en")

    def load(self) -> None:
        return None

    def _rare_place_word(self, word: str) -> bool:
        known = self._rare.get(word)
        if known is None:
            low = word.lower()
            known = self._rare[word] = (
                not self._never_word(word)
                and not self._is_first_name(word)
                and frequency(low) < TOWN_BELOW_ZIPF
            )
        return known

    def _never_word(self, word: str) -> bool:
        low = word.lower()
        return low in self._never or any(part in self._never for part in low.split("-"))

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = []
        for match in self._pattern.finditer(text):
            words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, *match.span("town"))]
            rare = [i for i, (_s, _e, word) in enumerate(words) if self._rare_place_word(word)]
            if not rare:
                continue
            # The place runs to its last rare word ("Kingsbridge" of "Kingsbridge Hospital":
            # the hospital is the institution patterns'), from its first word ("Market
            # Harborough") unless a practice word comes before the rare one.
            first = 0 if not any(self._never_word(w) for _s, _e, w in words[: rare[0]]) else rare[0]
            start, end = words[first][0], words[rare[-1]][1]
            if text[end : end + 1] in ("'", "\u2019"):
                continue  # "went to Kezia's": a person's possessive, whatever the word
            results.append(
                RecognizerResult(
                    entity_type="LOCATION",
                    start=start,
                    end=end,
                    score=_SCORE,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: TOWN_WORD_RECOGNISER,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results
