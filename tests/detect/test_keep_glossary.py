"""patterns/keep.yml: the practice glossary that is never redacted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from anonymiser.detect.registry import load_recognisers
from anonymiser.errors import ConfigError
from anonymiser.pipeline import analyse
from anonymiser.read.text import document_from_text
from anonymiser.settings import default_patterns_dir, load_keep_list

KEEP = Path(__file__).resolve().parents[2] / "patterns" / "keep.yml"
BAD_PATTERNS = Path(__file__).resolve().parents[1] / "data" / "bad_patterns"
TERM_SECTIONS = (
    "agencies", "government", "courts", "roles", "processes", "legislation", "report_words", "legal_words", "word_fields",
    "public_cases",
)
FORMS = "anonymised_forms"
LAW_FORMS = "law_forms"
AGE_LIMIT_FORMS = "age_limit_forms"
OVER_FORMS = "recognisers_over_forms"

# Terms named in the spine issue: each must be on the list.
SPINE_TERMS = [
    "Ofsted",
    "Children's Social Care",
    "MASH",
    "CAMHS",
    "LSCB",
    "health visitor",
    "Designated Nurse",
    "section 47",
    "Children Act 1989",
    "Working Together to Safeguard Children",
    "CAF",
    "TAF",
    "Initial Child Protection Conference",
    "Strategy Meeting",
]


@pytest.fixture(scope="module")
def keep() -> dict:
    return yaml.safe_load(KEEP.read_text(encoding="utf-8"))


def all_terms(keep: dict) -> list[str]:
    return [term for section in TERM_SECTIONS for term in keep[section]]


def test_file_opens_with_a_comment_for_the_consultant() -> None:
    assert KEEP.read_text(encoding="utf-8").startswith("# Keep list")


def test_has_exactly_the_expected_sections(keep: dict) -> None:
    assert set(keep) == {*TERM_SECTIONS, FORMS, LAW_FORMS, AGE_LIMIT_FORMS, OVER_FORMS}
    for section in keep:
        assert isinstance(keep[section], list) and keep[section], section


def test_entries_are_plain_non_empty_text(keep: dict) -> None:
    for section, entries in keep.items():
        for entry in entries:
            assert isinstance(entry, str), (section, entry)  # YAML turns bare yes/no into bools
            assert entry == entry.strip() and entry, (section, entry)


def test_has_at_least_250_entries(keep: dict) -> None:
    assert sum(len(entries) for entries in keep.values()) >= 250


def test_no_duplicates_ignoring_case(keep: dict) -> None:
    seen: dict[str, str] = {}
    for section in TERM_SECTIONS:
        for term in keep[section]:
            key = term.casefold()
            assert key not in seen, f"{term!r} in {section} repeats {seen.get(key)}"
            seen[key] = section
    forms = keep[FORMS]
    assert len(forms) == len(set(forms))


@pytest.mark.parametrize("term", SPINE_TERMS)
def test_contains_spine_terms(keep: dict, term: str) -> None:
    assert term.casefold() in {t.casefold() for t in all_terms(keep)}


def test_every_form_compiles_and_is_anchored(keep: dict) -> None:
    for form in keep[FORMS] + keep[LAW_FORMS] + keep[AGE_LIMIT_FORMS]:
        re.compile(form)
        assert form.startswith("^") and form.endswith("$"), form


@pytest.mark.parametrize(
    ("candidate", "is_anonymised"),
    [
        ("Child A", True),
        ("Child 1", True),
        ("Mother", True),
        ("Father", True),
        ("Father 2", True),
        ("Adult 2", True),
        ("Hospital 1", True),
        ("Address 4", True),
        ("Support Officer 1", True),
        ("Social Worker 1", True),
        ("Person B", True),
        ("Sibling 1", True),
        ("MH", True),
        ("FH", True),
        ("Baby W", True),
        ("(specified medication)", True),
        ("(a specific issue)", True),
        ("(date)", True),
        ("[redacted]", True),
        ("Child Ashdown", False),  # a real-looking name after "Child"
        ("Child Jo", False),  # codes are capitals, even when matching ignores case
        ("Mother Di", False),
        ("(Jane Quarrington)", False),  # a bracketed name is not a descriptor
        ("Ward 7", False),  # real wards and flats are numbered
        ("Flat 2", False),
        ("Jane Quarrington", False),
        ("Hospital", False),  # a bare place word needs its code
        ("Oakfield Primary School", False),
        ("Child A lived with Mother", False),  # forms match a whole candidate only
        ("(unclosed", False),
    ],
)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE], ids=["exact-case", "ignore-case"])
def test_anonymised_forms_match_whole_candidates(
    keep: dict, candidate: str, is_anonymised: bool, flags: int
) -> None:
    matched = any(re.fullmatch(form, candidate, flags) for form in keep[FORMS])
    assert matched is is_anonymised


@pytest.mark.parametrize(
    "term",
    ["Oakfield Primary School", "Westby Medical Centre", "Ward 7", "Children's Centre", "school"],
)
def test_identifying_service_types_are_not_kept(keep: dict, term: str) -> None:
    assert term.casefold() not in {t.casefold() for t in all_terms(keep)}


def test_broken_recogniser_yaml_raises_config_error_naming_the_file() -> None:
    with pytest.raises(ConfigError, match=r"broken\.yml"):
        load_recognisers(BAD_PATTERNS, [])


@pytest.mark.parametrize(
    ("candidate", "is_law"),
    [
        ("Housing Act 1985", True),
        ("the Housing Act 1985", True),
        ("Children (Leaving Care) Act 2000", True),
        ("Criminal Justice and Public Order Act 1994", True),
        ("the 1996 Act", True),
        ("the 2010 Regulations", True),
        ("Civil Procedure Rules", True),
        ("Rules of the Supreme Court", True),
        ("the Rules of Court", True),
        ("Criminal Code", True),
        ("the Hague Convention", True),
        ("Brackwater Borough Council", False),  # a body, not a law
        ("Leeds Crown Court", False),
        ("Oakfield Primary School", False),
        ("1996", False),  # a year alone is a date
        ("the act of 1996", False),  # not a name: small letters
        # Places and people whose names end like a law: a rare word in them says so.
        ("the Kingsmead Estate Dispersal Order", False),
        ("Selsey Bill", False),
        ("Portland Bill", False),
        ("Leanne Code", False),
        ("Kayleigh's Bill", False),
    ],
)
def test_law_forms_match_names_of_legislation(candidate: str, is_law: bool) -> None:
    from anonymiser.settings import load_settings

    assert load_settings(policy="strict").keep.is_law_name(candidate) is is_law


def test_a_long_heading_in_title_case_is_judged_at_once() -> None:
    # "Of" and "The" read both as joining words and as capitalised words made the matcher try
    # every split of a heading that is not a law: seconds for twenty words, four times as long
    # with each two more, so a regression makes this test hang rather than fail.
    from anonymiser.settings import load_settings

    keep = load_settings(policy="scr").keep
    words = " ".join(["Of The Westmere Family"] * 8)
    assert keep.is_law_name(f"Review {words}") is False
    # Ending like a law does not make rare words a law's name.
    assert keep.is_law_name(f"Review {words} Order") is False


@pytest.mark.parametrize(
    ("term", "plural"),
    [
        ("IMR", "IMRs"),
        ("Individual Management Review", "Individual Management Reviews"),
        ("chronology", "chronologies"),
        ("Interim Care Order", "Interim Care Orders"),
        ("strategy discussion", "strategy discussions"),
        ("Serious Case Review", "Serious Case Reviews"),
    ],
)
def test_the_plural_of_a_practice_term_is_practice(term: str, plural: str) -> None:
    # strict masked "Individual Management Reviews (IMRs)" as two organisations and "a
    # recurring theme in Serious Case Reviews" as a rare feature.
    from anonymiser.detect.names import plural_of
    from anonymiser.settings import load_settings

    assert plural_of(term) == plural
    matcher = load_settings().keep.matcher
    assert matcher.is_term(term) and matcher.is_term(plural)
    text = f"Agencies provided {plural} last year."
    assert [text[s:e] for s, e in matcher.spans(text)] == [plural]


@pytest.mark.parametrize("seed", range(10))
def test_plurals_in_one_branch_find_what_separate_terms_find(seed: int) -> None:
    # The glossary matches each term's plural in the term's own branch ("chronolog(?:ies|y)")
    # instead of as a second term: the regex is a third shorter and compiles in half the
    # time. It must find exactly what the two terms would.
    import random

    from anonymiser.decide.keep import TermMatcher
    from anonymiser.detect.names import plural_of
    from anonymiser.settings import load_settings

    rng = random.Random(seed)
    terms = rng.sample(sorted(load_settings().keep.terms), 80)
    expanded = TermMatcher([*terms, *(p for t in terms if (p := plural_of(t)))])
    merged = TermMatcher(terms, plurals=True)
    words = [*terms, *(plural_of(t) or t for t in terms), "the", "Person A", "reviews", ",", "."]
    text = " ".join(rng.choice(words) for _ in range(300))
    assert merged.spans(text) == expanded.spans(text)
    assert merged.terms == expanded.terms


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # strict read "Instagram" as an ethnicity; scr sent "occupier" for review as a rare
        # feature ("The (a specific issue), Person G, was arrested").
        ("On 19 January 2022 her school, Ravensby Girls' School, gave police screenshots of Instagram messages.", "Instagram"),
        ("The occupier, Shahid Hussain, was arrested for possession.", "occupier"),
        # A disclosure scheme named after a child: "Sarah's Law" read "Person A's Person B".
        ("Mother made a Clare's Law application; Sarah's Law was not used.", "Sarah's Law"),
        ("The Stop It Now helpline was suggested to him.", "Stop It Now"),
        # The Healthy Child Programme's reviews by their age ranges ("the (date) review").
        ("The Healthy Child Programme 2-2.5 year review was not completed.", "2-2.5"),
        ("The 9-12 month review was missed; the keyworker visited.", "9-12"),
        ("The Supporting Families keyworker visited.", "keyworker"),
    ],
)
@pytest.mark.parametrize("policy", ["settings", "strict_settings"])
def test_platforms_and_record_words_are_kept(
    policy: str, text: str, kept: str, request: pytest.FixtureRequest
) -> None:
    settings = request.getfixturevalue(policy)
    detector = request.getfixturevalue("detector" if policy == "settings" else "strict_detector")
    decisions, _ = analyse(document_from_text(text), settings, detector)
    assert not any(kept in text[e.start : e.end] for e in decisions.edits)


def test_public_cases_are_names_kept_whole(keep: dict) -> None:
    # Kept as whole names, never as words: "Victoria" of "Victoria Climbié" stays a first name.
    loaded = load_keep_list(default_patterns_dir())
    assert set(keep["public_cases"]) == set(loaded.names)
    assert not set(loaded.names) & set(loaded.terms)
    assert all(" " in name for name in loaded.names), "a single word here would be kept everywhere"
    assert loaded.matcher.is_term("Victoria Climbié") and not loaded.matcher.is_term("Victoria")
