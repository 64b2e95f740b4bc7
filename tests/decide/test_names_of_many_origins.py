"""Names of many origins from a red-team pass of about 200 fictional sentences in a review
author's voice (session 12): each name, or the part of it listed, was published before its
fix. Every name is invented; the sentences are numbered as a draft's paragraphs are."""

from __future__ import annotations

import re

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


def published(out: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", out) is not None


def leaks(text: str, names: list[str], settings: Settings, detector: Detector) -> list[str]:
    out = redacted(f"4.2 {text}", settings, detector)
    return [n for n in names if published(out, n)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A first name no list holds, before a surname found by the verb after it.
        ("Nasreen Akhter told the health visitor that her husband shouted.", ["Nasreen"]),
        ("Folasade Ogunleye was seen by the health visitor.", ["Folasade"]),
        ("Gulalai Wardak told the GP that she was not sleeping.", ["Gulalai"]),
        ("Nguy\u1ec5n Th\u1ecb Lan was the mother.", ["Nguy\u1ec5n"]),
    ],
)
def test_a_rare_word_before_a_name_found_by_its_verb_joins_it(
    settings: Settings, detector: Detector, text: str, names: list[str]
) -> None:
    assert leaks(text, names, settings, detector) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A name no list holds, listed beside a person found: the verb after the list, or the
        # model, found one of them only.
        ("Nimco and Deeqa were cared for by their aunt.", ["Nimco"]),
        ("Selam and Yonas Tesfay were siblings.", ["Selam"]),
        ("Shilan and Dilan were the twins.", ["Shilan"]),
        ("Cadi and Nia Hughes were cousins.", ["Cadi"]),
        ("The children, Deeqa, Nimco and Semhar, were cared for by their aunt.", ["Deeqa", "Nimco", "Semhar"]),
        # The model's one-word guess of a people gives way.
        ("Reem, Jana and Tamim were the three children.", ["Tamim"]),
    ],
)
def test_a_rare_word_listed_beside_a_person_is_a_person(
    settings: Settings, detector: Detector, text: str, names: list[str]
) -> None:
    assert leaks(text, names, settings, detector) == []


