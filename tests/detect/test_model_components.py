"""Which of the model's components run: only what its named-entity recogniser needs."""

from __future__ import annotations

import gc

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


def test_the_tokenizer_loaded_once_is_the_models_own(detector: Detector) -> None:
    # The model's tokenizer is made empty and filled from the model's files once, not built
    # from the language's defaults first: the tokens must be exactly those of a normal load.
    from anonymiser.detect.model import UNUSED_COMPONENTS, tokenizer_override

    name = detector.settings.model
    assert tokenizer_override(name)  # the installed model has the standard tokenizer
    normal = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    ours = detector.nlp_engine.nlp["en"]
    # (The vocabulary grows as documents are read; the rules are what must match.)
    assert ours.tokenizer.to_bytes(exclude=["vocab"]) == normal.tokenizer.to_bytes(exclude=["vocab"])
    text = "Mr O'Neill's e-mail (j.o'neill@example.org) said: \"Kian's 2nd visit, 3/4/19 - 10:30am.\""
    assert [t.text for t in ours(text)] == [t.text for t in normal(text)]


def test_no_override_for_a_model_that_is_not_installed() -> None:
    from anonymiser.detect.model import tokenizer_override

    assert tokenizer_override("no_such_model_package") == {}


def test_the_detector_is_ready_when_built() -> None:
    # Patterns compiled, word lists read and the settings' matchers built at construction,
    # once per process (and shared by forked batch workers), not on the first document.
    from anonymiser.settings import load_settings

    settings = load_settings(scope="full")  # fresh: nothing has used its matchers yet
    assert "matcher" not in vars(settings.keep)
    thresholds = gc.get_threshold()
    detector = Detector(settings)
    assert "matcher" in vars(settings.keep)
    assert {"not_name_matcher", "leading_role", "adult_title"} <= set(vars(settings.people))
    patterns = [p for r in detector.registry.recognizers for p in getattr(r, "patterns", [])]
    assert patterns and all(p.compiled_regex is not None for p in patterns)
    # The drug names read in the background are in, and the collector (paused while
    # building) collects again as it did before.
    (medicines,) = [r for r in detector.registry.recognizers if r.name == "MedicationRecogniser"]
    assert medicines._names and medicines._loading is None
    assert gc.get_threshold() == thresholds
