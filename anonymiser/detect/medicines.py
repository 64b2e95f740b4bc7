"""Named medicines, from the drug-named-entity-recognition library's dictionary.

A named prescription is a rare feature that can identify a family; published reviews write
"(specified medication)". The library matches drug names and synonyms on tokens; we give it
the spaCy tokens that the model already made, so no second tokenisation is needed.
"""

from __future__ import annotations

from typing import Any

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from wordfreq import zipf_frequency

# Drug dictionaries include ordinary words that are also brand names or synonyms ("Calm",
# "Alert", "Today"); a one-word match that is a common English word is skipped.
COMMON_WORD_ZIPF = 4.0


class MedicationRecogniser(EntityRecognizer):
    """MEDICATION: a medicine named in the text (sertraline, methadone, Calpol)."""

    NAME = "MedicationRecogniser"

    def __init__(self, supported_language: str = "en") -> None:
        self._find_drugs: Any = None
        super().__init__(
            supported_entities=["MEDICATION"], name=self.NAME, supported_language=supported_language
        )

    def load(self) -> None:
        # Imported here: the library loads its dictionary (about 1.5 s) on import, once per
        # process, when the detector is built.
        from drug_named_entity_recognition import find_drugs

        self._find_drugs = find_drugs

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if nlp_artifacts is None or nlp_artifacts.tokens is None:
            return []
        tokens = list(nlp_artifacts.tokens)
        words = [t.text for t in tokens]
        results = []
        for _drug, first, last in self._find_drugs(words, is_ignore_case=True):
            span = tokens[first:last]
            if not span:
                continue
            matched = " ".join(t.text for t in span)
            if not any(ch.isalpha() for ch in matched):
                continue
            if len(span) == 1 and zipf_frequency(matched.lower(), "en") >= COMMON_WORD_ZIPF:
                continue
            start, end = span[0].idx, span[-1].idx + len(span[-1].text)
            results.append(
                RecognizerResult(
                    entity_type="MEDICATION",
                    start=start,
                    end=end,
                    score=0.8,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results
