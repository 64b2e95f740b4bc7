"""The figures the issues ask for, on the sample corpus, measured by `anonymiser eval`'s code."""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.evaluate.corpus import CorpusReport, evaluate_corpus
from anonymiser.settings import Settings
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def report(case_settings: Settings, detector: Detector) -> CorpusReport:
    return evaluate_corpus(SAMPLES, case_settings, detector)


def test_every_sample_draft_is_evaluated(report: CorpusReport) -> None:
    names = {d.name for d in report.documents}
    assert {p.name for p in SAMPLES.glob("*.gold.yml")} and len(names) == 2 * len(list(SAMPLES.glob("*.gold.yml")))


def test_every_direct_identifier_is_redacted_in_every_sample(report: CorpusReport) -> None:
    for doc in report.documents:
        assert doc.direct.total > 0
        assert doc.direct.hit == doc.direct.total, (doc.name, doc.missed)


def test_at_least_97_percent_of_other_strings_are_redacted(report: CorpusReport) -> None:
    total = report.total()
    assert total.other.share is not None and total.other.share >= 0.97, total.missed


def test_at_least_98_percent_of_must_keep_terms_are_kept(report: CorpusReport) -> None:
    total = report.total()
    assert total.kept.share is not None and total.kept.share >= 0.98, total.dropped
