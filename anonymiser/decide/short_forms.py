"""Short forms and lone initials of names the draft itself gives.

A family calls its members by short forms, and a quoted record by a letter: "Con did it"
where the draft names Connor Brightwell, "small bruise K's forehead, ... K running around
clinic" where it names Kian Marsh. Without a case file nothing listed them, so they were
published; a family member's short name in a published review can identify a child.

Both are read off the people the decide stage has already found, so they are found only
where the draft names someone whose given name they shorten:

- a short form: a capitalised word of at least ``short_form_letters`` letters that begins the
  given name of people found in the draft, seen at least once away from a sentence's start
  and not beside another capitalised word; it is then theirs wherever it stands alone;
- a lone initial: a capital letter (not "A" or "I") used as a name, possessive ("K's") or
  between lower-case words ("K running", "saw K on"), that begins the given name of family
  members found in the draft (people not known to be practitioners).

Words and labels that are never either are data in ``patterns/people.yml``. What is found
here is a guess, so the decide stage sends the person for review.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from nicknames import NickNamer

from anonymiser.decide.initials import LONE_LETTER
from anonymiser.decide.people import SHARED_KEY, Person, fold, strip_title
from anonymiser.detect.names import name_tokens
from anonymiser.records import TextUnit
from anonymiser.settings import PeopleWords

# A capitalised word with lower-case letters after it ("Con"; not "CON", "McCann").
_WORD = re.compile(r"(?<![\w'\u2019-])[A-Z][a-z]+(?![\w-])")
# A given name as a short form can begin: a capital, then lower-case letters, perhaps a
# hyphen or apostrophe ("Amy-Leigh").
_GIVEN = re.compile(r"[A-Z][a-z]+(?:[-'\u2019][A-Za-z]+)*")
# The word before, on the same line and with only spaces between ("Con |Brightwell").
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'\u2019-]*)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_])")
# A sentence, line or quotation opening a sentence: "...home. Con", "\nCon", '. "Con'.
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)[\"'\u201c\u2018(\[]?$")
# An article makes a common noun of a capitalised word ("the Bill", "an Art").
_ARTICLES = frozenset({"the", "a", "an"})
# A lone letter, possessive or between lower-case words (a comma may follow the word before).
_POSSESSIVE = re.compile(r"['\u2019]s(?![\w'\u2019])")
_LOWER_BEFORE = re.compile(r"(?<![\w'\u2019-])([a-z][\w'\u2019-]*)[,;:]?[ \t]+$")
_LOWER_AFTER = re.compile(r"[ \t]+[a-z]")
# The lower-case word after a letter ("H| says").
_LOWER_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
# A sentence or a quotation opening, wherever the quotation stands ('noted: "H says').
_OPENS_WORDS = re.compile(r"(?:(?:^|[.!?]\s+|\n\s*)[\"'\u201c\u2018(\[]?|[\"\u201c\u2018])$")
# A letter in a list of letters ("options B and C", "A, B or C") labels things.
_LETTER_LIST_BEFORE = re.compile(r"(?<![\w'\u2019-])[A-Z](?:[ \t]*,[ \t]*|[ \t]+(?:and|or|to)[ \t]+)$")
_LETTER_LIST_AFTER = re.compile(r"(?:[ \t]*,[ \t]*|[ \t]+(?:and|or|to)[ \t]+)[A-Z](?![\w'\u2019-])")
_NOT_INITIALS = frozenset("AI")


@dataclass(frozen=True)
class ShortForm:
    """A short form ("Con") or lone initial ("K") and the people whose given name it begins:
    one person, or several (then it stands for none of them)."""

    text: str
    owners: tuple[Person, ...]
    spans: tuple[tuple[int, int, int], ...]  # (unit uid, start, end)

    @property
    def is_initial(self) -> bool:
        return len(self.text) == 1


@dataclass(frozen=True)
class ShortFormRules:
    """The people.yml words that rule short forms and initials out, folded once."""

    words: PeopleWords

    @cached_property
    def not_short_forms(self) -> frozenset[str]:
        return frozenset(w.lower() for w in (*self.words.not_short_forms, *self.words.not_names))

    @cached_property
    def initial_labels(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.words.initial_labels)

    @cached_property
    def not_initials(self) -> frozenset[str]:
        return frozenset(w.strip().upper() for w in self.words.not_initials)

    @cached_property
    def telling_verbs(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.words.telling_verbs)

    @cached_property
    def function_words(self) -> frozenset[str]:
        return self.words.folded.function_words


def given_name(person: Person, titles: Sequence[str], is_first_name: Callable[[str], bool]) -> str | None:
    """The given name of ``person`` as a short form can begin it: the first of two or more
    name words ("Connor" of Connor Brightwell), or a lone name word never seen as a surname
    that the name lists know ("Hope")."""
    if person.key.startswith(SHARED_KEY):
        return None
    tokens = name_tokens(strip_title(person.name, titles))
    if not tokens:
        return None
    if len(tokens) == 1 and (fold(tokens[0]) in person.surnames or not is_first_name(tokens[0])):
        return None
    first = tokens[0]
    return first if _GIVEN.fullmatch(first) else None


def short_forms(
    units: Sequence[TextUnit],
    given: Sequence[tuple[Person, str]],
    rules: ShortFormRules,
    *,
    excluded: Callable[[str], bool],
) -> list[ShortForm]:
    """Every short form of the ``given`` names (person, given name) in ``units``: words of at
    least ``short_form_letters`` letters that begin a given name and are not the whole of it,
    or (with ``diminutives``) are a known diminutive of it ("Liz" of Elizabeth); never
    ``excluded`` (known names, practice terms, places) nor in ``not_short_forms``."""
    least = rules.words.short_form_letters
    known = {fold(name) for _, name in given}
    # The diminutives of each given name, folded ("elizabeth" -> {"liz", "beth", ...}).
    pet = {name: diminutives_of(name) if rules.words.diminutives else frozenset() for name in known}

    def shortens(name: str, word: str) -> bool:
        return (name.startswith(word) or word in pet[name]) and name != word

    found: dict[str, list[tuple[int, int, int]]] = {}
    established: set[str] = set()
    for unit in units:
        for match in _WORD.finditer(unit.text):
            word = match.group()
            low = word.lower()
            if len(word) < least or low in known or low in rules.not_short_forms or excluded(word):
                continue
            if not any(shortens(name, low) for name in known):
                continue
            if not _stands_alone(unit.text, match.start(), match.end(), rules):
                continue
            found.setdefault(word, []).append((unit.uid, match.start(), match.end()))
            if not _opens_sentence(unit.text, match.start()):
                established.add(word)
    out = []
    for word in sorted(established):
        owners = _owners(word.lower(), given, shortens)
        if owners:
            out.append(ShortForm(word, owners, tuple(found[word])))
    return out


@lru_cache(maxsize=4096)
def diminutives_of(name: str) -> frozenset[str]:
    """The diminutives of a given name that are not its beginning ("Liz", "Beth" and "Betty"
    of Elizabeth; "Bill" of William; "Peggy" of Margaret), folded, from the hand-curated
    English name list of the ``nicknames`` package (offline: a CSV inside the package)."""
    return frozenset(n for n in _nicknamer().nicknames_of(name) if n.isalpha())


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    # Read once per process, on the first name asked about (about 10 ms).
    return NickNamer()


def lone_initials(
    units: Sequence[TextUnit],
    family: Sequence[tuple[Person, str]],
    rules: ShortFormRules,
) -> list[ShortForm]:
    """Every lone initial of the ``family`` members' given names that ``units`` use as a name."""
    letters = {name[0] for _, name in family if name[:1].isupper() and name[0] not in _NOT_INITIALS}
    found: dict[str, list[tuple[int, int, int]]] = {}
    for unit in units:
        for start, end in _letters_as_names(unit.text, rules):
            letter = unit.text[start:end]
            if letter in letters:
                found.setdefault(letter, []).append((unit.uid, start, end))
    out = []
    for letter in sorted(found):
        owners = _owners(letter.lower(), family, lambda name, w: name[:1] == w)
        if owners:
            out.append(ShortForm(letter, owners, tuple(found[letter])))
    return out


