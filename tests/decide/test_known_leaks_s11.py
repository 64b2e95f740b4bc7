"""Known leaks and wrong labels left after session 10 (each case failed before its fix).

- A first name the model read as a people after a verb of leaving ("left Kian with his
  nan") or before a verb in the past tense ("Kian swam", "Kian kicked the door") read
  "(ethnicity)"; real peoples and languages keep their label.
- A common word opening a sentence that the model alone read as a person ("Attendance was
  poor") read "Person A was poor"; a listed name there ("Grace was poor") is still a person.
- A vehicle registration after its label ("Vehicle reg: AB12CDE") was swallowed with the
  label by the model's organisation: "(organisation)".
- A day of the month alone ("on the 21st", "by the 3rd") was published.
"""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The social worker left Kian with his nan.", "The social worker left Person A with his nan."),
        ("Mother left Kian with a neighbour overnight.", "Mother left Person A with a neighbour overnight."),
        ("She left Kian and his sister at home.", "She left Person A and his sister at home."),
        ("Kian swam in the pool with his father.", "Person A swam in the pool with his father."),
        ("Kian slept on the sofa.", "Person A slept on the sofa."),
        ("Kian ate very little.", "Person A ate very little."),
        ("After school Kian swam with his cousin.", "After school Person A swam with his cousin."),
        ("Kian kicked the door.", "Person A kicked the door."),
    ],
)
def test_a_first_name_read_as_a_people_before_a_verb_is_a_person(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Polish interpreter attended.", "The (language) interpreter attended."),
        ("The family were Roma.", "The family were (ethnicity)."),
        ("He was supported by Roma families.", "He was supported by (ethnicity) families."),
    ],
)
def test_peoples_and_languages_keep_their_label(text: str, expected: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Attendance was poor.", "Attendance was poor."),
        ("Her attendance was poor. Attendance was raised at the meeting.", "Her attendance was poor. Attendance was raised at the meeting."),
        ("Grace was poor.", "Person A was poor."),
        ("Hope was seen by the nurse.", "Person A was seen by the nurse."),
        ("Princess was taken into care.", "Person A was taken into care."),
        ("Marsh was arrested.", "Person A was arrested."),
        ("Punctuality was poor.", "Punctuality was poor."),
        ("Housing was overcrowded.", "Housing was overcrowded."),
        # A common word the name lists lack, written nowhere in lower case, is kept a person.
        ("Sweet was the landlord.", "Person A was the landlord."),
    ],
)
def test_a_common_word_opening_a_sentence_is_no_person(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vehicle reg: AB12CDE", "Vehicle reg: (vehicle registration)"),
        ("Car registration: AB12 CDE", "Car registration: (vehicle registration)"),
        ("Registration number: AB12CDE", "Registration number: (vehicle registration)"),
    ],
)
def test_a_vehicle_registration_after_its_label(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The visit was on the 21st.", "The visit was on (date)."),
        ("The report was due by the 3rd.", "The report was due by (date)."),
        ("On the 2nd she called again.", "On (date) she called again."),
        ("Mother rang on the 21st at home.", "Mother rang on (date) at home."),
        ("He was not seen between the 3rd and the 5th.", "He was not seen between (date) and (date)."),
    ],
)
def test_a_day_of_the_month_alone_is_a_date(text: str, expected: str, each_policy: tuple[Settings, Detector]) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # strict may mask the pair as one date, or "the 3rd of the month" whole, as the model
        # reads them.
        ("He was seen on the 14th and the 21st.", ["14th", "21st"]),
        ("He was seen on the 3rd of the month.", ["3rd"]),
    ],
)
def test_days_of_the_month_are_redacted(text: str, days: list[str], each_policy: tuple[Settings, Detector]) -> None:
    settings, detector = each_policy
    out = redacted(text, settings, detector)
    assert not any(day in out for day in days)


def test_an_account_after_a_game(each_policy: tuple[Settings, Detector]) -> None:
    # (The model reads "Fortnite" as a person: a wrong label, but redacted.)
    settings, detector = each_policy
    assert "kianm" not in redacted("He played Fortnite as kianm.", settings, detector)


