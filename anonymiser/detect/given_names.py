"""People found by their first name, from the name lists of a library on the package index.

The model misses names in capitals, names it has not seen and lone first names ("Tyler had
hit Mason"); a consultant's case file rarely lists every child, friend and neighbour. This
recogniser proposes a PERSON wherever a known first name stands as a name would: with the
capitalised words after it as a full name, or alone. How common the name is as an English
word decides how much evidence it needs (``patterns/given_names.yml`` explains the rules).

The names are Faker's first-name lists (``faker.providers.person.<locale>``): curated per
locale, MIT licensed, and plain Python tuples, so reading them costs one import per locale.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import re
import sys
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from wordfreq import zipf_frequency

from anonymiser.detect import alternation
from anonymiser.detect.alternation import APOSTROPHES
from anonymiser.detect.list_cache import cached_lines, source_digest
from anonymiser.detect.names import PARTICLES
from anonymiser.errors import ConfigError

GIVEN_NAME_RECOGNISER = "given_name"
# A street or building named after a first name ("Florence Court"): found by this recogniser,
# under its own name so the decide stage knows the model's person guess there gives way.
PLACE_NAME_RECOGNISER = "given_name_place"
# Above the model's PERSON (0.85): the words after the name say it is a place.
PLACE_NAME_SCORE = 0.9
# How many capitalised words may stand between the first name and the place's last word
# ("Florence Nightingale House").
PLACE_WORDS_BETWEEN = 2
FULL_NAME_SCORE = 0.85
LONE_NAME_SCORE = 0.6
LOWER_CASE_SCORE = 0.5
# A lower-case first name counts, alone or with a surname, only when it is this rare as an
# English word ("kayleigh" 2.5, "jayden" 2.8; not "shannon" 3.8, "darren" 3.8, "foster" 3.9):
# lower case is where ordinary words are.
LOWER_CASE_BELOW_ZIPF = 3.0
# After a lower-case first name (already rare), a lower-case surname must be rarer than this
# ("kayleigh marsh": 3.9; "kayleigh said", "kayleigh was" are not names).
LOWER_CASE_SURNAME_BELOW_ZIPF = 4.0
# The model's labels for places and groups: a name the model reads as one of these
# ("Chelsea", "Devon", "Jordan", "Roman Catholic") is left to it. Its ORG and FAC guesses are not trusted: the
# small model calls many lone first names organisations or buildings ("Mum (Shannon)").
_MODEL_OVERRULES = frozenset({"GPE", "LOC", "NORP", "LANGUAGE", "DATE", "EVENT"})
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s\b")
_FAKER_LIST_ATTRIBUTES = ("first_names", "first_names_male", "first_names_female")
_FAKER_SURNAME_ATTRIBUTES = ("last_names",)
# A capitalised word after a first name is a surname if the surname lists know it ("Hill",
# "Price") or it is rarer than this as an English word ("Forshaw", "Zielinski"): "Trent
# Regional Health Authority" and "Washington Development Corporation" are not people.
SURNAME_WORD_BELOW_ZIPF = 4.0
# Words of this many letters or fewer, in capitals, are abbreviations ("IRA", "RHA", "SW")
# unless the surname lists know them ("LEE", "FOX").
SHORT_WORD = 3

# A word, with inner hyphens and apostrophes ("Amy-Leigh", "D'Arcy"), and the possessive
# after it, which is not part of the name.
# An apostrophe after a letter is inside the word ("O`Sullivan"); one before a word is a
# quotation mark ('Paddy', ‘Paddy’), which leaves the name inside it a word.
_WORD = re.compile(
    rf"(?<![\w-])(?<!\w[{APOSTROPHES}])([^\W\d_]+(?:-[^\W\d_]+|[{APOSTROPHES}](?![sS](?![^\W\d_]))[^\W\d_]+)*)"
    rf"(?:[{APOSTROPHES}][sS])?(?![\w-])(?![{APOSTROPHES}][^\W\d_])"
)
# Irish and Scottish Gaelic surnames: a patronym ("Mac", "Nic", "N\u00ed", "\u00d3"; compared
# folded, so "ni" and "o"), perhaps an article ("an", "a'", "na"), and a surname whose first
# letter may carry a lower-case prefix ("Mac an tSaoi", "\u00d3 hUiginn").
GAELIC_PATRONYMS = frozenset({"mac", "mhic", "nic", "ni", "o", "ui", "ua", "mag"})
GAELIC_ARTICLES = frozenset({"an", "a", "na"})
_MUTATION = re.compile(r"(?:bh|[bdghmnt])-?[^\W\d_a-z][^\W\d_]*[a-z\u00e0-\u00ff][^\W\d_]*")
# Between two names of a list: "Tobi, Summer and Bailey", "Summer & Bailey", or the columns
# of a table typed as text ("Kaiden<tab>Shannon<tab>Dean").
_LIST_JOIN = re.compile(r"\s*,\s*|,?[ \t]+(?:and|&|or)[ \t]+|[ ]*\t[ \t]*|[ ]{3,}")
_LONGEST_JOIN = 12
# The initial of a surname after a first name ("Kelly |H|", "Jade |B.|"): one capital, then
# no letter, digit, hyphen or apostrophe.
_INITIAL_AFTER = re.compile(r"[ \u00a0]([A-Z])\.?(?![\w'\u2019-])")
# A label and its colon before a name on its line ("RE: ", "Subject: RE: ", "Child: ").
_LABEL_BEFORE = re.compile(r"^[^\W\d_][\w .'/-]{0,30}:[ \t]*$", re.MULTILINE)
# Between the words of one full name: one or two spaces, never a tab, three spaces (the
# columns of a table typed as text: "Kaiden<tab>Shannon<tab>Dean" was one "Person A"), a line
# break or punctuation.
_GAP = re.compile(r"[ \u00a0]{1,2}")
# A nickname in quotes between a first name and the surname: the gaps before and after it.
_OPEN_QUOTE = re.compile(rf"[ \t\u00a0]+[\"\u201c{APOSTROPHES}]")
_CLOSE_QUOTE = re.compile(rf"[\"\u201d{APOSTROPHES}][ \t\u00a0]+")


@dataclass(frozen=True)
class GivenNameRules:
    """The settings from ``patterns/given_names.yml``."""

    locales: tuple[str, ...] = ()
    lone_below_zipf: float = 4.4
    full_below_zipf: float = 5.5
    add: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    not_surnames: tuple[str, ...] = ()
    place_ends: tuple[str, ...] = ()
    short_abbreviations: tuple[str, ...] = ()
    family_names_first: tuple[str, ...] = ()
    context_only: tuple[str, ...] = ()

    @cached_property
    def _context_only(self) -> frozenset[str]:
        return _keys(self.context_only)

    def is_context_only(self, word: str) -> bool:
        """A first name too common at a sentence's start to be listed ("Testimony",
        "Praise"), from ``context_only``: a person only where the words around say so."""
        return name_key(word) in self._context_only

    @cached_property
    def _family_names_first(self) -> frozenset[str]:
        return _keys(self.family_names_first)

    def is_family_name_first(self, word: str) -> bool:
        """A family name written before the given name ("Zhang Wei", "Nguyen Van Minh"), or
        a Vietnamese middle name ("Thi", "Van"), from ``family_names_first``."""
        return name_key(word) in self._family_names_first

    @cached_property
    def first_names(self) -> frozenset[str]:
        """Every first name of the lists and ``add``, as ``name_key`` keys (lower case), read
        once with the settings (the recogniser and the decide stage both ask)."""
        return _listed_keys("first-names", self.locales, _FAKER_LIST_ATTRIBUTES) | _keys(self.add)

    def is_first_name(self, word: str) -> bool:
        """A listed first name, or a double first name made of them ("Ellie-Mae")."""
        key = name_key(word)
        return key in self.first_names or _double_name(key, self.first_names)

    @cached_property
    def _excluded(self) -> frozenset[str]:
        return frozenset(name_key(w) for w in self.exclude)

    def is_word_name(self, word: str) -> bool:
        """A first name of the lists that ``exclude`` does not rule out ("Con", "Orange"
        are words here, never a first name on their own), or a ``context_only`` name: the
        rules that read a name from the words around it ask this."""
        key = name_key(word)
        return (self.is_first_name(word) and key not in self._excluded) or key in self._context_only

    @cached_property
    def surnames(self) -> frozenset[str]:
        """Every surname of the lists, as ``name_key`` keys, read once with the settings."""
        return _listed_keys("surnames", self.locales, _FAKER_SURNAME_ATTRIBUTES)

    def is_surname_like(self, word: str) -> bool:
        """Whether a capitalised word may be a surname after a first name: one the lists know
        ("Hill", "Price"), or rarer than ``SURNAME_WORD_BELOW_ZIPF`` as an English word
        ("Forshaw"); never a ``not_surnames`` or ``place_ends`` word ("Court")."""
        key = name_key(word)
        if key in self._never_surnames:
            return False
        return key in self.surnames or zipf_frequency(key, "en") < SURNAME_WORD_BELOW_ZIPF

    def is_listed_surname(self, word: str) -> bool:
        """A surname the lists hold ("Henderson"), never a ``not_surnames`` or ``place_ends``
        word: stricter than ``is_surname_like``, which also takes any rare word."""
        key = name_key(word)
        return key in self.surnames and key not in self._never_surnames

    @cached_property
    def _never_surnames(self) -> frozenset[str]:
        return frozenset(name_key(w) for w in (*self.not_surnames, *self.place_ends))


def faker_first_names(locales: Sequence[str]) -> set[str]:
    """Every first name in Faker's person providers for ``locales``."""
    return _faker_names(locales, _FAKER_LIST_ATTRIBUTES)