@pytest.mark.parametrize(
    "text",
    [
        # Common words and practice words listed beside a name stay.
        "Jane Hill and Mother were seen together.",
        "Amelia and Police attended.",
    ],
)
def test_common_words_listed_beside_a_person_stay(settings: Settings, detector: Detector, text: str) -> None:
    out = redacted(text, settings, detector)
    assert "Mother" in out or "Police" in out, out


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Names the lists lacked (Faker has no Somali, Eritrean, Kurdish, Afghan or Welsh
        # list, and its Pakistani, Indian, Turkish and Polish lists lack common names).
        ("Shazia Bibi was the children's aunt.", ["Shazia"]),
        ("Sadia Akhtar and her son Zayan moved to the refuge.", ["Sadia", "Akhtar"]),
        ("Sunita Devi spoke to the midwife through her daughter.", ["Sunita", "Devi"]),
        ("Selam Haile, who speaks Tigrinya, was supported by an advocate.", ["Selam", "Haile"]),
        ("Burak was known to the youth offending team.", ["Burak"]),
        ("Huw's mother, Lowri, was not told.", ["Huw", "Lowri"]),
        ("Referral for KOWALCZYK, Zuzanna (DOB 12.02.2014)", ["Zuzanna"]),
        ("Mother: SHAZIA BIBI; Father: TARIQ MAHMOOD", ["SHAZIA", "BIBI"]),
        # A lone name the model read as a one-word DATE.
        ("Tahmina, who is Bengali-speaking, asked for an interpreter.", ["Tahmina"]),
    ],
)
def test_names_the_lists_lacked(settings: Settings, detector: Detector, text: str, names: list[str]) -> None:
    assert leaks(text, names, settings, detector) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A family name written first, before a given name found alone.
        ("Zhang Wei spoke Mandarin and a little Cantonese.", ["Zhang"]),
        ("Chen Jiahui was the child's mother.", ["Chen"]),
        ("Nguyen Van Minh was found working in a cannabis farm.", ["Nguyen"]),
        ("Tran Thi Hoa told police she was 17.", ["Tran", "Thi"]),
    ],
)
def test_a_family_name_written_first_joins_the_given_name(
    settings: Settings, detector: Detector, text: str, names: list[str]
) -> None:
    assert leaks(text, names, settings, detector) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # Common English words before a name stay, whatever the family-name list holds.
        ("Do Amelia and Mother still meet?", "Do"),
    ],
)
def test_common_words_before_a_name_stay(settings: Settings, detector: Detector, text: str, kept: str) -> None:
    assert redacted(text, settings, detector).startswith(kept + " ")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A particle joined to the surname by a hyphen, after a listed first name.
        ("Ahmad al-Rashid, the father, was detained.", ["al-Rashid", "Rashid"]),
        ("Omar el-Sayed was the children's father.", ["el-Sayed", "Sayed"]),
    ],
)
def test_a_hyphened_particle_surname_joins_the_first_name(
    settings: Settings, detector: Detector, text: str, names: list[str]
) -> None:
    assert leaks(text, names, settings, detector) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A form's name fields, whatever the name's origin and case.
        ("Surname: NGUYEN  Forename: THI LAN", ["NGUYEN", "THI", "LAN"]),
        ("Surname: Okoro Forename(s): Chidinma Adaeze", ["Okoro", "Chidinma", "Adaeze"]),
        ("Family name: WANG\nGiven name: XIAOLING", ["WANG", "XIAOLING"]),
        ("Maiden name: Ní Bhriain; Date of birth: 1.2.1990", ["Bhriain"]),
        ("Subject: WIŚNIEWSKI, Łukasz", ["WIŚNIEWSKI", "Łukasz"]),
        # A pasted e-mail's header writes its people "Surname, Given name" (session 13:
        # "Okafor" was published beside the found first name).
        ("From: Hill, Jane <jane.hill@example.org>\nTo: Duty Team; Okafor, Adaeze", ["Okafor", "Adaeze", "Hill"]),
        ("Cc: Brannigan, Julia; Mbeki-Ward, Thandiwe", ["Brannigan", "Mbeki-Ward", "Thandiwe"]),
        # A name the child goes by at school.
        ("Aisha, known at school as Ash, was in year 9.", ["Aisha", "Ash"]),
    ],
)
def test_names_in_form_fields_and_school_names(
    settings: Settings, detector: Detector, text: str, names: list[str]
) -> None:
    assert leaks(text, names, settings, detector) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # The labels, and what follows them that is no name, stay.
        ("Surname: NGUYEN  Forename: THI LAN", "Forename:"),
        ("Family name: WANG\nDate of birth: 3 May 2015", "Date of birth:"),
        ("The surname: was left blank on the form.", "was left blank"),
        ("To: Duty Team; Strategy Meeting, Hollinsby", "Duty Team"),
    ],
)
def test_form_labels_stay(settings: Settings, detector: Detector, text: str, kept: str) -> None:
    assert kept in redacted(text, settings, detector)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A language or people beside a name is special-category data, never a second person.
        ("Zarghuna spoke Pashto and a little Dari.", "(language)"),
        ("Emeka Obi, who is Igbo, worked night shifts.", "(ethnicity)"),
        ("Tomas Jankauskas, who is Lithuanian, drove a lorry.", "(ethnicity)"),
    ],
)
def test_languages_and_peoples_beside_names_are_not_people(
    settings: Settings, detector: Detector, text: str, label: str
) -> None:
    out = redacted(text, settings, detector)
    assert label in out and "Person B" not in out and "(organisation)" not in out, out


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Names that are English words, listed with a family role or with each other.
        ("Hope and her brother were placed in foster care.", ["Hope"]),
        ("Rose and Summer were seen by the GP.", ["Rose", "Summer"]),
        ("Sky and Mum went to the clinic.", ["Sky"]),
    ],
)
def test_word_names_listed_with_family_or_each_other(
    settings: Settings, detector: Detector, text: str, names: list[str]
) -> None:
    assert leaks(text, names, settings, detector) == []


@pytest.mark.parametrize(
    "text",
    [
        # The same words as words stay.
        "There was hope and her brother agreed.",
        "The rose and summer garden was tidy.",
        "Hope and reassurance were offered to the family.",
    ],
)
def test_word_names_as_words_stay(settings: Settings, detector: Detector, text: str) -> None:
    assert redacted(text, settings, detector) == text


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # The model read the paragraph's number into the name it found first.
        ("Reem, Jana and Tamim were the three children.", ["Reem"]),
        ("Concei\u00e7\u00e3o and Rui Pereira attended the conference.", ["Concei\u00e7\u00e3o"]),
    ],
)
def test_a_name_after_the_paragraph_number(settings: Settings, detector: Detector, text: str, names: list[str]) -> None:
    assert leaks(text, names, settings, detector) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # From a second, held-out set of sentences written after the fixes above.
        ("Mohd Arshad Qureshi, the grandfather, was not interviewed.", ["Mohd", "Arshad"]),
        ("Ikechukwu and Chidinma Nwachukwu were the parents.", ["Ikechukwu", "Chidinma"]),
        ("Pham Thi Thu Trang was 15.", ["Pham", "Thi", "Thu"]),
        ("Name of child: NGUYEN THI HANG", ["NGUYEN", "THI", "HANG"]),
        ("Child's name: Zsofia HORVATH", ["Zsofia", "HORVATH"]),
    ],
)
def test_names_from_the_held_out_set(settings: Settings, detector: Detector, text: str, names: list[str]) -> None:
    assert leaks(text, names, settings, detector) == []