@pytest.mark.parametrize(
    "text",
    [
        "He came 1st in the race.",
        "She finished 3rd.",
        "The 21st century began.",
        "By the 2nd visit the room was clean.",
        "This was raised on the 1st, 2nd and 3rd occasions.",
    ],
)
def test_an_ordinal_that_is_no_day_stays(text: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He posted on TikTok kianm every day.", "He posted on TikTok (social media account) every day."),
        ("He messaged her on Snapchat as kian_m2 that night.", "He messaged her on Snapchat as (social media account) that night."),
        ("She found him on Snapchat as kianmarsh.", "She found him on Snapchat as (social media account)."),
        # The model read it as a place at the same score: "(place)" (session 13).
        ("Kayden posted on TikTok as @kaydz.hb and on Snapchat as kaydz_2007.", "Person A posted on TikTok as (social media account) and on Snapchat as (social media account)."),
        ("Instagram: @kianmarsh", "Instagram: (social media account)"),
        ("Snapchat: kianmarsh", "Snapchat: (social media account)"),
        ("His TikTok was kianm.", "His TikTok was (social media account)."),
        ("He used Instagram (kianmarsh) to contact her.", "He used Instagram (social media account) to contact her."),
        ("On Instagram he was tylerb.", "On Instagram he was (social media account)."),
        ("His Snapchat name kianm was known to her.", "His Snapchat name (social media account) was known to her."),
        ("Her Instagram account, kaymarsh, was private.", "Her Instagram account, (social media account), was private."),
    ],
)
def test_an_account_of_letters_after_a_platform(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He sent Snapchat messages to her.",
        "She watched TikTok videos every night.",
        "He used Snapchat and Instagram.",
        "The Instagram posts were shown to the police.",
        "He was on Snapchat as well.",
        "Facebook was used to contact her.",
        "He kept Snapchat streaks with her.",
        "She watched Instagram reels.",
        "He watched YouTube tutorials.",
        "He was on TikTok livestreams.",
    ],
)
def test_words_after_a_platform_stay(text: str, settings: Settings, detector: Detector) -> None:
    assert "(social media account)" not in redacted(text, settings, detector)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr and Mrs Okonkwo attended the meeting.", "Person A and Person B attended the meeting."),
        ("Mr & Mrs Okonkwo attended the meeting.", "Person A & Person B attended the meeting."),
        ("Mr and Mrs Jo Okonkwo attended the meeting.", "Person A and Person B attended the meeting."),
        ("The neighbours, Mr and Mrs Tennick, rang the police.", "The neighbours, Person A and Person B, rang the police."),
    ],
)
def test_a_couple_named_once_is_two_people(text: str, expected: str, each_policy: tuple[Settings, Detector]) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They went to the Jolly Jumpers soft play.", "They went to the (place) soft play."),
        ("Mother met him at Bean There café on Fridays.", "Mother met him at (place) café on Fridays."),
        ("They met at the Jolly Jumpers Soft Play.", "They met at the (place)."),
        ("Father took him to Funky Monkeys Play Centre.", "Father took him to (place)."),
        ("She took him to Little Stars toddler group.", "She took him to (organisation)."),
        ("He trained at Riverside Boxing Club.", "He trained at (organisation)."),
        ("He joined the Marlowe Youth Club.", "He joined the (organisation)."),
    ],
)
def test_named_soft_plays_cafes_clubs_and_groups(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    "text",
    [
        "After soft play they went home.",
        "The family went to a soft play.",
        "He attended the Breakfast Club at school.",
        "Mother took him to the local café.",
    ],
)
def test_kinds_of_venue_without_a_name_stay(text: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He came home at 10.30pm.", "He came home at (time)."),
        ("He came home at 22:15.", "He came home at (time)."),
        ("The call was made at 02:14 hrs.", "The call was made at (time)."),
        ("She left at 7 pm and returned by 11.45 p.m.", "She left at (time) and returned by (time)."),
        ("Police arrived at 2215hrs.", "Police arrived at (time)."),
        ("He was found at 22.15 by his mother.", "He was found at (time) by his mother."),
    ],
)
def test_times_of_day_under_strict(text: str, expected: str, strict_settings: Settings, strict_detector: Detector) -> None:
    out = redacted(text, strict_settings, strict_detector)
    # The model reads some times as dates ("(date)"); either label hides the time.
    assert out.replace("(date)", "(time)") == expected


@pytest.mark.parametrize(
    "text",
    [
        "He came home at 10.30pm.",
        "He came home at 22:15.",
        "Police arrived at 2215hrs.",
    ],
)
def test_scr_publishes_a_time_of_day(text: str, settings: Settings, detector: Detector) -> None:
    # A time without its date identifies no one; reviews' chronologies give them.
    assert redacted(text, settings, detector) == text


@pytest.mark.parametrize(
    "text",
    [
        "The dose went from 2.5 to 10.30 ml.",
        "Section 4.12 sets this out.",
        "He paid £10.30 for it.",
        "The ratio was 3:1.",
    ],
)
def test_numbers_that_are_no_time_stay(text: str, strict_settings: Settings, strict_detector: Detector) -> None:
    assert "(time)" not in redacted(text, strict_settings, strict_detector)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He caught the number 42 bus home.", "He caught the (bus route) bus home."),
        ("She took the X5 bus to town.", "She took the (bus route) bus to town."),
        ("They got on the 42 bus.", "They got on the (bus route) bus."),
        ("He was seen on bus route 7A.", "He was seen on bus route (bus route)."),
        ("She caught the X5 to town.", "She caught the (bus route) to town."),
        ("He took the 42 to school.", "He took the (bus route) to school."),
    ],
)
def test_bus_routes(text: str, expected: str, each_policy: tuple[Settings, Detector]) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    "text",
    [
        "There were 42 buses in the depot.",
        "The bus was late.",
        "He took the 3 children on the bus.",
        "She took the 3 to the park.",
        "He was driven on the M6 to Leeds.",
    ],
)
def test_no_bus_route(text: str, settings: Settings, detector: Detector) -> None:
    assert "(bus route)" not in redacted(text, settings, detector)
