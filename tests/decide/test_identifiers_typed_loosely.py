"""Identifiers typed loosely, as drafts and records really type them: a letter O for a zero in
a phone number, a PO Box or DX address, a house number set apart from its street ("no. 14 on
Ashcombe Row"), and, under strict, phone numbers and postcodes the model also reads as dates.

Session 9. Each leak row was published (or the label wrong) before its fix. Every name,
number and place is invented (Ofcom drama numbers, example.org).
"""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted

# (draft line, what must not be published)
LEAKS = [
    # A letter O (or o) typed for a zero: libphonenumber reads no letters, so the whole
    # number was published.
    ("Call Mother on 07700 9OO 127 after school.", "127"),
    ("Call Mother on O7700 900127 after school.", "900127"),
    ("Her mobile: 0770O 9001 27.", "9001"),
    ("Landline 01632 96O123 was cut off.", "96O123"),
    # A family's or a small business's PO Box or DX address identifies it as a street does.
    ("Write to PO Box 4471, Harrowfold HF1 2AB or DX 12345 Harrowfold.", "4471"),
    ("Write to PO Box 4471, Harrowfold HF1 2AB or DX 12345 Harrowfold.", "12345"),
    ("Write to PO Box 4471, Harrowfold HF1 2AB or DX 12345 Harrowfold.", "Harrowfold"),
    ("Letters went to P.O. Box 88, Hollinsby.", "88"),
    ("Post to the solicitors at DX 71234 Hollinsby 2.", "71234"),
    # A house number set apart from its street: the street was redacted, the number kept.
    ("The family lived at no. 14 on Ashcombe Row.", "14"),
    ("The family lived at number 14 on Ashcombe Row.", "14"),
    ("The family lived at No.14 Ashcombe Row.", "14"),
    ("They lived in flat 3 of 14 Ashcombe Row.", "flat 3"),
    ("The police attended the house at 14 on Ashcombe Row.", "14"),
    ("Mother moved to No 22a, Larch Grove.", "22a"),
    # From a red-team pass of about a hundred record lines (session 9).
    ("email address - tyler.b07 @ example.org", "tyler.b07"),
    ("Contact via k.marsh@example .org", "k.marsh"),
    ("Hospital number: RX1 445129", "445129"),
    ("UCI number: A12345678", "A12345678"),
    ("Lives at 14 ashcombe row, harrowfold.", "14"),
    ("Home address: 27 Mill Ln, Harrowfold HF2 3CD", "3CD"),
    ("Home address: 27 Mill Ln, Harrowfold HF2 3CD", "Harrowfold"),
    ("Moved to 3 The Paddocks, Hollinsby WM4 7QT.", "Paddocks"),
    ("Placed at 12 Church View Cottages, Hollinsby.", "Cottages"),
    ("postcode - WM4 7 QT", "7 QT"),
    ("DOB:- 03/05/2015", "2015"),
    ("Kian b. 03/05/2015.", "2015"),
    ("Due date 14/08/2019.", "2019"),
    ("Patient: Kian Marsh (M) DOB: 03-May-2015", "2015"),
    ("Father's DOB is 12/04/1989; mother's 14.03.1991.", "1991"),
    ("DOBs: 03/05/2015 (Kian), Mia's 14/08/2019.", "2019"),
    ("NI: QQ-12-34-56-C", "34-56"),
    ("GP practice code M12345.", "M12345"),
    ("CAD 451 12/03/2019", "451"),
    ("Kian's CP plan started 04/06/2019 (CP number 4451).", "4451"),
    # A date of birth given without its usual lead-in: the month and year were published.
    ("born at 23.14 on 3 May 2015", "2015"),
    ("Kian was born at Harrowfold General Hospital on 3 May 2015.", "2015"),
    ("Kian's 4th birthday was on 3 May 2019.", "May"),
    ("She turned 16 on 03/05/2021.", "2021"),
    ("Mia was born prematurely on 14 August 2019.", "2019"),
    ("Lived at 14 St. John's Road.", "John's"),
    ("Address: Rose Cottage, Mill Lane, Hollinsby", "Rose Cottage"),
    ("Crime ref: 41/12345/19, incident 0451.", "0451"),
    # Session 13: a house on a "The" street with no postcode after it, and a named house
    # after a word of living there; each was published.
    ("They moved to 9 The Paddocks, Little Ashby.", "Paddocks"),
    ("They moved to 9 The Paddocks, Little Ashby.", "Little"),
    ("The family lived at 14 The Maltings.", "Maltings"),
    ("Apartment 12, The Sidings, Hollinsby.", "Sidings"),
    ("She lived at Rose Cottage, Church Lane, Ashby Magna.", "Rose Cottage"),
    ("Mother was living at Top Farm with her aunt.", "Top Farm"),
    ("They moved to The Old Rectory in 2019.", "Old Rectory"),
]


