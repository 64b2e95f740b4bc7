"""People's names in the hard positions of IMRs and case notes, from a red-team pass with
fictional sentences and no case file: a first name the model reads as a place, a town read
as a person, names in capitals, lower-case notes, columns of a table typed as text, word
names before a person's verb. Each name must be gone from the output and no person may be
labelled as a place (or a place as a person). Each case failed before its fix; every name
here is invented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.conftest import settings_with_case
from tests.decide.handmade import redacted


def published(out: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", out) is not None


@pytest.mark.parametrize(
    ("text", "names", "wrong"),
    [
        # A first name the model reads as a place, where no place word comes before it: it is
        # the person (it read "(place) and Person A", "she had (place)").
        ("Mother took Jordan and Chelsea to the GP.", ["Jordan", "Chelsea"], "(place)"),
        ("Mum was 15 when she had Kaiden.", ["Kaiden"], "(place)"),
        ("Kaiden's nan\nBev said the family were struggling.", ["Kaiden", "Bev"], "(place)"),
        ("India's older brother Devon was in the house.", ["India", "Devon"], "(place)"),
        ("Nanna Pat collected Brooklyn from school.", ["Pat", "Brooklyn"], "(place)"),
        ("Subject: RE: Brooklyn and Tyler", ["Brooklyn", "Tyler"], "(place)"),
        # In capitals with an age after it (a place has none); a first name alone in capitals
        # that the model calls a person is no heading.
        ("BROOKLYN (aged 4) and her brother JORDAN (aged 7) were living with MUM.", ["BROOKLYN", "JORDAN"], "(place)"),
        # A possessive and a word only a person's name takes: "friend", "mum".
        ("Jayden's friend Kyle (14) was also at the party.", ["Jayden", "Kyle"], "(place)"),
        ("Sophie-Ann, Amelia and Florence were all at the party.", ["Amelia", "Florence"], "(place)"),
        ("Sydney and Mum went to stay with Nanna Jean.", ["Sydney", "Jean"], "(place)"),
        ("The chronology shows that Brooke and Sienna were often late.", ["Brooke", "Sienna"], "(place)"),
        ("I spoke to Chardonnay's mum on the phone.", ["Chardonnay"], "(organisation)"),
        # A town the model reads as a person after "in": a place ("in Person C").
        ("Maddison's dad (Craig) works as a scaffolder in Bolton.", ["Bolton", "Craig"], "Person C"),
        # A nickname the lists lacked, with a surname, read as a body.
        ("Apologies: Trish (IRO), Baz Wainwright", ["Baz", "Wainwright"], "(organisation)"),
    ],
)
def test_names_and_places_keep_their_kind(
    settings: Settings, detector: Detector, text: str, names: list[str], wrong: str
) -> None:
    out = redacted(text, settings, detector)
    assert not [n for n in names if published(out, n)], out
    assert wrong not in out, out


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Short names in capitals that are no abbreviation.
        ("RE: LEO", ["LEO"]),
        ("AMY and ZAK were seen at home by the duty social worker.", ["AMY", "ZAK"]),
        # Lower-case case notes: a first name after a kinship word used as a title, or in
        # brackets after a family role.
        ("nanna pat said she would have the kids at weekends.", ["pat"]),
        ("dad (lee) was drunk when police attended.", ["lee"]),
        ("mum said that kai was at his dads. kai's dad is called ryan.", ["kai", "ryan"]),
        ("she said ruby told her that the baby was crying.", ["ruby"]),
        # First names that are words, before a person's verb or a family role.
        ("Summer told the teacher that she was scared of Dad.", ["Summer"]),
        ("Grace's mother said Grace fell off the trampoline.", ["Grace"]),
        ("Hope had bruising to her left cheek.", ["Hope"]),
        # A first name too common to stand alone, with the initial of the surname.
        ("Present: SW (Kelly H), HV (Gill), Mum (Stacey)", ["Kelly", "Gill", "Stacey"]),
        # A name broken by a line end in hard-wrapped text: "Okafor" was published.
        ("The referral was made by Ms Tamsin\nOkafor, the school's DSL, on the same day.", ["Okafor", "Tamsin"]),
        # A family role after a family role: "sister, Auntie" hid "Chelle" from the search.
        ("Ms Bolton's sister, Auntie Chelle, was spoken to.", ["Chelle", "Bolton"]),
        ("She was scared of Dad. Summer told the teacher.", ["Summer"]),
        ("Storm was not brought to the dental appointment.", ["Storm"]),
        ("The GP said that Summer Blackwood told her about the bruise.", ["Summer", "Blackwood"]),
    ],
)
def test_names_in_hard_positions_are_not_published(
    settings: Settings, detector: Detector, text: str, names: list[str]
) -> None:
    out = redacted(text, settings, detector)
    assert not [n for n in names if published(out, n)], out


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # A table typed with tabs: three columns are three people, not one "Person A".
        ("Child\tMother\tFather\nKaiden\tShannon\tDean", 3),
    ],
)
def test_columns_of_names_are_different_people(
    settings: Settings, detector: Detector, text: str, people: int
) -> None:
    out = redacted(text, settings, detector)
    assert len(set(re.findall(r"Person [A-Z]", out))) == people, out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # Places after a place word stay places; practice abbreviations stay.
        ("The family moved from Jordan and Syria in 2015.", "(place) and (place)"),
        ("She left flowers at a grave in a Paris cemetery.", "a (place) cemetery"),
        ("The complaint against Georgia was lodged in 2004.", "against (place)"),
        ("The CIN plan was reviewed by the IRO and the LADO.", "The CIN plan was reviewed by the IRO and the LADO."),
        ("Hope for the future was low.", "Hope for the future was low."),
        # Short words in capitals that are abbreviations, even after a label or in a list.
        ("RE: ABE interview", "RE: ABE interview"),
        ("Outcome: MAR chart checked", "Outcome: MAR chart checked"),
        ("ACE and ADD were both considered by the panel.", "ACE and ADD were both considered"),
        ("RAG rating: RED", "RAG rating: RED"),
        ("FAMILY BACKGROUND", "FAMILY BACKGROUND"),
        ("the bill said nothing about the rent arrears.", "the bill said nothing"),
        ("he was called back by the duty team.", "he was called back"),
    ],
)
def test_places_and_practice_words_keep_their_reading(
    settings: Settings, detector: Detector, text: str, kept: str
) -> None:
    assert kept in redacted(text, settings, detector)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # An attendee list, one "Name – Role" a line: the role ending a line is that line's
        # person's; the next line's person was labelled with it ("Social Worker 1 – Police").
        ("Present:\nJane Ashworth \u2013 Social Worker\nDS Paul Hurst \u2013 Police", "Social Worker 1 \u2013 Police"),
        ("Jane Ashworth, Social Worker\nPaul Hurst, Police", "Social Worker 1, Police"),
    ],
)
def test_a_role_ending_the_line_above_is_not_the_next_persons(
    settings: Settings, detector: Detector, text: str, wrong: str
) -> None:
    out = redacted(text, settings, detector)
    assert "Hurst" not in out and wrong not in out, out


_CASE = """people:
  - name: "Grace Bolton"
    aliases: ["Grace"]
    role: "subject child"
    group: family
    pseudonym: "Child G"
  - name: "Paris Bolton"
    aliases: ["Paris", "Ms Bolton"]
    role: "mother"
    group: family
    pseudonym: "Mother"
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A town that bears the family's surname, after a word only a place follows: a place,
        # not "(family name)".
        ("Grace's mum said that they had moved to Bolton in 2019.", "moved to (place) in 2019"),
        ("The Bolton family were known to services in Bolton.", "The (family name) family were known to services in (place)."),
        # A family role after a family role: the name after the second is still found.
        ("Ms Bolton's sister, Auntie Chelle, was spoken to.", "Mother's sister, Auntie Person A, was spoken to."),
    ],
)
def test_with_a_case_file(tmp_path: Path, detector: Detector, text: str, expected: str) -> None:
    out = redacted(text, settings_with_case(tmp_path, _CASE), detector)
    assert expected in out, out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A contact block's labels are no people ("Person A: (phone number)").
        (
            "Key worker: Sarah Lyle | Tel: 07700 900123 | Email: s.lyle@example.org",
            "Key worker: Key Worker 1 | Tel: (phone number) | Email: (e-mail address)",
        ),
        ("Email her on s.lyle@example.org if needed.", "Email her on (e-mail address) if needed."),
    ],
)
def test_contact_labels_are_not_people(text: str, expected: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == expected