def faker_surnames(locales: Sequence[str]) -> set[str]:
    """Every surname in Faker's person providers for ``locales``."""
    return _faker_names(locales, _FAKER_SURNAME_ATTRIBUTES)


def _listed_keys(kind: str, locales: Sequence[str], attributes: Sequence[str]) -> frozenset[str]:
    """``_keys`` of Faker's names, through the list cache (list_cache.py): importing the 32
    locales' modules and folding 33,000 names was a tenth of a second of every start. The
    cached copy is named by Faker's version, the locales and the code that folds the names
    (this module and the apostrophes it folds), so any change to them is a new copy."""
    try:
        version = importlib.metadata.version("faker")
    except importlib.metadata.PackageNotFoundError:
        return _keys(_faker_names(locales, attributes))  # fails, saying how to install it
    code = [Path(module.__file__).read_bytes() for module in (sys.modules[__name__], alternation) if module.__file__]
    source = source_digest(version, "\n".join(locales), "\n".join(attributes), *code)
    return frozenset(cached_lines(kind, source, lambda: _keys(_faker_names(locales, attributes))))


def _faker_names(locales: Sequence[str], attributes: Sequence[str]) -> set[str]:
    names: set[str] = set()
    for locale in locales:
        try:
            module = importlib.import_module(f"faker.providers.person.{locale}")
        except ModuleNotFoundError as error:
            if error.name and not error.name.startswith("faker.providers.person"):
                raise ConfigError(
                    "given_names.yml: the faker package is not installed (it holds the first-name "
                    "lists); run `make setup`, or set `locales: []` to turn the recogniser off"
                ) from error
            raise ConfigError(f"given_names.yml: locales: Faker has no person names for {locale!r}") from error
        provider = module.Provider
        for attribute in attributes:
            # A tuple of names, or a mapping of names to weights.
            names.update(str(n) for n in getattr(provider, attribute, None) or ())
    return names


