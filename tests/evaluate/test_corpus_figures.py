"""The figures the issues ask for, on the sample corpus, measured by `anonymiser eval`'s code."""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.evaluate.corpus import CorpusReport, evaluate_corpus
from anonymiser.settings import Settings, load_settings
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


# The second case (session 13): another family, area and author, with its own case file. Its
# gold was written before the tool first ran on it; first sight was 96.6% direct, 93.3% other,
# 91.9% kept (.txt). What is still published: two rare features only a case file can name
# (corpus_samples/README.md, "The second case"); the letter "Z" men asked for at the door was
# the last direct identifier published, until the lead's fix.
SECOND_CASE = SAMPLES / "second_case"


@pytest.fixture(scope="module")
def second_report(detector: Detector) -> CorpusReport:
    settings = load_settings(scope="full", case_file=SECOND_CASE / "case.yml")
    return evaluate_corpus(SECOND_CASE, settings, detector)


def test_the_second_case_is_evaluated_in_both_formats(second_report: CorpusReport) -> None:
    assert sorted(d.name for d in second_report.documents) == ["cspr_overview_draft.docx", "cspr_overview_draft.txt"]


def test_every_direct_identifier_of_the_second_case_is_redacted(second_report: CorpusReport) -> None:
    total = second_report.total()
    assert total.direct.share == 1.0, total.missed


def test_at_least_97_percent_of_the_second_case_other_strings_are_redacted(second_report: CorpusReport) -> None:
    total = second_report.total()
    assert total.other.share is not None and total.other.share >= 0.97, total.missed


def test_at_least_97_percent_of_the_second_case_must_keep_terms_are_kept(second_report: CorpusReport) -> None:
    total = second_report.total()
    assert total.kept.share is not None and total.kept.share >= 0.97, total.dropped
