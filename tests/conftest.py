"""Shared fixtures: settings and the detector (the spaCy model) are built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings, load_settings

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "corpus_samples"
CASE_FILE = SAMPLES / "case.yml"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def settings() -> Settings:
    """The default policy (scr), whole-document scope, no case file."""
    return load_settings(scope="full")


@pytest.fixture(scope="session")
def detector(settings: Settings) -> Detector:
    """One detector (model and recognisers loaded once) for the whole test session.

    The detector depends only on the model and patterns, not on the policy, scope or case
    file, so tests with other settings may share it.
    """
    return Detector(settings)


@pytest.fixture(scope="session")
def case_settings() -> Settings:
    """scr policy, whole document, with the sample case file."""
    return load_settings(scope="full", case_file=CASE_FILE)
