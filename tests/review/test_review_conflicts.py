"""A consultant's added redaction inside text another row keeps, and a failed `apply`.

Before the fix, adding "Tamsin" (a name the tool had missed) while keeping "Tamsin Greaves
Primary School" wrote an output that still said "Tamsin", reported verification passed, and
warned only that the added row was "not found in the draft". And a failed `apply` left the
previous `apply`'s output in the folder, where it looked like the result of the run that
failed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.errors import ConfigError
from anonymiser.pipeline import process_document
from anonymiser.review.apply import apply_review
from anonymiser.settings import Settings
from tests.review.samples import added_row, edit_review

DRAFT = (
    "Introduction\n\nThe children attended Tamsin Greaves Primary School. A neighbour "
    "called the police.\n\nRecommendations\n\nThe Board should review the early help offer.\n"
)
SCHOOL = "Tamsin Greaves Primary School"


@pytest.fixture()
def first_csv(tmp_path: Path, settings: Settings, detector: Detector) -> tuple[Path, Path]:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    process_document(draft, tmp_path / "review", settings, detector)
    return draft, tmp_path / "review" / "draft.review.csv"


def _decide(csv_path: Path, *, keep_school: bool, add_first_name: bool) -> None:
    def change(rows: list[dict[str, str]]) -> None:
        for r in rows:
            if r.get("category") != "SECTION" and r.get("id"):
                r["decision"] = "keep" if keep_school and r.get("text") == SCHOOL else "redact"
        assert any(r.get("text") == SCHOOL for r in rows), "the school must be a finding of its own"
        if add_first_name:
            rows.append(added_row("PERSON", "Tamsin", "Neighbour"))

    edit_review(csv_path, change)


def test_an_added_name_inside_a_kept_row_is_refused(
    first_csv: tuple[Path, Path], tmp_path: Path, settings: Settings, detector: Detector
) -> None:
    draft, csv_path = first_csv
    _decide(csv_path, keep_school=True, add_first_name=True)
    with pytest.raises(ConfigError, match="would still be in the output"):
        apply_review(draft, csv_path, tmp_path / "final", settings, detector)
    assert not (tmp_path / "final" / "draft.anonymised.txt").exists()


def test_a_failed_apply_removes_the_previous_output(
    first_csv: tuple[Path, Path], tmp_path: Path, settings: Settings, detector: Detector
) -> None:
    draft, csv_path = first_csv
    _decide(csv_path, keep_school=False, add_first_name=False)
    final = tmp_path / "final"
    apply_review(draft, csv_path, final, settings, detector)
    assert (final / "draft.anonymised.txt").exists()
    _decide(csv_path, keep_school=True, add_first_name=True)  # now contradictory
    with pytest.raises(ConfigError):
        apply_review(draft, csv_path, final, settings, detector)
    left = sorted(p.name for p in final.iterdir() if not p.name.startswith("."))
    assert left == [], f"stale outputs left after a failed apply: {left}"
