"""The model's place guesses that are a person's first name, and its person guesses that are a
town.

The small model reads many first names as places ("Mother took Jordan and Chelsea to the GP"
read "(place) and Person A"; "Mum was 15 when she had Kaiden" read "she had (place)"), and a
lone town after "in" as a person ("works as a scaffolder in Bolton" read "in Person C"). A
place's name is nearly always governed by a word of place ("in", "from", "Location:"); a
person's name seldom is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from anonymiser.decide.words import DEMONYM_ENDINGS, NAME_WORD
from anonymiser.records import Finding
from anonymiser.settings import PeopleWords


def _listed_first_name(word: str, glossary_words: set[str], is_first_name: Callable[[str], bool]) -> bool:
    """A capitalised word of a name that the name lists hold and the keep list does not."""
    return (
        NAME_WORD.fullmatch(word) is not None
        and word[:1].isupper()
        and word.lower() not in glossary_words
        and is_first_name(word)
    )


def first_name_unplaced(
    f: Finding, text: str, glossary_words: set[str], words: PeopleWords, is_first_name: Callable[[str], bool]
) -> bool:
    """Whether the model's one-word place guess ``f`` is a first name of the lists standing
    where a person's name does (patterns/people.yml ``place_before``, ``name_labels``,
    ``possessed_by_people``):

    - after a word in lower case that is no place word ("took |Jordan", "she had |Kaiden");
    - after a name label's colon ("RE: |Brooklyn");
    - with an age in brackets after it ("BROOKLYN (aged 4)");
    - opening a line or sentence, before a possessive and a family role ("India's older
      brother") or "and" and a family role ("Sydney and Mum went"), or ending a list of
      first names ("Sophie-Ann, Amelia and |Florence were").

    A list of capitalised names before it is passed over ("took Jordan and |Chelsea"; "moved
    from Jordan and |Syria" is still governed by "from"). The model's one-word body that is a
    first name before a possessive and a family role ("Chardonnay's mum") is the person too."""
    word = f.text.strip()
    if f.category in _PEOPLE_GUESSES:
        # "Kian (aged 4)", "Kian, then 14 weeks old": a people, a faith or a language has no
        # age, and the model read this first name as one ("(ethnicity) (age) attends").
        return (
            _listed_first_name(word, glossary_words, is_first_name)
            and (_AGE_AFTER.match(text, f.start + len(word)) or _AGE_AFTER_COMMA.match(text, f.start + len(word)))
            is not None
        )
    if f.category == "ORGANISATION":
        # The model's body, read as a person's by what follows ("spoke to Chardonnay's mum").
        return (
            _listed_first_name(word, glossary_words, is_first_name)
            and words.possessive_then_family.match(text, f.start + len(word)) is not None
        )
    if not (f.category == "LOCATION" and _listed_first_name(word, glossary_words, is_first_name)):
        return False
    if words.person_word_before.search(text, max(0, f.start - 30), f.start):
        # "spoke to |Chantelle|", "lives with |Jordan|": only a person follows these.
        return True
    if _AGE_AFTER.match(text, f.start + len(word)):
        # "BROOKLYN (aged 4)", "Jordan (7)": a place has no age.
        return True
    listed = words.before_listed_names.search(text, 0, f.start)
    base = text[: listed.start() if listed else f.start]
    previous = _LAST_WORD.search(base)
    if previous is not None:
        before = previous.group(1)
        return before.islower() and before not in words.place_before_set
    if words.name_label_before.search(base):
        return True
    if _OPENING.search(base) is None:
        return False
    after = f.start + len(word)
    if words.possessive_then_family.match(text, after) or words.and_family_after.match(text, after):
        return True
    # Opening a list of first names: "Sophie-Ann, Amelia and Florence were all there".
    listed_words = NAME_WORD.findall(text[len(base) : f.start])
    return bool(listed_words) and all(is_first_name(w) for w in listed_words)


def first_name_in_list(
    f: Finding, text: str, glossary_words: set[str], words: PeopleWords, is_first_name: Callable[[str], bool]
) -> bool:
    """Whether the model's one-word place, group or body guess ``f`` is a first name of the
    lists joined by a comma, "and", "&" or "or" to another capitalised first name: "Jordan
    and Chelsea went to school" read "(place) and Person A", "Kian and Favour were at school"
    "(ethnicity) and Person A", "Grace and Kian" published "Grace" (a body). A place so
    listed after a place word stays a place ("from Jordan and Syria", "in Chelsea and
    Kent"), as does a list opening with a capitalised word that is no name ("Jordan and
    Syria" governed by nothing is not a list of first names)."""
    word = f.text.strip()
    if not (
        NAME_WORD.fullmatch(word) is not None
        and word[:1].isupper()
        and not word.isupper()
        and word.lower() not in glossary_words
        and is_first_name(word)
    ):
        return False
    end = f.start + len(word)
    after = _NAME_JOINED_AFTER.match(text, end)
    before = _NAME_JOINED_BEFORE.search(text, max(0, f.start - _JOINED_REACH), f.start)
    if not any(m is not None and is_first_name(m.group("name")) for m in (after, before)):
        return False
    if f.category != "LOCATION":
        return True  # a people, a faith or a body is not governed by "in" or "from"
    listed = words.before_listed_names.search(text, 0, f.start)
    previous = _LAST_WORD.search(text[: listed.start() if listed else f.start])
    return previous is None or previous.group(1).lower() not in words.place_before_set


def first_name_taken(
    f: Finding, text: str, glossary_words: set[str], words: PeopleWords, is_first_name: Callable[[str], bool]
) -> bool:
    """Whether the model's one-word people, faith or language guess ``f`` is a first name of
    the lists that someone took, found or saw: right after a word in lower case that is
    neither a place word nor a word a people follows (patterns/people.yml ``place_before``,
    ``peoples_before``: "took |Kian| to nursery", not "spoke |Polish|" or "was |Irish|"), and
    with no noun after it: a small word, a mark or the end ("supported |Roma| families" is
    the people), nor "and" and a capitalised word that is no first name ("German and
    English"). A list of capitalised names before it is passed over ("took Jordan and
    |Kian|")."""
    word = f.text.strip()
    if not (
        f.category in _PEOPLE_GUESSES
        and NAME_WORD.fullmatch(word) is not None
        and word[:1].isupper()
        and not word.isupper()
        and word.lower() not in glossary_words
        and is_first_name(word)
    ):
        return False
    listed = words.before_listed_names.search(text, 0, f.start)
    previous = _LAST_WORD.search(text[: listed.start() if listed else f.start])
    if previous is None:
        return False
    before = previous.group(1)
    if not before.islower() or before in words.peoples_before_set:
        return False
    if before in words.place_before_set and before not in words.leaving_set:
        # "translated into |Polish|"; but "left |Kian| with his nan" (no people is left).
        return False
    end = f.start + len(word)
    follower = _NEXT_WORD.match(text, end)
    if follower is None:
        return True  # a mark, a possessive or the end: "found Kian.", "took Kian's coat"
    folded = follower.group(1).lower()
    joined = _JOINED_WORD.match(text, end)
    if joined is not None and not is_first_name(joined.group(1)):
        return False  # "taught him German and English": a list of languages or peoples
    return (
        folded in words.folded.function_words
        or folded in words.place_before_set
        or words.person_verb_after.match(text, end) is not None
        or words.subject_verb_after.match(text, end) is not None
    )


def first_name_unlike_a_people(
    f: Finding, text: str, glossary_words: set[str], is_first_name: Callable[[str], bool]
) -> bool:
    """Whether the model's one-word people, faith or language guess ``f`` is a first name of
    the lists that looks like no people's name: none of the endings of "Polish", "Somali",
    "Pakistani", "Asian" (``DEMONYM_ENDINGS``). The model's guess is then not specific
    enough to keep, so the word was published wherever the rules that read a name from its
    neighbours did not fire: "The children were Mikey aged 7" kept "Mikey". A people written
    that way is a first name that given_names.yml ``exclude`` rules out ("Roma", "Baptist")."""
    word = f.text.strip()
    return (
        f.category in _PEOPLE_GUESSES
        and NAME_WORD.fullmatch(word) is not None
        and word[:1].isupper()
        and not word.isupper()
        and word.lower() not in glossary_words
        and not word.lower().endswith(DEMONYM_ENDINGS)
        and is_first_name(word)
    )


# A child's age after a name, in commas or brackets ("Kayden|, 3,", "Nevaeh|, 18 months,",
# "Mikey| (7)"): no place is followed so.
CHILDS_AGE_AFTER = re.compile(
    r"(?:[ \t]*,[ \t]*|[ \t]*\([ \t]*)(?:aged[ \t]+)?\d{1,2}(?:[ \t]+(?:months?|years?|weeks?|yrs?))?"
    r"(?:[ \t]*,|[ \t]*\))",
    re.IGNORECASE,
)


def first_name_with_age(
    f: Finding, text: str, glossary_words: set[str], is_first_name: Callable[[str], bool]
) -> bool:
    """Whether the model's one-word place, group or body guess ``f`` is a first name of the
    lists with a child's age right after it, in commas or brackets: "Kayden, 3, and his
    sister" read "(place), (age), and his sister"."""
    word = f.text.strip()
    return (
        _listed_first_name(word, glossary_words, is_first_name)
        and CHILDS_AGE_AFTER.match(text, f.start + len(word)) is not None
    )


# "who" or "whom" opening a clause after a name and its comma ("Tahmina|, who is nine"):
# a place takes "which" or "where".
_WHO_AFTER = re.compile(r"[ \t]*,[ \t]*(?:who|whom)(?![\w'\u2019-])")


def first_name_before_who(
    f: Finding, text: str, glossary_words: set[str], is_first_name: Callable[[str], bool]
) -> bool:
    """Whether the model's one-word place, group or body guess ``f`` is a first name of the
    lists followed by a comma and "who": "Tahmina, who is nine, lives with her mother" read
    "(place), who is nine"."""
    word = f.text.strip()
    return (
        _listed_first_name(word, glossary_words, is_first_name)
        and _WHO_AFTER.match(text, f.start + len(f.text.rstrip())) is not None
    )


# The model's people, faith and language categories.
_PEOPLE_GUESSES = frozenset({"ETHNICITY", "NATIONALITY", "LANGUAGE", "RELIGION"})
# The word after a name, after spaces only ("Kian| to").
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'\u2019-]*)")
# A capitalised word joined to a name by "and", "or" or "&" ("German| and English").
_JOINED_WORD = re.compile(r"[ \t]+(?:and|or|&)[ \t]+([^\W\d_a-z][\w'\u2019-]*)")


# A capitalised word joined to a name as the next or the last item of a list.
_NAME_JOINED_AFTER = re.compile(r"(?:[ \t]*,[ \t]*|,?[ \t]+(?:and|&|or)[ \t]+)(?P<name>[^\W\d_a-z][\w'\u2019-]*)")
_NAME_JOINED_BEFORE = re.compile(
    r"(?<![\w'\u2019-])(?P<name>[^\W\d_a-z][\w'\u2019-]*)(?:[ \t]*,[ \t]*|,?[ \t]+(?:and|&|or)[ \t]+)$"
)
# Enough characters before a name for a long first name and its join.
_JOINED_REACH = 40


# An age in brackets just after a name: "(aged 4)", "(4)", "(14 yrs)", "(15 in 2020)", "(4 in
# May 2019)".
_AGE_AFTER = re.compile(
    r"[ \t]*\((?:aged?[ \t]*)?\d{1,2}(?:[ \t]*(?:yrs?|years?(?:[ \t]+old)?))?"
    r"(?:[ \t]+in[ \t]+(?:[A-Za-z]{3,9}\.?[ \t]+)?(?:19|20)\d\d)?\)"
)
# An age between commas after a name: ", then 14 weeks old", ", aged 4".
_AGE_AFTER_COMMA = re.compile(
    r"[ \t]*,[ \t]*(?:(?:then|now|by[ \t]+then)[ \t]+)?(?:aged[ \t]+\d{1,2}\b|\d{1,2}[ \t-]+(?:weeks?|months?|years?)[ \t-]+old\b)"
)
# The model's readings of a one-word people, faith or language.
_PEOPLE_GUESSES = frozenset({"ETHNICITY", "NATIONALITY", "RELIGION", "LANGUAGE"})
# The word just before a name, after spaces only ("took |").
_LAST_WORD = re.compile(r"(?<![\w'\u2019.-])([^\W\d_]+)[ \t]+$")
# Nothing before a name but the start of the text, a line or a sentence.
_OPENING = re.compile(r"(?:^|[\n.!?])[ \t\u00a0]*$")


def town_read_as_person(
    f: Finding, text: str, words: PeopleWords, is_first_name: Callable[[str], bool]
) -> bool:
    """Whether the model's one-word person guess ``f`` is a town: a capitalised word that is
    no first name of the lists, right after a word only a place follows (patterns/people.yml
    ``town_before``: "a scaffolder in |Bolton"), with no possessive after it ("in Hill's
    care" is a person's)."""
    word = f.text.strip()
    after = text[f.start + len(f.text.rstrip()) : f.start + len(f.text.rstrip()) + 2]
    return (
        f.category == "PERSON"
        and NAME_WORD.fullmatch(word) is not None
        and word[:1].isupper()
        and not word.isupper()
        and after[:1] not in ("'", "\u2019")
        and not is_first_name(word)
        and words.town_word_before.search(text, 0, f.start) is not None
    )


def town_after_going(f: Finding, text: str, words: PeopleWords) -> bool:
    """Whether the person or place guess ``f`` (the model's or the name lists') is a town: one
    capitalised word right after a word of going or living there and its preposition
    (patterns/people.yml ``travel_words``: "had gone to |Kendal|", "born in |Florence|"),
    with no possessive or person's verb after it ("went to Kendal's party", "went to Jordan
    said")."""
    word = f.text.strip()
    end = f.start + len(f.text.rstrip())
    return (
        f.category in ("PERSON", "LOCATION")
        and NAME_WORD.fullmatch(word) is not None
        and word[:1].isupper()
        and text[end : end + 1] not in ("'", "\u2019")
        and town_context(text, f.start, words)
        and words.person_verb_after.match(text, end) is None
    )


def town_context(text: str, start: int, words: PeopleWords) -> bool:
    """Whether a word of going or living somewhere and its preposition end the text before
    ``start`` ("had gone to |"); only the few words before it are read."""
    return words.travel_before.search(text, max(0, start - _TRAVEL_REACH), start) is not None


# Enough characters before a name for the longest travel word, "back" and a preposition.
_TRAVEL_REACH = 32
