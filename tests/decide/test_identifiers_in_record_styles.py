"""Identifiers as agency records write them: hospital and NHS numbers spaced as read out,
police log, collar and custody numbers, plates typed on a log, bank details, extensions,
e-mail addresses spelled out, social accounts after the platform's name, shortened street
words, a saint's school by its initial, a baby's due date.

From a red-team pass of about a hundred fictional record lines in health, police, education,
housing and contact-block styles (session 8). Each row was published before its fix.
Detection and decision with the session detector; every name, number and place is invented
(Ofcom drama numbers, example.org)."""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted

# (record line, what must not be published)
LEAKS = [
    ("NHS no.943-476-5919 was given.", "5919"),
    ("Hospital no K 445 129; NHS 943 4765 919.", "4765"),
    ("PC 2217 Hughes attended; collar number 4451.", "4451"),
    ("Collar no. 4451; shoulder number 2217.", "2217"),
    ("PCSO 7781 and PC Hughes 2217 attended.", "2217"),
    ("Log 0451-12032019 refers to the call.", "0451"),
    ("Patient ID: 0044 7182 on the ED card.", "7182"),
    ("NI number: QQ 12 34 56 C; Universal Credit claim ref 4451 2290 11.", "2290"),
    ("Sort code 20-00-00, account number 12345678, held by mother.", "12345678"),
    ("Bank details: a/c 12345678 s/c 40-11-22.", "40-11-22"),
    ("Account no: 12345678, sort code: 20 00 00.", "20 00 00"),
    ("Vehicle reg: WM19-KTF.", "KTF"),
    ("The car (AB 12 CDE) was parked outside.", "CDE"),
    ("Contact: kayleigh(dot)marsh(at)example(dot)org", "example(dot)org"),
    ("e-mail kay.marsh AT example.org", "kay.marsh"),
    ("Instagram @kaymarsh_99 and Snapchat: kay.marsh99.", "kay.marsh99"),
    ("FB: kay.marsh.9", "kay.marsh.9"),
    ("Strategy discussion chaired by TM Lucy Baird (tel ext 4412).", "4412"),
    ("Lived with MGM at 5 Orchard Cl., Hollinsby.", "Orchard"),
    ("Kian's attendance at St B's was 78.4% in the autumn term.", "St B's"),
    ("Booking at 10+3 weeks with the midwife; EDD 14/08/2019.", "2019"),
    ("Seen by Dr A. Patel (GMC 7012345) at the practice.", "7012345"),
    ("Hosp. No. 0044718 2 on the label.", "0044718"),
    ("Paeds A&E card no. 19/04471.", "04471"),
    ("Taxi licence number 0451.", "0451"),
    ("UPN \u2014 A123456789012.", "A123456789012"),
    ("Candidate number 4451 at the exam centre.", "4451"),
    ("Bank: Barclays, a/c no. 12345678, s/code 20-00-00.", "12345678"),
    ("Passport no. 123456789 was seized.", "123456789"),
    ("Driving licence MARSH905126K99AB held.", "MARSH905126K99AB"),
    ("Prison number A1234BC at HMP Harrowfold.", "A1234BC"),
    ("Her Instagram account, kaymarsh_99, was private.", "kaymarsh_99"),
    ("Snapchat name: tylerb_07.", "tylerb_07"),
    ('He went by the name "kingT_07" on Xbox Live.', "kingT_07"),
    ("Address at the time: 22 Larch Grove, Hollinsby, Westshire WM4 7QT.", "Westshire"),
    ("DOB | 03/05/2015", "2015"),
    ("DOBs 03/05/15 and 04/06/17 were recorded for the twins.", "2017"),
    ("DOB: 12/04/96 (Mother); 03/05/15 (Kian).", "2015"),
    ("The location was given as what3words ///filled.count.soap.", "filled.count.soap"),
    ("IP address 192.168.14.201 was linked to the account.", "192.168"),
    ("IMEI 356938035643809 was seized with the phone.", "356938035643809"),
    ("Tyler's school, Westmere High, reported 42 absences.", "Westmere"),
    ("Westmere High's DSL made the referral.", "Westmere"),
    ("Her username on TikTok is kay.marsh.99.", "kay.marsh"),
    ("Discord user tyler#0451 sent the messages.", "0451"),
    ("Incident ref no 451 of 12/03/19", "451"),
    ("Student no. 20194451 at Harrowfold College.", "20194451"),
]


@pytest.mark.parametrize(("text", "leak"), LEAKS, ids=[leak for _, leak in LEAKS])
def test_identifier_is_not_published(each_policy: tuple[Settings, Detector], text: str, leak: str) -> None:
    settings, detector = each_policy
    out = redacted(text, settings, detector)
    assert leak not in out, out


# (record line, words a reader needs that must still be published)
KEPT = [
    ("Seen in clinic; s/c injection of 5 ml given.", ["s/c injection"]),
    ("The account 12 months later was different.", ["12 months"]),
    ("Guidance is published e.g. at gov.uk for parents.", ["e.g."]),
    ("On 14 March Dr Patel saw him.", ["Doctor"]),  # a doctor, not a street "14 March Dr"
    ("an extension to the assessment of 20 days", ["extension", "20 days"]),
    ("Kian's phone number (07700 900 127) was added.", ["number (phone number) was"]),  # "(phone number))" before
    ("RoSH High to known adult; MARAC High risk list.", ["RoSH High", "MARAC High risk"]),
    ("See paragraph 4.1.2.3 of the guidance.", ["4.1.2.3"]),
]


@pytest.mark.parametrize(("text", "words"), KEPT, ids=[w[0] for _, w in KEPT])
def test_practice_words_are_published(settings: Settings, detector: Detector, text: str, words: list[str]) -> None:
    out = redacted(text, settings, detector)
    for word in words:
        assert word in out, out
