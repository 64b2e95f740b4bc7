"""Which of the model's components run: only what its named-entity recogniser needs."""

from __future__ import annotations

import spacy

from anonymiser.detect.engine import Detector
from anonymiser.detect.model import drop_unheard_tok2vec


def test_the_installed_model_runs_its_recogniser_alone(detector: Detector) -> None:
    # The small model's recogniser embeds words itself; its shared tok2vec only fed the
    # excluded tagger and parser.
    assert detector.nlp_engine.nlp["en"].pipe_names == ["ner"]


def _listening_pipeline() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec")
    nlp.add_pipe(
        "ner",
        config={
            "model": {
                "@architectures": "spacy.TransitionBasedParser.v2",
                "state_type": "ner",
                "extra_state_tokens": False,
                "hidden_width": 16,
                "maxout_pieces": 2,
                "use_upper": True,
                "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "*"},
            }
        },
    )
    return nlp


def test_a_tok2vec_the_recogniser_listens_to_is_kept() -> None:
    nlp = _listening_pipeline()
    drop_unheard_tok2vec(nlp)
    assert nlp.pipe_names == ["tok2vec", "ner"]


def test_a_tok2vec_nothing_listens_to_is_dropped() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec")
    nlp.add_pipe("ner")
    drop_unheard_tok2vec(nlp)
    assert nlp.pipe_names == ["ner"]
