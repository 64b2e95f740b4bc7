"""People: which findings are the same person, what group they are in, and their label."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import OSA

from anonymiser.detect.names import PARTICLES, name_tokens
from anonymiser.settings import CasePerson, PeopleWords, Replacements


@dataclass
class Person:
    """One person in the document: the fullest form of their name and every form seen."""

    key: str
    name: str
    forms: set[str] = field(default_factory=set)
    case: CasePerson | None = None
    first_seen: tuple[int, int] = (1 << 30, 0)
    role_label: str | None = None
    group: str | None = None
    # Lone words seen after a title ("Forshaw" of "Ms Forshaw"): surnames, not given names.
    surnames: set[str] = field(default_factory=set)
    # The honorifics seen before their name ("mrs" of "Mrs O'Neill"), folded: a person called
    # Mrs is not the one called Mr (see PersonBook).
    honorifics: set[str] = field(default_factory=set)
    # The draft marks one of their full names as a child's ("Ayaan Warsame (aged 3)", "her
    # son, Ayaan Warsame"): see children_named. Read only for people the case file does not list.
    child: bool = False
    # Seen with a title no child bears before their surname alone ("Ms Warsame", "Dr Hill").
    adult: bool = False
    # Seen with a title that is no honorific, a rank or a profession ("PC Hill", "Dr Hill"):
    # such a surname names a practitioner, not one of the family (``kin``).
    ranked: bool = False
    # Named right after a family role ("her mother, Emma Hill"): one of the family, whom
    # "PC Hill" is not.
    kin: bool = False
    # The titles seen before their name, folded ("pc", "mrs", "dr"): where one sentence gives
    # the surname to two people (PersonBook ``apart``), they tell the two apart.
    title_words: set[str] = field(default_factory=set)
    # Why the consultant should look at who this is, when the book could not be sure.
    doubt: str | None = None
    # Titled surnames joined to this person as a misspelling of theirs ("Ms Gallacher" of
    # Siobhán Gallagher): the consultant checks the join.
    misspelt: set[str] = field(default_factory=set)

    @property
    def tokens(self) -> list[str]:
        return name_tokens(self.name)

    def is_child(self, children: Sequence[str]) -> bool:
        """Whether the case file lists this person as a child (by role or pseudonym), or, for
        someone it does not list, the draft marks one of their full names as a child's."""
        if self.case is None:
            return self.child
        return _described_as_child(self.case.role, self.case.pseudonym or "", tuple(children))


@dataclass(frozen=True)
class KnownName:
    """A person another draft of the same batch names in full ("Connor Treharne", in
    ``document``): the decide stage finds them here by the forms it finds its own people by
    (see ``decide``), as a draft that named them in full would."""

    name: str
    document: str  # where the batch found the name (path relative to the batch folder)


@lru_cache(maxsize=1024)
def _described_as_child(role: str, pseudonym: str, children: tuple[str, ...]) -> bool:
    # Asked for every name the decide stage sees; the answer depends on these strings only.
    described = f"{role} / {pseudonym}".lower()
    return any(re.match(rf"\s*{re.escape(c.lower())}\b", part) for part in described.split("/") for c in children)


