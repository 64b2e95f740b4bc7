"""People, document-wide: every form of a name found once is redacted everywhere, one person
gets one label, practitioners are named by role, case-file pseudonyms are used, and practice
words and text already anonymised are left alone.

Runs detection and decision on small texts (the session detector) and renders the result as
the text writer does. Every person here is invented.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from anonymiser.decide.decide import Decisions, decide
from anonymiser.detect.engine import Detector
from anonymiser.detect.names import compile_variants, find_all
from anonymiser.pipeline import analyse
from anonymiser.read.text import document_from_text
from anonymiser.settings import Settings
from anonymiser.write.text import render_text
from tests.conftest import settings_with_case
from tests.decide.handmade import finding, one_unit, redactions

CASE = """people:
  - name: "Hope Calloway"
    aliases: ["Hopey"]
    pseudonym: "Child B"
  - name: "Darren Quillfeather"
    aliases: ["Daz"]
    role: "father"
    pseudonym: "Father"
  - name: "Mary Ellen Tregowan"
    role: "social worker"
  - name: "Sian O'Dwyer"
    pseudonym: "Adult 3"
  - name: "Kerensa Pellow"
    pseudonym: "Mother"
redact:
  - text: "Brackenholt"
    category: LOCATION
keep: ["Alison Fairbairn"]
"""


@pytest.fixture(scope="module")
def with_case(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return settings_with_case(tmp_path_factory.mktemp("case"), CASE)


def anonymise(text: str, settings: Settings, detector: Detector) -> tuple[str, Decisions]:
    doc = document_from_text(text)
    decisions, _plan = analyse(doc, settings, detector)
    return render_text(doc, decisions.edits), decisions


def _people(decisions: Decisions) -> list:
    return [e for e in decisions.entities if e.category == "PERSON"]


# --------------------------------------------------------------- document-wide consistency


def test_every_form_of_a_name_found_once_is_redacted(settings: Settings, detector: Detector) -> None:
    text = (
        "The social worker, Jane Hill, visited the family on the ward. Jane spoke to the mother. "
        "Later Ms Hill wrote that Jane's concerns were noted. JANE HILL signed the record."
    )
    out, decisions = anonymise(text, settings, detector)
    assert not re.search(r"\bJane\b|\bHill\b|\bJANE\b|\bHILL\b", out), out
    [person] = _people(decisions)
    label = person.replacement
    assert label == "Social Worker 1"
    assert out.count(label) == 5
    assert f"{label}'s concerns" in out
    assert "Ms " + label not in out, "the title goes with the name"
    assert len(person.occurrences) == 5


def test_a_name_in_later_paragraphs_is_found_too(settings: Settings, detector: Detector) -> None:
    text = "Kian Pomfrey was born in 2015.\n\nKIAN POMFREY was subject to a plan.\n\nKian was seen at home."
    out, decisions = anonymise(text, settings, detector)
    assert "Kian" not in out and "KIAN" not in out and "POMFREY" not in out
    [person] = _people(decisions)
    assert {o.unit for o in person.occurrences} == {0, 1, 2}


def test_the_same_person_gets_the_same_label_and_others_their_own(settings: Settings, detector: Detector) -> None:
    text = (
        "Kian Pomfrey was seen by the health visitor, Rachel Trethewey. Kian's weight was low. "
        "Rachel Trethewey referred Kian to the paediatrician."
    )
    out, decisions = anonymise(text, settings, detector)
    people = {p.text: p.replacement for p in _people(decisions)}
    assert people == {"Kian Pomfrey": "Person A", "Rachel Trethewey": "Health Visitor 1"}
    assert out == (
        "Person A was seen by the health visitor, Health Visitor 1. Person A's weight was low. "
        "Health Visitor 1 referred Person A to the paediatrician."
    )


def test_a_relative_with_the_same_surname_is_not_half_redacted(settings: Settings, detector: Detector) -> None:
    text = "This review concerns Tobias Wrenshaw, who lived with his mother, Carys Wrenshaw, in a flat."
    out, decisions = anonymise(text, settings, detector)
    assert "Carys" not in out, out
    assert len({p.replacement for p in _people(decisions)}) == 2


def test_professionals_are_named_by_role(settings: Settings, detector: Detector) -> None:
    text = (
        "The social worker, Jane Hill, visited. A second social worker, Imelda Strachan, visited later. "
        "Dr Gideon Ashworth saw him. PC Martin Gollop attended. Ms Hill and Ms Strachan disagreed."
    )
    out, _decisions = anonymise(text, settings, detector)
    assert out == (
        "The social worker, Social Worker 1, visited. A second social worker, Social Worker 2, visited later. "
        "Doctor 1 saw him. Police Officer 1 attended. Social Worker 1 and Social Worker 2 disagreed."
    )


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Each read "Person A": a Board cannot tell a practitioner from a family member.
        ("Interviews were held with the health visiting team leader, Sue Maddox, in May.", "Team Leader 1"),
        ("He was assessed by the speech and language therapist, Nia Rowlands, at clinic.", "Speech and Language Therapist 1"),
        ("The MASH police researcher, Gemma Tait, received the notice.", "Police Researcher 1"),
        ("The paramedic, Gareth Pritchard, found him unresponsive.", "Paramedic 1"),
        ("The nursery manager, Bethan Lloyd-Harries, made a referral.", "Nursery Manager 1"),
        # The model reads this name as an organisation: "The paramedic, (organisation),".
        ("The paramedic, Owain Pritchard, found him unresponsive.", "Paramedic 1"),
    ],
)
def test_more_practitioners_are_named_by_role(settings: Settings, detector: Detector, text: str, label: str) -> None:
    _out, decisions = anonymise(text, settings, detector)
    assert [p.replacement for p in _people(decisions)] == [label]
    assert [p.group for p in _people(decisions)] == ["professional"]


POSSESSIVES = [
    ("model-span", "Tamsin Pomfrey's car was old.", "Person A's car was old."),
    ("model-span-curly", "Tamsin Pomfrey\u2019s flat was cold.", "Person A\u2019s flat was cold."),
    ("titled", "Darren Quillfeather was seen. Mr Quillfeather's van was outside.", "Father was seen. Father's van was outside."),
    ("case-name-as-org", "Darren Quillfeather was seen. Darren Quillfeather's dog barked.", "Father was seen. Father's dog barked."),
    ("case-titled-apostrophe", "Sian O'Dwyer was seen. Later, Ms O'Dwyer's flat was visited.", "Adult 3 was seen. Later, Adult 3's flat was visited."),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(t, e, id=i)
        for i, t, e in POSSESSIVES
    ],
)
def test_possessive_keeps_its_s(with_case: Settings, detector: Detector, text: str, expected: str) -> None:
    out, _decisions = anonymise(text, with_case, detector)
    assert out == expected


def test_propagated_possessive_keeps_its_s(settings: Settings, detector: Detector) -> None:
    out, _ = anonymise("The social worker, Jane Hill, called. Jane's notes were brief.", settings, detector)
    assert out.endswith("Social Worker 1's notes were brief.")


# ------------------------------------------------------------------------- the case file


def test_case_file_pseudonyms_and_every_variant(with_case: Settings, detector: Detector) -> None:
    text = (
        "DARREN QUILLFEATHER was arrested. Mr Quillfeather denied it. Daz said that Darren had been "
        "at home. D.Q. was noted in the log; DQ again. Kerensa Pellow, the mother, was present."
    )
    out, decisions = anonymise(text, with_case, detector)
    assert out == (
        "Father was arrested. Father denied it. Father said that Father had been "
        "at home. Father was noted in the log; Father again. Mother, the mother, was present."
    )
    labels = {p.text: p.replacement for p in _people(decisions)}
    assert labels == {"Darren Quillfeather": "Father", "Kerensa Pellow": "Mother"}


def test_case_file_person_without_pseudonym_is_labelled_by_role(with_case: Settings, detector: Detector) -> None:
    text = (
        "Mary Ellen Tregowan visited. Mary Tregowan and Ms Tregowan are the same person, and so is "
        "M.E.T. in the log. Mary said so."
    )
    out, decisions = anonymise(text, with_case, detector)
    assert "Tregowan" not in out and "Mary" not in out and "M.E.T." not in out
    [person] = _people(decisions)
    assert person.replacement == "Social Worker 1"
    assert out.count("Social Worker 1") == 5


def test_common_word_name_matches_only_as_a_name(with_case: Settings, detector: Detector) -> None:
    text = (
        "Hope Calloway lives with her aunt. We hope that the family will engage. Hope attended school. "
        "HOPE CALLOWAY was later seen. Hope's teacher said hope was low. Hopey was quiet."
    )
    out, _ = anonymise(text, with_case, detector)
    assert out == (
        "Child B lives with her aunt. We hope that the family will engage. Child B attended school. "
        "Child B was later seen. Child B's teacher said hope was low. Child B was quiet."
    )


def test_curly_and_straight_apostrophes_are_one_name(with_case: Settings, detector: Detector) -> None:
    text = "Sian O\u2019Dwyer and Sian O'Dwyer were the same. O\u2019DWYER signed."
    out, decisions = anonymise(text, with_case, detector)
    assert out == "Adult 3 and Adult 3 were the same. Adult 3 signed."
    assert [p.replacement for p in _people(decisions)] == ["Adult 3"]


def test_case_file_places_and_keep_list(with_case: Settings, detector: Detector) -> None:
    text = "Alison Fairbairn, the independent reviewer, met the family in Brackenholt. BRACKENHOLT is small."
    out, decisions = anonymise(text, with_case, detector)
    assert out == "Alison Fairbairn, the independent reviewer, met the family in (place). (place) is small."
    kept = [e for e in decisions.kept if e.text == "Alison Fairbairn"]
    assert kept and kept[0].action == "keep"


# ---------------------------------------------------------------- what is never a person


@pytest.mark.parametrize(
    "text",
    [
        "Ofsted inspected the service in the spring.",
        "The Review found that the Threshold document was not applied.",
        "Threshold was discussed at the Strategy Meeting and the Panel agreed.",
        "Working Together sets out the duties of the Local Safeguarding Children Board.",
        "Child A and Mother attended with Adult 2.",
        "Child A was given (specified medication) at Hospital 1.",
        "Social Worker 1 visited Person A at home; Sibling 1 was present.",
        "Person B's sister spoke to Health Visitor 2 and to the GP.",
    ],
)
def test_practice_words_and_anonymised_text_are_left_alone(settings: Settings, detector: Detector, text: str) -> None:
    out, decisions = anonymise(text, settings, detector)
    assert out == text
    assert _people(decisions) == []


def test_anonymising_an_output_again_changes_nothing(settings: Settings, detector: Detector) -> None:
    text = (
        "The social worker, Jane Hill, visited Kian Pomfrey at home. Dr Gideon Ashworth saw Kian "
        "with his mother. Ms Hill recorded the visit."
    )
    once, _ = anonymise(text, settings, detector)
    twice, decisions = anonymise(once, settings, detector)
    assert twice == once
    assert _people(decisions) == []


# ---------------------------------------------------------- what verification looks for


def test_every_redacted_span_is_among_the_secrets(with_case: Settings, detector: Detector) -> None:
    """Verification searches for ``secrets``; each edit must hold one, or a leak goes unseen."""
    text = (
        "The social worker, Jane Hill, visited Darren Quillfeather in Brackenholt. Ms Hill noted that "
        "Daz was calm. Hope Calloway was at school on 3 June 2019. Sian O\u2019Dwyer phoned 07700 900123."
    )
    doc = document_from_text(text)
    decisions, _ = analyse(doc, with_case, detector)
    pattern = compile_variants(decisions.all_secrets)
    for edit in decisions.edits:
        original = doc.units[edit.unit].text[edit.start : edit.end]
        assert list(find_all(pattern, original)), f"{original!r} is redacted but verification would not look for it"


def test_secrets_are_not_practice_words(settings: Settings, detector: Detector) -> None:
    text = "Grace Early was seen by Early Help. The social worker, Jane Hill, visited Grace."
    out, decisions = anonymise(text, settings, detector)
    assert "Early Help" in out
    assert "Grace" not in out
    assert not any(v.text.lower() == "early" for v in decisions.secrets)


def test_decide_is_pure(settings: Settings, detector: Detector, tmp_path: Path) -> None:
    """Nothing survives between documents: a name from one draft is not redacted in the next."""
    anonymise("The social worker, Imelda Strachan, visited.", settings, detector)
    out, decisions = anonymise("Strachan is a village name in this sentence only.", settings, detector)
    assert all(e.text != "Imelda Strachan" for e in decisions.entities)


@pytest.mark.parametrize(
    ("name", "redacted"),
    # "Uncle" is a role word before the name, not part of it (test_role_words_before_names.py).
    [("Amanda Code", "Amanda Code"), ("Uncle Bill", "Bill"), ("Mr Ross Act", "Mr Ross Act")],
)
def test_a_person_named_like_a_law_is_still_redacted(scr: Settings, strict: Settings, name: str, redacted: str) -> None:
    # "Code", "Bill" and "Act" end the names of laws (keep.yml law_forms), but a person may
    # bear them; the law shapes never drop a person.
    text = f"The children stayed with {name} that weekend."
    findings = [finding(text, name, "PERSON", "spacy_model:PERSON", score=0.85)]
    for settings in (scr, strict):
        assert redactions(text, decide([one_unit(text)], findings, settings)) == [redacted]


def test_a_place_guess_that_is_a_known_persons_name_ending_like_a_law(scr: Settings) -> None:
    # "Code" ends the names of laws; the model's place guess "Leanne Code" is still her name.
    text = "A 999 call came from Leanne Code at 11pm. Ms Code said she was frightened."
    findings = [
        finding(text, "Leanne Code", "LOCATION", "spacy_model:FAC", score=0.6),
        finding(text, "Ms Code", "PERSON", "titled_name", score=0.8),
    ]
    assert redactions(text, decide([one_unit(text)], findings, scr)) == ["Leanne Code", "Ms Code"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A title goes with a surname: the last word is hers, not the role "registrar".
        ("Counsel for the mother, Ms Priya Registrar, applied.", "Ms Priya Registrar"),
        ("The registrar, Mr Tom Bailiff, adjourned the hearing.", "Mr Tom Bailiff"),
        # A practice term inside the title ("Judge") is the title's: the name is not cut.
        ("The case was heard by District Judge A B Jones in May.", "District Judge A B Jones"),
    ],
)
def test_practice_terms_do_not_cut_a_titled_name(scr: Settings, text: str, name: str) -> None:
    findings = [finding(text, name, "PERSON", "titled_name", score=0.8)]
    assert redactions(text, decide([one_unit(text)], findings, scr)) == [name]


def test_a_role_after_a_full_name_is_still_cut_off(scr: Settings) -> None:
    text = "The visit was by Jane Hill Social Worker on Monday."
    findings = [finding(text, "Jane Hill Social Worker", "PERSON", "spacy_model:PERSON", score=0.85)]
    assert redactions(text, decide([one_unit(text)], findings, scr)) == ["Jane Hill"]


@pytest.mark.parametrize(
    ("before", "place", "category"),
    [
        ("The officers took him home to", "Ashcombe Row", "ADDRESS"),  # a street the model took for a person
        ("The officers spoke to", "Sarah Grove", "PERSON"),  # a first name: the street word is her surname
        ("The family moved to", "Harriet Close", "ADDRESS"),  # a first name, but where they live
    ],
)
def test_a_person_guess_that_an_address_pattern_found_is_an_address(
    scr: Settings, before: str, place: str, category: str
) -> None:
    # "took him home to Ashcombe Row" read "took him home to Person B".
    text = f"{before} {place} at 06:05."
    findings = [
        finding(text, place, "PERSON", "spacy_model:PERSON", score=0.85),
        finding(text, place, "ADDRESS", "street_name", score=0.6),
    ]
    (entity,) = decide([one_unit(text)], findings, scr).entities
    assert (entity.text, entity.category) == (place, category)


def test_labels_the_draft_already_uses_are_given_to_nobody(settings: Settings, detector: Detector) -> None:
    # "Police Officer 1" and "Person A" were written by the author: a new officer and a new
    # person get the next labels, or two people would read as one.
    text = "Police Officer 1 called Person A. Superintendent Clarke and Lorna Pennyfeather agreed."
    out, _ = anonymise(text, settings, detector)
    assert out == "Police Officer 1 called Person A. Police Officer 2 and Person B agreed."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The longest title the role labels know names the role.
        ("Prison Officer Dawes said he was calm.", "Prison Officer 1 said he was calm."),
        ("Detective Sergeant Amy Rowe took the call.", "Detective Sergeant 1 took the call."),
        ("Probation Officer Lyra Benn visited.", "Probation Officer 1 visited."),
    ],
)
def test_a_title_of_several_words_names_the_role(settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert anonymise(text, settings, detector)[0] == expected


def test_a_name_guess_inside_a_surer_pattern_finding_is_not_a_person(scr: Settings) -> None:
    # The model's "Gypsy Roma Traveller" and the name lists' "Roma Traveller" made a person
    # whose surname, found everywhere, took "a traveller on the bus" with it.
    text = "They are Gypsy Roma Traveller. Later a traveller on the bus helped."
    findings = [
        finding(text, "Gypsy Roma Traveller", "ETHNICITY", "ethnicity_terms", score=0.9),
        finding(text, "Gypsy Roma Traveller", "PERSON", "spacy_model:PERSON", score=0.85),
        finding(text, "Roma Traveller", "PERSON", "given_name", score=0.85),
    ]
    decisions = decide([one_unit(text)], findings, scr)
    assert redactions(text, decisions) == ["Gypsy Roma Traveller"]
    assert [e.category for e in decisions.entities] == ["ETHNICITY"]


@pytest.mark.parametrize(
    ("word", "category"),
    [
        # "Sertraline increased to 100mg": the model's person, found everywhere, read "Person L".
        ("Sertraline", "MEDICATION"),
        # A first name that a drug dictionary also lists is still a person.
        ("Hope", "PERSON"),
    ],
)
def test_a_person_guess_that_is_a_medicine_is_the_medicine(scr: Settings, word: str, category: str) -> None:
    text = f"{word} was increased to 100mg."
    findings = [
        finding(text, word, "MEDICATION", "MedicationRecogniser", score=0.8),
        finding(text, word, "PERSON", "spacy_model:PERSON", score=0.85),
    ]
    decisions = decide([one_unit(text)], findings, scr)
    assert [e.category for e in decisions.entities] == [category]


@pytest.mark.parametrize(
    "text",
    [
        # A title of several words before a full name is a title, not part of the name: the same
        # person named without it later (or before) is one person with one label. It read
        # "Detective Sergeant 1 attended. Person A wrote ..." (two people for one officer).
        "Detective Sergeant Amy Rowe attended. Amy Rowe wrote up the notes.",
        "DS Amy Rowe attended. Detective Sergeant Amy Rowe wrote up the notes.",
        "Prison Officer Tamsin Dawes attended. Tamsin Dawes wrote up the notes.",
        "Detective Constable Amy Rowe attended. Amy Rowe wrote up the notes.",
    ],
)
def test_a_title_of_several_words_is_not_part_of_the_name(settings: Settings, detector: Detector, text: str) -> None:
    out = anonymise(text, settings, detector)[0]
    assert "Rowe" not in out and "Dawes" not in out
    labels = re.findall(r"^(.*) attended\. (.*) wrote up the notes\.$", out)[0]
    assert labels[0] == labels[1], out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A rank or title on its own names a role, not a person: the model read these as
        # PERSON ("The Person A agreed the plan"), and "the Sergeant. A Superintendent" as one
        # name, which swallowed the full stop and the next sentence's start.
        ("The Superintendent agreed the plan.", "The Superintendent agreed the plan."),
        ("The Constable attended the house.", "The Constable attended the house."),
        (
            "The Superintendent said that the Inspector should contact the Sergeant. A Superintendent reviewed it.",
            "The Superintendent said that the Inspector should contact the Sergeant. A Superintendent reviewed it.",
        ),
        # A title with a name is still the name.
        ("Superintendent Holloway agreed the plan.", "Police Officer 1 agreed the plan."),
    ],
)
def test_a_title_alone_is_not_a_person(settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert anonymise(text, settings, detector)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Supt" is the short form of Superintendent: "Supt Cole" was another person
        # ("Police Officer 1 and Person A met") for one officer.
        ("Superintendent Mairead Cole and Supt Cole met.", "Police Officer 1 and Police Officer 1 met."),
        # A chief's rank is a title of its own: "Chief" was left before the label
        # ("Chief Police Officer 1 was briefed").
        (
            "Chief Superintendent Olu Bankole was briefed; Chief Superintendent Bankole agreed.",
            "Police Officer 1 was briefed; Police Officer 1 agreed.",
        ),
        ("Chief Inspector Ruth Amesbury was briefed.", "Police Officer 1 was briefed."),
    ],
)
def test_senior_police_ranks_are_titles(settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert anonymise(text, settings, detector)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A rank before ordinary words that are no given name is a practice term's start, not
        # a named officer: these read "Officer 1 was completed", "The Person A was run".
        ("Officer Safety Training was completed.", "Officer Safety Training was completed."),
        ("The Inspector Development Programme was run.", "The Inspector Development Programme was run."),
        ("Officer Welfare Service was contacted.", "Officer Welfare Service was contacted."),
        # A given name, or a surname that is no ordinary word, is still an officer.
        ("Officer Mark Hill was contacted.", "Officer 1 was contacted."),
        ("Officer Quennell was contacted.", "Officer 1 was contacted."),
        # An honorific before ordinary words is still a person ("Mrs Rose Green").
        ("Mrs Rose Green was contacted.", "Person A was contacted."),
    ],
)
def test_a_rank_before_ordinary_words(settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert anonymise(text, settings, detector)[0] == expected


def test_an_organisation_after_a_role_word_stays_one(settings: Settings, detector: Detector) -> None:
    # Ordinary words in the name: a place or body, not a person after their role.
    out, decisions = anonymise("The GP, Ashdyke Medical Centre, replied.", settings, detector)
    assert _people(decisions) == [], out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The model's "Later St. Aldric's" beside the school: the union swallowed "Later".
        ("Later St. Aldric's Primary School wrote.", "Later (school) wrote."),
        ("She was taken to St. Mary's Hospital and then St Mary's Hospital.", "She was taken to (hospital) and then (hospital)."),
        ("Her Majesty's Prison Durham held him.", "(prison) held him."),
    ],
)
def test_a_sentences_first_word_is_not_part_of_a_place(settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert anonymise(text, settings, detector)[0] == expected
