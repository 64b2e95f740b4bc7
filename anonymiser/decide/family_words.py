"""Family words around names: a name only the family word before it marks ("uncle Paddy"),
and a surname before a family word ("the Hill family") that names the family, not the person.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from wordfreq import zipf_frequency

from anonymiser.decide.keep import overlaps_any
from anonymiser.decide.people import SHARED_KEY, Person, PersonBook, fold
from anonymiser.decide.reclassify import PLACE_CATEGORIES
from anonymiser.decide.recognisers import FAMILY_PLURAL, FAMILY_WORD_NAME
from anonymiser.decide.spans import Candidate
from anonymiser.decide.words import NAME_WORD
from anonymiser.detect.given_names import SURNAME_WORD_BELOW_ZIPF, GivenNameRules
from anonymiser.detect.model import MODEL_RECOGNISER_PREFIX
from anonymiser.detect.names import name_tokens, plural_of
from anonymiser.records import Finding, TextUnit
from anonymiser.settings import PeopleWords

# A name found only by the family role before it ("uncle Paddy"): a guess, for review.
_FAMILY_WORD_NAME_SCORE = 0.6


# The next word of a name after a given name: capitalised, after spaces on the same line.
_NEXT_NAME_WORD = re.compile(r"[ \t\u00a0]+([A-Z][A-Za-z'\u2019-]*[a-z][A-Za-z'\u2019-]*)(?![\w'\u2019-])")


_POSSESSIVE = re.compile(r"['\u2019][sS]?$")


def names_after_family_words(
    findings: Sequence[Finding],
    texts: Mapping[int, str],
    words: PeopleWords,
    glossary_words: set[str],
    given: GivenNameRules,
) -> list[Finding]:
    """A capitalised name right after a family role word that no finding covers: "uncle
    Paddy took him to the park", "his nan Sheila", "cousin Tyrese" were published when the
    model and the name lists missed them (PeopleWords.family_role_then_name). The word must
    be a first name of the lists or as rare as a surname ("Paddy", "Tyrese"), the evidence
    a surname needs after a first name; never a title, role, function, practice, keep-list or
    not_names word ("Mother Nature", "his sister Social Worker"), nor a word of a place the
    patterns found. Capitalised words after it that may be surnames ("uncle Paddy Walsh")
    are part of the name. A guess: scored so that the person goes for review."""
    taken: dict[int, list[tuple[int, int]]] = {}
    places: set[str] = set()
    for f in findings:
        taken.setdefault(f.unit, []).append((f.start, f.end))
        if f.category in PLACE_CATEGORIES and not f.recogniser.startswith(MODEL_RECOGNISER_PREFIX):
            places.update(w.lower() for w in NAME_WORD.findall(f.text))
    folded = words.folded
    never = folded.titles | folded.function_words | folded.roles | glossary_words | places

    def no_name(word: str, start: int, uid: int) -> bool:
        return (
            word.lower() in never
            or words.not_name_matcher.is_term(word)
            or overlaps_any(start, start + len(word), taken.get(uid, []))
        )

    out: list[Finding] = []
    for uid, text in texts.items():
        for match in _role_then_name_matches(words.family_role_then_name, text, folded.roles):
            start = match.start("name")
            word = _POSSESSIVE.sub("", match.group("name"))
            if no_name(word, start, uid) or not (
                given.is_first_name(word)
                or (
                    zipf_frequency(word.lower(), "en") < SURNAME_WORD_BELOW_ZIPF
                    # A rare English word is no name ("a Child Abduction Warning Notice",
                    # "Baby Bonding sessions" read "Child Person A", "Baby Person A"),
                    # unless the surname lists hold it ("Fielding").
                    and (not words.has_word_ending(word) or given.is_listed_surname(word))
                )
            ):
                continue
            end = start + len(word)
            # The surname after it, up to two words; a possessive ends the name.
            for _ in range(2):
                if end < match.end("name"):
                    break
                after = _NEXT_NAME_WORD.match(text, end)
                if after is None:
                    break
                surname = _POSSESSIVE.sub("", after.group(1))
                if no_name(surname, after.start(1), uid) or not given.is_surname_like(surname):
                    break
                end = after.start(1) + len(surname)
                if end < after.end(1):
                    break
            out.append(Finding(uid, start, end, text[start:end], "PERSON", _FAMILY_WORD_NAME_SCORE, FAMILY_WORD_NAME))
    return out


def _role_then_name_matches(pattern: re.Pattern[str], text: str, roles: frozenset[str]) -> list[re.Match[str]]:
    """Every match of ``pattern`` (a family role and the word after it), looking again from
    the word after a role when that word is itself a role: "Ms Bolton's sister, Auntie
    Chelle" matched "sister, Auntie" and went on past "Auntie", so "Chelle" was published."""
    out = []
    pos = 0
    while (match := pattern.search(text, pos)) is not None:
        out.append(match)
        word = _POSSESSIVE.sub("", match.group("name")).lower()
        pos = match.start("name") if word in roles and match.start("name") > pos else match.end()
    return out


