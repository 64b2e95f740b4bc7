"""`anonymiser batch` without a case file: a person one draft names in full is found in the
other drafts by the forms a case-file person would be, with the same label.

Each draft is detected on its own, so a draft that writes only "Con" or "Treharne" (the model
missed both: a short form at a sentence's start, a surname it took for nothing) published it,
or failed closed, although another draft of the batch names Connor Treharne in full. Every
name here is invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from anonymiser.batch import SettingsSpec, run_batch
from anonymiser.batch.people import searched_in_other_drafts
from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings

SPEC = SettingsSpec(scope="full")

CONNOR = "Health contact\n\nThe health visitor saw Connor Treharne at home on 3 May 2019.\n"


def write(folder: Path, drafts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in drafts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def anonymised(out: Path, document: str) -> str:
    return (out / document.replace(".txt", ".anonymised.txt")).read_text(encoding="utf-8")


def run(
    tmp_path: Path, drafts: dict[str, str], settings: Settings, detector: Detector, workers: int = 1
) -> tuple[Path, dict[str, str]]:
    out = tmp_path / f"out{workers}"
    result = run_batch(write(tmp_path / "in", drafts), out, SPEC, workers=workers, settings=settings, detector=detector)
    return out, {r.document: r.status for r in result.rows}


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize(
    ("draft", "expected", "elsewhere"),
    [
        # A short form the model missed (a sentence's start, a possessive).
        (
            "School contact\n\nCon was quiet and withdrawn in class. Teachers noticed Con's bruises on a Monday.\n",
            "School contact\n\nPerson A was quiet and withdrawn in class. Teachers noticed Person A's bruises on a Monday.\n",
            True,
        ),
        # A surname alone, which the model took for nothing.
        (
            "Referral\n\nTreharne did not attend the review meeting.\n",
            "Referral\n\nPerson A did not attend the review meeting.\n",
            True,
        ),
        # The first name alone and the surname after a title, which the draft finds itself:
        # as before, labelled as the batch's Connor Treharne.
        (
            "School contact\n\nStaff said Connor was often late. The school wrote to Mr Treharne's address.\n",
            "School contact\n\nStaff said Person A was often late. The school wrote to Person A's address.\n",
            False,
        ),
    ],
    ids=["short form", "surname", "first name and titled surname"],
)
def test_a_name_another_draft_gives_in_full_is_found_with_its_label(
    tmp_path: Path, settings: Settings, detector: Detector,
    draft: str, expected: str, elsewhere: bool, workers: int,
) -> None:
    out, statuses = run(tmp_path, {"a.txt": CONNOR, "b.txt": draft}, settings, detector, workers)
    assert statuses == {"a.txt": "ok", "b.txt": "ok"}
    assert anonymised(out, "a.txt") == CONNOR.replace("Connor Treharne", "Person A").replace(
        "3 May 2019", "(a date in May 2019)"
    )
    assert anonymised(out, "b.txt") == expected
    # The review log says where a name found through another draft came from.
    log = json.loads((out / "b.review.json").read_text(encoding="utf-8"))
    rows = [e for e in log["entities"] if e["replacement"] == "Person A"]
    assert rows and all(("a.txt" in e["reason"]) == elsewhere for e in rows)


def test_the_same_output_whatever_the_order_of_the_drafts(
    tmp_path: Path, settings: Settings, detector: Detector
) -> None:
    # The draft with the full name comes last in the batch: the label is still the batch's.
    drafts = {
        "a.txt": "School contact\n\nCon was quiet and withdrawn in class. Teachers noticed Con's bruises.\n",
        "b.txt": CONNOR,
    }
    out, statuses = run(tmp_path, drafts, settings, detector)
    assert statuses == {"a.txt": "ok", "b.txt": "ok"}
    assert "Con" not in anonymised(out, "a.txt")
    assert "Person A was quiet" in anonymised(out, "a.txt")
    assert "saw Person A at home" in anonymised(out, "b.txt")


def test_a_first_name_two_people_bear_stays_the_drafts_own(
    tmp_path: Path, settings: Settings, detector: Detector
) -> None:
    # c.txt names another Connor in full: its "Connor" is him, not the Connor of a.txt.
    drafts = {
        "a.txt": CONNOR,
        "c.txt": "Nursery contact\n\nConnor Pellow was seen on 2 June 2019. Staff said Connor was happy.\n",
    }
    out, statuses = run(tmp_path, drafts, settings, detector)
    assert statuses == {"a.txt": "ok", "c.txt": "ok"}
    assert anonymised(out, "c.txt") == (
        "Nursery contact\n\nPerson B was seen on (a date in June 2019). Staff said Person B was happy.\n"
    )


@pytest.mark.parametrize(
    "draft",
    [
        # Ordinary words and practice terms that are words of the names in a.txt.
        "Summary\n\nWe hope the family will engage with Early Help. The early help offer was made in 2019.\n",
        # A word that begins with a name's first letters but is no short form of it.
        "Summary\n\nThe Conference was held in the town hall. Members said it went well.\n",
    ],
    ids=["common words", "longer word"],
)
def test_an_unrelated_word_is_not_redacted(
    tmp_path: Path, settings: Settings, detector: Detector, draft: str
) -> None:
    drafts = {
        "a.txt": "Health contact\n\nThe health visitor saw Connor Treharne and Hope Early at home.\n",
        "b.txt": draft,
    }
    out, statuses = run(tmp_path, drafts, settings, detector)
    assert statuses == {"a.txt": "ok", "b.txt": "ok"}
    assert anonymised(out, "b.txt") == draft


def test_an_agency_the_draft_keeps_may_hold_another_drafts_name(
    tmp_path: Path, settings: Settings, detector: Detector
) -> None:
    """The model of one draft took the area's name for a person ("the Westmere multi-agency
    procedures"), and every draft that kept "Westmere Constabulary" failed: the name was
    still in its output. What a draft keeps (an agency's name) may hold it; anywhere else it
    still fails the draft."""
    area = (
        "Procedures\n\n4.3 The review found that the Westmere multi-agency procedures contain only a short "
        'reference to "significant adults in the household".\n'
    )
    agency = "Police contact\n\nWestmere Constabulary attended the address in May 2019.\n"
    out, statuses = run(tmp_path, {"a.txt": area, "b.txt": agency}, settings, detector)
    assert "Westmere" not in anonymised(out, "a.txt")  # the model's person, as the draft decided
    assert statuses["b.txt"] == "ok"
    assert anonymised(out, "b.txt") == agency
    loose = "Police contact\n\nThe officer spoke to Westmere at the address in May 2019.\n"
    _, statuses = run(tmp_path / "again", {"a.txt": area, "c.txt": loose}, settings, detector)
    assert statuses["c.txt"] != "ok"


def test_a_shared_surname_and_a_titled_one_keep_their_own_labels(
    tmp_path: Path, settings: Settings, detector: Detector
) -> None:
    """The batch's labels are keyed by the name's text, and a draft held two people under
    "Marsh": the surname several family members share ("(family name)") and "Ms Marsh", whom
    the draft kept apart from the child Kian Marsh. Both took the child's label: "the Person B
    family"."""
    source = Path("corpus_samples/imr_police_draft.txt").read_text(encoding="utf-8")
    out, statuses = run(tmp_path, {"imr_police_draft.txt": source}, settings, detector)
    assert statuses == {"imr_police_draft.txt": "ok"}
    log = json.loads((out / "imr_police_draft.review.json").read_text(encoding="utf-8"))
    labels = {e["replacement"] for e in log["entities"] if e["text"] == "Marsh"}
    child = {e["replacement"] for e in log["entities"] if e["text"] == "Kian Marsh"}
    assert "(family name)" in labels and not labels & child


@pytest.mark.parametrize(
    ("name", "searched"),
    [
        # A lone ordinary word one draft's model took for a person (the heading "Schools and
        # Early Years" read "Person O"): every other draft with the heading failed.
        ("Schools", False),
        ("Learning", False),
        # Names of the lists, rare words and full names are still searched for.
        ("Hope", True),
        ("Brown", True),
        ("Treharne", True),
        ("Alwyn Treharne", True),
    ],
)
def test_which_names_other_drafts_are_searched_for(name: str, searched: bool, settings: Settings) -> None:
    assert searched_in_other_drafts(name, settings) is searched
