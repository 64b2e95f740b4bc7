"""The search of the output for every redacted string (verify/rescan.py). Invented names."""

from __future__ import annotations

from anonymiser.decide.keep import TermMatcher
from anonymiser.detect.names import Variant
from anonymiser.verify.rescan import verify_chunks

CLARE = [Variant("Clare", case_sensitive=False)]


def test_a_redacted_name_left_in_the_output_is_a_hit() -> None:
    report = verify_chunks([("body, paragraph 3", "Person A met Clare at the clinic.")], CLARE)
    assert not report.passed
    assert report.hits == ["body, paragraph 3, characters 13-18"]


def test_a_name_inside_a_practice_term_is_not_a_hit() -> None:
    chunks = [("body, paragraph 1", "Clare's Law was explained to Person A.")]
    assert not verify_chunks(chunks, CLARE).passed
    assert verify_chunks(chunks, CLARE, terms=TermMatcher(["Clare's Law"])).passed


def test_terms_and_labels_are_allowed_together() -> None:
    # One overlapping the other: each is allowed where it stands.
    chunks = [("body, paragraph 1", "Clare's Law Clinic C and Person C")]
    secrets = [*CLARE, Variant("C", case_sensitive=True)]
    report = verify_chunks(chunks, secrets, ["Person C", "Clinic C"], terms=TermMatcher(["Clare's Law"]))
    assert report.passed


def test_the_same_name_outside_the_term_is_still_a_hit() -> None:
    chunks = [("body, paragraph 1", "Clare's Law was explained to Clare.")]
    report = verify_chunks(chunks, CLARE, terms=TermMatcher(["Clare's Law"]))
    assert report.hits == ["body, paragraph 1, characters 29-34"]


def test_a_name_in_the_output_file_name_fails_the_document(tmp_path, settings, detector) -> None:  # type: ignore[no-untyped-def]
    # The output is named after the draft: "Lorna_Pennyfeather-IMR.txt" published the name
    # on the file, and verification, which read only the contents, passed it.
    from anonymiser.api import redact_many

    draft = tmp_path / "Lorna_Pennyfeather-IMR.txt"
    draft.write_text("1. FINDINGS\n\n1.1 Lorna Pennyfeather was seen by the health visitor.\n", encoding="utf-8")
    (outcome,) = redact_many([draft], tmp_path / "out", settings, detector=detector)
    assert not outcome.ok and "file name" in (outcome.error or "")
    assert not list((tmp_path / "out").glob("*"))
    safe = tmp_path / "imr-draft-3.txt"
    safe.write_text(draft.read_text(encoding="utf-8"), encoding="utf-8")
    (outcome,) = redact_many([safe], tmp_path / "out", settings, detector=detector)
    assert outcome.ok, outcome.error