def family_references(
    resolved: list[Candidate],
    people: list[Person],
    by_uid: dict[int, TextUnit],
    book: PersonBook,
    label: str,
    family_after: re.Pattern[str],
    town_before: Sequence[re.Pattern[str]] = (),
) -> list[Candidate]:
    """A person's surname alone before a family word ("family", "household": patterns/people.yml
    family_words), or in the plural ("the Hills"), names the family, not the person: with
    Jane Hill, a social worker, listed, "the Hill family" read "the Social Worker 1 family",
    and with Denise Marsh alone listed, "the Marsh family" read "the Maternal grandmother
    family". Those spans go to a person for the family name, labelled ``label``; ``people``
    gains them."""
    by_key = {p.key: p for p in people}
    out = []
    for cand in resolved:
        person = by_key.get(cand.key)
        if person is not None and cand.category == "PERSON" and town_before:
            text = by_uid[cand.unit].text
            word = text[cand.start : cand.end]
            tokens = name_tokens(person.name)
            if (
                " " not in word.strip()
                and (len(tokens) >= 2 or person.key.startswith(SHARED_KEY))
                and fold(word) == fold(tokens[-1])
                and not family_after.match(text, cand.end)
                and any(p.search(text[: cand.start]) for p in town_before)
            ):
                out.append(replace(cand, key=f"LOCATION:{word.lower()}", category="LOCATION"))
                continue
        if person is not None and cand.category == "PERSON" and not person.key.startswith(SHARED_KEY):
            text = by_uid[cand.unit].text
            word = text[cand.start : cand.end]
            surname = fold(name_tokens(person.name)[-1]) if len(name_tokens(person.name)) >= 2 else ""
            plural = surname and fold(word) == fold(plural_of(surname, proper=True) or "")
            if surname and " " not in word.strip() and (
                plural or (fold(word) == surname and family_after.match(text, cand.end))
            ):
                family = book.for_shared(name_tokens(person.name)[-1], label)
                if family.key not in by_key:
                    by_key[family.key] = family
                    people.append(family)
                cand = replace(cand, key=family.key)
        out.append(cand)
    return out


# "the Hendersons", "The Marsh-Hendersons", "the O'Neills", "the McDonalds": a surname in the
# plural after "the".
_THE_PLURAL_NAME = re.compile(
    r"(?<![\w'\u2019-])[Tt]he[ \t\u00a0]+(?P<name>(?:[A-Z][A-Za-z'\u2019]+-)*[A-Z][A-Za-z'\u2019]*[a-z]s)(?![\w'\u2019-])"
)
# A family named by its surname in the plural is surely named: as sure as a listed surname.
_FAMILY_PLURAL_SCORE = 0.8
# A word of place before "the": "walked in the Dales", "moved to the Willows" are places,
# however many surnames the lists hold ("Dale", "Willow").
_PLACE_WORD_BEFORE = re.compile(
    r"(?<![\w'\u2019-])(?:in|at|to|from|near|on|into|onto|across|around|round|through|towards?|over|under"
    r"|beyond|within|outside|inside|behind|past)[ \t\u00a0]+$",
    re.IGNORECASE,
)


def plural_family_names(
    resolved: list[Candidate],
    people: list[Person],
    by_uid: dict[int, TextUnit],
    book: PersonBook,
    label: str,
    listed_surname: Callable[[str], bool],
    glossary_words: set[str],
) -> list[Candidate]:
    """A family named by its surname in the plural after "the" ("The Marsh-Hendersons moved
    to the area", "the Browns and the Smiths") when no one of that name is known: "the
    Smiths" and "the Marsh-Hendersons" were published, "the Browns" read "the Person A". The
    singular ("Smith", the last part of a double name) must be a surname of the name lists,
    not merely a rare word ("the Cotswolds"), and no practice word; after a word of place
    ("walked in the Dales", "moved to the Willows") it is a place; and a place or other
    finding the span is part of keeps it. The model's person or body guess
    of exactly these words becomes the family; ``people`` gains it, labelled ``label``."""
    out = list(resolved)
    by_span: dict[tuple[int, int, int], int] = {(c.unit, c.start, c.end): i for i, c in enumerate(out)}
    known = {p.key for p in people}
    for uid, unit in by_uid.items():
        for match in _THE_PLURAL_NAME.finditer(unit.text):
            name = match.group("name")
            start, end = match.span("name")
            if _PLACE_WORD_BEFORE.search(unit.text, max(0, match.start() - 20), match.start()):
                continue
            parts = name.split("-")
            last = parts[-1]
            # "Joneses" is "Jones", "Smiths" "Smith": the first the surname lists hold.
            singulars = [last[:-2]] if last.endswith("es") else []
            singular = next((s for s in (*singulars, last[:-1]) if listed_surname(s)), None)
            if singular is None or any(part.lower() in glossary_words for part in (*parts[:-1], singular)):
                continue
            index = by_span.get((uid, start, end))
            inside = [
                c for c in out if c.unit == uid and c.start < end and start < c.end and (c.start, c.end) != (start, end)
            ]
            if inside:
                continue  # part of a place, an agency or a longer name
            if index is not None and out[index].category not in ("PERSON", "ORGANISATION"):
                continue  # read as a place: the model knows "the Midlands"
            family = book.for_shared("-".join([*parts[:-1], singular]), label)
            if family.key not in known:
                known.add(family.key)
                people.append(family)
            found = Candidate(uid, start, end, family.key, "PERSON", _FAMILY_PLURAL_SCORE, FAMILY_PLURAL)
            if index is None:
                by_span[(uid, start, end)] = len(out)
                out.append(found)
            else:
                out[index] = found
    return out
