"""Shared fixtures: settings and the detector (the spaCy model) are built once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings, load_settings

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "corpus_samples"
CASE_FILE = SAMPLES / "case.yml"
SHARED = REPO.parent / "shared"


def settings_with_case(folder: Path, case_yaml: str, **options: str) -> Settings:
    """Settings (whole-document scope unless ``options`` say otherwise) with the case file
    ``case_yaml``, written as ``folder / "case.yml"``."""
    path = folder / "case.yml"
    path.write_text(case_yaml, encoding="utf-8")
    return load_settings(**{"scope": "full", **options}, case_file=path)


@pytest.fixture(scope="session", autouse=True)
def list_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A list cache of the session's own (detect/list_cache.py), so that no test reads or
    writes the user's; the command-line tests' processes inherit it."""
    folder = tmp_path_factory.mktemp("list-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ANONYMISER_CACHE", str(folder))
        yield folder


@pytest.fixture(scope="session")
def settings() -> Settings:
    """The default policy (scr), whole-document scope, no case file."""
    return load_settings(scope="full")


@pytest.fixture(scope="session")
def detector(settings: Settings) -> Detector:
    """One detector (model and recognisers loaded once) for the whole test session.

    The detector depends on the model, the patterns and the policy's extra model labels
    (strict adds amounts and events), not on the scope or case file: tests with the scr
    policy and any scope or case file may share it; strict tests build their own.
    """
    return Detector(settings)


@pytest.fixture(scope="session")
def case_settings() -> Settings:
    """scr policy, whole document, with the sample case file."""
    return load_settings(scope="full", case_file=CASE_FILE)


@pytest.fixture(scope="session")
def strict_settings() -> Settings:
    """The strict policy, whole-document scope, no case file."""
    return load_settings(policy="strict", scope="full")


@pytest.fixture(scope="session")
def strict_detector(strict_settings: Settings) -> Detector:
    """A detector for the strict policy, whose extra model labels (events, amounts) the scr
    detector does not map; built once for the session."""
    return Detector(strict_settings)


@pytest.fixture(params=["scr", "strict"])
def each_policy(
    request: pytest.FixtureRequest,
    settings: Settings,
    detector: Detector,
    strict_settings: Settings,
    strict_detector: Detector,
) -> tuple[Settings, Detector]:
    """Each policy's settings (whole-document scope, no case file) and its detector, in turn."""
    return (settings, detector) if request.param == "scr" else (strict_settings, strict_detector)
