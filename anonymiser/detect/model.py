"""The spaCy model, loaded for NER only, and the recogniser that turns its entities into findings."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import (
    NerModelConfiguration,
    NlpArtifacts,
    SpacyNlpEngine,
)
from spacy.attrs import IDX, LENGTH, LOWER
from spacy.language import Language
from spacy.pipeline import Tok2Vec
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from anonymiser.detect.context import ChunkWords
from anonymiser.errors import ModelNotInstalled
from anonymiser.settings import ContextLabel

# Detection needs only the entities: the parser, tagger, attribute ruler and lemmatiser cost
# more than half of the model's time (measured: tok2vec+ner alone is about twice as fast as
# the full pipeline). Presidio matches context words against lemmas; lower-case token texts
# stand in for them (see LocalSpacyNlpEngine._artifacts and context.py), which is why context
# words in patterns/recognisers/ are written in their plain forms.
UNUSED_COMPONENTS = ("parser", "tagger", "attribute_ruler", "lemmatizer", "senter")

# Every model guess is reported by a recogniser named "spacy_model:<label>" ("spacy_model:PERSON").
MODEL_RECOGNISER_PREFIX = "spacy_model"

# spaCy builds a model's standard tokenizer twice on load: from the language's defaults when
# the pipeline is made, then again from the model's own files, which hold all of it (special
# cases, prefixes, suffixes, infixes, URL and token matches). Made empty first, it is built
# once: about 0.12 s off every start, and off every batch before its workers fork. Only for
# the standard tokenizer; a model with its own tokenizer is loaded as it says.
STANDARD_TOKENIZER = "spacy.Tokenizer.v1"
EMPTY_TOKENIZER = "anonymiser.empty_tokenizer.v1"


@spacy.registry.tokenizers(EMPTY_TOKENIZER)
def empty_tokenizer() -> Callable[[Language], Tokenizer]:
    def create(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return create


def tokenizer_override(model_name: str) -> dict[str, Any]:
    """The config override that loads ``model_name``'s tokenizer once, or none."""
    try:
        package = Path(spacy.util.get_package_path(model_name))
        configs = sorted(package.glob("*/config.cfg"))
        config = spacy.util.load_config(configs[0]) if len(configs) == 1 else None
    except (ImportError, OSError, ValueError):
        config = None
    if config is None or config["nlp"].get("tokenizer", {}).get("@tokenizers") != STANDARD_TOKENIZER:
        return {}
    return {"nlp": {"tokenizer": {"@tokenizers": EMPTY_TOKENIZER}}}


def drop_unheard_tok2vec(nlp: Language) -> None:
    """Remove shared embedding components that no remaining component listens to.

    In the small, medium and large English models the recogniser embeds words itself; the
    shared ``tok2vec`` feeds only the tagger and parser, which are excluded. Run anyway, it
    was a sixth of the model's time (55,000 words: 7.4 s with it, 6.2 s without, the same
    entities). A model whose recogniser does listen to it keeps it.
    """
    for name, component in list(nlp.pipeline):
        if isinstance(component, Tok2Vec) and not component.listening_components:
            nlp.remove_pipe(name)


class LocalSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine, but it loads an installed model and never downloads one."""

    def __init__(self, model_name: str, mapping: Mapping[str, str]) -> None:
        super().__init__(
            models=[{"lang_code": "en", "model_name": model_name}],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping=dict(mapping), labels_to_ignore=[]
            ),
        )
        self.model_name = model_name
        self._keywords: dict[str, bool] = {}

    def load(self) -> None:
        if not spacy.util.is_package(self.model_name):
            raise ModelNotInstalled(
                f"the spaCy model package {self.model_name!r} is not installed; run `make setup` "
                "or `pip install` the model package named in patterns/anonymiser.yml "
                "(anonymiser never downloads models)"
            )
        nlp = spacy.load(
            self.model_name, exclude=list(UNUSED_COMPONENTS), config=tokenizer_override(self.model_name)
        )
        if "ner" not in nlp.pipe_names:
            raise ModelNotInstalled(f"the spaCy model {self.model_name!r} has no named-entity recogniser")
        drop_unheard_tok2vec(nlp)
        # Documents are cut into chunks below this size by the detector; the limit is only a
        # guard against a chunking bug turning into a memory blow-up.
        nlp.max_length = 2_000_000
        self.nlp = {"en": nlp}

    def read(self, texts: Sequence[str], batch_size: int) -> Iterator[tuple[NlpArtifacts, ChunkWords]]:
        """The model over ``texts`` with ``nlp.pipe`` batching: each text's artifacts for the
        recognisers and its words for the context rule, from one pass over its tokens."""
        for doc in self.nlp["en"].pipe(texts, batch_size=batch_size):
            indices, lengths, lowers = _token_columns(doc)
            yield self._artifacts(doc, indices, lowers), ChunkWords.of(indices, lowers, lengths, self.is_keyword)

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        indices, _lengths, lowers = _token_columns(doc)
        return self._artifacts(doc, indices, lowers)

    @staticmethod
    def _artifacts(doc: Doc, indices: list[int], lowers: list[str]) -> NlpArtifacts:
        # Presidio's version also builds lemmas (none here), keywords for its own context
        # enhancer (context.py finds them) and filters the entities by its label mapping
        # (ModelEntityRecogniser maps them itself): work that was a tenth of detection.
        # No lemmatiser runs: the lower-case text stands for each word's lemma, for context
        # words and for the medicines recogniser.
        entities = list(doc.ents)
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=indices,
            lemmas=lowers,
            nlp_engine=None,
            language="en",
            scores=[0.85] * len(entities),
        )

    def is_keyword(self, word: str) -> bool:
        """Whether a lower-case word can be a context word: Presidio's test (not a stop word,
        not punctuation, not "be"), remembered per word."""
        known = self._keywords.get(word)
        if known is None:
            lexeme = self.nlp["en"].vocab[word]
            known = not lexeme.is_stop and not lexeme.is_punct and word not in ("be", "-PRON-") and ":" not in word
            self._keywords[word] = known
        return known


def _token_columns(doc: Doc) -> tuple[list[int], list[int], list[str]]:
    """Each token's start offset, length and lower-case text, read from the doc's arrays
    (making a Python object per token took longer than the rest of this step)."""
    if not len(doc):
        return [], [], []
    columns = doc.to_array([IDX, LENGTH, LOWER])
    strings = doc.vocab.strings
    return columns[:, 0].tolist(), columns[:, 1].tolist(), [strings[h] for h in columns[:, 2].tolist()]


class ModelEntityRecogniser(EntityRecognizer):
    """Findings from the model's own entities, with a score per label.

    Presidio's SpacyRecognizer gives every entity 0.85; a PERSON and a FAC guess are not
    equally trustworthy, so the scores come from ``model_scores`` in patterns/anonymiser.yml.
    A label's category can depend on the words next to it (``label_by_context``): the model's
    NORP is a language before "interpreter", a nationality before "national".
    """

    def __init__(
        self,
        mapping: Mapping[str, str],
        scores: Mapping[str, float],
        by_context: Sequence[ContextLabel] = (),
    ) -> None:
        self._mapping = dict(mapping)
        self._scores = dict(scores)
        self._by_context = [_CompiledContextLabel.of(rule) for rule in by_context]
        super().__init__(
            supported_entities=sorted(set(self._mapping.values()) | {r.category for r in self._by_context}),
            name=MODEL_RECOGNISER_PREFIX,
            supported_language="en",
        )

    def load(self) -> None:  # the model is loaded by the NLP engine
        return None

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if nlp_artifacts is None or nlp_artifacts.tokens is None:
            return []
        doc: Any = nlp_artifacts.tokens
        results = []
        for ent in doc.ents:
            category = self._mapping.get(ent.label_)
            score = self._scores.get(ent.label_, 0.5)
            if category is not None:
                rule = next(
                    (r for r in self._by_context if r.fits(ent.label_, text, ent.start_char, ent.end_char)), None
                )
                if rule is not None:
                    category, score = rule.category, rule.score if rule.score is not None else score
            if category is None or (entities and category not in entities):
                continue
            results.append(
                RecognizerResult(
                    entity_type=category,
                    start=ent.start_char,
                    end=ent.end_char,
                    score=score,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: f"{MODEL_RECOGNISER_PREFIX}:{ent.label_}",
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results


@dataclass(frozen=True)
class _CompiledContextLabel:
    label: str
    category: str
    after: re.Pattern[str] | None
    before: re.Pattern[str] | None
    score: float | None

    @classmethod
    def of(cls, rule: ContextLabel) -> _CompiledContextLabel:
        def words(phrases: Sequence[str]) -> str:
            # Longest first, and any run of spaces or a hyphen between words.
            return "|".join(
                r"[\s-]+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True)
            )

        after = re.compile(rf"[\s-]*(?:{words(rule.after)})\b", re.IGNORECASE) if rule.after else None
        before = re.compile(rf"\b(?:{words(rule.before)})[\s:]*$", re.IGNORECASE) if rule.before else None
        return cls(rule.label, rule.category, after, before, rule.score)

    def fits(self, label: str, text: str, start: int, end: int) -> bool:
        """Whether the entity ``text[start:end]`` with ``label`` has this rule's words next to it."""
        if label != self.label:
            return False
        if self.after is not None and self.after.match(text, end, min(len(text), end + 40)):
            return True
        return self.before is not None and self.before.search(text, max(0, start - 40), start) is not None