@lru_cache(maxsize=8)
def _title_set(titles: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The titles as compared (no full stops, lower case), and the first words of them."""
    folded = frozenset(t.rstrip(".").lower() for t in titles)
    return folded, frozenset(t.split()[0] for t in folded if t.split())


def strip_title(text: str, titles: Sequence[str]) -> str:
    tokens = name_tokens(text)
    title_set, first_words = _title_set(tuple(titles))
    # Most names start with no title; their first word settles it without joining any words
    # (this is asked for every name the decide stage looks at).
    while len(tokens) > 1 and tokens[0].rstrip(".").lower() in first_words:
        # The longest title first: "Detective Sergeant" of "Detective Sergeant Amy Rowe" is a
        # title of two words, and left on it made "Amy Rowe" another person with another label.
        folded = [t.rstrip(".").lower() for t in tokens[:3]]
        size = next((n for n in range(min(3, len(tokens) - 1), 0, -1) if " ".join(folded[:n]) in title_set), 0)
        if not size:
            break
        tokens = tokens[size:]
        # "PC 4471 Grainger": the collar number after a rank is not part of the name.
        if len(tokens) > 1 and tokens[0].isdigit():
            tokens = tokens[1:]
    return " ".join(tokens)


def is_surname_alone(name: str) -> bool:
    """Whether ``name`` (no title) is one word, or a surname with its particles and no given
    name ("da Silva", "van der Berg"): what a title before a surname leaves."""
    tokens = name_tokens(name)
    return bool(tokens) and all(t in PARTICLES for t in tokens[:-1])


def surname_of(tokens: Sequence[str]) -> str:
    """The folded surname of a full name: its last word, with the particles before it that
    follow a given name ("da silva" of Inês da Silva)."""
    start = len(tokens) - 1
    while start > 1 and tokens[start - 1] in PARTICLES:
        start -= 1
    return fold(" ".join(tokens[start:]))


# The key of a person that a name several listed people share stands for (for_shared).
SHARED_KEY = "shared:"
# The key of a person another draft of the batch names in full (for_known).
KNOWN_KEY = "batch:"
# The review's reason for a titled surname that the book made a person of its own.
DOUBT_TITLED_SURNAME = (
    "a titled surname that a child or several people in this draft bear: may be another member of the family"
)


# A word in quotes inside a name: a nickname ('Patrick "Paddy" McDonagh', "Anthony ‘Tony’ Brannock").
_QUOTES = "\"\u201c\u201d'\u2018\u2019`"
_QUOTED = re.compile(r"[\"\u201c'\u2018`][^\W\d_][\w'\u2019-]*[\"\u201d'\u2019`]")


# The review's reason for a listed child's name followed by a word that marks an adult
# ("Abdi senior") that no adult in the draft bears.
DOUBT_ADULT_WORD = "a name a listed child bears, marked as an adult's (\"senior\"): may be another member of the family"


def one_edit_away(word: str, known: str) -> bool:
    """Whether ``word`` may be ``known``, a name part of five letters or more, misspelt: the
    same first letter and one letter added, dropped or changed, or two neighbours swapped
    ("Zielinksi" for "Zielinski", an edit of two to plain Levenshtein)."""
    return (
        word != known
        and len(known) >= 5
        and word[:1] == known[:1]
        and OSA.distance(word, known, score_cutoff=1) <= 1
    )


def fold(text: str) -> str:
    """A name as the book compares it: lower case, one space, and the curly apostrophe read
    as the straight one ("O’Neill" is "O'Neill", as the name matcher already reads it)."""
    return " ".join(text.replace("\u2019", "'").split()).lower()


def clean_person_text(text: str) -> str:
    """Drop a possessive and stray punctuation the model may include in a name span."""
    text = re.sub(r"['\u2019]s?$", "", text.strip())
    return text.strip(" ,.;:()[]\"")


# A register's or a system's "SURNAME, Given" (patterns/recognisers/worker_initials.yml,
# surname_first_in_capitals): the surname in capitals, so that a list of first names ("Kian,
# Riley") is never turned round.
_SURNAME_FIRST = re.compile(r"([A-Z][A-Z'\u2019]+(?:-[A-Z][A-Z'\u2019]+)?),\s+([A-Z][a-z'\u2019]+(?:-[A-Z][a-z'\u2019]+)?)")


def given_name_first(text: str) -> str:
    """``text`` with a surname written first turned round ("MARSH, Hope" is "Hope MARSH"), so
    that it is the person the draft or the case file names in the usual order; any other
    text as it is. "- MARSH, Hope – DOB ..." was a person of its own ("Person B") beside
    Hope Marsh, listed as "Sibling 1"."""
    match = _SURNAME_FIRST.fullmatch(text)
    return f"{match.group(2)} {match.group(1)}" if match else text


class PersonBook:
    """Groups name strings into people, document-wide.

    A multi-word name is a person; a lone word joins the person whose first or last name it
    is (the earliest such person, when two share a surname), else it is a person of its own.
    A full name joins the person known so far only by its surname after a title ("Mrs O'Neill",
    then "Mrs Patricia O'Neill"), as a lone surname joins a full name seen first.

    ``honorifics`` (patterns/people.yml) are the titles that say how a person is addressed: a
    name never joins a person who was given a different one. "Mr O'Neill" and "Mrs Patricia
    O'Neill" are two people, and "Mrs O'Neill" is then the second of them.

    A surname alone after a title no child bears ("Ms Warsame"; ``child_titles`` are the ones
    a child may) joins someone who bears that surname only if it can be no one else: the one
    seen with the same honorific ("Mrs Denise Marsh" for "Mrs Marsh"), else the one person
    bearing it who is no child (``children``: the case file's, or ``child_names``, the full
    names the draft marks as a child's) and has no other honorific. Otherwise it is a person
    of its own, still redacted, with a ``doubt`` for the consultant: with "Ayaan Warsame (aged
    3)" and no case file, "Ms Warsame", the mother, read the child's label.

    ``apart``: by surname (folded), the pairs of ways one sentence of the draft names two
    people of that surname: under two titles ("Mrs Hill was seen by PC Hill": "mrs", "pc"),
    or under a title and with a first name ("Dr Lane saw Poppy Lane": "dr", "name:poppy";
    see person_match.surnames_apart). A person is not seen by themselves: a surname under
    one of a pair never joins a person known by the other, nor a full name a person known
    under a title it is apart from. Both read "Police Officer 1" or "Doctor 1" before.
    Elsewhere a rank and an honorific may be one person ("Prison Officer Dawes", "Mr Dawes").
    """

    def __init__(
        self,
        titles: Sequence[str],
        honorifics: Sequence[str] = (),
        *,
        children: Sequence[str] = (),
        child_titles: Sequence[str] = (),
        child_names: frozenset[str] = frozenset(),
        apart: Mapping[str, frozenset[frozenset[str]]] | None = None,
    ) -> None:
        self.titles = tuple(titles)
        self.apart = apart or {}
        self.honorifics = frozenset(h.rstrip(".").lower() for h in honorifics)
        self.children = tuple(children)
        self.child_titles = frozenset(t.rstrip(".").lower() for t in child_titles)
        self.child_names = child_names
        self.people: list[Person] = []
        self._by_form: dict[str, Person] = {}
        # A full name's folded surname forms, by name: asked of every person for every
        # titled surname met (a tenth of deciding a 40,000-word draft when rebuilt each time).
        self._surname_forms: dict[str, frozenset[str]] = {}

    def for_case(self, person: CasePerson) -> Person:
        key = f"case:{person.name.lower()}"
        for existing in self.people:
            if existing.key == key:
                return existing
        found = Person(key=key, name=person.name, case=person, group=person.group)
        found.forms.add(person.name)
        self.people.append(found)
        self._by_form.setdefault(fold(person.name), found)
        return found

    def for_known(self, known: KnownName) -> Person:
        """The person another draft of the batch names in full (see ``KnownName``): a person
        of their own, never joined to one the draft found (that one keeps its own words)."""
        key = f"{KNOWN_KEY}{fold(known.name)}"
        for existing in self.people:
            if existing.key == key:
                return existing
        found = Person(key=key, name=known.name)
        found.forms.add(known.name)
        self.people.append(found)
        return found

    def for_shared(self, name: str, label: str) -> Person:
        """The person a name several listed people share stands for when alone ("the Marsh
        family"): none of them, labelled ``label``. Kept as a listed person with that
        pseudonym, so a batch labels it the same way in every draft."""
        key = f"{SHARED_KEY}{fold(name)}"
        for existing in self.people:
            if existing.key == key:
                return existing
        found = Person(key=key, name=name, case=CasePerson(name=name, pseudonym=label, group="family"), group="family")
        found.forms.add(name)
        self.people.append(found)
        return found

    def add(
        self,
        text: str,
        where: tuple[int, int],
        *,
        not_children: Sequence[str] = (),
        titled: bool = False,
        title: str | None = None,
        not_family: bool = False,
        not_person: Person | None = None,
    ) -> Person:
        """The person ``text`` names, found or new. With ``not_children`` (the words that make
        a listed person a child) a lone word never joins a child: "Mrs O'Neill" is not Grace.
        ``titled``: the text stood after a title, even if the span leaves it out; ``title``:
        that title, when the span leaves it out. ``not_family``: never a person the case
        file lists outside the professionals (a practitioner titled "Dr Brightwell");
        ``not_person``: never that person (a listed social worker, for "PC Hill")."""
        bare = given_name_first(clean_person_text(text))
        name = strip_title(bare, self.titles)
        # 'Patrick "Paddy" McDonagh': the nickname in quotes is one of the person's forms, and
        # the name is the rest of it ("Paddy's nephew" is his).
        nicknames = [t.strip(_QUOTES) for t in name_tokens(name) if _QUOTED.fullmatch(t)]
        if nicknames:
            rest = [t for t in name_tokens(name) if not _QUOTED.fullmatch(t)]
            name = " ".join(rest) if len(rest) >= 2 else name
            nicknames = nicknames if len(rest) >= 2 else []
        lower = fold(name)
        honorific = self._honorific(bare, title)
        single = len(name_tokens(name)) == 1
        # A surname with particles after a title ("Mr da Silva") is read as one word would be.
        surname_alone = is_surname_alone(name)

        title_word = self._title_word(bare, name, title)
        ranked = title_word is not None and title_word not in self.honorifics
        # A surname one sentence gives to two people: the person it names under another
        # title, or with a first name, is not this one.
        pairs = self.apart.get(lower, frozenset()) if title_word is not None and surname_alone else frozenset()

        def other(p: Person) -> bool:
            return p is not_person or (bool(pairs) and _kept_apart(pairs, {title_word or ""}, person_keys(p)))

        def fits(p: Person) -> bool:
            return (
                not (not_children and p.is_child(not_children))
                and not (not_family and _listed_family(p))
                and self._same_address(p, honorific, ranked)
                and not other(p)
            )

        adult_titled = surname_alone and title_word is not None and title_word not in self.child_titles
        person = None
        if adult_titled:
            person, doubt = self._titled_owner(lower, honorific, not_family, ranked, other)
            if person is None and doubt is None:
                person = self._misspelt_owner(lower, title_word, honorific, not_family, ranked, other)
                if person is not None:
                    person.misspelt.add(bare)
            if person is None and doubt is not None:
                person = Person(key=f"person:{len(self.people) + 1}", name=name, doubt=doubt)
                self.people.append(person)
        if person is None:
            person = self._by_form.get(lower)
        if person is not None and not fits(person):
            # Another person may bear the same form under this title ("Mrs O'Neill" after
            # "Mr O'Neill"); the earliest who fits.
            person = min(
                (p for p in self.people if lower in {fold(f) for f in p.forms} and fits(p)),
                key=lambda p: p.first_seen,
                default=None,
            )
        if person is None and single:
            person = self._owner_of_part(lower, not_children, honorific, not_family, ranked, other)
        if person is None and not single:
            person = (
                self._same_as_longer(name)
                or self._first_name_only(name)
                or self._titled_surname(name, honorific, title_word)
            )
        if person is None:
            person = Person(key=f"person:{len(self.people) + 1}", name=name)
            self.people.append(person)
        if (titled or name != bare) and surname_alone:
            person.surnames.add(lower)
        if honorific:
            person.honorifics.add(honorific)
        if title_word:
            person.title_words.add(title_word)
        if adult_titled:
            person.adult = True
            person.ranked = person.ranked or ranked
        for nickname in nicknames:
            self.add_form(person, nickname, where)
        return self.add_form(person, name, where)

    def _title_word(self, bare: str, name: str, title: str | None) -> str | None:
        """The title before ``name``, folded: the words of ``bare`` before it ("ms" of "Ms
        Warsame"), or ``title`` when the span leaves it out."""
        tokens, rest = name_tokens(bare), name_tokens(name)
        written = " ".join(tokens[: len(tokens) - len(rest)]) if len(tokens) > len(rest) else (title or "")
        written = written.strip().rstrip(".").lower()
        return written or None

    def _bears(self, person: Person, surname: str) -> bool:
        """Whether ``person`` is known by the folded ``surname``: the last word of a full name,
        or a surname seen alone after a title."""
        forms = self._surname_forms.get(person.name)
        if forms is None:
            tokens = person.tokens
            forms = frozenset({fold(tokens[-1]), surname_of(tokens)}) if len(tokens) >= 2 else frozenset()
            self._surname_forms[person.name] = forms
        return surname in forms if forms else surname in person.surnames

    def _titled_owner(
        self,
        surname: str,
        honorific: str | None,
        not_family: bool,
        ranked: bool = False,
        other: Callable[[Person], bool] = lambda p: False,
    ) -> tuple[Person | None, str | None]:
        """Who a surname after an adult title is (see the class), or why it is no one known:
        (None, None) when no one bears it, and the usual rules apply. ``other``: the people
        the draft shows to be someone else (``apart``)."""
        bearers = [
            p
            for p in self.people
            if not p.key.startswith(SHARED_KEY)
            and self._bears(p, surname)
            and not (not_family and _listed_family(p))
            and not other(p)
        ]
        if not bearers:
            return None, None
        adults = [p for p in bearers if not p.is_child(self.children)]
        if honorific:
            same = [p for p in adults if honorific in p.honorifics]
            if same:
                return min(same, key=lambda p: p.first_seen), None
        fitting = [p for p in adults if self._same_address(p, honorific, ranked)]
        if not fitting and ranked:
            return None, None  # "PC Hill" where only the mother bears it: a person of their own
        if len(fitting) == 1:
            return fitting[0], None
        return None, DOUBT_TITLED_SURNAME

    def _misspelt_owner(
        self,
        surname: str,
        title_word: str | None,
        honorific: str | None,
        not_family: bool,
        ranked: bool,
        other: Callable[[Person], bool],
    ) -> Person | None:
        """Who a titled surname no one bears is, when it is one known surname misspelt ("Ms
        Gallacher" beside Siobhán Gallagher, "Mr Zielinksi"): the person that surname would
        name, as ``_titled_owner`` chooses. Two surnames one edit away, or a surname that
        could be several people, name no one. It was a person of its own: one person with two
        labels in one draft. A case file's alias under the same title ("Ms Marsh", the
        mother's, where four listed people bear Marsh) names its person ("Ms Marshe")."""
        aliased = {
            p.key: p
            for p in self.people
            if p.case is not None and not p.key.startswith(SHARED_KEY) and not other(p)
            for alias in p.case.aliases
            if len(tokens := name_tokens(alias)) == 2
            and fold(tokens[0]).rstrip(".") == title_word
            and one_edit_away(surname, fold(tokens[1]))
        }
        if len(aliased) == 1:
            return next(iter(aliased.values()))
        near: set[str] = set()
        for p in self.people:
            if p.key.startswith(SHARED_KEY):
                continue
            tokens = p.tokens
            forms = {fold(tokens[-1]), surname_of(tokens)} if len(tokens) >= 2 else p.surnames
            near.update(f for f in forms if one_edit_away(surname, f))
        if len(near) != 1:
            return None
        person, doubt = self._titled_owner(next(iter(near)), honorific, not_family, ranked, other)
        return person if doubt is None else None

    def _honorific(self, bare: str, title: str | None) -> str | None:
        """The honorific opening ``bare`` ("Mrs" of "Mrs O'Neill"), or ``title`` if it is one."""
        tokens = name_tokens(bare)
        for word in (tokens[0] if len(tokens) > 1 else None, title):
            if word and word.rstrip(".").lower() in self.honorifics:
                return word.rstrip(".").lower()
        return None

    @staticmethod
    def _same_address(person: Person, honorific: str | None, ranked: bool = False) -> bool:
        """Whether a name under ``honorific`` may be ``person``: no honorific on either side,
        or the same one. A rank or a profession ("DC", "Dr") is not an honorific ("Prison
        Officer Dawes" may be "Mr Dawes"), but a surname after one (``ranked``) is not a
        person the draft names after a family role: "Her mother, Emma Hill, was seen by PC
        Hill" made the mother "Police Officer 1". (A person the case file lists is judged by
        the case file's group instead.)"""
        if person.case is None and person.kin and not person.ranked and ranked:
            return False
        return honorific is None or not person.honorifics or honorific in person.honorifics

    def _titled_surname(self, name: str, honorific: str | None, title_word: str | None = None) -> Person | None:
        # "Mrs O'Neill" was found first; "Mrs Patricia O'Neill" (or "Patricia O'Neill") is the
        # same person, now fully named, unless the honorifics differ ("Mr O'Neill"). A lone
        # word never seen after a title may be a given name ("Hope"): see owner_of_fuller_name.
        tokens = name_tokens(name)
        lasts = {fold(tokens[-1]), surname_of(tokens)}
        # A surname one sentence gives to two people ("Dr Lane saw Poppy Lane"): a full name
        # joins no one known under a title the sentence keeps apart from it.
        pairs = frozenset().union(*(self.apart.get(last, frozenset()) for last in lasts))
        own = {f"name:{fold(tokens[0])}", *([title_word] if title_word else [])}
        # A child's full name ("Ayaan Warsame (aged 3)") is not the adult "Ms Warsame".
        child = fold(name) in self.child_names
        owners = [
            p
            for p in self.people
            if p.case is None
            and is_surname_alone(p.name)
            and fold(p.name) in lasts
            and fold(p.name) in p.surnames
            and self._same_address(p, honorific)
            and not (child and p.adult)
            and not (pairs and _kept_apart(pairs, own, person_keys(p)))
        ]
        return min(owners, key=lambda p: p.first_seen) if owners else None

    def add_form(self, person: Person, name: str, where: tuple[int, int]) -> Person:
        """Record ``name`` as one of ``person``'s forms; the fullest form names them."""
        person.forms.add(name)
        if fold(name) in self.child_names:
            person.child = True
        if len(name_tokens(name)) > len(person.tokens) and person.case is None:
            person.name = name
        self._by_form.setdefault(fold(name), person)
        person.first_seen = min(person.first_seen, where)
        return person

    def owner_of_fuller_name(self, name: str) -> Person | None:
        """The person ``name`` names more fully, if any: one known only by its last word as a
        surname ("Ms Forshaw" for "Leanne Forshaw"), or by its first and last words ("Kayla
        Brindle" for "Kayla Jane Brindle"). A lone word never seen after a title may be a
        given name ("Hope"), so "Leanne Hope" is not taken for Hope."""
        tokens = name_tokens(name)
        if len(tokens) < 2:
            return None
        lasts = {fold(tokens[-1]), surname_of(tokens)}
        owners = [
            p for p in self.people if is_surname_alone(p.name) and fold(p.name) in lasts and fold(p.name) in p.surnames
        ]
        if owners:
            return min(owners, key=lambda p: p.first_seen)
        return self._same_as_longer(name)

    def _owner_of_part(
        self,
        word: str,
        not_children: Sequence[str] = (),
        honorific: str | None = None,
        not_family: bool = False,
        ranked: bool = False,
        other: Callable[[Person], bool] = lambda p: False,
    ) -> Person | None:
        fitting = [
            p
            for p in self.people
            if len(p.tokens) >= 2
            and not (not_children and p.is_child(not_children))
            and not (not_family and _listed_family(p))
            and self._same_address(p, honorific, ranked)
            and not other(p)
        ]
        owners = [p for p in fitting if word in {fold(p.tokens[0]), fold(p.tokens[-1])}]
        if owners:
            return min(owners, key=lambda p: p.first_seen)
        # A middle name alone ("Tariq" of Mohammed Tariq Hussain) is the one person who bears
        # it, when no one bears it as a first name or surname.
        middle = [p for p in fitting if word in {fold(t) for t in p.tokens[1:-1]}]
        return middle[0] if len(middle) == 1 else None

    def _first_name_only(self, name: str) -> Person | None:
        # "Hope" was found alone first; "Hope Marsh" is the same person, now fully named.
        first = fold(name_tokens(name)[0])
        for person in self.people:
            if person.case is None and len(person.tokens) == 1 and fold(person.tokens[0]) == first:
                return person
        return None

    def join_adjacent(self, texts: Sequence[str], is_name_word: Callable[[str], bool]) -> list[tuple[Person, Person]]:
        """A capitalised word right before a known surname is a first name: "Hope" "Marsh"
        (Hope was found alone) or "Carys" "Wrenshaw" (the model missed Carys). The pair is
        added as a full name, so the person gets a label of their own and no first name is
        left beside a redacted surname. ``is_name_word`` rules out titles, practice words
        and ordinary English words ("The Marsh family"). Returns (person, the person whose
        surname it shares) for each person found this way."""
        surname_owner: dict[str, Person] = {}
        for person in self.people:
            if len(person.tokens) >= 2:
                surname_owner.setdefault(person.tokens[-1], person)
        surnames = set(surname_owner)
        found: list[tuple[Person, Person]] = []
        if not surnames:
            return found
        last = "|".join(re.escape(t) for t in sorted(surnames, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w'\u2019-])([A-Z][a-z][\w'\u2019-]*)[ \t]+({last})(?![\w])")
        singles = {p.tokens[0] for p in self.people if len(p.tokens) == 1 and p.case is None}
        # Two words standing together inside a longer name ("Zainab Begum" of Zainab Begum
        # Hussain, "Tariq Hussain" of Mohammed Tariq Hussain) are that name's, not a new person:
        # a middle name before another's surname made one, who took "Zainab" alone.
        inner = {
            fold(f"{a} {b}")
            for p in self.people
            for form in (p.name, *p.forms)
            for a, b in zip(name_tokens(form), name_tokens(form)[1:])
            if len(name_tokens(form)) >= 3
        }
        for index, text in enumerate(texts):
            for match in pattern.finditer(text):
                first, surname = match.group(1), match.group(2)
                full = f"{first} {surname}"
                if fold(full) in self._by_form or any(fold(full) == fold(f) for p in self.people for f in p.forms):
                    continue
                if fold(full) in inner:
                    continue
                if first in singles or is_name_word(first):
                    found.append((self.add(full, (index, match.start())), surname_owner[surname]))
        return found

    def _same_as_longer(self, name: str) -> Person | None:
        # "Kayleigh Marsh" is the same person as "Kayleigh Anne Marsh".
        tokens = [fold(t) for t in name_tokens(name)]
        for person in self.people:
            ptoks = [fold(t) for t in person.tokens]
            if len(ptoks) >= 2 and tokens[0] == ptoks[0] and tokens[-1] == ptoks[-1]:
                return person
        return None


def person_keys(person: Person) -> set[str]:
    """The ways ``person`` has been named, as ``PersonBook.apart`` pairs them: the titles
    seen before their name ("mrs", "pc") and the first names of their full names
    ("name:poppy")."""
    firsts = {f"name:{fold(name_tokens(f)[0])}" for f in person.forms if len(name_tokens(f)) >= 2}
    return {*person.title_words, *firsts}


def _kept_apart(pairs: frozenset[frozenset[str]], own: set[str], theirs: set[str]) -> bool:
    """Whether a sentence names two people by one of ``own`` and one of ``theirs``."""
    return any(frozenset((a, b)) in pairs for a in own for b in theirs if a != b)


def _listed_family(person: Person) -> bool:
    """Whether the case file lists ``person`` (or the name their family shares) outside the
    professionals."""
    return person.case is not None and person.group != "professional"


_TRAILING_PUNCTUATION = re.compile(r"[\s,(:]+$")


# What stands between a name and the role written after it on its line ("Hope Ashworth – ",
# "Jane Hill, ", "Jane Hill (").
_ROLE_AFTER_NAME = re.compile(r"\w[ \t]*(?:[-\u2013\u2014,(:|/]|\t)[ \t]*$")


# A possessive between two words of a role ("team|'s| manager").
_POSSESSIVE_INSIDE = re.compile(r"(?<=\w)['\u2019]s(?=[ \t]+\w)")


def role_before(text: str, start: int, words: PeopleWords) -> tuple[str | None, str | None]:
    """The role word just before a name, and its group: ("social worker", "professional")."""
    window = text[max(0, start - 40) : start].lower()
    window = _TRAILING_PUNCTUATION.sub("", window)
    pattern, groups = words.role_at_end
    found = pattern.search(window)
    # "the Early Help Team's manager, Helen Carver": a role written with a possessive between
    # its words is the longer role ("team manager", not "manager"), on the name's own line.
    unpossessed = _POSSESSIVE_INSIDE.sub("", window)
    if unpossessed != window and "\n" not in window:
        longer = pattern.search(unpossessed)
        if longer is not None and (found is None or len(longer.group(0)) > len(found.group(0))):
            return longer.group(0), groups[longer.group(0)]
    if found is None:
        return None, None
    if "\n" in text[max(0, start - 40) + found.end() : start]:
        line = window[window.rfind("\n", 0, found.start()) + 1 : found.start()]
        if _ROLE_AFTER_NAME.search(line):
            # An attendee list, one "Name – Role" a line: the role ending the line above
            # is that line's person's, not the next line's ("Hope Ashworth – Social Worker /
            # DS Paul Hurst – Police" made the sergeant "Social Worker 1").
            return None, None
    return found.group(0), groups[found.group(0)]


def role_after(text: str, end: int, words: PeopleWords) -> str | None:
    """The practitioner's role set off by a comma or bracket right after a name ending at
    ``end`` ("Helen Carver|, the Early Help Team's manager,", "Jane Hill| (social worker)"),
    or a role before "of the ... Team" there ("|, manager of the Early Help Team," is the
    team manager); None if there is none. Only a professional role counts: "Connor, her
    partner," is described, not labelled."""
    shape = _APPOSITION_AFTER.match(text, end)
    if shape is None:
        return None
    body = _POSSESSIVE_INSIDE.sub("", shape.group("body").lower()).strip()
    pattern, groups = words.role_at_end
    found = pattern.search(body)
    if found is not None and groups[found.group(0)] == "professional":
        return found.group(0)
    of_team = _ROLE_OF_TEAM.match(body)
    if of_team is not None:
        role = f"{of_team.group('team')} {of_team.group('role')}"
        if groups.get(role) == "professional":
            return role
    return None


# A comma or bracket after a name, a few words without a mark, and a comma, bracket or full
# stop: the words in apposition ("|, the Early Help Team's manager,").
_APPOSITION_AFTER = re.compile(r"[ \t]*[,(][ \t]*(?P<body>[^,;:()\n.]{2,60}?)[ \t]*(?:[,;)]|\.(?:\s|$))")
# A role word before "of the ... Team" ("manager of the early help team").
_ROLE_OF_TEAM = re.compile(r"^(?P<role>[a-z]+)[ \t]+(?:of|for)[ \t]+the[ \t]+(?:[\w-]+[ \t]+){0,4}(?P<team>team|service|unit)$")


def role_label_for(role: str | None, name: str | None, replacements: Replacements) -> str | None:
    """The label a practitioner gets from their role ("social worker"), or else from the
    title that opens the name as written ("Dr Qureshi", "Prison Officer Dawes"): the longest
    title that ``replacements.role_labels`` knows, so "Detective Sergeant Rowe" is a Detective
    Sergeant, not a Detective."""
    labels = replacements.role_labels_folded
    if role and role.rstrip(".").lower() in labels:
        return labels[role.rstrip(".").lower()]
    words = (name or "").split()
    for count in range(len(words) - 1, 0, -1):  # a title leaves at least one word of name
        title = " ".join(words[:count]).rstrip(".").lower()
        if title in labels:
            return labels[title]
    return None


def labels_in_use(texts: Iterable[str], replacements: Replacements) -> frozenset[str]:
    """The labels a draft already uses for someone ("Police Officer 1", "Person B"), written
    by an author who anonymised as they went: none of them is given to another person."""
    prefixes = sorted({*replacements.role_labels.values(), replacements.person_prefix}, key=len, reverse=True)
    words = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in prefixes)
    pattern = re.compile(rf"(?<![\w-])(?:{words})\s+(?:\d{{1,3}}|[A-Z]{{1,2}})(?![\w-])")
    return frozenset(" ".join(m.group(0).split()) for text in texts for m in pattern.finditer(text))


def letter_code(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the letters of "Person A", "Person B" ..., enough for any review."""
    out = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(ord("A") + rem) + out
    return out


# What, right after a full name, says it is a child's: an age under 18 ("(aged 3)", ", aged 2
# years and 9 months", "(3)", ", a 4-year-old", "(6 months)") or a birth year fewer than 18
# years before the latest year the draft gives ("(born 14 September 2016)", ", DOB 03/04/2017").
_AGE_AFTER = re.compile(
    r"[ \t\u00a0]*[,(]?[ \t\u00a0]*(?:(?:who[ \t\u00a0]+was|then|now)[ \t\u00a0]+)?(?:an?[ \t\u00a0]+)?"
    r"(?:aged?[ \t\u00a0:]*(?P<aged>\d{1,2})(?:[ \t\u00a0]*(?P<aged_unit>months?|weeks?|days?))?\b"
    r"|\([ \t\u00a0]*(?P<bracketed>\d{1,2})[ \t\u00a0]*(?P<bracketed_unit>years?|yrs?|months?|weeks?)?"
    r"(?:[ \t\u00a0]*old)?[ \t\u00a0]*\)"
    r"|(?P<hyphened>\d{1,2})[- ](?P<hyphened_unit>years?|months?|weeks?)[- ]old\b)",
    re.IGNORECASE,
)
_BORN_AFTER = re.compile(
    r"[ \t\u00a0]*[,(]?[ \t\u00a0]*(?:(?:who[ \t\u00a0]+)?(?:was|is)[ \t\u00a0]+)?(?:born|b\.|d\.?o\.?b\.?|date[ \t\u00a0]+of[ \t\u00a0]+birth)"
    r"[ \t\u00a0:]*(?:on[ \t\u00a0]+|in[ \t\u00a0]+)?[^\n();]{0,20}?\b(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# Ages at or above this are an adult's.
ADULT_AGE = 18


@lru_cache(maxsize=8)
def _child_word_patterns(children: tuple[str, ...], child_titles: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A child word or title ending the text before a name ("the child, ", "her son ",
    "Master "), and a child word in brackets or apposition after it ("(child)", ", the child,")."""
    words = "|".join(re.escape(w).replace(r"\ ", r"[ \t\u00a0]+") for w in sorted(children, key=len, reverse=True))
    titles = "|".join(re.escape(t.rstrip(".")) for t in child_titles)
    before = re.compile(
        rf"(?<![\w'\u2019-])(?:(?:{words or '(?!)'})[ \t\u00a0]*[,:(]?|(?:{titles or '(?!)'})\.?)[ \t\u00a0]*$",
        re.IGNORECASE,
    )
    after = re.compile(
        rf"[ \t\u00a0]*[,(][ \t\u00a0]*(?:the[ \t\u00a0]+|a[ \t\u00a0]+|an[ \t\u00a0]+)?(?:{words or '(?!)'})(?![\w'\u2019-])",
        re.IGNORECASE,
    )
    return before, after


def children_named(texts: Iterable[str], names: Iterable[str], words: PeopleWords) -> frozenset[str]:
    """The full names (folded) that the draft marks as a child's somewhere: a child word or
    title just before ("the child, Zofia Wiśniewska", "her son Ayaan Warsame", "Master Ayaan
    Warsame"; people.yml ``children``, ``child_titles``), a child word just after ("Ayaan
    Warsame (child)"), an age under 18 or a birth year under 18 years before the latest year
    the draft gives. Without a case file, this is how a titled surname knows it is not the
    child's (PersonBook)."""
    texts = list(texts)
    wanted = sorted({" ".join(name_tokens(n)) for n in names if len(name_tokens(n)) >= 2}, key=len, reverse=True)
    if not wanted:
        return frozenset()
    latest = max((int(y) for text in texts for y in _YEAR.findall(text)), default=None)
    before, after = _child_word_patterns(tuple(words.children), tuple(words.child_titles))
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in wanted)
    pattern = re.compile(rf"(?<![\w'\u2019-])(?:{alternatives})(?![\w'\u2019-])")
    found: set[str] = set()
    for text in texts:
        for match in pattern.finditer(text):
            key = fold(match.group(0))
            if key in found:
                continue
            start, end = match.span()
            if (
                before.search(text, max(0, start - 40), start)
                or after.match(text, end)
                or _young(_AGE_AFTER.match(text, end))
                or _born_young(_BORN_AFTER.match(text, end), latest)
            ):
                found.add(key)
    return frozenset(found)


def _young(age: re.Match[str] | None) -> bool:
    if age is None:
        return False
    for group in ("aged", "bracketed", "hyphened"):
        if age.group(group):
            unit = (age.group(f"{group}_unit") or "years").lower()
            return not unit.startswith("y") or int(age.group(group)) < ADULT_AGE
    return False


def _born_young(born: re.Match[str] | None, latest: int | None) -> bool:
    return born is not None and latest is not None and latest - int(born.group("year")) < ADULT_AGE