def _owners(
    word: str, given: Sequence[tuple[Person, str]], begins: Callable[[str, str], bool]
) -> tuple[Person, ...]:
    owners: dict[str, Person] = {}
    for person, name in given:
        if begins(fold(name), word):
            owners.setdefault(person.key, person)
    return tuple(owners[k] for k in sorted(owners))


def _stands_alone(text: str, start: int, end: int, rules: ShortFormRules) -> bool:
    """Whether the word at ``start:end`` stands as a name alone: not beside another
    capitalised word ("Con Brightwell", "Dan Street"; a function word opening a sentence,
    "When Con", and a family word the family calls a person by, "Grandma Win", do not
    count), and not after an article ("the Bill")."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is not None:
        word = before.group(1).lower()
        if word in _ARTICLES:
            return False
        if before.group(1)[:1].isupper() and word not in rules.function_words and word not in rules.words.family_role_set:
            return False
    after = _WORD_AFTER.match(text, end)
    return after is None or not after.group(1).isupper()


def _opens_sentence(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence, where every word is capitalised. A quotation inside
    a sentence does not ('Kian said "Con did it"')."""
    return _SENTENCE_START.search(text, max(0, start - 40), start) is not None


def _letters_as_names(text: str, rules: ShortFormRules) -> Iterator[tuple[int, int]]:
    """Lone capital letters used as a name: possessive ("K's forehead") or between
    lower-case words ("table, K running", "saw K on"); not after a capitalised word ("Child
    K", "Vitamin K"), a label word ("vitamin K", "tier B") or in a list of letters."""
    for match in re.finditer(LONE_LETTER, text):
        start, end = match.span()
        if text[start:end] in _NOT_INITIALS:
            continue
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if before is not None and (
            before.group(1)[:1].isupper() or before.group(1).lower() in rules.initial_labels
        ):
            continue
        if _LETTER_LIST_BEFORE.search(text, max(0, start - 10), start) or _LETTER_LIST_AFTER.match(text, end):
            continue
        possessive = _POSSESSIVE.match(text, end) is not None
        between = (
            text[start:end] not in rules.not_initials
            and _LOWER_BEFORE.search(text, max(0, start - 40), start) is not None
            and _LOWER_AFTER.match(text, end) is not None
        )
        # A note quoting a child opens with the child's initial and what the child said ("H
        # says she looks after baby brother"), where no lower-case word stands before it.
        after = _LOWER_WORD_AFTER.match(text, end)
        tells = (
            after is not None
            and after.group(1) in rules.telling_verbs
            and _OPENS_WORDS.search(text, max(0, start - 40), start) is not None
        )
        if possessive or between or tells:
            yield start, end