# Letters that Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSED = str.maketrans({"\u0142": "l", "\u0141": "l", "\u00f8": "o", "\u00d8": "o", "\u0111": "d",
                               "\u0110": "d", "\u0131": "i", "\u00df": "ss"})
_STRAIGHT_APOSTROPHE = str.maketrans({c: "'" for c in APOSTROPHES})


def name_key(word: str) -> str:
    """A name whatever its case or apostrophe: "AMY-LEIGH", "Amy-Leigh" -> "amy-leigh".

    The accents of Western European spellings (Latin-1: "Se\u00e1n", "Zo\u00eb", "Chlo\u00e9") are
    dropped, so that they are the names the lists spell without them. A word with other
    letters ("S\u0105d", "Wi\u015bniewska") keeps them: it is matched as written, for in its own
    language it is often an ordinary word ("S\u0105d", a court, is not "Sad")."""
    word = word.translate(_STRAIGHT_APOSTROPHE).lower()
    if word.isascii():
        return word  # nothing to fold: most words, and this is asked for every word
    if all(c < "\u0100" for c in word):
        return _fold(word)
    return word


def _fold(word: str) -> str:
    """``word`` without any accents ("\u0141ukasz" -> "lukasz"): how a list's name may be typed."""
    folded = unicodedata.normalize("NFKD", word.translate(_UNDECOMPOSED))
    return "".join(c for c in folded if not unicodedata.combining(c)).lower()