@pytest.mark.parametrize(("text", "leak"), LEAKS, ids=[f"{leak}:{text[:24]}" for text, leak in LEAKS])
def test_identifier_is_not_published(each_policy: tuple[Settings, Detector], text: str, leak: str) -> None:
    settings, detector = each_policy
    out = redacted(text, settings, detector)
    assert leak not in out, out


# (draft line, label it must be published with): under strict the model reads some phone
# numbers and postcodes as dates too, and its date guess scored higher than a phone number
# outside an allocated range (the drama ranges) or a postcode with no context word:
# "(date)" was published for each.
LABELS = [
    ("Call Mother on 07700 900127 after school.", "(phone number)"),
    ("Landline 01632 960123 was disconnected.", "(phone number)"),
    ("She rang 999 from 07700 900 127 at night.", "(phone number)"),
    ("Seen at SW1A 1AA and at B1 1AA.", "at (postcode) and at (postcode)"),
    ("Claim number 4451 2290 11 (Universal Credit).", "number (reference number)"),
    ("Hospital number: RX1 445129", "number: (reference number)"),
]


@pytest.mark.parametrize(("text", "label"), LABELS, ids=[label + ":" + text[:20] for text, label in LABELS])
def test_identifier_has_its_own_label(each_policy: tuple[Settings, Detector], text: str, label: str) -> None:
    settings, detector = each_policy
    out = redacted(text, settings, detector)
    assert label in out and "(date)" not in out, out


# (draft line, words that must still be published)
KEPT = [
    # "No." before a number that is not a house's: a count, a list item, a form's box.
    ("Recommendation no. 14 on page 3 was accepted.", ["no. 14"]),
    ("There were 14 on the list at Ashcombe Row.", ["14 on the list"]),
    ("Number 10 said nothing.", ["Number 10"]),
    ("The DX code of the court is in the appendix.", ["DX code"]),
    ("They came 3 in a row and sat 2 very close.", ["3 in a row", "2 very close"]),
    ("Recommendation 3 The Board should act.", ["3 The Board"]),
    ("Reply to 3 The Board should act.", ["The Board"]),
    ("The findings at 4 The Review Panel agreed.", ["The Review Panel"]),
    ("Father went to The Hollies every week.", ["Father went"]),
    ("Mother lived at home with her parents.", ["at home"]),
    ("Section 2 at 4.1 The House of Commons report was cited.", ["House of Commons"]),
    ("She was seen at 10:15 by the midwife, b. 2 was said.", ["10:15"]),
    ("The review was born out of concern. On 3 May 2019 it began.", ["May 2019"]),
    ("Address: As above, with Mother.", ["As above"]),
]


@pytest.mark.parametrize(("text", "words"), KEPT, ids=[w[0] for _, w in KEPT])
def test_ordinary_words_are_published(settings: Settings, detector: Detector, text: str, words: list[str]) -> None:
    out = redacted(text, settings, detector)
    for word in words:
        assert word in out, out


# Rows of a table typed as text: (draft, words that must be published, labels that must be)
# The model's spans ran across the column gaps: "14/03/1991    07700 900128" was one date
# (the phone number lost its label), "Kayleigh Marsh<TAB>Mother" one organisation, and
# libphonenumber read a date and the phone number beside it as one bad number: the phone
# number of the row above was published.
TYPED_ROWS = [
    (
        "Name            DOB           Tel\n"
        "Kian Marsh      03/05/2015    07700 900127\n"
        "Kayleigh Marsh  14/03/1991    07700 900128",
        [],
        ["(date of birth)    (phone number)\n", "(date of birth)    (phone number)"],
    ),
    (
        "Name\tRelationship\tDOB\nKayleigh Marsh\tMother\t14/03/1991\nTyler Marsh\tSubject child\t02.05.2015",
        ["\tMother\t", "\tSubject child\t"],
        ["(date of birth)"],
    ),
]


@pytest.mark.parametrize(("draft", "words", "labels"), TYPED_ROWS, ids=["spaces", "tabs"])
def test_typed_table_cells_are_judged_apart(
    settings: Settings, detector: Detector, draft: str, words: list[str], labels: list[str]
) -> None:
    out = redacted(draft, settings, detector)
    for piece in [*words, *labels]:
        assert piece in out, out
    assert "900127" not in out and "900128" not in out, out
