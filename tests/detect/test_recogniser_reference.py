"""CaseReferenceRecogniser (patterns/recognisers/references.yml): case and crime references."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import found as found_by
from tests.detect.recognisers import load_one

ENTITY = "REFERENCE"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("CaseReferenceRecogniser")


def found(recogniser: EntityRecognizer, text: str) -> list[str]:
    return found_by(recogniser, text, ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("case WC/12345/19 was opened", ["WC/12345/19"]),
        ("ref CR/0456/2019.", ["CR/0456/2019"]),
        ("(LA-2019-004512)", ["LA-2019-004512"]),
        ("Crime ref 43/12345/19 recorded", ["43/12345/19"]),
        ("crime reference number: 12AB/3456 noted", ["12AB/3456"]),
        ("URN 12AB3456789", ["12AB3456789"]),
        ("care proceedings ZW19C00123 were", ["ZW19C00123"]),
        ("Police incident no. 0456 logged", ["0456"]),
        ("crime reference WC/19/118342.", ["WC/19/118342"]),
        ("incident log WC-20190414-0173.", ["WC-20190414-0173"]),
        ("held under WCC/CSC/458213 on the system", ["WCC/CSC/458213"]),
        ("PNC ID 13/402877P, and", ["13/402877P"]),
        ("Children's Hospital number RP4471823)", ["RP4471823"]),
        # Spaced groups after the lead-in, and a force's log number of a day.
        ("Hospital number RX 445 2291 was used", ["RX 445 2291"]),
        ("Incident 2145 of 12/03/2019 was logged", ["2145"]),
        ("log 88 of 4 May", ["88"]),
        # From the session 8 red-team of agency record styles: each was published.
        ("PC 2217 Hughes attended; collar number 4451.", ["2217", "4451"]),
        ("Collar no. 4451; shoulder number 2217.", ["4451", "2217"]),
        ("PCSO 7781 and PC Hughes 2217 attended.", ["7781", "2217"]),
        ("Log 0451-12032019 refers to the call.", ["0451-12032019"]),
        ("Patient ID: 0044 7182 on the ED card.", ["0044 7182"]),
        ("Universal Credit claim ref 4451 2290 11.", ["4451 2290 11"]),
        ("Sort code 20-00-00, account number 12345678, held by mother.", ["20-00-00", "12345678"]),
        ("Bank details: a/c 12345678 s/c 40-11-22.", ["12345678", "40-11-22"]),
        ("Account no: 12345678, sort code: 20 00 00.", ["12345678", "20 00 00"]),
        ("Rent account 0045-1122-3 was in arrears.", ["0045-1122-3"]),
        ("The referral (MASH ref: 2019/00451) was screened.", ["2019/00451"]),
        ("Seen by Dr A. Patel (GMC 7012345) at the practice.", ["7012345"]),
        ("Hosp. No. 0044718 2 on the label.", ["0044718 2"]),
        ("Paeds A&E card no. 19/04471.", ["19/04471"]),
        ("Taxi licence number 0451.", ["0451"]),
        ("UPN — A123456789012.", ["A123456789012"]),
        ("Candidate number 4451 at the exam centre.", ["4451"]),
        ("Bank: Barclays, a/c no. 12345678, s/code 20-00-00.", ["12345678", "20-00-00"]),
        ("IBAN GB33BUKB20201555555555 was given for the refund.", ["GB33BUKB20201555555555"]),
        ("Passport no. 123456789 was seized.", ["123456789"]),
        ("Driving licence MARSH905126K99AB held.", ["MARSH905126K99AB"]),
        ("Licence MARSH905126K99AB was produced.", ["MARSH905126K99AB"]),
        ("Prison number A1234BC at HMP Harrowfold.", ["A1234BC"]),
        ("IMEI 356938035643809 was seized with the phone.", ["356938035643809"]),
        ("Student no. 20194451 at Harrowfold College.", ["20194451"]),
        ("Incident ref no 451 of 12/03/19", ["451"]),
        # "is" or "was" after a record's number word (session 13: published).
        ("His custody record number is 13/AB/4412/20.", ["13/AB/4412/20"]),
        ("The crime reference was 41/12345/19.", ["41/12345/19"]),
    ],
)
def test_finds_references(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "under section 47 of the Children Act 1989",
        "see paragraph 4.12",
        "Seen on 12/03/2019",
        "Working Together 2018",
        "with reference to the GP letter",
        "with reference 2019 guidance",  # a year after "reference" is not a code
        "case number 7",  # too short to be a reference
        "2 of the 3 children",
        "s/47 and wc/12345/19",  # lower-case prefixes are not reference shapes
        "CSE/CCE/FGM and ICPC/RCPC",  # capital codes without digits
        "COVID-19",
        "the 2019/20 financial year",
        "the call of 3 minutes",  # a log number needs a date after "of"
        "case ref is RX and 12 others",  # spaced groups need capitals then digits
        "PC Hughes 2019 report",  # a year after a rank and name is no collar number
        "PC Hughes 1500 hours",  # nor a time
        "s/c injection of 5 ml",  # subcutaneous, not a sort code
        "the account 12 months later",  # too short to be an account number
        "ref 2019/20 budget",  # a financial year after a lead-in
    ],
)
def test_ignores_non_references(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text) == []