def _keys(names: Iterable[str]) -> frozenset[str]:
    """The keys of the lists' names: as written, and without accents, so that "Lukasz" typed
    plainly is the list's "\u0141ukasz"."""
    keys = {name_key(n) for n in names}
    # A key in ASCII is its own folded form (most of the 30,000: folding them too took
    # 0.04 s of every start-up).
    return frozenset(keys | {_fold(k) for k in keys if not k.isascii()})


def _double_name(key: str, names: frozenset[str]) -> bool:
    """Whether ``key`` is two or three listed first names joined by hyphens ("ellie-mae",
    "lacey-jo"): families give them, and the lists hold only some ("Ellie-Mae", which the
    model read as a body, was published)."""
    if "-" not in key:
        return False  # most words: asked of every word of a draft
    parts = key.split("-")
    return 2 <= len(parts) <= 3 and all(part in names for part in parts)


def _shape(word: str) -> str:
    if word.isupper() and len(word) > 1:
        return "caps"
    if word[:1].isupper():
        return "title"
    if word.islower():
        return "lower"
    return "mixed"


class GivenNameRecogniser(EntityRecognizer):
    """PERSON: first names from the lists, alone or with the surname after them."""

    def __init__(self, rules: GivenNameRules, never_names: Iterable[str]) -> None:
        never = {name_key(w) for w in never_names}
        # ``exclude`` says which words are not first names; many are surnames ("Young",
        # "Early", "Little"), so they still count after a first name.
        not_first = never | {name_key(w) for w in rules.exclude}
        # (Entries with spaces or digits stay in the set but never match a word of the text.)
        self._names = frozenset(k for k in rules.first_names if len(k) >= 3 and k not in not_first)
        # How common each name met so far is as an English word: looked up when first met,
        # not for all the names at start-up (a third of a second on every run).
        self._zipf: dict[str, float] = {}
        # The answer for each word as written, remembered: every word of every chunk is asked
        # about, twice, and the same few thousand words come again and again (folding each
        # one to its key was a third of this recogniser's time).
        self._word_zipf: dict[str, float | None] = {}
        self._full_below = rules.full_below_zipf
        self._lone_below = rules.lone_below_zipf
        self._place_ends = frozenset(name_key(w) for w in rules.place_ends)
        self._not_surnames = frozenset(name_key(w) for w in rules.not_surnames) | self._place_ends | never
        self._never = frozenset(never)
        self._short_abbreviations = frozenset(name_key(w) for w in rules.short_abbreviations)
        self._surnames = rules.surnames
        # Every listed first name, short ones too: the parts of a double first name
        # ("Lacey-Jo") may be shorter than a lone name may be.
        self._all_first = rules.first_names
        super().__init__(supported_entities=["PERSON", "ADDRESS"], name=GIVEN_NAME_RECOGNISER, supported_language="en")

    def load(self) -> None:
        return None

    def __len__(self) -> int:
        return len(self._names)

    def _name_zipf(self, word: str) -> float | None:
        """How common the name ``word`` is as an English word, or None if it is not a name
        here (not in the lists, or a word too common even for a full name: "Will", "Said")."""
        try:
            return self._word_zipf[word]
        except KeyError:
            answer = self._word_zipf[word] = self._key_zipf(word)
            return answer

    def _key_zipf(self, word: str) -> float | None:
        key = name_key(word)
        if key not in self._names and not (_double_name(key, self._all_first) and key.split("-")[0] in self._names):
            return None
        zipf = self._zipf.get(key)
        if zipf is None:
            zipf = self._zipf[key] = zipf_frequency(key, "en")
        return zipf if zipf < self._full_below else None

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        words = [(m.start(1), m.end(1), m.group(1)) for m in _WORD.finditer(text)]
        places, bodies = _model_entities(nlp_artifacts, text)
        bodies = [(self._past_never_names(text, s, e), e) for s, e in bodies]
        results: list[RecognizerResult] = []
        i = 0
        while i < len(words):
            start, end, word = words[i]
            zipf = self._name_zipf(word)
            # (The shape only for the names: most words are not one.)
            shape = _shape(word) if zipf is not None else "mixed"
            if shape == "mixed":
                i += 1
                continue
            if _inside(places, start, end) and not self._runs_past(text, words, i, shape, places):
                # "Chelsea", "Roman Catholic": the model's place or group. Only the first name
                # inside it, with a surname after it ("KIAN" a NORP, "BRIGHTWELL" an ORG), is
                # still a person's full name.
                i += 1
                continue
            if shape == "lower" and zipf >= LOWER_CASE_BELOW_ZIPF:
                # "foster carers", "carry undue": a first name that is also an English word
                # is not a name in lower case, alone or with a surname.
                i += 1
                continue
            place = self._place_end(text, words, i, shape)
            if place > i:
                results.append(
                    self._result(start, words[place][1], PLACE_NAME_SCORE, "ADDRESS", PLACE_NAME_RECOGNISER)
                )
                i = place + 1
                continue
            last = self._surname_end(text, words, i, shape)
            if last > i and not _within_longer(text, bodies, start, words[last][1]):
                results.append(self._result(start, words[last][1], FULL_NAME_SCORE))
                i = last + 1
                continue
            initial = _INITIAL_AFTER.match(text, end) if shape == "title" else None
            if initial is not None and initial.group(1) not in ("A", "I"):
                # "SW (Kelly H)", "Jade B. visited": a first name and the initial of the
                # surname, as notes name a practitioner; "Kelly" alone is too common a word.
                results.append(self._result(start, initial.end(), FULL_NAME_SCORE))
                i += 1
                continue
            if zipf < self._lone_below and not (shape == "caps" and len(word) <= SHORT_WORD):
                # ("IRA", "ADA": a lone short word in capitals is an abbreviation)
                score = LOWER_CASE_SCORE if shape == "lower" else LONE_NAME_SCORE
                results.append(self._result(start, end, score))
            elif zipf < self._lone_below and self._short_name_in_capitals(text, words, i):
                results.append(self._result(start, end, LONE_NAME_SCORE))
            i += 1
        listed = self._listed_with_names(text, words, results, places, nlp_artifacts)
        return sorted([*results, *listed], key=lambda r: r.start) if listed else results

    def _listed_with_names(
        self,
        text: str,
        words: list[tuple[int, int, str]],
        results: list[RecognizerResult],
        places: list[tuple[int, int]],
        nlp_artifacts: NlpArtifacts | None,
    ) -> list[RecognizerResult]:
        """Names too common as words to count alone ("Summer", "Rose", "Hunter") that stand in
        a list beside a name: "his half-sisters Summer and Bailey McGuinness", "Tobi, Summer
        and Bailey". Capitalised, not opening the text, and next to a name found here or by
        the model, joined by a comma, "and", "&" or "or"."""
        names = [(r.start, r.end) for r in results]
        if nlp_artifacts is not None and nlp_artifacts.entities:
            names += [(e.start_char, e.end_char) for e in nlp_artifacts.entities if e.label_ == "PERSON"]
            # The model's DATE does not overrule here: it reads "Summer" of "Tobi, Summer and
            # Bailey" as a season. A place or group still does ("Chelsea and Kent").
            places = [
                (e.start_char, e.end_char)
                for e in nlp_artifacts.entities
                if e.label_ in _MODEL_OVERRULES and e.label_ not in ("DATE", "EVENT")
            ]
        starts, ends = {s for s, _ in names}, sorted({e for _, e in names})
        taken = [(s, e) for s, e in names]
        extra: list[RecognizerResult] = []
        for start, end, word in words:
            # The cheap tests first: this looks at every word of the chunk, most in lower case.
            if not word[:1].isupper() or _shape(word) != "title" or self._name_zipf(word) is None:
                continue
            if _inside(taken, start, end) or _inside(places, start, end):
                continue
            after = _LIST_JOIN.match(text, end)
            if after and after.end() in starts:
                # "Grace and Kian were at school", "Marvellous and Godswill attended": before
                # a name, a sentence's first word is listed with it all the same ("Grace" was
                # published). Ordinary words that open a sentence so are no first names.
                extra.append(self._result(start, end, LONE_NAME_SCORE))
                continue
            before = text[:start].rstrip()
            if not before or before[-1] in ".?!:":
                continue
            # A join is a few characters: only the names that end just before are looked at.
            near = ends[bisect_left(ends, start - _LONGEST_JOIN) : bisect_left(ends, start)]
            if any(_LIST_JOIN.fullmatch(text[e:start]) for e in near):
                extra.append(self._result(start, end, LONE_NAME_SCORE))
        return extra

    def _short_capitals(self, word: str) -> bool:
        """A first name of ``SHORT_WORD`` letters or fewer in capitals, rare enough to stand
        alone, that is none of ``short_abbreviations``."""
        if not (word.isupper() and len(word) <= SHORT_WORD):
            return False
        zipf = self._name_zipf(word)
        return zipf is not None and zipf < self._lone_below and name_key(word) not in self._short_abbreviations

    def _short_name_in_capitals(self, text: str, words: list[tuple[int, int, str]], i: int) -> bool:
        """Whether the short first name in capitals words[i] ("LEO", "AMY") is a name here,
        not an abbreviation: after a label and its colon on its line ("RE: LEO", "Child:
        AMY"), or joined as a list to another first name in capitals ("AMY and ZAK") in a
        line with words in lower case."""
        start, end, word = words[i]
        if not self._short_capitals(word):
            return False
        line_start = text.rfind("\n", 0, start) + 1
        if _LABEL_BEFORE.search(text, line_start, start):
            return True
        line_end = text.find("\n", end)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if not any(c.islower() for c in line):
            return False
        for j, other_start, other_end, other in ((k, *words[k]) for k in range(max(0, i - 3), min(len(words), i + 4))):
            if j == i:
                continue
            gap = text[other_end:start] if j < i else text[end:other_start]
            if _LIST_JOIN.fullmatch(gap) and other.isupper() and self._name_zipf(other) is not None and (
                self._short_capitals(other) or len(other) > SHORT_WORD
            ):
                return True
        return False

    def _past_never_names(self, text: str, start: int, end: int) -> int:
        """Where a model's span starts once the words before it that are never names are
        left out. The model takes a word of Word's or of practice before a name for part of
        one body ("MERGEFIELD Shauna Kettleby" in a field code, as an ORG); those words name
        no body of their own, so the name after them still counts as a full name."""
        while True:
            word = _WORD.match(text, start)
            if word is None or word.end() >= end or name_key(word.group(1)) not in self._never:
                return start
            gap = _GAP.match(text, word.end())
            if gap is None:
                return start
            start = gap.end()

    def _surname_end(self, text: str, words: list[tuple[int, int, str]], i: int, shape: str) -> int:
        """The index of the last word of the surname after words[i], or i if there is none.

        A surname is one or two words in the same hand as the first name (capitalised after a
        capitalised name, capitals after capitals, or capitals after a capitalised name, as
        in "Piotr ZIELINSKI"), joined by spaces only (a possessive, a comma or a line break
        ends the name), and not a street or institution word. In lower case ("darren
        holloway") the surname must be rare as an English word.
        """
        last = i
        taken = 0
        j = i + 1
        nickname = shape != "lower" and _nickname_at(text, words, j)
        if nickname:
            # 'Patrick "Paddy" McDonagh': the nickname in quotes is part of the full name, whose
            # surname follows it. Left out, "McDonagh" read his wife Bridget McDonagh's label.
            j += 1
        while taken < 2 and j < len(words) and (self._joined(text, words, j) or (nickname and j == i + 2)):
            word = words[j][2]
            if word in PARTICLES:
                # "Rhys ap Gwilym", "Jan van der Berg": particles join the surname after them.
                j += 1
                continue
            if (
                j == last + 1
                and name_key(word) in GAELIC_PATRONYMS
                and j + 1 < len(words)
                and self._joined(text, words, j + 1)
                and words[j + 1][2][:1].isupper()
            ):
                # "Padraig O Suilleabhain", "Sinead O Brien": a patronym written without its
                # accent or apostrophe joins the surname after it. Alone, "O" was read as the
                # initial of a surname and "Suilleabhain" was published.
                j += 1
                continue
            if _after_gaelic_patronym(words, j, last) and (
                name_key(word) in GAELIC_ARTICLES or _is_mutated(word)
            ):
                # "Se\u00e1n Mac an tSaoi", "Mhairi Nic a' Phearsain", "Colm \u00d3 hUiginn": the
                # article after Mac or Nic, and the surname with the letter Irish and Gaelic put
                # before it, are the surname; "an tSaoi" was published beside the label.
                if name_key(word) not in GAELIC_ARTICLES:
                    last = j
                    taken += 1
                j += 1
                continue
            particle, hyphen, rest = word.partition("-")
            if shape != "lower" and hyphen and particle in PARTICLES and self._fits(shape, rest):
                # "Ahmad al-Rashid", "Omar el-Sayed": a particle joined to the surname by a
                # hyphen is one word in lower case, which the same hand as the first name
                # ruled out; "al-Rashid" was published beside the label.
                last = j
                taken += 1
                j += 1
                continue
            if name_key(word) in self._not_surnames or not self._fits(shape, word):
                break
            if shape != "lower" and not self._surname_like(word):
                break
            if shape == "lower" and name_key(word) not in self._surnames and (
                zipf_frequency(word, "en") >= LOWER_CASE_BELOW_ZIPF
            ):
                # "declan locks me in": a verb is no surname; "kayleigh marsh" is one the
                # lists know, "kayleigh zielinski" one rarer than any ordinary word.
                break
            last = j
            taken += 1
            j += 1
        return last

    @staticmethod
    def _joined(text: str, words: list[tuple[int, int, str]], j: int) -> bool:
        """Whether words[j] follows words[j - 1] as the next word of one name: spaces only,
        or the apostrophe of the Gaelic article ("Nic a' Phearsain")."""
        gap = text[words[j - 1][1] : words[j][0]]
        if _GAP.fullmatch(gap):
            return True
        return (
            name_key(words[j - 1][2]) == "a"
            and gap[:1] in APOSTROPHES
            and _GAP.fullmatch(gap[1:]) is not None
        )

    def _runs_past(
        self, text: str, words: list[tuple[int, int, str]], i: int, shape: str, places: list[tuple[int, int]]
    ) -> bool:
        """Whether the first name words[i] has a surname after it that the model's place or
        group around the first name does not take in."""
        last = self._surname_end(text, words, i, shape)
        return last > i and not _inside(places, words[i][0], words[last][1])

    def _place_end(self, text: str, words: list[tuple[int, int, str]], i: int, shape: str) -> int:
        """The index of the word that ends a street or building named after the first name
        words[i] ("Florence Court", "Florence Nightingale House"), or i if it names none. The
        words are joined by spaces only and in the same hand; lower case is never a place."""
        if shape == "lower":
            return i
        for j in range(i + 1, min(i + PLACE_WORDS_BETWEEN + 2, len(words))):
            if not _GAP.fullmatch(text[words[j - 1][1] : words[j][0]]) or not self._fits(shape, words[j][2]):
                return i
            if name_key(words[j][2]) in self._place_ends:
                return j
        return i

    def _surname_like(self, word: str) -> bool:
        if name_key(word) in self._surnames:
            return True
        # A short word in capitals is an abbreviation ("Trent RHA") unless a known surname.
        if len(word) <= SHORT_WORD and word.isupper():
            return False
        return zipf_frequency(word.lower(), "en") < SURNAME_WORD_BELOW_ZIPF

    @staticmethod
    def _fits(shape: str, word: str) -> bool:
        other = _shape(word)
        if shape == "lower":
            return other == "lower" and len(word) > 2 and zipf_frequency(word, "en") < LOWER_CASE_SURNAME_BELOW_ZIPF
        if shape == "caps":
            return other == "caps"
        return other in ("title", "caps") and (other == "title" or len(word) > 2)

    def _result(
        self, start: int, end: int, score: float, entity: str = "PERSON", name: str = GIVEN_NAME_RECOGNISER
    ) -> RecognizerResult:
        return RecognizerResult(
            entity_type=entity,
            start=start,
            end=end,
            score=score,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )


def _after_gaelic_patronym(words: list[tuple[int, int, str]], j: int, last: int) -> bool:
    """Whether the name so far (up to words[last]) ends with a Gaelic patronym ("Mac",
    "Nic", "N\u00ed", "\u00d3") and perhaps its article, just before words[j]."""
    k = j - 1
    if k > last and name_key(words[k][2]) in GAELIC_ARTICLES:
        k -= 1
    return k == last and name_key(words[k][2]) in GAELIC_PATRONYMS


def _is_mutated(word: str) -> bool:
    """A Gaelic surname with the letters a patronym or article puts before it: "tSaoi",
    "hUiginn", "nGallach\u00f3ir", "bhFearghail"."""
    match = _MUTATION.fullmatch(word)
    return match is not None


def _model_entities(
    nlp_artifacts: NlpArtifacts | None, text: str
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The model's places and groups (which overrule a name), and every other entity but
    PERSON (a body's name that runs on past a name-like start: "Trent Regional Health
    Authority")."""
    if nlp_artifacts is None or not nlp_artifacts.entities:
        return [], []
    places, bodies = [], []
    for entity in nlp_artifacts.entities:
        if entity.label_ == "NORP" and len(entity) == 1 and _POSSESSIVE_AFTER.match(text, entity.end_char):
            # "Kian's birth": a people or nationality takes no possessive; a person does.
            # (``text`` is the text the model read: entity.doc.text would rebuild it.)
            continue
        if entity.label_ == "DATE" and len(entity) == 1 and not any(c.isdigit() for c in entity.text):
            # "4.2 Tahmina, who is..." read as a DATE: one word with no digit is no date the
            # lists' names could be (months and days are never names here), and deferring
            # to it published the name.
            continue
        if entity.label_ in _MODEL_OVERRULES:
            places.append((entity.start_char, entity.end_char))
        elif entity.label_ != "PERSON":
            # Without what it ran on into past its last word: "Tyler Brown (" as an ORG is no
            # longer name than "Tyler Brown" (which left "Brown" published beside "Person A").
            end = entity.end_char
            # Nor what it ran on into on the next line: a form's "Kian Marsh" then "Date of
            # birth" was one ORG, and the name in it two people ("Person A Person B").
            newline = text.find("\n", entity.start_char, end)
            if newline != -1:
                end = newline
            while end > entity.start_char and not text[end - 1].isalnum():
                end -= 1
            bodies.append((entity.start_char, end))
    return places, bodies


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _within_longer(text: str, spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a span runs on past ``start:end`` by more than a possessive ("kayleigh marsh's"
    is the same name). A span that ends with the name and holds a comma before it does not:
    the model ran a role and the name set off after it into one body ("The Named Nurse for
    Safeguarding, Bev Oduya"), and only "Bev" was found; where the body was dropped, "Oduya"
    was published."""
    return any(
        s <= start
        and end <= e
        and (s < start or text[end:e] not in ("", "'s", "\u2019s"))
        and not (text[end:e] in ("", "'s", "\u2019s") and "," in text[s:start])
        for s, e in spans
    )


def _nickname_at(text: str, words: list[tuple[int, int, str]], j: int) -> bool:
    """Whether words[j] is a capitalised nickname in quotes right after the word before it,
    with another word right after the closing quote ('Patrick "Paddy" McDonagh')."""
    if j < 1 or j + 1 >= len(words) or _shape(words[j][2]) != "title":
        return False
    before = text[words[j - 1][1] : words[j][0]]
    after = text[words[j][1] : words[j + 1][0]]
    return _OPEN_QUOTE.fullmatch(before) is not None and _CLOSE_QUOTE.fullmatch(after) is not None
