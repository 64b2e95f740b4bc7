"""The model's categories corrected where a pattern recogniser knows better.

The model reads "The paramedic, Owain Pritchard" as a body, "Westmere" of "Westmere
Constabulary" as a person, "Sertraline" as a person; the findings of the pattern recognisers
around and inside its guesses say what they are. Run once, before any finding is judged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from wordfreq import zipf_frequency

from anonymiser.decide.keep import inside_any
from anonymiser.decide.people import role_before
from anonymiser.decide.place_guesses import (
    first_name_before_who,
    first_name_in_list,
    first_name_taken,
    first_name_unlike_a_people,
    first_name_with_age,
    first_name_unplaced,
    town_after_going,
    town_read_as_person,
)
from anonymiser.decide.recognisers import TOWN_AFTER_GOING
from anonymiser.decide.words import NAME_WORD
from anonymiser.detect.given_names import (
    GIVEN_NAME_RECOGNISER,
    PLACE_NAME_RECOGNISER,
    SURNAME_WORD_BELOW_ZIPF,
)
from anonymiser.detect.model import MODEL_RECOGNISER_PREFIX
from anonymiser.detect.names import is_common_word
from anonymiser.records import Finding
from anonymiser.settings import PeopleWords

# Institutions that name a place: a lone PERSON guess that starts one of these is the place
# ("Westmere" of "Westmere Constabulary"), not a person.
_INSTITUTIONS = frozenset({"HOSPITAL", "SCHOOL", "NURSERY", "GP_PRACTICE", "PRISON"})
_PLACE_NAMED = ("AGENCY", "HOSPITAL", "SCHOOL", "NURSERY", "GP_PRACTICE", "PRISON", "ADDRESS")
# Where the document's places are: a word of one of these is a place word, not a given name.
PLACE_CATEGORIES = frozenset({"LOCATION", "ADDRESS", *_PLACE_NAMED})


# A church school's or hospital's short name: the saint's name with its possessive ("St
# Aldric's" of "St Aldric's Primary School"), which staff write alone.
_SAINTS_SHORT_NAME = re.compile(r"^(?:St\.?|Saint)\s+[A-Z][\w\-]*['\u2019]s\b")


# Categories whose list entries never name a person: a person guess of exactly those words is
# the list's ("Hepatitis C" is a condition, "Sertraline" a medicine, whatever the model says).
_NEVER_PEOPLE = frozenset({"CONDITION", "MEDICATION", "SUBSTANCE"})
# What the model's place and group labels (GPE, LOC, NORP) are read as.
_GROUPS = frozenset({"ETHNICITY", "NATIONALITY", "LANGUAGE", "RELIGION"})
_PLACE_OR_GROUP = frozenset({"LOCATION", *_GROUPS})


def reclassify(
    findings: Sequence[Finding],
    glossary_words: set[str],
    is_first_name: Callable[[str], bool],
    texts: Mapping[int, str],
    words: PeopleWords,
    is_word_name: Callable[[str], bool] | None = None,
    is_country: Callable[[str], bool] = lambda word: False,
    is_known_place: Callable[[str], bool] = lambda word: True,
    is_listed_surname: Callable[[str], bool] = lambda word: True,
) -> list[Finding]:
    """Fix the model's category where a pattern recogniser knows better.

    ``is_word_name``: a first name that given_names.yml's ``exclude`` does not rule out
    ("Con" is a word), for the rules that read a name from the words around it alone;
    ``is_first_name`` when not given. ``is_country``: a country's name ("China");
    ``is_known_place``: a country or a town of the gazetteer (both from places.yml's rules).
    ``is_listed_surname``: a surname of the name lists.

    - An ORG or place guess of two or three name words right after a role word is that
      person: "The paramedic, Owain Pritchard, found him" read "The paramedic, (organisation),".

    - An ORG that overlaps an agency found by its head word is that agency (kept by scr).
    - A one-word PERSON that begins a place-named institution is a place (LOCATION).
    - A PERSON inside an address found by its street word is that address, unless it starts
      with a first name and no residence word comes before it (patterns/people.yml
      residence_words): "took him home to Ashcombe Row" was labelled "Person B", as was
      "moved to Harriet Close"; "spoke to Sarah Grove" stays a person. A street or building
      named after a first name ("Florence Court", given_names.yml place_ends) is a place
      wherever it stands.
    - A PERSON the model or the name lists guessed inside something else a pattern is surer
      of is not a person: "Gypsy Roma Traveller" (ethnicity; "Roma" is a first name) or
      "Prison Durham" (of a prison) made a person whose name, found everywhere, took "a
      traveller on the bus" with it.
    - A PERSON guessed that is exactly a listed condition or medicine, and not a first name,
      is that: "Sertraline increased to 100mg" made a "Person L", found everywhere.
    - A one-word place or group guess that is a first name, right before a verb only a person
      does (patterns/people.yml person_verbs), is that person: "Kian and his sister India ...
      India said that Kian had been crying" read "(ethnicity) had been crying".
    - A one-word place guess that is a first name with no place word before it
      (patterns/people.yml place_before) is that person: "Mother took Jordan and Chelsea to
      the GP" read "(place) and Person A".
    - A one-word people, faith or language guess that is a first name, after a word in
      lower case that neither a place nor a people follows (people.yml place_before,
      peoples_before) and before no noun, is that person: "took Kian to nursery" read "took
      (ethnicity) to nursery"; "spoke Polish", "supported Roma families" stay.
    - A one-word people, faith or language guess that is a first name and ends like no
      people's name ("Mikey", not "Polish" or "Somali") is that person wherever it stands:
      "The children were Mikey aged 7" published "Mikey".
    - A one-word place, group or body guess that is a first name with a child's age after it
      in commas or brackets is that person: "Kayden, 3, and his sister" read "(place)".
    - A one-word place, group or body guess that is a first name followed by a comma and
      "who" is that person: "Tahmina, who is nine," read "(place), who is nine,".
    - A one-word person guess of the model that is no first name, right after a word only a
      place follows (people.yml town_before), is a place: "in Bolton" read "in Person C".
    - A people, faith or language guess that is a country or a listed town is that
      place: "a Pwllheli family" read "a (ethnicity) family".
    - A model's guess that is exactly the saint's short name of an institution a pattern or
      the case file found ("St Aldric's" of "St Aldric's Primary School") is that institution:
      "the Designated Safeguarding Lead at St Aldric's" read "(place)".
    """
    agency_spans: dict[int, list[tuple[int, int]]] = {}
    address_spans: dict[int, list[tuple[int, int]]] = {}
    surer: dict[int, list[tuple[int, int, float]]] = {}
    place_words: set[str] = set()
    short_names: dict[str, str] = {}
    openers = frozenset(w.lower() for w in words.function_words)
    never_people = {
        (f.unit, f.start, f.end)
        for f in findings
        if f.category in _NEVER_PEOPLE and not f.recogniser.startswith(MODEL_RECOGNISER_PREFIX)
    }
    for f in findings:
        if f.category != "PERSON" and not f.recogniser.startswith(MODEL_RECOGNISER_PREFIX):
            # A street named after a first name ("Grace Close") or an institution its kind
            # names ("St Mary's Hospital", which the model also read as a person) is surer
            # than any person guess inside it, whatever score the model's PERSON is given.
            # A first name and "Ward" alone is a person as often as a ward ("Stacey Ward
            # attended" read "(hospital) attended"): it keeps its pattern's score, which a
            # full name outscores and a ward by its context ("admitted to Rowan Ward") does not.
            surest = f.category in _INSTITUTIONS and not _first_name_and_ward(f.text, is_first_name)
            score = float("inf") if f.recogniser == PLACE_NAME_RECOGNISER or surest else f.score
            surer.setdefault(f.unit, []).append((f.start, f.end, score))
        if f.category == "AGENCY":
            agency_spans.setdefault(f.unit, []).append((f.start, f.end))
        if f.category == "ADDRESS" and not f.recogniser.startswith(MODEL_RECOGNISER_PREFIX):
            address_spans.setdefault(f.unit, []).append((f.start, f.end))
        if f.category in _INSTITUTIONS and not f.recogniser.startswith(MODEL_RECOGNISER_PREFIX):
            short = _SAINTS_SHORT_NAME.match(f.text)
            if short is not None:
                short_names.setdefault(" ".join(short.group(0).split()), f.category)
        if f.category in _PLACE_NAMED:
            first = f.text.split()[0] if f.text.split() else ""
            if first[:1].isupper() and not first[:1].isdigit():
                place_words.add(first)
    pattern_places = frozenset(
        w.lower()
        for f in findings
        if f.category in PLACE_CATEGORIES and not f.recogniser.startswith(MODEL_RECOGNISER_PREFIX)
        for w in NAME_WORD.findall(f.text)
    )
    named = is_word_name or is_first_name
    titles = _one_word_titles(words)
    out = []
    for f in findings:
        if _person_after_role(f, texts[f.unit], glossary_words, words, is_first_name, pattern_places) or _titled_guess(
            f, glossary_words, words, titles
        ):
            f = replace(f, category="PERSON")
        else:
            f = _name_inside_family_word(f, words, is_first_name, glossary_words) or f
        guess = f.recogniser.startswith(MODEL_RECOGNISER_PREFIX) or f.recogniser == GIVEN_NAME_RECOGNISER
        if _class_name(f, texts[f.unit], is_first_name, is_listed_surname):
            # "moved to the Kestrel class": a school's class named after a bird or a tree.
            continue
        if guess and f.category == "PERSON" and any(
            s <= f.start and f.end <= e and score > f.score for s, e, score in surer.get(f.unit, [])
        ):
            continue
        if guess and f.category == "PERSON" and any(s <= f.start and f.end == e for s, e in agency_spans.get(f.unit, [])):
            # A person guess that runs to the end of an agency's name holds its kind word
            # ("Westshire Homes" read as a person, and redacted where scr keeps the agency):
            # no one's name ends in "Homes" or "Council". A guess short of it stays
            # ("Kayleigh" of "told Kayleigh Police attended").
            continue
        if (
            guess
            and f.category == "PERSON"
            and (f.unit, f.start, f.end) in never_people
            and not is_first_name(f.text.strip())
        ):
            # Exactly the words of a named condition or medicine ("Hepatitis C", capitalised
            # after a full stop was cut off it; "Sertraline" opening a sentence): no person is
            # called that. A first name a drug dictionary also lists is still a person.
            continue
        if guess and town_after_going(f, texts[f.unit], words) and (f.category == "PERSON" or is_first_name(f.text.strip())):
            # "had gone to Kendal": the town, though Kendal is a first name (and the person
            # elsewhere in the draft, whose name found everywhere gives way to it here).
            f = replace(f, category="LOCATION", recogniser=TOWN_AFTER_GOING)
        short, offset = _without_openers(f.text, openers)
        short_name_of = short_names.get(short) if f.recogniser.startswith(MODEL_RECOGNISER_PREFIX) else None
        if short_name_of is not None:
            f = replace(f, start=f.start + offset, text=f.text[offset:], category=short_name_of)
        elif f.recogniser.startswith(MODEL_RECOGNISER_PREFIX):
            if f.category == "ORGANISATION" and any(
                s < f.end and f.start < e for s, e in agency_spans.get(f.unit, [])
            ):
                f = replace(f, category="AGENCY")
            elif f.category in (*_PLACE_OR_GROUP, "ORGANISATION") and not inside_any(
                f.start, f.end, agency_spans.get(f.unit, [])
            ) and (
                (
                    f.category != "ORGANISATION"
                    and _first_name_doing(f, texts[f.unit], glossary_words, words, is_first_name, is_known_place)
                )
                or (
                    first_name_unplaced(f, texts[f.unit], glossary_words, words, named)
                    and not _country_gone_to(f, texts[f.unit], words, is_country)
                )
                or first_name_in_list(f, texts[f.unit], glossary_words, words, named)
                or first_name_taken(f, texts[f.unit], glossary_words, words, named)
                or first_name_unlike_a_people(f, texts[f.unit], glossary_words, named)
                or first_name_with_age(f, texts[f.unit], glossary_words, named)
                or first_name_before_who(f, texts[f.unit], glossary_words, named)
            ):
                f = replace(f, category="PERSON")
            elif f.category in _GROUPS and is_known_place(f.text):
                # "a Pwllheli family" read "a (ethnicity) family": no people, faith or
                # language is named after a town or a country the gazetteer lists.
                f = replace(f, category="LOCATION")
            elif f.category == "PERSON" and " " not in f.text.strip() and f.text.strip() in place_words:
                f = replace(f, category="LOCATION")
            elif town_read_as_person(f, texts[f.unit], words, is_first_name):
                f = replace(f, category="LOCATION")
            elif (
                f.category == "PERSON"
                and inside_any(f.start, f.end, address_spans.get(f.unit, []))
                and (not is_first_name(f.text.split()[0]) or words.residence_before.search(texts[f.unit][: f.start]))
            ):
                f = replace(f, category="ADDRESS")
        out.append(f)
    return out


# "the" just before a class's name, and "class" or "group" in lower case just after it.
_THE_BEFORE = re.compile(r"(?<![\w-])the[ \t]+$", re.IGNORECASE)
_CLASS_AFTER = re.compile(r"[ \t]+(?:class|Class|group|Group)(?![\w'\u2019-])")
# A word wordfreq knows at least this well is an English word, not a name the lists lack.
_ENGLISH_WORD_ZIPF = 2.0


def _class_name(
    f: Finding, text: str, is_first_name: Callable[[str], bool], is_listed_surname: Callable[[str], bool]
) -> bool:
    """Whether the model's one-word person guess ``f`` is a school class's name: an English
    word that is no first name or surname of the lists, after "the" and before "class" or
    "group" ("the Kestrel class" read "the Person B class"). A teacher's name there ("the
    Jones class", "the Okafor class") stays a person."""
    word = f.text.strip()
    return (
        f.recogniser.startswith(MODEL_RECOGNISER_PREFIX)
        and f.category == "PERSON"
        and NAME_WORD.fullmatch(word) is not None
        and word[:1].isupper()
        and not word.isupper()
        and _THE_BEFORE.search(text, max(0, f.start - 8), f.start) is not None
        and _CLASS_AFTER.match(text, f.start + len(f.text.rstrip())) is not None
        and zipf_frequency(word.lower(), "en") >= _ENGLISH_WORD_ZIPF
        and not is_first_name(word)
        and not is_listed_surname(word)
    )


def _without_openers(text: str, openers: frozenset[str]) -> tuple[str, int]:
    """``text`` with its spaces single and the sentence's opening words off, and where what
    is left starts ("Later St Bride's" is the model's "St Bride's" that took the sentence's
    first word)."""
    offset = len(text) - len(text.lstrip())
    while True:
        word = re.match(r"(\S+)\s+(?=\S)", text[offset:])
        if word is None or word.group(1).lower() not in openers:
            return " ".join(text[offset:].split()), offset
        offset += word.end()


def _first_name_and_ward(text: str, is_first_name: Callable[[str], bool]) -> bool:
    """Whether ``text`` is a first name of the lists and "Ward", and nothing else."""
    parts = text.split()
    return len(parts) == 2 and parts[1] == "Ward" and is_first_name(parts[0])


def _person_after_role(
    f: Finding,
    text: str,
    glossary_words: set[str],
    words: PeopleWords,
    is_first_name: Callable[[str], bool] = lambda word: False,
    places: frozenset[str] = frozenset(),
) -> bool:
    """Whether the model's ORG or place guess ``f`` (or one word it read as a people, a
    language or a faith: "her daughter Zuzanna" as an ethnicity) is a person's name after their role
    ("the paramedic, Owain Pritchard"): two or three capitalised name words, none of them an
    ordinary or practice word, right after a family or professional role word. One word is
    a name right after a practitioner's role word if it is a first name of the lists ("the
    midwife, Bethan"), and right after a family role word ("her mother, Tamzin", "uncle Paddy", which the
    model read as a body and a place) on the evidence names_after_family_words asks for: a
    first name or a word as rare as a surname, and no word of a place the patterns found
    (``places``, lower case). Right after a kinship word written as a title (people.yml
    ``kin_titles``: "Auntie Shell", "Uncle Trucker") any word is a name: a family calls a
    relative by an ordinary word, which the model read as the oil company."""
    if not f.recogniser.startswith(MODEL_RECOGNISER_PREFIX) or f.category not in ("ORGANISATION", *_PLACE_OR_GROUP):
        return False
    tokens = f.text.split()
    if f.category not in ("ORGANISATION", "LOCATION") and len(tokens) != 1:
        return False  # a people, a language or a faith of several words is not a name
    if len(tokens) == 1 and NAME_WORD.fullmatch(tokens[0]):
        word = tokens[0]
        folded = words.folded
        low = word.lower()
        if any(low in known for known in (glossary_words, places, folded.titles, folded.roles)):
            return False
        if words.not_name_matcher.is_term(word):
            return False
        group = role_before(text, f.start, words)[1]
        if group == "professional":
            # A first name of the lists right after a practitioner's role is that
            # practitioner ("the midwife, Bethan, left a card", "the IDVA, Chloe,"), which
            # the model read as a place or a body and labelled "(place)".
            return is_first_name(word)
        return group == "family" and (
            is_first_name(word)
            or zipf_frequency(word.lower(), "en") < SURNAME_WORD_BELOW_ZIPF
            or _kin_title_before(text, f.start, words)
        )
    if not 2 <= len(tokens) <= 3 or not all(NAME_WORD.fullmatch(t) for t in tokens):
        return False
    if any(is_common_word(t) or t.lower() in glossary_words for t in tokens):
        return False
    return role_before(text, f.start, words)[0] is not None


def _titled_guess(f: Finding, glossary_words: set[str], words: PeopleWords, titles: frozenset[str]) -> bool:
    """Whether the model's body or place guess ``f`` is a one-word title or rank as written
    (people.yml ``titles``, ``ranks``: "Nurse", "Dr", "Sgt") and one or two name words, none
    of them an ordinary or practice word: "He was seen by Nurse Adeyemi" read "(place)". "Nurse
    Practitioners" and "Sister Wards" are ordinary words after the title."""
    if not f.recogniser.startswith(MODEL_RECOGNISER_PREFIX) or f.category not in ("ORGANISATION", "LOCATION"):
        return False
    tokens = f.text.split()
    if not 2 <= len(tokens) <= 3 or tokens[0].rstrip(".") not in titles:
        return False
    return all(
        NAME_WORD.fullmatch(t) is not None
        and t[:1].isupper()
        and not is_common_word(t)
        and t.lower() not in glossary_words
        and not words.not_name_matcher.is_term(t)
        for t in tokens[1:]
    )


def _one_word_titles(words: PeopleWords) -> frozenset[str]:
    """people.yml's one-word titles and ranks, without their full stops, as written."""
    return frozenset(w.rstrip(".") for w in (*words.titles, *words.ranks) if " " not in w.strip())


# A capitalised word and the spaces after it, just before a name ("Auntie |Shell").
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'\u2019-])([A-Z][a-z-]+)[ \t\u00a0]+$")


def _kin_title_before(text: str, start: int, words: PeopleWords) -> bool:
    """Whether a kinship word written as a title ("Auntie", "Nanny") comes right before
    ``start``; in lower case ("his uncle") it is the role, and a body may follow it."""
    before = _CAPITALISED_BEFORE.search(text, max(0, start - 20), start)
    return before is not None and before.group(1).lower() in words.kin_title_set


# A family word opening a guess, then one or two name words and perhaps a possessive
# ("Uncle |Sandeep|", "Baby |Alfie|'s").
_FAMILY_WORD_THEN_NAME = re.compile(
    r"(?P<role>[A-Za-z-]+)[ \t]+(?P<name>[A-Z][\w'\u2019-]*?(?:[ \t]+[A-Z][\w'\u2019-]*?)?)(?:['\u2019]s?)?"
)


def _name_inside_family_word(
    f: Finding, words: PeopleWords, is_first_name: Callable[[str], bool], glossary_words: set[str]
) -> Finding | None:
    """The person inside the model's place or body guess that opens with a family word
    ("Uncle Sandeep drove", "Baby Alfie's cot": both read "(organisation)", and the
    possessive went with it): the name alone, as a person; None if the guess is no such."""
    if not f.recogniser.startswith(MODEL_RECOGNISER_PREFIX) or f.category not in ("ORGANISATION", "LOCATION"):
        return None
    shape = _FAMILY_WORD_THEN_NAME.fullmatch(f.text.strip())
    if shape is None or shape.group("role").lower() not in words.family_role_set:
        return None
    names = shape.group("name").split()
    first = names[0]
    if first.lower() in glossary_words or not (
        is_first_name(first) or zipf_frequency(first.lower(), "en") < SURNAME_WORD_BELOW_ZIPF
    ):
        return None
    lead = len(f.text) - len(f.text.lstrip())
    start = f.start + lead + shape.start("name")
    return replace(f, start=start, end=start + len(shape.group("name")), text=shape.group("name"), category="PERSON")


def _country_gone_to(f: Finding, text: str, words: PeopleWords, is_country: Callable[[str], bool]) -> bool:
    """Whether the model's place guess ``f`` is a country's name right after a word of going,
    living or leaving and its preposition ("had returned to |China|", "went back to
    |Jordan|"): the country, though it is a first name and "returned to" a person's lead-in."""
    return (
        f.category == "LOCATION"
        and is_country(f.text)
        and words.going_before.search(text, max(0, f.start - _GOING_REACH), f.start) is not None
    )


# Enough characters before a name for the longest word of going, "back" and a preposition.
_GOING_REACH = 32


def _first_name_doing(
    f: Finding,
    text: str,
    glossary_words: set[str],
    words: PeopleWords,
    is_first_name: Callable[[str], bool],
    is_known_place: Callable[[str], bool] = lambda word: True,
) -> bool:
    """Whether the model's one-word place or group guess ``f`` is a first name right before a
    verb only a person does ("Kian| had been crying", "Chelsea| was unwell"), or a people
    guess before a subject's verb ("Kian| was on Willow Ward"), or a place guess that no
    country or gazetteer town is called (``is_known_place``) before a verb in the past tense
    ("Jayden| punched a teacher": a town may be a sentence's subject, "Bolton won")."""
    word = f.text.strip()
    end = f.start + len(f.text.rstrip())
    return (
        NAME_WORD.fullmatch(word) is not None
        and word.lower() not in glossary_words
        and is_first_name(word)
        and (
            words.person_verb_after.match(text, end) is not None
            or (
                f.category != "LOCATION"
                and (words.subject_verb_after.match(text, end) is not None or past_tense_after(text, end, words))
            )
            or (f.category == "LOCATION" and not is_known_place(word) and past_tense_after(text, end, words))
        )
    )


# A word in lower case right after a name ("Kian| swam").
_LOWER_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)\b(?![-'\u2019])")


def past_tense_after(text: str, end: int, words: PeopleWords) -> bool:
    """Whether a verb in the past tense follows ``end``: a word in -ed ("Kian| kicked") or one
    of people.yml ``past_tenses`` ("Kian| swam"). A people word is followed by a noun ("Roma
    families"); a people before a past participle ("Asian owned") is written with a hyphen."""
    after = _LOWER_WORD_AFTER.match(text, end)
    if after is None:
        return False
    verb = after.group(1)
    return (len(verb) > 4 and verb.endswith("ed")) or verb in words.past_tense_set
