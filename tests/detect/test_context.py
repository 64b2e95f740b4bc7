"""Context words (anonymiser/detect/context.py) give exactly the scores Presidio's
LemmaContextAwareEnhancer gives, with lower-case words standing in for lemmas."""

from __future__ import annotations

import copy

from presidio_analyzer import AnalysisExplanation
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts

from anonymiser.detect.context import boost_by_context, context_words
from anonymiser.detect.engine import Detector

TEXT = (
    "Her date of birth is 12/03/2016 and the crime reference was WC/12345/19. "
    "Call the mobile on 07700 900123; the number 01632 960456 is the landline. "
    "On 4 May 2019 the family moved; postcode LE1 7RH, NHS number 943 476 5919. "
    "Nothing near these: 07700 900789, AB/12345/20, 1 June 2020. The code CD/54321/18 reference. "
    "A long way after a context word, many words later, comes 020 7946 0123."
)


def test_scores_are_presidios(detector: Detector) -> None:
    artifacts, words = next(detector.nlp_engine.read([TEXT], batch_size=1))
    recognisers = sorted(detector.registry.get_recognizers(language="en", all_fields=True), key=lambda r: r.name)
    raw = [r for rec in recognisers for r in rec.analyze(TEXT, detector.entities, artifacts) or []]
    assert len(raw) >= 10
    for result in raw:  # Presidio's enhancer writes into the explanation
        result.analysis_explanation = AnalysisExplanation("x", result.score)
    theirs_artifacts = NlpArtifacts(
        entities=artifacts.entities,
        tokens=artifacts.tokens,
        tokens_indices=artifacts.tokens_indices,
        lemmas=artifacts.lemmas,
        nlp_engine=detector.nlp_engine,
        language="en",
    )
    theirs = LemmaContextAwareEnhancer().enhance_using_context(TEXT, raw, theirs_artifacts, recognisers)
    ours = copy.deepcopy(raw)
    boost_by_context(ours, words, context_words(recognisers))
    key = lambda r: (r.start, r.end, r.entity_type, r.recognition_metadata["recognizer_name"])  # noqa: E731
    assert sorted((key(r), r.score) for r in ours) == sorted((key(r), r.score) for r in theirs)
    assert any(a.score > b.score for a, b in zip(ours, raw)), "some context word must have counted"
