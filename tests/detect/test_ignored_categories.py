"""A recogniser whose every category the policy ignores is not run: scr ignores the phrases
only strict masks (jobs by sentence shape, health in general words, government bodies, times
of day), which cost about a tenth of a second per 40,000 words and could change nothing."""

from __future__ import annotations

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.detect.recognisers import load_one

STRICT_ONLY = {"health_phrases", "occupation_phrase", "government_department", "UkTimeRecogniser"}


def _names(detector: Detector) -> set[str]:
    return {r.name for r in detector.registry.recognizers}


def test_scr_leaves_out_what_it_ignores(settings: Settings, detector: Detector) -> None:
    ignored = {
        r
        for r in STRICT_ONLY
        if all(settings.policy.rule(e).action == "ignore" for e in load_one(r).supported_entities)
    }
    assert ignored == STRICT_ONLY
    assert _names(detector).isdisjoint(STRICT_ONLY)


def test_strict_runs_them(strict_detector: Detector) -> None:
    assert STRICT_ONLY <= _names(strict_detector)

