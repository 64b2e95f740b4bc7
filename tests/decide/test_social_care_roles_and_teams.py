"""Names and teams of a local authority's children's social care, as its IMR writes them.

Session 12 measured the rules on a draft they had not seen (corpus_samples/
imr_social_care_draft): a contact supervisor named by her first name was published ("The
contact supervisor, Grace, records"), and a team named after a town lost its practice words
("the Harrowfold Assessment Team" -> "the (organisation)"). Every name here is invented."""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from anonymiser.pipeline import analyse
from anonymiser.read.text import document_from_text
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The contact supervisor, Grace, records that the visit went well.", "Grace"),
        ("The contact worker, Faith, wrote up the session.", "Faith"),
        ("The kinship assessor, Joy, visited the grandmother twice.", "Joy"),
        # The model reads "Summer" as a date and "Faith" or "Joy" as no one: set off by
        # commas after a practitioner's role, the word is that practitioner's name.
        ("The FGC coordinator, Summer, booked the venue.", "Summer"),
        ("The duty worker, Summer, logged the call at 09:10.", "Summer"),
        ("The contact was supervised (the contact worker, Joy) at the centre.", "Joy"),
        ("The IRO, Faith, asked for the minutes to record it.", "Faith"),
        ("The fostering social worker, Brook, supports the carers.", "Brook"),
        ("The supervising social worker, Precious, visited in May.", "Precious"),
    ],
)
def test_a_first_name_after_a_social_care_role_is_redacted(
    settings: Settings, detector: Detector, text: str, name: str
) -> None:
    out = redacted(text, settings, detector)
    assert name not in out, out


@pytest.mark.parametrize(
    ("text", "place", "kept"),
    [
        ("The case moved from the Harrowfold Assessment Team to the Sallowmead Locality Team.", "Harrowfold", "Assessment Team"),
        ("She was transferred to the Brackenfield Children in Care Team in June.", "Brackenfield", "Children in Care Team"),
        ("The Oakhurst Referral and Assessment Team screened the contact.", "Oakhurst", "Referral and Assessment Team"),
        ("A worker from the Kettleby Kinship Team completed the Regulation 24 visit.", "Kettleby", "Kinship Team"),
        ("The Thornbury Leaving Care Team held the case.", "Thornbury", "Leaving Care Team"),
    ],
)
# ("the Kettleby Fostering Team" loses "Fostering" too: "Kettleby Fostering" is read as an
# independent fostering agency's name, which is redacted, and that is the safer reading.)
def test_a_team_named_after_a_town_keeps_its_kind(
    settings: Settings, detector: Detector, text: str, place: str, kept: str
) -> None:
    out = redacted(text, settings, detector)
    assert place not in out and kept in out, out


def _paragraphs_out(text: str, settings: Settings, detector: Detector) -> list[str]:
    """Each paragraph of the draft ``text`` as the pipeline writes it."""
    doc = document_from_text(text)
    decisions, _ = analyse(doc, settings, detector)
    out = []
    for unit in doc.units:
        line = unit.text
        for edit in sorted((e for e in decisions.edits if e.unit == unit.uid), key=lambda e: -e.start):
            line = line[: edit.start] + edit.replacement + line[edit.end :]
        out.append(line)
    return out


_BODY = "The service had no reliable way of receiving messages from people who do not speak English."


@pytest.mark.parametrize(
    "heading",
    ["4.11 Workforce stability", "4.11 Leadership and culture", "Workforce", "5.2 Workforce and leadership"],
)
def test_a_practice_word_opening_a_heading_is_no_place(settings: Settings, detector: Detector, heading: str) -> None:
    # The model read "Workforce" and "Leadership" opening a heading between two numbered
    # paragraphs as places ("4.11 (place) stability"); the draft never writes them in lower
    # case, so the check for a town's common words let them through.
    text = f"4.10 {_BODY}\n\n{heading}\n\n4.12 {_BODY}\n"
    assert heading in _paragraphs_out(text, settings, detector)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The agency social worker Oluwaseun Adebayo could not be traced.", "Social Worker 1"),
        ("The contact supervisor, Grace Ilori, records that the visit went well.", "Contact Supervisor 1"),
        ("The kinship assessor, Joy Mensah, visited the grandmother twice.", "Assessor 1"),
        ("The duty worker, Callum Reid, took the call.", "Duty Worker 1"),
        ("The local authority solicitor, Gwilym Pritchard, attended.", "Solicitor 1"),
    ],
)
def test_a_social_care_practitioner_is_called_by_the_role(
    settings: Settings, detector: Detector, text: str, label: str
) -> None:
    out = redacted(text, settings, detector)
    assert label in out and "Person A" not in out, out


# A family member heard on the radio is known to everyone who listened: "named in a local
# radio phone-in" was published beside the list's "local newspaper" and "television news".
@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Mrs Marsh was named in a local radio phone-in about grandparents in 2018.", "radio phone-in"),
        ("Father gave a radio interview about the case.", "radio interview"),
        ("The mother took part in a television documentary about young mothers.", "television documentary"),
        ("Her story was featured on local radio last year.", "local radio"),
        ("The grandmother rang a phone-in to complain about the council.", "phone-in"),
    ],
)
def test_a_family_member_on_the_radio_or_in_a_documentary_is_a_rare_feature(
    settings: Settings, detector: Detector, text: str, gone: str
) -> None:
    out = redacted(text, settings, detector)
    assert gone not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "According to the social worker, May was the worst month.",
        "The social worker, Hope Street Children's Centre and the GP met.",
    ],
)
def test_an_ordinary_word_after_a_role_and_a_comma_is_left_when_not_set_off(
    settings: Settings, detector: Detector, text: str
) -> None:
    out = redacted(text, settings, detector)
    assert "Person A" not in out and "Social Worker 1" not in out and "Team Manager 1" not in out, out
