"""Names no list holds and the model does not see, found by the verb after them.

"Okonkwo was poor." and "Zuzanna ate her lunch." were published: a surname or first name the
name lists lack, and the model read as nothing (or as a place: "Nkechi told the teacher" read
"(place) told"). A capitalised word that is no English word at all (wordfreq has scarcely
seen it), no practice word and no title, right before a verb a person does or a sentence's
subject takes (patterns/people.yml ``person_verbs``, ``verbs_after_name``, ``subject_verbs``,
``past_tenses``, or a past tense in -ed), is proposed as a person for review. A word that
ends as English places do (people.yml ``place_word_endings``: "Kettlebrook was flooded",
which was published) is proposed as a place for review instead; any other town there is
redacted as a person, which the consultant sees either way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from anonymiser.detect.rare_words import frequency

if TYPE_CHECKING:  # settings imports decide/spans.py, which imports this module's name
    from anonymiser.settings import PeopleWords

UNKNOWN_NAME_RECOGNISER = "unknown_name_before_verb"
# Rarer than this (Zipf) as an English word: "Zuzanna" 1.3, "Kowalczyk" 1.9, "Okonkwo" 1.9
# (a novel's hero); a town or brand the lists lack may be as rare, which review sorts out.
# Common words and most surnames that are words ("Marsh", "Hill") are far above.
NAME_BELOW_ZIPF = 2.0
# Below the policy's automatic level for a person, so that each goes to the consultant; a
# weak sign, which a name another draft of the batch gives in full outweighs (spans.py).
_SCORE = 0.55


class UnknownNameRecogniser(EntityRecognizer):
    """PERSON: a capitalised word unknown to English right before a person's verb."""

    def __init__(self, words: PeopleWords, never_words: Iterable[str]) -> None:
        self._never = frozenset(w.lower() for w in never_words)
        self._place_endings = tuple(e.lower() for e in words.place_word_endings)
        verbs = words.any_name_verb
        # The verb may be any past tense in -ed ("Okonkwo failed to attend"), written in
        # small letters: a capitalised word in -ed is the next word of a body's name ("NHS
        # Norfolk and Waveney Integrated Care Board" read "Person A Integrated"); a possessive
        # before it is a person's too ("Okonkwo's mother said"), which the other rules take.
        # Not after "the": "The Treharnes moved house" is a family by its plural name (the
        # family-name rules' own), "the Kettlebrook estate" a place.
        self._pattern = re.compile(
            rf"(?<![\w'\u2019.-])(?<!(?i:the)[ \t])(?P<name>[A-Z][a-z\u00df-\u00ff\u0100-\u017f][\w\u00df-\u017f'\u2019-]*)"
            rf"(?=[ \t]+(?:(?i:{verbs})|[a-z]{{2,}}ed)\b)"
        )
        self._unknown: dict[str, bool] = {}
        super().__init__(supported_entities=["PERSON", "LOCATION"], name=UNKNOWN_NAME_RECOGNISER, supported_language="en")

    def load(self) -> None:
        return None

    def _unknown_word(self, word: str) -> bool:
        known = self._unknown.get(word)
        if known is None:
            low = word.lower()
            known = self._unknown[word] = (
                low not in self._never
                and not any(part in self._never for part in low.split("-"))
                and frequency(low) < NAME_BELOW_ZIPF
            )
        return known

    def _entity(self, word: str) -> str:
        # Ending as English places do, it is a town the gazetteer lacks ("Kettlebrook was
        # flooded"), hidden as a place for the consultant rather than published.
        return "LOCATION" if word.lower().endswith(self._place_endings) else "PERSON"

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = []
        for match in self._pattern.finditer(text):
            name = match.group("name")
            if not self._unknown_word(name):
                continue
            results.append(
                RecognizerResult(
                    entity_type=self._entity(name),
                    start=match.start("name"),
                    end=match.end("name"),
                    score=_SCORE,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: UNKNOWN_NAME_RECOGNISER,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results
