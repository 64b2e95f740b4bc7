from __future__ import annotations

import pytest

from anonymiser.detect.titled_names import titled_name_recogniser
from anonymiser.settings import Settings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The GP, Dr Imran Qureshi, saw him.", ["Dr Imran Qureshi"]),
        # Surname particles: "DI Rhys" alone was found, and the rest published.
        ("Her line manager, DI Rhys ap Gwilym, agreed.", ["DI Rhys ap Gwilym"]),
        ("Mrs van der Berg and Dr Ana de Souza", ["Mrs van der Berg", "Dr Ana de Souza"]),
        ("Ms Marsh said she was tired.", ["Ms Marsh"]),
        ("DC Reeve and PC Daniel Reeve attended.", ["DC Reeve", "PC Daniel Reeve"]),
        ("Detective Constable Daniel Reeve", ["Detective Constable Daniel Reeve"]),
        ("judges Mr M.N. Özmen and Mr L.-E. Pettiti", ["Mr M.N. Özmen", "Mr L.-E. Pettiti"]),
        ("Sir John Freeland and Lord Justice Buxton", ["Sir John Freeland", "Lord Justice Buxton"]),
        ("a letter from Mr MARSH", ["Mr MARSH"]),
        ("Mr A. The applicant", ["Mr A."]),
        ("the doctor saw the child", []),
        ("the GP, Doctor P. Dekovic, wrote", ["Doctor P. Dekovic"]),
        # A non-breaking hyphen (U+2011) inside a double-barrelled name.
        ("their agent, Ms Nina Holm\u2011Carstensen, said", ["Ms Nina Holm\u2011Carstensen"]),
        ("Lord Ravelston of Kirkmuir, QC, and Baroness Ellery", ["Lord Ravelston of Kirkmuir", "Baroness Ellery"]),
        ("Mr Orme of the Council", ["Mr Orme"]),
        # Initials without dots before the surname.
        ("Mr J R Orme said", ["Mr J R Orme"]),
        ("Mr A. N Loukides, Sir John Freeland", ["Mr A. N Loukides", "Sir John Freeland"]),
        ("Mr A The applicant", []),
        ("Mrs the lady", []),
        # A collar number between the rank and the name is masked with them.
        ("PC 4471 Grainger attended and DC 1234 Amy Reeve", ["PC 4471 Grainger", "DC 1234 Amy Reeve"]),
        ("PC 4471 attended", []),
    ],
)
def test_titled_names(settings: Settings, text: str, expected: list[str]) -> None:
    recogniser = titled_name_recogniser(settings.people.titles, settings.people.peerages)
    found = [text[r.start : r.end] for r in recogniser.analyze(text, ["PERSON"])]
    assert found == expected
